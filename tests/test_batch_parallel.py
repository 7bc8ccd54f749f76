"""batch/_parallel.py: writing behind or at once (Overlap, Behind.drain), and the same output either way."""

from __future__ import annotations

import threading
import time
from typing import Any

import pyarrow.parquet as pq
import pytest

from responsibility.batch import _io
from responsibility.batch._parallel import Behind, Overlap


def _clocked(steps: list[tuple[float, float]]) -> Overlap:
    """An Overlap whose clock moves on by the next (CPU seconds, wall seconds) of ``steps`` at each reading."""
    now = [0.0, 0.0]
    todo = iter(steps)

    def clock() -> tuple[float, float]:
        c, w = next(todo)
        now[0] += c
        now[1] += w
        return now[0], now[1]

    return Overlap(clock)


def test_chunks_are_written_behind_while_the_threads_run_side_by_side() -> None:
    overlap = _clocked([(0.1, 0.1)] + [(1.8, 1.0)] * 6)
    assert [overlap.inline() for _ in range(7)] == [False] * 7


def test_on_a_busy_machine_chunks_are_written_at_once_and_every_probe_th_behind() -> None:
    """Less CPU than PARALLEL per wall second, written behind: the next chunks are written at once, and every
    PROBE-th behind again to measure; once the threads run side by side again, behind it stays."""
    busy, free = (0.8, 1.0), (1.9, 1.0)
    overlap = _clocked([(0.1, 0.1), busy, *[busy] * 4, busy, *[busy] * 4, free, free, free])
    got = [overlap.inline() for _ in range(14)]
    probe = Overlap.PROBE
    assert probe == 4
    assert got == [False, True, True, True, True, False, True, True, True, True, False, False, False, False]


def test_drain_waits_for_every_job_and_raises_the_first_error() -> None:
    behind = Behind(depth=1)
    done: list[int] = []
    gate = threading.Event()
    behind.submit(lambda: (gate.wait(5), done.append(1)))
    behind.submit(lambda: done.append(2))
    gate.set()
    behind.drain()
    assert done == [1, 2]

    def fail() -> None:
        time.sleep(0.01)
        raise OSError("disk full")

    behind.submit(fail)
    with pytest.raises(OSError, match="disk full"):
        behind.drain()
    with pytest.raises(OSError, match="disk full"):
        behind.close()


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_findings_are_the_same_written_behind_or_at_once(run_cli: Any, tmp_path: Any, policy: Any, province: Any,
                                                         jcsv: str, fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Chunks of 37 records (so many chunks, some written behind, some at once, in every order), the same output,
    byte for byte, as every chunk written behind."""
    import json

    from .test_batch import ledger

    records = [r for r in ledger(policy, province, 700, seed=11) if isinstance(r, dict)]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    monkeypatch.setattr(_io, "CHUNK", 37)
    outputs = []
    for mode in ("behind", "mixed", "at once"):
        calls = [0]

        def inline(self: Overlap, _mode: str = mode, _calls: list[int] = calls) -> bool:
            _calls[0] += 1
            return {"behind": False, "at once": True, "mixed": _calls[0] % 3 != 0}[_mode]

        monkeypatch.setattr(Overlap, "inline", inline)
        out = tmp_path / f"{mode}.{fmt}"
        code, _, err = run_cli("assess", str(src), "-o", str(out), "--jurisdiction", jcsv, "--today", "2022-06-30",
                               "--no-progress")
        assert code in (0, 1), err
        assert calls[0] > 10
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]
    if fmt == "parquet":
        assert pq.read_table(tmp_path / "behind.parquet").num_rows > 500
