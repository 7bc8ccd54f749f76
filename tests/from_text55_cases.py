"""check55's records, written from the text (section 二(三), 二(六)1–5) before the library was run on them (session 55).

Each case: a record, the parameters it is read under, the findings the text requires (``req``: body or glob, basis,
optionally the liabilities) and forbids (``forb``), and the readings the verdict must (``listed``) or must not
(``notlisted``) list. tests/test_from_text55.py runs them. The auditor's report, with the clause behind each, is
/work/helpers/s55/check55.md in the session's notes; the names below say the reading in brief.
"""
# ruff: noqa: E501, E702, E731, RUF005

# Each: rec, params, req [(body|glob, basis|None, [liabs]|None)], forb [(body|glob, basis|None)], listed, notlisted.
from .from_text import (
     CITY,
     CITYPROV,
     CNTY_MR,
     LOW_ND,
     NO_MR,
     NOLOW,
     OVERS,
     TWN,
     VIL,
     VIL_ND,
     A,
     C,
     T,
     adder,
     asg,
     cres,
     disc,
     hot,
     late,
     rep,
)

CASES: list = []
case = adder(CASES)
NOLOW_ND = [("village_*", "not_discovered"), ("township_*", "not_discovered")]
csur = lambda body=None: disc("city", "survey_verification", body=body)
BN = A("basic_needs"); ID = A("identification"); ED = A("education"); HE = A("health"); HO = A("housing"); WA = A("water")

# ===================== 两不愁 二(六)1 =====================
case("BN1 not_helped_to_apply, county hotline: village (二(六)1(1) 及时帮助申请) + township (二(二)2) not_discovered; no county dept, no city/prov",
     BN("basic_needs_not_helped_to_apply", discovered=hot), req=LOW_ND, forb=CITYPROV + [("county_*", "not_discovered")] + NO_MR)
case("BN2 not_helped_to_apply, county→village 03-03, deadline 03-31, never fixed: village not_rectified; civil affairs not rectifier",
     BN("basic_needs_not_helped_to_apply", discovered=hot, handled=[asg("county", "village")], deadline="2021-03-31", **late),
     req=[(b, "not_rectified") for b in VIL], forb=CITYPROV + [("county_civil_affairs", "not_rectified"), (TWN, "not_rectified")])
case("BN3 approval_late (已申请), city 调研督导, sector civil_affairs: county_civil_affairs not_discovered (及时审批社会救助对象); village NOT (no duty to find a county approval)",
     BN("basic_needs_approval_late", sector="civil_affairs", discovered=cres()), req=[("county_civil_affairs", "not_discovered")],
     forb=[("village_*",), ("county_finance",), ("county_poverty_office", "not_discovered"), ("city_*", "not_discovered")])
case("BN4 approval_late, no sector, city 调研督导: a county department (civil affairs or the 问题所属部门) not_discovered; no village",
     BN("basic_needs_approval_late", discovered=cres()), req=[("county_*", "not_discovered")],
     forb=[("village_*",), ("county_finance",), ("county_education",), ("county_construction",)])
case("BN5 payment_late, city 调研督导, sector civil_affairs: county_civil_affairs not_discovered; no village/township, no finance",
     BN("basic_needs_payment_late", sector="civil_affairs", discovered=cres()), req=[("county_civil_affairs", "not_discovered")],
     forb=NOLOW + [("county_finance",), ("county_poverty_office",)])
case("BN6 payment_late, city→county_civil_affairs 03-03 deadline 03-31 never fixed: civil affairs not_rectified; county leaders may press; city not",
     BN("basic_needs_payment_late", sector="civil_affairs", discovered=cres(), handled=[asg("city", "county", body="county_civil_affairs")], deadline="2021-03-31", **late),
     req=[("county_civil_affairs", "not_rectified")], forb=NOLOW + [("county_finance",), ("city_*", "not_rectified"), ("city_*", "not_handled")])
case("BN7 below_floor, province 调查核查, grave: county leaders 主体责任 (二(六)1(4) 落实托底线以下消除); no city/prov not_discovered",
     BN("basic_needs_below_floor", severity="grave", discovered=disc("province", "survey_verification")),
     req=CNTY_MR, forb=[("city_*", "not_discovered"), ("province_*", "not_discovered")] + OVERS)
case("BN8 contact_missing (每户一名干部每月联系), city 调研督导: county leaders' duty (确保); no village, no civil affairs",
     BN("basic_needs_contact_missing", discovered=cres()), req=[],
     forb=[("village_*",), ("county_civil_affairs",), ("county_finance",), ("city_*", "not_discovered")])
case("BN9 contact_missing, grave: county 主体责任 二(六)1(4)",
     BN("basic_needs_contact_missing", severity="grave", discovered=cres()), req=CNTY_MR, forb=[("village_*",), ("county_civil_affairs",)])
case("BN10 direct_help_missing (村集体直接帮扶), county hotline: village not_discovered; county depts nothing",
     BN("basic_needs_direct_help_missing", discovered=hot), req=VIL_ND, forb=CITYPROV + [("county_civil_affairs",), ("county_finance",)])
case("BN11 eligible_not_included (未见申请), county hotline: village + township not_discovered; civil affairs not (no application)",
     BN("basic_needs_eligible_not_included", discovered=hot), req=LOW_ND, forb=CITYPROV + [("county_civil_affairs", "not_discovered")])
case("BN12 policy_gap at county code, county hotline, county reports up 03-03 to city: nobody at county; city/prov per policy",
     BN("basic_needs_policy_gap", C, discovered=hot, handled=[rep("county", "city")]),
     forb=NOLOW + [("county_*", "not_discovered"), ("county_*", "not_rectified")] + OVERS)
case("BN13 policy_gap, county sits 20 days: a county body not_handled (一(三) 超出本级权限…及时报送)",
     BN("basic_needs_policy_gap", C, discovered=hot, as_of="2021-03-25"), req=[("county_*", "not_handled")], forb=NOLOW)
case("BN14 income_not_raised, city 调研督导, no sector: county dept not_discovered, once; no village",
     BN("basic_needs_income_not_raised", discovered=cres()), req=[("county_*", "not_discovered")], forb=[("city_*", "not_discovered")] + OVERS)
case("BN15 employment_insufficient (一(一) 创业就业不充分), county grid: village + township not_discovered",
     BN("basic_needs_employment_insufficient", discovered=disc("county", "verification_census")), req=LOW_ND, forb=CITYPROV)
case("BN16 payment_late, county civil affairs found it itself (verification_census body) and sits 20 days: county_civil_affairs not_handled",
     BN("basic_needs_payment_late", sector="civil_affairs", discovered=disc("county", "verification_census", body="county_civil_affairs"), as_of="2021-03-25"),
     req=[("county_civil_affairs", "not_handled")], forb=NOLOW + [("county_finance",)] + CITYPROV)
case("BN17 below_floor, city→county 03-03, county→township 03-05, deadline 03-31 never fixed: township not_rectified",
     BN("basic_needs_below_floor", discovered=cres(), handled=[asg("city", "county"), asg("county", "township", "2021-03-05")], deadline="2021-03-31", **late),
     req=[(TWN, "not_rectified")], forb=[("city_*", "not_rectified"), ("village_*", "not_rectified")])
case("BN18 approval_late concealed by county_civil_affairs from the province 核查: civil affairs concealed",
     BN("basic_needs_approval_late", sector="civil_affairs", discovered=disc("province", "higher_level_verification"), concealed_by=["county_civil_affairs"]),
     req=[("county_civil_affairs", "concealed")], forb=[("village_*", "concealed"), ("township_*", "concealed")])

# ===================== 低收入农户精准识别 二(三) =====================
case("ID1 eligible_omitted (应报未报), county hotline: village (应报尽报) + township (主动发现) not_discovered; civil affairs not",
     ID("identification_eligible_omitted", discovered=hot), req=LOW_ND, forb=CITYPROV + [("county_civil_affairs",)] + NO_MR)
case("ID2 eligible_omitted, city 调研督导: village + township not_discovered; county civil affairs NOT not_discovered (no application reached it)",
     ID("identification_eligible_omitted", discovered=cres()), req=LOW_ND, forb=[("county_civil_affairs", "not_discovered"), ("city_*", "not_discovered"), ("county_finance",)])
case("ID3 applicant_not_included (应纳未纳), city 调研督导, sector civil_affairs: county_civil_affairs not_discovered; village NOT",
     ID("identification_applicant_not_included", sector="civil_affairs", discovered=cres()), req=[("county_civil_affairs", "not_discovered")],
     forb=[("village_*",), ("county_poverty_office", "not_discovered"), ("county_finance",)])
case("ID4 applicant_not_included, no sector: county_civil_affairs not_discovered (named in the text, 二(三)3); no village",
     ID("identification_applicant_not_included", discovered=cres()), req=[("county_civil_affairs", "not_discovered")], forb=[("village_*",)])
case("ID5 ineligible_included (材料不实), city 调查核查: village (真实性) + township (入户核实真实性) not_discovered",
     ID("identification_ineligible_included", discovered=csur()), req=LOW_ND, forb=[("city_*", "not_discovered"), ("county_finance",)],
     listed=["review_answers_for_false_materials"])
case("ID6 ineligible_included, review_answers_for_false_materials flipped: civil affairs flips",
     ID("identification_ineligible_included", discovered=csur()), req=LOW_ND, params={"review_answers_for_false_materials": True},
     listed=["review_answers_for_false_materials"])
case("ID7 pushed_info_untrue, city 调研督导: county_poverty_office not_discovered (推送对象信息真实性); no village/township? no civil affairs",
     ID("identification_pushed_info_untrue", discovered=cres()), req=[("county_poverty_office", "not_discovered")],
     forb=[("county_civil_affairs", "not_discovered"), ("city_*", "not_discovered")])
case("ID8 pushed_info_untrue, city→county_poverty_office 03-03 deadline 03-31 never fixed: poverty office not_rectified",
     ID("identification_pushed_info_untrue", discovered=cres(), handled=[asg("city", "county", body="county_poverty_office")], deadline="2021-03-31", **late),
     req=[("county_poverty_office", "not_rectified")], forb=[("county_civil_affairs", "not_rectified"), ("village_*", "not_rectified"), (TWN, "not_rectified")])
case("ID9 policy_gap at county code reported up 03-03, province 民政 sits: province_civil_affairs? not province_poverty_office not_rectified",
     ID("identification_policy_gap", C, discovered=hot, handled=[rep("county", "city"), rep("city", "province", "2021-03-05"), asg("province", "province", "2021-03-07", body="province_civil_affairs")],
        deadline="2021-04-15", **late),
     req=[("province_civil_affairs", "not_rectified")], forb=[("province_poverty_office", "not_rectified"), ("county_*",), ("village_*",), ("township_*",)])
case("ID10 applicant_not_included, grave, city: county 主体责任 二(三)5",
     ID("identification_applicant_not_included", sector="civil_affairs", severity="grave", discovered=cres()), req=CNTY_MR + [("county_civil_affairs", "not_discovered", ["staff", "unit", "leadership"])])
case("ID11 eligible_omitted, county→township 03-03 (deadline 03-31), township→village 03-05, never fixed: village not_rectified; township supervision?",
     ID("identification_eligible_omitted", discovered=hot, handled=[asg("county", "township"), asg("township", "village", "2021-03-05")], deadline="2021-03-31", **late),
     req=[(b, "not_rectified") for b in VIL], forb=[("county_civil_affairs", "not_rectified"), ("city_*",)])
case("ID12 ineligible_included concealed by township from the county audit: township concealed",
     ID("identification_ineligible_included", discovered=disc("county", "audit", body="county_audit"), concealed_by=["township"]),
     req=[(TWN, "concealed")], forb=[("county_audit",)])
case("ID13 eligible_omitted: province 调查核查: no county civil affairs, no province/city offices not_discovered",
     ID("identification_eligible_omitted", discovered=disc("province", "survey_verification")), req=LOW_ND,
     forb=[("county_civil_affairs",), ("city_*", "not_discovered"), ("province_*", "not_discovered")])

# ===================== 教育扶贫 二(六)2 =====================
case("ED1 student_not_identified, city 调研督导: school + county_education not_discovered; no village/township (not theirs), no finance/civil affairs/poverty office",
     ED("education_student_not_identified", discovered=cres()), req=[("county_school", "not_discovered"), ("county_education", "not_discovered")],
     forb=NOLOW + [("county_finance",), ("county_civil_affairs",), ("county_poverty_office",), ("county_disabled_federation",)])
case("ED2 student_not_identified, city→county_education 03-03, deadline 03-31, never fixed: county_education not_rectified",
     ED("education_student_not_identified", discovered=cres(), handled=[asg("city", "county", body="county_education")], deadline="2021-03-31", **late),
     req=[("county_education", "not_rectified")], forb=NOLOW + [("county_poverty_office", "not_rectified"), ("county_finance",)])
case("ED3 lists_not_provided, sector civil_affairs, city 调研督导: county_civil_affairs only; no disabled federation, no school/education",
     ED("education_lists_not_provided", sector="civil_affairs", discovered=cres()), req=[("county_civil_affairs", "not_discovered")],
     forb=[("county_disabled_federation",), ("county_school",), ("county_education",)] + NOLOW)
case("ED4 lists_not_provided, sector disabled_federation: county_disabled_federation only",
     ED("education_lists_not_provided", sector="disabled_federation", discovered=cres()), req=[("county_disabled_federation", "not_discovered")],
     forb=[("county_civil_affairs",), ("county_school",), ("county_education",)] + NOLOW)
case("ED5 aid_not_paid, sector finance (拨付), city: county_finance not_discovered; no school? (school's 发放 not at fault), no education bureau",
     ED("education_aid_not_paid", sector="finance", discovered=cres()), req=[("county_finance", "not_discovered")],
     forb=[("county_education",), ("county_poverty_office",)] + NOLOW)
case("ED6 aid_not_paid, sector school (发放), city: school not_discovered; finance (监管资助资金) maybe; no education bureau",
     ED("education_aid_not_paid", sector="school", discovered=cres()), req=[("county_school", "not_discovered")],
     forb=[("county_education",), ("county_poverty_office",)] + NOLOW)
case("ED7 aid_support_missing, city 调研督导: county leaders not_discovered (二(六)2(3)); no school or department",
     ED("education_aid_support_missing", C, discovered=cres()), req=[("county_party_committee", "not_discovered"), ("county_government", "not_discovered")],
     forb=[("county_school",), ("county_education",), ("county_finance",)] + NOLOW)
case("ED8 aid_procedure_irregular, city: school only; education bureau not by default (listed param)",
     ED("education_aid_procedure_irregular", discovered=cres()), req=[("county_school", "not_discovered")],
     forb=[("county_education",), ("county_finance",)] + NOLOW, listed=["education_review_covers_procedure"])
case("ED9 aid_records_irregular, city: school only",
     ED("education_aid_records_irregular", discovered=cres()), req=[("county_school", "not_discovered")],
     forb=[("county_education",), ("county_finance",)] + NOLOW)
case("ED10 aid_funds_irregular, city: school + county_finance (监管资助资金) not_discovered",
     ED("education_aid_funds_irregular", discovered=cres()), req=[("county_school", "not_discovered"), ("county_finance", "not_discovered")],
     forb=[("county_education",), ("county_poverty_office",)] + NOLOW)
case("ED11 policy_gap, sector education, at county code, county reports up: province/city education only",
     ED("education_policy_gap", C, sector="education", discovered=hot, handled=[rep("county", "city"), rep("city", "province", "2021-03-04")], as_of="2021-03-30"),
     req=[], forb=[("*_finance",), ("*_civil_affairs",), ("*_hrss",), ("*_disabled_federation",), ("county_*",)] + NOLOW)
case("ED12 student_not_identified, grave, city: county 主体责任 二(六)2(3)",
     ED("education_student_not_identified", severity="grave", discovered=cres()), req=CNTY_MR, forb=NOLOW)
case("ED13 student_not_identified, county hotline, county→school 03-03? (to_body county_school), never fixed: school not_rectified, education bureau presses",
     ED("education_student_not_identified", discovered=hot, handled=[asg("county", "county", body="county_school")], deadline="2021-03-31", **late),
     req=[("county_school", "not_rectified")], forb=NOLOW + [("county_poverty_office",), ("county_finance",)])
case("ED14 student_not_identified, county hotline, sits 20 days: county_education not_handled (its 认定审核); no poverty office",
     ED("education_student_not_identified", discovered=hot, as_of="2021-03-25"), req=[("county_education", "not_handled")],
     forb=NOLOW + [("county_poverty_office",), ("county_finance",), ("county_school", "not_handled")])

# ===================== 健康扶贫 二(六)3 =====================
case("HE1 application_not_helped, county hotline: village (帮助申请) + township (二(二)2) not_discovered; no medical insurance",
     HE("health_application_not_helped", discovered=hot), req=VIL_ND, forb=CITYPROV + [("county_medical_insurance",), ("county_finance",), ("county_health",)])
case("HE2 false_materials, city 调查核查: village (证明材料真实性) + township (入户核实真实性) not_discovered",
     HE("health_false_materials", discovered=csur()), req=LOW_ND, forb=[("county_finance",), ("county_poverty_office",), ("city_*", "not_discovered")])
case("HE3 assistance_late, sector medical_insurance, city: county_medical_insurance not_discovered; no village/township; no finance",
     HE("health_assistance_late", sector="medical_insurance", discovered=cres()), req=[("county_medical_insurance", "not_discovered")],
     forb=NOLOW + [("county_finance",), ("county_health",), ("county_poverty_office",)])
case("HE4 assistance_late, sector finance (资金拨付), city: county_finance not_discovered; no medical insurance? (审核审批 done)",
     HE("health_assistance_late", sector="finance", discovered=cres()), req=[("county_finance", "not_discovered")],
     forb=NOLOW + [("county_health",), ("county_poverty_office",)])
case("HE5 costs_accounting_irregular (核算汇总上报), city: county_medical_insurance only",
     HE("health_costs_accounting_irregular", discovered=cres()), req=[("county_medical_insurance", "not_discovered")],
     forb=NOLOW + [("county_finance",), ("county_health",), ("county_poverty_office",)])
case("HE6 insurance_not_in_place (医疗补充政策性保险), city: county_poverty_office only",
     HE("health_insurance_not_in_place", discovered=cres()), req=[("county_poverty_office", "not_discovered")],
     forb=NOLOW + [("county_medical_insurance", "not_discovered"), ("county_finance",), ("county_health",)])
case("HE7 insurance_not_in_place, city→county_poverty_office 03-03, never fixed: office not_rectified; medical insurance not rectifier",
     HE("health_insurance_not_in_place", discovered=cres(), handled=[asg("city", "county", body="county_poverty_office")], deadline="2021-03-31", **late),
     req=[("county_poverty_office", "not_rectified")], forb=NOLOW + [("county_medical_insurance", "not_rectified"), ("county_finance",)])
case("HE8 policy_gap, sector medical_insurance, county reports up: province/city medical insurance (not poverty office)",
     HE("health_policy_gap", C, sector="medical_insurance", discovered=hot, handled=[rep("county", "city"), rep("city", "province", "2021-03-04")], as_of="2021-03-30"),
     forb=[("county_*",), ("*_poverty_office", "not_rectified"), ("*_finance",)] + NOLOW)
case("HE9 assistance_late, sector medical_insurance, grave: county 主体责任 二(六)3(4)",
     HE("health_assistance_late", sector="medical_insurance", severity="grave", discovered=cres()), req=CNTY_MR + [("county_medical_insurance", "not_discovered", ["staff", "unit", "leadership"])], forb=NOLOW)
case("HE10 false_materials, county→township 03-03, never fixed: township not_rectified",
     HE("health_false_materials", discovered=hot, handled=[asg("county", "township")], deadline="2021-03-31", **late),
     req=[(TWN, "not_rectified")], forb=[("county_finance",), ("county_poverty_office", "not_rectified"), ("city_*",)])
case("HE11 application_not_helped, village concealed from county 核查: village concealed",
     HE("health_application_not_helped", discovered=disc("county", "verification_census"), concealed_by=["village"]),
     req=[(b, "concealed") for b in VIL])
case("HE12 assistance_late, county medical insurance found it itself, sat 20 days: not_handled",
     HE("health_assistance_late", sector="medical_insurance", discovered=disc("county", "verification_census", body="county_medical_insurance"), as_of="2021-03-25"),
     req=[("county_medical_insurance", "not_handled")], forb=NOLOW + [("county_finance",)])

# ===================== 危房改造 二(六)4 =====================
case("HO1 danger_unreported, county 核查普查 by 县建设: village + township not_discovered (及时发现掌握并上报); no other county dept",
     HO("housing_danger_unreported", discovered=disc("county", "verification_census", body="county_construction")), req=LOW_ND,
     forb=CITYPROV + [("county_civil_affairs",), ("county_natural_resources",), ("county_finance",), ("county_construction", "not_discovered")])
case("HO2 danger_unreported, city 调研督导: village + township not_discovered; no civil affairs/natural resources/finance",
     HO("housing_danger_unreported", discovered=cres()), req=LOW_ND,
     forb=[("county_civil_affairs",), ("county_natural_resources",), ("county_finance",), ("city_*", "not_discovered")])
case("HO3 records_false, city 调查核查: village + township not_discovered (档案真实性)",
     HO("housing_records_false", discovered=csur()), req=LOW_ND, forb=[("county_natural_resources",), ("county_finance",), ("city_*", "not_discovered")])
case("HO4 safety_system_missing (乡镇常态化网格化制度), at township code, county 督查? city: township not_discovered; village never",
     HO("housing_safety_system_missing", T, discovered=cres()), req=[(TWN, "not_discovered")], forb=[("village_*",), ("county_civil_affairs",), ("county_finance",)])
case("HO5 safety_system_missing, county→township 03-03, never fixed: township not_rectified; 县建设 presses (督促指导乡镇)",
     HO("housing_safety_system_missing", T, discovered=hot, handled=[asg("county", "township")], deadline="2021-03-31", **late),
     req=[(TWN, "not_rectified")], forb=[("village_*",), ("county_civil_affairs",), ("county_finance",)])
case("HO6 subsidy_irregular, sector construction, city: county_construction not_discovered (补助资金审核); no village/township",
     HO("housing_subsidy_irregular", sector="construction", discovered=cres()), req=[("county_construction", "not_discovered")],
     forb=NOLOW + [("county_civil_affairs",), ("county_natural_resources",)])
case("HO7 subsidy_irregular, sector finance, city: county_finance not_discovered (财政补贴)",
     HO("housing_subsidy_irregular", sector="finance", discovered=cres()), req=[("county_finance", "not_discovered")],
     forb=NOLOW + [("county_civil_affairs",), ("county_natural_resources",)])
case("HO8 policy_gap at county code, reported up: province/city construction only (二(六)4(6))",
     HO("housing_policy_gap", C, discovered=hot, handled=[rep("county", "city"), rep("city", "province", "2021-03-04")], as_of="2021-03-30"),
     forb=[("county_*",), ("*_natural_resources",), ("*_civil_affairs",), ("*_finance",)] + NOLOW)
case("HO9 line_policy_gap sector natural_resources: province/city natural resources only (二(六)4(7)); no construction",
     HO("housing_line_policy_gap", C, sector="natural_resources", discovered=hot, handled=[rep("county", "city"), rep("city", "province", "2021-03-04")], as_of="2021-03-30"),
     forb=[("county_*",), ("*_construction",), ("*_civil_affairs",), ("*_finance",)] + NOLOW)
case("HO10 renovation_late, grave, city: county 主体责任 二(六)4(5)",
     HO("housing_renovation_late", severity="grave", discovered=cres()), req=CNTY_MR, forb=[("county_civil_affairs",), ("county_natural_resources",), ("county_finance",)])
case("HO11 renovation_late, sector natural_resources (建设用地), city: county_natural_resources? + village/township",
     HO("housing_renovation_late", sector="natural_resources", discovered=cres()), req=[],
     forb=[("county_civil_affairs",), ("county_finance",), ("city_*", "not_discovered")])
case("HO12 danger_unreported, township concealed from the city 核查: township concealed",
     HO("housing_danger_unreported", discovered=disc("city", "survey_verification"), concealed_by=["township"]), req=[(TWN, "concealed")])
case("HO13 danger_unreported, village found by grid 03-01, reported to township 03-02; township sat: township not_handled (及时上报); village nothing",
     HO("housing_danger_unreported", discovered=disc("village", "grid"), handled=[rep("village", "township", "2021-03-02")], as_of="2021-03-25"),
     req=[(TWN, "not_handled")], forb=[("village_*",)] + CITYPROV)
case("HO14 records_false, county→township, rectified in time: only not_discovered",
     HO("housing_records_false", discovered=hot, handled=[asg("county", "township")], deadline="2021-03-31", rectified_on="2021-03-20", **late),
     req=LOW_ND, forb=[("*", "not_rectified"), ("*", "supervision"), ("*", "not_handled")])

# ===================== 饮水安全 二(六)5 =====================
case("WA1 unsafe_unreported, city 调研督导: village (及时上报) + township (供水安全保障) not_discovered; no unit/health",
     WA("water_unsafe_unreported", discovered=cres()), req=LOW_ND, forb=[("county_health",), ("county_finance",), ("city_*", "not_discovered")])
case("WA2 self_testing_not_done (水质自检), city: county_water_supply_unit not_discovered; no village/township; no health",
     WA("water_self_testing_not_done", discovered=cres()), req=[("county_water_supply_unit", "not_discovered")],
     forb=NOLOW + [("county_health", "not_discovered"), ("county_finance",)])
case("WA3 monitoring_network_missing, city: county_health only; no water, unit, village",
     WA("water_monitoring_network_missing", C, discovered=cres()), req=[("county_health", "not_discovered")],
     forb=NOLOW + [("county_water",), ("county_water_supply_unit",), ("county_finance",)])
case("WA4 emergency_failure (应急保供), city: county_water_supply_unit not_discovered",
     WA("water_emergency_failure", discovered=cres()), req=[("county_water_supply_unit", "not_discovered")], forb=[("county_health",), ("county_finance",)])
case("WA5 facilities_unmaintained, city: township (工程长效管护、水源地管理保护) + unit + village (水源地日常巡查) not_discovered",
     WA("water_facilities_unmaintained", discovered=cres()), req=[(TWN, "not_discovered"), ("county_water_supply_unit", "not_discovered")],
     forb=[("county_health",), ("county_finance",)])
case("WA6 project_funds_irregular, city: county_water (项目资金管理) not_discovered; no health, unit",
     WA("water_project_funds_irregular", discovered=cres()), req=[("county_water", "not_discovered")],
     forb=[("county_health",), ("county_water_supply_unit",)])
case("WA7 quality_substandard, city: county_water_supply_unit (确保供水达标) not_discovered",
     WA("water_quality_substandard", discovered=cres()), req=[("county_water_supply_unit", "not_discovered")], forb=[("county_finance",)])
case("WA8 policy_gap, county reports up: province/city water only by default (param water_policy_health_departments listed)",
     WA("water_policy_gap", C, discovered=hot, handled=[rep("county", "city"), rep("city", "province", "2021-03-04")], as_of="2021-03-30"),
     forb=[("county_*",), ("*_finance",), ("*_construction",)] + NOLOW)
case("WA9 self_testing_not_done, city→unit 03-03 never fixed: unit not_rectified; 县水利 presses (监管)",
     WA("water_self_testing_not_done", discovered=cres(), handled=[asg("city", "county", body="county_water_supply_unit")], deadline="2021-03-31", **late),
     req=[("county_water_supply_unit", "not_rectified")], forb=NOLOW + [("county_health", "not_rectified"), ("city_*", "not_rectified")])
case("WA10 monitoring_network_missing, grave: county 主体责任 二(六)5(5) + county_health st+u+l",
     WA("water_monitoring_network_missing", C, severity="grave", discovered=cres()), req=CNTY_MR + [("county_health", "not_discovered", ["staff", "unit", "leadership"])], forb=NOLOW)
case("WA11 unsafe_unreported, village found by grid and sat 20 days: village not_handled (及时上报)",
     WA("water_unsafe_unreported", discovered=disc("village", "grid"), as_of="2021-03-25"), req=[(b, "not_handled") for b in VIL], forb=[(TWN,), ("county_*",)] + CITYPROV)
case("WA12 project_quality_unsafe, city: county_water (建设质量和安全监管) not_discovered; no health",
     WA("water_project_quality_unsafe", discovered=cres()), req=[("county_water", "not_discovered")], forb=[("county_health",), ("county_finance",)])

# ===================== batch 2 (written 20:38–20:50, still before any run): handling holders, pressers, 县扶贫办 =====================
sit = dict(as_of="2021-03-25")
case("S1 housing renovation_late, county hotline, county sits 24 days: 县建设 not_handled (the kind's department); not civil affairs/finance/natural resources",
     HO("housing_renovation_late", discovered=hot, **sit), req=[("county_construction", "not_handled")],
     forb=[("county_civil_affairs",), ("county_finance",), ("county_natural_resources",), ("county_education",)])
case("S2 water self_testing_not_done, county hotline, sits: a county body not_handled (unit or 县水利); not 县卫健",
     WA("water_self_testing_not_done", discovered=hot, **sit), req=[("county_*", "not_handled")], forb=[("county_health", "not_handled"), ("county_finance",)])
case("S3 water monitoring_network_missing, county hotline, sits: county_health not_handled; not 县水利",
     WA("water_monitoring_network_missing", C, discovered=hot, **sit), req=[("county_health", "not_handled")], forb=[("county_water",), ("county_water_supply_unit",)])
case("S4 health insurance_not_in_place, county hotline, sits: county_poverty_office not_handled; not 县医保",
     HE("health_insurance_not_in_place", discovered=hot, **sit), req=[("county_poverty_office", "not_handled")], forb=[("county_medical_insurance",), ("county_finance",)])
case("S5 health costs_accounting_irregular, county hotline, sits: county_medical_insurance not_handled; not finance",
     HE("health_costs_accounting_irregular", discovered=hot, **sit), req=[("county_medical_insurance", "not_handled")], forb=[("county_finance",), ("county_health",)])
case("S6 identification applicant_not_included, county hotline, sits: county_civil_affairs not_handled (or 扶贫办 keeper); not finance",
     ID("identification_applicant_not_included", discovered=hot, **sit), req=[("county_*", "not_handled")], forb=[("county_finance",), ("county_education",)])
case("S7 basic_needs payment_late, county hotline, sits: a county body not_handled; not finance/education",
     BN("basic_needs_payment_late", discovered=hot, **sit), req=[("county_*", "not_handled")], forb=[("county_finance",), ("county_education",), ("county_construction",)])
case("S8 education lists_not_provided sector disabled_federation, county hotline, sits: 县残联 not_handled only",
     ED("education_lists_not_provided", sector="disabled_federation", discovered=hot, **sit), req=[("county_disabled_federation", "not_handled")],
     forb=[("county_civil_affairs",), ("county_education",), ("county_school",)])
# pressers
case("P1 housing renovation_late city→county 03-03 (no body), county→township 03-05, never fixed: township not_rectified; 县建设 + county leaders + 市住建 press; no 县民政/县财政/县自然资源",
     HO("housing_renovation_late", discovered=cres("city_construction"), handled=[asg("city", "county"), asg("county", "township", "2021-03-05")], deadline="2021-03-31", **late),
     req=[(TWN, "not_rectified"), ("county_construction", "supervision"), ("city_construction", "supervision")],
     forb=[("county_civil_affairs",), ("county_finance",), ("county_natural_resources",), ("city_civil_affairs",), ("city_finance",), ("village_*", "not_rectified")])
case("P2 water facilities_unmaintained county→township, never fixed: township not_rectified; 县水利 presses (指导…长效管护); 县卫健 does not",
     WA("water_facilities_unmaintained", discovered=hot, handled=[asg("county", "township")], deadline="2021-03-31", **late),
     req=[(TWN, "not_rectified")], forb=[("county_health",), ("county_finance",), ("city_*",)])
case("P3 education student_not_identified city→county_education→school, never fixed: school not_rectified; 县教育局 presses; 县扶贫办 does not",
     ED("education_student_not_identified", discovered=cres("city_education"), handled=[asg("city", "county", body="county_education"), asg("county", "county", "2021-03-05", body="county_school")], deadline="2021-03-31", **late),
     req=[("county_school", "not_rectified")], forb=[("county_poverty_office",), ("county_finance",), ("county_civil_affairs",), ("village_*",), ("township_*",)])
case("P4 health false_materials county→township never fixed: township not_rectified; 县医保 presses? 县扶贫办 does not rectify",
     HE("health_false_materials", discovered=hot, handled=[asg("county", "township")], deadline="2021-03-31", **late),
     req=[(TWN, "not_rectified")], forb=[("county_poverty_office", "not_rectified"), ("county_finance",), ("city_*",)])
case("P5 identification eligible_omitted county→township never fixed: township not_rectified; 县民政 not rectifier",
     ID("identification_eligible_omitted", discovered=hot, handled=[asg("county", "township")], deadline="2021-03-31", **late),
     req=[(TWN, "not_rectified")], forb=[("county_civil_affairs", "not_rectified"), ("county_finance",), ("city_*",)])
case("P6 basic_needs direct_help_missing county→village never fixed: village not_rectified; township presses (二(二)2)",
     BN("basic_needs_direct_help_missing", discovered=hot, handled=[asg("county", "village")], deadline="2021-03-31", **late),
     req=[(b, "not_rectified") for b in VIL], forb=[("county_civil_affairs", "not_rectified"), ("city_*",)])
# rectified in time: nobody but discovery
case("Q1 water unsafe_unreported county→township, fixed in time: only village/township not_discovered",
     WA("water_unsafe_unreported", discovered=hot, handled=[asg("county", "township")], deadline="2021-03-31", rectified_on="2021-03-20", **late),
     req=LOW_ND, forb=[("*", "not_rectified"), ("*", "supervision"), ("*", "not_handled"), ("county_*",)])
case("Q2 education aid_records_irregular, city→school (to_body county_school) fixed in time: school not_discovered only",
     ED("education_aid_records_irregular", discovered=cres(), handled=[asg("city", "county", body="county_school")], deadline="2021-03-31", rectified_on="2021-03-20", **late),
     req=[("county_school", "not_discovered")], forb=[("*", "not_rectified"), ("*", "supervision"), ("*", "not_handled")])
# misassigned bodies (一(三) 分类交办)
case("M1 housing renovation_late handed by the county to 县教育局 (no part): not 按程序; 县教育局 never named",
     HO("housing_renovation_late", discovered=hot, handled=[asg("county", "county", body="county_education")], deadline="2021-03-31", **late),
     req=[("county_*", "not_handled")], forb=[("county_education",)])
case("M2 water monitoring_network_missing handed by the city to 县水利 (not its part): 县水利 not rectifier (a 县卫健 duty)",
     WA("water_monitoring_network_missing", C, discovered=cres(), handled=[asg("city", "county", body="county_water")], deadline="2021-03-31", **late),
     forb=[("county_water", "not_rectified")])
# grades per area
case("G1 water self_testing_not_done serious: unit st+unit, no leadership, no 主体责任",
     WA("water_self_testing_not_done", severity="serious", discovered=cres()), req=[("county_water_supply_unit", "not_discovered", ["staff", "unit"])], forb=NO_MR)
case("G2 health application_not_helped grave: village st+u+l; county 主体责任 二(六)3(4)",
     HE("health_application_not_helped", severity="grave", discovered=hot), req=[(b, "not_discovered", ["staff", "unit", "leadership"]) for b in VIL] + CNTY_MR,
     forb=[("township_*", "main_responsibility")])
case("G3 identification eligible_omitted grave city: county 主体责任 (二(三)5); county leaders NOT not_discovered by default",
     ID("identification_eligible_omitted", severity="grave", discovered=cres()), req=CNTY_MR, forb=[("county_party_committee", "not_discovered"), ("county_government", "not_discovered")],
     listed=["county_leaders_find_omitted_households"])
case("G4 same with county_leaders_find_omitted_households=true: county leaders not_discovered",
     ID("identification_eligible_omitted", severity="grave", discovered=cres()), params={"county_leaders_find_omitted_households": True},
     req=CNTY_MR + [("county_party_committee", "not_discovered"), ("county_government", "not_discovered")])
# school concealment & unit_below_own_level
case("U1 student_not_identified found by 县教育局 (county 核查普查): school not_discovered (unit_below_own_level true)",
     ED("education_student_not_identified", discovered=disc("county", "verification_census", body="county_education")), req=[("county_school", "not_discovered")],
     forb=[("county_education", "not_discovered")], listed=["unit_below_own_level"])
case("U2 same, unit_below_own_level=false: school not named",
     ED("education_student_not_identified", discovered=disc("county", "verification_census", body="county_education")), params={"unit_below_own_level": False},
     forb=[("county_school", "not_discovered"), ("county_education", "not_discovered")])
# province/city over-blame checks
case("O1 housing danger_unreported, province 调查核查: no city/province body not_discovered (一(一) gives specific problems to the county)",
     HO("housing_danger_unreported", discovered=disc("province", "survey_verification")), req=LOW_ND, forb=[("city_*", "not_discovered"), ("province_*", "not_discovered")])
case("O2 basic_needs below_floor, province 调查核查: no city not_discovered by default though 二(六)1(5) 监督检查 (param listed)",
     BN("basic_needs_below_floor", discovered=disc("province", "survey_verification")), forb=[("city_*", "not_discovered")])
case("O3 water policy_gap, city finds own-policy gap (city code) and sits 20 days: city water not_handled? (own policy, 二(六)5(6))",
     WA("water_policy_gap", CITY, discovered=cres("city_water"), **sit), req=[("city_water", "not_handled")], forb=[("county_*",), ("province_*", "not_discovered")])
case("X1 water_quality_test_failed, city: 县卫健 (安全检测) not_discovered? unit; village cannot test",
     WA("water_quality_test_failed", discovered=cres()), req=[], forb=[("county_finance",)])
case("X2 water_quality_substandard found by 县卫健's own testing (county verification_census body county_health): unit? village?",
     WA("water_quality_substandard", discovered=disc("county", "verification_census", body="county_health")), req=[], forb=[("county_health", "not_discovered")])
case("X3 health insurance_not_in_place, city→county_poverty_office, sector poverty_office explicit: no 二(六)3(5) presser at the city",
     HE("health_insurance_not_in_place", sector="poverty_office", discovered=cres(), handled=[asg("city", "county", body="county_poverty_office")], deadline="2021-03-31", **late),
     req=[("county_poverty_office", "not_rectified")], forb=[("city_sector_department",), ("city_medical_insurance",), ("city_health",)])
case("X4 health insurance_not_in_place, city→county_poverty_office, no sector: the assignee 扶贫办 makes the line its own → no 二(六)3(5) presser",
     HE("health_insurance_not_in_place", discovered=cres(), handled=[asg("city", "county", body="county_poverty_office")], deadline="2021-03-31", **late),
     req=[("county_poverty_office", "not_rectified")], forb=[("city_sector_department",), ("city_medical_insurance",), ("city_health",)])
case("X5 health_assistance_late, no sector, city: 问题所属部门 once (医保 or 财政), unresolved",
     HE("health_assistance_late", discovered=cres()), req=[("county_*", "not_discovered")], forb=NOLOW + [("county_health",), ("county_poverty_office",)])
case("X6 housing_subsidy_irregular, no sector, city: 县建设 and/or 县财政; 县民政 (身份信息对比) not for a subsidy irregularity",
     HO("housing_subsidy_irregular", discovered=cres()), req=[("county_*", "not_discovered")], forb=NOLOW + [("county_natural_resources",)])
case("X7 housing_subsidy_irregular, sector civil_affairs: 县民政 身份信息对比 (the subsidy went to a non-low-income household)",
     HO("housing_subsidy_irregular", sector="civil_affairs", discovered=cres()), req=[("county_civil_affairs", "not_discovered")], forb=NOLOW + [("county_natural_resources",)])
case("X8 education_aid_not_paid, no sector, city: school and/or finance, not education bureau",
     ED("education_aid_not_paid", discovered=cres()), req=[("county_*", "not_discovered")], forb=NOLOW + [("county_education",), ("county_poverty_office",), ("county_civil_affairs",)])
case("X9 basic_needs_income_not_raised, city 调研督导 by city_poverty_office: city office not not_discovered (finder)",
     BN("basic_needs_income_not_raised", discovered=cres("city_poverty_office")), forb=[("city_*", "not_discovered")])
case("X10 basic_needs_income_not_raised, province 调查核查: no city not_discovered by default (二(六)1(5) 监督检查 is not discovery of a county's specific problem)",
     BN("basic_needs_income_not_raised", discovered=disc("province", "survey_verification")), forb=[("city_*", "not_discovered")])
case("X11 identification_applicant_not_included, county→township assigned (township 受理申请 but cannot approve): the township is no rectifier; 县民政 holds?",
     ID("identification_applicant_not_included", discovered=hot, handled=[asg("county", "township")], deadline="2021-03-31", **late),
     forb=[(TWN, "not_rectified"), ("village_*",)])
case("X12 identification_eligible_omitted, city→county (no body), county→township 03-05, never fixed: township not_rectified; 市民政 presses? 县民政 not rectifier",
     ID("identification_eligible_omitted", discovered=cres(), handled=[asg("city", "county"), asg("county", "township", "2021-03-05")], deadline="2021-03-31", **late),
     req=[(TWN, "not_rectified")], forb=[("county_civil_affairs", "not_rectified"), ("county_poverty_office", "not_rectified")])
case("X13 water_emergency_failure, county hotline, assigned to township 03-03, never fixed: township no rectifier? (应急保供 is the unit's; township 供水安全保障)",
     WA("water_emergency_failure", discovered=hot, handled=[asg("county", "township")], deadline="2021-03-31", **late), req=[], forb=[("county_health",), ("county_finance",)])
case("X14 water_monitoring_network_missing (county code), county→township assigned: not 按程序 (no township part); township not named",
     WA("water_monitoring_network_missing", C, discovered=hot, handled=[asg("county", "county", body="county_health")], deadline="2021-03-31", **late),
     req=[("county_health", "not_rectified")], forb=[("township_*",), ("county_water",)])
case("X15 education_lists_not_provided, no sector, city: 问题所属部门 once (民政 or 残联); not both named",
     ED("education_lists_not_provided", discovered=cres()), req=[("county_*", "not_discovered")], forb=NOLOW + [("county_education",), ("county_school",)])
case("X16 health_false_materials, county 医保 found it in its review (verification_census body county_medical_insurance), assigned township 03-03 in time, fixed: nothing but village/township not_discovered",
     HE("health_false_materials", discovered=disc("county", "verification_census", body="county_medical_insurance"), handled=[asg("county", "township")], deadline="2021-03-31", rectified_on="2021-03-20", **late),
     req=LOW_ND, forb=[("county_*",), ("*", "not_rectified"), ("*", "not_handled")])
case("X17 housing_danger_unreported village grid finds 03-01 and reports to township 03-02, township reports to county 03-04, county sits: 县建设 not_handled; village/township nothing",
     HO("housing_danger_unreported", discovered=disc("village", "grid"), handled=[rep("village", "township", "2021-03-02"), rep("township", "county", "2021-03-04")], as_of="2021-03-25"),
     req=[("county_*", "not_handled")], forb=[("village_*",), ("township_*",)])
case("X18 education_student_not_identified, school concealed from 县教育局 核查 (unit_below_own_level true): school concealed",
     ED("education_student_not_identified", discovered=disc("county", "verification_census", body="county_education"), concealed_by=["county_school"]),
     req=[("county_school", "concealed")], forb=[("county_school", "not_discovered")])
case("X19 basic_needs_below_floor city→county_civil_affairs 03-03, never fixed: 县民政 not_rectified? (floor: 扶贫办/民政, by line)",
     BN("basic_needs_below_floor", discovered=cres(), handled=[asg("city", "county", body="county_civil_affairs")], deadline="2021-03-31", **late),
     req=[("county_civil_affairs", "not_rectified")], forb=[("county_poverty_office", "not_rectified"), ("village_*", "not_rectified")])
case("X20 basic_needs_contact_missing city→county (no body) never fixed: county leaders not_rectified (确保每户有一名干部联系: their own work)",
     BN("basic_needs_contact_missing", discovered=cres(), handled=[asg("city", "county")], deadline="2021-03-31", **late),
     req=[("county_party_committee", "not_rectified"), ("county_government", "not_rectified")], forb=[("county_civil_affairs",), ("village_*", "not_rectified")])
case("X21 water_unsafe_unreported, township found by grid, sat 20 days: township not_handled; village not_discovered",
     WA("water_unsafe_unreported", discovered=disc("township", "grid"), as_of="2021-03-25"), req=[(TWN, "not_handled")] + VIL_ND, forb=[("county_*",)])
case("X22 health_costs_accounting_irregular city→county_finance (no part in accounting) : set aside (irregular); 县财政 never named",
     HE("health_costs_accounting_irregular", discovered=cres(), handled=[asg("city", "county", body="county_finance")], deadline="2021-03-31", **late),
     forb=[("county_finance",)])
case("X23 housing_records_false city→county_construction→township, fixed in time: only not_discovered; 县建设 not_discovered? (鉴定)",
     HO("housing_records_false", discovered=cres(), handled=[asg("city", "county", body="county_construction"), asg("county", "township", "2021-03-05")], deadline="2021-03-31", rectified_on="2021-03-25", **late),
     req=LOW_ND, forb=[("*", "not_rectified"), ("*", "supervision"), ("*", "not_handled")])
case("X24 education_aid_support_missing, city→county (no body), never fixed: county leaders not_rectified (their own 二(六)2(3))",
     ED("education_aid_support_missing", C, discovered=cres(), handled=[asg("city", "county")], deadline="2021-03-31", **late),
     req=[("county_party_committee", "not_rectified"), ("county_government", "not_rectified")], forb=[("county_education",), ("county_school",), ("county_finance",)])
