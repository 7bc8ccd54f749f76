"""Policy data read against the text (session 29, fid29).

1. An eligible household nobody reported, found above the county (identification_eligible_omitted):
   一(一) 县级…借助全科网格和“一户一策一干部”制度…主动发现低收入农户识别不精准 names no county body;
   二(三)1–2 give the household's reporting and finding to the village and township; 二(二)4 gives the
   county Party committee and government 健全问题发现办法…指导督促部门和乡村问题发现; 二(三)5 their 统筹
   and 主体责任. Whether they are also 应发现未发现 for one household
   is the parameter county_leaders_find_omitted_households (default false): a minor omission does not name them, a
   grave one names them once (主体责任), and the verdict says it rests on the parameter (review28 #3).
"""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Jurisdiction, Policy

from .test_batch import TODAY, expected, got
from .verdicts import answers, rests

PLACE = "330127100219"  # 富城村, 千岛湖镇, 淳安县 (杭州市)
COUNTY = "330127"
ENGINES = ["compiled", pytest.param("durable", marks=pytest.mark.durable)]
LEADERS = ("county_party_committee", "county_government")


def same_in_bulk(policy: Policy, records: list[dict[str, Any]]) -> None:
    j = Jurisdiction.example()
    a = policy.assess(records, jurisdiction=j, today=TODAY)
    assert a.assessed == len(records)
    assert got(a) == expected(policy, j, records, "compiled")


# ------------------------------------------------------------ 1. the county leaders and an omitted household

OMITTED_FIND = "county_leaders_find_omitted_households"
FINDERS = [("city", "inspection_tour"), ("province", "survey_verification")]


def omitted(place: str = PLACE, by: str = "city", channel: str = "inspection_tour", severity: str = "minor",
            **extra: Any) -> dict[str, Any]:
    return {"id": "o", "area": "identification", "kind": "identification_eligible_omitted", "place": place,
            "severity": severity, "discovered": {"level": by, "channel": channel, "on": "2021-03-01"},
            "as_of": "2021-06-30", **extra}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("place", [PLACE, COUNTY])
@pytest.mark.parametrize(("by", "channel"), FINDERS)
def test_a_minor_omission_found_above_the_county_does_not_name_the_county_leaders(
        policy: Policy, engine: str, place: str, by: str, channel: str) -> None:
    """Default: the county Party committee and government are not 应发现未发现 for one household the city or
    province found (一(一) names no county body; 二(二)4 健全问题发现办法…指导督促; 二(三)1–2 the village's and
    township's find), and the verdict says it rests on the parameter. Fails before (they answered 应发现未发现)."""
    r = omitted(place, by, channel)
    got_ = answers(policy, r, engine)
    assert not {(b, basis) for b, basis in got_ if b in LEADERS}
    assert OMITTED_FIND in rests(policy, r, engine)
    if place == PLACE:  # the village and township still answer for not finding it (二(三)1–2, 二(二)1–2)
        assert {("village_committee", "not_discovered"), ("township_government", "not_discovered")} <= got_


@pytest.mark.parametrize("engine", ENGINES)
def test_a_grave_omission_names_the_county_leaders_once(policy: Policy, engine: str) -> None:
    """Grave: 二(三)5 对低收入农户精准识别负主体责任 names them by main responsibility, once each — not also
    应发现未发现 (before: both, with leadership liability twice for one household)."""
    r = omitted(severity="grave")
    got_ = answers(policy, r, engine)
    assert {(b, basis) for b, basis in got_ if b in LEADERS} == {(b, "main_responsibility") for b in LEADERS}


@pytest.mark.parametrize("engine", ENGINES)
def test_true_reads_the_county_leaders_own_find(policy: Policy, engine: str) -> None:
    """true: 二(三)5 统筹…动态管理 read with 一(一) as their own duty to find it (review26 #6): 应发现未发现
    whatever the severity, at grave beside 主体责任; the finding rests on the parameter and the duty's reading."""
    p = policy.with_parameters(**{OMITTED_FIND: True})
    for severity, main in (("minor", set()), ("grave", {(b, "main_responsibility") for b in LEADERS})):
        r = omitted(severity=severity)
        got_ = answers(p, r, engine)
        assert {(b, basis) for b, basis in got_ if b in LEADERS} == {(b, "not_discovered") for b in LEADERS} | main
        assert {OMITTED_FIND, "identification_county_dynamic_find"} <= rests(p, r, engine)


def test_the_countys_own_find_does_not_rest_on_the_parameter(policy: Policy) -> None:
    """Found at the county (its hotline) or below: the county missed nothing either way (一(四) 应由本级发现…), so the
    verdict does not rest on the parameter."""
    for by, channel in (("county", "hotline"), ("township", "grid")):
        r = omitted(by=by, channel=channel)
        assert OMITTED_FIND not in rests(policy, r)
        assert not {b for b, _ in answers(policy, r) if b in LEADERS}


@pytest.mark.parametrize("value", [False, True])
def test_omitted_households_in_bulk_equal_who_answers(policy: Policy, value: bool) -> None:
    p = policy.with_parameters(**{OMITTED_FIND: value})
    recs = [{**omitted(place, by, channel, severity), "id": f"{place}-{by}-{severity}"}
            for place in (PLACE, COUNTY) for by, channel in [*FINDERS, ("county", "hotline")]
            for severity in ("minor", "serious", "grave")]
    same_in_bulk(p, recs)
