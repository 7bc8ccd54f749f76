"""A record's line on the bulk path (batch/_core.py record_lines): a department the record names gives it its line
(engine/_facts.py record_line; review23 #2), and the bulk path codes that line — the templates are placed by it, the
receiving and concealing bodies read by it — where it had sent every such record to the reference path (4,699 of
bench_assess's 1M records, ~1.5-3 CPU s: issue 12 item 3). Every department of every line, named at each place a
record names a body (finder, assignee from its own level and from above, receiver of a report, concealer; beside a
level that received it through no body or concealed it), without a sector and with one: the bulk rows equal
who_answers' row for row, on both engines, and the records whose line the fast path codes take it."""

from __future__ import annotations

import copy
import random
from typing import Any

import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, given, settings

from responsibility import Jurisdiction, Policy

from .strategies import channel_at
from .test_batch import TODAY, assessed, expected, got

#: a village of the shipped jurisdiction (every level above it is there)
PLACE = "330127100219"
LEVELS = ["village", "township", "county", "city", "province"]
BASE: dict[str, Any] = {"id": "x", "area": "health", "place": PLACE, "severity": "grave", "as_of": "2021-06-30"}


def departments(policy: Policy) -> list[str]:
    """The bodies naming which may give a record its line (engine/_facts.py line_of), of the levels with
    departments."""
    from responsibility.engine._facts import line_of

    return sorted(b for b in policy.bodies if line_of(policy, b) is not None
                  and policy.bodies[b].level in ("county", "city", "province"))


def found(policy: Policy, level: str, body: str | None = None, outside: bool = False) -> dict[str, Any]:
    d = {"level": level, "channel": channel_at(policy, "audit" if outside else "grid", level), "on": "2020-07-01"}
    if body is not None:
        d["body"] = body
    return d


def shapes(policy: Policy, body: str, other: str | None) -> list[dict[str, Any]]:
    """Records naming ``body`` at each place a record names a body (and ``other``, a department of another line
    beside it: two lines give none)."""
    lv = policy.bodies[body].level
    up = LEVELS[LEVELS.index(lv) + 1] if lv != "province" else None
    down = LEVELS[LEVELS.index(lv) - 1]
    step = {"on": "2020-07-03"}
    out: list[dict[str, Any]] = [
        # the finder, who did nothing with it; and who reported it up to a level that then sat on it (its receiving
        # body by the line)
        {"discovered": found(policy, lv, body)},
        *([{"discovered": found(policy, lv, body),
            "handled": [{**step, "action": "reported", "by_level": lv, "to_level": up}]}] if up else []),
        # assigned by its own level, and from the level above; the deadline missed
        {"discovered": found(policy, lv),
         "handled": [{**step, "action": "assigned", "by_level": lv, "to_level": lv, "to_body": body}],
         "deadline": "2020-09-01"},
        *([{"discovered": found(policy, up),
            "handled": [{**step, "action": "assigned", "by_level": up, "to_level": lv, "to_body": body}],
            "deadline": "2020-09-01"}] if up else []),
        # a report to it from the level below, late
        {"discovered": found(policy, down),
         "handled": [{"on": "2020-08-20", "action": "reported", "by_level": down, "to_level": lv, "to_body": body}]},
        # it concealed it from an outside channel; its level concealed from the level above's check what that level
        # then handed it
        {"discovered": found(policy, lv, outside=True), "concealed_by": [body]},
        *([{"discovered": {**found(policy, up), "channel": channel_at(policy, "higher_level_verification", up)},
            "handled": [{**step, "action": "assigned", "by_level": up, "to_level": lv, "to_body": body}],
            "concealed_by": [lv]}] if up else []),
    ]
    if other is not None:  # two lines named: none
        out.append({"discovered": found(policy, policy.bodies[other].level, other),
                    "handled": [{**step, "action": "assigned", "by_level": lv, "to_level": lv, "to_body": body}]})
    return out


def records(policy: Policy, areas: list[str], *, kinds: int = 2, sector: bool = False,
            seed: int = 0) -> list[dict[str, Any]]:
    rnd = random.Random(seed)
    bodies = departments(policy)
    out = []
    for area in areas:
        for kind in [None, *sorted(k for a, k in policy.kinds if a == area)[:kinds]]:
            for body in bodies:
                other = rnd.choice(bodies)
                for i, shape in enumerate(shapes(policy, body, other)):
                    r = {**copy.deepcopy(BASE), **copy.deepcopy(shape), "area": area,
                         "id": f"{area}:{kind}:{body}:{i}"}
                    if kind is not None:
                        r["kind"] = kind
                    if sector:  # the body's own line, or another's
                        r["sector"] = rnd.choice([policy.bodies[body].sector, policy.bodies[other].sector])
                    out.append(r)
    return out


def lined(policy: Policy, j: Jurisdiction, recs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The valid records the engine reads a line for from the departments they name (no sector)."""
    from responsibility.engine._facts import derive

    from .test_batch import valid_problems

    ids = {p.id for view, p in valid_problems(policy, j, recs)
           if p.sector is None and derive(p, view, TODAY)[1].line is not None}
    return [r for r in recs if r["id"] in ids]


@pytest.mark.slow  # 25–35 CPU s (suite45, suite46): every department named at every place, both paths
def test_every_line_named_everywhere_equals_who_answers_on_the_fast_path(policy: Policy) -> None:
    j = Jurisdiction.example()  # (the shipped one, as who_answers reads it)
    recs = records(policy, sorted(policy.problem_areas))
    # (one run: its rows are compared, and the lined records it referred are counted from it — they were assessed
    # again on their own for that, and a record is referred by its own columns and the policy's tables)
    a, _, _, marked, sent_ids = assessed(policy, j, recs)
    assert a.records == len(recs) == a.assessed + a.rejected
    assert got(a) == expected(policy, j, recs, "compiled")
    # the records whose departments give them a line take the fast path: before record_lines every one of them took
    # the reference path; now only where the line changes whether a step's body has a part in the problem (~10% of
    # these), or for what sends a record of no line there too (~15%: these shapes hold many a later department)
    mine = lined(policy, j, recs)
    # (session 40: a finder of a level that does not rectify the kind gives no line, and 467 records of the fast path
    # left this set: 2,456 lined and 1,091 referred before, 1,989 and 1,044 after)
    assert len(mine) > 1800
    # (session 45: a province's or city's department named in a record takes the reference path, acting_pressers —
    # these records name every department, so ~380 more: the bound holds for the rest; session 48: and a report up by
    # a level at or above the kind's authority, reached_reports — irregular_step's reach is the reference path's)
    ids = {r["id"] for r in mine}
    sent, acting = len(sent_ids & ids), len((marked["acting_pressers"] | marked["reached_reports"]) & ids)
    assert sent - acting < len(mine) * 3 // 5


@pytest.mark.slow
def test_lined_records_with_a_sector_equal_who_answers(policy: Policy) -> None:
    j = Jurisdiction.example()  # (the shipped one, as who_answers reads it)
    recs = records(policy, ["health", "education", "housing"], kinds=1, sector=True, seed=1)
    a = policy.assess(recs, jurisdiction=j, today=TODAY)
    assert a.assessed > 500  # (a sector the area gives no duty is refused: R25-8)
    assert got(a) == expected(policy, j, recs, "compiled")


@pytest.mark.durable
def test_lined_records_equal_who_answers_with_the_durable_engine(policy: Policy) -> None:
    j = Jurisdiction.example()  # (the shipped one, as who_answers reads it)
    recs = random.Random(2).sample(records(policy, sorted(policy.problem_areas), kinds=1), 150) \
        + random.Random(3).sample(records(policy, ["education", "water"], kinds=1, sector=True, seed=3), 50)
    a = policy.assess(recs, jurisdiction=j, today=TODAY)
    assert got(a) == expected(policy, j, recs, "durable")


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_departments_named_anywhere_equal_who_answers(policy: Policy, data: st.DataObject) -> None:
    """Records naming up to three departments of any lines, at any of the places a record names a body, with or
    without a sector, kinds or none: the bulk rows equal who_answers'."""
    j = Jurisdiction.example()  # (the shipped one, as who_answers reads it)
    bodies = departments(policy)
    area = data.draw(st.sampled_from(sorted(policy.problem_areas)))
    kinds = [None, *sorted(k for a, k in policy.kinds if a == area)]
    recs = []
    for i in range(data.draw(st.integers(1, 4))):
        body = data.draw(st.sampled_from(bodies))
        other = data.draw(st.sampled_from(bodies))
        pick = shapes(policy, body, other)
        r = {**copy.deepcopy(BASE), **copy.deepcopy(data.draw(st.sampled_from(pick))), "area": area, "id": f"r{i}"}
        kind = data.draw(st.sampled_from(kinds))
        if kind is not None:
            r["kind"] = kind
        if data.draw(st.booleans()):  # a third department, handed it by its level
            third = data.draw(st.sampled_from(bodies))
            tl = policy.bodies[third].level
            if tl in [r["discovered"]["level"], *(h["to_level"] for h in r.get("handled", []))]:
                r["handled"] = [*r.get("handled", []), {"on": "2020-07-10", "action": "assigned", "by_level": tl,
                                                        "to_level": tl, "to_body": third}]
        if data.draw(st.integers(0, 3)) == 0:
            r["sector"] = policy.bodies[data.draw(st.sampled_from([body, other]))].sector
        recs.append(r)
    a = policy.assess(recs, jurisdiction=j, today=TODAY)
    assert got(a) == expected(policy, j, recs, "compiled")
