"""Pieces of the batch emitter (``batch/_emit.py``) on their own; the rows they make are compared
with ``who_answers`` in tests/test_batch.py and tests/test_batch_periods.py."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from responsibility.batch._emit import KeyIds

KEYS = st.lists(st.lists(st.integers(0, 2**62), max_size=300), min_size=1, max_size=6)


@settings(max_examples=60, deadline=None)
@given(KEYS, st.integers(0, 2**62))
def test_key_ids_find_what_was_added_and_nothing_else(batches: list[list[int]], probe: int) -> None:
    table, known = KeyIds(), {}
    for batch in batches:
        keys = np.array([*batch, probe], np.int64)
        expected = np.array([known.get(k, -1) for k in keys.tolist()], np.int64)
        assert (table.find(keys) == expected).all()
        new = [k for k in dict.fromkeys(batch) if k not in known]
        ids = np.arange(len(known), len(known) + len(new), dtype=np.int64)
        table.add(np.array(new, np.int64), ids)
        known.update(zip(new, ids.tolist(), strict=True))
        assert table.count == len(known) and 2 * table.count <= len(table.keys)
    everything = np.array([*known, probe], np.int64)
    assert (table.find(everything) == np.array([known.get(k, -1) for k in everything.tolist()])).all()


def test_key_ids_that_share_a_slot_are_found_past_each_other() -> None:
    table = KeyIds()
    # keys that land in one slot of the empty table, added at once: linear probing must chain them
    candidates = np.arange(200_000, dtype=np.int64)
    slots = table._slots(candidates)
    same = candidates[slots == slots[0]]
    alike, absent = same[:5], same[5:8]
    assert len(absent) == 3
    table.add(alike, alike * 10)
    assert (table.find(alike) == alike * 10).all()
    assert (table.find(absent) == -1).all()  # past the chain, to the first empty slot
    # growing the table (rehashing) keeps every key, and the chained ones stay found
    more = np.arange(10**6, 10**6 + 4000, dtype=np.int64)
    table.add(more, more)
    assert len(table.keys) >= 2 * (len(more) + 5)
    assert (table.find(np.concatenate([alike, more])) == np.concatenate([alike * 10, more])).all()


def test_reasons_are_their_segments_joined_and_an_unknown_segment_is_refused() -> None:
    """The takes of :func:`reasons` skip Arrow's bounds check; the ids are checked once instead."""
    import pytest

    from responsibility.batch._emit import Segments, reasons

    segments = Segments()
    segments.extend([b"ab", "村".encode(), b"c"])  # ids 1, 2, 3 (0 is the empty segment)
    segs = np.array([[1, 2], [3, 0], [0, 0]], np.int64)
    got = reasons(segments, segs.copy(), np.array([2]), [b"given"])
    assert got.to_pylist() == ["ab村", "c", "given"]
    assert len(segments) == 4  # the given texts are dropped again
    for bad in (4, -1):
        with pytest.raises(RuntimeError, match="never made"):
            reasons(segments, np.array([[1, bad]], np.int64), np.zeros(0, np.int64), [])


def test_reasons_are_the_same_from_a_fresh_buffer_and_a_kept_one() -> None:
    """Without ``reuse`` the text goes into a buffer of Arrow's pool (kept by the pool between
    chunks); with it, into one buffer kept by the segments: the same rows, empty ones too."""
    from responsibility.batch._emit import Segments, reasons

    segments = Segments()
    segments.extend([b"ab", "村".encode(), b""])
    for segs in (np.array([[1, 2], [2, 1], [0, 3]], np.int64), np.zeros((2, 2), np.int64), np.zeros((0, 2), np.int64)):
        fresh = reasons(segments, segs.copy(), np.zeros(0, np.int64), [])
        segments.reuse = True
        kept = reasons(segments, segs.copy(), np.zeros(0, np.int64), [])
        segments.reuse = False
        want = ["".join(["", "ab", "村", ""][s] for s in row) for row in segs.tolist()]
        assert fresh.to_pylist() == kept.to_pylist() == want
        fresh.validate(full=True)
