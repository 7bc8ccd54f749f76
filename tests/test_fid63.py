"""fid63: a subsidy record's two parts are read by line at every stage (check58 HS2, HS2b).

二(六)4(3) gives 县建设部门 "负责农村困难家庭危房鉴定、改造补助资金审核工作" and 二(六)4(4) gives 财政部门
"负责结合当地政策对农村困难家庭危房改造给予财政补贴": two departments' parts of one subsidy. 一(四) holds liable
相关工作人员, and 二(二)3 makes a department find, pass on and fix 涉及本部门问题. The rectification stage of
``housing_subsidy_irregular`` already read the parts as twins by line (review26 F2). Its discovery and handling stages
named 县建设 through its unscoped 审核 duty on every record: beside 县财政 on a record of the finance line (HS2), and
beside the level's 问题所属部门 on a record of no line (HS2b: both halves). They now list the same twins: a line names
its department, and no line names the 问题所属部门 once, unresolved (``sectorless_alternatives``; every_holder names
both bureaus instead).

县建设's 监督管理 (二(六)4(3) 负责对本行政区域内危房改造监督管理工作) still presses the rectification (supervision).
Reading it as a part in finding every subsidy problem is a choice the text leaves open and no reading has made; it is
not taken.
"""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Policy

from .verdicts import batch_and_answers, found, rested, step, village_record
from .verdicts import finder as _finder
from .verdicts import verdict_under as verdict

ENGINES = ("compiled", "durable")
KIND = "housing_subsidy_irregular"
ROLE = "county_sector_department"
SECTORLESS = "sectorless_alternatives"
BY_LINE = {"construction": ("county_construction", "二(六)4(3)"), "finance": ("county_finance", "二(六)4(4)")}
LINES: list[str | None] = ["construction", "finance", "civil_affairs", None]


def _rec(
    rid: str, sector: str | None, found_by: dict[str, Any], steps: list[dict[str, Any]] | None = None, **more: Any
) -> dict[str, Any]:
    r = village_record(f"fid63-{rid}-{sector}", "housing", KIND, found_by, steps or [], **more)
    return {**r, "sector": sector} if sector else r


def _city_audit(sector: str | None) -> dict[str, Any]:
    """The city audit finds it on 03-01 and hands it to the county on 03-03; never rectified."""
    return _rec("city", sector, _finder("city", "city_audit", "audit"), [step("city", "county")])


def _county_sat(sector: str | None) -> dict[str, Any]:
    """The county audit finds it on 03-01 and the county does nothing with it (judged 06-30)."""
    return _rec("sat", sector, _finder("county", "county_audit", "audit"))


def _county_hid(sector: str | None) -> dict[str, Any]:
    """The province's tour finds it; the county (no body named) concealed it."""
    return _rec("hid", sector, _finder("province", channel="inspection_tour"), concealed_by=["county"])


def _county(v: Any, basis: str) -> set[str]:
    return {b for b, ba in found(v) if ba == basis and b.startswith("county_")}


def _clauses(v: Any, body: str, basis: str) -> set[str]:
    return {c for f in v.findings if (f.body, f.basis) == (body, basis) for c in f.clauses}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("sector", ["construction", "finance"])
def test_a_line_names_its_own_department_at_every_stage(policy: Policy, engine: str, sector: str) -> None:
    body, clause = BY_LINE[sector]
    v = verdict(policy, _city_audit(sector), engine)
    for basis in ("not_discovered", "not_rectified"):
        assert _county(v, basis) == {body}, (basis, found(v))
        assert clause in _clauses(v, body, basis)
    sat = verdict(policy, _county_sat(sector), engine)
    assert _county(sat, "not_handled") == {body}
    assert clause in _clauses(sat, body, "not_handled")
    hid = verdict(policy, _county_hid(sector), engine)
    assert _county(hid, "concealed") == {body}


@pytest.mark.parametrize("engine", ENGINES)
def test_the_finance_line_leaves_the_construction_bureau_to_press(policy: Policy, engine: str) -> None:
    """HS2: the record puts the failure in 财政's 补贴; 县建设 presses the rectification on its 监督管理, no more."""
    v = verdict(policy, _city_audit("finance"), engine)
    assert {ba for b, ba in found(v) if b == "county_construction"} == {"supervision"}
    assert _clauses(v, "county_construction", "supervision") >= {"二(六)4(3)"}


@pytest.mark.parametrize("engine", ENGINES)
def test_no_line_names_the_level_s_department_once_at_every_stage(policy: Policy, engine: str) -> None:
    """HS2b: the record does not say whether the review or the payment failed."""
    for rec, basis in (
        (_city_audit(None), "not_discovered"),
        (_city_audit(None), "not_rectified"),
        (_county_sat(None), "not_handled"),
        (_county_hid(None), "concealed"),
    ):
        v = verdict(policy, rec, engine)
        assert _county(v, basis) == {ROLE}, (rec["id"], basis, found(v))
        assert _clauses(v, ROLE, basis) >= {"二(六)4(3)", "二(六)4(4)"}
        assert SECTORLESS in rested(v) and ROLE in rested(v)


@pytest.mark.parametrize("engine", ENGINES)
def test_every_holder_names_both_bureaus_instead_of_the_role(policy: Policy, engine: str) -> None:
    for rec, basis in ((_city_audit(None), "not_discovered"), (_county_sat(None), "not_handled")):
        v = verdict(policy, rec, engine, **{SECTORLESS: "every_holder"})
        assert _county(v, basis) == {"county_construction", "county_finance"}, (basis, found(v))


@pytest.mark.parametrize("engine", ENGINES)
def test_the_civil_affairs_line_names_neither_bureau(policy: Policy, engine: str) -> None:
    """An ineligible household's status (二(六)4(4) 民政…信息对比) is 民政's part: not the review, not the payment."""
    v = verdict(policy, _city_audit("civil_affairs"), engine)
    assert _county(v, "not_discovered") == _county(v, "not_rectified") == {"county_civil_affairs"}


def test_the_batch_gives_what_who_answers_gives(policy: Policy) -> None:
    records = [make(s) for make in (_city_audit, _county_sat, _county_hid) for s in LINES]
    for view in (policy, policy.with_parameters(**{SECTORLESS: "every_holder"})):
        got, want = batch_and_answers(view, records)
        assert got == want
