"""Hostile input, round 12: a reader that stops reading (``| head -1``), the notebook's view in Chinese,
a broken ``.json`` record said as JSON, and what else a newcomer meets on input and output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RECORDS = ROOT / "examples" / "records"
PROBLEM = json.loads((RECORDS / "problem.json").read_text("utf-8"))
TIMEOUT = 120


# ------------------------------------------------------------------ | head -1: quietly, 141


@pytest.mark.parametrize("command", [["assess", "{f}.jsonl", "--no-progress"],
                                     ["who", "{f}.json", "--format", "json", "--engine", "compiled"]])
def test_a_reader_that_stops_reading_ends_the_command_quietly(tmp_path: Path, command: list[str]) -> None:
    """`… | head -1` printed 'error: cannot write to standard output …' and exit 2: the reader asked for no
    more, so nothing on stderr and 141 (128 + SIGPIPE, what `set -o pipefail` sees of other tools)."""
    records = [{**PROBLEM, "id": f"p{i}"} for i in range(300)]
    (tmp_path / "in.jsonl").write_text("\n".join(json.dumps(r) for r in records), "utf-8")
    (tmp_path / "in.json").write_text(json.dumps(records), "utf-8")
    argv = [sys.executable, "-m", "responsibility", *(a.format(f=tmp_path / "in") for a in command)]
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None
    proc.stdout.readline()
    proc.stdout.close()
    _, err = proc.communicate(timeout=TIMEOUT)
    lines = [x for x in err.decode().splitlines() if x.startswith(("error", "Traceback"))]
    assert (proc.returncode, lines) == (141, []), err.decode()[-2000:]
