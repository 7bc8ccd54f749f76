"""who_answers and route read a row of a data frame as assess reads it (the facade's _row_record)."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest

import responsibility

pd = pytest.importorskip("pandas")
ROOT = Path(__file__).resolve().parents[1]


def test_a_row_of_the_assessed_frame_gets_the_findings_assess_gave_it(policy: responsibility.Policy) -> None:
    df = pd.read_csv(ROOT / "examples" / "records" / "ledger.csv")
    assert df["place"].dtype.kind == "i"  # the place codes read as integers, as pandas reads them
    result = policy.assess(df)
    checked = 0
    for i in range(len(df)):
        if i in set(result.rejects["record"]):
            continue
        verdict = policy.who_answers(df.iloc[i])
        mine = sorted((f.body, f.basis, f.liability) for f in verdict.findings)
        rows = result.findings[result.findings["record"] == i]
        assert mine == sorted(zip(rows["body"], rows["basis"], rows["liability"], strict=True))
        checked += 1
    assert checked >= 2


def test_a_flat_dict_with_dotted_keys_and_missing_cells(policy: responsibility.Policy) -> None:
    nested = {"id": "p1", "area": "housing", "place": "330127100219", "severity": "grave",
              "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"}, "as_of": "2021-12-31"}
    flat = {"id": "p1", "area": "housing", "place": 330127100219, "severity": "grave", "kind": math.nan,
            "discovered.level": "county", "discovered.channel": "hotline", "discovered.on": "2021-03-01",
            "deadline": None, "as_of": pd.Timestamp("2021-12-31")}
    assert policy.who_answers(flat).to_dict() == policy.who_answers(nested).to_dict()
    assert policy.route(pd.Series(flat)).to_dict() == policy.route(nested).to_dict()


def test_a_plain_dict_is_read_as_given(policy: responsibility.Policy) -> None:
    # an empty text is an absent field in a plain record too, as in a frame row and a CSV cell (hostile29, the lead's
    # decision: "sector": "" was refused in JSON and absent in CSV); a value that names nothing stays an error
    record = {"id": "p1", "area": "housing", "place": "330127100219"}
    assert policy.who_answers({**record, "kind": ""}).to_dict() == policy.who_answers(record).to_dict()
    with pytest.raises(responsibility.ProblemError, match="kind"):
        policy.who_answers({**record, "kind": "nosuch"})


def test_a_name_that_is_no_file_is_refused_with_what_to_give(policy: responsibility.Policy) -> None:
    with pytest.raises(responsibility.ProblemError, match="nor a file") as info:
        policy.who_answers("examples/problems/housing-not-discovred.yaml")
    assert info.value.code == "not_an_object"
    # the README's example record, by its name, as a notebook user gives it
    assert policy.who_answers(str(ROOT / "examples" / "problems" / "housing-not-discovered.yaml")).findings
    with pytest.raises(responsibility.ProblemError, match="YAML or JSON file"):
        policy.route(ROOT / "examples" / "problems" / "no-such-record.yaml")


RECORD_FILE = """\
id: p-file
area: housing
place: "330127100219"
discovered:
  level: 县
  channel: hotline
  on: 2021-03-01
as_of: 2021-09-01
"""


@pytest.mark.parametrize("wrap", [False, True])
def test_a_record_file_is_read_as_the_command_reads_it(policy: responsibility.Policy, tmp_path: Path,
                                                     wrap: bool) -> None:
    # YAML 1.1 (yaml.safe_load) reads the key `on:` as true; the file is read as `responsibility who FILE`
    # reads it, and a one-record list is that record
    text = "- " + RECORD_FILE.replace("\n", "\n  ").rstrip() + "\n" if wrap else RECORD_FILE
    path = tmp_path / "record.yaml"
    path.write_text(text, encoding="utf-8")
    record = {"id": "p-file", "area": "housing", "place": "330127100219",
              "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"}, "as_of": "2021-09-01"}
    from_file = policy.who_answers(path, engine="compiled")
    assert from_file.findings and from_file.to_dict() == policy.who_answers(record, engine="compiled").to_dict()
    assert policy.route(str(path)).to_dict() == policy.route(record).to_dict()


def test_a_record_file_s_error_names_its_line_and_column(policy: responsibility.Policy, tmp_path: Path) -> None:
    path = tmp_path / "record.yaml"
    path.write_text(RECORD_FILE.replace("on: 2021-03-01", "on: 2021-13-01"), encoding="utf-8")
    with pytest.raises(responsibility.ProblemError, match=r"record\.yaml:7:3: .*discovered\.on") as info:
        policy.who_answers(path)
    assert info.value.code == "bad_date"


@pytest.mark.parametrize(("text", "name", "words"), [
    ("- {id: a}\n- {id: b}\n", "two.yaml", "holds 2 records"),
    ("id,area\na,housing\n", "rows.csv", "responsibility assess"),
    ("just text\n", "text.yaml", "no record"),
])
def test_a_file_of_many_records_or_none_says_what_to_use(policy: responsibility.Policy, tmp_path: Path, text: str,
                                                        name: str, words: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(responsibility.ProblemError, match=words) as info:
        policy.who_answers(path)
    assert info.value.code == "not_an_object"


@pytest.mark.parametrize("given", [Path("ledger.csv"), "ledger.jsonl", None, 5])
def test_assess_of_a_file_or_of_no_records_says_what_it_takes(policy: responsibility.Policy, given: Any) -> None:
    """review20b B20-11: assess(Path) and assess(None) raised Python's bare "object is not iterable"."""
    with pytest.raises(TypeError, match="responsibility assess FILE" if given is not None and given != 5 else
                       "takes many records"):
        policy.assess(given)


def test_a_record_given_as_json_text_is_told_to_be_read_first(policy: responsibility.Policy) -> None:
    """review22b R22b-9: who_answers(json.dumps(record)) raised OSError (a file name too long)."""
    import json

    record = {"id": "x" * 300, "area": "housing", "place": "330127100219"}
    for given in (json.dumps(record), "a\x00b"):
        with pytest.raises(responsibility.ProblemError, match="is not a problem record") as exc:
            policy.who_answers(given)
        assert len(str(exc.value)) < 400
    with pytest.raises(responsibility.ProblemError, match=r"json\.loads the text first"):
        policy.who_answers(json.dumps(record))
