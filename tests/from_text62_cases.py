"""check62's records, written from the text before the library was run on them (session 61): the ground the earlier
from-text audits (check55–check61) covered least — concealment (一(四) 对上级核查和巡视审计等过程中瞒报漏报问题的) at each
level and by whom, with the level above the problem concealing, with a discovery before the policy applied, with the
finder then sitting on it or handing it down to the concealer; escalation (一(三) 对超出本级权限的及时向上级单位报送问题) and
the higher level then failing to act, and pass-down and report-up chains across three to five levels; urban
communities (社区, 居民委员会) against villages (二(一)1(1) 村级党组织和村民委员会, 二(二)1–2); problems placed at the city's
and the province's own codes and found by the province's own audit, media or checks (一(一) 省市两级…主动发现政策举措、
工作机制等方面问题); the discovery channels of 一(一)–(二) and 二(一)2 in areas and at levels not yet paired, and which
level each makes the finder; and the liability tiers of 一(四) (根据情形严重和不良后果程度，追究所在单位和领导责任) and
二(一)1's 主体责任 under their parameters' default and other values.

Each record names what the text requires (``req``) and the bodies it forbids naming (``forb``; and ``fl``, a body with
a liability it must not carry); ``cl`` names clauses a finding must (and must not) cite. Records under a non-default
parameter (rules/parameters.yaml), or whose verdict the text leaves to one, require the verdict to list it
(``listed``). tests/test_from_text62.py runs them; the auditor's report is /work/helpers/s61/check62-report.md. A
record whose first expectation was the auditor's own misreading says so in its name ("[After the run: …]").
"""
# ruff: noqa: E501, E702, E731, RUF005
# One record to a call, as tests/from_text55_cases.py–from_text61_cases.py write them (not reflowed by ruff format):
# fmt: off

from __future__ import annotations

from typing import Any

from .from_text import (
    CITY,
    CITY_ND,
    CITYPROV,
    CNTY_MR,
    CNTY_ND,
    LOW_ND,
    NO_CITY_MR,
    NO_MR,
    NO_PROV_MR,
    NO_TWN_MR,
    NOBODY,
    NOT_LATE,
    PROV,
    PROV_ND,
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
    rep,
)

CASES: list[dict[str, Any]] = []
case = clause_adder(CASES)


HO = A("housing"); WA = A("water"); HE = A("health"); BN = A("basic_needs")
ID = A("identification"); FU = A("funds"); PR = A("projects"); DI = A("discovery")
sit = dict(as_of="2021-03-25")
ptour = disc("province", "inspection_tour")
chv = disc("city", "higher_level_verification"); cohv = disc("county", "higher_level_verification")
vgrid = disc("village", "grid"); tgrid = disc("township", "grid")
S3 = ["staff"]; S3U = ["staff", "unit"]; S3UL = ["staff", "unit", "leadership"]; LEAD = ["leadership"]
NOLEAD = [("*", None, "leadership")]; NOUNIT = [("*", None, "unit")]
NO_H = [("*", "not_handled")]; NO_R = [("*", "not_rectified")]; NO_S = [("*", "supervision")]; NO_C = [("*", "concealed")]
NO_ND = [("*", "not_discovered")]
VIL_C = [(b, "concealed") for b in VIL]
VIL_CL = [(b, "concealed", ["一(四)", "二(二)4"], []) for b in VIL]
RC2 = "330127100001"  # 青城社区, 千岛湖镇 (the township of 富城村 V): a 居民委员会 (digits 10–12 001–199)
RC3 = "330105008400"  # 上塘未来城类似社区: 类似居民委员会 (400–599)
RCP = ["residents_committee_place"]
NBN = lambda **k: BN("basic_needs_not_helped_to_apply", **k)  # the village's own (二(六)1(1) 及时帮助困难群众申请社会救助)

# ===================== 一(四) 瞒报漏报: by whom, at which level, with what else =====================
case("K1 housing_danger_unreported at a village, found by the province's 巡视 on 2020-02-01 (before the policy applied, policy_in_force_from 2020-03-06), the township concealed it; as of 2020-06-30 with no step: no concealment and no 应发现未发现 are judged (the duties do not reach back: both were acts of the day of the 巡视); the province held it unpassed on 03-06 and answers not_handled from then; the verdict rests on policy_in_force_from",
     HO("housing_danger_unreported", discovered=disc("province", "inspection_tour", "2020-02-01"), concealed_by=["township"], as_of="2020-06-30"),
     req=[("province_*", "not_handled")], forb=NO_C + NO_ND + [("county_*",), ("city_*",)], listed=["policy_in_force_from"])
case("K2 the same with policy_in_force_from=2020-01-01: the township concealed (一(四) 瞒报漏报), not also not_discovered; the village not_discovered (二(六)4(1) 及时发现掌握并上报本村危房情况); the province not_handled; listed",
     HO("housing_danger_unreported", discovered=disc("province", "inspection_tour", "2020-02-01"), concealed_by=["township"], as_of="2020-06-30"),
     params=dict(policy_in_force_from="2020-01-01"), req=[(TWN, "concealed")] + VIL_ND + [("province_*", "not_handled")],
     forb=[(TWN, "not_discovered"), ("village_*", "concealed"), ("county_*", "concealed")], listed=["policy_in_force_from"])
case("K3 the same 巡视 on 2020-03-06 (the policy's first day), default: judged — the township concealed, the village not_discovered",
     HO("housing_danger_unreported", discovered=disc("province", "inspection_tour", "2020-03-06"), concealed_by=["township"], as_of="2020-03-10"),
     req=[(TWN, "concealed")] + VIL_ND, forb=[(TWN, "not_discovered")] + NO_H)
case("K4 housing_danger_unreported at a village, the city's 上级核查 03-01, the township concealed it; the city then sits (no step, as of 03-25): the city answers not_handled (一(四) 没有按程序及时交办和上报: it must hand the county's problem down); the township concealed, not also not_handled (it is not shown holding the problem) nor not_discovered; the village not_discovered; no county body not_handled or concealed; no province",
     HO("housing_danger_unreported", discovered=chv, concealed_by=["township"], **sit), req=[(TWN, "concealed"), ("city_*", "not_handled")] + VIL_ND,
     forb=[(TWN, "not_handled"), (TWN, "not_discovered"), ("village_*", "concealed"), ("county_*", "not_handled"), ("county_*", "concealed"), ("province_*",)])
case("K5 the village's own 及时帮助申请 not done (basic_needs_not_helped_to_apply), found by the province's 巡视 03-01, the township concealed it; province → county 03-03 → township 03-05 → village 03-06, deadline 03-31, put right 03-20, as of 04-30: the township concealed and the village not_discovered, nothing else — no 整改不到位, no 指导督促, nobody not_handled (each passed it on in time), no 主体责任 (minor)",
     NBN(discovered=ptour, concealed_by=["township"], handled=[asg("province", "county", "2021-03-03"), asg("county", "township", "2021-03-05"), asg("township", "village", "2021-03-06")], deadline="2021-03-31", rectified_on="2021-03-20", **late),
     req=[(TWN, "concealed")] + VIL_ND, forb=NO_H + NOT_LATE + NO_MR + [(TWN, "not_discovered"), ("village_*", "concealed"), ("county_*", "concealed")])
case("K6 the same not put right by 04-30: the village not_rectified (一(四) 交办问题整改落实不到位); the township, which concealed it and passed it down in time, concealed and presses its village (supervision, reassigned_level_answers default), not not_rectified; the county, city and province do not press a village (supervision_scope own_and_shown_above: its township); nobody not_handled",
     NBN(discovered=ptour, concealed_by=["township"], handled=[asg("province", "county", "2021-03-03"), asg("county", "township", "2021-03-05"), asg("township", "village", "2021-03-06")], deadline="2021-03-31", **late),
     req=[(TWN, "concealed"), (TWN, "supervision")] + [(b, "not_rectified") for b in VIL],
     forb=NO_H + [(TWN, "not_rectified"), ("county_*", "supervision"), ("county_*", "not_rectified"), ("city_*",), ("province_*", "supervision"), ("province_*", "not_rectified")])
case("K7 the same with reassigned_level_answers=rectification: the township (and the county, which also passed the assignment down in time) answer not_rectified, not also supervision; the township still concealed; listed",
     NBN(discovered=ptour, concealed_by=["township"], handled=[asg("province", "county", "2021-03-03"), asg("county", "township", "2021-03-05"), asg("township", "village", "2021-03-06")], deadline="2021-03-31", **late),
     params=dict(reassigned_level_answers="rectification"), req=[(TWN, "concealed"), (TWN, "not_rectified"), ("county_*", "not_rectified")] + [(b, "not_rectified") for b in VIL],
     forb=NO_H + [(TWN, "supervision")], listed=["reassigned_level_answers"])
case("K8 housing_danger_unreported at a village, the province's 巡视, concealed by the village and by the county (no body named): the village concealed (一(四), 二(二)4); at the county the one department the kind gives a part in passing a house on, 县建设部门 (二(六)4(3) 负责对本行政区域内危房改造监督管理工作), concealed — not the 扶贫办, the Party committee or the government beside it; the township not_discovered (二(六)4(2)); neither concealer also not_discovered; the township not concealed; no city body",
     HO("housing_danger_unreported", discovered=ptour, concealed_by=["village", "county"]), req=VIL_C + [("county_construction", "concealed"), (TWN, "not_discovered")],
     forb=[("village_*", "not_discovered"), ("county_construction", "not_discovered"), (TWN, "concealed"), ("county_poverty_office", "concealed"), ("county_party_committee", "concealed"), ("county_government", "concealed"), ("city_*",)],
     cl=VIL_CL)
case("K9 housing_danger_unreported at a village, the city (no body named) concealed it from the province's 巡视: the city's one department with a part in passing a county's house on (二(六)4(6) 省市住房城乡建设部门…督促农村危旧房改造工作), 市建设, concealed — not the city's 扶贫办, Party committee or government; the village + township not_discovered; no county body concealed; minor: staff only",
     HO("housing_danger_unreported", discovered=ptour, concealed_by=["city"]), req=[("city_construction", "concealed", S3)] + LOW_ND,
     forb=[("city_poverty_office", "concealed"), ("city_party_committee", "concealed"), ("city_government", "concealed"), ("county_*", "concealed"), ("city_construction", "not_discovered")] + NO_MR, fl=NOUNIT + NOLEAD)
case("K10 the same, grave: 市建设 concealed (staff + unit + leadership); the village and the township not_discovered (grave); the county's 主体责任 (二(一)1(1) 县级党委政府要切实承担主体责任: the failures below the county are its); the city's Party committee and government bear none for a county's house (main_responsibility_every_level default), and the verdict says it rests on that",
     HO("housing_danger_unreported", discovered=ptour, concealed_by=["city"], severity="grave"), req=[("city_construction", "concealed", S3UL)] + CNTY_MR,
     forb=NO_CITY_MR + NO_PROV_MR + NO_TWN_MR, listed=["main_responsibility_every_level"])
case("K11 the same with main_responsibility_every_level=true: the city's Party committee and government bear 主体责任 too (二(一)1 各级党委政府); listed",
     HO("housing_danger_unreported", discovered=ptour, concealed_by=["city"], severity="grave"), params=dict(main_responsibility_every_level=True),
     req=[("city_construction", "concealed", S3UL), ("city_party_committee", "main_responsibility"), ("city_government", "main_responsibility")] + CNTY_MR, listed=["main_responsibility_every_level"])
case("K12 housing_policy_gap at the province's code (its own policy, 二(六)4(6) 省市住房城乡建设部门：负责制定危房长效治理改造政策), found by the province audit, 省建设厅 concealed it from its own level's audit: 省建设 concealed (same_level_oversight_concealment default, listed); the audit office not named; no city or county body",
     HO("housing_policy_gap", PROV, discovered=disc("province", "audit", body="province_audit"), concealed_by=["province_construction"]),
     req=[("province_construction", "concealed")], forb=[("province_audit",), ("city_*",), ("county_*",), ("province_construction", "not_discovered")], listed=["same_level_oversight_concealment"])
case("K13 the same with same_level_oversight_concealment=false: nobody concealed; listed",
     HO("housing_policy_gap", PROV, discovered=disc("province", "audit", body="province_audit"), concealed_by=["province_construction"]),
     params=dict(same_level_oversight_concealment=False), forb=NO_C + [("province_audit",), ("city_*",), ("county_*",)], listed=["same_level_oversight_concealment"])
case("K14 the county audit finds a problem and the county audit office is named as its concealer: refused (the finder does not conceal from itself)",
     HO("housing_danger_unreported", discovered=disc("county", "audit", body="county_audit"), concealed_by=["county_audit"]), refuse=True)
case("K15 housing_danger_unreported at a village, the city audit (市审计) found it, 市建设 concealed it from its own level's audit: 市建设 concealed (same_level_oversight_concealment, listed); village + township not_discovered; the audit office not named; no county body concealed",
     HO("housing_danger_unreported", discovered=disc("city", "audit", body="city_audit"), concealed_by=["city_construction"]),
     req=[("city_construction", "concealed")] + LOW_ND, forb=[("city_audit",), ("county_*", "concealed")], listed=["same_level_oversight_concealment"])
case("K16 the township's own 纪委 check (discipline_inspection at the township) with the township level named as concealer: refused (the level includes the finder)",
     FU("funds_diverted", discovered=disc("township", "discipline_inspection"), concealed_by=["township"]), refuse=True)
case("K17 the same with the township government named: it concealed from its own level's 纪委 check (same_level_oversight_concealment, listed); the village not concealed",
     FU("funds_diverted", discovered=disc("township", "discipline_inspection"), concealed_by=["township_government"]),
     req=[(TWN, "concealed")], forb=[("village_*", "concealed"), ("township_party_committee", "concealed"), ("county_*",)] + CITYPROV, listed=["same_level_oversight_concealment"])
case("K18 project_false_or_unnecessary at a village, found by the county's own 绩效评价 (二(五)3 组织对项目进行检查、验收和绩效评价: a check of the levels below), the township concealed it: the township concealed (not also not_discovered); no county body not_discovered (the finder's own work); no city",
     PR("project_false_or_unnecessary", discovered=disc("county", "performance_evaluation"), concealed_by=["township"]),
     req=[(TWN, "concealed")], forb=[(TWN, "not_discovered"), ("county_*", "not_discovered"), ("county_*", "concealed"), ("city_*",), ("province_*",)])
case("K19 project_false_or_unnecessary at a village, the city's 检查组抽查 (二(五)5), the county (no body) concealed it: one county body concealed; the township not_discovered (二(五)2 负责对本辖区内申报项目的真实性、必要性…进行审核); no city body not_discovered; not two county bodies concealed",
     PR("project_false_or_unnecessary", discovered=disc("city", "spot_check"), concealed_by=["county"]), req=[("county_*", "concealed"), (TWN, "not_discovered")],
     forb=CITY_ND + [("county_party_committee", "concealed"), ("county_government", "concealed"), (TWN, "concealed")])
case("K20 concealment with the county hotline as the channel: refused (a hotline is no check of the levels below)",
     HO("housing_danger_unreported", discovered=hot, concealed_by=["township"]), refuse=True)
case("K21 concealment with the township's grid: refused", HO("housing_danger_unreported", discovered=tgrid, concealed_by=["village"]), refuse=True)
case("K22 concealment with the county's e-mail box: refused", HO("housing_danger_unreported", discovered=disc("county", "email"), concealed_by=["township"]), refuse=True)
case("K23 concealment with the province's “互联网+监督” platform: refused", HO("housing_danger_unreported", discovered=disc("province", "internet_supervision"), concealed_by=["county"]), refuse=True)
case("K24 concealment with the county's 一户一策一干部: refused", NBN(discovered=disc("county", "one_household_one_cadre"), concealed_by=["village"]), refuse=True)
case("K25 concealment from the city's 调研督导 (a check of the levels below, 一(一) 省市两级通过…调研督导): the township concealed; the village not_discovered; accepted",
     NBN(discovered=disc("city", "research_supervision"), concealed_by=["township"]), req=[(TWN, "concealed")] + VIL_ND, forb=[(TWN, "not_discovered"), ("city_*", "not_discovered")])
case("K26 housing_subsidy_irregular at the county's code, the city's 调查核查, the township named as concealer: refused (the township is below the place)",
     HO("housing_subsidy_irregular", C, discovered=disc("city", "survey_verification"), concealed_by=["township"]), refuse=True)
case("K27 the city's 上级核查 with the city named as concealer: refused (at the finder's level)", HO("housing_danger_unreported", discovered=chv, concealed_by=["city"]), refuse=True)
case("K28 the county's 上级核查 with the city named as concealer: refused (above the finder)", HO("housing_danger_unreported", discovered=cohv, concealed_by=["city"]), refuse=True)
case("K29 housing_danger_unreported, the city's 上级核查, 县教育局 (no part in housing) named as concealer: it concealed (一(四) holds whoever concealed), not also not_discovered; 县建设部门 not concealed (the record names another body)",
     HO("housing_danger_unreported", discovered=chv, concealed_by=["county_education"]), req=[("county_education", "concealed")],
     forb=[("county_education", "not_discovered"), ("county_construction", "concealed"), ("county_education", "not_handled")])
case("K30 the city's 上级核查 finds a village house, the township concealed it, grave, and the city sits (as of 03-25): the township concealed (staff + unit + leadership); the city not_handled (staff + unit + leadership); the county's 主体责任 (the township's and village's grave failures); no city 主体责任 for a county's house (main_responsibility_every_level, listed); no township 主体责任",
     HO("housing_danger_unreported", discovered=chv, concealed_by=["township"], severity="grave", **sit),
     req=[(TWN, "concealed", S3UL), ("city_*", "not_handled", S3UL)] + CNTY_MR, forb=NO_CITY_MR + NO_TWN_MR + NO_PROV_MR, listed=["main_responsibility_every_level"])
case("K31 housing_danger_unreported at a village, the township's own 上级核查 of its villages, the village concealed it: the village concealed (一(四), 二(二)4); the township (finder) not not_discovered; no county, city or province body",
     HO("housing_danger_unreported", discovered=disc("township", "higher_level_verification"), concealed_by=["village"]),
     req=VIL_C, forb=[("township_*",), ("county_*",), ("village_*", "not_discovered")] + CITYPROV, cl=VIL_CL)
case("K32 the village's own 核查普查 with the village named as concealer: refused (nothing below the village)",
     HO("housing_danger_unreported", discovered=disc("village", "verification_census"), concealed_by=["village"]), refuse=True)
case("K33 housing_danger_unreported at a village, concealed by the county from the province's 巡视, serious: 县建设 concealed, staff + unit (unit_liability_from serious), no leadership; the village + township not_discovered, staff + unit; no 主体责任 (below main_responsibility_from)",
     HO("housing_danger_unreported", discovered=ptour, concealed_by=["county"], severity="serious"),
     req=[("county_construction", "concealed", S3U), ("village_committee", "not_discovered", S3U), (TWN, "not_discovered", S3U)], forb=NO_MR, fl=NOLEAD)
case("K34 housing_danger_unreported at a village, grave, the village concealed it from the township's 上级核查: the village concealed, staff + unit + leadership; the county's 主体责任 (二(一)1(1)), not the township's (township_main_responsibility default)",
     HO("housing_danger_unreported", discovered=disc("township", "higher_level_verification"), concealed_by=["village"], severity="grave"),
     req=[(b, "concealed", S3UL) for b in VIL] + CNTY_MR, forb=NO_TWN_MR + NO_CITY_MR + NO_PROV_MR + [("township_*", "not_discovered")])
case("K35 the county audit finds diverted funds at a village and assigns them to the township 03-03 (deadline 03-31), the township had concealed them; put right 03-20, as of 04-30: the township concealed only — no 整改不到位, no pressing, no county not_handled",
     FU("funds_diverted", discovered=disc("county", "audit", body="county_audit"), concealed_by=["township"], handled=[asg("county", "township")], deadline="2021-03-31", rectified_on="2021-03-20", **late),
     req=[(TWN, "concealed")], forb=NO_H + NOT_LATE + [(TWN, "not_discovered"), ("county_audit",)])
case("K36 housing_policy_gap at the county's code (the province's policy), found by the city's 调研督导, the county concealed it; the city reported it to the province 03-03 in time, the province sits (as of 03-25): a county body concealed; the province not_handled (it alone makes the policy and sat on it); the city not not_handled; no village/township",
     HO("housing_policy_gap", C, discovered=disc("city", "research_supervision"), concealed_by=["county"], handled=[rep("city", "province")], **sit),
     req=[("county_*", "concealed"), ("province_*", "not_handled")], forb=[("city_*", "not_handled"), ("village_*",), ("township_*",)])

# ===================== 一(三) escalation beyond a level's authority, and chains of 3+ levels =====================
HPG = lambda **k: HO("housing_policy_gap", **k)
case("E1 housing_policy_gap (the province's policy) met at a village by the township's grid 03-01, reported township → county 03-03 → city 03-06 → province 03-09, the province sits (as of 04-30): the province answers not_handled (it holds the problem and alone can mend it); the township, county and city each reported in time (一(三) 对超出本级权限的及时向上级单位报送问题) and answer nothing; nobody not_discovered (a provincial policy gap is no village's, township's, county's or city's to find: 一(一) 省市两级…主动发现政策举措…方面问题; lower_level_finds_higher_policy)",
     HPG(discovered=tgrid, handled=[rep("township", "county"), rep("county", "city", "2021-03-06"), rep("city", "province", "2021-03-09")], **late),
     req=[("province_*", "not_handled")], forb=[("township_*",), ("county_*",), ("city_*",), ("village_*",)] + NO_ND)
case("E2 the same, the province mends its policy 04-15 (within 10 + 30 days of 03-09): nobody answers",
     HPG(discovered=tgrid, handled=[rep("township", "county"), rep("county", "city", "2021-03-06"), rep("city", "province", "2021-03-09")], rectified_on="2021-04-15", **late), forb=NOBODY)
case("E3 the same chain, the county reporting to the city only on 03-16 (13 days after the township's report) and the city to the province 03-18, as of 03-25: the county not_handled (late); the township, the city and the province not named (the province has held it 7 days)",
     HPG(discovered=tgrid, handled=[rep("township", "county"), rep("county", "city", "2021-03-16"), rep("city", "province", "2021-03-18")], **sit),
     req=[("county_*", "not_handled")], forb=[("township_*",), ("city_*",), ("province_*",), ("village_*",)])
case("E4 the township → county 03-03 → city 03-05, the city sits (as of 03-25): a city body not_handled; the township and the county not; the province (never told) not named",
     HPG(discovered=tgrid, handled=[rep("township", "county"), rep("county", "city", "2021-03-05")], **sit),
     req=[("city_*", "not_handled")], forb=[("township_*",), ("county_*",), ("province_*",), ("village_*",)])
case("E5 the county's hotline meets the province's housing policy gap (county code) and reports it straight to the province 03-03 (上级单位: the city cannot make the province's policy), the province sits (as of 03-25): the province not_handled; the county not; the city (never told) not named",
     HO("housing_policy_gap", C, discovered=hot, handled=[rep("county", "province")], **sit),
     req=[("province_*", "not_handled")], forb=[("county_*",), ("city_*",)])
case("E6 housing_renovation_late at a village (the county's authority), county hotline 03-01; the county reports it to the city 03-03 instead of assigning it, the city sits (as of 03-25): the county not_handled (一(三) 按照问题类别、办理权限…交办: a report of what is within its authority is no 按程序 step; irregular_step); the city, which received it and had to respond (省市两级及时回应基层反映问题), not_handled too (set_aside_report_receiver holds); the township not_discovered; both parameters listed",
     HO("housing_renovation_late", discovered=hot, handled=[rep("county", "city")], **sit), req=[("county_*", "not_handled"), ("city_*", "not_handled"), (TWN, "not_discovered")],
     forb=[(TWN, "not_handled"), ("province_*",)], listed=["irregular_step", "set_aside_report_receiver"])
case("E7 the same with set_aside_report_receiver=nobody: the county not_handled; no city body; listed",
     HO("housing_renovation_late", discovered=hot, handled=[rep("county", "city")], **sit), params=dict(set_aside_report_receiver="nobody"),
     req=[("county_*", "not_handled")], forb=[("city_*",), ("province_*",)], listed=["set_aside_report_receiver"])
case("E8 the village's own 及时帮助申请 not done, county hotline 03-01; the county reports it to the city 03-03 (within its authority: no 按程序 step), the city assigns it to the township 03-06 (within the county's limit), deadline 03-31, put right 03-25, as of 04-30: the county not_handled (its own report of what is within its authority is set aside under either value of irregular_step); the city not not_handled (it passed it down in time); nobody 整改不到位; listed irregular_step",
     NBN(discovered=hot, handled=[rep("county", "city"), asg("city", "township", "2021-03-06")], deadline="2021-03-31", rectified_on="2021-03-25", **late),
     req=[("county_*", "not_handled")], forb=[("city_*", "not_handled"), (TWN, "not_handled")] + NOT_LATE, listed=["irregular_step"])
case("E9 the village's own 及时帮助申请 not done, county hotline 03-01 → township 03-03 → village 03-05, deadline 03-31, not done by 04-30: the village not_rectified (一(四) 交办问题整改落实不到位) and, with the township, not_discovered (二(六)1(1)–(2)); the township presses its village (supervision); the county does not press a village beside its township (supervision_scope default), nor answers not_rectified; no city or province",
     NBN(discovered=hot, handled=[asg("county", "township"), asg("township", "village", "2021-03-05")], deadline="2021-03-31", **late),
     req=LOW_ND + [(b, "not_rectified") for b in VIL] + [(TWN, "supervision")], forb=NO_H + [("county_*", "supervision"), ("county_*", "not_rectified"), (TWN, "not_rectified")] + CITYPROV)
case("E10 the same with supervision_scope=all_levels: the county presses too (二(二)4 指导督促部门和乡村问题发现和整改); listed",
     NBN(discovered=hot, handled=[asg("county", "township"), asg("township", "village", "2021-03-05")], deadline="2021-03-31", **late), params=dict(supervision_scope="all_levels"),
     req=[(b, "not_rectified") for b in VIL] + [(TWN, "supervision"), ("county_*", "supervision")], forb=NO_H, listed=["supervision_scope"])
case("E11 the same with supervision_scope=none: nobody named for pressing; the village still not_rectified; listed",
     NBN(discovered=hot, handled=[asg("county", "township"), asg("township", "village", "2021-03-05")], deadline="2021-03-31", **late), params=dict(supervision_scope="none"),
     req=[(b, "not_rectified") for b in VIL], forb=NO_S + NO_H, listed=["supervision_scope"])
case("E12 the same with reassigned_level_answers=rectification: the township answers not_rectified (as an assignee), not also supervision; listed",
     NBN(discovered=hot, handled=[asg("county", "township"), asg("township", "village", "2021-03-05")], deadline="2021-03-31", **late), params=dict(reassigned_level_answers="rectification"),
     req=[(b, "not_rectified") for b in VIL] + [(TWN, "not_rectified")], forb=[(TWN, "supervision")] + NO_H, listed=["reassigned_level_answers"])
WFU = lambda **k: WA("water_facilities_unmaintained", **k)
UPCHAIN = [rep("village", "township", "2021-03-02"), rep("township", "county", "2021-03-04"), asg("county", "county", "2021-03-06", body="county_water_supply_unit")]
case("E13 water_facilities_unmaintained at a village, the village's grid 03-01, reported village → township 03-02 → county 03-04, the county hands it to its 统管单位 03-06 (二(六)5(3) 具体负责做好农村供水工程长效管理), deadline 03-31, put right 03-30, as of 04-30: nobody answers (each passed it on in time and it was put right)",
     WFU(discovered=vgrid, handled=UPCHAIN, deadline="2021-03-31", rectified_on="2021-03-30", **late), forb=NOBODY)
case("E14 the same not put right by 04-30: the unit not_rectified; the village and the township (which reported in time) answer nothing — no not_handled, not_rectified or supervision; no city or province (never told)",
     WFU(discovered=vgrid, handled=UPCHAIN, deadline="2021-03-31", **late), req=[("county_water_supply_unit", "not_rectified")],
     forb=[("village_*",), ("township_*",)] + NO_H + CITYPROV)
case("E15 the same chain, the county sitting after the township's report of 03-04 (as of 03-25): a county body not_handled; the village and the township not",
     WFU(discovered=vgrid, handled=UPCHAIN[:2], **sit), req=[("county_*", "not_handled")], forb=[("village_*",), ("township_*",)] + CITYPROV)
case("E16 the village's own 及时帮助申请 not done, found by the village's grid 03-01, no step, as of 03-25: nobody yet (within 10 + 30 days it may still put it right itself)",
     NBN(discovered=vgrid, **sit), forb=NOBODY)
case("E17 the same as of 04-30, not put right: the village not_handled (held it and neither put it right nor passed it on); no township or county (never told, and the finder is the village)",
     NBN(discovered=vgrid, **late), req=[("village_*", "not_handled")], forb=[("township_*",), ("county_*",)] + CITYPROV + NO_ND)
case("E18 the same put right by the village itself 03-20: nobody (self_rectified_report_required default: a village need not report what it put right itself in time)",
     NBN(discovered=vgrid, rectified_on="2021-03-20", **late), forb=NOBODY)
case("E19 the same with self_rectified_report_required=true: the village not_handled (did not report); listed",
     NBN(discovered=vgrid, rectified_on="2021-03-20", **late), params=dict(self_rectified_report_required=True),
     req=[("village_*", "not_handled")], forb=[("township_*",), ("county_*",)] + NO_ND, listed=["self_rectified_report_required"])
case("E20 housing_renovation_late at a village, county hotline 03-01, the county reports it straight to the province 03-03 (within its own authority), the province sits (as of 03-25): the county not_handled; the province not_handled (set_aside_report_receiver holds); the city (never told) not named; listed irregular_step",
     HO("housing_renovation_late", discovered=hot, handled=[rep("county", "province")], **sit), req=[("county_*", "not_handled"), ("province_*", "not_handled")],
     forb=[("city_*",)], listed=["irregular_step"])
case("E21 housing_renovation_late at a village found by the province's 巡视, the province assigns it to the city 03-03, the city sits (as of 03-25): the city not_handled (pressing_level_assignment pass_down: it received it to pass down), not not_rectified; the province not not_handled; listed",
     HO("housing_renovation_late", discovered=ptour, handled=[asg("province", "city")], **sit), req=[("city_*", "not_handled")],
     forb=[("city_*", "not_rectified"), ("province_*", "not_handled"), ("county_*", "not_handled")], listed=["pressing_level_assignment"])
case("E22 the same with pressing_level_assignment=assignee, deadline 03-31, as of 04-30: the city not_rectified; the province not not_handled; listed",
     HO("housing_renovation_late", discovered=ptour, handled=[asg("province", "city")], deadline="2021-03-31", **late), params=dict(pressing_level_assignment="assignee"),
     req=[("city_*", "not_rectified")], forb=[("province_*", "not_handled")], listed=["pressing_level_assignment"])
FIVE = [asg("province", "city", "2021-03-02"), asg("city", "county", "2021-03-04"), asg("county", "township", "2021-03-06"), asg("township", "village", "2021-03-08")]
case("E23 the village's own 及时帮助申请 not done, found by the province's 巡视 03-01 and passed province → city → county → township → village by 03-08, deadline 03-31, put right 03-28, as of 04-30: the village and the township not_discovered, nothing else — nobody not_handled, not_rectified or supervision, no 主体责任",
     NBN(discovered=ptour, handled=FIVE, deadline="2021-03-31", rectified_on="2021-03-28", **late), req=LOW_ND, forb=NO_H + NOT_LATE + NO_MR + CITY_ND + PROV_ND)
case("E24 the same not put right by 04-30: the village not_rectified; its township presses (supervision); the county, the city and the province, each of which passed the assignment down in time, answer neither not_rectified nor (supervision_scope default: the village's township) supervision; nobody not_handled",
     NBN(discovered=ptour, handled=FIVE, deadline="2021-03-31", **late), req=[(b, "not_rectified") for b in VIL] + [(TWN, "supervision")],
     forb=NO_H + [("county_*", "supervision"), ("city_*", "supervision"), ("province_*", "supervision"), ("county_*", "not_rectified"), ("city_*", "not_rectified"), ("province_*", "not_rectified"), (TWN, "not_rectified")])
case("E25 the same with supervision_scope=all_levels: the county, the city and the province press too; listed",
     NBN(discovered=ptour, handled=FIVE, deadline="2021-03-31", **late), params=dict(supervision_scope="all_levels"),
     req=[(b, "not_rectified") for b in VIL] + [(TWN, "supervision"), ("county_*", "supervision"), ("city_*", "supervision"), ("province_*", "supervision")], listed=["supervision_scope"])
LATE5 = [asg("province", "city", "2021-03-02"), asg("city", "county", "2021-03-20"), asg("county", "township", "2021-03-22"), asg("township", "village", "2021-03-23")]
case("E26 the five-level chain with the city passing it on 18 days after it was handed it (03-02 → 03-20), deadline 04-30, put right 04-20, as of 05-10: the city not_handled (一(四) 没有按程序及时交办: pressing_level_assignment's default reads the province's assignment of a county's problem to the city as a receipt to pass down, so the city held it and passed it on late, whatever the rectification); nobody else not_handled; no 整改不到位; listed. [After the run: first written as 'the city not named (late_pass_on_answers default)' — a misreading: late_pass_on_answers is for an assignee, and under pressing_level_assignment pass_down the city is a receiver, which 一(四) names for the late pass-on however soon the rectification followed]",
     NBN(discovered=ptour, handled=LATE5, deadline="2021-04-30", rectified_on="2021-04-20", as_of="2021-05-10"), req=LOW_ND + [("city_*", "not_handled")],
     forb=[("county_*", "not_handled"), ("province_*", "not_handled"), (TWN, "not_handled")] + NOT_LATE, listed=["pressing_level_assignment"])
case("E27 [After the run: written after E26's run, so not blind] the same with pressing_level_assignment=assignee: the city is the province's assignee, whose late pass-on of a problem put right by its deadline is forgiven by late_pass_on_answers' default (none): the city not named; nobody not_handled; listed pressing_level_assignment",
     NBN(discovered=ptour, handled=LATE5, deadline="2021-04-30", rectified_on="2021-04-20", as_of="2021-05-10"), params=dict(pressing_level_assignment="assignee"),
     req=LOW_ND, forb=[("city_*",)] + NO_H + NOT_LATE, listed=["pressing_level_assignment"])
case("E28 [After the run: written after E26's run, so not blind] pressing_level_assignment=assignee with late_pass_on_answers=not_handled: the city not_handled for its late pass-on; listed late_pass_on_answers",
     NBN(discovered=ptour, handled=LATE5, deadline="2021-04-30", rectified_on="2021-04-20", as_of="2021-05-10"), params=dict(pressing_level_assignment="assignee", late_pass_on_answers="not_handled"),
     req=[("city_*", "not_handled")], forb=[("county_*", "not_handled"), ("province_*", "not_handled"), (TWN, "not_handled")] + NOT_LATE, listed=["late_pass_on_answers"])

# ===================== 社区 (urban communities) against villages =====================
case("U1 housing_danger_unreported at an urban community (青城社区, 居民委员会), found by its township's grid: nobody answers (the township found it; no village body exists to have missed it); listed residents_committee_place",
     HO("housing_danger_unreported", RC2, discovered=tgrid), forb=NOBODY, listed=RCP)
case("U2 the same found by the county hotline: the township not_discovered (二(二)2 对涉及本乡镇（街道）扶贫领域具体问题的发现…负责; 二(六)4(2)); no village body; no county body not_discovered; listed",
     HO("housing_danger_unreported", RC2, discovered=hot), req=[(TWN, "not_discovered")], forb=[("village_*",)] + CNTY_ND + CITYPROV, listed=RCP)
case("U3 a community's problem found by a village-level grid: refused (the community has no 村党支部、村委会 to find it)",
     HO("housing_danger_unreported", RC2, discovered=vgrid), refuse=True)
case("U4 the same with residents_committee_place=village: accepted; nobody answers (the community's own grid found it); listed",
     HO("housing_danger_unreported", RC2, discovered=vgrid), params=dict(residents_committee_place="village"), forb=NOBODY, listed=RCP)
case("U5 housing_danger_unreported at a 类似居民委员会 (上塘未来城类似社区, digits 400), the county hotline: read as an urban community — the township not_discovered, no village body; listed",
     HO("housing_danger_unreported", RC3, discovered=hot), req=[(TWN, "not_discovered")], forb=[("village_*",)] + CNTY_ND + CITYPROV, listed=RCP)
case("U6 a community's house, the township concealed it from the county's 上级核查: the township concealed (一(四), 二(二)4), not also not_discovered; no village body; listed",
     HO("housing_danger_unreported", RC2, discovered=cohv, concealed_by=["township"]), req=[(TWN, "concealed")], forb=[("village_*",), (TWN, "not_discovered"), ("county_*",)], listed=RCP)
case("U7 a community's problem with the village level named as concealer: refused (default)",
     HO("housing_danger_unreported", RC2, discovered=cohv, concealed_by=["village"]), refuse=True)
case("U8 a community's problem the county assigns to the village level: refused (default)",
     BN("basic_needs_not_helped_to_apply", RC2, discovered=hot, handled=[asg("county", "village")]), refuse=True)
case("U9 a community's house, grave, the county hotline: the township not_discovered (staff + unit + leadership); the county's 主体责任; not the township's (township_main_responsibility default); no village; listed",
     HO("housing_danger_unreported", RC2, discovered=hot, severity="grave"), req=[(TWN, "not_discovered", S3UL)] + CNTY_MR,
     forb=[("village_*",)] + NO_TWN_MR + NO_CITY_MR + NO_PROV_MR, listed=RCP)
case("U10 the same with township_main_responsibility=true: the township's Party committee and government bear 主体责任 too; listed",
     HO("housing_danger_unreported", RC2, discovered=hot, severity="grave"), params=dict(township_main_responsibility=True),
     req=[("township_party_committee", "main_responsibility"), ("township_government", "main_responsibility")] + CNTY_MR, forb=[("village_*",)], listed=RCP + ["township_main_responsibility"])
case("U11 a community's 困难群众 not helped to apply, county hotline 03-01 → township 03-03, deadline 03-31, not done by 04-30: the township (the community's lowest answering level) not_rectified and not_discovered; the county presses its township (二(二)4); no village body; listed",
     BN("basic_needs_not_helped_to_apply", RC2, discovered=hot, handled=[asg("county", "township")], deadline="2021-03-31", **late),
     req=[(TWN, "not_rectified"), (TWN, "not_discovered"), ("county_*", "supervision")], forb=[("village_*",)] + NO_H + CITYPROV, listed=RCP)
case("U12 a community's house with residents_committee_place=village, the county hotline: the village bodies stand for the community's — village + township not_discovered; listed",
     HO("housing_danger_unreported", RC2, discovered=hot), params=dict(residents_committee_place="village"), req=LOW_ND, forb=CNTY_ND + CITYPROV, listed=RCP)
case("U13 a village's house (富城村, digits 219: a 村民委员会) read under either value as a village's, and the verdict does not rest on residents_committee_place",
     HO("housing_danger_unreported", discovered=hot), req=LOW_ND, notlisted=RCP)

# ===================== places at the city's and the province's own codes =====================
case("P1 funds_allocation_irregular at the city's code (its own funds, 二(四)7 财政部门…审核行业主管部门分配建议办理资金分配), sector finance, found by the province audit: 市财政 not_discovered; no county, township or village; the audit office not named; no province body not_discovered",
     FU("funds_allocation_irregular", CITY, sector="finance", discovered=disc("province", "audit", body="province_audit")),
     req=[("city_finance", "not_discovered")], forb=[("county_*",), ("township_*",), ("village_*",), ("province_audit",)] + PROV_ND)
case("P2 the same found by the city's own audit: nobody not_discovered (the city found its own problem through its own organ; outside_channel_finder_level default); nobody at all as of 03-05",
     FU("funds_allocation_irregular", CITY, sector="finance", discovered=disc("city", "audit", body="city_audit")), forb=NOBODY)
case("P3 the same with outside_channel_finder_level=true: 市财政 not_discovered; listed",
     FU("funds_allocation_irregular", CITY, sector="finance", discovered=disc("city", "audit", body="city_audit")), params=dict(outside_channel_finder_level=True),
     req=[("city_finance", "not_discovered")], forb=[("city_audit",), ("county_*",)], listed=["outside_channel_finder_level"])
case("P4 housing_policy_gap at the province's code, found by the press at the province (as of 03-05): nobody answers (nobody below the province's own policy; the finder's level found it)",
     HO("housing_policy_gap", PROV, discovered=disc("province", "media")), forb=NOBODY)
case("P5 the same as of 03-25, no step: the province (which alone makes the policy) not_handled; no city or county",
     HO("housing_policy_gap", PROV, discovered=disc("province", "media"), **sit), req=[("province_*", "not_handled")], forb=[("city_*",), ("county_*",), ("media",)])
case("P6 housing_policy_gap at the city's code (the city's own policy: 二(六)4(6) 省市住房城乡建设部门：负责制定危房长效治理改造政策), found by the province's 调研督导: a city body not_discovered (一(一) 省市两级…主动发现政策举措…方面问题); no county; no province body not_discovered",
     HO("housing_policy_gap", CITY, discovered=disc("province", "research_supervision")), req=[("city_*", "not_discovered")], forb=[("county_*",), ("township_*",)] + PROV_ND)
case("P7 housing_policy_gap at the city's code, found by the city's own 调研督导 (as of 03-05): nobody",
     HO("housing_policy_gap", CITY, discovered=disc("city", "research_supervision")), forb=NOBODY)
case("P8 common_policy_problem (全省共性问题) at the province's code, found by the province audit (as of 03-05): nobody (the province's own organ found the province's problem)",
     DI("common_policy_problem", PROV, discovered=disc("province", "audit", body="province_audit")), forb=NOBODY)
case("P9 the same, grave, the province sitting on it (as of 03-25): a province body not_handled (staff + unit + leadership: 二(二)5 及时发现全省共性问题，修改完善相关政策和机制); the province's Party committee and government bear 主体责任 for their own work (二(一)1 各级党委政府要落实扶贫开发主体责任, 二(一)1(2) 省市两级…制定出台政策举措); no city or county; the audit office not named",
     DI("common_policy_problem", PROV, discovered=disc("province", "audit", body="province_audit"), severity="grave", **sit),
     req=[("province_*", "not_handled", S3UL), ("province_party_committee", "main_responsibility"), ("province_government", "main_responsibility")],
     forb=[("city_*",), ("county_*",), ("province_audit",)] + NO_ND)
case("P10 funds_poor_performance at the city's code, sector finance, found by the city's press (as of 03-05): nobody not_discovered (outside_channel_finder_level default); the media not named",
     FU("funds_poor_performance", CITY, sector="finance", discovered=disc("city", "media")), forb=NOBODY)
case("P11 housing_renovation_late placed at the city's code, found by the province's 巡视, assigned by the province to 市建设 03-03, deadline 03-31, not done by 04-30: 市建设 not_rectified (place_above_rectifiers place_level_assignee: the 交办 the record can show); the province not not_handled; no county; listed",
     HO("housing_renovation_late", CITY, discovered=ptour, handled=[asg("province", "city", body="city_construction")], deadline="2021-03-31", **late),
     req=[("city_construction", "not_rectified")], forb=[("province_*", "not_handled"), ("county_*",)], listed=["place_above_rectifiers"])
case("P12 the same with place_above_rectifiers=holder: the province not_handled (no 交办 to a level that rectifies); 市建设 not not_rectified; listed",
     HO("housing_renovation_late", CITY, discovered=ptour, handled=[asg("province", "city", body="city_construction")], deadline="2021-03-31", **late),
     params=dict(place_above_rectifiers="holder"), req=[("province_*", "not_handled")], forb=[("city_construction", "not_rectified")], listed=["place_above_rectifiers"])
case("P13 a city's own funds problem, the county named as concealer: refused (below the place)",
     FU("funds_allocation_irregular", CITY, sector="finance", discovered=disc("province", "audit", body="province_audit"), concealed_by=["county"]), refuse=True)

# ===================== the discovery channels of 一(一)–(二), 二(一)2: which level is the finder =====================
IEO = lambda **k: ID("identification_eligible_omitted", **k)
case("D1 identification_eligible_omitted at a village, the township's 一户一策一干部 (its own work): the village not_discovered (二(三)1 确保…应报尽报); the township (finder) not; no county body (no application reached 县民政); no city or province",
     IEO(discovered=disc("township", "one_household_one_cadre")), req=VIL_ND, forb=[("township_*", "not_discovered"), ("county_*",)] + CITYPROV)
case("D2 the same through the county's e-mail box (二(一)2(4), outside): village + township (二(三)2 履行受理申请和主动发现责任) not_discovered; no county body not_discovered (outside_channel_finder_level default)",
     IEO(discovered=disc("county", "email")), req=LOW_ND, forb=CNTY_ND + CITYPROV)
case("D3 the same through the press at the city: village + township not_discovered; 县民政 not (its 核对 reaches applicants only, 二(三)3); the county's Party committee and government not (county_leaders_find_omitted_households default); no city body not_discovered",
     IEO(discovered=disc("city", "media")), req=LOW_ND, forb=[("county_civil_affairs",), ("county_party_committee", "not_discovered"), ("county_government", "not_discovered")] + CITY_ND + [("province_*",)])
case("D4 the same with county_leaders_find_omitted_households=true: the county's Party committee and government not_discovered too (二(三)5 对低收入农户精准识别负主体责任); listed",
     IEO(discovered=disc("city", "media")), params=dict(county_leaders_find_omitted_households=True),
     req=LOW_ND + [("county_party_committee", "not_discovered"), ("county_government", "not_discovered")], forb=CITY_ND, listed=["county_leaders_find_omitted_households"])
case("D5 project_not_deliberated at a village, the township's 核查普查: the village not_discovered (二(五)1 组织召开村民代表大会…公示后上报); the township (finder) not; no county",
     PR("project_not_deliberated", discovered=disc("township", "verification_census")), req=VIL_ND, forb=[("township_*", "not_discovered"), ("county_*",)] + CITYPROV)
case("D6 funds_diverted at a village, the county's 财政检查 by 县财政: the township not_discovered (二(四)2 对村级使用的扶贫项目资金专款专用负审核责任); 县财政 (finder) not; no city or province",
     FU("funds_diverted", discovered=disc("county", "finance_check", body="county_finance")), req=[(TWN, "not_discovered")], forb=[("county_finance", "not_discovered"), ("county_*", "not_discovered")] + CITYPROV)
case("D7 funds_diverted at a village, the city audit: the township and 县财政 (二(四)3 对乡、村两级使用的扶贫项目资金专款专用负审核责任) not_discovered; the city audit and the city's bodies not",
     FU("funds_diverted", discovered=disc("city", "audit", body="city_audit")), req=[(TWN, "not_discovered"), ("county_finance", "not_discovered")], forb=[("city_audit",)] + CITY_ND + [("province_*",)])
case("D8 funds_diverted at a village, the province audit: the township and 县财政 not_discovered; the city audit not (lower_audit_answers_higher_find default: an audit's plan is not the record's); no city body not_discovered (province_city_discover_specific_problems default); the province audit not named",
     FU("funds_diverted", discovered=disc("province", "audit", body="province_audit")), req=[(TWN, "not_discovered"), ("county_finance", "not_discovered")],
     forb=CITY_ND + PROV_ND + [("province_audit",)])
case("D9 the same with lower_audit_answers_higher_find=true: the city audit not_discovered (二(四)8 省、市两级审计部门…确保及时全面发现问题); listed",
     FU("funds_diverted", discovered=disc("province", "audit", body="province_audit")), params=dict(lower_audit_answers_higher_find=True),
     req=[("city_audit", "not_discovered"), (TWN, "not_discovered")], forb=PROV_ND, listed=["lower_audit_answers_higher_find"])
case("D10 the same with province_city_discover_specific_problems=true: no city department not_discovered — the parameter reaches the departments whose clauses give them checks of the levels below (二(五)5 对项目抽查, 二(六)1(5) 监督检查各地低收入农户增收情况), and diverted funds are no such department's; the township and 县财政 still not_discovered. [After the run: first written as 'a city department not_discovered; listed' — a misreading of the parameter's scope (its why names only 二(五)5 and 二(六)1(5)); see the report for 二(四)7 扶贫、民宗部门负责统筹监督扶贫资金和资产的管理使用]",
     FU("funds_diverted", discovered=disc("province", "audit", body="province_audit")), params=dict(province_city_discover_specific_problems=True),
     req=[(TWN, "not_discovered"), ("county_finance", "not_discovered")], forb=CITY_ND)
case("D11 water_quality_substandard at a village, the county's 人大 inspection (二(一)2(1), outside): the township not_discovered (二(六)5(2) 负责辖区范围农村供水安全保障工作); the county's water-supply unit (县级, the finder's level) not by default; 人大 not named; no city",
     WA("water_quality_substandard", discovered=disc("county", "congress_cppcc", body="county_congress")), req=[(TWN, "not_discovered")],
     forb=[("county_water_supply_unit", "not_discovered"), ("county_*", "not_discovered"), ("county_congress",)] + CITYPROV)
case("D12 health_false_materials at a village, the township's 一户一策一干部: the village not_discovered (二(六)3(1) 对所提供的证明材料真实性负责); the township (finder) not; no county",
     HE("health_false_materials", discovered=disc("township", "one_household_one_cadre")), req=VIL_ND, forb=[("township_*", "not_discovered"), ("county_*",)] + CITYPROV)
case("D13 一户一策一干部 written as the city's channel: refused (一(一) 县级…借助全科网格和“一户一策一干部”制度)",
     NBN(discovered=disc("city", "one_household_one_cadre")), refuse=True)
case("D14 the county hotline written as the province's: refused (一(二) 县（市、区）长热线)", NBN(discovered=disc("province", "hotline")), refuse=True)
case("D15 人大政协 written as the village's: refused (二(一)2(1) 各级人大政协: the levels with a 人大)", NBN(discovered=disc("village", "congress_cppcc")), refuse=True)
case("D16 housing_danger_unreported at a village, the press at the township: the village not_discovered; the township not by default (the press found it at its level); the media not named",
     HO("housing_danger_unreported", discovered=disc("township", "media")), req=VIL_ND, forb=[("township_*", "not_discovered"), ("media",), ("county_*",)] + CITYPROV)
case("D17 the same with outside_channel_finder_level=true: the township not_discovered too (二(六)4(2) 及时发现掌握并上报本辖区危房情况); listed",
     HO("housing_danger_unreported", discovered=disc("township", "media")), params=dict(outside_channel_finder_level=True),
     req=LOW_ND, forb=[("media",), ("county_*",)], listed=["outside_channel_finder_level"])
case("D18 housing_danger_unreported at a village, a letter to the village through the e-mail box (an outside channel any level runs): nobody (the finder is the village; nothing below it)",
     HO("housing_danger_unreported", discovered=disc("village", "email")), forb=NOBODY)
case("D19 the same with outside_channel_finder_level=true: the village's own bodies did not find it themselves — the village not_discovered; nobody above; listed",
     HO("housing_danger_unreported", discovered=disc("village", "email")), params=dict(outside_channel_finder_level=True),
     req=VIL_ND, forb=[("township_*",), ("county_*",)] + CITYPROV, listed=["outside_channel_finder_level"])
case("D20 检查组抽查 written as the county's channel: refused (二(五)5 省市行业主管部门…不定期组织检查组)", PR("project_false_or_unnecessary", discovered=disc("county", "spot_check")), refuse=True)
case("D21 housing_renovation_late at a village, the city's 督查 (二(六)4(7) 督查指导): the township not_discovered; no city body not_discovered",
     HO("housing_renovation_late", discovered=disc("city", "supervisory_check")), req=[(TWN, "not_discovered")], forb=CITY_ND + [("province_*",)])
case("D22 funds_poor_performance at a village, the county's own 绩效评价 (二(四)4 组织实施绩效目标申报、绩效评价): the village (二(四)1 负责本村扶贫项目资金使用效率) and the township (二(四)2 对本辖区内扶贫资金使用的绩效负责) not_discovered; no county body not_discovered (its own work found it)",
     FU("funds_poor_performance", discovered=disc("county", "performance_evaluation")), req=LOW_ND, forb=CNTY_ND + CITYPROV)
case("D23 identification_ineligible_included at a village, the 12317 platform at the county: the village (二(三)1 对村民填报信息和村委会申报材料的真实性、准确性负责) and the township (二(三)2 对入户核实申报材料的真实性、准确性负责) not_discovered; no county body not_discovered (default); the platform not named",
     ID("identification_ineligible_included", discovered=disc("county", "reporting_platform")), req=LOW_ND, forb=CNTY_ND + [("platform_12317",)] + CITYPROV)
case("D24 the township's 纪委 finds diverted funds at a village (as of 03-05): no township or county body not_discovered (the finder is the township's organ; outside_channel_finder_level default); the 纪委 not named",
     FU("funds_diverted", discovered=disc("township", "discipline_inspection")), forb=[("township_*",), ("county_*",)] + CITYPROV)

# ===================== 一(四) liability tiers and 二(一)1 主体责任 =====================
HDU = lambda **k: HO("housing_danger_unreported", discovered=hot, **k)
case("L1 housing_danger_unreported at a village, county hotline, minor: the village and the township not_discovered, staff only; no unit, no leadership, no 主体责任",
     HDU(), req=[("village_committee", "not_discovered", S3), (TWN, "not_discovered", S3)], forb=NO_MR, fl=NOUNIT + NOLEAD)
case("L2 the same, serious: staff + unit (unit_liability_from serious); no leadership; no 主体责任",
     HDU(severity="serious"), req=[("village_committee", "not_discovered", S3U), (TWN, "not_discovered", S3U)], forb=NO_MR, fl=NOLEAD)
case("L3 the same, grave: staff + unit + leadership; the county's Party committee and government 主体责任 (二(一)1(1)); not the township's, the city's or the province's",
     HDU(severity="grave"), req=[("village_committee", "not_discovered", S3UL), (TWN, "not_discovered", S3UL)] + [(b, "main_responsibility", LEAD) for b in ("county_party_committee", "county_government")],
     forb=NO_TWN_MR + NO_CITY_MR + NO_PROV_MR)
case("L4 minor with unit_liability_from=minor: staff + unit; listed",
     HDU(), params=dict(unit_liability_from="minor"), req=[("village_committee", "not_discovered", S3U)], fl=NOLEAD, listed=["unit_liability_from"])
case("L5 serious with unit_liability_from=grave: staff only; listed",
     HDU(severity="serious"), params=dict(unit_liability_from="grave"), req=[("village_committee", "not_discovered", S3)], fl=NOUNIT + NOLEAD, listed=["unit_liability_from"])
case("L6 serious with leadership_liability_from=serious: staff + unit + leadership; still no 主体责任 (main_responsibility_from grave); listed",
     HDU(severity="serious"), params=dict(leadership_liability_from="serious"), req=[("village_committee", "not_discovered", S3UL)], forb=NO_MR, listed=["leadership_liability_from"])
case("L7 serious with main_responsibility_from=serious alone: no 主体责任 (a leaders' liability, never below leadership_liability_from) and no leadership; with_parameters warns that the value changes nothing (``warns``). [After the run: the warning, documented under main_responsibility_from, is an error under the suite's filterwarnings; the test now expects it]",
     HDU(severity="serious"), params=dict(main_responsibility_from="serious"), req=[("village_committee", "not_discovered", S3U)], forb=NO_MR, fl=NOLEAD)
CASES[-1]["warns"] = True
case("L8 serious with main_responsibility_from=serious and leadership_liability_from=serious: the county's 主体责任; listed",
     HDU(severity="serious"), params=dict(main_responsibility_from="serious", leadership_liability_from="serious"), req=CNTY_MR, forb=NO_TWN_MR, listed=["main_responsibility_from"])
case("L9 the same record with 较重 written in Chinese: read as serious — staff + unit",
     HDU(severity="较重"), req=[("village_committee", "not_discovered", S3U)], fl=NOLEAD)
case("L10 grave, the county hotline's find and the county sitting (as of 03-25): a county body not_handled (staff + unit + leadership); village + township not_discovered, the same; the county's 主体责任",
     HDU(severity="grave", **sit), req=[("county_*", "not_handled", S3UL), (TWN, "not_discovered", S3UL)] + CNTY_MR, forb=NO_TWN_MR + NO_CITY_MR)
case("L11 grave, found by the village's own grid and put right 03-10 (as of 04-30): nobody — severity alone makes no finding, and 主体责任 follows a failure",
     HO("housing_danger_unreported", discovered=vgrid, severity="grave", rectified_on="2021-03-10", **late), forb=NOBODY)
case("L12 grave, found by the township's grid: the village not_discovered (staff + unit + leadership); the county's 主体责任 (属地); the township's none (default) and it answers nothing else",
     HO("housing_danger_unreported", discovered=tgrid, severity="grave"), req=[(b, "not_discovered", S3UL) for b in VIL] + CNTY_MR, forb=[("township_*",)] + NO_CITY_MR)
case("L13 grave at the county's code: health_assistance_late, sector medical_insurance, found by the city audit: 县医保 not_discovered (staff + unit + leadership; 二(六)3(3)); the county's 主体责任 (二(六)3(4) 对当地健康扶贫工作负主体责任); no city 主体责任; no township or village",
     HE("health_assistance_late", C, sector="medical_insurance", discovered=disc("city", "audit", body="city_audit"), severity="grave"),
     req=[("county_medical_insurance", "not_discovered", S3UL)] + CNTY_MR, forb=NO_CITY_MR + NO_PROV_MR + [("township_*",), ("village_*",), ("city_audit",)])
case("L14 grave at the city's code: the city's own funds allocation, sector finance, found by the province audit: 市财政 not_discovered (staff + unit + leadership); the city's Party committee and government 主体责任 (their own work at their level); not the county's or the province's",
     FU("funds_allocation_irregular", CITY, sector="finance", discovered=disc("province", "audit", body="province_audit"), severity="grave"),
     req=[("city_finance", "not_discovered", S3UL), ("city_party_committee", "main_responsibility"), ("city_government", "main_responsibility")],
     forb=[("county_party_committee", "main_responsibility"), ("county_government", "main_responsibility")] + NO_PROV_MR)
case("L15 grave funds_diverted at a village found by the province audit, lower_audit_answers_higher_find=true: the city audit not_discovered (staff + unit + leadership), but its failure raises no 主体责任 for the city (二(一)2 监督责任 is apart from 二(一)1; and a county's problem: main_responsibility_every_level default); the county's 主体责任 (the township's and 县财政's failures); listed",
     FU("funds_diverted", discovered=disc("province", "audit", body="province_audit"), severity="grave"), params=dict(lower_audit_answers_higher_find=True),
     req=[("city_audit", "not_discovered", S3UL)] + CNTY_MR, forb=NO_CITY_MR + NO_PROV_MR, listed=["lower_audit_answers_higher_find"])
case("L16 grave housing_danger_unreported at a village, the province's 巡视 and the province sitting (as of 03-25): a province body not_handled (staff + unit + leadership); no province 主体责任 for a county's house (main_responsibility_every_level default, listed); the county's 主体责任",
     HO("housing_danger_unreported", discovered=ptour, severity="grave", **sit), req=[("province_*", "not_handled", S3UL)] + CNTY_MR + LOW_ND,
     forb=NO_PROV_MR + NO_CITY_MR, listed=["main_responsibility_every_level"])
case("L17 the same with main_responsibility_every_level=true: the province's Party committee and government 主体责任 too; listed",
     HO("housing_danger_unreported", discovered=ptour, severity="grave", **sit), params=dict(main_responsibility_every_level=True),
     req=[("province_party_committee", "main_responsibility"), ("province_government", "main_responsibility")] + CNTY_MR, forb=NO_CITY_MR, listed=["main_responsibility_every_level"])
case("L18 minor with leadership_liability_from=minor and main_responsibility_from=minor: staff + leadership (no unit below serious); the county's 主体责任; listed",
     HDU(), params=dict(leadership_liability_from="minor", main_responsibility_from="minor"), req=[("village_committee", "not_discovered", ["staff", "leadership"])] + CNTY_MR,
     fl=NOUNIT, listed=["leadership_liability_from"])
case("L19 grave, the village's own 及时帮助申请 not done, county hotline → township → village, not put right by 04-30: the village not_rectified (staff + unit + leadership); the county's 主体责任 (二(六)1(4) 对当地“两不愁”工作负主体责任); no township 主体责任",
     NBN(discovered=hot, handled=[asg("county", "township"), asg("township", "village", "2021-03-05")], deadline="2021-03-31", severity="grave", **late),
     req=[(b, "not_rectified", S3UL) for b in VIL] + CNTY_MR, forb=NO_TWN_MR + NO_CITY_MR + NO_PROV_MR)
case("L20 grave, the county's own 一户一策一干部 finds the village's problem and it is passed down and put right in time (as of 04-30): the village and the township still not_discovered, grave — and the county's 主体责任 for their grave failure (main_responsibility_from: 属地, whatever the county itself did)",
     NBN(discovered=disc("county", "one_household_one_cadre"), handled=[asg("county", "township"), asg("township", "village", "2021-03-05")], deadline="2021-03-31", rectified_on="2021-03-20", severity="grave", **late),
     req=[(b, "not_discovered", S3UL) for b in VIL] + CNTY_MR, forb=NO_H + NOT_LATE + NO_TWN_MR + CNTY_ND)

# ===================== second batch: written after the first batch's run, before its own =====================
# (the same themes, at their harder edges; none of these records was run before this batch was committed)
case("K37 a community's house (青城社区) with residents_committee_place=village, the village level concealed it from the county's 上级核查: the village bodies (standing for the community's) concealed; the township not_discovered; listed",
     HO("housing_danger_unreported", RC2, discovered=cohv, concealed_by=["village"]), params=dict(residents_committee_place="village"),
     req=VIL_C + [(TWN, "not_discovered")], forb=[("village_*", "not_discovered"), ("county_*", "concealed")], listed=RCP)
case("K38 housing_danger_unreported at a village, the township Party committee concealed it from the county's 上级核查: it concealed, citing 一(四) and its own part 二(一)1(1) (乡镇党委政府要发挥基层基础作用), not the county's 二(二)4; the township government not concealed; the village not_discovered",
     HO("housing_danger_unreported", discovered=cohv, concealed_by=["township_party_committee"]), req=[("township_party_committee", "concealed")] + VIL_ND,
     forb=[(TWN, "concealed"), ("township_party_committee", "not_discovered")], cl=[("township_party_committee", "concealed", ["一(四)", "二(一)1(1)"], ["二(二)4"])])
case("K39 mechanism_missing at the county's code (问题发现办法和整改机制不健全, 二(二)4 县（市、区）党委、政府：…健全问题发现办法和整改机制), found by the city's 调研督导, the county (no body) concealed it: one stand-in for the body the record does not name — not the Party committee, the government and the 扶贫办 each",
     DI("mechanism_missing", C, discovered=disc("city", "research_supervision"), concealed_by=["county"]), req=[("county_*", "concealed")],
     forb=[("township_*",), ("village_*",)] + CITY_ND)
case("K40 the same with concealing_level_body=handling_holders: the county's holders of the handling concealed (more than one body may be named); listed",
     DI("mechanism_missing", C, discovered=disc("city", "research_supervision"), concealed_by=["county"]), params=dict(concealing_level_body="handling_holders"),
     req=[("county_*", "concealed")], forb=[("township_*",), ("village_*",)], listed=["concealing_level_body"])
case("K41 funds_diverted at a village, sector finance, the county (no body) concealed it from the province's 巡视: 县财政 (the record's line, 二(四)3) concealed, not the 扶贫办 or the Party committee; the township not_discovered",
     FU("funds_diverted", sector="finance", discovered=ptour, concealed_by=["county"]), req=[("county_finance", "concealed"), (TWN, "not_discovered")],
     forb=[("county_poverty_office", "concealed"), ("county_party_committee", "concealed"), ("county_government", "concealed"), ("county_finance", "not_discovered")])
case("K42 housing_danger_unreported at a village, concealing_level_body=handling_holders, the county concealed it from the province's 巡视: 县建设 concealed (and the 扶贫办 as the lists' keeper may be named beside it); listed",
     HO("housing_danger_unreported", discovered=ptour, concealed_by=["county"]), params=dict(concealing_level_body="handling_holders"),
     req=[("county_construction", "concealed")], forb=[(TWN, "concealed"), ("county_construction", "not_discovered")], listed=["concealing_level_body"])
case("K43 identification_applicant_not_included at a village, the province's 巡视, 省民政厅 concealed it from its own level's 巡视 (same-level oversight): 省民政 concealed; no county or city body concealed; listed same_level_oversight_concealment",
     ID("identification_applicant_not_included", discovered=ptour, concealed_by=["province_civil_affairs"]),
     req=[("province_civil_affairs", "concealed")], forb=[("county_*", "concealed"), ("city_*", "concealed"), ("province_civil_affairs", "not_discovered")], listed=["same_level_oversight_concealment"])
case("K44 the same with same_level_oversight_concealment=false: 省民政 not concealed; listed",
     ID("identification_applicant_not_included", discovered=ptour, concealed_by=["province_civil_affairs"]), params=dict(same_level_oversight_concealment=False),
     forb=NO_C, listed=["same_level_oversight_concealment"])
case("K45 housing_danger_unreported at a village, the village concealed it from the township's 上级核查 03-01 and the township then sits (as of 03-25): the village concealed; the township not_handled (it found it and must report a house, 二(六)4(2) 及时发现掌握并上报本辖区危房情况); no county",
     HO("housing_danger_unreported", discovered=disc("township", "higher_level_verification"), concealed_by=["village"], **sit),
     req=VIL_C + [(TWN, "not_handled")], forb=[("village_*", "not_handled"), ("village_*", "not_discovered"), ("county_*",), (TWN, "not_discovered")])
case("K46 the province's 巡视 finds a village's own 及时帮助申请 not done, the township concealed it; the province assigns it straight to the township 03-03 (deadline 03-31), not done by 04-30: the township concealed and not_rectified; the province not not_handled; the village not_discovered; no city body",
     NBN(discovered=ptour, concealed_by=["township"], handled=[asg("province", "township")], deadline="2021-03-31", **late),
     req=[(TWN, "concealed"), (TWN, "not_rectified")] + VIL_ND, forb=[("province_*", "not_handled"), ("city_*",), (TWN, "not_discovered")])
case("K47 the township concealed from the county's 上级核查 on 2020-03-05, the day before the policy applied (as of 2020-04-30, no step): no concealment and no 应发现未发现 judged; the county held it on 03-06 unpassed and answers not_handled from then (limit 03-16); listed policy_in_force_from",
     HO("housing_danger_unreported", discovered=disc("county", "higher_level_verification", "2020-03-05"), concealed_by=["township"], as_of="2020-04-30"),
     req=[("county_*", "not_handled")], forb=NO_C + NO_ND, listed=["policy_in_force_from"])
case("K48 a community's house concealed by the township from the county's 上级核查 on 2020-02-10 (before the policy), as of 2020-06-30: nothing concealed is judged; listed policy_in_force_from and residents_committee_place",
     HO("housing_danger_unreported", RC2, discovered=disc("county", "higher_level_verification", "2020-02-10"), concealed_by=["township"], as_of="2020-06-30"),
     forb=NO_C + NO_ND + [("village_*",)], listed=["policy_in_force_from"] + RCP)
case("E29 the province's policy gap (housing) met by the county's hotline at the county's code, reported to the city 03-03; the city hands it DOWN to the county 03-06 (the county makes no such policy: no 交办 to a level that can mend it), as of 03-25: the city not_handled; the county not named (it reported in time, and an assignment it cannot act on binds it to nothing)",
     HO("housing_policy_gap", C, discovered=hot, handled=[rep("county", "city"), asg("city", "county", "2021-03-06")], **sit),
     req=[("city_*", "not_handled")], forb=[("county_*",), ("province_*",)])
case("E30 water_facilities_unmaintained at a village, the village's grid 03-01, reported straight to the county 03-02 (skipping its township), the county sits (as of 03-25): a county body not_handled; the village not (reported in time); the township (never told, and above the finder) not named",
     WFU(discovered=vgrid, handled=[rep("village", "county", "2021-03-02")], **sit), req=[("county_*", "not_handled")], forb=[("village_*",), ("township_*",)] + CITYPROV)
case("E31 funds_diverted at a village, the township's grid 03-01, reported 03-03 to 县纪委 (the county's supervisory organ): by report_to_oversight's default a report to the county; the county sits (as of 03-25): one county body not_handled — not the 纪委; the township not; listed report_to_oversight",
     FU("funds_diverted", discovered=tgrid, handled=[rep("township", "county", body="county_discipline")], **sit),
     req=[("county_*", "not_handled")], forb=[("county_discipline",), (TWN, "not_handled")], listed=["report_to_oversight"])
case("E32 the same with report_to_oversight=set_aside: the township not_handled (its report reached no body with a part in passing it on); the 纪委 not named; listed",
     FU("funds_diverted", discovered=tgrid, handled=[rep("township", "county", body="county_discipline")], **sit), params=dict(report_to_oversight="set_aside"),
     req=[(TWN, "not_handled")], forb=[("county_discipline",)], listed=["report_to_oversight"])
case("E33 the village's own 及时帮助申请 not done, grave, county hotline → township 03-03 → village 03-05, deadline 03-31, not done by 04-30: the township's pressing (supervision) carries staff + unit + leadership like any finding at grave; the county's 主体责任",
     NBN(discovered=hot, handled=[asg("county", "township"), asg("township", "village", "2021-03-05")], deadline="2021-03-31", severity="grave", **late),
     req=[(TWN, "supervision", S3UL)] + CNTY_MR, forb=NO_TWN_MR)
case("E34 the same, serious: the township's pressing staff + unit, no leadership; no 主体责任",
     NBN(discovered=hot, handled=[asg("county", "township"), asg("township", "village", "2021-03-05")], deadline="2021-03-31", severity="serious", **late),
     req=[(TWN, "supervision", S3U)], forb=NO_MR, fl=NOLEAD)
case("E35 the province's housing policy gap met at the county code, reported county → city 03-03 in time; the city sits, grave (as of 03-25): a city body not_handled (staff + unit + leadership); no 主体责任 anywhere — not the city's (the province's policy is not within its authority: main_responsibility_every_level), not the county's (its part was done), not the province's (never told)",
     HO("housing_policy_gap", C, discovered=hot, handled=[rep("county", "city")], severity="grave", **sit), req=[("city_*", "not_handled", S3UL)],
     forb=NO_MR + [("county_*",), ("province_*",)])
case("E36 a county's problem (housing_renovation_late at a village) reported by the township to the CITY 03-03 (skipping the county: a 上级单位 all the same, 一(三)), the city sits (as of 03-25): the city not_handled; the township not (it reported in time); the county (never told) not named not_handled",
     HO("housing_renovation_late", discovered=tgrid, handled=[rep("township", "city")], **sit), req=[("city_*", "not_handled")],
     forb=[(TWN, "not_handled"), ("county_*", "not_handled"), ("province_*",)])
case("U14 a community's house found by the township's 一户一策一干部: nobody (the township found it; no village level)",
     HO("housing_danger_unreported", RC2, discovered=disc("township", "one_household_one_cadre")), forb=NOBODY, listed=RCP)
case("U15 a community's house found by the county's 核查普查: the township not_discovered; no village; no county body not_discovered (its own work found it)",
     HO("housing_danger_unreported", RC2, discovered=disc("county", "verification_census")), req=[(TWN, "not_discovered")], forb=[("village_*",)] + CNTY_ND, listed=RCP)
case("U16 a community's house, the township's grid 03-01, reported to the county 03-03, the county sits (as of 03-25): a county body not_handled; the township not; no village",
     HO("housing_danger_unreported", RC2, discovered=tgrid, handled=[rep("township", "county")], **sit), req=[("county_*", "not_handled")], forb=[("village_*",), ("township_*",)], listed=RCP)
case("U17 a community's house, the township's grid, no step, as of 03-25: the township not_handled (it must report a house it cannot renovate: 二(六)4(2) 及时发现掌握并上报本辖区危房情况); no village",
     HO("housing_danger_unreported", RC2, discovered=tgrid, **sit), req=[(TWN, "not_handled")], forb=[("village_*",), ("county_*",)], listed=RCP)
case("U18 a village-level code with the township as concealer from the city's 调查核查 at a 类似社区 (上塘未来城类似社区): the township concealed; no village; listed",
     HO("housing_danger_unreported", RC3, discovered=disc("city", "survey_verification"), concealed_by=["township"]), req=[(TWN, "concealed")], forb=[("village_*",), (TWN, "not_discovered")], listed=RCP)
case("P14 common_policy_problem placed at the province's code with the city as finder: refused (a finder's level finds at or above the place's level)",
     DI("common_policy_problem", PROV, discovered=disc("city", "research_supervision")), refuse=True)
case("P15 funds_allocation_irregular at the city's code, sector finance, found by the city's own 人大 (二(一)2(1)), as of 03-05: nobody (the city's organ found the city's problem)",
     FU("funds_allocation_irregular", CITY, sector="finance", discovered=disc("city", "congress_cppcc", body="city_congress")), forb=NOBODY)
case("P16 funds_allocation_irregular at the city's code, sector finance, the province audit 03-01, the province sits (as of 03-25): 市财政 not_discovered; a province body not_handled (the city's problem is the city's to mend: the province must hand it down); the audit office not named; no county",
     FU("funds_allocation_irregular", CITY, sector="finance", discovered=disc("province", "audit", body="province_audit"), **sit),
     req=[("city_finance", "not_discovered"), ("province_*", "not_handled")], forb=[("province_audit",), ("county_*",)])
case("D25 project_late_or_unfinished at a village, the city's 12317 platform: the township not_discovered (二(五)2 及时组织实施审批通过项目，确保项目按时按要求完成建设); no city body not_discovered; the platform not named",
     PR("project_late_or_unfinished", discovered=disc("city", "reporting_platform")), req=[(TWN, "not_discovered")], forb=CITY_ND + [("platform_12317",), ("province_*",)])
case("D26 project_late_or_unfinished at a village, the township's “互联网+监督” platform: the township (finder's level) not not_discovered by default; no county",
     PR("project_late_or_unfinished", discovered=disc("township", "internet_supervision")), forb=[("township_*", "not_discovered"), ("county_*",)] + CITYPROV)
case("D27 basic_needs_income_not_raised at a village, the province's 调查核查: the province's and city's departments not not_discovered (province_city_discover_specific_problems default, though 二(六)1(5) 监督检查各地低收入农户增收情况); listed",
     BN("basic_needs_income_not_raised", discovered=disc("province", "survey_verification")), forb=CITY_ND + PROV_ND, listed=["province_city_discover_specific_problems"])
case("D28 the same with province_city_discover_specific_problems=true: a city department not_discovered (二(六)1(5)); listed",
     BN("basic_needs_income_not_raised", discovered=disc("province", "survey_verification")), params=dict(province_city_discover_specific_problems=True),
     req=[("city_*", "not_discovered")], forb=PROV_ND, listed=["province_city_discover_specific_problems"])
case("L21 grave, the county's main-responsibility finding cites the area's own 主体责任 clause (二(六)4(5) 对当地农村危房改造负主体责任) and 二(一)1, not another area's",
     HDU(severity="grave"), req=CNTY_MR, cl=[(b, "main_responsibility", ["二(六)4(5)"], ["二(六)1(4)", "二(六)5(5)"]) for b in ("county_party_committee", "county_government")])
case("L22 grave mechanism_missing at the county's code found by the city's 调研督导: the county's Party committee and government not_discovered (county_finds_own_mechanism default; 二(二)4 健全问题发现办法和整改机制), staff + unit + leadership; no city body not_discovered (city_finds_county_mechanisms default)",
     DI("mechanism_missing", C, discovered=disc("city", "research_supervision"), severity="grave"),
     req=[("county_party_committee", "not_discovered", S3UL), ("county_government", "not_discovered", S3UL)], forb=CITY_ND + NO_CITY_MR)
case("L23 grave, a province body sitting on a city's own problem it found (P16 at grave): the province body not_handled staff + unit + leadership; the city's 主体责任 (its own funds), not the province's (a city's problem, main_responsibility_every_level default) nor the county's",
     FU("funds_allocation_irregular", CITY, sector="finance", discovered=disc("province", "audit", body="province_audit"), severity="grave", **sit),
     req=[("province_*", "not_handled", S3UL), ("city_party_committee", "main_responsibility")], forb=[("county_*",)])

# ===================== after the second run: the extent of E16's disagreement (not blind: written to show it) =====================
case("E37 [After the run: written to show X2's extent] water_facilities_unmaintained at a village, the township's grid 03-01 (the township's 落实工程长效管护, 二(六)5(2), it may put right itself), no step, assessed 03-25: the village not_discovered; the township not yet named not_handled — its 10 + 30 days to put it right itself (self_rectified_report_required default) run to 04-10",
     WFU(discovered=tgrid, **sit), req=VIL_ND, forb=[(TWN, "not_handled")] + [("county_*",)])
case("E38 [After the run: written to show X2's extent, then found to be rectifier_holding's choice — the unit is a body itself to rectify the problem it found, and the parameter's default names it not_handled from its handling limit; first written as an X2 xfail, which was my misreading] water_facilities_unmaintained at the county's code, found by the county water-supply unit's own 核查普查 (二(六)5(3) 具体负责做好农村供水工程长效管理), no step, assessed 03-25: the unit not_handled (rectifier_holding default); listed",
     WA("water_facilities_unmaintained", C, discovered=disc("county", "verification_census", body="county_water_supply_unit"), **sit),
     req=[("county_water_supply_unit", "not_handled")], listed=["rectifier_holding"])
case("E38b [After the run] the same with rectifier_holding=not_rectified: nobody yet (it answers 整改不到位 only from the day a level that did all in time would have seen it rectified, 10 + 30 days); listed",
     WA("water_facilities_unmaintained", C, discovered=disc("county", "verification_census", body="county_water_supply_unit"), **sit),
     params=dict(rectifier_holding="not_rectified"), forb=NO_H + NO_R, listed=["rectifier_holding"])
case("E39 [After the run: the control of E16–E38] the village's own find with self_rectified_report_required=true, assessed 03-25: the village not_handled (it had to report within 10 days whatever it then did). (The verdict does not list the parameter: under the library's reading of E16 the finding does not rest on it — X2's other face; not asserted here)",
     NBN(discovered=vgrid, **sit), params=dict(self_rectified_report_required=True), req=[("village_*", "not_handled")], forb=[("township_*",), ("county_*",)])

# ===================== third batch: written after the second batch's run, before its own =====================
case("K49 the province's 巡视 finds a village's own 及时帮助申请 not done and assigns it straight to the township 03-03 (skipping the city and the county), deadline 03-31, not done by 04-30 (no concealment): the township not_rectified; the city, never shown the problem, does not press it (supervision_scope own_and_shown_above: 一(一) 以县为主体, a city cannot press what it was never shown); the province not not_handled",
     NBN(discovered=ptour, handled=[asg("province", "township")], deadline="2021-03-31", **late), req=[(TWN, "not_rectified")] + VIL_ND,
     forb=[("city_*",), ("province_*", "not_handled"), ("province_*", "not_rectified")])
case("K50 education_policy_gap at a village (the province's policy), found by the province audit, the township named as concealer: accepted — a township always holds its own 及时上报 (二(二)4) — and the township concealed, citing 一(四) and 二(二)4; no village, county or city body",
     A("education")("education_policy_gap", discovered=disc("province", "audit", body="province_audit"), concealed_by=["township"]),
     req=[(TWN, "concealed")], forb=[("village_*",), ("county_*",), ("city_*",), ("province_audit",)], cl=[(TWN, "concealed", ["一(四)", "二(二)4"], [])])
case("K51 concealment before the policy assessed before it too (the township concealed from the county's 上级核查 on 2020-03-05, as of 2020-03-05): refused, not judged (before_effect)",
     HO("housing_danger_unreported", discovered=disc("county", "higher_level_verification", "2020-03-05"), concealed_by=["township"], as_of="2020-03-05"), refuse=True)
case("K52 housing_danger_unreported at a village, concealed_by names 县建设部门 twice (by id and by its Chinese name) from the city's 上级核查: either refused, or 县建设 concealed (checked once, by the test of its own); the township and the village not_discovered",
     HO("housing_danger_unreported", discovered=chv, concealed_by=["county_construction", "县（市、区）建设部门"]), req=[("county_construction", "concealed")] + LOW_ND, refuse_ok=True)
case("K53 housing_danger_unreported at a village, concealed_by names the county level and 县建设 from the province's 巡视: 县建设 concealed (the level's one body the kind gives a part, and the body the record names: one finding, checked by the test of its own); no other county body concealed",
     HO("housing_danger_unreported", discovered=ptour, concealed_by=["county", "county_construction"]), req=[("county_construction", "concealed")],
     forb=[("county_poverty_office", "concealed"), ("county_party_committee", "concealed"), ("county_government", "concealed")], refuse_ok=True)
case("L24 housing_policy_gap at the city's code (the city's own policy), found by the city's own 调研督导 and sat on, grave (as of 03-25): a city body not_handled (staff + unit + leadership); the city's Party committee and government 主体责任 (their own policy: 二(一)1(2) 省市两级…制定出台政策举措); no county or province 主体责任",
     HO("housing_policy_gap", CITY, discovered=disc("city", "research_supervision"), severity="grave", **sit),
     req=[("city_*", "not_handled", S3UL), ("city_party_committee", "main_responsibility"), ("city_government", "main_responsibility")], forb=NO_PROV_MR + [("county_*",)])
case("L25 the province's housing policy gap met by the county's hotline at the county's code, reported county → city 03-03 → province 03-05, the province sits, grave (as of 03-25): a province body not_handled (staff + unit + leadership); the province's Party committee and government 主体责任 (their own policy); no county or city 主体责任 nor any county or city finding",
     HO("housing_policy_gap", C, discovered=hot, handled=[rep("county", "city"), rep("city", "province", "2021-03-05")], severity="grave", **sit),
     req=[("province_*", "not_handled", S3UL), ("province_party_committee", "main_responsibility"), ("province_government", "main_responsibility")], forb=[("county_*",), ("city_*",)])
case("L26 serious, the province's policy gap sat on (L25 at serious): the province body not_handled staff + unit; no 主体责任",
     HO("housing_policy_gap", C, discovered=hot, handled=[rep("county", "city"), rep("city", "province", "2021-03-05")], severity="serious", **sit),
     req=[("province_*", "not_handled", S3U)], forb=NO_MR + [("county_*",), ("city_*",)], fl=NOLEAD)
case("U19 a community's problem, grave, concealed by the township from the city's 上级核查 with township_main_responsibility=true: the township concealed (staff + unit + leadership); the township's and the county's 主体责任; no village; listed both",
     HO("housing_danger_unreported", RC2, discovered=chv, concealed_by=["township"], severity="grave"), params=dict(township_main_responsibility=True),
     req=[(TWN, "concealed", S3UL), ("township_party_committee", "main_responsibility"), ("township_government", "main_responsibility")] + CNTY_MR,
     forb=[("village_*",)] + NO_CITY_MR, listed=RCP + ["township_main_responsibility"])
case("D29 housing_danger_unreported at a village, the province's press: village + township not_discovered; no county body not_discovered (一(一) 县级 finds — but outside_channel_finder_level concerns the finder's level only: the county is below the finder, and 二(二)3 县…成员单位…动态发现 makes 县建设 answer for a house in its line?) — the text leaves 县建设's part open here, so only the village and the township are required; no city or province body not_discovered",
     HO("housing_danger_unreported", discovered=disc("province", "media")), req=LOW_ND, forb=CITY_ND + PROV_ND + [("media",)])
case("D30 water_quality_test_failed at the county's code (卫健部门负责水质监测网络建设和安全检测工作, 二(六)5(4)), sector health, found by the city's 调查核查: 县卫健 not_discovered, and the county's water-supply unit too (二(六)5(3) 落实水质自检…确保供水达标: its own testing, which no line of the record's narrows); not 县水利; no village/township. [After the run: first written forbidding the unit — a misreading: `sector` names whose department's line it is, and the unit is no line's department; its 水质自检 would have found the same water]",
     WA("water_quality_test_failed", C, sector="health", discovered=disc("city", "survey_verification")), req=[("county_health", "not_discovered"), ("county_water_supply_unit", "not_discovered")],
     forb=[("county_water", "not_discovered"), ("village_*",), ("township_*",)] + CITY_ND)

# ===================== fourth batch: written after the third batch's run, before its own =====================
HRL = lambda **k: HO("housing_renovation_late", **k)
case("E40 housing_renovation_late at a village, county hotline 03-01; the county hands it to 县教育局 03-03 (a body the text gives no part in housing: no 交办 按程序, 一(三) 按照问题类别…分类交办), and the house is renovated 03-20 all the same (as of 04-30): the county answers for its step not made 按程序 (一(四) 对发现问题没有按程序及时交办和上报的) whatever the outcome; 县教育局 answers nothing (misassigned_body_passes_on default); listed irregular_step",
     HRL(discovered=hot, handled=[asg("county", "county", body="county_education")], rectified_on="2021-03-20", **late),
     req=[("county_*", "not_handled")], forb=[("county_education",)] + NOT_LATE, listed=["irregular_step"])
case("E41 the same never renovated, as of 04-30: the county not_handled; 县教育局 nothing; listed irregular_step",
     HRL(discovered=hot, handled=[asg("county", "county", body="county_education")], **late),
     req=[("county_*", "not_handled")], forb=[("county_education",)], listed=["irregular_step"])
case("E42 housing_renovation_late, the township's grid 03-01, the township hands it DOWN to its village 03-03 (二(六)4(1) gives the village only 协助: no disposal), renovated 03-20 all the same (as of 04-30): the township not_handled for its step (二(六)4(2) 及时发现掌握并上报本辖区危房情况; 一(四)); the village not not_rectified",
     HRL(discovered=tgrid, handled=[asg("township", "village")], rectified_on="2021-03-20", **late),
     req=[(TWN, "not_handled")], forb=[("village_*", "not_rectified"), ("village_*", "not_handled"), ("county_*",)])
case("E43 identification_eligible_omitted at a village, county hotline 03-01 → township 03-03; the township reports it to 县民政局 03-05 (二(三)3 负责…通过审核审批，纳入低收入农户), which sits (as of 04-30): 县民政 not_handled (rectifier_holding default); the township not not_rectified (assignee_report_to_rectifier passed_on); listed assignee_report_to_rectifier",
     IEO(discovered=hot, handled=[asg("county", "township"), rep("township", "county", "2021-03-05", body="county_civil_affairs")], **late),
     req=[("county_civil_affairs", "not_handled")], forb=[(TWN, "not_rectified"), (TWN, "not_handled")], listed=["assignee_report_to_rectifier"])
case("E44 the same with assignee_report_to_rectifier=assignee_answers and a deadline of 03-31: the township not_rectified beside 县民政; listed",
     IEO(discovered=hot, handled=[asg("county", "township"), rep("township", "county", "2021-03-05", body="county_civil_affairs")], deadline="2021-03-31", **late),
     params=dict(assignee_report_to_rectifier="assignee_answers"), req=[("county_civil_affairs", None), (TWN, "not_rectified")], listed=["assignee_report_to_rectifier"])
case("K54 health_false_materials at a village, 县医保's own 核查普查, the village concealed them: the village concealed; the township not_discovered (二(六)3(2) 对入户核实的申请材料的真实性负责); 县医保 (finder) not not_discovered (review_answers_for_false_materials default, and it found them)",
     HE("health_false_materials", discovered=disc("county", "verification_census", body="county_medical_insurance"), concealed_by=["village"]),
     req=VIL_C + [(TWN, "not_discovered")], forb=[("county_medical_insurance",), ("village_*", "not_discovered")] + CITYPROV)
case("K55 identification_ineligible_included at a village, the city's 调查核查, the township concealed: the township concealed; the village not_discovered (二(三)1); 县民政 (二(三)3 信息核对) is the county's and not named concealed",
     ID("identification_ineligible_included", discovered=disc("city", "survey_verification"), concealed_by=["township"]),
     req=[(TWN, "concealed")] + VIL_ND, forb=[("county_civil_affairs", "concealed"), (TWN, "not_discovered")] + CITY_ND)
case("K56 education_student_not_identified at a village, the province's 巡视, the county (no body named) concealed it: 县教育局 concealed (二(六)2(2) 负责各有关学校学生资助对象认定、审核: the one county department with a part in passing it on) — not 县财政, 县民政, 县残联 or 县扶贫办; the school not_discovered",
     A("education")("education_student_not_identified", discovered=ptour, concealed_by=["county"]),
     req=[("county_education", "concealed"), ("county_school", "not_discovered")],
     forb=[("county_finance", "concealed"), ("county_civil_affairs", "concealed"), ("county_disabled_federation", "concealed"), ("county_poverty_office", "concealed")])
case("P17 funds_rules_gap at the province's code (二(四)7 财政部门…会同有关行业主管部门制定扶贫资金管理和绩效评价制度), found by the province's own 纪委 (as of 03-05): nobody",
     FU("funds_rules_gap", PROV, discovered=disc("province", "discipline_inspection", body="province_discipline")), forb=NOBODY)
case("P18 the same, the province's 纪委 and nobody else holding it, grave, as of 03-25: a province body not_handled (not the 纪委: 二(一)2 监督责任 passes on nothing); the province's 主体责任 (its own rules)",
     FU("funds_rules_gap", PROV, discovered=disc("province", "discipline_inspection", body="province_discipline"), severity="grave", **sit),
     req=[("province_*", "not_handled", S3UL), ("province_party_committee", "main_responsibility")], forb=[("province_discipline",), ("city_*",), ("county_*",)])
case("U20 a community's 困难群众 not helped, the township's 一户一策一干部 03-01, the township sits (as of 04-30, nothing put right): the township not_handled (no village to hand it to; it must put it right or report it); no village; listed",
     BN("basic_needs_not_helped_to_apply", RC2, discovered=disc("township", "one_household_one_cadre"), **late), req=[(TWN, "not_handled")], forb=[("village_*",), ("county_*",)], listed=RCP)

# ===================== fifth batch: written after the fourth batch's run, before its own =====================
# ``one``: (body glob, basis) that exactly one body of the verdict matches (a level named as concealer stands for one body)
case("K57 funds_diverted at a village, the province's 巡视, the city (no body named) concealed it: exactly one city body concealed (concealing_level_body unresolved: 一(四) 相关工作人员 — the record does not say which of the city's departments with a part hid it); not the city's Party committee or government; village, township and 县财政 not concealed",
     FU("funds_diverted", discovered=ptour, concealed_by=["city"]), req=[("city_*", "concealed")],
     forb=[("city_party_committee", "concealed"), ("city_government", "concealed"), ("county_*", "concealed"), (TWN, "concealed"), ("village_*", "concealed")], listed=["concealing_level_body"])
CASES[-1]["one"] = [("city_*", "concealed")]
case("K58 funds_diverted at a village, the province's 巡视, the county (no body named) concealed it, no line given: exactly one county body concealed; not the county's Party committee or government",
     FU("funds_diverted", discovered=ptour, concealed_by=["county"]), req=[("county_*", "concealed")],
     forb=[("county_party_committee", "concealed"), ("county_government", "concealed")], listed=["concealing_level_body"])
CASES[-1]["one"] = [("county_*", "concealed")]
FDC = lambda **k: FU("funds_diverted", C, sector="finance", discovered=disc("province", "audit", body="province_audit"), handled=[asg("province", "county", "2021-03-03", body="county_finance")], deadline="2021-03-31", **late, **k)
case("S1 funds_diverted at the county's code, sector finance, found by the province audit, assigned by the province to 县财政 03-03 (deadline 03-31), not put right by 04-30: 县财政 not_rectified; the province presses (supervision: it had the problem and handed it down); the city, never shown it, does not (supervision_scope own_and_shown_above); no village/township",
     FDC(), req=[("county_finance", "not_rectified"), ("province_*", "supervision")], forb=[("city_*",), ("village_*",), ("township_*",), ("province_audit",)] + NO_H)
case("S2 the same with supervision_scope=next_level: only the county's own supervisors (the nearest level at or above the assignee) press; no province or city body; listed",
     FDC(), params=dict(supervision_scope="next_level"), req=[("county_finance", "not_rectified"), ("county_*", "supervision")],
     forb=[("province_*", "supervision"), ("city_*",)], listed=["supervision_scope"])
case("S3 the same with supervision_scope=own_and_level_above: the nearest supervising level above the county, the city, presses whether or not it was shown the problem; listed",
     FDC(), params=dict(supervision_scope="own_and_level_above"), req=[("county_finance", "not_rectified"), ("city_*", "supervision")], listed=["supervision_scope"])
case("S4 the same put right 03-30 (as of 04-30): nobody but 县财政's own 应发现未发现 (二(四)3; the province audit found it) — no pressing, no 整改不到位",
     FU("funds_diverted", C, sector="finance", discovered=disc("province", "audit", body="province_audit"), handled=[asg("province", "county", "2021-03-03", body="county_finance")], deadline="2021-03-31", rectified_on="2021-03-30", **late),
     req=[("county_finance", "not_discovered")], forb=NOT_LATE + NO_H + [("city_*",), ("province_*",)])
case("S5 the same unrectified, grave: 县财政 not_rectified and not_discovered (staff + unit + leadership); the county's 主体责任 (二(四)6 对当地资金管理负主体责任); the province's pressing carries no 主体责任 for the province (a county's problem: main_responsibility_every_level default). [After the run: first written requiring the verdict to list main_responsibility_every_level — a misreading: under its other value too a province's failure to press (supervision) raises no province 主体责任 (only a failure of its own, such as sitting on the problem, does), so the value changes nothing here and the verdict rightly does not rest on it]",
     FU("funds_diverted", C, sector="finance", discovered=disc("province", "audit", body="province_audit"), handled=[asg("province", "county", "2021-03-03", body="county_finance")], deadline="2021-03-31", severity="grave", **late),
     req=[("county_finance", "not_rectified", S3UL), ("county_finance", "not_discovered", S3UL)] + CNTY_MR, forb=NO_PROV_MR + NO_CITY_MR,
     cl=[(b, "main_responsibility", ["二(四)6"], ["二(六)4(5)"]) for b in ("county_party_committee", "county_government")])

# ===================== sixth batch: every channel at every level (written before its run) =====================
# One house left unreported at 富城村 (housing_danger_unreported: 二(六)4(1) the village, 二(六)4(2) the township, each
# 及时发现掌握并上报), found through each of the text's 20 channels at each of the five levels. The levels a channel runs
# are the clauses' (records.md "Levels, channels and bodies": 全科网格, 一户一策一干部, 动态跟踪 and 核查普查 the county's and
# below, 一(一); 调查核查 and 调研督导 省市两级's; the hotline the county's, 一(二); 上级核查 a level above another's; 审计 and 巡视
# the county's and up; 纪委监委, 人大政协 and 财政检查 the township's and up; the platform, e-mail, the media and 互联网+监督
# any level's; 绩效评估 the county's and up, 检查组抽查 and 督查 省市's): elsewhere the record is refused. Where accepted the
# channel makes its level the finder: the village and the township answer not_discovered when the finder is above them,
# never the finder's level or one above it (outside_channel_finder_level default; 一(一) 省市两级 find policies, not a
# village's house), no outside body is named, and nobody answers for lateness as of 03-05.
LEVELS = ["village", "township", "county", "city", "province"]
RUNS = {
    "grid": LEVELS[:3], "one_household_one_cadre": LEVELS[:3], "dynamic_tracking": LEVELS[:3], "verification_census": LEVELS[:3],
    "survey_verification": LEVELS[3:], "research_supervision": LEVELS[3:], "hotline": ["county"],
    "reporting_platform": LEVELS, "email": LEVELS, "media": LEVELS, "internet_supervision": LEVELS,
    "congress_cppcc": LEVELS[1:], "discipline_inspection": LEVELS[1:], "audit": LEVELS[2:], "inspection_tour": LEVELS[2:],
    "higher_level_verification": LEVELS[1:], "finance_check": LEVELS[1:], "performance_evaluation": LEVELS[2:],
    "spot_check": LEVELS[3:], "supervisory_check": LEVELS[3:],
}
for _ch, _runs in RUNS.items():
    for _i, _lv in enumerate(LEVELS):
        _name = f"CH-{_lv}-{_ch} housing_danger_unreported at a village found through {_ch} at the {_lv} level"
        _rec = HO("housing_danger_unreported", discovered=disc(_lv, _ch))
        if _lv not in _runs:
            case(_name + ": refused (the channel is not the level's)", _rec, refuse=True)
            continue
        _req = (VIL_ND if _i >= 1 else []) + ([(TWN, "not_discovered")] if _i >= 2 else [])
        _forb = [(f"{lv}_*", "not_discovered") for lv in LEVELS[_i:]] + [("media",), ("platform_12317",)] + NO_H + NOT_LATE
        case(_name + ": " + ("the village" if _i == 1 else "the village and the township" if _i >= 2 else "nobody") +
             " not_discovered; nobody at or above the finder's level", _rec, req=_req, forb=_forb)

# ===================== seventh batch: every problem kind at a community and at a village (written before its run) =====================
# Each of the 66 kinds of the nine areas, heard of on the county hotline 03-01 and assessed 03-25 (the county has sat on
# it): placed at 青城社区 (a 居民委员会), no village body is ever named — the text's village duties are a 村党支部's and a
# 村委会's (二(一)1(1), 二(二)1), which a community does not have — and the verdict says it rests on
# residents_committee_place (records.md: "Under either value the verdict … names the parameter among what it rests
# on"); placed at 富城村 (a 村民委员会), the verdict does not rest on it. A kind whose record the format refuses at such a
# place may be refused (refuse_ok). [After the run: 40 of the 66 community verdicts do not list the parameter (X3); the
# listing moved from each record to one strict xfail over all 66 (tests/test_from_text62.py), so that the records keep
# checking, as they pass, that no village body is named.]
KINDS = {
    "basic_needs": ["basic_needs_not_helped_to_apply", "basic_needs_eligible_not_included", "basic_needs_approval_late", "basic_needs_payment_late", "basic_needs_below_floor", "basic_needs_contact_missing", "basic_needs_income_not_raised", "basic_needs_employment_insufficient", "basic_needs_direct_help_missing", "basic_needs_policy_gap"],
    "discovery": ["specific_problem", "mechanism_missing", "common_policy_problem", "province_city_mechanism_gap"],
    "education": ["education_student_not_identified", "education_aid_not_paid", "education_aid_funds_irregular", "education_aid_records_irregular", "education_funds_irregular", "education_lists_not_provided", "education_aid_procedure_irregular", "education_aid_support_missing", "education_policy_gap"],
    "funds": ["funds_diverted", "funds_poor_performance", "funds_performance_evaluation_missing", "funds_assets_mismanaged", "funds_allocation_irregular", "funds_rules_gap"],
    "health": ["health_application_not_helped", "health_false_materials", "health_assistance_late", "health_costs_accounting_irregular", "health_insurance_not_in_place", "health_policy_gap"],
    "housing": ["housing_danger_unreported", "housing_renovation_late", "housing_records_false", "housing_safety_system_missing", "housing_subsidy_irregular", "housing_policy_gap", "housing_line_policy_gap"],
    "identification": ["identification_eligible_omitted", "identification_applicant_not_included", "identification_ineligible_included", "identification_pushed_info_untrue", "identification_policy_gap"],
    "projects": ["project_not_deliberated", "project_false_or_unnecessary", "project_late_or_unfinished", "project_acceptance_lax", "project_ledger_incomplete", "project_not_entered_in_system", "project_records_incomplete", "projects_policy_gap"],
    "water": ["water_unsafe_unreported", "water_quality_substandard", "water_quality_test_failed", "water_self_testing_not_done", "water_facilities_unmaintained", "water_emergency_failure", "water_project_quality_unsafe", "water_project_funds_irregular", "water_project_irregular", "water_monitoring_network_missing", "water_policy_gap"],
}
for _area, _kinds in KINDS.items():
    for _k in _kinds:
        case(f"RC-{_k} {_k} at 青城社区 (a community), the county hotline, as of 03-25: no village body named (its listing of residents_committee_place is checked apart: test_every_verdict_at_a_community_says_it_rests_on_residents_committee_place)",
             R(_area, _k, RC2, discovered=hot, **sit), forb=[("village_*",)], refuse_ok=True)
        case(f"VC-{_k} {_k} at 富城村 (a village), the county hotline, as of 03-25: the verdict does not rest on residents_committee_place",
             R(_area, _k, discovered=hot, **sit), notlisted=RCP, refuse_ok=True)

# ===================== eighth batch: concealment by each level at each severity (written before its run) =====================
# One unreported house at 富城村, concealed by the village, the township, the county or the city from a check by the
# level above (上级核查) — and by the county or the city from the province's 巡视 — at each severity: the concealer
# (村党支部、村委会; 乡镇政府; 县建设, the county's one department with a part in passing a house on; 市建设, 二(六)4(6)) answers
# 瞒报漏报 with the staff always, the unit from serious, the leaders at grave (一(四) 根据情形严重和不良后果程度); the
# county's Party committee and government bear 主体责任 at grave (二(一)1(1), 二(六)4(5): every failure is at or below
# the county or, for the city's concealment, the village's and township's misses beside it), and nobody else's
# 主体责任 — not the township's, the city's or the province's (defaults).
_CONCEALER = {"village": VIL, "township": [TWN], "county": ["county_construction"], "city": ["city_construction"]}
_TIERS = {"minor": S3, "serious": S3U, "grave": S3UL}
for _j, (_lv, _bodies) in enumerate(_CONCEALER.items()):
    for _chl, _ch in ((LEVELS[_j + 1], "higher_level_verification"), ("province", "inspection_tour")):
        if _ch == "inspection_tour" and _lv in ("village", "township"):
            continue
        for _sev, _tier in _TIERS.items():
            _mr = CNTY_MR if _sev == "grave" else []
            case(f"KS-{_lv}-{_chl}-{_ch}-{_sev} a village's unreported house concealed by the {_lv} from the {_chl}'s {_ch}, {_sev}: the concealer {_tier}; " + ("the county's 主体责任 only" if _mr else "no 主体责任"),
                 HO("housing_danger_unreported", discovered=disc(_chl, _ch), concealed_by=[_lv], severity=_sev),
                 req=[(b, "concealed", _tier) for b in _bodies] + _mr,
                 forb=NO_TWN_MR + NO_CITY_MR + NO_PROV_MR + ([] if _mr else NO_MR) + [(b, "not_discovered") for b in _bodies],
                 fl=([] if _sev == "grave" else NOLEAD) + ([] if _sev != "minor" else NOUNIT))
