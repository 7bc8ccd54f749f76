"""fid46a: a step to a body with no part that the level it went to shows it had — one level up, and before the step.

check45 #3 (F1): 省财政 found poverty assets mismanaged at a village and handed them to 市教育局 (no part in
them: 二(四)7 gives assets to 扶贫、民宗, their funds to 财政); the city passed them to 县财政局 two days later.
省财政 answered 未按程序交办 (irregular_step) under both values of assignment_to_body_without_part, where the same
record with the province's step naming no body names no one at the province. The city keeps no lists (一(三) gives
the 台账 to 县级), but 三(二) 逐级传导压力，形成一级抓一级 makes it the level that passes the province's find on,
and 二(二)5 has it press the county: its own step down to a body with a part shows the province's step reached it
(engine/_facts.py ``_reached``).
check45 #3 (B2): 省审计 → 市财政局 (no part in water) → 县级统管单位 named 省水利, in no record, for the
province's step: the same reach; and where the county, not the city, acts, its own step to its unit shows the
province passed it down (``_shown_pass_down`` had read the county's step within itself as its being handed the problem).
check45 #5 (A12): the county assigned 县财政局 on 03-02, the city's step to 县民宗局 came on 03-03: 市财政局 answered
未按程序交办 for a step that changed nothing; the county had the problem and had sorted it (一(三)).
Each record's verdict equals its control's, under both values, on both engines; the batch equals who_answers.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from responsibility import Policy

from .verdicts import batch_and_answers, marked_by, verdict_under

UNRELATED = "assignment_to_body_without_part"
VALUES = ("set_aside", "level_receives")
ENGINES = ("compiled", "durable")
#: 富城村, 千岛湖镇, 淳安县
VILLAGE = "330127100219"


def _step(by: str, to: str, body: str | None = None, on: str = "2021-03-03", action: str = "assigned"
          ) -> dict[str, Any]:
    return {"action": action, "by_level": by, "to_level": to, "to_body": body, "on": on}


def _record(rid: str, area: str, kind: str, finder: dict[str, Any], handled: list[dict[str, Any]],
            **more: Any) -> dict[str, Any]:
    return {"id": rid, "area": area, "kind": kind, "place": VILLAGE, "severity": "minor", "discovered": finder,
            "handled": handled, "deadline": "2021-04-30", "as_of": "2021-06-30", **more}


def _nobody(record: dict[str, Any], body: str) -> dict[str, Any]:
    """The control: the same record with the step to ``body`` naming no body."""
    r = copy.deepcopy(record)
    r["id"] += "-x"
    r["handled"] = [{**h, "to_body": None} if h["to_body"] == body and h["by_level"] != h["to_level"] else h
                    for h in r["handled"]]
    return r


PROVINCE_FINANCE = {"level": "province", "channel": "survey_verification", "on": "2021-03-01",
                    "body": "province_finance"}
PROVINCE_AUDIT = {"level": "province", "channel": "audit", "on": "2021-03-01", "body": "province_audit"}
CITY_FINANCE = {"level": "city", "channel": "survey_verification", "on": "2021-03-01", "body": "city_finance"}


def _assets(rid: str, finder: dict[str, Any], handled: list[dict[str, Any]], **more: Any) -> dict[str, Any]:
    return _record(rid, "funds", "funds_assets_mismanaged", finder, handled, **more)


def _water(rid: str, handled: list[dict[str, Any]], **more: Any) -> dict[str, Any]:
    return _record(rid, "water", "water_emergency_failure", PROVINCE_AUDIT, handled, **more)


#: check45's F1: 省财政 → 市教育局 (03-03) → the city hands 县财政局 (03-05)
F1 = _assets("fid46a-f1", PROVINCE_FINANCE, [_step("province", "city", "city_education"),
                                             _step("city", "county", "county_finance", on="2021-03-05")])
#: … the city's step past its 10 days: that does not show whose the delay was (the city keeps no lists, 一(三)), and
#: assignment_to_body_without_part decides (check46 #3; tests/test_fid46c.py)
F1_LATE = _assets("fid46a-f1late", PROVINCE_FINANCE, [_step("province", "city", "city_education"),
                                                      _step("city", "county", "county_finance", on="2021-03-25")])
#: … no step of the city: nothing shows the step reached it (unchanged: irregular_step)
F1_ALONE = _assets("fid46a-f1alone", PROVINCE_FINANCE, [_step("province", "city", "city_education")])
#: check45's B2: 省审计 → 市财政局 (no part in water) → the city hands the county's unit
B2 = _water("fid46a-b2", [_step("province", "city", "city_finance"),
                          _step("city", "county", "county_water_supply_unit", on="2021-03-05")])
#: … the county, not the city, assigns its unit (control: the province's step naming no body)
B2_COUNTY = _water("fid46a-b2county", [_step("province", "city", "city_finance"),
                                       _step("county", "county", "county_water_supply_unit", on="2021-03-05")])
#: check45's A12: the county hands 县财政局 on 03-02; the city's step to 县民宗局 on 03-03
A12 = _assets("fid46a-a12", CITY_FINANCE, [_step("county", "county", "county_finance", on="2021-03-02"),
                                           _step("city", "county", "county_ethnic_religious")])
#: … the county's earlier step down to its township (naming no body), not to a body of its own
A12_DOWN = _assets("fid46a-a12down", CITY_FINANCE, [_step("county", "township", on="2021-03-02"),
                                                    _step("city", "county", "county_ethnic_religious")])
#: A12 without the city's step: the county's step the day after the city found it shows the city passed it down
A12_ALONE = _assets("fid46a-a12alone", CITY_FINANCE, [_step("county", "county", "county_finance", on="2021-03-02")])
#: (record, the body its control leaves out)
PAIRS = [(F1, "city_education"), (B2, "city_finance"),
         (A12, "county_ethnic_religious"), (A12_DOWN, "county_ethnic_religious")]


def _findings(v: Any) -> set[tuple[str, str, str, tuple[str, ...], frozenset[str]]]:
    return {(f.body, f.basis, f.liability, tuple(f.clauses), frozenset(f.rests_on)) for f in v.findings}


def _rests(v: Any) -> set[str]:
    return {i.id for i in v.interpretations}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("value", VALUES)
@pytest.mark.parametrize(("record", "body"), PAIRS, ids=lambda x: x["id"] if isinstance(x, dict) else x)
def test_the_step_reached_the_level_that_shows_it_had_it(policy: Policy, record: dict[str, Any], body: str,
                                                         value: str, engine: str) -> None:
    """一(四) 对发现问题没有按程序及时交办和上报的: the level the step went to shows, by its own step to a body with a
    part (or down), that it had the problem — the city passing the province's find on (三(二) 一级抓一级), the county
    that had sorted it already (一(三) 按照问题类别…列出…责任清单): the verdict equals the control's (the step naming
    no body) in bodies, bases, liabilities, clauses and what each rests on, and the verdict's interpretations, under
    either value; the body named with no part is never named."""
    v = verdict_under(policy, record, engine, **{UNRELATED: value})
    x = verdict_under(policy, _nobody(record, body), engine, **{UNRELATED: value})
    assert _findings(v) == _findings(x)
    assert _rests(v) == _rests(x)
    assert UNRELATED not in _rests(v)
    assert body not in {f.body for f in v.findings}


@pytest.mark.parametrize("value", VALUES)
def test_nobody_at_the_province_answers_for_a_step_the_city_passed_on(policy: Policy, value: str) -> None:
    """F1 and B2 (check45 #3): 省财政 and 省水利 (in no record: the province's holder of 省审计's find by
    receiving_level_body) answered 未按程序交办 (一(三), 一(四)); the city passed the problem to the county's body
    with a part two days later (二(四)3 县财政部门…对当地扶贫资产负全面监管责任; 二(六)5(3) 县级统管单位). Where the
    county, not the city, assigns its unit, the city shows nothing (the province's step stays irregular_step's), but the
    county's step to its unit shows the province passed it down in time, as a step naming no body does."""
    for record in (F1, B2, B2_COUNTY):
        v = verdict_under(policy, record, "compiled", **{UNRELATED: value})
        assert not [f for f in v.findings if f.level == "province"], record["id"]
        assert "irregular_step" not in _rests(v) or record is B2_COUNTY
    x = verdict_under(policy, _nobody(B2_COUNTY, "city_finance"), "compiled", **{UNRELATED: value})
    # (but pressing_level_assignment: in the control the city as a whole was handed the problem, and under assignee
    # its 市扶贫办 answers 整改不到位 instead of pressing — one failure, fid55 — so the control's pressing rests on that
    # reading; B2_COUNTY's step to 市财政, which has no part, makes no such assignee)
    def less(v: Any) -> set[Any]:
        return {(*f[:4], f[4] - {"pressing_level_assignment"}) for f in _findings(v)}
    assert less(verdict_under(policy, B2_COUNTY, "compiled", **{UNRELATED: value})) == less(x)
    # the city's late step rests on the parameter: set_aside, the province's step was no 交办 and it answers
    # 未按程序交办; level_receives, the city received it and its holder answers 未及时交办, as in the control
    late = verdict_under(policy, F1_LATE, "compiled", **{UNRELATED: value})
    f = next(f for f in late.findings if f.basis == "not_handled")
    if value == "level_receives":
        assert (f.body, f.level, f.clauses) == ("city_poverty_office", "city", ("一(三)", "一(四)", "二(二)5"))
    else:
        assert (f.body, f.level, f.clauses) == ("province_finance", "province", ("一(三)", "一(四)"))
    assert UNRELATED in f.rests_on


@pytest.mark.parametrize("engine", ENGINES)
def test_a_step_the_city_never_shows_is_still_irregular_step(policy: Policy, engine: str) -> None:
    """With no step of the city the record shows nothing of its holding: 省财政 answers 未按程序交办 (一(三), 一(四)) on
    irregular_step, as before, under either value — the parameter reads a level that rectifies the kind, not one that
    only presses, and the verdict does not rest on it."""
    for value in VALUES:
        v = verdict_under(policy, F1_ALONE, engine, **{UNRELATED: value})
        f = next(f for f in v.findings if f.body == "province_finance")
        assert (f.basis, f.liability, f.clauses) == ("not_handled", "staff", ("一(三)", "一(四)"))
        assert "irregular_step" in f.rests_on and UNRELATED not in _rests(v)


@pytest.mark.parametrize("value", VALUES)
def test_the_city_never_answers_for_a_step_that_changed_nothing(policy: Policy, value: str) -> None:
    """A12 (check45 #5): the county had handed 县财政局 the problem the day before the city's step to 县民宗局, and
    without that step the county's own hand-over the day after the city found it shows the city passed it down (as a
    county's step to its township does): 市财政局 answers no 未按程序交办 (一(三), 一(四)); its one finding is the
    pressing acting_departments_press gives it (二(二)5), as in the control, and 县财政局 answers 整改不到位."""
    for record in (A12, A12_ALONE):
        v = verdict_under(policy, record, "compiled", **{UNRELATED: value})
        assert not [f for f in v.findings if f.basis == "not_handled"], record["id"]
        assert all(f.basis == "supervision" and "acting_departments_press" in f.rests_on
                   for f in v.findings if f.body == "city_finance")
        assert ("county_finance", "not_rectified") in {(f.body, f.basis) for f in v.findings}


#: the bodies with no part the records' steps name
WRONG = ("city_education", "county_ethnic_religious")


@pytest.mark.parametrize("value", VALUES)
def test_batch_equals_who_answers(policy: Policy, value: str) -> None:
    """The batch path gives exactly what who_answers gives for these records and their controls (rows, reasons
    included), with 县委组织部 (no part even in the area) or 市卫健委 as the body the city or the province named too."""
    records = [r for record, body in PAIRS for r in (record, _nobody(record, body))] + [
        F1_ALONE, A12_ALONE, B2_COUNTY]
    organised = [copy.deepcopy(r) for r in (F1, A12, A12_DOWN)]
    for r in organised:
        r["id"] += "-org"
        r["handled"] = [{**h, "to_body": "county_organisation" if h["to_level"] == "county" else "city_health"}
                        if h["by_level"] != h["to_level"] and h["to_body"] in WRONG else h for h in r["handled"]]
    got, want = batch_and_answers(policy.with_parameters(**{UNRELATED: value}), records + organised)
    assert got == want
    assert not [row for row in got if row[2] == "province" and row[0] in (F1["id"], B2["id"], F1["id"] + "-org")]


def test_the_batch_sends_a_step_before_the_wrong_one_to_the_reference_path(policy: Policy) -> None:
    """batch/_core.astray_steps marks a record whose level made its own assignment before the wrong-body step too
    (A12_DOWN with 县委组织部: no other marker sends it), and not one whose level made none (F1_ALONE)."""
    org = copy.deepcopy(A12_DOWN)
    org["id"] += "-org"
    org["handled"][1]["to_body"] = "county_organisation"
    marked = marked_by(policy, [org, F1_ALONE], "astray_steps")
    assert org["id"] in marked
    assert F1_ALONE["id"] not in marked
