"""The ledger as an Excel workbook, the way offices use one.

One sheet per list (问题清单、责任清单、整改清单, then 评价指数, 激励提示 and 预警), Chinese
headers in bold, the header row frozen, filters on every column, dates as real date cells,
the rows of overdue problems filled in a light red, column widths that fit Chinese text (a
wide character counts twice), and every text cell that a spreadsheet would run as a formula
(``=``, ``+``, ``-``, ``@``…) written as typed text, marked as Excel marks text typed after an
apostrophe (its value unchanged: no apostrophe is added, and one in the data is kept). Written
atomically: a failure leaves the previous file.

Not checked: Excel's limit of 1,048,576 rows per sheet is enforced (an error says to filter),
not worked around.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import errno
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any

from .._errors import LedgerError, OutputError, import_extra

MAX_ROWS = 1_048_575
#: The most a part of a workbook may unpack to, and how many times its packed size (Excel packs about 10 times).
MAX_SHEET_XML = 4 * 2**30
MAX_RATIO = 200
OVERDUE_FILL = "FFC7CE"
HEADER_FILL = "DDEBF7"
DATE_FORMAT = "yyyy-mm-dd"
#: A share (本级主动发现占比 …) as a percentage with one decimal; the cell keeps the ratio.
PERCENT_FORMAT = "0.0%"


class TooManyRows(LedgerError):
    """A list longer than an Excel sheet holds: the request's to narrow (a filter), not the database's fault (the
    service said 503 "try later" of it: hostile40)."""


def text_width(value: Any) -> int:
    """Display width of a cell's text: East Asian wide and full-width characters count 2."""
    s = value.isoformat() if isinstance(value, dt.date) else str(value)
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in s)


def _openpyxl() -> Any:
    return import_extra("openpyxl", "Excel files need openpyxl: pip install 'responsibility[ledger]'")


def _cell_value(v: Any) -> Any:
    if v is None or type(v).__name__ == "NAType":  # NA: a missing whole number (Int64)
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    if hasattr(v, "to_pydatetime"):  # pandas Timestamp
        if str(v) == "NaT":
            return None
        return v.to_pydatetime().date()
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, str):
        return v  # (a formula-like text is written as a text cell: see _text_cell)
    if hasattr(v, "item"):  # numpy scalar
        return v.item()
    return v


def _formula_like(v: Any) -> bool:
    from .._files import FORMULA_PREFIXES

    return isinstance(v, str) and v.startswith(FORMULA_PREFIXES)


def _text_cell(cell: Any) -> Any:
    """``cell`` as a text cell where its value is text a spreadsheet would take for a formula (``=``, ``+``,
    ``-``, ``@``, a tab …): typed text (openpyxl makes a formula of text that starts with ``=``) and marked
    "quote prefix", as Excel marks what is typed after an apostrophe, so that editing it keeps it text. The value
    is the data's: a CSV cell is neutralised by a leading apostrophe, which an .xlsx shows (item 6 of input21)."""
    if _formula_like(cell.value):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def write_workbook(path: Any, sheets: Iterable[tuple[str, Any, set[int]]], *, inputs: Iterable[Any] = ()) -> None:
    """Write ``sheets`` — (title, frame with Chinese headers, row positions to highlight) — to ``path``."""
    openpyxl = _openpyxl()
    from ._compat import atomic_path, check_target

    check_target(path, inputs, what="workbook")  # before any sheet is built: a refusal leaves nothing half-made
    sheets = list(sheets)
    for title, frame, _ in sheets:
        # every sheet before the first is begun: a write-only sheet begun and left printed a traceback ("Exception
        # ignored in … _write_rows … I/O operation on closed file") after the clean error (hostile40)
        if len(frame) > MAX_ROWS:
            raise TooManyRows(f"{title}: {len(frame):,} rows do not fit in one Excel sheet ({MAX_ROWS:,}); "
                              "filter by place, area or status, or export CSV")
    wb = openpyxl.Workbook(write_only=True)
    try:
        _fill(wb, sheets)
    except BaseException as exc:
        # a write-only sheet writes its rows to a temporary file as they come: a full disk there (the server's
        # /tmp) left each begun sheet's writer to write again when collected, which printed "Exception ignored in
        # … get_stream … No space left on device" after the clean error (hostile41)
        _close_sheets(wb)
        if isinstance(exc, OSError):  # (it was exit 3 "a bug" on the command line)
            import tempfile

            from .._files import _describe

            why = "no space left on the disk of" if exc.errno in (errno.ENOSPC, errno.EDQUOT) else \
                f"{_describe(exc)} in"
            raise OutputError(f"cannot write workbook {path}: {why} the temporary directory "
                              f"{tempfile.gettempdir()}, where its sheets are built first; nothing was written (a "
                              "file there is unchanged): free space there, or set TMPDIR to a directory on a disk "
                              "with space, and run again") from None
        raise
    with atomic_path(path, inputs, what="workbook") as tmp:
        _save(wb, tmp)


def _fill(wb: Any, sheets: list[tuple[str, Any, set[int]]]) -> None:
    """Append ``sheets`` to the write-only workbook ``wb``."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    red = PatternFill("solid", fgColor=OVERDUE_FILL)
    head_fill = PatternFill("solid", fgColor=HEADER_FILL)
    bold = Font(bold=True)
    heading: Any = None
    for title, frame, highlight in sheets:
        ws = wb.create_sheet(title=title)
        columns = list(frame.columns)
        records = [[_cell_value(v) for v in row] for row in frame.itertuples(index=False, name=None)]
        for i, c in enumerate(columns, start=1):
            sample = [text_width(c) + 2] + [text_width(r[i - 1]) for r in records[:2000] if r[i - 1] is not None]
            ws.column_dimensions[get_column_letter(i)].width = min(max(sample) + 2, 60)
        ws.freeze_panes = "A2"
        # Printed, a list is one page wide, landscape, the header row on every page.
        ws.page_setup.orientation = "landscape"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_title_rows = "1:1"
        last = get_column_letter(max(len(columns), 1))
        ws.auto_filter.ref = f"A1:{last}{len(records) + 1}"
        header = []
        for c in columns:
            cell = _text_cell(WriteOnlyCell(ws, value=_cell_value(str(c))))
            if heading is None:  # (made once, as the rows' styles below are)
                cell.font, cell.fill = bold, head_fill
                cell.alignment = Alignment(vertical="center")
                heading = copy.copy(cell._style)
            else:
                cell._style = copy.copy(heading)
            header.append(cell)
        ws.append(header)
        from ._lists import share_headers

        shares = share_headers()
        share = [str(c) in shares for c in columns]
        # Each combination of number format, fill and quote prefix is made once and its style copied to the cells
        # that take it: openpyxl hashes every style object again for each cell whose format or fill is set, and a
        # ledger of 30,000 overdue problems (each cell of an overdue row red) took ten minutes to export, 7 ms a
        # problem (hostile60). The workbook is the same, cell for cell.
        made: dict[tuple[str | None, bool, bool], Any] = {}
        for n, r in enumerate(records):
            styled = n in highlight
            out: list[Any] = []
            for i, v in enumerate(r):
                if isinstance(v, dt.date) or styled or (share[i] and v is not None) or _formula_like(v):
                    cell = WriteOnlyCell(ws, value=v)
                    number = DATE_FORMAT if isinstance(v, dt.date) else PERCENT_FORMAT if share[i] else None
                    key = (number, styled, _formula_like(v))
                    if key[2]:
                        cell.data_type = "s"  # (the cell's, not its style's: see _text_cell)
                    style = made.get(key)
                    if style is None:
                        _text_cell(cell)
                        if number is not None:
                            cell.number_format = number
                        if styled:
                            cell.fill = red
                        made[key] = copy.copy(cell._style)
                    else:
                        cell._style = copy.copy(style)
                    out.append(cell)
                else:
                    out.append(v)
            ws.append(out)


def _close_sheets(wb: Any) -> None:
    """Close, quietly, the row writers of the sheets of ``wb`` not yet written (each would write to its closed
    file when collected)."""
    for ws in wb.worksheets:
        for gen in (getattr(ws, "_rows", None), getattr(getattr(ws, "_writer", None), "xf", None)):
            if gen is not None:
                with contextlib.suppress(Exception):
                    gen.close()


def _save(wb: Any, path: Any) -> None:
    """openpyxl's ``save_workbook``, with its zip archive closed when the writing fails: left open, the archive
    wrote again when it was collected, and a full disk printed a traceback after the clean error (review22b
    R22b-5)."""
    import zipfile

    from openpyxl.writer.excel import ExcelWriter

    archive = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    try:
        wb.properties.modified = dt.datetime.now(tz=dt.UTC).replace(tzinfo=None)
        ExcelWriter(wb, archive).save()
    except BaseException:
        with contextlib.suppress(Exception):
            archive.close()  # (its file is closed even when writing the end of the archive fails)
        _close_sheets(wb)  # the sheets not yet written
        raise


def _unreadable(path: Any, sheet: str, row: int, exc: Exception) -> Any:
    from ._store import LedgerError

    detail = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
    return LedgerError(f"{path}: sheet {sheet!r}, row {row}: not a readable .xlsx workbook ({detail}); save it "
                       "again from Excel. Nothing was imported")


class Unreadable:
    """A cell whose value the workbook does not hold where the ledger reads it: a formula that
    was never calculated and saved (a workbook written by a program, not by Excel), or a cell
    inside a merged range that is not its first column. Reading it as a field is a reject."""

    def __init__(self, coordinate: str, why: str) -> None:
        self.coordinate, self.why = coordinate, why

    def __str__(self) -> str:
        return f"cell {self.coordinate} {self.why}"


#: A formula cell (``<f>``), a merged range (``<mergeCell>``) or a cell holding one of Excel's error values (``t="e"``:
#: #N/A, #REF!, #DIV/0! …) in a sheet's XML, with any namespace prefix.
_MARKS = re.compile(rb"<(?:\w+:)?(?:f|mergeCell)[\s>/]|\st=[\"']e[\"']")


def _has_marks(archive: Any, part: str) -> bool:
    """Whether the sheet's XML holds a formula or a merged range (a plain scan of its bytes:
    most ledgers have neither, and are then read by openpyxl alone)."""
    tail = b""
    with archive.open(part) as src:
        while chunk := src.read(1 << 20):
            if _MARKS.search(tail + chunk):
                return True
            tail = chunk[-32:]
    return False


def _marks(archive: Any, part: str) -> tuple[dict[tuple[int, int], str], list[tuple[int, int, int, int]]]:
    """The formulas without a saved value and the cells holding an error value (marked ``#``: ``#N/A``), by (row,
    column), and the merged ranges (first row, first column, last row, last column) of a sheet."""
    from openpyxl.utils.cell import coordinate_to_tuple, range_boundaries
    from openpyxl.xml.functions import iterparse

    formulas: dict[tuple[int, int], str] = {}
    merged: list[tuple[int, int, int, int]] = []
    with archive.open(part) as src:
        for _, el in iterparse(src):
            tag = el.tag.rpartition("}")[2]
            if tag == "c":
                f = v = None
                for child in el:
                    name = child.tag.rpartition("}")[2]
                    if name == "f":
                        f = child
                    elif name in ("v", "is"):
                        v = child
                # An empty <v/> of a text result (t="str") is a value Excel saved: =IF(x="","",…) left
                # blank. Without t (openpyxl's unsaved formula) or of a number, it was never calculated.
                saved_empty_text = v is not None and el.get("t") in ("str", "inlineStr")
                if f is not None and not saved_empty_text and (v is None or (v.text is None and not len(v))) \
                        and el.get("r"):
                    formulas[coordinate_to_tuple(el.get("r"))] = "=" + (f.text or "…")
                elif el.get("t") == "e" and el.get("r"):
                    # Excel's error value (#N/A, #REF!: a formula that failed, or the error typed), which openpyxl
                    # gives as the text '#N/A': an id, a place or a name '#N/A' was imported as written (hostile64)
                    formulas[coordinate_to_tuple(el.get("r"))] = "#" + ((v.text or "").lstrip("#") if v is not None
                                                                        else "")
            elif tag == "mergeCell" and el.get("ref"):
                c0, r0, c1, r1 = range_boundaries(el.get("ref"))
                merged.append((r0, c0, r1, c1))
            if tag in ("row", "mergeCell"):
                el.clear()
    return formulas, merged


def _check_sizes(path: Any) -> None:
    """Refuse a workbook a part of which unpacks to far more than any workbook's (a zip bomb),
    before openpyxl reads any of it."""
    import zipfile

    from ._store import LedgerError

    try:
        with zipfile.ZipFile(path) as z:
            parts = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a zip: openpyxl's error says so
    for info in parts:
        packed = info.file_size > 64 * 2**20 and info.file_size > MAX_RATIO * max(info.compress_size, 1)
        if info.file_size > MAX_SHEET_XML or packed:
            raise LedgerError(f"{path}: its part {info.filename} unpacks to {info.file_size:,} bytes from "
                              f"{info.compress_size:,}: more than a workbook of {MAX_ROWS + 1:,} rows holds, or "
                              "packed as no spreadsheet program packs it: nothing was imported; open it in Excel and "
                              "save it again, or split it into smaller workbooks")


def _what_it_is(path: Any) -> str:
    """What to do with a file named .xlsx that openpyxl cannot open, by its first bytes (it said only
    "BadZipFile: File is not a zip file"; hostile28)."""
    try:
        with open(path, "rb") as f:
            head = f.read(4096)
    except OSError:
        return "save it again from Excel as an Excel workbook (.xlsx)"
    if head.startswith(b"\xd0\xcf\x11\xe0"):  # the compound file of Excel 97-2003 (.xls), or an encrypted .xlsx
        return ("it is an Excel 97-2003 workbook (.xls) or one protected by a password: open it in Excel, remove any "
                "password and save it as an Excel workbook (.xlsx)")
    if head.startswith(b"PK"):
        return "it is a damaged workbook, or a zip file of something else: save it again from Excel as .xlsx"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or (head and b"\x00" not in head):
        return "it is text, not a workbook (a CSV file named .xlsx?): name it .csv, or save it from Excel as .xlsx"
    return "save it again from Excel as an Excel workbook (.xlsx)"


class _TooLong(Exception):
    """A sheet read past the last row Excel can hold (:meth:`Book.rows`)."""


class Book:
    """The sheets of an .xlsx workbook, each read as numbered rows of cell values.

    A merged range reads as Excel shows it: its value in every row of its first column (a
    merged 领域 cell is the area of each problem beside it), :class:`Unreadable` in its other
    columns; a formula Excel never calculated (no saved value) is :class:`Unreadable`, never
    an empty cell. ``notes`` says, by sheet, what was read so.
    """

    def __init__(self, path: Any) -> None:
        from ._store import LedgerError

        openpyxl = _openpyxl()
        self.path = path
        self.notes: dict[str, list[str]] = {}  # by sheet
        _check_sizes(path)
        try:
            self.wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
            raise LedgerError(f"{path}: not a readable .xlsx workbook ({type(exc).__name__}: {exc}); "
                              f"{_what_it_is(path)}") from None
        self.names: list[str] = list(self.wb.sheetnames)
        #: The sheets Excel hides from its user (an old copy, a lookup table): read only when named
        #: or when no visible sheet holds the ledger.
        self.hidden = {ws.title for ws in self.wb.worksheets if getattr(ws, "sheet_state", "visible") != "visible"}

    def close(self) -> None:
        self.wb.close()

    def rows(self, sheet: str) -> Iterator[tuple[int, list[Any]]]:
        """(row number, cells) of every row of ``sheet`` that is not blank."""
        from openpyxl.utils import get_column_letter

        ws = self.wb[sheet]
        # the rows as the file holds them, each as wide as its own last cell: never padded to the
        # <dimension> the file claims (a 6 KB file claiming A1:XFD1048576 took minutes)
        ws.reset_dimensions()
        formulas: dict[tuple[int, int], str] = {}
        merged: list[tuple[int, int, int, int]] = []
        part = getattr(ws, "_worksheet_path", None)
        n = 0
        try:
            if part is not None and _has_marks(self.wb._archive, part):
                formulas, merged = _marks(self.wb._archive, part)
            notes = self.notes.setdefault(sheet, [])
            errors = {k: v for k, v in formulas.items() if v.startswith("#")}
            if len(errors) < len(formulas):
                first = min(k for k in formulas if k not in errors)
                notes.append(f"sheet {sheet!r}: {len(formulas) - len(errors):,} formula cell(s) without a saved value "
                                  f"(first {get_column_letter(first[1])}{first[0]}); a row that needs one is rejected")
            if errors:
                first = min(errors)
                notes.append(f"sheet {sheet!r}: {len(errors):,} cell(s) holding an error value ({errors[first]} in "
                             f"{get_column_letter(first[1])}{first[0]}); a row that needs one is rejected")
            if merged:
                notes.append(f"sheet {sheet!r}: {len(merged):,} merged range(s) read as Excel shows them: the "
                                  "value in each row of the range's first column")
            starts: dict[int, list[tuple[int, int, int, int]]] = {}
            for m in merged:
                starts.setdefault(m[0], []).append(m)
            active: list[tuple[tuple[int, int, int, int], Any]] = []
            widest = 0
            for n, row in enumerate(ws.iter_rows(values_only=True), start=1):
                if n > MAX_ROWS + 1:
                    # more rows than an Excel sheet holds (1,048,576): no workbook Excel wrote, and reading on
                    # cost minutes and gigabytes for a 12 MB file (newcomer37 H)
                    raise _TooLong(n)
                cells = list(row)
                widest = max(widest, len(cells))
                if formulas or merged:
                    active = [(m, v) for m, v in active if m[2] >= n]
                    for m in starts.get(n, ()):
                        active.append((m, cells[m[1] - 1] if m[1] - 1 < len(cells) else None))
                    for (r0, c0, r1, c1), value in active:
                        # only as far as the sheet's cells reach: a range claiming XA:XFD padded every row
                        # of it to 16,384 cells (a 36 KB workbook took 15 CPU s)
                        c1 = min(c1, widest)
                        if c0 > c1:
                            continue
                        if len(cells) < c1:
                            cells.extend([None] * (c1 - len(cells)))
                        where = f"{get_column_letter(c0)}{r0}:{get_column_letter(c1)}{r1}"
                        for c in range(c0, c1 + 1):
                            if (n, c) == (r0, c0):
                                continue
                            cells[c - 1] = value if c == c0 else \
                                Unreadable(f"{get_column_letter(c)}{n}",
                                           f"is inside the merged range {where}, whose value belongs to column "
                                           f"{get_column_letter(c0)}; unmerge it and fill the cell")
                    for c, cell in enumerate(cells, start=1):
                        said = formulas.get((n, c))
                        if said is not None and said.startswith("#") and not isinstance(cell, Unreadable):
                            cells[c - 1] = Unreadable(
                                f"{get_column_letter(c)}{n}",
                                f"holds Excel's error value {said[:20]}, no value: correct the formula that gives it "
                                "(or the cell it refers to), or type the value")
                        elif cell is None and said is not None:
                            cells[c - 1] = Unreadable(
                                f"{get_column_letter(c)}{n}",
                                f"holds a formula ({said[:60]}) whose value was never calculated and "
                                "saved; open the workbook in Excel and save it, or type the value")
                # a cell of white space only (a space typed and left, a full-width one) is empty, as a CSV's cell is
                # (_import reads a row blank when no cell has more): such a row was rejected as 问题编号 is empty
                if any(c is not None and not (type(c) is str and not c.strip()) for c in cells):
                    yield n, cells
        except _TooLong:
            from ._store import LedgerError

            raise LedgerError(f"{self.path}: sheet {sheet!r} holds more than the {MAX_ROWS + 1:,} rows an Excel sheet "
                              "can; nothing was imported. Excel did not write it: save the rows as CSV (UTF-8) and "
                              "import that, or split them over several workbooks") from None
        except Exception as exc:  # the sheet's XML is broken (a truncated or altered file): nothing is imported
            raise _unreadable(self.path, sheet, n + 1, exc) from None
