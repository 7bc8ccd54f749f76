"""fid44c: the discovery area's own kinds placed at a city (province) code read as fid44b made other kinds read.

A specific problem (扶贫领域具体问题) or a missing mechanism placed at 3301 (33), found there by the media
with no body named, named the 市扶贫办 (省扶贫办) not_handled through 二(一)1(3)
各级扶贫办要承担同级扶贫开发领导小组日常事务 alone, definitively, because the kind lists that duty itself
(the area's own), while a water problem of the same shape goes to receiving_level_body (fid44b, review44
D2). The words are 二(一)'s daily business, not the area's 二(二) work; the record (一(四)
追究相关工作人员责任; 一(三) 省市两级及时回应基层反映问题, naming no body) does not show the office had the
problem either way. So receiving_level_body decides here too: by default
市级/省级掌握该问题的机构（记录未写明） (unresolved), the record's line's department where it names one, the
role for a record naming no kind; the office under handling_holders. Left as they were: a record naming
the office; the level's own mechanism and 全省共性问题 (the office's own work by the kind); the same
problem placed at a village (二(二)5 指导督促基层问题发现和整改, the area's own guidance: the city's one
holder) or at the county code (一(三)'s keeper, the county's one holder).
"""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Policy
from responsibility.engine._facts import _area_work

from .verdicts import batch_and_answers

RECEIVER = "receiving_level_body"
VILLAGE = "330127100219"
OWN_LEVEL = "discovery_province_city_offices_own_level"


def _record(kind: str | None, place: str, level: str, **more: Any) -> dict[str, Any]:
    r: dict[str, Any] = {"id": f"r-{kind}-{place}", "area": "discovery", "place": place, "severity": "minor",
                         "discovered": {"level": level, "channel": "media", "on": "2021-03-01"},
                         "as_of": "2021-06-30", **more}
    if kind is not None:
        r["kind"] = kind
    return r


def _at(policy: Policy, record: dict[str, Any], level: str, engine: str = "compiled") -> list[Any]:
    return [f for f in policy.who_answers(record, engine=engine).findings  # type: ignore[arg-type]
            if f.level == level]


@pytest.mark.parametrize("engine", ["compiled", "durable"])
@pytest.mark.parametrize("kind", ["specific_problem", "mechanism_missing"])
@pytest.mark.parametrize("place, level", [("3301", "city"), ("33", "province")])
def test_the_areas_own_kind_at_the_levels_code_goes_to_the_parameter(policy: Policy, kind: str, place: str,
                                                                     level: str, engine: str) -> None:
    """Default: the level's unresolved holder, resting on receiving_level_body, citing no clause of the office;
    handling_holders: the office by 二(一)1(3), resting on it too (before: the office, resting on nothing)."""
    found = _at(policy, _record(kind, place, level), level, engine)
    assert [(f.body, f.basis) for f in found] == [(f"{level}_holders_unnamed", "not_handled")], found
    assert RECEIVER in found[0].rests_on and "二(一)1(3)" not in found[0].clauses
    other = _at(policy.with_parameters(**{RECEIVER: "handling_holders"}), _record(kind, place, level), level, engine)
    assert [(f.body, f.basis) for f in other] == [(f"{level}_poverty_office", "not_handled")], other
    assert RECEIVER in other[0].rests_on and "二(一)1(3)" in other[0].clauses and OWN_LEVEL in other[0].duties


def test_the_same_as_a_water_problem_of_that_shape(policy: Policy) -> None:
    """The point of the change: at 3301 the discovery kind and a water kind (fid44b) name the same body."""
    water = {**_record("water_emergency_failure", "3301", "city"), "area": "water"}
    assert {f.body for f in _at(policy, water, "city")} == {f.body for f in _at(
        policy, _record("specific_problem", "3301", "city"), "city")} == {"city_holders_unnamed"}


def test_a_record_naming_no_kind_or_a_line(policy: Policy) -> None:
    """A record naming no kind gets the role (as fid44b's kindless records); one naming a line, that line's
    department (receiving_level_body's first case) — never the office."""
    assert {f.body for f in _at(policy, _record(None, "3301", "city"), "city")} == {"city_sector_department"}
    lined = _at(policy, _record("specific_problem", "3301", "city", sector="water"), "city")
    assert [(f.body, f.basis) for f in lined] == [("city_water", "not_handled")]
    assert RECEIVER in lined[0].rests_on


def test_a_record_that_names_the_office_still_names_it(policy: Policy) -> None:
    """The record shows the office had it (its own 调研督导 found it): the office, by 二(一)1(3), resting on no
    choice of receiver."""
    r = _record("specific_problem", "3301", "city")
    r["discovered"] = {**r["discovered"], "channel": "research_supervision", "body": "city_poverty_office"}
    found = _at(policy, r, "city")
    assert [(f.body, f.basis) for f in found] == [("city_poverty_office", "not_handled")]
    assert "二(一)1(3)" in found[0].clauses and RECEIVER not in found[0].rests_on


@pytest.mark.parametrize("kind, duty", [
    ("province_city_mechanism_gap", "discovery_province_city_offices_own_mechanism_fix"),
    ("common_policy_problem", "discovery_province_city_common"),
])
def test_kinds_that_are_the_offices_own_work_are_unchanged(policy: Policy, kind: str, duty: str) -> None:
    """一(一)/一(三) (the level's own mechanism) and 二(二)5 (全省共性问题) give the office the kind's own work: named,
    definitively."""
    found = _at(policy, _record(kind, "3301", "city"), "city")
    assert [(f.body, f.basis) for f in found] == [("city_poverty_office", "not_handled")]
    assert duty in found[0].duties and RECEIVER not in found[0].rests_on


def test_below_the_city_the_answers_are_unchanged(policy: Policy) -> None:
    """At a village the city's one holder is the office by 二(二)5 负责指导督促基层问题发现和整改, the area's own
    guidance of exactly this work; at the county code, 一(三)'s keeper of the lists: both as before."""
    at_village = _at(policy, _record("specific_problem", VILLAGE, "city"), "city")
    assert [(f.body, tuple(f.clauses)) for f in at_village] == [
        ("city_poverty_office", ("一(三)", "一(四)", "二(二)5"))]
    at_county = _at(policy, _record("specific_problem", "330127", "county"), "county")
    assert [(f.body, f.basis) for f in at_county] == [("county_poverty_office", "not_handled")]


def test_only_the_own_level_duty_of_the_areas_reads_outside_its_section(policy: Policy) -> None:
    """_area_work's reading moves no body of a city or the province but the office's 二(一)1(3) duty: the
    other duties an area lists by another section's words are held below the city (the water and projects
    areas' 二(二)1–3 twins), where no receiving_level_body choice is made."""
    outside = {d for d in policy.duties if not _area_work(policy, policy.duty_area[d], d)}
    assert OWN_LEVEL in outside
    for d in outside - {OWN_LEVEL}:
        assert all(policy.bodies[h].level in ("village", "township", "county") for h in policy.duties[d].holders), d


# --- the batch path ---------------------------------------------------------------------------------------------


def _records() -> list[dict[str, Any]]:
    out = []
    for kind in ("specific_problem", "mechanism_missing", None, "province_city_mechanism_gap", "common_policy_problem"):
        for place, level in (("3301", "city"), ("33", "province"), (VILLAGE, "city"), ("330127", "county")):
            if kind == "common_policy_problem" and place != "3301":
                continue
            out.append({**_record(kind, place, level), "id": f"{kind}-{place}"})
            out.append({**_record(kind, place, level, sector="water", severity="serious"),
                        "id": f"{kind}-{place}-water"})
    return out


@pytest.mark.parametrize("params", [{}, {RECEIVER: "handling_holders"}])
def test_the_batch_gives_what_who_answers_gives(policy: Policy, params: dict[str, Any]) -> None:
    """responsibility.batch over these records: every finding row (reason included) as who_answers gives it."""
    view = policy.with_parameters(**params) if params else policy
    got, want = batch_and_answers(view, _records())
    assert got == want and len(got) > 40
