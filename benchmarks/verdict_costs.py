"""Where a compiled decision with ``to_dict`` goes, in one process: µs a decision (thread CPU, medians of 3 passes
over N problems after 5·N others), for the verdict alone, with ``to_dict``, and with ``to_dict`` but every reading
derived again (``Decider.share_facts`` off: session 40's shortcut left out), on the rules given (default: this
checkout's; ``--rules DIR`` for another's, as bench_engine's ``--against`` reads them).

Usage: ``python benchmarks/verdict_costs.py [N] [--rules DIR]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import responsibility
from responsibility import Jurisdiction
from responsibility.engine._decide import decider_of

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_engine import problems


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, nargs="?", default=2000)
    ap.add_argument("--rules", type=Path, default=None)
    args = ap.parse_args()
    j = Jurisdiction.synthetic()
    for label, dicts, share in (("who_answers", False, True), ("+ to_dict", True, True),
                                ("+ to_dict, every reading derived again", True, False)):
        policy = responsibility.load(args.rules) if args.rules else responsibility.load()
        recs = problems(policy, j, args.n * 8)
        warm, timed = recs[:args.n * 5], recs[args.n * 5:]
        decider_of(policy).share_facts = share
        for r in warm:
            v = policy.who_answers(r, jurisdiction=j, engine="compiled")
            if dicts:
                v.to_dict()
        got = []
        for k in range(3):
            part = timed[k * args.n:(k + 1) * args.n]
            t = time.thread_time()
            for r in part:
                v = policy.who_answers(r, jurisdiction=j, engine="compiled")
                if dicts:
                    v.to_dict()
            got.append((time.thread_time() - t) / len(part) * 1e6)
        print(f"{label:42s} {statistics.median(got):7.1f} µs  ({' '.join(f'{x:.1f}' for x in got)})", flush=True)


if __name__ == "__main__":
    main()
