"""fidelity21 (engine21): an assignment to a body with a part in the problem but no duty to rectify it (D4:
assignment_without_rectification_duty); concealment from the finder's own level's audit or other oversight (R20-2:
same_level_oversight_concealment); a channel at a level that does not run it (R20-7) — in both engines and in bulk."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from responsibility import Jurisdiction, Policy, ProblemError
from responsibility.engine._decide import who_answers

from .test_batch import TODAY, expected, got
from .test_validate import issues_after
from .verdicts import answers as _answers

ENGINES = ("durable", "compiled")
#: 富城村 (千岛湖镇, 淳安县, 杭州市).
VILLAGE = "330127100219"
D4 = "assignment_without_rectification_duty"
R202 = "same_level_oversight_concealment"


def _house(to_body: str | None, by: str = "county", to: str = "county", **extra: Any) -> dict[str, Any]:
    """A house renovated late, found by the county (or ``by``) and assigned to ``to`` (``to_body``)."""
    step: dict[str, Any] = {"action": "assigned", "by_level": by, "to_level": to, "on": "2021-03-02"}
    if to_body is not None:
        step["to_body"] = to_body
    return {"id": "d4", "area": "housing", "kind": "housing_renovation_late", "place": VILLAGE, "severity": "minor",
            "discovered": {"level": by, "channel": "hotline" if by == "county" else "media", "on": "2021-03-01"},
            "handled": [step], "deadline": "2021-04-01", "as_of": "2021-06-30", **extra}


# ------------------------------------------------------------------------------------------------------------ D4


@pytest.mark.parametrize("engine", ENGINES)
def test_an_assignment_to_the_ledger_keeper_leaves_the_renovation_with_the_construction_bureau(policy: Policy,
                                                                                                engine: str) -> None:
    """D4: the county hands a house's renovation to its own 扶贫办, which keeps the problem lists (一(三)) and has no
    duty to renovate (二(六)4(3) 县建设部门). By default (level_holds) that is the county's assignment as a whole: the
    construction bureau answers for the rectification, as it does when the record names no body, and the 扶贫办 is not
    named for it; under ``assignee`` the 扶贫办 answers and the bureau presses it. The verdict lists the parameter under
    either value; one naming the bureau itself, or no body, does not."""
    held = _answers(policy, _house("county_poverty_office"), engine)
    assert ("county_construction", "not_rectified") in held
    assert ("county_poverty_office", "not_rectified") not in held
    assert held == _answers(policy, _house(None), engine)
    old = policy.with_parameters(**{D4: "assignee"})
    assignee = _answers(old, _house("county_poverty_office"), engine)
    assert ("county_poverty_office", "not_rectified") in assignee
    assert ("county_construction", "supervision") in assignee
    assert ("county_construction", "not_rectified") not in assignee
    for p in (policy, old):
        v = p.who_answers(_house("county_poverty_office"), engine=engine)
        assert D4 in {i.id for i in v.interpretations}
        assert "assignment_without_rectification_duty" in v.explain()
        for body in ("county_construction", None):
            assert D4 not in {i.id for i in p.who_answers(_house(body), engine=engine).interpretations}


@pytest.mark.parametrize("engine", ENGINES)
def test_a_department_assigned_a_problem_of_its_own_line_is_the_assignee(policy: Policy, engine: str) -> None:
    """F8-A4 stays: 二(二)3 成员单位…负责涉及本部门问题的…即时整改 — the county water bureau handed a water project
    that is late rectifies it (it holds that duty for its own line), so the assignment names it under either value."""
    r = {"id": "f8a4", "area": "projects", "kind": "project_late_or_unfinished", "place": VILLAGE,
         "severity": "serious",
         "discovered": {"level": "county", "channel": "dynamic_tracking", "on": "2021-03-01"},
         "handled": [{"action": "assigned", "by_level": "county", "to_level": "county", "to_body": "county_water",
                      "on": "2021-03-05"}], "deadline": "2021-04-30", "as_of": "2021-06-30"}
    assert policy.has_rectification_duty("projects", "project_late_or_unfinished", "county_water", 0)
    assert ("county_water", "not_rectified") in _answers(policy, r, engine)
    assert D4 not in {i.id for i in policy.who_answers(r, engine=engine).interpretations}


@pytest.mark.parametrize("engine", ENGINES)
def test_a_body_of_a_level_that_only_presses_those_below_is_still_the_assignee(policy: Policy, engine: str) -> None:
    """R6-54 stays: the province hands a county's house to the city construction bureau, which presses renovation below
    it (二(六)4(6)) and rectifies nothing itself; the city rectifies only by pressing the county, so the assignment
    names who presses (review9a R9A-1), not the city as a whole (its 扶贫办 would then answer).

    (fid27a, review25 R25-3/R25-7) That reading is now pressing_level_assignment's ``assignee``: by default (pass_down)
    a level that only presses those below received the problem to pass it down (一(三) 分类交办; 三(二) 一级抓一级),
    and the body named answers for not passing it on (一(四) 没有按程序及时交办), the city as a whole not at all."""
    r = _house("city_construction", by="province", to="city")
    held = _answers(policy.with_parameters(pressing_level_assignment="assignee"), r, engine)
    assert ("city_construction", "not_rectified") in held
    assert ("city_poverty_office", "not_rectified") not in held
    held = _answers(policy, r, engine)
    assert ("city_construction", "not_handled") in held
    assert not {b for b, basis in held if b.startswith("city_") and b != "city_construction"}


@pytest.mark.parametrize("engine", ENGINES)
def test_under_assignee_the_earlier_pins_hold(policy: Policy, engine: str) -> None:
    """The readings the scenarios R10A-08, F9-L1 and F9-L2 pinned before D4, kept under ``assignee``: the 扶贫办 cites
    its part (一(三)), not 一(四) alone; a government does not press its Party committee, nor a department either."""
    # (fid32a: which city body presses by its line, not whether the city presses: under the default,
    # own_and_shown_above, a city the record never shows had the problem presses nothing — read as before)
    policy = policy.with_parameters(supervision_scope="own_and_level_above")
    old = policy.with_parameters(**{D4: "assignee"})
    v = old.who_answers(_house("county_poverty_office", by="city"), engine=engine)
    office = [f for f in v.findings if f.body == "county_poverty_office" and f.basis == "not_rectified"]
    assert office and set(office[0].clauses) >= {"一(三)", "一(四)"}
    l1 = {"id": "F9-L1", "area": "housing", "kind": "housing_subsidy_irregular", "place": "330127",
          "severity": "minor", "discovered": {"level": "province", "channel": "audit", "on": "2021-03-01"},
          "handled": [{"action": "assigned", "by_level": "province", "to_level": "county",
                       "to_body": "county_party_committee", "on": "2021-03-02"}],
          "deadline": "2021-04-01", "as_of": "2021-06-30"}
    got1 = _answers(old, l1, engine)
    assert ("county_party_committee", "not_rectified") in got1 and ("city_construction", "supervision") in got1
    assert not {("county_government", "supervision"), ("county_construction", "supervision")} & got1
    got2 = _answers(old, _house("township_party_committee", to="township"), engine)
    assert ("township_party_committee", "not_rectified") in got2
    assert ("township_government", "supervision") not in got2


@pytest.mark.parametrize("engine", ENGINES)
def test_a_body_handed_the_problem_late_does_not_answer_for_its_levels_delay_under_either_value(
        policy: Policy, example: Jurisdiction, engine: str) -> None:
    """The county found the house on 03-01 and handed it to its 扶贫办 only on 03-25, after its limit: the 扶贫办, which
    the record shows received it then, does not answer for the county's delay (fidelity12 G3c) — under level_holds too,
    which reads the step as the county's own 交办 to itself as a whole but not as handing the 扶贫办 nothing; the bulk
    path gives the same (such a record takes its reference path)."""
    r = _house("county_poverty_office")
    r["handled"][0]["on"], r["deadline"] = "2021-03-25", "2021-04-30"
    for p in (policy, policy.with_parameters(**{D4: "assignee"})):
        held = _answers(p, r, engine)
        assert ("county_construction", "not_handled") in held
        assert ("county_poverty_office", "not_handled") not in held
        a = p.assess([r], jurisdiction=example, today=TODAY)
        assert got(a) == expected(p, example, [r], engine)


def _assignments(policy: Policy, j: Jurisdiction) -> list[dict[str, Any]]:
    """One assignment to each body of each level from the place's up, for every kind, found by the county, city or
    province: every body with a part but no duty to rectify, and every other."""
    places = {"village": VILLAGE, "county": "330127", "city": "3301"}
    levels = ["village", "township", "county", "city", "province"]
    # (each body a record can name: not the unresolved stand-in, review34 F5)
    at = {lv: sorted(b for b, x in policy.bodies.items() if x.level == lv and x.kind != "unresolved_holders")
          for lv in levels}
    out = []
    for area, kind in sorted(policy.kinds):
        for plv, place in places.items():
            finder = max(levels.index(plv), 2)
            for to in range(levels.index(plv), finder + 1):
                for body in at[levels[to]]:
                    out.append({"id": f"a{len(out)}", "area": area, "kind": kind, "place": place,
                                "severity": "serious",
                                "discovered": {"level": levels[finder], "channel": "audit", "on": "2021-03-01"},
                                "handled": [{"action": "assigned", "by_level": levels[finder],
                                             "to_level": levels[to], "to_body": body, "on": "2021-03-03"}],
                                "deadline": "2021-04-30", "as_of": "2021-08-01"})
    return out


@pytest.mark.slow
@pytest.mark.parametrize("value", ["level_holds", "assignee"])
@pytest.mark.durable
def test_assignments_to_each_body_equal_who_answers_in_bulk(policy: Policy, example: Jurisdiction,
                                                            value: str) -> None:
    """The bulk path reads an assignment as derive does under either value (batch/_encode.level_holds)."""
    view = policy.with_parameters(**{D4: value})
    records = _assignments(policy, example)[::3]
    a = view.assess(records, jurisdiction=example, today=TODAY)
    assert a.assessed == len(records)
    assert got(a) == expected(view, example, records, "compiled")
    assert got(a) == expected(view, example, records, "durable")


@pytest.mark.slow
def test_a_verdict_whose_answer_the_new_parameters_change_lists_them(policy: Policy, example: Jurisdiction) -> None:
    """review18's check for D4 and R20-2: where the other value changes the findings, the default verdict lists the
    parameter (among its interpretations)."""
    records = _assignments(policy, example)[::7] + [
        {**_hidden(c, ch, b), "id": f"s{i}"} for i, (c, ch, b) in enumerate(
            [("county_construction", "audit", "county_audit"), ("county_finance", "inspection_tour", None)])]
    views = {D4: policy.with_parameters(**{D4: "assignee"}), R202: policy.with_parameters(**{R202: False})}
    changed = dict.fromkeys(views, 0)

    def key(v: Any) -> list[tuple[str, str, str]]:
        return sorted((f.body, f.basis, f.liability) for f in v.findings)

    for r in records:
        v = policy.who_answers(r, jurisdiction=example, engine="compiled")
        listed = {i.id for i in v.interpretations}
        for name, view in views.items():
            # (of the other value's verdict only its findings are read, which a wording_only verdict gives as the
            # whole one does, without deciding the record again under each reading it may rest on: suite63)
            if key(who_answers(view, r, jurisdiction=example, engine="compiled", wording_only=True)) != key(v):
                changed[name] += 1
                assert name in listed, (r, name)
    assert changed[D4] > 20 and changed[R202] == 2


# ---------------------------------------------------------------------------------------------------------- R20-2


def _hidden(concealer: str, channel: str = "audit", body: str | None = "county_audit") -> dict[str, Any]:
    found: dict[str, Any] = {"level": "county", "channel": channel, "on": "2021-03-01"}
    if body is not None:
        found["body"] = body
    return {"id": "c1", "area": "housing", "kind": "housing_subsidy_irregular", "place": VILLAGE,
            "severity": "serious", "discovered": found, "concealed_by": [concealer], "as_of": "2021-08-01"}


@pytest.mark.parametrize("engine", ENGINES)
def test_a_department_that_hid_a_problem_from_its_own_levels_audit_answers(policy: Policy, engine: str) -> None:
    """R20-2: 一(四) 对上级核查和巡视审计等过程中瞒报漏报问题的 — the county construction bureau hid it from the county
    audit (二(一)2(3) 各级审计部门). Refused as input before; by default (true) it answers for concealment, with
    false the record is judged without it; the verdict lists the parameter either way."""
    v = policy.who_answers(_hidden("county_construction"), engine=engine)
    assert ("county_construction", "concealed") in {(f.body, f.basis) for f in v.findings}
    assert R202 in {i.id for i in v.interpretations}
    off = policy.with_parameters(**{R202: False}).who_answers(_hidden("county_construction"), engine=engine)
    assert not [f for f in off.findings if f.basis == "concealed"]
    assert R202 in {i.id for i in off.interpretations}
    # a concealer below the finder does not rest on it
    below = policy.who_answers({**_hidden("township"), "concealed_by": ["township"]}, engine=engine)
    assert R202 not in {i.id for i in below.interpretations}


@pytest.mark.parametrize(("concealer", "channel", "body", "words"), [
    ("county", "audit", "county_audit", "name the body of the county"),
    ("county_construction", "hotline", None, "own audit, inspection or other oversight"),
    ("county_audit", "audit", "county_audit", "found the problem; it cannot have concealed it"),
    ("city_construction", "audit", None, "not below the county"),
])
def test_concealment_within_a_level_is_refused_where_the_text_does_not_describe_it(
        policy: Policy, concealer: str, channel: str, body: str | None, words: str) -> None:
    """R20-2: only a body (the level as a whole includes the finder), never the finder itself, and only from an
    oversight channel (审计, 巡视, 纪委监委, 财政检查, 人大政协); a level above the finder still conceals nothing from
    it."""
    with pytest.raises(ProblemError) as e:
        policy.who_answers(_hidden(concealer, channel, body))
    assert e.value.field == "concealed_by[0]" and e.value.code == "concealment"
    assert words in str(e.value)


@pytest.mark.durable
def test_same_level_concealment_in_bulk_equals_who_answers(policy: Policy, example: Jurisdiction) -> None:
    records = [{**_hidden(c, ch, b), "id": f"s{i}"} for i, (c, ch, b) in enumerate(
        [("county_construction", "audit", "county_audit"), ("county_finance", "inspection_tour", None),
         ("county", "audit", None), ("county_construction", "hotline", None), ("township", "audit", None)])]
    for view in (policy, policy.with_parameters(**{R202: False})):
        a = view.assess(records, jurisdiction=example, today=TODAY)
        assert a.rejected == 2
        assert got(a) == expected(view, example, records, "compiled")
        assert got(a) == expected(view, example, records, "durable")


# ---------------------------------------------------------------------------------------------------------- R20-7


#: The levels the tests give channels (the text's: 一(一) 县级…全科网格; 省市两级…调查核查; 上级核查; 各级审计部门).
RUN_BY = {"grid": "[village, township, county]", "survey_verification": "[city, province]",
          "higher_level_verification": "[township, county, city, province]", "audit": "[county, city, province]"}


def _run_by(rules: Path) -> Policy:
    """The policy of ``rules``, whose channels carry :data:`RUN_BY`'s levels (rules/vocabulary.yaml, since R20-7 landed:
    the tests first gave them in a copy)."""
    import responsibility

    policy = responsibility.load(rules)
    assert {c: policy.channels[c].levels for c in RUN_BY} == {
        c: levels.strip("[]").split(", ") for c, levels in RUN_BY.items()}
    return policy


@pytest.mark.parametrize(("level", "channel", "allowed"), [
    ("village", "higher_level_verification", "township, county, city, province"),
    ("township", "audit", "county, city, province"),
    ("province", "grid", "village, township, county"),
    ("county", "survey_verification", "city, province"),
])
def test_a_channel_at_a_level_that_does_not_run_it_is_refused(rules_copy: Path, example: Jurisdiction,
                                                              level: str, channel: str, allowed: str) -> None:
    """R20-7: 上级核查 at the village (nothing is below it), an audit at the township (各级审计部门: the county and up),
    全科网格 at the province (一(一) 县级…借助全科网格) were accepted and changed who answers; a channel's ``levels``
    refuses them: the error names the field, the channel and the levels that run it, and the bulk path rejects the
    record with the same words."""
    policy = _run_by(rules_copy)
    r = {"id": "ch", "area": "housing", "kind": "housing_renovation_late", "place": VILLAGE, "severity": "minor",
         "discovered": {"level": level, "channel": channel, "on": "2021-03-01"}, "as_of": "2021-06-30"}
    with pytest.raises(ProblemError) as e:
        policy.who_answers(r, jurisdiction=example)
    assert e.value.field == "discovered.level" and e.value.code == "level_mismatch"
    assert f"{allowed} run it" in str(e.value) and repr(channel) in str(e.value)
    a = policy.assess([r, {**r, "id": "ok", "discovered": {**r["discovered"], "channel": "media"}}],  # any level's
                      jurisdiction=example, today=TODAY)
    assert got(a)[1] == [(0, "discovered.level", str(e.value))] and a.assessed == 1


def test_a_channel_naming_an_unknown_level_is_an_issue_where_it_is(rules_copy: Path) -> None:
    """Every level a channel names is a level of the chain (policy/_validate.py)."""
    issues = issues_after(rules_copy, "vocabulary.yaml", "en: audit, levels: [county, city, province],",
                          "en: audit, levels: [county, provinec],", 1)
    assert any(i.code == "unknown_ref" and "'provinec'" in i.message and "vocabulary.yaml" in i.file for i in issues)
