"""Hostile input and the input contract (hostile65).

1. ``ledger import``: a TRUE, a fraction or a date in 问题编号 (problem id) or 所在地代码 (place code) was
   ``bad_value`` / ``bad_place`` where a record (dict, JSON, YAML) with the same value says ``wrong_type``
   (docs/records.md: the id's true/1.5 is wrong_type "by every entry point alike"); the record path decides. A ledger
   event's problem id lost a CR or a tab at its end (``"P1\\r"`` was P1) that a record's id refuses (``bad_value``:
   white space at either end is no part of any field but the id, which keeps "spaces at either end aside"). A serial
   day with a time (``44256.5``) was "not a date" without the day number's hint the whole one gets.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from responsibility import Policy, ProblemError
from tests.test_hostile63 import base, by_dict, mutate
from tests.test_hostile64 import Row, _import, _rows, _workbook

RunCli = Callable[..., tuple[int, str, str]]


@pytest.fixture()
def ledger_db(tmp_path: Path, run_cli: RunCli) -> Callable[[str], str]:
    """A fresh, empty ledger file of the given name."""
    def make(name: str = "l.db") -> str:
        assert run_cli("ledger", "init", str(tmp_path / name))[0] == 0
        return str(tmp_path / name)

    return make


# --------------------------------------------------------------------- 1. ledger import: the record path decides


def _check(rows: list[Row], code: int, said: str, rejects: list[dict[str, str]] | None) -> None:
    """Each row imported or rejected as its ``want`` says; rows = imported + rejected (no blank row here)."""
    assert rejects is not None, said
    got = {int(r["row"]): (r["code"], r["field"]) for r in rejects}
    want = {n + 1: r.want for n, r in enumerate(rows, start=1) if r.want is not None}
    assert got == want, (got, want)
    assert f"共 {len(rows)} 行 = 已导入 {len(rows) - len(want)} + 拒收 {len(want)}（核对一致）" in said, said
    assert code == 1, (code, said)

_ID_PLACE = [
    ("问题编号", "id", True), ("问题编号", "id", False), ("问题编号", "id", 1.5),
    ("问题编号", "id", dt.datetime(2021, 1, 2)), ("所在地代码", "place", True),
    ("所在地代码", "place", 330127100219.5), ("所在地代码", "place", dt.datetime(2021, 3, 1)),
]


@pytest.mark.parametrize(("header", "path", "value"), _ID_PLACE, ids=[f"{p}={v!r}" for _, p, v in _ID_PLACE])
def test_an_id_or_place_cell_of_another_type_is_refused_as_a_record_refuses_it(
        policy: Policy, tmp_path: Path, run_cli: RunCli, ledger_db: Callable[[str], str], header: str, path: str,
        value: Any) -> None:
    record = by_dict(policy, mutate(base(), path, value))
    assert record[:2] == ("rej", "wrong_type"), record
    rows = [Row(None), Row(("wrong_type", header), **{header: value}), Row(None)]
    code, said, rejects = _import(run_cli, ledger_db("l.db"), _workbook(tmp_path / "c.xlsx", _rows(rows)))
    _check(rows, code, said, rejects)
    assert rejects is not None
    assert "type the" in rejects[0]["reason"] or "format the column as text" in rejects[0]["reason"], rejects


_ID_ENDS = [("P1\r", "bad_value"), ("P1\t", "bad_value"), ("\tP1", "bad_value"), ("P1\n", "bad_value"),
            ("P1\x85", "bad_value"), (" P1 ", None), ("\u3000P1", None), ("P1\u00a0", None),
            ("\n", "missing_field"), (" \r ", "missing_field"), ("\t", "missing_field")]  # (white space alone: empty)


@pytest.mark.parametrize(("value", "code"), _ID_ENDS, ids=[repr(v) for v, _ in _ID_ENDS])
def test_an_event_s_problem_id_keeps_the_id_s_rule(policy: Policy, value: str, code: str | None) -> None:
    """An event's problem id was ``.strip()``ped (``"P1\\r"`` → P1) where a record's id refuses the control
    character; spaces at either end are no part of either."""
    from responsibility.ledger._events import Event

    record = by_dict(policy, mutate(base(), "id", value))
    assert (record[1] if record[0] == "rej" else None) == code, record
    try:
        event = Event.parse({"problem": value, "type": "rectified", "on": "2021-03-01"}, entered_by="clerk")
    except ProblemError as exc:
        assert (exc.code, exc.field) == (code, "problem"), exc
        assert "control character" in exc.detail or code == "missing_field", exc
    else:
        assert code is None and event.problem == "P1", event


def test_a_workbook_s_problem_id_with_a_line_break_is_refused_as_a_record_s(
        tmp_path: Path, run_cli: RunCli, ledger_db: Callable[[str], str]) -> None:
    rows = [Row(None), Row(("bad_value", "问题编号"), 问题编号="R2\n"), Row(None, 问题编号=" R3 "),
            Row(("missing_field", "问题编号"), 问题编号=" \n "), Row(None)]
    code, said, rejects = _import(run_cli, ledger_db("l.db"), _workbook(tmp_path / "c.xlsx", _rows(rows)))
    _check(rows, code, said, rejects)


@pytest.mark.parametrize("value", [44256.5, "44256.5", 44256.25, "44256.0"])
def test_a_serial_day_with_a_time_is_told_the_day_it_counts(tmp_path: Path, run_cli: RunCli,
                                                            ledger_db: Callable[[str], str], value: Any) -> None:
    rows = [Row(None), Row(("bad_date", "发现时间"), 发现时间=value), Row(None)]
    code, said, rejects = _import(run_cli, ledger_db("l.db"), _workbook(tmp_path / "d.xlsx", _rows(rows)))
    _check(rows, code, said, rejects)
    assert rejects is not None
    assert "how Excel counts" in rejects[0]["reason"] and "2021-03-01" in rejects[0]["reason"], rejects


def test_an_event_s_serial_day_with_a_time_is_told_the_day_it_counts() -> None:
    from responsibility.ledger._events import Event

    for value in (44256, 44256.5):
        with pytest.raises(ProblemError) as exc:
            Event.parse({"problem": "P1", "type": "rectified", "on": value}, entered_by="clerk")
        assert exc.value.code == "bad_date" and "2021-03-01" in exc.value.detail, exc.value


# ------------------------------------------------------------------------------------------- 2. the HTTP service

@pytest.fixture()
def service(tmp_path: Path) -> Any:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from responsibility.ledger import Ledger
    from responsibility.service import Settings, create_app
    from tests.test_service import token_store
    from tests.test_service_ledger import CHUNAN, events

    db = str(tmp_path / "county.db")
    with Ledger.create(db) as led:
        led.append([*events("C1", CHUNAN), *events("C2", CHUNAN)], entered_by="seed")
    app = create_app(Settings(tokens=token_store(), ledger=db, decision_log=tmp_path / "decisions.jsonl"))
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


@pytest.mark.parametrize(("on", "said"), [
    (b"Infinity", "not a date"), (b"-Infinity", "not a date"), (b"NaN", "not a date"), (b"1e308", "not a date"),
    (b"44256.5", "44256.5 is how Excel counts the day 2021-03-01 at 12:00; write 2021-03-01"),
    (b'"44256.5"', "how Excel counts the day 2021-03-01 at 12:00"), (b"44256", "how Excel counts the day 2021-03-01")])
def test_an_event_s_day_of_a_number_is_refused_at_its_field(service: Any, on: bytes, said: str) -> None:
    from tests.test_service import bearer

    body = b'{"problem": "C1", "type": "rectified", "on": ' + on + b"}"
    r = service.post("/v1/ledger/events", content=body, headers={**bearer("chunan"),
                                                                 "Content-Type": "application/json"})
    assert r.status_code == 422, r.text
    err = r.json()["error"]
    assert (err["code"], err["field"]) == ("bad_date", "on") and said in err["message"], err


@pytest.mark.parametrize(("source", "into", "status", "field"), [
    ("C1\r", "C2", 422, "source"), ("C1", "C2\t", 422, "into"), ("C1\n", "C2", 422, "source"),
    (" C1 ", "\u3000C2", 201, None)])
def test_a_merge_s_ids_keep_the_id_s_rule(service: Any, source: str, into: str, status: int,
                                          field: str | None) -> None:
    """``{"source": "C1\\r"}`` merged C1 (the service ``.strip()``ped it) where an event's problem, a record's id
    and ``ledger merge`` refuse the control character."""
    from tests.test_service import bearer

    r = service.post("/v1/ledger/merge", json={"source": source, "into": into, "on": "2021-03-02"},
                     headers=bearer("chunan"))
    assert r.status_code == status, r.text
    if field is not None:
        err = r.json()["error"]
        assert (err["code"], err["field"]) == ("bad_value", field) and "control character" in err["message"], err
    else:
        assert r.json()[0]["problem"] == "C1" and r.json()[0]["into"] == "C2", r.text


@pytest.mark.parametrize(("name", "source"), [
    ("台" * 100 + ".xlsx", "台" * 40 + ".xlsx"),  # 305 bytes of UTF-8: no file system holds the name (it was a 500)
    ("a" * 200 + ".xlsx", "a" * 120 + ".xlsx"),  # the cut took the suffix: "not a .csv or .xlsx file" (a 422)
    ("😀" * 60 + ".xlsx", "_" * 60 + ".xlsx"), ("../../etc/x.xlsx", "x.xlsx"), ("C:\\Users\\台账.xlsx", "台账.xlsx"),
    ("台账 (1).xlsx", "台账 (1).xlsx"),  # as a browser names a second download (was 台账__1_.xlsx)
    (".xlsx", "upload.xlsx"), ("a\x00.xlsx", "a_00.xlsx")], ids=range(8))  # (httpx sends a NUL as %00)
def test_an_upload_s_file_name_is_never_an_internal_error(service: Any, name: str, source: str) -> None:
    from tests.test_service import bearer

    ROOT = Path(__file__).resolve().parents[1]
    wb = (ROOT / "examples" / "ledger" / "county-ledger.xlsx").read_bytes()
    r = service.post("/v1/ledger/import", files={"file": (name, wb)}, headers=bearer("chunan"))
    assert r.status_code == 200, r.text
    assert r.json()["source"] == source and r.json()["imported"] == 6, r.text


def test_a_reject_s_problem_column_is_one_short_printable_line(tmp_path: Path, run_cli: RunCli,
                                                               ledger_db: Callable[[str], str]) -> None:
    """A NUL in an id went into the rejects CSV as the byte itself, and a 1,000-character id whole (hostile64 left);
    ``assess`` shows a reject's id escaped and cut at 200 characters with "…"."""
    head = "问题编号,领域,所在地代码,严重程度,问题描述,发现时间,发现层级,发现渠道\n"
    row = ",危房改造,330127100219,一般,屋顶漏雨,2021-03-01,县,热线\n"
    path = tmp_path / "c.csv"
    path.write_text(head + "R1" + row + "R2\x00" + row + "R" * 1_000 + row + '"R4\x1b[2J"' + row, encoding="utf-8")
    code, said, rejects = _import(run_cli, ledger_db("l.db"), path)
    assert code == 1 and rejects is not None, said
    raw = path.with_name("c-rejects.csv").read_text(encoding="utf-8-sig")
    assert "\x00" not in raw and "\x1b" not in raw, raw
    assert [(r["row"], r["problem"], r["code"]) for r in rejects] == [
        ("3", "R2\\x00", "bad_value"), ("4", "R" * 200 + "…", "bad_value"), ("5", "R4\\x1b[2J", "bad_value")], rejects


@pytest.mark.parametrize("charset", ["utf-16", "utf-32", "UTF-16"])
@pytest.mark.parametrize("sent", ["utf-8", "le", "be", "bom", "many"])
def test_a_declared_utf16_body_without_a_byte_order_mark_is_no_internal_error(service: Any, charset: str,
                                                                              sent: str) -> None:
    """``/v1/assess`` with ``charset=utf-16`` (or utf-32) and a body without a byte order mark was a 500: Python's
    incremental UTF-16 decoder raises (``/v1/verdict``'s whole-body decode read it little-endian, and UTF-8 so declared
    was "not valid JSON"). Both tell the order as ``assess --encoding utf-16`` tells a file's: by its NULs, else one
    400 saying so."""
    import json

    from tests.test_service import bearer

    ROOT = Path(__file__).resolve().parents[1]
    line = json.dumps(json.loads((ROOT / "examples" / "records" / "problem.json").read_text(encoding="utf-8")),
                      ensure_ascii=False) + "\n"
    width = charset.lower()
    body = line.encode("utf-8") if sent == "utf-8" else line.encode(f"{width}-{sent}") if sent in ("le", "be") \
        else line.encode(width) if sent == "bom" else (line * 20).encode(f"{width}-le")  # (many: past 1 KiB)
    headers = {**bearer("zhejiang"), "Content-Type": f"application/x-ndjson; charset={charset}"}
    r = service.post("/v1/assess", content=body, headers=headers)
    assert r.status_code != 500, r.text
    v = service.post("/v1/verdict", content=body, headers={**headers, "Content-Type": f"application/json; "
                                                                                      f"charset={charset}"})
    assert v.status_code != 500, v.text
    if sent == "utf-8":  # (as `assess --encoding utf-16` says of a UTF-8 file)
        said = f"the request body is {width.upper()}, as Content-Type declares, without a byte order mark, and its " \
            "byte order cannot be told from its text"
        for got in (r, v):
            assert got.status_code == 400 and got.json()["error"]["message"] == said, got.text
    else:
        assert r.status_code == 200 and f'"assessed":{20 if sent == "many" else 1}' in r.text, r.text
        assert v.status_code == (400 if sent == "many" else 200), v.text  # (20 records are no one object)


# ------------------------------------------------------------------------ 3. `who` of a file broken further on


@pytest.mark.parametrize(("data", "where"), [
    (b"\xff\xfe\x00", "1:1"),  # a byte order mark and half a character: column 0 was said
    ("id: P1\narea: 危房改造\nplace: '33012710021", "3:20"),  # (GB18030 below, broken on its third line)
    ("id: P1\narea: 危房改造\n\n", "4:1"),
    ("id: 上上\n\n", "3:1"),  # (上 is U+4E0A: UTF-16LE writes it 0a 4e, which was counted as a line break)
])
def test_a_record_file_broken_past_its_start_is_told_its_line_and_column(tmp_path: Path, data: Any,
                                                                        where: str) -> None:
    """A record file whose start tells its encoding (a byte order mark, GB18030 text) but breaks further on was said
    at ``file:LINE:0`` — no column 0 is any editor's — and a UTF-16 file's line counted its 0x0a bytes."""
    import subprocess
    import sys

    raw = data if isinstance(data, bytes) else data.encode("gb18030") + b"\x81" if "place" in data else \
        data.encode("utf-16") + b"\x00"
    path = tmp_path / "r.yaml"
    path.write_bytes(raw)
    p = subprocess.run([sys.executable, "-m", "responsibility", "who", str(path)], capture_output=True, text=True,
                       timeout=120)
    assert p.returncode == 2 and "Traceback" not in p.stderr and len(p.stderr.splitlines()) == 1, p.stderr
    assert p.stderr.startswith(f"error: {path}:{where}: not "), p.stderr


def test_a_ledger_that_is_a_directory_is_said_so_first(tmp_path: Path) -> None:
    """``serve --ledger .`` (a directory, the one the decision log goes to) was told "decision log decisions.jsonl
    would replace a file of the input directory ." — the log's words for the ledger's mistake."""
    pytest.importorskip("fastapi")
    from responsibility import ResponsibilityError
    from responsibility.service import Settings, create_app

    (tmp_path / "decisions.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(ResponsibilityError) as exc:
        create_app(Settings(ledger=str(tmp_path), auth=False, decision_log=tmp_path / "decisions.jsonl"))
    assert f"{tmp_path}: is a directory; give the ledger's file" in str(exc.value), exc.value


@pytest.mark.parametrize(("query", "status"), [("C1", 200), ("%20C1%20", 200), ("C1%E3%80%80", 200), ("C1%0D", 404)])
def test_a_problem_asked_for_is_its_id_as_written_spaces_aside(service: Any, query: str, status: int) -> None:
    """``GET /v1/ledger/events?problem=%20C1%20`` was 404 "no problem ' C1 '", where an event posted for " C1 " is
    C1's: the id is as written, spaces at either end aside, reading as writing (a CR stays part of what was asked)."""
    from tests.test_service import bearer

    r = service.get(f"/v1/ledger/events?problem={query}", headers=bearer("chunan"))
    assert r.status_code == status, r.text
    if status == 200:
        assert {e["problem"] for e in r.json()} == {"C1"}, r.text
