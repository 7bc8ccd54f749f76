"""A verdict's re-decisions, cheaper to look up (session 39, perf39; issue 12 item 4).

``Decider._switched`` (what the readings the text leaves open decide of a verdict's findings, read with its sheet) kept
its answer by the record's area, kind and whole shape and by the placement keys of the record under each other value
read: two long nested tuples hashed and compared on every verdict read. It is now kept by what the answer reads —
the record's plan and its placements under the other values (objects kept by the deciders, compared by identity) and
the few parts of the record :meth:`Decider._todo` reads. A record with no finding whose other values are all readings
was not decided again; it is since fid60 (session 57): its verdict lists a reading only where another value of it
makes a finding. Behavioural guards, not timings (benchmarks/bench_engine.py prints the rates)."""

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


def test_a_record_without_findings_resting_on_readings_alone_lists_only_the_readings_that_would_make_one(
        policy: Policy, jurisdiction: Jurisdiction, monkeypatch: pytest.MonkeyPatch) -> None:
    """A record with no finding whose other values are all readings (no switch, no what-if) is decided again under
    them (fid60; perf39 skipped it, and its verdict listed every reading its context rests on): it lists a reading only
    where another value of it makes a finding — sectorless_alternatives on a line's policy gap that names nobody
    either way is not listed."""
    d = Decider(policy)
    asked: list[str] = []
    real = Decider._placed_key

    def counted(self: Decider, *args: Any) -> Any:
        asked.append(self.policy.data.meta.id)
        return real(self, *args)

    monkeypatch.setattr(Decider, "_placed_key", counted)
    seen = dropped = 0
    for rec in _stream(policy, jurisdiction, 600):
        v = d.decide(rec, jurisdiction, engine="compiled")
        problem, plan = v.context.problem, v._make.args[5]  # (the lazy sheet's arguments: Decider._sheet)
        ctx = v._make.args[4]
        todo = d._todo(problem, bool(plan.mains), ctx.rests_on)
        before = len(asked)
        listed = {i.id for i in v.interpretations}
        if todo and not plan.keys and all(why == "reading" for _, _, why in todo):
            seen += 1
            assert len(asked) > before, rec["id"]
            makes: dict[str, bool] = {}
            for p, value, _ in todo:
                makes[p] = makes.get(p, False) or bool(d._flipped(p, value).answers(problem, jurisdiction, ctx.as_of))
            for p, made in makes.items():
                assert (p in listed) == made, (rec["id"], p)
                dropped += not made
    assert seen, "the stream has a record with no finding whose verdict rests on a reading"
    assert dropped, "some reading a record with no finding rests on makes none under its other values"
