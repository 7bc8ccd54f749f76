"""fid65: a level named with no body (concealer or receiver) stands for the same body on every path, the one the text
ties to the kind there (check59's six disagreements).

1. check59 BP1, BP2, BP5 (over-blame). 二(六)1(5) 省市行业主管部门：负责制定"两不愁"有关政策措施 names no department;
   the rules read it as 民政's (social assistance) or the 扶贫办's (income, the floor line), each for its own field
   (``basic_needs_province_city_policy``, by_sector), and a policy gap naming no line is found and amended by the
   level's 问题所属部门. A city or province that sat on such a gap, or hid it, was 市/省民政 outright: the handling
   stage held only 民政's 统筹协调、指导督促开展社会救助工作. Passing a gap in the policy on (一(三)
   省市两级及时回应基层反映问题，通过政策完善…) is now also the part of those who make it, each for its own field:
   the role, once; a record of the office's line names the office, one of 民政's names 民政
   (rules/areas/basic_needs.yaml).
2. check59 CC1, CC2 and water. A city (or the province) named as concealer, whose one holder of the kind's handling is
   the 扶贫办 by 二(二)5 指导督促基层 alone, was the role on 一(四) alone, where the same level receiving the problem,
   and concealing_level_body's other value, name the department the text ties to the kind's work there: 市民政 for
   identification (二(三)6; the 扶贫办 only 协助, 二(三)7) and social assistance (二(六)1(5)), 市水利 for rural water
   (二(六)5(6)). It now names that department under either value (engine/_facts.concealing_role).
3. check59 GC4. A county named as concealer of untrue pushed information was the role on 一(四) alone: 县民政局's 核对
   (二(三)3, a part in finding it only) counted as a department's part. The county's one holder of the handling is the
   扶贫办, by 二(三)4 对推送对象信息的真实性、完整性负责, as the same county receiving it names (check51 #3): it is now
   named on its clause (engine/_facts.standing_body).
"""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Policy
from responsibility.engine._facts import concealing_role, receiving_body

from .verdicts import batch_and_answers, found, rested
from .verdicts import verdict_under as verdict

ENGINES = ("compiled", "durable")
CONCEALER = "concealing_level_body"
RECEIVER = "receiving_level_body"
V, C, CITY = "330127100219", "330127", "3301"


def _rec(rid: str, area: str, kind: str, place: str = V, **k: Any) -> dict[str, Any]:
    r = {"id": rid, "area": area, "kind": kind, "place": place, "as_of": "2021-03-05"}
    r.update(k)
    return r


def _disc(level: str, channel: str) -> dict[str, str]:
    return {"level": level, "channel": channel, "on": "2021-03-01"}


def _rep(by: str, to: str, on: str) -> dict[str, str]:
    return {"action": "reported", "by_level": by, "to_level": to, "on": on}


HOT = _disc("county", "hotline")
PTOUR = _disc("province", "inspection_tour")

# check59 BP1, BP2, BP5 and a record of each line the kind gives a part
BP1 = _rec("bp1", "basic_needs", "basic_needs_policy_gap", C, discovered=HOT,
           handled=[_rep("county", "city", "2021-03-03")], as_of="2021-03-25")
BP2 = _rec("bp2", "basic_needs", "basic_needs_policy_gap", CITY, discovered=_disc("province", "research_supervision"),
           concealed_by=["city"])
BP5 = _rec("bp5", "basic_needs", "basic_needs_policy_gap", C, discovered=HOT,
           handled=[_rep("county", "city", "2021-03-03"), _rep("city", "province", "2021-03-04")], as_of="2021-03-25")
BP1_OFFICE = {**BP1, "id": "bp1-office", "sector": "poverty_office"}
BP1_CIVIL = {**BP1, "id": "bp1-civil", "sector": "civil_affairs"}
# check59 CC1, CC2 and the water kind check59 saw (the province, which no level above it checks here, by its tables)
CC1 = _rec("cc1", "identification", "identification_applicant_not_included", discovered=PTOUR, concealed_by=["city"])
CC2 = _rec("cc2", "basic_needs", "basic_needs_approval_late", discovered=PTOUR, concealed_by=["city"])
WATER = _rec("water", "water", "water_project_quality_unsafe", discovered=PTOUR, concealed_by=["city"])
# check59 GC4
GC4 = _rec("gc4", "identification", "identification_pushed_info_untrue",
           discovered=_disc("city", "survey_verification"), concealed_by=["county"])
# controls: a dangerous house the city hid (市住建, 二(六)4(6), as before); diverted funds (several lines: the role);
# an unreported eligible household the county sat on (县民政局, review18b D7, as before)
HOUSE = _rec("house", "housing", "housing_danger_unreported", discovered=PTOUR, concealed_by=["city"])
FUNDS = _rec("funds", "funds", "funds_diverted", discovered=PTOUR, concealed_by=["city"])
OMITTED = _rec("omitted", "identification", "identification_eligible_omitted", discovered=HOT, as_of="2021-03-25")

ALL = [BP1, BP2, BP5, BP1_OFFICE, BP1_CIVIL, CC1, CC2, WATER, GC4, HOUSE, FUNDS, OMITTED]


def _at(v: Any, basis: str, level: str) -> set[str]:
    return {f.body for f in v.findings if f.basis == basis and f.level == level}


# ------------------------------------------------------------------ 1. a lineless 两不愁 policy gap: the role


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("record", "basis", "level"), [(BP1, "not_handled", "city"), (BP2, "concealed", "city"),
                                                       (BP5, "not_handled", "province")], ids=["BP1", "BP2", "BP5"])
def test_a_lineless_basic_needs_policy_gap_names_the_role_not_civil_affairs(
        policy: Policy, engine: str, record: dict[str, Any], basis: str, level: str) -> None:
    v = verdict(policy, record, engine)
    assert _at(v, basis, level) == {f"{level}_sector_department"}, found(v)
    assert not {b for b, _ in found(v)} & {f"{level}_civil_affairs", f"{level}_poverty_office"}


@pytest.mark.parametrize("engine", ENGINES)
def test_a_line_the_policy_gives_a_part_names_that_department(policy: Policy, engine: str) -> None:
    office = next(f for f in verdict(policy, BP1_OFFICE, engine).findings if f.basis == "not_handled")
    assert office.body == "city_poverty_office" and "二(六)1(5)" in office.clauses
    assert _at(verdict(policy, BP1_CIVIL, engine), "not_handled", "city") == {"city_civil_affairs"}


def test_the_receiving_and_concealing_paths_read_the_gap_alike(policy: Policy) -> None:
    for level in ("city", "province"):
        role = f"{level}_sector_department"
        assert concealing_role(policy, "basic_needs", "basic_needs_policy_gap", level) == role
        assert receiving_body(policy, "basic_needs", "basic_needs_policy_gap", level, None, 3) == role


@pytest.mark.parametrize("engine", ENGINES)
def test_handling_holders_still_names_both_fields(policy: Policy, engine: str) -> None:
    # (the other value names each holder of the handling, as before: the reading the default rests on)
    v = verdict(policy, BP1, engine, **{RECEIVER: "handling_holders"})
    assert _at(v, "not_handled", "city") == {"city_civil_affairs", "city_poverty_office"}
    assert RECEIVER in rested(verdict(policy, BP1, engine))


# ------------------------------------------------------------------ 2. a city that only guides: its department


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("value", ["unresolved", "handling_holders"])
@pytest.mark.parametrize(("record", "level", "body", "clause"), [
    (CC1, "city", "city_civil_affairs", "二(三)6"), (CC2, "city", "city_civil_affairs", "二(六)1(5)"),
    (WATER, "city", "city_water", "二(六)5(6)")], ids=["CC1", "CC2", "water"])
def test_a_guiding_level_named_as_concealer_is_the_department_of_the_kind(
        policy: Policy, engine: str, value: str, record: dict[str, Any], level: str, body: str, clause: str) -> None:
    v = verdict(policy, record, engine, **{CONCEALER: value})
    hid = [f for f in v.findings if f.basis == "concealed" and f.level == level]
    assert [f.body for f in hid] == [body], found(v)
    assert clause in hid[0].clauses and CONCEALER in hid[0].rests_on


def test_the_concealing_path_reads_a_guiding_level_as_the_receiving_path(policy: Policy) -> None:
    for area, kind, line in [("identification", "identification_applicant_not_included", "civil_affairs"),
                             ("basic_needs", "basic_needs_payment_late", "civil_affairs"),
                             ("water", "water_project_quality_unsafe", "water")]:
        for level in ("city", "province"):
            assert concealing_role(policy, area, kind, level) == f"{level}_{line}" \
                == receiving_body(policy, area, kind, level, None, 1)


# ------------------------------------------------------------------ 3. the county's one holder by its own work


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("value", ["unresolved", "handling_holders"])
def test_a_county_that_hid_its_untrue_push_is_the_office(policy: Policy, engine: str, value: str) -> None:
    v = verdict(policy, GC4, engine, **{CONCEALER: value})
    hid = [f for f in v.findings if f.basis == "concealed"]
    assert [f.body for f in hid] == ["county_poverty_office"], found(v)
    assert "二(三)4" in hid[0].clauses


# ------------------------------------------------------------------ controls (unchanged)


@pytest.mark.parametrize("engine", ENGINES)
def test_the_controls_are_as_before(policy: Policy, engine: str) -> None:
    assert _at(verdict(policy, HOUSE, engine), "concealed", "city") == {"city_construction"}
    assert _at(verdict(policy, FUNDS, engine), "concealed", "city") == {"city_sector_department"}
    assert _at(verdict(policy, OMITTED, engine), "not_handled", "county") == {"county_civil_affairs"}


# ------------------------------------------------------------------ the batch path


@pytest.mark.parametrize("values", [{}, {CONCEALER: "handling_holders"}, {RECEIVER: "handling_holders"},
                                    {"sectorless_alternatives": "every_holder"}],
                         ids=["default", "conceal_holders", "receive_holders", "every_holder"])
def test_the_batch_gives_what_who_answers_gives(policy: Policy, values: dict[str, Any]) -> None:
    got, want = batch_and_answers(policy.with_parameters(**values) if values else policy, ALL)
    assert got == want
