"""Hostile input and the input contract (hostile43): what session 42 left — the hint of a GBK line pasted into a
UTF-8 file (near its start and past the detector's 64 KiB), the HTTP ledger list, ``serve`` on a damaged ledger, a
read-only ledger — and what was found hunting for more."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Run = Callable[..., tuple[int, str, str]]
ROOT = Path(__file__).resolve().parents[1]
RECORDS = [json.loads(x) for x in (ROOT / "examples" / "records" / "problems.jsonl").read_text("utf-8").splitlines()]
CSV_HEAD = "id,area,kind,sector,place,severity,discovered.level,discovered.channel,discovered.on,deadline,as_of\n"


# ---------------------------------------------------------------- 1, 2. a GBK line pasted into a UTF-8 file


def _jsonl_line(rid: str) -> str:
    return json.dumps({**RECORDS[0], "id": rid}, ensure_ascii=False) + "\n"


def _csv_line(rid: str) -> str:
    r = RECORDS[0]
    d = r["discovered"]
    return f"{rid},{r['area']},{r['kind']},{r['sector']},{r['place']},{r['severity']},{d['level']},{d['channel']}," \
        f"{d['on']},{r['deadline']},{r['as_of']}\n"


def _pasted(fmt: str, utf8_lines: int) -> bytes:
    """``utf8_lines`` UTF-8 records (ids 甲0, 甲1, …), then one whose id 乙二 is GBK."""
    line = _jsonl_line if fmt == "jsonl" else _csv_line
    head = b"" if fmt == "jsonl" else CSV_HEAD.encode()
    return head + "".join(line(f"甲{i}") for i in range(utf8_lines)).encode("utf-8") + line("乙二").encode("gbk")


@pytest.mark.parametrize("far", [False, True], ids=["near", "past-64KiB"])
@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_a_pasted_gbk_line_is_not_told_to_read_the_file_as_gb18030(run_cli: Run, tmp_path: Path, fmt: str,
                                                                   far: bool) -> None:
    """Before: the note said "--encoding gb18030 would spoil its UTF-8 lines", and the line's own reject said "try
    --encoding gb18030" (hostile42b left). Past the note's 64 KiB window there was no note at all, only that wrong
    hint. Now the reject says the file's other text is UTF-8 and what to do, wherever the line is."""
    n = 1000 if far else 1
    data = _pasted(fmt, n)
    assert (len(data) > 70_000) is far
    src = tmp_path / f"in.{fmt}"
    src.write_bytes(data)
    out = tmp_path / "out.jsonl"
    code, _, err = run_cli("assess", str(src), "-o", str(out), "--lang", "en")
    assert code == 1, err
    assert f"records in: {n + 1:,}   assessed: {n:,}   rejected: 1" in err, err
    line = n + 1 + (fmt == "csv")
    assert f"line {line}: bytes that are not utf-8 text" in err, err
    assert "try --encoding gb18030" not in err, err
    assert "the file's other text is UTF-8, so this line was likely pasted from a file saved in GB18030" in err, err


def test_a_short_gbk_file_keeps_its_gb18030_hint(run_cli: Run, tmp_path: Path) -> None:
    """The other side: a file with no UTF-8 text beyond ASCII (a GBK id too short for the detector) is not mixed; its
    line is still told to try --encoding gb18030, which reads it."""
    src = tmp_path / "in.jsonl"
    src.write_bytes(_jsonl_line("乙").encode("gbk"))
    code, _, err = run_cli("assess", str(src), "-o", str(tmp_path / "o.jsonl"), "--lang", "en")
    assert code == 1, err
    assert "try --encoding gb18030" in err, err
    assert "other text is UTF-8" not in err, err


def test_a_pasted_gbk_line_over_http(client: Any) -> None:
    """POST /v1/assess told such a line to "declare their encoding in Content-Type (…; charset=gb18030)", which
    would spoil the UTF-8 lines."""
    from tests.test_service import bearer

    body = _pasted("jsonl", 2)
    r = client.post("/v1/assess", content=body,
                    headers={**bearer("zhejiang"), "Content-Type": "application/x-ndjson"})
    assert r.status_code == 200, r.text
    lines = [json.loads(x) for x in r.text.splitlines()]
    assert lines[-1]["summary"]["records"] == 3 and lines[-1]["summary"]["rejected"] == 1, lines[-1]
    text = json.dumps([x for x in lines if "rejected" in x or "error" in x], ensure_ascii=False)
    assert "line 3: bytes that are not UTF-8 text" in text, text
    assert "charset=gb18030 would spoil" in text, text
    assert "declare their encoding" not in text, text


# ---------------------------------------------------------------- 3. a ledger's list, assessed as records


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("fmt", ["json", "jsonl", "yaml"])
def test_a_ledger_list_as_json_is_refused_once(run_cli: Run, county_db: Path, tmp_path: Path, fmt: str,
                                               lang: str) -> None:
    """`ledger list DB problems -o p.json` then `assess p.json`: every row was rejected, "field 'problem': unknown
    field" (exit 1), where the same list as CSV, and Policy.assess of its rows, are refused once, saying what it is.
    JSON, JSON lines and YAML now say the same (exit 2)."""
    import yaml

    listed = tmp_path / "p.json"
    code, _, err = run_cli("ledger", "list", str(county_db), "problems", "-o", str(listed), "--lang", lang)
    assert code == 0, err
    rows = json.loads(listed.read_text("utf-8"))
    src = tmp_path / f"p.{fmt}"
    if fmt == "jsonl":
        src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    elif fmt == "yaml":
        src.write_text(yaml.safe_dump(rows, allow_unicode=True), "utf-8")
    code, _, err = run_cli("assess", str(src), "-o", str(tmp_path / "o.jsonl"), "--lang", "en")
    assert code == 2, err
    assert "This is a ledger's 问题清单 (problems)" in err, err
    assert "unknown field" not in err and "Traceback" not in err, err
    assert not (tmp_path / "o.jsonl").exists()


@pytest.mark.parametrize("name", ["problems", "responsibilities", "rectifications"])
def test_a_ledger_list_over_http_is_refused_once(client: Any, name: str) -> None:
    """The rows GET /v1/ledger/lists/NAME gives, sent back to POST /v1/assess one to a line: 200 with every line
    rejected "field 'problem': unknown field". Now one 422 that says what the body is."""
    from tests.test_service import bearer

    h = bearer("zhejiang")
    rows = client.get(f"/v1/ledger/lists/{name}", headers=h).json()
    assert rows and "id" not in rows[0]
    body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows[:5]).encode()
    r = client.post("/v1/assess", content=body, headers={**h, "Content-Type": "application/x-ndjson"})
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert "rows of a ledger's" in error["message"] and f"GET /v1/ledger/lists/{name}" in error["message"], error
    assert error["field"] == "(body)"


def test_problem_records_with_extra_fields_are_still_assessed_one_by_one(run_cli: Run, tmp_path: Path) -> None:
    """The other side: a record with an id is a record, whatever else it holds (its unknown fields are rejected with
    it, the run goes on)."""
    odd = {**RECORDS[0], "status": "open", "registered_on": "2021-03-01", "channels": "hotline"}
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(odd) + "\n" + json.dumps(RECORDS[1]) + "\n", "utf-8")
    code, _, err = run_cli("assess", str(src), "-o", str(tmp_path / "o.jsonl"), "--lang", "en")
    assert code == 1, err
    assert "records in: 2   assessed: 1   rejected: 1" in err, err


# ---------------------------------------------------------------- 4. serve on a damaged ledger


def _damaged(county_db: Path, tmp_path: Path, how: str) -> Path:
    data = bytearray(county_db.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    if how == "cut-mid-page":  # a copy that stopped short
        data = data[:-1000]
    else:  # the events table's pages overwritten (a disk fault): opening the file reads none of them
        import sqlite3

        with sqlite3.connect(county_db) as conn:
            (root,), = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'events'").fetchall()
        data[(root - 1) * size:root * size] = b"\xff" * size
    target = tmp_path / "damaged.db"
    target.write_bytes(bytes(data))
    return target


@pytest.mark.parametrize("how", ["cut-mid-page", "events-page"])
def test_serve_refuses_a_damaged_ledger_before_listening(county_db: Path, tmp_path: Path, how: str) -> None:
    """`serve --ledger damaged.db` started, answered 200 from the pages it could read and 503 from the others
    (hostile40 left it: no check at startup). Now it says the file is damaged, exit 2, and never listens."""
    import subprocess
    import sys

    db = _damaged(county_db, tmp_path, how)
    try:
        done = subprocess.run([sys.executable, "-m", "responsibility", "serve", "--no-auth", "--ledger", str(db),
                               "--port", "0", "--decision-log", str(tmp_path / "d.jsonl")],
                              capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired:
        pytest.fail("serve started on a damaged ledger")
    assert done.returncode == 2, done.stderr
    assert "the ledger's database file is damaged" in done.stderr, done.stderr
    assert "restore it from a backup" in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert "serving on" not in done.stderr, done.stderr


# ---------------------------------------------------------------- 5. a ledger on read-only media

_RO_SCRIPT = r"""
import contextlib, io, json, sys
from responsibility.cli import main
out = []
for args in json.loads(sys.argv[1]):
    err, std = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(std):
        try:
            code = main(args)
        except SystemExit as exc:
            code = exc.code
    out.append([code, err.getvalue()])
print(json.dumps(out))
"""


def _read_only(folder: Path, commands: list[list[str]]) -> list[tuple[int, str]]:
    """Run each of ``commands`` (the CLI's arguments) with ``folder`` read-only: by its permissions for a user who is
    not root, else in a mount namespace where it is a read-only bind mount (skipped where neither can be had)."""
    import os
    import shutil
    import subprocess
    import sys

    call = [sys.executable, "-c", _RO_SCRIPT, json.dumps(commands)]
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            done = subprocess.run(call, capture_output=True, text=True, timeout=300)
        finally:
            folder.chmod(0o755)
    else:
        if shutil.which("unshare") is None:
            pytest.skip("running as root, with no unshare to make a read-only mount")
        mount = f"mount --bind '{folder}' '{folder}' && mount -o remount,ro,bind '{folder}' || exit 99"
        done = subprocess.run(["unshare", "-m", "sh", "-c", mount + ' && exec "$@"', "sh", *call],
                              capture_output=True, text=True, timeout=300)
        if done.returncode == 99 or "unshare failed" in done.stderr or "Operation not permitted" in done.stderr:
            pytest.skip(f"no read-only mount here: {done.stderr.strip()[:200]}")
    assert done.returncode == 0, done.stderr
    return [(code, err) for code, err in json.loads(done.stdout.splitlines()[-1])]


def test_a_ledger_on_read_only_media(county_db: Path, tmp_path: Path) -> None:
    """A ledger in a directory that cannot be written (a snapshot, a read-only mount or share): every command, even
    `verify`, said "cannot use it as a ledger database (unable to open database file); … its directory must be
    writable too" (hostile40 left it), so an auditor could not read a backup. Now the reading commands read it (the
    file alone is the ledger: no -wal beside it), each writing one says the ledger cannot be written, exit 2, and
    `init` there says the directory cannot be written."""
    import shutil

    folder = tmp_path / "snapshot"
    folder.mkdir()
    db = folder / "county.db"
    shutil.copy(county_db, db)
    events = tmp_path / "ev.yaml"
    events.write_text("- problem: CA-2021-001\n  type: rectified\n  on: 2021-05-01\n", "utf-8")
    reading = [["ledger", "show", str(db), "CA-2021-001"], ["ledger", "list", str(db), "problems"],
               ["ledger", "verify", str(db)], ["ledger", "duplicates", str(db)],
               ["ledger", "export", str(db), str(tmp_path / "out.xlsx")]]
    writing = [["ledger", "add", str(db), str(events), "--by", "clerk"],
               ["ledger", "import", str(db), str(ROOT / "examples" / "ledger" / "county-ledger.xlsx"), "--by", "c"],
               ["ledger", "merge", str(db), "CA-2021-001", "CA-2021-002", "--on", "2021-05-01", "--by", "clerk"]]
    init = [["ledger", "init", str(folder / "new.db")]]
    got = _read_only(folder, reading + writing + init)
    for args, (code, err) in zip(reading, got, strict=False):
        assert code in (0, 1) and "error" not in err, (args, err)  # (1: duplicates found)
    for args, (code, err) in zip(writing, got[len(reading):], strict=False):
        assert code == 2, (args, err)
        assert "cannot write to it" in err and "read-only" in err and "Traceback" not in err, (args, err)
    code, err = got[-1]
    assert code == 2 and f"its directory {folder} cannot be written" in err, err
    assert sorted(p.name for p in folder.iterdir()) == ["county.db"]  # nothing was made beside it
    assert db.read_bytes() == county_db.read_bytes()


# ---------------------------------------------------------------- found: UTF-8 lines in a GB18030 input


def _gbk_with_utf8(fmt: str, gbk_lines: int, at: list[int]) -> bytes:
    line = _jsonl_line if fmt == "jsonl" else _csv_line
    out = [] if fmt == "jsonl" else [CSV_HEAD.encode()]
    for i in range(gbk_lines):
        out.append(line(f"甲{i}").encode("gbk"))
        if i in at:
            out.append(line("乙二").encode("utf-8"))
    return b"".join(out)


@pytest.mark.parametrize("where", ["head", "past-64KiB"])
@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_a_utf8_line_in_a_gb18030_input_is_rejected_not_misread(run_cli: Run, tmp_path: Path, fmt: str,
                                                                where: str) -> None:
    """A file whose Chinese is GBK (read as GB18030, with its note) with one line of UTF-8 text, "乙二": the line was
    read as GB18030, silently, its findings carrying "涔欎簩" (exit 0, 0 rejected) — among many GBK lines in the
    detector's window (the balance of lines keeps GB18030) and past it. Now that line is rejected, saying what it is,
    and the GBK lines are assessed."""
    n = 1000
    data = _gbk_with_utf8(fmt, n, [5] if where == "head" else [n - 2])
    src = tmp_path / f"in.{fmt}"
    src.write_bytes(data)
    out = tmp_path / "out.jsonl"
    code, _, err = run_cli("assess", str(src), "-o", str(out), "--lang", "en")
    assert code == 1, err
    assert "read as GB18030" in err, err
    assert f"records in: {n + 1:,}   assessed: {n:,}   rejected: 1" in err, err
    assert "UTF-8 text ('乙二'" in err, err
    ids = {json.loads(x)["problem"] for x in out.read_text("utf-8").splitlines()}
    assert len(ids) == n and all(i.startswith("甲") for i in ids), sorted(ids)[-3:]


@pytest.mark.parametrize("declared", [False, True], ids=["detected", "charset"])
def test_a_utf8_line_in_a_gb18030_body_over_http(client: Any, declared: bool) -> None:
    """POST /v1/assess with a GBK body (told from its bytes, or declared charset=gb18030) holding one UTF-8 line:
    200, 0 rejected, and the line's findings carried "涔欎簩" for "乙二". Now that line is rejected."""
    from tests.test_service import bearer

    body = _gbk_with_utf8("jsonl", 30, [3])
    kind = "application/x-ndjson" + ("; charset=gb18030" if declared else "")
    r = client.post("/v1/assess", content=body, headers={**bearer("zhejiang"), "Content-Type": kind})
    assert r.status_code == 200, r.text
    lines = [json.loads(x) for x in r.text.splitlines()]
    assert lines[-1]["summary"]["records"] == 31 and lines[-1]["summary"]["rejected"] == 1, lines[-1]
    problems = {x["problem"] for x in lines if "problem" in x and "rejected" not in x}
    assert len(problems) == 30 and all(p.startswith("甲") for p in problems), sorted(problems)[-3:]
    assert "UTF-8 text in a body read as GB18030" in r.text, r.text[-2000:]


@pytest.mark.parametrize("encoding", [None, "gb18030", "cp936"])
def test_ledger_import_rejects_a_utf8_row_of_a_gb18030_csv(run_cli: Run, tmp_path: Path, encoding: str | None) -> None:
    """`ledger import` of a GBK ledger CSV with one row saved as UTF-8 (its Chinese only "甲一", which GB18030 reads
    whole): the row was imported with the description "鐢蹭竴" — into the append-only, hash-chained ledger, for good.
    Now that row is rejected, saying what it is, and the others are imported."""
    import csv
    import io

    import yaml

    sheet = yaml.safe_load((ROOT / "examples" / "ledger" / "county-ledger.yaml").read_text("utf-8"))
    heads, rows = sheet["headers"], sheet["rows"]

    def line(values: list[Any]) -> str:
        s = io.StringIO()
        csv.writer(s, lineterminator="\n").writerow(["" if v is None else v for v in values])
        return s.getvalue()

    data = line(heads).encode("gbk")
    for i, row in enumerate(rows):
        if i == 2:
            row = {**row, "领域": "water", "严重程度": "minor", "问题描述": "甲一", "发现层级": "township",
                   "发现渠道": "grid", "发现单位": None, "上报层级": "county", "整改层级": "township"}
        data += line([row.get(h) for h in heads]).encode("utf-8" if i == 2 else "gbk")
    src = tmp_path / "ledger.csv"
    src.write_bytes(data)
    db = tmp_path / "l.db"
    assert run_cli("ledger", "init", str(db))[0] == 0
    code, _, err = run_cli("ledger", "import", str(db), str(src), "--by", "clerk",
                           *(["--encoding", encoding] if encoding else []))
    assert "line 4: not GB18030 (GBK) text, as the file is read, but UTF-8" in err, err
    assert "甲一" in err, err
    code, out, err = run_cli("ledger", "show", str(db), rows[2]["问题编号"])
    assert code == 2 and "鐢蹭竴" not in out, (code, out[:300], err)
