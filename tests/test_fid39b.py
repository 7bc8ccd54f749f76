"""A level that only presses those below hands what it found to a department of its own, which sits on it (session 39,
fid39b; review39 F1).

By pressing_level_assignment (pass_down) a city or province that for the kind only presses those below (二(二)5
省市有关部门…负责指导督促基层问题发现和整改) receives an assignment from the level above as a receipt to pass down; an
assignment of its own, within its limit, to a department of its own with a part in the kind is read the same way
(engine/_facts.py derive's ``handover``): the department holds the problem from that day and answers for not passing
it down (一(四) 对发现问题没有按程序及时交办和上报的，追究相关工作人员责任 — the record shows who held it), and the body
receiving_level_body chose to stand for the level before (the 扶贫办) does not. The bulk path sends such records to the
reference path (batch/_core.own_level_receipts) and gives the same findings.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest

from responsibility import Jurisdiction, Policy

from .test_batch import TODAY, expected, got, ledger
from .test_fid28a import ENGINES, PLACE, found

#: review39 F1: the city's audit finds a late house renovation and hands it to 市住建部门 two days later; nothing more.
F1: dict[str, Any] = {
    "id": "F1", "area": "housing", "kind": "housing_renovation_late", "place": PLACE,
    "discovered": {"level": "city", "channel": "audit", "on": "2021-03-01"},
    "handled": [{"action": "assigned", "by_level": "city", "to_level": "city", "to_body": "city_construction",
                 "on": "2021-03-03"}],
    "as_of": "2021-06-30"}


def _with(**changes: Any) -> dict[str, Any]:
    r = copy.deepcopy(F1)
    r.update(changes)
    return r


def _handed(on: str, body: str = "city_construction", *later: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"action": "assigned", "by_level": "city", "to_level": "city", "to_body": body, "on": on}, *later]


DOWN = {"action": "assigned", "by_level": "city", "to_level": "county", "to_body": "county_construction"}


@pytest.mark.parametrize("engine", ENGINES)
def test_the_department_handed_it_answers_and_the_office_does_not(policy: Policy, engine: str) -> None:
    # fails before: 市扶贫办 not_handled, 市住建部门 nowhere
    city = {x for x in found(policy, F1, engine) if x[0].startswith("city_")}
    assert city == {("city_construction", "not_handled")}


def test_its_reason_counts_from_the_day_it_was_handed_it(policy: Policy) -> None:
    # fails before: the 扶贫办's reason, from the audit's day
    (f,) = [f for f in policy.who_answers(F1).findings if f.level == "city"]
    assert "2021-03-03" in f.to_dict()["reason"]
    assert any(i.id == "pressing_level_assignment" for i in policy.who_answers(F1).interpretations)


@pytest.mark.parametrize(("handled", "city"), [
    # its own limit runs from its day: passed down on the city's day 16, its day 8 — nobody at the city (fails before)
    (_handed("2021-03-09", "city_construction", {**DOWN, "on": "2021-03-17"}), set()),
    # passed down on its day 22: it answers, not the office (fails before)
    (_handed("2021-03-03", "city_construction", {**DOWN, "on": "2021-03-25"}), {("city_construction", "not_handled")}),
    # handed after the city's limit: the level held it unpassed past it, as before (R-sat, fidelity12 G3c) — through
    # no body the record shows before 03-20: the role once (receiving_level_body, review41b D1); 市住建 sat on it after
    (_handed("2021-03-20"), {("city_sector_department", "not_handled"), ("city_construction", "not_handled")}),
    # handed to a body with no part in a house (一(三) 按照问题类别…分类交办): no 交办, as before (irregular_step); the
    # city's holder is 市住建, the department 二(六)4(6) ties to the work (receiving_level_body, review41b D1)
    (_handed("2021-03-03", "city_education"), {("city_construction", "not_handled")}),
])
def test_which_body_of_the_city_answers(policy: Policy, handled: list[dict[str, Any]],
                                        city: set[tuple[str, str]]) -> None:
    got_city = {x for x in found(policy, _with(handled=handled)) if x[0].startswith("city_") and x[1] == "not_handled"}
    assert got_city == city


def _same_level_records(policy: Policy, j: Jurisdiction) -> list[Any]:
    """Seeded ledger records with an assignment by a level to a named body of its own (the shape the hand-over
    reads), and the same records with every such step moved two days after the finding, inside the limit."""
    out = []
    for r in ledger(policy, j, 4000, seed=39):
        steps = r.get("handled") if isinstance(r, dict) else None
        if not isinstance(steps, list) or not any(
                isinstance(s, dict) and s.get("action") == "assigned" and s.get("by_level") == s.get("to_level")
                and s.get("to_body") for s in steps):
            continue
        out.append(r)
        # (the finder's own such step, two days after the finding: within its limit)
        early = copy.deepcopy(r)
        early["id"] = f"{r['id']}-early"
        two = (dt.date.fromisoformat(r["discovered"]["on"]) + dt.timedelta(days=2)).isoformat()
        for s in early["handled"]:
            if s.get("by_level") == s.get("to_level") == r["discovered"]["level"] and s.get("to_body"):
                s["on"] = two
        out.append(early)
    return out


def test_bulk_equals_who_answers_on_same_level_hand_overs(policy: Policy) -> None:
    j = Jurisdiction.example()
    records = [F1, _with(id="F1-late", handled=_handed("2021-03-03", "city_construction",
                                                           {**DOWN, "on": "2021-03-25"}))]
    a = policy.assess(records, jurisdiction=j, today=TODAY)
    # fails before: the bulk path named 市扶贫办 as who_answers did
    assert {(row[1], row[4]) for row in got(a)[0] if row[3] == "city" and row[8] == "not_handled"} == {
        ("F1", "city_construction"), ("F1-late", "city_construction")}
    assert got(a) == expected(policy, j, records, "compiled")


@pytest.mark.slow
def test_bulk_equals_who_answers_on_seeded_same_level_steps(policy: Policy) -> None:
    province = Jurisdiction.synthetic(cities=2, counties=4, townships=10, villages=40, seed=3)
    records = _same_level_records(policy, province)
    assert len(records) > 300
    assert got(policy.assess(records, jurisdiction=province, today=TODAY)) == \
        expected(policy, province, records, "compiled")
