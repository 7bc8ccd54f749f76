"""check63's records, written from the text before the library was run on them (session 62): the ground the earlier
from-text audits (check55–check62, tests/from_text55_cases.py–from_text62_cases.py) covered least — 教育扶贫 (二(六)2:
学生资助 认定、拨付、发放、名单、程序), 健康扶贫 (二(六)3: 帮助申请、材料真实性、审核审批、核算、补充保险), 项目管理 (二(五): 民主决策
公示、审核、项目库、录入系统、验收、台账), 资金管理使用 (二(四): 专款专用、绩效、资产、分配、制度), 低收入农户精准识别 (二(三)), 饮水
(二(六)5), 两不愁 (二(六)1), the province's and city's own duties in each area (二(二)5 and each area's 省市 clause), the
liability tiers of 一(四) (相关工作人员; 所在单位和领导 by 情形严重和不良后果程度) with 主体责任 in each area's county clause, and
records the library must refuse, each with the reason code it must give (docs/records.md).

Each record names what the text requires (``req``) and the bodies it forbids naming (``forb``; ``fl``, a body with a
liability it must not carry); ``cl`` names clauses a finding must (and must not) cite; ``code`` the refusal's reason
code. tests/test_from_text63.py runs them; the auditor's report is /work/helpers/s62/check63-report.md. A record
whose first expectation was the auditor's own misreading says so in its name ("[After the run: …]").
"""
# ruff: noqa: E501, E702, E731, RUF005
# One record to a call, as tests/from_text55_cases.py–from_text62_cases.py write them (not reflowed by ruff format):
# fmt: off

from __future__ import annotations

from typing import Any

from .from_text import (
    CITY,
    CITYPROV,
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
    R,
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
V63 = "330127100219"  # 富城村 (from_text.V), for the records written out in Chinese
S3 = ["staff"]; S3U = ["staff", "unit"]; S3UL = ["staff", "unit", "leadership"]
NOLEAD = [("*", None, "leadership")]; NOUNIT = [("*", None, "unit")]
NO_H = [("*", "not_handled")]; NO_R = [("*", "not_rectified")]; NO_S = [("*", "supervision")]; NO_C = [("*", "concealed")]
NO_ND = [("*", "not_discovered")]
cres = lambda body=None: disc("city", "research_supervision", body=body)
pres = lambda body=None: disc("province", "research_supervision", body=body)
csv_ = lambda body=None: disc("city", "survey_verification", body=body)
paud = disc("province", "audit", body="province_audit"); caud = disc("city", "audit", body="city_audit")
chv = disc("city", "higher_level_verification")
ccen = disc("county", "verification_census")
dl = dict(deadline="2021-03-31")
SCHOOL = "county_school"; CEDU = "county_education"; CFIN = "county_finance"; CPO = "county_poverty_office"
CMI = "county_medical_insurance"; CCA = "county_civil_affairs"; CDF = "county_disabled_federation"
NOT_EDU_OTHERS = [(CPO,), ("county_hrss",), ("county_medical_insurance",), ("county_construction",)]

# ===================== 教育扶贫 二(六)2 =====================
case("ED1 education_student_not_identified, the province's 调研督导 03-01: the school (二(六)2(1) 各学校负责本校的学生资助对象认定) and 县教育局 (二(六)2(2) 认定、审核) not_discovered; no village or township (not their 具体问题: the school's and the bureau's own work); no city body (the province found it; the city's checks do not make it answer by default); 县财政局、民政局、残联、扶贫办 not named",
     ED("education_student_not_identified", discovered=pres()), req=[(SCHOOL, "not_discovered", S3), (CEDU, "not_discovered", S3)],
     forb=NOLOW + CITYPROV + [(CFIN,), (CCA,), (CDF,), (CPO,)], fl=NOUNIT + NOLEAD)
case("ED2 the same, serious: the school and 县教育局 staff + unit (一(四) 根据情形严重…追究所在单位); no leadership; no 主体责任",
     ED("education_student_not_identified", discovered=pres(), severity="serious"), req=[(SCHOOL, "not_discovered", S3U), (CEDU, "not_discovered", S3U)],
     forb=NO_MR + NOLOW, fl=NOLEAD)
case("ED3 the same, grave: staff + unit + leadership; the county's Party committee and government 主体责任 citing 二(六)2(3) (对当地教育扶贫工作负主体责任); no city, province or township 主体责任",
     ED("education_student_not_identified", discovered=pres(), severity="grave"), req=[(SCHOOL, "not_discovered", S3UL), (CEDU, "not_discovered", S3UL)] + CNTY_MR,
     forb=NO_CITY_MR + NO_PROV_MR + NO_TWN_MR + NOLOW, cl=[("county_party_committee", "main_responsibility", ["二(六)2(3)"], []), ("county_government", "main_responsibility", ["二(六)2(3)"], [])])
case("ED4 education_aid_not_paid of finance's line (未及时拨付, 二(六)2(2) 县财政局负责及时拨付和监管资助资金), found by the province audit: 县财政局 not_discovered; not the school (its 发放 is not what failed), not 县教育局 (认定、审核 is not paying); no audit office named; no city body",
     ED("education_aid_not_paid", sector="finance", discovered=paud), req=[(CFIN, "not_discovered")],
     forb=[(SCHOOL,), (CEDU,), (CPO,), ("province_audit",), ("city_*",)] + NOLOW)
case("ED5 education_aid_not_paid of finance's line, county hotline 03-01, the county sits (as of 03-25): 县财政局 not_handled (the county's holder of its own line, 一(三) 按照问题类别…交办); nobody not_discovered (the county found it through an outside channel, and nothing below the county had a part in 拨付); no school, no 县教育局",
     ED("education_aid_not_paid", sector="finance", discovered=hot, **sit), req=[(CFIN, "not_handled")],
     forb=NO_ND + [(SCHOOL,), (CEDU,), (CPO,)] + NOLOW + CITYPROV)
case("ED6 the same, the county hands it to 县财政局 03-03, deadline 03-31, not paid by 04-30: 县财政局 not_rectified (一(四) 交办问题整改落实不到位); nobody not_handled; no school, no 县教育局 not_rectified; no city or province",
     ED("education_aid_not_paid", sector="finance", discovered=hot, handled=[asg("county", "county", body=CFIN)], **dl, **late), req=[(CFIN, "not_rectified")],
     forb=NO_H + [(SCHOOL,), (CEDU, "not_rectified"), (CPO,)] + NOLOW + CITYPROV)
case("ED7 the same paid 03-20: nobody answers (found by an outside channel, passed on in 2 days, rectified by its deadline)",
     ED("education_aid_not_paid", sector="finance", discovered=hot, handled=[asg("county", "county", body=CFIN)], **dl, rectified_on="2021-03-20", **late), forb=NOBODY)
case("ED8 education_aid_not_paid of the school's line (发放, 二(六)2(1) 确保各项资助经费提取、发放和使用的规范), county hotline, handed to the school 03-03, deadline 03-31, not paid out by 04-30: the school not_rectified; 县教育局 not named (it does not pay); 县财政局 not not_rectified (not its part)",
     ED("education_aid_not_paid", sector="county_school", discovered=hot, handled=[asg("county", "county", body=SCHOOL)], **dl, **late), req=[(SCHOOL, "not_rectified")],
     forb=[(CEDU,), (CFIN, "not_rectified"), (CPO,)] + NO_H + NOLOW + CITYPROV)
case("ED9 education_lists_not_provided of civil affairs' line (二(六)2(2) 县民政局负责提供低收入家庭学生名单), county hotline, the county sits (as of 03-25): 县民政局 not_handled; not 县残联 (the other list), not the school or 县教育局 (the text names no receiver of the lists)",
     ED("education_lists_not_provided", sector="civil_affairs", discovered=hot, **sit), req=[(CCA, "not_handled")],
     forb=[(CDF,), (SCHOOL,), (CEDU,), (CPO,)] + NO_ND + NOLOW + CITYPROV)
case("ED10 education_lists_not_provided of the disabled federation's line (县残联负责提供学龄段持证残疾人名单), the city's 调研督导, grave: 县残联 not_discovered, staff + unit + leadership; the county's 主体责任; not 县民政局",
     ED("education_lists_not_provided", sector="disabled_federation", discovered=cres(), severity="grave"), req=[(CDF, "not_discovered", S3UL)] + CNTY_MR,
     forb=[(CCA,), (SCHOOL,), (CEDU,)] + NOLOW + NO_CITY_MR + NO_PROV_MR)
case("ED11 education_aid_procedure_irregular (结果未公示, 二(六)2(1) the school's 提前告知…结果公示、建档备案), county hotline, handed to the school 03-03, deadline 03-31, put right 03-20, as of 04-30: the school not_discovered (it is placed at the county but is not the county's 级, unit_below_own_level: another body of the county level found its own problem); no 整改不到位, no pressing, nobody not_handled; 县教育局 not named (education_review_covers_procedure default) [After the run: not listed, rightly — under true the bureau, of the finder's level, had nothing to find, and the county passed the problem on in 2 days and it was put right in time: the verdict does not rest on it]",
     ED("education_aid_procedure_irregular", discovered=hot, handled=[asg("county", "county", body=SCHOOL)], **dl, rectified_on="2021-03-20", **late),
     req=[(SCHOOL, "not_discovered")], forb=NO_H + NOT_LATE + [(CEDU,), (CFIN,)] + NOLOW, notlisted=["education_review_covers_procedure"])
case("ED12 education_aid_procedure_irregular, the city's 调研督导, with education_review_covers_procedure=true: the school and 县教育局 not_discovered; listed",
     ED("education_aid_procedure_irregular", discovered=cres()), params=dict(education_review_covers_procedure=True),
     req=[(SCHOOL, "not_discovered"), (CEDU, "not_discovered")], forb=[(CFIN,)] + NOLOW, listed=["education_review_covers_procedure"])
case("ED13 education_aid_support_missing at the county's code (二(六)2(3) 统筹协调…学生资助管理机构、人员和经费保障), the province's 调研督导, serious: the county's Party committee and government not_discovered (staff + unit); no school, bureau, township or village; no 主体责任 (serious)",
     ED("education_aid_support_missing", C, discovered=pres(), severity="serious"), req=[("county_party_committee", "not_discovered", S3U), ("county_government", "not_discovered", S3U)],
     forb=[(SCHOOL,), (CEDU,), (CFIN,), ("city_*",)] + NOLOW + NO_MR, fl=NOLEAD)
case("ED14 education_policy_gap at the county's code, education's line, the county hotline reports it to the province 03-03 (the province's policy: beyond the county's authority, 一(三)), the province sits (as of 03-25): 省教育厅 not_handled; no other line's department (财政、民政、人社、残联、扶贫) — the record names education's; no county body; the city (never told) not named",
     ED("education_policy_gap", C, sector="education", discovered=hot, handled=[rep("county", "province")], **sit), req=[("province_education", "not_handled")],
     forb=[("province_finance",), ("province_civil_affairs",), ("province_hrss",), ("province_disabled_federation",), ("province_poverty_office",), ("county_*",), ("city_*",)] + NOLOW)
case("ED15 the same, the province mends the policy 04-10: nobody answers",
     ED("education_policy_gap", C, sector="education", discovered=hot, handled=[rep("county", "province")], rectified_on="2021-04-10", **late), forb=NOBODY)
case("ED16 education_policy_gap at the city's code (the city's own policy), civil affairs' line, found by the province's 调研督导 03-01, assigned to 市民政局 03-03, deadline 03-31, not mended by 04-30: 市民政局 not_rectified; not 市教育局 or 市财政局 (another line); no county body",
     ED("education_policy_gap", CITY, sector="civil_affairs", discovered=pres(), handled=[asg("province", "city", body="city_civil_affairs")], **dl, **late),
     req=[("city_civil_affairs", "not_rectified")], forb=[("city_education",), ("city_finance",), ("city_hrss", "not_rectified"), ("county_*",)] + NOLOW)
case("ED17 education_student_not_identified, the city's 上级核查 03-01, 县教育局 concealed it (一(四) 瞒报漏报): 县教育局 concealed, not also not_discovered; the school not_discovered (a unit below the county's own level still missed what it had to find); no village/township; no city body",
     ED("education_student_not_identified", discovered=chv, concealed_by=[CEDU]), req=[(CEDU, "concealed"), (SCHOOL, "not_discovered")],
     forb=[(CEDU, "not_discovered"), (SCHOOL, "concealed"), ("city_*",)] + NOLOW, cl=[(CEDU, "concealed", ["一(四)"], [])])
case("ED18 the same with the county (no body named) as concealer, grave: 县教育局 (the county's one body for it) concealed, staff + unit + leadership; the school not_discovered, staff + unit + leadership; the county's 主体责任",
     ED("education_student_not_identified", discovered=chv, concealed_by=["county"], severity="grave"), req=[(CEDU, "concealed", S3UL), (SCHOOL, "not_discovered", S3UL)] + CNTY_MR,
     forb=[(CEDU, "not_discovered"), (CFIN, "concealed"), (CPO, "concealed"), ("county_party_committee", "concealed"), ("county_government", "concealed")] + NOLOW + NO_CITY_MR)
case("ED19 education_aid_records_irregular (档案管理, the school's alone, 二(六)2(1) 安排专人专职负责…档案管理的规范), the city's 调查核查, handed to the county 03-03 and by the county to the school 03-05, deadline 03-31, not put right by 04-30: the school not_rectified and not_discovered; 县财政局 and 县教育局 not named (neither holds the records)",
     ED("education_aid_records_irregular", discovered=csv_(), handled=[asg("city", "county"), asg("county", "county", "2021-03-05", body=SCHOOL)], **dl, **late),
     req=[(SCHOOL, "not_rectified"), (SCHOOL, "not_discovered")], forb=[(CFIN,), (CEDU,), (CPO,)] + NO_H + NOLOW)
case("ED20 education_aid_funds_irregular (经费使用不规范), the city's 调研督导: the school (确保…使用的规范) and 县财政局 (监管资助资金) not_discovered; 县教育局 not",
     ED("education_aid_funds_irregular", discovered=cres()), req=[(SCHOOL, "not_discovered"), (CFIN, "not_discovered")], forb=[(CEDU,), (CPO,)] + NOLOW)

# ===================== 健康扶贫 二(六)3 =====================
case("HE1 health_application_not_helped at a village (二(六)3(1) 村党支部、村委会：帮助符合医疗救助条件低收入农户提出申请), the city's 调研督导: the village not_discovered; no county department (医保's 审核审批 comes after an application; 财政、扶贫办 have no part); no city body",
     HE("health_application_not_helped", discovered=cres()), req=VIL_ND, forb=[(CFIN,), (CPO,), (CMI, "not_discovered"), ("city_*",), ("province_*",)])
case("HE2 the same, county hotline 03-01 → township 03-03 → village 03-05, deadline 03-31, the village helps the household apply 03-20, as of 04-30: the village not_discovered; nobody not_handled, not_rectified or supervision",
     HE("health_application_not_helped", discovered=hot, handled=[asg("county", "township"), asg("township", "village", "2021-03-05")], **dl, rectified_on="2021-03-20", **late),
     req=VIL_ND, forb=NO_H + NOT_LATE + CITYPROV + [(CPO,), (CFIN,)])
case("HE3 the same not done by 04-30: the village not_rectified; the township presses its village (supervision); the county does not press a village beside its township by default; no city",
     HE("health_application_not_helped", discovered=hot, handled=[asg("county", "township"), asg("township", "village", "2021-03-05")], **dl, **late),
     req=[(b, "not_rectified") for b in VIL] + [(TWN, "supervision")], forb=NO_H + [(TWN, "not_rectified"), ("county_*", "not_rectified"), ("county_*", "supervision")] + CITYPROV)
case("HE4 health_application_not_helped, grave, the province's 调研督导: the village not_discovered, staff + unit + leadership; the county's 主体责任 citing 二(六)3(4) (对当地健康扶贫工作负主体责任); no township, city or province 主体责任",
     HE("health_application_not_helped", discovered=pres(), severity="grave"), req=[(b, "not_discovered", S3UL) for b in VIL] + CNTY_MR,
     forb=NO_TWN_MR + NO_CITY_MR + NO_PROV_MR, cl=[("county_party_committee", "main_responsibility", ["二(六)3(4)"], [])])
case("HE5 health_false_materials at a village (二(六)3(1) 对所提供的证明材料真实性负责; 二(六)3(2) 乡镇：对入户核实的申请材料的真实性负责), the county's own 核查普查: the village and the township not_discovered; 县医保局 not; no county body not_discovered (the finder's own work) [After the run: review_answers_for_false_materials is not listed, rightly — the county found it by its own work, so 县医保局, of the finder's level, has nothing to find under either value]",
     HE("health_false_materials", discovered=ccen), req=LOW_ND, forb=[("county_*", "not_discovered"), (CFIN,), (CPO,)] + CITYPROV, notlisted=["review_answers_for_false_materials"])
case("HE6 the same found by the city's 调研督导 with review_answers_for_false_materials=true: 县医保局 not_discovered too (its 审核 read as reaching the materials); the village and township; listed",
     HE("health_false_materials", discovered=cres()), params=dict(review_answers_for_false_materials=True), req=LOW_ND + [(CMI, "not_discovered")],
     forb=[(CFIN,), (CPO,)], listed=["review_answers_for_false_materials"])
case("HE7 health_false_materials at a village, the city's 上级核查, the village concealed it: the village concealed (一(四) 瞒报漏报), not also not_discovered; the township not_discovered; no county or city body",
     HE("health_false_materials", discovered=chv, concealed_by=["village"]), req=[(b, "concealed") for b in VIL] + [(TWN, "not_discovered")],
     forb=[("village_*", "not_discovered"), (TWN, "concealed"), ("county_*",), ("city_*",)], cl=[(b, "concealed", ["一(四)"], []) for b in VIL])
case("HE8 health_assistance_late of 医保's line (审核审批, 二(六)3(3) 县级医保部门负责医疗救助业务的审核、审批), the city's 调研督导, serious: 县医保局 not_discovered (staff + unit); not 县财政局; no village or township (a county bureau's step)",
     HE("health_assistance_late", sector="medical_insurance", discovered=cres(), severity="serious"), req=[(CMI, "not_discovered", S3U)],
     forb=[(CFIN,), (CPO,)] + NOLOW + NO_MR, fl=NOLEAD)
case("HE9 health_assistance_late of finance's line (资金拨付, 二(六)3(3) 县财政局负责资金拨付和监管), the city's 调研督导: 县财政局 not_discovered; not 县医保局",
     HE("health_assistance_late", sector="finance", discovered=cres()), req=[(CFIN, "not_discovered")], forb=[(CMI,), (CPO,)] + NOLOW)
case("HE10 health_assistance_late of 医保's line, county hotline, the county hands it to 县医保局 03-03, deadline 03-31, approved 03-25, as of 04-30: nobody answers",
     HE("health_assistance_late", sector="medical_insurance", discovered=hot, handled=[asg("county", "county", body=CMI)], **dl, rectified_on="2021-03-25", **late), forb=NOBODY)
case("HE11 the same not approved by 04-30: 县医保局 not_rectified; not 县财政局; no township or village",
     HE("health_assistance_late", sector="medical_insurance", discovered=hot, handled=[asg("county", "county", body=CMI)], **dl, **late), req=[(CMI, "not_rectified")],
     forb=[(CFIN,), (CPO,)] + NOLOW + NO_H + CITYPROV)
case("HE12 health_costs_accounting_irregular (二(六)3(3) 医疗救助费用的核算、汇总上报), the province's 调查核查 03-01: 县医保局 not_discovered; not 县财政局 or 县扶贫办; no village or township; no city body",
     HE("health_costs_accounting_irregular", discovered=disc("province", "survey_verification")), req=[(CMI, "not_discovered")], forb=[(CFIN,), (CPO,), ("city_*",)] + NOLOW)
case("HE13 health_insurance_not_in_place (二(六)3(3) 县扶贫办负责低收入农户医疗补充政策性保险的工作), the city's 调研督导: 县扶贫办 not_discovered; not 县医保局 or 县财政局; no village or township",
     HE("health_insurance_not_in_place", discovered=cres()), req=[(CPO, "not_discovered")], forb=[(CMI,), (CFIN,)] + NOLOW)
case("HE14 health_insurance_not_in_place, county hotline, the county sits (as of 03-25): 县扶贫办 not_handled; nobody else",
     HE("health_insurance_not_in_place", discovered=hot, **sit), req=[(CPO, "not_handled")], forb=[(CMI,), (CFIN,), ("county_party_committee",), ("county_government",)] + NOLOW + CITYPROV)
case("HE15 health_insurance_not_in_place, the city's 调研督导 03-01 assigns it to 县扶贫办 03-03, deadline 03-31, not in place by 04-30: 县扶贫办 not_rectified (and not_discovered); a city body presses the county it assigned (二(二)5 省市有关部门…负责指导督促基层问题发现和整改); not 县医保局",
     HE("health_insurance_not_in_place", discovered=cres(), handled=[asg("city", "county", body=CPO)], **dl, **late), req=[(CPO, "not_rectified"), (CPO, "not_discovered"), ("city_*", "supervision")],
     forb=[(CMI,), (CFIN,), ("province_*",)] + NOLOW)
case("HE16 health_policy_gap at the county's code, 医保's line (二(六)3(5) 医保、卫健等…负责制定健康扶贫相关政策), the county hotline reports it to the city 03-03 and the city to the province 03-05, the province sits (as of 03-25): 省医保局 not_handled; not 省卫健委 (another line); the county and the city passed it on in time",
     HE("health_policy_gap", C, sector="medical_insurance", discovered=hot, handled=[rep("county", "city"), rep("city", "province", "2021-03-05")], **sit),
     req=[("province_medical_insurance", "not_handled")], forb=[("province_health",), ("county_*",), ("city_*",)] + NOLOW)
case("HE17 health_policy_gap at the city's code (the city's own policy), 卫健's line, found by the city audit, 市卫健委 sits (as of 03-25): 市卫健委 not_handled; the audit office not named; no county body; not 市医保局",
     HE("health_policy_gap", CITY, sector="health", discovered=caud, **sit), req=[("city_health", "not_handled")], forb=[("city_audit",), ("city_medical_insurance",), ("county_*",)] + NOLOW)

# ===================== refusals (docs/records.md, Rules the parser enforces) =====================
refuse("RF1 an education record of a health kind (health_policy_gap): the kind is not the area's", ED("health_policy_gap", C), "unknown_kind", "kind")
refuse("RF2 a housing record of an education kind", HO("education_student_not_identified"), "unknown_kind", "kind")
refuse("RF3 a health record of education's line: 二(六)3 gives no education department a part in 健康扶贫", HE("health_assistance_late", sector="education", discovered=hot), "sector_not_in_area", "sector")
refuse("RF4 a water record of civil affairs' line: 二(六)5 names 水利、卫健 and the 统管单位, not 民政", WA("water_quality_substandard", sector="civil_affairs", discovered=hot), "sector_not_in_area", "sector")
refuse("RF5 a project record at an 8-digit place (no division code has 8 digits)", PR("project_not_deliberated", "33012710"), "bad_place", "place")
refuse("RF6 a county-code education record found by the township's grid: a level below the place cannot find it", ED("education_aid_support_missing", C, discovered=disc("township", "grid")), "level_mismatch", "discovered.level")
refuse("RF7 the city's 调研督导 naming 县教育局 as its finder: a body named beside a level is at that level", ED("education_student_not_identified", discovered=cres(CEDU)), "level_mismatch", "discovered.body")
refuse("RF8 an assignment upward (county → city)", FU("funds_diverted", discovered=hot, handled=[asg("county", "city")]), "wrong_direction", "handled[0].to_level")
refuse("RF9 a report downward (county → township)", FU("funds_diverted", discovered=hot, handled=[rep("county", "township")]), "wrong_direction", "handled[0].to_level")
refuse("RF10 rectified before it was found", PR("project_late_or_unfinished", discovered=hot, rectified_on="2021-02-20"), "order_violation", "rectified_on")
refuse("RF11 a deadline before the first assignment", PR("project_late_or_unfinished", discovered=hot, handled=[asg("county", "township", "2021-03-05")], deadline="2021-03-04"), "order_violation", "deadline")
refuse("RF12 a step before the discovery", ID("identification_eligible_omitted", discovered=hot, handled=[asg("county", "township", "2021-02-27")]), "order_violation", "handled[0].on")
refuse("RF13 steps out of order (the second before the first)", ID("identification_eligible_omitted", discovered=hot, handled=[asg("county", "township", "2021-03-05"), asg("township", "village", "2021-03-04")]), "order_violation", "handled[1].on")
refuse("RF14 assessed before it was found", BN("basic_needs_payment_late", discovered=hot, as_of="2021-02-20"), "order_violation", "as_of")
refuse("RF15 an assignment's own deadline before its step", BN("basic_needs_payment_late", discovered=hot, handled=[dict(asg("county", "township", "2021-03-05"), deadline="2021-03-04")]), "order_violation", "handled[0].deadline")
refuse("RF16 a report upward carrying a deadline: a report hands no period to anyone", WA("water_unsafe_unreported", discovered=disc("township", "grid"), handled=[dict(rep("township", "county"), deadline="2021-03-31")]), "bad_value", "handled[0].deadline")
refuse("RF17 信访 as the channel: not one of the text's (一(一)–(二), 二(一)2)", HE("health_application_not_helped", discovered=disc("county", "信访")), "unknown_channel", "discovered.channel")
refuse("RF18 the city's own 全科网格: the grid is the county's and below (一(一))", HE("health_application_not_helped", discovered=disc("city", "grid")), "level_mismatch", "discovered.level")
refuse("RF19 the hotline at the province: 县（市、区）长热线 is the county's (一(二))", FU("funds_diverted", discovered=disc("province", "hotline")), "level_mismatch", "discovered.level")
refuse("RF20 the village's own 纪委监委 check: 纪委监委 is the township's and up", FU("funds_diverted", discovered=disc("village", "discipline_inspection")), "level_mismatch", "discovered.level")
refuse("RF21 the township's audit: 审计 is the county's and up", FU("funds_diverted", discovered=disc("township", "audit")), "level_mismatch", "discovered.level")
refuse("RF22 severity 轻微: not one of 一般、较重、严重", PR("project_not_deliberated", discovered=hot, severity="轻微"), "bad_value", "severity")
refuse("RF23 a concealer named with the county's dynamic tracking (动态跟踪 checks no one: no 核查、巡视、审计)", ID("identification_eligible_omitted", discovered=disc("county", "dynamic_tracking"), concealed_by=["village"]), "concealment", "concealed_by[0]")
refuse("RF24 handled with no discovery", PR("project_late_or_unfinished", handled=[asg("county", "township")]), "missing_discovery", "discovered")
refuse("RF25 the village's grid at an urban community (青城社区 330127100001): no village-level body there by default", HE("health_application_not_helped", "330127100001", discovered=disc("village", "grid")), "level_mismatch", "discovered.level")
refuse("RF26 found 2019-12-30 and assessed 2020-01-05, before the policy applied", FU("funds_diverted", discovered=disc("county", "hotline", "2019-12-30"), as_of="2020-01-05"), "before_effect", None)
refuse("RF27 the county's unnamed holder (county_holders_unnamed) as an assignee: a verdict's stand-in, no body a record can name", FU("funds_diverted", discovered=hot, handled=[asg("county", "county", body="county_holders_unnamed")]), "unknown_body", "handled[0].to_body")
refuse("RF28 a place outside the jurisdiction (110000, Beijing)", FU("funds_diverted", "110000", discovered=hot), "unknown_place", "place")
refuse("RF29 the county level named as concealer of what the county audit found: the level includes the finder (a body of it may conceal from its own audit, not the level)", ED("education_aid_funds_irregular", discovered=disc("county", "audit", body="county_audit"), concealed_by=["county"]), "concealment", "concealed_by[0]")
refuse("RF30 a township's 纪委 check of a problem at the county's code: a level below the place cannot find it", FU("funds_allocation_irregular", C, discovered=disc("township", "discipline_inspection")), "level_mismatch", "discovered.level")

# ===================== 项目管理 二(五) =====================
CPO_ND = [(CPO, "not_discovered")]
case("PR1 project_not_deliberated at a village (二(五)1 组织召开村民代表大会…确定村级申报项目，并公示后上报乡镇), the city's 调研督导: the village not_discovered; the township not_discovered (二(五)2 负责对本辖区内申报项目…进行审核); no city or province; not 县财政局",
     PR("project_not_deliberated", discovered=cres()), req=LOW_ND, forb=CITYPROV + [(CFIN,), (CEDU,)])
case("PR2 the same, county hotline → township 03-03 → village 03-05, deadline 03-31, put right 03-20, as of 04-30: the village and township not_discovered; nobody not_handled, not_rectified or supervision",
     PR("project_not_deliberated", discovered=hot, handled=[asg("county", "township"), asg("township", "village", "2021-03-05")], **dl, rectified_on="2021-03-20", **late),
     req=LOW_ND, forb=NO_H + NOT_LATE + CITYPROV)
case("PR3 project_false_or_unnecessary at a village, the province's 检查组抽查 (二(五)5 不定期组织检查组…对项目抽查): the township not_discovered (审核真实性、必要性) and 县扶贫办 not_discovered (二(五)3 将符合条件的项目按规定程序审核纳入项目库); no city body (the province found it)",
     PR("project_false_or_unnecessary", discovered=disc("province", "spot_check")), req=[(TWN, "not_discovered"), (CPO, "not_discovered")], forb=[("city_*",), (CEDU,)])
case("PR4 project_late_or_unfinished at a village, the city's 调研督导, serious: the township (二(五)2 及时组织实施…确保项目按时按要求完成建设) and the village (二(五)1 负责做好村级项目实施) not_discovered, staff + unit; no 主体责任",
     PR("project_late_or_unfinished", discovered=cres(), severity="serious"), req=[(TWN, "not_discovered", S3U), ("village_committee", "not_discovered", S3U)], forb=NO_MR + [(CEDU,)], fl=NOLEAD)
case("PR5 project_late_or_unfinished, grave, the city's 调研督导: the township staff + unit + leadership; the county's 主体责任 citing 二(五)4 (对当地项目管理负主体责任); no township 主体责任",
     PR("project_late_or_unfinished", discovered=cres(), severity="grave"), req=[(TWN, "not_discovered", S3UL)] + CNTY_MR, forb=NO_TWN_MR + NO_CITY_MR + NO_PROV_MR,
     cl=[("county_party_committee", "main_responsibility", ["二(五)4"], []), ("county_government", "main_responsibility", ["二(五)4"], [])])
case("PR6 project_late_or_unfinished, county hotline, handed to the township 03-03, deadline 03-31, not finished by 04-30: the township not_rectified (一(四) 交办问题整改落实不到位); the village, not assigned, not not_rectified; no city or province",
     PR("project_late_or_unfinished", discovered=hot, handled=[asg("county", "township")], **dl, **late), req=[(TWN, "not_rectified")], forb=[("village_*", "not_rectified")] + NO_H + CITYPROV)
case("PR7 project_acceptance_lax of the water line (二(五)3 各相关部门负责对各自业务范围的项目…组织对项目进行检查、验收和绩效评价), the city's 调研督导: 县水利局 not_discovered; not 县建设局 or 县教育局 (other lines); no village or township (验收 is the county department's)",
     PR("project_acceptance_lax", sector="water", discovered=cres()), req=[("county_water", "not_discovered")], forb=[("county_construction",), (CEDU,)] + NOLOW)
case("PR8 project_not_entered_in_system (二(五)3 县扶贫办负责…及时录入全国扶贫开发信息系统项目管理板块), the province's 调查核查: 县扶贫办 not_discovered; not 县财政局 or 县民宗局; no village or township; no city body",
     PR("project_not_entered_in_system", discovered=disc("province", "survey_verification")), req=CPO_ND, forb=[(CFIN,), ("county_ethnic_religious",), ("city_*",)] + NOLOW)
case("PR9 project_not_entered_in_system, county hotline, the county sits (as of 03-25): 县扶贫办 not_handled; no one else",
     PR("project_not_entered_in_system", discovered=hot, **sit), req=[(CPO, "not_handled")], forb=[(CFIN,), ("county_ethnic_religious",), ("county_party_committee",), ("county_government",)] + NOLOW + CITYPROV)
case("PR10 project_ledger_incomplete (二(五)2 乡镇…做好项目台账资料), the city's 调研督导: the township not_discovered; no village body (the text gives the ledger to the township)",
     PR("project_ledger_incomplete", discovered=cres()), req=[(TWN, "not_discovered")], forb=[("village_*",)] + CITYPROV)
case("PR11 project_ledger_incomplete, county hotline, handed to the township 03-03, deadline 03-31, not complete by 04-30: the township not_rectified; no village body",
     PR("project_ledger_incomplete", discovered=hot, handled=[asg("county", "township")], **dl, **late), req=[(TWN, "not_rectified")], forb=[("village_*",)] + NO_H + CITYPROV)
case("PR12 projects_policy_gap at the county's code, the poverty office's line (二(五)5 扶贫、财政、民宗等部门负责…相关政策措施制定完善), the county reports it to the province 03-03, the province sits (as of 03-25): 省扶贫办 not_handled; not 省财政厅 or 省民宗委; no county or city body",
     PR("projects_policy_gap", C, sector="poverty_office", discovered=hot, handled=[rep("county", "province")], **sit), req=[("province_poverty_office", "not_handled")],
     forb=[("province_finance",), ("province_ethnic_religious",), ("county_*",), ("city_*",)] + NOLOW)
case("PR13 projects_policy_gap at the city's code, finance's line, found by the city audit, 市财政局 concealed it from its own level's audit: 市财政局 concealed (same_level_oversight_concealment, listed); the audit office not named; no county body",
     PR("projects_policy_gap", CITY, sector="finance", discovered=caud, concealed_by=["city_finance"]), req=[("city_finance", "concealed")], forb=[("city_audit",), ("county_*",), ("city_finance", "not_discovered")] + NOLOW,
     listed=["same_level_oversight_concealment"])
case("PR14 project_not_deliberated at a village, the township's 上级核查 of its villages, the village concealed it: the village concealed (一(四)), not also not_discovered; the township (finder) not named; no county, city or province",
     PR("project_not_deliberated", discovered=disc("township", "higher_level_verification"), concealed_by=["village"]), req=[(b, "concealed") for b in VIL],
     forb=[("village_*", "not_discovered"), ("township_*",), ("county_*",)] + CITYPROV)

# ===================== 资金管理使用 二(四) =====================
case("FU1 funds_diverted at a village, the city's 调研督导: the township (二(四)2 对村级使用的扶贫项目资金专款专用负审核责任) and 县财政局 (二(四)3 对乡、村两级使用的扶贫项目资金专款专用负审核责任) not_discovered; no city or province body; not 县教育局",
     FU("funds_diverted", discovered=cres()), req=[(TWN, "not_discovered"), (CFIN, "not_discovered")], forb=CITYPROV + [(CEDU,)])
case("FU2 funds_diverted at a village, found by the county audit 03-01, handed to the township 03-03, deadline 03-31, put right 03-20, as of 04-30: the township not_discovered; no county body not_discovered (the county's own audit found it: an oversight channel of the finder's level, outside_channel_finder_level default); the audit office not named; nobody late",
     FU("funds_diverted", discovered=disc("county", "audit", body="county_audit"), handled=[asg("county", "township")], **dl, rectified_on="2021-03-20", **late),
     req=[(TWN, "not_discovered")], forb=[("county_*", "not_discovered"), ("county_audit",)] + NO_H + NOT_LATE + CITYPROV)
case("FU3 funds_diverted at a village, found by the city audit: the township and 县财政局 not_discovered; no city body not_discovered (the finder's level)",
     FU("funds_diverted", discovered=caud), req=[(TWN, "not_discovered"), (CFIN, "not_discovered")], forb=[("city_*", "not_discovered"), ("city_audit",), ("province_*",)])
case("FU4 funds_diverted, grave, the city's 调研督导: the township staff + unit + leadership; the county's 主体责任 citing 二(四)6 (对当地资金管理负主体责任)",
     FU("funds_diverted", discovered=cres(), severity="grave"), req=[(TWN, "not_discovered", S3UL), (CFIN, "not_discovered", S3UL)] + CNTY_MR, forb=NO_TWN_MR + NO_CITY_MR + NO_PROV_MR,
     cl=[("county_party_committee", "main_responsibility", ["二(四)6"], [])])
case("FU5 funds_diverted at a village, the province's 巡视, the township concealed it: the township concealed, not also not_discovered; 县财政局 not_discovered; no city body",
     FU("funds_diverted", discovered=disc("province", "inspection_tour"), concealed_by=["township"]), req=[(TWN, "concealed"), (CFIN, "not_discovered")],
     forb=[(TWN, "not_discovered"), ("village_*", "concealed"), ("city_*",)])
case("FU6 funds_diverted at a village, the county's 财政检查 (一(三) 审计、财政等部门加大专项审计和检查力度), 县扶贫办 concealed it from its own level's check: 县扶贫办 concealed (same_level_oversight_concealment, listed); the township not_discovered; no county body not_discovered",
     FU("funds_diverted", discovered=disc("county", "finance_check"), concealed_by=[CPO]), req=[(CPO, "concealed"), (TWN, "not_discovered")],
     forb=[("county_*", "not_discovered"), (TWN, "concealed")] + CITYPROV, listed=["same_level_oversight_concealment"])
case("FU7 the same with same_level_oversight_concealment=false: nobody concealed; the township not_discovered; listed",
     FU("funds_diverted", discovered=disc("county", "finance_check"), concealed_by=[CPO]), params=dict(same_level_oversight_concealment=False),
     req=[(TWN, "not_discovered")], forb=NO_C + CITYPROV, listed=["same_level_oversight_concealment"])
case("FU8 funds_poor_performance at the township's code (二(四)2 对本辖区内扶贫资金使用的绩效负责), the province's 调研督导: the township not_discovered; [After the run: not 县扶贫办 by name — the record names no line, and 二(四)4 (扶贫办: 对资金使用的绩效负责) and 二(四)5 (其他行业主管部门: 对资金使用绩效负责) each hold it for their own money, so the county's 问题所属部门 once, unresolved (the role's reading, listed as county_sector_department), beside 县财政局 (二(四)3 组织本级相关部门做好财政扶贫资金绩效管理); my first expectation read 二(四)4 alone] no village body (the place is the township's); no city body",
     FU("funds_poor_performance", "330127100", discovered=pres()), req=[(TWN, "not_discovered"), ("county_sector_department", "not_discovered"), (CFIN, "not_discovered")],
     forb=[("village_*",), ("city_*",), (CPO, "not_discovered"), ("county_water",)], listed=["county_sector_department"])
case("FU8c the same with sectorless_alternatives=every_holder (written after FU8's run): the parameter's why names for funds '县扶贫办 and the other sector departments, 二(四)4–5' as the alternatives every_holder 'names each … instead', so 县扶贫办 is named not_discovered (二(四)4 对资金使用的绩效负责); listed",
     FU("funds_poor_performance", "330127100", discovered=pres()), params=dict(sectorless_alternatives="every_holder"), req=[(TWN, "not_discovered"), (CPO, "not_discovered")],
     forb=[("village_*",), ("city_*",)], listed=["sectorless_alternatives"])
case("FU8b the same of the poverty office's line (财政专项扶贫资金, 二(四)4): 县扶贫办 not_discovered, not 县水利局 or the unresolved role (written after FU8's run)",
     FU("funds_poor_performance", "330127100", sector="poverty_office", discovered=pres()), req=[(TWN, "not_discovered"), (CPO, "not_discovered")],
     forb=[("village_*",), ("city_*",), ("county_water",), ("county_sector_department",)])
case("FU9 funds_performance_evaluation_missing of the water line (二(四)5 县其他行业主管部门…组织实施绩效目标申报、绩效评价), the city's 调研督导: 县水利局 not_discovered; not 县建设局 or 县教育局; not 县扶贫办 (its own 绩效评价 is of 财政专项扶贫资金, not the water line's); no village or township",
     FU("funds_performance_evaluation_missing", C, sector="water", discovered=cres()), req=[("county_water", "not_discovered")], forb=[("county_construction",), (CEDU,), (CPO, "not_discovered")] + NOLOW)
case("FU10 funds_performance_evaluation_missing of the poverty office's line (二(四)4 组织实施绩效目标申报、绩效评价), county hotline at the county's code, the county sits (as of 03-25): 县扶贫办 not_handled; not 县水利局",
     FU("funds_performance_evaluation_missing", C, sector="poverty_office", discovered=hot, **sit), req=[(CPO, "not_handled")], forb=[("county_water",), ("county_construction",)] + NOLOW + CITYPROV)
case("FU11 funds_assets_mismanaged at a village (二(四)1 负责本村…资产管理工作; 二(四)2 对扶贫资产运营负日常监管责任; 二(四)3 对当地扶贫资产负全面监管责任), the city's 调研督导: the village, the township and 县财政局 not_discovered; not 县教育局; no city or province",
     FU("funds_assets_mismanaged", discovered=cres()), req=VIL_ND + [(TWN, "not_discovered"), (CFIN, "not_discovered")], forb=[(CEDU,)] + CITYPROV)
case("FU12 the same, county hotline → township 03-03 → village 03-05, deadline 03-31, not put right by 04-30: the village not_rectified; the township presses its village; no county body not_rectified",
     FU("funds_assets_mismanaged", discovered=hot, handled=[asg("county", "township"), asg("township", "village", "2021-03-05")], **dl, **late),
     req=[(b, "not_rectified") for b in VIL] + [(TWN, "supervision")], forb=[("county_*", "not_rectified"), (TWN, "not_rectified")] + NO_H + CITYPROV)
case("FU13 funds_allocation_irregular at the county's code, the city's 调研督导: 县财政局 not_discovered (二(四)3 审核行业主管部门资金分配建议、办理资金分配); not 县教育局; no village or township",
     FU("funds_allocation_irregular", C, discovered=cres()), req=[(CFIN, "not_discovered")], forb=[(CEDU,)] + NOLOW)
case("FU14 funds_rules_gap at the province's code, finance's line (二(四)7 财政部门…会同有关行业主管部门制定扶贫资金管理和绩效评价制度), found by the province audit, the province sits (as of 03-25): 省财政厅 not_handled; the audit office not named; no city or county body",
     FU("funds_rules_gap", PROV, sector="finance", discovered=paud, **sit), req=[("province_finance", "not_handled")], forb=[("province_audit",), ("city_*",), ("county_*",)] + NOLOW)
case("FU15 funds_rules_gap at the county's code (the province's rules), the county hotline reports it to the city 03-03, the city to the province 03-06, the province mends the rules 04-01, as of 04-30: nobody answers",
     FU("funds_rules_gap", C, discovered=hot, handled=[rep("county", "city"), rep("city", "province", "2021-03-06")], rectified_on="2021-04-01", **late), forb=NOBODY)

# ===================== 低收入农户精准识别 二(三) =====================
case("ID1 identification_eligible_omitted at a village (二(三)1 确保符合低收入农户条件的农村困难群众应报尽报; 二(三)2 履行受理申请和主动发现责任), the city's 调研督导: the village and the township not_discovered; the county's Party committee and government not (county_leaders_find_omitted_households default, listed); no city body",
     ID("identification_eligible_omitted", discovered=cres()), req=LOW_ND, forb=[("county_party_committee", "not_discovered"), ("county_government", "not_discovered"), ("city_*",)],
     listed=["county_leaders_find_omitted_households"])
case("ID2 the same with county_leaders_find_omitted_households=true: the county's Party committee and government not_discovered too (二(三)5 统筹低收入农户识别和动态管理); listed",
     ID("identification_eligible_omitted", discovered=cres()), params=dict(county_leaders_find_omitted_households=True),
     req=LOW_ND + [("county_party_committee", "not_discovered"), ("county_government", "not_discovered")], listed=["county_leaders_find_omitted_households"])
case("ID3 identification_eligible_omitted, grave, the city's 调研督导: the village staff + unit + leadership; the county's 主体责任 citing 二(三)5 (对低收入农户精准识别负主体责任); no township 主体责任",
     ID("identification_eligible_omitted", discovered=cres(), severity="grave"), req=[(b, "not_discovered", S3UL) for b in VIL] + CNTY_MR,
     forb=NO_TWN_MR + NO_CITY_MR + NO_PROV_MR, cl=[("county_government", "main_responsibility", ["二(三)5"], [])])
case("ID4 identification_applicant_not_included (二(三)3 县民政局负责…审核审批，纳入低收入农户), the city's 调研督导: 县民政局 not_discovered; no village or township (the household applied: their part was done); not 县扶贫办",
     ID("identification_applicant_not_included", discovered=cres()), req=[(CCA, "not_discovered")], forb=NOLOW + [(CPO,), ("city_*",)])
case("ID5 the same, county hotline, handed to 县民政局 03-03, deadline 03-31, not included by 04-30: 县民政局 not_rectified; no city or province; no village or township",
     ID("identification_applicant_not_included", discovered=hot, handled=[asg("county", "county", body=CCA)], **dl, **late), req=[(CCA, "not_rectified")],
     forb=NOLOW + CITYPROV + NO_H + [(CPO,)])
case("ID6 identification_ineligible_included at a village (二(三)1 对村民填报信息和村委会申报材料的真实性、准确性负责; 二(三)2 对入户核实申报材料的真实性、准确性负责), the city's 调查核查: the village and the township not_discovered; no city body",
     ID("identification_ineligible_included", discovered=csv_()), req=LOW_ND, forb=[("city_*",), (CPO,)])
case("ID7 the same, the township's 上级核查 of its villages, the village concealed it: the village concealed, not also not_discovered; the township (finder) not named; no county body",
     ID("identification_ineligible_included", discovered=disc("township", "higher_level_verification"), concealed_by=["village"]), req=[(b, "concealed") for b in VIL],
     forb=[("village_*", "not_discovered"), ("township_*",), ("county_*",)] + CITYPROV)
case("ID8 identification_pushed_info_untrue (二(三)4 县扶贫办…对推送对象信息的真实性、完整性负责), the province's 调研督导, serious: 县扶贫办 not_discovered, staff + unit; no village or township; no city body; no 主体责任",
     ID("identification_pushed_info_untrue", discovered=pres(), severity="serious"), req=[(CPO, "not_discovered", S3U)], forb=NOLOW + [("city_*",)] + NO_MR, fl=NOLEAD)
case("ID9 identification_policy_gap at the county's code (the province's policy, 二(三)6 省市民政部门：负责制定完善低收入农户识别认定有关政策措施), the county reports it to the city 03-03 and the city to the province 03-05, the province sits (as of 03-25): 省民政厅 not_handled; 省扶贫办 not (二(三)7 协助…开展监督 is no policy-making); no county or city body",
     ID("identification_policy_gap", C, discovered=hot, handled=[rep("county", "city"), rep("city", "province", "2021-03-05")], **sit), req=[("province_civil_affairs", "not_handled")],
     forb=[("province_poverty_office",), ("county_*",), ("city_*",)] + NOLOW)
case("ID10 identification_policy_gap at the city's code (the city's own policy), the province's 调研督导 assigns it to the city 03-03, deadline 03-31, not mended by 04-30: 市民政局 not_rectified; 市扶贫办 not not_rectified (二(三)7 协助…监督 only); no county body",
     ID("identification_policy_gap", CITY, discovered=pres(), handled=[asg("province", "city")], **dl, **late), req=[("city_civil_affairs", "not_rectified")],
     forb=[("city_poverty_office", "not_rectified"), ("county_*",)] + NOLOW)

# ===================== 饮水安全 二(六)5 =====================
CWSU = "county_water_supply_unit"; CWA = "county_water"; CHE = "county_health"
case("WA1 water_self_testing_not_done (二(六)5(3) 县级统管单位…落实水质自检、净水设备维护等专业管护), the city's 调研督导: the 统管单位 not_discovered; no village or township (professional 管护 is the unit's); no city or province body",
     WA("water_self_testing_not_done", discovered=cres()), req=[(CWSU, "not_discovered")], forb=NOLOW + CITYPROV + [("county_construction",), (CEDU,)])
case("WA2 water_monitoring_network_missing at the county's code (二(六)5(4) 卫健部门负责水质监测网络建设和安全检测工作), the province's 调研督导: 县卫健局 not_discovered; not 县水利局 or the 统管单位; no city body",
     WA("water_monitoring_network_missing", C, discovered=pres()), req=[(CHE, "not_discovered")], forb=[(CWA, "not_discovered"), (CWSU,), ("city_*", "not_discovered")] + NOLOW)
case("WA3 the same, county hotline, the county sits (as of 03-25): 县卫健局 not_handled; not 县水利局",
     WA("water_monitoring_network_missing", C, discovered=hot, **sit), req=[(CHE, "not_handled")], forb=[(CWA,), (CWSU,)] + NOLOW + CITYPROV)
case("WA4 water_emergency_failure (二(六)5(3) 做好应急保供保障和供水服务; 二(六)5(2) 负责辖区范围农村供水安全保障工作), the city's 调研督导: the 统管单位 and the township not_discovered; not 县卫健局 [After the run: the village is named not_discovered too (二(六)5(1) 负责及时上报当地饮水安全情况, 二(二)1 对涉及本村扶贫领域具体问题的发现): supply failing its villagers is the 饮水安全情况 it is to report — my first expectation, no village body, read 二(六)5(1) too narrowly]",
     WA("water_emergency_failure", discovered=cres()), req=[(CWSU, "not_discovered"), (TWN, "not_discovered")] + VIL_ND, forb=[("village_*", "not_handled"), (CHE,)] + CITYPROV)
case("WA5 water_unsafe_unreported at a village (二(六)5(1) 负责及时上报当地饮水安全情况; 二(六)5(2) 供水安全保障), the city's 调研督导: the village and the township not_discovered; no city or province",
     WA("water_unsafe_unreported", discovered=cres()), req=LOW_ND, forb=CITYPROV)
case("WA6 the same, the city's 上级核查, the village concealed it: the village concealed (一(四)), not also not_discovered; the township not_discovered; no city body",
     WA("water_unsafe_unreported", discovered=chv, concealed_by=["village"]), req=[(b, "concealed") for b in VIL] + [(TWN, "not_discovered")],
     forb=[("village_*", "not_discovered"), (TWN, "concealed"), ("city_*",)], cl=[(b, "concealed", ["一(四)"], []) for b in VIL])
case("WA7 water_project_funds_irregular (二(六)5(4) 水利部门负责…项目资金管理), the city's 调研督导: 县水利局 not_discovered; not 县卫健局 or the 统管单位; no village or township",
     WA("water_project_funds_irregular", discovered=cres()), req=[(CWA, "not_discovered")], forb=[(CHE,), (CWSU,)] + NOLOW + CITYPROV)
case("WA8 water_project_quality_unsafe at a village (二(六)5(4) 加强农村供水工程建设质量和安全监管), the province's 调研督导: 县水利局 not_discovered; not 县卫健局; no city body",
     WA("water_project_quality_unsafe", discovered=pres()), req=[(CWA, "not_discovered")], forb=[(CHE,), ("city_*",)])
case("WA9 water_policy_gap at the county's code (the province's policy, 二(六)5(6) 省市行业主管部门：负责制定农村饮水安全的政策措施), the county reports it to the province 03-03, the province sits (as of 03-25): 省水利厅 not_handled; not 省卫健委; no county or city body [After the run: water_policy_health_departments is rightly not listed — under true a record naming no line stays 省市水利's, so the verdict does not rest on it]",
     WA("water_policy_gap", C, discovered=hot, handled=[rep("county", "province")], **sit), req=[("province_water", "not_handled")],
     forb=[("province_health",), ("county_*",), ("city_*",)] + NOLOW, notlisted=["water_policy_health_departments"])
case("WA10 water_facilities_unmaintained at a village, grave, the city's 调研督导: the township (二(六)5(2) 落实工程长效管护) and the 统管单位 (二(六)5(3) 具体负责做好农村供水工程长效管理) not_discovered, staff + unit + leadership; the county's 主体责任 citing 二(六)5(5); no township 主体责任",
     WA("water_facilities_unmaintained", discovered=cres(), severity="grave"), req=[(TWN, "not_discovered", S3UL), (CWSU, "not_discovered", S3UL)] + CNTY_MR,
     forb=NO_TWN_MR + NO_CITY_MR + NO_PROV_MR, cl=[("county_party_committee", "main_responsibility", ["二(六)5(5)"], [])])
case("WA11 water_quality_substandard (二(六)5(3) 确保供水达标), county hotline, handed to the 统管单位 03-03, deadline 03-31, not up to standard by 04-30: the 统管单位 not_rectified; no village or township not_rectified; no city or province",
     WA("water_quality_substandard", discovered=hot, handled=[asg("county", "county", body=CWSU)], **dl, **late), req=[(CWSU, "not_rectified")],
     forb=[("village_*", "not_rectified"), ("township_*", "not_rectified")] + NO_H + CITYPROV)
case("WA12 water_self_testing_not_done, the province's 巡视, the 统管单位 concealed it, serious: the 统管单位 concealed, staff + unit, not also not_discovered; no leadership; no 主体责任",
     WA("water_self_testing_not_done", discovered=disc("province", "inspection_tour"), concealed_by=[CWSU], severity="serious"), req=[(CWSU, "concealed", S3U)],
     forb=[(CWSU, "not_discovered")] + NO_MR + NOLOW, fl=NOLEAD)

# ===================== 两不愁 二(六)1 =====================
CCA_ND = [(CCA, "not_discovered")]
case("BN1 basic_needs_direct_help_missing at a village (二(六)1(1) 并通过村集体给予直接帮扶), the city's 调研督导: the village not_discovered; no county department (the village collective's help is the village's); no city or province",
     BN("basic_needs_direct_help_missing", discovered=cres()), req=VIL_ND, forb=[(CCA,), ("county_hrss",), (CFIN,)] + CITYPROV)
case("BN2 basic_needs_approval_late of civil affairs' line (二(六)1(3) 县（市、区）行业主管部门：及时审批社会救助对象), the city's 调研督导: 县民政局 not_discovered; no village or township (the household applied); not 县人社局",
     BN("basic_needs_approval_late", sector="civil_affairs", discovered=cres()), req=CCA_ND, forb=NOLOW + [("county_hrss",), ("city_*",)])
case("BN3 basic_needs_approval_late of civil affairs' line, county hotline, handed to 县民政局 03-03, deadline 03-31, approved 03-20, as of 04-30: nobody",
     BN("basic_needs_approval_late", sector="civil_affairs", discovered=hot, handled=[asg("county", "county", body=CCA)], **dl, rectified_on="2021-03-20", **late), forb=NOBODY)
case("BN4 basic_needs_contact_missing (二(六)1(4) 确保低收入农户每户有一名干部联系，每月联系一次: the county's Party committee and government), the city's 调研督导: the county's Party committee and government not_discovered; not 县民政局 or 县扶贫办; no city body",
     BN("basic_needs_contact_missing", discovered=cres()), req=[("county_party_committee", "not_discovered"), ("county_government", "not_discovered")], forb=[(CCA,), ("city_*",)])
case("BN5 basic_needs_policy_gap at the county's code, civil affairs' line (二(六)1(5) 省市行业主管部门：负责制定“两不愁”有关政策措施), the county → city 03-03 → province 03-05, the province sits (as of 03-25): 省民政厅 not_handled; not 省人社厅; no county or city body",
     BN("basic_needs_policy_gap", C, sector="civil_affairs", discovered=hot, handled=[rep("county", "city"), rep("city", "province", "2021-03-05")], **sit),
     req=[("province_civil_affairs", "not_handled")], forb=[("province_hrss",), ("county_*",), ("city_*",)] + NOLOW)
case("BN6 basic_needs_policy_gap at the city's code (the city's own), civil affairs' line, the province's 调研督导 assigns it to 市民政局 03-03, deadline 03-31, mended 03-25, as of 04-30: nobody not_rectified, not_handled or supervision; no county body",
     BN("basic_needs_policy_gap", CITY, sector="civil_affairs", discovered=pres(), handled=[asg("province", "city", body="city_civil_affairs")], **dl, rectified_on="2021-03-25", **late),
     forb=NO_H + NOT_LATE + [("county_*",)] + NOLOW)
case("BN7 basic_needs_eligible_not_included at a village (二(六)1(2) 将符合条件的困难群众及时纳入社会救助和低收入农户范围), the city's 调研督导: the township not_discovered; no city body",
     BN("basic_needs_eligible_not_included", discovered=cres()), req=[(TWN, "not_discovered")], forb=CITYPROV)
case("BN8 basic_needs_not_helped_to_apply at a village, the city's 上级核查, the village concealed it, grave: the village concealed, staff + unit + leadership; the township not_discovered, staff + unit + leadership; the county's 主体责任 citing 二(六)1(4) (对当地“两不愁”工作负主体责任); no township 主体责任",
     BN("basic_needs_not_helped_to_apply", discovered=chv, concealed_by=["village"], severity="grave"), req=[(b, "concealed", S3UL) for b in VIL] + [(TWN, "not_discovered", S3UL)] + CNTY_MR,
     forb=NO_TWN_MR + NO_CITY_MR + [("village_*", "not_discovered")], cl=[("county_government", "main_responsibility", ["二(六)1(4)"], [])])
case("BN9 basic_needs_income_not_raised of the human-resources line (二(六)1(3) 做好低收入农户增收), the city's 调研督导: 县人社局 not_discovered; not 县民政局",
     BN("basic_needs_income_not_raised", sector="hrss", discovered=cres()), req=[("county_hrss", "not_discovered")], forb=[(CCA,), ("city_*",)])
case("BN10 basic_needs_employment_insufficient of the human-resources line (一(一) 低收入农户创业就业不充分), county hotline, handed to 县人社局 03-03, deadline 03-31, not remedied by 04-30: 县人社局 not_rectified; not 县民政局; no city or province",
     BN("basic_needs_employment_insufficient", sector="hrss", discovered=hot, handled=[asg("county", "county", body="county_hrss")], **dl, **late), req=[("county_hrss", "not_rectified")],
     forb=[(CCA,)] + NO_H + CITYPROV)
case("BN11 basic_needs_below_floor of civil affairs' line (二(六)1(3) 社会救助兜底保障及年度低收入农户托底线以下人员消除工作), the province's 调研督导, serious: 县民政局 not_discovered, staff + unit; no 主体责任; no city body",
     BN("basic_needs_below_floor", C, sector="civil_affairs", discovered=pres(), severity="serious"), req=[(CCA, "not_discovered", S3U)], forb=NO_MR + [("city_*",)] + NOLOW, fl=NOLEAD)

# ===================== 问题发现 二(二), 一(一)–(三) =====================
case("DS1 mechanism_missing at the county's code (二(二)4 健全问题发现办法和整改机制; 一(一) 县级制定问题主动发现具体办法), the province's 调研督导: the county's Party committee and government not_discovered (county_finds_own_mechanism); the city's 扶贫办 not (city_finds_county_mechanisms default); both listed; no township or village",
     DI("mechanism_missing", C, discovered=pres()), req=[("county_party_committee", "not_discovered"), ("county_government", "not_discovered")],
     forb=[("city_*",)] + NOLOW, listed=["county_finds_own_mechanism", "city_finds_county_mechanisms"])
case("DS2 the same with city_finds_county_mechanisms=true: the city's 扶贫办 not_discovered too (二(一)1(3) 督导检查; 二(二)5 指导督促基层问题发现和整改); listed",
     DI("mechanism_missing", C, discovered=pres()), params=dict(city_finds_county_mechanisms=True), req=[("city_poverty_office", "not_discovered"), ("county_government", "not_discovered")],
     forb=NOLOW, listed=["city_finds_county_mechanisms"])
case("DS3 mechanism_missing at the county's code, county hotline, the county sits (as of 03-25): a county body not_handled; no township or village; no city",
     DI("mechanism_missing", C, discovered=hot, **sit), req=[("county_*", "not_handled")], forb=NOLOW + CITYPROV)
case("DS4 province_city_mechanism_gap at the city's code (一(一) 省市两级…主动发现…工作机制等方面问题), the province's 调研督导 assigns it to the city 03-03, deadline 03-31, not mended by 04-30: a city body not_rectified; no county body",
     DI("province_city_mechanism_gap", CITY, discovered=pres(), handled=[asg("province", "city")], **dl, **late), req=[("city_*", "not_rectified")], forb=[("county_*",)] + NOLOW)
case("DS5 specific_problem at a village, county hotline → township 03-03 → village 03-05, deadline 03-31, put right 03-20, as of 04-30: the village and the township not_discovered (二(二)1–2 对涉及本村／本乡镇扶贫领域具体问题的发现和整改工作负责); nobody late",
     DI("specific_problem", discovered=hot, handled=[asg("county", "township"), asg("township", "village", "2021-03-05")], **dl, rectified_on="2021-03-20", **late),
     req=LOW_ND, forb=NO_H + NOT_LATE + CITYPROV)
case("DS6 common_policy_problem at the province's code (二(二)5 及时发现全省共性问题，修改完善相关政策和机制), found by the media at the province 03-01, the province sits (as of 03-25): a province body not_handled; no city or county body",
     DI("common_policy_problem", PROV, discovered=disc("province", "media"), **sit), req=[("province_*", "not_handled")], forb=[("city_*",), ("county_*",)] + NOLOW)

# ===================== liability tiers, 一(四) and 主体责任 =====================
case("LT1 health_insurance_not_in_place, county hotline, the county sits (as of 03-25), serious: 县扶贫办 not_handled, staff + unit; no leadership; no 主体责任 (serious)",
     HE("health_insurance_not_in_place", discovered=hot, severity="serious", **sit), req=[(CPO, "not_handled", S3U)], forb=NO_MR, fl=NOLEAD)
case("LT2 project_ledger_incomplete, county hotline, handed to the township 03-03, deadline 03-31, not complete by 04-30, grave: the township not_rectified, staff + unit + leadership; the county's 主体责任 (二(五)4); no township 主体责任 (township_main_responsibility default, listed)",
     PR("project_ledger_incomplete", discovered=hot, handled=[asg("county", "township")], **dl, severity="grave", **late), req=[(TWN, "not_rectified", S3UL)] + CNTY_MR,
     forb=NO_TWN_MR + NO_CITY_MR, listed=["township_main_responsibility"])
case("LT3 the same with township_main_responsibility=true: the township's Party committee and government bear 主体责任 too (二(一)1(1) 乡镇党委政府要发挥基层基础作用); listed",
     PR("project_ledger_incomplete", discovered=hot, handled=[asg("county", "township")], **dl, severity="grave", **late), params=dict(township_main_responsibility=True),
     req=[(TWN, "not_rectified", S3UL), ("township_party_committee", "main_responsibility"), ("township_government", "main_responsibility")] + CNTY_MR, listed=["township_main_responsibility"])
case("LT4 funds_diverted at a village found by the city audit 03-01, the city sits (as of 03-25), grave: a city body not_handled, staff + unit + leadership; the county's 主体责任 (the township's and 县财政局's grave not_discovered); no city 主体责任 for a county's funds (main_responsibility_every_level default, listed)",
     FU("funds_diverted", discovered=caud, severity="grave", **sit), req=[("city_*", "not_handled", S3UL), (TWN, "not_discovered", S3UL)] + CNTY_MR,
     forb=NO_CITY_MR + NO_PROV_MR + NO_TWN_MR + [("city_audit",)], listed=["main_responsibility_every_level"])
case("LT5 identification_applicant_not_included, the city's 调研督导, minor: 县民政局 not_discovered, staff only (一(四) 追究相关工作人员责任); no unit, no leadership, no 主体责任",
     ID("identification_applicant_not_included", discovered=cres()), req=[(CCA, "not_discovered", S3)], forb=NO_MR, fl=NOUNIT + NOLEAD)
case("LT6 education_lists_not_provided of civil affairs' line, county hotline, handed to 县民政局 03-03, deadline 03-31, not provided by 04-30, serious: 县民政局 not_rectified, staff + unit; no leadership; no 主体责任",
     ED("education_lists_not_provided", sector="civil_affairs", discovered=hot, handled=[asg("county", "county", body=CCA)], **dl, severity="serious", **late),
     req=[(CCA, "not_rectified", S3U)], forb=NO_MR + [(CDF,)], fl=NOLEAD)

# ===================== more refusals =====================
refuse("RF31 a step to 县水利局 written at the township's level: a body named beside a level is at that level", WA("water_facilities_unmaintained", discovered=hot, handled=[asg("county", "township", body=CWA)]), "level_mismatch", "handled[0].to_body")
refuse("RF32 the city's 市财政局 named as concealer from the county's audit: a concealer is below the finder", FU("funds_diverted", discovered=disc("county", "audit", body="county_audit"), concealed_by=["city_finance"]), "concealment", "concealed_by[0]")
refuse("RF33 the village named as concealer of a problem at the county's code: a concealer is not below the place", FU("funds_allocation_irregular", C, discovered=paud, concealed_by=["village"]), "concealment", "concealed_by[0]")
refuse("RF34 an area the policy does not have (扶贫)", R("扶贫", "funds_diverted", discovered=hot), "unknown_area", "area")
refuse("RF35 a concealer no body is called (the_mayor)", FU("funds_diverted", discovered=paud, concealed_by=["the_mayor"]), "unknown_body", "concealed_by[0]")
refuse("RF36 a misspelled line (watr)", WA("water_quality_substandard", sector="watr", discovered=hot), "unknown_sector", "sector")
refuse("RF37 an assignment to the village level at an urban community (青城社区): no village-level body there by default", HE("health_application_not_helped", "330127100001", discovered=hot, handled=[asg("county", "village")]), "level_mismatch", "handled[0].to_level")
refuse("RF38 an impossible deadline (2021-02-30)", PR("project_late_or_unfinished", discovered=hot, handled=[asg("county", "township")], deadline="2021-02-30"), "bad_date", "deadline")
refuse("RF39 the city's hotline: 市长热线 at the city's level is no channel of the text (the hotline is the county's)", BN("basic_needs_payment_late", discovered=disc("city", "hotline")), "level_mismatch", "discovered.level")
refuse("RF40 an unknown kind of a water record (water_pipe_burst)", WA("water_pipe_burst", discovered=hot), "unknown_kind", "kind")

# ===================== the time limits at their edges (handling_time_limit_days 10, rectification_time_limit_days 30) =====================
case("TM1 health_assistance_late of 医保's line, county hotline 03-01, handed to 县医保局 on 03-11 (day 10: within the limit), deadline 04-10, approved 04-01: nobody answers",
     HE("health_assistance_late", sector="medical_insurance", discovered=hot, handled=[asg("county", "county", "2021-03-11", body=CMI)], deadline="2021-04-10", rectified_on="2021-04-01", **late), forb=NOBODY)
case("TM2 the same handed on 03-12 (day 11: late), approved 04-01: a county body answers not_handled (一(四) 对发现问题没有按程序及时交办的: the step came late, whatever the outcome); nobody not_rectified",
     HE("health_assistance_late", sector="medical_insurance", discovered=hot, handled=[asg("county", "county", "2021-03-12", body=CMI)], deadline="2021-04-10", rectified_on="2021-04-01", **late),
     req=[("county_*", "not_handled")], forb=NO_R + NO_S + NOLOW + CITYPROV)
case("TM3 health_insurance_not_in_place, county hotline 03-01, no step, assessed 03-11 (day 10): nobody yet",
     HE("health_insurance_not_in_place", discovered=hot, as_of="2021-03-11"), forb=NOBODY)
case("TM4 the same assessed 03-12 (day 11): 县扶贫办 not_handled",
     HE("health_insurance_not_in_place", discovered=hot, as_of="2021-03-12"), req=[(CPO, "not_handled")], forb=NOLOW + CITYPROV + [(CMI,)])
case("TM5 project_ledger_incomplete, county hotline, handed to the township 03-03 with no deadline, assessed 04-02 (30 days from the assignment): nobody late",
     PR("project_ledger_incomplete", discovered=hot, handled=[asg("county", "township")], as_of="2021-04-02"), forb=NO_H + NOT_LATE)
case("TM6 the same assessed 04-03 (day 31): the township not_rectified; the verdict says it rests on rectification_time_limit_days",
     PR("project_ledger_incomplete", discovered=hot, handled=[asg("county", "township")], as_of="2021-04-03"), req=[(TWN, "not_rectified")], forb=NO_H + [("village_*",)],
     listed=["rectification_time_limit_days"])
case("TM7 education_aid_records_irregular, county hotline, handed to the school 03-03, deadline 03-31, put right on 03-31 (the deadline's day): nobody late; the school not_discovered",
     ED("education_aid_records_irregular", discovered=hot, handled=[asg("county", "county", body=SCHOOL)], **dl, rectified_on="2021-03-31", **late), req=[(SCHOOL, "not_discovered")], forb=NOT_LATE + NO_H)
case("TM8 the same put right on 04-05, after its deadline: the school not_rectified (一(四) 交办问题整改落实不到位: not in place by the 交办's terms)",
     ED("education_aid_records_irregular", discovered=hot, handled=[asg("county", "county", body=SCHOOL)], **dl, rectified_on="2021-04-05", **late), req=[(SCHOOL, "not_rectified")], forb=NO_H)

# ===================== chains through the province's and city's departments (二(二)5, each area's 省市 clause) =====================
case("CH1 education_student_not_identified, the province's 调研督导 by 省教育厅 03-01 → 市教育局 03-03 → 县教育局 03-05 → the school 03-07, deadline 03-31, not identified by 04-30: the school not_rectified; 县教育局, over the schools' identification (二(六)2(2) 负责各有关学校学生资助对象认定、审核), presses it; no province body not_rectified; no village or township",
     ED("education_student_not_identified", discovered=pres("province_education"), handled=[asg("province", "city", body="city_education"), asg("city", "county", "2021-03-05", body=CEDU), asg("county", "county", "2021-03-07", body=SCHOOL)], **dl, **late),
     req=[(SCHOOL, "not_rectified"), (CEDU, "supervision")], forb=[("province_*", "not_rectified"), (CFIN,), (CPO,)] + NOLOW + NO_H)
case("CH2 funds_diverted at a village, the province audit 03-01 → city 03-03 → 县财政局 03-05 → township 03-08, deadline 03-31, put right 03-25: the township and 县财政局 not_discovered only; no city body (the city audit does not answer for the province's find by default, listed); nobody late",
     FU("funds_diverted", discovered=paud, handled=[asg("province", "city"), asg("city", "county", "2021-03-05", body=CFIN), asg("county", "township", "2021-03-08")], **dl, rectified_on="2021-03-25", **late),
     req=[(TWN, "not_discovered"), (CFIN, "not_discovered")], forb=[("city_*",), ("province_audit",)] + NO_H + NOT_LATE, listed=["lower_audit_answers_higher_find"])
case("CH3 identification_applicant_not_included, the province's 调查核查 by 省民政厅 03-01 → 市民政局 03-03 → 县民政局 03-05, deadline 03-31, not included by 04-30: 县民政局 not_rectified; 市民政局, which passed it down in time, presses (二(三)6 省市民政部门…对低收入农户识别认定开展指导、培训、监督), not not_rectified; no village or township",
     ID("identification_applicant_not_included", discovered=disc("province", "survey_verification", body="province_civil_affairs"), handled=[asg("province", "city", body="city_civil_affairs"), asg("city", "county", "2021-03-05", body=CCA)], **dl, **late),
     req=[(CCA, "not_rectified"), ("city_civil_affairs", "supervision")], forb=[("city_civil_affairs", "not_rectified"), ("city_education",)] + NOLOW + NO_H)
case("CH4 water_quality_substandard, the city's 调研督导 by 市水利局 03-01, handed to the 统管单位 03-03, deadline 03-31, not up to standard by 04-30: the 统管单位 not_rectified; 市水利局 presses (二(六)5(6) 指导、协调和督促); no village or township not_rectified",
     WA("water_quality_substandard", discovered=cres("city_water"), handled=[asg("city", "county", body=CWSU)], **dl, **late),
     req=[(CWSU, "not_rectified"), ("city_water", "supervision")], forb=[("village_*", "not_rectified"), ("township_*", "not_rectified"), ("province_*",)] + NO_H)
case("CH5 health_assistance_late of 医保's line, the city's 调研督导 by 市医保局 03-01, handed to 县医保局 03-03, deadline 03-31, not approved by 04-30: 县医保局 not_rectified; 市医保局 presses (二(六)3(5) 统筹协调、督促落实医疗保障、医疗救助); not 县财政局",
     HE("health_assistance_late", sector="medical_insurance", discovered=cres("city_medical_insurance"), handled=[asg("city", "county", body=CMI)], **dl, **late),
     req=[(CMI, "not_rectified"), ("city_medical_insurance", "supervision")], forb=[(CFIN,), ("province_*",)] + NOLOW + NO_H)
case("CH6 funds_diverted at a village, the city's 调研督导 by 市财政局 03-01 → 县财政局 03-03 → township 03-05, deadline 03-31, not put right by 04-30: the township not_rectified; 县财政局, which passed it down in time, presses (reassigned_level_answers default), not not_rectified; no city body not_rectified",
     FU("funds_diverted", discovered=cres("city_finance"), handled=[asg("city", "county", body=CFIN), asg("county", "township", "2021-03-05")], **dl, **late),
     req=[(TWN, "not_rectified"), (CFIN, "supervision")], forb=[(CFIN, "not_rectified"), ("city_*", "not_rectified"), ("village_*", "not_rectified")] + NO_H)
case("CH7 project_acceptance_lax of the water line, the city's 检查组抽查 03-01, handed to 县水利局 03-03, deadline 03-31, not put right by 04-30: 县水利局 not_rectified; a city body presses (二(五)5 对扶贫项目管理工作督促检查和跟踪指导); no village or township",
     PR("project_acceptance_lax", sector="water", discovered=disc("city", "spot_check"), handled=[asg("city", "county", body=CWA)], **dl, **late),
     req=[(CWA, "not_rectified"), ("city_*", "supervision")], forb=[("county_construction",)] + NOLOW + NO_H)

# ===================== steps not made 按程序 in the thin areas (一(三) 按照问题类别、办理权限…交办) =====================
case("IR1 education_student_not_identified, county hotline, the county hands it to 县财政局 03-03 (no part in identifying students: 二(六)2(2) gives it 拨付和监管资助资金), deadline 03-31, not done by 04-30: 县财政局 not not_rectified (not its to rectify), nor not_handled for sitting on it (misassigned_body_passes_on default); the county's step is no 按程序 交办, so the county answers not_handled — [After the run: through its unnamed holder (county_holders_unnamed: the record does not say which county body took the call and handed it to finance — 县教育局 or the ledger's keeper, 一(三); misrouted_level_holder, receiving_level_body), not 县教育局 by name as I first wrote; and the reading listed is irregular_step, the county's own step, not assignment_to_body_without_part, which is another level's]; the school not_discovered",
     ED("education_student_not_identified", discovered=hot, handled=[asg("county", "county", body=CFIN)], **dl, **late), req=[("county_*", "not_handled"), (SCHOOL, "not_discovered")],
     forb=[(CFIN, "not_rectified"), (CFIN, "not_handled"), (SCHOOL, "not_rectified")] + NOLOW, listed=["irregular_step"])
case("IR2 health_insurance_not_in_place, county hotline, the county hands it down to the township 03-03 (二(六)3(2) 乡镇 only vouches for the materials it verified: no part in the supplementary insurance), deadline 03-31, not in place by 04-30: the township not not_rectified; 县扶贫办 not_handled",
     HE("health_insurance_not_in_place", discovered=hot, handled=[asg("county", "township")], **dl, **late), req=[(CPO, "not_handled")], forb=[("township_*", "not_rectified"), ("village_*",)])
case("IR3 project_not_entered_in_system, county hotline, the county hands it down to the township 03-03 (录入系统 is 县扶贫办's, 二(五)3), deadline 03-31, not entered by 04-30: the township not not_rectified; 县扶贫办 not_handled",
     PR("project_not_entered_in_system", discovered=hot, handled=[asg("county", "township")], **dl, **late), req=[(CPO, "not_handled")], forb=[("township_*", "not_rectified"), ("village_*",)])

# ===================== the same records typed in Chinese (docs/records.md, Values typed in Chinese) =====================
case("CN1 教育扶贫 / 学生资助资金未及时拨付发放 / sector 县财政局 / 较重 / 市 调研督导: 县财政局 not_discovered, staff + unit; not the school or 县教育局",
     dict(area="教育扶贫", kind="学生资助资金未及时拨付发放", place=V63, sector="县财政局", severity="较重", discovered=dict(level="市", channel="调研督导", on="2021-03-01")),
     req=[(CFIN, "not_discovered", S3U)], forb=[(SCHOOL,), (CEDU,)] + NOLOW, fl=NOLEAD)
case("CN2 健康扶贫 / 低收入农户医疗补充政策性保险未落实 / 县长热线 → 县扶贫办 03-03, deadline 03-31, not in place by 04-30: 县扶贫办 not_rectified",
     dict(area="健康扶贫", kind="低收入农户医疗补充政策性保险未落实", place=V63, discovered=dict(level="县", channel="县长热线", on="2021-03-01"),
          handled=[dict(action="交办", by_level="县", to_level="县", on="2021-03-03", to_body="县扶贫办")], **dl, **late),
     req=[(CPO, "not_rectified")], forb=[(CMI,), (CFIN,)] + NOLOW + CITYPROV)

# ===================== the province's and the city's own problems =====================
case("PV1 funds_rules_gap at the province's code, the poverty office's line (二(四)7 扶贫、民宗部门…会同财政部门制定扶贫项目和资产管理制度政策措施), found by the province's 纪委监委 03-01, the province sits (as of 03-25): 省扶贫办 not_handled; the 纪委 not named; no city or county body",
     FU("funds_rules_gap", PROV, sector="poverty_office", discovered=disc("province", "discipline_inspection"), **sit), req=[("province_poverty_office", "not_handled")],
     forb=[("province_discipline",), ("city_*",), ("county_*",)] + NOLOW)
case("PV2 education_policy_gap at the province's code, the human-resources line, found by the province's 人大政协督导 03-01, handed to 省人社厅 03-03, deadline 03-31, mended 03-20: nobody answers (an outside channel's find, passed on and mended in time)",
     ED("education_policy_gap", PROV, sector="hrss", discovered=disc("province", "congress_cppcc"), handled=[asg("province", "province", body="province_hrss")], **dl, rectified_on="2021-03-20", **late), forb=NOBODY)
case("PV3 health_policy_gap at the province's code, 卫健's line, found by the province audit, handed to 省卫健委 03-03, deadline 03-31, not mended by 04-30: 省卫健委 not_rectified; not 省医保局; no city or county body",
     HE("health_policy_gap", PROV, sector="health", discovered=paud, handled=[asg("province", "province", body="province_health")], **dl, **late), req=[("province_health", "not_rectified")],
     forb=[("province_medical_insurance",), ("city_*",), ("county_*",), ("province_audit",)] + NOLOW)
case("PV4 water_policy_gap at the province's code, found by the press at the province 03-01, the province sits (as of 03-25): 省水利厅 not_handled; not 省卫健委; no city or county body",
     WA("water_policy_gap", PROV, discovered=disc("province", "media"), **sit), req=[("province_water", "not_handled")], forb=[("province_health",), ("city_*",), ("county_*",)] + NOLOW)
case("CT1 housing_line_policy_gap at the city's code, the natural-resources line (二(六)4(7) 自然资源…负责制定…建设用地保障…相关政策), found by the city audit 03-01, the city sits (as of 03-25): 市自然资源局 not_handled; not 市建设局 or 市民政局; no county body",
     HO("housing_line_policy_gap", CITY, sector="natural_resources", discovered=caud, **sit), req=[("city_natural_resources", "not_handled")],
     forb=[("city_construction",), ("city_civil_affairs",), ("city_audit",), ("county_*",)] + NOLOW)
case("CT2 projects_policy_gap at the city's code, 民宗's line (二(五)5 扶贫、财政、民宗等部门负责…政策措施制定完善), the province's 调研督导 hands it to 市民宗局 03-03, deadline 03-31, not mended by 04-30: 市民宗局 not_rectified; not 市财政局 or 市扶贫办 not_rectified; no county body",
     PR("projects_policy_gap", CITY, sector="ethnic_religious", discovered=pres(), handled=[asg("province", "city", body="city_ethnic_religious")], **dl, **late),
     req=[("city_ethnic_religious", "not_rectified")], forb=[("city_finance", "not_rectified"), ("city_poverty_office", "not_rectified"), ("county_*",)] + NOLOW)
case("CT3 identification_policy_gap at the city's code, found by the city's 纪委监委 03-01, 市民政局 concealed it from its own level's check: 市民政局 concealed (same_level_oversight_concealment, listed); the 纪委 not named; no county body",
     ID("identification_policy_gap", CITY, discovered=disc("city", "discipline_inspection"), concealed_by=["city_civil_affairs"]), req=[("city_civil_affairs", "concealed")],
     forb=[("city_discipline",), ("county_*",), ("city_civil_affairs", "not_discovered")] + NOLOW, listed=["same_level_oversight_concealment"])
case("CT4 basic_needs_policy_gap at the city's code, no line, found by the press at the city 03-01, the city sits (as of 03-25): a city body not_handled; no county or province body",
     BN("basic_needs_policy_gap", CITY, discovered=disc("city", "media"), **sit), req=[("city_*", "not_handled")], forb=[("county_*",), ("province_*",)] + NOLOW)

# ===================== concealment in the thin areas =====================
case("CC1 project_false_or_unnecessary at a village, the city's 上级核查, 县扶贫办 concealed it: 县扶贫办 concealed, not also not_discovered; the township not_discovered (二(五)2 审核); no city body",
     PR("project_false_or_unnecessary", discovered=chv, concealed_by=[CPO]), req=[(CPO, "concealed"), (TWN, "not_discovered")], forb=[(CPO, "not_discovered"), (TWN, "concealed"), ("city_*",)])
case("CC2 identification_pushed_info_untrue, the province's 巡视, the county (no body named) concealed it: a county body concealed; not the county's Party committee or government (the record names no body, and the kind is its departments'); no village or township",
     ID("identification_pushed_info_untrue", discovered=disc("province", "inspection_tour"), concealed_by=["county"]), req=[("county_*", "concealed")],
     forb=[("county_party_committee", "concealed"), ("county_government", "concealed")] + NOLOW)
case("CC3 health_costs_accounting_irregular, the city's 调查核查, 县医保局 concealed it, grave: 县医保局 concealed, staff + unit + leadership; the county's 主体责任 (二(六)3(4)); no city 主体责任",
     HE("health_costs_accounting_irregular", discovered=csv_(), concealed_by=[CMI], severity="grave"), req=[(CMI, "concealed", S3UL)] + CNTY_MR,
     forb=[(CMI, "not_discovered")] + NO_CITY_MR + NO_TWN_MR + NOLOW)
case("CC4 education_aid_not_paid of finance's line, the province's 巡视, 县财政局 concealed it, serious: 县财政局 concealed, staff + unit; the school not named (the finance line's 拨付, not its 发放); no leadership",
     ED("education_aid_not_paid", sector="finance", discovered=disc("province", "inspection_tour"), concealed_by=[CFIN], severity="serious"), req=[(CFIN, "concealed", S3U)],
     forb=[(SCHOOL,), (CEDU,), (CFIN, "not_discovered")] + NOLOW, fl=NOLEAD)

# ===================== the rest =====================
case("MS1 health_false_materials at a village, county hotline → township 03-03 → village 03-05, deadline 03-31, not put right by 04-30: the village not_rectified; the township presses its village; 县医保局 not named (its review does not reach the materials by default)",
     HE("health_false_materials", discovered=hot, handled=[asg("county", "township"), asg("township", "village", "2021-03-05")], **dl, **late),
     req=[(b, "not_rectified") for b in VIL] + [(TWN, "supervision")], forb=[(CMI,), (TWN, "not_rectified")] + NO_H + CITYPROV)
case("MS2 funds_performance_evaluation_missing of finance's line at the county's code (二(四)3 组织本级相关部门做好财政扶贫资金绩效管理工作), the city's 调研督导: 县财政局 not_discovered; not 县扶贫办 or 县水利局",
     FU("funds_performance_evaluation_missing", C, sector="finance", discovered=cres()), req=[(CFIN, "not_discovered")], forb=[(CPO, "not_discovered"), ("county_water",)] + NOLOW)
case("MS3 identification_eligible_omitted at an urban community (青城社区, a 居民委员会): answered as its township's (residents_committee_place default) — the township not_discovered, no village body; listed",
     ID("identification_eligible_omitted", "330127100001", discovered=cres()), req=[(TWN, "not_discovered")], forb=[("village_*",), ("city_*",)], listed=["residents_committee_place"])
case("MS4 funds_assets_mismanaged at an urban community, the city's 调研督导: the township and 县财政局 not_discovered; no village body; listed",
     FU("funds_assets_mismanaged", "330127100001", discovered=cres()), req=[(TWN, "not_discovered"), (CFIN, "not_discovered")], forb=[("village_*",)], listed=["residents_committee_place"])
case("MS5 education_student_not_identified at an urban community, the city's 调研督导: the school and 县教育局 not_discovered, as at a village; no village or township body; the verdict names residents_committee_place (docs/records.md: under either value)",
     ED("education_student_not_identified", "330127100001", discovered=cres()), req=[(SCHOOL, "not_discovered"), (CEDU, "not_discovered")], forb=NOLOW, listed=["residents_committee_place"])

# ===================== a fifth batch: the province's and city's audit, other channels and finders, township places =====================
case("AU1 funds_diverted at a village, the province audit 03-01, with lower_audit_answers_higher_find=true: the city audit office not_discovered too (二(四)8 省、市两级审计部门：负责统筹推进审计监督，确保及时全面发现问题); the township and 县财政局 as ever; the province audit office not named; listed",
     FU("funds_diverted", discovered=paud), params=dict(lower_audit_answers_higher_find=True), req=[("city_audit", "not_discovered"), (TWN, "not_discovered"), (CFIN, "not_discovered")],
     forb=[("province_audit",), ("city_finance", "not_discovered")], listed=["lower_audit_answers_higher_find"])
case("AU2 the same under the default: the city audit office not named; listed",
     FU("funds_diverted", discovered=paud), req=[(TWN, "not_discovered"), (CFIN, "not_discovered")], forb=[("city_*",), ("province_audit",)], listed=["lower_audit_answers_higher_find"])
case("AU3 funds_allocation_irregular at the county's code, the city's 财政检查 03-01 (一(三) 审计、财政等部门加大专项审计和检查力度): 县财政局 not_discovered (二(四)3 办理资金分配); no city body not_discovered (the finder's level)",
     FU("funds_allocation_irregular", C, discovered=disc("city", "finance_check")), req=[(CFIN, "not_discovered")], forb=[("city_*", "not_discovered")] + NOLOW)
case("PG1 health_policy_gap at the province's code, 医保's line, found by the province audit 03-01, the province sits (as of 03-25), grave: 省医保局 not_handled, staff + unit + leadership; [After the run: the province's Party committee and government bear 主体责任 (二(一)1 各级党委政府要落实扶贫开发主体责任) — a problem of the province's own work (its policy) is theirs under either value of main_responsibility_every_level, which concerns a county's problem met at the province, so the verdict rightly does not rest on it; I had read the parameter's default as sparing the province everywhere]; no city 主体责任; no county body",
     HE("health_policy_gap", PROV, sector="medical_insurance", discovered=paud, severity="grave", **sit), req=[("province_medical_insurance", "not_handled", S3UL), ("province_party_committee", "main_responsibility"), ("province_government", "main_responsibility")],
     forb=NO_CITY_MR + [("county_*",)], notlisted=["main_responsibility_every_level"], cl=[("province_government", "main_responsibility", ["二(一)1"], [])])
case("TW1 housing_safety_system_missing at the township's code (二(六)4(2) 乡镇：负责建立健全房屋使用安全常态化、网格化管理制度), the city's 调研督导: the township not_discovered; no village body (the place is the township's)",
     HO("housing_safety_system_missing", "330127100", discovered=cres()), req=[(TWN, "not_discovered")], forb=[("village_*",)] + CITYPROV)
case("TW2 project_late_or_unfinished at the township's code, the county's 上级核查 03-01, the township concealed it: the township concealed, not also not_discovered; no village body; no county body not_discovered (the finder's level)",
     PR("project_late_or_unfinished", "330127100", discovered=disc("county", "higher_level_verification"), concealed_by=["township"]), req=[(TWN, "concealed")],
     forb=[(TWN, "not_discovered"), ("village_*",), ("county_*", "not_discovered")] + CITYPROV)
case("GR1 education_aid_support_missing at the county's code, the province's 调研督导, grave: the county's Party committee and government not_discovered, staff + unit + leadership, and bear 主体责任 (二(六)2(3) 对当地教育扶贫工作负主体责任: a grave failure of the county's education assistance)",
     ED("education_aid_support_missing", C, discovered=pres(), severity="grave"), req=[("county_party_committee", "not_discovered", S3UL), ("county_government", "not_discovered", S3UL)] + CNTY_MR,
     forb=NO_CITY_MR + NO_PROV_MR + NOLOW)
case("TC1 health_false_materials at a village, the county's 上级核查, the village and the township both concealed it: each concealed; nobody not_discovered below the county; no county body not_discovered (the finder's level)",
     HE("health_false_materials", discovered=disc("county", "higher_level_verification"), concealed_by=["village", "township"]), req=[(b, "concealed") for b in VIL] + [(TWN, "concealed")],
     forb=[("village_*", "not_discovered"), ("township_*", "not_discovered"), ("county_*", "not_discovered")] + CITYPROV)
case("EM1 water_unsafe_unreported at a village, the province's 扶贫电子邮箱 03-01 (二(一)2(4)), the province sits (as of 03-25): the village and the township not_discovered; a province body not_handled (it had to pass the county's problem down); no city or county body not_handled",
     WA("water_unsafe_unreported", discovered=disc("province", "email")), req=LOW_ND, forb=NO_H + [("city_*",), ("county_*", "not_discovered")])
case("EM2 the same assessed 03-25: a province body not_handled; no city or county body not_handled",
     WA("water_unsafe_unreported", discovered=disc("province", "email"), **sit), req=LOW_ND + [("province_*", "not_handled")], forb=[("city_*", "not_handled"), ("county_*", "not_handled")])
case("PL1 basic_needs_not_helped_to_apply at a village, the 12317 platform at the province (discovered.body platform_12317) 03-01: the platform is a 载体 of 监督 (二(一)2(4)), never named; the village and the township not_discovered",
     BN("basic_needs_not_helped_to_apply", discovered=disc("province", "reporting_platform", body="platform_12317")), req=VIL_ND, forb=[("platform_12317",), ("city_*",)])
case("CP1 education_aid_records_irregular, the county's 人大政协 督导 03-01: the school not_discovered; the county 人大/政协 never named (二(一)2(1) 邀请…开展扶贫领域工作监督: they oversee, they hold no duty of the area)",
     ED("education_aid_records_irregular", discovered=disc("county", "congress_cppcc")), req=[(SCHOOL, "not_discovered")], forb=[("county_congress",), ("county_cppcc",), (CEDU,), (CFIN,)] + NOLOW)
case("OD1 project_late_or_unfinished, county hotline, handed to the township 03-03 with its own deadline 03-20 (handled[].deadline), no record deadline, finished 03-25, as of 04-30: the township not_rectified (by its 交办's terms)",
     PR("project_late_or_unfinished", discovered=hot, handled=[dict(asg("county", "township"), deadline="2021-03-20")], rectified_on="2021-03-25", **late), req=[(TWN, "not_rectified")], forb=NO_H)
case("OD2 the same finished 03-18: nobody late",
     PR("project_late_or_unfinished", discovered=hot, handled=[dict(asg("county", "township"), deadline="2021-03-20")], rectified_on="2021-03-18", **late), forb=NO_H + NOT_LATE)
case("SK1 health_application_not_helped at a village, the city's 调研督导 assigns it straight to the village 03-03, deadline 03-31, not done by 04-30: the village not_rectified; the township, never assigned, not not_rectified",
     HE("health_application_not_helped", discovered=cres(), handled=[asg("city", "village")], **dl, **late), req=[(b, "not_rectified") for b in VIL], forb=[("township_*", "not_rectified")] + NO_H)
case("SK2 identification_ineligible_included at a village, found 2020-02-20 by the county hotline (before the policy applied), no step, assessed 2020-04-30: nobody not_discovered (a discovery before the day makes no level answer for having missed it); the county, holding it on the day, not_handled from 2020-03-06 + 10 days; listed policy_in_force_from",
     ID("identification_ineligible_included", discovered=disc("county", "hotline", "2020-02-20"), as_of="2020-04-30"), req=[("county_*", "not_handled")], forb=NO_ND + CITYPROV, listed=["policy_in_force_from"])

# ===================== a sixth batch: levels never told, late pass-ups, pass-downs to a level that cannot rectify =====================
case("NT1 health_application_not_helped at a village, the township's own grid 03-01, handed to the village 03-03, deadline 03-31, not done by 04-30: the village not_rectified and not_discovered; the township presses its village; the county, never told, not named",
     HE("health_application_not_helped", discovered=disc("township", "grid"), handled=[asg("township", "village")], **dl, **late),
     req=[(b, "not_rectified") for b in VIL] + [(TWN, "supervision")], forb=[("county_*",), (TWN, "not_discovered"), (TWN, "not_rectified")] + CITYPROV)
case("NT2 project_not_deliberated at a village, the township's 核查普查 03-01, handed to the village 03-03, deadline 03-31, put right 03-20, as of 04-30: the village not_discovered only",
     PR("project_not_deliberated", discovered=disc("township", "verification_census"), handled=[asg("township", "village")], **dl, rectified_on="2021-03-20", **late),
     req=VIL_ND, forb=[("county_*",), ("township_*",)] + NO_H + NOT_LATE + CITYPROV)
case("LU1 funds_rules_gap at the county's code (the province's rules), the county hotline reports it to the city 03-03, the city passes it to the province only on 03-20 (17 days), the province mends it 04-10, as of 04-30: a city body not_handled (一(四) 没有按程序及时…上报); the county not; the province not",
     FU("funds_rules_gap", C, discovered=hot, handled=[rep("county", "city"), rep("city", "province", "2021-03-20")], rectified_on="2021-04-10", **late),
     req=[("city_*", "not_handled")], forb=[("county_*",), ("province_*",)] + NOLOW)
case("LU2 identification_policy_gap at the county's code, the county hotline hands it to 县民政局 03-03 (the province's policy: no county body can mend it), as of 03-25: a county body not_handled (no 按程序 report upward); no township, village or province body [After the run: the name first said 'hands it down to the township' while the record, as committed, hands it to 县民政局; the name now says what the record does, and LU2b is the township's]",
     ID("identification_policy_gap", C, discovered=hot, handled=[asg("county", "county", body=CCA)], **sit), req=[("county_*", "not_handled")],
     forb=[("township_*",), ("village_*",), ("province_*",)])
refuse("LU2b the same handed down to the township 03-03 (written after LU2's run): refused — a problem placed at the county's code is assigned to no level below it", ID("identification_policy_gap", C, discovered=hot, handled=[asg("county", "township")], **sit), "level_mismatch", "handled[0].to_level")
case("LU3 water_policy_gap at the county's code, the county hotline reports it to the province 03-03, the province hands it back to 县水利局 03-05 (the province's own policy: no county body can mend it), deadline 03-31, not mended by 04-30: 县水利局 not not_rectified; a province body answers",
     WA("water_policy_gap", C, discovered=hot, handled=[rep("county", "province"), asg("province", "county", "2021-03-05", body=CWA)], **dl, **late),
     req=[("province_*",)], forb=[(CWA, "not_rectified"), ("county_*", "not_handled")] + NOLOW)
case("PD1 education_aid_not_paid of finance's line, the city's 调研督导, handed to the county 03-03 (no body), deadline 03-31, paid 03-20, as of 04-30: 县财政局 not_discovered only; nobody late; no city body",
     ED("education_aid_not_paid", sector="finance", discovered=cres(), handled=[asg("city", "county")], **dl, rectified_on="2021-03-20", **late),
     req=[(CFIN, "not_discovered")], forb=[("city_*",), (SCHOOL,), (CEDU,)] + NO_H + NOT_LATE + NOLOW)
case("PD2 health_costs_accounting_irregular, the city's 调研督导, handed to 县医保局 03-03, deadline 03-31, not put right by 04-30, serious: 县医保局 not_rectified and not_discovered, staff + unit; not 县财政局; no village or township",
     HE("health_costs_accounting_irregular", discovered=cres(), handled=[asg("city", "county", body=CMI)], **dl, severity="serious", **late),
     req=[(CMI, "not_rectified", S3U), (CMI, "not_discovered", S3U)], forb=[(CFIN,), (CPO,)] + NOLOW + NO_MR, fl=NOLEAD)
case("PD3 basic_needs_direct_help_missing at a village, the county's 一户一策一干部 03-01 (its own work), → township 03-03 → village 03-05, deadline 03-31, not given by 04-30: the village not_rectified and not_discovered; the township presses; no county body not_discovered (the finder's own work)",
     BN("basic_needs_direct_help_missing", discovered=disc("county", "one_household_one_cadre"), handled=[asg("county", "township"), asg("township", "village", "2021-03-05")], **dl, **late),
     req=[(b, "not_rectified") for b in VIL] + VIL_ND + [(TWN, "supervision")], forb=[("county_*", "not_discovered"), (TWN, "not_rectified")] + NO_H + CITYPROV)
case("PD4 water_facilities_unmaintained at a village, the county's 动态跟踪 03-01, → township 03-03, deadline 03-31, maintained 03-28, as of 04-30: the township and the village not_discovered (as their 二(六)5(1)–(2) make them); nobody late; no county body not_discovered",
     WA("water_facilities_unmaintained", discovered=disc("county", "dynamic_tracking"), handled=[asg("county", "township")], **dl, rectified_on="2021-03-28", **late),
     req=[(TWN, "not_discovered")], forb=[("county_*", "not_discovered")] + NO_H + NOT_LATE + CITYPROV)
case("PD5 funds_poor_performance at a village, the county's 绩效评估 03-01 (二(四)4 组织实施…绩效评价: the county's own work), → township 03-03, deadline 03-31, not improved by 04-30: the township not_rectified; no county body not_discovered",
     FU("funds_poor_performance", discovered=disc("county", "performance_evaluation"), handled=[asg("county", "township")], **dl, **late),
     req=[(TWN, "not_rectified")], forb=[("county_*", "not_discovered"), ("village_*", "not_rectified")] + NO_H + CITYPROV)
