"""Hostile input, round 10: a stray quote that swallows rows, a FIFO where a file should be, a busy
ledger over HTTP, a county-level city's 市, null as absent on every path, and what a hostile user
tries on outputs (formula cells, an output over an input, a full disk)."""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
RECORDS = ROOT / "examples" / "records"
PROBLEM = json.loads((RECORDS / "problem.json").read_text("utf-8"))
CHUNAN = "330127100219"


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


# ------------------------------------------------------------------ a FIFO where a file should be


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("name", ["in.csv", "in.jsonl", "in.parquet", "in.json"])
def test_assess_refuses_a_fifo_without_waiting_for_a_writer(run_cli: Any, tmp_path: Path, name: str) -> None:
    """assess opened the FIFO and waited for ever (R9B-8); ledger import already refused it."""
    fifo = tmp_path / name
    os.mkfifo(fifo)
    code, _, err = run_cli("assess", str(fifo), "-o", str(tmp_path / "out.jsonl"))
    assert code == 2 and "not a regular file (a pipe or a device)" in err and "- for standard input" in err, err


# ------------------------------------------------------------------ a busy ledger over HTTP


def test_an_import_that_waits_out_another_writer_s_lock_is_503_with_retry_after(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """It answered 422, as if the upload were at fault."""
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from responsibility.ledger import Ledger, _store
    from responsibility.service import Settings, create_app

    from .test_service import bearer, token_store

    db = tmp_path / "l.db"
    Ledger.create(db).close()
    monkeypatch.setattr(_store, "BUSY_SECONDS", 0.2)
    monkeypatch.setattr(_store, "wait_notice", None)
    book = ROOT / "examples" / "ledger" / "county-ledger.xlsx"
    event = {"problem": "P-1", "type": "registered", "on": "2021-03-01", "area": "housing", "place": CHUNAN}
    app = create_app(Settings(tokens=token_store(), ledger=str(db)))
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with TestClient(app, raise_server_exceptions=False) as c:
            answers = [c.post("/v1/ledger/import", headers=bearer("chunan"),
                              files={"file": (book.name, book.read_bytes(), "application/octet-stream")}),
                       c.post("/v1/ledger/events", headers=bearer("chunan"), json=event)]
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    for r in answers:
        assert r.status_code == 503 and r.headers.get("retry-after", "").isdigit(), (r.status_code, r.text)
        error = r.json()["error"]
        assert error["type"] == "LedgerBusy" and "nothing was written" in error["message"], error


# ------------------------------------------------------------------ 市 in a county-level city, in the ledger

JIANDE = "330182001000"  # 新安江街道, 建德市 (a county-level city, 县级市) of 杭州市


def test_a_ledger_event_at_level_shi_in_a_county_level_city_is_ambiguous(run_cli: Any, tmp_path: Path) -> None:
    """A record was refused (ambiguous_level) while the same event was stored as the prefecture city's."""
    db = tmp_path / "l.db"
    assert run_cli("ledger", "init", str(db))[0] == 0
    events = tmp_path / "e.json"
    events.write_text(json.dumps([
        {"problem": "JD-1", "type": "registered", "on": "2021-03-01", "area": "危房改造", "place": JIANDE},
        {"problem": "JD-1", "type": "discovered", "on": "2021-03-01", "level": "市", "channel": "市长热线"}],
        ensure_ascii=False), "utf-8")
    code, _, err = run_cli("ledger", "add", str(db), str(events), "--by", "建德")
    assert code == 2 and "'市' names two levels here: 建德市 (330182000000) is at the county level" in err, err
    assert "field 'level'" in err and "write 'county'" in err and "'city' for 杭州市's" in err
    # the same words in an import, one row rejected (ambiguous_level), the other imported; 县级市 is plain
    table = tmp_path / "t.csv"
    table.write_text("问题编号,领域,所在地代码,发现时间,发现层级,发现渠道\n"
                     f"A-1,危房改造,{JIANDE},2021-03-01,市,市长热线\n"
                     f"A-2,危房改造,{JIANDE},2021-03-01,县级市,热线\n"
                     f"A-3,危房改造,{CHUNAN},2021-03-01,市,调查核查\n", "utf-8")  # (the hotline is the county's, R20-7)
    code, out, err = run_cli("ledger", "import", str(db), str(table), "--by", "建德")
    assert code == 1 and "rows 3 = imported 2 + rejected 1" in out, (out, err)
    assert "拒收：第 2 行（A-1），发现层级：'市' names two levels here" in err and "[ambiguous_level]" in err, err
    # a mapping's own word for a level is what the office means by it, not ambiguous
    mapping = (ROOT / "src" / "responsibility" / "ledger" / "mapping.yaml").read_text("utf-8")
    own = tmp_path / "m.yaml"
    own.write_text(mapping.replace("values:\n", "values:\n  discovered_level:\n    市: county\n"), "utf-8")
    table.write_text("问题编号,领域,所在地代码,发现时间,发现层级,发现渠道\n"
                     f"A-4,危房改造,{JIANDE},2021-03-01,市,市长热线\n", "utf-8")
    code, out, err = run_cli("ledger", "import", str(db), str(table), "--by", "建德", "--mapping", str(own))
    assert code == 0 and "imported 1" in out, (out, err)


@pytest.mark.parametrize(("option", "value", "words"), [
    ("--area", "危房", "Invalid value for --area: unknown area '危房'; did you mean '危房改造'"),
    ("--area", "xyz", "Invalid value for --area: unknown area 'xyz'; use one of basic_needs,"),
    ("--status", "xyz", "Invalid value for --status: unknown status 'xyz'"),
    ("--place", "99", "Invalid value for --place: place 99 is not in jurisdiction")])
def test_a_ledger_list_filter_is_refused_as_an_option(run_cli: Any, tmp_path: Path, option: str, value: str,
                                                      words: str) -> None:
    """It said "field 'area': …" as if a record were at fault, with a hint of ids and Chinese names cut at 12."""
    db = tmp_path / "l.db"
    assert run_cli("ledger", "init", str(db))[0] == 0
    for command in (["list", str(db), "problems"], ["alerts", str(db)], ["export", str(db), str(tmp_path / "x.xlsx")]):
        if option == "--status" and command[0] == "alerts":
            continue
        code, _, err = run_cli("ledger", *command, option, value)
        assert code == 2 and words in err and f"responsibility ledger {command[0]} --help" in err, err
        assert "field '" not in err and "…" not in err and len(err.strip().splitlines()) == 1


# ------------------------------------------------------------------ a stray quote that swallows rows

ROW = "{id},危房改造,困难家庭危房改造不及时,330127100219,{severity},县,热线,2021-03-01,2021-06-30"
HEAD = "id,area,kind,place,severity,discovered.level,discovered.channel,discovered.on,as_of"


def _stray(opened: int, closed: int, rows: int = 10) -> str:
    """A CSV whose row ``opened`` starts a quote in its severity cell that row ``closed`` ends (Excel paste)."""
    lines = [HEAD]
    for i in range(rows):
        severity = '"较重' if i == opened else '较重"' if i == closed else "较重"
        lines.append(ROW.format(id=f"q{i}", severity=severity))
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(("closed", "inside"), [(7, "lines 6–9 were read into that one cell"),
                                                (4, "line 6 was read into that one cell")])
@pytest.mark.parametrize("python", [False, True])
def test_a_stray_quote_that_swallows_rows_is_a_reject_naming_them(run_cli: Any, tmp_path: Path, closed: int,
                                                                  inside: str, python: bool) -> None:
    """The rows between the quotes vanished into q3's severity cell: its reject said 'unknown severity'
    and never named them (R9B-3). ``python``: a quote that is not plain earlier sends the rest of the
    file to Python's csv module (else the C reader's block is sent there by the check)."""
    src = tmp_path / "in.csv"
    text = _stray(3, closed)
    if python:
        text = text.replace(",热线,", ',热"线,', 1)  # a quote inside a cell: not plain (read as 热线 all the same)
    src.write_text(text, "utf-8")
    rejects = tmp_path / "r.jsonl"
    code, out, err = run_cli("assess", str(src), "-o", str(tmp_path / "o.jsonl"), "--rejects", str(rejects),
                             "--today", "2021-07-01", "--no-progress")
    got = _jsonl(rejects)
    shift = 0
    assert code == 1 and len(got) == 1, (out, err)
    reason = got[0]["reason"]
    assert got[0]["code"] == "bad_row" and got[0]["line"] == 5 + shift and got[0]["problem"] == "q3", got
    assert f"a quote opened on line {5 + shift} (in 'severity') closes only on line {closed + 2 + shift}" in reason
    assert inside.replace("6", str(6 + shift)).replace("9", str(9 + shift)) in reason and '""' in reason
    kept = 10 - (closed - 3) - 1
    assert f"assessed: {kept}   rejected: 1" in err, err
    assert len({r["problem"] for r in _jsonl(tmp_path / "o.jsonl")}) == kept


def test_a_legitimate_cell_over_several_lines_is_still_read(run_cli: Any, tmp_path: Path) -> None:
    """A multi-line cell is a cell, not swallowed rows, even with many commas (R10B-03: pretty-printed
    `handled` JSON and a description listing names were refused as a stray quote)."""
    from responsibility.batch._io import swallowed

    assert swallowed(["m1", "first line, one comma\nsecond"], 2) is None
    assert swallowed(["q3", "较重,县,热线\nq4,危房改造,较重"], 5, ["id", "severity"]) is not None
    assert swallowed(["A-1", "x", "y", "z", "涉及农户:\n张三, 李四, 王五,\n赵六, 钱七, 孙八, 周九"], 2) is None
    steps = [{"action": "assigned", "by_level": "county", "to_level": "township", "on": "2021-03-02"},
             {"action": "assigned", "by_level": "township", "to_level": "village", "on": "2021-03-04"}]
    src = tmp_path / "pretty.csv"
    with src.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow([*HEAD.split(","), "handled"])
        w.writerow([*ROW.format(id="m1", severity="较重").split(","), json.dumps(steps, indent=2)])
    code, _, err = run_cli("assess", str(src), "-o", str(tmp_path / "o.jsonl"), "--today", "2021-07-01",
                           "--no-progress")
    assert code == 0 and "assessed: 1   rejected: 0" in err, err
    db = tmp_path / "l.db"
    assert run_cli("ledger", "init", str(db))[0] == 0
    led = tmp_path / "led.csv"
    led.write_text("问题编号,领域,所在地代码,发现时间,发现层级,发现渠道,问题描述\n"
                   f'A-1,危房改造,{CHUNAN},2021-03-01,县,热线,"涉及农户:\n张三, 李四, 王五,\n赵六, 钱七, 孙八, 周九"\n'
                   f"A-2,危房改造,{CHUNAN},2021-03-01,县,热线,一户\n", "utf-8")
    code, out, err = run_cli("ledger", "import", str(db), str(led), "--by", "x")
    assert code == 0 and "imported 2 + rejected 0" in out, (out, err)


def test_a_stray_quote_in_a_ledger_import_is_one_reject_naming_the_rows(run_cli: Any, tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    assert run_cli("ledger", "init", str(db))[0] == 0
    src = tmp_path / "l.csv"
    src.write_text("问题编号,领域,所在地代码,发现时间,发现层级,发现渠道,严重程度\n"
                   f'A-1,危房改造,{CHUNAN},2021-03-01,县,热线,"较重\n'
                   f"A-2,危房改造,{CHUNAN},2021-03-01,县,热线,较重\n"
                   f'A-3,危房改造,{CHUNAN},2021-03-01,县,热线,较重"\n'
                   f"A-4,危房改造,{CHUNAN},2021-03-01,县,热线,较重\n", "utf-8")
    code, out, err = run_cli("ledger", "import", str(db), str(src), "--by", "x")
    assert code == 1 and "rows 2 = imported 1 + rejected 1 (balanced)" in out, (out, err)
    assert "第 2 行（A-1）" in err and "a quote opened on line 2 (in '严重程度') closes only on line 4" in err, err
    assert "lines 3–4 were read into that one cell" in err and "[bad_row]" in err


# ------------------------------------------------------------------ one encoding detector, standard input too


def _mixed(rows: int = 1500) -> str:
    """An office CSV whose first rows are codes only and whose Chinese starts past 64 KiB."""
    head = "id,area,kind,place,severity,discovered.level,discovered.channel,discovered.on,as_of\n"
    plain = "".join(f"a{i:05d},housing,housing_renovation_late,330127100219,serious,county,hotline,2021-03-01,"
                    "2021-06-30\n" for i in range(rows))
    chinese = "".join(ROW.format(id=f"c{i}", severity="较重") + "\n" for i in range(20))
    return head + plain + chinese


def test_standard_input_in_gb18030_is_told_past_its_first_64_kib(tmp_path: Path) -> None:
    """stdin was sniffed in what a peek gave (~8 KiB of a pipe): every Chinese row was rejected (R9B-1)."""
    import subprocess

    data = _mixed().encode("gb18030")
    assert data[:1 << 16].isascii()
    proc = subprocess.run([sys.executable, "-m", "responsibility", "assess", "-", "--from", "csv", "-o",
                           str(tmp_path / "o.jsonl"), "--today", "2021-07-01", "--no-progress"],
                          input=data, capture_output=True, timeout=300, check=False)
    err = proc.stderr.decode()
    assert proc.returncode == 0 and "standard input is not UTF-8" in err and "read as GB18030" in err, err
    assert "assessed: 1,520   rejected: 0" in err, err


def test_ledger_import_and_the_service_tell_encodings_as_assess_does(tmp_path: Path) -> None:
    """Three detectors disagreed (R9B-5): import read any valid GB18030 whole; the service only a byte order mark."""
    from responsibility.batch._io import detect_encoding, sample

    text = _mixed(20)
    assert detect_encoding(sample(text.encode("gb18030")))[0] == "gb18030"  # type: ignore[index]
    assert detect_encoding(sample(text.encode("utf-16-le")))[0] == "utf-16le"  # type: ignore[index]
    assert detect_encoding(sample(text.encode("utf-16")))[1] == "its byte order mark says so"  # type: ignore[index]
    assert detect_encoding(sample(text.encode())) is None
    # the service reads a GB18030 or UTF-16 body (without a byte order mark) as assess reads the file
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from responsibility.service import Settings, create_app

    from .test_service import bearer, token_store

    chinese = dict(PROBLEM, area="危房改造", severity="较重")
    lines = "".join(json.dumps(dict(chinese, id=f"p{i}"), ensure_ascii=False) + "\n" for i in range(30))
    # a real server gets a body in pieces (TestClient hands it over whole): 16 KiB at a time, as uvicorn may
    from responsibility.service import _batch

    run = _batch.Batch.run

    class Pieces:
        def __init__(self, request: Any) -> None:
            self.request = request

        async def stream(self) -> Any:
            async for data in self.request.stream():
                for k in range(0, len(data), 1 << 14):
                    yield data[k:k + (1 << 14)]

    async def in_pieces(self: Any, request: Any) -> None:
        await run(self, Pieces(request))

    ascii_start = "".join(json.dumps(dict(PROBLEM, id=f"a{i}")) + "\n" for i in range(300))  # > 64 KiB of ASCII
    assert len(ascii_start) > 1 << 16
    bodies = [lines.encode(encoding) for encoding in ("utf-8", "gb18030", "utf-16-le")]
    bodies += [(ascii_start + lines).encode(encoding) for encoding in ("utf-8", "gb18030")]
    app = create_app(Settings(tokens=token_store()))
    with TestClient(app, raise_server_exceptions=False) as c, pytest.MonkeyPatch.context() as mp:
        mp.setattr(_batch.Batch, "run", in_pieces)
        answers = [c.post("/v1/assess", headers={**bearer("zhejiang"), "Content-Type": "application/x-ndjson"},
                          content=body) for body in bodies]
    summaries = [[json.loads(x) for x in r.text.splitlines() if '"summary"' in x][-1]["summary"] for r in answers]
    assert all(r.status_code == 200 for r in answers), [r.text[:300] for r in answers]
    assert summaries[0]["rejected"] == 0 and summaries[0] == summaries[1] == summaries[2], summaries
    assert summaries[3]["rejected"] == 0 and summaries[3] == summaries[4] and summaries[3]["records"] == 330, summaries


@pytest.mark.parametrize("mark", ["“已整改”", "√", "×", "①", "㎡"])
def test_a_gb18030_ledger_with_chinese_marks_is_told_and_imported(run_cli: Any, tmp_path: Path, mark: str) -> None:
    """Import refused a GB18030 CSV whose Chinese held “ ” or √ (R10B-05: the detector counted them as not Chinese)."""
    db = tmp_path / "l.db"
    assert run_cli("ledger", "init", str(db))[0] == 0
    src = tmp_path / "g.csv"
    src.write_bytes(("问题编号,领域,所在地代码,发现时间,发现层级,发现渠道,备注\n" + "".join(
        f"G-{i},危房改造,{CHUNAN},2021-03-01,县,热线,{mark}\n" for i in range(30))).encode("gb18030"))
    code, out, err = run_cli("ledger", "import", str(db), str(src), "--by", "x")
    assert code == 0 and "rows 30 = imported 30 + rejected 0" in out, (out, err)
    from responsibility.batch._io import detect_encoding, sample

    only_marks = ("id," + ",".join([mark] * 40) + "\n").encode("gb18030")
    assert detect_encoding(sample(only_marks)) == ("gb18030", "its Chinese is GB18030/GBK, as Excel saves it on "
                                                               "Chinese Windows")


# ------------------------------------------------------------------ hunting


def test_a_parquet_that_unpacks_to_far_more_than_records_hold_is_refused_before_reading(run_cli: Any,
                                                                                        tmp_path: Path) -> None:
    """A 7 KiB file whose one cell unpacks to 200 MiB took 1.4 GB and 20 s to reject its record (a zip bomb)."""
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    path = tmp_path / "bomb.parquet"
    pq.write_table(pa.table({"id": ["a" * (96 * 2**20), "b"], "area": ["housing"] * 2, "place": [CHUNAN] * 2}),
                   path, compression="zstd")
    assert path.stat().st_size < 2**16
    code, _, err = run_cli("assess", str(path), "-o", str(tmp_path / "o.jsonl"))
    assert code == 2 and "row group 0 unpacks to 96 MiB for 2 record(s)" in err, err
    assert not (tmp_path / "o.jsonl").exists()


def test_ledger_import_of_a_file_of_problem_records_points_to_assess(run_cli: Any, tmp_path: Path) -> None:
    """It said 'no column for problem, domain, place … its headers are id, area, kind, place …'."""
    db = tmp_path / "l.db"
    assert run_cli("ledger", "init", str(db))[0] == 0
    src = tmp_path / "records.csv"
    src.write_text(HEAD + "\n" + ROW.format(id="q1", severity="较重") + "\n", "utf-8")
    code, _, err = run_cli("ledger", "import", str(db), str(src), "--by", "x")
    assert code == 2 and "a problem record's fields (id, area, place …)" in err and "responsibility assess" in err
    assert "问题编号" in err, err


def test_ledger_import_names_excel_s_own_forms_of_a_code_and_a_day(run_cli: Any, tmp_path: Path) -> None:
    """A 12-digit code saved as 3.30127E+11 and a day saved as 44256 were 'digits only' / 'not a date'."""
    db = tmp_path / "l.db"
    assert run_cli("ledger", "init", str(db))[0] == 0
    src = tmp_path / "x.csv"
    src.write_text("问题编号,领域,所在地代码,发现时间,发现层级,发现渠道\n"
                   "A-1,危房改造,3.30127E+11,2021-03-01,县,热线\n"
                   f"A-2,危房改造,{CHUNAN},44256,县,热线\n", "utf-8")
    code, out, err = run_cli("ledger", "import", str(db), str(src), "--by", "x")
    assert code == 1 and "rows 2 = imported 0 + rejected 2" in out, (out, err)
    assert "scientific notation" in err and "format the column as text" in err, err
    assert "44256 is how Excel counts the day 2021-03-01" in err


# ------------------------------------------------------------------ null is an absent field, on every path

_BASE = {"id": "n0", "area": "housing", "kind": "housing_renovation_late", "place": CHUNAN, "severity": "serious",
         "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"}, "as_of": "2021-06-30"}
_NULLS = [dict(_BASE, id=f"n{i}", **{k: None}) for i, k in
          enumerate(("handled", "concealed_by", "severity", "kind", "deadline"), 1)]


def test_null_is_an_absent_field_on_every_path(run_cli: Any, tmp_path: Path) -> None:
    """JSON null for handled / concealed_by / severity was refused on the dict paths and absent on the
    table paths (R9B-9): JSON lines, Parquet, CSV, the Python list and pandas now give one answer."""
    pa = pytest.importorskip("pyarrow")
    pd = pytest.importorskip("pandas")
    import pyarrow.parquet as pq

    import responsibility

    records = [_BASE, *_NULLS]
    (tmp_path / "r.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    pq.write_table(pa.Table.from_pylist(records), tmp_path / "r.parquet")
    flat = [{k: v for k, v in r.items() if k != "discovered"} | {f"discovered.{k}": v for k, v in
                                                                   r["discovered"].items()} for r in records]
    pd.DataFrame(flat).to_csv(tmp_path / "r.csv", index=False)
    answers = []
    for name in ("r.jsonl", "r.parquet", "r.csv"):
        out = tmp_path / f"{name}.out.jsonl"
        code, _, err = run_cli("assess", str(tmp_path / name), "-o", str(out), "--today", "2021-07-01",
                               "--no-progress")
        assert code == 0 and "rejected: 0" in err, (name, err)
        answers.append(sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in _jsonl(out)))
    assert answers[0] == answers[1] == answers[2]
    policy = responsibility.load()
    for given in (records, pd.DataFrame(records)):
        result = policy.assess(given)
        assert len(result.rejects) == 0 and len(result.findings) == len(answers[0])
    verdicts = {r["id"]: policy.who_answers(r).to_dict() for r in records}
    assert verdicts["n1"]["findings"] == verdicts["n0"]["findings"]  # handled: null is no step at all


def test_excel_s_trailing_empty_columns_are_no_columns(run_cli: Any, tmp_path: Path) -> None:
    """A CSV saved from a sheet with empty columns (`id,…,,,`) was refused whole: 'two columns named '''."""
    src = tmp_path / "t.csv"
    head = HEAD + ",,,\n"
    rows = [ROW.format(id=f"t{i}", severity="较重") + ",,," for i in range(3)]
    rows.append(ROW.format(id="t3", severity="较重") + ",,x,")  # a value under no header
    rows.append(ROW.format(id="t4", severity="较重"))  # a row Excel wrote without the trailing commas
    src.write_text(head + "\n".join(rows) + "\n", "utf-8")
    rejects = tmp_path / "r.jsonl"
    code, _, err = run_cli("assess", str(src), "-o", str(tmp_path / "o.jsonl"), "--rejects", str(rejects),
                           "--today", "2021-07-01", "--no-progress")
    assert code == 1 and "assessed: 4   rejected: 1" in err, err
    got = _jsonl(rejects)
    assert got[0]["line"] == 5 and "column 11 has a value ('x') but no header" in got[0]["reason"], got


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_FSIZE as on Linux")
def test_a_full_disk_under_a_ledger_says_what_to_check(run_cli: Any, tmp_path: Path) -> None:
    """A file size limit (or a full disk) was only 'cannot use it as a ledger database (disk I/O error)'."""
    import resource
    import subprocess

    db = tmp_path / "l.db"
    assert run_cli("ledger", "init", str(db))[0] == 0

    def small() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (16 * 2**10, 16 * 2**10))

    proc = subprocess.run([sys.executable, "-m", "responsibility", "ledger", "list", str(db), "problems"],
                          capture_output=True, text=True, timeout=120, check=False, preexec_fn=small)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    assert "disk I/O error" in proc.stderr and "free space of its disk" in proc.stderr and "ulimit -f" in proc.stderr
