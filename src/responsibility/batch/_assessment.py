"""The outcome of assessing many problem records at once (see :meth:`Policy.assess
<responsibility.Policy.assess>` and ``responsibility assess``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal


def needs_frames(what: str, *, pandas: bool = True) -> tuple[Any, Any]:
    """pandas and pyarrow, or the frames extra's message (:class:`~responsibility.ExtraUnavailable`).

    With ``pandas=False`` pandas is only looked for, not imported (it costs a third of a second,
    which a run that reads and writes files with pyarrow alone does not need): ``None`` in its place.
    """
    pd: Any = None
    try:
        import pyarrow as pa

        if pandas:
            import pandas as pd
        else:
            import importlib.util

            if importlib.util.find_spec("pandas") is None:
                raise ImportError("pandas")
    except ImportError:
        from .._errors import ExtraUnavailable

        raise ExtraUnavailable(f"{what} needs the frames extra (pandas and pyarrow): "
                               "pip install 'responsibility[frames]'") from None
    return pd, pa


def summary_text(records: int, assessed: int, rejected: int, counts: Mapping[tuple[str, str], int],
                 liabilities: list[str]) -> str:
    """The balance of a run and its findings by basis and liability, as lines of text."""
    lines = [f"records in: {records:,}   assessed: {assessed:,}   rejected: {rejected:,}   "
             f"({'balanced' if records == assessed + rejected else 'NOT BALANCED'}: "
             f"{assessed:,} + {rejected:,} = {assessed + rejected:,})",
             f"findings: {sum(counts.values()):,}"]
    bases = list(dict.fromkeys(b for b, _ in counts))
    if bases:
        width = max(len(b) for b in [*bases, "basis"])
        cols = [*liabilities, "total"]
        lines.append("  " + "basis".ljust(width) + "".join(f"{c:>12}" for c in cols))
        for b in bases:
            row = [counts.get((b, x), 0) for x in liabilities]
            lines.append("  " + b.ljust(width) + "".join(f"{v:>12,}" for v in [*row, sum(row)]))
        totals = [sum(counts.get((b, x), 0) for b in bases) for x in liabilities]
        lines.append("  " + "total".ljust(width) + "".join(f"{v:>12,}" for v in [*totals, sum(totals)]))
    return "\n".join(lines)


@dataclass(frozen=True, eq=False)
class Assessment:
    """The outcome of :meth:`Policy.assess <responsibility.Policy.assess>`: findings, rejects, counts.

    ``findings`` is a pandas DataFrame with one row per finding: ``record`` (the input
    position), ``problem`` (its id), ``area`` (the record's duty-area id), then the fields of
    :meth:`Finding.to_dict <responsibility.Finding.to_dict>` (``clauses`` joined by ``;``) with
    ``place_name`` (the name of the finding's place, as its reason gives it) after ``place``, in
    input order and, within a record, in the order ``who_answers`` gives. ``rejects`` has one
    row per rejected record: ``record``, ``line`` (for text files), ``problem``, ``field``,
    ``code`` (a stable reason code) and ``reason`` (the message of the
    :class:`~responsibility.ProblemError` ``who_answers`` would raise). ``records ==
    assessed + rejected`` always.

    >>> import responsibility
    >>> policy = responsibility.load()
    >>> result = policy.assess([
    ...     {"id": "p1", "domain": "housing", "place": "331127", "severity": "grave",
    ...      "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
    ...      "as_of": "2021-12-31"},
    ...     {"id": "p2", "domain": "hosing", "place": "331127"}])
    >>> (result.records, result.assessed, result.rejected)
    (2, 1, 1)
    >>> result.rejects.loc[0, "field"]
    'domain'
    >>> result.counts[("main_responsibility", "leadership")]
    2
    """

    findings: Any
    rejects: Any
    records: int
    assessed: int
    rejected: int
    counts: dict[tuple[str, str], int]
    liabilities: tuple[str, ...] = ()
    #: The policy view and jurisdiction the records were assessed under (for reports).
    context: Any = field(default=None, compare=False, repr=False)
    #: Rows of a data frame or table whose cells were all empty: no records, skipped (as ``assess`` skips such a
    #: CSV row), not counted in ``records``.
    blank_rows: int = 0
    #: The ids on more than one record: ``{id: [(record, line), …]}`` (``line`` ``None`` where the input has none),
    #: in input order. Each such record is assessed or rejected as a record of its own, so a problem given twice has
    #: its findings counted twice; :meth:`summary`, the notebook's view and the report say so, in the
    #: words ``responsibility assess`` says it in.
    repeats: dict[str, list[tuple[int, int | None]]] = field(default_factory=dict, compare=False)

    def summary(self) -> str:
        """Records in, assessed and rejected (they balance), and findings by basis and liability; then the ids on
        more than one record, if any."""
        from ._repeats import repeats_said

        text = summary_text(self.records, self.assessed, self.rejected, self.counts, list(self.liabilities))
        if self.blank_rows:
            text += f"\nblank rows skipped: {self.blank_rows:,} (every cell empty: no record)"
        for line in repeats_said(self.repeats, False):
            text += f"\n{line}"
        return text

    def __repr__(self) -> str:
        return (f"<Assessment: {self.records:,} records, {self.assessed:,} assessed, {self.rejected:,} rejected, "
                f"{len(self.findings):,} findings>")

    def report_html(self, records: Any = None, *, lang: Literal["zh", "en"] = "zh", title: str | None = None) -> str:
        """The assessment as one self-contained HTML page (see :meth:`report`)."""
        from ._report import areas_of, report_html

        if lang not in ("zh", "en"):  # (lang="fr" was the KeyError 'fr')
            from .._errors import ProblemError

            raise ProblemError("lang", f"use 'zh' or 'en', not {lang!r}")
        if records is not None and (isinstance(records, str | bytes) or not hasattr(records, "__iter__")):
            # (records=5 was "'int' object is not iterable")
            raise TypeError(f"report: records are the ones given to assess (a list of dicts or a frame), for the "
                            f"chart by area; not {type(records).__name__}")
        policy, jurisdiction = self._context()
        return report_html(self.findings, self.rejects, records=self.records, assessed=self.assessed,
                           rejected=self.rejected, policy=policy, jurisdiction=jurisdiction,
                           areas=areas_of(records) if records is not None else None, lang=lang, title=title,
                           blank_rows=self.blank_rows, repeats=self.repeats)

    def report(self, path: str | Path, records: Any = None, *, lang: Literal["zh", "en"] = "zh",
               title: str | None = None) -> Path:
        """Write an HTML report of the assessment to ``path``: one self-contained file that opens
        without a network (charts embedded: needs the ``report`` extra, plotly).

        It shows the balance (records in = assessed + rejected), findings by area, level, basis
        and liability, the bodies and places with most findings and the rejects by reason, each
        as a chart and as a table. Pass the same ``records`` given to ``assess`` for the chart by
        area. Returns the path.
        """
        import os

        from ..chain._scene import _write_atomic

        if not isinstance(path, str | os.PathLike):  # (was os.fspath's "expected str, bytes or os.PathLike")
            raise TypeError(f"report() writes a file: give its path (report.html), not {type(path).__name__}")
        out = Path(path)
        if out.suffix.lower() in _NOT_HTML:  # an HTML page under a table's or a picture's name opened as garbage
            from .._errors import OutputError

            raise OutputError(f"{out}: the report is an HTML page, not {out.suffix}; name it .html")
        _write_atomic(out, self.report_html(records, lang=lang, title=title).encode("utf-8"), what="report")
        return out

    def _context(self) -> tuple[Any, Any]:
        if self.context is None:
            from .._errors import ResponsibilityError

            raise ResponsibilityError("this assessment was not made by Policy.assess (it has no policy to name "
                                      "bodies and places by)")
        policy, jurisdiction = self.context
        return policy, jurisdiction

    def _repr_html_(self) -> str:
        import html

        head = "".join(f"<th>{html.escape(x)}</th>" for x in ("basis", *self.liabilities, "total"))
        bases = list(dict.fromkeys(b for b, _ in self.counts))
        rows = "".join(
            f"<tr><td>{html.escape(b)}</td>"
            + "".join(f"<td>{self.counts.get((b, x), 0):,}</td>" for x in self.liabilities)
            + f"<td>{sum(self.counts.get((b, x), 0) for x in self.liabilities):,}</td></tr>" for b in bases)
        balance = "balanced" if self.records == self.assessed + self.rejected else "NOT BALANCED"
        from ._repeats import repeats_said

        notes = "".join(f"<p>{html.escape(line)}</p>" for line in repeats_said(self.repeats, False))
        return (f"<div><b>Assessment</b>: {self.records:,} records, {self.assessed:,} assessed, "
                f"{self.rejected:,} rejected ({balance}); {len(self.findings):,} findings"
                f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>{notes}</div>")


#: Names of other formats, never given to the HTML report (:meth:`Assessment.report` refuses them).
_NOT_HTML = frozenset({".csv", ".tsv", ".json", ".jsonl", ".ndjson", ".parquet", ".xlsx", ".xls", ".png", ".svg",
                       ".pdf", ".txt", ".yaml", ".yml"})
