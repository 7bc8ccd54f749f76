"""Commands that read one record (who, route, explain, ledger add) given a table say which command reads tables."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("command", [["who"], ["route"]])
def test_a_csv_ledger_given_to_a_one_record_command(command: list[str],
                                                    run_cli: Callable[..., tuple[int, str, str]]) -> None:
    table = str(ROOT / "examples" / "records" / "ledger.csv")
    code, out, err = run_cli(*command, table)
    assert code == 2 and out == ""
    assert "is a CSV table" in err and f"responsibility assess {table}" in err and "YAML syntax" not in err


def test_a_workbook_given_to_ledger_add(tmp_path: Path, run_cli: Callable[..., tuple[int, str, str]]) -> None:
    pytest.importorskip("sqlalchemy")
    db = tmp_path / "county.db"
    assert run_cli("ledger", "init", str(db))[0] == 0
    code, _, err = run_cli("ledger", "add", str(db), str(ROOT / "examples" / "ledger" / "county-ledger.xlsx"),
                           "--by", "clerk")
    assert code == 2 and "is a Excel workbook" not in err and "Excel workbook" in err
    assert "responsibility ledger import" in err and "an event object" in err
