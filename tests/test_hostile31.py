"""The input contract, hostile inputs and a newcomer's path (hostile31: session 30's leftovers #10 — one contract for a
ledger's place and a record's, a ledger read under other rules, the API's validation messages — then a hostile pass on
concurrent writers, damaged ledgers, interrupted runs, dates out of order, rules directories and the service)."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import amended_rules, set_parameter

ROOT = Path(__file__).resolve().parents[1]
CHUNAN = "330127100219"


def _registered(pid: str, place: Any = CHUNAN) -> dict[str, Any]:
    return {"problem": pid, "type": "registered", "on": "2021-03-01", "area": "housing",
            "kind": "housing_renovation_late", "place": place, "severity": "serious"}


# ---------------------------------------------------------------- 1. session 30's leftovers (#10)


@pytest.mark.parametrize("place", [float(CHUNAN), Decimal(CHUNAN)], ids=["float", "decimal"])
def test_a_ledger_event_takes_a_whole_number_place_as_a_record_does(tmp_path: Path, place: Any) -> None:
    """A record takes 330127100219.0 (a code read as a float where a frame's column has a gap) and a database NUMERIC
    column's Decimal; a ledger event refused them ("expected text, got a number"): one contract for both."""
    import numpy as np

    import responsibility
    from responsibility import Ledger

    record = {"id": "R1", "area": "housing", "kind": "housing_renovation_late", "place": place,
              "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"}, "as_of": "2021-06-30"}
    assert responsibility.load().who_answers(record).problem == "R1"  # the record's side of the contract
    with Ledger.create(tmp_path / "l.db") as led:
        stored = led.append([_registered("P1", place), _registered("P2", np.float64(CHUNAN))], entered_by="clerk")
        assert [e.data["place"] for e in stored] == [CHUNAN, CHUNAN]


@pytest.mark.parametrize("place", [330127100219.5, float("nan"), 1e16, True])
def test_a_ledger_event_still_refuses_a_place_no_record_takes(tmp_path: Path, place: Any) -> None:
    from responsibility import Ledger, ProblemError

    with Ledger.create(tmp_path / "l.db") as led, pytest.raises(ProblemError) as caught:
        led.append([_registered("P1", place)], entered_by="clerk")
    assert caught.value.field == "place" and "give it as text" in str(caught.value)


def _seeded(path: Path, rules: Path | None = None) -> Path:
    import responsibility
    from responsibility import Ledger

    policy = responsibility.load(rules) if rules is not None else None
    with Ledger.create(path, policy=policy) as led:
        led.append([_registered("P1")], entered_by="clerk")
    return path


def _other_policy(target: Path) -> Path:
    shutil.copytree(ROOT / "rules", target)
    f = target / "policy.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("id: zhejiang-poverty-responsibility", "id: another-policy"),
                 encoding="utf-8")
    return target


def test_a_ledger_refuses_another_policy_and_says_which_rules_its_events_were_entered_under(tmp_path: Path) -> None:
    """hostile30 #11c, documented only: every command on a ledger takes the rules its events were entered under, and
    under another policy the events were judged by it in silence."""
    import responsibility
    from responsibility import Ledger, LedgerError

    db = _seeded(tmp_path / "l.db")
    other = responsibility.load(_other_policy(tmp_path / "other"))
    with pytest.raises(LedgerError) as caught:
        Ledger.open(db, policy=other)
    said = str(caught.value)
    assert "'zhejiang-poverty-responsibility' (version 2020.1)" in said and "'another-policy'" in said
    assert "--rules" in said
    with Ledger.open(db) as led:  # the rules it was made under still open it
        assert led.state("P1").status == "registered"


def test_a_ledger_entered_under_an_amendment_refuses_the_rules_without_it(tmp_path: Path) -> None:
    import responsibility
    from responsibility import Ledger, LedgerError

    amended = responsibility.load(amended_rules(tmp_path / "amended"))
    db = _seeded(tmp_path / "l.db", tmp_path / "amended")
    with pytest.raises(LedgerError) as caught:
        Ledger.open(db, policy=responsibility.load())
    assert "example-rural-revitalisation-2021" in str(caught.value) and "amendments/" in str(caught.value)
    with Ledger.open(db, policy=amended) as led:
        assert led.state("P1").status == "registered"


def test_a_ledger_takes_its_policy_amended_later_and_then_keeps_to_it(tmp_path: Path) -> None:
    """An amendment layered on the rules later is the same rules read anew (problems found before its day are answered
    as before); once events are entered under it, the rules without it are refused."""
    import responsibility
    from responsibility import Ledger, LedgerError

    db = _seeded(tmp_path / "l.db")
    amended = responsibility.load(amended_rules(tmp_path / "amended"))
    with Ledger.open(db, policy=amended) as led:
        led.append([_registered("P2")], entered_by="clerk")
    with pytest.raises(LedgerError):
        Ledger.open(db, policy=responsibility.load())


def test_other_parameters_are_the_same_rules_for_a_ledger(tmp_path: Path, rules_copy: Path) -> None:
    """A parameter's value is a reading the verdict names, not other rules: a county's own values open its ledger."""
    import responsibility
    from responsibility import Ledger

    db = _seeded(tmp_path / "l.db")
    set_parameter(rules_copy, "handling_time_limit_days", 15)
    for policy in (responsibility.load(rules_copy), responsibility.load().with_parameters(handling_time_limit_days=5)):
        with Ledger.open(db, policy=policy) as led:
            led.append([_registered(f"P{id(policy)}")], entered_by="clerk")


def test_the_cli_refuses_a_ledger_under_other_rules_with_exit_2(tmp_path: Path, run_cli: Any) -> None:
    db = str(_seeded(tmp_path / "l.db"))
    other = str(_other_policy(tmp_path / "other"))
    for args in (("ledger", "list", db, "problems", "--rules", other),
                 ("ledger", "alerts", db, "--rules", other),
                 ("ledger", "export", db, str(tmp_path / "out.xlsx"), "--rules", other)):
        code, _out, err = run_cli(*args)
        assert code == 2 and "entered under the rules 'zhejiang-poverty-responsibility'" in err, (args, err)
        assert "Traceback" not in err
    assert not (tmp_path / "out.xlsx").exists()
    assert run_cli("ledger", "list", db, "problems")[0] == 0


def test_a_damaged_rules_record_is_said_as_damage(tmp_path: Path) -> None:
    import sqlite3

    import responsibility
    from responsibility import Ledger, LedgerError

    db = _seeded(tmp_path / "l.db")
    with sqlite3.connect(db) as conn:
        conn.execute("update meta set value = 'not json' where key = 'rules'")
    with pytest.raises(LedgerError, match="damaged outside the library"):
        Ledger.open(db, policy=responsibility.load())


@pytest.mark.parametrize("findings", [True, False], ids=["findings", "none"])
def test_verdict_to_frame_refuses_an_unknown_language(findings: bool) -> None:
    """Every other Verdict method says "use 'zh' or 'en'"; to_frame("fr") gave the English reasons in silence."""
    import responsibility
    from responsibility import ProblemError

    record = ROOT / "examples" / "records" / "problem.json"
    verdict = responsibility.load().who_answers(record)
    if not findings:
        verdict = responsibility.load().who_answers({"id": "x", "area": "housing", "place": CHUNAN})
    assert bool(verdict.findings) == findings
    with pytest.raises(ProblemError, match="use 'zh' or 'en'"):
        verdict.to_frame("fr")
    if findings:
        with pytest.raises(ProblemError, match="use 'zh' or 'en'"):
            verdict.findings[0].to_dict("fr")  # type: ignore[arg-type]


def test_a_problem_made_directly_says_its_first_fault_as_a_record_would() -> None:
    from responsibility import Problem, ProblemError

    with pytest.raises(ProblemError) as caught:
        Problem(id="p", area="housing", place=CHUNAN, severity=2)
    assert caught.value.field == "severity" and "'minor', 'serious' or 'grave'" in str(caught.value)
    assert "pydantic" not in str(caught.value)


# ---------------------------------------------------------------- 2. hostile pass: an interrupted run


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc")
@pytest.mark.parametrize("signame", ["SIGHUP", "SIGTERM", "SIGINT"])
def test_an_assess_ended_by_a_signal_leaves_no_temporary_file_and_the_output_unchanged(tmp_path: Path, jcsv: str,
                                                                                       signame: str) -> None:
    """A hangup (the terminal closed, an ssh session dropped) killed `assess` outright (exit -1): the hidden .part
    files of its outputs stayed beside them. Now it ends as SIGTERM does, exit 128 + 1; SIGTERM 143 and Ctrl-C 130
    as before. Records on standard input, which stays open: the run waits for more with its workers started (as
    test_batch_hostile's kill test)."""
    import os
    import signal
    import subprocess
    import sys
    import time

    out = tmp_path / "out.parquet"
    out.write_bytes(b"previous")
    line = (ROOT / "examples" / "records" / "problem.json").read_text("utf-8").replace("\n", " ") + "\n"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}

    def as_from_a_terminal() -> None:
        # (a suite run under nohup hands its children SIGHUP ignored, which assess rightly leaves so: the run
        # outlives its terminal — and this test then waited out its timeout; session 31's CI run)
        signal.signal(signal.SIGHUP, signal.SIG_DFL)
        # (and a job a script starts in the background, as `nohup … &` runs CI, inherits SIGINT ignored, which Python
        # keeps: Ctrl-C as a terminal's foreground job gets it; session 61's CI run, test_hostile_entry's
        # _as_a_terminal_job)
        signal.signal(signal.SIGINT, signal.SIG_DFL)

    with subprocess.Popen([sys.executable, "-m", "responsibility", "assess", "-", "--from", "jsonl", "-o", str(out),
                           "--jurisdiction", jcsv, "--workers", "2", "--no-progress"], cwd=tmp_path, env=env,
                          stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          preexec_fn=as_from_a_terminal) as proc:
        assert proc.stdin is not None and proc.stderr is not None
        proc.stdin.write(line.encode() * 5000)
        proc.stdin.flush()
        children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
        for _ in range(1200):  # (not a timed assertion: waits until the run has started its workers)
            if proc.poll() is not None or len(children.read_text().split()) >= 2:
                break
            time.sleep(0.05)
        assert proc.poll() is None, proc.stderr.read().decode()
        proc.send_signal(getattr(signal, signame))
        code = proc.wait(timeout=60)
        err = proc.stderr.read().decode()
    assert code == 128 + getattr(signal, signame), err
    assert "Traceback" not in err and ("terminated (" + signame if signame != "SIGINT" else "interrupted") in err
    assert not list(tmp_path.glob("*.part")) and not list(tmp_path.glob(".*.part"))
    assert out.read_bytes() == b"previous"
