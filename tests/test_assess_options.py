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


def test_output_to_dev_null_is_thrown_away_in_place(run_cli: Run, tmp_path: Path) -> None:
    """review21b: -o /dev/null was refused ("not a regular file", or no format from its extension)."""
    import os
    import stat

    code, _, err = run_cli("assess", str(RECORDS), "-o", os.devnull)
    assert code == 1 and "records in: 3" in err, err  # (one record of the example is rejected)
    code, _, err = run_cli("assess", str(RECORDS), "-o", os.devnull, "--to", "parquet", "--rejects", os.devnull)
    assert code == 1, err
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)  # still the device, not a file renamed over it
    assert not [p for p in os.listdir(os.path.dirname(os.devnull)) if p.startswith(".null.")]


def test_token_refuses_a_place_the_server_would_not_have(run_cli: Run, tmp_path: Path) -> None:
    """review21b: `token --jurisdiction 999999` made an entry that `serve` then refused to start with."""
    code, out, err = run_cli("token", "--name", "x", "--role", "county", "--jurisdiction", "999999")
    assert code == 2 and "no such place" in err and "--places" in err and not out, err
    places = tmp_path / "places.csv"
    places.write_text("code,name,level,parent\n33,省,province,\n3399,市,city,33\n339999,县,county,3399\n",
                      encoding="utf-8")
    code, out, _ = run_cli("token", "--name", "x", "--role", "county", "--jurisdiction", "339999",
                           "--places", str(places))
    assert code == 0 and '"jurisdiction": "339999"' in out
    assert run_cli("token", "--name", "x", "--role", "county", "--jurisdiction", "330127")[0] == 0
