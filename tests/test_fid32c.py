"""An assignment to the place's level naming no body (fid32c: review32 F3).

A dangerous house placed at a city code (3301), found by the province's media, assigned province → city two days
later naming no body, unrectified past its deadline, grave: only 省扶贫办 answered 未及时交办上报 with leadership, and
the city, holding it four months, nothing — under either value of place_above_rectifiers. 一(四) 对发现问题没有按程序
及时交办和上报的: the province did assign in two days; the missing body is the recorder's omission. By
place_above_rectifiers' default (place_level_assignee) such an assignment now counts as one to a named body of the
level does, and the level's body of the record's line, else its role (市相关部门（问题所属部门）, unresolved, once),
answers for the rectification; holder still counts none.
"""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Jurisdiction, Policy

from .verdicts import worded

ENGINES = ["compiled", pytest.param("durable", marks=pytest.mark.durable)]


def _record(kind: str = "housing_renovation_late", area: str = "housing", place: str = "3301",
            **more: Any) -> dict[str, Any]:
    return {"id": f"f3-{kind}-{place}", "area": area, "kind": kind, "place": place, "severity": "grave",
            "discovered": {"level": "province", "channel": "media", "on": "2021-03-01"},
            "handled": [{"action": "assigned", "by_level": "province", "to_level": "city", "on": "2021-03-03", **more}],
            "deadline": "2021-04-30", "as_of": "2021-06-30"}


def _findings(policy: Policy, record: dict[str, Any], engine: str = "compiled") -> set[tuple[str, str]]:
    return {(f.body, f.basis) for f in worded(policy, record, engine).findings}  # (a wording_only verdict's)


@pytest.mark.parametrize("engine", ENGINES)
def test_the_city_answers_for_a_house_assigned_to_it_naming_no_body(policy: Policy, engine: str) -> None:
    """review32 F3: before, only ('province_poverty_office', 'not_handled')."""
    v = policy.who_answers(_record(), engine=engine)  # type: ignore[arg-type]
    got = {(f.body, f.basis) for f in v.findings}
    assert ("city_sector_department", "not_rectified") in got, got
    assert not any(basis == "not_handled" for _, basis in got), got
    # once: the role stands for the department that took it, not every city department
    assert sum(1 for _, basis in got if basis == "not_rectified") == 1
    assert "place_above_rectifiers" in {i.id for i in v.interpretations}


def test_the_records_line_names_its_department(policy: Policy) -> None:
    got = _findings(policy, {**_record(), "sector": "construction"})
    assert ("city_construction", "not_rectified") in got and ("city_sector_department", "not_rectified") not in got


def test_holder_still_counts_no_such_assignment(policy: Policy) -> None:
    other = policy.with_parameters(place_above_rectifiers="holder")
    got = _findings(other, _record())
    assert ("province_construction", "not_handled") in got
    assert not any(basis == "not_rectified" for _, basis in got), got


def _sweep(policy: Policy) -> list[dict[str, Any]]:
    """Every kind at a city code, assigned to the city naming no body: unrectified, rectified in time, and before its
    deadline; and the same assigned by the city to itself."""
    out = []
    for area, kind in sorted(policy.kinds):
        out.append(_record(kind, area))
        out.append({**_record(kind, area), "rectified_on": "2021-04-20"})
        out.append({**_record(kind, area), "as_of": "2021-04-01"})
        out.append({**_record(kind, area), "discovered": {"level": "city", "channel": "audit", "on": "2021-03-01"},
                    "handled": [{"action": "assigned", "by_level": "city", "to_level": "city", "on": "2021-03-03"}]})
    return out


@pytest.mark.durable
def test_both_engines_and_bulk_agree(policy: Policy, example: Jurisdiction) -> None:
    from .test_batch import TODAY, expected, got

    records = _sweep(policy)
    a = policy.assess(records, jurisdiction=example, today=TODAY)
    assert got(a) == expected(policy, example, records, "compiled") == expected(policy, example, records, "durable")
    assert any(row[4] == "city_sector_department" and row[8] == "not_rectified" for row in got(a)[0])
