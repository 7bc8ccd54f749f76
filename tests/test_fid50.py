"""fid50: engine fidelity, read against the text.

1. A record's ``deadline`` where the record shows no assignment at all (check49b #1). 一(四) 对发现问题没有按程序及时
   交办和上报的; 一(三) 对超出本级权限的及时向上级单位报送问题: 及时 is the handling limit's. A level the record shows
   holding the problem and no step of its own is read as having passed it on in time where the problem was rectified by
   handling_time_limit_days + rectification_time_limit_days of its holding it. A deadline set by nobody the record
   shows (a ledger's 整改期限 column) stretches that for nobody by deadline_without_assignment's default (limits): the
   county hotline's find of 03-01, fixed 12-01 against a deadline of 12-31 (DL1), names 县建设部门 as the same record
   without the deadline (DL0) does, resting on the parameter. unrecorded_assignment (the reading before) spares it, and
   the verdict says it rests on the parameter. Only a fix after the limits and by the deadline is decided by it.
"""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Policy

from .verdicts import batch_and_answers, found, rested
from .verdicts import finder as _found
from .verdicts import step as _a
from .verdicts import verdict_under as verdict
from .verdicts import village_record as _record

ENGINES = ("compiled", "durable")

# ------------------------------------------------------------------ 1. a deadline with no assignment shown

DEADLINE = "deadline_without_assignment"
DEADLINE_VALUES = ("limits", "unrecorded_assignment")
_HOUSE = ("housing", "housing_renovation_late")
_COUNTY = "county_construction"

#: DL1: the county hotline finds it on 03-01; no step; deadline 12-31, rectified 12-01 (the limits ran to 04-10)
DL1 = _record("fid50-dl1", *_HOUSE, _found("county", channel="hotline"), [], deadline="2021-12-31",
              rectified_on="2021-12-01", as_of="2022-01-31")
#: DL0: the same without the deadline
DL0 = {k: v for k, v in {**DL1, "id": "fid50-dl0"}.items() if k != "deadline"}
#: VT8: the village grid finds it, reports it to the township on 03-10 (the township's limits ran to 04-19); deadline
#: 05-30, rectified 05-01
VT8 = _record("fid50-vt8", *_HOUSE, _found("village", channel="grid"),
              [_a("village", "township", on="2021-03-10", action="reported")], deadline="2021-05-30",
              rectified_on="2021-05-01")
VT8N = {k: v for k, v in {**VT8, "id": "fid50-vt8n"}.items() if k != "deadline"}
#: R31-90's shape: the township reports it to 县建设部门 on 03-18 (limits to 04-27); deadline 05-31, fixed 05-20
R31 = _record("fid50-r31", *_HOUSE, _found("township", channel="grid"),
              [_a("township", "county", _COUNTY, on="2021-03-03", action="reported")], deadline="2021-05-31",
              rectified_on="2021-05-20")
#: controls the parameter does not decide: fixed within the limits (04-05), never fixed, fixed after the deadline,
#: and a record whose deadline is a shown assignment's
DL_IN_LIMITS = {**DL1, "id": "fid50-dl-in", "rectified_on": "2021-04-05"}
DL_NEVER = {k: v for k, v in {**DL1, "id": "fid50-dl-never"}.items() if k != "rectified_on"}
DL_AFTER = {**DL1, "id": "fid50-dl-after", "deadline": "2021-11-30"}
DL_ASSIGNED = _record("fid50-dl-assigned", *_HOUSE, _found("county", channel="hotline"),
                      [_a("county", "township", on="2021-03-05")], deadline="2021-12-31", rectified_on="2021-12-01",
                      as_of="2022-01-31")
_DECIDED = [(DL1, DL0, _COUNTY, "county"), (VT8, VT8N, "township_government", "township"),
            (R31, None, _COUNTY, "county")]
_CONTROLS = [DL_IN_LIMITS, DL_NEVER, DL_AFTER, DL_ASSIGNED]


def _handling(v: Any, body: str) -> Any:
    return next((f for f in v.findings if (f.body, f.basis) == (body, "not_handled")), None)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_deadline_with_no_assignment_shown_stretches_no_limit_by_default(policy: Policy, engine: str) -> None:
    for record, without, body, _level in _DECIDED:
        v = verdict(policy, record, engine)
        f = _handling(v, body)
        assert f is not None, record["id"]
        assert DEADLINE in f.rests_on and DEADLINE in rested(v), record["id"]
        # the same findings as the record without the deadline, which rest on nothing of it
        if without is not None:
            w = verdict(policy, without, engine)
            assert found(v) == found(w), record["id"]
            assert DEADLINE not in rested(w)
    # the reason says what the record shows: the level held it and did not pass it on within the limit
    reason = _handling(verdict(policy, DL1, engine), _COUNTY).reason
    assert "自2021-03-01掌握该问题" in reason and "未在10天内" in reason


@pytest.mark.parametrize("engine", ENGINES)
def test_read_as_an_unrecorded_assignment_the_deadline_spares_the_level_and_says_so(policy: Policy,
                                                                                    engine: str) -> None:
    for record, _without, body, _level in _DECIDED:
        v = verdict(policy, record, engine, **{DEADLINE: "unrecorded_assignment"})
        assert _handling(v, body) is None, record["id"]
        assert DEADLINE in rested(v), record["id"]
        # the interpretation names no finding: it spared a body
        assert next(i for i in v.interpretations if i.id == DEADLINE).findings == (), record["id"]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("value", DEADLINE_VALUES)
def test_records_the_parameter_does_not_decide_do_not_rest_on_it(policy: Policy, engine: str, value: str) -> None:
    for record in _CONTROLS:
        v = verdict(policy, record, engine, **{DEADLINE: value})
        assert DEADLINE not in rested(v), record["id"]
        assert found(v) == found(verdict(policy, record, engine, **{DEADLINE: "limits" if value != "limits"
                                                                       else "unrecorded_assignment"})), record["id"]
    # fixed within the limits: nobody answers for not passing it on; never fixed, or fixed after the deadline: the
    # county does; the deadline of an assignment the record shows is that assignment's (the township answers nothing
    # for a fix by it, the county passed it on in time)
    assert _handling(verdict(policy, DL_IN_LIMITS, engine, **{DEADLINE: value}), _COUNTY) is None
    assert _handling(verdict(policy, DL_NEVER, engine, **{DEADLINE: value}), _COUNTY) is not None
    assert _handling(verdict(policy, DL_AFTER, engine, **{DEADLINE: value}), _COUNTY) is not None
    assert not any(f.basis in ("not_handled", "not_rectified")
                   for f in verdict(policy, DL_ASSIGNED, engine, **{DEADLINE: value}).findings)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("value", DEADLINE_VALUES)
def test_under_rectifier_holding_not_rectified_the_finding_rests_on_it_too(policy: Policy, engine: str,
                                                                           value: str) -> None:
    v = verdict(policy, DL1, engine, **{DEADLINE: value, "rectifier_holding": "not_rectified"})
    own = [f for f in v.findings if f.body == _COUNTY and f.basis in ("not_handled", "not_rectified")]
    if value == "limits":
        assert [f.basis for f in own] == ["not_rectified"]
        assert DEADLINE in own[0].rests_on
        # its supervisors press a rectification only this reading makes late: they rest on it too
        pressers = [f for f in v.findings if f.basis == "supervision"]
        assert pressers and all(DEADLINE in f.rests_on for f in pressers)
    else:
        assert own == []
    assert DEADLINE in rested(v)


_DEADLINE_ALL = [DL1, DL0, VT8, VT8N, R31, *_CONTROLS]


@pytest.mark.parametrize("values", [{DEADLINE: v} for v in DEADLINE_VALUES]
                         + [{DEADLINE: v, "rectifier_holding": "not_rectified"} for v in DEADLINE_VALUES],
                         ids=[*DEADLINE_VALUES, *(f"{v}-not_rectified" for v in DEADLINE_VALUES)])
def test_the_batch_gives_what_who_answers_gives_for_a_deadline_with_no_assignment(policy: Policy,
                                                                                  values: dict[str, Any]) -> None:
    view = policy.with_parameters(**values)
    got, want = batch_and_answers(view, _DEADLINE_ALL)
    assert got == want
    got, want = batch_and_answers(view, _DEADLINE_ALL[::-1])
    assert got == want


# ------------------------------------------------------------------ 4. a level's leaders holding a problem (PCR)
#
# check49b #3: a report of a late renovation to 县党委 (to_body), which sits on it. level_assignment_leaders (press, the
# default) gives the county's Party committee and government no rectifying duty of their own beside 县建设部门
# (二(六)4(5) 组织做好…治理改造工作 beside 二(六)4(3)): they lead and press. rectifier_holding's not_rectified reads the
# sitting of a body "itself the one to rectify it" as its own 整改不到位; under press the committee is not such a body,
# so it answers for not passing the problem on, and the finding rests on level_assignment_leaders (under rectify it is,
# and answers 整改不到位, resting on both).

LEADERS = "level_assignment_leaders"
OWN_WORK = "rectifier_holding"
PCR = _record("fid50-pcr", *_HOUSE, _found("township", channel="grid"),
              [_a("township", "county", "county_party_committee", action="reported")])
PCR_GOV = {**PCR, "id": "fid50-pcr-gov",
           "handled": [_a("township", "county", "county_government", action="reported")]}
#: the control: the report to 县建设部门, itself the one to rectify it under either value
PCR_DEPT = {**PCR, "id": "fid50-pcr-dept",
            "handled": [_a("township", "county", _COUNTY, action="reported")]}


def _own(v: Any, body: str) -> set[str]:
    return {f.basis for f in v.findings if f.body == body and f.basis in ("not_handled", "not_rectified")}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("leaders", ("press", "rectify"))
def test_a_leader_sitting_on_a_report_is_its_own_rectifier_only_by_rectify(policy: Policy, engine: str,
                                                                           leaders: str) -> None:
    for record, body in ((PCR, "county_party_committee"), (PCR_GOV, "county_government")):
        v = verdict(policy, record, engine, **{LEADERS: leaders, OWN_WORK: "not_rectified"})
        want = "not_handled" if leaders == "press" else "not_rectified"
        assert _own(v, body) == {want}, record["id"]
        f = next(f for f in v.findings if (f.body, f.basis) == (body, want))
        assert LEADERS in f.rests_on, record["id"]
        # press: rectifier_holding reads nothing here (its other value gives the same finding)
        assert (OWN_WORK in f.rests_on) == (leaders == "rectify"), record["id"]
        # under rectifier_holding's default the finding is not_handled either way, and level_assignment_leaders
        # decides nothing of it
        w = verdict(policy, record, engine, **{LEADERS: leaders})
        assert _own(w, body) == {"not_handled"}, record["id"]
        g = next(f for f in w.findings if (f.body, f.basis) == (body, "not_handled"))
        assert LEADERS not in g.rests_on, record["id"]
    # the department told of its own work: rectifier_holding's, never level_assignment_leaders'
    d = verdict(policy, PCR_DEPT, engine, **{LEADERS: leaders, OWN_WORK: "not_rectified"})
    assert _own(d, _COUNTY) == {"not_rectified"}
    assert LEADERS not in next(f for f in d.findings if f.body == _COUNTY).rests_on


@pytest.mark.parametrize("values", [{LEADERS: a, OWN_WORK: b} for a in ("press", "rectify")
                                    for b in ("not_handled", "not_rectified")],
                         ids=[f"{a}-{b}" for a in ("press", "rectify") for b in ("not_handled", "not_rectified")])
def test_the_batch_gives_what_who_answers_gives_for_a_leader_holding(policy: Policy, values: dict[str, Any]) -> None:
    records = [PCR, PCR_GOV, PCR_DEPT]
    got, want = batch_and_answers(policy.with_parameters(**values), records)
    assert got == want
    got, want = batch_and_answers(policy.with_parameters(**values), records[::-1])
    assert got == want


# ------------------------------------------------------------------ 2. reasons that name the set-aside step
#
# check49 #4's other half: a body itself the one to rectify the problem, whose level reported it up within its limit
# (the report set aside by irregular_step: the renovation is within the county's authority), was told 本身负责…未在
# 10天内按程序办理, as if it had sat on it. Its reason now says the report did not count, as a level's holder's does.

ASIDE_UP = _record("fid50-aside-up", *_HOUSE, _found("county", channel="hotline"),
                   [_a("county", "city", on="2021-03-05", action="reported")])
#: the control: no step at all — the body sat on its own work
SAT = _record("fid50-sat", *_HOUSE, _found("county", channel="hotline"), [])


@pytest.mark.parametrize("engine", ENGINES)
def test_a_rectifier_whose_report_up_was_set_aside_is_told_so(policy: Policy, engine: str) -> None:
    f = _handling(verdict(policy, ASIDE_UP, engine), _COUNTY)
    assert f is not None and "irregular_step" in f.rests_on
    assert "本身负责该问题的办理和整改" in f.reason
    assert "其向上级的报送未计为交办" in f.reason
    assert "did not count" in f.reason_en
    g = _handling(verdict(policy, SAT, engine), _COUNTY)
    assert g is not None and g.reason.endswith("未在10天内按程序办理。")


@pytest.mark.parametrize("values", [{}, {OWN_WORK: "not_rectified"}], ids=["not_handled", "not_rectified"])
def test_the_batch_gives_what_who_answers_gives_for_the_reasons(policy: Policy, values: dict[str, Any]) -> None:
    records = [ASIDE_UP, SAT]
    got, want = batch_and_answers(policy.with_parameters(**values), records)
    assert got == want
    got, want = batch_and_answers(policy.with_parameters(**values), records[::-1])
    assert got == want


# ------------------------------------------------------------------ 5. LC2: a line only a switched part gives
#
# fid49's left item: a city audit's find of a township's project ledger, handed to 县扶贫办 (LC2). The assignment gives
# the record the office's line only because ledger_county_rectifier (true) gives the county a part in rectifying the
# ledger (二(二)3); under false the county cannot rectify it, the assignment gives no line, and the role answers
# 应发现未发现 in the office's place. 县扶贫办's not_discovered, read by that line, now rests on the parameter; the
# township's own miss, read by no line, does not.

LEDGER = "ledger_county_rectifier"
LC2 = _record("fid50-lc2", "projects", "project_ledger_incomplete", _found("city", "city_audit", "audit"),
              [_a("city", "county", "county_poverty_office")], rectified_on="2021-05-20")
#: the control: the record names the office's line itself
LC2_SECTOR = {**LC2, "id": "fid50-lc2-sector", "sector": "poverty_office"}


@pytest.mark.parametrize("engine", ENGINES)
def test_a_line_given_only_by_a_switched_part_is_disclosed(policy: Policy, engine: str) -> None:
    v = verdict(policy, LC2, engine)
    office = next(f for f in v.findings if (f.body, f.basis) == ("county_poverty_office", "not_discovered"))
    assert LEDGER in office.rests_on
    township = next(f for f in v.findings if (f.body, f.basis) == ("township_government", "not_discovered"))
    assert LEDGER not in township.rests_on
    # flipping it names the role in the office's place: the disclosure is owed
    w = verdict(policy, LC2, engine, **{LEDGER: False})
    assert ("county_poverty_office", "not_discovered") not in found(w)
    assert ("county_sector_department", "not_discovered") in found(w)
    # a record that names the line itself: the office answers by the record, not by the parameter
    s = verdict(policy, LC2_SECTOR, engine)
    f = next(f for f in s.findings if (f.body, f.basis) == ("county_poverty_office", "not_discovered"))
    assert LEDGER not in f.rests_on
    assert ("county_poverty_office", "not_discovered") in found(verdict(policy, LC2_SECTOR, engine, **{LEDGER: False}))


@pytest.mark.parametrize("values", [{LEDGER: True}, {LEDGER: False}], ids=["true", "false"])
def test_the_batch_gives_what_who_answers_gives_for_a_switched_line(policy: Policy, values: dict[str, Any]) -> None:
    got, want = batch_and_answers(policy.with_parameters(**values), [LC2, LC2_SECTOR])
    assert got == want
