"""Two over-blames (fid33a): review32 F3's kindless side and F6 (session 31 C1–C2).

F3, a record with no kind: a problem of the education area placed at a city code (3301), found by the province's
巡视 and assigned province → city the next day naming no body, unrectified past its deadline: 省扶贫办 answered
未及时交办上报 (resting on place_above_rectifiers and irregular_step), the city nothing — while the same record with a
kind has, since 871e4bc (fid32c), the city's role answer 整改不到位. 一(四) 对发现问题没有按程序及时交办和上报的: the
province did its 交办 in a day; the missing body is the record's omission. With no kind the record names no department
of the city either, so the role (市相关部门（问题所属部门）, unresolved, once) answers, or the department of the
record's line where it has a part in the area.

F6: the county hotline's find of an eligible applicant not included (二(三)3 县民政局…审核审批), "assigned"
by the county to the township (which cannot approve it: not 按程序), reported by the township to 县民政局 on
03-06 and approved on 05-20: 县民政局 was told 所在层级自2021-03-01掌握该问题…未在10天内按程序交办或上报, for days
the record shows it did not have the problem, and rectifier_holding was not consulted; the same bureau told
straight by the township rests on it.
R32-147 (the county's assignment to the township, nothing after): rectifier_holding was not consulted either — the
county's step counts as none (irregular_step), so the level shows no step of its own.
"""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Jurisdiction, Policy

from .verdicts import answers as _answers
from .verdicts import rests as _rests

ENGINES = ["compiled", pytest.param("durable", marks=pytest.mark.durable)]
OWN = "rectifier_holding"
VILLAGE = "330127100219"


def _kindless(area: str = "education", **more: Any) -> dict[str, Any]:
    """review32 F3's shape with no kind (R21-2's U2)."""
    return {"id": "U2", "area": area, "place": "3301", "severity": "serious",
            "discovered": {"level": "province", "channel": "inspection_tour", "on": "2021-03-01"},
            "handled": [{"action": "assigned", "by_level": "province", "to_level": "city", "on": "2021-03-02"}],
            "deadline": "2021-04-01", "as_of": "2021-06-30", **more}


def _bounce(report_on: str = "2021-03-06", **more: Any) -> dict[str, Any]:
    """review32 F6's record as it wrote it."""
    return {"id": "bounce-back", "area": "identification", "kind": "identification_applicant_not_included",
            "place": VILLAGE, "severity": "minor",
            "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
            "handled": [{"action": "assigned", "by_level": "county", "to_level": "township", "on": "2021-03-03"},
                        {"action": "reported", "by_level": "township", "to_level": "county",
                         "to_body": "county_civil_affairs", "on": report_on}],
            "rectified_on": "2021-05-20", "as_of": "2021-06-30", **more}


def _straight() -> dict[str, Any]:
    """The same bureau told straight by the township (no county step before it)."""
    r = _bounce()
    return {**r, "id": "straight", "discovered": {"level": "township", "channel": "grid", "on": "2021-03-01"},
            "handled": [r["handled"][1]]}


def _r32_147() -> dict[str, Any]:
    return {"id": "r32-147", "area": "identification", "kind": "identification_applicant_not_included",
            "place": VILLAGE, "severity": "minor",
            "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
            "handled": [{"action": "assigned", "by_level": "county", "to_level": "township", "on": "2021-03-03"}],
            "deadline": "2021-04-30", "as_of": "2021-06-30"}


def _rows(policy: Policy, record: dict[str, Any], engine: str = "compiled") -> set[tuple[str, str, str]]:
    v = policy.who_answers(record, engine=engine)  # type: ignore[arg-type]
    return {(f.body, f.basis, f.to_dict("zh")["reason"]) for f in v.findings}  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------------------ F3, no kind


@pytest.mark.parametrize("engine", ENGINES)
def test_a_kindless_city_problem_the_province_hands_the_city_naming_no_body_is_the_citys_role(
        policy: Policy, engine: str) -> None:
    """Before: {('province_poverty_office', 'not_handled')}."""
    got = _answers(policy, _kindless(), engine)
    # (fid47b, check47b #2: the kindless record reads 二(六)2(4) as education's kinds do, so the province's 问题所属部门
    # presses the city's rectification, as for education_student_not_identified at the same place)
    assert got == {("city_sector_department", "not_rectified"), ("province_sector_department", "supervision")}, got
    assert "place_above_rectifiers" in _rests(policy, _kindless(), engine)


def test_the_records_line_names_the_citys_department(policy: Policy) -> None:
    assert _answers(policy, _kindless(sector="education")) == {("city_education", "not_rectified"),
                                                                ("province_education", "supervision")}
    assert _answers(policy, _kindless("housing", sector="construction")) == {("city_construction", "not_rectified")}


def test_holder_and_a_levels_own_assignment_keep_the_holder(policy: Policy) -> None:
    holder = policy.with_parameters(place_above_rectifiers="holder")
    assert ("province_sector_department", "not_handled") in _answers(holder, _kindless())
    # the city handing itself its own find names nobody it handed it to: it still holds it (P9-19, R21-2) — the body
    # receiving_level_body stands for it (moved, fid44b: the office only under handling_holders; review44 D2)
    own = _kindless(discovered={"level": "city", "channel": "audit", "on": "2021-03-01"},
                    handled=[{"action": "assigned", "by_level": "city", "to_level": "city", "on": "2021-03-02"}])
    assert ("city_sector_department", "not_handled") in _answers(policy, own)
    assert ("city_poverty_office", "not_handled") in _answers(
        policy.with_parameters(receiving_level_body="handling_holders"), own)


# ------------------------------------------------------------------------------------------------ F6


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("reading", ["not_handled", "not_rectified"])
def test_the_bounce_back_reads_as_the_straight_report(policy: Policy, engine: str, reading: str) -> None:
    """Before: 县民政局 not_handled from 03-01 under either value, resting on receiving_level_body, not on
    rectifier_holding; the straight case: from 03-06, on rectifier_holding (not_rectified: 整改不到位 by 04-15)."""
    p = policy.with_parameters(**{OWN: reading})
    got = _rows(p, _bounce(), engine)
    assert got == _rows(p, _straight(), engine), got
    assert OWN in _rests(p, _bounce(), engine)
    assert ("county_civil_affairs", reading) in {(b, basis) for b, basis, _ in got}
    assert not any("2021-03-01" in reason for _, _, reason in got), got


def test_a_report_after_the_levels_limit_leaves_the_earlier_holding_with_the_role(policy: Policy) -> None:
    """The county held the hotline's find from 03-01; a report to 县民政局 on 03-20 came after its limit: the county's
    unnamed holder of the passing on (not the bureau, which the record shows had it only from 03-20; nor the role,
    which stood for that very bureau: check51b #3, fid52) answers for the county's delay."""
    got = _rows(policy, _bounce("2021-03-20"))
    assert any(b == "county_holders_unnamed" and "2021-03-01" in reason for b, _, reason in got), got
    assert not any(b == "county_civil_affairs" and "2021-03-01" in reason for b, _, reason in got), got


@pytest.mark.parametrize("engine", ENGINES)
def test_r32_147_rests_on_rectifier_holding(policy: Policy, engine: str) -> None:
    """The county's assignment to the township counts as none (irregular_step): the bureau's sitting on the find is
    rectifier_holding's. Before: not consulted (not_rectified changed nothing)."""
    assert OWN in _rests(policy, _r32_147(), engine)
    p = policy.with_parameters(**{OWN: "not_rectified"})
    got = _answers(p, _r32_147(), engine)
    assert ("county_civil_affairs", "not_rectified") in got and ("county_civil_affairs", "not_handled") not in got
    assert not any(b.startswith("township") for b, _ in got), got
    assert {OWN, "irregular_step"} <= _rests(p, _r32_147(), engine)


# ------------------------------------------------------------------------------------------------ bulk


@pytest.mark.slow
@pytest.mark.durable
def test_both_engines_and_bulk_agree(policy: Policy, example: Jurisdiction) -> None:
    from .test_batch import TODAY, expected, got

    records = [_bounce(), _bounce("2021-03-09"), _bounce("2021-03-20"), _straight(), _r32_147(),
               _bounce(rectified_on="2021-04-01"), _kindless(), _kindless(sector="education"),
               _kindless("funds", severity="grave")]
    records = [{**r, "id": f"r{i}"} for i, r in enumerate(records)]
    for p in (policy, policy.with_parameters(**{OWN: "not_rectified"}),
              policy.with_parameters(receiving_level_body="handling_holders")):
        a = p.assess(records, jurisdiction=example, today=TODAY)
        assert got(a) == expected(p, example, records, "compiled") == expected(p, example, records, "durable")


def test_route_proposes_whom_a_verdict_names(policy: Policy) -> None:
    """`responsibility route` of the kindless city problem proposed no assignee (交办整改至：-): it now proposes the
    body a verdict names for the province's assignment to the city — the city's role, or the department of the
    record's line."""
    record = {k: v for k, v in _kindless().items() if k not in ("handled", "deadline")}
    assert [b.body for b in policy.route(record).assignees] == ["city_sector_department"]
    assert [b.body for b in policy.route({**record, "sector": "education"}).assignees] == ["city_education"]
    assert "place_above_rectifiers" in policy.route(record).to_dict()["rests_on"]


# ------------------------------------------------------------------------------------------------ review33 R1


@pytest.mark.parametrize("engine", ENGINES)
def test_a_citys_late_pass_down_of_a_pressed_receipt_rests_on_pressing_level_assignment(
        policy: Policy, engine: str) -> None:
    """review33 R1 (R33-Q04): the province handed the city a county's diverted funds (naming no body); the city passed
    them to 县财政局 25 days later. 市扶贫办 answers 未及时交办上报 with leadership only because
    pressing_level_assignment (pass_down) reads the assignment as a receipt to pass down (under assignee the city,
    the problem rectified in time, answers nothing). Before: the verdict listed the parameter with no finding on it."""
    r = {"id": "r33-q04", "area": "funds", "kind": "funds_diverted", "place": "330127", "severity": "grave",
         "discovered": {"level": "province", "channel": "audit", "on": "2021-03-01"},
         "handled": [{"action": "assigned", "by_level": "province", "to_level": "city", "on": "2021-03-02"},
                     {"action": "assigned", "by_level": "city", "to_level": "county", "on": "2021-03-27",
                      "to_body": "county_finance"}],
         "deadline": "2021-05-31", "rectified_on": "2021-05-10", "as_of": "2021-06-30"}
    v = policy.who_answers(r, engine=engine)  # type: ignore[arg-type]
    # (市相关部门（问题所属部门）: 二(四)7 ties 财政 and 扶贫 alike, so receiving_level_body names the role once —
    # review41b D1)
    mine = [f for f in v.findings if f.body == "city_sector_department" and f.basis == "not_handled"]
    assert {f.liability for f in mine} == {"staff", "unit", "leadership"}
    assert all("pressing_level_assignment" in f.rests_on for f in mine), [f.rests_on for f in mine]
    other = policy.with_parameters(pressing_level_assignment="assignee").who_answers(r, engine=engine)  # type: ignore[arg-type]
    assert not any(f.level == "city" for f in other.findings)
