"""A place's name where a level is due (``to_level: 文昌镇``) is told as a place's name: the levels the field takes,
the place's own, and where a body or the place is written (ux44; it was "did you mean '镇'")."""

from __future__ import annotations

import pytest

import responsibility
from responsibility import ProblemError

RECORD = {"id": "WC-1", "area": "water", "place": "330127101207", "severity": "serious",
          "discovered": {"level": "county", "channel": "hotline", "on": "2021-04-02"},
          "handled": [{"action": "assigned", "by_level": "county", "to_level": "township", "on": "2021-04-06"}],
          "deadline": "2021-05-06", "as_of": "2021-06-30"}


def test_a_townships_name_as_to_level_names_the_levels_and_to_body(policy: responsibility.Policy) -> None:
    record = {**RECORD, "handled": [{**RECORD["handled"][0], "to_level": "文昌镇"}]}
    with pytest.raises(ProblemError) as caught:
        policy.who_answers(record)
    said = str(caught.value)
    assert caught.value.field == "handled[0].to_level" and caught.value.code == "unknown_level"
    assert "'文昌镇' is a place's name (330127101000" in said
    assert "乡镇（街道） (township)" in said and "村 (village)" in said and "省 (province)" in said
    assert "文昌镇's is 乡镇（街道） (township)" in said
    assert "`handled[0].to_body`" in said and "`place`" in said
    # the bulk path rejects it with the same words
    rejected = policy.assess([record]).rejects
    assert list(rejected["reason"]) == [said] or said.endswith(str(rejected["reason"].iloc[0]).split(": ", 1)[-1])


def test_a_countys_name_as_discovered_level_points_at_discovered_body(policy: responsibility.Policy) -> None:
    record = {**RECORD, "discovered": {**RECORD["discovered"], "level": "淳安县"}}
    with pytest.raises(ProblemError, match=r"淳安县's is 县（市、区） \(county\); `discovered\.body`"):
        policy.who_answers(record)


def test_a_level_misspelled_is_still_guessed(policy: responsibility.Policy) -> None:
    record = {**RECORD, "discovered": {**RECORD["discovered"], "level": "县里"}}
    with pytest.raises(ProblemError, match="did you mean") as caught:
        policy.who_answers(record)
    assert "place's name" not in str(caught.value)
