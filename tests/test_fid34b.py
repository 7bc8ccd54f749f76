"""What a village's or township's late report of a policy or mechanism problem cites (fid34b; s33 note item 3).

二(二)1–2 (村/乡镇…对涉及本村/本乡镇扶贫领域具体问题的发现和整改工作负责) are the village's and
township's part in a 具体问题 of their place. A 全省共性问题 (二(二)5), a working mechanism of the province
or a city (一(一)、一(三) 省市两级) or the county's discovery and rectification mechanism (二(二)4) is none:
their late report of it cites 一(四) and 二(二)4 (县…压实县乡村主动发现、主动整改、及时上报责任), as a
policy gap of any other area does (rules/areas/discovery.yaml discovery_village_report).
"""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Jurisdiction, Policy

ENGINES = ["compiled", pytest.param("durable", marks=pytest.mark.durable)]


def _late(area: str, kind: str, level: str) -> dict[str, Any]:
    """Found by ``level``'s grid on 03-01 at 富城村 (or its township), reported up on 03-21 (the limit: 10 days)."""
    up = {"village": "township", "township": "county"}[level]
    place = {"village": "330127100219", "township": "330127100"}[level]
    return {"id": f"{kind}-{level}", "area": area, "kind": kind, "place": place, "severity": "minor",
            "discovered": {"level": level, "channel": "grid", "on": "2021-03-01"},
            "handled": [{"action": "reported", "by_level": level, "to_level": up, "on": "2021-03-21"}],
            "as_of": "2021-06-30"}


POLICY_KINDS = [("discovery", "common_policy_problem"), ("discovery", "province_city_mechanism_gap"),
                ("discovery", "mechanism_missing"), ("housing", "housing_policy_gap")]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("area", "kind"), POLICY_KINDS)
@pytest.mark.parametrize("level", ["village", "township"])
def test_a_late_report_of_a_policy_problem_cites_1_4_and_2_2_4(policy: Policy, engine: str, area: str, kind: str,
                                                              level: str) -> None:
    """The discovery area's policy and mechanism kinds cite what a housing policy gap cites: 一(四) and 二(二)4, never
    二(二)1–2, for every body of the village or township that sat on it (they cited 二(二)1 or 二(二)2 before)."""
    v = policy.who_answers(_late(area, kind, level), engine=engine)
    held = [f for f in v.findings if f.basis == "not_handled" and f.level in ("village", "township")]
    assert {f.level for f in held} == ({"village", "township"} if level == "village" else {"township"})
    assert all(f.clauses == ("一(四)", "二(二)4") for f in held), [(f.body, f.clauses) for f in held]


@pytest.mark.durable
def test_both_engines_and_bulk_agree_on_these_records(policy: Policy, example: Jurisdiction) -> None:
    """Bulk places findings through the same decider: the clauses are the same there."""
    from .test_batch import TODAY, expected, got

    records = [_late(a, k, lv) for a, k in POLICY_KINDS[:3] for lv in ("village", "township")]
    a = policy.assess(records, jurisdiction=example, today=TODAY)
    rows = got(a)
    assert rows == expected(policy, example, records, "compiled") == expected(policy, example, records, "durable")
    assert any(row[4] == "village_committee" and row[10] == "一(四);二(二)4" for row in rows[0])


@pytest.mark.parametrize(("area", "kind"), [("housing", "housing_policy_gap"), ("discovery", "common_policy_problem")])
def test_the_route_cites_for_the_village_what_a_verdict_on_it_cites(policy: Policy, area: str, kind: str) -> None:
    """`route` names the village as the body to report a policy gap its grid found; its clauses are those a verdict's
    not_handled finding on the village cites (一(四) 二(二)4, engine/_decide Decider._held_only), not 二(二)1–2, which
    came to the housing gap's route from the defaults every kind gets at handling."""
    r = _late(area, kind, "village")
    route = policy.route({k: v for k, v in r.items() if k != "handled"})
    assert {b.body for b in route.handlers} == {"village_committee", "village_party_branch"}
    assert {"一(四)", "二(二)4"} <= set(route.clauses)
    assert not {"二(二)1", "二(二)2"} & set(route.clauses), route.clauses
