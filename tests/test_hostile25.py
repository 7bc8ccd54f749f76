"""Input contract loose ends of review24b, one rule at every entry point (hostile25)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from responsibility import Policy, ProblemError
from responsibility.policy._yaml import parse_records

ROOT = Path(__file__).resolve().parents[1]


def example() -> dict[str, Any]:
    return json.loads((ROOT / "examples" / "records" / "problem.json").read_text(encoding="utf-8"))


#: A JSON id as written, what JSON makes of it, and what the refusal says it is.
BAD_IDS = [("true", True, "true (a true/false value)"), ("false", False, "false (a true/false value)"),
           ("1.5", 1.5, "the fraction 1.5"), ("1e400", float("inf"), "a number too large to hold"),
           ("-2.5", -2.5, "the fraction -2.5")]


def _json_record(written: str) -> str:
    text = json.dumps(example(), indent=2)
    return text.replace('"2021-0042"', written)


@pytest.mark.parametrize(("written", "value", "said"), BAD_IDS)
def test_a_json_id_that_is_no_text_nor_whole_number_is_refused_at_every_entry_point(  # type: ignore[no-untyped-def]
        policy: Policy, tmp_path: Path, run_cli, client, written: str, value: Any, said: str) -> None:
    """review24b R24b-3: a JSON record whose id is true, 1.5 or 1e400 was answered as the text "true", "1.5",
    "1e400" by `responsibility who FILE`, route and who_answers(path) (the record file's reader kept every unquoted
    value as typed), and refused by assess and who_answers(dict). An id is text or a whole number, at every entry
    point, said in the project's words ("Input should be a valid string (got True)" was pydantic's)."""
    from tests.test_service import bearer

    message = f"field 'id': an id is text or a whole number, not {said}"
    path = tmp_path / "r.json"
    path.write_text(_json_record(written), encoding="utf-8")
    data, _ = parse_records(path.read_bytes(), "r.json")
    assert data["id"] == value or (value != value and data["id"] != data["id"])  # JSON's own value
    stdin, _ = parse_records(_json_record(written).encode(), "<stdin>")  # `who -`: JSON without a .json name
    assert type(stdin["id"]) is type(value)
    for command in ("who", "route"):
        code, out, err = run_cli(command, str(path))
        assert code == 2 and f"{path}:2:3: {message}" in err and "Traceback" not in err, (command, code, out, err)
    record = dict(example(), id=value)
    for answer in (policy.who_answers, policy.route):
        with pytest.raises(ProblemError, match=re.escape(message)) as e:
            answer(path)
        assert e.value.code == "wrong_type"
        with pytest.raises(ProblemError, match=re.escape(message)):
            answer(record)
    got = policy.assess([record])
    assert list(got.rejects["code"]) == ["wrong_type"] and message in got.rejects["reason"][0]
    for name, text in (("r.jsonl", json.dumps(example()).replace('"2021-0042"', written)), ("r.json", None)):
        if text is not None:
            (tmp_path / name).write_text(text + "\n", encoding="utf-8")
        code, _, err = run_cli("assess", str(tmp_path / name), "-o", str(tmp_path / "out.csv"))
        assert code == 1 and message in err, (name, err)
    r = client.post("/v1/verdict", content=_json_record(written).encode(), headers=bearer("chunan"))
    assert r.status_code == 422 and message in r.json()["error"]["message"], r.text


def test_a_yaml_id_stays_as_typed_and_a_whole_number_is_its_digits(policy: Policy, tmp_path: Path) -> None:
    """YAML keeps its own rule (review21b item 4: an unquoted value not written as its digits is the text typed), and
    a whole number is an id in JSON as in YAML and in a dict: its digits."""
    path = tmp_path / "r.yaml"
    path.write_text(_json_record("true"), encoding="utf-8")  # JSON text in a .yaml file: read as YAML
    assert policy.who_answers(path).problem == "true"
    for written, problem in (("7", "7"), ("7.0", "7"), ("-2.5e3", "-2500")):
        path = tmp_path / "w.json"
        path.write_text(_json_record(written), encoding="utf-8")
        assert policy.who_answers(path).problem == problem
        assert policy.who_answers(json.loads(path.read_text(encoding="utf-8"))).problem == problem


@pytest.mark.parametrize(("field", "value", "said"), [
    ("area", True, "field 'area': expected text (an id or a name), not true (a true/false value)"),
    ("place", 1.5, "field 'place': expected a division code (its digits, as text or a whole number), not the "
                   "fraction 1.5"),
    ("handled", "yesterday", "field 'handled': expected a list of steps of handling, each an object {action, "
                             "by_level, to_level, on}, not the text 'yesterday'; write it as a list"),
    ("concealed_by", "county", "field 'concealed_by': expected a list of levels or bodies, not the text 'county'; "
                               "write it as a list, e.g. [\"county\"]"),
    ("discovered", [], "field 'discovered': expected an object {level, channel, on} (body optional), not a list "
                       "of 0 items"),
    ("severity", False, "field 'severity': expected a severity, not false (a true/false value); use one of minor"),
    ("id", "", "field 'id': is empty; give the problem's id"),
    ("id", {"a": 1}, "field 'id': an id is text or a whole number, not an object of 1 field"),
])
def test_a_value_of_the_wrong_type_is_said_in_the_project_s_words(policy: Policy, field: str, value: Any,
                                                                   said: str) -> None:
    """pydantic's wording reached users: "Input should be a valid string (got True)", "Input should be a valid
    dictionary or instance of Discovered", "String should have at least 1 character", "List should have at most
    1000 items after validation"; now the field's type as docs/records.md gives it, and what came in JSON's words."""
    with pytest.raises(ProblemError) as e:
        policy.who_answers(dict(example(), **{field: value}))
    assert said in str(e.value) and "Input should" not in str(e.value) and "should have" not in str(e.value)
    with pytest.raises(ProblemError, match=r"field 'handled': has 1,001 entries; at most 1,000 are read"):
        policy.who_answers(dict(example(), handled=example()["handled"] * 1001))
    with pytest.raises(ProblemError, match=r"field 'handled\[0\]': expected a step of handling, an object"):
        policy.who_answers(dict(example(), handled=["x"]))
    with pytest.raises(ProblemError, match=r"field 'handled\[0\].action': expected an action, not true"):
        policy.who_answers(dict(example(), handled=[dict(example()["handled"][0], action=True)]))


@pytest.mark.parametrize(("key", "said"), [
    ("рlace", "'рlace' is 'place' written with 'р' (U+0440 CYRILLIC SMALL LETTER ER), not ASCII: write the key in "
              "ASCII letters, 'place'"),
    ("ｐｌａｃｅ", "'ｐｌａｃｅ' is 'place' written with full-width letters, not ASCII"),
    ("plaсe", "'plaсe' is 'place' written with 'с' (U+0441 CYRILLIC SMALL LETTER ES)"),
])
def test_a_key_with_a_lookalike_letter_says_which_and_the_ascii_key(policy: Policy, tmp_path: Path, key: str,
                                                                   said: str) -> None:
    """A key typed with a Cyrillic or full-width letter was "unknown field; did you mean 'place'?" (or the list of
    every field), which reads as the same word twice: the character is named now, with the ASCII key."""
    record = example()
    record[key] = record.pop("place")
    with pytest.raises(ProblemError, match=re.escape(said)) as e:
        policy.who_answers(record)
    assert e.value.code == "unknown_field" and e.value.field == key
    nested = example()
    nested["discovered"] = {"lеvel" if k == "level" else k: v for k, v in nested["discovered"].items()}
    with pytest.raises(ProblemError, match=re.escape("'lеvel' is 'level' written with 'е' (U+0435")) as e:
        policy.who_answers(nested)
    assert e.value.field == "discovered.lеvel"


def test_a_rules_file_key_with_a_lookalike_letter_says_which(rules_copy: Path) -> None:
    import responsibility

    path = rules_copy / "policy.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("version:", "vеrsion:", 1), encoding="utf-8")
    issues = responsibility.validate(rules_copy)
    assert any("'vеrsion' is 'version' written with 'е' (U+0435 CYRILLIC SMALL LETTER IE)" in i.hint
               for i in issues), [str(i) for i in issues]


@pytest.mark.parametrize(("text", "line"), [
    ("id: a\narea: housing\ndiscovered:\n\tlevel: county\n", 4),
    ("id: a\ndiscovered:\n  level: county\n\tchannel: hotline\n", 4),
    ("id: a\nhandled:\n\t- action: assigned\n", 3),
])
def test_a_tab_in_the_indentation_is_said_so_at_its_line(text: str, line: int, tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    """PyYAML's words were "found character that cannot start any token" (or "a tab character that violates
    indentation"): the line is indented with a tab, which YAML does not allow."""
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    code, _, err = run_cli("who", str(path))
    assert code == 2 and f"r.yaml:{line}:1: YAML syntax error: YAML does not allow tabs for indentation" in err, err
    assert "indent with spaces" in err


def test_a_rules_file_indented_with_a_tab_is_said_so(rules_copy: Path) -> None:
    import responsibility

    (rules_copy / "bodies" / "zz.yaml").write_text("bodies:\n\t- id: zz_body\n", encoding="utf-8")
    issues = responsibility.validate(rules_copy)
    assert any(i.file.endswith("zz.yaml") and i.line == 2 and "YAML does not allow tabs for indentation" in i.message
               for i in issues), [str(i) for i in issues]


def test_a_problem_id_that_looks_like_an_option_or_an_exported_formula(one_problem_ledger, run_cli) -> None:  # type: ignore[no-untyped-def]
    """`ledger show LEDGER -3+4` said "No such option '-3'", and `ledger show LEDGER "'-3+4"` (the id as a CSV export
    writes it, the ' before text a spreadsheet reads as a formula) "unknown problem": each says what to write."""
    db = one_problem_ledger('"-3+4"')
    code, _, err = run_cli("ledger", "show", db, "-3+4")
    assert code == 2 and "'-3+4' begins with '-' and was read as an option" in err and "-- '-3+4'" in err, err
    code, out, err = run_cli("ledger", "show", db, "--", "-3+4")
    assert code == 0 and json.loads(out)["problem"] == "-3+4", err
    code, _, err = run_cli("ledger", "show", db, "'-3+4")
    assert code == 2 and "the ledger has '-3+4': the leading ' is what a CSV export puts before" in err, err
    code, _, err = run_cli("ledger", "show", db, "--as-off", "2021-01-01", "x")
    assert code == 2 and "No such option '--as-off'" in err, err  # a mistyped option is still one
    code, _, err = run_cli("ledger", "show", db, "-\x1b[31m")
    assert code == 2 and "\x1b" not in err and "\\x1b" in err, err  # shown escaped, never acted on


def test_an_empty_forbidden_entry_is_refused_at_its_line(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    """`forbidden: [{}]` forbade every finding: the scenario failed with "(forbidden by {})" on each."""
    record = json.dumps(example(), ensure_ascii=False)
    (tmp_path / "f.scenarios.yaml").write_text(
        f"scenarios:\n- name: an empty pattern\n  problem: {record}\n  expect:\n    forbidden: [{{}}]\n",
        encoding="utf-8")
    code, _, err = run_cli("test", str(tmp_path))
    assert code == 2 and "f.scenarios.yaml:5:17: scenarios.0.expect.forbidden.0: an empty forbidden entry would " \
        "forbid every finding: give what no finding may be" in err, err


@pytest.mark.slow
@pytest.mark.parametrize("suffix", ["jsonl", "csv", "parquet"])
def test_a_smaller_chunk_gives_the_same_answers(policy: Policy, tmp_path: Path, run_cli,  # type: ignore[no-untyped-def]
                                                suffix: str) -> None:
    """review24b: records of 14 findings each took 3.36 GB (3.9 GB here) in `assess`, a chunk's findings held whole
    until written. --chunk-size bounds it (docs/scale.md); the answers, the record numbers of findings and rejects
    and the summary are the same whatever the chunk (fails before: no such option)."""
    import pandas as pd

    rows = []
    for i in range(2_500):
        r = example()
        r["id"] = f"p{i}"
        if i % 997 == 5:
            r["place"] = "99"  # a reject now and then, in every chunk of 1,024
        rows.append(r)
    path = tmp_path / f"in.{suffix}"
    if suffix == "jsonl":
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    else:
        flat = pd.json_normalize(rows)
        flat["handled"] = [json.dumps(r["handled"]) for r in rows]
        if suffix == "csv":
            flat.to_csv(path, index=False)
        else:
            flat["handled"] = [r["handled"] for r in rows]
            flat.to_parquet(path)
    outs = []
    for chunk in ([], ["--chunk-size", "1024"]):
        out, rej = tmp_path / f"out{len(chunk)}.csv", tmp_path / f"rej{len(chunk)}.csv"
        code, _, err = run_cli("assess", str(path), "-o", str(out), "--rejects", str(rej), *chunk)
        assert code == 1, err
        # (the files it wrote are named, each run's own: the rest of what it says is the same)
        said = "".join(line for line in err.splitlines(True) if not line.startswith("wrote "))
        outs.append((out.read_bytes(), rej.read_bytes(), said))
    assert outs[0] == outs[1]
    from responsibility import Jurisdiction
    from responsibility.batch._assessor import make_assessor
    from responsibility.batch._io import Source

    tables = make_assessor(policy, Jurisdiction.example()).t
    assert [len(p.numbers) + len(p.rejects) for p in Source(str(path), suffix, tables, chunk=1024).parts()] \
        == [1024, 1024, 452]
    assert b"\n1002," in outs[0][1] and b"\n1999," in outs[0][1]  # the rejects' record numbers, past the first chunk
