"""Where a decision with ``to_dict`` goes under the readings the text leaves open, and how much of ``_switched``'s
re-derivation gives back the record's own facts: bench_engine.py's state (N problems after 5·N others, one process,
compiled engine) on the rules of a checkout or an extracted revision.

Usage: python benchmarks/verdict_rederive.py [RULES_DIR] [--n N] [--oracle]
(default RULES_DIR: this checkout's rules/; N = 2000)

Prints the CPU microseconds a decision (who_answers + to_dict) and thread CPU per call of the stages (wrappers add
~1 µs a call): parse_problem, derive (the record's own and the re-derivations), the re-decisions under readings
(``Decider._placed_key``), ``_switched``, new placements and new shapes' rows; then, per reading, how many
re-decisions shared the record's facts and how many derived again.

``--oracle``: for each re-decision that derived again, derive once more under its policy, compare the facts and
context with the record's own (``==``, every field) and count those that came out equal, per reading: the ceiling
of what a per-record account of the parameters derive read could save (in place of ``Decider._derive_on``'s,
accumulated over every record the decider has derived). It decides the same; its CPU figure is not a rate.

Session 63 (perf64): on 14334c1's rules (what ``bench_engine.py --against=14334c1`` decides) the 107 re-derivations
in the window all differ from the record's facts (``self_rectified_report_required``), so sharing more facts there
gains nothing; on the rules of main (de2ec1ad) 5,407 of 6,190 re-decisions derive again, and 3,063 of those give the
record's own facts and context.
"""

from __future__ import annotations

import argparse
import collections
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_engine as be

import responsibility
from responsibility import Jurisdiction
from responsibility.engine import _decide, _verdict
from responsibility.engine._facts import derive as real_derive


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("rules", nargs="?", default=str(be.ROOT / "rules"))
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--oracle", action="store_true")
    args = ap.parse_args()
    policy = responsibility.load(Path(args.rules))
    j = Jurisdiction.synthetic()
    n = args.n
    recs = be.problems(policy, j, n)
    for r in be.problems(policy, j, be.WARM * n, seed=2, prefix="w"):
        policy.who_answers(r, jurisdiction=j, engine="compiled").to_dict()
    gc.collect()
    primary = _decide.decider_of(policy)

    spent: collections.Counter[str] = collections.Counter()
    calls: collections.Counter[str] = collections.Counter()
    readings: collections.Counter[tuple[str, str]] = collections.Counter()
    clock = time.thread_time

    def wrap(owner: Any, name: str, label: str) -> None:
        f = getattr(owner, name)

        def timed(*a: Any, **k: Any) -> Any:
            t = clock()
            try:
                return f(*a, **k)
            finally:
                spent[label] += clock() - t
                calls[label] += 1

        setattr(owner, name, timed)

    def param_of(d: Any) -> str:
        return next((p for (p, _), x in (primary._flips or {}).items() if x is d), "?")

    own: dict[str, Any] = {}
    switched: Callable[..., Any] = _decide.Decider._switched
    placed_key: Callable[..., Any] = _decide.Decider._placed_key

    def noting_switched(self: Any, problem: Any, jurisdiction: Any, ctx: Any, plan: Any, facts: Any = None,
                        wording_only: bool = False) -> Any:
        own["same"] = (facts, ctx)
        return switched(self, problem, jurisdiction, ctx, plan, facts, wording_only)

    def noting_placed_key(self: Any, problem: Any, jurisdiction: Any, today: Any, same: Any = None) -> Any:
        param = param_of(self)
        if same is not None:
            readings[(param, "shared")] += 1
        else:
            readings[(param, "derived again")] += 1
            base = own.get("same")
            if args.oracle and base is not None and base[0] is not None:
                facts, ctx = real_derive(problem, self.policy, today)
                if facts == base[0] and ctx == base[1]:
                    readings[(param, "derived again, equal")] += 1
        return placed_key(self, problem, jurisdiction, today, same)

    _decide.Decider._switched = noting_switched  # type: ignore[method-assign]
    _decide.Decider._placed_key = noting_placed_key  # type: ignore[method-assign]
    wrap(_decide, "derive", "derive")
    wrap(_decide, "parse_problem", "parse_problem")
    for name in ("_switched", "_placed_key", "_placement", "_rows"):
        wrap(_decide.Decider, name, name)
    wrap(_verdict.Verdict, "to_dict", "to_dict")

    cpu = time.process_time()
    for r in recs:
        policy.who_answers(r, jurisdiction=j, engine="compiled").to_dict()
    cpu = time.process_time() - cpu
    print(f"rules {args.rules}: {cpu / n * 1e6:.1f} CPU µs a decision with to_dict over {n:,} after {be.WARM * n:,}"
          f"{' (with the oracle: not a rate)' if args.oracle else ''}; load {be.load()}")
    for label in spent:
        print(f"  {label:14s} {calls[label]:7,d} calls {spent[label] / n * 1e6:8.1f} µs a decision"
              f" {spent[label] / calls[label] * 1e6:8.1f} µs a call")
    params = sorted({p for p, _ in readings}, key=lambda p: -sum(v for (q, _), v in readings.items() if q == p))
    print("  re-decisions under readings: shared facts / derived again" + (" / of those equal" if args.oracle else ""))
    for p in params:
        print(f"    {p:45s} {readings[(p, 'shared')]:6,d} {readings[(p, 'derived again')]:6,d}"
              + (f" {readings[(p, 'derived again, equal')]:6,d}" if args.oracle else ""))
    total = [sum(v for (_, what), v in readings.items() if what == w)
             for w in ("shared", "derived again", "derived again, equal")]
    print(f"    {'all':45s} {total[0]:6,d} {total[1]:6,d}" + (f" {total[2]:6,d}" if args.oracle else ""))


if __name__ == "__main__":
    main()
