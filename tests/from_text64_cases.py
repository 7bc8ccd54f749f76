"""check64's records, written from the text before the library was run on them (session 63): the ground the earlier
from-text audits (check55–check63, tests/from_text55_cases.py–from_text63_cases.py) covered least — the township
(乡镇（街道）): its own duties in each area of 二 (二(二)2, 二(三)2, 二(四)2, 二(五)2, 二(六)1(2), 3(2), 4(2), 5(2)) and the
areas where the text gives it none (教育扶贫 二(六)2, the county departments' own acts, policy), its 发现/整改 and 及时上报
(二(二)2, 二(二)4, 一(四)), what it must report because it cannot dispose of it (一(三) 对超出本级权限的及时向上级单位报送问题),
a township sitting on what its village reported, 瞒报漏报 at the township (一(四)), and the liability tiers of its staff,
unit and leaders (一(四) 根据情形严重和不良后果程度) beside the county's 主体责任 (二(一)1(1)); then the city's and the
province's own bodies and what they must NOT be blamed for (二(一)1(2), 二(二)5, each area's 省市 clause), problems a higher
level's inspection, audit, hotline or the media brought to light (which lower levels failed to discover, and which did
not), and records whose right answer names nobody at some level.

Each record names what the text requires (``req``) and the bodies it forbids naming (``forb``; ``fl``, a body with a
liability it must not carry); ``cl`` names clauses a finding must (and must not) cite; ``code`` the refusal's reason
code. tests/test_from_text64.py runs them; the auditor's report is /work/helpers/s63/check64.md. A record whose first
expectation was the auditor's own misreading says so in its name ("[After the run: …]").
"""
# ruff: noqa: E501, E702, E731, RUF005
# One record to a call, as tests/from_text55_cases.py–from_text63_cases.py write them (not reflowed by ruff format):
# fmt: off

from __future__ import annotations

from typing import Any

from .from_text import (
    CITY,
    CNTY_MR,
    LOW_ND,
    NO_CITY_MR,
    NO_MR,
    NO_PROV_MR,
    NO_TWN_MR,
    NOBODY,
    NOLOW,
    NOT_LATE,
    PROV,
    TWN,
    VIL,
    VIL_ND,
    A,
    C,
    T,
    asg,
    clause_adder,
    disc,
    hot,
    late,
    refuser,
    rep,
)

CASES: list[dict[str, Any]] = []
case = clause_adder(CASES)


refuse = refuser(CASES, case)


ED = A("education"); HE = A("health"); PR = A("projects"); FU = A("funds"); ID = A("identification")
BN = A("basic_needs"); WA = A("water"); HO = A("housing"); DI = A("discovery")
sit = dict(as_of="2021-03-25")
S3 = ["staff"]; S3U = ["staff", "unit"]; S3UL = ["staff", "unit", "leadership"]
NOLEAD = [("*", None, "leadership")]; NOUNIT = [("*", None, "unit")]
NO_H = [("*", "not_handled")]; NO_R = [("*", "not_rectified")]; NO_C = [("*", "concealed")]
NO_ND = [("*", "not_discovered")]
NOVIL = [("village_*",)]; NOTWN = [("township_*",)]; NOCITY = [("city_*",)]; NOPROV = [("province_*",)]
NOCNTY = [("county_*",)]
cres = lambda body=None: disc("city", "research_supervision", body=body)
pres = lambda body=None: disc("province", "research_supervision", body=body)
csv_ = lambda body=None: disc("city", "survey_verification", body=body)
paud = disc("province", "audit", body="province_audit"); caud = disc("city", "audit", body="city_audit")
chv = disc("city", "higher_level_verification"); kchv = disc("county", "higher_level_verification")
ptour = disc("province", "inspection_tour")
tgrid = disc("township", "grid"); vgrid = disc("village", "grid"); tdyn = disc("township", "dynamic_tracking")
tcen = disc("township", "verification_census")
dl = dict(deadline="2021-03-31")
SCHOOL = "county_school"; CEDU = "county_education"; CFIN = "county_finance"; CPO = "county_poverty_office"
CMI = "county_medical_insurance"; CCA = "county_civil_affairs"; CCO = "county_construction"; CWA = "county_water"
CWSU = "county_water_supply_unit"
TPC = "township_party_committee"
TWN_ND = [(TWN, "not_discovered")]
NO_TPC_ND = [(TPC, "not_discovered")]
CNTY_LEADS_ND = [("county_party_committee", "not_discovered"), ("county_government", "not_discovered")]


def tnd(*must: str, must_not: tuple[str, ...] = ()) -> list[tuple[str, str, list[str], list[str]]]:
    """The township's 应发现未发现 citing 一(四) and ``must`` (its own item of the area), none of ``must_not``."""
    return [(TWN, "not_discovered", ["一(四)", *must], list(must_not))]


# ===================== the township's own duties, found above it (二(二)2 and each area's 乡镇 item) =====================
# 低收入农户精准识别 二(三)2
case("TD1 identification_eligible_omitted at a village, the province's 巡视 03-01: the village (二(三)1 确保…应报尽报) and the township (二(三)2 全面掌握辖区低收入农户生产生活情况…履行受理申请和主动发现责任) not_discovered; 县民政局 not (二(三)3 审核审批 what was applied for: nothing was), 县扶贫办 not (二(三)4 pushes what inspections find); the county's Party committee and government not (county_leaders_find_omitted_households default); no city body (一(一) 以县为主体: a household is the county's and below to find)",
     ID("identification_eligible_omitted", discovered=ptour), req=LOW_ND,
     forb=[(CCA,), (CPO, "not_discovered")] + CNTY_LEADS_ND + NOCITY + NO_TPC_ND, cl=tnd("二(三)2", must_not=("二(三)1", "二(三)3")))
case("TD2 identification_eligible_omitted at the township's own code, the city's 调研督导: the township not_discovered; no village body (the place is the township's)",
     ID("identification_eligible_omitted", T, discovered=cres()), req=TWN_ND, forb=NOVIL + NOCITY + [(CCA,)])
case("TD3 identification_ineligible_included at a village, the city's 上级核查: the village (二(三)1 对村民填报信息和村委会申报材料的真实性、准确性负责), the township (二(三)2 对入户核实申报材料的真实性、准确性负责) and 县民政局 (二(三)3 负责对申请对象进行家庭经济状况信息核对) not_discovered; not 县扶贫办; no city body",
     ID("identification_ineligible_included", discovered=chv), req=LOW_ND + [(CCA, "not_discovered")], forb=[(CPO,)] + NOCITY, cl=tnd("二(三)2"))
case("TD4 identification_applicant_not_included at a village (the household applied; 县民政局 did not approve, 二(三)3), the province's 调研督导: 县民政局 not_discovered; no township or village body (their part — 受理申请, 应报尽报 — was done); no city body",
     ID("identification_applicant_not_included", discovered=pres()), req=[(CCA, "not_discovered")], forb=NOLOW + NOCITY)
# 资金管理使用 二(四)2
case("TD5 funds_diverted at a village, the province's 巡视: the township (二(四)2 对村级使用的扶贫项目资金专款专用负审核责任) and 县财政局 (二(四)3 对乡、村两级使用的扶贫项目资金专款专用负审核责任) not_discovered; no city body",
     FU("funds_diverted", discovered=ptour), req=TWN_ND + [(CFIN, "not_discovered")], forb=NOCITY + NO_TPC_ND, cl=tnd("二(四)2"))
case("TD6 funds_assets_mismanaged at the township's code, the province's 调研督导: the township (二(四)2 对扶贫资产运营负日常监管责任) and 县财政局 (二(四)3 对当地扶贫资产负全面监管责任) not_discovered; no village body; no city body",
     FU("funds_assets_mismanaged", T, discovered=pres()), req=TWN_ND + [(CFIN, "not_discovered")], forb=NOVIL + NOCITY, cl=tnd("二(四)2"))
case("TD7 funds_poor_performance at the township's code of the poverty office's line (财政专项扶贫资金), the city audit: the township (二(四)2 对本辖区内扶贫资金使用的绩效负责) and 县扶贫办 (二(四)4 对资金使用的绩效负责) not_discovered; no village body; the audit office and no city body not_discovered",
     FU("funds_poor_performance", T, sector="poverty_office", discovered=caud), req=TWN_ND + [(CPO, "not_discovered")], forb=NOVIL + [("city_audit",), ("city_*", "not_discovered")])
case("TD8 funds_allocation_irregular at a village (its allocation is the county's: 二(四)3 办理资金分配, 二(四)4–5 提出资金分配建议), the city's 调研督导: 县财政局 not_discovered; no township or village body (二(四)1–2 give them the use, review and performance of the money, not its allocation)",
     FU("funds_allocation_irregular", discovered=cres()), req=[(CFIN, "not_discovered")], forb=NOLOW)
case("TD9 funds_performance_evaluation_missing at the township's code, the water line (二(四)5 其他行业主管部门…组织实施绩效目标申报、绩效评价), the city's 调研督导: 县水利局 not_discovered; no township body (二(四)2 绩效负责 is the township's for the money it uses, not the line's 绩效评价), no village",
     FU("funds_performance_evaluation_missing", T, sector="water", discovered=cres()), req=[(CWA, "not_discovered")], forb=NOLOW)
# 项目管理 二(五)2
case("TD10 project_false_or_unnecessary at a village, the city's 检查组抽查: the township (二(五)2 负责对本辖区内申报项目的真实性、必要性…进行审核) and 县扶贫办 (二(五)3 将符合条件的项目按规定程序审核纳入项目库) not_discovered; no city body (its own 抽查 found it)",
     PR("project_false_or_unnecessary", discovered=disc("city", "spot_check")), req=TWN_ND + [(CPO, "not_discovered")], forb=[("city_*", "not_discovered")] + NO_TPC_ND, cl=tnd("二(五)2"))
case("TD11 project_late_or_unfinished at the township's code, the province's 检查组抽查: the township not_discovered (二(五)2 及时组织实施审批通过项目，确保项目按时按要求完成建设); no village body; no city body",
     PR("project_late_or_unfinished", T, discovered=disc("province", "spot_check")), req=TWN_ND, forb=NOVIL + NOCITY, cl=tnd("二(五)2"))
case("TD12 project_ledger_incomplete at the township's code, the city audit: the township not_discovered (二(五)2 做好项目台账资料); no village body; the city audit office not named",
     PR("project_ledger_incomplete", T, discovered=caud), req=TWN_ND, forb=NOVIL + [("city_audit",), ("city_*", "not_discovered")])
case("TD13 project_not_entered_in_system at a village (二(五)3 县扶贫办…及时录入全国扶贫开发信息系统), the city's 调研督导: 县扶贫办 not_discovered; no township (二(五)2 报送县扶贫部门 ends its part) or village body",
     PR("project_not_entered_in_system", discovered=cres()), req=[(CPO, "not_discovered")], forb=NOLOW)
case("TD14 project_acceptance_lax at a village of the construction line (二(五)3 各相关部门…组织对项目进行检查、验收和绩效评价), the city's 检查组抽查: 县建设局 not_discovered; no township or village body; not 县水利局",
     PR("project_acceptance_lax", sector="construction", discovered=disc("city", "spot_check")), req=[(CCO, "not_discovered")], forb=NOLOW + [(CWA,)])
# 两不愁 二(六)1(2)
case("TD15 basic_needs_eligible_not_included at a village (no application), the province's 巡视: the village (二(六)1(1) 及时掌握本村居民家庭生产生活和经济状况。及时帮助困难群众申请社会救助) and the township (二(六)1(2) 全面掌握…将符合条件的困难群众及时纳入社会救助和低收入农户范围) not_discovered; 县民政局 not (审批 of what was applied for); no city body",
     BN("basic_needs_eligible_not_included", discovered=ptour), req=LOW_ND, forb=[(CCA, "not_discovered")] + NOCITY + NO_TPC_ND, cl=tnd("二(六)1(2)"))
case("TD16 basic_needs_eligible_not_included at the township's code, the city's 调研督导: the township not_discovered; no village body",
     BN("basic_needs_eligible_not_included", T, discovered=cres()), req=TWN_ND, forb=NOVIL + NOCITY)
case("TD17 basic_needs_approval_late of civil affairs' line at a village (二(六)1(3) 及时审批社会救助对象), the city's 调研督导: 县民政局 not_discovered; no township or village body (the household applied)",
     BN("basic_needs_approval_late", sector="civil_affairs", discovered=cres()), req=[(CCA, "not_discovered")], forb=NOLOW)
case("TD18 basic_needs_payment_late of civil affairs' line at a village (二(六)1(3) 发放困难群众基本生活保障金), the press at the province: 县民政局 not_discovered; no township or village body; the media and no city body named",
     BN("basic_needs_payment_late", sector="civil_affairs", discovered=disc("province", "media")), req=[(CCA, "not_discovered")], forb=NOLOW + NOCITY + [("media",)])
case("TD19 basic_needs_not_helped_to_apply at a village, the city's 调研督导: the village (二(六)1(1) 及时帮助困难群众申请社会救助) and the township (二(六)1(2) 全面掌握当地农村低收入农户生产生活和经济状况) not_discovered; no county department (nothing was applied for)",
     BN("basic_needs_not_helped_to_apply", discovered=cres()), req=LOW_ND, forb=[(CCA,), (CFIN,), ("county_hrss",)] + NOCITY,
     cl=[(b, "not_discovered", ["一(四)", "二(六)1(1)"], []) for b in VIL])
# 健康扶贫 二(六)3(2)
case("TD20 health_false_materials at a village, the city's 上级核查: the village (二(六)3(1) 对所提供的证明材料真实性负责) and the township (二(六)3(2) 对入户核实的申请材料的真实性负责) not_discovered; 县医保局 not (review_answers_for_false_materials default); no city body",
     HE("health_false_materials", discovered=chv), req=LOW_ND, forb=[(CMI,), ("city_*",)], cl=tnd("二(六)3(2)", must_not=("二(六)3(1)",)))
case("TD21 health_assistance_late of 医保's line at a village (二(六)3(3) 县级医保部门负责医疗救助业务的审核、审批), the province's 调研督导: 县医保局 not_discovered; no township body (二(六)3(2) vouches for the materials only) and no village body",
     HE("health_assistance_late", sector="medical_insurance", discovered=pres()), req=[(CMI, "not_discovered")], forb=NOLOW + NOCITY)
case("TD22 health_insurance_not_in_place at a village (二(六)3(3) 县扶贫办负责低收入农户医疗补充政策性保险的工作), the city's 调研督导: 县扶贫办 not_discovered; no township or village body",
     HE("health_insurance_not_in_place", discovered=cres()), req=[(CPO, "not_discovered")], forb=NOLOW)
# 危房改造 二(六)4(2)
case("TD23 housing_danger_unreported at a village, the province's 巡视: the village (二(六)4(1) 及时发现掌握并上报本村危房情况) and the township (二(六)4(2) 及时发现掌握并上报本辖区危房情况) not_discovered; no county body not_discovered (the text gives the finding of houses to the village and the township; 县建设部门's part is 鉴定 and 监督管理 of renovation); no city body",
     HO("housing_danger_unreported", discovered=ptour), req=LOW_ND, forb=[("county_*", "not_discovered")] + NOCITY + NO_TPC_ND, cl=tnd("二(六)4(2)", must_not=("二(六)4(1)",)))
case("TD24 housing_records_false at a village, the city's 调研督导: the village (二(六)4(1) 对…验收资料的真实性和准确性负责) and the township (二(六)4(2) 对…档案真实性和准确性负责) not_discovered; no city body",
     HO("housing_records_false", discovered=cres()), req=LOW_ND, forb=[("city_*", "not_discovered")], cl=tnd("二(六)4(2)"))
case("TD25 housing_safety_system_missing at the township's code, the province's 调研督导: the township not_discovered (二(六)4(2) 负责建立健全房屋使用安全常态化、网格化管理制度); no village body; no city body",
     HO("housing_safety_system_missing", T, discovered=pres()), req=TWN_ND, forb=NOVIL + NOCITY, cl=tnd("二(六)4(2)"))
case("TD26 housing_subsidy_irregular of the construction line at a village (二(六)4(3) 负责农村困难家庭危房鉴定、改造补助资金审核), the city's 调研督导: 县建设局 not_discovered; no township or village body (二(六)4(1)–(2) give them no part in the subsidy)",
     HO("housing_subsidy_irregular", sector="construction", discovered=cres()), req=[(CCO, "not_discovered")], forb=NOLOW)
case("TD27 housing_renovation_late at a village, the city's 督查 (二(六)4(7) 督查指导): the township not_discovered (二(六)4(2) 及时发现掌握并上报本辖区危房情况); no city body not_discovered",
     HO("housing_renovation_late", discovered=disc("city", "supervisory_check")), req=TWN_ND, forb=[("city_*", "not_discovered")])
# 饮水安全 二(六)5(2)
case("TD28 water_facilities_unmaintained at a village, the province's 调研督导: the village (二(六)5(1) 水源地日常巡查), the township (二(六)5(2) 落实工程长效管护) and the 统管单位 (二(六)5(3) 具体负责做好农村供水工程长效管理) not_discovered; no city body",
     WA("water_facilities_unmaintained", discovered=pres()), req=LOW_ND + [(CWSU, "not_discovered")], forb=NOCITY, cl=tnd("二(六)5(2)"))
case("TD29 water_facilities_unmaintained at the township's code, the city's 调研督导: the township and the 统管单位 not_discovered; no village body",
     WA("water_facilities_unmaintained", T, discovered=cres()), req=TWN_ND + [(CWSU, "not_discovered")], forb=NOVIL)
case("TD30 water_self_testing_not_done at a village (二(六)5(3) 县级统管单位…落实水质自检), the province's 调研督导: the 统管单位 not_discovered; no township or village body (professional 管护); no city body",
     WA("water_self_testing_not_done", discovered=pres()), req=[(CWSU, "not_discovered")], forb=NOLOW + NOCITY)
case("TD31 water_emergency_failure at the township's code, the city's 调研督导: the township (二(六)5(2) 负责辖区范围农村供水安全保障工作) and the 统管单位 (二(六)5(3) 做好应急保供保障) not_discovered; no village body",
     WA("water_emergency_failure", T, discovered=cres()), req=TWN_ND + [(CWSU, "not_discovered")], forb=NOVIL)
# 教育扶贫 二(六)2: the text gives the township nothing
case("TD32 education_student_not_identified at a village, the province's 巡视: the school (二(六)2(1)) and 县教育局 (二(六)2(2)) not_discovered; no township or village body (二(六)2 gives them no part); no city body",
     ED("education_student_not_identified", discovered=ptour), req=[(SCHOOL, "not_discovered"), (CEDU, "not_discovered")], forb=NOLOW + NOCITY)
case("TD33 education_aid_records_irregular at a village, the city audit: the school not_discovered; no township or village body; the audit office not named",
     ED("education_aid_records_irregular", discovered=caud), req=[(SCHOOL, "not_discovered")], forb=NOLOW + [("city_audit",)])
case("TD34 education_lists_not_provided of civil affairs' line at a village (二(六)2(2) 县民政局负责提供低收入家庭学生名单), the city's 调研督导: 县民政局 not_discovered; no township or village body",
     ED("education_lists_not_provided", sector="civil_affairs", discovered=cres()), req=[(CCA, "not_discovered")], forb=NOLOW)
# 问题发现 二(二)
case("TD35 specific_problem at the township's code, the province's 巡视: the township not_discovered (二(二)2 对涉及本乡镇（街道）扶贫领域具体问题的发现和整改工作负责); no village body; no county department (the record names no line); no city body",
     DI("specific_problem", T, discovered=ptour), req=TWN_ND, forb=NOVIL + [("county_*", "not_discovered")] + NOCITY + NO_TPC_ND, cl=tnd("二(二)2"))
case("TD36 specific_problem at a village, the city's 调研督导: the village (二(二)1) and the township (二(二)2) not_discovered; no county department (no line); no city body not_discovered",
     DI("specific_problem", discovered=cres()), req=LOW_ND, forb=[("county_*", "not_discovered"), ("city_*", "not_discovered")])
case("TD37 specific_problem at the township's code of the water line, the city's 调研督导: the township and 县水利局 (二(二)3 负责涉及本部门问题的动态发现) not_discovered; not 县建设局",
     DI("specific_problem", T, sector="water", discovered=cres()), req=TWN_ND + [(CWA, "not_discovered")], forb=[(CCO,)] + NOVIL)
case("TD38 mechanism_missing at the county's code (二(二)4 健全问题发现办法和整改机制), the province's 调研督导: the county's Party committee and government not_discovered; no township or village body",
     DI("mechanism_missing", C, discovered=pres()), req=CNTY_LEADS_ND, forb=NOLOW)

# ===================== the township finds, passes on, sits, rectifies (二(二)2, 二(二)4, 一(四)) =====================
case("TH1 housing_danger_unreported at a village, the township's grid 03-01, reported to 县建设局 03-03, as of 03-10: the village not_discovered (二(六)4(1) 及时发现掌握并上报本村危房情况: the township found it); the township nothing (found and reported in 2 days); no county body (7 days); no city",
     HO("housing_danger_unreported", discovered=tgrid, handled=[rep("township", "county", body=CCO)], as_of="2021-03-10"), req=VIL_ND, forb=NOTWN + NOCNTY + NOCITY + NO_H)
case("TH2 the same, the township sits (no step), as of 03-25: the township not_handled (一(四) 对发现问题没有按程序及时交办和上报的; 二(六)4(2) 及时发现掌握并上报本辖区危房情况); the village not_discovered; no county body (never told); no city",
     HO("housing_danger_unreported", discovered=tgrid, **sit), req=[(TWN, "not_handled")] + VIL_ND, forb=NOCNTY + NOCITY + [(TWN, "not_discovered"), ("village_*", "not_handled")],
     cl=[(TWN, "not_handled", ["一(四)"], [])])
case("TH3 housing_renovation_late at a village, the township's grid 03-01, handed down to the village 03-03, deadline 03-31, not renovated by 04-30: the township not_handled (the village cannot renovate: 二(六)4(1) gives it only 协助乡镇做好…危房改造; renovation is 二(六)4(3) 县建设部门's 鉴定、补助资金审核, so the township had to report it up, 二(六)4(2) 协助、配合上级政府和有关部门组织实施危房治理); the village not not_rectified",
     HO("housing_renovation_late", discovered=tgrid, handled=[asg("township", "village")], **dl, **late), req=[(TWN, "not_handled")],
     forb=[("village_*", "not_rectified"), ("village_*", "not_handled"), (TWN, "not_rectified"), ("county_*", "not_rectified")] + NOCITY)
case("TH4 water_facilities_unmaintained at a village, the village's grid 03-01 reported to the township 03-02, the township sits, as of 04-30: the township not_handled (二(六)5(2) 落实工程长效管护; 一(四)); the village nothing (it found and reported); no county body (never told)",
     WA("water_facilities_unmaintained", discovered=vgrid, handled=[rep("village", "township", "2021-03-02")], **late), req=[(TWN, "not_handled")],
     forb=NOVIL + NOCNTY + NOCITY + [(TWN, "not_discovered")])
case("TH5 project_not_deliberated at a village, the village's grid 03-01 reported to the township 03-02, the township hands it back to the village 03-04, deadline 03-31, put right 03-20, as of 04-30: nobody (the village found its own problem and put it right by its 交办's deadline)",
     PR("project_not_deliberated", discovered=vgrid, handled=[rep("village", "township", "2021-03-02"), asg("township", "village", "2021-03-04")], **dl, rectified_on="2021-03-20", **late), forb=NOBODY)
case("TH6 identification_eligible_omitted at a village, the village's grid 03-01 reported to the township 03-02, the township sits, as of 03-25: the township not_handled (二(三)2 履行受理申请…责任; it cannot 纳入 itself, 二(三)3); the village nothing; no county body (never told)",
     ID("identification_eligible_omitted", discovered=vgrid, handled=[rep("village", "township", "2021-03-02")], **sit), req=[(TWN, "not_handled")],
     forb=NOVIL + NOCNTY + [(TWN, "not_discovered")])
case("TH7 identification_eligible_omitted at a village, the township's 动态跟踪 03-01, passed to 县民政局 03-05, as of 03-12: the village not_discovered; the township nothing; 县民政局 nothing yet (7 days)",
     ID("identification_eligible_omitted", discovered=tdyn, handled=[rep("township", "county", "2021-03-05", body=CCA)], as_of="2021-03-12"), req=VIL_ND, forb=NOTWN + NOCNTY + NO_H)
case("TH8 basic_needs_approval_late of civil affairs' line at a village, the township's grid 03-01, reported to 县民政局 03-03, not approved by 03-25: 县民政局 not_handled (told of its own late approval, it did nothing: 二(六)1(3) 及时审批社会救助对象); no township or village body",
     BN("basic_needs_approval_late", sector="civil_affairs", discovered=tgrid, handled=[rep("township", "county", body=CCA)], **sit), req=[(CCA, "not_handled")], forb=NOLOW + NOCITY)
case("TH9 education_aid_not_paid of finance's line at a village, the township's grid 03-01, the township sits, as of 03-25: the township not_handled (一(四) binds whoever found it; 二(二)4 压实县乡村…及时上报责任), citing 二(二)4 (no education item is the township's); not not_discovered; no village body",
     ED("education_aid_not_paid", sector="finance", discovered=tgrid, **sit), req=[(TWN, "not_handled")], forb=NOVIL + [(TWN, "not_discovered")] + NOCITY,
     cl=[(TWN, "not_handled", ["一(四)", "二(二)4"], ["二(六)2(1)"])])
case("TH10 the same, the township reports it to 县财政局 03-03, as of 03-10: no township or village body; nobody late",
     ED("education_aid_not_paid", sector="finance", discovered=tgrid, handled=[rep("township", "county", body=CFIN)], as_of="2021-03-10"), forb=NOLOW + NO_H + NOT_LATE)
case("TH11 funds_diverted at a village, the township's 纪委 03-01, the township government concealed it from its own level's check: the township government concealed (一(四) 巡视审计等过程中瞒报漏报; same_level_oversight_concealment, listed), not also not_discovered; no city body",
     FU("funds_diverted", discovered=disc("township", "discipline_inspection"), concealed_by=[TWN]), req=[(TWN, "concealed")], forb=[(TWN, "not_discovered")] + NOCITY,
     listed=["same_level_oversight_concealment"])
case("TH12 water_facilities_unmaintained at a village, the township's grid 03-01, no step, the township has it maintained 03-20 (its own item, 二(六)5(2) 落实工程长效管护), as of 04-30: the village not_discovered (二(六)5(1) 水源地日常巡查); the township nothing (self_rectified_report_required default); no county body",
     WA("water_facilities_unmaintained", discovered=tgrid, rectified_on="2021-03-20", **late), req=VIL_ND, forb=NOTWN + NOCNTY + NO_H)
case("TH13 the same with self_rectified_report_required=true: the township not_handled (still had to report it); the village not_discovered; listed",
     WA("water_facilities_unmaintained", discovered=tgrid, rectified_on="2021-03-20", **late), params=dict(self_rectified_report_required=True),
     req=[(TWN, "not_handled")] + VIL_ND, forb=NOCNTY, listed=["self_rectified_report_required"])
case("TH14 project_late_or_unfinished at the township's code, the township's grid 03-01, no step, finished 03-20, as of 04-30: nobody (its own project, 二(五)2 及时组织实施…确保项目按时按要求完成建设, put right in time)",
     PR("project_late_or_unfinished", T, discovered=tgrid, rectified_on="2021-03-20", **late), forb=NOBODY)
case("TH15 the same not finished by 04-30, no step: the township not_handled (it neither finished its project in time nor reported it, 一(四)); not not_rectified (nobody assigned it); no county or city body (never told)",
     PR("project_late_or_unfinished", T, discovered=tgrid, **late), req=[(TWN, "not_handled")], forb=[(TWN, "not_rectified"), (TWN, "not_discovered")] + NOCNTY + NOCITY + NOVIL)
case("TH16 basic_needs_direct_help_missing at a village, the township's 一户一策一干部 03-01, handed to the village 03-03, deadline 03-31, not given by 04-30: the village not_rectified (二(六)1(1) 通过村集体给予直接帮扶) and not_discovered; the township presses its village (二(二)2; 三(二) 一级抓一级); no county body (never told)",
     BN("basic_needs_direct_help_missing", discovered=disc("township", "one_household_one_cadre"), handled=[asg("township", "village")], **dl, **late),
     req=[(b, "not_rectified") for b in VIL] + VIL_ND + [(TWN, "supervision")], forb=[(TWN, "not_rectified"), (TWN, "not_handled")] + NOCNTY + NOCITY)
case("TH17 basic_needs_direct_help_missing at a village, the county hotline 03-01 → the township 03-03, the township sits, deadline 03-31, as of 04-30: the township not_rectified (一(四) 对交办问题整改落实不到位的; 二(二)2 整改工作负责); the village not_discovered, not not_rectified (never handed it); no county body not_rectified",
     BN("basic_needs_direct_help_missing", discovered=hot, handled=[asg("county", "township")], **dl, **late), req=[(TWN, "not_rectified")] + VIL_ND,
     forb=[("village_*", "not_rectified"), ("county_*", "not_rectified")] + NOCITY)
case("TH18 project_not_deliberated at a village, the county hotline 03-01 → the township 03-03 → the village only 03-20 (17 days), deadline 03-31, put right 03-28, as of 04-30: the village and the township not_discovered; the township's late pass-on not named (late_pass_on_answers default: rectified by its deadline), listed; nobody late",
     PR("project_not_deliberated", discovered=hot, handled=[asg("county", "township"), asg("township", "village", "2021-03-20")], **dl, rectified_on="2021-03-28", **late),
     req=LOW_ND, forb=NO_H + NOT_LATE + NOCITY, listed=["late_pass_on_answers"])
case("TH19 the same with late_pass_on_answers=not_handled: the township not_handled (一(四) 没有按程序及时交办); listed",
     PR("project_not_deliberated", discovered=hot, handled=[asg("county", "township"), asg("township", "village", "2021-03-20")], **dl, rectified_on="2021-03-28", **late),
     params=dict(late_pass_on_answers="not_handled"), req=[(TWN, "not_handled")], forb=[("village_*", "not_handled"), ("county_*", "not_handled")] + NOT_LATE, listed=["late_pass_on_answers"])
case("TH20 housing_danger_unreported at a village, the village's grid 03-01 reported to the township 03-02, the township reports it to the county only 03-20 (18 days), as of 03-25: the township not_handled; the village nothing; no county body (5 days)",
     HO("housing_danger_unreported", discovered=vgrid, handled=[rep("village", "township", "2021-03-02"), rep("township", "county", "2021-03-20")], **sit),
     req=[(TWN, "not_handled")], forb=NOVIL + [("county_*", "not_handled")] + NOCITY)
case("TH21 housing_danger_unreported at a village, the township's grid 03-01, reported 03-03 to 县教育局 (no part in housing: not 按程序), as of 03-25: the township not_handled (irregular_step, listed); 县教育局 not named; the village not_discovered",
     HO("housing_danger_unreported", discovered=tgrid, handled=[rep("township", "county", body=CEDU)], **sit), req=[(TWN, "not_handled")] + VIL_ND,
     forb=[(CEDU,), ("village_*", "not_handled")], listed=["irregular_step"])
case("TH22 project_not_deliberated at a village, the township's grid 03-01 reported to the county 03-03, the county hands it to the village 03-05, deadline 03-31, put right 03-20, as of 04-30: the village not_discovered only",
     PR("project_not_deliberated", discovered=tgrid, handled=[rep("township", "county"), asg("county", "village", "2021-03-05")], **dl, rectified_on="2021-03-20", **late),
     req=VIL_ND, forb=NOTWN + NOCNTY + NOCITY + NO_H + NOT_LATE)
case("TH23 health_false_materials at a village, the township's 核查普查 of its villages 03-01, the village concealed it: the village concealed (一(四); 二(二)4), not also not_discovered; the township (the finder) not named",
     HE("health_false_materials", discovered=tcen, concealed_by=["village"]), req=[(b, "concealed") for b in VIL], forb=NOTWN + [("village_*", "not_discovered")] + NOCNTY,
     cl=[(b, "concealed", ["一(四)", "二(二)4"], []) for b in VIL])
case("TH24 housing_danger_unreported at a village, the village's grid 03-01 reported to the township 03-02, the township sits, grave, as of 03-25: the township not_handled, staff + unit + leadership; the county's 主体责任 (二(六)4(5) 对当地农村危房改造负主体责任); no township 主体责任 (township_main_responsibility default); no village body",
     HO("housing_danger_unreported", discovered=vgrid, handled=[rep("village", "township", "2021-03-02")], severity="grave", **sit), req=[(TWN, "not_handled", S3UL)] + CNTY_MR,
     forb=NOVIL + NO_TWN_MR + NO_CITY_MR, cl=[("county_government", "main_responsibility", ["二(六)4(5)"], [])])
case("TH25 water_unsafe_unreported at a village, found by the press at the township's level 03-01, the township sits, as of 03-25: the township not_handled; the village not_discovered; the township not not_discovered (outside_channel_finder_level default)",
     WA("water_unsafe_unreported", discovered=disc("township", "media"), **sit), req=[(TWN, "not_handled")] + VIL_ND, forb=[(TWN, "not_discovered"), ("media",)] + NOCNTY)

# ===================== beyond the township's authority: what it must report up (一(三), 二(二)4) =====================
case("TE1 identification_applicant_not_included at a village, the township's grid 03-01, the township sits, as of 03-25: the township not_handled (二(三)3 审核审批 is 县民政局's: the township cannot include the household, so it must report it, 一(四)); not not_rectified; no village body",
     ID("identification_applicant_not_included", discovered=tgrid, **sit), req=[(TWN, "not_handled")], forb=NOVIL + [(TWN, "not_rectified"), (TWN, "not_discovered")], cl=[(TWN, "not_handled", ["一(四)"], [])])
case("TE2 the same reported to 县民政局 03-03, as of 03-10: no township or village body; nobody late",
     ID("identification_applicant_not_included", discovered=tgrid, handled=[rep("township", "county", body=CCA)], as_of="2021-03-10"), forb=NOLOW + NO_H + NOT_LATE)
case("TE3 health_assistance_late of 医保's line at a village, the township's grid 03-01, the township sits, as of 03-25: the township not_handled (审核审批 is 县医保局's, 二(六)3(3)); not not_discovered; no village body",
     HE("health_assistance_late", sector="medical_insurance", discovered=tgrid, **sit), req=[(TWN, "not_handled")], forb=NOVIL + [(TWN, "not_discovered")])
case("TE4 housing_subsidy_irregular of finance's line at a village, the township's 动态跟踪 03-01, the township sits, as of 03-25: the township not_handled; no village body",
     HO("housing_subsidy_irregular", sector="finance", discovered=tdyn, **sit), req=[(TWN, "not_handled")], forb=NOVIL + [(TWN, "not_discovered")])
case("TE5 identification_policy_gap at the township's code (the province's policy, 二(三)6), the township's grid 03-01 → the county 03-03 → the city 03-05 → the province 03-08, as of 03-25: 省民政厅 not_handled (二(三)6 负责制定完善低收入农户识别认定有关政策措施); no township, county or city body (each passed it on in time)",
     ID("identification_policy_gap", T, discovered=tgrid, handled=[rep("township", "county"), rep("county", "city", "2021-03-05"), rep("city", "province", "2021-03-08")], **sit),
     req=[("province_civil_affairs", "not_handled")], forb=NOTWN + NOCNTY + NOCITY + NOVIL + [("province_poverty_office",)])
case("TE6 the same, the township sits, as of 03-25: the township not_handled (一(四); 二(二)4 及时上报); no county, city or province body (never told)",
     ID("identification_policy_gap", T, discovered=tgrid, **sit), req=[(TWN, "not_handled")], forb=NOCNTY + NOCITY + NOPROV + NOVIL,
     cl=[(TWN, "not_handled", ["一(四)", "二(二)4"], [])])
case("TE7 common_policy_problem at the township's code (二(二)5 全省共性问题), the township's grid 03-01, the township sits, as of 03-25: the township not_handled (二(二)4); no county, city or province body",
     DI("common_policy_problem", T, discovered=tgrid, **sit), req=[(TWN, "not_handled")], forb=NOCNTY + NOCITY + NOPROV, cl=[(TWN, "not_handled", ["一(四)", "二(二)4"], [])])
case("TE8 mechanism_missing at the township's code (the county's mechanism failing there), the township's grid 03-01, the township sits, as of 03-25: the township not_handled (二(二)4 及时上报); the county's Party committee and government not not_discovered (a level below found it, not one above)",
     DI("mechanism_missing", T, discovered=tgrid, **sit), req=[(TWN, "not_handled")], forb=[("county_*", "not_discovered")] + NOCITY)
case("TE9 the same reported to the county 03-03, the county sits, as of 03-25: a county body not_handled (二(二)4 健全问题发现办法和整改机制; 一(三)); the township not",
     DI("mechanism_missing", T, discovered=tgrid, handled=[rep("township", "county")], **sit), req=[("county_*", "not_handled")], forb=NOTWN + NOCITY)
case("TE10 common_policy_problem at a village, the village's grid 03-01 → the township 03-02 → the county 03-04 → the city 03-06 → the province 03-08, the province mends the policy 04-05, as of 04-30: nobody",
     DI("common_policy_problem", discovered=vgrid, handled=[rep("village", "township", "2021-03-02"), rep("township", "county", "2021-03-04"), rep("county", "city", "2021-03-06"), rep("city", "province", "2021-03-08")],
        rectified_on="2021-04-05", **late), forb=NOBODY)
case("TE11 housing_renovation_late at a village, the village's grid 03-01 reported to the township 03-02, the township hands it back to the village 03-04, deadline 03-31, not renovated by 04-30: the township not_handled (a pass-down to a level that cannot renovate: no 按程序 disposal); the village neither not_rectified nor not_handled",
     HO("housing_renovation_late", discovered=vgrid, handled=[rep("village", "township", "2021-03-02"), asg("township", "village", "2021-03-04")], **dl, **late),
     req=[(TWN, "not_handled")], forb=[("village_*", "not_rectified"), ("village_*", "not_handled"), ("county_*", "not_rectified")])

# ===================== 瞒报漏报 at the township (一(四) 对上级核查和巡视审计等过程中瞒报漏报问题的) =====================
case("TC1 identification_ineligible_included at a village, the county's 上级核查 03-01, the township concealed it: the township concealed (一(四); 二(二)4), not also not_discovered; the village not_discovered; no county body not_discovered (the finder's level); no city",
     ID("identification_ineligible_included", discovered=kchv, concealed_by=["township"]), req=[(TWN, "concealed")] + VIL_ND,
     forb=[(TWN, "not_discovered"), ("county_*", "not_discovered")] + NOCITY, cl=[(TWN, "concealed", ["一(四)", "二(二)4"], [])])
case("TC2 housing_danger_unreported at a village, the city's 调查核查, the township concealed it, grave: the township concealed, staff + unit + leadership; the village not_discovered, staff + unit + leadership; the county's 主体责任 (二(六)4(5)); no township or city 主体责任",
     HO("housing_danger_unreported", discovered=csv_(), concealed_by=["township"], severity="grave"), req=[(TWN, "concealed", S3UL)] + [(b, "not_discovered", S3UL) for b in VIL] + CNTY_MR,
     forb=[(TWN, "not_discovered")] + NO_TWN_MR + NO_CITY_MR, cl=[("county_party_committee", "main_responsibility", ["二(六)4(5)"], [])])
case("TC3 housing_safety_system_missing at the township's code, the province's 巡视, the township concealed it, serious: the township concealed, staff + unit; no leadership; no 主体责任; no village body",
     HO("housing_safety_system_missing", T, discovered=ptour, concealed_by=["township"], severity="serious"), req=[(TWN, "concealed", S3U)],
     forb=[(TWN, "not_discovered")] + NO_MR + NOVIL, fl=NOLEAD)
case("TC4 funds_assets_mismanaged at the township's code, the county audit 03-01, the township concealed it: the township concealed; no county body not_discovered (the county's own audit found it); the audit office not named; no village body",
     FU("funds_assets_mismanaged", T, discovered=disc("county", "audit", body="county_audit"), concealed_by=["township"]), req=[(TWN, "concealed")],
     forb=[("county_*", "not_discovered"), ("county_audit",), (TWN, "not_discovered")] + NOVIL)
case("TC5 education_student_not_identified at a village, the city's 上级核查, the township concealed it: the township concealed (一(四); 二(二)4: its own 及时上报, whatever part the kind gives it), not not_discovered; the school and 县教育局 not_discovered; no village body",
     ED("education_student_not_identified", discovered=chv, concealed_by=["township"]), req=[(TWN, "concealed"), (SCHOOL, "not_discovered"), (CEDU, "not_discovered")],
     forb=[(TWN, "not_discovered")] + NOVIL, cl=[(TWN, "concealed", ["一(四)", "二(二)4"], [])])
case("TC6 project_late_or_unfinished at a village, the province's 检查组抽查, the village and the township both concealed it: each concealed; neither not_discovered; no city body",
     PR("project_late_or_unfinished", discovered=disc("province", "spot_check"), concealed_by=["village", "township"]), req=[(b, "concealed") for b in VIL] + [(TWN, "concealed")],
     forb=[("village_*", "not_discovered"), (TWN, "not_discovered")] + NOCITY)
case("TC7 funds_diverted at a village, the city's 上级核查, the township's Party committee concealed it: the committee concealed, citing 一(四) and 二(一)1(1) (乡镇党委政府要发挥基层基础作用), not 二(二)4 (said of 县乡村's 及时上报, the township's 乡镇（街道）); no city body",
     FU("funds_diverted", discovered=chv, concealed_by=[TPC]), req=[(TPC, "concealed")], forb=NOCITY + [(TPC, "not_discovered")],
     cl=[(TPC, "concealed", ["一(四)", "二(一)1(1)"], ["二(二)4"])])
case("TC8 basic_needs_not_helped_to_apply at a village, the township's 核查普查 03-01, the village concealed it: the village concealed; the township (finder) not named; no county body",
     BN("basic_needs_not_helped_to_apply", discovered=tcen, concealed_by=["village"]), req=[(b, "concealed") for b in VIL], forb=NOTWN + NOCNTY + [("village_*", "not_discovered")])
case("TC9 funds_diverted at a village, the county's 巡视 03-01, the township concealed it: the township concealed, not not_discovered; no county body not_discovered (the county's own 巡视)",
     FU("funds_diverted", discovered=disc("county", "inspection_tour"), concealed_by=["township"]), req=[(TWN, "concealed")], forb=[(TWN, "not_discovered"), ("county_*", "not_discovered")] + NOCITY)
refuse("TC10 the township's own 核查普查 naming the township as concealer: the concealer is below the finder (一(四) 上级核查…瞒报)", FU("funds_diverted", discovered=tcen, concealed_by=["township"]), "concealment", "concealed_by[0]")
refuse("TC11 basic_needs_below_floor at the county's code, the city's 上级核查, the township named as concealer: a level below the place has no part in the county's problem to hide", BN("basic_needs_below_floor", C, discovered=chv, concealed_by=["township"]), "concealment", "concealed_by[0]")
case("TC12 water_unsafe_unreported at a village, the county's 核查普查 03-01, the township concealed it: the township concealed; the village not_discovered; no county body not_discovered (the county's own work)",
     WA("water_unsafe_unreported", discovered=disc("county", "verification_census"), concealed_by=["township"]), req=[(TWN, "concealed")] + VIL_ND,
     forb=[(TWN, "not_discovered"), ("county_*", "not_discovered")] + NOCITY)
case("TC13 specific_problem at the township's code, the city's 调研督导, the township concealed it, grave: the township concealed, staff + unit + leadership; the county's 主体责任 (二(二)4 实行县级党政主要领导负责制); no township 主体责任",
     DI("specific_problem", T, discovered=cres(), concealed_by=["township"], severity="grave"), req=[(TWN, "concealed", S3UL)] + CNTY_MR,
     forb=[(TWN, "not_discovered")] + NO_TWN_MR + NO_CITY_MR + NOVIL)
case("TC14 the same with township_main_responsibility=true: the township's Party committee and government bear 主体责任 (二(一)1 各级党委政府); listed",
     DI("specific_problem", T, discovered=cres(), concealed_by=["township"], severity="grave"), params=dict(township_main_responsibility=True),
     req=[(TWN, "concealed", S3UL), (TPC, "main_responsibility"), (TWN, "main_responsibility")], forb=NO_CITY_MR + NOVIL, listed=["township_main_responsibility"])

# ===================== the liability tiers of the township's staff, unit and leaders (一(四)) =====================
case("TL1 project_ledger_incomplete at the township's code, the city's 调研督导, minor: the township not_discovered, staff only; no unit, no leadership, no 主体责任",
     PR("project_ledger_incomplete", T, discovered=cres()), req=[(TWN, "not_discovered", S3)], forb=NO_MR + NOVIL, fl=NOUNIT + NOLEAD)
case("TL2 the same, serious: staff + unit; no leadership; no 主体责任",
     PR("project_ledger_incomplete", T, discovered=cres(), severity="serious"), req=[(TWN, "not_discovered", S3U)], forb=NO_MR + NOVIL, fl=NOLEAD)
case("TL3 the same, grave: staff + unit + leadership; the county's 主体责任 citing 二(五)4 (对当地项目管理负主体责任); no township, city or province 主体责任",
     PR("project_ledger_incomplete", T, discovered=cres(), severity="grave"), req=[(TWN, "not_discovered", S3UL)] + CNTY_MR,
     forb=NO_TWN_MR + NO_CITY_MR + NO_PROV_MR + NOVIL, cl=[("county_party_committee", "main_responsibility", ["二(五)4"], []), ("county_government", "main_responsibility", ["二(五)4"], [])])
case("TL4 the same with township_main_responsibility=true: the township's Party committee and government bear 主体责任; listed",
     PR("project_ledger_incomplete", T, discovered=cres(), severity="grave"), params=dict(township_main_responsibility=True),
     req=[(TWN, "not_discovered", S3UL), (TPC, "main_responsibility"), (TWN, "main_responsibility")], forb=NO_CITY_MR + NO_PROV_MR, listed=["township_main_responsibility"])
case("TL5 water_facilities_unmaintained at the township's code, the county hotline → the township 03-03, deadline 03-31, not maintained by 04-30, grave: the township not_rectified, staff + unit + leadership; the county's 主体责任 citing 二(六)5(5); no township 主体责任",
     WA("water_facilities_unmaintained", T, discovered=hot, handled=[asg("county", "township")], **dl, severity="grave", **late), req=[(TWN, "not_rectified", S3UL)] + CNTY_MR,
     forb=NO_TWN_MR + NO_CITY_MR + NOVIL, cl=[("county_government", "main_responsibility", ["二(六)5(5)"], [])])
case("TL6 housing_danger_unreported at a village, the township's grid 03-01, the township sits, serious, as of 03-25: the township not_handled, staff + unit; the village not_discovered, staff + unit; no leadership; no 主体责任",
     HO("housing_danger_unreported", discovered=tgrid, severity="serious", **sit), req=[(TWN, "not_handled", S3U)] + [(b, "not_discovered", S3U) for b in VIL], forb=NO_MR, fl=NOLEAD)
case("TL7 identification_eligible_omitted at a village, the county hotline 03-01, grave: the village and the township not_discovered, staff + unit + leadership; the county's 主体责任 citing 二(三)5; no township 主体责任; no county body not_discovered (the hotline is the county's)",
     ID("identification_eligible_omitted", discovered=hot, severity="grave"), req=[(b, "not_discovered", S3UL) for b in VIL] + [(TWN, "not_discovered", S3UL)] + CNTY_MR,
     forb=NO_TWN_MR + NO_CITY_MR + [("county_*", "not_discovered")], cl=[("county_party_committee", "main_responsibility", ["二(三)5"], [])])
case("TL8 funds_diverted at a village, the city's 调研督导, serious: the township and 县财政局 not_discovered, staff + unit; no leadership; no 主体责任",
     FU("funds_diverted", discovered=cres(), severity="serious"), req=[(TWN, "not_discovered", S3U), (CFIN, "not_discovered", S3U)], forb=NO_MR, fl=NOLEAD)
case("TL9 the same with unit_liability_from=grave: the township staff only; listed",
     FU("funds_diverted", discovered=cres(), severity="serious"), params=dict(unit_liability_from="grave"), req=[(TWN, "not_discovered", S3)], forb=NO_MR, fl=NOUNIT + NOLEAD,
     listed=["unit_liability_from"])
case("TL10 project_ledger_incomplete at the township's code, minor, with unit_liability_from=minor: the township staff + unit; no leadership; listed",
     PR("project_ledger_incomplete", T, discovered=cres()), params=dict(unit_liability_from="minor"), req=[(TWN, "not_discovered", S3U)], forb=NO_MR, fl=NOLEAD, listed=["unit_liability_from"])
case("TL11 housing_records_false at a village, the city's 调研督导, grave: the township not_discovered, staff + unit + leadership; the township's Party committee not named at all (二(六)4(2) is 乡镇（街道）'s work, held by its government); the county's 主体责任 (二(六)4(5))",
     HO("housing_records_false", discovered=cres(), severity="grave"), req=[(TWN, "not_discovered", S3UL)] + CNTY_MR, forb=[(TPC,)] + NO_TWN_MR + NO_CITY_MR)
case("TL12 basic_needs_eligible_not_included at the township's code, the province's 调研督导, serious, the county hotline having been told nothing: the township not_discovered, staff + unit; no 主体责任; no county body",
     BN("basic_needs_eligible_not_included", T, discovered=pres(), severity="serious"), req=[(TWN, "not_discovered", S3U)], forb=NO_MR + NOCITY + [("county_*", "not_discovered")], fl=NOLEAD)
case("TC15 the same record as TC7, read for the township's government (written after TC7's run): the township's Party committee concealed the village's diversion from the city's 上级核查, so the township level knew it — 一(四) 对应由本级发现问题没有发现的 is a failure of 本级, and 二(二)2 gives the finding to 乡镇（街道） as one; the township government is not also named not_discovered",
     FU("funds_diverted", discovered=chv, concealed_by=[TPC]), req=[(TPC, "concealed"), (CFIN, "not_discovered")], forb=NOCITY + [(TWN, "not_discovered")])

# ===================== the city's own bodies: what they answer for, and what they do not (二(一)1(2), 二(二)5, each 省市 item) =====================
case("CY1 funds_diverted at the city's code (its own 本级财政扶贫资金), the province audit 03-01: 市财政局 (二(四)7 财政部门负责落实本级财政扶贫资金…加强扶贫资金使用监管) and 市扶贫办 (扶贫、民宗部门负责统筹监督扶贫资金和资产的管理使用) not_discovered; no county, township or village body; the city audit office not (lower_audit_answers_higher_find default); the province audit office not named",
     FU("funds_diverted", CITY, discovered=paud), req=[("city_finance", "not_discovered"), ("city_poverty_office", "not_discovered")],
     forb=NOCNTY + NOLOW + [("city_audit",), ("province_audit",)])
case("CY2 the same, grave: 市财政局 staff + unit + leadership; the city's Party committee and government bear 主体责任 (二(一)1: a failure of the city's own work); no county or province 主体责任",
     FU("funds_diverted", CITY, discovered=paud, severity="grave"), req=[("city_finance", "not_discovered", S3UL), ("city_party_committee", "main_responsibility"), ("city_government", "main_responsibility")],
     forb=NOCNTY + NOLOW + NO_PROV_MR)
case("CY3 funds_rules_gap at the city's code (its own rules, 二(四)7 制定扶贫资金管理和绩效评价制度…扶贫项目和资产管理制度), found by the city's 纪委监委 03-01, the city sits, as of 03-25: a city body not_handled; the 纪委 not named; no county or province body",
     FU("funds_rules_gap", CITY, discovered=disc("city", "discipline_inspection"), **sit), req=[("city_*", "not_handled")], forb=[("city_discipline",)] + NOCNTY + NOPROV + NOLOW)
case("CY4 housing_policy_gap at the city's code (二(六)4(6) 省市住房城乡建设部门：负责制定危房长效治理改造政策), the province's 调研督导 03-01 assigns it to the city 03-03, deadline 03-31, not mended by 04-30: 市建设局 not_rectified; not 市民政局 or 市自然资源局 (二(六)4(7)'s line policies are another kind); no county body",
     HO("housing_policy_gap", CITY, discovered=pres(), handled=[asg("province", "city")], **dl, **late), req=[("city_construction", "not_rectified")],
     forb=[("city_civil_affairs",), ("city_natural_resources",), ("province_*", "not_rectified")] + NOCNTY + NOLOW)
case("CY5 water_policy_gap at the city's code (the city's own, 二(六)5(6) 省市行业主管部门：负责制定农村饮水安全的政策措施), the province's 调研督导: 市水利局 not_discovered (一(一) 省市两级…主动发现政策举措…方面问题); not 市卫健委 (water_policy_health_departments default); no county body",
     WA("water_policy_gap", CITY, discovered=pres()), req=[("city_water", "not_discovered")], forb=[("city_health",)] + NOCNTY + NOLOW)
case("CY6 identification_eligible_omitted at a village, the city's 调研督导 03-01, the city sits, as of 03-25: the village and the township not_discovered; a city body not_handled (一(四) 对发现问题没有按程序及时交办); no county body (never told); no province body",
     ID("identification_eligible_omitted", discovered=cres(), **sit), req=LOW_ND + [("city_*", "not_handled")], forb=NOCNTY + NOPROV)
case("CY7 the same passed city → county 03-03 → township 03-05 → village 03-07, deadline 03-31, put right 03-25, as of 04-30: the village and the township not_discovered only; no city or county body",
     ID("identification_eligible_omitted", discovered=cres(), handled=[asg("city", "county"), asg("county", "township", "2021-03-05"), asg("township", "village", "2021-03-07")], **dl, rectified_on="2021-03-25", **late),
     req=LOW_ND, forb=NOCITY + NOCNTY + NOPROV + NO_H + NOT_LATE)
case("CY8 basic_needs_approval_late of civil affairs' line, the city's 调研督导 by 市民政局 03-01 assigned to 县民政局 03-03, deadline 03-31, not approved by 04-30: 县民政局 not_rectified and not_discovered; 市民政局 presses (二(六)1(5) 统筹协调、指导督促开展社会救助工作), not not_rectified; no township or village body",
     BN("basic_needs_approval_late", sector="civil_affairs", discovered=cres("city_civil_affairs"), handled=[asg("city", "county", body=CCA)], **dl, **late),
     req=[(CCA, "not_rectified"), (CCA, "not_discovered"), ("city_civil_affairs", "supervision")], forb=[("city_*", "not_rectified")] + NOLOW + NO_H + NOPROV)
case("CY9 health_policy_gap at the county's code (the province's policy), the county hotline reports it to the city 03-03, the city sits, as of 03-25: a city body not_handled (一(三) 省市两级及时回应基层反映问题; 一(四)); no county body (it reported in time); no province body (never told)",
     HE("health_policy_gap", C, discovered=hot, handled=[rep("county", "city")], **sit), req=[("city_*", "not_handled")], forb=NOCNTY + NOPROV + NOLOW)
refuse("CY10 basic_needs_policy_gap at the city's code found by the county hotline: a level below the place cannot find it", BN("basic_needs_policy_gap", CITY, discovered=hot), "level_mismatch", "discovered.level")
case("CY11 funds_poor_performance at a village, the province's 调研督导: the township not_discovered; no city body (一(一) 以县为主体: a village's funds are the county's and below to find; province_city_discover_specific_problems default)",
     FU("funds_poor_performance", discovered=pres()), req=TWN_ND, forb=NOCITY)
case("CY12 project_late_or_unfinished at a village, the province's 检查组抽查, with province_city_discover_specific_problems=true: a city department not_discovered (二(五)5 不定期组织检查组…对项目抽查); the township; listed",
     PR("project_late_or_unfinished", discovered=disc("province", "spot_check")), params=dict(province_city_discover_specific_problems=True),
     req=[("city_*", "not_discovered")] + TWN_ND, listed=["province_city_discover_specific_problems"])
case("CY13 funds_diverted at a village, the city audit 03-01, the city sits, as of 03-25: the township and 县财政局 not_discovered; a city body not_handled; no county body not_handled (never told); no province",
     FU("funds_diverted", discovered=caud, **sit), req=TWN_ND + [(CFIN, "not_discovered"), ("city_*", "not_handled")], forb=[("county_*", "not_handled")] + NOPROV)
case("CY14 housing_danger_unreported at a village, the province's 巡视, 市建设局 concealed it: 市建设局 concealed (一(四)), not not_discovered; the village and the township not_discovered; no county body not_discovered",
     HO("housing_danger_unreported", discovered=ptour, concealed_by=["city_construction"]), req=[("city_construction", "concealed")] + LOW_ND,
     forb=[("city_construction", "not_discovered"), ("county_*", "not_discovered"), (TWN, "concealed")])
case("CY15 project_ledger_incomplete at the township's code, the city's 调研督导 03-01, the city assigns it to the county only 03-20 (19 days), the county to the township 03-22, deadline 04-30, completed 04-10: a city body not_handled (its own late step, 一(四) 没有按程序及时交办); the township not_discovered; nobody not_rectified",
     PR("project_ledger_incomplete", T, discovered=cres(), handled=[asg("city", "county", "2021-03-20"), asg("county", "township", "2021-03-22")], deadline="2021-04-30", rectified_on="2021-04-10", **late),
     req=[("city_*", "not_handled")] + TWN_ND, forb=NO_R + [("county_*", "not_handled"), ("township_*", "not_handled")])
case("CY16 specific_problem at a village, found by the city's 人大政协 督导 03-01, city → county 03-03 → township 03-05, deadline 03-31, put right 03-20, as of 04-30: the village and the township not_discovered; the city's 人大/政协 never named (二(一)2(1): they oversee); no city body",
     DI("specific_problem", discovered=disc("city", "congress_cppcc"), handled=[asg("city", "county"), asg("county", "township", "2021-03-05")], **dl, rectified_on="2021-03-20", **late),
     req=LOW_ND, forb=NOCITY + NO_H + NOT_LATE)
case("CY17 funds_assets_mismanaged at a village, the press at the city 03-01, the city sits, as of 03-25: the village, the township and 县财政局 not_discovered; a city body not_handled; the media not named; no county body not_handled",
     FU("funds_assets_mismanaged", discovered=disc("city", "media"), **sit), req=LOW_ND + [(CFIN, "not_discovered"), ("city_*", "not_handled")], forb=[("media",), ("county_*", "not_handled")] + NOPROV)
case("CY18 province_city_mechanism_gap at the city's code (the city's own working mechanism), the province's 调研督导: 市扶贫办 not_discovered (一(一) 省市两级…主动发现…工作机制等方面问题); no 主体责任 (minor); no county body",
     DI("province_city_mechanism_gap", CITY, discovered=pres()), req=[("city_poverty_office", "not_discovered")], forb=NO_MR + NOCNTY + NOLOW)
case("CY19 the same, grave, assigned to 市扶贫办 03-03, deadline 03-31, not mended by 04-30: 市扶贫办 not_rectified and not_discovered, staff + unit + leadership; the city's Party committee and government 主体责任 (二(一)1); no province 主体责任; no county body",
     DI("province_city_mechanism_gap", CITY, discovered=pres(), handled=[asg("province", "city", body="city_poverty_office")], **dl, severity="grave", **late),
     req=[("city_poverty_office", "not_rectified", S3UL), ("city_poverty_office", "not_discovered", S3UL), ("city_party_committee", "main_responsibility"), ("city_government", "main_responsibility")],
     forb=NO_PROV_MR + NOCNTY + NOLOW)
case("CY20 funds_allocation_irregular at the city's code (二(四)7 财政部门…审核行业主管部门分配建议办理资金分配), the province's 财政检查: 市财政局 not_discovered; no county body; 省财政厅 (the finder's level) not named",
     FU("funds_allocation_irregular", CITY, discovered=disc("province", "finance_check")), req=[("city_finance", "not_discovered")], forb=NOCNTY + NOLOW + [("province_finance",)])
case("CY21 funds_performance_evaluation_missing at the city's code (二(四)7 组织开展重点绩效评价), the province's 调研督导: 市财政局 not_discovered; no county body",
     FU("funds_performance_evaluation_missing", CITY, discovered=pres()), req=[("city_finance", "not_discovered")], forb=NOCNTY + NOLOW)
case("CY22 education_policy_gap at the city's code, education's line, the city's own 调研督导 by 市教育局 03-01, which sits, as of 03-25: 市教育局 not_handled; nobody not_discovered (its own work found it); no county body",
     ED("education_policy_gap", CITY, sector="education", discovered=cres("city_education"), **sit), req=[("city_education", "not_handled")], forb=NO_ND + NOCNTY + NOPROV)
case("CY23 identification_policy_gap at the city's code, the press at the city 03-01, the city sits, as of 03-25: 市民政局 not_handled (二(三)6 负责制定完善…政策措施); nobody not_discovered (outside_channel_finder_level default); no county or province body",
     ID("identification_policy_gap", CITY, discovered=disc("city", "media"), **sit), req=[("city_civil_affairs", "not_handled")], forb=NO_ND + NOCNTY + NOPROV + [("media",)])
case("CY24 the same with outside_channel_finder_level=true: 市民政局 not_discovered too; listed",
     ID("identification_policy_gap", CITY, discovered=disc("city", "media"), **sit), params=dict(outside_channel_finder_level=True),
     req=[("city_civil_affairs", "not_handled"), ("city_civil_affairs", "not_discovered")], forb=NOCNTY + NOPROV, listed=["outside_channel_finder_level"])
case("CY25 basic_needs_policy_gap at the city's code, civil affairs' line, the press at the city 03-01, 市民政局 mends the policy itself 03-20 (no step), as of 04-30: nobody",
     BN("basic_needs_policy_gap", CITY, sector="civil_affairs", discovered=disc("city", "media"), rectified_on="2021-03-20", **late), forb=NOBODY)
case("CY26 basic_needs_direct_help_missing at a village, the city's 调研督导 03-01 assigns it straight to the township 03-03, deadline 03-31, the township sits, as of 04-30: the township not_rectified; the village not_discovered; a city body presses (二(二)5 负责指导督促基层问题发现和整改: the record shows the city had it); no county body not_rectified [After the run: the county's supervision added to what it forbids — the verdict names the county, which the record never shows having the problem, in the city's place (D2); the record stays a disagreement]",
     BN("basic_needs_direct_help_missing", discovered=cres(), handled=[asg("city", "township")], **dl, **late), req=[(TWN, "not_rectified"), ("city_*", "supervision")] + VIL_ND,
     forb=[("county_*", "not_rectified"), ("village_*", "not_rectified"), ("city_*", "not_rectified"), ("county_*", "supervision")] + NOPROV)

# ===================== the province's own bodies =====================
case("PV1 funds_diverted at the province's code (its own funds), the province audit 03-01, the province sits, as of 03-25: a province body not_handled; nobody not_discovered (the province's own audit; nobody below the province's own money); the audit office, the city and the county not named",
     FU("funds_diverted", PROV, discovered=paud, **sit), req=[("province_*", "not_handled")], forb=NO_ND + [("province_audit",)] + NOCITY + NOCNTY + NOLOW)
case("PV2 funds_assets_mismanaged at the province's code, the 12317 platform 03-01, the province sits, as of 03-25: a province body not_handled; the platform never named (二(一)2(4) 借助12317…载体); nobody not_discovered",
     FU("funds_assets_mismanaged", PROV, discovered=disc("province", "reporting_platform", body="platform_12317"), **sit), req=[("province_*", "not_handled")],
     forb=[("platform_12317",)] + NO_ND + NOCITY + NOCNTY)
case("PV3 province_city_mechanism_gap at the province's code, the press 03-01, the province sits, grave, as of 03-25: 省扶贫办 not_handled, staff + unit + leadership; the province's Party committee and government 主体责任 (二(一)1, its own work); no city or county body; the media not named",
     DI("province_city_mechanism_gap", PROV, discovered=disc("province", "media"), severity="grave", **sit),
     req=[("province_poverty_office", "not_handled", S3UL), ("province_party_committee", "main_responsibility"), ("province_government", "main_responsibility")], forb=NOCITY + NOCNTY + [("media",)])
case("PV4 housing_line_policy_gap at the province's code, the natural-resources line (二(六)4(7) 自然资源…负责制定…建设用地保障…相关政策), found by the province's 纪委 03-01, handed to 省自然资源厅 03-03, deadline 03-31, mended 03-20, as of 04-30: nobody",
     HO("housing_line_policy_gap", PROV, sector="natural_resources", discovered=disc("province", "discipline_inspection"), handled=[asg("province", "province", body="province_natural_resources")], **dl, rectified_on="2021-03-20", **late), forb=NOBODY)
case("PV5 the same not mended by 04-30: 省自然资源厅 not_rectified; not 省建设厅 (二(六)4(6) is the 长效治理改造 policy, another kind); the 纪委 not named; no city body",
     HO("housing_line_policy_gap", PROV, sector="natural_resources", discovered=disc("province", "discipline_inspection"), handled=[asg("province", "province", body="province_natural_resources")], **dl, **late),
     req=[("province_natural_resources", "not_rectified")], forb=[("province_construction",), ("province_discipline",)] + NOCITY + NOCNTY)
case("PV6 identification_eligible_omitted at a village, the county hotline 03-01, the county reports it to the province 03-03 (within its own authority: 一(三) 按照问题类别、办理权限…交办, 对超出本级权限的…报送), as of 03-25: a county body not_handled (no 按程序 step; irregular_step listed); the village and the township not_discovered",
     ID("identification_eligible_omitted", discovered=hot, handled=[rep("county", "province")], **sit), req=[("county_*", "not_handled")] + LOW_ND,
     forb=[("township_*", "not_handled"), ("village_*", "not_handled"), ("city_*",)], listed=["irregular_step"])
case("PV7 mechanism_missing at the county's code, the province's 调研督导, grave: the county's Party committee and government not_discovered, staff + unit + leadership, and bear 主体责任 (二(二)4 实行县级党政主要领导负责制); 市扶贫办 not (city_finds_county_mechanisms default); no province or city 主体责任",
     DI("mechanism_missing", C, discovered=pres(), severity="grave"), req=[("county_party_committee", "not_discovered", S3UL), ("county_government", "not_discovered", S3UL)] + CNTY_MR,
     forb=[("city_poverty_office",)] + NO_PROV_MR + NO_CITY_MR + NOLOW)
case("PV8 specific_problem at the township's code, the province's 巡视, the county concealed it: a county body concealed; the township not_discovered; no city body",
     DI("specific_problem", T, discovered=ptour, concealed_by=["county"]), req=[("county_*", "concealed")] + TWN_ND, forb=NOCITY + [(TWN, "concealed")] + NOVIL)
case("PV9 funds_diverted at the city's code, the province's 巡视, 市财政局 concealed it: 市财政局 concealed, not not_discovered; no county body",
     FU("funds_diverted", CITY, discovered=ptour, concealed_by=["city_finance"]), req=[("city_finance", "concealed")], forb=[("city_finance", "not_discovered")] + NOCNTY + NOLOW)
case("PV10 identification_ineligible_included at a village, the province's 调研督导 03-01, the province sits, as of 03-25: the village, the township and 县民政局 not_discovered; a province body not_handled; no city body (never told); no county body not_handled",
     ID("identification_ineligible_included", discovered=pres(), **sit), req=LOW_ND + [(CCA, "not_discovered"), ("province_*", "not_handled")], forb=NOCITY + [("county_*", "not_handled")])
case("PV11 housing_danger_unreported at a village, the province's 调研督导 03-01 assigns it to the city 03-03 (no body), deadline 03-31, the city sits, as of 04-30: a city body not_handled (it received the problem to pass down: pressing_level_assignment default, listed), not not_rectified; the village and the township not_discovered; no county body (never told)",
     HO("housing_danger_unreported", discovered=pres(), handled=[asg("province", "city")], **dl, **late), req=[("city_*", "not_handled")] + LOW_ND,
     forb=[("city_*", "not_rectified")] + NOCNTY + [("province_*", "not_rectified")], listed=["pressing_level_assignment"])
case("PV12 the same with pressing_level_assignment=assignee: a city body not_rectified; listed",
     HO("housing_danger_unreported", discovered=pres(), handled=[asg("province", "city")], **dl, **late), params=dict(pressing_level_assignment="assignee"),
     req=[("city_*", "not_rectified")] + LOW_ND, forb=NOCNTY, listed=["pressing_level_assignment"])
case("PV13 water_facilities_unmaintained at a village, the province's 调研督导 → the city 03-02 → the county 03-04 → the township 03-06, deadline 03-31, not maintained by 04-30: the township not_rectified; the village, the township and the 统管单位 not_discovered; no province, city or county body not_rectified (each passed it down in time)",
     WA("water_facilities_unmaintained", discovered=pres(), handled=[asg("province", "city", "2021-03-02"), asg("city", "county", "2021-03-04"), asg("county", "township", "2021-03-06")], **dl, **late),
     req=[(TWN, "not_rectified")] + LOW_ND + [(CWSU, "not_discovered")], forb=[("province_*", "not_rectified"), ("city_*", "not_rectified"), ("county_*", "not_rectified")] + NO_H)
case("PV14 housing_records_false at a village, the province's 调研督导 03-01, the province sits, grave, as of 03-25: a province body not_handled, staff + unit + leadership; the village and the township not_discovered; the county's 主体责任; no province or city 主体责任 (main_responsibility_every_level default: a county's specific problem)",
     HO("housing_records_false", discovered=pres(), severity="grave", **sit), req=[("province_*", "not_handled", S3UL)] + LOW_ND + CNTY_MR, forb=NO_PROV_MR + NO_CITY_MR + NOCITY)
case("PV15 the same with main_responsibility_every_level=true: the province's Party committee and government 主体责任 too; listed",
     HO("housing_records_false", discovered=pres(), severity="grave", **sit), params=dict(main_responsibility_every_level=True),
     req=[("province_party_committee", "main_responsibility"), ("province_government", "main_responsibility")] + CNTY_MR, forb=NO_CITY_MR + NOCITY, listed=["main_responsibility_every_level"])
case("PV16 water_policy_gap at the province's code, the province's 人大政协 督导 03-01, the province sits, as of 03-25: 省水利厅 not_handled; nobody not_discovered; the 人大/政协 not named; no city or county body",
     WA("water_policy_gap", PROV, discovered=disc("province", "congress_cppcc"), **sit), req=[("province_water", "not_handled")], forb=NO_ND + [("province_congress",), ("province_cppcc",)] + NOCITY + NOCNTY)
case("PV17 education_policy_gap at the province's code, no line, the press 03-01, the province sits, as of 03-25: a province body not_handled; no city or county body; the media not named",
     ED("education_policy_gap", PROV, discovered=disc("province", "media"), **sit), req=[("province_*", "not_handled")], forb=NOCITY + NOCNTY + [("media",)] + NO_ND)

# ===================== found by a higher level or an outside channel: who failed to discover, and who did not =====================
case("HD1 project_late_or_unfinished at the township's code, the county's 核查普查 (its own work) 03-01: the township not_discovered; no county body not_discovered; no village body",
     PR("project_late_or_unfinished", T, discovered=disc("county", "verification_census")), req=TWN_ND, forb=[("county_*", "not_discovered")] + NOVIL + NOCITY)
case("HD2 funds_poor_performance at the township's code of the poverty office's line, the county audit 03-01: the township not_discovered; 县扶贫办 not (the county's own audit found it: outside_channel_finder_level default); the audit office not named",
     FU("funds_poor_performance", T, sector="poverty_office", discovered=disc("county", "audit", body="county_audit")), req=TWN_ND, forb=[("county_*", "not_discovered"), ("county_audit",)] + NOVIL)
case("HD3 the same with outside_channel_finder_level=true: 县扶贫办 not_discovered too (二(四)4 对资金使用的绩效负责); listed",
     FU("funds_poor_performance", T, sector="poverty_office", discovered=disc("county", "audit", body="county_audit")), params=dict(outside_channel_finder_level=True),
     req=TWN_ND + [(CPO, "not_discovered")], forb=[("county_audit",)] + NOVIL, listed=["outside_channel_finder_level"])
case("HD4 housing_danger_unreported at a village, the county hotline 03-01: the village and the township not_discovered; no county body not_discovered",
     HO("housing_danger_unreported", discovered=hot), req=LOW_ND, forb=[("county_*", "not_discovered")] + NOCITY)
case("HD5 education_student_not_identified at a village, the press at the province 03-01: the school and 县教育局 not_discovered; no township or village body; no city body; the media not named",
     ED("education_student_not_identified", discovered=disc("province", "media")), req=[(SCHOOL, "not_discovered"), (CEDU, "not_discovered")], forb=NOLOW + NOCITY + [("media",)])
case("HD6 basic_needs_payment_late of civil affairs' line at a village, the province's 互联网+监督 platform 03-01: 县民政局 not_discovered; no township, village or city body",
     BN("basic_needs_payment_late", sector="civil_affairs", discovered=disc("province", "internet_supervision")), req=[(CCA, "not_discovered")], forb=NOLOW + NOCITY)
case("HD7 funds_assets_mismanaged at a village, a city's 监督举报平台 03-01: the village, the township and 县财政局 not_discovered; no city body not_discovered",
     FU("funds_assets_mismanaged", discovered=disc("city", "reporting_platform")), req=LOW_ND + [(CFIN, "not_discovered")], forb=[("city_*", "not_discovered")])
case("HD8 project_late_or_unfinished at a village, the township's 纪委 03-01: the village not_discovered; the township not (its own level's organ found it: outside_channel_finder_level default); no county body",
     PR("project_late_or_unfinished", discovered=disc("township", "discipline_inspection")), req=VIL_ND, forb=[(TWN, "not_discovered")] + NOCNTY + NOCITY)
case("HD9 the same with outside_channel_finder_level=true: the township not_discovered too (二(五)2 确保项目按时按要求完成建设); listed",
     PR("project_late_or_unfinished", discovered=disc("township", "discipline_inspection")), params=dict(outside_channel_finder_level=True),
     req=VIL_ND + TWN_ND, forb=NOCNTY + NOCITY, listed=["outside_channel_finder_level"])
case("HD10 project_late_or_unfinished at a village, the township's 人大 督导 03-01: the village not_discovered; no township body; no county body",
     PR("project_late_or_unfinished", discovered=disc("township", "congress_cppcc")), req=VIL_ND, forb=NOTWN + NOCNTY + NOCITY)
case("HD11 specific_problem at the township's code, the county's 纪委 03-01: the township not_discovered; no county body not_discovered; the 纪委 not named",
     DI("specific_problem", T, discovered=disc("county", "discipline_inspection")), req=TWN_ND, forb=[("county_*", "not_discovered"), ("county_discipline",)] + NOVIL)
case("HD12 health_costs_accounting_irregular at the county's code, the province's 调研督导: 县医保局 not_discovered; no township or village body; no city body",
     HE("health_costs_accounting_irregular", C, discovered=pres()), req=[(CMI, "not_discovered")], forb=NOLOW + NOCITY + [(CFIN,)])
case("HD13 water_project_funds_irregular at a village (二(六)5(4) 水利部门…项目资金管理), the province's 巡视: 县水利局 not_discovered; no township or village body; no city body",
     WA("water_project_funds_irregular", discovered=ptour), req=[(CWA, "not_discovered")], forb=NOLOW + NOCITY + [(CWSU,)])
case("HD14 identification_pushed_info_untrue at a village, the city audit: 县扶贫办 not_discovered (二(三)4 对推送对象信息的真实性、完整性负责); no township or village body; the audit office not named",
     ID("identification_pushed_info_untrue", discovered=caud), req=[(CPO, "not_discovered")], forb=NOLOW + [("city_audit",), ("city_*", "not_discovered")])
case("HD15 basic_needs_income_not_raised of the human-resources line at a village, the city's 调研督导: 县人社局 not_discovered; not 县民政局; no city body",
     BN("basic_needs_income_not_raised", sector="hrss", discovered=cres()), req=[("county_hrss", "not_discovered")], forb=[(CCA,), ("city_*", "not_discovered")])
case("HD16 identification_eligible_omitted at a village, the county's 一户一策一干部 03-01 (its own work): the village and the township not_discovered; no county body not_discovered",
     ID("identification_eligible_omitted", discovered=disc("county", "one_household_one_cadre")), req=LOW_ND, forb=[("county_*", "not_discovered")] + NOCITY)
case("HD17 funds_diverted at a village, the province's 财政检查: the township and 县财政局 not_discovered; no city body (its 二(四)7 监管 is over its own level's funds)",
     FU("funds_diverted", discovered=disc("province", "finance_check")), req=TWN_ND + [(CFIN, "not_discovered")], forb=NOCITY)
case("HD18 the same with province_city_discover_specific_problems=true: still no city body (the reading reaches the 抽查 and 监督检查 of 二(五)5 and 二(六)1(5), not a county's funds: 二(四)7 is oversight of the funds' management)",
     FU("funds_diverted", discovered=disc("province", "finance_check")), params=dict(province_city_discover_specific_problems=True), req=TWN_ND + [(CFIN, "not_discovered")], forb=NOCITY)

# ===================== nobody answers =====================
case("NB1 water_facilities_unmaintained at a village, the village's grid 03-01, the village has it seen to itself 03-10 (二(六)5(1) 做好供水工程建设及水源地日常巡查), as of 04-30: nobody",
     WA("water_facilities_unmaintained", discovered=vgrid, rectified_on="2021-03-10", **late), forb=NOBODY)
case("NB2 project_ledger_incomplete at the township's code, the township's grid 03-01, completed 03-10, as of 04-30: nobody",
     PR("project_ledger_incomplete", T, discovered=tgrid, rectified_on="2021-03-10", **late), forb=NOBODY)
case("NB3 basic_needs_approval_late of civil affairs' line at a village, the village's grid 03-01 → the township 03-02 → 县民政局 03-04, approved 03-15, as of 04-30: nobody",
     BN("basic_needs_approval_late", sector="civil_affairs", discovered=vgrid, handled=[rep("village", "township", "2021-03-02"), rep("township", "county", "2021-03-04", body=CCA)], rectified_on="2021-03-15", **late), forb=NOBODY)
case("NB4 education_policy_gap at the city's code, education's line, 市教育局's own 调研督导 03-01, mended 03-20, as of 04-30: nobody",
     ED("education_policy_gap", CITY, sector="education", discovered=cres("city_education"), rectified_on="2021-03-20", **late), forb=NOBODY)
case("NB5 housing_danger_unreported at a village, the province's 调研督导 → the city 03-02 → the county 03-04 → the township 03-06, deadline 03-31, reported and dealt with 03-25, as of 04-30: the village and the township not_discovered only",
     HO("housing_danger_unreported", discovered=pres(), handled=[asg("province", "city", "2021-03-02"), asg("city", "county", "2021-03-04"), asg("county", "township", "2021-03-06")], **dl, rectified_on="2021-03-25", **late),
     req=LOW_ND, forb=NOCITY + NOCNTY + NOPROV + NO_H + NOT_LATE)
case("NB6 specific_problem at a village, the village's grid 03-01, put right by the village 03-10, as of 04-30: nobody",
     DI("specific_problem", discovered=vgrid, rectified_on="2021-03-10", **late), forb=NOBODY)
case("NB7 identification_policy_gap at the county's code, the county hotline → the city 03-03 → the province 03-05, mended 03-25, as of 04-30: nobody",
     ID("identification_policy_gap", C, discovered=hot, handled=[rep("county", "city"), rep("city", "province", "2021-03-05")], rectified_on="2021-03-25", **late), forb=NOBODY)

# ===================== records at the township the library must refuse =====================
refuse("RF1 the hotline at the township: 县（市、区）长热线 is the county's (一(二))", HO("housing_danger_unreported", discovered=disc("township", "hotline")), "level_mismatch", "discovered.level")
refuse("RF2 the township's 调研督导: 调查核查、调研督导 are 省市两级's (一(一))", HO("housing_danger_unreported", discovered=disc("township", "research_supervision")), "level_mismatch", "discovered.level")
refuse("RF3 the township's 巡视: 巡视 is the county's and up", FU("funds_diverted", discovered=disc("township", "inspection_tour")), "level_mismatch", "discovered.level")
refuse("RF4 the township's 检查组抽查: 二(五)5's spot check is 省市's", PR("project_late_or_unfinished", discovered=disc("township", "spot_check")), "level_mismatch", "discovered.level")
refuse("RF5 a township assigning upward to the county", PR("project_late_or_unfinished", discovered=tgrid, handled=[asg("township", "county")]), "wrong_direction", "handled[0].to_level")
refuse("RF6 a township reporting downward to its village", PR("project_late_or_unfinished", discovered=tgrid, handled=[rep("township", "village")]), "wrong_direction", "handled[0].to_level")
refuse("RF7 the county hotline naming the township government as its finder: a body named beside a level is at that level", HO("housing_danger_unreported", discovered=disc("county", "hotline", body=TWN)), "level_mismatch", "discovered.body")
refuse("RF8 a problem at the township's code assigned down to a village: nothing is assigned below the place", PR("project_ledger_incomplete", T, discovered=tgrid, handled=[asg("township", "village")]), "level_mismatch", "handled[0].to_level")
refuse("RF9 a problem at the township's code found by a village's grid: a level below the place cannot find it", PR("project_ledger_incomplete", T, discovered=vgrid), "level_mismatch", "discovered.level")
refuse("RF10 a city's own policy gap with the township named as concealer: below the place", ID("identification_policy_gap", CITY, discovered=pres(), concealed_by=["township"]), "concealment", "concealed_by[0]")
refuse("RF11 the township named as concealer of what the press found: the media checks no one (一(四) 上级核查和巡视审计等过程中)", FU("funds_diverted", discovered=disc("county", "media"), concealed_by=["township"]), "concealment", "concealed_by[0]")

# ===================== a last batch at the township: passing on to the county, passing down to the village =====================
case("TX1 housing_danger_unreported at a village, the village's grid 03-01 → the township 03-02 → 县建设局 03-04, the county sits, as of 03-25: 县建设局 not_handled (二(六)4(3) 负责农村困难家庭危房鉴定…); no township or village body (each passed it on in time)",
     HO("housing_danger_unreported", discovered=vgrid, handled=[rep("village", "township", "2021-03-02"), rep("township", "county", "2021-03-04", body=CCO)], **sit),
     req=[(CCO, "not_handled")], forb=NOLOW + NOCITY)
case("TX2 funds_allocation_irregular at the township's code (the county's allocation to it, 二(四)3 办理资金分配), the township's 动态跟踪 03-01, reported to 县财政局 03-03, as of 03-25: 县财政局 not_handled; no township body",
     FU("funds_allocation_irregular", T, discovered=tdyn, handled=[rep("township", "county", body=CFIN)], **sit), req=[(CFIN, "not_handled")], forb=NOTWN + NOCITY)
case("TX3 water_facilities_unmaintained at a village, the county hotline → the township 03-03 → the village 03-05, deadline 03-31, not maintained by 04-30: the village not_rectified; the township, which passed it down in time, presses (reassigned_level_answers default), not not_rectified; the county does not press a village beside its township (三(二) 一级抓一级)",
     WA("water_facilities_unmaintained", discovered=hot, handled=[asg("county", "township"), asg("township", "village", "2021-03-05")], **dl, **late),
     req=[(b, "not_rectified") for b in VIL] + [(TWN, "supervision")], forb=[(TWN, "not_rectified"), ("county_*", "not_rectified")] + NO_H + NOCITY)
case("TX4 the same with reassigned_level_answers=rectification: the township not_rectified (as the assignee), not also supervision; listed",
     WA("water_facilities_unmaintained", discovered=hot, handled=[asg("county", "township"), asg("township", "village", "2021-03-05")], **dl, **late), params=dict(reassigned_level_answers="rectification"),
     req=[(TWN, "not_rectified")] + [(b, "not_rectified") for b in VIL], forb=[(TWN, "supervision")] + NO_H, listed=["reassigned_level_answers"])
case("TX5 education_aid_not_paid of finance's line at a village, the county's 巡视 03-01, the township concealed it: the township concealed (一(四); 二(二)4); no county body not_discovered (the county's own 巡视); no village body; the school not named",
     ED("education_aid_not_paid", sector="finance", discovered=disc("county", "inspection_tour"), concealed_by=["township"]), req=[(TWN, "concealed")],
     forb=[("county_*", "not_discovered"), (SCHOOL,)] + NOVIL + NOCITY, cl=[(TWN, "concealed", ["一(四)", "二(二)4"], [])])
case("TX6 basic_needs_not_helped_to_apply at a village, the township's grid 03-01 hands it to the village 03-03, deadline 03-31, the village helps the household apply 03-20, as of 04-30: the village not_discovered only",
     BN("basic_needs_not_helped_to_apply", discovered=tgrid, handled=[asg("township", "village")], **dl, rectified_on="2021-03-20", **late), req=VIL_ND,
     forb=NOTWN + NOCNTY + NOCITY + NO_H + NOT_LATE)
case("TX7 project_ledger_incomplete at the township's code, the township's own 纪委 03-01, the township sits, as of 04-30: the township not_handled (its own ledger, 二(五)2 做好项目台账资料, neither completed nor reported); nobody not_discovered (its own level's organ found it); no county body",
     PR("project_ledger_incomplete", T, discovered=disc("township", "discipline_inspection"), **late), req=[(TWN, "not_handled")], forb=NO_ND + NOCNTY + NOCITY)
case("TX8 project_late_or_unfinished at a village, the county hotline → the township 03-03 → the village 03-05, deadline 03-31, not finished by 04-30, grave: the village not_rectified, staff + unit + leadership; the township presses; the county's 主体责任 (二(五)4); no township 主体责任",
     PR("project_late_or_unfinished", discovered=hot, handled=[asg("county", "township"), asg("township", "village", "2021-03-05")], **dl, severity="grave", **late),
     req=[(b, "not_rectified", S3UL) for b in VIL] + [(TWN, "supervision")] + CNTY_MR, forb=[(TWN, "not_rectified")] + NO_TWN_MR + NO_CITY_MR + NO_H)

# ===================== a last batch: records naming no kind at the township; the city's own gap; the province's sitting =====================
case("NK1 a funds record naming no kind and no line at the township's code, the province's 调研督导: the township not_discovered (二(二)2; 二(四)2 本辖区内扶贫资金使用的绩效…专款专用…资产日常监管); no county line department by name (二(二)3 涉及本部门问题: the record shows none concerned — 县水利、教育、卫健、民政 not); no village body; no city body",
     {"area": "funds", "place": T, "discovered": pres()}, req=TWN_ND,
     forb=[(CWA, "not_discovered"), (CEDU, "not_discovered"), ("county_health", "not_discovered"), (CCA, "not_discovered")] + NOVIL + NOCITY)
case("NK2 a housing record naming no kind at a village, the province's 巡视: the village and the township not_discovered (二(六)4(1)–(2), 二(二)1–2); 县财政局, 县民政局 and 县自然资源局 not named by name (二(六)4(4)'s parts are each a line's: the record shows none of them concerned); no city body",
     {"area": "housing", "place": "330127100219", "discovered": ptour}, req=LOW_ND,
     forb=[(CFIN, "not_discovered"), (CCA, "not_discovered"), ("county_natural_resources", "not_discovered"), (CEDU,)] + NOCITY)
case("NK3 an identification record naming no kind at the township's code, the city's 调研督导: the township not_discovered (二(三)2); neither 县民政局 nor 县扶贫办 by name (二(三)3–4 each its own part: the record does not say whose); the county's Party committee and government not",
     {"area": "identification", "place": T, "discovered": cres()}, req=TWN_ND,
     forb=[(CCA, "not_discovered"), (CPO, "not_discovered")] + CNTY_LEADS_ND + NOVIL + NOCITY)
case("HD19 funds_diverted at a village, the press at the county's level 03-01: the township not_discovered; no county body not_discovered (the county's level found it through an outside channel: outside_channel_finder_level default); no audit office (二(四)8's 确保及时全面发现问题 is 省市审计's, above the finder); no city body",
     FU("funds_diverted", discovered=disc("county", "media")), req=TWN_ND, forb=[("county_*", "not_discovered"), ("*audit",), ("media",)] + NOCITY)
case("CY27 funds_rules_gap at the city's code of finance's line (二(四)7 会同有关行业主管部门制定扶贫资金管理和绩效评价制度), the province's 调研督导 03-01 hands it to 市财政局 03-03, deadline 03-31, not mended by 04-30: 市财政局 not_rectified; no province body at all (二(二)5 指导督促**基层**: the city is not the province's 基层, 一(三)); no county body",
     FU("funds_rules_gap", CITY, sector="finance", discovered=pres(), handled=[asg("province", "city", body="city_finance")], **dl, **late),
     req=[("city_finance", "not_rectified")], forb=NOPROV + NOCNTY + NOLOW + [("city_poverty_office", "not_rectified")])
case("PV18 education_aid_support_missing at the county's code (二(六)2(3) 统筹协调…学生资助管理机构、人员和经费保障), the province's 巡视 03-01, the province sits, as of 03-25: the county's Party committee and government not_discovered; a province body not_handled; no city body (never told); no school, no township or village",
     ED("education_aid_support_missing", C, discovered=ptour, **sit), req=CNTY_LEADS_ND + [("province_*", "not_handled")], forb=NOCITY + NOLOW + [(SCHOOL,), ("county_*", "not_handled")])
case("PV19 funds_allocation_irregular at the province's code (二(四)7 财政部门…审核行业主管部门分配建议办理资金分配), the province audit 03-01, the province sits, as of 03-25: a province body not_handled; nobody not_discovered (its own level's audit found it); the audit office, the city and the county not named",
     FU("funds_allocation_irregular", PROV, discovered=paud, **sit), req=[("province_*", "not_handled")], forb=NO_ND + [("province_audit",)] + NOCITY + NOCNTY + NOLOW)
case("PV20 funds_performance_evaluation_missing at the province's code (二(四)7 组织开展重点绩效评价), the province's 纪委 03-01 hands it to 省财政厅 03-03, deadline 03-31, not done by 04-30: 省财政厅 not_rectified; the 纪委 not named; no city or county body",
     FU("funds_performance_evaluation_missing", PROV, discovered=disc("province", "discipline_inspection"), handled=[asg("province", "province", body="province_finance")], **dl, **late),
     req=[("province_finance", "not_rectified")], forb=[("province_discipline",)] + NOCITY + NOCNTY + NOLOW)
case("PV21 projects_policy_gap at the province's code, 民宗's line (二(五)5 扶贫、财政、民宗等部门负责…政策措施制定完善), the press 03-01, the province sits, as of 03-25: 省民宗委 not_handled; not 省财政厅 or 省扶贫办 (another line); no city or county body",
     PR("projects_policy_gap", PROV, sector="ethnic_religious", discovered=disc("province", "media"), **sit), req=[("province_ethnic_religious", "not_handled")],
     forb=[("province_finance",), ("province_poverty_office",)] + NOCITY + NOCNTY + [("media",)])
case("PV22 identification_policy_gap at the province's code, the province's 人大政协 03-01, handed to 省扶贫办 03-03 (二(三)7 协助民政部门…开展监督: it makes no identification policy, 二(三)6 is 民政's), deadline 03-31, not mended by 04-30: 省扶贫办 not not_rectified; a province body answers; no city or county body",
     ID("identification_policy_gap", PROV, discovered=disc("province", "congress_cppcc"), handled=[asg("province", "province", body="province_poverty_office")], **dl, **late),
     req=[("province_*",)], forb=[("province_poverty_office", "not_rectified"), ("province_congress",), ("province_cppcc",)] + NOCITY + NOCNTY)
case("PV23 basic_needs_policy_gap at the province's code, civil affairs' line, the press 03-01, 省民政厅 mends it itself 03-15 (no step), as of 04-30: nobody",
     BN("basic_needs_policy_gap", PROV, sector="civil_affairs", discovered=disc("province", "media"), rectified_on="2021-03-15", **late), forb=NOBODY)
case("PV24 housing_policy_gap at the province's code, the province audit 03-01, 省建设厅 concealed it from its own level's audit: 省建设厅 concealed (一(四) 巡视审计等过程中瞒报漏报; same_level_oversight_concealment, listed), not not_discovered; the audit office not named; no city or county body",
     HO("housing_policy_gap", PROV, discovered=paud, concealed_by=["province_construction"]), req=[("province_construction", "concealed")],
     forb=[("province_construction", "not_discovered"), ("province_audit",)] + NOCITY + NOCNTY, listed=["same_level_oversight_concealment"])
