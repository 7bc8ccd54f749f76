"""Session 25's fidelity items (fid25a).

review23 #2, review24 #2: a department the record names supplies the record's line where the record gives none —
the assignee and the receiver (a step's ``to_body``), the finder (``discovered.body``), the concealer
(``concealed_by``); a county school is the education line (engine/_facts.record_line). Departments of two lines, or
none, give no line. Both engines place the findings by it (``Context.line``), and the bulk path sends such records to
the reference path."""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Jurisdiction, Policy
from responsibility.engine._facts import line_of, record_line

from .test_batch import TODAY, expected, got
from .verdicts import worded

ENGINES = ("compiled", "durable")
VILLAGE = "330127100219"  # 富城村 (千岛湖镇, 淳安县)


def _assigned(area: str, kind: str | None, body: str, **more: Any) -> dict[str, Any]:
    """The county's census found it; the county assigned it to ``body`` the next day; not rectified by 04-30."""
    r: dict[str, Any] = {
        "id": "n", "area": area, "place": VILLAGE, "severity": "serious", "as_of": "2021-06-30",
        "discovered": {"level": "county", "channel": "verification_census", "on": "2021-03-01"},
        "handled": [{"action": "assigned", "by_level": "county", "to_level": "county", "to_body": body,
                     "on": "2021-03-02"}], "deadline": "2021-04-30", **more}
    if kind is not None:
        r["kind"] = kind
    return r


def _concealed(area: str, kind: str | None, body: str) -> dict[str, Any]:
    """The city's audit found it; ``body`` (a county department) had concealed it; nobody passed it on."""
    r: dict[str, Any] = {"id": "k", "area": area, "place": "330127", "severity": "minor", "as_of": "2021-06-30",
                         "discovered": {"level": "city", "channel": "audit", "on": "2021-03-01"},
                         "concealed_by": [body]}
    if kind is not None:
        r["kind"] = kind
    return r


def _keys(policy: Policy, record: dict[str, Any], engine: str) -> list[tuple[str, str, str]]:
    v = worded(policy, record, engine)  # (only the findings are read: a wording_only verdict's)
    return sorted((f.body, f.basis, f.liability) for f in v.findings)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_project_assigned_to_the_water_bureau_is_the_water_line_s(policy: Policy, engine: str) -> None:
    """review23 #2: a project the county assigned to 县水利局 (二(五)3 各相关部门负责对各自业务范围的项目) made the
    roles 县/市行业主管部门（问题所属部门） press it — 县水利局 pressing itself — beside 市水利; it is the water line's,
    as the same record with ``sector: water`` (a fails before)."""
    # (fid32a: which city body presses by its line, not whether the city presses: under the default,
    # own_and_shown_above, a city the record never shows had the problem presses nothing — read as before)
    policy = policy.with_parameters(supervision_scope="own_and_level_above")
    r = _assigned("projects", "project_late_or_unfinished", "county_water")
    keys = _keys(policy, r, engine)
    assert ("county_water", "not_rectified", "staff") in keys
    assert not any(policy.bodies[b].role for b, _, _ in keys), keys
    assert ("city_water", "supervision", "staff") in keys
    assert keys == _keys(policy, {**r, "sector": "water"}, engine)


@pytest.mark.parametrize("engine", ENGINES)
def test_the_school_handed_a_student_is_the_education_line_s(policy: Policy, engine: str) -> None:
    """review23 #2: 县教育局's review finds an unidentified student and hands it to the school, which misses the
    deadline. The school is the education line (二(六)2(1)–(2)): the findings are those of ``sector: education`` —
    市教育 presses it (二(六)2(4), joint_guidance_every_line false), not 市相关部门 (the role) standing for an
    unnamed line."""
    # (fid32a: which city body presses by its line, not whether the city presses: under the default,
    # own_and_shown_above, a city the record never shows had the problem presses nothing — read as before)
    policy = policy.with_parameters(supervision_scope="own_and_level_above")
    r = _assigned("education", "education_student_not_identified", "county_school",
                  discovered={"level": "county", "body": "county_education", "channel": "verification_census",
                              "on": "2021-03-01"})
    keys = _keys(policy, r, engine)
    assert keys == _keys(policy, {**r, "sector": "education"}, engine)
    city = {b for b, basis, _ in keys if basis == "supervision" and policy.bodies[b].level == "city"}
    assert "city_education" in city and "city_sector_department" not in city, city


@pytest.mark.parametrize("engine", ENGINES)
def test_a_department_named_as_concealer_gives_its_line(policy: Policy, engine: str) -> None:
    """review24 #2: 县民政局 concealed a household below the floor from the city's audit, which did not pass it on:
    the city's 民政 answers for that (二(六)1(5)), not the city's role once, as for ``sector: civil_affairs``."""
    r = _concealed("basic_needs", "basic_needs_below_floor", "county_civil_affairs")
    keys = _keys(policy, r, engine)
    assert keys == _keys(policy, {**r, "sector": "civil_affairs"}, engine)
    assert ("county_civil_affairs", "concealed", "staff") in keys
    assert ("city_civil_affairs", "not_handled", "staff") in keys
    assert not any(policy.bodies[b].role for b, _, _ in keys), keys


@pytest.mark.parametrize("engine", ENGINES)
def test_no_line_where_none_is_named_or_two_are(policy: Policy, engine: str) -> None:
    """Departments of two lines (the county handed a renovation to its construction and finance bureaus, 二(六)4(3)
    and 4(4)) say nothing of whose line the problem is: the answer is the record's with neither named line — the roles
    where they stood. So for a body that gives no line (the 扶贫办, keeper of the lists, 一(三))."""
    r = _assigned("projects", "project_late_or_unfinished", "county_water")
    two = {**r, "handled": [*r["handled"], {**r["handled"][0], "to_body": "county_finance"}]}
    keys = _keys(policy, two, engine)
    assert any(policy.bodies[b].role for b, _, _ in keys), keys  # (the role stands for the unnamed line)
    assert ("city_water", "supervision", "staff") not in keys
    assert record_line(policy, "housing", "housing_renovation_late", ["county_poverty_office"]) is None


def test_the_record_s_line_from_the_bodies_it_names(policy: Policy) -> None:
    """engine/_facts.record_line and line_of: a department's own line, a body its department directs (the school, the
    water-supply unit); none for a body of no line, one the kind gives its line nothing (县民政 handed a student the
    school did not identify: review23 #3), one with no part (县教育局 in a renovation), or two lines together."""
    assert [line_of(policy, b) for b in ("county_water", "county_school", "county_water_supply_unit",
                                         "county_poverty_office", "county_audit", "county_sector_department")] == [
        "water", "education", "water", None, None, None]
    assert record_line(policy, "education", "education_student_not_identified",
                       ["county_education", "county_school"]) == "education"
    assert record_line(policy, "education", "education_student_not_identified", ["county_civil_affairs"]) is None
    assert record_line(policy, "housing", "housing_renovation_late", ["county_education"]) is None
    assert record_line(policy, "housing", "housing_renovation_late", ["county_construction"]) == "construction"
    assert record_line(policy, "housing", "housing_renovation_late",
                       ["county_construction", "county_finance"]) is None
    assert record_line(policy, "water", None, ["county_water_supply_unit", "county_poverty_office"]) == "water"


@pytest.mark.parametrize("engine", ENGINES)
def test_an_assignment_that_is_no_handing_on_gives_no_line(policy: Policy, engine: str) -> None:
    """R20-1: the province handed its own education policy gap to 市教育, a level where nobody can mend it: no 交办
    (一(三); irregular_step counts it as none), and no word on whose line the gap is — the province's role answers once
    for not passing it on, not 省教育厅."""
    r = {"id": "g", "area": "education", "kind": "education_policy_gap", "place": "330127", "severity": "minor",
         "discovered": {"level": "province", "channel": "inspection_tour", "on": "2021-03-01"},
         "handled": [{"action": "assigned", "by_level": "province", "to_level": "city", "to_body": "city_education",
                      "on": "2021-03-02"}], "as_of": "2021-06-30"}
    held = {b for b, basis, _ in _keys(policy, r, engine) if basis == "not_handled"}
    assert held == {"province_sector_department"}, held


def test_every_named_county_assignee_gives_the_record_its_line(policy: Policy) -> None:
    """The sweep: a kind assigned by the county to a county department (or a body it directs) that gives the record a
    line answers as the same record with that line's sector."""
    n = 0
    for (area, kind), _ in sorted(policy.kinds.items()):
        for b, body in policy.bodies.items():
            if body.level != "county" or record_line(policy, area, kind, [b]) is None:
                continue
            if policy.rectifies_for_named_line_only(area, kind, b, policy.level_rank["village"]):
                # (its part counts for a record of its line only: handed a record naming none it is a body with no
                # duty to rectify, and the level holds it by default — check49 #3, tests/test_fid49b.py)
                continue
            r = _assigned(area, kind, b, id=f"{area}-{kind}-{b}")
            assert _keys(policy, r, "compiled") == _keys(policy, {**r, "sector": line_of(policy, b)}, "compiled"), \
                (kind, b)
            n += 1
    assert n > 100


def _named_records(policy: Policy) -> list[dict[str, Any]]:
    """Records naming county departments as assignee, finder, receiver or concealer, with and without a kind."""
    out: list[dict[str, Any]] = []
    kinds = sorted([*policy.kinds, *((a, None) for a in policy.problem_areas)], key=str)
    for area, kind in sorted({*kinds[::2], ("projects", "project_late_or_unfinished")}, key=str):
        for b in ("county_construction", "county_education", "county_school", "county_water", "county_finance",
                  "county_civil_affairs", "county_poverty_office"):
            r = _assigned(area, kind, b, id=f"{area}-{kind}-{b}")
            out.append(r)
            out.append({**r, "id": f"{r['id']}-f", "handled": [], "discovered": {
                "level": "county", "body": b, "channel": "verification_census", "on": "2021-03-01"}})
            out.append({**r, "id": f"{r['id']}-r", "discovered": {"level": "township", "channel": "grid",
                                                                   "on": "2021-03-01"},
                        "handled": [{"action": "reported", "by_level": "township", "to_level": "county",
                                     "to_body": b, "on": "2021-03-25"}]})
            out.append({**_concealed(area, kind, b), "id": f"{r['id']}-k"})
    return out


@pytest.mark.slow
@pytest.mark.durable
def test_the_bulk_path_reads_the_named_department_s_line_as_who_answers_does(policy: Policy) -> None:
    # (fid32a: which city body presses by its line, not whether the city presses: under the default,
    # own_and_shown_above, a city the record never shows had the problem presses nothing — read as before)
    policy = policy.with_parameters(supervision_scope="own_and_level_above")
    j = Jurisdiction.example()
    records = _named_records(policy)
    a = policy.assess(records, jurisdiction=j, today=TODAY)
    assert a.assessed > 300
    assert got(a) == expected(policy, j, records, "compiled")
    assert got(a) == expected(policy, j, records, "durable")
    # (the project assigned to 县水利局 is the water line's in bulk too: 市水利 presses it)
    rows = a.findings
    mine = rows[(rows["problem"] == "projects-project_late_or_unfinished-county_water")]
    assert "city_water" in set(mine["body"]) and not any(policy.bodies[b].role for b in mine["body"])
