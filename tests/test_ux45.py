"""A newcomer's and a hostile user's leftovers (ux45): a scenario sent to the HTTP service where a record goes; a CSV
typed with full-width commas sent as JSON lines; a place's name in a ledger event's or an office workbook's level; the
service's "what to do" of an unknown event type."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from responsibility import Ledger, LedgerError, ProblemError

from .asgi import county_client

Run = Callable[..., tuple[int, str, str]]
ROOT = Path(__file__).resolve().parents[1]
RECORD: dict[str, Any] = json.loads((ROOT / "examples" / "records" / "problem.json").read_text("utf-8"))
SCENARIO: dict[str, Any] = {"name": "富城村危房", "problem": RECORD,
                            "expect": {"findings": [{"body": "村委会", "basis": "应发现未发现"}]}}
TOKEN = {"Authorization": "Bearer secret-ux45"}


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    pytest.importorskip("fastapi")
    with county_client("ux45") as c:
        yield c


# ---------------------------------------------------------------- a scenario where a record goes, over HTTP


@pytest.mark.parametrize("path", ["/v1/verdict", "/v1/route"])
@pytest.mark.parametrize("shape", ["scenario", "file"])
def test_a_scenario_sent_for_a_verdict_is_told_to_send_its_problem(client: Any, path: str, shape: str) -> None:
    """Before: 422 "field 'name': unknown field; allowed: id, area, …" (or 'scenarios'), which never said the body was
    a scenario nor what part of it to send."""
    body = SCENARIO if shape == "scenario" else {"scenarios": [SCENARIO]}
    r = client.post(path, json=body, headers=TOKEN)
    assert r.status_code == 422, r.text
    err = r.json()["error"]
    assert err["code"] == "not_an_object" and err["field"] == "(record)", err
    assert "not a problem record: send a scenario's 'problem' object alone" in err["message"], err
    assert "unknown field" not in err["message"], err
    # its 'problem' alone is answered
    assert client.post(path, json=SCENARIO["problem"], headers=TOKEN).status_code == 200


@pytest.mark.parametrize("shape", ["scenario", "file"])
def test_a_batch_of_scenarios_is_one_error_not_each_line_a_reject(client: Any, shape: str) -> None:
    """Before: 200, each line rejected "field 'name': unknown field" (ux44 left it: `assess FILE` says it, the service
    did not)."""
    lines = [SCENARIO, SCENARIO] if shape == "scenario" else [{"scenarios": [SCENARIO]}]
    body = "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines).encode()
    r = client.post("/v1/assess", content=body, headers=TOKEN)
    assert r.status_code == 422, r.text
    err = r.json()["error"]
    assert err["code"] == "not_an_object", err
    assert "first line is a scenario" in err["message"] and "send each scenario's 'problem', one to a line" in \
        err["message"], err
    # the records themselves are assessed as before, and a record that has an id is never taken for a scenario
    body = (json.dumps(RECORD, ensure_ascii=False) + "\n").encode()
    r = client.post("/v1/assess", content=body, headers=TOKEN)
    assert r.status_code == 200 and json.loads(r.text.splitlines()[-1])["summary"]["assessed"] == 1, r.text


# ---------------------------------------------------------------- a CSV typed with full-width commas, as JSON lines


def test_a_csv_typed_with_full_width_commas_is_named_over_http(client: Any) -> None:
    """Before: 415 "line 1 ('id，area，place') is not JSON, nor is any line after it"."""
    body = "id，area，place，discovered.on\n1，housing，330127100219，2021-01-01\n".encode()
    r = client.post("/v1/assess", content=body, headers=TOKEN)
    assert r.status_code == 415, r.text
    message = r.json()["error"]["message"]
    assert "separated by full-width commas (，)" in message and "write ASCII commas (,)" in message, message


def test_a_csv_typed_with_full_width_commas_on_standard_input(run_cli: Run, monkeypatch: pytest.MonkeyPatch,
                                                              tmp_path: Path) -> None:
    import io
    import sys

    data = "id，area，place\n1，housing，330127100219\n".encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    code, _, err = run_cli("assess", "-", "-o", str(tmp_path / "f.csv"))
    assert code == 2, err
    assert "separated by full-width commas (，)" in err and "Traceback" not in err, err


def test_a_title_line_with_one_full_width_comma_is_not_called_a_csv_row() -> None:
    """A line of prose holds a comma or so; two make a row of cells."""
    from responsibility.batch._io import not_json_lines

    found = not_json_lines("淳安县问题清单，2021年\n".encode(), whole=True)
    assert found is not None and "full-width" not in found[0], found


# ---------------------------------------------------------------- a place's name in a ledger's level


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Ledger:
    led = Ledger.create(tmp_path_factory.mktemp("ux45") / "county.db")
    led.import_file(ROOT / "examples" / "ledger" / "county-ledger.xlsx", entered_by="县扶贫办")
    return led


@pytest.mark.parametrize(("event", "field", "body"), [
    ({"type": "assigned", "by_level": "县", "to_level": "文昌镇"}, "to_level", "to_body"),
    ({"type": "assigned", "by_level": "淳安县", "to_level": "乡镇"}, "by_level", "by_body"),
    ({"type": "discovered", "level": "文昌镇", "channel": "grid"}, "level", "body"),
])
def test_a_place_name_in_an_events_level_says_it_is_one(ledger: Ledger, event: dict[str, Any], field: str,
                                                         body: str) -> None:
    """Before: "unknown level '文昌镇'; did you mean '镇' (乡镇（街道）, township)?", as a record was told before
    ux44."""
    with pytest.raises(ProblemError) as caught:
        ledger.append({"problem": "CA-2021-003", "on": "2021-06-18", **event}, entered_by="x")
    exc = caught.value
    assert exc.field == field and exc.code == "unknown_level", exc
    said = str(exc)
    assert "is a place's name" in said and "not a level" in said, said
    assert f"`{body}` names the body at that level" in said, said
    assert "its registered event's" in said and "did you mean" not in said, said


def test_a_misspelt_level_in_an_event_is_still_a_did_you_mean(ledger: Ledger) -> None:
    with pytest.raises(ProblemError, match=r"did you mean '县'"):
        ledger.append({"problem": "CA-2021-003", "type": "assigned", "on": "2021-06-18", "by_level": "县里",
                       "to_level": "乡镇"}, entered_by="x")


def test_a_place_name_in_a_workbooks_level_column_says_which_level_it_is(tmp_path: Path) -> None:
    """Before: "整改层级：unknown level '文昌镇'; write one of 村、乡镇（街道）…"."""
    text = ("问题编号,领域,所在地代码,严重程度,发现时间,发现层级,发现渠道,交办时间,整改层级,整改时限\n"
            "CA-9,饮水安全,330127101000,一般,2021-04-02,乡镇,全科网格,2021-04-09,文昌镇,2021-05-10\n"
            "CA-10,饮水安全,330127101000,一般,2021-04-02,乡镇,全科网格,2021-04-09,乡镇,2021-05-10\n")
    src = tmp_path / "ledger.csv"
    src.write_text(text, "utf-8")
    led = Ledger.create(tmp_path / "l.db")
    result = led.import_file(src, entered_by="x")
    assert (result.rows, result.imported, result.rejected) == (2, 1, 1), result
    reason = result.rejects[0]["reason"]
    assert result.rejects[0]["code"] == "unknown_level", result.rejects
    assert "'文昌镇' is a place's name (330127101000), not a level: write its level, 乡镇（街道）" in reason, reason
    assert "村、乡镇（街道）、县（市、区）、市、省" in reason, reason


# ---------------------------------------------------------------- the service's "what to do"


def test_an_unknown_event_types_suggestion_lists_every_type() -> None:
    """The service's suggestion is what follows a message's last "; ": the types, joined by "; ", gave "corrected
    (更正)" as what to do."""
    from responsibility.ledger._events import Event
    from responsibility.service._errors import from_library

    with pytest.raises(ProblemError) as caught:
        Event.parse({"problem": "p", "type": "bogus", "on": "2021-06-18"}, entered_by="x")
    err = from_library(caught.value)
    assert err.body()["error"]["suggestion"].startswith("use one of registered (登记), discovered (发现)"), err.body()


# ---------------------------------------------------------------- a ledger's own export, imported to copy it


def test_importing_a_ledgers_export_says_it_is_a_report_not_a_copy(ledger: Ledger, tmp_path: Path) -> None:
    """Before: exit 0, the problems imported and every assignment and deadline gone, with only the note of columns no
    field matched (docs/ledger.md says an export is a report; the import did not)."""
    book = tmp_path / "county.xlsx"
    ledger.export_xlsx(book, as_of="2021-06-20")
    copy = Ledger.create(tmp_path / "copy.db")
    result = copy.import_file(book, entered_by="x")
    assert result.imported == result.rows > 0, result
    assert any("is a workbook `ledger export` wrote: a report, not a copy of a ledger" in n for n in result.notes), \
        result.notes
    # an office's own workbook gets no such note
    office = copy.import_file(ROOT / "examples" / "ledger" / "county-ledger.xlsx", entered_by="x")
    assert not any("`ledger export` wrote" in n for n in office.notes), office.notes


# ---------------------------------------------------------------- a record file sent as it is


@pytest.mark.parametrize(("body", "command"), [
    ("# my-problem.yaml\nid: WC-2021-001\narea: 饮水安全\n", "who"),
    ("id,area,place\nWC-1,water,330127101207\n", "assess"),
])
def test_a_yaml_or_csv_record_file_sent_for_a_verdict_is_told_what_answers_it(client: Any, body: str,
                                                                               command: str) -> None:
    """Before: 400 naming what the body is, with "send one JSON object (Content-Type: application/json)"."""
    r = client.post("/v1/verdict", content=body.encode(), headers=TOKEN)
    assert r.status_code == 400, r.text
    suggestion = r.json()["error"]["suggestion"]
    assert suggestion.startswith("send the record as one JSON object"), suggestion
    assert f"`responsibility {command} FILE`" in suggestion, suggestion


# ---------------------------------------------------------------- an upload named as the server's ledger


@pytest.mark.parametrize("upload", ["county.db", "county.db.csv"])
def test_an_upload_named_as_the_servers_ledger_does_not_learn_its_name(tmp_path: Path, upload: str,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Before: 422 "the server's ledger: not a .csv or .xlsx file" — the words that hide the ledger's path (here as
    `serve --ledger county.db` gives it, relative) told the caller that the server's ledger is called county.db."""
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from responsibility.service import Settings, TokenStore, create_app, token_hash

    monkeypatch.chdir(tmp_path)
    Ledger.create("county.db")
    tokens = TokenStore.from_data({"tokens": [{"name": "ux45", "role": "county", "jurisdiction": "330127",
                                               "sha256": token_hash("secret-ux45")}]})
    with TestClient(create_app(Settings(tokens=tokens, ledger="county.db")), raise_server_exceptions=False) as c:
        r = c.post("/v1/ledger/import", files={"file": (upload, b"\x00\x01 not a ledger\n")}, headers=TOKEN)
    assert r.status_code == 422, r.text
    message = r.json()["error"]["message"]
    assert "server's ledger" not in message, message
    assert upload.endswith(".csv") or f"uploaded-{upload}" in message, message


@pytest.mark.parametrize("as_list", [False, True])
def test_a_problem_record_sent_as_an_event_is_told_what_a_ledger_takes(tmp_path: Path, as_list: bool,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Before: 422 "field 'problem': is required: the id of the problem the event is about" (`ledger add` says what a
    ledger takes instead since newcomer41; the service did not)."""
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from responsibility.service import Settings, TokenStore, create_app, token_hash

    monkeypatch.chdir(tmp_path)
    Ledger.create("county.db")
    tokens = TokenStore.from_data({"tokens": [{"name": "ux45", "role": "county", "jurisdiction": "330127",
                                               "sha256": token_hash("secret-ux45")}]})
    body = [RECORD] if as_list else RECORD
    with TestClient(create_app(Settings(tokens=tokens, ledger="county.db")), raise_server_exceptions=False) as c:
        r = c.post("/v1/ledger/events", json=body, headers=TOKEN)
    assert r.status_code == 422, r.text
    err = r.json()["error"]
    assert err["code"] == "not_an_event" and err["field"] == ("[0].problem" if as_list else "problem"), err
    assert "this is a problem record ('2021-0042'" in err["message"], err
    assert "POST /v1/verdict" in err["suggestion"], err


# ---------------------------------------------------------------- a scenario where a record goes, in Python


@pytest.mark.parametrize("shape", ["scenario", "file"])
def test_a_scenario_given_to_who_answers_is_told_to_pass_its_problem(policy: Any, shape: str) -> None:
    """policy.who_answers(scenario) named only the scenario's first key ("field 'name': unknown field"); it now says it
    is a scenario and to pass its 'problem', and the batch rejects such a row in the same words."""
    given = SCENARIO if shape == "scenario" else {"scenarios": [SCENARIO]}
    with pytest.raises(ProblemError) as e:
        policy.who_answers(given)
    words = str(e.value)
    assert "not a problem record" in words and "'problem'" in words
    assert ("scenario file's content" in words) == (shape == "file")
    a = policy.assess([given, RECORD])
    assert (a.records, a.assessed, a.rejected) == (2, 1, 1)
    assert a.rejects.iloc[0]["reason"] == words


# ---------------------------------------------------------------- a new ledger named like a data file


@pytest.mark.parametrize("name", ["ledger.csv", "台账.xlsx", "county.JSON"])
def test_a_new_ledger_named_like_a_data_file_is_refused(run_cli: Run, tmp_path: Path, name: str) -> None:
    """`ledger init ledger.csv` made an SQLite database named .csv without a word (ux45 left it): refused, exit 2, one
    line naming what a ledger is and a name to use; nothing made. A .db name is still made; Ledger.create the
    same."""
    target = tmp_path / name
    code, out, err = run_cli("ledger", "init", str(target))
    assert code == 2 and not out and "Traceback" not in err
    assert "a ledger is an SQLite database" in err and f"{target.stem}.db" in err
    assert not target.exists()
    with pytest.raises(LedgerError, match="a ledger is an SQLite database"):
        Ledger.create(str(target))
    assert not target.exists()
    assert run_cli("ledger", "init", str(tmp_path / "county.db"))[0] == 0


# ---------------------------------------------------------------- a file mixing UTF-8 and GB18030 lines


def test_a_record_file_mixing_two_encodings_is_told_to_retype_the_line(run_cli: Run, tmp_path: Path) -> None:
    """A YAML record whose Chinese is UTF-8 but one pasted line GB18030 was told to convert the whole file with
    `iconv -f GB18030`, which garbles the UTF-8 lines (ux44 left it): it is told the file mixes two encodings and which
    line to retype; a file of GB18030 alone is still told to convert."""
    mixed = tmp_path / "m.yaml"
    utf8 = "id: a\narea: housing\nplace: '330127100219'\nnote: 危房\n".encode()
    mixed.write_bytes(utf8 + "# 危房\n".encode("gb18030"))
    code, _, err = run_cli("who", str(mixed))
    assert code == 2 and "Traceback" not in err
    assert f"{mixed}:5:" in err and "mixes two encodings" in err and "line 5" in err and "iconv" not in err
    alone = tmp_path / "g.yaml"
    alone.write_bytes("# 危房\nid: a\n".encode("gb18030"))
    code, _, err = run_cli("who", str(alone))
    assert code == 2 and "mixes" not in err
