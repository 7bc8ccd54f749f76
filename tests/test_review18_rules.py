"""Session 18's sweep of every problem kind (review18b): what a scenario file cannot say — the duty a reason quotes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from responsibility import Policy


def test_a_project_not_entered_in_the_system_quotes_the_entering_duty(policy: Policy) -> None:
    """review18b D7b: the county poverty office's not_discovered quoted its review of projects into the library,
    not 并及时录入全国扶贫开发信息系统项目管理板块, the duty the kind is about."""
    # (under joined_records_both_halves: true, the answer before fid43a: by default the joined kind names neither half's
    # own holder, review42 R5)
    v = policy.with_parameters(joined_records_both_halves=True).who_answers({
                            "id": "q1", "area": "projects", "kind": "project_records_incomplete",
                            "place": "330127100219", "as_of": "2021-06-30",
                            "discovered": {"level": "city", "channel": "audit", "on": "2021-03-01"}})
    office = next(f for f in v.findings if f.body == "county_poverty_office")
    assert "及时录入全国扶贫开发信息系统项目管理板块" in office.reason
    assert "纳入项目库" not in office.reason

def test_an_omitted_household_passed_on_by_the_office_cites_no_push(policy: Policy) -> None:
    """review18b D7a: 二(三)4 (the push of households left out for special or temporary reasons) was cited for the
    office's not passing on an omitted household; it answers as the ledger keeper (一(三))."""
    # (the office answers beside 县民政 only under receiving_level_body: handling_holders since review23 #1)
    v = policy.with_parameters(receiving_level_body="handling_holders").who_answers({
        "id": "q2", "area": "identification", "kind": "identification_eligible_omitted",
        "place": "330127100219", "as_of": "2021-06-30",
        "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"}})
    office = next(f for f in v.findings if f.body == "county_poverty_office")
    assert office.basis == "not_handled"
    assert "二(三)4" not in office.clauses and "特殊性" not in office.reason


def test_a_verdict_with_no_finding_still_says_what_it_rests_on(run_cli: Any, tmp_path: Path) -> None:
    """review18 P2: with no finding the table printed no 依据解释 line and said 各环节均按时办理, though here only
    the day the policy took effect (policy_in_force_from) spared the county that sat on a hotline find."""
    record = tmp_path / "pf2.json"
    record.write_text(json.dumps({"id": "pf2", "area": "housing", "kind": "housing_renovation_late",
                                  "place": "330127100219", "as_of": "2020-03-10",
                                  "discovered": {"level": "county", "channel": "hotline", "on": "2020-02-20"}}),
                      encoding="utf-8")
    code, out, _ = run_cli("who", str(record))
    assert code == 0 and "0 项认定" in out and "各环节均按时办理" not in out
    assert "依据解释：" in out and "本方案施行日期=座谈会讲话之日（2020-03-06）" in out  # 中文（id）
    code, out, _ = run_cli("who", str(record), "--lang", "en")
    assert "rests on interpretation: " in out and "policy_in_force_from='2020-03-06'" in out
