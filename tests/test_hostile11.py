"""Hostile input, round 11: CSV outputs Excel reads in Chinese, one encoding detector below every
reader (``who`` reads a GB18030 record as ``assess`` does), and what a user gets wrong on input and output."""

from __future__ import annotations

import codecs
import csv
import json
import os
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RECORDS = ROOT / "examples" / "records"
PROBLEM = json.loads((RECORDS / "problem.json").read_text("utf-8"))


# ------------------------------------------------------------------ CSV outputs with a BOM (N10-5)


def test_assess_csv_outputs_start_with_a_bom_and_read_back(run_cli: Any, tmp_path: Path) -> None:
    """`assess -o findings.csv` wrote UTF-8 without a BOM: Excel on Chinese Windows showed mojibake."""
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(PROBLEM, ensure_ascii=False) + "\n" + '{"id": "bad", "area": "nope"}\n', "utf-8")
    out, rej = tmp_path / "f.csv", tmp_path / "r.csv"
    code, _, err = run_cli("assess", str(src), "-o", str(out), "--rejects", str(rej), "--no-progress")
    assert code == 1 and "Traceback" not in err, err
    for path in (out, rej):
        raw = path.read_bytes()
        assert raw.startswith(codecs.BOM_UTF8), raw[:20]
        rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
        assert rows and ("record" in rows[0] or "problem" in rows[0]), rows[0]
    assert any("村" in (r.get("name") or "") for r in csv.DictReader(out.read_text("utf-8-sig").splitlines()))
    # an empty run still writes the header after the BOM; standard output gets no BOM
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", "utf-8")
    code, _, _ = run_cli("assess", str(empty), "-o", str(out), "--no-progress")
    assert out.read_bytes().startswith(codecs.BOM_UTF8 + b"record")
    code, stdout, _ = run_cli("assess", str(src), "-o", "-", "--to", "csv", "--no-progress")
    assert stdout.lstrip('"').startswith("record"), stdout[:20]


# ------------------------------------------------------------------ one detector: who reads what assess reads (N10-9)

HOUSING = ROOT / "examples" / "problems" / "housing-not-discovered.yaml"


def test_who_and_route_read_a_gb18030_record_with_assess_s_note(run_cli: Any, tmp_path: Path) -> None:
    """`who` refused a YAML record saved by Notepad on Chinese Windows ("not UTF-8 text"), which assess reads."""
    text = HOUSING.read_text("utf-8")
    gb = tmp_path / "gb.yaml"
    gb.write_bytes(text.encode("gb18030"))
    code, plain, _ = run_cli("who", str(HOUSING))
    assert code == 0
    code, out, err = run_cli("who", str(gb))
    assert code == 0 and out == plain, err
    # (marked 注意（note）： under the default --lang zh, as assess marks its notes)
    assert err.startswith("注意（note）：") and "is not UTF-8" in err and "read as GB18030" in err, err
    code, out, err = run_cli("route", str(gb))
    assert code == 0 and "read as GB18030" in err and "Traceback" not in err, err
    wide = tmp_path / "wide.yaml"
    wide.write_bytes(text.encode("utf-16"))  # with its byte order mark
    code, out, err = run_cli("who", str(wide))
    assert code == 0 and out == plain and "read as UTF-16" in err, err
    # assess reads a YAML and a JSON file in GB18030 as well (it refused them: GB18030 was told for tables only)
    chinese = PROBLEM | {"id": "淳安县千岛湖镇-2021-42", "area": "危房改造"}
    for name, data in (("gb.yaml", text.encode("gb18030")),
                       ("gb.json", json.dumps(chinese, ensure_ascii=False).encode("gb18030"))):
        path = tmp_path / name
        path.write_bytes(data)
        code, _, err = run_cli("assess", str(path), "-o", str(tmp_path / "o.jsonl"), "--no-progress")
        assert "read as GB18030" in err and "assessed: 1" in err, err


def test_a_record_not_plainly_gb18030_is_still_refused_with_its_place(run_cli: Any, tmp_path: Path) -> None:
    """A stray byte in an otherwise UTF-8 record is not taken for GB18030: it is refused at its line."""
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(HOUSING.read_bytes().replace(b"id:", b"id: \xff", 1))
    code, _, err = run_cli("who", str(bad))
    assert code == 2 and "not UTF-8 text (byte 0xff)" in err and "Traceback" not in err, err


# ------------------------------------------------------------------ the service honours a declared charset (R10B-11)


def test_the_service_reads_the_charset_content_type_declares() -> None:
    """A one-record GB18030 body declared `charset=gb18030` was read as UTF-8 and rejected (too little Chinese to
    tell); an unknown charset is 415 naming it; POST /v1/verdict reads a declared charset too."""
    import pytest

    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from responsibility.service import Settings, create_app

    from .test_service import bearer, token_store

    record = PROBLEM | {"discovered": {"level": "县", "channel": "hotline", "on": "2021-03-01"}}
    line = (json.dumps(record, ensure_ascii=False) + "\n").encode("gb18030")
    app = create_app(Settings(tokens=token_store()))

    def summary(r: Any) -> dict[str, Any]:
        got: dict[str, Any] = [json.loads(x) for x in r.text.splitlines() if '"summary"' in x][-1]["summary"]
        return got

    with TestClient(app, raise_server_exceptions=False) as c:
        def post(ctype: str, body: bytes, path: str = "/v1/assess") -> Any:
            return c.post(path, headers={**bearer("zhejiang"), "Content-Type": ctype}, content=body)

        plain = post("application/x-ndjson", line)
        assert plain.status_code == 200 and summary(plain)["rejected"] == 1
        assert "charset=gb18030" in plain.text  # the reject says how to declare it
        told = post('application/x-ndjson; charset="GB18030"', line)
        assert told.status_code == 200 and summary(told)["assessed"] == 1, told.text[:400]
        assert post("application/x-ndjson; charset=utf-16", "\n".join([line.decode("gb18030")] * 2)
                    .encode("utf-16")).status_code == 200
        bad = post("application/x-ndjson; charset=rot13", line)
        assert bad.status_code == 415 and "rot13" in bad.text and "charset=utf-8" in bad.text, bad.text
        for odd in ("charset=", "charset=utf\x008", "charset=utf-8; charset=latin-1", "charset=" + "x" * 5000):
            got = post(f"application/json; {odd}", line, "/v1/verdict")  # (a NUL in it was a 500)
            assert got.status_code == 415 and '"type":"RequestError"' in got.text, (odd[:40], got.text[:300])
        # odd bytes: not UTF-16 text; read so, no line of it is JSON: not JSON lines, one 415 that asks whether the
        # charset is right (it was a 200 of rejected "records", review20b B20-4)
        broken = post("application/x-ndjson; charset=utf-16-le", line + b"\x00")
        assert broken.status_code == 415 and "read as utf-16-le" in broken.text, broken.text[:300]
        one = json.dumps(record, ensure_ascii=False).encode("gb18030")
        assert post("application/json", one, "/v1/verdict").status_code == 400
        verdict = post("application/json; charset=gb18030", one, "/v1/verdict")
        assert verdict.status_code == 200, verdict.text[:300]


# ------------------------------------------------------------------ the who table in Chinese (N10-4, N10-6)

_CLOSING = tuple("，。、；：！？）》」』】")


def test_who_footer_and_what_if_speak_chinese(run_cli: Any) -> None:
    """The footer read `依据解释：…, outside_channel_finder_level=False, unit_liability_from='serious'` (ids, reprs)."""
    code, out, _ = run_cli("who", str(RECORDS / "problem.json"), "--set", "及时交办和上报时限（天）=15")
    assert code == 0
    footer = next(x for x in out.splitlines() if x.startswith("依据解释："))
    assert "追究所在单位责任的严重程度=较重" in footer, footer
    assert "外部渠道发现时本级是否属于应发现而未发现=否" in footer, footer
    assert "'" not in footer and "False" not in footer and "unit_liability_from" not in footer, footer
    title = out.splitlines()[0]
    assert title.startswith("问题 2021-0042：") and "及时交办和上报时限（天）=15" in title, title
    code, out, _ = run_cli("who", str(RECORDS / "problem.json"), "--lang", "en")
    assert "unit_liability_from='serious'" in out  # English keeps the ids


def test_who_reasons_are_one_line_each_in_a_pipe_and_never_start_a_line_with_closing_punctuation() -> None:
    """Wrapped at 80 columns by character, a reason's line started with '；' or a lone '。'."""
    import io

    from rich.console import Console

    import responsibility
    from responsibility.cli._render_table import print_verdicts

    policy = responsibility.load()
    verdicts = [policy.who_answers(HOUSING), policy.who_answers(RECORDS / "problem.json")]
    pipe = io.StringIO()
    print_verdicts(verdicts, "zh", Console(file=pipe, width=80))
    lines = pipe.getvalue().splitlines()
    reasons = [x for x in lines if x[:2] in {f"{n}." for n in range(1, 10)}]
    assert reasons and all(x.endswith("。") for x in reasons), reasons
    for width in (37, 40, 41, 80):
        tty = io.StringIO()
        print_verdicts(verdicts, "zh", Console(file=tty, width=width, force_terminal=True, color_system=None))
        got = tty.getvalue().splitlines()
        assert not [x for x in got if x.lstrip().startswith(_CLOSING)], (width, got)
        assert "".join(got).count("。") == pipe.getvalue().count("。")  # nothing lost in the wrapping


# ------------------------------------------------------------------ an event's type by its Chinese name (N10-3)


def _ledger_with(run_cli: Any, tmp_path: Path, events: list[dict[str, Any]]) -> tuple[Path, Path]:
    """A new ledger holding ``events`` (added by `ledger add` from a JSON file), and that file."""
    db, path = tmp_path / "l.db", tmp_path / "events.json"
    assert run_cli("ledger", "init", str(db))[0] == 0
    path.write_text(json.dumps(events, ensure_ascii=False), "utf-8")
    code, _, err = run_cli("ledger", "add", str(db), str(path), "--by", "me")
    assert code == 0, err
    return db, path


def test_a_ledger_event_s_type_may_be_its_chinese_name(run_cli: Any, tmp_path: Path) -> None:
    """`type: 交办` was refused ("unknown event type '交办'; use one of registered, …") though docs/ledger.md
    shows 交办 beside `assigned`; it is stored as the id."""
    from responsibility.ledger import Ledger

    events = [{"problem": "P-1", "type": "登记", "on": "2021-03-01", "area": "危房改造", "place": "330127100219"},
              {"problem": "P-1", "type": "发现", "on": "2021-03-01", "level": "县", "channel": "审计"},
              {"problem": "P-1", "type": " 交办 ", "on": "2021-03-02", "by_level": "县", "to_level": "乡镇"}]
    db, path = _ledger_with(run_cli, tmp_path, events)
    with Ledger.open(db) as ledger:
        assert [e.type for e in ledger.events()] == ["registered", "discovered", "assigned"]
    path.write_text(json.dumps(events[0] | {"type": "交代"}, ensure_ascii=False), "utf-8")
    code, _, err = run_cli("ledger", "add", str(db), str(path), "--by", "me")
    assert code == 2 and "assigned (交办)" in err and "Traceback" not in err, err


# ------------------------------------------------------------------ the assess summary in Chinese (N10-4)


def test_the_assess_summary_speaks_the_run_s_language(run_cli: Any, tmp_path: Path) -> None:
    """Under the default --lang zh the summary was English only (records in …, basis staff unit …, rejected: record)."""
    ledger = RECORDS / "ledger.csv"
    code, _, err = run_cli("assess", str(ledger), "-o", str(tmp_path / "f.csv"), "--no-progress")
    assert code == 1
    assert "记录 4 条 = 已评估 3 + 拒收 1（核对一致）" in err and "拒收：第 5 行（记录序号 3，自 0 起）" in err, err
    assert "应发现未发现" in err and "工作人员" in err and "not_discovered" not in err, err
    assert "records in: 4   assessed: 3   rejected: 1   (balanced: 3 + 1 = 4)" in err  # for scripts, unchanged
    code, _, err = run_cli("assess", str(ledger), "-o", str(tmp_path / "f.csv"), "--no-progress", "--lang", "en")
    assert "not_discovered" in err and "rejected: line 5 (record 3, counted from 0)" in err and "记录" not in err, err


# ------------------------------------------------------------------ multi-line cells, not swallowed rows (R10B-03)


def test_a_multi_line_cell_with_a_row_s_commas_on_one_line_is_read(run_cli: Any, tmp_path: Path) -> None:
    """A JSON array on one line between brackets, or a list of names, was refused as a stray quote (review10b
    R10B-03 residual): an inner line held a whole row's commas. A row read into a cell still is refused."""
    steps = ", ".join(json.dumps(s) for s in PROBLEM["handled"] * 3)
    header = "id,area,kind,place,severity,discovered.level,discovered.channel,discovered.on,handled,deadline,as_of"
    cell = '"[\n' + steps.replace('"', '""') + '\n]"'
    row = (f"2021-0042,危房改造,困难家庭危房改造不及时,330127100219,较重,县,县（市、区）长热线,2021-03-01,{cell},"
           "2021-05-31,2021-06-30")
    src = tmp_path / "pretty.csv"
    src.write_text(header + "\n" + row + "\n", "utf-8")
    assert steps.count(",") >= header.count(",")
    code, _, err = run_cli("assess", str(src), "-o", str(tmp_path / "o.jsonl"), "--no-progress")
    assert code == 0 and "已评估 1 + 拒收 0" in err, err
    # a ledger's description over two lines, the second a list of names with as many commas as the row
    db = tmp_path / "l.db"
    assert run_cli("ledger", "init", str(db))[0] == 0
    book = tmp_path / "led.csv"
    book.write_text("问题编号,领域,所在地代码,问题描述,发现日期,发现层级,发现渠道\n"
                    'A-1,危房改造,330127100219,"涉及农户:\n张三, 李四, 王五, 赵六, 钱七, 孙八, 周九",'
                    "2021-03-01,县,审计\n",
                    "utf-8")
    code, _, err = run_cli("ledger", "import", str(db), str(book), "--by", "me")
    assert code == 0 and "imported 1 + rejected 0" in err + _, err
    # a stray quote that reads the next row into its cell is still one reject naming it
    stray = tmp_path / "stray.csv"
    second = row.replace(cell, "").replace("2021-0042", "2021-0043")
    stray.write_text(header + "\n" + row.replace(cell, '"oops') + "\n" + second + "\n" + row.replace(cell, 'x"') + "\n",
                     "utf-8")
    code, _, err = run_cli("assess", str(stray), "-o", str(tmp_path / "o.jsonl"), "--no-progress")
    assert code == 1 and "that quote is stray" in err, err


# ------------------------------------------------------------------ what a newcomer types first (N10-9)


def test_the_bare_command_prints_its_help_not_an_error(run_cli: Any) -> None:
    """`responsibility` alone answered "error: Usage: …" and exit 2 (click >= 8.2 raises NoArgsIsHelpError)."""
    for args in ((), ("ledger",)):
        code, out, err = run_cli(*args)
        assert code == 0 and out.startswith("Usage: responsibility") and "error" not in err, (args, out[:80], err)
    code, _, err = run_cli("who")
    assert code == 2 and err.startswith("error: Missing argument 'FILE'")


# ------------------------------------------------------------------ one huge cell never sinks an import


def test_an_import_row_with_a_cell_over_the_csv_limit_is_one_reject(run_cli: Any, tmp_path: Path) -> None:
    """A description of 200,000 characters (a pasted document) refused the whole file ("not valid CSV (field
    larger than field limit) … Nothing was imported"); it is that row's reject. A quote left open still refuses."""
    db = tmp_path / "l.db"
    assert run_cli("ledger", "init", str(db))[0] == 0
    head = "问题编号,领域,所在地代码,问题描述,发现日期,发现层级,发现渠道\n"
    book = tmp_path / "big.csv"
    book.write_text(head + "A-1,危房改造,330127100219,ok,2021-03-01,县,审计\n"
                    f"A-2,危房改造,330127100219,\"{'描' * 200_000}\",2021-03-01,县,审计\n"
                    "A-3,危房改造,330127100219,ok,2021-03-01,县,审计\n", "utf-8")
    code, out, err = run_cli("ledger", "import", str(db), str(book), "--by", "me")
    text = out + err
    assert code == 1 and "rows 3 = imported 2 + rejected 1" in text and "（A-2）" in text, text[:500]
    assert "longer than 128 KiB" in text and len(text) < 5000
    book.write_text(head + f"A-4,危房改造,330127100219,\"{'描' * 200_000}\n,2021-03-01,县,审计\n", "utf-8")
    code, out, err = run_cli("ledger", "import", str(db), str(book), "--by", "me")
    assert code == 2 and "Nothing was imported" in err and "Traceback" not in err, err[:500]


# ------------------------------------------------------------------ serve on a busy port fails before building anything


def _keep_serve_env(monkeypatch: Any) -> None:
    """serve writes its settings into its process's environment (its workers read them there); in a test that
    process is the test worker's, so keep them to the test: a RESPONSIBILITY_NO_AUTH=1 left behind reached every
    server a later test of the worker started."""
    for key in ("RULES", "JURISDICTION", "LEDGER", "TOKENS_FILE", "NO_AUTH", "ENGINE", "DECISION_LOG", "MAX_BODY",
                "MAX_BATCH_RECORDS", "MAX_BATCH_BYTES"):
        monkeypatch.setenv(f"RESPONSIBILITY_{key}", "")


def test_serve_on_a_busy_port_says_so_before_building_the_rules(run_cli: Any, monkeypatch: Any) -> None:
    """It built its rules for seconds, then failed to bind: a README session's `until curl` loop had meanwhile
    found the OTHER server on the port (newcomer10 N10-9). Now the port is tried first, and the error says why."""
    import socket

    import pytest

    pytest.importorskip("uvicorn")
    from responsibility.service import _app

    def never(*_: Any, **__: Any) -> Any:
        raise AssertionError("the app was built before the port was tried")

    monkeypatch.setattr(_app, "create_app", never)
    _keep_serve_env(monkeypatch)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        code, _, err = run_cli("serve", "--no-auth", "--port", str(busy.getsockname()[1]))
    assert code == 2 and "cannot listen on 127.0.0.1" in err and "another server is listening there" in err, err


def test_serve_does_not_inherit_no_auth_when_given_tokens(monkeypatch: Any, tmp_path: Any) -> None:
    """A RESPONSIBILITY_NO_AUTH=1 in the environment (left by an earlier `serve --no-auth` in the same process, as
    a test's) made `serve --tokens FILE` answer everyone as anonymous: a real server's 403 became 200."""
    import os

    import pytest

    pytest.importorskip("uvicorn")
    from responsibility.cli._serve import serve
    from responsibility.service import _app

    seen: dict[str, Any] = {}

    def capture(settings: Any) -> Any:
        seen["auth"] = settings.auth
        raise SystemExit(0)

    monkeypatch.setattr(_app, "create_app", capture)
    _keep_serve_env(monkeypatch)
    monkeypatch.setenv("RESPONSIBILITY_NO_AUTH", "1")
    tokens = tmp_path / "tokens.yaml"
    tokens.write_text("tokens: []\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        serve.main(["--tokens", str(tokens), "--port", "0", "--decision-log", str(tmp_path / "d.jsonl")],
                   standalone_mode=False)
    assert seen["auth"] is True and "RESPONSIBILITY_NO_AUTH" not in os.environ


def test_route_says_it_does_not_use_the_record_s_deadline(run_cli: Any) -> None:
    """route printed 整改时限 "交办后 30 天内" for a record giving `deadline: 2021-05-31`, without a word (N10-9)."""
    code, _, err = run_cli("route", str(HOUSING))
    assert code == 0 and "整改时限 2021-05-31" in err and "未采用" in err, err
    code, _, err = run_cli("route", str(RECORDS / "problem.json"), "--lang", "en")
    assert code == 0 and "the record's deadline is not used" in err, err


def test_the_report_s_words_are_data_and_count_as_the_summary_does() -> None:
    """The report's words were Python literals, and counted a record with no finding as 已认定 (N10-10)."""
    import yaml

    from responsibility.batch import _report

    data = yaml.safe_load((Path(_report.__file__).with_name("report.yaml")).read_text("utf-8"))
    assert data == _report.WORDS and set(data["zh"]) == set(data["en"])
    assert data["zh"]["assessed"] == "已评估" and data["zh"]["rejected"] == "拒收"
    assert "收支" not in str(data) and "已认定" not in str(data)


def test_ledger_alerts_name_the_place_of_the_body_that_must_act(run_cli: Any, tmp_path: Path) -> None:
    """`乡镇（街道） [township_government] @ 330127100000` gave a clerk a code, not the office to call (N10-9)."""
    events = [{"problem": "P-1", "type": "registered", "on": "2021-03-01", "area": "housing", "place": "330127100219"},
              {"problem": "P-1", "type": "discovered", "on": "2021-03-01", "level": "county", "channel": "audit"},
              {"problem": "P-1", "type": "assigned", "on": "2021-03-02", "by_level": "county", "to_level": "township"}]
    db, _ = _ledger_with(run_cli, tmp_path, events)
    code, out, err = run_cli("ledger", "alerts", str(db), "--as-of", "2021-06-01")
    assert code == 1 and "@ 千岛湖镇 330127100000" in out, out + err


# ------------------------------------------------------------------ standard input closed, -o - for a ledger list


def test_a_closed_standard_input_is_a_user_error_not_a_bug(tmp_path: Path) -> None:
    """`who - <&-` and `assess - <&-` were exit 3 (AttributeError: 'NoneType' object has no attribute 'buffer')."""
    import subprocess
    import sys

    for args in (["who", "-"], ["route", "-"], ["assess", "-", "--from", "jsonl", "-o", str(tmp_path / "o.jsonl")]):
        proc = subprocess.run([sys.executable, "-m", "responsibility", *args], stdin=subprocess.DEVNULL,
                              capture_output=True, text=True, timeout=120, check=False,
                              preexec_fn=lambda: os.close(0))
        assert proc.returncode == 2 and "standard input is closed" in proc.stderr, (args, proc.stderr[-500:])


def test_ledger_list_dash_o_dash_is_standard_output(run_cli: Any, tmp_path: Path, monkeypatch: Any) -> None:
    """`ledger list L problems -o -` wrote a file named '-' (every other command reads - as standard output)."""
    db = tmp_path / "l.db"
    assert run_cli("ledger", "init", str(db))[0] == 0
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli("ledger", "list", str(db), "problems", "-o", "-")
    assert code == 0 and out.startswith("问题编号") and not (tmp_path / "-").exists()
