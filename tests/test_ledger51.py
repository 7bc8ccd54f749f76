"""The 整改清单 and the alerts read each assignment as ``who_answers`` does (check51b #1): one to a body the text gives
no part in the problem's kind is no 交办 (irregular_step), one to a body with a part but no duty to rectify it is the
交办 to its level as a whole (assignment_without_rectification_duty: level_holds), another level's step down to a body
with no part is either (assignment_to_body_without_part); and ``ledger show`` says what a report no event made stands
for (check51b #4)."""

from __future__ import annotations

import datetime as dt
import functools
import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("sqlalchemy", reason="the ledger needs the 'ledger' extra")

import responsibility
from responsibility import Ledger, ProblemError

VILLAGE = "330127100219"
DAY = dt.date(2021, 3, 1)


def problem(pid: str, area: str, kind: str, steps: list[tuple[str, str, str, str | None, str | None]],
            finder: str = "county", channel: str = "hotline") -> list[dict[str, Any]]:
    """A problem found on 2021-03-01 at 富城村, with ``steps`` (day, by, to, body, deadline) of assignments."""
    out: list[dict[str, Any]] = [
        {"problem": pid, "type": "registered", "on": "2021-03-01", "area": area, "kind": kind, "place": VILLAGE},
        {"problem": pid, "type": "discovered", "on": "2021-03-01", "level": finder, "channel": channel}]
    for on, by, to, body, deadline in steps:
        out.append({"problem": pid, "type": "assigned", "on": on, "by_level": by, "to_level": to,
                    **({"to_body": body} if body else {}), **({"deadline": deadline} if deadline else {})})
    return out


#: check51b's ev5.yaml / ev1.yaml: a late basic-living payment handed to 县人社局 (L7); a renovation handed to 县教育局,
#: then to 县建设 only after the county's handling limit (L8)
L7 = problem("L7", "basic_needs", "basic_needs_payment_late",
             [("2021-03-03", "county", "county", "county_hrss", "2021-04-30")])
L8 = problem("L8", "housing", "housing_renovation_late",
             [("2021-03-03", "county", "county", "county_education", None),
              ("2021-03-15", "county", "county", "county_construction", "2021-04-30")])


def not_handled_levels(lg: Ledger, pid: str, day: str) -> set[str]:
    r = lg.responsibilities(day)
    return set(r[(r.problem == pid) & (r.basis == "not_handled")].level)


def test_an_assignment_to_a_body_with_no_part_is_no_assignees(ledger_url: str) -> None:
    """check51b #1: the 整改清单 named 县人社局 (L7) and 县教育局 (L8) with deadlines, "OVERDUE by 61 days", and the
    county, which still held both, had no alert, while the 责任清单 named the county 未及时交办上报."""
    with Ledger.create(ledger_url) as lg:
        stored = lg.append([*L7, *L8], entered_by="x")
        late = lg.rectifications("2021-06-30").set_index("problem")
        assert "L7" not in late.index  # nobody was handed it by procedure
        row = late.loc["L8"]
        assert (row["assignee"], str(row["assigned_on"])[:10], str(row["deadline"])[:10]) == \
            ("county_construction", "2021-03-15", "2021-04-30")
        assert "L8" not in set(lg.rectifications("2021-03-12").problem)
        for day in ("2021-03-12", "2021-06-30"):
            alerts = lg.alerts(as_of=day)
            assert "county_hrss" not in set(alerts.body) and "county_education" not in set(alerts.body)
            l7 = alerts[alerts.problem == "L7"]
            # the county holds L7 from its discovery, its handling limit (10 days) passed on the 11th
            assert set(l7.stage) == {"handling"} and set(l7.level) == not_handled_levels(lg, "L7", day) == {"county"}
            assert set(l7.due.astype(str).str[:10]) == {"2021-03-11"} and l7.overdue.all()
        early = lg.alerts(as_of="2021-03-12")
        l8 = early[early.problem == "L8"]
        assert set(l8.stage) == {"handling"} and set(l8.level) == not_handled_levels(lg, "L8", "2021-03-12")
        assert set(l8.due.astype(str).str[:10]) == {"2021-03-11"}
        # the add says so, and why, naming the parameter
        notes = lg.step_notes(stored)
        seqs = {e.seq: e for e in stored}
        assert sorted((seqs[s].problem, seqs[s].data.get("to_body")) for s in notes) == \
            [("L7", "county_hrss"), ("L8", "county_education")]
        for text in notes.values():
            assert "no part in this kind of problem" in text and "parameter irregular_step" in text
            assert "the county still answers for passing it on" in text


def test_the_ledger_lists_agree_with_who_on_the_repro_days(tmp_path: Path) -> None:
    """The folded records' verdicts, day by day: a body the lists name as assignee is named 整改不到位 by who_answers
    once its deadline has passed; a problem with no row is held by a level who names 未及时交办上报."""
    policy = responsibility.load()
    with Ledger.create(tmp_path / "l.db") as lg:
        lg.append([*L7, *L8], entered_by="x")
        for day in ("2021-03-12", "2021-05-15", "2021-06-30"):
            rect = lg.rectifications(day).set_index("problem")
            for pid in ("L7", "L8"):
                found = {(f.level, f.body, f.basis) for f in policy.who_answers(lg.record(pid, day)).findings}
                if pid in rect.index and bool(rect.loc[pid, "overdue"]):
                    assert ("county", rect.loc[pid, "assignee"], "not_rectified") in found
                elif pid not in rect.index:
                    assert any(lv == "county" and b == "not_handled" for lv, _, b in found)
                assert not any(b in ("county_hrss", "county_education") for _, b, _ in found)


def test_recognition_reads_the_counted_assignment(tmp_path: Path) -> None:
    """A body handed a problem out of procedure is not the assignee the recognition prompt credits for an early
    rectification."""
    with Ledger.create(tmp_path / "l.db") as lg:
        lg.append([*problem("R1", "basic_needs", "basic_needs_payment_late",
                            [("2021-03-03", "county", "county", "county_hrss", "2021-04-30")]),
                   {"problem": "R1", "type": "rectified", "on": "2021-03-20"}], entered_by="x")
        assert "county_hrss" not in set(lg.recognition("2021-06-30").body)


def test_ledger_add_says_the_step_is_set_aside(tmp_path: Path, run_cli: Any) -> None:
    db, f = tmp_path / "c.db", tmp_path / "e.json"
    f.write_text(json.dumps(L7), encoding="utf-8")
    assert run_cli("ledger", "init", str(db))[0] == 0
    code, _, err = run_cli("ledger", "add", str(db), str(f), "--by", "x")
    assert code == 0
    assert "注意（note）：problem 'L7': the assignment (交办) on 2021-03-03 from the county to the county does not " \
           "count as one by procedure: the text gives 县（市、区）人社局 (county_hrss) no part" in err
    assert "irregular_step" in err


@pytest.mark.parametrize("value", ["level_holds", "assignee"])
def test_a_body_without_a_duty_to_rectify_is_the_level_under_level_holds(tmp_path: Path, value: str) -> None:
    """The sweep's find: 县委 handed a renovation. who_answers (level_holds) names 县建设 整改不到位, as for an
    assignment naming no body; the 整改清单 named 县委 overdue. Under assignee the body answers, and the list names
    it."""
    policy = responsibility.load().with_parameters(assignment_without_rectification_duty=value)
    events = problem("P1", "housing", "housing_renovation_late",
                     [("2021-03-03", "county", "county", "county_party_committee", "2021-04-30")])
    with Ledger.create(tmp_path / "l.db", policy=policy) as lg:
        stored = lg.append(events, entered_by="x")
        day = "2021-05-15"
        found = {(f.body, f.basis) for f in policy.who_answers(lg.record("P1", day)).findings}
        row = lg.rectifications(day).set_index("problem").loc["P1"]
        alerts = lg.alerts(as_of=day)
        named = set(alerts[(alerts.problem == "P1") & (alerts.stage == "rectification")].body)
        notes = lg.step_notes(stored)
        if value == "level_holds":
            assert ("county_construction", "not_rectified") in found
            assert ("county_party_committee", "not_rectified") not in found
            assert (row["assignee_level"], row["assignee"]) == ("county", "")
            assert named == {"county_construction"}
            assert len(notes) == 1 and "assignment_without_rectification_duty = level_holds" in \
                next(iter(notes.values()))
        else:
            assert ("county_party_committee", "not_rectified") in found
            assert row["assignee"] == "county_party_committee" and named == {"county_party_committee"}
            assert notes == {}


@pytest.mark.parametrize("value", ["set_aside", "level_receives"])
def test_another_levels_step_to_a_body_with_no_part(tmp_path: Path, value: str) -> None:
    """The city hands a village's renovation to 县教育局: under set_aside no 交办 (the city holds it, and answers
    未按程序交办); under level_receives the 交办 to the county as a whole (县建设 rectifies it, 县教育局 is never
    named)."""
    policy = responsibility.load().with_parameters(assignment_to_body_without_part=value)
    events = problem("P2", "housing", "housing_renovation_late",
                     [("2021-03-03", "city", "county", "county_education", "2021-04-30")],
                     finder="city", channel="survey_verification")
    with Ledger.create(tmp_path / "l.db", policy=policy) as lg:
        stored = lg.append(events, entered_by="x")
        day = "2021-05-15"
        found = {(f.level, f.body, f.basis) for f in policy.who_answers(lg.record("P2", day)).findings}
        rect = lg.rectifications(day).set_index("problem")
        alerts = lg.alerts(as_of=day)
        mine = alerts[alerts.problem == "P2"]
        notes = list(lg.step_notes(stored).values())
        assert not any(b == "county_education" for _, b, _ in found) and "county_education" not in set(mine.body)
        if value == "set_aside":
            assert "P2" not in rect.index
            assert any(lv == "city" and b == "not_handled" for lv, _, b in found)
            assert set(mine.stage) == {"handling"} and set(mine.level) == {"city"}
            assert len(notes) == 1 and "assignment_to_body_without_part = set_aside" in notes[0]
        else:
            assert (rect.loc["P2", "assignee_level"], rect.loc["P2", "assignee"]) == ("county", "")
            assert ("county", "county_construction", "not_rectified") in found
            assert set(mine.stage) == {"rectification"} and set(mine.body) == {"county_construction"}
            assert len(notes) == 1 and "assignment_to_body_without_part = level_receives" in notes[0]


#: The bodies the sweep hands each kind to: some with no part in most kinds, some with a part but no duty to rectify,
#: some that rectify many.
SWEEP_BODIES = ("county_hrss", "county_education", "county_party_committee", "county_poverty_office",
                "county_construction", "county_civil_affairs", "county_finance", "county_water", "county_health")


@pytest.mark.slow
@pytest.mark.parametrize(("finder", "channel", "settings"), [
    ("county", "hotline", {}),
    ("city", "survey_verification", {}),
    ("county", "hotline", {"assignment_without_rectification_duty": "assignee"}),
    ("city", "survey_verification", {"assignment_to_body_without_part": "level_receives"}),
])
def test_the_lists_read_every_assignment_as_who_does(tmp_path: Path, finder: str, channel: str,
                                                      settings: dict[str, str]) -> None:
    """A sweep: every kind handed, unrectified, to each of :data:`SWEEP_BODIES` by the county (its own body) or by the
    city (down), read after both the handling limit and the 30 days: where the 整改清单 has no row, who names the
    assigner 未及时交办上报 and the alerts hold it there; where it has one, who names 整改不到位 at the row's level, the
    row's body if it names one (never a body who does not name), and the alerts name at least who's bodies."""
    policy = responsibility.load().with_parameters(**settings) if settings else responsibility.load()
    day = "2021-05-15"
    with Ledger.create(tmp_path / "s.db", policy=policy) as lg:
        pids = []
        for area, kind in policy.kinds:
            for body in SWEEP_BODIES:
                pid = f"{kind}:{body}"
                try:
                    lg.append(problem(pid, area, kind, [("2021-03-03", finder, "county", body, None)], finder,
                                      channel), entered_by="x")
                except ProblemError:  # (a kind not placed at a village)
                    continue
                pids.append(pid)
        assert len(pids) > 400
        rect = lg.rectifications(day).set_index("problem")
        alerts = lg.alerts(as_of=day)
        by_problem = {pid: rows for pid, rows in alerts.groupby("problem")}
        seen = {"row": 0, "level": 0, "none": 0}
        for pid in pids:
            found = [(f.level, f.body, f.basis) for f in policy.who_answers(lg.record(pid, day)).findings]
            mine = by_problem.get(pid)
            assert mine is not None, pid
            if pid not in rect.index:
                seen["none"] += 1
                assert any(lv == finder and b == "not_handled" for lv, _, b in found), (pid, found)
                assert set(mine.stage) == {"handling"} and set(mine.level) == {finder}, pid
                continue
            row = rect.loc[pid]
            level, body = row["assignee_level"], row["assignee"]
            unrectified = {b for lv, b, x in found if x == "not_rectified" and lv == level}
            assert unrectified, (pid, found)
            if body:
                seen["row"] += 1
                assert body in unrectified, (pid, found)
            else:
                seen["level"] += 1
                assert pid.split(":")[1] not in unrectified, (pid, found)
            assert set(mine.stage) == {"rectification"} and unrectified <= set(mine.body), (pid, found)
        assert all(seen.values()) or settings, seen  # (each reading met under the defaults)


def test_ledger_show_says_what_a_report_no_event_made_stands_for(tmp_path: Path, run_cli: Any) -> None:
    """check51b #4: a city's own later find of a county's water policy gap is read as the county's report up (the city
    holds it from that day: who names 市水利 alone); ``ledger show`` printed the record with that report and nothing
    said that the county never made it. The record (and so the findings) is unchanged; ``record_notes`` says so."""
    events = [{"problem": "L10", "type": "registered", "on": "2021-03-01", "area": "water", "kind": "water_policy_gap",
               "place": "330127000000"},
              {"problem": "L10", "type": "discovered", "on": "2021-03-01", "level": "county", "channel": "hotline"},
              {"problem": "L10", "type": "discovered", "on": "2021-03-08", "level": "city",
               "channel": "survey_verification"}]
    db, f = tmp_path / "c.db", tmp_path / "e.json"
    f.write_text(json.dumps(events), encoding="utf-8")
    assert run_cli("ledger", "init", str(db))[0] == 0
    assert run_cli("ledger", "add", str(db), str(f), "--by", "x")[0] == 0
    code, out, _ = run_cli("ledger", "show", str(db), "L10", "--as-of", "2021-06-30")
    assert code == 0
    shown = json.loads(out)
    assert shown["record"]["handled"] == [{"action": "reported", "by_level": "county", "to_level": "city",
                                           "on": "2021-03-08"}]
    assert shown["record_notes"] == [
        "the report from the county to the city on 2021-03-08 is no event: it stands for the city's own discovery "
        "(survey_verification) that day, read as the city receiving the problem from the county, which held it until "
        "then (no event says the county reported it; the findings read it so: the level that finds or registers a "
        "problem holds it from that day)"]
    with Ledger(str(db)) as lg:
        r = lg.responsibilities("2021-06-30")
        assert {(x.body, x.basis) for x in r[r.role == "answers"].itertuples()} == {("city_water", "not_handled")}


@st.composite
def irregular_stories(draw: Any, policy: Any) -> list[dict[str, Any]]:
    """A problem found by the county (or the city) on 2021-03-01, then one to three assignments, each to a body drawn
    from every body of the county (or its level as a whole) — most with no part in the kind, or no duty to rectify."""
    area, kind = draw(st.sampled_from(sorted(policy.kinds)))
    finder = draw(st.sampled_from(["county", "city"]))
    county = sorted(b for b, x in policy.bodies.items() if x.level == "county")
    steps = []
    day = 1
    for _ in range(draw(st.integers(1, 3))):
        day += draw(st.integers(1, 12))
        by = finder if not steps or finder == "county" else draw(st.sampled_from([finder, "county"]))
        body = draw(st.sampled_from([None, *county]))
        deadline = draw(st.sampled_from([None, f"2021-{3 + day // 28 + 1:02d}-15"]))
        steps.append((f"2021-03-{day:02d}" if day <= 31 else f"2021-04-{day - 31:02d}", by, "county", body,
                      deadline))
    return problem("H", area, kind, steps, finder, "hotline" if finder == "county" else "survey_verification")


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(data=st.data())
def test_the_lists_read_irregular_stories_as_who_does(tmp_path: Path, data: st.DataObject) -> None:
    """Hypothesis: stories of several assignments to bodies with and without a part, read long after every limit:
    the 整改清单's body (if it names one) is named 整改不到位 by who_answers, a row naming no body has who name one of
    its level, and a problem with no row is held, in the alerts, by a level who names 未及时交办上报."""
    policy = _policy()
    events = data.draw(irregular_stories(policy))
    path = tmp_path / f"h{uuid.uuid4().hex}.db"
    with Ledger.create(str(path), policy=policy) as lg:
        try:
            lg.append(events, entered_by="x")
        except ProblemError:
            return
        day = "2021-08-31"
        found = [(f.level, f.body, f.basis) for f in policy.who_answers(lg.record("H", day)).findings]
        rect = lg.rectifications(day).set_index("problem")
        alerts = lg.alerts(as_of=day)
        if "H" in rect.index:
            level, body = rect.loc["H", "assignee_level"], rect.loc["H", "assignee"]
            unrectified = {b for lv, b, x in found if lv == level and x == "not_rectified"}
            assert (body in unrectified) if body else bool(unrectified), (events, found)
        else:
            held = set(alerts[alerts.problem == "H"].level)
            assert held and all(any(lv == h and x == "not_handled" for lv, _, x in found) for h in held), \
                (events, found)
    path.unlink(missing_ok=True)


@functools.cache
def _policy() -> Any:
    return responsibility.load()
