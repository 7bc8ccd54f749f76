"""fid43b (session 43): check42 C3 — a city or the province that found or received a problem through no body the
record names, where the text ties no department of that level to the kind (二(六)1(4) 干部联系 is the county's,
二(六)1(5) is silent), stood for 市/省相关部门（问题所属部门）: a label saying a department's line exists when none
does. Now the level's unnamed holder (市级/省级掌握该问题的机构（记录未写明）), once, as the county's (review34 F5,
tests/test_fid34c). And the
route names the readings a verdict's finding on such a chosen body rests on (joint_guidance_every_line: the gap
tests/test_fidelity18 named)."""
from __future__ import annotations

from typing import Any

import pytest

import responsibility
from responsibility.engine._facts import STAGES, receiving_body

from .test_batch import TODAY, expected, got
from .test_fidelity18 import routed

#: The kinds the text ties to no city or provincial department, whose handling the level's 扶贫办 holds only by 二(二)5
#: 指导督促基层 (check42 C3 counted f25b-1's and four more; housing_records_false and
#: identification_pushed_info_untrue rest on the areas' reading of 二(六)4(6) and 二(三)6, so only these three are
#: pinned by kind here).
UNTIED = ("basic_needs_contact_missing", "water_self_testing_not_done", "water_emergency_failure")
AREA = {"basic_needs_contact_missing": "basic_needs", "water_self_testing_not_done": "water",
        "water_emergency_failure": "water"}
STAND_IN = {"city": "city_holders_unnamed", "province": "province_holders_unnamed"}


def _part(policy: responsibility.Policy, area: str, kind: str, level: str) -> bool:
    """Whether any department of ``level`` (or its role, standing for several named together) holds a duty of the
    kind at any stage (as tests/test_fid34c reads it at the county)."""
    role = policy.roles[level]
    department = policy.bodies[role].kind
    return any(b == role or (policy.bodies[b].kind == department and not policy.bodies[b].role)
               for st in STAGES for b in policy.stage_holders(area, kind, st) if policy.bodies[b].level == level)


def test_a_city_or_the_province_stands_for_its_role_only_where_a_department_has_a_part_in_the_kind(
        policy: responsibility.Policy) -> None:
    """Fails before: basic_needs_contact_missing, water_self_testing_not_done, water_emergency_failure (and
    housing_records_false, identification_pushed_info_untrue) at the city and the province gave the role by
    receiving_level_body, no department there having any part in the kind. test_fid34c's invariant, at every level."""
    seen: dict[str, set[str]] = {"city": set(), "province": set()}
    rank = policy.level_rank
    for area, kind in policy.kinds:
        for level, role in policy.roles.items():
            for prank in sorted({r for r in rank.values() if r <= rank[level]}):
                got_ = receiving_body(policy, area, kind, level, None, prank)
                if got_ == role:
                    assert _part(policy, area, kind, level), (area, kind, level, prank)
                if got_ is not None and level in STAND_IN and got_ == STAND_IN[level]:
                    seen[level].add(kind)
    assert set(UNTIED) <= seen["city"] and set(UNTIED) <= seen["province"], seen


def _record(kind: str, level: str, **more: Any) -> dict[str, Any]:
    return {"id": f"{kind}-{level}", "area": AREA[kind], "kind": kind, "place": "330127100219",
            "severity": "serious", "discovered": {"level": level, "channel": "survey_verification", "on": "2021-03-01"},
            "as_of": "2021-06-30", **more}


@pytest.mark.parametrize("engine", ["durable", "compiled"])
@pytest.mark.parametrize("level", ["city", "province"])
@pytest.mark.parametrize("kind", UNTIED)
def test_both_engines_name_the_level_s_unnamed_holder_once(policy: responsibility.Policy, kind: str, level: str,
                                                           engine: str) -> None:
    """Fails before (市/省相关部门（问题所属部门）): the one body of the level named for not passing it on is its
    unnamed holder, unresolved, resting on receiving_level_body and the stand-in, citing 一(三)/一(四) only; no
    department, no 扶贫办. Under handling_holders the 扶贫办 answers (二(二)5), as before."""
    v = policy.who_answers(_record(kind, level), engine=engine)
    at = [f for f in v.findings if f.basis == "not_handled" and policy.bodies[f.body].level == level]
    assert {f.body for f in at} == {STAND_IN[level]}, [(f.body, f.basis) for f in v.findings]
    assert all({"receiving_level_body", STAND_IN[level]} <= set(f.rests_on) for f in at)
    assert all(set(f.clauses) == {"一(三)", "一(四)"} for f in at)
    assert {i.id for i in v.interpretations} >= {"receiving_level_body", STAND_IN[level]}
    other = policy.with_parameters(receiving_level_body="handling_holders").who_answers(
        _record(kind, level), engine=engine)
    assert {f.body for f in other.findings if f.basis == "not_handled"
            and policy.bodies[f.body].level == level} == {f"{level}_poverty_office"}


@pytest.mark.durable
def test_bulk_gives_what_who_gives(policy: responsibility.Policy, example: responsibility.Jurisdiction) -> None:
    """Fails before (the rows named the role): the bulk path (batch/_core receiving_body) gives the stand-in rows
    who_answers gives, in both engines, with a line named too (a line whose department has no part says nothing)."""
    line = {"basic_needs": "civil_affairs", "water": "water"}
    records = [_record(k, lv, **extra) for k in UNTIED for lv in STAND_IN
               for extra in ({}, {"sector": line[AREA[k]]})]
    records = [{**r, "id": f"{r['id']}-{i}"} for i, r in enumerate(records)]
    a = policy.assess(records, jurisdiction=example, today=TODAY)
    assert a.assessed == len(records)
    rows = got(a)
    assert rows == expected(policy, example, records, "compiled") == expected(policy, example, records, "durable")
    named = {b for row in rows[0] for b in row if isinstance(b, str) and b in STAND_IN.values()}
    assert named == set(STAND_IN.values())


@pytest.mark.parametrize("engine", ["durable", "compiled"])
def test_a_record_naming_the_city_s_stand_in_is_refused(policy: responsibility.Policy, engine: str) -> None:
    """Fails before (no such body: an unknown id): the stand-in is no body a record can name, at the city as at the
    county (test_fid34c)."""
    record = _record("basic_needs_contact_missing", "province",
                     handled=[{"action": "assigned", "by_level": "province", "to_level": "city",
                               "to_body": "city_holders_unnamed", "on": "2021-03-03"}])
    with pytest.raises(responsibility.ProblemError) as e:
        policy.who_answers(record, engine=engine)
    assert e.value.field == "handled[0].to_body" and "is no body a record can name" in str(e.value), str(e.value)


def test_the_route_names_the_stand_in_as_the_verdict_does(policy: responsibility.Policy) -> None:
    """Fails before (the route's handler was 市相关部门（问题所属部门）): f25b-1's route names the city's unnamed holder
    to pass it on, resting on it and on receiving_level_body."""
    r = policy.route(_record("basic_needs_contact_missing", "city"))
    assert [b.body for b in r.handlers] == ["city_holders_unnamed"]
    assert {"receiving_level_body", "city_holders_unnamed"} <= set(r.rests_on)


def test_a_route_rests_on_what_a_chosen_city_or_province_body_s_verdict_rests_on(
        policy: responsibility.Policy) -> None:
    """Fails before (session 42's known gap in tests/test_fidelity18): a city's or the province's role chosen by
    receiving_level_body stands on duties a joint twin doubles (二(六)2(4), 二(六)3(5), 二(五)5); the verdict's
    finding rests on joint_guidance_every_line, the route, which compared only the bodies acting under the other value,
    did not list it. Now every reading the finding on a handler rests on, the route lists, and nothing more."""
    thresholds = {li.from_parameter for li in policy.liabilities.values()}
    n = joint = 0
    for record, r, sat in routed(policy):
        if record["discovered"]["level"] not in STAND_IN:
            continue
        handlers = {b.body for b in r.handlers}
        for f in sat.findings:
            if f.basis == "not_handled" and f.body in handlers:
                assert set(f.rests_on) - thresholds <= set(r.rests_on), (record, f.body, r.rests_on)
                joint += "joint_guidance_every_line" in f.rests_on
        n += 1
    assert n > 100 and joint > 20
