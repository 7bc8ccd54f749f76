"""The columns of a tabular ledger (CSV, Parquet, Arrow, pandas, polars), checked once and read alike.

Every tabular path accepts the same columns and the same values:

- the record's fields as columns; ``discovered`` as a struct, or as JSON text, or as the dotted
  columns ``discovered.level``, ``discovered.channel``, ``discovered.on``, ``discovered.body``;
  ``handled`` and ``concealed_by`` as lists, or as JSON text;
- codes written as integers (a place ``331127`` read by pandas as a number) are the same text;
- dates as ``YYYY-MM-DD`` text, Arrow dates, or datetimes at midnight (as pandas parses them);
- a ``discovered`` struct whose fields are all null is no discovery (as a row without one);
- a null (an empty cell) is an absent field; so is pandas' NaN, NaT or NA (pandas' own marks of a
  missing value, which Arrow reads as nulls), while a float NaN in an Arrow table, a Parquet file
  or a polars frame is a number, refused where a date or text is due, as JSON's ``NaN`` is.

Before any row is read, :func:`check_columns` refuses a ledger whose columns cannot be right: a
column named twice, a required column missing, a column that is no field of a record (with the
nearest field name as a hint). It is one error for the whole file, not one per row.
"""

from __future__ import annotations

import contextlib
import difflib
import json
import re
from collections.abc import Callable, Sequence
from typing import Any

from .._errors import ResponsibilityError
from .._json import duplicate_in, loads_marked, twice_message
from ..engine._problem import map_as_object
from ._tables import DISCOVERED_FIELDS, FIELDS, SLOW_FIELDS

#: Columns pandas adds for a data frame's index (not fields of the records).
PANDAS_INDEX = re.compile(r"__index_level_\d+__\Z")
#: Fields every record needs.
REQUIRED = ("id", "area", "place")
#: Fields whose value is a structure (JSON text in a flat file).
NESTED = ("discovered", "handled", "concealed_by")
#: Fields a spreadsheet or a database may hold as numbers: an integer is read as its digits. Any other text field
#: given a number refuses it as the number it is (wrong_type, as a record in JSON does: check52b #8).
CODES = ("id", "place")
DATES = ("deadline", "rectified_on", "as_of")
DOTTED = tuple(f"discovered.{f}" for f in sorted(DISCOVERED_FIELDS))


class ColumnError(ResponsibilityError, ValueError):
    """A tabular ledger whose columns cannot be right (exit 2, before any row is read); ``columns``:
    the table's column names (a caller may say more of them, e.g. that they are an office
    workbook's Chinese headers)."""

    columns: tuple[str, ...] = ()


def _hint(name: str, choices: Sequence[str]) -> str:
    near = difflib.get_close_matches(name, choices, n=1, cutoff=0.6)
    return f"; did you mean {near[0]!r}?" if near else ""


def check_columns(names: Sequence[str], what: str = "the ledger") -> None:
    """Raise :class:`ColumnError` for a duplicate, missing or unknown column (see the module docstring). A table
    of no columns at all (``pd.DataFrame()``, ``pd.DataFrame([])``) holds no records — each of its rows, if it has
    any, is all empty cells, which are no records — and is taken as an empty list is (hostile40: "no 'id' column")."""
    if not [n for n in names if not PANDAS_INDEX.match(n)]:
        return
    try:
        _check_columns([n for n in names if not PANDAS_INDEX.match(n)], what)
    except ColumnError as exc:
        said = ledger_list(names)
        if not said:
            exc.columns = tuple(names)
            raise
        err = ColumnError(f"{exc}{said}")
        err.columns = tuple(names)
        raise err from None


#: Headers only a list of ``ledger list`` has (Chinese, and ``--lang en``), by the list and its Chinese name.
#: (An office's own workbook may have a 状态 or 整改单位 column: these are the columns no office ledger has.)
LEDGER_LISTS = (
    ("problems", "问题清单", ({"登记时间", "状态", "全部发现渠道"}, {"registered_on", "status", "channels"})),
    ("responsibilities", "责任清单", ({"责任类型", "追责情形", "单位所在地代码"}, {"role", "basis", "body_place"})),
    ("rectifications", "整改清单", ({"剩余天数", "时限按默认参数"}, {"days_left", "deadline_from_parameter"})),
)


def ledger_list(columns: Sequence[str]) -> str:
    """For a list a ledger wrote, assessed next (``ledger list DB problems -o p.csv`` then ``assess p.csv``;
    ``policy.assess(ledger.lists()["problems"])``): that it is one, that it holds no problem records (no steps, no
    deadlines), and where the ledger's verdicts and a problem's record are; else ``""``. (The command said the headers
    were an office ledger's, to be imported into a ledger, which is where it came from; Python said only "no 'id'
    column": newcomer42.)"""
    have = set(columns)
    for name, zh, marks in LEDGER_LISTS:
        if any(mark <= have for mark in marks):
            verdicts = ("it holds the ledger's verdicts already, a row for each body that must act or answers" if
                        name == "responsibilities" else "the ledger's verdicts are its 责任清单, `responsibility "
                        "ledger list DB responsibilities` (Ledger.lists()[\"responsibilities\"] in Python)")
            return (f". This is a ledger's {zh} ({name}), as `responsibility ledger list DB {name}` writes it "
                    f"(Ledger.lists()[\"{name}\"] in Python): a list, not problem records (no row holds a problem's "
                    f"steps of handling), so it cannot be assessed; {verdicts}. One problem's record is the "
                    "\"record\" of `responsibility ledger show DB ID`, or `Ledger.record(ID)` in Python "
                    "(docs/ledger.md)")
    return ""


def _check_columns(names: Sequence[str], what: str) -> None:
    seen: set[str] = set()
    for n in names:
        if n in seen:
            raise ColumnError(f"{what} has two columns named {n!r}; rename or drop one")
        seen.add(n)
    allowed = sorted(FIELDS | SLOW_FIELDS | set(DOTTED))
    unknown = [n for n in names if n not in FIELDS and n not in SLOW_FIELDS and n not in DOTTED]
    present = {n.split(".", 1)[0] for n in names}
    if "domain" in present:  # the former name of ``area``
        present.add("area")
    missing = [f for f in REQUIRED if f not in present]
    if missing:
        f = missing[0]
        also = ("domain",) if f == "area" else ()
        # (a header in capitals, ID, is the field in another case: review22b R22b-9, it got no did-you-mean)
        near = [u for u in unknown if u.strip().lower() in (f, *also)][:1] or \
            next((difflib.get_close_matches(x, unknown, n=1, cutoff=0.6) for x in (f, *also)
                  if difflib.get_close_matches(x, unknown, n=1, cutoff=0.6)), [])
        # the hint names the field as it is called now, also for a misspelling of its former name
        shown = [(n if n.isprintable() else repr(n))[:60] for n in names[:30]]  # (100,000 columns: a 789 KB line)
        rest = f" and {len(names) - len(shown):,} more" if len(names) > len(shown) else ""
        hint = f"; did you mean {near[0]!r} → {f!r}?" if near else f"; its columns: {', '.join(shown) or 'none'}{rest}"
        raise ColumnError(f"{what} has no {f!r} column{hint}")
    if unknown:
        u = unknown[0]
        label = repr(u) if u.strip() else f"without a name (column {names.index(u) + 1})"
        more = f" (and {len(unknown) - 1} more)" if len(unknown) > 1 else ""
        raise ColumnError(f"{what} has a column {label}{more} that is no field of a problem record"
                          f"{_hint(u, allowed)} (fields: {', '.join(sorted(FIELDS | SLOW_FIELDS))}; discovered may "
                          f"also come as the columns {', '.join(DOTTED)})")


def nested_json(text: str) -> tuple[Any] | None:
    """A nested field's JSON text parsed (in a 1-tuple), or ``None`` when it is not JSON or gives a
    key twice (see :func:`json_problem`)."""
    try:
        value, twice = loads_marked(text)
    except (ValueError, RecursionError):
        return None
    return None if duplicate_in(value, twice) is not None else (value,)


def json_problem(text: str) -> str:
    """Why :func:`nested_json` refused ``text``; for bare words (``county``, ``county, 县民政局``: no JSON at all) how
    to write them (review21b B21-8: a plain ``county`` in a concealed_by cell was told only "Expecting value")."""
    try:
        value, twice = loads_marked(text)
    except (ValueError, RecursionError) as exc:
        said = f"not valid JSON ({getattr(exc, 'msg', None) or type(exc).__name__})"
        words = [w.strip() for w in re.split(r"[,，;；、]", text)] if isinstance(text, str) else []
        if words and all(w and not any(c in w for c in '[]{}":') and len(w) <= 60 for w in words):
            listed = ", ".join(json.dumps(w, ensure_ascii=False) for w in words[:3]) + (", …" if len(words) > 3 else "")
            return f"{said}: bare words are not JSON; write a list as [{listed}] (concealed_by), a discovery or a " \
                "step as an object ({\"level\": …})"
        return said
    return twice_message(duplicate_in(value, twice) or "")


def flat_record(row: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    """A row of a flat ledger as a record: null and empty cells absent, JSON text in nested fields
    decoded, dotted ``discovered.*`` cells gathered; and the name of a nested field whose text is
    not JSON (else ``None``; that field keeps its text, which ``who_answers`` refuses).

    A row that gives ``discovered`` and dotted cells too keeps both, and is refused for the dotted field, on every
    path alike (review22b R22b-1: the ``discovered`` cell won without a word on some paths, the row was refused
    on others); a row's dotted cells stand in for its empty ``discovered`` cell."""
    out: dict[str, Any] = {}
    found: dict[str, Any] = {}
    bad: str | None = None
    for key, value in row.items():
        if isinstance(value, bytes):  # a binary column's cell (Parquet, Arrow, pandas): the UTF-8 text it holds,
            with contextlib.suppress(UnicodeDecodeError):  # as _read.as_text reads such a column; other bytes stay,
                value = value.decode("utf-8")  # refused naming the field ("bytes that are not UTF-8 text (b'…')")
        # (a float NaN is no missing value here: an Arrow table's, a Parquet file's or a JSON line's is a number,
        # refused where a date or text is due as the columnar path refuses it; row_values has made a data frame
        # row's NaN the missing value it is there. hostile63: a Parquet row with a JSON text cell for concealed_by
        # was read record by record, its NaN deadline as no deadline and assessed, its NaN kind as no kind)
        if value is None or value == "" or PANDAS_INDEX.match(key) or _is_missing(value):
            continue
        if key in NESTED and isinstance(value, str):
            if not value.strip():  # a blank cell is an absent field, as an empty one is (engine/_problem.without_nulls)
                continue
            if (parsed := nested_json(value)) is None:
                out[key] = value
                bad = bad or key
            else:
                out[key] = parsed[0]
        elif key.startswith("discovered.") and key in DOTTED:
            found[key.split(".", 1)[1]] = value
        else:
            out[key] = value
    if found:
        if "discovered" not in out:
            out["discovered"] = found
        else:
            out.update({f"discovered.{k}": v for k, v in found.items()})
    return out, bad


def record_of(problem: Any) -> Any:
    """A row of a data frame (a pandas ``Series``, or a dict with dotted ``discovered.*`` keys) as
    :func:`row_record` reads it; anything else as it is. Every path that takes a record as a dict or a
    file (``who_answers``, the service) reads it through this, so a row's dotted keys read alike."""
    series = type(problem).__name__ == "Series" and hasattr(problem, "to_dict")
    if not series and not (isinstance(problem, dict)
                           and any(isinstance(k, str) and k.startswith("discovered.") for k in problem)):
        return problem
    return row_record(problem)


def row_record(row: Any) -> dict[str, Any]:
    """One row of a data frame (a pandas ``Series``, or a dict with dotted ``discovered.*`` keys) as
    the record :func:`flat_record` makes of it, its values read as every tabular path reads them:
    numpy scalars as Python values, integer codes as their digits, a timestamp at midnight as its
    date, a missing value (``NaN``, ``NA``, ``NaT``, ``None``, empty text) as an absent field."""
    return flat_record(row_values(row))[0]


def row_values(row: Any) -> dict[str, Any]:
    """A data frame's row (a ``Series`` or a dict, as ``to_dict("records")`` gives it) with its values as Python's,
    before :func:`flat_record`: numpy scalars as Python values, a numpy array (a list column) as its list, integer
    codes as their digits, a timestamp at midnight as its date."""
    items = row.to_dict() if hasattr(row, "to_dict") and not isinstance(row, dict) else dict(row)
    out: dict[str, Any] = {}
    for key, value in items.items():
        if type(value).__module__ == "numpy":
            if getattr(value, "ndim", 0):  # a list cell (handled, concealed_by) as pd.read_parquet gives it: its
                value = value.tolist()     # .item() took a one-step list for its step (review24b R24b-6)
            elif hasattr(value, "item"):
                value = value.item()
        if isinstance(value, float) and value != value:
            value = None  # pandas' mark of a missing value (flat_record reads a float NaN as the number it is)
        if key == "discovered":
            value = map_as_object(value)  # (a Parquet map read by pandas: a list of (key, value) tuples)
        if type(value).__name__ == "Timestamp" and value.tzinfo is None and value == value.normalize():
            value = value.date()
        # (an int of no code's length stays an int, which the record's check refuses as a value: str() of one of
        # over 4,300 digits raises ValueError, review23b R23b-3)
        if isinstance(value, int) and not isinstance(value, bool) and key in CODES and value.bit_length() <= 128:
            value = str(value)
        out[str(key)] = value
    return out


def flat_reader(names: Sequence[str]) -> Callable[[Sequence[str]], tuple[dict[str, Any], str | None]]:
    """:func:`flat_record` for rows of text cells under the header ``names`` (a CSV file's), with
    what each column is worked out once: the same record for ``cells`` as
    ``flat_record(dict(zip(names, cells)))``."""
    plan = []
    for key in names:
        kind = 0 if PANDAS_INDEX.match(key) else 1 if key in NESTED else \
            2 if key.startswith("discovered.") and key in DOTTED else 3
        plan.append((key, kind, key.split(".", 1)[1] if kind == 2 else key))

    def read(cells: Sequence[str]) -> tuple[dict[str, Any], str | None]:
        out: dict[str, Any] = {}
        found: dict[str, Any] = {}
        bad: str | None = None
        for (key, kind, sub), value in zip(plan, cells, strict=False):
            if not value or not kind:
                continue
            if kind == 1:
                if not value.strip():  # (blank: absent, as in flat_record)
                    continue
                if (parsed := nested_json(value)) is None:
                    out[key] = value
                    bad = bad or key
                else:
                    out[key] = parsed[0]
            elif kind == 2:
                found[sub] = value
            else:
                out[key] = value
        if found:
            if "discovered" not in out:
                out["discovered"] = found
            else:  # (both: refused for the dotted field, as flat_record's row)
                out.update({f"discovered.{k}": v for k, v in found.items()})
        return out, bad

    return read


def _is_missing(v: Any) -> bool:
    """pandas' NA and NaT: missing values wherever they come (a float NaN is pandas' only in a frame's row)."""
    return type(v).__name__ in ("NAType", "NaTType")


def normalise(table: Any) -> Any:
    """An Arrow table with the values every tabular path reads alike (see the module docstring):
    integer codes as text, datetimes at midnight as dates, dotted ``discovered.*`` columns as a
    struct. JSON text in nested columns is left for :func:`needs_rows` to see."""
    import pyarrow as pa

    names = table.column_names
    cols: dict[str, Any] = {n: table.column(n) for n in names if not PANDAS_INDEX.match(n)}
    for name in CODES:
        col = cols.get(name)
        if col is not None and pa.types.is_integer(col.type):
            cols[name] = col.cast(pa.string())
    for name in (*DATES, "discovered.on"):
        col = cols.get(name)
        if col is not None and pa.types.is_timestamp(col.type) and col.type.tz is None:
            cols[name] = _midnight_dates(col)
    dotted = [n for n in DOTTED if n in cols]
    if dotted and "discovered" not in cols:
        # (the struct made from the children's validity bitmaps and its own: is_valid, and StructArray.from_arrays
        # with a mask, import pyarrow.compute, which builds ~290 wrapped functions, ~0.07 CPU s of a CSV's run)
        import numpy as np

        from ._encode import _validity

        n = table.num_rows
        children = [cols.pop(d).combine_chunks() for d in dotted]
        for i, c in enumerate(children):
            if pa.types.is_null(c.type):
                children[i] = pa.nulls(n, pa.string())
        valid = np.zeros(n, np.bool_)
        for c in children:
            valid |= _validity(c) if c.null_count else True
        typ = pa.struct([(d.split(".", 1)[1], c.type) for d, c in zip(dotted, children, strict=True)])
        cols["discovered"] = pa.chunked_array([pa.Array.from_buffers(
            typ, n, [pa.py_buffer(np.packbits(valid, bitorder="little"))], null_count=int(n - valid.sum()),
            children=children)])
    disc = cols.get("discovered")
    if disc is not None and pa.types.is_map(disc.type):
        disc = cols["discovered"] = _map_as_struct(disc)
    if disc is not None and pa.types.is_struct(disc.type) and disc.type.num_fields:
        cols["discovered"] = _no_empty_discovery(disc)
    return pa.table(cols)


def _map_as_struct(col: Any) -> Any:
    """A ``discovered`` column of Arrow maps (``map<string, string>``: Spark's ``create_map``, a Parquet MAP) as the
    struct of the keys its rows use, a key a row lacks null there: each row the object it holds, as a record's
    ``discovered`` is (check52b #13: it was refused as "a list of 3 items"). A row giving one key twice, or keys that
    are not text, leaves the column as it is, each row refused as the map it is (:func:`map_as_object`)."""
    import pyarrow as pa

    rows = [None if r is None else map_as_object(r) for r in col.to_pylist()]
    if any(r is not None and not isinstance(r, dict) for r in rows):
        return col
    keys = list(dict.fromkeys(k for r in rows if r is not None for k in r))
    value = col.type.item_type
    typ = pa.struct([(k, value) for k in keys])
    return pa.chunked_array([pa.array(rows, typ)], typ) if keys else col


def _no_empty_discovery(col: Any) -> Any:
    """A ``discovered`` struct column with each row whose fields are all null made null: no
    discovery, as a record without ``discovered`` (review20b B20-2: Spark's ``F.struct`` of three
    empty columns, or pyarrow's JSON reader of ``{"level": null, …}``, gave such a struct, which was
    refused for its missing level, while the same row flat was read as not yet discovered)."""
    import numpy as np
    import pyarrow as pa

    from ._encode import _validity

    chunks, changed = [], False
    for arr in col.chunks:
        n = len(arr)
        children = [arr.field(i) for i in range(arr.type.num_fields)]
        filled = np.zeros(n, np.bool_)
        for child in children:
            if not child.null_count:
                filled[:] = True
                break
            filled |= _validity(child)
        if filled.all():
            chunks.append(arr)
            continue
        valid = filled & _validity(arr) if arr.null_count else filled
        changed = True
        chunks.append(pa.Array.from_buffers(arr.type, n, [pa.py_buffer(np.packbits(valid, bitorder="little"))],
                                            null_count=int(n - valid.sum()), children=children))
    return pa.chunked_array(chunks, col.type) if changed else col


def blank_rows(table: Any) -> Any:
    """Where a row of ``table`` has no value in any column (a numpy mask), or ``None`` when every row
    has one: such a row is no record, as a CSV row of empty cells and a blank line of JSON lines are
    none (review20b B20-5: pandas keeps a CSV's ``,,,`` row, which was rejected for its missing id)."""
    import numpy as np

    from ._encode import _validity

    filled = np.zeros(table.num_rows, np.bool_)
    for name, column in zip(table.column_names, table.columns, strict=True):
        if PANDAS_INDEX.match(name):
            continue
        if not column.null_count:
            return None
        filled |= np.concatenate([_validity(c) for c in column.chunks]) if column.num_chunks != 1 \
            else _validity(column.chunk(0))
    return None if filled.all() else ~filled


def _midnight_dates(col: Any) -> Any:
    """A timestamp column as dates when every value is at midnight (else unchanged: such a value
    is no date, and its record is read as it is)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    dates = pc.cast(pc.cast(col, pa.date32(), safe=False), col.type)  # truncated to the day
    same = pc.all(pc.or_kleene(pc.equal(dates, col), pc.is_null(col))).as_py()
    return pc.cast(col, pa.date32(), safe=False) if same in (True, None) else col


def needs_rows(table: Any) -> bool:
    """Whether a nested field is given as JSON text, or ``discovered`` beside dotted ``discovered.*`` columns (such
    a table is read row by row: each row gives one of them, or is refused, as a CSV file's), or a column is binary
    (each cell then read as the UTF-8 text it holds, or refused naming its column, by :func:`flat_record`: a
    deadline as bytes was refused in every row, "got a bytes", in an Arrow table, read as text from a Parquet
    file)."""
    import pyarrow as pa

    if "discovered" in table.column_names and any(n in table.column_names for n in DOTTED):
        return True
    if any(pa.types.is_binary(f.type) or pa.types.is_large_binary(f.type) for f in table.schema):
        return True
    return any(n in table.column_names and (pa.types.is_string(table.schema.field(n).type)
                                            or pa.types.is_large_string(table.schema.field(n).type))
               for n in NESTED)
