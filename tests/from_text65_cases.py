"""check65's records, written from the text before the library was run on them (session 64): the ground the earlier
from-text audits (check55–check64, tests/from_text55_cases.py–from_text64_cases.py) covered least — the COUNTY across
every duty area: each department the text names in 二(三)–二(六) (民政、扶贫办、财政、教育、医保、卫健、建设、自然资源、水利、
残联、人社、民宗, the water 县级统管单位, the school 学校) failing its own duty, found above it or by an outside channel; the
county Party committee's and government's 主体责任 and 统筹 duties (二(一)1(1), 二(二)4, each area's 县（市、区）党委、政府
item) and the liability tiers of 一(四) (相关工作人员; 所在单位和领导 by 情形严重和不良后果程度); 瞒报漏报 during 上级核查和
巡视审计 at the county and its departments (一(四)); escalation of what exceeds the county's authority (一(三) 对超出本级
权限的及时向上级单位报送问题; 省市两级及时回应基层反映问题; 二(二)5 共性问题); the outside channels (县（市、区）长热线, 12317,
the media, 纪委监委, audit, 人大政协); and records placed at real division codes of counties other than the default
example's 淳安县 (缙云县 331122 of 丽水市, 诸暨市 330681 of 绍兴市 — a county-level city —, 平阳县 330326 of 温州市),
with a set of records each read under a parameter's non-default value (rules/parameters.yaml).

Each record names what the text requires (``req``) and the bodies it forbids naming (``forb``; ``fl``, a body with a
liability it must not carry); ``cl`` names clauses a finding must (and must not) cite; ``code`` the refusal's reason
code. tests/test_from_text65.py runs them; the auditor's report is /work/helpers/s64/check65.md.
"""
# ruff: noqa: E501, E702, E731, RUF005
# One record to a call, as tests/from_text55_cases.py–from_text64_cases.py write them (not reflowed by ruff format):
# fmt: off

from __future__ import annotations

from typing import Any

from .from_text import (
    CNTY_MR,
    LOW_ND,
    NO_CITY_MR,
    NO_MR,
    NO_PROV_MR,
    NO_TWN_MR,
    NOBODY,
    NOLOW,
    NOT_LATE,
    TWN,
    VIL_ND,
    A,
    asg,
    clause_adder,
    disc,
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
dl = dict(deadline="2021-03-31")
S3 = ["staff"]; S3U = ["staff", "unit"]; S3UL = ["staff", "unit", "leadership"]
NOLEAD = [("*", None, "leadership")]; NOUNIT = [("*", None, "unit")]
NO_H = [("*", "not_handled")]; NO_ND = [("*", "not_discovered")]
NOVIL = [("village_*",)]; NOTWN = [("township_*",)]; NOCITY = [("city_*",)]; NOPROV = [("province_*",)]
NOCNTY = [("county_*",)]
CITY_ND = [("city_*", "not_discovered")]; CNTY_ND = [("county_*", "not_discovered")]
# the county's bodies the text never makes answer for a failure of a duty area: the leading group (二(一)1(2) 牵头抓总、
# 综合协调: its work is the Party committee's and government's, 二(二)4 发挥扶贫开发领导小组作用) and the organisation
# department (一(四) 组织人事部门要强化激励措施: it rewards, it is not in the chain)
NO_LG = [("county_leading_group",), ("county_organisation",)]
CNTY_LEADS_ND = [("county_party_committee", "not_discovered"), ("county_government", "not_discovered")]
SCHOOL = "county_school"; CEDU = "county_education"; CFIN = "county_finance"; CPO = "county_poverty_office"
CMI = "county_medical_insurance"; CCA = "county_civil_affairs"; CCO = "county_construction"; CWA = "county_water"
CWSU = "county_water_supply_unit"; CHE = "county_health"; CNR = "county_natural_resources"; CHR = "county_hrss"
CDF = "county_disabled_federation"; CER = "county_ethnic_religious"

# Real division codes (examples/jurisdictions/zhejiang.csv.gz, 2023 edition), away from the default example's 淳安县:
# 缙云县 (丽水市), 壶镇镇, 高潮村; 诸暨市 (绍兴市: a county-level city, whose 市长热线 is 一(二)'s 县（市、区）长热线), 店口镇,
# 白沥畈村; 平阳县 (温州市), 昆阳镇, 沙岗村.
JY = "331122"; JY_T = "331122101"; JY_V = "331122101200"; LS = "3311"
ZJ = "330681"; ZJ_T = "330681104"; ZJ_V = "330681104226"; SX = "3306"
PY = "330326"; PY_T = "330326100"; PY_V = "330326100204"; WZ = "3303"

cres = lambda body=None: disc("city", "research_supervision", body=body)
pres = lambda body=None: disc("province", "research_supervision", body=body)
chv = disc("city", "higher_level_verification"); phv = disc("province", "higher_level_verification")
ptour = disc("province", "inspection_tour"); ctour = disc("city", "inspection_tour")
paud = disc("province", "audit", body="province_audit"); caud = disc("city", "audit", body="city_audit")
kaud = disc("county", "audit", body="county_audit")
hot = disc("county", "hotline")
own = lambda body, ch="dynamic_tracking": disc("county", ch, body=body)
tgrid = disc("township", "grid"); vgrid = disc("village", "grid")


# ===================== each county department's own duty, found above the county (二(二)3 and each area's 县 item) =====================
case("KD1 basic_needs_approval_late of civil affairs' line at 缙云县's 高潮村, 丽水市's 调研督导: 县民政局 not_discovered (二(六)1(3) 及时审批社会救助对象; 二(二)3 负责涉及本部门问题的动态发现); no township or village body (the household applied: the approval is the county's); no city body not_discovered (一(一) 以县为主体); not 县财政局",
     BN("basic_needs_approval_late", JY_V, sector="civil_affairs", discovered=cres()), req=[(CCA, "not_discovered")], forb=NOLOW + CITY_ND + [(CFIN,)] + NO_LG,
     cl=[(CCA, "not_discovered", ["一(四)"], [])])
case("KD2 project_not_entered_in_system at 诸暨市's 白沥畈村, 绍兴市's audit: 县扶贫办 not_discovered (二(五)3 县扶贫办…及时录入全国扶贫开发信息系统项目管理板块); no township or village body; the city audit office not named",
     PR("project_not_entered_in_system", ZJ_V, discovered=caud), req=[(CPO, "not_discovered")], forb=NOLOW + [("city_audit",)] + CITY_ND + NO_LG)
case("KD3 funds_allocation_irregular at 平阳县's own code, the province's 巡视: 县财政局 not_discovered (二(四)3 办理资金分配); no township or village body (the place is the county's); no city body not_discovered",
     FU("funds_allocation_irregular", PY, discovered=ptour), req=[(CFIN, "not_discovered")], forb=NOLOW + CITY_ND + NO_LG)
case("KD4 education_student_not_identified at 缙云县's 高潮村, the province's 调研督导: the school (二(六)2(1) 各学校负责本校的学生资助对象认定) and 县教育局 (二(六)2(2) 负责各有关学校学生资助对象认定、审核工作) not_discovered; no township or village body (二(六)2 gives them no part); no city body; not 县残联",
     ED("education_student_not_identified", JY_V, discovered=pres()), req=[(SCHOOL, "not_discovered"), (CEDU, "not_discovered")], forb=NOLOW + NOCITY + [(CDF,)] + NO_LG)
case("KD5 health_assistance_late of 医保's line at 诸暨市's 白沥畈村, 绍兴市's 调研督导: 县医保局 not_discovered (二(六)3(3) 县级医保部门负责医疗救助业务的审核、审批); not 县财政局 (another part, another line); no township or village body",
     HE("health_assistance_late", ZJ_V, sector="medical_insurance", discovered=cres()), req=[(CMI, "not_discovered")], forb=[(CFIN,)] + NOLOW + CITY_ND)
case("KD6 water_monitoring_network_missing at 缙云县's own code, the province's 调研督导: 县卫健局 not_discovered (二(六)5(4) 卫健部门负责水质监测网络建设和安全检测工作); not 县水利局, not the 统管单位; no township or village body",
     WA("water_monitoring_network_missing", JY, discovered=pres()), req=[(CHE, "not_discovered")], forb=[(CWA, "not_discovered"), (CWSU,)] + NOLOW + CITY_ND)
case("KD7 housing_subsidy_irregular of the construction line at 平阳县's 沙岗村, 温州市's 调研督导: 县建设局 not_discovered (二(六)4(3) 负责农村困难家庭危房鉴定、改造补助资金审核工作); not 县财政局 not_discovered (the record names the construction line); no township or village body (二(六)4(1)–(2) give them no part in the subsidy)",
     HO("housing_subsidy_irregular", PY_V, sector="construction", discovered=cres()), req=[(CCO, "not_discovered")], forb=[(CFIN, "not_discovered")] + NOLOW + CITY_ND)
case("KD8 housing_renovation_late of the natural-resources line at 缙云县's 高潮村 (the building land not secured), 丽水市's 调研督导: 县自然资源局 not_discovered (二(六)4(4) 自然资源部门负责保障农村危房改造建设用地); not 县民政局 or 县财政局 (other lines); no city body not_discovered",
     HO("housing_renovation_late", JY_V, sector="natural_resources", discovered=cres()), req=[(CNR, "not_discovered")], forb=[(CCA, "not_discovered"), (CFIN, "not_discovered")] + CITY_ND + NO_LG)
case("KD9 water_project_funds_irregular at 诸暨市's 店口镇, 绍兴市's audit: 县水利局 not_discovered (二(六)5(4) 水利部门…加强…项目资金管理); no township or village body; not the 统管单位 or 县卫健局; the audit office not named",
     WA("water_project_funds_irregular", ZJ_T, discovered=caud), req=[(CWA, "not_discovered")], forb=NOLOW + [(CWSU,), (CHE,), ("city_audit",)])
case("KD10 education_lists_not_provided of the disabled persons' federation's line at 缙云县's 高潮村, the province's 调研督导: 县残联 not_discovered (二(六)2(2) 县残联负责提供学龄段持证残疾人名单); not 县民政局 (the other list); not the school (it cannot identify from a list it never had); no township or village body",
     ED("education_lists_not_provided", JY_V, sector="disabled_federation", discovered=pres()), req=[(CDF, "not_discovered")], forb=[(CCA,), (SCHOOL, "not_discovered")] + NOLOW + NOCITY)
case("KD11 basic_needs_employment_insufficient of the human-resources line at 平阳县's 沙岗村, 温州市's 调研督导: 县人社局 not_discovered (二(六)1(3) 县行业主管部门…做好低收入农户增收; 一(一) 低收入农户创业就业不充分); not 县民政局 or 县扶贫办 (the record names 人社's line); no city body not_discovered",
     BN("basic_needs_employment_insufficient", PY_V, sector="hrss", discovered=cres()), req=[(CHR, "not_discovered")], forb=[(CCA, "not_discovered"), (CPO, "not_discovered")] + CITY_ND + NO_LG)
case("KD12 water_emergency_failure at 缙云县's own code (a county-wide supply), 丽水市's 调研督导: the 统管单位 not_discovered (二(六)5(3) 做好应急保供保障和供水服务); no township or village body (the place is the county's); not 县卫健局",
     WA("water_emergency_failure", JY, discovered=cres()), req=[(CWSU, "not_discovered")], forb=NOLOW + [(CHE,)] + CITY_ND)
case("KD13 project_acceptance_lax of 民宗's line at 平阳县's 沙岗村, the province's 检查组抽查: 县民宗局 not_discovered (二(五)3 各相关部门负责对各自业务范围的项目…组织对项目进行检查、验收和绩效评价; 民宗…负责相应的项目指导、协调和管理); not 县水利局 or 县建设局 (others' 业务范围); no township or village body",
     PR("project_acceptance_lax", PY_V, sector="ethnic_religious", discovered=disc("province", "spot_check")), req=[(CER, "not_discovered")], forb=[(CWA,), (CCO,)] + NOLOW + CITY_ND)
case("KD14 identification_pushed_info_untrue at 诸暨市's 白沥畈村, the province's 调查核查: 县扶贫办 not_discovered (二(三)4 对推送对象信息的真实性、完整性负责); no township or village body (the office pushes what its own 检查调研 found); no city body",
     ID("identification_pushed_info_untrue", ZJ_V, discovered=disc("province", "survey_verification")), req=[(CPO, "not_discovered")], forb=NOLOW + NOCITY + NO_LG)
case("KD15 health_insurance_not_in_place at 缙云县's 高潮村, 丽水市's 调研督导: 县扶贫办 not_discovered (二(六)3(3) 县扶贫办负责低收入农户医疗补充政策性保险的工作); not 县医保局; no township or village body",
     HE("health_insurance_not_in_place", JY_V, discovered=cres()), req=[(CPO, "not_discovered")], forb=[(CMI, "not_discovered")] + NOLOW + CITY_ND)
case("KD16 funds_assets_mismanaged at 平阳县's 昆阳镇, 温州市's 调研督导: the township (二(四)2 对扶贫资产运营负日常监管责任) and 县财政局 (二(四)3 对当地扶贫资产负全面监管责任) not_discovered; no village body (the place is the township's); no city body not_discovered",
     FU("funds_assets_mismanaged", PY_T, discovered=cres()), req=[(TWN, "not_discovered"), (CFIN, "not_discovered")], forb=NOVIL + CITY_ND + NO_LG)

# ===================== county departments that sit, or do not rectify what they were handed; the grades (一(四)) =====================
case("KR1 health_costs_accounting_irregular at 诸暨市's own code, 绍兴市's 调研督导 03-01 hands it to 县医保局 03-03, deadline 03-31, not put right by 04-30, serious: 县医保局 not_rectified (一(四) 对交办问题整改落实不到位的; 二(六)3(3) 医疗救助费用的核算、汇总上报) and not_discovered, each staff + unit; no leadership; no 主体责任; no city body not_rectified; not 县财政局",
     HE("health_costs_accounting_irregular", ZJ, discovered=cres(), handled=[asg("city", "county", body=CMI)], **dl, severity="serious", **late),
     req=[(CMI, "not_rectified", S3U), (CMI, "not_discovered", S3U)], forb=NO_MR + [("city_*", "not_rectified"), (CFIN,)] + NOLOW, fl=NOLEAD)
case("KR2 the same, grave: 县医保局 staff + unit + leadership; the county's Party committee and government bear 主体责任 citing 二(六)3(4) (对当地健康扶贫工作负主体责任); no city, township or province 主体责任",
     HE("health_costs_accounting_irregular", ZJ, discovered=cres(), handled=[asg("city", "county", body=CMI)], **dl, severity="grave", **late),
     req=[(CMI, "not_rectified", S3UL)] + CNTY_MR, forb=NO_CITY_MR + NO_TWN_MR + NO_PROV_MR + NO_LG,
     cl=[("county_party_committee", "main_responsibility", ["二(六)3(4)"], []), ("county_government", "main_responsibility", ["二(六)3(4)"], [])])
case("KR3 the same, minor: 县医保局 staff only; no unit, no leadership, no 主体责任",
     HE("health_costs_accounting_irregular", ZJ, discovered=cres(), handled=[asg("city", "county", body=CMI)], **dl, **late),
     req=[(CMI, "not_rectified", S3)], forb=NO_MR, fl=NOUNIT + NOLEAD)
case("KR4 water_self_testing_not_done at 缙云县's 高潮村, found by 县水利局's own 动态跟踪 03-01 (二(六)5(4) 水利部门负责农村供水工程建设与管理监管), handed to the 统管单位 03-03, deadline 03-31, not done by 04-30: the 统管单位 not_rectified (二(六)5(3) 落实水质自检); 县水利局 not not_rectified (it passed it on in time to the body whose duty it is); no township or village body (professional 管护); no city body",
     WA("water_self_testing_not_done", JY_V, discovered=own(CWA), handled=[asg("county", "county", body=CWSU)], **dl, **late),
     req=[(CWSU, "not_rectified")], forb=[(CWA, "not_rectified"), (CWA, "not_handled")] + NOLOW + NOCITY)
case("KR5 education_aid_records_irregular at 平阳县's 沙岗村, found by 县教育局's own 动态跟踪 03-01, handed to the school 03-03, deadline 03-31, not put right by 04-30: the school not_rectified (二(六)2(1) 安排专人专职负责学生资助工作程序和档案管理的规范); 县教育局 not not_rectified; no township or village body; no city body",
     ED("education_aid_records_irregular", PY_V, discovered=own(CEDU), handled=[asg("county", "county", body=SCHOOL)], **dl, **late),
     req=[(SCHOOL, "not_rectified")], forb=[(CEDU, "not_rectified")] + NOLOW + NOCITY)
case("KR6 the same record as of 03-05 (nothing late yet): the school not_discovered (its own records, 二(六)2(1): 县教育局 found what the school had to keep in order — unit_below_own_level default); 县教育局 not not_discovered (its own work found it); no township or village body",
     ED("education_aid_records_irregular", PY_V, discovered=own(CEDU), handled=[asg("county", "county", body=SCHOOL)], **dl),
     req=[(SCHOOL, "not_discovered")], forb=[(CEDU, "not_discovered")] + NOLOW + NOCITY, listed=["unit_below_own_level"])
case("KR7 identification_applicant_not_included of civil affairs' line at 平阳县's 沙岗村, the township's grid 03-01 reported to 县民政局 03-03, which sits, as of 03-25: 县民政局 not_handled (二(三)3 对符合条件的农户通过审核审批; 一(四)); no township or village body (each did its part); no city body",
     ID("identification_applicant_not_included", PY_V, sector="civil_affairs", discovered=tgrid, handled=[rep("township", "county", body=CCA)], **sit),
     req=[(CCA, "not_handled")], forb=NOLOW + NOCITY + [(CPO,)])
case("KR8 water_monitoring_network_missing at 缙云县's own code, 丽水市's 调研督导 03-01 hands it to 县卫健局 03-03, deadline 03-31, not built by 04-30, grave: 县卫健局 not_rectified and not_discovered, staff + unit + leadership; the county's 主体责任 citing 二(六)5(5) (对当地农村饮水安全保障负主体责任); not 县水利局 or the 统管单位 not_rectified",
     WA("water_monitoring_network_missing", JY, discovered=cres(), handled=[asg("city", "county", body=CHE)], **dl, severity="grave", **late),
     req=[(CHE, "not_rectified", S3UL), (CHE, "not_discovered", S3UL)] + CNTY_MR, forb=[(CWA, "not_rectified"), (CWSU,)] + NO_CITY_MR + NO_TWN_MR + NO_LG,
     cl=[("county_government", "main_responsibility", ["二(六)5(5)"], [])])
case("KR9 basic_needs_payment_late of civil affairs' line at 诸暨市's 白沥畈村, 绍兴市's 调研督导 03-01 hands it to 县民政局 03-03, deadline 03-31, paid 03-20, as of 04-30: 县民政局 not_discovered only; nobody late; no township or village body",
     BN("basic_needs_payment_late", ZJ_V, sector="civil_affairs", discovered=cres(), handled=[asg("city", "county", body=CCA)], **dl, rectified_on="2021-03-20", **late),
     req=[(CCA, "not_discovered")], forb=NOT_LATE + NO_H + NOLOW)
case("KR10 housing_subsidy_irregular of finance's line at 平阳县's 沙岗村, the county hotline received by 县财政局 03-01, which sits, as of 03-25: 县财政局 not_handled (二(六)4(4) 财政部门负责…给予财政补贴; 一(四)); no county body not_discovered (the hotline is the county's); no township or village body",
     HO("housing_subsidy_irregular", PY_V, sector="finance", discovered=disc("county", "hotline", body=CFIN), **sit), req=[(CFIN, "not_handled")], forb=CNTY_ND + NOLOW + NOCITY)

# ===================== the county Party committee's and government's own duties and 主体责任 (二(一)1(1), 二(二)4, each area's 县 item) =====================
case("KP1 basic_needs_contact_missing at 缙云县's 高潮村 (二(六)1(4) 确保低收入农户每户有一名干部联系，每月联系一次), the province's 巡视: a county body not_discovered; the village and the township not_discovered (二(二)1–2); no city body",
     BN("basic_needs_contact_missing", JY_V, discovered=ptour), req=LOW_ND + [("county_*", "not_discovered")], forb=NOCITY)
case("KP2 education_aid_support_missing at 缙云县's own code, 丽水市's 调研督导: the county's Party committee and government not_discovered (二(六)2(3) 统筹协调本地区各级学生资助管理机构、人员和经费保障); not the school, not 县教育局 not_discovered; no township or village body",
     ED("education_aid_support_missing", JY, discovered=cres()), req=CNTY_LEADS_ND, forb=[(SCHOOL,), (CEDU, "not_discovered")] + NOLOW + CITY_ND + NO_LG)
case("KP3 mechanism_missing at 诸暨市's own code, 绍兴市's 调研督导: the county's Party committee and government not_discovered (二(二)4 健全问题发现办法和整改机制; county_finds_own_mechanism default); no township or village body; no city body not_discovered (its own work found it)",
     DI("mechanism_missing", ZJ, discovered=cres()), req=CNTY_LEADS_ND, forb=NOLOW + CITY_ND + NO_LG)
case("KP4 basic_needs_below_floor at 平阳县's own code, the province's 巡视, grave: a county body not_discovered, staff + unit + leadership; the county's Party committee and government bear 主体责任 citing 二(六)1(4) (对当地“两不愁”工作负主体责任…落实年度低收入农户托底线以下人员消除工作); no city or province 主体责任; no city body",
     BN("basic_needs_below_floor", PY, discovered=ptour, severity="grave"), req=[("county_*", "not_discovered", S3UL)] + CNTY_MR, forb=NO_CITY_MR + NO_PROV_MR + NOCITY + NOLOW,
     cl=[("county_party_committee", "main_responsibility", ["二(六)1(4)"], [])])
case("KP5 funds_diverted at 平阳县's 沙岗村, the province's 12317 platform 03-01, grave: the township and 县财政局 not_discovered, staff + unit + leadership; the county's 主体责任 citing 二(四)6 (对当地资金管理负主体责任); the platform not named (二(一)2(4) it is a 载体); no city body; no township 主体责任",
     FU("funds_diverted", PY_V, discovered=disc("province", "reporting_platform", body="platform_12317"), severity="grave"),
     req=[(TWN, "not_discovered", S3UL), (CFIN, "not_discovered", S3UL)] + CNTY_MR, forb=[("platform_12317",)] + NOCITY + NO_TWN_MR + NO_LG,
     cl=[("county_party_committee", "main_responsibility", ["二(四)6"], [])])
case("KP6 water_quality_substandard at 诸暨市's 白沥畈村, the press at the city 03-01, grave: the 统管单位 not_discovered, staff + unit + leadership (二(六)5(3) 落实水质自检…确保供水达标); the county's 主体责任 citing 二(六)5(5); the media not named; no city body not_discovered",
     WA("water_quality_substandard", ZJ_V, discovered=disc("city", "media"), severity="grave"), req=[(CWSU, "not_discovered", S3UL)] + CNTY_MR,
     forb=[("media",)] + CITY_ND + NO_CITY_MR + NO_LG, cl=[("county_government", "main_responsibility", ["二(六)5(5)"], [])])
case("KP7 education_aid_not_paid of finance's line at 缙云县's 高潮村, the province's 调研督导, grave: 县财政局 not_discovered, staff + unit + leadership (二(六)2(2) 县财政局负责及时拨付和监管资助资金); the county's 主体责任 citing 二(六)2(3); not the school (the record names finance's part); no township or village body",
     ED("education_aid_not_paid", JY_V, sector="finance", discovered=pres(), severity="grave"), req=[(CFIN, "not_discovered", S3UL)] + CNTY_MR,
     forb=[(SCHOOL,)] + NOLOW + NOCITY + NO_LG, cl=[("county_party_committee", "main_responsibility", ["二(六)2(3)"], [])])
case("KP8 health_insurance_not_in_place at 平阳县's 沙岗村, 温州市's 调研督导, grave: 县扶贫办 not_discovered, staff + unit + leadership; the county's 主体责任 citing 二(六)3(4); no township or village body; no city 主体责任",
     HE("health_insurance_not_in_place", PY_V, discovered=cres(), severity="grave"), req=[(CPO, "not_discovered", S3UL)] + CNTY_MR, forb=NOLOW + NO_CITY_MR + NO_LG,
     cl=[("county_government", "main_responsibility", ["二(六)3(4)"], [])])
case("KP9 project_false_or_unnecessary at 诸暨市's 白沥畈村, 绍兴市's 检查组抽查, grave: the township (二(五)2 审核) and 县扶贫办 (二(五)3 审核纳入项目库) not_discovered, staff + unit + leadership; the county's 主体责任 citing 二(五)4; no city body not_discovered",
     PR("project_false_or_unnecessary", ZJ_V, discovered=disc("city", "spot_check"), severity="grave"), req=[(TWN, "not_discovered", S3UL), (CPO, "not_discovered", S3UL)] + CNTY_MR,
     forb=CITY_ND + NO_CITY_MR + NO_TWN_MR + NO_LG, cl=[("county_party_committee", "main_responsibility", ["二(五)4"], [])])
case("KP10 identification_pushed_info_untrue at 缙云县's 高潮村, the province's 巡视, grave: 县扶贫办 not_discovered, staff + unit + leadership; the county's 主体责任 citing 二(三)5 (对低收入农户精准识别负主体责任); no township or village body",
     ID("identification_pushed_info_untrue", JY_V, discovered=ptour, severity="grave"), req=[(CPO, "not_discovered", S3UL)] + CNTY_MR, forb=NOLOW + NO_CITY_MR + NO_LG,
     cl=[("county_party_committee", "main_responsibility", ["二(三)5"], [])])
case("KP11 housing_renovation_late at 平阳县's 沙岗村, 温州市's 督查 (二(六)4(7) 督查指导), serious: no 主体责任 (main_responsibility_from grave); the township not_discovered, staff + unit; no leadership",
     HO("housing_renovation_late", PY_V, discovered=disc("city", "supervisory_check"), severity="serious"), req=[(TWN, "not_discovered", S3U)], forb=NO_MR + CITY_ND, fl=NOLEAD)
case("KP12 mechanism_missing at 缙云县's own code, the province's 调研督导 03-01 hands it to the county 03-03, deadline 03-31, not mended by 04-30: a county body not_rectified (二(二)4 健全问题发现办法和整改机制); no township or village body; no province body not_rectified",
     DI("mechanism_missing", JY, discovered=pres(), handled=[asg("province", "county")], **dl, **late), req=[("county_*", "not_rectified")], forb=NOLOW + [("province_*", "not_rectified")] + NO_LG)

# ===================== 瞒报漏报 at the county and its departments (一(四) 对上级核查和巡视审计等过程中瞒报漏报问题的) =====================
case("KC1 housing_subsidy_irregular of the construction line at 缙云县's 高潮村, 丽水市's 上级核查, 县建设局 concealed it: 县建设局 concealed (一(四)), not also not_discovered; no township or village body; no city body",
     HO("housing_subsidy_irregular", JY_V, sector="construction", discovered=chv, concealed_by=[CCO]), req=[(CCO, "concealed")], forb=[(CCO, "not_discovered")] + NOLOW + NOCITY,
     cl=[(CCO, "concealed", ["一(四)"], [])])
case("KC2 water_quality_test_failed at 诸暨市's 白沥畈村, the province's 巡视, the 统管单位 concealed it: the 统管单位 concealed, not not_discovered; 县卫健局 not_discovered (二(六)5(4) 卫健部门负责…安全检测工作); no township or village body (only testing finds it)",
     WA("water_quality_test_failed", ZJ_V, discovered=ptour, concealed_by=[CWSU]), req=[(CWSU, "concealed"), (CHE, "not_discovered")], forb=[(CWSU, "not_discovered")] + NOLOW + NOCITY)
case("KC3 health_costs_accounting_irregular at 平阳县's own code, the province audit, 县医保局 concealed it: 县医保局 concealed, not not_discovered; the audit office not named; no city body",
     HE("health_costs_accounting_irregular", PY, discovered=paud, concealed_by=[CMI]), req=[(CMI, "concealed")], forb=[(CMI, "not_discovered"), ("province_audit",)] + NOCITY + NOLOW)
case("KC4 education_student_not_identified at 缙云县's 高潮村, 丽水市's 上级核查, the school concealed it: the school concealed, not not_discovered; 县教育局 not_discovered (二(六)2(2) 认定、审核); no township or village body",
     ED("education_student_not_identified", JY_V, discovered=chv, concealed_by=[SCHOOL]), req=[(SCHOOL, "concealed"), (CEDU, "not_discovered")], forb=[(SCHOOL, "not_discovered")] + NOLOW + NOCITY)
case("KC5 the same, 县教育局 concealed it: 县教育局 concealed, not not_discovered; the school not_discovered; no township or village body",
     ED("education_student_not_identified", JY_V, discovered=chv, concealed_by=[CEDU]), req=[(CEDU, "concealed"), (SCHOOL, "not_discovered")], forb=[(CEDU, "not_discovered")] + NOLOW + NOCITY)
case("KC6 funds_poor_performance of the poverty office's line at 诸暨市's 店口镇, 绍兴市's audit, 县扶贫办 concealed it: 县扶贫办 concealed (二(四)4 对资金使用的绩效负责), not not_discovered; the township not_discovered (二(四)2); the audit office not named; no village body",
     FU("funds_poor_performance", ZJ_T, sector="poverty_office", discovered=caud, concealed_by=[CPO]), req=[(CPO, "concealed"), (TWN, "not_discovered")], forb=[(CPO, "not_discovered"), ("city_audit",)] + NOVIL)
case("KC7 basic_needs_income_not_raised of the human-resources line at 平阳县's 沙岗村, the province's 巡视, 县人社局 concealed it: 县人社局 concealed, not not_discovered; 县民政局 not concealed; no city body",
     BN("basic_needs_income_not_raised", PY_V, sector="hrss", discovered=ptour, concealed_by=[CHR]), req=[(CHR, "concealed")], forb=[(CHR, "not_discovered"), (CCA, "concealed")] + NOCITY)
case("KC8 education_lists_not_provided of the disabled persons' federation's line at 缙云县's 高潮村, 丽水市's 上级核查, 县残联 concealed it: 县残联 concealed, not not_discovered; 县民政局 not named; no township or village body",
     ED("education_lists_not_provided", JY_V, sector="disabled_federation", discovered=chv, concealed_by=[CDF]), req=[(CDF, "concealed")], forb=[(CDF, "not_discovered"), (CCA,)] + NOLOW + NOCITY)
case("KC9 housing_renovation_late of the natural-resources line at 诸暨市's 白沥畈村, the province's 巡视, 县自然资源局 concealed it: 县自然资源局 concealed, not not_discovered; no city body",
     HO("housing_renovation_late", ZJ_V, sector="natural_resources", discovered=ptour, concealed_by=[CNR]), req=[(CNR, "concealed")], forb=[(CNR, "not_discovered")] + NOCITY)
case("KC10 water_monitoring_network_missing at 平阳县's own code, the province's 巡视, the county (no body) concealed it: 县卫健局 concealed (the one county body with a part: 二(六)5(4)); not the county's Party committee or government, not 县水利局",
     WA("water_monitoring_network_missing", PY, discovered=ptour, concealed_by=["county"]), req=[(CHE, "concealed")],
     forb=[("county_party_committee", "concealed"), ("county_government", "concealed"), (CWA, "concealed"), (CWSU,)] + NOLOW + NOCITY)
case("KC11 basic_needs_approval_late (no line) at 缙云县's 高潮村, 丽水市's 上级核查, the county (no body) concealed it: a county body concealed; not the county's Party committee or government (concealing_level_body unresolved, listed); no township or village body",
     BN("basic_needs_approval_late", JY_V, discovered=chv, concealed_by=["county"]), req=[("county_*", "concealed")],
     forb=[("county_party_committee", "concealed"), ("county_government", "concealed")] + NOLOW + NOCITY, listed=["concealing_level_body"])
case("KC12 funds_diverted at 平阳县's 沙岗村, the province's 巡视, 县财政局 concealed it, grave: 县财政局 concealed, staff + unit + leadership; the township not_discovered, staff + unit + leadership; the county's 主体责任 (二(四)6); 县财政局 not not_discovered; no city body",
     FU("funds_diverted", PY_V, discovered=ptour, concealed_by=[CFIN], severity="grave"), req=[(CFIN, "concealed", S3UL), (TWN, "not_discovered", S3UL)] + CNTY_MR,
     forb=[(CFIN, "not_discovered")] + NOCITY + NO_CITY_MR)
case("KC13 water_project_funds_irregular at 缙云县's own code, the county's own audit 03-01, 县水利局 concealed it from its own level's audit: 县水利局 concealed (一(四) 巡视审计等过程中瞒报漏报; same_level_oversight_concealment default, listed), not not_discovered; the audit office not named; no township or village body",
     WA("water_project_funds_irregular", JY, discovered=kaud, concealed_by=[CWA]), req=[(CWA, "concealed")], forb=[(CWA, "not_discovered"), ("county_audit",)] + NOLOW + NOCITY,
     listed=["same_level_oversight_concealment"])
case("KC14 the same with same_level_oversight_concealment=false: 县水利局 not concealed; the audit office not named; listed",
     WA("water_project_funds_irregular", JY, discovered=kaud, concealed_by=[CWA]), params=dict(same_level_oversight_concealment=False), forb=[(CWA, "concealed"), ("county_audit",)] + NOLOW + NOCITY,
     listed=["same_level_oversight_concealment"])
case("KC15 identification_applicant_not_included (no line) at 诸暨市's 白沥畈村, the province's 巡视, the county concealed it, with concealing_level_body=handling_holders: 县民政局 concealed (二(三)3 审核审批: the county's holder of its handling); not the Party committee; listed. [After the run: I forbade 县扶贫办 too; the parameter's handling_holders value is defined as naming the county's ledger keeper (一(三)) beside the departments — the value's own reading, not the default, so 县扶贫办 is no longer forbidden here]",
     ID("identification_applicant_not_included", ZJ_V, discovered=ptour, concealed_by=["county"]), params=dict(concealing_level_body="handling_holders"), req=[(CCA, "concealed")],
     forb=[("county_party_committee", "concealed")] + NOCITY, listed=["concealing_level_body"])
refuse("KC16 housing_subsidy_irregular at 缙云县's 高潮村, the press at the county, 县建设局 named as concealer: the media checks no one (一(四) 上级核查和巡视审计等过程中瞒报漏报)",
       HO("housing_subsidy_irregular", JY_V, sector="construction", discovered=disc("county", "media"), concealed_by=[CCO]), "concealment", "concealed_by[0]")
refuse("KC17 basic_needs_below_floor at 平阳县's own code, the county's own 核查普查, 县民政局 named as concealer: the county's own census is no 上级核查 of the county and no 巡视审计. [After the run: written as 'refused, or 县民政局 not named concealed' (refuse_ok); the library refuses it with the code this record first had in the auditor's draft — a refused refuse_ok record cannot go through the batch check, so it is now a strict refusal]",
       BN("basic_needs_below_floor", PY, discovered=disc("county", "verification_census"), concealed_by=[CCA]), "concealment", "concealed_by[0]")

# ===================== beyond the county's authority: escalation, 共性问题, and the province's and city's response (一(三), 二(二)5) =====================
case("KE1 health_policy_gap at 诸暨市's own code (the province's and city's policy, 二(六)3(5)), the county-level city's 市长热线 03-01 (一(二) 县（市、区）长热线), the county sits, as of 03-25: a county body not_handled (一(三) 对超出本级权限的及时向上级单位报送问题; 一(四)); no county body not_discovered; no city or province body (never told); no township or village body",
     HE("health_policy_gap", ZJ, discovered=disc("county", "市长热线"), **sit), req=[("county_*", "not_handled")], forb=CNTY_ND + NOCITY + NOPROV + NOLOW + NO_LG)
case("KE2 the same reported to 绍兴市 03-03, the city sits, as of 03-25: a city body not_handled (一(三) 省市两级及时回应基层反映问题; 一(四)); no county body (it reported in time); no province body (never told)",
     HE("health_policy_gap", ZJ, discovered=disc("county", "市长热线"), handled=[rep("county", "city")], **sit), req=[("city_*", "not_handled")], forb=NOCNTY + NOPROV + NOLOW)
case("KE3 the same county → city 03-03 → province 03-05, the province hands it to 省医保局 03-07, deadline 04-15, not mended by 04-30: 省医保局 not_rectified (二(六)3(5) 医保…负责制定健康扶贫相关政策); no county body; no city body not_handled or not_rectified",
     HE("health_policy_gap", ZJ, discovered=disc("county", "市长热线"), handled=[rep("county", "city"), rep("city", "province", "2021-03-05"), asg("province", "province", "2021-03-07", body="province_medical_insurance")], deadline="2021-04-15", **late),
     req=[("province_medical_insurance", "not_rectified")], forb=NOCNTY + [("city_*", "not_handled"), ("city_*", "not_rectified")] + NOLOW)
case("KE4 water_policy_gap at 缙云县's own code, 县水利局's own 动态跟踪 03-01 → 丽水市水利局 03-05 → the province 03-08, the province sits, as of 03-25: a province body not_handled (一(三) 省市两级及时回应基层反映问题); no county body; no city body not_handled (it passed it on in 3 days); not 省卫健委 (water_policy_health_departments default)",
     WA("water_policy_gap", JY, discovered=own(CWA), handled=[rep("county", "city", "2021-03-05", body="city_water"), rep("city", "province", "2021-03-08")], **sit),
     req=[("province_*", "not_handled")], forb=NOCNTY + [("city_*", "not_handled"), ("province_health",)] + NOLOW)
case("KE5 common_policy_problem at 平阳县's own code (二(二)5 全省共性问题), the county hotline 03-01, the county sits, as of 03-25: a county body not_handled (一(三) 对超出本级权限的及时向上级单位报送问题; 二(二)4 压实县乡村…及时上报责任); no city or province body (never told)",
     DI("common_policy_problem", PY, discovered=hot, **sit), req=[("county_*", "not_handled")], forb=NOCITY + NOPROV + NOLOW + CNTY_ND)
case("KE6 the same county → 温州市 03-03 → the province 03-05, the province sits, as of 03-25: a province body not_handled (二(二)5 及时发现全省共性问题，修改完善相关政策和机制); no county body; no city body not_handled",
     DI("common_policy_problem", PY, discovered=hot, handled=[rep("county", "city"), rep("city", "province", "2021-03-05")], **sit), req=[("province_*", "not_handled")], forb=NOCNTY + [("city_*", "not_handled")] + NOLOW)
case("KE7 the same county → 温州市 03-03, the city sits, as of 03-25: a city body not_handled (一(三) 省市两级及时回应基层反映问题，通过政策完善、机制创新等，做好共性问题整改); no county body; no province body",
     DI("common_policy_problem", PY, discovered=hot, handled=[rep("county", "city")], **sit), req=[("city_*", "not_handled")], forb=NOCNTY + NOPROV + NOLOW)
case("KE8 common_policy_problem at 平阳县's own code found by the province's 调研督导: no county, township or village body not_discovered (二(二)5: a 全省共性问题 is the province's and cities' to find)",
     DI("common_policy_problem", PY, discovered=pres()), forb=CNTY_ND + NOLOW)
case("KE9 identification_policy_gap at 缙云县's own code, the county hotline → 丽水市民政局 03-03 → the province 03-05, mended 03-25, as of 04-30: nobody",
     ID("identification_policy_gap", JY, discovered=hot, handled=[rep("county", "city", body="city_civil_affairs"), rep("city", "province", "2021-03-05")], rectified_on="2021-03-25", **late), forb=NOBODY)
case("KE10 education_policy_gap at 平阳县's own code, 县教育局's own 动态跟踪 03-01, reported to 温州市 only 03-15 (14 days), the city → the province 03-16, mended 04-01, as of 04-30: 县教育局 not_handled (一(四) 没有按程序及时…上报: late); no city body not_handled; no province body",
     ED("education_policy_gap", PY, discovered=own(CEDU), handled=[rep("county", "city", "2021-03-15"), rep("city", "province", "2021-03-16")], rectified_on="2021-04-01", **late),
     req=[(CEDU, "not_handled")], forb=[("city_*", "not_handled")] + NOPROV + NOLOW + [(SCHOOL,)])
case("KE11 housing_line_policy_gap of the natural-resources line at 诸暨市's own code (二(六)4(7) 自然资源…负责制定…建设用地保障…相关政策), the 市长热线 03-01 → 绍兴市自然资源局 03-03, which sits, as of 03-25: 市自然资源局 not_handled; not 市建设局 (二(六)4(6) is another policy); no county body",
     HO("housing_line_policy_gap", ZJ, sector="natural_resources", discovered=disc("county", "市长热线"), handled=[rep("county", "city", body="city_natural_resources")], **sit),
     req=[("city_natural_resources", "not_handled")], forb=[("city_construction",)] + NOCNTY + NOPROV + NOLOW)
case("KE12 funds_rules_gap at 缙云县's own code, the county's own audit 03-01 → 丽水市财政局 03-03 → the province 03-05, the province hands it to 省财政厅 03-07, deadline 04-15, mended 04-10, as of 04-30: nobody (the rules are the province's, 二(四)7: nobody below it had them to find)",
     FU("funds_rules_gap", JY, discovered=kaud, handled=[rep("county", "city", body="city_finance"), rep("city", "province", "2021-03-05"), asg("province", "province", "2021-03-07", body="province_finance")], deadline="2021-04-15", rectified_on="2021-04-10", **late),
     forb=NOBODY)
case("KE13 projects_policy_gap at 平阳县's own code, the county hotline 03-01, mended 03-20 with no step shown, as of 04-30: nobody (the county cannot mend a provincial policy, 二(五)5: mended within the time limits, it was evidently passed on)",
     PR("projects_policy_gap", PY, discovered=hot, rectified_on="2021-03-20", **late), forb=NOBODY)
case("KE14 health_policy_gap at 诸暨市's own code, the 市长热线 03-01 reported straight to the province 03-03 (一(三) 及时向上级单位报送: the province is a 上级单位), the province sits, as of 03-25: a province body not_handled; no county body not_handled; no city body (never told)",
     HE("health_policy_gap", ZJ, discovered=disc("county", "市长热线"), handled=[rep("county", "province")], **sit), req=[("province_*", "not_handled")], forb=[("county_*", "not_handled")] + NOCITY + NOLOW)

# ===================== outside channels and oversight bodies finding the county's problems (一(二), 二(一)2) =====================
case("KO1 health_costs_accounting_irregular at 缙云县's own code, the province's 12317 platform 03-01: 县医保局 not_discovered (二(六)3(3)); the platform not named; no township or village body; no city body not_discovered",
     HE("health_costs_accounting_irregular", JY, discovered=disc("province", "reporting_platform", body="platform_12317")), req=[(CMI, "not_discovered")], forb=[("platform_12317",)] + NOLOW + CITY_ND)
case("KO2 water_project_funds_irregular at 平阳县's own code, the county's own 纪委监委 03-01, as of 03-05: nobody (its own level's organ found it: outside_channel_finder_level default; nothing late yet)",
     WA("water_project_funds_irregular", PY, discovered=disc("county", "discipline_inspection")), forb=NOBODY)
case("KO3 the same with outside_channel_finder_level=true: 县水利局 not_discovered (二(六)5(4) …项目资金管理); the 纪委 not named; listed",
     WA("water_project_funds_irregular", PY, discovered=disc("county", "discipline_inspection")), params=dict(outside_channel_finder_level=True), req=[(CWA, "not_discovered")],
     forb=[("county_discipline",)] + NOLOW, listed=["outside_channel_finder_level"])
case("KO4 the same found by 温州市's 纪委监委: 县水利局 not_discovered; the 纪委 and no city body not_discovered",
     WA("water_project_funds_irregular", PY, discovered=disc("city", "discipline_inspection")), req=[(CWA, "not_discovered")], forb=[("city_discipline",)] + CITY_ND + NOLOW)
case("KO5 education_aid_funds_irregular at 诸暨市's 白沥畈村, the press at the county's level 03-01: the school not_discovered (二(六)2(1) 确保各项资助经费提取、发放和使用的规范: a unit below the county's level); no county department not_discovered (outside_channel_finder_level default); no township or village body; the media not named",
     ED("education_aid_funds_irregular", ZJ_V, discovered=disc("county", "media")), req=[(SCHOOL, "not_discovered")], forb=[(CFIN, "not_discovered"), (CEDU, "not_discovered"), ("media",)] + NOLOW)
case("KO6 basic_needs_payment_late of civil affairs' line at 平阳县's 沙岗村, the county hotline received by 县民政局 03-01, paid 03-08, as of 04-30: nobody",
     BN("basic_needs_payment_late", PY_V, sector="civil_affairs", discovered=disc("county", "hotline", body=CCA), rectified_on="2021-03-08", **late), forb=NOBODY)
case("KO7 housing_records_false at 缙云县's 高潮村, the 扶贫电子邮箱 at 丽水市 03-01: the village (二(六)4(1) 对…验收资料的真实性和准确性负责) and the township (二(六)4(2) 对…档案真实性和准确性负责) not_discovered; no city body not_discovered",
     HO("housing_records_false", JY_V, discovered=disc("city", "email")), req=LOW_ND, forb=CITY_ND)
case("KO8 funds_assets_mismanaged at 诸暨市's 店口镇, the 互联网+监督 platform at the county's level 03-01: the township not_discovered (二(四)2 对扶贫资产运营负日常监管责任); no county body not_discovered; no village body",
     FU("funds_assets_mismanaged", ZJ_T, discovered=disc("county", "internet_supervision")), req=[(TWN, "not_discovered")], forb=CNTY_ND + NOVIL)
case("KO9 identification_applicant_not_included of civil affairs' line at 平阳县's 沙岗村, the county's 人大政协 督导 03-01, nothing done, as of 03-25: a county body not_handled; 县民政局 not not_discovered (its own level's oversight found it); the 人大 and 政协 not named; no township or village body",
     ID("identification_applicant_not_included", PY_V, sector="civil_affairs", discovered=disc("county", "congress_cppcc"), **sit), req=[("county_*", "not_handled")],
     forb=[(CCA, "not_discovered"), ("county_congress",), ("county_cppcc",)] + NOLOW)
case("KO10 funds_allocation_irregular at 缙云县's own code, 丽水市's audit 03-01, the city sits, as of 03-25: 县财政局 not_discovered (二(四)3); a city body not_handled; no county body not_handled (never told); no province body",
     FU("funds_allocation_irregular", JY, discovered=caud, **sit), req=[(CFIN, "not_discovered"), ("city_*", "not_handled")], forb=[("county_*", "not_handled")] + NOPROV + NOLOW)
case("KO11 project_late_or_unfinished at 平阳县's 沙岗村, the county's 12317 report 03-01 → the township 03-03, deadline 03-31, not finished by 04-30: the township not_rectified (二(五)2 确保项目按时按要求完成建设); the village and the township not_discovered; no county body not_rectified or not_discovered; the platform not named. [After the run: I named platform_12317 as the finder's body at the county's level; the library holds the 12317 platform as a province-level body and refuses it beside level county — the record now names the channel (监督举报平台) with no body]",
     PR("project_late_or_unfinished", PY_V, discovered=disc("county", "reporting_platform"), handled=[asg("county", "township")], **dl, **late),
     req=[(TWN, "not_rectified")] + LOW_ND, forb=[("county_*", "not_rectified"), ("platform_12317",)] + CNTY_ND)
case("KO12 housing_subsidy_irregular of the construction line at 诸暨市's 白沥畈村, the press at the province 03-01, the province sits, as of 03-25: 县建设局 not_discovered; a province body not_handled; no city body (never told); the media not named",
     HO("housing_subsidy_irregular", ZJ_V, sector="construction", discovered=disc("province", "media"), **sit), req=[(CCO, "not_discovered"), ("province_*", "not_handled")], forb=[("media",)] + NOCITY + NOLOW)
case("KO13 housing_danger_unreported at 诸暨市's 白沥畈村, the 市长热线 at the county's level 03-01: the village and the township not_discovered (二(六)4(1)–(2)); no county body not_discovered",
     HO("housing_danger_unreported", ZJ_V, discovered=disc("county", "市长热线")), req=LOW_ND, forb=CNTY_ND + NOCITY)
refuse("KO14 绍兴市's own mayor's hotline at the city's level: 一(二)'s hotline is 县（市、区）长热线 (a prefecture's is not the text's channel)",
       HO("housing_danger_unreported", ZJ_V, discovered=disc("city", "市长热线")), "level_mismatch", "discovered.level")

# ===================== 教育扶贫 二(六)2 at the county: the school, 县教育局, 县财政局 =====================
case("KS1 education_aid_procedure_irregular at 缙云县's 高潮村, 丽水市's 调研督导: the school not_discovered (二(六)2(1) 具体落实提前告知、学生申请、学校认定、结果公示、建档备案); 县教育局 not (education_review_covers_procedure default, listed); no township or village body",
     ED("education_aid_procedure_irregular", JY_V, discovered=cres()), req=[(SCHOOL, "not_discovered")], forb=[(CEDU, "not_discovered")] + NOLOW + CITY_ND, listed=["education_review_covers_procedure"])
case("KS2 the same with education_review_covers_procedure=true: 县教育局 not_discovered too (二(六)2(2) 认定、审核); listed",
     ED("education_aid_procedure_irregular", JY_V, discovered=cres()), params=dict(education_review_covers_procedure=True), req=[(SCHOOL, "not_discovered"), (CEDU, "not_discovered")],
     forb=NOLOW, listed=["education_review_covers_procedure"])
case("KS3 education_aid_funds_irregular at 平阳县's 沙岗村, the province's 调研督导: the school (二(六)2(1) 确保各项资助经费提取、发放和使用的规范) and 县财政局 (二(六)2(2) 监管资助资金) not_discovered; not 县民政局; no township or village body",
     ED("education_aid_funds_irregular", PY_V, discovered=pres()), req=[(SCHOOL, "not_discovered"), (CFIN, "not_discovered")], forb=[(CCA,)] + NOLOW + NOCITY)
case("KS4 education_aid_not_paid (no line) at 诸暨市's 白沥畈村, 绍兴市's 调研督导: a county body not_discovered; not 县民政局 or 县残联 (lists, not pay); no township or village body",
     ED("education_aid_not_paid", ZJ_V, discovered=cres()), req=[("county_*", "not_discovered")], forb=[(CCA,), (CDF,)] + NOLOW + CITY_ND)
case("KS5 education_funds_irregular (the joined kind) at 缙云县's 高潮村, 丽水市's 调研督导: the school not_discovered (both halves are its own, 二(六)2(1)); 县财政局 not (joined_records_both_halves default, listed); no township or village body",
     ED("education_funds_irregular", JY_V, discovered=cres()), req=[(SCHOOL, "not_discovered")], forb=[(CFIN, "not_discovered")] + NOLOW, listed=["joined_records_both_halves"])
case("KS6 the same with joined_records_both_halves=true: 县财政局 not_discovered too; listed",
     ED("education_funds_irregular", JY_V, discovered=cres()), params=dict(joined_records_both_halves=True), req=[(SCHOOL, "not_discovered"), (CFIN, "not_discovered")], forb=NOLOW,
     listed=["joined_records_both_halves"])
case("KS7 education_student_not_identified at 平阳县's 沙岗村, the county hotline received by the school 03-01, which sits, as of 03-25: the school not_handled (rectifier_holding default, listed); no township or village body; no city body",
     ED("education_student_not_identified", PY_V, discovered=disc("county", "hotline", body=SCHOOL), **sit), req=[(SCHOOL, "not_handled")], forb=NOLOW + NOCITY, listed=["rectifier_holding"])
case("KS8 the same as of 04-30 with rectifier_holding=not_rectified: the school not_rectified, not not_handled; listed",
     ED("education_student_not_identified", PY_V, discovered=disc("county", "hotline", body=SCHOOL), **late), params=dict(rectifier_holding="not_rectified"), req=[(SCHOOL, "not_rectified")],
     forb=[(SCHOOL, "not_handled")] + NOLOW, listed=["rectifier_holding"])
case("KS9 education_student_not_identified at 缙云县's 高潮村, the village's grid 03-01 → the township 03-02 → 县教育局 03-04, which sits, as of 03-25: 县教育局 not_handled; no township or village body (they passed on in time what the text gives them no part in)",
     ED("education_student_not_identified", JY_V, discovered=vgrid, handled=[rep("village", "township", "2021-03-02"), rep("township", "county", "2021-03-04", body=CEDU)], **sit),
     req=[(CEDU, "not_handled")], forb=NOLOW + NOCITY)
case("KS10 education_aid_not_paid of finance's line at 平阳县's 沙岗村, 温州市's 调研督导 03-01 → 县财政局 03-03, deadline 03-31, not paid by 04-30: 县财政局 not_rectified (二(六)2(2) 负责及时拨付); not the school; not 县教育局 not_rectified; no township or village body",
     ED("education_aid_not_paid", PY_V, sector="finance", discovered=cres(), handled=[asg("city", "county", body=CFIN)], **dl, **late),
     req=[(CFIN, "not_rectified")], forb=[(SCHOOL,), (CEDU, "not_rectified")] + NOLOW)
case("KS11 education_policy_gap at 丽水市's own code, education's line, the province's 调研督导: 市教育局 not_discovered (二(六)2(4)); not 市民政局 or 市人社局 (joint_guidance_every_line default; the record names education); no county body",
     ED("education_policy_gap", LS, sector="education", discovered=pres()), req=[("city_education", "not_discovered")], forb=[("city_civil_affairs", "not_discovered"), ("city_hrss", "not_discovered")] + NOCNTY + NOLOW)
case("KS12 education_policy_gap at 丽水市's own code, no line, the province's 调研督导, with joint_guidance_every_line=true: 市人社局 and 市残联 not_discovered too (二(六)2(4) 教育、财政、民政、人社、残联、扶贫部门负责教育扶贫政策的制定); listed",
     ED("education_policy_gap", LS, discovered=pres()), params=dict(joint_guidance_every_line=True), req=[("city_hrss", "not_discovered"), ("city_disabled_federation", "not_discovered")],
     forb=NOCNTY + NOLOW, listed=["joint_guidance_every_line"])
case("KS13 education_student_not_identified at 诸暨市's 白沥畈村, 绍兴市's 调研督导 03-01 → 县教育局 03-03 → the school 03-05, deadline 03-31, not identified by 04-30: the school not_rectified; 县教育局 not not_rectified (it passed it on in time: reassigned_level_answers default); no township or village body",
     ED("education_student_not_identified", ZJ_V, discovered=cres(), handled=[asg("city", "county", body=CEDU), asg("county", "county", "2021-03-05", body=SCHOOL)], **dl, **late),
     req=[(SCHOOL, "not_rectified")], forb=[(CEDU, "not_rectified")] + NOLOW)
case("KS14 the same with reassigned_level_answers=rectification: 县教育局 not_rectified (as the assignee); listed",
     ED("education_student_not_identified", ZJ_V, discovered=cres(), handled=[asg("city", "county", body=CEDU), asg("county", "county", "2021-03-05", body=SCHOOL)], **dl, **late),
     params=dict(reassigned_level_answers="rectification"), req=[(CEDU, "not_rectified")], forb=NOLOW, listed=["reassigned_level_answers"])
case("KS15 the same passed to the school only 03-20 (17 days), identified 03-28, as of 04-30: 县教育局 not named not_handled (late_pass_on_answers default: rectified by its deadline); listed",
     ED("education_student_not_identified", ZJ_V, discovered=cres(), handled=[asg("city", "county", body=CEDU), asg("county", "county", "2021-03-20", body=SCHOOL)], **dl, rectified_on="2021-03-28", **late),
     forb=[(CEDU, "not_handled")] + NOT_LATE + NOLOW, listed=["late_pass_on_answers"])
case("KS16 the same with late_pass_on_answers=not_handled: 县教育局 not_handled (一(四) 没有按程序及时交办); listed",
     ED("education_student_not_identified", ZJ_V, discovered=cres(), handled=[asg("city", "county", body=CEDU), asg("county", "county", "2021-03-20", body=SCHOOL)], **dl, rectified_on="2021-03-28", **late),
     params=dict(late_pass_on_answers="not_handled"), req=[(CEDU, "not_handled")], forb=NOT_LATE + NOLOW, listed=["late_pass_on_answers"])

# ===================== 健康扶贫 二(六)3 at the county: 县医保局, 县财政局, 县扶贫办 =====================
case("KH1 health_application_not_helped at 缙云县's 高潮村, the province's 巡视: the village (二(六)3(1) 帮助符合医疗救助条件低收入农户提出申请) and the township not_discovered; 县医保局 not (no application reached it); no city body",
     HE("health_application_not_helped", JY_V, discovered=ptour), req=LOW_ND, forb=[(CMI, "not_discovered")] + NOCITY)
case("KH2 health_false_materials at 平阳县's 沙岗村, 温州市's 上级核查, with review_answers_for_false_materials=true: the village, the township and 县医保局 not_discovered (二(六)3(3) 审核); listed",
     HE("health_false_materials", PY_V, discovered=chv), params=dict(review_answers_for_false_materials=True), req=LOW_ND + [(CMI, "not_discovered")], forb=NOCITY, listed=["review_answers_for_false_materials"])
case("KH3 health_assistance_late (no line) at 诸暨市's 白沥畈村, 绍兴市's 调研督导: a county body not_discovered (sectorless_alternatives default, listed); not 县扶贫办 or 县卫健局; no township or village body",
     HE("health_assistance_late", ZJ_V, discovered=cres()), req=[("county_*", "not_discovered")], forb=[(CPO, "not_discovered"), (CHE,)] + NOLOW, listed=["sectorless_alternatives"])
case("KH4 the same with sectorless_alternatives=every_holder: 县医保局 (审核、审批) and 县财政局 (资金拨付) not_discovered; listed",
     HE("health_assistance_late", ZJ_V, discovered=cres()), params=dict(sectorless_alternatives="every_holder"), req=[(CMI, "not_discovered"), (CFIN, "not_discovered")],
     forb=[(CPO, "not_discovered")] + NOLOW, listed=["sectorless_alternatives"])
case("KH5 health_insurance_not_in_place at 缙云县's 高潮村, 丽水市's 调研督导 03-01 → 县扶贫办 03-03, deadline 03-31, not in place by 04-30: 县扶贫办 not_rectified (二(六)3(3)); not 县医保局 not_rectified; no township or village body",
     HE("health_insurance_not_in_place", JY_V, discovered=cres(), handled=[asg("city", "county", body=CPO)], **dl, **late), req=[(CPO, "not_rectified")], forb=[(CMI, "not_rectified")] + NOLOW)
case("KH6 the same with insurance_pressed_by_medical_insurance=true: 丽水市医保局 presses (二(六)3(5) 医保、卫健等…督促落实…医疗补充性政策保险措施); listed",
     HE("health_insurance_not_in_place", JY_V, discovered=cres(), handled=[asg("city", "county", body=CPO)], **dl, **late), params=dict(insurance_pressed_by_medical_insurance=True),
     req=[(CPO, "not_rectified"), ("city_medical_insurance", "supervision")], forb=NOLOW, listed=["insurance_pressed_by_medical_insurance"])
case("KH7 health_costs_accounting_irregular at 平阳县's own code, the county hotline received by 县医保局 03-01, corrected 03-10, as of 04-30: nobody",
     HE("health_costs_accounting_irregular", PY, discovered=disc("county", "hotline", body=CMI), rectified_on="2021-03-10", **late), forb=NOBODY)
case("KH8 health_assistance_late of 医保's line at 诸暨市's 白沥畈村, the 市长热线 03-01 (no body), the county sits, as of 03-25: 县医保局 not_handled (the record's line); no township or village body; not 县财政局",
     HE("health_assistance_late", ZJ_V, sector="medical_insurance", discovered=disc("county", "市长热线"), **sit), req=[(CMI, "not_handled")], forb=NOLOW + [(CFIN,)] + NOCITY)

# ===================== 饮水安全 二(六)5 at the county: the 统管单位, 县水利局, 县卫健局 =====================
case("KW1 water_quality_substandard at 平阳县's 沙岗村, 温州市's 调研督导: the 统管单位 (二(六)5(3) 落实水质自检…确保供水达标) and 县卫健局 (二(六)5(4) 安全检测工作) not_discovered; the village (二(六)5(1) 及时上报当地饮水安全情况) and the township (二(六)5(2) 供水安全保障) not_discovered; no city body not_discovered",
     WA("water_quality_substandard", PY_V, discovered=cres()), req=[(CWSU, "not_discovered"), (CHE, "not_discovered")] + LOW_ND, forb=CITY_ND)
case("KW2 water_quality_test_failed at 缙云县's 高潮村 (found only by testing), the province's 调研督导: the 统管单位 and 县卫健局 not_discovered; no township or village body",
     WA("water_quality_test_failed", JY_V, discovered=pres()), req=[(CWSU, "not_discovered"), (CHE, "not_discovered")], forb=NOLOW + NOCITY)
case("KW3 water_project_quality_unsafe at 诸暨市's 白沥畈村, 绍兴市's 调研督导: 县水利局 not_discovered (二(六)5(4) 加强农村供水工程建设质量和安全监管), and the village (二(六)5(1) 做好供水工程建设…有关工作) and the township; not the 统管单位 (长效管理, not building) or 县卫健局",
     WA("water_project_quality_unsafe", ZJ_V, discovered=cres()), req=[(CWA, "not_discovered")] + LOW_ND, forb=[(CWSU, "not_discovered"), (CHE,)] + CITY_ND)
case("KW4 water_project_irregular (the joined kind) at 平阳县's 沙岗村, 温州市's 调研督导: 县水利局 not_discovered; no township or village body not_discovered (joined_records_both_halves default, listed)",
     WA("water_project_irregular", PY_V, discovered=cres()), req=[(CWA, "not_discovered")], forb=[("village_*", "not_discovered"), ("township_*", "not_discovered")], listed=["joined_records_both_halves"])
case("KW5 the same with joined_records_both_halves=true: the village and the township not_discovered too; listed",
     WA("water_project_irregular", PY_V, discovered=cres()), params=dict(joined_records_both_halves=True), req=[(CWA, "not_discovered")] + LOW_ND, listed=["joined_records_both_halves"])
case("KW6 water_unsafe_unreported at 缙云县's 高潮村, found by 县卫健局's own monitoring (动态跟踪) 03-01: the village and the township not_discovered (二(六)5(1)–(2)); no county body not_discovered (its own work found it)",
     WA("water_unsafe_unreported", JY_V, discovered=own(CHE)), req=LOW_ND, forb=CNTY_ND + NOCITY)
case("KW7 water_facilities_unmaintained at 缙云县's own code (county-wide works), the province's 巡视, the 统管单位 concealed it: the 统管单位 concealed, not not_discovered; 县水利局 not_discovered (二(六)5(4) 指导…长效管护工作); no township or village body",
     WA("water_facilities_unmaintained", JY, discovered=ptour, concealed_by=[CWSU]), req=[(CWSU, "concealed"), (CWA, "not_discovered")], forb=[(CWSU, "not_discovered")] + NOLOW + NOCITY)
case("KW8 water_emergency_failure at 平阳县's 沙岗村, the county hotline 03-01 → the 统管单位 03-02, deadline 03-10, not ensured by 03-25: the 统管单位 not_rectified (二(六)5(3) 做好应急保供保障); the village and the township not_discovered; not 县水利局 not_rectified; not 县卫健局",
     WA("water_emergency_failure", PY_V, discovered=hot, handled=[asg("county", "county", "2021-03-02", body=CWSU)], deadline="2021-03-10", **sit),
     req=[(CWSU, "not_rectified")] + LOW_ND, forb=[(CWA, "not_rectified"), (CHE,)] + NOCITY)
case("KW9 water_self_testing_not_done at 诸暨市's 店口镇, 县水利局's own 动态跟踪 03-01, which sits, as of 03-25: 县水利局 not_handled (二(六)5(4) 监管: it must hand the 统管单位 its 自检); no township or village body",
     WA("water_self_testing_not_done", ZJ_T, discovered=own(CWA), **sit), req=[(CWA, "not_handled")], forb=NOLOW + NOCITY)

# ===================== the parameters, at their other values, on county records (rules/parameters.yaml) =====================
case("KQ1 basic_needs_approval_late of civil affairs' line at 缙云县's 高潮村, the village's grid 03-01 → the township 03-02 → 县民政局 03-08 (6 days), approved 03-20, as of 04-30, with handling_time_limit_days=5: the township not_handled (一(四) 没有按程序及时…上报: 6 days > 5); the village and 县民政局 not; listed",
     BN("basic_needs_approval_late", JY_V, sector="civil_affairs", discovered=vgrid, handled=[rep("village", "township", "2021-03-02"), rep("township", "county", "2021-03-08", body=CCA)], rectified_on="2021-03-20", **late),
     params=dict(handling_time_limit_days=5), req=[(TWN, "not_handled")], forb=[("village_*",), (CCA, "not_handled")] + NOT_LATE, listed=["handling_time_limit_days"])
case("KQ2 the same at the default limit (10 days): nobody",
     BN("basic_needs_approval_late", JY_V, sector="civil_affairs", discovered=vgrid, handled=[rep("village", "township", "2021-03-02"), rep("township", "county", "2021-03-08", body=CCA)], rectified_on="2021-03-20", **late),
     forb=NOBODY)
case("KQ3 KR1's record (县医保局 handed 绍兴市's find, not put right, serious) with supervision_scope=none: 县医保局 not_rectified; nobody named for supervision; listed",
     HE("health_costs_accounting_irregular", ZJ, discovered=cres(), handled=[asg("city", "county", body=CMI)], **dl, severity="serious", **late), params=dict(supervision_scope="none"),
     req=[(CMI, "not_rectified")], forb=[("*", "supervision")], listed=["supervision_scope"])
case("KQ4 the same with main_responsibility_from=serious: the county's Party committee and government bear 主体责任 (二(六)3(4)); no city 主体责任; listed. [After the run: main_responsibility_from=serious alone is refused with a ParameterWarning (主体责任 is 领导责任, held only from leadership_liability_from); both are set to serious]",
     HE("health_costs_accounting_irregular", ZJ, discovered=cres(), handled=[asg("city", "county", body=CMI)], **dl, severity="serious", **late), params=dict(main_responsibility_from="serious", leadership_liability_from="serious"),
     req=CNTY_MR, forb=NO_CITY_MR + NO_TWN_MR, listed=["main_responsibility_from"])
case("KQ5 the same with leadership_liability_from=serious: 县医保局 staff + unit + leadership; no 主体责任; listed",
     HE("health_costs_accounting_irregular", ZJ, discovered=cres(), handled=[asg("city", "county", body=CMI)], **dl, severity="serious", **late), params=dict(leadership_liability_from="serious"),
     req=[(CMI, "not_rectified", S3UL)], forb=NO_MR, listed=["leadership_liability_from"])
case("KQ6 the same, minor, with unit_liability_from=minor: 县医保局 staff + unit; no leadership; listed",
     HE("health_costs_accounting_irregular", ZJ, discovered=cres(), handled=[asg("city", "county", body=CMI)], **dl, **late), params=dict(unit_liability_from="minor"),
     req=[(CMI, "not_rectified", S3U)], forb=NO_MR, fl=NOLEAD, listed=["unit_liability_from"])
case("KQ7 funds_diverted at 平阳县's 沙岗村, the province audit, with lower_audit_answers_higher_find=true: 温州市审计局 not_discovered (二(四)8 省、市两级审计部门：负责统筹推进审计监督，确保及时全面发现问题); the township and 县财政局 too; listed",
     FU("funds_diverted", PY_V, discovered=paud), params=dict(lower_audit_answers_higher_find=True), req=[("city_audit", "not_discovered"), (TWN, "not_discovered"), (CFIN, "not_discovered")],
     forb=[("province_audit",)], listed=["lower_audit_answers_higher_find"])
case("KQ8 the same at the default: no audit office named; the township and 县财政局 not_discovered",
     FU("funds_diverted", PY_V, discovered=paud), req=[(TWN, "not_discovered"), (CFIN, "not_discovered")], forb=[("city_audit",), ("province_audit",), ("county_audit",)])
case("KQ9 basic_needs_approval_late of civil affairs' line at 缙云县's 高潮村, 县民政局's own 动态跟踪 03-01, approved 03-05, as of 04-30, with self_rectified_report_required=true: nobody (the approval is within the county's own authority, 一(三): nothing to report up)",
     BN("basic_needs_approval_late", JY_V, sector="civil_affairs", discovered=own(CCA), rectified_on="2021-03-05", **late), params=dict(self_rectified_report_required=True), forb=NOBODY)
case("KQ10 health_costs_accounting_irregular at 诸暨市's own code, 绍兴市's 调研督导 03-01 → the county (no body) 03-03, deadline 03-31, not put right by 04-30: a county body not_rectified; the county's Party committee and government press (二(二)4), not not_rectified. [After the run: I required level_assignment_leaders listed; its why makes the value matter only where the county item gives them a rectifying work (二(六)4(5) 组织做好…, 二(六)1(4) 落实…); 二(六)3(4) 统筹指导 is none, so nothing here rests on it — the listing is no longer required]",
     HE("health_costs_accounting_irregular", ZJ, discovered=cres(), handled=[asg("city", "county")], **dl, **late), req=[("county_*", "not_rectified"), ("county_party_committee", "supervision")],
     forb=[("county_party_committee", "not_rectified"), ("county_government", "not_rectified")] + NOLOW)
case("KQ11 the same with level_assignment_leaders=rectify: still not not_rectified (二(六)3(4) 统筹指导低收入农户医疗救助等各项工作 gives them no rectifying work). [After the run: I first required them not_rectified under this value; see KQ10 — the value is tried where it bites in KQ24–KQ25]",
     HE("health_costs_accounting_irregular", ZJ, discovered=cres(), handled=[asg("city", "county")], **dl, **late), params=dict(level_assignment_leaders="rectify"),
     req=[(CMI, "not_rectified")], forb=[("county_party_committee", "not_rectified"), ("county_government", "not_rectified")] + NOLOW)
case("KQ12 housing_danger_unreported at 平阳县's 沙岗村, the province's 巡视 2020-02-01 (before the policy's day): as of 2020-03-10: nobody not_discovered (policy_in_force_from default 2020-03-06, listed). [After the run: I assessed it as of 2020-02-05, before the day too, which the library refuses (nothing of the record lies under the policy); as of 2020-03-10 now]",
     HO("housing_danger_unreported", PY_V, discovered=disc("province", "inspection_tour", on="2020-02-01"), as_of="2020-03-10"), forb=NO_ND, listed=["policy_in_force_from"])
case("KQ13 the same with policy_in_force_from=2020-01-01: the village and the township not_discovered; listed",
     HO("housing_danger_unreported", PY_V, discovered=disc("province", "inspection_tour", on="2020-02-01"), as_of="2020-03-10"), params=dict(policy_in_force_from="2020-01-01"),
     req=LOW_ND, listed=["policy_in_force_from"])
case("KQ14 project_late_or_unfinished at 缙云县's 高潮村, the county hotline 03-01 → the township 03-03 (no deadline), not finished by 04-20, with rectification_time_limit_days=60: nobody late (due 05-02); listed",
     PR("project_late_or_unfinished", JY_V, discovered=hot, handled=[asg("county", "township")], as_of="2021-04-20"), params=dict(rectification_time_limit_days=60),
     req=LOW_ND, forb=NOT_LATE + NO_H, listed=["rectification_time_limit_days"])
case("KQ15 the same at the default (30 days, due 04-02): the township not_rectified",
     PR("project_late_or_unfinished", JY_V, discovered=hot, handled=[asg("county", "township")], as_of="2021-04-20"), req=[(TWN, "not_rectified")], forb=[("county_*", "not_rectified")])
case("KQ16 housing_danger_unreported at 诸暨市's 白沥畈村, the township's grid 03-01, the first step the county's assignment to it 03-20, deadline 04-15, dealt with 04-10, as of 04-30: the township not_handled (missing_step_holder default: the record shows it holding the house and no step of its own for 19 days, listed); the village not_discovered",
     HO("housing_danger_unreported", ZJ_V, discovered=tgrid, handled=[asg("county", "township", "2021-03-20")], deadline="2021-04-15", rectified_on="2021-04-10", **late),
     req=[(TWN, "not_handled")] + VIL_ND, forb=NOT_LATE, listed=["missing_step_holder"])
case("KQ17 the same with missing_step_holder=nobody: the township not named not_handled; the village not_discovered; listed",
     HO("housing_danger_unreported", ZJ_V, discovered=tgrid, handled=[asg("county", "township", "2021-03-20")], deadline="2021-04-15", rectified_on="2021-04-10", **late),
     params=dict(missing_step_holder="nobody"), req=VIL_ND, forb=[(TWN, "not_handled")] + NOT_LATE, listed=["missing_step_holder"])
case("KQ18 basic_needs_payment_late of civil affairs' line at 平阳县's 沙岗村, the county hotline 03-01, no step shown, deadline 06-30, paid 06-01, as of 06-30: a county body not_handled (deadline_without_assignment default: held three months with no step shown, listed)",
     BN("basic_needs_payment_late", PY_V, sector="civil_affairs", discovered=hot, deadline="2021-06-30", rectified_on="2021-06-01", as_of="2021-06-30"),
     req=[("county_*", "not_handled")], forb=NOLOW, listed=["deadline_without_assignment"])
case("KQ19 the same with deadline_without_assignment=unrecorded_assignment: nobody; listed",
     BN("basic_needs_payment_late", PY_V, sector="civil_affairs", discovered=hot, deadline="2021-06-30", rectified_on="2021-06-01", as_of="2021-06-30"),
     params=dict(deadline_without_assignment="unrecorded_assignment"), forb=NOBODY, listed=["deadline_without_assignment"])
case("KQ20 mechanism_missing at 缙云县's own code, the province's 调研督导, with city_finds_county_mechanisms=true: 丽水市扶贫办 not_discovered (二(二)5 负责指导督促基层问题发现和整改); the county's Party committee and government too; listed",
     DI("mechanism_missing", JY, discovered=pres()), params=dict(city_finds_county_mechanisms=True), req=[("city_poverty_office", "not_discovered")] + CNTY_LEADS_ND, listed=["city_finds_county_mechanisms"])
case("KQ21 the same with county_finds_own_mechanism=false: the county's Party committee and government not named not_discovered; listed",
     DI("mechanism_missing", JY, discovered=pres()), params=dict(county_finds_own_mechanism=False), forb=CNTY_LEADS_ND + NOLOW, listed=["county_finds_own_mechanism"])
case("KQ22 water_policy_gap of the health line (water-quality monitoring) at 丽水市's own code, the province's 调研督导, with water_policy_health_departments=true: 市卫健委 not_discovered, not 市水利局 (二(六)5(6) read as 二(六)5(4): each line's department for its own part); listed. [After the run: I wrote it naming no line and required both; the value's why keeps a record naming no line 省市水利's — the record now names the health line]",
     WA("water_policy_gap", LS, sector="health", discovered=pres()), params=dict(water_policy_health_departments=True), req=[("city_health", "not_discovered")], forb=[("city_water", "not_discovered")] + NOCNTY, listed=["water_policy_health_departments"])
case("KQ23 education_aid_records_irregular at 平阳县's 沙岗村, 县教育局's own 动态跟踪 03-01, with unit_below_own_level=false: the school not named not_discovered (treated as of the county's level, whose own work found it); listed",
     ED("education_aid_records_irregular", PY_V, discovered=own(CEDU)), params=dict(unit_below_own_level=False), forb=[(SCHOOL, "not_discovered"), (CEDU, "not_discovered")] + NOLOW, listed=["unit_below_own_level"])

# ===================== the default example's county (淳安县 330127): the county's bodies the text never names for a failure =====================
case("KX1 specific_problem at 淳安县's own code, the province's 巡视, grave: a county body answers; neither the county's leading group nor its organisation department is named (二(一)1(2) 牵头抓总; 一(四) 组织人事部门…强化激励措施); no township or village body",
     DI("specific_problem", "330127", discovered=ptour, severity="grave"), req=[("county_*",)], forb=NO_LG + NOLOW + NOCITY)
case("KX2 housing_renovation_late at 淳安县's 330127100219 (default jurisdiction), the province's 巡视, grave: the township not_discovered, staff + unit + leadership; the county's 主体责任 citing 二(六)4(5); neither the leading group nor the organisation department; no city body",
     HO("housing_renovation_late", discovered=ptour, severity="grave"), req=[(TWN, "not_discovered", S3UL)] + CNTY_MR, forb=NO_LG + NOCITY + NO_TWN_MR,
     cl=[("county_party_committee", "main_responsibility", ["二(六)4(5)"], [])])
case("KX3 education_student_not_identified at 淳安县's 330127100219, the township's grid 03-01, the township sits, as of 03-25: the township not_handled (一(四) 对发现问题没有按程序及时交办和上报的; 二(二)4 及时上报 — whatever part the area gives it); no village body. [After the run: I required the school and 县教育局 not_discovered (their own 认定 missed what the township found); the library names nobody above the finder 应发现未发现, as every earlier record does — a reading I do not hold wrong, so it is left as unsure in the report, not required]",
     ED("education_student_not_identified", discovered=tgrid, **sit), req=[(TWN, "not_handled")], forb=NOVIL + NOCITY)
case("KX4 identification_applicant_not_included of civil affairs' line at 淳安县's own code, the city's 调研督导 03-01 → 县民政局 03-03, deadline 03-31, not included by 04-30, grave: 县民政局 not_rectified, staff + unit + leadership; the county's 主体责任 (二(三)5); the city's Party committee and government not",
     ID("identification_applicant_not_included", "330127", sector="civil_affairs", discovered=cres(), handled=[asg("city", "county", body=CCA)], **dl, severity="grave", **late),
     req=[(CCA, "not_rectified", S3UL)] + CNTY_MR, forb=NO_CITY_MR + NO_LG + NOLOW)
case("KX5 basic_needs_employment_insufficient of the human-resources line at 淳安县's 330127100219, the county hotline received by 县人社局 03-01, which sits, as of 03-25: 县人社局 not_handled; the village and the township not_discovered; not 县民政局",
     BN("basic_needs_employment_insufficient", sector="hrss", discovered=disc("county", "hotline", body=CHR), **sit), req=[(CHR, "not_handled")] + LOW_ND, forb=[(CCA,)] + CNTY_ND)

case("KX6 funds_performance_evaluation_missing of the human-resources line at 缙云县's own code, 丽水市's 调研督导: 县人社局 not_discovered (二(四)5 其他行业主管部门…组织实施绩效目标申报、绩效评价); not 县水利局 or 县扶贫办 (other lines); no township or village body",
     FU("funds_performance_evaluation_missing", JY, sector="hrss", discovered=cres()), req=[(CHR, "not_discovered")], forb=[(CWA,), (CPO, "not_discovered")] + NOLOW + CITY_ND)
case("KX7 housing_renovation_late of civil affairs' line at 平阳县's 沙岗村 (the household's identity not checked), 温州市's 调研督导: 县民政局 not_discovered (二(六)4(4) 民政部门负责危房改造对象低收入农户身份…信息对比); not 县自然资源局 or 县财政局; no city body not_discovered",
     HO("housing_renovation_late", PY_V, sector="civil_affairs", discovered=cres()), req=[(CCA, "not_discovered")], forb=[(CNR, "not_discovered"), (CFIN, "not_discovered")] + CITY_ND)

# ===================== records the library must refuse (docs/records.md) =====================
refuse("KF1 a place no county has: 331199 (丽水市 has no such county)", FU("funds_diverted", "331199", discovered=hot), "unknown_place", "place")
refuse("KF2 a place of 11 digits (no division code has 11)", FU("funds_diverted", "33112210120", discovered=hot), "bad_place", "place")
refuse("KF3 丽水市 named as concealer of what the county hotline found at 缙云县's village: the concealer must be below the finder (一(四) 上级核查…瞒报)",
       HO("housing_danger_unreported", JY_V, discovered=hot, concealed_by=["city"]), "concealment", "concealed_by[0]")
refuse("KF4 the county reporting a problem downward to the township: 上报 goes up", PR("project_late_or_unfinished", PY_V, discovered=hot, handled=[rep("county", "township")]), "wrong_direction", "handled[0].to_level")

# ===================== second batch (written after the first batch's run, before its own): where over-blame could hide at the county =====================
case("KB1 specific_problem of the human-resources line at 缙云县's 高潮村, 丽水市's 调研督导: the village, the township and 县人社局 (二(二)3 负责涉及本部门问题的动态发现) not_discovered; no other county department (本部门: 县水利局, 县民政局, 县教育局, 县卫健局 not)",
     DI("specific_problem", JY_V, sector="hrss", discovered=cres()), req=LOW_ND + [(CHR, "not_discovered")], forb=[(CWA,), (CCA,), (CEDU,), (CHE,)] + CITY_ND + NO_LG)
case("KB2 funds_diverted of the water line at 平阳县's 沙岗村, 温州市's 调研督导: the township (二(四)2), 县财政局 (二(四)3 对乡、村两级使用的扶贫项目资金专款专用负审核责任) and 县水利局 (二(四)5 协助财政部门做好本部门扶贫领域资金使用管理) not_discovered; not 县教育局, 县人社局, 县卫健局, 县医保局, 县残联 (二(四)5 本部门: the record names water)",
     FU("funds_diverted", PY_V, sector="water", discovered=cres()), req=[(TWN, "not_discovered"), (CFIN, "not_discovered"), (CWA, "not_discovered")],
     forb=[(CEDU,), (CHR,), (CHE,), (CMI,), (CDF,)] + CITY_ND)
case("KB3 project_late_or_unfinished of the water line at 诸暨市's 白沥畈村, 绍兴市's 检查组抽查: the village and the township not_discovered (二(五)1–2); 县水利局 not_discovered (二(五)3 各相关部门负责对各自业务范围的项目…组织对项目进行检查、验收); not 县建设局 or 县教育局 (others' 业务范围)",
     PR("project_late_or_unfinished", ZJ_V, sector="water", discovered=disc("city", "spot_check")), req=LOW_ND + [(CWA, "not_discovered")], forb=[(CCO,), (CEDU,)] + CITY_ND)
case("KB4 project_acceptance_lax (no line) at 平阳县's 沙岗村, 温州市's 检查组抽查: a county body not_discovered; not every department by name (二(五)3 各自业务范围: 县水利局, 县建设局, 县教育局, 县卫健局, 县医保局 not); no township or village body",
     PR("project_acceptance_lax", PY_V, discovered=disc("city", "spot_check")), req=[("county_*", "not_discovered")], forb=[(CWA,), (CCO,), (CEDU,), (CHE,), (CMI,)] + NOLOW + CITY_ND)
case("KB5 project_late_or_unfinished at 平阳县's 沙岗村, the county hotline 03-01 → the township 03-03, deadline 03-31, not finished by 04-30: the township not_rectified; the county presses (二(二)4 指导督促部门和乡村问题发现和整改): a county body supervision; no city or province body (never shown it)",
     PR("project_late_or_unfinished", PY_V, discovered=hot, handled=[asg("county", "township")], **dl, **late), req=[(TWN, "not_rectified"), ("county_*", "supervision")], forb=NOCITY + NOPROV + [("county_*", "not_rectified")])
case("KB6 basic_needs_approval_late of civil affairs' line at 缙云县's 高潮村, 丽水市民政局's 调研督导 03-01 → 县民政局 03-03, deadline 03-31, not approved by 04-30: 县民政局 not_rectified; 丽水市民政局 presses (二(六)1(5) 统筹协调、指导督促开展社会救助工作); not 市教育局 or 市财政局; no province body (never shown it)",
     BN("basic_needs_approval_late", JY_V, sector="civil_affairs", discovered=cres("city_civil_affairs"), handled=[asg("city", "county", body=CCA)], **dl, **late),
     req=[(CCA, "not_rectified"), ("city_civil_affairs", "supervision")], forb=[("city_education",), ("city_finance",)] + NOPROV + NOLOW)
case("KB7 health_assistance_late of 医保's line at 诸暨市's 白沥畈村, 绍兴市医保局's 调研督导 03-01 → 县医保局 03-03, deadline 03-31, not done by 04-30: 县医保局 not_rectified; 绍兴市医保局 presses (二(六)3(5) 统筹协调、督促落实医疗保障、医疗救助); not 市民政局 or 市教育局; no province body",
     HE("health_assistance_late", ZJ_V, sector="medical_insurance", discovered=cres("city_medical_insurance"), handled=[asg("city", "county", body=CMI)], **dl, **late),
     req=[(CMI, "not_rectified"), ("city_medical_insurance", "supervision")], forb=[("city_civil_affairs",), ("city_education",)] + NOPROV + NOLOW)
case("KB8 water_facilities_unmaintained at 缙云县's 高潮村, the county hotline received by the 统管单位 03-01, which sits, as of 03-25: the 统管单位 not_handled (its own 长效管理, 二(六)5(3): rectifier_holding default); the village and the township not_discovered; not 县水利局 not_handled (never told)",
     WA("water_facilities_unmaintained", JY_V, discovered=disc("county", "hotline", body=CWSU), **sit), req=[(CWSU, "not_handled")] + LOW_ND, forb=[(CWA, "not_handled")] + NOCITY)
case("KB9 project_ledger_incomplete at 诸暨市's 店口镇, 绍兴市's 上级核查, the county (no body) concealed it: a county body concealed; the township not_discovered (二(五)2 做好项目台账资料); not the county's Party committee or government concealed; no village body",
     PR("project_ledger_incomplete", ZJ_T, discovered=chv, concealed_by=["county"]), req=[("county_*", "concealed"), (TWN, "not_discovered")],
     forb=[("county_party_committee", "concealed"), ("county_government", "concealed")] + NOVIL + NOCITY)
case("KB10 health_false_materials at 缙云县's 高潮村, 县医保局's own review (动态跟踪) 03-01, which sits, as of 03-25: 县医保局 not_handled (二(六)3(3) 审核、审批: it found the materials false and did nothing); the village and the township not_discovered (二(六)3(1)–(2)); no city body",
     HE("health_false_materials", JY_V, discovered=own(CMI), **sit), req=[(CMI, "not_handled")] + LOW_ND, forb=NOCITY)
case("KB11 identification_applicant_not_included at 杭州市上城区's own code 330102 (a district: 县（市、区）), the city's 调研督导: the district's 民政局 not_discovered (二(三)3); no township or village body",
     ID("identification_applicant_not_included", "330102", sector="civil_affairs", discovered=cres()), req=[(CCA, "not_discovered")], forb=NOLOW + CITY_ND)
case("KB12 health_assistance_late of 医保's line at 缙云县's 高潮村, the province's 调研督导, with province_city_discover_specific_problems=true: 县医保局 not_discovered; 丽水市医保局 not (二(六)3(5) 统筹协调、督促落实 is pressing, not a check of the levels below). [After the run: I required 市医保局 not_discovered; the value's why confines it to the checks the text gives 省市 departments over the levels below — 二(五)5 抽查 and 二(六)1(5) 监督检查 — which 二(六)3(5) is not; I agree, and the record now forbids it]",
     HE("health_assistance_late", JY_V, sector="medical_insurance", discovered=pres()), params=dict(province_city_discover_specific_problems=True),
     req=[(CMI, "not_discovered")], forb=[("city_medical_insurance", "not_discovered")])
case("KQ24 housing_renovation_late at 平阳县's 沙岗村, 温州市's 调研督导 03-01 → the county (no body) 03-03, deadline 03-31, not renovated by 04-30: a county department not_rectified; the county's Party committee and government not not_rectified (level_assignment_leaders default: they press), listed",
     HO("housing_renovation_late", PY_V, discovered=cres(), handled=[asg("city", "county")], **dl, **late), req=[("county_*", "not_rectified")],
     forb=[("county_party_committee", "not_rectified"), ("county_government", "not_rectified")], listed=["level_assignment_leaders"])
case("KQ25 the same with level_assignment_leaders=rectify: the county's Party committee and government not_rectified (二(六)4(5) 组织做好农村危房常态化长效治理改造工作); listed",
     HO("housing_renovation_late", PY_V, discovered=cres(), handled=[asg("city", "county")], **dl, **late), params=dict(level_assignment_leaders="rectify"),
     req=[("county_party_committee", "not_rectified"), ("county_government", "not_rectified")], listed=["level_assignment_leaders"])
case("KQ26 water_policy_gap of the health line at 丽水市's own code, the province's 调研督导, at the default: 市水利局 not_discovered, not 市卫健委 (water_policy_health_departments default, listed)",
     WA("water_policy_gap", LS, sector="health", discovered=pres()), req=[("city_water", "not_discovered")], forb=[("city_health", "not_discovered")] + NOCNTY, listed=["water_policy_health_departments"])
case("KQ27 health_costs_accounting_irregular at 平阳县's own code, 温州市's 调研督导 03-01 hands it to 县教育局 03-03 (no part in it), as of 03-25: 县教育局 not named; a city body not_handled (the hand-off was no 按程序 交办: assignment_to_body_without_part default set_aside, listed)",
     HE("health_costs_accounting_irregular", PY, discovered=cres(), handled=[asg("city", "county", body=CEDU)], **sit), req=[("city_*", "not_handled")], forb=[(CEDU,)] + NOLOW,
     listed=["assignment_to_body_without_part"])
case("KQ28 the same as of 04-30 with assignment_to_body_without_part=level_receives: the step is the 交办 to the county as a whole — 县医保局 not_rectified (二(六)3(3); 一(四) 对交办问题整改落实不到位的); 县教育局 not named; no city body not_handled; listed. [After the run: I read the value as the county holding the problem to pass on (not_handled as of 03-25); its why reads the step as a 交办 to the county's rectifiers, whose 30 days had not run by 03-25 — the record is now assessed 04-30]",
     HE("health_costs_accounting_irregular", PY, discovered=cres(), handled=[asg("city", "county", body=CEDU)], **late), params=dict(assignment_to_body_without_part="level_receives"),
     req=[(CMI, "not_rectified")], forb=[(CEDU,), ("city_*", "not_handled")] + NOLOW, listed=["assignment_to_body_without_part"])
case("KB13 identification_applicant_not_included of civil affairs' line at 平阳县's 沙岗村, 县扶贫办's own 核查普查 (检查调研, 二(三)4) 03-01 hands it to 县民政局 03-03, deadline 03-31, included 03-20, as of 04-30: nobody (the county's own work found it; put right in time)",
     ID("identification_applicant_not_included", PY_V, sector="civil_affairs", discovered=own(CPO, "verification_census"), handled=[asg("county", "county", body=CCA)], **dl, rectified_on="2021-03-20", **late), forb=NOBODY)
case("KB14 basic_needs_approval_late of civil affairs' line at 平阳县's 沙岗村, the province's 12317 platform 03-01 → 温州市 03-03 → 县民政局 03-05, deadline 03-31, approved 03-20, as of 04-30: 县民政局 not_discovered only; nobody late; no province or city body",
     BN("basic_needs_approval_late", PY_V, sector="civil_affairs", discovered=disc("province", "reporting_platform", body="platform_12317"), handled=[asg("province", "city"), asg("city", "county", "2021-03-05", body=CCA)], **dl, rectified_on="2021-03-20", **late),
     req=[(CCA, "not_discovered")], forb=NO_H + NOT_LATE + NOLOW + NOCITY + NOPROV + [("platform_12317",)])
case("KB15 mechanism_missing at 缙云县's own code, the province's 巡视, the county's Party committee concealed it, grave: the Party committee concealed, staff + unit + leadership; the county government not also not_discovered (the county level knew: 二(二)4 gives the mechanism to 县（市、区）党委、政府 as one, and its committee hid it; cf. check64 D1 at the township); the county's 主体责任; no city body",
     DI("mechanism_missing", JY, discovered=ptour, concealed_by=["county_party_committee"], severity="grave"), req=[("county_party_committee", "concealed", S3UL)] + CNTY_MR,
     forb=[("county_government", "not_discovered"), ("county_party_committee", "not_discovered")] + NOCITY + NOLOW)
case("KB16 housing_danger_unreported at 缙云县's 高潮村, the village's grid 03-01 → the township 03-02 → 县建设局 03-04, which sits, grave, as of 03-25: 县建设局 not_handled, staff + unit + leadership (二(六)4(3) 负责农村困难家庭危房鉴定); the county's 主体责任 citing 二(六)4(5); no township or village body; no city 主体责任",
     HO("housing_danger_unreported", JY_V, discovered=vgrid, handled=[rep("village", "township", "2021-03-02"), rep("township", "county", "2021-03-04", body=CCO)], severity="grave", **sit),
     req=[(CCO, "not_handled", S3UL)] + CNTY_MR, forb=NOLOW + NO_CITY_MR + NO_LG, cl=[("county_government", "main_responsibility", ["二(六)4(5)"], [])])
case("KB17 identification_pushed_info_untrue at 诸暨市's 白沥畈村, the province's 巡视, 县扶贫办 and 县民政局 both concealed it: each concealed; neither not_discovered; no city body",
     ID("identification_pushed_info_untrue", ZJ_V, discovered=ptour, concealed_by=[CPO, CCA]), req=[(CPO, "concealed"), (CCA, "concealed")], forb=[(CPO, "not_discovered"), (CCA, "not_discovered")] + NOCITY)
case("KB18 education_lists_not_provided of civil affairs' line at 平阳县's own code, 温州市's 调研督导 03-01 → 县民政局 03-03, deadline 03-31, provided 03-15, as of 04-30: 县民政局 not_discovered only; not 县残联 (the other list); not the school",
     ED("education_lists_not_provided", PY, sector="civil_affairs", discovered=cres(), handled=[asg("city", "county", body=CCA)], **dl, rectified_on="2021-03-15", **late),
     req=[(CCA, "not_discovered")], forb=[(CDF,), (SCHOOL,)] + NO_H + NOT_LATE + NOLOW)
case("KB19 water_monitoring_network_missing at 诸暨市's own code, the 市长热线 received by 县卫健局 03-01, which sits, as of 03-25: 县卫健局 not_handled (二(六)5(4)); no county body not_discovered; not 县水利局",
     WA("water_monitoring_network_missing", ZJ, discovered=disc("county", "市长热线", body=CHE), **sit), req=[(CHE, "not_handled")], forb=CNTY_ND + [(CWA,)] + NOLOW)
case("KB20 funds_performance_evaluation_missing of the poverty office's line at 缙云县's own code, 丽水市's audit 03-01 → 县扶贫办 03-03, deadline 03-31, not done by 04-30: 县扶贫办 not_rectified (二(四)4 组织实施绩效目标申报、绩效评价); not 县财政局 not_rectified; the audit office not named",
     FU("funds_performance_evaluation_missing", JY, sector="poverty_office", discovered=caud, handled=[asg("city", "county", body=CPO)], **dl, **late),
     req=[(CPO, "not_rectified")], forb=[(CFIN, "not_rectified"), ("city_audit",)] + NOLOW)

# ===================== third batch (written after the second batch's run, before its own; KB21–KB22 NOT blind: written to show the extent of check65 D1) =====================
case("KB21 [not blind: D1's extent] basic_needs_contact_missing at 缙云县's 高潮村, the province's 巡视, the county government concealed it: the government concealed; the county's Party committee not not_discovered (二(六)1(4) 确保低收入农户每户有一名干部联系 is 县（市、区）党委、政府's one item, and the county level knew); the village and the township not_discovered",
     BN("basic_needs_contact_missing", JY_V, discovered=ptour, concealed_by=["county_government"]), req=[("county_government", "concealed")] + LOW_ND,
     forb=[("county_party_committee", "not_discovered"), ("county_government", "not_discovered")] + NOCITY)
case("KB22 [not blind: D1's extent] education_aid_support_missing at 平阳县's own code, 温州市's 上级核查, the county government concealed it: the government concealed; the county's Party committee not not_discovered (二(六)2(3) is their one item); no school",
     ED("education_aid_support_missing", PY, discovered=chv, concealed_by=["county_government"]), req=[("county_government", "concealed")],
     forb=[("county_party_committee", "not_discovered"), (SCHOOL,)] + NOLOW + NOCITY)
case("KB23 mechanism_missing at 诸暨市's own code, the province's 巡视, the county (no body) concealed it: a county body concealed; no county body not_discovered (the county level knew: docs/records.md, 'neither is the rest of a level named'); no city body",
     DI("mechanism_missing", ZJ, discovered=ptour, concealed_by=["county"]), req=[("county_*", "concealed")], forb=CNTY_ND + NOCITY + NOLOW)
case("KB24 funds_assets_mismanaged at 缙云县's 壶镇镇, 丽水市's 上级核查, 县财政局 concealed it: 县财政局 concealed (二(四)3 对当地扶贫资产负全面监管责任), not not_discovered; the township not_discovered (二(四)2); 县扶贫办 not not_discovered (the record names no line); no village body",
     FU("funds_assets_mismanaged", JY_T, discovered=chv, concealed_by=[CFIN]), req=[(CFIN, "concealed"), (TWN, "not_discovered")], forb=[(CFIN, "not_discovered"), (CPO, "not_discovered")] + NOVIL + NOCITY)
case("KB25 water_quality_substandard at 平阳县's 沙岗村, the county hotline received by 县卫健局 03-01, handed to the 统管单位 03-03, deadline 03-31, up to standard 03-25, as of 04-30: the village and the township not_discovered only; no county body; nobody late",
     WA("water_quality_substandard", PY_V, discovered=disc("county", "hotline", body=CHE), handled=[asg("county", "county", body=CWSU)], **dl, rectified_on="2021-03-25", **late),
     req=LOW_ND, forb=NOCNTY + NO_H + NOT_LATE + NOCITY)
case("KB26 health_application_not_helped at 诸暨市's 白沥畈村, the 市长热线 03-01 → the township 03-03 → the village 03-05, deadline 03-31, not helped by 04-30: the village not_rectified (二(六)3(1) 帮助符合医疗救助条件低收入农户提出申请); the township presses (二(二)2), not not_rectified; no county body not_rectified; no city body",
     HE("health_application_not_helped", ZJ_V, discovered=disc("county", "市长热线"), handled=[asg("county", "township"), asg("township", "village", "2021-03-05")], **dl, **late),
     req=[(b, "not_rectified") for b in ("village_party_branch", "village_committee")] + [(TWN, "supervision")], forb=[(TWN, "not_rectified"), ("county_*", "not_rectified")] + NOCITY)
case("KB27 water_unsafe_unreported at 诸暨市's 白沥畈村, the township's grid 03-01 reported to 县水利局 03-03, which sits, as of 03-25: 县水利局 not_handled (二(六)5(4) 水利部门负责农村供水工程建设与管理监管); the village not_discovered (二(六)5(1) 负责及时上报当地饮水安全情况); no township body",
     WA("water_unsafe_unreported", ZJ_V, discovered=tgrid, handled=[rep("township", "county", body=CWA)], **sit), req=[(CWA, "not_handled")] + VIL_ND, forb=NOTWN + NOCITY)
case("KB28 housing_renovation_late of finance's line at 缙云县's 高潮村, 丽水市's 调研督导 03-01 → 县财政局 03-03, deadline 03-31, renovated only 04-10, as of 04-30: 县财政局 not_rectified (二(六)4(4) 财政部门负责…给予财政补贴); not 市民政局 or 市自然资源局 pressing (二(六)4(7) 涉及本部门的相关工作: another line); not 县民政局 or 县自然资源局 not_rectified",
     HO("housing_renovation_late", JY_V, sector="finance", discovered=cres(), handled=[asg("city", "county", body=CFIN)], **dl, rectified_on="2021-04-10", **late),
     req=[(CFIN, "not_rectified")], forb=[("city_civil_affairs", "supervision"), ("city_natural_resources", "supervision"), (CCA, "not_rectified"), (CNR, "not_rectified")])
