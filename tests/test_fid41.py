"""fid41: a body handed a problem it cannot rectify that then sits on it (review40 F2, check40 C7), and the clause of
县水利's handling findings in the water kinds whose fixing is the unit's (check40 C8).

- misassigned_body_passes_on (new, default false): under assignment_without_rectification_duty (level_holds) an
  assignment to a body with a part in the kind but no duty to rectify it is the level's; the body that then held the
  problem past the handling limit, passing it nowhere, answers 未及时交办上报 under true (一(四) 对发现问题没有按程序
  及时交办和上报的; 二(二)3 分类办理), and nothing under false. Either way the verdict says it rests on the reading.
- 二(二)3 分类办理 is 县水利's own part at handling (and concealment) in water_quality_test_failed,
  water_quality_substandard, water_emergency_failure and water_unsafe_unreported, though its part there is to pass the
  unit's work on (PolicyView.line_in_kind ``passing_on``)."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from responsibility import Jurisdiction, Policy

from .test_batch import TODAY, expected, got

ENGINES = ("compiled", "durable")
PASSES_ON = "misassigned_body_passes_on"
NO_DUTY = "assignment_without_rectification_duty"
WATER = ("water_quality_test_failed", "water_quality_substandard", "water_emergency_failure",
         "water_unsafe_unreported")

#: review40 F2: late medical aid of the finance line (县财政局负责资金拨付, 二(六)3(3)) handed to 县医保, which sat
#: on it
MEDICAL: dict[str, Any] = {
    "id": "fid41-medical", "area": "health", "kind": "health_assistance_late", "sector": "finance",
    "place": "330127", "severity": "minor",
    "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
    "handled": [{"action": "assigned", "by_level": "county", "to_level": "county",
                 "to_body": "county_medical_insurance", "on": "2021-03-03"}],
    "deadline": "2021-04-30", "as_of": "2021-06-30"}
#: check40 C7: a failure of emergency supply (二(六)5(3) the unit's 应急保供) handed to 县水利, then to 县卫健 (no part)
EMERGENCY: dict[str, Any] = {
    "id": "fid41-emergency", "area": "water", "kind": "water_emergency_failure", "place": "330127100219",
    "severity": "grave",
    "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01", "body": "county_health"},
    "handled": [{"action": "assigned", "by_level": "county", "to_level": "county", "on": "2021-03-03",
                 "to_body": "county_water"},
                {"action": "assigned", "by_level": "county", "to_level": "county", "on": "2021-03-05",
                 "to_body": "county_health"}],
    "deadline": "2021-04-30", "as_of": "2021-06-30"}

#: review21 D4 (f21-1): a renovation handed to the county's keeper of the problem lists (一(三)), no duty to renovate
HOUSE: dict[str, Any] = {
    "id": "fid41-house", "area": "housing", "kind": "housing_renovation_late", "place": "330127100219",
    "severity": "minor", "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
    "handled": [{"action": "assigned", "by_level": "county", "to_level": "county", "to_body": "county_poverty_office",
                 "on": "2021-03-02"}],
    "deadline": "2021-04-01", "as_of": "2021-06-30"}
#: check39-8: school funds used irregularly handed to 县教育局, the school's to put right (二(六)2(1))
SCHOOL_FUNDS: dict[str, Any] = {
    "id": "fid41-school", "area": "education", "kind": "education_funds_irregular", "place": "330127",
    "severity": "minor", "discovered": {"level": "county", "channel": "verification_census", "on": "2021-03-01"},
    "handled": [{"action": "assigned", "by_level": "county", "to_level": "county", "to_body": "county_education",
                 "on": "2021-03-02"}],
    "deadline": "2021-04-30", "as_of": "2021-06-30"}


def with_(record: dict[str, Any], **changes: Any) -> dict[str, Any]:
    r = copy.deepcopy(record)
    r.update(changes)
    r["id"] = f"{r['id']}-{'-'.join(sorted(changes))}"
    return r


def verdict(policy: Policy, record: dict[str, Any], engine: str, passes_on: bool | None = None) -> Any:
    p = policy if passes_on is None else policy.with_parameters(**{PASSES_ON: passes_on})
    return p.who_answers(record, engine=engine)  # type: ignore[arg-type]


def answers(v: Any) -> set[tuple[str, str]]:
    return {(f.body, f.basis) for f in v.findings}


def rests(v: Any) -> set[str]:
    return {i.id for i in v.interpretations}


# ---------------------------------------------------------------- misassigned_body_passes_on

def test_the_parameter_is_documented_with_a_default_that_adds_no_blame(policy: Policy) -> None:
    p = policy.parameters[PASSES_ON]
    assert p.value is False
    assert "二(二)3" in p.clauses and "一(四)" in p.clauses
    assert "default" in p.why and "默认" in (p.why_zh or "")


@pytest.mark.parametrize("engine", ENGINES)
def test_by_default_the_body_that_sat_on_it_is_not_named_and_the_verdict_says_so(policy: Policy,
                                                                                 engine: str) -> None:
    """The level's rectifier answers as before (level_holds), 县医保 is not named, and the verdict names the reading
    that decided it (fails before: no such parameter)."""
    v = verdict(policy, MEDICAL, engine)
    assert ("county_finance", "not_rectified") in answers(v)
    assert not any(f.body == "county_medical_insurance" for f in v.findings)
    assert PASSES_ON in rests(v)


@pytest.mark.parametrize("engine", ENGINES)
def test_under_true_the_body_handed_it_answers_for_not_passing_it_on(policy: Policy, engine: str) -> None:
    """县医保 answers 未及时交办上报 (not 整改不到位), on both readings; 县财政 still answers for the rectification."""
    v = verdict(policy, MEDICAL, engine, True)
    got_ = answers(v)
    assert ("county_medical_insurance", "not_handled") in got_
    assert ("county_medical_insurance", "not_rectified") not in got_
    assert ("county_finance", "not_rectified") in got_
    mine = [f for f in v.findings if f.body == "county_medical_insurance"]
    assert mine and all(NO_DUTY in f.rests_on and "一(四)" in f.clauses for f in mine)
    assert PASSES_ON in rests(v)
    # (under assignee it is the assignee, and answers for the rectification instead)
    a = policy.with_parameters(**{PASSES_ON: True, NO_DUTY: "assignee"}).who_answers(MEDICAL, engine=engine)  # type: ignore[arg-type]
    assert ("county_medical_insurance", "not_rectified") in answers(a)
    assert ("county_medical_insurance", "not_handled") not in answers(a)


@pytest.mark.parametrize("engine", ENGINES)
def test_under_true_a_hand_on_to_a_body_with_no_part_passes_it_to_nobody(policy: Policy, engine: str) -> None:
    """check40 C7: 县水利 passed the emergency to 县卫健, which has no part in 应急保供: 县水利 answers 未及时交办上报
    on irregular_step too, the unit rectifies, and 县卫健 (no assignee) is not named for sitting on it."""
    v = verdict(policy, EMERGENCY, engine, True)
    got_ = answers(v)
    assert ("county_water", "not_handled") in got_
    assert ("county_water_supply_unit", "not_rectified") in got_
    assert not any(b == "county_health" and basis in ("not_handled", "not_rectified") for b, basis in got_)
    mine = [f for f in v.findings if f.body == "county_water" and f.basis == "not_handled"]
    assert all("irregular_step" in f.rests_on for f in mine)
    assert ("county_water", "not_handled") not in answers(verdict(policy, EMERGENCY, engine, False))


@pytest.mark.parametrize("engine", ENGINES)
def test_under_true_nobody_is_named_where_the_record_shows_it_passed_on_or_fixed(policy: Policy,
                                                                                engine: str) -> None:
    """Guards: rectified by the deadline; the verdict's day within the limit; the county hands it to 县财政 within the
    limit of 县医保's day — 县医保 answers for nothing, and the reading decides nothing."""
    passed = with_(MEDICAL, handled=[*MEDICAL["handled"], {
        "action": "assigned", "by_level": "county", "to_level": "county", "to_body": "county_finance",
        "on": "2021-03-10"}])
    for r in (with_(MEDICAL, rectified_on="2021-04-20"), with_(MEDICAL, as_of="2021-03-12"), passed):
        v = verdict(policy, r, engine, True)
        assert not any(f.body == "county_medical_insurance" for f in v.findings), r
        assert PASSES_ON not in rests(v), r
    # handed to 县财政 after 县医保's limit: 县医保 sat on it past its limit
    late = with_(passed, handled=[MEDICAL["handled"][0], {**passed["handled"][1], "on": "2021-03-20"}])
    assert ("county_medical_insurance", "not_handled") in answers(verdict(policy, late, engine, True))


def test_bulk_agrees_with_who_answers_under_both_values(policy: Policy) -> None:
    """The bulk path (batch/_core misassigned_steps: such a record takes the reference path under true) gives the rows
    who_answers gives, under either value (fails before under true: the bulk path named nobody)."""
    # (with no sector, the housing and education records take the fast path under false: review21 D4's renovation
    # handed to the keeper of the lists, check39-8's school funds handed to 县教育局)
    base = [MEDICAL, EMERGENCY, with_(MEDICAL, rectified_on="2021-04-20"), with_(MEDICAL, place="330127100219"),
            HOUSE, with_(HOUSE, as_of="2021-03-05"), with_(HOUSE, place="330127"), SCHOOL_FUNDS]
    records = [{**with_(r, severity=s), "id": f"fid41-bulk-{i}-{s}"} for i, r in enumerate(base)
               for s in ("minor", "serious", "grave")]
    j = Jurisdiction.example()
    for value in (False, True):
        p = policy.with_parameters(**{PASSES_ON: value})
        a = p.assess(records, jurisdiction=j, today=TODAY)
        assert a.assessed == len(records)
        assert got(a) == expected(p, j, records, "compiled")
        named = {(row[4], row[8]) for row in got(a)[0]}
        assert (("county_medical_insurance", "not_handled") in named) is value
        assert (("county_poverty_office", "not_handled") in named) is value
        assert (("county_education", "not_handled") in named) is value


# ---------------------------------------------------------------- check40 C8

def test_line_in_kind_counts_passing_on_at_handling_only(policy: Policy) -> None:
    for kind in WATER:
        assert not policy.line_in_kind("water", kind, "water", "county")
        assert policy.line_in_kind("water", kind, "water", "county", passing_on=True)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("kind", WATER)
def test_the_water_bureau_sitting_on_or_hiding_a_water_problem_cites_sorting_it(policy: Policy, engine: str,
                                                                                kind: str) -> None:
    """县水利 found it on the hotline and held it (check40 A5, A21), or hid it from the city's audit (A7): its
    not_handled and concealed cite 二(二)3 (分类办理) beside 二(六)5(4) (fails before: 二(六)5(4) alone); it is still
    not named 应发现未发现 or 整改不到位 on 二(二)3 (fid40)."""
    sat = {"id": f"fid41-sat-{kind}", "area": "water", "kind": kind, "place": "330127100219", "severity": "minor",
           "discovered": {"level": "county", "channel": "hotline", "body": "county_water", "on": "2021-03-01"},
           "as_of": "2021-06-30"}
    hid = {"id": f"fid41-hid-{kind}", "area": "water", "kind": kind, "place": "330127100219", "severity": "minor",
           "discovered": {"level": "city", "channel": "audit", "on": "2021-03-01"},
           "concealed_by": ["county_water"], "as_of": "2021-06-30"}
    for record, basis in ((sat, "not_handled"), (hid, "concealed")):
        mine = [f for f in policy.who_answers(record, engine=engine).findings  # type: ignore[arg-type]
                if f.body == "county_water"]
        assert any(f.basis == basis for f in mine), (kind, basis)
        for f in mine:
            if f.basis == basis:
                assert "二(二)3" in f.clauses and "二(六)5(4)" in f.clauses, (kind, f.clauses)
            else:
                assert f.basis not in ("not_discovered", "not_rectified"), (kind, f.basis)


# ---------------------------------------------------------------- review40 F4

@pytest.mark.parametrize("engine", ENGINES)
def test_a_false_project_in_the_county_library_is_not_the_villages_to_rectify(policy: Policy, engine: str) -> None:
    """The township found a false project already in the county's library and handed it to the village: the village
    is not named 整改不到位 (二(五)1 确定村级申报项目 cannot take it out; 二(五)3 the county's library), and the
    township, below the kind's authority, answers for not reporting it up (一(三) 对超出本级权限的及时向上级单位
    报送问题) — fails before: the village answered 整改不到位 and the township only pressed it."""
    r = {"id": "fid41-f4", "area": "projects", "kind": "project_false_or_unnecessary", "place": "330127100219",
         "severity": "minor", "discovered": {"level": "township", "channel": "verification_census", "on": "2021-03-01"},
         "handled": [{"action": "assigned", "by_level": "township", "to_level": "village", "on": "2021-03-03"}],
         "deadline": "2021-04-30", "as_of": "2021-06-30"}
    got_ = answers(policy.who_answers(r, engine=engine))  # type: ignore[arg-type]
    assert ("township_government", "not_handled") in got_, got_
    assert not any(b.startswith("village") and basis == "not_rectified" for b, basis in got_), got_
