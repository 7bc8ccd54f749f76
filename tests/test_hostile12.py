"""Hostile input, round 12: a reader that stops reading (``| head -1``), the notebook's view in Chinese,
a broken ``.json`` record said as JSON, and what else a newcomer meets on input and output."""

from __future__ import annotations

import json
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
RECORDS = ROOT / "examples" / "records"
PROBLEM = json.loads((RECORDS / "problem.json").read_text("utf-8"))
TIMEOUT = 120


# ------------------------------------------------------------------ | head -1: quietly, 141


@pytest.mark.parametrize("command", [["assess", "{f}.jsonl", "--no-progress"],
                                     ["who", "{f}.json", "--format", "json", "--engine", "compiled"]])
def test_a_reader_that_stops_reading_ends_the_command_quietly(tmp_path: Path, command: list[str]) -> None:
    """`… | head -1` printed 'error: cannot write to standard output …' and exit 2: the reader asked for no
    more, so nothing on stderr and 141 (128 + SIGPIPE, what `set -o pipefail` sees of other tools)."""
    records = [{**PROBLEM, "id": f"p{i}"} for i in range(300)]
    (tmp_path / "in.jsonl").write_text("\n".join(json.dumps(r) for r in records), "utf-8")
    (tmp_path / "in.json").write_text(json.dumps(records), "utf-8")
    argv = [sys.executable, "-m", "responsibility", *(a.format(f=tmp_path / "in") for a in command)]
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None
    proc.stdout.readline()
    proc.stdout.close()
    _, err = proc.communicate(timeout=TIMEOUT)
    lines = [x for x in err.decode().splitlines() if x.startswith(("error", "Traceback"))]
    assert (proc.returncode, lines) == (141, []), err.decode()[-2000:]


# ------------------------------------------------------------------ the notebook's view of a verdict


def test_a_verdict_in_a_notebook_is_the_who_table_in_chinese() -> None:
    """_repr_html_ had English headers and ids (level, basis: not_discovered, liability: staff) where the
    `who` table a user sees on the command line is in Chinese."""
    import responsibility

    policy = responsibility.load()
    page = policy.who_answers(PROBLEM)._repr_html_()
    assert "问题 2021-0042：6 个主体 7 项认定（按责任计 14 项）" in page
    assert all(f"<th>{h}</th>" in page for h in ("主体 / 层级", "地点", "依据", "责任", "条款"))
    assert "应发现未发现" in page and "工作人员" in page and "村委会<br>村" in page
    for english in ("not_discovered", "staff", "<th>level</th>", "finding(s)"):
        assert english not in page, english
    assert page.count("<li>") == 7  # a reason per row, numbered as the rows
    strict = policy.with_parameters(unit_liability_from="grave")
    assert "假设参数" in strict.who_answers(PROBLEM)._repr_html_()
    quiet = {"id": "ok", "area": "housing", "place": "330127100219", "rectified_on": "2021-03-20",
             "discovered": {"level": "village", "channel": "grid", "on": "2021-03-01"}, "as_of": "2021-06-30",
             "handled": [{"action": "reported", "by_level": "village", "to_level": "township", "on": "2021-03-02"}]}
    assert "无责任认定" in policy.who_answers(quiet)._repr_html_()


# ------------------------------------------------------------------ a .json record that is not JSON


@pytest.mark.parametrize(("text", "where", "what"), [
    ('{"id": "a",\n "area": }\n', "2:10", "Expecting value"),  # YAML took the missing value for null
    ('{"id": "a"\n "area": "housing"}\n', "2:2", "Expecting ',' delimiter"),  # YAML: a YAML syntax error
    ("{'id': 'a'}", "1:2", "Expecting property name enclosed in double quotes"),
])
def test_a_broken_json_record_is_a_json_error_at_its_line_and_column(tmp_path: Path, run_cli: Any, text: str,
                                                                      where: str, what: str) -> None:
    f = tmp_path / "p.json"
    f.write_text(text, "utf-8")
    for command in ("who", "route"):
        code, _, err = run_cli(command, str(f))
        assert code == 2 and f"p.json:{where}: JSON syntax error: {what}" in err and "YAML" not in err.split(
            "(")[0], err
    import responsibility

    with pytest.raises(responsibility.ProblemError, match=f"p.json:{where}: JSON syntax error"):
        responsibility.load().who_answers(f)


@pytest.mark.parametrize(("text", "said"), [("", "holds no value (it is empty"),
                                            ("  \n", "holds no value (it is empty"),
                                            ('{"id": "a\x00"}', "control character U+0000")])
def test_an_empty_json_file_or_one_with_a_nul_is_said_as_before(tmp_path: Path, run_cli: Any, text: str,
                                                                said: str) -> None:
    """The JSON check said 'Expecting value' of an empty file and 'Invalid control character' of a NUL: the
    reader's own words say more (no record in it; a NUL means a binary or mangled file)."""
    f = tmp_path / "p.json"
    f.write_text(text, "utf-8")
    code, _, err = run_cli("who", str(f))
    assert code == 2 and said in err and "JSON syntax error" not in err, err


def test_who_answers_of_a_gb18030_file_notes_the_encoding_as_the_cli_does(tmp_path: Path) -> None:
    import responsibility

    gb = tmp_path / "gb.yaml"
    gb.write_bytes((ROOT / "examples" / "problems" / "housing-not-discovered.yaml").read_text("utf-8")
                   .encode("gb18030"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        verdict = responsibility.load().who_answers(gb)
    assert verdict.findings
    notes = [str(w.message) for w in caught if issubclass(w.category, UnicodeWarning)]
    assert len(notes) == 1 and "read as GB18030" in notes[0] and caught[0].filename == __file__, notes


# ------------------------------------------------------------------ handled[].action in Chinese


def test_a_step_written_in_chinese_is_read_on_every_path(tmp_path: Path, run_cli: Any) -> None:
    """`"action": "交办"` was refused (Input should be 'assigned' or 'reported') while a ledger event takes 交办:
    the relations' Chinese names (rules/relations.yaml: 交办, 上报) name the steps on every path."""
    import pandas as pd

    import responsibility

    policy = responsibility.load()
    plain = policy.who_answers(PROBLEM).to_dict()["findings"]
    chinese = {**PROBLEM, "handled": [{**PROBLEM["handled"][0], "action": "交办"}]}
    assert policy.who_answers(chinese).to_dict()["findings"] == plain
    up = {**PROBLEM, "handled": [{"action": "上报", "by_level": "township", "to_level": "county", "on": "2021-03-05"}]}
    assert policy.who_answers(up).to_dict() == policy.who_answers(
        {**up, "handled": [{**up["handled"][0], "action": "reported"}]}).to_dict()
    rows = [{**chinese, "id": f"c{i}"} for i in range(3)]
    (tmp_path / "in.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
    frame = pd.DataFrame([{**{k: v for k, v in r.items() if k != "discovered"},
                           **{f"discovered.{k}": v for k, v in r["discovered"].items()}} for r in rows])
    frame["handled"] = [json.dumps(r["handled"], ensure_ascii=False) for r in rows]
    frame.to_csv(tmp_path / "in.csv", index=False)
    pd.DataFrame(rows).to_parquet(tmp_path / "in.parquet")
    for name in ("in.jsonl", "in.csv", "in.parquet"):
        out = tmp_path / f"{name}.jsonl"
        code, _, err = run_cli("assess", str(tmp_path / name), "-o", str(out), "--no-progress")
        assert code == 0 and "拒收 0" in err, (name, err)
        assert len(out.read_text("utf-8").splitlines()) == 3 * len(plain), name


def test_a_word_that_is_no_step_says_what_to_write(tmp_path: Path, run_cli: Any) -> None:
    f = tmp_path / "p.json"
    f.write_text(json.dumps({**PROBLEM, "handled": [{**PROBLEM["handled"][0], "action": "整改"}]},
                            ensure_ascii=False), "utf-8")
    code, _, err = run_cli("who", str(f))
    assert code == 2 and "field 'handled[0].action': unknown action '整改'" in err, err
    assert "assigned (交办) or reported (上报)" in err and "rectified_on" in err, err


# ------------------------------------------------------------------ --place given a place's name


def test_place_option_given_a_name_is_told_the_code(tmp_path: Path, run_cli: Any) -> None:
    """`--place 千岛湖镇` was 'division code '千岛湖镇' must be digits only': the code of that name is the hint."""
    db = str(tmp_path / "l.db")
    assert run_cli("ledger", "init", db)[0] == 0
    assert run_cli("ledger", "add", db, str(ROOT / "examples" / "ledger" / "events.yaml"), "--by", "县扶贫办")[0] == 0
    for argv in (["ledger", "list", db, "problems"], ["ledger", "alerts", db], ["ledger", "duplicates", db],
                 ["graph"]):
        code, _, err = run_cli(*argv, "--place", "千岛湖镇")
        assert code == 2 and "'千岛湖镇' is a place's name; give its division code: 330127100000 (淳安县, 杭州市)" \
            in err, (argv, err)
    code, _, err = run_cli("ledger", "list", db, "problems", "--place", "火星")
    assert code == 2 and "must be digits only" in err, err
    code, out, _ = run_cli("ledger", "list", db, "problems", "--place", "330127100000")
    assert code == 0 and "330127100219" in out


# ------------------------------------------------------------------ the indices as a reader reads them


def test_the_indices_shares_are_percentages_in_csv_and_workbooks(tmp_path: Path, run_cli: Any) -> None:
    """`ledger list … indices` wrote raw ratios (0.3333333333333333) where an office reads 33.3%."""
    import csv

    import openpyxl

    db = str(tmp_path / "l.db")
    assert run_cli("ledger", "init", db)[0] == 0
    code, _, err = run_cli("ledger", "import", db, str(ROOT / "examples" / "ledger" / "county-ledger.xlsx"),
                           "--by", "县扶贫办")
    assert code in (0, 1), err
    code, out, err = run_cli("ledger", "list", db, "indices", "--as-of", "2021-06-20")
    assert code == 0, err
    rows = list(csv.DictReader(out.splitlines()))
    shares = ("本级主动发现占比", "外部渠道发现占比", "上级发现占比", "及时交办上报占比", "按期整改占比")
    values = [r[c] for r in rows for c in shares]
    assert values and all(v == "" or (v.endswith("%") and len(v.split(".")[1]) == 2) for v in values), values
    assert "33.3%" in values and "66.7%" in values, values  # 2 and 4 of the 6 problems found
    book = tmp_path / "x.xlsx"
    assert run_cli("ledger", "export", db, str(book), "--as-of", "2021-06-20")[0] in (0, 1)
    ws = openpyxl.load_workbook(book)["评价指数"]
    head = [c.value for c in ws[1]]
    cells = [row[head.index(c)] for row in ws.iter_rows(min_row=2) for c in shares]
    assert cells and all(c.value is None or (isinstance(c.value, (int, float)) and c.number_format == "0.0%")
                         for c in cells), [(c.value, c.number_format) for c in cells]


# ------------------------------------------------------------------ the ledger's summaries in Chinese


def test_the_ledger_s_summaries_are_in_chinese_with_the_english_after(tmp_path: Path, run_cli: Any) -> None:
    """`ledger init/import/add/verify/merge/upgrade/export` said 'created ledger', 'rows … = imported …',
    'stored …', 'OK: …' in English only, where assess's summary is Chinese (记录 … = 已评估 + 拒收)."""
    db = str(tmp_path / "l.db")
    code, out, _ = run_cli("ledger", "init", db)
    assert code == 0 and out.startswith("已创建台账 "), out
    code, out, err = run_cli("ledger", "import", db, str(ROOT / "examples" / "ledger" / "county-ledger.xlsx"),
                             "--by", "县扶贫办")
    assert code == 1 and "：共 7 行 = 已导入 6 + 拒收 1（核对一致），存入事件 20 条（rows 7" in out, out
    assert out.count("county-ledger.xlsx") == 1 and err.startswith("拒收：第 8 行（CA-2021-007），"), (out, err)
    code, out, _ = run_cli("ledger", "add", db, str(ROOT / "examples" / "ledger" / "events.yaml"), "--by", "张三")
    assert code == 0 and out.startswith("已存入事件 5 条，序号 21–25（stored 5 event(s)"), out
    code, out, _ = run_cli("ledger", "verify", db)
    assert code == 0 and out.startswith("正常：共 25 条事件，哈希链完整，末条事件哈希 "), out
    assert "（OK: 25 events" in out, out
    code, out, _ = run_cli("ledger", "merge", db, "CA-2021-002", "CA-2021-001", "--on", "2021-06-20", "--by", "x")
    assert code == 0 and out.startswith("已将问题 CA-2021-002 并入 CA-2021-001，事件 26"), out
    code, out, _ = run_cli("ledger", "upgrade", db)
    assert code == 0 and out.startswith("结构版本 1：已是最新"), out
    code, out, err = run_cli("ledger", "export", db, str(tmp_path / "x.xlsx"))
    assert code in (0, 1) and err.startswith("已写入 "), (out, err)


# ------------------------------------------------------------------ one huge cell never sinks an assess run


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_csv_row_with_a_cell_over_the_limit_is_one_reject(tmp_path: Path, run_cli: Any, workers: str) -> None:
    """A cell over the csv module's 128 KiB refused the whole CSV ('not valid CSV (field larger than field
    limit)'): that row is rejected with its line and the others are assessed (in = assessed + rejected)."""
    head = "id,area,place,severity,discovered.level,discovered.channel,discovered.on,handled,kind,as_of\n"
    step = '"[{""action"": ""assigned"", ""by_level"": ""county"", ""to_level"": ""township"", ' \
        '""on"": ""2021-03-05""}]"'
    row = "{id},housing,330127100219,serious,county,hotline,2021-03-01," + step + ",{text},2021-06-30\n"
    big = "描" * 140_000  # over 128 Ki characters (the limit counts characters)
    text = head + "".join(row.replace("{id}", f"r{i}").replace("{text}", big if i in (0, 3)
                                                                else "housing_renovation_late") for i in range(6))
    src = tmp_path / "in.csv"
    src.write_text(text, "utf-8")
    out, rej = tmp_path / "f.jsonl", tmp_path / "r.jsonl"
    code, _, err = run_cli("assess", str(src), "-o", str(out), "--rejects", str(rej), "--no-progress",
                           "--workers", workers)
    assert code == 1 and "记录 6 条 = 已评估 4 + 拒收 2（核对一致）" in err, err
    rejects = [json.loads(x) for x in rej.read_text("utf-8").splitlines()]
    assert [(r["line"], r["problem"]) for r in rejects] == [(2, "r0"), (5, "r3")], rejects
    # read by Python's csv module the row is refused for the cell (bad_row); a block the C path reads hands the
    # record over, which refuses its kind as too long (bad_value): either way the row, not the file
    assert all(r["code"] in ("bad_row", "bad_value") and "longer than" in r["reason"] for r in rejects), rejects
    assert {json.loads(x)["problem"] for x in out.read_text("utf-8").splitlines()} == {"r1", "r2", "r4", "r5"}


# ------------------------------------------------------------------ diff: nothing compared is not "0 changed"


def test_diff_says_when_no_scenario_was_compared() -> None:
    """`responsibility diff` said '0 changed scenario(s)' when no --scenarios was given: nothing was compared."""
    import responsibility
    from responsibility.checks._diff import diff

    policy = responsibility.load()
    none = diff(policy, policy, areas=["housing"])
    assert "no scenario compared (--scenarios PATH)" in none.to_markdown() and "0 changed scenario" not in \
        none.to_summary()
    some = diff(policy, policy, areas=["housing"], scenarios=[ROOT / "examples/problems/housing.scenarios.yaml"])
    assert some.scenarios_compared > 0 and f"0 changed scenario(s) of {some.scenarios_compared} compared" in \
        some.to_markdown() and some.to_dict()["scenarios_compared"] == some.scenarios_compared


# ------------------------------------------------------------------ --dask given a text file


@pytest.mark.parametrize(("name", "kind"), [("problems.jsonl", "JSON lines"), ("ledger.csv", "CSV")])
def test_dask_given_a_text_file_says_what_it_reads_and_what_to_do(tmp_path: Path, run_cli: Any, name: str,
                                                                  kind: str) -> None:
    """--dask on JSON lines or CSV said pyarrow's 'Could not open Parquet input source … Parquet magic by' (cut)."""
    code, _, err = run_cli("assess", str(RECORDS / name), "--dask", "synchronous", "-o", str(tmp_path / "out"))
    assert code == 2 and f"{name} is {kind}, and --dask reads Parquet only" in err, err
    assert "without --dask" in err and "--workers" in err and "magic" not in err, err


# ------------------------------------------------------------------ ledger import given events or another kind of file


@pytest.mark.parametrize(("name", "content", "said"), [
    ("events.yaml", (ROOT / "examples" / "ledger" / "events.yaml").read_bytes(), "events by hand go in with "
     "`responsibility ledger add LEDGER FILE --by WHO`"),
    ("old.xls", b"\xd0\xcf\x11\xe0 old", "an old Excel workbook (.xls): save it as .xlsx"),
    ("new.xls", (ROOT / "examples" / "ledger" / "county-ledger.xlsx").read_bytes(), "name it .xlsx"),
])
def test_ledger_import_of_events_or_an_xls_says_what_to_do(tmp_path: Path, run_cli: Any, name: str, content: bytes,
                                                          said: str) -> None:
    """`ledger import L events.yaml` read the YAML as CSV: 'the file has no column for problem …; its headers are
    - problem: …'."""
    db = str(tmp_path / "l.db")
    assert run_cli("ledger", "init", db)[0] == 0
    f = tmp_path / name
    f.write_bytes(content)
    code, _, err = run_cli("ledger", "import", db, str(f), "--by", "me")
    assert code == 2 and said in err and "headers are" not in err, err


def test_a_json_number_of_thousands_of_digits_is_said_where_it_stands(tmp_path: Path, run_cli: Any) -> None:
    """review21b B21-1: json.loads refuses an integer of more than 4,300 digits with a ValueError (not a
    JSONDecodeError) telling the caller to change Python: who and route ended in an internal error (exit 3), the
    Python API raised it bare. The YAML reader names the field and its place."""
    f = tmp_path / "p.json"
    f.write_text('{"id": "a", "area": "housing", "place": ' + "9" * 5000 + "}", "utf-8")
    for command in ("who", "route"):
        code, _, err = run_cli(command, str(f))
        assert code == 2 and "p.json:1:41: place:" in err and "too many digits" in err \
            and "set_int_max_str_digits" not in err, err
    import responsibility

    with pytest.raises(responsibility.ProblemError, match=r"p\.json:1:41: place"):
        responsibility.load().who_answers(f)
