"""check58's records, written from the text before the library was run on them (session 58): the duty areas and levels
earlier audits covered least — funds 二(四), projects 二(五), dangerous housing 二(六)4 and drinking water 二(六)5 at
the county (its departments, its Party committee and government), the city and the province — with section 一's
escalation (一(三) 对超出本级权限的及时向上级单位报送问题) and the grades of liability of 一(四) at those levels: reports
upward and assignments downward, the handling limit and the rectification deadline, concealment, records that must name
nobody, and the parameters a reading rests on under their default and their other value.

Each case: a record, the parameters it is read under, the findings the text requires (``req``: body or glob, basis,
optionally the liabilities) and forbids (``forb``), and the readings the verdict must (``listed``) or must not
(``notlisted``) list. tests/test_from_text58.py runs them. The auditor's report, with the clause behind each, is
/work/helpers/s58/check58-report.md in the session's notes; the names below say the reading in brief. A record whose
first expectation was the auditor's own misreading says so in its name ("[After the run: …]").
"""
# ruff: noqa: E501, E702, E731, RUF005
# One record to a call, as tests/from_text55_cases.py–from_text57_cases.py write them (not reflowed by ruff format):
# fmt: off

from .from_text import (
    CITY,
    CITY_ND,
    CITYPROV,
    CNTY_MR,
    CNTY_ND,
    LOW_ND,
    NO_CITY_MR,
    NO_TWN_MR,
    NOBODY,
    NOLOW,
    NOT_LATE,
    PROV,
    PROV_ND,
    TWN,
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
NO_MR = [("*", "main_responsibility")]
FU = A("funds"); PR = A("projects"); HO = A("housing"); WA = A("water")
sit = dict(as_of="2021-03-25")
caudit = disc("county", "audit", body="county_audit"); cityaudit = disc("city", "audit", body="city_audit")
paudit = disc("province", "audit", body="province_audit"); ptour = disc("province", "inspection_tour")
pres = lambda body=None: disc("province", "research_supervision", body=body)
tgrid = disc("township", "grid"); vgrid = disc("village", "grid")
S3 = ["staff"]; S3U = ["staff", "unit"]; S3UL = ["staff", "unit", "leadership"]

# ===================== 资金 二(四): who answers for funds at the county, the city and the province =====================
case("FU1 funds_diverted at a village, found by the county audit: the township not_discovered (二(四)2 对村级使用的扶贫项目资金专款专用负审核责任); 县财政 (二(四)3, the same 审核 for 乡、村两级) not by default — the audit is the county's own level and an outside channel (outside_channel_finder_level); the audit (the finder) not named; no city or province",
     FU("funds_diverted", discovered=caudit), req=[(TWN, "not_discovered")], forb=[("county_finance", "not_discovered"), ("county_audit",)] + CITYPROV)
case("FU2 the same with outside_channel_finder_level=true: 县财政 not_discovered too (二(四)3 对乡、村两级使用的扶贫项目资金专款专用负审核责任); listed",
     FU("funds_diverted", discovered=caudit), params=dict(outside_channel_finder_level=True), req=[(TWN, "not_discovered"), ("county_finance", "not_discovered")],
     forb=[("county_audit",)] + CITYPROV, listed=["outside_channel_finder_level"])
case("FU3 funds_diverted at a village, found by the city audit: the township and 县财政 not_discovered (二(四)2, 二(四)3 专款专用负审核责任); the city audit not named; no city body not_discovered (一(一) 省市两级…主动发现政策举措、工作机制等方面问题); 县教育局, 县卫健 (no part in funds) not named",
     FU("funds_diverted", discovered=cityaudit), req=[(TWN, "not_discovered"), ("county_finance", "not_discovered")],
     forb=[("city_audit",), ("county_education",), ("county_health",)] + CITY_ND + [("province_*",)])
case("FU4 funds_diverted at a village, found by the province's 巡视, 县财政 concealed it: 县财政 concealed (一(四) 对上级核查和巡视审计等过程中瞒报漏报问题的), not also not_discovered; the township not_discovered; no province body",
     FU("funds_diverted", discovered=ptour, concealed_by=["county_finance"]), req=[("county_finance", "concealed"), (TWN, "not_discovered")],
     forb=[("county_finance", "not_discovered"), ("province_*",), (TWN, "concealed")])
case("FU5 funds_poor_performance (资金闲置、结转结余) at the county code, sector water, the city audit: 县水利 not_discovered (二(四)5 各行业主管部门…对资金使用绩效负责); no 县教育局, 县民政; no village/township; no city not_discovered",
     FU("funds_poor_performance", C, sector="water", discovered=cityaudit), req=[("county_water", "not_discovered")],
     forb=[("county_education",), ("county_civil_affairs",), ("city_audit",)] + NOLOW + CITY_ND)
case("FU6 funds_poor_performance at the county code, sector poverty_office (财政专项扶贫资金), the province audit: 县扶贫办 not_discovered (二(四)4 对资金使用的绩效负责); not 县水利 or 县教育局; no province body",
     FU("funds_poor_performance", C, sector="poverty_office", discovered=paudit), req=[("county_poverty_office", "not_discovered")],
     forb=[("county_water",), ("county_education",), ("province_*",)] + NOLOW)
case("FU7 funds_poor_performance at the county code, no sector, the city audit: a county body not_discovered, but no department named whose part the record does not show failed (一(四) 相关工作人员) — not 县水利, 县教育局, 县卫健. [After the run: I listed sectorless_alternatives; the record gives a kind, which that parameter does not reach (its `why`: a record that names neither kind nor line) — the verdict names the role 县（市、区）行业主管部门 (county_sector_department, listed) under either value, and 县财政 beside it (二(四)3 组织本级相关部门做好财政扶贫资金绩效管理工作); the listed reading corrected]",
     FU("funds_poor_performance", C, discovered=cityaudit), req=CNTY_ND, forb=[("county_water",), ("county_education",), ("county_health",)] + NOLOW + CITY_ND,
     listed=["county_sector_department"])
case("FU8 funds_allocation_irregular at the county code, the city's 财政检查 by 市财政: 县财政 not_discovered (二(四)3 审核行业主管部门资金分配建议、办理资金分配); 市财政 (the finder) not named; no village/township",
     FU("funds_allocation_irregular", C, discovered=disc("city", "finance_check", body="city_finance")), req=[("county_finance", "not_discovered")],
     forb=[("city_finance",)] + NOLOW + [("province_*",)])
case("FU9 funds_assets_mismanaged at a village, the township's 动态跟踪: the village not_discovered (二(四)1 负责本村…资产管理工作); the township (the finder) not; no county body (never had it)",
     FU("funds_assets_mismanaged", discovered=disc("township", "dynamic_tracking")), req=[("village_*", "not_discovered")],
     forb=[("township_*", "not_discovered"), ("county_*",)] + CITYPROV)
case("FU10 funds_assets_mismanaged at a village, the city's 调研督导: the village (二(四)1 资产管理), the township (二(四)2 对扶贫资产运营负日常监管责任) and 县财政 (二(四)3 对当地扶贫资产负全面监管责任) not_discovered; no city body not_discovered; not 县教育局",
     FU("funds_assets_mismanaged", discovered=cres()), req=[("village_*", "not_discovered"), (TWN, "not_discovered"), ("county_finance", "not_discovered")],
     forb=CITY_ND + [("county_education",), ("province_*",)])
case("FU11 funds_performance_evaluation_missing at the county code, sector water, the province audit: 县水利 not_discovered (二(四)5 组织实施绩效目标申报、绩效评价); not 县扶贫办 (another line's money); no village/township",
     FU("funds_performance_evaluation_missing", C, sector="water", discovered=paudit), req=[("county_water", "not_discovered")],
     forb=[("county_poverty_office",), ("county_education",), ("province_*",)] + NOLOW)
case("FU12 funds_rules_gap at the county code (the province's rules, 二(四)7), found by 县财政's own 动态跟踪 03-01, reported to the city 03-05 (in time), as of 04-30: no county body (一(三) 对超出本级权限的及时向上级单位报送问题: done); no village/township",
     FU("funds_rules_gap", C, discovered=disc("county", "dynamic_tracking", body="county_finance"), handled=[rep("county", "city", "2021-03-05")], **late),
     forb=[("county_*",)] + NOLOW)
case("FU13 the same never reported, as of 03-25: a county body not_handled (一(四) 对发现问题没有按程序及时交办和上报的); no county not_discovered (it found it); the city, never shown it, not not_handled",
     FU("funds_rules_gap", C, discovered=disc("county", "dynamic_tracking", body="county_finance"), **sit), req=[("county_*", "not_handled")],
     forb=CNTY_ND + NOLOW + [("city_*", "not_handled")])
case("FU14 the same reported on 03-12 (the 11th day), as of 04-30: a county body not_handled (not 及时)",
     FU("funds_rules_gap", C, discovered=disc("county", "dynamic_tracking", body="county_finance"), handled=[rep("county", "city", "2021-03-12")], **late),
     req=[("county_*", "not_handled")], forb=NOLOW)
case("FU15 funds_rules_gap at the city code (the city's own rules), the province's 调研督导: 市财政 not_discovered (二(四)7 会同有关行业主管部门制定扶贫资金管理和绩效评价制度; 一(一) 省市两级…主动发现政策举措、工作机制等方面问题); no county body; no province not_discovered",
     FU("funds_rules_gap", CITY, discovered=pres()), req=[("city_finance", "not_discovered")], forb=[("county_*",), ("city_education",), ("city_health",)] + PROV_ND + NOLOW)
case("FU16 funds_allocation_irregular at the county code, the city audit 03-01 → 县财政 03-03 (deadline 03-31), never, as of 04-30: 县财政 not_rectified (一(四) 对交办问题整改落实不到位的); no city body not_rectified; not 县教育局",
     FU("funds_allocation_irregular", C, discovered=cityaudit, handled=[asg("city", "county", body="county_finance")], deadline="2021-03-31", **late),
     req=[("county_finance", "not_rectified")], forb=[("city_*", "not_rectified"), ("county_education",)] + NOLOW)
case("FU17 the same rectified 03-31 (the deadline day): no 整改不到位, no pressing, no not_handled; 县财政 not_discovered stays",
     FU("funds_allocation_irregular", C, discovered=cityaudit, handled=[asg("city", "county", body="county_finance")], deadline="2021-03-31", rectified_on="2021-03-31", **late),
     req=[("county_finance", "not_discovered")], forb=NOT_LATE + [("*", "not_handled")])
case("FU18 the same rectified 04-01: 县财政 not_rectified",
     FU("funds_allocation_irregular", C, discovered=cityaudit, handled=[asg("city", "county", body="county_finance")], deadline="2021-03-31", rectified_on="2021-04-01", **late),
     req=[("county_finance", "not_rectified")], forb=[("city_*", "not_rectified")] + NOLOW)
case("FU19 funds_diverted at a village, the county audit 03-01 → the township 03-03 (deadline 03-31), never: the township not_rectified (二(二)2 对涉及本乡镇…具体问题的发现和整改工作负责; 二(四)2); 县财政 not not_rectified (the county passed it on in time); no city",
     FU("funds_diverted", discovered=caudit, handled=[asg("county", "township")], deadline="2021-03-31", **late),
     req=[(TWN, "not_rectified")], forb=[("county_finance", "not_rectified"), ("county_*", "not_handled")] + CITYPROV)
case("FU20 funds_diverted at a village, the county audit 03-01, the county sits to 03-25: a county body not_handled (一(三) 县级…列出问题清单、责任清单、整改清单; 一(四) 没有按程序及时交办); the township not not_handled (never had it)",
     FU("funds_diverted", discovered=caudit, **sit), req=[("county_*", "not_handled")], forb=[("township_*", "not_handled"), ("village_*", "not_handled")] + CITYPROV)
case("FU21 funds_poor_performance at the county code, sector water, 县水利 concealed it from the county audit (一(四) 巡视审计等过程中瞒报漏报): 县水利 concealed (same_level_oversight_concealment, default true, listed); the audit not named",
     FU("funds_poor_performance", C, sector="water", discovered=caudit, concealed_by=["county_water"]), req=[("county_water", "concealed")],
     forb=[("county_audit",)] + NOLOW + CITYPROV, listed=["same_level_oversight_concealment"])
case("FU22 the same with same_level_oversight_concealment=false: 县水利 not concealed",
     FU("funds_poor_performance", C, sector="water", discovered=caudit, concealed_by=["county_water"]), params=dict(same_level_oversight_concealment=False),
     forb=[("county_water", "concealed"), ("county_audit",)] + NOLOW + CITYPROV)
case("FU23 funds_diverted at a village, the city audit, grave: the township not_discovered with staff + unit + leadership (一(四) 根据情形严重和不良后果程度，追究所在单位和领导责任); the county's 主体责任 (二(四)6 对当地资金管理负主体责任); no township or city 主体责任",
     FU("funds_diverted", severity="grave", discovered=cityaudit), req=[(TWN, "not_discovered", S3UL), ("county_finance", "not_discovered", S3UL)] + CNTY_MR,
     forb=NO_TWN_MR + NO_CITY_MR)
case("FU24 the same serious: staff + unit; no 主体责任",
     FU("funds_diverted", severity="serious", discovered=cityaudit), req=[(TWN, "not_discovered", S3U), ("county_finance", "not_discovered", S3U)], forb=NO_MR)
case("FU25 the same minor: staff only; no 主体责任",
     FU("funds_diverted", discovered=cityaudit), req=[(TWN, "not_discovered", S3), ("county_finance", "not_discovered", S3)], forb=NO_MR)
case("FU26 funds_diverted at a village, the village's own grid 03-01, put right 03-10 (as of 04-30): nobody",
     FU("funds_diverted", discovered=vgrid, rectified_on="2021-03-10", **late), forb=NOBODY)
case("FU27 funds_allocation_irregular at the county code, concealed by the county (no body named) from the province audit: one county body concealed (concealing_level_body: unresolved, listed); no village/township; no province body",
     FU("funds_allocation_irregular", C, discovered=paudit, concealed_by=["county"]), req=[("county_*", "concealed")], forb=NOLOW + [("province_*",)],
     listed=["concealing_level_body"])
case("FU28 funds_allocation_irregular at the county code, the city audit → the city assigns to 县财政 only on 03-12 (the 11th day, deadline 04-30), as of 04-20: a city body not_handled (一(四) 没有…及时交办); 县财政 not not_rectified (before its deadline)",
     FU("funds_allocation_irregular", C, discovered=cityaudit, handled=[asg("city", "county", "2021-03-12", body="county_finance")], deadline="2021-04-30", as_of="2021-04-20"),
     req=[("city_*", "not_handled")], forb=[("county_finance", "not_rectified")] + NOLOW)
case("FU29 the same assigned on 03-11 (the 10th day): no city body not_handled",
     FU("funds_allocation_irregular", C, discovered=cityaudit, handled=[asg("city", "county", "2021-03-11", body="county_finance")], deadline="2021-04-30", as_of="2021-04-20"),
     forb=[("city_*", "not_handled"), ("county_finance", "not_rectified")] + NOLOW)
case("FU30 the same assigned on 03-12 with handling_time_limit_days=15: no city body not_handled (listed)",
     FU("funds_allocation_irregular", C, discovered=cityaudit, handled=[asg("city", "county", "2021-03-12", body="county_finance")], deadline="2021-04-30", as_of="2021-04-20"),
     params=dict(handling_time_limit_days=15), forb=[("city_*", "not_handled")] + NOLOW, listed=["handling_time_limit_days"])
case("FU31 funds_allocation_irregular at the county code, city audit → 县财政 03-03 with no deadline, not done, as of 04-02 (the 30th day): no 整改不到位 yet",
     FU("funds_allocation_irregular", C, discovered=cityaudit, handled=[asg("city", "county", body="county_finance")], as_of="2021-04-02"), forb=NOT_LATE)
case("FU32 the same as of 04-03: 县财政 not_rectified (rectification_time_limit_days, listed)",
     FU("funds_allocation_irregular", C, discovered=cityaudit, handled=[asg("city", "county", body="county_finance")], as_of="2021-04-03"),
     req=[("county_finance", "not_rectified")], listed=["rectification_time_limit_days"])
case("FU33 the same as of 04-03 with rectification_time_limit_days=60: no 整改不到位",
     FU("funds_allocation_irregular", C, discovered=cityaudit, handled=[asg("city", "county", body="county_finance")], as_of="2021-04-03"),
     params=dict(rectification_time_limit_days=60), forb=NOT_LATE)
case("FU34 funds_allocation_irregular at the county code, found by the city audit, the city sits to 03-25, grave: a city body not_handled, staff + unit + leadership; no city 主体责任 by default (main_responsibility_every_level); no county body not_handled",
     FU("funds_allocation_irregular", C, severity="grave", discovered=cityaudit, **sit), req=[("city_*", "not_handled", S3UL)],
     forb=NO_CITY_MR + [("county_*", "not_handled")] + NOLOW)

# ===================== 项目 二(五) =====================
case("PR1 project_not_deliberated at a village, the city's 调研督导: the village not_discovered (二(五)1 组织召开村民代表大会…确定村级申报项目，并公示后上报乡镇); the township not_discovered (二(二)2); no city body not_discovered; not 县教育局, 县卫健",
     PR("project_not_deliberated", discovered=cres()), req=[("village_*", "not_discovered"), (TWN, "not_discovered")],
     forb=CITY_ND + [("county_education",), ("county_health",), ("province_*",)])
case("PR2 project_false_or_unnecessary at a village, the city audit: the township (二(五)2 负责对本辖区内申报项目的真实性、必要性…进行审核) and 县扶贫办 (二(五)3 负责将符合条件的项目按规定程序审核纳入项目库) not_discovered; no city body not_discovered",
     PR("project_false_or_unnecessary", discovered=cityaudit), req=[(TWN, "not_discovered"), ("county_poverty_office", "not_discovered")],
     forb=CITY_ND + [("city_audit",), ("county_education",), ("province_*",)])
case("PR3 project_late_or_unfinished at a village, the county hotline: the village (二(五)1 负责做好村级项目实施) and the township (二(五)2 确保项目按时按要求完成建设) not_discovered; no county body not_discovered (the finder's level, outside channel); no city",
     PR("project_late_or_unfinished", discovered=hot), req=[("village_*", "not_discovered"), (TWN, "not_discovered")], forb=CNTY_ND + CITYPROV)
case("PR4 project_acceptance_lax at the county code, sector water, the province's 检查组抽查 (二(五)5 不定期组织检查组…对项目抽查): 县水利 not_discovered (二(五)3 组织对项目进行检查、验收和绩效评价); not 县教育局; no village/township; no province body not_discovered",
     PR("project_acceptance_lax", C, sector="water", discovered=disc("province", "spot_check")), req=[("county_water", "not_discovered")],
     forb=[("county_education",), ("county_civil_affairs",)] + NOLOW + PROV_ND)
case("PR5 project_acceptance_lax at the county code, no sector, the province's 抽查: a county body not_discovered, no department named whose project the record does not say it is: not 县水利, 县教育局. [After the run: as FU7, the role county_sector_department is listed, not sectorless_alternatives (the record gives a kind)]",
     PR("project_acceptance_lax", C, discovered=disc("province", "spot_check")), req=CNTY_ND, forb=[("county_water",), ("county_education",), ("county_health",)] + NOLOW,
     listed=["county_sector_department"])
case("PR6 project_not_entered_in_system at the county code, the city's 调研督导: 县扶贫办 not_discovered (二(五)3 县扶贫办…及时录入全国扶贫开发信息系统项目管理板块); not 县水利, 县财政; no village/township; no city not_discovered",
     PR("project_not_entered_in_system", C, discovered=cres()), req=[("county_poverty_office", "not_discovered")],
     forb=[("county_water",), ("county_finance",), ("county_education",)] + NOLOW + CITY_ND)
case("PR7 project_not_entered_in_system at the county code, city → 县扶贫办 03-03 (deadline 03-31), never, as of 04-30: 县扶贫办 not_rectified; no city body not_rectified; not 县财政",
     PR("project_not_entered_in_system", C, discovered=cres(), handled=[asg("city", "county", body="county_poverty_office")], deadline="2021-03-31", **late),
     req=[("county_poverty_office", "not_rectified")], forb=[("city_*", "not_rectified"), ("county_finance",), ("county_water",)] + NOLOW)
case("PR8 the same assigned to the county (no body): 县扶贫办 not_rectified (the one county body whose part it is); the county's Party committee and government not not_rectified (level_assignment_leaders: press; 二(二)4 指导督促部门…整改)",
     PR("project_not_entered_in_system", C, discovered=cres(), handled=[asg("city", "county")], deadline="2021-03-31", **late),
     req=[("county_poverty_office", "not_rectified")], forb=[("county_party_committee", "not_rectified"), ("county_government", "not_rectified"), ("county_finance",), ("city_*", "not_rectified")])
case("PR9 project_ledger_incomplete at a village, the county's 核查普查: the township not_discovered (二(五)2 做好项目台账资料); no county body not_discovered (the finder's level); no city",
     PR("project_ledger_incomplete", discovered=disc("county", "verification_census")), req=[(TWN, "not_discovered")], forb=CNTY_ND + CITYPROV)
case("PR10 project_ledger_incomplete at the township code, county hotline → the township 03-03 (deadline 03-31), done 04-10: the township not_rectified; no village; no county not_rectified",
     PR("project_ledger_incomplete", T, discovered=hot, handled=[asg("county", "township")], deadline="2021-03-31", rectified_on="2021-04-10", **late),
     req=[(TWN, "not_rectified")], forb=[("village_*",), ("county_*", "not_rectified")] + CITYPROV)
case("PR11 projects_policy_gap at the county code, found by 县扶贫办's 动态跟踪 03-01, reported to the city 03-05, as of 04-30: no county body (一(三) 超出本级权限的及时向上级单位报送: done); no village/township",
     PR("projects_policy_gap", C, discovered=disc("county", "dynamic_tracking", body="county_poverty_office"), handled=[rep("county", "city", "2021-03-05")], **late),
     forb=[("county_*",)] + NOLOW)
case("PR12 the same never reported, as of 03-25: a county body not_handled; no county not_discovered; no city not_handled",
     PR("projects_policy_gap", C, discovered=disc("county", "dynamic_tracking", body="county_poverty_office"), **sit), req=[("county_*", "not_handled")],
     forb=CNTY_ND + NOLOW + [("city_*", "not_handled")])
case("PR13 the same reported on 03-11 (the 10th day), as of 04-30: in time, no county body",
     PR("projects_policy_gap", C, discovered=disc("county", "dynamic_tracking", body="county_poverty_office"), handled=[rep("county", "city", "2021-03-11")], **late),
     forb=[("county_*",)] + NOLOW)
case("PR14 projects_policy_gap at the county code, county → city 03-03, the city passes it to the province 03-13 (10 days after receiving), as of 04-30: no county body; no city not_handled",
     PR("projects_policy_gap", C, discovered=disc("county", "dynamic_tracking", body="county_poverty_office"), handled=[rep("county", "city"), rep("city", "province", "2021-03-13")], **late),
     forb=[("county_*",), ("city_*", "not_handled")] + NOLOW)
case("PR15 the same with the city's report on 03-14 (the 11th day): a city body not_handled; no county body",
     PR("projects_policy_gap", C, discovered=disc("county", "dynamic_tracking", body="county_poverty_office"), handled=[rep("county", "city"), rep("city", "province", "2021-03-14")], **late),
     req=[("city_*", "not_handled")], forb=[("county_*",)] + NOLOW)
case("PR16 projects_policy_gap at the city code (the city's own measures), the province's 调研督导: a city body not_discovered (二(五)5 扶贫、财政、民宗等部门负责…扶贫项目管理等相关政策措施制定完善); no county body; no province not_discovered",
     PR("projects_policy_gap", CITY, discovered=pres()), req=CITY_ND, forb=[("county_*",), ("city_education",), ("city_health",), ("city_water",)] + PROV_ND + NOLOW)
case("PR17 project_late_or_unfinished at a village, grave, county hotline → the township 03-03 (deadline 03-31), never: the township not_rectified (staff + unit + leadership); the county's 主体责任 (二(五)4 对当地项目管理负主体责任); no township or city 主体责任",
     PR("project_late_or_unfinished", severity="grave", discovered=hot, handled=[asg("county", "township")], deadline="2021-03-31", **late),
     req=[(TWN, "not_rectified", S3UL)] + CNTY_MR, forb=NO_TWN_MR + NO_CITY_MR + [("county_*", "not_rectified")])
case("PR18 project_false_or_unnecessary at a village, the township concealed it from the city audit: the township concealed, not also not_discovered; the village not concealed; no city body",
     PR("project_false_or_unnecessary", discovered=cityaudit, concealed_by=["township"]), req=[(TWN, "concealed")],
     forb=[(TWN, "not_discovered"), ("village_*", "concealed"), ("city_*",)])
case("PR19 project_acceptance_lax at the county code, sector water, 县水利 concealed it from the city's 上级核查: 县水利 concealed; 县扶贫办 not concealed; no village/township",
     PR("project_acceptance_lax", C, sector="water", discovered=disc("city", "higher_level_verification"), concealed_by=["county_water"]),
     req=[("county_water", "concealed")], forb=[("county_poverty_office", "concealed"), ("county_water", "not_discovered")] + NOLOW + [("city_*",)])
case("PR20 project_not_entered_in_system at the county code, 县扶贫办's own 动态跟踪 03-01, entered 03-08: nobody",
     PR("project_not_entered_in_system", C, discovered=disc("county", "dynamic_tracking", body="county_poverty_office"), rectified_on="2021-03-08", **late), forb=NOBODY)
case("PR21 project_not_entered_in_system at the county code, the city → 县水利 03-03 (no part in the 项目库, 二(五)3): 县水利 never named not_rectified; no city not_rectified",
     PR("project_not_entered_in_system", C, discovered=cres(), handled=[asg("city", "county", body="county_water")], deadline="2021-03-31", **late),
     forb=[("county_water",), ("city_*", "not_rectified")] + NOLOW)
case("PR22 project_late_or_unfinished at a village, the township's grid 03-01, reported up to the county 03-03 (the township's own 及时组织实施, 二(五)2, within its reach), the county sends it back to the township 03-05 (deadline 03-31), done 03-20: only the village's not_discovered; no not_handled, no 整改不到位",
     PR("project_late_or_unfinished", discovered=tgrid, handled=[rep("township", "county"), asg("county", "township", "2021-03-05")], deadline="2021-03-31", rectified_on="2021-03-20", **late),
     forb=NOT_LATE + [("*", "not_handled"), ("county_*",), ("township_*",)] + CITYPROV)
case("PR23 project_late_or_unfinished, the village's own grid 03-01, done 03-20 (as of 04-30): nobody",
     PR("project_late_or_unfinished", discovered=vgrid, rectified_on="2021-03-20", **late), forb=NOBODY)

# ===================== 危房 二(六)4 at the county, the city and the province =====================
case("HS1 housing_subsidy_irregular at a village, sector construction, the city audit: 县建设 not_discovered (二(六)4(3) 负责农村困难家庭危房鉴定、改造补助资金审核工作); not 县民政, 县自然资源; no city not_discovered",
     HO("housing_subsidy_irregular", sector="construction", discovered=cityaudit), req=[("county_construction", "not_discovered")],
     forb=[("county_civil_affairs",), ("county_natural_resources",), ("county_education",)] + CITY_ND + [("province_*",)])
case("HS2 housing_subsidy_irregular at a village, sector finance, the city audit: 县财政 not_discovered (二(六)4(4) 财政部门负责结合当地政策对农村困难家庭危房改造给予财政补贴); not 县民政, 县自然资源; no city not_discovered. [After the run, DISAGREE: the library names 县建设 not_discovered too, on its review part (二(六)4(3) 负责…改造补助资金审核工作) — but the record puts the failure in finance's part, and 一(四) holds liable 相关工作人员; the kind's own rectification reads the two parts as twins each for its own line (rules/areas/housing.yaml, review26 F2), its discovery does not. Forbidden here: 县建设 not_discovered]",
     HO("housing_subsidy_irregular", sector="finance", discovered=cityaudit), req=[("county_finance", "not_discovered")],
     forb=[("county_construction", "not_discovered"), ("county_civil_affairs",), ("county_natural_resources",), ("county_education",)] + CITY_ND)
case("HS2b (after HS2's run) housing_subsidy_irregular at a village, no sector, the city audit: a county body not_discovered, but not 县建设 named outright for its review part (二(六)4(3) 改造补助资金审核) when the record does not say whether the review or the payment (二(六)4(4) 财政补贴) failed — one 问题所属部门, unresolved, as the kind's rectification reads it. DISAGREE: the library names 县建设 and the role both",
     HO("housing_subsidy_irregular", discovered=cityaudit), req=CNTY_ND, forb=[("county_construction", "not_discovered"), ("county_civil_affairs",)] + CITY_ND)
case("HS3 housing_renovation_late at a village, the province's 巡视: the village and township not_discovered; no province body not_discovered, no city body; not 县教育局, 县水利",
     HO("housing_renovation_late", discovered=ptour), req=LOW_ND, forb=PROV_ND + [("city_*",), ("county_education",), ("county_water",)])
case("HS4 housing_danger_unreported at a village, the province's 巡视, 县建设 concealed it: 县建设 concealed (一(四)), not also not_discovered; village and township not_discovered; no province body",
     HO("housing_danger_unreported", discovered=ptour, concealed_by=["county_construction"]), req=[("county_construction", "concealed")] + LOW_ND,
     forb=[("county_construction", "not_discovered"), ("province_*",), ("township_*", "concealed")])
case("HS5 housing_renovation_late at a village, the township's grid 03-01, reported to the county (no body) 03-03, the county sits to 04-30: a county body answers; the township not not_handled (it reported in time)",
     HO("housing_renovation_late", discovered=tgrid, handled=[rep("township", "county")], **late), req=[("county_*", None)],
     forb=[(TWN, "not_handled"), ("city_*",), ("province_*",), ("county_education",)])
case("HS6 housing_renovation_late at a village, city 调研督导 → 县建设 03-03 (deadline 03-31) → the township 03-05, done 03-20: no 整改不到位, no pressing, no not_handled",
     HO("housing_renovation_late", discovered=cres(), handled=[asg("city", "county", body="county_construction"), asg("county", "township", "2021-03-05")], deadline="2021-03-31", rectified_on="2021-03-20", **late),
     req=LOW_ND, forb=NOT_LATE + [("*", "not_handled")])
case("HS7 housing_policy_gap at the county code, 县建设's own 核查普查 03-01, reported to 市建设 03-05, as of 04-30: no county body (一(三) done); no village/township",
     HO("housing_policy_gap", C, discovered=disc("county", "verification_census", body="county_construction"), handled=[rep("county", "city", "2021-03-05", body="city_construction")], **late),
     forb=[("county_*",)] + NOLOW)
case("HS8 the same never reported, as of 03-25: a county body not_handled (县建设 held it); no village/township; no city",
     HO("housing_policy_gap", C, discovered=disc("county", "verification_census", body="county_construction"), **sit), req=[("county_*", "not_handled")],
     forb=NOLOW + [("city_*",), ("county_*", "not_discovered")])
case("HS9 housing_policy_gap at the city code, the province's 调研督导: 市建设 not_discovered (二(六)4(6) 省市住房城乡建设部门：负责制定危房长效治理改造政策); not 市民政, 市教育; no county body; no province not_discovered",
     HO("housing_policy_gap", CITY, discovered=pres()), req=[("city_construction", "not_discovered")],
     forb=[("city_civil_affairs",), ("city_education",), ("county_*",)] + PROV_ND + NOLOW)
case("HS10 housing_line_policy_gap at the city code, sector natural_resources, the province's 调研督导: 市自然资源 not_discovered (二(六)4(7) 自然资源…部门负责制定…建设用地保障…政策); not 市建设, 市民政",
     HO("housing_line_policy_gap", CITY, sector="natural_resources", discovered=pres()), req=[("city_natural_resources", "not_discovered")],
     forb=[("city_construction",), ("city_civil_affairs",), ("county_*",)] + PROV_ND)
case("HS11 housing_renovation_late grave, county hotline → 县建设 03-05 (deadline 03-31), never, as of 04-30: 县建设 not_rectified, staff + unit + leadership; the county's 主体责任 (二(六)4(5) 对当地农村危房改造负主体责任); no township or city 主体责任",
     HO("housing_renovation_late", severity="grave", discovered=hot, handled=[asg("county", "county", "2021-03-05", body="county_construction")], deadline="2021-03-31", **late),
     req=[("county_construction", "not_rectified", S3UL)] + CNTY_MR, forb=NO_TWN_MR + NO_CITY_MR + [("township_*", "not_rectified")])
case("HS12 the same serious: 县建设 not_rectified, staff + unit; no 主体责任",
     HO("housing_renovation_late", severity="serious", discovered=hot, handled=[asg("county", "county", "2021-03-05", body="county_construction")], deadline="2021-03-31", **late),
     req=[("county_construction", "not_rectified", S3U)], forb=NO_MR)
case("HS13 the same serious with main_responsibility_from=serious and leadership_liability_from=serious: the county's 主体责任 (listed). [After the run: I set main_responsibility_from alone; the library warns it changes nothing while leadership_liability_from=grave — 主体责任 is the leaders' (二(一)1 主要领导是第一责任人), so it is held only where 一(四)'s 领导责任 is; as LB6 of check57, both set]",
     HO("housing_renovation_late", severity="serious", discovered=hot, handled=[asg("county", "county", "2021-03-05", body="county_construction")], deadline="2021-03-31", **late),
     params=dict(main_responsibility_from="serious", leadership_liability_from="serious"), req=CNTY_MR, forb=NO_TWN_MR + NO_CITY_MR, listed=["main_responsibility_from"])
case("HS14 housing_danger_unreported at a village, the county hotline received by 县建设, which sits to 03-25: 县建设 not_handled; village + township not_discovered; 县扶贫办 not not_handled",
     HO("housing_danger_unreported", discovered=disc("county", "hotline", body="county_construction"), **sit),
     req=[("county_construction", "not_handled")] + LOW_ND, forb=[("county_poverty_office", "not_handled"), ("village_*", "not_handled"), ("township_*", "not_handled")] + CITYPROV)
case("HS15 housing_renovation_late at a village, the city's 调研督导 03-01, the city holds it, as of 03-11 (the 10th day): no city body not_handled yet",
     HO("housing_renovation_late", discovered=cres(), as_of="2021-03-11"), req=LOW_ND, forb=[("*", "not_handled")])
case("HS16 the same as of 03-12: a city body not_handled; no county body not_handled (never had it)",
     HO("housing_renovation_late", discovered=cres(), as_of="2021-03-12"), req=[("city_*", "not_handled")], forb=[("county_*", "not_handled"), ("township_*", "not_handled")])
case("HS17 housing_renovation_late at a village, the province's 巡视 03-01 → 县建设 03-03 (deadline 03-31), done 04-15: 县建设 not_rectified; no province body not_rectified; no city",
     HO("housing_renovation_late", discovered=ptour, handled=[asg("province", "county", body="county_construction")], deadline="2021-03-31", rectified_on="2021-04-15", **late),
     req=[("county_construction", "not_rectified")], forb=[("province_*", "not_rectified"), ("city_*", "not_rectified"), ("city_*", "not_handled")])
case("HS18 housing_renovation_late at a village, concealed by 市建设 from the province's 巡视: 市建设 concealed (一(四) 对上级核查和巡视审计等过程中瞒报漏报问题的); village + township not_discovered; no province body",
     HO("housing_renovation_late", discovered=ptour, concealed_by=["city_construction"]), req=[("city_construction", "concealed")] + LOW_ND,
     forb=[("province_*",), ("city_construction", "not_discovered")])
case("HS19 housing_safety_system_missing at the township code, the province's 巡视: the township not_discovered (二(六)4(2) 负责建立健全房屋使用安全常态化、网格化管理制度); no village; no province or city not_discovered",
     HO("housing_safety_system_missing", T, discovered=ptour), req=[(TWN, "not_discovered")], forb=[("village_*",)] + PROV_ND + CITY_ND)
case("HS20 housing_danger_unreported at a village, no discovery: nobody",
     HO("housing_danger_unreported"), forb=NOBODY)
case("HS21 housing_policy_gap at the county code, county hotline 03-01 reported straight to the province 03-04 (a 上级单位, 一(三)), as of 04-30: no county body; the city (never shown it) not named",
     HO("housing_policy_gap", C, discovered=hot, handled=[rep("county", "province", "2021-03-04")], **late), forb=[("county_*",), ("city_*",)] + NOLOW)
case("HS22 housing_line_policy_gap at the county code, sector civil_affairs, 县民政's own 核查普查 03-01, reported to the city 03-20 (late), as of 04-30: a county body not_handled; not 县建设",
     HO("housing_line_policy_gap", C, sector="civil_affairs", discovered=disc("county", "verification_census", body="county_civil_affairs"), handled=[rep("county", "city", "2021-03-20")], **late),
     req=[("county_*", "not_handled")], forb=[("county_construction",)] + NOLOW)

# ===================== 饮水 二(六)5 at the county, the city and the province =====================
case("WA1 water_project_quality_unsafe at a village, the city's 调研督导: 县水利 not_discovered (二(六)5(4) 加强农村供水工程建设质量和安全监管); not 县卫健; no city not_discovered",
     WA("water_project_quality_unsafe", discovered=cres()), req=[("county_water", "not_discovered")],
     forb=[("county_health",), ("county_education",), ("county_civil_affairs",)] + CITY_ND + [("province_*",)])
case("WA2 water_project_funds_irregular at the county code, the province audit: 县水利 not_discovered (二(六)5(4) …和项目资金管理); not 县卫健, not the unit; no village/township; no province body",
     WA("water_project_funds_irregular", C, discovered=paudit), req=[("county_water", "not_discovered")],
     forb=[("county_health",), ("county_water_supply_unit",), ("province_*",)] + NOLOW)
case("WA3 water_project_funds_irregular at the county code, found by the county audit, put right 03-15 (as of 04-30): nobody (the county audit is the finder's own level's, outside_channel_finder_level false)",
     WA("water_project_funds_irregular", C, discovered=caudit, rectified_on="2021-03-15", **late), forb=NOBODY)
case("WA4 the same with outside_channel_finder_level=true: 县水利 not_discovered (listed)",
     WA("water_project_funds_irregular", C, discovered=caudit, rectified_on="2021-03-15", **late), params=dict(outside_channel_finder_level=True),
     req=[("county_water", "not_discovered")], forb=[("county_health",), ("county_audit",)] + NOLOW + CITYPROV, listed=["outside_channel_finder_level"])
case("WA5 water_self_testing_not_done at the county code, city 调研督导 → the unit 03-03 (deadline 03-31), never, as of 04-30: the unit not_rectified (二(六)5(3) 落实水质自检); 县卫健 not; no city not_rectified",
     WA("water_self_testing_not_done", C, discovered=cres(), handled=[asg("city", "county", body="county_water_supply_unit")], deadline="2021-03-31", **late),
     req=[("county_water_supply_unit", "not_rectified")], forb=[("county_health",), ("city_*", "not_rectified")] + NOLOW)
case("WA6 water_self_testing_not_done at the county code, 县水利's own 核查普查 03-01, sat to 03-25: 县水利 not_handled (一(四) 没有按程序及时交办); the unit not not_handled (never had it); 县卫健 not; no city",
     WA("water_self_testing_not_done", C, discovered=disc("county", "verification_census", body="county_water"), **sit),
     req=[("county_water", "not_handled")], forb=[("county_water_supply_unit", "not_handled"), ("county_health",), ("city_*",)] + NOLOW)
case("WA7 water_monitoring_network_missing at the county code, province 调研督导 → 县卫健 03-03 (deadline 03-31), done 04-02: 县卫健 not_rectified (二(六)5(4) 卫健部门负责水质监测网络建设); 县水利 not not_rectified; no province not_rectified",
     WA("water_monitoring_network_missing", C, discovered=pres(), handled=[asg("province", "county", body="county_health")], deadline="2021-03-31", rectified_on="2021-04-02", **late),
     req=[("county_health", "not_rectified")], forb=[("county_water", "not_rectified"), ("county_water_supply_unit", "not_rectified"), ("province_*", "not_rectified")] + NOLOW)
case("WA8 water_policy_gap at the city code, no line, the province's 调研督导: 市水利 not_discovered (二(六)5(6) 省市行业主管部门：负责制定农村饮水安全的政策措施); 市卫健 not; no county body. [After the run: I listed water_policy_health_departments; a record naming no line is 市水利's under either value (the parameter reads the heading line by line only for a record of the health line), so it decides nothing here and is rightly not listed]",
     WA("water_policy_gap", CITY, discovered=pres()), req=[("city_water", "not_discovered")], forb=[("city_health",), ("county_*",), ("city_education",)] + PROV_ND + NOLOW,
     notlisted=["water_policy_health_departments"])
case("WA9 the same of the health line (sector health) with water_policy_health_departments=true: 市卫健 not_discovered (二(六)5(4) read one level up: 卫健部门负责水质监测网络建设和安全检测工作), not 市水利 (listed). [After the run: written with no sector and both named; the parameter's true reads each line's department for its own part, so the record must name the health line — my misreading of the parameter, the record corrected]",
     WA("water_policy_gap", CITY, sector="health", discovered=pres()), params=dict(water_policy_health_departments=True), req=[("city_health", "not_discovered")],
     forb=[("city_water", "not_discovered"), ("county_*",), ("city_education",)] + PROV_ND, listed=["water_policy_health_departments"])
case("WA9b (after the run) the same health-line record under the default (false): 市水利 not_discovered, 市卫健 not (二(六)5(6) names no line; the default reads 省市水利 for every line), listed",
     WA("water_policy_gap", CITY, sector="health", discovered=pres()), req=[("city_water", "not_discovered")],
     forb=[("city_health",), ("county_*",)] + PROV_ND, listed=["water_policy_health_departments"])
case("WA10 water_quality_substandard at a village, the province's 巡视, grave: the unit not_discovered (二(六)5(3) 确保供水达标), staff + unit + leadership; the county's 主体责任 (二(六)5(5) 对当地农村饮水安全保障负主体责任); no province or city 主体责任, no province not_discovered",
     WA("water_quality_substandard", severity="grave", discovered=ptour), req=[("county_water_supply_unit", "not_discovered", S3UL)] + CNTY_MR,
     forb=NO_CITY_MR + [("province_*",)] + NO_TWN_MR)
case("WA11 water_facilities_unmaintained at a village, county hotline → the unit 03-03 (deadline 03-31), done 04-01: the unit not_rectified (二(六)5(3) 具体负责做好农村供水工程长效管理); no township or village not_rectified",
     WA("water_facilities_unmaintained", discovered=hot, handled=[asg("county", "county", body="county_water_supply_unit")], deadline="2021-03-31", rectified_on="2021-04-01", **late),
     req=[("county_water_supply_unit", "not_rectified")], forb=[("township_*", "not_rectified"), ("village_*", "not_rectified"), ("county_health",)] + CITYPROV)
case("WA12 water_facilities_unmaintained at the county code, the unit concealed it from the city audit: the unit concealed; 县水利 not concealed; no village/township",
     WA("water_facilities_unmaintained", C, discovered=cityaudit, concealed_by=["county_water_supply_unit"]), req=[("county_water_supply_unit", "concealed")],
     forb=[("county_water", "concealed"), ("county_water_supply_unit", "not_discovered"), ("city_audit",)] + NOLOW)
case("WA13 water_unsafe_unreported at a village, the village's grid 03-01 → the township 03-02 → the county 03-04, the county sits to 03-25: a county body not_handled; the village and township nothing",
     WA("water_unsafe_unreported", discovered=vgrid, handled=[rep("village", "township", "2021-03-02"), rep("township", "county", "2021-03-04")], **sit),
     req=[("county_*", "not_handled")], forb=[("village_*",), ("township_*",)] + CITYPROV)
case("WA14 water_monitoring_network_missing at the county code, 县卫健's own 核查普查 03-01, done 03-20 (as of 04-30): nobody",
     WA("water_monitoring_network_missing", C, discovered=disc("county", "verification_census", body="county_health"), rectified_on="2021-03-20", **late), forb=NOBODY)
case("WA15 water_emergency_failure at the county code, the city's 调研督导 → the county (no body) 03-03 (deadline 03-31), never: the unit not_rectified (二(六)5(3) 做好应急保供保障和供水服务); the county's Party committee and government not not_rectified (press only by default); no city not_rectified",
     WA("water_emergency_failure", C, discovered=cres(), handled=[asg("city", "county")], deadline="2021-03-31", **late),
     req=[("county_water_supply_unit", "not_rectified")], forb=[("county_party_committee", "not_rectified"), ("county_government", "not_rectified"), ("county_health",), ("city_*", "not_rectified")])
case("WA16 water_policy_gap at the province code, 省水利's own 调研督导 03-01, as of 03-05: nobody (within the limit)",
     WA("water_policy_gap", PROV, discovered=pres(body="province_water"), as_of="2021-03-05"), forb=NOBODY)
case("WA17 water_quality_substandard at a village, the city's 调研督导, serious: the unit not_discovered, staff + unit; no 主体责任; no city not_discovered",
     WA("water_quality_substandard", severity="serious", discovered=cres()), req=[("county_water_supply_unit", "not_discovered", S3U)], forb=NO_MR + CITY_ND)
case("WA18 water_quality_substandard at a village, the city's 调研督导, minor, unit_liability_from=minor: the unit not_discovered, staff + unit (listed)",
     WA("water_quality_substandard", discovered=cres()), params=dict(unit_liability_from="minor"), req=[("county_water_supply_unit", "not_discovered", S3U)], forb=NO_MR,
     listed=["unit_liability_from"])

# ===================== 一(三)–(四) at the county, city and province: escalation and the grades, across areas =====================
case("ES1 housing_policy_gap at the county code, county → city 03-03, the city sits, as of 03-25: a city body not_handled (一(三), 一(四) 没有…及时…上报); no county body",
     HO("housing_policy_gap", C, discovered=hot, handled=[rep("county", "city")], **sit), req=[("city_*", "not_handled")], forb=[("county_*",)] + NOLOW)
case("ES2 water_policy_gap at the county code, county → city 03-03 → province 03-05, as of 03-10: nobody (each passed it in time; the province holds it 5 days)",
     WA("water_policy_gap", C, discovered=hot, handled=[rep("county", "city"), rep("city", "province", "2021-03-05")], as_of="2021-03-10"), forb=NOBODY)
case("ES3 funds_allocation_irregular at the county code, the province audit 03-01 → the city 03-03 → 县财政 03-05 (deadline 03-31), never, as of 04-30: 县财政 not_rectified; the province and city (passed it in time) not not_handled nor not_rectified",
     FU("funds_allocation_irregular", C, discovered=paudit, handled=[asg("province", "city"), asg("city", "county", "2021-03-05", body="county_finance")], deadline="2021-03-31", **late),
     req=[("county_finance", "not_rectified")], forb=[("province_*", "not_handled"), ("city_*", "not_handled"), ("province_*", "not_rectified"), ("city_*", "not_rectified")] + NOLOW)
case("ES4 project_not_entered_in_system at the county code, grave, the city's 调研督导 03-01, the city sits to 03-25: a city body not_handled, staff + unit + leadership; 县扶贫办 not_discovered (staff + unit + leadership); the county's 主体责任 (二(五)4); no city 主体责任 by default",
     PR("project_not_entered_in_system", C, severity="grave", discovered=cres(), **sit),
     req=[("city_*", "not_handled", S3UL), ("county_poverty_office", "not_discovered", S3UL)] + CNTY_MR, forb=NO_CITY_MR + NOLOW)
case("ES5 the same with main_responsibility_every_level=true: the city's 主体责任 too (listed)",
     PR("project_not_entered_in_system", C, severity="grave", discovered=cres(), **sit), params=dict(main_responsibility_every_level=True),
     req=[("city_*", "not_handled"), ("city_*", "main_responsibility")] + CNTY_MR, listed=["main_responsibility_every_level"])
case("ES6 project_not_entered_in_system at the county code, serious with leadership_liability_from=serious: 县扶贫办 not_discovered, staff + unit + leadership; no 主体责任 (main_responsibility_from stays grave)",
     PR("project_not_entered_in_system", C, severity="serious", discovered=cres()), params=dict(leadership_liability_from="serious"),
     req=[("county_poverty_office", "not_discovered", S3UL)], forb=NO_MR)
case("ES7 the same serious with unit_liability_from=grave: staff only",
     PR("project_not_entered_in_system", C, severity="serious", discovered=cres()), params=dict(unit_liability_from="grave"),
     req=[("county_poverty_office", "not_discovered", S3)], forb=NO_MR)
case("ES8 housing_subsidy_irregular at a village, sector construction, the county audit 03-01 → 县建设 03-05 (deadline 03-31), done 03-31: nobody answers 整改不到位 or not_handled",
     HO("housing_subsidy_irregular", sector="construction", discovered=caudit, handled=[asg("county", "county", "2021-03-05", body="county_construction")], deadline="2021-03-31", rectified_on="2021-03-31", **late),
     forb=NOT_LATE + [("*", "not_handled"), ("county_audit",)] + CITYPROV)
case("ES9 the county hotline gets a funds_diverted complaint (village) 03-01 through 县扶贫办 (the ledger keeper), passed to the township 03-11 (the 10th day, deadline 04-30), as of 04-20: nobody not_handled, nobody not_rectified",
     FU("funds_diverted", discovered=disc("county", "hotline", body="county_poverty_office"), handled=[asg("county", "township", "2021-03-11")], deadline="2021-04-30", as_of="2021-04-20"),
     forb=[("*", "not_handled"), ("*", "not_rectified")] + CITYPROV)
case("ES10 the same passed on 03-12 (the 11th day): 县扶贫办 not_handled",
     FU("funds_diverted", discovered=disc("county", "hotline", body="county_poverty_office"), handled=[asg("county", "township", "2021-03-12")], deadline="2021-04-30", as_of="2021-04-20"),
     req=[("county_poverty_office", "not_handled")], forb=[("township_*", "not_handled"), ("*", "not_rectified")] + CITYPROV)
case("ES11 funds_rules_gap at the province code, 省财政's own 调研督导 03-01, sat to 03-25: a province body not_handled; no city or county body",
     FU("funds_rules_gap", PROV, discovered=pres(body="province_finance"), **sit), req=[("province_*", "not_handled")], forb=[("city_*",), ("county_*",)] + NOLOW)
case("ES12 housing_renovation_late at a village, the province's 巡视 03-01 → 县建设 03-03 (deadline 03-31), 县建设 passes it to the township 03-05, never, as of 04-30: the township not_rectified (二(二)2 …整改工作负责) with 县建设 pressing (二(六)4(3) 督促指导乡镇做好危房治理); 县建设 not not_rectified; the province not not_rectified",
     HO("housing_renovation_late", discovered=ptour, handled=[asg("province", "county", body="county_construction"), asg("county", "township", "2021-03-05")], deadline="2021-03-31", **late),
     req=[(TWN, "not_rectified")], forb=[("county_construction", "not_rectified"), ("province_*", "not_rectified"), ("village_*", "not_rectified")])

# ===================== batch 2 (written after batch 1's run, before its own): where over-blame could hide =====================
case("X1 funds_diverted at a village, the province audit: the township and 县财政 not_discovered; the city audit not named by default (lower_audit_answers_higher_find, listed: 二(四)8 does not say the city's audit missed what the province found)",
     FU("funds_diverted", discovered=paudit), req=[(TWN, "not_discovered"), ("county_finance", "not_discovered")], forb=[("city_*",), ("province_*",), ("county_audit",)],
     listed=["lower_audit_answers_higher_find"])
case("X2 the same with lower_audit_answers_higher_find=true: the city audit not_discovered (二(四)8 省、市两级审计部门：负责统筹推进审计监督，确保及时全面发现问题); the county audit not (二(四)8 names 省、市两级 only)",
     FU("funds_diverted", discovered=paudit), params=dict(lower_audit_answers_higher_find=True), req=[("city_audit", "not_discovered"), (TWN, "not_discovered")],
     forb=[("county_audit",), ("province_*",)])
case("X3 project_records_incomplete (台账 or 录入, not said which) at a village, the city's 调研督导: 县扶贫办 not named not_discovered by default (joined_records_both_halves, listed: 一(四) 相关工作人员 — the record does not show the 录入 half failed)",
     PR("project_records_incomplete", discovered=cres()), forb=[("county_poverty_office", "not_discovered")] + CITY_ND + [("province_*",)], listed=["joined_records_both_halves"])
case("X4 the same with joined_records_both_halves=true: 县扶贫办 (二(五)3 及时录入全国扶贫开发信息系统) and the township (二(五)2 做好项目台账资料) not_discovered",
     PR("project_records_incomplete", discovered=cres()), params=dict(joined_records_both_halves=True), req=[("county_poverty_office", "not_discovered"), (TWN, "not_discovered")], forb=CITY_ND)
case("X5 water_project_irregular (质量 or 项目资金, not said which) at a village, the city's 调研督导: 县水利 not_discovered (二(六)5(4) holds both halves); the village not by default (joined_records_both_halves)",
     WA("water_project_irregular", discovered=cres()), req=[("county_water", "not_discovered")], forb=[("village_*",), ("county_health",)] + CITY_ND)
case("X6 housing_line_policy_gap at the city code, no line, the province's 调研督导: a city body not_discovered, but not each of 市民政, 市自然资源, 市财政 (二(六)4(7) gives each its own policy; the record does not say whose); not 市建设 (二(六)4(6) is the renovation policy, not the line policies)",
     HO("housing_line_policy_gap", CITY, discovered=pres()), req=CITY_ND, forb=[("city_civil_affairs",), ("city_natural_resources",), ("city_finance",), ("city_construction",), ("county_*",)] + PROV_ND)
case("X7 housing_renovation_late at a village, sector natural_resources (land not secured), the city's 调研督导: 县自然资源 not_discovered (二(六)4(4) 自然资源部门负责保障农村危房改造建设用地); not 县民政, 县财政",
     HO("housing_renovation_late", sector="natural_resources", discovered=cres()), req=[("county_natural_resources", "not_discovered")],
     forb=[("county_civil_affairs",), ("county_finance",), ("county_education",)] + CITY_ND)
case("X8 housing_renovation_late at a village, city 调研督导 → the township directly 03-03 (deadline 03-31), never, as of 04-30: the township not_rectified; no county body not_handled or not_rectified (never had it); no city not_rectified",
     HO("housing_renovation_late", discovered=cres(), handled=[asg("city", "township")], deadline="2021-03-31", **late),
     req=[(TWN, "not_rectified")], forb=[("county_*", "not_handled"), ("county_*", "not_rectified"), ("city_*", "not_rectified"), ("city_*", "not_handled")])
case("X9 housing_renovation_late at a village, province 巡视 03-01 → the city 03-03, the city sits to 04-30: a city body answers (一(四) 没有按程序及时交办); no county body not_handled or not_rectified; the province not not_handled",
     HO("housing_renovation_late", discovered=ptour, handled=[asg("province", "city")], **late),
     req=[("city_*", None)], forb=[("county_*", "not_handled"), ("county_*", "not_rectified"), ("province_*", "not_handled")])
case("X10 funds_diverted at a village, county hotline 03-01, the county reports it up to the city 03-03 though it is within its authority (二(四)2 the township's 审核, 二(二)2 its 整改) and assigns nobody, as of 03-25: a county body not_handled (一(三) only 对超出本级权限的 are reported upward; 一(四) 没有按程序及时交办)",
     FU("funds_diverted", discovered=hot, handled=[rep("county", "city")], **sit), req=[("county_*", "not_handled")], forb=[("township_*", "not_handled"), ("village_*", "not_handled")])
case("X11 the same, the county also assigns it to the township 03-05 (deadline 03-31), done 03-20: nobody not_handled, nobody not_rectified",
     FU("funds_diverted", discovered=hot, handled=[rep("county", "city"), asg("county", "township", "2021-03-05")], deadline="2021-03-31", rectified_on="2021-03-20", **late),
     forb=NOT_LATE + [("*", "not_handled")])
case("X12 housing_renovation_late at a village, province 巡视 03-01 → 县建设 03-11 (the 10th day, deadline 04-30), as of 04-05: no province body not_handled",
     HO("housing_renovation_late", discovered=ptour, handled=[asg("province", "county", "2021-03-11", body="county_construction")], deadline="2021-04-30", as_of="2021-04-05"),
     forb=[("*", "not_handled"), ("*", "not_rectified")])
case("X13 the same assigned 03-12: a province body not_handled; 县建设 not not_rectified (before its deadline)",
     HO("housing_renovation_late", discovered=ptour, handled=[asg("province", "county", "2021-03-12", body="county_construction")], deadline="2021-04-30", as_of="2021-04-05"),
     req=[("province_*", "not_handled")], forb=[("county_construction", "not_rectified"), ("city_*",)])
case("X14 water_quality_substandard at a village, grave, 县水利 concealed it from the province's 巡视: 县水利 concealed, staff + unit + leadership, not also not_discovered; the unit not_discovered; the county's 主体责任 (二(六)5(5)); no province body",
     WA("water_quality_substandard", severity="grave", discovered=ptour, concealed_by=["county_water"]),
     req=[("county_water", "concealed", S3UL), ("county_water_supply_unit", "not_discovered")] + CNTY_MR, forb=[("county_water", "not_discovered"), ("province_*",)] + NO_CITY_MR)
case("X15 funds_assets_mismanaged at the county code, the province audit: 县财政 not_discovered (二(四)3 对当地扶贫资产负全面监管责任); no village/township; no city or province body",
     FU("funds_assets_mismanaged", C, discovered=paudit), req=[("county_finance", "not_discovered")], forb=NOLOW + CITYPROV)
case("X16 funds_diverted at a village, found by the county 纪委 (二(一)2(2)): the 纪委 (the finder, 监督责任) never named; the township not_discovered",
     FU("funds_diverted", discovered=disc("county", "discipline_inspection", body="county_discipline")), req=[(TWN, "not_discovered")], forb=[("county_discipline",)] + CITYPROV)
case("X17 funds_poor_performance at the county code, sector water, 县水利's own 绩效评价 03-01, nothing done, as of 04-30: 县水利 answers; nobody not_discovered; no city",
     FU("funds_poor_performance", C, sector="water", discovered=disc("county", "performance_evaluation", body="county_water"), **late),
     req=[("county_water", None)], forb=[("*", "not_discovered"), ("city_*",)] + NOLOW)
case("X18 funds_allocation_irregular at the city code (the city's own allocation, 二(四)7 财政部门…审核行业主管部门分配建议办理资金分配), the province audit: 市财政 not_discovered; no county body; no province body",
     FU("funds_allocation_irregular", CITY, discovered=paudit), req=[("city_finance", "not_discovered")], forb=[("county_*",), ("province_*",)] + NOLOW)
case("X19 project_acceptance_lax at a village, sector water, city → 县水利 03-03 (deadline 03-31), 县水利 hands it to the township 03-05 (二(五)2 gives the township no part in 检查、验收和绩效评价), never, as of 04-30: 县水利 not_rectified (二(五)3 组织对项目进行检查、验收; a hand-off to a body with no part is no 按程序 交办); the township not not_rectified",
     PR("project_acceptance_lax", sector="water", discovered=cres(), handled=[asg("city", "county", body="county_water"), asg("county", "township", "2021-03-05")], deadline="2021-03-31", **late),
     req=[("county_water", "not_rectified")], forb=[(TWN, "not_rectified"), ("village_*", "not_rectified"), ("city_*", "not_rectified")])
case("X20 project_late_or_unfinished at a village, city → the county (no body) 03-03 → the township 03-05 (deadline 03-31), done 03-20: no not_rectified, no not_handled",
     PR("project_late_or_unfinished", discovered=cres(), handled=[asg("city", "county"), asg("county", "township", "2021-03-05")], deadline="2021-03-31", rectified_on="2021-03-20", **late),
     req=LOW_ND, forb=NOT_LATE + [("*", "not_handled")])
case("X21 housing_danger_unreported at a village, concealed by the county (no body) from the city's 上级核查: a county body concealed; village + township not_discovered; no city body",
     HO("housing_danger_unreported", discovered=disc("city", "higher_level_verification"), concealed_by=["county"]), req=[("county_*", "concealed")] + LOW_ND,
     forb=[("city_*",), ("county_education",)])
case("X22 water_facilities_unmaintained at a village, province → 县水利 03-03 (deadline 03-31) → the unit 03-05, never: the unit not_rectified; 县水利 not not_rectified (passed it on in time; reassigned_level_answers: supervision); no province not_rectified",
     WA("water_facilities_unmaintained", discovered=ptour, handled=[asg("province", "county", body="county_water"), asg("county", "county", "2021-03-05", body="county_water_supply_unit")], deadline="2021-03-31", **late),
     req=[("county_water_supply_unit", "not_rectified")], forb=[("county_water", "not_rectified"), ("province_*", "not_rectified"), ("township_*", "not_rectified")])
case("X23 the same with reassigned_level_answers=rectification: 县水利 not_rectified too (listed). [After the run: that parameter is for a level that passed the problem DOWN to a lower level; 县水利 handed it within the county to the unit the text makes rectify it (二(六)5(3) 具体负责做好农村供水工程长效管理; 5(4) gives 水利 监管 and 指导), and the province's assignment to 县水利 is read as to the county (assignment_without_rectification_duty: level_holds, listed) — so the parameter decides nothing here and is not listed; my misreading of its scope, the expectation corrected: the unit alone not_rectified]",
     WA("water_facilities_unmaintained", discovered=ptour, handled=[asg("province", "county", body="county_water"), asg("county", "county", "2021-03-05", body="county_water_supply_unit")], deadline="2021-03-31", **late),
     params=dict(reassigned_level_answers="rectification"), req=[("county_water_supply_unit", "not_rectified")], forb=[("county_water", "not_rectified"), ("province_*", "not_rectified")],
     listed=["assignment_without_rectification_duty"], notlisted=["reassigned_level_answers"])
case("X23b (after the run) province 巡视 → 县水利 03-03 (deadline 03-31) only, never: by default the unit (the kind's rectifier, 二(六)5(3)) not_rectified and 县水利 presses (5(4) 指导…长效管护); with assignment_without_rectification_duty=assignee 县水利 answers as assignee instead — here the default",
     WA("water_facilities_unmaintained", discovered=ptour, handled=[asg("province", "county", body="county_water")], deadline="2021-03-31", **late),
     req=[("county_water_supply_unit", "not_rectified"), ("county_water", "supervision")], forb=[("county_water", "not_rectified"), ("province_*", "not_rectified")],
     listed=["assignment_without_rectification_duty"])
case("X23c (after the run) the same with assignment_without_rectification_duty=assignee: 县水利 not_rectified; the unit, never handed it, not not_rectified",
     WA("water_facilities_unmaintained", discovered=ptour, handled=[asg("province", "county", body="county_water")], deadline="2021-03-31", **late),
     params=dict(assignment_without_rectification_duty="assignee"), req=[("county_water", "not_rectified")], forb=[("county_water_supply_unit", "not_rectified"), ("province_*", "not_rectified")])
case("X25 projects_policy_gap at the county code, county → the province directly 03-05 (a 上级单位, 一(三)), as of 03-10: nobody",
     PR("projects_policy_gap", C, discovered=disc("county", "dynamic_tracking", body="county_poverty_office"), handled=[rep("county", "province", "2021-03-05")], as_of="2021-03-10"), forb=NOBODY)
case("X26 funds_diverted at a village, city audit → the township directly 03-03 (deadline 03-31), never, as of 04-30: the township not_rectified; 县财政 not_discovered; no county body not_rectified or not_handled; no city not_rectified",
     FU("funds_diverted", discovered=cityaudit, handled=[asg("city", "township")], deadline="2021-03-31", **late),
     req=[(TWN, "not_rectified"), ("county_finance", "not_discovered")], forb=[("county_*", "not_rectified"), ("county_*", "not_handled"), ("city_*", "not_rectified")])
case("X27 water_self_testing_not_done at the county code, the unit's own 动态跟踪 03-01, done 03-08: nobody",
     WA("water_self_testing_not_done", C, discovered=disc("county", "dynamic_tracking", body="county_water_supply_unit"), rectified_on="2021-03-08", **late), forb=NOBODY)
case("X28 housing_subsidy_irregular at a village, sector construction, 县建设's own 核查普查 03-01, sat to 03-25: 县建设 not_handled; 县财政 not; no city",
     HO("housing_subsidy_irregular", sector="construction", discovered=disc("county", "verification_census", body="county_construction"), **sit),
     req=[("county_construction", "not_handled")], forb=[("county_finance",), ("county_*", "not_discovered")] + CITYPROV)
case("X29 water_project_funds_irregular at the county code, grave, the city audit: 县水利 not_discovered, staff + unit + leadership; the county's 主体责任 (二(六)5(5)); no city 主体责任",
     WA("water_project_funds_irregular", C, severity="grave", discovered=cityaudit), req=[("county_water", "not_discovered", S3UL)] + CNTY_MR, forb=NO_CITY_MR + NOLOW)
case("X30 funds_poor_performance at the county code, sector poverty_office, serious, the city audit: 县扶贫办 not_discovered, staff + unit; no 主体责任",
     FU("funds_poor_performance", C, sector="poverty_office", severity="serious", discovered=cityaudit), req=[("county_poverty_office", "not_discovered", S3U)], forb=NO_MR)
case("X31 project_ledger_incomplete at the township code, the township's own grid 03-01, done 03-10: nobody",
     PR("project_ledger_incomplete", T, discovered=tgrid, rectified_on="2021-03-10", **late), forb=NOBODY)
case("X32 housing_records_false at a village, the county audit, 县建设 concealed it (same-level oversight, 一(四) 巡视审计等过程中瞒报漏报): 县建设 concealed; village + township not_discovered",
     HO("housing_records_false", discovered=caudit, concealed_by=["county_construction"]), req=[("county_construction", "concealed")] + LOW_ND, forb=[("county_audit",)] + CITYPROV)

# ===================== batch 3 (written after batch 2's run, before its own): 主体责任 at each level, oversight bodies, limits =====================
case("Y1 housing_renovation_late at a village, grave, the province's 巡视 03-01, the province sits to 03-25: a province body not_handled (staff + unit + leadership); village + township not_discovered; the county's 主体责任 (二(六)4(5), 属地); no province or city 主体责任 by default",
     HO("housing_renovation_late", severity="grave", discovered=ptour, **sit), req=[("province_*", "not_handled", S3UL)] + LOW_ND + CNTY_MR,
     forb=[("province_party_committee", "main_responsibility"), ("province_government", "main_responsibility")] + NO_CITY_MR)
case("Y2 funds_allocation_irregular at the city code (the city's own allocation), grave, the province audit: 市财政 not_discovered (staff + unit + leadership); no county body at all, no county 主体责任 (二(四)6 对当地资金管理 is the county's own place)",
     FU("funds_allocation_irregular", CITY, severity="grave", discovered=paudit), req=[("city_finance", "not_discovered", S3UL)], forb=[("county_*",), ("province_*",)] + NOLOW)
case("Y3 funds_rules_gap at the province code, grave, found by the province audit 03-01, as of 03-05: nobody — no failure, so no 主体责任 either (一(四) names failures)",
     FU("funds_rules_gap", PROV, severity="grave", discovered=paudit, as_of="2021-03-05"), forb=NOBODY)
case("Y4 water_quality_substandard at a village, grave, the village's own grid 03-01, put right 03-10 (as of 04-30): nobody, no 主体责任",
     WA("water_quality_substandard", severity="grave", discovered=vgrid, rectified_on="2021-03-10", **late), forb=NOBODY)
case("Y5 funds_diverted at a village, grave, 县财政 concealed it from the province's 巡视: 县财政 concealed, staff + unit + leadership; the county's 主体责任; no province or city 主体责任",
     FU("funds_diverted", severity="grave", discovered=ptour, concealed_by=["county_finance"]), req=[("county_finance", "concealed", S3UL)] + CNTY_MR,
     forb=[("province_*",)] + NO_CITY_MR)
case("Y6 funds_diverted at a village, found through the city's 人大政协 督导 (二(一)2(1)): no 人大 or 政协 body named; the township and 县财政 not_discovered",
     FU("funds_diverted", discovered=disc("city", "congress_cppcc")), req=[(TWN, "not_discovered"), ("county_finance", "not_discovered")],
     forb=[("*congress",), ("*cppcc",), ("city_*",)])
case("Y7 funds_diverted at a village, county hotline 03-01 → the county audit 03-03 (its 审计 is 监督, 二(一)2(3); no duty to put diverted money right), as of 04-30: the county audit never named not_rectified",
     FU("funds_diverted", discovered=hot, handled=[asg("county", "county", body="county_audit")], deadline="2021-03-31", **late), forb=[("county_audit", "not_rectified")] + CITYPROV)
case("Y8 housing_policy_gap at the province code, 省建设's own 调研督导 03-01, amended 03-20 (as of 04-30): nobody",
     HO("housing_policy_gap", PROV, discovered=pres(body="province_construction"), rectified_on="2021-03-20", **late), forb=NOBODY)
case("Y9 housing_renovation_late at a village, the township's grid 03-01, reported to 县建设 03-03, 县建设 assigns it back to the township 03-13 (10 days after receiving, deadline 04-30), as of 04-20: nobody not_handled, nobody not_rectified",
     HO("housing_renovation_late", discovered=tgrid, handled=[rep("township", "county", body="county_construction"), asg("county", "township", "2021-03-13")], deadline="2021-04-30", as_of="2021-04-20"),
     forb=[("*", "not_handled"), ("*", "not_rectified")] + CITYPROV)
case("Y10 the same assigned back on 03-14: 县建设 not_handled; the township not not_handled",
     HO("housing_renovation_late", discovered=tgrid, handled=[rep("township", "county", body="county_construction"), asg("county", "township", "2021-03-14")], deadline="2021-04-30", as_of="2021-04-20"),
     req=[("county_construction", "not_handled")], forb=[(TWN, "not_handled"), ("*", "not_rectified")] + CITYPROV)
case("Y11 funds_allocation_irregular at the county code, city audit → 县财政 03-03 with a deadline of 03-10 (nearer than 30 days), not done, as of 03-11: 县财政 not_rectified (the deadline counts)",
     FU("funds_allocation_irregular", C, discovered=cityaudit, handled=[asg("city", "county", body="county_finance")], deadline="2021-03-10", as_of="2021-03-11"), req=[("county_finance", "not_rectified")])
case("Y12 the same with a deadline of 06-30, as of 04-10: nobody 整改不到位 (the deadline replaces the 30 days)",
     FU("funds_allocation_irregular", C, discovered=cityaudit, handled=[asg("city", "county", body="county_finance")], deadline="2021-06-30", as_of="2021-04-10"), forb=NOT_LATE)
case("Y13 housing_policy_gap at the county code, the city's 调研督导: no county body not_discovered (一(一) 省市两级…主动发现政策举措、工作机制等方面问题 — a policy is not the county's to find); no village/township",
     HO("housing_policy_gap", C, discovered=cres()), forb=CNTY_ND + NOLOW)
case("Y14 water_policy_gap at the county code, the province's 调研督导: no county body not_discovered; no village/township",
     WA("water_policy_gap", C, discovered=pres()), forb=CNTY_ND + NOLOW)
case("Y15 funds_diverted at a village, the press at the province level (二(一)2(4)): the media never named; the township not_discovered; no province or city not_discovered",
     FU("funds_diverted", discovered=disc("province", "media")), req=[(TWN, "not_discovered")], forb=[("media",)] + PROV_ND + CITY_ND)
case("Y16 project_late_or_unfinished at a village, grave, city 调研督导 → 县扶贫办 03-03 (deadline 03-31), never, as of 04-30: 县扶贫办 not_rectified (一(四) 对交办问题整改落实不到位的; 二(二)3 成员单位…负责涉及本部门问题的…即时整改; 二(四)4 县扶贫办…监督指导项目单位按计划组织项目实施); the township (never handed it) not not_rectified; the county's 主体责任 (二(五)4). [After the run: written with 县扶贫办 not named not_rectified, the works being the township's (二(五)2); but 二(四)4 gives the office 监督指导项目单位按计划组织项目实施 — a part of its own in a late project — and it was the assignee that left it unrectified, the very words of 一(四); my misreading, the expectation corrected]",
     PR("project_late_or_unfinished", severity="grave", discovered=cres(), handled=[asg("city", "county", body="county_poverty_office")], deadline="2021-03-31", **late),
     req=[("county_poverty_office", "not_rectified", S3UL)] + CNTY_MR, forb=[(TWN, "not_rectified")] + NO_CITY_MR)

# ===================== batch 4 (written after batch 3's run, before its own): assignments within the county =====================
case("Z1 funds_diverted at a village, county hotline → 县财政 03-03 (deadline 03-31) → the township 03-05, done 04-10: the township not_rectified; 县财政 (passed it down in time) not not_rectified; no city",
     FU("funds_diverted", discovered=hot, handled=[asg("county", "county", body="county_finance"), asg("county", "township", "2021-03-05")], deadline="2021-03-31", rectified_on="2021-04-10", **late),
     req=[(TWN, "not_rectified")], forb=[("county_finance", "not_rectified"), ("county_*", "not_handled")] + CITYPROV)
case("Z2 housing_danger_unreported at a village, the city's 督查 (二(六)4(7) 督查指导): village + township not_discovered; no city body not_discovered",
     HO("housing_danger_unreported", discovered=disc("city", "supervisory_check")), req=LOW_ND, forb=CITY_ND + [("province_*",)])
case("Z3 housing_line_policy_gap at the province code, sector finance, 省财政's own 调研督导 03-01, sat to 03-25: 省财政 not_handled; not 省建设; no city or county",
     HO("housing_line_policy_gap", PROV, sector="finance", discovered=pres(body="province_finance"), **sit), req=[("province_finance", "not_handled")],
     forb=[("province_construction",), ("city_*",), ("county_*",)] + NOLOW)
case("Z5 project_not_deliberated at a village, grave, the village concealed it from the county's 上级核查: the village concealed (staff + unit + leadership); the township not_discovered; the county's 主体责任 (二(五)4); no city",
     PR("project_not_deliberated", severity="grave", discovered=disc("county", "higher_level_verification"), concealed_by=["village"]),
     req=[("village_party_branch", "concealed", S3UL), (TWN, "not_discovered", S3UL)] + CNTY_MR, forb=[("city_*",), ("village_*", "not_discovered")] + NO_TWN_MR)
case("Z6 funds_poor_performance at the county code, sector water, city audit → 县财政 03-03 (deadline 03-31), never: 县水利 not_rectified (二(四)5 对资金使用绩效负责), 县财政 (二(四)3 组织…绩效管理, not the user of the money) not not_rectified by default (assignment_without_rectification_duty: level_holds, listed)",
     FU("funds_poor_performance", C, sector="water", discovered=cityaudit, handled=[asg("city", "county", body="county_finance")], deadline="2021-03-31", **late),
     req=[("county_water", "not_rectified")], forb=[("county_finance", "not_rectified"), ("city_*", "not_rectified")], listed=["assignment_without_rectification_duty"])
case("Z7 the same with assignment_without_rectification_duty=assignee: 县财政 not_rectified",
     FU("funds_poor_performance", C, sector="water", discovered=cityaudit, handled=[asg("city", "county", body="county_finance")], deadline="2021-03-31", **late),
     params=dict(assignment_without_rectification_duty="assignee"), req=[("county_finance", "not_rectified")], forb=[("city_*", "not_rectified")])
case("Z8 housing_renovation_late at a village, city → 县民政 03-03 (二(六)4(4) its part is 身份信息对比), never, as of 04-30: 县建设 not_rectified (二(六)4(3)); 县民政 not not_rectified",
     HO("housing_renovation_late", discovered=cres(), handled=[asg("city", "county", body="county_civil_affairs")], deadline="2021-03-31", **late),
     req=[("county_construction", "not_rectified")], forb=[("county_civil_affairs", "not_rectified"), ("city_*", "not_rectified")])

# ===================== batch 5 (written after batch 4's run, before its own): 主体责任 where only a higher level failed =====================
case("E1 housing_policy_gap at the county code, grave, county → city 03-03 (in time), the city sits to 03-25: a city body not_handled, staff + unit + leadership; no county body at all — no 主体责任 for a county that did its part (一(三) 对超出本级权限的及时向上级单位报送: done); no city 主体责任 by default",
     HO("housing_policy_gap", C, severity="grave", discovered=hot, handled=[rep("county", "city")], **sit), req=[("city_*", "not_handled", S3UL)], forb=[("county_*",)] + NO_CITY_MR + NOLOW)
case("E2 funds_rules_gap at the county code, grave, 县财政's own 动态跟踪 03-01, never reported, as of 03-25: 县财政 not_handled, staff + unit + leadership; no city body",
     FU("funds_rules_gap", C, severity="grave", discovered=disc("county", "dynamic_tracking", body="county_finance"), **sit), req=[("county_finance", "not_handled", S3UL)], forb=[("city_*",)] + NOLOW)
case("E3 housing_subsidy_irregular at a village, sector finance, city audit → the county (no body) 03-03 (deadline 03-31), never, as of 04-30: 县财政 not_rectified (二(六)4(4) 财政补贴, the record's line); 县建设 not not_rectified (it presses: 二(六)4(3) 监督管理)",
     HO("housing_subsidy_irregular", sector="finance", discovered=cityaudit, handled=[asg("city", "county")], deadline="2021-03-31", **late),
     req=[("county_finance", "not_rectified")], forb=[("county_construction", "not_rectified"), ("city_*", "not_rectified")])

# ===================== batch 6 (written after batch 5's run, before its own): the other values of parameters batch 2 rested on =====================
case("X10b X10 with set_aside_report_receiver=nobody: a county body not_handled; the city, which received only a report that did not count, not not_handled (listed)",
     FU("funds_diverted", discovered=hot, handled=[rep("county", "city")], **sit), params=dict(set_aside_report_receiver="nobody"),
     req=[("county_*", "not_handled")], forb=[("city_*", "not_handled"), ("township_*", "not_handled")], listed=["set_aside_report_receiver"])
case("X10c X10 with irregular_step=not_counted: a county body not_handled still (a county's report of what is within its authority is set aside under either value, 一(三))",
     FU("funds_diverted", discovered=hot, handled=[rep("county", "city")], **sit), params=dict(irregular_step="not_counted"),
     req=[("county_*", "not_handled")], forb=[("township_*", "not_handled")])
case("FK1 a funds record with no kind and no sector at the county code, the city audit: a county body not_discovered, not 县扶贫办 named outright (二(四)4–5 each department its own line's money; sectorless_alternatives: unresolved, listed)",
     dict(area="funds", place=C, discovered=cityaudit), req=CNTY_ND, forb=[("county_poverty_office",), ("county_water",), ("county_education",)] + NOLOW + CITY_ND,
     listed=["sectorless_alternatives"])
case("FK2 the same with sectorless_alternatives=every_holder: 县扶贫办 not_discovered (二(四)4 对资金使用的绩效负责), listed. [After the run, DISAGREE: every county department is named and the role 县（市、区）行业主管部门（问题所属部门） beside them — the role stands for the one department whose part failed, which every_holder names each of \"instead\" (the parameter's own words); named beside them it counts one failure twice. Forbidden here: the role]",
     dict(area="funds", place=C, discovered=cityaudit), params=dict(sectorless_alternatives="every_holder"), req=[("county_poverty_office", "not_discovered")],
     forb=[("county_sector_department",)] + NOLOW + CITY_ND, listed=["sectorless_alternatives"])
