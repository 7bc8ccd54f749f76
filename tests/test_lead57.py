"""A record's text holding a character no record text holds says which one, where, and what to do (hostile58 #1).

It was ``contains a control character ('\\u56f0\\u96be\\u5bb6\\u5ead\\u5371\\u623f\\x0)``: the whole value run through
``ascii()`` and cut at 40 characters (Han as escapes, cut mid-escape), no character named, nothing to do — and a
zero-width space called a control character with nothing said of why the value looks right.
"""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Policy, ProblemError

RECORD: dict[str, Any] = {
    "id": "x1", "area": "housing", "kind": "housing_renovation_late", "place": "330127100219",
    "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"}, "as_of": "2021-04-30"}


@pytest.mark.parametrize(("field", "value", "said"), [
    ("place", "330127\u200b100219", "contains an invisible control character, U+200B (ZERO WIDTH SPACE), after "
     "'330127' ('330127\\u200b100219'); delete it (retyping the value removes it)"),
    ("kind", "困难家庭危房\x00改造不及时", "contains a control character, U+0000, after '困难家庭危房' "
     "('困难家庭危房\\x00改造不及时'); delete it"),
    ("id", "a\u2028b", "contains a line or paragraph separator, U+2028 (LINE SEPARATOR), after 'a' ('a\\u2028b'); "
     "delete it"),
    ("id", "\u034fab", "contains an invisible character, U+034F (COMBINING GRAPHEME JOINER), at the start"),
], ids=["zero-width-space", "nul-in-han", "line-separator", "grapheme-joiner"])
def test_an_odd_character_is_named_placed_and_told_what_to_do(policy: Policy, field: str, value: str,
                                                               said: str) -> None:
    with pytest.raises(ProblemError) as e:
        policy.who_answers({**RECORD, field: value})
    assert e.value.code == "bad_value" and e.value.field == field
    assert said in str(e.value), str(e.value)
    assert "\\u56f0" not in str(e.value)


def test_the_batch_rejects_it_with_the_same_words(policy: Policy) -> None:
    bad = {**RECORD, "id": "x2", "kind": "困难家庭危房\x00改造不及时"}
    got = policy.assess([RECORD, bad])
    assert got.assessed == 1 and got.rejected == 1
    message = str(got.rejects["reason"].iloc[0])
    assert "U+0000, after '困难家庭危房'" in message and message.endswith("delete it"), message
