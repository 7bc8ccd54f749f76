"""A key given twice is found wherever JSON is read (responsibility._json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from responsibility._json import duplicate_in, keys_agree, loads_marked

keys = st.text(alphabet=st.characters(codec="utf-8"), max_size=6)
values = st.recursive(st.none() | st.booleans() | st.integers() | keys,
                      lambda inner: st.lists(inner, max_size=3) | st.dictionaries(keys, inner, max_size=3),
                      max_leaves=12)


def test_a_key_twice_is_named_at_any_depth() -> None:
    value, twice = loads_marked('[{"id": "a"}, {"id": "b", "handled": [{"on": 1, "on": 2}]}]')
    assert duplicate_in(value[0], twice) is None
    assert duplicate_in(value[1], twice) == "on"
    assert duplicate_in(value, twice) == "on"
    assert not keys_agree(b'{"id": "a", "id": "b"}', json.loads('{"id": "a", "id": "b"}'))


def test_escaped_quotes_and_colons_in_text_are_no_keys() -> None:
    raw = rb'{"a\\": "x\": y", "b": "\\\\", "c" : "\"\\\":"}'
    value = json.loads(raw)
    assert keys_agree(raw, value)
    _, twice = loads_marked(raw)
    assert twice == {}


@given(values, st.sampled_from([0, None]), st.booleans())
def test_keys_agree_exactly_when_no_key_is_twice(value: object, indent: int | None, ascii_only: bool) -> None:
    raw = json.dumps(value, indent=indent, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")
    assert keys_agree(raw, json.loads(raw))
    if isinstance(value, dict) and value:
        key = next(iter(value))
        doubled = raw[:-1] + b", " + json.dumps(key).encode() + b": 0}"
        parsed, twice = loads_marked(doubled)
        assert duplicate_in(parsed, twice) == key
        assert not keys_agree(doubled, json.loads(doubled))


def test_a_number_too_long_for_python_is_said_in_the_user_s_words(tmp_path: Path, run_cli: Any) -> None:
    """review21b B21-1: Python's message told the user to call sys.set_int_max_str_digits()."""
    with pytest.raises(ValueError, match="more than 4,300 digits") as info:
        loads_marked('{"place": ' + "9" * 5000 + "}")
    assert "sys." not in str(info.value)
    path = tmp_path / "big.jsonl"
    path.write_text('{"id": "a", "area": "housing", "place": ' + "3" * 5000 + "}\n", encoding="utf-8")
    code, _, err = run_cli("assess", str(path), "--lang", "en", "-o", str(tmp_path / "o.csv"))
    assert code == 1 and "more than 4,300 digits" in err and "sys." not in err, err


@pytest.mark.parametrize("command", [("who",), ("route",), ("ledger", "add", "{db}")])
def test_who_route_and_ledger_add_say_so_too(tmp_path: Path, run_cli: Any, command: tuple[str, ...]) -> None:
    """The record files' reader (who, route, ledger add: policy/_yaml) said it as an internal error (exit 3)."""
    path = tmp_path / "big.json"
    path.write_text('{"id": "a", "area": "housing", "place": ' + "3" * 5000 + "}\n", encoding="utf-8")
    db = str(tmp_path / "l.db")
    if "ledger" in command:
        run_cli("ledger", "init", db)
    code, _, err = run_cli(*(c.format(db=db) for c in command), str(path), *(["--by", "x"] if "ledger" in command
                                                                             else []))
    assert code == 2 and "digits" in err and "internal error" not in err and "sys." not in err, err
