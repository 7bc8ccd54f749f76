"""The input contract, hostile inputs and a newcomer's path (hostile29: hostile28's leftovers, then a fresh pass)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from .asgi import paced_receive

ROOT = Path(__file__).resolve().parents[1]


# ---------------------------------------------------------------- 1. HTTP: an upload that does not come


def _asgi_post(app: Any, path: str, headers: dict[str, str], chunks: list[tuple[float, bytes]]) -> tuple[int, bytes]:
    """POST to ``app`` a body that comes as ``chunks`` (seconds waited before it, bytes): the status and body."""
    receive = paced_receive(chunks)
    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": path, "raw_path": path.encode(), "root_path": "",
             "scheme": "http", "server": ("testserver", 80), "client": ("testclient", 1), "http_version": "1.1",
             "query_string": b"", "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()]}
    asyncio.run(app(scope, receive, send))
    return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:])


def _upload(tmp_path: Path, chunks: Any) -> tuple[int, bytes]:
    from responsibility import Ledger
    from responsibility.service import Settings, create_app
    from tests.test_service import bearer, token_store

    db = tmp_path / "county.db"
    Ledger.create(db).close()
    app = create_app(Settings(tokens=token_store(), ledger=str(db), decision_log=tmp_path / "d.jsonl",
                              body_seconds=1))
    body = (b'--XyZ\r\nContent-Disposition: form-data; name="file"; filename="ledger.xlsx"\r\n'
            b"Content-Type: application/octet-stream\r\n\r\n"
            + (ROOT / "examples" / "ledger" / "county-ledger.xlsx").read_bytes() + b"\r\n--XyZ--\r\n")
    headers = {"Content-Type": "multipart/form-data; boundary=XyZ", "Content-Length": str(len(body)),
               **bearer("chunan")}
    return _asgi_post(app, "/v1/ledger/import", headers, chunks(body))


def test_an_upload_that_dribbles_is_cut_off() -> None:
    """``POST /v1/ledger/import`` had no body deadline (hostile28's leftover): a client sending a byte now and then
    held a worker as long as it liked, while the other POSTs answered 408 (``serve --body-seconds``)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        status, body = _upload(Path(tmp), lambda b: [(0.0, b[:100])] + [(0.2, b[i:i + 1]) for i in range(100, 160)])
    assert status == 408, body
    assert b"the upload came slower than 1,024 bytes a second" in body and b"--body-seconds" in body


def test_an_upload_that_stalls_is_cut_off(tmp_path: Path) -> None:
    status, body = _upload(tmp_path, lambda b: [(0.0, b[:100]), (3600.0, b[100:])])  # then nothing for an hour
    assert status == 408, body
    assert b"the upload sent nothing for 1 seconds" in body


def test_an_upload_in_parts_that_come_in_time_is_imported(tmp_path: Path) -> None:
    import json

    status, body = _upload(tmp_path, lambda b: [(0.0, b[:1000]), (0.1, b[1000:2000]), (0.1, b[2000:])])
    assert status == 200, body
    got = json.loads(body)
    assert got["balanced"] and got["imported"] > 0


# ---------------------------------------------------------------- 2. HTTP: headers that do not come


def _dribble_headers(port: int, first: bytes = b"") -> bytes:
    """Send ``first`` (a whole request for /health, its answer read), then a request's headers a byte every 0.1 s:
    what came back before they were all sent (b"" if nothing did)."""
    import socket
    import time

    request = b"GET /health HTTP/1.1\r\nHost: x\r\nX-Padding: " + b"a" * 300 + b"\r\n\r\n"
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.settimeout(60)
        if first:
            s.sendall(first)
            answer = b""
            while not answer.endswith(b'{"status":"ok"}'):  # (the headers and the body may come apart)
                answer += s.recv(4096)
            assert answer.startswith(b"HTTP/1.1 200 OK")
        for byte in request:
            try:
                s.send(bytes([byte]))
            except (BrokenPipeError, ConnectionResetError):
                return b"(reset)"
            time.sleep(0.1)
            s.setblocking(False)
            try:
                got = s.recv(4096)
            except BlockingIOError:
                continue
            finally:
                s.setblocking(True)
            return got + s.recv(4096) if got and b"\r\n\r\n{" not in got else got
    return b""


def test_a_request_whose_headers_dribble_is_cut_off(tmp_path: Path) -> None:
    """uvicorn waits for a request's headers as long as the client likes (timeout_keep_alive runs only between
    requests and stops at a byte; --limit-concurrency answers 503 to everyone once slow clients fill it): a client
    sending headers a byte at a time held a connection for good (hostile28's leftover). `serve` now runs uvicorn's
    protocol with a deadline for the headers: --body-seconds, from the first byte and after each answer."""
    import json

    from tests.test_service_server import start, stop

    server = start(tmp_path, "--no-auth", "--body-seconds", "1")
    try:
        port = int(server.url.rsplit(":", 1)[1])
        for first in (b"", b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n"):  # a new connection; one kept alive
            got = _dribble_headers(port, first)
            assert got.startswith(b"HTTP/1.1 408 "), got
            error = json.loads(got.split(b"\r\n\r\n", 1)[1])["error"]
            assert error["message"] == "the request's headers did not arrive within 1 seconds, the limit of this " \
                                       "server" and error["field"] == "(headers)" and "--body-seconds" in \
                                       error["suggestion"], error
    finally:
        stop(server.proc)


@pytest.mark.parametrize("name", ["Protocol", "H11"])
def test_the_header_deadline_leaves_a_slow_answer_alone(name: str) -> None:
    """A request whose headers came in time is not cut off however long the application takes to answer; and both
    of uvicorn's protocols (httptools, h11) carry the deadline."""
    import threading
    import time

    import uvicorn

    from responsibility.service import _protocol
    from tests.test_service_server import free_port

    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        await asyncio.sleep(2.5)  # past the deadline of 1 s
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"2")]})
        await send({"type": "http.response.body", "body": b"ok"})

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, port=port, http=getattr(_protocol, name), log_level="warning",
                                           lifespan="off"))
    old = _protocol.os.environ.get("RESPONSIBILITY_BODY_SECONDS")
    _protocol.os.environ["RESPONSIBILITY_BODY_SECONDS"] = "1"
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        while not server.started:
            time.sleep(0.05)
        import socket

        with socket.create_connection(("127.0.0.1", port)) as s:
            s.settimeout(30)
            s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            assert s.recv(4096).startswith(b"HTTP/1.1 200 ")
        assert _dribble_headers(port).startswith(b"HTTP/1.1 408 ")
    finally:
        server.should_exit = True
        thread.join(30)
        if old is None:
            _protocol.os.environ.pop("RESPONSIBILITY_BODY_SECONDS", None)
        else:
            _protocol.os.environ["RESPONSIBILITY_BODY_SECONDS"] = old


# ---------------------------------------------------------------- 3. rules/ edits a policy editor makes by mistake


def _rules_copy(tmp_path: Path) -> Path:
    import shutil

    root = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", root)
    return root


@pytest.mark.parametrize(("old", "new", "line", "column", "said"), [
    ("\n  - id: water_village_patrol", "\n\u3000- id: water_village_patrol", 17, 1,
     "the full-width space '\u3000' (U+3000) in the indentation"),
    ("\n  - id: water_village_patrol", "\n\u00a0 - id: water_village_patrol", 17, 1,
     "a no-break space (U+00A0) in the indentation"),
    ("\n    kinds: [reporting]", "\n  \u3000kinds: [reporting]", 13, 3,
     "the full-width space '\u3000' (U+3000) in the indentation"),
    ("kinds: [reporting]", "kinds:\u3000[reporting]", 13, 11,
     "the full-width space '\u3000' (U+3000) after the key's colon")])
def test_a_full_width_or_no_break_space_in_yaml_is_named_where_it_is(tmp_path: Path, old: str, new: str, line: int,
                                                                      column: int, said: str) -> None:
    """A Chinese input method in full-width mode types U+3000; a copy from a web page brings U+00A0. PyYAML said
    "mapping values are not allowed in this context" or "could not find expected ':'", often a line below."""
    import responsibility

    root = _rules_copy(tmp_path)
    path = root / "areas" / "water.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    issues = responsibility.validate(root)
    assert [(i.line, i.column, i.code) for i in issues] == [(line, column, "yaml_syntax")], issues
    assert issues[0].message == f"YAML syntax error: {said}, which YAML does not read as a space"
    assert issues[0].hint.startswith("write ASCII spaces there")


# ---------------------------------------------------------------- 4. the ledger


def test_an_empty_problem_id_is_no_problem_s_not_every_problem_s(tmp_path: Path, run_cli: Any) -> None:
    """``Ledger.events("")`` gave every event (``if problem:``), so `ledger show DB ""` said "unknown problem on
    <today> (not yet registered that day); its first event is of <the ledger's first day>"."""
    from responsibility import Ledger

    db = tmp_path / "county.db"
    with Ledger.create(db) as led:
        led.import_file(ROOT / "examples" / "ledger" / "county-ledger.xlsx", entered_by="clerk")
        assert led.events("") == [] and led.events("", limit=5) == [] and led.events()
    code, _, err = run_cli("ledger", "show", str(db), "")
    assert code == 2 and "the ledger holds no problem of this id" in err and "first event" not in err, err


@pytest.mark.parametrize(("name", "said"), [
    ("county.db", "the workbook is an .xlsx file: name OUTPUT so ('{out}' is not)"),
    ("lists.csv", "use `ledger list … -o FILE.csv` for CSV")])
def test_ledger_export_says_what_to_name_its_workbook(tmp_path: Path, run_cli: Any, name: str, said: str) -> None:
    """`ledger export DB DB` was told "use `ledger list … -o FILE.csv` for CSV"."""
    from responsibility import Ledger

    db = tmp_path / "county.db"
    Ledger.create(db).close()
    out = str(tmp_path / name)
    code, _, err = run_cli("ledger", "export", str(db), out)
    assert code == 2 and said.format(out=out) in err, err


# ---------------------------------------------------------------- 5. an empty text is an absent field, on every path


#: Optional fields (dotted: inside discovered, or the first step) and a record's value for each.
_OPTIONAL = {"kind": "housing_renovation_late", "sector": "construction", "severity": "serious",
             "deadline": "2021-05-31", "as_of": "2021-06-30", "concealed_by": ["township"],
             "discovered.body": "county_poverty_office", "handled.to_body": "township_government"}


def _empty_variants() -> list[dict[str, Any]]:
    """The example record with each optional field absent, "" and " " (ids say which), and with nothing taken out."""
    import copy
    import json

    base = json.loads((ROOT / "examples" / "records" / "problem.json").read_text(encoding="utf-8"))
    base["discovered"].update(channel="audit", body=_OPTIONAL["discovered.body"])  # (concealment needs a check)
    base["handled"][0]["to_body"] = _OPTIONAL["handled.to_body"]
    base["concealed_by"] = _OPTIONAL["concealed_by"]
    out = [dict(base, id="whole")]
    for field in _OPTIONAL:
        for label, value in (("absent", None), ("empty", ""), ("blank", " ")):
            rec = copy.deepcopy(base)
            rec["id"] = f"{field}:{label}"
            head, _, tail = field.partition(".")
            at = rec["discovered"] if head == "discovered" else rec["handled"][0] if head == "handled" else rec
            key = tail or head
            if value is None:
                del at[key]
            else:
                at[key] = value
            out.append(rec)
    return out


def _by_record(findings: Any) -> dict[str, list[tuple[Any, ...]]]:
    rows: dict[str, list[tuple[Any, ...]]] = {}
    for r in findings.to_dict("records"):
        rows.setdefault(r["problem"], []).append((r["level"], r["body"], r["basis"], r["liability"]))
    return {k: sorted(v) for k, v in rows.items()}


def _same_as_absent(got: dict[str, list[tuple[Any, ...]]], rejected: set[str], path: str) -> None:
    assert not rejected, f"{path}: rejected {sorted(rejected)}"
    assert got.get("whole") and got.get("severity:absent"), f"{path}: no findings"
    for field in _OPTIONAL:
        absent = got.get(f"{field}:absent", [])
        for label in ("empty", "blank"):
            assert got.get(f"{field}:{label}", []) == absent, f"{path}: {field} {label} differs from absent"


def test_an_empty_optional_field_reads_as_absent_on_every_path(policy: Any, tmp_path: Path, run_cli: Any) -> None:
    """``"sector": ""`` was refused in JSON, YAML, Parquet and data frames (unknown sector or body '') and read as
    absent in CSV, whose empty cell is an absent field (docs/records.md); the same split held for kind, severity,
    dates, bodies and concealed_by. Now an empty text (or white space only) is an absent field everywhere, as a null
    is (the lead's decision on hostile29's ask)."""
    import json

    import pandas as pd

    records = _empty_variants()
    # the single decision, both engines
    for engine in ("compiled", "durable"):
        got = {r["id"]: sorted((f.level, f.body, f.basis, f.liability)
                               for f in policy.who_answers(r, engine=engine).findings) for r in records}
        _same_as_absent(got, set(), f"who_answers({engine})")
    assert got["severity:absent"] != got["whole"]  # (the fields do count where they are given)
    # the batch: Python dicts, a data frame of flat columns, JSON lines, CSV, Parquet
    assessment = policy.assess(records)
    _same_as_absent(_by_record(assessment.findings), set(assessment.rejects.get("problem", [])), "assess(dicts)")
    flat = pd.DataFrame([{**{k: v for k, v in r.items() if k not in ("discovered", "handled", "concealed_by")},
                          **{f"discovered.{k}": v for k, v in r["discovered"].items()},
                          "handled": json.dumps(r["handled"], ensure_ascii=False),
                          **({"concealed_by": json.dumps(r["concealed_by"]) if isinstance(r["concealed_by"], list)
                              else r["concealed_by"]} if "concealed_by" in r else {})} for r in records])
    assessment = policy.assess(flat)
    _same_as_absent(_by_record(assessment.findings), set(assessment.rejects.get("problem", [])), "assess(frame)")
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                                       encoding="utf-8")
    flat.to_csv(tmp_path / "in.csv", index=False)
    flat.to_parquet(tmp_path / "in.parquet")
    for name in ("in.jsonl", "in.csv", "in.parquet"):
        out = tmp_path / f"{name}.out.csv"
        rejects = tmp_path / f"{name}.rejects.csv"
        code, _, err = run_cli("assess", str(tmp_path / name), "-o", str(out), "--rejects", str(rejects))
        assert code in (0, 1), (name, err)
        refused = set(pd.read_csv(rejects, dtype=str)["problem"]) if code else set()
        _same_as_absent(_by_record(pd.read_csv(out, dtype=str)), refused, name)


@pytest.mark.parametrize(("field", "said"), [
    ("place", "field 'place': is empty; give the division code"),
    ("area", "field 'area': is empty; give the duty area"),
    ("discovered.channel", "field 'discovered.channel': is empty; give the channel"),
    ("discovered.on", "field 'discovered.on': is empty; give the day it was found (YYYY-MM-DD)"),
    ("discovered.level", "field 'discovered.level': is empty; give one of"),
    ("handled.action", "field 'handled[0].action': is empty; give assigned (交办) or reported (上报)"),
    ("handled.on", "field 'handled[0].on': is empty; give the day of the step (YYYY-MM-DD)"),
    ("id", "field 'id': is empty")])
def test_an_empty_required_field_is_missing_and_says_it_is_empty(policy: Any, field: str, said: str) -> None:
    """Before: "division code '' must be digits only", "field 'handled[0].on':  is not a date", "unknown action ''"."""
    import json

    from responsibility import ProblemError

    rec = json.loads((ROOT / "examples" / "records" / "problem.json").read_text(encoding="utf-8"))
    head, _, tail = field.partition(".")
    at = rec["discovered"] if head == "discovered" else rec["handled"][0] if head == "handled" else rec
    at[tail or head] = " "
    with pytest.raises(ProblemError) as e:
        policy.who_answers(rec)
    assert said in str(e.value) and e.value.code == "missing_field", (str(e.value), e.value.code)
    assessment = policy.assess([rec])
    assert assessment.rejects.loc[0, "code"] == "missing_field" and said in assessment.rejects.loc[0, "reason"]


def test_an_empty_optional_field_reads_as_absent_over_http(client: Any) -> None:
    """The service's verdict and batch read a record as the library does."""
    import json

    from tests.test_service import bearer

    records = [r for r in _empty_variants() if r["id"].startswith(("sector:", "discovered.body:", "deadline:"))]
    headers = {**bearer("chunan"), "Content-Type": "application/json"}
    got = {}
    for r in records:
        answer = client.post("/v1/verdict", json=r, headers=headers)
        assert answer.status_code == 200, answer.text
        got[r["id"]] = sorted((f["level"], f["body"], f["basis"], f["liability"]) for f in answer.json()["findings"])
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    batch = client.post("/v1/assess", content=lines.encode(),
                        headers={**bearer("chunan"), "Content-Type": "application/x-ndjson"})
    summary = [json.loads(x) for x in batch.text.splitlines()][-1]["summary"]
    assert batch.status_code == 200 and summary["rejected"] == 0 and summary["assessed"] == len(records), summary
    for field in ("sector", "discovered.body", "deadline"):
        assert got[f"{field}:empty"] == got[f"{field}:blank"] == got[f"{field}:absent"], field


def test_a_correction_of_an_event_in_the_same_file_says_to_add_that_event_first(tmp_path: Path,
                                                                                run_cli: Any) -> None:
    """review29 #14: it said only "no event 3 to correct", though event 3 was two lines above (not stored yet)."""
    from responsibility import Ledger

    db = tmp_path / "c.db"
    Ledger.create(db).close()
    events = tmp_path / "c.yaml"
    events.write_text(
        '- {problem: C-1, type: registered, on: 2021-03-01, area: housing, place: "330127100219", severity: serious}\n'
        "- {problem: C-1, type: discovered, on: 2021-03-02, level: village, channel: grid}\n"
        "- {problem: C-1, type: assigned, on: 2021-03-05, by_level: county, to_level: township}\n"
        "- {problem: C-1, type: corrected, on: 2021-03-06, event: 3, reason: typo,\n"
        "   replace: {on: 2021-03-04, by_level: county, to_level: township}}\n", encoding="utf-8")
    code, _, err = run_cli("ledger", "add", str(db), str(events), "--by", "x")
    assert code == 2 and "no stored event 3 to correct" in err and "add it first, then its correction" in err, err
