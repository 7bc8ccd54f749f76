"""The ledger as an Excel workbook, the way offices use one.

One sheet per list (问题清单、责任清单、整改清单, then 评价指数, 激励提示 and 预警), Chinese
headers in bold, the header row frozen, filters on every column, dates as real date cells,
the rows of overdue problems filled in a light red, column widths that fit Chinese text (a
wide character counts twice), and every text cell that a spreadsheet would run as a formula
(``=``, ``+``, ``-``, ``@``…) neutralised. Written atomically: a failure leaves the previous file.

Not checked: Excel's limit of 1,048,576 rows per sheet is enforced (an error says to filter),
not worked around.
"""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from collections.abc import Iterable
from typing import Any

from .._errors import import_extra

MAX_ROWS = 1_048_575
OVERDUE_FILL = "FFC7CE"
HEADER_FILL = "DDEBF7"
DATE_FORMAT = "yyyy-mm-dd"


def text_width(value: Any) -> int:
    """Display width of a cell's text: East Asian wide and full-width characters count 2."""
    s = value.isoformat() if isinstance(value, dt.date) else str(value)
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in s)


def _openpyxl() -> Any:
    return import_extra("openpyxl", "Excel files need openpyxl: pip install 'responsibility[ledger]'")


def _cell_value(v: Any) -> Any:
    from ._compat import neutralise

    if v is None:
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
        return neutralise(v)
    if hasattr(v, "item"):  # numpy scalar
        return v.item()
    return v


def write_workbook(path: Any, sheets: Iterable[tuple[str, Any, set[int]]], *, inputs: Iterable[Any] = ()) -> None:
    """Write ``sheets`` — (title, frame with Chinese headers, row positions to highlight) — to ``path``."""
    openpyxl = _openpyxl()
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    from ._compat import atomic_path, check_target
    from ._store import LedgerError

    check_target(path, inputs, what="workbook")  # before any sheet is built: a refusal leaves nothing half-made
    wb = openpyxl.Workbook(write_only=True)
    red = PatternFill("solid", fgColor=OVERDUE_FILL)
    head_fill = PatternFill("solid", fgColor=HEADER_FILL)
    bold = Font(bold=True)
    for title, frame, highlight in sheets:
        if len(frame) > MAX_ROWS:
            raise LedgerError(f"{title}: {len(frame):,} rows do not fit in one Excel sheet ({MAX_ROWS:,}); "
                              "filter by place, area or status, or export CSV")
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
            cell = WriteOnlyCell(ws, value=_cell_value(str(c)))
            cell.font, cell.fill = bold, head_fill
            cell.alignment = Alignment(vertical="center")
            header.append(cell)
        ws.append(header)
        for n, r in enumerate(records):
            styled = n in highlight
            out: list[Any] = []
            for v in r:
                if isinstance(v, dt.date) or styled:
                    cell = WriteOnlyCell(ws, value=v)
                    if isinstance(v, dt.date):
                        cell.number_format = DATE_FORMAT
                    if styled:
                        cell.fill = red
                    out.append(cell)
                else:
                    out.append(v)
            ws.append(out)
    with atomic_path(path, inputs, what="workbook") as tmp:
        wb.save(tmp)


def _unreadable(path: Any, sheet: str, row: int, exc: Exception) -> Any:
    from ._store import LedgerError

    detail = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
    return LedgerError(f"{path}: sheet {sheet!r}, row {row}: not a readable .xlsx workbook ({detail}); save it "
                       "again from Excel. Nothing was imported")


def read_rows(path: Any, *, sheet: str | None = None) -> tuple[list[str], Iterable[tuple[int, list[Any]]]]:
    """Headers and (row number, cells) of a sheet of an .xlsx file (the first sheet by default)."""
    openpyxl = _openpyxl()
    from ._store import LedgerError

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise LedgerError(f"{path}: not a readable .xlsx workbook ({type(exc).__name__}: {exc})") from None
    if sheet is not None and sheet not in wb.sheetnames:
        raise LedgerError(f"{path}: no sheet {sheet!r}; it has {', '.join(wb.sheetnames)}")
    ws = wb[sheet] if sheet is not None else wb.worksheets[0]
    rows = ws.iter_rows(values_only=True)
    try:
        header = [str(c).strip() if c is not None else "" for c in next(rows)]
    except StopIteration:
        raise LedgerError(f"{path}: the sheet {ws.title!r} is empty") from None
    except Exception as exc:  # the sheet's XML is broken (a truncated or altered file)
        raise _unreadable(path, ws.title, 1, exc) from None

    def body() -> Iterable[tuple[int, list[Any]]]:
        n = 1
        try:
            for n, row in enumerate(rows, start=2):
                cells = list(row)
                if any(c not in (None, "") for c in cells):
                    yield n, cells
        except Exception as exc:  # as above, further down the sheet: nothing is imported
            raise _unreadable(path, ws.title, n + 1, exc) from None
        finally:
            wb.close()

    return header, body()
