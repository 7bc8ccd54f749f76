"""The input contract, hostile inputs (hostile40): a ledger whose SQLite file is damaged (exit 3 "a bug", 500, or
"another program's database", and `ledger verify` said 正常 of it), an empty or broken .json given to `assess`,
a FIFO given to `test` and `diff --scenarios`, and what else a fresh pass over the entry points found."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from responsibility import Ledger, LedgerError

Run = Callable[..., tuple[int, str, str]]
ROOT = Path(__file__).resolve().parents[1]
EVENTS = ROOT / "examples" / "ledger" / "events.yaml"
RECORD = ROOT / "examples" / "records" / "problem.json"


# ---------------------------------------------------------------- 1. a ledger whose file is damaged


def _ledger(tmp_path: Path, run_cli: Run) -> Path:
    db = tmp_path / "county.db"
    assert run_cli("ledger", "init", str(db))[0] == 0
    assert run_cli("ledger", "add", str(db), str(EVENTS), "--by", "clerk")[0] == 0
    return db


def _damage(db: Path, name: str) -> None:
    """Overwrite the page of table or index ``name`` (its cells, not its header) as a disk fault or a copy taken
    mid-write would: SQLite then says "database disk image is malformed" when it reads it."""
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0]
    conn.close()
    data = bytearray(db.read_bytes())
    for i in range((root - 1) * page_size + 100, root * page_size, 5):
        data[i] = 0x5A
    db.write_bytes(bytes(data))


def test_a_damaged_events_page_is_unusable_input_never_a_bug(tmp_path: Path, run_cli: Run) -> None:
    """`ledger show` on a ledger whose events page was overwritten was exit 3 "internal error … this is a bug"
    (sqlite3.DatabaseError: database disk image is malformed): the file is damaged, which is the input's state,
    exit 2 saying so and what to do."""
    db = _ledger(tmp_path, run_cli)
    _damage(db, "events")
    code, _, err = run_cli("ledger", "show", str(db), "CA-2021-101")
    assert code == 2 and "damaged" in err and "backup" in err and "bug" not in err, err
    assert len(err.strip().splitlines()) == 1, err


@pytest.mark.parametrize("args", [["alerts"], ["duplicates"], ["list", "problems"], ["list", "indices"],
                                  ["export", "{out}"]])
def test_every_read_of_a_damaged_events_page_is_unusable_input(tmp_path: Path, run_cli: Run,
                                                                args: list[str]) -> None:
    """The lists read the events through SQLite's own cursor, past SQLAlchemy's hook: `ledger alerts`, `duplicates`,
    `list` and `export` of a damaged ledger were still exit 3 "internal error … this is a bug"."""
    db = _ledger(tmp_path, run_cli)
    _damage(db, "events")
    code, _, err = run_cli("ledger", args[0], str(db), *(a.format(out=tmp_path / "w.xlsx") for a in args[1:]))
    assert code == 2 and "damaged" in err and "bug" not in err, err


def test_verify_says_a_damaged_file_is_damaged(tmp_path: Path, run_cli: Run) -> None:
    """`ledger verify` said 正常 (hash chain intact) of a ledger whose index page was overwritten, while `ledger
    show` of its problem failed: verify is where a clerk looks for damage, and it asks SQLite's own check first."""
    db = _ledger(tmp_path, run_cli)
    _damage(db, "ix_events_problem")
    code, out, err = run_cli("ledger", "verify", str(db))
    assert code == 1 and "damaged" in out and "正常：" not in out and "OK:" not in out, (out, err)
    assert out.startswith("数据库文件已损坏"), out
    with Ledger.open(db) as ledger:
        result = ledger.verify()
    assert not result.ok and "damaged" in result.what


def test_verify_of_a_damaged_events_page_is_a_finding(tmp_path: Path, run_cli: Run) -> None:
    db = _ledger(tmp_path, run_cli)
    _damage(db, "events")
    code, out, err = run_cli("ledger", "verify", str(db))
    assert code == 1 and "damaged" in out and "bug" not in err, (out, err)


def test_a_sound_ledger_still_verifies(tmp_path: Path, run_cli: Run) -> None:
    db = _ledger(tmp_path, run_cli)
    code, out, _ = run_cli("ledger", "verify", str(db))
    assert code == 0 and "正常" in out


def test_a_damaged_meta_page_is_damage_not_another_program_s_database(tmp_path: Path, run_cli: Run) -> None:
    """A ledger whose meta index page was overwritten lost its schema-version row to the reader, and was called
    "another program's SQLite database (tables events, head, imports, meta), not a ledger": the user went looking
    for another file. It holds a ledger's tables: it is a damaged ledger."""
    db = _ledger(tmp_path, run_cli)
    _damage(db, "sqlite_autoindex_meta_1")
    code, _, err = run_cli("ledger", "list", str(db), "problems")
    assert code == 2 and "another program" not in err and "damaged" in err and str(db) in err, err


def test_the_service_answers_a_damaged_ledger_with_503_not_500(tmp_path: Path, run_cli: Run) -> None:
    from fastapi.testclient import TestClient

    from responsibility.service import Settings, create_app

    db = _ledger(tmp_path, run_cli)
    app = create_app(Settings(auth=False, ledger=str(db), decision_log=tmp_path / "d.jsonl"))
    _damage(db, "events")
    with TestClient(app, raise_server_exceptions=False) as client:
        got = client.get("/v1/ledger/events", params={"problem": "CA-2021-101"})
    assert got.status_code == 503 and "damaged" in got.json()["error"]["message"], got.text


def test_the_library_says_damage_as_a_ledger_error(tmp_path: Path, run_cli: Run) -> None:
    db = _ledger(tmp_path, run_cli)
    _damage(db, "events")
    with Ledger.open(db) as ledger, pytest.raises(LedgerError, match="damaged"):
        ledger.state("CA-2021-101")


# ---------------------------------------------------------------- 2. assess of an empty or broken .json


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b"  \n\n", b"\xef\xbb\xbf \r\n"])
def test_assess_of_an_empty_json_file_is_a_warning_as_for_every_other_format(tmp_path: Path, run_cli: Run,
                                                                              content: bytes) -> None:
    """An empty .jsonl, .csv or .yaml is "holds no records", exit 0 (README: an input without any record is a
    warning); an empty .json (or one of only a BOM) was exit 2 "is not valid JSON (Expecting value: line 1
    column 1 (char 0)); for one record per line use .jsonl"."""
    f = tmp_path / "none.json"
    f.write_bytes(content)
    code, _, err = run_cli("assess", str(f), "-o", str(tmp_path / "o.csv"), "--no-progress")
    assert code == 0 and "holds no records" in err, err


@pytest.mark.parametrize(("text", "where", "hint"), [
    ('{"id": "a",\n "area": "housing",}', ":2:20: ", "fix the JSON syntax"),
    ('{"id": "a"}\n{"id": "b"}\n', ":2:1: ", ".jsonl"),
])
def test_assess_says_a_json_syntax_error_at_file_line_column(tmp_path: Path, run_cli: Run, text: str, where: str,
                                                              hint: str) -> None:
    """It said "f.json is not valid JSON (… line 2 column 20 (char 31)); for one record per line use .jsonl"
    whatever was wrong: the contract's file:line:column (as `who` says it), and the .jsonl hint only where the
    file holds one record after another."""
    f = tmp_path / "f.json"
    f.write_text(text, encoding="utf-8")
    code, _, err = run_cli("assess", str(f), "-o", str(tmp_path / "o.csv"), "--no-progress")
    assert code == 2 and f"{f}{where}" in err and hint in err, err
    if hint != ".jsonl":
        assert ".jsonl" not in err, err


# ---------------------------------------------------------------- 3. a FIFO where a scenario file should be


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_test_and_diff_name_a_fifo_as_no_regular_file(tmp_path: Path, run_cli: Run) -> None:
    """`responsibility test FIFO` said "FIFO: no such file or directory (check the path)" of a file that is
    there: it is a pipe, not a scenario file. Said without opening it (which would wait for a writer)."""
    fifo = tmp_path / "s.scenarios.yaml"
    os.mkfifo(fifo)
    code, _, err = run_cli("test", str(fifo))
    assert code == 2 and "not a regular file" in err and "no such file" not in err, err
    code, _, err = run_cli("diff", str(ROOT / "rules"), "--set", "handling_time_limit_days=15",
                           "--scenarios", str(fifo))
    assert code == 2 and "not a regular file" in err and "no such file" not in err, err


# ---------------------------------------------------------------- 4. a decision log over a file that is no log


@pytest.mark.parametrize("name", ["problem.json", "problems.jsonl"])
def test_the_decision_log_is_never_appended_to_a_json_file_that_is_no_log(tmp_path: Path, name: str) -> None:
    """Only the first byte was checked ("{"): `serve --decision-log problem.json` appended log lines to a problem
    record (a JSON document of several lines) and to a file of records as JSON lines. A log's every line is
    {"time": …}."""
    from responsibility import ResponsibilityError
    from responsibility.service._log import DecisionLog

    f = tmp_path / name
    f.write_bytes((ROOT / "examples" / "records" / name).read_bytes())
    before = f.read_bytes()
    with pytest.raises(ResponsibilityError, match="not a decision log"):
        DecisionLog(f).close()
    assert f.read_bytes() == before
    log = tmp_path / "d.jsonl"
    first = DecisionLog(log)
    first.write(endpoint="x")
    first.close()
    DecisionLog(log).close()  # a log is still appended to


# ---------------------------------------------------------------- 5. a list named in Chinese over HTTP


def test_the_service_takes_a_list_by_the_name_offices_call_it(tmp_path: Path, run_cli: Run) -> None:
    """`ledger list DB 问题清单` reads the list (by either name, its help says); GET /v1/ledger/lists/问题清单 was 400
    "'问题清单' is not one of 'problems', 'responsibilities' or 'rectifications'"."""
    from fastapi.testclient import TestClient

    from responsibility.service import Settings, create_app

    db = _ledger(tmp_path, run_cli)
    app = create_app(Settings(auth=False, ledger=str(db), decision_log=tmp_path / "d.jsonl"))
    with TestClient(app, raise_server_exceptions=False) as client:
        by_id = client.get("/v1/ledger/lists/responsibilities", params={"as_of": "2021-07-10"})
        by_name = client.get("/v1/ledger/lists/责任清单", params={"as_of": "2021-07-10"})
        wrong = client.get("/v1/ledger/lists/清单")
    assert by_id.status_code == 200 and by_id.json(), by_id.text
    assert by_name.status_code == 200 and by_name.json() == by_id.json(), by_name.text
    err = wrong.json()["error"]
    assert wrong.status_code == 400 and err["field"] == "path.name" and "问题清单" in err["suggestion"], wrong.text


# ---------------------------------------------------------------- 6. events as JSON lines


def test_events_as_json_lines_are_not_sent_to_assess(tmp_path: Path, run_cli: Run) -> None:
    """`ledger add DB events.jsonl` said "a file of JSON lines is for `responsibility assess`", which reads problem
    records, never events: it says how to give the events as one list."""
    db = tmp_path / "l.db"
    assert run_cli("ledger", "init", str(db))[0] == 0
    f = tmp_path / "events.jsonl"
    f.write_text('{"problem": "P1", "type": "registered", "on": "2021-03-01", "area": "housing", '
                 '"place": "330127100219"}\n{"problem": "P1", "type": "discovered", "on": "2021-03-01", '
                 '"level": "county", "channel": "hotline"}\n', encoding="utf-8")
    code, _, err = run_cli("ledger", "add", str(db), str(f), "--by", "clerk")
    assert code == 2 and f"{f}:2:1:" in err and "assess" not in err and "give one event" in err, err


@pytest.mark.parametrize(("path", "headers", "body", "status", "said", "not_said"), [
    ("/v1/ledger/events", {"Content-Type": "application/yaml"}, b"- {problem: P1}\n", 415, "reads an event",
     "problem record"),
    ("/v1/ledger/events", {"Content-Type": "application/json"}, b'{"problem": "P1"}\n{"problem": "P2"}\n', 400,
     "[list]", "/v1/assess"),
    ("/v1/ledger/merge", {"Content-Type": "text/csv"}, b"a,b\n", 415, "{source, into, on}", "problem record"),
    ("/v1/ledger/merge", {"Content-Type": "application/json"}, b"[]", 422, '"source"', "None"),
])
def test_the_ledger_s_endpoints_say_what_they_read(tmp_path: Path, run_cli: Run, path: str,
                                                   headers: dict[str, str], body: bytes, status: int, said: str,
                                                   not_said: str) -> None:
    """A YAML body to /v1/ledger/events was told "/v1/ledger/events reads one problem record as a JSON object …
    many records go to /v1/assess as JSON lines", and events one per line "JSON lines … are read by /v1/assess
    only": /v1/assess reads no events. A list sent to /v1/ledger/merge had no suggestion at all."""
    from fastapi.testclient import TestClient

    from responsibility.service import Settings, create_app

    db = _ledger(tmp_path, run_cli)
    app = create_app(Settings(auth=False, ledger=str(db), decision_log=tmp_path / "d.jsonl"))
    with TestClient(app, raise_server_exceptions=False) as client:
        got = client.post(path, content=body, headers=headers)
    err = got.json()["error"]
    text = err["message"] + " " + str(err["suggestion"])
    assert got.status_code == status and said in text and not_said not in text, got.text


# ---------------------------------------------------------------- 7. a reader gone: 141, never exit 1


@pytest.mark.parametrize("args", [["validate"], ["ledger", "verify", "{db}"], ["--version"],
                                  ["test", str(ROOT / "examples" / "problems" / "basic_needs.scenarios.yaml")]])
def test_a_reader_gone_is_141_on_every_command_not_exit_1(tmp_path: Path, run_cli: Run, args: list[str]) -> None:
    """`validate | true`, `ledger verify DB | head -c1`, `test … | true` ended with exit 1 — "findings", "a broken
    chain", "a failed scenario" — of a run that found none: click turns a broken pipe met by its echo into exit 1.
    The README's contract is 141, quietly, as `who` and `assess` already ended."""
    import subprocess
    import sys

    db = _ledger(tmp_path, run_cli)
    read, write = os.pipe()
    os.close(read)  # the reader has gone before the first line is written
    try:
        done = subprocess.run([sys.executable, "-m", "responsibility", *(a.format(db=db) for a in args)],
                              stdout=write, stderr=subprocess.PIPE, text=True, timeout=120, check=False)
    finally:
        os.close(write)
    assert done.returncode == 141 and "Traceback" not in done.stderr, done.stderr


# ---------------------------------------------------------------- 8. an output named as a directory


@pytest.mark.parametrize("args", [["assess", str(RECORD), "-o", "{out}/", "--to", "csv", "--no-progress"],
                                  ["assess", str(RECORD), "-o", "{out}.csv/", "--no-progress"],
                                  ["graph", "-o", "{out}.mmd/"],
                                  ["who", str(RECORD), "--picture", "{out}.svg/"]])
def test_an_output_ending_with_a_slash_is_no_file(tmp_path: Path, run_cli: Run, args: list[str]) -> None:
    """`assess … -o results/ --to csv` wrote a file named results (Path() drops the slash), and `-o out.csv/` a file
    out.csv: a name ending with / is a directory's, and there is none."""
    out = tmp_path / "results"
    code, _, err = run_cli(*(a.format(out=out) for a in args))
    assert code == 2 and "ends with /" in err, err
    assert list(tmp_path.iterdir()) == [], list(tmp_path.iterdir())


# ---------------------------------------------------------------- 9. an empty tokens file


@pytest.mark.parametrize(("text", "held"), [("", "nothing (it is empty)"), ("hello\n", "text"),
                                            ('{"tokens": null}', "null under tokens")])
def test_a_tokens_file_holding_no_list_says_what_it_holds_and_how_to_make_one(tmp_path: Path, run_cli: Run,
                                                                            text: str, held: str) -> None:
    """`serve --tokens FILE` of an empty file said "tokens: expected a list of {name, role, jurisdiction, sha256}
    entries", neither what the file holds nor how to make an entry."""
    f = tmp_path / "tokens.yaml"
    f.write_text(text, encoding="utf-8")
    code, _, err = run_cli("serve", "--tokens", str(f), "--port", "0")
    assert code == 2 and f"not {held}" in err and "responsibility token" in err, err


# ---------------------------------------------------------------- 10. a file name that is a terminal escape


def test_a_file_name_found_in_a_directory_never_writes_a_terminal_escape(tmp_path: Path, run_cli: Run,
                                                                          rules_copy: Path) -> None:
    """A file named "\\x1b]0;…\\a\\x1b[2J.yaml" in a rules or scenario directory from elsewhere (a pull request, a
    colleague's copy) was named raw in `validate`'s and `test`'s messages: on a terminal it set the window's title
    and cleared the screen. Its control characters are shown escaped, as a record's are."""
    name = "\x1b]0;owned\x07\x1b[2J"
    (rules_copy / "areas" / f"{name}.yaml").write_text("x: 1\n", encoding="utf-8")
    code, out, err = run_cli("validate", str(rules_copy))
    assert code == 1 and "\x1b" not in out + err and "\\x1b]0;owned\\x07" in out, out
    scenarios = tmp_path / "sc"
    scenarios.mkdir()
    (scenarios / f"{name}.scenarios.yaml").write_text("scenarios: 5\n", encoding="utf-8")
    code, out, err = run_cli("test", str(scenarios))
    assert code == 2 and "\x1b" not in out + err and "\\x1b]0;owned\\x07" in err, err


# ---------------------------------------------------------------- 11. an encoding asked of a workbook


@pytest.mark.parametrize("suffix", [".xlsx", ".json"])
def test_ledger_list_says_an_encoding_a_workbook_cannot_take(tmp_path: Path, run_cli: Run, suffix: str) -> None:
    """`ledger list DB problems -o l.xlsx --encoding gb18030` wrote the workbook and exit 0, the encoding dropped
    without a word (its help: "Encoding of the CSV file -o writes"); the import side says so already (hostile38)."""
    db = _ledger(tmp_path, run_cli)
    out = tmp_path / f"l{suffix}"
    code, _, err = run_cli("ledger", "list", str(db), "problems", "-o", str(out), "--encoding", "gb18030")
    assert code == 2 and "--encoding" in err and ".csv" in err and not out.exists(), err
    code, _, err = run_cli("ledger", "list", str(db), "problems", "-o", str(tmp_path / "l.csv"), "--encoding",
                           "gb18030")
    assert code == 0, err


# ---------------------------------------------------------------- 12. a workbook too long for Excel, over HTTP


def test_an_export_too_long_for_a_sheet_is_the_request_s_to_narrow_not_503(tmp_path: Path, run_cli: Run,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """GET /v1/ledger/export of a ledger whose 责任清单 outgrew a sheet (1,080,004 rows, after 53 s) was 503 Service
    Unavailable — "try later", which never helps — and said "or export CSV", which the service has no way to: 422,
    what to narrow, and where a list of any length is had."""
    from fastapi.testclient import TestClient

    from responsibility.ledger import _xlsx
    from responsibility.service import Settings, create_app

    db = _ledger(tmp_path, run_cli)
    monkeypatch.setattr(_xlsx, "MAX_ROWS", 1)
    app = create_app(Settings(auth=False, ledger=str(db), decision_log=tmp_path / "d.jsonl"))
    with TestClient(app, raise_server_exceptions=False) as client:
        got = client.get("/v1/ledger/export", params={"as_of": "2021-07-10"})
    err = got.json()["error"]
    assert got.status_code == 422 and "do not fit in one Excel sheet" in err["message"], got.text
    assert "/v1/ledger/lists" in err["suggestion"] and "CSV" not in err["message"], got.text
    assert "Retry-After" not in got.headers


def test_an_export_too_long_for_a_sheet_is_one_line_without_a_traceback(tmp_path: Path, run_cli: Run) -> None:
    """`ledger export` of a list longer than a sheet said so, then printed "Exception ignored in <generator object
    WriteOnlyWorksheet._write_rows …> Traceback … I/O operation on closed file" at exit: the sheets before it were
    begun and left. Every sheet's length is checked before the first is begun."""
    import subprocess
    import sys

    db = _ledger(tmp_path, run_cli)
    out = tmp_path / "w.xlsx"
    code = ("import sys\nfrom responsibility.ledger import _xlsx\n_xlsx.MAX_ROWS = 1\n"
            "from responsibility.cli import main\n"
            f"sys.exit(main(['ledger', 'export', {str(db)!r}, {str(out)!r}, '--as-of', '2021-07-10']))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 2 and "do not fit" in done.stderr, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr, done.stderr
    assert not out.exists()


# ---------------------------------------------------------------- 13. the same events added twice


def test_events_added_twice_say_what_to_do(tmp_path: Path, run_cli: Run) -> None:
    """`ledger add DB events.yaml` a second time said "registered event on 2021-06-01: already registered on
    2021-06-01", what was wrong and where, but not what to do."""
    db = _ledger(tmp_path, run_cli)
    code, _, err = run_cli("ledger", "add", str(db), str(EVENTS), "--by", "clerk")
    assert code == 2 and f"{EVENTS}:" in err and "already registered" in err and "leave its registered event out" \
        in err, err


# ---------------------------------------------------------------- 14. a link to / in a policy directory


def test_validate_never_walks_a_linked_tree_whole(tmp_path: Path, rules_copy: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A link to / saved in areas/ made `validate` walk the whole file system (17.8 s and 440 MB here) before naming
    the one YAML file it found there: the look for YAML in a subfolder reads a bounded number of entries, and a
    subfolder of yaml files is still named (r_sub below)."""
    from responsibility import validate

    big = tmp_path / "big"
    big.mkdir()
    for i in range(25_000):  # a tree as wide as a system directory, no YAML in it
        (big / f"d{i:05d}").mkdir()
    (rules_copy / "areas" / "root").symlink_to(big, target_is_directory=True)
    reads = {"n": 0}
    real = os.scandir

    def counting(path: Any = ".") -> Any:
        reads["n"] += 1
        return real(path)

    monkeypatch.setattr(os, "scandir", counting)
    validate(rules_copy)
    assert reads["n"] < 1_000, reads
    monkeypatch.setattr(os, "scandir", real)
    sub = rules_copy / "areas" / "sub" / "deeper"
    sub.mkdir(parents=True)
    (sub / "x.yaml").write_text("id: x\n", encoding="utf-8")
    issues = validate(rules_copy)
    assert any("areas/sub/deeper/x.yaml" in str(i) and "subfolder" in str(i) for i in issues), issues
