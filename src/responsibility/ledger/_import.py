"""Importing an existing ledger from Excel or CSV with Chinese headers.

A YAML column mapping (``mapping.yaml`` beside this module is the default) says which header
holds which field. Each row is one problem and becomes its events: registered, discovered,
reported, assigned, rectified, verified, closed, as its cells allow. A row that cannot be read
(a missing or bad cell, an unknown name, dates out of order, a problem already in the ledger) is
rejected with its row number, the header of the offending column and the reason; every other row
is imported; a row of empty cells is skipped and counted. ``rows == imported + blank + rejected`` always. The
whole import is one transaction.

CSV: UTF-8 (with or without BOM) by default, GBK/GB18030 with ``encoding``; without one, a file
that is not UTF-8 is read as GB18030 (a superset of GBK) and the result says so.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import datetime as dt
import io
import itertools
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from .._errors import ProblemError
from .._files import FORMULA_PREFIXES
from ..batch._io import HeldLines, never_closed, swallowed, swallowed_on_its_line
from ..engine._problem import _show
from ..policy._encoding import bom_encoding, detect_encoding, past_start, sample, utf8_line
from ._events import LEDGER_NAME, RECORD_NAME, Event, _clean, shown, strip_spaces
from ._store import LedgerError
from ._xlsx import Unreadable

#: Ledger fields a row may fill, in the order their events happen.
FIELDS = ("problem", "domain", "kind", "sector", "place", "severity", "description", "registered_on", "discovered_on",
          "discovered_level", "channel", "discovered_by", "reported_on", "reported_to_level", "assigned_on",
          "assigned_by_level", "assignee_level", "assignee", "deadline", "rectified_on", "verified_on",
          "closed_on")
REQUIRED = ("problem", "domain", "place")


#: The fields whose cells name an id of a vocabulary, and that vocabulary; a mapping's ``values``
#: gives local names for a vocabulary (all its fields) or for one field.
VOCABULARY_OF = {"domain": "domain", "kind": "kind", "channel": "channel", "severity": "severity", "level": "level",
                 "body": "body", "sector": "sector", "discovered_level": "level", "reported_to_level": "level",
                 "assigned_by_level": "level", "assignee_level": "level", "discovered_by": "body",
                 "assignee": "body"}
VALUE_FIELDS = tuple(VOCABULARY_OF)

#: The ledger's vocabularies a problem record also spells freely (engine/_problem.ValueNames).
_SPELLINGS = {"domain": "area", "channel": "channel", "severity": "severity", "level": "level"}
#: The reason code of a cell that names nothing of its vocabulary (an unknown severity is a bad value, as in a record).
_UNKNOWN = {"domain": "unknown_area", "kind": "unknown_kind", "channel": "unknown_channel", "level": "unknown_level",
            "body": "unknown_body"}


@dataclass(frozen=True)

class Mapping_:
    """A column mapping: field -> candidate headers, extra cell names, the sheet."""

    columns: dict[str, list[str]]
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    sheet: str | None = None


#: What to do with a column mapping not in the mapping's form.
_MAPPING_FORM = "write it in the shipped mapping's form: copy src/responsibility/ledger/mapping.yaml and change its " \
    "headers (docs/ledger.md)"


@cache
def default_mapping_path() -> Path:
    """The shipped default mapping."""
    return Path(__file__).with_name("mapping.yaml")


def load_mapping(path: str | Path | None = None) -> Mapping_:
    """Read a mapping file (default: the shipped one); :class:`LedgerError` names what is wrong."""
    from .._errors import RulesError
    from ..policy._yaml import read_yaml

    p = Path(path) if path is not None else default_mapping_path()
    try:  # bounded: a regular file, no alias bomb, no deep nesting (see policy._yaml)
        data, pos = read_yaml(p)
    except RulesError as exc:
        # what to do after the last "; ", where the service finds it: its "suggestion" was null (check52b)
        issue = exc.issues[0]
        said = str(dataclasses.replace(issue, hint=""))
        raise LedgerError(f"cannot read the column mapping: {said}; {issue.hint or 'fix the YAML'}") from None

    def fail(where: tuple[Any, ...], message: str) -> LedgerError:
        line, column = pos.at(where)
        if "; " in message:  # (a did-you-mean of its own: the suggestion)
            return LedgerError(f"{p}:{line}:{column}: {message} (see the shipped mapping.yaml for the form)")
        return LedgerError(f"{p}:{line}:{column}: {message}; {_MAPPING_FORM}")

    if not isinstance(data, dict) or not isinstance(data.get("columns"), dict):
        raise fail((), "a column mapping has 'columns: {field: [header, …]}'")
    for k in data:
        if k not in ("columns", "values", "sheet"):
            raise fail((k,), f"unknown key {k!r}; a mapping has columns, values and sheet")
    cols: dict[str, list[str]] = {}
    for part in ("columns", "values"):  # area, as a record names it; domain, the ledger's former name of it
        given = data.get(part)
        if isinstance(given, dict) and "area" in given and "domain" in given:
            raise fail((part, "domain"), f"{part}.domain: give 'area' only ('domain' is its former name)")
    shown = [RECORD_NAME.get(f, f) for f in FIELDS]
    for given_k, v in data["columns"].items():
        k = LEDGER_NAME.get(given_k, given_k)
        if k not in FIELDS:
            from difflib import get_close_matches

            close = get_close_matches(str(k), shown, n=1)
            raise fail(("columns", given_k), f"columns.{k}: unknown ledger field" +
                       (f"; did you mean {close[0]!r}?" if close else f"; use one of {', '.join(shown)}"))
        headers = v if isinstance(v, list) else [v]
        if not headers or not all(isinstance(h, str | int) and not isinstance(h, bool) and str(h).strip()
                                  for h in headers):
            raise fail(("columns", given_k), f"columns.{given_k}: give the column header(s) as text or a list of texts")
        cols[k] = [str(x) for x in headers]
    values: dict[str, dict[str, str]] = {}
    raw_values = data.get("values") or {}
    if not isinstance(raw_values, dict):
        raise fail(("values",), "values: give {field: {name in the file: id}}")
    for given_k, v in raw_values.items():
        k = LEDGER_NAME.get(given_k, given_k)
        if k not in VALUE_FIELDS:  # a misspelt field: its names would be ignored, every row then rejected
            from difflib import get_close_matches

            named = [RECORD_NAME.get(f, f) for f in VALUE_FIELDS]
            close = get_close_matches(str(k), named, n=1)
            raise fail(("values", given_k), f"values.{k}: not a field with names" +
                       (f"; did you mean {close[0]!r}?" if close else f"; use one of {', '.join(named)}"))
        if v is not None and not isinstance(v, dict):
            raise fail(("values", given_k), f"values.{given_k}: give {{name in the file: id}}")
        values[str(k)] = {str(a): str(b) for a, b in (v or {}).items()}
    sheet = data.get("sheet")
    if sheet is not None and not isinstance(sheet, str | int):
        raise fail(("sheet",), "sheet: give the sheet's name")
    return Mapping_(cols, values, None if sheet is None else str(sheet))


@dataclass
class ImportResult:
    """What an import did: rows read, problems imported, blank rows skipped, rows rejected (with reasons), events
    stored. ``rows`` counts every row below the header up to the last one filled; a row of empty cells between
    them is no problem, and is counted in ``blank`` (never dropped in silence)."""

    source: str
    rows: int = 0
    imported: int = 0
    rejected: int = 0
    blank: int = 0
    events: int = 0
    rejects: list[dict[str, Any]] = field(default_factory=list)
    encoding: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def balanced(self) -> bool:
        """``rows == imported + blank + rejected``."""
        return self.rows == self.imported + self.blank + self.rejected

    def summary_zh(self) -> str:
        """:meth:`summary` in Chinese, as ``assess`` counts (行数 = 已导入 + 拒收，核对一致)."""
        blank = f" + 空行 {self.blank:,}" if self.blank else ""
        return (f"{self.source}：共 {self.rows:,} 行 = 已导入 {self.imported:,}{blank} + 拒收 {self.rejected:,}"
                f"（{'核对一致' if self.balanced else '核对不一致'}），存入事件 {self.events:,} 条")

    def summary(self, *, source: bool = True) -> str:
        """One line: the counts and whether they balance (after the file's name, unless ``source`` is false)."""
        blank = f" + blank {self.blank:,}" if self.blank else ""
        return (f"{f'{self.source}: ' if source else ''}rows {self.rows:,} = imported {self.imported:,}{blank} + "
                f"rejected {self.rejected:,} "
                f"({'balanced' if self.balanced else 'NOT BALANCED'}); events stored {self.events:,}")


def read_table(path: str | Path, *, encoding: str | None = None, sheet: str | None = None,
               result: ImportResult | None = None,
               mapping: Mapping_ | None = None) -> tuple[list[str], Iterable[tuple[int, list[Any]]]]:
    """Headers and numbered rows of an .xlsx or .csv file.

    With a ``mapping``, the header is the first of the first :data:`HEADER_ROWS` rows that
    names every required field (rows above it, a title, are skipped, and ``result.notes`` says
    so); in a workbook without ``sheet``, the first sheet that has such a header."""
    p = Path(path)
    if not p.is_file():
        raise LedgerError(f"{p}: no such file" if not p.exists() else f"{p}: not a regular file (a directory, "
                          "pipe or device); give the ledger's .xlsx or .csv file")
    notes = result.notes if result is not None else []
    if p.suffix.lower() in (".xlsx", ".xlsm"):
        if encoding:  # said, not dropped in silence, as a sheet given for a CSV is (input38 item 1)
            from .._files import is_text_encoding

            if not is_text_encoding(encoding):
                raise LedgerError(f"unknown encoding {encoding!r}; use utf-8, gbk or gb18030 (and only for a CSV "
                                  "file: a workbook's cells are text already)")
            notes.append(f"{p.name} is a workbook, whose cells are text already: the encoding {encoding!r} is not "
                         "used (an encoding is a CSV file's)")
        return _workbook_table(p, sheet, mapping, notes, result)
    if p.suffix.lower() in (".yaml", ".yml", ".json", ".jsonl", ".ndjson", ".parquet", ".xls"):
        # read as CSV its first line was "the header", and the missing columns were named against it
        suffix = p.suffix.lower()
        with p.open("rb") as f:
            zipped = f.read(4) == b"PK\x03\x04"
        what = ("a workbook of today's Excel: name it .xlsx" if zipped else
                "an old Excel workbook (.xls): save it as .xlsx (Excel: Save As, Excel Workbook)") if suffix == ".xls" \
            else "Parquet" if suffix == ".parquet" else \
            "YAML or JSON: events by hand go in with `responsibility ledger add LEDGER FILE --by WHO`"
        raise LedgerError(f"{p} is {what}; import reads a ledger's table, an .xlsx or .csv file")
    if p.stat().st_size > MAX_CSV:
        raise LedgerError(f"{p}: larger than {MAX_CSV // 2**20} MiB, more than a ledger's CSV holds; split it into "
                          "several files (each is one import)")
    if sheet is not None:  # (a mapping made for the workbook may name one: said, not refused; review20b B20-11)
        notes.append(f"{p.name} is a CSV file, which has no sheets: the sheet {sheet!r} is not used")
    raw = p.read_bytes()
    probe = sample(raw)
    # assess's detector: one answer
    if not encoding and (detected := detect_encoding(probe, midstream=past_start(raw, probe))) is not None:
        encoding = detected[0]
        told = "(its byte order mark says so)" if bom_encoding(raw) else "without a byte order mark (its NULs say so)"
        notes.append(f"{p.name} is not UTF-8; read as GB18030 (GBK)" if encoding == "gb18030" else
                     f"{p.name} is {encoding.upper()} text {told}")
    if encoding:
        try:
            text = raw.decode(encoding)
        except LookupError:
            raise LedgerError(f"unknown encoding {encoding!r}; use utf-8, gbk or gb18030") from None
        except UnicodeDecodeError as exc:
            line = raw.count(b"\n", 0, exc.start) + 1
            mostly = _mostly(raw, encoding)
            if mostly is None:
                raise LedgerError(f"{p}: not {encoding} at byte {exc.start:,} (line {line}); try --encoding gb18030 "
                                  "or utf-8") from None
            text = mostly
    elif raw.startswith((b"SQLite format 3\x00", b"PK\x03\x04")):
        what = "an SQLite database" if raw.startswith(b"SQLite") else "a workbook: name it .xlsx"
        raise LedgerError(f"{p}: {what}; import reads a ledger's .xlsx or .csv file")
    else:
        try:
            text, encoding = raw.decode("utf-8-sig"), "utf-8"
        except UnicodeDecodeError as exc:
            from ..policy._yaml import binary_kind

            # no text at all: its encoding is not the question (newcomer37 F)
            if (kind := binary_kind(raw)) is not None:
                what = {"gzip": f"unpack it first (gunzip -k {p})",
                        "zip": "a workbook is read when its name ends .xlsx"}.get(
                    kind.id, "import reads a ledger's .xlsx or .csv file")
                raise LedgerError(f"{p}: not text: {kind.what}; {what}") from None
            try:  # text that GB18030 reads whole, though not plainly Chinese at its start: as import always read it
                text, encoding = raw.decode("gb18030"), "gb18030"
                notes.append(f"{p.name} is not UTF-8; read as GB18030 (GBK)")
            except UnicodeDecodeError:
                line = raw.count(b"\n", 0, exc.start) + 1
                # the reading that spoils fewer lines (a GBK ledger with one stray byte is not UTF-8 with all its
                # Chinese rows spoilt); its spoilt rows are rejects
                read = [(t.count("\n") and len(_UNDECODED_LINE.findall(t)), e, t)
                        for e in ("utf-8", "gb18030") if (t := _mostly(raw, e)) is not None]
                if not read:
                    raise LedgerError(f"{p}: not UTF-8 text (at byte {exc.start:,}, line {line}), nor GB18030 or "
                                      "UTF-16; give its --encoding; import reads a ledger's .xlsx or .csv file"
                                      ) from None
                # The file mixes encodings (a GB18030 line pasted into a UTF-8 ledger, or the other way): the header
                # says which it is written in, so that it reads as typed and the other lines are the rejects (session
                # 25's note item 11: a UTF-8 header read as GB18030 refused the file with its headers as mojibake)
                said = _header_encoding(raw)
                by_header = [r for r in read if r[1] == said]
                _, encoding, text = by_header[0] if by_header else min(read, key=lambda r: r[0])
                other = _ENCODINGS["gb18030" if encoding == "utf-8" else "utf-8"]
                notes.append(f"{p.name} mixes encodings: read as {_ENCODINGS[str(encoding)]}"
                             + (", as its header is written" if by_header else ", which spoils fewer lines")
                             + f"; the lines that are not (pasted from a file saved as {other}?) are rejected")
    if result is not None:
        result.encoding = encoding
    text = text.lstrip("\ufeff")
    first_line = text.split("\n", 1)[0]
    # Excel saves "Unicode text" with tabs between cells, and CSV with semicolons where a comma is the decimal
    # mark: a header with tabs (or semicolons) and no comma is such a file (review23b R23b-7: it was refused with
    # the header shown as one cell, 问题编号;领域;…)
    delimiter = next((c for c in "\t;" if c in first_line), ",") if "," not in first_line else ","
    if delimiter != ",":
        notes.append(f"{p.name}: cells separated by " + ("tabs (Excel's Unicode text)" if delimiter == "\t" else
                                                           "semicolons"))
    held = HeldLines(io.StringIO(text, newline=""))
    reader = csv.reader(held, delimiter=delimiter)
    names: list[str] = []  # the header, once found: a reject names the cell by it

    try:  # (an encoding read in, by its codec's name: cp936 is GBK)
        gb = codecs.lookup(str(encoding)).name in ("gb18030", "gbk", "gb2312")
    except LookupError:
        gb = False

    def body() -> Iterator[tuple[int, list[Any]]]:
        line = 0
        for n in itertools.count(1):
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                text = held.text()
                if names and "field limit" in str(exc) and reader.line_num == line + 1 and text.count('"') % 2 == 0:
                    # one row (past the header) on one line with a cell over the csv module's limit: that row is
                    # a reject, and the reader goes on at the next line (a quote left open refuses the file)
                    line = reader.line_num
                    held.lines.clear()
                    cells = [c[:200] for c in text.rstrip("\r\n").split(delimiter)]
                    yield n, BrokenRow(cells, f"line {line}: a cell longer than {csv.field_size_limit() // 1024} "
                                       "KiB (a pasted document or picture?); shorten it")
                    continue
                why = never_closed(text, line + 1, reader.line_num)
                raise _not_csv(p, reader.line_num, exc, why) from None
            first, line = line + 1, reader.line_num
            if names and any(_UNDECODED.search(c) for c in row):  # a stray byte spoils its row, not the file
                cells = [_UNDECODED.sub("\ufffd", c) for c in row]
                yield n, BrokenRow(cells, f"line {line}: {_misread(row, str(encoding))}", "bad_encoding")
                held.lines.clear()
                continue
            if names and gb and \
                    utf8_line(typed := ",".join(row).encode(str(encoding), errors="surrogateescape")):
                # a row of UTF-8 text in a file read as GB18030 reads as other Chinese ("甲一" as "鐢蹭竴"), stored for
                # good in the append-only ledger, silently (hostile43)
                shown = typed.decode("utf-8", "replace")[:40]
                yield n, BrokenRow(row, f"line {line}: not {_ENCODINGS['gb18030']} text, as the file is read, but "
                                   f"UTF-8 (a line pasted from a file saved so: {shown!r}); retype the row, or save "
                                   f"the whole file in one encoding", "bad_encoding")
                held.lines.clear()
                continue
            if held.ended and (why := never_closed(held.text(), first, line)):  # the rest of the file as one cell
                yield n, BrokenRow(row, why)
                continue
            held.lines.clear()
            if line > first and (why := swallowed(row, first, names, delimiter)) is not None:
                yield n, BrokenRow(row, why)  # rows read into one cell by a stray quote: never silently
            elif line == first and (why := swallowed_on_its_line(row, first, delimiter)) is not None:
                yield n, BrokenRow(row, why)  # (a row read into its first cell, as `assess` says it)
            elif any(c.strip() for c in row):
                yield n, row

    rows = body()
    found = _header(rows, mapping)
    if found is None:
        raise LedgerError(f"{p}: the file is empty")
    n, header, rest = found
    names[:] = header
    if n > 1:
        notes.append(f"{p.name}: the headers are on row {n}; the row(s) above them (a title) were not read")
    return header, _counting_blanks(rest, n, result)


#: A byte the text's encoding could not read, as ``surrogateescape`` keeps it (U+DC80–U+DCFF).
_UNDECODED = re.compile("[\udc80-\udcff]")
_UNDECODED_LINE = re.compile("^.*[\udc80-\udcff].*$", re.M)


#: The encodings a Chinese ledger's CSV is read in, by the names a message gives them.
_ENCODINGS = {"utf-8": "UTF-8", "gb18030": "GB18030 (GBK)"}


def _header_encoding(raw: bytes) -> str | None:
    """The encoding (``utf-8`` or ``gb18030``) the first line of ``raw`` with other than ASCII in it (the header, or
    a title above it) reads whole in, ``None`` where it reads in neither (or no such line is among the first
    :data:`HEADER_ROWS`). Chinese text in GB18030 is hardly ever valid UTF-8, so UTF-8 is asked first."""
    for line in raw.split(b"\n", HEADER_ROWS)[:HEADER_ROWS]:
        if line.isascii():
            continue
        for encoding in ("utf-8", "gb18030"):
            try:
                line.decode(encoding)
            except UnicodeDecodeError:
                continue
            return encoding
        return None
    return None


def _misread(row: list[str], encoding: str) -> str:
    """What is wrong with ``row``, whose cells hold bytes ``encoding`` could not read (kept as lone surrogates), and
    what to do: where the row reads whole in the other encoding of a Chinese ledger, that it is a line saved so."""
    shown = _ENCODINGS.get(encoding, encoding)
    other = next((e for e in _ENCODINGS if e != encoding), None) if encoding in _ENCODINGS else None
    if other is not None:
        try:
            text = ",".join(row).encode(encoding, errors="surrogateescape").decode(other)
        except UnicodeError:
            text = None
        if text is not None:
            return (f"not {shown} text, as the file is read, but {_ENCODINGS[other]} (a line pasted from a file "
                    f"saved so: {text[:40]!r}); retype the row, or save the whole file as {shown}")
    return (f"bytes that are not {encoding} text (a stray byte, or a line pasted from a file saved otherwise); "
            "retype the row")


def _mostly(raw: bytes, encoding: str) -> str | None:
    """``raw`` read as ``encoding`` with each byte it cannot read kept as a lone surrogate (its row is then
    a reject, review24b R24b-7: one stray byte refused the whole import), when the encoding writes ASCII's
    bytes as ASCII (so a bad byte cannot take a line end or a comma with it) and the header line reads
    whole; else ``None`` (the file is refused, as before)."""
    import codecs

    try:
        if "\n,".encode(encoding) != b"\n," or codecs.lookup(encoding).name.startswith(("utf-16", "utf-32")):
            return None
        text = raw.decode(encoding, errors="surrogateescape")
    except (LookupError, UnicodeError):
        return None
    return None if _UNDECODED.search(text.split("\n", 1)[0]) else text


#: How many rows at the top of a sheet may come before its header (a title, a date, a unit).
HEADER_ROWS = 20


def _names(cells: list[Any]) -> list[str]:
    return [str(c).strip() if c is not None else "" for c in cells]


def _holds_required(header: list[str], mapping: Mapping_) -> bool:
    return all(any(h in header for h in mapping.columns.get(f, ())) for f in REQUIRED)


def _header(rows: Iterator[tuple[int, list[Any]]], mapping: Mapping_ | None
            ) -> tuple[int, list[str], Iterator[tuple[int, list[Any]]]] | None:
    """The header row of ``rows`` (row number, names) and the rows after it; the first row when
    none of the first :data:`HEADER_ROWS` names the required fields (the mapping's error then
    lists its names); ``None`` when there is no row."""
    seen: list[tuple[int, list[Any]]] = []
    for n, cells in rows:
        seen.append((n, cells))
        if mapping is None or _holds_required(_names(cells), mapping):
            return n, _names(cells), rows
        if len(seen) >= HEADER_ROWS:
            break
    if not seen:
        return None
    return seen[0][0], _names(seen[0][1]), itertools.chain(seen[1:], rows)


#: The sheets ``ledger export`` writes first (问题清单、责任清单、整改清单): a workbook with all three is one.
_EXPORTED = frozenset({"问题清单", "责任清单", "整改清单"})


def _workbook_table(p: Path, sheet: str | None, mapping: Mapping_ | None, notes: list[str],
                    result: ImportResult | None = None) -> tuple[list[str], Iterable[tuple[int, list[Any]]]]:
    from ._xlsx import Book

    book = Book(p)
    if sheet is not None and sheet not in book.names:
        book.close()
        names = ", ".join(repr(n) for n in book.names[:30]) + ("…" if len(book.names) > 30 else "")
        raise LedgerError(f"{p}: no sheet {sheet!r}; name one of its sheets: {names}")
    if not book.names:
        book.close()
        raise LedgerError(f"{p}: the workbook has no sheet")
    # the first sheet Excel shows (a hidden one is an old copy or a lookup table), then the rest
    order = [n for n in book.names if n not in book.hidden] + [n for n in book.names if n in book.hidden]
    first = sheet if sheet is not None else order[0]
    found = _header(book.rows(first), mapping)
    if sheet is None and mapping is not None and (found is None or not _holds_required(found[1], mapping)):
        # the first sheet is no ledger (a cover sheet, instructions): the one sheet that is
        others = [(name, got) for name in order[1:]
                  if (got := _header(book.rows(name), mapping)) is not None and _holds_required(got[1], mapping)]
        if len(others) == 1:
            hidden = " (a hidden sheet)" if others[0][0] in book.hidden else ""
            notes.append(f"{p.name}: read the sheet {others[0][0]!r}{hidden}, the one with the ledger's columns "
                         f"(the first sheet, {first!r}, has none of them)")
            first, found = others[0][0], others[0][1]
        elif len(others) > 1:
            book.close()
            raise LedgerError(f"{p}: the first sheet {first!r} has no ledger columns, and several other "
                              f"sheets do ({', '.join(repr(name) for name, _ in others)}); choose one with --sheet")
    if found is None:
        book.close()
        raise LedgerError(f"{p}: the sheet {first!r} is empty")
    n, header, rest = found
    if n > 1:
        notes.append(f"{p.name}: the headers of sheet {first!r} are on row {n}; the row(s) above them (a title) "
                     "were not read")
    if set(book.names) >= _EXPORTED:
        # a ledger's own export, imported to copy the ledger: exit 0, each problem imported, and every assignment,
        # report and deadline gone without a word past the note of unmatched columns (ux45)
        notes.append(f"{p.name} is a workbook `ledger export` wrote: a report, not a copy of a ledger — its lists "
                     "carry no history (assignments, reports, their deadlines, concealments), so only the problems and "
                     "their discovery are imported, and the verdicts of this ledger will differ from the one it came "
                     "from; a ledger is copied as its database file (docs/ledger.md, \"Excel as offices use it\")")

    def body() -> Iterator[tuple[int, list[Any]]]:
        try:
            yield from _counting_blanks(rest, n, result)
            notes.extend(book.notes.get(first, ()))
        finally:
            book.close()

    return header, _Closing(body(), book.close)


def _counting_blanks(rows: Iterable[tuple[int, list[Any]]], header: int, result: ImportResult | None
                     ) -> Iterator[tuple[int, list[Any]]]:
    """``rows`` (numbered as the file numbers them, blank ones left out), with each blank row between the header
    (row ``header``) and a filled row counted in ``result`` (``rows`` and ``blank``): said, never dropped in silence
    (review21b). Blank rows after the last filled one are the sheet's end, not rows."""
    last = header
    for n, row in rows:
        if result is not None and n > last + 1:
            result.rows += n - last - 1
            result.blank += n - last - 1
        last = n
        yield n, row


class _Closing(Iterator[tuple[int, list[Any]]]):
    """Rows that hold a file open: ``close()`` closes it even before the first row is read (a
    generator never started runs no ``finally``: an import refused before its rows -- a missing
    column, a busy ledger -- left the workbook open)."""

    def __init__(self, rows: Iterator[tuple[int, list[Any]]], close: Any) -> None:
        self._rows, self._close = rows, close

    def __next__(self) -> tuple[int, list[Any]]:
        return next(self._rows)

    def close(self) -> None:
        """Stop reading; close the file."""
        getattr(self._rows, "close", lambda: None)()
        self._close()


#: The largest CSV file an import reads (it is read whole, in one transaction).
MAX_CSV = 512 * 2**20


def _not_csv(p: Path, line: int, exc: Exception, why: str | None = None) -> LedgerError:
    if why:
        return LedgerError(f"{p}:{line}: not valid CSV ({exc}): {why}. Nothing was imported")
    return LedgerError(f"{p}:{line}: not valid CSV ({exc}); a quote left open, or a cell of more than 128 KiB? "
                       "Nothing was imported")


class BrokenRow(list[Any]):
    """A row read but not usable as it is (a quote never closed took the rest of the file): its
    reject says ``why``."""

    def __init__(self, cells: list[Any], why: str, code: str = "bad_row") -> None:
        super().__init__(cells)
        self.why, self.code = why, code


#: The most column names a note lists one by one.
_LISTED = 30


def unmatched(reader: RowReader) -> str | None:
    """A note for a file with columns no field takes while fields have none (its rows would be
    rejected for a field that only has another header, e.g. 来源 for the channel), or ``None``."""
    if not reader.unused or not reader.absent:
        return None
    fields = "; ".join(f"{f} ({', '.join(hs)})" if hs else f for f, hs in reader.absent.items())
    unused = [str(u)[:60] for u in reader.unused[:_LISTED]]  # (100,000 columns were a 789 KB line: hostile28)
    more = len(reader.unused) - len(unused)
    listed = ", ".join(unused) + (f" and {more:,} more" if more > 0 else "")
    return (f"columns no field of the mapping takes (not read): {listed}; fields no column "
            f"header matched: {fields}. If a column holds one of these fields, add its header to that field in a "
            "copy of the mapping and give it with --mapping (docs/ledger.md, \"Your own workbook's headers\")")


class RowReader:
    """Turns one row into the events of one problem (names to ids, dates, defaults)."""

    def __init__(self, header: list[str], mapping: Mapping_, policy: Any, within: str | None = None,
                 jurisdiction: Any = None) -> None:
        self.policy = policy
        #: Where a level's word may name two levels (市 in 建德市, a county-level city): refused as a record's is.
        self.jurisdiction = jurisdiction
        self.within = within  # a 12-digit code: rows placed elsewhere are refused
        self.index: dict[str, int] = {}
        self.header_of: dict[str, str] = {}
        for f, candidates in mapping.columns.items():
            # the mapping's headers first; else the field's own name, as a list the ledger writes in English names it
            # (`ledger list problems --lang en`: problem, area, place, discovered_on …), which was refused "no column
            # for problem, area, place" where the same list in Chinese was read (hostile64)
            for h in (*candidates, RECORD_NAME.get(f, f), f):
                if h in header:
                    self.index[f] = header.index(h)
                    self.header_of[f] = h
                    break
        twice = [h for h in self.header_of.values() if header.count(h) > 1]
        if twice:  # which of the two holds the field? (assess refuses the same)
            raise LedgerError(f"the file has two columns named {twice[0]!r}; rename or drop one")
        self.width = len(header)
        #: What the header and the mapping leave apart (said before any row; see :meth:`unmatched`).
        self.unused = [h for h in dict.fromkeys(header) if h and h not in self.header_of.values()]
        self.absent = {f: hs for f, hs in mapping.columns.items() if f not in self.index}
        missing = [f for f in REQUIRED if f not in self.index]
        if missing:
            called = {f: RECORD_NAME.get(f, f) for f in missing}  # (as a record names it: area)
            wanted = "; ".join(f"{called[f]}: one of {', '.join(mapping.columns[f])}" if mapping.columns.get(f)
                               else f"{called[f]}: not in the mapping" for f in missing)
            if {"id", "area", "place"} <= set(header):  # a file of problem records, as `assess` reads them
                office = ", ".join(h for f in REQUIRED for h in mapping.columns.get(f, ())[:1])
                raise LedgerError(f"the file's headers are a problem record's fields (id, area, place …), not an "
                                  f"office ledger's ({office} …): assess it with `responsibility assess FILE`; "
                                  "the ledger imports an office's workbook, or give a --mapping that names these "
                                  "headers")
            raise LedgerError(f"the file has no column for {', '.join(called.values())} ({wanted}); its headers are "
                              f"{', '.join(h for h in header if h)}. Give a --mapping that names them")
        v = policy.data.vocabulary
        names: dict[str, dict[str, str]] = {
            "domain": {a.name: a.id for a in policy.data.areas if a.problems},
            "kind": {k.name: k.id for k in policy.kinds.values()},
            "channel": {c.name: c.id for c in v.channels},
            "severity": {s.name: s.id for s in v.severities},
            "level": {lv.name: lv.id for lv in v.levels},
            "body": {b.name: b.id for b in policy.bodies.values()},
        }
        self.ids = {"domain": set(policy.problem_areas), "kind": {k for _, k in policy.kinds},
                    "channel": set(policy.channels), "severity": {s.id for s in v.severities},
                    "level": set(policy.level_rank), "body": set(policy.bodies),
                    "sector": {*policy.sectors, *(b for b, x in policy.bodies.items() if x.sector and not x.role)}}
        for f, extra in mapping.values.items():
            vocab = VOCABULARY_OF.get(f, f)
            for local, target in extra.items():  # an id that names nothing would reject every row that uses it
                if vocab in self.ids and target not in self.ids[vocab]:
                    from difflib import get_close_matches

                    close = get_close_matches(target, sorted(self.ids[vocab]), n=1)
                    raise LedgerError(f"the column mapping's values.{f}.{local}: {target!r} is no {vocab} id" +
                                      (f"; did you mean {close[0]!r}?" if close else ""))
            names.setdefault(f, {}).update(extra)
        self.names = names

    def check_known(self, place: str) -> None:
        """:class:`ProblemError` ``unknown_place`` when ``place`` (a valid code) is no place of the jurisdiction, as
        the fold refuses it: checked before :meth:`check_within`, so that a row placed outside the ledger's
        jurisdiction is one reason on the CLI and over HTTP (review33b F9: ``unknown_place`` and
        ``outside_jurisdiction`` for one row)."""
        from .._errors import JurisdictionError
        from ._compat import parse_code

        if self.jurisdiction is None:
            return
        try:
            code = parse_code(place)
        except JurisdictionError:
            return
        if self.jurisdiction.get(code) is None:
            typo = self.jurisdiction.missing(code)
            raise ProblemError("place", f"place {place} is not in jurisdiction {self.jurisdiction.name!r}"
                               + (f"; {typo}" if typo else ""), code="unknown_place")

    def check_within(self, place: str) -> None:
        """:class:`ProblemError` when ``place`` (a valid code) lies outside ``within``; an invalid
        code is the fold's to name."""
        from .._errors import JurisdictionError
        from ._compat import parse_code

        assert self.within is not None
        try:
            code = parse_code(place)
        except JurisdictionError:
            return
        stripped = self.within.rstrip("0")
        width = next((w for w in (2, 4, 6, 9, 12) if len(stripped) <= w), 12)
        if code[:width] != self.within[:width]:
            raise ProblemError("place", f"place {place} is outside the jurisdiction {self.within[:width]} "
                               "this import may write", code="outside_jurisdiction")

    def cell(self, row: list[Any], f: str) -> Any:
        i = self.index.get(f)
        if i is None or i >= len(row):
            return None
        v = row[i]
        if isinstance(v, str):
            # the problem's id keeps a record's id's rule (spaces at either end aside, a line break or a tab there is
            # refused by the event, as a record's id refuses it: 'R2\n' was R2, hostile64 left); other text loses
            # any white space at either end, as a record's does
            strip = strip_spaces if f == "problem" and v.strip() else str.strip  # (white space alone: empty)
            v = strip(v)
            if v[:1] == "'" and v[1:].startswith(FORMULA_PREFIXES):
                # the mark a CSV the ledger (or anyone careful) wrote puts before text a spreadsheet would run as a
                # formula ('=1+1): no part of the value, as Excel shows it; the list `ledger list -o p.csv` wrote
                # imported back as the problem "'=1+1" (hostile64)
                v = strip(v[1:])
            return v or None
        if isinstance(v, Unreadable):  # a formula never calculated, a merged range's other column
            raise ProblemError(f, str(v), code="bad_value")
        return v

    def name(self, row: list[Any], f: str, vocab: str, place: str | None = None, level: str | None = None
             ) -> str | None:
        """The id the cell of field ``f`` names (``vocab``'s); a level's word is checked at ``place``; a body is
        read as a record's is (its aliases, its name without parentheses: 县扶贫办, 县住建局, 镇政府), among bodies
        that share a name the one at ``level`` (the level the row gives with it)."""
        v = self.cell(row, f)
        if v is None:
            return None
        s = self._name_text(v, f)
        if s in self.ids[vocab]:
            return s
        extra = self.names.get(f, {})
        if s in extra:  # the mapping's own word for it: what the office means by it
            return extra[s]
        _clean(s, f, None)  # (too long, a control or invisible character: bad_value, as an event's or a record's)
        if vocab == "level" and place is not None and self.jurisdiction is not None and not s.isascii():
            from ._compat import level_words_of_the_place

            try:
                level_words_of_the_place({"place": place, "discovered": {"level": s}}, self.policy,
                                         self.jurisdiction)
            except ProblemError as exc:
                raise ProblemError(f, exc.detail, code=exc.code) from None
        if s in self.names[vocab]:
            return self.names[vocab][s]
        if vocab in _SPELLINGS:  # as a record reads it: 县 for 县（市、区）, English, any case or width
            from ._compat import ValueNames

            found = ValueNames.of(self.policy).canonical(_SPELLINGS[vocab], s)
            if found in self.ids[vocab]:
                return str(found)
        if vocab == "body":  # as a record names a body (review26 H1: every alias, 县扶贫办 …, was an unknown body)
            from ._compat import ValueNames, body_hint

            found = ValueNames.of(self.policy).body(s, level)
            if found in self.ids["body"]:
                return str(found)
            raise ProblemError(f, f"unknown body {s!r}; {body_hint(self.policy, s, level)}", code="unknown_body")
        if vocab == "level" and self.jurisdiction is not None and (found := self.jurisdiction.named(s.strip())):
            # a place's name in a level's column (整改层级: 文昌镇) was told "write one of 村、乡镇（街道）…", never
            # that it is a place's name nor which level that place is (ux45; a record's level says so: level_hint)
            zh = {i: n for n, i in self.names[vocab].items()} if self.names[vocab] else {}
            theirs = " or ".join(dict.fromkeys(zh.get(x.level, x.level) for x in found))
            listed = "、".join(zh.get(i, i) for i in sorted(self.ids[vocab], key=lambda i: self.policy.level_rank[i]))
            raise ProblemError(f, f"unknown level {s!r}; {s!r} is a place's name ({found[0].code}"
                               f"{', …' if len(found) > 1 else ''}), not a level: write its level, {theirs} (a level "
                               f"is one of {listed}); the place the problem lies in is the row's division code",
                               code="unknown_level")
        from difflib import get_close_matches

        known = [*self.names[vocab], *self.ids[vocab]]
        close = get_close_matches(s, known, n=1)
        word = "duty area" if vocab == "domain" else vocab  # 'domain' is the ledger's own name of a record's area
        # with nothing close, the words the column takes (it said "unknown duty area '@bad'" and no more; hostile27)
        named = list(self.names[vocab]) or list(self.ids[vocab])
        listed = "、".join(named[:12]) + ("…" if len(named) > 12 else "")
        # a name suggested with the id it stands for, as a record's hint gives it (饮水 → '饮水安全' (water))
        near = "" if not close else f"did you mean {close[0]!r}" + (
            f" ({self.names[vocab][close[0]]})?" if close[0] in self.names[vocab] else "?")
        raise ProblemError(f, f"unknown {word} {s!r}; " + (near or f"write one of {listed}"),
                           code=_UNKNOWN.get(vocab, "bad_value"))

    def sector(self, row: list[Any]) -> str | None:
        """The cell of ``sector``: the mapping's own word for a line (``values.sector``) as its id, else the cell as
        written, for the registration to read as a record's ``sector`` is (a sector id, a department's id or name;
        an unknown one is refused there, with the record's hint)."""
        v = self.cell(row, "sector")
        if v is None:
            return None
        s = self._name_text(v, "sector")
        return self.names.get("sector", {}).get(s, s)

    def _name_text(self, v: Any, f: str) -> str:
        """A name's cell as text: a number the mapping's ``values`` name (an office's 1, 2, 3 for the severities)
        as its digits; another number, TRUE/FALSE or a date cell is no name (``wrong_type``, as an event's or a
        record's level given as 5 or true is: a TRUE in 发现层级 was "unknown level 'True'", hostile64)."""
        if isinstance(v, str):
            return v
        from ..engine._problem import _what, _whole_number

        whole = _whole_number(v)
        if whole is not None and str(whole) in self.names.get(f, {}):
            return str(whole)
        what = "TRUE or FALSE (a true/false value)" if isinstance(v, bool) else \
            f"the date {shown(v)}" if isinstance(v, dt.date | dt.time) else _what(v)
        raise ProblemError(f, f"expected text (an id or a name), not {what}; type the name as text",
                           code="wrong_type")

    def date(self, row: list[Any], f: str) -> dt.date | None:
        v = self.cell(row, f)
        if v is None:
            return None
        if isinstance(v, dt.datetime):
            return v.date()
        if isinstance(v, dt.date):
            return v
        s = str(v).replace("/", "-").replace(".", "-")
        # (a day and a time is read as its day, docs/ledger.md: ISO 8601's 2021-03-01T13:45, as a database or a JSON
        # export writes it, was "not a date" where 2021-03-01 13:45 was taken)
        for fmt in ("%Y-%m-%d", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M",
                    "%Y%m%d"):
            try:
                return dt.datetime.strptime(s, fmt).date()
            except ValueError:
                continue
        parts = [p for p in "".join(c if c.isdigit() else " " for c in s).split() if p]
        if len(parts) == 3 and (why := _three_numbers(parts)) is not None:  # 2021年3月1日
            if isinstance(why, dt.date):
                return why
            raise ProblemError(f, f"{shown(v)} {why}", code="bad_date")
        from ._compat import excel_day_hint

        # Excel's day number of a cell not formatted as a date, with a time or without: the records' words for it
        if (serial := excel_day_hint(v, cell=True)) is not None:
            raise ProblemError(f, serial, code="bad_date")
        raise ProblemError(f, f"not a date: {shown(v)} (use YYYY-MM-DD)", code="bad_date")

    def events(self, row: list[Any], entered_by: str) -> list[Event]:
        """The events of one row; :class:`ProblemError` names the field of a bad cell."""
        pid = self.cell(row, "problem")
        if pid is None:
            raise ProblemError("problem", "is empty", code="missing_field")
        pid = _whole(pid, "problem", "bad_value")
        domain = self.name(row, "domain", "domain")
        if domain is None:
            raise ProblemError("domain", "is empty", code="missing_field")
        place = self.cell(row, "place")
        if place is None:
            raise ProblemError("place", "is empty", code="missing_field")
        place = _whole(place, "place", "bad_place")
        if self.within is not None:
            self.check_known(place)
            self.check_within(place)
        found_on = self.date(row, "discovered_on")
        registered = self.date(row, "registered_on") or found_on
        if registered is None:
            raise ProblemError("discovered_on", "is empty (and no registration date): when was it found?",
                               code="missing_field")
        found_level = self.name(row, "discovered_level", "level", place)
        by_body = self.name(row, "discovered_by", "body", level=found_level)
        found_level = found_level or (self.policy.bodies[by_body].level if by_body else None)
        reg: dict[str, Any] = {"problem": pid, "type": "registered", "on": registered, "domain": domain,
                               "place": place, "kind": self.name(row, "kind", "kind"), "sector": self.sector(row),
                               "severity": self.name(row, "severity", "severity"),
                               "description": self.cell(row, "description"), "level": found_level}
        out = [reg]
        if found_on is not None:
            channel = self.name(row, "channel", "channel")
            if channel is None:
                raise ProblemError("channel", "is empty: how was the problem found?", code="missing_field")
            if found_level is None:
                raise ProblemError("discovered_level", "is empty (and no discovering body names it)",
                                   code="missing_field")
            out.append({"problem": pid, "type": "discovered", "on": found_on, "level": found_level,
                        "channel": channel, "body": by_body})
        reported = self.date(row, "reported_on")
        level = found_level
        if reported is not None:
            to = self.name(row, "reported_to_level", "level", place)
            if to is None:
                raise ProblemError("reported_to_level", "is empty: to which level was it reported?",
                                   code="missing_field")
            out.append({"problem": pid, "type": "reported", "on": reported, "by_level": found_level, "to_level": to})
            level = to
        assigned = self.date(row, "assigned_on")
        deadline = self.date(row, "deadline")
        if assigned is not None:
            to_level = self.name(row, "assignee_level", "level", place)
            assignee = self.name(row, "assignee", "body", level=to_level)
            to_level = to_level or (self.policy.bodies[assignee].level if assignee else None)
            if to_level is None:
                raise ProblemError("assignee_level", "is empty (and no assignee names it): assigned to which level?",
                                   code="missing_field")
            by = self.name(row, "assigned_by_level", "level", place) or level
            out.append({"problem": pid, "type": "assigned", "on": assigned, "by_level": by, "to_level": to_level,
                        "to_body": assignee, "deadline": deadline})
        elif deadline is not None:
            given = self.header_of.get("deadline", "deadline")
            raise ProblemError("assigned_on", (f"is empty but {given} gives a deadline: give the day the problem was "
                                               "assigned, or clear the deadline") if "assigned_on" in self.header_of
                               else (f"no column of the file holds it, but {given} gives a deadline: add a column "
                                     f"{'/'.join(self.absent.get('assigned_on') or ['assigned_on'])} with the day "
                                     "the problem was assigned, or clear the deadline"), code="missing_field")
        for f, kind in (("rectified_on", "rectified"), ("verified_on", "verified"), ("closed_on", "closed")):
            d = self.date(row, f)
            if d is not None:
                out.append({"problem": pid, "type": kind, "on": d})
        column = {"registered": "registered_on", "discovered": "discovered_on", "reported": "reported_on",
                  "assigned": "assigned_on", "rectified": "rectified_on", "verified": "verified_on",
                  "closed": "closed_on"}
        parsed = []
        for e in out:
            try:
                parsed.append(Event.parse({k: v for k, v in e.items() if v is not None}, entered_by=entered_by))
            except ProblemError as exc:
                if exc.field != "on":
                    raise
                # the date column the row filled, not the event's field (review19b M2: "on: 2099-01-01 is in the
                # future" of a row with seven date columns)
                col = column[str(e["type"])]
                if col == "registered_on" and col not in self.header_of:  # registered on the day it was found
                    col = "discovered_on"
                raise ProblemError(col, exc.detail, record=exc.record, code=exc.code) from None
        return parsed


def _whole(value: Any, f: str, code: str) -> str:
    """An id or a code as text: a number from a spreadsheet cell is its digits (``330127100219.0``
    is ``330127100219``); one with a fraction, or infinite, is refused, never cut to its whole
    part; a place's full-width digits are read as digits, as a record's are.

    A cell of another type than text or a whole number (TRUE/FALSE, a fraction, a date) is ``wrong_type``, as a
    record's id or place so given is on every path (docs/records.md): it was ``code`` (``bad_value`` for the id,
    ``bad_place`` for the place; hostile64 left) — the record path decides. ``code`` stays the refusal of text."""
    what = _WHOLE_WORDS.get(f, f)
    if isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            raise ProblemError(f, f"the number {value!r} is not a whole number; type the {f} as text",
                               code="wrong_type")
        return str(int(value))
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, bool):  # a TRUE/FALSE cell was the problem "True" (hostile28); a record's true is refused
        raise ProblemError(f, f"the cell holds {str(value).upper()} (a true/false value), not a {what}; type the "
                           f"{what} as text", code="wrong_type")
    if isinstance(value, dt.date):  # an id Excel took for a day (1-2, 2021-3-1) was "2021-01-02 00:00:00"
        day = value.date() if isinstance(value, dt.datetime) and value.time() == dt.time(0) else value
        raise ProblemError(f, f"the cell holds the date {day.isoformat()}, not a {what} as typed (Excel reads text "
                           f"such as 1-2 or 2021-3-1 as a day); format the column as text and type the {what} again",
                           code="wrong_type")
    text = unicodedata.normalize("NFKC", str(value)) if f == "place" else str(value)
    if f == "place" and _SCIENTIFIC.fullmatch(text.strip()):  # 3.30127E+11: as Excel showed a long code, and saved it
        raise ProblemError(f, f"{text!r} is a division code as Excel shows a long number (scientific notation): its "
                           "last digits are lost; format the column as text, type the 12-digit codes again and save",
                           code=code)
    return text


#: What the cell of a field :func:`_whole` reads holds, in its messages.
_WHOLE_WORDS = {"problem": "problem id", "place": "division code"}

_SCIENTIFIC = re.compile(r"[0-9](?:\.[0-9]+)?[eE]\+?[0-9]+")


def field_header(reader: RowReader | None, f: str) -> str:
    """The header of field ``f`` in the file; where the file has no column for it, the mapping's first header for it
    beside its id (``交办时间 (assigned_on)``: an office's reject file named an English id its file never used), else
    the id."""
    if reader is None:
        return f
    if f in reader.header_of:
        return reader.header_of[f]
    said = reader.absent.get(f)
    return f"{said[0]} ({f})" if said else f


def rows_to_events(rows: Iterable[tuple[int, list[Any]]], reader: RowReader, entered_by: str, folder: Any,
                   result: ImportResult, known: Mapping[str, Any]) -> list[Event]:
    """Check each row's events against ``folder`` (the ledger's states); keep good rows, reject bad ones."""
    events: list[Event] = []
    event_fields = {"on": None, "level": "discovered_level", "channel": "channel", "body": "discovered_by",
                    "by_level": "assigned_by_level", "to_level": "assignee_level", "to_body": "assignee",
                    "deadline": "deadline", "domain": "domain", "kind": "kind", "sector": "sector", "place": "place",
                    "severity": "severity", "problem": "problem"}
    dates = {"registered": "registered_on", "discovered": "discovered_on", "reported": "reported_on",
             "assigned": "assigned_on", "rectified": "rectified_on", "verified": "verified_on",
             "closed": "closed_on"}
    imported_at: dict[str, int] = {}  # the row each problem of this file was imported from
    for n, row in rows:
        result.rows += 1
        pid: str | None = None
        current: Event | None = None
        i = reader.index["problem"]
        first = row[i] if i < len(row) and not isinstance(row[i], Unreadable) else None
        # the reject's problem column, one short printable line: a NUL or an ESC of the cell went into the rejects
        # file as the byte itself, and a 1,000-character id whole; escaped and cut as assess shows a reject's id
        label = _show(str(first).strip().removesuffix(".0"), 200) if first is not None else ""
        if isinstance(row, BrokenRow):
            result.rejects.append({"row": n, "problem": label, "field": "(row)", "reason": row.why, "code": row.code})
            result.rejected += 1
            continue
        if any(c is not None and str(c).strip() for c in row[reader.width:]):  # never dropped silently
            result.rejects.append({"row": n, "problem": label, "field": "(row)", "reason": (
                f"{len(row)} cells but the header has {reader.width} columns (a comma in a cell? quote it)"),
                "code": "bad_row"})
            result.rejected += 1
            continue
        try:
            evs = reader.events(row, entered_by)
            pid = evs[0].problem
            if pid in known or pid in folder.states:
                where = f"this file (row {imported_at[pid]})" if pid in imported_at else "the ledger"
                raise ProblemError("problem", f"problem {pid!r} is already in {where}", code="duplicate_problem")
            for e in evs:
                current = e
                folder.apply(e, check=True)
            current = None
            if any(e.type == "concealed" for e in evs):
                folder.check_record(pid)
        except ProblemError as exc:
            if pid is not None and pid not in known and pid not in imported_at:  # (only a state this row made)
                folder.states.pop(pid, None)
            f = exc.field
            if current is not None:
                f = dates.get(current.type, f) if f in ("on", "type") else (event_fields.get(f) or f)
            elif "." in f or "[" in f:  # a field of the folded record (who_answers' names)
                f = {"discovered": "discovered_on", "handled": "assigned_on", "deadline": "deadline",
                     "rectified_on": "rectified_on", "as_of": "discovered_on"}.get(f.split(".")[0].split("[")[0], f)
            message = str(exc).split(f"field {exc.field!r}: ", 1)[-1]
            shown = field_header(reader, f)
            if exc.code == "missing_field" and f in reader.absent and reader.unused:  # no column, not an empty cell
                headers = reader.absent[f]
                message = "no column of the file holds it" + (f" (none is headed {' or '.join(headers)})"
                                                              if headers else "") + "; see the note on the columns"
                shown = f  # (the headers are in the reason, beside the note on the columns)
            result.rejects.append({"row": n, "problem": _show(pid, 200) if pid else label, "field": shown,
                                   "reason": message, "code": exc.code})
            result.rejected += 1
            continue
        result.imported += 1
        imported_at[pid] = n
        events.extend(evs)
    return events


def _three_numbers(parts: list[str]) -> dt.date | str | None:
    """The day three numbers in a cell write (2021年3月1日, 2021/3/1), or why they write none and what to write;
    ``None`` where they are no date at all. A cell's day is never guessed: 21/3/1 was read as the year 21 and told
    "0021-03-01 is outside the years 1900-2999", and 2021-13-01 or 3/1/2021 "not a date (use YYYY-MM-DD)" (ux46)."""
    year, month, day = (int(p) for p in parts)
    if len(parts[0]) == 4:
        try:
            return dt.date(year, month, day)
        except ValueError:
            if not 1 <= month <= 12:
                return f"is not a valid date (no month {month}); write the year, month and day, as YYYY-MM-DD"
            if 1 <= day <= 31:  # 2021-02-30 was told "not a date … (use YYYY-MM-DD)", as it is written
                return "is not a valid date (no such day); write a day that exists, as YYYY-MM-DD"
            return None
    if len(parts[2]) == 4 and len(parts[0]) <= 2 and len(parts[1]) <= 2:  # 3/1/2021: which is the month?
        first, second, year = year, month, day
        days = [f"{year}-{m:02d}-{d:02d}" for m, d in ((first, second), (second, first)) if _exists(year, m, d)]
        if not days:
            return None
        which = days[0] if len(days) == 1 or days[0] == days[1] else f"{days[0]} or {days[1]}, as meant"
        return f"puts the year last; write the year first: {which} (YYYY-MM-DD)"
    if len(parts[0]) <= 2 and _exists(2000 + year, month, day):  # 21/3/1
        full = 2000 + year
        return f"has a two-digit year; write the year in full, as YYYY-MM-DD ({full}-{month:02d}-{day:02d} if it is " \
            f"{full})"
    return None


def _exists(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True
