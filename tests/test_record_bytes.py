"""A record's text given as bytes is checked as the same text given as str (review22b R22b-3)."""

from __future__ import annotations

from typing import Any

import pytest

import responsibility
from responsibility import ProblemError

BASE: dict[str, Any] = {"area": "housing", "place": "330127100219",
                        "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
                        "as_of": "2021-03-02"}


@pytest.mark.parametrize("engine", ["compiled", "durable"])
@pytest.mark.parametrize("raw", [b"a\x00b", bytearray(b"c\x1bd"), b"e\xe2\x80\x8bf"])
def test_a_control_character_in_bytes_is_refused_as_in_text(policy: responsibility.Policy, raw: bytes,
                                                             engine: Any) -> None:
    # it was answered: pydantic read the bytes as text after the control-character check
    with pytest.raises(ProblemError) as as_text:
        policy.who_answers({**BASE, "id": bytes(raw).decode()}, engine=engine)
    with pytest.raises(ProblemError) as as_bytes:
        policy.who_answers({**BASE, "id": raw}, engine=engine)
    assert as_bytes.value.code == as_text.value.code == "bad_value"
    assert as_bytes.value.field == "id"
    assert "control character" in as_bytes.value.detail


def test_bytes_that_are_not_utf8_are_refused_saying_so(policy: responsibility.Policy) -> None:
    with pytest.raises(ProblemError) as exc:
        policy.who_answers({**BASE, "id": b"\xff\xfe"}, engine="compiled")
    assert (exc.value.field, exc.value.code) == ("id", "bad_value")
    assert "not UTF-8" in exc.value.detail


def test_plain_bytes_read_as_their_text(policy: responsibility.Policy) -> None:
    as_bytes = policy.who_answers({**BASE, "id": b"p1", "place": b"330127100219"}, engine="compiled")
    as_text = policy.who_answers({**BASE, "id": "p1"}, engine="compiled")
    assert as_bytes.to_dict() == as_text.to_dict()
    with pytest.raises(ProblemError) as exc:  # bounded as text is
        policy.who_answers({**BASE, "id": b"x" * 300}, engine="compiled")
    assert (exc.value.field, exc.value.code) == ("id", "bad_value")
