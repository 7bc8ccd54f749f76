"""A view that forgets what it derived (``PolicyView._forget_warm``, tests/conftest's ``_cold_between_modules``)
answers as before, and lets its memos go: the suite's workers grew to ~8.6 GB keeping the session views' memos warm
from module to module (mem62, mem63)."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path
from typing import Any

from responsibility import Jurisdiction, ProblemError
from responsibility.checks._scenarios import discover, load_scenarios
from responsibility.engine._decide import decider_of
from responsibility.policy._view import forget_every_view, recording

from .conftest import RULES, fresh_load

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _cases(limit: int) -> list[tuple[dict[str, Any], Jurisdiction]]:
    out = []
    for f in discover([EXAMPLES / "problems"]):
        for ls in load_scenarios(f):
            sc = ls.scenario
            j = Jurisdiction.from_csv(f.parent / sc.jurisdiction) if sc.jurisdiction else Jurisdiction.example()
            out.append((sc.problem, j))
            if len(out) >= limit:
                return out
    return out


def _answers(policy: Any, cases: list[tuple[dict[str, Any], Jurisdiction]]) -> list[Any]:
    out: list[Any] = []
    for problem, j in cases:
        try:
            out.append(policy.who_answers(problem, jurisdiction=j).to_dict())
        except ProblemError as exc:
            out.append(str(exc))
    return out


def test_a_view_that_forgets_answers_as_before_and_lets_its_memos_go(young_heap: None) -> None:
    policy = fresh_load()
    cases = _cases(20)
    strict = policy.with_parameters(handling_time_limit_days=3)
    before, strict_before = _answers(policy, cases), _answers(strict, cases[:5])
    decider = weakref.ref(decider_of(policy))
    kept = weakref.ref(strict)
    own = {"data", "root", "as_of", "_loaded", "what_if", "parameters", "bodies", "duties"}
    assert "_memos" in policy.__dict__ and len(policy.__dict__) > len(own)
    del strict

    policy._forget_warm()
    gc.collect()
    assert decider() is None and kept() is None  # (the decider, the what-if view kept on it: freed)
    assert "_memos" not in policy.__dict__ and own <= set(policy.__dict__)
    assert _answers(policy, cases) == before
    assert _answers(policy.with_parameters(handling_time_limit_days=3), cases[:5]) == strict_before


def test_every_view_alive_forgets_but_a_recording_twin(policy: Any) -> None:
    import responsibility

    view = responsibility.load(RULES)  # (the session's, or the one the cache keeps: a load answers with it)
    kept = {"a": policy.with_parameters(handling_time_limit_days=4)}  # (as a test module's globals keep one)
    twin, _ = recording(policy)
    problem, j = _cases(1)[0]
    for v in (view, policy, kept["a"]):
        v.who_answers(problem, jurisdiction=j)
        assert "_memos" in v.__dict__
    twin._memo("noted", dict)
    assert forget_every_view() >= 3
    assert not any("_memos" in v.__dict__ for v in (view, policy, kept["a"]))
    assert "_memos" in twin.__dict__ and twin.parameters is not None
