"""A record nested deeper than any problem record is rejected alone (review22b R22b-4): a cycle or a
5,000-deep value recursed into ended the whole batch with a RecursionError."""

from __future__ import annotations

import copy
from typing import Any

import responsibility
from responsibility import Policy

GOOD: dict[str, Any] = {
    "id": "g", "area": "housing", "kind": "housing_renovation_late", "place": "330127100219",
    "severity": "serious", "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
    "handled": [{"action": "assigned", "by_level": "county", "to_level": "township", "on": "2021-03-03"}],
    "as_of": "2021-06-30",
}


def _policy() -> Policy:
    return responsibility.load()


def test_a_cyclic_record_is_rejected_and_the_others_assessed() -> None:
    cyc = copy.deepcopy(GOOD) | {"id": "cyc"}
    cyc["handled"][0]["self"] = cyc
    a = _policy().assess([GOOD, cyc, {**GOOD, "id": "g2"}])
    assert (a.records, a.assessed, a.rejected) == (3, 2, 1)
    (reject,) = list(a.rejects.itertuples())
    assert reject.record == 1 and reject.code == "bad_json"
    assert "nested more than" in reject.reason and len(reject.field) <= 61


def test_a_very_deep_value_is_rejected_and_the_others_assessed() -> None:
    deep = copy.deepcopy(GOOD) | {"id": "deep"}
    x = deep
    for _ in range(5000):
        x["description"] = {}
        x = x["description"]
    a = _policy().assess([deep, GOOD])
    assert (a.records, a.assessed, a.rejected) == (2, 1, 1)
    assert list(a.rejects["code"]) == ["bad_json"]
