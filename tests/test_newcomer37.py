"""A newcomer's and a hostile user's pass (newcomer37, session 37): README.md and docs/ followed from a fresh clone,
then hostile values given to the command line. What it found in the command line is tested here."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

Run = Callable[..., tuple[int, str, str]]


@pytest.mark.parametrize("args", [
    ("ledger", "alerts", "county.db", "--within", "1.5"),
    ("ledger", "alerts", "county.db", "--within", "七"),
    ("ledger", "export", "county.db", "x.xlsx", "--within", "nan"),
    ("ledger", "duplicates", "county.db", "--window", "1e9"),
    ("serve", "--port", "abc"),
    ("serve", "--body-seconds", "nan"),
    ("assess", "in.csv", "--workers", "x"),
])
def test_a_whole_number_option_given_no_whole_number_says_so(run_cli: Run, args: tuple[str, ...]) -> None:
    """click's IntRange refused `--within 1.5` with "'1.5' is not a valid integer range", which reads as asking for a
    range (0-7?): the refusal says a whole number is due, and which."""
    code, _, err = run_cli(*args)
    assert code == 2, err
    assert "is not a whole number; give one " in err and "integer range" not in err, err


def test_a_whole_number_option_out_of_range_is_still_said_by_its_range(run_cli: Run) -> None:
    code, _, err = run_cli("ledger", "alerts", "county.db", "--within", "-1")
    assert code == 2 and "-1 is not in the range 0<=x<=3650" in err, err
    code, _, err = run_cli("serve", "--max-body", "abc")
    assert code == 2 and "'abc' is not a whole number; give one of at least 1" in err, err


def test_token_reads_a_jurisdiction_in_full_width_digits(run_cli: Run) -> None:
    """A record's place, `graph --place` and `ledger list --place` read ３３０１２７ as 330127 (a Chinese input method's
    digits); `token --jurisdiction ３３０１２７` refused it as "not a division code". The entry stores the ASCII code,
    which `serve` reads."""
    code, out, err = run_cli("token", "--name", "chunan", "--role", "county", "--jurisdiction", "３３０１２７")
    assert code == 0, err
    assert '"jurisdiction": "330127"' in out and "token for chunan" in err, out


def test_ledger_add_of_one_event_names_its_number_once(run_cli: Run, tmp_path: Path) -> None:
    """One stored event was said as 'seq 4–4'."""
    db = str(tmp_path / "county.db")
    events = tmp_path / "e.yaml"
    events.write_text('- {problem: P1, type: registered, on: 2021-03-01, area: housing, place: "330127100219"}\n',
                      encoding="utf-8")
    assert run_cli("ledger", "init", db)[0] == 0
    code, out, err = run_cli("ledger", "add", db, str(events), "--by", "县扶贫办")
    assert code == 0, err
    assert "已存入事件 1 条，序号 1（stored 1 event(s), seq 1）" in out, out


@pytest.mark.parametrize(("name", "head", "said"), [
    ("county.db", b"SQLite format 3\x00\x10\x00\x02\x02", "is an SQLite database (a ledger?)"),
    ("record.yaml.gz", b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "is compressed with gzip"),
    ("record.yaml", b"PK\x03\x04\x14\x00\x06\x00", "is a zip archive (an Excel workbook?)"),
    ("record.json", b"PAR1\x15\x04\x15\x80", "is a Parquet table"),
])
def test_a_binary_file_given_for_a_record_is_named_by_its_bytes(run_cli: Run, tmp_path: Path, name: str,
                                                                 head: bytes, said: str) -> None:
    """`who county.db` (the ledger, where a record file was due) was told "not UTF-8 text (byte 0xf8) … files from
    Excel or Chinese Windows are usually GB18030/GBK: iconv -f GB18030 -t UTF-8": advice for a text file in another
    encoding, not for a database, a gzip file or a workbook named .yaml. It is named by its first bytes, with what to
    do instead, exit 2, in who, route and ledger add alike."""
    path = tmp_path / name
    path.write_bytes(head + bytes(range(256)) * 4)
    db = str(tmp_path / "l.db")
    assert run_cli("ledger", "init", db)[0] == 0
    for args in (("who", str(path)), ("route", str(path)), ("ledger", "add", db, str(path), "--by", "x")):
        code, _, err = run_cli(*args)
        assert code == 2, err
        assert f"{path} {said}" in err and "iconv" not in err and "Traceback" not in err, err


def test_a_ledger_given_to_who_is_told_where_its_problems_are_shown(run_cli: Run, tmp_path: Path) -> None:
    db = str(tmp_path / "county.db")
    assert run_cli("ledger", "init", db)[0] == 0
    code, _, err = run_cli("who", db)
    assert code == 2 and f"`responsibility ledger show {db} PROBLEM`" in err, err
