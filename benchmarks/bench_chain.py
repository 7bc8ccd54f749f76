"""Benchmark: a synthetic province of 11 cities, 90 counties, 1,300 townships and 25,000 villages.

Times what a user does to place the chain over a whole province: build the synthetic
jurisdiction, make a :class:`~responsibility.PlacedChain`, and for every village take the
chain above it (kept, so memory counts it) and the escalation path of its villagers'
committee; then list every placed body of the province. Each run is a fresh process, so
its peak RSS (``ru_maxrss``) is the whole process's: interpreter, libraries, the loaded
policy and the placed chain. Prints each run and the medians.

    python benchmarks/bench_chain.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time


def child() -> None:
    started = time.perf_counter()
    import responsibility
    from responsibility import Jurisdiction, PlacedChain

    policy = responsibility.load()
    policy.chain  # noqa: B018 - the role graph is built once per policy
    loaded = time.perf_counter()
    jurisdiction = Jurisdiction.synthetic(cities=11, counties=90, townships=1300, villages=25000)
    placed = PlacedChain(policy, jurisdiction)
    chains = []
    escalations = []
    for village in jurisdiction.at_level("village"):
        chains.append(placed.above(village.code))
        escalations.append(placed.escalation("village_committee", village.code, "housing"))
    bodies = list(placed.bodies())
    done = time.perf_counter()
    assert len(chains) == 25000 and len(bodies) == placed.count()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {
                "load_s": loaded - started,
                "place_s": done - loaded,
                "peak_rss_mb": peak_kb / 1024,
                "placed_bodies": len(bodies),
                "chain_links": sum(map(len, chains)),
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child()
        return
    runs = []
    for i in range(args.runs):
        out = subprocess.run(
            [sys.executable, __file__, "--child"], check=True, capture_output=True, text=True
        )
        run = json.loads(out.stdout)
        runs.append(run)
        print(
            f"run {i + 1}: load policy {run['load_s']:.2f} s, synthetic province + placed chain "
            f"{run['place_s']:.2f} s, peak RSS {run['peak_rss_mb']:.0f} MB"
        )
    place = statistics.median(r["place_s"] for r in runs)
    rss = statistics.median(r["peak_rss_mb"] for r in runs)
    load = statistics.median(r["load_s"] for r in runs)
    print(
        f"median of {len(runs)}: synthetic province + placed chain for all villages {place:.2f} s "
        f"(policy load {load:.2f} s before it), peak RSS {rss:.0f} MB; "
        f"{runs[0]['placed_bodies']} placed bodies, {runs[0]['chain_links']} chain links"
    )
    # The budget is reported, not enforced: wall time on a shared machine swings 2-5x with other
    # load, so a failing exit here would say more about the neighbours than about the code.
    ok = place < 2.0 and rss < 300
    print("within budget (< 2 s, < 300 MB)" if ok else "over budget (< 2 s, < 300 MB) on this run")


if __name__ == "__main__":
    main()
