"""The corpus of broken rule files: each gives one located error, the right exit code, no traceback.

Each file in tests/broken/ starts with comment lines naming where it goes in a copy of
rules/ (``target``), the message it must produce (``expect``), the exit code and the
line of the file the message must point at.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import responsibility

BROKEN = Path(__file__).parent / "broken"
CASES = sorted(BROKEN.glob("*.yaml"))


def header(path: Path) -> dict[str, str]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# ") and ":" in line:
            key, _, value = line[2:].partition(": ")
            out[key] = value
    return out


def test_the_corpus_has_at_least_25_cases() -> None:
    assert len(CASES) >= 25


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_broken_file_is_reported_with_its_location(case: Path, rules_copy: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    h = header(case)
    target = rules_copy / h["target"]
    shutil.copyfile(case, target)
    code, out, err = run_cli("validate", str(rules_copy))
    assert code == int(h["exit"])
    lines = [ln for ln in (out + err).splitlines() if h["expect"] in ln]
    assert lines, f"expected {h['expect']!r} in:\n{out}{err}"
    assert f"{Path(h['target']).name}:{h['line']}:" in lines[0]
    assert "Traceback" not in out + err


def test_unreadable_encoding_is_exit_2(rules_copy: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    (rules_copy / "areas" / "zz.yaml").write_bytes("id: 测试".encode("gbk"))
    code, out, _ = run_cli("validate", str(rules_copy))
    assert code == 2
    assert "zz.yaml:1:5: not UTF-8 text" in out


def test_missing_directory_is_exit_2(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run_cli("validate", str(tmp_path / "nowhere"))
    assert code == 2
    assert "nowhere: no such directory" in err and "Traceback" not in err
    (tmp_path / "a-file").touch()
    with pytest.raises(responsibility.RulesError, match="a-file: not a directory"):
        responsibility.load(tmp_path / "a-file")


def test_missing_required_file_is_exit_2(rules_copy: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    (rules_copy / "parameters.yaml").unlink()
    code, out, _ = run_cli("validate", str(rules_copy))
    assert code == 2
    assert "parameters.yaml: file is missing" in out
