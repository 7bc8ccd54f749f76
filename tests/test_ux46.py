"""A hostile user's leftovers (ux46): a JSON key given twice over HTTP (told as `assess FILE` tells it, not as "not
valid JSON"); a request body that is not UTF-8, now with the byte and where; a policy whose amendments/ links back to
itself, whose "validate …" hint named the link."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from .asgi import county_client

Run = Callable[..., tuple[int, str, str]]
ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "problems" / "housing-not-discovered.yaml"
RECORD: dict[str, Any] = json.loads((ROOT / "examples" / "records" / "problem.json").read_text("utf-8"))
TOKEN = {"Authorization": "Bearer secret-ux46"}


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    pytest.importorskip("fastapi")
    with county_client("ux46") as c:
        yield c


def _twice(record: dict[str, Any], key: str, value: str) -> bytes:
    """``record`` as JSON with ``key`` given again, last."""
    return json.dumps(record, ensure_ascii=False).encode()[:-1] + f', "{key}": "{value}"}}'.encode()


# ---------------------------------------------------------------- a key given twice, over HTTP


def test_a_json_line_with_a_key_twice_is_rejected_in_the_words_assess_uses(client: Any, tmp_path: Path,
                                                                          run_cli: Run) -> None:
    """Before: /v1/assess said 'line 1: not valid JSON (the key "area" is given twice; …); fix that line: one record
    per line, …' where `assess FILE` says 'line 1: the key "area" is given twice; remove one of them' (it is valid
    JSON: two readers read it two ways)."""
    body = _twice(RECORD, "area", "water") + b"\n"
    r = client.post("/v1/assess", content=body, headers=TOKEN)
    assert r.status_code == 200, r.text
    rows = [json.loads(x) for x in r.text.splitlines()]
    http = rows[0]["rejected"]
    assert rows[-1]["summary"]["records"] == 1 and rows[-1]["summary"]["rejected"] == 1, rows
    (tmp_path / "twice.jsonl").write_bytes(body)
    code, out, _ = run_cli("assess", str(tmp_path / "twice.jsonl"), "-o", str(tmp_path / "f.csv"), "--rejects", "-")
    cli = json.loads(out.splitlines()[0])
    assert code == 1, out
    assert http["reason"] == cli["reason"] == \
        'line 1: the key "area" is given twice; remove one of them (JSON keeps the last)', (http, cli)
    assert http["code"] == cli["code"] == "bad_json" and "not valid JSON" not in http["reason"]


@pytest.mark.parametrize("path", ["/v1/verdict", "/v1/route"])
def test_a_record_with_a_key_twice_is_not_called_invalid_json(client: Any, path: str) -> None:
    """Before: 400 'the request body is not valid JSON (the key "id" is given twice; …)', suggestion 'send one JSON
    object' — which it was."""
    r = client.post(path, content=_twice(RECORD, "id", "other"), headers=TOKEN)
    assert r.status_code == 400, r.text
    err = r.json()["error"]
    assert err["field"] == "(body)" and "not valid JSON" not in err["message"], err
    assert 'the key "id" is given twice; remove one of them' in err["message"], err
    assert err["suggestion"] == "send each key of an object once", err


# ---------------------------------------------------------------- a body that is not UTF-8


@pytest.mark.parametrize(("content_type", "charset"), [("application/json", "UTF-8"),
                                                       ("application/json; charset=utf-8", "UTF-8"),
                                                       ("application/json; charset=ascii", "ascii")])
def test_a_body_that_is_not_utf8_says_which_byte_and_where(client: Any, content_type: str, charset: str) -> None:
    """Before: 'the request body is not UTF-8 text', with nothing to look for in a body of many KiB."""
    body = b'{"id": "A-\xff", "area": "housing"}'
    r = client.post("/v1/verdict", content=body, headers={**TOKEN, "Content-Type": content_type})
    assert r.status_code == 400, r.text
    err = r.json()["error"]
    assert err["message"] == f"the request body is not {charset} text (byte 0xff at offset 10)", err
    assert "charset=gb18030" in err["suggestion"], err


# ---------------------------------------------------------------- a policy whose amendments/ links back to itself


def test_an_amendments_link_to_the_policy_itself_names_the_policy_to_validate(rules_copy: Path, run_cli: Run) -> None:
    """``ln -s .. rules/amendments``: its files are read as rules/amendments/amendments/…, each refused, and the
    one-line error said "`responsibility validate rules/amendments` lists them" — the link, not the directory."""
    (rules_copy / "amendments").symlink_to("../" + rules_copy.name)
    code, out, err = run_cli("who", str(EXAMPLE), "--rules", str(rules_copy))
    assert code == 2, (out, err)
    assert f"`responsibility validate {rules_copy}` lists them" in err, err
    assert "Traceback" not in err


# ---------------------------------------------------------------- an office workbook's dates that name no day


def test_an_imported_date_that_names_no_day_says_what_to_write(tmp_path: Path) -> None:
    """`ledger import` reads 2021年3月1日 and 2021/3/1 (an office's ways); before, 21/3/1 was the year 21
    ("0021-03-01 is outside the years 1900-2999": not what was written), and 2021-13-01, 3/1/2021, 13/1/2021 "not a
    date: … (use YYYY-MM-DD)", which the first is written as. A day is never guessed: each row is rejected, and
    counted."""
    from responsibility import Ledger

    cells = {"A1": "21/3/1", "A2": "3/1/2021", "A3": "13/1/2021", "A4": "2021-13-01", "A5": "2021年2月30日",
             "A6": "2021年3月1日"}
    rows = "".join(f"{pid},危房改造,330127100219,{day},县,热线\n" for pid, day in cells.items())
    (tmp_path / "office.csv").write_text("问题编号,领域,所在地代码,发现时间,发现层级,发现渠道\n" + rows, "utf-8")
    result = Ledger.create(tmp_path / "office.db").import_file(tmp_path / "office.csv", entered_by="ux46")
    assert (result.rows, result.imported, result.rejected) == (6, 1, 5), result
    said = {r["problem"]: r["reason"] for r in result.rejects}
    assert all(r["code"] == "bad_date" and r["field"] == "发现时间" for r in result.rejects), result.rejects
    assert said == {
        "A1": "'21/3/1' has a two-digit year; write the year in full, as YYYY-MM-DD (2021-03-01 if it is 2021)",
        "A2": "'3/1/2021' puts the year last; write the year first: 2021-03-01 or 2021-01-03, as meant (YYYY-MM-DD)",
        "A3": "'13/1/2021' puts the year last; write the year first: 2021-01-13 (YYYY-MM-DD)",
        "A4": "'2021-13-01' is not a valid date (no month 13); write the year, month and day, as YYYY-MM-DD",
        "A5": "'2021年2月30日' is not a valid date (no such day); write a day that exists, as YYYY-MM-DD",
    }, said


@pytest.mark.parametrize(("day", "why"), [("2021-13-01", "no month 13); write the year, month and day"),
                                          ("2021-00-10", "no month 0); write the year, month and day"),
                                          ("2021-02-30", "no such day); write a day that exists")])
def test_an_event_s_day_with_no_such_month_says_which(tmp_path: Path, day: str, why: str) -> None:
    """An event's `on: 2021-13-01` was "is not a valid date (no such day)"."""
    from responsibility import Ledger, LedgerError

    ledger = Ledger.create(tmp_path / "l.db")
    with pytest.raises((LedgerError, ValueError)) as caught:
        ledger.append({"problem": "P1", "type": "registered", "on": day, "area": "housing",
                       "place": "330127100219"}, entered_by="ux46")
    assert f"'{day}' is not a valid date ({why}, as YYYY-MM-DD" in str(caught.value), caught.value


# ---------------------------------------------------------------- an upload whose caller has gone


def test_an_import_told_to_stop_stores_nothing_and_the_ledger_takes_writes(tmp_path: Path) -> None:
    """A 1.2-million-row upload whose client gave up after two minutes held the server's write lock for ten more,
    every other writer answered 503, to store what nobody was told of. The import now asks ``stop`` between parts
    of 20,000 rows; the service's says the caller is gone. Stopped: nothing of it stored, not reported later as an
    interrupted import, and the ledger takes the next writer at once."""
    from responsibility import Ledger
    from responsibility.ledger._ledger import ImportStopped

    rows = "".join(f"S{i},危房改造,330127100219,2021-03-01,县,热线\n" for i in range(20_001))
    (tmp_path / "big.csv").write_text("问题编号,领域,所在地代码,发现时间,发现层级,发现渠道\n" + rows, "utf-8")
    ledger = Ledger.create(tmp_path / "l.db")
    asked: list[int] = []

    def stop() -> bool:
        asked.append(1)
        return len(asked) > 1  # the first part goes in, the second is refused

    with pytest.raises(ImportStopped, match=r"big\.csv: the import was stopped after 20,000 rows; nothing of it "
                                            r"was stored"):
        ledger.import_file(tmp_path / "big.csv", entered_by="ux46", stop=stop)
    assert ledger.verify().events == 0 and ledger.interrupted() == []
    ledger.append({"problem": "P1", "type": "registered", "on": "2021-03-01", "area": "housing",
                   "place": "330127100219"}, entered_by="ux46")
    assert ledger.verify().events == 1


def test_the_service_s_watch_says_gone_when_the_caller_closes() -> None:
    import asyncio
    import threading

    pytest.importorskip("fastapi")
    from responsibility.service._ledger import _watch

    class Caller:
        def __init__(self) -> None:
            self.asked = 0

        async def is_disconnected(self) -> bool:
            self.asked += 1
            return self.asked >= 3

    gone, caller = threading.Event(), Caller()
    asyncio.run(_watch(caller, gone, every=0))  # type: ignore[arg-type]
    assert gone.is_set() and caller.asked == 3


# ---------------------------------------------------------------- an output name the file system refuses


@pytest.mark.parametrize("command", ["assess", "picture"])
def test_an_output_name_too_long_says_which_part_and_the_most(tmp_path: Path, run_cli: Run, command: str) -> None:
    """Before: "cannot complete: file name too long (…); the output may be incomplete" — nothing had been opened."""
    name = tmp_path / ("o" * 300 + (".csv" if command == "assess" else ".png"))
    args = ["assess", str(ROOT / "examples" / "records" / "ledger.csv"), "-o", str(name)] if command == "assess" \
        else ["who", str(EXAMPLE), "--picture", str(name)]
    code, _, err = run_cli(*args)
    assert code == 2, err
    assert "file name too long (304 bytes in one part of it, where at most 255 are allowed" in err, err
    assert "give a shorter name" in err and "incomplete" not in err and "Traceback" not in err, err


# ---------------------------------------------------------------- a stray quote closed on its own line


def test_a_stray_quote_closed_on_its_line_is_named_in_assess_and_the_import(tmp_path: Path, run_cli: Run) -> None:
    """`"q2,water,…,"[{""action"…`: the quote at the start of the line is closed by the JSON cell's, so the row's
    cells are read into its first; the reject was "field 'severity': unknown severity '2021-05-10'" (a cell of the
    JSON). A quote that runs over lines was named since review10b; one closed on its own line was not."""
    from responsibility import Ledger

    lines = (ROOT / "examples" / "records" / "ledger.csv").read_text("utf-8").splitlines()
    (tmp_path / "q.csv").write_text("\n".join([lines[0], lines[1], '"stray,' + lines[2], *lines[3:]]) + "\n", "utf-8")
    code, out, _ = run_cli("assess", str(tmp_path / "q.csv"), "-o", str(tmp_path / "f.csv"), "--rejects", "-")
    rejects = [json.loads(x) for x in out.splitlines()]
    assert code == 1 and [r["line"] for r in rejects] == [3, 5], rejects
    assert rejects[0]["code"] == "bad_row" and rejects[0]["reason"].startswith(
        "line 3: its first cell ('stray,2021-0043,water,,330127100219,mino…') holds a whole row's commas: a quote "
        "at the start of the line opened a cell that a later quote on the line closed"), rejects[0]
    office = "问题编号,领域,所在地代码,发现时间,发现层级,发现渠道\n" + "".join(
        f'{q}A{i},危房改造,330127100219,2021-03-01,县,{q}热线\n' for i, q in enumerate(["", '"', ""]))
    (tmp_path / "office.csv").write_text(office, "utf-8")
    result = Ledger.create(tmp_path / "l.db").import_file(tmp_path / "office.csv", entered_by="ux46")
    assert (result.rows, result.imported, result.rejected) == (3, 2, 1), result
    assert "its first cell ('A1,危房改造,330127100219,2021-03-01,县,热线') holds a whole row's commas" in \
        result.rejects[0]["reason"], result.rejects
