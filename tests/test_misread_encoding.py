"""A GB18030 file whose bytes happen to be UTF-8 too (short Chinese: 水 is ˮ) reads as UTF-8 with a note that says
it is likely GB18030 and how to read it so (review20b B20-12); ``who`` and ``route`` take ``--encoding`` as
``assess`` does."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from responsibility._files import gb18030_misread

Run = Callable[..., tuple[int, str, str]]
VILLAGE = "330127100219"


@pytest.mark.parametrize(("text", "found"), [
    ("area: ˮ\n", ("ˮ", "水")),             # 水 in GB18030, read as UTF-8
    ("x,ĳ,y", ("ĳ", "某")),                  # an accented letter alone in a cell
    ("ɽϪ", ("ɽϪ", "山溪")),                   # across blocks
    ("id: 危房改造", None),                    # UTF-8 Chinese: it is UTF-8
    ("café, naïve, Łódź", None),             # words of a language
    ("Москва", None), ("Ελλάδα", None), ("שלום", None),
    ("¥100", None), ("plain ASCII", None), ("", None),
])
def test_gb18030_read_as_utf8_is_told(text: str, found: tuple[str, str] | None) -> None:
    assert gb18030_misread(text) == found


def _gb(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("gb18030"))
    path.read_bytes().decode("utf-8")  # (the point: the bytes are UTF-8 too)
    return path


def test_assess_notes_a_file_that_is_likely_gb18030(run_cli: Run, tmp_path: Path) -> None:
    path = _gb(tmp_path / "in.csv", f"id,area,place,as_of\nx,水,{VILLAGE},2021-06-30\n")
    code, _, err = run_cli("assess", str(path), "--lang", "en", "-o", str(tmp_path / "out.csv"))
    assert code == 1 and "likely GB18030" in err and "'水'" in err and "--encoding gb18030" in err, err
    code, _, err = run_cli("assess", str(path), "--lang", "en", "--encoding", "gb18030", "-o", str(tmp_path / "o.csv"))
    assert "likely GB18030" not in err and "unknown duty area '水'" in err, err
    utf8 = tmp_path / "utf8.csv"
    utf8.write_text(f"id,area,place,as_of\nx,危房改造,{VILLAGE},2021-06-30\ny,café,{VILLAGE},2021-06-30\n",
                    encoding="utf-8")
    code, _, err = run_cli("assess", str(utf8), "--lang", "en", "-o", str(tmp_path / "o2.csv"))
    # (the 'wrote …' line names the output's path, which holds this test's own name: 'notes')
    assert "likely GB18030" not in err and "note" not in err.replace(str(tmp_path), ""), err


@pytest.mark.parametrize("command", ["who", "route"])
def test_who_and_route_take_encoding_and_note_a_likely_gb18030_file(run_cli: Run, tmp_path: Path,
                                                                   command: str) -> None:
    path = _gb(tmp_path / "p.yaml", f"id: x\narea: 水\nplace: '{VILLAGE}'\nas_of: 2021-06-30\n")
    code, _, err = run_cli(command, str(path))
    assert code == 2 and "likely GB18030" in err and "unknown duty area 'ˮ'" in err, err
    code, _, err = run_cli(command, str(path), "--encoding", "gb18030")
    assert code == 2 and "likely GB18030" not in err and "unknown duty area '水'" in err, err
    good = tmp_path / "good.yaml"
    good.write_bytes(f"id: x\narea: 危房改造\nplace: '{VILLAGE}'\nas_of: 2021-06-30\n".encode("gb18030"))
    code, _, err = run_cli(command, str(good), "--encoding", "gb18030")
    assert code == 0 and "note" not in err, err
    code, _, err = run_cli(command, str(good), "--encoding", "utf-8")
    assert code == 2 and "is not utf-8 text" in err, err
    code, _, err = run_cli(command, str(good), "--encoding", "rot13")
    assert code == 2 and "not a text encoding" in err, err


def test_random_bytes_are_not_told_to_try_gb18030(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """review23b R23b-7: `assess` of random bytes named .csv said "try --encoding gb18030", which reads them no better;
    a header that is GB18030 text still gets that hint."""
    import random

    noise = tmp_path / "noise.csv"
    noise.write_bytes(bytes(b for b in random.Random(7).randbytes(3000) if b not in b"\r\n,\"") + b"\n")
    code, _, err = run_cli("assess", str(noise), "--encoding", "utf-8")
    assert code == 2 and "gb18030" not in err.lower() and "is it a CSV file at all" in err, err
    gb = tmp_path / "gb.csv"
    gb.write_bytes("问题编号,领域\n".encode("gb18030"))
    code, _, err = run_cli("assess", str(gb), "--encoding", "utf-8")
    assert code == 2 and "try --encoding gb18030" in err, err
