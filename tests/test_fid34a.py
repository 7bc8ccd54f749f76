"""fid34a: a finding made (or cited so) under only one value of a reading rests on it (review33 R1–R4).

The project guide: where the text leaves a choice, "answers that rest on it say so". Session 33's held-out reviewer
flipped each parameter over their records and found findings present under one value only that did not rest on it
(R1's assignee side, R2), clauses that joined a finding under one value only (R3), and what-if verdicts that dropped the
parameter they changed when no finding was left resting on it (R4). engine/_decide.Decider.switched_rests now decides
a record again under each other value of every reading its context rests on (one rule, not a flag per parameter).
"""

from __future__ import annotations

import functools
from typing import Any

import pytest

import responsibility
from responsibility import Policy

#: review33's records (/work/helpers/s33/review33.report.md), the base rules' ones its R1–R4 name.
RECORDS: dict[str, dict[str, Any]] = {r["id"]: r for r in [
    {"id": "r33-a12",
     "area": "discovery",
     "kind": "specific_problem",
     "place": "330127100219",
     "severity": "serious",
     "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
     "handled": [{"action": "assigned", "by_level": "county", "to_level": "township", "on": "2021-03-03"},
                 {"action": "assigned", "by_level": "township", "to_level": "village", "on": "2021-03-06"}],
     "deadline": "2021-04-30",
     "as_of": "2021-06-30"},
    {"id": "r33-a14",
     "area": "housing",
     "kind": "housing_renovation_late",
     "place": "330127100219",
     "severity": "grave",
     "discovered": {"level": "province", "channel": "inspection_tour", "on": "2021-03-01"},
     "handled": [{"action": "assigned", "by_level": "province", "to_level": "city", "on": "2021-03-03"},
                 {"action": "assigned", "by_level": "city", "to_level": "county", "on": "2021-03-05"},
                 {"action": "assigned", "by_level": "county", "to_level": "township", "on": "2021-03-08"}],
     "deadline": "2021-04-30",
     "as_of": "2021-06-30"},
    {"id": "r33-d09",
     "area": "projects",
     "kind": "project_acceptance_lax",
     "place": "330127",
     "severity": "serious",
     "discovered": {"level": "city", "channel": "spot_check", "on": "2021-03-01"},
     "handled": [{"action": "assigned", "by_level": "city", "to_level": "county", "on": "2021-03-03"}],
     "deadline": "2021-04-30",
     "as_of": "2021-06-30"},
    {"id": "r33-d10",
     "area": "projects",
     "kind": "project_acceptance_lax",
     "place": "330127",
     "severity": "serious",
     "sector": "water",
     "discovered": {"level": "city", "channel": "spot_check", "on": "2021-03-01"},
     "handled": [{"action": "assigned", "by_level": "city", "to_level": "county", "on": "2021-03-03"}],
     "deadline": "2021-04-30",
     "as_of": "2021-06-30"},
    {"id": "r33-e09",
     "area": "health",
     "kind": "health_policy_gap",
     "place": "3301",
     "severity": "minor",
     "discovered": {"level": "province", "channel": "research_supervision", "on": "2021-03-01"},
     "as_of": "2021-06-30"},
    {"id": "r33-e14",
     "area": "water",
     "kind": "water_quality_substandard",
     "place": "330127100219",
     "severity": "serious",
     "discovered": {"level": "province", "channel": "survey_verification", "on": "2021-03-01"},
     "handled": [{"action": "assigned", "by_level": "province", "to_level": "city", "on": "2021-03-02"},
                 {"action": "assigned", "by_level": "city", "to_level": "county", "on": "2021-03-04"},
                 {"action": "assigned", "by_level": "county", "to_level": "township", "on": "2021-03-06"}],
     "deadline": "2021-04-30",
     "as_of": "2021-06-30"},
    {"id": "r33-g02",
     "area": "projects",
     "kind": "project_late_or_unfinished",
     "place": "330127100",
     "severity": "serious",
     "discovered": {"level": "province", "channel": "inspection_tour", "on": "2021-03-01"},
     "handled": [{"action": "assigned", "by_level": "province", "to_level": "county", "on": "2021-03-07"},
                 {"action": "assigned", "by_level": "county", "to_level": "township", "on": "2021-03-12"}],
     "deadline": "2021-05-31",
     "as_of": "2021-06-30"},
    {"id": "r33-g03",
     "area": "funds",
     "kind": "funds_poor_performance",
     "place": "330127",
     "severity": "serious",
     "discovered": {"level": "province", "channel": "audit", "on": "2021-03-01"},
     "handled": [{"action": "assigned", "by_level": "province", "to_level": "city", "on": "2021-03-03"}],
     "as_of": "2021-04-15"},
    {"id": "r33-g07",
     "area": "education",
     "kind": "education_student_not_identified",
     "place": "330127",
     "severity": "serious",
     "discovered": {"level": "province", "channel": "media", "on": "2021-03-01"},
     "handled": [{"action": "assigned",
                  "by_level": "province",
                  "to_level": "county",
                  "on": "2021-03-03",
                  "to_body": "county_education"}],
     "deadline": "2021-04-30",
     "as_of": "2021-06-30"},
    {"id": "r33-h14",
     "area": "water",
     "kind": "water_facilities_unmaintained",
     "place": "330127100219",
     "severity": "minor",
     "discovered": {"level": "county", "channel": "hotline", "on": "2020-02-20"},
     "as_of": "2020-06-30"},
    {"id": "r33-p05",
     "area": "housing",
     "kind": "housing_renovation_late",
     "place": "330127100219",
     "severity": "minor",
     "discovered": {"level": "province", "channel": "media", "on": "2021-03-01"},
     "handled": [{"action": "assigned", "by_level": "province", "to_level": "city", "on": "2021-03-03"},
                 {"action": "assigned",
                  "by_level": "city",
                  "to_level": "county",
                  "on": "2021-03-20",
                  "to_body": "county_construction"}],
     "deadline": "2021-05-31",
     "rectified_on": "2021-05-10",
     "as_of": "2021-06-30"},
    {"id": "r33-p09",
     "area": "housing",
     "kind": "housing_renovation_late",
     "place": "330127100219",
     "severity": "minor",
     "discovered": {"level": "county", "channel": "hotline", "on": "2020-02-01"},
     "handled": [{"action": "assigned", "by_level": "county", "to_level": "township", "on": "2020-03-20"}],
     "deadline": "2020-05-31",
     "rectified_on": "2020-05-10",
     "as_of": "2020-06-30"},
    {"id": "r33-q04",
     "area": "funds",
     "kind": "funds_diverted",
     "place": "330127",
     "severity": "grave",
     "discovered": {"level": "province", "channel": "audit", "on": "2021-03-01"},
     "handled": [{"action": "assigned", "by_level": "province", "to_level": "city", "on": "2021-03-02"},
                 {"action": "assigned",
                  "by_level": "city",
                  "to_level": "county",
                  "on": "2021-03-27",
                  "to_body": "county_finance"}],
     "deadline": "2021-05-31",
     "rectified_on": "2021-05-10",
     "as_of": "2021-06-30"},
    {"id": "r33-s06",
     "area": "education",
     "kind": "education_student_not_identified",
     "place": "330127",
     "severity": "minor",
     "discovered": {"level": "county",
                    "channel": "verification_census",
                    "on": "2021-03-01",
                    "body": "county_education"},
     "handled": [{"action": "assigned",
                  "by_level": "county",
                  "to_level": "county",
                  "on": "2021-03-03",
                  "to_body": "county_school"}],
     "deadline": "2021-04-30",
     "rectified_on": "2021-04-20",
     "as_of": "2021-06-30"},
    {"id": "r33-s07",
     "area": "water",
     "kind": "water_facilities_unmaintained",
     "place": "330102001051",
     "severity": "minor",
     "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
     "handled": [{"action": "assigned", "by_level": "county", "to_level": "township", "on": "2021-03-03"}],
     "deadline": "2021-04-30",
     "rectified_on": "2021-04-20",
     "as_of": "2021-06-30"},
    {"id": "r33-s08",
     "area": "basic_needs",
     "kind": "basic_needs_policy_gap",
     "place": "330127",
     "severity": "minor",
     "discovered": {"level": "province", "channel": "survey_verification", "on": "2021-03-01"},
     "handled": [{"action": "assigned",
                  "by_level": "province",
                  "to_level": "province",
                  "on": "2021-03-03",
                  "to_body": "province_civil_affairs"}],
     "deadline": "2021-05-31",
     "rectified_on": "2021-05-20",
     "as_of": "2021-06-30"},
]}

#: Each parameter review33 R1–R4 found unlinked, and the records it found it on.
CASES: list[tuple[str, tuple[Any, ...], tuple[str, ...]]] = [
    ("pressing_level_assignment", ("pass_down", "assignee"), ("r33-q04", "r33-g03", "r33-p05")),
    ("lower_level_finds_higher_policy", (False, True), ("r33-s08",)),
    ("reassigned_level_answers", ("supervision", "rectification"), ("r33-a12", "r33-a14", "r33-e14", "r33-g02")),
    ("residents_committee_place", ("township", "village"), ("r33-s07",)),
    ("policy_in_force_from", ("2020-03-06", "2020-01-01"), ("r33-h14", "r33-p09")),
    ("sectorless_alternatives", ("unresolved", "every_holder"), ("r33-e09", "r33-d09")),
    ("joint_guidance_every_line", (False, True), ("r33-d10", "r33-g07")),
    ("supervision_scope", ("own_and_shown_above", "none"), ("r33-a14", "r33-g07")),
    ("unit_below_own_level", (True, False), ("r33-s06",)),
]


@functools.cache
def policy_with(name: str, value: Any) -> Policy:
    """The shipped rules with ``name`` set to ``value`` (the rules themselves where it is the rules' value)."""
    base = responsibility.load()
    return base if base.parameter(name) == value else base.with_parameters(**{name: value})


def _findings(policy: Policy, record: dict[str, Any]) -> tuple[Any, dict[tuple[str, str, str], Any]]:
    verdict = policy.who_answers(record, engine="compiled")
    return verdict, {(f.body, f.basis, f.liability): f for f in verdict.findings}


@pytest.mark.parametrize(("name", "values", "records"), CASES, ids=[c[0] for c in CASES])
def test_a_finding_made_or_cited_under_one_value_only_rests_on_the_parameter(
        name: str, values: tuple[Any, Any], records: tuple[str, ...]) -> None:
    """The property, over review33's records and both values: a finding that the other value does not make, or not
    with its clauses, rests on the parameter; and a verdict whose findings the other value changes lists it."""
    changed = 0
    for rid in records:
        seen = [_findings(policy_with(name, value), RECORDS[rid]) for value in values]
        for (verdict, mine), (_, other) in (seen, seen[::-1]):
            for key, f in mine.items():
                if key not in other or other[key].clauses != f.clauses:
                    changed += 1
                    assert name in f.rests_on, (rid, verdict.what_if, key, f.rests_on)
            if mine.keys() != other.keys():
                assert name in {i.id for i in verdict.interpretations}, (rid, verdict.what_if)
    assert changed, f"{name}: no record of {records} changes under the other value: the case tests nothing"


def test_pressing_assignee_side_links_the_city_rectification() -> None:
    """review33 R1, the assignee side: under pressing_level_assignment=assignee the city that pressed the county
    (r33-g03) answers 整改不到位 only by that reading, and says so."""
    _, got = _findings(policy_with("pressing_level_assignment", "assignee"), RECORDS["r33-g03"])
    rect = [f for key, f in got.items() if key[1] == "not_rectified" and f.level == "city"]
    assert rect and all("pressing_level_assignment" in f.rests_on for f in rect)


def test_a_what_if_that_removed_findings_stays_listed_saying_which() -> None:
    """review33 R4: under supervision_scope=none the supervisors of r33-a14 go; the verdict still lists the parameter,
    resting no finding on it, and its explanation names what the rules' value would have found."""
    verdict = policy_with("supervision_scope", "none").who_answers(RECORDS["r33-a14"], engine="compiled")
    assert not any(f.basis == "supervision" for f in verdict.findings)
    listed = {i.id: i for i in verdict.interpretations}
    assert "supervision_scope" in listed and listed["supervision_scope"].findings == ()
    assert "under the rules' value (own_and_shown_above)" in listed["supervision_scope"].why
    assert "指导督促" in listed["supervision_scope"].why or "supervision" in listed["supervision_scope"].why
