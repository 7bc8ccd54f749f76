"""What deciding a record again under the readings the text leaves open costs, and how much of it changed nothing
(issue 12 item 4, and the test suite's time: ``Decider._switched`` was 37-52% of its CPU in session 46).

Usage: python benchmarks/readings_costs.py [--rules DIR] [--n N] [--warm W]

Decides ``W`` bench_engine records untimed, then ``N`` new ones twice over, on records neither pass has seen:

1. **costs**: thread CPU µs a decision + ``to_dict`` and, inclusive, of ``Decider._switched`` (the re-decisions),
   ``Decider._placed_key`` (one re-decision: a switched decider's placement), the records derived again inside it,
   and the switched deciders' new placements (``Decider._plan``). Each wrapper costs ~3 µs a call (``thread_time``
   is a system call here), so small stages read high: the shares, not the sums, are the figure.
2. **readings**: for each (parameter, why) read again — how many re-decisions, how many derived the record again
   (derive had read the parameter on some record: ``Decider._switched``), of those how many gave the record's own
   facts and context all the same (a re-derive a read set of this record's derive alone would have spared), and
   how many gave the same findings with the same clauses as the record's own plan (a re-decision an oracle of
   "can this reading change the answer" would have spared). Counted on every re-decision, the kept ones too.

Why beside ``first_time.py``: that one splits a decision's first-time work; this one says which readings the
re-decisions are, and how many of them a finer test could skip — the ceiling of the read-set levers.
"""

from __future__ import annotations

import collections
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

#: What this wraps or reads of engine/_decide by name, with the parameters it passes along (tests/test_perf47.py:
#: a rename or a new parameter must show there, not as a benchmark that silently measures nothing).
WRAPPED = {"derive": ("problem", "policy", "today"), "placed_for": ("p", "policy"),
           "Decider._placed_key": ("self", "problem", "jurisdiction", "today", "same"),
           "Decider._switched": ("self", "problem", "jurisdiction", "ctx", "plan", "facts"),
           "Decider._plan": None, "Decider._plan_clauses": ("self", "plan")}


def main() -> None:
    import importlib

    from bench_engine import after_warm_up, problems

    args, policy, j, warm_n = after_warm_up(__doc__ or "")
    decide: Any = importlib.import_module("responsibility.engine._decide")
    decider_class = decide.Decider

    def run(rs: list[dict[str, Any]]) -> float:
        t = time.thread_time()
        for r in rs:
            policy.who_answers(r, jurisdiction=j, engine="compiled").to_dict()
        return (time.thread_time() - t) / len(rs) * 1e6

    run(problems(policy, j, warm_n, seed=2, prefix="w"))

    # 1. costs
    spent: collections.Counter[str] = collections.Counter()
    calls: collections.Counter[str] = collections.Counter()
    where = {"placing": False}
    derive, placed_key, switched, plan = (decide.derive, decider_class._placed_key, decider_class._switched,
                                          decider_class._plan)

    def timed(label: str, f: Callable[..., Any], flag: bool = False) -> Callable[..., Any]:
        def stage(*a: Any, **k: Any) -> Any:
            name = label
            if label == "derive":
                name = "derived again" if where["placing"] else "derive"
            elif label == "plan":
                if not where["placing"]:
                    return f(*a, **k)
                name = "new placements"
            if flag:
                where["placing"] = True
            t = time.thread_time_ns()
            try:
                return f(*a, **k)
            finally:
                spent[name] += time.thread_time_ns() - t
                calls[name] += 1
                if flag:
                    where["placing"] = False
        return stage

    decide.derive = timed("derive", derive)  # (what _decide calls derive by)
    decider_class._placed_key = timed("re-decisions", placed_key, flag=True)
    decider_class._switched = timed("switched", switched)
    decider_class._plan = timed("plan", plan)
    recs = problems(policy, j, args.n, seed=7, prefix="c")
    total = run(recs)
    print(f"{args.n:,} new records after {warm_n:,} ({args.rules}; thread CPU, load "
          f"{'/'.join(f'{x:.1f}' for x in os.getloadavg())}): {total:.1f} µs a decision + to_dict, wrappers included")
    for name in ("derive", "switched", "re-decisions", "derived again", "new placements"):
        share = spent[name] / 1e3 / args.n / total * 100
        print(f"  {name:16s} {spent[name] / 1e3 / args.n:7.1f} µs a decision ({share:4.1f}%), {calls[name]:6,} calls")
    decide.derive = derive
    decider_class._placed_key, decider_class._plan = placed_key, plan

    # 2. readings
    counts: collections.Counter[tuple[str, str, str]] = collections.Counter()
    now: dict[str, Any] = {}

    def switched_noted(self: Any, problem: Any, jurisdiction: Any, ctx: Any, plan_: Any, facts: Any = None,
                       *more: Any) -> Any:
        now.update(main=self, plan=plan_, facts=facts, ctx=ctx)
        try:
            return switched(self, problem, jurisdiction, ctx, plan_, facts, *more)
        finally:
            now.clear()

    def placed_noted(self: Any, problem: Any, jurisdiction: Any, today: Any, same: Any = None) -> Any:
        got = placed_key(self, problem, jurisdiction, today, same)
        main = now.get("main")
        if main is None or self is main:
            return got
        param, value = next(((p, v) for (p, v), d in (main._flips or {}).items() if d is self), ("?", "?"))
        label = (str(param), repr(value), "")
        counts[label] += 1
        if same is None:
            counts[(*label[:2], "derived again")] += 1
            here = decide.placed_for(problem, self.policy)
            facts, ctx = derive(here, self.policy, today)
            mine = now["facts"] or []
            if ([list(f.values())[1:] for f in facts] == [list(f.values())[1:] for f in mine]
                    and ctx == now["ctx"]):
                counts[(*label[:2], "derived alike")] += 1
        if self._plan_clauses(got[1]) == main._plan_clauses(now["plan"]):
            counts[(*label[:2], "same answer")] += 1
        return got

    decider_class._switched = switched_noted
    decider_class._placed_key = placed_noted
    run(problems(policy, j, args.n, seed=8, prefix="r"))
    decider_class._switched, decider_class._placed_key = switched, placed_key
    print(f"  re-decisions of another {args.n:,} new records, by reading: decided / derived again / of those with the "
          "record's own facts and context / same findings and clauses")
    readings = sorted({k[:2] for k in counts}, key=lambda k: -counts[(*k, "")])
    sums: collections.Counter[str] = collections.Counter()
    for param, value in readings:
        row = [counts[(param, value, part)] for part in ("", "derived again", "derived alike", "same answer")]
        sums.update(dict(zip(("", "derived again", "derived alike", "same answer"), row, strict=True)))
        print(f"    {param:44s} {value:18s} {row[0]:6,} {row[1]:6,} {row[2]:6,} {row[3]:6,}")
    print(f"    {'all':44s} {'':18s} {sums['']:6,} {sums['derived again']:6,} {sums['derived alike']:6,} "
          f"{sums['same answer']:6,}")


if __name__ == "__main__":
    main()
