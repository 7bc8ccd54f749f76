"""Lead's session-28 tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from responsibility import Jurisdiction, Ledger, Policy
from responsibility.ledger import events_from_record

# test_ledger_property's failing example (fresh-clone CI of 9704345): two assignments on the latest day, the record's
# one deadline that day; the ledger reads the first of the day as the latest assignment, and the deadline was put on
# the second, so the folded record had none and the township answered 整改不到位 a day after it was handed the problem.
RECORD: dict[str, Any] = {
    "id": "p0", "area": "basic_needs", "place": "330102001000", "severity": "minor",
    "discovered": {"level": "county", "channel": "audit", "on": "2021-01-01"},
    "handled": [{"action": "assigned", "by_level": "county", "to_level": "township", "on": "2021-01-01"},
                {"action": "assigned", "by_level": "county", "to_level": "township", "on": "2021-02-01"},
                {"action": "assigned", "by_level": "county", "to_level": "township", "on": "2021-02-01"}],
    "deadline": "2021-02-01", "as_of": "2021-02-01"}


def test_the_deadline_goes_with_the_first_assignment_of_the_latest_day() -> None:
    events = events_from_record(RECORD)
    carrying = [e for e in events if "deadline" in e]
    assert len(carrying) == 1
    assert carrying[0]["type"] == "assigned" and carrying[0]["on"] == "2021-02-01"
    assert carrying[0] is [e for e in events if e["type"] == "assigned"][1]


def test_a_record_told_as_events_folds_back_to_its_verdict(policy: Policy, tmp_path: Path) -> None:
    j = Jurisdiction.example()
    with Ledger.create(str(tmp_path / "l.db"), policy=policy, jurisdiction=j) as ledger:
        ledger.append(events_from_record(RECORD), entered_by="test")
        folded = ledger.record("p0", dt.date(2021, 2, 1))
    assert folded.get("deadline") == "2021-02-01"
    want = policy.who_answers(RECORD, jurisdiction=j, engine="compiled")
    got = policy.who_answers(folded, jurisdiction=j, engine="compiled")
    assert [f.to_dict() for f in got.findings] == [f.to_dict() for f in want.findings]
