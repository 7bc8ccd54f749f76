"""Session 64's lead: a record's date given as Excel's day number with a time (hostile65 left it to the engine)."""

from __future__ import annotations

from typing import Any

import pytest

import responsibility
from responsibility import ProblemError

POLICY = responsibility.load()


def _record(on: Any) -> dict[str, Any]:
    return {"id": "x", "area": "housing", "kind": "housing_danger_unreported", "place": "330127100219",
            "discovered": {"level": "village", "channel": "grid", "on": on}}


@pytest.mark.parametrize("on", ["44256.5", 44256.5, "４４２５６.５"])
def test_a_day_number_with_a_time_is_told_the_day_it_counts(on: Any) -> None:
    with pytest.raises(ProblemError) as err:
        POLICY.who_answers(_record(on))
    assert err.value.code == "bad_date" and err.value.field == "discovered.on"
    assert "is how Excel counts the day 2021-03-01 at 12:00" in str(err.value) and "write 2021-03-01" in str(err.value)


@pytest.mark.parametrize(("on", "said"), [
    ("44256", "44256 is how Excel counts the day 2021-03-01 when"),  # (a whole day number: as before)
    ("99999.5", "99999.5 is not a date"),  # (no day counts so far: not told a day)
    (float("nan"), "not as"),
])
def test_other_numbers_keep_their_words(on: Any, said: str) -> None:
    with pytest.raises(ProblemError) as err:
        POLICY.who_answers(_record(on))
    assert err.value.code == "bad_date" and said in str(err.value), str(err.value)
