"""The input contract (input39: a newcomer's path and hostile input, session 39): a JSON list of records is read
without a node with marks for every value (`who` on 88,000 problems peaked at 2 GB in the reader alone), its refused
records still said at their file:line:column, and what the YAML reader refuses in JSON still refused alike."""

from __future__ import annotations

import json
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from responsibility.policy._yaml import Limits, joined_surrogates, parse_records, parse_yaml

Run = Callable[..., tuple[int, str, str]]
ROOT = Path(__file__).resolve().parents[1]
RECORD: dict[str, Any] = json.loads((ROOT / "examples" / "records" / "problem.json").read_text(encoding="utf-8"))


def _with_positions(text: str) -> Any:
    """The positions the YAML reader gives every value of JSON ``text`` (what a located error was said with)."""
    text = joined_surrogates(text) if "\\u" in text else text
    return parse_yaml(text, "f.json", limits=Limits(max_bytes=64 * 2**20), dates=False, json=True)


# ---------------------------------------------------------------- 1. a long JSON list, read in bounded memory


def test_a_json_list_of_records_is_read_in_a_few_times_its_size() -> None:
    """`who` on a 39 MB JSON list of 88,000 problems peaked at 2.0 GB reading it (input38 §5): the YAML reader,
    used for positions, kept a node with marks for every value, ~49 bytes of memory a byte of file. It is read by
    json.loads now, its positions found only for a record refused: a few bytes a byte."""
    raw = json.dumps([dict(RECORD, id=f"r{i}") for i in range(3000)], indent=2).encode()
    tracemalloc.start()
    try:
        data, _ = parse_records(raw, "list.json", [])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(data) == 3000 and data[2999]["id"] == "r2999"
    assert peak < 12 * len(raw), f"{peak / len(raw):.1f} bytes of memory a byte of file"


@pytest.mark.parametrize("layout", ["indented", "one line", "CRLF", "commas first", "odd characters"])
def test_every_value_of_a_json_list_is_located_where_the_yaml_reader_located_it(layout: str) -> None:
    """Each path's line and column is the one the reader with positions gave, in any order asked: a pretty list,
    a list on one line, CRLF line ends, commas leading lines, and characters beyond ASCII (a surrogate pair as
    JSON writes it) before the value on its line."""
    records = [dict(RECORD, id=f"x{i}", note="富" * i) for i in range(12)]
    text = {"indented": json.dumps(records, indent=2, ensure_ascii=False),
            "one line": json.dumps(records, ensure_ascii=False),
            "CRLF": json.dumps(records, indent=4).replace("\n", "\r\n"),
            "commas first": "\n\n  " + json.dumps(records, separators=(",", ":")).replace(",", " ,\n   "),
            "odd characters": json.dumps(records, indent=1, ensure_ascii=False).replace('"x', '"\\ud83d\\ude00😀x'),
            }[layout]
    data, pos = parse_records(text.encode(), "f.json", [])
    expected_data, expected = _with_positions(text)
    assert data == expected_data
    marks = list(expected.marks.items())
    for path, mark in marks[::-1] + marks:  # (backwards too: a position before the last one asked)
        assert pos.at(path) == mark, path


def test_a_refused_record_of_a_json_list_is_said_at_its_field(run_cli: Run, tmp_path: Path) -> None:
    """The answer to `who` on a list with refused records, as before: each at the line and column of its field."""
    records = [dict(RECORD, id="a"), dict(RECORD, id="b", deadline="2021-02-30"), dict(RECORD, id="c"),
               dict(RECORD, id="d", handled=[{"action": "assigned", "by_level": "county", "to_level": "township",
                                              "on": "2021-13-05"}])]
    src = tmp_path / "list.json"
    src.write_text(json.dumps(records, indent=2), encoding="utf-8")
    lines = src.read_text(encoding="utf-8").splitlines()
    deadline = next(i for i, line in enumerate(lines) if "2021-02-30" in line)
    on = next(i for i, line in enumerate(lines) if "2021-13-05" in line)
    code, out, err = run_cli("who", str(src), "--format", "json")
    assert code == 2 and len(json.loads(out)) == 2, err
    assert f"{src}:{deadline + 1}:{lines[deadline].index('deadline')}: problem 'b', field 'deadline'" in err, err
    assert f"{src}:{on + 1}:{lines[on].index('on') + 0}: problem 'd', field 'handled[0].on'" in err, err


@pytest.mark.parametrize(("text", "said"), [
    ('[{"id": "a"}, {"id": "b", "id": "c"}]', "f.json:1:27: duplicate key 'id' (first at line 1)"),
    ('[{"id": "a"},\n {"id": "\\ud800"}]', None),  # (read: the record's parser says bad_text at [1].id, hostile64)
    ("[" * 70 + "]" * 70, "nested more than 64 levels deep"),
    ('[{"id": ' + "9" * 5000 + "}]", "f.json:1:9: [0].id: 99999"),
    ('[{"id": "a\u0085b"}]', None),
    ('[{"id": "a"}]\r[{"id": "b"}]', "JSON syntax error: Extra data"),
])
def test_what_the_yaml_reader_refuses_in_json_is_refused_alike(text: str, said: str | None) -> None:
    """json.loads takes a key given twice, a lone surrogate, any depth to ~1,000 and YAML's other line breaks; the
    reader with positions refuses the first three and counts lines by the last: such a file is read by it, as
    before, and refused (or located) in its words."""
    from responsibility import RulesError

    try:
        _, pos = parse_records(text.encode(), "f.json", [])
    except RulesError as exc:
        assert said is not None and said in str(exc.issues[0]), exc.issues[0]
    else:
        assert said is None
        if "\\ud800" not in text:
            assert type(pos).__name__ == "Positions"  # (read with positions, as before: a NEL is a YAML line break)
        else:  # (json.loads read it; the positions are found for a refusal, the surrogate's column kept)
            assert pos.at((1, "id")) == (2, 3), pos.at((1, "id"))


# ---------------------------------------------------------------- 2. the words of a list's last line


def test_one_record_of_two_answered_is_said_in_the_singular(run_cli: Run, tmp_path: Path) -> None:
    """'the other 1 are answered above; correct them' of one refused record and one answered."""
    src = tmp_path / "two.json"
    src.write_text(json.dumps([RECORD, dict(RECORD, id="b", area="危房")]), encoding="utf-8")
    code, _, err = run_cli("who", str(src))
    assert code == 2
    assert err.splitlines()[-1].endswith("1 of 2 records could not be answered (each said above, where and what); "
                                         "the other record is answered above; correct it and run again"), err


# ---------------------------------------------------------------- 3. --encoding given for a file that is UTF-8


def test_an_encoding_a_utf8_file_is_not_in_is_said_at_its_line_and_column_with_what_to_do(run_cli: Run,
                                                                                           tmp_path: Path) -> None:
    """`who p.yaml --encoding gbk` of a file saved as UTF-8 said "p.yaml: byte 31 is not gbk text; give the file's
    encoding": a byte offset, and advice that does not say the file is the UTF-8 read without the option."""
    src = tmp_path / "p.yaml"
    src.write_text("# 富城村\nid: a\n", encoding="utf-8")
    code, _, err = run_cli("who", str(src), "--encoding", "gbk")
    assert code == 2
    assert err.strip() == f"error: {src}:1:5: byte 0x91 is not gbk text; it is UTF-8 text: leave out --encoding", err


def test_a_utf8_file_read_in_the_encoding_given_says_it_is_utf8_too(run_cli: Run, tmp_path: Path) -> None:
    """`who p.yaml --encoding utf-16` of a UTF-8 file read it as UTF-16, and said only that it "holds text
    ('‣⁁慤杮…')": the garbled text comes with a note that the file is UTF-8 and what to leave out; a file in the
    encoding given (GBK, not UTF-8) has no such note."""
    src = tmp_path / "p.json"
    src.write_text(json.dumps(dict(RECORD, area="危房改造"), ensure_ascii=False) + " ", encoding="utf-8")
    code, _, err = run_cli("who", str(src), "--encoding", "utf-16", "--lang", "en")
    assert code == 2
    assert err.startswith(f"note: {src} is UTF-8 text too; read as utf-16, as --encoding says (leave it out to read "
                          "it as UTF-8)\n"), err
    src.write_bytes(src.read_text(encoding="utf-8").encode("gbk"))
    code, _, err = run_cli("who", str(src), "--encoding", "gbk")
    assert code == 0 and "note" not in err, err


def test_a_key_given_twice_in_json_on_standard_input_is_said_of_json(tmp_path: Path) -> None:
    """JSON piped to `who -` (or in a .txt) with a key given twice said "YAML readers would silently keep only the
    last", of a text that is JSON; YAML is still said of YAML."""
    from responsibility import RulesError

    twice = b'{"id": "a", "id": "b"}'
    cases = ((twice, "<stdin>", "JSON"), (twice, "r.txt", "JSON"), (b"id: a\nid: b\n", "<stdin>", "YAML"))
    for raw, name, kind in cases:
        with pytest.raises(RulesError) as caught:
            parse_records(raw, name, [])
        assert caught.value.issues[0].hint == f"remove one of them; {kind} readers would silently keep only the last"


def test_a_json_list_of_more_values_than_the_yaml_reader_bounds_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """A JSON list of 150,000 records (50 MB, 2.2 million values) was refused ("more than 2,000,000 values … split
    the file or remove aliases") after the YAML reader had taken 3.3 GB and 69 CPU s; `assess` reads the same file.
    The bound keeps that reader's nodes and its aliases' expansions in check; JSON has no aliases and json.loads
    needs a few bytes a byte. (The bound is lowered here to keep the test small; YAML is still held to it.)"""
    import functools

    from responsibility import RulesError
    from responsibility.policy import _yaml

    monkeypatch.setattr(_yaml, "Limits", functools.partial(Limits, max_nodes=1_000))
    records = [dict(RECORD, id=f"r{i}") for i in range(100)]  # (1,701 values)
    data, _ = parse_records(json.dumps(records).encode(), "list.json", [])
    assert data == records
    with pytest.raises(RulesError, match="more than 1,000 values"):
        parse_records("\n".join(f"- {json.dumps(r)}" for r in records).encode(), "list.yaml", [])
