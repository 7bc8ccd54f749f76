"""Pins from check45, a text-first check of fid45a (a wrong-body step the receiving level itself
re-routes reached it) and fid45b (acting_departments_press: a province's or city's department the
record shows acting presses under 二(二)5).

二(二)5 省市有关部门：加大调研指导和问题核查力度，负责指导督促基层问题发现和整改 does not list its
departments; the departments of a line the problem does not concern are not 有关 (二(二)3
涉及本部门问题; 二(六)4(7) 省市相关部门…督查指导农村危房改造涉及本部门的相关工作; 二(六)2(4) read
line by line under joint_guidance_every_line). A report up (上报) is not a 交办. 一(三)
县级…按照问题类别、办理权限等因素，列出问题清单、责任清单、整改清单: a county step to another
body with no part in the kind shows no such sorting.
"""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Policy

from .verdicts import batch_and_answers, verdict_under

ENGINES = ("compiled", "durable")
ACTING = "acting_departments_press"
UNRELATED = "assignment_to_body_without_part"
VILLAGE = "330127100219"


def _record(rid: str, area: str, kind: str, found: dict[str, Any], steps: list[dict[str, Any]],
            **more: Any) -> dict[str, Any]:
    return {"id": rid, "area": area, "kind": kind, "place": VILLAGE, "severity": "minor", "discovered": found,
            "handled": steps, "deadline": "2021-04-30", "as_of": "2021-06-30", **more}


def _step(by: str, to: str, body: str | None = None, on: str = "2021-03-03", action: str = "assigned"
          ) -> dict[str, Any]:
    return {"action": action, "by_level": by, "to_level": to, "on": on, **({"to_body": body} if body else {})}


def _found(level: str, body: str, channel: str = "research_supervision") -> dict[str, Any]:
    return {"level": level, "channel": channel, "on": "2021-03-01", "body": body}


#: 省财政 hands a county's poverty assets to 市教育局 (no part in assets), which forwards them to
#: 县财政局: 市教育局 only forwarded — 二(四)7 gives assets to 财政 (资金) and 扶贫、民宗 (资产);
#: 二(四)5 其他行业主管部门 help only with 本部门 funds
F1 = _record("c45-f1", "funds", "funds_assets_mismanaged",
             _found("province", "province_finance", "survey_verification"),
             [_step("province", "city", "city_education"), _step("city", "county", "county_finance", "2021-03-05")])
#: 市卫健 finds a failure of emergency supply (二(六)5(3) 县级统管单位's) and hands it to the unit
C7 = _record("c45-c7", "water", "water_emergency_failure", _found("city", "city_health"),
             [_step("city", "county", "county_water_supply_unit")])
#: 市人社 finds a student not identified (二(六)2(1)–(2): the school's and the education bureau's)
C1 = _record("c45-c1", "education", "education_student_not_identified", _found("city", "city_hrss"),
             [_step("city", "county", "county_education")])
#: 市民政 finds false renovation records the record puts in the construction line
C4 = _record("c45-c4", "housing", "housing_records_false", _found("city", "city_civil_affairs"),
             [_step("city", "county", "county_construction")], sector="construction")
#: the county had assigned its unit itself and reported to 市水利 for information (上报, not 交办)
B5 = _record("c45-b5", "water", "water_emergency_failure", _found("county", "county_water", "dynamic_tracking"),
             [_step("county", "county", "county_water_supply_unit", "2021-03-02"),
              _step("county", "city", "city_water", "2021-03-04", "reported")])
#: 市水利's own 调研督导 found it and handed it to the unit, never fixed: named (the change's own case, review44 D3 X1)
X1 = _record("c45-x1", "water", "water_emergency_failure", _found("city", "city_water"),
             [_step("city", "county", "county_water_supply_unit")], sector="water")
#: the city hands poverty assets to 县民宗局 (no part); the county enters it to 县民宗局 again (A14) or to
#: 县委组织部 (A2)
ASSETS = _found("city", "city_finance", "survey_verification")
A14 = _record("c45-a14", "funds", "funds_assets_mismanaged", ASSETS,
              [_step("city", "county", "county_ethnic_religious"),
               _step("county", "county", "county_ethnic_religious", "2021-03-05")])
A2 = _record("c45-a2", "funds", "funds_assets_mismanaged", ASSETS,
             [_step("city", "county", "county_ethnic_religious"),
              _step("county", "county", "county_organisation", "2021-03-05")])
#: the control: the county routes it to 县财政局, the body whose problem it is (fid45a's case)
D2 = _record("c45-d2", "funds", "funds_assets_mismanaged", ASSETS,
             [_step("city", "county", "county_ethnic_religious"),
              _step("county", "county", "county_finance", "2021-03-05")])


def _pressers(v: Any) -> set[str]:
    return {f.body for f in v.findings if f.basis == "supervision" and ACTING in f.rests_on}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("record", [F1, C7, C1, C4, B5], ids=lambda r: r["id"])
def test_a_department_the_problem_does_not_concern_presses_nothing(policy: Policy, engine: str,
                                                                    record: dict[str, Any]) -> None:
    """二(二)5's 有关部门 read by the problem's line (二(二)3 涉及本部门问题): a department whose line holds no
    part in the
    kind below it (市教育局 forwarding assets, 市卫健 in emergency supply, 市人社 through the guide duty
    二(六)2(4) lists
    it in, 市民政 for the construction line's records), or one a report only went up to (上报, not 交办), is not named
    under acting_departments_press, and the verdict is the one the parameter's false gives."""
    v = verdict_under(policy, record, engine)
    assert not _pressers(v)
    off = verdict_under(policy, record, engine, **{ACTING: False})
    assert {(f.body, f.basis, f.liability) for f in v.findings} == {(f.body, f.basis, f.liability)
                                                                   for f in off.findings}


@pytest.mark.parametrize("engine", ENGINES)
def test_the_department_whose_line_it_is_still_presses(policy: Policy, engine: str) -> None:
    """The change's own case stays: 市水利's 调研督导 found it and handed it to 县级统管单位 (the water line's,
    二(六)5(3)):
    named 指导督促不到位 on [一(四), 二(二)5], resting on acting_departments_press; not under false."""
    v = verdict_under(policy, X1, engine)
    f = next(f for f in v.findings if f.body == "city_water")
    assert (f.basis, f.liability, f.clauses) == ("supervision", "staff", ("一(四)", "二(二)5"))
    assert ACTING in f.rests_on
    assert "city_water" not in {f.body for f in verdict_under(policy, X1, engine, **{ACTING: False}).findings}


@pytest.mark.parametrize("record", [A14, A2], ids=lambda r: r["id"])
def test_a_county_step_to_another_body_with_no_part_leaves_it_to_the_parameter(policy: Policy,
                                                                               record: dict[str, Any]) -> None:
    """一(三) 县级…按照问题类别…列出…整改清单: the county entering it to 县民宗局 again, or to 县委组织部, shows
    no sorting
    by category, so the city's step did not visibly reach the county: the verdict rests on
    assignment_to_body_without_part, and by default (set_aside) 市财政局 answers 未按程序交办 (一(三), 一(四)) as
    before fid45a; the county's routing to 县财政局 (D2) rests on nothing of it."""
    v = verdict_under(policy, record, "compiled")
    assert UNRELATED in {r for f in v.findings for r in f.rests_on}
    f = next(f for f in v.findings if (f.body, f.basis) == ("city_finance", "not_handled"))
    assert f.clauses == ("一(三)", "一(四)") and UNRELATED in f.rests_on
    d2 = verdict_under(policy, D2, "compiled")
    assert not [f for f in d2.findings if UNRELATED in f.rests_on or (f.body, f.basis) == ("city_finance",
                                                                                           "not_handled")]


@pytest.mark.parametrize("value", [True, False])
def test_batch_equals_who_answers(policy: Policy, value: bool) -> None:
    """The batch gives exactly who_answers' rows for these records under either value."""
    got, want = batch_and_answers(policy.with_parameters(**{ACTING: value}), [F1, C7, C1, C4, B5, X1, A14, A2, D2])
    assert got == want
    assert {row[0] for row in got} >= {"c45-x1", "c45-a14"}
