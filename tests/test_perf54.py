"""Session 54's memory levers, each with the same answers: durable-rules rulesets shared between engines whose rules
give the same conditions (durable-rules never frees one; every view had its own), and a decider's deciders of other
values of the readings kept to the last ``FLIPS_KEPT`` asked."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path
from typing import Any

import pytest

from responsibility import Policy
from responsibility.checks._scenarios import load_scenarios
from responsibility.engine import _decide, _engine_durable
from responsibility.engine._decide import decider_of
from responsibility.policy import _cache

durable = pytest.mark.skipif(not _engine_durable.available(), reason="durable-rules does not import here")

ROOT = Path(__file__).resolve().parents[1]
#: Records of three areas from the shipped scenarios (each with findings).
RECORDS: list[dict[str, Any]] = [
    ls.scenario.problem for ls in load_scenarios(ROOT / "examples" / "problems" / "fid50.scenarios.yaml")
    if not ls.scenario.parameters][:6]


def _answers(verdict: Any) -> dict[str, Any]:
    """``to_dict`` but the engine's name."""
    return {k: v for k, v in verdict.to_dict().items() if k != "engine"}


def _fresh(policy: Policy, **values: Any) -> Policy:
    with _cache.views_apart():
        return policy.with_parameters(**values)


@durable
def test_views_whose_rules_are_the_same_share_one_durable_ruleset(policy: Policy) -> None:
    """Two views (a reading each, made apart) deciding the same records with durable-rules register their rulesets
    once: the second view registers none. Their answers are the compiled engine's."""
    first, second = _fresh(policy, handling_time_limit_days=11), _fresh(policy, handling_time_limit_days=12)
    for r in RECORDS:
        assert _answers(first.who_answers(r, engine="durable")) == _answers(first.who_answers(r, engine="compiled"))
    registered = dict(_engine_durable._REGISTERED)
    for r in RECORDS:
        assert _answers(second.who_answers(r, engine="durable")) == _answers(second.who_answers(r, engine="compiled"))
    assert registered == _engine_durable._REGISTERED, "the second view registered rulesets of its own"


@durable
def test_a_dropped_view_s_durable_engine_is_freed(policy: Policy) -> None:
    """The host keeps its rulesets' actions for the process's life: they hold the shared ruleset's record of hits, not
    the engine, so a view that is dropped takes its engine, rules and memos with it."""
    view = _fresh(policy, handling_time_limit_days=13)
    for r in RECORDS:
        view.who_answers(r, engine="durable")
    engine = weakref.ref(decider_of(view).engine("durable"))
    del view
    gc.collect()
    assert engine() is None


@durable
def test_a_ruleset_retired_by_one_engine_is_registered_again_for_every_engine_sharing_it(policy: Policy) -> None:
    """An error inside durable-rules retires the ruleset it happened in (its sessions may be broken): another engine
    sharing it does not go on using it, it registers the rules again, and answers as before."""
    first, second = _fresh(policy, handling_time_limit_days=14), _fresh(policy, handling_time_limit_days=15)
    rec = RECORDS[0]
    want = second.who_answers(rec, engine="durable").to_dict()
    first.who_answers(rec, engine="durable")
    a, b = decider_of(first).engine("durable"), decider_of(second).engine("durable")
    assert isinstance(a, _engine_durable.DurableEngine) and isinstance(b, _engine_durable.DurableEngine)
    key = (rec["area"], rec.get("kind") or "")
    shared = a._registered[key][0]
    assert shared is not None and b._registered[key][0] is shared
    a._retire(*key)
    assert shared.retired and _engine_durable._REGISTERED.get(shared.key) is not shared
    assert second.who_answers(rec, engine="durable").to_dict() == want
    assert b._registered[key][0] is not shared
    assert a._register(*key)[0] is b._registered[key][0]


def test_a_decider_keeps_its_last_flips_kept_deciders_of_other_values_and_answers_the_same(
        policy: Policy, monkeypatch: pytest.MonkeyPatch) -> None:
    """``Decider._flips`` keeps the deciders of other values a decider last asked (``FLIPS_KEPT``), not one for every
    value it ever asked; one let go and made again answers as before: the verdicts of a decider that keeps 2 are those
    of one that keeps them all, record by record."""
    records = [ls.scenario.problem for name in ("fid50", "fid53", "review42")
               for ls in load_scenarios(ROOT / "examples" / "problems" / f"{name}.scenarios.yaml")
               if not ls.scenario.parameters]
    every = _fresh(policy, handling_time_limit_days=16)
    want = [every.who_answers(r).to_dict() for r in records]
    assert len(decider_of(every)._flips or ()) > 2, "the records read too few readings to test the bound"
    monkeypatch.setattr(_decide, "FLIPS_KEPT", 2)
    bounded = _fresh(policy, handling_time_limit_days=16)
    got = [bounded.who_answers(r).to_dict() for r in records]
    assert len(decider_of(bounded)._flips or ()) == 2
    assert got == want
