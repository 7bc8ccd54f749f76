"""Reading problem ledgers and writing findings: JSON lines, JSON, CSV and Parquet (and YAML in).

Every reader yields :class:`~responsibility.batch._assessor.Part` chunks and counts every record it
sees: a line that is not JSON or a CSV row with too many cells is a record rejected here,
with its line. A file that cannot be used at all (unreadable, not the format it claims)
raises :class:`~responsibility.ResponsibilityError`.

CSV: one record per row; empty cells are absent fields; ``discovered``, ``handled`` and
``concealed_by`` hold JSON (``discovered.level``, ``discovered.channel``, ``discovered.on``
and ``discovered.body`` columns may stand in for ``discovered``); every cell is text (no type is
guessed). Python's csv module defines what a CSV file says; blocks that pyarrow's C parser reads
exactly alike are read by it (see :class:`_CsvReader`). Parquet: the record's
fields as columns, ``discovered`` a struct, ``handled`` a list of structs; nulls are absent.
YAML (input only): what ``responsibility who`` reads, one record or a list of them, through the
bounded reader of :mod:`responsibility.policy._yaml` with its errors.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import itertools
import json
import os
import re
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

import numpy as np
import numpy.typing as npt

from .._errors import OutputError, ResponsibilityError, import_extra
from .._files import (
    FORMULA_PREFIXES,
    _sync_dir,
    _write_all,
    atomic_path,
    is_devnull,
    is_text_encoding,
    made_durable,
    misread_note,
    neutralise_row,
    output_error,
    write_error,
)
from .._json import bad_line, duplicate_in, loads_marked, marking_pairs, not_records, twice_message
from ..engine._problem import scenario_shape
from ..policy._encoding import HIGH as _HIGH
from ..policy._encoding import (
    SNIFF,
    bom_encoding,
    detect_encoding,
    past_start,
    pasted_lines,
    sample,
    utf8_line,
    wide_without_mark,
)
from ._assessor import (
    CHUNK,
    Part,
    Reject,
    arrow_parts,
    bad_json,
    finding_schema,
    problem_error,
    reject,
    reject_schema,
    to_arrow,
    to_python,
)
from ._columns import DOTTED, NESTED, check_columns, flat_reader, flat_record, ledger_list, normalise
from ._emit import FINDING_COLUMNS, REJECT_COLUMNS, Columns, Lazy
from ._encode import _validity
from ._parallel import Behind, prefetch
from ._read import parquet_batches
from ._tables import Tables
from ._workers import cuts, pieces

FORMATS = ("jsonl", "json", "csv", "parquet")
#: Formats read but not written.
INPUT_ONLY = ("yaml",)
#: The format each file name extension names.
EXTENSIONS = _EXT = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".parquet": "parquet",
                     ".pq": "parquet", ".yaml": "yaml", ".yml": "yaml"}
#: The largest YAML input (as ``responsibility who`` reads; a long ledger is JSON lines, CSV or Parquet).
MAX_YAML = 64 * 2**20
MAX_JSON = 256 * 2**20  # bytes of a JSON document (read whole, unlike JSON lines, CSV and Parquet)


def format_of(path: str, given: str | None, what: str) -> str:
    """The format of ``path``: ``given``, else from its extension (``-`` is JSON lines)."""
    if given:
        return given
    if path == "-" or (what != "input" and is_devnull(path)):  # (thrown away: any format will do)
        return "jsonl"
    fmt = _EXT.get(Path(path).suffix.lower())
    if fmt is None and os.path.isdir(path):
        # ("a ledger file" read as the SQLite ledger of `responsibility ledger`: ux44)
        hint = "a file of problem records (.jsonl, .json, .yaml, .csv or .parquet; or --dask SCHEDULER for a " \
            "directory of Parquet files)" if what == "input" else "a file"
        raise ResponsibilityError(f"{path} is a directory; give {hint}")
    if fmt in INPUT_ONLY and what != "input":
        raise ResponsibilityError(f"{what} {path!r}: {fmt.upper()} is read, not written; "
                                  "use .jsonl, .json, .csv or .parquet")
    if fmt is None and what == "input" and (kind := _NOT_RECORDS.get(Path(path).suffix.lower())):
        # (`assess verdict.png`, the picture `who --picture` wrote: "cannot tell the format … from its extension")
        raise ResponsibilityError(f"{path} is {kind}, not problem records: give a file of records (.jsonl, .json, "
                                  ".yaml, .csv or .parquet)")
    if fmt is None and what == "input" and Path(path).suffix.lower() in (".xlsx", ".xlsm", ".xls"):
        raise ResponsibilityError(f"{path} is an Excel workbook: save its sheet as CSV (UTF-8) and assess that, or "
                                  "import the workbook into a ledger with `responsibility ledger import`, which reads "
                                  "its Chinese headers")
    packed = {".gz": ("gzip", "gunzip"), ".bz2": ("bzip2", "bunzip2"), ".xz": ("xz", "unxz"),
              ".zst": ("zstd", "unzstd"), ".zip": ("zip", "unzip")}.get(Path(path).suffix.lower())
    if fmt is None and what == "input" and packed is not None:  # (review21b B21-8: "cannot tell the format")
        inner = Path(path).with_suffix("").name
        raise ResponsibilityError(f"{path} is compressed ({packed[0]}): assess reads it unpacked; run "
                                  f"`{packed[1]} {path}`, then assess {inner}")
    if fmt is None:
        exts = ".jsonl, .json, .yaml, .csv or .parquet" if what == "input" else ".jsonl, .json, .csv or .parquet"
        raise ResponsibilityError(f"cannot tell the format of {what} {path!r} from its extension; use "
                                  f"{exts} or --{'from' if what == 'input' else 'to'}")
    return fmt


#: Extensions of files that are plainly no records, and what they are.
_NOT_RECORDS = {".png": "a picture", ".jpg": "a picture", ".jpeg": "a picture", ".gif": "a picture",
                ".svg": "a picture", ".pdf": "a PDF document", ".html": "a web page", ".htm": "a web page",
                ".doc": "a Word document", ".docx": "a Word document", ".db": "a database (a ledger? `responsibility "
                "ledger list` reads it)", ".sqlite": "a database (a ledger? `responsibility ledger list` reads it)"}


def _encoding(name: str) -> str:
    """A text encoding by name (UTF-8 reads a byte order mark too)."""
    import codecs

    try:
        canonical = codecs.lookup(name).name
    except LookupError:
        raise ResponsibilityError(f"unknown encoding {name!r}; try utf-8 or gb18030") from None
    if not is_text_encoding(name):
        raise ResponsibilityError(f"{name!r} is not a text encoding; try utf-8 or gb18030")
    return "utf-8-sig" if canonical in ("utf-8", "utf-8-sig") else canonical


def _regular(path: str) -> None:
    """Refuse a FIFO or a device before opening it (opening a FIFO waits for a writer; a device
    never ends) -- without opening it: ``os.stat`` follows a symbolic link, as ``open`` would."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise ResponsibilityError(f"{path}: no such file (check the path)") from None
    except OSError as exc:
        raise ResponsibilityError(f"cannot read {path}: {exc.strerror}") from None
    if not stat.S_ISREG(mode):
        raise ResponsibilityError(f"{path}: not a regular file (a pipe or a device); give a file, or - for "
                                  "standard input")


#: Bytes a Parquet row group may hold uncompressed per row, beyond one :data:`MAX_LINE` (a record is a few KiB).
_PER_ROW = 64 * 2**10


def _bounded(meta: Any, path: str) -> None:
    """Refuse a Parquet file whose row group would decompress to far more than its records can hold
    (a few KiB each; one cell as long as a JSON line may be): a file of a few KiB that unpacks to
    gigabytes (a "zip bomb") would fill the memory before the first record was read."""
    for i in range(meta.num_row_groups):
        group = meta.row_group(i)
        size = sum(group.column(j).total_uncompressed_size for j in range(group.num_columns))
        if size > group.num_rows * _PER_ROW + MAX_LINE:
            raise ResponsibilityError(
                f"{path}: row group {i} unpacks to {size / 2**20:,.0f} MiB for {group.num_rows:,} record(s), more "
                f"than problem records hold (a few KiB each); check how the file was made (a cell of "
                "repeated bytes?)")


def _needs_pyarrow(what: str) -> Any:
    return import_extra("pyarrow", f"{what} needs pyarrow: pip install 'responsibility[frames]'")


class Source:
    """Chunks of an input file, with the number of records when known in advance (for progress)."""

    def __init__(self, path: str, fmt: str, t: Tables, *, encoding: str = "utf-8", detect: bool = False,
                 chunk: int | None = None) -> None:
        self.path, self.fmt, self.t = path, fmt, t
        #: Records per part (``assess --chunk-size``; else :data:`CHUNK`): a part's findings are held whole, so this
        #: bounds the memory.
        self.chunk = CHUNK if chunk is None else chunk
        self.encoding = _encoding(encoding)
        #: What was found out about the input that the caller should say (an encoding detected).
        self.note: str | None = None
        #: Rows of a table whose cells are all empty, skipped (no record: as a blank line of JSON lines is none;
        #: the data frame and Parquet paths skip them too, review20b B20-5); known once the parts are read.
        self.blank_rows = 0
        #: The encoding of a text input whose line ends, quotes and commas are not ASCII's bytes
        #: (UTF-16, UTF-32): it is read through a UTF-8 transcoder, ``encoding`` then UTF-8.
        self.transcode: str | None = None
        #: Whether the input, read as UTF-8, says it is UTF-8 (its byte order mark, or text beyond ASCII that decodes
        #: so): a line of it that is not was pasted from another file, and ``--encoding gb18030`` would spoil the rest
        #: — its reject says so, wherever the line is (hostile43: each said "try --encoding gb18030", past the note's
        #: first 64 KiB too).
        #: The input says it is UTF-8 (its mark, or a line of it) and has lines in GB18030: true, or the hint each
        #: such line's reject gives where those lines are most of it (:func:`_mostly_gb18030`)
        self.mixed: bool | str = False
        self.total: int | None = None
        # ``start``: the input's first bytes, where alone a byte order mark (or UTF-16's NULs) counts; ``head``: what
        # tells the encoding, ``start`` or, past an ASCII start, the bytes from the first that is not (``midstream``:
        # bytes FF FE there are a broken line, not a mark, review24b R24b-0)
        head = start = b""
        midstream = False
        bare = self.encoding in ("utf-16", "utf-32")  # the byte order is the byte order mark's, or the NULs'
        if path != "-":
            if os.path.isdir(path):
                raise ResponsibilityError(f"{path} is a directory; give a ledger file")
            _regular(path)
            try:
                with open(path, "rb") as f:
                    head = start = f.read(_SNIFF if detect or bare else 4) if fmt != "parquet" else b""
                    if detect:
                        head = _beyond_ascii(f, head)
                        midstream = head is not start  # (the same bytes unless it read on)
            except FileNotFoundError:
                raise ResponsibilityError(f"{path}: no such file (check the path)") from None
            except OSError as exc:
                raise ResponsibilityError(f"cannot read {path}: {exc.strerror}") from None
        elif fmt != "parquet":
            head = self._stdin_head(_SNIFF if detect or bare else 4, beyond=detect)
            start = self._held[:_SNIFF]
            midstream = past_start(self._held, head)
        if head.startswith(b"\x1f\x8b") and fmt in ("csv", "json", "yaml"):  # (JSON lines: told by not_json_lines)
            name = "standard input" if path == "-" else path
            # (a .csv that was gzip: "the header has bytes that are not utf-8 … try --encoding gb18030": review22b)
            raise ResponsibilityError(f"{name} is compressed with gzip (it starts with gzip's bytes 1f 8b), not "
                                      f"{fmt.upper()} text; {not_json_lines_hint('gzip', path)}")
        if self.encoding.startswith("utf-8"):  # a UTF-16 or UTF-32 byte order mark says what the text is
            marked = bom_encoding(start)
            self.encoding = marked or self.encoding
            if detect and marked and not marked.startswith("utf-8") and fmt != "parquet":  # (said, as for JSON:
                # review22b R22b-9, a UTF-16 CSV was read with no note)
                self.note = f"{'standard input' if path == '-' else path} is {marked.upper()} text (its byte order " \
                    "mark says so)"
            # (GB18030 in every text format: ``who`` reads a YAML or JSON record so too, with the same note)
            if detect and not marked and fmt != "parquet" and (found := detect_encoding(head, midstream=midstream)):
                self.encoding, why = found
                name = "standard input" if path == "-" else path
                self.note = f"{name} is not UTF-8 ({why}); read as {found[0].upper()}; give --encoding to read it " \
                    "otherwise"
            elif detect and not marked and fmt != "parquet":  # UTF-8 that reads as GB18030's Chinese (B20-12)
                name = "standard input" if path == "-" else path
                self.note = misread_note(name, head)
                # (a UTF-8 file with GBK lines in it was read whole as GB18030, its UTF-8 text silently spoilt:
                # hostile42b)
                pasted, self.mixed = pasted_lines(head)
                utf8, foreign = _utf8_line_numbers(head) if self.mixed else ([], 0)
                if self.note is None and foreign > len(utf8) and not start.startswith(codecs.BOM_UTF8):
                    # mostly GB18030 with a line or two of UTF-8 (pasted into an Excel CSV): "retype them" meant
                    # hundreds of lines, where --encoding gb18030 reads them and rejects the UTF-8 lines alone,
                    # each named (utf8_line, as `--encoding gb18030` reads such a line: ux44)
                    shown = ", ".join(map(str, utf8[:5])) + (", …" if len(utf8) > 5 else "")
                    which = (f"line {shown} is" if len(utf8) == 1 else f"lines {shown} are") if not midstream else \
                        ("a line is" if len(utf8) == 1 else f"{len(utf8)} lines are")
                    self.mixed = _MOSTLY_GB_HINT
                    self.note = f"{name} mixes encodings: most of the lines it starts with ({foreign} of " \
                        f"{foreign + len(utf8)} beyond ASCII) are GB18030 (GBK, as Excel saves on Chinese Windows), " \
                        f"but {which} UTF-8, so it was read as UTF-8 and its GB18030 lines are rejected: give " \
                        "--encoding gb18030, which reads them and rejects the UTF-8 lines alone, each named, to " \
                        "retype — or save the whole file in one encoding"
                elif self.note is None and pasted:
                    lines, them = ("a line in GB18030 (GBK) is", "it") if pasted == 1 else \
                        (f"{pasted} lines in GB18030 (GBK) are", "them")
                    self.note = f"{name} mixes encodings: read as UTF-8, as its byte order mark or its other text " \
                        f"says; {lines} rejected (pasted from a file saved so?): retype {them}, or save the whole " \
                        "file as UTF-8 (--encoding gb18030 would spoil its UTF-8 lines)"
        if bare and fmt != "parquet" and not bom_encoding(start):
            wide = wide_without_mark(start)
            if wide is None or not wide.lower().startswith(self.encoding):
                name = "standard input" if path == "-" else path
                raise ResponsibilityError(
                    f"{name}: {self.encoding.upper()} without a byte order mark, and its byte order cannot be told "
                    f"from its text; give --encoding {self.encoding}-le or {self.encoding}-be")
            self.encoding = wide.lower()
        if fmt != "parquet" and not self.encoding.startswith("utf-8") and not _ascii_bytes(self.encoding):
            self.transcode, self.encoding = self.encoding, "utf-8"
        if fmt == "parquet":
            _needs_pyarrow("reading Parquet")
            import pyarrow.parquet as pq

            try:
                self._parquet = pq.ParquetFile(path)
            except (OSError, ValueError) as exc:  # pyarrow's errors subclass these
                raise ResponsibilityError(f"{path} is not a readable Parquet file ({exc})") from None
            self.total = self._parquet.metadata.num_rows
            check_columns(self._parquet.schema_arrow.names, path)
            _bounded(self._parquet.metadata, path)

    def parts(self) -> Iterator[Part]:
        """The input's chunks, in order."""
        if self.fmt == "parquet":
            yield from self._parquet_parts()
        elif self.fmt == "csv":
            yield from self._csv_parts()
        elif self.fmt == "json":
            yield from self._json_parts()
        elif self.fmt == "yaml":
            yield from self._yaml_parts()
        else:
            yield from self._jsonl_parts()

    def batches(self) -> Iterator[tuple[Any, int]]:
        """A Parquet input's record batches, each with the number of its first record (read ahead)."""

        def read() -> Iterator[tuple[Any, int]]:
            start = 0
            try:
                for batch in parquet_batches(self.path, self._parquet, self.chunk):
                    yield batch, start
                    start += batch.num_rows
            except (OSError, ValueError) as exc:  # pyarrow's errors subclass these
                raise ResponsibilityError(f"{self.path} is not a readable Parquet file ({exc})") from None

        return prefetch(read())

    def _parquet_parts(self) -> Iterator[Part]:
        import pyarrow as pa

        for batch, start in self.batches():
            yield from arrow_parts(pa.Table.from_batches([batch]), self.t, start=start)

    def _stdin_head(self, n: int, *, beyond: bool) -> bytes:
        """The first ``n`` bytes of standard input (fewer at its end), held to be read again, and with
        ``beyond``, when they are ASCII, read on to its first byte that is not (at most
        :data:`_HOLD` bytes held) -- the bytes :func:`detect_encoding` reads, as it reads a file's.
        Never told by timing: the same bytes give the same answer however fast they come (review10b R10B-12).
        (A peek gave only what the pipe's buffer held: ~8 KiB.)"""
        read = _stdin_reader()
        held = bytearray()
        try:
            while len(held) < n and (chunk := read(n - len(held), not held)):
                held += chunk
            if beyond and len(held) >= n and bytes(held).isascii() and b"\x00" not in held:
                start = len(held)
                while len(held) < _HOLD and (chunk := read(1 << 20, False)):
                    held += chunk
                    if not chunk.isascii():
                        m = _HIGH.search(held, start)
                        assert m is not None
                        more = m.start() + n - len(held)
                        while more > 0 and (chunk := read(more, False)):
                            held += chunk
                            more -= len(chunk)
                        break
        except (AttributeError, OSError, ValueError):  # no standard input (closed, a terminal gone)
            pass
        self._held = bytes(held)
        return sample(self._held)

    def _stdin(self) -> IO[bytes]:
        """Standard input, from its first byte (those :meth:`_stdin_head` held first)."""
        held = getattr(self, "_held", b"")
        return io.BufferedReader(_Prefixed(held, sys.stdin.buffer)) if held else sys.stdin.buffer

    def _open(self) -> IO[bytes]:
        f: IO[bytes] = self._stdin() if self.path == "-" else open(self.path, "rb")  # noqa: SIM115 (the caller closes it)
        if self.transcode is not None:
            return io.BufferedReader(_Transcoded(f, self.transcode))
        return f

    def _chunks(self, items: Iterator[tuple[int | None, Any, Reject | None]], start: int = 0) -> Iterator[Part]:
        """Parts from (line, record or None, reject or None), numbering records in order from ``start``."""
        buf: list[Any] = []
        lines: list[int] = []
        numbers: list[int] = []
        rejects: list[Reject] = []

        unknown = False  # a record without a line: the part's records have none (never a "line 0")

        def part() -> Part:
            return Part(list(buf), np.array(numbers, np.int64), None if unknown else np.array(lines, np.int64),
                        list(rejects))

        for number, (line, record, refused) in enumerate(items, start):
            if refused is not None:
                rejects.append((number, *refused[1:]))
            else:
                buf.append(row_keys(record))
                lines.append(line or 0)
                unknown |= line is None
                numbers.append(number)
            if len(buf) + len(rejects) >= self.chunk:
                yield part()
                buf, lines, numbers, rejects = [], [], [], []
        if buf or rejects:
            yield part()

    def _jsonl_parts(self) -> Iterator[Part]:
        """JSON lines, parsed in C (pyarrow) a chunk at a time into the columnar path; a line the C
        parser cannot carry exactly (an explicit null, which a table cannot tell from an absent
        field; a line that is not an object; deep nesting; a surrogate escape; a line it refuses)
        is parsed by Python and takes the reference path as it is."""
        if not self.encoding.startswith("utf-8"):
            f = self._open()
            try:
                head = f.read(LOOK)
                text = head.decode(self.encoding, "replace").encode()  # (its UTF-8, as the parser reads it)
                self._json_lines_at_all(text, whole=len(head) < LOOK)
                self._not_a_list(first_record(text))
            except BaseException:
                f.close()
                raise
            yield from self._chunks(self._json_lines(io.BufferedReader(_Prefixed(head, f, owns=True))))
            return
        with self._open() as f:
            number, line, first, skipping = 0, 0, True, False
            # the bytes read, in one buffer that is read into again (a fresh block of a few dozen MiB costs
            # its pages' faults, and joining it to the lines left over a copy); ``pos``: where the lines not
            # yet given start in it, ``size``: where its bytes end. It is as large as a small input.
            buf, pos, size = bytearray(), 0, 0
            # the lines found from ``pos`` on and not given yet: where each ends in ``buf``, and what it is
            ends, flags, got = np.zeros(self.chunk, np.int64), np.zeros(self.chunk, np.uint8), 0
            while True:
                if pos:  # the lines left over to the front (the same bytes, so the buffer keeps its size)
                    buf[:size - pos] = memoryview(buf)[pos:size]
                    ends[:got] -= pos
                    size, pos = size - pos, 0
                if len(buf) - size >= _BLOCK:
                    read = _read_into(f, memoryview(buf)[size:size + _BLOCK])
                else:  # the first block, or a long line left over: room for a block more after a full one
                    more = f.read(_BLOCK)
                    read = len(more)
                    if size + read > len(buf):
                        bigger = bytearray(size + read + (_BLOCK if read == _BLOCK else 0))
                        bigger[:size] = memoryview(buf)[:size]
                        buf = bigger
                    buf[size:size + read] = more
                size += read
                final = not read
                if first and (size >= 3 or final):  # (what comes before that holds no line end)
                    pos, first = (3 if buf.startswith(b"\xef\xbb\xbf") else 0), False  # a UTF-8 byte order mark
                    head = bytes(memoryview(buf)[:min(size, LOOK)])
                    self._json_lines_at_all(head, whole=size <= LOOK and (final or read < _BLOCK))
                    self._not_a_list(first_record(head))
                if skipping:  # the rest of a line over MAX_LINE, already rejected: read past it
                    end = buf.find(b"\n", 0, size)
                    if end < 0 and not final:
                        size = 0
                        continue
                    skipping, pos = False, (end + 1 if end >= 0 else size)
                    if pos == size and not final:
                        continue
                data = memoryview(buf)[:size]
                while True:  # each block of lines is found once, in one pass (C where built: _scan.c)
                    got += scan_lines(data, int(ends[got - 1]) if got else pos, ends[got:], flags[got:], final)
                    if got < self.chunk and not (final and got):
                        break  # wait for more lines
                    part = self._jsonl_piece(data, pos, ends[:got], flags[:got], number, line)
                    number += len(part.numbers) + len(part.rejects)
                    line += got
                    pos, full, got = int(ends[got - 1]), got == self.chunk, 0
                    yield part
                    if not full:
                        break
                if not final and size - (int(ends[got - 1]) if got else pos) > MAX_LINE:
                    # a line without end (/dev/zero): reject, never hold it
                    if got:
                        part = self._jsonl_piece(data, pos, ends[:got], flags[:got], number, line)
                        number += len(part.numbers) + len(part.rejects)
                        line += got
                        yield part
                    why = f"line {line + 1}: longer than {MAX_LINE // 2**20} MiB (a record is a few KiB)"
                    yield Part([], np.zeros(0, np.int64), np.zeros(0, np.int64),
                               [reject(number, line + 1, problem_error("(record)", why, "bad_row"))])
                    number, line, pos, size, got, skipping = number + 1, line + 1, 0, 0, 0, True
                    continue
                if final:
                    return

    def _json_lines_at_all(self, head: bytes, *, whole: bool) -> None:
        """Refuse an input that is plainly not JSON lines (:func:`not_json_lines`): one error, exit 2,
        rather than each of its lines a rejected record."""
        found = not_json_lines(head, whole=whole, encoding=(self.transcode or self.encoding).upper())
        if found is not None:
            name = "standard input" if self.path == "-" else self.path
            raise ResponsibilityError(f"{name} is not JSON lines (one problem record, a JSON object, per line): "
                                      f"{found[0]}; {not_json_lines_hint(found[1], self.path)}")

    def _not_a_list(self, record: Any) -> None:
        """Refuse an input whose first record is a row of a list a ledger wrote (``ledger list DB problems -o
        p.json``, then ``assess p.json``): one error, exit 2, as for such a CSV (:func:`~._columns.check_columns`)
        and ``Policy.assess`` of its rows — each row was rejected, "field 'problem': unknown field" (hostile43)."""
        name = "standard input" if self.path == "-" else self.path
        if (said := list_rows(record)) is not None:
            raise ResponsibilityError(f"{name}: {said}")
        if scenario_shape(record) is not None:
            # a scenario file given to assess: each of its items was rejected, "field 'scenarios': unknown field"
            # (ux44; who and route say the same through checks' scenario_file_note, a wing batch may not import)
            shown = self.path if self.path != "-" else "FILE"
            raise ResponsibilityError(
                f"{name} holds scenarios (a problem and the findings expected of it), not problem records: "
                f"`responsibility test {shown}` runs them; `responsibility assess` takes problem records — JSON "
                "lines, CSV, Parquet, or a JSON or YAML list of records, each as the part under a scenario's "
                "`problem:`")

    def _jsonl_piece(self, data: memoryview, pos: int, ends: npt.NDArray[np.int64], flags: npt.NDArray[np.uint8],
                     number: int, line: int) -> Part:
        """The lines of ``data`` from ``pos`` to ``ends`` (each with its ``flags``) as a part."""
        bounds = np.empty(len(ends) + 1, np.int64)
        bounds[0] = 0
        np.subtract(ends, pos, out=bounds[1:])
        return _jsonl_part(data[pos:int(ends[-1])], bounds, number, line, self.transcode,
                           flags.copy(), mixed=self.mixed)

    def _json_lines(self, f: IO[bytes], start: int = 0) -> Iterator[tuple[int | None, Any, Reject | None]]:
        """(line, record, None) or (line, None, reject) for each line that is not blank (Python's parser)."""
        with f:
            n = start
            while raw := f.readline(MAX_LINE + 1):
                n += 1
                if len(raw) > MAX_LINE and not raw.endswith(b"\n"):  # never hold a line without end
                    why = f"line {n}: longer than {MAX_LINE // 2**20} MiB (a record is a few KiB)"
                    yield n, None, reject(0, n, problem_error("(record)", why, "bad_row"))
                    while (piece := f.readline(_BLOCK)) and not piece.endswith(b"\n"):
                        pass
                    continue
                yield from _json_line(n, raw, self.encoding, self.transcode, mixed=self.mixed)

    def _undecodable(self, line: int, exc: UnicodeDecodeError | None) -> Reject:
        return _undecodable(line, exc, self.encoding, self.transcode, mixed=self.mixed)

    def _json_parts(self) -> Iterator[Part]:
        try:
            with self._open() as f:
                raw = f.read(MAX_JSON + 1)  # one document is held whole: never more than this
            if len(raw) > MAX_JSON:
                name = "standard input" if self.path == "-" else self.path
                raise ResponsibilityError(f"{name}: a JSON document larger than {MAX_JSON // 2**20} MiB, which is "
                                          "read whole; give a long ledger as JSON lines (one record per line), CSV "
                                          "or Parquet, which are read a block at a time")
            text = raw.decode(self.encoding)
            if not text.strip(" \t\r\n\ufeff"):
                # an empty file (or a BOM alone) holds no record, as an empty .jsonl, .csv or .yaml does: a
                # warning, exit 0 — it was "not valid JSON (Expecting value: line 1 column 1 (char 0))" (hostile40)
                return
            found = _list_elements(text)
            if found is not None:
                del raw  # (the list is read from ``text`` from here on: not holding the bytes too saves their size)
            else:
                data, twice = loads_marked(text)
        except UnicodeDecodeError as exc:
            # (a file read through the transcoder: its lines are the file's, its bytes UTF-8's)
            name = "standard input" if self.path == "-" else self.path
            line = raw.count(b"\n", 0, exc.start) + 1
            if self.transcode is not None:
                why = f"bytes that are not {self.transcode} text (a broken or odd code unit)"
            else:
                why = f"bytes that are not {self.encoding.removesuffix('-sig')} text (byte 0x{raw[exc.start]:02x})"
            hint = "; a file saved by Excel in Chinese is often GB18030: use --encoding gb18030" \
                if self.transcode is None and self.encoding.startswith("utf") else ""
            raise ResponsibilityError(f"{name}: line {line}: {why}; a JSON document is read whole, so one broken "
                                      f"character makes all of it unreadable: fix that line{hint}") from None
        except ValueError as exc:
            name = "<stdin>" if self.path == "-" else self.path
            if not isinstance(exc, json.JSONDecodeError):
                raise ResponsibilityError(f"{name} is not valid JSON ({exc})") from None
            # said at file:line:column, as `who` says it and the README's contract asks (hostile40: it was
            # "is not valid JSON (… line 2 column 11 (char 63)); for one record per line use .jsonl" whatever
            # was wrong)
            hint = "one record per line is JSON lines: name the file .jsonl (or --from jsonl)" \
                if exc.msg == "Extra data" else "fix the JSON syntax there"
            raise ResponsibilityError(f"{name}:{exc.lineno}:{exc.colno}: is not valid JSON ({exc}); {hint}") \
                from None
        except RecursionError:
            raise ResponsibilityError(f"{self.path}: JSON nested too deeply (a problem record is a few levels deep: "
                                      "is a value a document of its own?); fix the file") from None
        if found is not None:
            if found[0]:
                with contextlib.suppress(ValueError, RecursionError):
                    self._not_a_list(json.loads(text[found[0][0]:found[1][0]]))
            yield from self._list_parts(text, *found)
            return
        if isinstance(data, dict) and len(data) == 1:  # {"records": [...]}: a list wrapped in an object
            (key, inner), = data.items()
            if key not in NESTED and isinstance(inner, list) and inner and all(isinstance(r, dict) for r in inner):
                raise ResponsibilityError(f"{self.path}: an object whose {str(key)[:40]!r} holds a list of "
                                          f"{len(inner):,} objects; assess reads a list of problem records (or one "
                                          f"record): give the list itself (e.g. jq '.[{json.dumps(key)[:42]}]')")
        records = data if isinstance(data, list) else [data]
        if records:
            self._not_a_list(records[0])
        lines = _element_lines(text) if isinstance(data, list) else [_first_line(text, 0)]

        def items() -> Iterator[tuple[int | None, Any, Reject | None]]:
            for i, (r, line) in enumerate(zip(records, lines, strict=True)):
                if (key := duplicate_in(r, twice)) is None:
                    yield line, r, None
                else:
                    why = f"record {i} (line {line}): {twice_message(key)}"
                    yield line, None, reject(0, line, problem_error("(record)", why, "bad_json"))

        yield from self._chunks(items())

    def _list_parts(self, text: str, starts: list[int], ends: list[int], lines: list[int]) -> Iterator[Part]:
        """The elements of the JSON list ``text`` (found by :func:`_list_elements`), a chunk at a time,
        read as JSON lines are: each chunk's elements, one to a line, by the C parser into an Arrow
        table (the columnar path), so that a list file costs what a JSON-lines file does (input39b: a
        list of 150,000 records held as dicts took 683 MB and 5.0 CPU s to assess, as JSON lines 365 MB
        and 1.2 s). A chunk with an element the C parser cannot carry exactly (:func:`_jsonl_part`'s
        cases: not an object, an explicit null, a surrogate escape, deep nesting, dotted keys) is
        read by Python's parser, as the whole list was before, with the same rejects."""
        import pyarrow as pa

        for c0 in range(0, len(starts), self.chunk):
            c1 = min(c0 + self.chunk, len(starts))
            table = None
            # (a line break inside an element is white space between its tokens: JSON text has none in a string)
            body = "\n".join(x if "\n" not in x and "\r" not in x else x.replace("\r", " ").replace("\n", " ")
                             for x in (text[a:b] for a, b in zip(starts[c0:c1], ends[c0:c1], strict=True)))
            try:
                data = body.encode()
            except UnicodeEncodeError:  # (a lone surrogate: Python's parser reads it, as before)
                data = b""
            if data:
                data += b"\n"
                bounds = np.concatenate([[0], np.flatnonzero(np.frombuffer(data, np.uint8) == _LF) + 1]
                                        ).astype(np.int64)
                if len(bounds) - 1 == c1 - c0 and data.find(b'"discovered.') < 0:
                    flags = np.zeros(c1 - c0, np.uint8)
                    _numpy_flags(data, bounds, flags)
                    if not flags.any():
                        every, none = np.ones(c1 - c0, np.bool_), np.zeros(c1 - c0, np.bool_)
                        table = _c_json_table(data, bounds, every, none)
                        if table is _UNPARSED:
                            table = _json_table(data, bounds, every, none, _json_options())
            if table is not None and isinstance(table, pa.Table) and table.num_rows == c1 - c0:
                yield Part(table, np.arange(c0, c1, dtype=np.int64), np.array(lines[c0:c1], np.int64))
            else:
                yield from self._chunks(_list_items(text, starts[c0:c1], lines[c0:c1], c0), start=c0)

    def _yaml_parts(self) -> Iterator[Part]:
        """A YAML (or JSON) document as ``responsibility who`` reads it: one record or a list of
        them, read by the bounded reader (dates left as text for the record parser); each record
        numbered by the line it starts on."""
        from .._errors import RulesError
        from ..policy._yaml import Limits, decode_text, parse_yaml, read_bytes

        name = "<stdin>" if self.path == "-" else self.path
        try:
            if self.path == "-":
                raw = self._stdin().read(MAX_YAML + 1)
                if len(raw) > MAX_YAML:
                    raise ResponsibilityError(f"{name}: larger than {MAX_YAML // 2**20} MiB; give a long ledger "
                                              "as JSON lines, CSV or Parquet")
            else:
                raw = read_bytes(Path(self.path), name, max_bytes=MAX_YAML)
            if self.transcode is not None:
                try:
                    raw = raw.decode(self.transcode).encode()
                except UnicodeDecodeError as exc:
                    raise ResponsibilityError(f"{name} is not {self.transcode} text (byte {exc.start})") from None
            if self.encoding.startswith("utf-8"):
                text = decode_text(raw, name)
            else:
                try:
                    text = raw.decode(self.encoding)
                except UnicodeDecodeError as exc:
                    raise ResponsibilityError(f"{name} is not {self.encoding} text (byte {exc.start})") from None
            data, pos = parse_yaml(text, name, limits=Limits(max_bytes=MAX_YAML), dates=False)
        except RulesError as exc:
            issue = exc.issues[0]
            more = "; or read it as it is with --encoding gb18030" if issue.code == "encoding" else ""
            raise ResponsibilityError(f"{issue}{more}") from None
        if data is None:  # an empty document: no record (a warning, as any empty input)
            return
        if isinstance(data, (dict, list)) and data:
            self._not_a_list(data if isinstance(data, dict) else data[0])
        if isinstance(data, dict):
            yield from self._chunks(iter([(pos.at(())[0], data, None)]))
        elif isinstance(data, list):
            yield from self._chunks((pos.at((i,))[0], r, None) for i, r in enumerate(data))
        else:
            raise ResponsibilityError(not_records(name, data))

    def _csv_parts(self) -> Iterator[Part]:
        """CSV rows, parsed in C (pyarrow) a block at a time into the columnar path where the
        block reads exactly as Python's csv module reads it, else by Python's csv module (see
        :class:`_CsvReader`)."""
        with self._open() as f:
            yield from _CsvReader(self, f).parts()


#: Bytes at the start of a JSON-lines input read to tell whether it is JSON lines at all (:func:`not_json_lines`).
LOOK = 1 << 20
#: The first line of a YAML document: ``---``, a directive, a list item or ``key:`` (a key without a comma).
_YAML_LINE = re.compile(r"(?:---|%YAML|- |-\Z|[^\s:#{}\[\],\"'][^:{}\[\],]*:(?:\s|\Z))")


def not_json_lines(head: bytes, *, whole: bool, encoding: str | None = None,
                   declared_by: str = "") -> tuple[str, str | None] | None:
    """Why an input that starts with ``head`` (all of it when ``whole``; UTF-8, or the ASCII
    structure of GB18030) is plainly not JSON lines, and the format it looks like (a ``--from``
    value, ``"xlsx"``, ``"gzip"``, or ``None``); ``None`` when it may be JSON lines (review20b B20-4: a CSV
    file, a pretty-printed JSON list or random bytes were read line by line, each line a
    rejected "record", exit 1).

    ``encoding``: the one the text was read in (``declared_by``: who said so, as ``"Content-Type"``); when it is
    not UTF-8 and the text looks like no format, the reason asks whether that is its encoding (a format told
    shows the text was read right). One rule for the command line and the service.

    Only an input whose first line that is not blank is no JSON is looked at further: it is not
    JSON lines when it is one JSON document over several lines, or when no later line (of the
    first :data:`LOOK` bytes) is a JSON object on a line of its own and its first line is not
    a broken record (it opens a list, ``[``, is a lone ``{``, or does not start with ``{``).
    A broken record line (``{"id": "a", "are``) or a stray title line above records is rejected
    with its line as before, and the rest assessed."""
    found = _not_json_lines(head, whole)
    if found is not None and found[1] is None and encoding and not encoding.lower().startswith("utf-8"):
        said = f", as {declared_by} declares" if declared_by else ""
        found = (f"{found[0]} (read as {encoding}{said}: is that its encoding?)", None)
    return found


def _not_json_lines(head: bytes, whole: bool) -> tuple[str, str | None] | None:
    if head.startswith(b"\x1f\x8b"):  # (review21b B21-8: "bytes that are not text … compressed?")
        return "it is compressed with gzip (it starts with gzip's bytes 1f 8b)", "gzip"
    if head.startswith(b"PAR1"):
        return "it is a Parquet file (it starts with the bytes PAR1)", "parquet"
    if head.startswith(b"PK\x03\x04"):
        return "it is a zip archive (an Excel workbook?)", "xlsx"
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    start = len(head) - len(head.lstrip(b" \t\r\n"))
    if start == len(head):
        return None
    end = head.find(b"\n", start)
    if end < 0:
        if not whole:
            if head[start:start + 1] == b"[" and head[start + 1:].lstrip(b" \t\r")[:1] == b"{":
                return _one_line_list(head, start)  # (a list of records longer than what is read here)
            return None  # a first line longer than what is read here: the reader rejects it, or takes it
        end = len(head)
    line = head[start:end].rstrip(b" \t\r")
    if _is_json(line):
        if line[:1] == b"[" and not _record_after(head, end, whole) and _list_of_objects(line):
            return _one_line_list(head, start)
        return None
    number = head.count(b"\n", 0, start) + 1
    text = line.decode("utf-8", "replace")
    shown = f"line {number} ({text[:60]!r}{'…' if len(text) > 60 else ''})"
    if line[:1] in (b"{", b"["):
        what = "list" if line[:1] == b"[" else "object"
        lines = _document_lines(head, start)
        if lines:
            return f"it is one JSON {what} written over {lines:,} lines, not one record per line", "json"
        if (line[:1] == b"[" or line == b"{") and not _record_after(head, end, whole):
            return f"{shown} opens a JSON {what} written over several lines, not a record on a line of its " \
                "own", "json"
        return None  # a broken record line: rejected with its line
    if _record_after(head, end, whole):
        return None  # JSON lines below a line that is not (a title): that line is rejected
    sample = head[:4096]
    controls = sum(sample.count(bytes([c])) for c in range(32) if c not in (9, 10, 13))
    if controls * 100 > len(sample) or sample.decode("utf-8", "replace").count("\ufffd") * 10 > len(sample):
        return "it holds bytes that are not text (a binary file, or compressed?)", None
    if _YAML_LINE.match(text):
        return f"{shown} reads as YAML", "yaml"
    if line.startswith(b"#"):
        # a comment, as YAML writes one (JSON has none; every file in examples/problems opens so): the first line
        # after the comments says what the file is — it was called a CSV row of the comment's commas (newcomer37 A)
        after = [x.strip() for x in head[end:].decode("utf-8", "replace").splitlines()]
        below = next((x for x in after if x and not x.startswith("#")), None)
        if below is None or _YAML_LINE.match(below) or below.startswith(("- ", "---")) or below == "-":
            return f"{shown} is a comment, as YAML writes one", "yaml"
    cells = next(csv.reader([text]), [])
    if len(cells) >= 2:
        shown_cells = ", ".join(repr(c[:20]) for c in cells[:4]) + (", …" if len(cells) > 4 else "")
        return f"{shown} reads as a CSV row of {len(cells)} cells ({shown_cells})", "csv"
    if len(cells) == 1 and (wide := next((c for c in "，；" if text.count(c) >= 2), None)) is not None:
        # (a header typed with a Chinese input method was "not JSON, nor is any line after it" over HTTP, ux45: as
        # `assess FILE.csv` says it of its header, ux44)
        return f"{shown} reads as a CSV row whose cells are separated by {_WIDE_SEPARATORS[wide]}, which CSV does " \
            "not read as separators: write ASCII commas (,) between the cells", "csv"
    sep = next((c for c in "\t;|" if c in text), None)
    if sep is not None:
        name = {"\t": "tabs", ";": "semicolons", "|": "bars"}[sep]
        return f"{shown} reads as a row of cells separated by {name}", "csv"
    return f"{shown} is not JSON, nor is any line after it", None


def not_json_lines_hint(fmt: str | None, name: str) -> str:
    """What to do with an input :func:`not_json_lines` refused (``fmt``: the format it looks like)."""
    if fmt == "parquet":
        return "Parquet cannot be read from standard input: save it to a file ending .parquet" if name == "-" \
            else "give --from parquet, or name the file .parquet"
    if fmt == "xlsx":
        return "save its sheet as CSV (UTF-8) and assess that, or import the workbook into a ledger with " \
            "`responsibility ledger import`"
    if fmt == "gzip":
        return "unpack it first (gunzip -c FILE | responsibility assess - …)" if name == "-" else \
            f"unpack it first: gunzip -c {name} > unpacked-{Path(name).name}, then assess that file"
    if fmt is not None:
        return f"give --from {fmt}" + ("" if name == "-" else f", or name the file .{fmt}")
    return "give one problem record (a JSON object) per line, or --from for another format (json, csv, yaml, " \
        "parquet)"


def _one_line_list(head: bytes, start: int) -> tuple[str, str]:
    """What a list of records written on one line is (``json.dump`` without ``indent``; `who`'s input piped to
    `assess -`): it was read as one "record", rejected as a list and told to go to `responsibility assess`, the
    command it had been given to."""
    number = head.count(b"\n", 0, start) + 1
    return f"line {number} is a JSON list of records on one line, not one record per line", "json"


def _list_of_objects(line: bytes) -> bool:
    """Whether ``line`` (JSON) is a list whose items are all objects, at least one."""
    try:
        got = json.loads(line)
    except (ValueError, RecursionError):
        return False
    return isinstance(got, list) and bool(got) and all(isinstance(x, dict) for x in got)


def _is_json(line: bytes) -> bool:
    try:
        json.loads(line)
    except (ValueError, RecursionError):  # (UnicodeDecodeError is a ValueError)
        return False
    return True


def _document_lines(head: bytes, start: int) -> int:
    """The number of lines of the JSON document starting at ``head[start]``, when it is one over
    several lines (else 0: not JSON, on one line, or cut by the end of ``head``)."""
    text = head.decode("utf-8", "replace")
    at = len(head[:start].decode("utf-8", "replace"))
    try:
        _, stop = json.JSONDecoder().raw_decode(text, at)
    except (ValueError, RecursionError):
        return 0
    lines = text.count("\n", at, stop) + 1
    return lines if lines > 1 else 0


def _record_after(head: bytes, end: int, whole: bool) -> bool:
    """Whether one of the (at most 100) lines of ``head`` after ``end`` that are not blank is a JSON object."""
    rest = head[end + 1:].split(b"\n")
    if not whole:
        rest = rest[:-1]  # (the last may be cut short)
    seen = 0
    for raw in rest:
        line = raw.strip(b" \t\r")
        if not line:
            continue
        if line[:1] == b"{" and line[-1:] == b"}" and _is_json(line):
            return True
        seen += 1
        if seen >= 100:
            break
    return False


_SPACE = re.compile(r"[ \t\r\n]*")
_BETWEEN = re.compile(r"[ \t\r\n]*,?[ \t\r\n]*")


def _first_line(text: str, pos: int) -> int:
    """The line of the first character at or after ``pos`` that is not JSON's white space."""
    match = _SPACE.match(text, pos)
    return text.count("\n", 0, match.end() if match else pos) + 1


def _element_lines(text: str) -> list[int]:
    """The line each element of the JSON list ``text`` starts on (``text`` is known to be valid
    JSON: each element is skipped by the C scanner, which builds it and lets it go)."""
    decoder = json.JSONDecoder()
    match = _SPACE.match(text)
    pos = (match.end() if match else 0) + 1  # past the "["
    pos = _SPACE.match(text, pos).end()  # type: ignore[union-attr]
    lines, line, counted = [], 1, 0
    while pos < len(text) and text[pos] != "]":
        line += text.count("\n", counted, pos)
        counted = pos
        lines.append(line)
        _, pos = decoder.raw_decode(text, pos)
        pos = _BETWEEN.match(text, pos).end()  # type: ignore[union-attr]
    return lines


def _list_elements(text: str) -> tuple[list[int], list[int], list[int]] | None:
    """Where each element of ``text`` starts and ends, and the line it starts on, when ``text`` is one JSON
    list that Python's parser reads without error; else ``None`` (not a list, or not JSON: it is read
    whole, as before, for the same errors). Each element is built by the C scanner and let go, so a
    long list is never held as Python objects all at once: the list of 150,000 records a JSON file
    may hold took ~10 bytes of memory per byte of file as dicts (input39b)."""
    match = _SPACE.match(text)
    pos = match.end() if match else 0
    if text[pos:pos + 1] != "[":
        return None
    decoder = json.JSONDecoder()
    starts: list[int] = []
    ends: list[int] = []
    lines: list[int] = []
    line, counted = 1, 0
    pos = _SPACE.match(text, pos + 1).end()  # type: ignore[union-attr]
    try:
        if text[pos:pos + 1] != "]":
            while True:
                line += text.count("\n", counted, pos)
                counted = pos
                starts.append(pos)
                lines.append(line)
                _, pos = decoder.raw_decode(text, pos)
                ends.append(pos)
                pos = _SPACE.match(text, pos).end()  # type: ignore[union-attr]
                if text[pos:pos + 1] != ",":
                    break
                pos = _SPACE.match(text, pos + 1).end()  # type: ignore[union-attr]
        if text[pos:pos + 1] != "]" or _SPACE.match(text, pos + 1).end() != len(text):  # type: ignore[union-attr]
            return None
    except (ValueError, RecursionError):  # (what json.loads raises: it says so, with its words)
        return None
    return starts, ends, lines


def _list_items(text: str, starts: list[int], lines: list[int], first: int = 0
                ) -> Iterator[tuple[int | None, Any, Reject | None]]:
    """The elements of the JSON list ``text`` at ``starts`` (found by :func:`_list_elements`; the first is
    record ``first``), each parsed when it is asked for, as (line, record, None), or (line, None, reject)
    for a record with a key twice."""
    twice: dict[int, str] = {}
    decoder = json.JSONDecoder(object_pairs_hook=marking_pairs(twice))  # (as loads_marked marks a key twice)
    for i, (start, line) in enumerate(zip(starts, lines, strict=True), first):
        twice.clear()
        r, _ = decoder.raw_decode(text, start)
        if (key := duplicate_in(r, twice)) is None:
            yield line, r, None
        else:
            why = f"record {i} (line {line}): {twice_message(key)}"
            yield line, None, reject(0, line, problem_error("(record)", why, "bad_json"))


_SNIFF = SNIFF


def _beyond_ascii(f: IO[bytes], head: bytes) -> bytes:
    """``head`` if it holds a byte that is not ASCII's (or a NUL: UTF-16/32), else the file's first
    :data:`_SNIFF` bytes from its first such byte on: an office ledger's first thousand rows may be
    codes and dates only, its Chinese further down, and one file must be read in one encoding
    (review9b R9B-1: a GB18030 file whose Chinese began after 64 KiB had every Chinese row rejected)."""
    if not head.isascii() or b"\x00" in head or len(head) < _SNIFF:
        return head
    offset = len(head)
    while chunk := f.read(1 << 22):
        if not chunk.isascii():  # (isascii runs at memory speed: a regular expression cost ~1.5 CPU s per GB)
            m = _HIGH.search(chunk)
            assert m is not None
            f.seek(offset + m.start())
            return f.read(_SNIFF)
        offset += len(chunk)
    return head


def _ascii_bytes(encoding: str) -> bool:
    """Whether ``encoding`` writes line ends, quotes, commas and JSON's brackets as ASCII does
    (and adds no byte order mark), so that its bytes may be split and scanned as they are."""
    structure = '\n\r",{}[]\\ '
    try:
        return structure.encode(encoding) == structure.encode("ascii")
    except (UnicodeError, LookupError):
        return False


#: The error handler with which a wide encoding (UTF-16, UTF-32) is read as UTF-8: see :func:`_not_text`.
UNDECODABLE = "responsibility-undecodable"


def _not_text(exc: UnicodeError) -> tuple[str, int]:
    """Bytes that are not text in the input's encoding, as lone surrogates that UTF-8 with
    ``surrogateescape`` writes as bytes that are not UTF-8, so that the readers reject their line
    (``bad_encoding``). Python's ``surrogateescape`` cannot read them so: it escapes only bytes from
    0x80 on, and a UTF-16 unit such as ``00 D8`` (a lone surrogate) or a last odd byte made it raise
    out of the reader (an internal error)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start:exc.end]
    return "".join(chr(0xDC00 + b) if b >= 0x80 else "\udcff" for b in bad), exc.end


codecs.register_error(UNDECODABLE, _not_text)


class _Transcoded(io.RawIOBase):
    """A text file in ``encoding`` read as UTF-8 bytes (bytes it cannot decode stay bytes that
    are not UTF-8, which the readers reject with their line)."""

    def __init__(self, f: IO[bytes], encoding: str) -> None:
        self._text = io.TextIOWrapper(f, encoding=encoding, errors=UNDECODABLE, newline="")
        self._buf = b""

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        while not self._buf:
            text = self._text.read(1 << 16)
            if not text:
                return 0
            self._buf = text.encode("utf-8", "surrogateescape")
        k = min(len(b), len(self._buf))
        b[:k] = self._buf[:k]
        self._buf = self._buf[k:]
        return k

    def close(self) -> None:
        if not self.closed:
            with contextlib.suppress(OSError, ValueError):
                self._text.close()
        super().close()


def _undecodable(line: int, exc: UnicodeDecodeError | None, encoding: str, read_as: str | None = None, *,
                 mixed: bool | str = False) -> Reject:
    """The reject of a line with bytes that are not text in the input's encoding (``read_as``: the
    file's own encoding, when it was read as UTF-8 through :class:`_Transcoded`; the bytes seen
    then are not the file's; ``mixed``: the input says it is UTF-8 elsewhere, :attr:`Source.mixed`, or the hint
    to give where its lines are mostly GB18030)."""
    if read_as is not None:
        why = f"line {line}: bytes that are not {read_as.removesuffix('-sig')} text (a broken or odd code unit)"
        return reject(0, line, problem_error("(record)", why, "bad_encoding"))
    byte = f" (byte 0x{exc.object[exc.start]:02x})" if exc is not None and exc.start < len(exc.object) else ""
    hint = ((mixed if isinstance(mixed, str) else _MIXED_HINT) if mixed else _HINT) if encoding.startswith("utf") \
        else ""
    why = f"line {line}: bytes that are not {encoding.removesuffix('-sig')} text{byte}{hint}"
    return reject(0, line, problem_error("(record)", why, "bad_encoding"))


#: The encodings a line of UTF-8 text pasted into would be misread in silently (:func:`utf8_line`).
_GB = frozenset({"gb18030", "gbk", "gb2312"})


def _pasted_utf8(line: int, raw: bytes, encoding: str) -> Reject:
    """The reject of a line of UTF-8 text in an input read as GB18030 (:func:`utf8_line`): it was read as other
    Chinese, silently, its findings carrying "鐢蹭竴" for the id "甲一" (hostile43)."""
    shown = "".join(_NOT_ASCII.findall(raw.decode("utf-8", "replace")))[:8]
    why = f"line {line}: UTF-8 text ({shown!r}…) in a file read as {encoding.upper()}, where it reads as other " \
        "Chinese; pasted from a UTF-8 file? retype it, or save the whole file in one encoding"
    return reject(0, line, problem_error("(record)", why, "bad_encoding"))


_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


def row_keys(record: Any) -> Any:
    """A record written with a table row's dotted ``discovered.*`` keys (pandas' ``to_json(orient="records")`` of a
    flat frame) read as ``who_answers``, ``who FILE`` and ``assess([dict])`` read it; any other as it is (review23b
    R23b-2: `assess FILE` and the service refused what the others answered)."""
    if type(record) is dict and any(type(k) is str and k.startswith("discovered.") for k in record):
        from ._columns import row_record

        return row_record(record)
    return record


def _json_line(n: int, raw: bytes, encoding: str, read_as: str | None = None, *, mixed: bool | str = False
               ) -> Iterator[tuple[int | None, Any, Reject | None]]:
    """A JSON line parsed by Python: nothing for a blank line, else (line, record, None) or (line, None, reject)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        # not only line 1's: files saved with a byte order mark and joined (cat a.jsonl b.jsonl) put one at the start
        # of a later line, whose record was refused "Unexpected UTF-8 BOM (decode using utf-8-sig)" while the
        # service's POST /v1/assess read it (hostile58)
        raw = raw[3:]
    if not raw.strip():
        return
    if encoding in _GB and utf8_line(raw):
        yield n, None, _pasted_utf8(n, raw, encoding)
        return
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        yield n, None, _undecodable(n, exc, encoding, read_as, mixed=mixed)
        return
    try:
        record, twice = loads_marked(text)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError
        why, pid = bad_line(n, exc), None
        if isinstance(exc, RecursionError) or "nested too deeply" in str(exc):
            # a record whose id comes before (or after) the deep part is rejected with it, as any other record is:
            # its reject named no problem (hostile60 N5); where none can be read, that is said, not left blank
            pid = top_level_id(text)
            if pid is None:
                why += "; its problem's id cannot be told (no \"id\" found at its top level outside the deep part)"
        yield n, None, reject(0, n, problem_error("(record)", why, "bad_json", record=pid))
        return
    if (key := duplicate_in(record, twice)) is not None:
        yield n, None, reject(0, n, problem_error("(record)", f"line {n}: {twice_message(key)}", "bad_json"))
    else:
        yield n, row_keys(record), None


#: A JSON line's tokens as :func:`top_level_id` walks them: a string, a run of brackets, a separator.
_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[{]+|[\]}]+|[,:]')
_MOST_TOKENS = 1_000_000  # (~0.5 CPU s of walking: a line past that is not read for its id)


def top_level_id(text: str) -> str | None:
    """The ``id`` of the object that is the JSON text ``text``, read without parsing what lies deeper (a record
    too deeply nested for Python's parser), or ``None``: where the text is no object, has no such key at its top
    level, holds something other than a string or a whole number there, or is past :data:`_MOST_TOKENS` tokens.

    >>> top_level_id('{"area": "housing", "id": "P7", "x": ' + "[" * 5000 + "]" * 5000 + '}')
    'P7'
    >>> top_level_id('{"x": {"id": "inner"}}') is None
    True
    """
    depth, before = 0, ""
    for k, m in enumerate(_TOKENS.finditer(text)):
        tok = m.group()
        if (k == 0 and tok != "{") or k > _MOST_TOKENS:
            return None
        if tok[0] in "[{":
            depth += len(tok)
        elif tok[0] in "]}":
            depth -= len(tok)
            if depth <= 0:
                return None
        elif tok[0] == '"' and depth == 1 and before in ("{", ","):  # a key of the record itself
            at = m.end()
            while at < len(text) and text[at] in " \t\r\n":
                at += 1
            if tok == '"id"' and text.startswith(":", at):
                at += 1
                while at < len(text) and text[at] in " \t\r\n":
                    at += 1
                try:
                    value, _ = json.JSONDecoder().raw_decode(text, at)
                except (ValueError, RecursionError):
                    return None
                if isinstance(value, str) and value:
                    return value
                return str(value) if isinstance(value, int) and not isinstance(value, bool) else None
        before = tok
    return None


#: What sends a JSON line to Python's parser: an explicit null, a surrogate escape.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89abAB]")
_MAX_OPEN = 64  # more brackets than this on a line: Python's parser (which has a recursion limit)


_BLOCK = 32 * 2**20  # bytes of JSON lines read at a time
MAX_LINE = 64 * 2**20  # bytes of one JSON line (a longer one is a reject, read past without being held)


def _read_into(f: IO[bytes], view: memoryview) -> int:
    """Read up to ``len(view)`` bytes of ``f`` into ``view`` (fewer only at its end); the number read."""
    if isinstance(f, io.BufferedIOBase):  # (a file, standard input: no copy)
        return f.readinto(view)
    data = f.read(len(view))
    view[:len(data)] = data
    return len(data)


def list_rows(record: Any) -> str | None:
    """Why ``record``, the first of an input, is no problem record but a row of a list a ledger wrote (its keys are
    that list's columns: :func:`~._columns.ledger_list`, and it has no ``id``), or ``None``."""
    if not isinstance(record, dict) or "id" in record:
        return None
    said = ledger_list(tuple(str(k) for k in record))
    return f"its records have no 'id' field{said}" if said else None


def first_record(head: bytes) -> Any:
    """The first line of JSON lines that is not blank, parsed (``None`` when it is not JSON, or not whole in
    ``head``)."""
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    for line in head.split(b"\n")[:-1] if b"\n" in head else [head]:
        if line.strip():
            try:
                return json.loads(line)
            except (ValueError, RecursionError):
                return None
    return None


def _find_all(data: bytes, needle: bytes) -> list[int]:
    """Where ``needle`` occurs in ``data`` (``bytes.find``, which is fast where it is rare)."""
    out, i = [], data.find(needle)
    while i >= 0:
        out.append(i)
        i = data.find(needle, i + 1)
    return out


def _jsonl_part(data: bytes | memoryview, bounds: npt.NDArray[np.int64], number: int, line: int,
                read_as: str | None = None, flags: npt.NDArray[np.uint8] | None = None, *, mixed: bool | str = False
                ) -> Part:
    """One chunk of JSON lines (line ``k`` is ``data[bounds[k]:bounds[k + 1]]``; the first is line
    ``line + 1`` of the input and record ``number``) as a :class:`Part` (see :meth:`Source._jsonl_parts`).
    The lines the C parser cannot carry exactly are found in bulk, without a Python object per line
    (``flags``: as :func:`scan_lines` found them, else found here)."""
    import pyarrow as pa

    n = len(bounds) - 1

    def text(k: int) -> bytes:
        return bytes(data[int(bounds[k]):int(bounds[k + 1])])

    if flags is None:
        flags = np.zeros(n, np.uint8)
        _numpy_flags(bytes(data), bounds, flags)
    blank, special = (flags & _BLANK).astype(np.bool_), (flags & _SPECIAL).astype(np.bool_)
    nonblank = ~blank
    if (at := _find_all(bytes(data), b'"discovered.')):  # a table row's dotted keys: read by Python (row_keys)
        special[np.searchsorted(bounds, np.asarray(at, np.int64), "right") - 1] = True
    table = _c_json_table(data, bounds, nonblank, special)  # (which declines a line that is not UTF-8)
    if table is _UNPARSED:
        if not _is_utf8(data):  # pyarrow's parser does not check UTF-8 everywhere (keys): such lines go to Python's
            for k in range(n):
                try:
                    text(k).decode()
                except UnicodeDecodeError:
                    special[k] = True
        table = _json_table(data, bounds, nonblank, special, _json_options())
    if table is not None and not special.any() and not blank.any():
        return Part(table, np.arange(number, number + n, dtype=np.int64),
                    np.arange(line + 1, line + 1 + n, dtype=np.int64))
    # records in line order: rows of the table, and lines parsed by Python (their rows empty)
    take: list[int | None] = []
    numbers, lines, rejects, given = [], [], [], {}
    row_of = {k: i for i, k in enumerate(np.nonzero(nonblank & ~special)[0].tolist())} if table is not None else {}
    n = number
    for k in np.nonzero(nonblank)[0].tolist():
        if k in row_of:
            take.append(row_of[k])
        else:
            got = next(_json_line(line + k + 1, text(k), "utf-8", read_as, mixed=mixed), None)
            if got is None:
                continue
            _, record, refused = got
            if refused is not None:
                rejects.append((n, *refused[1:]))
                n += 1
                continue
            given[len(take)] = record
            take.append(None)
        numbers.append(n)
        lines.append(line + k + 1)
        n += 1
    if table is None:
        table = pa.table({"id": pa.nulls(0, pa.string())})
    source = table.take(pa.array(take, pa.int64())) if take != list(range(table.num_rows)) else table
    return Part(source, np.array(numbers, np.int64), np.array(lines, np.int64), rejects, given)


def _is_utf8(data: bytes | memoryview) -> bool:
    """Whether ``data`` is UTF-8 text (checked in place, without a copy or a Python string)."""
    import pyarrow as pa

    whole = pa.py_buffer(np.array([0, len(data)], np.int64))
    try:
        pa.Array.from_buffers(pa.large_string(), 1, [None, whole, pa.py_buffer(data)]).validate(full=True)
    except pa.ArrowInvalid:
        return False
    return True


def _first_bytes(data: bytes, bounds: npt.NDArray[np.int64]) -> npt.NDArray[np.uint8]:
    """The first byte of each line (0 past the end)."""
    arr = np.frombuffer(data, np.uint8)
    if not len(arr):
        return np.zeros(len(bounds) - 1, np.uint8)
    first: npt.NDArray[np.uint8] = arr[np.minimum(bounds[:-1], len(arr) - 1)]
    return first


#: What :func:`scan_lines` says of a line: blank (white space only), or one for Python's parser.
_BLANK, _SPECIAL = 1, 2
#: The bytes ``bytes.strip`` strips.
_WHITE = np.zeros(256, np.bool_)
_WHITE[list(b" \t\n\r\x0b\x0c")] = True


def scan_lines(data: bytes | memoryview, start: int, ends: npt.NDArray[np.int64], flags: npt.NDArray[np.uint8],
               final: bool) -> int:
    """Find the lines of JSON lines ``data`` from ``start`` on, as many as ``ends`` and ``flags`` hold:
    line ``k`` ends at ``ends[k]`` (just past its line feed; a last line without one only when
    ``final``) and ``flags[k]`` says what it is (:data:`_BLANK`; :data:`_SPECIAL`: one that pyarrow's
    parser cannot carry exactly -- not starting with ``{``, an explicit null, a surrogate escape,
    deep nesting -- which Python's parser reads). Returns the number of lines found; it stops at a
    line not ended yet. In one pass in C where the extension was built (``_scan.c``), else by numpy
    passes (:func:`_numpy_lines`, the reference: tests/test_batch_io.py compares the two)."""
    if _c_lines is not None:
        return _c_lines(data, start, ends, flags, final, _MAX_OPEN)
    return _numpy_lines(data, start, ends, flags, final)


def _numpy_lines(data: bytes | memoryview, start: int, ends: npt.NDArray[np.int64], flags: npt.NDArray[np.uint8],
                 final: bool) -> int:
    """:func:`scan_lines` by numpy passes."""
    cap = min(len(ends), len(flags))
    size = len(data)
    found = np.flatnonzero(np.frombuffer(data, np.uint8)[start:] == _LF)[:cap] + (start + 1)
    if final and len(found) < cap and (int(found[-1]) if len(found) else start) < size:
        found = np.append(found, size)  # a last line without a line feed
    n = len(found)
    if n:
        ends[:n] = found
        _numpy_flags(bytes(data[start:int(found[-1])]), np.concatenate([[0], found - start]), flags[:n])
    return n


def _numpy_flags(data: bytes, bounds: npt.NDArray[np.int64], flags: npt.NDArray[np.uint8]) -> None:
    """The :func:`scan_lines` flags of the lines ``data[bounds[k]:bounds[k + 1]]``, in ``flags``."""
    blank, special = _json_special(data, bounds)
    special |= ~blank & (_first_bytes(data, bounds) != ord("{"))
    flags[:] = blank * _BLANK | special * _SPECIAL


def _json_special(data: bytes, bounds: npt.NDArray[np.int64]) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    """Which lines of ``data`` are blank, and which the C parser would not carry exactly (an
    explicit null, which a table cannot tell from an absent field; a surrogate escape; deep
    nesting), found in bulk."""
    n = len(bounds) - 1
    starts, lens = bounds[:-1], np.diff(bounds)
    arr = np.frombuffer(data, np.uint8)
    blank = np.zeros(n, np.bool_)
    for k in np.flatnonzero((lens == 0) | _WHITE[_first_bytes(data, bounds)]).tolist():
        blank[k] = not data[int(bounds[k]):int(bounds[k + 1])].strip()
    special = np.zeros(n, np.bool_)
    hits = _find_all(data, b"null")
    if b"\\" in data:  # (a byte is found far faster than two)
        hits += [i for i in _find_all(data, b"\\u") if _SURROGATE_ESCAPE.match(data, i)]
    if hits:
        special[np.searchsorted(starts, np.array(hits, np.int64), "right") - 1] = True
    opens = np.flatnonzero((arr | 0x20) == ord("{"))  # "{" or "[" (0x7b, 0x5b: they differ only in bit 0x20)
    if len(opens):
        special |= np.diff(np.searchsorted(opens, bounds)) > _MAX_OPEN
    return blank, special & ~blank


def _json_table(data: bytes | memoryview, bounds: npt.NDArray[np.int64], nonblank: npt.NDArray[np.bool_],
                special: npt.NDArray[np.bool_], options: Any) -> Any:
    """The lines of ``data`` that are neither blank nor ``special`` parsed by the C parser into
    one row each (``None`` when there is none). A line it refuses is marked ``special`` (in
    place) and the rest parsed again."""
    import pyarrow as pa
    import pyarrow.json as pj

    n = len(bounds) - 1
    for _ in range(8):  # a line the C parser refuses goes to Python's, and the rest is parsed again
        clean = np.nonzero(nonblank & ~special)[0]
        if not len(clean):
            return None
        body = data if len(clean) == n else b"".join([data[int(bounds[k]):int(bounds[k + 1])]
                                                       for k in clean.tolist()])
        try:
            table = pj.read_json(pa.BufferReader(body), read_options=pj.ReadOptions(block_size=len(body) + 1),
                                 parse_options=options)
            if table.num_rows != len(clean):
                # a line holding two values ('{"id": "a"} {"id": "b"}') is two rows to this parser, which
                # does not say which line it was: every line by Python's (which refuses that one)
                special |= nonblank
                return None
            return table
        except (pa.ArrowInvalid, ValueError) as exc:
            row = re.search(r"in row (\d+)", str(exc))
            if row is None or int(row.group(1)) >= len(clean):
                special |= nonblank  # all by Python
                return None
            special[clean[int(row.group(1))]] = True
    special |= nonblank
    return None


#: What :func:`_c_json_table` gives where the C parser is not built (or the data is too large for it).
_UNPARSED = object()


def _c_json_table(data: bytes | memoryview, bounds: npt.NDArray[np.int64], nonblank: npt.NDArray[np.bool_],
                  special: npt.NDArray[np.bool_]) -> Any:
    """:func:`_json_table` by the C parser of the ledger's record shape (``_jsonl.c``): the same
    table as pyarrow's reader gives for the lines it takes; a line outside that shape is marked
    ``special`` (in place) for Python's parser, as is a line that is not UTF-8 (checked here, as
    Python's decoder checks it). :data:`_UNPARSED` where it is not built, or the data is too large
    for it (nothing marked then)."""
    if _c_parse is None:
        return _UNPARSED
    import pyarrow as pa

    flags = (~nonblank | special).view(np.uint8).copy()  # 0: a line for the C parser
    got = _c_parse(data, bounds, flags)
    if got is None:
        return _UNPARSED
    special |= nonblank & (flags != 0)
    rows, cols, discovered, handled, concealed = got
    if not rows:
        return None
    schema = _json_options().explicit_schema
    s = pa.string()

    def strings(count: int, valid: Any, offsets: Any, text: Any) -> Any:
        return pa.Array.from_buffers(s, count, [pa.py_buffer(valid), pa.py_buffer(offsets), pa.py_buffer(text)])

    arrays = [strings(*c) for c in cols]
    top = dict(zip(("id", "domain", "kind", "place", "severity", "deadline", "rectified_on", "as_of"),
                   arrays[:8], strict=True))
    disc_t, hand_t, conc_t = (schema.field(name).type for name in ("discovered", "handled", "concealed_by"))
    top["discovered"] = pa.Array.from_buffers(disc_t, rows, [pa.py_buffer(discovered)], children=arrays[8:12])
    items = pa.Array.from_buffers(hand_t.value_type, cols[12][0], [None], children=arrays[12:17])
    top["handled"] = pa.Array.from_buffers(hand_t, rows, [pa.py_buffer(handled[0]), pa.py_buffer(handled[1])],
                                           children=[items])
    top["concealed_by"] = pa.Array.from_buffers(conc_t, rows, [pa.py_buffer(concealed[0]),
                                                               pa.py_buffer(concealed[1])], children=[arrays[17]])
    return pa.Table.from_arrays([top[name] for name in schema.names], schema=schema)


def _json_options() -> Any:
    """The C JSON parser's options: the record's fields as text (so that no date is guessed),
    other fields as they come."""
    import pyarrow as pa
    import pyarrow.json as pj

    s = pa.string()
    schema = pa.schema([("id", s), ("domain", s), ("kind", s), ("place", s), ("severity", s),
                        ("discovered", pa.struct([("level", s), ("channel", s), ("on", s), ("body", s)])),
                        ("handled", pa.list_(pa.struct([("action", s), ("by_level", s), ("to_level", s),
                                                         ("to_body", s), ("on", s)]))),
                        ("deadline", s), ("rectified_on", s), ("concealed_by", pa.list_(s)), ("as_of", s)])
    return pj.ParseOptions(explicit_schema=schema, unexpected_field_behavior="infer")


#: Encodings in which the bytes ``"``, ``,``, CR and LF are never part of a multi-byte
#: character (so that a CSV file's quoting and rows can be found in its bytes).
_CSV_FAST = frozenset({"utf-8", "utf-8-sig", "gb18030", "gbk", "gb2312", "ascii"})
_QUOTE, _COMMA, _LF, _CR = 34, 44, 10, 13


def _csv_scan(arr: npt.NDArray[np.uint8], eof: bool) -> tuple[npt.NDArray[np.int64], int]:
    """:func:`_numpy_csv_scan`, in one pass in C where the extension was built (``_scan.c``)."""
    if _c_csv_rows is None:
        return _numpy_csv_scan(arr, eof)
    ends, n, bad = _c_csv_rows(arr, 0, eof)
    return np.frombuffer(ends, np.int64, n), bad


def _numpy_csv_scan(arr: npt.NDArray[np.uint8], eof: bool) -> tuple[npt.NDArray[np.int64], int]:
    """Where the rows of a block of CSV end (just after each line feed outside quotes, and at the
    end of the file), and where the quoting stops being plain (-1 when it does not).

    Quotes are counted: a line feed is inside a quoted cell when an odd number of quotes precede
    it. That is how Python's csv module reads a file whose quoting is plain (RFC 4180): a quote
    opens a cell only at its start (after a comma, a line end or at the start of the block) and
    closes it only before a comma, a line end, the end of the file, or a quote that doubles it.
    Past the first quote that is not so, the count says nothing, and no row end is given.

    The block is counted a piece of :data:`_SCAN` bytes at a time (the same counts, carried from
    piece to piece; pieces that stay in the processor's cache take half the time)."""
    n = len(arr)
    found: list[npt.NDArray[np.int64]] = []
    odd = 0  # whether an odd number of quotes precede the piece
    for lo in range(0, n, _SCAN):
        piece = arr[lo:lo + _SCAN]
        quotes = np.flatnonzero(piece == _QUOTE)
        feeds = np.flatnonzero(piece == _LF)
        found.append(feeds[((np.searchsorted(quotes, feeds) + odd) & 1) == 0] + (lo + 1))
        if not len(quotes):
            continue
        quotes += lo
        opens, closes = quotes[odd::2], quotes[1 - odd::2]
        ok_open = _NEXT_TO_QUOTE[arr[opens - 1]]  # (the first byte's "before" wraps to the last: set below)
        if len(opens) and opens[0] == 0:
            ok_open[0] = True
        after = closes + 1
        if len(after) and after[-1] == n:  # a quote at the very end: the end of the file, or not read yet
            after[-1] = n - 1
            ok_close = _NEXT_TO_QUOTE[arr[after]]
            ok_close[-1] = True
        else:
            ok_close = _NEXT_TO_QUOTE[arr[after]]
        if not (ok_open.all() and ok_close.all()):
            first = int(min(opens[~ok_open].min(initial=n), closes[~ok_close].min(initial=n)))
            ends = np.concatenate(found).astype(np.int64)
            return ends[ends <= first], first
        odd ^= len(quotes) & 1
    ends = np.concatenate(found).astype(np.int64) if found else np.zeros(0, np.int64)
    if eof and n and (not len(ends) or ends[-1] != n) and not odd:
        ends = np.append(ends, n)  # a last row without a line feed
    return ends, -1


#: The most bytes of CSV held at a time while a part's rows are read (glibc serves a request of 32 MiB or
#: more with fresh pages from the kernel: see :meth:`_CsvReader.parts`).
_HELD = 28 * 2**20

#: Bytes of a block counted at a time by :func:`_csv_scan`.
_SCAN = 2**20


#: Bytes that may stand next to a quote that opens a cell (before it) or closes one (after it).
_NEXT_TO_QUOTE = np.zeros(256, np.bool_)
_NEXT_TO_QUOTE[[_COMMA, _LF, _CR, _QUOTE]] = True


#: At most this many bytes of standard input are held to find its first byte that is not ASCII.
_HOLD = 1 << 24


def _stdin_reader() -> Callable[[int, bool], bytes]:
    """``read(k, wait)``: up to ``k`` bytes of standard input as they come; ``b""`` at its end. Read from its
    file descriptor (its buffer stays empty: what is read here is handed on by :class:`_Prefixed`)."""
    stream = sys.stdin.buffer
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):  # not a file (a test's BytesIO): it never waits
        read1 = getattr(stream, "read1", stream.read)
        return lambda k, wait: bytes(read1(k))

    def read(k: int, wait: bool) -> bytes:  # (it always waits: the same bytes must give the same answer)
        return os.read(fd, k)

    return read


class _Prefixed(io.RawIOBase):
    """``head`` (bytes already read), then the rest of ``tail``."""

    def __init__(self, head: bytes, tail: IO[bytes], *, owns: bool = False) -> None:
        self._head, self._tail, self._owns = memoryview(head), tail, owns

    def close(self) -> None:
        if self._owns and not self.closed:  # (standard input is not closed)
            self._tail.close()
        super().close()

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        if len(self._head):
            n = min(len(b), len(self._head))
            b[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        read = getattr(self._tail, "read1", self._tail.read)
        data = read(len(b))
        b[:len(data)] = data
        return len(data)


class _Joined(io.RawIOBase):
    """Bytes already read followed by the rest of a file, as one stream; a line longer than
    :data:`MAX_LINE` (a file without line ends, /dev/zero) is :func:`_endless`, never held."""

    def __init__(self, head: bytes | bytearray, tail: IO[bytes], path: str = "", line: int = 0) -> None:
        self._head, self._pos, self._tail = memoryview(head), 0, tail
        self._path, self._line, self._run = path, line, 0

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        if self._pos < len(self._head):
            k = min(len(b), len(self._head) - self._pos)
            b[:k] = self._head[self._pos:self._pos + k]
            self._pos += k
        else:
            data = self._tail.read(len(b))
            k = len(data)
            b[:k] = data
        chunk = bytes(b[:k])
        end = max(chunk.rfind(b"\n"), chunk.rfind(b"\r"))
        self._line += chunk.count(b"\n")
        self._run = k - end - 1 if end >= 0 else self._run + k
        if self._run > MAX_LINE:
            raise _endless(self._path, self._line + 1)
        return k


def _endless(path: str, line: int) -> ResponsibilityError:
    """A CSV row that does not end within :data:`MAX_LINE` bytes: the input cannot be read on."""
    name = "standard input" if path == "-" else path
    return ResponsibilityError(f"{name}: line {line}: a row longer than {MAX_LINE // 2**20} MiB (a quote left open, "
                               "or no line ends?); a record is a few KiB: check the file's quoting and line ends")


class HeldLines:
    """The lines of a text stream as :func:`csv.reader` reads them, holding those read since
    :attr:`lines` was last cleared (the row being read), and whether the stream has ended."""

    def __init__(self, stream: IO[str]) -> None:
        self._readline = stream.readline
        self.lines: list[str] = []
        self.ended = False

    def __iter__(self) -> HeldLines:
        return self

    def __next__(self) -> str:
        line = self._readline()
        if not line:
            self.ended = True
            raise StopIteration
        self.lines.append(line)
        return line

    def text(self) -> str:
        return "".join(self.lines)


def _open_quote(text: str) -> int | None:
    """Where, in the text of CSV rows, a quote that opens a cell is never closed (as Python's csv
    module reads quotes: one opens a cell only at its start, ``""`` inside is a quote), or ``None``."""
    at: int | None = None
    i = text.find('"')
    while i >= 0:
        if at is None:
            if i == 0 or text[i - 1] in ",\r\n":
                at = i
            i = text.find('"', i + 1)
        elif text.startswith('""', i):
            i = text.find('"', i + 2)
        else:
            at = None
            i = text.find('"', i + 1)
    return at


def never_closed(text: str, first: int, last: int) -> str | None:
    """What to say of a row (lines ``first`` to ``last``, its text ``text``) that the end of the
    file ended inside a quoted cell: the rest of the file was read as that one cell."""
    at = _open_quote(text)
    if at is None:
        return None
    opened = first + text.count("\n", 0, at)
    rest = f"lines {opened}–{last}" if last > opened else f"line {opened}"
    return (f"line {first}: a quote opened on line {opened} is never closed, so the rest of the file ({rest}) "
            "reads as one cell; close the quote (a quote inside a quoted cell is written twice: \"\")")


def _show_cell(text: str) -> str:
    """A cell's text in a message: quoted, at most 40 characters."""
    return repr(text if len(text) <= 40 else text[:40] + "…")


def _shape(text: str) -> str:
    """What an id looks like, without its digits and letters: ``q3`` and ``q4`` alike, ``A-1`` and ``A-12``."""
    return re.sub(r"[0-9]+", "9", re.sub(r"[A-Za-z]+", "a", text.strip()))


_ROW_CELL = re.compile(r"[0-9]{6,12}|[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}")


def _row_shaped(line: str, lead: str, delimiter: str) -> bool:
    """Whether ``line`` reads as a row of the table: its first cell shaped as the row's own first (``lead``),
    or one of its cells a division code or a date, as a problem record's row holds."""
    cells = [c.strip().strip('"').strip() for c in line.split(delimiter)]
    return (bool(lead.strip()) and _shape(cells[0]) == _shape(lead)) or any(_ROW_CELL.fullmatch(c) for c in cells)


def swallowed(cells: Sequence[str], first: int, names: Sequence[str] = (), delimiter: str = ",") -> str | None:
    """What to say of a row (its cells, read from line ``first`` on) with a quoted cell that runs over
    several lines and holds a whole row's separators: a stray quote that a later quote closed, so the
    rows between were read into that cell (an Excel paste). ``None`` for a row that is not such.
    ``names``: the header, to name the cell."""
    at = first
    width = max(len(cells) - 1, 2)  # the delimiters of a whole row
    lead = cells[0].split("\n", 1)[0].split(delimiter, 1)[0] if cells else ""
    for i, cell in enumerate(cells):
        breaks = cell.count("\n")
        later = cell.split("\n")[1:]
        # A line of the cell starts a row: it holds a whole row's delimiters and a cell shaped as a row's (an
        # id shaped as this row's, q3 / q4, A-1 / A-2; a division code; a date), or it begins with such an id
        # and the cell holds a row's delimiters. A description over several lines (a list of names), or JSON
        # (pretty-printed, or an array on one line between brackets), does neither (review10b R10B-03).
        if breaks and (any(part.count(delimiter) >= width and _row_shaped(part, lead, delimiter) for part in later)
                       or (cell.count(delimiter) >= width and lead.strip()
                           and any(delimiter in part and _shape(part.split(delimiter, 1)[0]) == _shape(lead)
                                   for part in later))):
            name = f"'{names[i]}'" if i < len(names) and names[i] else f"cell {i + 1}"
            closed = at + breaks
            inside = f"line {at + 1}" if closed == at + 1 else f"lines {at + 1}–{closed}"
            return (f"line {first}: a quote opened on line {at} (in {name}) closes only on line {closed}, so {inside} "
                    f"{'was' if closed == at + 1 else 'were'} read into that one cell, which holds the commas of whole "
                    f"rows; if {inside} "
                    f"{'is a row' if closed == at + 1 else 'are rows'} of {'its' if closed == at + 1 else 'their'} "
                    "own, that quote is stray: remove it (a quote inside a cell is written twice: \"\")")
        at += breaks
    return None


def swallowed_on_its_line(cells: Sequence[str], first: int, delimiter: str = ",") -> str | None:
    """What to say of a row whose first cell holds a whole row's separators and a division code or a date: a stray
    quote at the start of the line that a later quote on it closed (``"q1,water,…,"[{""action"…``), so the row's
    cells were read into one (ux46: its reject was "field 'severity': unknown severity '2021-05-10'", a cell of the
    JSON). ``None`` for any other row; an id never holds a row's commas."""
    width = max(len(cells) - 1, 2)
    if not cells or cells[0].count(delimiter) < width or "\n" in cells[0]:
        return None
    parts = [c.strip().strip('"').strip() for c in cells[0].split(delimiter)]
    if not any(_ROW_CELL.fullmatch(c) for c in parts):
        return None
    return (f"line {first}: its first cell ({_show_cell(cells[0])}) holds a whole row's commas: a quote at the start "
            "of the line opened a cell that a later quote on the line closed, so the row's cells were read into it; "
            "if that quote is stray, remove it (a quote inside a cell is written twice: \"\")")


class _CsvReader:
    """The records of a CSV file, as :meth:`Source.parts` gives them.

    Python's csv module defines what a CSV file says (the rows it reads, their lines, the
    rejects). Where that can be matched exactly in C, a block of up to :data:`CHUNK` rows is
    parsed by pyarrow into an Arrow table of text cells (an empty cell null), its JSON cells by
    pyarrow's JSON parser, and it takes the columnar path; else the block is read by Python's
    csv module as it always was:

    - the rows and their lines are found by counting quotes (:func:`_csv_scan`); from the first
      quote that is not plain, the rest of the file is read by Python;
    - a block with a carriage return that ends no line feed, a row longer than the csv module's
      field limit, bytes that are not text in the encoding, or a row with more or fewer cells
      than the header is read by Python;
    - a JSON cell the C parser cannot carry exactly (an explicit null, a surrogate escape, deep
      nesting, a line break, or text that is not one JSON value of the field's shape) makes
      its row a record built by Python (:func:`~._columns.flat_record`), or its reject.
    """

    def __init__(self, source: Source, f: IO[bytes]) -> None:
        self.path, self.f, self.source = source.path, f, source
        self.encoding = source.encoding
        self.read_as = source.transcode
        self.chunks = source._chunks
        self.number = 0  # records (and rejects) so far
        self.header: list[str] = []
        #: Columns after the last named one that have no header (Excel saves a sheet's empty columns
        #: so: ``id,area,…,,,``): their cells must be empty.
        self.spare = 0
        self.flat: Callable[[Sequence[str]], tuple[dict[str, Any], str | None]] = flat_reader([])

    def parts(self) -> Iterator[Part]:
        # CSV is read a quarter block at a time (8 MiB): glibc serves a request of 32 MiB or more (a block, or a
        # block joined to the rows left over; 32 MiB is the most its mmap threshold can be, keep_freed_memory)
        # with fresh pages from the kernel, zeroed on first touch, and gives them back when freed; below, it
        # reuses its heap. At 1M records (281 MB) that was ~140,000 page faults and 0.3 CPU s of kernel time
        # (1 Dec: assess of the CSV 6.06 -> 5.60 CPU s, medians of 5).
        step = max(1, _BLOCK // 4)
        data: bytes | bytearray = self.f.read(step)
        fast = self.encoding in _CSV_FAST and _has_pyarrow()
        if not fast:
            yield from self._python(data, self.encoding, header=True, line=0)
            return
        if self.encoding == "utf-8-sig" and data.startswith(b"\xef\xbb\xbf"):  # a UTF-8 byte order mark
            data = data[3:]
        # past the start, a UTF-8 file is read as UTF-8 (a byte order mark is one only at the start)
        self.encoding = "utf-8" if self.encoding == "utf-8-sig" else self.encoding
        blank = len(data) - len(data.lstrip(b"\r\n"))  # blank lines above the header (it was 'no column')
        skipped = data.count(b"\n", 0, blank) + data.count(b"\r", 0, blank) - data.count(b"\r\n", 0, blank)
        data = data[blank:]
        line, pos, ended = 0, 0, not data
        started = False
        # rows found by the last scan but not read yet, and where the unfinished row after them starts:
        # each block is scanned once (a scan from the start of a row is the scan from any earlier one)
        known, scanned = np.zeros(0, np.int64), 0
        while True:
            eof = ended
            arr = np.frombuffer(data, np.uint8)
            ends, bad = _csv_scan(arr[scanned:], eof)
            ends += scanned
            if len(known):
                ends = np.concatenate([known, ends])
            if bad >= 0:
                bad += scanned
            if not started:
                if not len(ends) and not eof and bad < 0:
                    if len(data) > MAX_LINE:
                        raise _endless(self.path, 1)
                    more = self.f.read(step)  # a header longer than a block
                    ended = not more
                    data += more
                    continue
                got = self._header(data, ends)
                if got is None:  # not plain: all by Python
                    yield from self._python(data, self.encoding, header=True, line=0)
                    return
                if not got:  # an empty file
                    return
                pos, line = got[0], got[1] + skipped
                started = True
                ends = ends[1:]
                if "discovered" in self.header and any(h in DOTTED for h in self.header):
                    # a row's ``discovered.*`` cells stand in for its empty ``discovered`` cell: by Python
                    yield from self._python(data[pos:], self.encoding, header=False, line=line)
                    return
            for k in range(0, len(ends), self.source.chunk):
                cut = ends[k:k + self.source.chunk]
                if not eof and bad < 0 and len(cut) < self.source.chunk:
                    break  # wait for more rows
                starts = np.concatenate([[pos], cut[:-1]])
                part, lines = self._block(data, starts, cut, line)
                yield from part
                line += lines
                pos = int(cut[-1])
            if bad >= 0 or (eof and pos < len(data)):  # quoting that is not plain, or an open quote at the end
                yield from self._python(data[pos:], self.encoding, header=False, line=line)
                return
            if eof:
                return
            known = ends[ends > pos] - pos
            scanned = int(known[-1]) if len(known) else 0
            if len(data) - pos - scanned > MAX_LINE:  # the row after the last one found never ends
                raise _endless(self.path, line + 1 + data.count(b"\n", pos, pos + scanned))
            data, read = self._more(memoryview(data)[pos:], known, step)
            ended = not read
            pos = 0

    def _more(self, rest: memoryview, known: npt.NDArray[np.int64], step: int) -> tuple[bytearray, int]:
        """``rest`` (the rows not read yet) followed by what the file holds next, read into one buffer, and how
        many bytes were read (0: the end of the file): about what the rest of a part of :data:`CHUNK` rows needs
        (by the length of the rows found so far), at least ``step`` bytes, in all at most :data:`_HELD` while that
        is more than ``rest``. Read so, a part's rows are copied once: joined to the rows left over 8 MiB at a
        time, they were copied two or three times (1M records: 34 joins, ~580 MB, ~0.2 CPU s)."""
        held = len(rest)
        want = step
        if len(known):
            rows = len(known)
            per_row = int(known[-1]) // rows + 1
            want = max(step, min((self.source.chunk - rows) * per_row * 21 // 20 - (held - int(known[-1])),
                                 _HELD - held))
        buf = bytearray(held + want)
        buf[:held] = rest
        got = _read_into(self.f, memoryview(buf)[held:])
        if got < want:
            del buf[held + got:]
        return buf, got

    def _header(self, data: bytes | bytearray, ends: npt.NDArray[np.int64]) -> tuple[int, int] | tuple[()] | None:
        """Read and check the header (the first row); its end and its last line, ``()`` for an
        empty file, ``None`` when it cannot be found exactly here."""
        if not data:
            return ()
        if not len(ends):
            return None
        end = int(ends[0])
        text = data[:end].decode(self.encoding, errors="surrogateescape")
        reader = csv.reader(io.StringIO(text, newline=""))
        try:
            header = next(reader, None)
            if header is None or next(reader, None) is not None:
                return None
        except csv.Error:
            return None
        self._check_header(header)
        return end, reader.line_num

    def _check_header(self, header: list[str]) -> None:
        raw = ",".join(header).encode(self.encoding, "surrogateescape")
        if any(raw.startswith(magic) for magic, _ in _MAGIC) and not _ESCAPED.search(",".join(header)):
            # (a PDF's first line is text: "no 'id' column; its columns: %PDF-1.7")
            raise ResponsibilityError(f"{self.path}: the header is no row of cells{_gb18030_hint(raw)}")
        if any(_ESCAPED.search(h) for h in header):
            raw = ",".join(header).encode(self.encoding, "surrogateescape")
            raise ResponsibilityError(f"{self.path}: the header has bytes that are not "
                                      f"{self.encoding.removesuffix('-sig')} text{_gb18030_hint(raw)}")
        if len(header) == 1 and (sep := next((c for c in _WIDE_SEPARATORS if c in header[0]), None)):
            # (a header typed with a Chinese input method: "no 'id' column; its columns: id，area，…", ux44)
            raise ResponsibilityError(f"{self.path}: the header's cells are separated by {_WIDE_SEPARATORS[sep]}, "
                                      f"which CSV does not read as separators ({header[0][:80]}); write ASCII commas "
                                      "(,) between the cells, in the header and in every row")
        if len(header) == 1 and (sep := next((c for c in "\t;|" if c in header[0]), None)):
            name = {"\t": "tabs", ";": "semicolons", "|": "bars"}[sep]
            raise ResponsibilityError(f"{self.path}: the header's cells are separated by {name}, not commas "
                                      f"({header[0][:80]!a}); save the file as CSV (comma-separated)")
        spare = len(header) - len(list(itertools.dropwhile(lambda h: not h.strip(), reversed(header))))
        if spare and spare < len(header):
            header = header[:-spare]
        else:
            spare = 0
        check_columns(header, self.path)
        self.header, self.spare = header, spare
        self.flat = flat_reader(header)

    def _counted(self, parts: Iterator[Part]) -> Iterator[Part]:
        for part in parts:
            self.number += len(part.numbers) + len(part.rejects)
            yield part

    def _python(self, data: bytes | bytearray, encoding: str, *, header: bool, line: int) -> Iterator[Part]:
        """The rest of the file, from ``data`` (which starts a row, on line ``line + 1``), read by
        Python's csv module; its header first when ``header``."""
        stream = io.BufferedReader(_Joined(data, self.f, self.path, line))
        text = io.TextIOWrapper(stream, encoding=encoding, errors="surrogateescape", newline="")
        held = HeldLines(text)
        reader = csv.reader(held)
        if header:
            try:
                first = next(reader, None)
                while first == []:  # blank lines above the header
                    first = next(reader, None)
            except csv.Error as exc:
                raise ResponsibilityError(f"{self.path}:{reader.line_num}: not valid CSV ({exc})") from None
            if first is None:
                return
            self._check_header(first)
        yield from self._counted(self.chunks(self._rows(reader, line, held), self.number))

    def _rows(self, reader: Any, base: int, held: HeldLines | None = None
              ) -> Iterator[tuple[int | None, Any, Reject | None]]:
        """(line, record, None) or (line, None, reject) for each row of ``reader`` that is not
        blank (its lines counted from ``base``); ``held``: the lines ``reader`` reads, to name a
        quote never closed (the rest of the file read as one cell)."""
        width, header, flat = len(self.header), self.header, self.flat
        line = base + reader.line_num
        try:
            for cells, refused in self._each_row(reader, base, held):
                if refused is not None:  # a row the csv module refused alone (a cell over its limit)
                    line = base + reader.line_num
                    yield line, None, refused
                    continue
                first, line = line + 1, base + reader.line_num
                if held is not None:
                    if held.ended and (why := never_closed(held.text(), first, line)):
                        yield first, None, reject(0, first, problem_error("(record)", why, "bad_row"))
                        continue
                    held.lines.clear()
                if not any(cells):
                    self.source.blank_rows += bool(cells)  # (an empty line is no row: csv gives [])
                    continue
                if line > first and (why := swallowed(cells, first, header)) is not None:
                    yield first, None, reject(0, first, problem_error("(record)", why, "bad_row",
                                                                      record=self._id_cell(cells)))
                    continue
                if line == first and (why := swallowed_on_its_line(cells, first)) is not None:
                    yield first, None, reject(0, first, problem_error("(record)", why, "bad_row"))
                    continue
                # (not 、, which values hold: 县（市、区）长热线)
                if len(cells) < width and (sep := next((c for c in "，；" if any(c in x for x in cells)), None)) and \
                        sum(x.count(sep) for x in cells) >= max(2, (width - len(cells)) // 2):
                    # a row typed with a Chinese input method: one cell, refused as "field 'area': is required" (ux44)
                    why = f"line {first}: {len(cells)} cell{'s' if len(cells) > 1 else ''}, but the header has " \
                        f"{width}: its cells are separated by {_WIDE_SEPARATORS[sep]}, which CSV does not read as " \
                        "separators; write ASCII commas (,) between the cells"
                    yield first, None, reject(0, first, problem_error("(record)", why, "bad_row"))
                    continue
                if len(cells) > width:
                    if len(cells) <= width + self.spare and not any(c.strip() for c in cells[width:]):
                        cells = cells[:width]  # the empty cells of the columns without a header
                    elif len(cells) <= width + self.spare:
                        k = next(i for i in range(width, len(cells)) if cells[i].strip())
                        why = f"line {first}: column {k + 1} has a value ({_show_cell(cells[k])}) but no header; " \
                            "name the column in the header (a record's field) or empty it"
                        yield first, None, reject(0, first, problem_error("(record)", why, "bad_row",
                                                                          record=self._id_cell(cells)))
                        continue
                    else:
                        # (its id cell is where the header puts it, as a short row's is: the reject named no problem,
                        # and a row with a stray comma late in it could not be found by its id; hostile60 N5)
                        named = f"{width} named columns (and {self.spare} empty ones)" if self.spare else f"{width}"
                        why = f"line {first}: {len(cells)} cells, but the header has {named}"
                        yield first, None, reject(0, first, problem_error("(record)", why, "bad_row",
                                                                          record=self._id_cell(cells)))
                        continue
                elif len(cells) < width:
                    # a row cut short (a truncated export, a line broken in two) read its missing cells as empty and
                    # lost its last fields in silence, its discovery say (check52b #9); an empty cell is written as
                    # one (a,b,), so a row of the header's width keeps every empty cell it has
                    why = f"line {first}: {len(cells)} cell{'s' if len(cells) > 1 else ''}, but the header has " \
                        f"{width} (a row cut short, or broken over two lines?)"
                    yield first, None, reject(0, first, problem_error("(record)", why, "bad_row",
                                                                      record=self._id_cell(cells)))
                    continue
                # (a UTF-8 line that is not GB18030 text either is told as UTF-8 too: it was "bytes that are not
                # gb18030 text", with nothing to do; ux44)
                if self.encoding in _GB and utf8_line(raw := ",".join(cells).encode(self.encoding, "surrogateescape")):
                    yield first, None, _pasted_utf8(first, raw, self.encoding)
                    continue
                if _ESCAPED.search("\x00".join(cells)):
                    yield first, None, _undecodable(first, None, self.encoding, self.read_as, mixed=self.source.mixed)
                    continue
                record, bad = flat(cells)
                if bad is None:
                    yield first, record, None
                else:
                    row = dict(zip(header, cells, strict=False))
                    yield first, None, reject(0, first, bad_json(row, bad, f"line {first}: "))
        except csv.Error as exc:
            why = never_closed(held.text(), line + 1, base + reader.line_num) if held is not None else None
            raise ResponsibilityError(f"{self.path}:{base + reader.line_num}: not valid CSV ({exc})"
                                      + (f"; {why}" if why else "")) from None

    def _id_cell(self, cells: Sequence[str]) -> str | None:
        """The id cell of a row refused for its shape (too many cells, too few), where the header has an id column
        and the row a cell under it; ``None`` where it is empty."""
        at = self.header.index("id") if "id" in self.header else None
        return cells[at] or None if at is not None and at < len(cells) else None

    def _each_row(self, reader: Any, base: int, held: HeldLines | None
                  ) -> Iterator[tuple[list[str], Reject | None]]:
        """The rows of ``reader`` (cells, None); a row on one line with a cell over the csv module's limit (128 KiB:
        a pasted document) as ([], the reject of that line), the reader going on at the next line (it had refused the
        whole file). Anything else the csv module refuses is raised, as before."""
        while True:
            start = reader.line_num
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                text = held.text() if held is not None else ""
                if held is None or "field limit" not in str(exc) or reader.line_num != start + 1 \
                        or text.count('"') % 2:
                    raise
                held.lines.clear()
                first = base + reader.line_num
                pieces = text.rstrip("\r\n").split(",")
                at = self.header.index("id") if "id" in self.header else None
                pid = pieces[at].strip('"')[:100] or None if at is not None and at < len(pieces) else None
                why = f"line {first}: a cell longer than {csv.field_size_limit() // 1024} KiB (a pasted document " \
                    "or picture?); shorten it"
                yield [], reject(0, first, problem_error("(record)", why, "bad_row", record=pid))
                continue
            yield cells, None

    def _block(self, data: bytes | bytearray, starts: npt.NDArray[np.int64], ends: npt.NDArray[np.int64],
               line: int) -> tuple[list[Part], int]:
        """The parts of the rows ``data[starts[k]:ends[k]]`` (the first on line ``line + 1``), and
        the number of lines they span."""
        lo, hi = int(starts[0]), int(ends[-1])
        body = bytes(memoryview(data)[lo:hi])
        arr = np.frombuffer(body, np.uint8)
        # (one pass in C, sixteen bytes at a time: bytes.count counts a byte at a time, ~0.15 CPU s of a 1M-record
        # CSV; numpy's passes are kept for rarer blocks)
        count, crs = _c_breaks(body) if _c_breaks is not None else (body.count(b"\n"), int(b"\r" in body))
        returns = np.flatnonzero(arr == _CR) if crs else np.zeros(0, np.int64)
        lone = returns[(returns + 1 >= len(arr)) | (arr[np.minimum(returns + 1, len(arr) - 1)] != _LF)] \
            if len(returns) else returns
        lines = count + len(lone)
        if not len(lone) and int(np.max(ends - starts)) <= csv.field_size_limit():
            # a line feed that ends no row is inside a quoted cell (the C parser then has to look for them)
            inner = bool(count > np.count_nonzero(arr[ends - lo - 1] == _LF))
            # where no cell holds a line feed, row k starts after k of them
            feeds = np.flatnonzero(arr == _LF) if inner else np.zeros(0, np.int64)
            first = line + 1 + (np.searchsorted(feeds, starts - lo) if inner else np.arange(len(starts)))
            part = None if inner and self._swallowing(arr, starts - lo, ends - lo, feeds) else \
                self._arrow(body, starts - lo, ends - lo, first, inner)
            if part is not None:
                self.number += len(part.numbers) + len(part.rejects)
                return [part], lines
        text = io.TextIOWrapper(io.BytesIO(body), encoding=self.encoding, errors="surrogateescape", newline="")
        held = HeldLines(text)
        return list(self._counted(self.chunks(self._rows(csv.reader(held), line, held), self.number))), lines

    def _swallowing(self, arr: npt.NDArray[np.uint8], starts: npt.NDArray[np.int64], ends: npt.NDArray[np.int64],
                    feeds: npt.NDArray[np.int64]) -> bool:
        """Whether a row of the block may have read whole rows into one quoted cell (it runs over
        several lines and holds two rows' commas): then Python reads the block, to say so (:func:`swallowed`)."""
        commas = np.flatnonzero(arr == _COMMA)
        per_row = np.searchsorted(commas, ends) - np.searchsorted(commas, starts)
        lines = np.searchsorted(feeds, ends - 1) - np.searchsorted(feeds, starts)  # line feeds before its last byte
        return bool(np.any((lines > 0) & (per_row >= 2 * max(len(self.header) - 1, 2))))

    def _arrow(self, body: bytes, starts: npt.NDArray[np.int64], ends: npt.NDArray[np.int64],
               first_lines: npt.NDArray[np.int64], inner: bool = True) -> Part | None:
        """The rows as a columnar part (``None`` when the C parser cannot read them exactly);
        ``inner`` when a quoted cell holds a line feed (without one the C parser reads about
        three times as fast)."""
        import pyarrow as pa
        import pyarrow.csv as pcsv

        lens = ends - starts
        blank = lens == 0
        for k in np.flatnonzero(lens <= 2).tolist():
            blank[k] = body[int(starts[k]):int(ends[k])] in (b"", b"\n", b"\r\n")
        header = self.header
        spare = [f"\x00{i}" for i in range(self.spare)]  # the columns without a header: empty, then dropped
        table = _c_csv_table(body, ends, header + spare) if self.encoding in ("utf-8", "ascii") else None
        if self.encoding in _GB and any(utf8_line(x) for x in body.split(b"\n")):
            return None  # a row of UTF-8 text, which GB18030 would misread silently: Python's reading rejects it
        if self.encoding not in ("utf-8", "ascii"):
            try:
                body = body.decode(self.encoding).encode()
            except UnicodeDecodeError:
                return None
        if table is None:
            try:
                table = pcsv.read_csv(
                    pa.BufferReader(body),
                    read_options=pcsv.ReadOptions(column_names=header + spare, block_size=len(body) + 1,
                                                  use_threads=False),
                    parse_options=pcsv.ParseOptions(newlines_in_values=inner),
                    convert_options=pcsv.ConvertOptions(column_types=dict.fromkeys(header + spare, pa.string()),
                                                        null_values=[""], strings_can_be_null=True))
            except (pa.ArrowInvalid, ValueError):  # cells that are not text, a row with too many or too few cells
                return None
        if spare:
            if any(table.column(name).null_count < table.num_rows for name in spare):
                return None  # a cell under no header: Python's reading rejects its row
            table = table.select(header)
        lines = first_lines[~blank]
        if table.num_rows != len(lines):
            return None
        table = table.combine_chunks()
        filled = np.zeros(table.num_rows, np.bool_)
        for column in table.columns:
            if not column.null_count:
                filled[:] = True
                break
            filled |= _valid(column)
        if not filled.all():  # a row of empty cells is no record
            table, lines = table.filter(pa.array(filled)), lines[filled]
            self.source.blank_rows += int(len(filled) - filled.sum())
        n = table.num_rows
        python = np.zeros(n, np.bool_)
        cols = {name: table.column(name) for name in table.column_names}
        for name in NESTED:
            if name in cols:
                cols[name] = _json_cells(name, cols[name], python, breaks=inner)
        numbers = np.arange(self.number, self.number + n, dtype=np.int64)
        if not python.any():
            return Part(normalise(pa.table(cols)), numbers, lines)
        # rows whose JSON cells Python reads: records given as Python builds them, or rejects
        take: list[int | None] = []
        kept, rejects, given = [], [], {}
        for i in range(n):
            if python[i]:
                row = {h: "" if v is None else v for h, v in table.slice(i, 1).to_pylist()[0].items()}
                record, bad = flat_record(row)
                if bad is not None:
                    first = int(lines[i])
                    rejects.append((int(numbers[i]), *reject(0, first, bad_json(row, bad, f"line {first}: "))[1:]))
                    continue
                given[len(take)] = record
                take.append(None)
            else:
                take.append(i)
            kept.append(i)
        source = normalise(pa.table(cols).take(pa.array(take, pa.int64())))
        return Part(source, numbers[kept], lines[kept], rejects, given)


def _c_csv_table(body: bytes, ends: npt.NDArray[np.int64], names: list[str]) -> Any:
    """The rows of ``body`` (UTF-8) ending at ``ends`` as a table of text columns ``names``, read by
    ``_jsonl.c`` (csv_cells) as pyarrow's CSV reader reads them in :meth:`_CsvReader._arrow`, at about
    three times its speed; ``None`` where it is not built, or declines a row (pyarrow's reader then reads them,
    or refuses them as before)."""
    if _c_csv_cells is None:
        return None
    got = _c_csv_cells(body, ends, len(names))
    if got is None:
        return None
    import pyarrow as pa

    s = pa.string()
    return pa.Table.from_arrays([pa.Array.from_buffers(s, count, [pa.py_buffer(valid), pa.py_buffer(offsets),
                                                                  pa.py_buffer(text)])
                                 for count, valid, offsets, text in got], names=names)


def _has_pyarrow() -> bool:
    try:
        import pyarrow.csv
        import pyarrow.json  # noqa: F401
    except ImportError:
        return False
    return True


def _valid(column: Any) -> npt.NDArray[np.bool_]:
    """Where an Arrow column is not null, as a numpy mask (from its validity bitmap: ``is_valid`` imports
    pyarrow.compute, ~0.07 CPU s of a CSV ledger's run, and converts through pandas' machinery)."""
    import pyarrow as pa

    arr = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    if arr.null_count == 0:
        return np.ones(len(arr), np.bool_)
    return _validity(arr)


def _json_cells(name: str, column: Any, python: npt.NDArray[np.bool_], *, breaks: bool = True) -> Any:
    """A column of JSON text cells (field ``name``) parsed as the JSON lines path parses and types
    them (each cell made the line ``{"name": cell}``: by ``_jsonl.c`` where it is built, else by
    pyarrow's reader); rows it cannot carry exactly are marked in ``python`` (their cell here is null).
    ``breaks``: whether a cell may hold a line break (not when no quoted cell of the block holds
    a line feed, and the block has no carriage return but before a line feed)."""
    import pyarrow as pa
    import pyarrow.json as pj

    arr = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    present = np.flatnonzero(_valid(arr))
    field = _json_options().explicit_schema.field(name)
    if not len(present):
        return pa.nulls(len(arr), field.type)
    if _c_wrap_cells is not None:  # (one copy of each cell, in C, for Arrow's three: ~0.2 CPU s of a 1M-record CSV)
        _, offs, text = arr.buffers()
        data, ends = _c_wrap_cells(b"" if text is None else text, np.frombuffer(offs, np.int32, len(arr) + 1,
                                                                               4 * arr.offset),
                                   present, f'{{"{name}":'.encode(), b"}\n")
        bounds = np.frombuffer(ends, np.int64)
    else:
        import pyarrow.compute as pc

        lines = pc.binary_join_element_wise(pa.scalar(f'{{"{name}":'), arr.drop_null(), pa.scalar("}\n"), "")
        offsets = np.frombuffer(lines.buffers()[1], np.int32)[lines.offset:lines.offset + len(lines) + 1]
        bounds = offsets.astype(np.int64) - int(offsets[0])
        data = lines.buffers()[2][int(offsets[0]):int(offsets[-1])].to_pybytes()
    blank, special = _cell_lines(data, bounds)
    if breaks and (_c_breaks(data) != (len(bounds) - 1, 0) if _c_breaks is not None
                   else data.count(b"\n") != len(bounds) - 1 or b"\r" in data):  # a line break in a cell
        raw = np.frombuffer(data, np.uint8)
        feeds = np.flatnonzero((raw == _LF) | (raw == _CR))
        special |= np.diff(np.searchsorted(feeds, bounds)) != 1
    # (the C parser reads such a line as a record of one field: any other field it holds shows below)
    table = _c_json_table(data, bounds, ~blank, special)
    if table is _UNPARSED:
        options = pj.ParseOptions(explicit_schema=pa.schema([field]), unexpected_field_behavior="infer")
        table = _json_table(data, bounds, ~blank, special, options)
    special |= blank
    rows = np.flatnonzero(~special)
    if table is not None and len(rows):
        # text that is not one JSON value ("[], \"other\": 1") shows as another field, or none of this one
        ok = _valid(table.column(name).combine_chunks())
        for other in table.column_names:
            if other != name:
                ok &= ~_valid(table.column(other).combine_chunks())
        special[rows[~ok]] = True
        index = np.full(len(arr), -1, np.int64)
        index[present[rows]] = np.arange(len(rows))
        index[present[special]] = -1
        values = _spread(table.column(name).combine_chunks(), index)
    else:
        special[:] = True
        values = pa.nulls(len(arr), field.type)
    python[present[special]] = True
    return values


def _cell_lines(data: bytes, bounds: npt.NDArray[np.int64]) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    """:func:`_json_special` of JSON lines that each start with ``{`` (a cell made a line), from the C
    scan where the lines it finds are those of ``bounds`` (no cell holds a line feed), else by numpy."""
    n = len(bounds) - 1
    if _c_lines is not None and n:
        ends, flags = np.empty(n, np.int64), np.empty(n, np.uint8)
        if _c_lines(data, 0, ends, flags, True, _MAX_OPEN) == n and np.array_equal(ends, bounds[1:]):
            return (flags & _BLANK).astype(np.bool_), (flags & _SPECIAL).astype(np.bool_)
    return _json_special(data, bounds)


def _spread(parsed: Any, index: npt.NDArray[np.int64]) -> Any:
    """``parsed.take(index)``, ``index < 0`` a null. A list column whose every row is taken, in
    order, is spread by its offsets alone (its values are not copied)."""
    import pyarrow as pa

    taken = index >= 0
    if pa.types.is_list(parsed.type) and not parsed.null_count and int(taken.sum()) == len(parsed) \
            and np.array_equal(index[taken], np.arange(len(parsed))):
        before: npt.NDArray[np.int64] = np.cumsum(taken, dtype=np.int64) - taken  # parsed rows before each row
        ends = parsed.offsets.to_numpy()
        offsets = np.append(ends[before], ends[len(parsed)]).astype(np.int32)
        # (made from its buffers: ListArray.from_arrays with a mask imports pyarrow.compute, ~0.07 CPU s a run)
        valid = np.packbits(taken, bitorder="little")
        return pa.Array.from_buffers(parsed.type, len(index), [pa.py_buffer(valid), pa.py_buffer(offsets)],
                                     null_count=int(len(index) - len(parsed)), children=[parsed.values])
    return parsed.take(pa.array(index, mask=~taken))


_c_parse: Callable[[Any, Any, Any], Any] | None
_c_csv_cells: Callable[[Any, Any, int], Any] | None
try:
    from ._jsonl import csv_cells as _c_csv_cells
    from ._jsonl import parse as _c_parse
except ImportError:  # installed without a C compiler: pyarrow's JSON and CSV readers parse the same lines
    _c_parse = _c_csv_cells = None

_c_lines: Callable[[Any, int, Any, Any, bool, int], int] | None
_c_csv_rows: Callable[[Any, int, bool], tuple[bytearray, int, int]] | None
_c_breaks: Callable[[Any], tuple[int, int]] | None
_c_wrap_cells: Callable[[Any, Any, Any, bytes, bytes], tuple[bytes, bytearray]] | None
try:
    from ._scan import breaks as _c_breaks
    from ._scan import csv_rows as _c_csv_rows
    from ._scan import lines as _c_lines
    from ._scan import wrap_cells as _c_wrap_cells
except ImportError:  # installed without a C compiler: numpy finds the same lines, Arrow makes the cells lines
    _c_lines = _c_csv_rows = _c_breaks = _c_wrap_cells = None

_ESCAPED = re.compile("[\udc80-\udcff]")
_HINT = "; a file saved by Excel in Chinese is often GB18030: try --encoding gb18030"
#: The hint of a line that is not UTF-8 in an input whose other text is (:attr:`Source.mixed`): reading it all as
#: GB18030 would turn that text silently into other Chinese.
_MIXED_HINT = "; the file's other text is UTF-8, so this line was likely pasted from a file saved in GB18030 (GBK, " \
    "as Excel saves on Chinese Windows): retype it, or save the whole file as UTF-8 (--encoding gb18030 would spoil " \
    "the UTF-8 lines)"
#: The hint of such a line where most of the input's lines are GB18030 and few UTF-8 (:func:`_utf8_line_numbers`).
_MOSTLY_GB_HINT = "; most of the file's lines are GB18030 (GBK, as Excel saves on Chinese Windows) and a few UTF-8: " \
    "--encoding gb18030 reads this line and rejects the UTF-8 ones alone, each named"


def _utf8_line_numbers(head: bytes) -> tuple[list[int], int]:
    """The numbers of the whole lines of ``head`` (an input's start) that hold text beyond ASCII and decode as UTF-8,
    and how many such lines do not."""
    out, foreign = [], 0
    for i, line in enumerate(head.split(b"\n")[:-1], 1):
        if not line.isascii():
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                foreign += 1
                continue
            out.append(i)
    return out, foreign


def _gb18030_hint(raw: bytes) -> str:
    """:data:`_HINT`, unless ``raw`` (a header's bytes) holds control bytes, which no text file's header has: then
    what else it may be (review23b R23b-7: random bytes were told to try GB18030, which reads them no better)."""
    for magic, kind in _MAGIC:
        if raw.startswith(magic):
            return f"; it is {kind} (it starts with the bytes {magic.hex(' ')}), not a CSV file: give the file of " \
                "problem records"
    if _CONTROL_BYTES.search(raw) is None:
        return _HINT
    return "; it holds control bytes, as no text does: is it a CSV file at all (not a workbook, an archive, a " \
        "binary file)?"


_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: Separators a Chinese input method types for a comma, which a CSV reader reads as text in a cell.
_WIDE_SEPARATORS = {"，": "full-width commas (，)", "、": "enumeration commas (、)", "；": "full-width semicolons (；)"}
#: The bytes a file that is no text starts with, and what it is (a header with bytes that are not text was told to
#: try --encoding gb18030: ux44, a picture renamed .csv).
_MAGIC = ((b"\x89PNG", "a PNG picture"), (b"\xff\xd8\xff", "a JPEG picture"), (b"GIF8", "a GIF picture"),
          (b"%PDF", "a PDF document"), (b"PK\x03\x04", "a zip archive (an Excel workbook, a Word document?)"),
          (b"\xd0\xcf\x11\xe0", "an old Office file (.xls, .doc)"), (b"\x1f\x8b", "compressed with gzip"))


# ------------------------------------------------------------------------------ writing


def _parquet_writer(file: IO[bytes], schema: Any) -> Any:
    """A Parquet writer: zstd, dictionaries only for the few-valued columns, no statistics."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    few = [f.name for f in schema if pa.types.is_dictionary(f.type)]
    return pq.ParquetWriter(file, schema, compression="zstd", compression_level=1, use_dictionary=few or False,
                            write_statistics=False)


class _Stdout:
    """Standard output as a binary file whose every write is checked (a closed stdout, a broken
    pipe, a full disk or a short write raise :class:`~responsibility.OutputError`)."""

    closed = False

    def __init__(self) -> None:
        stream = sys.stdout
        if stream is None or stream.closed:
            raise OutputError("standard output is closed; give -o FILE")
        self._fd: int | None = None
        self._stream: Any = getattr(stream, "buffer", stream)
        try:
            stream.flush()
            self._fd = stream.fileno()
            os.fstat(self._fd)
        except io.UnsupportedOperation:  # a stream without a descriptor (a test runner's capture)
            self._fd = None
        except (OSError, ValueError):
            raise OutputError("standard output is closed; give -o FILE") from None
        self._pos = 0

    def write(self, data: bytes | memoryview) -> int:
        try:
            if self._fd is not None:
                _write_all(self._fd, bytes(data))
            else:
                self._stream.write(bytes(data))
        except (OSError, ValueError) as exc:
            message = write_error("to standard output", exc, left="the output is incomplete") \
                if isinstance(exc, OSError) else f"cannot write to standard output: {exc}; the output is incomplete"
            raise output_error(message, exc) from None
        self._pos += len(data)
        return len(data)

    def tell(self) -> int:
        return self._pos

    def flush(self) -> None:
        if self._fd is None:
            self._stream.flush()

    def close(self) -> None:
        pass


class _Landed(Exception):
    """Said to a staged output's :func:`~responsibility._files.atomic_path` when :class:`Landing` has moved (or will
    remove) its temporary file: the context then removes what is left of it and replaces nothing."""


class Landing:
    """The output files of one run, replaced together: each is written to a temporary file beside its target
    (:meth:`stage`, :meth:`put`), and no target is replaced before every one is complete (:meth:`land`), so that
    a run interrupted (Ctrl-C, SIGTERM, SIGKILL), or one whose disk fills while the last output is made, leaves the
    previous run's outputs all as they were. ``assess --report`` renamed its findings and rejects into place and then
    built the report from them: a run stopped there left new findings beside the report of an earlier run
    (hostile60 N2).

    :meth:`land` makes every temporary durable (synced, its mode set) before it renames any, where a full disk
    shows, then renames them one after another with Ctrl-C and SIGTERM held until the last is in place. Only a
    rename refused after another one was done (a file system error, not a full disk) can part them; the targets of
    the earlier run not yet replaced are then removed, and the error says so. :meth:`abandon` (also on leaving a
    ``with`` block without landing) removes every temporary, replacing nothing."""

    def __init__(self) -> None:
        self._staged: list[tuple[str, Path, Path, Any]] = []  # (what TARGET, target as replaced, temporary, context)

    def __enter__(self) -> Landing:
        return self

    def __exit__(self, *exc: object) -> None:
        self.abandon()

    def stage(self, target: str, inputs: Sequence[str | None] = (), *, what: str = "output") -> Path:
        """A temporary path beside ``target`` (which is checked as every output is: never an input, never a
        directory), to write whole before :meth:`land`."""
        context = atomic_path(target, inputs, what=what)
        tmp = context.__enter__()
        path = Path(target)
        if not is_devnull(path) and path.is_symlink():  # (written through the link, as atomic_path writes it)
            path = Path(os.path.realpath(path))
        self._staged.append((f"{what} {target}", path, tmp, context))
        return tmp

    def put(self, target: str, data: bytes, inputs: Sequence[str | None] = (), *, what: str = "output") -> None:
        """Stage ``data`` as the content of ``target``."""
        tmp = self.stage(target, inputs, what=what)
        try:
            with open(tmp, "wb") as f:
                f.write(data)
        except OSError as exc:
            raise OutputError(write_error(f"{what} {target}", exc, left=self._unchanged())) from None

    def _unchanged(self) -> str:
        return "the previous file is unchanged" if len(self._staged) == 1 else \
            "no output was replaced: the previous ones are all unchanged"

    def land(self) -> None:
        """Replace every target with its temporary (see the class)."""
        staged = [s for s in self._staged if not is_devnull(s[2])]
        for name, path, tmp, _ in staged:
            try:
                made_durable(tmp, path)
            except OSError as exc:
                message = write_error(name, exc, left=self._unchanged())
                self.abandon()
                raise OutputError(message) from None
        with _signals_held():
            for k, (name, path, tmp, _) in enumerate(staged):
                try:
                    os.replace(tmp, path)
                except OSError as exc:
                    message = write_error(name, exc, left=self._parted(staged, k))
                    self.abandon()
                    raise OutputError(message) from None
            self.abandon()  # (each context ended: its temporary is in place, there is nothing left to remove)
            for parent in dict.fromkeys(path.parent for _, path, _, _ in staged):
                _sync_dir(parent if str(parent) else Path("."))

    def _parted(self, staged: list[tuple[str, Path, Path, Any]], k: int) -> str:
        """What is left when the ``k``-th rename failed: nothing replaced, or the outputs of the earlier run that
        would now sit beside this run's removed."""
        if k == 0:
            return self._unchanged()
        stale = []
        for name, path, _, _ in staged[k:]:
            if path.is_file():
                with contextlib.suppress(OSError):
                    path.unlink()
                    stale.append(name)
        done = " and ".join(name for name, _, _, _ in staged[:k])
        said = f"{done} {'were' if k > 1 else 'was'} replaced"
        if stale:
            said += f"; the earlier run's {' and '.join(stale)} {'were' if len(stale) > 1 else 'was'} removed, as " \
                f"{'they' if len(stale) > 1 else 'it'} would not match {'them' if k > 1 else 'it'}"
        return said

    def abandon(self) -> None:
        """Remove every temporary not landed (the targets stay as they were)."""
        staged, self._staged = self._staged, []
        for *_, context in reversed(staged):
            with contextlib.suppress(_Landed, OutputError, OSError):
                context.__exit__(_Landed, _Landed(), None)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C, SIGTERM and SIGHUP that arrive inside the block acted on once it ends (in the main thread; elsewhere,
    nothing is held)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    got: list[int] = []
    before: dict[int, Any] = {}
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is None or signal.getsignal(signum) in (signal.SIG_IGN, None):
            continue
        before[signum] = signal.signal(signum, lambda n, _frame: got.append(n))
    try:
        yield
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)
        if got:
            signal.raise_signal(got[0])


class Sink:
    """Writes tables of one kind (findings or rejects) to a file, atomically (a temporary file
    beside it replaces it when :meth:`close` is called with ``ok``; else it is removed and the
    previous file is unchanged), or to standard output, every write checked. It refuses a target
    that is a directory or one of ``inputs``. Text cells of CSV output that a spreadsheet would
    run as a formula are neutralised unless ``neutralise`` is false. Given a ``landing``, the file is staged there
    instead: :meth:`close` finishes it, and :meth:`Landing.land` replaces the previous file with it, together with
    the run's other outputs (:attr:`written` is where it is until then)."""

    def __init__(self, path: str | None, fmt: str, kind: str, dicts: Any = None, *,
                 inputs: Sequence[str | None] = (), neutralise: bool = True, landing: Landing | None = None) -> None:
        self.path, self.fmt, self.kind, self.dicts = path, fmt, kind, dicts
        self.neutralise = neutralise and fmt == "csv"
        self.columns = FINDING_COLUMNS if kind == "findings" else REJECT_COLUMNS
        self._writer: Any = None
        self._count = 0
        self._stack = contextlib.ExitStack()
        #: the file written (a temporary beside ``path`` until it replaces it; ``None``: standard output)
        self.written: str | None = None
        if fmt == "parquet":
            _needs_pyarrow("writing Parquet")
        if path is None:
            self._file: Any = _Stdout()
        else:
            what = "findings file" if kind == "findings" else "rejects file"
            tmp = landing.stage(path, inputs, what=what) if landing is not None else \
                self._stack.enter_context(atomic_path(path, inputs, what=what))
            self.written = str(tmp)
            try:
                self._file = self._stack.enter_context(open(tmp, "wb"))  # noqa: SIM115
            except OSError as exc:
                self._stack.close()
                raise OutputError(write_error(str(path), exc)) from None
        self._csv_header = False
        if fmt == "csv" and path is not None:  # Excel reads a CSV file as UTF-8 only after a BOM (ledger's CSV too)
            self._put(codecs.BOM_UTF8)
        if fmt == "json":
            self._put(b"[")
        # One chunk waiting beside the one being written: each holds its rows (~70 MB at 65,536 records, the
        # reasons most of it), and a second waiting one only grew the memory (peak RSS at 1M records, one
        # process: ~505 -> ~445 MB, ~15% fewer page faults), the writer keeping pace with the assessing.
        self._behind = Behind(depth=1)
        self._reasons = np.empty(0, np.uint8)  # (Sink._scratch)

    def _put(self, data: bytes) -> None:
        try:
            self._file.write(data)
        except OSError as exc:
            raise self._failed(exc) from None

    def _failed(self, exc: OSError) -> OutputError:
        """The error for a write of this output that failed with ``exc``: the file named as what it is, and what
        was left (a JSON lines file's said "cannot write out.jsonl: no space …" where the others said "findings
        file out.csv … the previous file is unchanged"; hostile41)."""
        if self.path is None:
            return output_error(write_error("to standard output", exc), exc)
        what = "findings file" if self.kind == "findings" else "rejects file"
        return output_error(write_error(f"{what} {self.path}", exc, left="the previous file is unchanged"), exc)

    def schema(self) -> Any:
        return finding_schema() if self.kind == "findings" else reject_schema()

    def write_findings(self, rows: Columns | Any, done: Callable[[], object] | None = None, *,
                       inline: bool = False) -> None:
        """Write finding rows (:class:`Columns` or an Arrow table) in a background thread; call
        ``done`` once they are written. ``inline``: write them now, in this thread, once those
        before them are written (:class:`~._parallel.Overlap`)."""

        def job() -> None:
            if isinstance(rows, Columns):
                try:
                    import pyarrow  # noqa: F401
                except ImportError:
                    self._write_rows(to_python(rows, self.dicts))
                else:
                    # (each piece written, Parquet's pages or CSV's text made of it, before the next: its
                    # reasons' memory is then free for the next piece's, which fresh pages would cost more)
                    for piece in arrow_pieces(rows, self.dicts, self._scratch):
                        self._write_table(piece)
                        del piece
            else:
                self._write_table(rows)
            if done is not None:
                done()

        if inline:
            self._behind.drain()
            job()
        else:
            self._behind.submit(job)

    def _scratch(self, size: int) -> npt.NDArray[np.uint8]:
        """Memory of at least ``size`` bytes for a piece's reasons (the same from piece to piece, a quarter more
        than asked when it grows: pieces differ in size)."""
        if len(self._reasons) < size:
            self._reasons = np.empty(max(size, len(self._reasons)) * 5 // 4, np.uint8)
        return self._reasons

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

        plain = pa.Table.from_arrays([_safe(c, self.neutralise) for c in table.columns], names=table.column_names)
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
            w.writerows(neutralise_row(row, enabled=self.neutralise)
                        for row in zip(*(rows[c] for c in self.columns), strict=True))
            self._put(text.getvalue().encode())
            return
        out = []
        for i in range(n):
            record = {c: rows[c][i] for c in self.columns}
            out.append(json.dumps(record, ensure_ascii=False))
        if self.fmt == "json":
            sep = b"," if self._count else b""
            if out:
                self._put(sep + b"\n" + ",\n".join(out).encode())
        elif out:
            self._put(("\n".join(out) + "\n").encode())
        self._count += n

    def close(self, ok: bool) -> None:
        """Finish the file; keep it only if ``ok`` (else the previous file stays as it was). A staged file (see the
        class) is finished and closed here, and replaces the previous one, or is removed, with its landing."""
        try:
            try:
                self._behind.close()
                if ok:
                    if self._writer is None and self.fmt == "parquet":
                        self._writer = _parquet_writer(self._file, self.schema())
                    if self._writer is not None:
                        self._writer.close()
                    if self.fmt == "csv" and not self._csv_header and self._writer is None:
                        self._put((",".join(self.columns) + "\n").encode())
                    if self.fmt == "json":
                        self._put(b"\n]\n")
                    self._file.flush()
            except OSError as exc:
                ok = False
                raise self._failed(exc) from None
            except BaseException:
                ok = False
                raise
        finally:
            if ok:
                try:
                    self._stack.close()
                except OSError as exc:  # (a staged file's own close; atomic_path says its own)
                    raise self._failed(exc) from None
            else:
                self._stack.__exit__(OutputError, OutputError("not kept"), None)


def arrow_pieces(rows: Columns, dicts: Any,
                 into: Callable[[int], npt.NDArray[np.uint8]] | None = None) -> Iterator[Any]:
    """Finding rows as Arrow tables, cut as :func:`~._workers.pieces` cuts them; reasons not made yet
    (:class:`~._emit.Lazy`) are made a piece at a time, as it is wanted (in ``into``, if given: memory a
    piece's reasons may use until the next piece is asked for)."""
    import pyarrow as pa

    lazy = rows.reasons
    if not isinstance(lazy, Lazy):
        yield from pieces(to_arrow(rows, dicts))
        return
    table = to_arrow(rows, dicts, reason=False)
    n = table.num_rows
    schema = finding_schema()
    for lo, hi in cuts(n, sum(c.nbytes for c in table.columns) + lazy.nbytes) or [(0, 0)]:
        part = table.slice(lo, hi - lo)
        yield pa.Table.from_arrays([*part.columns, lazy.array(lo, hi, into)], schema=schema)


def _safe(column: Any, neutralise: bool) -> Any:
    """A column as plain values for CSV, text that starts like a formula neutralised (see
    :func:`responsibility._files.neutralise`): in a dictionary column only its few values."""
    import pyarrow as pa
    import pyarrow.compute as pc

    def fix(arr: Any) -> Any:
        if not neutralise or not (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type)):
            return arr
        risky = pc.match_substring_regex(arr, _FORMULA)
        if not pc.any(risky).as_py():
            return arr
        return pc.if_else(risky, pc.binary_join_element_wise("'", arr, ""), arr)

    chunks = []
    for chunk in column.chunks:
        if pa.types.is_dictionary(chunk.type):
            chunk = pa.DictionaryArray.from_arrays(chunk.indices, fix(chunk.dictionary)).cast(chunk.type.value_type)
        chunks.append(fix(chunk))
    return pa.chunked_array(chunks, type=chunks[0].type if chunks else None) if chunks else column


_FORMULA = "^[" + "".join(re.escape(c) for c in FORMULA_PREFIXES) + "]"
