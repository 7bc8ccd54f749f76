"""Options of ``responsibility assess`` that contradict themselves are refused before any work (review21b B21-3,
B21-7)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

RECORDS = Path(__file__).resolve().parents[1] / "examples" / "records" / "problems.jsonl"
Run = Callable[..., tuple[int, str, str]]


@pytest.mark.parametrize(("name", "to"), [("out.csv", "parquet"), ("out.parquet", "csv"), ("out.jsonl", "json"),
                                          ("OUT.CSV", "jsonl")])
def test_an_output_named_for_another_format_than_to_is_refused(run_cli: Run, tmp_path: Path, name: str,
                                                               to: str) -> None:
    code, _, err = run_cli("assess", str(RECORDS), "-o", str(tmp_path / name), "--to", to)
    assert code == 2 and f"--to {to}" in err and f"name it .{to}" in err, err
    assert not (tmp_path / name).exists()


@pytest.mark.parametrize(("name", "to"), [("out.csv", "csv"), ("out.ndjson", "jsonl"), ("out.dat", "parquet"),
                                          ("out.pq", "parquet")])
def test_an_output_named_for_its_format_or_for_none_is_written(run_cli: Run, tmp_path: Path, name: str,
                                                               to: str) -> None:
    code, _, err = run_cli("assess", str(RECORDS), "-o", str(tmp_path / name), "--to", to)
    assert code in (0, 1) and (tmp_path / name).exists(), err


def test_workers_are_at_most_64(run_cli: Run, tmp_path: Path) -> None:
    code, _, err = run_cli("assess", str(RECORDS), "-o", str(tmp_path / "o.csv"), "--workers", "100000")
    assert code == 2 and "0<=x<=64" in err, err
