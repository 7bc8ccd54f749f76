"""Session 25, fid25b: fidelity of the rules data and the policy view (review24 #4 and its reason text; review25).

Each test names the clause of 浙扶贫〔2020〕1号 that decides it; every one fails on the rules and code before the change
(the equality checks across engines and the bulk path apart)."""
from __future__ import annotations

from typing import Any

import pytest

from responsibility import Policy

ENGINES = ("durable", "compiled")
VILLAGE, COUNTY = "330127100219", "330127"


def _found(area: str, kind: str | None, by: str, channel: str, *, place: str = VILLAGE,
           **extra: Any) -> dict[str, Any]:
    """A problem found by ``by`` on 2021-03-01 and, as of 2021-06-30, neither passed on nor rectified."""
    r: dict[str, Any] = {"id": "x", "area": area, "place": place, "severity": "serious", "as_of": "2021-06-30",
                         "discovered": {"level": by, "channel": channel, "on": "2021-03-01"}}
    if kind is not None:
        r["kind"] = kind
    return {**r, **extra}


def _answers(policy: Policy, record: dict[str, Any], engine: str) -> set[tuple[str, str]]:
    return {(f.body, f.basis) for f in policy.who_answers(record, engine=engine).findings}  # type: ignore[arg-type]


# ------------------------------------------ review24 #4 / review25 R25-5: a missed cadre contact the county should find


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("by", "channel"), [("city", "survey_verification"), ("province", "inspection_tour")])
@pytest.mark.parametrize("place", [VILLAGE, COUNTY])
def test_a_missed_cadre_contact_found_above_is_the_county_leaders_to_have_found(
        policy: Policy, engine: str, by: str, channel: str, place: str) -> None:
    """二(六)1(4) 县（市、区）党委、政府：…确保低收入农户每户有一名干部联系，每月联系一次 — their own work — and 一(一)
    县级…借助全科网格和“一户一策一干部”制度…主动发现…帮扶举措落实不到位: a missed contact found by the city or the
    province is one the county should have found (一(四) 应由本级发现问题没有发现). Before, no county body answered;
    still no county department does (the contact is the leaders' alone, review22)."""
    got_ = _answers(policy, _found("basic_needs", "basic_needs_contact_missing", by, channel, place=place), engine)
    assert {("county_party_committee", "not_discovered"), ("county_government", "not_discovered")} <= got_
    assert not {b for b, _ in got_ if b.startswith("county_")} - {"county_party_committee", "county_government"}


@pytest.mark.parametrize("engine", ENGINES)
def test_the_county_finding_its_own_missed_contact_answers_for_no_miss(policy: Policy, engine: str) -> None:
    """The county that found it itself missed nothing (一(四) 应由**本级**发现…没有发现: it did find it)."""
    got_ = _answers(policy, _found("basic_needs", "basic_needs_contact_missing", "county", "dynamic_tracking"), engine)
    assert not {b for b, basis in got_ if basis == "not_discovered" and b.startswith("county_")}


# ---------------------------------------------------- 一(四)'s words in the not_discovered reason (review24, low)


@pytest.mark.parametrize("engine", ENGINES)
def test_the_not_discovered_reason_quotes_the_text(policy: Policy, engine: str) -> None:
    """一(四) 对应由本级发现问题没有发现的: the reason ends with the text's words (it said 应由本级发现而没有发现)."""
    v = policy.who_answers(_found("housing", "housing_danger_unreported", "county", "hotline"),  # type: ignore[arg-type]
                           engine=engine)
    reasons = [f.reason for f in v.findings if f.basis == "not_discovered"]
    assert reasons and all(r.endswith("属应由本级发现问题没有发现。") for r in reasons)
    assert policy.failures["not_discovered"].name == "应由本级发现问题没有发现"
