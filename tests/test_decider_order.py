"""A verdict does not depend on what its decider decided before it (lead36).

A decider keeps a plan per record shape; what the readings the text leaves open decide of a plan's findings
(``Decider.switched_rests``: a finding made only under the reading's current value rests on it) was kept with the
plan, from the first record of the shape. A reading's other value may make a part of the record count that the
shape leaves out (under rectifier_holding's other value a body holds a province's policy gap since the day it was
found and its 30 days run; a record 14 days old and one 46 days old have one shape), so the second record's verdict
said the first one's rests_on: which findings rested on a reading depended on the order of the decisions (and the
suite's tests comparing two ways of deciding failed now and then, on whatever a worker had decided before)."""

from __future__ import annotations

import json
import random
from typing import Any

import responsibility
from responsibility import Jurisdiction

from .conftest import RULES, fresh_load
from .strategies import channel_at


def province() -> Jurisdiction:
    """The batch tests' small synthetic province (where the records' places are)."""
    return Jurisdiction.synthetic(cities=2, counties=4, townships=10, villages=40, seed=3)


#: Two records of one shape (a province's audit finds a grave identification policy gap; nothing handled), 14 and
#: 46 days old: past the 30 days a holder has to rectify under rectifier_holding's other value only for the second.
YOUNG = {"id": "young", "domain": "identification", "kind": "identification_policy_gap", "place": "330103001203",
         "severity": "grave", "discovered": {"level": "province", "on": "2021-02-02", "channel": "audit"},
         "as_of": "2021-02-16"}
OLD = {**YOUNG, "id": "old", "place": "330101001201", "discovered": {"level": "province", "on": "2021-01-19",
                                                                     "channel": "audit"}, "as_of": "2021-03-06"}


def verdicts(records: list[dict[str, Any]], j: Jurisdiction, engine: str = "compiled") -> dict[str, str]:
    """Each record's ``to_dict`` as JSON, decided in the given order by a freshly loaded policy's decider."""
    policy = fresh_load(RULES)
    return {r["id"]: json.dumps(policy.who_answers(r, jurisdiction=j, engine=engine).to_dict(),  # type: ignore[arg-type]
                                ensure_ascii=False, sort_keys=True) for r in records}


def rests(verdict: str, reading: str) -> list[int] | None:
    """The findings resting on ``reading`` in a verdict's JSON (None: the verdict does not rest on it)."""
    got = [i["findings"] for i in json.loads(verdict)["interpretations"] if i["id"] == reading]
    return got[0] if got else None


def test_two_records_of_one_shape_rest_on_a_reading_as_each_does_alone() -> None:
    j = province()
    young, old = verdicts([YOUNG], j)["young"], verdicts([OLD], j)["old"]
    # what the test needs: the two differ in what rests on the reading, though one shape
    assert rests(young, "rectifier_holding") != rests(old, "rectifier_holding")
    for engine in ("compiled", "durable"):
        both = verdicts([YOUNG, OLD], j, engine)
        assert both["old"] == verdicts([OLD], j, engine)["old"]
        both = verdicts([OLD, YOUNG], j, engine)
        assert both["young"] == verdicts([YOUNG], j, engine)["young"]


def test_verdicts_do_not_depend_on_the_order_of_decisions() -> None:
    j = province()
    policy = fresh_load(RULES)
    rnd = random.Random(36)
    villages = [p.code for p in j.at_level("village")]
    levels = ["village", "township", "county", "city", "province"]
    records: list[dict[str, Any]] = [YOUNG, OLD]
    for i in range(300):
        found = rnd.randrange(1, 5)
        on = 1 + rnd.randrange(28)
        rec: dict[str, Any] = {
            "id": f"o{i}", "domain": rnd.choice(policy.problem_areas), "place": rnd.choice(villages),
            "severity": rnd.choice(["minor", "serious", "grave"]),
            "discovered": {"level": levels[found], "on": f"2021-02-{on:02d}",
                           "channel": channel_at(policy, "audit", levels[found])},
            "as_of": f"2021-{rnd.choice([3, 4, 6]):02d}-{on:02d}"}
        if rnd.random() < 0.5:
            rec["handled"] = [{"action": "assigned", "by_level": levels[found],
                               "to_level": levels[rnd.randrange(0, found + 1)], "on": f"2021-02-{on:02d}"}]
        records.append(rec)
    forward = verdicts(records, j)
    backward = verdicts(records[::-1], j)
    assert [k for k in forward if forward[k] != backward[k]] == []
    # (the sample has verdicts with findings resting on readings, which are what the order moved)
    assert sum(any(i["type"] == "parameter" and i["findings"] for i in json.loads(v)["interpretations"])
               for v in forward.values()) > 100


def test_a_reading_asked_for_at_its_own_value_is_decided_at_that_value(policy: responsibility.Policy) -> None:
    # Decider._flipped gave the view with a bool parameter turned the other way whatever value was asked for: asked for
    # the value the policy already has, it answered under the other one.
    from responsibility.engine._decide import Decider

    d = Decider(policy)
    name = next(p.id for p in policy.data.parameters if p.type == "bool")
    current = policy.parameter(name)
    assert d._flipped(name, current).policy.parameter(name) == current
    assert d._flipped(name, not current).policy.parameter(name) == (not current)
