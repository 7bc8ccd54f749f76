"""The records of one input that share an ``id`` (review26 H3), found and said in the same words by every
entry point: ``responsibility assess`` (on stderr, also with ``--dask``), its ``--report`` and
:meth:`Policy.assess <responsibility.Policy.assess>` (``Assessment.repeats``, said by its ``summary()``, its
notebook view and its report). Each such record is still assessed or rejected as a record of its own."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any


def _id_text(x: Any) -> str | None:
    """An id as a record's id is read: text, or a whole number as its digits (7.0 is "7", docs/records.md)."""
    if x is None or isinstance(x, str):
        return x
    if isinstance(x, float) and x.is_integer():
        return str(int(x))
    return str(x)


class Repeats:
    """The records of an input that share an ``id`` (review26 H3: a duplicate id was assessed twice without a word,
    its findings counted twice, where the ledger refuses the second as ``duplicate_problem``). Each is still assessed
    with the verdict ``who_answers`` gives it (as ``Policy.assess`` does); the run says which records share an id.

    Kept per chunk: a 64-bit hash of each id (made in numpy from the id column's own buffers: pyarrow.compute, whose
    import the run avoids, is not needed), the ids themselves (the column, or the strings of a chunk of Python
    records), the record numbers and lines; at the end one pass over the hashes tells whether any id repeats
    (:meth:`_any_equal`), and only then are the ids compared (about 0.03 CPU s a million records)."""

    #: The hash's multiplier (odd: invertible modulo 2**64) and its inverse.
    _P = 0x100000001B3
    _Q = pow(_P, -1, 2**64)

    def __init__(self) -> None:
        self.hashes: list[Any] = []
        self.ids: list[Any] = []  # per chunk: an Arrow array or a list of str (None for an absent id)
        self.numbers: list[Any] = []
        self.lines: list[Any] = []
        self.powers: Any = None  # (P**k, P**-k) for k < the longest chunk's bytes so far

    def part(self, part: Any) -> Any:
        """Note ``part``'s ids (an assessor's :class:`Part`); returns it."""
        given = getattr(part, "given", None) or {}
        if part.arrow and not given:
            if "id" in part.source.schema.names:
                self._arrow(part.source.column("id"), part.numbers, part.lines)
            return part
        rows = part.source if not part.arrow else part.source.to_pylist()
        said = (r.get("id") if isinstance(r, dict) else None for r in (given.get(i, r) for i, r in enumerate(rows)))
        self._strings([_id_text(x) for x in said], part.numbers, part.lines)
        return part

    def table(self, table: Any, start: int = 0) -> None:
        """Note the ids of an Arrow table (or record batch) of records numbered from ``start``, without lines
        (Parquet)."""
        self.batch((table, start))

    def batch(self, item: tuple[Any, int]) -> tuple[Any, int]:
        """Note a Parquet record batch's ids (its records numbered from ``start``, as arrow_parts numbers them)."""
        import numpy as np

        batch, start = item
        if "id" in batch.schema.names:
            self._arrow(batch.column("id"), np.arange(start, start + batch.num_rows, dtype=np.int64), None)
        return item

    def _arrow(self, column: Any, numbers: Any, lines: Any) -> None:
        import numpy as np
        import pyarrow as pa

        at = 0
        for arr in getattr(column, "chunks", [column]):
            n = len(arr)
            nums, lns = numbers[at:at + n], None if lines is None else lines[at:at + n]
            at += n
            if not (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type)):
                self._strings([_id_text(x) for x in arr.to_pylist()], nums, lns)
                continue
            validity, offsets, data = arr.buffers()
            width = np.int64 if pa.types.is_large_string(arr.type) else np.int32
            ends = np.frombuffer(offsets, width)[arr.offset:arr.offset + n + 1].astype(np.int64)
            raw = np.frombuffer(data, np.uint8) if data is not None else np.zeros(0, np.uint8)
            valid = None if validity is None or arr.null_count == 0 else \
                np.unpackbits(np.frombuffer(validity, np.uint8), bitorder="little")[arr.offset:arr.offset + n] \
                .astype(bool)
            self._add(self._hash(ends, raw), valid, arr, nums, lns)

    def _strings(self, ids: list[str | None], numbers: Any, lines: Any) -> None:
        import numpy as np

        encoded = [b"" if x is None else x.encode("utf-8", "surrogatepass") for x in ids]
        ends = np.zeros(len(encoded) + 1, np.int64)
        np.cumsum([len(x) for x in encoded], out=ends[1:])
        valid = np.array([x is not None for x in ids], bool)
        self._add(self._hash(ends, np.frombuffer(b"".join(encoded), np.uint8)), valid, ids, numbers, lines)

    def _hash(self, ends: Any, raw: Any) -> Any:
        """A 64-bit polynomial hash of each string ``raw[ends[i]:ends[i+1]]`` (wrapping uint64 arithmetic): in one C
        pass where the extension was built (``_scan.c`` id_hashes: the numpy below made two tables of 2**20 powers a
        run and four passes over the ids' bytes as uint64, ~0.05 CPU s of a 1M run), else :meth:`_hash_numpy`."""
        import numpy as np

        try:
            from ._scan import id_hashes
        except ImportError:  # pragma: no cover - (an install without a C compiler, or built before this kernel)
            return self._hash_numpy(ends, raw)
        out = np.empty(len(ends) - 1, np.uint64)
        if id_hashes(out, np.ascontiguousarray(ends, np.int64), np.ascontiguousarray(raw, np.uint8), self._P) == 0:
            return out
        return self._hash_numpy(ends, raw)

    def _hash_numpy(self, ends: Any, raw: Any) -> Any:
        """:meth:`_hash` in numpy (the reference the tests compare with)."""
        import numpy as np

        lo, hi = int(ends[0]), int(ends[-1])
        size = hi - lo
        if self.powers is None or len(self.powers[0]) < size + 1:
            k = max(size + 1, 1 << 20)
            up = np.full(k, self._P, np.uint64)
            up[0] = 1
            down = np.full(k, self._Q, np.uint64)
            down[0] = 1
            with np.errstate(over="ignore"):
                self.powers = (np.cumprod(up, dtype=np.uint64), np.cumprod(down, dtype=np.uint64))
        up, down = self.powers
        with np.errstate(over="ignore"):
            prefix = np.zeros(size + 1, np.uint64)
            np.cumsum(raw[lo:hi].astype(np.uint64) * up[:size], dtype=np.uint64, out=prefix[1:])
            start, stop = ends[:-1] - lo, ends[1:] - lo
            h = (prefix[stop] - prefix[start]) * down[start]
            return h ^ ((stop - start).astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15))

    def _add(self, hashes: Any, valid: Any, ids: Any, numbers: Any, lines: Any) -> None:
        import numpy as np

        if valid is not None:  # an absent id is no repeat: a hash of its own position's kind, never equal
            hashes = hashes.copy()
            hashes[~valid] = np.uint64(0)
        self.hashes.append((hashes, valid))
        self.ids.append(ids)
        self.numbers.append(np.asarray(numbers))
        self.lines.append(lines)

    @staticmethod
    def _any_equal(hashes: Any, valid: Any) -> bool:
        """Whether two of the ``valid`` hashes (``None``: all) are equal: one C pass where the extension was built
        (``_scan.c`` any_equal: a bitmap of the hashes' bits, then a sort of the few that share a bit; numpy's sort
        of all of them took 50-70 ms of a 1M run, ~2% of its CPU seconds), else :meth:`_any_equal_numpy`."""
        import numpy as np

        try:
            from ._scan import any_equal
        except ImportError:  # pragma: no cover - (an install without a C compiler, or built before this kernel)
            return Repeats._any_equal_numpy(hashes, valid)
        mask = b"" if valid is None else np.ascontiguousarray(valid, np.uint8)
        return any_equal(np.ascontiguousarray(hashes, np.uint64), mask)

    @staticmethod
    def _any_equal_numpy(hashes: Any, valid: Any) -> bool:
        """:meth:`_any_equal` in numpy (the reference the tests compare with)."""
        import numpy as np

        ranked = np.sort(hashes if valid is None else hashes[valid])  # (a sort, not an argsort)
        return bool((ranked[1:] == ranked[:-1]).any())

    def found(self) -> dict[str, list[tuple[int, int | None]]]:
        """Each id on more than one record: the records' numbers (from 0) and lines, in input order."""
        import numpy as np

        if not self.hashes:
            return {}
        every = np.concatenate([h for h, _ in self.hashes])
        some = any(v is not None for _, v in self.hashes)  # (else every id is valid: no mask to make)
        valid = np.concatenate([np.ones(len(h), bool) if v is None else v for h, v in self.hashes]) if some else None
        if not self._any_equal(every, valid):  # the common case: no repeat
            return {}
        if valid is None:
            valid = np.ones(len(every), bool)
        given = every[valid]
        where = np.flatnonzero(valid)
        order = where[np.argsort(given, kind="stable")]
        same = every[order[1:]] == every[order[:-1]]
        candidates = np.unique(np.concatenate([order[1:][same], order[:-1][same]]))
        starts = np.cumsum([0, *(len(h) for h, _ in self.hashes)])
        numbers = np.concatenate(self.numbers)
        out: dict[str, list[tuple[int, int | None]]] = {}
        for i in candidates.tolist():  # (in input order) the ids themselves: equal hashes of unequal ids are none
            c = int(np.searchsorted(starts, i, side="right")) - 1
            ids, lines = self.ids[c], self.lines[c]
            rid = ids[i - starts[c]]
            rid = rid.as_py() if hasattr(rid, "as_py") else rid
            line = None if lines is None else int(lines[i - starts[c]])
            out.setdefault(str(rid), []).append((int(numbers[i]), line))
        return {rid: at for rid, at in out.items() if len(at) > 1}


def repeated_ids(records: Sequence[Any]) -> dict[str, list[int]]:
    """Each id on more than one of ``records`` (a list given at once: ``who``'s) and the positions (from 0) of its
    records, in input order: counted by :class:`Repeats`, as ``assess`` counts them, so the two commands agree on
    what a repeat is (an id 7 and "7" are one; ux48 left: ``who`` counted them itself)."""
    import numpy as np

    seen = Repeats()
    seen._strings([_id_text(r.get("id")) if isinstance(r, Mapping) else None for r in records],
                  np.arange(len(records), dtype=np.int64), None)
    return {rid: [n for n, _ in at] for rid, at in seen.found().items()}


#: The repeated ids named one by one; the rest are counted.
REPEATS_SHOWN = 20


def repeats_said(found: Mapping[str, list[tuple[int, int | None]]], zh: bool) -> list[str]:
    """The notes on records that share an id: one line per id (at most :data:`REPEATS_SHOWN`), then the count."""
    def where(n: int, line: int | None) -> str:
        if zh:
            return f"第 {line} 行（记录序号 {n}）" if line else f"记录序号 {n}"
        return f"line {line} (record {n})" if line else f"record {n}"

    out = []
    for rid, at in list(found.items())[:REPEATS_SHOWN]:
        places = ("、" if zh else ", ").join(where(n, line) for n, line in at)
        out.append(f"注意：编号 {rid!r} 出现在 {len(at)} 条记录中：{places}；每条作为一条记录分别评估或拒收，"
                   "同一问题重复给出则其认定重复计入（台账会拒收后者：duplicate_problem）；请给每个问题一个编号，"
                   "或删去重复的记录" if zh else
                   f"note: id {rid!r} is on {len(at)} records: {places}; each is a record of its own here, assessed "
                   "or rejected as it reads, so a problem given twice has its findings counted twice (a ledger "
                   "refuses the later ones: duplicate_problem); give each problem its own id, or remove the "
                   "repeated records")
    records = sum(len(at) for at in found.values())
    if len(found) > REPEATS_SHOWN:
        rest = len(found) - REPEATS_SHOWN
        out.append(f"注意：另有 {rest:,} 个编号重复（未逐一列出）" if zh else
                   f"note: {rest:,} more ids are repeated (not listed one by one)")
    if len(found) > 1 and zh:
        out.append(f"注意：{len(found):,} 个编号出现在多条记录中，共 {records:,} 条记录（计数以记录为准：记录数 = "
                   "已评估 + 拒收）")
    elif len(found) > 1:
        out.append(f"note: {len(found):,} ids on more than one record, {records:,} records in all (the counts are of "
                   "records: records = assessed + rejected)")
    return out
