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

    @property
    def failures(self) -> tuple[Finding, ...]:
        """Findings of the four failures only (no supervision or main responsibility)."""
        return tuple(f for f in self.findings if f.is_failure)

    def to_dict(self, lang: Lang = "zh") -> dict[str, Any]:
        """The fixed JSON shape of the verdict."""
        return {
            "problem": self.problem,
            "findings": [f.to_dict(lang) for f in self.findings],
            "interpretations": [i.to_dict() for i in self.interpretations],
            "engine": self.engine,
        }

    def to_json(self, lang: Lang = "zh", indent: int | None = 2) -> str:
        """The verdict as JSON text (Chinese kept as characters)."""
        return json.dumps(self.to_dict(lang), ensure_ascii=False, indent=indent)

    def explain(self, lang: Lang = "zh") -> str:
        """The chain of reasoning: each rule that fired, the parameters it read, the path
        through the chain from the place to the liable body, and the quoted clauses."""
        out = [f"问题 {self.problem}（{self.as_of}，{self.engine} engine, policy {self.policy}）"
               if lang == "zh" else f"Problem {self.problem} (as of {self.as_of}, {self.engine} engine, "
               f"policy {self.policy})"]
        if not self.findings:
            out.append("  无责任认定。" if lang == "zh" else "  No findings: every step was in order.")
        for step in self.steps:
            out.append(f"- rule {step.rule}")
            shown = {k: v for k, v in step.fact.items() if k not in ("id", "sid")}
            out.append(f"    fact: {json.dumps(shown, ensure_ascii=False)}")
            for i in step.findings:
                f = self.findings[i]
                out.append(f"    → [{i}] {f.name} {f.name_en} @ {f.place} {f.place_name}: {f.basis}/{f.liability}")
                if i in self.paths:
                    out.append(f"      path: {' → '.join(self.paths[i])}")
                out.append(f"      {f.reason if lang == 'zh' else f.reason_en}")
                for pid in f.rests_on:
                    if pid in self.parameters:
                        out.append(f"      parameter {pid} = {self.parameters[pid]!r}")
        cited = sorted({c for f in self.findings for c in f.clauses}, key=list(self.quotes).index
                       if self.quotes else None)
        if cited:
            out.append("条款 / clauses:")
            for c in cited:
                out.append(f"  {c}: {self.quotes.get(c, '')}")
        if self.interpretations:
            out.append("依据解释 / resting on interpretation:")
            for it in self.interpretations:
                out.append(f"  {it.id} ({it.type}) = {it.value!r}: findings {list(it.findings)} — {it.why}")
        return "\n".join(out)

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
