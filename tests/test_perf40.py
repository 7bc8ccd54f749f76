"""A reading decided again on the record's own facts where derive does not read it (session 40, perf40; issue 12
item 4).

A verdict's findings are decided again under each other value of each reading they may rest on
(``Decider._switched``). Each such re-decision derived the record's facts anew under the other value, though most of
those readings change which rules fire, not the facts: on 14334c1's rules nine in ten are
outside_channel_finder_level, which ``derive`` reads only to name it in the context's ``rests_on``
(``_facts._discovery``). A decider that decides readings again now derives on a view that notes every parameter whose
value it gives out (``policy._view.recording``), with what derive reads only to name a reading read on the policy
itself (``_facts.naming_view``); a reading whose parameter was never noted is decided on the record's own facts.
Behavioural guards, not timings (benchmarks/verdict_costs.py and bench_engine.py print the costs)."""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Jurisdiction, Policy
from responsibility.engine._decide import Decider
from responsibility.engine._facts import SAME_LEVEL, SELF_RECTIFIED, derive, naming_view
from responsibility.engine._problem import parse_problem

from .test_perf28 import synthetic_records


def _verdicts(d: Decider, j: Jurisdiction, recs: list[dict[str, Any]]) -> list[Any]:
    return [(v.to_dict(), v.to_dict("en")) for v in (d.decide(r, j, engine="compiled") for r in recs)]


def _shared(d: Decider) -> int:
    return sum(f.shared for f in (d._flips or {}).values())


@pytest.mark.slow
@pytest.mark.parametrize("what_if", [False, True])
def test_readings_decided_on_the_records_facts_answer_as_derived_again(policy: Policy, jurisdiction: Jurisdiction,
                                                                      what_if: bool) -> None:
    """The verdicts are those of a decider that derives every reading's facts again (``share_facts`` off), record
    for record in both languages, and some readings were decided on the record's own facts (the test is not empty);
    under a what-if too (a what-if's rules' value is decided again as well)."""
    if what_if:
        policy = policy.with_parameters(handling_time_limit_days=5, outside_channel_finder_level=True)
    recs = synthetic_records(policy, jurisdiction, 900)
    shared, again = Decider(policy), Decider(policy)
    again.share_facts = False
    assert _verdicts(shared, jurisdiction, recs) == _verdicts(again, jurisdiction, recs)
    assert _shared(shared) > 50, "some readings are decided on the record's own facts"
    assert _shared(again) == 0


@pytest.mark.slow
def test_the_view_notes_what_facts_read_not_what_they_name(policy: Policy, jurisdiction: Jurisdiction) -> None:
    """After deciding, the deriving view has noted a parameter that changes facts (self_rectified_report_required:
    whether a level that rectified its own find had to report it), so that reading is derived again; it has not
    noted outside_channel_finder_level, which derive reads only to name, on the policy itself (the view it stands
    for), and a record whose verdict rests on it is decided on its own facts."""
    d = Decider(policy)
    recs = synthetic_records(policy, jurisdiction, 400)
    _verdicts(d, jurisdiction, recs)
    assert d._derive_on is not None
    twin, reads = d._derive_on
    assert not reads.every
    assert SELF_RECTIFIED in reads.ids and SAME_LEVEL not in reads.ids
    assert naming_view(twin) is policy and naming_view(policy) is policy
    named = [r for r in recs if SAME_LEVEL in derive(parse_problem(r, policy, jurisdiction), policy)[1].rests_on]
    assert named, "some record's verdict rests on outside_channel_finder_level"
    flipped = [f for (param, _), f in (d._flips or {}).items() if param == SAME_LEVEL]
    assert flipped and flipped[0].shared > 0
    assert all(f.shared == 0 for (param, _), f in (d._flips or {}).items() if param == SELF_RECTIFIED)
