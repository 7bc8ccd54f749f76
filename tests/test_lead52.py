"""check52 Z1: a level whose step within its limit went to a body the text gives no part in the problem (irregular_step
sets it aside: a township's report of a dangerous house to 县教育局 on day 2) is told that the step did not count, not
that it should have reported (irregular_step's own text: 「a level whose report upward was set aside is told that the
report did not count, not that it did not report」). Its finding stays (the default reads such a report as none;
report_to_oversight=any_receiver counts it), and says so on both engines and in the batch.
"""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Policy

from .verdicts import batch_and_answers
from .verdicts import verdict_under as verdict

ENGINES = ("compiled", "durable")
NOT_COUNTED = "其交办或报送的对象对该问题无职责，未计为交办上报"
SHOULD_REPORT = "未在10天内按程序交办或上报（问题超出本级办理权限"


def _sent(rid: str, area: str, kind: str, to_body: str, action: str = "reported") -> dict[str, Any]:
    return {"id": rid, "area": area, "kind": kind, "place": "330127100219",
            "discovered": {"level": "township", "channel": "grid", "on": "2021-03-01"},
            "handled": [{"action": action, "by_level": "township", "to_level": "county", "to_body": to_body,
                         "on": "2021-03-03"}],
            "as_of": "2021-04-01"}


SENT = [_sent("lead52-Z1", "housing", "housing_renovation_late", "county_education"),
        _sent("lead52-Z4", "water", "water_unsafe_unreported", "county_education")]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("record", SENT, ids=lambda r: r["id"])
def test_a_step_to_a_body_with_no_part_is_said_not_to_have_counted(policy: Policy, engine: str,
                                                                   record: dict[str, Any]) -> None:
    v = verdict(policy, record, engine)
    township = [f for f in v.findings if f.body == "township_government" and f.basis == "not_handled"]
    assert township, [(f.body, f.basis) for f in v.findings]
    for f in township:
        assert NOT_COUNTED in f.reason and SHOULD_REPORT not in f.reason, f.reason
        assert "irregular_step" in f.rests_on


@pytest.mark.parametrize("engine", ENGINES)
def test_a_report_to_the_right_body_is_no_finding_of_the_township(policy: Policy, engine: str) -> None:
    """The control: the same report to 县建设局 passes the problem on; the township is not named."""
    record = _sent("lead52-Z1-right", "housing", "housing_renovation_late", "county_construction")
    v = verdict(policy, record, engine)
    assert not [f for f in v.findings if f.body == "township_government"]


@pytest.mark.parametrize("engine", ENGINES)
def test_any_receiver_counts_the_report(policy: Policy, engine: str) -> None:
    v = verdict(policy, SENT[0], engine, report_to_oversight="any_receiver")
    assert not [f for f in v.findings if f.body == "township_government"]


def test_within_authority_reports_keep_their_own_words(policy: Policy) -> None:
    """The two set-aside readings are told apart: a record whose step went to a body with no part must not be given
    the rows of one whose report up was within its authority (the plan shares rows by the set-aside positions)."""
    v = verdict(policy, SENT[0], "compiled")
    assert not any("问题未超出本级办理权限" in f.reason for f in v.findings)


@pytest.mark.parametrize("value", ["level_receives", "any_receiver"])
def test_batch_equals_who_answers(policy: Policy, value: str) -> None:
    got, want = batch_and_answers(policy.with_parameters(report_to_oversight=value), SENT)
    assert got == want
