"""A record's day with no such month says so (ux46): 2021-13-01 was "is not a valid date (no such day)", while the
ledger's events and its import say "no month 13". who_answers and the batch path say the same."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from responsibility import Policy, ProblemError

ROOT = Path(__file__).resolve().parents[1]
RECORD: dict[str, Any] = json.loads((ROOT / "examples" / "records" / "problem.json").read_text("utf-8"))


@pytest.mark.parametrize(("day", "why"), [("2021-13-01", "no month 13); write the year, month and day"),
                                          ("2021-00-05", "no month 0); write the year, month and day"),
                                          ("2021-02-30", "no such day); write a day that exists")])
def test_a_day_with_no_such_month_says_which(policy: Policy, day: str, why: str) -> None:
    record = {**RECORD, "discovered": {**RECORD["discovered"], "on": day}}
    with pytest.raises(ProblemError) as caught:
        policy.who_answers(record)
    assert f"{day} is not a valid date ({why}, as YYYY-MM-DD" in str(caught.value), caught.value
    assert caught.value.code == "bad_date"
    assert policy.assess([record]).rejects["reason"].tolist() == [str(caught.value)]
