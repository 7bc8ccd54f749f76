"""check66's records, written from the text before the library was run on them (session 64): the edges of THIS
session's three readings — (1) ``reported_on_by`` (housing_danger_unreported, water_unsafe_unreported,
identification_eligible_omitted: the village's and township's part is to report it on, 二(六)4(1)–(2) 及时发现掌握并上报,
二(六)5(1) 负责及时上报, 二(三)1 应报尽报 / 二(三)3 县民政局…纳入), (2) fid65's open window for a level that can put a kind
right itself (check62 X2; self_rectified_report_required), and (3) ``concealing_body_partner_knew`` (relations.yaml
``knows_together``: a level's Party organisation and government know together, 二(一)1(1), 二(二)1, 二(二)4; departments
not joined, 二(四)7) — each kind at the village and the township on day 9, 11, 24, 41 and 45 of a find on 03-01 (day 0),
fixed on day 20 / 35 / 44 or never; assigned against self-found; reports that went up late; a township passing such a
kind down to its village; the neighbouring own-fix kinds (basic_needs_eligible_not_included, health_application_not_helped,
water_facilities_unmaintained); concealment by each leading pair and by departments; both values of the parameters.

tests/test_from_text66.py runs them; the auditor's report is /work/helpers/s64/check66.md.
"""
# ruff: noqa: E501, E702, E731, RUF005
# One record to a call, as tests/from_text55_cases.py–from_text65_cases.py write them (not reflowed by ruff format):
# fmt: off

from __future__ import annotations

import datetime as _dt
from typing import Any

from .from_text import CITY, LOW_ND, PROV, TWN, VIL_ND, A, C, T, asg, clause_adder, disc, refuser, rep

CASES: list[dict[str, Any]] = []
case = clause_adder(CASES)
refuse = refuser(CASES, case)

HO = A("housing"); WA = A("water"); ID = A("identification"); BN = A("basic_needs"); HE = A("health"); FU = A("funds")
DI = A("discovery"); ED = A("education")


def day(n: int) -> str:
    """Day ``n`` after the find of 2021-03-01 (day 0)."""
    return (_dt.date(2021, 3, 1) + _dt.timedelta(days=n)).isoformat()


at = lambda n: dict(as_of=day(n))
fixed = lambda n, asof: dict(rectified_on=day(n), as_of=day(asof))
VPB = "village_party_branch"; VC = "village_committee"; TPC = "township_party_committee"
CPC = "county_party_committee"; CG = "county_government"; CYPC = "city_party_committee"; CYG = "city_government"
PPC = "province_party_committee"; PG = "province_government"
CWSU = "county_water_supply_unit"; CWA = "county_water"; CFIN = "county_finance"; CEDU = "county_education"; SCHOOL = "county_school"
tgrid = disc("township", "grid"); vgrid = disc("village", "grid"); hot = disc("county", "hotline")
kcen = disc("county", "verification_census"); chv = disc("city", "higher_level_verification")
ptour = disc("province", "inspection_tour"); pres = disc("province", "research_supervision")
paud = disc("province", "audit", body="province_audit"); thv = disc("township", "higher_level_verification")
T_NH = [(TWN, "not_handled")]; V_NH = [("village_*", "not_handled")]; NO_H = [("*", "not_handled")]
NOCNTY = [("county_*",)]; V_NR = [("village_*", "not_rectified")]
WINDOW = ["self_rectified_report_required", "handling_time_limit_days", "rectification_time_limit_days"]
SRR = "self_rectified_report_required"; KNEW = "concealing_body_partner_knew"
TRUE_SRR = dict(self_rectified_report_required=True); NOT_KNEW = dict(concealing_body_partner_knew=False)
HDU = "housing_danger_unreported"; WUU = "water_unsafe_unreported"; IEO = "identification_eligible_omitted"
BNE = "basic_needs_eligible_not_included"; HAN = "health_application_not_helped"; WFU = "water_facilities_unmaintained"

# ===================== (1) reported_on_by: the township's own grid find, no step =====================
case("RH1 housing_danger_unreported at a village, the township's grid on day 0, no step, not made safe, as of day 9: the township not yet not_handled (its 10 days have not run, 一(四) 没有按程序及时…上报); the village not_discovered (二(六)4(1) 及时发现掌握并上报本村危房情况); no county body (never told)",
     HO(HDU, discovered=tgrid, **at(9)), req=VIL_ND, forb=T_NH + NOCNTY)
case("RH2 the same as of day 11: the township not_handled (二(六)4(2) 及时发现掌握并上报本辖区危房情况; it can only 协助 the making safe, so its part is the report); the village not_discovered",
     HO(HDU, discovered=tgrid, **at(11)), req=T_NH + VIL_ND, forb=NOCNTY, cl=[(TWN, "not_handled", ["一(四)"], [])])
case("RH3 the same as of day 24 (inside the 10 + 30 days an own-fixing level would have): the township not_handled all the same; not listed as resting on self_rectified_report_required's window",
     HO(HDU, discovered=tgrid, **at(24)), req=T_NH + VIL_ND, forb=NOCNTY)
case("RH4 the same as of day 45: the township not_handled",
     HO(HDU, discovered=tgrid, **at(45)), req=T_NH + VIL_ND, forb=NOCNTY)
case("RH5 the same, made safe on day 20, as of day 45: the township not named (a house made safe in time shows it went on to the county, which alone appraises, 二(六)4(3)); the village still not_discovered",
     HO(HDU, discovered=tgrid, **fixed(20, 45)), req=VIL_ND, forb=NO_H + NOCNTY)
case("RH6 the same, made safe on day 35 (inside 10 + 30), as of day 45: the township not named",
     HO(HDU, discovered=tgrid, **fixed(35, 45)), req=VIL_ND, forb=NO_H)
case("RH7 the same, made safe on day 44 (past 10 + 30), as of day 50: the township not_handled",
     HO(HDU, discovered=tgrid, **fixed(44, 50)), req=T_NH + VIL_ND)
case("RW1 water_unsafe_unreported at a village, the township's grid on day 0, no step, as of day 9: nobody not_handled yet; the village not_discovered (二(六)5(1) 负责及时上报当地饮水安全情况…水源地日常巡查)",
     WA(WUU, discovered=tgrid, **at(9)), req=VIL_ND, forb=NO_H + NOCNTY)
case("RW2 the same as of day 11: the township not_handled (the kind is the report not made; reported_on_by)",
     WA(WUU, discovered=tgrid, **at(11)), req=T_NH + VIL_ND, forb=NOCNTY)
case("RW3 the same as of day 24: the township not_handled",
     WA(WUU, discovered=tgrid, **at(24)), req=T_NH + VIL_ND, forb=NOCNTY)
case("RW4 the same, put right on day 35, as of day 45: the township not named",
     WA(WUU, discovered=tgrid, **fixed(35, 45)), forb=NO_H)
case("RW5 the same, put right on day 44, as of day 50: the township not_handled",
     WA(WUU, discovered=tgrid, **fixed(44, 50)), req=T_NH)
case("RI1 identification_eligible_omitted at a village, the township's grid on day 0, no step, as of day 9: nobody not_handled; the village not_discovered (二(三)1 确保…应报尽报); no county body",
     ID(IEO, discovered=tgrid, **at(9)), req=VIL_ND, forb=NO_H + NOCNTY)
case("RI2 the same as of day 11: the township not_handled (二(三)2 履行受理申请和主动发现责任; the inclusion is 县民政局's, 二(三)3)",
     ID(IEO, discovered=tgrid, **at(11)), req=T_NH + VIL_ND, forb=NOCNTY)
case("RI3 the same as of day 41: the township not_handled",
     ID(IEO, discovered=tgrid, **at(41)), req=T_NH + VIL_ND, forb=NOCNTY)
case("RI4 the same, included on day 20, as of day 45: the township not named (an inclusion shows it went on to 县民政局)",
     ID(IEO, discovered=tgrid, **fixed(20, 45)), forb=NO_H)
case("RI5 the same, included on day 44, as of day 50: the township not_handled",
     ID(IEO, discovered=tgrid, **fixed(44, 50)), req=T_NH)

# ===================== (1) reported_on_by: the village's own find, no step =====================
case("RV1 housing_danger_unreported, the village's grid on day 0, no step, as of day 9: the village not yet not_handled",
     HO(HDU, discovered=vgrid, **at(9)), forb=NO_H + NOCNTY)
case("RV2 the same as of day 11: the village not_handled (二(六)4(1) 及时发现掌握并上报本村危房情况; 一(四))",
     HO(HDU, discovered=vgrid, **at(11)), req=V_NH, forb=T_NH + NOCNTY)
case("RV3 identification_eligible_omitted, the village's grid on day 0, no step, as of day 24: the village not_handled (二(三)1 应报尽报: it cannot include the household)",
     ID(IEO, discovered=vgrid, **at(24)), req=V_NH, forb=T_NH + NOCNTY)
case("RV4 the same, included on day 20, as of day 45: the village not named",
     ID(IEO, discovered=vgrid, **fixed(20, 45)), forb=NO_H)
case("RV5 water_unsafe_unreported, the village's patrol (grid) on day 0, no step, as of day 24: the village not_handled (二(六)5(1) 负责及时上报)",
     WA(WUU, discovered=vgrid, **at(24)), req=V_NH, forb=NOCNTY)
case("RV6 the same, put right on day 35, as of day 45: the village not named",
     WA(WUU, discovered=vgrid, **fixed(35, 45)), forb=NO_H)

# ===================== (1) reported_on_by under the parameters' other values =====================
case("RP1 RH5 (the township's own find of a house, made safe on day 20, as of day 45) with self_rectified_report_required=true: the township still not named (it cannot make the house safe itself: the fix shows the report)",
     HO(HDU, discovered=tgrid, **fixed(20, 45)), params=TRUE_SRR, forb=NO_H)
case("RP2 RH3 (as of day 24, no fix) with self_rectified_report_required=true: the township not_handled",
     HO(HDU, discovered=tgrid, **at(24)), params=TRUE_SRR, req=T_NH)
case("RP3 RV4 (the village's find of an omitted household, included on day 20) with self_rectified_report_required=true: the village not named",
     ID(IEO, discovered=vgrid, **fixed(20, 45)), params=TRUE_SRR, forb=NO_H)
case("RP4 RH3 with handling_time_limit_days=30: the township not yet not_handled on day 24; listed",
     HO(HDU, discovered=tgrid, **at(24)), params=dict(handling_time_limit_days=30), forb=T_NH, listed=["handling_time_limit_days"])
case("RP5 RH1 (day 9) with handling_time_limit_days=5: the township not_handled; listed",
     HO(HDU, discovered=tgrid, **at(9)), params=dict(handling_time_limit_days=5), req=T_NH, listed=["handling_time_limit_days"])
case("RP6 RH6 (made safe on day 35) with rectification_time_limit_days=10 (10 + 10 = day 20): the township not_handled; listed",
     HO(HDU, discovered=tgrid, **fixed(35, 45)), params=dict(rectification_time_limit_days=10), req=T_NH, listed=["rectification_time_limit_days"])

# ===================== (2) the open window: own-fix kinds close to these, no step =====================
case("OB1 basic_needs_eligible_not_included at a village, the township's grid on day 0, no step, as of day 9: nobody not_handled; the village not_discovered (二(六)1(1) 及时掌握本村居民家庭生产生活和经济状况)",
     BN(BNE, discovered=tgrid, **at(9)), req=VIL_ND, forb=NO_H + NOCNTY)
case("OB2 the same as of day 11: the township not named (二(六)1(2) 将符合条件的困难群众及时纳入: it may still include them itself); listed",
     BN(BNE, discovered=tgrid, **at(11)), req=VIL_ND, forb=NO_H, listed=[SRR])
case("OB3 the same as of day 24: the township not named; the verdict lists self_rectified_report_required and both limits",
     BN(BNE, discovered=tgrid, **at(24)), req=VIL_ND, forb=NO_H, listed=WINDOW)
case("OB4 the same as of day 41 (10 + 30 run out, not included): the township not_handled",
     BN(BNE, discovered=tgrid, **at(41)), req=T_NH + VIL_ND)
case("OB5 the same as of day 45: the township not_handled",
     BN(BNE, discovered=tgrid, **at(45)), req=T_NH + VIL_ND)
case("OB6 the same, included on day 20, as of day 45: nobody not_handled",
     BN(BNE, discovered=tgrid, **fixed(20, 45)), forb=NO_H)
case("OB7 the same, included on day 35, as of day 45: nobody not_handled",
     BN(BNE, discovered=tgrid, **fixed(35, 45)), forb=NO_H)
case("OB8 the same, included on day 44, as of day 50: the township not_handled",
     BN(BNE, discovered=tgrid, **fixed(44, 50)), req=T_NH)
case("OH1 health_application_not_helped at a village, the village's grid on day 0, no step, as of day 24: the village not named (二(六)3(1) 帮助…提出申请: it can still help them apply); listed",
     HE(HAN, discovered=vgrid, **at(24)), forb=NO_H + NOCNTY, listed=[SRR])
case("OH2 the same as of day 45: the village not_handled",
     HE(HAN, discovered=vgrid, **at(45)), req=V_NH)
case("OH3 the same, helped to apply on day 35, as of day 45: nobody not_handled",
     HE(HAN, discovered=vgrid, **fixed(35, 45)), forb=NO_H)
case("OH4 health_application_not_helped, the township's grid on day 0, no step, as of day 24: the township not named (二(二)2 整改工作负责); the village not_discovered",
     HE(HAN, discovered=tgrid, **at(24)), req=VIL_ND, forb=NO_H)
case("OF1 water_facilities_unmaintained at a village, the township's grid on day 0, no step, as of day 24: the township not named (二(六)5(2) 落实工程长效管护、水源地管理保护 is its own to put right) — beside RW3, where the unreported unsafe water names it on the same day",
     WA(WFU, discovered=tgrid, **at(24)), forb=NO_H, listed=[SRR])
case("OF2 the same as of day 45: the township not_handled",
     WA(WFU, discovered=tgrid, **at(45)), req=T_NH)
case("OF3 water_facilities_unmaintained, the village's patrol on day 0, no step, as of day 11: the village not named (二(六)5(1) 水源地日常巡查)",
     WA(WFU, discovered=vgrid, **at(11)), forb=NO_H)
case("OT1 OB3 (day 24) with self_rectified_report_required=true: the township not_handled (the report was due in 10 days); listed",
     BN(BNE, discovered=tgrid, **at(24)), params=TRUE_SRR, req=T_NH, listed=[SRR])
case("OT2 OB1 (day 9) with self_rectified_report_required=true: nobody not_handled yet",
     BN(BNE, discovered=tgrid, **at(9)), params=TRUE_SRR, forb=NO_H)
case("OT3 OB6 (included on day 20) with self_rectified_report_required=true: the township not_handled (it still had to report); listed",
     BN(BNE, discovered=tgrid, **fixed(20, 45)), params=TRUE_SRR, req=T_NH, listed=[SRR])
case("OT4 OH3 (helped on day 35) with self_rectified_report_required=true: the village not_handled",
     HE(HAN, discovered=vgrid, **fixed(35, 45)), params=TRUE_SRR, req=V_NH)
case("OT5 OB3 (day 24) with rectification_time_limit_days=10 (10 + 10 = day 20): the township not_handled; listed",
     BN(BNE, discovered=tgrid, **at(24)), params=dict(rectification_time_limit_days=10), req=T_NH, listed=["rectification_time_limit_days"])
case("OT6 OB5 (day 45) with handling_time_limit_days=20 (20 + 30 = day 50): the township not named",
     BN(BNE, discovered=tgrid, **at(45)), params=dict(handling_time_limit_days=20), forb=NO_H)

# ===================== assigned against self-found =====================
case("AS1 housing_danger_unreported at a village, the county hotline on day 0 assigned to the township on day 2, deadline 03-31 (day 30), not made safe, as of day 24: nobody not_rectified yet; the township not not_handled (it was handed it); the village and the township not_discovered",
     HO(HDU, discovered=hot, handled=[asg("county", "township", day(2))], deadline=day(30), **at(24)), req=LOW_ND, forb=[("*", "not_rectified")] + T_NH)
case("AS2 the same as of day 45: the township not_rectified (一(四) 对交办问题整改落实不到位的); no county body not_handled",
     HO(HDU, discovered=hot, handled=[asg("county", "township", day(2))], deadline=day(30), **at(45)), req=[(TWN, "not_rectified")] + LOW_ND, forb=[("county_*", "not_handled")])
case("AS3 the same, made safe on day 35 (after the deadline), as of day 45: the township not_rectified",
     HO(HDU, discovered=hot, handled=[asg("county", "township", day(2))], deadline=day(30), **fixed(35, 45)), req=[(TWN, "not_rectified")])
case("AS4 AS2 where the township hands it on to its village on day 4: the township still not_rectified (the village cannot make a house safe, 二(六)4(1) 协助); the village not not_rectified",
     HO(HDU, discovered=hot, handled=[asg("county", "township", day(2)), asg("township", "village", day(4))], deadline=day(30), **at(45)), req=[(TWN, "not_rectified")], forb=V_NR)
case("AS5 identification_eligible_omitted, the county hotline on day 0 assigned to the township on day 2, deadline day 30, not included, as of day 45: the township not_rectified; the village not_discovered",
     ID(IEO, discovered=hot, handled=[asg("county", "township", day(2))], deadline=day(30), **at(45)), req=[(TWN, "not_rectified")] + VIL_ND)
case("AS6 basic_needs_eligible_not_included, the county hotline on day 0 assigned to the township on day 2 (no deadline: day 32), the township hands it to its village on day 4, not included, as of day 45: the village not_rectified (二(六)1(1) 及时帮助困难群众申请社会救助); the township not not_rectified (passed on in time)",
     BN(BNE, discovered=hot, handled=[asg("county", "township", day(2)), asg("township", "village", day(4))], **at(45)), req=V_NR, forb=[(TWN, "not_rectified")] + T_NH)
case("AS7 housing_danger_unreported, the county hotline on day 0, the county sits, as of day 24: a county body not_handled; the village and the township not_discovered",
     HO(HDU, discovered=hot, **at(24)), req=[("county_*", "not_handled")] + LOW_ND)
case("AS8 the same, made safe on day 20, as of day 45: no county body not_handled (made safe within 10 + 30 of its find)",
     HO(HDU, discovered=hot, **fixed(20, 45)), req=LOW_ND, forb=[("county_*", "not_handled")])

# ===================== reports that went up late =====================
case("LR1 housing_danger_unreported, the village's grid on day 0, reported to the township on day 15, the township to the county on day 17, not made safe, as of day 45: the village not_handled (15 days); the township not; a county body not_handled (held since day 17)",
     HO(HDU, discovered=vgrid, handled=[rep("village", "township", day(15)), rep("township", "county", day(17))], **at(45)), req=V_NH + [("county_*", "not_handled")], forb=T_NH)
case("LR2 the same, made safe on day 30, as of day 45: the village not_handled (its late report is shown); the township and the county not",
     HO(HDU, discovered=vgrid, handled=[rep("village", "township", day(15)), rep("township", "county", day(17))], **fixed(30, 45)), req=V_NH, forb=T_NH + [("county_*", "not_handled")])
case("LR3 housing_danger_unreported, the village's grid on day 0, reported to the township on day 1, the township to the county on day 15, made safe on day 30, as of day 45: the township not_handled (14 days); the village not",
     HO(HDU, discovered=vgrid, handled=[rep("village", "township", day(1)), rep("township", "county", day(15))], **fixed(30, 45)), req=T_NH, forb=V_NH)
case("LR4 housing_danger_unreported, the village reports to the township on day 1, the township sits, as of day 9: nobody not_handled",
     HO(HDU, discovered=vgrid, handled=[rep("village", "township", day(1))], **at(9)), forb=NO_H)
case("LR5 the same as of day 13: the township not_handled (received day 1: 12 days); the village not",
     HO(HDU, discovered=vgrid, handled=[rep("village", "township", day(1))], **at(13)), req=T_NH, forb=V_NH)
case("LR6 the same, made safe on day 20, as of day 45: the township not named (the fix shows it went on); the village not",
     HO(HDU, discovered=vgrid, handled=[rep("village", "township", day(1))], **fixed(20, 45)), forb=NO_H)
case("LR7 identification_eligible_omitted, the village reports to the township on day 2, the township to the county on day 20, included on day 25, as of day 45: the township not_handled (18 days); the village not",
     ID(IEO, discovered=vgrid, handled=[rep("village", "township", day(2)), rep("township", "county", day(20))], **fixed(25, 45)), req=T_NH, forb=V_NH)
case("LR8 water_unsafe_unreported, the village's patrol on day 0, reported to the township on day 12, the township to the county on day 13, put right on day 20, as of day 45: the village not_handled (二(六)5(1) 负责及时上报); the township not",
     WA(WUU, discovered=vgrid, handled=[rep("village", "township", day(12)), rep("township", "county", day(13))], **fixed(20, 45)), req=V_NH, forb=T_NH)
case("LR9 basic_needs_eligible_not_included, the village's grid on day 0, reported to the township on day 15, the township includes them on day 25, as of day 45: the township not named (it put it right within its own time); no county body",
     BN(BNE, discovered=vgrid, handled=[rep("village", "township", day(15))], **fixed(25, 45)), forb=T_NH + [("county_*", "not_handled")])

# ===================== a township that passes such a kind down to its village =====================
case("PD1 housing_danger_unreported, the township's grid on day 0, handed to its village on day 2, as of day 9: nobody not_handled yet",
     HO(HDU, discovered=tgrid, handled=[asg("township", "village", day(2))], **at(9)), forb=NO_H)
case("PD2 the same as of day 24: the township not_handled (a hand-down to a level that cannot make the house safe is no disposal: 二(六)4(1) 协助, 4(3)); the village not not_rectified",
     HO(HDU, discovered=tgrid, handled=[asg("township", "village", day(2))], **at(24)), req=T_NH, forb=V_NR)
case("PD3 identification_eligible_omitted, the township's grid on day 0, handed to its village on day 2, as of day 24: the township not_handled (二(三)3: only 县民政局 includes); the village not not_rectified",
     ID(IEO, discovered=tgrid, handled=[asg("township", "village", day(2))], **at(24)), req=T_NH, forb=V_NR)
case("PD4 water_unsafe_unreported, the township's grid on day 0, handed to its village on day 2, as of day 24: the township not_handled; the village not not_rectified",
     WA(WUU, discovered=tgrid, handled=[asg("township", "village", day(2))], **at(24)), req=T_NH, forb=V_NR)
case("PD5 PD2 made safe on day 20, as of day 45: the village not not_rectified; no county body named",
     HO(HDU, discovered=tgrid, handled=[asg("township", "village", day(2))], **fixed(20, 45)), forb=V_NR + NOCNTY)
case("PD6 basic_needs_eligible_not_included, the township's grid on day 0, handed to its village on day 2 (due day 32), not put right, as of day 45: the village not_rectified (二(六)1(1)); the township not not_handled (passed down in time to a level that can put it right)",
     BN(BNE, discovered=tgrid, handled=[asg("township", "village", day(2))], **at(45)), req=V_NR, forb=T_NH)
case("PD7 health_application_not_helped, the same: the village not_rectified (二(六)3(1)); the township not not_handled",
     HE(HAN, discovered=tgrid, handled=[asg("township", "village", day(2))], **at(45)), req=V_NR, forb=T_NH)
case("PD8 water_facilities_unmaintained, the same: the village not_rectified (二(六)5(1) 水源地日常巡查); the township not not_handled",
     WA(WFU, discovered=tgrid, handled=[asg("township", "village", day(2))], **at(45)), req=V_NR, forb=T_NH)
case("PD9 PD6 with the village putting it right on day 20, with self_rectified_report_required=true: the township not_handled (with true it still had to report up); listed",
     BN(BNE, discovered=tgrid, handled=[asg("township", "village", day(2))], **fixed(20, 45)), params=TRUE_SRR, req=T_NH, listed=[SRR])

# ===================== (3) concealing_body_partner_knew: the village pair =====================
case("CV1 housing_danger_unreported at a village, the county's 核查普查, 村党支部 concealed it: 村党支部 concealed (一(四)); 村委会 not not_discovered (the level knew: 二(二)1 村党支部、村委会 as one); the township not_discovered (another level); listed",
     HO(HDU, discovered=kcen, concealed_by=[VPB]), req=[(VPB, "concealed"), (TWN, "not_discovered")], forb=[(VPB, "not_discovered"), (VC, "not_discovered")], listed=[KNEW],
     cl=[(VPB, "concealed", ["一(四)"], [])])
case("CV2 the same with concealing_body_partner_knew=false: 村委会 not_discovered; 村党支部 concealed, not not_discovered; the township not_discovered",
     HO(HDU, discovered=kcen, concealed_by=[VPB]), params=NOT_KNEW, req=[(VPB, "concealed"), (VC, "not_discovered"), (TWN, "not_discovered")], forb=[(VPB, "not_discovered")], listed=[KNEW])
case("CV3 the same, 村委会 concealed it: 村委会 concealed; 村党支部 not not_discovered; the township not_discovered",
     HO(HDU, discovered=kcen, concealed_by=[VC]), req=[(VC, "concealed"), (TWN, "not_discovered")], forb=[(VPB, "not_discovered"), (VC, "not_discovered")], listed=[KNEW])
case("CV4 CV3 with concealing_body_partner_knew=false: 村党支部 not_discovered",
     HO(HDU, discovered=kcen, concealed_by=[VC]), params=NOT_KNEW, req=[(VC, "concealed"), (VPB, "not_discovered"), (TWN, "not_discovered")], forb=[(VC, "not_discovered")])
case("CV5 both 村党支部 and 村委会 concealed it: both concealed, neither not_discovered; the township not_discovered",
     HO(HDU, discovered=kcen, concealed_by=[VPB, VC]), req=[(VPB, "concealed"), (VC, "concealed"), (TWN, "not_discovered")], forb=[("village_*", "not_discovered")])
case("CV6 CV5 with concealing_body_partner_knew=false: the same (each concealed)",
     HO(HDU, discovered=kcen, concealed_by=[VPB, VC]), params=NOT_KNEW, req=[(VPB, "concealed"), (VC, "concealed")], forb=[("village_*", "not_discovered")])
case("CV7 the village level concealed it: a village body concealed, none not_discovered; the township not_discovered",
     HO(HDU, discovered=kcen, concealed_by=["village"]), req=[("village_*", "concealed"), (TWN, "not_discovered")], forb=[("village_*", "not_discovered")])
case("CV8 identification_eligible_omitted at a village, 市's 上级核查, 村委会 concealed it, grave: 村委会 concealed, staff + unit + leadership; 村党支部 not not_discovered; the township not_discovered; the county's 主体责任 (二(三)5)",
     ID(IEO, discovered=chv, concealed_by=[VC], severity="grave"), req=[(VC, "concealed", ["staff", "unit", "leadership"]), (TWN, "not_discovered"), (CPC, "main_responsibility"), (CG, "main_responsibility")], forb=[("village_*", "not_discovered")])
case("CV9 basic_needs_eligible_not_included at a village, the township's 上级核查 on day 0, 村党支部 concealed it, no step, as of day 24: 村党支部 concealed; 村委会 not not_discovered; the township (the finder) not not_discovered and not yet not_handled (its window is open: 二(六)1(2))",
     BN(BNE, discovered=thv, concealed_by=[VPB], **at(24)), req=[(VPB, "concealed")], forb=[("village_*", "not_discovered"), (TWN, "not_discovered")] + T_NH)
case("CV10 housing_danger_unreported at a village, the county's 核查普查 on day 0, 村党支部 concealed it, the county hands it to the township on day 2, deadline day 30, not made safe, as of day 45: 村党支部 concealed; 村委会 not not_discovered; the township not_discovered and not_rectified",
     HO(HDU, discovered=kcen, concealed_by=[VPB], handled=[asg("county", "township", day(2))], deadline=day(30), **at(45)), req=[(VPB, "concealed"), (TWN, "not_discovered"), (TWN, "not_rectified")], forb=[(VC, "not_discovered")])
refuse("CV11 the same concealment where the find is the township's grid work (no 核查、巡视、审计 to conceal from): refused (concealment)",
       HO(HDU, discovered=tgrid, concealed_by=[VPB]), "concealment", "concealed_by[0]")

# ===================== the township pair =====================
case("CT1 housing_danger_unreported at a village, the county's 核查普查, 乡镇党委 concealed it: 乡镇党委 concealed (一(四), 二(一)1(1)); 乡镇（街道） not not_discovered (the township knew); the village not_discovered; listed",
     HO(HDU, discovered=kcen, concealed_by=[TPC]), req=[(TPC, "concealed")] + VIL_ND, forb=[(TWN, "not_discovered"), (TPC, "not_discovered")], listed=[KNEW])
case("CT2 CT1 with concealing_body_partner_knew=false: 乡镇（街道） not_discovered (二(六)4(2) 及时发现掌握…本辖区危房情况)",
     HO(HDU, discovered=kcen, concealed_by=[TPC]), params=NOT_KNEW, req=[(TPC, "concealed"), (TWN, "not_discovered")] + VIL_ND, listed=[KNEW])
case("CT3 the same, 乡镇（街道） concealed it: it is concealed, not not_discovered; 乡镇党委 not named not_discovered; the village not_discovered",
     HO(HDU, discovered=kcen, concealed_by=[TWN]), req=[(TWN, "concealed")] + VIL_ND, forb=[(TWN, "not_discovered"), (TPC, "not_discovered")])
case("CT4 CT3 with concealing_body_partner_knew=false: 乡镇党委 still not named not_discovered (no part of its own in finding a house: 二(六)4(2) is 乡镇（街道）'s)",
     HO(HDU, discovered=kcen, concealed_by=[TWN]), params=NOT_KNEW, req=[(TWN, "concealed")] + VIL_ND, forb=[(TPC, "not_discovered"), (TWN, "not_discovered")])
case("CT5 the township level concealed it: 乡镇（街道） concealed, not not_discovered; the village not_discovered",
     HO(HDU, discovered=kcen, concealed_by=["township"]), req=[(TWN, "concealed")] + VIL_ND, forb=[("township_*", "not_discovered")])
case("CT6 funds_assets_mismanaged at the township's code, 市's 上级核查, 乡镇党委 concealed it: 乡镇党委 concealed; 乡镇（街道） not not_discovered; 县财政局 not_discovered (二(四)3 对当地扶贫资产负全面监管责任: another level, not joined)",
     FU("funds_assets_mismanaged", T, discovered=chv, concealed_by=[TPC]), req=[(TPC, "concealed"), (CFIN, "not_discovered")], forb=[(TWN, "not_discovered")])
case("CT7 CT6 with concealing_body_partner_knew=false: 乡镇（街道） not_discovered (二(四)2 对扶贫资产运营负日常监管责任); 县财政局 not_discovered",
     FU("funds_assets_mismanaged", T, discovered=chv, concealed_by=[TPC]), params=NOT_KNEW, req=[(TPC, "concealed"), (TWN, "not_discovered"), (CFIN, "not_discovered")])
case("CT8 housing_danger_unreported at a village, 市's 上级核查, 乡镇党委 concealed it, grave: 乡镇党委 concealed, staff + unit + leadership; 乡镇（街道） not not_discovered; the village not_discovered; the county's 主体责任 (二(六)4(5))",
     HO(HDU, discovered=chv, concealed_by=[TPC], severity="grave"), req=[(TPC, "concealed", ["staff", "unit", "leadership"]), (CPC, "main_responsibility"), (CG, "main_responsibility")] + VIL_ND, forb=[(TWN, "not_discovered")])
case("CT9 村党支部 and 乡镇（街道） both concealed a house from the county's 核查普查: both concealed; 村委会 and 乡镇党委 not not_discovered",
     HO(HDU, discovered=kcen, concealed_by=[VPB, TWN]), req=[(VPB, "concealed"), (TWN, "concealed")], forb=[(VC, "not_discovered"), (TPC, "not_discovered"), (TWN, "not_discovered")])
case("CT10 村委会 and 乡镇党委 both concealed it, concealing_body_partner_knew=false: 村党支部 and 乡镇（街道） not_discovered",
     HO(HDU, discovered=kcen, concealed_by=[VC, TPC]), params=NOT_KNEW, req=[(VC, "concealed"), (TPC, "concealed"), (VPB, "not_discovered"), (TWN, "not_discovered")])

# ===================== the county pair =====================
case("CC1 mechanism_missing at the county's code, the province's 巡视, 县政府 concealed it: 县政府 concealed; 县委 not not_discovered (二(二)4 县（市、区）党委、政府 as one); listed",
     DI("mechanism_missing", C, discovered=ptour, concealed_by=[CG]), req=[(CG, "concealed")], forb=[(CPC, "not_discovered"), (CG, "not_discovered")], listed=[KNEW])
case("CC2 CC1 with concealing_body_partner_knew=false: 县委 not_discovered",
     DI("mechanism_missing", C, discovered=ptour, concealed_by=[CG]), params=NOT_KNEW, req=[(CG, "concealed"), (CPC, "not_discovered")], forb=[(CG, "not_discovered")])
case("CC3 the same, 县委 concealed it: 县政府 not not_discovered",
     DI("mechanism_missing", C, discovered=ptour, concealed_by=[CPC]), req=[(CPC, "concealed")], forb=[(CG, "not_discovered"), (CPC, "not_discovered")], listed=[KNEW])
case("CC4 education_aid_support_missing at the county's code, 市's 上级核查, 县委 concealed it, concealing_body_partner_knew=false: 县政府 not_discovered (二(六)2(3) 统筹协调…经费保障); 县教育局 not",
     ED("education_aid_support_missing", C, discovered=chv, concealed_by=[CPC]), params=NOT_KNEW, req=[(CPC, "concealed"), (CG, "not_discovered")], forb=[(CEDU, "not_discovered")])
case("CC5 education_aid_support_missing, the same at the default: 县政府 not not_discovered",
     ED("education_aid_support_missing", C, discovered=chv, concealed_by=[CPC]), req=[(CPC, "concealed")], forb=[(CG, "not_discovered")])
case("CC6 water_quality_substandard at a village, the province's 巡视, 县政府 concealed it: 县政府 concealed; the 统管单位 and 县卫健局 still not_discovered (二(六)5(3)–(4): departments are not joined to the pair); 县委 not not_discovered. [After the run: I required 县水利局 not_discovered; the library names 县卫健局 for water quality (二(六)5(4) 卫健部门负责水质监测网络建设和安全检测工作), an older reading, not this session's — the record's point stands]",
     WA("water_quality_substandard", discovered=ptour, concealed_by=[CG]), req=[(CG, "concealed"), (CWSU, "not_discovered"), ("county_health", "not_discovered")], forb=[(CPC, "not_discovered")])
case("CC7 housing_danger_unreported at a village, 市's 上级核查, 县委 concealed it: 县委 concealed; the village and the township still not_discovered (other levels); 县政府 not not_discovered",
     HO(HDU, discovered=chv, concealed_by=[CPC]), req=[(CPC, "concealed")] + LOW_ND, forb=[(CG, "not_discovered")])
case("CC8 mechanism_missing at the county's code, the province's 巡视, 县委 concealed it, grave: 县委 concealed, staff + unit + leadership; 县政府 not not_discovered; both bear 主体责任 (二(二)4 实行县级党政主要领导负责制)",
     DI("mechanism_missing", C, discovered=ptour, concealed_by=[CPC], severity="grave"), req=[(CPC, "concealed", ["staff", "unit", "leadership"]), (CPC, "main_responsibility"), (CG, "main_responsibility")], forb=[(CG, "not_discovered")])

# ===================== the city and the province pairs; departments =====================
case("CY1 funds_diverted at the city's code, the province's 巡视, 市政府 concealed it: 市政府 concealed; 市委 not not_discovered; 市财政局 still not_discovered (二(四)7 财政部门…加强扶贫资金使用监管: not joined)",
     FU("funds_diverted", CITY, discovered=ptour, concealed_by=[CYG]), req=[(CYG, "concealed"), ("city_finance", "not_discovered")], forb=[(CYPC, "not_discovered"), (CYG, "not_discovered")] + NOCNTY)
case("CY2 CY1 with concealing_body_partner_knew=false: 市委 still not named not_discovered (no finding part of its own at the city: 二(一)1(2) 制定出台政策举措)",
     FU("funds_diverted", CITY, discovered=ptour, concealed_by=[CYG]), params=NOT_KNEW, req=[(CYG, "concealed")], forb=[(CYPC, "not_discovered")] + NOCNTY)
case("CY3 funds_diverted at the city's code, the province's 巡视, 市委 concealed it: 市委 concealed; 市政府 not not_discovered",
     FU("funds_diverted", CITY, discovered=ptour, concealed_by=[CYPC]), req=[(CYPC, "concealed")], forb=[(CYG, "not_discovered"), (CYPC, "not_discovered")] + NOCNTY)
case("CY4 funds_diverted at the city's code, the province's 巡视, 市财政局 concealed it: 市财政局 concealed; 市扶贫办 not_discovered (二(四)7 扶贫、民宗部门负责统筹监督扶贫资金和资产的管理使用: departments are not joined)",
     FU("funds_diverted", CITY, discovered=ptour, concealed_by=["city_finance"]), req=[("city_finance", "concealed"), ("city_poverty_office", "not_discovered")], forb=[("city_finance", "not_discovered")])
case("CY5 the same, 市扶贫办 concealed it: 市财政局 not_discovered",
     FU("funds_diverted", CITY, discovered=ptour, concealed_by=["city_poverty_office"]), req=[("city_poverty_office", "concealed"), ("city_finance", "not_discovered")], forb=[("city_poverty_office", "not_discovered")])
case("CY6 CY4 with concealing_body_partner_knew=false: the same",
     FU("funds_diverted", CITY, discovered=ptour, concealed_by=["city_finance"]), params=NOT_KNEW, req=[("city_finance", "concealed"), ("city_poverty_office", "not_discovered")])
case("CP1 funds_diverted at the province's code, the province's audit, 省政府 concealed it from it: 省政府 concealed (same_level_oversight_concealment default); 省委 not not_discovered; the audit office not named",
     FU("funds_diverted", PROV, discovered=paud, concealed_by=[PG]), req=[(PG, "concealed")], forb=[(PPC, "not_discovered"), (PG, "not_discovered"), ("province_audit",)], refuse_ok=True)
case("CP2 CP1 with 省委 as the concealer and concealing_body_partner_knew=false: 省政府 not named not_discovered (no finding part of its own)",
     FU("funds_diverted", PROV, discovered=paud, concealed_by=[PPC]), params=NOT_KNEW, req=[(PPC, "concealed")], forb=[(PG, "not_discovered")], refuse_ok=True)
case("CP3 funds_diverted at the province's code, the province's audit, 省财政厅 concealed it: 省财政厅 concealed, not not_discovered; 省扶贫办 not named not_discovered (the province's own audit found it: outside_channel_finder_level, listed). [After the run: I required 省扶贫办 not_discovered (二(四)7), misreading outside_channel_finder_level — an audit of the finder's own level is that level's find]",
     FU("funds_diverted", PROV, discovered=paud, concealed_by=["province_finance"]), req=[("province_finance", "concealed")], forb=[("province_poverty_office", "not_discovered"), ("province_finance", "not_discovered")], listed=["outside_channel_finder_level"], refuse_ok=True)
refuse("CP4 the province level as concealer of a find by the province's own audit: refused (the level includes the finder)",
       FU("funds_diverted", PROV, discovered=paud, concealed_by=["province"]), "concealment", "concealed_by[0]")
refuse("CP5 省政府 as concealer of 市's 上级核查 (not below the finder): refused",
       HO(HDU, discovered=chv, concealed_by=[PG]), "concealment", "concealed_by[0]")
case("CD1 water_quality_substandard at a village, the province's 巡视, 县水利局 concealed it: 县水利局 concealed; the 统管单位 not_discovered (二(六)5(3) 落实水质自检)",
     WA("water_quality_substandard", discovered=ptour, concealed_by=[CWA]), req=[(CWA, "concealed"), (CWSU, "not_discovered")], forb=[(CWA, "not_discovered")])
case("CD2 the same, the 统管单位 concealed it: 县卫健局 not_discovered (二(六)5(4) 卫健部门负责…安全检测工作). [After the run: I required 县水利局, as in CC6]",
     WA("water_quality_substandard", discovered=ptour, concealed_by=[CWSU]), req=[(CWSU, "concealed"), ("county_health", "not_discovered")], forb=[(CWSU, "not_discovered")])
case("CD3 education_student_not_identified at a village, 市's 上级核查, the school concealed it, concealing_body_partner_knew=false: 县教育局 not_discovered (the school is no pair of it)",
     ED("education_student_not_identified", discovered=chv, concealed_by=[SCHOOL]), params=NOT_KNEW, req=[(SCHOOL, "concealed"), (CEDU, "not_discovered")])
case("CD4 funds_diverted at a village, 市's 上级核查, 县财政局 concealed it: 县财政局 concealed, not not_discovered; the township not_discovered (二(四)2 专款专用负审核责任)",
     FU("funds_diverted", discovered=chv, concealed_by=[CFIN]), req=[(CFIN, "concealed"), (TWN, "not_discovered")], forb=[(CFIN, "not_discovered")])

# ===================== a second batch, written after the first run and before its own (the extent of PD3/PD4) =====================
case("PE1 PD3 (identification_eligible_omitted, the township's grid on day 0, handed to its village on day 2) as of day 45: the township not_handled; the village not not_rectified (二(三)1 应报尽报: it cannot include the household, 二(三)3)",
     ID(IEO, discovered=tgrid, handled=[asg("township", "village", day(2))], **at(45)), req=T_NH, forb=V_NR)
case("PE2 PD4 (water_unsafe_unreported handed to the village on day 2) as of day 45: the township not_handled; the village not not_rectified (二(六)5(1) 负责及时上报; 二(六)5(3) the unit 确保供水达标)",
     WA(WUU, discovered=tgrid, handled=[asg("township", "village", day(2))], **at(45)), req=T_NH, forb=V_NR)
case("PE3 identification_eligible_omitted, the county hotline on day 0 assigned to the township on day 2, deadline day 30, the township hands it to its village on day 4, not included, as of day 45: the township still not_rectified; the village not not_rectified (as AS4 for a house)",
     ID(IEO, discovered=hot, handled=[asg("county", "township", day(2)), asg("township", "village", day(4))], deadline=day(30), **at(45)), req=[(TWN, "not_rectified")], forb=V_NR)
case("PE4 water_unsafe_unreported, the same county assignment passed down to the village: the township still not_rectified; the village not not_rectified",
     WA(WUU, discovered=hot, handled=[asg("county", "township", day(2)), asg("township", "village", day(4))], deadline=day(30), **at(45)), req=[(TWN, "not_rectified")], forb=V_NR)
case("PE5 basic_needs_eligible_not_included, the village's grid on day 0, reported to the township on day 15, never put right, as of day 45: the township not yet not_handled (its own 10 + 30 from day 15 are open); no county body",
     BN(BNE, discovered=vgrid, handled=[rep("village", "township", day(15))], **at(45)), forb=T_NH + NOCNTY)
case("PE6 housing_danger_unreported at a village, the county's 核查普查 on day 0, 乡镇（街道） concealed it, the county hands it to the township on day 2, deadline day 30, not made safe, as of day 45: 乡镇（街道） concealed and not_rectified, not not_discovered; 乡镇党委 not not_discovered; the village not_discovered",
     HO(HDU, discovered=kcen, concealed_by=[TWN], handled=[asg("county", "township", day(2))], deadline=day(30), **at(45)), req=[(TWN, "concealed"), (TWN, "not_rectified")] + VIL_ND, forb=[(TWN, "not_discovered"), (TPC, "not_discovered")])
case("PE7 basic_needs_eligible_not_included at a village, the county's 核查普查 on day 0, 村党支部 concealed it, the county hands it to the village on day 2, deadline day 30, not put right, as of day 45: the village not_rectified; 村党支部 concealed; 村委会 not not_discovered",
     BN(BNE, discovered=kcen, concealed_by=[VPB], handled=[asg("county", "village", day(2))], deadline=day(30), **at(45)), req=[(VPB, "concealed"), ("village_*", "not_rectified")], forb=[("village_*", "not_discovered")], refuse_ok=True)
case("PE8 PE7 with concealing_body_partner_knew=false: 村委会 not_discovered too",
     BN(BNE, discovered=kcen, concealed_by=[VPB], handled=[asg("county", "village", day(2))], deadline=day(30), **at(45)), params=NOT_KNEW, req=[(VPB, "concealed"), (VC, "not_discovered")], forb=[(VPB, "not_discovered")], refuse_ok=True)
