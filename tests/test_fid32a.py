"""fid32a: supervision_scope own_and_shown_above (the default) — a level that is not grassroots presses a
rectification only where the record shows it had the problem (二(二)5 省市有关部门…指导督促基层; 一(一) 以县为主体), on
both engines and in bulk; the other choices answer as before."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from responsibility import Jurisdiction, Policy
from responsibility.engine._compile import SHOWN_SCOPE, compile_rules, shown_field, shown_ranks
from responsibility.engine._facts import derive
from responsibility.engine._problem import parse_problem

from .test_batch import TODAY, expected, got, ledger

VILLAGE = "330127100219"  # 富城村, 淳安县 (330127), 杭州市 (3301)


def county_hotline(**extra: Any) -> dict[str, Any]:
    """A county hotline's house, assigned by the county to its construction bureau and not renovated (F32A-1)."""
    return {"id": "h", "area": "housing", "kind": "housing_renovation_late", "place": VILLAGE, "severity": "serious",
            "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
            "handled": [{"action": "assigned", "by_level": "county", "to_level": "county",
                         "to_body": "county_construction", "on": "2021-03-02"}],
            "deadline": "2021-04-30", "as_of": "2021-06-30", **extra}


def province_found(**extra: Any) -> dict[str, Any]:
    """The province's inspection finds a house and assigns the county itself (F32A-7)."""
    return {**county_hotline(), "discovered": {"level": "province", "channel": "inspection_tour", "on": "2021-03-01"},
            "handled": [{"action": "assigned", "by_level": "province", "to_level": "county", "on": "2021-03-02"}],
            **extra}


def pressers(policy: Policy, record: dict[str, Any], engine: str = "compiled") -> set[tuple[str, str]]:
    """(level, body) of every supervision finding."""
    v = policy.who_answers(record, engine=engine)
    return {(f.level, f.body) for f in v.findings if f.basis == "supervision"}


def levels(found: set[tuple[str, str]]) -> set[str]:
    return {lv for lv, _ in found}


def test_the_default_is_own_and_shown_above_and_names_its_choice_in_chinese(policy: Policy) -> None:
    p = policy.parameters["supervision_scope"]
    assert policy.parameter("supervision_scope") == SHOWN_SCOPE
    assert p.choices is not None and "own_and_level_above" in p.choices
    assert p.choices_zh is not None and p.choices_zh[SHOWN_SCOPE] == "本级及上一已知悉层级"


@pytest.mark.parametrize("engine", ["compiled", pytest.param("durable", marks=pytest.mark.durable)])
def test_a_city_never_shown_the_problem_does_not_press_it(policy: Policy, engine: str) -> None:
    """F32A-1: before, 市建设部门 and 市扶贫办 answered 指导督促整改不到位 for a county's own find the city never
    saw."""
    got_levels = levels(pressers(policy, county_hotline(), engine))
    assert got_levels == {"county"}, got_levels
    v = policy.who_answers(county_hotline(), engine=engine)
    assert all("supervision_scope" in f.rests_on for f in v.findings if f.basis == "supervision")


@pytest.mark.parametrize("engine", ["compiled", pytest.param("durable", marks=pytest.mark.durable)])
@pytest.mark.parametrize("shows", [
    {"discovered": {"level": "city", "channel": "survey_verification", "on": "2021-03-01"},
     "handled": [{"action": "assigned", "by_level": "city", "to_level": "county", "on": "2021-03-02"}]},
    {"handled": [{"action": "reported", "by_level": "county", "to_level": "city", "on": "2021-03-02"},
                 {"action": "assigned", "by_level": "county", "to_level": "county", "to_body": "county_construction",
                  "on": "2021-03-03"}]},
    {"discovered": {"level": "province", "channel": "inspection_tour", "on": "2021-03-01"},
     "handled": [{"action": "assigned", "by_level": "province", "to_level": "county", "on": "2021-03-02"}],
     "concealed_by": ["city"]},
], ids=["found", "reported", "concealed"])
def test_a_city_the_record_shows_had_it_presses_and_the_province_does_not(policy: Policy, engine: str,
                                                                          shows: dict[str, Any]) -> None:
    found = pressers(policy, county_hotline(**shows), engine)
    assert ("city", "city_construction") in found and "province" not in levels(found), found


@pytest.mark.parametrize("engine", ["compiled", pytest.param("durable", marks=pytest.mark.durable)])
def test_the_nearest_level_shown_presses(policy: Policy, engine: str) -> None:
    """F32A-7: the province found it and assigned the county itself; the city was never shown it."""
    found = pressers(policy, province_found(), engine)
    assert ("province", "province_construction") in found and "city" not in levels(found), found


def test_the_other_choices_answer_as_before(policy: Policy) -> None:
    """own_and_level_above (the reading before), next_level, all_levels and none: the record's levels do not count."""
    before = policy.with_parameters(supervision_scope="own_and_level_above")
    assert levels(pressers(before, county_hotline())) == {"county", "city"}
    assert levels(pressers(before, province_found())) == {"county", "city"}
    every = policy.with_parameters(supervision_scope="all_levels")
    assert levels(pressers(every, county_hotline())) == {"county", "city", "province"}
    assert levels(pressers(policy.with_parameters(supervision_scope="next_level"), province_found())) == {"county"}
    assert pressers(policy.with_parameters(supervision_scope="none"), province_found()) == set()


def test_only_the_new_choice_compiles_rules_that_read_the_shown_levels(policy: Policy) -> None:
    fields = {shown_field(r) for r in shown_ranks(policy)}
    assert fields == {"shown4", "shown5"}  # city, province: the levels vocabulary.yaml does not mark grassroots

    def reads(p: Policy) -> int:
        return sum(1 for rule in compile_rules(p, ["housing"])["housing"] for c in rule.conds if c.field in fields)

    assert reads(policy) > 0
    for choice in ("own_and_level_above", "next_level", "all_levels", "none"):
        assert reads(policy.with_parameters(supervision_scope=choice)) == 0, choice


def test_a_fact_says_which_levels_above_it_the_record_shows(policy: Policy) -> None:
    j = Jurisdiction.example()

    def unrectified(p: Policy, record: dict[str, Any]) -> list[dict[str, Any]]:
        facts, _ = derive(parse_problem(record, p, j, dt.date(2021, 6, 30)), p)
        return [f for f in facts if f["t"] == "unrectified"]

    assert [(f["shown4"], f["shown5"]) for f in unrectified(policy, county_hotline())] == [(0, 0)]
    assert [(f["shown4"], f["shown5"]) for f in unrectified(policy, province_found())] == [(0, 1)]
    shown = county_hotline(handled=[{"action": "reported", "by_level": "county", "to_level": "city",
                                     "on": "2021-03-02"}, *county_hotline()["handled"]])
    assert [(f["shown4"], f["shown5"]) for f in unrectified(policy, shown)] == [(1, 0)]
    # under another choice the fields are there, and 0 (facts alike where no rule reads them)
    before = policy.with_parameters(supervision_scope="own_and_level_above")
    assert [(f["shown4"], f["shown5"]) for f in unrectified(before, province_found())] == [(0, 0)]


@pytest.fixture(scope="module")
def province() -> Jurisdiction:
    return Jurisdiction.synthetic(cities=2, counties=4, townships=10, villages=40, seed=3)


@pytest.mark.slow
@pytest.mark.parametrize("choice", [SHOWN_SCOPE, "own_and_level_above"])
def test_bulk_equals_who_answers_under_either_reading(policy: Policy, province: Jurisdiction, choice: str) -> None:
    """The shown levels ride on an unrectified fact's flag in the bulk path's template key (batch/_core.shown_bits)."""
    p = policy.with_parameters(supervision_scope=choice)
    records = ledger(p, province, 800, seed=32)
    a = p.assess(records, jurisdiction=province, today=TODAY)
    assert got(a) == expected(p, province, records, "compiled")
    pressing = {(row[3], row[8]) for row in got(a)[0]}
    assert ("city", "supervision") in pressing, sorted(pressing)
    if choice == SHOWN_SCOPE:
        # (own_and_level_above: the province presses only a city that is the assignee; the ledger's one was a city read
        # as the assignee of a county's problem only its own step showed it was passed — since fid47 a receipt to pass
        # down, pressing_level_assignment: pass_down — so none is left under that reading)
        assert ("province", "supervision") in pressing, sorted(pressing)


def test_bulk_keeps_records_that_show_a_level_on_the_fast_path(policy: Policy, province: Jurisdiction) -> None:
    """Such records are not rare (any step to or from the city): the bulk path decides them, it does not refer them."""
    import responsibility.batch._assessor as batch

    city = next(p.code for p in province if p.level == "city")
    county = next(p.code for p in province if p.level == "county" and p.code.startswith(city[:4]))
    village = next(p.code for p in province if p.level == "village" and p.code.startswith(county[:6]))
    records = [{**province_found(), "id": f"p{i}", "place": village} for i in range(50)] + \
        [{**county_hotline(), "id": f"c{i}", "place": village} for i in range(50)]
    assessor = batch.Assessor(policy, province, today=TODAY)
    results = [assessor.run(part) for part in batch.parts(records, assessor.t)]
    assert sum(r.referred for r in results) == 0
    a = policy.assess(records, jurisdiction=province, today=TODAY)
    assert got(a) == expected(policy, province, records, "compiled")
    supervision = {(row[1][0], row[3]) for row in got(a)[0] if row[8] == "supervision"}
    assert supervision == {("p", "county"), ("p", "province"), ("c", "county")}, supervision
