"""The C parser of JSON lines of the ledger's record shape (batch/_jsonl.c): each line it takes gives
the row pyarrow's JSON reader gives and the record Python's parser gives; a line it declines goes to
Python's parser (the reference), and a plain line of that shape is never declined."""

from __future__ import annotations

import json
import re
from typing import Any

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from responsibility._json import duplicate_in, loads_marked
from responsibility.batch import _io

pytestmark = pytest.mark.skipif(_io._c_parse is None, reason="batch/_jsonl.c is not built")

TOP = ("id", "domain", "kind", "place", "severity", "deadline", "rectified_on", "as_of")
DISCOVERED = ("level", "channel", "on", "body")
HANDLED = ("action", "by_level", "to_level", "to_body", "on")

# text of every kind: quotes, backslashes, slashes, control characters, CJK, astral characters
_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12) | st.sampled_from(
    ["", '"', "\\", "/", "\n\t\r\b\f", "\x00", "\x7f", "村级", "null", "{[", "😀", "\u2028"])
#: JSON's white space, in the places it may stand (never a line feed: that ends the line)
_WS = st.sampled_from(["", "", " ", "  ", "\t", "\r", " \r\t "])
#: values that are not text where text is expected, and strings that are not JSON (or that Python reads alone)
_BAD = st.sampled_from(["1", "-0.5", "true", "false", "null", "{}", "[]", '["a"]', '"\\ud83d\\ude00"', '"\\udc00"',
                        '"\\ud800"', '"a\x01b"', '"a\tb"', '"\\x41"', '"\\u12"', '"\\u12g4"', '"open', "'a'", '"\\'])


#: byte sequences Python's strict decoder refuses (overlong forms, surrogates, past U+10FFFF, cut short, stray
#: continuation bytes), and some it takes (the edges of each range), to put inside or between strings
_ODD_BYTES = [b"\xff", b"\x80", b"\xc0\x80", b"\xc1\xbf", b"\xe0\x80\x80", b"\xe0\x9f\xbf", b"\xed\xa0\x80",
              b"\xed\xbf\xbf", b"\xf0\x8f\xbf\xbf", b"\xf4\x90\x80\x80", b"\xf5\x80\x80\x80", b"\xe6\x9d",
              b"\xf0\x9f\x98", b"\xc2", b"\xc2\x80", b"\xdf\xbf", b"\xe0\xa0\x80", b"\xed\x9f\xbf", b"\xee\x80\x80",
              b"\xf0\x90\x80\x80", b"\xf4\x8f\xbf\xbf", b"\xef\xbf\xbf"]
_NOT_UTF8 = st.sampled_from(_ODD_BYTES)


@st.composite
def _string(draw: Any, plain: bool) -> tuple[str, bool]:
    """A JSON string (text, and whether it is plain: of the shape, valid, no surrogate escape)."""
    if not plain and draw(st.integers(0, 9)) == 0:
        return draw(_BAD), False
    value = draw(_TEXT)
    ascii_ = draw(st.booleans())
    text = json.dumps(value, ensure_ascii=ascii_)
    if draw(st.booleans()):
        text = text.replace("/", "\\/")
    if draw(st.booleans()):  # upper-case hex digits
        text = re.sub(r"\\u([0-9a-f]{4})", lambda m: "\\u" + m.group(1).upper(), text)
    surrogate = ascii_ and any(ord(c) > 0xFFFF for c in value)  # written as a pair: Python's parser
    return text, not surrogate


@st.composite
def _object(draw: Any, keys: tuple[str, ...], plain: bool) -> tuple[str, bool]:
    """An object of strings with ``keys`` (some of them, any order; unknown or twice-given ones where not plain)."""
    chosen = draw(st.lists(st.sampled_from(keys), unique=True, max_size=len(keys)))
    ok = True
    if not plain and draw(st.integers(0, 5)) == 0:
        chosen.append(draw(st.sampled_from([*keys, "other", "Level", "on "])))
        ok = False
    pairs = []
    for k in chosen:
        value, good = draw(_string(plain))
        ok &= good
        pairs.append(f"{draw(_WS)}{json.dumps(k)}{draw(_WS)}:{draw(_WS)}{value}{draw(_WS)}")
    return "{" + ",".join(pairs) + draw(_WS) + "}", ok


@st.composite
def _list(draw: Any, item: Any) -> tuple[str, bool]:
    got = draw(st.lists(item, max_size=4))
    return "[" + draw(_WS) + ",".join(f"{draw(_WS)}{text}{draw(_WS)}" for text, _ in got) + "]", all(
        ok for _, ok in got)


@st.composite
def _line(draw: Any) -> tuple[bytes, bool]:
    """A JSON line: a record of the ledger's shape (``plain``: valid, each key once, no surrogate escape,
    which the C parser must take), or one that may lie outside it (anything that could go wrong)."""
    plain = draw(st.booleans())
    keys = draw(st.lists(st.sampled_from([*TOP, "discovered", "handled", "concealed_by"]), unique=True))
    ok = True
    if not plain:
        extra = draw(st.lists(st.sampled_from([*TOP, "discovered", "handled", "concealed_by", "x", "ID", "\\u0069d",
                                               "id\\n"]), max_size=2))
        keys += extra
        ok = not extra
    pairs = []
    for k in keys:
        if k == "discovered":
            value, good = draw(_object(DISCOVERED, plain))
        elif k == "handled":
            value, good = draw(_list(_object(HANDLED, plain)))
        elif k == "concealed_by":
            value, good = draw(_list(_string(plain)))
        else:
            value, good = draw(_string(plain))
        if not plain and draw(st.integers(0, 12)) == 0:
            value, good = draw(_BAD), False
        ok &= good
        key = f'"{k}"' if "\\" in k else json.dumps(k)
        pairs.append(f"{draw(_WS)}{key}{draw(_WS)}:{draw(_WS)}{value}{draw(_WS)}")
    text = "{" + ",".join(pairs) + draw(_WS) + "}"
    after = draw(st.sampled_from(["", "", "\r", " ", "\t \r"] + ([] if plain else [" x", ' {"id": "b"}', "}", ","])))
    ok &= after.strip(" \t\r") == ""
    raw = (text + after).encode("utf-8", "surrogatepass")
    if not plain and draw(st.integers(0, 8)) == 0:  # bytes that are not UTF-8 (or are: a character cut short)
        cut = draw(st.integers(0, len(raw)))
        raw, ok = raw[:cut] + draw(_NOT_UTF8) + raw[cut:], False
    return raw, ok


def _parsed(lines: list[bytes]) -> tuple[Any, np.ndarray, np.ndarray, np.ndarray, bytes]:
    """The lines as a chunk of JSON lines read today: the C parser's table, which lines it took, and the flags."""
    data = b"".join(line + b"\n" for line in lines)
    ends, flags = np.zeros(len(lines) + 1, np.int64), np.zeros(len(lines) + 1, np.uint8)
    n = _io.scan_lines(data, 0, ends, flags, True)
    assert n == len(lines)
    bounds = np.concatenate([[0], ends[:n]]).astype(np.int64)
    blank, special = (flags[:n] & 1).astype(bool), (flags[:n] & 2).astype(bool)
    before = special.copy()
    table = _io._c_json_table(data, bounds, ~blank, special)
    return table, ~blank & ~special, before, special, data


def _record(row: dict[str, Any]) -> dict[str, Any]:
    """A row of the table as the record Python's parser gives (absent fields left out)."""
    out = {k: v for k, v in row.items() if v is not None}
    if "discovered" in out:
        out["discovered"] = {k: v for k, v in out["discovered"].items() if v is not None}
    if "handled" in out:
        out["handled"] = [{k: v for k, v in step.items() if v is not None} for step in out["handled"]]
    return out


@pytest.mark.slow
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(_line(), min_size=1, max_size=12))
def test_the_c_parser_gives_what_pyarrow_and_python_give(lines: list[tuple[bytes, bool]]) -> None:
    """Every line the C parser takes: pyarrow's reader gives the same row (the lines taken, read
    together, give an equal table) and Python's parser the same record; every line of the shape it
    must take is taken; every line it declines is left for Python's parser."""
    import pyarrow.json as pj

    raw = [line for line, _ in lines]
    table, taken, before, _, _ = _parsed(list(raw))
    assert not (taken & before).any()  # (lines already for Python's parser are not parsed again)
    for (line, plain), took, skipped in zip(lines, taken, before, strict=True):
        if plain and not skipped:
            assert took, line
    if not taken.any():
        assert table is None
        return
    table.validate(full=True)
    assert table.num_rows == int(taken.sum())
    body = b"".join(raw[k] + b"\n" for k in np.flatnonzero(taken))
    want = pj.read_json(pa.BufferReader(body), read_options=pj.ReadOptions(block_size=len(body) + 1),
                        parse_options=_io._json_options())
    assert table.schema.equals(want.schema)
    assert table.equals(want), (table.to_pylist(), want.to_pylist())
    for k, row in zip(np.flatnonzero(taken), table.to_pylist(), strict=True):
        record, twice = loads_marked(raw[k].decode())  # (a line taken is UTF-8: Python's decoder takes it)
        assert duplicate_in(record, twice) is None
        assert _record(row) == record


@pytest.mark.parametrize("line", [
    b'{"id": "a", "id": "b"}', b'{"handled": [{"on": "x", "on": "y"}]}', b'{"discovered": {"level": "x", "foo": "y"}}',
    b'{"id": "a", "x": 1}', b'{"id": "a"} {"id": "b"}', b'{"id": "a"}\x0c', b'{"id": 1}', b'{"id": "a",}',
    b'{"id": "a\x01"}', b'{"id": "\\udc00"}', b'{"id": "\\ud83d\\ude00"}', b'{"\\u0069d": "a"}', b'{"id": "a"',
    b'{"handled": {}}', b'{"concealed_by": [1]}', b'{"concealed_by": "a"}', b'{"discovered": []}', b'{"id": "\\q"}',
    b'{"id" "a"}', b'{"id": "a"}}', b'{"handled": [{"on": "x"},]}', b'{"handled": [[]]}',
])
def test_lines_outside_the_shape_are_declined(line: bytes) -> None:
    """Twice-given keys, unknown ones (pyarrow would add a column), two objects on a line (pyarrow
    would make two rows of it), other types, control characters, surrogates, escaped keys, broken
    JSON: each line is left to Python's parser, and the lines around it are parsed still."""
    table, taken, _, special, _ = _parsed([b'{"id": "x"}', line, b'{"id": "y"}'])
    assert taken.tolist() == [True, False, True] and special.tolist() == [False, True, False]
    assert table.column("id").to_pylist() == ["x", "y"]


def test_escapes_are_decoded_and_absent_fields_are_null() -> None:
    """Escapes to UTF-8; an absent struct's fields null, an empty list not null, an empty object's fields null."""
    table, taken, *_ = _parsed([
        b'{"id": "\\u00e9\\u6751\\/\\"\\\\\\b\\f\\n\\r\\t\\u0000", "handled": [], "concealed_by": ["a", ""]}',
        b'{"discovered": {}, "handled": [{}, {"on": "d"}]}\r',
        b"{}",
    ])
    assert taken.all()
    assert table.to_pylist() == [
        {**dict.fromkeys(table.column_names), "id": "é村/\"\\\b\f\n\r\t\x00", "handled": [], "concealed_by": ["a", ""]},
        {**dict.fromkeys(table.column_names), "discovered": dict.fromkeys(DISCOVERED),
         "handled": [dict.fromkeys(HANDLED), {**dict.fromkeys(HANDLED), "on": "d"}]},
        dict.fromkeys(table.column_names),
    ]
    assert table.column("discovered").chunk(0).field("level").null_count == 3


def test_the_c_parser_refuses_bounds_outside_its_data() -> None:
    assert _io._c_parse is not None
    flags = np.zeros(2, np.uint8)
    with pytest.raises(ValueError):
        _io._c_parse(b"{}\n{}\n", np.array([0, 3, 7], np.int64), flags)
    with pytest.raises(ValueError):
        _io._c_parse(b"{}\n{}\n", np.array([0, 4, 3], np.int64), flags)
    with pytest.raises(ValueError):
        _io._c_parse(b"{}\n{}\n", np.array([0, 3], np.int64), flags)
    got = _io._c_parse(b"{}\n{}\n", np.array([0, 3, 6], np.int64), flags)
    assert got is not None and got[0] == 2


def test_the_ledger_shape_is_the_one_pyarrow_is_told() -> None:
    """The C parser's fields are the reader options' fields, in their order (a field added to one
    and not the other would be declined, or read wrong)."""
    schema = _io._json_options().explicit_schema
    assert schema.names == [*TOP[:5], "discovered", "handled", *TOP[5:7], "concealed_by", TOP[7]]
    assert schema.field("discovered").type.names == list(DISCOVERED)
    assert schema.field("handled").type.value_type.names == list(HANDLED)
    assert schema.field("concealed_by").type == pa.list_(pa.string())


@pytest.mark.parametrize("seq", _ODD_BYTES)
def test_text_is_taken_exactly_where_python_decodes_it(seq: bytes) -> None:
    """A string holding ``seq`` is taken where Python's strict decoder takes it (and gives the same
    text), and declined where it does not (Python's parser then refuses the line as not UTF-8)."""
    line = b'{"id": "a' + seq + b'b", "kind": "' + seq + b'"}'
    try:
        text = seq.decode()
    except UnicodeDecodeError:
        text = None
    table, taken, *_ = _parsed([line])
    assert taken.tolist() == [text is not None]
    if text is not None:
        assert table.column("id").to_pylist() == [f"a{text}b"] and table.column("kind").to_pylist() == [text]


def test_json_lines_outside_the_shape_give_the_same_output_with_and_without_the_c_parser(
        run_cli: Any, tmp_path: Any, policy: Any, province: Any, jcsv: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """``assess`` of good records as JSON lines (parsed in C) and as Parquet (the table pyarrow's
    reader makes of them) writes the same findings; and among lines the C parser declines (bytes
    that are not UTF-8 in a value or a key, an unknown field, a key given twice, two objects on a
    line, a number for text, a surrogate pair, an escaped key, an unknown nested field) the same
    findings and rejects with the C parser as with pyarrow's reader (the extension hidden)."""
    import pyarrow.json as pj
    import pyarrow.parquet as pq

    from .test_batch import TODAY, ledger
    from .test_batch_io import _with_and_without_the_scan

    records = [r for r in ledger(policy, province, 300, seed=14) if isinstance(r, dict)][:200]
    good = "".join(json.dumps(r, ensure_ascii=k % 2 == 0) + "\n" for k, r in enumerate(records)).encode()
    (tmp_path / "good.jsonl").write_bytes(good)
    pq.write_table(pj.read_json(tmp_path / "good.jsonl", parse_options=_io._json_options()),
                   tmp_path / "good.parquet")
    out = {}
    for fmt in ("jsonl", "parquet"):
        o, r = tmp_path / f"o-{fmt}.parquet", tmp_path / f"r-{fmt}.csv"
        code, _, err = run_cli("assess", str(tmp_path / f"good.{fmt}"), "-o", str(o), "--rejects", str(r),
                               "--jurisdiction", jcsv, "--today", TODAY.isoformat(), "--no-progress")
        assert code in (0, 1), err
        out[fmt] = (pq.read_table(o), r.read_bytes(), code)
    assert out["jsonl"][0].equals(out["parquet"][0]) and out["jsonl"][1:] == out["parquet"][1:]
    assert out["jsonl"][0].num_rows > 200

    odd = [b'{"id": "bad\xff"}', b'{"id\xc0\x80": "k"}', b'{"id": "u1", "note": "x"}', b'{"id": "u2", "id": "u3"}',
           b'{"id": "u4"} {"id": "u5"}', b'{"id": 7}', b'{"id": "\\ud83d\\ude00"}', b'{"\\u0069d": "u6"}',
           b'{"id": "u7", "discovered": {"level": "county", "x": 1}}', b'{"id": "\xed\xa0\x80"}']
    src = tmp_path / "odd.jsonl"
    src.write_bytes(good + b"\n".join(odd) + b"\n" + good.replace(b'"id": "', b'"id": "again-'))
    table, rejects, err = _with_and_without_the_scan(run_cli, src, jcsv, monkeypatch)
    assert f"records in: {2 * len(records) + len(odd):,}" in err, err
    assert b"bad_encoding" in rejects and table.num_rows > 400


_CELL_JUNK = st.sampled_from(['[], "other": 1', '[], "id": "x"', '[], "handled": []', "", " ", "[", "]]", "null",
                              "[null]", '"text"', "[1]", '[{"action": "a"}] x', '[{"action": "a", "x": "b"}]', "{}",
                              "[]\r", '["a"], "concealed_by": ["b"]'])


@pytest.mark.slow
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cells=st.lists(st.tuples(st.sampled_from(["handled", "concealed_by", "discovered"]), st.booleans(),
                                st.data()), min_size=1, max_size=10))
def test_csv_json_cells_are_read_as_pyarrows_reader_reads_them(cells: list[Any]) -> None:
    """A CSV column of JSON cells parsed by the C parser gives, where it takes a cell, the value
    pyarrow's reader gives (the extension hidden); every plain cell of the field's shape is taken."""
    for name in ("handled", "concealed_by", "discovered"):
        texts: list[str | None] = []
        plain: list[bool] = []
        for field, ok, data in cells:
            if field != name:
                continue
            if not ok:
                texts.append(data.draw(_CELL_JUNK | st.none()))
                plain.append(False)
                continue
            strategy = _object(DISCOVERED, True) if name == "discovered" else _list(
                _object(HANDLED, True) if name == "handled" else _string(True))
            text, good = data.draw(strategy)
            texts.append(text)
            # (a cell with a line break is Python's, as is one the scan sends there: "null" anywhere in it)
            plain.append(good and "\r" not in text and "null" not in text)
        if not texts:
            continue
        column = pa.array(texts, pa.string())
        got = []
        for c in (True, False):
            python = np.zeros(len(texts), np.bool_)
            saved = _io._c_parse
            try:
                if not c:
                    _io._c_parse = None
                values = _io._json_cells(name, column, python)
            finally:
                _io._c_parse = saved
            got.append((values, python))
        (mine, declined), (theirs, refused) = got
        assert mine.type == _io._json_options().explicit_schema.field(name).type
        # (where a cell of the column had an unknown field in a step, pyarrow's reader added that field to
        # every value of the column: its values are compared only where its type is the declared one)
        same_type = theirs.type == mine.type
        for k, text in enumerate(texts):
            if plain[k]:
                assert not declined[k], text
            if not declined[k] and text is not None and same_type:
                assert not refused[k] and mine[k].as_py() == theirs[k].as_py(), text
            if text is None:
                assert not declined[k] and mine[k].as_py() is None


@pytest.mark.parametrize("c", [True, False])
def test_a_line_of_two_objects_is_refused_with_and_without_the_c_parser(c: bool, monkeypatch: pytest.MonkeyPatch
                                                                        ) -> None:
    """A line holding two objects is one line Python's parser refuses ("Extra data"), with the C
    parser (which declines it) and without it (pyarrow's reader made two rows of it, and the rows of
    the lines after it were those of the lines before them)."""
    if not c:
        monkeypatch.setattr(_io, "_c_parse", None)
    lines = [b'{"id": "a"}', b'{"id": "b"} {"id": "c"}', b'{"id": "d"}']
    data = b"".join(line + b"\n" for line in lines)
    bounds = np.cumsum([0] + [len(line) + 1 for line in lines]).astype(np.int64)
    part = _io._jsonl_part(data, bounds, 0, 0)
    ids = [part.given[i]["id"] if i in part.given else part.source.column("id")[i].as_py()
           for i in range(len(part.numbers))]
    assert ids == ["a", "d"] and part.lines.tolist() == [1, 3] and part.numbers.tolist() == [0, 2]
    assert [r[1] for r in part.rejects] == [2] and "Extra data" in str(part.rejects[0])
