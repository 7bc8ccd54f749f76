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


# Items 1–2 (review33b F6, review33 R7): a body that is itself to rectify the problem it held was told that
# it 负有交办上报职责 and did not 按程序交办或上报; the province, with no level above it, that it did not 交办或上报.
def _reported_up(area: str, kind: str, place: str, to: str, body: str | None = None) -> dict[str, Any]:
    """Found by the county's hotline on 03-01, reported up to ``to`` (naming ``body``) on 03-03; nothing after."""
    step: dict[str, Any] = {"action": "reported", "by_level": "county", "to_level": to, "on": "2021-03-03"}
    if to == "province":
        step = {**step, "by_level": "city", "on": "2021-03-05"}
    if body:
        step["to_body"] = body
    steps = [{"action": "reported", "by_level": "county", "to_level": "city", "on": "2021-03-03"}] \
        if to == "province" else []
    return {"id": f"{kind}-{to}", "area": area, "kind": kind, "place": place, "severity": "minor",
            "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
            "handled": [*steps, step], "as_of": "2021-06-30"}


@pytest.mark.parametrize("engine", ENGINES)
def test_a_rectifier_that_sat_on_its_own_work_is_told_it_did_not_handle_it(policy: Policy, engine: str) -> None:
    """review33 R7 (r33-a04): 省建设厅, itself to make the housing policy (二(六)4(6)
    负责制定危房长效治理改造政策), held the gap reported up to the province and did nothing: not
    "负有交办上报职责…交办或上报" (it has nobody to pass it to, the province nobody to report to) but that it
    is itself to handle and rectify it and did not handle it (二(二)3 分类办理; 一(三)
    省市两级及时回应基层反映问题); the finding and its clauses are as before."""
    v = policy.who_answers(_reported_up("housing", "housing_policy_gap", "330127100219", "province"), engine=engine)
    [f] = [f for f in v.findings if f.basis == "not_handled" and f.liability == "staff"]
    assert (f.body, f.clauses) == ("province_construction", ("一(三)", "一(四)", "二(六)4(6)"))
    assert "本身负责该问题的办理和整改，未在10天内按程序办理。" in f.reason
    assert "交办上报职责" not in f.reason and "上报" not in f.reason.split("掌握该问题")[1]
    assert "handle it" in f.to_dict("en")["reason"]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_county_department_holding_its_own_work_is_told_so(policy: Policy, engine: str) -> None:
    """review33 R7 (r33-f-conceal-*): 县级医保部门, to approve medical assistance (二(六)3(3)), held the
    village's problem the county's census found: 本身负责该问题的办理和整改, not 负有交办上报职责."""
    r = {"id": "c", "area": "health", "kind": "health_application_not_helped", "place": "330127100219",
         "severity": "minor", "discovered": {"level": "county", "channel": "verification_census", "on": "2021-03-01"},
         "concealed_by": ["village"], "as_of": "2021-06-30"}
    [f] = [f for f in policy.who_answers(r, engine=engine).findings if f.basis == "not_handled"]
    assert f.body == "county_medical_insurance" and "本身负责该问题的办理和整改，未在10天内按程序办理。" in f.reason


@pytest.mark.parametrize("engine", ENGINES)
def test_the_province_passing_a_problem_on_is_told_to_assign_it_not_report_it(policy: Policy, engine: str) -> None:
    """review33b F6: 省扶贫办, told by the city of a housing policy gap that is 省建设厅's to make, is to
    assign it (交办) — the province has no level to 上报 to; the city still 交办或上报."""
    r = _reported_up("housing", "housing_policy_gap", "330127100219", "province", "province_poverty_office")
    [f] = [f for f in policy.who_answers(r, engine=engine).findings if f.basis == "not_handled"]
    assert f.body == "province_poverty_office"
    assert f.reason.endswith("省扶贫办负有交办职责，未在10天内按程序交办。"), f.reason
    city = {**r, "handled": r["handled"][:1], "id": "c"}
    city["handled"][0] = {**city["handled"][0], "to_body": "city_poverty_office"}
    [g] = [f for f in policy.who_answers(city, engine=engine).findings if f.basis == "not_handled"]
    assert g.body == "city_poverty_office" and "负有交办上报职责，未在10天内按程序交办或上报（" in g.reason, g.reason


@pytest.mark.durable
def test_both_engines_and_bulk_give_the_same_reasons(policy: Policy, example: Jurisdiction) -> None:
    """Bulk makes reasons through the same decider (Decider.own_holding in its template memo): the same words."""
    from .test_batch import TODAY, expected, got

    records = [_reported_up("housing", "housing_policy_gap", "330127100219", "province"),
               _reported_up("housing", "housing_policy_gap", "330127100219", "province", "province_poverty_office"),
               _reported_up("housing", "housing_renovation_late", "330127100219", "city", "city_poverty_office"),
               {"id": "c", "area": "health", "kind": "health_application_not_helped", "place": "330127100219",
                "severity": "minor", "concealed_by": ["village"], "as_of": "2021-06-30",
                "discovered": {"level": "county", "channel": "verification_census", "on": "2021-03-01"}}]
    a = policy.assess(records, jurisdiction=example, today=TODAY)
    rows = got(a)
    assert rows == expected(policy, example, records, "compiled") == expected(policy, example, records, "durable")
    assert sum("本身负责该问题的办理和整改" in row[11] for row in rows[0]) >= 2


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("area", "kind"), [("education", "education_student_not_identified"),
                                            ("housing", "housing_policy_gap")])
def test_a_village_concealing_a_kind_not_its_part_cites_its_own_report_duty(policy: Policy, engine: str, area: str,
                                                                           kind: str) -> None:
    """review34 F1: a village is accepted as concealer of any kind (docs/records.md Concealment): it holds
    its own 及时上报 (二(二)4), and its 瞒报漏报 finding cites it beside 一(四), as its late report does (it
    cited 一(四) alone)."""
    r = {"id": "v", "area": area, "kind": kind, "place": "330127100219", "severity": "serious",
         "discovered": {"level": "county", "channel": "verification_census", "on": "2021-03-01"},
         "concealed_by": ["village"], "as_of": "2021-06-30"}
    mine = [f for f in policy.who_answers(r, engine=engine).findings if f.basis == "concealed"]
    assert {f.body for f in mine} == {"village_committee", "village_party_branch"}
    assert all(f.clauses == ("一(四)", "二(二)4") for f in mine), [(f.body, f.clauses) for f in mine]


# Item 3 (review33 R5, r33-c07): a named concealer with a part at handling hid its part in the kind's work too.
def _hidden(area: str, kind: str, body: str, place: str) -> dict[str, Any]:
    """Found by the county's (or the province's) check on 03-01; ``body`` concealed it (一(四) 瞒报漏报)."""
    found = {"level": "county", "channel": "audit", "on": "2021-03-01", "body": "county_audit"} if len(place) > 4 \
        else {"level": "province", "channel": "inspection_tour", "on": "2021-03-01"}
    return {"id": f"{kind}-{body}", "area": area, "kind": kind, "place": place, "severity": "serious",
            "discovered": found, "concealed_by": [body], "as_of": "2021-06-30"}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("area", "kind", "body", "place", "clauses"), [
    # r33-c07: 二(四)4 县扶贫办…对资金使用的绩效负责, beside its ledger (一(三))
    ("funds", "funds_poor_performance", "county_poverty_office", "330127", ("一(三)", "一(四)", "二(四)4")),
    # 二(四)2 乡镇…对本辖区内扶贫资金使用的绩效负责, beside 二(二)2 (and 二(二)4, a6f1e29)
    ("funds", "funds_poor_performance", "township_government", "330127100219",
     ("一(四)", "二(二)2", "二(二)4", "二(四)2")),
    # 二(五)1 村…负责做好村级项目实施
    ("projects", "project_late_or_unfinished", "village_committee", "330127100219",
     ("一(四)", "二(二)1", "二(二)4", "二(五)1")),
])
def test_a_concealer_with_a_handling_part_cites_its_part_in_the_work(policy: Policy, engine: str, area: str,
                                                                     kind: str, body: str, place: str,
                                                                     clauses: tuple[str, ...]) -> None:
    """The concealer's named duty in the kind's own area (at discovery or rectification) is cited beside its handling
    part; before, only the handling part (一(三) for 县扶贫办, 二(二)1–2 for the village and township)."""
    v = policy.who_answers(_hidden(area, kind, body, place), engine=engine)
    mine = [f for f in v.findings if f.basis == "concealed"]
    assert mine and all(f.clauses == clauses for f in mine), [(f.body, f.clauses) for f in mine]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_concealer_gains_no_general_discovery_duty(policy: Policy, engine: str) -> None:
    """Not the duties every member unit holds (scope area_holders): 县扶贫办 hiding a basic-needs policy gap (the
    province's to make, 二(六)1(5)) gains no 二(二)3 涉及本部门问题 (s33's candidate patch gave it)."""
    v = policy.who_answers(_hidden("basic_needs", "basic_needs_policy_gap", "county_poverty_office", "330127"),
                           engine=engine)
    mine = [f for f in v.findings if f.basis == "concealed"]
    assert mine and all(f.clauses == ("一(三)", "一(四)") for f in mine), [(f.body, f.clauses) for f in mine]


@pytest.mark.durable
def test_both_engines_and_bulk_agree_on_the_concealers(policy: Policy, example: Jurisdiction) -> None:
    """Bulk places findings through the same decider (Decider._placing_of): the same clauses."""
    from .test_batch import TODAY, expected, got

    records = [_hidden("funds", "funds_poor_performance", "county_poverty_office", "330127"),
               _hidden("funds", "funds_poor_performance", "township_government", "330127100219"),
               _hidden("projects", "project_late_or_unfinished", "village_committee", "330127100219"),
               _hidden("water", "water_quality_substandard", "county_health", "330127100219")]
    a = policy.assess(records, jurisdiction=example, today=TODAY)
    rows = got(a)
    assert rows == expected(policy, example, records, "compiled") == expected(policy, example, records, "durable")
    assert any(row[4] == "county_poverty_office" and row[10] == "一(三);一(四);二(四)4" for row in rows[0])
