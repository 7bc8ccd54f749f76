"""fid40 (check39 #2, the water twin of review39 F2): 县水利局's part in water found substandard — a test failure, a
patrol's finding, an emergency supply failure, an unsafe situation not reported — is to pass it on to the unit it
directs (县级统管单位) and oversee it (二(六)5(4) 水利部门负责农村供水工程建设与管理监管); the finding (水质自检) and
the fixing (确保供水达标; 应急保供保障) are the unit's (二(六)5(3)), the monitoring 卫健's (二(六)5(4)
水质监测…安全检测). That is none of its own 本部门问题 (二(二)3 按照职责分工…动态发现、分类办理、即时整改;
PolicyView.line_in_kind, _passes_on_for_unit), as a school's unpaid aid is none of 县教育局's (review39 F2): it no
longer answers 应由本级发现问题没有发现 (一(四)) or 整改不到位 on 二(二)3 alone, whether the unit is named or the
record says `sector: water`. It still presses the unit, and still answers as finder where 管理监管 is itself how the
problem is found (the unit's self-testing not done; the works not maintained)."""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Jurisdiction, Policy

from .test_batch import TODAY, expected, got

ENGINES = ("compiled", "durable")
HANDLED_ONLY = ("water_quality_test_failed", "water_quality_substandard", "water_emergency_failure",
                "water_unsafe_unreported")
FOUND_BY_OVERSIGHT = ("water_self_testing_not_done", "water_facilities_unmaintained")


def handed(kind: str, to_body: str | None, sector: str | None = None, place: str = "330127100219",
           level: str = "city") -> dict[str, Any]:
    """``level``'s audit (the county: its hotline) finds water problem ``kind`` and hands it to ``to_body`` of the
    county, which leaves it unrectified past its deadline."""
    r: dict[str, Any] = {
        "id": f"fid40-{kind}-{to_body}-{sector}", "area": "water", "kind": kind, "place": place, "severity": "minor",
        "discovered": {"level": level, "channel": "audit" if level != "county" else "hotline", "on": "2021-03-01"},
        "handled": [{"action": "assigned", "by_level": level, "to_level": "county", "on": "2021-03-03",
                     **({"to_body": to_body} if to_body else {})}],
        "deadline": "2021-04-30", "as_of": "2021-06-30"}
    if sector:
        r["sector"] = sector
    return r


def answers(policy: Policy, record: dict[str, Any], engine: str = "compiled") -> set[tuple[str, str]]:
    return {(f.body, f.basis) for f in policy.who_answers(record, engine=engine).findings}  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", HANDLED_ONLY)
def test_the_water_line_has_no_part_of_its_own_where_it_only_passes_the_unit_its_work(policy: Policy,
                                                                                      kind: str) -> None:
    """line_in_kind for the water line: False at every level in the four kinds where 县水利 is listed at handling only
    and the unit finds or fixes (fails before: True through water_county_water_oversee(_works)); True where 县水利's
    管理监管 is at discovery (review28 #6); the health line keeps its part in a test failure (水质监测)."""
    for level in (None, "county", "city", "province"):
        assert not policy.line_in_kind("water", kind, "water", level)
    for k in FOUND_BY_OVERSIGHT:
        assert policy.line_in_kind("water", k, "water", "county")
    assert policy.line_in_kind("water", "water_quality_test_failed", "health", "county")
    # (the school's side is as review39 F2 left it: 认定、审核 is 县教育局's own)
    assert policy.line_in_kind("education", "education_student_not_identified", "education", "county")
    assert not policy.line_in_kind("education", "education_aid_not_paid", "education", "county")


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("sector", [None, "water", "water_supply"])
@pytest.mark.parametrize("kind", ["water_quality_test_failed", "water_quality_substandard"])
def test_a_test_failure_handed_to_the_unit_is_not_the_water_bureaus_to_have_found(policy: Policy, engine: str,
                                                                                  sector: str | None,
                                                                                  kind: str) -> None:
    """Handed to the unit, whatever the record's line: the unit and 县卫健 answer 应发现未发现, 县水利 presses and
    is not named for finding it; naming the unit reads as `sector: water_supply` does (fails before for None and
    water)."""
    got_ = answers(policy, handed(kind, "county_water_supply_unit", sector), engine)
    assert {("county_water_supply_unit", "not_discovered"), ("county_health", "not_discovered"),
            ("county_water", "supervision")} <= got_, got_
    assert ("county_water", "not_discovered") not in got_
    assert got_ == answers(policy, handed(kind, "county_water_supply_unit", "water_supply"), engine)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("kind", HANDLED_ONLY)
def test_handed_to_the_water_bureau_the_unit_rectifies_and_the_bureau_presses(policy: Policy, engine: str,
                                                                              kind: str) -> None:
    """Handed to 县水利局 (a right assignee: the city does not answer 未及时交办), the water is the unit's to fix: the
    unit answers 整改不到位 and 县水利 presses it (assignment_without_rectification_duty: level_holds), as aid handed
    to 县教育局 is the level's (check39). Fails before: 县水利 answered 整改不到位 on 一(四)/二(二)3 alone."""
    for level in ("city", "county"):
        got_ = answers(policy, handed(kind, "county_water", "water", level=level), engine)
        assert ("county_water", "not_rectified") not in got_, (level, got_)
        assert {("county_water_supply_unit", "not_rectified"), ("county_water", "supervision")} <= got_, got_
        assert not any(b.startswith("city_") and basis == "not_handled" for b, basis in got_)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("kind", FOUND_BY_OVERSIGHT)
def test_where_oversight_finds_it_the_water_bureau_still_answers_as_finder(policy: Policy, engine: str,
                                                                           kind: str) -> None:
    """Guard: 管理监管 is itself how the unit's self-testing not done and works not maintained are found (二(六)5(4);
    review28 #6): 县水利 answers 应发现未发现 by its own clause."""
    f = [x for x in policy.who_answers(handed(kind, "county_water_supply_unit"), engine=engine).findings  # type: ignore[arg-type]
         if x.body == "county_water" and x.basis == "not_discovered"]
    assert f and "二(六)5(4)" in f[0].clauses


@pytest.fixture(scope="module")
def province() -> Jurisdiction:
    return Jurisdiction.synthetic(cities=2, counties=4, townships=10, villages=40, seed=3)


def test_bulk_equals_who_answers_for_the_water_bureaus_part(policy: Policy, province: Jurisdiction) -> None:
    """The bulk path reads the water line's part as who_answers does, and names 县水利 for none of these."""
    villages = [p.code for p in province.at_level("village")][:3]
    records = [handed(kind, to, sector, place=v, level=level)
               for kind in HANDLED_ONLY for to in ("county_water_supply_unit", "county_water", None)
               for sector in (None, "water", "water_supply") for v in villages[:1] for level in ("city", "county")]
    for i, r in enumerate(records):
        r["id"] = f"b{i}"
    a = policy.assess(records, jurisdiction=province, today=TODAY)
    assert got(a) == expected(policy, province, records, "compiled")
    rows = a.findings
    named = rows[(rows["body"].astype(str).str.endswith("water")) & (rows["basis"].astype(str).isin(
        ["not_discovered", "not_rectified"]))]
    assert named.empty, named
