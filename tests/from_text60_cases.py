"""check60's records, written from the text before the library was run on them (session 60): an audit of what a
careful reading of 浙扶贫〔2020〕1号 FORBIDS naming, across all nine duty areas (二(二)–二(六), 一) and all five levels.

Each record names what the text requires (``req``) and, above all, the bodies it forbids naming (``forb``; and
``fl``, a body with a liability it must not carry): a body with no duty in the area or at the stage; a department of
another line; a higher level for a problem wholly within a lower level's authority and properly reported; leadership
(领导责任) or the unit (所在单位责任) where 一(四) gives only the staff's at that severity; the province or the city where
the text gives them only guidance (二(二)5 省市有关部门…负责指导督促基层问题发现和整改); a body under a failure of 一(四)
(应由本级发现问题没有发现 / 没有按程序及时交办和上报 / 交办问题整改落实不到位 / 瞒报漏报) the text does not tie to it — a
report up in time, a rectification in time, a proper escalation beyond a level's authority (一(三)
对超出本级权限的及时向上级单位报送问题). ``cl`` names clauses a finding must cite (the one giving the body its duty) and
must not (another body's). Records under a non-default parameter (rules/parameters.yaml) require the verdict to list
it (``listed``). tests/test_from_text60.py runs them; the auditor's report is /work/helpers/s60/check60-report.md.
A record whose first expectation was the auditor's own misreading says so in its name ("[After the run: …]").
"""
# ruff: noqa: E501, E702, E731, RUF005
# One record to a call, as tests/from_text55_cases.py–from_text59_cases.py write them (not reflowed by ruff format):
# fmt: off

from __future__ import annotations

from typing import Any

from .from_text import (
    CITY_ND,
    CITYPROV,
    CNTY_MR,
    CNTY_ND,
    LOW_ND,
    NO_CITY_MR,
    NO_PROV_MR,
    NO_TWN_MR,
    NOBODY,
    NOT_LATE,
    OVERS,
    PROV_ND,
    TWN,
    VIL_ND,
    A,
    C,
    asg,
    clause_adder,
    cres,
    disc,
    hot,
    late,
    rep,
)

CASES: list[dict[str, Any]] = []
case = clause_adder(CASES)


HO = A("housing"); WA = A("water"); ED = A("education"); HE = A("health"); BN = A("basic_needs")
ID = A("identification"); FU = A("funds"); PR = A("projects"); DI = A("discovery")
sit = dict(as_of="2021-03-25")
csur = lambda body=None: disc("city", "survey_verification", body=body)
psur = lambda body=None: disc("province", "survey_verification", body=body)
ptour = disc("province", "inspection_tour")
caudit = disc("county", "audit", body="county_audit"); paudit = disc("province", "audit", body="province_audit")
chv = disc("city", "higher_level_verification")
vgrid = disc("village", "grid"); tgrid = disc("township", "grid")
own = lambda body, ch="verification_census": disc("county", ch, body=body)
S3 = ["staff"]; S3U = ["staff", "unit"]; S3UL = ["staff", "unit", "leadership"]
RC = "330102001051"  # 清波门社区, an urban community (居民委员会)
# Bodies the text gives no duty in any area's failure chain: the organisation departments' part is 激励 (一(四)
# 组织人事部门要强化激励措施), the annex's member units outside the areas' clauses only 二(一)1(4) 认真落实职责任务.
NEVER = [("*organisation",), ("province_general_office",), ("province_transport",), ("province_commerce",),
         ("province_culture_tourism",), ("province_sasac",), ("province_statistics",), ("province_supply_marketing",),
         ("province_agri_academy",), ("province_forestry",), ("province_trade_union",), ("province_youth_league",),
         ("province_women_federation",), ("province_commerce_federation",), ("province_electric_power",),
         ("province_rural_credit",), ("province_science_tech",), ("province_economy_it",), ("*leading_group", "not_discovered")]
NOLEAD = [("*", None, "leadership")]; NOUNIT = [("*", None, "unit")]
NO_HANDLED = [("*", "not_handled")]
# The lines a county holds no duty in, by area (二(三)–二(六) list the county departments of each):
NOT_HOUSING = [("county_education",), ("county_health",), ("county_medical_insurance",), ("county_water",), ("county_hrss",), ("county_disabled_federation",), ("county_school",), ("county_water_supply_unit",)]
NOT_WATER = [("county_education",), ("county_medical_insurance",), ("county_civil_affairs",), ("county_construction",), ("county_hrss",), ("county_disabled_federation",), ("county_school",), ("county_natural_resources",)]
NOT_EDU = [("county_hrss",), ("county_health",), ("county_medical_insurance",), ("county_construction",), ("county_water",), ("county_natural_resources",), ("county_water_supply_unit",)]
NOT_HEALTH = [("county_health",), ("county_education",), ("county_construction",), ("county_water",), ("county_hrss",), ("county_school",), ("county_water_supply_unit",), ("county_natural_resources",)]
NOT_ID = [("county_finance",), ("county_education",), ("county_health",), ("county_construction",), ("county_water",), ("county_medical_insurance",), ("county_school",)]
NOT_BN = [("county_education",), ("county_health",), ("county_construction",), ("county_water",), ("county_medical_insurance",), ("county_school",), ("county_water_supply_unit",)]

# ===================== 危房改造 二(六)4 =====================
case("OH1 housing_danger_unreported at a village, the county hotline: the village (二(六)4(1) 及时发现掌握并上报本村危房情况) and the township (二(六)4(2) 及时发现掌握并上报本辖区危房情况) not_discovered, staff only (minor); the county received it through its own hotline, so no county body not_discovered; no line outside housing; no city/province; no oversight body",
     HO("housing_danger_unreported", discovered=hot), req=[(b, "not_discovered", S3) for b in ("village_committee", "village_party_branch", TWN)],
     forb=CNTY_ND + NOT_HOUSING + CITYPROV + OVERS + NEVER, fl=NOUNIT + NOLEAD,
     cl=[("village_committee", "not_discovered", ["一(四)", "二(六)4(1)"], ["二(六)4(2)"]), (TWN, "not_discovered", ["一(四)", "二(六)4(2)"], ["二(六)4(1)"])])
case("OH2 housing_renovation_late at a village, the city's 调研督导: the township not_discovered (二(六)4(2)); no city body not_discovered (一(一) 省市两级…主动发现政策举措、工作机制等方面问题, not a village's house); no province; no line outside housing",
     HO("housing_renovation_late", discovered=cres()), req=[(TWN, "not_discovered")], forb=CITY_ND + [("province_*",)] + NOT_HOUSING + OVERS + NEVER)
case("OH3 housing_renovation_late, county hotline 03-01 → township 03-03 (deadline 03-31), renovated 03-25, as of 04-30: no 整改不到位, no 指导督促, nobody not_handled (一(四) ties neither to a problem passed on and put right in time)",
     HO("housing_renovation_late", discovered=hot, handled=[asg("county", "township")], deadline="2021-03-31", rectified_on="2021-03-25", **late),
     req=[(TWN, "not_discovered")], forb=NOT_LATE + NO_HANDLED + CITYPROV + NEVER)
case("OH4 housing_renovation_late, the township's grid finds it 03-01 and reports it to the county 03-02 (二(六)4(2) 及时…上报); the county sits, as of 03-25: a county body not_handled; the township neither not_discovered (it found it) nor not_handled (reported in time); no city or province (never shown it)",
     HO("housing_renovation_late", discovered=tgrid, handled=[rep("township", "county", "2021-03-02")], **sit),
     req=[("county_*", "not_handled")], forb=[(TWN, "not_discovered"), (TWN, "not_handled"), ("village_*", "not_handled")] + CITYPROV + NOT_HOUSING + NEVER)
case("OH5 the same, the county assigns 县建设部门 03-04 (deadline 03-31), renovated 03-30, as of 04-30: nobody not_handled, no 整改不到位, no pressing; the township not_discovered no",
     HO("housing_renovation_late", discovered=tgrid, handled=[rep("township", "county", "2021-03-02"), asg("county", "county", "2021-03-04", body="county_construction")], deadline="2021-03-31", rectified_on="2021-03-30", **late),
     forb=NOT_LATE + NO_HANDLED + [(TWN, "not_discovered")] + CITYPROV + NEVER)
case("OH6 housing_renovation_late, the township concealed it from the city's 上级核查: the township concealed (一(四) 对上级核查…瞒报漏报问题的), not also not_discovered; the village and the county not concealed; no city body",
     HO("housing_renovation_late", discovered=chv, concealed_by=["township"]), req=[(TWN, "concealed")],
     forb=[(TWN, "not_discovered"), ("village_*", "concealed"), ("county_*", "concealed"), ("city_*",), ("province_*",)] + NEVER)
case("OH7 housing_records_false at a village, the city's 调查核查: the village (二(六)4(1) 对…验收资料的真实性和准确性负责) and the township (二(六)4(2) 对…档案真实性和准确性负责) not_discovered; not 财政/自然资源/民政 (no line named; their parts are 补贴、用地、信息对比); no city body",
     HO("housing_records_false", discovered=csur()), req=LOW_ND,
     forb=[("county_finance",), ("county_natural_resources",), ("county_civil_affairs",)] + NOT_HOUSING + CITY_ND + [("province_*",)] + NEVER,
     cl=[(TWN, "not_discovered", ["二(六)4(2)"], ["二(六)4(1)"])])
case("OH8 housing_subsidy_irregular, sector finance, at the county code, the city's 调查核查: 县财政 not_discovered (二(六)4(4) 财政部门负责…给予财政补贴); not 县建设部门, 民政, 自然资源 (other parts); no village/township (the place is the county); no city",
     HO("housing_subsidy_irregular", C, sector="finance", discovered=csur()), req=[("county_finance", "not_discovered")],
     forb=[("county_construction",), ("county_civil_affairs",), ("county_natural_resources",), ("village_*",), ("township_*",)] + NOT_HOUSING + CITY_ND + NEVER,
     cl=[("county_finance", "not_discovered", ["二(六)4(4)"], ["二(四)3", "二(六)4(3)"])])
case("OH9 housing_subsidy_irregular, sector construction, at the county code, the city's 调查核查: 县建设部门 not_discovered (二(六)4(3) 改造补助资金审核); not 县财政",
     HO("housing_subsidy_irregular", C, sector="construction", discovered=csur()), req=[("county_construction", "not_discovered")],
     forb=[("county_finance",), ("county_civil_affairs",), ("village_*",), ("township_*",)] + NOT_HOUSING + CITY_ND + NEVER,
     cl=[("county_construction", "not_discovered", ["二(六)4(3)"], ["二(六)4(4)"])])
case("OH10 housing_policy_gap at the county code, county hotline, reported county→city 03-03, city→province 03-05, as of 03-30: no county, city, township or village body (一(三) 超出本级权限的及时向上级单位报送: done, in time); nobody not_handled; no line outside housing at the province (二(六)4(6) 住房城乡建设) [After the run: I forbade every not_handled, the receiving province's too; but 一(三) 省市两级及时回应基层反映问题 makes the province answer for a report it holds past the handling limit (25 days here, rectifier_holding/receiving_level_body, listed) — what the text forbids is naming the levels that reported in time, so the forbid is now the county's and the city's, and the province body named must cite the area's policy clause]",
     HO("housing_policy_gap", C, discovered=hot, handled=[rep("county", "city"), rep("city", "province", "2021-03-05")], as_of="2021-03-30"),
     forb=[("county_*",), ("city_*",), ("village_*",), ("township_*",), ("province_education",), ("province_health",), ("province_water",), ("province_medical_insurance",)] + NEVER,
     cl=[("province_construction", "not_handled", ["一(三)", "二(六)4(6)"], [])])
case("OH11 housing_renovation_late, grave, the city's 调研督导: the township staff + unit + leadership (一(四) 根据情形严重和不良后果程度，追究所在单位和领导责任); the county's 主体责任 citing 二(六)4(5) 对当地农村危房改造负主体责任; no township, city or province 主体责任",
     HO("housing_renovation_late", severity="grave", discovered=cres()), req=[(TWN, "not_discovered", S3UL)] + CNTY_MR,
     forb=NO_TWN_MR + NO_CITY_MR + NO_PROV_MR + NEVER, cl=[("county_government", "main_responsibility", ["二(六)4(5)"], [])])
case("OH12 the same serious: the township staff + unit; no leadership anywhere; no 主体责任",
     HO("housing_renovation_late", severity="serious", discovered=cres()), req=[(TWN, "not_discovered", S3U)], forb=[("*", "main_responsibility")] + NEVER, fl=NOLEAD)
case("OH13 housing_renovation_late, county hotline → township 03-03 (deadline 03-31), the township hands it to the village 03-04, never renovated, as of 04-30: the village not 整改不到位 (二(六)4(1) gives it only 协助乡镇（街道）做好…危房改造); the township answers; no city/province",
     HO("housing_renovation_late", discovered=hot, handled=[asg("county", "township"), asg("township", "village", "2021-03-04")], deadline="2021-03-31", **late),
     req=[(TWN,)], forb=[("village_*", "not_rectified")] + CITYPROV + NEVER)
case("OH14 housing_renovation_late found by the village's grid 03-01, village→township 03-02, township→county 03-04, county→县建设部门 03-06 (deadline 04-05), renovated 04-01, as of 04-30: nobody answers for anything",
     HO("housing_renovation_late", discovered=vgrid, handled=[rep("village", "township", "2021-03-02"), rep("township", "county", "2021-03-04"), asg("county", "county", "2021-03-06", body="county_construction")], deadline="2021-04-05", rectified_on="2021-04-01", **late),
     forb=NOBODY)
case("OH15 housing_renovation_late, the province's 巡视, 县建设部门 concealed it: 县建设部门 concealed; no province body; the city (never shown it) not named; the township not concealed",
     HO("housing_renovation_late", discovered=ptour, concealed_by=["county_construction"]), req=[("county_construction", "concealed")],
     forb=[("province_*",), ("city_*",), (TWN, "concealed"), ("county_construction", "not_discovered")] + NEVER)
case("OH16 housing_renovation_late, sector civil_affairs (信息对比), at the county code, the city's 调查核查: 县民政局 not_discovered (二(六)4(4) 民政部门负责危房改造对象低收入农户身份…信息对比); not 财政 or 自然资源 (other parts); no village/township",
     HO("housing_renovation_late", C, sector="civil_affairs", discovered=csur()), req=[("county_civil_affairs", "not_discovered")],
     forb=[("county_finance",), ("county_natural_resources",), ("village_*",), ("township_*",)] + NOT_HOUSING + CITY_ND + NEVER,
     cl=[("county_civil_affairs", "not_discovered", ["二(六)4(4)"], ["二(三)3"])])
case("OH17 housing_line_policy_gap, sector natural_resources, at the county code, reported county→city 03-03 → province 03-05, as of 03-30: no county/city body; nobody not_handled; not 省建设厅 (二(六)4(7) gives 建设用地保障 to 自然资源), not education/health [After the run: I forbade every not_handled, the receiving province's too; but 一(三) 省市两级及时回应基层反映问题 makes the province answer for a report it holds past the handling limit (25 days here, rectifier_holding/receiving_level_body, listed) — what the text forbids is naming the levels that reported in time, so the forbid is now the county's and the city's, and the province body named must cite the area's policy clause]",
     HO("housing_line_policy_gap", C, sector="natural_resources", discovered=hot, handled=[rep("county", "city"), rep("city", "province", "2021-03-05")], as_of="2021-03-30"),
     forb=[("county_*",), ("city_*",), ("province_construction",), ("province_education",), ("province_health",)] + NEVER,
     cl=[("province_natural_resources", "not_handled", ["一(三)", "二(六)4(7)"], [])])
case("OH18 housing_danger_unreported at a village, the county's own 核查普查 by 县建设部门: the village and township not_discovered; no county body not_discovered (its own work found it); no city",
     HO("housing_danger_unreported", discovered=own("county_construction")), req=LOW_ND, forb=CNTY_ND + CITYPROV + NEVER)

# ===================== 饮水安全 二(六)5 =====================
case("OW1 water_quality_substandard at a village, the county hotline: the township not_discovered (二(六)5(2) 负责辖区范围农村供水安全保障工作); no county body not_discovered (its hotline); no line outside water; no city/province [After the run: I required the township's finding to cite 二(六)5(2); but 负责辖区范围农村供水安全保障工作 gives no finding duty (unlike 二(六)4(2) 及时发现掌握并上报), so 二(二)2 对涉及本乡镇…具体问题的发现…负责 is the clause, as the library cites]",
     WA("water_quality_substandard", discovered=hot), req=[(TWN, "not_discovered")], forb=CNTY_ND + NOT_WATER + CITYPROV + OVERS + NEVER,
     cl=[(TWN, "not_discovered", ["二(二)2"], ["二(六)5(1)", "二(六)4(2)"])])
case("OW2 water_quality_test_failed (水质检测), sector health, at the county code, the city's 调查核查: 县卫健 not_discovered (二(六)5(4) 卫健部门负责水质监测网络建设和安全检测工作); not 医保 (another line), 建设; no village/township; no city",
     WA("water_quality_test_failed", C, sector="health", discovered=csur()), req=[("county_health", "not_discovered")],
     forb=NOT_WATER + [("village_*",), ("township_*",)] + CITY_ND + NEVER, cl=[("county_health", "not_discovered", ["二(六)5(4)"], ["二(六)3(3)"])])
case("OW3 water_self_testing_not_done at a village, the city's 调研督导: the county 统管单位 not_discovered (二(六)5(3) 落实水质自检); not 县卫健 (its part is the monitoring network and safety testing, not the unit's self-testing); no city",
     WA("water_self_testing_not_done", discovered=cres()), req=[("county_water_supply_unit", "not_discovered")],
     forb=[("county_health", "not_discovered")] + NOT_WATER + CITY_ND + [("province_*",)] + NEVER, cl=[("county_water_supply_unit", "not_discovered", ["二(六)5(3)"], [])])
case("OW4 water_facilities_unmaintained, county hotline → township 03-03 (deadline 03-31), put right 03-28, as of 04-30: no 整改不到位, no pressing, nobody not_handled",
     WA("water_facilities_unmaintained", discovered=hot, handled=[asg("county", "township")], deadline="2021-03-31", rectified_on="2021-03-28", **late),
     forb=NOT_LATE + NO_HANDLED + CITYPROV + NEVER)
case("OW5 water_emergency_failure at a village, the city's 调研督导: the 统管单位 not_discovered (二(六)5(3) 做好应急保供保障); not 卫健 or 建设; no city",
     WA("water_emergency_failure", discovered=cres()), req=[("county_water_supply_unit", "not_discovered")], forb=NOT_WATER + CITY_ND + [("province_*",)] + NEVER)
case("OW6 water_monitoring_network_missing at the county code, the city's 调研督导: 县卫健 not_discovered (二(六)5(4) 水质监测网络建设); not the 统管单位 or 水利; no village/township; no city",
     WA("water_monitoring_network_missing", C, discovered=cres()), req=[("county_health", "not_discovered")],
     forb=[("county_water_supply_unit",), ("county_water", "not_discovered"), ("village_*",), ("township_*",)] + NOT_WATER + CITY_ND + NEVER)
case("OW7 water_policy_gap at the county code, reported county→city 03-03 → province 03-05, as of 03-30: no county/city/lower body; nobody not_handled; not the province's health department (water_policy_health_departments default: 二(六)5(6) read as the water departments), not education or construction [After the run: I forbade every not_handled, the receiving province's too; but 一(三) 省市两级及时回应基层反映问题 makes the province answer for a report it holds past the handling limit (25 days here, rectifier_holding/receiving_level_body, listed) — what the text forbids is naming the levels that reported in time, so the forbid is now the county's and the city's, and the province body named must cite the area's policy clause]",
     WA("water_policy_gap", C, discovered=hot, handled=[rep("county", "city"), rep("city", "province", "2021-03-05")], as_of="2021-03-30"),
     forb=[("county_*",), ("city_*",), ("village_*",), ("township_*",), ("province_health",), ("province_education",), ("province_construction",)] + NEVER,
     cl=[("province_water", "not_handled", ["一(三)", "二(六)5(6)"], [])])
case("OW8 water_project_quality_unsafe at a village, sector water, the city's 调研督导: 县水利 not_discovered (二(六)5(4) 加强农村供水工程建设质量和安全监管); not 建设, 卫健, 财政",
     WA("water_project_quality_unsafe", sector="water", discovered=cres()), req=[("county_water", "not_discovered")],
     forb=[("county_health",), ("county_finance",)] + NOT_WATER + CITY_ND + NEVER, cl=[("county_water", "not_discovered", ["二(六)5(4)"], ["二(四)5"])])
case("OW9 water_self_testing_not_done, the 统管单位 concealed it from the city's 上级核查: the unit concealed; 县水利 not concealed; the village not concealed; no city body",
     WA("water_self_testing_not_done", discovered=chv, concealed_by=["county_water_supply_unit"]), req=[("county_water_supply_unit", "concealed")],
     forb=[("county_water", "concealed"), ("village_*", "concealed"), (TWN, "concealed"), ("city_*",), ("county_water_supply_unit", "not_discovered")] + NEVER)
case("OW10 water_quality_substandard, grave, the city's 调研督导: the county's 主体责任 citing 二(六)5(5) 对当地农村饮水安全保障负主体责任; no township/city/province 主体责任",
     WA("water_quality_substandard", severity="grave", discovered=cres()), req=CNTY_MR, forb=NO_TWN_MR + NO_CITY_MR + NO_PROV_MR + NEVER,
     cl=[("county_party_committee", "main_responsibility", ["二(六)5(5)"], ["二(六)4(5)"])])
case("OW11 water_facilities_unmaintained, the village's grid 03-01, village→township 03-02; the township sits, as of 03-25: the township not_handled (it holds 落实工程长效管护, 二(六)5(2)); the village neither not_discovered nor not_handled (二(六)5(1) 负责及时上报: done); no county body (never had it); no city [fid65: as of 04-30, past its 10 + 30 days — on 03-25 it could still put it right itself and is named by nobody yet (self_rectified_report_required false; check62 X2, E16)]",
     WA("water_facilities_unmaintained", discovered=vgrid, handled=[rep("village", "township", "2021-03-02")], **late), req=[(TWN, "not_handled")],
     forb=[("village_*",), ("county_*",)] + CITYPROV + NEVER)
case("OW12 water_facilities_unmaintained, the township's grid 03-01 → county 03-02, the county → the 统管单位 03-05 (deadline 03-31), never, as of 04-30: the unit not_rectified (二(六)5(3) 具体负责做好农村供水工程长效管理); the township not_handled or not_rectified no; no city/province (a county problem properly passed on)",
     WA("water_facilities_unmaintained", discovered=tgrid, handled=[rep("township", "county", "2021-03-02"), asg("county", "county", "2021-03-05", body="county_water_supply_unit")], deadline="2021-03-31", **late),
     req=[("county_water_supply_unit", "not_rectified")], forb=[(TWN, "not_handled"), (TWN, "not_rectified"), (TWN, "not_discovered"), ("county_*", "not_handled")] + CITYPROV + NEVER)
case("OW13 water_unsafe_unreported at a village, the county hotline: the village not_discovered (二(六)5(1) 负责及时上报当地饮水安全情况); no county body not_discovered; no 卫健 or 水利",
     WA("water_unsafe_unreported", discovered=hot), req=VIL_ND, forb=CNTY_ND + [("county_health",), ("county_water",)] + NOT_WATER + CITYPROV + NEVER,
     cl=[("village_committee", "not_discovered", ["二(六)5(1)"], ["二(六)4(1)"])])

# ===================== 教育扶贫 二(六)2 =====================
case("OE1 education_student_not_identified at the county code, the city's 调查核查: the school not_discovered (二(六)2(1) 负责本校的学生资助对象认定); no village/township (the place is the county); no 人社 (a province/city line only, 二(六)2(4)), 卫健, 医保, 建设; no city",
     ED("education_student_not_identified", C, discovered=csur()), req=[("county_school", "not_discovered")],
     forb=[("village_*",), ("township_*",)] + NOT_EDU + CITY_ND + [("province_*",)] + NEVER, cl=[("county_school", "not_discovered", ["二(六)2(1)"], [])])
case("OE2 education_lists_not_provided, sector disabled_federation, at the county code, the city's 调研督导: 县残联 not_discovered (二(六)2(2) 县残联负责提供学龄段持证残疾人名单); not 县民政局 (the other list), not the school",
     ED("education_lists_not_provided", C, sector="disabled_federation", discovered=cres()), req=[("county_disabled_federation", "not_discovered")],
     forb=[("county_civil_affairs",), ("county_school",)] + NOT_EDU + CITY_ND + NEVER, cl=[("county_disabled_federation", "not_discovered", ["二(六)2(2)"], [])])
case("OE3 education_lists_not_provided, sector civil_affairs, the same: 县民政局 not_discovered (二(六)2(2) 县民政局负责提供低收入家庭学生名单); not 县残联",
     ED("education_lists_not_provided", C, sector="civil_affairs", discovered=cres()), req=[("county_civil_affairs", "not_discovered")],
     forb=[("county_disabled_federation",), ("county_school",)] + NOT_EDU + CITY_ND + NEVER, cl=[("county_civil_affairs", "not_discovered", ["二(六)2(2)"], ["二(三)3"])])
case("OE4 education_lists_not_provided, no sector, the city's 调研督导: neither 县民政局 nor 县残联 by name (the record does not say whose list: sectorless_alternatives unresolved, listed)",
     ED("education_lists_not_provided", C, discovered=cres()), forb=[("county_civil_affairs",), ("county_disabled_federation",)] + NOT_EDU + CITY_ND + NEVER,
     listed=["sectorless_alternatives"])
case("OE5 the same with sectorless_alternatives=every_holder: 县民政局 and 县残联 not_discovered; listed",
     ED("education_lists_not_provided", C, discovered=cres()), params=dict(sectorless_alternatives="every_holder"),
     req=[("county_civil_affairs", "not_discovered"), ("county_disabled_federation", "not_discovered")], forb=NOT_EDU + CITY_ND + NEVER, listed=["sectorless_alternatives"])
case("OE6 education_aid_not_paid, sector finance, at the county code, the city's 调研督导: 县财政局 not_discovered (二(六)2(2) 县财政局负责及时拨付和监管资助资金); not 民政, 残联",
     ED("education_aid_not_paid", C, sector="finance", discovered=cres()), req=[("county_finance", "not_discovered")],
     forb=[("county_civil_affairs",), ("county_disabled_federation",)] + NOT_EDU + CITY_ND + NEVER, cl=[("county_finance", "not_discovered", ["二(六)2(2)"], ["二(四)3"])])
case("OE7 education_aid_procedure_irregular (提前告知、结果公示、建档备案), the city's 调查核查: the school not_discovered (二(六)2(1)); 县教育局 not (education_review_covers_procedure default: its 认定、审核 is of the recipients)",
     ED("education_aid_procedure_irregular", C, discovered=csur()), req=[("county_school", "not_discovered")],
     forb=[("county_education", "not_discovered")] + NOT_EDU + CITY_ND + NEVER)
case("OE8 the same with education_review_covers_procedure=true: 县教育局 not_discovered too; listed",
     ED("education_aid_procedure_irregular", C, discovered=csur()), params=dict(education_review_covers_procedure=True),
     req=[("county_school", "not_discovered"), ("county_education", "not_discovered")], forb=NOT_EDU + CITY_ND + NEVER, listed=["education_review_covers_procedure"])
case("OE9 education_policy_gap at the county code, reported county→city 03-03 → province 03-05, as of 03-30: no county/city body; nobody not_handled; the province's 建设, 水利, 卫健, 医保 not (二(六)2(4) 教育、财政、民政、人社、残联、扶贫部门) [After the run: I forbade every not_handled, the receiving province's too; but 一(三) 省市两级及时回应基层反映问题 makes the province answer for a report it holds past the handling limit (25 days here, rectifier_holding/receiving_level_body, listed) — what the text forbids is naming the levels that reported in time, so the forbid is now the county's and the city's, and the province body named must cite the area's policy clause]",
     ED("education_policy_gap", C, discovered=hot, handled=[rep("county", "city"), rep("city", "province", "2021-03-05")], as_of="2021-03-30"),
     forb=[("county_*",), ("city_*",), ("province_construction",), ("province_water",), ("province_health",), ("province_medical_insurance",)] + NEVER,
     cl=[("province_sector_department", "not_handled", ["一(三)", "二(六)2(4)"], [])])
case("OE10 education_aid_not_paid, county hotline 03-01 received by 县教育局, → the school 03-02 (deadline 03-20), paid 03-18, as of 04-30: no 整改不到位, no pressing, nobody not_handled; no city",
     ED("education_aid_not_paid", C, discovered=disc("county", "hotline", body="county_education"), handled=[asg("county", "county", "2021-03-02", body="county_school")], deadline="2021-03-20", rectified_on="2021-03-18", **late),
     forb=NOT_LATE + NO_HANDLED + CITYPROV + NEVER)
case("OE11 education_student_not_identified, grave, the city's 调查核查: the school staff + unit + leadership; the county's 主体责任 citing 二(六)2(3); no city/province 主体责任",
     ED("education_student_not_identified", C, severity="grave", discovered=csur()), req=[("county_school", "not_discovered", S3UL)] + CNTY_MR,
     forb=NO_CITY_MR + NO_PROV_MR + NEVER, cl=[("county_government", "main_responsibility", ["二(六)2(3)"], [])])
case("OE12 education_aid_funds_irregular, the school concealed it from the county audit: the school concealed; the audit not named; 县教育局 not concealed [After the run: I listed same_level_oversight_concealment; but the school is no body of the county's own 级 (unit_below_own_level, default true: 各学校 are the units 县教育局 reviews, 二(六)2(2)), so the county audit is a check from above (一(四) 上级核查和巡视审计) and the verdict rests on unit_below_own_level, which it lists]",
     ED("education_aid_funds_irregular", C, discovered=caudit, concealed_by=["county_school"]), req=[("county_school", "concealed")],
     forb=[("county_audit",), ("county_education", "concealed"), ("county_school", "not_discovered")] + CITYPROV + NEVER, listed=["unit_below_own_level"])
case("OE13 the same with same_level_oversight_concealment=false: the school still concealed, its verdict resting on unit_below_own_level, not on this [After the run: I expected the school spared; but the parameter is of a department hiding from its own level's oversight, and the school is read as below the county (OE12), so the concealment is from a 上级 check either way (一(四)); the expectation corrected]",
     ED("education_aid_funds_irregular", C, discovered=caudit, concealed_by=["county_school"]), params=dict(same_level_oversight_concealment=False),
     req=[("county_school", "concealed")], forb=[("county_audit",)] + CITYPROV + NEVER, listed=["unit_below_own_level"], notlisted=["same_level_oversight_concealment"])
case("OE14 education_student_not_identified, found by 县教育局's own 核查普查: the school not_discovered (unit_below_own_level default, listed); 县教育局 not (its work found it); no city",
     ED("education_student_not_identified", C, discovered=own("county_education")), req=[("county_school", "not_discovered")],
     forb=[("county_education", "not_discovered")] + CITYPROV + NEVER, listed=["unit_below_own_level"])
case("OE15 the same with unit_below_own_level=false: the school not not_discovered; listed",
     ED("education_student_not_identified", C, discovered=own("county_education")), params=dict(unit_below_own_level=False),
     forb=[("county_school", "not_discovered"), ("county_education", "not_discovered")] + CITYPROV + NEVER, listed=["unit_below_own_level"])
case("OE16 education_aid_funds_irregular, serious, the city's 调查核查: the school staff + unit; no leadership; no 主体责任",
     ED("education_aid_funds_irregular", C, severity="serious", discovered=csur()), req=[("county_school", "not_discovered", S3U)], forb=[("*", "main_responsibility")] + NEVER, fl=NOLEAD)

# ===================== 健康扶贫 二(六)3 =====================
case("OM1 health_application_not_helped at a village, the city's 调研督导: the village not_discovered (二(六)3(1) 帮助符合医疗救助条件低收入农户提出申请); 县卫健 not (the text gives it no county health duty: 二(六)3(3) 医保、财政、扶贫办); no city",
     HE("health_application_not_helped", discovered=cres()), req=VIL_ND, forb=NOT_HEALTH + [("county_civil_affairs",)] + CITY_ND + [("province_*",)] + NEVER,
     cl=[("village_committee", "not_discovered", ["二(六)3(1)"], [])])
case("OM2 health_assistance_late, sector medical_insurance, at the county code, the city's 调研督导: 县医保 not_discovered (二(六)3(3) 县级医保部门负责医疗救助业务的审核、审批); not 县财政, 县卫健, 县扶贫办; no village/township",
     HE("health_assistance_late", C, sector="medical_insurance", discovered=cres()), req=[("county_medical_insurance", "not_discovered")],
     forb=[("county_finance",), ("county_poverty_office",), ("village_*",), ("township_*",)] + NOT_HEALTH + CITY_ND + NEVER, cl=[("county_medical_insurance", "not_discovered", ["二(六)3(3)"], [])])
case("OM3 health_assistance_late, sector finance (资金拨付), the same: 县财政局 not_discovered (二(六)3(3) 县财政局负责资金拨付和监管); not 县医保",
     HE("health_assistance_late", C, sector="finance", discovered=cres()), req=[("county_finance", "not_discovered")],
     forb=[("county_medical_insurance",), ("county_poverty_office",)] + NOT_HEALTH + CITY_ND + NEVER, cl=[("county_finance", "not_discovered", ["二(六)3(3)"], ["二(四)3"])])
case("OM4 health_insurance_not_in_place at the county code, the city's 调研督导: 县扶贫办 not_discovered (二(六)3(3) 县扶贫办负责低收入农户医疗补充政策性保险的工作); not 县医保, 县财政, 县卫健",
     HE("health_insurance_not_in_place", C, discovered=cres()), req=[("county_poverty_office", "not_discovered")],
     forb=[("county_medical_insurance",), ("county_finance",)] + NOT_HEALTH + CITY_ND + NEVER, cl=[("county_poverty_office", "not_discovered", ["二(六)3(3)"], ["二(三)4"])])
case("OM5 health_false_materials at a village, the city's 调查核查: the village (二(六)3(1) 对所提供的证明材料真实性负责) and the township (二(六)3(2) 对入户核实的申请材料的真实性负责) not_discovered; 县医保 not (review_answers_for_false_materials default); no city",
     HE("health_false_materials", discovered=csur()), req=LOW_ND, forb=[("county_medical_insurance", "not_discovered")] + NOT_HEALTH + CITY_ND + NEVER,
     cl=[(TWN, "not_discovered", ["二(六)3(2)"], ["二(六)3(1)"])])
case("OM6 the same with review_answers_for_false_materials=true: 县医保 not_discovered too; listed",
     HE("health_false_materials", discovered=csur()), params=dict(review_answers_for_false_materials=True), req=LOW_ND + [("county_medical_insurance", "not_discovered")],
     forb=NOT_HEALTH + CITY_ND + NEVER, listed=["review_answers_for_false_materials"])
case("OM7 health_policy_gap at the county code, reported county→city 03-03 → province 03-05, as of 03-30: no county/city body; nobody not_handled; not the province's 教育, 建设, 水利 (二(六)3(5) 医保、卫健等) [After the run: I forbade every not_handled, the receiving province's too; but 一(三) 省市两级及时回应基层反映问题 makes the province answer for a report it holds past the handling limit (25 days here, rectifier_holding/receiving_level_body, listed) — what the text forbids is naming the levels that reported in time, so the forbid is now the county's and the city's, and the province body named must cite the area's policy clause]",
     HE("health_policy_gap", C, discovered=hot, handled=[rep("county", "city"), rep("city", "province", "2021-03-05")], as_of="2021-03-30"),
     forb=[("county_*",), ("city_*",), ("province_education",), ("province_construction",), ("province_water",)] + NEVER,
     cl=[("province_sector_department", "not_handled", ["一(三)", "二(六)3(5)"], [])])
case("OM8 health_costs_accounting_irregular, sector medical_insurance, the city's 调研督导 → 县医保 03-03 (deadline 03-31), never, as of 04-30: 县医保 not_rectified; no city body not_rectified; not 县财政 or 县卫健",
     HE("health_costs_accounting_irregular", C, sector="medical_insurance", discovered=cres(), handled=[asg("city", "county", body="county_medical_insurance")], deadline="2021-03-31", **late),
     req=[("county_medical_insurance", "not_rectified")], forb=[("city_*", "not_rectified"), ("city_*", "not_handled"), ("county_finance",), ("province_*",)] + NOT_HEALTH + NEVER)
case("OM9 the same put right 03-30: no 整改不到位, no pressing, nobody not_handled",
     HE("health_costs_accounting_irregular", C, sector="medical_insurance", discovered=cres(), handled=[asg("city", "county", body="county_medical_insurance")], deadline="2021-03-31", rectified_on="2021-03-30", **late),
     req=[("county_medical_insurance", "not_discovered")], forb=NOT_LATE + NO_HANDLED + [("province_*",)] + NEVER)
case("OM10 health_application_not_helped, grave, the city's 调研督导: the village staff + unit + leadership; the county's 主体责任 citing 二(六)3(4); no township/city 主体责任",
     HE("health_application_not_helped", severity="grave", discovered=cres()), req=[("village_committee", "not_discovered", S3UL)] + CNTY_MR,
     forb=NO_TWN_MR + NO_CITY_MR + NO_PROV_MR + NEVER, cl=[("county_government", "main_responsibility", ["二(六)3(4)"], [])])
case("OM11 health_false_materials, the village concealed it from the county audit: the village concealed; the township not concealed; the audit not named",
     HE("health_false_materials", discovered=caudit, concealed_by=["village"]), req=[("village_*", "concealed")],
     forb=[(TWN, "concealed"), ("county_audit",), ("county_*", "concealed"), ("village_*", "not_discovered")] + CITYPROV + NEVER)
case("OM12 health_assistance_late, sector medical_insurance, county hotline received by 县医保 03-01, sat on to 03-25: 县医保 not_handled (rectifier_holding default, listed); no village/township; no city",
     HE("health_assistance_late", C, sector="medical_insurance", discovered=disc("county", "hotline", body="county_medical_insurance"), **sit),
     req=[("county_medical_insurance", "not_handled")], forb=[("village_*",), ("township_*",), ("county_finance",)] + CITYPROV + NEVER, listed=["rectifier_holding"])

# ===================== 两不愁 二(六)1 =====================
case("OB1 basic_needs_not_helped_to_apply at a village, the city's 调研督导: the village not_discovered (二(六)1(1) 及时帮助困难群众申请社会救助); no line outside 两不愁; no city",
     BN("basic_needs_not_helped_to_apply", discovered=cres()), req=VIL_ND, forb=NOT_BN + CITY_ND + [("province_*",)] + NEVER,
     cl=[("village_committee", "not_discovered", ["二(六)1(1)"], [])])
case("OB2 basic_needs_approval_late, sector civil_affairs, at the county code, the city's 调研督导: 县民政局 not_discovered (二(六)1(3) 及时审批社会救助对象); no village/township; not 县财政, 县扶贫办",
     BN("basic_needs_approval_late", C, sector="civil_affairs", discovered=cres()), req=[("county_civil_affairs", "not_discovered")],
     forb=[("village_*",), ("township_*",), ("county_finance",), ("county_poverty_office",)] + NOT_BN + CITY_ND + NEVER, cl=[("county_civil_affairs", "not_discovered", ["二(六)1(3)"], ["二(三)3"])])
case("OB3 basic_needs_policy_gap at the county code, reported county→city 03-03 → province 03-05, as of 03-30: no county/city body; nobody not_handled [After the run: I forbade every not_handled, the receiving province's too; but 一(三) 省市两级及时回应基层反映问题 makes the province answer for a report it holds past the handling limit (25 days here, rectifier_holding/receiving_level_body, listed) — what the text forbids is naming the levels that reported in time, so the forbid is now the county's and the city's, and the province body named must cite the area's policy clause]",
     BN("basic_needs_policy_gap", C, discovered=hot, handled=[rep("county", "city"), rep("city", "province", "2021-03-05")], as_of="2021-03-30"),
     forb=[("county_*",), ("city_*",), ("village_*",), ("township_*",)] + NEVER,
     cl=[("province_sector_department", "not_handled", ["一(三)", "二(六)1(5)"], [])])
case("OB4 basic_needs_eligible_not_included, the village concealed it from the city's 上级核查: the village concealed; the township and the county not concealed; no city",
     BN("basic_needs_eligible_not_included", discovered=chv, concealed_by=["village"]), req=[("village_*", "concealed")],
     forb=[(TWN, "concealed"), ("county_*", "concealed"), ("city_*",), ("village_*", "not_discovered")] + NEVER)
case("OB5 basic_needs_eligible_not_included, county hotline → township 03-03 (deadline 03-31), never, as of 04-30: the township not_rectified (二(六)1(2) 将符合条件的困难群众及时纳入社会救助); no city or province body (never shown it: supervision_scope own_and_shown_above); the village not not_rectified (not assigned)",
     BN("basic_needs_eligible_not_included", discovered=hot, handled=[asg("county", "township")], deadline="2021-03-31", **late),
     req=[(TWN, "not_rectified")], forb=[("village_*", "not_rectified")] + CITYPROV + NEVER)
case("OB6 the same with supervision_scope=none: nobody answers 指导督促; the township still not_rectified; listed",
     BN("basic_needs_eligible_not_included", discovered=hot, handled=[asg("county", "township")], deadline="2021-03-31", **late), params=dict(supervision_scope="none"),
     req=[(TWN, "not_rectified")], forb=[("*", "supervision")] + CITYPROV + NEVER, listed=["supervision_scope"])
case("OB7 the same with supervision_scope=next_level: the county's Party committee and government 指导督促 (二(二)4), nobody above; listed [After the run: I read next_level as the township's own level; but the township holds no supervising duty over its own 纳入 (二(六)1(2)), so the nearest supervising level is the county's (二(二)4 指导督促部门和乡村问题发现和整改); the expectation corrected]",
     BN("basic_needs_eligible_not_included", discovered=hot, handled=[asg("county", "township")], deadline="2021-03-31", **late), params=dict(supervision_scope="next_level"),
     req=[(TWN, "not_rectified"), ("county_government", "supervision")], forb=[("city_*",), ("province_*",)] + NEVER, listed=["supervision_scope"])
case("OB8 basic_needs_payment_late, sector civil_affairs, grave, at the county code, the city's 调研督导: 县民政局 staff + unit + leadership; the county's 主体责任 citing 二(六)1(4); no city/province 主体责任",
     BN("basic_needs_payment_late", C, sector="civil_affairs", severity="grave", discovered=cres()), req=[("county_civil_affairs", "not_discovered", S3UL)] + CNTY_MR,
     forb=NO_CITY_MR + NO_PROV_MR + NEVER, cl=[("county_party_committee", "main_responsibility", ["二(六)1(4)"], [])])
case("OB9 basic_needs_direct_help_missing (通过村集体给予直接帮扶) at a village, the city's 调研督导: the village not_discovered (二(六)1(1)); no county department; no city",
     BN("basic_needs_direct_help_missing", discovered=cres()), req=VIL_ND, forb=NOT_BN + CITY_ND + [("province_*",)] + NEVER)
case("OB10 basic_needs_not_helped_to_apply, the village's grid 03-01, village→township 03-02, the township helps the household apply 03-10 (rectified), as of 04-30: nobody answers",
     BN("basic_needs_not_helped_to_apply", discovered=vgrid, handled=[rep("village", "township", "2021-03-02")], rectified_on="2021-03-10", **late), forb=NOBODY)
case("OB11 basic_needs_not_helped_to_apply, minor, the city's 调研督导: the village staff only; no unit, no leadership (一(四) 根据情形严重和不良后果程度 — unit_liability_from serious)",
     BN("basic_needs_not_helped_to_apply", discovered=cres()), req=[("village_committee", "not_discovered", S3)], forb=NEVER, fl=NOUNIT + NOLEAD)
case("OB12 basic_needs_approval_late, sector civil_affairs, the province's 调查核查 → city 03-03 → county 县民政局 03-05 (deadline 03-31), never, as of 04-30: 县民政局 not_rectified; no province/city body not_rectified or not_handled (passed on in time; 二(二)5 gives them 指导督促 only)",
     BN("basic_needs_approval_late", C, sector="civil_affairs", discovered=psur(), handled=[asg("province", "city"), asg("city", "county", "2021-03-05", body="county_civil_affairs")], deadline="2021-03-31", **late),
     req=[("county_civil_affairs", "not_rectified")], forb=[("city_*", "not_rectified"), ("city_*", "not_handled"), ("province_*", "not_rectified"), ("province_*", "not_handled"), ("village_*",), ("township_*",)] + NEVER)

# ===================== 低收入农户精准识别 二(三) =====================
case("OI1 identification_eligible_omitted at a village, the county hotline: the village (二(三)1 应报尽报) and the township (二(三)2 履行受理申请和主动发现责任) not_discovered; not 县民政局 (no application reached it), 县扶贫办, 县财政; no city",
     ID("identification_eligible_omitted", discovered=hot), req=LOW_ND, forb=CNTY_ND + [("county_civil_affairs",), ("county_poverty_office",)] + NOT_ID + CITYPROV + NEVER,
     cl=[("village_committee", "not_discovered", ["二(三)1"], ["二(三)2"]), (TWN, "not_discovered", ["二(三)2"], ["二(三)1"])])
case("OI2 identification_applicant_not_included, sector civil_affairs, at the county code, the city's 调研督导: 县民政局 not_discovered (二(三)3); no village/township; not 县扶贫办",
     ID("identification_applicant_not_included", C, sector="civil_affairs", discovered=cres()), req=[("county_civil_affairs", "not_discovered")],
     forb=[("village_*",), ("township_*",), ("county_poverty_office",)] + NOT_ID + CITY_ND + NEVER, cl=[("county_civil_affairs", "not_discovered", ["二(三)3"], ["二(三)4"])])
case("OI3 identification_ineligible_included, the township concealed it from the county audit: the township concealed; the village not concealed; 县民政局 not concealed; the audit not named",
     ID("identification_ineligible_included", discovered=caudit, concealed_by=["township"]), req=[(TWN, "concealed")],
     forb=[("village_*", "concealed"), ("county_*", "concealed"), ("county_audit",), (TWN, "not_discovered")] + CITYPROV + NEVER)
case("OI4 identification_policy_gap at the county code, reported county→city 03-03 → province 03-05, as of 03-30: no county/city body; nobody not_handled; the province's 教育, 建设, 卫健 not (二(三)6 省市民政部门) [After the run: I forbade every not_handled, the receiving province's too; but 一(三) 省市两级及时回应基层反映问题 makes the province answer for a report it holds past the handling limit (25 days here, rectifier_holding/receiving_level_body, listed) — what the text forbids is naming the levels that reported in time, so the forbid is now the county's and the city's, and the province body named must cite the area's policy clause]",
     ID("identification_policy_gap", C, discovered=hot, handled=[rep("county", "city"), rep("city", "province", "2021-03-05")], as_of="2021-03-30"),
     forb=[("county_*",), ("city_*",), ("province_education",), ("province_construction",), ("province_health",)] + NEVER,
     cl=[("province_civil_affairs", "not_handled", ["一(三)", "二(三)6"], [])])
case("OI5 identification_eligible_omitted, the township's grid 03-01, → the village 03-02 (deadline 03-20), the village applies 03-15: the village not_discovered only; the township neither not_discovered nor not_handled (self_rectified_report_required default: passed down in time); no 整改不到位",
     ID("identification_eligible_omitted", discovered=tgrid, handled=[asg("township", "village", "2021-03-02")], deadline="2021-03-20", rectified_on="2021-03-15", **late),
     req=VIL_ND, forb=[(TWN,), ("county_*",)] + NOT_LATE + CITYPROV + NEVER)
case("OI6 the same with self_rectified_report_required=true: the township not_handled (it had to report up still); listed [fid66: moved — the township's part in an omitted household is to take and pass on the application (二(三)2 受理申请), the inclusion is 县民政局's (二(三)3), so the village's application by the deadline of the township's 交办 put it right by the report the kind asks for: no own fix of the township's for the reading to decide (reported_on_by); nobody at the township under either value]",
     ID("identification_eligible_omitted", discovered=tgrid, handled=[asg("township", "village", "2021-03-02")], deadline="2021-03-20", rectified_on="2021-03-15", **late),
     params=dict(self_rectified_report_required=True), req=VIL_ND, forb=[(TWN,), ("county_*",)] + NOT_LATE + CITYPROV + NEVER)
case("OI7 identification_applicant_not_included, sector civil_affairs, the city → 县民政局 03-03 (deadline 03-31), put right 04-10, as of 04-30: 县民政局 not_rectified; no city not_rectified; not 县扶贫办",
     ID("identification_applicant_not_included", C, sector="civil_affairs", discovered=csur(), handled=[asg("city", "county", body="county_civil_affairs")], deadline="2021-03-31", rectified_on="2021-04-10", **late),
     req=[("county_civil_affairs", "not_rectified")], forb=[("city_*", "not_rectified"), ("county_poverty_office",), ("province_*",)] + NEVER)
case("OI8 identification_pushed_info_untrue, serious, the city's 调研督导: 县扶贫办 staff + unit (二(三)4 对推送对象信息的真实性、完整性负责); no leadership [After the run: I forbade 县民政局; but a pushed object is 推送至省大救助信息系统审核 and 二(三)3 县民政局负责对申请对象进行家庭经济状况信息核对 is the check its information passes, so its not_discovered on 二(三)3 is the text's; the forbid dropped]",
     ID("identification_pushed_info_untrue", C, severity="serious", discovered=cres()), req=[("county_poverty_office", "not_discovered", S3U)],
     forb=[("county_education",), ("*", "main_responsibility")] + NEVER, fl=NOLEAD, cl=[("county_poverty_office", "not_discovered", ["二(三)4"], ["二(三)3"]), ("county_civil_affairs", "not_discovered", ["二(三)3"], ["二(三)4"])])
case("OI9 identification_eligible_omitted, grave, the city's 调研督导: the village and township staff + unit + leadership; the county's 主体责任 citing 二(三)5; no township/city 主体责任 (township_main_responsibility default)",
     ID("identification_eligible_omitted", severity="grave", discovered=cres()), req=[(b, "not_discovered", S3UL) for b in ("village_committee", TWN)] + CNTY_MR,
     forb=NO_TWN_MR + NO_CITY_MR + NO_PROV_MR + NEVER, cl=[("county_government", "main_responsibility", ["二(三)5"], [])])
case("OI10 the same with township_main_responsibility=true: the township's Party committee and government 主体责任 (二(一)1 各级党委政府); listed",
     ID("identification_eligible_omitted", severity="grave", discovered=cres()), params=dict(township_main_responsibility=True),
     req=[("township_party_committee", "main_responsibility"), ("township_government", "main_responsibility")] + CNTY_MR, forb=NO_CITY_MR + NEVER, listed=["township_main_responsibility"])
case("OI11 identification_eligible_omitted at an urban community (清波门社区), the county hotline: no village body (a 居民委员会 is not the text's 村委会); the township not_discovered; listed",
     ID("identification_eligible_omitted", RC, discovered=hot), req=[(TWN, "not_discovered")], forb=[("village_*",)] + CNTY_ND + CITYPROV + NEVER, listed=["residents_committee_place"])
case("OI12 the same with residents_committee_place=village: the village bodies not_discovered; listed",
     ID("identification_eligible_omitted", RC, discovered=hot), params=dict(residents_committee_place="village"), req=LOW_ND, forb=CNTY_ND + CITYPROV + NEVER, listed=["residents_committee_place"])
case("OI13 identification_pushed_info_untrue, the province's 调查核查: 县扶贫办 not_discovered; no province/city body not_discovered (二(三)6–7 指导、培训、监督; 协助…监督)",
     ID("identification_pushed_info_untrue", C, discovered=psur()), req=[("county_poverty_office", "not_discovered")], forb=PROV_ND + CITY_ND + NOT_ID + NEVER)

# ===================== 资金管理使用 二(四) =====================
case("OF1 funds_diverted at a village, the city's 调研督导: the village (二(四)1), the township (二(四)2 专款专用负审核责任) and 县财政 (二(四)3 对乡、村两级使用的扶贫项目资金专款专用负审核责任) not_discovered; no other line; no city or audit",
     FU("funds_diverted", discovered=cres()), req=LOW_ND + [("county_finance", "not_discovered")],
     forb=[("county_education",), ("county_health",), ("county_water",), ("county_construction",), ("county_medical_insurance",)] + CITY_ND + [("province_*",)] + OVERS + NEVER,
     cl=[("county_finance", "not_discovered", ["二(四)3"], ["二(四)4", "二(四)5"]), (TWN, "not_discovered", ["二(四)2"], ["二(四)1"])])
case("OF2 funds_diverted, sector water, at the county code, the city's 调研督导: 县水利 not_discovered (二(四)5 协助财政部门做好本部门扶贫领域资金使用管理…监督检查); not 县教育, 县卫健, 县扶贫办 (other lines); no village/township",
     FU("funds_diverted", C, sector="water", discovered=cres()), req=[("county_water", "not_discovered")],
     forb=[("county_education",), ("county_health",), ("county_poverty_office",), ("village_*",), ("township_*",)] + CITY_ND + NEVER, cl=[("county_water", "not_discovered", ["二(四)5"], ["二(六)5(4)"])])
case("OF3 funds_rules_gap at the county code, reported county→city 03-03 → province 03-05, as of 03-30: no county/city body; nobody not_handled; not the province's 教育, 卫健, 建设, 水利 (二(四)7 财政; 扶贫、民宗) [After the run: I forbade every not_handled, the receiving province's too; but 一(三) 省市两级及时回应基层反映问题 makes the province answer for a report it holds past the handling limit (25 days here, rectifier_holding/receiving_level_body, listed) — what the text forbids is naming the levels that reported in time, so the forbid is now the county's and the city's, and the province body named must cite the area's policy clause]",
     FU("funds_rules_gap", C, discovered=hot, handled=[rep("county", "city"), rep("city", "province", "2021-03-05")], as_of="2021-03-30"),
     forb=[("county_*",), ("city_*",), ("province_education",), ("province_health",), ("province_construction",), ("province_water",)] + NEVER,
     cl=[("province_sector_department", "not_handled", ["一(三)", "二(四)7"], [])])
case("OF4 funds_diverted, county hotline → township 03-03 (deadline 03-31), never, as of 04-30: the township not_rectified; the village not (not assigned); no city/province",
     FU("funds_diverted", discovered=hot, handled=[asg("county", "township")], deadline="2021-03-31", **late), req=[(TWN, "not_rectified")],
     forb=[("village_*", "not_rectified")] + CITYPROV + NEVER)
case("OF5 funds_diverted, the province's audit, 县财政 concealed it: 县财政 concealed; the city audit not (lower_audit_answers_higher_find default); no province body; the city never shown it",
     FU("funds_diverted", discovered=paudit, concealed_by=["county_finance"]), req=[("county_finance", "concealed")],
     forb=[("city_audit",), ("province_*",), ("city_*",), ("county_finance", "not_discovered"), (TWN, "concealed")] + NEVER)
case("OF6 funds_diverted at a village, the province's audit, with lower_audit_answers_higher_find=true: the city audit not_discovered (二(四)8 省、市两级审计部门…确保及时全面发现问题); listed",
     FU("funds_diverted", discovered=paudit), params=dict(lower_audit_answers_higher_find=True), req=[("city_audit", "not_discovered")],
     forb=[("province_audit",)] + NEVER, listed=["lower_audit_answers_higher_find"], cl=[("city_audit", "not_discovered", ["二(四)8"], [])])
case("OF7 funds_poor_performance, sector poverty_office, grave, at the county code, the city's 调研督导: 县扶贫办 staff + unit + leadership (二(四)4 对资金使用的绩效负责); the county's 主体责任 citing 二(四)6; no city 主体责任",
     FU("funds_poor_performance", C, sector="poverty_office", severity="grave", discovered=cres()), req=[("county_poverty_office", "not_discovered", S3UL)] + CNTY_MR,
     forb=NO_CITY_MR + NO_PROV_MR + NEVER, cl=[("county_government", "main_responsibility", ["二(四)6"], []), ("county_poverty_office", "not_discovered", ["二(四)4"], ["二(四)5"])])
case("OF8 funds_diverted, minor, the city's 调研督导: staff only on every finding",
     FU("funds_diverted", discovered=cres()), req=[("village_committee", "not_discovered", S3)], forb=NEVER, fl=NOUNIT + NOLEAD)
case("OF9 the same with unit_liability_from=minor: the village staff + unit; no leadership; listed",
     FU("funds_diverted", discovered=cres()), params=dict(unit_liability_from="minor"), req=[("village_committee", "not_discovered", S3U)], forb=NEVER, fl=NOLEAD, listed=["unit_liability_from"])
case("OF10 funds_diverted, serious, with leadership_liability_from=serious: the village staff + unit + leadership; no 主体责任 (main_responsibility_from grave); listed",
     FU("funds_diverted", severity="serious", discovered=cres()), params=dict(leadership_liability_from="serious"), req=[("village_committee", "not_discovered", S3UL)],
     forb=[("*", "main_responsibility")] + NEVER, listed=["leadership_liability_from"])
case("OF11 funds_diverted, serious, with unit_liability_from=grave: staff only; listed",
     FU("funds_diverted", severity="serious", discovered=cres()), params=dict(unit_liability_from="grave"), req=[("village_committee", "not_discovered", S3)], forb=NEVER, fl=NOUNIT + NOLEAD, listed=["unit_liability_from"])
case("OF12 funds_assets_mismanaged, the village's own grid 03-01, sat on to 03-25: the village not_handled; the village, the township and the county not not_discovered (the village found it) [fid65: as of 04-30, past its 10 + 30 days — on 03-25 it could still put it right itself and is named by nobody yet (self_rectified_report_required false; check62 X2, E16)]",
     FU("funds_assets_mismanaged", discovered=vgrid, **late), req=[("village_*", "not_handled")],
     forb=[("*", "not_discovered")] + CITYPROV + NEVER)
case("OF13 funds_allocation_irregular, sector poverty_office, at the county code, the city's 调研督导: 县财政 (二(四)3 审核行业主管部门资金分配建议、办理资金分配) and 县扶贫办 (二(四)4 提出资金分配建议) may answer; not 县水利, 县教育; no village/township",
     FU("funds_allocation_irregular", C, sector="poverty_office", discovered=cres()), req=[("county_poverty_office", "not_discovered")],
     forb=[("county_water",), ("county_education",), ("village_*",), ("township_*",)] + CITY_ND + NEVER)
case("OF14 funds_diverted at a village, the county audit (outside channel, the county's own level): the township not_discovered; the audit not named; 县财政 not (outside_channel_finder_level default)",
     FU("funds_diverted", discovered=caudit), req=[(TWN, "not_discovered")], forb=[("county_audit",), ("county_finance", "not_discovered")] + CITYPROV + NEVER)
case("OF15 the same with outside_channel_finder_level=true: 县财政 not_discovered; listed",
     FU("funds_diverted", discovered=caudit), params=dict(outside_channel_finder_level=True), req=[(TWN, "not_discovered"), ("county_finance", "not_discovered")],
     forb=[("county_audit",)] + CITYPROV + NEVER, listed=["outside_channel_finder_level"])

# ===================== 项目管理 二(五) =====================
case("OP1 project_not_deliberated at a village, the county hotline: the village not_discovered (二(五)1 组织召开村民代表大会…公示后上报); no county body not_discovered; no line; no city",
     PR("project_not_deliberated", discovered=hot), req=VIL_ND, forb=CNTY_ND + [("county_education",), ("county_health",), ("county_water",)] + CITYPROV + NEVER,
     cl=[("village_committee", "not_discovered", ["二(五)1"], ["二(五)2"])])
case("OP2 project_late_or_unfinished at a village, sector water, the city's 调研督导: the township not_discovered (二(五)2 确保项目按时按要求完成建设); not 县教育, 县卫健, 县医保; no city",
     PR("project_late_or_unfinished", sector="water", discovered=cres()), req=[(TWN, "not_discovered")],
     forb=[("county_education",), ("county_health",), ("county_medical_insurance",)] + CITY_ND + [("province_*",)] + NEVER)
case("OP3 project_not_entered_in_system at the county code, the city's 调研督导: 县扶贫办 not_discovered (二(五)3 及时录入全国扶贫开发信息系统); not 县财政, 县民宗; no village/township",
     PR("project_not_entered_in_system", C, discovered=cres()), req=[("county_poverty_office", "not_discovered")],
     forb=[("county_finance",), ("county_ethnic_religious",), ("village_*",), ("township_*",)] + CITY_ND + NEVER, cl=[("county_poverty_office", "not_discovered", ["二(五)3"], [])])
case("OP4 projects_policy_gap at the county code, reported county→city 03-03 → province 03-05, as of 03-30: no county/city body; nobody not_handled [After the run: I forbade every not_handled, the receiving province's too; but 一(三) 省市两级及时回应基层反映问题 makes the province answer for a report it holds past the handling limit (25 days here, rectifier_holding/receiving_level_body, listed) — what the text forbids is naming the levels that reported in time, so the forbid is now the county's and the city's, and the province body named must cite the area's policy clause]",
     PR("projects_policy_gap", C, discovered=hot, handled=[rep("county", "city"), rep("city", "province", "2021-03-05")], as_of="2021-03-30"),
     forb=[("county_*",), ("city_*",), ("village_*",), ("township_*",)] + NEVER,
     cl=[("province_sector_department", "not_handled", ["一(三)", "二(五)5"], [])])
case("OP5 project_acceptance_lax, sector water, at the county code, the city's 调研督导: 县水利 not_discovered (二(五)3 各相关部门…组织对项目进行检查、验收和绩效评价); not 县扶贫办, 县建设",
     PR("project_acceptance_lax", C, sector="water", discovered=cres()), req=[("county_water", "not_discovered")],
     forb=[("county_poverty_office",), ("county_construction",), ("village_*",), ("township_*",)] + CITY_ND + NEVER, cl=[("county_water", "not_discovered", ["二(五)3"], [])])
case("OP6 project_false_or_unnecessary, the township concealed it from the city's 上级核查: the township concealed; the village and 县扶贫办 not concealed; no city",
     PR("project_false_or_unnecessary", discovered=chv, concealed_by=["township"]), req=[(TWN, "concealed")],
     forb=[("village_*", "concealed"), ("county_*", "concealed"), ("city_*",), (TWN, "not_discovered")] + NEVER)
case("OP7 project_late_or_unfinished, county hotline → township 03-03 (deadline 03-31), township → village 03-04, never, as of 04-30: the village not_rectified (二(五)1 负责做好村级项目实施); the township not 整改不到位 (reassigned_level_answers default, it passed it down in time); no city",
     PR("project_late_or_unfinished", discovered=hot, handled=[asg("county", "township"), asg("township", "village", "2021-03-04")], deadline="2021-03-31", **late),
     req=[("village_*", "not_rectified")], forb=[(TWN, "not_rectified"), (TWN, "not_handled")] + CITYPROV + NEVER, listed=["reassigned_level_answers"])
case("OP8 the same with reassigned_level_answers=rectification: the township not_rectified, not also 指导督促; listed",
     PR("project_late_or_unfinished", discovered=hot, handled=[asg("county", "township"), asg("township", "village", "2021-03-04")], deadline="2021-03-31", **late),
     params=dict(reassigned_level_answers="rectification"), req=[(TWN, "not_rectified")], forb=[(TWN, "supervision")] + CITYPROV + NEVER, listed=["reassigned_level_answers"])
case("OP9 project_ledger_incomplete at the township code, the city's 调研督导: the township not_discovered (二(五)2 做好项目台账资料); no village (the place is the township); no city",
     PR("project_ledger_incomplete", "330127100", discovered=cres()), req=[(TWN, "not_discovered")], forb=[("village_*",)] + CITY_ND + [("province_*",)] + NEVER,
     cl=[(TWN, "not_discovered", ["二(五)2"], ["二(五)1"])])
case("OP10 project_late_or_unfinished, grave, the city's 调研督导: the county's 主体责任 citing 二(五)4; the township staff + unit + leadership; no city 主体责任",
     PR("project_late_or_unfinished", severity="grave", discovered=cres()), req=[(TWN, "not_discovered", S3UL)] + CNTY_MR, forb=NO_CITY_MR + NO_TWN_MR + NEVER,
     cl=[("county_party_committee", "main_responsibility", ["二(五)4"], [])])
case("OP11 project_not_deliberated, the village's grid 03-01, → township 03-02; the township sends it back to the village to hold the 村民代表大会 03-04 (deadline 03-25), done 03-20, as of 04-30: nobody answers",
     PR("project_not_deliberated", discovered=vgrid, handled=[rep("village", "township", "2021-03-02"), asg("township", "village", "2021-03-04")], deadline="2021-03-25", rectified_on="2021-03-20", **late),
     forb=NOBODY)

# ===================== 问题发现 二(二), 一 =====================
case("OD1 specific_problem at a village, the county hotline: the village (二(二)1) and the township (二(二)2) not_discovered; no county body not_discovered; no city; no oversight body",
     DI("specific_problem", discovered=hot), req=LOW_ND, forb=CNTY_ND + CITYPROV + OVERS + NEVER,
     cl=[("village_committee", "not_discovered", ["二(二)1"], ["二(二)2"]), (TWN, "not_discovered", ["二(二)2"], ["二(二)1"])])
case("OD2 mechanism_missing at the county code, the city's 调研督导: the county's Party committee and government not_discovered (二(二)4 健全问题发现办法和整改机制; county_finds_own_mechanism default, listed); no village/township; no line department; the city's 扶贫办 not (city_finds_county_mechanisms default)",
     DI("mechanism_missing", C, discovered=cres()), req=[("county_party_committee", "not_discovered"), ("county_government", "not_discovered")],
     forb=[("village_*",), ("township_*",), ("county_civil_affairs",), ("county_finance",), ("county_water",)] + CITY_ND + NEVER, listed=["county_finds_own_mechanism"])
case("OD3 the same with county_finds_own_mechanism=false: the county leaders not not_discovered; listed",
     DI("mechanism_missing", C, discovered=cres()), params=dict(county_finds_own_mechanism=False),
     forb=[("county_party_committee", "not_discovered"), ("county_government", "not_discovered"), ("village_*",), ("township_*",)] + CITY_ND + NEVER, listed=["county_finds_own_mechanism"])
case("OD4 mechanism_missing, the province's 调查核查, with city_finds_county_mechanisms=true: the city's 扶贫办 not_discovered; listed",
     DI("mechanism_missing", C, discovered=psur()), params=dict(city_finds_county_mechanisms=True), req=[("city_poverty_office", "not_discovered")],
     forb=[("village_*",), ("township_*",)] + PROV_ND + NEVER, listed=["city_finds_county_mechanisms"])
case("OD5 common_policy_problem, county hotline, county→city 03-03 → province 03-05, as of 03-30: no county or city body; nobody not_handled; no village/township [After the run: I forbade every not_handled, the receiving province's too; but 一(三) 省市两级及时回应基层反映问题 makes the province answer for a report it holds past the handling limit (25 days here, rectifier_holding/receiving_level_body, listed) — what the text forbids is naming the levels that reported in time, so the forbid is now the county's and the city's, and the province body named must cite the area's policy clause]",
     DI("common_policy_problem", C, discovered=hot, handled=[rep("county", "city"), rep("city", "province", "2021-03-05")], as_of="2021-03-30"),
     forb=[("county_*",), ("city_*",), ("village_*",), ("township_*",)] + NEVER,
     cl=[("province_poverty_office", "not_handled", ["一(三)", "二(二)5"], [])])
case("OD6 common_policy_problem, the county hotline, the county sits, as of 03-25: a county body not_handled (一(三) 对超出本级权限的及时向上级单位报送问题); no village/township; the city and province (never told) not named",
     DI("common_policy_problem", C, discovered=hot, **sit), req=[("county_*", "not_handled")], forb=[("village_*",), ("township_*",), ("city_*",), ("province_*", "not_handled")] + NEVER)
case("OD7 specific_problem at a village, sector water, the city's 调研督导: 县水利 not_discovered (二(二)3 涉及本部门问题的动态发现); not 县卫健, 县教育, 县民政",
     DI("specific_problem", sector="water", discovered=cres()), req=LOW_ND + [("county_water", "not_discovered")],
     forb=[("county_health",), ("county_education",), ("county_civil_affairs",)] + CITY_ND + NEVER, cl=[("county_water", "not_discovered", ["二(二)3"], [])])
case("OD8 specific_problem at a village, the province's 调查核查, with province_city_discover_specific_problems=true: still no city body not_discovered — the reading covers the checks 二(五)5 (检查组…对项目抽查) and 二(六)1(5) (监督检查各地低收入农户增收情况) give, not a discovery-area problem; not listed [After the run: I had the city find it itself first (a finder cannot have missed what it found), then read the parameter as reaching every specific problem; its why confines it to those two checks: OP12 probes it]",
     DI("specific_problem", discovered=psur()), params=dict(province_city_discover_specific_problems=True), req=LOW_ND,
     forb=CITY_ND + NEVER, notlisted=["province_city_discover_specific_problems"])
case("OD9 specific_problem at a village, the county hotline 2020-02-01 (before the policy's day), the county never passes it on, as of 2020-04-01: the village and township not not_discovered (policy_in_force_from: no duty before 03-06), the county not_handled from 03-06; listed",
     DI("specific_problem", discovered=disc("county", "hotline", "2020-02-01"), as_of="2020-04-01"), req=[("county_*", "not_handled")],
     forb=[("village_*", "not_discovered"), (TWN, "not_discovered")] + CITYPROV + NEVER, listed=["policy_in_force_from"])
case("OD10 the same with policy_in_force_from=2020-01-01: the village and township not_discovered; listed",
     DI("specific_problem", discovered=disc("county", "hotline", "2020-02-01"), as_of="2020-04-01"), params=dict(policy_in_force_from="2020-01-01"),
     req=LOW_ND + [("county_*", "not_handled")], forb=CITYPROV + NEVER, listed=["policy_in_force_from"])
case("OD11 specific_problem, county hotline 03-01, → township 03-13 (12 days; deadline 04-10), put right 04-05, as of 04-30: a county body not_handled (10-day default)",
     DI("specific_problem", discovered=hot, handled=[asg("county", "township", "2021-03-13")], deadline="2021-04-10", rectified_on="2021-04-05", **late),
     req=[("county_*", "not_handled")], forb=NOT_LATE + CITYPROV + NEVER)
case("OD12 the same with handling_time_limit_days=15: nobody not_handled; listed",
     DI("specific_problem", discovered=hot, handled=[asg("county", "township", "2021-03-13")], deadline="2021-04-10", rectified_on="2021-04-05", **late),
     params=dict(handling_time_limit_days=15), forb=NO_HANDLED + NOT_LATE + CITYPROV + NEVER, listed=["handling_time_limit_days"])
case("OD13 specific_problem, the township's grid 03-01, the record's first step the county's assignment to it 03-20 (deadline 04-15), as of 03-25: the township not_handled (missing_step_holder default, listed)",
     DI("specific_problem", discovered=tgrid, handled=[asg("county", "township", "2021-03-20")], deadline="2021-04-15", **sit),
     req=[(TWN, "not_handled")], forb=[(TWN, "not_discovered")] + CITYPROV + NEVER, listed=["missing_step_holder"])
case("OD14 the same with missing_step_holder=nobody: the township not not_handled; listed",
     DI("specific_problem", discovered=tgrid, handled=[asg("county", "township", "2021-03-20")], deadline="2021-04-15", **sit), params=dict(missing_step_holder="nobody"),
     forb=[(TWN, "not_handled"), (TWN, "not_discovered")] + CITYPROV + NEVER, listed=["missing_step_holder"])
case("OD15 specific_problem, the village concealed it from the province's 巡视: the village concealed; the township, county and city not concealed; no province body",
     DI("specific_problem", discovered=ptour, concealed_by=["village"]), req=[("village_*", "concealed")],
     forb=[(TWN, "concealed"), ("county_*", "concealed"), ("city_*",), ("province_*",), ("village_*", "not_discovered")] + NEVER)
case("OD16 specific_problem, the province's 巡视 → city 03-03 → county 03-05 → township 03-07 (deadline 04-10), put right 04-01, as of 04-30: village + township not_discovered; nobody else",
     DI("specific_problem", discovered=ptour, handled=[asg("province", "city"), asg("city", "county", "2021-03-05"), asg("county", "township", "2021-03-07")], deadline="2021-04-10", rectified_on="2021-04-01", **late),
     req=LOW_ND, forb=[("county_*",), ("city_*",), ("province_*",)] + NOT_LATE + NO_HANDLED + NEVER)
case("OD17 specific_problem, grave, the city's 调研督导, with main_responsibility_every_level=true: the county's 主体责任; no city/province 主体责任 (no city or province body failed: the reading has nothing to apply to)",
     DI("specific_problem", severity="grave", discovered=cres()), params=dict(main_responsibility_every_level=True), req=CNTY_MR, forb=NO_CITY_MR + NO_PROV_MR + NEVER)
case("OD18 specific_problem, serious, with main_responsibility_from=serious and leadership_liability_from=serious: the county's 主体责任 (二(一)1(1) 县级党委政府要切实承担主体责任); no township/city 主体责任; listed [After the run: main_responsibility_from=serious alone is refused with a ParameterWarning — 主体责任 is 领导责任, held from leadership_liability_from — which is right; both set now]",
     DI("specific_problem", severity="serious", discovered=cres()), params=dict(main_responsibility_from="serious", leadership_liability_from="serious"), req=CNTY_MR,
     forb=NO_TWN_MR + NO_CITY_MR + NO_PROV_MR + NEVER, listed=["main_responsibility_from"])
case("OD19 specific_problem, the city's 调研督导 03-01 → county 03-03 (deadline 03-31), the county → township 03-05, never, as of 04-30: the township not_rectified; no city body not_rectified or not_handled",
     DI("specific_problem", discovered=cres(), handled=[asg("city", "county"), asg("county", "township", "2021-03-05")], deadline="2021-03-31", **late),
     req=[(TWN, "not_rectified")], forb=[("city_*", "not_rectified"), ("city_*", "not_handled"), ("county_*", "not_rectified"), ("province_*",)] + NEVER)
case("OD20 specific_problem, the city's 调研督导 03-01 → county 03-03 (deadline 04-10), the county passes it to the township only 03-20 (late), put right 04-05, as of 04-30: no 整改不到位; the county not not_handled (late_pass_on_answers default, listed)",
     DI("specific_problem", discovered=cres(), handled=[asg("city", "county"), asg("county", "township", "2021-03-20")], deadline="2021-04-10", rectified_on="2021-04-05", **late),
     forb=[("county_*", "not_handled")] + NOT_LATE + [("city_*", "not_handled"), ("province_*",)] + NEVER, listed=["late_pass_on_answers"])
case("OD21 the same with late_pass_on_answers=not_handled: a county body not_handled; listed",
     DI("specific_problem", discovered=cres(), handled=[asg("city", "county"), asg("county", "township", "2021-03-20")], deadline="2021-04-10", rectified_on="2021-04-05", **late),
     params=dict(late_pass_on_answers="not_handled"), req=[("county_*", "not_handled")], forb=NOT_LATE + [("city_*", "not_handled"), ("province_*",)] + NEVER, listed=["late_pass_on_answers"])
case("OD22 specific_problem, the township's grid 03-01, the township puts it right itself 03-10, as of 04-30: nobody but the village, which did not find its own problem (二(二)1); the township not_handled no (self_rectified_report_required default) [After the run: I forbade everybody, forgetting the village]",
     DI("specific_problem", discovered=tgrid, rectified_on="2021-03-10", **late), req=VIL_ND, forb=[(TWN,), ("county_*",)] + NOT_LATE + CITYPROV + NEVER)
case("OD23 the same with self_rectified_report_required=true: the township not_handled; listed",
     DI("specific_problem", discovered=tgrid, rectified_on="2021-03-10", **late), params=dict(self_rectified_report_required=True),
     req=[(TWN, "not_handled")], forb=[("village_*", "not_handled"), ("county_*",)] + CITYPROV + NEVER, listed=["self_rectified_report_required"])

# ===================== second round (written and committed before their first run) =====================
case("OP12 project_late_or_unfinished at a village, the province's 调查核查, with province_city_discover_specific_problems=true: a city department of 二(五)5 (扶贫、财政、民宗…不定期组织检查组…对项目抽查) not_discovered; listed",
     PR("project_late_or_unfinished", discovered=psur()), params=dict(province_city_discover_specific_problems=True), req=[(TWN, "not_discovered"), ("city_*", "not_discovered")],
     forb=PROV_ND + [("city_education",), ("city_health",), ("city_water",)] + NEVER, listed=["province_city_discover_specific_problems"])
case("OP13 the same by default: no city body not_discovered (一(一) 以县为主体; 省市两级…主动发现政策举措、工作机制等方面问题)",
     PR("project_late_or_unfinished", discovered=psur()), req=[(TWN, "not_discovered")], forb=CITY_ND + PROV_ND + NEVER)
case("OF16 funds_diverted at the county code, sector finance, found by the county audit, 县财政 concealed it: 县财政 concealed (same_level_oversight_concealment default); listed; the audit not named",
     FU("funds_diverted", C, sector="finance", discovered=caudit, concealed_by=["county_finance"]), req=[("county_finance", "concealed")],
     forb=[("county_audit",), ("county_finance", "not_discovered")] + CITYPROV + NEVER, listed=["same_level_oversight_concealment"])
case("OF17 the same with same_level_oversight_concealment=false: 县财政 not concealed; listed",
     FU("funds_diverted", C, sector="finance", discovered=caudit, concealed_by=["county_finance"]), params=dict(same_level_oversight_concealment=False),
     forb=[("county_finance", "concealed"), ("county_audit",)] + CITYPROV + NEVER, listed=["same_level_oversight_concealment"])
case("OH19 housing_renovation_late at a village, the city's 调研督导 → the county (no body) 03-03 (deadline 03-31), never, as of 04-30: a county body not_rectified; no city body not_rectified or not_handled (二(六)4(6) 督促 only); no province; no line outside housing",
     HO("housing_renovation_late", discovered=cres(), handled=[asg("city", "county")], deadline="2021-03-31", **late), req=[("county_*", "not_rectified")],
     forb=[("city_*", "not_rectified"), ("city_*", "not_handled"), ("province_*",), ("city_education",), ("city_health",), ("city_water",)] + NOT_HOUSING + NEVER)
case("OD24 mechanism_missing, grave, the city's 调研督导: the county Party committee and government; the county's leading group not named (二(二)4 发挥扶贫开发领导小组作用 is the Party committee's and government's duty; the group 牵头协调)",
     DI("mechanism_missing", C, severity="grave", discovered=cres()), req=[("county_party_committee", "not_discovered", S3UL)], forb=[("county_leading_group",), ("village_*",), ("township_*",)] + NO_CITY_MR + NEVER)
case("OE17 education_student_not_identified, the city → 县教育局 03-03 (deadline 03-31), 县教育局 → the school 03-05, never, as of 04-30: the school not_rectified; 县教育局 not 整改不到位 (passed down in time); no city not_rectified; no 人社/卫健",
     ED("education_student_not_identified", C, discovered=csur(), handled=[asg("city", "county", body="county_education"), asg("county", "county", "2021-03-05", body="county_school")], deadline="2021-03-31", **late),
     req=[("county_school", "not_rectified")], forb=[("county_education", "not_rectified"), ("city_*", "not_rectified"), ("city_*", "not_handled")] + NOT_EDU + NEVER)
case("OB13 basic_needs_income_not_raised at the county code, no line, the city's 调研督导: 县扶贫办 by default (income_unnamed_line_alternatives), not 县人社; no village/township; listed",
     BN("basic_needs_income_not_raised", C, discovered=cres()), forb=[("county_hrss",), ("village_*",), ("township_*",), ("county_education",)] + CITY_ND + NEVER, listed=["income_unnamed_line_alternatives"])
case("OB14 the same with income_unnamed_line_alternatives=true: neither 县扶贫办 nor 县人社 by name (the level's 问题所属部门 once); listed",
     BN("basic_needs_income_not_raised", C, discovered=cres()), params=dict(income_unnamed_line_alternatives=True),
     forb=[("county_hrss",), ("county_poverty_office",), ("village_*",), ("township_*",)] + CITY_ND + NEVER, listed=["income_unnamed_line_alternatives"])
case("OW14 water_project_funds_irregular at a village, sector water, the city's 调研督导: 县水利 not_discovered (二(六)5(4) 加强…项目资金管理); not 县财政 (the water area gives it no part), 县卫健",
     WA("water_project_funds_irregular", sector="water", discovered=cres()), req=[("county_water", "not_discovered")], forb=[("county_finance",), ("county_health",)] + NOT_WATER + CITY_ND + NEVER,
     cl=[("county_water", "not_discovered", ["二(六)5(4)"], [])])
case("OF18 funds_allocation_irregular at the city's own code (本级财政扶贫资金, 二(四)7), sector finance, the province's audit: no county, township or village body (the city's own funds); no province body",
     FU("funds_allocation_irregular", "3301", sector="finance", discovered=paudit), forb=[("county_*",), ("township_*",), ("village_*",), ("province_*",)] + NEVER)
case("OH20 housing_danger_unreported at an urban community (清波门社区), the county hotline: no village body (residents_committee_place default); the township not_discovered; listed",
     HO("housing_danger_unreported", RC, discovered=hot), req=[(TWN, "not_discovered")], forb=[("village_*",)] + CNTY_ND + CITYPROV + NEVER, listed=["residents_committee_place"])
case("OH21 housing_policy_gap at the county code, the county reports it straight to the province 03-03, as of 03-10: nobody; the city (never shown it) not named",
     HO("housing_policy_gap", C, discovered=hot, handled=[rep("county", "province")], as_of="2021-03-10"), forb=NOBODY)
case("OW15 water_facilities_unmaintained, the township's grid 03-01 → county 03-02, the county sends it back to the township 03-05 (deadline 03-31), put right 03-30, as of 04-30: only the village (二(二)1, its own problem not found); no county body; no township not_handled",
     WA("water_facilities_unmaintained", discovered=tgrid, handled=[rep("township", "county", "2021-03-02"), asg("county", "township", "2021-03-05")], deadline="2021-03-31", rectified_on="2021-03-30", **late),
     forb=[(TWN,), ("county_*",)] + NOT_LATE + CITYPROV + NEVER)

# ===================== third round (written and committed before their first run) =====================
case("OX1 funds_diverted at a village (within the county's authority), county hotline 03-01, the county reports it up to the city 03-02 and nothing else, as of 03-25: a county body not_handled (一(三) 按照问题类别、办理权限…交办: a report up of its own problem is not 按程序; irregular_step, listed); no province body; whether the city holds it is set_aside_report_receiver's, listed",
     FU("funds_diverted", discovered=hot, handled=[rep("county", "city", "2021-03-02")], **sit), req=[("county_*", "not_handled")],
     forb=[("province_*",), ("village_*", "not_handled"), (TWN, "not_handled")] + NEVER, listed=["irregular_step", "set_aside_report_receiver"])
case("OX2 the same with set_aside_report_receiver=nobody: no city body; the county not_handled; listed",
     FU("funds_diverted", discovered=hot, handled=[rep("county", "city", "2021-03-02")], **sit), params=dict(set_aside_report_receiver="nobody"),
     req=[("county_*", "not_handled")], forb=[("city_*",), ("province_*",)] + NEVER, listed=["set_aside_report_receiver"])
case("OX3 specific_problem at a village, the province's 调研督导 → the township directly 03-03 (deadline 03-31), never, as of 04-30: the township not_rectified; the county presses it (二(二)4, grassroots); no province or city body (the nearest pressing level above the township is the county; the city never had it)",
     DI("specific_problem", discovered=disc("province", "research_supervision"), handled=[asg("province", "township")], deadline="2021-03-31", **late),
     req=[(TWN, "not_rectified")], forb=[("province_*",), ("city_*",)] + NEVER)
case("OX4 housing_renovation_late at a village, the city's 调研督导 → 县教育局 03-03 (deadline 03-31), never, as of 04-30: 县教育局 not named (二(六)4 gives education no part; its not rectifying is not 交办问题整改落实不到位); a city body answers for the 交办 not 按照问题类别 (assignment_to_body_without_part, listed)",
     HO("housing_renovation_late", discovered=cres(), handled=[asg("city", "county", body="county_education")], deadline="2021-03-31", **late),
     req=[("city_*",)], forb=[("county_education",), ("province_*",)] + NEVER, listed=["assignment_to_body_without_part"])
case("OX5 housing_policy_gap, grave, at the county code, reported county→city 03-03, the city sits, as of 03-30: a city body not_handled staff + unit + leadership; no county body at all, no county 主体责任 (it reported in time: a city's failure); no city or province 主体责任 (the province's policy, not the city's; the province never had it)",
     HO("housing_policy_gap", C, severity="grave", discovered=hot, handled=[rep("county", "city")], as_of="2021-03-30"), req=[("city_*", "not_handled", S3UL)],
     forb=[("county_*",), ("province_*",)] + NO_CITY_MR + NEVER)
case("OX6 identification_applicant_not_included at a village, county hotline → the village 03-03 (deadline 03-31), never, as of 04-30: the village not 整改不到位 (二(三)1 gives it 应报尽报 and the truth of its 申报材料; 审核审批 is 县民政局's, 二(三)3); no city/province",
     ID("identification_applicant_not_included", discovered=hot, handled=[asg("county", "village")], deadline="2021-03-31", **late),
     forb=[("village_*", "not_rectified")] + CITYPROV + NEVER)
case("OX7 health_assistance_late at the county code, sector health, the city's 调研督导: 县卫健 not named (二(六)3(3) gives the county's health bureau no part: 医保, 财政, 扶贫办); the record may be refused for naming a line with no county duty",
     HE("health_assistance_late", C, sector="health", discovered=cres()), forb=[("county_health",), ("county_education",), ("village_*",), ("township_*",)] + CITY_ND + NEVER, refuse_ok=True)
case("OX8 water_policy_gap, sector health, at the county code, reported county→city 03-03 → province 03-05, as of 03-30, with water_policy_health_departments=true: the province's health department answers for holding it (its own line); not 省水利; listed",
     WA("water_policy_gap", C, sector="health", discovered=hot, handled=[rep("county", "city"), rep("city", "province", "2021-03-05")], as_of="2021-03-30"),
     params=dict(water_policy_health_departments=True), req=[("province_health", "not_handled")], forb=[("province_water",), ("county_*",), ("city_*",)] + NEVER, listed=["water_policy_health_departments"])
case("OX9 the same by default: not the province's health department (二(六)5(6) read as the water departments); listed",
     WA("water_policy_gap", C, sector="health", discovered=hot, handled=[rep("county", "city"), rep("city", "province", "2021-03-05")], as_of="2021-03-30"),
     forb=[("province_health",), ("county_*",), ("city_*",)] + NEVER, listed=["water_policy_health_departments"], refuse_ok=True)
case("OX10 specific_problem at a village, the press at the province (报纸、电视等舆论监督, an outside channel): the village and township not_discovered; no city or province body; the media not named",
     DI("specific_problem", discovered=disc("province", "media")), req=LOW_ND, forb=CITYPROV + [("media",)] + NEVER)
case("OX11 specific_problem, the township's grid 03-01, reported to the county on 03-11 (the tenth day), as of 03-15: the township not not_handled (within handling_time_limit_days); no county body",
     DI("specific_problem", discovered=tgrid, handled=[rep("township", "county", "2021-03-11")], as_of="2021-03-15"), req=VIL_ND,
     forb=[(TWN,), ("county_*",)] + CITYPROV + NEVER)
case("OX12 the same reported 03-12 (the eleventh day), as of 03-20: the township not_handled; the county (holding it 8 days) not",
     DI("specific_problem", discovered=tgrid, handled=[rep("township", "county", "2021-03-12")], as_of="2021-03-20"), req=VIL_ND + [(TWN, "not_handled")],
     forb=[("county_*",)] + CITYPROV + NEVER, listed=["handling_time_limit_days"])
case("OX13 housing_renovation_late at a village, found by the city's education bureau's 调研督导, → the county (no body) 03-03 (deadline 03-31), never, as of 04-30: 市教育局 not named (二(六)4(6)–(7) give education no part in housing; 二(二)5 省市有关部门 are the concerned ones); no province body [After the run: I expected the verdict to rest on acting_departments_press; but that reading is of a department with a part in the area and none in the kind (市水利 and 应急保供), and 市教育局 has none in housing at all, so nothing rests on it — notlisted now; OX17–18 probe the parameter where it applies]",
     HO("housing_renovation_late", discovered=cres("city_education"), handled=[asg("city", "county")], deadline="2021-03-31", **late), req=[("county_*", "not_rectified")],
     forb=[("province_*",), ("city_education",)] + NEVER, notlisted=["acting_departments_press"])
case("OX14 the same with acting_departments_press=false: 市教育局 not named; nothing rests on it [After the run: as OX13]",
     HO("housing_renovation_late", discovered=cres("city_education"), handled=[asg("city", "county")], deadline="2021-03-31", **late), params=dict(acting_departments_press=False),
     req=[("county_*", "not_rectified")], forb=[("city_education",), ("province_*",)] + NEVER, notlisted=["acting_departments_press"])
case("OX15 basic_needs_below_floor at the county code, no line, the city's 调研督导: a county body; no village/township (the place is the county); no line outside 两不愁; no city",
     BN("basic_needs_below_floor", C, discovered=cres()), req=[("county_*", "not_discovered")], forb=[("village_*",), ("township_*",)] + NOT_BN + CITY_ND + NEVER)
case("OX16 identification_ineligible_included, the village's own grid 03-01, village→township 03-02, township→县民政局 03-04, put right 03-20, as of 04-30: nobody answers",
     ID("identification_ineligible_included", discovered=vgrid, handled=[rep("village", "township", "2021-03-02"), rep("township", "county", "2021-03-04", body="county_civil_affairs")], rectified_on="2021-03-20", **late),
     forb=NOBODY)

# ===================== fourth round (written and committed before their first run) =====================
case("OX17 water_emergency_failure at a village, found by the city's water bureau's 调研督导, → the county (no body) 03-03 (deadline 03-31), never, as of 04-30: 市水利 presses the rectification (acting_departments_press default: it did 二(二)5's 调研指导和问题核查 and handed it down), listed; no province body",
     WA("water_emergency_failure", discovered=cres("city_water"), handled=[asg("city", "county")], deadline="2021-03-31", **late), req=[("county_*", "not_rectified"), ("city_water", "supervision")],
     forb=[("province_*",), ("city_water", "not_rectified"), ("city_education",), ("city_construction",)] + NEVER, listed=["acting_departments_press"])
case("OX18 the same with acting_departments_press=false: 市水利 not 指导督促; listed",
     WA("water_emergency_failure", discovered=cres("city_water"), handled=[asg("city", "county")], deadline="2021-03-31", **late), params=dict(acting_departments_press=False),
     req=[("county_*", "not_rectified")], forb=[("city_water", "supervision"), ("province_*",)] + NEVER, listed=["acting_departments_press"])
case("OX19 housing_renovation_late, the township's grid 03-01, reported 03-02 to the county's education bureau (a body with no part in housing), as of 03-25: written expecting the township spared (it reported up in time, 二(六)4(2) 及时…上报) and a county body not_handled. [Lead, after the run (check60 OB1): 一(四) holds liable 没有按程序及时交办和上报的 — 按程序, and a report to a bureau the text gives no part in housing (二(六)4(3)–(4): 县建设部门 and 县财政) is not plainly by procedure, where one to the county's discipline commission (二(一)2(2) 督促推动问题整改落实: a part in problems) is; seven earlier reviews (review17 D5, R8A-0, r38b-13, r40-P26, r41b-H05, r42-Q29, r44-T08) read it so, and the text leaves the choice to report_to_oversight, whose any_receiver gives this record's first expectation (OX24). Kept as the default reading: the township not_handled, the verdict resting on report_to_oversight and irregular_step; 县教育局 never named]",
     HO("housing_renovation_late", discovered=tgrid, handled=[rep("township", "county", "2021-03-02", body="county_education")], **sit), req=[(TWN, "not_handled")],
     forb=[(TWN, "not_discovered"), ("county_education",)] + CITYPROV + NEVER, listed=["report_to_oversight", "irregular_step"])
case("OX20 specific_problem, the township's grid 03-01, reported 03-02 to the county's discipline commission, as of 03-25: the township not not_handled (report_to_oversight default: a report to the level), listed; the commission not named (二(一)2(2) 监督 only)",
     DI("specific_problem", discovered=tgrid, handled=[rep("township", "county", "2021-03-02", body="county_discipline")], **sit),
     forb=[(TWN, "not_handled"), (TWN, "not_discovered"), ("county_discipline",)] + CITYPROV + NEVER, listed=["report_to_oversight"])
case("OX21 specific_problem at a village, county hotline → the village 03-03 (deadline 03-31), never, as of 04-30: the village not_rectified; the township presses it (二(二)2); no county body 指导督促 (supervision_scope default: a village assignee's township, not the county as well); no city",
     DI("specific_problem", discovered=hot, handled=[asg("county", "village")], deadline="2021-03-31", **late), req=[("village_*", "not_rectified"), (TWN, "supervision")],
     forb=[("county_*", "supervision"), ("county_*", "not_rectified")] + CITYPROV + NEVER)
case("OX22 water_facilities_unmaintained, county hotline → township 03-03 (deadline 03-31), put right on 03-31 itself, as of 04-30: no 整改不到位, no pressing (a rectification on the deadline day is in time)",
     WA("water_facilities_unmaintained", discovered=hot, handled=[asg("county", "township")], deadline="2021-03-31", rectified_on="2021-03-31", **late),
     forb=NOT_LATE + NO_HANDLED + CITYPROV + NEVER)
case("OX23 housing_policy_gap at the county code, county hotline 03-01, reported 03-03 to the city's education bureau, as of 03-30: written expecting the county spared (一(三) 对超出本级权限的及时向上级单位报送问题: a 上级单位, in time) and a city body answering for holding it. [Lead, after the run (check60 OB1): as OX19 — a report to 市教育局, which has no part in housing policy (二(六)4(6)–(7): 住建), is not plainly 按程序 (一(四)); by default (report_to_oversight level_receives) the county's holder answers not_handled and the verdict rests on report_to_oversight; 市教育局 never named; no village or township body]",
     HO("housing_policy_gap", C, discovered=hot, handled=[rep("county", "city", body="city_education")], as_of="2021-03-30"),
     req=[("county_*", "not_handled")], forb=[("city_education",), ("village_*",), ("township_*",)] + NEVER, listed=["report_to_oversight"])
case("OX24 OX19's record with report_to_oversight=any_receiver: the township not not_handled (its report to 县教育局 is a report to the county); 县教育局 not named; a county body not_handled; listed",
     HO("housing_renovation_late", discovered=tgrid, handled=[rep("township", "county", "2021-03-02", body="county_education")], **sit), params=dict(report_to_oversight="any_receiver"),
     req=[("county_*", "not_handled")], forb=[(TWN, "not_handled"), ("county_education",)] + CITYPROV + NEVER, listed=["report_to_oversight"])

# ===================== fifth round (written and committed before their first run) =====================
case("OX25 funds_diverted at a village, found by the township's discipline commission (纪委监委, an outside channel): the village not_discovered; the township not not_discovered (outside_channel_finder_level default), listed; the commission not named; no county/city body not_discovered",
     FU("funds_diverted", discovered=disc("township", "discipline_inspection")), req=VIL_ND, forb=[(TWN, "not_discovered"), ("*discipline",), ("county_*", "not_discovered")] + CITYPROV + NEVER,
     listed=["outside_channel_finder_level"])
case("OX26 health_assistance_late at the county code, no line, the city's 调研督导: neither 县医保 nor 县财政 by name (二(六)3(3) each its own part; sectorless_alternatives, listed); not 县卫健 or 县扶贫办",
     HE("health_assistance_late", C, discovered=cres()), forb=[("county_medical_insurance",), ("county_finance",), ("county_poverty_office",), ("county_health",)] + CITY_ND + NEVER, listed=["sectorless_alternatives"])
case("OX27 basic_needs_contact_missing (每户一名干部联系, 二(六)1(4)) at a village, the city's 调研督导: no county line department (民政, 教育 …: the duty is the county Party committee's and government's); no city",
     BN("basic_needs_contact_missing", discovered=cres()), forb=[("county_civil_affairs",), ("county_finance",), ("county_poverty_office",)] + NOT_BN + CITY_ND + [("province_*",)] + NEVER)
case("OX28 water_facilities_unmaintained, the village's grid 03-01, reported 03-02 straight to the county 统管单位 (具体负责做好农村供水工程长效管理), as of 03-25: the village not named (二(六)5(1) 负责及时上报: done, to a body with the duty); the township not named (never had it, and the village found it)",
     WA("water_facilities_unmaintained", discovered=vgrid, handled=[rep("village", "county", "2021-03-02", body="county_water_supply_unit")], **sit),
     forb=[("village_*",), ("township_*",)] + CITYPROV + NEVER)
case("OX29 funds_diverted at a village (within the county's authority), county hotline 03-01, county→city 03-02, the city assigns it to the township 03-05 (deadline 03-31), never put right, as of 04-30: the township not_rectified; a county body not_handled — its report up of a problem within its own authority is not 按程序 (一(三) 按照问题类别、办理权限…交办; 对超出本级权限的…报送) even though the city passed it on in time; no city body not_handled; listed [After the run: I read above_authority_report_counts as sparing the county whose report reached the rectifier in time; its why keeps a county's report of its own problem set aside under either value (the exception is for levels that keep no lists, a city department), and 一(三) gives the county 交办, not 报送, for what is within its authority — the text's answer; corrected. Two earlier drafts (the county's own assignment within its limit, then a rectification by the deadline) rested on nothing]",
     FU("funds_diverted", discovered=hot, handled=[rep("county", "city", "2021-03-02"), asg("city", "township", "2021-03-05")], deadline="2021-03-31", **late),
     req=[(TWN, "not_rectified"), ("county_*", "not_handled")], forb=[("city_*", "not_handled"), ("province_*",)] + NEVER, listed=["irregular_step"])
case("OX30 the same with irregular_step=not_counted: the same answer (a county's report of its own problem is set aside under either value); listed (written after OX29's first run, from the parameter's text)",
     FU("funds_diverted", discovered=hot, handled=[rep("county", "city", "2021-03-02"), asg("city", "township", "2021-03-05")], deadline="2021-03-31", **late),
     params=dict(irregular_step="not_counted"), req=[(TWN, "not_rectified"), ("county_*", "not_handled")], forb=[("city_*", "not_handled"), ("province_*",)] + NEVER, listed=["irregular_step"])

# ===================== sixth round (written and committed before their first run) =====================
cityaudit = disc("city", "audit", body="city_audit")
case("OY1 housing_renovation_late, the county (no body named) concealed it from the province's 巡视: one county body concealed — the kind's department, 县建设部门 (concealing_level_body unresolved, listed); not the county's Party committee or government, not a line outside housing; no province or city body",
     HO("housing_renovation_late", discovered=ptour, concealed_by=["county"]), req=[("county_*", "concealed")],
     forb=[("county_party_committee", "concealed"), ("county_government", "concealed"), ("province_*",), ("city_*",)] + NOT_HOUSING + NEVER, listed=["concealing_level_body"])
case("OY2 funds_assets_mismanaged at a village, grave, found by the city audit: the village (二(四)1 资产管理), the township (二(四)2 扶贫资产运营负日常监管) staff + unit + leadership; the county's 主体责任 citing 二(四)6; the city audit and no city body; no city 主体责任",
     FU("funds_assets_mismanaged", severity="grave", discovered=cityaudit), req=[("village_committee", "not_discovered", S3UL), (TWN, "not_discovered", S3UL)] + CNTY_MR,
     forb=[("city_*",), ("province_*",)] + NO_TWN_MR + NEVER, cl=[(TWN, "not_discovered", ["二(四)2"], []), ("county_government", "main_responsibility", ["二(四)6"], [])])
case("OY3 health_insurance_not_in_place at the county code, the city's 调研督导 → 县扶贫办 03-03 (deadline 03-31), never, as of 04-30: 县扶贫办 not_rectified; 县医保 not (insurance is the office's part, 二(六)3(3)); no city body not_rectified; listed insurance_pressed_by_medical_insurance",
     HE("health_insurance_not_in_place", C, discovered=cres(), handled=[asg("city", "county", body="county_poverty_office")], deadline="2021-03-31", **late),
     req=[("county_poverty_office", "not_rectified")], forb=[("county_medical_insurance",), ("city_*", "not_rectified"), ("province_*",)] + NOT_HEALTH + NEVER, listed=["insurance_pressed_by_medical_insurance"])
case("OY4 the same with insurance_pressed_by_medical_insurance=true: 市医保 presses it (二(六)3(5) 医保…督促落实…医疗补充性政策保险措施); listed",
     HE("health_insurance_not_in_place", C, discovered=cres(), handled=[asg("city", "county", body="county_poverty_office")], deadline="2021-03-31", **late),
     params=dict(insurance_pressed_by_medical_insurance=True), req=[("county_poverty_office", "not_rectified"), ("city_medical_insurance", "supervision")],
     forb=[("county_medical_insurance",), ("city_*", "not_rectified"), ("province_*",)] + NEVER, listed=["insurance_pressed_by_medical_insurance"])
case("OY5 water_quality_substandard, sector water, county hotline received by 县水利 03-01, → the 统管单位 03-03 (deadline 03-31), put right 03-20, as of 04-30: only the village and township not_discovered; 县水利 not not_discovered (it received the find), nobody not_handled",
     WA("water_quality_substandard", sector="water", discovered=disc("county", "hotline", body="county_water"), handled=[asg("county", "county", body="county_water_supply_unit")], deadline="2021-03-31", rectified_on="2021-03-20", **late),
     forb=[("county_*",)] + NOT_LATE + NO_HANDLED + CITYPROV + NEVER)
case("OY6 project_records_incomplete (台账资料不全或未及时录入信息系统) at the township code, the city's 调研督导: not both halves' holders (joined_records_both_halves default: the record does not say which half failed), listed; no village; no city",
     PR("project_records_incomplete", "330127100", discovered=cres()), forb=[("village_*",)] + CITY_ND + NEVER, listed=["joined_records_both_halves"])
case("OY7 the same with joined_records_both_halves=true: the township (二(五)2 做好项目台账资料) and 县扶贫办 (二(五)3 及时录入全国扶贫开发信息系统) not_discovered; listed",
     PR("project_records_incomplete", "330127100", discovered=cres()), params=dict(joined_records_both_halves=True),
     req=[(TWN, "not_discovered"), ("county_poverty_office", "not_discovered")], forb=[("village_*",)] + CITY_ND + NEVER, listed=["joined_records_both_halves"])
case("OY8 specific_problem at a village, grave, the province's 调查核查 → the city 03-03; the city sits, as of 03-25: a city body not_handled staff + unit + leadership; no city or province 主体责任 (main_responsibility_every_level default: a county's specific problem is the county's 主体责任), listed",
     DI("specific_problem", severity="grave", discovered=psur(), handled=[asg("province", "city")], **sit), req=[("city_*", "not_handled", S3UL)],
     forb=NO_CITY_MR + NO_PROV_MR + [("province_*", "not_handled")] + NEVER, listed=["main_responsibility_every_level"])
case("OY9 the same with main_responsibility_every_level=true: the city's Party committee and government 主体责任 (二(一)1 各级党委政府); listed",
     DI("specific_problem", severity="grave", discovered=psur(), handled=[asg("province", "city")], **sit), params=dict(main_responsibility_every_level=True),
     req=[("city_*", "not_handled", S3UL), ("city_party_committee", "main_responsibility"), ("city_government", "main_responsibility")], forb=NO_PROV_MR + NEVER, listed=["main_responsibility_every_level"])
case("OY10 identification_applicant_not_included, sector civil_affairs, grave, at the county code, the city's 调研督导, with township_main_responsibility=true: no township body at all (the place is the county; no township failed); the county's 主体责任",
     ID("identification_applicant_not_included", C, sector="civil_affairs", severity="grave", discovered=cres()), params=dict(township_main_responsibility=True),
     req=[("county_civil_affairs", "not_discovered", S3UL)] + CNTY_MR, forb=[("township_*",)] + NO_CITY_MR + NEVER)

# ===================== seventh round (written and committed before their first run) =====================
case("OZ1 specific_problem, the village's grid 03-01 → township 03-09 (the ninth day), township → county 03-15 (six days after it had it; fourteen after the find), as of 03-25: nobody not_handled — a level's 及时 runs from when it held the problem, not from the find",
     DI("specific_problem", discovered=vgrid, handled=[rep("village", "township", "2021-03-09"), rep("township", "county", "2021-03-15")], **sit),
     forb=NOBODY)
case("OZ2 specific_problem, the province's 巡视 → city 03-03, the city → county only 03-20 (17 days), the county → township 03-22 (deadline 04-15), put right 04-10, as of 04-30: a city body not_handled (一(四) 对发现问题没有按程序及时交办…的, whatever came after; the city only passes a county's specific problem down, pressing_level_assignment, listed); no county or province body [After the run: I read the city as an assignee whose late pass-on late_pass_on_answers forgives when the problem is rectified in time; but for a specific problem the city rectifies nothing — it holds what the province sent as a level that must pass it on (二(二)5 指导督促), and 一(四) names a late pass-on apart from the outcome: the library's answer is the text's]",
     DI("specific_problem", discovered=ptour, handled=[asg("province", "city"), asg("city", "county", "2021-03-20"), asg("county", "township", "2021-03-22")], deadline="2021-04-15", rectified_on="2021-04-10", **late),
     req=LOW_ND + [("city_*", "not_handled")], forb=[("county_*",), ("province_*",)] + NOT_LATE + NEVER, listed=["pressing_level_assignment"])
case("OZ3 housing_renovation_late at a village, county hotline 03-01 → 县民政局 03-03 (deadline 03-31; its part is 信息对比, not the renovation), never, as of 04-30: 县民政局 not 整改不到位 (assignment_without_rectification_duty default: the county level holds it), listed; no line outside housing; no city",
     HO("housing_renovation_late", discovered=hot, handled=[asg("county", "county", body="county_civil_affairs")], deadline="2021-03-31", **late),
     forb=[("county_civil_affairs", "not_rectified"), ("county_civil_affairs", "not_handled")] + NOT_HOUSING + CITYPROV + NEVER, listed=["assignment_without_rectification_duty"])
case("OZ4 the same with assignment_without_rectification_duty=assignee: 县民政局 not_rectified; listed",
     HO("housing_renovation_late", discovered=hot, handled=[asg("county", "county", body="county_civil_affairs")], deadline="2021-03-31", **late),
     params=dict(assignment_without_rectification_duty="assignee"), req=[("county_civil_affairs", "not_rectified")], forb=NOT_HOUSING + CITYPROV + NEVER, listed=["assignment_without_rectification_duty"])

# ===================== eighth round (written and committed before their first run) =====================
case("OZ5 housing_renovation_late, the township's grid 03-01, reported 03-02 to the county's leading group (扶贫开发领导小组, 二(一)1(2) 牵头抓总、综合协调…督促落实相关工作), as of 03-25: the township not not_handled (a report to the county, in time); the leading group not named not_handled? a county body answers for holding it",
     HO("housing_renovation_late", discovered=tgrid, handled=[rep("township", "county", "2021-03-02", body="county_leading_group")], **sit), req=[("county_*", "not_handled")],
     forb=[(TWN, "not_handled"), (TWN, "not_discovered")] + CITYPROV + NEVER)
case("OZ6 housing_renovation_late, the township's grid 03-01, reported 03-02 to 县扶贫办 (the office that keeps the county's problem lists, 一(三), by the rules' own reading discovery_county_ledger; 二(一)1(3) 统筹协调), as of 03-25: the township not not_handled; a county body not_handled",
     HO("housing_renovation_late", discovered=tgrid, handled=[rep("township", "county", "2021-03-02", body="county_poverty_office")], **sit), req=[("county_*", "not_handled")],
     forb=[(TWN, "not_handled"), (TWN, "not_discovered")] + CITYPROV + NEVER)
case("OZ7 water_facilities_unmaintained, the village's grid 03-01, reported 03-02 to the township's Party committee (乡镇党委, 二(一)1(1) 乡镇党委政府…抓好各项具体工作实施), as of 03-25: the village not not_handled",
     WA("water_facilities_unmaintained", discovered=vgrid, handled=[rep("village", "township", "2021-03-02", body="township_party_committee")], **sit),
     forb=[("village_*",)] + CITYPROV + NEVER)
case("OB15 basic_needs_policy_gap at the county code, reported to the city 03-03, the city sits, as of 03-30: the city's body named not_handled cites 二(六)1(5) (省市行业主管部门：负责制定“两不愁”有关政策措施), its duty in passing on a gap in that policy; no county body (written after OB3's run, to show CL1 at the city too)",
     BN("basic_needs_policy_gap", C, discovered=hot, handled=[rep("county", "city")], as_of="2021-03-30"), req=[("city_*", "not_handled")],
     forb=[("county_*",), ("province_*",)] + NEVER, cl=[("city_sector_department", "not_handled", ["一(三)", "二(六)1(5)"], [])])
