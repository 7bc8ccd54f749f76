"""fid40c: one stage's part is not every stage's (二(二)3 按照职责分工，负责涉及本部门问题的动态发现、分类办理、
即时整改). A department whose line's part in a kind is a check or a test (卫健部门负责水质监测网络建设和安全检测工作,
二(六)5(4)) is not made the county's fixer by 即时整改 where the text names another body of the county to fix it
(县级统管单位 落实水质自检…确保供水达标, 二(六)5(3)): handed the problem, it has a part in it and no duty to rectify
it, and assignment_without_rectification_duty (level_holds) has the named rectifier answer 整改不到位
(PolicyView.fixed_by_another, in PolicyView.holders). It still answers 应发现未发现 by its own part. Where the kind
names no body of the county to fix it (a water project finished late) the line's department stays its rectifier
through 二(二)3; where its own part is the fixing (二(六)4(4) 民政 信息对比 in a late renovation) nothing changes."""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Jurisdiction, Policy

from .test_batch import TODAY, expected, got
from .test_fid40 import handed as water_handed

ENGINES = ("compiled", "durable")
WATER_TESTS = ("water_quality_test_failed", "water_quality_substandard")

#: (area, kind, assignee, the county's named rectifier, its clause, what the assignee still answers as, its clause)
HANDED = [
    ("water", "water_quality_test_failed", "county_health", "county_water_supply_unit", "二(六)5(3)",
     "not_discovered", "二(六)5(4)"),
    ("water", "water_quality_substandard", "county_health", "county_water_supply_unit", "二(六)5(3)",
     "not_discovered", "二(六)5(4)"),
    ("water", "water_self_testing_not_done", "county_water", "county_water_supply_unit", "二(六)5(3)",
     "supervision", "二(六)5(4)"),
    ("water", "water_facilities_unmaintained", "county_water", "county_water_supply_unit", "二(六)5(3)",
     "supervision", "二(六)5(4)"),
    ("housing", "housing_records_false", "county_civil_affairs", "county_construction", "二(六)4(3)",
     "not_discovered", "二(六)4(4)"),
    ("identification", "identification_pushed_info_untrue", "county_civil_affairs", "county_poverty_office", "二(三)4",
     None, None),
    ("education", "education_funds_irregular", "county_finance", "county_school", "二(六)2(1)",
     "supervision", "二(六)2(2)"),
    # (fid51, check50 #1: the joined kind, 项目台账资料不全或未及时录入信息系统, left here by fid48 with 县水利
    # handed it and the role, unresolved, as its fixer, is no longer such a kind: with the office's entry off
    # (joined_records_both_halves: false) the county's part common to both halves, 二(五)3's heading
    # 县（市、区）行业主管部门, is the line's own department where the record's line — here the assignee's — has a
    # part at the county (its 检查、验收), so 县水利 answers it; test_fid51)
]


def handed(area: str, kind: str, to_body: str | None, sector: str | None = None, place: str = "330127100219",
           level: str = "city") -> dict[str, Any]:
    """``level``'s audit (the county: its hotline) finds problem ``kind`` of ``area`` and hands it to ``to_body`` of
    the county, which leaves it unrectified past its deadline (test_fid40's water record, in any area)."""
    return {**water_handed(kind, to_body, sector, place, level), "area": area,
            "id": f"fid40c-{kind}-{to_body}-{sector}"}


def findings(policy: Policy, record: dict[str, Any], engine: str = "compiled") -> dict[tuple[str, str], Any]:
    return {(f.body, f.basis): f for f in policy.who_answers(record, engine=engine).findings}  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", WATER_TESTS)
def test_the_health_line_has_no_rectifying_part_where_the_unit_fixes_the_water(policy: Policy, kind: str) -> None:
    """The view: at the rectification stage of water found substandard, the health line's record keeps the unit and
    not 县卫健局 (fails before: 二(二)3 kept it, read through its 水质监测 at discovery); at discovery it keeps
    县卫健局 by its own part; has_rectification_duty says no for it, so the assignment falls to the parameter."""
    rank = policy.level_rank["village"]
    at_fix = policy.stage_holders("water", kind, "rectification", "health")
    assert "county_health" not in at_fix and "county_water_supply_unit" in at_fix
    assert "water_county_health_monitor" in policy.stage_holders("water", kind, "discovery", "health")["county_health"]
    assert not policy.has_rectification_duty("water", kind, "county_health", rank, "health")
    assert policy.has_kind_part("water", kind, "county_health", "health")
    assert policy.fixed_by_another("water", kind, "health", "county_health")


def test_where_nobody_of_the_county_is_named_to_fix_it_the_line_still_rectifies(policy: Policy) -> None:
    """Guards: a water project finished late (二(五)2 the township builds) stays 县水利局's to rectify through
    二(二)3; a late renovation of 民政's line is 民政's by its own 二(六)4(4)."""
    rank = policy.level_rank["village"]
    assert policy.has_rectification_duty("projects", "project_late_or_unfinished", "county_water", rank, "water")
    assert not policy.fixed_by_another("projects", "project_late_or_unfinished", "water", "county_water")
    for line in ("civil_affairs", "finance", "natural_resources"):
        assert not policy.fixed_by_another("housing", "housing_renovation_late", line, f"county_{line}")
        assert policy.has_rectification_duty("housing", "housing_renovation_late", f"county_{line}", rank, line)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("sector", [None, "health"])
@pytest.mark.parametrize("level", ["city", "county"])
@pytest.mark.parametrize("kind", WATER_TESTS)
def test_water_handed_to_the_health_bureau_is_the_units_to_fix(policy: Policy, engine: str, sector: str | None,
                                                               level: str, kind: str) -> None:
    """Handed to 县卫健局, found by the city or by the county: the unit answers 整改不到位 under 二(六)5(3), on
    assignment_without_rectification_duty; 县卫健局 does not (fails before: it did, on 一(四)/二(二)3 alone, and the
    unit was not named)."""
    got_ = findings(policy, handed("water", kind, "county_health", sector, level=level), engine)
    assert ("county_health", "not_rectified") not in got_, sorted(got_)
    unit = got_[("county_water_supply_unit", "not_rectified")]
    assert "二(六)5(3)" in unit.clauses and "assignment_without_rectification_duty" in unit.rests_on
    if level == "city":
        assert "二(六)5(4)" in got_[("county_health", "not_discovered")].clauses


@pytest.mark.parametrize("engine", ENGINES)
def test_the_parameter_decides_who_answers_for_the_hand_over(policy: Policy, engine: str) -> None:
    """assignee (the reading before the parameter) makes 县卫健局 answer as assignee again, citing its own part — the
    choice is the parameter's, not the data's."""
    other = policy.with_parameters(assignment_without_rectification_duty="assignee")
    got_ = findings(other, handed("water", "water_quality_test_failed", "county_health"), engine)
    assert ("county_health", "not_rectified") in got_
    assert ("county_water_supply_unit", "not_rectified") not in got_


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("area", "kind", "to", "fixer", "clause", "still", "still_clause"), HANDED)
def test_a_check_handed_the_problem_leaves_it_with_the_named_fixer(policy: Policy, engine: str, area: str, kind: str,
                                                                   to: str, fixer: str, clause: str, still: str | None,
                                                                   still_clause: str | None) -> None:
    """Every kind where the assignee's line checks and the text names another body of the county to fix: the fixer
    answers 整改不到位 by its own clause, the assignee keeps its own part (finding it, or pressing), and is not named
    整改不到位 (fails before for each)."""
    sector = "civil_affairs" if kind == "housing_records_false" else None
    got_ = findings(policy, handed(area, kind, to, sector), engine)
    assert (to, "not_rectified") not in got_, sorted(got_)
    assert clause in got_[(fixer, "not_rectified")].clauses
    if still is not None:
        assert still_clause in got_[(to, still)].clauses


@pytest.mark.parametrize("engine", ENGINES)
def test_a_department_whose_part_is_the_fixing_answers_as_before(policy: Policy, engine: str) -> None:
    """Guard (housing): 民政、财政、自然资源 handed a late renovation of their line rectify by 二(六)4(4), and answer
    应发现未发现 through 二(二)3 涉及本部门问题的动态发现 (the record puts the delay in their line); a water project
    handed to 县水利局 is its to rectify through 二(二)3."""
    for line in ("civil_affairs", "finance", "natural_resources"):
        got_ = findings(policy, handed("housing", "housing_renovation_late", f"county_{line}", line), engine)
        assert "二(六)4(4)" in got_[(f"county_{line}", "not_rectified")].clauses
        assert "二(二)3" in got_[(f"county_{line}", "not_discovered")].clauses
    got_ = findings(policy, handed("projects", "project_late_or_unfinished", "county_water"), engine)
    assert "二(二)3" in got_[("county_water", "not_rectified")].clauses


@pytest.fixture(scope="module")
def province() -> Jurisdiction:
    return Jurisdiction.synthetic(cities=2, counties=4, townships=10, villages=40, seed=3)


def test_bulk_equals_who_answers_for_a_check_handed_the_problem(policy: Policy, province: Jurisdiction) -> None:
    """The bulk path reads the hand-over as who_answers does, and names no checker 整改不到位 for what it was handed."""
    village = next(p.code for p in province.at_level("village"))
    lines = {"county_health": (None, "health"), "county_civil_affairs": (None, "civil_affairs")}
    records = [handed(area, kind, to, sector, place=village, level=level)
               for area, kind, to, *_ in HANDED for level in ("city", "county")
               for sector in (lines.get(to, (None,)) if area in ("water", "housing") else (None,))]
    records += [handed("water", "water_quality_test_failed", None, "health", place=village)]
    for i, r in enumerate(records):
        r["id"] = f"b{i}"
    a = policy.assess(records, jurisdiction=province, today=TODAY)
    assert got(a) == expected(policy, province, records, "compiled")
    rows = a.findings
    assert not a.rejected
    fixed = [(int(rec), b) for rec, b, basis in zip(rows["record"], rows["body"].astype(str),
                                                       rows["basis"].astype(str), strict=True)
             if basis == "not_rectified" and b == records[int(rec)]["handled"][0].get("to_body")]
    assert not fixed, fixed
    assert (rows["basis"].astype(str) == "not_rectified").sum() >= len(records)
