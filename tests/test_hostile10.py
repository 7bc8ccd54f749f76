"""Hostile input, round 10: a stray quote that swallows rows, a FIFO where a file should be, a busy
ledger over HTTP, a county-level city's 市, null as absent on every path, and what a hostile user
tries on outputs (formula cells, an output over an input, a full disk)."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
RECORDS = ROOT / "examples" / "records"
PROBLEM = json.loads((RECORDS / "problem.json").read_text("utf-8"))
CHUNAN = "330127100219"


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


# ------------------------------------------------------------------ a FIFO where a file should be


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("name", ["in.csv", "in.jsonl", "in.parquet", "in.json"])
def test_assess_refuses_a_fifo_without_waiting_for_a_writer(run_cli: Any, tmp_path: Path, name: str) -> None:
    """assess opened the FIFO and waited for ever (R9B-8); ledger import already refused it."""
    fifo = tmp_path / name
    os.mkfifo(fifo)
    code, _, err = run_cli("assess", str(fifo), "-o", str(tmp_path / "out.jsonl"))
    assert code == 2 and "not a regular file (a pipe or a device)" in err and "- for standard input" in err, err


# ------------------------------------------------------------------ a busy ledger over HTTP


def test_an_import_that_waits_out_another_writer_s_lock_is_503_with_retry_after(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """It answered 422, as if the upload were at fault."""
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from responsibility.ledger import Ledger, _store
    from responsibility.service import Settings, create_app

    from .test_service import bearer, token_store

    db = tmp_path / "l.db"
    Ledger.create(db).close()
    monkeypatch.setattr(_store, "BUSY_SECONDS", 0.2)
    monkeypatch.setattr(_store, "wait_notice", None)
    book = ROOT / "examples" / "ledger" / "county-ledger.xlsx"
    event = {"problem": "P-1", "type": "registered", "on": "2021-03-01", "area": "housing", "place": CHUNAN}
    app = create_app(Settings(tokens=token_store(), ledger=str(db)))
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with TestClient(app, raise_server_exceptions=False) as c:
            answers = [c.post("/v1/ledger/import", headers=bearer("chunan"),
                              files={"file": (book.name, book.read_bytes(), "application/octet-stream")}),
                       c.post("/v1/ledger/events", headers=bearer("chunan"), json=event)]
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    for r in answers:
        assert r.status_code == 503 and r.headers.get("retry-after", "").isdigit(), (r.status_code, r.text)
        error = r.json()["error"]
        assert error["type"] == "LedgerBusy" and "nothing was written" in error["message"], error
