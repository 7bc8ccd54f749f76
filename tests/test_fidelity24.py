"""Session 24, fid24b: fidelity of the policy view and the rules data (review23 items #3, #5, #6, #11).

Each test names the clause of 浙扶贫〔2020〕1号 that decides it; every one fails on the code and rules before the change
(the equality checks across engines and the bulk path apart)."""
from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import responsibility
from responsibility import Jurisdiction, Policy

from .test_batch import TODAY, expected, got
from .verdicts import answers as _answers
from .verdicts import rests as _rests

ENGINES = ("durable", "compiled")
VILLAGE, COUNTY = "330127100219", "330127"
NO_DUTY = "assignment_without_rectification_duty"


def _rec(area: str, kind: str | None = None, *, by: str = "county", channel: str = "verification_census",
         to: str | None = "county", to_body: str | None = None, **extra: Any) -> dict[str, Any]:
    """A problem at 富城村 found by ``by`` and assigned to ``to`` (``to_body``), not rectified by the deadline."""
    r: dict[str, Any] = {"id": "x", "area": area, "place": VILLAGE, "severity": "serious", "as_of": "2021-06-30",
                         "discovered": {"level": by, "channel": channel, "on": "2021-03-01"}}
    if kind is not None:
        r["kind"] = kind
    if to is not None:
        step: dict[str, Any] = {"action": "assigned", "by_level": by, "to_level": to, "on": "2021-03-02"}
        if to_body is not None:
            step["to_body"] = to_body
        r["handled"] = [step]
        r["deadline"] = "2021-04-30"
    return {**r, **extra}


# ------------------------------------------------------------- review23 #3: 二(二)3 涉及本部门问题, not any department


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("assignee", ["county_civil_affairs", "county_finance", "county_disabled_federation",
                                      "county_poverty_office"])
def test_a_student_handed_to_a_department_without_a_part_in_it_stays_the_schools_and_the_bureaus(
        policy: Policy, engine: str, assignee: str) -> None:
    """二(六)2(1)–(2): identifying aid recipients is the school's and the county education bureau's. 县民政局 (the list
    of low-income students), 县财政局 (paying the funds), 县残联, 县扶贫办 (assisting) have parts in education, not in
    this kind: 二(二)3 负责涉及**本部门**问题的…即时整改 does not make the one it was handed to its rectifier. An
    assignment to one with a part in the kind (the 扶贫办's lists) falls to assignment_without_rectification_duty
    (level_holds): the county's rectifiers answer; one to a body with none is no 交办 (fid38c)."""
    r = _rec("education", "education_student_not_identified", to_body=assignee)
    got_ = _answers(policy, r, engine)
    assert (assignee, "not_rectified") not in got_
    if not policy.has_kind_part("education", "education_student_not_identified", assignee):
        # (fid38c: a part in education that is not in this kind is none for an assignment — 一(三)
        # 按照问题类别…分类交办: the bureau is handed nothing, irregular_step; the county still holds the problem,
        # and the bureau that is to rectify it answers for not handling it, rectifier_holding. The 扶贫办's lists
        # give it a part in every kind)
        # (fid42d, review42 R2: the record names no holder and shows the county's own hand-over set aside — its
        # unnamed holder answers, misrouted_level_holder; kind_department names the bureau, as before)
        assert ("county_holders_unnamed", "not_handled") in got_
        assert {"irregular_step", "misrouted_level_holder"} <= set(_rests(policy, r, engine))
        kept = _answers(policy.with_parameters(misrouted_level_holder="kind_department"), r, engine)
        assert ("county_education", "not_handled") in kept
        return
    assert {("county_education", "not_rectified"), ("county_school", "not_rectified")} <= got_
    assert NO_DUTY in _rests(policy, r, engine)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("area", "kind", "assignee", "rectifier"), [
    ("housing", "housing_danger_unreported", "county_natural_resources", "county_construction"),
    ("projects", "project_not_deliberated", "county_water", "county_poverty_office"),
    ("funds", "funds_assets_mismanaged", "county_water", "county_finance"),
    ("basic_needs", "basic_needs_payment_late", "county_hrss", "county_civil_affairs"),
])
def test_a_kind_handed_to_a_department_of_another_part_of_the_area(
        policy: Policy, engine: str, area: str, kind: str, assignee: str, rectifier: str) -> None:
    """The same across areas (review23 #3's sweep: 37 of 41 county kinds had such departments): a department whose
    part in the area is not in the kind (自然资源's building land is not a dangerous house unreported, 二(六)4(4);
    a water project is not a village's undeliberated one, 二(五)1–3) is not its rectifier through 二(二)3."""
    r = _rec(area, kind, to_body=assignee)
    got_ = _answers(policy, r, engine)
    assert (assignee, "not_rectified") not in got_
    # (fid38c: nor is it handed the problem at all — 一(三) 按照问题类别…分类交办, irregular_step: the county still
    # holds it, and its rectifier answers for not handling it, rectifier_holding, not for an assignment it never had)
    assert not policy.has_kind_part(area, kind, assignee)
    # (the kind's department for a record naming no line: 县财政局's funds are 问题所属部门's, sectorless_alternatives)
    # (fid42d, review42 R2: the county's unnamed holder by misrouted_level_holder where the record gives no line —
    # 县水利局 named gives a project its line; kind_department: as before)
    assert {(rectifier, "not_handled"), ("county_sector_department", "not_handled"),
            ("county_holders_unnamed", "not_handled")} & got_
    assert "irregular_step" in _rests(policy, r, engine)
    kept = _answers(policy.with_parameters(misrouted_level_holder="kind_department"), r, engine)
    assert (rectifier, "not_handled") in kept or ("county_sector_department", "not_handled") in kept


@pytest.mark.parametrize("engine", ENGINES)
def test_a_department_with_a_part_in_the_kind_still_rectifies_through_its_line(policy: Policy, engine: str) -> None:
    """Unchanged where the kind gives the department's line a duty: a late project handed to 县水利局 (二(五)3
    各相关部门负责对各自业务范围的项目…检查、验收) is its to rectify (二(二)3), and the parameter is not rested on."""
    r = _rec("projects", "project_late_or_unfinished", to_body="county_water")
    assert ("county_water", "not_rectified") in _answers(policy, r, engine)
    assert NO_DUTY not in _rests(policy, r, engine)


def test_line_concerned_reads_the_kind(policy: Policy) -> None:
    """涉及本部门问题 per kind: 县民政局 is concerned by a missing list (its own, 二(六)2(2)), not by a student the
    school did not identify; without a kind, by any education problem (the record's sector says whose it is)."""
    lc = policy.line_concerned
    assert lc("education", "county_civil_affairs")
    assert lc("education", "county_civil_affairs", "education_lists_not_provided")
    assert not lc("education", "county_civil_affairs", "education_student_not_identified")
    assert lc("education", "city_civil_affairs", "education_student_not_identified")  # 二(六)2(4) 指导、协调
    assert not policy.has_rectification_duty("education", "education_student_not_identified",
                                             "county_civil_affairs", policy.level_rank["village"])


def test_named_assignees_agree_across_engines_and_bulk(policy: Policy, province: Jurisdiction) -> None:
    """The fix is in the policy view (has_rectification_duty), which both engines and the bulk tables read."""
    county = [b for b, x in policy.bodies.items() if x.level == "county" and x.sector and not x.role]
    kinds = [("education", "education_student_not_identified"), ("housing", "housing_danger_unreported"),
             ("funds", "funds_assets_mismanaged"), ("projects", "project_late_or_unfinished"),
             ("basic_needs", "basic_needs_contact_missing"), ("water", "water_unsafe_unreported")]
    village = province.at_level("village")[0].code
    records = [_rec(area, kind, to_body=b, place=village, id=f"a{i}")
               for i, ((area, kind), b) in enumerate(itertools.product(kinds, county))]
    a = policy.assess(records, jurisdiction=province, today=TODAY)
    assert got(a) == expected(policy, province, records, "compiled")
    assert got(a) == expected(policy, province, records, "durable")


# ------------------------------------------------- review23 #5: a kindless 问题发现 record is a 扶贫领域具体问题


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("by", "channel", "extra"), [
    ("province", "survey_verification", {"rectified_on": "2021-04-01"}),  # review23's S? record
    ("county", "verification_census", {}),  # S6: assigned to the county, never rectified
    ("county", "verification_census", {"handled": []}),  # found, sat on
    ("city", "survey_verification", {"handled": []}),
])
def test_a_kindless_discovery_record_answers_as_a_specific_problem(
        policy: Policy, engine: str, by: str, channel: str, extra: dict[str, Any]) -> None:
    """二(二)1–2 村、乡镇对涉及本村/本乡镇扶贫领域具体问题的发现和整改工作负责; 二(二)3 成员单位 only 涉及本部门问题:
    the area's stages are the defaults of the other areas' kinds, and read as its own they named
    县（市、区）行业主管部门 for a record that, with ``kind: specific_problem``, names no county department
    (probe10 P10-14). discovery.yaml ``kind_when_none: specific_problem``."""
    r = {**_rec("discovery", by=by, channel=channel, to="county"), **extra}
    if not r.get("handled"):
        r.pop("handled", None)
        r.pop("deadline", None)
    none = _answers(policy, r, engine)
    assert none == _answers(policy, {**r, "kind": "specific_problem"}, engine)
    assert not {b for b, _ in none} & {"county_sector_department", "city_sector_department"}


@pytest.mark.parametrize("engine", ENGINES)
def test_a_kindless_discovery_record_assigned_to_the_county_has_its_keeper_rectify(policy: Policy, engine: str) -> None:
    """一(三) 县级…列出问题清单、责任清单、整改清单: the county's keeper (县扶贫办) holds it, as for specific_problem; a
    record's sector still names its department (二(二)3 涉及本部门问题)."""
    r = _rec("discovery")
    assert ("county_poverty_office", "not_rectified") in _answers(policy, r, engine)
    assert ("county_water", "not_rectified") in _answers(policy, {**r, "sector": "water"}, engine)


def test_kind_when_none_must_name_a_kind_of_its_area(rules_copy: Path) -> None:
    f = rules_copy / "areas" / "discovery.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("kind_when_none: specific_problem",
                                                      "kind_when_none: specific_problems"), encoding="utf-8")
    with pytest.raises(responsibility.RulesError, match="specific_problems"):
        responsibility.load(rules_copy)


# ------------------------------------------- review23 #6: no unresolved role beside the rectifier the text names


@pytest.mark.parametrize("engine", ENGINES)
def test_a_late_renovation_names_the_construction_bureau_not_an_unnamed_department(policy: Policy, engine: str) -> None:
    """二(六)4(3) 县建设部门负责…危房鉴定、改造补助资金审核工作: a late renovation assigned to the county is the
    construction bureau's to rectify. 二(六)4(4)'s parts (民政 身份信息对比, 自然资源 建设用地, 财政 补贴) are each a
    named department's; a record that does not say which failed names no 问题所属部门 beside it, nor the city's
    departments of 二(六)4(7) 涉及本部门的相关工作 pressing; a record naming the part names that department with its
    duty."""
    r = _rec("housing", "housing_renovation_late", by="city", channel="survey_verification")
    got_ = _answers(policy, r, engine)
    assert ("county_construction", "not_rectified") in got_
    assert not {b for b, _ in got_} & {"county_sector_department", "city_sector_department"}
    v = policy.who_answers({**r, "sector": "natural_resources"}, engine=engine)  # type: ignore[arg-type]
    land = [f for f in v.findings if f.body == "county_natural_resources" and f.basis == "not_rectified"]
    assert land and "二(六)4(4)" in land[0].clauses


@pytest.mark.parametrize("engine", ENGINES)
def test_false_renovation_records_are_not_an_unnamed_departments_to_find(policy: Policy, engine: str) -> None:
    """二(六)4(4) 民政…身份信息对比 would find a false status, not a false appraisal or acceptance record: named only
    for a record of the civil-affairs line."""
    r = _rec("housing", "housing_records_false", by="city", channel="survey_verification", to=None)
    got_ = _answers(policy, r, engine)
    assert ("county_construction", "not_discovered") in got_
    assert "county_sector_department" not in {b for b, _ in got_}
    assert ("county_civil_affairs", "not_discovered") in _answers(policy, {**r, "sector": "civil_affairs"}, engine)


def test_line_named_only_lists_own_sector_duties_of_the_kinds_stage(rules_copy: Path) -> None:
    f = rules_copy / "areas" / "housing.yaml"
    text = f.read_text(encoding="utf-8")
    f.write_text(text.replace("      supervision: [housing_province_city_departments_guide]\n",
                              "      supervision: [housing_county_construction_oversee]\n", 1), encoding="utf-8")
    with pytest.raises(responsibility.RulesError, match="own_sector"):
        responsibility.load(rules_copy)
    f.write_text(text.replace("      supervision: [housing_province_city_departments_guide]\n",
                              "      supervision: [housing_county_finance_subsidy]\n", 1), encoding="utf-8")
    with pytest.raises(responsibility.RulesError, match="housing_county_finance_subsidy"):
        responsibility.load(rules_copy)


def test_roles_left_aside_agree_across_engines_and_bulk(policy: Policy, province: Jurisdiction) -> None:
    """Both engines and the bulk path leave the role aside alike (the compiled rules keep it, so that a record's
    sector resolves it to its department; the decider drops it for a record naming none)."""
    village = province.at_level("village")[0].code
    kinds = [("housing", "housing_renovation_late"), ("housing", "housing_records_false"),
             ("housing", "housing_subsidy_irregular"), ("discovery", None), ("discovery", "specific_problem")]
    records = []
    for i, ((area, kind), sector, by) in enumerate(itertools.product(
            kinds, (None, "civil_affairs", "finance", "natural_resources", "water"), ("city", "county"))):
        if sector is not None and sector not in policy.sectors_with_part(area):
            continue
        r = _rec(area, kind, by=by, channel="survey_verification" if by == "city" else "verification_census",
                 place=village, id=f"r{i}")
        if sector is not None:
            r["sector"] = sector
        records += [r, {**r, "id": f"n{i}", "handled": [], "deadline": None}]
    for r in records:
        if not r["handled"]:
            del r["handled"], r["deadline"]
    a = policy.assess(records, jurisdiction=province, today=TODAY)
    assert got(a) == expected(policy, province, records, "compiled")
    assert got(a) == expected(policy, province, records, "durable")


# ------------------------------------ review24 #0: a sectored record handed to a department of another line


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("area", "kind", "sector", "assignee", "rectifier"), [
    ("housing", "housing_renovation_late", "construction", "county_civil_affairs", "county_construction"),
    ("funds", "funds_diverted", "water", "county_health", "county_water"),
    ("basic_needs", "basic_needs_approval_late", "civil_affairs", "county_hrss", "county_civil_affairs"),
])
def test_a_sectored_problem_handed_to_another_lines_department(
        policy: Policy, engine: str, area: str, kind: str, sector: str, assignee: str, rectifier: str) -> None:
    """A record naming its line (a renovation whose construction part failed; 县水利局's funds diverted, 二(四)5
    本部门扶贫领域资金) handed to a department of another line: that department's parts (二(六)4(4) 民政
    身份信息对比; 二(四)5 for its own funds) are not this problem's, so it is not named on 一(四) alone; the
    assignment falls to assignment_without_rectification_duty (level_holds: the line's department answers) — or,
    where the department has no part in the kind at all, is no 交办 (irregular_step; fid38c)."""
    r = _rec(area, kind, to_body=assignee, sector=sector)
    got_ = _answers(policy, r, engine)
    assert (assignee, "not_rectified") not in got_
    if not policy.has_kind_part(area, kind, assignee, sector):
        # (fid38c: 县人社局's part in 两不愁 is employment, none in approval — handed nothing, irregular_step:
        # the county still holds it and the line's department answers for not handling it)
        assert (rectifier, "not_handled") in got_
        assert "irregular_step" in _rests(policy, r, engine)
        return
    assert (rectifier, "not_rectified") in got_
    assert NO_DUTY in _rests(policy, r, engine)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_sectored_problem_of_a_kind_that_gives_the_line_nothing(policy: Policy, engine: str) -> None:
    """The record's line names the assignee's own line, but the kind gives that line no duty: 二(六)1(4) gives the
    monthly cadre contact to 县（市、区）党委、政府 alone, so 县民政局 handed a missed contact is not its rectifier
    through 二(二)3 涉及本部门问题 (as without a sector, review23 #3); the county's leaders answer."""
    r = _rec("basic_needs", "basic_needs_contact_missing", to_body="county_civil_affairs", sector="civil_affairs")
    got_ = _answers(policy, r, engine)
    assert ("county_civil_affairs", "not_rectified") not in got_
    # (fid38c: nor is it handed the problem — 一(三) 按照问题类别…分类交办, irregular_step: the county still
    # holds it, and its holders of the kind answer for not handling it: its Party committee and government, whose
    # item it is, together — fid62, check57 #5; before, receiving_level_body's stand-in, unresolved)
    assert not any(b == "county_civil_affairs" for b, _ in got_)
    assert {("county_party_committee", "not_handled"), ("county_government", "not_handled")} <= got_
    assert ("county_holders_unnamed", "not_handled") not in got_
    assert "irregular_step" in _rests(policy, r, engine)


@pytest.mark.parametrize("engine", ENGINES)
def test_no_named_assignee_answers_on_the_general_clauses_alone(policy: Policy, engine: str) -> None:
    """review24 #0's sweep, a sample: every county department handed a county problem of each kind with each line it
    can name: an assignee named not_rectified cites a duty of its own (a clause other than 一(三)/一(四)), or is the
    county's keeper of the problem lists (一(三) 县级…列出问题清单、责任清单、整改清单)."""
    depts = ["county_civil_affairs", "county_finance", "county_education", "county_construction", "county_water",
             "county_health", "county_poverty_office", "county_school"]
    kinds = [("housing", "housing_renovation_late"), ("funds", "funds_diverted"),
             ("education", "education_aid_not_paid"), ("basic_needs", "basic_needs_payment_late"),
             ("water", "water_facilities_unmaintained"), ("projects", "project_late_or_unfinished")]
    for (area, kind), sector, assignee in itertools.product(kinds, sorted(policy.sectors), depts):
        if sector not in policy.sectors_with_part(area) or policy.bodies[assignee].sector == sector:
            continue
        v = policy.who_answers(_rec(area, kind, place=COUNTY, to_body=assignee, sector=sector),  # type: ignore[arg-type]
                               engine=engine)
        for f in v.findings:
            if f.body == assignee and f.basis == "not_rectified":
                assert set(f.clauses) - {"一(三)", "一(四)"} or assignee == "county_poverty_office", (kind, sector, f)


def _departments(policy: Policy) -> list[str]:
    return sorted(b for b, x in policy.bodies.items() if x.level == "county" and x.sector and not x.role
                  and x.sector in policy.member_lines and x.kind in ("department", "office", "unit", "school"))


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_another_lines_department_handed_a_sectored_problem_answers_as_its_level_would(
        policy: Policy, data: st.DataObject) -> None:
    """An invariant over every county kind, line and county department of another line (review24's sweep: 1,124 of
    4,563 records): the department handed the problem answers not_rectified only if the same record handed to the
    county as a whole names it so, as the rectifier the text gives that line (二(二)3 本部门; the kind's clauses)."""
    kinds = [(a, k) for a, k in policy.data_kinds() if policy.kinds[(a, k)].authority == "county"]
    area, kind = data.draw(st.sampled_from(kinds))
    sector = data.draw(st.sampled_from(sorted(policy.sectors_with_part(area))))
    assignee = data.draw(st.sampled_from([b for b in _departments(policy)
                                          if policy.bodies[b].sector != sector]))
    engine = data.draw(st.sampled_from(ENGINES))
    handed = _answers(policy, _rec(area, kind, to_body=assignee, sector=sector), engine)
    whole = _answers(policy, _rec(area, kind, sector=sector), engine)
    if (assignee, "not_rectified") in handed:
        assert (assignee, "not_rectified") in whole, (kind, sector, assignee, engine)


def test_sectored_assignees_agree_across_engines_and_bulk(policy: Policy, province: Jurisdiction) -> None:
    """A record naming a sector takes the bulk path's reference reading (batch/_tables SLOW_FIELDS): assess agrees
    with both engines on the records of the cases above."""
    village = province.at_level("village")[0].code
    cases = [("housing", "housing_renovation_late", "construction"), ("funds", "funds_diverted", "water"),
             ("basic_needs", "basic_needs_contact_missing", "civil_affairs"),
             ("projects", "project_late_or_unfinished", "water")]
    records = [_rec(area, kind, to_body=b, place=village, sector=sector, id=f"s{i}")
               for i, ((area, kind, sector), b) in enumerate(itertools.product(cases, _departments(policy)))]
    a = policy.assess(records, jurisdiction=province, today=TODAY)
    assert got(a) == expected(policy, province, records, "compiled")
    assert got(a) == expected(policy, province, records, "durable")
