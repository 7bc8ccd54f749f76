"""Session 24, fid24b: fidelity of the policy view and the rules data (review23 items #3, #5, #6, #11).

Each test names the clause of 浙扶贫〔2020〕1号 that decides it; every one fails on the code and rules before the change
(the equality checks across engines and the bulk path apart)."""
from __future__ import annotations

import itertools
from typing import Any

import pytest

from responsibility import Jurisdiction, Policy

from .test_batch import TODAY, expected, got

ENGINES = ("durable", "compiled")
VILLAGE, COUNTY = "330127100219", "330127"
NO_DUTY = "assignment_without_rectification_duty"


def _rec(area: str, kind: str | None = None, *, by: str = "county", channel: str = "verification_census",
         to: str | None = "county", to_body: str | None = None, **extra: Any) -> dict[str, Any]:
    """A problem at 富城村 found by ``by`` and assigned to ``to`` (``to_body``), not rectified by the deadline."""
    r: dict[str, Any] = {"id": "x", "area": area, "place": VILLAGE, "severity": "serious", "as_of": "2021-06-30",
                         "discovered": {"level": by, "channel": channel, "on": "2021-03-01"}}
    if kind is not None:
        r["kind"] = kind
    if to is not None:
        step: dict[str, Any] = {"action": "assigned", "by_level": by, "to_level": to, "on": "2021-03-02"}
        if to_body is not None:
            step["to_body"] = to_body
        r["handled"] = [step]
        r["deadline"] = "2021-04-30"
    return {**r, **extra}


def _answers(policy: Policy, record: dict[str, Any], engine: str) -> set[tuple[str, str]]:
    return {(f.body, f.basis) for f in policy.who_answers(record, engine=engine).findings}  # type: ignore[arg-type]


def _rests(policy: Policy, record: dict[str, Any], engine: str) -> set[str]:
    return {i.id for i in policy.who_answers(record, engine=engine).interpretations}  # type: ignore[arg-type]


# ------------------------------------------------------------- review23 #3: 二(二)3 涉及本部门问题, not any department


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("assignee", ["county_civil_affairs", "county_finance", "county_disabled_federation",
                                      "county_poverty_office"])
def test_a_student_handed_to_a_department_without_a_part_in_it_stays_the_schools_and_the_bureaus(
        policy: Policy, engine: str, assignee: str) -> None:
    """二(六)2(1)–(2): identifying aid recipients is the school's and the county education bureau's. 县民政局 (the list
    of low-income students), 县财政局 (paying the funds), 县残联, 县扶贫办 (assisting) have parts in education, not in
    this kind: 二(二)3 负责涉及**本部门**问题的…即时整改 does not make the one it was handed to its rectifier. The
    assignment falls to assignment_without_rectification_duty (level_holds): the county's rectifiers answer."""
    r = _rec("education", "education_student_not_identified", to_body=assignee)
    got_ = _answers(policy, r, engine)
    assert (assignee, "not_rectified") not in got_
    assert {("county_education", "not_rectified"), ("county_school", "not_rectified")} <= got_
    assert NO_DUTY in _rests(policy, r, engine)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("area", "kind", "assignee", "rectifier"), [
    ("housing", "housing_danger_unreported", "county_natural_resources", "county_construction"),
    ("projects", "project_not_deliberated", "county_water", "county_poverty_office"),
    ("funds", "funds_assets_mismanaged", "county_water", "county_finance"),
    ("basic_needs", "basic_needs_payment_late", "county_hrss", "county_civil_affairs"),
])
def test_a_kind_handed_to_a_department_of_another_part_of_the_area(
        policy: Policy, engine: str, area: str, kind: str, assignee: str, rectifier: str) -> None:
    """The same across areas (review23 #3's sweep: 37 of 41 county kinds had such departments): a department whose
    part in the area is not in the kind (自然资源's building land is not a dangerous house unreported, 二(六)4(4);
    a water project is not a village's undeliberated one, 二(五)1–3) is not its rectifier through 二(二)3."""
    r = _rec(area, kind, to_body=assignee)
    got_ = _answers(policy, r, engine)
    assert (assignee, "not_rectified") not in got_
    assert (rectifier, "not_rectified") in got_


@pytest.mark.parametrize("engine", ENGINES)
def test_a_department_with_a_part_in_the_kind_still_rectifies_through_its_line(policy: Policy, engine: str) -> None:
    """Unchanged where the kind gives the department's line a duty: a late project handed to 县水利局 (二(五)3
    各相关部门负责对各自业务范围的项目…检查、验收) is its to rectify (二(二)3), and the parameter is not rested on."""
    r = _rec("projects", "project_late_or_unfinished", to_body="county_water")
    assert ("county_water", "not_rectified") in _answers(policy, r, engine)
    assert NO_DUTY not in _rests(policy, r, engine)


def test_line_concerned_reads_the_kind(policy: Policy) -> None:
    """涉及本部门问题 per kind: 县民政局 is concerned by a missing list (its own, 二(六)2(2)), not by a student the
    school did not identify; without a kind, by any education problem (the record's sector says whose it is)."""
    lc = policy.line_concerned
    assert lc("education", "county_civil_affairs")
    assert lc("education", "county_civil_affairs", "education_lists_not_provided")
    assert not lc("education", "county_civil_affairs", "education_student_not_identified")
    assert lc("education", "city_civil_affairs", "education_student_not_identified")  # 二(六)2(4) 指导、协调
    assert not policy.has_rectification_duty("education", "education_student_not_identified",
                                             "county_civil_affairs", policy.level_rank["village"])


def test_named_assignees_agree_across_engines_and_bulk(policy: Policy, province: Jurisdiction) -> None:
    """The fix is in the policy view (has_rectification_duty), which both engines and the bulk tables read."""
    county = [b for b, x in policy.bodies.items() if x.level == "county" and x.sector and not x.role]
    kinds = [("education", "education_student_not_identified"), ("housing", "housing_danger_unreported"),
             ("funds", "funds_assets_mismanaged"), ("projects", "project_late_or_unfinished"),
             ("basic_needs", "basic_needs_contact_missing"), ("water", "water_unsafe_unreported")]
    village = province.at_level("village")[0].code
    records = [_rec(area, kind, to_body=b, place=village, id=f"a{i}")
               for i, ((area, kind), b) in enumerate(itertools.product(kinds, county))]
    a = policy.assess(records, jurisdiction=province, today=TODAY)
    assert got(a) == expected(policy, province, records, "compiled")
    assert got(a) == expected(policy, province, records, "durable")
