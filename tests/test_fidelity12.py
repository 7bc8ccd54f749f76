"""fidelity12: what the readings of session 12 decided, where a scenario file cannot say it (the Python API)."""

from __future__ import annotations

import datetime as dt

import pytest

import responsibility
from responsibility import Policy

#: A house renovation found by the county hotline in February 2020 and never assigned: judged only if the policy's
#: duties applied before then (policy_in_force_from).
EARLY = {"id": "e", "area": "housing", "kind": "housing_renovation_late", "place": "330127100219", "severity": "minor",
         "discovered": {"level": "village", "channel": "grid", "on": "2020-01-20"}, "as_of": "2020-01-31"}


def test_policy_in_force_from_takes_a_date(policy: Policy) -> None:
    """A day given as a datetime.date names the choice written YYYY-MM-DD (probe11 P11-13: it was refused with a
    message that showed the very choice, 'takes one of its choices: 2020-01-01, 2020-03-06; got 2020-01-01')."""
    early = policy.with_parameters(policy_in_force_from=dt.date(2020, 1, 1))
    assert early.parameter("policy_in_force_from") == "2020-01-01"
    assert early.what_if == {"policy_in_force_from": ("2020-03-06", "2020-01-01")}
    # the same answer as the choice written as text: the village's unreported find is judged from 1 January
    text = policy.with_parameters(policy_in_force_from="2020-01-01")
    assert [(f.body, f.basis) for f in early.who_answers(EARLY).findings] == \
        [(f.body, f.basis) for f in text.who_answers(EARLY).findings]
    assert any(f.basis == "not_handled" for f in early.who_answers(EARLY).findings)
    with pytest.raises(responsibility.RulesError, match=r"got 2020-02-01"):
        policy.with_parameters(policy_in_force_from=dt.date(2020, 2, 1))  # not a choice
