"""fidelity19 (engine19): what answers rest on — a concealer chosen by concealing_level_body (review18b D6), a verdict
spared by a time limit or a liability threshold (review18 P1), a principle's clauses only on the bodies it added
(review18b D5) — and the plans that records with and without a step set aside share (issue 12 item 4)."""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Jurisdiction, Policy
from responsibility.engine._decide import decider_of
from responsibility.engine._facts import derive
from responsibility.engine._problem import parse_problem

ENGINES = ("durable", "compiled")

#: A township's grid finds a dangerous house and reports it the next day to the county education bureau, which has
#: no part in it: the step is set aside (irregular_step; fidelity18).
MISSENT: dict[str, Any] = {
    "id": "m1", "area": "housing", "kind": "housing_renovation_late", "place": "330127100219",
    "discovered": {"level": "township", "channel": "grid", "on": "2021-03-01"},
    "handled": [{"action": "reported", "by_level": "township", "to_level": "county", "to_body": "county_education",
                 "on": "2021-03-02"}], "as_of": "2021-06-30"}
#: The same step after the township's limit: late, not set aside.
LATE: dict[str, Any] = {**MISSENT, "id": "m2", "handled": [{**MISSENT["handled"][0], "on": "2021-03-20"}]}


def _marked(policy: Policy, record: dict[str, Any], engine: str) -> set[tuple[str, str, str]]:
    v = policy.who_answers(record, engine=engine)
    return {(f.body, f.basis, f.liability) for f in v.findings if "irregular_step" in f.rests_on}


@pytest.mark.parametrize("engine", ENGINES)
def test_records_with_and_without_a_step_set_aside_share_a_plan_and_each_says_its_own(policy: Policy,
                                                                                     engine: str) -> None:
    """A record whose step was set aside and one whose step was merely late are one shape (the plan's findings are
    the same); only the first's not_handled findings rest on irregular_step, whichever of them was decided first."""
    decider = decider_of(policy)
    j = Jurisdiction.example()
    shapes = set()
    for record in (MISSENT, LATE):
        problem = parse_problem(record, policy, j)
        facts, ctx = derive(problem, policy)
        hits = decider.compiled.fire(problem.area, facts)
        shapes.add(decider.shape(problem, facts, hits, ctx, engine))
    assert len(shapes) == 1  # one plan: the step set aside is told apart after it is found
    township = {("township_government", "not_handled", "staff")}
    for record in (LATE, MISSENT, LATE, MISSENT):
        marked = _marked(policy, record, engine)
        assert (marked >= township) if record is MISSENT else not marked, (record["id"], marked)
        v = policy.who_answers(record, engine=engine)
        ids = {i.id: i.findings for i in v.interpretations}
        assert ("irregular_step" in ids) is (record is MISSENT)


#: The county named as having concealed a water problem the city's audit found (review18b D6).
CONCEALED: dict[str, Any] = {
    "id": "k1", "area": "water", "kind": "water_quality_substandard", "place": "330127", "severity": "minor",
    "discovered": {"level": "city", "channel": "audit", "on": "2021-03-01"}, "concealed_by": ["county"],
    "as_of": "2021-06-30"}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("value", "extra", "concealers"), [
    ("unresolved", {}, {"county_sector_department"}),
    ("unresolved", {"sector": "water"}, {"county_water"}),
    ("handling_holders", {}, {"county_poverty_office", "county_water"}),
])
def test_a_concealer_chosen_by_the_parameter_rests_on_it(policy: Policy, engine: str, value: str,
                                                         extra: dict[str, Any], concealers: set[str]) -> None:
    """review18b D6: a level named as concealer stands for the body concealing_level_body chooses; that finding rests
    on the parameter (the verdict listed it with no finding, and --explain said 据此未另认定主体 of it)."""
    v = policy.with_parameters(concealing_level_body=value).who_answers({**CONCEALED, **extra}, engine=engine)
    hidden = [i for i, f in enumerate(v.findings) if f.basis == "concealed"]
    assert {v.findings[i].body for i in hidden} == concealers
    assert all("concealing_level_body" in v.findings[i].rests_on for i in hidden)
    assert not any("concealing_level_body" in f.rests_on for f in v.findings if f.basis != "concealed")
    assert next(i.findings for i in v.interpretations if i.id == "concealing_level_body") == tuple(hidden)
    assert "concealing_level_body（参数「记录只写明瞒报层级时的瞒报单位」） = " + value + "：#" in v.explain()


@pytest.mark.parametrize("engine", ENGINES)
def test_a_concealer_the_record_names_does_not_rest_on_the_parameter(policy: Policy, engine: str) -> None:
    """A record that names the concealing body, or a level without a role body (the township), chooses nothing by
    the parameter."""
    for who in ("county_water", "township"):
        v = policy.who_answers({**CONCEALED, "place": "330127100219", "concealed_by": [who]}, engine=engine)
        assert any(f.basis == "concealed" for f in v.findings)
        assert not any("concealing_level_body" in f.rests_on for f in v.findings)
        assert "concealing_level_body" not in {i.id for i in v.interpretations}
