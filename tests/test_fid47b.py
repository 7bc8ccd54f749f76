"""fid47b: 二(六) 两不愁三保障 read clause by clause against check47b's findings.

- A water problem the village has no part in fixing (a test failure, 二(六)5(3) 落实水质自检…确保供水达标;
  emergency supply, 二(六)5(3) 做好应急保供保障) is not the village's to rectify: 二(六)5(1) gives it
  及时上报…日常巡查, and 二(二)1's generic 整改工作负责 yields to the item's own division, as in
  housing_renovation_late (review29 #10). A pass-down to it is no 交办 (irregular_step): the township (or the
  county) that made it answers, and the village no longer answers 整改不到位 on [一(四), 二(二)1] alone (check47b
  #1). The joined works/funds kind follows joined_records_both_halves, as its discovery does.
- A record of 教育/健康/两不愁 with no `kind` reads the by-line duties as the kinds do: the level's 问题所属部门
  once on sectorless_alternatives, not every department of 二(六)2(4) (or 二(六)3(5)) 指导督促不到位, nor both
  县民政局 and 县扶贫办 应发现未发现/整改不到位 (check47b #2). joint_guidance_every_line (true) and every_holder
  restore the old answer.
- 二(六)3(5)'s supplementary insurance (check47b #5) is left as pinned (review38 r38-21, review40, review42,
  review43b): by line the city's 问题所属部门 stands for 医保 or 卫健 once, a record of the office's line names
  neither; the joint reading names both. Pinned here so that a change to it is a decision.
"""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Policy

from .verdicts import batch_and_answers, found
from .verdicts import finder as _found
from .verdicts import step as _a
from .verdicts import variant as with_
from .verdicts import verdict_under as verdict
from .verdicts import village_record as _record

ENGINES = ("compiled", "durable")
VILLAGE = ("village_committee", "village_party_branch")
JOINED = "joined_records_both_halves"
JOINT = "joint_guidance_every_line"
SECTORLESS = "sectorless_alternatives"
IRREGULAR = "irregular_step"

_HOTLINE = _found("county", channel="hotline")
_GRID = _found("township", channel="grid")
#: county → township → village (check47b H5)
_DOWN = [_a("county", "township"), _a("township", "village", on="2021-03-05")]

#: check47b F2_test_H5: a hotline report of water failing a test, handed down to the village
TEST_H5 = _record("fid47b-test-h5", "water", "water_quality_test_failed", _HOTLINE, _DOWN)
#: the county hands it to the village directly
TEST_CV = _record("fid47b-test-cv", "water", "water_quality_test_failed", _HOTLINE, [_a("county", "village")])
#: the township's grid finds it and hands it to the village
TEST_T4 = _record("fid47b-test-t4", "water", "water_quality_test_failed", _GRID, [_a("township", "village")])
EMERG_H5 = _record("fid47b-emerg-h5", "water", "water_emergency_failure", _HOTLINE, _DOWN)
JOINED_H5 = _record("fid47b-joined-h5", "water", "water_project_irregular", _HOTLINE, _DOWN)
#: the project's own precedent (review29 #10): a late renovation handed to the village
HOUSE_T4 = _record("fid47b-house-t4", "housing", "housing_renovation_late", _GRID, [_a("township", "village")])
#: a control where the village's own item makes it the rectifier: 二(六)4(1) 对…验收资料的真实性和准确性负责
RECORDS_T4 = _record("fid47b-records-t4", "housing", "housing_records_false", _GRID, [_a("township", "village")])
#: and a water kind whose village part is its own 及时上报 (二(六)5(1)): left as it was until its reported_on_by (fid66)
#: and review66 F1 — the village only reports unsafe water on, the supply unit makes it safe (二(六)5(3)), so the
#: township's pass-down is no 交办 either
UNREPORTED_T4 = _record("fid47b-unrep-t4", "water", "water_unsafe_unreported", _GRID, [_a("township", "village")])


def _kindless(rid: str, area: str, found_by: dict[str, Any], steps: list[dict[str, Any]],
              **more: Any) -> dict[str, Any]:
    r = _record(rid, area, "x", found_by, steps, **more)
    del r["kind"]
    return r


_CITY_OFFICE = _found("city", "city_poverty_office")
#: check47b NK_edu_CI1: 市扶贫办 finds an education problem naming no kind and hands it to the county
NK_EDU = _kindless("fid47b-nk-edu", "education", _CITY_OFFICE, [_a("city", "county")])
NK_EDU_P = _kindless("fid47b-nk-edu-p", "education", _found("province", channel="inspection_tour"),
                     [_a("province", "county")])
NK_HEALTH = _kindless("fid47b-nk-health", "health", _CITY_OFFICE, [_a("city", "county")])
NK_BASIC = _kindless("fid47b-nk-basic", "basic_needs", _CITY_OFFICE, [_a("city", "county")])
#: the same with a kind (check47b K_edu_CI1_control): what the kindless record must read like
K_EDU = _record("fid47b-k-edu", "education", "education_student_not_identified", _CITY_OFFICE, [_a("city", "county")])

_INS = "health_insurance_not_in_place"
#: check47b F4_ins_sector: 市扶贫办 hands the supplementary insurance to 县扶贫办, the record of the office's line
INS_OFFICE = _record("fid47b-ins-office", "health", _INS, _CITY_OFFICE, [_a("city", "county", "county_poverty_office")],
                     sector="poverty_office")
#: F4_ins_cityMI: 市医保 finds it and hands it to 县扶贫办
INS_CITY_MI = _record("fid47b-ins-mi", "health", _INS, _found("city", "city_medical_insurance"),
                      [_a("city", "county", "county_poverty_office")])
#: HI1: no line, the county as a level
INS_LEVEL = _record("fid47b-ins-level", "health", _INS, _CITY_OFFICE, [_a("city", "county")])


def _at(v: Any, *levels: str) -> set[tuple[str, str]]:
    return {(f.body, f.basis) for f in v.findings if f.level in levels}


def _finding(v: Any, body: str, basis: str) -> Any:
    got = [f for f in v.findings if (f.body, f.basis) == (body, basis)]
    return got[0] if got else None


# ------------------------------------------------------------------ check47b #1: the village and the water's fix


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("record", [TEST_H5, EMERG_H5, JOINED_H5], ids=["test", "emergency", "joined"])
def test_a_water_fix_handed_down_to_the_village_is_the_township_step_out_of_order(
        policy: Policy, engine: str, record: dict[str, Any]) -> None:
    v = verdict(policy, record, engine)
    assert not any(f.body in VILLAGE and f.basis == "not_rectified" for f in v.findings)
    # the township that was handed it answers 整改不到位: its step down was none (irregular_step)
    f = _finding(v, "township_government", "not_rectified")
    assert f is not None and IRREGULAR in f.rests_on
    # and the county, whose assignee failed, presses it
    assert ("county_water", "supervision") in found(v)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_test_failure_handed_by_a_level_to_the_village_is_that_level_not_handling_it(
        policy: Policy, engine: str) -> None:
    # the township's own pass-down, as housing_renovation_late's (the project's precedent)
    for record in (TEST_T4, HOUSE_T4):
        v = verdict(policy, record, engine)
        f = _finding(v, "township_government", "not_handled")
        assert f is not None and IRREGULAR in f.rests_on
        assert not any(f.body in VILLAGE and f.basis == "not_rectified" for f in v.findings)
    # the county's direct pass-down: the county's holder answers, the village nothing
    v = verdict(policy, TEST_CV, engine)
    assert not any(f.body in VILLAGE for f in v.findings)
    assert any(f.basis == "not_handled" and f.level == "county" and IRREGULAR in f.rests_on for f in v.findings)


@pytest.mark.parametrize("engine", ENGINES)
def test_the_village_still_rectifies_where_its_own_item_gives_it_the_part(policy: Policy, engine: str) -> None:
    v = verdict(policy, RECORDS_T4, engine)
    f = _finding(v, "village_committee", "not_rectified")
    assert f is not None and "二(六)4(1)" in f.clauses
    assert _finding(v, "township_government", "not_handled") is None
    # unsafe water only reported on by the village (review66 F1): handed down to it, the township keeps it
    v = verdict(policy, UNREPORTED_T4, engine)
    assert _finding(v, "village_committee", "not_rectified") is None
    f = _finding(v, "township_government", "not_handled")
    assert f is not None and IRREGULAR in f.rests_on


@pytest.mark.parametrize("value", (True, False))
def test_the_joined_kind_names_the_village_as_rectifier_only_under_both_halves(policy: Policy, value: bool) -> None:
    v = verdict(policy, JOINED_H5, "compiled", **{JOINED: value})
    f = _finding(v, "village_committee", "not_rectified")
    if value:
        assert f is not None and JOINED in f.rests_on and f.clauses == ("一(四)", "二(二)1")
    else:
        assert f is None
        assert JOINED in _finding(v, "township_government", "not_rectified").rests_on


# ------------------------------------------------------------------ check47b #2: records naming no kind


@pytest.mark.parametrize("engine", ENGINES)
def test_a_kindless_education_record_names_the_level_role_once_as_its_kinds_do(policy: Policy, engine: str) -> None:
    for record, level in ((NK_EDU, "city"), (NK_EDU_P, "province")):
        v = verdict(policy, record, engine)
        pressers = {b for b, basis in _at(v, level) if basis == "supervision"}
        assert pressers == {f"{level}_sector_department", f"{level}_poverty_office"}
        f = _finding(v, f"{level}_sector_department", "supervision")
        assert {SECTORLESS, JOINT} <= set(f.rests_on) and "二(六)2(4)" in f.clauses
        # the county side is untouched: 县教育局 alone
        assert {b for b, _ in _at(v, "county") if b.endswith("education")} == {"county_education"}
    # the kind's record reads the same at the city
    assert _at(verdict(policy, NK_EDU, engine), "city") == _at(verdict(policy, K_EDU, engine), "city")


_FIVE = {"city_education", "city_finance", "city_civil_affairs", "city_hrss", "city_disabled_federation"}


@pytest.mark.parametrize("values", [{JOINT: True}, {SECTORLESS: "every_holder"}], ids=["joint", "every_holder"])
def test_the_other_values_restore_every_department_of_2_6_2_4(policy: Policy, values: dict[str, Any]) -> None:
    v = verdict(policy, NK_EDU, "compiled", **values)
    pressers = {b for b, basis in _at(v, "city") if basis == "supervision"}
    assert pressers >= _FIVE and "city_sector_department" not in pressers
    assert all(set(values) <= set(_finding(v, b, "supervision").rests_on) for b in _FIVE)


def test_a_kindless_record_naming_its_line_names_that_department(policy: Policy) -> None:
    v = verdict(policy, with_(NK_EDU, sector="education"), "compiled")
    assert {b for b, basis in _at(v, "city") if basis == "supervision"} == {"city_education", "city_poverty_office"}


@pytest.mark.parametrize("engine", ENGINES)
def test_a_kindless_health_record_names_the_role_for_medical_insurance_and_health(policy: Policy, engine: str) -> None:
    v = verdict(policy, NK_HEALTH, engine)
    assert {b for b, basis in _at(v, "city") if basis == "supervision"} == {"city_sector_department",
                                                                             "city_poverty_office"}
    both = verdict(policy, NK_HEALTH, engine, **{JOINT: True})
    assert {"city_health", "city_medical_insurance"} <= {b for b, _ in _at(both, "city")}


@pytest.mark.parametrize("engine", ENGINES)
def test_a_kindless_basic_needs_record_names_the_county_role_once(policy: Policy, engine: str) -> None:
    v = verdict(policy, NK_BASIC, engine)
    county = _at(v, "county")
    assert {("county_sector_department", "not_discovered"), ("county_sector_department", "not_rectified")} <= county
    assert not {b for b, _ in county} & {"county_civil_affairs", "county_poverty_office"}
    f = _finding(v, "county_sector_department", "not_rectified")
    assert SECTORLESS in f.rests_on and "二(六)1(3)" in f.clauses
    # every_holder names both, as before; a sector names its department alone
    every = _at(verdict(policy, NK_BASIC, engine, **{SECTORLESS: "every_holder"}), "county")
    assert {("county_civil_affairs", "not_rectified"), ("county_poverty_office", "not_rectified")} <= every
    civil = _at(verdict(policy, with_(NK_BASIC, sector="civil_affairs"), engine), "county")
    assert ("county_civil_affairs", "not_rectified") in civil and "county_poverty_office" not in {b for b, _ in civil}


# ------------------------------------------------------------------ check47b #5: left as pinned


@pytest.mark.parametrize("engine", ENGINES)
def test_the_supplementary_insurance_press_is_read_by_line(policy: Policy, engine: str) -> None:
    # a record of the office's line: its city's 扶贫办 presses on 二(二)5, neither 医保 nor 卫健 — so too one handed to
    # 县扶贫办 naming no sector, even where 市医保 found it: the assignment gives the record the office's line, its own
    # part (二(六)3(3), sectorless_alternatives; check55 #2 — it had named the 问题所属部门 where the same record with
    # sector poverty_office named none)
    for record in (INS_OFFICE, INS_CITY_MI):
        v = verdict(policy, record, engine)
        assert not {b for b, _ in _at(v, "city")} & {"city_health", "city_medical_insurance", "city_sector_department"}
        assert ("city_poverty_office", "supervision") in found(v)
    # naming no line: the 问题所属部门 once for the two
    for record in (INS_LEVEL,):
        f = _finding(verdict(policy, record, engine), "city_sector_department", "supervision")
        assert f is not None and SECTORLESS in f.rests_on and "二(六)3(5)" in f.clauses
    # the joint reading names both
    both = verdict(policy, INS_OFFICE, engine, **{JOINT: True})
    assert {("city_health", "supervision"), ("city_medical_insurance", "supervision")} <= found(both)


# ------------------------------------------------------------------ check47b #4: income naming no line

INCOME = "income_unnamed_line_alternatives"
#: check47b F3_income_hrss: 市人社 finds the county's income raising short and hands it to the county
INC_HRSS = _record("fid47b-inc-hrss", "basic_needs", "basic_needs_income_not_raised", _found("city", "city_hrss"),
                   [_a("city", "county")])


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("value", (True, False))
def test_an_income_record_naming_no_line_names_the_office_or_the_role(policy: Policy, engine: str,
                                                                      value: bool) -> None:
    v = verdict(policy, INC_HRSS, engine, **{INCOME: value})
    who = "county_sector_department" if value else "county_poverty_office"
    county = {(b, basis) for b, basis in _at(v, "county") if basis != "supervision"}
    assert county == {(who, "not_discovered"), (who, "not_rectified")}
    assert all(INCOME in _finding(v, who, basis).rests_on for basis in ("not_discovered", "not_rectified"))
    # a record naming its line names that line's department under either value
    for sector, body in (("hrss", "county_hrss"), ("poverty_office", "county_poverty_office")):
        w = verdict(policy, with_(INC_HRSS, sector=sector), engine, **{INCOME: value})
        county = {b for b, _ in _at(w, "county")}
        assert body in county
        assert not ({"county_poverty_office", "county_hrss", "county_sector_department"} - {body}) & county


def test_every_holder_names_both_income_lines(policy: Policy) -> None:
    v = verdict(policy, INC_HRSS, "compiled", **{INCOME: True, SECTORLESS: "every_holder"})
    assert {("county_poverty_office", "not_rectified"), ("county_hrss", "not_rectified")} <= found(v)


# ------------------------------------------------------------------ the batch


_ALL = [TEST_H5, TEST_CV, TEST_T4, EMERG_H5, JOINED_H5, HOUSE_T4, RECORDS_T4, UNREPORTED_T4, NK_EDU, NK_EDU_P,
        NK_HEALTH, NK_BASIC, K_EDU, with_(NK_EDU, sector="education"), with_(NK_BASIC, sector="civil_affairs"),
        INS_OFFICE, INS_CITY_MI, INS_LEVEL, INC_HRSS, with_(INC_HRSS, sector="hrss")]


@pytest.mark.parametrize("values", [{}, {JOINED: True}, {JOINT: True}, {SECTORLESS: "every_holder"}, {INCOME: True}],
                         ids=["shipped", "joined", "joint", "every_holder", "income"])
def test_the_batch_gives_what_who_answers_gives(policy: Policy, values: dict[str, Any]) -> None:
    got, want = batch_and_answers(policy.with_parameters(**values) if values else policy, _ALL)
    assert got == want
