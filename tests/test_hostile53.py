"""Session 53's hostile inputs (check52b's low-harm findings, and new probes): a number in a text field, a CSV row cut
short, a typo of a place code inside a county the jurisdiction holds, a Parquet map for ``discovered``, a key in the
wrong case, a long list given to ``who``, a kind id two areas share, notes in two languages, a mapping's error with
no suggestion over HTTP, and a JSON list on one line given to ``assess``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from responsibility import Policy, ProblemError

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "examples" / "ledger" / "county-ledger.xlsx"


def _record(**changes: Any) -> dict[str, Any]:
    out: dict[str, Any] = json.loads((ROOT / "examples" / "records" / "problem.json").read_text(encoding="utf-8"))
    out.update(changes)
    return out


def _refusal(policy: Policy, record: dict[str, Any]) -> tuple[str, str, str]:
    with pytest.raises(ProblemError) as caught:
        policy.who_answers(record)
    return caught.value.code, caught.value.field, caught.value.detail


def _rejects(policy: Policy, records: Any) -> list[tuple[str, str, str]]:
    got = policy.assess(records)
    assert got.records == got.assessed + got.rejected
    return [(r.code, r.field, r.reason) for r in got.rejects.itertuples()]


# ---------------------------------------------------------------- #8 a number in a text field

NUMBERS = [
    ("area", {"area": 5}, "area"),
    ("kind", {"kind": 5}, "kind"),
    ("sector", {"sector": 7}, "sector"),
    ("level", {"discovered": {"level": 3, "channel": "hotline", "on": "2021-03-01"}}, "discovered.level"),
    ("channel", {"discovered": {"level": "county", "channel": 4, "on": "2021-03-01"}}, "discovered.channel"),
    ("body", {"discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01", "body": 5}},
     "discovered.body"),
    ("to_level", {"handled": [{"action": "assigned", "by_level": "county", "to_level": 3, "on": "2021-03-05"}]},
     "handled[0].to_level"),
    ("concealer", {"concealed_by": [3]}, "concealed_by[0]"),
]


@pytest.mark.parametrize(("name", "change", "field"), NUMBERS, ids=[n for n, _, _ in NUMBERS])
def test_a_number_in_a_text_field_is_the_wrong_type_on_every_path(policy: Policy, name: str, change: dict[str, Any],
                                                                  field: str) -> None:
    """``"area": 5`` was looked up as the name '5' (unknown_area): docs/records.md says no text field takes a
    number, and ``"area": 5.5`` or ``true`` were wrong_type already."""
    record = _record(**change)
    code, got_field, detail = _refusal(policy, record)
    assert (code, got_field) == ("wrong_type", field), detail
    assert "expected text (an id or a name), not the number " in detail, detail
    rejects = _rejects(policy, [record])
    assert [(c, f) for c, f, _ in rejects] == [("wrong_type", field)], rejects
    assert "not the number" in rejects[0][2]


@pytest.mark.parametrize("field", ["area", "kind", "sector"])
def test_an_integer_column_of_a_text_field_is_the_wrong_type_in_a_table(policy: Policy, field: str) -> None:
    """An Arrow or Parquet column of integers for the area or the kind was read as its digits (unknown_area,
    unknown_kind), where the same record as a dict was wrong_type; the place and the id still are digits."""
    import pandas as pd
    import pyarrow as pa

    record = _record(**{field: 5})
    for table in (pa.Table.from_pylist([record]), pd.DataFrame([record])):
        assert [(c, f) for c, f, _ in _rejects(policy, table)] == [("wrong_type", field)]


def test_an_id_and_a_place_given_as_numbers_are_still_read_as_their_digits(policy: Policy) -> None:
    """docs/records.md: an id is text or a whole number, and a place's code may be a number."""
    import pyarrow as pa

    record = _record(id=42, place=330127100219)
    assert policy.who_answers(record).problem == "42"
    assert _rejects(policy, [record]) == [] and _rejects(policy, pa.Table.from_pylist([record])) == []


def test_a_number_in_a_text_field_is_refused_alike_by_who_assess_and_http(tmp_path: Path, run_cli: Any,
                                                                         client: Any) -> None:
    from tests.test_service import bearer

    record = _record(area=5)
    one = tmp_path / "one.json"
    one.write_text(json.dumps(record), encoding="utf-8")
    code, _, err = run_cli("who", str(one))
    assert code == 2 and "field 'area': expected text (an id or a name), not the number 5" in err, err
    lines = tmp_path / "in.jsonl"
    lines.write_text(json.dumps(record) + "\n" + json.dumps(_record(id="ok")) + "\n", encoding="utf-8")
    rejects = tmp_path / "rejects.jsonl"
    code, _, err = run_cli("assess", str(lines), "-o", str(tmp_path / "f.jsonl"), "--rejects", str(rejects))
    assert code == 1 and "records in: 2   assessed: 1   rejected: 1" in err, err
    row = json.loads(rejects.read_text(encoding="utf-8"))
    assert (row["code"], row["field"]) == ("wrong_type", "area") and "not the number 5" in row["reason"], row
    r = client.post("/v1/assess", content=json.dumps(record) + "\n",
                    headers={**bearer("zhejiang"), "Content-Type": "application/x-ndjson"})
    got = [json.loads(x) for x in r.text.splitlines()]
    assert r.status_code == 200 and got[-1]["summary"]["rejected"] == 1 == got[-1]["summary"]["records"], got
    reject = next(x for x in got if "rejected" in x or x.get("code"))
    assert "wrong_type" in json.dumps(reject) and "not the number 5" in json.dumps(reject), reject
    r = client.post("/v1/verdict", json=record, headers=bearer("zhejiang"))
    assert r.status_code == 422 and r.json()["error"]["field"] == "area", r.text
    assert "not the number 5" in r.json()["error"]["message"], r.text


def test_a_yaml_record_with_a_numeric_area_is_the_wrong_type(tmp_path: Path, run_cli: Any) -> None:
    rec = tmp_path / "r.yaml"
    rec.write_text("id: x\narea: 5\nplace: '330127100219'\n", encoding="utf-8")
    code, _, err = run_cli("who", str(rec))
    assert code == 2 and "field 'area': expected text (an id or a name), not the number 5" in err, err


# ---------------------------------------------------------------- #9 a CSV row with fewer cells than the header

CSV = ("id,area,place,discovered.level,discovered.channel,discovered.on,as_of\n"
       "a1,housing,330127100219,county,hotline,2021-03-01,2021-06-30\n"
       "a2,housing,330127100219,county,hotline,2021-03-01,\n"
       "a3,housing,330127100219\n"
       "a4\n"
       "a5,housing,330127100219,county,hotline,2021-03-01\n")


def test_a_csv_row_cut_short_is_a_bad_row(tmp_path: Path, run_cli: Any) -> None:
    """A row of 1 cell under a header of 7 was 'field area: is required'; a row missing its last cells was read
    with them empty, its discovery or as_of lost in silence. An empty last cell written as one (``a2``) stays."""
    src, rejects = tmp_path / "in.csv", tmp_path / "rejects.jsonl"
    src.write_text(CSV, encoding="utf-8")
    code, _, err = run_cli("assess", str(src), "-o", str(tmp_path / "f.jsonl"), "--rejects", str(rejects),
                           "--today", "2021-06-30")
    assert code == 1 and "records in: 5   assessed: 2   rejected: 3" in err, err
    rows = [json.loads(x) for x in rejects.read_text(encoding="utf-8").splitlines()]
    assert [(r["line"], r["problem"], r["code"]) for r in rows] == [(4, "a3", "bad_row"), (5, "a4", "bad_row"),
                                                                    (6, "a5", "bad_row")], rows
    assert "line 4: 3 cells, but the header has 7" in rows[0]["reason"], rows[0]
    assert "line 5: 1 cell, but the header has 7" in rows[1]["reason"], rows[1]


def test_a_header_s_empty_columns_need_no_cells(tmp_path: Path, run_cli: Any) -> None:
    """Excel saves a sheet's empty columns (``id,…,,,``): a row without their cells is still whole."""
    src = tmp_path / "in.csv"
    src.write_text("id,area,place,,\nb1,housing,330127100219\nb2,housing,330127100219,,\n", encoding="utf-8")
    code, _, err = run_cli("assess", str(src), "-o", str(tmp_path / "f.jsonl"), "--today", "2021-06-30")
    assert code == 0 and "records in: 2   assessed: 2   rejected: 0" in err, err


# ---------------------------------------------------------------- #10 a typo of a place code


@pytest.mark.parametrize(("place", "said"), [
    ("330127999999", "淳安县 (330127) has no place 330127999999; check the code"),
    ("330127205253", "屏门乡 (330127205) has no place 330127205253; check the code (did you mean 330127205235 "
                     "(童家坪村)"),
    ("330127999", "淳安县 (330127) has no place 330127999; check the code"),
])
def test_a_code_inside_a_county_the_jurisdiction_holds_is_told_as_a_typo(policy: Policy, place: str,
                                                                        said: str) -> None:
    """It was told to pass another --jurisdiction, though 淳安县 is in the default one whole."""
    code, field, detail = _refusal(policy, _record(place=place))
    assert (code, field) == ("unknown_place", "place") and said in detail and "--jurisdiction" not in detail, detail
    assert [c for c, _, _ in _rejects(policy, [_record(place=place)])] == ["unknown_place"]


def test_a_code_outside_the_jurisdiction_keeps_the_jurisdiction_advice(policy: Policy) -> None:
    code, _, detail = _refusal(policy, _record(place="110101001001"))
    assert code == "unknown_place" and "pass the jurisdiction that contains it (--jurisdiction)" in detail, detail


def test_a_county_listed_without_its_places_is_no_typo(tmp_path: Path) -> None:
    """A jurisdiction that stops at the county does not hold its villages: another jurisdiction is the cure."""
    from responsibility import Jurisdiction

    j = Jurisdiction.from_csv_text("code,name\n330000000000,浙江省\n330100000000,杭州市\n330127000000,淳安县\n")
    assert j.missing("330127100219") is None
    with pytest.raises(Exception, match="load the jurisdiction that contains it"):
        j.place("330127100219")


# ---------------------------------------------------------------- #13 a Parquet map for discovered


def _map_table(*discoveries: Any) -> Any:
    import pyarrow as pa

    n = len(discoveries)
    return pa.table({"id": [f"m{i}" for i in range(n)], "area": ["housing"] * n, "place": ["330127100219"] * n,
                     "discovered": pa.array(list(discoveries), pa.map_(pa.string(), pa.string())),
                     "as_of": ["2021-06-30"] * n})


def test_a_map_column_for_discovered_is_read_as_the_object_it_is(policy: Policy, tmp_path: Path,
                                                                 run_cli: Any) -> None:
    """It was refused as "not a list of 3 items"; assess and who_answers of the row now agree."""
    import pyarrow.parquet as pq

    table = _map_table([("level", "county"), ("channel", "hotline"), ("on", "2021-03-01")], None)
    got = policy.assess(table)
    assert got.rejected == 0 and got.assessed == 2, got.rejects
    for i, row in enumerate(table.to_pylist()):
        mine = sorted(f.body for f in policy.who_answers(row).findings)
        theirs = sorted(got.findings[got.findings["record"] == i]["body"])
        assert mine == theirs and (i == 1 or mine), (i, mine, theirs)
    pq.write_table(table, tmp_path / "m.parquet")
    code, _, err = run_cli("assess", str(tmp_path / "m.parquet"), "-o", str(tmp_path / "f.jsonl"))
    assert code == 0 and "records in: 2   assessed: 2   rejected: 0" in err, err


def test_a_map_that_gives_a_key_twice_is_called_a_map(policy: Policy) -> None:
    table = _map_table([("level", "county"), ("level", "city"), ("on", "2021-03-01")])
    rejects = _rejects(policy, table)
    assert [(c, f) for c, f, _ in rejects] == [("wrong_type", "discovered")]
    assert "not a map of 3 entries" in rejects[0][2] and "a list" not in rejects[0][2], rejects
    code, _, detail = _refusal(policy, table.to_pylist()[0])
    assert code == "wrong_type" and "not a map of 3 entries" in detail, detail


# ---------------------------------------------------------------- #14 a key in the wrong case


def test_a_key_in_the_wrong_case_gets_a_did_you_mean(policy: Policy, tmp_path: Path, run_cli: Any) -> None:
    record = _record()
    record["ID"] = record.pop("id")
    code, field, detail = _refusal(policy, record)
    assert (code, field) == ("unknown_field", "ID") and "did you mean 'id'?" in detail, detail
    rec = tmp_path / "onv.yaml"
    rec.write_text("id: x\narea: housing\nplace: '330127100219'\ndiscovered: {level: county, channel: hotline, "
                   "On: 2021-04-02}\n", encoding="utf-8")
    code, _, err = run_cli("who", str(rec))
    assert code == 2 and "field 'discovered.On': unknown field; did you mean 'on'?" in err, err
    lines = tmp_path / "capj.jsonl"
    lines.write_text(json.dumps(record) + "\n", encoding="utf-8")
    code, _, err = run_cli("assess", str(lines), "-o", str(tmp_path / "f.jsonl"), "--lang", "en")
    assert code == 1 and "did you mean 'id'?" in err, err


# ---------------------------------------------------------------- #16 a long list given to who


def test_who_says_assess_is_the_fast_path_for_a_long_list(tmp_path: Path, run_cli: Any,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from responsibility.cli import _cli

    monkeypatch.setattr(_cli, "MANY_FOR_WHO", 3)
    many = tmp_path / "many.json"
    for n, said in ((3, True), (2, False)):
        many.write_text(json.dumps([_record(id=f"p{i}") for i in range(n)]), encoding="utf-8")
        code, _, err = run_cli("who", str(many), "--engine", "compiled", "--format", "json")
        assert code == 0, err
        note = f"注意（note）：{n} records: `responsibility assess {many} -o findings.csv` is the fast path"
        assert (note in err) == said, err


# ---------------------------------------------------------------- #6 a kind id two areas share


def _kind_line(path: Path, kind: str) -> int:
    return path.read_text(encoding="utf-8").splitlines().index(f"  - id: {kind}") + 1


@pytest.mark.parametrize("what", ["id", "name"])
def test_a_kind_id_or_name_two_areas_share_does_not_validate(tmp_path: Path, run_cli: Any, what: str) -> None:
    """validate said OK, though data-guide.md says ids are unique across rules/."""
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    water = rules / "areas" / "water.yaml"
    text = water.read_text(encoding="utf-8")
    line = _kind_line(water, "water_unsafe_unreported")
    if what == "id":
        text = text.replace("  - id: water_unsafe_unreported\n", "  - id: housing_danger_unreported\n")
    else:
        text = text.replace("    name: 饮水安全问题未及时上报\n", "    name: 危房未及时发现上报\n", 1)
    water.write_text(text, encoding="utf-8")
    code, out, err = run_cli("validate", str(rules))
    said = out + err
    at = f"water.yaml:{line if what == 'id' else line + 1}:5"
    assert code == 1 and at in said and "[duplicate_id]" in said and "of area 'housing'" in said, said


def test_the_shipped_rules_share_no_kind_across_areas(run_cli: Any) -> None:
    code, out, err = run_cli("validate", str(ROOT / "rules"))
    assert code == 0 and "OK" in out + err, (out, err)


# ---------------------------------------------------------------- 8. notes in one language; a suggestion for each error


def test_assess_notes_follow_the_language_of_its_other_notes(tmp_path: Path, run_cli: Any) -> None:
    """Under --lang zh the repeated-id note was Chinese and the encoding note beside it English."""
    src = tmp_path / "gbk.csv"
    src.write_bytes("id,area,place\n甲一,危房改造,330127100219\n甲一,危房改造,330127100219\n,,\n".encode("gbk"))
    code, _, err = run_cli("assess", str(src), "-o", str(tmp_path / "f.jsonl"), "--today", "2021-06-30")
    assert code == 0, err
    assert "注意（note）：" in err and "read as GB18030" in err and "\nnote: " not in "\n" + err, err
    assert "注意：已跳过 1 个全空的行" in err and "注意：编号 '甲一'" in err, err
    code, _, err = run_cli("assess", str(src), "-o", str(tmp_path / "f.jsonl"), "--today", "2021-06-30",
                           "--lang", "en")
    assert "note: " in err and "注意" not in err, err


def test_route_notes_no_deadline_of_a_record_it_refuses(tmp_path: Path, run_cli: Any) -> None:
    good, bad = _record(id="A"), _record(id="B", area="hosing")
    src = tmp_path / "two.json"
    src.write_text(json.dumps([good, bad]), encoding="utf-8")
    code, _, err = run_cli("route", str(src))
    assert code == 2 and "问题 A 的记录给出整改时限" in err and "问题 B 的记录" not in err, err


@pytest.mark.parametrize("mapping", [b"a,b\n1,2\n", b"columns:\n  id: [x\n", b"colums: {}\n"])
def test_a_bad_mapping_over_http_has_a_suggestion(client: Any, mapping: bytes) -> None:
    from tests.test_service import bearer

    r = client.post("/v1/ledger/import", headers=bearer("chunan"),
                    files={"file": ("a.xlsx", BOOK.read_bytes()), "mapping": ("m.yaml", mapping)})
    error = r.json()["error"]
    assert r.status_code == 422 and error["field"] == "mapping" and error["suggestion"], error


# ---------------------------------------------------------------- new: a JSON list on one line given to assess


@pytest.mark.parametrize("where", ["stdin", "file"])
def test_a_json_list_on_one_line_is_told_to_be_json(tmp_path: Path, run_cli: Any, where: str,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """`who`'s input piped to `assess -` was one "record" rejected as a list and told to use `responsibility
    assess`, the command it had been given to."""
    import io
    import sys

    text = json.dumps([_record(id="p1"), _record(id="p2")])
    if where == "stdin":
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
        args = ["-"]
    else:
        (tmp_path / "l.jsonl").write_text(text, encoding="utf-8")
        args = [str(tmp_path / "l.jsonl")]
    code, _, err = run_cli("assess", *args, "-o", str(tmp_path / "f.jsonl"))
    assert code == 2 and "is a JSON list of records on one line" in err and "--from json" in err, err


def test_a_line_that_is_a_list_among_records_is_still_one_rejected_line(tmp_path: Path, run_cli: Any) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("[1, 2]\n" + json.dumps(_record()) + "\n", encoding="utf-8")
    code, _, err = run_cli("assess", str(src), "-o", str(tmp_path / "f.jsonl"))
    assert code == 1 and "records in: 2   assessed: 1   rejected: 1" in err, err


# ---------------------------------------------------------------- new: a ledger's list given back, a day with a T


def test_a_ledger_list_given_to_ledger_add_is_told_what_it_is(tmp_path: Path, run_cli: Any) -> None:
    """`ledger list DB problems -o p.json` then `ledger add DB p.json`: every row was "field 'problem': is required",
    with no word that the file is the ledger's own list, as `assess p.json` says."""
    db, listed = str(tmp_path / "l.db"), tmp_path / "p.json"
    assert run_cli("ledger", "init", db)[0] == 0
    assert run_cli("ledger", "import", db, str(BOOK), "--by", "me")[0] == 1  # (one row of the example is refused)
    assert run_cli("ledger", "list", db, "problems", "-o", str(listed))[0] == 0
    code, _, err = run_cli("ledger", "add", db, str(listed), "--by", "me")
    assert code == 2 and "its rows are no events" in err and "问题清单 (problems)" in err, err
    assert "is required" not in err, err


def test_a_workbook_day_written_with_a_t_and_a_time_is_read_as_its_day(tmp_path: Path, run_cli: Any) -> None:
    """docs/ledger.md: a date and time is read as its day. ``2021-03-01 13:45`` was; ``2021-03-01T13:45:00`` (ISO
    8601, as a database export writes it) was "not a date"."""
    import openpyxl

    book = openpyxl.load_workbook(BOOK)
    sheet = book.active
    assert sheet is not None
    head = [c.value for c in sheet[1]]
    sheet.cell(row=2, column=head.index("发现时间") + 1, value="2021-03-01T13:45:00")
    path = tmp_path / "t.xlsx"
    book.save(path)
    db = str(tmp_path / "l.db")
    assert run_cli("ledger", "init", db)[0] == 0
    code, out, err = run_cli("ledger", "import", db, str(path), "--by", "me")
    assert code == 1 and "发现时间" not in err and "已导入 6 + 拒收 1" in out + err, (out, err)


def test_a_ledger_event_and_a_list_s_place_with_a_typo_are_told_so(tmp_path: Path, run_cli: Any,
                                                                   one_problem_ledger: Any) -> None:
    """A registered event's place, and `ledger list --place`, said only "not in jurisdiction", as a record's did."""
    db = one_problem_ledger("CA-1")
    ev = tmp_path / "ev.yaml"
    ev.write_text('- {problem: E1, type: registered, on: 2021-03-01, area: housing, place: "330127999999"}\n',
                  encoding="utf-8")
    code, _, err = run_cli("ledger", "add", db, str(ev), "--by", "x")
    assert code == 2 and "淳安县 (330127) has no place 330127999999; check the code" in err, err
    code, _, err = run_cli("ledger", "list", db, "problems", "--place", "330127205253")
    assert code == 2 and "屏门乡 (330127205) has no place 330127205253" in err and "330127205235 (童家坪村)" in err, err


def test_a_record_with_several_faults_gets_the_first_fault_s_suggestion_over_http(client: Any) -> None:
    """The suggestion was the message's last "; " part: the last fault's cure (grid for the channel, under field
    'discovered.on'), or "also field 'place': is required", no cure at all."""
    from tests.test_service import bearer

    for body, field, cure in (
            ({"id": "x"}, "area", "correct field 'area'"),
            ({**_record(), "discovered": {"level": "county", "channel": "gridd", "on": "2021-13-01"}},
             "discovered.on", "as YYYY-MM-DD")):
        r = client.post("/v1/verdict", json=body, headers=bearer("zhejiang"))
        error = r.json()["error"]
        assert r.status_code == 422 and error["field"] == field and cure in error["suggestion"], error
        assert "also" not in error["suggestion"] and "grid" not in error["suggestion"], error


def test_diff_against_a_revision_whose_rules_do_not_load_names_the_revision(tmp_path: Path, run_cli: Any,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """It named the temporary checkout (/tmp/responsibility-rev-…/rules), gone when the command ended, and offered
    `responsibility validate` of it."""
    from responsibility.cli import _cli

    broken = tmp_path / "responsibility-rev-x" / "rules"
    shutil.copytree(ROOT / "rules", broken)
    with (broken / "accountability.yaml").open("a", encoding="utf-8") as f:
        f.write("failures: [\n")
    monkeypatch.setattr(_cli, "_policy_at_revision", lambda directory, rev: broken)
    code, _, err = run_cli("diff", str(ROOT / "rules"), "--against", "v0")
    assert code == 2 and "the rules at revision 'v0' do not load: v0:" in err and "accountability.yaml" in err, err
    assert str(tmp_path) not in err, err
