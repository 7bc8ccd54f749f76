"""benchmarks/readings_costs.py (session 47, perf47; issue 12 item 4): it wraps engine/_decide's private functions by
name and passes their arguments along by position, so a rename or a changed signature must show here rather than as
a benchmark that measures nothing (as test_batch_workers guards assess_costs.py)."""

from __future__ import annotations

import importlib
import inspect
import sys
from pathlib import Path

from responsibility.engine import _decide


def test_what_the_readings_benchmark_wraps_is_there_as_it_calls_it() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    try:
        costs = importlib.import_module("readings_costs")
    finally:
        sys.path.pop(0)
    assert costs.WRAPPED, "the benchmark names what it wraps"
    for path, params in costs.WRAPPED.items():
        owner: object = _decide
        for part in path.split("."):
            owner = getattr(owner, part)
        assert callable(owner), path
        if params is not None:  # (its leading parameters, in order: the wrappers pass them by position)
            got = tuple(inspect.signature(owner).parameters)
            assert got[:len(params)] == params, (path, got)
    # (a decider's switched deciders, by (parameter, value): how the benchmark names a re-decision's reading)
    assert "_flips" in inspect.getsource(_decide.Decider.__init__)
