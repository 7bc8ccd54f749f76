"""Decisions per second of who_answers with each engine, and the cold start of the package.

Usage: python benchmarks/bench_engine.py [N] [--cold-only]   (default N = 2000 problems; medians of 3)

Cold start: CPU seconds (user + sys of the child) and wall seconds of a fresh interpreter running
``import responsibility`` and ``responsibility who`` on the README's example problem, with the
policy cache (responsibility.policy._cache) warm and turned off. The sandbox sets
PYTHONDONTWRITEBYTECODE=1: the figures say whether the package's bytecode was on disk.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import responsibility
from responsibility import Jurisdiction
from responsibility.engine._problem import parse_problem

LEVELS = ["village", "township", "county", "city", "province"]


def problems(policy: responsibility.Policy, j: Jurisdiction, n: int, seed: int = 1) -> list[dict[str, Any]]:
    rnd = random.Random(seed)
    villages = [p.code for p in j.at_level("village")]
    kinds: dict[str, list[str | None]] = {a: [None] for a in policy.problem_areas}
    for a, k in policy.kinds:
        kinds.setdefault(a, [None]).append(k)
    out = []
    for i in range(n):
        area = rnd.choice(policy.problem_areas)
        on = dt.date(2021, 1, 1) + dt.timedelta(days=rnd.randrange(200))
        finder = rnd.randrange(1, 5)
        rec: dict[str, Any] = {"id": f"b{i}", "domain": area, "kind": rnd.choice(kinds[area]),
                               "place": rnd.choice(villages), "severity": rnd.choice(["minor", "serious", "grave"]),
                               "discovered": {"level": LEVELS[finder], "channel": "audit", "on": on.isoformat()}}
        last = on
        if rnd.random() < 0.6:
            to = rnd.randrange(0, finder + 1)
            step = on + dt.timedelta(days=rnd.randrange(0, 15))
            rec["handled"] = [{"action": "assigned", "by_level": LEVELS[finder], "to_level": LEVELS[to],
                               "on": step.isoformat()}]
            last = step
            if rnd.random() < 0.5:
                fixed = on + dt.timedelta(days=rnd.randrange(1, 60))
                rec["rectified_on"] = fixed.isoformat()
                last = max(last, fixed)
        rec["as_of"] = (last + dt.timedelta(days=rnd.randrange(5, 120))).isoformat()
        if rnd.random() < 0.1:
            # 一(四): concealed from a higher level's verification; drop it where the record forbids it.
            rec["concealed_by"] = [LEVELS[rnd.randrange(0, finder)]]
            try:
                parse_problem(rec, policy, j)
            except responsibility.ProblemError:
                del rec["concealed_by"]
        out.append(rec)
    return out


def rate(policy: responsibility.Policy, j: Jurisdiction, recs: list[dict[str, Any]], engine: str) -> float:
    policy.who_answers(recs[0], jurisdiction=j, engine=engine)  # type: ignore[arg-type]  # warm-up
    start = time.perf_counter()
    for r in recs:
        policy.who_answers(r, jurisdiction=j, engine=engine)  # type: ignore[arg-type]
    return len(recs) / (time.perf_counter() - start)


ROOT = Path(__file__).resolve().parents[1]
README_PROBLEM = ROOT / "examples" / "problems" / "housing-not-discovered.yaml"


def child(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """CPU seconds (user + sys) and wall seconds of one fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, wall


def cold_starts(runs: int = 3) -> None:
    """Print the cold-start figures (medians of ``runs``)."""
    bytecode = any((ROOT / "src" / "responsibility").rglob("__pycache__/*.pyc"))
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "RESPONSIBILITY_CACHE_DIR": cache}
        who = [sys.executable, "-m", "responsibility", "who", str(README_PROBLEM)]
        cases = {
            "import responsibility": ([sys.executable, "-c", "import responsibility"], env),
            "responsibility who (policy cached)": (who, env),
            "responsibility who (cache off)": (who, {**env, "RESPONSIBILITY_CACHE": "off"}),
        }
        child(who, env)  # fills the cache
        print(f"cold start, medians of {runs} (package bytecode on disk: {'yes' if bytecode else 'no'}):")
        for name, (args, e) in cases.items():
            got = [child(args, e) for _ in range(runs)]
            print(f"  {name:36s} CPU {statistics.median(c for c, _ in got):.2f} s, "
                  f"wall {statistics.median(w for _, w in got):.2f} s")


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    cold_starts()
    if "--cold-only" in sys.argv:
        return
    n = int(args[0]) if args else 2000
    policy = responsibility.load()
    j = Jurisdiction.synthetic()
    recs = problems(policy, j, n)
    for engine in ("compiled", "durable"):
        rates = [rate(policy, j, recs, engine) for _ in range(3)]
        print(f"who_answers {engine:8s}: median {statistics.median(rates):,.0f} decisions/s "
              f"(runs: {', '.join(f'{r:,.0f}' for r in rates)})")


if __name__ == "__main__":
    main()
