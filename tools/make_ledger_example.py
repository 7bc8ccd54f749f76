"""Write examples/ledger/county-ledger.xlsx from examples/ledger/county-ledger.yaml.

The workbook is a small county ledger as an office keeps it: Chinese headers (the default column
mapping reads them), the Chinese names of areas, channels, levels and bodies in the cells, real
date cells (every ``YYYY-MM-DD`` value), a bold frozen header row. Text that looks like a
formula stays text, as when pasted from a web form.

Run: python tools/make_ledger_example.py [OUT.xlsx]
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "examples" / "ledger" / "county-ledger.yaml"
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def cell(value: Any) -> Any:
    """A YAML value as a cell value: ISO dates become dates."""
    if isinstance(value, str) and ISO.match(value):
        return dt.date.fromisoformat(value)
    return value


def build(out: Path, source: Path = SOURCE) -> None:
    """Write the sample workbook to ``out``."""
    import openpyxl
    from openpyxl.styles import Font

    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    headers: list[str] = data["headers"]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = data["sheet"]
    ws.append(headers)
    for c in ws[1]:
        c.font = Font(bold=True)
    for row in data["rows"]:
        ws.append([cell(row.get(h)) for h in headers])
    for col in ws.iter_cols(min_row=2):
        for c in col:
            if isinstance(c.value, dt.date):
                c.number_format = "yyyy-mm-dd"
            elif isinstance(c.value, str) and c.value.startswith("="):
                c.data_type = "s"  # text that looks like a formula stays text
    ws.freeze_panes = "A2"
    wb.save(out)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE.with_suffix(".xlsx")
    build(target)
    print(f"wrote {target}")
