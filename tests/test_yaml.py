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


def test_a_key_a_merge_also_gives_is_the_mappings_own() -> None:
    """A merge (<<:) with an override is legal YAML 1.1, the mapping's own key winning wherever the merge stands
    (hostile28; review20b B20-11 had refused it as a duplicate, naming the lines)."""
    data, pos = parse_yaml("id: X1\narea: housing\nplace: '33'\n<<: {area: water, kind: k}\n", "m.yaml")
    assert data == {"kind": "k", "id": "X1", "area": "housing", "place": "33"}
    assert pos.at(("area",)) == (2, 1) and pos.at(("kind",)) == (4, 19)


def test_on_is_a_key_not_a_boolean() -> None:
    assert safe_load("{on: 2021-01-02, yes: no}") == {"on": dt.date(2021, 1, 2), "yes": "no"}
    assert safe_load("a: true") == {"a": True}


@pytest.mark.parametrize("dates", [True, False])
def test_numbers_are_read_as_yaml_1_2_writes_them_and_other_digits_stay_text(dates: bool) -> None:
    # review17 D7: YAML 1.1 read an unquoted id 0042 as octal 34, 0x1F as 31, 12:30 as 750 (base 60)
    text = "{a: 0042, b: 010, c: 12:30, d: 0x1F, e: 1_000, f: 0b11, g: 007.5}"
    assert parse_yaml(text, "f.yaml", dates=dates)[0] == {
        "a": "0042", "b": "010", "c": "12:30", "d": "0x1F", "e": "1_000", "f": "0b11", "g": "007.5"}
    numbers = parse_yaml("[42, -7, 0, +3, 3.5, .5, 1e3, -1.5e-3, 1., .inf]", "f.yaml", dates=dates)[0]
    if dates:  # the rules' files
        assert numbers == [42, -7, 0, 3, 3.5, 0.5, 1000.0, -0.0015, 1.0, float("inf")]
        assert [type(x) for x in numbers[:4]] == [int] * 4
    else:  # records, all text: a number not written as its own digits stays as typed (review21b item 4)
        assert numbers == [42, -7, 0, "+3", "3.5", ".5", "1e3", "-1.5e-3", "1.", ".inf"]


def test_an_unquoted_id_with_leading_zeros_keeps_them() -> None:
    import responsibility

    record = parse_yaml("id: 0042\narea: housing\nkind: housing_renovation_late\nplace: 330127\n"
                        "discovered: {level: county, channel: hotline, on: 2021-03-01}\nas_of: 2021-06-30\n",
                        "p.yaml", dates=False)[0]
    assert responsibility.load().who_answers(record).problem == "0042"


def test_unsafe_tags_are_refused() -> None:
    with pytest.raises(RulesError):
        parse_yaml("!!python/object/apply:os.system ['true']", "f.yaml")


def test_a_json_surrogate_pair_is_its_character_and_a_lone_half_is_said_so() -> None:
    """review21b B21-8: a .json with a \\ud800 escape got "YAML syntax error … (fix the YAML syntax)"; and a valid
    pair (an emoji written as JSON writes it) was refused the same way, though JSON reads it as one character."""
    from responsibility.policy._yaml import parse_records

    data, _ = parse_records(b'{"id": "x\\ud83d\\ude00", "note": "\\\\ud83d\\\\ude00"}', "p.json")
    assert data == {"id": "x\U0001f600", "note": "\\ud83d\\ude00"}  # an escaped backslash is no escape
    # a lone half in JSON is read (JSON's grammar has it): the record's parser refuses it, bad_text at its field
    # (docs/records.md), as from a dict (hostile64); YAML's reader has no such character
    data, _ = parse_records(b'{"id": "x\\ud800", "area": "housing"}', "p.json")
    assert data == {"id": "x\ud800", "area": "housing"}
    for name, raw in (("p.yaml", b'id: "x\\udc00"\n'),):
        with pytest.raises(RulesError) as exc:
            parse_records(raw, name)
        issue = exc.value.issues[0]
        assert "YAML" not in issue.message and "lone surrogate" in issue.message, issue
        assert (issue.line, issue.file) == (1, name) and "write the whole character" in issue.hint


def test_what_json_let_through_in_a_json_file_is_said_of_json() -> None:
    """review22b R22b-9: a .json record file 100,000 lists deep, or with a NUL, was told 'YAML syntax error'."""
    from responsibility.policy._yaml import parse_records

    for raw in (b"[" * 100_000 + b"]" * 100_000, b'{"id": "a\x00b"}'):
        with pytest.raises(RulesError) as exc:
            parse_records(raw, "p.json")
        issue = exc.value.issues[0]
        assert "YAML" not in issue.message + issue.hint and "JSON" in issue.message, issue
