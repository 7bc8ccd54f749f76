"""Verdicts: who answers for a problem, on what basis, under which clauses.

A :class:`Verdict` lists :class:`Finding` objects (one per body, basis and
liability) and the :class:`Interpretation` entries that say which findings rest on
a choice the text leaves open. ``to_dict()`` gives the fixed JSON shape::

    {"problem", "findings": [{"level", "body", "name", "place", "basis", "liability",
                              "clauses", "reason"}], "interpretations": [...], "engine"}
"""

from __future__ import annotations

import datetime as dt
import html
import json
from dataclasses import dataclass, field
from typing import Any, Literal

Lang = Literal["zh", "en"]


@dataclass(frozen=True, slots=True)
class Finding:
    """One party that answers: the body placed on a real place, basis, liability, clauses."""

    level: str
    body: str
    name: str
    place: str
    basis: str
    liability: str
    clauses: tuple[str, ...]
    reason: str
    reason_en: str
    name_en: str = ""
    place_name: str = ""
    duties: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    rests_on: tuple[str, ...] = ()

    @property
    def is_failure(self) -> bool:
        """Whether the finding is one of the four failures of 一(四) (not a derived basis)."""
        return self.basis in ("not_discovered", "not_handled", "not_rectified", "concealed")

    def to_dict(self, lang: Lang = "zh") -> dict[str, Any]:
        """The fixed JSON shape of a finding; ``lang`` picks the reason's language."""
        return {
            "level": self.level, "body": self.body, "name": self.name, "place": self.place,
            "basis": self.basis, "liability": self.liability, "clauses": list(self.clauses),
            "reason": self.reason if lang == "zh" else self.reason_en,
        }


@dataclass(frozen=True, slots=True)
class Interpretation:
    """A choice the text leaves open (a parameter, or a duty read by interpretation) and the
    findings (by index) that rest on it."""

    id: str
    type: str
    name: str
    value: Any
    why: str
    findings: tuple[int, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"id": self.id, "type": self.type, "name": self.name, "value": self.value, "why": self.why,
                "findings": list(self.findings)}


@dataclass(frozen=True, slots=True)
class Step:
    """One rule that fired, for ``explain()``."""

    rule: str
    fact: dict[str, Any]
    findings: tuple[int, ...]


@dataclass(frozen=True)
class Verdict:
    """The answer to "who answers for this problem?".

    >>> import responsibility
    >>> policy = responsibility.load()
    >>> v = policy.who_answers({"id": "p", "domain": "housing", "place": "331127",
    ...     "discovered": {"level": "county", "channel": "hotline", "on": "2021-01-04"},
    ...     "handled": [{"action": "assigned", "by_level": "county", "to_level": "county", "on": "2021-01-05"}],
    ...     "rectified_on": "2021-01-20", "as_of": "2021-03-01"}, engine="compiled")
    >>> v.findings
    ()
    """

    problem: str
    findings: tuple[Finding, ...]
    interpretations: tuple[Interpretation, ...]
    engine: str
    as_of: dt.date
    policy: str
    steps: tuple[Step, ...] = ()
    quotes: dict[str, str] = field(default_factory=dict)
    parameters: dict[str, Any] = field(default_factory=dict)
    paths: dict[int, tuple[str, ...]] = field(default_factory=dict)
    #: What the verdict was decided in (policy view, jurisdiction, parsed problem), for pictures.
    context: Any = field(default=None, compare=False, repr=False)

    @property
    def failures(self) -> tuple[Finding, ...]:
        """Findings of the four failures only (no supervision or main responsibility)."""
        return tuple(f for f in self.findings if f.is_failure)

    def to_dict(self, lang: Lang = "zh") -> dict[str, Any]:
        """The fixed JSON shape of the verdict; under a what-if policy also ``what_if``:
        ``{parameter: {"rules": value, "used": value}}``."""
        out: dict[str, Any] = {
            "problem": self.problem,
            "findings": [f.to_dict(lang) for f in self.findings],
            "interpretations": [i.to_dict() for i in self.interpretations],
            "engine": self.engine,
        }
        if changed := self.what_if:
            out["what_if"] = {k: {"rules": old, "used": new} for k, (old, new) in changed.items()}
        return out

    def to_json(self, lang: Lang = "zh", indent: int | None = 2) -> str:
        """The verdict as JSON text (Chinese kept as characters)."""
        return json.dumps(self.to_dict(lang), ensure_ascii=False, indent=indent)

    def explain(self, lang: Lang = "zh") -> str:
        """The chain of reasoning, numbered as the ``who`` table: for each body and basis its
        liabilities, reason, path through the chain from the place to the body, the rules that
        fired and the parameters they read; then the quoted clauses and the interpretations."""
        from ._verdict_view import explain_text

        return explain_text(self, lang)

    def __repr__(self) -> str:
        from ._verdict_view import short_repr

        return short_repr(self)

    @property
    def what_if(self) -> dict[str, tuple[Any, Any]]:
        """``{parameter: (rules' value, value used)}`` when decided under
        :meth:`Policy.with_parameters <responsibility.Policy.with_parameters>`, else ``{}``."""
        from ._verdict_view import what_if_of

        return what_if_of(self)

    def draw(self, lang: Lang = "zh", *, layout: Literal["auto", "dot", "matplotlib"] = "auto") -> Any:
        """A picture of the verdict: the chain above the problem's place (only the bodies
        concerned, each at its level and place), the path the problem took, and every finding
        marked on its body by basis and liability, with a legend in ``lang``.

        Returns a :class:`~responsibility.chain._scene.Picture`: it shows inline in Jupyter
        and ``.save("x.png")`` or ``.save("x.svg")`` writes it. ``layout="auto"`` uses
        Graphviz ``dot`` where installed, else matplotlib.
        """
        from ..chain._draw import draw_case
        from ._verdict_view import case_of

        return draw_case(case_of(self, lang), layout=layout)

    def _repr_html_(self) -> str:
        rows = "".join(
            "<tr>" + "".join(f"<td>{html.escape(str(x))}</td>" for x in (
                f.level, f.name, f.place_name or f.place, f.basis, f.liability, "、".join(f.clauses), f.reason))
            + "</tr>" for f in self.findings)
        head = "".join(f"<th>{h}</th>" for h in ("level", "body", "place", "basis", "liability", "clauses", "reason"))
        note = (f"<p>{len(self.interpretations)} finding group(s) rest on interpretation.</p>"
                if self.interpretations else "")
        return (f"<div><b>Problem {html.escape(self.problem)}</b> — {len(self.findings)} finding(s), "
                f"{self.engine} engine<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>{note}</div>")

    def to_frame(self, lang: Lang = "zh") -> Any:
        """The findings as a pandas DataFrame (needs the ``frames`` extra)."""
        try:
            import pandas as pd
        except ImportError:
            from .._errors import ExtraUnavailable

            raise ExtraUnavailable("to_frame() needs pandas: pip install 'responsibility[frames]'") from None
        rows = [{"problem": self.problem, **f.to_dict(lang)} for f in self.findings]
        columns = ["problem", "level", "body", "name", "place", "basis", "liability", "clauses", "reason"]
        return pd.DataFrame(rows, columns=columns)
