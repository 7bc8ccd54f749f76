"""fid41c (review41b D1): a problem that reaches a city or the province through no body the record names, where the
level's one holder of the kind's handling is the 扶贫办 by 二(二)5 省市有关部门…负责指导督促基层问题发现和整改 alone — a
guidance duty, not one to pass problems on — is decided by ``receiving_level_body``, as at the county: by default
(unresolved) the department the text ties to the kind's work at that level (二(六)5(6) 省市行业主管部门…指导、协调和
督促农村饮用水达标提标工程建设: 市水利), else the level's role once; handling_holders names the office. Either way
the verdict cites the parameter. On both engines and in bulk."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from responsibility import Jurisdiction, Policy

from .test_batch import TODAY, expected, got

W06: dict[str, Any] = {
    "id": "r41b-W06", "area": "water", "kind": "water_project_irregular", "place": "330127", "severity": "minor",
    "discovered": {"level": "province", "channel": "audit", "on": "2021-03-01", "body": "province_audit"},
    "handled": [
        {"action": "assigned", "by_level": "province", "to_level": "city", "on": "2021-03-03"},
        {"action": "assigned", "by_level": "city", "to_level": "county", "on": "2021-03-20"},
        {"action": "assigned", "by_level": "county", "to_level": "county", "to_body": "county_water",
         "on": "2021-03-22"}],
    "deadline": "2021-04-30", "rectified_on": "2021-04-28", "as_of": "2021-06-30"}


def _late(v: Any) -> list[Any]:
    return [f for f in v.findings if f.basis == "not_handled"]


def _cited(v: Any, pid: str) -> bool:
    return any(i.id == pid for i in v.interpretations)


@pytest.mark.parametrize("engine", ["compiled", "durable"])
def test_the_city_that_sat_on_a_water_project_is_its_water_bureau_by_the_parameter(policy: Policy,
                                                                                   engine: str) -> None:
    """Fails before: 市扶贫办 on [一(三), 一(四), 二(二)5], and receiving_level_body not cited."""
    v = policy.who_answers(copy.deepcopy(W06), engine=engine)  # type: ignore[arg-type]
    late = _late(v)
    assert [f.body for f in late] == ["city_water"]
    assert "city_poverty_office" not in {f.body for f in v.findings}
    assert _cited(v, "receiving_level_body")


@pytest.mark.parametrize("engine", ["compiled", "durable"])
def test_handling_holders_names_the_office_and_cites_the_parameter(policy: Policy, engine: str) -> None:
    """The other value keeps the office (every holder of the handling stage); the verdict says it rests on the
    choice. Fails before: the parameter was not cited."""
    other = policy.with_parameters(receiving_level_body="handling_holders")
    v = other.who_answers(copy.deepcopy(W06), engine=engine)  # type: ignore[arg-type]
    assert [f.body for f in _late(v)] == ["city_poverty_office"]
    assert _cited(v, "receiving_level_body")


@pytest.mark.parametrize(("area", "kind", "level", "want"), [
    ("water", "water_project_irregular", "city", "city_water"),
    ("water", "water_project_irregular", "province", "province_water"),
    ("housing", "housing_renovation_late", "city", "city_construction"),  # 二(六)4(6)
])
def test_the_receiving_body_of_a_guiding_level(policy: Policy, area: str, kind: str, level: str, want: str) -> None:
    """Fails before: None (the office, the level's one holder, answered either way)."""
    from responsibility.engine._facts import receiving_body
    assert receiving_body(policy, area, kind, level, None, 3) == want


def test_in_bulk_as_one_by_one(policy: Policy, example: Jurisdiction) -> None:
    """The batch path gives what who_answers gives, under both values. (fid42c: in the example jurisdiction, which
    holds W06's place — in the synthetic province every record was rejected, and only the rejects were compared.)"""
    records = []
    for i, (lvl, body) in enumerate([("province", "province_audit"), ("city", "city_audit"), ("city", None)]):
        r = copy.deepcopy(W06)
        r["id"] = f"W06-{i}"
        r.pop("as_of")
        r["discovered"] = {"level": lvl, "channel": "audit", "on": "2021-03-01",
                           **({"body": body} if body else {})}
        if lvl == "city":
            r["handled"] = r["handled"][1:]
        records.append(r)
    for p in (policy, policy.with_parameters(receiving_level_body="handling_holders")):
        a = p.assess(records, jurisdiction=example, today=TODAY)
        assert a.assessed == len(records)
        assert got(a) == expected(p, example, records, "compiled")
