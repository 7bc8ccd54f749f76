"""A scenario must check something (review21b B21-5): one without ``expect``, or with an empty one, passed whatever
the answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from responsibility import RulesError
from responsibility.checks._scenarios import load_scenarios

PROBLEM = "{id: a, area: housing, place: '330127100219', as_of: '2021-06-30'}"


@pytest.mark.parametrize(("expect", "message", "line"), [
    ("", "scenarios.0.expect: is required", 2),  # the scenario's line: there is no expect to point at
    ("  expect: {}\n", "scenarios.0.expect: checks nothing", 4),
    ("  expect: {findings: [], forbidden: []}\n", "scenarios.0.expect: checks nothing", 4),
    ("  expect: {failures: -1}\n", "scenarios.0.expect.failures", 4),
])
def test_a_scenario_that_checks_nothing_is_refused_where_it_is(tmp_path: Path, expect: str, message: str,
                                                               line: int) -> None:
    f = tmp_path / "x.scenarios.yaml"
    f.write_text(f"scenarios:\n- name: x\n  problem: {PROBLEM}\n{expect}", encoding="utf-8")
    with pytest.raises(RulesError) as err:
        load_scenarios(f)
    assert message in str(err.value) and f"{f}:{line}:" in str(err.value)


@pytest.mark.parametrize("expect", ["{failures: 0}", "{forbidden: [{level: county}]}",
                                    "{findings: [{basis: not_discovered}]}"])
def test_each_of_the_three_checks_is_enough(tmp_path: Path, expect: str) -> None:
    f = tmp_path / "x.scenarios.yaml"
    f.write_text(f"scenarios:\n- name: x\n  problem: {PROBLEM}\n  expect: {expect}\n", encoding="utf-8")
    assert len(load_scenarios(f)) == 1


@pytest.mark.parametrize(("text", "said"), [("", "is empty"), ("- a\n", "holds a list"), ("3\n", "holds a value"),
                                            ("just words\n", "holds a text")])
def test_a_file_that_is_no_mapping_is_said_so_without_the_model_s_name(tmp_path: Path, text: str, said: str) -> None:
    # review21b: an empty scenario file was 'Input should be a valid dictionary or instance of ScenarioFile'
    f = tmp_path / "x.scenarios.yaml"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(RulesError) as err:
        load_scenarios(f)
    assert said in str(err.value) and "'scenarios:'" in str(err.value) and "ScenarioFile" not in str(err.value)
