"""The input contract, hostile inputs and a newcomer's path (hostile33: session 32's three leftovers — a device
given a picture's extension, who entered an event given as a number, a day with a time zone — then a hostile pass
over the entry points and a newcomer following README.md from a fresh clone)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from responsibility import Ledger, ProblemError

Run = Callable[..., tuple[int, str, str]]
REGISTERED = {"problem": "P1", "type": "registered", "on": "2021-06-01", "area": "housing", "place": "330127100219"}


@pytest.fixture()
def ledger(tmp_path: Path) -> Any:
    led = Ledger.create(str(tmp_path / "county.db"))
    yield led
    led.close()


# ---------------------------------------------------------------- 1. left by session 32


def test_graph_never_gives_a_device_or_a_fifo_the_pictures_extension(run_cli: Run, tmp_path: Path) -> None:
    """`graph --format svg -o /dev/full` wrote /dev/full.svg (a stray file in /dev, exit 0): a name that is a
    device, a FIFO or a descriptor of the process is checked as named — refused, exit 2 — and the null device is
    written in place (a timing run), never `/dev/null.svg`."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    code, _, err = run_cli("graph", "--format", "svg", "-o", str(fifo))
    assert code == 2 and "not a regular file" in err, err
    assert not (tmp_path / "pipe.svg").exists()
    stray = [Path("/dev/full.svg"), Path("/dev/null.svg")]
    there = {p: p.exists() for p in stray}
    try:
        code, _, err = run_cli("graph", "--format", "svg", "-o", "/dev/full")
        assert code == 2 and "/dev/full is not a regular file" in err, err
        code, _, err = run_cli("graph", "--format", "mermaid", "--level", "county", "-o", "/dev/null")
        assert code == 0, err
        assert all(p.exists() == there[p] for p in stray)
    finally:
        for p in stray:  # (what the code before this left)
            if p.exists() and not there[p]:
                p.unlink()


@pytest.mark.parametrize("given", [True, [1], {"a": 1}, 1.5, float("nan"), b"clerk"])
def test_who_entered_an_event_is_text_or_a_whole_number(ledger: Any, given: Any) -> None:
    """`entered_by=True` was stored as 'True', `[1]` as '[1]', NaN as 'nan' (str() of anything): it is read as every
    text field of an event is — refused naming the field, as the argument and as the event's own field."""
    for call in (lambda: ledger.append(REGISTERED, entered_by=given),
                 lambda: ledger.append({**REGISTERED, "entered_by": given})):
        with pytest.raises(ProblemError) as caught:
            call()
        assert caught.value.field == "entered_by" and caught.value.code == "wrong_type", caught.value
    assert ledger.events("P1") == []


def test_a_staff_number_is_stored_as_its_digits(ledger: Any) -> None:
    """A whole number (a staff number; a spreadsheet's 5.0) is taken as its digits, as a record's ids are."""
    assert ledger.append(REGISTERED, entered_by=5)[0].entered_by == "5"
    assert ledger.append({**REGISTERED, "problem": "P2", "entered_by": 5.0})[0].entered_by == "5"


def test_a_token_named_by_a_truth_value_is_refused() -> None:
    """A tokens file's `name: yes` named the caller 'True' in the decision log and as who entered events."""
    from responsibility._errors import ResponsibilityError
    from responsibility.service._auth import TokenStore

    entry = {"name": True, "role": "county", "jurisdiction": "330127", "sha256": "a" * 64}
    with pytest.raises(ResponsibilityError, match=r"tokens\[0\]\.name: expected text"):
        TokenStore.from_data({"tokens": [entry]})


ZONED = [dt.datetime(2021, 6, 1, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
         dt.datetime(2021, 6, 1, tzinfo=dt.timezone(dt.timedelta(hours=8)))]


@pytest.mark.parametrize("day", ZONED, ids=["evening-utc-5", "midnight-utc+8"])
def test_a_day_with_a_time_zone_is_refused_in_the_ledger(ledger: Any, day: dt.datetime) -> None:
    """A datetime with a time zone was read as the day it shows (an event's `on`: 2021-06-01 for 23:30 at UTC-5,
    the 2nd in Zhejiang) or, at midnight, as a list's as_of, while its text is refused by every reader: refused
    alike, naming the field, saying what to give."""
    ledger.append(REGISTERED, entered_by="clerk")
    calls: list[tuple[str, Callable[[], Any]]] = [
        ("on", lambda: ledger.append({"problem": "P1", "type": "discovered", "on": day, "level": "county",
                                      "channel": "hotline"}, entered_by="clerk")),
        ("deadline", lambda: ledger.append({"problem": "P1", "type": "assigned", "on": "2021-06-02",
                                            "by_level": "county", "to_level": "township", "deadline": day},
                                           entered_by="clerk")),
        ("as_of", lambda: ledger.lists(day)), ("as_of", lambda: ledger.state("P1", day))]
    for field, call in calls:
        with pytest.raises(ProblemError) as caught:
            call()
        assert (caught.value.field, caught.value.code) == (field, "bad_date"), caught.value
        assert "has a time zone" in str(caught.value) and "d.date()" in str(caught.value)
    assert len(ledger.events("P1")) == 1


@pytest.mark.parametrize("day", [*ZONED[1:], dt.datetime(2021, 7, 1, tzinfo=dt.UTC)], ids=["utc+8", "utc"])
def test_a_day_with_a_time_zone_is_refused_as_today_and_in_a_record(day: dt.datetime) -> None:
    """`today` and a record's as_of took a midnight with a time zone as the day it shows (2021-07-01T00:00+08:00 is
    the 30th of June in UTC) while the same text is refused: the object is refused alike, on every path."""
    import responsibility

    policy = responsibility.load()
    record = {"id": "t1", "area": "housing", "place": "330127100219", "severity": "serious",
              "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"}}
    with pytest.raises(ProblemError) as caught:
        policy.who_answers(record, today=day)
    assert (caught.value.field, caught.value.code) == ("today", "bad_date") and "time zone" in str(caught.value)
    with pytest.raises(ProblemError) as caught:
        policy.who_answers({**record, "as_of": day})
    assert (caught.value.field, caught.value.code) == ("as_of", "bad_date")
    done = policy.assess([{**record, "as_of": day}, {**record, "id": "t2", "as_of": "2021-07-01"}])
    assert (done.assessed, done.rejected) == (1, 1) and list(done.rejects["code"]) == ["bad_date"]


def test_a_channel_given_at_a_level_that_does_not_run_it_is_told_the_channels_note(ledger: Any) -> None:
    """`discovered: {level: city, channel: 市长热线}` was refused as level_mismatch without saying what the alias
    means; the channel's note (rules/vocabulary.yaml: 市长热线 is a 县级市's mayor's hotline, record it at level
    county) now says it, before what to do, in a record (who_answers and the bulk path) and in a ledger's discovery
    alike (review32 F7)."""
    import responsibility

    policy = responsibility.load()
    note = policy.channels["hotline"].note
    assert note and "县级市" in note
    said = note.strip().rstrip(".")
    ending = "; give as level the one whose body or work found it (a county audit of a village: level county)"
    record = {"id": "t1", "area": "housing", "place": "330127100219", "severity": "serious", "as_of": "2021-06-30",
              "discovered": {"level": "city", "channel": "市长热线", "on": "2021-03-01"}}
    with pytest.raises(ProblemError) as caught:
        policy.who_answers(record)
    assert (caught.value.field, caught.value.code) == ("discovered.level", "level_mismatch")
    assert f"— {said}{ending}" in str(caught.value) and str(caught.value).endswith(ending), caught.value
    done = policy.assess([record])
    assert done.rejected == 1 and done.rejects["reason"].iloc[0].endswith(f"— {said}{ending}")
    ledger.append(REGISTERED, entered_by="clerk")
    with pytest.raises(ProblemError) as caught:
        ledger.append({"problem": "P1", "type": "discovered", "on": "2021-06-01", "level": "city",
                       "channel": "市长热线"}, entered_by="clerk")
    assert (caught.value.field, caught.value.code) == ("level", "level_mismatch")
    assert str(caught.value).endswith(f"— {said}{ending}"), caught.value


def test_the_service_keeps_a_message_with_apostrophes_whole_and_its_suggestion_last() -> None:
    """The service's 422 for that refusal read "… give as level the one w…' (159 characters)s (县级市) mayor's
    hotline …": the apostrophes of "city's" and "prefecture's" were taken for quotes around a long value and the text
    between them cut; and its suggestion was the note's last clause, not what to do."""
    from responsibility.service._errors import ApiError, capped, from_library

    prose = ("a city does not find problems through 'hotline' (县（市、区）长热线): county runs it (一(二)), and the "
             "level to give is the one whose body or work found it (a county audit of a village: level county) — "
             "市长热线 is a county-level city's (县级市) mayor's hotline: record it at level county; a prefecture's "
             "own hotline is not the text's channel; give as level the one whose body or work found it")
    assert capped(prose) == prose
    assert capped("unknown id '" + "x" * 500 + "'; give one") == f"unknown id '{'x' * 60}…' (500 characters); give one"
    body = ApiError(422, prose).body()["error"]
    assert body["message"] == prose and body["suggestion"] == "give as level the one whose body or work found it"
    assert from_library(ProblemError("level", prose)).status == 422


# ---------------------------------------------------------------- 2. the hostile pass


@pytest.mark.parametrize("cell", ["2021-02-30", "2021/2/30", "2021年2月30日"])
def test_an_imported_day_that_does_not_exist_is_said_so(ledger: Any, tmp_path: Path, cell: str) -> None:
    """`ledger import` told 2021-02-30 "not a date: '2021-02-30' (use YYYY-MM-DD)" — the form it is written in;
    the day is what is wrong, as an event and a record say."""
    table = tmp_path / "t.csv"
    table.write_text("问题编号,领域,所在地代码,发现时间,发现层级,发现渠道\n"
                     f"N2,危房改造,330127100219,{cell},县,热线\n", encoding="utf-8")
    done = ledger.import_file(str(table), entered_by="clerk")
    assert done.rejected == 1 and done.rejects[0]["code"] == "bad_date"
    assert "no such day" in done.rejects[0]["reason"] and "write a day that exists" in done.rejects[0]["reason"]


def test_schemas_out_a_device_is_not_a_directory(run_cli: Run) -> None:
    """`schemas --out /dev/null` said "cannot complete: file exists (/dev/null); the output may be incomplete"."""
    code, _, err = run_cli("schemas", "--out", "/dev/null")
    assert code == 2 and "--out /dev/null is not a directory" in err, err


def test_the_ledger_constructor_on_no_ledger_says_create_or_open(tmp_path: Path) -> None:
    """`Ledger("county.db")`, a notebook's first guess, made an empty county.db and its first append raised
    SQLAlchemy's OperationalError ("no such table: head"); it now says to create or open, and makes no file."""
    from responsibility import LedgerError

    path = tmp_path / "county.db"
    with pytest.raises(LedgerError, match=r"no such ledger; make a new one with Ledger\.create"):
        Ledger(str(path))
    assert not path.exists()
    Ledger.create(str(path)).close()
    with Ledger(str(path)) as again:  # an existing ledger opens as before
        assert again.events() == []


@pytest.mark.parametrize("call", ["to_mermaid", "to_dot", "to_graphml", "subchain", "reporting_lines", "draw_png",
                                  "area_holders", "escalation_path", "supervisors"])
def test_the_chain_functions_given_the_policy_say_give_policy_chain(call: str, tmp_path: Path) -> None:
    """`responsibility.to_mermaid(policy)` (and each chain function of `__all__` given the Policy, a notebook's first
    guess) raised AttributeError "'Policy' object has no attribute 'graph'"; a TypeError now says to give
    policy.chain."""
    import responsibility

    policy = responsibility.load()
    args: dict[str, tuple[Any, ...]] = {"draw_png": (tmp_path / "c.png",), "area_holders": ("housing",),
                                        "escalation_path": ("township_government",),
                                        "supervisors": ("township_government",)}
    function = getattr(responsibility, call)
    with pytest.raises(TypeError, match=r"takes the role graph, not the Policy: give policy\.chain"):
        function(policy, *args.get(call, ()))
    with pytest.raises(TypeError, match=r"takes the role graph \(policy\.chain.*not int"):
        function(5, *args.get(call, ()))
    assert not (tmp_path / "c.png").exists()
