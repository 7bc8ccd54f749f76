"""A jurisdiction file is checked a column at a time when it is sound, and row by row (with every
problem's line) when it is not: either way the same places, or the same error."""

from __future__ import annotations

import csv
import io
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from responsibility import Jurisdiction, JurisdictionError
from responsibility.chain._jurisdiction import _provenance

SMALL = [("33", "浙江省"), ("3301", "杭州市"), ("330127", "淳安县"), ("330127100", "千岛湖镇"),
         ("330127100219", "富城村"), ("330127100220", "二村"), ("3311", "丽水市"), ("331102", "莲都区")]


def _row_by_row(text: str, source: str = "<csv>") -> Jurisdiction:
    """The reader as it was before the column-at-a-time check: every row through ``from_rows``."""
    lines = [ln for ln in text.splitlines() if not ln.startswith("#")]
    skipped = len(text.splitlines()) - len(lines)
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    missing = {"code", "name"} - set(reader.fieldnames or [])
    if missing:
        raise JurisdictionError(f"missing column(s) {', '.join(sorted(missing))}; the header needs code,name",
                                file=source, line=1 + skipped)
    return Jurisdiction.from_rows(reader, source=source, first_line=2 + skipped, provenance=_provenance(text))


def _outcome(read: Any, text: str) -> Any:
    try:
        j = read(text)
    except (JurisdictionError, csv.Error) as exc:
        return type(exc).__name__, str(exc), getattr(exc, "file", None), getattr(exc, "line", None)
    return [(p.code, p.name, p.level, p.parent) for p in j], len(j), j.name, j.provenance, j.counts()


@st.composite
def files(draw: st.DrawFn) -> str:
    """A small jurisdiction file, sound or mangled (a digit, a level, a parent, a name, a row
    dropped, doubled or given an extra cell, a blank line, short or padded codes)."""
    extra = draw(st.sampled_from([[], ["level"], ["parent"], ["level", "parent"], ["parent", "level", "note"]]))
    header = draw(st.permutations(["code", "name", *extra]))
    rows = []
    for code, name in SMALL:
        full = code.ljust(12, "0")
        level = {2: "province", 4: "city", 6: "county", 9: "township", 12: "village"}[len(code)]
        parent = {2: "", 4: code[:2], 6: code[:4], 9: code[:6], 12: code[:9]}[len(code)]
        cell = {"code": draw(st.sampled_from([code, full, f" {code} "])), "name": name,
                "level": draw(st.sampled_from([level, "", f" {level}"])),
                "parent": draw(st.sampled_from([parent, parent.ljust(12, "0") if parent else "", ""])),
                "note": draw(st.sampled_from(["", "x, y", "备注"]))}
        rows.append([cell[h] for h in header])
    for _ in range(draw(st.integers(0, 3))):
        k = draw(st.integers(0, len(rows) - 1))
        c = draw(st.integers(0, len(header) - 1))
        what = draw(st.sampled_from(["cell", "drop", "double", "extra", "short", "blank"]))
        if what == "cell" and c < len(rows[k]):
            rows[k][c] = draw(st.sampled_from(["", " ", "34", "3302", "330127100", "00", "3a", "３３", "330001",
                                               "village", "city", "331127", "33011", "330100000000", "名"]))
        elif what == "cell":
            rows[k].append("")
        elif what == "drop":
            del rows[k]
        elif what == "double":
            rows.insert(k, list(rows[k]))
        elif what == "extra":
            rows[k].append("x")
        elif what == "short":
            rows[k] = rows[k][:-1]
        else:
            rows.insert(k, [])
        if not rows:
            break
    text = io.StringIO()
    w = csv.writer(text, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    head = draw(st.sampled_from(["", "# source: here\n", "# a: b\n# c: d\n"]))
    return head + text.getvalue()


@settings(max_examples=300, deadline=None)
@given(text=files())
@example(text="code,name\n")
@example(text="code,name,level\n33,浙江省,city\n")
@example(text="code,name,parent\n33,浙江省,33\n3301,杭州市,3301\n")
@example(text="code,name,code\n33,浙江省,34\n")
@example(text="code,name\n33,浙江省\n330001,x\n")
@example(text='code,name\n33,"浙江\n省"\n3301,杭州市\n')
@example(text="code,name\n33,浙江省\n3301,杭州市\0\n")
def test_a_file_checked_by_columns_reads_as_row_by_row(text: str) -> None:
    assert _outcome(Jurisdiction.from_csv_text, text) == _outcome(_row_by_row, text)


def test_a_sound_file_makes_each_place_when_first_asked_for() -> None:
    """A sound file is read without making a :class:`Place` per row (a province of 26,000 places
    loads in a few hundredths of a second); they are made on demand, as the eager reader makes them."""
    text = "code,name,level\n" + "".join(f"{c},{n},\n" for c, n in SMALL)
    lazy = Jurisdiction.from_csv_text(text)
    assert not lazy._made
    eager = _row_by_row(text)
    assert eager._made
    assert list(lazy) == list(eager) and lazy.place("3311") == eager.place("3311")
