"""fid58: what a verdict says of a level's 问题所属部门 where the record named its line (check56 L1/L2).

项目台账资料不全 of 财政's line, found by the city: 县（市、区）行业主管部门（问题所属部门） 应发现未发现
[一(四) 二(二)3 二(五)3] — a reading three sessions chose (tests/test_fid51.py: 财政's part in a project's ledger is
二(五)5's 省市 spot check, so the county answers as for a record naming no line). The findings stay. But the verdict
listed the role's own note, "The record does not say which (field `sector` …)" / 「记录未写明是哪一部门」, and, the
same assigned to the county and not rectified, ``sectorless_alternatives`` (on 市财政's 二(五)5 pressing, which the
record's line names whichever value) — neither true of a record with ``sector: finance``. Now a finding on a level's
role rests, in the role body's place, on what made the level answer as for a record naming none
(``_facts.line_without_part``): ``line_without_part`` (rules/accountability.yaml: the line's department there holds
duties of the area but no part in the kind) or ``untied_line`` (none in the area; it was listed before, with no
finding); and the record's own line's department named through a duty read by line does not rest on
``sectorless_alternatives``. Where the parameter does decide — 县人社局 has no part in 低保 below the floor, and
which county department stands for the failed part is its reading — it stays listed.

A sweep (every kind × every line × a county, city or province finder × assigned down or not, 3,124 records the
library accepts): findings identical before and after on all; 133 (verdict, level) cases listed the role's note for a
record naming its line at a level where that line has a department (30 with no other word, 103 beside
``untied_line``) → 0; ``sectorless_alternatives`` dropped from 6 verdicts, on each of which flipping it changes no
finding (either language).
"""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Policy

from .verdicts import batch_and_answers, found, line_record, rested
from .verdicts import verdict_under as verdict

ENGINES = ("compiled", "durable")
SECTORLESS = "sectorless_alternatives"
NO_PART = "line_without_part"
ROLE = "county_sector_department"
LEDGER, RECORDS = "project_ledger_incomplete", "project_records_incomplete"


_rec = line_record


L1 = _rec("fid58-L1", "projects", LEDGER, "finance")
L2 = _rec("fid58-L2", "projects", LEDGER, "finance", assigned=True)


def _on(v: Any, rid: str) -> tuple[int, ...]:
    return next((i.findings for i in v.interpretations if i.id == rid), ())


def _roles(v: Any) -> tuple[int, ...]:
    return tuple(n for n, f in enumerate(v.findings) if f.body.endswith("_sector_department"))


def _dicts(v: Any) -> tuple[Any, Any]:
    return v.to_dict("zh")["findings"], v.to_dict("en")["findings"]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("value", ["unresolved", "every_holder"])
@pytest.mark.parametrize("rectifier", [True, False])
def test_a_finance_line_ledger_says_the_line_has_no_part_at_the_county(policy: Policy, engine: str, value: str,
                                                                      rectifier: bool) -> None:
    params = {SECTORLESS: value, "ledger_county_rectifier": rectifier}
    for record in (L1, L2, _rec("fid58-R", "projects", RECORDS, "finance", assigned=True),
                   _rec("fid58-P", "projects", LEDGER, "finance", by="province", assigned=True)):
        v = verdict(policy, record, engine, **params)
        # the reading stays: the role, not 县财政, answers for the county (tests/test_fid51.py)
        assert (ROLE, "not_discovered") in found(v) and not any(b == "county_finance" for b, _ in found(v))
        # … and the verdict says why the role stands for a record naming its line, not that it names none
        assert ROLE not in rested(v) and SECTORLESS not in rested(v), rested(v)
        assert _on(v, NO_PART) == _roles(v) != ()
        assert all(ROLE not in f.rests_on for f in v.findings)
        # the findings are those of either value of sectorless_alternatives (it decides nothing here)
        other = verdict(policy, record, engine, **{**params, SECTORLESS: "every_holder" if value == "unresolved"
                                                   else "unresolved"})
        assert _dicts(v) == _dicts(other)


@pytest.mark.parametrize("engine", ENGINES)
def test_the_city_finance_bureau_is_named_by_the_records_line(policy: Policy, engine: str) -> None:
    v = verdict(policy, L2, engine)
    fin = next(f for f in v.findings if f.body == "city_finance")
    assert fin.basis == "supervision" and SECTORLESS not in fin.rests_on
    # a record naming no line: the same pressing is one of the alternatives, and says so
    none = verdict(policy, _rec("fid58-L2-none", "projects", LEDGER, None, assigned=True), engine)
    assert ROLE in rested(none) and NO_PART not in rested(none)


@pytest.mark.parametrize("engine", ENGINES)
def test_where_sectorless_alternatives_decides_it_stays_listed(policy: Policy, engine: str) -> None:
    # 县人社局 has no part in 低保 below the floor: the county answers as for a record naming none, and which
    # department stands for the failed part is sectorless_alternatives' (every_holder names each)
    record = _rec("fid58-B", "basic_needs", "basic_needs_below_floor", "hrss")
    v = verdict(policy, record, engine)
    assert SECTORLESS in rested(v) and ROLE not in rested(v)
    assert _on(v, NO_PART) == _roles(v) != ()
    assert _dicts(v) != _dicts(verdict(policy, record, engine, **{SECTORLESS: "every_holder"}))


@pytest.mark.parametrize("engine", ENGINES)
def test_an_untied_line_rests_the_role_on_untied_line(policy: Policy, engine: str) -> None:
    # 残联 holds no duty of housing at the county: untied_line, as before, now on the role's findings
    v = verdict(policy, _rec("fid58-U", "housing", "housing_subsidy_irregular", "disabled_federation"), engine)
    assert ROLE not in rested(v) and NO_PART not in rested(v)
    assert _on(v, "untied_line") == _roles(v) != ()


@pytest.mark.parametrize("engine", ENGINES)
def test_controls(policy: Policy, engine: str) -> None:
    # a record naming no line: the role's own note (the record does not say which)
    v = verdict(policy, _rec("fid58-N", "projects", LEDGER, None), engine)
    assert ROLE in rested(v) and NO_PART not in rested(v)
    # a line with a part at the county names its department (check50 #1), no role, nothing to say
    v = verdict(policy, _rec("fid58-C", "projects", RECORDS, "construction", assigned=True), engine)
    assert ("county_construction", "not_discovered") in found(v)
    assert ROLE not in rested(v) and NO_PART not in rested(v)
    # a line the county has no department of: the role stands for that line's department (left as it was)
    v = verdict(policy, _rec("fid58-A", "funds", "funds_diverted", "agriculture"), engine)
    assert (ROLE, "not_discovered") in found(v) and NO_PART not in rested(v)


@pytest.mark.parametrize("engine", ENGINES)
def test_the_engines_agree_on_what_each_finding_rests_on(policy: Policy, engine: str) -> None:
    for record in (L1, L2):
        a, b = (verdict(policy, record, e) for e in ENGINES)
        assert [f.rests_on for f in a.findings] == [f.rests_on for f in b.findings]
        assert [(i.id, i.findings) for i in a.interpretations] == [(i.id, i.findings) for i in b.interpretations]


@pytest.mark.parametrize("value", ["unresolved", "every_holder"])
def test_the_batch_gives_what_who_answers_gives(policy: Policy, value: str) -> None:
    records = [L1, L2, _rec("fid58-B", "basic_needs", "basic_needs_below_floor", "hrss", assigned=True),
               _rec("fid58-U", "housing", "housing_subsidy_irregular", "disabled_federation", assigned=True),
               _rec("fid58-P", "projects", LEDGER, "finance", by="province", assigned=True)]
    got, want = batch_and_answers(policy.with_parameters(**{SECTORLESS: value}), records)
    assert got == want
