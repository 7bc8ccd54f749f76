"""The input contract, hostile inputs and a newcomer's path (hostile28: hostile27's leftovers, then a fresh pass)."""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import pytest

from responsibility import Policy

from .asgi import paced_receive

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "problems" / "housing-not-discovered.yaml"
NOTE = ("note: id 'P7' is on 2 records: {a}, {b}; each is a record of its own here, assessed or rejected as it reads, "
        "so a problem given twice has its findings counted twice (a ledger refuses the later ones: "
        "duplicate_problem); give each problem its own id, or remove the repeated records")
NOTE_ZH = "注意：编号 'P7' 出现在 2 条记录中：{a}、{b}；每条作为一条记录分别评估或拒收"


def example() -> dict[str, Any]:
    return json.loads((ROOT / "examples" / "records" / "problem.json").read_text(encoding="utf-8"))


def _flat(ids: list[str]) -> list[dict[str, Any]]:
    base = {k: v for k, v in example().items() if k != "handled"}
    return [{**base, "id": i} for i in ids]


# ---------------------------------------------------------------- 1. a shared id, said by every entry point


def test_policy_assess_says_a_shared_id_as_the_command_does(policy: Policy) -> None:
    """8397d11 made `responsibility assess` name records sharing an id; Policy.assess said nothing (counts and
    findings unchanged). Now Assessment.repeats holds them, and summary() and the notebook's view say it in the
    same words (no warning: the suite runs warnings as errors, and records given twice on purpose are no mistake)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = policy.assess(_flat(["P7", "P8", "P7"]))
    assert result.records == result.assessed == 3
    assert result.repeats == {"P7": [(0, None), (2, None)]}
    said = NOTE.format(a="record 0", b="record 2")
    assert said in result.summary() and said in result._repr_html_().replace("&#x27;", "'")


def test_policy_assess_of_a_data_frame_says_a_shared_id(policy: Policy) -> None:
    import pandas as pd

    result = policy.assess(pd.json_normalize(_flat(["P1", "P7", "P7"])))
    assert result.repeats == {"P7": [(1, None), (2, None)]}
    assert NOTE.format(a="record 1", b="record 2") in result.summary()


def test_policy_assess_of_distinct_ids_says_nothing(policy: Policy) -> None:
    result = policy.assess(_flat(["P1", "P2"]))
    assert result.repeats == {} and "note" not in result.summary()


def test_the_report_of_an_assessment_says_a_shared_id(policy: Policy) -> None:
    pytest.importorskip("plotly")
    result = policy.assess(_flat(["P7", "P7"]))
    page = result.report_html(lang="en").replace("&#x27;", "'")
    assert NOTE.format(a="record 0", b="record 1") in page
    assert NOTE_ZH.format(a="记录序号 0", b="记录序号 1") in result.report_html().replace("&#x27;", "'")


def test_assess_report_says_a_shared_id(run_cli: Any, tmp_path: Path) -> None:
    """`assess --report` said it on stderr only; the report, which a reader gets instead, said nothing."""
    pytest.importorskip("plotly")
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in _flat(["P7", "P8", "P7"])), encoding="utf-8")
    code, _, err = run_cli("assess", str(path), "-o", str(tmp_path / "out.jsonl"), "--report",
                           str(tmp_path / "r.html"), "--lang", "en")
    said = NOTE.format(a="line 1 (record 0)", b="line 3 (record 2)")
    assert code == 0 and said in err, err
    assert said in (tmp_path / "r.html").read_text(encoding="utf-8").replace("&#x27;", "'")


def test_assess_on_dask_says_a_shared_id(run_cli: Any, tmp_path: Path) -> None:
    """`assess --dask` said nothing of ids shared across its Parquet files (records numbered as its rows are)."""
    pytest.importorskip("dask.dataframe")
    import pandas as pd

    frame = pd.json_normalize(_flat(["P7", "P8", "P9", "P7"]))
    (tmp_path / "in").mkdir()
    frame.iloc[:2].to_parquet(tmp_path / "in" / "a.parquet", index=False)
    frame.iloc[2:].to_parquet(tmp_path / "in" / "b.parquet", index=False)
    code, _, err = run_cli("assess", str(tmp_path / "in"), "--dask", "synchronous", "-o", str(tmp_path / "out"),
                           "--lang", "en")
    assert code == 0 and NOTE.format(a="record 0", b="record 3") in err, err
    assert "records in: 4   assessed: 4   rejected: 0" in err


# ---------------------------------------------------------------- 2. YAML: an alias is where it is used; a merge


def _rules_copy(tmp_path: Path) -> Path:
    import shutil

    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    return tmp_path / "rules"


def test_an_alias_item_is_located_where_it_is_used_not_at_its_anchor(tmp_path: Path) -> None:
    """A body list item written `- *cpc` (the anchor on the first body) was said to be at line 4, the anchor's."""
    import responsibility

    rules = _rules_copy(tmp_path)
    city = rules / "bodies" / "city.yaml"
    text = city.read_text(encoding="utf-8").replace("- id: city_party_committee\n",
                                                    "- &cpc\n  id: city_party_committee\n", 1)
    city.write_text(text + "- *cpc\n", encoding="utf-8")
    line = text.count("\n") + 1
    issues = responsibility.validate(rules)
    assert [(i.line, i.column, i.code) for i in issues] == [(line, 3, "duplicate_id")], issues


def test_positions_within_an_alias_are_the_alias_use() -> None:
    from responsibility.policy._yaml import parse_yaml

    text = "a: &x {name: 危房, v: 1}\nl: [危房危房, *x]\nm:\n  - *x\n  -   *x\nk:\n  key: *x\n"
    data, pos = parse_yaml(text, "f.yaml")
    assert data["l"][1] == data["m"][0] == data["k"]["key"] == {"name": "危房", "v": 1}
    assert pos.at(("l", 1, "name")) == (2, 11)
    assert pos.at(("m", 0)) == pos.at(("m", 0, "v")) == (4, 5)
    assert pos.at(("m", 1, "name")) == (5, 7)
    assert pos.at(("k", "key", "v")) == (7, 8) and pos.at(("a", "v")) == (1, 18)


def test_a_merge_with_an_override_is_read_as_yaml_defines_it(tmp_path: Path) -> None:
    """`<<: *base` then `id: …` was refused as a duplicate key; it is legal YAML 1.1 (the override wins)."""
    import responsibility
    from responsibility import RulesError
    from responsibility.policy._yaml import parse_yaml

    data, _ = parse_yaml("a: &a {x: 1, y: 2}\nb: &b {x: 3, z: 4}\nc:\n  <<: [*a, *b]\n  y: 5\n", "f.yaml")
    assert data["c"] == {"x": 1, "z": 4, "y": 5}  # (of two merged, the earlier wins; the own key over both)
    with pytest.raises(RulesError) as e:
        parse_yaml("a: &a {x: 1}\nc:\n  <<: *a\n  x: 2\n  x: 3\n", "f.yaml")
    assert (e.value.issues[0].line, e.value.issues[0].code) == (5, "duplicate_key")
    assert "first at line 4" in e.value.issues[0].message
    rules = _rules_copy(tmp_path)
    city = rules / "bodies" / "city.yaml"
    text = city.read_text(encoding="utf-8")
    government = text[text.index("- id: city_government\n"):text.index("- id: city_leading_group\n")]
    assert "  level: city\n" in government  # (what the merge gives: level and clauses, as the body has them)
    text = text.replace("- id: city_party_committee\n", "- &cpc\n  id: city_party_committee\n", 1).replace(
        government, "- <<: *cpc\n  id: city_government\n  name: 市政府\n  en: City government\n"
                    "  kind: government\n  sector: government\n")
    city.write_text(text, encoding="utf-8")
    assert responsibility.validate(rules) == []
    body = responsibility.load(rules).bodies["city_government"]
    assert (body.name, body.level, body.kind, body.sector) == ("市政府", "city", "government", "government")


# ---------------------------------------------------------------- 3. a record's error says what to do


def test_assess_says_what_to_do_with_a_lone_surrogate(run_cli: Any, tmp_path: Path) -> None:
    """`who` said "remove it, or write the whole character" of a lone surrogate; assess said only what it was."""
    path = tmp_path / "in.jsonl"
    good = json.dumps({k: v for k, v in example().items()})
    path.write_text('{"id": "a\\ud800b", "area": "housing", "place": "330127100219"}\n' + good + "\n",
                    encoding="utf-8")
    code, _, err = run_cli("assess", str(path), "-o", str(tmp_path / "out.jsonl"), "--lang", "en")
    assert code == 1 and "Traceback" not in err, err
    assert ("rejected: line 1 (record 0, counted from 0): field 'id': text with a lone surrogate (half of a UTF-16 "
            "surrogate pair, such as \\ud800, not a character; it cannot be written as UTF-8); remove it, or write "
            "the whole character") in err, err
    assert "records in: 2   assessed: 1   rejected: 1" in err


@pytest.mark.parametrize(("day", "said"), [
    ("2021-02-30", "'2021-02-30' is not a valid date (no such day); write a day that exists, as YYYY-MM-DD"),
    ("1899-03-01", "1899-03-01 is outside the years 1900-2999; write a day between 1900 and 2999 (YYYY-MM-DD)"),
    ("2999-12-31", None)])
def test_ledger_add_says_what_to_do_with_a_day_that_cannot_be(run_cli: Any, tmp_path: Path, day: str,
                                                              said: str | None) -> None:
    events = (ROOT / "examples" / "ledger" / "events.yaml").read_text(encoding="utf-8")
    path = tmp_path / "events.yaml"
    path.write_text(events.replace("on: 2021-06-02", f"on: {day}", 1), encoding="utf-8")
    db = str(tmp_path / "l.db")
    assert run_cli("ledger", "init", db)[0] == 0
    code, _, err = run_cli("ledger", "add", db, str(path), "--by", "me")
    if said is None:  # (the last day a record may name is taken; the order of days is the next check's)
        assert "outside the years" not in err and "Traceback" not in err, err
        return
    assert code == 2 and "Traceback" not in err, err
    assert f"events.yaml:9:42: problem 'CA-2021-101', field 'on': event 3: {said}" in err, err


# ---------------------------------------------------------------- 4. HTTP: a body that does not come


def _slow_request(path: str, media: str, chunks: list[tuple[float, bytes]], end: bool = False) -> Any:
    """A request whose body comes as ``chunks`` (seconds waited before it, bytes), then ends (``end``) or sends
    nothing more."""
    from starlette.requests import Request

    scope = {"type": "http", "method": "POST", "path": path, "headers": [(b"content-type", media.encode())],
             "query_string": b""}
    return Request(scope, paced_receive(chunks, end))


def test_a_single_record_s_body_must_arrive_in_time() -> None:
    """A client that sent a byte a second held its connection for as long as it liked (hostile28): 408 now."""
    import asyncio

    from responsibility.service._app import read_json
    from responsibility.service._errors import ApiError

    dribble = [(0.0, b"{")] + [(0.05, b" ")] * 100
    with pytest.raises(ApiError) as e:
        asyncio.run(read_json(_slow_request("/v1/verdict", "application/json", dribble), 10_000, 0.5))
    assert e.value.status == 408 and "did not arrive within 0.5 seconds" in e.value.message
    assert "send the whole body at once" in (e.value.suggestion or "")
    got = asyncio.run(read_json(_slow_request("/v1/verdict", "application/json", [(0.0, b'{"a": '), (0.1, b"1}")],
                                              end=True),
                                10_000, 5))
    assert got == {"a": 1}


@pytest.mark.parametrize(("chunks", "said"), [
    ([(0.0, b'{"id": "p1", ')], "the batch sent nothing for 0.5 seconds"),  # then nothing
    ([(0.0, b'{"id": "p1", ')] + [(0.1, b" ")] * 60, "the batch came slower than 1,024 bytes a second")])
def test_a_batch_s_body_may_not_stall_or_dribble(chunks: list[tuple[float, bytes]], said: str) -> None:
    import asyncio
    import threading

    import responsibility
    from responsibility.chain._jurisdiction import Jurisdiction
    from responsibility.service._auth import ANONYMOUS
    from responsibility.service._batch import Batch
    from responsibility.service._errors import ApiError
    from responsibility.service._lib import batch_assessor

    assessor = batch_assessor(responsibility.load(), Jurisdiction.example(), today=None, lang="en")
    batch = Batch(assessor, threading.Lock(), ANONYMOUS, max_bytes=10**6, max_records=10**6, idle_seconds=0.5)
    try:
        with pytest.raises(ApiError) as e:
            asyncio.run(batch.run(_slow_request("/v1/assess", "application/x-ndjson", chunks)))
    finally:
        batch.spool.close()
    assert e.value.status == 408 and said in e.value.message, e.value.message


def test_serve_passes_body_seconds_to_the_service(monkeypatch: pytest.MonkeyPatch) -> None:
    from responsibility.service._app import Settings

    monkeypatch.setenv("RESPONSIBILITY_BODY_SECONDS", "7")
    monkeypatch.setenv("RESPONSIBILITY_NO_AUTH", "1")
    assert Settings.from_env().body_seconds == 7
    assert Settings().body_seconds == 30


def test_a_lone_surrogate_over_http_says_what_to_do(client: Any) -> None:
    """It came back with "correct field 'id'; docs/records.md describes every field of a problem record"."""
    from tests.test_service import bearer

    body = json.dumps({**example(), "id": "a\ud800"}).encode()
    r = client.post("/v1/verdict", content=body, headers={**bearer("chunan"), "Content-Type": "application/json"})
    err = r.json()["error"]
    assert r.status_code == 422 and err["field"] == "id", r.text
    assert err["suggestion"] == ("remove the lone surrogate (\\ud800 … \\udfff alone), or write the whole character "
                                 "(a pair such as \\ud83d\\ude00 is read as one)"), r.text


# ---------------------------------------------------------------- 5. ledger import: cells and files Excel makes


def test_an_imported_id_cell_of_true_or_a_date_is_refused_with_what_to_do(run_cli: Any, tmp_path: Path) -> None:
    """A TRUE cell in 问题编号 was imported as the problem "True", and a cell Excel took for a day (1-2) as
    "2021-01-01 00:00:00"; a record's id true is refused by every entry point (docs/records.md)."""
    import datetime as dt

    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.load_workbook(ROOT / "examples" / "ledger" / "county-ledger.xlsx")
    ws = wb.worksheets[0]
    assert ws.cell(1, 1).value == "问题编号" and ws.cell(1, 4).value == "所在地代码"
    ws.cell(2, 1, True)
    ws.cell(3, 1, dt.datetime(2021, 1, 2))
    ws.cell(4, 4, dt.datetime(2021, 3, 1))
    wb.save(tmp_path / "l.xlsx")
    db = str(tmp_path / "l.db")
    assert run_cli("ledger", "init", db)[0] == 0
    code, out, err = run_cli("ledger", "import", db, str(tmp_path / "l.xlsx"), "--by", "me", "--rejects",
                             str(tmp_path / "rj.csv"))
    assert code == 1 and "Traceback" not in err, err
    rejects = (tmp_path / "rj.csv").read_text(encoding="utf-8-sig")
    assert "2,True,问题编号,\"the cell holds TRUE (a true/false value), not a problem id; type the problem id as " \
           "text\",wrong_type" in rejects, rejects  # (was bad_value: a record's id true is wrong_type, hostile65)
    assert "the cell holds the date 2021-01-02, not a problem id as typed (Excel reads text such as 1-2 or 2021-3-1 " \
           "as a day); format the column as text and type the problem id again" in rejects, rejects
    assert "4,CA-2021-003,所在地代码,\"the cell holds the date 2021-03-01, not a division code" in rejects, rejects
    assert "共 7 行 = 已导入 3 + 拒收 4" in out + err, out  # (the example's one reject, 饮水, besides)


@pytest.mark.parametrize(("content", "said"), [
    ("问题编号,领域\nA,危房改造\n".encode(), "it is text, not a workbook (a CSV file named .xlsx?): name it .csv"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "it is an Excel 97-2003 workbook (.xls) or one protected by a "
                                                        "password: open it in Excel, remove any password and save it"),
    (b"PK\x03\x04" + bytes(100), "it is a damaged workbook, or a zip file of something else: save it again from "
                                 "Excel as .xlsx")])
def test_an_xlsx_that_is_no_workbook_says_what_it_is(run_cli: Any, tmp_path: Path, content: bytes,
                                                      said: str) -> None:
    """It said "not a readable .xlsx workbook (BadZipFile: File is not a zip file)" and no more."""
    pytest.importorskip("openpyxl")
    (tmp_path / "l.xlsx").write_bytes(content)
    db = str(tmp_path / "l.db")
    assert run_cli("ledger", "init", db)[0] == 0
    code, _, err = run_cli("ledger", "import", db, str(tmp_path / "l.xlsx"), "--by", "me")
    assert code == 2 and "Traceback" not in err and "not a readable .xlsx workbook" in err and said in err, err


# ---------------------------------------------------------------- 6. a JSON line that is no record says what to do


BAD_LINE = ("line 1: not valid JSON (Expecting property name enclosed in double quotes at column 2); fix that line: "
            'one record per line, a JSON object ({"id": …, "area": …, "place": …}) with its text in double quotes')
DEEP_LINE = ("line 2: JSON nested too deeply (a problem record is a few levels deep: is a value a document of its "
             "own?); fix that line: one record, a JSON object, per line")


def test_a_json_line_that_is_no_record_says_what_to_do(run_cli: Any, tmp_path: Path) -> None:
    """It said "line 13: not valid JSON (Expecting property name enclosed in double quotes)" and no more."""
    path = tmp_path / "in.jsonl"
    path.write_text("{bad json\n" + '{"id": ' * 100_000 + "\n" + json.dumps(example()) + "\n", encoding="utf-8")
    code, _, err = run_cli("assess", str(path), "-o", str(tmp_path / "out.jsonl"), "--lang", "en")
    assert code == 1 and "Traceback" not in err, err
    assert BAD_LINE in err and DEEP_LINE in err, err
    assert "records in: 3   assessed: 1   rejected: 2" in err


def test_a_json_line_that_is_no_record_says_what_to_do_over_http(client: Any) -> None:
    from tests.test_service import bearer

    body = ("{bad json\n" + '{"id": ' * 100_000 + "\n" + json.dumps(example()) + "\n").encode()
    r = client.post("/v1/assess", content=body, headers={**bearer("chunan"), "Content-Type": "application/x-ndjson"})
    lines = [json.loads(x) for x in r.text.splitlines()]
    reasons = [x["rejected"]["reason"] for x in lines if "rejected" in x]
    assert r.status_code == 200 and BAD_LINE in reasons[0] and DEEP_LINE in reasons[1], reasons
    assert lines[-1]["summary"]["records"] == 3 and lines[-1]["summary"]["rejected"] == 2, lines[-1]


# ---------------------------------------------------------------- 7. rules/ as an editor breaks them


@pytest.mark.parametrize(("old", "new", "at", "said"), [
    ("  name: 市委\n", "  name： 市委\n", (4, 7),
     "the key's colon is the full-width '：' (U+FF1A), which YAML does not read as one (write it as ':' (ASCII) "
     "followed by a space)"),
    ("- id: city_government\n", "- id： city_government\n", (12, 5), "the key's colon is the full-width '：'"),
    ("bodies:\n", "---\nbodies:\n", None, None)])
def test_a_chinese_colon_in_a_key_is_named(tmp_path: Path, run_cli: Any, old: str, new: str,
                                           at: tuple[int, int] | None, said: str | None) -> None:
    """`name： 市委` (typed with a Chinese input method) was "could not find expected ':'" a line below it."""
    rules = _rules_copy(tmp_path)
    city = rules / "bodies" / "city.yaml"
    city.write_text(city.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    code, out, err = run_cli("validate", str(rules))
    if at is None:  # (a '---' first is one document: read as before)
        assert code == 0, out + err
        return
    assert code == 2 and f"city.yaml:{at[0]}:{at[1]}: YAML syntax error: {said}" in out, out + err


def test_a_second_document_in_a_rules_file_says_what_to_do(tmp_path: Path, run_cli: Any) -> None:
    rules = _rules_copy(tmp_path)
    city = rules / "bodies" / "city.yaml"
    text = city.read_text(encoding="utf-8")
    city.write_text(text + "---\nbodies: []\n", encoding="utf-8")
    code, out, err = run_cli("validate", str(rules))
    line = text.count("\n") + 1
    assert code == 2 and (f"city.yaml:{line}:1: YAML syntax error: a second document ('---') in one file (a file "
                          "holds one YAML document: remove the '---' line and merge what follows into the document "
                          "above)") in out, out + err


def test_a_colon_in_a_value_is_no_key() -> None:
    from responsibility.policy._yaml import parse_yaml

    data, _ = parse_yaml("a: 说明：内容\nb:\n  - 第一：是\n", "f.yaml")
    assert data == {"a": "说明：内容", "b": ["第一：是"]}


# ---------------------------------------------------------------- 8. one record through every path


@pytest.mark.parametrize(("cell", "said"), [
    ("330127100219.0", "division code '330127100219.0' must be digits only: '330127100219.0' is a whole number written "
                       "as a decimal, as programs write a column of numbers with an empty cell; write 330127100219"),
    ("3.30127100219e11", "division code '3.30127100219e11' must be digits only: a long number in scientific "
                         "notation, as Excel shows it and may save it: its last digits are lost; write the code's "
                         "digits as text"),
    ("33012x", "division code '33012x' must be digits only: write its 2, 4, 6, 9 or 12 digits (330127100219)")])
def test_a_place_cell_as_programs_write_numbers_says_what_to_write(run_cli: Any, tmp_path: Path, cell: str,
                                                                   said: str) -> None:
    """pandas writes a column of codes with an empty cell as 330127100219.0; every other path reads the number
    330127100219.0 as its digits, and the CSV's text was "must be digits only" and no more."""
    path = tmp_path / "in.csv"
    path.write_text("id,area,place,discovered.level,discovered.channel,discovered.on,as_of\n"
                    f"P1,housing,{cell},county,hotline,2021-03-01,2021-06-30\n", encoding="utf-8")
    code, _, err = run_cli("assess", str(path), "-o", str(tmp_path / "o.jsonl"), "--lang", "en")
    assert code == 1 and f"problem 'P1', field 'place': {said}" in err, err


# ---------------------------------------------------------------- 9. a table of 100,000 columns


def test_a_table_of_very_many_columns_is_said_in_a_line_not_a_book(run_cli: Any, tmp_path: Path) -> None:
    """assess said "has no 'area' column; its columns: id, c0, c1, …" over 789 KB, as did ledger import's note."""
    path = tmp_path / "wide.csv"
    path.write_text(",".join(["id", *(f"c{i}" for i in range(100_000))]) + "\n" + ",".join(["x"] * 100_001) + "\n",
                    encoding="utf-8")
    code, _, err = run_cli("assess", str(path), "-o", str(tmp_path / "o.jsonl"))
    assert code == 2 and len(err) < 1_000, len(err)
    assert "has no 'area' column; its columns: id, c0, c1," in err and "c28 and 99,971 more" in err, err
    import csv

    headers = ["问题编号", "领域", "所在地代码", "发现时间", "发现层级", "发现渠道", *(f"c{i}" for i in range(100_000))]
    table = tmp_path / "wide-ledger.csv"
    with open(table, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([headers, ["CA-1", "危房改造", "330127100219", "2021-03-01", "县", "县长热线",
                                           *([""] * 100_000)]])
    db = str(tmp_path / "l.db")
    assert run_cli("ledger", "init", db)[0] == 0
    code, out, err = run_cli("ledger", "import", db, str(table), "--by", "me")
    assert "Traceback" not in err and code == 0, out + err
    note = next(x for x in err.splitlines() if "columns no field of the mapping takes" in x)
    assert len(err) < 2_000 and "c28, c29 and 99,970 more; fields no column header matched" in note, err


# ---------------------------------------------------------------- 10. a record's day that cannot be, everywhere


@pytest.mark.parametrize(("field", "day", "said"), [
    ("discovered.on", "2021-02-30", "2021-02-30 is not a valid date (no such day); write a day that exists, as "
                                    "YYYY-MM-DD"),
    ("as_of", "9999-12-31", "9999-12-31 is outside the years 1900-2999; write a day between 1900 and 2999 "
                            "(YYYY-MM-DD)"),
    ("deadline", "1899-12-31", "1899-12-31 is outside the years 1900-2999; write a day between 1900 and 2999 "
                               "(YYYY-MM-DD)")])
def test_a_record_s_day_that_cannot_be_says_what_to_write(run_cli: Any, tmp_path: Path, policy: Policy, field: str,
                                                          day: str, said: str) -> None:
    """who, assess and the Python API said "2021-02-30 is not a valid date (no such day)" with no what-to-do."""
    from responsibility import ProblemError

    record = example()
    if field == "discovered.on":
        record["discovered"]["on"] = day
    else:
        record[field] = day
    with pytest.raises(ProblemError) as e:
        policy.who_answers(record)
    assert str(e.value) == f"problem '2021-0042', field '{field}': {said}"
    path = tmp_path / "p.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    code, _, err = run_cli("who", str(path))
    assert code == 2 and f"problem '2021-0042', field '{field}': {said}" in err and "Traceback" not in err, err
    lines = tmp_path / "p.jsonl"
    lines.write_text(json.dumps(record) + "\n", encoding="utf-8")
    code, _, err = run_cli("assess", str(lines), "-o", str(tmp_path / "o.jsonl"), "--lang", "en")
    assert code == 1 and f"field '{field}': {said}" in err, err


# ---------------------------------------------------------------- 11. accountability.yaml's lists and sources, twice


@pytest.mark.parametrize("what", ["failure", "liability", "principle", "source"])
def test_a_failure_liability_principle_or_source_given_twice_is_refused(tmp_path: Path, what: str) -> None:
    """validate said OK of a copied failure block that kept its id (one of the two was dropped in silence): ids of
    bodies, areas, duties … were checked, not these."""
    import shutil

    import responsibility

    rules = _rules_copy(tmp_path)
    acc = rules / "accountability.yaml"
    text = acc.read_text(encoding="utf-8")
    if what == "source":
        shutil.copy(rules / "sources" / "zhefupin-2020-1.yaml", rules / "sources" / "zz-copy.yaml")
        first, second = ("zhefupin-2020-1.yaml", 3), ("zz-copy.yaml", 3)
    else:
        start = {"failure": "  - id: not_handled\n", "liability": "  - id: unit\n",
                 "principle": "  - id: funds_oversight\n"}[what]
        end = {"failure": "  - id: not_rectified\n", "liability": "  - id: leadership\n",
               "principle": "  - id: explicit_oversight\n"}[what]
        block = text[text.index(start):text.index(end, text.index(start))]
        text = text.replace(end, block + end, 1)
        acc.write_text(text, encoding="utf-8")
        lines = text.splitlines()
        at = [i + 1 for i, x in enumerate(lines) if x == start.rstrip("\n")]
        first, second = ("accountability.yaml", at[0]), ("accountability.yaml", at[1])
    issues = [i for i in responsibility.validate(rules) if i.code == "duplicate_id"]
    assert len(issues) == 1 and f"duplicate {what} id" in issues[0].message, issues
    assert issues[0].file.endswith(second[0]) and issues[0].line == second[1], issues
    assert f"(also at {rules / 'sources' if what == 'source' else rules}/{first[0]}:{first[1]})" in issues[0].message


def test_an_import_s_missing_sheet_and_an_oversized_part_say_what_to_do(run_cli: Any, tmp_path: Path) -> None:
    """Over HTTP their suggestions were "it has other, 台账" and "nothing was imported" (what follows the last "; ")."""
    import zipfile

    pytest.importorskip("openpyxl")
    src = ROOT / "examples" / "ledger" / "county-ledger.xlsx"
    db = str(tmp_path / "l.db")
    assert run_cli("ledger", "init", db)[0] == 0
    code, _, err = run_cli("ledger", "import", db, str(src), "--by", "me", "--sheet", "nosuch")
    assert code == 2 and "no sheet 'nosuch'; name one of its sheets: '台账'" in err, err
    with zipfile.ZipFile(src) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(tmp_path / "bomb.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in parts.items():
            z.writestr(n, b.replace(b"<sheetData>", b"<sheetData>" + b" " * (300 * 2**20), 1) if n == sheet else b)
    code, _, err = run_cli("ledger", "import", db, str(tmp_path / "bomb.xlsx"), "--by", "me")
    assert code == 2 and ("packed as no spreadsheet program packs it: nothing was imported; open it in Excel and "
                          "save it again, or split it into smaller workbooks") in err, err
