"""A record's fields are text: YAML numbers not written as their own digits stay as typed (review21b item 4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from responsibility import Policy
from responsibility.policy._yaml import parse_records, parse_yaml


@pytest.mark.parametrize("typed", ["12e2", "+12", "2021.10", "1.0", ".5", "-0"])
def test_a_number_not_written_as_its_digits_stays_as_typed(typed: str) -> None:
    data, _ = parse_records(f"id: {typed}\nplace: '330127100219'\n".encode(), "r.yaml")
    assert data["id"] == typed


def test_a_plain_whole_number_is_still_read_as_its_digits(policy: Policy, tmp_path: Path) -> None:
    data, _ = parse_records(b"id: 12\n", "r.yaml")
    assert data["id"] == 12  # a text field reads it as "12"
    record = tmp_path / "r.yaml"
    record.write_text("id: 2021.10\narea: 两不愁\nplace: '330127100219'\nas_of: '2021-06-30'\n", encoding="utf-8")
    assert policy.who_answers(record).problem == "2021.10"  # was refused: 'Input should be a valid string'


def test_the_rules_still_read_numbers_as_numbers() -> None:
    data, _ = parse_yaml("value: 1.5\nn: +3\n", "parameters.yaml")
    assert data == {"value": 1.5, "n": 3}
