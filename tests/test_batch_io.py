"""Helpers of the batch readers: each gives what the plain way of doing the same gives."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from responsibility._errors import ResponsibilityError
from responsibility.batch import _io

STEP = pa.list_(pa.struct([("action", pa.string()), ("on", pa.string())]))


@settings(max_examples=200, deadline=None)
@given(sizes=st.lists(st.integers(0, 3), max_size=8), gaps=st.lists(st.integers(0, 2), max_size=9),
       cut=st.booleans(), drop=st.booleans(), nulls=st.booleans())
def test_spreading_parsed_lists_over_rows_is_a_take(sizes: list[int], gaps: list[int], cut: bool, drop: bool,
                                                    nulls: bool) -> None:
    """Rows of a parsed list column put back among the rows they came from (nulls between) are
    what ``take`` gives, whether or not every parsed row is kept, in order."""
    values: list[Any] = [[{"action": f"a{i}", "on": None}] * k for i, k in enumerate(sizes)]
    if nulls and values:
        values[0] = None
    parsed = pa.array(values, STEP)
    if cut and len(parsed) > 1:
        parsed = parsed.slice(1)
    index: list[int] = []
    for i in range(len(parsed)):
        index += [-1] * (gaps[i] if i < len(gaps) else 0) + [i]
    index += [-1] * (gaps[-1] if gaps else 0)
    where = np.array(index, np.int64)
    if drop and len(parsed):
        where[where == 0] = -1
    spread = _io._spread(parsed, where)
    spread.validate(full=True)
    assert spread.type == parsed.type
    assert spread.equals(parsed.take(pa.array(where, mask=where < 0)))


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=40) | st.text(max_size=20).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_utf8_is_checked_as_python_decodes(data: bytes) -> None:
    try:
        data.decode("utf-8")
        text = True
    except UnicodeDecodeError:
        text = False
    assert _io._is_utf8(data) is text


def test_lines_with_a_null_or_a_surrogate_escape_or_deep_nesting_are_found() -> None:
    lines = [b'{"a": 1}\n', b'{"a": null}\n', b'{"a": "\\ud800"}\n', b'{"a": "\\u00e9"}\n',
             b"[" * 70 + b"]" * 70 + b"\n", b"\n", b'{"a": [[{"b": ["x"]}]]}\n']
    data = b"".join(lines)
    bounds = np.cumsum([0] + [len(x) for x in lines])
    blank, special = _io._json_special(data, bounds)
    assert blank.tolist() == [False, False, False, False, False, True, False]
    assert special.tolist() == [False, True, True, False, True, False, False]
    no_escape = b"".join(lines[:2] + lines[4:])
    blank, special = _io._json_special(no_escape, np.cumsum([0] + [len(x) for x in lines[:2] + lines[4:]]))
    assert special.tolist() == [False, True, True, False, False]


@pytest.mark.parametrize("codec", ["rot13", "base64", "hex"])
def test_a_codec_that_is_no_text_encoding_is_refused_by_name(codec: str) -> None:
    # the CLI refuses these first; the reader itself must too, not fail deep inside with a LookupError
    with pytest.raises(ResponsibilityError, match="not a text encoding"):
        _io._encoding(codec)
    assert _io._encoding("GB18030") == "gb18030" and _io._encoding("utf8") == "utf-8-sig"
