"""Policy data read against the text (session 29, fid29).

1. An eligible household nobody reported, found above the county (identification_eligible_omitted):
   一(一) 县级…借助全科网格和“一户一策一干部”制度…主动发现低收入农户识别不精准 names no county body;
   二(三)1–2 give the household's reporting and finding to the village and township; 二(二)4 gives the
   county Party committee and government 健全问题发现办法…指导督促部门和乡村问题发现; 二(三)5 their 统筹
   and 主体责任. Whether they are also 应发现未发现 for one household
   is the parameter county_leaders_find_omitted_households (default false): a minor omission does not name them, a
   grave one names them once (主体责任), and the verdict says it rests on the parameter (review28 #3).
2. Units and the sector rule (review28 #5/#6). Student aid not paid, of the finance line
   (二(六)2(2) 县财政局负责及时拨付): the school's part (二(六)2(1) 确保各项资助经费提取、发放…的规范) is
   not shown at fault and the text gives it no oversight of finance, so it is not 应发现未发现; finance's
   监管资助资金 reaches the school's paying out, so it still is for the school's line. Self-testing not done
   (水质自检未落实) is its own kind: 卫健's 水质监测…安全检测 (二(六)5(4)) tests the water, not whether the
   unit tests it; the water bureau's 管理监管 (二(六)5(4)) oversees the unit's 专业管护 (二(六)5(3)).
"""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Jurisdiction, Policy

from .test_batch import TODAY, expected, got, ledger
from .verdicts import answers, rests

PLACE = "330127100219"  # 富城村, 千岛湖镇, 淳安县 (杭州市)
COUNTY = "330127"
ENGINES = ["compiled", pytest.param("durable", marks=pytest.mark.durable)]
LEADERS = ("county_party_committee", "county_government")


def same_in_bulk(policy: Policy, records: list[dict[str, Any]]) -> None:
    j = Jurisdiction.example()
    a = policy.assess(records, jurisdiction=j, today=TODAY)
    assert a.assessed == len(records)
    assert got(a) == expected(policy, j, records, "compiled")


# ------------------------------------------------------------ 1. the county leaders and an omitted household

OMITTED_FIND = "county_leaders_find_omitted_households"
FINDERS = [("city", "inspection_tour"), ("province", "survey_verification")]


def omitted(place: str = PLACE, by: str = "city", channel: str = "inspection_tour", severity: str = "minor",
            **extra: Any) -> dict[str, Any]:
    return {"id": "o", "area": "identification", "kind": "identification_eligible_omitted", "place": place,
            "severity": severity, "discovered": {"level": by, "channel": channel, "on": "2021-03-01"},
            "as_of": "2021-06-30", **extra}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("place", [PLACE, COUNTY])
@pytest.mark.parametrize(("by", "channel"), FINDERS)
def test_a_minor_omission_found_above_the_county_does_not_name_the_county_leaders(
        policy: Policy, engine: str, place: str, by: str, channel: str) -> None:
    """Default: the county Party committee and government are not 应发现未发现 for one household the city or
    province found (一(一) names no county body; 二(二)4 健全问题发现办法…指导督促; 二(三)1–2 the village's and
    township's find), and the verdict says it rests on the parameter. Fails before (they answered 应发现未发现)."""
    r = omitted(place, by, channel)
    got_ = answers(policy, r, engine)
    assert not {(b, basis) for b, basis in got_ if b in LEADERS}
    assert OMITTED_FIND in rests(policy, r, engine)
    if place == PLACE:  # the village and township still answer for not finding it (二(三)1–2, 二(二)1–2)
        assert {("village_committee", "not_discovered"), ("township_government", "not_discovered")} <= got_


@pytest.mark.parametrize("engine", ENGINES)
def test_a_grave_omission_names_the_county_leaders_once(policy: Policy, engine: str) -> None:
    """Grave: 二(三)5 对低收入农户精准识别负主体责任 names them by main responsibility, once each — not also
    应发现未发现 (before: both, with leadership liability twice for one household)."""
    r = omitted(severity="grave")
    got_ = answers(policy, r, engine)
    assert {(b, basis) for b, basis in got_ if b in LEADERS} == {(b, "main_responsibility") for b in LEADERS}


@pytest.mark.parametrize("engine", ENGINES)
def test_true_reads_the_county_leaders_own_find(policy: Policy, engine: str) -> None:
    """true: 二(三)5 统筹…动态管理 read with 一(一) as their own duty to find it (review26 #6): 应发现未发现
    whatever the severity, at grave beside 主体责任; the finding rests on the parameter and the duty's reading."""
    p = policy.with_parameters(**{OMITTED_FIND: True})
    for severity, main in (("minor", set()), ("grave", {(b, "main_responsibility") for b in LEADERS})):
        r = omitted(severity=severity)
        got_ = answers(p, r, engine)
        assert {(b, basis) for b, basis in got_ if b in LEADERS} == {(b, "not_discovered") for b in LEADERS} | main
        assert {OMITTED_FIND, "identification_county_dynamic_find"} <= rests(p, r, engine)


def test_the_countys_own_find_does_not_rest_on_the_parameter(policy: Policy) -> None:
    """Found at the county (its hotline) or below: the county missed nothing either way (一(四) 应由本级发现…), so the
    verdict does not rest on the parameter."""
    for by, channel in (("county", "hotline"), ("township", "grid")):
        r = omitted(by=by, channel=channel)
        assert OMITTED_FIND not in rests(policy, r)
        assert not {b for b, _ in answers(policy, r) if b in LEADERS}


@pytest.mark.parametrize("value", [False, True])
def test_omitted_households_in_bulk_equal_who_answers(policy: Policy, value: bool) -> None:
    p = policy.with_parameters(**{OMITTED_FIND: value})
    recs = [{**omitted(place, by, channel, severity), "id": f"{place}-{by}-{severity}"}
            for place in (PLACE, COUNTY) for by, channel in [*FINDERS, ("county", "hotline")]
            for severity in ("minor", "serious", "grave")]
    same_in_bulk(p, recs)


@pytest.mark.parametrize("value", [False, True])
def test_generated_identification_records_in_bulk_equal_who_answers(policy: Policy, value: bool) -> None:
    """A generated ledger's identification records (every kind, channel and level, named bodies, steps) over a
    synthetic province: the bulk path gives who_answers' findings under either value."""
    p = policy.with_parameters(**{OMITTED_FIND: value})
    j = Jurisdiction.synthetic(cities=2, counties=4, townships=10, villages=40, seed=3)
    recs = [r for r in ledger(p, j, 1500, seed=29) if isinstance(r, dict) and r.get("domain") == "identification"]
    assert len(recs) > 100
    a = p.assess(recs, jurisdiction=j, today=TODAY)
    assert a.assessed == len(recs)
    assert got(a) == expected(p, j, recs, "compiled")
    leaders = a.findings[(a.findings["basis"].astype(str) == "not_discovered")
                         & a.findings["body"].astype(str).isin(LEADERS)]
    assert (len(leaders) > 0) == value  # the generated records reach the reading either way


# ------------------------------------------------------------ 2. units and the sector rule


def aid(sector: str | None = None, by: str = "city", channel: str = "inspection_tour", **extra: Any) -> dict[str, Any]:
    r: dict[str, Any] = {"id": "a", "area": "education", "kind": "education_aid_not_paid", "place": COUNTY,
                         "severity": "serious", "discovered": {"level": by, "channel": channel, "on": "2021-03-01"},
                         "as_of": "2021-06-30", **extra}
    if sector:
        r["sector"] = sector
    return r


def missed(policy: Policy, r: dict[str, Any], engine: str = "compiled") -> set[str]:
    return {b for b, basis in answers(policy, r, engine) if basis == "not_discovered"}


@pytest.mark.parametrize("engine", ENGINES)
def test_aid_finance_did_not_disburse_is_not_the_schools_miss(policy: Policy, engine: str) -> None:
    """二(六)2(2) 县财政局负责及时拨付…资助资金: a record of the finance line (its sector, or handed to
    县财政局) does not show the school's 提取、发放 (二(六)2(1)) at fault, and the text gives the school no
    oversight of finance. Fails before (the school answered 应发现未发现 whatever the line)."""
    assert missed(policy, aid("finance"), engine) == {"county_finance"}
    handed = aid(handled=[{"action": "assigned", "by_level": "city", "to_level": "county", "to_body": "county_finance",
                           "on": "2021-03-02"}], rectified_on="2021-03-20")
    assert missed(policy, handed, engine) == {"county_finance"}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("sector", ["school", "education"])
def test_aid_not_paid_out_by_the_school_is_both_misses(policy: Policy, engine: str, sector: str | None) -> None:
    """The school's own line (or the education line it is under): the school missed it (二(六)2(1)), and
    so did finance, whose 监管资助资金 (二(六)2(2)) reaches the school's paying out — as before."""
    # (the education line also names 县教育局 through 二(二)3 涉及本部门问题, as before)
    assert {"county_finance", "county_school"} <= missed(policy, aid(sector), engine)


@pytest.mark.parametrize("engine", ENGINES)
def test_aid_not_paid_naming_no_line_is_finances_miss_unless_every_holder(policy: Policy, engine: str) -> None:
    """None said (re-pinned by fid43d, review43b R3): the record does not show the school's 提取、发放 (二(六)2(1)) at
    fault, so under sectorless_alternatives=unresolved only finance, whose 监管资助资金 (二(六)2(2)) reaches either
    part, missed it; every_holder names the school too."""
    assert "county_school" not in missed(policy, aid(), engine)
    assert "county_finance" in missed(policy, aid(), engine)
    every = policy.with_parameters(sectorless_alternatives="every_holder")
    assert {"county_finance", "county_school"} <= missed(every, aid(), engine)


def water(kind: str, sector: str | None = None) -> dict[str, Any]:
    r: dict[str, Any] = {"id": "w", "area": "water", "kind": kind, "place": PLACE, "severity": "serious",
                         "discovered": {"level": "city", "channel": "audit", "on": "2021-03-01"},
                         "rectified_on": "2021-03-05", "as_of": "2021-06-30"}
    if sector:
        r["sector"] = sector
    return r


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("kind", ["water_self_testing_not_done", "水质自检未落实"])
def test_self_testing_not_done_is_not_the_health_bureaus_miss(policy: Policy, engine: str, kind: str) -> None:
    """二(六)5(4) 卫健部门负责水质监测网络建设和安全检测工作 tests the water, not whether the unit tests
    it; the unit's own 专业管护 (二(六)5(3) 落实水质自检) is overseen by the water bureau (二(六)5(4)
    水利部门负责农村供水工程建设与管理监管).
    Fails before (水质自检未落实 was water_quality_test_failed, and 县卫健 answered 应发现未发现)."""
    got_ = missed(policy, water(kind), engine)
    assert got_ == {"county_water_supply_unit", "county_water"}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("sector", [None, "health", "water", "water_supply"])
def test_water_a_test_found_substandard_is_both_testers_miss_whatever_the_line(
        policy: Policy, engine: str, sector: str | None) -> None:
    """Water a test found substandard: the unit's 水质自检…确保供水达标 (二(六)5(3)) and 卫健's
    水质监测…安全检测 (二(六)5(4)) are two checks of one supply, each of which should have caught it; the
    record's line does not show one of them not at fault. The old joined name reads as this kind, as before."""
    got_ = missed(policy, water("water_quality_test_failed", sector), engine)
    assert {"county_water_supply_unit", "county_health"} <= got_
    assert not {b for b in got_ if b.startswith(("village", "township"))}
    old = policy.who_answers(water("水质检测不达标或水质自检未落实", sector), engine=engine)  # type: ignore[arg-type]
    new = policy.who_answers(water("water_quality_test_failed", sector), engine=engine)  # type: ignore[arg-type]
    assert old.to_dict()["findings"] == new.to_dict()["findings"]


def test_units_and_lines_in_bulk_equal_who_answers(policy: Policy) -> None:
    recs = [{**aid(s), "id": f"a-{s}"} for s in (None, "finance", "school")]
    recs += [{**water(k, s), "id": f"w-{k}-{s}"} for k in ("water_self_testing_not_done", "water_quality_test_failed")
             for s in (None, "health", "water_supply")]
    recs += [{**water("water_quality_test_failed", s), "id": f"wa-{s}-{to}", "deadline": "2021-04-30",
              "rectified_on": "2021-05-20", "handled": [{"action": "assigned", "by_level": "city", "to_level": "county",
                                                          "to_body": to, "on": "2021-03-03"}]}
             for s in (None, "health", "water") for to in ("county_health", "county_water_supply_unit")]
    recs += [{**r, "id": r["id"] + "-sub", "kind": "water_quality_substandard"}
             for r in recs if r["id"].startswith("wa-")]
    same_in_bulk(policy, recs)


# ------------------------------------------------------------ 3. a reviewer and untrue information (review28 #10)


def untrue(area: str, kind: str, place: str) -> dict[str, Any]:
    return {"id": "u", "area": area, "kind": kind, "place": place, "severity": "serious",
            "discovered": {"level": "city", "channel": "inspection_tour", "on": "2021-03-01"},
            "rectified_on": "2021-03-05", "as_of": "2021-06-30"}


@pytest.mark.parametrize("engine", ENGINES)
def test_a_reviewer_answers_for_untrue_information_through_a_check_of_its_own(policy: Policy, engine: str) -> None:
    """One rule for both areas: 县民政局 has a check of the information itself (二(三)3
    负责对申请对象进行家庭经济状况信息核对), so it answers 应发现未发现 for a pushed person's untrue
    information (二(三)4) and an ineligible household's materials by the text, with no parameter; 县级医保部门
    has only 审核、审批 (二(六)3(3)), so it answers for false medical-assistance materials only by
    review_answers_for_false_materials."""
    for kind, place in (("identification_pushed_info_untrue", COUNTY), ("identification_ineligible_included", PLACE)):
        r = untrue("identification", kind, place)
        assert "county_civil_affairs" in missed(policy, r, engine)
        assert "review_answers_for_false_materials" not in rests(policy, r, engine)
    r = untrue("health", "health_false_materials", PLACE)
    assert "county_medical_insurance" not in missed(policy, r, engine)
    assert "review_answers_for_false_materials" in rests(policy, r, engine)
    on = policy.with_parameters(review_answers_for_false_materials=True)
    assert "county_medical_insurance" in missed(on, r, engine)
    # the approval alone names no one in identification either: an omitted household nobody reported is not
    # 县民政局's to find (二(三)3 acts on applications)
    assert "county_civil_affairs" not in missed(policy, omitted(), engine)


# ------------------------------------------------------------ 4. the county water bureau and the health line (R29-44)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("kind", ["water_quality_test_failed", "water_quality_substandard"])
@pytest.mark.parametrize("line", [{"sector": "health"}, {"to_body": "county_health"}], ids=["sector", "handed"])
def test_the_county_water_bureau_does_not_press_the_health_lines_testing(
        policy: Policy, engine: str, kind: str, line: dict[str, Any]) -> None:
    """二(六)5(4) 水利部门负责农村供水工程建设与管理监管 / 指导…长效管护 are over the works and the unit's
    management, not over 卫健's 水质监测…安全检测 (二(六)5(4)): a test failure of the health line is not pressed by
    县水利, as it is not by 市水利 (review26 #10). Fails before (县水利 supervision beside 县卫健's 整改不到位,
    review29 R29-44)."""
    step = {"action": "assigned", "by_level": "city", "to_level": "county", "on": "2021-03-03",
            **({"to_body": line["to_body"]} if "to_body" in line else {})}
    r = {**water(kind, line.get("sector")), "handled": [step], "deadline": "2021-04-30"}
    del r["rectified_on"]
    got_ = answers(policy, r, engine)
    assert not {("county_water", "supervision"), ("city_water", "supervision")} & got_
    assert ("city_health", "supervision") in got_  # the health line is still pressed (二(二)5)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("kind", ["water_quality_test_failed", "water_quality_substandard"])
@pytest.mark.parametrize("sector", [None, "water", "water_supply"])
def test_the_county_water_bureau_still_presses_the_water_lines_testing(
        policy: Policy, engine: str, kind: str, sector: str | None) -> None:
    """No line named, the water line or the unit's: 县水利 and 市水利 press the unit's rectification as before."""
    r = {**water(kind, sector), "deadline": "2021-04-30", "handled": [
        {"action": "assigned", "by_level": "city", "to_level": "county", "to_body": "county_water_supply_unit",
         "on": "2021-03-03"}]}
    del r["rectified_on"]
    assert {("county_water", "supervision"), ("city_water", "supervision")} <= answers(policy, r, engine)


# ---------------------------------------------------- 5. 二(四)7 民宗 presses its own line's funds (review29 #1)

FUNDS_KINDS = ["funds_diverted", "funds_poor_performance", "funds_assets_mismanaged", "funds_allocation_irregular"]


def funds(kind: str, sector: str | None) -> dict[str, Any]:
    r: dict[str, Any] = {"id": "f", "area": "funds", "kind": kind,
                         "place": COUNTY if kind == "funds_allocation_irregular" else PLACE, "severity": "serious",
                         "discovered": {"level": "province", "channel": "audit", "on": "2021-03-01"},
                         "handled": [{"action": "assigned", "by_level": "province", "to_level": "county",
                                      "on": "2021-03-03"}], "deadline": "2021-04-30", "as_of": "2021-06-30"}
    if sector:
        r["sector"] = sector
    return r


def pressing(policy: Policy, r: dict[str, Any], engine: str = "compiled") -> set[str]:
    return {b for b, basis in answers(policy, r, engine) if basis == "supervision" and b.startswith("city_")}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("kind", FUNDS_KINDS)
@pytest.mark.parametrize("sector", [None, "poverty_office", "water", "finance"])
def test_the_citys_ethnic_affairs_department_does_not_press_another_lines_funds(
        policy: Policy, engine: str, kind: str, sector: str | None) -> None:
    """二(四)7 扶贫、民宗部门负责统筹监督扶贫资金和资产的管理使用 names the two together; 民宗's is read as over its own
    line's funds (as 二(五)5's and 二(六)2(4)'s joint duties, joint_guidance_every_line false), the poverty office's
    every line's (二(一)1(3) 统筹协调…督导检查). Fails before (市民宗部门 pressed all 56 county funds records)."""
    # (fid32a: which city body presses by its line, not whether the city presses: under the default,
    # own_and_shown_above, a city the record never shows had the problem presses nothing — read as before)
    policy = policy.with_parameters(supervision_scope="own_and_level_above")
    got_ = pressing(policy, funds(kind, sector), engine)
    assert "city_ethnic_religious" not in got_
    assert "city_poverty_office" in got_
    assert "city_sector_department" not in got_  # no 问题所属部门 stands for 民宗 on a record naming no line


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("kind", FUNDS_KINDS)
def test_the_citys_ethnic_affairs_department_presses_its_own_lines_funds(
        policy: Policy, engine: str, kind: str) -> None:
    # (fid32a: which city body presses by its line, not whether the city presses: under the default,
    # own_and_shown_above, a city the record never shows had the problem presses nothing — read as before)
    policy = policy.with_parameters(supervision_scope="own_and_level_above")
    r = funds(kind, "ethnic_religious")
    assert {"city_ethnic_religious", "city_poverty_office"} <= pressing(policy, r, engine)
    joint = policy.with_parameters(joint_guidance_every_line=True)
    for sector in (None, "poverty_office", "water"):
        assert "city_ethnic_religious" in pressing(joint, funds(kind, sector), engine)


@pytest.mark.parametrize("value", [False, True])
def test_funds_pressing_in_bulk_equals_who_answers(policy: Policy, value: bool) -> None:
    p = policy.with_parameters(joint_guidance_every_line=value)
    same_in_bulk(p, [{**funds(k, s), "id": f"{k}-{s}"} for k in FUNDS_KINDS
                     for s in (None, "poverty_office", "ethnic_religious", "water")])


# ---------------------------------------------------- 6. a policy gap is found through the duty to make the policy


#: policy kinds, the city department whose own policy it is (sector), and the words of its policy-making duty
POLICY = [("basic_needs", "basic_needs_policy_gap", "civil_affairs", "负责制定“两不愁”有关政策措施"),
          ("education", "education_policy_gap", "education", "负责教育扶贫政策的制定"),
          ("health", "health_policy_gap", "medical_insurance", "负责制定健康扶贫相关政策"),
          ("housing", "housing_policy_gap", "construction", "负责制定危房长效治理改造政策"),
          ("housing", "housing_line_policy_gap", "civil_affairs", "负责制定危房长效治理改造资格认定"),
          ("identification", "identification_policy_gap", "civil_affairs",
           "负责制定完善低收入农户识别认定有关政策措施"),
          ("projects", "projects_policy_gap", "poverty_office", "相关政策措施制定完善"),
          ("water", "water_policy_gap", "water", "负责制定农村饮水安全的政策措施")]


def gap(area: str, kind: str, sector: str | None) -> dict[str, Any]:
    r: dict[str, Any] = {"id": "g", "area": area, "kind": kind, "place": "3301", "severity": "serious",
                         "discovered": {"level": "province", "channel": "survey_verification", "on": "2021-03-01"},
                         "as_of": "2021-06-30"}
    if sector:
        r["sector"] = sector
    return r


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("area", "kind", "sector", "words"), POLICY)
def test_a_citys_policy_gap_is_missed_through_making_the_policy(
        policy: Policy, engine: str, area: str, kind: str, sector: str, words: str) -> None:
    """The city department that makes the policy (二(三)6, 二(五)5, 二(六)1(5), 2(4), 3(5), 4(6)–(7), 5(6)
    负责制定…) should have found its gap (一(一) 省市两级…主动发现政策举措…问题): the reason quotes that duty, not
    only its guidance of the counties (review29 #12). Fails before (the guiding duty alone)."""
    v = policy.who_answers(gap(area, kind, sector), engine=engine)  # type: ignore[arg-type]
    reasons = [f.to_dict("zh")["reason"] for f in v.findings
               if f.basis == "not_discovered" and f.body == f"city_{sector}"]
    assert reasons and all(words in x for x in reasons)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_two_no_worries_policy_gap_of_the_offices_line_is_not_civil_affairs_miss(
        policy: Policy, engine: str) -> None:
    """二(六)1(5) 省市行业主管部门：负责制定“两不愁”有关政策措施 — read as 民政 (social assistance) and 扶贫办
    (income, the floor line), each for its own field (by_sector). A gap of the office's line was also 市民政's
    应发现未发现 through its 统筹协调、指导督促开展社会救助工作 (before); now the line decides, and a record naming
    none names the 问题所属部门 once (sectorless_alternatives), as its rectification does."""
    got_ = missed(policy, gap("basic_needs", "basic_needs_policy_gap", "poverty_office"), engine)
    assert "city_poverty_office" in got_ and "city_civil_affairs" not in got_
    r = gap("basic_needs", "basic_needs_policy_gap", None)
    assert missed(policy, r, engine) == {"city_sector_department"}
    assert "sectorless_alternatives" in rests(policy, r, engine)
    assert missed(policy, gap("basic_needs", "basic_needs_policy_gap", "civil_affairs"), engine) == {
        "city_civil_affairs"}
