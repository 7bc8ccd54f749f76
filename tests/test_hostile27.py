"""Messages, the input contract and a newcomer's path (hostile27; session 26's note item 7, review26 "Smaller")."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from responsibility import Policy, RulesError

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "problems" / "housing-not-discovered.yaml"


def example() -> dict[str, Any]:
    return json.loads((ROOT / "examples" / "records" / "problem.json").read_text(encoding="utf-8"))


# ---------------------------------------------------------------- 1. a refused choice is listed as 中文（id）


@pytest.mark.parametrize(("given", "meant"), [("all_level", "以上各级（all_levels）"),
                                              ("各级", "以上各级（all_levels）"), ("nowhere", None)])
def test_a_refused_choice_lists_the_choices_as_chinese_output_writes_them(policy: Policy, given: str,
                                                                          meant: str | None) -> None:
    """The verdict writes a choice as 以上各级（all_levels）, and --set takes either part back (6da341b); a wrong value
    was refused with the ids alone (own_and_level_above, next_level …), and a Chinese guess got no "did you mean"."""
    with pytest.raises(RulesError) as e:
        policy.with_parameters(supervision_scope=given)
    text = str(e.value)
    assert ("takes one of its choices: 本级及上一已知悉层级（own_and_shown_above）, "
            "本级及上一级（own_and_level_above）, 仅最近一级（next_level）, "
            "以上各级（all_levels）, 不追究（none）; got " + repr(given)) in text, text
    assert (f"did you mean {meant!r}?" in text) if meant else "did you mean" not in text, text


def test_a_refused_choice_on_the_command_line_lists_the_chinese_names(run_cli: Any) -> None:
    code, out, err = run_cli("who", str(EXAMPLE), "--set", "督促整改责任的范围=各级")
    assert code == 2 and out == "" and "Traceback" not in err
    assert "以上各级（all_levels）, 不追究（none）; got '各级' (did you mean '以上各级（all_levels）'?" in err, err


# ---------------------------------------------------------------- 2. a parameter with its value, never a repr


def test_routes_readings_give_each_parameter_its_value(run_cli: Any) -> None:
    """The who table's 依据解释 writes 及时交办和上报时限（天）=10; the route's named the parameters without their
    values (及时交办和上报时限（天）（handling_time_limit_days）), and its English line the ids alone."""
    code, out, _ = run_cli("route", str(EXAMPLE))
    line = next(x for x in out.splitlines() if x.strip().startswith("依据解释"))
    assert code == 0 and "及时交办和上报时限（天）=10；整改时限（天，未设整改期限时）=30；" in line, line
    assert "记录未写明接收机构时的交办上报责任单位=未确定（unresolved）" in line, line
    code, out, _ = run_cli("route", str(EXAMPLE), "--lang", "en")
    line = next(x for x in out.splitlines() if "rests on" in x)
    assert code == 0 and "handling_time_limit_days=10, rectification_time_limit_days=30" in line, line


def test_a_policy_in_a_notebook_shows_each_parameter_by_name_and_value(policy: Policy) -> None:
    """Policy._repr_html_ listed the values as Python reprs ('own_and_level_above', False, 'grave')."""
    page = policy.with_parameters(supervision_scope="all_levels")._repr_html_()
    assert "<td>督促整改责任的范围</td><td>以上各级（all_levels） <b>(what-if; rules: " \
        "本级及上一已知悉层级（own_and_shown_above）)</b></td><td><code>supervision_scope</code></td>" in page, page
    assert "<td>追究领导责任的严重程度</td><td>严重（grave）</td>" in page
    assert "<td>本方案施行日期</td><td>座谈会讲话之日（2020-03-06）</td>" in page
    assert "<td>外部渠道发现时本级是否属于应发现而未发现</td><td>否（false）</td>" in page
    assert "&#x27;" not in page and "False" not in page and "True" not in page


# ---------------------------------------------------------------- 3. records that share an id are said


def _records(n: int, repeat: dict[int, int]) -> list[dict[str, Any]]:
    """``n`` records with ids P0 …, record ``k`` of ``repeat`` taking record ``repeat[k]``'s id."""
    base = {k: v for k, v in example().items() if k != "handled"}  # (a flat table has no list cell)
    return [{**base, "id": f"P{repeat.get(i, i)}"} for i in range(n)]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_records_that_share_an_id_are_each_assessed_and_said(run_cli: Any, tmp_path: Path, fmt: str) -> None:
    """review26 H3: a duplicate id in one file was assessed twice with no note (记录 2 条 = 已评估 2, its findings
    doubled), where the ledger refuses it as duplicate_problem. Each record is still assessed as who_answers answers
    it (records in = assessed + rejected); the run names the records that share an id, across chunks too."""
    records = _records(2100, {1500: 7, 2099: 7, 1600: 1599})
    path = tmp_path / f"in.{fmt}"
    if fmt == "jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    else:
        import pandas as pd

        frame = pd.json_normalize(records)
        frame.to_csv(path, index=False) if fmt == "csv" else frame.to_parquet(path, index=False)
    code, _, err = run_cli("assess", str(path), "-o", str(tmp_path / "out.jsonl"), "--chunk-size", "1024",
                           "--lang", "en")
    assert code == 0, err
    at = (lambda n: f"line {n + 2} (record {n})") if fmt == "csv" else \
        (lambda n: f"line {n + 1} (record {n})") if fmt == "jsonl" else (lambda n: f"record {n}")
    assert f"note: id 'P7' is on 3 records: {at(7)}, {at(1500)}, {at(2099)}; each is a record of its own" in err, err
    assert f"note: id 'P1599' is on 2 records: {at(1599)}, {at(1600)};" in err, err
    assert "note: 2 ids on more than one record, 5 records in all" in err
    assert "records in: 2,100   assessed: 2,100   rejected: 0" in err
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert sum(json.loads(x)["problem"] == "P7" for x in lines) == 3 * sum(json.loads(x)["problem"] == "P8"
                                                                           for x in lines)


def test_a_shared_id_is_said_in_chinese_and_a_rejected_record_still_counts(run_cli: Any, tmp_path: Path) -> None:
    records = [*_records(3, {2: 0}), {"id": "P0", "area": "危房"}]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    code, _, err = run_cli("assess", str(path), "-o", str(tmp_path / "out.jsonl"))
    assert code == 1, err  # one record rejected (its area), as before
    assert "注意：编号 'P0' 出现在 3 条记录中：第 1 行（记录序号 0）、第 3 行（记录序号 2）、" \
        "第 4 行（记录序号 3）；" in err, err
    assert "台账会拒收后者：duplicate_problem" in err and "记录 4 条 = 已评估 3 + 拒收 1（核对一致）" in err


def test_distinct_ids_say_nothing(run_cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in _records(5, {})), encoding="utf-8")
    code, _, err = run_cli("assess", str(path), "-o", str(tmp_path / "out.jsonl"))
    assert code == 0 and "编号" not in err and "note" not in err, err


@settings(max_examples=60, deadline=None)
@given(ids=st.lists(st.one_of(st.none(), st.sampled_from(["", "a", "P1", "危房-1", "ＡＢ１"]), st.text(max_size=6)),
                    max_size=40),
       cut=st.integers(0, 40), arrow=st.booleans())
def test_the_repeats_found_are_exactly_the_ids_given_more_than_once(ids: list[str | None], cut: int,
                                                                     arrow: bool) -> None:
    """The ids a run names as repeated (hashed in numpy from the column's buffers) are exactly those a Counter
    finds, with every record's number, across chunks, an absent id never counted, in a column or Python records."""
    from collections import Counter

    import numpy as np
    import pyarrow as pa

    from responsibility.batch._repeats import Repeats as _Repeats

    repeats = _Repeats()
    for lo, hi in ((0, min(cut, len(ids))), (min(cut, len(ids)), len(ids))):
        chunk, numbers = ids[lo:hi], np.arange(lo, hi, dtype=np.int64)
        text = [x for x in chunk if x is not None]
        if arrow and all(x.encode("utf-8", "surrogatepass").decode("utf-8", "replace") == x for x in text):
            repeats._arrow(pa.chunked_array([pa.array(chunk, pa.string())]), numbers, None)
        else:
            repeats._strings(chunk, numbers, None)
    counts = Counter(x for x in ids if x is not None)
    want = {x: [(i, None) for i, y in enumerate(ids) if y == x] for x, n in counts.items() if n > 1}
    assert repeats.found() == want


# ---------------------------------------------------------------- 4. hostile inputs: what the file holds instead


@pytest.mark.parametrize(("text", "held"), [("", "no value (it is empty, comments only, or null)"),
                                            ("# a comment only\n", "no value (it is empty, comments only, or null)"),
                                            ("null", "no value"), ('"x"', "text ('x')"), ("true", "text ('true')"),
                                            ("7", "a number (7)")])
@pytest.mark.parametrize("command", ["who", "route"])
def test_a_record_file_holding_no_record_says_what_it_holds(run_cli: Any, tmp_path: Path, text: str, held: str,
                                                            command: str) -> None:
    """An empty file, null, a bare string or true were all 'must hold a problem object or a list of them': what
    the file held instead, and what to write."""
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    code, out, err = run_cli(command, str(path))
    assert code == 2 and out == "" and "Traceback" not in err
    assert f"p.yaml holds {held}" in err and "not a problem object; write a problem object or a list of them (" \
        '{"id": …, "area": …, "place": …}, docs/records.md)' in err, err


def test_every_refused_record_over_http_says_what_to_do(client: Any) -> None:
    """A record's error whose message carries no "what to do" (2021-02-29 is not a valid date; a lone surrogate)
    came back with "suggestion": null."""
    from tests.test_service import bearer

    # (the message says what to do since hostile28, and the suggestion is its words)
    for change, field, hint in (({"as_of": "2021-02-29"}, "as_of", "write a day that exists, as YYYY-MM-DD"),
                                # (what to do with it, since hostile28)
                                ({"id": "\ud800"}, "id", "remove the lone surrogate (\\ud800 … \\udfff alone), or "
                                                        "write the whole character")):
        body = json.dumps({**example(), **change}).encode()
        r = client.post("/v1/verdict", content=body, headers={**bearer("chunan"), "Content-Type": "application/json"})
        err = r.json()["error"]
        assert r.status_code == 422 and err["field"] == field and err["suggestion"].startswith(hint), r.text


@pytest.mark.parametrize(("query", "said"), [
    ("/v1/ledger/indices?period=week", "query parameter 'period': 'week' is not one of 'year', 'quarter' or 'month'"),
    ("/v1/ledger/lists/nope", "path parameter 'name': 'nope' is not one of 'problems', 'responsibilities' or "
                              "'rectifications'")])
def test_a_choice_refused_over_http_names_what_was_given(client: Any, query: str, said: str) -> None:
    """review26: pydantic's words, "Input should be 'year', 'quarter' or 'month'", not what was given."""
    from tests.test_service import bearer

    r = client.get(query, headers=bearer("chunan"))
    err = r.json()["error"]
    assert r.status_code == 400 and err["message"] == said and err["suggestion"].startswith("use '"), r.text


def test_ledger_show_of_an_unknown_problem_names_no_day_it_was_not_given(one_problem_ledger: Any,
                                                                          run_cli: Any) -> None:
    """review26: `ledger show DB NOPE` said "unknown problem on 2026-12-02", today's date, of an id the ledger never
    held; the day is named only where it matters (a problem registered after the day asked about)."""
    db = one_problem_ledger("P1")
    code, _, err = run_cli("ledger", "show", db, "NOPE")
    assert code == 2 and "unknown problem: the ledger holds no problem of this id;" in err, err
    assert " on 20" not in err
    code, _, err = run_cli("ledger", "show", db, "P1", "--as-of", "2021-02-01")
    assert code == 2 and "unknown problem on 2021-02-01 (not yet registered that day); its first event" in err, err


@pytest.mark.parametrize(("expect", "said"), [
    ("{required: [{body: village_committee}]}", "scenarios.0.expect.required: unknown key 'required'; expect takes "
                                                "findings, forbidden, failures"),
    ("{findings: [{body: village_committee, bsis: not_discovered}]}",
     "scenarios.0.expect.findings.0.bsis: unknown key 'bsis'; a finding pattern takes level, body, name, place, "
     "basis, liability, clauses, rests_on (did you mean 'basis'?)")])
def test_a_scenario_file_with_a_key_of_no_such_name_names_the_keys_it_takes(run_cli: Any, tmp_path: Path,
                                                                            expect: str, said: str) -> None:
    """It said pydantic's "Extra inputs are not permitted (see the scenario format in the docs)": not which keys
    there are, nor which docs."""
    path = tmp_path / "s.scenarios.yaml"
    path.write_text(f"scenarios:\n- name: a\n  problem: {json.dumps(example(), ensure_ascii=False)}\n"
                    f"  expect: {expect}\n", encoding="utf-8")
    code, _, err = run_cli("test", str(path))
    assert code == 2 and "Traceback" not in err and "Extra inputs" not in err
    assert "s.scenarios.yaml:4:" in err and said in err and 'docs/data-guide.md, "Scenario files"' in err, err


def test_route_takes_set_as_who_does(run_cli: Any) -> None:
    """who, assess and diff took --set; route, whose deadlines rest on handling_time_limit_days, refused it ("No such
    option '--set'"): a what-if route is now said as the who table says one."""
    code, out, err = run_cli("route", str(EXAMPLE), "--set", "及时交办和上报时限（天）=15")
    assert code == 0, err
    assert "交办期限：2021-03-16" in out and "依据解释：及时交办和上报时限（天）=15；" in out, out
    assert "假设参数（不是规则的默认值）：及时交办和上报时限（天）=15（规则：10）" in out, out
    code, out, _ = run_cli("route", str(EXAMPLE), "--lang", "en", "--set", "handling_time_limit_days=15")
    assert code == 0 and "what-if parameters (not the rules' defaults): handling_time_limit_days=15 (rules: 10)" in out
    code, out, err = run_cli("route", str(EXAMPLE), "--set", "supervision_scope=x")
    assert code == 2 and out == "" and "--set: parameter 'supervision_scope' takes one of its choices" in err, err


def test_an_imported_cell_naming_nothing_close_lists_the_words_its_column_takes(run_cli: Any, tmp_path: Path) -> None:
    """`ledger import` of a 领域 cell like nothing it knows said "unknown duty area '@bad'" and no more."""
    path = tmp_path / "in.csv"
    path.write_text("问题编号,领域,所在地代码,发现时间,发现层级,发现渠道\nX2,@bad,330127100219,2021-03-01,县,热线\n",
                    encoding="utf-8")
    db = str(tmp_path / "l.db")
    assert run_cli("ledger", "init", db)[0] == 0
    code, _, err = run_cli("ledger", "import", db, str(path), "--by", "x")
    assert code == 1 and "领域：unknown duty area '@bad'; write one of 两不愁、问题发现、教育扶贫、" in err, err
    assert "危房改造" in err and "[unknown_area]" in err
