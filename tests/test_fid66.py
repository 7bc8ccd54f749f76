"""fid66: the library mended where check61's from-text audit found it wrong (/work/helpers/s60/check61-report.md).

L2 — an assignment that set no deadline was held to a day another assignment set (the county hands the township the
problem with 03-31, then 县水利 on 03-30 with no day: 县级统管单位 named 整改不到位 after one day). 一(四) 对交办问题整改
落实不到位的 measures a 交办 by its own terms: a step may carry its own deadline (``handled[].deadline``), read for its
assignee in place of the record's, and the ledger writes each assignment's day on its step where one set none and
passed nothing down. Every record without a step deadline answers as before.
"""
# ruff: noqa: E501

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from responsibility import Policy, ProblemError

from .verdicts import batch_and_answers

RECT_LIMIT = "rectification_time_limit_days"
HOT = {"level": "county", "channel": "hotline", "on": "2021-03-01"}


def water(**k: Any) -> dict[str, Any]:
    r: dict[str, Any] = {"id": "W", "area": "water", "kind": "water_unsafe_unreported", "place": "330127101207",
                         "discovered": dict(HOT), "rectified_on": "2021-04-20", "as_of": "2021-05-30"}
    r.update(k)
    return r


def asg(by: str, to: str, on: str, body: str | None = None, deadline: str | None = None) -> dict[str, Any]:
    s: dict[str, Any] = {"action": "assigned", "by_level": by, "to_level": to, "on": on}
    if body:
        s["to_body"] = body
    if deadline:
        s["deadline"] = deadline
    return s


def late(policy: Policy, record: dict[str, Any], engine: str = "compiled") -> set[str]:
    """The bodies that answer 整改不到位 (not_rectified) for ``record``."""
    return {f.body for f in policy.who_answers(record, engine=engine).findings if f.basis == "not_rectified"}


# the L2 record: the township given 03-31 by the county, 县水利 handed it by the county on 03-30 with no day
L2_STEPS = [asg("county", "township", "2021-03-05", deadline="2021-03-31"),
            asg("county", "county", "2021-03-30", body="county_water")]


@pytest.mark.parametrize("engine", ["compiled", "durable"])
def test_an_assignment_that_set_no_deadline_is_not_held_to_the_one_another_set(policy: Policy, engine: str) -> None:
    """L2: the township answers for its 03-31; 县水利's 交办 set no period, so the parameter's 30 days run from 03-30
    (to 04-29) and the fix of 04-20 was in time: its 县级统管单位 is not named, and the verdict says the parameter
    decided it."""
    got = late(policy, water(handled=L2_STEPS), engine)
    assert "township_government" in got
    assert not {b for b in got if b.startswith("county_water")}, got
    v = policy.who_answers(water(handled=L2_STEPS), engine=engine)
    assert RECT_LIMIT in {i.id for i in v.interpretations}
    # the same after the parameter's period (rectified 05-01, a day past 04-29): now 县水利's unit is named, at its
    # own day, not at the township's
    v = policy.who_answers(water(handled=L2_STEPS, rectified_on="2021-05-01"), engine=engine)
    unit = [f for f in v.findings if f.basis == "not_rectified" and f.body.startswith("county_water")]
    assert unit and all("2021-04-29" in f.reason and "2021-03-31" not in f.reason for f in unit), \
        [f.reason for f in unit]


def test_the_record_deadline_keeps_its_meaning(policy: Policy) -> None:
    """Without step deadlines the record's one deadline is read for every level assigned on or before it, as
    before (and as docs/records.md says): the one-deadline form of the L2 record still holds 县水利 to 03-31."""
    one = water(handled=[{k: v for k, v in s.items() if k != "deadline"} for s in L2_STEPS], deadline="2021-03-31")
    assert {b for b in late(policy, one) if b.startswith("county_water")}
    # a deadline on the step equals the same deadline on the record where there is one assignment
    for rect in ("2021-03-31", "2021-04-01"):
        a = water(handled=[asg("county", "township", "2021-03-05")], deadline="2021-03-31", rectified_on=rect)
        b = water(handled=[asg("county", "township", "2021-03-05", deadline="2021-03-31")], rectified_on=rect)
        fa, fb = policy.who_answers(a).findings, policy.who_answers(b).findings
        assert [f.to_dict("zh") for f in fa] == [f.to_dict("zh") for f in fb]
        assert ("township_government" in late(policy, a)) == (rect == "2021-04-01")


def test_a_step_deadline_is_read_for_its_assignee(policy: Policy) -> None:
    """A step's own day binds its assignee, earlier or later than the record's: the township given 03-20 on its step
    answers at 03-20 for a fix of 03-25 though the record says 04-30; given 04-30 on its step, a record's 03-20 does
    not bind it."""
    early = water(handled=[asg("county", "township", "2021-03-05", deadline="2021-03-20")], deadline="2021-04-30",
                  rectified_on="2021-03-25")
    v = policy.who_answers(early)
    f = [f for f in v.findings if f.basis == "not_rectified" and f.body == "township_government"]
    assert f and "2021-03-20" in f[0].reason, [x.reason for x in v.findings]
    later = water(handled=[asg("county", "township", "2021-03-05", deadline="2021-04-30")], deadline="2021-03-20",
                  rectified_on="2021-03-25")
    assert "township_government" not in late(policy, later)


def test_the_batch_path_reads_step_deadlines_as_who_answers_does(policy: Policy, tmp_path: Path, run_cli: Any) -> None:
    """The bulk path sends a record whose steps carry a deadline to the reference reading (a step field it does
    not read): its findings equal who_answers', from dicts, an Arrow table and a JSON lines and a CSV file."""
    records = [water(id="L2", handled=L2_STEPS),
               water(id="L2b", handled=L2_STEPS, rectified_on="2021-05-01"),
               water(id="E", handled=[asg("county", "township", "2021-03-05", deadline="2021-03-20")],
                     deadline="2021-04-30", rectified_on="2021-03-25"),
               water(id="P", handled=[asg("county", "township", "2021-03-05")], deadline="2021-03-31")]
    got, want = batch_and_answers(policy, copy.deepcopy(records))
    assert got == want and any(r[0] == "L2b" and r[6] == "not_rectified" and str(r[3]).startswith("county_water")
                               for r in got)
    assert not any(r[0] == "L2" and str(r[3]).startswith("county_water") and r[6] == "not_rectified" for r in got)
    expected = sorted((r[0], r[3], r[6], r[9]) for r in want)
    import pandas as pd
    import pyarrow as pa

    frame = pd.DataFrame(copy.deepcopy(records))
    for table in (frame, pa.Table.from_pandas(frame)):
        a = policy.assess(table)
        assert a.rejected == 0
        cols = ["problem", "body", "basis", "reason"]
        assert sorted(tuple(x) for x in a.findings[cols].astype(object).itertuples(index=False)) == expected
    f = tmp_path / "r.jsonl"
    f.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    c = tmp_path / "r.csv"
    import csv

    with c.open("w", encoding="utf-8", newline="") as out:
        w = csv.writer(out)
        w.writerow(["id", "area", "kind", "place", "discovered.level", "discovered.channel", "discovered.on",
                    "handled", "deadline", "rectified_on", "as_of"])
        for r in records:
            w.writerow([r["id"], r["area"], r["kind"], r["place"], "county", "hotline", "2021-03-01",
                        json.dumps(r["handled"]), r.get("deadline", ""), r["rectified_on"], r["as_of"]])
    for path in (f, c):
        code, _, err = run_cli("assess", str(path), "-o", str(tmp_path / "o.jsonl"))
        assert code == 0, err
        rows = [json.loads(x) for x in (tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines() if x]
        assert sorted((x["problem"], x["body"], x["basis"], x["reason"]) for x in rows) == expected, path


@pytest.mark.parametrize(("step", "code"), [
    ({"action": "reported", "by_level": "township", "to_level": "county", "on": "2021-03-03", "deadline": "2021-03-31"},
     "bad_value"),
    (asg("county", "township", "2021-03-05", deadline="2021-03-04"), "order_violation")])
def test_a_step_deadline_is_refused_where_it_cannot_be(policy: Policy, step: dict[str, Any], code: str) -> None:
    """A report upward sets no deadline (上报 hands no period to anyone); an assignment's deadline is not before the
    assignment: refused naming the step's field, saying what to do, on every path alike."""
    r = water(handled=[step], discovered={"level": "township", "channel": "grid", "on": "2021-03-01"})
    with pytest.raises(ProblemError) as info:
        policy.who_answers(r)
    assert (info.value.code, info.value.field) == (code, "handled[0].deadline"), str(info.value)
    assert "2021-03" in str(info.value) and "Traceback" not in str(info.value)
    a = policy.assess([r])
    assert a.rejected == 1 and a.assessed == 0


def test_a_step_deadline_keyed_in_chinese_is_told_its_english_key(policy: Policy) -> None:
    r = water(handled=[{"action": "assigned", "by_level": "county", "to_level": "township", "on": "2021-03-05",
                        "整改期限": "2021-03-20"}], rectified_on="2021-03-25")
    with pytest.raises(ProblemError) as info:
        policy.who_answers(r)
    assert info.value.code == "unknown_field" and "'deadline'" in str(info.value), str(info.value)


# ---------------------------------------------------------------- the ledger

def events(pid: str, steps: list[tuple[str, str, str, str | None, str | None]], rectified: str | None = "2021-04-20",
           ) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = [
        {"problem": pid, "type": "registered", "on": "2021-03-01", "area": "water", "kind": "water_unsafe_unreported",
         "place": "330127101207"},
        {"problem": pid, "type": "discovered", "on": "2021-03-01", "level": "county", "channel": "hotline"}]
    for on, by, to, body, deadline in steps:
        e: dict[str, Any] = {"problem": pid, "type": "assigned", "on": on, "by_level": by, "to_level": to}
        if body:
            e["to_body"] = body
        if deadline:
            e["deadline"] = deadline
        out.append(e)
    if rectified:
        out.append({"problem": pid, "type": "rectified", "on": rectified})
    return out


def test_the_ledger_writes_each_assignments_day_only_where_one_set_none(tmp_path: Path, policy: Policy) -> None:
    """L2 in the ledger: the record carries the township's 03-31 on its step and none on 县水利's (nor a record
    deadline); a pass-down without a day (township → village) keeps the one above and the record is as before; the
    责任清单 equals who_answers of the folded record, and names no 县水利 unit."""
    from responsibility import Ledger

    l2 = [("2021-03-05", "county", "township", None, "2021-03-31"), ("2021-03-30", "county", "county", "county_water", None)]
    down = [("2021-03-05", "county", "township", None, "2021-03-31"), ("2021-03-10", "township", "village", None, None)]
    # a re-issue: the township handed it first with no day, then given 05-31 (held to 05-31, as before)
    again = [("2021-03-02", "county", "township", None, None), ("2021-03-10", "county", "township", None, "2021-05-31")]
    with Ledger.create(tmp_path / "l.db", policy=policy) as lg:
        lg.append(events("A", l2) + events("B", down) + events("C", again, rectified="2021-05-20"), entered_by="x")
        a, b, c = (lg.record(p, "2021-05-30") for p in "ABC")
        assert "deadline" not in a and [s.get("deadline") for s in a["handled"]] == ["2021-03-31", None]
        assert b["deadline"] == "2021-03-31" and all("deadline" not in s for s in b["handled"])
        assert c["deadline"] == "2021-05-31" and all("deadline" not in s for s in c["handled"])
        resp = lg.responsibilities("2021-05-30")
        for pid, rec in (("A", a), ("B", b), ("C", c)):
            mine = resp[(resp["problem"] == pid) & (resp["role"] == "answers")]
            want = sorted((f.body, f.basis) for f in policy.who_answers(rec).findings)
            assert sorted(zip(mine["body"], mine["basis"], strict=True)) == want, pid
        late_a = resp[(resp["problem"] == "A") & (resp["basis"] == "not_rectified")]
        assert not any(str(x).startswith("county_water") for x in late_a["body"])
        assert not len(resp[(resp["problem"] == "C") & (resp["basis"] == "not_rectified")])
        rows = lg.rectifications("2021-05-30").set_index("problem")
        assert str(rows.loc["A", "deadline"])[:10] == "2021-04-29" and bool(rows.loc["A", "deadline_from_parameter"])
        assert str(rows.loc["B", "deadline"])[:10] == "2021-03-31" and not bool(rows.loc["B", "deadline_from_parameter"])


def test_the_columns_give_the_states_step_deadlines() -> None:
    """The columnar fold's step deadlines (the lists' reading) equal State.step_deadline, step by step."""
    from responsibility.ledger._columnar import NONE, Folded
    from responsibility.ledger._fold import State, Step

    d = dt.date.fromisoformat
    cases = {
        "A": [Step("assigned", "county", "township", d("2021-03-05"), deadline=d("2021-03-31")),
              Step("assigned", "county", "county", d("2021-03-30"), to_body="county_water")],
        "B": [Step("assigned", "county", "township", d("2021-03-05"), deadline=d("2021-03-31")),
              Step("assigned", "township", "village", d("2021-03-10"))],
        "C": [Step("assigned", "county", "township", d("2021-03-02")),
              Step("assigned", "county", "township", d("2021-03-10"), deadline=d("2021-05-31"))],
        "D": [Step("assigned", "county", "county", d("2021-03-02"), to_body="county_water"),
              Step("assigned", "county", "township", d("2021-04-10"), deadline=d("2021-04-20")),
              Step("reported", "township", "county", d("2021-04-11")),
              Step("assigned", "county", "county", d("2021-04-12"), to_body="county_water")],
        "E": [Step("assigned", "city", "county", d("2021-03-02"), deadline=d("2021-03-31")),
              Step("assigned", "county", "county", d("2021-03-03"), to_body="county_water")],
    }
    states = {p: State(id=p, domain="water", place="330127101207", registered_on=d("2021-03-01"), steps=steps)
              for p, steps in cases.items()}
    own, per_step = Folded.from_states(states).step_deadlines()
    want = [s.step_deadline(x) if x.action == "assigned" else None for s in states.values() for x in s.steps]
    assert [None if x == NONE else dt.date(1970, 1, 1) + dt.timedelta(days=int(x)) for x in own] == want
    assert per_step.tolist() == [True, False, False, True, False]


# ---------------------------------------------------------------- T1: the steps in the order they happened

def _to7(first: str = "2021-03-06", second: str = "2021-03-04") -> dict[str, Any]:
    """check61's TO7: the village's report reaching the township listed before the township's assignment back."""
    return {"id": "TO7", "area": "water", "kind": "water_unsafe_unreported", "place": "330127101207",
            "discovered": {"level": "village", "channel": "grid", "on": "2021-03-01"},
            "handled": [{"action": "reported", "by_level": "village", "to_level": "township", "on": first},
                        {"action": "assigned", "by_level": "township", "to_level": "village", "on": second}],
            "as_of": "2021-04-30"}


@pytest.mark.parametrize("engine", ["compiled", "durable"])
def test_steps_listed_out_of_date_order_are_refused(policy: Policy, engine: str) -> None:
    """T1: a step dated before the step listed before it is refused (order_violation at its day), saying to list the
    steps in the order they happened — also where a record of the same shape in order was read before (the plain
    paths, in Python and in C, keep a shape found sound and check only the days)."""
    ok = _to7("2021-03-04", "2021-03-06")
    ok["handled"] = [ok["handled"][0], {**ok["handled"][1], "on": "2021-03-06"}]
    policy.who_answers(ok, engine=engine)  # (the shape, in order: sound)
    policy.who_answers(ok, engine=engine)
    with pytest.raises(ProblemError) as info:
        policy.who_answers(_to7(), engine=engine)
    assert (info.value.code, info.value.field) == ("order_violation", "handled[1].on"), str(info.value)
    assert "order they happened" in str(info.value)


def test_steps_of_one_day_may_be_listed_in_either_order(policy: Policy) -> None:
    """The same day twice is in order either way (the engine reads a day's steps as listed: a hand-back)."""
    for r in (_to7("2021-03-06", "2021-03-06"), _to7("2021-03-04", "2021-03-06")):
        policy.who_answers(r)


def test_who_on_steps_out_of_order_exits_2_without_a_traceback(tmp_path: Path, run_cli: Any) -> None:
    f = tmp_path / "r.json"
    f.write_text(json.dumps(_to7()), encoding="utf-8")
    code, _, err = run_cli("who", str(f))
    assert code == 2 and "handled[1].on" in err and "Traceback" not in err, err


def test_the_case_picture_labels_each_assignment_with_the_deadline_read_for_it(policy: Policy) -> None:
    """The verdict's case picture (engine/_verdict_view.case_of) labels an assignment with its own deadline, else
    the record's: 县水利's step of L2 shows none."""
    from responsibility.engine._verdict_view import case_of

    labels = [s.label for s in case_of(policy.who_answers(water(handled=L2_STEPS))).steps]
    assert labels[1:] == ["交办 2021-03-05\n期限 2021-03-31", "交办 2021-03-30"], labels
    one = water(handled=[{k: v for k, v in s.items() if k != "deadline"} for s in L2_STEPS], deadline="2021-03-31")
    assert [s.label for s in case_of(policy.who_answers(one)).steps][2] == "交办 2021-03-30\n期限 2021-03-31"
