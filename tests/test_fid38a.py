"""A record's line that gives its level no part, and a school that hid its problem from its county's check
(session 38, fid38a; review37 D1, Y4, D2).

1. A level named as concealer (``concealed_by: [county]``) of a problem whose record names a line (``sector``): the
   line's department stands for the level only where the kind gives it a part (二(二)3 涉及本部门问题); else the one
   body the kind gives the level, as for a level that received it (engine/_facts.receiving_body, session 37): a
   dangerous house the county hid, in 民政's line, is 县建设部门's (二(六)4(3)), not 县民政局's, whose part in a
   house is 二(六)4(4)'s 信息对比 of a renovation. The bulk path (batch/_core.line_body) gives the same.
2. A city's health policy a record puts in 财政's line, reported to the city by the county and left there: 二(六)3(5)
   gives the city's part to 医保、卫健等相关行业主管部门 and 财政 none; the line says nothing of who of the city had it,
   and whom a record naming no line gives answers (市相关行业主管部门（问题所属部门）, unresolved, 二(六)3(5)) — not
   the 扶贫办 alone through 二(二)5 指导督促基层 (H-26, R20-1: a level's own policy is no 基层 problem).
3. A school that hid its problem from 县教育局's 核查 (二(六)2(2) 县教育局负责各有关学校学生资助对象认定、审核): below
   its county by unit_below_own_level (true), as for discovery, it conceals from a 上级核查 (一(四)) and answers
   瞒报漏报, not also 应发现未发现; with the parameter false the record is refused as concealment within a level.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from responsibility import Jurisdiction, Policy, ProblemError
from responsibility.engine._facts import receiving_body

from .test_batch import TODAY, expected, got
from .test_fid28a import ENGINES, PLACE, found


def same_in_bulk(policy: Policy, records: list[dict[str, Any]]) -> None:
    """Bulk equals who_answers, rejects included (fid28a's check, less its all-assessed: a school's concealment
    within its level is refused under unit_below_own_level false, by both)."""
    j = Jurisdiction.example()
    assert got(policy.assess(records, jurisdiction=j, today=TODAY)) == expected(policy, j, records, "compiled")

# --------------------------------------------------------------- 1. a level named as concealer, with a line

def hidden_house(sector: str | None, **extra: Any) -> dict[str, Any]:
    """An unreported dangerous house the city's check found and the county hid."""
    r = {"id": "h", "area": "housing", "kind": "housing_danger_unreported", "place": PLACE, "severity": "minor",
         "discovered": {"level": "city", "channel": "higher_level_verification", "on": "2021-03-01"},
         "concealed_by": ["county"], "as_of": "2021-06-30", **extra}
    if sector is not None:
        r["sector"] = sector
    return r


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("sector", ["civil_affairs", "county_civil_affairs", "construction", None])
def test_a_line_with_no_part_does_not_name_its_department_as_concealer(policy: Policy, engine: str,
                                                                       sector: str | None) -> None:
    # fails before with 民政's line: 县民政局 was named 瞒报漏报 for a house it has no part in finding or passing on
    hid = {b for b, basis in found(policy, hidden_house(sector), engine) if basis == "concealed"}
    assert hid == {"county_construction"}


def test_the_concealers_line_body() -> None:
    import responsibility
    from responsibility.engine._facts import line_concealer

    p = responsibility.load()
    assert line_concealer(p, "housing", "housing_danger_unreported", "county", "civil_affairs") == "county_construction"
    # a department with a part in the kind at any stage still stands for its level: the county water-supply unit,
    # whose part is the supply's own management (二(六)5(3); R6-45)
    assert line_concealer(p, "water", "water_unsafe_unreported", "county", "water_supply") == \
        "county_water_supply_unit"
    # a department with no part in the kind at all, where its line decides nothing else: whom a record naming no
    # line gives (二(六)1(3) 审批社会救助对象: 县民政局, not 县人社局), but not the role
    assert line_concealer(p, "basic_needs", "basic_needs_approval_late", "county", "hrss") == "county_civil_affairs"
    # a line the level has no department of: its role, as before
    assert line_concealer(p, "funds", "funds_diverted", "county", "agriculture") == "county_sector_department"
    assert line_concealer(p, "housing", "housing_danger_unreported", "village", "civil_affairs") is None


def test_the_bulk_concealer_equals_who_answers(policy: Policy) -> None:
    # (a guard: before, both paths named 县民政局 alike; line_body now asks line_concealer per area and kind)
    same_in_bulk(policy, [{**hidden_house(s), "id": f"h-{s}"} for s in ("civil_affairs", "construction", None)]
                 + [{**health_gap("finance", concealed=True), "id": "g"}])


def test_line_body_reads_each_records_kind(policy: Policy) -> None:
    from responsibility.batch._core import line_body
    from responsibility.batch._tables import Tables
    from responsibility.engine._decide import decider_of

    t = Tables(policy, Jurisdiction.example(), decider_of(policy))
    housing, water = t.areas.index("housing"), t.areas.index("water")
    kinds = np.array([t.kind_index["housing_danger_unreported"], t.kind_index["water_unsafe_unreported"]], np.int32)
    lines = np.array([t.line_index["civil_affairs"], t.line_index["health"]], np.int32)
    county = np.full(2, t.rank["county"], np.int32)
    out = line_body(t, np.array([housing, water], np.int32), kinds, county, lines)
    # (卫健's part in water is 水质监测, 二(六)5(4), none in an unsafe supply left unreported: 县水利部门's)
    assert [t.bodies[i] for i in out.tolist()] == ["county_construction", "county_water"]


# --------------------------------------------------------------- 2. Y4: a line with no part in a city's policy

def health_gap(sector: str | None, *, concealed: bool = False) -> dict[str, Any]:
    """A health policy gap 县财政局 found and reported to the city, which sat on it (concealed: the city's own gap,
    found by the province's inspection, which the city hid)."""
    if concealed:
        r: dict[str, Any] = {
            "id": "g", "area": "health", "kind": "health_policy_gap", "place": "3301", "severity": "minor",
            "discovered": {"level": "province", "channel": "inspection_tour", "on": "2021-03-01"},
            "concealed_by": ["city"], "as_of": "2021-06-30"}
    else:
        r = {"id": "g", "area": "health", "kind": "health_policy_gap", "place": "330127", "severity": "minor",
             "discovered": {"level": "county", "channel": "dynamic_tracking", "on": "2021-03-01",
                            "body": "county_finance"},
             "handled": [{"action": "reported", "by_level": "county", "to_level": "city", "on": "2021-03-03"}],
             "as_of": "2021-06-30"}
    if sector is not None:
        r["sector"] = sector
    return r


@pytest.mark.parametrize("engine", ENGINES)
def test_a_line_with_no_part_in_a_citys_policy_reads_as_none(policy: Policy, engine: str) -> None:
    # fails before: 市扶贫办 alone, through 二(二)5 指导督促基层
    v = policy.who_answers(health_gap("finance"), engine=engine)  # type: ignore[arg-type]
    city = [(f.body, f.basis, f.clauses) for f in v.findings if f.level == "city"]
    assert city == [("city_sector_department", "not_handled", ("一(三)", "一(四)", "二(六)3(5)"))]
    # as a record naming no line does; a line that has a part names its department (二(六)3(5) 医保)
    assert found(policy, health_gap(None), engine) == {("city_sector_department", "not_handled")}
    assert found(policy, health_gap("medical_insurance"), engine) == {("city_medical_insurance", "not_handled")}


def test_the_receiving_body_for_a_line_with_no_part() -> None:
    import responsibility

    p = responsibility.load()
    county = p.level_rank["county"]
    assert receiving_body(p, "health", "health_policy_gap", "city", "finance", county) == "city_sector_department"
    assert receiving_body(p, "health", "health_policy_gap", "city", "medical_insurance", county) == \
        "city_medical_insurance"


@pytest.mark.parametrize("engine", ENGINES)
def test_a_city_that_hid_its_own_gap_in_a_line_with_no_part(policy: Policy, engine: str) -> None:
    # fails before: 市财政局 was named 瞒报漏报 for a health policy 二(六)3(5) gives it no part in
    hid = {b for b, basis in found(policy, health_gap("finance", concealed=True), engine) if basis == "concealed"}
    assert hid == {"city_sector_department"}


def test_a_line_gap_in_bulk_equals_who_answers(policy: Policy) -> None:
    same_in_bulk(policy, [{**health_gap(s), "id": f"g-{s}"} for s in ("finance", "medical_insurance", None)])


# --------------------------------------------------------------- 3. D2: a school hid it from 县教育局's 核查

def school_hid(**extra: Any) -> dict[str, Any]:
    """Z05: 县教育局's 核查 found a student not identified; the school had hidden it."""
    return {"id": "z", "area": "education", "kind": "education_student_not_identified", "place": "330127",
            "severity": "minor",
            "discovered": {"level": "county", "channel": "verification_census", "on": "2021-03-01",
                           "body": "county_education"},
            "concealed_by": ["county_school"], "as_of": "2021-06-30", **extra}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("severity", "liabilities"), [("minor", {"staff"}), ("serious", {"staff", "unit"}),
                                                       ("grave", {"staff", "unit", "leadership"})])
def test_a_school_that_hid_it_from_its_countys_check_conceals(policy: Policy, engine: str, severity: str,
                                                             liabilities: set[str]) -> None:
    # fails before: refused as concealment within a level
    v = policy.who_answers(school_hid(severity=severity), engine=engine)  # type: ignore[arg-type]
    school = {(f.basis, f.liability) for f in v.findings if f.body == "county_school"}
    assert school == {("concealed", x) for x in liabilities}  # not also 应发现未发现
    assert "unit_below_own_level" in {i.id for i in v.interpretations}


def test_with_the_school_of_its_level_the_record_is_refused(policy: Policy) -> None:
    p = policy.with_parameters(unit_below_own_level=False)
    with pytest.raises(ProblemError) as err:
        p.who_answers(school_hid())
    assert err.value.code == "concealment" and err.value.field == "concealed_by[0]"


def test_a_school_that_found_it_did_not_hide_it(policy: Policy) -> None:
    r = school_hid(discovered={"level": "county", "channel": "verification_census", "on": "2021-03-01",
                               "body": "county_school"})
    with pytest.raises(ProblemError) as err:
        policy.who_answers(r)
    assert err.value.code == "concealment"


@pytest.mark.parametrize("value", [True, False])
def test_a_school_concealer_in_bulk_equals_who_answers(policy: Policy, value: bool) -> None:
    p = policy.with_parameters(unit_below_own_level=value)
    same_in_bulk(p, [{**school_hid(severity=s), "id": f"z-{s}"} for s in ("minor", "serious", "grave")])
