"""check61's records, written from the text before the library was run on them (session 60): the TIME side of the
library — 一(四) 对发现问题没有按程序及时交办和上报的 and 对交办问题整改落实不到位的 judged at their boundaries — and the
dated-amendment example (examples/policy-changes/rural-revitalisation-2021).

Time: the handling limit (handling_time_limit_days, 10 by default: 及时 is the county's number, 一(三) 县级…具体办法) counts
calendar days from the day the level held the problem, so a step on day 10 is in time and one on day 11 is late; a
rectification due on a day is met on that day and missed the day after (the record's deadline, else
rectification_time_limit_days from the assignment); a problem assessed before its limit or deadline has passed names
nobody for lateness; the same across month and year ends and leap days; the parameters at other values, which the
verdict must then say it rests on; records dated out of order or before their discovery are refused, not judged
(docs/records.md "Dates in order"); the policy's first day (policy_in_force_from) as a boundary too.

Amendment: a record is judged by the rules in force on its discovery day (README "Policy changes"), the offices before
2021-06-01 and the bureaus from that day, whatever the later steps' days; a step naming the other period's body is
refused.

tests/test_from_text61.py runs them, with the refusals' codes, the cited clauses of each period, and a small ledger
(三张清单 and the indices). The auditor's report: /work/helpers/s60/check61-report.md. A record whose first
expectation was the auditor's own misreading says so in its name ("[After the run: …]").
"""
# ruff: noqa: E501, E731, RUF005
# fmt: off

from .from_text import NOT_LATE, A, adder, asg, disc, rep

CASES: list = []
case = adder(CASES)
AMEND: list = []
amend = adder(AMEND)

WV = "330127101207"  # 文屏村, 文昌镇, 淳安县 (the README's own record)
W = lambda **k: A("water")("water_unsafe_unreported", WV, **k)
LATE_H = [("county_*", "not_handled")]
NO_H = [("*", "not_handled")]
NO_R = [("*", "not_rectified")]
TWN_R = [("township_*", "not_rectified")]
hot = lambda on="2021-03-01": disc("county", "hotline", on)
LIMIT = ["handling_time_limit_days"]
RLIMIT = ["rectification_time_limit_days"]

# ===================== the handling limit: 10 calendar days from the county hotline's find (03-01 → by 03-11) =====================
case("TH1 county hotline 03-01, county → township 03-11 (day 10 of 10), deadline 04-30, as of 04-15: in time (及时), nobody not_handled; nothing late",
     W(discovered=hot(), handled=[asg("county", "township", "2021-03-11")], deadline="2021-04-30", as_of="2021-04-15"), forb=NO_H + NOT_LATE)
case("TH2 the same, the assignment on 03-12 (day 11): the county answers not_handled (一(四) 没有按程序及时交办和上报), not the township; the verdict rests on handling_time_limit_days",
     W(discovered=hot(), handled=[asg("county", "township", "2021-03-12")], deadline="2021-04-30", as_of="2021-04-15"),
     req=LATE_H, forb=[("township_*", "not_handled"), ("village_*", "not_handled")] + NOT_LATE, listed=LIMIT)
case("TH3 county hotline 03-01, no step yet, assessed 03-11 (its limit's last day): nobody named for lateness yet; the village and the township did miss it (not lateness)",
     W(discovered=hot(), as_of="2021-03-11"), req=[("village_*", "not_discovered")], forb=NO_H + NOT_LATE)
case("TH4 the same assessed 03-12: the county answers not_handled; the verdict rests on handling_time_limit_days",
     W(discovered=hot(), as_of="2021-03-12"), req=LATE_H, forb=[("township_*", "not_handled")] + NOT_LATE, listed=LIMIT)
case("TH5 handling_time_limit_days=15: the assignment on 03-16 (day 15) is in time; the verdict says it rests on the parameter (under 10 it would be late)",
     W(discovered=hot(), handled=[asg("county", "township", "2021-03-16")], deadline="2021-04-30", as_of="2021-04-15"),
     params=dict(handling_time_limit_days=15), forb=NO_H + NOT_LATE, listed=LIMIT)
case("TH6 handling_time_limit_days=15, the assignment on 03-17 (day 16): the county not_handled; listed",
     W(discovered=hot(), handled=[asg("county", "township", "2021-03-17")], deadline="2021-04-30", as_of="2021-04-15"),
     params=dict(handling_time_limit_days=15), req=LATE_H, forb=NOT_LATE, listed=LIMIT)
case("TH7 handling_time_limit_days=15, no step, assessed 03-16: nobody late yet; listed (under 10 the county would answer)",
     W(discovered=hot(), as_of="2021-03-16"), params=dict(handling_time_limit_days=15), forb=NO_H + NOT_LATE, listed=LIMIT)
case("TH8 handling_time_limit_days=15, no step, assessed 03-17: the county not_handled; listed",
     W(discovered=hot(), as_of="2021-03-17"), params=dict(handling_time_limit_days=15), req=LATE_H, listed=LIMIT)
case("TH9 handling_time_limit_days=5, the assignment on 03-06 (day 5): in time; listed",
     W(discovered=hot(), handled=[asg("county", "township", "2021-03-06")], deadline="2021-04-30", as_of="2021-04-15"),
     params=dict(handling_time_limit_days=5), forb=NO_H + NOT_LATE, listed=LIMIT)
case("TH10 handling_time_limit_days=5, the assignment on 03-07 (day 6): the county not_handled; listed (under 10 it would be in time)",
     W(discovered=hot(), handled=[asg("county", "township", "2021-03-07")], deadline="2021-04-30", as_of="2021-04-15"),
     params=dict(handling_time_limit_days=5), req=LATE_H, forb=NOT_LATE, listed=LIMIT)
case("TH11 the county hotline's find assigned on the day it was found (day 0): in time",
     W(discovered=hot(), handled=[asg("county", "township", "2021-03-01")], deadline="2021-04-30", as_of="2021-04-15"), forb=NO_H + NOT_LATE)
case("TH12 the village's own grid find 03-01 reported to the township 03-11 (day 10), the township assigns it back 03-21 (its day 10 from 03-11), deadline 04-30, rectified 04-30: nobody late anywhere",
     W(discovered=disc("village", "grid"), handled=[rep("village", "township", "2021-03-11"), asg("township", "village", "2021-03-21")], deadline="2021-04-30", rectified_on="2021-04-30", as_of="2021-05-15"),
     forb=NO_H + NOT_LATE + [("*", "not_discovered")])
case("TH13 the same, the township's assignment on 03-22 (day 11 from its receipt on 03-11): the township not_handled, not the village (its report was in time)",
     W(discovered=disc("village", "grid"), handled=[rep("village", "township", "2021-03-11"), asg("township", "village", "2021-03-22")], deadline="2021-04-30", rectified_on="2021-04-30", as_of="2021-05-15"),
     req=[("township_*", "not_handled")], forb=[("village_*", "not_handled"), ("county_*", "not_handled")] + NOT_LATE, listed=LIMIT)

# ===================== the rectification deadline (county → township 03-05) =====================
R5 = lambda **k: W(discovered=hot(), handled=[asg("county", "township", "2021-03-05")], **k)
case("TR1 deadline 03-31, rectified 03-31 (on the day): met; nobody not_rectified, nobody pressed",
     R5(deadline="2021-03-31", rectified_on="2021-03-31", as_of="2021-04-30"), forb=NOT_LATE + NO_H)
case("TR2 deadline 03-31, rectified 04-01 (a day late): the township not_rectified (一(四) 对交办问题整改落实不到位的); the county not not_rectified",
     R5(deadline="2021-03-31", rectified_on="2021-04-01", as_of="2021-04-30"), req=TWN_R, forb=[("county_*", "not_rectified"), ("village_*", "not_rectified")] + NO_H)
case("TR3 deadline 03-31, not rectified, assessed 03-31: not yet late; nobody not_rectified or pressed",
     R5(deadline="2021-03-31", as_of="2021-03-31"), forb=NOT_LATE + NO_H)
case("TR4 deadline 03-31, not rectified, assessed 04-01: the township not_rectified",
     R5(deadline="2021-03-31", as_of="2021-04-01"), req=TWN_R, forb=[("county_*", "not_rectified")] + NO_H)
case("TR5 no deadline: 30 days from the assignment 03-05 is 04-04; rectified 04-04: met",
     R5(rectified_on="2021-04-04", as_of="2021-04-30"), forb=NOT_LATE + NO_H)
case("TR6 no deadline, rectified 04-05: the township not_rectified; the verdict rests on rectification_time_limit_days",
     R5(rectified_on="2021-04-05", as_of="2021-04-30"), req=TWN_R, forb=NO_H, listed=RLIMIT)
case("TR7 no deadline, not rectified, assessed 04-04: not yet late",
     R5(as_of="2021-04-04"), forb=NOT_LATE + NO_H)
case("TR8 no deadline, not rectified, assessed 04-05: the township not_rectified; listed rectification_time_limit_days",
     R5(as_of="2021-04-05"), req=TWN_R, forb=NO_H, listed=RLIMIT)
case("TR9 rectification_time_limit_days=60, no deadline, not rectified, assessed 05-04 (day 60): not yet late; listed",
     R5(as_of="2021-05-04"), params=dict(rectification_time_limit_days=60), forb=NOT_LATE + NO_H, listed=RLIMIT)
case("TR10 rectification_time_limit_days=60, assessed 05-05: the township not_rectified; listed",
     R5(as_of="2021-05-05"), params=dict(rectification_time_limit_days=60), req=TWN_R, listed=RLIMIT)
case("TR11 rectification_time_limit_days=5 but the assignment set 03-31: rectified 03-25 is on time (the record's deadline governs, the parameter only 未设整改期限时)",
     R5(deadline="2021-03-31", rectified_on="2021-03-25", as_of="2021-04-30"), params=dict(rectification_time_limit_days=5), forb=NOT_LATE + NO_H)
case("TR12 rectified on the day it was found (03-01, before any assignment) and assessed later: nothing late",
     W(discovered=hot(), rectified_on="2021-03-01", as_of="2021-04-30"), forb=NOT_LATE + NO_H)

# ===================== across month ends, year ends and leap days =====================
case("TM1 found 01-25, assigned 02-04 (day 10 across January's end): in time",
     W(discovered=hot("2021-01-25"), handled=[asg("county", "township", "2021-02-04")], deadline="2021-03-31", as_of="2021-03-01"), forb=NO_H + NOT_LATE)
case("TM2 found 01-25, assigned 02-05 (day 11): the county not_handled",
     W(discovered=hot("2021-01-25"), handled=[asg("county", "township", "2021-02-05")], deadline="2021-03-31", as_of="2021-03-01"), req=LATE_H, forb=NOT_LATE, listed=LIMIT)
case("TM3 found 2021-12-25, assigned 2022-01-04 (day 10 across the year's end): in time",
     W(discovered=hot("2021-12-25"), handled=[asg("county", "township", "2022-01-04")], deadline="2022-02-28", as_of="2022-02-01"), forb=NO_H + NOT_LATE)
case("TM4 found 2021-12-25, assigned 2022-01-05 (day 11): the county not_handled",
     W(discovered=hot("2021-12-25"), handled=[asg("county", "township", "2022-01-05")], deadline="2022-02-28", as_of="2022-02-01"), req=LATE_H, forb=NOT_LATE)
case("TM5 found 2021-12-25, no step, assessed 2022-01-04: not yet late",
     W(discovered=hot("2021-12-25"), as_of="2022-01-04"), forb=NO_H + NOT_LATE)
case("TM6 found 2021-12-25, no step, assessed 2022-01-05: the county not_handled",
     W(discovered=hot("2021-12-25"), as_of="2022-01-05"), req=LATE_H)
case("TM7 deadline 2021-12-31, rectified 2022-01-01: the township not_rectified",
     W(discovered=hot("2021-12-01"), handled=[asg("county", "township", "2021-12-03")], deadline="2021-12-31", rectified_on="2022-01-01", as_of="2022-01-31"), req=TWN_R, forb=NO_H)
case("TM8 deadline 2021-12-31, rectified 2021-12-31: met",
     W(discovered=hot("2021-12-01"), handled=[asg("county", "township", "2021-12-03")], deadline="2021-12-31", rectified_on="2021-12-31", as_of="2022-01-31"), forb=NOT_LATE + NO_H)
case("TM9 no deadline, assigned 2021-12-10: due 2022-01-09 (30 days); rectified 2022-01-09: met",
     W(discovered=hot("2021-12-01"), handled=[asg("county", "township", "2021-12-10")], rectified_on="2022-01-09", as_of="2022-01-31"), forb=NOT_LATE + NO_H)
case("TM10 no deadline, assigned 2021-12-10, rectified 2022-01-10: the township not_rectified; listed",
     W(discovered=hot("2021-12-01"), handled=[asg("county", "township", "2021-12-10")], rectified_on="2022-01-10", as_of="2022-01-31"), req=TWN_R, forb=NO_H, listed=RLIMIT)
case("TL1 leap year: found 2024-02-20, assigned 2024-03-01 (day 10: 02-29 counts): in time",
     W(discovered=hot("2024-02-20"), handled=[asg("county", "township", "2024-03-01")], deadline="2024-04-30", as_of="2024-04-01"), forb=NO_H + NOT_LATE)
case("TL2 leap year: found 2024-02-20, assigned 2024-03-02 (day 11): the county not_handled",
     W(discovered=hot("2024-02-20"), handled=[asg("county", "township", "2024-03-02")], deadline="2024-04-30", as_of="2024-04-01"), req=LATE_H, forb=NOT_LATE)
case("TL3 common year: found 2021-02-20, assigned 2021-03-02 (day 10): in time (the same dates late in 2024 are in time in 2021)",
     W(discovered=hot("2021-02-20"), handled=[asg("county", "township", "2021-03-02")], deadline="2021-04-30", as_of="2021-04-01"), forb=NO_H + NOT_LATE)
case("TL4 deadline 2024-02-29, rectified 2024-02-29: met",
     W(discovered=hot("2024-02-01"), handled=[asg("county", "township", "2024-02-03")], deadline="2024-02-29", rectified_on="2024-02-29", as_of="2024-03-31"), forb=NOT_LATE + NO_H)
case("TL5 deadline 2024-02-29, rectified 2024-03-01: the township not_rectified",
     W(discovered=hot("2024-02-01"), handled=[asg("county", "township", "2024-02-03")], deadline="2024-02-29", rectified_on="2024-03-01", as_of="2024-03-31"), req=TWN_R, forb=NO_H)
case("TL6 no deadline, assigned 2024-02-01: due 2024-03-02 (30 days, 29 in February); not rectified, assessed 03-02: not yet late",
     W(discovered=hot("2024-02-01"), handled=[asg("county", "township", "2024-02-01")], as_of="2024-03-02"), forb=NOT_LATE + NO_H)
case("TL7 the same assessed 2024-03-03: the township not_rectified",
     W(discovered=hot("2024-02-01"), handled=[asg("county", "township", "2024-02-01")], as_of="2024-03-03"), req=TWN_R, forb=NO_H)
case("TL8 a deadline of 2021-02-29 (no such day) is refused",
     W(discovered=hot("2021-02-01"), handled=[asg("county", "township", "2021-02-03")], deadline="2021-02-29", as_of="2021-03-31"), refuse=True)
case("TL9 a discovery on 2023-02-29 (no such day) is refused",
     W(discovered=hot("2023-02-29"), as_of="2023-03-31"), refuse=True)

# ===================== out of order: refused, not judged =====================
case("TO1 an assignment dated before the discovery is refused",
     W(discovered=hot(), handled=[asg("county", "township", "2021-02-28")], as_of="2021-04-30"), refuse=True)
case("TO2 a rectification dated before the discovery is refused",
     W(discovered=hot(), rectified_on="2021-02-27", as_of="2021-04-30"), refuse=True)
case("TO3 a deadline before the assignment that set it is refused",
     W(discovered=hot(), handled=[asg("county", "township", "2021-03-05")], deadline="2021-03-04", as_of="2021-04-30"), refuse=True)
case("TO4 assessed before the discovery: refused",
     W(discovered=hot(), as_of="2021-02-28"), refuse=True)
case("TO5 a step after the assessment day: refused (nothing after as_of)",
     W(discovered=hot(), handled=[asg("county", "township", "2021-03-20")], as_of="2021-03-15"), refuse=True)
case("TO6 a rectification after the assessment day: refused",
     W(discovered=hot(), handled=[asg("county", "township", "2021-03-05")], rectified_on="2021-05-01", as_of="2021-04-30"), refuse=True)
case("TO7 the steps out of order: the township assigns it back to the village on 03-04, before the village's report reached it on 03-06 — a step before the level held the problem: refused",
     W(discovered=disc("village", "grid"), handled=[rep("village", "township", "2021-03-06"), asg("township", "village", "2021-03-04")], as_of="2021-04-30"), refuse=True)
case("TO8 every date on the discovery day (found, assigned, rectified, assessed 03-01): in order, judged; nothing late",
     W(discovered=hot(), handled=[asg("county", "township", "2021-03-01")], deadline="2021-03-01", rectified_on="2021-03-01", as_of="2021-03-01"), forb=NOT_LATE + NO_H)

# ===================== the policy's first day (policy_in_force_from, 2020-03-06 by default) =====================
case("TP1 found by the county hotline 2020-03-05 (the day before), handled in time: no level answers not_discovered (方案不溯及既往); rests on policy_in_force_from (under 2020-01-01 the village would answer)",
     W(discovered=hot("2020-03-05"), handled=[asg("county", "township", "2020-03-10")], deadline="2020-04-10", rectified_on="2020-04-05", as_of="2020-04-30"),
     forb=[("*", "not_discovered")] + NO_H + NOT_LATE, listed=["policy_in_force_from"])
case("TP2 the same found on 2020-03-06 (the first day): the village and the township answer not_discovered",
     W(discovered=hot("2020-03-06"), handled=[asg("county", "township", "2020-03-10")], deadline="2020-04-10", rectified_on="2020-04-05", as_of="2020-04-30"),
     req=[("village_*", "not_discovered"), ("township_*", "not_discovered")], forb=NO_H + NOT_LATE)
case("TP3 found 2020-02-01, no step, assessed 2020-03-16 (day 10 from the first day): not yet late; no not_discovered",
     W(discovered=hot("2020-02-01"), as_of="2020-03-16"), forb=NO_H + [("*", "not_discovered")], listed=["policy_in_force_from"])
case("TP4 the same assessed 2020-03-17: the county not_handled (holding it on after the day is conduct under the policy); rests on policy_in_force_from",
     W(discovered=hot("2020-02-01"), as_of="2020-03-17"), req=LATE_H, forb=[("*", "not_discovered")], listed=["policy_in_force_from"])
case("TP5 assessed 2020-03-05, before the policy's day: refused (before_effect)",
     W(discovered=hot("2020-03-01"), as_of="2020-03-05"), refuse=True)
case("TP6 found 2020-03-01, assessed 2020-03-06 (the first day): judged; nobody answers anything yet",
     W(discovered=hot("2020-03-01"), as_of="2020-03-06"), forb=[("*",)], listed=["policy_in_force_from"])

# ===================== the dated amendment (run on the amended policy): the discovery day picks the period =====================
ID = A("identification")
psur = lambda on: disc("province", "survey_verification", on)
amend("AM1 identification_pushed_info_untrue, the province's 调查核查 on 2021-05-31 (the day before the amendment), as of 06-30: 县扶贫办 not_discovered (二(三)4), not the bureau",
      ID("identification_pushed_info_untrue", discovered=psur("2021-05-31"), as_of="2021-06-30"),
      req=[("county_poverty_office", "not_discovered")], forb=[("*rural_revitalisation",)])
amend("AM2 the same found on 2021-06-01 (the amendment's day): 县乡村振兴局 not_discovered, no 扶贫办",
      ID("identification_pushed_info_untrue", discovered=psur("2021-06-01"), as_of="2021-06-30"),
      req=[("county_rural_revitalisation", "not_discovered")], forb=[("*poverty_office",)])
amend("AM3 the same found on 2021-06-02: the bureau",
      ID("identification_pushed_info_untrue", discovered=psur("2021-06-02"), as_of="2021-06-30"),
      req=[("county_rural_revitalisation", "not_discovered")], forb=[("*poverty_office",)])
amend("AM4 found 05-31, the city assigns it to 县扶贫办 on 06-03 (after the amendment day; deadline 06-30), never rectified, as of 07-31: the office not_rectified — the discovery day's rules judge the whole record",
      ID("identification_pushed_info_untrue", discovered=disc("city", "survey_verification", "2021-05-31"), handled=[asg("city", "county", "2021-06-03", body="county_poverty_office")], deadline="2021-06-30", as_of="2021-07-31"),
      req=[("county_poverty_office", "not_rectified")], forb=[("*rural_revitalisation",)])
amend("AM5 found 05-31, assigned on 06-03 to 县乡村振兴局 (a body of the later rules): refused",
      ID("identification_pushed_info_untrue", discovered=disc("city", "survey_verification", "2021-05-31"), handled=[asg("city", "county", "2021-06-03", body="county_rural_revitalisation")], deadline="2021-06-30", as_of="2021-07-31"),
      refuse=True)
amend("AM6 found 06-01, assigned to 县扶贫办 (no longer in force): refused",
      ID("identification_pushed_info_untrue", discovered=disc("city", "survey_verification", "2021-06-01"), handled=[asg("city", "county", "2021-06-03", body="county_poverty_office")], deadline="2021-06-30", as_of="2021-07-31"),
      refuse=True)
amend("AM7 found 06-01, assigned to 县乡村振兴局 on 06-03, deadline 06-30, rectified 06-30: met; nobody late",
      ID("identification_pushed_info_untrue", discovered=disc("city", "survey_verification", "2021-06-01"), handled=[asg("city", "county", "2021-06-03", body="county_rural_revitalisation")], deadline="2021-06-30", rectified_on="2021-06-30", as_of="2021-07-31"),
      req=[("county_rural_revitalisation", "not_discovered")], forb=NOT_LATE + NO_H + [("*poverty_office",)])
amend("AM8 found 06-01, assigned to the bureau 06-03, deadline 06-30, rectified 07-01: the bureau not_rectified",
      ID("identification_pushed_info_untrue", discovered=disc("city", "survey_verification", "2021-06-01"), handled=[asg("city", "county", "2021-06-03", body="county_rural_revitalisation")], deadline="2021-06-30", rectified_on="2021-07-01", as_of="2021-07-31"),
      req=[("county_rural_revitalisation", "not_rectified")], forb=[("*poverty_office",)])
amend("AM9 health_insurance_not_in_place (二(六)3(3) 县扶贫办负责低收入农户医疗补充政策性保险), the county hotline 05-31, no step, as of 06-30: the office holds it (its own line), not the bureau",
      A("health")("health_insurance_not_in_place", discovered=hot("2021-05-31"), as_of="2021-06-30"),
      forb=[("*rural_revitalisation",)])
amend("AM10 the same found 06-01: no 扶贫办 anywhere in the verdict",
      A("health")("health_insurance_not_in_place", discovered=hot("2021-06-01"), as_of="2021-06-30"),
      forb=[("*poverty_office",)])

# ===================== a small county ledger (台账, 一(三)): 15 problems of 淳安县, all found in 2021 =====================
# Each problem: its registration and discovery (one day), its steps (assigned/reported: day, by, to, body, deadline),
# rectified / verified (day, level) / closed days, concealers. tests/test_from_text61.py turns each into ledger events
# and, by hand, into the problem record `who` reads (docs/ledger.md "record-as-events"), and checks the lists as of
# LEDGER_DAY against what is written below, worked out from the events and the text.
V2, V3, V4, V5, V6 = "330127100231", "330127100246", "330127100247", "330127100248", "330127100249"
LEDGER_DAY = "2021-06-30"
SIX = {"低收入农户识别不精准", "困难家庭危房改造不及时", "低收入农户创业就业不充分", "帮扶举措落实不到位", "资金项目管理不规范", "工作作风不扎实"}
HOUSE, IDENT, FUNDS, JOBS = "困难家庭危房改造不及时", "低收入农户识别不精准", "资金项目管理不规范", "低收入农户创业就业不充分"
LEDGER: list[dict] = [
    dict(pid="P01", area="housing", kind="housing_renovation_late", place="330127100219", found=("2021-03-01", "county", "hotline"),
         steps=[("assigned", "2021-03-05", "county", "county", "county_construction", "2021-05-31")]),
    dict(pid="P02", area="projects", kind="project_late_or_unfinished", place="330127100219", found=("2021-03-02", "township", "dynamic_tracking"),
         steps=[("assigned", "2021-03-04", "township", "village", None, "2021-04-30")], rectified="2021-04-20"),
    dict(pid="P03", area="identification", kind="identification_applicant_not_included", sector="civil_affairs", place="330127100219",
         found=("2021-03-01", "city", "survey_verification"), steps=[("assigned", "2021-03-03", "city", "county", "county_civil_affairs", "2021-03-31")]),
    dict(pid="P04", area="funds", kind="funds_diverted", place="330127100219", found=("2021-03-10", "county", "audit", "county_audit")),
    dict(pid="P05", area="projects", kind="project_late_or_unfinished", place=WV, found=("2021-03-15", "township", "dynamic_tracking"),
         steps=[("assigned", "2021-03-20", "township", "village", None, None)], rectified="2021-04-25"),
    dict(pid="P06", area="basic_needs", kind="basic_needs_employment_insufficient", place="330127100219", found=("2021-03-01", "county", "one_household_one_cadre")),
    dict(pid="P07", area="water", kind="water_unsafe_unreported", place=WV, severity="serious", found=("2021-04-02", "county", "hotline"),
         steps=[("assigned", "2021-04-06", "county", "township", None, "2021-05-06")]),
    dict(pid="P08", area="housing", kind="housing_renovation_late", place=V5, found=("2021-05-01", "county", "media"),
         steps=[("assigned", "2021-05-05", "county", "county", "county_construction", "2021-07-31")]),
    dict(pid="P09", area="identification", kind="identification_eligible_omitted", place="330127100219", found=("2021-06-25", "village", "grid")),
    dict(pid="P10", area="housing", kind="housing_renovation_late", place=V2, found=("2021-03-01", "city", "research_supervision"),
         steps=[("assigned", "2021-03-05", "city", "county", "county_construction", "2021-04-30")], rectified="2021-04-30"),
    dict(pid="P11", area="funds", kind="funds_poor_performance", place="330127100219", found=("2021-03-01", "city", "survey_verification"),
         concealed=["county_poverty_office"]),
    dict(pid="P12", area="water", kind="water_facilities_unmaintained", place=WV, found=("2021-03-01", "county", "dynamic_tracking"),
         steps=[("assigned", "2021-03-11", "county", "township", None, "2021-03-31")], rectified="2021-03-31"),
    dict(pid="P13", area="housing", kind="housing_renovation_late", place=V3, found=("2021-03-01", "county", "verification_census"),
         steps=[("assigned", "2021-03-12", "county", "county", "county_construction", "2021-04-30")], rectified="2021-05-01"),
    dict(pid="P14", area="projects", kind="project_late_or_unfinished", place=V6, found=("2021-03-01", "village", "grid"),
         steps=[("reported", "2021-03-05", "village", "township", None, None), ("assigned", "2021-03-08", "township", "village", None, "2021-04-30")],
         rectified="2021-04-10"),
    dict(pid="P15", area="housing", kind="housing_renovation_late", place=V4, found=("2021-03-01", "county", "hotline"),
         steps=[("assigned", "2021-03-05", "county", "county", "county_construction", "2021-03-31")], rectified="2021-03-20",
         verified=("2021-03-25", "county"), closed="2021-03-31"),
]
# 问题清单: the category of 一(一) each kind falls under by its words (None: the text's six do not plainly take it — it
# must then be one of the six or empty), and the status as of LEDGER_DAY
CATEGORY = {"P01": HOUSE, "P02": FUNDS, "P03": IDENT, "P04": FUNDS, "P05": FUNDS, "P06": JOBS, "P07": None, "P08": HOUSE,
            "P09": IDENT, "P10": HOUSE, "P11": FUNDS, "P12": None, "P13": HOUSE, "P14": FUNDS, "P15": HOUSE}
STATUS = {"P01": "assigned", "P02": "rectified", "P03": "assigned", "P04": "discovered", "P05": "rectified", "P06": "discovered",
          "P07": "assigned", "P08": "assigned", "P09": "discovered", "P10": "rectified", "P11": "discovered", "P12": "rectified",
          "P13": "rectified", "P14": "rectified", "P15": "closed"}
# 整改清单 as of LEDGER_DAY: (assignee level, assignee body or None, deadline, deadline from the parameter, days left (None:
# rectified), overdue). P05's assignment set no deadline: 03-20 + 30 = 04-19. 06-30 − 05-31 = 30; − 03-31 = 91; − 05-06 = 55.
RECT = {"P01": ("county", "county_construction", "2021-05-31", False, -30, True),
        "P02": ("village", None, "2021-04-30", False, None, False),
        "P03": ("county", "county_civil_affairs", "2021-03-31", False, -91, True),
        "P05": ("village", None, "2021-04-19", True, None, True),
        "P07": ("township", None, "2021-05-06", False, -55, True),
        "P08": ("county", "county_construction", "2021-07-31", False, 31, False),
        "P10": ("county", "county_construction", "2021-04-30", False, None, False),
        "P12": ("township", None, "2021-03-31", False, None, False),
        "P13": ("county", "county_construction", "2021-04-30", False, None, True),
        "P14": ("village", None, "2021-04-30", False, None, False),
        "P15": ("county", "county_construction", "2021-03-31", False, None, False)}
# 评价指数 of 淳安县 (330127), 2021, by hand: own work (a channel of a level's own work, at the county or below) P02 P05 P06 P09
# P12 P13 P14 = 7; outside channels (hotline, audit, media) P01 P04 P07 P08 P15 = 5; a higher level's own work (the city's
# 调查核查/调研督导) P03 P10 P11 = 3. Handled in time: due = every problem but P09 (found 06-25, its limit 07-05), 14; in time
# = the first step by day 10: P01 P02 P03 P05 P07 P08 P10 P12 (day 10) P14 P15 = 10 (P04, P06, P11 no step; P13 day 11).
# Rectified by the deadline: due = a deadline passed or rectified: P01 P02 P03 P05 P07 P10 P12 P13 P14 P15 = 10 (P08's
# 07-31 is ahead); on time P02 P10 (on the day) P12 (on the day) P14 P15 = 5. One concealment (P11). Closed: P15, 30 days.
INDICES = dict(found=15, found_own=7, found_outside=5, found_higher=3, share_own=7 / 15, share_outside=5 / 15, share_higher=3 / 15,
               handled_in_time=10 / 14, rectified_in_time=5 / 10, concealments=1, median_days_to_close=30.0)
# the same under handling_time_limit_days=15: P13's day-11 assignment is in time → 11/14; rectification_time_limit_days=60:
# P05's deadline is 03-20 + 60 = 05-19, rectified 04-25 on time → 6/10
INDICES_15 = dict(handled_in_time=11 / 14)
INDICES_R60 = dict(rectified_in_time=6 / 10)

# ===================== written after the first run (the cases above all ran as written but TO7), from the same reading =====================
case("TN1 the county hotline 03-01, no step shown, rectified 04-10 (day 40 = the 10 days to pass it on + 30 to rectify): read as handled in time; nobody not_handled",
     W(discovered=hot(), rectified_on="2021-04-10", as_of="2021-04-30"), forb=NO_H + NOT_LATE, listed=LIMIT + RLIMIT)
case("TN2 the same rectified 04-11 (day 41): the county's holder not_handled",
     W(discovered=hot(), rectified_on="2021-04-11", as_of="2021-04-30"), req=LATE_H, forb=NOT_LATE, listed=LIMIT + RLIMIT)
case("TN3 no step shown, a deadline 04-30 with no assignment, rectified 04-20: the deadline stretches nobody's limits (deadline_without_assignment default): the county not_handled; listed",
     W(discovered=hot(), deadline="2021-04-30", rectified_on="2021-04-20", as_of="2021-04-30"), req=LATE_H, listed=["deadline_without_assignment"])
case("TN4 the same under deadline_without_assignment=unrecorded_assignment: nobody not_handled; listed",
     W(discovered=hot(), deadline="2021-04-30", rectified_on="2021-04-20", as_of="2021-04-30"), params=dict(deadline_without_assignment="unrecorded_assignment"),
     forb=NO_H + NOT_LATE, listed=["deadline_without_assignment"])
case("TN5 the village's grid find 03-01 reported up on 03-12 (day 11): the village not_handled (一(四) 没有按程序及时…上报), not the township (it assigned it back the next day)",
     W(discovered=disc("village", "grid"), handled=[rep("village", "township", "2021-03-12"), asg("township", "village", "2021-03-13")], deadline="2021-04-15", rectified_on="2021-04-01", as_of="2021-04-30"),
     req=[("village_*", "not_handled")], forb=[("township_*", "not_handled"), ("county_*", "not_handled")] + NOT_LATE)
case("TN6 a township's find reported to the county on 03-05 (a policy gap: beyond the township's authority, 一(三) 对超出本级权限的及时向上级单位报送), the county sits: as of 03-15 (day 10 from its receipt) nobody late",
     A("water")("water_policy_gap", WV, discovered=disc("township", "grid"), handled=[rep("township", "county", "2021-03-05")], as_of="2021-03-15"), forb=NO_H)
case("TN7 the same as of 03-16: a county body not_handled; not the township (its report was in time)",
     A("water")("water_policy_gap", WV, discovered=disc("township", "grid"), handled=[rep("township", "county", "2021-03-05")], as_of="2021-03-16"),
     req=LATE_H, forb=[("township_*", "not_handled")])
case("TN8 assigned 2020-01-06 (before the policy) with a deadline of 2020-02-05, never rectified, assessed 2020-12-31: the township answers not_rectified — still not 整改落实到位 ten months under the policy (一(四) 对交办问题整改落实不到位的 names the unrectified 交办, not the missed day); as a level holding a problem unpassed on the first day gets the handling limit from that day, the assignee gets the rectification period from it (2020-04-05)",
     W(discovered=hot("2020-01-05"), handled=[asg("county", "township", "2020-01-06")], deadline="2020-02-05", as_of="2020-12-31"),
     req=TWN_R, listed=["policy_in_force_from"])
case("TN9 the same with the deadline 2020-03-06 (the policy's first day): the township not_rectified",
     W(discovered=hot("2020-01-05"), handled=[asg("county", "township", "2020-01-06")], deadline="2020-03-06", as_of="2020-12-31"),
     req=TWN_R)
H = A("housing")
case("TN10 housing_renovation_late: the county hands it to 县财政 03-05 (二(六)4(4) 财政补贴: a part, not the renovation) with a deadline of 03-31, then to 县建设 on 03-31; rectified 04-20: 县建设 not_rectified (handed it on or before the deadline: the one deadline holds for it)",
     H("housing_renovation_late", discovered=hot(), handled=[asg("county", "county", "2021-03-05", body="county_finance"), asg("county", "county", "2021-03-31", body="county_construction")], deadline="2021-03-31", rectified_on="2021-04-20", as_of="2021-04-30"),
     req=[("county_construction", "not_rectified")])
case("TN11 the same, 县建设 handed it on 04-01 (a day after the deadline): the 03-31 was missed by the county, where the assignment to 县财政 left it (level_holds): some county body answers 整改不到位 for it — the verdict already names the county's Party committee and government for not pressing a rectification that 'was not in place by 03-31', and a failure pressed must be a failure someone answers for (一(四) 对交办问题整改落实不到位的，追究相关工作人员责任); 县建设 (handed it 04-01, its 30 days to 05-01) not",
     H("housing_renovation_late", discovered=hot(), handled=[asg("county", "county", "2021-03-05", body="county_finance"), asg("county", "county", "2021-04-01", body="county_construction")], deadline="2021-03-31", rectified_on="2021-04-20", as_of="2021-04-30"),
     req=[("county_*", "not_rectified")], forb=[("county_construction", "not_rectified")])
