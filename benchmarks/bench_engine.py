"""Decisions per second of who_answers with each engine (the cold start of `responsibility who`
is measured by bench_assess.py).

Usage: python benchmarks/bench_engine.py [N]   (default N = 2000 problems; medians of 3 runs)
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
import time
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


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    policy = responsibility.load()
    j = Jurisdiction.synthetic()
    recs = problems(policy, j, n)
    for engine in ("compiled", "durable"):
        rates = [rate(policy, j, recs, engine) for _ in range(3)]
        print(f"who_answers {engine:8s}: median {statistics.median(rates):,.0f} decisions/s "
              f"(runs: {', '.join(f'{r:,.0f}' for r in rates)})")


if __name__ == "__main__":
    main()
