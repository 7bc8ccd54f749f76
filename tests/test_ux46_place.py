"""A division code typed with a space or a separator is told its own digits (ux46): '330127 101000' was told
"must be digits only: write its 2, 4, 6, 9 or 12 digits (330127100219)" — the example, 富城村's code, which a user
copying it would have put in the record. who_answers and the batch path say the same."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from responsibility import Policy, ProblemError

from .asgi import county_client

ROOT = Path(__file__).resolve().parents[1]
RECORD: dict[str, Any] = json.loads((ROOT / "examples" / "records" / "problem.json").read_text("utf-8"))


@pytest.mark.parametrize(("typed", "digits"), [
    ("330127 101000", "330127101000"), ("330127-101000", "330127101000"),
    ("３３０１２７　１０１０００", "330127101000"), ("330127 101", "330127101")])
def test_a_code_with_a_space_is_told_its_own_digits(policy: Policy, typed: str, digits: str) -> None:
    record = {**RECORD, "place": typed}
    with pytest.raises(ProblemError) as caught:
        policy.who_answers(record)
    assert f"must be digits only: write {digits}, without spaces or separators" in str(caught.value), caught.value
    assert "330127100219" not in str(caught.value)
    assessed = policy.assess([record])
    assert assessed.rejects["reason"].tolist() == [str(caught.value)]


def test_a_code_that_is_no_digits_still_gets_the_example(policy: Policy) -> None:
    with pytest.raises(ProblemError, match=r"write its 2, 4, 6, 9 or 12 digits \(330127100219\)"):
        policy.who_answers({**RECORD, "place": "33012x"})


def test_the_service_s_place_query_says_it_in_the_same_words(tmp_path: Path) -> None:
    """`?place=330127 101000` was "is not a division code (2, 4, 6, 9 or 12 digits)", without the code to write."""
    pytest.importorskip("fastapi")
    from responsibility import Ledger

    Ledger.create(tmp_path / "l.db").close()
    with county_client("ux46", ledger=str(tmp_path / "l.db")) as client:
        r = client.get("/v1/ledger/alerts", params={"place": "330127 101000"},
                       headers={"Authorization": "Bearer secret-ux46"})
    assert r.status_code == 400, r.text
    err = r.json()["error"]
    assert err["field"] == "query.place", err
    assert err["message"] == "query parameter 'place': division code '330127 101000' must be digits only: write " \
        "330127101000, without spaces or separators", err
