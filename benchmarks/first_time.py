"""Where a compiled decision's first-time work goes: thread CPU µs a ``who_answers`` + ``to_dict`` (issue 12 item 4)
on records the process has not seen, against the same records decided again (every memo warm), the stages that
differ, and what makes a record's shape new.

Usage: python benchmarks/first_time.py [--rules DIR] [--n N] [--warm W]

Decides ``W`` bench_engine records untimed (bench_engine's warm-up: ``WARM · N``), then ``N`` new ones three times:

1. **first / again / after**: the ``N`` new records (first), the same again (again), then ``N`` other new records,
   then the first ``N`` once more (after: their memos warm, the processor's caches not). *first − again* is the
   work done once per new shape, place or fact value; *after ≈ again* says it is that work, not the processor's
   caches (session 43: 96 / 65 / 59 µs on 14334c1's rules).
2. **stages** (inclusive µs a decision, in the first pass and in the second, with the calls): each Decider method
   and function of :data:`STAGES`, wrapped; a wrapper costs ~0.3 µs a call, so small stages read high.
3. **shapes**: how many of the ``N`` records' shapes (``Decider.shape``: what a plan is kept by) the warm-up had
   not seen, and how many would still be new with each part of the shape left out: the part that makes shapes
   new is where a coarser key would save a new plan's rows (session 43: ``fired``, the rules each fact met with
   what a plan reads of it; 200 of 217 new shapes were new combinations of per-fact parts seen before).

Why beside ``ab_decisions.py``: that one says how much faster; this one says where a new record's time goes, the
part of a decision (~35 of ~95 µs on 14334c1's rules) that repeating the same records hides.
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

#: (module under responsibility.engine, attribute, label): the stages timed, each inclusive of those it calls.
STAGES = [("_decide", "parse_problem", "parse"), ("_decide", "derive", "derive"),
          ("_engine_compiled", "CompiledEngine.fire_read", "fire_read"),
          ("_decide", "Decider._switched", "switched"), ("_decide", "Decider._placed_key", "placed_key"),
          ("_decide", "Decider._placement", "placement"), ("_decide", "Decider._plan", "plan"),
          ("_decide", "Decider._rows", "rows"), ("_decide", "Decider.switched_rests", "switched_rests"),
          ("_verdict", "_c_finding_dicts", "finding_dicts")]

#: The parts of ``Decider.shape``, in order.
SHAPE = ("engine", "severity", "line", "prank", "knew", "passed", "handed", "deadline_from_parameter", "rests_on",
         "fired")


def main() -> None:
    import importlib

    from bench_engine import after_warm_up, problems

    args, policy, j, warm_n = after_warm_up(__doc__ or "")
    recs = problems(policy, j, warm_n + 2 * args.n)
    shapes: list[tuple[Any, ...]] = []
    decide = importlib.import_module("responsibility.engine._decide")
    shape = decide.Decider.shape

    def noted(self: Any, *a: Any, **k: Any) -> tuple[Any, ...]:
        got: tuple[Any, ...] = shape(self, *a, **k)
        shapes.append(got)
        return got

    decide.Decider.shape = noted

    def run(rs: list[dict[str, Any]]) -> float:
        t = time.thread_time()
        for r in rs:
            policy.who_answers(r, jurisdiction=j, engine="compiled").to_dict()
        return (time.thread_time() - t) / len(rs) * 1e6

    run(recs[:warm_n])
    seen = list(shapes)
    shapes.clear()
    new, other = recs[warm_n:warm_n + args.n], recs[warm_n + args.n:]
    first = run(new)
    timed = list(shapes)
    again = run(new)
    run(other)
    after = run(new)
    print(f"µs a decision + to_dict over {args.n:,} new records after {warm_n:,} (thread CPU; load "
          f"{'/'.join(f'{x:.1f}' for x in os.getloadavg())}):")
    print(f"  first {first:6.1f}   again {again:6.1f}   after {args.n:,} others {after:6.1f}   "
          f"first-time work {first - again:5.1f}")

    # stages, on records neither pass has seen: the first pass, then the same again
    spent: collections.Counter[str] = collections.Counter()
    calls: collections.Counter[str] = collections.Counter()
    inside: set[str] = set()

    def wrapped(label: str, f: Callable[..., Any]) -> Callable[..., Any]:
        def timed_stage(*a: Any, **k: Any) -> Any:
            if label in inside:  # (a stage inside itself counts once)
                return f(*a, **k)
            inside.add(label)
            t = time.thread_time_ns()
            try:
                return f(*a, **k)
            finally:
                spent[label] += time.thread_time_ns() - t
                calls[label] += 1
                inside.discard(label)
        return timed_stage

    for module, attr, label in STAGES:
        m = importlib.import_module(f"responsibility.engine.{module}")
        owner, name = (getattr(m, attr.split(".")[0]), attr.split(".")[1]) if "." in attr else (m, attr)
        if getattr(owner, name, None) is not None:
            setattr(owner, name, wrapped(label, getattr(owner, name)))
    fresh = problems(policy, j, args.n, seed=7, prefix="f")
    for label, rs in (("first", fresh), ("again", fresh)):
        spent.clear()
        calls.clear()
        total = run(rs)
        print(f"  stages, {label} ({total:.1f} µs with the wrappers): " + "  ".join(
            f"{k} {spent[k] / len(rs) / 1e3:.1f} ({calls[k]})" for k in sorted(spent, key=spent.__getitem__,
                                                                               reverse=True)))

    def new_without(drop: tuple[str, ...]) -> int:
        keep = [i for i, part in enumerate(SHAPE) if part not in drop]
        known = {tuple(s[i] for i in keep) for s in seen}
        count = 0
        for s in timed:
            k = tuple(s[i] for i in keep)
            if k not in known:
                count += 1
                known.add(k)
        return count

    tokens = {t for s in seen for t in s[-1]}
    fresh_shapes = {s for s in timed if s not in set(seen)}
    print(f"  shapes: {len(set(timed)):,} distinct in the {args.n:,} records, {new_without(()):,} new, of which "
          f"{sum(1 for s in fresh_shapes if any(t not in tokens for t in s[-1])):,} hold a fact's part never seen")
    print("  new with a part left out: " + "  ".join(f"{part} {new_without((part,))}" for part in SHAPE))


if __name__ == "__main__":
    main()
