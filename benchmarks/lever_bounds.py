"""How far each remaining lever of issue 12 item 4 could move a compiled ``who_answers`` + ``to_dict`` at most: the
rate with a stage taken away (outputs then differ: an experiment, never a change), against the rate as is, in one
process, windows alternating on records neither side has seen.

Usage: python benchmarks/lever_bounds.py [--rules DIR] [--n N] [--warm W] [--windows K]

Decides ``W`` bench_engine records untimed (default 5·N), then ``K`` windows (default 8) of ``N`` new records each
(default 1,000), every other window with the stage taken away, and prints the medians of the CPU-second rates of the
two kinds of window and their ratio (and each window's rate). The levers:

- ``aa``: nothing taken away (the control: what the alternation alone reads, ±5% on this machine);
- ``readings``: the re-decisions under the readings the text leaves open (``Decider._todo`` answers none: no
  reading decided again, no switched decider's placement, derive or firing) — the ceiling of any memo of
  ``Decider._switched``'s re-decisions, however coarse;
- ``derive``: the record's own derive (answered from a table made before the window, for the decider's own deriving
  view, as fresh dicts; the re-derives under readings as they are) — the ceiling of making ``derive`` cheaper.

On 14334c1's rules (the item's), a ceiling below the ×1.26 that ×5 needs from ×3.96 says that lever alone cannot
reach it (session 56, perf57: readings ×1.18–1.21, derive ×1.64, A/A ×0.97–1.04 at N = 2,000 after 10,000).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import responsibility
from responsibility import Jurisdiction
from responsibility._api import _row_record
from responsibility.engine import _decide
from responsibility.engine._problem import parse_problem

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_engine import WARM, problems  # noqa: E402

LEVERS = ("aa", "readings", "derive")


def bound(policy: Any, j: Jurisdiction, lever: str, n: int, warm: int, windows: int) -> tuple[float, float, list[str]]:
    """The median rates (as is, lever taken away) and each window's, on a fresh decider of ``policy``."""
    for r in problems(policy, j, warm, seed=2, prefix="w"):
        policy.who_answers(r, jurisdiction=j, engine="compiled").to_dict()
    decider = _decide.decider_of(policy)
    twin = decider._derive_on[0] if decider._derive_on is not None else decider.policy
    off = [False]
    table: dict[str, Any] = {}
    todo, derive = _decide.Decider._todo, _decide.derive

    def no_todo(self: Any, problem: Any, failed: bool, rests: Any) -> Any:
        return () if off[0] else todo(self, problem, failed, rests)

    def derived(problem: Any, view: Any, today: Any = None) -> Any:
        if off[0] and view is twin and (got := table.get(problem.__dict__["id"])) is not None:
            # (new dicts each time, as derive makes them: nothing downstream is handed one it has seen)
            return [dict(f) for f in got[0]], got[1]
        return derive(problem, view, today)

    if lever == "readings":
        _decide.Decider._todo = no_todo  # type: ignore[method-assign]
    elif lever == "derive":
        _decide.derive = derived  # type: ignore[assignment]
    rates: dict[bool, list[float]] = {False: [], True: []}
    try:
        for k in range(windows):
            recs = problems(policy, j, n, seed=100 + k, prefix=f"t{k}-")
            off[0] = k % 2 == 1
            decider._todos.clear()  # (_todo's answers are kept by what it reads: not by whether it is taken away)
            if off[0] and lever == "derive":
                table = {r["id"]: derive(parse_problem(_row_record(r), policy, j), twin) for r in recs}
            cpu = time.process_time()
            for r in recs:
                policy.who_answers(r, jurisdiction=j, engine="compiled").to_dict()
            rates[off[0]].append(len(recs) / (time.process_time() - cpu))
    finally:
        _decide.Decider._todo, _decide.derive = todo, derive  # type: ignore[method-assign]
    each = [f"{'-' if i % 2 else '='}{x:,.0f}" for i, x in enumerate(
        [x for pair in zip(rates[False], rates[True], strict=False) for x in pair])]
    return statistics.median(rates[False]), statistics.median(rates[True]), each


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rules", type=Path, default=HERE.parent / "rules")
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--warm", type=int, default=0, help="default: 5·N")
    ap.add_argument("--windows", type=int, default=8)
    ap.add_argument("levers", nargs="*", choices=[*LEVERS, []], help=f"default: all of {LEVERS}")
    args = ap.parse_args()
    args.levers = args.levers or list(LEVERS)
    j = Jurisdiction.synthetic()
    for lever in args.levers:
        policy = responsibility.load(args.rules)
        if lever == args.levers[0]:
            print(f"compiled who_answers + to_dict, {args.windows} windows of {args.n:,} after "
                  f"{args.warm or WARM * args.n:,}, rules {args.rules}", flush=True)
        now, without, each = bound(policy, j, lever, args.n, args.warm or WARM * args.n, args.windows)
        print(f"  {lever:9s} as is {now:8,.0f} /CPU-s   taken away {without:8,.0f} /CPU-s   ×{without / now:.2f}"
              f"   (windows, = as is, - taken away: {' '.join(each)})", flush=True)


if __name__ == "__main__":
    main()
