"""Hypothesis strategies: random problems that a policy and a jurisdiction accept."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from hypothesis import strategies as st

from responsibility import Jurisdiction, Policy
from responsibility.chain._jurisdiction import is_residents_committee
from responsibility.engine._problem import RESIDENTS_PLACE

LEVELS = ["village", "township", "county", "city", "province"]
START = dt.date(2021, 1, 1)


def channel_at(policy: Policy, channel: str, level: str) -> str:
    """``channel`` where ``level`` runs it (a channel's ``levels``, R20-7: 全科网格 the county's and below,
    调查核查 省市两级's, 审计 the county's and up, the hotline the county's), else the first channel the level runs
    that is most like it (its own work or not, a verification, an oversight check): for generators that draw a level
    and a channel apart and must make records a policy accepts, with no further draw (the other records stay as
    they were)."""
    ch = policy.channels[channel]
    if ch.levels is None or level in ch.levels:
        return channel
    run = [(c, x) for c, x in sorted(policy.channels.items()) if x.levels is None or level in x.levels]

    def likeness(x: Any) -> int:
        return (4 * (x.own_work == ch.own_work) + 2 * (x.verification == ch.verification)
                + (x.oversight == ch.oversight))
    return max(run, key=lambda cx: likeness(cx[1]))[0]


def problems(policy: Policy, jurisdiction: Jurisdiction,
             areas: Sequence[str] | None = None) -> st.SearchStrategy[dict[str, Any]]:
    """Problem records over ``jurisdiction``: every area (or those of ``areas``), kind, failure and severity."""
    places = [p.code for p in jurisdiction if p.level in ("village", "township")]
    # the channels each level runs (a channel's `levels`, R20-7: 全科网格 the county's and below, 调查核查 省市两级's …)
    channels = {lv: sorted(c for c, ch in policy.channels.items() if ch.levels is None or lv in ch.levels)
                for lv in LEVELS}
    outside = {c for c, ch in policy.channels.items() if not ch.own_work}
    # the channels a lower level may conceal a problem from (一(四) 上级核查和巡视审计等过程中; review29 #1)
    checks = {c for c, ch in policy.channels.items() if ch.verification or ch.oversight}
    kinds: dict[str, list[str | None]] = {a: [None] for a in policy.problem_areas}
    for a, k in policy.kinds:
        if a in kinds:
            kinds[a].append(k)

    @st.composite
    def build(draw: st.DrawFn) -> dict[str, Any]:
        area = draw(st.sampled_from(sorted(kinds) if areas is None else sorted(areas)))
        place = draw(st.sampled_from(places))
        prank = LEVELS.index(jurisdiction.place(place).level)
        if prank == 0 and is_residents_committee(place) and policy.parameter(RESIDENTS_PLACE) == "township":
            prank = 1  # an urban community's problem is its township's: nothing below it finds or takes it (R25-11)
        record: dict[str, Any] = {
            "id": f"p{draw(st.integers(0, 10**9))}",
            "domain": area,
            "kind": draw(st.sampled_from(kinds[area])),
            "place": place,
            "severity": draw(st.sampled_from(["minor", "serious", "grave"])),
        }
        day = lambda lo: lo + dt.timedelta(days=draw(st.integers(0, 120)))  # noqa: E731
        if draw(st.integers(0, 9)) > 0:  # one in ten not yet discovered
            found = draw(st.integers(prank, 4))
            on = day(START)
            channel = draw(st.sampled_from(channels[LEVELS[found]]))
            record["discovered"] = {"level": LEVELS[found], "channel": channel, "on": on.isoformat()}
            steps = []
            at = found
            when = on
            for _ in range(draw(st.integers(0, 3))):
                when = day(when)
                if at < 4 and draw(st.booleans()):
                    to = draw(st.integers(at + 1, 4))
                    steps.append({"action": "reported", "by_level": LEVELS[at], "to_level": LEVELS[to],
                                  "on": when.isoformat()})
                    at = to
                else:
                    to = draw(st.integers(prank, at))
                    steps.append({"action": "assigned", "by_level": LEVELS[at], "to_level": LEVELS[to],
                                  "on": when.isoformat()})
            record["handled"] = steps
            assigned = [dt.date.fromisoformat(s["on"]) for s in steps if s["action"] == "assigned"]
            if draw(st.booleans()):
                record["deadline"] = day(min(assigned, default=on)).isoformat()
            rectified = day(on) if draw(st.booleans()) else None
            if rectified is not None:
                record["rectified_on"] = rectified.isoformat()
            # 一(四): concealment from a higher level's verification, by a level that answers for handling.
            handlers = {policy.bodies[b].level for b in policy.stage_holders(area, record["kind"], "handling")}
            concealers = [lv for lv in LEVELS[prank:found] if lv in handlers]
            if channel in outside and channel in checks and concealers:
                record["concealed_by"] = draw(st.lists(st.sampled_from(concealers), max_size=2, unique=True))
            last = max([when, rectified or when])
            record["as_of"] = day(last).isoformat()
        else:
            record["as_of"] = day(START).isoformat()
        return record

    return build()


def bench_engine_records(policy: Policy, j: Jurisdiction, n: int, *, seed: int, prefix: str) -> list[dict[str, Any]]:
    """benchmarks/bench_engine.py's records (the sample issue 12 item 4 is measured on), ids starting ``prefix``."""
    import sys
    from pathlib import Path

    benchmarks = str(Path(__file__).resolve().parents[1] / "benchmarks")
    sys.path.insert(0, benchmarks)
    try:
        import bench_engine
    finally:
        sys.path.remove(benchmarks)
    got: list[dict[str, Any]] = bench_engine.problems(policy, j, n, seed=seed, prefix=prefix)
    return got


def holders_inputs(data: st.DataObject) -> tuple[Any, ...]:
    """Records (discovered or not, at any level) and steps (reports or not, to any level, on any day, in any order)
    as batch/_core.holders takes them: ``n, nr, disc, c, hp, hby, hto, htb, hon, rep, limit, steps``."""
    from types import SimpleNamespace

    import numpy as np

    n, nr = data.draw(st.integers(1, 5)), data.draw(st.integers(1, 4))
    records = data.draw(st.lists(st.tuples(st.booleans(), st.integers(0, nr - 1), st.integers(0, 6),
                                           st.integers(-1, 3)), min_size=n, max_size=n))
    disc, dlev, don, dbody = (np.array(x) for x in zip(*records, strict=True))
    steps = data.draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, nr - 1), st.integers(0, nr - 1),
                                         st.integers(-1, 3), st.integers(0, 12), st.booleans()), max_size=25))
    i32 = np.int32
    hp, hby, hto, htb, hon = (np.array([s[j] for s in steps], i32) for j in range(5))
    rep = np.array([s[5] for s in steps], np.bool_)
    c = SimpleNamespace(n=n, dlev=dlev.astype(i32), don=don.astype(i32), dbody=dbody.astype(i32))
    limit = data.draw(st.integers(0, 4))
    return n, nr, disc, c, hp, hby, hto, htb, hon, rep, limit, steps
