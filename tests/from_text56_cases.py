"""check56's records, written from the text (section 二(一)/二(二) problem discovery, 二(四) funds, 二(五) projects, and
cross-level shapes of 一(三)–(四)) before the library was run on them (session 56).

Each case: a record, the parameters it is read under, the findings the text requires (``req``: body or glob, basis,
optionally the liabilities) and forbids (``forb``), and the readings the verdict must (``listed``) or must not
(``notlisted``) list. tests/test_from_text56.py runs them. The auditor's report, with the clause behind each, is
/work/helpers/s56/check56.md in the session's notes; the names below say the reading in brief. Written in six
batches, each before its run (F, J, D, K; B; C; E1–E6; H; N); E7 and E8 after E4's run, L1–L5 after the per-line scans. D6, D7 and K9 first
placed the 全省共性问题 at the province's code with a county finder, which the record format refuses (a finder's level
finds at or below its own code; a policy problem placed there is read as the province's): their place is the county's,
their findings as written before the run.
"""
# ruff: noqa: E501, E702, RUF005
# One record to a call, as tests/from_text55_cases.py writes them (not reflowed by ruff format):
# fmt: off

# Each: rec, params, req [(body|glob, basis|None, [liabs]|None)], forb [(body|glob, basis|None)], listed, notlisted.
from .from_text import (
    CITY,
    CITYPROV,
    CNTY_MR,
    LOW_ND,
    NO_MR,
    NOLOW,
    NOT_LATE,
    OVERS,
    PROV,
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
FU = A("funds"); PJ = A("projects"); DI = A("discovery")
sit = dict(as_of="2021-03-25")

# ===================== 资金管理使用 二(四) =====================
case("F1 funds_diverted at a village, county hotline: village (二(二)1, 二(四)1) + township (二(二)2, 二(四)2 专款专用审核) not_discovered; the county received it, so no county body not_discovered; no city/province",
     FU("funds_diverted", discovered=hot), req=LOW_ND, forb=CITYPROV + [("county_*", "not_discovered")] + NO_MR)
case("F2 funds_diverted at a village, city 调研督导: village + township + 县财政 (二(四)3 对乡、村两级使用的扶贫项目资金专款专用负审核责任) not_discovered; no city body, no unrelated county department",
     FU("funds_diverted", discovered=cres()), req=LOW_ND + [("county_finance", "not_discovered")],
     forb=[("city_*", "not_discovered"), ("county_education",), ("county_health",), ("county_civil_affairs",)] + NO_MR + OVERS)
case("F3 funds_diverted at the county, sector water, city 调研督导: 县水利 (二(四)5 本部门扶贫领域资金使用管理、监督检查) not_discovered; no village/township (not their area), no other department's line",
     FU("funds_diverted", C, sector="water", discovered=cres()), req=[("county_water", "not_discovered")],
     forb=NOLOW + [("county_education",), ("county_health",), ("county_civil_affairs",), ("city_*", "not_discovered")])
case("F4 funds_poor_performance at a village, city 调研督导, no sector: village (使用效率) + township (绩效负责) not_discovered, and a county body (扶贫办 or the line's department, 对资金使用的绩效负责)",
     FU("funds_poor_performance", discovered=cres()), req=LOW_ND + [("county_*", "not_discovered")],
     forb=[("city_*", "not_discovered")] + NO_MR + OVERS)
case("F5 funds_poor_performance at the county, sector poverty_office, city: 县扶贫办 (二(四)4 对资金使用的绩效负责) not_discovered; no village/township; no other line",
     FU("funds_poor_performance", C, sector="poverty_office", discovered=cres()), req=[("county_poverty_office", "not_discovered")],
     forb=NOLOW + [("county_water",), ("county_education",), ("county_civil_affairs",), ("city_*", "not_discovered")])
case("F6 funds_performance_evaluation_missing, sector water, county code, city: 县水利 (二(四)5 组织实施绩效目标申报、绩效评价) not_discovered; not 县扶贫办 (not its line); no village/township",
     FU("funds_performance_evaluation_missing", C, sector="water", discovered=cres()), req=[("county_water", "not_discovered")],
     forb=NOLOW + [("county_poverty_office", "not_discovered"), ("county_education",), ("city_*", "not_discovered")])
case("F7 funds_performance_evaluation_missing, sector poverty_office: 县扶贫办 (二(四)4) not_discovered; no 县水利, no village/township",
     FU("funds_performance_evaluation_missing", C, sector="poverty_office", discovered=cres()), req=[("county_poverty_office", "not_discovered")],
     forb=NOLOW + [("county_water",), ("county_health",), ("city_*", "not_discovered")])
case("F8 funds_assets_mismanaged at a village, city: village (资产管理) + township (扶贫资产运营日常监管) + 县财政 (当地扶贫资产全面监管) not_discovered",
     FU("funds_assets_mismanaged", discovered=cres()), req=LOW_ND + [("county_finance", "not_discovered")],
     forb=[("city_*", "not_discovered"), ("county_education",), ("county_health",)] + NO_MR)
case("F9 funds_allocation_irregular at the county, no sector, city: 县财政 (审核…资金分配建议、办理资金分配) not_discovered; no village/township",
     FU("funds_allocation_irregular", C, discovered=cres()), req=[("county_finance", "not_discovered")],
     forb=NOLOW + [("city_*", "not_discovered")] + NO_MR)
case("F10 funds_allocation_irregular, sector poverty_office: 县财政 (审核、办理分配) + 县扶贫办 (提出资金分配建议) not_discovered; not 县水利",
     FU("funds_allocation_irregular", C, sector="poverty_office", discovered=cres()), req=[("county_finance", "not_discovered"), ("county_poverty_office", "not_discovered")],
     forb=NOLOW + [("county_water",), ("county_education",)])
case("F11 funds_rules_gap (制度不完善) at the county code, county hotline, reported up in time (03-03 city, 03-04 province), as of 03-30: no county body, no village/township (一(三) 超出本级权限的及时向上级单位报送: done)",
     FU("funds_rules_gap", C, discovered=hot, handled=[rep("county", "city"), rep("city", "province", "2021-03-04")], as_of="2021-03-30"),
     forb=[("county_*",)] + NOLOW + OVERS)
case("F12 funds_rules_gap, county hotline, the county sits 24 days: a county body not_handled (一(三) 超出本级权限的及时向上级单位报送; 一(四) 没有按程序及时交办和上报); no village/township",
     FU("funds_rules_gap", C, discovered=hot, **sit), req=[("county_*", "not_handled")], forb=NOLOW + [("county_*", "not_discovered")] + CITYPROV)
case("F13 funds_rules_gap of the city's own (city code), found by the city's 调研督导 (市扶贫办), sat 24 days: a city body not_handled (二(四)7 its own 制度); no county",
     FU("funds_rules_gap", CITY, discovered=cres("city_poverty_office"), **sit), req=[("city_*", "not_handled")], forb=[("county_*",), ("province_*", "not_discovered")] + NOLOW)
case("F14 funds_diverted, grave, city: county 主体责任 (二(四)6 对当地资金管理负主体责任); village staff+unit+leadership; no township 主体责任",
     FU("funds_diverted", severity="grave", discovered=cres()),
     req=CNTY_MR + [(b, "not_discovered", ["staff", "unit", "leadership"]) for b in VIL], forb=[("township_*", "main_responsibility"), ("city_*", "main_responsibility")])
case("F15 funds_diverted, serious, city: village staff+unit, no leadership, no 主体责任",
     FU("funds_diverted", severity="serious", discovered=cres()), req=[(b, "not_discovered", ["staff", "unit"]) for b in VIL], forb=NO_MR)
case("F16 funds_diverted at a village, county→township 03-03 (deadline 03-31), never rectified: township not_rectified; no city",
     FU("funds_diverted", discovered=hot, handled=[asg("county", "township")], deadline="2021-03-31", **late),
     req=[(TWN, "not_rectified")], forb=[("city_*",), ("province_*",), ("county_education",)])
case("F17 funds_diverted at a village, found by the city's audit (审计, an outside channel): village + township + 县财政 not_discovered; the city audit and city bodies not named",
     FU("funds_diverted", discovered=disc("city", "audit", body="city_audit")), req=LOW_ND + [("county_finance", "not_discovered")],
     forb=[("city_audit",), ("city_*", "not_discovered")])
case("F18 funds_diverted concealed by the township from the province 巡视: township concealed (一(四) 瞒报漏报); village not concealed",
     FU("funds_diverted", discovered=disc("province", "inspection_tour"), concealed_by=["township"]),
     req=[(TWN, "concealed")], forb=[("village_*", "concealed"), ("county_*", "concealed")])
case("F19 funds_diverted concealed by 县财政 from the city audit: 县财政 concealed; no other county body concealed",
     FU("funds_diverted", discovered=disc("city", "audit", body="city_audit"), concealed_by=["county_finance"]),
     req=[("county_finance", "concealed")], forb=[("county_poverty_office", "concealed"), ("township_*", "concealed"), ("village_*", "concealed")])
case("F20 funds_poor_performance, city→县扶贫办 03-03, deadline 03-31, as of 03-30 not rectified: no 整改不到位 yet",
     FU("funds_poor_performance", C, sector="poverty_office", discovered=cres(), handled=[asg("city", "county", body="county_poverty_office")], deadline="2021-03-31", as_of="2021-03-30"),
     req=[("county_poverty_office", "not_discovered")], forb=NOT_LATE + [("*", "not_handled")])
case("F21 the same as of 04-30: 县扶贫办 not_rectified; no village/township",
     FU("funds_poor_performance", C, sector="poverty_office", discovered=cres(), handled=[asg("city", "county", body="county_poverty_office")], deadline="2021-03-31", **late),
     req=[("county_poverty_office", "not_rectified")], forb=NOLOW + [("county_water",), ("county_finance", "not_rectified")])
case("F22 funds_assets_mismanaged, the village found it itself (全科网格) and sat 24 days: the village answers (not handled), the township and county did not fail to find it [fid65: as of 04-30, past its 10 + 30 days — on 03-25 it could still put it right itself and is named by nobody yet (self_rectified_report_required false; check62 X2, E16)]",
     FU("funds_assets_mismanaged", discovered=disc("village", "grid"), **late), req=[("village_*", "not_handled")],
     forb=[(TWN, "not_discovered"), ("county_*", "not_discovered")] + CITYPROV)
case("F23 funds_diverted at the township (township code), city: township + 县财政 not_discovered; no village",
     FU("funds_diverted", T, discovered=cres()), req=[(TWN, "not_discovered"), ("county_finance", "not_discovered")], forb=[("village_*",), ("city_*", "not_discovered")])
case("F24 funds_allocation_irregular, province 调查核查: 县财政 not_discovered; no city/province body not_discovered by default (一(一) gives specific problems to the county)",
     FU("funds_allocation_irregular", C, discovered=disc("province", "survey_verification")), req=[("county_finance", "not_discovered")],
     forb=[("city_*", "not_discovered"), ("province_*", "not_discovered")] + NOLOW)
case("F25 funds_diverted, 县财政 found it in its own check (核查普查), assigned to the township 03-03, rectified 03-20: village + township not_discovered only",
     FU("funds_diverted", discovered=disc("county", "verification_census", body="county_finance"), handled=[asg("county", "township")], deadline="2021-03-31", rectified_on="2021-03-20", **late),
     req=LOW_ND, forb=[("county_*",), ("*", "not_rectified"), ("*", "not_handled"), ("*", "supervision")] + CITYPROV)
case("F26 funds_diverted, county hotline, county sits 24 days: one county body not_handled; the village/township not_handled? no (they never had it)",
     FU("funds_diverted", discovered=hot, **sit), req=[("county_*", "not_handled")] + LOW_ND,
     forb=[("village_*", "not_handled"), ("township_*", "not_handled")] + CITYPROV)
case("F27 funds_assets_mismanaged, grave at a village, city: county 主体责任 二(四)6; township staff+unit+leadership",
     FU("funds_assets_mismanaged", severity="grave", discovered=cres()), req=CNTY_MR + [(TWN, "not_discovered", ["staff", "unit", "leadership"])],
     forb=[("township_*", "main_responsibility")])
case("F28 funds_performance_evaluation_missing, sector water, city→县水利 03-03, deadline 03-31, never fixed: 县水利 not_rectified; 县扶贫办 not rectifier",
     FU("funds_performance_evaluation_missing", C, sector="water", discovered=cres(), handled=[asg("city", "county", body="county_water")], deadline="2021-03-31", **late),
     req=[("county_water", "not_rectified")], forb=NOLOW + [("county_poverty_office", "not_rectified"), ("county_health",)])

# ===================== 项目管理 二(五) =====================
case("J1 project_not_deliberated at a village, city 调研督导: village (二(五)1 组织召开村民代表大会…公示后上报) + township (二(二)2) not_discovered; no city body",
     PJ("project_not_deliberated", discovered=cres()), req=LOW_ND, forb=[("city_*", "not_discovered"), ("county_health",), ("county_education",)] + NO_MR + OVERS)
case("J2 project_false_or_unnecessary at a village, city: township (二(五)2 审核真实性、必要性) + 县扶贫办 (二(五)3 按规定程序审核纳入项目库) not_discovered",
     PJ("project_false_or_unnecessary", discovered=cres()), req=[(TWN, "not_discovered"), ("county_poverty_office", "not_discovered")],
     forb=[("city_*", "not_discovered"), ("county_health",), ("county_education",), ("county_civil_affairs",)] + NO_MR)
case("J3 project_late_or_unfinished at a village, city: village (负责做好村级项目实施) + township (及时组织实施…确保项目按时按要求完成建设) not_discovered",
     PJ("project_late_or_unfinished", discovered=cres()), req=LOW_ND, forb=[("city_*", "not_discovered"), ("county_health",), ("county_education",)] + NO_MR)
case("J4 project_acceptance_lax, sector water, county code, city: 县水利 (各自业务范围的项目…检查、验收和绩效评价) not_discovered; not 县扶贫办; no village/township",
     PJ("project_acceptance_lax", C, sector="water", discovered=cres()), req=[("county_water", "not_discovered")],
     forb=NOLOW + [("county_poverty_office", "not_discovered"), ("county_health",), ("city_*", "not_discovered")])
case("J5 project_acceptance_lax, no sector, county code, city: a county body (the 问题所属部门) not_discovered; no village/township",
     PJ("project_acceptance_lax", C, discovered=cres()), req=[("county_*", "not_discovered")], forb=NOLOW + [("city_*", "not_discovered")])
case("J6 project_ledger_incomplete at the township, city: township (二(五)2 做好项目台账资料) not_discovered; no village",
     PJ("project_ledger_incomplete", T, discovered=cres()), req=[(TWN, "not_discovered")], forb=[("village_*",), ("city_*", "not_discovered"), ("county_health",)])
case("J7 project_not_entered_in_system, county code, city: 县扶贫办 (及时录入全国扶贫开发信息系统项目管理板块) not_discovered only",
     PJ("project_not_entered_in_system", C, discovered=cres()), req=[("county_poverty_office", "not_discovered")],
     forb=NOLOW + [("county_finance",), ("county_ethnic_religious",), ("county_water",), ("county_sector_department",), ("city_*", "not_discovered")])
case("J8 projects_policy_gap at the county code, reported up in time: no county body, no village/township; no health/education/civil affairs (二(五)5 扶贫、财政、民宗)",
     PJ("projects_policy_gap", C, discovered=hot, handled=[rep("county", "city"), rep("city", "province", "2021-03-04")], as_of="2021-03-30"),
     forb=[("county_*",), ("*_health",), ("*_education",), ("*_civil_affairs",)] + NOLOW + OVERS)
case("J9 projects_policy_gap, the county sits 24 days: a county body not_handled (一(三) 超出本级权限…及时报送)",
     PJ("projects_policy_gap", C, discovered=hot, **sit), req=[("county_*", "not_handled")], forb=NOLOW + CITYPROV)
case("J10 project_not_entered_in_system, city→县扶贫办 03-03, deadline 03-31, never fixed: 县扶贫办 not_rectified; not 县财政",
     PJ("project_not_entered_in_system", C, discovered=cres(), handled=[asg("city", "county", body="county_poverty_office")], deadline="2021-03-31", **late),
     req=[("county_poverty_office", "not_rectified")], forb=NOLOW + [("county_finance",), ("county_water",)])
case("J11 project_late_or_unfinished, grave, at a village, city: county 主体责任 (二(五)4); village + township staff+unit+leadership",
     PJ("project_late_or_unfinished", severity="grave", discovered=cres()),
     req=CNTY_MR + [(TWN, "not_discovered", ["staff", "unit", "leadership"])] + [(b, "not_discovered", ["staff", "unit", "leadership"]) for b in VIL],
     forb=[("township_*", "main_responsibility"), ("village_*", "main_responsibility")])
case("J12 project_late_or_unfinished, county→township 03-03 (deadline 03-31), township→village 03-05, never fixed: village not_rectified; no city",
     PJ("project_late_or_unfinished", discovered=hot, handled=[asg("county", "township"), asg("township", "village", "2021-03-05")], deadline="2021-03-31", **late),
     req=[(b, "not_rectified") for b in VIL], forb=[("city_*",), ("province_*",), ("county_health",)])
case("J13 the same as of 03-30 (the day before the deadline): no 整改不到位, no pressing",
     PJ("project_late_or_unfinished", discovered=hot, handled=[asg("county", "township"), asg("township", "village", "2021-03-05")], deadline="2021-03-31", as_of="2021-03-30"),
     req=LOW_ND, forb=NOT_LATE + [("*", "not_handled")])
case("J14 project_false_or_unnecessary, concealed by the township from the city's 检查组抽查: township concealed",
     PJ("project_false_or_unnecessary", discovered=disc("city", "spot_check"), concealed_by=["township"]),
     req=[(TWN, "concealed")], forb=[("village_*", "concealed"), ("county_*", "concealed")])
case("J15 project_false_or_unnecessary, province 检查组抽查: township + 县扶贫办 not_discovered; no city/province body not_discovered by default",
     PJ("project_false_or_unnecessary", discovered=disc("province", "spot_check")), req=[(TWN, "not_discovered"), ("county_poverty_office", "not_discovered")],
     forb=[("city_*", "not_discovered"), ("province_*", "not_discovered")])
case("J16 project_not_deliberated, the village concealed it from the county audit: village concealed; the county audit not named",
     PJ("project_not_deliberated", discovered=disc("county", "audit", body="county_audit"), concealed_by=["village"]),
     req=[(b, "concealed") for b in VIL], forb=[("county_audit",), (TWN, "concealed")])
case("J17 project_acceptance_lax, sector ethnic_religious, city: 县民宗 (各自业务范围; 民宗…相应的项目指导、协调和管理) not_discovered; not 县水利",
     PJ("project_acceptance_lax", C, sector="ethnic_religious", discovered=cres()), req=[("county_ethnic_religious", "not_discovered")],
     forb=NOLOW + [("county_water",), ("county_health",)])
case("J18 project_ledger_incomplete at the township, county→township 03-03, rectified 04-10 past the 03-31 deadline: township not_rectified; village not",
     PJ("project_ledger_incomplete", T, discovered=hot, handled=[asg("county", "township")], deadline="2021-03-31", rectified_on="2021-04-10", **late),
     req=[(TWN, "not_rectified")], forb=[("village_*",), ("city_*",)])
case("J19 project_not_deliberated, the township found it (核查普查) and sat 24 days: township not_handled; village not_discovered [fid65: as of 04-30, past its 10 + 30 days — on 03-25 it could still put it right itself and is named by nobody yet (self_rectified_report_required false; check62 X2, E16)]",
     PJ("project_not_deliberated", discovered=disc("township", "verification_census"), **late), req=[(TWN, "not_handled")] + VIL_ND,
     forb=[("county_*",), (TWN, "not_discovered")] + CITYPROV)
case("J20 project_records_incomplete at the township, city: no village; no city body not_discovered",
     PJ("project_records_incomplete", T, discovered=cres()), req=[], forb=[("village_*",), ("city_*", "not_discovered"), ("county_health",)])
case("J21 project_false_or_unnecessary, sector water, city: township + 县水利 (各自业务范围的项目进行论证) not_discovered",
     PJ("project_false_or_unnecessary", sector="water", discovered=cres()), req=[(TWN, "not_discovered"), ("county_water", "not_discovered")],
     forb=[("county_health",), ("county_education",), ("city_*", "not_discovered")])
case("J22 project_not_entered_in_system, rectified on the deadline day: nothing but 县扶贫办 not_discovered",
     PJ("project_not_entered_in_system", C, discovered=cres(), handled=[asg("city", "county", body="county_poverty_office")], deadline="2021-03-31", rectified_on="2021-03-31", **late),
     req=[("county_poverty_office", "not_discovered")], forb=NOT_LATE + [("*", "not_handled")])

# ===================== 问题发现责任 二(一)/二(二) =====================
case("D1 specific_problem at a village, city 调研督导: village (二(二)1) + township (二(二)2) not_discovered; no city body",
     DI("specific_problem", discovered=cres()), req=LOW_ND, forb=[("city_*", "not_discovered"), ("province_*",)] + NO_MR + OVERS)
case("D2 specific_problem, sector water, at a village, city: village + township + 县水利 (二(二)3 涉及本部门问题的动态发现) not_discovered; no other department",
     DI("specific_problem", sector="water", discovered=cres()), req=LOW_ND + [("county_water", "not_discovered")],
     forb=[("county_health",), ("county_education",), ("county_poverty_office", "not_discovered"), ("city_*", "not_discovered")])
case("D3 mechanism_missing (问题发现办法和整改机制不健全) at the county, city: county party committee + government (二(二)4 健全问题发现办法和整改机制; 一(一) 县级制定…具体办法) not_discovered; no village/township, no line department",
     DI("mechanism_missing", C, discovered=cres()), req=[("county_party_committee", "not_discovered"), ("county_government", "not_discovered")],
     forb=NOLOW + [("county_finance",), ("county_water",), ("county_education",), ("city_*", "not_discovered")])
case("D4 mechanism_missing, city→county (no body) 03-03, deadline 03-31, never fixed: county leaders not_rectified; no village/township",
     DI("mechanism_missing", C, discovered=cres(), handled=[asg("city", "county")], deadline="2021-03-31", **late),
     req=[("county_party_committee", "not_rectified"), ("county_government", "not_rectified")], forb=NOLOW + [("county_finance",), ("county_water",)])
case("D5 mechanism_missing, grave, city: county leaders not_discovered staff+unit+leadership, and 主体责任",
     DI("mechanism_missing", C, severity="grave", discovered=cres()),
     req=CNTY_MR + [("county_party_committee", "not_discovered", ["staff", "unit", "leadership"])], forb=NOLOW)
case("D6 common_policy_problem (全省共性问题), county hotline, county→city 03-03, the city never reports it, as of 03-30: a city body not_handled (the city cannot amend a province-wide policy: 一(三) 超出本级权限的及时向上级单位报送); no county",
     DI("common_policy_problem", C, discovered=hot, handled=[rep("county", "city")], as_of="2021-03-30"),
     req=[("city_*", "not_handled")], forb=[("county_*",)] + NOLOW)
case("D7 common_policy_problem, county→city 03-03, city→province 03-05, as of 03-30: no county, no city not_handled",
     DI("common_policy_problem", C, discovered=hot, handled=[rep("county", "city"), rep("city", "province", "2021-03-05")], as_of="2021-03-30"),
     forb=[("county_*",), ("city_*", "not_handled")] + NOLOW)
case("D8 common_policy_problem found by the province audit (审计, outside channel): no county/township/village body (二(二)5: 省市有关部门 及时发现全省共性问题)",
     DI("common_policy_problem", PROV, discovered=disc("province", "audit", body="province_audit")),
     forb=[("county_*",), ("province_audit",)] + NOLOW)
case("D9 province_city_mechanism_gap of the city (city code), found by the province 调研督导: no county, no village/township",
     DI("province_city_mechanism_gap", CITY, discovered=disc("province", "research_supervision")),
     forb=[("county_*",)] + NOLOW + [("province_*", "not_discovered")])
case("D10 specific_problem at a village, county→village 03-03 (deadline 03-31), never fixed: village not_rectified; no city",
     DI("specific_problem", discovered=hot, handled=[asg("county", "village")], deadline="2021-03-31", **late),
     req=[(b, "not_rectified") for b in VIL], forb=[("city_*",), ("province_*",)])
case("D11 specific_problem, the village concealed it from the city's 上级核查: village concealed; township not",
     DI("specific_problem", discovered=disc("city", "higher_level_verification"), concealed_by=["village"]),
     req=[(b, "concealed") for b in VIL], forb=[(TWN, "concealed"), ("county_*", "concealed")])
case("D12 specific_problem, county hotline, county sits 24 days: a county body not_handled; village + township not_discovered, not not_handled",
     DI("specific_problem", discovered=hot, **sit), req=[("county_*", "not_handled")] + LOW_ND,
     forb=[("village_*", "not_handled"), ("township_*", "not_handled")] + CITYPROV)
case("D13 specific_problem, province 调查核查 → city 03-03 → county 03-05 (deadline 03-31); the county never rectifies nor passes it on: a county body not_rectified; city and province not_rectified no",
     DI("specific_problem", discovered=disc("province", "survey_verification"), handled=[asg("province", "city"), asg("city", "county", "2021-03-05")], deadline="2021-03-31", **late),
     req=[("county_*", "not_rectified")], forb=[("province_*", "not_rectified"), ("city_*", "not_rectified"), ("village_*", "not_rectified"), (TWN, "not_rectified"), ("city_*", "not_discovered"), ("province_*", "not_discovered")])
case("D14 mechanism_missing at the county, province 调查核查: county leaders not_discovered; the city's not_discovered is a named reading (city_finds_county_mechanisms), listed",
     DI("mechanism_missing", C, discovered=disc("province", "survey_verification")), req=[("county_party_committee", "not_discovered")],
     forb=NOLOW, listed=["city_finds_county_mechanisms"])
case("D15 mechanism_missing, the county leaders' own hotline receipt sat 24 days: county not_handled? no — the county holds its own mechanism (its own authority): a county body not_handled (没有按程序及时交办); no village/township",
     DI("mechanism_missing", C, discovered=hot, **sit), req=[("county_*", "not_handled")], forb=NOLOW + CITYPROV)
case("D16 specific_problem, township grid find 03-01, township reports to county 03-02, county sits: a county body not_handled; township/village no not_handled",
     DI("specific_problem", discovered=disc("township", "grid"), handled=[rep("township", "county", "2021-03-02")], **sit),
     req=[("county_*", "not_handled")], forb=[("township_*", "not_handled"), ("village_*", "not_handled")] + CITYPROV)
case("D17 specific_problem at a village, serious: village + township staff+unit; no 主体责任",
     DI("specific_problem", severity="serious", discovered=cres()), req=[(TWN, "not_discovered", ["staff", "unit"])] + [(b, "not_discovered", ["staff", "unit"]) for b in VIL], forb=NO_MR)

# ===================== cross-level shapes 一(三)–(四) =====================
case("K1 funds_diverted at a village, province 巡视 → city 03-03 → 县财政 03-05 (deadline 03-31), never fixed, as of 04-30: 县财政 not_rectified; no province/city not_rectified",
     FU("funds_diverted", discovered=disc("province", "inspection_tour"), handled=[asg("province", "city"), asg("city", "county", "2021-03-05", body="county_finance")], deadline="2021-03-31", **late),
     req=[("county_finance", "not_rectified")], forb=[("province_*", "not_rectified"), ("city_*", "not_rectified"), ("province_*", "not_handled"), ("city_*", "not_handled")])
case("K2 the same as of 03-30 (the day before the deadline): no 整改不到位, no pressing, no not_handled",
     FU("funds_diverted", discovered=disc("province", "inspection_tour"), handled=[asg("province", "city"), asg("city", "county", "2021-03-05", body="county_finance")], deadline="2021-03-31", as_of="2021-03-30"),
     req=LOW_ND, forb=NOT_LATE + [("*", "not_handled")])
case("K3 funds_diverted, province 巡视 → city 03-03 (deadline 03-31); the city sits on it (never passes it down), as of 04-30: a city body answers; no county not_rectified/not_handled (it never had it)",
     FU("funds_diverted", discovered=disc("province", "inspection_tour"), handled=[asg("province", "city")], deadline="2021-03-31", **late),
     req=[("city_*", None)], forb=[("county_*", "not_rectified"), ("county_*", "not_handled"), ("province_*", "not_rectified")])
case("K4 projects_policy_gap, county hotline 03-01, reported to the city only on 03-20 (past 10 days), as of 03-25: a county body not_handled (late); the city nothing yet",
     PJ("projects_policy_gap", C, discovered=hot, handled=[rep("county", "city", "2021-03-20")], **sit),
     req=[("county_*", "not_handled")], forb=[("city_*",)] + NOLOW)
case("K5 funds_allocation_irregular at the city (city code), concealed by 市财政 from the province audit: 市财政 concealed; no county",
     FU("funds_allocation_irregular", CITY, discovered=disc("province", "audit", body="province_audit"), concealed_by=["city_finance"]),
     req=[("city_finance", "concealed")], forb=[("county_*",)] + NOLOW)
case("K6 project_not_entered_in_system, concealed by the county level from the province's 上级核查: a county body concealed; no village/township",
     PJ("project_not_entered_in_system", C, discovered=disc("province", "higher_level_verification"), concealed_by=["county"]),
     req=[("county_*", "concealed")], forb=[("village_*", "concealed"), ("township_*", "concealed")])
case("K7 project_acceptance_lax, sector water, city→县水利 03-03 (deadline 03-31), rectified 04-15: 县水利 not_rectified (late)",
     PJ("project_acceptance_lax", C, sector="water", discovered=cres(), handled=[asg("city", "county", body="county_water")], deadline="2021-03-31", rectified_on="2021-04-15", **late),
     req=[("county_water", "not_rectified")], forb=NOLOW + [("county_poverty_office", "not_rectified")])
case("K8 funds_poor_performance, sector poverty_office, province → city 03-03 → 县扶贫办 03-20 (late pass-on, deadline 04-15), never fixed: the city not_handled (17 days) and 县扶贫办 not_rectified",
     FU("funds_poor_performance", C, sector="poverty_office", discovered=disc("province", "survey_verification"), handled=[asg("province", "city"), asg("city", "county", "2021-03-20", body="county_poverty_office")], deadline="2021-04-15", **late),
     req=[("city_*", "not_handled"), ("county_poverty_office", "not_rectified")], forb=NOLOW + [("province_*", "not_rectified")])
case("K9 common_policy_problem, county→city 03-03, city→province 03-05; the province sits (no amendment) to 04-30: no county, no city not_handled",
     DI("common_policy_problem", C, discovered=hot, handled=[rep("county", "city"), rep("city", "province", "2021-03-05")], **late),
     forb=[("county_*",), ("city_*", "not_handled")] + NOLOW)
case("K10 specific_problem at a village, the township concealed it from the province 巡视: township concealed; the village not_discovered",
     DI("specific_problem", discovered=disc("province", "inspection_tour"), concealed_by=["township"]),
     req=[(TWN, "concealed")] + VIL_ND, forb=[("village_*", "concealed")])
case("K11 funds_diverted, city 调研督导 → county (no body) 03-03 (deadline 03-31), county → township 03-05, township sits: township not_rectified; 县财政 not rectifier",
     FU("funds_diverted", discovered=cres(), handled=[asg("city", "county"), asg("county", "township", "2021-03-05")], deadline="2021-03-31", **late),
     req=[(TWN, "not_rectified")], forb=[("county_finance", "not_rectified"), ("city_*", "not_rectified")])
case("K12 project_late_or_unfinished, city 调研督导 03-01; the city passes it to the county only on 03-20 (deadline 04-15), fixed 04-10: the city not_handled (late); nobody not_rectified",
     PJ("project_late_or_unfinished", discovered=cres(), handled=[asg("city", "county", "2021-03-20")], deadline="2021-04-15", rectified_on="2021-04-10", **late),
     req=[("city_*", "not_handled")], forb=[("*", "not_rectified")])
case("K13 funds_rules_gap, county→city 03-03 (in time), the city (which has its own 制度 duty, 二(四)7) sits to 04-30: no county body",
     FU("funds_rules_gap", C, discovered=hot, handled=[rep("county", "city")], **late), forb=[("county_*",)] + NOLOW)
case("K14 funds_diverted, village concealed from the county's 核查普查 (county finance): village concealed; the township not_discovered; 县财政 not named",
     FU("funds_diverted", discovered=disc("county", "verification_census", body="county_finance"), concealed_by=["village"]),
     req=[(b, "concealed") for b in VIL] + [(TWN, "not_discovered")], forb=[("county_finance",), (TWN, "concealed")])

# ===================== batch 2: oversight finders, escalation, the deadline day, held by its own rectifier =====================
case("B1 funds_diverted at a village, found by the province audit: village + township + 县财政 not_discovered; no city audit (二(四)8 is its own level's audit, lower_audit_answers_higher_find) and no province/city body not_discovered",
     FU("funds_diverted", discovered=disc("province", "audit", body="province_audit")), req=LOW_ND + [("county_finance", "not_discovered")],
     forb=[("city_audit",), ("province_audit",), ("city_*", "not_discovered"), ("province_*", "not_discovered")])
case("B2 funds_rules_gap at the province code found by the province audit: nobody below the province; no province body not_discovered by default (outside_channel_finder_level)",
     FU("funds_rules_gap", PROV, discovered=disc("province", "audit", body="province_audit")), forb=[("county_*",), ("city_*",), ("province_*", "not_discovered")] + NOLOW)
case("B3 funds_rules_gap of the city (city code) found by the province 调研督导: a city body not_discovered (一(一) 省市两级主动发现政策举措、工作机制; 二(四)7 its own 制度); no county",
     FU("funds_rules_gap", CITY, discovered=disc("province", "research_supervision")), req=[("city_*", "not_discovered")], forb=[("county_*",)] + NOLOW)
case("B4 projects_policy_gap of the city (city code) found by the province 调研督导: a city body (扶贫/财政/民宗, 二(五)5) not_discovered; no health/education/water",
     PJ("projects_policy_gap", CITY, discovered=disc("province", "research_supervision")), req=[("city_*", "not_discovered")],
     forb=[("county_*",), ("city_health",), ("city_education",), ("city_water",), ("city_civil_affairs",)] + NOLOW)
case("B5 funds_diverted at a village, found through the media at the county: village + township not_discovered; no county body not_discovered (the county received it)",
     FU("funds_diverted", discovered=disc("county", "media")), req=LOW_ND, forb=[("county_*", "not_discovered"), ("media",)] + CITYPROV)
case("B6 funds_diverted at a village, found by the county 纪委 (纪委监委专项治理): village + township not_discovered; the county discipline commission never named",
     FU("funds_diverted", discovered=disc("county", "discipline_inspection", body="county_discipline")), req=LOW_ND, forb=[("county_discipline",)] + CITYPROV)
case("B7 funds_diverted, county hotline, the county reports it up to the city 03-03 (within its own authority: 一(三) 分类交办), nobody acts, as of 03-25: a county body answers",
     FU("funds_diverted", discovered=hot, handled=[rep("county", "city")], **sit), req=[("county_*", None)], forb=NOLOW[:0] + [("province_*",)])
case("B8 funds_diverted, the township's grid find 03-01 reported to the county 03-02; the county sits to 03-25: a county body not_handled; the township nothing; the village not_discovered",
     FU("funds_diverted", discovered=disc("township", "grid"), handled=[rep("township", "county", "2021-03-02")], **sit),
     req=[("county_*", "not_handled")] + VIL_ND, forb=[("township_*",), ("village_*", "not_handled")] + CITYPROV)
case("B9 project_false_or_unnecessary concealed by 县扶贫办 from the province 抽查: 县扶贫办 concealed; the township not_discovered",
     PJ("project_false_or_unnecessary", discovered=disc("province", "spot_check"), concealed_by=["county_poverty_office"]),
     req=[("county_poverty_office", "concealed"), (TWN, "not_discovered")], forb=[(TWN, "concealed"), ("village_*", "concealed")])
case("B10 funds_assets_mismanaged, sector poverty_office, county code: province → city 03-03 → 县扶贫办 03-05 (deadline 03-31), rectified 03-31 (the deadline day): no 整改不到位, no pressing",
     FU("funds_assets_mismanaged", C, sector="poverty_office", discovered=disc("province", "survey_verification"), handled=[asg("province", "city"), asg("city", "county", "2021-03-05", body="county_poverty_office")], deadline="2021-03-31", rectified_on="2021-03-31", **late),
     forb=NOT_LATE + [("*", "not_handled")] + NOLOW)
case("B11 the same rectified 04-01: 县扶贫办 not_rectified",
     FU("funds_assets_mismanaged", C, sector="poverty_office", discovered=disc("province", "survey_verification"), handled=[asg("province", "city"), asg("city", "county", "2021-03-05", body="county_poverty_office")], deadline="2021-03-31", rectified_on="2021-04-01", **late),
     req=[("county_poverty_office", "not_rectified")], forb=[("province_*", "not_rectified"), ("city_*", "not_rectified")] + NOLOW)
case("B12 project_late_or_unfinished at a village, county→village straight (03-03, deadline 03-31), never fixed: village not_rectified; no city",
     PJ("project_late_or_unfinished", discovered=hot, handled=[asg("county", "village")], deadline="2021-03-31", **late),
     req=[(b, "not_rectified") for b in VIL], forb=[("city_*",), ("province_*",), (TWN, "not_rectified")])
case("B13 specific_problem at the township (township code), city: township not_discovered; no village",
     DI("specific_problem", T, discovered=cres()), req=[(TWN, "not_discovered")], forb=[("village_*",), ("city_*", "not_discovered")])
case("B14 specific_problem, sector civil_affairs, grave, city: 县民政 staff+unit+leadership not_discovered; county 主体责任",
     DI("specific_problem", sector="civil_affairs", severity="grave", discovered=cres()),
     req=CNTY_MR + [("county_civil_affairs", "not_discovered", ["staff", "unit", "leadership"])], forb=[("county_water",), ("county_education",)])
case("B15 specific_problem, sector civil_affairs, concealed by 县民政 from the province 巡视: 县民政 concealed; village + township not_discovered",
     DI("specific_problem", sector="civil_affairs", discovered=disc("province", "inspection_tour"), concealed_by=["county_civil_affairs"]),
     req=[("county_civil_affairs", "concealed")] + LOW_ND, forb=[("county_civil_affairs", "not_discovered"), (TWN, "concealed")])
case("B16 funds_diverted, county hotline 03-01, assigned to the township only 03-20 (deadline 04-15), fixed 04-10: a county body not_handled (late); the township not_rectified no",
     FU("funds_diverted", discovered=hot, handled=[asg("county", "township", "2021-03-20")], deadline="2021-04-15", rectified_on="2021-04-10", **late),
     req=[("county_*", "not_handled")], forb=[("*", "not_rectified"), ("township_*", "not_handled")] + CITYPROV)
case("B17 funds_diverted, county→township 03-05 (deadline 03-31), not rectified, as of 03-31 (the deadline day): no 整改不到位",
     FU("funds_diverted", discovered=hot, handled=[asg("county", "township", "2021-03-05")], deadline="2021-03-31", as_of="2021-03-31"),
     req=LOW_ND, forb=NOT_LATE + [("*", "not_handled")])
case("B18 the same as of 04-01: township not_rectified",
     FU("funds_diverted", discovered=hot, handled=[asg("county", "township", "2021-03-05")], deadline="2021-03-31", as_of="2021-04-01"),
     req=[(TWN, "not_rectified")], forb=[("*", "not_handled"), ("city_*",)])
case("B19 project_not_entered_in_system, 县扶贫办 found it itself (核查普查) and sat 24 days: 县扶贫办 not_handled (rectifier_holding, listed)",
     PJ("project_not_entered_in_system", C, discovered=disc("county", "verification_census", body="county_poverty_office"), **sit),
     req=[("county_poverty_office", "not_handled")], forb=[("county_poverty_office", "not_discovered")] + NOLOW + CITYPROV, listed=["rectifier_holding"])
case("B20 the same under rectifier_holding=not_rectified, as of 06-30: 县扶贫办 not_rectified, not not_handled",
     PJ("project_not_entered_in_system", C, discovered=disc("county", "verification_census", body="county_poverty_office"), as_of="2021-06-30"),
     params={"rectifier_holding": "not_rectified"}, req=[("county_poverty_office", "not_rectified")], forb=[("county_poverty_office", "not_handled")] + NOLOW, listed=["rectifier_holding"])
case("B21 funds_rules_gap, county→city 03-03, city→province only 03-20 (late), as of 03-25: the city not_handled; no county",
     FU("funds_rules_gap", C, discovered=hot, handled=[rep("county", "city"), rep("city", "province", "2021-03-20")], **sit),
     req=[("city_*", "not_handled")], forb=[("county_*",)] + NOLOW)
case("B22 common_policy_problem found by 市扶贫办's 调研督导 (county code: the province's policy), reported to the province 03-05, as of 03-10: nobody",
     DI("common_policy_problem", C, discovered=cres("city_poverty_office"), handled=[rep("city", "province", "2021-03-05")], as_of="2021-03-10"),
     forb=[("*",)])
case("B23 funds_diverted, grave, found by the province audit, the township concealed it: township concealed staff+unit+leadership",
     FU("funds_diverted", severity="grave", discovered=disc("province", "audit", body="province_audit"), concealed_by=["township"]),
     req=[(TWN, "concealed", ["staff", "unit", "leadership"])] + CNTY_MR, forb=[("township_*", "main_responsibility")])
case("B24 project_acceptance_lax, sector water, the city hands it to 县扶贫办 (no part in a water project's 验收): 县扶贫办 not rectifier",
     PJ("project_acceptance_lax", C, sector="water", discovered=cres(), handled=[asg("city", "county", body="county_poverty_office")], deadline="2021-03-31", **late),
     forb=[("county_poverty_office", "not_rectified")])
case("B25 funds_poor_performance at a village, the village reported it to the township 03-02 (found by grid 03-01), the township assigned it back to the village 03-04 (deadline 03-31), never fixed: village not_rectified; the township presses; no county not_discovered",
     FU("funds_poor_performance", discovered=disc("village", "grid"), handled=[rep("village", "township", "2021-03-02"), asg("township", "village", "2021-03-04")], deadline="2021-03-31", **late),
     req=[(b, "not_rectified") for b in VIL], forb=[("county_*", "not_discovered"), (TWN, "not_discovered"), ("city_*",)])
case("B26 funds_diverted, village concealed from the township's own 核查普查: village concealed; nobody above not_discovered",
     FU("funds_diverted", discovered=disc("township", "verification_census"), concealed_by=["village"]),
     req=[(b, "concealed") for b in VIL], forb=[(TWN, "not_discovered"), ("county_*", "not_discovered")] + CITYPROV)

# ===================== batch 3: lines, hand-ons, more finders =====================
case("C1 funds_diverted at a village, sector ethnic_religious, city: 县民宗 (二(四)5 本部门资金) not_discovered beside village/township/县财政; no 县水利",
     FU("funds_diverted", sector="ethnic_religious", discovered=cres()), req=LOW_ND + [("county_ethnic_religious", "not_discovered"), ("county_finance", "not_discovered")],
     forb=[("county_water",), ("county_sector_department",), ("county_poverty_office", "not_discovered")])
case("C2 funds_diverted, city→县财政 03-03 (deadline 03-31), 县财政→township 03-05, rectified 04-10 (late): township not_rectified; 县财政 not not_rectified",
     FU("funds_diverted", discovered=cres(), handled=[asg("city", "county", body="county_finance"), asg("county", "township", "2021-03-05")], deadline="2021-03-31", rectified_on="2021-04-10", **late),
     req=[(TWN, "not_rectified")], forb=[("county_finance", "not_rectified"), ("city_*", "not_rectified"), ("village_*", "not_rectified")])
case("C3 funds_diverted, the province 调查核查 assigns it straight to the county (03-03, deadline 03-31), never fixed: a county body not_rectified; the city (skipped) named for nothing",
     FU("funds_diverted", discovered=disc("province", "survey_verification"), handled=[asg("province", "county")], deadline="2021-03-31", **late),
     req=[("county_*", "not_rectified")], forb=[("city_*",), ("province_*", "not_rectified")])
case("C4 funds_allocation_irregular found by the city's 财政检查 (市财政): 县财政 not_discovered; 市财政 never named",
     FU("funds_allocation_irregular", C, discovered=disc("city", "finance_check", body="city_finance")), req=[("county_finance", "not_discovered")],
     forb=[("city_finance",), ("city_*", "not_discovered")] + NOLOW)
case("C5 funds_poor_performance at a village, found by 县扶贫办's 绩效评估: village + township not_discovered; 县扶贫办 not (it found it)",
     FU("funds_poor_performance", discovered=disc("county", "performance_evaluation", body="county_poverty_office")), req=LOW_ND,
     forb=[("county_poverty_office", "not_discovered")] + CITYPROV)
case("C6 project_acceptance_lax, sector water, the province's 检查组抽查: 县水利 not_discovered; no city body not_discovered by default (listed)",
     PJ("project_acceptance_lax", C, sector="water", discovered=disc("province", "spot_check")), req=[("county_water", "not_discovered")],
     forb=[("city_*", "not_discovered"), ("province_*", "not_discovered")] + NOLOW, listed=["province_city_discover_specific_problems"])
case("C7 the same under province_city_discover_specific_problems=true: a city body not_discovered",
     PJ("project_acceptance_lax", C, sector="water", discovered=disc("province", "spot_check")), params={"province_city_discover_specific_problems": True},
     req=[("county_water", "not_discovered"), ("city_*", "not_discovered")], forb=NOLOW, listed=["province_city_discover_specific_problems"])
case("C8 project_not_deliberated, the township concealed it from the county 核查普查: township concealed; village not_discovered",
     PJ("project_not_deliberated", discovered=disc("county", "verification_census"), concealed_by=["township"]),
     req=[(TWN, "concealed")] + VIL_ND, forb=[("village_*", "concealed"), ("county_*",)])
case("C9 specific_problem, village and township both concealed it from the city's 上级核查: both concealed",
     DI("specific_problem", discovered=disc("city", "higher_level_verification"), concealed_by=["village", "township"]),
     req=[(TWN, "concealed")] + [(b, "concealed") for b in VIL], forb=[(TWN, "not_discovered"), ("village_*", "not_discovered")])
case("C10 funds_assets_mismanaged at a village, no sector, city→county (no body) 03-03 (deadline 03-31), never fixed: 县财政 (全面监管) not_rectified? a county body not_rectified; not the village",
     FU("funds_assets_mismanaged", discovered=cres(), handled=[asg("city", "county")], deadline="2021-03-31", **late),
     req=[("county_*", "not_rectified")], forb=[("village_*", "not_rectified"), (TWN, "not_rectified"), ("city_*", "not_rectified")])
case("C11 project_false_or_unnecessary, city→county (no body) 03-03 (deadline 03-31), never fixed: 县扶贫办 (审核纳入项目库) not_rectified; no township",
     PJ("project_false_or_unnecessary", discovered=cres(), handled=[asg("city", "county")], deadline="2021-03-31", **late),
     req=[("county_*", "not_rectified")], forb=[(TWN, "not_rectified"), ("village_*", "not_rectified"), ("city_*", "not_rectified")])
case("C12 project_late_or_unfinished, a township's grid find reported to the county 03-02 (within the township's own authority: 二(五)2 及时组织实施), nobody acts to 03-25: the township answers or the county; never the village not_handled",
     PJ("project_late_or_unfinished", discovered=disc("township", "grid"), handled=[rep("township", "county", "2021-03-02")], **sit),
     req=[], forb=[("village_*", "not_handled")] + CITYPROV)
case("C13 funds_diverted at the county code, no sector, city: the 问题所属部门 once (role), not every department; no village/township",
     FU("funds_diverted", C, discovered=cres()), req=[("county_*", "not_discovered")],
     forb=NOLOW + [("county_water",), ("county_education",), ("county_health",), ("county_civil_affairs",), ("county_construction",)])
case("C14 project_ledger_incomplete at the township, city→township? no — city→county (no body) 03-03, county→township 03-05 (deadline 03-31), never fixed: township not_rectified; 县扶贫办 no",
     PJ("project_ledger_incomplete", T, discovered=cres(), handled=[asg("city", "county"), asg("county", "township", "2021-03-05")], deadline="2021-03-31", **late),
     req=[(TWN, "not_rectified")], forb=[("county_poverty_office", "not_rectified"), ("village_*",), ("city_*", "not_rectified")])
case("C15 projects_policy_gap, sector ethnic_religious, reported up in time, as of 03-30: no county; no 扶贫/财政 where the record names 民宗's line? (民宗 only)",
     PJ("projects_policy_gap", C, sector="ethnic_religious", discovered=hot, handled=[rep("county", "city"), rep("city", "province", "2021-03-04")], as_of="2021-03-30"),
     forb=[("county_*",), ("*_health",), ("*_water",)] + NOLOW)
case("C16 funds_rules_gap, grave, the county sat on it 24 days: county not_handled with staff+unit+leadership; county 主体责任 (二(四)6)",
     FU("funds_rules_gap", C, severity="grave", discovered=hot, **sit), req=[("county_*", "not_handled", ["staff", "unit", "leadership"])], forb=NOLOW)
case("C17 mechanism_missing, city→county (no body) 03-03, deadline 03-31, as of 03-30: nothing (day before the deadline)",
     DI("mechanism_missing", C, discovered=cres(), handled=[asg("city", "county")], deadline="2021-03-31", as_of="2021-03-30"),
     forb=NOT_LATE + [("*", "not_handled")] + NOLOW)
case("C18 specific_problem at a village, the village's own grid find, rectified by the village 03-10 without a report: nobody answers (self_rectified_report_required false, listed)",
     DI("specific_problem", discovered=disc("village", "grid"), rectified_on="2021-03-10", as_of="2021-03-30"),
     forb=[("*",)], listed=["self_rectified_report_required"])

# ===================== batch 4: the city's own funds (二(四)7), 主体责任 at the city =====================
case("E1 funds_allocation_irregular of the city's own funds (city code), province 调查核查: 市财政 (二(四)7 审核行业主管部门分配建议办理资金分配) not_discovered; no county",
     FU("funds_allocation_irregular", CITY, discovered=disc("province", "survey_verification")), req=[("city_finance", "not_discovered")], forb=[("county_*",), ("province_*", "not_discovered")] + NOLOW)
case("E2 the same, grave: the city's Party committee and government 主体责任 (its own work, 二(一)1); no county 主体责任",
     FU("funds_allocation_irregular", CITY, severity="grave", discovered=disc("province", "survey_verification")),
     req=[("city_party_committee", "main_responsibility"), ("city_government", "main_responsibility"), ("city_finance", "not_discovered", ["staff", "unit", "leadership"])],
     forb=[("county_*",), ("province_*", "main_responsibility")])
case("E3 funds_diverted at the city code, no sector, province 调查核查: a city body not_discovered; no county",
     FU("funds_diverted", CITY, discovered=disc("province", "survey_verification")), req=[("city_*", "not_discovered")], forb=[("county_*",)] + NOLOW)
case("E4 funds_performance_evaluation_missing at the city code (重点绩效评价, 二(四)7), province: 市财政 not_discovered; no county",
     FU("funds_performance_evaluation_missing", CITY, discovered=disc("province", "survey_verification")), req=[("city_finance", "not_discovered")], forb=[("county_*",)] + NOLOW)
case("E5 funds_allocation_irregular at the city code found by the city's own audit: nobody not_discovered by default (outside_channel_finder_level listed)",
     FU("funds_allocation_irregular", CITY, discovered=disc("city", "audit", body="city_audit")), forb=[("*", "not_discovered"), ("city_audit",)], listed=["outside_channel_finder_level"])
case("E6 funds_allocation_irregular at the city code, province → city 03-03 (deadline 03-31), never fixed: 市财政 not_rectified; no county",
     FU("funds_allocation_irregular", CITY, discovered=disc("province", "survey_verification"), handled=[asg("province", "city")], deadline="2021-03-31", **late),
     req=[("city_finance", "not_rectified")], forb=[("county_*",), ("province_*", "not_rectified")] + NOLOW)
# (E7 and E8 were written after E4's run, to see the same gap's assignment and a province-level concealment.)
case("E7 funds_performance_evaluation_missing at the city code, province → city 03-03 (deadline 03-31), never fixed: 市财政 (组织开展重点绩效评价, 二(四)7: its own item) not_rectified; no stand-in role",
     FU("funds_performance_evaluation_missing", CITY, discovered=disc("province", "survey_verification"), handled=[asg("province", "city")], deadline="2021-03-31", **late),
     req=[("city_finance", "not_rectified")], forb=[("city_sector_department",), ("county_*",)] + NOLOW)
case("E8 common_policy_problem concealed by 省扶贫办 from a 巡视 at the province: 省扶贫办 concealed; nobody below",
     DI("common_policy_problem", PROV, discovered=disc("province", "inspection_tour"), concealed_by=["province_poverty_office"]),
     req=[("province_poverty_office", "concealed")], forb=[("county_*",), ("city_*",)] + NOLOW)

# ===================== batch 5: the handling limit's last day, an assignment with no deadline =====================
case("H1 funds_diverted, county hotline 03-01, no step, as of 03-11 (the 10th day): nobody not_handled yet",
     FU("funds_diverted", discovered=hot, as_of="2021-03-11"), req=LOW_ND, forb=[("*", "not_handled")])
case("H2 the same as of 03-12 (the 11th day): a county body not_handled",
     FU("funds_diverted", discovered=hot, as_of="2021-03-12"), req=[("county_*", "not_handled")], forb=[("village_*", "not_handled"), ("township_*", "not_handled")])
case("H3 funds_diverted, county hotline 03-01, assigned to the township 03-11 (the 10th day), as of 03-25: in time, nobody not_handled",
     FU("funds_diverted", discovered=hot, handled=[asg("county", "township", "2021-03-11")], deadline="2021-04-30", **sit), req=LOW_ND, forb=[("*", "not_handled")])
case("H4 the same assigned 03-12 (the 11th day): a county body not_handled (late)",
     FU("funds_diverted", discovered=hot, handled=[asg("county", "township", "2021-03-12")], deadline="2021-04-30", **sit), req=[("county_*", "not_handled")], forb=[("township_*", "not_handled")])
case("H5 project_late_or_unfinished, county→township 03-03 with no deadline, never fixed, as of 06-30: township not_rectified by the rectification limit (listed)",
     PJ("project_late_or_unfinished", discovered=hot, handled=[asg("county", "township")], as_of="2021-06-30"),
     req=[(TWN, "not_rectified")], forb=[("city_*",)], listed=["rectification_time_limit_days"])
case("H6 the same as of 03-20 (well inside any limit): no 整改不到位",
     PJ("project_late_or_unfinished", discovered=hot, handled=[asg("county", "township")], as_of="2021-03-20"),
     req=LOW_ND, forb=NOT_LATE + [("*", "not_handled")])

# ===================== batch 6 (written after the per-line scans of the report, secscan*.py) =====================
# (L1 and L2 as first written forbade the role: 县财政 by 二(二)3 涉及本部门问题. The rules keep the reading three sessions
# chose — 财政's part in a project's ledger is 二(五)5's 省市 spot check, so the county answers as for a record naming
# no line (tests/test_fid51.py) — and fid58 made the verdict say so: line_without_part, not the role's "the record does
# not say which", nor sectorless_alternatives, which decides nothing here)
case("L1 project_ledger_incomplete at a village's project, sector finance, city: the county answers as for a record naming no line (财政's part is 二(五)5's 省市 spot check), and the verdict says the line has no part there, not that the record names none",
     PJ("project_ledger_incomplete", sector="finance", discovered=cres()),
     req=[(TWN, "not_discovered"), ("county_sector_department", "not_discovered", ["staff"])],
     forb=[("county_finance",), ("village_*",)], listed=["line_without_part"],
     notlisted=["county_sector_department", "sectorless_alternatives"])
case("L2 the same assigned city→county (no body) 03-03 (deadline 03-31), never fixed: the role rectifies it by ledger_county_rectifier, resting on line_without_part; 市财政 presses it as its line's (二(五)5), not as an alternative",
     PJ("project_ledger_incomplete", sector="finance", discovered=cres(), handled=[asg("city", "county")], deadline="2021-03-31", **late),
     req=[("county_sector_department", "not_rectified"), ("city_finance", "supervision")],
     forb=[("county_finance",)], listed=["line_without_part", "ledger_county_rectifier"],
     notlisted=["county_sector_department", "sectorless_alternatives"])
case("L3 project_late_or_unfinished, sector finance, city (the control): 县财政 not_discovered, no stand-in role",
     PJ("project_late_or_unfinished", sector="finance", discovered=cres()), req=LOW_ND + [("county_finance", "not_discovered")],
     forb=[("county_sector_department",)])
case("L4 funds_allocation_irregular, sector agriculture (no county body of its own), city: 县财政 and the line's department (the role, 二(四)5 提出资金分配建议; 二(二)3), as for funds_diverted of the same line",
     FU("funds_allocation_irregular", C, sector="agriculture", discovered=cres()), req=[("county_finance", "not_discovered"), ("county_sector_department", "not_discovered")],
     forb=NOLOW, listed=["line_department_unnamed"], notlisted=["county_sector_department"])
case("L5 funds_diverted, sector agriculture, county code, city (the control): the line's role not_discovered",
     FU("funds_diverted", C, sector="agriculture", discovered=cres()), req=[("county_sector_department", "not_discovered")], forb=NOLOW,
     listed=["line_department_unnamed"], notlisted=["county_sector_department"])

# ===================== batch 7: escalation by other routes =====================
case("N1 funds_rules_gap, county hotline, reported straight to the province 03-03 (a 上级单位, 一(三)), as of 03-10: no county, no city",
     FU("funds_rules_gap", C, discovered=hot, handled=[rep("county", "province")], as_of="2021-03-10"),
     forb=[("county_*",), ("city_*",)] + NOLOW)
case("N2 funds_diverted at a village found by the township's 核查普查, the township assigns it to the village 03-02 (deadline 03-31), fixed 03-20: only the village not_discovered",
     FU("funds_diverted", discovered=disc("township", "verification_census"), handled=[asg("township", "village", "2021-03-02")], deadline="2021-03-31", rectified_on="2021-03-20", **late),
     req=VIL_ND, forb=[(TWN,), ("county_*",)] + CITYPROV + [("*", "not_rectified")])
case("N3 projects_policy_gap, county→city 03-03, the city assigns it back to the county 03-05 (beyond the county's authority: 一(三)), as of 03-25: the city not_handled; no county not_rectified",
     PJ("projects_policy_gap", C, discovered=hot, handled=[rep("county", "city"), asg("city", "county", "2021-03-05")], deadline="2021-03-20", **sit),
     req=[("city_*", "not_handled")], forb=[("county_*", "not_rectified")] + NOLOW)
case("N4 funds_diverted, township 核查普查 finds, the township reports it to the county 03-02, the county assigns it back to the township 03-04 (deadline 03-31), never fixed: township not_rectified",
     FU("funds_diverted", discovered=disc("township", "verification_census"), handled=[rep("township", "county", "2021-03-02"), asg("county", "township", "2021-03-04")], deadline="2021-03-31", **late),
     req=[(TWN, "not_rectified")] + VIL_ND, forb=[(TWN, "not_discovered"), ("county_*", "not_discovered"), ("city_*",)])
case("N5 specific_problem, serious, concealed by the township from the county audit: township concealed staff+unit, no leadership",
     DI("specific_problem", severity="serious", discovered=disc("county", "audit", body="county_audit"), concealed_by=["township"]),
     req=[(TWN, "concealed", ["staff", "unit"])], forb=NO_MR + [("county_audit",)])
