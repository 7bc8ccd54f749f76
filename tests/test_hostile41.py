"""The input contract, hostile inputs (hostile41): a full disk under the ledger's database (exit 3 "a bug" and a 500)
and under the service's temporary directory (a 500, and a traceback after the error), and what else a fresh pass
over the command line, the ledger and the service found."""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from responsibility import Ledger, LedgerError

Run = Callable[..., tuple[int, str, str]]
ROOT = Path(__file__).resolve().parents[1]
EVENTS = ROOT / "examples" / "ledger" / "events.yaml"
WORKBOOK = ROOT / "examples" / "ledger" / "county-ledger.xlsx"
NEW = [{"problem": "N1", "type": "registered", "on": "2021-06-01", "area": "housing", "place": "330127100219",
        "description": "屋顶漏雨" * 20},
       {"problem": "N1", "type": "discovered", "on": "2021-06-01", "level": "county", "channel": "hotline"}]


# ---------------------------------------------------------------- 1. a full disk under the ledger


def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every SQLite connection the ledger opens from now on may not grow its file by a page: SQLite then says
    "database or disk is full" (SQLITE_FULL), as on a disk with no room left."""
    from responsibility.ledger import _store

    made = _store.make_engine

    def make_engine(url: str, *, file: str | None = None) -> Any:
        engine = made(url, file=file)
        import sqlalchemy as sa

        def _full(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            pages = cur.execute("PRAGMA page_count").fetchone()[0]
            cur.execute(f"PRAGMA max_page_count={pages}")
            cur.close()

        sa.event.listen(engine, "connect", _full)
        return engine

    monkeypatch.setattr(_store, "make_engine", make_engine)


def _many(n: int = 200) -> list[dict[str, str]]:
    return [{**e, "problem": f"N{i}"} for i in range(n) for e in NEW]


def _events_file(tmp_path: Path) -> Path:
    import json

    path = tmp_path / "new.json"  # (enough events to need a new page of the file)
    path.write_text(json.dumps(_many()), encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["add", "import"])
def test_a_full_disk_under_the_ledger_is_said_so_not_a_bug(tmp_path: Path, run_cli: Run,
                                                           monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    """`ledger add` and `ledger import` into a ledger whose disk was full ended with exit 3 "internal error …
    database or disk is full … this is a bug": the disk is the user's circumstance, exit 2 saying what was left and
    what to do, and the ledger holds what it held."""
    db = tmp_path / "county.db"
    assert run_cli("ledger", "init", str(db))[0] == 0
    full_disk(monkeypatch)
    source = _events_file(tmp_path) if command == "add" else WORKBOOK
    code, _, err = run_cli("ledger", command, str(db), str(source), "--by", "clerk")
    assert code == 2 and "bug" not in err and "no space left" in err and "nothing of this command was stored" in err, \
        err
    assert "free space" in err, err
    with Ledger.open(db) as ledger:
        assert ledger.verify().ok and ledger.verify().events == 0


def test_the_library_says_a_full_disk_as_a_ledger_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "county.db"
    Ledger.create(db).close()
    full_disk(monkeypatch)
    with Ledger.open(db) as ledger, pytest.raises(LedgerError, match="no space left"):
        ledger.append(_many(), entered_by="clerk")


def test_the_service_answers_a_full_ledger_disk_with_503_not_500(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from fastapi.testclient import TestClient

    from responsibility.service import Settings, create_app

    db = tmp_path / "county.db"
    Ledger.create(db).close()
    full_disk(monkeypatch)
    app = create_app(Settings(auth=False, ledger=str(db), decision_log=tmp_path / "d.jsonl"))
    with TestClient(app, raise_server_exceptions=False) as client:
        got = client.post("/v1/ledger/events", json=_many())
    assert got.status_code == 503 and "no space left" in got.json()["error"]["message"], got.text


# ---------------------------------------------------------------- 2. a full disk under the temporary directory


def _no_room(*_args: Any, **_kwargs: Any) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_an_export_whose_temporary_directory_is_full_is_said_so(tmp_path: Path, run_cli: Run,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """openpyxl writes a sheet's rows to a file in the temporary directory as they come: a full disk there was exit 3
    "a bug", followed by "Exception ignored in … get_stream" from each sheet begun."""
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

    db = tmp_path / "county.db"
    assert run_cli("ledger", "init", str(db))[0] == 0
    assert run_cli("ledger", "add", str(db), str(EVENTS), "--by", "clerk")[0] == 0
    monkeypatch.setattr(WriteOnlyWorksheet, "append", _no_room)
    out = tmp_path / "w.xlsx"
    code, _, err = run_cli("ledger", "export", str(db), str(out), "--as-of", "2021-07-10")
    assert code == 2 and "bug" not in err and "temporary directory" in err and "TMPDIR" in err, err
    assert not out.exists()


@pytest.mark.parametrize("endpoint", ["export", "import"])
def test_the_service_answers_a_full_temporary_directory_with_503_without_its_path(
        tmp_path: Path, run_cli: Run, monkeypatch: pytest.MonkeyPatch, endpoint: str) -> None:
    """The export's workbook and the import's upload are written to the server's temporary directory: a full disk
    there was 500 "internal error (a bug)". It is 503 (try later), and the answer names no path of the server."""
    from fastapi.testclient import TestClient
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

    from responsibility.service import Settings, create_app

    db = tmp_path / "county.db"
    assert run_cli("ledger", "init", str(db))[0] == 0
    app = create_app(Settings(auth=False, ledger=str(db), decision_log=tmp_path / "d.jsonl"))
    with TestClient(app, raise_server_exceptions=False) as client:
        if endpoint == "export":
            monkeypatch.setattr(WriteOnlyWorksheet, "append", _no_room)
            got = client.get("/v1/ledger/export", params={"as_of": "2021-07-10"})
        else:
            import starlette.datastructures

            monkeypatch.setattr(starlette.datastructures.UploadFile, "read", _async_no_room)
            got = client.post("/v1/ledger/import", files={"file": ("county.xlsx", WORKBOOK.read_bytes())})
    body = got.json()["error"]
    assert got.status_code == 503 and "no space" in body["message"] and got.headers.get("retry-after"), got.text
    assert "/" not in body["message"].replace("/v1/", ""), body


async def _async_no_room(*_args: Any, **_kwargs: Any) -> bytes:
    raise OSError(errno.ENOSPC, "No space left on device")


# ---------------------------------------------------------------- 3. outputs over inputs, ids that look like options


@pytest.mark.parametrize("end", ["-wal", "-shm", "-journal"])
def test_the_decision_log_is_never_a_file_of_the_ledger(tmp_path: Path, run_cli: Run, end: str,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """`serve --ledger sv.db --decision-log sv.db-wal` started, and its log lines were appended to the file SQLite
    writes its frames into: SQLite overwrote them (the audit trail lost without a word), and the WAL held text. The
    ledger's own files were checked, its -wal, -shm and -journal not."""
    from responsibility import ResponsibilityError
    from responsibility.service import Settings, create_app

    db = tmp_path / "county.db"
    assert run_cli("ledger", "init", str(db))[0] == 0
    with pytest.raises(ResponsibilityError, match="decision log"):
        create_app(Settings(auth=False, ledger=str(db), decision_log=tmp_path / f"county.db{end}"))
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda *_a, **_kw: None)  # (never listens, if it gets there)
    code, _, err = run_cli("serve", "--no-auth", "--ledger", str(db), "--decision-log", f"{db}{end}",
                           "--port", "0")
    assert code == 2 and "decision log" in err and "also an input" in err, err


@pytest.mark.parametrize("ids", [["-3+4", "CA-2021-101"], ["CA-2021-101", "-3+4"]])
def test_merge_says_how_to_give_an_id_that_begins_with_a_dash(tmp_path: Path, run_cli: Run, ids: list[str]) -> None:
    """`ledger show` said how to give an id such as -3+4 (after --); `ledger merge` said click's "No such option
    '-3'", as if the user had mistyped an option."""
    db = tmp_path / "county.db"
    assert run_cli("ledger", "init", str(db))[0] == 0
    code, _, err = run_cli("ledger", "merge", str(db), *ids, "--on", "2021-06-01", "--by", "clerk")
    assert code == 2 and "No such option" not in err and "put -- before the ids" in err, err
    assert "--on DAY --by WHO -- SOURCE INTO" in err, err
    code, _, err = run_cli("ledger", "merge", str(db), "--on", "2021-06-01", "--by", "clerk", "--", *ids)
    assert code == 2 and "unknown problem" in err and "No such option" not in err, err


# ---------------------------------------------------------------- 4. the import form's odd fields


def _client(tmp_path: Path, run_cli: Run) -> Any:
    from fastapi.testclient import TestClient

    from responsibility.service import Settings, create_app

    db = tmp_path / "county.db"
    assert run_cli("ledger", "init", str(db))[0] == 0
    return TestClient(create_app(Settings(auth=False, ledger=str(db), decision_log=tmp_path / "d.jsonl")),
                      raise_server_exceptions=False)


def test_an_encoding_with_a_nul_is_no_text_encoding_not_a_500(tmp_path: Path, run_cli: Run) -> None:
    """The import form's `encoding=utf-8\\x00` reached codecs.lookup, whose ValueError ("embedded null character")
    was 500 "internal error (a bug)"."""
    from responsibility._files import is_text_encoding

    assert not is_text_encoding("utf-8\x00")
    with _client(tmp_path, run_cli) as client:
        got = client.post("/v1/ledger/import", files=[("file", ("a.xlsx", WORKBOOK.read_bytes())),
                                                      ("encoding", (None, "utf-8\x00"))])
    assert got.status_code == 422 and got.json()["error"]["field"] == "encoding", got.text


def test_a_form_of_too_many_parts_says_what_to_send(tmp_path: Path, run_cli: Run) -> None:
    """Starlette's "Too many fields. Maximum number of fields is 4." came with `"suggestion": null` and no field."""
    with _client(tmp_path, run_cli) as client:
        got = client.post("/v1/ledger/import", files=[("file", ("a.xlsx", WORKBOOK.read_bytes())),
                                                      *[("sheet", (None, "台账"))] * 10])
    body = got.json()["error"]
    assert got.status_code == 400 and body["field"] == "(body)" and "'file'" in (body["suggestion"] or ""), body


# ---------------------------------------------------------------- 5. a write that is stored, and a report that is not


def _cli(*args: str, stdout: Any = None, closed: bool = False) -> tuple[int, str]:
    """The command line in a process of its own, its standard output ``stdout`` (or closed)."""
    import subprocess
    import sys

    command = [sys.executable, "-m", "responsibility", *args]
    if closed:
        command = ["sh", "-c", 'exec "$@" >&-', "sh", *command]
    done = subprocess.run(command, stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=300, check=False)
    return done.returncode, done.stderr


def test_a_stored_write_whose_report_cannot_be_written_says_it_was_stored(tmp_path: Path, run_cli: Run) -> None:
    """`ledger add … >&-` (or > /dev/full) stored the events and then ended with exit 2 "standard output is closed"
    (or "the output may be incomplete"): the user, told of an error, ran it again, and every event was refused as
    already there. The error now says that the ledger holds them."""
    db = tmp_path / "county.db"
    assert run_cli("ledger", "init", str(db))[0] == 0
    code, err = _cli("ledger", "add", str(db), str(_events_file(tmp_path)), "--by", "clerk", closed=True)
    assert code == 2 and "stored the 400 event(s), seq 1–400, all the same" in err and "do not add them again" in err, \
        err
    with open("/dev/full", "w") as full:
        code, err = _cli("ledger", "merge", str(db), "N0", "N1", "--on", "2021-06-02", "--by", "clerk", stdout=full)
    assert code == 2 and "stored the merge of N0 into N1, event 401, all the same" in err, err
    with Ledger.open(db) as ledger:
        assert ledger.verify().events == 401


def test_an_import_whose_summary_cannot_be_written_says_it_was_stored(tmp_path: Path, run_cli: Run) -> None:
    db = tmp_path / "county.db"
    assert run_cli("ledger", "init", str(db))[0] == 0
    with open("/dev/full", "w") as full:
        code, err = _cli("ledger", "import", str(db), str(WORKBOOK), "--by", "clerk", stdout=full)
    assert code == 2 and "stored the import (rows 7 = imported 6 + rejected 1" in err, err
    assert "do not import the file again" in err, err


# ---------------------------------------------------------------- 6. a ledger that is no file


@pytest.mark.parametrize("target", ["", ":memory:", "sqlite://", "sqlite:///:memory:"])
def test_a_ledger_in_memory_is_refused_not_created_and_lost(tmp_path: Path, run_cli: Run, target: str) -> None:
    """`ledger init ''` (or :memory:, sqlite://) said "已创建台账 (created ledger)" of a database SQLite kept in
    memory and dropped as the command ended; every later command then said to run `ledger init`."""
    code, out, err = run_cli("ledger", "init", target)
    assert code == 2 and "created" not in out and "names no file" in err and "county.db" in err, (out, err)
    with pytest.raises(LedgerError, match="names no file"):
        Ledger.create(target)
    code, _, err = run_cli("ledger", "list", target, "problems")
    assert code == 2 and "names no file" in err, err


def test_serve_refuses_an_empty_ledger_option(run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`serve --ledger ""` (an unset variable in a script) served with no ledger: every ledger request a 503."""
    import uvicorn

    served: list[Any] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **_kw: served.append(app))  # (never listens, if it gets there)
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli("serve", "--no-auth", "--ledger", "", "--port", "0")
    assert not served
    assert code == 2 and "--ledger" in err and "empty" in err, err


# ---------------------------------------------------------------- 7. a reader while another process writes


def test_a_read_never_waits_for_another_process_s_import(tmp_path: Path, run_cli: Run,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Every command looked for imports that never finished, and marked them, under the write lock: `ledger verify`
    (or `list`, `alerts`, `show`, `export`) run while another process imported waited for the whole import and, after
    a minute, ended with exit 2 "another process has held the ledger's write lock … nothing was written". A lock held
    may be the import's own, alive: it is not told as unfinished then, and is once the lock is free and it is not."""
    import sqlite3

    from responsibility.ledger import _store

    monkeypatch.setattr(_store, "BUSY_SECONDS", 2.0)  # (the wait, were it waited: not a minute)
    db = tmp_path / "county.db"
    assert run_cli("ledger", "init", str(db))[0] == 0
    assert run_cli("ledger", "add", str(db), str(EVENTS), "--by", "clerk")[0] == 0
    writer = sqlite3.connect(db, isolation_level=None)
    try:
        writer.execute("INSERT INTO imports (id, source, started_at, status) VALUES ('b1', 'big.xlsx', "
                       "'2021-07-01T08:00:00', 'started')")
        writer.execute("BEGIN IMMEDIATE")  # the import, running
        code, out, err = run_cli("ledger", "verify", str(db))
        assert code == 0 and out.startswith("正常") and "lock" not in err and "big.xlsx" not in err, (out, err)
        code, out, err = run_cli("ledger", "list", str(db), "problems", "--as-of", "2021-07-10")
        assert code == 0 and "CA-2021-101" in out and "big.xlsx" not in err, err
    finally:
        writer.execute("ROLLBACK")  # the import killed: its rows never stored
        writer.close()
    code, _, err = run_cli("ledger", "verify", str(db))
    assert code == 0 and "big.xlsx" in err and "did not finish" in err, err
    code, _, err = run_cli("ledger", "verify", str(db))
    assert code == 0 and "big.xlsx" not in err, err  # (told once)


# ---------------------------------------------------------------- 8. --dask: an output directory replaced whole


def _parquet_dir(where: Path) -> Path:
    import json

    import pandas as pd

    rows = [json.loads(line) for line in (ROOT / "examples" / "records" / "problems.jsonl").read_text().splitlines()]
    frame = pd.json_normalize(rows)
    frame = frame.astype({c: "str" for c in frame.columns if frame[c].dtype == object})
    where.mkdir(parents=True)
    frame.to_parquet(where / "part-0.parquet")
    return where


@pytest.mark.parametrize("output", ["{top}", "{top}/in/out", "{other}"])
def test_dask_never_replaces_a_directory_holding_the_input_or_other_files(tmp_path: Path, run_cli: Run,
                                                                          output: str) -> None:
    """`assess data/in --dask … -o data` replaced data/ whole: the input and every other file under it were removed
    (the old directory is deleted once the new output is in place). `-o data/in/out` wrote the findings where the
    next run read them as records ("has no 'id' column"). An existing directory of other files (`-o ~/reports`) was
    emptied in the same way."""
    pytest.importorskip("dask")
    top = tmp_path / "data"
    source = _parquet_dir(top / "in")
    (top / "notes.txt").write_text("keep me", encoding="utf-8")
    other = tmp_path / "reports"
    other.mkdir()
    (other / "2021-05.xlsx").write_bytes(b"PK")
    target = output.format(top=top, other=other)
    code, _, err = run_cli("assess", str(source), "--dask", "synchronous", "-o", target, "--today", "2021-06-30")
    assert code == 2 and ("holds" in err or "inside the input" in err), err
    assert (top / "notes.txt").exists() and (source / "part-0.parquet").exists() and (other / "2021-05.xlsx").exists()
    assert not (source / "out").exists()


def test_dask_replaces_its_own_earlier_output(tmp_path: Path, run_cli: Run) -> None:
    pytest.importorskip("dask")
    source = _parquet_dir(tmp_path / "in")
    out = tmp_path / "out"
    for _ in range(2):
        code, _, err = run_cli("assess", str(source), "--dask", "synchronous", "-o", str(out), "--today", "2021-06-30")
        assert code == 1 and "records in: 3" in err, err
    assert [p.name for p in out.iterdir()] == ["part-0.parquet"]


# ---------------------------------------------------------------- 9. assess: a failed write leaves nothing behind


def test_a_findings_file_that_cannot_be_finished_leaves_no_rejects_part_behind(tmp_path: Path, run_cli: Run,
                                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """When the findings file could not be finished (a full disk at its last write), the rejects file was never
    closed: its temporary `.rejects.csv.PID.….part` stayed in the directory, and the rejects file was not said."""
    from responsibility import OutputError
    from responsibility.batch import _io

    close = _io.Sink.close

    def failing(self: Any, ok: bool) -> None:
        if self.kind == "findings" and ok:
            close(self, False)
            raise OutputError(f"cannot write findings file {self.path}: no space left on its disk; the previous file "
                              "is unchanged")
        close(self, ok)

    monkeypatch.setattr(_io.Sink, "close", failing)
    records = ROOT / "examples" / "records" / "problems.jsonl"
    code, _, err = run_cli("assess", str(records), "-o", str(tmp_path / "f.csv"), "--rejects",
                           str(tmp_path / "r.csv"), "--today", "2021-06-30")
    assert code == 2 and "findings file" in err, err
    assert sorted(p.name for p in tmp_path.iterdir()) == [], list(tmp_path.iterdir())


def test_a_json_lines_output_that_cannot_be_written_is_named_as_the_others_are(tmp_path: Path) -> None:
    """`-o out.jsonl` on a full disk said "cannot write out.jsonl: no space …", where .csv, .json and .parquet said
    "findings file out.csv … the previous file is unchanged"."""
    from responsibility.batch._io import Sink

    class Full:
        def write(self, _data: bytes) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    sink = Sink(str(tmp_path / "out.jsonl"), "jsonl", "findings")
    sink._file = Full()
    with pytest.raises(Exception, match=r"findings file .*out\.jsonl: no space .*previous file is unchanged"):
        sink._put(b"{}\n")
    sink.close(False)


# ---------------------------------------------------------------- 10. an output option given empty


@pytest.mark.parametrize("args", [["ledger", "list", "{db}", "problems", "-o", ""],
                                  ["ledger", "duplicates", "{db}", "-o", ""],
                                  ["ledger", "import", "{db}", str(WORKBOOK), "--by", "clerk", "--rejects", ""],
                                  ["assess", str(ROOT / "examples" / "records" / "problems.jsonl"), "-o", ""],
                                  ["assess", str(ROOT / "examples" / "records" / "problems.jsonl"), "-o", "{tmp}/f.csv",
                                   "--rejects", ""],
                                  ["graph", "--area", "housing", "-o", ""],
                                  ["serve", "--no-auth", "--decision-log", "", "--port", "0"]])
def test_an_empty_output_name_is_refused_not_taken_as_none(tmp_path: Path, run_cli: Run, args: list[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """`-o "$OUT"` with the variable unset: `ledger list` and `duplicates` wrote the list to standard output,
    `--rejects` printed the rejects on stderr and wrote no file, `serve` took the default decision log, and
    `assess -o ''` said "findings file . is a directory" — each as if the option had been left out, or of another
    name."""
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda *_a, **_kw: None)  # (never listens, if it gets there)
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "county.db"
    assert run_cli("ledger", "init", str(db))[0] == 0
    code, out, err = run_cli(*(a.format(db=db, tmp=tmp_path) for a in args))
    assert code == 2 and "the file name is empty" in err and out == "", (out, err)
    with Ledger.open(db) as ledger:
        assert ledger.verify().events == 0  # (the import refused before it stored anything)


def test_a_ledger_named_dash_is_refused(tmp_path: Path, run_cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    """`ledger init -` made a file named '-' in the current directory, where every other command reads '-' as standard
    input or output."""
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli("ledger", "init", "-")
    assert code == 2 and "'-' names no ledger" in err and not (tmp_path / "-").exists(), err
    assert run_cli("ledger", "init", "./-")[0] == 0 and (tmp_path / "-").exists()
