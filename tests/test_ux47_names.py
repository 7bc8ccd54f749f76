"""A file name that is not UTF-8 in an error (ux47; the patch ux47-errors-names.patch to _errors.shown_name)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from responsibility._errors import shown_name

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="a name with a byte that is not UTF-8")


def test_a_byte_that_is_not_utf8_is_shown_as_the_byte() -> None:
    # a control character is still escaped as before; the byte 0xff is shown as the byte, not as U+DCFF
    assert shown_name("a\x1bb\udcffc.yaml") == "a\\x1bb\\xffc.yaml"


def test_who_names_such_a_file_by_its_byte(tmp_path: Path, run_cli: Callable[..., tuple[int, str, str]]) -> None:
    bad = os.path.join(os.fsencode(tmp_path), b"b\xff.yaml")
    with open(bad, "wb") as f:
        f.write(b"id: x\n")
    code, _out, err = run_cli("who", os.fsdecode(bad))
    assert code == 2
    assert "b\\xff.yaml:1:1: problem 'x', field 'area': is required" in err
    assert "udcff" not in err
