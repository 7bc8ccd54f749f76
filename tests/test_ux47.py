"""Session 47's hostile input and newcomer fixes (ux47): each pinned in-process."""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

Run = Callable[..., tuple[int, str, str]]


# ---------------------------------------------------------------- a tampered ledger is said before its data is shown

def _tampered(db: str) -> None:
    with sqlite3.connect(db) as conn:  # the place of the registered event, edited outside the library
        conn.execute("UPDATE events SET data = replace(data, '330127100219', '330127100218') WHERE seq = 1")


@pytest.mark.parametrize("command", [("list", "{db}", "problems", "--as-of", "2021-06-20"),
                                     ("alerts", "{db}", "--as-of", "2021-06-20"),
                                     ("duplicates", "{db}", "--as-of", "2021-06-20"),
                                     ("show", "{db}", "P1", "--as-of", "2021-06-20")])
def test_a_command_that_shows_a_tampered_ledger_says_so(one_problem_ledger: Callable[[str], str], run_cli: Run,
                                                        command: tuple[str, ...]) -> None:
    db = one_problem_ledger("P1")
    args = [a.format(db=db) for a in command]
    code, _out, err = run_cli("ledger", *args)
    assert code in (0, 1) and "warning" not in err  # whole: nothing said
    _tampered(db)
    code, out, err = run_cli("ledger", *args)
    assert code in ((2,) if command[0] == "show" else (0, 1)), err  # show cannot fold a place no longer known
    assert "the hash chain is broken at event 1 (problem 'P1'): its content was altered after it was stored" in err
    assert f"`responsibility ledger verify {db}` says where; restore the ledger from a backup" in err
    assert "警告：台账的哈希链第 1 条事件（问题 P1）处断开" in err
    if command[0] == "list":
        assert "330127100218" in out  # the list is still given, after the warning: the office sees what changed


def test_a_removed_last_event_is_said_too(one_problem_ledger: Callable[[str], str], run_cli: Run) -> None:
    db = one_problem_ledger("P1")
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM events WHERE seq = 1")
    _code, _out, err = run_cli("ledger", "list", db, "problems", "--as-of", "2021-06-20")
    assert "the hash chain is broken at event 1: the last 1 event(s) were removed" in err


# ---------------------------------------------------------------- a file name that is not UTF-8

@pytest.mark.skipif(sys.platform != "linux", reason="a name with a byte that is not UTF-8")
def test_a_written_file_whose_name_is_not_utf8_is_named_by_its_byte(
        one_problem_ledger: Callable[[str], str], run_cli: Run, tmp_path: Path) -> None:
    db = one_problem_ledger("P1")
    out = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"l\xff.csv"))
    code, _out, err = run_cli("ledger", "list", db, "problems", "-o", out, "--as-of", "2021-06-20")
    assert code == 0, err
    assert err.strip().endswith("l\\xff.csv") and "udcff" not in err
    assert os.path.exists(os.path.join(os.fsencode(tmp_path), b"l\xff.csv"))
    assert sys.stderr.errors != "responsibility.name_bytes"  # set back after the command


def test_the_handler_shows_other_characters_as_python_does() -> None:
    assert "中\udcfe".encode("ascii", "responsibility.name_bytes") == b"\\u4e2d\\xfe"
