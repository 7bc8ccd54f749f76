"""Hostile input at the entry points the other hostile tests leave: the ledger's database file,
the decision log of ``serve``, ``assess --dask``, an interrupted run, an internal error.

The CLI cases run the real ``main()`` in one subprocess with a timeout and a memory limit (as in
``test_hostile``); each must end with the documented exit code, no traceback and one error line.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from responsibility import Ledger, ProblemError, ResponsibilityError
from tests.test_batch_hostile import _alive, _children
from tests.test_hostile import _RUNNER, _limits

ROOT = Path(__file__).resolve().parents[1]
WORKBOOK = ROOT / "examples" / "ledger" / "county-ledger.xlsx"
TIMEOUT = 180.0  # seconds for all CLI cases together


def _events(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("select count(*) from events").fetchone()[0])


def _ledger(d: Path) -> Path:
    db = d / "county.db"
    Ledger.create(db).close()
    return db


def _as_a_terminal_job() -> None:
    """The limits, and Ctrl-C as a terminal's foreground job gets it: a job a script starts in the background (as
    `nohup … &` runs a CI step) inherits SIGINT ignored, and Python keeps it ignored, so the run would never see it."""
    _limits()
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _fifo(d: Path, name: str = "fifo") -> Path:
    os.mkfifo(d / name)
    return d / name


def _tokens(d: Path) -> Path:
    from responsibility.service._auth import token_hash

    path = d / "tokens.yaml"
    entry = {"name": "a", "role": "county", "jurisdiction": "330127", "sha256": token_hash("s3cret")}
    path.write_text(f"- {json.dumps(entry)}\n", encoding="utf-8")
    return path


def _corrupt(d: Path) -> list[str]:
    (d / "bad.db").write_bytes(b"SQLite format 3\x00" + b"\x07" * 200)
    return ["ledger", "verify", str(d / "bad.db")]


def _text_file(d: Path) -> list[str]:
    (d / "notes.txt").write_text("not a database\n", encoding="utf-8")
    return ["ledger", "list", str(d / "notes.txt"), "problems"]


def _rejects_over_input(d: Path) -> list[str]:
    db = _ledger(d)
    book = d / "book.xlsx"
    book.write_bytes(WORKBOOK.read_bytes())
    return ["ledger", "import", str(db), str(book), "--by", "clerk", "--rejects", str(book)]


def _serve(log: Callable[[Path], Path]) -> Callable[[Path], list[str]]:
    def setup(d: Path) -> list[str]:
        return ["serve", "--tokens", str(_tokens(d)), "--port", "0", "--decision-log", str(log(d))]
    return setup


def _dask_on_json_lines(d: Path) -> list[str]:
    (d / "in.jsonl").write_text('{"id": "a"}\n', encoding="utf-8")
    return ["assess", str(d / "in.jsonl"), "--dask", "synchronous", "-o", str(d / "out")]


#: name: (setup returning argv, exit code, words the one error line holds)
CASES: dict[str, tuple[Callable[[Path], list[str]], int, tuple[str, ...]]] = {
    "ledger init a directory": (lambda d: ["ledger", "init", str(d)], 2, ("is a directory",)),
    "ledger init a FIFO": (lambda d: ["ledger", "init", str(_fifo(d))], 2, ("not a regular file",)),
    "ledger init in a missing directory": (lambda d: ["ledger", "init", str(d / "no" / "x.db")], 2,
                                           ("does not exist",)),
    "ledger list a text file": (_text_file, 2, ("notes.txt", "not an SQLite database")),
    "ledger verify /dev/zero": (lambda d: ["ledger", "verify", "/dev/zero"], 2, ("not a regular file",)),
    "ledger verify a FIFO": (lambda d: ["ledger", "verify", str(_fifo(d))], 2, ("not a regular file",)),
    "ledger verify a corrupt database": (_corrupt, 2, ("bad.db", "cannot use it")),
    "ledger list an unknown area": (lambda d: ["ledger", "list", str(_ledger(d)), "problems", "--area", "housin"], 2,
                                    ("unknown area", "housing")),
    "ledger import --rejects over its input": (_rejects_over_input, 2, ("also an input",)),
    "assess --dask local:0": (lambda d: ["assess", "x.parquet", "--dask", "local:0", "-o", str(d)], 2,
                              ("local:0", "1 to 64")),
    "assess --dask without a port": (lambda d: ["assess", "x.parquet", "--dask", "bogus", "-o", str(d)], 2,
                                     ("bogus", "tcp://host:8786")),
    "assess --dask on JSON lines": (_dask_on_json_lines, 2, ("in.jsonl", "reads Parquet")),
    "serve --decision-log a FIFO": (_serve(_fifo), 2, ("decision log", "not a regular file")),
    "serve --decision-log the tokens file": (_serve(lambda d: d / "tokens.yaml"), 2, ("decision log", "input")),
    "serve --decision-log in a missing directory": (_serve(lambda d: d / "typo" / "d.jsonl"), 2,
                                                    ("decision log", "does not exist")),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[int, str, str, Path]]:
    argvs, folders = {}, {}
    for i, (name, (setup, _, _)) in enumerate(CASES.items()):
        folders[name] = tmp_path_factory.mktemp(f"entry{i}")
        argvs[name] = setup(folders[name])
    proc = subprocess.run([sys.executable, "-c", _RUNNER], input=json.dumps(argvs), capture_output=True, text=True,
                          timeout=TIMEOUT, preexec_fn=_limits, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return {k: (v[0], v[1], v[2], folders[k]) for k, v in json.loads(proc.stdout).items()}


@pytest.mark.slow
@pytest.mark.parametrize("name", list(CASES))
def test_cli(name: str, runs: dict[str, tuple[int, str, str, Path]]) -> None:
    _, code, needles = CASES[name]
    got, out, err, _ = runs[name]
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert got == code, (got, out[-2000:], err[-2000:])
    lines = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and len(lines[0]) < 500, err
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])


def test_refused_rejects_leave_the_ledger_and_the_input_alone(runs: dict[str, tuple[int, str, str, Path]]) -> None:
    folder = runs["ledger import --rejects over its input"][3]
    assert _events(folder / "county.db") == 0  # refused before the import, not after it was stored
    assert (folder / "book.xlsx").read_bytes() == WORKBOOK.read_bytes()


def test_the_tokens_file_is_not_appended_to(runs: dict[str, tuple[int, str, str, Path]]) -> None:
    folder = runs["serve --decision-log the tokens file"][3]
    assert (folder / "tokens.yaml").read_text(encoding="utf-8").count("\n") == 1


def test_internal_error_says_where_to_report_and_how_to_get_the_traceback(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from responsibility.cli import _cli

    def boom(*args: Any, **kwargs: Any) -> None:
        raise KeyError("unexpected")

    monkeypatch.setattr(_cli, "_rules_dir", boom)
    assert _cli.main(["validate"]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "report it to" in err and "issue tracker" in err and "--debug" in err and "RESPONSIBILITY_DEBUG" in err


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_ctrl_c_mid_assess_is_130_with_nothing_written(tmp_path: Path) -> None:
    # records on standard input, which stays open: the run waits for more, its workers started
    # (a FIFO as the input once did this; assess now refuses one without opening it)
    record = json.loads((ROOT / "examples" / "records" / "problem.json").read_text("utf-8"))
    out = tmp_path / "out.parquet"
    out.write_bytes(b"previous")
    with subprocess.Popen([sys.executable, "-m", "responsibility", "assess", "-", "--from", "jsonl", "-o", str(out),
                           "--workers", "2", "--no-progress"], stdin=subprocess.PIPE, stderr=subprocess.PIPE,
                          start_new_session=True, preexec_fn=_as_a_terminal_job) as proc:
        try:
            assert proc.stdin is not None
            proc.stdin.write((json.dumps(record) + "\n").encode() * 5000)
            proc.stdin.flush()
            deadline = time.monotonic() + 60
            while len(_children(proc.pid)) < 2 and time.monotonic() < deadline and proc.poll() is None:
                time.sleep(0.05)
            workers = _children(proc.pid)
            assert len(workers) >= 2, "no workers"
            time.sleep(0.3)
            os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C does: the whole foreground group
            err = proc.communicate(timeout=30)[1].decode()
        finally:
            if proc.poll() is None:
                proc.kill()
    assert proc.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err, err
    deadline = time.monotonic() + 15
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(w) for w in workers)
    assert out.read_bytes() == b"previous" and sorted(p.name for p in tmp_path.iterdir()) == ["out.parquet"]


def test_a_decision_log_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    from responsibility.service._log import DecisionLog

    fifo = _fifo(tmp_path)
    result: list[BaseException | None] = []

    def make() -> None:
        try:
            DecisionLog(fifo).close()
            result.append(None)
        except BaseException as exc:
            result.append(exc)

    thread = threading.Thread(target=make, daemon=True)
    thread.start()
    thread.join(10)
    if thread.is_alive():  # unblock the open so the thread ends, then fail
        os.close(os.open(fifo, os.O_RDONLY | os.O_NONBLOCK))
        pytest.fail("opening a FIFO as the decision log blocked")
    assert isinstance(result[0], ResponsibilityError) and "not a regular file" in str(result[0])


def test_a_huge_number_in_a_request_is_described_in_plain_words() -> None:
    from responsibility.service import _jsonio

    with pytest.raises(ValueError) as info:
        _jsonio.loads(b'{"id": ' + b"9" * 5000 + b"}")
    assert "sys." not in str(info.value) and "digits" in str(info.value)


@pytest.mark.parametrize(("field", "value", "shown"), [
    ("problem", dt.datetime(2021, 3, 1, 8, 30), "got a date or time: 2021-03-01 08:30:00"),
    ("problem", ["a"], 'got a list: ["a"]'), ("problem", 1.5, "got a number: 1.5"),
    ("on", {"day": 1}, 'not a date (YYYY-MM-DD): {"day": 1}'), ("on", True, "not a date (YYYY-MM-DD): true")])
def test_ledger_messages_show_values_as_written_not_as_python(tmp_path: Path, field: str, value: Any,
                                                              shown: str) -> None:
    event = {"problem": "P1", "type": "registered", "on": "2021-03-01", "domain": "housing", "place": "330127100219"}
    with Ledger.create(tmp_path / "l.db") as ledger, pytest.raises(ProblemError) as info:
        ledger.append({**event, field: value}, entered_by="clerk")
    message = str(info.value)
    assert shown in message and "datetime.datetime" not in message and "True" not in message, message


def test_a_ledger_list_takes_an_area_by_its_chinese_name(tmp_path: Path) -> None:
    with Ledger.create(tmp_path / "l.db") as ledger:
        ledger.append([{"problem": "P1", "type": "registered", "on": "2021-03-01", "domain": "housing",
                        "place": "330127100219"}], entered_by="clerk")
        assert list(ledger.problems("2021-03-02", area="危房改造")["problem"]) == ["P1"]
        assert ledger.problems("2021-03-02", area=["water"]).empty


def test_reading_parquet_without_pyarrow_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    from responsibility import ExtraUnavailable
    from responsibility.batch import _io

    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow raises ImportError
    with pytest.raises(ExtraUnavailable, match=r"responsibility\[frames\]"):
        _io._needs_pyarrow("reading Parquet")


RECORD = {"id": "a", "area": "housing", "place": "330127100219",
          "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"}}


def test_today_may_be_written_as_text_and_is_checked_like_as_of() -> None:
    import responsibility

    policy = responsibility.load()
    as_text = policy.who_answers(RECORD, engine="compiled", today="2021-06-30")
    assert as_text.to_dict() == policy.who_answers(RECORD, engine="compiled", today=dt.date(2021, 6, 30)).to_dict()
    for bad in ("9999-12-31", "2021-02-30", dt.date(1, 1, 1)):
        with pytest.raises(ProblemError, match="today") as info:
            policy.who_answers(RECORD, today=bad)  # type: ignore[arg-type]
        assert info.value.code == "bad_date"
    with pytest.raises(ProblemError, match="today"):
        policy.route(RECORD, today="9999-12-31")
    with pytest.raises(TypeError, match="today: expected a date"):
        policy.who_answers(RECORD, today=20210630)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"Jurisdiction\.from_csv"):
        policy.who_answers(RECORD, jurisdiction="places.csv")  # type: ignore[arg-type]


def test_an_unknown_language_is_one_error_not_a_key_error() -> None:
    import responsibility

    verdict = responsibility.load().who_answers(RECORD, engine="compiled", today="2021-06-30")
    for call in (verdict.explain, verdict.to_dict, verdict.draw):
        with pytest.raises(ProblemError, match="'zh' or 'en'"):
            call("fr")  # type: ignore[arg-type]


@pytest.mark.parametrize(("field", "day", "words"), [
    ("on", "9999-12-31", "outside the years"), ("on", "0001-01-01", "outside the years"),
    ("on", (dt.date.today() + dt.timedelta(days=30)).isoformat(), "in the future")])
def test_a_ledger_event_dated_out_of_reach_is_refused(tmp_path: Path, field: str, day: str, words: str) -> None:
    with Ledger.create(tmp_path / "l.db") as ledger, pytest.raises(ProblemError, match=words):
        ledger.append({"problem": "P1", "type": "registered", "on": "2021-03-01", "domain": "housing",
                       "place": "330127100219", field: day}, entered_by="clerk")


def test_a_deadline_to_come_is_still_taken(tmp_path: Path) -> None:
    soon = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    with Ledger.create(tmp_path / "l.db") as ledger:
        stored = ledger.append([
            {"problem": "P1", "type": "registered", "on": "2021-03-01", "domain": "housing", "place": "330127100219"},
            {"problem": "P1", "type": "discovered", "on": "2021-03-01", "level": "county", "channel": "hotline"},
            {"problem": "P1", "type": "assigned", "on": "2021-03-02", "by_level": "county", "to_level": "township",
             "deadline": soon}], entered_by="clerk")
        assert stored[-1].data["deadline"] == soon


def test_the_service_holds_today_to_the_days_a_record_may_name(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from responsibility.service import Settings, create_app
    from tests.test_service import bearer, token_store

    app = create_app(Settings(tokens=token_store(), decision_log=tmp_path / "d.jsonl"))
    with TestClient(app, raise_server_exceptions=False) as client:
        for path in ("/v1/assess?today=9999-12-31", "/v1/route?today=1899-12-31"):
            r = client.post(path, content=json.dumps({**RECORD, "id": "a"}).encode(), headers=bearer("chunan"))
            assert r.status_code == 400 and r.json()["error"]["field"] == "query.today", r.text
        r = client.post("/v1/assess?today=2021-06-30", content=json.dumps(RECORD).encode(), headers=bearer("chunan"))
        assert r.status_code == 200 and '"summary"' in r.text


def test_an_import_reads_the_spellings_a_record_reads(tmp_path: Path) -> None:
    import responsibility

    # (the hotline is the county's, R20-7: a township finds through its grid)
    rows = [("A1", "housing", "Serious", "县", "Hotline"), ("A2", "危房改造", "较重", "县级", "县（市、区）长热线"),
            ("A3", "危房改造", "较重", "镇", "网格"), ("A4", "危房改造", "较重", "县", "热线")]
    book = tmp_path / "l.csv"
    book.write_text("问题编号,领域,所在地代码,严重程度,发现时间,发现层级,发现渠道\n" + "".join(
        f"{p},{d},330127100219,{s},2021-03-01,{lv},{c}\n" for p, d, s, lv, c in rows), encoding="utf-8")
    with Ledger.create(tmp_path / "l.db") as ledger:
        result = ledger.import_file(book, entered_by="clerk")
    # 镇 and 热线 are aliases of the township level and the hotline (rules/vocabulary.yaml): read by both
    assert (result.imported, [r["problem"] for r in result.rejects]) == (4, []), result.rejects
    policy = responsibility.load()
    for _, area, severity, level, channel in rows:  # the record parser agrees, row by row
        record = {"id": "x", "area": area, "place": "330127100219", "severity": severity,
                  "discovered": {"level": level, "channel": channel, "on": "2021-03-01"}}
        policy.who_answers(record, engine="compiled", today="2021-06-30")
    with pytest.raises(ProblemError, match="level"):
        policy.who_answers({**record, "discovered": {"level": "镇子", "channel": "热线", "on": "2021-03-01"}},
                           engine="compiled", today="2021-06-30")


def test_a_token_is_never_shown_when_its_entry_cannot_be_written() -> None:
    proc = subprocess.run(f'"{sys.executable}" -m responsibility token --name a --role county --jurisdiction 330127 '
                          ">&-", shell=True, capture_output=True, text=True, timeout=120, check=False,
                          preexec_fn=_limits)
    assert proc.returncode == 2 and "standard output is closed" in proc.stderr, proc.stderr
    assert "token for a" not in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_a_json_line_without_end_is_one_reject_never_held(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                          run_cli: Callable[..., tuple[int, str, str]],
                                                          encoding: str) -> None:
    from responsibility.batch import _io

    monkeypatch.setattr(_io, "MAX_LINE", 1000)
    monkeypatch.setattr(_io, "_BLOCK", 256)  # the long line spans many reads
    good = json.dumps({**RECORD, "as_of": "2021-06-30"}, ensure_ascii=False)
    src = tmp_path / "in.jsonl"
    src.write_bytes((good + "\n" + "x" * 5000 + "\n" + good.replace('"a"', '"b"') + "\n").encode(encoding))
    rejects = tmp_path / "rejects.csv"
    code, _, err = run_cli("assess", str(src), "-o", str(tmp_path / "out.csv"), "--rejects", str(rejects),
                           "--encoding", encoding)
    assert code == 1 and "records in: 3" in err and "assessed: 2" in err and "rejected: 1" in err, err
    text = rejects.read_text(encoding="utf-8-sig")
    assert "line 2: longer than 0 MiB" in text and ",2," in text, text


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/dev/zero")
def test_endless_bytes_on_stdin_are_read_past_in_bounded_memory() -> None:
    # 300 MiB of NUL bytes (one line without end): before, the run held all of them (and more).
    proc = subprocess.run(f'head -c 300M /dev/zero | "{sys.executable}" -m responsibility assess - --no-progress',
                          shell=True, capture_output=True, text=True, timeout=300, check=False,
                          preexec_fn=lambda: _limit_memory(1536 * 2**20))
    assert proc.returncode == 1 and "longer than 64 MiB" in proc.stderr, proc.stderr[-2000:]
    assert "records in: 1" in proc.stderr and "Traceback" not in proc.stderr


def _limit_memory(limit: int) -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


@pytest.mark.parametrize(("value", "words"), [(None, "got null"), ([1], "got a list"),
                                              ("x", "is not a problem record .a dict. nor a file"),
                                              (5, "got a number")])
def test_a_record_that_is_no_object_is_described_in_json_words(value: Any, words: str) -> None:
    import responsibility

    with pytest.raises(ProblemError, match=words) as info:
        responsibility.load().who_answers(value, engine="compiled")
    assert "NoneType" not in str(info.value) and info.value.code == "not_an_object"


def test_diff_against_outside_a_git_checkout_is_one_line(tmp_path: Path,
                                                         run_cli: Callable[..., tuple[int, str, str]]) -> None:
    import shutil

    shutil.copytree(ROOT / "rules", tmp_path / "rules")  # a policy directory outside any git checkout
    code, _, err = run_cli("diff", str(tmp_path / "rules"), "--against", "HEAD")
    assert code == 2 and err.count("\n") == 1 and "not a git repository" in err, err


def test_a_jurisdiction_row_with_more_cells_than_the_header_is_refused() -> None:
    from responsibility import Jurisdiction, JurisdictionError

    with pytest.raises(JurisdictionError, match=r"places\.csv:3: more cells than the header"):
        Jurisdiction.from_csv_text("code,name\n330000000000,浙江省\n330100000000,杭州市,extra\n", source="places.csv")
    assert Jurisdiction.from_csv_text('code,name\n330000000000,"浙江,省"\n').get("330000000000").name == "浙江,省"


@pytest.mark.parametrize("command", ["who", "route"])
def test_who_and_route_locate_a_bad_record_and_warn_on_none(tmp_path: Path, command: str,
                                                            run_cli: Callable[..., tuple[int, str, str]]) -> None:
    src = tmp_path / "two.json"
    src.write_text(json.dumps([{**RECORD, "as_of": "2021-06-30"}, {"id": "b", "area": "nope", "place": "33"}]),
                   encoding="utf-8")
    code, out, err = run_cli(command, str(src))
    # the good record is answered, the bad one said where and what (one bad record no longer sinks a list)
    assert code == 2 and f"{src}:1:" in err and "'nope'" in err and "1 of 2 records could not be answered" in err, err
    assert out, err
    (tmp_path / "none.json").write_text("[]", encoding="utf-8")
    code, out, err = run_cli(command, str(tmp_path / "none.json"))
    assert code == 0 and "holds no problems" in err, err


@pytest.mark.parametrize(("field", "value", "words"), [
    ("problem", "P\x1b[31m", "control character"), ("problem", "P\x00", "control character"),
    ("problem", "P\ud800", "lone surrogate"), ("problem", "P" * 201, "longer than 200"),
    ("place", "330127100219\u202e", "control character"), ("description", "ok\x1b[2J", "control character"),
    ("description", "x" * 40_000, "longer than 32,767"), ("entered_by", "cl\x1ferk", "control character")])
def test_ledger_text_is_held_to_what_a_record_may_hold(tmp_path: Path, field: str, value: str, words: str) -> None:
    event = {"problem": "P1", "type": "registered", "on": "2021-03-01", "domain": "housing", "place": "330127100219"}
    with Ledger.create(tmp_path / "l.db") as ledger, pytest.raises(ProblemError, match=words):
        ledger.append({**event, field: value}, entered_by="clerk") if field != "entered_by" else \
            ledger.append(event, entered_by=value)


def test_free_text_keeps_its_line_breaks_and_full_width_spaces(tmp_path: Path) -> None:
    text = "第一行\n第二行\t，　全角空格"
    with Ledger.create(tmp_path / "l.db") as ledger:
        stored = ledger.append({"problem": "P1", "type": "registered", "on": "2021-03-01", "domain": "housing",
                                "place": "330127100219", "description": text}, entered_by="县扶贫办　张三")
    assert stored[0].data["description"] == text and stored[0].entered_by == "县扶贫办　张三"


def test_an_import_refuses_a_doubled_column_and_rejects_a_row_with_extra_cells(tmp_path: Path) -> None:
    from responsibility import LedgerError

    head = "问题编号,领域,所在地代码,严重程度,发现时间,发现层级,发现渠道"
    row = "B1,危房改造,330127100219,较重,2021-03-01,县,热线"
    doubled, extra = tmp_path / "doubled.csv", tmp_path / "extra.csv"
    doubled.write_text(f"{head},问题编号\n{row},B2\n", encoding="utf-8")
    extra.write_text(f"{head}\n{row},多余\nB3{row[2:]}\n", encoding="utf-8")
    with Ledger.create(tmp_path / "l.db") as ledger:
        with pytest.raises(LedgerError, match="two columns named '问题编号'"):
            ledger.import_file(doubled, entered_by="clerk")
        result = ledger.import_file(extra, entered_by="clerk")
    assert (result.rows, result.imported, result.rejected) == (2, 1, 1)
    assert result.rejects[0]["row"] == 2 and "8 cells but the header has 7" in result.rejects[0]["reason"]


@pytest.mark.parametrize(("args", "words"), [
    (["route", "{p}", "--today", "9999-12-31"], "outside the years 1900-2999"),
    (["ledger", "list", "{db}", "problems", "--as-of", "0001-01-01"], "outside the years 1900-2999"),
    (["ledger", "alerts", "{db}", "--as-of", "2021-02-30"], "no such day"),
    (["ledger", "merge", "{db}", "A", "B", "--on", "9999-12-31", "--by", "x"], "outside the years 1900-2999")])
def test_ledger_and_route_days_are_read_as_who_reads_them(tmp_path: Path, args: list[str], words: str,
                                                         run_cli: Callable[..., tuple[int, str, str]]) -> None:
    db = _ledger(tmp_path)
    problem = tmp_path / "p.json"
    problem.write_text(json.dumps(RECORD), encoding="utf-8")
    code, _, err = run_cli(*[a.format(p=problem, db=db) for a in args])
    assert code == 2 and words in err and "%Y" not in err, err


def test_running_out_of_memory_is_exit_2_and_one_line(monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    from responsibility.cli import _cli

    def huge(*args: Any, **kwargs: Any) -> None:
        raise MemoryError  # what `head -c 1500M /dev/zero | assess - --from json` met under a 2 GB limit

    monkeypatch.setattr(_cli, "_rules_dir", huge)
    assert _cli.main(["validate"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "out of memory" in err and "Traceback" not in err and "bug" not in err
