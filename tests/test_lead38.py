"""Session 38's check of its own changes against the text (check38): a line with no part in the kind names one body
of a level that had the problem, not each holder; a school is below its county only in a problem that is its own."""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Policy, ProblemError

from .test_fid28a import ENGINES, found
from .test_fid38a import same_in_bulk


def _spot_checked(kind: str, sector: str | None) -> dict[str, Any]:
    r: dict[str, Any] = {"id": f"s-{kind}-{sector}", "area": "projects", "kind": kind, "place": "330127100",
                         "severity": "minor", "as_of": "2021-06-30",
                         "discovered": {"level": "province", "channel": "spot_check", "on": "2021-03-01"}}
    return {**r, "sector": sector} if sector else r


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("sector", ["agriculture", "water", "construction", "natural_resources"])
def test_a_line_with_no_part_names_the_level_once_not_each_holder(policy: Policy, engine: str, sector: str) -> None:
    """二(五)5 names 扶贫、财政、民宗 for the spot check; a record in a line with no part in a project's system
    entry says nothing of which had it: the province's role, once, as for a record naming no line (check38 D1)."""
    got = found(policy, _spot_checked("project_not_entered_in_system", sector), engine)
    handled = {b for b, basis in got if basis == "not_handled"}
    assert handled == {"province_sector_department"}, got
    assert handled == {b for b, basis in found(policy, _spot_checked("project_not_entered_in_system", None), engine)
                       if basis == "not_handled"}


def test_a_line_with_no_part_in_bulk_equals_who_answers(policy: Policy) -> None:
    same_in_bulk(policy, [_spot_checked(k, s) for k in ("project_not_entered_in_system", "project_ledger_incomplete")
                          for s in (None, "agriculture", "finance", "water", "ethnic_religious")])


def _school_concealed(area: str, kind: str, finder: str) -> dict[str, Any]:
    return {"id": "c", "area": area, "kind": kind, "place": "330127", "severity": "minor", "as_of": "2021-06-30",
            "discovered": {"level": "county", "channel": "verification_census", "on": "2021-03-01", "body": finder},
            "concealed_by": ["county_school"]}


def test_a_school_is_below_its_county_only_in_its_own_problem(policy: Policy) -> None:
    """二(六)2(2) makes 县教育局 the school's 上级 for its students' identification; a late medical assistance is no
    problem of the school's, so its concealment there is within the county, refused as before (check38 D3)."""
    with pytest.raises(ProblemError, match="concealment within a level"):
        policy.who_answers(_school_concealed("health", "health_assistance_late", "county_medical_insurance"))
    got = found(policy, _school_concealed("education", "education_student_not_identified", "county_education"))
    assert ("county_school", "concealed") in got
