"""A record's every error, and a day with an invisible character (ux47; the patch ux47-engine-records.patch)."""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Ledger, ProblemError

_BASE = {"id": "T2", "area": "housing", "place": "330127100219", "as_of": "2021-06-30"}


def _refusal(policy: Any, record: dict[str, Any]) -> ProblemError:
    with pytest.raises(ProblemError) as info:
        policy.who_answers(record)
    return info.value


def test_every_error_of_a_record_is_said_with_its_field(policy: Any) -> None:
    record = {**_BASE, "discovered": {"level": "county", "on": "2021-13-01"},
              "handled": [{"action": "assigned", "by_level": "county", "to_level": "township", "on": "2021-02-30"}]}
    exc = _refusal(policy, record)
    assert (exc.field, exc.code) == ("discovered.channel", "missing_field")  # the first, as before
    assert str(exc) == ("problem 'T2', field 'discovered.channel': is required; also field 'discovered.on': "
                        "2021-13-01 is not a valid date (no month 13); write the year, month and day, as YYYY-MM-DD; "
                        "field 'handled[0].on': 2021-02-30 is not a valid date (no such day); write a day that exists, "
                        "as YYYY-MM-DD")
    # the batch says the same words of it
    rejected = policy.assess([record]).rejects
    assert list(rejected["reason"]) == [str(exc)]


def test_a_misspelt_field_is_not_also_told_missing(policy: Any) -> None:
    exc = _refusal(policy, {**_BASE, "discover": {"level": "county", "channel": "grid", "on": "2021-03-01"}})
    assert str(exc) == "problem 'T2', field 'discover': unknown field; did you mean 'discovered'?"


@pytest.mark.parametrize(("day", "said"), [
    ("2021-03-01\u200b", "'2021-03-01\\u200b' holds an invisible character, U+200B (ZERO WIDTH SPACE), after "
                         "'2021-03-01'; delete it (retyping the day removes it): write 2021-03-01 (YYYY-MM-DD)"),
    ("\ufeff2021-03-01", "U+FEFF (ZERO WIDTH NO-BREAK SPACE), before the day; delete it"),
    ("2021\u201003\u201001", "holds '\u2010' (U+2010, HYPHEN) (and 1 more such) after '2021', which looks like the '-' "
                             "of a day and is not it; type the '-' on the keyboard: write 2021-03-01 (YYYY-MM-DD)"),
])
def test_a_day_with_a_character_no_day_holds_names_it(policy: Any, day: str, said: str) -> None:
    exc = _refusal(policy, {**_BASE, "discovered": {"level": "county", "channel": "grid", "on": day}})
    assert exc.field == "discovered.on" and exc.code == "bad_date" and said in str(exc)


def test_a_ledger_event_s_day_names_it_too(tmp_path: Any) -> None:
    led = Ledger.create(str(tmp_path / "z.db"))
    with pytest.raises(ProblemError, match=r"holds an invisible character, U\+200B \(ZERO WIDTH SPACE\)"):
        led.append({"problem": "Z1", "type": "registered", "on": "2021-03-01\u200b", "area": "housing",
                    "place": "330127100219"}, entered_by="me")
