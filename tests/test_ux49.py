"""Session 49's user-facing errors: a record's every fault at once, the Excel advice only for a spreadsheet's cell,
the writers' words, and the reason a concealment is refused."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import responsibility
from responsibility import OutputError, Policy
from responsibility.batch._repeats import repeated_ids
from responsibility.engine._problem import _IN_EXCEL, typed_records

Run = Callable[..., tuple[int, str, str]]
ROOT = Path(__file__).resolve().parents[1]
PLACE = "330127100219"  # a village of the example jurisdiction


def record(**change: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"id": "p1", "area": "housing", "place": PLACE,
                            "discovered": {"level": "village", "channel": "grid", "on": "2021-03-01"},
                            "as_of": "2021-04-01"}
    return {**base, **change}


def refusal(policy: Policy, rec: dict[str, Any]) -> responsibility.ProblemError:
    with pytest.raises(responsibility.ProblemError) as info:
        policy.who_answers(rec)
    return info.value


def test_a_record_s_policy_faults_are_said_at_once(policy: Policy) -> None:
    # an unknown area, an unknown channel, a misspelt step level and a misspelt concealer: one run names all four,
    # each by its field (they came one per run: ux48 left)
    err = refusal(policy, record(area="housingx", discovered={"level": "village", "channel": "gridd",
                                                              "on": "2021-03-01"},
                                 handled=[{"action": "reported", "by_level": "villag", "to_level": "township",
                                           "on": "2021-03-02"}]))
    assert (err.field, err.code) == ("area", "unknown_area")
    for field in ("discovered.channel", "handled[0].by_level"):
        assert f"field {field!r}:" in err.detail
    assert str(err).count("field 'area'") == 1


def test_a_fault_resting_on_another_is_not_said(policy: Policy) -> None:
    # an unknown level has no rank: the report's direction is not judged against it, and the level is named once
    err = refusal(policy, record(handled=[{"action": "reported", "by_level": "villag", "to_level": "township",
                                           "on": "2021-03-02"}], as_of="2021-01-01"))
    assert err.field == "handled[0].by_level"
    assert "goes to a higher level" not in err.detail
    assert "field 'as_of'" in err.detail or "field 'discovered.on'" in err.detail


def test_pydantic_s_faults_and_the_policy_s_are_said_together(policy: Policy) -> None:
    # a month 13 (pydantic's) and an unknown area and channel (the policy's): one run (ux48 left: the area and the
    # channel came a run after the date was mended)
    err = refusal(policy, record(area="housingx", discovered={"level": "village", "channel": "gridd",
                                                              "on": "2021-13-01"}))
    assert (err.field, err.code) == ("discovered.on", "bad_date")
    assert "field 'area': unknown duty area 'housingx'" in err.detail
    assert "field 'discovered.channel': unknown channel 'gridd'" in err.detail


def test_a_refused_field_s_stand_in_is_never_judged(policy: Policy) -> None:
    # the step's refused by_level has a stand-in: the step's direction is not judged against it, nor the order of a
    # refused day; the step's other level is
    err = refusal(policy, record(handled=[{"action": "assigned", "by_level": True, "to_level": "townsip",
                                           "on": "2021-03-02"}], deadline="x"))
    assert err.field == "handled[0].by_level" and err.detail.startswith("expected text"), err.detail
    assert "field 'handled[0].to_level': unknown level 'townsip'" in err.detail
    assert "field 'deadline'" in err.detail and "goes to" not in err.detail and "before" not in err.detail


def test_one_fault_is_said_alone(policy: Policy) -> None:
    err = refusal(policy, record(discovered={"level": "village", "channel": "gridd", "on": "2021-03-01"}))
    assert err.field == "discovered.channel" and "; also" not in err.detail


def test_the_batch_keeps_one_reject_row_with_every_reason(policy: Policy) -> None:
    bad = record(id="bad", area="housingx", discovered={"level": "vilage", "channel": "grid", "on": "2021-03-01"})
    result = policy.assess([record(id="good"), bad])
    rejects = result.rejects
    assert list(rejects["problem"]) == ["bad"] and list(rejects["field"]) == ["area"]
    reason = str(rejects["reason"].iloc[0])
    assert "unknown duty area" in reason and "field 'discovered.level': unknown level 'vilage'" in reason


@pytest.mark.parametrize("channel", ["dynamic_tracking", "grid", "one_household_one_cadre"])
def test_concealment_from_no_check_says_so(policy: Policy, channel: str) -> None:
    # 一(四) 对上级核查和巡视审计等过程中瞒报漏报问题的: what refuses it is that 动态跟踪 is no check; 核查普查, a
    # level's own work too, is one (check48a #5)
    err = refusal(policy, record(discovered={"level": "county", "channel": channel,
                                                                   "on": "2021-03-01"}, concealed_by=["village"]))
    assert err.code == "concealment"
    assert "which is no check" in err.detail and "一(四) 对上级核查和巡视审计等过程中瞒报漏报问题的" in err.detail
    assert "verification_census" in err.detail and "leave concealed_by out" in err.detail
    ok = record(discovered={"level": "county", "channel": "verification_census",
                                                  "on": "2021-03-01"}, concealed_by=["village"])
    assert policy.who_answers(ok).findings


# ---------------------------------------------------------------- the Excel advice: made only for a cell

SLASHED = record(discovered={"level": "village", "channel": "grid", "on": "2021/4/2"})
TOLD = "2021/4/2 is not a date as records write it; write 2021-04-02 (YYYY-MM-DD)"


def test_a_typed_record_file_given_to_who_answers_is_told_no_excel_advice(policy: Policy, tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text(json.dumps(SLASHED), encoding="utf-8")
    for call in (policy.who_answers, policy.route):
        with pytest.raises(responsibility.ProblemError) as info:
            call(path)
        assert TOLD in str(info.value) and _IN_EXCEL not in str(info.value) and "r.json:1:" in str(info.value)
    # a dict (a data frame's row, a record from anywhere) may be a spreadsheet's cells: the advice stays, and the
    # file's reading above left no trace on it (a context, not a switch)
    assert _IN_EXCEL in refusal(policy, SLASHED).detail


def test_typed_records_is_a_context(policy: Policy) -> None:
    with typed_records():
        assert _IN_EXCEL not in refusal(policy, SLASHED).detail
        with typed_records(False):  # (a spreadsheet read within a typed context)
            assert _IN_EXCEL in refusal(policy, SLASHED).detail
        assert _IN_EXCEL not in refusal(policy, SLASHED).detail
    assert _IN_EXCEL in refusal(policy, SLASHED).detail


def test_no_reader_cuts_the_advice_out_again() -> None:
    # the advice is never made for a typed file, so nothing strips it (ux48's three strippers)
    src = ROOT / "src" / "responsibility"
    for name in ("cli/_cli.py", "cli/_assess.py", "service/_errors.py", "service/_batch.py", "_api.py"):
        assert "_IN_EXCEL" not in (src / name).read_text(encoding="utf-8"), name


def test_the_service_s_batch_tells_a_json_line_no_excel_advice() -> None:
    from tests.asgi import county_client

    with county_client("chunan") as c:
        r = c.post("/v1/assess", content=json.dumps(SLASHED).encode() + b"\n",
                   headers={"Authorization": "Bearer secret-chunan", "Content-Type": "application/x-ndjson"})
    rows = [json.loads(x) for x in r.text.splitlines() if x]
    reasons = [x["rejected"]["reason"] for x in rows if x.get("rejected", {}).get("field") == "discovered.on"]
    assert r.status_code == 200 and reasons and TOLD in reasons[0] and _IN_EXCEL not in reasons[0], r.text


# ---------------------------------------------------------------- one count of repeated ids

def test_who_and_assess_count_repeated_ids_alike(tmp_path: Path, run_cli: Run) -> None:
    # an id 7.0 and "7" are one id to assess (Repeats, as docs/records.md reads 7.0): `who` counted ids apart and
    # skipped 7.0 (ux48 left: two counters)
    rows = [record(id=7.0), record(id="7"), record(id="x")]
    path = tmp_path / "r.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    code, _, err = run_cli("who", str(path))
    assert code == 0 and "注意（note）：id '7' is on 2 records (item 1, item 2)" in err, err
    assert repeated_ids(rows) == {"7": [0, 1]}
    assert repeated_ids([record(id="a"), "not a record", record(id="b")]) == {}


# ---------------------------------------------------------------- writers say what they wrote

def test_assess_says_the_files_it_wrote(tmp_path: Path, run_cli: Run) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps(record()) + "\n" + json.dumps(SLASHED | {"id": "bad"}) + "\n", encoding="utf-8")
    out, rejects = tmp_path / "f.csv", tmp_path / "rej.csv"
    code, _, err = run_cli("assess", str(path), "-o", str(out), "--rejects", str(rejects))
    assert code == 1 and f"wrote {out}\n" in err and f"wrote {rejects}\n" in err, err
    assert "records in: 2" in err.splitlines()[-1], err  # (the summary stays the last line a script reads)
    code, _, err = run_cli("assess", str(path), "-o", "/dev/null")
    assert code == 1 and "wrote" not in err, err  # (nothing kept: nothing said)


def test_an_unwritable_directory_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from responsibility import _files

    with pytest.raises(OutputError, match="does not exist; create it first"):
        _files.check_target(tmp_path / "nope" / "f.csv", [], what="findings")
    # (root writes into a read-only directory: the check's answer is taken as a user's would be)
    monkeypatch.setattr(_files.os, "access", lambda *a, **k: False)
    with pytest.raises(OutputError, match="not writable; write it into a directory you can write to"):
        _files.check_target(tmp_path / "f.csv", [], what="findings")


def test_ledger_export_says_it_on_stderr(tmp_path: Path, run_cli: Run) -> None:
    db = tmp_path / "l.db"
    assert run_cli("ledger", "init", str(db))[0] == 0
    code, out, err = run_cli("ledger", "export", str(db), str(tmp_path / "x.xlsx"))
    assert code in (0, 1) and "已写入" not in out and f"wrote {tmp_path / 'x.xlsx'}" in err, (out, err)


def test_the_faults_past_the_line_are_named_by_field(policy: Policy) -> None:
    # a concealer's refusal is longer than the line: the faults after the first are named by field and code rather
    # than counted ("and 2 other fields wrong" left the user to find them)
    err = refusal(policy, record(concealed_by=["village", 5.5, "townshp"]))
    assert err.field == "concealed_by[1]"
    assert "also wrong: 'concealed_by[0]' (concealment), 'concealed_by[2]' (unknown_body)" in err.detail
    assert len(str(err)) < 400


def test_a_misspelt_discovered_is_not_also_told_missing(policy: Policy) -> None:
    # the README's table of first mistakes: `discover:` is told the field it likely is, and nothing more (the policy's
    # "has no 'discovered'" came with it once pydantic's faults and the policy's were said together)
    rec = record(handled=[{"action": "assigned", "by_level": "county", "to_level": "township", "on": "2021-03-02"}])
    rec["discover"] = rec.pop("discovered")
    assert str(refusal(policy, rec)) == "problem 'p1', field 'discover': unknown field; did you mean 'discovered'?"


def test_a_scenario_file_s_record_is_told_no_excel_advice(tmp_path: Path, run_cli: Run) -> None:
    path = tmp_path / "s.scenarios.yaml"
    path.write_text("scenarios:\n- name: x\n  problem:\n    id: p1\n    area: housing\n    place: '330127100219'\n"
                    "    discovered: {level: village, channel: grid, on: 2021/4/2}\n    as_of: 2021-05-01\n"
                    "  expect:\n    failures: 0\n", encoding="utf-8")
    code, out, err = run_cli("test", str(path))
    assert code == 2 and TOLD in out and _IN_EXCEL not in out + err, (out, err)
