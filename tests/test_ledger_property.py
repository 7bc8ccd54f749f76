"""Property: the ledger's 责任清单 says who answers exactly as ``who_answers`` does on the folded record,
and folding a problem's events gives back the record they were made from."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("sqlalchemy", reason="the ledger needs the 'ledger' extra")

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from responsibility import Jurisdiction, Ledger, Policy, ProblemError
from responsibility.ledger import events_from_record as to_events
from tests.strategies import problems


def _rows(frame: Any) -> list[tuple[str, ...]]:
    return sorted(tuple(str(r[c]) for c in ("level", "body", "body_place", "basis", "liability", "clauses"))
                  for _, r in frame.iterrows())


@pytest.mark.slow
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(data=st.data())
def test_responsibility_list_agrees_with_who_answers(policy: Policy, tmp_path: Path, data: st.DataObject) -> None:
    jurisdiction = Jurisdiction.example()
    records = data.draw(st.lists(problems(policy, jurisdiction), min_size=1, max_size=6,
                                 unique_by=lambda r: r["id"]))
    path = tmp_path / f"p{uuid.uuid4().hex}.db"  # a failing example leaves its file; the next must not meet it
    with Ledger.create(str(path), policy=policy, jurisdiction=jurisdiction) as ledger:
        for record in records:
            try:
                ledger.append(to_events(record), entered_by="hypothesis")
            except ProblemError as exc:
                # The ledger puts a deadline on the assignment that sets it; a record whose one deadline
                # falls before its latest assignment has no such story. Nothing else may be refused.
                assert exc.field == "deadline", exc
                continue
            as_of = dt.date.fromisoformat(record["as_of"])
            folded = ledger.record(record["id"], as_of)
            expected = policy.who_answers(record, jurisdiction=jurisdiction, engine="compiled")
            again = policy.who_answers(folded, jurisdiction=jurisdiction, engine="compiled")
            assert [f.to_dict() for f in again.findings] == [f.to_dict() for f in expected.findings]
            resp = ledger.responsibilities(as_of)
            answers = resp[(resp["problem"] == record["id"]) & (resp["role"] == "answers")]
            want = sorted((f.level, f.body, f.place, f.basis, f.liability, ";".join(f.clauses))
                          for f in expected.findings)
            assert _rows(answers) == want
        path.unlink(missing_ok=True)
