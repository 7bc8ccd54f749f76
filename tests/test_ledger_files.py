"""The ledger's files: import from Excel/CSV (mapping, GBK, rejects, one transaction) and the office workbook."""

from __future__ import annotations

import csv
import datetime as dt
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("sqlalchemy", reason="the ledger needs the 'ledger' extra")
openpyxl = pytest.importorskip("openpyxl")

from responsibility import Ledger, ProblemError  # noqa: E402
from responsibility.ledger import LedgerError  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "ledger" / "county-ledger.xlsx"
HEADER = ["问题编号", "领域", "所在地代码", "问题描述", "发现时间", "发现层级", "发现渠道", "交办时间", "整改层级",
          "整改时限", "整改完成时间"]


@pytest.fixture()
def ledger(ledger_url: str) -> Any:
    lg = Ledger.create(ledger_url)
    yield lg
    lg.close()


def write_csv(path: Path, rows: list[list[str]], encoding: str) -> Path:
    with open(path, "w", encoding=encoding, newline="") as f:
        csv.writer(f).writerows([HEADER, *rows])
    return path


def test_example_workbook_imports_with_its_one_reject(ledger: Ledger) -> None:
    result = ledger.import_file(EXAMPLE, entered_by="县扶贫办")
    assert (result.rows, result.imported, result.rejected) == (7, 6, 1) and result.balanced
    assert result.rejects == [{"row": 8, "problem": "CA-2021-007", "field": "领域",
                               "reason": "unknown duty area '饮水'; did you mean '饮水安全' (water)?",
                               "code": "unknown_area"}]
    problems = ledger.problems("2021-06-20").set_index("problem")
    assert len(problems) == 6
    assert problems.loc["CA-2021-006", "status"] == "closed"
    assert problems.loc["CA-2021-003", "status"] == "assigned"
    assert ledger.count() == result.events
    dup = ledger.duplicates(as_of="2021-06-20")
    assert dup[["problem", "other"]].values.tolist() == [["CA-2021-001", "CA-2021-002"]]
    again = ledger.import_file(EXAMPLE, entered_by="x")   # nothing twice: every row is already there
    assert again.imported == 0 and again.rejected == 7 and ledger.count() == result.events


def test_gbk_csv_with_rejects_reconciles(ledger: Ledger, tmp_path: Path) -> None:
    rows = [["G1", "危房改造", "330127100219", "屋顶漏雨", "2021-03-01", "县（市、区）", "县（市、区）长热线",
             "2021/3/3", "乡镇（街道）", "2021年4月1日", ""],
            ["G2", "危房改造", "330127100219", "", "2021-03-01", "县（市、区）", "热线", "", "", "", ""],
            ["G3", "危房改造", "330127100219", "", "2021-13-01", "县（市、区）", "审计", "", "", "", ""],
            ["G4", "危房改造", "330127100219", "", "2021-03-05", "县（市、区）", "审计", "2021-03-06", "乡镇（街道）",
             "2021-03-01", ""],
            ["", "危房改造", "330127100219", "", "2021-03-05", "县（市、区）", "审计", "", "", "", ""]]
    path = write_csv(tmp_path / "gbk.csv", rows, "gbk")
    result = ledger.import_file(path, entered_by="x", encoding="gbk")
    assert (result.rows, result.imported, result.rejected) == (5, 2, 3)
    assert {r["field"] for r in result.rejects} == {"发现时间", "整改时限", "问题编号"}
    st = ledger.state("G1")
    assert st.deadline == dt.date(2021, 4, 1) and st.assignment is not None
    assert ledger.state("G2").channels == ["hotline"]      # 热线 through the mapping's values
    auto = Ledger.create(str(tmp_path / "auto.db"))
    r2 = auto.import_file(path, entered_by="x")             # no encoding given: GB18030 and a note
    assert r2.encoding == "gb18030" and r2.notes and r2.imported == 2
    auto.close()
    with pytest.raises(LedgerError, match="not utf-8"):
        ledger.import_file(path, entered_by="x", encoding="utf-8")


def test_custom_mapping_and_missing_columns(ledger: Ledger, tmp_path: Path) -> None:
    path = tmp_path / "own.csv"
    path.write_text("编码,类别,地点,日期,级别,来源\nM1,housing,330127100219,2021-03-01,county,hotline\n",
                    encoding="utf-8")
    with pytest.raises(LedgerError, match="no column for problem, area, place"):
        ledger.import_file(path, entered_by="x")
    mapping = tmp_path / "m.yaml"
    mapping.write_text("columns:\n  problem: [编码]\n  domain: [类别]\n  place: [地点]\n  discovered_on: [日期]\n"
                       "  discovered_level: [级别]\n  channel: [来源]\n", encoding="utf-8")
    assert ledger.import_file(path, entered_by="x", mapping=mapping).imported == 1
    mapping.write_text("columns:\n  problme: [编码]\n", encoding="utf-8")
    with pytest.raises(LedgerError, match="did you mean 'problem'"):
        ledger.import_file(path, entered_by="x", mapping=mapping)


def test_a_mapping_names_the_area_as_records_do(ledger: Ledger, tmp_path: Path) -> None:
    """review20b B20-8: a mapping's 'area' was 'unknown ledger field'; only the former name 'domain' was taken."""
    path = tmp_path / "own.csv"
    path.write_text("编码,类别,地点,日期,级别,来源\nM1,危房,330127100219,2021-03-01,county,hotline\n", encoding="utf-8")
    mapping = tmp_path / "m.yaml"
    body = ("columns:\n  problem: [编码]\n  area: [类别]\n  place: [地点]\n  discovered_on: [日期]\n"
            "  discovered_level: [级别]\n  channel: [来源]\nvalues:\n  area: {危房: housing}\n")
    mapping.write_text(body, encoding="utf-8")
    assert ledger.import_file(path, entered_by="x", mapping=mapping).imported == 1
    assert ledger.state("M1").domain == "housing"
    mapping.write_text(body + "  domain: {危房: water}\n", encoding="utf-8")
    with pytest.raises(LedgerError, match=r"m.yaml:\d+:\d+: values.domain: give 'area' only"):
        ledger.import_file(path, entered_by="x", mapping=mapping)
    with pytest.raises(ProblemError, match=r"did you mean 'area'\?|allowed: .*\barea\b") as info:
        ledger.append({"problem": "M2", "type": "registered", "on": "2021-03-01", "area": "housing",
                       "place": "330127100219", "aera2": 1}, entered_by="x")
    assert "domain" not in str(info.value)


def test_the_exported_workbook_is_what_offices_use(ledger: Ledger, tmp_path: Path) -> None:
    ledger.import_file(EXAMPLE, entered_by="x")
    out = tmp_path / "ledger.xlsx"
    ledger.export_xlsx(out, "2021-06-20")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["问题清单", "责任清单", "整改清单", "评价指数", "激励提示", "预警"]
    ws = wb["问题清单"]
    header = [c.value for c in ws[1]]
    assert header[:3] == ["问题编号", "问题类别", "领域"] and "发现时间" in header
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == f"A1:R{ws.max_row}"
    assert all(c.font.bold for c in ws[1])
    rows = {r[0].value: r for r in ws.iter_rows(min_row=2)}
    found = rows["CA-2021-001"][header.index("发现时间")]
    assert isinstance(found.value, dt.datetime) and found.value.date() == dt.date(2021, 3, 1)
    assert found.number_format == "yyyy-mm-dd"
    # Overdue problems are filled red in every sheet; closed ones are not.
    assert rows["CA-2021-003"][0].fill.fgColor.rgb.endswith("FFC7CE")
    assert rows["CA-2021-006"][0].fill.fill_type is None
    # A cell that a spreadsheet would run as a formula is text: typed text, marked as text typed after an apostrophe,
    # its value the data's (an apostrophe added to the value, as CSV needs, would show in the workbook)
    formula = rows["CA-2021-004"][header.index("问题描述")]
    assert formula.value.startswith("=HYPERLINK") and formula.data_type == "s" and formula.quotePrefix
    # Widths fit Chinese text: a wide character counts twice.
    width = ws.column_dimensions["B"].width
    assert width >= 2 * len("困难家庭危房改造不及时")
    rect = wb["整改清单"]
    rh = [c.value for c in rect[1]]
    assert "整改时限" in rh and "是否逾期" in rh
    late = [r for r in rect.iter_rows(min_row=2) if r[rh.index("是否逾期")].value == "是"]
    assert late and all(r[0].fill.fgColor.rgb.endswith("FFC7CE") for r in late)
    assert isinstance(rect.cell(2, rh.index("整改时限") + 1).value, dt.datetime)
    assert wb["激励提示"].max_row >= 2 and "不是结论" in wb["激励提示"].cell(2, 10).value


def test_the_example_workbook_is_made_by_its_script(tmp_path: Path) -> None:
    out = tmp_path / "again.xlsx"
    subprocess.run([sys.executable, str(ROOT / "tools" / "make_ledger_example.py"), str(out)], check=True,
                   capture_output=True)

    def cells(p: Path) -> list[list[Any]]:
        return [list(r) for r in openpyxl.load_workbook(p).active.iter_rows(values_only=True)]

    assert cells(out) == cells(EXAMPLE)


KILLER = textwrap.dedent("""
    import os, signal, sys
    from responsibility.ledger import _store, Ledger
    real = _store.insert
    def insert(conn, rows, seq, last):
        real(conn, rows, seq, last)          # the rows are in the transaction…
        os.kill(os.getpid(), signal.SIGKILL)  # …and the process dies before it commits
    import responsibility.ledger._ledger as L
    L.insert = insert
    Ledger.open(sys.argv[1]).import_file(sys.argv[2], entered_by="killed")
""")


def test_a_killed_import_leaves_the_ledger_as_it_was(ledger_url: str, tmp_path: Path, run_cli: Any) -> None:
    with Ledger.create(ledger_url) as ledger:
        ledger.append([{"problem": "K0", "type": "registered", "on": "2021-03-01", "domain": "housing",
                        "place": "330127100219"}], entered_by="x")
    proc = subprocess.run([sys.executable, "-c", KILLER, ledger_url, str(EXAMPLE)], capture_output=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert proc.returncode == -9
    with Ledger.open(ledger_url) as ledger:
        assert ledger.count() == 1 and ledger.verify().ok
        assert list(ledger.problems("2021-06-30")["problem"]) == ["K0"]
    code, out, err = run_cli("ledger", "import", ledger_url, str(EXAMPLE), "--by", "x")
    assert "did not finish" in err and "as it was before" in err
    assert code == 1 and "imported 6 + rejected 1" in out
    code, out, err = run_cli("ledger", "verify", ledger_url)
    assert code == 0 and "did not finish" not in err   # said once


def test_a_problem_twice_in_one_file_is_refused_naming_the_row_it_came_from(ledger: Ledger, tmp_path: Path) -> None:
    """review20b B20-11: the second row said "already in the ledger"; it was in this file, two rows up."""
    path = tmp_path / "twice.csv"
    row = "A-1,危房改造,330127100219,2021-03-01,hotline,县\n"
    path.write_text("问题编号,领域,所在地代码,发现时间,发现渠道,发现层级\n" + row + row + row, encoding="utf-8")
    result = ledger.import_file(path, entered_by="x")
    # (a third row was imported: the second's rejection dropped the first's state; review20c C20-3)
    assert (result.imported, result.rejected) == (1, 2)
    assert all("already in this file (row 2)" in r["reason"] for r in result.rejects), result.rejects
    assert [e.type for e in ledger.events("A-1")].count("registered") == 1
    again = ledger.import_file(path, entered_by="x")
    assert again.imported == 0 and all("already in the ledger" in r["reason"] for r in again.rejects), again.rejects


def test_a_sheet_named_for_a_csv_file_is_said_to_be_unused(ledger: Ledger, tmp_path: Path) -> None:
    """review20b B20-11: --sheet (and the service's sheet field) was silently ignored for a CSV file."""
    path = tmp_path / "one.csv"
    path.write_text("问题编号,领域,所在地代码,发现时间,发现渠道,发现层级\nA-1,危房改造,330127100219,2021-03-01,hotline,县\n",
                    encoding="utf-8")
    result = ledger.import_file(path, entered_by="x", sheet="问题台账")
    assert result.imported == 1 and any("sheet '问题台账' is not used" in n for n in result.notes), result.notes


FORMULA_LIKE = ["=1+1", "+1", "-5", "@SUM(A1)", "\tx", "\rx", "＝1", "＋1", "－1", "＠x"]
PLAIN = ["'abc", "'=1", "plain", "危房改造", "1-2"]


def test_formula_like_cells_are_text_in_xlsx_and_neutralised_in_csv(tmp_path: Path) -> None:
    """input21 item 6: an .xlsx cell keeps the data's value (no apostrophe added: the workbook would show it) and is
    typed text marked quote-prefix; a CSV cell gets the apostrophe; an apostrophe in the data is kept in both."""
    import openpyxl
    import pandas as pd

    from responsibility.cli._ledger_support import _csv_text
    from responsibility.ledger._xlsx import write_workbook

    values = FORMULA_LIKE + PLAIN
    frame = pd.DataFrame({"问题描述": values, "=header": values})
    path = tmp_path / "f.xlsx"
    write_workbook(path, [("问题清单", frame, set()), ("预警", frame, {0, 1})])
    wb = openpyxl.load_workbook(path)
    for title in ("问题清单", "预警"):
        ws = wb[title]
        assert ws["B1"].value == "=header" and ws["B1"].data_type == "s"
        cells = [row[0] for row in ws.iter_rows(min_row=2)]
        # (openpyxl reads a lone CR as a line feed, as the XML it is stored in says)
        assert [c.value for c in cells] == [v.replace("\r", "\n") for v in values], title
        assert all(c.data_type == "s" for c in cells)
        assert [bool(c.quotePrefix) for c in cells] == [True] * len(FORMULA_LIKE) + [False] * len(PLAIN)
    text = _csv_text(frame)
    import csv
    import io

    rows = list(csv.reader(io.StringIO(text, newline="")))[1:]
    assert [r[0] for r in rows] == ["'" + v for v in FORMULA_LIKE] + PLAIN


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_blank_rows_between_filled_ones_are_counted_not_dropped(ledger: Ledger, tmp_path: Path, suffix: str) -> None:
    """review21b: `ledger import` skipped rows of empty cells without a word. rows = imported + blank + rejected;
    the blank rows at the sheet's end are its end, not rows."""
    found = ["330127100219", "", "2021-03-01", "county", "hotline", "", "", "", ""]
    rows = [HEADER, ["B1", "housing", *found], [""] * len(HEADER), ["B2", "housing", *found], [],
            ["B3", "housng", *found], [""] * len(HEADER), []]
    path = tmp_path / f"blank{suffix}"
    if suffix == ".csv":
        with path.open("w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows(rows)
    else:
        wb = openpyxl.Workbook()
        for i, row in enumerate(rows, start=1):
            for j, value in enumerate(row, start=1):
                wb.active.cell(i, j, value if value != "" else None)
        wb.save(path)
    result = ledger.import_file(path, entered_by="x")
    assert (result.rows, result.imported, result.blank, result.rejected) == (5, 2, 2, 1)
    assert result.balanced and "rows 5 = imported 2 + blank 2 + rejected 1 (balanced)" in result.summary()
    assert "空行 2" in result.summary_zh() and result.rejects[0]["row"] == 6


def test_a_workbook_that_cannot_be_written_leaves_no_open_archive(young_heap: None, ledger: Ledger, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """review22b R22b-5: on a full disk `ledger export` printed a traceback after its clean error: openpyxl's zip
    archive, left open, wrote again when it was collected. Here the disk fills while a sheet goes into the
    archive and again at its end: the export fails cleanly and the archive is closed at once."""
    import errno
    import gc
    import zipfile

    ledger.import_file(EXAMPLE, entered_by="x")
    made: list[zipfile.ZipFile] = []
    init = zipfile.ZipFile.__init__

    def kept(self: zipfile.ZipFile, *args: Any, **kwargs: Any) -> None:
        init(self, *args, **kwargs)
        made.append(self)

    def full(*_: Any, **__: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(zipfile.ZipFile, "__init__", kept)
    monkeypatch.setattr(zipfile.ZipFile, "write", full)  # (a sheet's rows into the archive)
    monkeypatch.setattr(zipfile.ZipFile, "_write_end_record", full)
    with pytest.raises(Exception, match="no space left"):
        ledger.export_xlsx(tmp_path / "out.xlsx", "2021-06-20")
    assert made and all(z.fp is None for z in made)
    assert not (tmp_path / "out.xlsx").exists()
    made.clear()
    gc.collect()  # nothing left to write when collected (an unraisable exception fails the test: filterwarnings=error)
