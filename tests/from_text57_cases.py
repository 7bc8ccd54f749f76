"""check57's records, written from the text before the library was run on them (session 57): section 一 in depth (each
discovery channel of 一(一)–(二) at each level, the county's ledger and escalation of 一(三), the grades of liability of
一(四)), the areas 两不愁 二(六)1, education 二(六)2, health 二(六)3, dangerous housing 二(六)4 and drinking water
二(六)5 at the village and township levels (handed down, handed back up, rectified late, concealed at one level and found
at another), records that must name nobody, and the time limits with their parameters' other values.

Each case: a record, the parameters it is read under, the findings the text requires (``req``: body or glob, basis,
optionally the liabilities) and forbids (``forb``), and the readings the verdict must (``listed``) or must not
(``notlisted``) list. tests/test_from_text57.py runs them. The auditor's report, with the clause behind each, is
/work/helpers/s57/check57.md in the session's notes; the names below say the reading in brief.
"""
# ruff: noqa: E501, E702, E731, RUF005
# One record to a call, as tests/from_text55_cases.py and from_text56_cases.py write them (not reflowed by ruff format):
# fmt: off

# Each: rec, params, req [(body|glob, basis|None, [liabs]|None)], forb [(body|glob, basis|None)], listed, notlisted.
from .from_text import (
    CITYPROV,
    CNTY_MR,
    CNTY_ND,
    LOW_ND,
    NO_MR,
    NOBODY,
    NOLOW,
    NOT_LATE,
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
VIL_NR = [(b, "not_rectified") for b in VIL]
BN = A("basic_needs"); ED = A("education"); HE = A("health"); HO = A("housing"); WA = A("water")
sit = dict(as_of="2021-03-25")
tgrid = disc("township", "grid"); vgrid = disc("village", "grid")
S3 = ["staff"]; S3U = ["staff", "unit"]; S3UL = ["staff", "unit", "leadership"]

# ===================== 一(一)–(二): each discovery channel at each level =====================
case("CH1 basic_needs_not_helped_to_apply at a village, found by the village's own grid 03-01 and put right 03-10 (as of 04-30): nobody answers for anything (一(四) names failures; none happened)",
     BN("basic_needs_not_helped_to_apply", discovered=vgrid, rectified_on="2021-03-10", **late), forb=NOBODY)
case("CH2 the same found by the township's grid: the village not_discovered (二(六)1(1) 及时掌握本村居民…状况, 二(二)1); the township found it, so not not_discovered; no county, city or province",
     BN("basic_needs_not_helped_to_apply", discovered=tgrid), req=VIL_ND, forb=[("township_*", "not_discovered")] + [("county_*",)] + CITYPROV + NO_MR)
case("CH3 the same found by a county cadre under 一户一策一干部 (一(一), the county's own work): village + township not_discovered; no county body not_discovered",
     BN("basic_needs_not_helped_to_apply", discovered=disc("county", "one_household_one_cadre")), req=LOW_ND, forb=CNTY_ND + CITYPROV + NO_MR)
case("CH4 basic_needs_eligible_not_included (未见申请) at a village, the township's 动态跟踪: the village not_discovered (帮助申请); the township not not_discovered (finder); 县民政 not named (no application reached it)",
     BN("basic_needs_eligible_not_included", discovered=disc("township", "dynamic_tracking")), req=VIL_ND,
     forb=[("township_*", "not_discovered"), ("county_civil_affairs",)] + CITYPROV)
case("CH5 the same, the township sits on it 24 days: the township not_handled (一(四) 没有按程序及时交办和上报, or its own 纳入 not done: rectifier_holding's not_handled); no county body (never had it); the village not not_handled [fid65: as of 04-30, past its 10 + 30 days — on 03-25 it could still put it right itself and is named by nobody yet (self_rectified_report_required false; check62 X2, E16)]",
     BN("basic_needs_eligible_not_included", discovered=disc("township", "dynamic_tracking"), **late), req=[(TWN, "not_handled")],
     forb=[("county_*",), ("village_*", "not_handled")] + CITYPROV)
case("CH6 housing_danger_unreported at a village, the township's grid: the village not_discovered (二(六)4(1) 及时发现掌握并上报本村危房情况); not the township, not 县建设",
     HO("housing_danger_unreported", discovered=tgrid), req=VIL_ND, forb=[("township_*", "not_discovered"), ("county_*",)] + CITYPROV)
case("CH7 housing_danger_unreported, the county's 核查普查 by 县建设: village + township (二(六)4(2) 及时发现掌握并上报本辖区危房情况) not_discovered; 县建设 (the finder) not named",
     HO("housing_danger_unreported", discovered=disc("county", "verification_census", body="county_construction")), req=LOW_ND,
     forb=[("county_construction",)] + CNTY_ND + CITYPROV)
case("CH8 housing_danger_unreported, the press (city level): village + township not_discovered; the media and the city's bodies not named not_discovered (一(一) leaves specific problems to the county: province_city_discover_specific_problems)",
     HO("housing_danger_unreported", discovered=disc("city", "media")), req=LOW_ND, forb=[("media",), ("city_*", "not_discovered"), ("province_*",)])
case("CH9 water_unsafe_unreported at a village, the township's 核查普查: the village not_discovered (二(六)5(1) 负责及时上报当地饮水安全情况); not the township; no county body",
     WA("water_unsafe_unreported", discovered=disc("township", "verification_census")), req=VIL_ND, forb=[("township_*", "not_discovered"), ("county_*",)] + CITYPROV)
case("CH10 water_unsafe_unreported, the 12317 platform at the province (二(一)2(4)): village + township not_discovered; the platform and the province's and city's bodies not named",
     WA("water_unsafe_unreported", discovered=disc("province", "reporting_platform")), req=LOW_ND,
     forb=[("platform_12317",), ("province_*",), ("city_*", "not_discovered")])
case("CH11 water_facilities_unmaintained at a village, the county's e-mail box (二(一)2(4), outside): village (水源地日常巡查) + township (工程长效管护、水源地管理保护) not_discovered; the county's unit (of the finder's level) not not_discovered by default",
     WA("water_facilities_unmaintained", discovered=disc("county", "email")), req=LOW_ND, forb=CNTY_ND + CITYPROV)
case("CH12 the same with outside_channel_finder_level=true: the unit (二(六)5(3) 具体负责做好农村供水工程长效管理) not_discovered too; the parameter listed",
     WA("water_facilities_unmaintained", discovered=disc("county", "email")), params=dict(outside_channel_finder_level=True),
     req=LOW_ND + [("county_water_supply_unit", "not_discovered")], forb=CITYPROV, listed=["outside_channel_finder_level"])
case("CH13 health_application_not_helped at a village, the township's 人大 inspection (outside channel): the village not_discovered (二(六)3(1) 帮助…提出申请); the township not by default; 人大 not named",
     HE("health_application_not_helped", discovered=disc("township", "congress_cppcc")), req=VIL_ND,
     forb=[("township_*", "not_discovered"), ("*congress",), ("*cppcc",), ("county_*",)] + CITYPROV)
case("CH14 the same with outside_channel_finder_level=true: the township too (二(二)2 对涉及本乡镇…具体问题的发现…负责)",
     HE("health_application_not_helped", discovered=disc("township", "congress_cppcc")), params=dict(outside_channel_finder_level=True),
     req=VIL_ND + [(TWN, "not_discovered")], forb=[("county_*",)] + CITYPROV, listed=["outside_channel_finder_level"])
case("CH15 health_false_materials at a village, the county 纪委 (一(三), outside): village (二(六)3(1) 证明材料真实性) + township (二(六)3(2) 入户核实的申请材料的真实性) not_discovered; 纪委 and 县医保 not named",
     HE("health_false_materials", discovered=disc("county", "discipline_inspection", body="county_discipline")), req=LOW_ND,
     forb=[("county_discipline",), ("county_medical_insurance",)] + CITYPROV)
case("CH16 health_assistance_late at the county code, sector medical_insurance, the city audit: 县医保 not_discovered (二(六)3(3) 审核、审批); 县财政 not; no village/township; the audit not named",
     HE("health_assistance_late", C, sector="medical_insurance", discovered=disc("city", "audit", body="city_audit")),
     req=[("county_medical_insurance", "not_discovered")], forb=NOLOW + [("city_audit",), ("county_finance",), ("city_*", "not_discovered")])
case("CH17 the same with sector finance: 县财政 not_discovered (二(六)3(3) 县财政局负责资金拨付和监管); not 县医保",
     HE("health_assistance_late", C, sector="finance", discovered=disc("city", "audit", body="city_audit")),
     req=[("county_finance", "not_discovered")], forb=NOLOW + [("county_medical_insurance",), ("city_audit",)])
case("CH18 education_student_not_identified at a village, the county's 互联网+监督 platform (outside): the school not_discovered (二(六)2(1) 负责本校的学生资助对象认定; unit_below_own_level); no village/township; 县教育局 (finder's level) not not_discovered",
     ED("education_student_not_identified", discovered=disc("county", "internet_supervision")), req=[("county_school", "not_discovered")],
     forb=NOLOW + [("county_education", "not_discovered"), ("county_poverty_office",)] + CITYPROV)
case("CH19 the same with unit_below_own_level=false: the school is of the finder's level, so nobody not_discovered",
     ED("education_student_not_identified", discovered=disc("county", "internet_supervision")), params=dict(unit_below_own_level=False),
     forb=NOLOW + [("county_school", "not_discovered"), ("county_education", "not_discovered")] + CITYPROV)
case("CH20 education_student_not_identified, the city's 调研督导: school + 县教育局 (二(六)2(2) 负责各有关学校学生资助对象认定、审核) not_discovered; not 县财政, not 县扶贫办 (协助), no village/township",
     ED("education_student_not_identified", discovered=cres()), req=[("county_school", "not_discovered"), ("county_education", "not_discovered")],
     forb=NOLOW + [("county_finance",), ("county_poverty_office",), ("city_*", "not_discovered")])
case("CH21 water_self_testing_not_done at the county code, the province's 巡视: the unit not_discovered (二(六)5(3) 落实水质自检); no village/township; no 民政/教育; no province/city not_discovered",
     WA("water_self_testing_not_done", C, discovered=disc("province", "inspection_tour")), req=[("county_water_supply_unit", "not_discovered")],
     forb=NOLOW + [("county_civil_affairs",), ("county_education",), ("province_*", "not_discovered"), ("city_*", "not_discovered")])
case("CH22 basic_needs_below_floor at the county code, the city's 上级核查: a county department not_discovered (二(六)1(3) 做好…年度低收入农户托底线以下人员消除工作); no village/township; no city body not_discovered",
     BN("basic_needs_below_floor", C, discovered=disc("city", "higher_level_verification")), req=CNTY_ND,
     forb=NOLOW + [("city_*", "not_discovered"), ("county_education",), ("county_construction",)])
case("CH23 the county hotline (县（市、区）长热线, 一(二)) written as the township's channel: refused (the hotline is the county's)",
     BN("basic_needs_not_helped_to_apply", discovered=disc("township", "hotline")), refuse=True)
case("CH24 调查核查 (一(一) 省市两级通过调查核查) written as the county's: refused",
     BN("basic_needs_not_helped_to_apply", discovered=disc("county", "survey_verification")), refuse=True)
case("CH25 全科网格 (the county's and below, 一(一)) written as the city's: refused",
     HO("housing_danger_unreported", discovered=disc("city", "grid")), refuse=True)
case("CH26 审计 written as the township's channel: refused (审计部门 are the county's and up, 二(一)2(3))",
     HO("housing_danger_unreported", discovered=disc("township", "audit")), refuse=True)
case("CH27 basic_needs_direct_help_missing at a village, the township's 纪委 check (outside channel): the village not_discovered (二(六)1(1) 通过村集体给予直接帮扶); the township not; no county",
     BN("basic_needs_direct_help_missing", discovered=disc("township", "discipline_inspection")), req=VIL_ND,
     forb=[("township_*", "not_discovered"), ("county_*",)] + CITYPROV)

# ===================== 一(三): the ledger and escalation beyond the level's authority =====================
case("UP1 basic_needs_policy_gap at the county code, county hotline, reported to the city 03-05 (in time), as of 04-30: no county body (一(三) 对超出本级权限的及时向上级单位报送: done); no village/township",
     BN("basic_needs_policy_gap", C, discovered=hot, handled=[rep("county", "city", "2021-03-05")], **late), forb=[("county_*",)] + NOLOW)
case("UP2 the same reported on 03-12 (the 11th day): a county body not_handled (late)",
     BN("basic_needs_policy_gap", C, discovered=hot, handled=[rep("county", "city", "2021-03-12")], **late), req=[("county_*", "not_handled")], forb=NOLOW)
case("UP3 the same reported on 03-11 (the 10th day), as of 03-25: in time, no county body",
     BN("basic_needs_policy_gap", C, discovered=hot, handled=[rep("county", "city", "2021-03-11")], **sit), forb=[("county_*",)] + NOLOW)
case("UP4 the same never reported, as of 03-25: a county body not_handled; no county not_discovered (it received it); the city never had it: no city not_handled",
     BN("basic_needs_policy_gap", C, discovered=hot, **sit), req=[("county_*", "not_handled")], forb=CNTY_ND + NOLOW + [("city_*", "not_handled")])
case("UP5 housing_policy_gap at the county code, county hotline, handed DOWN to the township 03-03 (the township makes no policy: 二(六)4(6)), as of 03-25. [After the run: the record format refuses a step below a county-placed problem (nothing below it can take it); my record's error, kept as a refusal]",
     HO("housing_policy_gap", C, discovered=hot, handled=[asg("county", "township")], **sit), refuse=True)
case("UP6 water_policy_gap at the county code found by the county's 动态跟踪, reported to the city 03-04 (in time), as of 04-30: no county body",
     WA("water_policy_gap", C, discovered=disc("county", "dynamic_tracking"), handled=[rep("county", "city", "2021-03-04")], **late), forb=[("county_*",)] + NOLOW)
case("UP7 housing_renovation_late at a village, the township's grid 03-01, reported to the county (to 县建设, which 审核 renovation subsidies, 二(六)4(3)) 03-03; nothing done to 04-30: the township not not_handled nor not_rectified; a county body answers; village not_discovered",
     HO("housing_renovation_late", discovered=tgrid, handled=[rep("township", "county", body="county_construction")], **late),
     req=VIL_ND + [("county_*", None)], forb=[(TWN, "not_handled"), (TWN, "not_rectified"), ("city_*",)])
case("UP8 housing_renovation_late, the township's grid 03-01, the township hands it DOWN to the village 03-03 (二(六)4(1) gives the village only 协助): the township not_handled (no disposal), the village not not_rectified",
     HO("housing_renovation_late", discovered=tgrid, handled=[asg("township", "village")], **sit), req=[(TWN, "not_handled")],
     forb=VIL_NR + [("county_*",)] + CITYPROV)
case("UP9 housing_renovation_late, the township's grid 03-01, reported to the county only on 03-13 (the 12th day), as of 03-20: the township not_handled; the village not not_handled",
     HO("housing_renovation_late", discovered=tgrid, handled=[rep("township", "county", "2021-03-13")], as_of="2021-03-20"),
     req=[(TWN, "not_handled")] + VIL_ND, forb=[("village_*", "not_handled"), ("county_*",)] + CITYPROV)
case("UP10 basic_needs_payment_late (sector civil_affairs) at a village, the village's grid 03-01, village→township 03-02, township→县民政 03-20 (late), as of 03-25: the township not_handled; the village nothing",
     BN("basic_needs_payment_late", sector="civil_affairs", discovered=vgrid, handled=[rep("village", "township", "2021-03-02"), rep("township", "county", "2021-03-20", body="county_civil_affairs")], **sit),
     req=[(TWN, "not_handled")], forb=[("village_*",)] + CITYPROV)
case("UP11 the county hotline gets basic_needs_not_helped_to_apply through 县民政 (its body) and 县民政 sits 24 days: 县民政 not_handled, not 县扶贫办 (the record names the holder)",
     BN("basic_needs_not_helped_to_apply", discovered=disc("county", "hotline", body="county_civil_affairs"), **sit),
     req=[("county_civil_affairs", "not_handled")] + LOW_ND, forb=[("county_poverty_office", "not_handled"), ("village_*", "not_handled"), ("township_*", "not_handled")] + CITYPROV)
case("UP12 water_policy_gap at the county code, county hotline, reported to 市水利 (二(六)5(6) 负责制定农村饮水安全的政策措施) 03-06, as of 04-30: no village, township or county body",
     WA("water_policy_gap", C, discovered=hot, handled=[rep("county", "city", "2021-03-06", body="city_water")], **late), forb=[("county_*",)] + NOLOW)

# ===================== handed down, handed back up, rectified late (village and township) =====================
case("HB1 basic_needs_not_helped_to_apply, county hotline 03-01 → township 03-03 (deadline 03-31) → village 03-05; the village reports it back up to the township 03-08; never done, as of 04-30: the village not_rectified (its own 帮助申请, 二(六)1(1)); no county body not_rectified",
     BN("basic_needs_not_helped_to_apply", discovered=hot, handled=[asg("county", "township"), asg("township", "village", "2021-03-05"), rep("village", "township", "2021-03-08")], deadline="2021-03-31", **late),
     req=VIL_NR, forb=[("county_*", "not_rectified")] + CITYPROV)
case("HB2 health_application_not_helped, county hotline → township 03-03 (deadline 03-31) → village 03-05, rectified 03-31 (the deadline day): no 整改不到位, no pressing, no not_handled",
     HE("health_application_not_helped", discovered=hot, handled=[asg("county", "township"), asg("township", "village", "2021-03-05")], deadline="2021-03-31", rectified_on="2021-03-31", **late),
     req=LOW_ND, forb=NOT_LATE + [("*", "not_handled")] + CITYPROV)
case("HB3 the same rectified 04-01: the village not_rectified; the township passed it down in time (reassigned_level_answers: supervision), not not_rectified; no county not_rectified",
     HE("health_application_not_helped", discovered=hot, handled=[asg("county", "township"), asg("township", "village", "2021-03-05")], deadline="2021-03-31", rectified_on="2021-04-01", **late),
     req=VIL_NR, forb=[(TWN, "not_rectified"), ("county_*", "not_rectified")] + CITYPROV)
case("HB4 the same with reassigned_level_answers=rectification: the township not_rectified too (listed)",
     HE("health_application_not_helped", discovered=hot, handled=[asg("county", "township"), asg("township", "village", "2021-03-05")], deadline="2021-03-31", rectified_on="2021-04-01", **late),
     params=dict(reassigned_level_answers="rectification"), req=VIL_NR + [(TWN, "not_rectified")], forb=[("county_*", "not_rectified")], listed=["reassigned_level_answers"])
case("HB5 the township passes it down only on 03-16 (13 days after 03-03), never rectified, as of 04-30: the township not_rectified (a late pass-on is no 交办 in time); the village not_rectified",
     HE("health_application_not_helped", discovered=hot, handled=[asg("county", "township"), asg("township", "village", "2021-03-16")], deadline="2021-03-31", **late),
     req=[(TWN, "not_rectified")], forb=[("county_*", "not_rectified")] + CITYPROV)
case("HB6 the late pass-on (03-16) but rectified 03-30, by the deadline: nothing more for the township by default (late_pass_on_answers: none), no 整改不到位. [After the run: my forbid was every township finding, but the county hotline's find leaves the township 应发现未发现 (二(二)2), as LOW_ND; narrowed to what the case is about]",
     HE("health_application_not_helped", discovered=hot, handled=[asg("county", "township"), asg("township", "village", "2021-03-16")], deadline="2021-03-31", rectified_on="2021-03-30", **late),
     forb=NOT_LATE + [("township_*", "not_handled"), ("county_*", "not_handled")] + CITYPROV)
case("HB7 the same with late_pass_on_answers=not_handled: the township not_handled (listed)",
     HE("health_application_not_helped", discovered=hot, handled=[asg("county", "township"), asg("township", "village", "2021-03-16")], deadline="2021-03-31", rectified_on="2021-03-30", **late),
     params=dict(late_pass_on_answers="not_handled"), req=[(TWN, "not_handled")], forb=NOT_LATE + CITYPROV, listed=["late_pass_on_answers"])
case("HB8 basic_needs_direct_help_missing, the township's grid 03-01 → the village 03-03 (deadline 03-31), never done, as of 04-30: the village not_rectified (二(六)1(1) 通过村集体给予直接帮扶) and not_discovered; no county (never had it)",
     BN("basic_needs_direct_help_missing", discovered=tgrid, handled=[asg("township", "village")], deadline="2021-03-31", **late),
     req=VIL_NR + VIL_ND, forb=[("county_*",), (TWN, "not_rectified")] + CITYPROV)
case("HB9 basic_needs_eligible_not_included, county hotline → township 03-03 (deadline 03-31), included 04-10: the township not_rectified (二(六)1(2) 将符合条件的困难群众及时纳入); the village not not_rectified; 县民政 not not_rectified",
     BN("basic_needs_eligible_not_included", discovered=hot, handled=[asg("county", "township")], deadline="2021-03-31", rectified_on="2021-04-10", **late),
     req=[(TWN, "not_rectified")], forb=VIL_NR + [("county_civil_affairs", "not_rectified")] + CITYPROV)
case("HB10 basic_needs_payment_late (sector civil_affairs), city 调研督导 → 县民政 03-03 (deadline 03-31), 县民政 hands it to the township 03-05 (no payment duty), never paid: 县民政 not_rectified; the township not not_rectified",
     BN("basic_needs_payment_late", sector="civil_affairs", discovered=cres(), handled=[asg("city", "county", body="county_civil_affairs"), asg("county", "township", "2021-03-05")], deadline="2021-03-31", **late),
     req=[("county_civil_affairs", "not_rectified")], forb=[(TWN, "not_rectified"), ("village_*", "not_rectified"), ("city_*", "not_rectified")])
case("HB11 housing_renovation_late, city 调研督导 → 县建设 03-03 (deadline 03-31); 县建设 hands it to the township 03-05 (only 协助、配合, 二(六)4(2)); never done. Written: 县建设 not_rectified, the township not. [After the run: the text leaves room — 二(二)2 makes the township answer for 整改 of its own specific problems and 二(六)4(3) has 县建设 督促指导乡镇做好危房治理, so the library's township not_rectified with 县建设 pressing is a reading the text supports; the case now says that]",
     HO("housing_renovation_late", discovered=cres(), handled=[asg("city", "county", body="county_construction"), asg("county", "township", "2021-03-05")], deadline="2021-03-31", **late),
     req=[(TWN, "not_rectified"), ("county_construction", "supervision")], forb=[("county_construction", "not_rectified"), ("village_*", "not_rectified"), ("city_*", "not_rectified")])
case("HB12 water_facilities_unmaintained at a village, county hotline → township 03-03 (deadline 03-31), never done: the township not_rectified (二(六)5(2) 落实工程长效管护、水源地管理保护); no city",
     WA("water_facilities_unmaintained", discovered=hot, handled=[asg("county", "township")], deadline="2021-03-31", **late),
     req=[(TWN, "not_rectified")], forb=CITYPROV + [("county_*", "not_handled")])
case("HB13 education_student_not_identified at a village, county hotline → the township 03-03 (it has no part in education, 二(六)2), as of 04-30: a county body not_handled (no 交办 按程序); the township and village nothing",
     ED("education_student_not_identified", discovered=hot, handled=[asg("county", "township")], deadline="2021-03-31", **late),
     req=[("county_*", "not_handled")], forb=NOLOW + CITYPROV)
case("HB14 education_student_not_identified, city → 县教育局 03-03 (deadline 03-31) → the school 03-05, never: the school not_rectified; 县教育局 passed it down in time: not not_rectified; no village/township",
     ED("education_student_not_identified", discovered=cres(), handled=[asg("city", "county", body="county_education"), asg("county", "county", "2021-03-05", body="county_school")], deadline="2021-03-31", **late),
     req=[("county_school", "not_rectified")], forb=[("county_education", "not_rectified")] + NOLOW + [("city_*", "not_rectified")])

# ===================== concealed at one level, found at another (一(四) 瞒报漏报) =====================
case("CO1 basic_needs_payment_late at the county code, sector civil_affairs, concealed by 县民政 from the city audit: 县民政 concealed (not also not_discovered); no village/township",
     BN("basic_needs_payment_late", C, sector="civil_affairs", discovered=disc("city", "audit", body="city_audit"), concealed_by=["county_civil_affairs"]),
     req=[("county_civil_affairs", "concealed")], forb=[("county_civil_affairs", "not_discovered"), ("city_audit",)] + NOLOW)
case("CO2 housing_danger_unreported at a village, concealed by the village from the county's 上级核查: the village concealed; the township not_discovered; no county body",
     HO("housing_danger_unreported", discovered=disc("county", "higher_level_verification"), concealed_by=["village"]),
     req=[(b, "concealed") for b in VIL] + [(TWN, "not_discovered")], forb=[(TWN, "concealed"), ("county_*",)] + CITYPROV)
case("CO3 water_quality_substandard at a village, concealed by the township from the province's 巡视: the township concealed; the unit (二(六)5(3) 确保供水达标) not_discovered; the village not concealed",
     WA("water_quality_substandard", discovered=disc("province", "inspection_tour"), concealed_by=["township"]),
     req=[(TWN, "concealed"), ("county_water_supply_unit", "not_discovered")], forb=[("village_*", "concealed"), ("province_*", "not_discovered")])
case("CO4 education_student_not_identified, concealed by the school from the county audit: the school concealed; 县教育局 not concealed",
     ED("education_student_not_identified", discovered=disc("county", "audit", body="county_audit"), concealed_by=["county_school"]),
     req=[("county_school", "concealed")], forb=[("county_education", "concealed"), ("county_audit",)] + NOLOW)
case("CO5 health_false_materials at a village, concealed by the village from the city's 上级核查: the village concealed; the township not_discovered (二(六)3(2)); the township not concealed",
     HE("health_false_materials", discovered=disc("city", "higher_level_verification"), concealed_by=["village"]),
     req=[(b, "concealed") for b in VIL] + [(TWN, "not_discovered")], forb=[(TWN, "concealed")])
case("CO6 housing_renovation_late, concealed by the township from the province 巡视, serious: the township concealed, staff + unit; no leadership; no 主体责任",
     HO("housing_renovation_late", severity="serious", discovered=disc("province", "inspection_tour"), concealed_by=["township"]),
     req=[(TWN, "concealed", S3U)], forb=NO_MR)
case("CO7 the same grave: staff + unit + leadership; the county's 主体责任 (二(一)1 县级党委政府要切实承担主体责任, 二(六)4(5)); no township 主体责任 by default",
     HO("housing_renovation_late", severity="grave", discovered=disc("province", "inspection_tour"), concealed_by=["township"]),
     req=[(TWN, "concealed", S3UL)] + CNTY_MR, forb=[("township_*", "main_responsibility")])
case("CO8 housing_renovation_late at the county code, the county (no body named) concealed it from the city audit: one county body concealed; no village/township",
     HO("housing_renovation_late", C, discovered=disc("city", "audit", body="city_audit"), concealed_by=["county"]),
     req=[("county_*", "concealed")], forb=[("village_*", "concealed"), ("township_*", "concealed"), ("city_audit",)])
case("CO9 basic_needs_direct_help_missing at a village, concealed by the village from the township's 纪委 check: the village concealed (一(四) 对上级核查…瞒报漏报); no county body",
     BN("basic_needs_direct_help_missing", discovered=disc("township", "discipline_inspection"), concealed_by=["village"]),
     req=[(b, "concealed") for b in VIL], forb=[("county_*",), ("township_*", "concealed")] + CITYPROV)

# ===================== 一(四): whose liability, by how grave =====================
LBR = lambda sev: HO("housing_renovation_late", severity=sev, discovered=cres())
case("LB1 housing_renovation_late at a village, city 调研督导, minor: the village not_discovered, staff only; no 主体责任",
     LBR("minor"), req=[("village_party_branch", "not_discovered", S3), (TWN, "not_discovered", S3)], forb=NO_MR)
case("LB2 serious: staff + unit (一(四) 根据情形严重…追究所在单位…责任); no leadership, no 主体责任",
     LBR("serious"), req=[("village_party_branch", "not_discovered", S3U), (TWN, "not_discovered", S3U)], forb=NO_MR)
case("LB3 grave: staff + unit + leadership; the county's 主体责任; no township, city or province 主体责任",
     LBR("grave"), req=[("village_party_branch", "not_discovered", S3UL)] + CNTY_MR,
     forb=[("township_*", "main_responsibility"), ("city_*", "main_responsibility"), ("province_*", "main_responsibility")])
case("LB4 serious with unit_liability_from=grave: staff only",
     LBR("serious"), params=dict(unit_liability_from="grave"), req=[("village_party_branch", "not_discovered", S3)], forb=NO_MR)
case("LB5 serious with leadership_liability_from=serious: staff + unit + leadership, but no 主体责任 (main_responsibility_from stays grave)",
     LBR("serious"), params=dict(leadership_liability_from="serious"), req=[("village_party_branch", "not_discovered", S3UL)], forb=NO_MR)
case("LB6 serious with leadership_liability_from=serious and main_responsibility_from=serious: the county's 主体责任",
     LBR("serious"), params=dict(leadership_liability_from="serious", main_responsibility_from="serious"), req=[("village_party_branch", "not_discovered", S3UL)] + CNTY_MR)
case("LB7 minor with unit_liability_from=minor: staff + unit",
     LBR("minor"), params=dict(unit_liability_from="minor"), req=[("village_party_branch", "not_discovered", S3U)], forb=NO_MR)
case("LB8 grave with township_main_responsibility=true: the township's 主体责任 too (listed)",
     LBR("grave"), params=dict(township_main_responsibility=True), req=CNTY_MR + [("township_*", "main_responsibility")], listed=["township_main_responsibility"])
case("LB9 basic_needs_not_helped_to_apply grave, the county hotline, the county sits 24 days: a county body not_handled with staff + unit + leadership; the county's 主体责任",
     BN("basic_needs_not_helped_to_apply", severity="grave", discovered=hot, **sit), req=[("county_*", "not_handled", S3UL)] + CNTY_MR)
case("LB10 basic_needs_not_helped_to_apply grave, found by the township's grid and put right 03-10: the village's grave miss (not_discovered, staff + unit + leadership); the county's 主体责任 (属地); nothing else",
     BN("basic_needs_not_helped_to_apply", severity="grave", discovered=tgrid, rectified_on="2021-03-10", **late),
     req=[("village_party_branch", "not_discovered", S3UL)] + CNTY_MR, forb=[("township_*",)] + NOT_LATE + [("*", "not_handled")])
case("LB11 the same grave problem found by the village's own grid and put right 03-10: nobody, no 主体责任",
     BN("basic_needs_not_helped_to_apply", severity="grave", discovered=vgrid, rectified_on="2021-03-10", **late), forb=NOBODY)
case("LB12 housing_renovation_late grave at a village, the city's 调研督导; the city never passes it on, as of 03-25: a city body not_handled (staff + unit + leadership); no city 主体责任 by default (main_responsibility_every_level)",
     HO("housing_renovation_late", severity="grave", discovered=cres(), **sit), req=[("city_*", "not_handled", S3UL)],
     forb=[("city_party_committee", "main_responsibility"), ("city_government", "main_responsibility")])
case("LB13 the same with main_responsibility_every_level=true: the city's 主体责任 (listed)",
     HO("housing_renovation_late", severity="grave", discovered=cres(), **sit), params=dict(main_responsibility_every_level=True),
     req=[("city_*", "not_handled"), ("city_*", "main_responsibility")], listed=["main_responsibility_every_level"])
case("LB14 water_facilities_unmaintained serious, county hotline → township 03-03 (deadline 03-31), never: the township not_rectified, staff + unit",
     WA("water_facilities_unmaintained", severity="serious", discovered=hot, handled=[asg("county", "township")], deadline="2021-03-31", **late),
     req=[(TWN, "not_rectified", S3U)], forb=NO_MR)

# ===================== the areas at the village and township =====================
case("TB1 basic_needs_contact_missing at a village, the city's 调研督导: the county's Party committee and government not_discovered (二(六)1(4) 确保低收入农户每户有一名干部联系，每月联系一次); no 民政, no 教育",
     BN("basic_needs_contact_missing", discovered=cres()), req=[("county_party_committee", "not_discovered"), ("county_government", "not_discovered")],
     forb=[("county_civil_affairs",), ("county_education",), ("city_*", "not_discovered")])
case("TB2 basic_needs_contact_missing, city → county (no body) 03-03 (deadline 03-31), put right 03-25: no 整改不到位, no pressing",
     BN("basic_needs_contact_missing", discovered=cres(), handled=[asg("city", "county")], deadline="2021-03-31", rectified_on="2021-03-25", **late), forb=NOT_LATE + [("*", "not_handled")])
case("TB3 basic_needs_contact_missing, city → county 03-03 (deadline 03-31), never: the county's Party committee and government not_rectified (their own 确保)",
     BN("basic_needs_contact_missing", discovered=cres(), handled=[asg("city", "county")], deadline="2021-03-31", **late),
     req=[("county_party_committee", "not_rectified"), ("county_government", "not_rectified")], forb=[("county_civil_affairs", "not_rectified"), ("village_*", "not_rectified")])
case("TB4 basic_needs_income_not_raised at a village, the township's grid: the village not_discovered (二(六)1(1) 及时掌握本村居民家庭生产生活和经济状况); no county not_discovered",
     BN("basic_needs_income_not_raised", discovered=tgrid), req=VIL_ND, forb=[("township_*", "not_discovered")] + CNTY_ND + CITYPROV)
case("TB5 basic_needs_employment_insufficient at a village, sector hrss, county hotline: village + township not_discovered (一(一) 低收入农户创业就业不充分); the county's 人社 not (finder's level)",
     BN("basic_needs_employment_insufficient", sector="hrss", discovered=hot), req=LOW_ND, forb=CNTY_ND + CITYPROV)
case("TB6 basic_needs_approval_late (sector civil_affairs), the township's 动态跟踪 03-01, reported to 县民政 03-04, approved 03-20 (as of 04-30): no not_handled, no 整改不到位, no pressing; no village",
     BN("basic_needs_approval_late", sector="civil_affairs", discovered=disc("township", "dynamic_tracking"), handled=[rep("township", "county", "2021-03-04", body="county_civil_affairs")], rectified_on="2021-03-20", **late),
     forb=NOT_LATE + [("*", "not_handled"), ("village_*",)])
case("TB7 basic_needs_eligible_not_included, the township's grid; the township itself includes them 03-20 (as of 04-30): the village not_discovered; nobody else",
     BN("basic_needs_eligible_not_included", discovered=tgrid, rectified_on="2021-03-20", **late), req=VIL_ND, forb=NOT_LATE + [("*", "not_handled"), ("township_*",), ("county_*",)])
case("ED1 education_aid_not_paid at a village, found by the township's grid: no village or township body answers (二(六)2 gives them no part)",
     ED("education_aid_not_paid", discovered=tgrid), forb=NOLOW + CITYPROV)
case("ED2 education_lists_not_provided, sector disabled_federation, city 调研督导: 县残联 not_discovered (二(六)2(2) 县残联负责提供学龄段持证残疾人名单); not 县民政; no village/township",
     ED("education_lists_not_provided", sector="disabled_federation", discovered=cres()), req=[("county_disabled_federation", "not_discovered")],
     forb=[("county_civil_affairs",), ("county_poverty_office",)] + NOLOW)
case("ED3 education_aid_procedure_irregular, 县教育局's own 核查普查: the school not_discovered (二(六)2(1) 提前告知…结果公示、建档备案); 县教育局 not",
     ED("education_aid_procedure_irregular", discovered=disc("county", "verification_census", body="county_education")), req=[("county_school", "not_discovered")],
     forb=[("county_education", "not_discovered")] + NOLOW)
case("ED4 education_aid_procedure_irregular, the city's 调研督导: the school not_discovered; 县教育局 not by default (education_review_covers_procedure)",
     ED("education_aid_procedure_irregular", discovered=cres()), req=[("county_school", "not_discovered")], forb=[("county_education", "not_discovered")] + NOLOW)
case("ED5 the same with education_review_covers_procedure=true: 县教育局 not_discovered too (listed)",
     ED("education_aid_procedure_irregular", discovered=cres()), params=dict(education_review_covers_procedure=True),
     req=[("county_school", "not_discovered"), ("county_education", "not_discovered")], forb=NOLOW, listed=["education_review_covers_procedure"])
case("ED6 education_aid_support_missing at the county code, the province's 调研督导: the county's Party committee and government not_discovered (二(六)2(3) 统筹协调…人员和经费保障); no school; no village/township",
     ED("education_aid_support_missing", C, discovered=disc("province", "research_supervision")),
     req=[("county_party_committee", "not_discovered"), ("county_government", "not_discovered")], forb=[("county_school",)] + NOLOW)
case("HE1 health_application_not_helped, the township's grid → the village 03-03 (deadline 03-31), helped 03-20: the village not_discovered only",
     HE("health_application_not_helped", discovered=tgrid, handled=[asg("township", "village")], deadline="2021-03-31", rectified_on="2021-03-20", **late),
     req=VIL_ND, forb=NOT_LATE + [("*", "not_handled"), ("township_*",), ("county_*",)] + CITYPROV)
case("HE2 health_false_materials at a village, the township's 核查普查: the village not_discovered (二(六)3(1) 对所提供的证明材料真实性负责); not the township; no county body",
     HE("health_false_materials", discovered=disc("township", "verification_census")), req=VIL_ND, forb=[("township_*", "not_discovered"), ("county_*",)] + CITYPROV)
case("HE3 health_false_materials, the city's 调研督导: village + township not_discovered; 县医保 not by default (review_answers_for_false_materials, listed)",
     HE("health_false_materials", discovered=cres()), req=LOW_ND, forb=[("county_medical_insurance",), ("county_finance",)], listed=["review_answers_for_false_materials"])
case("HE4 the same with review_answers_for_false_materials=true: 县医保 not_discovered (二(六)3(3) 医疗救助业务的审核、审批)",
     HE("health_false_materials", discovered=cres()), params=dict(review_answers_for_false_materials=True), req=LOW_ND + [("county_medical_insurance", "not_discovered")])
case("HE5 health_costs_accounting_irregular at the county code, the city audit: 县医保 not_discovered (核算、汇总上报); no 县财政; no village/township",
     HE("health_costs_accounting_irregular", C, discovered=disc("city", "audit", body="city_audit")), req=[("county_medical_insurance", "not_discovered")],
     forb=[("county_finance",), ("city_audit",)] + NOLOW)
case("HE6 health_insurance_not_in_place at a village, county hotline → the township 03-03 (no part in the insurance, 二(六)3(3) 县扶贫办), as of 03-25: a county body not_handled; the township not not_rectified",
     HE("health_insurance_not_in_place", discovered=hot, handled=[asg("county", "township")], deadline="2021-03-31", **sit), req=[("county_*", "not_handled")], forb=[(TWN, "not_rectified"), ("village_*",)])
case("HE7 health_application_not_helped grave, the city's 调研督导: village + township not_discovered (staff + unit + leadership); the county's 主体责任 (二(六)3(4))",
     HE("health_application_not_helped", severity="grave", discovered=cres()), req=[("village_committee", "not_discovered", S3UL), (TWN, "not_discovered", S3UL)] + CNTY_MR)
case("HO1 housing_safety_system_missing at the township code, the county's 核查普查: the township not_discovered (二(六)4(2) 负责建立健全房屋使用安全常态化、网格化管理制度); no village",
     HO("housing_safety_system_missing", T, discovered=disc("county", "verification_census")), req=[(TWN, "not_discovered")], forb=[("village_*",), ("county_*", "not_discovered")])
case("HO2 housing_records_false at a village, 县建设's 核查普查: village (二(六)4(1) 验收资料的真实性) + township (二(六)4(2) 档案真实性) not_discovered; 县建设 not",
     HO("housing_records_false", discovered=disc("county", "verification_census", body="county_construction")), req=LOW_ND, forb=[("county_construction",)] + CITYPROV)
case("HO3 housing_danger_unreported, the village's own grid 03-01, village→township 03-02, township→county 03-04, as of 03-10: nobody",
     HO("housing_danger_unreported", discovered=vgrid, handled=[rep("village", "township", "2021-03-02"), rep("township", "county", "2021-03-04")], as_of="2021-03-10"), forb=NOBODY)
case("HO4 housing_danger_unreported, the village's own grid 03-01, reported to the township only 03-15: the village not_handled (二(六)4(1) 及时…上报); nobody else",
     HO("housing_danger_unreported", discovered=vgrid, handled=[rep("village", "township", "2021-03-15")], as_of="2021-03-20"),
     req=[("village_*", "not_handled")], forb=[("township_*",), ("county_*",)] + CITYPROV)
case("HO5 housing_safety_system_missing at the township code, county → township 03-03 (deadline 03-31), never: the township not_rectified; no village",
     HO("housing_safety_system_missing", T, discovered=hot, handled=[asg("county", "township")], deadline="2021-03-31", **late), req=[(TWN, "not_rectified")], forb=[("village_*",), ("city_*",)])
case("WT1 water_facilities_unmaintained at a village, the township's grid: the village not_discovered (二(六)5(1) 水源地日常巡查); not the township",
     WA("water_facilities_unmaintained", discovered=tgrid), req=VIL_ND, forb=[("township_*", "not_discovered"), ("county_*",)] + CITYPROV)
case("WT2 water_emergency_failure at a village, the city's 调研督导: the unit not_discovered (二(六)5(3) 做好应急保供保障). [After the run: I forbade the village; the library names it (二(六)5(1) 负责及时上报当地饮水安全情况, 二(二)1), which an emergency failure is — my misreading, the forbid dropped]",
     WA("water_emergency_failure", discovered=cres()), req=[("county_water_supply_unit", "not_discovered")] + LOW_ND, forb=[("county_education",), ("county_civil_affairs",)])
case("WT3 water_quality_test_failed at a village, the township's 核查普查: no village or township body (检测 is 县卫健's, 二(六)5(4))",
     WA("water_quality_test_failed", discovered=disc("township", "verification_census")), forb=NOLOW + CITYPROV)
case("WT4 water_monitoring_network_missing at the county code, the province's 调研督导: 县卫健 not_discovered (二(六)5(4) 卫健部门负责水质监测网络建设); not 县水利's unit; no village/township",
     WA("water_monitoring_network_missing", C, discovered=disc("province", "research_supervision")), req=[("county_health", "not_discovered")],
     forb=[("county_water_supply_unit",)] + NOLOW)
case("WT5 water_unsafe_unreported, the village's own 动态跟踪 03-01, reported to the township 03-02, as of 03-10: nobody",
     WA("water_unsafe_unreported", discovered=disc("village", "dynamic_tracking"), handled=[rep("village", "township", "2021-03-02")], as_of="2021-03-10"), forb=NOBODY)
case("WT6 water_facilities_unmaintained at the township code, the city's 调研督导: the township not_discovered; no village",
     WA("water_facilities_unmaintained", T, discovered=cres()), req=[(TWN, "not_discovered")], forb=[("village_*",), ("city_*", "not_discovered")])

# ===================== records that must name nobody =====================
case("NB1 health_costs_accounting_irregular at the county code, 县医保's own 动态跟踪 03-01, put right 03-20: nobody",
     HE("health_costs_accounting_irregular", C, discovered=disc("county", "dynamic_tracking", body="county_medical_insurance"), rectified_on="2021-03-20", **late), forb=NOBODY)
case("NB2 housing_renovation_late, county hotline → 县教育局 03-03 (no part in housing): 县教育局 never named",
     HO("housing_renovation_late", discovered=hot, handled=[asg("county", "county", body="county_education")], deadline="2021-03-31", **late), forb=[("county_education",)] + CITYPROV)
case("NB3 basic_needs_not_helped_to_apply found 2020-02-01 (before the policy), as of 2020-02-10: nobody. [After the run: a record wholly before the policy is refused, saying so (discovered.on, policy_in_force_from); no finding either way, so kept as a refusal, and NB3b is the same assessed after the day]",
     BN("basic_needs_not_helped_to_apply", discovered=disc("county", "hotline", on="2020-02-01"), as_of="2020-02-10"), refuse=True)
case("NB3b (written after NB3's run) the same found 2020-02-01 and assessed 2020-03-10: nobody (the find is before the policy; four days of holding after it is inside the limit)",
     BN("basic_needs_not_helped_to_apply", discovered=disc("county", "hotline", on="2020-02-01"), as_of="2020-03-10"), forb=NOBODY)
case("NB4 the same with policy_in_force_from=2020-01-01: village + township not_discovered (listed)",
     BN("basic_needs_not_helped_to_apply", discovered=disc("county", "hotline", on="2020-02-01"), as_of="2020-02-10"), params=dict(policy_in_force_from="2020-01-01"),
     req=LOW_ND, listed=["policy_in_force_from"])
case("NB5 water_facilities_unmaintained, county → township 03-05 (deadline 03-31), not done, as of 03-31 (the deadline day): nobody 整改不到位",
     WA("water_facilities_unmaintained", discovered=hot, handled=[asg("county", "township", "2021-03-05")], deadline="2021-03-31", as_of="2021-03-31"),
     req=LOW_ND, forb=NOT_LATE + [("*", "not_handled")])
case("NB6 housing_danger_unreported at a village, no discovery: nobody",
     HO("housing_danger_unreported"), forb=NOBODY)
case("NB7 education_aid_records_irregular at a village, the township's grid: no village, township, city or province body",
     ED("education_aid_records_irregular", discovered=tgrid), forb=NOLOW + CITYPROV)
case("NB8 housing_renovation_late rectified 03-04 after a county hotline 03-01 (no step), as of 04-30: only the lower levels' not_discovered",
     HO("housing_renovation_late", discovered=hot, rectified_on="2021-03-04", **late), forb=NOT_LATE + [("*", "not_handled"), ("county_*",)] + CITYPROV)
case("NB9 health_application_not_helped, county hotline: no city or province body, no outside organ, no county body not_discovered",
     HE("health_application_not_helped", discovered=hot), req=LOW_ND, forb=CNTY_ND + CITYPROV + [("platform_12317",), ("media",)])

# ===================== time limits and their parameters =====================
case("TL1 water_facilities_unmaintained, county hotline 03-01, no step, as of 03-11 (the 10th day): nobody not_handled yet",
     WA("water_facilities_unmaintained", discovered=hot, as_of="2021-03-11"), req=LOW_ND, forb=[("*", "not_handled")])
case("TL2 the same as of 03-12: a county body not_handled",
     WA("water_facilities_unmaintained", discovered=hot, as_of="2021-03-12"), req=[("county_*", "not_handled")], forb=[("village_*", "not_handled"), ("township_*", "not_handled")])
case("TL3 the same as of 03-12 with handling_time_limit_days=15: nobody not_handled",
     WA("water_facilities_unmaintained", discovered=hot, as_of="2021-03-12"), params=dict(handling_time_limit_days=15), forb=[("*", "not_handled")])
case("TL4 handling_time_limit_days=15, as of 03-16 (the 15th day): nobody not_handled",
     WA("water_facilities_unmaintained", discovered=hot, as_of="2021-03-16"), params=dict(handling_time_limit_days=15), forb=[("*", "not_handled")])
case("TL5 handling_time_limit_days=15, as of 03-17: a county body not_handled (listed)",
     WA("water_facilities_unmaintained", discovered=hot, as_of="2021-03-17"), params=dict(handling_time_limit_days=15), req=[("county_*", "not_handled")], listed=["handling_time_limit_days"])
case("TL6 handling_time_limit_days=5, assigned to the township 03-07 (the 6th day), as of 03-20: a county body not_handled",
     WA("water_facilities_unmaintained", discovered=hot, handled=[asg("county", "township", "2021-03-07")], deadline="2021-04-30", as_of="2021-03-20"), params=dict(handling_time_limit_days=5),
     req=[("county_*", "not_handled")], forb=[("township_*", "not_handled")])
case("TL7 the same under the default (10 days): nobody not_handled",
     WA("water_facilities_unmaintained", discovered=hot, handled=[asg("county", "township", "2021-03-07")], deadline="2021-04-30", as_of="2021-03-20"), forb=[("*", "not_handled")])
case("TL8 county → township 03-03 with no deadline, not done, as of 04-02 (the 30th day): nobody 整改不到位 yet",
     WA("water_facilities_unmaintained", discovered=hot, handled=[asg("county", "township")], as_of="2021-04-02"), forb=NOT_LATE)
case("TL9 the same as of 04-03: the township not_rectified (listed: rectification_time_limit_days)",
     WA("water_facilities_unmaintained", discovered=hot, handled=[asg("county", "township")], as_of="2021-04-03"), req=[(TWN, "not_rectified")], listed=["rectification_time_limit_days"])
case("TL10 rectification_time_limit_days=60, as of 04-03: nobody 整改不到位",
     WA("water_facilities_unmaintained", discovered=hot, handled=[asg("county", "township")], as_of="2021-04-03"), params=dict(rectification_time_limit_days=60), forb=NOT_LATE)
case("TL11 rectification_time_limit_days=60, as of 05-03: the township not_rectified",
     WA("water_facilities_unmaintained", discovered=hot, handled=[asg("county", "township")], as_of="2021-05-03"), params=dict(rectification_time_limit_days=60), req=[(TWN, "not_rectified")])
case("TL12 county → township 03-03 with a deadline of 03-10 (nearer than 30 days), not done, as of 03-11: the township not_rectified (the deadline counts)",
     WA("water_facilities_unmaintained", discovered=hot, handled=[asg("county", "township")], deadline="2021-03-10", as_of="2021-03-11"), req=[(TWN, "not_rectified")])
case("TL13 basic_needs_direct_help_missing, the village's own grid 03-01, no step, helped 04-05 (within 10 + 30 days): nobody",
     BN("basic_needs_direct_help_missing", discovered=vgrid, rectified_on="2021-04-05", **late), forb=NOBODY)
case("TL14 the same helped 04-12 (past 10 + 30 days): the village answers (not_handled), nobody else",
     BN("basic_needs_direct_help_missing", discovered=vgrid, rectified_on="2021-04-12", **late), req=[("village_*", "not_handled")], forb=[("township_*",), ("county_*",)] + CITYPROV)
case("TL15 the village's grid 03-01, a deadline of 05-31 with no assignment shown, helped 05-01: the village not_handled by default (deadline_without_assignment: limits, listed)",
     BN("basic_needs_direct_help_missing", discovered=vgrid, deadline="2021-05-31", rectified_on="2021-05-01", as_of="2021-06-30"),
     req=[("village_*", "not_handled")], listed=["deadline_without_assignment"])
case("TL16 the same with deadline_without_assignment=unrecorded_assignment: nobody",
     BN("basic_needs_direct_help_missing", discovered=vgrid, deadline="2021-05-31", rectified_on="2021-05-01", as_of="2021-06-30"),
     params=dict(deadline_without_assignment="unrecorded_assignment"), forb=NOBODY)
case("TL17 water_facilities_unmaintained, the township's grid 03-01, the record's first step the county's assignment to the township on 03-20 (deadline 04-30), as of 04-10: the township not_handled by default (missing_step_holder, listed)",
     WA("water_facilities_unmaintained", discovered=tgrid, handled=[asg("county", "township", "2021-03-20")], deadline="2021-04-30", as_of="2021-04-10"),
     req=[(TWN, "not_handled")], listed=["missing_step_holder"])
case("TL18 the same with missing_step_holder=nobody: the township not not_handled",
     WA("water_facilities_unmaintained", discovered=tgrid, handled=[asg("county", "township", "2021-03-20")], deadline="2021-04-30", as_of="2021-04-10"),
     params=dict(missing_step_holder="nobody"), forb=[(TWN, "not_handled")])
case("TL19 housing_renovation_late, county hotline 03-01 → 县建设 03-05 (deadline 03-31), put right 03-31: nobody 整改不到位",
     HO("housing_renovation_late", discovered=hot, handled=[asg("county", "county", "2021-03-05", body="county_construction")], deadline="2021-03-31", rectified_on="2021-03-31", **late),
     forb=NOT_LATE + [("*", "not_handled")])
case("TL20 the same put right 04-01: 县建设 not_rectified (二(六)4(3)); no village/township not_rectified",
     HO("housing_renovation_late", discovered=hot, handled=[asg("county", "county", "2021-03-05", body="county_construction")], deadline="2021-03-31", rectified_on="2021-04-01", **late),
     req=[("county_construction", "not_rectified")], forb=[("village_*", "not_rectified"), (TWN, "not_rectified")] + CITYPROV)

# ===================== who presses a village's rectification (三(二) 一级抓一级) =====================
SVR = lambda: BN("basic_needs_direct_help_missing", discovered=hot, handled=[asg("county", "village")], deadline="2021-03-31", **late)
case("SV1 basic_needs_direct_help_missing, county → village 03-03 (deadline 03-31), never: the village not_rectified; its township presses (二(二)2); the county's leaders not (own_and_shown_above: the nearest level)",
     SVR(), req=VIL_NR + [(TWN, "supervision")], forb=[("county_party_committee", "supervision"), ("county_government", "supervision")] + CITYPROV)
case("SV2 the same with supervision_scope=all_levels: the county's leaders press too (二(二)4 指导督促部门和乡村问题发现和整改)",
     SVR(), params=dict(supervision_scope="all_levels"), req=VIL_NR + [(TWN, "supervision"), ("county_*", "supervision")], listed=["supervision_scope"])
case("SV3 the same with supervision_scope=none: nobody presses",
     SVR(), params=dict(supervision_scope="none"), req=VIL_NR, forb=[("*", "supervision")])
case("SV4 the same with supervision_scope=next_level: the township only",
     SVR(), params=dict(supervision_scope="next_level"), req=VIL_NR + [(TWN, "supervision")], forb=[("county_*", "supervision")] + CITYPROV)

# ===================== batch 2 (written after batch 1's run, before its own) =====================
case("P1 basic_needs_not_helped_to_apply, the township's grid 03-01, the village reports it to the township the same day, as of 03-05: no township not_handled; the village not not_handled",
     BN("basic_needs_not_helped_to_apply", discovered=tgrid, handled=[rep("village", "township", "2021-03-01")]),
     forb=[("township_*", "not_handled"), ("village_*", "not_handled"), ("county_*",)] + CITYPROV)
case("P2 the same with the village's report on 03-02: no township not_handled; the village not not_handled",
     BN("basic_needs_not_helped_to_apply", discovered=tgrid, handled=[rep("village", "township", "2021-03-02")]),
     forb=[("township_*", "not_handled"), ("village_*", "not_handled"), ("county_*",)] + CITYPROV)
case("P3 water_facilities_unmaintained (the township's own 管护, 二(六)5(2)), the township's grid 03-01, reported up to the county 03-03, nothing done to 04-30. Written: the township answers (its own problem). [After the run: the county holds it (县水利, receiving_level_body) and the township is not named: 二(六)5(3)–(4) put the works' 长效管理 and 专业管护 on the county's unit under 水利, so a township's report up is 按程序 — my misreading; the case now says that]",
     WA("water_facilities_unmaintained", discovered=tgrid, handled=[rep("township", "county")], **late), req=[("county_water", "not_handled")] + VIL_ND,
     forb=[("village_*", "not_rectified"), ("city_*",), ("province_*",)])
case("P4 the same, the county hands it back to the township 03-05 (deadline 03-31), never done: the township not_rectified; no county not_handled (it passed it back in time)",
     WA("water_facilities_unmaintained", discovered=tgrid, handled=[rep("township", "county"), asg("county", "township", "2021-03-05")], deadline="2021-03-31", **late),
     req=[(TWN, "not_rectified")], forb=[("county_*", "not_handled"), ("village_*", "not_rectified")] + CITYPROV)
case("P5 housing_danger_unreported, concealed by the village and the township from the county audit: both concealed; neither also not_discovered; no county body",
     HO("housing_danger_unreported", discovered=disc("county", "audit", body="county_audit"), concealed_by=["village", "township"]),
     req=[(b, "concealed") for b in VIL] + [(TWN, "concealed")], forb=NOLOW_ND + [("county_*",)] + CITYPROV)
case("P6 health_assistance_late (sector medical_insurance), the township's grid 03-01, reported to 县医保 03-03, approved 03-20 (as of 04-30): no not_handled, no 整改不到位; no village",
     HE("health_assistance_late", sector="medical_insurance", discovered=tgrid, handled=[rep("township", "county", body="county_medical_insurance")], rectified_on="2021-03-20", **late),
     forb=NOT_LATE + [("*", "not_handled"), ("village_*",)])
case("P7 housing_danger_unreported, the village's grid 03-01, reported to the township 03-02; the township sits to 03-25: the township not_handled (二(六)4(2) 及时…上报本辖区危房情况); the village nothing",
     HO("housing_danger_unreported", discovered=vgrid, handled=[rep("village", "township", "2021-03-02")], **sit), req=[(TWN, "not_handled")], forb=[("village_*",), ("county_*",)] + CITYPROV)
case("P8 water_unsafe_unreported, the village's grid 03-01, never reported, as of 03-25: the village not_handled (二(六)5(1) 负责及时上报); no township or county",
     WA("water_unsafe_unreported", discovered=vgrid, **sit), req=[("village_*", "not_handled")], forb=[("township_*",), ("county_*",)] + CITYPROV)
case("P9 water_facilities_unmaintained, county hotline received by 县扶贫办 (the ledger's keeper), which sits 24 days: 县扶贫办 not_handled; 县水利 and the unit not (never had it)",
     WA("water_facilities_unmaintained", discovered=disc("county", "hotline", body="county_poverty_office"), **sit),
     req=[("county_poverty_office", "not_handled")] + LOW_ND, forb=[("county_water", "not_handled"), ("county_water_supply_unit",)] + CITYPROV)
case("P10 housing_danger_unreported grave, concealed by the village from the county's 上级核查, township_main_responsibility=true: the township's and the county's 主体责任",
     HO("housing_danger_unreported", severity="grave", discovered=disc("county", "higher_level_verification"), concealed_by=["village"]),
     params=dict(township_main_responsibility=True), req=[(b, "concealed", S3UL) for b in VIL] + CNTY_MR + [("township_*", "main_responsibility")])
case("P11 basic_needs_policy_gap at the province code, the province's 调研督导 (省民政), sat to 03-25, grave: a province body not_handled; the province's 主体责任 (its own work: main_responsibility_every_level says so); no county or city",
     BN("basic_needs_policy_gap", "33", severity="grave", discovered=disc("province", "research_supervision", body="province_civil_affairs"), **sit),
     req=[("province_*", "not_handled"), ("province_party_committee", "main_responsibility"), ("province_government", "main_responsibility")], forb=[("county_*",), ("city_*",)] + NOLOW)
case("P12 health_false_materials at a village, the county's 巡视: village + township not_discovered; no county body not_discovered",
     HE("health_false_materials", discovered=disc("county", "inspection_tour")), req=LOW_ND, forb=CNTY_ND + CITYPROV)
case("P13 water_unsafe_unreported, the press at the township level: the village not_discovered; the township not; the media not",
     WA("water_unsafe_unreported", discovered=disc("township", "media")), req=VIL_ND, forb=[("township_*", "not_discovered"), ("media",), ("county_*",)] + CITYPROV)
case("P14 basic_needs_direct_help_missing, found at the village through the 互联网+监督 platform 03-01, as of 03-05: nobody",
     BN("basic_needs_direct_help_missing", discovered=disc("village", "internet_supervision")), forb=NOBODY)
case("P15 basic_needs_not_helped_to_apply, county hotline 2020-02-01 (before the policy), never passed on, as of 2020-06-30: a county body not_handled (holding it on after 03-06 is conduct under the policy); nobody not_discovered",
     BN("basic_needs_not_helped_to_apply", discovered=disc("county", "hotline", on="2020-02-01"), as_of="2020-06-30"),
     req=[("county_*", "not_handled")], forb=[("*", "not_discovered")] + CITYPROV)
case("P16 water_facilities_unmaintained, county → township 03-03 with a deadline of 06-30, not done, as of 04-10: nobody 整改不到位 (the deadline replaces the 30 days)",
     WA("water_facilities_unmaintained", discovered=hot, handled=[asg("county", "township")], deadline="2021-06-30", as_of="2021-04-10"), forb=NOT_LATE)
case("P17 education_aid_records_irregular, the school's own 核查普查 (county level, the school's body) 03-01, put right 03-20: nobody",
     ED("education_aid_records_irregular", discovered=disc("county", "verification_census", body="county_school"), rectified_on="2021-03-20", **late), forb=NOBODY)
case("P18 water_policy_gap at the city code, the city's 调研督导 (市水利), grave, sat to 03-25: 市水利 not_handled; the city's 主体责任 (its own policy work); no county",
     WA("water_policy_gap", "3301", severity="grave", discovered=disc("city", "research_supervision", body="city_water"), **sit),
     req=[("city_water", "not_handled"), ("city_party_committee", "main_responsibility")], forb=[("county_*",)] + NOLOW)
case("P19 housing_renovation_late, county hotline → 县建设 03-05 (deadline 03-31) → the township 03-20 (late pass-on), never done, as of 04-30: 县建设 not_rectified (a late 交办 keeps it the assignee); the county's 扶贫办 not",
     HO("housing_renovation_late", discovered=hot, handled=[asg("county", "county", "2021-03-05", body="county_construction"), asg("county", "township", "2021-03-20")], deadline="2021-03-31", **late),
     req=[("county_construction", "not_rectified")], forb=[("county_poverty_office",)] + CITYPROV)
case("P20 health_insurance_not_in_place, county hotline → 县扶贫办 03-03 (deadline 03-31), never: 县扶贫办 not_rectified (二(六)3(3) 县扶贫办负责低收入农户医疗补充政策性保险的工作); no village/township not_rectified; not 县医保",
     HE("health_insurance_not_in_place", discovered=hot, handled=[asg("county", "county", body="county_poverty_office")], deadline="2021-03-31", **late),
     req=[("county_poverty_office", "not_rectified")], forb=[("village_*", "not_rectified"), ("township_*", "not_rectified"), ("county_medical_insurance", "not_rectified")] + [("city_*",)])

# ===================== written after the runs: a problem handed back up by its assignee (bounce.py) =====================
BOUNCE = [asg("county", "township"), asg("township", "village", "2021-03-05"), rep("village", "township", "2021-03-08")]
case("HB1b (after the run) basic_needs_not_helped_to_apply, county hotline → township 03-03 (deadline 03-31) → village 03-05, the village hands it back up 03-08, never done: the village not_rectified; the township presses it (二(二)2) but is not also not_handled — it passed the problem on in time (一(四) 及时交办: done), and the village's 上报 of its own assigned item is no new 发现问题",
     BN("basic_needs_not_helped_to_apply", discovered=hot, handled=BOUNCE, deadline="2021-03-31", **late), req=VIL_NR + [(TWN, "supervision")], forb=[(TWN, "not_handled")])
case("HB1c (after the run) water_facilities_unmaintained, the same bounce: the village not_rectified; the township presses, not also not_handled",
     WA("water_facilities_unmaintained", discovered=hot, handled=BOUNCE, deadline="2021-03-31", **late), req=VIL_NR + [(TWN, "supervision")], forb=[(TWN, "not_handled")])
case("HB1d (after the run) education_student_not_identified, the same bounce: the county's 交办 to the township is no 交办 (no part in education) and 县教育局 answers not_handled; the township, with no part, handed back a problem the county itself holds, is not named",
     ED("education_student_not_identified", discovered=hot, handled=BOUNCE, deadline="2021-03-31", **late), req=[("county_education", "not_handled")], forb=[("township_*",), ("village_*",)])
case("HB1e (after the run) housing_renovation_late, the same bounce: the township, the assignee that rectifies it (二(二)2, as HB11), not_rectified; not also not_handled for the problem its village handed back (one failure, 一(四) 交办问题整改落实不到位)",
     HO("housing_renovation_late", discovered=hot, handled=BOUNCE, deadline="2021-03-31", **late), req=[(TWN, "not_rectified")], forb=[(TWN, "not_handled")])

# ===================== batch 3 (written before its run): to which level, and the 一户一策一干部 cadre =====================
case("Q1 housing_policy_gap at the county code, county hotline, reported straight to the province 03-03 (a 上级单位 too, 一(三)), as of 04-30: no county body; the city (never shown it) not named",
     HO("housing_policy_gap", C, discovered=hot, handled=[rep("county", "province")], **late), forb=[("county_*",), ("city_*",)] + NOLOW)
case("Q2 housing_renovation_late at a village, the township's grid 03-01, reported straight to the city 03-03 (skipping the county), as of 03-25: the township reported up in time (一(三) 向上级单位报送), not not_handled; the city sat 22 days: a city body not_handled",
     HO("housing_renovation_late", discovered=tgrid, handled=[rep("township", "city")], **sit), req=[("city_*", "not_handled")], forb=[(TWN, "not_handled"), ("province_*",)])
case("Q3 education_policy_gap at the county code, county hotline, reported to the city on 03-12 (late), as of 03-20: a county body not_handled; the city (8 days) nothing yet",
     ED("education_policy_gap", C, discovered=hot, handled=[rep("county", "city", "2021-03-12")], as_of="2021-03-20"), req=[("county_*", "not_handled")], forb=[("city_*",)] + NOLOW)
case("Q4 water_policy_gap at the county code, county → city 03-03, city → province 03-20 (late), as of 03-25: a city body not_handled; no county body",
     WA("water_policy_gap", C, discovered=hot, handled=[rep("county", "city"), rep("city", "province", "2021-03-20")], **sit), req=[("city_*", "not_handled")], forb=[("county_*",)] + NOLOW)
case("Q5 basic_needs_contact_missing (每月联系, 二(六)1(4)), found by the county's own 一户一策一干部 work 03-01, sat to 03-25: a county body answers (the leaders whose 确保 it is); not 县民政; no city",
     BN("basic_needs_contact_missing", discovered=disc("county", "one_household_one_cadre"), **sit), req=[("county_*", None)], forb=[("county_civil_affairs",), ("county_education",)] + CITYPROV)
case("Q6 basic_needs_contact_missing, the township's grid 03-01, reported to the county 03-03, put right 03-20 (as of 04-30): no not_handled, no 整改不到位, no pressing; no township finding",
     BN("basic_needs_contact_missing", discovered=tgrid, handled=[rep("township", "county")], rectified_on="2021-03-20", **late), forb=NOT_LATE + [("*", "not_handled"), ("township_*",)] + CITYPROV)
case("Q7 basic_needs_policy_gap at the county code, county → city 03-03 → province 03-05, the province sits to 04-30: no county body; no city not_handled",
     BN("basic_needs_policy_gap", C, discovered=hot, handled=[rep("county", "city"), rep("city", "province", "2021-03-05")], **late), forb=[("county_*",), ("city_*", "not_handled")] + NOLOW)
case("Q8 health_application_not_helped at a village, the township's grid 03-01, the township reports it up to the county 03-03 (the village's own item, within the township's reach), the county hands it to the village 03-05 (deadline 03-31), helped 03-20: only the village's not_discovered",
     HE("health_application_not_helped", discovered=tgrid, handled=[rep("township", "county"), asg("county", "village", "2021-03-05")], deadline="2021-03-31", rectified_on="2021-03-20", **late),
     req=VIL_ND, forb=NOT_LATE + [("*", "not_handled"), ("county_*",)] + CITYPROV)
