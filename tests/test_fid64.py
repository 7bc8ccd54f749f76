"""fid64: a role never stands beside the departments it stands for; a line with no part is read alike at every stage;
hiding a problem is not holding it.

1. check58 FK2. ``sectorless_alternatives: every_holder`` "names each such department instead" of the level's
   问题所属部门 (rules/parameters.yaml). A funds record naming neither kind nor line named all 12 county departments
   and 县（市、区）行业主管部门（问题所属部门） beside them: the role came in through 二(二)3 涉及本部门问题
   (discovery's ``discovery_county_departments``, held in another area) standing for the departments of 二(四)4–5's
   own lines, the very departments every_holder names each. Named beside them it counted the one department whose
   part failed twice (一(四) 相关工作人员). Housing and projects records naming neither had the same. Under the default
   (unresolved) the role stands for them once, as before.
2. fid63's left item. A 危房改造补助 record of the natural-resources line (二(六)4(4) gives 县自然资源局 建设用地, no
   part in 审核 or 补贴) is read at discovery and rectification as a record naming no line (``line_without_part``):
   the county's 问题所属部门. The county that sat on it (receiving_level_body) or hid it (concealing_level_body)
   named 县自然资源局 instead. They now read the line as discovery does, and the verdict says so.
3. fid62's left item, decided from the text and left as it is. 二(六)1(4) 县（市、区）党委、政府…确保低收入农户
   每户有一名干部联系 and 二(六)2(3) 县（市、区）党委、政府…学生资助管理机构、人员和经费保障 are the Party committee's
   and government's own item, held together, so each answers for sitting on such a problem the county had through no
   body named (fid62). Hiding it is another act: 一(四) 对上级核查和巡视审计等过程中瞒报漏报问题的 is the act of whoever
   reported to the check. That may be either of them, or the keeper whose lists (一(三)) the check reads. The record
   does not say which, and naming both would blame one that may not have hidden it. So a county named as concealer
   keeps 县（市、区）负有该问题交办上报职责的机构（记录未写明）, unresolved, once (concealing_level_body, listed;
   review34 F5), the school's item under either value of unit_below_own_level too. rules/parameters.yaml now says so.
"""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Policy

from .verdicts import batch_and_answers, found, rested
from .verdicts import verdict_under as verdict

ENGINES = ("compiled", "durable")
ROLE = "county_sector_department"
STAND_IN = "county_holders_unnamed"
SECTORLESS = "sectorless_alternatives"
EVERY = {SECTORLESS: "every_holder"}
VILLAGE, COUNTY = "330127100219", "330127"
CITY_AUDIT = {"level": "city", "channel": "audit", "on": "2021-03-01", "body": "city_audit"}
COUNTY_AUDIT = {"level": "county", "channel": "audit", "on": "2021-03-01", "body": "county_audit"}
TOUR = {"level": "province", "channel": "inspection_tour", "on": "2021-03-01"}
TO_COUNTY = [{"action": "assigned", "by_level": "city", "to_level": "county", "on": "2021-03-03"}]


def _rec(rid: str, area: str, kind: str | None, found_by: dict[str, Any], place: str = VILLAGE, **more: Any
         ) -> dict[str, Any]:
    r: dict[str, Any] = {"id": f"fid64-{rid}", "area": area, "place": place, "discovered": found_by,
                         "as_of": "2021-06-30", **more}
    if kind is not None:
        r["kind"] = kind
    return r


def _county(v: Any, basis: str | None = None) -> set[str]:
    return {b for b, ba in found(v) if b.startswith("county_") and (basis is None or ba == basis)}


# ---------------------------------------------------------------- 1. FK2

def _fk2(place: str = COUNTY) -> dict[str, Any]:
    """check58 FK2: a funds record naming neither kind nor line, the city audit's find (judged 03-05)."""
    return _rec(f"fk2-{place}", "funds", None, CITY_AUDIT, place, as_of="2021-03-05")


def _kindless(area: str) -> dict[str, Any]:
    """A record of ``area`` naming neither kind nor line: the city audit finds it and hands it to the county, never
    rectified."""
    return _rec(f"kindless-{area}", area, None, CITY_AUDIT, handled=TO_COUNTY, deadline="2021-03-31")


@pytest.mark.parametrize("engine", ENGINES)
def test_every_holder_names_the_funds_departments_instead_of_the_role(policy: Policy, engine: str) -> None:
    v = verdict(policy, _fk2(), engine, **EVERY)
    assert ROLE not in _county(v), found(v)
    # each department with a part of its own line's funds (二(四)4–5), and 县财政 beside them (二(四)3)
    assert {"county_poverty_office", "county_water", "county_education", "county_finance"} <= _county(
        v, "not_discovered")
    assert SECTORLESS in rested(v) and ROLE not in rested(v)


@pytest.mark.parametrize("engine", ENGINES)
def test_unresolved_still_names_the_role_once(policy: Policy, engine: str) -> None:
    v = verdict(policy, _fk2(), engine)
    assert _county(v, "not_discovered") == {ROLE, "county_finance"}
    assert SECTORLESS in rested(v)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("area", ["funds", "housing", "projects"])
def test_no_role_beside_the_departments_every_holder_names(policy: Policy, engine: str, area: str) -> None:
    v = verdict(policy, _kindless(area), engine, **EVERY)
    for basis in ("not_discovered", "not_rectified", "supervision"):
        assert ROLE not in _county(v, basis), (basis, found(v))
    assert len(_county(v, "not_discovered")) >= 2  # the departments themselves, each
    # (and the default still names the role, once, in their place)
    d = verdict(policy, _kindless(area), engine)
    assert ROLE in _county(d, "not_discovered") and ROLE in _county(d, "not_rectified")


# ---------------------------------------------------------------- 2. a line with no part, at every stage

SUBSIDY = "housing_subsidy_irregular"


def _subsidy(rid: str, found_by: dict[str, Any], sector: str | None = "natural_resources", **more: Any
             ) -> dict[str, Any]:
    r = _rec(f"subsidy-{rid}-{sector}", "housing", SUBSIDY, found_by, **more)
    return {**r, "sector": sector} if sector else r


@pytest.mark.parametrize("engine", ENGINES)
def test_a_line_without_part_is_read_as_no_line_when_the_county_sat_on_it(policy: Policy, engine: str) -> None:
    v = verdict(policy, _subsidy("sat", COUNTY_AUDIT), engine)
    assert _county(v, "not_handled") == {ROLE}, found(v)
    assert "county_natural_resources" not in _county(v)
    assert "line_without_part" in rested(v)
    # with the clauses a record naming no line cites: 二(六)4(3) 审核, 二(六)4(4) 补贴
    clauses = {c for f in v.findings if (f.body, f.basis) == (ROLE, "not_handled") for c in f.clauses}
    assert {"二(六)4(3)", "二(六)4(4)"} <= clauses


@pytest.mark.parametrize("engine", ENGINES)
def test_a_line_without_part_is_read_as_no_line_when_the_county_hid_it(policy: Policy, engine: str) -> None:
    v = verdict(policy, _subsidy("hid", TOUR, concealed_by=["county"]), engine)
    assert _county(v, "concealed") == {ROLE}, found(v)
    assert "county_natural_resources" not in _county(v)
    assert {"line_without_part", "concealing_level_body"} <= rested(v)


@pytest.mark.parametrize("engine", ENGINES)
def test_discovery_reads_it_so_as_before(policy: Policy, engine: str) -> None:
    v = verdict(policy, _subsidy("found", CITY_AUDIT, handled=TO_COUNTY, deadline="2021-03-31"), engine)
    assert _county(v, "not_discovered") == _county(v, "not_rectified") == {ROLE}
    assert "line_without_part" in rested(v)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_line_with_a_part_still_names_its_department(policy: Policy, engine: str) -> None:
    for sector, body in (("finance", "county_finance"), ("construction", "county_construction")):
        assert _county(verdict(policy, _subsidy("sat", COUNTY_AUDIT, sector), engine), "not_handled") == {body}
        assert _county(verdict(policy, _subsidy("hid", TOUR, sector, concealed_by=["county"]), engine),
                       "concealed") == {body}


# ---------------------------------------------------------------- 3. hiding is another act than holding

ITEMS = [("basic_needs", "basic_needs_contact_missing"), ("education", "education_aid_support_missing")]
LEADERS = {"county_party_committee", "county_government"}


def _hid(area: str, kind: str) -> dict[str, Any]:
    return _rec(f"hid-{kind}", area, kind, TOUR, concealed_by=["county"])


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("area", "kind"), ITEMS)
@pytest.mark.parametrize("unit_below", [True, False])
def test_a_county_that_hid_its_leaders_item_keeps_the_stand_in(policy: Policy, engine: str, area: str, kind: str,
                                                               unit_below: bool) -> None:
    v = verdict(policy, _hid(area, kind), engine, unit_below_own_level=unit_below)
    assert _county(v, "concealed") == {STAND_IN}, found(v)
    assert "concealing_level_body" in rested(v)
    # (while the county that sat on it names them each: the item is theirs to put right, fid62)
    sat = verdict(policy, _rec(f"sat-{kind}", area, kind, COUNTY_AUDIT), engine, unit_below_own_level=unit_below)
    assert _county(sat, "not_handled") == LEADERS, found(sat)


@pytest.mark.parametrize(("area", "kind"), ITEMS)
def test_handling_holders_names_the_leaders_and_the_keeper(policy: Policy, area: str, kind: str) -> None:
    v = verdict(policy, _hid(area, kind), "compiled", concealing_level_body="handling_holders")
    assert _county(v, "concealed") == LEADERS | {"county_poverty_office"}


# ---------------------------------------------------------------- the batch path

def test_the_batch_gives_what_who_answers_gives(policy: Policy) -> None:
    records = [_fk2(), _fk2(VILLAGE), *(_kindless(a) for a in ("funds", "housing", "projects"))]
    records += [_subsidy("sat", COUNTY_AUDIT, s) for s in ("natural_resources", "finance", None)]
    records += [_subsidy("hid", TOUR, s, concealed_by=["county"]) for s in ("natural_resources", "finance", None)]
    records += [_hid(a, k) for a, k in ITEMS]
    for values in ({}, EVERY, {"unit_below_own_level": False}, {"concealing_level_body": "handling_holders"}):
        view = policy.with_parameters(**values) if values else policy
        got, want = batch_and_answers(view, records)
        assert got == want, values
