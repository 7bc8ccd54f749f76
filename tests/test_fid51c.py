"""fid51c: over-blames found by check51b and review51, read against the text.

1. A body the record itself names as an assignee answers for that 交办 whoever's part failed (一(四)
   对交办问题整改落实不到位的; each body a level handed the problem answers, probe8 P8-09, fidelity12 G3c): its
   not_rectified finding does not rest on sectorless_alternatives, which names the same under either value (check51b
   #2, Y13: the county hands 县财政 and then 县建设 a housing subsidy, no sector; both findings cited the parameter).
"""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Policy

from .verdicts import batch_and_answers, found
from .verdicts import verdict_under as verdict

ENGINES = ("compiled", "durable")
SECTORLESS = "sectorless_alternatives"

# ------------------------------------------------------------------ 1. named assignees of a sectorless record


def _in_turn(rid: str, second_on: str = "2021-03-05") -> dict[str, Any]:
    """check51b Y13: a county hotline find of a housing subsidy problem, no sector, handed to 县财政 then 县建设."""
    return {
        "id": rid, "area": "housing", "kind": "housing_subsidy_irregular", "place": "330127100219",
        "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
        "handled": [
            {"action": "assigned", "by_level": "county", "to_level": "county", "on": "2021-03-02",
             "to_body": "county_finance"},
            {"action": "assigned", "by_level": "county", "to_level": "county", "on": second_on,
             "to_body": "county_construction"},
        ],
        "deadline": "2021-04-30", "as_of": "2021-06-30",
    }


IN_TURN = [_in_turn("fid51c-Y13"), _in_turn("fid51c-Y13-same-day", "2021-03-02")]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("value", ["unresolved", "every_holder"])
def test_a_named_assignee_s_finding_does_not_rest_on_sectorless(policy: Policy, engine: str, value: str) -> None:
    for record in IN_TURN:
        v = verdict(policy, record, engine, **{SECTORLESS: value})
        named = {f.body: f for f in v.findings if f.basis == "not_rectified"}
        assert set(named) == {"county_construction", "county_finance"}, (record["id"], found(v))
        assert not any(SECTORLESS in f.rests_on for f in named.values()), record["id"]


@pytest.mark.parametrize("value", ["unresolved", "every_holder"])
def test_in_turn_batch_equals_who_answers(policy: Policy, value: str) -> None:
    got, want = batch_and_answers(policy.with_parameters(**{SECTORLESS: value}), IN_TURN)
    assert got == want

