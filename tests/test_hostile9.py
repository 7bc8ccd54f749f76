"""Hostile input, round 9: what the earlier rounds left — encodings said by name (UTF-16 without a
byte order mark, a broken code unit in a JSON document, GB18030 found by itself), rejects with
their real line (a JSON document's, a CSV quote never closed), and the ledger's words."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
RECORDS = ROOT / "examples" / "records"
PROBLEM = json.loads((RECORDS / "problem.json").read_text("utf-8"))


def _rejects(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text("utf-8"))))


# ------------------------------------------------------------------ encodings said by name


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("command", ["who", "ledger add"])
def test_utf16_without_a_byte_order_mark_is_named(run_cli: Any, tmp_path: Path, encoding: str, command: str) -> None:
    """It was 'control character U+0000 is not allowed in YAML': a NUL in every other byte is UTF-16."""
    path = tmp_path / "record.json"
    body = PROBLEM if command == "who" else {"problem": "X-1", "type": "concealed", "who": "county"}
    path.write_bytes(json.dumps(body, ensure_ascii=False, indent=1).encode(encoding))
    if command == "who":
        code, _, err = run_cli("who", str(path))
    else:
        db = tmp_path / "l.db"
        assert run_cli("ledger", "init", str(db))[0] == 0
        code, _, err = run_cli("ledger", "add", str(db), str(path), "--by", "me")
    name = encoding.upper().replace("-LE", "LE").replace("-BE", "BE")
    assert code == 2 and f"{name} text without a byte order mark" in err and f"iconv -f {name}" in err, err
    assert "U+0000" not in err and len(err.strip().splitlines()) == 1


def test_a_stray_nul_is_still_a_control_character(run_cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_bytes(b"id: a\x00\narea: housing\nplace: '330127100219'\n")
    code, _, err = run_cli("who", str(path))
    assert code == 2 and "U+0000" in err and "UTF-16" not in err


@pytest.mark.parametrize(("name", "kind"), [("dup.json", "JSON"), ("dup.yaml", "YAML")])
def test_a_duplicate_key_names_the_file_s_own_language(run_cli: Any, tmp_path: Path, name: str, kind: str) -> None:
    path = tmp_path / name
    path.write_text('{"id": "a", "id": "b"}' if kind == "JSON" else "id: a\nid: b\n", "utf-8")
    code, _, err = run_cli("who", str(path))
    assert code == 2 and f"{kind} readers would silently keep only the last" in err, err


def test_a_broken_code_unit_in_a_utf16_json_document_is_named(run_cli: Any, tmp_path: Path) -> None:
    """It was 'not utf-8 text (byte 13); for a GB18030 file use --encoding gb18030'."""
    text = "[\n" + json.dumps(PROBLEM, ensure_ascii=False, indent=1) + "\n]\n"
    raw = text.encode("utf-16")
    at = raw.find('"2021-0042"'.encode("utf-16-le"))
    path = tmp_path / "u16.json"
    path.write_bytes(raw[:at] + b"\x00\xd8" + raw[at:])  # a lone high surrogate
    code, _, err = run_cli("assess", str(path), "-o", str(tmp_path / "out.csv"), "--no-progress")
    line = text[:text.find('"2021-0042"')].count("\n") + 1
    assert code == 2 and f"line {line}: bytes that are not utf-16 text" in err, err
    assert "gb18030" not in err and "utf-8" not in err and not (tmp_path / "out.csv").exists()


@pytest.mark.parametrize("name", ["ledger.csv", "problems.jsonl"])
def test_a_gb18030_ledger_is_found_and_said(run_cli: Any, tmp_path: Path, name: str) -> None:
    """It gave findings for the ASCII rows and rejected the rest (ledger import finds GB18030 by itself)."""
    text = (RECORDS / name).read_text("utf-8").replace('"housing"', '"危房改造"').replace('"county"', '"县"')
    assert text.count("危房改造") + text.count("县") >= 4
    (tmp_path / "u8").mkdir()
    (tmp_path / "u8" / name).write_text(text, "utf-8")
    (tmp_path / name).write_bytes(text.encode("gb18030"))
    outs = []
    for path in (tmp_path / "u8" / name, tmp_path / name):
        out = path.parent / "out.csv"
        code, _, err = run_cli("assess", str(path), "-o", str(out), "--today", "2021-06-30", "--no-progress")
        assert code in (0, 1) and "bad_encoding" not in err and "bytes that are not" not in err, err
        outs.append((out.read_bytes(), "read as GB18030" in err))
    assert outs[0][0] == outs[1][0] and outs == [(outs[0][0], False), (outs[0][0], True)]
    code, _, err = run_cli("assess", str(tmp_path / name), "-o", str(tmp_path / "x.csv"), "--encoding", "utf-8",
                           "--no-progress")
    assert code == 1 and "try --encoding gb18030" in err  # said so, it is read as UTF-8


def test_a_utf16_ledger_without_a_byte_order_mark_is_read(run_cli: Any, tmp_path: Path) -> None:
    text = (RECORDS / "ledger.csv").read_text("utf-8")
    outs = []
    for name, data in (("u8.csv", text.encode()), ("u16.csv", text.encode("utf-16-le"))):
        (tmp_path / name).write_bytes(data)
        out = tmp_path / f"{name}.out.csv"
        code, _, err = run_cli("assess", str(tmp_path / name), "-o", str(out), "--today", "2021-06-30",
                               "--no-progress")
        assert code in (0, 1), err
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] and "read as UTF-16LE" in err


# ------------------------------------------------------------------ rejects with their real line


def test_a_json_document_s_rejects_carry_their_line(run_cli: Any, tmp_path: Path) -> None:
    """They carried line 0 (Parquet's carry none)."""
    path = tmp_path / "in.json"
    path.write_text('[\n  {"id": "a", "area": "housing", "place": "330127100219"},\n\n'
                    '  {"id": "b", "area": "nope",\n   "place": "330127100219"},\n'
                    '  {"id": "c", "id": "d"}\n]\n', "utf-8")
    rej = tmp_path / "rej.csv"
    code, _, err = run_cli("assess", str(path), "-o", str(tmp_path / "o.csv"), "--rejects", str(rej),
                           "--no-progress")
    assert code == 1 and "balanced: 1 + 2 = 3" in err
    got = [(r["record"], r["line"], r["code"]) for r in _rejects(rej)]
    assert got == [("1", "4", "unknown_area"), ("2", "6", "bad_json")], got
    one = tmp_path / "one.json"
    one.write_text('\n\n  {"id": "x", "area": "nope", "place": "330127100219"}', "utf-8")
    code, _, _ = run_cli("assess", str(one), "-o", str(tmp_path / "o.csv"), "--rejects", str(rej), "--no-progress")
    assert code == 1 and [r["line"] for r in _rejects(rej)] == ["3"]


@pytest.mark.parametrize("fast", [True, False])
@pytest.mark.parametrize(("row", "opened"), [('b,housing,"330127100219,minor', 3), ('"b,housing,330127100219,minor', 3),
                                             ("b,housing,330127100219,minor", None)])
def test_a_quote_never_closed_is_named(run_cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       fast: bool, row: str, opened: int | None) -> None:
    """The rest of the file read as one cell, rejected as 'contains a control character'."""
    from responsibility.batch import _io

    if not fast:
        monkeypatch.setattr(_io, "_CSV_FAST", frozenset())
    path = tmp_path / "in.csv"
    path.write_text(f"id,area,place,severity\na,housing,330127100219,minor\n{row}\n"
                    "c,housing,330127100219,minor\nd,housing,330127100219,minor\n", "utf-8")
    rej = tmp_path / "rej.csv"
    code, _, err = run_cli("assess", str(path), "-o", str(tmp_path / "o.csv"), "--rejects", str(rej),
                           "--no-progress")
    got = _rejects(rej)
    if opened is None:
        assert code == 0 and not got
        return
    assert code == 1 and "balanced: 1 + 1 = 2" in err
    (bad,) = got
    assert bad["line"] == "3" and bad["code"] == "bad_row", bad
    assert f"a quote opened on line {opened} is never closed" in bad["reason"] and "lines 3–5" in bad["reason"]
