"""Session 32's bulk kernels (issue 12 item 3): each gives what its numpy reference gives."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from responsibility.batch._repeats import Repeats


def _scan() -> object:
    from responsibility.batch import _scan

    if not hasattr(_scan, "any_equal"):
        pytest.skip("batch/_scan.c is not built in this venv: pip install -e . builds it")
    return _scan


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 2**64 - 1), max_size=60), st.data())
def test_any_equal_says_what_numpy_s_sort_says(hashes: list[int], data: st.DataObject) -> None:
    """Whether two valid hashes are equal (a shared-id check's first question, Repeats.found): the C pass answers as
    numpy's sort of the valid hashes does, with repeats drawn often (a value drawn again) and masks of every kind."""
    scan = _scan()
    if hashes and data.draw(st.booleans()):
        hashes = [*hashes, data.draw(st.sampled_from(hashes))]
    h = np.array(hashes, np.uint64)
    valid = np.array(data.draw(st.lists(st.booleans(), min_size=len(h), max_size=len(h))), bool)
    for mask in (valid, np.ones(len(h), bool), None):
        want = Repeats._any_equal_numpy(h, mask)
        assert scan.any_equal(h, b"" if mask is None else mask.astype(np.uint8)) is want  # type: ignore[attr-defined]
        assert Repeats._any_equal(h, mask) is want
    assert scan.any_equal(h, b"") is Repeats._any_equal_numpy(h, np.ones(len(h), bool))  # type: ignore[attr-defined]


def test_any_equal_on_many_hashes_finds_one_repeat_anywhere() -> None:
    """A million hashes (the bitmap's candidates are then tens of thousands of unequal hashes sharing a bit): no
    repeat is no repeat; one repeat, at either end or in the middle, is found; a repeat whose one side is not valid is
    none. Bad arguments are refused."""
    scan = _scan()
    h = np.random.default_rng(32).integers(0, 2**64 - 1, 1_000_000, dtype=np.uint64, endpoint=True)
    h = np.unique(h)  # (distinct)
    np.random.default_rng(1).shuffle(h)
    assert scan.any_equal(h, b"") is False  # type: ignore[attr-defined]
    for i, j in ((0, 1), (0, len(h) - 1), (500_000, 12), (len(h) - 2, len(h) - 1)):
        g = h.copy()
        g[j] = g[i]
        assert scan.any_equal(g, b"") is True  # type: ignore[attr-defined]
        valid = np.ones(len(g), np.uint8)
        valid[j] = 0
        assert scan.any_equal(g, valid) is False  # type: ignore[attr-defined]
    with pytest.raises(ValueError, match="valid empty or one byte a hash"):
        scan.any_equal(h, b"\x01")  # type: ignore[attr-defined]
    with pytest.raises(ValueError, match="uint64"):
        scan.any_equal(b"1234567", b"")  # type: ignore[attr-defined]


def test_found_names_the_records_that_share_an_id() -> None:
    """Repeats.found through the C check: the same records named as before (absent ids never repeat; ids without a
    null need no mask)."""
    r = Repeats()
    r._strings(["a", "b", None, "c"], np.arange(4), None)
    r._strings(["d", None, "b", "e"], np.arange(4, 8), np.arange(10, 14))
    assert r.found() == {"b": [(1, None), (6, 12)]}
    r = Repeats()
    r._strings(["a", None, None, "c"], np.arange(4), None)
    assert r.found() == {}
    import pyarrow as pa

    r = Repeats()  # Parquet ids with no null: no mask is made, and a repeat across two batches is still found
    r.table(pa.table({"id": ["x", "y", "z"]}))
    r.table(pa.table({"id": ["w", "y"]}), start=3)
    assert r.hashes[0][1] is None and r.found() == {"y": [(1, None), (4, None)]}
    r = Repeats()
    r.table(pa.table({"id": ["x", "y", "z"]}))
    assert r.found() == {}
