"""``route`` names the finder a record names as the body that must pass the problem on, as ``who_answers`` names it
when it does not (review24 #1: route gave the kind's handlers, bodies that never had the problem)."""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Policy

VILLAGE = "330127100219"
#: finders of the county's own work (verification_census), of several lines, and an audit office, which gives way
FINDERS = ["county_health", "county_construction", "county_poverty_office", "county_school", "county_audit"]


def record(area: str, kind: str | None, body: str, as_of: str) -> dict[str, Any]:
    channel = "audit" if body == "county_audit" else "verification_census"
    out: dict[str, Any] = {"id": "r", "area": area, "place": VILLAGE, "severity": "serious", "as_of": as_of,
                           "discovered": {"level": "county", "channel": channel, "on": "2021-03-01", "body": body}}
    if kind:
        out["kind"] = kind
    return out


def kinds(policy: Policy) -> list[tuple[str, str | None]]:
    return [*policy.kinds, *((a, None) for a in policy.problem_areas)]


@pytest.mark.parametrize("body", FINDERS)
def test_route_handlers_are_who_answers_not_handled(policy: Policy, body: str) -> None:
    checked = 0
    for area, kind in kinds(policy):
        late = policy.who_answers(record(area, kind, body, "2021-03-25"))  # 24 days on, nothing done
        due = {f.body for f in late.findings if f.basis == "not_handled"}
        route = policy.route(record(area, kind, body, "2021-03-01"))
        assert {h.body for h in route.handlers} == due, (area, kind, body)
        checked += 1
        if body != "county_audit":
            assert due == {body}, (area, kind)  # the finder itself, whatever the kind's handlers are
    assert checked == len(kinds(policy))
