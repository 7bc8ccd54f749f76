"""A UTF-16 or UTF-32 input with a broken code unit: that line is a reject (bad_encoding), never an
internal error (surrogateescape cannot escape bytes below 0x80, so it raised out of the reader)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

RECORDS = Path(__file__).resolve().parents[1] / "examples" / "records"
#: a record, then a line with a broken unit (a lone surrogate, a code point past U+10FFFF, a last odd byte)
BROKEN = {"utf-16": b"\x00\xd8" + "{}\n".encode("utf-16-le"), "utf-32": b"\x00\x00\x11\x00" + "\n".encode("utf-32-le"),
          "odd": b"{"}


def _body(kind: str) -> bytes:
    first = (RECORDS / "problems.jsonl").read_text("utf-8").splitlines()[0] + "\n"
    encoding = "utf-32" if kind == "utf-32" else "utf-16"
    return first.encode(encoding) + BROKEN[kind]


@pytest.mark.parametrize("kind", list(BROKEN))
def test_assess_rejects_the_broken_line(kind: str, tmp_path: Path,
                                        run_cli: Callable[..., tuple[int, str, str]]) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(_body(kind))
    code, _, err = run_cli("assess", str(src), "-o", str(tmp_path / "out.jsonl"), "--rejects",
                           str(tmp_path / "rejects.csv"), "--today", "2021-06-30", "--no-progress")
    assert code == 1 and "internal error" not in err
    assert "records in: 2   assessed: 1   rejected: 1" in err
    rejects = (tmp_path / "rejects.csv").read_text("utf-8")
    assert "bad_encoding" in rejects and "line 2: bytes that are not utf-" in rejects and "gb18030" not in rejects


@pytest.mark.parametrize("kind", list(BROKEN))
def test_the_service_rejects_the_broken_line(kind: str, client: Any) -> None:
    from tests.test_service import bearer

    answer = client.post("/v1/assess?today=2021-06-30", content=_body(kind), headers=bearer("chunan"))
    assert answer.status_code == 200, answer.text
    lines = [json.loads(x) for x in answer.text.splitlines()]
    rejected = [x["rejected"] for x in lines if "rejected" in x]
    assert [r["code"] for r in rejected] == ["bad_encoding"] and lines[-1]["summary"]["records"] == 2
