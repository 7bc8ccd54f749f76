"""Hypothesis strategies: random problems that a policy and a jurisdiction accept."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from responsibility import Jurisdiction, Policy

LEVELS = ["village", "township", "county", "city", "province"]
START = dt.date(2021, 1, 1)


def problems(policy: Policy, jurisdiction: Jurisdiction) -> st.SearchStrategy[dict[str, Any]]:
    """Problem records over ``jurisdiction``: every area, kind, failure and severity."""
    places = [p.code for p in jurisdiction if p.level in ("village", "township")]
    channels = sorted(policy.channels)
    kinds: dict[str, list[str | None]] = {a: [None] for a in policy.problem_areas}
    for a, k in policy.kinds:
        if a in kinds:
            kinds[a].append(k)

    @st.composite
    def build(draw: st.DrawFn) -> dict[str, Any]:
        area = draw(st.sampled_from(sorted(kinds)))
        place = draw(st.sampled_from(places))
        prank = LEVELS.index(jurisdiction.place(place).level)
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
            record["discovered"] = {"level": LEVELS[found], "channel": draw(st.sampled_from(channels)),
                                    "on": on.isoformat()}
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
            if draw(st.booleans()):
                record["deadline"] = day(on).isoformat()
            if draw(st.booleans()):
                record["rectified_on"] = day(on).isoformat()
            record["concealed_by"] = draw(st.lists(st.sampled_from(LEVELS[prank:]), max_size=2, unique=True))
            record["as_of"] = (day(day(when))).isoformat()
        else:
            record["as_of"] = day(START).isoformat()
        return record

    return build()
