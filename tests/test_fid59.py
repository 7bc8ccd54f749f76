"""fid59: what a verdict says of a level's 问题所属部门 where the record names a line the level has no department of
(check56 L4).

资金分配不规范 of 农业's line, found by the city: 县（市、区）行业主管部门（问题所属部门） 应发现未发现
[一(四) 二(二)3 二(四)5] — right: 二(四)5 其他行业主管部门, and the role stands for the county's agriculture department,
which the rules do not name. But the verdict listed the role's own note, "The record does not say which (field
`sector` …)" / 「记录未写明是哪一部门」 — untrue of a record with ``sector: agriculture``. fid58 put
``line_without_part`` or ``untied_line`` in the note's place where the line has a department at the level; here the
line has none, and the role's findings rest, in the role body's place, on ``line_department_unnamed``
(rules/accountability.yaml: the level's 问题所属部门 stands for that line's department, which the text does not
name). No finding changes.

A sweep (every kind × every line × a county, city or province finder × assigned down or not, 3,124 records the
library accepts; /work/helpers/s56/fid59.md): findings identical before and after, in both languages, under either
value of ``sectorless_alternatives``; the role's note listed for a record naming its line 892 → 0.
"""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Policy

from .verdicts import batch_and_answers, found, line_record, rested
from .verdicts import verdict_under as verdict

ENGINES = ("compiled", "durable")
VALUES = ("unresolved", "every_holder")
SECTORLESS = "sectorless_alternatives"
UNNAMED = "line_department_unnamed"
ROLE = "county_sector_department"


_rec = line_record


# check56 L4, as the audit gave it (a county place, a severity)
L4: dict[str, Any] = {"id": "L4", "area": "funds", "kind": "funds_allocation_irregular", "place": "330127",
                      "severity": "minor", "sector": "agriculture",
                      "discovered": {"level": "city", "channel": "research_supervision", "on": "2021-03-01"},
                      "as_of": "2021-03-05"}
LINED = [L4, _rec("fid59-A", "funds", "funds_allocation_irregular", "agriculture", assigned=True),
         _rec("fid59-T", "projects", "project_records_incomplete", "transport", by="province", assigned=True),
         _rec("fid59-D", "funds", "funds_diverted", "agriculture"),
         # the city: 交通 has no city department in the rules; the city's role stands for it
         _rec("fid59-S", "discovery", "specific_problem", "transport", assigned=True)]


def _on(v: Any, rid: str) -> tuple[int, ...]:
    return next((i.findings for i in v.interpretations if i.id == rid), ())


def _roles(v: Any) -> tuple[int, ...]:
    return tuple(n for n, f in enumerate(v.findings) if f.body.endswith("_sector_department"))


def _rests(v: Any) -> set[str]:
    return {r for f in v.findings for r in f.rests_on}


def _dicts(v: Any) -> tuple[Any, Any]:
    return v.to_dict("zh")["findings"], v.to_dict("en")["findings"]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("value", VALUES)
def test_l4_names_the_role_and_says_it_stands_for_the_records_line(policy: Policy, engine: str, value: str) -> None:
    v = verdict(policy, L4, engine, **{SECTORLESS: value})
    role = next(f for f in v.findings if f.body == ROLE)
    # the finding is as it was: 二(四)5 其他行业主管部门, standing for the county's agriculture department
    assert role.basis == "not_discovered" and tuple(role.clauses) == ("一(四)", "二(二)3", "二(四)5")
    # … and the verdict no longer says the record does not say which
    assert ROLE not in rested(v) and ROLE not in role.rests_on and UNNAMED in role.rests_on
    assert _on(v, UNNAMED) == _roles(v) != ()


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("value", VALUES)
def test_a_line_without_a_department_at_the_level_lists_no_role_note(policy: Policy, engine: str, value: str) -> None:
    for record in LINED:
        v = verdict(policy, record, engine, **{SECTORLESS: value})
        assert _roles(v) != (), record["id"]
        assert not {ROLE, "city_sector_department"} & (rested(v) | _rests(v)), record["id"]
        assert _on(v, UNNAMED) == _roles(v), record["id"]
        assert "记录未写明是哪一部门" not in v.explain("zh")


@pytest.mark.parametrize("engine", ENGINES)
def test_controls(policy: Policy, engine: str) -> None:
    # a record naming no line keeps the role's own note (the record does not say which)
    v = verdict(policy, _rec("fid59-N", "projects", "project_ledger_incomplete", None), engine)
    assert (ROLE, "not_discovered") in found(v)
    assert ROLE in rested(v) and UNNAMED not in rested(v)
    # a line with a named department at the county names it: unchanged, nothing to say of a role
    v = verdict(policy, _rec("fid59-C", "projects", "project_records_incomplete", "construction", assigned=True),
                engine)
    assert ("county_construction", "not_discovered") in found(v)
    assert ROLE not in rested(v) and UNNAMED not in rested(v)
    # a line with a department at the county that has no part in the kind: fid58's line_without_part, not this
    v = verdict(policy, _rec("fid59-F", "projects", "project_ledger_incomplete", "finance"), engine)
    assert "line_without_part" in rested(v) and UNNAMED not in rested(v) and ROLE not in rested(v)


def test_the_principle_is_in_the_data(policy: Policy) -> None:
    v = policy.who_answers(L4)
    (i,) = (i for i in v.interpretations if i.id == UNNAMED)
    assert i.findings == _roles(v)


@pytest.mark.parametrize("engine", ENGINES)
def test_the_engines_agree_on_what_each_finding_rests_on(policy: Policy, engine: str) -> None:
    for record in LINED:
        a, b = (verdict(policy, record, e) for e in ENGINES)
        assert [f.rests_on for f in a.findings] == [f.rests_on for f in b.findings]
        assert [(i.id, i.findings) for i in a.interpretations] == [(i.id, i.findings) for i in b.interpretations]
        assert _dicts(a) == _dicts(b)


@pytest.mark.parametrize("value", VALUES)
def test_the_batch_gives_what_who_answers_gives(policy: Policy, value: str) -> None:
    got, want = batch_and_answers(policy.with_parameters(**{SECTORLESS: value}), LINED)
    assert got == want
