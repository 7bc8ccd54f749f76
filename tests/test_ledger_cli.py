"""``responsibility ledger …`` and ``responsibility route``: exit codes, messages, concurrency."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("sqlalchemy", reason="the ledger needs the 'ledger' extra")

from responsibility import Ledger

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "ledger" / "county-ledger.xlsx"
EVENTS = [
    {"problem": "P1", "type": "registered", "on": "2021-03-01", "domain": "housing",
     "kind": "housing_renovation_late", "place": "330127100219"},
    {"problem": "P1", "type": "discovered", "on": "2021-03-01", "level": "county", "channel": "hotline"},
    {"problem": "P1", "type": "assigned", "on": "2021-03-03", "by_level": "county", "to_level": "township",
     "to_body": "township_government", "deadline": "2021-04-01"},
]


def test_a_day_at_the_county_office(tmp_path: Path, run_cli: Any) -> None:
    db = str(tmp_path / "county.db")
    events = tmp_path / "events.json"
    events.write_text(json.dumps(EVENTS, ensure_ascii=False), encoding="utf-8")
    assert run_cli("ledger", "init", db)[0] == 0
    code, out, err = run_cli("ledger", "init", db)
    assert code == 2 and "already holds a ledger" in err
    code, out, _ = run_cli("ledger", "add", db, str(events), "--by", "clerk")
    assert code == 0 and "stored 3 event(s), seq 1–3" in out
    code, out, _ = run_cli("ledger", "alerts", db, "--as-of", "2021-03-28")
    assert code == 0 and "township_government" in out and "剩余 4 天" in out
    code, out, _ = run_cli("ledger", "alerts", db, "--as-of", "2021-04-05", "--format", "json", "--lang", "en")
    assert code == 1 and json.loads(out)[0]["overdue"] is True
    # csv and json as the lists write them: Chinese headers and 是/否 by default (review21b: English, True/False)
    code, out, _ = run_cli("ledger", "alerts", db, "--as-of", "2021-04-05", "--format", "json")
    assert code == 1 and json.loads(out)[0]["是否逾期"] == "是"
    code, out, _ = run_cli("ledger", "alerts", db, "--as-of", "2021-04-05", "--format", "csv")
    header, first = out.splitlines()[:2]
    assert code == 1 and header.startswith("单位代码,责任单位,层级,") and "是否逾期" in header and ",是," in first
    assert "True" not in out and "overdue" not in header
    code, out, _ = run_cli("ledger", "alerts", db, "--as-of", "2021-04-05", "--format", "csv", "--lang", "en")
    assert code == 1 and out.startswith("body,name,level,") and ",True," in out
    code, out, _ = run_cli("ledger", "list", db, "rectifications", "--as-of", "2021-04-05")
    assert code == 0 and out.splitlines()[0].startswith("问题编号,") and ",是," in out
    out_csv = tmp_path / "problems.csv"
    code, _, _ = run_cli("ledger", "list", db, "problems", "--status", "open", "-o", str(out_csv),
                         "--encoding", "gb18030")
    assert code == 0 and "待交办" not in out_csv.read_text(encoding="gb18030")
    assert "整改中" in out_csv.read_text(encoding="gb18030")
    code, out, _ = run_cli("ledger", "show", db, "P1", "--as-of", "2021-03-02")
    shown = json.loads(out)
    assert code == 0 and shown["status"] == "discovered"
    assert shown["route"]["problem"] == "P1" and shown["route"]["act_by"] and shown["route"]["handlers"]
    code, out, _ = run_cli("ledger", "show", db, "P1", "--as-of", "2021-04-05")
    assert code == 0 and json.loads(out)["status"] == "assigned" and "route" not in json.loads(out)
    code, out, _ = run_cli("ledger", "verify", db)
    assert code == 0 and "OK: 3 events" in out
    code, _, _ = run_cli("ledger", "export", db, str(tmp_path / "book.xlsx"), "--as-of", "2021-04-05")
    assert code == 0 and (tmp_path / "book.xlsx").stat().st_size > 0
    code, _, err = run_cli("ledger", "export", db, db)
    assert code == 2


def test_bad_input_is_one_line_exit_2_and_nothing_written(tmp_path: Path, run_cli: Any) -> None:
    db = str(tmp_path / "county.db")
    run_cli("ledger", "init", db)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([*EVENTS[:2], {**EVENTS[2], "deadline": "2021-03-02"}]), encoding="utf-8")
    code, out, err = run_cli("ledger", "add", db, str(bad), "--by", "clerk")
    assert code == 2 and "field 'deadline'" in err and "Traceback" not in err and len(err.splitlines()) == 1
    code, out, err = run_cli("ledger", "list", db, "problems")
    assert out.strip().count("\n") == 0     # the header only: nothing was written
    code, _, err = run_cli("ledger", "list", str(tmp_path / "none.db"), "problems")
    assert code == 2 and "no such ledger" in err
    code, _, err = run_cli("ledger", "list", db, "problems", "--status", "lost")
    assert code == 2 and "status" in err


def test_verify_exits_1_on_a_tampered_ledger(tmp_path: Path, run_cli: Any) -> None:
    import sqlite3

    db = str(tmp_path / "county.db")
    with Ledger.create(db) as ledger:
        ledger.append(EVENTS, entered_by="clerk")
    with contextlib.closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("UPDATE events SET entered_by = 'someone else' WHERE seq = 2")
    code, out, _ = run_cli("ledger", "verify", db)
    assert code == 1 and "event 2" in out and "altered" in out


def test_a_missing_extra_names_the_extra(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, run_cli: Any) -> None:
    monkeypatch.setitem(sys.modules, "sqlalchemy", None)
    code, _, err = run_cli("ledger", "init", str(tmp_path / "x.db"))
    assert code == 2 and "responsibility[ledger]" in err and "Traceback" not in err


def test_route_from_the_command_line(tmp_path: Path, run_cli: Any) -> None:
    record = tmp_path / "p.yaml"
    record.write_text("id: n1\ndomain: housing\nkind: housing_renovation_late\nplace: '330127100219'\n"
                      "discovered: {level: township, channel: grid, on: 2021-03-01}\nas_of: 2021-03-01\n",
                      encoding="utf-8")
    code, out, _ = run_cli("route", str(record))  # Chinese by default, as `who` and the lists
    assert code == 0 and "须立即上报：超出乡镇（街道） [township]的办理权限" in out
    assert "上报期限：2021-03-11" in out and "交办期限" not in out
    code, out, _ = run_cli("route", str(record), "--lang", "en")
    assert code == 0 and "REPORT UPWARD AT ONCE" in out and "report upward by 2021-03-11" in out
    # registered at its authority, a level assigns it: a report up would not dispose of it (一(三); review9a R9A-9)
    code, out, _ = run_cli("route", str(record), "--level", "county")
    assert code == 0 and "交办期限：2021-03-11" in out and "上报期限" not in out
    code, out, _ = run_cli("route", str(record), "--level", "county", "--lang", "en")
    assert code == 0 and "assign by 2021-03-11" in out and "report upward by" not in out
    code, out, _ = run_cli("route", str(record), "--format", "json", "--level", "county")
    data = json.loads(out)
    assert code == 0 and data["escalate"] is False and data["authority"] == "county"
    record.write_text("id: n1\ndomain: hosing\nplace: '330127100219'\n", encoding="utf-8")
    code, _, err = run_cli("route", str(record))
    assert code == 2 and "field 'domain'" in err


APPENDER = textwrap.dedent("""
    import sys
    from responsibility import Ledger
    url, tag, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with Ledger.open(url) as ledger:
        for i in range(n):
            pid = f"{tag}{i}"
            ledger.append({"problem": pid, "type": "registered", "on": "2021-03-01", "domain": "housing",
                           "place": "330127100219"}, entered_by=tag)
            ledger.append({"problem": pid, "type": "discovered", "on": "2021-03-02", "level": "county",
                           "channel": "hotline"}, entered_by=tag)
""")


def test_two_processes_appending_at_once_lose_nothing(ledger_url: str) -> None:
    Ledger.create(ledger_url).close()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    n = 15
    procs = [subprocess.Popen([sys.executable, "-c", APPENDER, ledger_url, tag, str(n)], env=env,
                              stderr=subprocess.PIPE, text=True) for tag in ("A", "B")]
    for p in procs:
        _, err = p.communicate(timeout=180)
        assert p.returncode == 0, err
    with Ledger.open(ledger_url) as ledger:
        assert ledger.count() == 4 * n
        assert ledger.verify().ok
        events = ledger.events()
        assert [e.seq for e in events] == list(range(1, 4 * n + 1))
        by = {e.entered_by for e in events}
        assert by == {"A", "B"}
        states = ledger.fold()
        assert len(states) == 2 * n and all(s.status == "discovered" for s in states.values())


def test_the_readme_example_runs(tmp_path: Path, run_cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import shlex

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("<!-- ledger-example -->", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(tmp_path)
    for line in block.strip().splitlines():
        command, _, comment = line.partition("#")
        args = [a.replace("examples/", f"{ROOT}/examples/") for a in shlex.split(command)]
        assert args[0] == "responsibility"
        code, out, err = run_cli(*args[1:])
        want = 1 if "exit 1" in comment else 0
        assert code == want, (line, out, err)
    assert (tmp_path / "county-2021-06-20.xlsx").is_file()
    python = text.split("```python\nfrom responsibility import Ledger", 1)[1].split("```", 1)[0]
    (tmp_path / "county.db").unlink()
    source = "from responsibility import Ledger" + python.replace("examples/", f"{ROOT}/examples/")
    scope: dict[str, Any] = {}
    exec(compile(source, "README.md", "exec"), scope)
    assert scope["ledger"].verify().ok
    scope["ledger"].close()


def test_import_writes_its_rejects_and_upgrade_runs_the_steps(tmp_path: Path, run_cli: Any,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    import openpyxl

    from responsibility.ledger import _store

    db = str(tmp_path / "county.db")
    run_cli("ledger", "init", db)
    rejects = tmp_path / "rejects.xlsx"
    code, out, _ = run_cli("ledger", "import", db, str(EXAMPLE), "--by", "x", "--rejects", str(rejects))
    assert code == 1 and "rows 7 = imported 6 + rejected 1 (balanced)" in out
    sheet = openpyxl.load_workbook(rejects)["导入拒收"]
    assert [c.value for c in sheet[2]][:3] == [8, "CA-2021-007", "领域"]
    code, out, _ = run_cli("ledger", "upgrade", db)
    assert code == 0 and "up to date" in out
    with contextlib.closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    code, _, err = run_cli("ledger", "list", db, "problems")
    assert code == 2 and "never written by any release" in err  # no step leads up from 0 (review19b T2)
    assert run_cli("ledger", "upgrade", db)[0] == 2
    steps: list[int] = []
    monkeypatch.setitem(_store.UPGRADES, 0, lambda conn: steps.append(0))
    code, _, err = run_cli("ledger", "list", db, "problems")
    assert code == 2 and "ledger upgrade" in err
    code, out, _ = run_cli("ledger", "upgrade", db)
    assert code == 0 and "schema version 0 → 1" in out and steps == [0]
    assert run_cli("ledger", "verify", db)[0] == 0


def test_csv_lists_neutralise_formula_cells(tmp_path: Path, run_cli: Any) -> None:
    db = str(tmp_path / "county.db")
    with Ledger.create(db) as ledger:
        ledger.append([{**EVENTS[0], "problem": "=1+1"}, {**EVENTS[1], "problem": "=1+1"}], entered_by="x")
    for which in ("problems", "responsibilities"):
        code, out, _ = run_cli("ledger", "list", db, which, "--as-of", "2021-06-30")
        rows = [line.split(",")[0] for line in out.splitlines()[1:]]
        assert code == 0 and rows and set(rows) == {"'=1+1"}, which


def test_import_refuses_a_bad_by_once_not_as_every_row(tmp_path: Path, run_cli: Any) -> None:
    """review19b M3: a --by with a control character was a reject of each of the 7 rows (exit 1), not one error."""
    db = str(tmp_path / "county.db")
    run_cli("ledger", "init", db)
    code, out, err = run_cli("ledger", "import", db, str(EXAMPLE), "--by", "a\tb")
    assert code == 2 and "Invalid value for --by: contains a control character" in err and "拒收" not in err + out
    assert run_cli("ledger", "verify", db)[0] == 0


def test_import_rejects_name_the_date_column_the_row_filled(tmp_path: Path, run_cli: Any) -> None:
    """review19b M2: a date out of range or in the future was said of the field `on`, not of the column (a row has up
    to seven date columns)."""
    src = tmp_path / "on.csv"
    src.write_text("问题编号,领域,所在地代码,发现时间,发现层级,发现渠道,交办时间,整改层级,整改时限,整改完成时间\n"
                   "L8,危房改造,330127100219,2021-03-01,县,热线,2021-03-04,乡镇,2021-04-15,2099-01-01\n"
                   "L6,危房改造,330127100219,1899-01-01,县,热线,,,,\n", encoding="utf-8")
    db = str(tmp_path / "county.db")
    run_cli("ledger", "init", db)
    code, _, err = run_cli("ledger", "import", db, str(src), "--by", "x")
    assert code == 1
    assert "第 2 行（L8），整改完成时间：2099-01-01 is in the future" in err
    assert "第 3 行（L6），发现时间：1899-01-01 is outside the years" in err


def test_add_says_which_fields_of_the_file_the_ledger_sets_itself(tmp_path: Path, run_cli: Any) -> None:
    # review23b R23b-5: an exported event carries entered_by, seq, entered_at and hash; on append --by and the store
    # set them, and the user is told so rather than finding another name in the ledger than the file's
    db = str(tmp_path / "county.db")
    events = tmp_path / "events.json"
    given = [{**EVENTS[0], "entered_by": "hacker", "seq": 7, "hash": "abc"}, {**EVENTS[1], "entered_by": "clerk"},
             EVENTS[2]]
    events.write_text(json.dumps(given, ensure_ascii=False), encoding="utf-8")
    assert run_cli("ledger", "init", db)[0] == 0
    code, out, err = run_cli("ledger", "add", db, str(events), "--by", "clerk")
    assert code == 0 and "stored 3 event(s), seq 1–3" in out
    assert "entered_by ×1" in err and "seq ×1" in err and "hash ×1" in err and "entered_at" not in err
    assert {e.entered_by for e in Ledger(db).events()} == {"clerk"}
    plain = tmp_path / "plain.json"
    plain.write_text(json.dumps([{**EVENTS[0], "problem": "P2"}], ensure_ascii=False), encoding="utf-8")
    code, out, err = run_cli("ledger", "add", db, str(plain), "--by", "clerk")
    assert code == 0 and err == ""


def test_import_shows_a_rejected_row_s_id_escaped_and_short(tmp_path: Path, run_cli: Any) -> None:
    # review24b R24b-2: the id was printed as typed: a right-to-left override reversed the rest of the line, a line
    # separator or NUL broke it, a 2,000-character id filled the terminal (the reason part escaped them already)
    import csv

    headers = ["问题编号", "领域", "问题类型", "所在地代码", "严重程度", "问题描述", "发现时间", "发现层级", "发现渠道"]
    src = tmp_path / "l.csv"
    with src.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(headers)
        for pid in ["L\u202eC-evil", "L\u2028A", "L\x00N", "a" * 2000]:
            w.writerow([pid, "危房改造", "", "330127100219", "一般", "x", "2021-03-01", "县", "热线"])
    db = str(tmp_path / "l.db")
    assert run_cli("ledger", "init", db)[0] == 0
    code, _, err = run_cli("ledger", "import", db, str(src), "--by", "x")
    lines = [x for x in err.splitlines() if x.startswith("拒收")]
    assert code == 1 and len(lines) == 4
    assert not any(c in err for c in "\u202e\u2028\x00") and "L\\u202eC-evil" in lines[0]
    assert max(len(x) for x in lines) < 400 and "a" * 41 not in err


@pytest.mark.parametrize("event", [{"problem": 10**5000, "type": "discovered", "on": "2021-03-01"},
                                   {"problem": "x", "type": "discovered", "on": 10**5000}])
def test_append_refuses_a_huge_number_as_one_bad_field(tmp_path: Path, event: dict[str, Any]) -> None:
    # review24b R24b-4: str() of an int of over 4,300 digits raised Python's ValueError out of Ledger.append
    from responsibility import ProblemError

    ledger = Ledger.create(str(tmp_path / "b.db"))
    with pytest.raises(ProblemError) as e:
        ledger.append(event, entered_by="clerk")
    assert e.value.code in ("bad_value", "bad_date") and "digits" in str(e.value)


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_a_stray_byte_rejects_its_row_not_the_import(tmp_path: Path, run_cli: Any, encoding: str) -> None:
    # review24b R24b-7: one byte that is not text in row 2,001 of a 3,000-row CSV refused the whole import (exit 2),
    # where docs/ledger.md says every row is imported or rejected and assess rejects only that line
    headers = ["问题编号", "领域", "问题类型", "所在地代码", "严重程度", "问题描述", "发现时间", "发现层级", "发现渠道"]
    rows = [",".join(headers), *(",".join([f"P{i}", "危房改造", "", "330127100219", "一般", "描述", "2021-03-01", "县",
                                           "热线"]) for i in range(300))]
    bad = b"P9x\xff," + "危房改造".encode(encoding) + b"\n"
    src = tmp_path / "l.csv"
    before, after = ("\n".join(part) + "\n" for part in (rows[:201], rows[201:]))
    src.write_bytes(before.encode(encoding) + bad + after.encode(encoding))
    db = str(tmp_path / "l.db")
    assert run_cli("ledger", "init", db)[0] == 0
    code, out, err = run_cli("ledger", "import", db, str(src), "--by", "x")
    assert code == 1 and "rows 301 = imported 300 + rejected 1" in out, (out, err)
    assert f"line 202: bytes that are not {encoding} text" in err and "[bad_encoding]" in err
    # a header that is not text still refuses the file: its columns cannot be told
    src.write_bytes(b"\xff" + "\n".join(rows).encode(encoding) + b"\n")
    assert run_cli("ledger", "import", db, str(src), "--by", "x")[0] == 2
