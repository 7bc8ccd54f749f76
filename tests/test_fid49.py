"""fid49: disclosures and over-blames check48a and check48b found, read against the text.

- A level that held the problem (its finder, or the level a report reached) whose record shows no step of its own,
  the first step after its day being another level's made after its handling limit: the record does not say where
  the problem sat (一(四) 对发现问题没有按程序及时交办和上报的). missing_step_holder decides — holding_level (the
  default) names that level, its reason saying the record shows no step of the level's; nobody names no body for the
  delay — and the rectification date decides neither (before, the level was named only where the problem was not
  rectified by the record's deadline; check48a #1). A level whose own late step the record shows answers under both.
- A problem reported up to the province through no body named, where the province's one holder of the handling is
  itself the one to rectify it (省扶贫办 for a 共性问题, 一(三) 省市两级…做好共性问题整改; 二(二)5), or where
  receiving_level_body chose a department whose own line rectifies it (省民政厅 for a 两不愁 policy gap, 二(六)1(5)),
  goes through rectifier_holding as a named receiver does: the finding rests on it and flips under its other value
  (check48a #2; the reason already said 本身负责该问题的办理和整改).
- project_ledger_incomplete: the county's part in rectifying the township's ledger is ledger_county_rectifier's
  reading (二(五)2 gives the ledger to the township; 二(二)3 涉及本部门问题). The county leaders', the city's and the
  province's supervision of that rectification exist only under it, and now rest on it (check48b #1).
- receiving_level_body: handling_holders at a city whose one holder of the handling only guides the grassroots (the
  扶贫办's 二(二)5) names the department the text ties to the kind's work there, as concealing_level_body's
  handling_holders does since session 48: 市民政 for an identification problem (二(三)6; the office only 协助, 二(三)7),
  not 市扶贫办 (fid48's left item).
- A problem rectified within its holder's own handling limit was handled in time: a step the ledger logs after the fix
  (a closing hand-down, a report for the record) makes no 未在10天内…交办或上报 (check49 #2: 县建设部门 named for a
  house fixed on day 9 because the county "assigned" it on day 20). Under self_rectified_report_required: true a
  finder below the authority that fixed it itself still had to report it in time, as without the step.
- A report up by a level whose own counting assignment had already passed the problem on within its limit (the county
  assigned the township on 03-03 and told the city on 03-04) is a notice: the city holds nothing by it under either
  value of set_aside_report_receiver, and is not named 未在10天内…交办或上报 (check49 #1); without the assignment the
  county and the city both answer, as the parameter's why reads it.
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
MISSING = "missing_step_holder"
MISSING_VALUES = ("holding_level", "nobody")

_HOUSE = ("housing", "housing_renovation_late")

# ------------------------------------------------------------------ check48a #1: no step of the holder's shown

#: G1_T: the township finds a house on 03-01; the record's first step is the county's assignment to it on 03-20
G1_T = _record("fid49-g1-t", *_HOUSE, _found("township", channel="grid"), [_a("county", "township", on="2021-03-20")])
#: G1_Tr: the same, rectified on 04-20 (by the record's deadline)
G1_TR = {**G1_T, "id": "fid49-g1-tr", "rectified_on": "2021-04-20"}
#: G1_P: the province finds it through the media; the record's first step is the city's to the county on 03-20
G1_P = _record("fid49-g1-p", *_HOUSE, _found("province", channel="media"),
               [_a("city", "county", on="2021-03-20"), _a("county", "township", on="2021-03-22")])
G1_PR = {**G1_P, "id": "fid49-g1-pr", "rectified_on": "2021-04-20"}
#: G1_Pctl: the province's own step to the city is shown, late (03-20); rectified in time
G1_PCTL = _record("fid49-g1-pctl", *_HOUSE, _found("province", channel="media"),
                  [_a("province", "city", on="2021-03-20"), _a("city", "county", on="2021-03-22"),
                   _a("county", "township", on="2021-03-24")], rectified_on="2021-04-20")
#: the county's step within the township's limit: no gap (the problem reached the county in time)
G1_IN_TIME = _record("fid49-g1-in-time", *_HOUSE, _found("township", channel="grid"),
                     [_a("county", "township", on="2021-03-05")], rectified_on="2021-04-20")

_GAPS = ((G1_T, "township_government"), (G1_TR, "township_government"), (G1_P, "province_construction"),
         (G1_PR, "province_construction"))


def _finding(v: Any, body: str, basis: str) -> Any:
    return next((f for f in v.findings if (f.body, f.basis) == (body, basis)), None)


@pytest.mark.parametrize("engine", ENGINES)
def test_the_holder_with_no_step_shown_answers_whatever_the_rectification(policy: Policy, engine: str) -> None:
    for record, holder in _GAPS:
        v = verdict(policy, record, engine)
        f = _finding(v, holder, "not_handled")
        assert f is not None, record["id"]
        assert MISSING in f.rests_on, record["id"]
        zh, en = f.to_dict("zh")["reason"], f.to_dict("en")["reason"]
        assert "记录未显示本级交办或上报" in zh, zh
        assert "shows no step of its level" in en, en


@pytest.mark.parametrize("engine", ENGINES)
def test_nobody_names_no_body_for_the_gap_and_says_so(policy: Policy, engine: str) -> None:
    for record, holder in _GAPS:
        v = verdict(policy, record, engine, **{MISSING: "nobody"})
        assert (holder, "not_handled") not in found(v), record["id"]
        assert MISSING in rested(v), record["id"]
    # the township's own 整改不到位 of the county's assignment stands under either value
    assert ("township_government", "not_rectified") in found(verdict(policy, G1_T, engine, **{MISSING: "nobody"}))


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("value", MISSING_VALUES)
def test_a_late_step_shown_and_a_step_in_time_are_read_as_before(policy: Policy, engine: str, value: str) -> None:
    v = verdict(policy, G1_PCTL, engine, **{MISSING: value})
    f = _finding(v, "province_construction", "not_handled")
    assert f is not None and MISSING not in f.rests_on
    assert "记录未显示" not in f.to_dict("zh")["reason"]
    w = verdict(policy, G1_IN_TIME, engine, **{MISSING: value})
    assert ("township_government", "not_handled") not in found(w)
    assert MISSING not in rested(w)


_ALL = [G1_T, G1_TR, G1_P, G1_PR, G1_PCTL, G1_IN_TIME]


@pytest.mark.parametrize("values", [{MISSING: v} for v in MISSING_VALUES], ids=list(MISSING_VALUES))
def test_the_batch_gives_what_who_answers_gives(policy: Policy, values: dict[str, Any]) -> None:
    got, want = batch_and_answers(policy.with_parameters(**values), _ALL)
    assert got == want


# ------------------------------------------------------------------ check48a #2: a policy gap reported to the province

OWN_WORK = "rectifier_holding"
_UP_TWICE = [_a("county", "city", on="2021-03-03", action="reported"),
             _a("city", "province", on="2021-03-05", action="reported")]
_COUNTY_HOTLINE = _found("county", channel="hotline")
G2_COMMON = _record("fid49-g2-common", "discovery", "common_policy_problem", _COUNTY_HOTLINE, _UP_TWICE)
G2_MECH = _record("fid49-g2-mech", "discovery", "province_city_mechanism_gap", _COUNTY_HOTLINE, _UP_TWICE)
G2_BN = _record("fid49-g2-bn", "basic_needs", "basic_needs_policy_gap", _COUNTY_HOTLINE, _UP_TWICE)
#: the control: the report names the office
G2_NAMED = _record("fid49-g2-named", "discovery", "common_policy_problem", _COUNTY_HOTLINE,
                   [_UP_TWICE[0], _a("city", "province", "province_poverty_office", on="2021-03-05",
                                     action="reported")])
_G2 = ((G2_COMMON, "province_poverty_office"), (G2_MECH, "province_poverty_office"),
       (G2_BN, "province_sector_department"), (G2_NAMED, "province_poverty_office"))


@pytest.mark.parametrize("engine", ENGINES)
def test_a_rectifier_reported_to_through_no_body_goes_through_rectifier_holding(policy: Policy, engine: str) -> None:
    for record, body in _G2:
        v = verdict(policy, record, engine)
        f = _finding(v, body, "not_handled")
        assert f is not None and OWN_WORK in f.rests_on, record["id"]
        w = verdict(policy, record, engine, **{OWN_WORK: "not_rectified"})
        assert (body, "not_handled") not in found(w), record["id"]
        g = _finding(w, body, "not_rectified")
        assert g is not None and OWN_WORK in g.rests_on, record["id"]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("value", ("not_handled", "not_rectified"))
def test_the_sole_holder_rests_on_no_receiving_level_body(policy: Policy, engine: str, value: str) -> None:
    # (one holder: it answers under either value of receiving_level_body, which decides nothing here)
    for values in ({OWN_WORK: value}, {OWN_WORK: value, "receiving_level_body": "handling_holders"}):
        v = verdict(policy, G2_COMMON, engine, **values)
        f = next(f for f in v.findings if f.body == "province_poverty_office" and f.level == "province")
        assert "receiving_level_body" not in f.rests_on


@pytest.mark.parametrize("values", [{OWN_WORK: "not_handled"}, {OWN_WORK: "not_rectified"},
                                    {OWN_WORK: "not_rectified", "receiving_level_body": "handling_holders"}],
                         ids=["not_handled", "not_rectified", "handling_holders"])
def test_the_batch_gives_what_who_answers_gives_for_policy_gaps(policy: Policy, values: dict[str, Any]) -> None:
    got, want = batch_and_answers(policy.with_parameters(**values), [r for r, _ in _G2])
    assert got == want


# ------------------------------------------------------------------ check48b #1: ledger_county_rectifier's pressers

LEDGER = "ledger_county_rectifier"
_CITY_AUDIT = _found("city", "city_audit", "audit")
LC1 = _record("fid49-lc1", "projects", "project_ledger_incomplete", _CITY_AUDIT, [_a("city", "county")])
LC2 = _record("fid49-lc2", "projects", "project_ledger_incomplete", _CITY_AUDIT,
              [_a("city", "county", "county_poverty_office")], rectified_on="2021-05-20")


@pytest.mark.parametrize("engine", ENGINES)
def test_the_pressers_of_the_countys_ledger_rectification_rest_on_the_reading(policy: Policy, engine: str) -> None:
    for record in (LC1, LC2):
        v = verdict(policy, record, engine)
        pressers = [f for f in v.findings if f.basis == "supervision"]
        assert {"county_party_committee", "county_government"} <= {f.body for f in pressers}, record["id"]
        assert any(f.level == "city" for f in pressers), record["id"]
        for f in pressers:
            assert LEDGER in f.rests_on, (record["id"], f.body)
        # under false none of them answers: the county holds no rectification of the ledger
        w = verdict(policy, record, engine, **{LEDGER: False})
        assert not [f for f in w.findings if f.basis == "supervision"], record["id"]
    # the township's own miss rests on nothing of the kind
    v = verdict(policy, LC1, engine)
    f = _finding(v, "township_government", "not_discovered")
    assert f is not None and LEDGER not in f.rests_on


@pytest.mark.parametrize("values", [{LEDGER: True}, {LEDGER: False}], ids=["true", "false"])
def test_the_batch_gives_what_who_answers_gives_for_the_ledger(policy: Policy, values: dict[str, Any]) -> None:
    got, want = batch_and_answers(policy.with_parameters(**values), [LC1, LC2])
    assert got == want


# ------------------------------------------------------------------ fid48's left item: a city that received it

RECEIVER = "receiving_level_body"
C6 = _record("fid49-c6", "identification", "identification_ineligible_included", _found("county", channel="hotline"),
             [_a("county", "city", action="reported")])
C6_FOUND = _record("fid49-c6-found", "identification", "identification_ineligible_included", _found("city"), [])


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("value", ("unresolved", "handling_holders"))
def test_a_city_that_received_an_identification_problem_stands_for_its_civil_affairs(policy: Policy, engine: str,
                                                                                    value: str) -> None:
    for record in (C6, C6_FOUND):
        v = verdict(policy, record, engine, **{RECEIVER: value})
        city = {f.body for f in v.findings if f.basis == "not_handled" and f.level == "city"}
        assert city == {"city_civil_affairs"}, (record["id"], city)


@pytest.mark.parametrize("values", [{RECEIVER: "unresolved"}, {RECEIVER: "handling_holders"}],
                         ids=["unresolved", "handling_holders"])
def test_the_batch_gives_what_who_answers_gives_for_a_receiving_city(policy: Policy, values: dict[str, Any]) -> None:
    got, want = batch_and_answers(policy.with_parameters(**values), [C6, C6_FOUND])
    assert got == want


# ------------------------------------------------------------------ check49 #2: a step logged after the fix

_S8_BASE = {"id": "fid49-s8", "area": "housing", "kind": "housing_renovation_late", "place": "330127100219",
            "severity": "minor", "discovered": _found("county", channel="hotline"), "rectified_on": "2021-03-10",
            "as_of": "2021-06-30"}
S8 = {**_S8_BASE, "handled": [_a("county", "township", on="2021-03-20")]}
S8N = {**_S8_BASE, "id": "fid49-s8n", "handled": []}
S8DL = {**S8, "id": "fid49-s8dl", "deadline": "2021-04-30"}
S8T = {**_S8_BASE, "id": "fid49-s8t", "discovered": _found("township", channel="grid"),
       "handled": [_a("township", "county", on="2021-03-20", action="reported")]}
S8TN = {**S8T, "id": "fid49-s8tn", "handled": []}


@pytest.mark.parametrize("engine", ENGINES)
def test_a_step_logged_after_a_fix_within_the_limit_is_no_late_pass_on(policy: Policy, engine: str) -> None:
    for record in (S8, S8N, S8DL, S8T, S8TN):
        v = verdict(policy, record, engine)
        assert not [f for f in v.findings if f.basis == "not_handled"], record["id"]
    # self_rectified_report_required: true — the township had to report what it fixed, with or without the late report
    for record in (S8T, S8TN):
        v = verdict(policy, record, engine, self_rectified_report_required=True)
        assert ("township_government", "not_handled") in found(v), record["id"]


@pytest.mark.parametrize("values", [{}, {"self_rectified_report_required": True}], ids=["default", "must_report"])
def test_the_batch_gives_what_who_answers_gives_after_a_fix(policy: Policy, values: dict[str, Any]) -> None:
    view = policy.with_parameters(**values) if values else policy
    got, want = batch_and_answers(view, [S8, S8N, S8DL, S8T, S8TN])
    assert got == want


# ------------------------------------------------------------------ check49 #1: a report after the county assigned it

ASIDE = "set_aside_report_receiver"
_TOLD = _a("county", "city", on="2021-03-04", action="reported")
S11 = _record("fid49-s11", *_HOUSE, _found("county", channel="hotline"), [_a("county", "township"), _TOLD])
S11B = _record("fid49-s11b", "basic_needs", "basic_needs_approval_late", _found("county", channel="hotline"),
               [_a("county", "county", "county_civil_affairs"), _TOLD])
S11R = {**S11, "id": "fid49-s11r", "rectified_on": "2021-04-20"}
#: the parameter's own case: the county reports it up instead of assigning it
S11_UP = _record("fid49-s11-up", *_HOUSE, _found("county", channel="hotline"), [_TOLD])


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("value", ("holds", "nobody"))
def test_a_report_after_the_countys_assignment_is_a_notice(policy: Policy, engine: str, value: str) -> None:
    for record in (S11, S11B, S11R):
        v = verdict(policy, record, engine, **{ASIDE: value})
        assert not [f for f in v.findings if f.basis == "not_handled"], (record["id"], found(v))
    # S11b's city still presses its civil-affairs line's rectification (supervision_scope: the record shows it knew)
    assert ("city_civil_affairs", "supervision") in found(verdict(policy, S11B, engine, **{ASIDE: value}))


@pytest.mark.parametrize("engine", ENGINES)
def test_the_parameters_own_case_is_read_as_before(policy: Policy, engine: str) -> None:
    v = verdict(policy, S11_UP, engine)
    assert {("county_construction", "not_handled"), ("city_construction", "not_handled")} <= found(v)
    f = _finding(v, "city_construction", "not_handled")
    assert f is not None and ASIDE in f.rests_on
    assert ("city_construction", "not_handled") not in found(verdict(policy, S11_UP, engine, **{ASIDE: "nobody"}))


@pytest.mark.parametrize("values", [{ASIDE: "holds"}, {ASIDE: "nobody"}], ids=["holds", "nobody"])
def test_the_batch_gives_what_who_answers_gives_for_a_notice(policy: Policy, values: dict[str, Any]) -> None:
    got, want = batch_and_answers(policy.with_parameters(**values), [S11, S11B, S11R, S11_UP])
    assert got == want
