"""Terminal tables of verdicts (rich).

One row per body and basis, its liabilities together, so that the table stays
readable in 80 columns; the reasons follow the table, numbered like its rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table

from ..checks._diff import Diff
from ..engine._verdict import Lang, Verdict


def print_verdicts(verdicts: Sequence[Verdict], lang: Lang = "zh", console: Console | None = None) -> None:
    """Print one table per verdict, findings in order, with reasons in ``lang``."""
    console = console or Console()
    for v in verdicts:
        rows: dict[tuple[str, str], list[str]] = {}
        first: dict[tuple[str, str], int] = {}
        for i, f in enumerate(v.findings):
            rows.setdefault((f.body, f.basis), []).append(f.liability)
            first.setdefault((f.body, f.basis), i)
        table = Table(title=f"{v.problem}: {len(v.findings)} finding(s), {v.engine} engine", expand=False)
        for col in ("#", "level", "body", "place", "basis", "liability", "clauses"):
            # Ids must stay whole to be read and searched; names and places may wrap.
            table.add_column(col, overflow="fold", no_wrap=col in ("#", "level", "basis"))
        reasons = []
        for n, (key, liabilities) in enumerate(rows.items(), start=1):
            f = v.findings[first[key]]
            table.add_row(str(n), f.level, f.name if lang == "zh" else f.name_en,
                          f"{f.place_name} {f.place}".strip(), f.basis, " ".join(liabilities), " ".join(f.clauses))
            reasons.append(f"{n}. {f.reason if lang == 'zh' else f.reason_en}")
        if v.findings:
            console.print(table)
            for line in reasons:
                console.print(line, highlight=False)
        else:
            console.print(f"{v.problem}: no findings: every step was in order (or it is not yet discovered)")
        if v.interpretations:
            ids = ", ".join(f"{i.id}={i.value!r}" if i.type == "parameter" else i.id for i in v.interpretations)
            console.print(f"rests on interpretation: {ids}", highlight=False)


def print_diff(result: Diff, console: Console | None = None) -> None:
    """Print a policy impact diff: data changes, then grouped answer changes, then scenarios."""
    console = console or Console()
    console.print(f"{len(result.data)} data change(s); {len(result.answers)} changed answer shape(s) of "
                  f"{result.shapes} compared; {len(result.scenarios)} changed scenario(s)", highlight=False)
    if result.data:
        t = Table(title="data changes")
        for col in ("kind", "id", "change", "fields"):
            t.add_column(col, overflow="fold")
        for c in result.data:
            t.add_row(c.kind, c.id, c.change, "; ".join(f"{k}: {a!r} → {b!r}" for k, (a, b) in c.fields.items()))
        console.print(t)
    if result.answers:
        t = Table(title="answer changes (grouped)")
        for col in ("from", "shapes", "example shape", "appeared", "vanished"):
            t.add_column(col, overflow="fold")
        for group in result.grouped():
            a = group[0]
            t.add_row(str(a.day or ""), str(len(group)), ", ".join(f"{k}={v}" for k, v in a.shape.items()),
                      _lines(a.appeared), _lines(a.vanished))
        console.print(t)
    for s in result.scenarios:
        console.print(f"scenario changed: {s.name} ({s.file}): +{list(s.appeared)} -{list(s.vanished)}",
                      highlight=False)


def _lines(findings: Sequence[tuple[Any, ...]]) -> str:
    return "\n".join(f"{f[1]} {f[2]}/{f[3]}" for f in findings)
