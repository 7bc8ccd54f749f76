"""Session 58's hostile inputs: a bad ``ledger add --by`` said once, not once per event of the file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from responsibility import Ledger, ProblemError

ROOT = Path(__file__).resolve().parents[1]
EVENTS = ROOT / "examples" / "ledger" / "events.yaml"


def _many_events(path: Path, n: int) -> Path:
    path.write_text("".join(f"- {{problem: B{i}, type: registered, on: 2021-04-02, area: housing, "
                            f"place: '330127100219'}}\n" for i in range(n)), encoding="utf-8")
    return path


# ---------------------------------------------------------------- ledger add --by, said once

@pytest.mark.parametrize(("by", "said"), [("", "is required: who enters the events"),
                                          ("  ", "is required: who enters the events"),
                                          ("a\x1bb", "contains a control character ('\\x1b'); remove it"),
                                          ("x" * 300, "longer than 200 characters")],
                         ids=["empty", "blank", "escape", "long"])
def test_add_refuses_a_bad_by_once_not_for_every_event(tmp_path: Path, run_cli: Any, by: str, said: str) -> None:
    """``ledger add DB FILE --by ''`` said "event 1: is required: who enters the event; also problem 'B1', field
    'entered_by': event 2: …" up to twenty times for the one option (import already said it once)."""
    db = str(tmp_path / "county.db")
    run_cli("ledger", "init", db)
    code, _out, err = run_cli("ledger", "add", db, str(_many_events(tmp_path / "ev.yaml", 30)), "--by", by)
    assert code == 2, err
    assert err.strip() == f"error: Invalid value for --by: {said} (see `responsibility ledger add --help`)"
    assert "event 2" not in err and "also" not in err
    assert run_cli("ledger", "verify", db)[0] == 0
    with Ledger.open(db) as ledger:
        assert ledger.verify().events == 0


def test_append_refuses_a_bad_entered_by_once(tmp_path: Path) -> None:
    """Ledger.append(many, entered_by='') is one error of the argument, field entered_by, no event named."""
    with Ledger.create(str(tmp_path / "county.db")) as ledger:
        events = [{"problem": f"B{i}", "type": "registered", "on": "2021-04-02", "area": "housing",
                   "place": "330127100219"} for i in range(5)]
        with pytest.raises(ProblemError) as caught:
            ledger.append(events, entered_by="")
        assert caught.value.field == "entered_by" and caught.value.code == "missing_field"
        assert "event" not in str(caught.value).replace("who enters the events", "")
        assert ledger.verify().events == 0
        # an event's own entered_by (no argument) is still the event's, and refused at it
        with pytest.raises(ProblemError) as caught:
            ledger.append([{**events[0], "entered_by": "clerk"}, {**events[1], "entered_by": ""}])
        assert "event 2" in str(caught.value)


# ---------------------------------------------------------------- two JSON lines files joined, each with a BOM

def test_joined_files_with_a_byte_order_mark_each_are_read_on_every_path(tmp_path: Path, run_cli: Any) -> None:
    """``cat a.jsonl b.jsonl`` of two files saved with a BOM (Notepad) put one at the start of b's first line:
    ``assess`` refused that record "not valid JSON (Unexpected UTF-8 BOM (decode using utf-8-sig))", while POST
    /v1/assess read it; both now assess it, as they assess each file alone."""
    from fastapi.testclient import TestClient

    from responsibility.service import Settings, create_app

    from .test_service import bearer, token_store

    one = b"\xef\xbb\xbf" + (ROOT / "examples" / "records" / "problems.jsonl").read_bytes()
    joined = tmp_path / "joined.jsonl"
    joined.write_bytes(one + one)
    alone = tmp_path / "alone.jsonl"
    alone.write_bytes(one)

    def summary(path: Path) -> str:
        code, _out, err = run_cli("assess", str(path), "-o", str(tmp_path / "out.jsonl"))
        assert code == 1, err  # (the example's third record is refused: a 10-digit place)
        assert "BOM" not in err and "not valid JSON" not in err, err
        return err.strip().splitlines()[-1]

    assert "records in: 3   assessed: 2   rejected: 1" in summary(alone)
    assert "records in: 6   assessed: 4   rejected: 2" in summary(joined)
    app = create_app(Settings(tokens=token_store(), decision_log=tmp_path / "d.jsonl"))
    with TestClient(app, raise_server_exceptions=False) as client:
        answer = client.post("/v1/assess", headers={**bearer("zhejiang"), "Content-Type": "application/x-ndjson"},
                             content=one + one)
    assert answer.status_code == 200, answer.text[:300]
    said = [line for line in answer.text.splitlines() if '"summary"' in line][-1]
    assert '"records":6,"assessed":4,"rejected":2' in said.replace(" ", ""), said


# ---------------------------------------------------------------- the README's table, byte for byte

def test_who_prints_the_readme_table_as_it_stands(run_cli: Any) -> None:
    """A newcomer's ``diff`` of the README's <!-- tour-who-output --> with what ``who`` printed showed every row
    changed: rich padded the last column (条款) with spaces to its width, on every line. Printed to a file or a pipe,
    no line ends in a space, and the table is the README's, byte for byte."""
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = re.search(r"<!-- tour-who-output -->\n```text\n(.*?)\n```", readme, re.S)
    assert shown is not None
    code, out, _err = run_cli("who", str(ROOT / "examples" / "problems" / "housing-not-discovered.yaml"))
    assert code == 0
    assert not [line for line in out.splitlines() if line.endswith(" ")]
    assert out.rstrip("\n") == shown.group(1)
    code, out, _err = run_cli("who", str(ROOT / "examples" / "problems" / "housing-not-discovered.yaml"),
                              "--lang", "en")
    assert code == 0 and not [line for line in out.splitlines() if line.endswith(" ")]


# ---------------------------------------------------------------- schemas --out a directory that cannot be made

def test_schemas_says_which_directory_it_cannot_make(tmp_path: Path, run_cli: Any) -> None:
    """``schemas --out DIR`` makes DIR when missing; where it could not (a file in the path, a read-only parent) it
    said "cannot complete: not a directory (f/sub); the output may be incomplete", naming no directory to give."""
    (tmp_path / "f").write_text("a file\n")
    code, _out, err = run_cli("schemas", "--out", str(tmp_path / "f" / "sub"))
    assert code == 2
    assert err.strip().startswith(f"error: cannot create the schema directory {tmp_path / 'f' / 'sub'}: ")
    assert "give --out a directory you can write to" in err and "cannot complete" not in err
    code, out, _err = run_cli("schemas", "--out", str(tmp_path / "new" / "sub"))
    assert code == 0 and "wrote schemas in" in out and (tmp_path / "new" / "sub" / "problem.schema.json").is_file()


# ---------------------------------------------------------------- a YAML limit's hint, in one pair of parentheses

@pytest.mark.parametrize("hostile", ["bomb", "deep"])
def test_a_yaml_limit_says_its_hint_without_parentheses_in_parentheses(tmp_path: Path, run_cli: Any,
                                                                       hostile: str) -> None:
    """``who bomb.yaml`` said "… (write the values out instead of repeating aliases (an alias bomb?))" and a
    70-deep event file "(flatten the structure (no real file nests this deep))"."""
    if hostile == "bomb":
        text = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
            f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]\n" for p, c in zip("abcde", "bcdef", strict=True))
    else:
        text = "id: x\nextra: " + "[" * 70 + "]" * 70 + "\n"
    (tmp_path / "p.yaml").write_text(text, encoding="utf-8")
    code, _out, err = run_cli("who", str(tmp_path / "p.yaml"))
    assert code == 2 and err.startswith("error: "), err
    assert "))" not in err and err.count("(") == 1, err


# ---------------------------------------------------------------- Ledger.create(None) makes no file named None

@pytest.mark.parametrize("target", [None, 5, True, ["county.db"]], ids=["None", "int", "bool", "list"])
def test_a_ledger_is_named_by_text_or_a_path_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 target: Any) -> None:
    """``Ledger.create(os.environ.get("LEDGER"))`` with the variable unset made an SQLite ledger named 'None' in the
    working directory (and ``create(5)`` one named '5'): the target was made text whatever it was."""
    monkeypatch.chdir(tmp_path)
    for make in (Ledger.create, Ledger.open):
        with pytest.raises(TypeError, match=r"takes the ledger's SQLite file name or database URL"):
            make(target)
    assert not list(tmp_path.iterdir())
    with Ledger.create(tmp_path / "county.db") as ledger:  # a path is a file name
        assert ledger.verify().ok
    with Ledger.open(tmp_path / "county.db") as ledger:
        assert ledger.verify().events == 0
