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


# ---------------------------------------------------------------- HEAD answered as GET without the body


def test_head_is_answered_as_get_without_the_body(tmp_path: Any) -> None:
    """``HEAD /health`` was 405 (FastAPI answers only the methods a route names): an uptime monitor using HEAD saw the
    service down (hostile58 #3). Now the GET's status and headers, no body; a POST-only path still refuses HEAD."""
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from responsibility.service import Settings, create_app

    with TestClient(create_app(Settings(decision_log=tmp_path / "d.jsonl"), auth=False)) as client:
        for path in ("/health", "/version", "/v1/policy"):
            got, want = client.head(path), client.get(path)
            assert got.status_code == want.status_code == 200, (path, got.status_code)
            assert got.content == b"" and want.content, path
            assert got.headers["content-length"] == want.headers["content-length"], path
            assert got.headers["content-type"] == want.headers["content-type"], path
        refused = client.head("/v1/verdict")
        assert refused.status_code == 405 and refused.content == b""
        assert client.get("/health").json() == {"status": "ok"}


# ---------------------------------------------------------------- a ledger in a directory that does not exist


def test_a_ledger_in_a_missing_directory_is_said_so_not_sent_to_init(tmp_path: Any, run_cli: Any) -> None:
    """``ledger list sqlite:///nonexist/x.db problems`` said "no such ledger; create it with responsibility ledger init
    …", and that command then failed on the directory (hostile58 #4)."""
    pytest.importorskip("sqlalchemy")
    missing = tmp_path / "nonexist" / "x.db"
    code, _out, err = run_cli("ledger", "list", f"sqlite:///{missing}", "problems")
    assert code == 2, err
    assert f"directory {missing.parent} does not exist" in err and "check the path" in err, err
    code, _out, err = run_cli("ledger", "list", str(tmp_path / "y.db"), "problems")
    assert code == 2 and "no such ledger; create it with `responsibility ledger init" in err, err
