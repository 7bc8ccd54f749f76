"""Session 26 fixes by the lead, each from a reviewer's held-out-style case (review26)."""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Policy, ProblemError
from tests.verdicts import answers

VILLAGE = "330127100219"


def _found_by_county(channel: str, **more: Any) -> dict[str, Any]:
    return {"id": "F4", "area": "projects", "kind": "project_late_or_unfinished", "place": VILLAGE,
            "severity": "serious", "as_of": "2021-06-30",
            "discovered": {"level": "county", "channel": channel, "on": "2021-03-01", **more}}


# review26 F4: 二(四)4 县扶贫办…组织实施绩效目标申报、绩效评价, 二(四)5 县其他行业主管部门…绩效评价,
# 二(五)3 县行业主管部门…组织对项目进行检查、验收和绩效评价: the county runs 绩效评价 itself, so a problem its
# evaluation finds is the county's own find, read as its other own checks (核查普查) are read, not refused as a
# channel only the city and province run.
@pytest.mark.parametrize("engine", ["compiled", "durable"])
@pytest.mark.parametrize("name", ["performance_evaluation", "绩效评价", "绩效评估"])
def test_a_countys_own_performance_evaluation_is_its_own_find(policy: Policy, engine: str, name: str) -> None:
    got = answers(policy, _found_by_county(name, body="county_poverty_office"), engine)
    assert got == answers(policy, _found_by_county("verification_census", body="county_poverty_office"), engine)
    assert ("township_government", "not_discovered") in got and ("village_committee", "not_discovered") in got
    assert ("county_poverty_office", "not_handled") in got


def test_a_township_runs_no_performance_evaluation(policy: Policy) -> None:
    record = _found_by_county("绩效评价")
    record["discovered"]["level"] = "township"
    with pytest.raises(ProblemError) as e:
        policy.who_answers(record)
    assert (e.value.field, e.value.code) == ("discovered.level", "level_mismatch")
    assert "county" in str(e.value) and "二(四)4" in str(e.value)


def test_the_bulk_path_reads_the_countys_evaluation_as_who_answers_does(policy: Policy) -> None:
    records = [_found_by_county("绩效评价", body="county_poverty_office") | {"id": f"F4-{i}"} for i in range(40)]
    a = policy.assess(records)
    assert len(a.rejects) == 0
    bulk = {(f["body"], f["basis"]) for f in a.findings.astype(object).to_dict("records") if f["record"] == 0}
    assert bulk == answers(policy, records[0])


# Chinese output writes a choice as 中文（id） (a5e2900); a reader who copies either form back into --set or
# with_parameters meant that choice (it was refused: "takes one of its choices: own_and_level_above, …").
@pytest.mark.parametrize("written", ["以上各级", "以上各级（all_levels）", "以上各级(all_levels)", "all_levels"])
def test_a_choice_is_named_by_its_chinese_name_too(policy: Policy, written: str) -> None:
    assert policy.with_parameters(supervision_scope=written).parameter("supervision_scope") == "all_levels"


def test_who_set_takes_a_chinese_choice_name(policy: Policy, run_cli: Any,
                                                                     tmp_path: Any) -> None:
    record = tmp_path / "r.json"
    record.write_text('{"id": "c", "area": "housing", "place": "330127100219", "as_of": "2021-06-30", '
                      '"discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"}}', encoding="utf-8")
    code, _, err = run_cli("who", str(record), "--set", "supervision_scope=各级")
    assert code == 2 and "all_levels" in err, err  # 各级 is no choice's name
    code, out, _ = run_cli("who", str(record), "--set", "supervision_scope=不追究")
    assert code in (0, 1) and "督促整改责任的范围=不追究（none）" in out
