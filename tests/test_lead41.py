"""Session 41's lead fixes: a UTF-8 input with one UTF-16 line is UTF-8 with one bad line (hostile41's left)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from responsibility.policy._encoding import wide_without_mark

RECORD: dict[str, Any] = {
    "id": "a1", "area": "housing", "kind": "housing_renovation_late", "place": "330127100219", "severity": "minor",
    "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"}, "as_of": "2021-06-30"}


@pytest.mark.parametrize("wide", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_one_pasted_wide_line_is_rejected_alone(run_cli: Any, tmp_path: Path, wide: str) -> None:
    # a JSON lines file whose first line is UTF-8 and a later one UTF-16: it was read whole as UTF-16BE and refused
    # (exit 2), so one pasted line sank the run
    src = tmp_path / "mixed.jsonl"
    src.write_bytes(json.dumps(RECORD).encode() + b"\n" + json.dumps({**RECORD, "id": "a2"}).encode(wide) + b"\n"
                    + json.dumps({**RECORD, "id": "a3"}).encode() + b"\n")
    out = tmp_path / "out.jsonl"
    code, _, err = run_cli("assess", str(src), "-o", str(out))
    assert code == 1, err  # findings; not 2 (unusable input)
    assert "records in: 3" in err and "rejected: 1" in err, err  # the wide line, counted, not dropped
    problems = {json.loads(line)["problem"] for line in out.read_text(encoding="utf-8").splitlines()}
    assert problems == {"a1", "a3"}


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("text", ['{"id": "a"}\n{"id": "b"}\n' * 3,
                                  "问题编号,地区\nCA-2021-001,330127\nCA-2021-002,330127\n",
                                  "上报,地区\nCA-2021-001,330127\nCA-2021-002,330127\n"])
def test_wide_text_without_a_mark_is_still_told(encoding: str, text: str) -> None:
    assert wide_without_mark(text.encode(encoding)) == encoding.replace("-le", "LE").replace("-be", "BE").upper()


def test_utf8_starting_text_with_a_wide_line_is_not_wide() -> None:
    data = json.dumps(RECORD).encode() + b"\n" + json.dumps(RECORD).encode("utf-16-le") + b"\n"
    assert wide_without_mark(data) is None
