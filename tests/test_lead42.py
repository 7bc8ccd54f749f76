"""Session 42's lead: an unnamed receipt at a city or the province (receiving_level_body, review41b D1) falls on the
one body the kind's own clause names there as a principal — the 扶贫办 counted where the text names it so, not where it
only assists — else on the level's role once (check42 C1)."""

from __future__ import annotations

import pytest

import responsibility
from responsibility.engine._facts import pressing_department


@pytest.mark.parametrize("level", ["city", "province"])
@pytest.mark.parametrize("kind", ["funds_diverted", "funds_allocation_irregular", "funds_poor_performance"])
def test_funds_tie_finance_and_the_office_alike_so_the_role_stands_once(policy: responsibility.Policy, kind: str,
                                                                       level: str) -> None:
    # 二(四)7 财政部门…加强扶贫资金使用监管; 扶贫、民宗部门负责统筹监督扶贫资金和资产的管理使用: two principals
    assert pressing_department(policy, "funds", kind, level, None, 1) == f"{level}_sector_department"


@pytest.mark.parametrize("level", ["city", "province"])
def test_an_office_that_only_assists_is_not_counted(policy: responsibility.Policy, level: str) -> None:
    # 二(三)6 省市民政部门…监督; 二(三)7 省市扶贫办：协助民政部门对低收入农户识别认定开展监督
    got = pressing_department(policy, "identification", "identification_applicant_not_included", level, None, 1)
    assert got == f"{level}_civil_affairs"


@pytest.mark.parametrize(("area", "kind", "body"), [("housing", "housing_renovation_late", "construction"),
                                                    ("water", "water_project_irregular", "water")])
def test_the_one_department_tied_is_still_named(policy: responsibility.Policy, area: str, kind: str,
                                                body: str) -> None:
    for level in ("city", "province"):
        assert pressing_department(policy, area, kind, level, None, 1) == f"{level}_{body}"


def test_a_verdict_names_the_role_for_a_city_audit_of_diverted_funds(policy: responsibility.Policy) -> None:
    rec = {"id": "c1", "area": "funds", "kind": "funds_diverted", "place": "330127100219", "severity": "minor",
           "discovered": {"level": "city", "channel": "discipline_inspection", "on": "2021-03-01",
                          "body": "city_discipline"},
           "handled": [{"action": "assigned", "by_level": "city", "to_level": "county", "on": "2021-03-20"}],
           "as_of": "2021-06-30"}
    v = policy.who_answers(rec)
    city = [f for f in v.findings if f.level == "city" and f.basis == "not_handled"]
    assert [f.body for f in city] == ["city_sector_department"]
    assert "receiving_level_body" in {i.id for i in v.interpretations}
    other = policy.with_parameters(receiving_level_body="handling_holders").who_answers(rec)
    assert {f.body for f in other.findings if f.level == "city" and f.basis == "not_handled"} == {
        "city_poverty_office"}
