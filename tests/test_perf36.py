"""Deciding a record again under a switched reading, cheaper (session 36, perf36; issue 12 item 4).

``Decider.switched_rests`` decides a new shape of record again under each other value of each reading it rests on,
through the deciders of the switched readings (``Decider._flipped``), and compares the findings and their clauses.
Now a plan's clauses are made once and kept in the plan (``Plan.clauses``), read only where some reading is decided
again, and a switched reading's decider reads its findings from its placements alone, keeping no plan per shape.
Behavioural guards, not timings (benchmarks/bench_engine.py prints the rates)."""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Jurisdiction, Policy
from responsibility.engine._decide import Decider, Plan
from responsibility.engine._problem import parse_problem, placed_for

from .test_perf28 import synthetic_records


def _stream(policy: Policy, j: Jurisdiction, n: int = 400) -> list[dict[str, Any]]:
    return synthetic_records(policy, j, n)


def test_a_switched_readings_decider_keeps_placements_not_shapes(policy: Policy, jurisdiction: Jurisdiction) -> None:
    """A decider of a switched reading is asked only for findings and clauses (``answers``): it keeps what the
    placing reads, not a plan per shape of record beside it (which it never read again)."""
    d = Decider(policy)  # (a fresh decider: nothing kept from other tests)
    for rec in _stream(policy, jurisdiction):
        d.decide(rec, jurisdiction, engine="compiled").to_dict()  # (read: a verdict decides readings again when read)
    assert d._flips, "the stream decides some record again under a switched reading"
    for flipped in d._flips.values():
        assert flipped._placements
        assert not flipped._plans


def test_a_plans_clauses_are_made_once(policy: Policy, jurisdiction: Jurisdiction) -> None:
    """``_plan_clauses`` keeps a plan's clauses in it, equal to those made afresh; a plan made from a kept placement
    is given them."""
    d = Decider(policy)
    for rec in _stream(policy, jurisdiction, 100):
        d.decide(rec, jurisdiction, engine="compiled").to_dict()  # (read: a verdict decides readings again when read)
    plans = list(d._placements.values())
    assert plans
    for plan in plans:
        got = d._plan_clauses(plan)
        assert d._plan_clauses(plan) is got and plan.clauses is got
        assert got == d._clauses_of(plan)
        assert got == {k: d.clauses(k[0], k[1], ds, [d._rule_of[r] for r, _ in fs])
                       for k, ds, fs in zip(plan.keys, plan.duties, plan.fired, strict=True)}
        copy = Plan(plan.mains, plan.keys, plan.fired, plan.duties, plan.spared, clauses=plan.clauses)
        assert d._plan_clauses(copy) is got


@pytest.mark.slow
def test_answers_from_placements_equal_answers_from_shapes(policy: Policy, jurisdiction: Jurisdiction) -> None:
    """What a switched reading's decider answers from its placements alone equals what a decider of the same view
    answers through its shapes' plans (``_planned``, as before), record by record."""
    d = Decider(policy)
    recs = _stream(policy, jurisdiction, 200)
    for rec in recs:
        d.decide(rec, jurisdiction, engine="compiled").to_dict()  # (read: a verdict decides readings again when read)
    assert d._flips
    for flipped in d._flips.values():
        through_shapes = Decider(flipped.policy)
        through_shapes._flips = None  # (as _flipped makes it: it decides no reading again)
        for rec in recs[:100]:
            problem = parse_problem(rec, flipped.policy, jurisdiction)
            # (the path answers took before: the shape's plan, made or kept, as a record decided for its verdict)
            before = through_shapes._planned(placed_for(problem, flipped.policy), jurisdiction,
                                             through_shapes.compiled, None)[3]
            assert flipped.answers(problem, jurisdiction, None) == through_shapes._clauses_of(before)
