"""fidelity22 (engine22): review21's R21-2 (a problem with no kind, placed at a city or the province, handed to that
level with no body), R21-4 (a verdict lists the parameters it rests on though no finding does), R21-12, R21-10 and
R21-9 — in both engines and, where findings change, in bulk."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from responsibility import Jurisdiction, Policy

from .test_batch import TODAY, expected, got
from .verdicts import answers as _answers
from .verdicts import rests as _rests

ENGINES = ("durable", "compiled")
#: 杭州市, and the province.
CITY, PROVINCE = "3301", "33"
PLACE_ABOVE = "place_above_rectifiers"


def _kindless(place: str = CITY, by: str = "province", to: str | None = None, to_body: str | None = None,
              area: str = "education", **extra: Any) -> dict[str, Any]:
    """R21-2's record U2: a problem with no kind at ``place``, found by ``by`` and assigned by it to ``to`` (the
    place's level) naming ``to_body`` (or no body)."""
    to = to or ("province" if place in (PROVINCE, "330000000000") else "city")
    step: dict[str, Any] = {"action": "assigned", "by_level": by, "to_level": to, "on": "2021-03-02"}
    if to_body is not None:
        step["to_body"] = to_body
    channel = "inspection_tour" if by == "province" else "audit"
    return {"id": "U2", "area": area, "place": place, "severity": "serious",
            "discovered": {"level": by, "channel": channel, "on": "2021-03-01"},
            "handled": [step], "deadline": "2021-04-01", "as_of": "2021-06-30", **extra}


# ------------------------------------------------------------------------------------------------------------ R21-2


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("place", "by"), [(CITY, "city"), (PROVINCE, "province")])
def test_a_kindless_problem_its_places_level_hands_itself_with_no_body_leaves_it_with_the_holder(
        policy: Policy, engine: str, place: str, by: str) -> None:
    """R21-2: 一(四) 对发现问题没有按程序及时交办和上报的. A problem with no kind placed at a city (or the province)
    that the level itself "assigns" to itself naming no body shows no body that took it: the level that held it answers
    for not passing it on, as it does for the same record with a kind — not nobody. The verdict says it rests on
    place_above_rectifiers and irregular_step. moved (fid44b, review44 D2): which body of the level held it the
    record does not say (一(四) 相关工作人员; 一(三) 省市两级及时回应基层反映问题 names none), and the
    office's 二(一)1(3) 同级…日常事务 is read as the county's keeper of the lists is: receiving_level_body's
    role (a record naming no kind), once, by default; the office under handling_holders."""
    r = _kindless(place, by)
    assert (f"{by}_sector_department", "not_handled") in _answers(policy, r, engine)
    assert {PLACE_ABOVE, "irregular_step", "receiving_level_body"} <= _rests(policy, r, engine)
    holders = policy.with_parameters(receiving_level_body="handling_holders")
    assert (f"{by}_poverty_office", "not_handled") in _answers(holders, r, engine)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_kindless_problem_handed_down_to_its_places_level_with_no_body_is_the_levels_role(
        policy: Policy, engine: str) -> None:
    """R21-2, the province assigning a city-placed problem to the city naming no body. moved (fid33a, review32
    F3's kindless side): this asserted 省扶贫办 未及时交办上报 (place_above_rectifiers counting no such
    assignment). The province did its 交办 in a day, and the missing body is the record's omission, not 一(四)
    对发现问题没有按程序及时交办和上报的: by place_above_rectifiers' default the assignment counts, as with a kind
    since 871e4bc (fid32c), and the city's role (市相关部门（问题所属部门）, unresolved, once) answers 整改不到位 —
    no city department is named for a problem the record puts in no department's line; the province nothing.
    Under ``holder`` the province answers as before."""
    r = _kindless(CITY, "province")
    office = "province_poverty_office"
    for record in (r, {**r, "kind": "education_aid_not_paid"}):
        got = _answers(policy, record, engine)
        assert ("city_sector_department", "not_rectified") in got and (office, "not_handled") not in got, got
    assert PLACE_ABOVE in _rests(policy, r, engine)
    holder = policy.with_parameters(**{PLACE_ABOVE: "holder"})
    # (fid41c, fid42c — review41b D1: the province's one holder of passing it on is the 扶贫办 by 二(二)5 alone, so
    # receiving_level_body names the body: the role, for a problem of no kind)
    assert ("province_sector_department", "not_handled") in _answers(holder, r, engine)
    assert {PLACE_ABOVE, "irregular_step", "receiving_level_body"} <= _rests(holder, r, engine)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_kindless_problem_handed_to_a_named_body_of_its_places_level_rests_on_place_above(
        policy: Policy, engine: str) -> None:
    """R21-2, the named-body side: by default the named city body is the assignee (as with a kind), and the verdict
    says that rests on place_above_rectifiers; under ``holder`` the province, which held it, answers instead."""
    r = _kindless(to_body="city_education")
    assert ("city_education", "not_rectified") in _answers(policy, r, engine)
    assert PLACE_ABOVE in _rests(policy, r, engine)
    holder = policy.with_parameters(**{PLACE_ABOVE: "holder"})
    held = _answers(holder, r, engine)
    assert ("province_education", "not_handled") in held  # (fid41c, fid42c: receiving_level_body, the line's)
    assert ("city_education", "not_rectified") not in held


def test_kindless_place_level_records_in_bulk_equal_who_answers(policy: Policy, province: Jurisdiction) -> None:
    """The bulk path gives what who_answers gives for such records (it sends them to its reference path), across
    areas, places, assigners, bodies and both values of place_above_rectifiers."""
    city, top = province.at_level("city")[0].code, province.at_level("province")[0].code
    records = []
    for i, (area, (place, by), body) in enumerate(itertools.product(
            ("education", "housing", "funds", "water"),
            [(city, "province"), (city, "city"), (top, "province")],
            (None, "city_education", "city_poverty_office"))):
        level = "province" if place == top else "city"
        if body is not None and level == "province":
            body = body.replace("city_", "province_")
        records.append({**_kindless(place, by, level, body, area), "id": f"k{i}"})
    for p in (policy, policy.with_parameters(**{PLACE_ABOVE: "holder"})):
        a = p.assess(records, jurisdiction=province, today=TODAY)
        assert got(a) == expected(p, province, records, "compiled")


# ------------------------------------------------------------------------------------------------------------ R21-4


def _s1389() -> dict[str, Any]:
    """R21-4's S1389: a late renovation placed at the city, found by the province through the media and assigned to
    the city construction bureau; the verdict's day is before the bureau's deadline."""
    return {"id": "S1389", "area": "housing", "kind": "housing_renovation_late", "place": CITY, "severity": "grave",
            "discovered": {"level": "province", "channel": "media", "on": "2021-03-01"},
            "handled": [{"action": "assigned", "by_level": "province", "to_level": "city",
                         "to_body": "city_construction", "on": "2021-03-02"}], "as_of": "2021-03-26"}


def _s2651() -> dict[str, Any]:
    """R21-4's S2651: a health policy gap placed at the city, found by the city's audit and assigned by the city to
    itself with no body; the verdict's day is before the deadline."""
    return {"id": "S2651", "area": "health", "kind": "health_policy_gap", "place": CITY, "severity": "grave",
            "discovered": {"level": "city", "channel": "audit", "on": "2021-03-01"},
            "handled": [{"action": "assigned", "by_level": "city", "to_level": "city", "on": "2021-03-04"}],
            "as_of": "2021-03-26"}


@pytest.mark.parametrize("engine", ENGINES)
def test_a_verdict_spared_by_an_assignment_at_the_place_says_it_rests_on_place_above(policy: Policy,
                                                                                     engine: str) -> None:
    """R21-4: the province's assignment to the city construction bureau counted (place_above_rectifiers, its default),
    so the province answers for nothing and the bureau's deadline has not passed: no finding. Under ``holder`` the
    province answers for not passing it on, so the verdict rests on the parameter and says so, though no finding
    carries it (parameters.yaml: "Either way the verdict says it rests on this")."""
    r = _s1389()
    assert not policy.who_answers(r, engine=engine).findings
    assert PLACE_ABOVE in _rests(policy, r, engine)
    assert ("province_construction", "not_handled") in _answers(  # (fid41c, fid42c: 二(六)4(6), receiving_level_body)
        policy.with_parameters(**{PLACE_ABOVE: "holder"}), r, engine)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_policy_gap_read_as_the_citys_own_says_so_with_no_finding(policy: Policy, engine: str) -> None:
    """R21-4: a gap placed at the city is the city's own by policy_gap_owner (place), so its assignment at the city
    disposed of it; under ``kind`` the city had to report it upward. With no finding yet, the verdict still lists the
    parameter."""
    r = _s2651()
    assert not policy.who_answers(r, engine=engine).findings
    assert "policy_gap_owner" in _rests(policy, r, engine)
    assert _answers(policy.with_parameters(policy_gap_owner="kind"), r, engine)


# ------------------------------------------------------------------------------------------------------------ R21-10

VILLAGE = "330127100219"


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("area", "kind"), [("education", "education_student_not_identified"),
                                            ("basic_needs", "basic_needs_payment_late")])
def test_a_township_holding_a_problem_that_is_no_specific_problem_of_its_own_is_not_cited_under_2_2_2(
        policy: Policy, engine: str, area: str, kind: str) -> None:
    """R21-10: the township's grid found a student not identified (a payment late) and sat on it. It answers for
    not passing it on (一(四) 对发现问题没有按程序及时交办和上报的), but the kind is the school's and the county
    bureaus' own work, no 具体问题 of the township (二(二)2 对涉及本乡镇（街道）扶贫领域具体问题的发现和整改工作
    负责): the finding cites 一(三)/一(四) and quotes no duty, as for a named finder; a kind that is its 具体问题
    (a house) keeps 二(二)2."""
    r = {"id": "S4", "area": area, "kind": kind, "place": VILLAGE, "severity": "serious", "as_of": "2021-06-30",
         "discovered": {"level": "township", "channel": "grid", "on": "2021-03-01"}}
    held = [f for f in policy.who_answers(r, engine=engine).findings
            if f.body == "township_government" and f.basis == "not_handled"]
    assert held and all("二(二)2" not in f.clauses and not f.duties for f in held)
    assert "发现（接报）该问题" in held[0].reason
    house = {**r, "area": "housing", "kind": "housing_danger_unreported"}
    kept = [f for f in policy.who_answers(house, engine=engine).findings
            if f.body == "township_government" and f.basis == "not_handled"]
    assert kept and "二(二)2" in kept[0].clauses


# ------------------------------------------------------------------------------------------------------------ R21-9


@pytest.mark.parametrize("engine", ENGINES)
def test_a_reason_quotes_some_words_of_every_duty_clause_it_cites(policy: Policy, engine: str) -> None:
    """R21-9: 县民政局 misses a late basic-needs payment: its duties are two of 二(六)1(3) and 二(二)3's
    涉及本部门问题的动态发现; the reason quoted the first two only and cited 二(二)3 without a word of it. Every
    duty's clause the finding cites now has a quote in the reason. (fid28b: a late payment's discovery is 二(六)1(3)
    发放困难群众基本生活保障金 alone, no longer the approval beside it, so the three duties are 县级医保部门's for late
    medical assistance: 二(六)3(3) 审核、审批 and 核算、汇总上报, with 二(二)3.)"""
    r = {"id": "B2", "area": "health", "kind": "health_assistance_late", "place": VILLAGE,
         "severity": "serious", "sector": "medical_insurance", "as_of": "2021-06-30",
         "discovered": {"level": "province", "channel": "survey_verification", "on": "2021-03-01"}}
    v = policy.who_answers(r, engine=engine)
    missed = [f for f in v.findings if f.body == "county_medical_insurance" and f.basis == "not_discovered"]
    assert missed and len(missed[0].duties) > 2
    for did in missed[0].duties:
        duty = policy.duties[did]
        assert duty.clause in missed[0].clauses
        assert any(policy.duties[x].quote[:6] in missed[0].reason for x in missed[0].duties
                   if policy.duties[x].clause == duty.clause), duty.clause


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("level", "bodies", "clause"), [("village", ("village_committee", "village_party_branch"),
                                                          "二(二)1"),
                                                         ("township", ("township_government",), "二(二)2")])
def test_a_village_or_township_concealing_a_problem_that_is_no_specific_problem_of_its_own_is_cited_under_1_4(
        policy: Policy, engine: str, level: str, bodies: tuple[str, ...], clause: str) -> None:
    """review22 R22-6, the concealment twin of R21-10: a village (township) that concealed a late payment from the
    province's inspection answers for it (一(四) 对上级核查和巡视审计等过程中瞒报漏报问题的), citing 一(四), not
    二(二)1–2, which the kind says is not its part."""
    r = {"id": "R22-6", "area": "basic_needs", "kind": "basic_needs_payment_late", "place": VILLAGE,
         "severity": "serious", "as_of": "2021-06-30", "rectified_on": "2021-03-05", "concealed_by": [level],
         "discovered": {"level": "province", "channel": "inspection_tour", "on": "2021-03-01"}}
    hid = [f for f in policy.who_answers(r, engine=engine).findings if f.basis == "concealed"]
    assert {f.body for f in hid} == set(bodies)
    assert all(clause not in f.clauses and "一(四)" in f.clauses for f in hid)


# ------------------------------------------------------------------------------------------------------------ R22-1


def _gap_found_below(rectified_on: str | None) -> dict[str, Any]:
    """review22 R22-1's record A: the county's census finds a provincial health policy gap; no step is shown."""
    r: dict[str, Any] = {"id": "A", "area": "health", "kind": "health_policy_gap", "place": VILLAGE,
                         "severity": "serious", "as_of": "2021-06-30",
                         "discovered": {"level": "county", "channel": "verification_census", "on": "2021-03-01"}}
    if rectified_on:
        r["rectified_on"] = rectified_on
    return r


@pytest.mark.parametrize("engine", ENGINES)
def test_a_level_that_cannot_rectify_a_problem_itself_is_not_read_as_having_done_so(policy: Policy,
                                                                                    engine: str) -> None:
    """R22-1: a county cannot mend the province's health policy (二(六)3(5) 省市…制定健康扶贫相关政策), so a gap it
    found and that was mended within the limits was evidently passed on — not "rectified by the county itself", and the
    verdict does not rest on self_rectified_report_required; under that parameter's ``true`` the county does not
    answer for not reporting what it rectified itself either. A village that did rectify its own dangerous house
    keeps the reading (F8-D3)."""
    SELF = "self_rectified_report_required"
    a = _gap_found_below("2021-03-31")
    assert not policy.who_answers(a, engine=engine).findings
    assert SELF not in _rests(policy, a, engine)
    assert not _answers(policy.with_parameters(**{SELF: True}), a, engine)
    assert ("county_poverty_office", "not_handled") in _answers(policy, _gap_found_below(None), engine)
    # (since session 30 not a dangerous house: 二(六)4(1) gives the village only 协助乡镇…危房排查、危房改造和应急
    # 处置, so it cannot have made one safe itself either, and such a record rests on the time limits; a household
    # helped to apply, 二(六)1(1), is wholly the village's)
    b = {"id": "B", "area": "basic_needs", "kind": "basic_needs_not_helped_to_apply", "place": VILLAGE,
         "severity": "serious", "as_of": "2021-06-30", "rectified_on": "2021-04-09",
         "discovered": {"level": "village", "channel": "grid", "on": "2021-03-01"}}
    assert SELF in _rests(policy, b, engine)
    house = {**b, "area": "housing", "kind": "housing_danger_unreported"}
    assert SELF not in _rests(policy, house, engine) and not policy.who_answers(house, engine=engine).findings


def test_self_rectified_records_in_bulk_equal_who_answers(policy: Policy, province: Jurisdiction) -> None:
    """R22-1 in bulk: kinds whose lowest rectifying level is above the finder's, found and rectified without a step,
    under both values of self_rectified_report_required."""
    village = province.at_level("village")[0].code
    records = []
    kinds = [("health", "health_policy_gap"), ("housing", "housing_danger_unreported"),
             ("funds", "funds_rules_gap"), ("basic_needs", "basic_needs_payment_late")]
    for i, ((area, kind), level, fixed) in enumerate(itertools.product(
            kinds, ("village", "township", "county"), ("2021-03-05", "2021-04-05", "2021-05-20"))):
        records.append({"id": f"s{i}", "area": area, "kind": kind, "place": village, "severity": "serious",
                        "as_of": "2021-06-30", "rectified_on": fixed,
                        "discovered": {"level": level, "channel": "grid" if level != "county" else "hotline",
                                       "on": "2021-03-01"}})
    for p in (policy, policy.with_parameters(self_rectified_report_required=True)):
        a = p.assess(records, jurisdiction=province, today=TODAY)
        assert got(a) == expected(p, province, records, "compiled")


# ------------------------------------------------------------------------------------------------------------ R21-12

LEADERS = "level_assignment_leaders"


def _to_county(kind: str = "housing_renovation_late", area: str = "housing", body: str | None = None,
               severity: str = "minor") -> dict[str, Any]:
    """A problem the city found and assigned to the county (naming ``body``, or no body), not rectified by the
    deadline."""
    step: dict[str, Any] = {"action": "assigned", "by_level": "city", "to_level": "county", "on": "2021-03-02"}
    if body is not None:
        step["to_body"] = body
    return {"id": "R21-12", "area": area, "kind": kind, "place": VILLAGE, "severity": severity,
            "discovered": {"level": "city", "channel": "media", "on": "2021-03-01"}, "handled": [step],
            "deadline": "2021-04-01", "as_of": "2021-06-30"}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("area", "kind"), [("housing", "housing_renovation_late"),
                                            ("basic_needs", "basic_needs_below_floor")])
def test_an_assignment_to_the_county_as_a_whole_makes_its_leaders_press_not_rectify(
        policy: Policy, engine: str, area: str, kind: str) -> None:
    """R21-12: the city hands a house's renovation (a household below the floor line) to the county naming no body.
    The departments the text gives the work (二(六)4(3)–(4), 二(六)1(3)) answer 整改不到位; by default
    (level_assignment_leaders: press) the county Party committee and government answer for pressing them (二(二)4),
    not 整改不到位 beside them, as when the assignment names a department; under ``rectify`` they answer 整改不到位
    (二(六)4(5), 二(六)1(4)). The verdict lists the parameter under either value."""
    r = _to_county(kind, area)
    held = _answers(policy, r, engine)
    for leader in ("county_party_committee", "county_government"):
        assert (leader, "not_rectified") not in held
        assert (leader, "supervision") in held
    assert any(b.startswith("county_") and basis == "not_rectified" and b not in
               ("county_party_committee", "county_government") for b, basis in held)
    assert LEADERS in _rests(policy, r, engine)
    old = policy.with_parameters(**{LEADERS: "rectify"})
    assert {("county_party_committee", "not_rectified"), ("county_government", "not_rectified")} <= \
        _answers(old, r, engine)
    assert LEADERS in _rests(old, r, engine)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_work_the_text_gives_the_leaders_alone_stays_theirs(policy: Policy, engine: str) -> None:
    """R21-12: a missing discovery mechanism assigned to the county: 二(二)4 健全问题发现办法和整改机制 is the county
    Party committee's and government's own work, so they answer 整改不到位 under either value, and the verdict does not
    rest on the parameter."""
    r = _to_county("mechanism_missing", "discovery")
    for p in (policy, policy.with_parameters(**{LEADERS: "rectify"})):
        assert ("county_government", "not_rectified") in _answers(p, r, engine)
        assert LEADERS not in _rests(p, r, engine)


def test_route_proposes_the_departments_the_parameter_gives(policy: Policy) -> None:
    """R21-12: route's 交办整改至 follows the parameter: the county construction bureau, not 县委/县政府 beside it,
    by default; both under ``rectify``. (It names bodies: a verdict on an assignment naming one does not rest on the
    parameter, so neither does the route.)"""
    r = {"id": "p1", "area": "housing", "kind": "housing_renovation_late", "place": VILLAGE,
         "discovered": {"level": "city", "channel": "media", "on": "2021-03-01"}}
    press = policy.route(r)
    assert "county_construction" in {b.body for b in press.assignees}
    assert not {"county_party_committee", "county_government"} & {b.body for b in press.assignees}
    rectify = policy.with_parameters(**{LEADERS: "rectify"}).route(r)
    assert {"county_party_committee", "county_government"} <= {b.body for b in rectify.assignees}


def test_level_wide_assignments_in_bulk_equal_who_answers(policy: Policy, province: Jurisdiction) -> None:
    """The bulk path reads the same compiled rules: level-wide and named assignments to the county, every severity,
    under both values."""
    village = province.at_level("village")[0].code
    kinds = [("housing", "housing_renovation_late"), ("housing", "housing_danger_unreported"),
             ("basic_needs", "basic_needs_below_floor"), ("discovery", "mechanism_missing")]
    records = []
    for i, ((area, kind), body, sev) in enumerate(itertools.product(
            kinds, (None, "county_construction", "county_government"), ("minor", "serious", "grave"))):
        records.append({**_to_county(kind, area, body, sev), "id": f"l{i}", "place": village})
    for p in (policy, policy.with_parameters(**{LEADERS: "rectify"})):
        a = p.assess(records, jurisdiction=province, today=TODAY)
        assert got(a) == expected(p, province, records, "compiled")


# ------------------------------------------------------------------------------------------------------------ R21-11


def test_route_rests_on_self_rectification_only_where_the_level_could_dispose_of_it(policy: Policy) -> None:
    """R21-11: a county registering a provincial policy gap must report it upward and can neither rectify it itself nor
    pass it down to a level that can: its route does not rest on self_rectified_report_required. A township
    registering its village's unmaintained water works (which it can put right itself: 二(六)5(2) 落实工程长效管护)
    still does. (fid66: a dangerous house, the example here before, is one the township only reports on — 二(六)4(2)
    及时发现掌握并上报本辖区危房情况, the appraisal 二(六)4(3) 县建设部门's, and its village is no level it can be left
    with — so its route, like the county's, does not rest on the parameter.)"""
    gap = {"id": "g", "area": "health", "kind": "health_policy_gap", "place": VILLAGE,
           "discovered": {"level": "county", "channel": "verification_census", "on": "2021-03-01"}}
    r = policy.route(gap)
    assert r.escalate and "self_rectified_report_required" not in r.rests_on
    works = {"id": "w", "area": "water", "kind": "water_facilities_unmaintained", "place": VILLAGE,
             "discovered": {"level": "township", "channel": "grid", "on": "2021-03-01"}}
    r = policy.route(works)
    assert r.escalate and "self_rectified_report_required" in r.rests_on
    house = {"id": "h", "area": "housing", "kind": "housing_danger_unreported", "place": VILLAGE,
             "discovered": {"level": "township", "channel": "grid", "on": "2021-03-01"}}
    r = policy.route(house)
    assert r.escalate and "self_rectified_report_required" not in r.rests_on and not r.may_rectify


# ------------------------------------------------------------------------------------------------------------ P9-03


def test_route_says_which_of_the_records_fields_it_does_not_read(policy: Policy) -> None:
    """P9-03: a route is for a newly registered problem: a record the county already assigned to the township, with
    a deadline, is routed from its discovery. The route says so (``unread``) rather than silently ignoring them; a
    record with none of them lists none."""
    r = {"id": "p", "area": "housing", "kind": "housing_renovation_late", "place": VILLAGE,
         "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"}}
    assert policy.route(r).unread == () and policy.route(r).to_dict()["unread"] == []
    stepped = {**r, "handled": [{"action": "assigned", "by_level": "county", "to_level": "township",
                                 "on": "2021-03-20"}], "deadline": "2021-05-01", "as_of": "2021-03-22"}
    assert policy.route(stepped).to_dict()["unread"] == ["handled", "deadline"]


# ------------------------------------------------------------------------------------------------------------ R21-5

JOINT = "joint_guidance_every_line"


def _school(sector: str | None, to: str | None = "county_school") -> dict[str, Any]:
    """R21-5's E2: the county handed an unidentified student to the school (``to``; None: to the county as a whole),
    which did not act."""
    r: dict[str, Any] = {"id": "E2", "area": "education", "kind": "education_student_not_identified",
                         "place": VILLAGE, "severity": "serious", "deadline": "2021-04-01", "as_of": "2021-06-30",
                         "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
                         "handled": [{"action": "assigned", "by_level": "county", "to_level": "county",
                                      "to_body": to, "on": "2021-03-03"}]}
    if sector:
        r["sector"] = sector
    return r


@pytest.mark.parametrize("engine", ENGINES)
def test_joint_guidance_follows_the_records_line_by_default(policy: Policy, engine: str) -> None:
    """R21-5: 二(六)2(4) names six departments together for 指导、协调教育扶贫政策的落实. A record in the education line
    makes the city education bureau press the school (and the 扶贫办 through its own 二(二)5), not the city's civil
    affairs, finance, human-resources and disabled-persons' bodies; with no sector the city's 问题所属部门 once
    (sectorless_alternatives=unresolved; every one under every_holder); under joint_guidance_every_line every one
    answers whatever the line, and the verdict says it rests on that."""
    # (fid32a: which city body presses by its line, not whether the city presses: under the default,
    # own_and_shown_above, a city the record never shows had the problem presses nothing — read as before)
    policy = policy.with_parameters(supervision_scope="own_and_level_above")
    others = {"city_civil_affairs", "city_finance", "city_hrss", "city_disabled_federation"}
    lined = {b for b, basis in _answers(policy, _school("education"), engine) if basis == "supervision"}
    assert "city_education" in lined and not lined & others
    assert "education_province_city_guide" in _rests(policy, _school("education"), engine)
    # the school the county named is the education line's (二(六)2(1)–(2); review23 #2): as with the sector
    assert {b for b, basis in _answers(policy, _school(None), engine) if basis == "supervision"} == lined
    assert "sectorless_alternatives" not in _rests(policy, _school(None), engine)
    plain = {b for b, basis in _answers(policy, _school(None, None), engine) if basis == "supervision"}
    assert "city_sector_department" in plain and not plain & others
    assert "sectorless_alternatives" in _rests(policy, _school(None, None), engine)
    every = policy.with_parameters(sectorless_alternatives="every_holder")
    assert others <= {b for b, basis in _answers(every, _school(None, None), engine) if basis == "supervision"}
    joint = policy.with_parameters(**{JOINT: True})
    assert others <= {b for b, basis in _answers(joint, _school("education"), engine) if basis == "supervision"}
    assert JOINT in _rests(joint, _school("education"), engine)


def test_joint_guidance_in_bulk_equals_who_answers(policy: Policy, province: Jurisdiction) -> None:
    """R21-5 in bulk: records of the three areas with each sector and none, under both values."""
    village = province.at_level("village")[0].code
    cases = [("education", "education_student_not_identified", "county_school"),
             ("health", "health_assistance_late", None), ("projects", "project_late_or_unfinished", None)]
    records = []
    for i, ((area, kind, body), sector) in enumerate(itertools.product(
            cases, (None, "education", "finance", "civil_affairs", "water", "medical_insurance", "poverty_office"))):
        if sector is not None and sector not in policy.sectors_with_part(area):
            continue
        r = {**_school(sector), "id": f"j{i}", "area": area, "kind": kind, "place": village}
        if body is None:
            r["handled"] = [{"action": "assigned", "by_level": "county", "to_level": "county", "on": "2021-03-03"}]
        records.append(r)
    for p in (policy, policy.with_parameters(**{JOINT: True})):
        a = p.assess(records, jurisdiction=province, today=TODAY)
        assert got(a) == expected(p, province, records, "compiled")


def test_route_of_the_provinces_policy_gap_offers_the_provinces_departments(policy: Policy) -> None:
    """review22: a health policy gap placed at a village is the province's policy (policy_gap_owner: place); the city's
    医保/卫健 make the city's own policies (二(六)3(5) 省市…制定健康扶贫相关政策), so the route's 交办整改至（由省交办）
    names the province's departments only. A gap placed at the city is the city's, and names its own."""
    # review25 R25-1: 二(六)3(5) is read by line (joint_guidance_every_line false): the record names its line; one
    # naming none is offered the level's 问题所属部门 once (sectorless_alternatives)
    gap = {"id": "g", "area": "health", "kind": "health_policy_gap", "place": VILLAGE, "sector": "health",
           "discovered": {"level": "county", "channel": "verification_census", "on": "2021-03-01"}}
    assert {b.body for b in policy.route(gap).assignees} == {"province_health"}
    city = {**gap, "place": CITY, "discovered": {"level": "city", "channel": "audit", "on": "2021-03-01"}}
    assert {b.body for b in policy.route(city).assignees} == {"city_health"}
    lineless = {k: v for k, v in gap.items() if k != "sector"}
    assert {b.body for b in policy.route(lineless).assignees} == {"province_sector_department"}


@pytest.mark.parametrize("engine", ENGINES)
def test_a_policy_gap_in_one_line_names_that_lines_departments_only(policy: Policy, engine: str) -> None:
    """review22 R22-2 with a sector: an education policy gap the record puts in the civil-affairs line, found by the
    province through the media, nobody acting. 二(六)2(4) is read by line (joint_guidance_every_line: false): the
    province's and city's civil-affairs departments answer, not the five other lines' (12 bodies before)."""
    r = {"id": "E", "area": "education", "kind": "education_policy_gap", "sector": "civil_affairs", "place": VILLAGE,
         "severity": "serious", "as_of": "2021-06-30",
         "discovered": {"level": "province", "channel": "media", "on": "2021-03-01"}}
    held = _answers(policy, r, engine)
    assert ("province_civil_affairs", "not_handled") in held
    # the gap is the province's own policy, found by the province: the city, which makes such policy for itself,
    # is not named 应发现未发现 (一(一), 一(四) 应由本级发现; lower_level_finds_higher_policy false, review27 3b) —
    # with true, its line's department is, as before
    assert ("city_civil_affairs", "not_discovered") not in held
    assert ("city_civil_affairs", "not_discovered") in _answers(
        policy.with_parameters(lower_level_finds_higher_policy=True), r, engine)
    assert not {b for b, _ in held} & {"province_education", "province_finance", "province_hrss", "city_education",
                                        "city_finance", "city_hrss", "city_disabled_federation"}
    # (receiving_level_body: handling_holders — by default the province's body of the record's line alone had it, R22-2)
    # (the city's six as before only where it is to find the province's gap: lower_level_finds_higher_policy)
    assert len(_answers(policy.with_parameters(**{JOINT: True, "receiving_level_body": "handling_holders",
                                                  "lower_level_finds_higher_policy": True}), r, engine)) >= 12
