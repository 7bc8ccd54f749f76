"""An output whose name the file system takes is written (ux46): a name of 233-255 bytes was refused "file name too
long", since the temporary part written beside it adds about 25 bytes to the name."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

Run = Callable[..., tuple[int, str, str]]
ROOT = Path(__file__).resolve().parents[1]


def test_an_output_named_with_255_bytes_is_written(tmp_path: Path, run_cli: Run) -> None:
    from responsibility._files import write_text

    target = tmp_path / ("图" * 83 + "xy.csv")  # 255 bytes in UTF-8
    assert len(os.fsencode(target.name)) == 255
    write_text(target, "a\n")
    assert target.read_text() == "a\n" and os.listdir(tmp_path) == [target.name]
    findings = tmp_path / ("o" * 251 + ".csv")
    code, _, err = run_cli("assess", str(ROOT / "examples" / "records" / "ledger.csv"), "-o", str(findings))
    assert code == 1 and findings.stat().st_size > 0, err


def test_a_killed_writer_s_part_of_a_long_name_is_removed(tmp_path: Path) -> None:
    """The part of a long name is named by its digest; the next write still finds and removes a dead writer's."""
    from responsibility._files import _part_stem, write_text

    name = "o" * 240 + ".csv"
    dead = tmp_path / f".{_part_stem(name)}.2147483646.abc123.part"  # (no such process)
    dead.write_text("half")
    write_text(tmp_path / name, "whole\n")
    assert sorted(os.listdir(tmp_path)) == [name], os.listdir(tmp_path)
    assert _part_stem("findings.csv") == "findings.csv"
