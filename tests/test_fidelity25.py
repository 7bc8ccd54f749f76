"""Session 25, fid25b: fidelity of the rules data and the policy view (review24 #4 and its reason text; review25).

Each test names the clause of 浙扶贫〔2020〕1号 that decides it; every one fails on the rules and code before the change
(the equality checks across engines and the bulk path apart)."""
from __future__ import annotations

import itertools
from typing import Any

import pytest

from responsibility import Jurisdiction, Policy

from .test_batch import TODAY, expected, got
from .verdicts import answers as _answers

ENGINES = ("durable", "compiled")
VILLAGE, COUNTY = "330127100219", "330127"


def _found(area: str, kind: str | None, by: str, channel: str, *, place: str = VILLAGE,
           **extra: Any) -> dict[str, Any]:
    """A problem found by ``by`` on 2021-03-01 and, as of 2021-06-30, neither passed on nor rectified."""
    r: dict[str, Any] = {"id": "x", "area": area, "place": place, "severity": "serious", "as_of": "2021-06-30",
                         "discovered": {"level": by, "channel": channel, "on": "2021-03-01"}}
    if kind is not None:
        r["kind"] = kind
    return {**r, **extra}


# ------------------------------------------ review24 #4 / review25 R25-5: a missed cadre contact the county should find


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("by", "channel"), [("city", "survey_verification"), ("province", "inspection_tour")])
@pytest.mark.parametrize("place", [VILLAGE, COUNTY])
def test_a_missed_cadre_contact_found_above_is_the_county_leaders_to_have_found(
        policy: Policy, engine: str, by: str, channel: str, place: str) -> None:
    """二(六)1(4) 县（市、区）党委、政府：…确保低收入农户每户有一名干部联系，每月联系一次 — their own work — and 一(一)
    县级…借助全科网格和“一户一策一干部”制度…主动发现…帮扶举措落实不到位: a missed contact found by the city or the
    province is one the county should have found (一(四) 应由本级发现问题没有发现). Before, no county body answered;
    still no county department does (the contact is the leaders' alone, review22)."""
    got_ = _answers(policy, _found("basic_needs", "basic_needs_contact_missing", by, channel, place=place), engine)
    assert {("county_party_committee", "not_discovered"), ("county_government", "not_discovered")} <= got_
    assert not {b for b, _ in got_ if b.startswith("county_")} - {"county_party_committee", "county_government"}


@pytest.mark.parametrize("engine", ENGINES)
def test_the_county_finding_its_own_missed_contact_answers_for_no_miss(policy: Policy, engine: str) -> None:
    """The county that found it itself missed nothing (一(四) 应由**本级**发现…没有发现: it did find it)."""
    got_ = _answers(policy, _found("basic_needs", "basic_needs_contact_missing", "county", "dynamic_tracking"), engine)
    assert not {b for b, basis in got_ if basis == "not_discovered" and b.startswith("county_")}


# ---------------------------------------------------- 一(四)'s words in the not_discovered reason (review24, low)


@pytest.mark.parametrize("engine", ENGINES)
def test_the_not_discovered_reason_quotes_the_text(policy: Policy, engine: str) -> None:
    """一(四) 对应由本级发现问题没有发现的: the reason ends with the text's words (it said 应由本级发现而没有发现)."""
    v = policy.who_answers(_found("housing", "housing_danger_unreported", "county", "hotline"),  # type: ignore[arg-type]
                           engine=engine)
    reasons = [f.reason for f in v.findings if f.basis == "not_discovered"]
    assert reasons and all(r.endswith("属应由本级发现问题没有发现。") for r in reasons)
    assert policy.failures["not_discovered"].name == "应由本级发现问题没有发现"


# --------------------------------------- review25 R25-1: a province's or city's policy gap is its line's to amend

POLICY_GAPS = [("housing", "housing_line_policy_gap"), ("education", "education_policy_gap"),
               ("health", "health_policy_gap"), ("funds", "funds_rules_gap"), ("projects", "projects_policy_gap"),
               ("basic_needs", "basic_needs_policy_gap")]


def _gap(area: str, kind: str, level: str, sector: str | None) -> dict[str, Any]:
    r = {**_found(area, kind, level, "audit", place="3301" if level == "city" else "33"),
         "handled": [{"action": "assigned", "by_level": level, "to_level": level, "on": "2021-03-05"}],
         "deadline": "2021-04-30"}
    r["discovered"]["body"] = f"{level}_audit"
    if sector is not None:
        r["sector"] = sector
    return r


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("area", "kind"), POLICY_GAPS)
@pytest.mark.parametrize("level", ["city", "province"])
def test_a_policy_gap_of_a_named_line_is_that_lines_department_to_amend(
        policy: Policy, engine: str, area: str, kind: str, level: str) -> None:
    """二(六)4(7) 民政、残联、自然资源、农业农村、财政等部门负责制定…资格认定、建设用地保障、宅基地安排、资金保障等
    相关政策;
    二(四)7 财政…制定扶贫资金管理和绩效评价制度 / 扶贫、民宗…制定扶贫项目和资产管理制度; 二(六)1(5) (民政, 扶贫办 by
    interpretation); 二(六)2(4), 二(六)3(5), 二(五)5 (named together, each for its own line by default, as their
    guidance: joint_guidance_every_line false): a gap whose record names its line, assigned to the level as a whole, is
    that line's department's to amend. Before, every department of the joint clause answered not_rectified."""
    holders = {policy.bodies[b].sector for did in policy.stage_duties(area, kind, "rectification")
               for b in policy.duties[did].holders if policy.bodies[b].level == level and policy.bodies[b].sector}
    assert len(holders) > 1
    for sector in sorted(holders):
        got_ = _answers(policy, _gap(area, kind, level, sector), engine)
        rectifiers = {b for b, basis in got_ if basis == "not_rectified"}
        assert rectifiers == {f"{level}_{sector}"}, (sector, rectifiers)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("area", "kind"), POLICY_GAPS)
def test_a_policy_gap_naming_no_line_names_the_levels_department_once(
        policy: Policy, engine: str, area: str, kind: str) -> None:
    """A record that names no sector does not say whose part failed: the level's 问题所属部门 once, unresolved
    (sectorless_alternatives), as for the county's departments of one level that each hold a part."""
    v = policy.who_answers(_gap(area, kind, "city", None), engine=engine)  # type: ignore[arg-type]
    assert {f.body for f in v.findings if f.basis == "not_rectified"} == {"city_sector_department"}
    assert "sectorless_alternatives" in {i.id for i in v.interpretations}


@pytest.mark.parametrize("engine", ENGINES)
def test_the_joint_reading_of_the_clauses_that_name_departments_together_stays_a_parameter(
        policy: Policy, engine: str) -> None:
    """二(六)2(4) names the six departments together and does not split the policy: joint_guidance_every_line true
    reads them jointly (each answers whatever the record's line), as it does their guidance; 二(六)4(7), which splits
    the fields, stays each department's own."""
    joint = policy.with_parameters(joint_guidance_every_line=True)
    got_ = _answers(joint, _gap("education", "education_policy_gap", "city", "education"), engine)
    assert {b for b, basis in got_ if basis == "not_rectified"} == {
        "city_education", "city_finance", "city_civil_affairs", "city_hrss", "city_disabled_federation",
        "city_poverty_office"}
    got_ = _answers(joint, _gap("housing", "housing_line_policy_gap", "city", "natural_resources"), engine)
    assert {b for b, basis in got_ if basis == "not_rectified"} == {"city_natural_resources"}


def test_policy_gaps_agree_across_engines_and_bulk(policy: Policy, province: Jurisdiction) -> None:
    """The bulk path reads the same rules (its tables from the view; a record with a sector takes the reference
    path): assess agrees with both engines on every policy gap above, with and without a line."""
    records = []
    for (area, kind), level in itertools.product(POLICY_GAPS, ("city", "province")):
        lines = sorted({policy.bodies[b].sector for did in policy.stage_duties(area, kind, "rectification")
                        for b in policy.duties[did].holders if policy.bodies[b].sector})
        for sector in [None, *lines]:
            records.append({**_gap(area, kind, level, sector), "id": f"g{len(records)}"})
    a = policy.assess(records, jurisdiction=province, today=TODAY)
    assert got(a) == expected(policy, province, records, "compiled")
    assert got(a) == expected(policy, province, records, "durable")
