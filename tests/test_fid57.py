"""fid57: check56's disagreements in problem discovery, funds and projects, read against the text.

1. A county's own 问题发现办法和整改机制 found wanting by the city or the province (check56 #1: D3, D5, D14). 二(二)4
   gives the county Party committee and government 健全问题发现办法和整改机制, 一(一) 县级制定问题主动发现具体办法, 一
   以县为主体加强问题发现和整改机制建设: the mechanism is their own work, and the rules read a level's own work found
   by a level above as 应由本级发现 (一(四)) — the county leaders' missed cadre contact (二(六)1(4)), their
   student-aid agencies (二(六)2(3)), a city's own mechanism (its office). Yet 一(一) gives the find of 工作机制
   problems to 省市两级. The choice is ``county_finds_own_mechanism``: true (the default) names 县党委、县政府
   应发现未发现 [一(四) 二(二)4] (and 主体责任 when grave); false is the answer before, nobody at the county until it
   is handed down and not rectified. Either way the verdict lists it. The county's own find, and a village's reported
   up in time, name nobody.
2. The city's (or province's) own funds whose key performance evaluation was not organised (check56 #2: E4, E7):
   二(四)7 财政部门…组织开展重点绩效评价 (funds_province_city_finance_evaluate_own, reach own_level). Found by the
   province: 市财政 应发现未发现 (was nobody). Handed to the city: 市财政 整改不到位 (was the role
   市相关部门（问题所属部门）, with 市财政 pressing on the very words). A county's missing evaluation is unchanged.
3. An irregular allocation of a line's funds (check56 #3b L4, #4 F10/B10): the proposing department's 提出资金分配建议
   (二(四)4–5) at discovery, for a record naming its line (line_named_only): 县扶贫办 / 县水利 cite 二(四)4 / 二(四)5
   at their 应发现未发现 as at their 整改不到位, and a line with no county body of its own (农业农村) names the
   level's role, as funds_diverted of that line does. A record naming no line names no proposer, as before. 扶贫资产
   of the office's line: its 应发现未发现 cites 二(四)4 (资产收益分配方案) as its 整改不到位 does.
"""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Policy

from .verdicts import batch_and_answers, found, rested
from .verdicts import verdict_under as verdict

ENGINES = ("compiled", "durable")
OWN = "county_finds_own_mechanism"
LEADERS = ("county_party_committee", "county_government")


def _rec(
    rid: str,
    area: str,
    kind: str,
    place: str,
    level: str,
    channel: str = "research_supervision",
    steps: list[dict[str, Any]] | None = None,
    **more: Any,
) -> dict[str, Any]:
    r: dict[str, Any] = {
        "id": rid,
        "area": area,
        "kind": kind,
        "place": place,
        "severity": "minor",
        "discovered": {"level": level, "channel": channel, "on": "2021-03-01"},
        "as_of": "2021-03-05",
    }
    if steps:
        r.update(handled=steps, deadline="2021-03-31", as_of="2021-04-30")
    return {**r, **more}


def _asg(by: str, to: str, body: str | None = None) -> dict[str, Any]:
    s = {"action": "assigned", "by_level": by, "to_level": to, "on": "2021-03-03"}
    return {**s, "to_body": body} if body else s


def _rows(v: Any) -> set[tuple[str, str, str, tuple[str, ...]]]:
    return {(f.body, f.basis, f.liability, tuple(f.clauses)) for f in v.findings}


# ------------------------------------------------------------------ 1. the county's own mechanism

MM_CITY = _rec("fid57-mm-city", "discovery", "mechanism_missing", "330127", "city")
MM_PROV = _rec("fid57-mm-prov", "discovery", "mechanism_missing", "330127", "province", "survey_verification")
MM_GRAVE = {**MM_CITY, "id": "fid57-mm-grave", "severity": "grave"}
MM_AUDIT = _rec("fid57-mm-audit", "discovery", "mechanism_missing", "330127100219", "city", "audit")
MM_DOWN = _rec("fid57-mm-down", "discovery", "mechanism_missing", "330127", "city", steps=[_asg("city", "county")])
_FOUND_ABOVE = [MM_CITY, MM_PROV, MM_GRAVE, MM_AUDIT, MM_DOWN]
# the county's own find, and a village's find reported up the same week: nobody should have found it first
MM_OWN = _rec("fid57-mm-own", "discovery", "mechanism_missing", "330127", "county", "verification_census")
MM_VILLAGE = _rec(
    "fid57-mm-village",
    "discovery",
    "mechanism_missing",
    "330127100219",
    "village",
    "grid",
    handled=[
        {"action": "reported", "by_level": "village", "to_level": "township", "on": "2021-03-02"},
        {"action": "reported", "by_level": "township", "to_level": "county", "on": "2021-03-03"},
    ],
)


@pytest.mark.parametrize("engine", ENGINES)
def test_the_county_leaders_should_have_found_their_own_mechanism_wanting(policy: Policy, engine: str) -> None:
    for record in _FOUND_ABOVE:
        v = verdict(policy, record, engine)
        for body in LEADERS:
            assert (body, "not_discovered", "staff", ("一(四)", "二(二)4")) in _rows(v), (record["id"], _rows(v))
            f = next(f for f in v.findings if (f.body, f.basis) == (body, "not_discovered"))
            assert OWN in f.rests_on, record["id"]
        # never a village, township or county department beside them; the ledger keeper builds no mechanism
        assert not {b for b, _ in found(v) if b.startswith(("village_", "township_"))}, record["id"]
        assert ("county_poverty_office", "not_discovered") not in found(v), record["id"]
        assert OWN in rested(v)
    # grave: staff, unit and leadership, and 主体责任 (二(一)1(1) 县级党委政府要切实承担主体责任)
    v = verdict(policy, MM_GRAVE, engine)
    for body in LEADERS:
        assert {f.liability for f in v.findings if (f.body, f.basis) == (body, "not_discovered")} == {
            "staff",
            "unit",
            "leadership",
        }
        assert (body, "main_responsibility") in found(v)
    # handed down and never rectified: both failures, each once
    v = verdict(policy, MM_DOWN, engine)
    assert {(b, x) for b, x in found(v) if b in LEADERS} == {
        (b, x) for b in LEADERS for x in ("not_discovered", "not_rectified")
    }


@pytest.mark.parametrize("engine", ENGINES)
def test_false_is_the_answer_before_and_still_says_it_rests_on_it(policy: Policy, engine: str) -> None:
    for record in _FOUND_ABOVE:
        v = verdict(policy, record, engine, **{OWN: False})
        assert not {(b, x) for b, x in found(v) if b in LEADERS and x in ("not_discovered", "main_responsibility")}
        assert OWN in rested(v), record["id"]
    v = verdict(policy, MM_DOWN, engine, **{OWN: False})
    assert {(b, x) for b, x in found(v) if b in LEADERS} == {(b, "not_rectified") for b in LEADERS}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("value", [True, False])
def test_a_find_at_the_county_or_reported_up_in_time_names_nobody(policy: Policy, engine: str, value: bool) -> None:
    for record in (MM_OWN, MM_VILLAGE):
        v = verdict(policy, record, engine, **{OWN: value})
        assert not found(v), (record["id"], found(v))
    # the parameter reads only this kind: the province's or a city's own mechanism is its office's either way
    gap = _rec("fid57-gap", "discovery", "province_city_mechanism_gap", "3301", "province", "survey_verification")
    v = verdict(policy, gap, engine, **{OWN: value})
    assert found(v) == {("city_poverty_office", "not_discovered")}


# ------------------------------------------------------------------ 2. the city's own 重点绩效评价

EV = "funds_performance_evaluation_missing"
EV_FOUND = _rec("fid57-ev-found", "funds", EV, "3301", "province", "survey_verification")
EV_DOWN = _rec(
    "fid57-ev-down", "funds", EV, "3301", "province", "survey_verification", steps=[_asg("province", "city")]
)
EV_WATER = {**EV_DOWN, "id": "fid57-ev-water", "sector": "water"}
EV_COUNTY = _rec("fid57-ev-county", "funds", EV, "330127", "city", steps=[_asg("city", "county")])


@pytest.mark.parametrize("engine", ENGINES)
def test_the_city_finance_bureau_organises_its_own_key_evaluation(policy: Policy, engine: str) -> None:
    v = verdict(policy, EV_FOUND, engine)
    assert _rows(v) == {("city_finance", "not_discovered", "staff", ("一(四)", "二(四)7"))}
    for record in (EV_DOWN, EV_WATER):
        v = verdict(policy, record, engine)
        assert ("city_finance", "not_rectified", "staff", ("一(四)", "二(四)7")) in _rows(v), record["id"]
        # not a stand-in role, nor the line's city department (二(四)7 gives it no evaluation), and 市财政 does not
        # press what it answers for itself
        assert not {(b, x) for b, x in found(v) if x == "not_rectified" and b != "city_finance"}, found(v)
        assert ("city_finance", "supervision") not in found(v)
        assert "place_above_rectifiers" not in rested(v) and "city_sector_department" not in rested(v)
        assert not {b for b, _ in found(v) if b.startswith("county_")}
    # a county's missing evaluation stays the county's: 市财政 presses it (二(四)7), never rectifies or misses it
    v = verdict(policy, EV_COUNTY, engine)
    assert ("city_finance", "supervision") in found(v)
    assert not {x for b, x in found(v) if b == "city_finance" and x != "supervision"}


# -------------------------------------------------------- 3. the proposer of an allocation, the office's assets

AL = "funds_allocation_irregular"


def _al(sector: str | None, place: str = "330127") -> dict[str, Any]:
    r = _rec(f"fid57-al-{sector}-{place}", "funds", AL, place, "city")
    return {**r, "sector": sector} if sector else r


@pytest.mark.parametrize("engine", ENGINES)
def test_the_proposing_line_cites_its_proposal_at_discovery(policy: Policy, engine: str) -> None:
    for place in ("330127", "330127100219"):
        v = verdict(policy, _al("poverty_office", place), engine)
        assert ("county_poverty_office", "not_discovered", "staff", ("一(四)", "二(二)3", "二(四)4")) in _rows(v)
        v = verdict(policy, _al("water", place), engine)
        assert ("county_water", "not_discovered", "staff", ("一(四)", "二(二)3", "二(四)5")) in _rows(v)
        # a line without a county body of its own: the level's role, as funds_diverted of that line
        v = verdict(policy, _al("agriculture", place), engine)
        assert ("county_sector_department", "not_discovered") in found(v)
        assert ("county_finance", "not_discovered") in found(v)
        # a record naming no line names no proposer: 县财政 alone, as before
        v = verdict(policy, _al(None, place), engine)
        assert {b for b, x in found(v) if x == "not_discovered"} == {"county_finance"}, found(v)
    assets = _rec("fid57-as-po", "funds", "funds_assets_mismanaged", "330127100219", "city", sector="poverty_office")
    v = verdict(policy, assets, engine)
    assert ("county_poverty_office", "not_discovered", "staff", ("一(四)", "二(二)3", "二(四)4")) in _rows(v)
    v = verdict(policy, {k: x for k, x in assets.items() if k != "sector"}, engine)
    assert ("county_poverty_office", "not_discovered") not in found(v)


@pytest.mark.parametrize("value", [True, False])
def test_the_batch_path_gives_what_who_answers_gives(policy: Policy, value: bool) -> None:
    lines = ("poverty_office", "water", "agriculture", None)
    records = [
        *_FOUND_ABOVE,
        MM_OWN,
        MM_VILLAGE,
        EV_FOUND,
        EV_DOWN,
        EV_WATER,
        EV_COUNTY,
        *(_al(s, p) for s in lines for p in ("330127", "330127100219")),
    ]
    records = [{k: x for k, x in r.items() if x is not None} for r in records]
    view = policy.with_parameters(**{OWN: value})
    got, want = batch_and_answers(view, records)
    assert got == want
