"""The ledger and its service routes as a county clerk reads them (review33b F1–F11; session 34's ledger34)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("sqlalchemy", reason="the ledger needs the 'ledger' extra")

import responsibility
from responsibility import Ledger, ProblemError

VILLAGE = "330127100219"
HOUSE = {"area": "housing", "kind": "housing_renovation_late", "place": VILLAGE, "severity": "serious"}


def reg(pid: str, on: str, **extra: Any) -> dict[str, Any]:
    return {"problem": pid, "type": "registered", "on": on, **HOUSE, **extra}


def found(pid: str, on: str, level: str = "county", channel: str = "hotline") -> dict[str, Any]:
    return {"problem": pid, "type": "discovered", "on": on, "level": level, "channel": channel}


@pytest.fixture()
def ledger(tmp_path: Path) -> Any:
    lg = Ledger.create(tmp_path / "l.db")
    yield lg
    lg.close()


@pytest.fixture(scope="module")
def amended(amended_policy: responsibility.Policy) -> responsibility.Policy:
    return amended_policy  # (conftest: loaded once, its warm-up shared with the other modules that read it)


# ---------------------------------------------------------------- F1: a late entry


def test_a_problem_entered_after_its_discovery_is_taken(ledger_url: str) -> None:
    """review33b F1: registered 06-10 for a hotline call of 06-01 was refused order_violation (the reverse, an
    impossible order, was taken). The lists show it from its registration, its periods counted from 06-01."""
    with Ledger.create(ledger_url) as lg:
        lg.append([reg("L2", "2021-06-10"), found("L2", "2021-06-01"),
                   {"problem": "L2", "type": "assigned", "on": "2021-06-12", "by_level": "county",
                    "to_level": "township", "deadline": "2021-07-12"}], entered_by="x")
        assert lg.state("L2").discovered.on == dt.date(2021, 6, 1)  # type: ignore[union-attr]
        # between the discovery and the registration the 台账 did not hold it yet
        assert "L2" not in set(lg.problems("2021-06-05")["problem"])
        with pytest.raises(ProblemError, match="not yet registered that day"):
            lg.state("L2", "2021-06-05")
        row = lg.problems("2021-06-10").set_index("problem").loc["L2"]
        assert str(row["discovered_on"])[:10] == "2021-06-01" and row["status"] == "discovered"
        # its handling limit ran from the discovery: the county was late on the 12th (due 06-11)
        alerts = lg.alerts(as_of="2021-06-11")
        assert set(alerts[alerts.problem == "L2"]["due"].astype(str).str[:10]) == {"2021-06-11"}
        # what precedes both is still refused, and the message says what to do
        with pytest.raises(ProblemError, match="or discovered on 2021-06-01; give this event the day") as info:
            lg.append({"problem": "L2", "type": "concealed", "on": "2021-05-30", "who": "township"}, entered_by="x")
        assert info.value.code == "order_violation"


def test_an_import_row_registered_after_its_discovery_is_imported(tmp_path: Path, ledger: Ledger) -> None:
    """review33b F1, import I1: 登记时间 2021-06-10, 发现时间 2021-06-01 was rejected row by row."""
    f = tmp_path / "late.csv"
    f.write_text("问题编号,领域,问题类型,所在地代码,严重程度,登记时间,发现时间,发现层级,发现渠道\n"
                 "I1,危房改造,困难家庭危房改造不及时,330127100219,较重,2021-06-10,2021-06-01,县,县长热线\n",
                 encoding="utf-8")
    result = ledger.import_file(f, entered_by="x")
    assert (result.imported, result.rejected) == (1, 0)
    assert ledger.state("I1").registered_on == dt.date(2021, 6, 10)


# ---------------------------------------------------------------- F2: a body of another period


@pytest.mark.parametrize(("day", "body", "other"), [
    ("2021-05-25", "county_rural_revitalisation", "county_poverty_office"),  # before the bureau exists
    ("2021-06-05", "county_poverty_office", "county_rural_revitalisation"),  # after the office has gone
])
def test_an_assignment_to_a_body_outside_its_period_is_refused(tmp_path: Path, amended: Any, day: str, body: str,
                                                              other: str) -> None:
    """review33b F2: stored, the 整改清单 and the alerts showed the body overdue while the 责任清单 said 无法认定."""
    nxt = (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat()
    step = {"problem": "A", "type": "assigned", "on": nxt, "by_level": "county", "to_level": "county",
            "to_body": body, "deadline": "2021-06-20"}
    with Ledger.create(tmp_path / "a.db", policy=amended) as lg:
        with pytest.raises(ProblemError, match="write that") as info:
            lg.append([reg("A", day), found("A", day), step], entered_by="x")
        assert info.value.code == "unknown_body" and info.value.field.endswith("to_body")
        assert repr(other) in info.value.detail and lg.count() == 0
        lg.append([reg("A", day), found("A", day), {**step, "to_body": other}], entered_by="x")
        # an earlier discovery entered later moves the problem into the other period: refused, nothing stored
        if day == "2021-06-05":
            with pytest.raises(ProblemError, match="judged by the rules of 2021-05-20") as info:
                lg.append(found("A", "2021-05-20", channel="audit"), entered_by="x")
            assert info.value.code == "unknown_body" and lg.count() == 3


# ---------------------------------------------------------------- F3: the route of a problem reported up


def test_show_route_names_the_level_holding_the_problem(ledger: Ledger) -> None:
    """review33b F3: the route of a problem reported up to the province gave the village's report due 06-11."""
    ledger.append([{**reg("P2", "2021-06-01"), "kind": "housing_policy_gap"},
                   found("P2", "2021-06-01", "village", "grid"),
                   *({"problem": "P2", "type": "reported", "on": f"2021-06-0{d}", "by_level": a, "to_level": b}
                     for d, a, b in ((2, "village", "township"), (4, "township", "county"), (6, "county", "city"),
                                     (8, "city", "province")))], entered_by="x")
    r = ledger.route("P2", as_of="2021-06-20")
    assert (r.registering_level, r.received, r.act_by) == ("province", dt.date(2021, 6, 8), dt.date(2021, 6, 18))
    alerts = ledger.alerts(as_of="2021-06-20")
    assert set(alerts["level"]) == {"province"} and set(alerts["due"].astype(str).str[:10]) == {"2021-06-18"}
    # before the reports, the finder's own route
    early = ledger.route("P2", as_of="2021-06-01")
    assert (early.registering_level, early.act_by) == ("village", dt.date(2021, 6, 11))


# ---------------------------------------------------------------- F4: a step that counts as no step


def school(pid: str) -> list[dict[str, Any]]:
    """S60: a school-aid identification (the schools' and the county's) assigned to the township, which has no part."""
    return [{"problem": pid, "type": "registered", "on": "2021-06-01", "area": "education",
             "kind": "education_student_not_identified", "place": "330127100000", "severity": "serious",
             "sector": "education"}, found(pid, "2021-06-01"),
            {"problem": pid, "type": "assigned", "on": "2021-06-02", "by_level": "county", "to_level": "township",
             "deadline": "2021-06-30"}]


def test_an_assignment_that_does_not_count_leaves_the_lists_with_the_assigner(ledger: Ledger) -> None:
    """review33b F4: the 整改清单 and the alerts showed the township overdue, the 责任清单 the county (not_handled)."""
    stored = ledger.append(school("S60"), entered_by="x")
    ledger.append([reg("S33", "2021-06-01"), found("S33", "2021-06-01"),
                   {"problem": "S33", "type": "assigned", "on": "2021-06-05", "by_level": "county",
                    "to_level": "township", "deadline": "2021-07-05"},
                   {"problem": "S33", "type": "assigned", "on": "2021-06-10", "by_level": "township",
                    "to_level": "village", "deadline": "2021-07-20"}], entered_by="x")
    day = "2021-07-05"
    answers = ledger.responsibilities(day)
    answers = answers[(answers.problem == "S60") & (answers.basis == "not_handled")]
    alerts = ledger.alerts(as_of=day)
    s60 = alerts[alerts.problem == "S60"]
    assert set(s60.level) == set(answers.level) == {"county"} and set(s60.stage) == {"handling"}
    assert set(s60.body) <= set(answers.body) | {"county_poverty_office"}
    rect = ledger.rectifications(day).set_index("problem")
    assert "S60" not in rect.index  # nobody was assigned it by procedure
    assert rect.loc["S33", "assignee_level"] == "township"  # the village takes no renovation: the township keeps it
    assert ledger.problems(day).set_index("problem").loc["S60", "status"] == "assigned"  # the office did 交办 it
    notes = ledger.step_notes(stored)
    assert list(notes) == [3] and "no body of the township level rectifies" in notes[3]
    assert "the county still answers for passing it on" in notes[3]


def test_the_service_notes_a_step_that_does_not_count(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from responsibility.service import Settings, create_app
    from tests.test_service import bearer, token_store

    Ledger.create(tmp_path / "s.db").close()
    app = create_app(Settings(tokens=token_store(), ledger=str(tmp_path / "s.db"), decision_log=tmp_path / "d.jsonl"))
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.post("/v1/ledger/events", json=school("S60"), headers=bearer("chunan"))
    assert r.status_code == 201, r.text
    got = r.json()
    assert [("note" in e) for e in got] == [False, False, True]
    assert "does not count as one by procedure" in got[2]["note"]


def test_ledger_add_says_why_a_step_does_not_count(tmp_path: Path, run_cli: Any) -> None:
    import json

    db, f = tmp_path / "c.db", tmp_path / "e.json"
    f.write_text(json.dumps(school("S60")), encoding="utf-8")
    assert run_cli("ledger", "init", str(db))[0] == 0
    code, _, err = run_cli("ledger", "add", str(db), str(f), "--by", "x")
    assert code == 0 and "注意（note）：problem 'S60': the assignment (交办) on 2021-06-02" in err


# ---------------------------------------------------------------- F7, F8, F9, F11: words and codes


def test_a_merge_refused_says_what_to_correct_and_place_may_differ(ledger: Ledger) -> None:
    """review33b F7: the message told the user to correct the place, which a merge lets differ within the county."""
    ledger.append([reg("A", "2021-06-01"), found("A", "2021-06-01"),
                   {"problem": "B", "type": "registered", "on": "2021-06-01", "area": "water", "place": VILLAGE},
                   found("B", "2021-06-01")],
                  entered_by="x")
    with pytest.raises(ProblemError, match=r"correct a wrong area, kind or sector first, or a place outside the "
                                           r"county\)") as info:
        ledger.merge("B", "A", on="2021-06-02", entered_by="x")
    assert info.value.code == "bad_merge"


def test_messages_say_what_to_do(ledger: Ledger) -> None:
    """review33b F8: a county-wide problem assigned to a township; a void of a correction."""
    ledger.append([{**reg("M1", "2021-06-01"), "area": "funds", "kind": "funds_allocation_irregular",
                    "place": "330127000000"}, found("M1", "2021-06-01", "county", "audit")], entered_by="x")
    with pytest.raises(ProblemError, match="register a problem at each place's own code") as info:
        ledger.append({"problem": "M1", "type": "assigned", "on": "2021-06-03", "by_level": "county",
                       "to_level": "township"}, entered_by="x")
    assert info.value.code == "level_mismatch"
    ledger.append({"problem": "M1", "type": "assigned", "on": "2021-06-03", "by_level": "county",
                   "to_level": "county", "deadline": "2021-07-03"}, entered_by="x")
    fix = ledger.append({"problem": "M1", "type": "corrected", "event": 3, "reason": "期限", "on": "2021-06-04",
                         "replace": {"by_level": "county", "to_level": "county", "deadline": "2021-07-10"}},
                        entered_by="x")[0]
    with pytest.raises(ProblemError, match=f"event {fix.seq} is a correction; correct the original event 3 again"):
        ledger.append({"problem": "M1", "type": "corrected", "event": fix.seq, "reason": "x", "on": "2021-06-05",
                       "void": True}, entered_by="x")


def test_an_import_reject_names_the_column_to_add(tmp_path: Path, ledger: Ledger) -> None:
    """review33b F8 (J2): a deadline without an assignment column was rejected naming `assigned_on`, an id the
    office's file never used, as a question."""
    f = tmp_path / "j.csv"
    f.write_text("问题编号,领域,问题类型,所在地代码,严重程度,发现时间,发现层级,发现渠道,整改时限\n"
                 "J2,危房改造,困难家庭危房改造不及时,330127100219,较重,2021-06-01,县,县长热线,2021-07-01\n",
                 encoding="utf-8")
    result = ledger.import_file(f, entered_by="x")
    assert result.rejected == 1
    reject = result.rejects[0]
    assert reject["field"] == "交办时间 (assigned_on)" and "add a column 交办时间/交办日期" in reject["reason"]


def test_a_place_outside_the_jurisdiction_is_one_code_with_or_without_within(tmp_path: Path, ledger: Ledger) -> None:
    """review33b F9: unknown_place on the CLI, outside_jurisdiction over HTTP (which imports within the county)."""
    f = tmp_path / "p.csv"
    f.write_text("问题编号,领域,问题类型,所在地代码,严重程度,发现时间,发现层级,发现渠道\n"
                 "J9,危房改造,困难家庭危房改造不及时,331127100000,较重,2021-06-01,县,县长热线\n", encoding="utf-8")
    codes = {ledger.import_file(f, entered_by="x", within=w).rejects[0]["code"] for w in (None, "330127")}
    assert codes == {"unknown_place"}


def test_show_of_a_merged_problem_says_where_it_is_judged(tmp_path: Path, run_cli: Any) -> None:
    """review33b F11: show printed a record of the merged source that `who` answered with findings nobody shows."""
    import json

    db, f = tmp_path / "m.db", tmp_path / "m.json"
    f.write_text(json.dumps([reg("S23", "2021-06-01"), found("S23", "2021-06-01"), reg("S23b", "2021-06-02"),
                             found("S23b", "2021-06-02", "township", "grid"),
                             {"problem": "S23b", "type": "merged", "on": "2021-06-03", "into": "S23"}]),
                 encoding="utf-8")
    run_cli("ledger", "init", str(db))
    assert run_cli("ledger", "add", str(db), str(f), "--by", "x")[0] == 0
    code, out, _ = run_cli("ledger", "show", str(db), "S23b", "--as-of", "2021-06-20")
    shown = json.loads(out)
    assert code == 0 and "record" not in shown and shown["merged_into"] == "S23"
    assert shown["note"].startswith("merged into S23 on 2021-06-03; judged there")
