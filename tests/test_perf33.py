"""Session 33's batch-path changes (issue 12 item 3): each gives what it replaced gives."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from responsibility.batch import _tables as _take


def _take1() -> object:
    if _take._c_take1 is None:
        pytest.skip("batch/_derive.c is not built in this venv with take1: pip install -e . builds it")
    return _take._c_take1


_DTYPES = [np.bool_, np.uint8, np.int16, np.int32, np.int64, np.uint64, np.float32, np.float64]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(_DTYPES), st.sampled_from([np.int32, np.int64]), st.integers(1, 50), st.data())
def test_take1_reads_what_np_take_reads(dtype: type, itype: type, n: int, data: st.DataObject) -> None:
    """The C gather of one item an index gives np.take's items (every item size, int32 and int64 indices), and says
    -1 at an index outside [0, n): numpy's then (a negative one wraps, one past the end raises)."""
    take1 = _take1()
    values = np.arange(n * 3 + 7, n * 4 + 7).astype(dtype)
    index = np.array(data.draw(st.lists(st.integers(0, n - 1), max_size=40)), itype)
    out = np.empty(len(index), values.dtype)
    assert take1(values, out, index, values.dtype.itemsize, index.dtype.itemsize == 8) == 0  # type: ignore[operator]
    assert out.dtype == values.dtype and (out == np.take(values, index)).all()
    outside = np.array([0, data.draw(st.sampled_from([-1, n, n + 1, -n]))], itype)
    assert take1(values, np.empty(2, values.dtype), outside, values.dtype.itemsize,  # type: ignore[operator]
                 outside.dtype.itemsize == 8) == -1


def test_pick_is_np_take_on_every_path() -> None:
    """``pick`` (the batch path's np.take) gives np.take's array where the C pass runs (many indices, a 1-d or C-ordered
    2-d table, flat) and where numpy answers (few indices, a negative index, a non-contiguous table, a 2-d or scalar
    index, a list); one past the end raises IndexError as np.take does."""
    _take1()
    rng = np.random.default_rng(33)
    n = 5000
    for dtype in _DTYPES:
        values = rng.integers(0, 100, n).astype(dtype)
        for itype in (np.int32, np.int64, np.intp):
            index = rng.integers(0, n, 3 * n).astype(itype)
            got = _take.pick(values, index)
            assert got.dtype == values.dtype and np.array_equal(got, np.take(values, index))
            for other in (index[:10], index[::2], -index - 1, index.reshape(3, n), index[:, None][:, 0]):
                assert np.array_equal(_take.pick(values, other), np.take(values, other))
        assert np.array_equal(_take.pick(values[::2], index[:n] // 2), np.take(values[::2], index[:n] // 2))
    table = rng.integers(0, 9, (50, 100)).astype(np.int32)
    index = rng.integers(0, table.size, 1000).astype(np.int32)
    assert np.array_equal(_take.pick(table, index), np.take(table, index))
    assert _take.pick(table.ravel(), np.int64(7)) == np.take(table.ravel(), 7)
    assert np.array_equal(_take.pick(table.ravel(), [1, 2, 3]), np.take(table.ravel(), [1, 2, 3]))
    past = np.full(1000, table.size, np.int32)
    with pytest.raises(IndexError):
        _take.pick(table, past)


def test_pick_runs_the_c_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    """Many int32 indices into a 1-d table are gathered in C (the kernel is called, numpy is not)."""
    _take1()
    values = np.arange(1000, dtype=np.int64)
    index = np.arange(999, -1, -1, dtype=np.int32)
    monkeypatch.setattr(_take.np, "take", None)  # (numpy's take would fail: not callable)
    assert np.array_equal(_take.pick(values, index), values[::-1])


def _full_digest(package: Path) -> bytes:
    import hashlib

    h = hashlib.sha256()
    for path in sorted(p for p in package.rglob("*") if p.suffix in (".py", ".pyc") and "__pycache__" not in p.parts):
        h.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.digest()


def test_code_digest_is_kept_by_the_files_stamp_and_made_again_when_a_file_changes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The assessor cache's hash of the package's code (batch/_saved._code_digest) is the hash of the files' bytes; a
    second process with the same files reads it from the cache without reading them; a file rewritten with other
    bytes of the same size (the same modification time set back) gives the new bytes' hash, not the kept one."""
    import os

    from responsibility.batch import _saved

    package = tmp_path / "pkg"
    (package / "batch").mkdir(parents=True)
    (package / "batch" / "_saved.py").write_text("x = 1\n")
    (package / "other.py").write_text("y = 2\n")
    monkeypatch.setenv("RESPONSIBILITY_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(_saved, "_PACKAGE", package)
    monkeypatch.setattr(_saved, "_code", [])
    first = _saved._code_digest()
    assert first == _full_digest(package)
    monkeypatch.setattr(_saved, "_code", [])
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read again"))  # (kept: no file is read)
    assert _saved._code_digest() == first
    monkeypatch.undo()
    monkeypatch.setenv("RESPONSIBILITY_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(_saved, "_PACKAGE", package)
    monkeypatch.setattr(_saved, "_code", [])
    st = os.stat(package / "other.py")
    (package / "other.py").write_text("y = 3\n")
    os.utime(package / "other.py", ns=(st.st_atime_ns, st.st_mtime_ns))
    assert _saved._code_digest() == _full_digest(package) != first


def test_unnamed_place_steps_marks_what_the_step_by_step_reading_marks() -> None:
    """An assignment naming no body to its place's level by a level above it (batch/_core.unnamed_place_steps): the
    look-up in one table made once marks slow the records the step-by-step reading of rectify_level and
    own_rectify_level marks (random tables and steps, assigning levels outside the table's too)."""
    from types import SimpleNamespace

    from responsibility.batch import _core

    rng = np.random.default_rng(33)
    for trial in range(40):
        areas, kinds, ranks, n, m = 3, 4, 5, 60, 400
        t = SimpleNamespace(place_assignee=True, place_rank=rng.integers(-1, ranks, 30).astype(np.int32),
                            rectify_level=rng.random((areas, kinds, ranks, ranks)) < 0.15 * (trial % 4),
                            own_rectify_level=rng.random((areas, kinds, ranks, ranks)) < 0.1 * (trial % 3))
        hp = np.sort(rng.integers(0, n, m)).astype(np.int32)
        place = rng.integers(0, 30, n).astype(np.int32)
        pr = np.maximum(t.place_rank[place], 0)
        cols = dict(hp=hp, htb=np.where(rng.random(m) < 0.8, -1, 2).astype(np.int32),
                    hto=np.where(rng.random(m) < 0.7, pr[hp], rng.integers(0, ranks, m)).astype(np.int32),
                    hact=rng.integers(0, 3, m).astype(np.int32), hby=rng.integers(-1, ranks + 2, m).astype(np.int32),
                    kind=rng.integers(0, kinds, n).astype(np.int32), area=rng.integers(0, areas, n).astype(np.int32),
                    place=place)
        slow = rng.random(n) < 0.1
        fast, ref = (SimpleNamespace(**cols, slow=slow.copy()) for _ in range(2))
        _core.unnamed_place_steps(fast, t)  # type: ignore[arg-type]
        _core.unnamed_place_steps_numpy(ref, t)  # type: ignore[arg-type]
        assert (fast.slow == ref.slow).all(), trial
