"""Engine fidelity (session 31, fid31e): what session 30 left in engine/_facts and its bulk mirror.

1. A county that sent its own renovation up to the city instead of assigning it (review30 #4, R30-65). 一(三)
   县级建立问题发现和整改情况台账，按照问题类别、办理权限等因素，列出问题清单、责任清单、整改清单，
   对超出本级权限的及时向上级单位报送问题: a problem within the county's authority (二(六)4(3)
   危房鉴定、改造补助资金审核 are 县建设部门's) is the county's to 交办; its report up counts as none
   (irregular_step). When the city sent it back on day 24 and it was fixed in time, the county was excused as
   "evidently handled" — but the record shows how it was handled: the rectifier was first handed it by the city,
   after the county's limit. The county answers 未按程序及时交办 (一(四)); the city still answers for holding a
   report 22 days (一(三) 省市两级及时回应基层反映问题). Where the record shows no late assignment to a rectifier
   (fid30: a township's house handed to its village, fixed in time), the fix still shows an unrecorded step in time,
   and nobody is named. And the county construction bureau the city assigned the problem
   back to is its assignee, with nothing to pass on: it no longer answers 未及时交办上报 from that day (_later).
2. An implied pass-down names its assignee (fid30's left #1). A county hotline's house that only the township's
   hand-down to its village shows: the township's step shows the county passed it down in time (_shown_pass_down), so
   the township is the county's assignee from that day and answers 整改不到位 (一(四) 对交办问题整改落实不到位的) as it
   does when the county's step is shown; before, nobody answered for the rectification.
"""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Jurisdiction, Policy

from .test_batch import TODAY, expected, got
from .verdicts import answers, rests

PLACE = "330127100219"  # 富城村, 千岛湖镇, 淳安县 (杭州市)
ENGINES = ["compiled", pytest.param("durable", marks=pytest.mark.durable)]


def same_in_bulk(policy: Policy, records: list[dict[str, Any]]) -> None:
    j = Jurisdiction.example()
    a = policy.assess(records, jurisdiction=j, today=TODAY)
    assert a.assessed == len(records)
    assert got(a) == expected(policy, j, records, "compiled")


# ------------------------------------------------------------ 1. a county's own renovation sent up to the city

def sent_up(*, back: str | None = "2021-03-25", rectified_on: str | None = "2021-05-20",
            to_body: str | None = "county_construction") -> dict[str, Any]:
    """R30-65: the county hotline finds a house on 03-01, reports it to the city on 03-03 (within its authority), the
    city assigns it back on ``back``."""
    steps: list[dict[str, Any]] = [{"action": "reported", "by_level": "county", "to_level": "city", "on": "2021-03-03"}]
    if back:
        steps.append({"action": "assigned", "by_level": "city", "to_level": "county", "to_body": to_body, "on": back})
    r: dict[str, Any] = {"id": "s30-4", "area": "housing", "kind": "housing_renovation_late", "place": PLACE,
                         "severity": "serious", "discovered": {"level": "county", "channel": "hotline",
                                                               "on": "2021-03-01"},
                         "handled": steps, "deadline": "2021-05-31", "as_of": "2021-06-30"}
    if rectified_on:
        r["rectified_on"] = rectified_on
    return r


def at_level(policy: Policy, record: dict[str, Any], level: str, basis: str, engine: str = "compiled") -> set[str]:
    v = policy.who_answers(record, engine=engine)  # type: ignore[arg-type]
    return {f.body for f in v.findings if f.level == level and f.basis == basis}


@pytest.mark.parametrize("engine", ENGINES)
def test_a_county_that_sent_its_own_renovation_up_answers_though_it_was_fixed_in_time(
        policy: Policy, engine: str) -> None:
    """一(三) 分类交办 / 一(四) 没有按程序及时交办: the county answers not_handled on irregular_step (its report up set
    aside), the city's holding still answers (一(三) 省市两级及时回应基层反映问题). Fails before (the county was excused
    as evidently handled, and only 市扶贫办 answered)."""
    r = sent_up()
    county = at_level(policy, r, "county", "not_handled", engine)
    assert county == {"county_sector_department"}  # (which body had it the record does not say: receiving_level_body)
    assert at_level(policy, r, "city", "not_handled", engine) == {"city_poverty_office"}
    v = policy.who_answers(r, engine=engine)  # type: ignore[arg-type]
    f = next(f for f in v.findings if f.level == "county" and f.basis == "not_handled")
    assert "irregular_step" in f.rests_on and "handling_time_limit_days" in f.rests_on


@pytest.mark.parametrize("engine", ENGINES)
def test_the_assignee_the_city_sent_it_back_to_has_nothing_to_pass_on(policy: Policy, engine: str) -> None:
    """The county construction bureau, assigned the renovation by the city (二(六)4(3)), is its rectifier: it answers
    整改不到位 if it fails, not 未及时交办上报 from the day it was assigned. Fails before (named not_handled "于
    2021-03-25受交办该问题…未在10天内按程序交办或上报" beside its not_rectified)."""
    r = sent_up(rectified_on=None)
    assert "county_construction" not in at_level(policy, r, "county", "not_handled", engine)
    assert "county_construction" in at_level(policy, r, "county", "not_rectified", engine)
    assert at_level(policy, r, "county", "not_handled", engine) == {"county_sector_department"}


@pytest.mark.parametrize("engine", ENGINES)
def test_no_over_blame_where_the_record_shows_no_late_hand_down(policy: Policy, engine: str) -> None:
    """Sent back within the county's limit (03-08): the problem reached its rectifier in time and was fixed: nobody at
    the county answers. And fid30's township that handed its house to the village, fixed in time, stays cleared (no
    assignment to a rectifier shown: the fix shows an unrecorded report)."""
    assert not at_level(policy, sent_up(back="2021-03-08"), "county", "not_handled", engine)
    handed = {"id": "h", "area": "housing", "kind": "housing_renovation_late", "place": PLACE, "severity": "serious",
              "discovered": {"level": "township", "channel": "grid", "on": "2021-03-01"},
              "handled": [{"action": "assigned", "by_level": "township", "to_level": "village", "on": "2021-03-02"}],
              "rectified_on": "2021-03-20", "as_of": "2021-06-30"}
    assert ("township_government", "not_handled") not in answers(policy, handed, engine)


def test_the_city_sits_and_the_county_answers_as_before(policy: Policy) -> None:
    """Never sent back and never fixed: the county (on irregular_step) and 市扶贫办 answer, as before this change."""
    r = sent_up(back=None, rectified_on=None)
    assert at_level(policy, r, "county", "not_handled") == {"county_construction"}
    assert at_level(policy, r, "city", "not_handled") == {"city_poverty_office"}
    assert "irregular_step" in rests(policy, r)


def test_sent_up_records_in_bulk_equal_who_answers(policy: Policy) -> None:
    """batch/_core.gone_with_aside sends such records to the reference path; fails without it (the bulk path left the
    county out)."""
    recs = [{**sent_up(back=b, rectified_on=f), "id": f"{b}-{f}"}
            for b in ("2021-03-25", "2021-03-08", None) for f in ("2021-05-20", None)]
    recs.append({**sent_up(to_body=None), "id": "whole"})
    same_in_bulk(policy, recs)


# ------------------------------------------------------------ 2. an implied pass-down names its assignee

def township_only(*, county_step: bool = False, rectified_on: str | None = None,
                  deadline: str | None = "2021-04-30") -> dict[str, Any]:
    """fid30's left #1: the county hotline finds a house on 03-01; the record shows only the township handing it to
    its village on 03-05 (with ``county_step``, the county's assignment to the township on 03-03 too)."""
    steps: list[dict[str, Any]] = [{"action": "assigned", "by_level": "township", "to_level": "village",
                                    "on": "2021-03-05"}]
    if county_step:
        steps.insert(0, {"action": "assigned", "by_level": "county", "to_level": "township", "on": "2021-03-03"})
    r: dict[str, Any] = {"id": "t", "area": "housing", "kind": "housing_renovation_late", "place": PLACE,
                         "severity": "serious", "discovered": {"level": "county", "channel": "hotline",
                                                               "on": "2021-03-01"},
                         "handled": steps, "as_of": "2021-06-30"}
    if deadline:
        r["deadline"] = deadline
    if rectified_on:
        r["rectified_on"] = rectified_on
    return r


@pytest.mark.parametrize("engine", ENGINES)
def test_an_implied_pass_down_makes_the_township_its_assignee(policy: Policy, engine: str) -> None:
    """一(四) 对交办问题整改落实不到位的: the township answers 整改不到位 as when the county's step is shown, on
    irregular_step (its hand-down to the village, which cannot renovate a house, set aside) and on the handling limit
    (a shorter one would not show the county's pass-down in time); the county's leaders and bureau press it. Fails
    before (nobody answered for the rectification)."""
    shown = answers(policy, township_only(county_step=True), engine)
    implied = answers(policy, township_only(), engine)
    assert ("township_government", "not_rectified") in shown
    assert implied == shown
    v = policy.who_answers(township_only(), engine=engine)  # type: ignore[arg-type]
    f = next(f for f in v.findings if f.basis == "not_rectified")
    assert {"irregular_step", "handling_time_limit_days"} <= set(f.rests_on)
    assert "2021-03-05" in f.reason


@pytest.mark.parametrize("engine", ENGINES)
def test_no_over_blame_from_an_implied_pass_down(policy: Policy, engine: str) -> None:
    """Rectified by the deadline, or the deadline not yet passed: nobody answers 整改不到位; without a deadline the
    rectification limit runs from the township's step (03-05 + 30 days)."""
    assert not {b for b, basis in answers(policy, township_only(rectified_on="2021-04-20"), engine)
                if basis == "not_rectified"}
    early = {**township_only(deadline=None), "as_of": "2021-04-03"}
    assert not {b for b, basis in answers(policy, early, engine) if basis == "not_rectified"}
    late = {**township_only(deadline=None), "as_of": "2021-04-05"}
    assert ("township_government", "not_rectified") in answers(policy, late, engine)


def test_implied_pass_downs_in_bulk_equal_who_answers(policy: Policy) -> None:
    """batch/_core.implied_assignees sends such records to the reference path; fails without it."""
    recs = [{**township_only(county_step=s, rectified_on=f, deadline=d), "id": f"{s}-{f}-{d}"}
            for s in (False, True) for f in (None, "2021-04-20") for d in (None, "2021-04-30")]
    same_in_bulk(policy, recs)
