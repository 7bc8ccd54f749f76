"""Rebuild ``rules/sources/zhefupin-2020-1.yaml`` from the seed text (``tools/seed/zhefupin-2020-1.txt``).

The seed is the document as extracted from its PDF: page breaks split sentences
across blank lines and one character is doubled at a break. This script joins
broken paragraphs, applies the repairs listed in ``REPAIRS`` (each recorded in
the output so a reader can see what differs from the seed), and splits the text
into clauses whose ids follow the document's own numbering: ``一(四)``,
``二(三)3``, ``二(六)4(2)``.

Run it only when the seed changes; the output is committed data that editors
may then annotate. ``tests/test_sources.py`` checks the committed file against
the seed.

Usage: python tools/build_sources.py [SEED] [OUT]
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tools" / "seed" / "zhefupin-2020-1.txt"  # (the shared seed, kept in the repository)
OUT = ROOT / "rules" / "sources" / "zhefupin-2020-1.yaml"

# Each repair: the text as the seed has it after joining a page break, what the
# document means, and why.
REPAIRS = [
    {
        "seed": "产业扶贫贫、扶贫项目管理",
        "repaired": "产业扶贫、扶贫项目管理",
        "why": "the character 贫 is doubled across a page break",
    }
]

TERMINAL = tuple("。；：:;！？”\"")
SECTION = re.compile(r"^([一二三])、\s*(.*)$")
SUBSECTION = re.compile(r"^[（(]([一二三四五六七八九])[）)]\s*(.*)$")
ITEM = re.compile(r"^(\d+)\.\s*(.*)$")
SUBITEM = re.compile(r"^[（(](\d+)[）)]\s*(.*)$")
TITLE = "关于进一步健全扶贫领域问题发现机制 和压实工作责任的方案"
ANNEX = "附件："


def is_heading(par: str) -> bool:
    return any(p.match(par) for p in (SECTION, SUBSECTION, ITEM, SUBITEM)) or par.startswith("附件")


def paragraphs(raw: str) -> list[str]:
    """Split on blank lines and join paragraphs broken by a page break."""
    pars = [re.sub(r"\s*\n\s*", "", p).strip() for p in re.split(r"\n\s*\n", raw)]
    pars = [p for p in pars if p]
    out: list[str] = []
    for par in pars:
        if out and not out[-1].endswith(TERMINAL) and not SECTION.match(out[-1]) and not is_heading(par):
            out[-1] += par
        else:
            out.append(par)
    joined = []
    for par in out:
        for repair in REPAIRS:
            par = par.replace(repair["seed"], repair["repaired"])
        joined.append(par)
    return joined


def split_heading(text: str) -> tuple[str, str]:
    """Split ``主体责任。各级党委…`` into a short title and the whole text."""
    match = re.match(r"^([^。：:]{1,40}?)[。]", text)
    return (match.group(1) if match else "", text)


def build(seed_text: str) -> dict[str, Any]:
    # The title occurs twice: inside the notice's own title and as the plan's heading.
    front, _, body = seed_text.rpartition(TITLE)
    main, _, annex = body.partition(ANNEX)
    # The front matter is a letterhead: its lines are separate on purpose, never joined.
    front_pars = [p.strip() for p in re.split(r"\n\s*\n", front) if p.strip()]
    clauses: list[dict[str, Any]] = []
    notice = [p for p in front_pars if p.startswith("各市") or p.startswith("现将")]
    clauses.append({"id": "通知", "title": "印发通知", "text": "\n".join(notice)})

    pars = paragraphs(main)
    section = subsection = item = ""
    current: dict[str, Any] | None = None
    preamble: list[str] = []
    for par in pars:
        if m := SECTION.match(par):
            section, subsection, item = m.group(1), "", ""
            current = {"id": section, "title": m.group(2), "text": m.group(2)}
            clauses.append(current)
        elif m := SUBSECTION.match(par):
            subsection, item = f"({m.group(1)})", ""
            cid = f"{section}{subsection}"
            title, text = split_heading(m.group(2))
            current = {"id": cid, "parent": section, "title": title, "text": text}
            clauses.append(current)
        elif m := ITEM.match(par):
            item = m.group(1)
            title, text = split_heading(m.group(2))
            current = {"id": f"{section}{subsection}{item}", "parent": f"{section}{subsection}",
                       "title": title, "text": text}
            clauses.append(current)
        elif m := SUBITEM.match(par):
            parent = f"{section}{subsection}{item}"
            current = {"id": f"{parent}({m.group(1)})", "parent": parent, "text": m.group(2)}
            clauses.append(current)
        elif current is None:
            preamble.append(par)
        else:
            current["text"] += "\n" + par
    clauses.insert(1, {"id": "序", "title": "方案序言", "text": "\n".join(preamble)})

    # The annex is a list under two title lines; like the letterhead, its lines stay apart.
    annex_pars = [p.strip() for p in re.split(r"\n\s*\n", annex) if p.strip()]
    units_line = annex_pars[-1].rstrip("。")
    clauses.append({"id": "附件", "title": annex_pars[0], "text": "\n".join(annex_pars[1:])})
    units = units_line.split("、")
    return {
        "id": "zhefupin-2020-1",
        "number": "浙扶贫〔2020〕1号",
        "issuer": "浙江省扶贫开发领导小组",
        "title": "关于进一步健全扶贫领域问题发现机制和压实工作责任的方案",
        "title_en": "Plan on further improving the problem-discovery mechanism in poverty alleviation "
        "and consolidating work responsibility",
        "repairs": REPAIRS,
        "clauses": clauses,
        "annex_member_units": units,
    }


def main(argv: list[str]) -> int:
    seed = Path(argv[1]) if len(argv) > 1 else SEED
    out = Path(argv[2]) if len(argv) > 2 else OUT
    try:
        raw = seed.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"build_sources: cannot read the seed {seed}: {exc}; give the document's text as UTF-8 (usage: "
              f"python tools/build_sources.py [SEED] [OUT])", file=sys.stderr)
        return 2
    data = build(unicodedata.normalize("NFC", raw))
    header = (
        "# 浙扶贫〔2020〕1号, split into clauses. Generated by tools/build_sources.py from the seed text;\n"
        "# page breaks joined and the repairs listed below applied. Clause ids follow the document's numbering.\n"
    )
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(header + text, encoding="utf-8")
    print(f"{len(data['clauses'])} clauses, {len(data['annex_member_units'])} member units -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
