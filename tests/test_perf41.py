"""What a new shape's placement, rows and clauses are kept by (session 41, perf41; issue 12 item 4).

A record of a shape not seen before costs most of what is left of a decision: its placement (``Decider._plan``), its
findings' forms (``Decider._rows``) and their clauses (``Decider._clauses_of``). Those are now kept by less, or read in
fewer steps: a finding's clauses by its key, duties and the ids of its rules (not where their facts sit); a form by the
record's part of what it reads, then the finding's (``_FactPart``); main responsibility's extra parameters by what a
form rests on; a hit's placing read inline. Behavioural guards, not timings (benchmarks/verdict_costs.py and
bench_engine.py print the costs): a warm decider answers each record as a decider that has decided nothing else."""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Jurisdiction, Policy, ResponsibilityError
from responsibility.engine._decide import Decider

from .test_perf28 import synthetic_records
from .test_review25 import _to_level


def _refused(policy: Policy, r: dict[str, Any], j: Jurisdiction) -> Exception | None:
    """The error deciding ``r`` raises (a line the kind refuses), or None."""
    try:
        policy.who_answers(r, jurisdiction=j, engine="compiled")
    except ResponsibilityError as exc:
        return exc
    return None


def _verdicts(d: Decider, j: Jurisdiction, recs: list[dict[str, Any]]) -> list[Any]:
    return [(v.to_dict(), v.to_dict("en")) for v in (d.decide(r, j, engine="compiled") for r in recs)]


@pytest.mark.slow
@pytest.mark.parametrize("what_if", [False, True])
def test_a_warm_decider_answers_each_record_as_a_cold_one(policy: Policy, jurisdiction: Jurisdiction,
                                                          what_if: bool) -> None:
    """Each verdict of a decider that has decided 1,200 records before is, in both languages, the verdict of a decider
    that decides that record alone: nothing it keeps (placements, forms, clauses, main responsibility's parameters) is
    given to a record it does not fit; under a what-if too."""
    if what_if:
        policy = policy.with_parameters(handling_time_limit_days=5, self_rectified_report_required=True)
    recs = synthetic_records(policy, jurisdiction, 1500)
    warm = Decider(policy)
    _verdicts(warm, jurisdiction, recs[:1200])
    late = recs[1200:]
    got = _verdicts(warm, jurisdiction, late)
    for i in range(0, len(late), 2):
        assert _verdicts(Decider(policy), jurisdiction, [late[i]])[0] == got[i], late[i]["id"]


@pytest.mark.slow
def test_a_findings_clauses_are_those_of_its_rules(policy: Policy, jurisdiction: Jurisdiction) -> None:
    """Every finding of every plan a warm decider holds has the clauses of its body, basis, duties and the rules behind
    it, as ``Decider.clauses`` makes them afresh (kept by the rules' ids, they are given to findings whose rules sit on
    other facts; findings of one key and duties with other rules have other clauses, which the test meets)."""
    d = Decider(policy)
    _verdicts(d, jurisdiction, synthetic_records(policy, jurisdiction, 1500))
    by_key: dict[tuple[Any, ...], set[tuple[str, ...]]] = {}
    checked = 0
    for plan in list(d._plans.values()):
        clauses = d._plan_clauses(plan)
        for k, ds, fs in zip(plan.keys, plan.duties, plan.fired, strict=True):
            rules = [d._rule_of[r] for r, _ in fs]
            assert clauses[k] == d.clauses(k[0], k[1], ds, rules), (k, fs)
            by_key.setdefault((k, ds), set()).add(clauses[k])
            checked += 1
    assert checked > 1000
    assert any(len(c) > 1 for c in by_key.values()), "some finding's clauses depend on its rules"


@pytest.mark.slow
def test_placings_read_inline_place_as_each_hit_placed(policy: Policy, jurisdiction: Jurisdiction,
                                                       example: Jurisdiction) -> None:
    """A decider reading each hit's placing inline (kept) answers as one that places every hit afresh through
    ``_placed_hits`` (``_placings`` None), record for record: the generated records, and county problems assigned to
    the county as a whole, whose rectifier does not also press itself (review25 R25-10: the filter the inline reading
    repeats)."""
    recs = synthetic_records(policy, jurisdiction, 900)
    kept, afresh = Decider(policy), Decider(policy)
    afresh._placings = None
    assert _verdicts(kept, jurisdiction, recs) == _verdicts(afresh, jurisdiction, recs)
    county = [_to_level(a.id, k.id, s) for a in policy.data.areas for k in a.problem_kinds
              if k.authority == "county" for s in sorted(policy.sectors_with_part(a.id))]
    county = [r for r in county if _refused(policy, r, example) is None]
    assert len(county) > 50
    assert _verdicts(kept, example, county) == _verdicts(afresh, example, county)
