"""fid48b: 二(六) 两不愁三保障, the village's items read against the kinds that made it a rectifier (fid47b's "noticed,
left"; check47b's weaker cases and #6).

- Water below standard (water_quality_substandard) is put right by the supply unit's 专业管护…确保供水达标 (二(六)5(3))
  under the township's 供水安全保障 (二(六)5(2)); the village's part is 及时上报…水源地日常巡查 (二(六)5(1)). As for a
  failed test (fid47b), its 二(二)1 整改 gives way to the item's own division: a pass-down to it is no 交办
  (irregular_step), the level that made it answers, and the village is no longer named 整改不到位 on 二(二)1 alone. It
  still answers for not finding it (its patrol and report are how such water is known).
- Where the village's own item gives it a part in the fix, it stays a rectifier, now citing that item beside 二(二)1:
  an unprotected source (二(六)5(1) 水源地日常巡查, water_facilities_unmaintained), a household below the floor line
  (二(六)1(1) 及时帮助困难群众申请社会救助，并通过村集体给予直接帮扶) and an eligible household not taken in (二(六)1(1)
  及时帮助困难群众申请社会救助). Who is named there is unchanged.
- check48b #2–#3, read by the same rule: the township handed a badly built works (water_project_quality_unsafe) stays
  its rectifier — the village, 二(六)5(1) 做好供水工程建设, rectifies it, and the township is the step to it; taking the
  township out made the county's step to it no 交办 even where it went on to the village — now citing its own 二(六)5(2)
  负责辖区范围农村供水安全保障工作 beside 二(二)2; and the county Party committee and government press the floor line
  through their own 二(六)1(4) 落实年度低收入农户托底线以下人员消除工作, not through 二(二)4 alone.
- 二(六)3(5) gives the pressing of 医疗补充性政策保险措施 to 医保、卫健等 at 省市, while its county work is 县扶贫办's
  (二(六)3(3)), a line neither holds (check47b #5). insurance_pressed_by_medical_insurance decides: by default the
  record's line (a record of the office's line has no 二(六)3(5) presser, one naming none the 问题所属部门 once), and
  the verdict says it rests on the choice; true reads the insurance as 医保's line, 省市医保 pressing it whatever the
  line.
  Other health kinds read through the same words do not rest on it.
"""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Policy

from .verdicts import batch_and_answers, found
from .verdicts import finder as _found
from .verdicts import step as _a
from .verdicts import verdict_under as verdict
from .verdicts import village_record as _record

ENGINES = ("compiled", "durable")
VILLAGE = ("village_committee", "village_party_branch")
IRREGULAR = "irregular_step"

_HOTLINE = _found("county", channel="hotline")
_GRID = _found("township", channel="grid")
_DOWN = [_a("county", "township"), _a("township", "village", on="2021-03-05")]
_SUB = "water_quality_substandard"

#: the township's grid finds water below standard and hands it to the village
SUB_T4 = _record("fid48b-sub-t4", "water", _SUB, _GRID, [_a("township", "village")])
#: a hotline report handed county → township → village
SUB_H5 = _record("fid48b-sub-h5", "water", _SUB, _HOTLINE, _DOWN)
#: the county hands it straight to the village
SUB_CV = _record("fid48b-sub-cv", "water", _SUB, _HOTLINE, [_a("county", "village")])
#: the township keeps it and does not fix it: the control, unchanged
SUB_TOWN = _record("fid48b-sub-town", "water", _SUB, _HOTLINE, [_a("county", "township")])
#: an unprotected source handed to the village: its 水源地日常巡查 is a part of the after-care (二(六)5(1))
FAC_T4 = _record("fid48b-fac-t4", "water", "water_facilities_unmaintained", _GRID, [_a("township", "village")])
#: a household below the floor line, and an eligible one not taken in, handed to the village
FLOOR_T4 = _record("fid48b-floor-t4", "basic_needs", "basic_needs_below_floor", _GRID, [_a("township", "village")])
ELIG_T4 = _record("fid48b-elig-t4", "basic_needs", "basic_needs_eligible_not_included", _GRID,
                  [_a("township", "village")])


def _finding(v: Any, body: str, basis: str) -> Any:
    got = [f for f in v.findings if (f.body, f.basis) == (body, basis)]
    return got[0] if got else None


@pytest.mark.parametrize("engine", ENGINES)
def test_substandard_water_handed_to_the_village_is_the_passing_levels_step_out_of_order(
        policy: Policy, engine: str) -> None:
    # the township's own pass-down answers 未按程序交办; the village, not its fixer, is no 整改不到位
    v = verdict(policy, SUB_T4, engine)
    f = _finding(v, "township_government", "not_handled")
    assert f is not None and IRREGULAR in f.rests_on
    assert not any(f.body in VILLAGE and f.basis == "not_rectified" for f in v.findings)
    # it still answers for not finding it first (二(六)5(1) 及时上报…日常巡查 is how such water is known)
    assert {(b, "not_discovered") for b in VILLAGE} <= found(v)
    # county → township → village: the township that was handed it answers 整改不到位, the county's water bureau presses
    v = verdict(policy, SUB_H5, engine)
    f = _finding(v, "township_government", "not_rectified")
    assert f is not None and IRREGULAR in f.rests_on and "二(六)5(2)" in f.clauses
    assert not any(f.body in VILLAGE and f.basis == "not_rectified" for f in v.findings)
    assert ("county_water", "supervision") in found(v)
    # the county's straight pass-down: its holder answers, the village nothing but its miss
    v = verdict(policy, SUB_CV, engine)
    assert not any(f.body in VILLAGE and f.basis in ("not_rectified", "not_handled") for f in v.findings)
    assert any(f.basis == "not_handled" and f.level == "county" and IRREGULAR in f.rests_on for f in v.findings)


@pytest.mark.parametrize("engine", ENGINES)
def test_the_township_handed_substandard_water_still_rectifies_it(policy: Policy, engine: str) -> None:
    v = verdict(policy, SUB_TOWN, engine)
    f = _finding(v, "township_government", "not_rectified")
    assert f is not None and IRREGULAR not in f.rests_on


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("record", "clause"), [(FAC_T4, "二(六)5(1)"), (FLOOR_T4, "二(六)1(1)"),
                                                (ELIG_T4, "二(六)1(1)")], ids=["facilities", "floor", "eligible"])
def test_the_village_that_keeps_its_part_cites_its_own_item(policy: Policy, engine: str, record: dict[str, Any],
                                                             clause: str) -> None:
    v = verdict(policy, record, engine)
    for body in VILLAGE:
        f = _finding(v, body, "not_rectified")
        assert f is not None and clause in f.clauses and "二(二)1" in f.clauses
    # no step out of order: the pass-down to it was a 交办
    assert _finding(v, "township_government", "not_handled") is None


# ------------------------------------------------------- check48b #2, #3: the township's and the leaders' own items

_QUALITY = "water_project_quality_unsafe"
#: check48b WPQ_CH: the county hotline hands a badly built works to the township
WPQ_CH = _record("fid48b-wpq-ch", "water", _QUALITY, _HOTLINE, [_a("county", "township")])
#: the same passed on to the village, whose 做好供水工程建设 (二(六)5(1)) makes it this kind's rectifier
WPQ_CHV = _record("fid48b-wpq-chv", "water", _QUALITY, _HOTLINE, _DOWN)
#: check48b BF_CA: a city audit hands a household below the floor line to the county
BF_CA = _record("fid48b-bf-ca", "basic_needs", "basic_needs_below_floor", _found("city", "city_audit", "audit"),
                [_a("city", "county")])


@pytest.mark.parametrize("engine", ENGINES)
def test_the_township_handed_a_badly_built_works_cites_its_supply_safety(policy: Policy, engine: str) -> None:
    # 二(六)5(2) 负责辖区范围农村供水安全保障工作 is its own part; it stays the rectifier, the county's step a 交办
    v = verdict(policy, WPQ_CH, engine)
    f = _finding(v, "township_government", "not_rectified")
    assert f is not None and "二(六)5(2)" in f.clauses and IRREGULAR not in f.rests_on
    assert not any(f.level == "county" and f.basis == "not_handled" for f in v.findings)
    # through the township to the village, which rectifies: no step out of order anywhere
    v = verdict(policy, WPQ_CHV, engine)
    assert {(b, "not_rectified") for b in VILLAGE} <= found(v)
    assert not any(f.basis == "not_handled" for f in v.findings)


@pytest.mark.parametrize("engine", ENGINES)
def test_the_county_leaders_press_the_floor_line_through_their_own_item(policy: Policy, engine: str) -> None:
    v = verdict(policy, BF_CA, engine)
    for body in ("county_party_committee", "county_government"):
        f = _finding(v, body, "supervision")
        assert f is not None and "二(六)1(4)" in f.clauses and "二(二)4" in f.clauses
    # under rectify they are rectifiers beside the departments, on the same item, and press no more
    w = verdict(policy, BF_CA, engine, level_assignment_leaders="rectify")
    assert ("county_government", "not_rectified") in found(w)
    assert ("county_government", "supervision") not in found(w)


# ------------------------------------------------------------ check47b #5: who presses the supplementary insurance

INSURANCE = "insurance_pressed_by_medical_insurance"
JOINT = "joint_guidance_every_line"
SECTORLESS = "sectorless_alternatives"
_INS = "health_insurance_not_in_place"
_CITY_OFFICE = _found("city", "city_poverty_office")
#: check47b F4_ins_sector: 市扶贫办 hands it to 县扶贫办, the record of the office's line
INS_OFFICE = _record("fid48b-ins-office", "health", _INS, _CITY_OFFICE, [_a("city", "county", "county_poverty_office")],
                     sector="poverty_office")
#: F4_ins_cityMI: 市医保 finds it and hands it to 县扶贫办
INS_CITY_MI = _record("fid48b-ins-mi", "health", _INS, _found("city", "city_medical_insurance"),
                      [_a("city", "county", "county_poverty_office")])
#: HI1: no line, the county as a level
INS_LEVEL = _record("fid48b-ins-level", "health", _INS, _CITY_OFFICE, [_a("city", "county")])
#: a provincial inspection tour hands it to 县扶贫办
INS_PROV = _record("fid48b-ins-prov", "health", _INS, _found("province", channel="inspection_tour"),
                   [_a("province", "county")])  # (naming no body: one to 县扶贫办 gives the office's line, check55 #2)
#: another health kind read by line through the same words (二(六)3(5) …医疗救助): not touched by the parameter
ASSIST = _record("fid48b-assist", "health", "health_assistance_late", _CITY_OFFICE, [_a("city", "county")])
_PRESSERS = {"medical_insurance", "health", "sector_department"}


def _pressers(v: Any, level: str) -> set[str]:
    return {f.body for f in v.findings if f.level == level and f.basis == "supervision"
            and f.body.split("_", 1)[1] in _PRESSERS}


@pytest.mark.parametrize("engine", ENGINES)
def test_by_default_the_insurance_is_pressed_by_the_records_line_and_says_it_rests_on_the_choice(
        policy: Policy, engine: str) -> None:
    # the office's line: no 二(六)3(5) presser (the office presses on 二(二)5), and the verdict says true would differ —
    # so too one handed to 县扶贫办 naming no sector, even where 市医保 found it (its assignment gives the office's
    # line: check55 #2)
    for record in (INS_OFFICE, INS_CITY_MI):
        v = verdict(policy, record, engine)
        assert _pressers(v, "city") == set()
        assert ("city_poverty_office", "supervision") in found(v)
        assert INSURANCE in {i.id for i in v.interpretations}
    # naming no line: the 问题所属部门 once, standing for 医保 or 卫健
    for record in (INS_LEVEL,):
        v = verdict(policy, record, engine)
        assert _pressers(v, "city") == {"city_sector_department"}
        f = _finding(v, "city_sector_department", "supervision")
        assert SECTORLESS in f.rests_on and INSURANCE in f.rests_on and "二(六)3(5)" in f.clauses
    assert _pressers(verdict(policy, INS_PROV, engine), "province") == {"province_sector_department"}


@pytest.mark.parametrize("engine", ENGINES)
def test_read_as_the_medical_insurance_line_the_departments_press_it_whatever_the_line(
        policy: Policy, engine: str) -> None:
    for record, level in ((INS_OFFICE, "city"), (INS_CITY_MI, "city"), (INS_LEVEL, "city"), (INS_PROV, "province")):
        v = verdict(policy, record, engine, **{INSURANCE: True})
        body = f"{level}_medical_insurance"
        assert _pressers(v, level) == {body}
        f = _finding(v, body, "supervision")
        assert INSURANCE in f.rests_on and "二(六)3(5)" in f.clauses
        # the county's answer is the same under either value
        county = {x for x in found(v) if x[0].startswith("county")}
        assert county == {x for x in found(verdict(policy, record, engine)) if x[0].startswith("county")}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("value", (True, False))
def test_the_joint_reading_still_names_both_and_other_kinds_do_not_rest_on_the_choice(
        policy: Policy, engine: str, value: bool) -> None:
    v = verdict(policy, INS_OFFICE, engine, **{INSURANCE: value, JOINT: True})
    assert _pressers(v, "city") == {"city_medical_insurance", "city_health"}
    # late medical assistance: the role once under either value, and no word of the insurance's choice
    v = verdict(policy, ASSIST, engine, **{INSURANCE: value})
    assert _pressers(v, "city") == {"city_sector_department"}
    assert INSURANCE not in {i.id for i in v.interpretations}


# (the shipped values are the batch test's below; joint_guidance_every_line alone is test_fid47b's)
@pytest.mark.parametrize("values", [{INSURANCE: True}, {INSURANCE: True, JOINT: True}],
                         ids=["medical_insurance", "both_joint"])
def test_the_batch_gives_what_who_answers_gives_for_the_insurance(policy: Policy, values: dict[str, Any]) -> None:
    got, want = batch_and_answers(policy.with_parameters(**values),
                                  [INS_OFFICE, INS_CITY_MI, INS_LEVEL, INS_PROV, ASSIST])
    assert got == want

_ALL = [SUB_T4, SUB_H5, SUB_CV, SUB_TOWN, FAC_T4, FLOOR_T4, ELIG_T4, WPQ_CH, WPQ_CHV, BF_CA,
        INS_OFFICE, INS_CITY_MI, INS_LEVEL, INS_PROV, ASSIST]


def test_the_batch_gives_what_who_answers_gives(policy: Policy) -> None:
    got, want = batch_and_answers(policy, _ALL)
    assert got == want
