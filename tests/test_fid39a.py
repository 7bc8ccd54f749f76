"""fid39a (check38 D2): a duty a body holds only as the problem concerns its line — 二(二)3 成员单位…
负责涉及本部门问题的动态发现、分类办理、即时整改, 二(二)5 省市有关部门…指导督促基层问题发现和整改
(PolicyView.by_line_concern) — makes it a right assignee (一(三) 按照问题类别…分类交办; PolicyView.has_kind_part)
only where the kind's own work gives its line a part at its level or below. 二(五)5's spot check by
省市扶贫、财政、民宗 does not make a project's entry into the national system, which 二(五)3 gives 县扶贫办 alone, a
matter to hand to 县财政局 or 县民宗局. On both engines and in bulk."""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Jurisdiction, Policy

from .test_batch import TODAY, expected, got, ledger
from .test_fid38c import city_assigns, reaimed

ENTRY = ("projects", "project_not_entered_in_system")


def city_hands_entry(to_body: str, **extra: Any) -> dict[str, Any]:
    """The city audit finds a county project not entered into the national system and hands it to ``to_body``
    (check38 P3)."""
    return city_assigns(to_body, **{"id": "P3", "area": ENTRY[0], "kind": ENTRY[1], **extra})


def test_the_by_line_duties_are_read_from_the_data(policy: Policy) -> None:
    """The duties held in another area as the problem concerns the holder's line: the 二(二) area's ``area_holders``
    duties (fails before: no such reading)."""
    got_ = {did for did in policy.duties if policy.by_line_concern(did, "projects")}
    assert got_ == {did for did, d in policy.duties.items()
                    if d.scope == "area_holders" and policy.duty_area[did] == "discovery"}
    assert "discovery_county_departments" in got_ and "discovery_province_city_departments_guide" in got_
    # (in its own area it is the area's duty: a specific problem of a department's line is its own)
    assert not policy.by_line_concern("discovery_county_departments", "discovery")


@pytest.mark.parametrize("sector", [None, "finance", "ethnic_religious"])
@pytest.mark.parametrize("body", ["county_finance", "county_ethnic_religious"])
def test_a_by_line_duty_alone_gives_no_part_in_the_system_entry(policy: Policy, body: str,
                                                                 sector: str | None) -> None:
    """二(五)3 gives the entry to 县扶贫办 alone; 县财政局 and 县民宗局 held it only through 二(二)3 by their line,
    which the kind names only at the province and city (二(五)5 抽查). Fails before."""
    assert policy.has_part(*ENTRY, body, sector)
    assert not policy.has_kind_part(*ENTRY, body, sector)
    assert policy.has_kind_part(*ENTRY, "county_poverty_office", sector)


@pytest.mark.parametrize(("area", "kind", "body", "sector"), [
    # (fid28b: the city's own assets handed to 市财政局 — 二(二)5 指导督促基层 of its line, which 二(四)3 gives a
    # part in assets at the county, 县财政部门…对当地扶贫资产负全面监管责任)
    ("funds", "funds_assets_mismanaged", "city_finance", None),
    ("funds", "funds_assets_mismanaged", "city_finance", "water"),
    ("funds", "funds_assets_mismanaged", "city_finance", "poverty_office"),
    # (fid38c's guards: 民政 in identification, 财政 in paying education aid)
    ("identification", "identification_ineligible_included", "county_civil_affairs", None),
    ("education", "education_aid_not_paid", "county_finance", None),
    # (a part through a duty of the kind's own, by the body's line: 二(六)4(4) 民政 信息对比, 财政 补贴 in a late
    # renovation; 二(五)3 民宗和财政等相关部门负责相应的项目指导、协调和管理 in the joined records kind — check38 C7
    # and P3m are not this reading's: their answer comes from the line the assignee gives the record)
    ("housing", "housing_renovation_late", "county_civil_affairs", None),
    ("housing", "housing_renovation_late", "county_civil_affairs", "construction"),
    ("housing", "housing_renovation_late", "county_finance", "construction"),
    ("projects", "project_records_incomplete", "county_finance", None),
])
def test_a_part_the_kinds_own_work_gives_the_line_still_counts(policy: Policy, area: str, kind: str, body: str,
                                                                sector: str | None) -> None:
    assert policy.has_kind_part(area, kind, body, sector)


@pytest.mark.parametrize("engine", ["compiled", "durable"])
@pytest.mark.parametrize("to_body", ["county_finance", "county_ethnic_religious"])
def test_the_entry_handed_to_a_by_line_department_is_not_handed(policy: Policy, engine: str, to_body: str) -> None:
    """The city answers 未及时交办 (irregular_step); 县扶贫办, never handed it, does not answer 整改不到位 (fails
    before: it did, on assignment_without_rectification_duty)."""
    v = policy.who_answers(city_hands_entry(to_body), engine=engine)  # type: ignore[arg-type]
    found = {(f.body, f.basis) for f in v.findings if f.liability == "staff"}
    assert any(b.startswith("city_") and basis == "not_handled" for b, basis in found), found
    assert ("county_poverty_office", "not_discovered") in found
    assert ("county_poverty_office", "not_rectified") not in found
    assert not any(b == to_body for b, _ in found)
    assert "irregular_step" in {i.id for i in v.interpretations}
    assert all("assignment_without_rectification_duty" not in f.rests_on for f in v.findings)
    # handed to the office itself, it is handed, and the office answers
    right = {(f.body, f.basis) for f in policy.who_answers(
        city_hands_entry("county_poverty_office"), engine=engine).findings}  # type: ignore[arg-type]
    assert ("county_poverty_office", "not_rectified") in right
    assert not any(b.startswith("city_") and basis == "not_handled" for b, basis in right)


def by_line_only(policy: Policy, area: str, kind: str, body: str) -> bool:
    """``body`` has a part in the area, none in the kind, and holds one of the kind's by-line duties by its own line:
    the bodies this reading sets aside (before it, each was a right assignee)."""
    # (held by the duty at all: stage_holders no longer keeps it for a line whose part is a level above's only)
    own = policy.bodies[body].sector
    return own is not None and policy.has_part(area, kind, body) and not policy.has_kind_part(area, kind, body) \
        and any(policy.by_line_concern(did, area) for did, d in policy.duties.items() if body in d.holders)


def misassigned(policy: Policy, records: list[Any], seed: int) -> list[Any]:
    """``records`` with each assignment naming a body handed, mostly, to a body of its level that holds the kind only
    through a by-line duty (:func:`by_line_only`), where the level has one."""
    return reaimed(records, seed, lambda area, kind, b: by_line_only(policy, area, kind, b), policy)


@pytest.fixture(scope="module")
def province() -> Jurisdiction:
    return Jurisdiction.synthetic(cities=2, counties=4, townships=10, villages=40, seed=3)


@pytest.mark.slow
def test_bulk_equals_who_answers_for_assignments_to_by_line_departments(policy: Policy,
                                                                        province: Jurisdiction) -> None:
    """The bulk path reads these assignments as who_answers does (batch/_core.misassigned_steps: the assignee's part
    in the kind and in the area differ, so the record takes the reference path). Fails before: no body was set aside."""
    records = misassigned(policy, ledger(policy, province, 600, seed=39), seed=39)
    wrong = [r for r in records if isinstance(r, dict) and r.get("kind") and any(
        isinstance(h, dict) and h.get("action") == "assigned" and h.get("to_body") is not None
        and by_line_only(policy, r["domain"], r["kind"], h["to_body"]) for h in r.get("handled") or ())]
    assert len(wrong) > 20, len(wrong)
    a = policy.assess(records, jurisdiction=province, today=TODAY)
    assert got(a) == expected(policy, province, records, "compiled")
