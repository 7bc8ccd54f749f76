"""A verdict's re-decisions, cheaper to look up (session 39, perf39; issue 12 item 4).

``Decider._switched`` (what the readings the text leaves open decide of a verdict's findings, read with its sheet) kept
its answer by the record's area, kind and whole shape and by the placement keys of the record under each other value
read: two long nested tuples hashed and compared on every verdict read. It is now kept by what the answer reads —
the record's plan and its placements under the other values (objects kept by the deciders, compared by identity) and
the few parts of the record :meth:`Decider._todo` reads — and a record with no finding whose other values are all
readings (which link only the findings a record has) is not decided again. Behavioural guards, not timings
(benchmarks/bench_engine.py prints the rates)."""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Jurisdiction, Policy
from responsibility.engine._decide import Decider, Plan

from .test_perf28 import synthetic_records


def _stream(policy: Policy, j: Jurisdiction, n: int = 300) -> list[dict[str, Any]]:
    return synthetic_records(policy, j, n)


def test_switched_plans_are_kept_by_plans_not_by_shapes(policy: Policy, jurisdiction: Jurisdiction) -> None:
    """Each kept answer's key is the record's plan, what _todo reads of the record, and the plans the other values
    place it by: no shape and no placement key (long tuples hashed on every verdict read). Kept by what they read,
    the answers do not depend on what was decided before: the same records decided in the reverse order by another
    decider give the same verdicts (rests_on is the record's own)."""
    d = Decider(policy)  # (a fresh decider: nothing kept from other tests)
    recs = _stream(policy, jurisdiction)
    # (read: a verdict decides readings again when read)
    ahead = [d.decide(rec, jurisdiction, engine="compiled").to_dict() for rec in recs]
    backward = Decider(policy)
    assert ahead == [backward.decide(r, jurisdiction, engine="compiled").to_dict() for r in reversed(recs)][::-1]
    assert d._switched_plans, "the stream decides some record again under another value of a reading"
    for key in d._switched_plans:
        plan, at, others = key
        assert type(plan) is Plan and all(type(p) is Plan for p in others)
        # area, kind, severity, whether a failure was found, the readings the context rests on, and the province's or
        # city's departments the record shows acting (acting_departments_press reads them)
        assert len(at) == 6


def test_a_record_without_findings_resting_on_readings_alone_is_not_decided_again(
        policy: Policy, jurisdiction: Jurisdiction, monkeypatch: pytest.MonkeyPatch) -> None:
    """A reading links only the findings a record has (``switched_rests``): a record with none whose other values
    are all readings (no switch, no what-if) is not decided again, and its verdict is the one it had when it was."""
    d = Decider(policy)
    asked: list[str] = []
    real = Decider._placed_key

    def counted(self: Decider, *args: Any) -> Any:
        asked.append(self.policy.data.meta.id)
        return real(self, *args)

    monkeypatch.setattr(Decider, "_placed_key", counted)
    seen = 0
    for rec in _stream(policy, jurisdiction, 600):
        v = d.decide(rec, jurisdiction, engine="compiled")
        problem, plan = v.context.problem, v._make.args[5]  # (the lazy sheet's arguments: Decider._sheet)
        ctx = v._make.args[4]
        todo = d._todo(problem, bool(plan.mains), ctx.rests_on)
        before = len(asked)
        got = v.to_dict()
        if todo and not plan.keys and all(why == "reading" for _, _, why in todo):
            seen += 1
            assert len(asked) == before, rec["id"]
            if seen > 3:  # (the verdict decided again: a fresh decider each, for the first few)
                continue
            # the verdict of a decider that decides it again (the answer before this change) is the same
            again = Decider(policy)
            again._todos[(problem.area, problem.kind, problem.severity, bool(plan.mains), tuple(ctx.rests_on))] = (
                todo, tuple(again._flipped(p, value) for p, value, _ in todo), False)
            assert again.decide(rec, jurisdiction, engine="compiled").to_dict() == got
    assert seen, "the stream has a record with no finding whose verdict rests on a reading"
