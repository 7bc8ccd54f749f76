"""Session 20's review of the answers: what the scenario files cannot say (a parameter's other value, both engines
and the bulk path side by side)."""

from __future__ import annotations

from typing import Any

import pytest

import responsibility

MECHANISM = {"id": "f20-3", "area": "discovery", "kind": "mechanism_missing", "place": "330127", "severity": "minor",
             "discovered": {"level": "city", "channel": "audit", "on": "2021-03-01"}, "concealed_by": ["county"],
             "as_of": "2021-06-30"}
INCOME = {"id": "f20-i", "area": "basic_needs", "kind": "basic_needs_income_not_raised", "place": "330127100219",
          "severity": "serious", "discovered": {"level": "city", "channel": "audit", "on": "2021-03-01"},
          "concealed_by": ["county"], "as_of": "2021-06-30"}


def _concealers(policy: responsibility.Policy, record: dict[str, Any], engine: str) -> set[str]:
    return {f.body for f in policy.who_answers(record, engine=engine).findings  # type: ignore[arg-type]
            if f.basis == "concealed"}


@pytest.mark.parametrize("engine", ["compiled", pytest.param("durable", marks=pytest.mark.durable)])
def test_a_bare_level_that_concealed_names_one_body_or_the_one_unnamed(policy: responsibility.Policy,
                                                                       engine: str) -> None:
    """review20c C20-1: a missing mechanism 'concealed by the county' named its Party committee, government and
    扶贫办, each with staff and unit liability; the record does not say which of them concealed it."""
    # moved (fid34c, review34 F5: no county department has a part in a missing mechanism: not the role, a department)
    assert _concealers(policy, MECHANISM, engine) == {"county_holders_unnamed"}  # unresolved, once
    assert _concealers(policy, INCOME, engine) == {"county_poverty_office"}  # the one body whose part it is
    holders = policy.with_parameters(concealing_level_body="handling_holders")
    assert _concealers(holders, MECHANISM, engine) == {"county_party_committee", "county_government",
                                                       "county_poverty_office"}


def test_the_bulk_path_names_the_same_concealers(policy: responsibility.Policy) -> None:
    pytest.importorskip("pandas")
    for p in (policy, policy.with_parameters(concealing_level_body="handling_holders")):
        rows = p.assess([MECHANISM, INCOME]).findings
        for record in (MECHANISM, INCOME):
            bulk = set(rows[(rows["problem"] == record["id"]) & (rows["basis"] == "concealed")]["body"])
            assert bulk == _concealers(p, record, "compiled"), record["id"]
