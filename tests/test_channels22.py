"""engine22b, R20-7 / R22-8: a channel is refused at a level the text does not give it (its ``levels`` in
rules/vocabulary.yaml), in every path; 市长热线 reads as 县（市、区）长热线 only where the county took it; the English
glosses of 调查核查 and 调研督导 no longer say "by province or city"; the generators make records the policy accepts."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from responsibility import Jurisdiction, Policy, ProblemError

from .strategies import LEVELS, channel_at
from .test_batch import TODAY, got

ROOT = Path(__file__).resolve().parents[1]
#: 富城村 (千岛湖镇, 淳安县, 杭州市); 建德市, a county-level city (its own people call it 市).
VILLAGE, JIANDE = "330127100219", "330182"


def _rec(level: str, channel: str, place: str = VILLAGE, **more: Any) -> dict[str, Any]:
    return {"id": "c", "area": "housing", "kind": "housing_renovation_late", "place": place, "severity": "minor",
            "discovered": {"level": level, "channel": channel, "on": "2021-03-01"}, "as_of": "2021-06-30", **more}


def test_the_channels_run_at_the_levels_the_text_gives(policy: Policy) -> None:
    """一(一) 县级…借助全科网格和“一户一策一干部”制度，通过动态跟踪、核查普查; 省市两级通过调查核查、调研督导; 一(二)
    县（市、区）长热线; 各级审计部门 (the county and up). The public channels reach any level."""
    levels = {c: ch.levels for c, ch in policy.channels.items()}
    below = ["village", "township", "county"]
    assert {c: levels[c] for c in ("grid", "one_household_one_cadre", "dynamic_tracking", "verification_census")} \
        == dict.fromkeys(("grid", "one_household_one_cadre", "dynamic_tracking", "verification_census"), below)
    assert levels["survey_verification"] == levels["research_supervision"] == ["city", "province"]
    assert levels["hotline"] == ["county"]
    assert levels["audit"] == levels["inspection_tour"] == ["county", "city", "province"]
    assert all(levels[c] is None for c in ("reporting_platform", "email", "media", "internet_supervision"))


@pytest.mark.parametrize(("level", "channel", "runs", "clause"), [
    ("city", "hotline", "county", "一(二)"),
    ("city", "市长热线", "county", "一(二)"),          # a prefecture's 市长热线 is not the text's 县（市、区）长热线
    ("province", "grid", "village, township, county", "一(一)"),
    ("county", "survey_verification", "city, province", "一(一)"),
    ("township", "research_supervision", "city, province", "一(一)"),
    ("township", "audit", "county, city, province", "二(一)2(3)"),
])
@pytest.mark.parametrize("engine", ["compiled", "durable"])
def test_a_channel_at_another_level_is_refused_saying_who_runs_it_and_what_to_do(
        policy: Policy, example: Jurisdiction, level: str, channel: str, runs: str, clause: str, engine: str) -> None:
    with pytest.raises(ProblemError) as e:
        policy.who_answers(_rec(level, channel), jurisdiction=example, engine=engine)  # type: ignore[arg-type]
    msg = str(e.value)
    assert (e.value.field, e.value.code) == ("discovered.level", "level_mismatch")
    assert f"{runs} run" in msg and clause in msg and "give as level the one whose body or work found it" in msg
    # the bulk path rejects it with the same words, and keeps the record beside it
    a = policy.assess([_rec(level, channel), {**_rec(level, "media"), "id": "ok"}], jurisdiction=example,
                      today=TODAY)
    assert got(a)[1] == [(0, "discovered.level", msg)] and a.assessed == 1


def test_the_mayor_s_hotline_of_a_county_level_city_is_the_hotline(policy: Policy, example: Jurisdiction) -> None:
    """建德市长热线 is 县（市、区）长热线 (the 市 of 县（市、区）): at level county it is the hotline."""
    as_alias = policy.who_answers(_rec("县", "市长热线", JIANDE), jurisdiction=example)
    as_id = policy.who_answers(_rec("county", "hotline", JIANDE), jurisdiction=example)
    assert as_alias.to_dict()["findings"] == as_id.to_dict()["findings"]
    with pytest.raises(ProblemError) as e:   # 市 there names two levels (records.md: ambiguous_level)
        policy.who_answers(_rec("市", "市长热线", JIANDE), jurisdiction=example)
    assert e.value.code == "ambiguous_level"


def test_the_glosses_do_not_say_province_or_city_and_the_old_ones_still_name_the_channel(policy: Policy) -> None:
    """review22 R22-8: "found by the county through investigation and verification by province or city"."""
    for c in ("survey_verification", "research_supervision"):
        assert "province or city" not in policy.channels[c].en
    rec = _rec("city", "survey_verification")
    reasons = [f["reason"] for f in policy.who_answers(rec).to_dict(lang="en")["findings"]]
    assert reasons and all("by province or city" not in r for r in reasons), reasons
    assert any("found by the city through investigation and verification." in r for r in reasons), reasons
    for old, new in [("investigation and verification by province or city", "survey_verification"),
                     ("research and supervisory visits by province or city", "research_supervision")]:
        assert policy.who_answers(_rec("city", old)).to_dict()["findings"] == \
            policy.who_answers(_rec("city", new)).to_dict()["findings"]


def test_channel_at_keeps_a_channel_the_level_runs_and_else_gives_one_it_runs(policy: Policy) -> None:
    for c, ch in policy.channels.items():
        for lv in LEVELS:
            got_ = channel_at(policy, c, lv)
            run = policy.channels[got_].levels
            assert run is None or lv in run
            assert (got_ == c) == (ch.levels is None or lv in ch.levels)
            assert policy.channels[got_].own_work == ch.own_work or lv in ("city", "province")


def test_the_benchmark_s_problems_are_all_accepted(policy: Policy) -> None:
    """benchmarks/bench_engine.py's records (an audit by a township was refused once R20-7 landed)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import bench_engine
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    j = Jurisdiction.synthetic()
    recs = bench_engine.problems(policy, j, 400) + bench_engine.problems(policy, j, 400, seed=2, prefix="w")
    assert {r["discovered"]["channel"] for r in recs} == {"audit", "discipline_inspection"}
    a = policy.assess(recs, jurisdiction=j, today=TODAY)
    assert a.rejected == 0 and a.assessed == len(recs)
