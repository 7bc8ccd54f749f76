"""fid43a (session 43): two readings of project management made named parameters (review42 R4, R5).

- ledger_county_rectifier (new, default true): whether a county line department rectifies the project ledger the
  township keeps (二(五)2 乡镇…并做好项目台账资料) as a problem 涉及本部门 (二(二)3). A county body named for
  sitting on it as its own work (rectifier_holding) says so; under false it only passes it on (负有交办上报职责).
  二(五)3 民宗和财政等相关部门负责相应的项目指导、协调和管理 is no longer read as rectifying the township's ledger.
- joined_records_both_halves (new, default false): a record of project_records_incomplete does not say whether the
  township's ledger (二(五)2) or 县扶贫办's entry into the national system (二(五)3) failed, so by default neither
  half's own holder is named 应发现未发现: only the county's part common to both (二(五)3 县（市、区）行业主管部门,
  the role once, unresolved; the office for a record in its own line). true gives the answer before (both halves)."""
from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from responsibility import Jurisdiction, Policy

TODAY = dt.date(2021, 6, 30)
ENGINES = ("compiled", "durable")
LEDGER = "ledger_county_rectifier"
JOINED = "joined_records_both_halves"

#: review42 E03: the township reports its own ledger gap to the county (no body named), fixed 80 days on
E03: dict[str, Any] = {
    "id": "fid43a-e03", "area": "projects", "kind": "project_ledger_incomplete", "place": "330127100000",
    "severity": "minor", "discovered": {"level": "township", "channel": "verification_census", "on": "2021-03-01"},
    "handled": [{"action": "reported", "by_level": "township", "to_level": "county", "on": "2021-03-04"}],
    "rectified_on": "2021-05-20", "as_of": "2021-06-30"}
#: review42 Q03: the same, a water project's ledger
Q03: dict[str, Any] = {**E03, "id": "fid43a-q03", "sector": "water"}
#: projects38 p38-09b: the county audit hands a water project's ledger gap to 县水利局, not fixed by the deadline
P38_09B: dict[str, Any] = {
    "id": "fid43a-p38-09b", "area": "projects", "kind": "project_ledger_incomplete", "place": "330127100219",
    "severity": "minor", "discovered": {"level": "county", "channel": "audit", "on": "2021-03-01"},
    "handled": [{"action": "assigned", "by_level": "county", "to_level": "county", "to_body": "county_water",
                 "on": "2021-03-02"}],
    "deadline": "2021-03-31", "as_of": "2021-06-30"}
#: review42 P19: the city finds a project's ledger or entry incomplete (the record does not say which) at the county
P19: dict[str, Any] = {
    "id": "fid43a-p19", "area": "projects", "kind": "project_records_incomplete", "place": "330127",
    "severity": "minor",
    "discovered": {"level": "city", "channel": "research_supervision", "on": "2021-03-01",
                   "body": "city_poverty_office"},
    "handled": [{"action": "assigned", "by_level": "city", "to_level": "county", "on": "2021-03-03"}],
    "deadline": "2021-04-30", "rectified_on": "2021-04-20", "as_of": "2021-06-30"}
#: review31 R31-100 / fid31d f31d-8: the province's e-mail box finds it at a township
F31D_8: dict[str, Any] = {
    "id": "fid43a-f31d-8", "area": "projects", "kind": "project_records_incomplete", "place": "330127100",
    "severity": "serious", "discovered": {"level": "province", "channel": "email", "on": "2021-03-01"},
    "as_of": "2021-06-30"}


def _verdict(policy: Policy, record: dict[str, Any], engine: str, **values: Any) -> Any:
    p = policy.with_parameters(**values) if values else policy
    return p.who_answers(record, jurisdiction=Jurisdiction.example(), engine=engine, today=TODAY)  # type: ignore[arg-type]


def _county(v: Any) -> list[Any]:
    return [f for f in v.findings if f.level == "county"]


# --- R4: ledger_county_rectifier ----------------------------------------------------------------------------------

@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("record", [E03, Q03], ids=["no-sector", "water"])
def test_a_county_holding_the_townships_ledger_as_its_own_work_says_it_rests_on_the_reading(
        policy: Policy, record: dict[str, Any], engine: str) -> None:
    # review42 R4: 县水利部门 (the role, without a sector) was named 本身负责该问题的办理和整改 with no reading cited
    [f] = _county(_verdict(policy, record, engine))
    assert f.basis == "not_handled"
    assert "本身负责该问题的办理和整改" in f.reason
    assert LEDGER in f.rests_on and "rectifier_holding" in f.rests_on


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("record", [E03, Q03], ids=["no-sector", "water"])
def test_under_false_the_county_holder_only_passes_the_townships_ledger_on(
        policy: Policy, record: dict[str, Any], engine: str) -> None:
    [f] = _county(_verdict(policy, record, engine, **{LEDGER: False}))
    assert (f.body, f.basis) == (("county_water" if "sector" in record else "county_sector_department"),
                                 "not_handled")
    assert "负有交办上报职责" in f.reason and "本身负责" not in f.reason
    assert "rectifier_holding" not in f.rests_on


@pytest.mark.parametrize("engine", ENGINES)
def test_the_management_of_projects_is_not_read_as_rectifying_the_townships_ledger(policy: Policy,
                                                                                   engine: str) -> None:
    # 二(五)3 民宗和财政等相关部门负责相应的项目指导、协调和管理: the county water bureau handed a water project's
    # ledger (p38-09b) is its assignee only by ledger_county_rectifier's reading of 二(二)3, which its finding cites
    [f] = [f for f in _county(_verdict(policy, P38_09B, engine)) if f.basis == "not_rectified"]
    assert f.body == "county_water" and f.clauses == ("一(四)", "二(二)3")
    assert LEDGER in f.rests_on
    off = _county(_verdict(policy, P38_09B, engine, **{LEDGER: False}))
    assert not [f for f in off if f.basis == "not_rectified"]


# --- R5: joined_records_both_halves -------------------------------------------------------------------------------

@pytest.mark.parametrize("engine", ENGINES)
def test_a_joined_record_names_the_county_role_once_not_both_halves(policy: Policy, engine: str) -> None:
    # review42 R5: 县扶贫办 (录入) and 县行业主管部门 (检查、验收) were both named 应发现未发现 with no parameter cited
    v = _verdict(policy, P19, engine)
    assert [(f.body, f.basis) for f in v.findings] == [("county_sector_department", "not_discovered")]
    assert JOINED in v.findings[0].rests_on
    assert JOINED in {i.id for i in v.interpretations}


@pytest.mark.parametrize("engine", ENGINES)
def test_true_names_both_halves_as_before(policy: Policy, engine: str) -> None:
    v = _verdict(policy, P19, engine, **{JOINED: True})
    assert {(f.body, f.basis) for f in v.findings} == {("county_poverty_office", "not_discovered"),
                                                       ("county_sector_department", "not_discovered")}
    office = next(f for f in v.findings if f.body == "county_poverty_office")
    assert "并及时录入全国扶贫开发信息系统项目管理板块" in office.reason and JOINED in office.rests_on


@pytest.mark.parametrize("engine", ENGINES)
def test_the_township_is_named_for_the_ledger_only_under_true(policy: Policy, engine: str) -> None:
    # f31d-8 (R31-100): a township place; the ledger half is the township's (二(五)2), the entry half is not
    def township(v: Any) -> list[Any]:
        return [f for f in v.findings if f.body == "township_government" and f.basis == "not_discovered"]
    assert not township(_verdict(policy, F31D_8, engine))
    on = township(_verdict(policy, F31D_8, engine, **{JOINED: True}))
    assert on and all("二(五)2" in f.clauses for f in on)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_joined_record_in_the_offices_own_line_names_the_office(policy: Policy, engine: str) -> None:
    # both halves are the office's in its own line (the entry; the inspection of its own line's projects)
    v = _verdict(policy, {**P19, "sector": "poverty_office"}, engine)
    assert [(f.body, f.basis) for f in v.findings] == [("county_poverty_office", "not_discovered")]


# --- the bulk path -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("values", [{}, {LEDGER: False}, {JOINED: True}, {LEDGER: False, JOINED: True}])
def test_the_bulk_path_gives_who_answers_rows_under_each_value(policy: Policy, values: dict[str, Any]) -> None:
    from tests.test_batch import expected, got

    base = [E03, Q03, P38_09B, P19, F31D_8, {**P19, "sector": "poverty_office"}, {**P19, "sector": "water"},
            {**F31D_8, "kind": "project_ledger_incomplete"}, {**P38_09B, "rectified_on": "2021-03-20"}]
    records = [{**r, "id": f"fid43a-bulk-{i}-{s}", "severity": s} for i, r in enumerate(base)
               for s in ("minor", "serious", "grave")]
    p = policy.with_parameters(**values) if values else policy
    ex = Jurisdiction.example()
    a = p.assess(records, jurisdiction=ex, today=TODAY)
    assert a.assessed == len(records)
    assert got(a) == expected(p, ex, records, "compiled")
