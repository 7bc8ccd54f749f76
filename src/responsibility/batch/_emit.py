"""Finding rows as columns: ids into fixed tables, and reasons assembled from segments.

Every column but ``problem`` and ``reason`` takes few values: they are kept as indices
into the policy's tables (Arrow dictionary columns, pandas categoricals). A reason is its
template's literal pieces with the record's context values (place name, finder, dates…) in
the slots. It is cut after the place's name into two segments; a segment is named exactly
by its template signature and its slot values (found by :class:`KeyIds`), is built once (as
UTF-8) and reused by every row that has it; the segments are kept in one growing buffer, and one
gather of both segments of every row (in C) makes a chunk's reasons. A new segment is itself
gathered from pieces (its template row's literal runs and its slot values' texts, kept in a
store of their own), so that no Python object is made per segment.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
import numpy.typing as npt

from ..engine._decide import CONTEXT_FIELDS, since_values
from ..engine._facts import in_force_from
from ..engine._verdict import Finding
from ._core import Derived, Rows, Templates, take
from ._encode import Cols
from ._tables import EPOCH, NONE, Tables, pick

I32 = npt.NDArray[np.int32]
I64 = npt.NDArray[np.int64]

#: Output columns of finding rows, and of rejects.
FINDING_COLUMNS = ("record", "problem", "area", "level", "body", "name", "place", "place_name", "basis",
                   "liability", "clauses", "reason")
REJECT_COLUMNS = ("record", "line", "problem", "field", "code", "reason")
_RADIX = 2**21  # text ids in segment keys
_PLACE = CONTEXT_FIELDS.index("place")
#: New segments of one call joined in Python rather than gathered from pieces (a short run needs
#: few, and the pieces of every template row it loaded from the cache cost ~0.02 CPU s to make).
_FEW = 512
#: the lowest bit set in a byte (-1 for none): a record's lowest assigned level (Emitter.slot)
_LOWEST = np.array([-1] + [(b & -b).bit_length() - 1 for b in range(1, 256)], np.int64)
#: the slots whose days are a level's own when it failed to rectify (``memo["own"]`` of Emitter.slot)
_OWN = {CONTEXT_FIELDS.index("assigned"), CONTEXT_FIELDS.index("deadline")}
_SEGMENTS = 2_000_000  # interned segments kept before starting afresh
_SEGMENT_FIRST_BYTES, _SEGMENT_FIRST_OFFSETS = 1 << 20, 1 << 16  # the reasons' segments' first buffers
_STORE_BITS = 20  # the largest table of segment keys a run starts with (16 MiB; its pages are touched at once)


class Texts:
    """Interned UTF-8 texts; id 0 is the empty text."""

    def __init__(self) -> None:
        self.items: list[bytes] = [b""]
        self.index: dict[str, int] = {"": 0}
        self._lens = np.zeros(1, np.int64)

    def id(self, text: str) -> int:
        got = self.index.get(text)
        if got is None:
            got = self.index[text] = len(self.items)
            self.items.append(text.encode())
        return got

    def lens(self) -> I64:
        if len(self._lens) != len(self.items):
            self._lens = np.array([len(b) for b in self.items], np.int64)
        return self._lens


class Segments:
    """Byte strings in one buffer (UTF-8), as an Arrow binary array on demand; id 0 is empty."""

    def __init__(self) -> None:
        self.data = np.zeros(_SEGMENT_FIRST_BYTES, np.uint8)
        self.offsets = np.zeros(_SEGMENT_FIRST_OFFSETS, np.int32)
        self.count = 1  # offsets[0] = offsets[1] = 0: the empty segment
        #: how many times the buffer started afresh (emitters sharing it drop what they knew of it)
        self.generation = 0
        #: whether :func:`reasons` may put its text in one buffer used again by its next call (set
        #: by a caller that is done with a chunk's reasons before it makes the next chunk's)
        self.reuse = False
        self._text = np.zeros(0, np.uint8)
        #: where :func:`reasons` may put its text and offsets instead (a worker's output slot in
        #: shared memory, so that the rows need no copy to reach the writer): called with the text's
        #: size and the number of rows, it gives (text bytes, int32 offsets) to fill, or ``None``
        self.place: Callable[[int, int], tuple[npt.NDArray[np.uint8], npt.NDArray[np.int32]] | None] | None = None
        #: the sizes (data bytes, offsets) a buffer outgrowing its first size grows to at once, not doubling
        #: (an emitter's saved state sets them to what the run that saved it reached: :meth:`Emitter.state`)
        self.sizes = (0, 0)

    def __len__(self) -> int:
        return self.count

    @property
    def nbytes(self) -> int:
        return int(self.offsets[self.count])

    def extend(self, items: list[bytes]) -> None:
        """Append ``items`` (ids ``len(self)`` on)."""
        if not items:
            return
        joined = b"".join(items)
        lens = np.fromiter(map(len, items), np.int64, len(items))
        n, end = self.count, self.nbytes
        if n + len(items) + 1 > len(self.offsets):
            self.offsets = _grown(self.offsets, max(n + len(items) + 1, self.sizes[1]))
        if end + len(joined) > len(self.data):
            self.data = _grown(self.data, max(end + len(joined), self.sizes[0]))
        self.data[end:end + len(joined)] = np.frombuffer(joined, np.uint8)
        self.offsets[n + 1:n + 1 + len(items)] = end + np.cumsum(lens)
        self.count = n + len(items)

    def extend_pieces(self, store: Segments, pieces: I64) -> None:
        """Append one segment per row of ``pieces`` (ids in ``store``): its pieces' bytes one after another,
        put in place by :func:`gather` (in C, or by Arrow's take), no Python object per segment."""
        if not len(pieces):
            return
        flat = np.ascontiguousarray(pieces, np.int64).ravel()
        n, end, rows = self.count, self.nbytes, len(pieces)
        bounds, stop = row_offsets(store, flat, pieces.shape[1], end)
        if n + rows + 1 > len(self.offsets):
            self.offsets = _grown(self.offsets, max(n + rows + 1, self.sizes[1]))
        if stop > len(self.data):
            self.data = _grown(self.data, max(stop, self.sizes[0]))
        gather(store, flat, bounds, self.data[end:stop])
        self.offsets[n + 1:n + 1 + rows] = bounds[1:]
        self.count = n + rows

    def truncate(self, n: int) -> None:
        """Keep the first ``n`` segments."""
        self.count = max(1, min(n, self.count))

    def bound(self) -> None:
        """Start afresh when too many segments are kept (bounded memory on long runs): in new buffers, for
        the reasons of rows emitted before (:class:`Lazy`) still read the old ones."""
        if self.count > _SEGMENTS or self.nbytes > _SEGMENT_BYTES:
            self.data = np.zeros(_SEGMENT_FIRST_BYTES, np.uint8)
            self.offsets = np.zeros(_SEGMENT_FIRST_OFFSETS, np.int32)
            self.count = 1
            self.generation += 1

    def frozen(self) -> Segments:
        """The segments made so far, as they stay: a view of the same buffers, which later segments only add to
        (past its end) or, started afresh (:meth:`bound`), leave (a longer buffer is a new one: :func:`_grown`)."""
        view = Segments.__new__(Segments)
        view.__dict__.update(self.__dict__)
        view.reuse, view.place = False, None
        return view

    def arrow(self) -> Any:
        """The segments as a pyarrow binary array (a view of the buffer: use it before the next change)."""
        import pyarrow as pa

        return pa.Array.from_buffers(pa.binary(), self.count,
                                     [None, pa.py_buffer(self.offsets[:self.count + 1]),
                                      pa.py_buffer(self.data[:self.nbytes])])


class KeyIds:
    """Ids of integer keys (never negative), found and added in bulk: an open-addressing hash
    table (linear probing, at most half full), a few passes over the keys where a binary search
    in sorted keys makes one random walk per key."""

    _MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing: the top bits of key × 2⁶⁴/φ

    def __init__(self, bits: int = 10) -> None:
        self.count = 0
        self._alloc(bits)

    def _alloc(self, bits: int) -> None:
        self.bits = bits
        self.keys = np.full(1 << bits, -1, np.int64)
        self.ids = np.zeros(1 << bits, np.int64)

    def _slots(self, keys: I64) -> I64:
        hashed = np.ascontiguousarray(keys, np.int64).view(np.uint64) * self._MULTIPLIER
        return (hashed >> np.uint64(64 - self.bits)).view(np.int64)

    def find(self, keys: I64) -> I64:
        """The id of each key, -1 for keys not added (in C where the extension was built: one walk per
        key, where numpy makes a pass over every key for each step of the longest chain)."""
        if _c_find is not None:
            out = np.empty(len(keys), np.int64)
            _c_find(out, self.keys, self.ids, np.ascontiguousarray(keys, np.int64))
            return out
        return self.find_numpy(keys)

    def find_numpy(self, keys: I64) -> I64:
        """:meth:`find` in numpy (without the C extension; the reference the tests compare it with)."""
        slot = self._slots(keys)
        got = self.keys[slot]
        out = self.ids[slot]
        hit = got == keys
        if hit.all():
            return out
        miss = np.nonzero(~hit)[0]
        out[miss] = -1
        live = miss[got[miss] >= 0]  # the slot holds another key: look further
        at = slot[live]
        mask = (1 << self.bits) - 1
        while len(live):
            at = (at + 1) & mask
            got = self.keys[at]
            hit = got == keys[live]
            out[live[hit]] = self.ids[at[hit]]
            more = ~hit & (got >= 0)
            live, at = live[more], at[more]
        return out

    def find_add(self, keys: I64, next_id: int) -> tuple[I64, I64]:
        """The id of each key, adding those not added yet: the ``j``-th new key (in ``firsts``, the
        position in ``keys`` of each new key's first appearance) gets id ``next_id + j``. In C where
        the extension was built (one walk per key), else :meth:`find_add_numpy`; the same ids
        for the same keys either way, but for the order of the new ones."""
        if _c_find_add is None:
            return self.find_add_numpy(keys, next_id)
        keys = np.ascontiguousarray(keys, np.int64)
        n = len(keys)
        out, firsts = np.empty(n, np.int64), np.empty(n, np.int64)
        at, nfirst = 0, 0
        while True:
            at, nfirst, self.count = _c_find_add(self.keys, self.ids, keys, out, firsts, at, nfirst, self.count,
                                                 next_id)
            if at == n:
                return out, firsts[:nfirst]
            self._grow(self.count + 1)

    def find_add_numpy(self, keys: I64, next_id: int) -> tuple[I64, I64]:
        """:meth:`find_add` in numpy (new keys in the order of their values)."""
        out = self.find_numpy(keys)
        todo = np.nonzero(out < 0)[0]
        if not len(todo):
            return out, todo.astype(np.int64)
        uniq, first, inverse = np.unique(keys[todo], return_index=True, return_inverse=True)
        new = np.arange(next_id, next_id + len(uniq), dtype=np.int64)
        self.add(uniq, new)
        out[todo] = new[inverse.reshape(-1)]
        return out, todo[first].astype(np.int64)

    def _grow(self, need: int) -> None:
        """Room for ``need`` keys in all (the table at most half full): a larger table, the keys added again."""
        if 2 * need <= len(self.keys):
            return
        old = self.keys >= 0
        keys, ids = self.keys[old], self.ids[old]
        bits = self.bits
        while 2 * need > 1 << bits:
            bits += 1
        self._alloc(bits)
        self.count = 0
        if _c_find_add is None:
            self.add(keys, ids)
            return
        # in C, one walk per key (numpy's add makes a pass over the keys left per step of the longest
        # chain, ~0.04 CPU s of a 1M run): the keys are distinct, so the j-th gets id j, then its own
        n = len(keys)
        stop, _, self.count = _c_find_add(self.keys, self.ids, keys, np.empty(n, np.int64), np.empty(n, np.int64),
                                          0, 0, 0, 0)
        assert stop == n  # (the table is at most half full after it)
        used = self.keys >= 0
        self.ids[used] = ids[self.ids[used]]

    def add(self, keys: I64, ids: I64) -> None:
        """Add ``keys`` (distinct, none added yet) with their ``ids``."""
        need = self.count + len(keys)
        self._grow(need)
        self.count = need
        mask = (1 << self.bits) - 1
        at = self._slots(keys)
        todo = np.arange(len(keys))
        while len(todo):
            free = np.nonzero(self.keys[at] < 0)[0]
            # of the keys that reach one free slot, the first takes it; every other moves on
            slots, first = np.unique(at[free], return_index=True)
            won = free[first]
            self.keys[slots] = keys[todo[won]]
            self.ids[slots] = ids[todo[won]]
            left = np.ones(len(todo), np.bool_)
            left[won] = False
            todo, at = todo[left], (at[left] + 1) & mask


class DayIds:
    """Text ids of ISO dates, by day (days since 1970), ``NONE`` the empty text: one look-up in a
    table of every day from 1800 to 3099 (the years a record may name, and a century either side
    for the days counted from them), each date's text made on first sight; a day outside goes
    through a dict."""

    LOW = dt.date(1800, 1, 1).toordinal() - EPOCH
    HIGH = dt.date(3099, 12, 31).toordinal() - EPOCH

    def __init__(self, texts: Texts) -> None:
        self.texts = texts
        self.table = np.full(self.HIGH - self.LOW + 1, -1, np.int64)
        self.other: dict[int, int] = {NONE: 0}

    def _make(self, day: int) -> int:
        return self.texts.id(dt.date.fromordinal(day + EPOCH).isoformat())

    def __call__(self, days: npt.NDArray[Any]) -> I64:
        """The text id of each day (in C where the extension was built and every day has its text
        already, one pass; else :meth:`numpy`)."""
        if _c_day_ids is not None and isinstance(days, np.ndarray) and days.dtype == np.int32:
            out = np.empty(len(days), np.int64)
            if not _c_day_ids(out, np.ascontiguousarray(days), self.table, self.LOW, NONE):
                return out
        return self.numpy(days)

    def numpy(self, days: npt.NDArray[Any]) -> I64:
        """:meth:`__call__` in numpy (the reference the tests compare it with), making the texts not made yet."""
        day = np.asarray(days, np.int64)
        at = day - self.LOW
        inside = (at >= 0) & (at < len(self.table))
        out = self.table[np.where(inside, at, 0)]
        if not inside.all():
            out[day == NONE] = 0
            other = ~inside & (day != NONE)
            if other.any():
                for d in sorted(set(day[other].tolist())):  # (np.unique would import numpy.ma: ~0.013 s once)
                    if d not in self.other:
                        self.other[d] = self._make(d)
                out[other] = [self.other[d] for d in day[other].tolist()]
        new = inside & (out < 0)
        if new.any():
            for a in sorted(set(at[new].tolist())):
                self.table[a] = self._make(a + self.LOW)
            out[new] = self.table[at[new]]
        return out


def level_bits(assigned_on: npt.NDArray[np.int32]) -> npt.NDArray[np.uint8]:
    """Each record's assigned levels (``assigned_on``: records x at most 8 levels, ``NONE`` where a level
    was not assigned) as the bits of a byte, level ``j`` bit ``j``: np.packbits(..., axis=1,
    bitorder="little") of ``assigned_on != NONE``, made a level at a time (packbits along so short an
    axis goes record by record: 4-6x as long, ~0.02 CPU s of a 1M run)."""
    if not assigned_on.shape[1]:
        return np.zeros(len(assigned_on), np.uint8)
    made = (assigned_on != NONE).view(np.uint8)  # (one pass over the table, then a strided column of bytes a level)
    out: npt.NDArray[np.uint8] = made[:, 0].copy()
    for j in range(1, assigned_on.shape[1]):
        out |= made[:, j] << j
    return out


def _grown(a: npt.NDArray[Any], need: int) -> npt.NDArray[Any]:
    out = np.zeros(max(need, 2 * len(a)), a.dtype)
    out[:len(a)] = a
    return out


#: Segments kept before starting afresh (their ids must fit the offsets' int32 too).
_SEGMENT_BYTES = 1 << 30
#: The largest sizes the reasons' segments grow to at once from a saved state (``Emitter._segment_sizes``).
_SEGMENT_START_BYTES = 1 << 27
_SEGMENT_START_OFFSETS = 1 << 24


@dataclass
class Columns:
    """Finding rows of one chunk as ids (see the module docstring)."""

    record: I64
    problem: Any  # pyarrow array of str, or list of str
    area: I32  # index into Tables.areas (the record's duty area)
    body: I32  # index into Tables.bodies; level and name follow from it
    basis: I32
    liability: I32
    place: I32  # index into Tables.place_codes
    clauses: I32  # index into ``clause_texts``
    clause_texts: list[str]
    #: a pyarrow string array, or :class:`Lazy` (to be made by whoever takes the rows; None while deferred: see
    #: ``Emitter.emit``)
    reasons: Any
    counts: I64 = field(default_factory=lambda: np.zeros(0, np.int64))  # rows per (basis, liability)
    #: while deferred: each row's two segment ids, the rows of the reference path and their reasons
    segs: I64 | None = None
    given: I64 | None = None
    given_reasons: list[bytes] = field(default_factory=list)


def reasons(segments: Segments, segs: I64, given: I64, texts: list[bytes]) -> Any:
    """The reasons of rows made of two segments each (``segs``), but rows ``given`` are ``texts``.
    ``segs`` is changed (the given rows).

    Each row's length is known from its segments', so the reasons' text is one buffer of the exact
    size, filled by :func:`gather` (in C, or by takes of a few thousand rows' segments at a time:
    one take of every row grows its output by doubling, and each time the memory is fresh, faulted
    in and zeroed by the kernel, whole huge pages at a time where transparent huge pages are on,
    which cost three times the copying itself). With ``segments.reuse`` that buffer is the same
    from call to call (the reasons are valid until the next call)."""
    import pyarrow as pa

    n = len(segs)
    base = len(segments)
    segments.extend(texts)  # used once: dropped again below
    segs[given, 0] = base + np.arange(len(given))
    segs[given, 1] = 0
    try:
        flat = segs.ravel()
        try:  # (the gathering leaves out its bounds check, two fifths of a take's time: checked here once)
            offsets, size = row_offsets(segments, flat, 2)
        except ValueError:
            raise RuntimeError("a reason names a segment that was never made") from None
        except OverflowError:
            raise OverflowError("the reasons of one chunk exceed 2 GiB") from None
        placed = segments.place(size, n) if segments.place is not None else None
        buffer = None
        if placed is not None:
            data, bounds32 = placed
            np.copyto(bounds32, offsets)
        elif not segments.reuse:
            # from Arrow's pool, which keeps freed memory (keep_arrow_memory): a chunk's reasons are
            # tens of megabytes, which numpy would map afresh (faulted in and zeroed) for every chunk
            buffer = pa.allocate_buffer(size)
            data = np.frombuffer(buffer, np.uint8) if size else np.empty(0, np.uint8)
        else:  # fresh memory costs more than filling it: keep one buffer
            if len(segments._text) < size:
                segments._text = np.empty(max(size, len(segments._text) * 5 // 4), np.uint8)
            data = segments._text[:size]
        gather(segments, flat, offsets, data)
        if placed is None:
            bounds32 = offsets
        return pa.Array.from_buffers(pa.string(), n, [None, pa.py_buffer(bounds32),
                                                      buffer if buffer is not None else pa.py_buffer(data)])
    finally:
        segments.truncate(base)


class Lazy:
    """A chunk's reasons, not made yet: each row's two segments (``flat``, two ids a row) in the segments as
    they were when the chunk was emitted (:meth:`Segments.frozen`), and where each row's text starts and ends
    (``offsets``, from 0; ``size`` in all). :meth:`array` makes a range of rows' reasons, so that the writer
    makes each piece's as it writes it (:func:`~._assessor.arrow_pieces`): a chunk's reasons (~40 MB at
    65,536 records) are then never in memory at once, nor fresh pages for each chunk in flight, and a
    piece's text is still in the processor's cache when the writer copies it."""

    def __init__(self, store: Segments, flat: I64, offsets: I32, size: int) -> None:
        self.store, self.flat, self.offsets, self.size = store, flat, offsets, size

    def __len__(self) -> int:
        return len(self.offsets) - 1

    @property
    def nbytes(self) -> int:
        """The bytes of their Arrow string array, as ``Array.nbytes`` counts them (an offset a row, and the text)."""
        return 4 * len(self) + self.size

    def array(self, lo: int = 0, hi: int | None = None,
              into: Callable[[int], npt.NDArray[np.uint8]] | None = None) -> Any:
        """The reasons of rows ``lo`` to ``hi`` as an Arrow string array: their text in a buffer of Arrow's pool,
        or in ``into(size)`` (at least ``size`` bytes; the array is valid while that memory is left alone)."""
        import pyarrow as pa

        hi = len(self) if hi is None else hi
        bounds = self.offsets[lo:hi + 1]
        start = int(bounds[0])
        size = int(bounds[-1]) - start
        if into is not None:
            data = into(size)[:size]
            buffer = pa.py_buffer(data)
        else:
            buffer = pa.allocate_buffer(size)
            data = np.frombuffer(buffer, np.uint8) if size else np.empty(0, np.uint8)
        gather(self.store, self.flat[2 * lo:2 * hi], bounds, data)
        return pa.Array.from_buffers(pa.string(), hi - lo, [None, pa.py_buffer(bounds - start if start else bounds),
                                                            buffer])


def lazy_reasons(segments: Segments, segs: I64, given: I64, texts: list[bytes]) -> Lazy:
    """The reasons of rows made of two segments each (``segs``), but rows ``given`` are ``texts``, as
    :func:`reasons` makes them, left to be made (:class:`Lazy`). ``segs`` is changed (the given rows); the
    ``texts`` stay in ``segments`` (a few rows of the reference path; dropped with the rest by ``bound``)."""
    base = len(segments)
    segments.extend(texts)
    segs[given, 0] = base + np.arange(len(given))
    segs[given, 1] = 0
    flat = np.ascontiguousarray(segs, np.int64).ravel()
    try:
        offsets, size = row_offsets(segments, flat, 2)
    except ValueError:
        raise RuntimeError("a reason names a segment that was never made") from None
    except OverflowError:
        raise OverflowError("the reasons of one chunk exceed 2 GiB") from None
    return Lazy(segments.frozen(), flat, offsets, size)


def row_offsets(segments: Segments, flat: I64, per: int, start: int = 0) -> tuple[I32, int]:
    """Where each row of ``per`` segments (``flat``, ``per`` ids to a row) starts and ends when their
    bytes are put one after another from byte ``start`` (int32, one more than the rows), and the
    end of the last. A segment id outside ``segments`` raises ValueError, an end past int32
    OverflowError, so that :func:`gather` may then copy unchecked. In C where the extension was
    built (one pass), else :func:`row_offsets_numpy`."""
    if _c_row_offsets is None:
        return row_offsets_numpy(segments, flat, per, start)
    out = np.empty(len(flat) // per + 1, np.int32)
    end = _c_row_offsets(out, segments.offsets[:segments.count + 1], np.ascontiguousarray(flat, np.int64), per,
                         start)
    return out, end


def row_offsets_numpy(segments: Segments, flat: I64, per: int, start: int = 0) -> tuple[I32, int]:
    """:func:`row_offsets` in numpy (without the C extension; the reference the tests compare it with)."""
    if len(flat) % per:
        raise ValueError("segs must hold per ids for each row")
    n = len(flat) // per
    if len(flat) and (int(flat.min()) < 0 or int(flat.max()) >= len(segments)):
        raise ValueError("a segment id outside the store")
    bounds = segments.offsets
    sizes = (bounds[flat + 1] - bounds[flat]).reshape(n, per).sum(axis=1, dtype=np.int64)
    out = np.full(n + 1, start, np.int64)
    np.cumsum(sizes, out=out[1:])
    out[1:] += start
    if out[-1] >= 2**31:
        raise OverflowError("the rows' bytes exceed 2 GiB")
    return out.astype(np.int32), int(out[-1])


#: Rows whose reasons one take gathers (its output, about a megabyte, is memory used again and again).
_TAKE_ROWS = 8192


def gather(segments: Segments, flat: I64, offsets: npt.NDArray[Any], data: npt.NDArray[np.uint8]) -> None:
    """Put segments ``flat`` (rows of them: two per row for reasons) one after another in ``data``;
    row ``i`` starts at ``offsets[i] - offsets[0]`` (:func:`row_offsets`). In C where the extension
    was built (``_gather.c``: one pass, reading ahead), else by Arrow's take, a few thousand rows at a
    time; the same bytes either way."""
    if _c_gather is not None:
        if len(flat) and int(offsets[-1]) > int(offsets[0]):
            _c_gather(data, segments.data[:segments.nbytes], segments.offsets[:segments.count + 1],
                      np.ascontiguousarray(flat, np.int64))
        return
    take_gather(segments, flat, offsets, data)


def take_gather(segments: Segments, flat: I64, offsets: npt.NDArray[Any], data: npt.NDArray[np.uint8]) -> None:
    """:func:`gather` by Arrow's take (without the C extension; the ids are checked by the caller)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    n = len(offsets) - 1
    per = len(flat) // n if n else 1
    base = int(offsets[0]) if n else 0
    source = segments.arrow()
    for lo in range(0, n, _TAKE_ROWS):
        hi = min(n, lo + _TAKE_ROWS)
        a, b = int(offsets[lo]) - base, int(offsets[hi]) - base
        if b > a:
            taken = pc.take(source, pa.array(flat[per * lo:per * hi]), boundscheck=False)
            data[a:b] = np.frombuffer(taken.buffers()[2], np.uint8, b - a)


def take_strings(source: Any, idx: I64) -> Any:
    """Arrow's take of a string array at ``idx`` (int64, each inside it): its bytes gathered as a reason's are (in C,
    :func:`gather`), where Arrow's take imports ``pyarrow._compute`` (~0.015 CPU s of every run, which a Parquet run
    does without). By Arrow's take where the extension was not built, or the array holds nulls or is not plain
    ``string``; the same values either way."""
    import pyarrow as pa

    if _c_gather is None or _c_row_offsets is None or source.null_count or source.type != pa.string():
        from pyarrow._compute import call_function  # (Array.take would import pyarrow.compute, ~0.05 s)

        # (idx from its buffer: pa.array of a numpy array imports numpy.ma, ~0.01 CPU s of every run)
        return call_function("take", [source, pa.Array.from_buffers(pa.int64(), len(idx), [None, pa.py_buffer(idx)])])
    n = len(source)
    _, bounds, text = source.buffers()
    store = Segments.__new__(Segments)  # (a view of the array as a store of segments: no copy)
    store.offsets = np.frombuffer(bounds, np.int32, n + 1, 4 * source.offset) if n else np.zeros(1, np.int32)
    store.data = np.frombuffer(text, np.uint8) if text is not None else np.zeros(0, np.uint8)
    store.count = n
    flat = np.ascontiguousarray(idx, np.int64)
    try:
        offsets, end = row_offsets(store, flat, 1)
    except ValueError:
        raise IndexError("an index outside the array") from None
    start = int(offsets[0])
    buffer = pa.allocate_buffer(end - start)
    gather(store, flat, offsets, np.frombuffer(buffer, np.uint8) if end > start else np.empty(0, np.uint8))
    return pa.Array.from_buffers(pa.string(), len(flat), [None, pa.py_buffer(offsets), buffer])


def row_columns(frow: I64, frec: I32, per_row: tuple[I64, I64, I64, I64], place: I32, area: I32, numbers: I64,
                ancestor: I32, body_rank: I64, ncounts: int, nl: int) -> tuple[Any, ...]:
    """The few-valued columns of finding rows of template rows ``frow`` and records ``frec``: (body, basis,
    liability, clause, place, area, record number, counts of basis x liability) — the template row's
    (``per_row``: body, basis, liability, clause of each), the record's (``place``, ``area``, ``numbers``),
    and the place that answers (the record's ancestor at the body's rank). In C where the extension was
    built (one pass over the rows, where numpy makes eleven), else :func:`row_columns_numpy`."""
    if _c_row_columns is None:
        return row_columns_numpy(frow, frec, per_row, place, area, numbers, ancestor, body_rank, ncounts, nl)
    n = len(frow)
    i32, i64 = np.int32, np.int64
    out = (np.empty(n, i32), np.empty(n, i32), np.empty(n, i32), np.empty(n, i64), np.empty(n, i32),
           np.empty(n, i32), np.empty(n, i64), np.empty(ncounts, i64))
    c64 = [np.ascontiguousarray(x, i64) for x in (frow, *per_row, numbers)]
    _c_row_columns(c64[0], np.ascontiguousarray(frec, i32), *c64[1:5], np.ascontiguousarray(place, i32),
                   np.ascontiguousarray(area, i32), c64[5], np.ascontiguousarray(ancestor, i32), ancestor.shape[1],
                   np.ascontiguousarray(body_rank, i64), nl, *out)
    return out


def row_columns_numpy(frow: I64, frec: I32, per_row: tuple[I64, I64, I64, I64], place: I32, area: I32,
                      numbers: I64, ancestor: I32, body_rank: I64, ncounts: int, nl: int) -> tuple[Any, ...]:
    """:func:`row_columns` in numpy (without the C extension; the reference the tests compare it with)."""
    tbody, tbasis, tliab, tclause = per_row
    body = tbody[frow].astype(np.int32)
    basis = tbasis[frow].astype(np.int32)
    liability = tliab[frow].astype(np.int32)
    counts = np.bincount(basis.astype(np.int64) * nl + liability, minlength=ncounts).astype(np.int64)
    return (body, basis, liability, tclause[frow].astype(np.int64),
            take(ancestor, place[frec], body_rank[body]).astype(np.int32), area[frec].astype(np.int32),
            numbers[frec].astype(np.int64), counts)


def group_rows(pattern: I64, k: int, frow: I64, frec: I32, which: I64 | None, npatterns: int) -> tuple[Any, ...]:
    """Finding rows (positions into ``frow`` and ``frec``: ``which``, or all) grouped by the slot pattern of
    their segment ``k`` (``pattern``: two to a template row), in their own order within a pattern:
    (positions, rows per pattern, their ``frec``, their ``frow``). In C where the extension was built (a
    counting sort: two passes), else :func:`group_rows_numpy`."""
    if _c_group_rows is None:
        return group_rows_numpy(pattern, k, frow, frec, which, npatterns)
    n = len(frow) if which is None else len(which)
    out = (np.empty(n, np.int64), np.empty(npatterns, np.int64), np.empty(n, np.int32), np.empty(n, np.int64))
    _c_group_rows(*out, np.ascontiguousarray(pattern, np.int64), k, np.ascontiguousarray(frow, np.int64),
                  np.ascontiguousarray(frec, np.int32),
                  np.ascontiguousarray(which if which is not None else np.zeros(0, np.int64), np.int64),
                  which is None)
    return out


def group_rows_numpy(pattern: I64, k: int, frow: I64, frec: I32, which: I64 | None,
                     npatterns: int) -> tuple[Any, ...]:
    """:func:`group_rows` in numpy (without the C extension; the reference the tests compare it with)."""
    small = np.int16 if npatterns < 2**15 else np.int64  # (a stable sort of int16 is a radix sort)
    of_row = pattern[:, k].take(frow if which is None else frow[which])
    per = np.bincount(of_row, minlength=npatterns).astype(np.int64)
    order = np.argsort(of_row.astype(small), kind="stable")
    if which is not None:
        order = which[order]
    return order, per, frec[order].astype(np.int32), frow[order].astype(np.int64)


def segment_keys(sig: I64, k: int, rows: I64, values: list[I64]) -> I64:
    """The key of segment ``k`` of template rows ``rows`` (``sig``: each template row's two signatures) with
    slots holding ``values`` (at most two, each below :data:`_RADIX`): the signature, then each value a
    digit. In C where the extension was built (one pass), else :func:`segment_keys_numpy`."""
    if _c_segment_keys is None:
        return segment_keys_numpy(sig, k, rows, values)
    rows = np.ascontiguousarray(rows, np.int64)
    out = np.empty(len(rows), np.int64)
    v = [np.ascontiguousarray(x, np.int64) for x in values]
    _c_segment_keys(out, np.ascontiguousarray(sig, np.int64), k, rows, _RADIX, len(v), *v, *[rows] * (2 - len(v)))
    return out


def segment_keys_numpy(sig: I64, k: int, rows: I64, values: list[I64]) -> I64:
    """:func:`segment_keys` in numpy (without the C extension; the reference the tests compare it with)."""
    key: I64 = sig[:, k].take(rows)
    for v in values:
        key = key * _RADIX + v
    return key


_c_gather: Callable[[Any, Any, Any, Any], int] | None
_c_find: Callable[[Any, Any, Any, Any], None] | None
try:
    from ._gather import gather as _c_gather
except ImportError:  # built without a C compiler
    _c_gather = None
_c_row_offsets: Callable[[Any, Any, Any, int, int], int] | None
try:
    from ._gather import row_offsets as _c_row_offsets
except ImportError:  # (or built before it had it)
    _c_row_offsets = None
_c_day_ids: Callable[[Any, Any, Any, int, int], int] | None
try:
    from ._gather import day_ids as _c_day_ids
except ImportError:  # (or built before it had it)
    _c_day_ids = None
_c_row_columns: Callable[..., None] | None
_c_group_rows: Callable[..., None] | None
_c_segment_keys: Callable[..., None] | None
try:
    from ._gather import group_rows as _c_group_rows
    from ._gather import row_columns as _c_row_columns
    from ._gather import segment_keys as _c_segment_keys
except ImportError:  # (or built before it had them)
    _c_row_columns = _c_group_rows = _c_segment_keys = None
_c_slot_days: Callable[..., int] | None
try:
    from ._gather import slot_days as _c_slot_days
except ImportError:  # (or built before it had it)
    _c_slot_days = None


def _slot_days(rec: I32, row: I64, fact_level: I64, table: npt.NDArray[np.int32],
               levels: npt.NDArray[np.uint8] | None = None, own: npt.NDArray[np.int32] | None = None) -> I32 | None:
    """The day a date slot names for each finding row (record ``rec``, template row ``row``): ``table`` (records x
    levels) at the row's fact level (``fact_level``), or with ``levels`` (:func:`level_bits`), at the fact's own level
    where the record has it in ``table``, else at its lowest, ``own`` standing for it where given: one pass in C
    (``_gather.slot_days``), or ``None`` where the extension was not built or an index is outside its table (then
    :meth:`Emitter.slot` makes it with numpy, the reference the tests compare it with)."""
    if _c_slot_days is None or table.dtype != np.int32 or not table.flags.c_contiguous:
        return None
    days = np.empty(len(rec), np.int32)
    empty = np.zeros(0, np.uint8)
    status = _c_slot_days(days, np.ascontiguousarray(rec, np.int32), np.ascontiguousarray(row, np.int64),
                          np.ascontiguousarray(fact_level, np.int64), table, table.shape[1],
                          empty if levels is None else np.ascontiguousarray(levels, np.uint8), _LOWEST,
                          empty if own is None else np.ascontiguousarray(own, np.int32), NONE)
    return days if status == 0 else None


_c_find_add: Callable[[Any, Any, Any, Any, Any, int, int, int, int], tuple[int, int, int]] | None
try:
    from ._gather import find as _c_find
    from ._gather import find_add as _c_find_add
except ImportError:  # (or built before it had them: pip install -e . builds it again)
    _c_find = _c_find_add = None


def unique_rows(stacked: npt.NDArray[np.int64]) -> tuple[I64, I64]:
    """``np.unique(stacked, axis=0, return_index=True, return_inverse=True)``'s index and inverse (the distinct rows in
    their order, by the first column, then the next; each one's first row; each row's distinct one), by one integer a
    row where the columns' ranges fit one: numpy sorts rows of several columns as structured items, compared field by
    field (~7 ms for a chunk's 9,000 rows of 4 columns, against ~0.5 ms by one key)."""
    if len(stacked) and stacked.ndim == 2:
        lo, hi = stacked.min(axis=0), stacked.max(axis=0)
        spans = [int(h) - int(low) + 1 for low, h in zip(lo.tolist(), hi.tolist(), strict=True)]
        if math.prod(spans) < 1 << 62:
            key = np.zeros(len(stacked), np.int64)
            for j, span in enumerate(spans):  # (mixed radix, the first column the most significant digit)
                key *= span
                key += stacked[:, j] - lo[j]
            _, firsts, inverse = np.unique(key, return_index=True, return_inverse=True)
            return firsts, inverse.reshape(-1)
    _, firsts, inverse = np.unique(stacked, axis=0, return_index=True, return_inverse=True)
    return firsts, inverse.reshape(-1)


class Emitter:
    """Turns rows in template form, and verdicts of the reference path, into :class:`Columns`."""

    #: what :meth:`state` gives (and ``state=`` takes back): made from the tables and templates alone,
    #: and so saved with them (:mod:`._saved`)
    STATE = ("texts", "place_text", "finder", "channel", "assignee", "_synced", "_sig", "_pattern",
             "_segment_runs", "_clause", "_signatures", "patterns", "_pattern_index", "clause_index", "_store_bits",
             "_segment_sizes")

    #: each slot pattern's table of segment keys (:class:`KeyIds`) as large as the run that saved the state made it
    #: (2 ** bits slots): the next run's start so, where its first chunk has keys enough, not doubling ~7 times
    #: (~0.01 CPU s of a 1M run)
    _store_bits: dict[int, int]

    #: the sizes (data bytes, offsets) the reasons' segments (:class:`Segments`) reached in the run that saved the
    #: state: the next run's grow to them at their first growth, not doubling ~5 times from 1 MiB (~0.02 CPU s of a
    #: 1M run: each doubling copies the buffer into fresh pages); a run that never outgrows the first size pays nothing
    _segment_sizes: tuple[int, int]

    def __init__(self, t: Tables, tpl: Templates, lang: str, segments: Segments | None = None,
                 state: dict[str, Any] | None = None) -> None:
        self.t, self.tpl, self.lang = t, tpl, lang
        if state is not None and state.keys() == set(self.STATE) and state["_synced"] <= len(tpl.pieces):
            self.__dict__.update(state)  # (the template rows worded by the run that saved them)
        else:
            self._build()
        self._days = DayIds(self.texts)
        in_force = in_force_from(t.policy)  # the day the duties apply from, and its ordinal (the ``since`` slots)
        self._in_force = None if in_force is None else (in_force, in_force.toordinal() - EPOCH)
        self.body_rank = t.body_rank.astype(np.int64)
        self._row_memo: dict[int, tuple[Any, list[int], list[int], Any, tuple[tuple[bytes, ...], ...]]] = {}
        self._clause_list: list[str] = []
        #: the segments made so far (shared by the emitters of a policy's periods)
        self.segments = segments if segments is not None else Segments()
        self.segments.sizes = (max(self.segments.sizes[0], self._segment_sizes[0]),
                               max(self.segments.sizes[1], self._segment_sizes[1]))
        self._store: dict[int, KeyIds] = {}  # pattern -> segment ids by key
        # what new segments are made of, as ids in one store of bytes: every text (its piece is
        # _item_piece[its id]) and every literal run of a template row's segment (_run_piece[k][row],
        # a template row's runs of segment k, padded with the empty piece 0)
        self._pieces = Segments()
        self._item_piece = np.zeros(0, np.int64)
        self._run_piece = [np.zeros((0, 1), np.int64), np.zeros((0, 1), np.int64)]
        self._run_ids: dict[bytes, int] = {}
        self._generation = self.segments.generation
        self._only: tuple[int, int, int] | None = None  # (synced rows, each segment's one pattern or -1)

    @cached_property
    def place_index(self) -> dict[str, int]:
        """Each place code's index in ``Tables.place_codes``: for the reference path's findings only, so
        made when one comes (~26,000 places: ~0.01 CPU s of every run's start otherwise)."""
        return {c: i for i, c in enumerate(self.t.place_codes)}

    def state(self) -> dict[str, Any]:
        """The texts and the template rows' arrays made so far (:data:`STATE`), to save; and the size each
        pattern's table of segment keys has reached (``_store_bits``), which the next run's tables start at."""
        bits = dict(self._store_bits)
        for p, store in self._store.items():
            bits[p] = min(max(bits.get(p, 0), store.bits), _STORE_BITS)
        self._store_bits = bits
        seg = self.segments
        self._segment_sizes = (min(max(self._segment_sizes[0], len(seg.data)), _SEGMENT_START_BYTES),
                               min(max(self._segment_sizes[1], len(seg.offsets)), _SEGMENT_START_OFFSETS))
        return {k: getattr(self, k) for k in self.STATE}

    def _build(self) -> None:
        t = self.t
        self.texts = Texts()
        policy = t.policy
        ids = self.texts.id
        self.place_text = np.array([ids(x) for x in t.place_texts], np.int64)
        nb = len(t.bodies) + 1
        self.finder = np.zeros((2, t.max_rank + 1, nb), np.int64)
        for lv, r in t.rank.items():
            level = policy.levels[lv]
            self.finder[0, r, 0] = ids(level.name)
            self.finder[1, r, 0] = ids(level.en)
            for b, body in enumerate(t.bodies):  # a named finder is named alone
                self.finder[0, r, b + 1] = ids(policy.bodies[body].name)
                self.finder[1, r, b + 1] = ids(policy.bodies[body].en)
        self.channel = np.array([[ids(policy.channels[c].name) for c in t.channels],
                                 [ids(policy.channels[c].en) for c in t.channels]], np.int64)
        self.assignee = np.zeros((2, t.max_rank + 1), np.int64)
        for lv, r in t.rank.items():
            self.assignee[0, r], self.assignee[1, r] = ids(policy.levels[lv].name), ids(policy.levels[lv].en)
        # per template row: both segments' signature, slot pattern and pieces; its clauses
        self._synced = 0
        self._sig = np.zeros((0, 2), np.int64)
        self._pattern = np.zeros((0, 2), np.int64)
        self._segment_runs: list[tuple[tuple[bytes, ...], ...]] = []  # per template row: each segment's literal runs
        self._clause = np.zeros(0, np.int64)
        self._signatures: dict[tuple[int, ...], int] = {}
        self.patterns: list[tuple[int, ...]] = []
        self._pattern_index: dict[tuple[int, ...], int] = {}
        self.clause_index: dict[str, int] = {}
        self._store_bits = {}
        self._segment_sizes = (0, 0)

    def sync(self) -> None:
        """Bring the per-template-row arrays up to date with the templates made so far."""
        tpl = self.tpl
        n = len(tpl.pieces)
        if n == self._synced:
            return
        sig = np.zeros((n, 2), np.int64)
        pattern = np.zeros((n, 2), np.int64)
        clause = np.zeros(n, np.int64)
        sig[:self._synced], pattern[:self._synced], clause[:self._synced] = \
            self._sig, self._pattern, self._clause
        memo = self._row_memo
        for i in range(self._synced, n):
            pieces = tpl.pieces[i]
            got = memo.get(id(pieces))  # templates share the pieces of alike rows
            if got is None:
                codes = [self.texts.id(x) if isinstance(x, str) else -(x + 1) for x in pieces]
                cut = codes.index(-1) + 1 if -1 in codes else 0  # slot 0 is the place
                segments = (tuple(codes[:cut]), tuple(codes[cut:]))
                sigs, patterns = [], []
                for seg in segments:
                    sigs.append(self._signatures.setdefault(seg, len(self._signatures)))
                    slots = tuple(-x - 1 for x in seg if x < 0)
                    patterns.append(self._pattern_index.setdefault(slots, len(self._pattern_index)))
                    if patterns[-1] == len(self.patterns):
                        self.patterns.append(slots)
                runs = (self._runs(segments[0]), self._runs(segments[1]))
                got = memo[id(pieces)] = (segments, sigs, patterns, pieces, runs)
            self._segment_runs.append(got[4])
            sig[i], pattern[i] = got[1], got[2]
            clause[i] = self.clause_index.setdefault(tpl.clauses[i], len(self.clause_index))
        self._sig, self._pattern, self._clause, self._synced = sig, pattern, clause, n

    def _only_pattern(self, k: int) -> int:
        """The slot pattern of segment ``k`` of every template row (but row 0, the reference path's placeholder),
        or -1 where they differ: then a chunk's rows need no grouping by pattern (segment 0 of every row ends with
        the place, as a rule). Kept until more template rows are synced."""
        got = self._only
        if got is None or got[0] != self._synced:
            column = self._pattern[1:self._synced]
            both = [int(column[0, j]) if len(column) and bool((column[:, j] == column[0, j]).all()) else -1
                    for j in (0, 1)]
            got = self._only = (self._synced, both[0], both[1])
        return got[1 + k]

    def _runs(self, segment: tuple[int, ...]) -> tuple[bytes, ...]:
        """The literal text of a segment around its slots: one run more than it has slots."""
        items = self.texts.items
        runs: list[bytes] = []
        run: list[bytes] = []
        for x in segment:
            if x >= 0:
                run.append(items[x])
            else:
                runs.append(b"".join(run))
                run = []
        runs.append(b"".join(run))
        return tuple(runs)

    def _sync_pieces(self) -> None:
        """Bring the pieces up to date with the texts and the template rows made so far."""
        items = self.texts.items
        have = len(self._item_piece)
        if have < len(items):
            start = len(self._pieces)
            self._pieces.extend(items[have:])
            self._item_piece = np.concatenate([self._item_piece,
                                               np.arange(start, start + len(items) - have, dtype=np.int64)])
        done = len(self._run_piece[0])
        if done < len(self._segment_runs):
            # template rows share their runs (one tuple for alike rows: see sync): each tuple's pieces once
            todo = self._segment_runs[done:]
            same = np.fromiter(map(id, todo), np.int64, len(todo))  # (the objects live in _segment_runs)
            _, firsts, where = np.unique(same, return_index=True, return_inverse=True)
            distinct = [todo[i] for i in firsts.tolist()]
            ids, new = self._run_ids, list[bytes]()
            for k in (0, 1):
                old = self._run_piece[k]
                table = np.zeros((len(distinct), max(old.shape[1], *(len(r[k]) for r in distinct))), np.int64)
                for i, runs in enumerate(distinct):
                    for j, run in enumerate(runs[k]):
                        got = ids.get(run)
                        if got is None:
                            got = ids[run] = len(self._pieces) + len(new)
                            new.append(run)
                        table[i, j] = got
                grown = np.zeros((len(self._segment_runs), table.shape[1]), np.int64)
                grown[:done, :old.shape[1]] = old
                grown[done:] = table[where.reshape(-1)]
                self._run_piece[k] = grown
            self._pieces.extend(new)

    def day_ids(self, days: I32) -> I64:
        """Text ids of the ISO dates of ``days`` (ordinals from EPOCH; ``NONE``: the empty text)."""
        return self._days(days)

    def slot(self, s: int, rec: I32, row: I64, c: Cols, dv: Derived, memo: dict[str, Any] | None = None) -> I64:
        """Text ids of context slot ``s`` (an index of CONTEXT_FIELDS) for rows ``rec``/``row``
        (``memo``: what slots of the same rows share, kept for the next slot; ``memo["place"]``,
        if given, is each row's place, an index into ``Tables.place_codes``)."""
        # (np.take, not indexing by an array: numpy's indexing of a row per finding costs ~1.5-2x as much)
        name = CONTEXT_FIELDS[s]
        en = int(name.endswith("_en"))
        memo = {} if memo is None else memo
        if name == "place":
            place = memo.get("place")
            if place is None:
                place = take(self.t.ancestor, pick(c.place, rec),
                             pick(self.body_rank, pick(self.tpl.array("body"), row)))
            text: I64 = pick(self.place_text, place)
            return text
        if name.startswith("finder"):
            return np.asarray(take(self.finder, en, pick(c.dlev, rec), pick(c.dbody, rec) + 1), np.int64)
        if name.startswith("late"):
            # an assignee's pass-on after the handling limit, which its 整改不到位 says (engine Context.late_passes):
            # such records take the reference path (batch/_core.late_pass_ons), so here it is always empty
            return np.zeros(len(rec), np.int64)
        if name.startswith("channel"):
            return np.asarray(pick(self.channel[en], pick(c.dch, rec)), np.int64)
        if name == "received" or name.startswith("since"):
            days = memo.get("received")
            if days is None:
                days = _slot_days(rec, row, self.tpl.array("fact_level"), dv.received)
                if days is None:
                    lv = pick(self.tpl.array("fact_level"), row)
                    days = np.where(lv >= 0, take(dv.received, rec, np.maximum(lv, 0)), NONE).astype(np.int32)
                memo["received"] = days
            if name == "received":
                return self.day_ids(days)
            # a level that held it from before the duties applied: its limit ran from the day they did (since_values)
            if self._in_force is None:
                return np.zeros(len(days), np.int64)
            since = self.texts.id(since_values(self._in_force[0])[name])
            return np.where((days != NONE) & (days < self._in_force[1]), since, 0).astype(np.int64)
        if name in ("assigned", "deadline") and 0 < dv.asg_on.shape[1] <= 8:  # (in C where the extension was built)
            chunk = memo.setdefault("chunk", {})
            levels = chunk.get("levels")
            if levels is None:
                levels = chunk["levels"] = level_bits(dv.asg_on)
            own_days = memo.get("own")
            got = _slot_days(rec, row, self.tpl.array("fact_level"),
                             dv.asg_on if name == "assigned" else dv.asg_deadline, levels,
                             None if own_days is None else own_days[0] if name == "assigned" else own_days[1])
            if got is not None:
                return self.day_ids(got)
        # the fact's own assignment, or (for supervisors and main responsibility) the lowest one
        rank = memo.get("rank")
        if rank is None:
            lv = pick(self.tpl.array("fact_level"), row)
            nr = dv.asg_on.shape[1]
            if 0 < nr <= 8:  # each record's assigned levels as the bits of a byte, once a chunk (memo["chunk"])
                chunk = memo.setdefault("chunk", {})
                levels = chunk.get("levels")
                if levels is None:
                    levels = chunk["levels"] = level_bits(dv.asg_on)
                bits = pick(levels, rec)
                has = (bits >> np.maximum(lv, 0)) & 1  # the fact's own level was assigned
                rank = np.where(lv >= 0, np.where(has != 0, lv, pick(_LOWEST, bits)), -1)
            else:
                assigned = dv.asg_on[rec] != NONE
                anywhere = assigned.any(axis=1)
                rank = np.where(assigned[np.arange(len(rec)), np.maximum(lv, 0)], lv, np.argmax(assigned, axis=1))
                rank = np.where((lv >= 0) & anywhere, rank, -1)
            memo["rank"] = rank
        at = np.maximum(rank, 0)
        if name == "assignee" or name == "assignee_en":
            return np.where(rank >= 0, pick(self.assignee[en], at), 0)
        days = take(dv.asg_on if name == "assigned" else dv.asg_deadline, rec, at)
        own = memo.get("own")  # a level's failure to rectify: the day its body was handed it, its deadline (R9A-2)
        if own is not None:
            mine = own[0] if name == "assigned" else own[1]
            days = np.where(mine != NONE, mine, days)
        return self.day_ids(np.where(rank >= 0, days, NONE).astype(np.int32))

    def _segments(self, k: int, p: int, rows: I64, values: list[I64]) -> I64:
        """Ids of segment ``k`` of template rows ``rows`` whose slots (pattern ``p``) hold ``values``."""
        exact = len(values) <= 2 and len(self.texts.items) < _RADIX
        segments = self.segments
        if exact:
            key = segment_keys(self._sig, k, rows, values)
            store = self._store.get(p)
            if store is None:  # (as large as this chunk's keys could fill, but no larger than a run before made it)
                bits = min(self._store_bits.get(p, 10), (2 * len(key)).bit_length())
                store = self._store[p] = KeyIds(max(bits, 10))
            out, firsts = store.find_add(key, len(segments))
        else:  # more slots than one integer can name: name them within this chunk only
            stacked = np.stack([self._sig[:, k].take(rows), *values], axis=1)
            firsts, inverse = unique_rows(stacked)
            out = len(segments) + inverse.reshape(-1).astype(np.int64)
        # a few: joined here (the pieces of every template row are not worth making), unless they are made already
        # (a long run's: then gathering costs a fifth of joining, ~0.03 CPU s of a 1M run)
        if 0 < len(firsts) <= _FEW and not len(self._run_piece[0]):
            items = self.texts.items
            vals = [v[firsts].tolist() for v in values]
            made = [lits[0] + b"".join(items[v] + r for v, r in zip(vs, lits[1:], strict=True))
                    for lits, vs in zip((self._segment_runs[row][k] for row in rows[firsts].tolist()),
                                        zip(*vals, strict=True) if vals else ((),) * len(firsts), strict=True)]
            segments.extend(made)
        elif len(firsts):  # the segments not made yet, in the order of their ids: their runs and slot values
            self._sync_pieces()
            pieces = np.empty((len(firsts), 2 * len(values) + 1), np.int64)
            pieces[:, 0::2] = self._run_piece[k][rows[firsts], :len(values) + 1]
            for j, v in enumerate(values):
                pieces[:, 2 * j + 1] = pick(self._item_piece, pick(v, firsts))
            segments.extend_pieces(self._pieces, pieces)
        return out

    def emit(self, c: Cols, dv: Derived, rows: Rows, slow: list[tuple[int, str, list[Finding], str]],
             numbers: I64, *, defer: bool = False) -> Columns:
        """Columns of the fast rows and of the reference path's verdicts (``(record, id, findings,
        area)``), merged in record order.

        ``defer``: leave the reasons as segment ids (``Columns.segs`` and ``given``), for whoever
        merges rows of several emitters sharing these segments to make them in one take
        (:func:`reasons`); the caller bounds the segments (``Segments.bound``) between chunks."""
        t, tpl = self.t, self.tpl
        self.sync()
        if not defer:
            self.segments.bound()
        if self._generation != self.segments.generation:
            self._store.clear()
            self._generation = self.segments.generation
        slow_findings = [(r, p, f) for r, p, fs, _ in slow for f in fs]
        slow_area = [t.area_index[a] for _, _, fs, a in slow for _ in fs]
        nf = len(rows.rec)
        if slow_findings:
            rec = np.concatenate([rows.rec, np.array([r for r, _, _ in slow_findings], np.int32)])
            order = np.argsort(rec, kind="stable")
            fast = order < nf
            frow = np.where(fast, rows.row[np.minimum(order, max(nf - 1, 0))] if nf else 0, 0)
            fon, fdl = (np.where(fast, x[np.minimum(order, max(nf - 1, 0))] if nf else NONE, NONE)
                        for x in (rows.on, rows.dl))
            frec = rec[order]
        else:
            fast = np.ones(nf, np.bool_)
            frow, frec, fon, fdl = rows.row, rows.rec, rows.on, rows.dl
        sl = np.nonzero(~fast)[0]
        nl = len(t.liabilities)
        body, basis, liability, clauses, place, area, record, counts = row_columns(
            frow, frec, (tpl.array("body"), tpl.array("basis"), tpl.array("liability"), self._clause), c.place,
            c.area, numbers, t.ancestor, self.body_rank, len(t.bases) * nl, nl)
        if len(sl):  # the reference path's rows: their own columns (and counted as such)
            counts -= np.bincount(basis[sl].astype(np.int64) * nl + liability[sl], minlength=len(counts))
            for i, (_, _, f) in zip(sl.tolist(), slow_findings, strict=True):
                body[i] = t.body_index[f.body]
                basis[i] = t.bases.index(f.basis)
                liability[i] = t.liabilities.index(f.liability)
                clauses[i] = self.clause_index.setdefault(";".join(f.clauses), len(self.clause_index))
                place[i] = self.place_index[f.place]
            area[sl] = slow_area
            counts += np.bincount(basis[sl].astype(np.int64) * nl + liability[sl], minlength=len(counts))
        # reasons: two segments per row, then one gather
        n = len(frec)
        segs = np.zeros((n, 2), np.int64)
        fr = np.nonzero(fast)[0] if len(sl) else None
        chunk: dict[str, Any] = {}  # what slots of all rows share (Emitter.slot)
        for k in (0, 1):
            groups: list[tuple[int, I64 | None, I32, I64]] = []
            only = self._only_pattern(k)
            if only >= 0:  # one slot pattern for every row (segment 0: the place, as a rule): nothing to group
                groups.append((only, fr, frec if fr is None else pick(frec, fr),
                               frow if fr is None else pick(frow, fr)))
            else:  # the rows of each pattern, in order (one sort, where a mask per pattern is a pass over every row)
                order, per, rec_in, row_in = group_rows(self._pattern, k, frow, frec, fr, len(self.patterns))
                ends = np.cumsum(per).tolist()
                for p in np.nonzero(per)[0].tolist():
                    lo, hi = ends[p] - int(per[p]), ends[p]
                    groups.append((p, order[lo:hi], rec_in[lo:hi], row_in[lo:hi]))
            for p, at, rec_at, row_at in groups:  # (at: the rows' positions, None for all of them)
                memo: dict[str, Any] = {"chunk": chunk}
                if _PLACE in self.patterns[p]:
                    memo["place"] = place if at is None else pick(place, at)
                if _OWN & set(self.patterns[p]):
                    memo["own"] = (fon, fdl) if at is None else (pick(fon, at), pick(fdl, at))
                values = [self.slot(s, rec_at, row_at, c, dv, memo) for s in self.patterns[p]]
                got = self._segments(k, p, row_at, values)
                if at is None:
                    segs[:, k] = got
                else:
                    segs[:, k][at] = got
        given = [(f.reason if self.lang == "zh" else f.reason_en).encode() for _, _, f in slow_findings]
        text: Any = None
        if defer:
            pass
        elif self.segments.place is not None or self.segments.reuse:  # (a worker: made now, where it says)
            text = reasons(self.segments, segs, sl, given)
        else:  # made by whoever takes the rows, a piece at a time (Lazy)
            text = lazy_reasons(self.segments, segs, sl, given)
        # the chunk's clause texts, sorted, so that output does not depend on the order templates were made
        used = np.nonzero(np.bincount(clauses, minlength=1))[0]
        if len(self._clause_list) != len(self.clause_index):
            self._clause_list = list(self.clause_index)
        texts = [self._clause_list[i] for i in used.tolist()]
        by_text = sorted(range(len(texts)), key=texts.__getitem__)
        remap = np.zeros(int(used.max()) + 1 if len(used) else 1, np.int32)
        remap[used[by_text]] = np.arange(len(used), dtype=np.int32)
        sid = [p for _, p, _ in slow_findings]
        problem: Any
        if isinstance(c.ids, list):
            ids_, more = c.ids, iter(sid)
            problem = [ids_[r] if f else next(more) for r, f in zip(frec.tolist(), fast.tolist(), strict=True)]
        else:
            import pyarrow as pa

            source = pa.concat_arrays([c.ids, pa.array(sid, pa.string())]) if sid else c.ids
            idx = frec.astype(np.int64)
            idx[sl] = len(c.ids) + np.arange(len(sl))
            problem = take_strings(source, idx)
        out = Columns(record, problem, area, body, basis, liability, place, pick(remap, clauses),
                      [texts[i] for i in by_text], text, counts)
        if defer:
            out.segs, out.given, out.given_reasons = segs, sl, given
        return out
