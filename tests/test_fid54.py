"""fid54: a level the record shows making a step holds the problem from that step's day (check53 #2, T6).

A village's grid find of diverted funds (authority: the county), then the county's report of it to the city on 03-03,
named only the city: ``_facts.derive`` built the levels that held the problem from the finder and the steps' receivers,
so the county, which no step reached, never held it and its report up of a problem within its own authority was never
set aside. Write the way up out (village→township→county, then the same report) and the county was named
未按程序交办 (一(三) 按照问题类别、办理权限…分类交办, 对超出本级权限的及时向上级单位报送问题; 一(四) 没有按程序及时交办
和上报). A level that makes a step now holds the problem from that step's day (the latest it can have had it) where no
step of another level reached it by then and no level above it held it by then (a pass-down from above is read as
before): the two records agree. Its step is read as any holder's: a report up of what is beyond its authority, a
pass-down that counts, on that day, is in time — nobody is named for doing right. A county that reported a policy gap
up on 03-03 and was told of it by its township on 03-05 holds it from 03-03 and is no longer named for "sitting" on it
from 03-05.
"""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Policy

from .verdicts import batch_and_answers, rested
from .verdicts import verdict_under as verdict

ENGINES = ("compiled", "durable")
VILLAGE = "330127100219"
ASIDE = "set_aside_report_receiver"
IRREGULAR = "irregular_step"
RECEIVER = "receiving_level_body"
SELF_FIXED = "self_rectified_report_required"
LEVELS = ("village", "township", "county", "city", "province")


def _step(action: str, by: str, to: str, on: str) -> dict[str, str]:
    return {"action": action, "by_level": by, "to_level": to, "on": on}


def _record(rid: str, steps: list[dict[str, str]], *, area: str = "funds", kind: str = "funds_diverted",
            finder: str = "village") -> dict[str, Any]:
    channel = {"village": "grid", "township": "grid", "county": "hotline"}[finder]
    return {"id": rid, "area": area, "kind": kind, "place": VILLAGE,
            "discovered": {"level": finder, "channel": channel, "on": "2021-03-01"}, "handled": steps,
            "as_of": "2021-04-01"}


def _at(v: Any, level: str) -> set[tuple[str, str, tuple[str, ...]]]:
    return {(f.body, f.basis, tuple(f.clauses)) for f in v.findings if f.level == level}


T6 = _record("fid54-T6", [_step("reported", "county", "city", "2021-03-03")])
T6B = _record("fid54-T6b", [_step("reported", "village", "township", "2021-03-02"),
                            _step("reported", "township", "county", "2021-03-03"),
                            _step("reported", "county", "city", "2021-03-04")])
COUNTY_OWN = ("county_sector_department", "not_handled", ("一(三)", "一(四)", "二(二)3", "二(四)4", "二(四)5"))


@pytest.mark.parametrize("engine", ENGINES)
def test_t6_names_the_county_that_reported_up_what_was_its_own(policy: Policy, engine: str) -> None:
    # before: only city_sector_department not_handled; the county's report up was never set aside
    v = verdict(policy, T6, engine)
    assert _at(v, "county") == {COUNTY_OWN}
    got = next(f for f in v.findings if f.level == "county")
    assert "2021-03-03掌握该问题" in got.reason and "其向上级的报送未计为交办" in got.reason
    assert ("city_sector_department", "not_handled") in {(f.body, f.basis) for f in v.findings}
    assert not {x for x in _at(v, "village") if x[1] == "not_handled"}  # the county's step shows it got up in time
    assert IRREGULAR in rested(v) and RECEIVER in rested(v)


@pytest.mark.parametrize("engine", ENGINES)
def test_t6_agrees_with_the_way_up_written_out(policy: Policy, engine: str) -> None:
    assert _at(verdict(policy, T6, engine), "county") == _at(verdict(policy, T6B, engine), "county") == {COUNTY_OWN}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("value", ["holds", "nobody"])
def test_either_receiver_reading_names_the_county(policy: Policy, engine: str, value: str) -> None:
    v = verdict(policy.with_parameters(**{ASIDE: value}), T6, engine)
    assert _at(v, "county") == {COUNTY_OWN}
    # holds: the city was told of it and answers too; nobody: the report reached nobody
    assert bool(_at(v, "city")) is (value == "holds")
    assert ASIDE in rested(v)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("value", ["above_authority_report_counts", "not_counted"])
def test_either_irregular_step_names_the_county(policy: Policy, engine: str, value: str) -> None:
    # the county keeps 一(三)'s lists: its own report of what is within its authority is set aside under either value
    v = verdict(policy.with_parameters(**{IRREGULAR: value}), T6, engine)
    assert _at(v, "county") == {COUNTY_OWN}


@pytest.mark.parametrize("engine", ENGINES)
def test_handling_holders_names_the_countys_holders_as_for_the_twin(policy: Policy, engine: str) -> None:
    view = policy.with_parameters(**{RECEIVER: "handling_holders"})
    v, twin = verdict(view, T6, engine), verdict(view, T6B, engine)
    assert _at(v, "county") == _at(twin, "county")
    named = {b for b, _, _ in _at(v, "county")}
    assert {"county_finance", "county_poverty_office", "county_sector_department"} <= named


# ------------------------------------------------------------------ never the level that did right

GAP_UP = _record("fid54-gap", [_step("reported", "county", "city", "2021-03-03")], area="basic_needs",
                 kind="basic_needs_policy_gap")


@pytest.mark.parametrize("engine", ENGINES)
def test_a_county_reporting_up_what_is_beyond_its_authority_is_not_named(policy: Policy, engine: str) -> None:
    # a provincial policy gap: 一(三) 对超出本级权限的及时向上级单位报送问题 — the county did right
    v = verdict(policy, GAP_UP, engine)
    assert not _at(v, "county")
    # (the role: 二(六)1(5)'s policy is 民政's or the 扶贫办's, each its own field; fid65, check59 BP1)
    assert ("city_sector_department", "not_handled") in {(b, x) for b, x, _ in _at(v, "city")}


@pytest.mark.parametrize("engine", ENGINES)
def test_a_county_told_later_by_its_township_holds_it_from_its_own_report(policy: Policy, engine: str) -> None:
    # before: county_poverty_office not_handled, 所在层级自2021-03-05掌握该问题 (its report of 03-03 came "before" it
    # held it)
    rec = {**GAP_UP, "id": "fid54-gap2", "handled": [_step("reported", "county", "city", "2021-03-03"),
                                                      _step("reported", "township", "county", "2021-03-05")]}
    assert not _at(verdict(policy, rec, engine), "county")


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("steps", [
    [_step("reported", "township", "county", "2021-03-03")],  # below the authority, reporting up
    [_step("assigned", "county", "village", "2021-03-03")],  # at it, passing it down to a level that rectifies it
    [_step("assigned", "county", "township", "2021-03-03")],
], ids=["township-up", "county-to-village", "county-to-township"])
def test_a_step_that_counts_on_its_own_day_names_nobody_for_it(policy: Policy, engine: str,
                                                               steps: list[dict[str, str]]) -> None:
    v = verdict(policy, _record("fid54-ok", steps), engine)
    for level in ("village", steps[0]["by_level"]):
        assert not {x for x in _at(v, level) if x[1] == "not_handled"}, level


TWN_BACK = _record("fid54-tb", [_step("assigned", "township", "village", "2021-03-03")])
APPROVAL_BACK = _record("fid54-tba", [_step("assigned", "township", "village", "2021-03-03")], area="basic_needs",
                        kind="basic_needs_approval_late")


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("value", [False, True])
def test_a_township_handing_it_back_to_its_village(policy: Policy, engine: str, value: bool) -> None:
    view = policy.with_parameters(**{SELF_FIXED: value})
    # the village can rectify diverted funds: the township's hand-down is a disposal, and whether it still had to
    # report it is self_rectified_report_required's, as for the twin the village reported to
    v = verdict(view, TWN_BACK, engine)
    assert bool(_at(v, "township")) is value
    assert SELF_FIXED in rested(v)
    # nobody at the village approves a subsidy: the township had to report it up (一(三)), under either value
    v = verdict(view, APPROVAL_BACK, engine)
    assert {(b, x) for b, x, _ in _at(v, "township")} == {("township_government", "not_handled")}


# ------------------------------------------------------------------ the twin, over every kind (slow)

_SHAPES = [("village", "county", "reported", "city"), ("village", "county", "assigned", "township"),
           ("village", "township", "assigned", "village"), ("village", "city", "reported", "province"),
           ("township", "county", "assigned", "county"), ("county", "city", "reported", "province"),
           ("city", "province", "assigned", "county")]


@pytest.mark.slow
@pytest.mark.parametrize("shape", _SHAPES, ids=["-".join(s) for s in _SHAPES])
def test_every_kind_agrees_with_its_written_out_twin(policy: Policy, shape: tuple[str, str, str, str]) -> None:
    finder, stepper, action, to = shape
    chain = LEVELS[LEVELS.index(finder):LEVELS.index(stepper) + 1]
    up = [_step("reported", chain[i], chain[i + 1], "2021-03-03" if i == len(chain) - 2 else "2021-03-02")
          for i in range(len(chain) - 1)]
    own = _step(action, stepper, to, "2021-03-03")
    channel = {"village": "grid", "township": "grid", "county": "hotline", "city": "research_supervision"}[finder]
    for area, kind in policy.kinds:
        base = {"area": area, "kind": kind, "place": VILLAGE, "as_of": "2021-04-15",
                "discovered": {"level": finder, "channel": channel, "on": "2021-03-01"}}
        a = policy.who_answers({**base, "id": "a", "handled": [own]})
        b = policy.who_answers({**base, "id": "b", "handled": [*up, own]})
        assert _at(a, stepper) == _at(b, stepper), (kind, shape)


# ------------------------------------------------------------------ batch

_ALL = [T6, T6B, GAP_UP, TWN_BACK, APPROVAL_BACK,
        _record("fid54-b1", [_step("assigned", "county", "village", "2021-03-03")], area="basic_needs",
                kind="basic_needs_approval_late"),
        _record("fid54-b2", [_step("reported", "city", "province", "2021-03-03")]),
        _record("fid54-b3", [_step("assigned", "county", "township", "2021-03-03"),
                             _step("reported", "county", "city", "2021-03-04")], area="basic_needs",
                kind="basic_needs_approval_late"),
        _record("fid54-b4", [_step("assigned", "city", "county", "2021-03-03")], finder="county")]


@pytest.mark.parametrize("values", [{}, {ASIDE: "nobody"}, {IRREGULAR: "not_counted"}, {RECEIVER: "handling_holders"},
                                    {SELF_FIXED: True}], ids=["default", "nobody", "not_counted", "handling_holders",
                                                              "self_fixed"])
def test_batch_equals_who_answers(policy: Policy, values: dict[str, Any]) -> None:
    got, want = batch_and_answers(policy.with_parameters(**values) if values else policy, _ALL)
    assert got == want


# ------------------------------------------------------------------ M1: an assignee whose part is its own line's money

AWRD = "assignment_without_rectification_duty"
M1 = {"id": "fid54-M1", "area": "funds", "kind": "funds_diverted", "place": VILLAGE,
      "discovered": {"level": "county", "channel": "audit", "on": "2021-03-01", "body": "county_audit"},
      "handled": [{"action": "assigned", "by_level": "county", "to_level": "county", "to_body": "county_health",
                   "on": "2021-03-03"}],
      "deadline": "2021-04-01", "as_of": "2021-05-01"}


def _unrectified(v: Any) -> set[tuple[str, tuple[str, ...]]]:
    return {(f.body, tuple(f.clauses)) for f in v.findings if f.basis == "not_rectified"}


@pytest.mark.parametrize("engine", ENGINES)
def test_m1_an_assignee_the_record_does_not_put_the_money_with_is_read_as_the_level(policy: Policy,
                                                                                    engine: str) -> None:
    # before: county_health not_rectified [一(四) 二(二)3 二(四)5] (本部门资金), resting on nothing listed
    v = verdict(policy, M1, engine)
    assert _unrectified(v) == {("county_finance", ("一(四)", "二(二)3", "二(四)3")),
                               ("county_sector_department", ("一(四)", "二(二)3", "二(四)4", "二(四)5"))}
    assert AWRD in rested(v)
    # as for an assignment naming no body
    nobody = {**M1, "id": "fid54-M1n", "handled": [{k: x for k, x in M1["handled"][0].items() if k != "to_body"}]}
    assert _unrectified(verdict(policy, nobody, engine)) == _unrectified(v)


@pytest.mark.parametrize("engine", ENGINES)
def test_m1_assignee_keeps_the_department(policy: Policy, engine: str) -> None:
    v = verdict(policy.with_parameters(**{AWRD: "assignee"}), M1, engine)
    assert _unrectified(v) == {("county_health", ("一(四)", "二(二)3", "二(四)5"))}
    assert AWRD in rested(v)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("value", ["level_holds", "assignee"])
def test_m1_a_record_naming_the_line_names_its_department(policy: Policy, engine: str, value: str) -> None:
    v = verdict(policy.with_parameters(**{AWRD: value}), {**M1, "id": "fid54-M1h", "sector": "health"}, engine)
    assert _unrectified(v) == {("county_health", ("一(四)", "二(二)3", "二(四)5"))}
    assert AWRD not in rested(v)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("kind", ["funds_poor_performance", "funds_performance_evaluation_missing",
                                  "funds_allocation_irregular"])
def test_m1_the_other_funds_kinds_read_alike(policy: Policy, engine: str, kind: str) -> None:
    rec = {**M1, "id": f"fid54-M1-{kind}", "kind": kind}
    v = verdict(policy, rec, engine)
    assert "county_health" not in {b for b, _ in _unrectified(v)}
    assert ("county_sector_department", ("一(四)", "二(二)3", "二(四)4", "二(四)5")) in _unrectified(v)
    assert AWRD in rested(v)
    assert {b for b, _ in _unrectified(verdict(policy.with_parameters(**{AWRD: "assignee"}), rec, engine))} == {
        "county_health"}


_M1S = [M1, {**M1, "id": "fid54-M1h", "sector": "health"},
        *({**M1, "id": f"fid54-M1-{k}", "kind": k} for k in ("funds_poor_performance",
                                                              "funds_performance_evaluation_missing",
                                                              "funds_allocation_irregular")),
        {**M1, "id": "fid54-M1e", "handled": [{**M1["handled"][0], "to_body": "county_education"}]}]


@pytest.mark.parametrize("value", ["level_holds", "assignee"])
def test_m1_batch_equals_who_answers(policy: Policy, value: str) -> None:
    got, want = batch_and_answers(policy.with_parameters(**{AWRD: value}), _M1S)
    assert got == want
