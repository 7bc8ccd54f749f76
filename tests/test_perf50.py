"""benchmarks/first_decisions.py (session 50, perf50): it times a fresh process's first decisions of
test_batch_lines' every-line records through tests/test_batch.py's ``expected``, so a renamed or re-signed helper
there must show here rather than as a benchmark that fails or measures other records (as test_perf47 guards
readings_costs.py)."""

from __future__ import annotations

import importlib
import inspect
import sys
from pathlib import Path

from responsibility import Jurisdiction, Policy

from .test_batch import expected
from .test_batch_lines import records


def test_what_the_first_decisions_benchmark_calls_is_there_as_it_calls_it(policy: Policy) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    try:
        bench = importlib.import_module("first_decisions")
    finally:
        sys.path.pop(0)
    source = inspect.getsource(bench.child)
    assert "records(policy, sorted(policy.problem_areas))" in source
    assert 'expected(policy, j, recs, "compiled")' in source
    # (the calls as the benchmark makes them, on a few records: rows come back, one area's records are there)
    recs = records(policy, sorted(policy.problem_areas))[:12]
    assert len(recs) == 12 and all(r["area"] == recs[0]["area"] for r in recs)
    rows, rejects = expected(policy, Jurisdiction.example(), recs, "compiled")
    assert rows and len(rejects) < len(recs)
