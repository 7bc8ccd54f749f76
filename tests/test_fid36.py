"""Three wrong answers of review35b (session 35), whose fixes were lost, re-established (fid36).

F3: an assignment to 县扶贫办 gives the record the office's line where the text gives it a part of its own
line in the problem (二(四)4 财政专项扶贫资金, 二(五)3 项目库): 一(三) 分类交办 by 问题类别 sorted the problem to the
office as its own, as an assignment to a department of one line does (sectorless_alternatives' why). Named
as finder, receiver or concealer the office shows no line: it keeps the lists every problem passes through
(一(三)).

F4: by sectorless_alternatives: every_holder, a level that had a problem through no body named
(receiving_level_body) or concealed it (concealing_level_body) names each of its departments that hold
the kind's handling for their own part (二(六)3(3) 医保…核算、汇总上报 / 县财政局负责资金拨付), not the
one 问题所属部门 standing for them, which it named under either value before. The stand-in of several
holders that are no departments each for its own part (二(二)4 县党委、政府, 一(三) 扶贫办:
unresolved_holders) stays one under either value.

F2: an assignment naming 县政府 or 县委 of a house's renovation is, by level_assignment_leaders (press) and
assignment_without_rectification_duty (level_holds), one to the county as a whole: 县建设部门 rectifies
(二(六)4(3)), the leaders press (二(二)4, 二(六)4(5)). Under rectify the named leader answers as assignee.
"""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Jurisdiction, Policy
from responsibility.engine._facts import assigned_line_of, assignee_only, line_of, record_line

from .verdicts import worded

ENGINES = ["compiled", pytest.param("durable", marks=pytest.mark.durable)]
PLACE = "330127100219"  # 富城村, 千岛湖镇, 淳安县


def _to_office(area: str, kind: str, action: str = "assigned", **more: Any) -> dict[str, Any]:
    """Found by the county's audit on 03-01 (``assigned``: handed to 县扶贫办 on 03-05, not rectified by 04-30), or by
    the township's grid and reported to 县扶贫办 on 03-05 (``reported``)."""
    if action == "assigned":
        found = {"level": "county", "channel": "audit", "on": "2021-03-01"}
        step = {"action": "assigned", "by_level": "county", "to_level": "county", "to_body": "county_poverty_office",
                "on": "2021-03-05"}
        more = {"deadline": "2021-04-30", **more}
    else:
        found = {"level": "township", "channel": "grid", "on": "2021-03-01"}
        step = {"action": "reported", "by_level": "township", "to_level": "county",
                "to_body": "county_poverty_office", "on": "2021-03-05"}
    return {"id": f"{kind}-{action}", "area": area, "kind": kind, "place": PLACE, "severity": "serious",
            "discovered": found, "handled": [step], "as_of": "2021-06-30", **more}


def _keys(policy: Policy, record: dict[str, Any], engine: str) -> set[tuple[str, str]]:
    return {(f.body, f.basis) for f in worded(policy, record, engine).findings}  # (a wording_only verdict's)


OWN_LINE = [("funds", "funds_diverted"), ("projects", "project_acceptance_lax")]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("area", "kind"), OWN_LINE)
def test_an_assignment_to_the_poverty_office_gives_its_line(policy: Policy, engine: str, area: str, kind: str) -> None:
    """The office rectifies its own line's problem; 县行业主管部门（问题所属部门） no longer presses it standing
    for another line's department (it did before: supervision through 二(四)4–5 / 二(五)3), and the answer is a
    record's naming sector poverty_office."""
    r = _to_office(area, kind)
    keys = _keys(policy, r, engine)
    assert ("county_poverty_office", "not_rectified") in keys
    assert not any(b == "county_sector_department" for b, _ in keys), keys
    assert keys == _keys(policy, {**r, "sector": "poverty_office"}, engine)


@pytest.mark.parametrize("engine", ENGINES)
def test_the_office_as_receiver_or_concealer_gives_no_line(policy: Policy, engine: str) -> None:
    """A report to the office, or its hiding a problem, says nothing of whose line it is (the keeper of the lists):
    the county's 问题所属部门 still stands for the holder the record does not name (fid34b r33-c07)."""
    hid = {"id": "hid", "area": "funds", "kind": "funds_poor_performance", "place": "330127", "severity": "serious",
           "discovered": {"level": "county", "channel": "audit", "on": "2021-03-01", "body": "county_audit"},
           "concealed_by": ["county_poverty_office"], "as_of": "2021-06-30"}
    keys = _keys(policy, hid, engine)
    assert ("county_sector_department", "not_handled") in keys
    assert ("county_poverty_office", "not_handled") not in keys
    assert ("county_poverty_office", "not_handled") in _keys(policy, _to_office("funds", "funds_diverted",
                                                                                "reported"), engine)


def test_the_line_an_assignment_to_the_office_shows(policy: Policy) -> None:
    """engine/_facts: the office's line shows as an assignee only, and only where the text gives it a part of its own
    line in the kind (none in a house's renovation, where its part is the lists' keeping)."""
    assert line_of(policy, "county_poverty_office") is None
    assert assigned_line_of(policy, "county_poverty_office") == "poverty_office"
    assert assignee_only(policy, "county_poverty_office") and not assignee_only(policy, "county_water")
    assert not assignee_only(policy, "county_government") and not assignee_only(policy, "county_audit")
    assert record_line(policy, "funds", "funds_diverted", [], ["county_poverty_office"]) == "poverty_office"
    assert record_line(policy, "funds", "funds_diverted", ["county_poverty_office"]) is None  # (finder, concealer)
    assert record_line(policy, "housing", "housing_renovation_late", ["county_poverty_office"]) is None


@pytest.mark.durable
def test_bulk_agrees_with_both_engines(policy: Policy, example: Jurisdiction) -> None:
    """The bulk path reads the line as the engine does (batch/_core.record_lines: the office gives none as finder or
    concealer or a report's receiver)."""
    from .test_batch import TODAY, expected, got

    hid = {"id": "hid", "area": "funds", "kind": "funds_poor_performance", "place": "330127", "severity": "serious",
           "discovered": {"level": "county", "channel": "audit", "on": "2021-03-01", "body": "county_poverty_office"},
           "concealed_by": ["county_poverty_office"], "as_of": "2021-06-30"}
    records = [*(_to_office(a, k) for a, k in OWN_LINE), *(_to_office(a, k, "reported") for a, k in OWN_LINE), hid]
    a = policy.assess(records, jurisdiction=example, today=TODAY)
    rows = got(a)
    assert rows == expected(policy, example, records, "compiled") == expected(policy, example, records, "durable")
    assert not any(row[4] == "county_sector_department" for row in rows[0] if row[1].endswith("-assigned"))


def _late_assistance(**more: Any) -> dict[str, Any]:
    """A late medical assistance (二(六)3(3)) found by the county's hotline on 03-01, nothing done (``more``: other
    fields)."""
    return {"id": "late", "area": "health", "kind": "health_assistance_late", "place": PLACE, "severity": "serious",
            "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"}, "handled": [],
            "as_of": "2021-06-30", **more}


HID = {"discovered": {"level": "city", "channel": "survey_verification", "on": "2021-03-01"},
       "handled": [{"action": "assigned", "by_level": "city", "to_level": "county", "on": "2021-03-03"}],
       "deadline": "2021-04-15", "rectified_on": "2021-04-10", "concealed_by": ["county"]}
EACH = {"county_medical_insurance", "county_finance"}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("basis", "more"), [("not_handled", {}), ("concealed", HID)])
def test_every_holder_names_each_department_a_level_stands_for(policy: Policy, engine: str, basis: str,
                                                               more: dict[str, Any]) -> None:
    """Under every_holder the two departments answer, each resting on sectorless_alternatives, and the role not; under
    the default the role once (unchanged)."""
    r = _late_assistance(**more)
    every = policy.with_parameters(sectorless_alternatives="every_holder").who_answers(r, engine=engine)
    named = {f.body for f in every.findings if f.basis == basis}
    assert named == EACH, named
    assert all("sectorless_alternatives" in f.rests_on for f in every.findings if f.basis == basis)
    default = {f.body for f in policy.who_answers(r, engine=engine).findings if f.basis == basis}
    assert default == {"county_sector_department"}


@pytest.mark.parametrize("engine", ENGINES)
def test_the_unnamed_holders_stay_one_under_every_holder(policy: Policy, engine: str) -> None:
    """二(六)1(4) 干部联系: its county holders (the Party committee, the government, the lists' keeper) are no
    departments each for its own part: sectorless_alternatives does not decide who answers (review34 F5). The
    leaders, who hold the item together, answer under either value — not the keeper, not the stand-in (fid62,
    check57 #5; before, one stand-in, unresolved)."""
    r = _late_assistance(area="basic_needs", kind="basic_needs_contact_missing", as_of="2021-05-30")
    leaders = {"county_party_committee", "county_government"}
    for view in (policy, policy.with_parameters(sectorless_alternatives="every_holder")):
        v = view.who_answers(r, engine=engine)
        assert {f.body for f in v.findings if f.basis == "not_handled"} == leaders
        assert "sectorless_alternatives" not in {i.id for i in v.interpretations}


def test_the_route_names_each_department_under_every_holder(policy: Policy) -> None:
    """`route` proposes the bodies a verdict would name if they did not pass it on."""
    r = {k: v for k, v in _late_assistance().items() if k != "handled"}
    every = policy.with_parameters(sectorless_alternatives="every_holder").route(r)
    assert {b.body for b in every.handlers} == EACH
    assert {b.body for b in policy.route(r).handlers} == {"county_sector_department"}


@pytest.mark.durable
def test_bulk_agrees_under_every_holder(policy: Policy, example: Jurisdiction) -> None:
    """The bulk path sends such records to the reference path (batch/_core.standing_alternatives)."""
    from .test_batch import TODAY, expected, got

    every = policy.with_parameters(sectorless_alternatives="every_holder")
    records = [_late_assistance(id="a"), _late_assistance(id="b", **HID),
               _late_assistance(id="c", area="basic_needs", kind="basic_needs_contact_missing")]
    rows = got(every.assess(records, jurisdiction=example, today=TODAY))
    assert rows == expected(every, example, records, "compiled") == expected(every, example, records, "durable")
    assert {row[4] for row in rows[0] if row[1] in ("a", "b")} == EACH


def _to_leader(leader: str | None) -> dict[str, Any]:
    """The city's check finds a late renovation on 03-01 and assigns it to the county on 03-05 (naming ``leader``),
    not renovated by 04-30."""
    step: dict[str, Any] = {"action": "assigned", "by_level": "city", "to_level": "county", "on": "2021-03-05"}
    if leader:
        step["to_body"] = leader
    return {"id": f"to-{leader}", "area": "housing", "kind": "housing_renovation_late", "place": PLACE,
            "severity": "serious",
            "discovered": {"level": "city", "channel": "survey_verification", "on": "2021-03-01"},
            "handled": [step], "deadline": "2021-04-30", "as_of": "2021-06-30"}


def _county(policy: Policy, r: dict[str, Any], engine: str) -> set[tuple[str, str]]:
    return {(f.body, f.basis) for f in policy.who_answers(r, engine=engine).findings if f.level == "county"
            and f.basis in ("not_rectified", "supervision")}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("leader", ["county_government", "county_party_committee"])
def test_an_assignment_naming_a_county_leader_is_the_county_s(policy: Policy, engine: str, leader: str) -> None:
    """Read as the assignment naming no body (it was: the named leader alone 整改不到位, 县建设部门 nothing); the
    findings rest on both parameters."""
    r = _to_leader(leader)
    got = _county(policy, r, engine)
    assert got == _county(policy, _to_leader(None), engine) == {
        ("county_construction", "not_rectified"), ("county_government", "supervision"),
        ("county_party_committee", "supervision")}
    v = policy.who_answers(r, engine=engine)
    assert "assignment_without_rectification_duty" in next(
        f.rests_on for f in v.findings if f.body == "county_construction" and f.basis == "not_rectified")


@pytest.mark.parametrize("engine", ENGINES)
def test_under_rectify_the_named_leader_is_the_assignee(policy: Policy, engine: str) -> None:
    """level_assignment_leaders: rectify reads 二(六)4(5) 组织做好…治理改造工作 as theirs to rectify: the named
    government answers 整改不到位 (the reading before), as it does beside the department for the county as a whole."""
    rectify = policy.with_parameters(level_assignment_leaders="rectify")
    assert ("county_government", "not_rectified") in _county(rectify, _to_leader("county_government"), engine)


@pytest.mark.durable
def test_bulk_agrees_on_assignments_naming_a_leader(policy: Policy, example: Jurisdiction) -> None:
    """batch/_tables.level_holds asks engine/_facts.assignee_rectifies as derive does."""
    from .test_batch import TODAY, expected, got

    records = [_to_leader(x) for x in ("county_government", "county_party_committee", None)]
    rows = got(policy.assess(records, jurisdiction=example, today=TODAY))
    assert rows == expected(policy, example, records, "compiled") == expected(policy, example, records, "durable")
    assert {row[1] for row in rows[0] if row[4] == "county_construction" and row[8] == "not_rectified"} == {
        r["id"] for r in records}
