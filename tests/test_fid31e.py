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
3. A derived 主体责任 carries the parameters of the failures it follows from (review30 #7, R30-53/55, s30-7): 二(一)1
   主体责任 is pursued where a failure of 一(四) is found at the level; under handling_time_limit_days=25 the county's
   21-day hold is in time and its 主体责任 goes with it, which the finding now says (engine/_decide._main_rests).
4. A specific problem placed at a county code, naming no line, found above the county (review30 #6a): an empty verdict.
   A 扶贫领域具体问题 is the village's or township's (二(二)1–2), so a record placed there names no county department
   by itself (probe10 P10-14); placed at the county there is no village or township, and 二(二)3
   成员单位：按照职责分工，负责涉及本部门问题的动态发现、分类办理、即时整改 leaves it to the department
   whose line it is, which the record does not say: the county's 问题所属部门 answers once, unresolved
   (PolicyView.role_stands_aside with the place's rank).
5. review31 #2 (R31-90): a record's deadline with no assignment step was ignored, and a level excused as evidently
   handled only by its limits (10 + 30 days): 县建设部门 answered for a house renovated by the record's own deadline.
   Where the record shows no assignment at all, its deadline (set by one it leaves out), where later than the limits,
   is the day the problem had to be rectified by; a deadline the record shows set by a step that counts as none
   lends none (R8A-5a/5c). Pin moved: f18-2 (review17 D4 (a) read the limits).
   review31 #6 (R31-43): a county's report of a housing policy gap to 市教育部门 (no part: set aside) — its
   not_handled goes under report_to_oversight=any_receiver; the finding now says it rests on that parameter.
6. fid31d's ask B: an area's line_named_only_without_kind does for a record naming no kind what a kind's
   line_named_only does (二(四)7 民宗's own line of the funds it oversees).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from responsibility import Jurisdiction, Policy, RulesError, load

from .test_batch import TODAY, expected, got
from .verdicts import answers, rests

PLACE = "330127100219"  # 富城村, 千岛湖镇, 淳安县 (杭州市)
ENGINES = ["compiled", pytest.param("durable", marks=pytest.mark.durable)]


def _dated(r: dict[str, Any], deadline: str | None, rectified_on: str | None) -> dict[str, Any]:
    """``r`` with the record's deadline and rectification day where given."""
    if deadline:
        r["deadline"] = deadline
    if rectified_on:
        r["rectified_on"] = rectified_on
    return r


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
    # (which body had it the record does not say: receiving_level_body; the county's unnamed holder of the passing on,
    # not the role standing for the department handed it late — fid52, X06)
    assert county == {"county_holders_unnamed"}
    # (receiving_level_body: 二(六)4(6), review41b D1)
    assert at_level(policy, r, "city", "not_handled", engine) == {"city_construction"}
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
    assert at_level(policy, r, "county", "not_handled", engine) == {"county_holders_unnamed"}  # (fid52, X06)


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
    assert at_level(policy, r, "city", "not_handled") == {"city_construction"}
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
    return _dated(r, deadline, rectified_on)


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


# ------------------------------------------------------------ 3. a derived 主体责任 names what its failure rests on

def water_reported_late() -> dict[str, Any]:
    """s30-7 (R30-55): a village's unsafe water reported to the township next day, the township reports it 18 days
    later, the county assigns it to 县水利 21 days after that; grave, so 主体责任 is pursued."""
    return {"id": "s30-7", "area": "water", "kind": "water_unsafe_unreported", "place": PLACE, "severity": "grave",
            "discovered": {"level": "village", "channel": "dynamic_tracking", "on": "2021-03-01"},
            "handled": [{"action": "reported", "by_level": "village", "to_level": "township", "on": "2021-03-02"},
                        {"action": "reported", "by_level": "township", "to_level": "county", "on": "2021-03-20"},
                        {"action": "assigned", "by_level": "county", "to_level": "county", "to_body": "county_water",
                         "on": "2021-04-10"}],
            "rectified_on": "2021-05-01", "as_of": "2021-06-30"}


@pytest.mark.parametrize("engine", ENGINES)
def test_a_derived_main_responsibility_names_the_limit_its_failure_rests_on(policy: Policy, engine: str) -> None:
    """The county's 主体责任 follows from its not_handled (21 days), which rests on handling_time_limit_days; under 25
    days that failure and the 主体责任 both go. Fails before (the 主体责任 rested on main_responsibility_from only)."""
    r = water_reported_late()
    v = policy.who_answers(r, engine=engine)  # type: ignore[arg-type]
    mains = [f for f in v.findings if f.basis == "main_responsibility" and f.level == "county"]
    assert {f.body for f in mains} == {"county_party_committee", "county_government"}
    assert all("handling_time_limit_days" in f.rests_on for f in mains)
    # (the parameter does decide it: the reading it names is one that moves the finding)
    longer = policy.with_parameters(handling_time_limit_days=25).who_answers(r, engine=engine)  # type: ignore[arg-type]
    assert not [f for f in longer.findings if f.basis == "main_responsibility" and f.level == "county"]
    # (only parameters: not the failure's duties, its body, its liability thresholds)
    assert all(x in policy.parameters or x in policy.duties or x == "main_responsibility_from"
               for f in mains for x in f.rests_on)
    assert not any("unit_liability_from" in f.rests_on or "receiving_level_body" in f.rests_on for f in mains)


def test_a_main_responsibility_rests_only_on_what_every_failure_at_its_level_rests_on(policy: Policy) -> None:
    """Two failures at the county: 县建设部门 missed a grave house (一(四) 应由本级发现问题没有发现: no parameter) and,
    assigned it, passed it down only on day 27 (not_rectified as assignee, on the handling limit). The limit alone
    cannot remove the county's failure, so its 主体责任 does not name it."""
    r = {"id": "two", "area": "housing", "kind": "housing_renovation_late", "place": PLACE, "severity": "grave",
         "discovered": {"level": "province", "channel": "survey_verification", "on": "2021-03-01"},
         "handled": [{"action": "assigned", "by_level": "province", "to_level": "county",
                      "to_body": "county_construction", "on": "2021-03-03"},
                     {"action": "assigned", "by_level": "county", "to_level": "township", "on": "2021-03-30"}],
         "deadline": "2021-04-30", "as_of": "2021-06-30"}
    county = [f for f in policy.who_answers(r).findings if f.level == "county"]
    assert {f.basis for f in county if f.body == "county_construction"} >= {"not_discovered", "not_rectified"}
    assert any("handling_time_limit_days" in f.rests_on for f in county if f.basis == "not_rectified")
    mains = [f for f in county if f.basis == "main_responsibility"]
    assert len(mains) == 2
    assert not any("handling_time_limit_days" in f.rests_on for f in mains)


# ------------------------------------------------------------ 4. a county's own specific problem names its role once

COUNTY = "330127"


def county_problem(kind: str | None = "specific_problem", place: str = COUNTY, **more: Any) -> dict[str, Any]:
    r: dict[str, Any] = {"id": "c", "area": "discovery", "place": place, "severity": "serious",
                         "discovered": {"level": "province", "channel": "survey_verification", "on": "2021-03-01"},
                         "as_of": "2021-03-04", **more}
    return {**r, "kind": kind} if kind else r


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("kind", ["specific_problem", None])
def test_a_county_placed_specific_problem_names_the_role_once(policy: Policy, engine: str, kind: str | None) -> None:
    """二(二)3 涉及本部门问题 of a problem at the county: its department, unresolved — the role, once. Fails before (an
    empty verdict)."""
    got_ = answers(policy, county_problem(kind), engine)
    assert got_ == {("county_sector_department", "not_discovered")}
    v = policy.who_answers(county_problem(kind), engine=engine)  # type: ignore[arg-type]
    assert "county_sector_department" in {i.id for i in v.interpretations}  # (said to be unresolved)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_village_placed_specific_problem_still_names_no_county_department(policy: Policy, engine: str) -> None:
    """No over-blame below the county: a village's specific problem is the village's and township's (二(二)1–2), and
    naming no line names no county department (probe10 P10-14); a named line names its department (二(二)3)."""
    village = answers(policy, county_problem(place=PLACE), engine)
    assert not {b for b, _ in village if b.startswith("county_")}
    assert {b for b, _ in village} == {"village_committee", "village_party_branch", "township_government"}
    assert answers(policy, county_problem(sector="water"), engine) == {("county_water", "not_discovered")}


def test_county_placed_specific_problems_in_bulk_equal_who_answers(policy: Policy) -> None:
    recs = [{**county_problem(k, place=pl), "id": f"{k}-{pl}"} for k in ("specific_problem", None)
            for pl in (COUNTY, PLACE, "3301")]
    recs.append({**county_problem(handled=[{"action": "assigned", "by_level": "province", "to_level": "county",
                                            "on": "2021-03-03"}], deadline="2021-04-20", as_of="2021-06-30"),
                 "id": "assigned"})
    same_in_bulk(policy, recs)


# ------------------------------------------------------------ 5. review31's interim: a deadline without an assignment

def reported_house(deadline: str | None = "2021-05-31", rectified_on: str | None = "2021-05-20") -> dict[str, Any]:
    """R31-90: the village reports a dangerous house on day 15 (late), the township to 县建设部门 2 days later."""
    r: dict[str, Any] = {
        "id": "r31-90", "area": "housing", "kind": "housing_danger_unreported", "place": "330824106200",
        "severity": "serious", "discovered": {"level": "village", "channel": "one_household_one_cadre",
                                              "on": "2021-03-01"},
        "handled": [{"action": "reported", "by_level": "village", "to_level": "township", "on": "2021-03-16"},
                    {"action": "reported", "by_level": "township", "to_level": "county",
                     "to_body": "county_construction", "on": "2021-03-18"}],
        "as_of": "2021-06-30"}
    return _dated(r, deadline, rectified_on)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_house_renovated_by_the_records_deadline_clears_the_county(policy: Policy, engine: str) -> None:
    """Fails before (县建设部门 未及时交办上报 on rectification_time_limit_days: 03-18 + 40 days = 04-27)."""
    # (review31's reading, a deadline with no assignment shown as an unrecorded assignment's, is
    # deadline_without_assignment: unrecorded_assignment since fid50; by its default, limits, the county answers:
    # check49b #1, tests/test_fid50.py)
    policy = policy.with_parameters(deadline_without_assignment="unrecorded_assignment")
    got_ = answers(policy, reported_house(), engine)
    assert {b for b, _ in got_} == {"village_committee", "village_party_branch"}
    # the limits' day still stands where the record's deadline is absent, or was missed
    assert ("county_construction", "not_handled") in answers(policy, reported_house(deadline=None), engine)
    assert ("county_construction", "not_handled") in answers(policy, reported_house(rectified_on="2021-06-05"),
                                                             engine)
    # a deadline sooner than the limits is not read against the level: the limits decide
    early = answers(policy, reported_house(deadline="2021-04-01", rectified_on="2021-04-20"), engine)
    assert ("county_construction", "not_handled") not in early


@pytest.mark.parametrize("engine", ENGINES)
def test_a_deadline_set_by_a_step_that_counts_as_none_lends_none(policy: Policy, engine: str) -> None:
    """R8A-5c (fidelity8): the county handed a house to 县教育局 (no part) with a deadline met; the limits decide."""
    r = {"id": "R8A-5c", "area": "housing", "kind": "housing_renovation_late", "place": PLACE, "severity": "minor",
         "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
         "handled": [{"action": "assigned", "by_level": "county", "to_level": "county", "to_body": "county_education",
                      "on": "2021-03-02"}],
         "deadline": "2021-06-30", "rectified_on": "2021-06-20", "as_of": "2021-08-30"}
    # (fid42d, review42 R2: the county's own hand-over set aside, its unnamed holder answers by misrouted_level_holder;
    # kind_department names the kind's department, as before)
    assert ("county_holders_unnamed", "not_handled") in answers(policy, r, engine)
    kept = policy.with_parameters(misrouted_level_holder="kind_department")
    assert ("county_construction", "not_handled") in answers(kept, r, engine)


def test_deadlines_without_assignments_in_bulk_equal_who_answers(policy: Policy) -> None:
    recs = [{**reported_house(d, f), "id": f"{d}-{f}"} for d in (None, "2021-04-01", "2021-05-31")
            for f in (None, "2021-04-20", "2021-05-20", "2021-06-05")]
    same_in_bulk(policy, recs)


# ------------------------------------------------------------ 6. review31's interim: report_to_oversight named

@pytest.mark.parametrize("engine", ENGINES)
def test_a_report_to_a_bureau_with_no_part_names_report_to_oversight(policy: Policy, engine: str) -> None:
    """R31-43: the county's not_handled (its report to 市教育部门 set aside) rests on report_to_oversight, which moves
    it: under any_receiver the city had it, and its 住建 answers instead. Fails before (only irregular_step)."""
    r = {"id": "r31-43", "area": "housing", "kind": "housing_policy_gap", "place": "330824", "severity": "minor",
         "discovered": {"level": "county", "channel": "dynamic_tracking", "on": "2021-03-01"},
         "handled": [{"action": "reported", "by_level": "county", "to_level": "city", "to_body": "city_education",
                      "on": "2021-03-03"}], "as_of": "2021-06-30"}
    v = policy.who_answers(r, engine=engine)  # type: ignore[arg-type]
    county = [f for f in v.findings if f.level == "county" and f.basis == "not_handled"]
    assert county and all("report_to_oversight" in f.rests_on for f in county)
    other = policy.with_parameters(report_to_oversight="any_receiver").who_answers(r, engine=engine)  # type: ignore[arg-type]
    assert not [f for f in other.findings if f.level == "county" and f.basis == "not_handled"]
    assert all("report_to_oversight" in f.rests_on for f in other.findings if f.basis == "not_handled")


# ------------------------------------------------------------ fid31d's ask B: an area's line_named_only_without_kind

FIELD = "line_named_only_without_kind:\n  discovery: [funds_province_city_ethnic_oversee_own]\n"


def own_line_rules(rules_copy: Path, named_only: bool = True) -> Policy:
    """The shipped rules, where 二(四)7 民宗's own-line oversight is among funds' duties for a record naming no kind
    (funds.yaml, lead31) counting only for a record naming the ethnic line; without ``named_only``, the same rules
    with the area's line_named_only_without_kind taken out."""
    path = rules_copy / "areas" / "funds.yaml"
    text = path.read_text(encoding="utf-8")
    assert FIELD in text
    if not named_only:
        path.write_text(text.replace(FIELD, "", 1), encoding="utf-8")
    return load(rules_copy)


def city_funds(sector: str | None) -> dict[str, Any]:
    r: dict[str, Any] = {"id": "f", "area": "funds", "place": "3301", "severity": "serious",
                         "discovered": {"level": "province", "channel": "audit", "on": "2021-03-01"},
                         "handled": [{"action": "assigned", "by_level": "province", "to_level": "city",
                                      "on": "2021-03-02"}], "as_of": "2021-08-01"}
    return {**r, "sector": sector} if sector else r


def test_an_areas_line_named_only_without_kind_is_read(rules_copy: Path) -> None:
    """二(四)7 扶贫、民宗部门负责统筹监督扶贫资金和资产的管理使用, read for 民宗's own line: a kind-less city funds
    record naming the ethnic line names 市民宗 应发现未发现; one naming no line does not name the city's 问题所属部门
    through that duty — as without the field it would (the role standing for the own-line duty)."""
    p = own_line_rules(rules_copy)
    assert p.areas["funds"].line_named_only_without_kind.of("discovery") == ["funds_province_city_ethnic_oversee_own"]
    assert p.role_stands_aside("funds", None, "discovery", "city_sector_department",
                               ("funds_province_city_ethnic_oversee_own",))
    assert ("city_ethnic_religious", "not_discovered") in answers(p, city_funds("ethnic_religious"))
    lineless = answers(p, city_funds(None))
    assert ("city_sector_department", "not_discovered") not in lineless


def test_without_the_field_the_role_stands_for_the_own_line_duty(rules_copy: Path) -> None:
    p = own_line_rules(rules_copy, named_only=False)
    assert not p.role_stands_aside("funds", None, "discovery", "city_sector_department",
                                   ("funds_province_city_ethnic_oversee_own",))
    assert ("city_sector_department", "not_discovered") in answers(p, city_funds(None))


def test_line_named_only_without_kind_lists_only_the_areas_own_sector_duties(rules_copy: Path) -> None:
    """The field names a duty the area's stages_without_kind lists at that stage: taken out of the list, refused."""
    path = rules_copy / "areas" / "funds.yaml"
    text = path.read_text(encoding="utf-8")
    listed = " funds_province_city_ethnic_oversee_own,"
    assert listed in text.split(FIELD)[0].split("stages_without_kind:")[1]
    head, tail = text.split("stages_without_kind:", 1)
    path.write_text(head + "stages_without_kind:" + tail.replace(listed, "", 1), encoding="utf-8")
    with pytest.raises(RulesError, match="stages_without_kind lists at discovery"):
        load(rules_copy)
