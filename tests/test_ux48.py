"""Session 48's newcomer and hostile-input fixes (ux48): each pinned in-process."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from responsibility.engine._problem import _IN_EXCEL

Run = Callable[..., tuple[int, str, str]]

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "problems" / "housing-not-discovered.yaml"
RECORD = {"id": "D1", "area": "housing", "place": "330127100219",
          "discovered": {"level": "county", "channel": "hotline", "on": "2021/4/2"}, "as_of": "2021-06-30"}
TOLD = "2021/4/2 is not a date as records write it; write 2021-04-02 (YYYY-MM-DD)"


# ---------------------------------------------------------------- a typed file's 2021/4/2: no Excel advice

def test_who_of_a_typed_record_is_not_told_to_format_an_excel_column(tmp_path: Path, run_cli: Run) -> None:
    """`on: 2021/4/2` typed in a YAML record was told "— in Excel, format the column as yyyy-mm-dd …" (ux47 left):
    no spreadsheet saves YAML or JSON. What to write stays; so does where."""
    for name, text in (("d.yaml", "id: D1\narea: housing\nplace: '330127100219'\n"
                                  "discovered: {level: county, channel: hotline, on: 2021/4/2}\n"),
                       ("d.json", json.dumps(RECORD))):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        code, _, err = run_cli("who", str(path))
        assert code == 2 and TOLD in err and _IN_EXCEL not in err and f"{name}:" in err, err


def test_assess_drops_the_excel_advice_for_typed_files_only(tmp_path: Path, run_cli: Run) -> None:
    """The same record in JSON lines or YAML is told what `who` tells it; in a CSV, which Excel does save, the
    advice on the column stays."""
    typed = tmp_path / "d.jsonl"
    typed.write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    table = tmp_path / "d.csv"
    table.write_text("id,area,place,discovered.level,discovered.channel,discovered.on,as_of\n"
                     "D1,housing,330127100219,county,hotline,2021/4/2,2021-06-30\n", encoding="utf-8")
    for path, excel in ((typed, False), (table, True)):
        rejects = tmp_path / f"{path.stem}-{path.suffix[1:]}-rejects.csv"
        code, _, err = run_cli("assess", str(path), "-o", str(tmp_path / "f.csv"), "--rejects", str(rejects))
        said = rejects.read_text(encoding="utf-8-sig")
        assert code == 1 and TOLD in said and (_IN_EXCEL in said) is excel, (path.name, said, err)


@pytest.mark.parametrize(("on", "told"), [
    ("2021/4/2", TOLD),
    # (an Excel day number is told its day, not how to format a column; Ledger.append from Python — a dict may be a
    # sheet's row — keeps the advice: test_ux45_serial)
    ("44256", "44256 is how Excel counts the day 2021-03-01; write 2021-03-01"),
])
def test_a_typed_event_is_not_told_to_format_an_excel_column(tmp_path: Path, run_cli: Run, on: str,
                                                             told: str) -> None:
    db = tmp_path / "l.db"
    assert run_cli("ledger", "init", str(db))[0] == 0
    events = tmp_path / "ev.yaml"
    events.write_text(f"- {{problem: P1, type: registered, on: {on}, area: 危房改造, place: '330127100219'}}\n",
                      encoding="utf-8")
    code, _, err = run_cli("ledger", "add", str(db), str(events), "--by", "x")
    assert code == 2 and told in err and _IN_EXCEL not in err and "column" not in err and "ev.yaml:1:" in err, err


def test_the_service_tells_a_json_record_what_to_write() -> None:
    from tests.asgi import county_client

    with county_client("chunan") as c:
        r = c.post("/v1/verdict", json=RECORD, headers={"Authorization": "Bearer secret-chunan"})
    message = r.json()["error"]["message"]
    assert r.status_code == 422 and TOLD in message and _IN_EXCEL not in message, r.text


# ---------------------------------------------------------------- the table as the README shows it

def test_who_s_table_has_no_line_of_spaces_above_its_header(run_cli: Run) -> None:
    """A newcomer's diff of `who`'s table against the README's copy: the table's top edge (box SIMPLE_HEAD) was a
    line of 68 spaces between the title and the header, which the README did not show."""
    code, out, _ = run_cli("who", str(EXAMPLE))
    lines = out.splitlines()
    assert code == 0 and lines[0].startswith("问题 example-housing-1") and "主体 / 层级" in lines[1], out
    assert lines[2].strip().startswith("──") and lines[3].lstrip().startswith("1  村委会"), out
    assert not any(line and not line.strip() for line in lines), "a line of spaces only"
    assert "" in lines[3:] and lines[lines.index("", 3) + 1].startswith("1.村委会"), out  # rows, a blank, reasons


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_who_s_table_of_two_records_keeps_them_apart(tmp_path: Path, run_cli: Run, lang: str) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    both = tmp_path / "two.yaml"
    both.write_text("- " + text.replace("\n", "\n  ").rstrip() + "\n- " +
                    text.replace("example-housing-1", "example-housing-2").replace("\n", "\n  ").rstrip() + "\n",
                    encoding="utf-8")
    code, out, err = run_cli("who", str(both), "--lang", lang)
    assert code == 0, err
    lines = out.splitlines()
    titles = ("问题 example-housing-", "Problem example-housing-")
    heads = [i for i, line in enumerate(lines) if line.startswith(titles)]
    header = "body / level" if lang == "en" else "主体 / 层级"
    assert len(heads) == 2 and all(header in lines[i + 1] for i in heads), out


# ---------------------------------------------------------------- every problem's refused event, at once

STATE_ERRORS = """\
- {problem: A1, type: registered, on: 2021-03-01, area: 危房改造, place: "330127100219"}
- {problem: A1, type: assigned, on: 2021-02-01, by_level: 县, to_level: 乡镇}
- {problem: A1, type: rectified, on: 2021-04-01}
- {problem: A2, type: registered, on: 2021-03-01, area: 危房改造, place: "330127100219"}
- {problem: A2, type: rectified, on: 2021-04-01}
- {problem: A4, type: assigned, on: 2021-03-02, by_level: 县, to_level: 乡镇}
"""


def test_ledger_add_says_every_problem_s_refused_event_at_once(tmp_path: Path, run_cli: Run) -> None:
    """Checks that depend on the ledger's state (an order, an unknown problem) stopped at the first (ux47 left): a
    file with three problems so was refused three times. Each problem's first refused event is said, at its own
    line, in the file's order; a later event of a refused problem is not judged; nothing is stored. The unknown
    problem was said at the file's first line, with no event number."""
    db = tmp_path / "l.db"
    assert run_cli("ledger", "init", str(db))[0] == 0
    events = tmp_path / "ev.yaml"
    events.write_text(STATE_ERRORS, encoding="utf-8")
    code, _, err = run_cli("ledger", "add", str(db), str(events), "--by", "x")
    said = [line for line in err.splitlines() if line.startswith("error: ev.yaml") or "ev.yaml:" in line]
    assert code == 2 and len(said) == 3, err
    assert "ev.yaml:2:" in said[0] and "problem 'A1'" in said[0] and "before the problem was registered" in said[0]
    assert "ev.yaml:5:" in said[1] and "problem 'A2'" in said[1] and "no discovery yet" in said[1]
    assert "ev.yaml:6:" in said[2] and "event 6: assigned event on 2021-03-02: unknown problem 'A4'" in said[2]
    assert "rectified event on 2021-04-01" not in err.split("A2")[0]  # A1's own rectification: not judged
    code, out, _ = run_cli("ledger", "list", str(db), "problems")
    assert code == 0 and len(out.splitlines()) == 1  # the header only: all or none


def test_append_gives_the_first_refused_event_as_the_error_and_names_the_others(tmp_path: Path) -> None:
    import yaml

    from responsibility import Ledger, ProblemError

    with Ledger.create(tmp_path / "l.db") as ledger, pytest.raises(ProblemError) as caught:
        ledger.append(yaml.load(STATE_ERRORS, yaml.BaseLoader), entered_by="x")
    exc = caught.value
    assert exc.index == 1 and exc.record == "A1" and exc.field == "on", exc
    assert "also problem 'A2'" in str(exc) and "also problem 'A4'" in str(exc), exc


# ---------------------------------------------------------------- who of records sharing an id

def test_who_notes_records_that_share_an_id(tmp_path: Path, run_cli: Run) -> None:
    """`assess` says so of records sharing an id; `who` said nothing (ux47 left). Each is still answered."""
    one = {**RECORD, "discovered": {**RECORD["discovered"], "on": "2021-03-01"}}
    both = tmp_path / "two.json"
    both.write_text(json.dumps([one, one, {**one, "id": "D2"}], indent=1), encoding="utf-8")
    code, out, err = run_cli("who", str(both), "--format", "json")
    assert code == 0 and len(json.loads(out)) == 3, err
    assert "注意（note）：id 'D1' is on 2 records (line 2, line " in err
    assert "each is answered as a problem of its own" in err
    assert "'D2'" not in err
    flat = tmp_path / "flat.json"  # a list on one line: every record is on line 1, so each is told by its place
    flat.write_text(json.dumps([one, {**one, "id": "D2"}, one]), encoding="utf-8")
    assert "note: id 'D1' is on 2 records (item 1, item 3)" in run_cli("who", str(flat), "--lang", "en")[2]
    single = tmp_path / "one.json"
    single.write_text(json.dumps(one), encoding="utf-8")
    assert "id 'D1' is on" not in run_cli("who", str(single))[2]


# ---------------------------------------------------------------- ledger init over a file that is there

def test_ledger_init_over_a_workbook_says_init_never_writes_over_a_file(tmp_path: Path, run_cli: Run) -> None:
    """`ledger init county-ledger.xlsx` (the workbook there) was told "create one elsewhere with `responsibility
    ledger init FILE`", the command just typed; it is told what init does, the name to give, and where a
    workbook goes. The file is left as it was."""
    book = tmp_path / "county-ledger.xlsx"
    book.write_bytes((ROOT / "examples" / "ledger" / "county-ledger.xlsx").read_bytes())
    before = book.read_bytes()
    code, _, err = run_cli("ledger", "init", str(book))
    assert code == 2 and "is there already, a .xlsx file" in err and "init never writes over a file" in err, err
    assert "`responsibility ledger import LEDGER FILE`" in err and "create one elsewhere" not in err, err
    assert book.read_bytes() == before
    notes = tmp_path / "notes.db"
    notes.write_text("hello\n", encoding="utf-8")
    code, _, err = run_cli("ledger", "init", str(notes))
    assert code == 2 and "a file that is not a ledger" in err and "ledger import" not in err, err
    code, _, err = run_cli("ledger", "list", str(notes), "problems")  # (not init: a ledger's file is asked for)
    assert code == 2 and "not a ledger (not an SQLite database)" in err, err


def test_the_service_says_every_refused_event_and_the_first_s_cure(tmp_path: Path) -> None:
    """POST /v1/ledger/events of two problems each with an event out of order: one 422 naming both, with the
    first's field and code — and its suggestion, which was the last event's (B1's field with B2's cure)."""
    from responsibility import Ledger
    from tests.asgi import county_client

    db = tmp_path / "l.db"
    Ledger.create(db).close()
    with county_client("chunan", ledger=str(db)) as c:
        r = c.post("/v1/ledger/events", headers={"Authorization": "Bearer secret-chunan"}, json=[
            {"problem": "B1", "type": "registered", "on": "2021-03-01", "area": "housing", "place": "330127100219"},
            {"problem": "B1", "type": "assigned", "on": "2021-02-01", "by_level": "county", "to_level": "township"},
            {"problem": "B2", "type": "registered", "on": "2021-03-01", "area": "housing", "place": "330127100219"},
            {"problem": "B2", "type": "rectified", "on": "2021-04-01"}])
    error = r.json()["error"]
    assert r.status_code == 422 and error["field"] == "[1].on" and error["record"] == "B1", r.text
    assert "also problem 'B2', field 'type': event 4:" in error["message"], r.text
    assert error["suggestion"].startswith("give this event the day it happened"), r.text
