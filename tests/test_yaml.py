"""Reading YAML with positions, duplicate keys, YAML 1.2 booleans."""

from __future__ import annotations

import datetime as dt

import pytest

from responsibility import RulesError
from responsibility.policy._yaml import parse_yaml, safe_load


def test_positions_are_one_based_lines_and_columns() -> None:
    data, pos = parse_yaml("a:\n  b: [1, 2]\n  c: x\n", "f.yaml")
    assert data == {"a": {"b": [1, 2], "c": "x"}}
    assert pos.at(("a", "c")) == (3, 3)
    assert pos.at(("a", "b", 1)) == (2, 10)
    assert pos.at(("a", "zz")) == (1, 1)  # falls back to the nearest known ancestor


def test_duplicate_keys_are_errors_with_both_lines() -> None:
    with pytest.raises(RulesError) as exc:
        parse_yaml("x: 1\ny: 2\nx: 3\n", "f.yaml")
    issue = exc.value.issues[0]
    assert (issue.line, issue.code) == (3, "duplicate_key")
    assert "first at line 1" in issue.message


def test_on_is_a_key_not_a_boolean() -> None:
    assert safe_load("{on: 2021-01-02, yes: no}") == {"on": dt.date(2021, 1, 2), "yes": "no"}
    assert safe_load("a: true") == {"a": True}


def test_unsafe_tags_are_refused() -> None:
    with pytest.raises(RulesError):
        parse_yaml("!!python/object/apply:os.system ['true']", "f.yaml")
