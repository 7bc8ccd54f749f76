"""fidelity18 (engine18): every answer says what it rests on — a verdict's findings, ``--explain`` and ``route``
name the parameters and readings that decided them (review17 D4, D5; review17c F5, K4)."""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Policy

#: A house renovation found by the county mayor's hotline, never passed on as the record shows.
HOTLINE: dict[str, Any] = {"id": "d4", "area": "housing", "kind": "housing_renovation_late", "place": "330127",
                           "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
                           "as_of": "2021-06-30"}
ENGINES = ("durable", "compiled")


def rests(policy: Policy, record: dict[str, Any], engine: str) -> dict[tuple[str, str], tuple[str, ...]]:
    return {(f.body, f.basis): f.rests_on for f in policy.who_answers(record, engine=engine).findings
            if f.liability == "staff"}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("fix", "extra", "rests_on_limit"), [
    ("2021-04-15", {}, True),                           # after day 40: the limit decided that the county answers
    ("2021-05-20", {"deadline": "2021-05-31"}, True),   # a deadline with no assignment is not the assignment's
    (None, {}, False),                                  # never rectified: the limit decides nothing here
])
def test_a_late_fix_decided_by_the_rectification_limit_is_said(policy: Policy, engine: str, fix: str | None,
                                                              extra: dict[str, Any], rests_on_limit: bool) -> None:
    """review17 D4: a level answers for not passing on a problem rectified after handling_time_limit_days +
    rectification_time_limit_days of its holding it; the finding rests on the rectification limit (it listed only
    the handling limit, and --explain said of the rectification limit "据此未另认定主体")."""
    record = {**HOTLINE, **extra, **({"rectified_on": fix} if fix else {})}
    got = rests(policy, record, engine)
    for body in ("county_construction", "county_poverty_office"):
        assert "handling_time_limit_days" in got[(body, "not_handled")]
        assert ("rectification_time_limit_days" in got[(body, "not_handled")]) is rests_on_limit
    text = policy.who_answers(record, engine=engine).explain()
    line = next((x for x in text.splitlines() if x.startswith("  rectification_time_limit_days")), None)
    if rests_on_limit:
        assert line is not None and "#1、#2" in line and "据此未另认定主体" not in line
    # with a longer limit the same record is evidently handled: the parameter is what decided it
    if fix:
        longer = policy.with_parameters(rectification_time_limit_days=90)
        assert not [f for f in longer.who_answers(record, engine=engine).findings if f.basis == "not_handled"]


@pytest.mark.parametrize("engine", ENGINES)
def test_the_rectification_limit_marks_only_the_level_it_decided(policy: Policy, engine: str) -> None:
    """A township that found the problem and reported it in time is not marked; the county, which held it and
    shows no step, is (the mark is the level's, not the verdict's)."""
    record = {**HOTLINE, "place": "330127100219",
              "discovered": {"level": "township", "channel": "grid", "on": "2021-03-01"},
              "handled": [{"action": "reported", "by_level": "township", "to_level": "county", "on": "2021-03-02"}],
              "rectified_on": "2021-04-25"}
    got = rests(policy, record, engine)
    assert "rectification_time_limit_days" in got[("county_construction", "not_handled")]
    assert not any("rectification_time_limit_days" in r for (b, basis), r in got.items() if basis != "not_handled")


def test_a_scenario_pattern_names_what_a_finding_rests_on(policy: Policy, tmp_path: Any) -> None:
    """A scenario's pattern may say what a finding rests on (``rests_on``: among the finding's); an id the policy
    does not have is refused with a suggestion, as an unknown clause is (a forbidden pattern would pass vacuously)."""
    from responsibility import RulesError
    from responsibility.checks._scenarios import load_scenarios, run_scenario

    text = """scenarios:
- name: x
  problem: {id: x, area: housing, kind: housing_renovation_late, place: '330127',
            discovered: {level: county, channel: hotline, 'on': '2021-03-01'}, rectified_on: '2021-04-15',
            as_of: '2021-06-30'}
  expect:
    findings: [{body: county_construction, rests_on: [RESTS]}]
"""
    good = tmp_path / "good.scenarios.yaml"
    good.write_text(text.replace("RESTS", "rectification_time_limit_days"), encoding="utf-8")
    assert run_scenario(load_scenarios(good, policy)[0], policy).passed
    wrong = tmp_path / "wrong.scenarios.yaml"
    wrong.write_text(text.replace("RESTS", "supervision_scope"), encoding="utf-8")
    assert not run_scenario(load_scenarios(wrong, policy)[0], policy).passed
    bad = tmp_path / "bad.scenarios.yaml"
    bad.write_text(text.replace("RESTS", "rectification_time_limit_day"), encoding="utf-8")
    with pytest.raises(RulesError, match="rectification_time_limit_days"):
        load_scenarios(bad, policy)
