"""The input contract (input38: what a newcomer's hostile pass left in session 37): an encoding given for a
workbook, a parameter's name near a real one, a host that is no address of this machine, a full disk said one way
on every write path, and `who` over a long list holding every verdict at once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import responsibility
from responsibility import Ledger

Run = Callable[..., tuple[int, str, str]]
ROOT = Path(__file__).resolve().parents[1]
WORKBOOK = ROOT / "examples" / "ledger" / "county-ledger.xlsx"
EXAMPLE = ROOT / "examples" / "records" / "problem.json"


# ---------------------------------------------------------------- 1. an encoding given for a workbook


def test_an_encoding_given_for_a_workbook_is_said_not_dropped_on_the_command_line(run_cli: Run,
                                                                                  tmp_path: Path) -> None:
    """`ledger import --encoding gbk book.xlsx` ignored the option in silence (a sheet given for a CSV is said):
    a note says the encoding is a CSV's; one that is no text encoding is refused before anything is read."""
    db = str(tmp_path / "l.db")
    Ledger.create(db).close()
    code, _, err = run_cli("ledger", "import", db, str(WORKBOOK), "--by", "me", "--encoding", "gbk")
    assert code == 1, err  # (the example's one reject)
    assert "note: county-ledger.xlsx is a workbook, whose cells are text already: the encoding 'gbk' is not used" \
        in err, err


def test_an_encoding_given_for_a_workbook_is_said_over_http_as_on_the_command_line(tmp_path: Path) -> None:
    """The import endpoint took `encoding=gbk` with a workbook and said nothing, and took `encoding=rot13` (which
    `ledger import` refuses) with a workbook in silence: the note is the command line's, in the answer's `notes`;
    an encoding that is none is 422 naming the field, for a CSV and a workbook alike; a message that names an
    option of the command line names the form's field."""
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from responsibility.service import Settings, create_app

    from .test_service import bearer, token_store

    path = str(tmp_path / "import.db")
    Ledger.create(path).close()
    csv = ROOT / "examples" / "records" / "ledger.csv"
    app = create_app(Settings(tokens=token_store(), ledger=path, decision_log=tmp_path / "d.jsonl"))
    with TestClient(app, raise_server_exceptions=False) as c:
        def send(file: Path, encoding: str) -> Any:
            return c.post("/v1/ledger/import", headers=bearer("chunan"),
                          files={"file": (file.name, file.read_bytes(), "application/octet-stream")},
                          data={"encoding": encoding})

        r = send(WORKBOOK, "gbk")
        assert r.status_code == 200, r.text
        assert any("the encoding 'gbk' is not used" in n for n in r.json()["notes"]), r.text
        for file in (WORKBOOK, csv):
            bad = send(file, "rot13")
            assert bad.status_code == 422, bad.text
            error = bad.json()["error"]
            assert error["field"] == "encoding" and "'rot13' is not a text encoding" in error["message"], error
        wrong = send(csv, "utf-16").json()["error"]
        assert "--" not in wrong["message"] and "encoding=gb18030" in wrong["message"], wrong


# ---------------------------------------------------------------- 2. a parameter named near a real one


@pytest.mark.parametrize(("arg", "words"), [
    # the Chinese name without its bracketed qualifier: that parameter, by its Chinese name and id
    ("及时交办和上报时限=15", "did you mean '及时交办和上报时限（天）' (handling_time_limit_days)?"),
    # the start of a long Chinese name (difflib alone found nothing: the bare list of ids followed)
    ("整改时限=15", "did you mean '整改时限（天，未设整改期限时）' (rectification_time_limit_days)?"),
    # a near-miss id: the nearest ids, up to three
    ("handling_time_limit=3", "did you mean 'handling_time_limit_days' or 'rectification_time_limit_days'?"),
    # (the count is the shipped rules' own: a new parameter must not break this test)
    ("zzzz=3", f"unknown parameter 'zzzz' (all {len(responsibility.load().parameters)} are listed, each with its "
               "Chinese name, in "),
])
def test_a_near_miss_parameter_name_names_the_closest_and_where_they_are_listed(run_cli: Run, arg: str,
                                                                               words: str) -> None:
    code, out, err = run_cli("who", str(EXAMPLE), "--set", arg)
    assert code == 2 and out == "" and words in err, err
    assert "valid: policy_in_force_from" not in err  # (not every id, one after another)
    assert "parameters.yaml" in err and len(err.splitlines()) == 1


@pytest.mark.parametrize("arg", ["及时交办和上报时限（天）＝15", "handling_time_limit_days＝15",
                                 "及时交办和上报时限(天)=15"])
def test_set_takes_a_full_width_equals_sign(run_cli: Run, arg: str) -> None:
    """`--set 及时交办和上报时限（天）＝15` typed with a Chinese input method was 'write NAME=VALUE'."""
    code, out, err = run_cli("who", str(EXAMPLE), "--format", "json", "--engine", "compiled", "--set", arg)
    assert code == 0, err
    import json

    assert json.loads(out)["what_if"] == {"handling_time_limit_days": {"rules": 10, "used": 15}}


@pytest.mark.parametrize(("arg", "words"), [("handling_time_limit_days：15", "'：' is no '='"),
                                            ("handling_time_limit_days 15", "no '=' in it"),
                                            ("=15", "the parameter's name is missing")])
def test_a_set_without_its_equals_sign_says_what_is_wrong(run_cli: Run, arg: str, words: str) -> None:
    code, out, err = run_cli("who", str(EXAMPLE), "--set", arg)
    assert code == 2 and out == "" and words in err and "write NAME=VALUE" in err, err


# ---------------------------------------------------------------- 3. a host that is no address of this machine


@pytest.mark.parametrize(("host", "words"), [
    ("bad-host-name", "'bad-host-name' is not an IP address, and no host name 'bad-host-name' is known here"),
    ("999.1.1.1", "is not an IP address"),
    ("", "it is empty"),
    ("127.0.0.1:8001", "holds a port; give the address alone and the port with --port (--host 127.0.0.1 --port 8001)"),
    ("http://127.0.0.1", "is a URL or a path, not an address"),
    ("192.0.2.1", "not an address of this machine"),  # (TEST-NET-1: an address, but never this machine's)
])
def test_serve_refuses_a_host_it_cannot_listen_on_in_one_message(run_cli: Run, host: str, words: str,
                                                                 tmp_path: Path) -> None:
    """`serve --host bad-host-name` warned 'listening on bad-host-name, reachable from other machines', then failed
    with the socket's 'Name or service not known': one line saying what to give, exit 2, no warning first."""
    pytest.importorskip("uvicorn")
    code, out, err = run_cli("serve", "--host", host, "--port", "0", "--no-auth" if host == "" else "--log-level",
                             *([] if host == "" else ["warning"]), "--decision-log", str(tmp_path / "d.jsonl"))
    assert code == 2 and out == "" and words in err, err
    assert "warning" not in err and "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert "127.0.0.1" in err and ("0.0.0.0" in err or "--port 8001" in err)  # what to give


# ---------------------------------------------------------------- 4. a full disk, said one way


#: The words of every full-disk message (`_files.no_space`), after the path written.
FULL = "no space left on its disk"
DO = "free space there"


def _full(*_: Any, **__: Any) -> None:
    import errno

    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_is_said_one_way_on_every_write_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         run_cli: Run) -> None:
    """'no space left on the device' (files, standard output), 'no space left on device' (the command line's last
    resort), '(database or disk is full); check the free space of its disk' (the ledger) and 'No space left on
    device' (the decision log): one helper's words, each with the path written and what to do."""
    import sqlalchemy as sa

    from responsibility import OutputError, _files
    from responsibility._errors import LedgerError
    from responsibility.ledger import _ledger

    said: list[str] = []
    out = tmp_path / "out.csv"
    with pytest.raises(OutputError) as caught, _files.atomic_path(out, what="findings file"):
        _full()
    said.append(str(caught.value))
    monkeypatch.setattr(_files, "_write_all", _full)
    with open(tmp_path / "s.txt", "w") as stream, pytest.raises(OutputError) as caught:
        _files.CheckedStream(stream).write("x")
    said.append(str(caught.value))
    monkeypatch.undo()

    def full_db(engine: Any) -> None:
        raise sa.exc.OperationalError("CREATE TABLE events", {}, Exception("database or disk is full"))

    monkeypatch.setattr(_ledger, "create", full_db)
    with pytest.raises(LedgerError) as caught:
        Ledger.create(str(tmp_path / "county.db"))
    said.append(str(caught.value))
    monkeypatch.undo()

    from responsibility.service import _log

    monkeypatch.setattr(_log, "_write_all", _full)
    log = _log.DecisionLog(tmp_path / "d.jsonl")
    log.write(x=1)
    with pytest.raises(OSError):
        log.flush()
    said.append(log.failing())
    log.close()
    monkeypatch.undo()

    # the command line's last resort: an OSError no writer turned into its message
    from responsibility.cli import _cli

    def who_fails(*_: Any, **__: Any) -> None:
        import errno

        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "x.svg"))

    monkeypatch.setattr(_cli, "load_policy", who_fails)
    code, _, err = run_cli("who", str(EXAMPLE))
    assert code == 2, err
    said.append(err.removeprefix("error: ").strip())

    where = ["findings file " + str(out), "to " + "standard output", "the ledger " + str(tmp_path / "county.db"),
             "the decision log " + str(tmp_path / "d.jsonl"), str(tmp_path / "x.svg")]
    for message, path in zip(said, where, strict=True):
        assert message.startswith(f"cannot write {path}: {FULL}; "), message
        assert DO in message and "No space left on device" not in message, message


# ---------------------------------------------------------------- 5. `who` over a long list


def _records(n: int) -> list[dict[str, Any]]:
    import json

    base = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return [{**base, "id": f"P-{i:04d}"} for i in range(n)]


@pytest.mark.slow
def test_who_lets_each_verdict_go_once_it_is_written(young_heap: None, run_cli: Run, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A 32 MB list took 1.6 GB and more: every verdict, its dict and the whole JSON text were held until the end
    (10,000 problems: 856 MB peak, 249 MB after). Each answer is written as it is made: when the last is made, the
    earlier ones are gone."""
    import gc
    import json

    from responsibility.engine import _decide
    from responsibility.engine._verdict import Verdict

    path = tmp_path / "problems.json"
    path.write_text(json.dumps(_records(40)), encoding="utf-8")
    real = _decide.who_answers
    made = [0]
    alive_at_last: list[int] = []

    def watched(*args: Any, **kwargs: Any) -> Any:
        if made[0] == 39:  # (verdicts have no weak references: counted among the live objects)
            gc.collect()
            alive_at_last.append(sum(isinstance(o, Verdict) for o in gc.get_objects()))
        made[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(_decide, "who_answers", watched)
    for fmt in ("json", "table"):
        made[0] = 0
        code, out, err = run_cli("who", str(path), "--format", fmt, "--engine", "compiled")
        assert code == 0 and out, err
    assert len(alive_at_last) == 2 and max(alive_at_last) <= 2, alive_at_last


@pytest.mark.parametrize("n", [0, 1, 3])
def test_who_writes_the_list_as_it_wrote_it_whole(run_cli: Run, tmp_path: Path, n: int) -> None:
    """Written verdict by verdict, the JSON is byte for byte what `json.dumps` of the whole list wrote: a list of
    one is its verdict, an empty list `[]`; a bad record among them is said and the others written."""
    import json

    import responsibility

    records = _records(n)
    path = tmp_path / "problems.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    code, out, err = run_cli("who", str(path), "--format", "json", "--engine", "compiled")
    assert code == 0, err
    policy = responsibility.load()
    want = [policy.who_answers(r, engine="compiled").to_dict("zh") for r in records]
    assert out == json.dumps(want[0] if n == 1 else want, ensure_ascii=False, indent=2) + "\n"
    if n == 3:
        path.write_text(json.dumps([*records[:2], {**records[2], "place": "99"}]), encoding="utf-8")
        code, out, err = run_cli("who", str(path), "--format", "json", "--engine", "compiled")
        assert code == 2 and "1 of 3 records could not be answered" in err, err
        assert out == json.dumps(want[:2], ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------- 6. input38's own hostile pass


@pytest.mark.parametrize("second", ["及时交办和上报时限（天）=5", "HANDLING_TIME_LIMIT_DAYS=5"])
def test_one_parameter_given_by_two_names_is_refused_not_the_later_kept(run_cli: Run, second: str) -> None:
    """`--set handling_time_limit_days=3 --set 及时交办和上报时限（天）=5` ran with 5 and dropped 3 in silence (the
    same name twice was refused; two names of one parameter were not); `with_parameters` alike."""
    code, out, err = run_cli("who", str(EXAMPLE), "--set", "handling_time_limit_days=3", "--set", second)
    assert code == 2 and out == "", err
    assert "parameter 'handling_time_limit_days' is given 2 times, by different names" in err and "keep one" in err


@pytest.mark.parametrize("key", ["encoding", "sheet"])
def test_an_import_s_encoding_or_sheet_sent_as_a_file_is_refused_not_ignored(tmp_path: Path, key: str) -> None:
    """`curl -F encoding=@enc.txt` (or `-F sheet=@…`) made the field a file, which the endpoint ignored in silence:
    the workbook's first sheet was imported, or the encoding told, as if the field were not there."""
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from responsibility.service import Settings, create_app

    from .test_service import bearer, token_store

    path = str(tmp_path / "import.db")
    Ledger.create(path).close()
    app = create_app(Settings(tokens=token_store(), ledger=path, decision_log=tmp_path / "d.jsonl"))
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.post("/v1/ledger/import", headers=bearer("chunan"),
                   files={"file": (WORKBOOK.name, WORKBOOK.read_bytes(), "application/octet-stream"),
                          key: ("value.txt", b"gbk" if key == "encoding" else b"nosuch", "text/plain")})
        assert r.status_code == 422, r.text
        error = r.json()["error"]
        assert error["field"] == key and "is a file upload" in error["message"] and f"-F {key}=" in \
            error["suggestion"], error
    with Ledger.open(path) as led:
        assert led.count() == 0
