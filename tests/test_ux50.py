"""Session 50's user-facing errors: session 49's leftovers (the hotline concealment refusal's length, a scenario's
record under pytest, a record of many faults, the service's order of a ledger write's refusals) and what the
newcomer's walk and the hostile inputs found."""

from __future__ import annotations

from pathlib import Path

import pytest

from responsibility import Policy

# (the same record and refusal helpers as session 49's errors: one place)
from .test_ux49 import PLACE, Run, record, refusal

# ---------------------------------------------------------------- session 49's leftovers


@pytest.mark.parametrize(("channel", "named"), [("hotline", "audit, inspection_tour, higher_level_verification …"),
                                                ("grid", "verification_census, performance_evaluation, "
                                                         "congress_cppcc …")])
def test_a_concealment_from_no_check_names_a_few_checks_of_the_level(policy: Policy, channel: str,
                                                                       named: str) -> None:
    # the hotline's refusal listed all twelve checks (~480 characters); the checks named run at the finding level
    err = refusal(policy, record(discovered={"level": "county", "channel": channel, "on": "2021-03-01"},
                                 concealed_by=["township"]))
    assert err.code == "concealment" and f"({named})" in err.detail, err.detail
    assert len(str(err)) < 360, str(err)
    city = refusal(policy, record(discovered={"level": "city", "channel": "media", "on": "2021-03-01"},
                                  concealed_by=["county"]))
    assert "verification_census" not in city.detail, city.detail  # (核查普查 is no city's check)


SCENARIO = """scenarios:
- name: slashed day
  problem:
    id: s1
    area: housing
    place: "330127100219"
    discovered: {level: village, channel: grid, on: 2021/4/2}
    as_of: 2021-06-30
  expect:
    failures: 0
"""


def test_a_scenario_s_record_run_by_pytest_is_told_no_excel_advice(policy: Policy, tmp_path: Path) -> None:
    # checks/_plugin runs a scenario outside `responsibility test`'s typed_records: a YAML file's 2021/4/2 was told
    # to format an Excel column (ux49 left); run_scenario, which both use, reads the record as typed
    from responsibility.checks._scenarios import load_scenarios, run_scenario

    (f := tmp_path / "x.scenarios.yaml").write_text(SCENARIO, encoding="utf-8")
    outcome = run_scenario(load_scenarios(f)[0], policy)
    told = " ".join(outcome.errors)
    assert "write 2021-04-02 (YYYY-MM-DD)" in told and "Excel" not in told, told
    assert outcome.unusable


def test_a_record_of_many_faults_names_them_by_field(policy: Policy) -> None:
    # past the first and three by code, the rest were counted ("and 12 more"): each field is named while the line
    # has room (one line, under 400 characters)
    rec = {"id": "x", "area": "housing", "kind": "nokind", "sector": "nosec", "place": PLACE, "severity": "badsev",
           "discovered": {"level": "县里", "channel": "热线x", "on": "2021/4/2", "body": "nob"},
           "handled": [{"action": "交办x", "by_level": "q", "to_level": "w", "on": "2021-13-01"}],
           "deadline": "x", "as_of": "y", "concealed_by": ["a", "b", "c"]}
    err = refusal(policy, rec)
    text = str(err)
    assert err.field == "severity" and "\n" not in text and len(text) < 400, text
    for field in ("discovered.on", "handled[0].action", "deadline", "as_of", "kind", "sector", "discovered.level",
                  "discovered.channel", "discovered.body"):
        assert f"'{field}'" in text, (field, text)
    assert "'discovered.on' (bad_date)" in text  # (the first few with their code)
    many = refusal(policy, {**rec, "concealed_by": [f"x{i}" for i in range(1000)]})
    assert len(str(many)) < 400 and str(many).endswith("more"), str(many)


def test_an_unreadable_event_is_told_before_another_s_unknown_problem(tmp_path: Path) -> None:
    # POST /v1/ledger/events read each event, set aside those it could not read and looked up the others' problems:
    # a later event's unknown problem was 404 and the unreadable one (a bad day) went untold; `ledger add` tells it
    from responsibility import Ledger
    from tests.asgi import county_client

    Ledger.create(db := tmp_path / "l.db")
    bad_day = {"problem": "K1", "type": "registered", "on": "2021/6/1", "area": "housing", "place": PLACE}
    unknown = {"problem": "NOPE", "type": "rectified", "on": "2021-06-02"}
    with county_client("c", ledger=str(db), decision_log=str(tmp_path / "d.jsonl")) as c:
        auth = {"Authorization": "Bearer secret-c"}
        typo = {"problem": "K2", "type": "registrd", "on": "2021-06-02"}
        told = c.post("/v1/ledger/events", json=[bad_day, unknown, typo], headers=auth)
        assert told.status_code == 422, told.text
        error = told.json()["error"]
        assert error["field"] == "[0].on" and error["code"] == "bad_date" and "2021-06-01" in error["message"]
        assert "'registered'" in error["message"]  # (every unreadable event of the body, as `ledger add` says them)
        alone = c.post("/v1/ledger/events", json=[unknown], headers=auth)  # (still the documented 404 alone)
        assert alone.status_code == 404 and alone.json()["error"]["field"] == "[0].problem", alone.text
    assert Ledger.open(db).events() == []


# ---------------------------------------------------------------- the newcomer's walk


def test_diff_given_nothing_to_compare_says_what_to_give(run_cli: Run, tmp_path: Path) -> None:
    # `responsibility diff rules` was told "give NEW, or --against REV, but not both" (it gave neither)
    code, _, err = run_cli("diff", str(tmp_path))
    assert code == 2 and "but not both" not in err and "--against REV" in err and "--set NAME=VALUE" in err, err


def test_assess_of_a_missing_file_says_it_as_who_does(run_cli: Run, tmp_path: Path) -> None:
    missing = tmp_path / "nofile.csv"
    code, _, err = run_cli("assess", str(missing))
    assert code == 2 and f"{missing}: no such file (check the path)" in err, err
    code, _, told = run_cli("who", str(missing))
    assert code == 2 and f"{missing}: no such file (check the path)" in told, told


def test_who_answers_of_a_mistyped_file_name_says_no_such_file(policy: Policy) -> None:
    err = refusal(policy, "examples/problems/housing-not-discovred.yaml")  # type: ignore[arg-type]
    assert "no such file: check the path" in str(err) and "nor a file" in str(err) and err.code == "not_an_object"
    assert "no such file" not in str(refusal(policy, "x"))  # type: ignore[arg-type]  # (a word, not a file's name)


def test_a_record_file_s_overlong_number_is_told_to_be_written_as_text(run_cli: Run, tmp_path: Path) -> None:
    # a 5,000-digit id is a code typed without quotes: "use a smaller number" sent the user to change the code itself
    path = tmp_path / "huge.yaml"
    path.write_text("id: 1" + "0" * 5000 + "\narea: housing\n", encoding="utf-8")
    code, _, err = run_cli("who", str(path))
    assert code == 2
    assert "huge.yaml:1:5" in err and "in quotes, as text" in err
    assert "smaller number" not in err
