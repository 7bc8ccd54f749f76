"""Hostile input the earlier passes left (session 30 Nov, hostile6): the last pass's leftovers
(schemas --check on a missing directory, unbounded day counts, the ledger's one reason code,
an export over a link to its own database, endless input on stdin, SIGTERM), then the HTTP
service, the ledger's database and the jurisdiction CSV.

Each test failed before its fix. CLI cases run in-process (``run_cli``): one line on stderr,
the documented exit code, no traceback.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from responsibility import Ledger, ProblemError

ROOT = Path(__file__).resolve().parents[1]
WORKBOOK = ROOT / "examples" / "ledger" / "county-ledger.xlsx"
SRC = ROOT / "src" / "responsibility"
Run = Callable[..., tuple[int, str, str]]


def _one_error_line(err: str) -> str:
    lines = [x for x in err.splitlines() if x.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: ") and "Traceback" not in err, err
    return lines[0]


@pytest.fixture()
def own_db(county_db: Path, tmp_path: Path) -> Path:
    """A copy of the county ledger this test may change."""
    import shutil

    return Path(shutil.copy(county_db, tmp_path / "own.db"))


# ---------------------------------------------------------------- the last pass's leftovers


def test_schemas_check_of_a_directory_that_is_not_there_is_unusable_input(run_cli: Run, tmp_path: Path) -> None:
    code, _, err = run_cli("schemas", "--check", "--out", str(tmp_path / "missing"))
    assert code == 2 and "does not exist" in _one_error_line(err)
    assert not (tmp_path / "missing").exists()


@pytest.mark.parametrize("args", [["alerts", "--within", "3651"], ["alerts", "--within", "99999999999999999999"],
                                  ["duplicates", "--window", "100000"],
                                  ["export", "X.xlsx", "--within", "9223372036854775808"]])
def test_a_number_of_days_has_the_service_s_ceiling_on_the_command_line(run_cli: Run, county_db: Path,
                                                                        tmp_path: Path, args: list[str]) -> None:
    args = [str(tmp_path / a) if a == "X.xlsx" else a for a in args]
    code, _, err = run_cli("ledger", args[0], str(county_db), *args[1:], "--as-of", "2021-06-20")
    assert code == 2 and "0<=x<=3650" in err and "Traceback" not in err, err
    assert not (tmp_path / "X.xlsx").exists()


def test_the_ledger_holds_days_to_the_same_ceiling(county_db: Path) -> None:
    from responsibility.cli import _ledger as cli_ledger
    from responsibility.ledger import _ledger

    assert cli_ledger.MAX_DAYS == _ledger.MAX_DAYS == 3650
    with Ledger.open(county_db) as ledger:
        assert len(ledger.alerts(within=3650, as_of="2021-06-20"))
        for call, name in ((lambda: ledger.alerts(within=3651), "within"),
                           (lambda: ledger.duplicates(window=10**30), "window")):
            with pytest.raises(ProblemError) as info:
                call()
            assert info.value.field == name and info.value.code == "bad_value" and "3650" in str(info.value)


def test_an_export_never_replaces_its_database_through_a_link(run_cli: Run, own_db: Path, tmp_path: Path) -> None:
    before = own_db.read_bytes()
    link = tmp_path / "link.xlsx"
    link.symlink_to(own_db)
    code, _, err = run_cli("ledger", "export", str(own_db), str(link), "--as-of", "2021-06-20")
    assert code == 2 and "also an input" in _one_error_line(err)
    assert link.is_symlink() and own_db.read_bytes() == before
    # The ledger opened by a link (or a URL) is still the same file.
    other = tmp_path / "other.db"
    other.symlink_to(own_db)
    code, _, err = run_cli("ledger", "export", f"sqlite:///{other}", str(own_db.with_suffix(".xlsx")))
    assert code == 0, err
    code, _, err = run_cli("ledger", "export", f"sqlite:///{other}", str(link))
    assert code == 2 and "also an input" in err and link.is_symlink()


@pytest.mark.parametrize("command", [["list", "{db}", "problems", "-o", "{out}"],
                                     ["duplicates", "{db}", "-o", "{out}"]])
@pytest.mark.parametrize("suffix", ["", "-wal", "-journal"])
def test_a_list_never_replaces_the_ledger_s_files(run_cli: Run, own_db: Path, tmp_path: Path,
                                                  command: list[str], suffix: str) -> None:
    target = tmp_path / "list.csv"
    target.symlink_to(str(own_db) + suffix)
    before = own_db.read_bytes()
    args = [a.format(db=own_db, out=target) for a in command]
    code, _, err = run_cli("ledger", *args, "--as-of", "2021-06-20")
    assert code == 2 and "also an input" in _one_error_line(err)
    assert target.is_symlink() and own_db.read_bytes() == before


def test_a_workbook_from_python_is_not_written_over_the_ledger_either(own_db: Path, tmp_path: Path) -> None:
    from responsibility import OutputError

    link = tmp_path / "book.xlsx"
    link.symlink_to(own_db)
    with Ledger.open(own_db) as ledger, pytest.raises(OutputError, match="also an input"):
        ledger.export_xlsx(link, "2021-06-20")
    assert link.is_symlink()


# ---------------------------------------------------------------- the ledger's reason codes


EVENT = {"problem": "CA-2021-001", "type": "rectified", "on": "2021-06-01"}


@pytest.mark.parametrize(("event", "code", "field"), [
    ({**EVENT, "problem": "CA-9"}, "unknown_problem", "problem"),
    ({**EVENT, "type": "fixed"}, "unknown_event_type", "type"),
    ({**EVENT, "on": "2021-02-30"}, "bad_date", "on"),
    ({**EVENT, "on": "2999-01-01"}, "future_date", "on"),
    ({**EVENT, "note": "a\x1bb"}, "bad_value", "note"),
    ({**EVENT, "colour": "red"}, "unknown_field", "colour"),
    ({**EVENT, "note": ["x"]}, "wrong_type", "note"),
    ({**EVENT, "type": "closed"}, "order_violation", "type"),
    ({**EVENT, "type": "assigned", "by_level": "village", "to_level": "county"}, "wrong_direction", "to_level"),
    ({**EVENT, "type": "assigned", "by_level": "county", "to_level": "nowhere"}, "unknown_level", "to_level"),
    ({**EVENT, "type": "merged", "into": "CA-2021-001"}, "bad_value", "into"),
    ({**EVENT, "type": "merged", "into": "CA-404"}, "unknown_problem", "into"),
    ({**EVENT, "type": "concealed", "who": "the_mayor"}, "unknown_body", "who"),
    ({**EVENT, "type": "corrected", "event": 99999, "reason": "typo", "void": True}, "unknown_event", "event"),
    ({**EVENT, "type": "registered", "domain": "housing", "place": "330127100219"}, "duplicate_problem", "problem"),
    ({**EVENT, "problem": "N1", "type": "registered", "domain": "housing", "place": "110101"},
     "unknown_place", "place"),
    ({**EVENT, "problem": "N1", "type": "registered", "domain": "housin", "place": "330127100219"},
     "unknown_area", "domain"),
    (["not an event"], "not_an_object", "(event)"),
])
def test_every_ledger_refusal_has_a_reason_code_of_its_own(own_db: Path, event: Any, code: str, field: str) -> None:
    from responsibility.ledger import CODES

    events = event if isinstance(event, list) else [event]
    with Ledger.open(own_db) as ledger, pytest.raises(ProblemError) as info:
        ledger.append(events, entered_by="clerk")
    assert (info.value.code, info.value.field) == (code, field), str(info.value)
    assert code in CODES


def _codes_raised_in(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    found = set(re.findall(r'code="([a-z_]+)"', text)) | set(re.findall(r'"code": "([a-z_]+)"', text))
    for call in re.findall(r"self\._fail\((?:[^()]|\([^()]*\))*\)", text, re.S):  # _fold's _fail(…, "code")
        found.add(re.findall(r'"([a-z_]+)"\)$', call)[0])
    return found


def test_no_ledger_refusal_is_left_with_the_catch_all_code() -> None:
    from responsibility.ledger import CODES

    raised: set[str] = set()
    for path in (SRC / "ledger").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        # Every ProblemError the ledger raises names its code (the default is "invalid").
        for call in re.findall(r"ProblemError\((?:[^()]|\([^()]*\))*\)", text, re.S):
            if "exc.code" in call or call.startswith("ProblemError(exc"):
                continue
            assert "code=" in call, (path.name, call)
        raised |= _codes_raised_in(path)
    raised -= {"invalid"}
    assert raised and raised <= set(CODES), raised - set(CODES)
    assert "invalid" not in CODES


def test_import_rejects_and_service_refusals_carry_the_code(run_cli: Run, tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    Ledger.create(db).close()
    code, _, err = run_cli("ledger", "import", str(db), str(WORKBOOK), "--by", "x")
    assert code == 1 and "[unknown_area]" in err, err
    rejects = tmp_path / "rejects.csv"
    code, _, _ = run_cli("ledger", "import", str(db), str(WORKBOOK), "--by", "x", "--rejects", str(rejects))
    text = rejects.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == "row,problem,field,reason,code" and "duplicate_problem" in text


def test_the_service_names_a_ledger_refusal_by_its_code(county_db: Path, tmp_path: Path) -> None:
    import shutil

    from fastapi.testclient import TestClient

    from responsibility.service import Settings, create_app
    from tests.test_service import bearer, token_store

    db = shutil.copy(county_db, tmp_path / "s.db")
    app = create_app(Settings(tokens=token_store(), ledger=str(db), decision_log=tmp_path / "d.jsonl"))
    with TestClient(app, raise_server_exceptions=False) as client:
        r = client.post("/v1/ledger/events", headers=bearer("chunan"),
                        json={**EVENT, "type": "closed"})
        assert r.status_code == 422, r.text
        err = r.json()["error"]
        assert (err["code"], err["field"]) == ("order_violation", "type"), err
        r = client.get("/v1/ledger/alerts?within=3651", headers=bearer("chunan"))
        assert r.status_code == 400 and r.json()["error"]["field"] == "query.within", r.text


def test_the_codes_are_listed_with_their_meaning() -> None:
    from responsibility.ledger import CODES

    assert all(isinstance(v, str) and len(v) > 10 for v in CODES.values())
    assert json.loads(json.dumps(CODES)) == CODES  # plain data, for a service's clients too


# ---------------------------------------------------------------- SIGTERM


_TERM_MID_WRITE = """
import os, signal, sys
real = os.fsync
def fsync(fd):  # the output is written to its temporary file: SIGTERM arrives now
    os.kill(os.getpid(), signal.SIGTERM)
    real(fd)
os.fsync = fsync
from responsibility.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("command", [["ledger", "export", "{db}", "{out}.xlsx", "--as-of", "2021-06-20"],
                                     ["ledger", "list", "{db}", "problems", "-o", "{out}.csv"],
                                     ["graph", "--area", "housing", "-o", "{out}.mmd"]])
def test_sigterm_mid_write_is_143_with_the_previous_output_and_no_temporary_file(
        county_db: Path, tmp_path: Path, command: list[str]) -> None:
    import subprocess
    import sys

    args = [a.format(db=county_db, out=tmp_path / "out") for a in command]
    target = Path(args[-3] if command[0] == "ledger" and command[1] == "export" else args[-1])
    target.write_bytes(b"previous")
    proc = subprocess.run([sys.executable, "-c", _TERM_MID_WRITE, *args], capture_output=True, text=True,
                          timeout=120, check=False)
    # Before: killed by the signal (-15) with the temporary file left beside the target.
    assert proc.returncode == 143, (proc.returncode, proc.stderr[-2000:])
    assert "terminated (SIGTERM)" in _one_error_line(proc.stderr)
    assert target.read_bytes() == b"previous" and sorted(p.name for p in tmp_path.iterdir()) == [target.name]


@pytest.mark.slow
def test_sigterm_stops_the_server_cleanly(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    import httpx

    from tests.test_service_server import free_port

    port = free_port()
    log = tmp_path / "d.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "responsibility", "serve", "--no-auth", "--port", str(port),
                             "--decision-log", str(log), "--log-level", "warning"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    # Before: killed by the signal uvicorn raises again once it has stopped (-15); a server told to stop is fine.
    assert proc.returncode == 0 and "stopped (SIGTERM)" in err and "error" not in err, err


# ---------------------------------------------------------------- the service


RECORD = {"id": "h-1", "area": "housing", "place": "330127100219", "severity": "serious",
          "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
          "deadline": "2021-05-31", "as_of": "2021-06-30"}


def _post_batch(client, body: bytes | list[bytes]) -> tuple[list[dict[str, Any]], dict[str, Any]]:  # type: ignore[no-untyped-def]
    from tests.test_service import bearer

    content = iter(body) if isinstance(body, list) else body
    r = client.post("/v1/assess", headers={**bearer("chunan"), "content-type": "application/x-ndjson"},
                    content=content)
    assert r.status_code == 200, r.text
    lines = [json.loads(x) for x in r.text.splitlines()]
    return [x["rejected"] for x in lines if "rejected" in x], lines[-1]["summary"]


def test_a_batch_line_without_end_is_one_reject_never_held(client, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from responsibility.service import _batch

    monkeypatch.setattr(_batch, "MAX_LINE", 1000)
    good = json.dumps(RECORD).encode()
    # The long line arrives in many small pieces (each was added to all before it: quadratic).
    body = [good + b"\n", *[b"x" * 100] * 50, b"\n" + good.replace(b"h-1", b"h-2") + b"\n", b"y" * 3000]
    rejects, summary = _post_batch(client, body)
    assert [(r["line"], r["code"]) for r in rejects] == [(2, "bad_row"), (4, "bad_row")], rejects
    assert "longer than 1,000 bytes" in rejects[0]["reason"]
    assert (summary["records"], summary["assessed"], summary["rejected"]) == (4, 2, 2)
    # The same when the pieces arrive one by one (the test client sends the body in one piece).
    import asyncio

    from responsibility.service._auth import ANONYMOUS

    svc = client.app.state.service
    assessor, lock = svc.assessors.get(None, "zh")
    batch = _batch.Batch(assessor, lock, ANONYMOUS, max_bytes=2**20, max_records=100)

    class Pieces:
        async def stream(self):  # type: ignore[no-untyped-def]
            for piece in body:
                yield piece

    asyncio.run(batch.run(Pieces()))  # type: ignore[arg-type]
    out = [json.loads(x) for x in batch.spool.read().splitlines()]
    batch.spool.close()
    assert [(x["rejected"]["line"], x["rejected"]["code"]) for x in out if "rejected" in x] == \
        [(2, "bad_row"), (4, "bad_row")]
    assert out[-1]["summary"]["assessed"] == 2


def test_a_batch_line_that_is_not_utf8_is_named_as_assess_names_it(client) -> None:  # type: ignore[no-untyped-def]
    rejects, summary = _post_batch(client, b'{"id": "\xff"}\n' + json.dumps(RECORD).encode() + b"\n")
    assert rejects[0]["code"] == "bad_encoding" and "(byte 0xff)" in rejects[0]["reason"], rejects
    assert "codec" not in rejects[0]["reason"] and summary["assessed"] == 1


OTHER_COUNTY = "330182001020"  # a village of 建德市, outside the chunan token's 淳安县


@pytest.mark.parametrize("place", ["３３０１８２００１０２０", 330182001020.0, 330182001020, f" {OTHER_COUNTY} "])
def test_a_place_outside_the_caller_s_county_is_refused_however_it_is_written(client, place: Any) -> None:  # type: ignore[no-untyped-def]
    from tests.test_service import bearer

    # Before: full-width digits and a float passed the jurisdiction check (which read only ASCII
    # text) and the record parser then read them as 建德's village: a verdict for another county.
    record = {**RECORD, "place": place}
    for path in ("/v1/verdict", "/v1/route"):
        r = client.post(path, headers=bearer("chunan"), json=record)
        assert r.status_code == 403 and r.json()["error"]["field"] == "place", (path, r.text)
    rejects, summary = _post_batch(client, json.dumps(record, ensure_ascii=False).encode())
    assert [r["code"] for r in rejects] == ["forbidden_place"] and summary["assessed"] == 0


@pytest.fixture()
def two_counties(own_db: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A client on a ledger that also holds problem JD-1 of 建德市 (another county's)."""
    from fastapi.testclient import TestClient

    from responsibility.service import Settings, create_app
    from tests.test_service import token_store

    with Ledger.open(own_db) as led:
        led.append([{"problem": "JD-1", "type": "registered", "on": "2021-03-01", "domain": "housing",
                     "place": OTHER_COUNTY},
                    {"problem": "JD-1", "type": "discovered", "on": "2021-03-01", "level": "county",
                     "channel": "hotline"}], entered_by="jiande")
    app = create_app(Settings(tokens=token_store(), ledger=str(own_db), decision_log=tmp_path / "d.jsonl"))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c, own_db


@pytest.mark.parametrize(("path", "body", "field"), [
    # a number is the problem "777" to the ledger: the check skipped events whose problem was no text
    ("/v1/ledger/events", {"problem": 777, "type": "registered", "on": "2021-03-01", "domain": "housing",
                           "place": OTHER_COUNTY}, None),
    # the ledger strips the id: " JD-1" was an unknown problem to the check, JD-1 to the ledger
    ("/v1/ledger/events", {"problem": " JD-1", "type": "rectified", "on": "2021-06-01"}, None),
    ("/v1/ledger/events", [{"problem": "CA-2021-001", "type": "rectified", "on": "2021-06-01"},
                           {"problem": "JD-1 ", "type": "rectified", "on": "2021-06-01"}], "[1].problem"),
    ("/v1/ledger/merge", {"source": "JD-1 ", "into": "CA-2021-002", "on": "2021-06-20"}, "source"),
    # a correction that moves one's own problem into another county
    ("/v1/ledger/events", {"problem": "CA-2021-001", "type": "corrected", "on": "2021-06-01", "event": 1,
                           "reason": "moved", "replace": {"domain": "housing", "place": OTHER_COUNTY}},
     "replace.place"),
])
def test_a_write_for_another_county_is_refused_however_the_problem_is_written(
        two_counties: Any, path: str, body: Any, field: str | None) -> None:
    from tests.test_service import bearer

    client, db = two_counties
    with Ledger.open(db) as led:
        before = led.count()
    r = client.post(path, headers=bearer("chunan"), json=body)
    # 403 for a place outside the county; 404 for another county's problem named by id, as for an unknown one
    # (input21 item 7: the answer does not tell which ids exist)
    assert r.status_code in (403, 404), r.text
    assert field is None or r.json()["error"]["field"].endswith(field), r.text
    with Ledger.open(db) as led:
        assert led.count() == before


def test_an_event_cursor_past_any_database_integer_is_a_bad_query_value(client, county_db: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.test_service import bearer

    # Before: 500 (OverflowError inside SQLite).
    r = client.get("/v1/ledger/events?after=99999999999999999999999", headers=bearer("chunan"))
    assert r.status_code == 400 and r.json()["error"]["field"] == "query.after", r.text
    with Ledger.open(county_db) as led:
        for call, name in ((lambda: led.events(after=10**30), "after"), (lambda: led.events(limit=-1), "limit"),
                           (lambda: led.correct(10**30, reason="x", on="2021-06-01", entered_by="x"), "event")):
            with pytest.raises(ProblemError) as info:
                call()
            assert (info.value.field, info.value.code) == (name, "bad_value")


@pytest.mark.parametrize(("query", "status"), [
    ("place=３３０１２７", 200), ("area=ｈｏｕｓｉｎｇ", 200), ("area=Housing", 200), ("place=abc", 400)])
def test_ledger_query_values_are_read_as_a_record_s_values(client, query: str, status: int) -> None:  # type: ignore[no-untyped-def]
    from tests.test_service import bearer

    r = client.get(f"/v1/ledger/lists/problems?as_of=2021-06-20&{query}", headers=bearer("chunan"))
    assert r.status_code == status, r.text
    if status == 200:
        assert len(r.json()) >= 2
    else:
        assert r.json()["error"]["field"] == "query.place"
    r = client.get(f"/v1/ledger/events?{query}", headers=bearer("chunan"))
    # the events take no area: a filter the endpoint does not take is refused, never ignored
    assert r.status_code == (status if "place" in query else 400), r.text


# ---------------------------------------------------------------- the ledger's database


@pytest.mark.parametrize("name", ["q?x=1.db", "台账 #1 ü.db", "a?mode=ro.db"])
def test_a_ledger_file_is_the_file_named_whatever_its_name_holds(run_cli: Run, tmp_path: Path, name: str) -> None:
    db = tmp_path / name
    code, _, err = run_cli("ledger", "init", str(db))
    # Before: "q?x=1.db" made (or opened) the file "q", the rest read as a URL query (with a warning).
    assert code == 0 and db.is_file() and sorted(p.name for p in tmp_path.iterdir()) == [name], err
    assert "Warning" not in err
    code, out, _ = run_cli("ledger", "verify", str(db))
    assert code == 0 and "0 events" in out
    link = tmp_path / "book.xlsx"
    link.symlink_to(db)
    code, _, err = run_cli("ledger", "export", str(db), str(link))
    assert code == 2 and "also an input" in err and link.is_symlink()


@pytest.mark.parametrize(("replace", "field", "code"), [
    ({"domain": "nonexistent", "place": "330127100219"}, "replace.domain", "unknown_area"),
    ({"domain": "housing", "place": "110101"}, "replace.place", "unknown_place"),
    ({"domain": "housing", "place": "330127100219", "severity": "dire"}, "replace.severity", "bad_value"),
    ({"domain": "housing", "place": "330127100219", "kind": "no_such_kind"}, "replace.kind", "unknown_kind"),
])
def test_a_correction_is_held_to_what_the_event_it_corrects_was(own_db: Path, replace: dict[str, str], field: str,
                                                                 code: str) -> None:
    # Before: stored as given; the 责任清单 then failed for everyone (KeyError: 'nonexistent', exit 3).
    with Ledger.open(own_db) as led:
        with pytest.raises(ProblemError) as info:
            led.correct(1, reason="typo", on="2021-06-01", entered_by="clerk", **replace)
        assert (info.value.field, info.value.code) == (field, code), str(info.value)
        assert len(led.responsibilities("2021-06-20"))


def test_ledger_events_take_the_names_a_record_takes_and_store_ids(run_cli: Run, own_db: Path,
                                                                   tmp_path: Path) -> None:
    events = tmp_path / "events.yaml"
    events.write_text(
        "- {problem: N-1, type: registered, on: 2021-06-01, domain: 危房改造, place: '330127100219', severity: 较重}\n"
        "- {problem: N-1, type: discovered, on: 2021-06-01, level: 县, channel: 县（市、区）长热线}\n"
        "- {problem: N-1, type: assigned, on: 2021-06-02, by_level: County, to_level: 乡镇}\n"
        "- {problem: CA-2021-001, type: corrected, on: 2021-06-02, event: 1, reason: 名称,\n"
        "   replace: {domain: 危房改造, place: '330127100219', severity: 严重}}\n", encoding="utf-8")
    # Before: "unknown duty area '危房改造'" (records, imports and options took the names; events did not).
    code, _, err = run_cli("ledger", "add", str(own_db), str(events), "--by", "clerk")
    assert code == 0, err
    with Ledger.open(own_db) as led:
        stored = [e.data for e in led.events("N-1")]
        assert stored[0]["domain"] == "housing" and stored[0]["severity"] == "serious"
        assert (stored[1]["level"], stored[1]["channel"]) == ("county", "hotline")
        assert (stored[2]["by_level"], stored[2]["to_level"]) == ("county", "township")
        assert led.events("CA-2021-001")[-1].data["replace"]["severity"] == "grave"
        assert led.state("CA-2021-001").severity == "grave"


@pytest.mark.parametrize(("files", "data", "status", "field"), [
    # Before: the second file was ignored (200, an import of one of the two), an unknown field too.
    ([("file", ("a.xlsx", WORKBOOK.read_bytes())), ("file", ("b.xlsx", WORKBOOK.read_bytes()))], {}, 422, "file"),
    ([("file", ("a.csv", b"x,y\n")), ("mappings", ("m.yaml", b"x: 1\n"))], {}, 422, "mappings"),
    # Before: blamed on the field 'file'.
    ([("file", ("a.csv", b"x,y\n"))], {"encoding": "rot13"}, 422, "encoding"),
    ([("file", ("a.xlsx", WORKBOOK.read_bytes()))], {"sheet": "nope"}, 422, "sheet"),
])
def test_an_upload_form_is_taken_as_sent_or_refused_naming_the_field(two_counties: Any, files: list[Any],
                                                                     data: dict[str, str], status: int,
                                                                     field: str) -> None:
    from tests.test_service import bearer

    client, db = two_counties
    with Ledger.open(db) as led:
        before = led.count()
    r = client.post("/v1/ledger/import", headers=bearer("chunan"), files=files, data=data)
    assert r.status_code == status and r.json()["error"]["field"] == field, r.text
    with Ledger.open(db) as led:
        assert led.count() == before


def test_a_merge_names_a_value_of_the_wrong_type_as_such(two_counties: Any) -> None:
    from tests.test_service import bearer

    client, _ = two_counties
    r = client.post("/v1/ledger/merge", headers=bearer("chunan"), json={"source": 1, "into": "CA-2021-001",
                                                                          "on": "2021-06-20"})
    # Before: "field 'source' is required (text)" of a field that was there.
    assert r.status_code == 422 and "must be text" in r.json()["error"]["message"] and \
        r.json()["error"]["field"] == "source", r.text


# ---------------------------------------------------------------- outputs never over an input


SAMPLE = ROOT / "examples" / "jurisdictions" / "zhejiang-sample.csv"


@pytest.mark.parametrize("command", [
    ["ledger", "list", "{db}", "problems", "--jurisdiction", "{j}", "-o", "{j}"],
    ["ledger", "duplicates", "{db}", "--jurisdiction", "{j}", "-o", "{j}"],
    ["ledger", "import", "{db}", str(WORKBOOK), "--by", "x", "--jurisdiction", "{j}", "--rejects", "{j}"],
])
def test_a_ledger_output_never_replaces_the_jurisdiction_it_read(run_cli: Run, own_db: Path, tmp_path: Path,
                                                                 command: list[str]) -> None:
    import shutil

    j = Path(shutil.copy(SAMPLE, tmp_path / "places.csv"))
    before = j.read_bytes()
    args = [a.format(db=own_db, j=j) for a in command]
    code, _, err = run_cli(*args, "--as-of", "2021-06-20") if command[1] != "import" else run_cli(*args)
    # Before: the list (or the rejects) was written over the jurisdiction file, exit 0 (1).
    assert code == 2 and "also an input" in _one_error_line(err)
    assert j.read_bytes() == before


@pytest.mark.parametrize("command", [
    ["graph", "--rules", "{rules}", "--area", "housing", "-o", "{target}"],
    ["ledger", "list", "{db}", "problems", "--rules", "{rules}", "-o", "{target}"],
])
def test_an_output_never_replaces_a_file_of_the_rules_it_read(run_cli: Run, own_db: Path, rules_copy: Path,
                                                              tmp_path: Path, command: list[str]) -> None:
    victim = rules_copy / "parameters.yaml"
    before = victim.read_bytes()
    link = tmp_path / "link.csv"
    link.symlink_to(victim)
    for target in (victim, link) if command[0] == "graph" else (link,):
        args = [a.format(db=own_db, rules=rules_copy, target=target) for a in command]
        code, _, err = run_cli(*args)
        # Before: graph -o rules/parameters.yaml wrote the Mermaid diagram over the policy's parameters.
        assert code == 2 and "input directory" in _one_error_line(err), err
        assert victim.read_bytes() == before and link.is_symlink()
    new = rules_copy / ("new.mmd" if command[0] == "graph" else "new.csv")
    args = [a.format(db=own_db, rules=rules_copy, target=new) for a in command]
    assert run_cli(*args)[0] == 0  # a new file beside them is no input


@pytest.mark.parametrize(("args", "words"), [
    (["--name", "a\u202eb", "--role", "county", "--jurisdiction", "330127"], "--name 'a\\u202eb': give a name"),
    (["--name", "ok", "--role", "county", "--jurisdiction", "3301"], "--jurisdiction 3301 is a city, not a county"),
    # (review20b B20-11: it offered village and township, which it then refused)
    (["--name", "ok", "--role", "king", "--jurisdiction", "330127"], "role 'king'; use county, city or province"),
    (["--name", "ok", "--role", "countyy", "--jurisdiction", "330127"], "did you mean 'county'?"),
])
def test_a_token_s_bad_option_is_blamed_on_the_option(run_cli: Run, args: list[str], words: str) -> None:
    code, out, err = run_cli("token", *args)
    # Before: "token: tokens[0].name: …", an entry of a file the user never wrote.
    assert code == 2 and words in _one_error_line(err) and "tokens[0]" not in err and not out


@pytest.mark.parametrize("text", [
    "问题编号,领域,所在地代码,发现时间,发现渠道,发现层级\nA1,危房改造,330127100219,2021-03-01,hotline,县\n"
    'A2,"' + "x" * 200_000 + ",330127100219,2021-03-01,hotline,县\n",  # a quote left open: one cell to the end
    "y" * 200_000,  # a header without end
])
def test_an_import_the_csv_module_cannot_read_is_refused_not_a_crash(run_cli: Run, tmp_path: Path, text: str) -> None:
    db = tmp_path / "c.db"
    Ledger.create(db).close()
    src = tmp_path / "in.csv"
    src.write_text(text, encoding="utf-8")
    code, _, err = run_cli("ledger", "import", str(db), str(src), "--by", "x")
    # Before: exit 3 "internal error (Error: field larger than field limit (131072))", and the next
    # command warned that the import "did not finish".
    assert code == 2 and "not valid CSV" in _one_error_line(err) and "in.csv:" in err
    code, out, err = run_cli("ledger", "verify", str(db))
    assert code == 0 and "0 events" in out and "did not finish" not in err


def test_a_workbook_whose_sheet_is_cut_short_is_refused_not_a_crash(run_cli: Run, tmp_path: Path) -> None:
    import zipfile

    book = tmp_path / "cut.xlsx"
    with zipfile.ZipFile(WORKBOOK) as zin, zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = data[: len(data) * 2 // 3]  # the sheet's XML ends mid-row
            zout.writestr(item, data)
    db = tmp_path / "c.db"
    Ledger.create(db).close()
    code, _, err = run_cli("ledger", "import", str(db), str(book), "--by", "x")
    # Before: exit 3, "internal error (ParseError: no element found …)".
    assert code == 2 and "not a readable .xlsx workbook" in _one_error_line(err) and "row " in err
    code, out, err = run_cli("ledger", "verify", str(db))
    assert code == 0 and "0 events" in out and "did not finish" not in err


def test_a_picture_written_into_the_rules_before_may_be_written_again(run_cli: Run, rules_copy: Path) -> None:
    target = rules_copy / "chain.mmd"
    target.write_text("old", encoding="utf-8")
    code, _, err = run_cli("graph", "--rules", str(rules_copy), "--area", "housing", "-o", str(target))
    assert code == 0 and target.read_text(encoding="utf-8") != "old", err
