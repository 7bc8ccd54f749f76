"""A Parquet input's record batches, with its few-valued text read as Arrow dictionaries.

A Parquet file stores a text column of few values (area, kind, place, severity, the levels,
channels and bodies of ``discovered`` and ``handled``, ``concealed_by``) as a dictionary and
indices. Read plainly, pyarrow makes a string of every value; read with ``read_dictionary`` it
keeps the file's dictionary and indices, which costs about half as much, and the encoder then
looks each distinct text up once (``_encode._ArrowReader.codes``). The values are the same, so
are the findings.

pyarrow cannot read a nested column so in every file: where a batch spans two row groups whose
dictionaries differ it raises ``ArrowNotImplementedError`` ("Nested data conversions not
implemented for chunked array outputs"). Nested leaves are therefore read as dictionaries only
in files whose row groups hold at least a batch each, one row group at a time (a batch never
spans two), and on that error (or any other such refusal) the rest of the file is read plainly,
from the first record not yet given.

Batches are decoded in the thread that asks for them (``use_threads=False``), not on Arrow's pool: the
command reads in a thread of its own (``_parallel.prefetch``), beside the assessing one, and handing each
column to the pool's threads and back cost more than it saved (1M records: 0.385 -> 0.333 CPU s, most of
it system time, medians of 10 interleaved, load 10-12).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

#: Top-level text columns whose values are codes (``id`` is not: its values are all distinct).
CODED = ("area", "domain", "kind", "place", "severity")
#: The most pieces a record batch with cells that are not UTF-8 is cut into (see :func:`as_text`).
PIECES = 16
#: The code-valued children of the nested fields (the last part of their Parquet path).
CODED_CHILDREN = {"discovered": ("level", "channel", "body"), "handled": ("action", "by_level", "to_level", "to_body")}


def dictionary_leaves(f: Any) -> tuple[list[str], list[str]]:
    """The Parquet paths of the code-valued text columns of the file ``f`` (a ``pq.ParquetFile``)
    that its first row group stores as dictionaries: (top-level columns, nested leaves)."""
    import pyarrow as pa

    md = f.metadata
    if md.num_row_groups == 0:
        return [], []
    group = md.row_group(0)
    stored = {group.column(i).path_in_schema for i in range(group.num_columns)
              if {"PLAIN_DICTIONARY", "RLE_DICTIONARY"} & set(group.column(i).encodings)}
    schema = f.schema_arrow
    top = [x.name for x in schema if x.name in CODED and x.name in stored and pa.types.is_string(x.type)]
    nested: list[str] = []
    for name in (*CODED_CHILDREN, "concealed_by"):
        if schema.get_field_index(name) < 0:
            continue
        typ = schema.field(name).type
        if pa.types.is_list(typ):
            typ = typ.value_type
        if name == "concealed_by":
            ok = pa.types.is_list(schema.field(name).type) and pa.types.is_string(typ)
            leaves = [p for p in stored if p.startswith(f"{name}.") and p.count(".") == 2] if ok else []
        elif pa.types.is_struct(typ):
            texts = {typ.field(i).name for i in range(typ.num_fields) if pa.types.is_string(typ.field(i).type)}
            depth = 1 if name == "discovered" else 3  # discovered.level, handled.list.element.action
            leaves = [p for p in stored if p.startswith(f"{name}.") and p.count(".") == depth
                      and p.rsplit(".", 1)[1] in texts and p.rsplit(".", 1)[1] in CODED_CHILDREN[name]]
        else:
            leaves = []
        nested += sorted(leaves)
    return top, nested


def nested_by_group(f: Any, size: int) -> bool:
    """Whether nested leaves of the file ``f`` are read as dictionaries, a row group at a time, in
    batches of ``size`` rows: where every row group but the last holds at least a batch."""
    md = f.metadata
    return all(md.row_group(g).num_rows >= size for g in range(md.num_row_groups - 1))


def parquet_batches(path: str, f: Any, size: int) -> Iterator[Any]:
    """The record batches (of at most ``size`` rows) of the Parquet file at ``path`` (``f``, its
    ``pq.ParquetFile``, read plainly), its code-valued text as Arrow dictionaries where pyarrow
    can (see the module docstring)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    top, nested = dictionary_leaves(f)
    if not nested_by_group(f, size):
        nested = []  # small row groups: a batch would span several (each with its own dictionaries)
    given = 0
    if top or nested:
        coded = pq.ParquetFile(path, read_dictionary=top + nested)
        groups = [[g] for g in range(f.metadata.num_row_groups)] if nested else [None]
        try:
            for rows in groups:
                for batch in coded.iter_batches(batch_size=size, row_groups=rows, use_threads=False):
                    yield from as_text(batch)
                    given += batch.num_rows
            return
        except pa.ArrowNotImplementedError:
            pass  # read plainly from the first record not given
    for batch in f.iter_batches(batch_size=size, use_threads=False):
        if given >= batch.num_rows:
            given -= batch.num_rows
            continue
        yield from as_text(batch.slice(given) if given else batch)
        given = 0


def text_tables(table: Any) -> Iterator[tuple[Any, int]]:
    """``table`` (an Arrow table given to ``Policy.assess``, or one file of ``assess --dask``) read as a Parquet
    file's batches are (:func:`as_text`): the table itself when its text is all UTF-8 and it has no binary column,
    else tables of :func:`as_text`'s pieces, each with the number of its first row (its rows keep their numbers).
    A string column of bytes that are not UTF-8 ended ``Policy.assess`` and ``assess --dask`` with ArrowInvalid
    "Cannot normalize utf8 string" (hostile42): each such row is now rejected naming its field, the rest assessed."""
    import pyarrow as pa

    pieces: list[tuple[Any, int]] = []
    same = True
    at = 0
    for batch in table.to_batches():
        for piece in as_text(batch):
            same = same and piece is batch
            pieces.append((piece, at))
            at += piece.num_rows
    if same:
        yield table, 0
        return
    for piece, first in pieces:
        yield pa.Table.from_batches([piece]), first


def as_text(batch: Any) -> Iterator[Any]:
    """``batch`` with each binary column read as the UTF-8 text it holds, so that it is checked as text is (review22b
    R22b-3: an id in a binary column skipped the control-character check, and NUL and ESC reached the outputs), in
    one piece or, where a cell is not UTF-8 text, in several, in order (their rows add up to ``batch``'s).

    A row with a cell that is not UTF-8 comes in a piece whose column stays binary there, and is rejected by itself,
    naming that column, as a record of such bytes is ("field 'id': bytes that are not UTF-8 text (b'A-\\xff2')");
    the rows around it are read as text and assessed (hostile41: one such cell refused the whole file, exit 2).
    Where that would make more than :data:`PIECES` pieces, the batch comes whole with those columns binary: it is
    then read row by row (``_columns.needs_rows``), each binary cell as the UTF-8 text it holds where it holds
    such text (``_columns.flat_record``), the same records and rejects, at the record-by-record path's pace.

    A string column (or a nested one's text) whose bytes are not all UTF-8, as a writer that does not check them
    leaves it, is read as the binary it is, alike (Arrow's full validation; ~0.03 CPU s per million rows of six
    text columns, measured: 0.109 -> 0.136, medians of 3)."""
    import numpy as np
    import pyarrow as pa

    raw = list(batch.columns)
    binary = []
    changed = False
    for i, field in enumerate(batch.schema):
        typ = field.type
        if pa.types.is_dictionary(typ) and _is_text(typ.value_type) and not _valid(raw[i]):
            raw[i] = raw[i].dictionary_decode()
            typ = raw[i].type
        if _is_text(typ) and not _valid(raw[i]):  # a string column of bytes that are not UTF-8, as a writer
            # that does not check them leaves it (a Hive table of GBK text): read as the binary it is (it ended
            # the run with exit 3, "internal error … Cannot normalize utf8 string", hostile42)
            raw[i] = raw[i].view(pa.large_binary() if pa.types.is_large_string(typ) else pa.binary())
            typ = raw[i].type
        if pa.types.is_binary(typ) or pa.types.is_large_binary(typ):
            binary.append(i)
        elif pa.types.is_nested(typ) and not _valid(raw[i]):  # (a discovered.level, a handled step's body: its
            raw[i] = _as_binary(raw[i])  # texts as bytes, each read, or refused, as a record's bytes are)
            changed = True
    if not binary and not changed:
        yield batch
        return
    if not binary:
        yield pa.RecordBatch.from_arrays(raw, names=batch.schema.names)
        return
    cols = list(raw)
    bad: dict[int, Any] = {}  # column -> where its cells are not UTF-8 (a numpy mask)
    for i in binary:
        try:
            cols[i] = _text(cols[i])
        except pa.ArrowInvalid:
            bad[i] = np.array([v is not None and not _is_utf8(v) for v in cols[i].to_pylist()], np.bool_)
    names = batch.schema.names
    if not bad:
        yield pa.RecordBatch.from_arrays(cols, names=names)
        return
    # rows grouped in runs of the same columns not UTF-8 (none: the rows between), each run a piece
    which = np.zeros(batch.num_rows, np.int64)
    for k, mask in enumerate(bad.values()):
        which |= mask.astype(np.int64) << k
    cuts = [0, *(np.flatnonzero(which[1:] != which[:-1]) + 1).tolist(), batch.num_rows]
    if len(cuts) > PIECES + 1:  # (each piece costs ~2 ms downstream: 44,000 scattered ones took 167 CPU s)
        yield pa.RecordBatch.from_arrays([raw[i] if i in bad else c for i, c in enumerate(cols)], names=names)
        return
    for lo, hi in itertools.pairwise(cuts):
        piece = [c.slice(lo, hi - lo) for c in cols]
        for k, i in enumerate(bad):
            if not which[lo] >> k & 1:
                piece[i] = _text(piece[i])  # (UTF-8 in this run)
        yield pa.RecordBatch.from_arrays(piece, names=names)


def _text(column: Any) -> Any:
    """A binary column as text (``ArrowInvalid`` where a cell is not UTF-8)."""
    import pyarrow as pa

    return column.cast(pa.large_string() if pa.types.is_large_binary(column.type) else pa.string())


def _as_binary(arr: Any) -> Any:
    """A nested column ``arr`` with each text leaf that is not all UTF-8 (a struct's field, a list's items) as the
    binary it is; its other leaves (a date beside it) as they were."""
    import pyarrow as pa

    typ = arr.type
    if pa.types.is_dictionary(typ):  # (a nested leaf read as a dictionary)
        return arr if _valid(arr) else _as_binary(arr.dictionary_decode())
    if _is_text(typ):
        return arr if _valid(arr) else arr.view(pa.large_binary() if pa.types.is_large_string(typ) else pa.binary())
    if pa.types.is_struct(typ):
        children = [_as_binary(c) for c in arr.flatten()]
        return pa.StructArray.from_arrays(children, names=[typ.field(k).name for k in range(typ.num_fields)],
                                          mask=arr.is_null() if arr.null_count else None)
    if pa.types.is_list(typ) or pa.types.is_large_list(typ):
        kind = pa.LargeListArray if pa.types.is_large_list(typ) else pa.ListArray
        return kind.from_arrays(arr.offsets, _as_binary(arr.values), mask=arr.is_null() if arr.null_count else None)
    return arr


def _is_text(typ: Any) -> bool:
    import pyarrow as pa

    return bool(pa.types.is_string(typ) or pa.types.is_large_string(typ))


def _valid(column: Any) -> bool:
    """Whether a string column's (or a dictionary's) bytes are UTF-8, as Arrow's full validation checks them."""
    import pyarrow as pa

    try:
        column.validate(full=True)
    except pa.ArrowInvalid:
        return False
    return True


def _is_utf8(value: bytes) -> bool:
    try:
        value.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
