"""Reading problem ledgers and writing findings: JSON lines, JSON, CSV and Parquet.

Every reader yields :class:`~responsibility.batch._assessor.Part` chunks and counts every record it
sees: a line that is not JSON or a CSV row with too many cells is a record rejected here,
with its line. A file that cannot be used at all (unreadable, not the format it claims)
raises :class:`~responsibility.ResponsibilityError`.

CSV: one record per row; empty cells are absent fields; ``discovered``, ``handled`` and
``concealed_by`` hold JSON (``discovered.level``, ``discovered.channel``, ``discovered.on``
and ``discovered.body`` columns may stand in for ``discovered``). Parquet: the record's
fields as columns, ``discovered`` a struct, ``handled`` a list of structs; nulls are absent.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

import numpy as np

from .._errors import ProblemError, ResponsibilityError
from ._assessor import CHUNK, Part, Reject, arrow_parts, finding_schema, reject_schema, to_arrow, to_python
from ._emit import FINDING_COLUMNS, REJECT_COLUMNS, Columns
from ._encode import drop_missing, encode_dicts
from ._parallel import Behind, prefetch
from ._tables import Tables
from ._workers import pieces

FORMATS = ("jsonl", "json", "csv", "parquet")
_EXT = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".parquet": "parquet",
        ".pq": "parquet"}
NESTED = ("discovered", "handled", "concealed_by")


def format_of(path: str, given: str | None, what: str) -> str:
    """The format of ``path``: ``given``, else from its extension (``-`` is JSON lines)."""
    if given:
        return given
    if path == "-":
        return "jsonl"
    fmt = _EXT.get(Path(path).suffix.lower())
    if fmt is None:
        raise ResponsibilityError(f"cannot tell the format of {what} {path!r} from its extension; use "
                                  f"{'.jsonl, .json, .csv or .parquet' } or --{'from' if what == 'input' else 'to'}")
    return fmt


def _needs_pyarrow(what: str) -> Any:
    try:
        import pyarrow
    except ImportError:
        raise ResponsibilityError(f"{what} needs pyarrow: pip install 'responsibility[frames]'") from None
    return pyarrow


class Source:
    """Chunks of an input file, with the number of records when known in advance (for progress)."""

    def __init__(self, path: str, fmt: str, t: Tables) -> None:
        self.path, self.fmt, self.t = path, fmt, t
        self.total: int | None = None
        if path != "-":
            try:
                with open(path, "rb"):
                    pass
            except OSError as exc:
                raise ResponsibilityError(f"cannot read {path}: {exc.strerror}") from None
        if fmt == "parquet":
            _needs_pyarrow("reading Parquet")
            import pyarrow.parquet as pq

            try:
                self._parquet = pq.ParquetFile(path)
            except (OSError, ValueError) as exc:  # pyarrow's errors subclass these
                raise ResponsibilityError(f"{path} is not a readable Parquet file ({exc})") from None
            self.total = self._parquet.metadata.num_rows

    def parts(self) -> Iterator[Part]:
        """The input's chunks, in order."""
        if self.fmt == "parquet":
            yield from self._parquet_parts()
        elif self.fmt == "csv":
            yield from self._csv_parts()
        elif self.fmt == "json":
            yield from self._json_parts()
        else:
            yield from self._jsonl_parts()

    def batches(self) -> Iterator[tuple[Any, int]]:
        """A Parquet input's record batches, each with the number of its first record (read ahead)."""

        def read() -> Iterator[tuple[Any, int]]:
            start = 0
            try:
                for batch in self._parquet.iter_batches(batch_size=CHUNK):
                    yield batch, start
                    start += batch.num_rows
            except (OSError, ValueError) as exc:  # pyarrow's errors subclass these
                raise ResponsibilityError(f"{self.path} is not a readable Parquet file ({exc})") from None

        return prefetch(read())

    def _parquet_parts(self) -> Iterator[Part]:
        import pyarrow as pa

        for batch, start in self.batches():
            yield from arrow_parts(pa.Table.from_batches([batch]), self.t, start=start)

    def _open(self) -> IO[bytes]:
        return sys.stdin.buffer if self.path == "-" else open(self.path, "rb")

    def _chunks(self, items: Iterator[tuple[int | None, Any, Reject | None]]) -> Iterator[Part]:
        """Parts from (line, record or None, reject or None), numbering records in order."""
        buf: list[Any] = []
        lines: list[int] = []
        numbers: list[int] = []
        rejects: list[Reject] = []

        def part() -> Part:
            rows = list(buf)
            return Part(encode_dicts(rows, self.t), rows.__getitem__, np.array(numbers, np.int64),
                        np.array(lines, np.int64), list(rejects))

        for number, (line, record, reject) in enumerate(items):
            if reject is not None:
                rejects.append((number, *reject[1:]))
            else:
                buf.append(record)
                lines.append(line or 0)
                numbers.append(number)
            if len(buf) + len(rejects) >= CHUNK:
                yield part()
                buf, lines, numbers, rejects = [], [], [], []
        if buf or rejects:
            yield part()

    def _jsonl_parts(self) -> Iterator[Part]:
        def items() -> Iterator[tuple[int | None, Any, Reject | None]]:
            with self._open() as f:
                for n, raw in enumerate(f, start=1):
                    if n == 1 and raw.startswith(b"\xef\xbb\xbf"):  # a UTF-8 byte order mark
                        raw = raw[3:]
                    if not raw.strip():
                        continue
                    try:
                        yield n, json.loads(raw), None
                    except ValueError as exc:  # JSONDecodeError, or bytes that are not UTF-8
                        why = f"line {n}: not valid JSON ({getattr(exc, 'msg', None) or exc})"
                        yield n, None, (0, n, None, "(record)", str(ProblemError("(record)", why)))

        yield from self._chunks(items())

    def _json_parts(self) -> Iterator[Part]:
        try:
            with self._open() as f:
                data = json.load(f)
        except ValueError as exc:
            raise ResponsibilityError(f"{self.path} is not valid JSON ({exc}); for one record per line use "
                                      ".jsonl") from None
        records = data if isinstance(data, list) else [data]
        yield from self._chunks((None, r, None) for r in records)

    def _csv_parts(self) -> Iterator[Part]:
        def items() -> Iterator[tuple[int | None, Any, Reject | None]]:
            with self._open() as raw:
                text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
                try:
                    reader = csv.reader(text)
                    header = next(reader, None)
                    if header is None:
                        return
                    width = len(header)
                    line = reader.line_num
                    for cells in reader:
                        first, line = line + 1, reader.line_num
                        if not any(cells):
                            continue
                        if len(cells) > width:
                            why = f"line {first}: {len(cells)} cells, but the header has {width}"
                            yield first, None, (0, first, None, "(record)", str(ProblemError("(record)", why)))
                            continue
                        record, reject = _csv_record(dict(zip(header, cells, strict=False)), first)
                        yield first, record, reject
                except UnicodeDecodeError:
                    raise ResponsibilityError(f"{self.path} is not UTF-8 text") from None
                except csv.Error as exc:
                    raise ResponsibilityError(f"{self.path}:{reader.line_num}: not valid CSV ({exc})") from None

        yield from self._chunks(items())


def _csv_record(row: dict[str, str], line: int) -> tuple[dict[str, Any] | None, Reject | None]:
    """A CSV row as a record: empty cells dropped, nested fields decoded from JSON."""
    out: dict[str, Any] = {}
    found: dict[str, Any] = {}
    for key, value in row.items():
        if value == "":
            continue
        if key in NESTED:
            try:
                out[key] = json.loads(value)
            except ValueError as exc:
                err = ProblemError(key, f"line {line}: not valid JSON ({getattr(exc, 'msg', exc)})",
                                   record=row.get("id") or None)
                return None, (0, line, row.get("id") or None, key, str(err))
        elif key.startswith("discovered."):
            found[key.split(".", 1)[1]] = value
        else:
            out[key] = value
    if found and "discovered" not in out:
        out["discovered"] = found
    return drop_missing(out), None


# ------------------------------------------------------------------------------ writing


def _parquet_writer(file: IO[bytes], schema: Any) -> Any:
    """A Parquet writer: zstd, dictionaries only for the few-valued columns, no statistics."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    few = [f.name for f in schema if pa.types.is_dictionary(f.type)]
    return pq.ParquetWriter(file, schema, compression="zstd", compression_level=1, use_dictionary=few or False,
                            write_statistics=False)


class Sink:
    """Writes tables of one kind (findings or rejects) to a file, atomically: to a temporary
    file beside it, renamed when :meth:`close` is called with ``ok``."""

    def __init__(self, path: str | None, fmt: str, kind: str, dicts: Any = None) -> None:
        self.path, self.fmt, self.kind, self.dicts = path, fmt, kind, dicts
        self.columns = FINDING_COLUMNS if kind == "findings" else REJECT_COLUMNS
        self.tmp = None if path is None else f"{path}.part-{os.getpid()}"
        self._writer: Any = None
        self._count = 0
        if fmt in ("parquet", "csv") or path is not None:
            if fmt == "parquet":
                _needs_pyarrow("writing Parquet")
            try:
                self._file: IO[bytes] = open(self.tmp, "wb") if self.tmp else sys.stdout.buffer  # noqa: SIM115
            except OSError as exc:
                raise ResponsibilityError(f"cannot write {path}: {exc.strerror}") from None
        else:
            self._file = sys.stdout.buffer
        self._csv_header = False
        if fmt == "json":
            self._file.write(b"[")
        self._behind = Behind()

    def schema(self) -> Any:
        return finding_schema() if self.kind == "findings" else reject_schema()

    def write_findings(self, rows: Columns | Any, done: Callable[[], object] | None = None) -> None:
        """Write finding rows (:class:`Columns` or an Arrow table) in a background thread; call
        ``done`` once they are written."""

        def job() -> None:
            if isinstance(rows, Columns):
                try:
                    import pyarrow  # noqa: F401
                except ImportError:
                    self._write_rows(to_python(rows, self.dicts))
                else:
                    for piece in pieces(to_arrow(rows, self.dicts)):
                        self._write_table(piece)
            else:
                self._write_table(rows)
            if done is not None:
                done()

        self._behind.submit(job)

    def _write_table(self, table: Any) -> None:
        if self.fmt in ("parquet", "csv"):
            self._write_arrow(table)
        else:
            self._write_rows(table.to_pydict())

    def write_rejects(self, rejects: list[Reject]) -> None:
        """Write rejects (in a background thread)."""
        rows = {c: [r[i] for r in rejects] for i, c in enumerate(REJECT_COLUMNS)}
        if self.fmt == "parquet":
            import pyarrow as pa

            table = pa.Table.from_pydict(rows, schema=reject_schema())
            self._behind.submit(lambda: self._write_arrow(table))
        else:
            self._behind.submit(lambda: self._write_rows(rows))

    def _write_arrow(self, table: Any) -> None:
        import pyarrow as pa

        if self.fmt == "parquet":
            if self._writer is None:
                self._writer = _parquet_writer(self._file, self.schema())
            self._writer.write_table(table, row_group_size=max(len(table), 1))
            return
        import pyarrow.csv as pacsv

        plain = pa.Table.from_arrays([c.cast(c.type.value_type) if pa.types.is_dictionary(c.type) else c
                                      for c in table.columns], names=table.column_names)
        if self._writer is None:
            self._writer = pacsv.CSVWriter(self._file, plain.schema)
        self._writer.write_table(plain)

    def _write_rows(self, rows: dict[str, list[Any]]) -> None:
        n = len(rows[self.columns[0]])
        if self.fmt == "csv":
            text = io.StringIO()
            w = csv.writer(text, lineterminator="\n")
            if not self._csv_header:
                w.writerow(self.columns)
                self._csv_header = True
            w.writerows(zip(*(rows[c] for c in self.columns), strict=True))
            self._file.write(text.getvalue().encode())
            return
        out = []
        for i in range(n):
            record = {c: rows[c][i] for c in self.columns}
            out.append(json.dumps(record, ensure_ascii=False))
        if self.fmt == "json":
            sep = b"," if self._count else b""
            if out:
                self._file.write(sep + b"\n" + ",\n".join(out).encode())
        elif out:
            self._file.write(("\n".join(out) + "\n").encode())
        self._count += n

    def close(self, ok: bool) -> None:
        """Finish the file; keep it only if ``ok``."""
        try:
            try:
                self._behind.close()
            except BaseException:
                ok = False
                raise
            if self._writer is None and self.fmt == "parquet" and ok:

                self._writer = _parquet_writer(self._file, self.schema())
            if self._writer is not None:
                self._writer.close()
            if self.fmt == "csv" and not self._csv_header and self._writer is None and ok:
                self._file.write((",".join(self.columns) + "\n").encode())
            if self.fmt == "json":
                self._file.write(b"\n]\n")
            self._file.flush()
        finally:
            if self.tmp is not None:
                self._file.close()
                if ok and self.path is not None:
                    os.replace(self.tmp, self.path)
                else:
                    Path(self.tmp).unlink(missing_ok=True)
