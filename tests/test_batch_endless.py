"""Endless CSV rows and huge JSON documents: exit 2, bounded memory."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

Run = Callable[..., tuple[int, str, str]]


@pytest.mark.parametrize("text", ["x" * 5000,  # a header without end
                                  "id,area,place\na,housing,330127100219\n" + "y" * 5000,  # a row without end
                                  'id,area,place\na,"open quote' + "\nz" * 3000])  # a quote left open
@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_a_csv_row_without_end_is_unusable_input_never_held(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                            run_cli: Run, text: str, encoding: str) -> None:
    from responsibility.batch import _io

    monkeypatch.setattr(_io, "MAX_LINE", 1000)
    monkeypatch.setattr(_io, "_BLOCK", 256)
    src = tmp_path / "in.csv"
    src.write_text(text, encoding=encoding)
    code, _, err = run_cli("assess", str(src), "-o", str(tmp_path / "out.csv"), "--encoding", encoding)
    assert code == 2 and "a row longer than 0 MiB" in err and "Traceback" not in err, err
    assert not (tmp_path / "out.csv").exists()


def test_a_json_document_over_its_limit_is_refused_before_it_is_parsed(monkeypatch: pytest.MonkeyPatch,
                                                                     tmp_path: Path, run_cli: Run) -> None:
    from responsibility.batch import _io

    monkeypatch.setattr(_io, "MAX_JSON", 1000)
    src = tmp_path / "in.json"
    src.write_text('[{"id": "' + "a" * 2000 + '"}]', encoding="utf-8")
    code, _, err = run_cli("assess", str(src), "-o", str(tmp_path / "out.csv"))
    assert code == 2 and "larger than 0 MiB" in err and "JSON lines" in err, err


def _limit_memory(limit: int) -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/dev/zero")
@pytest.mark.parametrize(("feed", "fmt", "words"), [
    ("head -c 300M /dev/zero | tr '\\0' a", "csv", "a row longer than 64 MiB"),
    ("(printf '[{\"id\": \"'; head -c 300M /dev/zero | tr '\\0' a)", "json", "larger than 256 MiB"),
])
def test_endless_input_on_stdin_is_exit_2_in_bounded_memory(feed: str, fmt: str, words: str) -> None:
    # Before: the CSV row and the JSON document were held whole (out of memory, or exit 1 with
    # the whole 300 MiB held as one record).
    proc = subprocess.run(f'{feed} | "{sys.executable}" -m responsibility assess - --from {fmt} --no-progress',
                          shell=True, capture_output=True, text=True, timeout=300, check=False,
                          preexec_fn=lambda: _limit_memory(1024 * 2**20))
    assert proc.returncode == 2 and words in proc.stderr, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr and "out of memory" not in proc.stderr
