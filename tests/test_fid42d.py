"""fid42d (session 42, wave 2): fidelity leftovers of review42 and check42.

review42 R2 — misrouted_level_holder: a county that had a problem through no body the record names and handed it
itself to a bureau of its own with no part (irregular_step) shows its unnamed holder passing it on wrongly, not the
kind's department having it (一(三) 按照问题类别…列出问题清单、责任清单; 一(四) 相关工作人员)."""
from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from responsibility import Jurisdiction, Policy

TODAY = dt.date(2021, 6, 30)

H16: dict[str, Any] = {
    "id": "H16", "area": "health", "kind": "health_application_not_helped", "place": "330127100219",
    "severity": "minor", "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
    "handled": [{"action": "assigned", "by_level": "county", "to_level": "county", "to_body": "county_education",
                 "on": "2021-03-03"}],
    "rectified_on": "2021-05-30", "as_of": "2021-06-30"}


def _county(policy: Policy, record: dict[str, Any]) -> list[tuple[str, str, tuple[str, ...]]]:
    v = policy.who_answers(record, jurisdiction=Jurisdiction.example(), today=TODAY)
    return [(f.body, f.basis, tuple(f.rests_on)) for f in v.findings if f.level == "county"]


def test_a_county_handing_its_unnamed_find_to_a_bureau_with_no_part_names_its_unnamed_holder(policy: Policy) -> None:
    # review42 R2: 县医保 was named 本身负责该问题的办理和整改 though the record shows the county sending it to 县教育局
    got = _county(policy, H16)
    assert [(b, basis) for b, basis, _ in got] == [("county_holders_unnamed", "not_handled")]
    assert "misrouted_level_holder" in got[0][2] and "irregular_step" in got[0][2]
    clauses = {c for f in policy.who_answers(H16, jurisdiction=Jurisdiction.example(), today=TODAY).findings
               if f.level == "county" for c in f.clauses}
    assert clauses == {"一(三)", "一(四)"}  # not 二(六)3(3), 县医保's 审核、审批


def test_kind_department_keeps_the_department_receiving_level_body_chose(policy: Policy) -> None:
    got = _county(policy.with_parameters(misrouted_level_holder="kind_department"), H16)
    assert [(b, basis) for b, basis, _ in got] == [("county_medical_insurance", "not_handled")]
    assert "misrouted_level_holder" in got[0][2]


def test_the_bulk_path_names_the_body_who_answers_names(policy: Policy) -> None:
    from tests.test_batch import expected, got

    view = policy
    ex = Jurisdiction.example()
    records = [H16, {**H16, "id": "H16-housing", "area": "housing", "kind": "housing_renovation_late"},
               {**H16, "id": "H16-none", "handled": []},   # no hand-over: receiving_level_body's department
               {**H16, "id": "H16-named", "discovered": {**H16["discovered"], "body": "county_medical_insurance"}}]
    bulk = got(view.assess(records, jurisdiction=ex, today=TODAY))
    assert bulk == expected(view, ex, records, "compiled")
    county = {(r[1], r[4]) for r in bulk[0] if r[3] == "county"}
    unnamed = {("H16", "county_holders_unnamed"), ("H16-housing", "county_holders_unnamed")}
    assert county & unnamed == unnamed
    # the reading is only for an unnamed holder and a hand-over within the county set aside
    assert {("H16-none", "county_medical_insurance"), ("H16-named", "county_medical_insurance")} <= county


FID39B_10: dict[str, Any] = {
    "id": "FID39B-10", "area": "housing", "kind": "housing_renovation_late", "place": "330127100219",
    "discovered": {"level": "city", "channel": "audit", "on": "2021-03-01"},
    "handled": [{"action": "assigned", "by_level": "city", "to_level": "city", "to_body": "city_construction",
                 "on": "2021-03-20"}], "as_of": "2021-06-30"}


@pytest.mark.parametrize("value", ["unresolved", "handling_holders"])
def test_a_department_handed_it_late_that_sat_on_it_answers_under_either_receiving_value(policy: Policy,
                                                                                         value: str) -> None:
    # check42 N1: 市住建's own sitting from 03-20 does not depend on who is taken to have held it before
    from tests.test_batch import expected, got

    view = policy.with_parameters(receiving_level_body=value)
    ex = Jurisdiction.example()
    v = view.who_answers(FID39B_10, jurisdiction=ex, today=TODAY)
    own = [f for f in v.findings if f.body == "city_construction" and f.basis == "not_handled"]
    assert len(own) == 1 and "2021-03-20" in own[0].reason
    assert got(view.assess([FID39B_10], jurisdiction=ex, today=TODAY)) == expected(view, ex, [FID39B_10], "compiled")
