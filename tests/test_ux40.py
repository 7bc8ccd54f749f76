"""User-facing messages two helpers found wrong and could not fix (newcomer40, hostile40): a ledger's event told less
than a record of the same mistake (a place's name, a Chinese misspelling, 2021/3/1), the Excel hint on days no
spreadsheet held, a problem judged as of today without a word, options named to Python callers, and the like."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from responsibility import Ledger, Policy, ProblemError

Run = Callable[..., tuple[int, str, str]]
ROOT = Path(__file__).resolve().parents[1]
RECORD = ROOT / "examples" / "records" / "problem.json"
EXCEL = "in Excel, format the column"
REGISTERED = {"problem": "X1", "type": "registered", "on": "2021-06-01", "area": "危房改造", "place": "330127100219"}
DISCOVERED = {"problem": "X1", "type": "discovered", "on": "2021-06-01", "level": "村", "channel": "全科网格"}


def _record(**changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = json.loads(RECORD.read_text(encoding="utf-8"))
    record.update(changes)
    return record


def _record_says(policy: Policy, record: dict[str, Any]) -> str:
    with pytest.raises(ProblemError) as caught:
        policy.who_answers(record)
    return str(caught.value).split(": ", 1)[1]  # (after "problem '…', field '…'")


def _event_says(tmp_path: Path, run_cli: Run, *events: dict[str, Any]) -> str:
    db, file = tmp_path / "e.db", tmp_path / "ev.json"
    if not db.exists():
        assert run_cli("ledger", "init", str(db))[0] == 0
    file.write_text(json.dumps(list(events), ensure_ascii=False), encoding="utf-8")
    code, _, err = run_cli("ledger", "add", str(db), str(file), "--by", "clerk")
    assert code == 2, err
    return err


# ---------------------------------------------------------------- 1, 3. a ledger's event is told what a record is


def test_a_place_s_name_in_an_event_is_told_its_code_as_a_record_s(tmp_path: Path, run_cli: Run,
                                                                   policy: Policy) -> None:
    """`place: 文屏村` in an event was told "must be digits only: write its … digits (330127100219)" — 富城村's code,
    another village's; a record is told 文屏村's own."""
    said = _record_says(policy, _record(place="文屏村"))
    assert said == "'文屏村' is a place's name; give its division code: 330127101207 (文昌镇, 淳安县)"
    err = _event_says(tmp_path, run_cli, {**REGISTERED, "place": "文屏村"})
    assert said in err and "330127100219" not in err, err


@pytest.mark.parametrize(("field", "value", "hint"), [
    ("area", "饮水", "did you mean '饮水安全' (water)?"),
    ("level", "县里", "did you mean '县' (县（市、区）, county)?"),
    ("channel", "县热线", "did you mean '县长热线' (县（市、区）长热线, hotline)?"),
    ("kind", "危房改造不及时", "did you mean '困难家庭危房改造不及时' (housing_renovation_late)?"),
])
def test_a_chinese_misspelling_in_an_event_gets_the_record_s_did_you_mean(tmp_path: Path, run_cli: Run,
                                                                          field: str, value: str, hint: str) -> None:
    """An event's misspelled Chinese value was told "use one of basic_needs, … water" (the ids): a record's gets the
    nearest Chinese name with its id, from the same code."""
    if field == "channel":
        err = _event_says(tmp_path, run_cli, REGISTERED, {**DISCOVERED, "channel": value})
    elif field == "level":  # (a discovered event's level, and a report's to_level, read alike)
        err = _event_says(tmp_path, run_cli, REGISTERED, {**DISCOVERED, "level": value})
    else:
        err = _event_says(tmp_path, run_cli, {**REGISTERED, field: value})
    assert hint in err and "use one of" not in err, err


def test_a_misspelled_event_over_http_gets_the_did_you_mean(tmp_path: Path) -> None:
    """POST /v1/ledger/events answered the same event 422 with the list of ids."""
    from fastapi.testclient import TestClient

    from responsibility.service import Settings, create_app
    from tests.test_service import bearer, token_store

    Ledger.create(tmp_path / "l.db").close()
    app = create_app(Settings(tokens=token_store(), ledger=str(tmp_path / "l.db"), decision_log=None))
    with TestClient(app, raise_server_exceptions=False) as client:
        r = client.post("/v1/ledger/events", json={**REGISTERED, "area": "饮水"}, headers=bearer("chunan"))
        assert r.status_code == 422 and "did you mean '饮水安全' (water)?" in r.json()["error"]["message"], r.text
        r = client.get("/v1/ledger/lists/problems?as_of=2021/6/20", headers=bearer("chunan"))
        message = r.json()["error"]["message"]
        assert r.status_code == 400 and "write 2021-06-20" in message and EXCEL not in message, r.text


def test_a_day_written_2021_3_1_in_an_event_is_told_its_iso_day(tmp_path: Path, run_cli: Run,
                                                                 policy: Policy) -> None:
    """`on: 2021/3/1` was "not a date (YYYY-MM-DD): '2021/3/1'"; a record is told to write 2021-03-01 — the same
    words, but for the advice on Excel's date column, which an event (typed: `ledger add`'s file, a request) is not
    given (ux48)."""
    said = _record_says(policy, _record(as_of="2021/3/1"))
    err = _event_says(tmp_path, run_cli, {**REGISTERED, "on": "2021/3/1"})
    assert "write 2021-03-01 (YYYY-MM-DD)" in err and said.split(" — ")[0] in err and EXCEL not in err, \
        (said, err)


# ---------------------------------------------------------------- 4. the Excel hint only for a file's day


def test_a_typed_day_gets_no_excel_hint(tmp_path: Path, run_cli: Run, policy: Policy) -> None:
    """"in Excel, format the column as yyyy-mm-dd" was said of `--today 2021/6/30`, `ledger list --as-of`, and
    who_answers(today=…): no spreadsheet held those days. A record's day keeps it."""
    code, _, err = run_cli("who", str(RECORD), "--today", "2021/6/30")
    assert code == 2 and "write 2021-06-30" in err and EXCEL not in err, err
    db = tmp_path / "l.db"
    assert run_cli("ledger", "init", str(db))[0] == 0
    code, _, err = run_cli("ledger", "list", str(db), "problems", "--as-of", "2021/6/20")
    assert code == 2 and "write 2021-06-20" in err and EXCEL not in err, err
    with pytest.raises(ProblemError) as caught:
        policy.who_answers(_record(as_of=None), today="2021/6/30")
    assert "write 2021-06-30" in str(caught.value) and EXCEL not in str(caught.value)
    with Ledger.open(db) as ledger, pytest.raises(ProblemError) as caught:
        ledger.lists(as_of="2021/6/20")
    assert "write 2021-06-20" in str(caught.value) and EXCEL not in str(caught.value)
    assert EXCEL in _record_says(policy, _record(as_of="2021/6/30"))


# ---------------------------------------------------------------- 2. judged as of today, said


def test_who_says_a_problem_without_as_of_is_judged_as_of_today(tmp_path: Path, run_cli: Run) -> None:
    """Only --explain's 截至 showed that a record without as_of was judged as of today (a 2021 problem then has
    every deadline behind it): a note on stderr says it, once; the JSON's shape and the exit code stay."""
    record = tmp_path / "p.json"
    record.write_text(json.dumps(_record(as_of=None), ensure_ascii=False), encoding="utf-8")
    today = dt.date.today().isoformat()
    for fmt in ("table", "json"):
        code, out, err = run_cli("who", str(record), "--format", fmt)
        assert code == 0 and f"judged as of today, {today} (2021-0042)" in err and "--today" in err, err
        assert today not in out or fmt == "table", out[:300]
    code, out, err = run_cli("who", str(record), "--format", "json")
    assert set(json.loads(out)) == {"problem", "findings", "interpretations", "engine"}
    code, _, err = run_cli("who", str(record), "--today", "2021-06-30")
    assert code == 0 and "note" not in err, err
    code, _, err = run_cli("who", str(RECORD))  # (the record gives as_of)
    assert code == 0 and "note" not in err, err


# ---------------------------------------------------------------- 5, 6, 7, 8. smaller ones


def test_token_offers_the_code_of_a_jurisdiction_given_by_name(run_cli: Run) -> None:
    """`token --jurisdiction 淳安县` said only "is not a division code"; `ledger list --place 淳安县` offers it."""
    code, out, err = run_cli("token", "--name", "a", "--role", "county", "--jurisdiction", "淳安县")
    assert code == 2 and out == "" and "give its division code: 330127000000 (杭州市, 浙江省)" in err, err


def test_create_app_without_tokens_names_its_keywords() -> None:
    """create_app() with no tokens was told "--tokens FILE … --no-auth", options a Python caller has not."""
    from responsibility import ResponsibilityError
    from responsibility.service import Settings, create_app

    with pytest.raises(ResponsibilityError) as caught:
        create_app(Settings(decision_log=None))
    assert "tokens=" in str(caught.value) and "auth=False" in str(caught.value)
    assert "--no-auth" not in str(caught.value) and "--tokens" not in str(caught.value)


@pytest.fixture()
def many() -> Iterator[list[Any]]:
    import pandas as pd

    record = _record()
    yield [[record], (record,), pd.DataFrame([record])]


def test_who_answers_of_many_records_names_assess(policy: Policy, many: list[Any]) -> None:
    """who_answers([record]) and who_answers(df) were told "give each record as one": policy.assess answers many."""
    for records in many:
        with pytest.raises(ProblemError) as caught:
            policy.who_answers(records)
        assert "policy.assess" in str(caught.value) and caught.value.code == "not_an_object", caught.value


def test_assess_of_a_frame_of_no_columns_is_an_empty_assessment(policy: Policy) -> None:
    """pd.DataFrame() (as pd.DataFrame([]) gives) raised ColumnError "no 'id' column"; an empty list is an empty
    assessment (hostile40, left)."""
    import pandas as pd

    for frame in (pd.DataFrame(), pd.DataFrame([]), pd.DataFrame(index=range(3))):
        done = policy.assess(frame)
        assert (done.assessed, done.rejected, len(done.findings)) == (0, 0, 0)


# ---------------------------------------------------------------- 9. the hotline's note where it applies


def test_a_township_through_the_hotline_is_not_told_of_the_mayor_s_hotline(tmp_path: Path, run_cli: Run,
                                                                           policy: Policy) -> None:
    """A township finding through 热线 was told "— 市长热线 is a county-level city's (县级市) mayor's hotline …", which
    speaks of a finder written at the city level; that one still is told it, in a record and an event alike."""
    found = {"level": "乡镇", "channel": "热线", "on": "2021-03-01"}
    said = _record_says(policy, _record(discovered=found))
    assert said.startswith("a township does not find problems through 'hotline'") and "市长热线" not in said, said
    err = _event_says(tmp_path, run_cli, REGISTERED, {**DISCOVERED, "level": "乡镇", "channel": "热线"})
    assert said in err, err
    said = _record_says(policy, _record(discovered={**found, "level": "city", "channel": "市长热线"}))
    assert "— 市长热线 is a county-level city's (县级市) mayor's hotline" in said, said
