"""Two versions of the code deciding the same records in one process: thread CPU µs a compiled ``who_answers`` +
``to_dict`` (issue 12 item 4's figure), side by side.

Usage: python benchmarks/ab_decisions.py SRC_A SRC_B [--rules DIR] [--n N] [--chunk C] [--rounds R]

``SRC_A`` and ``SRC_B`` are ``src`` directories of two checkouts (each with its C extensions built in place). Each
``responsibility`` package is copied to a temporary directory under another name (``resp_a``, ``resp_b``: the package
imports itself relatively, and its C extensions by their own names), so both live in one interpreter and the
machine's load falls on both alike. Both load ``--rules`` (default: this checkout's; 14334c1's for issue 12's
comparison) with the policy cache off, decide the same ``5·N`` bench_engine records untimed (interleaved by
1,000), then the same ``N`` new records in chunks of ``C``, alternating which side goes first; ``R`` rounds, each on
records neither side has seen. Prints each round's µs a decision per side and B / A, then the medians.

Why beside ``bench_engine.py --against``: that one runs each side in its own process, one after the other; on this
shared machine (2 CPUs, load 5-10) two runs minutes apart differ by ±10%, more than most changes to the verdict are
worth. Alternating chunks in one process, an A / A run reads within ~±4% (session 41).
"""

from __future__ import annotations

import argparse
import importlib
import os
import pickle
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

#: A process making bench_engine's records: argv = benchmarks directory, rules, how many, where to pickle them.
MAKE = """
import pickle, sys
sys.path.insert(0, sys.argv[1])
import responsibility
from bench_engine import problems
recs = problems(responsibility.load(sys.argv[2]), responsibility.Jurisdiction.synthetic(), int(sys.argv[3]))
open(sys.argv[4], "wb").write(pickle.dumps(recs))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("a", type=Path)
    ap.add_argument("b", type=Path)
    ap.add_argument("--rules", type=Path, default=ROOT / "rules")
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--chunk", type=int, default=250)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    os.environ["RESPONSIBILITY_CACHE"] = "off"
    with tempfile.TemporaryDirectory() as tmp:
        for name, src in (("resp_a", args.a), ("resp_b", args.b)):
            shutil.copytree(src / "responsibility", Path(tmp) / name,
                            ignore=shutil.ignore_patterns("__pycache__"))
        sys.path.insert(0, tmp)
        sides: dict[str, tuple[Any, Any]] = {}
        for name in ("resp_a", "resp_b"):
            m = importlib.import_module(name)
            sides[name] = (m.load(args.rules), m.Jurisdiction.synthetic())
        # (the records made by bench_engine in a process of this checkout's package: the same for both sides)
        made = Path(tmp) / "records.pickle"
        subprocess.run([sys.executable, "-c", MAKE, str(ROOT / "benchmarks"), str(args.rules),
                        str(args.n * (5 + args.rounds)), str(made)], check=True)
        recs = pickle.loads(made.read_bytes())
        warm = recs[:args.n * 5]
        for i in range(0, len(warm), 1000):
            for policy, j in sides.values():
                for r in warm[i:i + 1000]:
                    policy.who_answers(r, jurisdiction=j, engine="compiled").to_dict()
        ratios, per = [], {name: [] for name in sides}  # type: ignore[var-annotated]
        order = list(sides)
        for k in range(args.rounds):
            timed = recs[args.n * (5 + k):args.n * (6 + k)]
            spent = dict.fromkeys(sides, 0.0)
            for c, i in enumerate(range(0, len(timed), args.chunk)):
                for name in (order if c % 2 == 0 else order[::-1]):
                    policy, j = sides[name]
                    t = time.thread_time()
                    for r in timed[i:i + args.chunk]:
                        policy.who_answers(r, jurisdiction=j, engine="compiled").to_dict()
                    spent[name] += time.thread_time() - t
            a, b = (spent[name] / len(timed) * 1e6 for name in order)
            per["resp_a"].append(a)
            per["resp_b"].append(b)
            ratios.append(b / a)
            print(f"round {k + 1}: A {a:6.1f} µs  B {b:6.1f} µs  B/A {b / a:.3f}", flush=True)
        print(f"median: A {statistics.median(per['resp_a']):6.1f} µs  B {statistics.median(per['resp_b']):6.1f} µs"
              f"  B/A {statistics.median(ratios):.3f} (B x{1 / statistics.median(ratios):.3f} as fast)")


if __name__ == "__main__":
    main()
