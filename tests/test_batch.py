"""Batch assessment: the same verdicts as who_answers, for every record, in every input form."""

from __future__ import annotations

import builtins
import contextlib
import datetime as dt
import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import responsibility
from responsibility import Assessment, Jurisdiction, Policy, ProblemError

from .strategies import channel_at
from .verdicts import marked_by

LEVELS = ["village", "township", "county", "city", "province"]
TODAY = dt.date(2021, 9, 1)


@pytest.fixture(scope="module")
def province() -> Jurisdiction:
    return Jurisdiction.synthetic(cities=2, counties=4, townships=10, villages=40, seed=3)


def _checks(policy: Policy, channel: str) -> bool:
    """Whether a lower level may conceal a problem found through ``channel`` (一(四) 上级核查和巡视审计等过程中)."""
    ch = policy.channels[channel]
    return ch.verification or ch.oversight


def ledger(policy: Policy, j: Jurisdiction, n: int, *, seed: int, broken: float = 0.0) -> list[Any]:
    """Random problem records over ``j``: every area, kind, channel, level, named bodies, merged
    findings, short place codes, missing fields; a share ``broken`` of them broken in one way."""
    rnd = random.Random(seed)
    places = [p.code for p in j if p.level in ("village", "township", "county")]
    kinds: dict[str, list[str | None]] = {a: [None] for a in policy.problem_areas}
    for a, k in policy.kinds:
        if a in kinds:
            kinds[a].append(k)
    # moved (fid34c: the unresolved stand-in county_holders_unnamed is no body a record names; leaving it out keeps the
    # seeded records as they were)
    at = {lv: sorted(b for b, body in policy.bodies.items() if body.level == lv and body.kind != "unresolved_holders")
          for lv in LEVELS}
    start = dt.date(2021, 1, 1)
    out: list[Any] = []
    for i in range(n):
        def day(lo: dt.date, hi: int = 90) -> dt.date:
            return lo + dt.timedelta(days=rnd.randint(0, hi))

        area = rnd.choice(sorted(kinds))
        place = rnd.choice(places)
        prank = LEVELS.index(j.place(place).level)
        if rnd.random() < 0.3 and len(place.rstrip("0")) in (2, 4, 6, 9):
            place = place.rstrip("0")
        r: dict[str, Any] = {"id": f"r{i}", "domain": area, "place": place}
        kind = rnd.choice(kinds[area])
        if kind is not None or rnd.random() < 0.5:
            r["kind"] = kind
        if rnd.random() < 0.8:
            r["severity"] = rnd.choice(["minor", "serious", "grave"])
        if rnd.random() < 0.08:  # not yet discovered
            r["as_of"] = day(start).isoformat() if rnd.random() < 0.5 else None
            out.append(r)
            continue
        found = rnd.randint(prank, 4)
        on = day(start)
        # (a channel its level runs: another is refused, R20-7)
        channel = rnd.choice(sorted(c for c, x in policy.channels.items()
                                    if x.levels is None or LEVELS[found] in x.levels))
        d: dict[str, Any] = {"level": LEVELS[found], "channel": channel, "on": on.isoformat()}
        if at[LEVELS[found]] and rnd.random() < 0.25:
            d["body"] = rnd.choice(at[LEVELS[found]])
        r["discovered"] = d
        steps = []
        holder, when = found, on
        for _ in range(rnd.choice([0, 1, 1, 2, 2, 3, 4])):
            when = day(when, 25)
            by = holder if rnd.random() < 0.85 else rnd.randint(prank, 4)
            if by < 4 and rnd.random() < 0.45:
                to = rnd.randint(by + 1, 4)
                step = {"action": "reported", "by_level": LEVELS[by], "to_level": LEVELS[to], "on": when.isoformat()}
                holder = to
            else:
                to = rnd.randint(prank, by)
                step = {"action": "assigned", "by_level": LEVELS[by], "to_level": LEVELS[to], "on": when.isoformat()}
            if at[LEVELS[to]] and rnd.random() < 0.2:
                step["to_body"] = rnd.choice(at[LEVELS[to]])
            steps.append(step)
        if steps or rnd.random() < 0.5:
            r["handled"] = steps
        assigned = [dt.date.fromisoformat(s["on"]) for s in steps if s["action"] == "assigned"]
        if rnd.random() < 0.5:
            r["deadline"] = day(min(assigned) if assigned else on, 60).isoformat()
        last = when
        if rnd.random() < 0.5:
            fixed = day(on, 120)
            r["rectified_on"] = fixed.isoformat()
            last = max(last, fixed)
        # (concealment is from a check or an oversight body's, not the public's reports: 一(四), review29 #1)
        outside = not policy.channels[channel].own_work and _checks(policy, channel)
        holders = {policy.bodies[b].level for b in policy.stage_holders(area, kind, "handling")}
        concealers = []
        for _ in range(rnd.choice([0, 0, 0, 1, 2, 3]) if outside and found > prank else 0):
            lv = LEVELS[rnd.randint(prank, found - 1)]
            concealers.append(lv if (rnd.random() < 0.5 and lv in holders) or not at[lv] else rnd.choice(at[lv]))
        if concealers or rnd.random() < 0.3:
            r["concealed_by"] = concealers
        if rnd.random() < 0.9:
            r["as_of"] = day(last, 200).isoformat()
        out.append(_break(r, rnd) if rnd.random() < broken else r)
    return out


def _break(r: dict[str, Any], rnd: random.Random) -> Any:
    """``r`` broken in one of many ways (unknown ids, bad dates, wrong types, impossible relations)."""
    r = dict(r)
    disc = {"level": "county", "channel": "hotline", "on": "2021-05-01"}
    breakages = [
        lambda: r.update(domain="hosuing"), lambda: r.update(place="339999999999"),
        lambda: r.update(as_of="2021-02-30"), lambda: r.update(place=331127),
        lambda: r.update(handled={"action": "assigned"}), lambda: r.update(id=f"  {r['id']} "),
        lambda: r.update(kind="no_such_kind"), lambda: r.update(extra=1), lambda: r.pop("id"),
        lambda: r.update(severity=None), lambda: r.update(as_of="2021-5-1"),
        lambda: r.update(discovered=disc, handled=[{"action": "reported", "by_level": "county",
                                                    "to_level": "township", "on": "2021-05-02"}]),
        lambda: r.update(discovered=disc, rectified_on="2021-04-01", as_of="2021-06-01"),
        lambda: r.update(concealed_by=["nobody"]),
        lambda: r.update(discovered={**disc, "on": dt.date(2021, 5, 1), "body": "village_committee"}),
        lambda: r.update(discovered={**disc, "on": "2021-05-01"}, as_of="2021-04-01"),
    ]
    if rnd.random() < 0.05:
        return [r]
    rnd.choice(breakages)()
    return r


def expected(policy: Policy, j: Jurisdiction, records: list[Any], engine: str, lang: str = "zh",
             at: list[int] | None = None) -> tuple[list[tuple[Any, ...]], list[tuple[int, str, str]]]:
    """Finding rows and rejects as who_answers gives them, record by record (``at``: the records' numbers, where
    they are some of a ledger's)."""
    rows, rejects = [], []
    for i, r in zip(range(len(records)) if at is None else at, records, strict=True):
        try:
            v = policy.who_answers(r, jurisdiction=j, engine=engine, today=TODAY)  # type: ignore[arg-type]
        except ProblemError as exc:
            rejects.append((i, exc.field, str(exc)))
            continue
        for f in v.findings:
            d = f.to_dict(lang)  # type: ignore[arg-type]
            rows.append((i, v.problem, v.context.problem.area, d["level"], d["body"], d["name"], d["place"],
                         f.place_name, d["basis"], d["liability"], ";".join(d["clauses"]), d["reason"]))
    return rows, rejects


def valid_problems(policy: Policy, j: Jurisdiction, records: list[Any]) -> Iterator[tuple[Any, Any]]:
    """Each valid record read as the policy in force on its day reads it: (the policy view, the parsed problem)."""
    from responsibility.engine._decide import problem_day
    from responsibility.engine._problem import parse_problem

    for r in records:
        view = policy.at(problem_day(r, TODAY)) if policy.epochs else policy
        try:
            yield view, parse_problem(r, view, j, TODAY)
        except ProblemError:
            continue


def own_day_records(policy: Policy, j: Jurisdiction, records: list[Any]) -> int:
    """How many valid records have a department that answers for not passing the problem on from the day it was
    itself handed it (engine/_facts.py Context.handed): the bulk path sends them to the reference path."""
    from responsibility.engine._facts import derive

    return sum(bool(derive(problem, view, TODAY)[1].handed) for view, problem in valid_problems(policy, j, records))


def d4_records(policy: Policy, j: Jurisdiction, records: list[Any]) -> int:
    """How many valid records have an assignment, after the handling limit from the discovery, to a department of a
    level that held the problem (its finder's, or one reported to) that assignment_without_rectification_duty reads
    as to the level as a whole: the bulk path sends them to the reference path (batch/_encode.level_holds; D4)."""
    from responsibility.engine._problem import coded

    n = 0
    for view, p in valid_problems(policy, j, records):
        if p.discovered is None or view.parameters.get("assignment_without_rectification_duty") is None \
                or view.parameter("assignment_without_rectification_duty") != "level_holds":
            continue
        prank = view.level_rank[coded(p.place)[1]]
        limit = dt.timedelta(days=int(view.parameter("handling_time_limit_days")))
        held = {p.discovered.level, *(h.to_level for h in p.handled if h.action == "reported")}
        n += any(h.action == "assigned" and h.to_body is not None and h.to_level in held
                 and h.on > p.discovered.on + limit
                 and view.level_rank[h.to_level] in view.own_rectifier_levels(p.area, p.kind, prank)
                 and view.has_part(p.area, p.kind, h.to_body)
                 and not view.has_rectification_duty(p.area, p.kind, h.to_body, prank) for h in p.handled)
    return n


def kindless_place_records(policy: Policy, j: Jurisdiction, records: list[Any]) -> int:
    """How many valid records have no kind and an assignment to their place's level where nobody from the place up to
    the assigner can rectify the problem (a city's or the province's own place): whether it counts is place_step's
    (engine/_facts.py; R21-2), so the bulk path sends them to the reference path (batch/_core.kindless_place_steps)."""
    from responsibility.engine._problem import coded

    n = 0
    for view, p in valid_problems(policy, j, records):
        if p.kind is not None or p.discovered is None:
            continue
        prank = view.level_rank[coded(p.place)[1]]
        can = view.rectifier_levels(p.area, None, prank)
        if any(r >= prank for r in view.own_rectifier_levels(p.area, None, prank)):
            continue
        n += any(h.action == "assigned" and view.level_rank[h.to_level] == prank
                 and not any(prank <= r < view.level_rank[h.by_level] for r in can) for h in p.handled)
    return n


def receiver_records(policy: Policy, j: Jurisdiction, records: list[Any]) -> int:
    """How many valid records have a city or province that had the problem through no body named, which
    receiving_level_body's body stands for, and that the record shows handing it to a body of its own (or assigning
    it at that level at all): that body answers beside it (engine/_facts.py ``handed_to``; R22-2), and the bulk path
    sends them to the reference path."""
    from responsibility.engine._facts import derive

    n = 0
    for view, p in valid_problems(policy, j, records):
        chosen = {f["lvl"] for f in derive(p, view, TODAY)[0]
                  if f["t"] == "unhandled" and f.get("chosen") and f.get("body")}
        n += any(view.level_rank[h.to_level] in chosen and (h.to_body is not None or h.action == "assigned")
                 for h in p.handled)
    return n


def lined_records(policy: Policy, j: Jurisdiction, records: list[Any]) -> int:
    """How many valid records name no sector but a department that may give them a line (a step's to_body, the
    finder, a concealer: engine/_facts.py record_line; review23 #2): at most these take the reference path for their
    line — the bulk path codes it (batch/_core.py record_lines) but where it changes whether a step's body has a part
    in the problem (tests/test_batch_lines.py)."""
    from responsibility.engine._facts import line_of

    n = 0
    for view, p in valid_problems(policy, j, records):
        if p.sector is not None or p.discovered is None:
            continue
        named = [p.discovered.body, *(h.to_body for h in p.handled),
                 *(w for w in p.concealed_by if w not in view.level_rank)]
        n += any(b is not None and (line := line_of(view, b)) is not None and view.has_part(p.area, p.kind, b, line)
                 and view.line_concerned(p.area, b, p.kind) for b in named)
    return n


def misassigned_records(policy: Policy, j: Jurisdiction, records: list[Any]) -> int:
    """How many valid records of a kind assign it to a body with a part in the area but none in the kind
    (PolicyView.has_kind_part; fid38c): batch/_core.py misassigned_steps sends them to the reference path."""
    return sum(p.kind is not None and any(
        h.action == "assigned" and h.to_body is not None and view.has_part(p.area, p.kind, h.to_body)
        and not view.has_kind_part(p.area, p.kind, h.to_body) for h in p.handled)
        for view, p in valid_problems(policy, j, records))


#: the functions of batch/_core.py that send records to the reference path (setting their columns' ``slow`` flags)
#: whose own marks the bounds below count
WATCHED = ("gone_with_aside", "implied_assignees", "later_bodies", "own_level_receipts", "co_assignees",
           "acting_pressers", "reached_reports", "missing_steps", "guiding_receivers", "handed_back",
           "partless_asides", "stepping_levels", "late_pass_ons", "returned_holders")


@contextlib.contextmanager
def watching(*markers: str) -> Iterator[dict[str, set[str]]]:
    """While open, the ids of the records each of ``markers`` (all of :data:`WATCHED` where none is named) itself
    sends to the reference path (``c.slow``) in the assessments run meanwhile. A test that bounds its own run's
    referred records by these counts watches that run, rather than assessing the records again for each marker: the
    marks are the same (a marker marks a record by its own columns and the policy's tables), at none of the cost."""
    from unittest import mock

    import numpy as np

    import responsibility.batch._core as core

    marked: dict[str, set[str]] = {name: set() for name in markers or WATCHED}

    def watch(name: str) -> Any:
        real = getattr(core, name)

        def run(c: Any, *args: Any, **kwargs: Any) -> Any:
            before = c.slow.copy()
            out = real(c, *args, **kwargs)
            marked[name].update(c.ids[i] for i in np.flatnonzero(c.slow & ~before))
            if name == "acting_pressers" and out is not None:
                # (the records it takes from the fast path's hands: with the templates it returns them at first and
                # marks, at the end of derive, only those whose department has a hit to press on — perf60; the others
                # other markers may send, as before it marked them first)
                marked[name].update(c.ids[i] for i in out[0].tolist())
            return out
        return run

    with contextlib.ExitStack() as stack:
        for name in marked:
            stack.enter_context(mock.patch.object(core, name, watch(name)))
        yield marked


def assessed(policy: Policy, j: Jurisdiction, records: list[Any]) -> tuple[Assessment, Any, list[Any],
                                                                          dict[str, set[str]], set[str]]:
    """``policy.assess(records)`` and, from that one run, its assessor, each chunk's result (``referred``: how many
    took the reference path), what :func:`watching` saw and the ids of the records given to ``who_answers`` there
    (every referred record but one its text rejects first). The tests that bound the referred records and compare
    the rows with ``who_answers`` read both from here: they assessed the same records twice, once through
    ``Assessor.run`` and once through ``assess``, which runs the same assessor over the same chunks (suite49)."""
    from unittest import mock

    import responsibility.batch._assessor as batch

    made: list[tuple[Any, list[Any]]] = []
    referred: set[str] = set()
    real_make, real_who = batch.make_assessor, batch.who_answers

    def make(*args: Any, **kwargs: Any) -> Any:
        assessor, results = real_make(*args, **kwargs), []
        run = assessor.run

        def running(*a: Any, **k: Any) -> Any:
            results.append(run(*a, **k))
            return results[-1]
        assessor.run = running
        made.append((assessor, results))
        return assessor

    def who(policy: Any, raw: Any, **kwargs: Any) -> Any:
        if isinstance(raw, dict) and isinstance(raw.get("id"), str):
            referred.add(raw["id"])
        return real_who(policy, raw, **kwargs)

    with mock.patch.object(batch, "make_assessor", make), mock.patch.object(batch, "who_answers", who), \
            watching() as marked:
        a = policy.assess(records, jurisdiction=j, today=TODAY)
    [(assessor, results)] = made
    return a, assessor, results, marked, referred


def _marked(policy: Policy, j: Jurisdiction, records: list[Any], marked: dict[str, set[str]] | None,
            *markers: str) -> dict[str, set[str]]:
    """``marked`` (what :func:`watching` saw of an assessment of ``records`` by ``policy`` over ``j``), or, where the
    caller watched none, the marks of ``markers`` over an assessment of ``records`` run now."""
    if marked is None:
        with watching(*markers) as marked:
            policy.assess(records, jurisdiction=j, today=TODAY)
    return marked


def fid31e_records(policy: Policy, j: Jurisdiction, records: list[Any],
                   marked: dict[str, set[str]] | None = None) -> int:
    """How many records batch/_core sends to the reference path for what session 31 (fid31e) read: a late level with
    a step set aside whose record shows the rectifier handed it after its limit (gone_with_aside; review30 #4), a
    level an implied pass-down makes the assignee (implied_assignees; fid30 left #1), and a department a higher level
    assigned the problem to, which the bulk path still reads as having sat on it (later_bodies; engine/_facts _later
    no longer does). Counted from ``marked`` (:func:`watching`), or by running the bulk path with those three
    watched."""
    m = _marked(policy, j, records, marked, "gone_with_aside", "implied_assignees", "later_bodies")
    return len(m["gone_with_aside"] | m["implied_assignees"] | m["later_bodies"])


def _referred_by(marker: str, policy: Policy, j: Jurisdiction, records: list[Any],
                 marked: dict[str, set[str]] | None = None) -> int:
    """How many records batch/_core.py's ``marker`` itself sends to the reference path (``c.slow``), over an
    assessment of ``records`` (``marked``: as :func:`watching` saw it)."""
    if marked is not None:
        return len(marked[marker])
    return len(marked_by(policy, records, marker, jurisdiction=j, today=TODAY))


def missing_records(policy: Policy, j: Jurisdiction, records: list[Any],
                    marked: dict[str, set[str]] | None = None) -> int:
    """How many records batch/_core.py missing_steps sends to the reference path: a late level the record shows no
    step of, whose first step after its day is another level's after its limit (engine/_facts.py ``gap``,
    missing_step_holder; fid49, check48a #1)."""
    return _referred_by("missing_steps", policy, j, records, marked)


def handed_back_records(policy: Policy, j: Jurisdiction, records: list[Any],
                        marked: dict[str, set[str]] | None = None) -> int:
    """How many records batch/_core.py handed_back sends to the reference path: a late level handed the problem back
    by a higher level's assignment within its limit (engine/_facts.py: one sitting; fid49b, check49b #2)."""
    return _referred_by("handed_back", policy, j, records, marked)


def returned_records(policy: Policy, j: Jurisdiction, records: list[Any],
                     marked: dict[str, set[str]] | None = None) -> int:
    """How many records batch/_core.py returned_holders sends to the reference path: of those with a report up to a
    level that had assigned the problem to the reporter, or been assigned it, which gives that level no holding
    (engine/_facts.py derive's ``returned``; check57 #1, fid61), those the fast path cannot read without it."""
    return _referred_by("returned_holders", policy, j, records, marked)


def own_receipt_records(policy: Policy, j: Jurisdiction, records: list[Any],
                        marked: dict[str, set[str]] | None = None) -> int:
    """How many records batch/_core.py own_level_receipts sends to the reference path: an assignment by a level that
    only presses those below to a body of its own (engine/_facts.py derive's ``handover``; review39 F1, fid39b)."""
    return _referred_by("own_level_receipts", policy, j, records, marked)


def co_assignee_records(policy: Policy, j: Jurisdiction, records: list[Any],
                        marked: dict[str, set[str]] | None = None) -> int:
    """How many records batch/_core.py co_assignees sends to the reference path: assignments to two or more bodies of
    one level, one of them named (a co-assignee named 整改不到位 does not press the other's part: review43b R3)."""
    return _referred_by("co_assignees", policy, j, records, marked)


def acting_records(policy: Policy, j: Jurisdiction, records: list[Any],
                   marked: dict[str, set[str]] | None = None) -> int:
    """How many records batch/_core.py acting_pressers sends to the reference path: a province's or city's department
    holding a presses_also_acting duty named as the finder or a body handed the problem (acting_departments_press,
    二(二)5 省市有关部门…负责指导督促基层问题发现和整改: under true it may press the rectification below; the fast path
    places each fact alone and reads neither value)."""
    return _referred_by("acting_pressers", policy, j, records, marked)


def reached_records(policy: Policy, j: Jurisdiction, records: list[Any],
                    marked: dict[str, set[str]] | None = None) -> int:
    """How many records batch/_core.py reached_reports sends to the reference path: a report upward by a level at or
    above the kind's authority that the fast path would set aside, which engine/_facts.py may count where the level
    it went to passed the problem on in time (irregular_step: above_authority_report_counts), and whose reporter's
    reason otherwise says the report did not count (check47b #3)."""
    return _referred_by("reached_reports", policy, j, records, marked)


def partless_records(policy: Policy, j: Jurisdiction, records: list[Any],
                     marked: dict[str, set[str]] | None = None) -> int:
    """How many records batch/_core.py partless_asides sends to the reference path: a late level whose step went to a
    body with no part in the problem, which irregular_step sets aside and its reason says did not count (check52 Z1)."""
    return _referred_by("partless_asides", policy, j, records, marked)


def stepping_records(policy: Policy, j: Jurisdiction, records: list[Any],
                     marked: dict[str, set[str]] | None = None) -> int:
    """How many records batch/_core.py stepping_levels sends to the reference path: a step by a level above the finder's
    that no step of another level had reached, which engine/_facts.py reads as holding the problem from that day
    (fid54, check53 #2)."""
    return _referred_by("stepping_levels", policy, j, records, marked)


def late_pass_records(policy: Policy, j: Jurisdiction, records: list[Any],
                      marked: dict[str, set[str]] | None = None) -> int:
    """How many records batch/_core.py late_pass_ons sends to the reference path: a level assigned the problem that
    may have passed it on only after its handling limit, the problem not rectified by the record's deadline — its
    整改不到位 says the delay (fid55, check54 #3a) — or any such record under late_pass_on_answers: not_handled."""
    return _referred_by("late_pass_ons", policy, j, records, marked)


def durable_share(records: list[Any]) -> list[int]:
    """The numbers of a third of ``records``, or a little more, that hold every area with each of its kinds and each
    finder's level, and each finder's level concealed or not (and a record that is no mapping): every third record,
    and the first of what those leave out. durable-rules decides a record several times as slowly as the compiled
    engine, which is held to every record; the engines' own equality is test_engine's and the scenarios'."""
    def keys(r: Any) -> tuple[tuple[Any, ...], ...]:
        if not isinstance(r, dict):
            return (("not a mapping",),)
        found = r.get("discovered")
        level = str(found.get("level")) if isinstance(found, dict) else None
        return ((str(r.get("domain")), str(r.get("kind"))), (str(r.get("domain")), level),
                (level, bool(r.get("concealed_by"))))

    share = list(range(0, len(records), 3))
    covered = {k for i in share for k in keys(records[i])}
    for i, r in enumerate(records):
        if not covered.issuperset(ks := keys(r)):
            share.append(i)
            covered.update(ks)
    return sorted(share)


def durable_agrees(policy: Policy, j: Jurisdiction, records: list[Any], a: Assessment) -> None:
    """The durable engine gives ``a``'s rows and rejects on :func:`durable_share`'s records."""
    share = durable_share(records)
    assert len(share) < len(records) * 0.4  # (a share, or the saving is gone)
    keep = set(share)
    rows, rejects = got(a)
    assert ([x for x in rows if x[0] in keep], [x for x in rejects if x[0] in keep]) == expected(
        policy, j, [records[i] for i in share], "durable", at=share)


def got(a: Assessment) -> tuple[list[tuple[Any, ...]], list[tuple[int, str, str]]]:
    rows = [tuple(x) for x in a.findings.astype(object).itertuples(index=False)]
    rejects = [(int(x.record), x.field, x.reason) for x in a.rejects.astype(object).itertuples()]
    return rows, rejects


@pytest.mark.slow
@pytest.mark.durable
def test_findings_and_rejects_equal_who_answers_with_both_engines(policy: Policy, province: Jurisdiction) -> None:
    records = ledger(policy, province, 3000, seed=1, broken=0.1)
    a = policy.assess(records, jurisdiction=province, today=TODAY)
    assert a.records == len(records) == a.assessed + a.rejected
    # (18,000: since fid30's township_main_responsibility (false) the township's 主体责任 rows are gone, 19,171 then;
    # 17,000: rules50's four county-only kinds draw some of the generator's records from wider ones, 17,769 then)
    assert a.rejected > 200 and len(a.findings) > 17_000
    assert got(a) == expected(policy, province, records, "compiled")
    durable_agrees(policy, province, records, a)


def relays(policy: Policy, j: Jurisdiction, n: int, *, seed: int) -> list[dict[str, Any]]:
    """Records where levels below the finder report it (in time or late), assignees pass their
    assignment further down (in time or late), and levels conceal it: what Context.knew and
    reassigned_level_answers decide."""
    rnd = random.Random(seed)
    villages = [p.code for p in j if p.level == "village"]
    kinds = sorted(policy.kinds)
    start = dt.date(2021, 3, 1)
    out = []
    for i in range(n):
        area, kind = rnd.choice(kinds)
        found = rnd.randint(2, 4)
        on = start + dt.timedelta(days=rnd.randint(0, 30))
        steps = []
        for by in range(rnd.randint(0, found - 1), found - 1):
            when = on + dt.timedelta(days=rnd.choice([0, 3, 10, 11, 40]))
            steps.append({"action": "reported", "by_level": LEVELS[by], "to_level": LEVELS[by + 1],
                          "on": when.isoformat()})
        when = on + dt.timedelta(days=rnd.randint(0, 5))
        for lv in range(found, rnd.randint(-1, found - 1), -1):
            to = max(lv - 1, 0)
            steps.append({"action": "assigned", "by_level": LEVELS[lv], "to_level": LEVELS[to], "on": when.isoformat()})
            when += dt.timedelta(days=rnd.choice([0, 2, 10, 11, 30]))
        # in the order they happened, as who_answers reads them (by day, a day's by the acting level's rank): a record
        # whose steps go back in time is refused (fid66, check61 T1)
        steps.sort(key=lambda s: (s["on"], LEVELS.index(s["by_level"])))
        channel = rnd.choice(["audit", "inspection_tour", "higher_level_verification", "grid"])
        own = channel == "grid"
        if own and found > 2:  # (the grid is the county's and below: the city's and province's own checks, R20-7)
            channel = "research_supervision"
        channel = channel_at(policy, channel, LEVELS[found])  # (an audit is the county's and up, R20-7)
        r: dict[str, Any] = {"id": f"x{i}", "domain": area, "kind": kind, "place": rnd.choice(villages),
                             "severity": rnd.choice(["minor", "serious", "grave"]),
                             "discovered": {"level": LEVELS[found], "channel": channel, "on": on.isoformat()},
                             "handled": steps, "deadline": (when + dt.timedelta(days=20)).isoformat(),
                             "as_of": "2021-12-31"}
        if rnd.random() < 0.3:
            r["rectified_on"] = (when + dt.timedelta(days=rnd.randint(0, 40))).isoformat()
        if not own and _checks(policy, channel) and rnd.random() < 0.3:
            r["concealed_by"] = [LEVELS[rnd.randint(0, found - 1)]]
        out.append(r)
    return out


@pytest.mark.slow
@pytest.mark.parametrize("reassigned", ["supervision", "rectification"])
@pytest.mark.durable
def test_reports_pass_downs_and_concealers_equal_who_answers(policy: Policy, province: Jurisdiction,
                                                             reassigned: str) -> None:
    # a level that reported in time knew the problem (二(六)4(1) 及时发现掌握并上报); one that passed its
    # assignment down in time supervises (reassigned_level_answers): the batch path derives both too
    view = policy.with_parameters(reassigned_level_answers=reassigned)
    records = relays(policy, province, 600, seed=4)
    a = view.assess(records, jurisdiction=province, today=TODAY)
    assert a.assessed > 500  # a few name a level with no body answering for the kind as concealer
    assert got(a) == expected(view, province, records, "compiled")
    durable_agrees(view, province, records, a)


def handovers(policy: Policy, j: Jurisdiction, n: int, *, seed: int, own: bool = False) -> list[dict[str, Any]]:
    """Records where a level gets the problem as a whole (a report naming no department, or its own discovery) and
    departments of it are handed it later — by the level, from below or from above, in time or after the level's
    limit, one to three of them — and the level or those departments then pass it on in time, late or never: what an
    ``unhandled`` fact's ``later`` decides (engine/_facts.py _later; fidelity12 G3c). ``own``: only the level hands
    them it."""
    rnd = random.Random(seed)
    villages = [p.code for p in j if p.level == "village"]
    kinds = sorted(policy.kinds)
    # (not the unresolved stand-in county_holders_unnamed, which no record names: review34 F5)
    depts = {lv: sorted(b for b, body in policy.bodies.items() if body.level == lv and lv in policy.roles
                        and body.kind != "unresolved_holders") for lv in LEVELS}
    start = dt.date(2021, 3, 1)
    out = []
    for i in range(n):
        area, kind = rnd.choice(kinds)
        held = rnd.choice([2, 2, 2, 3, 4])  # the level that holds it as a whole (county, city, province)
        found = rnd.randint(1, held)
        on = start + dt.timedelta(days=rnd.randint(0, 30))
        steps: list[dict[str, Any]] = []
        got = on
        if found < held:
            got = on + dt.timedelta(days=rnd.choice([1, 3, 9]))
            steps.append({"action": "reported", "by_level": LEVELS[found], "to_level": LEVELS[held],
                          "on": got.isoformat()})
        for body in rnd.sample(depts[LEVELS[held]], rnd.choice([1, 1, 1, 2, 2, 3])):
            by = held if own else rnd.choice([held, held, held, max(found, held - 1), min(held + 1, 4)])
            step = {"action": "reported" if by < held else "assigned", "by_level": LEVELS[by],
                    "to_level": LEVELS[held], "to_body": body,
                    "on": (got + dt.timedelta(days=rnd.choice([2, 10, 11, 15, 23, 40]))).isoformat()}
            steps.append(step)
        if rnd.random() < 0.6:  # the level passes it on (down to a rectifier, or up), some time
            when = got + dt.timedelta(days=rnd.choice([5, 12, 25, 30, 45]))
            if held < 4 and rnd.random() < 0.4:
                steps.append({"action": "reported", "by_level": LEVELS[held], "to_level": LEVELS[held + 1],
                              "on": when.isoformat()})
            else:
                steps.append({"action": "assigned", "by_level": LEVELS[held], "to_level": LEVELS[rnd.randint(0, held)],
                              "on": when.isoformat()})
        steps.sort(key=lambda s: s["on"])
        last = dt.date.fromisoformat(steps[-1]["on"]) if steps else on
        r: dict[str, Any] = {"id": f"h{i}", "domain": area, "kind": kind, "place": rnd.choice(villages),
                             "severity": rnd.choice(["minor", "serious", "grave"]),
                             "discovered": {"level": LEVELS[found], "channel": channel_at(
                                                policy, rnd.choice(["grid", "hotline", "audit"]), LEVELS[found]),
                                            "on": on.isoformat()},
                             "handled": steps,
                             "as_of": max(last, got + dt.timedelta(days=rnd.choice([20, 40, 90]))).isoformat()}
        if rnd.random() < 0.5:
            r["deadline"] = (got + dt.timedelta(days=60)).isoformat()
        if rnd.random() < 0.2:
            r["rectified_on"] = (got + dt.timedelta(days=rnd.randint(0, 19))).isoformat()
        out.append(r)
    return out


@pytest.mark.slow
@pytest.mark.durable
def test_departments_handed_it_late_equal_who_answers(policy: Policy, province: Jurisdiction) -> None:
    # a department its level handed the problem to only after the level's limit does not answer for that delay
    # (一(四) 对发现问题没有按程序及时交办和上报的: for a time it held the problem); the bulk path carries up to two
    # such departments on the fact, a record with three takes the reference path
    late_departments_equal_who_answers(policy, province, handovers(policy, province, 800, seed=13), None)


def wholes(policy: Policy, j: Jurisdiction, n: int, *, seed: int) -> list[dict[str, Any]]:
    """Records where a level is assigned the problem as a whole (by a higher level, or by itself) and departments of it
    are named later — by the level or by the one above, before, on or after the deadline (the record's, else the
    rectification limit), one to three of them, sometimes one named before the level as a whole — and the problem is
    rectified in time, late or never: what an ``unrectified`` fact's ``later`` decides (engine/_facts.py; fidelity13
    R-late)."""
    rnd = random.Random(seed)
    villages = [p.code for p in j if p.level == "village"]
    kinds = sorted(policy.kinds)
    # moved (fid34c: as in the records above, without the unresolved stand-in, so the seeded records are as they were)
    depts = {lv: sorted(b for b, body in policy.bodies.items()
                        if body.level == lv and body.kind != "unresolved_holders") for lv in LEVELS}
    start = dt.date(2021, 3, 1)
    out = []
    for i in range(n):
        area, kind = rnd.choice(kinds)
        held = rnd.choice([1, 2, 2, 2, 3, 3, 4])  # the level assigned it as a whole
        found = rnd.choice([held, min(held + 1, 4), min(held + 1, 4), min(held + 2, 4)])
        on = start + dt.timedelta(days=rnd.randint(0, 30))
        got = on + dt.timedelta(days=rnd.choice([1, 3, 9]))
        steps: list[dict[str, Any]] = []
        if rnd.random() < 0.15:  # a department named before the level as a whole (review9a R9A-6)
            steps.append({"action": "assigned", "by_level": LEVELS[found], "to_level": LEVELS[held],
                          "to_body": rnd.choice(depts[LEVELS[held]]), "on": got.isoformat()})
            got += dt.timedelta(days=rnd.choice([1, 40]))
        steps.append({"action": "assigned", "by_level": LEVELS[found], "to_level": LEVELS[held], "on": got.isoformat()})
        own = depts[LEVELS[held]]
        for body in rnd.sample(own, min(len(own), rnd.choice([1, 1, 1, 2, 2, 3]))):
            by = rnd.choice([held, held, found])
            steps.append({"action": "assigned", "by_level": LEVELS[by], "to_level": LEVELS[held], "to_body": body,
                          "on": (got + dt.timedelta(days=rnd.choice([2, 10, 18, 19, 20, 25, 29, 30, 31, 40]))
                                 ).isoformat()})
        if rnd.random() < 0.3 and held > 0:  # the level passes it down, some time
            steps.append({"action": "assigned", "by_level": LEVELS[held], "to_level": LEVELS[rnd.randint(0, held - 1)],
                          "on": (got + dt.timedelta(days=rnd.choice([5, 12, 26]))).isoformat()})
        steps.sort(key=lambda s: s["on"])
        last = dt.date.fromisoformat(steps[-1]["on"])
        r: dict[str, Any] = {"id": f"w{i}", "domain": area, "kind": kind, "place": rnd.choice(villages),
                             "severity": rnd.choice(["minor", "serious", "grave"]),
                             "discovered": {"level": LEVELS[found], "channel": channel_at(
                                                policy, rnd.choice(["grid", "hotline", "audit"]), LEVELS[found]),
                                            "on": on.isoformat()},
                             "handled": steps,
                             "as_of": max(last, got + dt.timedelta(days=rnd.choice([25, 50, 120]))).isoformat()}
        if rnd.random() < 0.6:
            r["deadline"] = (got + dt.timedelta(days=rnd.choice([0, 19, 30]))).isoformat()
        if rnd.random() < 0.3:
            r["rectified_on"] = min(last, got + dt.timedelta(days=rnd.randint(5, 60))).isoformat()
        out.append(r)
    return out


@pytest.mark.slow
@pytest.mark.parametrize("no_duty", ["level_holds", "assignee"])
@pytest.mark.durable
def test_departments_named_after_the_levels_deadline_equal_who_answers(policy: Policy, province: Jurisdiction,
                                                                        no_duty: str) -> None:
    # a department first handed the problem after the deadline its level as a whole had missed answers from its own
    # day, not for that deadline (一(四) 对交办问题整改落实不到位的); the bulk path carries up to two such
    # departments on the level's fact, a record with three takes the reference path. By
    # assignment_without_rectification_duty (level_holds) a department named that cannot rectify the kind is no
    # department handed it (the level as a whole was: D4), so fewer carry it; under assignee each does — each with a
    # part in the kind: one with a part elsewhere in the area only is handed nothing (fid38c: seed 15 gives 51 levels
    # with one such and 3 with two, 61 and 7 before), nor one whose only part is 二(二)3's by its line where the kind
    # gives the line none at its level (fid39a: 51 and 2).
    view = policy.with_parameters(assignment_without_rectification_duty=no_duty)
    # (the seed draws from the sorted kinds, so a new kind shifts what it exercises: seed 14 fell to the floor of
    # `least` when projects38 split project_records_incomplete's two halves into kinds of their own; seed 15 when
    # rules51 added three kinds — 42/1 and 13/0 — where seed 17 gives 47/8 and 19/3)
    late_departments_equal_who_answers(view, province, wholes(policy, province, 800, seed=17), "unrectified",
                                       least=(40, 2) if no_duty == "assignee" else (15, 0))


def late_departments_equal_who_answers(policy: Policy, province: Jurisdiction, records: list[dict[str, Any]],
                                       fact: str | None, least: tuple[int, int] = (40, 6)) -> None:
    """The bulk path equals both engines on ``records``, whose ``fact`` facts (any, for None) carry late
    departments (``later``) often enough to exercise it; only a level with three such takes the reference path."""
    import responsibility.batch._assessor as batch
    from responsibility.engine._facts import derive
    from responsibility.engine._problem import parse_problem

    later = [len(f["later"].split()) for r in records for f in derive(parse_problem(r, policy, province, TODAY),
                                                                        policy, TODAY)[0]
             if fact in (None, f["t"]) and f.get("later")]
    assert later.count(1) > least[0] and later.count(2) >= least[1]  # the records exercise it
    # (the bounds below count the markers and the referred records of this run)
    a, assessor, results, marked, _ = assessed(policy, province, records)
    assert isinstance(assessor, batch.Assessor)
    assert a.assessed == len(records)
    assert got(a) == expected(policy, province, records, "compiled")
    durable_agrees(policy, province, records, a)
    referred = sum(x.referred for x in results)
    # only a level with three such departments, or one that then sat on it and answers from its own day — or one
    # handed to a department of a level that held it, after the limit, that assignment_without_rectification_duty
    # reads as to the level as a whole (D4: the encoder sends it to the reference path; these records are all valid)
    assert referred <= later.count(3) + own_day_records(policy, province, records) + d4_records(
        policy, province, records) + kindless_place_records(policy, province, records) + receiver_records(
        policy, province, records) + lined_records(policy, province, records) + fid31e_records(
        policy, province, records, marked) + misassigned_records(policy, province, records) + own_receipt_records(
        policy, province, records, marked) + co_assignee_records(policy, province, records, marked) + partless_records(
        policy, province, records, marked) + stepping_records(policy, province, records, marked) + late_pass_records(
        policy, province, records, marked) + returned_records(policy, province, records, marked)


@pytest.mark.slow
def test_valid_records_take_the_fast_path(policy: Policy, province: Jurisdiction) -> None:
    import responsibility.batch._assessor as batch

    records = ledger(policy, province, 2000, seed=8)
    assessor = batch.Assessor(policy, province, today=TODAY)
    with watching() as marked:  # (what the bounds below count of the markers, from this run)
        results = [assessor.run(part) for part in batch.parts(records, assessor.t)]
    assert sum(r.assessed for r in results) == len(records)
    # none needed parse_problem or who_answers but the few where a department answers from the day it was itself
    # handed the problem (its reason says that day: the reference path gives it), and those where a level that held
    # it handed it after the limit to a department of its own that assignment_without_rectification_duty reads as
    # the level as a whole (D4: when that department received it decides who answers for the delay; the encoder
    # sends them there: these records are valid, so every one it marks is such)
    # — and those with no kind handed to their place's level where nobody up to the assigner rectifies it (R21-2)
    own, d4 = own_day_records(policy, province, records), d4_records(policy, province, records)
    kindless = kindless_place_records(policy, province, records) + receiver_records(policy, province, records) \
        + lined_records(policy, province, records) + fid31e_records(policy, province, records, marked) \
        + misassigned_records(policy, province, records) \
        + own_receipt_records(policy, province, records, marked) \
        + co_assignee_records(policy, province, records, marked) \
        + missing_records(policy, province, records, marked) \
        + handed_back_records(policy, province, records, marked) \
        + reached_records(policy, province, records, marked) \
        + partless_records(policy, province, records, marked) \
        + stepping_records(policy, province, records, marked) \
        + late_pass_records(policy, province, records, marked) \
        + returned_records(policy, province, records, marked)  # (review23 #2; fid38c; fid39b; review43b R3; fid49)
    # (own: ~1% of this generator's records; 20 of 2,000 since the policy's kinds grew, fid29)
    assert own <= sum(r.referred for r in results) <= own + d4 + kindless and own < len(records) // 50
    assert d4 < len(records) // 80  # (this generator names a random body in a fifth of its steps)


def test_reasons_in_english_and_small_chunks(policy: Policy, province: Jurisdiction,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import responsibility.batch._assessor as batch
    from responsibility.batch import _emit

    records = ledger(policy, province, 400, seed=2, broken=0.1)
    monkeypatch.setattr(batch, "CHUNK", 37)
    monkeypatch.setattr(_emit, "_SEGMENTS", 100)  # the interned reason segments are dropped now and then
    a = policy.assess(records, jurisdiction=province, today=TODAY, lang="en")
    assert got(a) == expected(policy, province, records, "compiled", lang="en")


@pytest.mark.slow
def test_data_frames_and_arrow_tables_give_the_same_findings(policy: Policy, province: Jurisdiction) -> None:
    import pandas as pd
    import polars as pl
    import pyarrow as pa

    records = ledger(policy, province, 500, seed=3)
    # a table cannot say "absent": its nulls are absent fields, so compare with records without them
    tidy = [{k: v for k, v in r.items() if v is not None} for r in records]
    reference = policy.assess(tidy, jurisdiction=province, today=TODAY)
    assert reference.rejected == 0
    polars = pl.from_dicts(tidy, infer_schema_length=None)
    for frame in (pd.DataFrame(tidy), polars, polars.to_arrow(), pa.Table.from_pandas(pd.DataFrame(tidy))):
        a = policy.assess(frame, jurisdiction=province, today=TODAY)
        assert got(a) == got(reference), type(frame)
    # dates as datetimes at midnight, as pandas writes them, are dates too
    frame = pd.DataFrame(tidy)
    frame["as_of"] = pd.to_datetime(frame["as_of"])
    assert got(policy.assess(frame, jurisdiction=province, today=TODAY)) == got(reference)


def test_without_the_frames_extra_assess_says_which_extra(policy: Policy, monkeypatch: pytest.MonkeyPatch) -> None:
    import pandas  # noqa: F401  # imported first for real: pandas remembers whether pyarrow was there
    import pyarrow  # noqa: F401

    real_import = builtins.__import__

    def no_pyarrow(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "pyarrow" or name.startswith("pyarrow."):
            raise ImportError("no pyarrow here")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pyarrow)
    with pytest.raises(responsibility.ExtraUnavailable, match=r"pip install 'responsibility\[frames\]'"):
        policy.assess([{"id": "p", "domain": "housing", "place": "33"}])


def test_on_a_plain_install_assess_names_the_extra(tmp_path: Path) -> None:
    """Without numpy, pandas and pyarrow (a plain `pip install`): the extra's message, exit 2 —
    from `policy.assess()` and `responsibility assess` alike, and `who` still works."""
    ledger_file = tmp_path / "one.jsonl"
    ledger_file.write_text('{"id": "a", "area": "housing", "place": "330127100219"}\n', encoding="utf-8")
    script = (
        "import sys\n"
        "for m in ('numpy', 'pandas', 'pyarrow', 'polars'):\n"
        "    sys.modules[m] = None\n"
        "import responsibility\n"
        "from responsibility.cli import main\n"
        "try:\n"
        "    responsibility.load().assess([{'id': 'a', 'area': 'housing', 'place': '330127100219'}])\n"
        "except responsibility.ExtraUnavailable as exc:\n"
        "    print('library:', exc)\n"
        f"print('cli:', main(['assess', {str(ledger_file)!r}]))\n"
        "print('who:', main(['who', '-']))\n")
    proc = subprocess.run([sys.executable, "-c", script], input='{"id": "a", "area": "housing", "place": "33"}',
                          capture_output=True, text=True, timeout=120, check=False)
    assert "library: assess() needs the frames extra (pandas and pyarrow): pip install 'responsibility[frames]'" \
        in proc.stdout, proc.stdout + proc.stderr
    assert "cli: 2" in proc.stdout and "pip install 'responsibility[frames]'" in proc.stderr
    assert "who: 0" in proc.stdout and "Traceback" not in proc.stderr, proc.stderr


def test_the_same_input_gives_the_same_output(policy: Policy, province: Jurisdiction) -> None:
    records = ledger(policy, province, 300, seed=5, broken=0.1)
    a = policy.assess(records, jurisdiction=province, today=TODAY)
    b = policy.assess(records, jurisdiction=province, today=TODAY)
    assert a.findings.equals(b.findings) and a.rejects.equals(b.rejects) and a.counts == b.counts


def test_counts_and_summary_balance(policy: Policy, province: Jurisdiction) -> None:
    records = ledger(policy, province, 300, seed=6, broken=0.2)
    a = policy.assess(records, jurisdiction=province, today=TODAY)
    assert sum(a.counts.values()) == len(a.findings)
    by = a.findings.groupby(["basis", "liability"], observed=True).size()
    assert {k: int(v) for k, v in by.items()} == a.counts
    text = a.summary()
    assert f"records in: {a.records:,}" in text and f"rejected: {a.rejected:,}" in text and "balanced" in text
    assert "main_responsibility" in text or "not_discovered" in text


def test_a_reject_names_its_record_field_and_reason(policy: Policy, province: Jurisdiction) -> None:
    good = {"id": "ok", "domain": "housing", "place": province.at_level("village")[0].code,
            "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"}, "as_of": "2021-06-01"}
    a = policy.assess([good, {**good, "id": "bad", "domain": "hosuing"}, "not a record", good],
                      jurisdiction=province)
    assert (a.records, a.assessed, a.rejected) == (4, 2, 2)
    rejects = a.rejects.astype(object)
    assert rejects["record"].tolist() == [1, 2]
    assert [p if isinstance(p, str) else None for p in rejects["problem"]] == ["bad", None]
    assert rejects["field"].tolist() == ["domain", "(record)"]
    assert "did you mean 'housing'" in rejects["reason"][0] and "expected an object" in rejects["reason"][1]
    assert set(a.findings["record"]) == {0, 3}


def test_one_record_is_not_a_ledger(policy: Policy) -> None:
    with pytest.raises(TypeError, match="many records"):
        policy.assess({"id": "p", "domain": "housing", "place": "33"})


def test_assessment_is_exported() -> None:
    assert responsibility.Assessment is Assessment and "Assessment" in responsibility.__all__


@pytest.mark.slow
def test_a_policy_amended_in_time_judges_each_problem_by_its_day(amended: Policy, province: Jurisdiction) -> None:
    assert amended.epochs
    records = ledger(amended, province, 200, seed=7, broken=0.1)
    for r in records:  # around the day the amendment takes effect (2021-06-01)
        if isinstance(r, dict) and isinstance(r.get("discovered"), dict) and isinstance(r["discovered"]["on"], str):
            r["discovered"]["on"] = r["discovered"]["on"].replace("2021-01", "2021-06").replace("2021-02", "2021-05")
    a = amended.assess(records, jurisdiction=province, today=TODAY)
    assert got(a) == expected(amended, province, records, "compiled")
    # a view fixed on one day has one set of rules, and takes the fast path
    view = amended.at(dt.date(2021, 7, 1))
    b = view.assess(records, jurisdiction=province, today=TODAY)
    assert got(b) == expected(view, province, records, "compiled")


_RULES50_KINDS = frozenset({"funds_performance_evaluation_missing", "housing_safety_system_missing",
                             "health_costs_accounting_irregular", "water_monitoring_network_missing"})


@pytest.fixture(scope="module")
def amended(amended_policy: Policy) -> Policy:
    """The amended policy the other modules read too (conftest ``amended_policy``: its warm-up is paid once)."""
    return amended_policy


@pytest.mark.slow
def test_an_amended_policy_takes_the_fast_path_period_by_period(amended: Policy, province: Jurisdiction) -> None:
    import polars as pl

    import responsibility.batch._assessor as batch

    records = ledger(amended, province, 1500, seed=11)
    for r in records:  # on both sides of the day the amendment takes effect (2021-06-01)
        if isinstance(r.get("discovered"), dict):
            r["discovered"]["on"] = r["discovered"]["on"].replace("2021-01", "2021-06").replace("2021-02", "2021-05")
    # (one run: the bounds below count its markers and referred records, and its rows are compared)
    a, assessor, results, marked, _ = assessed(amended, province, records)
    assert isinstance(assessor, batch.Periods)
    assessed_ = sum(r.assessed for r in results)
    assert assessed_ > 550  # (581 since rules50's new kinds; 600 before)
    # every record the reference path took, it rejected, or a department answers in it from the day it was itself
    # handed the problem (R-sat), or a department of a level that held it was handed it late (D4, d4_records): every
    # other valid record took the fast path of its period
    referred = sum(r.referred for r in results)
    least = len(records) - assessed_ + own_day_records(amended, province, records)
    assert least <= referred <= least + d4_records(amended, province, records) + kindless_place_records(
        amended, province, records) + receiver_records(amended, province, records) + lined_records(
        amended, province, records) + fid31e_records(amended, province, records, marked) + misassigned_records(
        amended, province, records) + own_receipt_records(amended, province, records, marked) \
        + co_assignee_records(amended, province, records, marked) \
        + handed_back_records(amended, province, records, marked) + late_pass_records(amended, province, records,
                                                                                     marked) \
        + returned_records(amended, province, records, marked) + sum(
            # (the four kinds rules50 added in session 50 are in none of the count helpers yet: 5 of their records
            # took the reference path here, each equal to who_answers below; bounded by their number until a helper
            # says which of their shapes the fast path leaves)
            isinstance(r, dict) and r.get("kind") in _RULES50_KINDS for r in records)
    assert len(assessor._assessors) >= 2
    assert got(a) == expected(amended, province, records, "compiled")
    tidy = [{k: v for k, v in r.items() if v is not None} for r in records]
    table = pl.from_dicts(tidy, infer_schema_length=None).to_arrow()
    from_dicts = amended.assess(tidy, jurisdiction=province, today=TODAY)
    assert got(amended.assess(table, jurisdiction=province, today=TODAY)) == got(from_dicts)


@pytest.mark.parametrize(("columns", "message"), [
    (["id", "domian", "place"], r"has no 'area' column; did you mean 'domian' → 'area'\?"),
    (["id", "aera", "place"], r"has no 'area' column; did you mean 'aera' → 'area'\?"),
    (["id", "domain"], r"has no 'place' column"),
    (["id", "domain", "place", "place"], r"two columns named 'place'"),
    (["id", "domain", "place", "severty"], r"column 'severty' that is no field.*did you mean 'severity'\?"),
    # the fields listed are all a table may have: sector and the dotted discovered columns too (review17 D8b)
    (["id", "domain", "place", "zzz"], r"fields: .*rectified_on, sector, severity; discovered may also come as "
                                       r"the columns discovered\.body, discovered\.channel, discovered\.level, "
                                       r"discovered\.on\)"),
])
def test_a_wrong_column_is_one_error_before_any_row(policy: Policy, columns: list[str], message: str) -> None:
    import pandas as pd

    frame = pd.DataFrame([["p1", "housing", "331127", "x"][:len(columns)]] * 3, columns=columns)
    with pytest.raises(responsibility.ResponsibilityError, match=message):
        policy.assess(frame)


def test_every_table_path_reads_flat_columns_integer_codes_and_parsed_dates(policy: Policy,
                                                                            province: Jurisdiction) -> None:
    import io

    import pandas as pd
    import polars as pl

    records = [r for r in ledger(policy, province, 400, seed=5) if "handled" not in r and "concealed_by" not in r]
    tidy = [{k: v for k, v in r.items() if v is not None} for r in records]
    reference = got(policy.assess(tidy, jurisdiction=province, today=TODAY))
    assert reference[0]
    flat = [{**{k: v for k, v in r.items() if k != "discovered"},
             **{f"discovered.{k}": v for k, v in (r.get("discovered") or {}).items()}} for r in tidy]
    text = pd.DataFrame(flat).to_csv(index=False)
    # as pandas reads a CSV: place codes as integers, dates parsed, dotted columns
    frame = pd.read_csv(io.StringIO(text), parse_dates=["as_of"])
    assert frame["place"].dtype.kind == "i" and frame["as_of"].dtype.kind == "M"
    for table in (frame, pl.from_pandas(frame)):
        assert got(policy.assess(table, jurisdiction=province, today=TODAY)) == reference, type(table)


@pytest.mark.slow
@pytest.mark.durable
def test_level_receives_equals_who_answers(policy: Policy, province: Jurisdiction) -> None:
    # assignment_to_body_without_part (level_receives) reads another level's assignment to a body with no part in the
    # kind as one to its level (fid44): the bulk path sends every record to the reference path under it, and the
    # records include such steps, whose answers the value changes
    from responsibility.engine._facts import UNRELATED

    view = policy.with_parameters(**{UNRELATED: "level_receives"})
    records = ledger(policy, province, 600, seed=44, broken=0.0)
    a = view.assess(records, jurisdiction=province, today=TODAY)
    assert got(a) == expected(view, province, records, "compiled")
    # the records exercise it (the first such record is enough: deciding all 600 again under the shipped value
    # to count them cost ~3 CPU s and asserted no more)
    assert any(UNRELATED in {i.id for i in policy.who_answers(r, jurisdiction=province, today=TODAY).interpretations}
               for r in records)
