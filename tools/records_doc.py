"""Regenerate the vocabulary tables of docs/records.md from rules/.

The tables between ``<!-- vocabulary:begin -->`` and ``<!-- vocabulary:end -->`` are
written by :func:`render`; tests/test_records_doc.py fails when the document differs from
what the rules give, so the two never drift.

    python tools/records_doc.py          # rewrite the block in docs/records.md
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "records.md"
BEGIN, END = "<!-- vocabulary:begin -->", "<!-- vocabulary:end -->"


def render(policy: object) -> str:
    """The vocabulary tables (markdown) for ``policy`` (a ``responsibility.Policy``)."""
    from responsibility.engine._problem import ValueNames

    p: object = policy
    data = p.data  # type: ignore[attr-defined]
    v = data.vocabulary
    names = ValueNames.of(p)  # type: ignore[arg-type]

    def spellings(kind: str, tid: str, *shown: str) -> str:
        skip = {tid, *(" ".join(x.casefold().split()) for x in shown)}
        found = sorted(k for k, t in names.lookup(kind).items() if t == tid and k not in skip)
        return ", ".join(found)

    out = ["### Areas (`area`)", "",
           "| id | 名称 (accepted as typed) | English | problem kinds (`kind`) |",
           "|---|---|---|---|"]
    for a in data.areas:
        if not a.problems:
            continue
        kinds = "<br>".join(f"`{k.id}` {k.name}" for k in a.problem_kinds)
        out.append(f"| `{a.id}` | {a.name} | {a.en} | {kinds} |")
    out += ["", "### Levels (`discovered.level`, `handled[].by_level`, `handled[].to_level`, `concealed_by`)", "",
            "| id | 名称 | also accepted | English | code digits |", "|---|---|---|---|---|"]
    for lv in sorted(v.levels, key=lambda x: x.rank):
        also = spellings("level", lv.id, lv.name, lv.en)
        out.append(f"| `{lv.id}` | {lv.name} | {also} | {lv.en} | {lv.code_digits} |")
    out += ["", "### Severities (`severity`)", "", "| id | 名称 | English |", "|---|---|---|"]
    for s in v.severities:
        out.append(f"| `{s.id}` | {s.name} | {s.en} |")
    # (the count in a sentence, not the heading: a heading's anchor, linked from the fields' table, moved with it)
    out += ["", "### Channels (`discovered.channel`)", "", f"{len(v.channels)} channels.", "",
            "| id | 名称 | also accepted (`aliases`) | English | a level's own work | clauses |",
            "|---|---|---|---|---|---|"]
    for c in v.channels:
        out.append(f"| `{c.id}` | {c.name} | {', '.join(c.aliases)} | {c.en} | {'yes' if c.own_work else 'no'} | "
                   f"{', '.join(c.clauses)} |")
    return "\n".join(out) + "\n"


def rewrite(text: str, block: str) -> str:
    """``text`` with the vocabulary block replaced by ``block``."""
    pattern = re.compile(re.escape(BEGIN) + r".*?" + re.escape(END), re.S)
    return pattern.sub(lambda _: f"{BEGIN}\n{block}{END}", text)


def main() -> int:
    import responsibility

    block = render(responsibility.load())
    DOC.write_text(rewrite(DOC.read_text(encoding="utf-8"), block), encoding="utf-8")
    print(f"wrote the vocabulary of {DOC}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
