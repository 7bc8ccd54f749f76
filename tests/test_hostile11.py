"""Hostile input, round 11: CSV outputs Excel reads in Chinese, one encoding detector below every
reader (``who`` reads a GB18030 record as ``assess`` does), and what a user gets wrong on input and output."""

from __future__ import annotations

import codecs
import csv
import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RECORDS = ROOT / "examples" / "records"
PROBLEM = json.loads((RECORDS / "problem.json").read_text("utf-8"))


# ------------------------------------------------------------------ CSV outputs with a BOM (N10-5)


def test_assess_csv_outputs_start_with_a_bom_and_read_back(run_cli: Any, tmp_path: Path) -> None:
    """`assess -o findings.csv` wrote UTF-8 without a BOM: Excel on Chinese Windows showed mojibake."""
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(PROBLEM, ensure_ascii=False) + "\n" + '{"id": "bad", "area": "nope"}\n', "utf-8")
    out, rej = tmp_path / "f.csv", tmp_path / "r.csv"
    code, _, err = run_cli("assess", str(src), "-o", str(out), "--rejects", str(rej), "--no-progress")
    assert code == 1 and "Traceback" not in err, err
    for path in (out, rej):
        raw = path.read_bytes()
        assert raw.startswith(codecs.BOM_UTF8), raw[:20]
        rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
        assert rows and ("record" in rows[0] or "problem" in rows[0]), rows[0]
    assert any("村" in (r.get("name") or "") for r in csv.DictReader(out.read_text("utf-8-sig").splitlines()))
    # an empty run still writes the header after the BOM; standard output gets no BOM
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", "utf-8")
    code, _, _ = run_cli("assess", str(empty), "-o", str(out), "--no-progress")
    assert out.read_bytes().startswith(codecs.BOM_UTF8 + b"record")
    code, stdout, _ = run_cli("assess", str(src), "-o", "-", "--to", "csv", "--no-progress")
    assert stdout.lstrip('"').startswith("record"), stdout[:20]
