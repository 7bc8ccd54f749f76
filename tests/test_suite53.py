"""What the views made to read a reading again keep, and for how long (suite53).

``policy/_whatif.flipped`` kept a view per bool parameter on each view, for as long as that view lived; it now keeps the
last :data:`~responsibility.policy._whatif.FLIPS_KEPT` asked, and gives again any still in use elsewhere (a decider
that decides readings again keeps those it asked), so no switched view is made twice beside itself. A scenario's
reading (``checks/_scenarios.scenario_policy``) was kept in a module-level map by the policy's id, so every policy a
scenario ran on lived as long as the process, with every reading of it; it is now the reading ``with_parameters`` keeps
on the policy (its last four).
"""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import responsibility
from responsibility.checks._scenarios import load_scenarios, run_scenario, scenario_policy
from responsibility.policy._whatif import FLIPS_KEPT, flipped

from .conftest import fresh_load

ROOT = Path(__file__).resolve().parents[1]
RECORD = {"id": "p1", "area": "housing", "kind": "housing_renovation_late", "place": "330127100219",
          "discovered": {"level": "township", "channel": "grid", "on": "2021-03-01"}, "as_of": "2021-05-01"}


def _bools(policy: responsibility.Policy) -> list[str]:
    return [p.id for p in policy.data.parameters if p.type == "bool"]


def test_a_switched_view_is_the_one_made_before_and_the_bool_the_other_way() -> None:
    policy = fresh_load()
    name = _bools(policy)[0]
    a = flipped(policy, name)
    assert flipped(policy, name) is a
    assert a.parameter(name) is (not policy.parameter(name))
    assert a.what_if[name] == (policy.parameter(name), not policy.parameter(name))
    # (switched back: its own view, the policy's values)
    assert flipped(a, name).parameter(name) is policy.parameter(name)


def test_switched_views_no_one_uses_are_kept_to_the_bound_and_freed_beyond_it(young_heap: None) -> None:
    policy = fresh_load()
    names = _bools(policy)
    assert len(names) > FLIPS_KEPT + 2, "too few bool parameters to test the bound"
    refs = [weakref.ref(flipped(policy, n)) for n in names]
    gc.collect()
    alive = [n for n, r in zip(names, refs, strict=True) if r() is not None]
    assert alive == names[-FLIPS_KEPT:]  # the last asked, no more
    # the one asked again is made again, as the first was: same values, same answers
    again = flipped(policy, names[0])
    assert again.parameter(names[0]) is (not policy.parameter(names[0]))
    assert again.what_if == {names[0]: (policy.parameter(names[0]), not policy.parameter(names[0]))}


def test_a_switched_view_in_use_elsewhere_is_given_again_beyond_the_bound(young_heap: None) -> None:
    policy = fresh_load()
    names = _bools(policy)
    held = flipped(policy, names[0])  # (as a decider that decides readings again holds its deciders' views)
    for n in names[1:]:
        flipped(policy, n)
    gc.collect()
    assert flipped(policy, names[0]) is held


def test_the_answers_under_a_switched_view_made_again_are_the_same(young_heap: None) -> None:
    policy = fresh_load()
    names = _bools(policy)
    asked = names[:2]
    before = {n: flipped(policy, n).who_answers(RECORD).to_dict() for n in asked}
    for n in names[2:]:  # (the two pushed out of the bound by the others, then made again)
        flipped(policy, n)
    gc.collect()
    assert {n: flipped(policy, n).who_answers(RECORD).to_dict() for n in asked} == before


def test_a_scenario_s_reading_is_the_policy_s_kept_reading_and_goes_with_it(young_heap: None) -> None:
    scenarios = [ls for ls in load_scenarios(ROOT / "examples" / "problems" / "fid50.scenarios.yaml")
                 if ls.scenario.parameters]
    assert scenarios, "fid50's scenarios set no parameter any more: pick another file"
    policy = fresh_load()
    view = scenario_policy(scenarios[0].scenario, policy)
    assert view is not policy and scenario_policy(scenarios[0].scenario, policy) is view
    assert run_scenario(scenarios[0], policy).passed
    gone = weakref.ref(policy), weakref.ref(view)
    del policy, view
    gc.collect()
    assert gone[0]() is None and gone[1]() is None
