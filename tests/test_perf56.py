"""Session 55's bounds on what a policy keeps beside its decider (perf56): a decider's views of a choice parameter set
to another value kept to the last ``SETS_KEPT`` asked and those in use (they were kept on the reading's memo for its
whole life), and the cache's keys of policy data by id held only while the data lives (every policy read, written or
switched in the process was held). Each with the same answers."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path
from typing import Any

import pytest

from responsibility import Policy
from responsibility.checks._scenarios import load_scenarios
from responsibility.engine import _decide
from responsibility.engine._decide import decider_of
from responsibility.policy import _cache, _whatif

ROOT = Path(__file__).resolve().parents[1]


def _records(*names: str) -> list[dict[str, Any]]:
    return [ls.scenario.problem for name in names
            for ls in load_scenarios(ROOT / "examples" / "problems" / f"{name}.scenarios.yaml")
            if not ls.scenario.parameters]


def _fresh(policy: Policy, **values: Any) -> Policy:
    with _cache.views_apart():
        return policy.with_parameters(**values)


def test_a_decider_s_choice_views_are_kept_to_the_bound_and_what_is_in_use(
        policy: Policy, monkeypatch: pytest.MonkeyPatch) -> None:
    """The views ``Decider._flipped`` sets a choice parameter on (``_set_view``) are kept on the policy as
    ``_whatif.flipped`` keeps its own: the last ``SETS_KEPT`` asked, and those a kept decider still uses. Bounds of 2
    and 2 leave at most 4 alive, however many values the records asked; the verdicts are those of a decider that keeps
    everything."""
    records = _records("fid50", "fid53", "review42", "lead54", "fid54")
    want = [_fresh(policy, handling_time_limit_days=17).who_answers(r).to_dict() for r in records]
    made: list[weakref.ref[Any]] = []
    real = _decide._set_view

    def spy(view: Any, name: str, value: Any) -> Any:
        out = real(view, name, value)
        made.append(weakref.ref(out))
        return out

    monkeypatch.setattr(_decide, "_set_view", spy)
    monkeypatch.setattr(_decide, "FLIPS_KEPT", 2)
    monkeypatch.setattr(_whatif, "SETS_KEPT", 2)
    bounded = _fresh(policy, handling_time_limit_days=17)
    got = [bounded.who_answers(r).to_dict() for r in records]
    assert got == want
    assert len(made) > 4, "the records set too few choice values to test the bound"
    gc.collect()
    alive = [r for r in made if r() is not None]
    assert len(alive) <= 4, f"{len(alive)} of {len(made)} views set to another value are still alive"
    assert len(decider_of(bounded)._flips or ()) <= 2


def test_a_view_set_again_while_in_use_is_the_same_view(policy: Policy) -> None:
    """A view still in use is given again (one view per value while it lives), and one let go by the bound and by its
    users is made afresh: ``set_to`` makes it again only then."""
    view = _fresh(policy, handling_time_limit_days=18)
    name, value = next((p.id, c) for p in view.data.parameters if p.type == "choice"
                       for c in p.choices or () if c != p.value)
    calls: list[int] = []

    def make() -> Any:
        calls.append(1)
        return _decide._set_view(view, name, value)

    def others() -> None:  # (as many other values asked: the view is let go by the bound)
        for k in range(_whatif.SETS_KEPT):
            _whatif.set_to(view, f"other{k}", value, lambda: _decide._set_view(view, name, value))

    first = _whatif.set_to(view, name, value, make)
    assert first.parameter(name) == value and first.what_if[name] == (view.parameter(name), value)
    others()
    assert _whatif.set_to(view, name, value, make) is first and len(calls) == 1  # (still in use here)
    others()
    ref = weakref.ref(first)
    del first
    gc.collect()
    assert ref() is None, "a view neither kept nor in use was not freed"
    assert _whatif.set_to(view, name, value, make).parameter(name) == value and len(calls) == 2


def test_a_switched_view_s_derived_key_goes_with_its_data(policy: Policy) -> None:
    """``_cache.derive_key`` names a switched view's data (so its compiled rules are cached as the policy's) while the
    data lives; it held every such data for the process's life."""
    if _cache.content_key(policy.data) is None:
        pytest.skip("the shipped policy was not read through the cache here")
    gc.collect()
    before = len(_cache._derived)
    names = [p.id for p in policy.data.parameters if p.type == "bool"][:6]
    views = [_whatif._flipped(policy, name) for name in names]
    keys = [_cache.content_key(v.data) for v in views]
    assert all(keys) and len(set(keys)) == len(names)
    assert len(_cache._derived) >= before + len(names)
    del views
    gc.collect()
    assert len(_cache._derived) <= before, "the derived keys kept their data alive"


def test_a_policy_s_cache_key_goes_with_its_data(policy: Policy) -> None:
    """``_cache.key_for`` names the data read from the cache while it lives; each read's data was held for the
    process's life (each fresh load of the suite's)."""
    key = _cache.key_for(policy.data)
    if key is None:
        pytest.skip("the shipped policy was not read through the cache here")
    gc.collect()
    before = len(_cache._keys)
    read = [_cache.read(key, plain=True) for _ in range(3)]
    assert all(d is not None and _cache.key_for(d) == key for d in read)
    gc.collect()
    assert all(_cache.key_for(d) == key for d in read), "a live data lost its key"
    assert len(_cache._keys) == before + 3
    del read
    gc.collect()
    assert len(_cache._keys) == before, "the cache's keys kept their data alive"
