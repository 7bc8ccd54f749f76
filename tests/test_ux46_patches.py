"""Words outside ux46's files (ux46): a raw control character in a JSON line was "Invalid control character at at
column 13" (json's message ends in "at", and the column followed); a policy path that is a loop of symbolic links was
"no such directory", and one that points nowhere did not say so."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

Run = Callable[..., tuple[int, str, str]]


def test_a_raw_control_character_in_a_json_line_is_said_once(tmp_path: Path, run_cli: Run) -> None:
    (tmp_path / "ctl.jsonl").write_bytes(b'{"id": "a\x00b"}\n')
    code, out, _ = run_cli("assess", str(tmp_path / "ctl.jsonl"), "-o", str(tmp_path / "f.csv"), "--rejects", "-")
    assert code == 1, out
    assert "(Invalid control character at column 10)" in out and "at at" not in out, out


def test_a_policy_path_that_loops_or_points_nowhere_says_so(tmp_path: Path, run_cli: Run) -> None:
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    (tmp_path / "gone").symlink_to(tmp_path / "nowhere")
    said: dict[str, Any] = {}
    for name in ("a", "gone"):
        code, _, err = run_cli("validate", str(tmp_path / name))
        assert code == 2, err
        said[name] = err
    assert "a loop of symbolic links, not a directory" in said["a"], said
    assert f"a symbolic link to {tmp_path / 'nowhere'}, which does not exist" in said["gone"], said
    assert "no such directory" not in said["a"] + said["gone"], said
