"""fid47: check46 #6 (P5, P21) and the rest of check46b #2.

- A city that only presses a county's problem (二(二)5 指导督促基层; 二(四)7 统筹监督 for poverty assets) and had
  already passed it down in order (the city assigned 县财政局 on 03-02) when the province's step to it came (03-03)
  has done the 交办 that receipt asks of it: 市扶贫办 was named 未及时交办 (一(四)
  对发现问题没有按程序及时交办和上报的) for a pass-down the record shows a day earlier (check46 #6, P5/P5x).
- A lower level's step that alone shows the city was passed the problem (the city's step to 县委组织部, no step of the
  province to it by then) is, by pressing_level_assignment (pass_down), the city's receipt to pass it down: the city
  answers 未按程序交办 for a step to a body with no part in a village's assets (irregular_step), not 整改不到位 for a
  rectification the text gives 县财政局 (二(四)3) and the village (check46 #6, P21). Under assignee it is the
  assignee.
- A finder whose level only reported the problem up is handed it back (acting_departments_press) only by a step on or
  before the record's deadline and before a level above had itself assigned it to a level below that rectifies the
  kind — whether the step named the city as a whole or the finder by name (check46b #2: D4c_lateback_named,
  D4c_back_after_direct_named; the level-wide twins already held on main).
"""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Policy

from .verdicts import batch_and_answers, found, rested
from .verdicts import finder as _found
from .verdicts import step as _a
from .verdicts import variant as with_
from .verdicts import verdict_under as verdict
from .verdicts import village_record as _record

ENGINES = ("compiled", "durable")
ACTING = "acting_departments_press"
PRESSING = "pressing_level_assignment"
UNRELATED = "assignment_to_body_without_part"


def _r(by: str, to: str, body: str | None = None, on: str = "2021-03-03") -> dict[str, Any]:
    return _a(by, to, body, on, "reported")


def _funds(rid: str, *steps: dict[str, Any], **more: Any) -> dict[str, Any]:
    # (found by 省审计: no department the record shows acting, so the batch's fast path is asked too)
    return _record(rid, "funds", "funds_assets_mismanaged", _found("province", "province_audit", "audit"),
                   list(steps), **more)


def _water(rid: str, *steps: dict[str, Any], **more: Any) -> dict[str, Any]:
    return _record(rid, "water", "water_emergency_failure", _found("city", "city_water"), list(steps), **more)


#: P5: the city assigned 县财政局 on 03-02; the province's step to the city (naming 市教育局, no part) on 03-03
P5 = _funds("fid47-p5", _a("city", "county", "county_finance", on="2021-03-02"),
            _a("province", "city", "city_education"))
#: P5x: the same, the province's step naming no body
P5X = _funds("fid47-p5x", _a("city", "county", "county_finance", on="2021-03-02"), _a("province", "city"))
#: the control: the province's step first, the city's pass-down two days later
P1X = _funds("fid47-p1x", _a("province", "city"), _a("city", "county", "county_finance", on="2021-03-05"))
#: the county reported it back up to the city between: the city holds it afresh
P5B = _funds("fid47-p5b", _a("city", "county", "county_finance", on="2021-03-02"),
             _r("county", "city", on="2021-03-03"), _a("province", "city", on="2021-03-04"))
#: P21: the city's step to 县委组织部 (no part in assets) on 03-02, then the province's to 市教育局 on 03-03
P21 = _funds("fid47-p21", _a("city", "county", "county_organisation", on="2021-03-02"),
             _a("province", "city", "city_education"))
#: P21b: the city's step alone
P21B = _funds("fid47-p21b", _a("city", "county", "county_organisation", on="2021-03-02"))
#: housing: the city's step alone, to 县教育局 (no part in a house's renovation)
H21 = _record("fid47-h21", "housing", "housing_renovation_late", _found("province", "province_audit", "audit"),
              [_a("city", "county", "county_education", on="2021-03-05")])
#: its control: the city's step alone, to 县建设局
H21X = with_(H21, handled=[_a("city", "county", "county_construction", on="2021-03-05")])

_REPORT = _r("city", "province", "province_water")
_UNIT = "county_water_supply_unit"
#: D4d2 (check46): 市水利 reported up; 省水利 handed it back to 市水利 by name; the county assigned its unit
D4D2 = _water("fid47-d4d2", _REPORT, _a("province", "city", "city_water", on="2021-03-05"),
              _a("county", "county", _UNIT, on="2021-03-07"))
#: D4c_lateback_named: 省水利 assigned the county's unit itself, then handed 市水利 the problem after the deadline
LATE_NAMED = _water("fid47-late-named", _REPORT, _a("province", "county", _UNIT, on="2021-03-05"),
                    _a("province", "city", "city_water", on="2021-05-20"))
#: D4c_back_after_direct_named: the same hand-back the next day, within the deadline
AFTER_NAMED = with_(LATE_NAMED, handled=[_REPORT, _a("province", "county", _UNIT, on="2021-03-05"),
                                         _a("province", "city", "city_water", on="2021-03-06")])
#: a hand-back to the city as a whole after the deadline, the province's only earlier step to 市财政局 (no part)
LATE_LEVEL = _water("fid47-late-level", _REPORT, _a("province", "city", "city_finance", on="2021-03-05"),
                    _a("province", "city", on="2021-05-20"), _a("county", "county", _UNIT, on="2021-05-22"))
#: its control: the same hand-back within the deadline
IN_TIME_LEVEL = with_(LATE_LEVEL, handled=[_REPORT, _a("province", "city", "city_finance", on="2021-03-05"),
                                           _a("province", "city", on="2021-04-20"),
                                           _a("county", "county", _UNIT, on="2021-04-22")])


def _city(v: Any) -> set[tuple[str, str]]:
    return {(b, basis) for b, basis in found(v) if b.startswith("city_")}


def _one(v: Any, body: str, basis: str) -> Any:
    (f,) = [f for f in v.findings if f.body == body and f.basis == basis]
    return f


@pytest.mark.parametrize("engine", ENGINES)
def test_a_city_that_had_passed_it_down_before_the_provinces_step_reads_as_one_that_passed_it_after(
        policy: Policy, engine: str) -> None:
    control = verdict(policy, P1X, engine)
    assert ("city_poverty_office", "supervision") in found(control)
    for record in (P5, P5X):
        for value in ("set_aside", "level_receives"):
            v = verdict(policy, record, engine, **{UNRELATED: value})
            assert ("city_poverty_office", "not_handled") not in found(v)
            assert found(v) == found(control)
    # the problem came back up from the county between: the city holds it afresh, and answers for sitting on it
    v = verdict(policy, P5B, engine)
    assert ("city_poverty_office", "not_handled") in found(v)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_city_shown_passed_a_countys_problem_answers_for_its_own_step_not_for_the_rectification(
        policy: Policy, engine: str) -> None:
    for record in (P21, P21B):
        v = verdict(policy, record, engine)
        assert ("city_poverty_office", "not_rectified") not in found(v)
        f = _one(v, "city_poverty_office", "not_handled")
        assert {PRESSING, "irregular_step"} <= set(f.rests_on)
        assert "一(四)" in f.clauses
        # assignee: the reading before — the city is the assignee, and the finding says it rests on that
        f = _one(verdict(policy, record, engine, **{PRESSING: "assignee"}), "city_poverty_office", "not_rectified")
        assert PRESSING in f.rests_on
        # level_receives: the city's step is the 交办 to the county, whose 县财政局 answers; the city presses
        v = verdict(policy, record, engine, **{UNRELATED: "level_receives"})
        assert ("county_finance", "not_rectified") in found(v)
        assert ("city_poverty_office", "not_handled") not in found(v)
    # housing: the city's step to 县教育局 is no 交办; to 县建设局 (the control) the city passed it on and presses
    v = verdict(policy, H21, engine)
    assert ("city_construction", "not_handled") in found(v) and PRESSING in rested(v)
    assert not {("city_construction", "supervision"), ("city_poverty_office", "not_rectified")} & found(v)
    x = verdict(policy, H21X, engine)
    assert ("city_construction", "supervision") in found(x) and ("city_construction", "not_handled") not in found(x)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_hand_back_by_name_after_the_deadline_or_the_provinces_own_step_leaves_the_finder_out(
        policy: Policy, engine: str) -> None:
    for record in (LATE_NAMED, AFTER_NAMED, LATE_LEVEL):
        for value in (True, False):
            v = verdict(policy, record, engine, **{ACTING: value})
            assert ("city_water", "supervision") not in found(v)
            # (its report up: D4's reading, under irregular_step=not_counted — by the default the province's own
            # step within 市水利's limit makes it count, fid48)
            old = verdict(policy, record, engine, **{ACTING: value, "irregular_step": "not_counted"})
            assert ("city_water", "supervision") not in found(old)
            assert ("city_water", "not_handled") in found(old)
    # the controls: handed back in order, by name (D4d2) or to the level within the deadline, 市水利 presses on the
    # parameter, and not under false
    for record in (D4D2, IN_TIME_LEVEL):
        f = _one(verdict(policy, record, engine), "city_water", "supervision")
        assert ACTING in f.rests_on
        assert ("city_water", "supervision") not in found(verdict(policy, record, engine, **{ACTING: False}))


@pytest.mark.slow
@pytest.mark.parametrize("values", [{}, {PRESSING: "assignee"}, {UNRELATED: "level_receives"}, {ACTING: False}],
                         ids=["default", "assignee", "level_receives", "acting-false"])
def test_the_batch_gives_what_who_answers_gives(policy: Policy, values: dict[str, Any]) -> None:
    view = policy.with_parameters(**values) if values else policy
    got, want = batch_and_answers(view, [P5, P5X, P1X, P5B, P21, P21B, H21, H21X, D4D2, LATE_NAMED, AFTER_NAMED,
                                         LATE_LEVEL, IN_TIME_LEVEL])
    assert got == want
