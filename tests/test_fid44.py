"""fid44: the duty whose pressing offices_press_every_area narrows is data (``presses_only_acting``), not code.

The project's rule: nothing about a specific duty is hard-coded in Python. The last duty id in engine code
(``discovery_province_city_offices_guide``, 二(二)5 省市有关部门…负责指导督促基层问题发现和整改, read by
offices_press_every_area) now sits on the parameter in rules/parameters.yaml; the engine reads it from there, the
load checks it names a duty (file:line:column, as every other reference), and the answers are unchanged
(tests/test_fid43d.py pins them).
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest

import responsibility
from responsibility import Policy
from responsibility.engine._decide import pressing_where_acting

from .test_fid43d import W12
from .verdicts import found as answers
from .verdicts import rested as rests
from .verdicts import verdict_under as verdict

SRC = Path(__file__).resolve().parents[1] / "src" / "responsibility"
OFFICES = "offices_press_every_area"
GUIDE = "discovery_province_city_offices_guide"


def test_the_parameter_names_the_duty_it_narrows(policy: Policy) -> None:
    """The link is in the data: the parameter lists 二(二)5's offices duty, and the engine's map is read from it."""
    assert policy.parameters[OFFICES].presses_only_acting == [GUIDE]
    assert pressing_where_acting(policy) == {GUIDE: OFFICES}
    assert policy.duties[GUIDE].clause == "二(二)5"


def _string_constants(path: Path) -> set[str]:
    """The string literals of a module's code, less docstrings (a doctest's example names ids to show a call)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {id(n.body[0].value) for n in ast.walk(tree)
            if isinstance(n, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
            and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    return {n.value for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs}


@pytest.mark.parametrize("wing", ["engine", "batch"])
def test_no_duty_kind_or_area_id_in_engine_or_batch_code(policy: Policy, wing: str) -> None:
    """No duty, problem kind or area id appears as a literal in the engine's or the batch path's code: which duty a
    reading touches is the data's to say (a stage's name that is also the area ``discovery`` is a stage)."""
    ids = set(policy.duties) | set(policy.kinds) | {a.id for a in policy.data.areas}
    stages = {"discovery", "handling", "rectification", "supervision"}
    found = {f"{p.relative_to(SRC)}: {s}" for p in sorted((SRC / wing).glob("*.py"))
             for s in _string_constants(p) & (ids - stages)}
    assert not found, sorted(found)


def test_an_unknown_duty_in_presses_only_acting_is_a_data_error(rules_copy: Path) -> None:
    """A misspelt duty is refused at load with where it is, as any other unknown reference (before: the engine's
    constant would silently match nothing)."""
    f = rules_copy / "parameters.yaml"
    text = f.read_text(encoding="utf-8")
    old = f"presses_only_acting: [{GUIDE}]"
    assert text.count(old) == 1
    f.write_text(text.replace(old, "presses_only_acting: [discovery_province_city_office_guide]"), encoding="utf-8")
    issues = responsibility.validate(rules_copy)
    bad = [i for i in issues if i.code == "unknown_ref" and "discovery_province_city_office_guide" in i.message]
    assert bad, issues
    line = text[:text.index(old)].count("\n") + 1
    assert bad[0].file.endswith("parameters.yaml") and bad[0].line == line and bad[0].column > 0, str(bad[0])
    assert GUIDE in bad[0].hint or GUIDE in bad[0].message  # the close match is suggested


def test_presses_only_acting_is_for_a_bool_parameter(rules_copy: Path) -> None:
    """Only a bool parameter has the false that narrows; on another type the list is refused at load."""
    f = rules_copy / "parameters.yaml"
    text = f.read_text(encoding="utf-8")
    anchor = "  - id: handling_time_limit_days\n"
    assert anchor in text
    i = text.index(anchor)
    j = text.index("\n  - id: ", i + 1)
    f.write_text(text[:j] + f"\n    presses_only_acting: [{GUIDE}]" + text[j:], encoding="utf-8")
    issues = responsibility.validate(rules_copy)
    assert any("presses_only_acting" in i.message and "bool" in i.message for i in issues), issues


@pytest.mark.parametrize("engine", ["compiled", "durable"])
def test_the_data_link_keeps_the_answer(policy: Policy, engine: str) -> None:
    """W12 (review43b): 市扶贫办 presses on 二(二)5 alone under true and rests on the parameter; under false it is left
    out and the verdict says so — the answers tests/test_fid43d.py pins, now read from the data."""
    v = verdict(policy, W12, engine)
    assert ("city_poverty_office", "supervision") in answers(v)
    assert OFFICES in rests(v)
    off = verdict(policy, W12, engine, **{OFFICES: False})
    assert ("city_poverty_office", "supervision") not in answers(off)
    assert OFFICES in rests(off)


def test_a_policy_whose_parameter_lists_no_duty_narrows_nothing(rules_copy: Path) -> None:
    """The engine narrows only the duties the data lists: with the list taken out, false leaves the office pressing
    as true does, and no finding rests on the parameter (the link is the data's, not a constant's)."""
    f = rules_copy / "parameters.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace(f"    presses_only_acting: [{GUIDE}]\n", "", 1),
                 encoding="utf-8")
    bare = responsibility.load(rules_copy)
    assert pressing_where_acting(bare) == {}
    for engine in ("compiled", "durable"):
        v = verdict(bare, W12, engine, **{OFFICES: False})
        assert ("city_poverty_office", "supervision") in answers(v)
        assert all(OFFICES not in f.rests_on for f in v.findings)


# ---------------------------------------------------------------- an assignment to a body with no part in the kind

UNRELATED = "assignment_to_body_without_part"
#: 市财政局 found poverty assets mismanaged and handed them to 县民宗局, which the text gives no part in that kind
#: (its 二(四)5 funds duties are its own line's funds, not assets' management: 二(四)3 县财政部门…对当地扶贫资产负全面
#: 监管责任); never rectified
D4: dict[str, Any] = {
    "id": "fid44-d4", "area": "funds", "kind": "funds_assets_mismanaged", "place": "330127100219",
    "severity": "minor",
    "discovered": {"level": "city", "channel": "survey_verification", "on": "2021-03-01", "body": "city_finance"},
    "handled": [{"action": "assigned", "by_level": "city", "to_level": "county", "to_body": "county_ethnic_religious",
                 "on": "2021-03-03"}],
    "deadline": "2021-04-30", "as_of": "2021-06-30"}
ENGINES = ("compiled", "durable")


def test_the_reading_is_a_parameter_whose_default_names_no_one_more(policy: Policy) -> None:
    """The text leaves it open (一(三) 分类交办 by the county's 台账; 一(四)): a choice parameter, the reading before it
    (irregular_step's) its default, citing the clauses it reads."""
    p = policy.parameters[UNRELATED]
    assert p.type == "choice" and p.value == "set_aside" and p.choices == ["set_aside", "level_receives"]
    assert {"一(三)", "一(四)", "二(二)3"} <= set(p.clauses)
    assert p.why_zh and "县民宗局" in p.why_zh and "县民宗局" in p.why


@pytest.mark.parametrize("engine", ENGINES)
def test_set_aside_names_the_assigner_and_rests_on_the_reading(policy: Policy, engine: str) -> None:
    """Default: the step is no 交办; the finder that made it answers 未按程序及时交办 and says it rests on the reading
    (before: irregular_step alone); nobody is named 整改不到位, 县民宗局 nothing."""
    v = verdict(policy, D4, engine)
    f = next(f for f in v.findings if (f.body, f.basis) == ("city_finance", "not_handled"))
    assert {UNRELATED, "irregular_step"} <= set(f.rests_on)
    assert not {b for b, basis in answers(v) if basis == "not_rectified"}
    assert all(f.body != "county_ethnic_religious" for f in v.findings)


@pytest.mark.parametrize("engine", ENGINES)
def test_level_receives_names_the_levels_rectifiers(policy: Policy, engine: str) -> None:
    """level_receives: the county as a whole was handed it (as an assignment naming no body): its rectifiers of
    assets answer 整改不到位, resting on the reading; the city passed it on; 县民宗局 still answers for nothing."""
    v = verdict(policy, D4, engine, **{UNRELATED: "level_receives"})
    nobody = verdict(policy, {**D4, "handled": [{**D4["handled"][0], "to_body": None}]}, engine)
    assert answers(v) == answers(nobody)
    assert ("county_finance", "not_rectified") in answers(v)
    assert ("city_finance", "not_handled") not in answers(v)
    assert all(f.body != "county_ethnic_religious" for f in v.findings)
    assert all(UNRELATED in f.rests_on for f in v.findings if f.basis == "not_rectified")


@pytest.mark.parametrize("value", ["set_aside", "level_receives"])
def test_a_levels_own_hand_over_is_not_the_readings(policy: Policy, value: str) -> None:
    """The county sorting its own audit's finding to 县民宗局 still holds it (一(三) 县级…分类交办): its holder answers
    未按程序及时交办 under either value, nobody 整改不到位, and the verdict does not rest on the reading."""
    r = {**D4, "id": "fid44-d4-own",
         "discovered": {"level": "county", "channel": "audit", "on": "2021-03-01", "body": "county_audit"},
         "handled": [{**D4["handled"][0], "by_level": "county"}]}
    v = verdict(policy, r, "compiled", **{UNRELATED: value})
    assert ("county_holders_unnamed", "not_handled") in answers(v)
    assert not {b for b, basis in answers(v) if basis == "not_rectified"}
    assert UNRELATED not in rests(v)


def test_a_body_with_a_part_is_not_the_readings(policy: Policy) -> None:
    """An assignment to a body with a part in the kind but no duty to rectify it is
    assignment_without_rectification_duty's (level_holds), not this reading's; one to the rectifier, neither's."""
    housing = {"id": "fid44-h", "area": "housing", "kind": "housing_renovation_late", "place": "330127100219",
               "severity": "minor", "discovered": {"level": "city", "channel": "survey_verification",
                                                   "on": "2021-03-01"},
               "handled": [{"action": "assigned", "by_level": "city", "to_level": "county",
                            "to_body": "county_poverty_office", "on": "2021-03-03"}],
               "deadline": "2021-04-30", "as_of": "2021-06-30"}
    v = verdict(policy, housing, "compiled")
    assert "assignment_without_rectification_duty" in rests(v) and UNRELATED not in rests(v)
    fixed = verdict(policy, {**D4, "handled": [{**D4["handled"][0], "to_body": "county_finance"}]}, "compiled")
    assert UNRELATED not in rests(fixed) and ("county_finance", "not_rectified") in answers(fixed)


#: review's D2: an income shortfall the record puts in 民政's line, handed by the city to 县民政局 — which the rules
#: give no part in 增收 (二(六)1(3) 县（市、区）行业主管部门…做好低收入农户增收 names no department; read as the poverty
#: office's line, 人社's for employment) — never rectified
D2: dict[str, Any] = {
    "id": "fid44-d2", "area": "basic_needs", "kind": "basic_needs_income_not_raised", "sector": "civil_affairs",
    "place": "330127100219", "severity": "minor",
    "discovered": {"level": "city", "channel": "survey_verification", "on": "2021-03-01"},
    "handled": [{"action": "assigned", "by_level": "city", "to_level": "county", "to_body": "county_civil_affairs",
                 "on": "2021-03-03"}],
    "deadline": "2021-04-30", "as_of": "2021-06-30"}


@pytest.mark.parametrize("engine", ENGINES)
def test_income_in_civil_affairs_line_is_the_same_choice(policy: Policy, engine: str) -> None:
    """D2 is D4's step: by default the city answers 未按程序交办 and nobody 整改不到位, and the verdict now says it
    rests on assignment_to_body_without_part; level_receives names the county's income rectifier (the office), and
    县民政局, given no part in 增收, is named under neither."""
    v = verdict(policy, D2, engine)
    assert ("city_poverty_office", "not_handled") in answers(v) and UNRELATED in rests(v)
    assert not {b for b, basis in answers(v) if basis == "not_rectified"}
    lr = verdict(policy, D2, engine, **{UNRELATED: "level_receives"})
    assert ("county_poverty_office", "not_rectified") in answers(lr)
    assert ("city_poverty_office", "not_handled") not in answers(lr)
    assert all(f.body != "county_civil_affairs" for x in (v, lr) for f in x.findings)
