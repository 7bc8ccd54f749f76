"""Session 23, engine23b: fidelity of the rules data (review23's over-blame items #4–#8).

Each test names the clause of 浙扶贫〔2020〕1号 that decides it; every one fails on the rules before the change."""
from __future__ import annotations

import itertools
from typing import Any

import pytest

from responsibility import Jurisdiction, Policy, ProblemError

from .test_batch import TODAY, expected, got
from .verdicts import answers as _answers
from .verdicts import rests as _rests

ENGINES = ("durable", "compiled")
VILLAGE, TOWNSHIP, COUNTY = "330127100219", "330127100", "330127"
SECTORLESS = "sectorless_alternatives"


def _rec(area: str, kind: str | None = None, *, by: str = "province", channel: str = "survey_verification",
         to: str | None = "county", **extra: Any) -> dict[str, Any]:
    """A problem at 富城村 found by ``by`` and assigned to ``to`` (not rectified by the deadline)."""
    r: dict[str, Any] = {"id": "x", "area": area, "place": VILLAGE, "severity": "serious", "as_of": "2021-06-30",
                         "discovered": {"level": by, "channel": channel, "on": "2021-03-01"}}
    if kind is not None:
        r["kind"] = kind
    if to is not None:
        r["handled"] = [{"action": "assigned", "by_level": by, "to_level": to, "on": "2021-03-01"}]
        r["deadline"] = "2021-04-30"
    return {**r, **extra}


# ------------------------------------------------------------------------------------ review23 #4: sectorless default


def test_sectorless_alternatives_defaults_to_unresolved_with_a_reason(policy: Policy) -> None:
    """The lead's decision: 一(四) 追究相关工作人员责任 — a department whose part the record does not show failed is not
    shown to be 相关; the level's 问题所属部门 once, as concealing_level_body."""
    assert policy.parameter(SECTORLESS) == "unresolved"
    p = next(x for x in policy.data.parameters if x.id == SECTORLESS)
    assert "unresolved (the default)" in p.why and "相关" in p.why
    assert "默认（unresolved）" in p.why_zh


@pytest.mark.parametrize("engine", ENGINES)
def test_lists_not_provided_names_the_role_once_not_both_list_keepers(policy: Policy, engine: str) -> None:
    """二(六)2(2) 县民政局负责提供低收入家庭学生名单。县残联负责提供学龄段持证残疾人名单: a record that does not say
    whose list names 县（市、区）行业主管部门（问题所属部门） once; every_holder names both; a sector names one."""
    r = _rec("education", "education_lists_not_provided")
    lists = {"county_civil_affairs", "county_disabled_federation"}
    once = {b for b, _ in _answers(policy, r, engine)}
    assert "county_sector_department" in once and not once & lists
    assert SECTORLESS in _rests(policy, r, engine)
    every = {b for b, _ in _answers(policy.with_parameters(**{SECTORLESS: "every_holder"}), r, engine)}
    assert lists <= every
    named = {b for b, _ in _answers(policy, {**r, "sector": "disabled_federation"}, engine)}
    assert named & lists == {"county_disabled_federation"}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("value", ["unresolved", "every_holder"])
def test_a_late_allowance_is_never_the_finance_bureaus(policy: Policy, engine: str, value: str) -> None:
    """二(六)1 names no finance duty (二(六)1(3) 县（市、区）行业主管部门：及时审批社会救助对象和发放困难群众基本生活
    保障金, read as civil affairs'; finance's money duties are named in 二(六)2(2), 3(3), 4(4), not here): a late
    allowance makes 县民政局 answer, and 县财政局 under neither value (it did under every_holder: review23 #4)."""
    p = policy.with_parameters(**{SECTORLESS: value})
    got_ = _answers(p, _rec("basic_needs", "basic_needs_payment_late"), engine)
    assert {("county_civil_affairs", "not_discovered"), ("county_civil_affairs", "not_rectified")} <= got_
    assert not {b for b, _ in got_} & {"county_finance", "county_sector_department"}
    assert "basic_needs_county_finance_pay" not in policy.duties


def test_a_two_no_worries_record_in_the_finance_line_is_refused(policy: Policy) -> None:
    """No 两不愁 duty is finance's: a record that puts the problem in the finance line is refused, with the lines
    that have a part."""
    with pytest.raises(ProblemError) as e:
        policy.who_answers(_rec("basic_needs", "basic_needs_payment_late", sector="finance"))
    assert e.value.field == "sector" and "civil_affairs" in str(e.value)
    with pytest.raises(ProblemError):
        policy.who_answers(_rec("basic_needs", sector="finance"))


@pytest.mark.parametrize("engine", ENGINES)
def test_a_sectored_record_does_not_rest_on_the_sectorless_parameter(policy: Policy, engine: str) -> None:
    """review23 #4 (31 sectored records changed with the parameter): an education policy gap in the civil-affairs
    line, found by the city. The city's 扶贫办 passes it on by its own duty (二(二)5 负责指导督促基层问题发现和整改),
    not as one of 二(六)2(4)'s alternatives; under unresolved it rode inside the role, which the record's sector
    resolved to 市民政 alone, and dropped out."""
    r = {"id": "g", "area": "education", "kind": "education_policy_gap", "place": TOWNSHIP, "sector": "civil_affairs",
         "severity": "serious", "as_of": "2021-02-07",
         "discovered": {"level": "city", "channel": "research_supervision", "on": "2021-01-23"}}
    for receiver in ("unresolved", "handling_holders"):  # receiving_level_body: 市扶贫办 named under handling_holders
        p = policy.with_parameters(receiving_level_body=receiver)
        want = _answers(p.with_parameters(**{SECTORLESS: "every_holder"}), r, engine)
        assert ("city_civil_affairs", "not_handled") in want
        assert _answers(p.with_parameters(**{SECTORLESS: "unresolved"}), r, engine) == want, receiver
    assert ("city_poverty_office", "not_handled") in _answers(
        policy.with_parameters(receiving_level_body="handling_holders"), r, engine)
    assert SECTORLESS not in _rests(policy, r, engine)


def test_sectorless_values_in_bulk_equal_who_answers(policy: Policy, province: Jurisdiction) -> None:
    """The kinds review23 #4 and #7 change, with each line and none, found by the province or the county, under both
    values: ``assess`` gives what who_answers gives, record by record."""
    village = province.at_level("village")[0].code
    kinds = [("basic_needs", "basic_needs_payment_late"), ("basic_needs", "basic_needs_employment_insufficient"),
             ("basic_needs", "basic_needs_below_floor"), ("basic_needs", None),
             ("education", "education_lists_not_provided"), ("education", "education_policy_gap"),
             ("health", "health_assistance_late"), ("identification", "identification_eligible_omitted")]
    records = []
    for i, ((area, kind), sector, by) in enumerate(itertools.product(
            kinds, (None, "civil_affairs", "hrss", "poverty_office", "finance", "medical_insurance"),
            ("province", "county"))):
        if sector is not None and sector not in policy.sectors_with_part(area):
            continue
        r = _rec(area, kind, by=by, channel="survey_verification" if by == "province" else "hotline",
                 place=village, id=f"s{i}")
        if sector is not None:
            r["sector"] = sector
        records.append(r)
    assert len(records) > 40
    for p in (policy, policy.with_parameters(**{SECTORLESS: "every_holder"})):
        a = p.assess(records, jurisdiction=province, today=TODAY)
        assert got(a) == expected(p, province, records, "compiled")
        assert got(a) == expected(p, province, records, "durable")


# ------------------------------------------------------------------------------- review23 #7: employment, by line


@pytest.mark.parametrize("engine", ENGINES)
def test_employment_is_the_poverty_offices_or_human_resources_by_line(policy: Policy, engine: str) -> None:
    """一(一) 低收入农户创业就业不充分; 二(六)1(3) 县（市、区）行业主管部门：…做好低收入农户增收 names no department.
    Read by line: 县扶贫办 or 县人社局 (a record in the hrss line was refused before); with no line, the role once."""
    r = _rec("basic_needs", "basic_needs_employment_insufficient")
    for sector, body, other in (("hrss", "county_hrss", "county_poverty_office"),
                                ("poverty_office", "county_poverty_office", "county_hrss")):
        got_ = _answers(policy, {**r, "sector": sector}, engine)
        assert {(body, "not_discovered"), (body, "not_rectified")} <= got_, sector
        assert other not in {b for b, _ in got_} and "county_civil_affairs" not in {b for b, _ in got_}
    plain = _answers(policy, r, engine)
    assert ("county_sector_department", "not_rectified") in plain
    assert not {b for b, _ in plain} & {"county_hrss", "county_poverty_office", "county_civil_affairs"}
    assert SECTORLESS in _rests(policy, r, engine)
    every = {b for b, _ in _answers(policy.with_parameters(**{SECTORLESS: "every_holder"}), r, engine)}
    assert {"county_hrss", "county_poverty_office"} <= every


@pytest.mark.parametrize("engine", ENGINES)
def test_a_kindless_two_no_worries_record_does_not_reach_human_resources(policy: Policy, engine: str) -> None:
    """The 人社 part is a named sub-part (employment): a 两不愁 record with no kind and no line is not taken to concern
    县人社局 (二(二)3 涉及本部门问题)."""
    assert "county_hrss" not in {b for b, _ in _answers(policy, _rec("basic_needs"), engine)}


# ------------------------------------------------------------------ review23 #8: which units are below their level


@pytest.mark.parametrize("engine", ENGINES)
def test_the_water_supply_unit_is_the_countys_level_and_the_school_below_it_as_the_whys_say(
        policy: Policy, engine: str) -> None:
    """二(六)5(3) calls the water-supply unit 县级统管单位: a county find of a water-quality failure is the county
    level's own (no not_discovered for it by default; as the county's departments under outside_channel_finder_level);
    二(六)2(1)
    never calls a school 县级: by unit_below_own_level it answers for missing what a county audit found. The whys of
    the two parameters said units at the county were all of the county's level (review23 #8)."""
    unit = ("county_water_supply_unit", "not_discovered")
    water = _rec("water", "water_quality_test_failed", by="county", channel="audit", to=None)
    assert unit not in _answers(policy, water, engine)
    assert unit in _answers(policy.with_parameters(outside_channel_finder_level=True), water, engine)
    # (a record of the school's line: one naming no line names finance alone, whose 监管 reaches the school's part,
    # under sectorless_alternatives' default — fid43d, review43b R3)
    school = _rec("education", "education_aid_not_paid", by="county", channel="audit", to=None, sector="school")
    assert ("county_school", "not_discovered") in _answers(policy, school, engine)
    assert ("county_school", "not_discovered") not in _answers(
        policy.with_parameters(unit_below_own_level=False), school, engine)
    assert policy.failures["not_discovered"].below_own_level == ["school"]
    why = {p.id: (p.why, p.why_zh) for p in policy.data.parameters}
    outside, below = why["outside_channel_finder_level"], why["unit_below_own_level"]
    assert "only when unit_below_own_level is false" in outside[0] and "县级统管单位" in outside[1]
    assert "water-supply unit is not among them" in below[0] and "县级统管单位不在此列" in below[1]
