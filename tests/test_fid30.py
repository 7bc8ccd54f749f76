"""Policy data read against the text (session 30, fid30).

1. A township that found a house renovation (or an unreported dangerous house) and handed it to its village instead of
   reporting it (review29 #10). 二(六)4(1) gives the village, in a renovation, only
   协助乡镇（街道）做好危房排查、危房改造和应急处置工作 beside 及时发现掌握并上报本村危房情况; 二(六)4(3) gives the
   renovation's 危房鉴定、改造补助资金审核 to 县建设部门; 二(六)4(2) the township 及时发现掌握并上报本辖区危房情况.
   The village is no level that can rectify it, so the pass-down disposes of nothing (irregular_step): the township
   answers not_handled, as `responsibility route` tells it (须立即上报), and the route no longer offers the village as
   an assignee. Before, the verdict cleared the township (self_rectified_report_required=false) and named the village
   整改不到位.
"""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Jurisdiction, Policy

from .test_batch import TODAY, expected, got
from .verdicts import answers, rests

PLACE = "330127100219"  # 富城村, 千岛湖镇, 淳安县 (杭州市)
COUNTY = "330127"
CITY = "3301"
ENGINES = ["compiled", pytest.param("durable", marks=pytest.mark.durable)]
VILLAGE_BODIES = ("village_committee", "village_party_branch")


def same_in_bulk(policy: Policy, records: list[dict[str, Any]]) -> None:
    j = Jurisdiction.example()
    a = policy.assess(records, jurisdiction=j, today=TODAY)
    assert a.assessed == len(records)
    assert got(a) == expected(policy, j, records, "compiled")


# ------------------------------------------------------------ 1. a house handed to the village instead of reported

HOUSE_KINDS = ("housing_renovation_late", "housing_danger_unreported")


def handed_down(kind: str, *, rectified_on: str | None = None, severity: str = "serious") -> dict[str, Any]:
    r: dict[str, Any] = {"id": "h", "area": "housing", "kind": kind, "place": PLACE, "severity": severity,
                         "discovered": {"level": "township", "channel": "grid", "on": "2021-03-01"},
                         "handled": [{"action": "assigned", "by_level": "township", "to_level": "village",
                                      "on": "2021-03-02"}], "as_of": "2021-06-30"}
    if rectified_on:
        r["rectified_on"] = rectified_on
    return r


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("kind", HOUSE_KINDS)
def test_a_township_that_hands_a_house_to_its_village_answers_for_not_reporting(
        policy: Policy, engine: str, kind: str) -> None:
    """二(六)4(2) 及时发现掌握并上报本辖区危房情况; the village only 协助 (二(六)4(1)): the township answers
    not_handled, citing its own 上报 duty, on irregular_step (the pass-down set aside); the village is not 整改不到位.
    Fails before (the township pressed the village, which answered not_rectified)."""
    r = handed_down(kind)
    got_ = answers(policy, r, engine)
    assert ("township_government", "not_handled") in got_
    assert not {(b, basis) for b, basis in got_ if b in VILLAGE_BODIES and basis == "not_rectified"}
    assert ("township_government", "supervision") not in got_
    assert "irregular_step" in rests(policy, r, engine)
    v = policy.who_answers(r, engine=engine)  # type: ignore[arg-type]
    assert any("二(六)4(2)" in f.clauses for f in v.findings if f.basis == "not_handled")


@pytest.mark.parametrize("kind", HOUSE_KINDS)
def test_the_route_agrees_with_the_verdict(policy: Policy, kind: str) -> None:
    """The route tells the township to report it (须立即上报) and offers no village body to assign it to; the verdict
    names the township for not reporting it. Fails before (the route offered 村委会/村党支部 as assignees while the
    verdict took the pass-down to them as disposal)."""
    rt = policy.route(handed_down(kind))
    assert rt.escalate and rt.authority == "county"
    assert not {b.body for b in rt.assignees} & set(VILLAGE_BODIES)
    assert "township_government" in {b.body for b in rt.handlers}


@pytest.mark.parametrize("engine", ENGINES)
def test_a_township_assigned_the_renovation_stays_its_assignee_when_it_hands_it_to_the_village(
        policy: Policy, engine: str) -> None:
    """R5-47: the county assigns it to the township, which hands it to its village in two days: no 交办 (the village
    cannot rectify it), so the township answers 整改不到位 and the county presses it (二(六)4(3)
    督促指导乡镇…组织实施)."""
    r = {**handed_down("housing_renovation_late"),
         "discovered": {"level": "county", "channel": "audit", "on": "2021-03-01"},
         "handled": [{"action": "assigned", "by_level": "county", "to_level": "township", "on": "2021-03-02"},
                     {"action": "assigned", "by_level": "township", "to_level": "village", "on": "2021-03-04"}],
         "deadline": "2021-04-01"}
    got_ = answers(policy, r, engine)
    assert ("township_government", "not_rectified") in got_
    assert ("county_construction", "supervision") in got_
    assert not {(b, basis) for b, basis in got_ if b in VILLAGE_BODIES and basis == "not_rectified"}


@pytest.mark.parametrize("engine", ENGINES)
def test_a_renovation_done_in_time_clears_the_township(policy: Policy, engine: str) -> None:
    """No over-blame: a house renovated within the limits was evidently reported (the village cannot have done it), so
    the township does not answer for not reporting it."""
    got_ = answers(policy, handed_down("housing_renovation_late", rectified_on="2021-03-20"), engine)
    assert ("township_government", "not_handled") not in got_


@pytest.mark.parametrize("engine", ENGINES)
def test_a_village_still_rectifies_its_own_specific_problem(policy: Policy, engine: str) -> None:
    """The reading is the renovation's, not 二(二)1's: a township that hands its village a household's application for
    assistance (二(六)1(1) 及时帮助困难群众申请社会救助, wholly the village's work) has disposed of it, and the
    village answers 整改不到位 (review25 R25-12's measure: that would be over-blame)."""
    r = {**handed_down("housing_renovation_late"), "area": "basic_needs", "kind": "basic_needs_not_helped_to_apply"}
    got_ = answers(policy, r, engine)
    assert ("township_government", "not_handled") not in got_
    assert ("village_committee", "not_rectified") in got_


def test_houses_handed_down_in_bulk_equal_who_answers(policy: Policy) -> None:
    records = [{**handed_down(k, severity=s), "id": f"{k}-{s}"} for k in HOUSE_KINDS
               for s in ("minor", "serious", "grave")]
    records += [{**handed_down(k, rectified_on="2021-03-20"), "id": f"{k}-fixed"} for k in HOUSE_KINDS]
    same_in_bulk(policy, records)
