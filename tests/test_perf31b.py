"""Session 31, issue 12 item 3 (perf31b): expand's rows merged from two segments, without concatenating them."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from responsibility.batch import _core
from responsibility.batch._core import merge_rows, merge_rows_numpy

ROWS = st.lists(st.tuples(st.integers(0, 5), st.integers(0, 6), st.integers(-1, 4)), max_size=40)
MAIN = st.lists(st.tuples(st.integers(0, 5), st.integers(0, 6)), max_size=20)


@settings(max_examples=150, deadline=None)
@given(ROWS, MAIN, st.lists(st.integers(0, 3), min_size=7, max_size=7), st.booleans())
def test_merge_rows_of_two_segments_is_merge_rows_of_their_concatenation(
        rows: list[tuple[int, int, int]], main: list[tuple[int, int]], rank: list[int], sorted_in: bool) -> None:
    """expand's main-responsibility rows (no fact) as a second segment: the same output as the rows concatenated, in
    C and in numpy, so that expand no longer copies every row into one array (issue 12 item 3)."""
    if sorted_in:  # (as expand makes them: runs by record)
        rows, main = sorted(rows, key=lambda r: r[0]), sorted(main, key=lambda r: r[0])
    rec = np.array([r for r, _, _ in rows], np.int32)
    row = np.array([w for _, w, _ in rows], np.int64)
    fact = np.array([f for _, _, f in rows], np.int64)
    rec2 = np.array([r for r, _ in main], np.int32)
    row2 = np.array([w for _, w in main], np.int64)
    ranks = np.array(rank, np.int64)
    fon, fdl = np.arange(5, dtype=np.int32) * 10, np.arange(5, dtype=np.int32) * 10 + 1
    want = merge_rows_numpy(np.concatenate([rec, rec2]), np.concatenate([row, row2]),
                            np.concatenate([fact, np.full(len(rec2), -1, np.int64)]), ranks, fon, fdl)
    got = merge_rows(rec, row, fact, ranks, fon, fdl, 6, rec2, row2)
    assert [g.tolist() for g in got] == [w.tolist() for w in want]
    assert [g.dtype for g in got] == [w.dtype for w in want]
    assert len(got[0]) + len(got[4]) == len(rows) + len(main)
    saved = _core._c_merge_rows
    try:  # without the extension: numpy, on the concatenation
        _core._c_merge_rows = None
        assert [g.tolist() for g in merge_rows(rec, row, fact, ranks, fon, fdl, 6, rec2, row2)] == \
            [w.tolist() for w in want]
    finally:
        _core._c_merge_rows = saved
    if len(main):  # a second segment's record past the chunk: numpy answers (the same rows)
        assert [g.tolist() for g in merge_rows(rec, row, fact, ranks, fon, fdl, int(rec2.max()), rec2, row2)] == \
            [w.tolist() for w in want]


def test_merge_rows_refuses_a_second_segment_of_other_lengths() -> None:
    if _core._c_merge_rows is None:
        pytest.skip("batch/_derive.c is not built in this venv: pip install -e . builds it")
    i32, i64 = np.int32, np.int64
    one, two = np.zeros(1, i32), np.zeros(2, i32)
    out = (two, np.zeros(2, i64), two, two, two, np.zeros(2, i64), np.zeros(2, i64))
    with pytest.raises(ValueError, match="rec2 must be int32"):
        _core._c_merge_rows(one, np.zeros(1, i64), np.zeros(1, i64), np.zeros(1, i64), one, one, *out, 1, one,
                            np.zeros(2, i64))
    with pytest.raises(ValueError, match="room"):  # (room for both segments' rows)
        _core._c_merge_rows(one, np.zeros(1, i64), np.zeros(1, i64), np.zeros(1, i64), one, one, *out, 1, two,
                            np.zeros(2, i64))
    assert _core._c_merge_rows(one, np.zeros(1, i64), np.zeros(1, i64), np.zeros(1, i64), one, one, *out, 1, one,
                               np.zeros(1, i64)) == (1, 1)
