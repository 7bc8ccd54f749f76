"""fid43d: two over-blame findings of review43b (session 43).

- R3: education_aid_not_paid on a record naming no line. Under sectorless_alternatives=unresolved (default) the
  school, whose part (二(六)2(1) 提取、发放) the record does not show failed, is not named 应发现未发现; 县财政局, whose
  监管资助资金 (二(六)2(2)) reaches the school's part, still is. Under every_holder both are. A body handed the
  problem beside another of its level and named 整改不到位 does not also press that body's part of the same
  rectification (一(四): one failure).
- R1: offices_press_every_area (new, default true: the answer earlier reviews pinned). The province's and city's
  poverty office pressing a rectification on 二(二)5 alone cites it; under false the office is named there only where
  the record shows it acting (finder or assignee), and the verdict says the reading left it out.
"""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Jurisdiction, Policy

from .test_batch import TODAY, expected, got
from .verdicts import found as answers
from .verdicts import rested as rests
from .verdicts import variant as with_
from .verdicts import verdict_under as verdict

ENGINES = ("compiled", "durable")
SECTORLESS = "sectorless_alternatives"
OFFICES = "offices_press_every_area"

#: review43b P14: unpaid aid, no line, found by the city, handed to the county as a whole, never fixed
P14: dict[str, Any] = {
    "id": "fid43d-p14", "area": "education", "kind": "education_aid_not_paid", "place": "330127",
    "severity": "minor", "discovered": {"level": "city", "channel": "survey_verification", "on": "2021-03-01"},
    "handled": [{"action": "assigned", "by_level": "city", "to_level": "county", "on": "2021-03-03"}],
    "deadline": "2021-04-30", "as_of": "2021-06-30"}
#: review43b P42: the same, found by the county audit and handed to both finance and the school, never fixed
P42: dict[str, Any] = {
    "id": "fid43d-p42", "area": "education", "kind": "education_aid_not_paid", "place": "330127",
    "severity": "minor",
    "discovered": {"level": "county", "channel": "audit", "on": "2021-03-01", "body": "county_audit"},
    "handled": [{"action": "assigned", "by_level": "county", "to_level": "county", "to_body": "county_finance",
                 "on": "2021-03-03"},
                {"action": "assigned", "by_level": "county", "to_level": "county", "to_body": "county_school",
                 "on": "2021-03-03"}],
    "deadline": "2021-04-15", "as_of": "2021-06-30"}
#: review43b W12: 市水利 found unmaintained water works and handed them to 县水利; never fixed
W12: dict[str, Any] = {
    "id": "fid43d-w12", "area": "water", "kind": "water_facilities_unmaintained", "place": "330127100219",
    "severity": "serious",
    "discovered": {"level": "city", "channel": "research_supervision", "on": "2021-03-01", "body": "city_water"},
    "handled": [{"action": "assigned", "by_level": "city", "to_level": "county", "to_body": "county_water",
                 "on": "2021-03-03"}],
    "deadline": "2021-04-30", "as_of": "2021-06-30"}




# ---------------------------------------------------------------- R3

@pytest.mark.parametrize("engine", ENGINES)
def test_sectorless_unpaid_aid_does_not_name_the_school_at_discovery(policy: Policy, engine: str) -> None:
    """unresolved: finance (its 监管 reaches the school's part) answers 应发现未发现, the school does not (fails before:
    both were named); the verdict rests on the parameter."""
    v = verdict(policy, P14, engine)
    assert ("county_finance", "not_discovered") in answers(v)
    assert ("county_school", "not_discovered") not in answers(v), answers(v)
    assert SECTORLESS in rests(v)


@pytest.mark.parametrize("engine", ENGINES)
def test_every_holder_still_names_the_school(policy: Policy, engine: str) -> None:
    """every_holder keeps its documented answer: each department whose part it may be answers (guard)."""
    v = verdict(policy, P14, engine, **{SECTORLESS: "every_holder"})
    assert {("county_finance", "not_discovered"), ("county_school", "not_discovered"),
            ("county_school", "not_rectified"), ("county_finance", "not_rectified")} <= answers(v)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_record_of_the_schools_line_still_names_the_school(policy: Policy, engine: str) -> None:
    """A record whose sector is the school's names it at discovery (guard: the record shows its part failed)."""
    v = verdict(policy, with_(P14, sector="school"), engine)
    assert ("county_school", "not_discovered") in answers(v), answers(v)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_co_assignee_named_not_rectified_does_not_also_press(policy: Policy, engine: str) -> None:
    """P42: finance and the school both handed it: each answers 整改不到位; finance is not named 指导督促 of the same
    rectification too (fails before), nor is the school named 应发现未发现 (unresolved)."""
    v = verdict(policy, P42, engine)
    got_ = answers(v)
    assert {("county_finance", "not_rectified"), ("county_school", "not_rectified")} <= got_
    assert ("county_finance", "supervision") not in got_, got_
    assert ("county_school", "not_discovered") not in got_, got_
    assert ("county_government", "supervision") in got_


# ---------------------------------------------------------------- R1

def test_the_parameter_is_documented_with_the_text(policy: Policy) -> None:
    p = policy.parameters[OFFICES]
    assert p.value is True
    assert {"一(四)", "二(二)5", "二(一)1(3)"} <= set(p.clauses)
    assert "省市有关部门" in p.why and "默认" in (p.why_zh or "")


@pytest.mark.parametrize("engine", ENGINES)
def test_the_office_pressing_on_2_2_5_alone_cites_the_reading(policy: Policy, engine: str) -> None:
    """Default (true): 市扶贫办 presses 县水利's rectification on [一(四), 二(二)5], as pinned, and says it rests on the
    reading (fails before: nothing cited it)."""
    v = verdict(policy, W12, engine)
    office = [f for f in v.findings if f.body == "city_poverty_office" and f.basis == "supervision"]
    assert office and all(OFFICES in f.rests_on for f in office)
    assert all(OFFICES not in f.rests_on for f in v.findings if f.body != "city_poverty_office")


@pytest.mark.parametrize("engine", ENGINES)
def test_false_leaves_out_an_office_the_record_does_not_show_acting(policy: Policy, engine: str) -> None:
    """false: 市水利 found it and handed it down; the office is not named, 市水利 still presses, and the verdict
    says the reading left the office out."""
    v = verdict(policy, W12, engine, **{OFFICES: False})
    assert ("city_poverty_office", "supervision") not in answers(v), answers(v)
    assert ("city_water", "supervision") in answers(v)
    assert OFFICES in rests(v)
    before = verdict(policy, W12, engine)
    assert answers(before) - answers(v) == {("city_poverty_office", "supervision")}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("as_", ["finder", "assignee"])
def test_false_keeps_an_office_the_record_shows_acting(policy: Policy, engine: str, as_: str) -> None:
    """false: the office that found the problem, or was handed it at its level, still presses."""
    if as_ == "finder":
        r = with_(W12, discovered={**W12["discovered"], "body": "city_poverty_office"})
    else:
        r = with_(W12, discovered={k: v for k, v in W12["discovered"].items() if k != "body"},
                  handled=[{"action": "assigned", "by_level": "city", "to_level": "city",
                            "to_body": "city_poverty_office", "on": "2021-03-02"}, *W12["handled"]])
    v = verdict(policy, r, engine, **{OFFICES: False})
    assert ("city_poverty_office", "supervision") in answers(v), answers(v)


@pytest.mark.parametrize("engine", ENGINES)
def test_false_keeps_the_office_named_by_the_kinds_own_clause(policy: Policy, engine: str) -> None:
    """A kind whose own clause names the office (二(六)2(4) 扶贫部门, a record of its line) keeps it under false."""
    r = with_(P14, sector="poverty_office")
    for value in (True, False):
        v = verdict(policy, r, engine, **{OFFICES: value})
        office = [f for f in v.findings if f.body == "city_poverty_office" and f.basis == "supervision"]
        assert office, answers(v)
        assert all(OFFICES not in f.rests_on for f in office)


@pytest.mark.parametrize("value", [True, False])
def test_bulk_agrees_with_who_answers_under_each_value(policy: Policy, value: bool) -> None:
    """The bulk path gives the rows who_answers gives under each value (the office left out under false)."""
    base = [W12, P14, P42, with_(P14, sector="school"),
            with_(W12, discovered={**W12["discovered"], "body": "city_poverty_office"}),
            with_(W12, rectified_on="2021-04-20")]
    records = [{**with_(r, severity=s), "id": f"fid43d-bulk-{i}-{s}"} for i, r in enumerate(base)
               for s in ("minor", "serious", "grave")]
    j = Jurisdiction.example()
    p = policy.with_parameters(**{OFFICES: value})
    a = p.assess(records, jurisdiction=j, today=TODAY)
    assert a.assessed == len(records)
    assert got(a) == expected(p, j, records, "compiled")
    named = {(row[0], row[4], row[8]) for row in got(a)[0]}
    assert ((0, "city_poverty_office", "supervision") in named) is value
    assert (3 * 4, "city_poverty_office", "supervision") in named
