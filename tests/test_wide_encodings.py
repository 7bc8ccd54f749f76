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


# review24b R24b-0: bytes FF FE (FE FF, FF FE 00 00) at the start of a line of a UTF-8 input are a broken line, not a
# byte order mark: one was read as the whole input's mark when it came past the first 64 KiB of ASCII (assess: an
# internal error; the service: every later record folded into one reject, the summary still balanced)
MARKS = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff", "utf-32-le": b"\xff\xfe\x00\x00"}


def _marked_midway(mark: bytes, n: int = 1200, at: int = 1000) -> bytes:
    first = (RECORDS / "problems.jsonl").read_text("utf-8").splitlines()[0]
    rows = [json.dumps({**json.loads(first), "id": f"r{i}"}, ensure_ascii=True).encode() for i in range(n)]
    rows[at] = mark
    body = b"\n".join(rows) + b"\n"
    assert body[:body.index(mark)].isascii()
    return body


@pytest.mark.parametrize("mark", list(MARKS))
@pytest.mark.parametrize("stdin", [False, True])
def test_a_mark_in_the_middle_of_a_file_is_one_broken_line(mark: str, stdin: bool, tmp_path: Path,
                                                            run_cli: Callable[..., tuple[int, str, str]],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    body = _marked_midway(MARKS[mark])
    assert body.index(MARKS[mark]) > 64 * 1024  # past the start a reader sniffs
    src = tmp_path / "in.jsonl"
    src.write_bytes(body)
    if stdin:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(body)))
    args = ["-", "--from", "jsonl"] if stdin else [str(src)]
    code, _, err = run_cli("assess", *args, "-o", str(tmp_path / "out.jsonl"), "--rejects",
                           str(tmp_path / "rejects.csv"), "--today", "2021-06-30", "--no-progress")
    assert code == 1 and "internal error" not in err and "UTF-" not in err, err
    assert "records in: 1,200   assessed: 1,199   rejected: 1" in err
    assert "line 1001" in (tmp_path / "rejects.csv").read_text("utf-8")
    code, _, err = run_cli("who", str(src))
    assert code == 2 and "in.jsonl:1001:1: not UTF-8 text" in err and "UTF-16" not in err


@pytest.mark.parametrize("mark", list(MARKS))
def test_the_service_reads_a_mark_in_the_middle_as_one_broken_line(mark: str, client: Any) -> None:
    from tests.test_service import bearer

    body = _marked_midway(MARKS[mark], n=60, at=30)  # (past the body's ASCII start, within the server's limits)
    answer = client.post("/v1/assess?today=2021-06-30", content=body, headers=bearer("chunan"))
    assert answer.status_code == 200, answer.text
    lines = [json.loads(x) for x in answer.text.splitlines()]
    summary = lines[-1]["summary"]
    rejected = [x["rejected"] for x in lines if "rejected" in x]
    assert summary["records"] == 60 and summary["rejected"] == 1 and [r["line"] for r in rejected] == [31]


def test_the_detector_reads_no_mark_past_the_start() -> None:
    from responsibility.policy._encoding import detect_encoding, past_start, sample

    body = _marked_midway(MARKS["utf-16-le"])
    probe = sample(body)
    assert past_start(body, probe) and probe.startswith(b"\xff\xfe")
    assert detect_encoding(probe) == ("utf-16", "its byte order mark says so")  # read as a start, it is a mark
    assert detect_encoding(probe, midstream=True) is None
    assert not past_start(b"\xff\xfe{}", sample(b"\xff\xfe{}"))
