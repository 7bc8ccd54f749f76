"""What a verdict says of a rectifier and of a line it read from a finder (session 40, review40 F1 and F2).

F2: not_rectified's reason said "{body}于{assigned}受交办整改" of every rectifier, also where the record shows the
problem was handed to another body of the level (assignment_without_rectification_duty: level_holds leaves it with
the level's rectifiers) or to the level with no body named: the reason now says what holds in every case — the body
is to rectify it, and the day the problem was assigned (一(四) 对交办问题整改落实不到位的).

F1 (and check40 C1, C2, C5): a record naming no ``sector`` takes the line of the departments it names
(sectorless_alternatives' why). A finder of a level that does not itself rectify the kind — 市医保, which presses all
medical assistance (二(六)3(5)), found it late — found it in its own line's work, which says nothing of whose part at
the county failed (二(六)3(3): 医保 approves, 财政 pays): it gives no line, and the county's 问题所属部门 answers once
(sectorless_alternatives: unresolved, cited). A county bureau that found it in its own work, an assignee or a
concealer the record names still give theirs (一(三) 分类交办; test_fidelity22's school).
"""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Jurisdiction, Policy

from .test_batch import TODAY, expected, got
from .test_fid28a import ENGINES

COUNTY = "330127"  # 淳安县

#: review40 F2: late medical assistance in the finance line (payment), handed by the county to its 医保, not rectified.
F2: dict[str, Any] = {
    "id": "F2", "area": "health", "kind": "health_assistance_late", "sector": "finance", "place": COUNTY,
    "severity": "minor", "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
    "handled": [{"action": "assigned", "by_level": "county", "to_level": "county",
                 "to_body": "county_medical_insurance", "on": "2021-03-03"}],
    "deadline": "2021-04-30", "as_of": "2021-06-30"}

#: review40 F1: the city's 医保 found late medical assistance; the city handed it to the county, naming no body.
F1: dict[str, Any] = {
    "id": "F1", "area": "health", "kind": "health_assistance_late", "place": COUNTY, "severity": "serious",
    "discovered": {"level": "city", "channel": "research_supervision", "on": "2021-03-01",
                   "body": "city_medical_insurance"},
    "handled": [{"action": "assigned", "by_level": "city", "to_level": "county", "on": "2021-03-05"}],
    "deadline": "2021-04-30", "as_of": "2021-06-30"}


def _rests(policy: Policy, record: dict[str, Any], engine: str, body: str) -> set[str]:
    """The interpretations linked to ``body``'s findings."""
    d = policy.who_answers(record, engine=engine).to_dict()  # type: ignore[arg-type]
    mine = {i for i, f in enumerate(d["findings"]) if f["body"] == body}
    assert mine, d["findings"]
    return {x["id"] for x in d["interpretations"] if mine & set(x["findings"])}


@pytest.mark.parametrize("engine", ENGINES)
def test_a_rectifier_not_handed_the_problem_is_not_said_to_have_been(policy: Policy, engine: str) -> None:
    v = policy.who_answers(F2, engine=engine)  # type: ignore[arg-type]
    told = {(f.body, f.liability): (f.reason, f.reason_en) for f in v.findings if f.basis == "not_rectified"}
    zh, en = told[("county_finance", "staff")]
    assert "受交办" not in zh and "负责整改该问题（2021-03-03交办），至2021-04-30整改未落实到位" in zh, zh
    assert "was to rectify the problem (assigned on 2021-03-03)" in en, en
    # the same words where the record names the rectifier itself
    named = {**F2, "sector": "medical_insurance"}
    v = policy.who_answers(named, engine=engine)  # type: ignore[arg-type]
    zh = next(f.reason for f in v.findings if f.basis == "not_rectified" and f.body == "county_medical_insurance")
    assert zh.startswith("县级医保部门（淳安县）负责整改该问题（2021-03-03交办）"), zh


@pytest.mark.parametrize("engine", ENGINES)
def test_a_finder_of_another_level_gives_the_record_no_line(policy: Policy, engine: str) -> None:
    v = policy.who_answers(F1, engine=engine)  # type: ignore[arg-type]
    county = {(f.body, f.basis) for f in v.findings if f.level == "county"}
    # no line: the county's 问题所属部门 once (sectorless_alternatives: unresolved), not the finder's line's bureau
    assert {("county_sector_department", "not_discovered"), ("county_sector_department", "not_rectified")} <= county
    assert not {b for b, _ in county} & {"county_medical_insurance", "county_finance"}
    assert "sectorless_alternatives" in _rests(policy, F1, engine, "county_sector_department")
    # the record's own sector names the bureau, and cites nothing
    lined = {**F1, "sector": "medical_insurance"}
    assert "sectorless_alternatives" not in _rests(policy, lined, engine, "county_medical_insurance")
    # the county 医保 that found it in its own work gives its line (二(二)3 涉及本部门问题的动态发现)
    own = {**F1, "discovered": {"level": "county", "channel": "dynamic_tracking", "on": "2021-03-01",
                                "body": "county_medical_insurance"}, "handled": []}
    assert "county_medical_insurance" in {f.body for f in policy.who_answers(own, engine=engine).findings}  # type: ignore[arg-type]
    # check40 C1: 市民政 finding a late renovation (its own 二(六)4(7) oversight) names no 县民政; 县建设 renovates
    y1 = {"id": "Y1", "area": "housing", "kind": "housing_renovation_late", "place": "330127100219",
          "severity": "minor", "discovered": {"level": "city", "channel": "research_supervision",
                                              "body": "city_civil_affairs", "on": "2021-03-01"},
          "handled": [{"action": "assigned", "by_level": "city", "to_level": "county", "on": "2021-03-03"}],
          "deadline": "2021-04-30", "as_of": "2021-06-30"}
    named = {f.body for f in policy.who_answers(y1, engine=engine).findings}  # type: ignore[arg-type]
    assert "county_construction" in named and "county_civil_affairs" not in named


def test_the_bulk_path_says_the_same(policy: Policy) -> None:
    j = Jurisdiction.example()
    records = [F1, F2, {**F1, "id": "F1s", "sector": "medical_insurance"},
               {**F1, "id": "F1h", "area": "housing", "kind": "housing_renovation_late",
                "discovered": {**F1["discovered"], "body": "city_civil_affairs"}}]
    a = policy.assess(records, jurisdiction=j, today=TODAY)
    assert got(a) == expected(policy, j, records, "compiled")


@pytest.mark.parametrize("engine", ENGINES)
def test_a_units_own_sector_is_pressed_as_its_departments_line(policy: Policy, engine: str) -> None:
    """fid40: ``sector: school`` (a unit's own line) made the city's education bureau press nothing, where
    ``sector: water_supply`` made the city's water bureau press (二(六)5(6)): 二(六)2(4)'s six departments, read by
    line, now read a unit's line as its directing department's, as a named holder's is (PolicyView.keeps_part)."""
    p = policy.with_parameters(supervision_scope="own_and_level_above")
    school = {"id": "E2", "area": "education", "kind": "education_student_not_identified", "place": "330127100219",
              "severity": "serious", "deadline": "2021-04-01", "as_of": "2021-06-30",
              "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
              "handled": [{"action": "assigned", "by_level": "county", "to_level": "county",
                           "to_body": "county_school", "on": "2021-03-03"}]}

    def pressing(sector: str) -> set[str]:
        v = p.who_answers({**school, "sector": sector}, engine=engine)  # type: ignore[arg-type]
        return {f.body for f in v.findings if f.basis == "supervision"}

    assert "city_education" in pressing("school")
    assert pressing("school") == pressing("education")
