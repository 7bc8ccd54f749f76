"""input39b: ``assess`` on a JSON file holding one list of records reads it as JSON lines are read,
a chunk at a time into the columnar path, not as one list of Python dicts (a list of 150,000 records,
60 MB, took 683 MB at its peak and 5.0 CPU s; the same records as JSON lines 365 MB and 1.2 s)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import responsibility
from responsibility import Jurisdiction

from .strategies import bench_engine_records

PEAK = r"""
import resource, sys
from responsibility.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print("PEAK", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def _assess(src: Path, jcsv: str, tmp: Path, tag: str, *, peak: bool = False) -> tuple[bytes, str, int]:
    """``assess src`` in a fresh process: the findings file, stderr, and the process's peak RSS (KiB)."""
    out = tmp / f"{tag}.csv"
    args = ["assess", str(src), "-o", str(out), "--rejects", str(tmp / f"{tag}.rejects.csv"),
            "--jurisdiction", jcsv, "--today", "2022-06-30", "--no-progress"]
    done = subprocess.run([sys.executable, "-c", PEAK, *args] if peak else
                          [sys.executable, "-m", "responsibility", *args], capture_output=True, text=True, check=False)
    assert done.returncode in (0, 1), done.stderr
    kib = int(done.stderr.rsplit("PEAK ", 1)[1]) if peak else 0
    return out.read_bytes(), done.stderr, kib


def _write(records: list[Any], tmp: Path, *, indent: int | None = None) -> tuple[Path, Path]:
    listed, lines = tmp / "list.json", tmp / "lines.jsonl"
    listed.write_text(json.dumps(records, ensure_ascii=False, indent=indent), encoding="utf-8")
    lines.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return listed, lines


def _bench_ledger(n: int) -> list[dict[str, Any]]:
    """benchmarks/bench_assess.py's ledger of ``n`` records over the default synthetic province."""
    benchmarks = str(Path(__file__).resolve().parents[1] / "benchmarks")
    sys.path.insert(0, benchmarks)
    try:
        import bench_assess
    finally:
        sys.path.remove(benchmarks)
    got: list[dict[str, Any]] = bench_assess.ledger(responsibility.load(), Jurisdiction.synthetic(), n)
    return got


@pytest.mark.slow
def test_list_peak_memory_is_near_json_lines(tmp_path: Path) -> None:
    """A JSON list costs little more memory than the same records as JSON lines: before, its records were
    all held as dicts and assessed by the dict path (150,000 records, 58 MiB: 318 MB more at the peak, ~5.5x
    the file's size; now ~2x)."""
    jcsv = tmp_path / "province.csv"
    jcsv.write_text(Jurisdiction.synthetic().to_csv(), encoding="utf-8")
    listed, lines = _write(_bench_ledger(80_000), tmp_path)
    size_mib = listed.stat().st_size / 2**20
    a, _, list_kib = _assess(listed, str(jcsv), tmp_path, "list", peak=True)
    b, _, lines_kib = _assess(lines, str(jcsv), tmp_path, "lines", peak=True)
    assert a == b
    extra_mib = (list_kib - lines_kib) / 1024
    print(f"list {list_kib // 1024} MiB, lines {lines_kib // 1024} MiB, file {size_mib:.1f} MiB")
    # (measured ~3x now, 6.4x before: 4.5x leaves room for a loaded machine's allocator and still fails before)
    assert extra_mib < 4.5 * size_mib, (extra_mib, size_mib)


@pytest.mark.parametrize("indent", [None, 2])
def test_list_and_json_lines_give_the_same_findings(tmp_path: Path, province: Jurisdiction, jcsv: str,
                                                    indent: int | None) -> None:
    """The same records as a JSON list (on one line, or indented over many) and as JSON lines give the
    same findings file, byte for byte, and the same count of records in and rejected."""
    records = bench_engine_records(responsibility.load(), province, 300, seed=7, prefix="Q")
    listed, lines = _write(records, tmp_path, indent=indent)
    a, err_a, _ = _assess(listed, jcsv, tmp_path, "list")
    b, err_b, _ = _assess(lines, jcsv, tmp_path, "lines")
    assert a == b
    assert err_a.splitlines()[-1] == err_b.splitlines()[-1]  # (the counts: in = assessed + rejected)


def test_list_with_records_python_reads(tmp_path: Path, province: Jurisdiction, jcsv: str) -> None:
    """A list with elements the C parser cannot carry exactly (an explicit null, a key twice, a number, a
    dotted key) still rejects each as before, naming the record and its line, and assesses the rest."""
    records: list[Any] = bench_engine_records(responsibility.load(), province, 20, seed=5, prefix="D")
    records[3] = {**records[3], "kind": None}
    records[5] = 7
    text = json.dumps(records, indent=1)
    first = text.index('"id": "D', text.index('"id": "D') + 1)  # the second record's id
    text = text[:first] + '"id": "twice", ' + text[first:]
    listed = tmp_path / "list.json"
    listed.write_text(text, encoding="utf-8")
    _, err, _ = _assess(listed, jcsv, tmp_path, "list")
    rejects = (tmp_path / "list.rejects.csv").read_text(encoding="utf-8-sig")
    assert "record 1 (line " in rejects and "twice" in rejects, rejects
    assert "records in: 20" in err.splitlines()[-1]


def test_bad_list_keeps_its_error(tmp_path: Path, jcsv: str) -> None:
    """A list that is not valid JSON is refused whole, with json's words and position, as before."""
    bad = tmp_path / "bad.json"
    bad.write_text('[{"id": "a"},\n {"id": "b",}]', encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "responsibility", "assess", str(bad), "-o", str(tmp_path / "o.csv"),
                           "--jurisdiction", jcsv, "--no-progress"], capture_output=True, text=True, check=False)
    assert done.returncode == 2
    why = "is not valid JSON (Expecting property name enclosed in double quotes: line 2 column 13 (char 26))"
    assert why in done.stderr
