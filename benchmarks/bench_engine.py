"""Decisions per second of who_answers with each engine, and the cold start of `responsibility who`.

Usage: python benchmarks/bench_engine.py [N]   (default N = 2000 problems; medians of 3 runs)
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import responsibility
from responsibility import Jurisdiction

LEVELS = ["village", "township", "county", "city", "province"]
ROOT = Path(__file__).resolve().parents[1]


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
                               "discovered": {"level": LEVELS[finder], "channel": "audit", "on": on.isoformat()},
                               "as_of": (on + dt.timedelta(days=rnd.randrange(5, 120))).isoformat()}
        if rnd.random() < 0.6:
            to = rnd.randrange(0, finder + 1)
            rec["handled"] = [{"action": "assigned", "by_level": LEVELS[finder], "to_level": LEVELS[to],
                               "on": (on + dt.timedelta(days=rnd.randrange(0, 15))).isoformat()}]
            if rnd.random() < 0.5:
                rec["rectified_on"] = (on + dt.timedelta(days=rnd.randrange(1, 60))).isoformat()
        if rnd.random() < 0.1:
            rec["concealed_by"] = [LEVELS[rnd.randrange(0, finder + 1)]]
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
    example = ROOT / "examples" / "problems" / "housing-not-discovered.yaml"
    colds = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "responsibility", "who", str(example), "--format", "json"],
                       check=True, capture_output=True)
        colds.append(time.perf_counter() - start)
    print(f"`responsibility who` cold start: median {statistics.median(colds):.2f} s "
          f"(runs: {', '.join(f'{c:.2f}' for c in colds)})")


if __name__ == "__main__":
    main()
