"""The input contract, hostile inputs and a newcomer's path (hostile32: session 31's known defects — an urban
community's place in an error, a correction that adds where it should alter — then a hostile pass on the notebook
API, the CLI's paths, the ledger's imports and the service)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from responsibility import Policy, ProblemError

ROOT = Path(__file__).resolve().parents[1]
COMMUNITY = "330102001051"  # 清波门社区 (a residents' committee) of 清波街道 330102001000, in the shipped jurisdiction


def _record(place: str = COMMUNITY, **more: Any) -> dict[str, Any]:
    return {"id": "c1", "area": "housing", "place": place, "severity": "serious",
            "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"}, "as_of": "2021-06-30", **more}


# ---------------------------------------------------------------- 1a. an urban community's place in an error


@pytest.mark.parametrize("reading", ["township", "village"])
@pytest.mark.parametrize("place", ["330127001051",   # a community of a township the jurisdiction lacks
                                   "330102001199",   # a community code of 清波街道 that does not exist
                                   "330102001450"])  # the same, 类似居民委员会 (400–599)
def test_a_community_not_in_the_jurisdiction_is_refused_naming_the_code_written(policy: Policy, reading: str,
                                                                                place: str) -> None:
    """Under residents_committee_place=township a community is answered at its township's code: the first was
    refused as "place 330127001000 is not in jurisdiction", a code the user never wrote; the other two were answered
    at 清波街道 (4 findings), where under =village, in the ledger's registration and in the bulk path it is refused."""
    strict = policy.with_parameters(residents_committee_place=reading)
    with pytest.raises(ProblemError) as caught:
        strict.who_answers(_record(place))
    assert caught.value.field == "place" and caught.value.code == "unknown_place"
    assert f"place {place} is not in jurisdiction" in str(caught.value), caught.value
    assert place[:9] + "000" not in str(caught.value)
    done = strict.assess([_record(place), _record()])
    assert (done.assessed, done.rejected) == (1, 1)
    assert list(done.rejects["code"]) == ["unknown_place"]


def test_a_village_reporting_a_communitys_problem_is_refused_as_a_village_finder_is(policy: Policy,
                                                                                   tmp_path: Path) -> None:
    """A record with a village level in it at a community is refused under =township (rules/parameters.yaml): a
    village finder, assignee or concealer was, a village's report upward was taken (the 街道 was named 应发现未发现
    beside the county), though the bulk path sends such a record to the reference path to be refused. The ledger
    refuses the same event with the same message."""
    from responsibility import Ledger
    from responsibility.engine._problem import below_community

    step = {"action": "reported", "by_level": "village", "to_level": "county", "on": "2021-03-02"}
    with pytest.raises(ProblemError) as caught:
        policy.who_answers(_record(handled=[step]))
    expected = below_community(COMMUNITY, COMMUNITY[:9] + "000", "reported")
    assert caught.value.field == "handled[0].by_level" and caught.value.code == "level_mismatch"
    assert expected in str(caught.value)
    done = policy.assess([_record(handled=[step]), _record(id="c2")])
    assert (done.assessed, done.rejected) == (1, 1) and list(done.rejects["field"]) == ["handled[0].by_level"]
    # as at a village, the step stands under the other reading
    assert policy.with_parameters(residents_committee_place="village").who_answers(_record(handled=[step]))
    with Ledger.create(tmp_path / "l.db") as led:
        led.append([{"problem": "C", "type": "registered", "on": "2021-03-01", "area": "housing", "place": COMMUNITY},
                    {"problem": "C", "type": "discovered", "on": "2021-03-01", "level": "county",
                     "channel": "hotline"}], entered_by="clerk")
        with pytest.raises(ProblemError) as refused:
            led.append([{"problem": "C", "type": "reported", "on": "2021-03-02", "by_level": "village",
                         "to_level": "county"}], entered_by="clerk")
    assert refused.value.field == "by_level" and expected in str(refused.value)


# ---------------------------------------------------------------- 1b. a correction alters, it does not add


def _assigned_ledger(path: Path) -> Any:
    from responsibility import Ledger

    led = Ledger.create(path)
    led.append([{"problem": "C", "type": "registered", "on": "2021-03-01", "area": "housing", "place": "330127100219"},
                {"problem": "D", "type": "registered", "on": "2021-03-01", "area": "housing", "place": "330127100219"},
                {"problem": "C", "type": "discovered", "on": "2021-03-01", "level": "county", "channel": "hotline"},
                {"problem": "C", "type": "assigned", "on": "2021-03-02", "by_level": "county",
                 "to_level": "township"}], entered_by="clerk")
    return led


@pytest.mark.parametrize(("replace", "field", "said"), [
    ({"type": "reported", "by_level": "township", "to_level": "county"}, "replace.type", "add that event"),
    ({"type": 5, "by_level": "county", "to_level": "township"}, "replace.type", "not 5"),
    ({"problem": "D", "by_level": "county", "to_level": "township"}, "replace.problem", "cannot move it to 'D'"),
])
def test_a_correction_into_another_type_or_problem_is_refused(tmp_path: Path, replace: dict[str, Any], field: str,
                                                              said: str) -> None:
    """docs/ledger.md: a correction's replacement is "the whole event that replaces the one corrected". One of another
    type was silently made the corrected event's type (a 'reported' replacement of an assignment was then refused as
    "an assignment goes to the same or a lower level; use 'reported' to go up"), one of another problem was stored
    as about the first, as if it had moved nothing. Now bad_correction, naming what to do."""
    with _assigned_ledger(tmp_path / "l.db") as led:
        seq = max(e.seq for e in led.events("C"))
        with pytest.raises(ProblemError) as caught:
            led.append([{"problem": "C", "type": "corrected", "on": "2021-03-03", "event": seq, "reason": "录错",
                         "replace": replace}], entered_by="clerk")
        assert caught.value.field == field and caught.value.code == "bad_correction", caught.value
        assert said in str(caught.value)
        assert [e.type for e in led.events("C")][-1] == "assigned"  # nothing stored


def test_a_correction_may_give_a_field_the_event_left_out_and_its_own_type_by_name(tmp_path: Path) -> None:
    """The replacement is the whole event: a deadline the assignment did not state is part of it (the contract kept,
    docs/ledger.md), and `type` naming the event's own type (by id or Chinese name, as an exported event has it) is
    no change."""
    with _assigned_ledger(tmp_path / "l.db") as led:
        seq = max(e.seq for e in led.events("C"))
        led.append([{"problem": "C", "type": "corrected", "on": "2021-03-03", "event": seq, "reason": "补录期限",
                     "replace": {"type": "交办", "problem": "C", "by_level": "county", "to_level": "township",
                                 "deadline": "2021-05-01"}}], entered_by="clerk")
        rows = led.rectifications("2021-03-10")
        assert str(rows.loc[rows["problem"] == "C", "deadline"].iloc[0])[:10] == "2021-05-01"


# ---------------------------------------------------------------- 2. the notebook API, hostile values


def _example() -> dict[str, Any]:
    return {"id": "2021-0042", "area": "housing", "kind": "housing_renovation_late", "place": "330127100219",
            "severity": "serious", "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
            "deadline": "2021-05-31", "as_of": "2021-06-30"}


def test_a_lone_surrogate_is_one_rejection_on_every_path(policy: Policy, tmp_path: Path) -> None:
    """who said bad_value of a lone surrogate in a record's id, and assess of the same dict bad_text (records.md's
    code for it in a file): the same input through every path must give the same rejection. The ledger's event too."""
    from responsibility import Ledger

    record = dict(_example(), id="\ud800x")
    with pytest.raises(ProblemError) as caught:
        policy.who_answers(record)
    done = policy.assess([record])
    assert caught.value.code == "bad_text" and list(done.rejects["code"]) == ["bad_text"]
    assert "lone surrogate" in str(caught.value)
    with Ledger.create(tmp_path / "l.db") as led, pytest.raises(ProblemError) as event:
        led.append([{"problem": "P", "type": "registered", "on": "2021-03-01", "area": "housing",
                     "place": "330127100219", "description": "\udc80"}], entered_by="clerk")
    assert event.value.code == "bad_text"


@pytest.mark.parametrize(("value", "said"), [(True, "not as true (a true/false value)"),
                                             (float("nan"), "not as NaN (not a number)"),
                                             (20210301, "not as the number 20210301")])
def test_a_date_given_as_a_number_or_a_truth_value_is_said_in_json_words(policy: Policy, value: Any,
                                                                         said: str) -> None:
    """as_of=True was "a date is written YYYY-MM-DD, not as the number True", NaN "the number nan"."""
    with pytest.raises(ProblemError) as caught:
        policy.who_answers(dict(_example(), as_of=value))
    assert caught.value.code == "bad_date" and said in str(caught.value), caught.value


# ---------------------------------------------------------------- 2. the ledger's imports


def test_a_workbook_row_of_white_space_is_blank_as_a_csv_row_is(tmp_path: Path) -> None:
    """A row whose cells hold only spaces (a space typed and left, a full-width one) is blank in a CSV import and was
    rejected in a workbook ("问题编号: is empty", exit 1): the same sheet saved either way imports alike."""
    import openpyxl

    from responsibility import Ledger

    source = openpyxl.load_workbook(ROOT / "examples" / "ledger" / "county-ledger.xlsx")
    rows = [list(r) for r in source.active.iter_rows(values_only=True)]
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (rows[0], rows[1], [" "] + [None] * 18, ["\u3000", None, " "], rows[2]):
        sheet.append(row)
    book.save(tmp_path / "ledger.xlsx")
    with Ledger.create(tmp_path / "l.db") as led:
        got = led.import_file(tmp_path / "ledger.xlsx", entered_by="clerk")
    assert (got.rows, got.imported, got.blank, got.rejected) == (4, 2, 2, 0), got


# ---------------------------------------------------------------- 2. the HTTP service


def test_the_service_reads_an_integer_past_64_bits_whole_as_who_does(client: Any, policy: Policy) -> None:
    """orjson 3.13 reads 12345678901234567890123 as the float 1.2345678901234568e+22: the service refused a record
    with that id ("not the number 1.2345678901234568e+22") that `responsibility who`, assess and who_answers answer
    as "12345678901234567890123", and a correction of event 99999999999999999999999 was told "got 1e+23"."""
    from responsibility.service._jsonio import loads
    from tests.test_service import bearer

    assert loads(b'{"a": 99999999999999999999999, "b": 1e23, "c": [-18446744073709551617], "d": 5}') == \
        {"a": 99999999999999999999999, "b": 1e23, "c": [-18446744073709551617], "d": 5}
    body = ('{"id": 12345678901234567890123, "area": "housing", "place": "330127100219", "discovered": {"level": '
            '"county", "channel": "hotline", "on": "2021-03-01"}, "as_of": "2021-06-30"}')
    got = client.post("/v1/verdict", content=body.encode(), headers=bearer("chunan"))
    assert got.status_code == 200, got.text
    assert got.json()["problem"] == "12345678901234567890123" == policy.who_answers(
        dict(_example(), id=12345678901234567890123)).problem


@pytest.mark.parametrize(("as_of", "said"), [("2021-02-30", "no such day); write a day that exists, as YYYY-MM-DD"),
                                             (float("nan"), "not as NaN (not a number); give a day YYYY-MM-DD")])
def test_a_ledger_list_day_says_what_to_write_once(county_db: Path, as_of: Any, said: str) -> None:
    """Ledger.lists("2021-02-30") said "…; write a day that exists, as YYYY-MM-DD; give a day YYYY-MM-DD between 1900
    and 2999": two hints, one where the message had its own."""
    from responsibility import Ledger

    with Ledger.open(county_db) as led, pytest.raises(ProblemError) as caught:
        led.lists(as_of)
    assert said in str(caught.value) and str(caught.value).count("give a day") == (as_of != as_of), caught.value


# ---------------------------------------------------------------- 3. the newcomer's path


def test_create_app_takes_a_tokens_file_and_a_ledger_path_as_docs_service_says(tmp_path: Path,
                                                                             county_db: Path) -> None:
    """docs/service.md: "create_app(tokens=..., ledger=...) takes the same settings as keyword arguments"; a newcomer
    passing the tokens file `serve --tokens` takes got AttributeError: 'str' object has no attribute 'principals',
    and a Path as ledger "argument of type 'PosixPath' is not iterable"."""
    from fastapi.testclient import TestClient

    from responsibility.service import create_app
    from responsibility.service._auth import token_hash

    tokens = tmp_path / "tokens.yaml"
    tokens.write_text("tokens:\n- {name: chunan, role: county, jurisdiction: '330127', sha256: "
                      f"{token_hash('secret')}}}\n", encoding="utf-8")
    for given in (str(tokens), tokens):
        app = create_app(tokens=given, ledger=county_db, decision_log=None)
        with TestClient(app) as client:
            got = client.get("/v1/ledger/lists/problems", headers={"Authorization": "Bearer secret"})
        assert got.status_code == 200 and got.json(), got.text
    with pytest.raises(TypeError, match="a TokenStore or the path of a tokens file"):
        create_app(tokens=5)


def test_replay_takes_the_line_as_read_from_the_log(policy: Policy, tmp_path: Path) -> None:
    """docs/service.md: "replay(line, problem, policy) answers a logged line again"; the line as read from
    decisions.jsonl (its text) gave AttributeError: 'str' object has no attribute 'get'."""
    from fastapi.testclient import TestClient

    from responsibility import ResponsibilityError
    from responsibility.service import create_app, replay
    from tests.test_service import bearer, token_store

    log = tmp_path / "d.jsonl"
    with TestClient(create_app(tokens=token_store(), decision_log=log)) as client:
        assert client.post("/v1/verdict", json=_example(), headers=bearer("chunan")).status_code == 200
    line = log.read_text(encoding="utf-8").splitlines()[-1]
    assert replay(line, _example(), policy).problem == replay(line.encode(), _example(), policy).problem == "2021-0042"
    with pytest.raises(ResponsibilityError, match="not a line of a decision log"):
        replay("[1]", _example(), policy)


# ---------------------------------------------------------------- 2. the CLI's outputs


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_an_output_under_proc_is_a_descriptor_only_where_it_is_one(tmp_path: Path) -> None:
    """`assess -o /proc/out.csv` was refused as "an open descriptor of this process (standard output, /dev/fd/N)": any
    path under /proc read as one. A process's fd (/proc/self/fd/1, /proc/<pid>/fd/1) still is; another /proc path is
    refused for what it is when written (no such file or directory)."""
    import os

    from responsibility import OutputError
    from responsibility._files import atomic_text, check_target

    for fd in ("/proc/self/fd/1", f"/proc/{os.getpid()}/fd/1", f"/proc/self/task/{os.getpid()}/fd/1"):
        with pytest.raises(OutputError, match="open descriptor"):
            check_target(fd)
    with pytest.raises(OutputError) as caught, atomic_text("/proc/out.csv", what="findings file") as out:
        out.write("x")
    assert "open descriptor" not in str(caught.value) and "/proc/out.csv" in str(caught.value), caught.value
