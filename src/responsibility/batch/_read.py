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

from collections.abc import Iterator
from typing import Any

#: Top-level text columns whose values are codes (``id`` is not: its values are all distinct).
CODED = ("area", "domain", "kind", "place", "severity")
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
                    yield as_text(batch, path)
                    given += batch.num_rows
            return
        except pa.ArrowNotImplementedError:
            pass  # read plainly from the first record not given
    for batch in f.iter_batches(batch_size=size, use_threads=False):
        if given >= batch.num_rows:
            given -= batch.num_rows
            continue
        yield as_text(batch.slice(given) if given else batch, path)
        given = 0


def as_text(batch: Any, path: str) -> Any:
    """``batch`` with each binary column read as the UTF-8 text it holds, so that it is checked as text is (review22b
    R22b-3: an id in a binary column skipped the control-character check, and NUL and ESC reached the outputs).
    A binary column that is not UTF-8 text is refused, naming it."""
    import pyarrow as pa

    cols: list[Any] | None = None
    for i, field in enumerate(batch.schema):
        wide = pa.types.is_large_binary(field.type)
        if not (wide or pa.types.is_binary(field.type)):
            continue
        try:
            text = batch.column(i).cast(pa.large_string() if wide else pa.string())
        except pa.ArrowInvalid:
            from .._errors import ResponsibilityError

            raise ResponsibilityError(f"{path}: the column {field.name!r} holds bytes that are not UTF-8 text; "
                                      "write it as a string column of UTF-8 text") from None
        cols = cols if cols is not None else list(batch.columns)
        cols[i] = text
    return batch if cols is None else pa.RecordBatch.from_arrays(cols, names=batch.schema.names)
