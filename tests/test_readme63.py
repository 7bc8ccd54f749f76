"""What a newcomer following the README meets (readme63): help texts that say what a command does unasked."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


def test_test_s_help_says_which_files_it_runs_without_a_path(run_cli: Any) -> None:
    # `responsibility test` with no PATH runs every *.scenarios.yaml below the current directory, however deep
    # (in a home directory, all of them): its help must say so, as the README's command table does.
    code, out, _ = run_cli("test", "--help")
    assert code == 0
    text = " ".join(out.split())
    assert "no PATHS" in text and "current directory" in text


def test_test_without_a_path_runs_the_scenarios_below_the_current_directory(
        tmp_path: Path, run_cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "deep" / "er").mkdir(parents=True)
    (tmp_path / "deep" / "er" / "one.scenarios.yaml").write_text(
        "scenarios:\n- name: 富城村\n  problem: {id: a, area: housing, place: '330127100219',"
        " discovered: {level: village, channel: grid, on: 2021-03-01}, as_of: 2021-03-02}\n"
        "  expect: {failures: 0}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli("test")
    assert (code, out.strip()) == (0, "1 passed, 0 failed"), err
