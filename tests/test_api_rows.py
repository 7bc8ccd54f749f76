"""who_answers and route read a row of a data frame as assess reads it (the facade's _row_record)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

import responsibility

pd = pytest.importorskip("pandas")
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def policy() -> responsibility.Policy:
    return responsibility.load()


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
    # an empty text in a plain record stays an error of that field (only frame rows read it as absent)
    with pytest.raises(responsibility.ProblemError, match="kind"):
        policy.who_answers({"id": "p1", "area": "housing", "place": "330127100219", "kind": ""})


def test_a_file_name_is_refused_with_how_to_read_it(policy: responsibility.Policy) -> None:
    with pytest.raises(responsibility.ProblemError, match=r"yaml.safe_load\(open\(path") as info:
        policy.who_answers("examples/problems/housing-not-discovered.yaml")
    assert info.value.code == "not_an_object"
    with pytest.raises(responsibility.ProblemError, match="responsibility who FILE"):
        policy.route(ROOT / "examples" / "problems" / "housing-not-discovered.yaml")
