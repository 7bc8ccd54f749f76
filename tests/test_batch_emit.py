"""Pieces of the batch emitter (``batch/_emit.py``) on their own; the rows they make are compared
with ``who_answers`` in tests/test_batch.py and tests/test_batch_periods.py."""

from __future__ import annotations

from typing import Any

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


@settings(max_examples=60, deadline=None)
@given(KEYS, st.lists(st.integers(0, 2**62), max_size=50))
def test_key_ids_are_found_alike_in_c_and_numpy(batches: list[list[int]], probes: list[int]) -> None:
    """The C look-up (batch/_gather.c) walks KeyIds' table as numpy does: the same id or -1 for every key."""
    from responsibility.batch import _emit

    if _emit._c_find is None:
        return
    table, known = KeyIds(), 0
    for batch in batches:
        new = np.array(list(dict.fromkeys(batch)), np.int64)
        new = new[table.find_numpy(new) < 0]
        table.add(new, np.arange(known, known + len(new), dtype=np.int64))
        known += len(new)
        keys = np.array([*batch, *probes], np.int64)
        assert (table.find(keys) == table.find_numpy(keys)).all()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.tuples(st.integers(0, 3000), st.integers(1, 3)), max_size=300), min_size=1, max_size=6),
       st.integers(0, 50))
def test_key_ids_found_or_added_alike_in_c_and_numpy(runs: list[list[tuple[int, int]]], next_id: int) -> None:
    """find_add: every key gets the id it had, or a new one (next_id + its place among the new keys, which
    are each's first appearance); C and numpy add the same keys (C in the order they come, numpy in the
    order of their values), and growing the table on the way (from 1024 slots) loses none; a key may come
    again right after itself (C takes the id of the one before)."""
    from responsibility.batch import _emit

    variants = [(KeyIds(), {}, False)]
    if _emit._c_find_add is not None:
        variants.append((KeyIds(), {}, True))
    for batch in ([k for k, times in run for _ in range(times)] for run in runs):
        keys = np.array(batch, np.int64)
        added = []
        for table, known, in_c in variants:
            out, firsts = table.find_add(keys, next_id) if in_c else table.find_add_numpy(keys, next_id)
            new = [int(keys[f]) for f in firsts.tolist()]
            assert len(set(new)) == len(new) and not set(new) & set(known)
            assert all(batch.index(k) == f for k, f in zip(new, firsts.tolist(), strict=True))  # first appearances
            if in_c:
                assert firsts.tolist() == sorted(firsts.tolist())
            made = {k: next_id + j for j, k in enumerate(new)}
            assert out.tolist() == [known.get(k, made.get(k, -1)) for k in batch]
            known.update(made)
            assert table.count == len(known) and 2 * table.count <= len(table.keys)
            added.append(set(new))
        assert all(a == added[0] for a in added)
        next_id += 7


def test_the_c_look_up_refuses_a_table_it_cannot_walk() -> None:
    import pytest

    from responsibility.batch import _emit

    if _emit._c_find is None:
        pytest.skip("not built")
    keys, ids, wanted = np.full(8, -1, np.int64), np.zeros(8, np.int64), np.array([3], np.int64)
    out = np.zeros(1, np.int64)
    _emit._c_find(out, keys, ids, wanted)
    assert out.tolist() == [-1]
    for k, i, w, o in ((keys[:6], ids[:6], wanted, out), (keys, ids[:4], wanted, out),
                       (keys, ids, wanted, np.zeros(2, np.int64)), (keys.astype(np.int32), ids, wanted, out)):
        with pytest.raises(ValueError):
            _emit._c_find(o, k, i, w)
    with pytest.raises(TypeError):  # a read-only output
        _emit._c_find(bytes(8), keys, ids, wanted)
    firsts = np.zeros(1, np.int64)
    assert _emit._c_find_add(keys, ids, wanted, out, firsts, 0, 0, 0, 5) == (1, 1, 1) and out.tolist() == [5]
    for bad_keys, start, count in ((np.array([-3], np.int64), 0, 1), (wanted, 2, 1), (wanted, 0, 5)):
        with pytest.raises(ValueError):  # a negative key; start past the keys; a table said to be over half full
            _emit._c_find_add(keys, ids, bad_keys, out, firsts, start, 0, count, 0)


def test_day_ids_are_the_ids_of_the_dates_texts() -> None:
    """Days inside the table, outside it (both ends) and NONE (the empty text), found again on a later call."""
    import datetime as dt

    from responsibility.batch._emit import DayIds, Texts
    from responsibility.batch._tables import EPOCH, NONE

    texts = Texts()
    days = DayIds(texts)
    wanted = np.array([0, NONE, 18_993, DayIds.LOW - 5, DayIds.HIGH + 3, 18_993, DayIds.LOW, DayIds.HIGH, NONE],
                      np.int32)
    for _ in range(2):
        got = days(wanted)
        assert [texts.items[i].decode() for i in got.tolist()] == \
            ["" if d == NONE else dt.date.fromordinal(d + EPOCH).isoformat() for d in wanted.tolist()]
    assert days(np.zeros(0, np.int32)).tolist() == []


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


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.integers(0, 5), min_size=2, max_size=2), max_size=40), st.data())
def test_lazy_reasons_are_those_reasons_makes_in_any_range_of_rows(rows: list[list[int]], data: Any) -> None:
    """:func:`lazy_reasons` leaves the reasons to be made a range of rows at a time (the writer's pieces): the
    same texts as :func:`reasons` (the given rows too), what ``nbytes`` says Arrow counts, and the same after the
    segments have started afresh in new buffers (``bound``) and were added to."""
    import pyarrow as pa

    from responsibility.batch import _emit
    from responsibility.batch._emit import Segments, lazy_reasons, reasons

    segments = Segments()
    segments.extend([b"ab", "村".encode(), b"", b"xyz" * 9, "镇".encode() * 3])  # ids 1-5
    segs = np.array(rows, np.int64).reshape(len(rows), 2)
    given = np.array(sorted(data.draw(st.sets(st.integers(0, max(len(rows) - 1, 0)), max_size=3))) if rows else [],
                     np.int64)
    texts = [f"given {i}".encode() for i in range(len(given))]
    want = reasons(segments, segs.copy(), given, texts)
    lazy = lazy_reasons(segments, segs.copy(), given, texts)
    assert len(lazy) == len(rows) and lazy.nbytes == want.nbytes
    lo = data.draw(st.integers(0, len(rows)))
    hi = data.draw(st.integers(lo, len(rows)))
    old = _emit._SEGMENTS
    try:  # started afresh, and added to, before the rows' reasons are made
        _emit._SEGMENTS = 0
        segments.bound()
    finally:
        _emit._SEGMENTS = old
    segments.extend([b"other"] * 7)
    whole, part = lazy.array(), lazy.array(lo, hi)
    whole.validate(full=True)
    part.validate(full=True)
    assert whole.equals(want) and whole.nbytes == lazy.nbytes
    assert part.equals(want.slice(lo, hi - lo)) and isinstance(part, pa.StringArray)
    scratch = np.full(1000, 7, np.uint8)  # memory given for the text (the writer's, from piece to piece)
    kept = lazy.array(lo, hi, lambda size: scratch)
    kept.validate(full=True)
    assert kept.equals(part)


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


def test_the_extension_is_built_where_ci_runs() -> None:
    """scripts/setup.sh installs a C compiler and Python's headers where they are missing, so the
    reasons are gathered in C (batch/_gather.c); without them the install still works (below). A venv
    made before the extension existed builds it with ``pip install -e .`` (or scripts/setup.sh)."""
    import os

    import pytest

    from responsibility.batch import _emit

    if _emit._c_gather is None and not os.environ.get("CI"):
        pytest.skip("batch/_gather.c is not built in this venv: pip install -e . (scripts/setup.sh) builds it")
    assert _emit._c_gather is not None, "batch/_gather.c was not built: run scripts/setup.sh (a C compiler)"


@settings(max_examples=40, deadline=None)
@given(st.lists(st.binary(max_size=40), max_size=60), st.data())
def test_c_and_arrow_gather_the_same_bytes(items: list[bytes], data: st.DataObject) -> None:
    """The C kernel and Arrow's takes put the same bytes in the buffer, for any store and rows."""
    from responsibility.batch import _emit
    from responsibility.batch._emit import Segments, take_gather

    if _emit._c_gather is None:
        return
    segments = Segments()
    segments.extend(items)
    n = data.draw(st.integers(0, 3 * _emit._TAKE_ROWS // 1000 + 20))
    flat = np.array(data.draw(st.lists(st.integers(0, len(segments) - 1), min_size=2 * n, max_size=2 * n)),
                    np.int64)
    sizes = (segments.offsets[flat + 1] - segments.offsets[flat]).reshape(n, 2).sum(axis=1)
    offsets = np.zeros(n + 1, np.int64)
    np.cumsum(sizes, out=offsets[1:])
    by_c, by_take = (np.full(int(offsets[-1]) + 3, 7, np.uint8) for _ in range(2))
    _emit.gather(segments, flat, offsets, by_c[:int(offsets[-1])])
    take_gather(segments, flat, offsets, by_take[:int(offsets[-1])])
    assert by_c.tobytes() == by_take.tobytes()
    assert by_c.tobytes() == b"".join([b"", *items][s] for s in flat.tolist()) + b"\x07" * 3


def test_the_c_kernel_refuses_what_lies_outside_its_buffers() -> None:
    import pytest

    from responsibility.batch import _emit

    if _emit._c_gather is None:
        pytest.skip("not built")
    data = np.frombuffer(b"abcdef", np.uint8)
    offsets = np.array([0, 2, 6], np.int32)
    out = np.zeros(6, np.uint8)
    assert _emit._c_gather(out, data, offsets, np.array([1, 0], np.int64)) == 6 and out.tobytes() == b"cdefab"
    for segs, small in (([2], False), ([-1], False), ([1, 1], True)):
        with pytest.raises(ValueError):
            _emit._c_gather(out[:4] if small else out, data, offsets, np.array(segs, np.int64))
    with pytest.raises(ValueError):  # offsets past the store's bytes
        _emit._c_gather(out, data, np.array([0, 9], np.int32), np.array([0], np.int64))
    with pytest.raises(TypeError):  # a read-only output
        _emit._c_gather(b"......", data, offsets, np.array([0], np.int64))


def test_without_the_extension_the_findings_are_the_same(policy: Any, monkeypatch: Any) -> None:
    """An install without a C compiler (no batch/_gather: reasons gathered by Arrow's take, segment keys
    found and the days of date slots read by numpy) writes the same findings, byte for byte."""
    from responsibility import Jurisdiction
    from responsibility.batch import _emit

    from .test_batch import TODAY, ledger

    j = Jurisdiction.example()
    records = ledger(policy, j, 400, seed=9)
    with_c = policy.assess(records, jurisdiction=j, today=TODAY)
    monkeypatch.setattr(_emit, "_c_gather", None)
    monkeypatch.setattr(_emit, "_c_find", None)
    monkeypatch.setattr(_emit, "_c_find_add", None)
    monkeypatch.setattr(_emit, "_c_row_offsets", None)
    monkeypatch.setattr(_emit, "_c_row_columns", None)
    monkeypatch.setattr(_emit, "_c_group_rows", None)
    monkeypatch.setattr(_emit, "_c_segment_keys", None)
    monkeypatch.setattr(_emit, "_c_slot_days", None)
    without = policy.assess(records, jurisdiction=j, today=TODAY)
    assert len(with_c.findings) > 1000 and with_c.findings.equals(without.findings)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.binary(max_size=30), max_size=40), st.integers(1, 5), st.integers(0, 2**31 - 1), st.data())
def test_row_offsets_are_alike_in_c_and_numpy(items: list[bytes], per: int, start: int, data: st.DataObject) -> None:
    """Where rows of ``per`` segments start and end (batch/_gather.c's row_offsets and its numpy reference):
    the same int32 offsets and end, the same refusal of an id outside the store or an end past int32."""
    import pytest

    from responsibility.batch import _emit
    from responsibility.batch._emit import Segments, row_offsets_numpy

    segments = Segments()
    segments.extend(items)
    rows = data.draw(st.integers(0, 30))
    ids = data.draw(st.lists(st.integers(-2, len(segments) + 1), min_size=per * rows, max_size=per * rows))
    flat = np.array(ids, np.int64)
    variants = [row_offsets_numpy]
    if _emit._c_row_offsets is not None:
        variants.append(_emit.row_offsets)
    expected: Any = None
    if all(0 <= i < len(segments) for i in ids):
        sizes = [sum(len([b"", *items][i]) for i in ids[r * per:(r + 1) * per]) for r in range(rows)]
        ends = np.cumsum([start, *sizes]).tolist()
        expected = OverflowError if ends[-1] >= 2**31 else ends
    else:  # (C stops at the first error it meets: an end past int32 may come before the bad id)
        known = sum(len([b"", *items][i]) for i in ids if 0 <= i < len(segments))
        expected = (ValueError, OverflowError) if start + known >= 2**31 else ValueError
    for f in variants:
        if isinstance(expected, list):
            out, end = f(segments, flat, per, start)
            assert out.dtype == np.int32 and out.tolist() == expected and end == expected[-1]
        else:
            with pytest.raises(expected):
                f(segments, flat, per, start)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.binary(max_size=20), min_size=1, max_size=30), st.integers(1, 5), st.data())
def test_segments_made_of_pieces_are_their_pieces_joined(items: list[bytes], width: int, data: st.DataObject) -> None:
    """Segments.extend_pieces (how the emitter makes new segments: literal runs and slot values, ids in a
    store of pieces) appends each row's pieces joined, after what the segments held, in C and without it."""
    from responsibility.batch import _emit
    from responsibility.batch._emit import Segments

    pieces = Segments()
    pieces.extend(items)
    before = data.draw(st.lists(st.binary(max_size=10), max_size=5))
    rows = data.draw(st.lists(st.lists(st.integers(0, len(items)), min_size=width, max_size=width), max_size=20))
    made = []
    for in_c in (True, False):
        if in_c and _emit._c_row_offsets is None:
            continue
        segments = Segments()
        segments.extend(before)
        saved = _emit._c_gather, _emit._c_row_offsets
        if not in_c:
            _emit._c_gather = _emit._c_row_offsets = None
        try:
            segments.extend_pieces(pieces, np.array(rows, np.int64).reshape(len(rows), width))
        finally:
            _emit._c_gather, _emit._c_row_offsets = saved
        assert len(segments) == 1 + len(before) + len(rows)
        made.append(segments.arrow().to_pylist())
    want = [b"", *before, *(b"".join([b"", *items][i] for i in row) for row in rows)]
    assert all(m == want for m in made)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(0, 2**62), min_size=1, max_size=3000, unique=True), st.randoms(use_true_random=False))
def test_a_grown_table_keeps_every_key_with_its_id(keys: list[int], rnd: Any) -> None:
    """Growing KeyIds' table (from 1024 slots, several times over) puts every key back with its own id,
    whether the keys go back in C (find_add, each key's id then set) or by numpy's add."""
    from responsibility.batch import _emit

    ids = list(range(10 * len(keys)))
    rnd.shuffle(ids)
    ids = ids[:len(keys)]  # distinct ids in no order (as segment ids of one pattern are)
    saved = _emit._c_find_add
    found = []
    try:
        for c in ({saved} if saved is not None else set()) | {None}:
            _emit._c_find_add = c
            table = KeyIds()
            for lo in range(0, len(keys), 700):  # in batches, so that the table grows with keys in it
                table.add(np.array(keys[lo:lo + 700], np.int64), np.array(ids[lo:lo + 700], np.int64))
            assert table.count == len(keys) and 2 * table.count <= len(table.keys)
            found.append(table.find_numpy(np.array([*keys, 2**62 + 1], np.int64)).tolist())
    finally:
        _emit._c_find_add = saved
    assert all(f == [*ids, -1] for f in found)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 6), st.integers(1, 4), st.integers(1, 5), st.integers(1, 4), st.data())
def test_row_columns_are_alike_in_c_and_numpy(ntpl: int, nrec: int, nplace: int, ranks: int,
                                              data: st.DataObject) -> None:
    """The few-valued columns of finding rows (batch/_gather.c's row_columns and its numpy reference): the
    same values and dtypes, the place wrapped where a rank or place is -1 as numpy wraps it, the counts of
    each (basis, liability); an index outside its table is refused (ValueError in C, IndexError in numpy)."""
    import pytest

    from responsibility.batch import _emit

    nbody, nb, nl = 3, 3, 2
    ints = st.integers
    tbody = np.array(data.draw(st.lists(ints(-1, nbody - 1), min_size=ntpl, max_size=ntpl)), np.int64)
    tbasis = np.array(data.draw(st.lists(ints(0, nb - 1), min_size=ntpl, max_size=ntpl)), np.int64)
    tliab = np.array(data.draw(st.lists(ints(0, nl - 1), min_size=ntpl, max_size=ntpl)), np.int64)
    tclause = np.array(data.draw(st.lists(ints(0, 50), min_size=ntpl, max_size=ntpl)), np.int64)
    place = np.array(data.draw(st.lists(ints(-1, nplace - 1), min_size=nrec, max_size=nrec)), np.int32)
    area = np.array(data.draw(st.lists(ints(0, 9), min_size=nrec, max_size=nrec)), np.int32)
    numbers = np.array(data.draw(st.lists(ints(0, 2**40), min_size=nrec, max_size=nrec)), np.int64)
    ancestor = np.array(data.draw(st.lists(ints(-1, 99), min_size=nplace * ranks, max_size=nplace * ranks)),
                        np.int32).reshape(nplace, ranks)
    body_rank = np.array(data.draw(st.lists(ints(-1, ranks - 1), min_size=nbody, max_size=nbody)), np.int64)
    rows = data.draw(ints(0, 40))
    frow = np.array(data.draw(st.lists(ints(0, ntpl - 1), min_size=rows, max_size=rows)), np.int64)
    frec = np.array(data.draw(st.lists(ints(0, nrec - 1), min_size=rows, max_size=rows)), np.int32)
    args = (frow, frec, (tbody, tbasis, tliab, tclause), place, area, numbers, ancestor, body_rank, nb * nl, nl)
    want = _emit.row_columns_numpy(*args)
    assert want[7].sum() == rows
    if _emit._c_row_columns is None:
        return
    got = _emit.row_columns(*args)
    assert [g.dtype for g in got] == [w.dtype for w in want]
    assert all(g.tolist() == w.tolist() for g, w in zip(got, want, strict=True))
    if rows:  # a template row, then a record, outside its table
        for bad in ((frow + ntpl, frec), (frow, frec + nrec)):
            with pytest.raises(ValueError):
                _emit.row_columns(*bad, *args[2:])
            with pytest.raises(IndexError):
                _emit.row_columns_numpy(*bad, *args[2:])


def test_a_dictionary_column_is_checked_where_an_index_is_outside() -> None:
    """to_arrow's dictionary columns (Arrow's own check of every index left out where their bounds are
    inside): the same array as Arrow's checked one, and Arrow's refusal of an index outside, as ever."""
    import pyarrow as pa
    import pytest

    from responsibility.batch._assessor import _coded

    words = pa.array(["a", "b", "c"])
    for idx in ([2, 0, 1, 1], []):
        got = _coded(np.array(idx, np.int32), words)
        assert got.equals(pa.DictionaryArray.from_arrays(pa.array(idx, pa.int32()), words))
        got.validate(full=True)
    for bad in ([0, 3], [-1, 1]):
        with pytest.raises(pa.ArrowException) as checked:
            pa.DictionaryArray.from_arrays(pa.array(bad, pa.int32()), words)
        with pytest.raises(checked.type):
            _coded(np.array(bad, np.int32), words)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 6), st.integers(1, 5), st.integers(0, 1), st.booleans(), st.data())
def test_rows_are_grouped_alike_in_c_and_numpy(ntpl: int, npat: int, k: int, some: bool, data: st.DataObject) -> None:
    """Finding rows grouped by the slot pattern of a segment (batch/_gather.c's group_rows and its numpy
    reference): the same positions, in order of pattern and then of position (or of ``which``), the same
    counts and the same records and template rows; a template row outside the patterns is refused."""
    import pytest

    from responsibility.batch import _emit

    pattern = np.array(data.draw(st.lists(st.integers(0, npat - 1), min_size=2 * ntpl, max_size=2 * ntpl)),
                       np.int64).reshape(ntpl, 2)
    n = data.draw(st.integers(0, 40))
    frow = np.array(data.draw(st.lists(st.integers(0, ntpl - 1), min_size=n, max_size=n)), np.int64)
    frec = np.array(data.draw(st.lists(st.integers(0, 10**6), min_size=n, max_size=n)), np.int32)
    which = np.array(sorted(data.draw(st.sets(st.integers(0, n - 1)))) if n else [], np.int64) if some else None
    want = _emit.group_rows_numpy(pattern, k, frow, frec, which, npat)
    at = np.arange(n) if which is None else which
    expect = sorted(at.tolist(), key=lambda i: int(pattern[frow[i], k]))  # (a stable sort)
    assert want[0].tolist() == expect and int(want[1].sum()) == len(at)
    if _emit._c_group_rows is None:
        return
    got = _emit.group_rows(pattern, k, frow, frec, which, npat)
    assert [g.dtype for g in got] == [w.dtype for w in want]
    assert all(g.tolist() == w.tolist() for g, w in zip(got, want, strict=True))
    if len(at):
        with pytest.raises(ValueError):
            _emit.group_rows(pattern, k, frow + ntpl, frec, which, npat)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 6), st.integers(0, 2), st.integers(0, 1), st.data())
def test_segment_keys_are_alike_in_c_and_numpy(ntpl: int, nvalues: int, k: int, data: st.DataObject) -> None:
    """A segment's key (batch/_gather.c's segment_keys and its numpy reference): the template row's
    signature, then each slot value as a digit below 2**21; a value outside is refused in C."""
    import pytest

    from responsibility.batch import _emit

    sig = np.array(data.draw(st.lists(st.integers(0, 2**20), min_size=2 * ntpl, max_size=2 * ntpl)),
                   np.int64).reshape(ntpl, 2)
    n = data.draw(st.integers(0, 30))
    rows = np.array(data.draw(st.lists(st.integers(0, ntpl - 1), min_size=n, max_size=n)), np.int64)
    values = [np.array(data.draw(st.lists(st.integers(0, _emit._RADIX - 1), min_size=n, max_size=n)), np.int64)
              for _ in range(nvalues)]
    want = _emit.segment_keys_numpy(sig, k, rows, values)
    assert want.tolist() == [sum(int(x) * _emit._RADIX ** (nvalues - j) for j, x in
                                 enumerate([sig[r, k], *(v[i] for v in values)]))
                             for i, r in enumerate(rows.tolist())]
    if _emit._c_segment_keys is None:
        return
    assert _emit.segment_keys(sig, k, rows, values).tolist() == want.tolist()
    if n and nvalues:
        with pytest.raises(ValueError):
            _emit.segment_keys(sig, k, rows, [values[0] + _emit._RADIX, *values[1:]])


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 50), st.integers(1, 8), st.data())
def test_level_bits_are_numpys_packed_bits(n: int, levels: int, data: st.DataObject) -> None:
    """Each record's assigned levels as bits (Emitter.slot's lowest assigned level): what np.packbits
    makes of the same mask, bit j for level j."""
    from responsibility.batch._emit import level_bits
    from responsibility.batch._tables import NONE

    days = data.draw(st.lists(st.sampled_from([NONE, 0, 19_000, -5]), min_size=n * levels, max_size=n * levels))
    on = np.array(days, np.int32).reshape(n, levels)
    want = np.packbits(on != NONE, axis=1, bitorder="little").reshape(-1)
    got = level_bits(on)
    assert got.dtype == np.uint8 and got.tolist() == want.tolist()


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(-200, 200), max_size=60), st.lists(st.integers(-200, 200), max_size=60))
def test_day_ids_are_alike_in_c_and_numpy(seen: list[int], asked: list[int]) -> None:
    """DayIds' look-up in C (batch/_gather.c's day_ids: days that have their text already) and in numpy:
    the same ids, NONE the empty text, and a day not seen yet (or outside the table) made as numpy makes it."""
    from responsibility.batch._emit import DayIds, Texts
    from responsibility.batch._tables import NONE

    texts = Texts()
    days = DayIds(texts)
    base = 19_000
    edge = [DayIds.LOW, DayIds.HIGH, DayIds.HIGH + 1, NONE]
    days.numpy(np.array([base + d for d in seen] + edge[:2], np.int32))
    wanted = np.array([base + d for d in asked] + edge, np.int32)
    got = days(wanted)  # (C where every day is seen; else numpy, which makes the rest)
    assert got.tolist() == days.numpy(wanted).tolist()
    known = np.array([base + d for d in seen] + [NONE, DayIds.LOW], np.int32)
    assert days(known).tolist() == days.numpy(known).tolist()
    assert [texts.items[i] for i in days(known).tolist()][-2:] == [b"", b"1800-01-01"]


def test_rows_of_one_slot_pattern_make_the_same_findings_as_rows_grouped_by_pattern(policy: Any, monkeypatch: Any
                                                                                     ) -> None:
    """Where every template row's first segment has one slot pattern (the place), the emitter takes a chunk's rows as
    they come instead of grouping them by pattern (``Emitter._only_pattern``): the findings are the same, byte for
    byte, as where every segment is grouped, with rows of the reference path among them (broken records)."""
    from responsibility import Jurisdiction
    from responsibility.batch import _emit

    from .test_batch import TODAY, ledger

    j = Jurisdiction.example()
    records = ledger(policy, j, 400, seed=11, broken=0.05)
    seen: list[int] = []
    only = _emit.Emitter._only_pattern

    def watched(self: Any, k: int) -> int:
        seen.append(only(self, k))
        return seen[-1]

    monkeypatch.setattr(_emit.Emitter, "_only_pattern", watched)
    fast = policy.assess(records, jurisdiction=j, today=TODAY)
    assert seen and seen[0] >= 0  # (segment 0 ends with the place in every template row of the shipped policy)
    monkeypatch.setattr(_emit.Emitter, "_only_pattern", lambda self, k: -1)
    grouped = policy.assess(records, jurisdiction=j, today=TODAY)
    assert len(fast.findings) > 1000 and fast.findings.equals(grouped.findings)
    assert fast.rejects.equals(grouped.rejects)


@settings(max_examples=80, deadline=None)
@given(st.integers(1, 6), st.integers(1, 8), st.integers(1, 5), st.booleans(), st.booleans(), st.data())
def test_the_days_of_date_slots_are_alike_in_c_and_numpy(n: int, nr: int, ntpl: int, ranked: bool, owned: bool,
                                                        data: st.DataObject) -> None:
    """The day a reason's date slot names (received; assigned or deadline: the fact's own level where its record
    has it, else the record's lowest, a level's own day standing for it where given) in one C pass
    (``_emit._slot_days``) as Emitter.slot makes it in numpy; a row whose template row's level lies outside the
    table is left to numpy."""
    import pytest

    from responsibility.batch import _emit
    from responsibility.batch._tables import NONE

    if _emit._c_slot_days is None:
        pytest.skip("batch/_gather.c is not built in this venv: pip install -e . builds it")
    day = st.sampled_from([NONE, 0, 18_700, 18_900])
    table = np.array(data.draw(st.lists(day, min_size=n * nr, max_size=n * nr)), np.int32).reshape(n, nr)
    level = np.array(data.draw(st.lists(st.integers(-1, nr - 1), min_size=ntpl, max_size=ntpl)), np.int64)
    m = data.draw(st.integers(0, 12))
    rec = np.array(data.draw(st.lists(st.integers(0, n - 1), min_size=m, max_size=m)), np.int32)
    row = np.array(data.draw(st.lists(st.integers(0, ntpl - 1), min_size=m, max_size=m)), np.int64)
    own = np.array(data.draw(st.lists(day, min_size=m, max_size=m)), np.int32) if owned else None
    levels = _emit.level_bits(table) if ranked else None
    lv = level[row]
    if ranked:  # (Emitter.slot's numpy: the rank, then the day, the own day, NONE without a rank)
        assert levels is not None
        bits = levels[rec]
        has = (bits >> np.maximum(lv, 0)) & 1
        rank = np.where(lv >= 0, np.where(has != 0, lv, _emit._LOWEST[bits]), -1)
        days = table[rec, np.maximum(rank, 0)] if m else np.zeros(0, np.int32)
        if own is not None:
            days = np.where(own != NONE, own, days)
        want = np.where(rank >= 0, days, NONE)
    else:
        want = np.where(lv >= 0, table[rec, np.maximum(lv, 0)] if m else np.zeros(0, np.int32), NONE)
    got = _emit._slot_days(rec, row, level, table, levels, own if ranked else None)
    assert got is not None and got.dtype == np.int32 and got.tolist() == want.tolist()
    outside = _emit._slot_days(rec, row, np.full(ntpl, nr, np.int64), table, levels)  # (a level past the table)
    assert outside is None if m else outside is not None and not len(outside)
