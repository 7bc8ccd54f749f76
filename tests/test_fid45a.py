"""fid45a: another level's assignment to a body with no part in the kind, which the level it went to re-routes itself.

check44 #1: the city handed a county's mismanaged poverty assets to 县民宗局 (no part in them: 二(四)3
县财政部门…对当地扶贫资产负全面监管责任), and the county passed them to 县财政局 two days later. By
assignment_to_body_without_part (set_aside) the city's step was no 交办, and 市财政局 answered 未按程序交办 — though the
same verdict named 县财政局 整改不到位 because the county had handed it to it. 一(三) gives the sorting to the county
(县级建立问题发现和整改情况台账，按照问题类别、办理权限等因素，列出问题清单、责任清单、整改清单), and the record shows
it sorted it: the step reached the county, whichever body it named. Where the county itself assigns the problem (to
a body with a part, or down), on any day — before or after the step (fid46a, check45 #5) — and nothing else gave it
the problem by then, the step is the 交办 to the county under either value, as the same record naming no body
(engine/_facts.py ``_reached``); the verdict then rests on nothing of the parameter. Otherwise the parameter decides,
as before.
"""

from __future__ import annotations

import copy
from typing import Any
from unittest import mock

import pytest

from responsibility import Policy

from .verdicts import batch_and_answers, marked_by, verdict_under

UNRELATED = "assignment_to_body_without_part"
VALUES = ("set_aside", "level_receives")
ENGINES = ("compiled", "durable")
#: 富城村, 千岛湖镇, 淳安县
VILLAGE = "330127100219"
CITY_STEP = {"action": "assigned", "by_level": "city", "to_level": "county", "to_body": "county_ethnic_religious",
             "on": "2021-03-03"}
#: check44's D2: 市财政局 found poverty assets mismanaged at the village, handed them to 县民宗局 on 03-03; the county
#: handed them to 县财政局 on 03-05; never rectified
D2: dict[str, Any] = {
    "id": "fid45a-d2", "area": "funds", "kind": "funds_assets_mismanaged", "place": VILLAGE, "severity": "minor",
    "discovered": {"level": "city", "channel": "survey_verification", "on": "2021-03-01", "body": "city_finance"},
    "handled": [CITY_STEP,
                {"action": "assigned", "by_level": "county", "to_level": "county", "to_body": "county_finance",
                 "on": "2021-03-05"}],
    "deadline": "2021-04-30", "as_of": "2021-06-30"}


def _with(record: dict[str, Any], name: str, **changes: Any) -> dict[str, Any]:
    r = copy.deepcopy(record)
    r.update(copy.deepcopy(changes))
    r["id"] = f"{record['id']}-{name}"
    return r


def _nobody(record: dict[str, Any]) -> dict[str, Any]:
    """The same record with the city's step naming no body (check44's control D2x)."""
    r = _with(record, "x")
    r["handled"] = [{**h, "to_body": None} if h == CITY_STEP else h for h in r["handled"]]
    return r


def _later(on: str, **step: Any) -> dict[str, Any]:
    return {"action": "assigned", "by_level": "county", "to_level": "county", "to_body": "county_finance",
            "on": on, **step}


#: the county passes it on only on 03-25, past the 10 days it had (handling_time_limit_days)
LATE = _with(D2, "late", handled=[CITY_STEP, _later("2021-03-25")])
#: … and the problem is rectified by its deadline (the delay then is late_pass_on_answers')
LATE_FIXED = _with(LATE, "fixed", rectified_on="2021-04-20")
#: the city handed it to 县教育局 too, the next day, before the county's step
SEVERAL = _with(D2, "several", handled=[
    CITY_STEP, {**CITY_STEP, "to_body": "county_education", "on": "2021-03-04"}, _later("2021-03-05")])
#: the county passes it down to the township (乡镇 has no part in assets: its 二(二)2 part is finding them)
DOWN = _with(D2, "down", handled=[CITY_STEP, _later("2021-03-05", to_level="township", to_body=None)])
#: no later step: check44's D4, unchanged
ALONE = _with(D2, "alone", handled=[CITY_STEP])
#: the city itself hands it on again, to 县财政局: a later step by another level shows nothing of the county's holding
BY_CITY = _with(D2, "bycity", handled=[CITY_STEP, _later("2021-03-05", by_level="city")])
#: the county reports it back up to 市财政局: the body named may be returning what is not its own
BACK = _with(D2, "back", handled=[
    CITY_STEP, {"action": "reported", "by_level": "county", "to_level": "city", "to_body": "city_finance",
                "on": "2021-03-05"}])
#: the city hands it properly to 县财政局 on 03-04 before the county's step: the county had it that way
BETWEEN = _with(D2, "between", handled=[
    CITY_STEP, {**CITY_STEP, "to_body": "county_finance", "on": "2021-03-04"},
    _later("2021-03-05", to_level="township", to_body=None)])
#: records the county's own step shows reached it, and the ones it does not
REACHED = [D2, LATE, LATE_FIXED, SEVERAL, DOWN]
UNREACHED = [ALONE, BY_CITY, BACK, BETWEEN]


def _findings(v: Any) -> set[tuple[str, str, str, tuple[str, ...], frozenset[str]]]:
    return {(f.body, f.basis, f.liability, tuple(f.clauses), frozenset(f.rests_on)) for f in v.findings}


def _rests(v: Any) -> set[str]:
    return {i.id for i in v.interpretations}


def _city_finance_only_presses(v: Any) -> bool:
    """市财政局, the finder, answers nothing for its step: its one possible finding is acting_departments_press's
    supervision (二(二)5 省市有关部门…负责指导督促基层问题发现和整改, fid45b), never 未按程序交办."""
    return all(f.basis == "supervision" and "acting_departments_press" in f.rests_on
               for f in v.findings if f.body == "city_finance")


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("value", VALUES)
def test_the_countys_own_step_shows_the_city_handed_it_on(policy: Policy, value: str, engine: str) -> None:
    """一(三) 县级建立问题发现和整改情况台账，按照问题类别、办理权限等因素，列出问题清单、责任清单、整改清单; 一(四)
    对发现问题没有按程序及时交办和上报的. The county routed it to 县财政局 two days after the city's step: 市财政局
    is not named under either value, 县财政局 answers 整改不到位 (二(四)3), and the verdict is D2x's — the same
    record naming no body — to the clause and rests_on, and rests on neither reading (before: 市财政局 not_handled,
    一(三) 一(四), resting on irregular_step and the parameter)."""
    v = verdict_under(policy, D2, engine, **{UNRELATED: value})
    x = verdict_under(policy, _nobody(D2), engine, **{UNRELATED: value})
    assert _findings(v) == _findings(x)
    assert _rests(v) == _rests(x)
    assert _city_finance_only_presses(v)
    assert all(f.body != "county_ethnic_religious" for f in v.findings)
    fin = next(f for f in v.findings if (f.body, f.basis) == ("county_finance", "not_rectified"))
    assert fin.liability == "staff" and fin.clauses == ("一(四)", "二(二)3", "二(四)3")
    assert UNRELATED not in fin.rests_on
    assert {(f.body, f.basis) for f in v.findings if f.basis == "supervision"} == {
        ("county_party_committee", "supervision"), ("county_government", "supervision"),
        ("city_poverty_office", "supervision"), ("city_finance", "supervision")}
    assert not {UNRELATED, "irregular_step"} & _rests(v)
    assert _city_finance_only_presses(v)


@pytest.mark.parametrize("value", VALUES)
def test_the_countys_late_step_is_the_countys_delay(policy: Policy, value: str) -> None:
    """一(四) 对发现问题没有按程序及时交办和上报的: the county held it from 03-03 and passed it on only on 03-25,
    past its 10 days. The delay is the county's, as for the record naming no body: not rectified, its 整改不到位
    (县财政局, 二(四)3) takes the delay in and 市财政局 answers nothing; rectified by the deadline,
    late_pass_on_answers decides — under not_handled the county's holder (receiving_level_body's unnamed holder,
    unresolved) answers 未及时交办, never 县民宗局, whom the text gives no part (before, under level_receives, 县民宗局
    was named)."""
    v = verdict_under(policy, LATE, "compiled", **{UNRELATED: value})
    assert _findings(v) == _findings(verdict_under(policy, _nobody(LATE), "compiled", **{UNRELATED: value}))
    assert ("county_finance", "not_rectified") in {(f.body, f.basis) for f in v.findings}
    assert _city_finance_only_presses(v) and all(f.body != "county_ethnic_religious" for f in v.findings)
    values = {UNRELATED: value, "late_pass_on_answers": "not_handled"}
    fixed = verdict_under(policy, LATE_FIXED, "compiled", **values)
    assert _findings(fixed) == _findings(verdict_under(policy, _nobody(LATE_FIXED), "compiled", **values))
    late = [f for f in fixed.findings if f.basis == "not_handled"]
    assert [(f.body, f.liability, f.clauses) for f in late] == [  # (fid52: the county's unnamed holder, check51b #3)
        ("county_holders_unnamed", "staff", ("一(三)", "一(四)"))]
    assert {"late_pass_on_answers", "receiving_level_body"} <= set(late[0].rests_on)
    assert UNRELATED not in late[0].rests_on and UNRELATED not in _rests(fixed)
    quiet = verdict_under(policy, LATE_FIXED, "compiled", **{UNRELATED: value})
    assert not [f for f in quiet.findings if f.basis == "not_handled"]
    assert "late_pass_on_answers" in _rests(quiet)


@pytest.mark.parametrize("value", VALUES)
def test_several_astray_steps_and_a_pass_down_reach_the_county(policy: Policy, value: str) -> None:
    """一(三) 县级…按照问题类别、办理权限等因素…列出…整改清单: two steps of the city to bodies with no part (县民宗局,
    县教育局), then the county's own, reached the county both; so did one the county then passed down to the township.
    Nobody at the city answers 未按程序交办, neither body handed it is named, and no finding rests on the parameter."""
    for r in (SEVERAL, DOWN):
        v = verdict_under(policy, r, "compiled", **{UNRELATED: value})
        assert _findings(v) == _findings(verdict_under(policy, _nobody(r), "compiled", **{UNRELATED: value})), r["id"]
        assert _city_finance_only_presses(v)
        assert all(f.body not in ("county_ethnic_religious", "county_education") for f in v.findings)
        assert all(UNRELATED not in f.rests_on for f in v.findings)
    several = verdict_under(policy, SEVERAL, "compiled", **{UNRELATED: value})
    assert UNRELATED not in _rests(several)
    assert ("county_finance", "not_rectified") in {(f.body, f.basis) for f in several.findings}


@pytest.mark.parametrize("engine", ENGINES)
def test_without_the_countys_step_the_parameter_still_decides(policy: Policy, engine: str) -> None:
    """一(四) 对发现问题没有按程序及时交办和上报的 / 对交办问题整改落实不到位的: with no later step of the county
    (check44's D4), the step alone shows nothing of the county's holding: set_aside names 市财政局 未按程序交办 (一(三),
    一(四)), resting on irregular_step and the parameter; level_receives names the county's rectifiers 整改不到位,
    resting on it."""
    v = verdict_under(policy, ALONE, engine)
    f = next(f for f in v.findings if f.body == "city_finance")
    assert (f.basis, f.liability, f.clauses) == ("not_handled", "staff", ("一(三)", "一(四)"))
    assert {UNRELATED, "irregular_step"} <= set(f.rests_on)
    assert not [f for f in v.findings if f.basis == "not_rectified"]
    lr = verdict_under(policy, ALONE, engine, **{UNRELATED: "level_receives"})
    fin = next(f for f in lr.findings if (f.body, f.basis) == ("county_finance", "not_rectified"))
    assert fin.clauses == ("一(四)", "二(二)3", "二(四)3") and UNRELATED in fin.rests_on
    assert _city_finance_only_presses(lr)


@pytest.mark.parametrize("record", [BY_CITY, BACK, BETWEEN], ids=lambda r: r["id"])
def test_no_sign_of_the_countys_holding_leaves_it_to_the_parameter(policy: Policy, record: dict[str, Any]) -> None:
    """一(三) 对超出本级权限的及时向上级单位报送问题 — a step by another level (the city handing it on again), the
    county's report back up (the body named may be returning what is not its own), or a proper step to the county
    before its own (the county had it that way) shows nothing of whether the city's first step reached it: the body
    handed it is named under neither value. Where the two values find the same (the city handing it on again, a
    proper step between), the verdict does not list the parameter for want of a finding (fid52b: a parameter is
    listed only where another value of it could change the findings); where they differ (BACK), it does."""
    found = []
    for value in VALUES:
        v = verdict_under(policy, record, "compiled", **{UNRELATED: value})
        found.append(_findings(v))
        assert (UNRELATED in _rests(v)) is (record is BACK), value
        assert all(f.body != "county_ethnic_religious" for f in v.findings)
    assert (found[0] == found[1]) is (record is not BACK)
    back = verdict_under(policy, BACK, "compiled")
    f = next(f for f in back.findings if f.body == "city_finance" and f.basis == "not_handled")
    # (二(四)7 财政部门…加强扶贫资金使用监管: the city's finance department, tied to the funds' work there, cites
    # its tie; check51 #1)
    assert f.clauses == ("一(三)", "一(四)", "二(四)7") and {UNRELATED, "irregular_step"} <= set(f.rests_on)


@pytest.mark.parametrize("value", VALUES)
def test_batch_equals_who_answers(policy: Policy, value: str) -> None:
    """The batch path gives exactly what who_answers gives for these records (finding rows, reasons included), with a
    body that has no part even in the area (县委组织部) too: the fast path would read the step as irregular_step's."""
    organised = [_with(r, "org", handled=[{**h, "to_body": "county_organisation"} if h == CITY_STEP else h
                                          for h in r["handled"]]) for r in REACHED + UNREACHED]
    got, want = batch_and_answers(policy.with_parameters(**{UNRELATED: value}), REACHED + UNREACHED + organised)
    assert got == want
    reached = {r["id"] for r in REACHED} | {f"{r['id']}-org" for r in REACHED}
    assert {row[0] for row in got} >= reached
    assert not [row for row in got if row[0] in reached and (row[3] == "county_organisation"
                                                             or (row[3] == "city_finance" and row[6] != "supervision"))]


def test_the_batch_sends_the_shape_to_the_reference_path(policy: Policy) -> None:
    """batch/_core.astray_steps itself marks every record whose county then assigned it that no earlier marker sent
    (with 县委组织部, which has no part in the area either, as well as 县民宗局), and none without such a step."""
    records = [_with(r, f"{body}", handled=[{**h, "to_body": body} if h == CITY_STEP else h for h in r["handled"]])
               for body in ("county_organisation", "county_ethnic_religious") for r in [*REACHED, ALONE, BACK]]
    marked = marked_by(policy, records, "astray_steps")
    shown = {r["id"] for r in records if not r["id"].startswith((ALONE["id"], BACK["id"]))}
    before = _slow_before(policy, records)
    assert shown - before <= marked
    assert {r for r in shown - before if "organisation" in r}  # (the marker is what sends these)
    assert not {r["id"] for r in records} - shown & marked


def _slow_before(policy: Policy, records: list[dict[str, Any]]) -> set[str]:
    """The records already sent to the reference path when astray_steps is asked (by the encoder or an earlier
    marker: misassigned_steps sends 县民宗局's, whose part in the area is not one in the kind)."""
    import numpy as np

    import responsibility.batch._core as core

    seen: set[str] = set()
    real = core.astray_steps

    def run(c: Any, t: Any) -> None:
        seen.update(c.ids[i] for i in np.flatnonzero(c.slow))
        real(c, t)

    with mock.patch.object(core, "astray_steps", run):
        policy.assess(records)
    return seen
