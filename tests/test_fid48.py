"""fid48: over-blames check47a and check47b found, read against the text.

- A city line department that reports a county's problem up to its province counterpart, which then
  assigns the county within the city's handling limit, passed the problem on: 一(三)'s
  对超出本级权限的及时向上级单位报送 is the county's procedure (its lists sort problems by authority), and the
  text gives the city no other (省市两级及时回应基层反映问题; 三(二) 逐级传导压力，形成一级抓一级).
  irregular_step's default, above_authority_report_counts, counts the report there; not_counted (the old
  reading) sets it aside. A province that sat on it, or passed it on late, leaves the report set aside under
  either value, and the county's own report of what is within its authority stays set aside. A finding on a
  set-aside report does not say 未在10天内…上报 of a report made on day 2 (check47b #3).
- 扶贫资产管理运营不善（资产闲置流失、收益分配不规范） joins two problems: idle or lost assets are the
  village's, township's and 县财政部门's (二(四)1–3), and 县扶贫办's only part is 提出…资产收益分配方案
  (二(四)4), the income half. A record naming no line (or another line) does not name the office 整改不到位;
  one of its own line does. The office's duty is held for its own part (by_sector) and listed in the kind's
  line_named_only, so it is not read as the role's either: a 民宗 record does not name 县民宗局 [二(二)3]
  (fid47's own_sector twin did; check47a #1).
- 项目台账资料不全或未及时录入信息系统 joins the township's ledger (二(五)2) and 县扶贫办's entry (二(五)3). Its
  rectification now follows its discovery under joined_records_both_halves: by default the county's common part,
  二(五)3's heading, once (the role, unresolved; the record's line's department where its sector names one), not the
  office's entry; true names the office, and a checking department handed it (县水利, 二(五)3 检查、验收) is then not
  made the fixer through 二(二)3 即时整改 (fid40c; check47a #2). (By default the checking department of the
  record's line is the heading's department for it: fid51, check50 #1.)
- concealing_level_body=handling_holders at a city whose one holder of the handling only guides the grassroots (the
  扶贫办's 二(二)5) names the department the text ties to the kind's work, as receiving_level_body does: 市民政 for an
  identification problem (二(三)6; the 扶贫办 only 协助, 二(三)7; check47a #5).
"""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Policy

from .verdicts import batch_and_answers, found, marked_by, rested
from .verdicts import finder as _found
from .verdicts import step as _a
from .verdicts import verdict_under as verdict
from .verdicts import village_record as _record

ENGINES = ("compiled", "durable")
IRREGULAR = "irregular_step"
VALUES = ("above_authority_report_counts", "not_counted")

_CITY_BUILD = _found("city", "city_construction")
_UP = _a("city", "province", "province_construction", action="reported")

#: check47b F1_housing: 市住建 reports a county's late renovation to 省住建 on day 2; the province assigns the county
F1 = _record("fid48-f1", "housing", "housing_renovation_late", _CITY_BUILD,
             [_UP, _a("province", "county", on="2021-03-05")])
#: F1_edu: the province assigns the county's rectifier by name
F1_EDU = _record("fid48-f1-edu", "education", "education_aid_not_paid", _found("city", "city_education"),
                 [_a("city", "province", "province_education", action="reported"),
                  _a("province", "county", "county_education", on="2021-03-05")])
#: F1x: the province hands it back to the city, which assigns the county (the control: the city presses only)
F1X = _record("fid48-f1x", "housing", "housing_renovation_late", _CITY_BUILD,
              [_UP, _a("province", "city", on="2021-03-04"), _a("city", "county", on="2021-03-06")])
#: F1y: the province sits on it
F1Y = _record("fid48-f1y", "housing", "housing_renovation_late", _CITY_BUILD, [_UP])
#: the province passes it on only after the city's 10 days (from 03-01)
F1_LATE = _record("fid48-f1-late", "housing", "housing_renovation_late", _CITY_BUILD,
                  [_UP, _a("province", "county", on="2021-03-20")])
#: a record naming no kind: the county office's report to the province (its reason reads the same; the bulk path
#: marked only kinded records at first)
KINDLESS_UP = {k: v for k, v in _record("fid48-kindless-up", "housing", "", _found("county", "county_poverty_office",
                                                                                  "verification_census"),
                                        [_a("county", "province", on="2021-03-05", action="reported")]).items()
               if k != "kind"}
#: the county's own report of its own house to the city, which hands it back: still no 交办 of the county's (F27A-4b)
COUNTY_UP = _record("fid48-county-up", "housing", "housing_renovation_late",
                    _found("county", "county_construction", "hotline"),
                    [_a("county", "city", "city_construction", on="2021-03-02", action="reported"),
                     _a("city", "county", "county_construction", on="2021-03-04")])


def _named(v: Any, body: str, basis: str) -> bool:
    return (body, basis) in found(v)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_city_report_the_province_passes_on_in_time_counts(policy: Policy, engine: str) -> None:
    for record, city in ((F1, "city_construction"), (F1_EDU, "city_education")):
        v = verdict(policy, record, engine)
        assert not _named(v, city, "not_handled"), record["id"]
        assert IRREGULAR in rested(v)  # the other value names it: the verdict says it rests on the reading
        old = verdict(policy, record, engine, **{IRREGULAR: "not_counted"})
        assert _named(old, city, "not_handled"), record["id"]
        assert IRREGULAR in next(f for f in old.findings if (f.body, f.basis) == (city, "not_handled")).rests_on


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("value", VALUES)
def test_a_province_that_sat_on_it_or_passed_it_late_leaves_the_finding(policy: Policy, engine: str,
                                                                      value: str) -> None:
    for record in (F1Y, F1_LATE):
        v = verdict(policy, record, engine, **{IRREGULAR: value})
        f = next(f for f in v.findings if (f.body, f.basis) == ("city_construction", "not_handled"))
        assert IRREGULAR in f.rests_on
    assert _named(verdict(policy, F1Y, engine, **{IRREGULAR: value}), "province_construction", "not_handled")


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("value", VALUES)
def test_the_controls_are_the_same_under_either_value(policy: Policy, engine: str, value: str) -> None:
    v = verdict(policy, F1X, engine, **{IRREGULAR: value})
    assert not _named(v, "city_construction", "not_handled")
    assert _named(v, "city_construction", "supervision")
    w = verdict(policy, COUNTY_UP, engine, **{IRREGULAR: value})
    # (handed back within its own limit, the county holds it from then as the city's assignee: one sitting, one
    # finding, 整改不到位 — not 未及时交办 as well; check49b #2, fid49b)
    assert _named(w, "county_construction", "not_rectified")
    assert not _named(w, "county_construction", "not_handled")


@pytest.mark.parametrize("value", VALUES)
def test_a_set_aside_report_is_not_said_to_be_missing(policy: Policy, value: str) -> None:
    # 未在10天内…上报 of a report made on day 2 misstated the record: the reason names the report set aside
    for record in (F1, F1Y, COUNTY_UP):
        v = verdict(policy, record, "compiled", **{IRREGULAR: value})
        for f in v.findings:
            if f.basis != "not_handled" or f.level == "province":
                continue
            zh, en = f.to_dict("zh")["reason"], f.to_dict("en")["reason"]
            tail = zh[zh.index("未在"):]
            assert "上报" not in tail, zh
            if f.level == "city":  # (the county holding its own work is told 未在10天内按程序办理)
                assert "报送未计为交办" in tail, zh
                assert "did not count" in en, en


# ------------------------------------------------------------------ check47a #1: a mismanaged asset's line

_CITY_MEDIA = _found("city", "city_poverty_office", "media")
#: check47a FA1: lineless, the city assigns the county
FA1 = _record("fid48-fa1", "funds", "funds_assets_mismanaged", _CITY_MEDIA, [_a("city", "county")])
#: FA2: 市人社 reports to 省人社, which assigns the county
FA2 = _record("fid48-fa2", "funds", "funds_assets_mismanaged", _found("city", "city_hrss", "survey_verification"),
              [_a("city", "province", "province_hrss", action="reported"), _a("province", "county", on="2021-03-05")])
#: FA3: the province's audit assigns the county
FA3 = _record("fid48-fa3", "funds", "funds_assets_mismanaged", _found("province", "province_audit", "audit"),
              [_a("province", "county")])


def _lined(record: dict[str, Any], sector: str) -> dict[str, Any]:
    return {**record, "id": f"{record['id']}-{sector}", "sector": sector}


@pytest.mark.parametrize("engine", ENGINES)
def test_a_lineless_mismanaged_asset_does_not_name_the_office(policy: Policy, engine: str) -> None:
    for record in (FA1, FA2, FA3):
        v = verdict(policy, record, engine)
        county = {(b, x) for b, x in found(v) if b.startswith("county_")}
        assert ("county_finance", "not_rectified") in county, record["id"]
        assert not {b for b, _ in county} & {"county_poverty_office", "county_sector_department"}, county


@pytest.mark.parametrize("engine", ENGINES)
def test_a_lined_mismanaged_asset_names_its_own_line_only(policy: Policy, engine: str) -> None:
    own = verdict(policy, _lined(FA1, "poverty_office"), engine)
    f = next(f for f in own.findings if (f.body, f.basis) == ("county_poverty_office", "not_rectified"))
    assert "二(四)4" in f.clauses
    for sector in ("ethnic_religious", "hrss", "finance"):
        v = verdict(policy, _lined(FA1, sector), engine)
        county = {b for b, x in found(v) if b.startswith("county_") and x == "not_rectified"}
        assert county == {"county_finance"}, (sector, county)


# ------------------------------------------------------------------ check47a #2: the joined records kind

JOINED = "joined_records_both_halves"
PRI1 = _record("fid48-pri1", "projects", "project_records_incomplete", _CITY_MEDIA, [_a("city", "county")])
PRI2 = _record("fid48-pri2", "projects", "project_records_incomplete",
               _found("city", "city_hrss", "survey_verification"),
               [_a("city", "province", "province_hrss", action="reported"), _a("province", "county", on="2021-03-05")])
#: fid40c's record: a city audit hands it to 县水利, whose part is the check
PRI_W = _record("fid48-pri-w", "projects", "project_records_incomplete", _found("city", channel="audit"),
                [_a("city", "county", "county_water")])


def _rectifiers(v: Any) -> set[str]:
    return {b for b, x in found(v) if x == "not_rectified" and b.startswith("county_")}


@pytest.mark.parametrize("engine", ENGINES)
def test_the_joined_kind_names_the_common_part_by_default(policy: Policy, engine: str) -> None:
    # (fid51, check50 #1: PRI_W's hand-over to 县水利 gives the record 水利's line, whose county department is the
    # heading's department for it — named by the record, not the role beside it: test_fid51)
    for record, common in ((PRI1, "county_sector_department"), (PRI2, "county_sector_department"),
                           (PRI_W, "county_water")):
        v = verdict(policy, record, engine)
        assert _rectifiers(v) == {common}, (record["id"], found(v))
        f = next(f for f in v.findings if (f.body, f.basis) == (common, "not_rectified"))
        assert "二(五)3" in f.clauses and JOINED in f.rests_on
        both = verdict(policy, record, engine, **{JOINED: True})
        assert _rectifiers(both) == {"county_poverty_office"}, (record["id"], found(both))
    # the office's own line names the office under either value
    for value in (False, True):
        v = verdict(policy, _lined(PRI1, "poverty_office"), engine, **{JOINED: value})
        assert _rectifiers(v) == {"county_poverty_office"}


@pytest.mark.parametrize("engine", ENGINES)
def test_a_checker_handed_the_joined_kind_is_not_its_fixer_beside_the_office(policy: Policy, engine: str) -> None:
    # (under true the office's entry names the office to fix it, and 县水利, whose part is the check, is not made the
    # fixer through 二(二)3 即时整改; under false it is the heading's department of its line: fid51, check50 #1)
    v = verdict(policy, PRI_W, engine, **{JOINED: True})
    assert ("county_water", "not_rectified") not in found(v)


# ------------------------------------------------------------------ check47a #5: a city's concealment

CONCEALER = "concealing_level_body"
HID = {**_record("fid48-hid", "identification", "identification_ineligible_included",
                 _found("province", channel="inspection_tour"), [_a("province", "county")]), "concealed_by": ["city"]}
RECEIVED = _record("fid48-recv", "identification", "identification_ineligible_included",
                   _found("province", channel="inspection_tour"), [_a("province", "city")])


@pytest.mark.parametrize("engine", ENGINES)
def test_a_city_that_hid_an_identification_problem_is_read_as_receiving_it(policy: Policy, engine: str) -> None:
    recv = verdict(policy, RECEIVED, engine)
    assert ("city_civil_affairs", "not_handled") in found(recv)
    v = verdict(policy, HID, engine, **{CONCEALER: "handling_holders"})
    f = next(f for f in v.findings if f.basis == "concealed" and f.level == "city")
    assert f.body == "city_civil_affairs" and "二(三)6" in f.clauses and CONCEALER in f.rests_on
    assert ("city_poverty_office", "concealed") not in found(v)
    # the default too (fid65, check59 CC1: the role stood for 市民政 alone, 二(三)6; the 扶贫办 only 协助, 二(三)7)
    d = verdict(policy, HID, engine)
    assert {b for b, x in found(d) if x == "concealed"} == {"city_civil_affairs"}


# ------------------------------------------------------------------ check48b #4: the office's own push

PUSHED = {"id": "fid48-pushed", "area": "identification", "kind": "identification_pushed_info_untrue",
          "place": "330127100219", "severity": "minor",
          "discovered": {"level": "county", "channel": "verification_census", "on": "2021-03-01",
                         "body": "county_poverty_office"}, "handled": [], "as_of": "2021-06-30"}


@pytest.mark.parametrize("engine", ENGINES)
def test_the_office_sitting_on_its_own_push_quotes_its_duty(policy: Policy, engine: str) -> None:
    # 二(三)4 县扶贫办…推送至省大救助信息系统审核，对推送对象信息的真实性、完整性负责: the kind is the office's own act
    # (it cited 一(三), 一(四) alone before)
    v = verdict(policy, PUSHED, engine)
    f = next(f for f in v.findings if (f.body, f.basis) == ("county_poverty_office", "not_handled"))
    assert "二(三)4" in f.clauses


# ------------------------------------------------------------------ the batch


_ALL = [F1, F1_EDU, F1X, F1Y, F1_LATE, COUNTY_UP, FA1, FA2, FA3, *(_lined(FA1, s) for s in (
    "poverty_office", "ethnic_religious", "hrss")), PRI1, PRI2, PRI_W, HID, RECEIVED, KINDLESS_UP, PUSHED]


@pytest.mark.slow
@pytest.mark.parametrize("values", [{IRREGULAR: VALUES[0]}, {IRREGULAR: VALUES[1]}, {JOINED: True},
                                    {CONCEALER: "handling_holders"}], ids=[*VALUES, "joined", "handling_holders"])
def test_the_batch_gives_what_who_answers_gives(policy: Policy, values: dict[str, Any]) -> None:
    got, want = batch_and_answers(policy.with_parameters(**values), _ALL)
    assert got == want


def test_the_batch_sends_a_guiding_citys_concealment_to_the_reference_path(policy: Policy) -> None:
    county = {**HID, "id": "fid48-hid-county", "concealed_by": ["county"]}
    marked = marked_by(policy, [HID, county], "guiding_concealers", **{})
    assert not marked  # (the default: the fast path's role table reads it)
    marked = marked_by(policy.with_parameters(**{CONCEALER: "handling_holders"}), [HID, county], "guiding_concealers")
    assert marked == {HID["id"]}


def test_the_batch_sends_such_reports_to_the_reference_path(policy: Policy) -> None:
    # (the fast path sets every report above the authority aside, and its facts carry no step set aside: the reach
    # test and the reason are the reference's)
    below = _record("fid48-below", "housing", "housing_renovation_late", _found("township", channel="grid"),
                    [_a("township", "county", action="reported")])
    marked = marked_by(policy, [F1, F1_EDU, F1_LATE, F1Y, COUNTY_UP, KINDLESS_UP, below], "reached_reports")
    assert marked == {F1["id"], F1_EDU["id"], F1_LATE["id"], F1Y["id"], COUNTY_UP["id"], KINDLESS_UP["id"]}
