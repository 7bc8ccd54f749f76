"""The command line: who, test, exit codes, one-line errors without tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

import responsibility

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "problems" / "housing-not-discovered.yaml"


def test_who_prints_the_verdict_as_json(run_cli) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run_cli("who", str(EXAMPLE), "--format", "json", "--engine", "compiled")
    assert code == 0
    v = json.loads(out)
    assert v["problem"] == "example-housing-1" and v["engine"] == "compiled"
    assert {(f["body"], f["basis"]) for f in v["findings"]} >= {("village_committee", "not_discovered"),
                                                               ("township_government", "not_discovered")}


def test_who_today_dates_problems_without_as_of(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    """docs/records.md: `who --today`/`assess --today` set the assessment date of records without as_of."""
    f = tmp_path / "p.yaml"
    f.write_text("id: t\narea: housing\nplace: '330127100219'\n"
                 "discovered: {level: county, channel: hotline, on: 2021-03-01}\n", encoding="utf-8")
    bases = []
    for today in ("2021-03-02", "2021-06-30"):  # not yet late, then long past the time to hand it on
        code, out, err = run_cli("who", str(f), "--today", today, "--format", "json", "--engine", "compiled")
        assert code == 0, err
        bases.append(sorted({x["basis"] for x in json.loads(out)["findings"]}))
    assert bases == [["not_discovered"], ["not_discovered", "not_handled"]]
    code, _, err = run_cli("who", str(f), "--today", "2021-02-30")
    assert code == 2 and "--today" in err and "no such day" in err and len(err.strip().splitlines()) == 1, err


def test_who_table_in_english(run_cli) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run_cli("who", str(EXAMPLE), "--lang", "en")
    flat = " ".join(out.split())
    assert code == 0 and "not_discovered" in out and "had to discover this" in flat


def test_who_check_exits_1_on_failures(run_cli) -> None:  # type: ignore[no-untyped-def]
    code, _, _ = run_cli("who", str(EXAMPLE), "--check", "--format", "json")
    assert code == 1


@pytest.mark.parametrize(("content", "words"), [
    ("id: x\ndomain: housng\nplace: '33'\n", "field 'domain': unknown duty area 'housng'; did you mean 'housing'?"),
    ("id: x\ndomain: housing\nplace: '33'\nseverity: 3\n", "field 'severity'"),
    ("[1, 2", "YAML syntax error"),
    ("42", "holds a number (42), not a problem object; write a problem object or a list of them"),  # (hostile27)
])
def test_who_user_errors_are_one_line_exit_2(tmp_path: Path, run_cli, content: str, words: str) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "p.yaml"
    f.write_text(content, encoding="utf-8")
    code, _, err = run_cli("who", str(f))
    assert code == 2
    assert words in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_a_parameter_set_twice_is_refused(run_cli) -> None:  # type: ignore[no-untyped-def]
    # review17 D8d: the last --set silently won
    code, _, err = run_cli("who", str(EXAMPLE), "--set", "unit_liability_from=minor", "--set",
                           "unit_liability_from=grave")
    assert code == 2 and "--set unit_liability_from is given twice ('minor' and 'grave'); keep one" in err


@pytest.mark.parametrize(("text", "words"), [
    ('{"id":"a"}{"id":"b"}', "<stdin>:1:11: JSON syntax error: Extra data (give one record, or a [list]"),
    ('{"id": "a", "area": ', "<stdin>:2:1: JSON syntax error: Expecting value"),
])
def test_json_on_standard_input_is_told_of_as_json(text: str, words: str) -> None:
    # review17 D8f: JSON text without a .json name got a YAML syntax error ("did not find expected <document start>")
    proc = subprocess.run([sys.executable, "-m", "responsibility", "who", "-"], input=text + "\n",
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 2 and words in proc.stderr and "YAML" not in proc.stderr, proc.stderr


def test_who_reads_stdin_in_a_real_process() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "responsibility", "who", "-", "--format", "json"], input=text,
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["problem"] == "example-housing-1"


@pytest.mark.slow
def test_scenario_runner_passes_on_the_examples(run_cli) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run_cli("test", str(ROOT / "examples" / "problems"), "--coverage")
    # Every scenario of every file runs: the count follows the files, so adding one cannot hide another.
    files = sorted((ROOT / "examples" / "problems").glob("*.scenarios.yaml"))
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # (libyaml: the same documents; pure Python took ~1.5 CPU s)
    total = sum(len(yaml.load(f.read_text(encoding="utf-8"), Loader=loader)["scenarios"])
                for f in files)
    assert total >= 120
    kinds = len(responsibility.load().kinds)  # every problem kind of the shipped rules has a scenario
    assert code == 0 and f"{total} passed, 0 failed" in out and f"problem kinds: {kinds}/{kinds} exercised" in out


def test_scenario_patterns_take_levels_typed_in_chinese(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    """Chinese values wherever a user types them: in a scenario's expectations too (村, 乡镇, 县)."""
    f = tmp_path / "zh.scenarios.yaml"
    f.write_text("""scenarios:
  - name: 县长热线发现村里的危房
    problem: {id: zh-1, area: 危房改造, place: "330127100219", severity: 较重,
              discovered: {level: 县, channel: 县（市、区）长热线, "on": 2021-03-01}, as_of: 2021-03-02}
    expect:
      findings: [{level: 村, basis: not_discovered}, {level: 乡镇, basis: not_discovered}]
      forbidden: [{level: 县, basis: not_discovered}]
  - name: the same, a level that does not answer expected
    problem: {id: zh-2, area: housing, place: "330127100219",
              discovered: {level: county, channel: hotline, "on": 2021-03-01}, as_of: 2021-03-02}
    expect:
      findings: [{level: 省, basis: not_discovered}]
""", encoding="utf-8")
    code, out, err = run_cli("test", str(f), "--engine", "compiled")
    assert code == 1 and "1 passed, 1 failed" in out, out + err
    assert "zh-2" in out and "level: province" in out


def test_scenario_failure_names_problem_finding_and_clause(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "x.scenarios.yaml"
    f.write_text("""scenarios:
  - name: the county misses a hotline problem
    problem:
      id: wrong-1
      domain: housing
      place: "330127100219"
      discovered: {level: county, channel: hotline, "on": 2021-03-01}
      as_of: 2021-06-01
    expect:
      findings:
        - {body: city_construction, basis: not_discovered, clauses: ["二(六)4(6)"]}
      forbidden:
        - {body: village_committee, basis: not_discovered}
""", encoding="utf-8")
    code, out, _ = run_cli("test", str(f))
    assert code == 1
    assert "problem wrong-1: FAILED" in out
    assert "- missing finding {body: city_construction, basis: not_discovered, clauses: ['二(六)4(6)']}" in out
    assert "+ unexpected finding village_committee not_discovered/staff clauses 一(四) 二(二)1" in out
    assert "0 passed, 1 failed" in out


def test_coverage_threshold(run_cli) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run_cli("test", str(ROOT / "examples" / "problems" / "water.scenarios.yaml"), "--coverage",
                             "--threshold", "99")
    assert code == 1 and "below the threshold" in err and "not exercised:" in out
    code, _, _ = run_cli("test", str(ROOT / "examples" / "problems" / "water.scenarios.yaml"), "--threshold", "1")
    assert code == 0


def test_unknown_command_is_a_usage_error(run_cli) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run_cli("frobnicate")
    assert code == 2 and "No such command" in err


def test_the_readings_line_names_a_quote_once(run_cli: Any, tmp_path: Path) -> None:
    """review19 M3: two readings that quote the same words of 二(二)5 (the offices' and the departments') printed the
    quote twice in a row on the 依据解释 line."""
    rec = tmp_path / "r.json"
    rec.write_text('{"id":"r","area":"funds","kind":"funds_diverted","place":"330127100219",'
                   '"severity":"serious","discovered":{"level":"province","channel":"audit","on":"2021-03-01"},'
                   '"handled":[{"action":"assigned","by_level":"province","to_level":"city","on":"2021-03-02"}],'
                   '"deadline":"2021-04-30","as_of":"2021-06-30"}', encoding="utf-8")
    # (handling_holders: the city's office holds it by 二(二)5, as it did by default before review41b D1; a housing
    # record's city now names 市住建, the kind's guiding department, fid49 — so funds, where the office still holds it)
    code, out, _ = run_cli("who", str(rec), "--set", "receiving_level_body=handling_holders")
    line = out[out.index("依据解释"):]
    assert code in (0, 1) and line.count("负责指导督促基层问题发现和整改") == 1, line
    code, out, _ = run_cli("who", str(rec), "--set", "receiving_level_body=handling_holders", "--format", "json")
    quoting = [i["id"] for i in json.loads(out)["interpretations"] if "负责指导督促基层问题发现和整改" in json.dumps(
        i, ensure_ascii=False)]
    assert len(quoting) >= 2, quoting  # (two readings quote the words: the line is what says them once)


@pytest.mark.parametrize("command", ["who", "route"])
def test_one_bad_record_of_a_list_does_not_sink_the_others(tmp_path: Path, run_cli,  # type: ignore[no-untyped-def]
                                                            command: str) -> None:
    """review21b: `who LIST` stopped at the first bad record and answered none. The good ones are answered, each
    bad one is said with its file:line:column and what is wrong, and the exit is 2 (unusable input), as for one."""
    good = {"area": "housing", "place": "330127100219", "as_of": "2021-03-05",
            "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"}}
    records = [{**good, "id": "g1"}, {**good, "id": "b1", "area": "housng"}, {**good, "id": "g2"},
               {**good, "id": "b2", "severity": "huge"}]
    f = tmp_path / "list.json"
    f.write_text(json.dumps(records, indent=1), encoding="utf-8")
    code, out, err = run_cli(command, str(f), "--format", "json")
    assert code == 2, err
    answered = json.loads(out)
    assert isinstance(answered, list) and [a.get("problem", a.get("id")) for a in answered] == ["g1", "g2"]
    lines = [x for x in err.splitlines() if x.startswith("error:")]
    assert len(lines) == 3 and "Traceback" not in err, err
    assert f"{f}:" in lines[0] and "'b1'" in lines[0] and "area" in lines[0] and "did you mean 'housing'" in lines[0]
    assert "'b2'" in lines[1] and "severity" in lines[1]
    assert "2 of 4 records could not be answered" in lines[2]
    code, out, err = run_cli(command, str(f))  # the table too
    assert code == 2 and "g2" in out and "2 of 4 records" in err
    only_bad = tmp_path / "bad.json"
    only_bad.write_text(json.dumps([records[1], records[3]]), encoding="utf-8")
    code, out, err = run_cli(command, str(only_bad), "--format", "json")
    assert code == 2 and out == "" and "none was answered" in err


def test_no_help_text_shows_docstring_markup() -> None:
    """review21b: `ledger show --help` printed RST (``responsibility route``). Every command's help, walked."""
    import re

    import click

    from responsibility.cli._cli import cli

    found: list[str] = []

    def walk(cmd: click.Command, path: list[str]) -> None:
        text = cmd.get_help(click.Context(cmd, info_name=" ".join(path)))
        found.extend(f"{' '.join(path)}: {m[0]}" for m in re.finditer(r"``|:(?:func|class|meth|data|attr):`", text))
        if isinstance(cmd, click.Group):
            for name, sub in cmd.commands.items():
                walk(sub, [*path, name])

    walk(cli, ["responsibility"])
    assert not found, found


def test_coverage_counts_a_kind_and_an_area_named_in_chinese(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """engine22b: `test --coverage` did not count a kind named by its Chinese name (困难家庭危房改造不及时), nor
    the rules of an area named so (危房改造): coverage read the scenario's words, not the ids the engine reads."""
    f = tmp_path / "zh.scenarios.yaml"
    f.write_text("""scenarios:
- name: zh
  problem:
    id: zh-1
    area: 危房改造
    kind: 困难家庭危房改造不及时
    place: '330127100219'
    discovered: {level: county, channel: hotline, 'on': '2021-03-01'}
    as_of: '2021-06-30'
  expect:
    findings:
    - {body: village_committee, basis: not_discovered, liability: staff}
""", encoding="utf-8")
    code, out, err = run_cli("test", str(f), "--coverage")
    assert code == 0, out + err
    assert "problem kinds: 1/" in out and "housing.housing_renovation_late" not in out.split("problem kinds:")[1]
    rules = out.split("accountability rules:")[1]
    assert not rules.startswith(" 0/") and "housing.not_discovered" not in rules, out
