"""Session 34's batch-path change (issue 12 item 3): derive's, expand's, emit's and encode's look-ups by integer
arrays read through ``_core.take`` / ``_tables.pick`` give what numpy's indexing gave, on the indices those sites
pass (int32 and int64, long enough for the C pass, with the -1 of "no body" that numpy wraps)."""

from __future__ import annotations

import numpy as np

from responsibility.batch._core import take
from responsibility.batch._tables import pick


def test_take_of_a_full_index_is_numpy_indexing() -> None:
    """A 3-d and a 4-d table read by one integer array an axis (as ``receivers``, ``rectify_level``, ``rect_body`` and
    ``part`` are) give ``table[a, b, c, d]``, items and dtype, also where an axis's index is -1 (numpy wraps it)."""
    rng = np.random.default_rng(34)
    for shape, dtype in (((3, 4, 5, 6), np.int32), ((3, 4, 5, 6), np.bool_), ((7, 5, 9), np.bool_)):
        table = rng.integers(0, 9, shape).astype(dtype)
        n = 600  # (above pick's few-index threshold: the C pass)
        index = [rng.integers(0, size, n).astype(np.int32 if k % 2 else np.int64) for k, size in enumerate(shape)]
        got = take(table, *index)
        assert got.dtype == table.dtype and (got == table[tuple(index)]).all()
        index[-1][::7] = -1  # (no body: numpy's wrap, which take leaves to numpy)
        assert (take(table, *index) == table[tuple(index)]).all()


def test_pick_is_numpy_indexing_on_these_sites_indices() -> None:
    """``pick(values, index)`` is ``values[index]`` for the 1-d look-ups it now serves: int32 ranks by int32 codes with
    -1 among them, uint8 bytes by int64 offsets, int64 pieces by int64 ids."""
    rng = np.random.default_rng(7)
    ranks = np.array([0, 1, 2, 3, 4], np.int32)
    by = rng.integers(-1, 5, 1000).astype(np.int32)
    assert (pick(ranks, by) == ranks[by]).all() and pick(ranks, by).dtype == np.int32
    data = rng.integers(0, 256, 5000).astype(np.uint8)
    off = np.sort(rng.integers(0, 5000, 800)).astype(np.int64)
    assert (pick(data, np.minimum(off, len(data) - 1)) == data[np.minimum(off, len(data) - 1)]).all()
    pieces = rng.integers(0, 1 << 40, 3000).astype(np.int64)
    ids = rng.integers(0, 3000, 2000).astype(np.int64)
    assert (pick(pieces, ids) == pieces[ids]).all()
