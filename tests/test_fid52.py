"""fid52: a record's line the text gives no part in its kind, at the county too; a late hand-over's stand-in; a
department overseeing every line handed a problem whose fixing is another's.

1. check51 #1's principle (``untied_line``: a line whose department at a level the text gives no part in the kind's
   area says nothing of who of that level had it; the level answers as for a record naming no line) was applied at the
   city and the province only. At the county the same record dropped bodies or clauses unannounced: a funds
   allocation a record put in 审计's line lost the 问题所属部门's 整改不到位 (二(四)4–5) and named 县财政 alone
   未及时交办上报; false health materials put in 卫健's line named 县医保局 with no duty clause (its 二(六)3(3) and
   二(二)3 dropped). Now the county answers as for the sectorless record and the verdict lists ``untied_line``
   (fid51's left item, check50 #4 at the county, rules51 63cbd6a2-1).
2. A county handing a report late to the kind's own department (check51b #3, X06) is named as the body of it with the
   duty to pass problems on that the record does not name (县（市、区）负有该问题交办上报职责的机构（记录未写明）,
   一(三)'s keeper), not 县行业主管部门（问题所属部门）, which stood for the very department the record shows did not
   have it.
3. A department whose every duty in an area reaches every line (县财政, 二(四)3 全面监管) handed a kind whose fixing the
   text gives others (a missing performance evaluation: 二(四)4–5 组织实施绩效评价) holds no duty to rectify it through
   二(二)3 即时整改 (rules51's left item 4b): assignment_without_rectification_duty decides, and by default the 问题
   所属部门 answers 整改不到位 while 县财政 presses (二(四)3).
"""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Policy

from .verdicts import batch_and_answers, found, rested
from .verdicts import verdict_under as verdict

ENGINES = ("compiled", "durable")
RECEIVER = "receiving_level_body"
ASSIGNMENT = "assignment_without_rectification_duty"
VILLAGE = "330127100219"


def _county(v: Any) -> set[tuple[str, str, tuple[str, ...]]]:
    return {(f.body, f.basis, tuple(f.clauses)) for f in v.findings if f.level == "county"}


def _city_audit(rid: str, area: str, kind: str, sector: str | None, to_body: str | None = None) -> dict[str, Any]:
    """A city audit finds it on 03-01 and hands it to the county on 03-03; unrectified by the deadline."""
    step: dict[str, Any] = {"action": "assigned", "by_level": "city", "to_level": "county", "on": "2021-03-03"}
    if to_body:
        step["to_body"] = to_body
    r = {"id": rid, "area": area, "kind": kind, "place": VILLAGE,
         "discovered": {"level": "city", "channel": "audit", "on": "2021-03-01"},
         "handled": [step], "deadline": "2021-04-30", "as_of": "2021-06-30"}
    return {**r, "sector": sector} if sector else r


def _hotline(rid: str, area: str, kind: str, sector: str | None) -> dict[str, Any]:
    """The county hotline finds it on 03-01; nobody named receives it and nothing is done."""
    r = {"id": rid, "area": area, "kind": kind, "place": VILLAGE,
         "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"}, "as_of": "2021-06-30"}
    return {**r, "sector": sector} if sector else r


# ------------------------------------------------------------------ 1. an untied line at the county

UNTIED = [  # (area, kind, a line whose county department the text gives no part in the kind)
    ("funds", "funds_allocation_irregular", "audit"),
    ("funds", "funds_diverted", "audit"),
    ("health", "health_false_materials", "health"),
    ("housing", "housing_renovation_late", "disabled_federation"),
    ("education", "education_aid_not_paid", "hrss"),
]
SHAPES = {"city": _city_audit, "hotline": _hotline}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("value", ["unresolved", "handling_holders"])
@pytest.mark.parametrize(("area", "kind", "line"), UNTIED)
def test_an_untied_line_leaves_the_county_as_a_record_naming_none(policy: Policy, engine: str, value: str,
                                                                    area: str, kind: str, line: str) -> None:
    for shape, make in SHAPES.items():
        lined = verdict(policy, make(f"fid52-{kind}-{shape}", area, kind, line), engine, **{RECEIVER: value})
        plain = verdict(policy, make(f"fid52-{kind}-{shape}-none", area, kind, None), engine, **{RECEIVER: value})
        assert _county(lined) == _county(plain), (shape, _county(lined) ^ _county(plain))
        assert "untied_line" in rested(lined), shape
        # (on the role's findings, in place of its own "the record does not say which": fid58)
        assert next(i for i in lined.interpretations if i.id == "untied_line").findings == tuple(
            n for n, f in enumerate(lined.findings) if f.body.endswith("_sector_department"))


@pytest.mark.parametrize("engine", ENGINES)
def test_a_funds_allocation_in_the_audit_line_keeps_the_problems_department(policy: Policy, engine: str) -> None:
    # before: 县财政 alone (its 二(二)3 dropped), the 问题所属部门's 整改不到位 (二(四)4–5) gone; the county hotline's
    # find named 县财政 未及时交办上报 in place of the 问题所属部门
    v = verdict(policy, _city_audit("fid52-1a", "funds", "funds_allocation_irregular", "audit"), engine)
    assert ("county_sector_department", "not_rectified", ("一(四)", "二(二)3", "二(四)4", "二(四)5")) in _county(v)
    assert ("county_finance", "not_rectified", ("一(四)", "二(二)3", "二(四)3")) in _county(v)
    v = verdict(policy, _hotline("fid52-1b", "funds", "funds_allocation_irregular", "audit"), engine)
    assert {(b, basis) for b, basis, _ in _county(v)} == {("county_sector_department", "not_handled")}


@pytest.mark.parametrize("engine", ENGINES)
def test_false_health_materials_in_the_health_line_cite_the_insurance_bureau_s_duty(policy: Policy,
                                                                                     engine: str) -> None:
    # before: 县医保局 not_handled [一(三), 一(四)] — no duty clause; 县卫健局 has no part at the county (二(六)3(3))
    v = verdict(policy, _hotline("fid52-1c", "health", "health_false_materials", "health"), engine)
    assert _county(v) == {("county_medical_insurance", "not_handled", ("一(三)", "一(四)", "二(二)3", "二(六)3(3)"))}


@pytest.mark.parametrize("engine", ENGINES)
def test_a_tied_line_still_names_its_department_at_the_county(policy: Policy, engine: str) -> None:
    v = verdict(policy, _hotline("fid52-1d", "funds", "funds_allocation_irregular", "finance"), engine)
    assert {(b, basis) for b, basis, _ in _county(v)} == {("county_finance", "not_handled")}
    assert "untied_line" not in rested(v)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_city_policy_gap_in_an_untied_line_is_the_city_s_sectorless_answer(policy: Policy, engine: str) -> None:
    # the same reading at the city: the water line said nothing of which of 二(四)7's departments had a funds rules
    # gap, and the one left among the line's holders (市财政) was named
    v = verdict(policy, _city_audit("fid52-1e", "funds", "funds_rules_gap", "water"), engine)
    city = {(f.body, f.basis) for f in v.findings if f.level == "city"}
    assert ("city_sector_department", "not_handled") in city and ("city_finance", "not_handled") not in city
    assert "untied_line" in rested(v)


@pytest.mark.parametrize("value", ["unresolved", "handling_holders"])
def test_untied_lines_batch_equals_who_answers(policy: Policy, value: str) -> None:
    records = [make(f"fid52-b-{kind}-{shape}-{line}", area, kind, line)
               for area, kind, line in UNTIED for shape, make in SHAPES.items()]
    records.append(_city_audit("fid52-b-rules-gap", "funds", "funds_rules_gap", "water"))
    got, want = batch_and_answers(policy.with_parameters(**{RECEIVER: value}), records)
    assert got == want


# ------------------------------------------------------------------ 2. X06: a late hand-over's stand-in

X06 = {
    "id": "fid52-X06", "area": "housing", "kind": "housing_renovation_late", "place": VILLAGE,
    "discovered": {"level": "township", "channel": "grid", "on": "2021-03-01"},
    "handled": [
        {"action": "reported", "by_level": "township", "to_level": "county", "on": "2021-03-02"},
        {"action": "assigned", "by_level": "county", "to_level": "county", "on": "2021-03-25",
         "to_body": "county_construction"},
    ],
    "deadline": "2021-04-30", "rectified_on": "2021-04-20", "as_of": "2021-06-30",
}


@pytest.mark.parametrize("engine", ENGINES)
def test_a_county_handing_a_report_late_to_the_kind_s_department_is_its_unnamed_holder(policy: Policy,
                                                                                        engine: str) -> None:
    v = verdict(policy, X06, engine)
    assert _county(v) == {("county_holders_unnamed", "not_handled", ("一(三)", "一(四)"))}
    assert RECEIVER in rested(v)
    # (handling_holders names the level's holders other than the department it handed it to late: the keeper)
    v = verdict(policy, X06, engine, **{RECEIVER: "handling_holders"})
    assert _county(v) == {("county_poverty_office", "not_handled", ("一(三)", "一(四)"))}


@pytest.mark.parametrize("value", ["unresolved", "handling_holders"])
def test_x06_batch_equals_who_answers(policy: Policy, value: str) -> None:
    got, want = batch_and_answers(policy.with_parameters(**{RECEIVER: value}), [X06])
    assert got == want


# ------------------------------------------------------------------ 3. an every-line department handed the fixing

EVALUATION = _city_audit("fid52-3", "funds", "funds_performance_evaluation_missing", None, "county_finance")


@pytest.mark.parametrize("engine", ENGINES)
def test_finance_handed_a_missing_evaluation_presses_and_the_department_fixes(policy: Policy, engine: str) -> None:
    v = verdict(policy, EVALUATION, engine)
    assert ("county_sector_department", "not_rectified") in found(v)
    assert ("county_finance", "not_rectified") not in found(v)
    assert ("county_finance", "supervision", ("一(四)", "二(四)3")) in _county(v)
    assert ASSIGNMENT in rested(v)
    # (assignee: the body named answers as assignee, as before)
    v = verdict(policy, EVALUATION, engine, **{ASSIGNMENT: "assignee"})
    assert ("county_finance", "not_rectified") in found(v)
    assert ASSIGNMENT in rested(v)


@pytest.mark.parametrize("value", ["level_holds", "assignee"])
def test_every_line_assignee_batch_equals_who_answers(policy: Policy, value: str) -> None:
    records = [EVALUATION, _city_audit("fid52-3b", "funds", "funds_poor_performance", None, "county_finance")]
    got, want = batch_and_answers(policy.with_parameters(**{ASSIGNMENT: value}), records)
    assert got == want


# ------------------------------------------------------------------ the eager reference reads them alike

WATER_GAP = {"id": "fid52-W", "area": "water", "kind": "water_policy_gap", "sector": "water", "place": VILLAGE,
             "discovered": {"level": "province", "channel": "survey_verification", "on": "2021-03-01"},
             "as_of": "2021-06-30"}


@pytest.mark.parametrize("health", [False, True])
def test_the_eager_reference_lists_what_the_verdict_lists(policy: Policy, health: bool) -> None:
    # (test_verdict_lazy's EagerDecider read a duty's raw applies_if: under water_policy_health_departments=true it
    # listed the parameter on 省水利, which holds the reading it replaces too — switch_of, as the decider reads it;
    # fid51b's left item 1)
    from responsibility import Jurisdiction

    from .test_verdict_lazy import ENGINES as LAZY_ENGINES
    from .test_verdict_lazy import reference, same

    view = policy.with_parameters(water_policy_health_departments=health)
    j = Jurisdiction.example()
    records = [WATER_GAP, X06, EVALUATION, *(make(f"fid52-e-{kind}-{shape}", area, kind, line)
                                             for area, kind, line in UNTIED for shape, make in SHAPES.items())]
    for record in records:
        for engine in LAZY_ENGINES:
            same(view.who_answers(record, engine=engine), reference(view, record, j, engine))  # type: ignore[arg-type]
