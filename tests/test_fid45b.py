"""fid45b: a province's or city's department that itself found (or was handed) the problem presses its rectification.

二(二)5 省市有关部门：加大调研指导和问题核查力度，负责指导督促基层问题发现和整改. The rules read 有关部门 by the
kind's division of duties (discovery_province_city_departments_guide, scope area_holders), so where the kind's own
duties give a line no part — 应急保供不到位 (二(六)5(3) 县级统管单位), 危房改造验收资料不实 (二(六)4(1)–(2) 村、乡镇),
水质自检未落实 — the city's water or construction bureau was never named, even when the record shows its own 调研督导
finding the problem and the city handing it down, while the 市扶贫办 was named through the same clause
(offices_press_every_area; review44 D3).

acting_departments_press (new, default true) reads such a department as a 有关部门: it answers 指导督促不到位 on
[一(四), 二(二)5] where the rectification below failed, and the finding rests on the parameter. Only a department the
record names (discovered.body, handled[].to_body) at the pressing level, of a line holding a duty of the area, for a
problem placed below it; false gives the answer before, and the verdict says the reading left the department out.
"""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Policy

from .verdicts import batch_and_answers
from .verdicts import found as answers
from .verdicts import rested as rests
from .verdicts import variant as with_
from .verdicts import verdict_under as verdict

ENGINES = ("compiled", "durable")
ACTING = "acting_departments_press"
GUIDE = "discovery_province_city_departments_guide"
VILLAGE = "330127100219"

#: review44 D3 X1: 市水利's own 调研督导 found a failure of emergency supply; the city handed it to the unit; not fixed
X1: dict[str, Any] = {
    "id": "fid45b-x1", "area": "water", "kind": "water_emergency_failure", "sector": "water", "place": VILLAGE,
    "severity": "minor",
    "discovered": {"level": "city", "channel": "research_supervision", "on": "2021-03-01", "body": "city_water"},
    "handled": [{"action": "assigned", "by_level": "city", "to_level": "county", "to_body": "county_water_supply_unit",
                 "on": "2021-03-03"}],
    "deadline": "2021-04-30", "as_of": "2021-06-30"}
#: review44 D3 X2: 市住建 found false renovation records and handed them to 县建设局; never fixed
X2: dict[str, Any] = {
    "id": "fid45b-x2", "area": "housing", "kind": "housing_records_false", "place": VILLAGE, "severity": "minor",
    "discovered": {"level": "city", "channel": "research_supervision", "on": "2021-03-01", "body": "city_construction"},
    "handled": [{"action": "assigned", "by_level": "city", "to_level": "county", "to_body": "county_construction",
                 "on": "2021-03-03"}],
    "deadline": "2021-04-30", "as_of": "2021-06-30"}
#: review44 W03: 市水利 found self-testing not done, handed it to the county as a whole, which passed it to the unit
W03: dict[str, Any] = {
    "id": "fid45b-w03", "area": "water", "kind": "water_self_testing_not_done", "place": VILLAGE, "severity": "minor",
    "discovered": {"level": "city", "channel": "research_supervision", "on": "2021-03-01", "body": "city_water"},
    "handled": [{"action": "assigned", "by_level": "city", "to_level": "county", "on": "2021-03-04"},
                {"action": "assigned", "by_level": "county", "to_level": "county",
                 "to_body": "county_water_supply_unit", "on": "2021-03-07"}],
    "deadline": "2021-04-30", "as_of": "2021-06-30"}
#: the province's water department found it and handed it to the county's unit directly
PROVINCE = {**with_(X1, discovered={**X1["discovered"], "level": "province", "body": "province_water"}),
            "handled": [{**X1["handled"][0], "by_level": "province"}]}
#: the province's audit found it and handed it to 市水利, which passed it to the unit (市水利 acts as an assignee)
HANDED = {**with_(X1, discovered={"level": "province", "channel": "audit", "on": "2021-03-01",
                                  "body": "province_audit"}),
          "handled": [{"action": "assigned", "by_level": "province", "to_level": "city", "to_body": "city_water",
                       "on": "2021-03-03"},
                      {**X1["handled"][0], "on": "2021-03-05"}]}

CASES = {"X1": (X1, "city_water"), "X2": (X2, "city_construction"), "W03": (W03, "city_water"),
         "province": (PROVINCE, "province_water"), "handed": (HANDED, "city_water")}


def _pressing(v: Any, body: str) -> list[Any]:
    return [f for f in v.findings if f.body == body and f.basis == "supervision"]


def test_the_parameter_is_documented_with_the_text(policy: Policy) -> None:
    p = policy.parameters[ACTING]
    assert p.type == "bool" and p.value is True
    assert p.presses_also_acting == [GUIDE]
    assert {"一(四)", "二(二)5"} <= set(p.clauses)
    assert "省市有关部门" in p.why and "加大调研指导和问题核查力度" in p.why and "默认" in (p.why_zh or "")


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("case", sorted(CASES))
def test_the_department_the_record_shows_acting_presses(policy: Policy, case: str, engine: str) -> None:
    """Default: the department answers 指导督促不到位, staff, on [一(四), 二(二)5] through 二(二)5's duty alone,
    resting on the parameter (fails before: it was not named); the office is still named beside it."""
    record, body = CASES[case]
    v = verdict(policy, record, engine)
    mine = _pressing(v, body)
    assert [(f.liability, f.clauses, f.duties) for f in mine] == [("staff", ("一(四)", "二(二)5"), (GUIDE,))], mine
    assert ACTING in mine[0].rests_on and ACTING in rests(v)
    level = policy.bodies[body].level
    assert (f"{level}_poverty_office", "supervision") in answers(v)
    # nothing else rests on it
    assert all(ACTING not in f.rests_on for f in v.findings if f.body != body)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("case", sorted(CASES))
def test_false_gives_the_answer_before(policy: Policy, case: str, engine: str) -> None:
    """false: the same findings less the department's (the reading before), and the verdict says the reading left it
    out."""
    record, body = CASES[case]
    now = verdict(policy, record, engine)
    before = verdict(policy, record, engine, **{ACTING: False})
    assert not _pressing(before, body)
    assert answers(before) == answers(now) - {(body, "supervision")}
    assert ACTING in rests(before)
    assert {(f.body, f.basis, f.liability, f.clauses) for f in before.findings} == {
        (f.body, f.basis, f.liability, f.clauses) for f in now.findings if f.body != body or f.basis != "supervision"}


@pytest.mark.parametrize("engine", ENGINES)
def test_serious_gives_unit_liability_too(policy: Policy, engine: str) -> None:
    """A serious failure: staff and unit, both resting on the parameter (the thresholds as for any finding)."""
    v = verdict(policy, with_(X2, severity="serious"), engine)
    mine = _pressing(v, "city_construction")
    assert sorted(f.liability for f in mine) == ["staff", "unit"]
    assert all(ACTING in f.rests_on and f.clauses == ("一(四)", "二(二)5") for f in mine)


# ---------------------------------------------------------------- where it does not name the department

@pytest.mark.parametrize("engine", ENGINES)
def test_rectified_in_time_names_nobody_and_rests_on_nothing_of_this(policy: Policy, engine: str) -> None:
    """The problem must fail below: fixed by the deadline, nobody presses (only the misses below stay), and the verdict
    does not cite the reading."""
    v = verdict(policy, with_(X1, rectified_on="2021-04-20"), engine)
    assert v.findings and {f.basis for f in v.findings} == {"not_discovered"}
    assert ACTING not in rests(v)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_department_whose_line_has_no_part_in_the_area_is_not_named(policy: Policy, engine: str) -> None:
    """市财政 finding a failure of emergency water supply: its line holds no duty of drinking water (二(六)5), so it is
    no 有关部门 of it by acting alone; the office still presses, and the reading changes nothing."""
    v = verdict(policy, with_(X1, sector=None, discovered={**X1["discovered"], "body": "city_finance"},
                              drop_none=True), engine)
    assert ("city_finance", "supervision") not in answers(v)
    assert ("city_poverty_office", "supervision") in answers(v)
    assert ACTING not in rests(v)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_kind_that_names_the_department_keeps_its_own_duties(policy: Policy, engine: str) -> None:
    """Unmaintained works (二(六)5(6) 省市行业主管部门…指导、协调和督促 in the kind): 市水利 presses by the kind's
    own duties as before, citing 二(六)5(6), and the finding does not rest on the parameter (review43b W12)."""
    rec = with_(X1, kind="water_facilities_unmaintained", sector=None, severity="serious",
                handled=[{**X1["handled"][0], "to_body": "county_water"}], drop_none=True)
    v = verdict(policy, rec, engine)
    mine = _pressing(v, "city_water")
    assert mine and all("二(六)5(6)" in f.clauses and ACTING not in f.rests_on for f in mine)
    assert ACTING not in rests(v)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_department_that_sat_on_it_is_not_named_as_presser(policy: Policy, engine: str) -> None:
    """The province handed it to 市水利, which never passed it down: nothing was assigned below the city, so no
    rectification of the levels below failed for it to press."""
    rec = {**HANDED, "id": "fid45b-sat", "handled": HANDED["handled"][:1]}
    v = verdict(policy, rec, engine)
    assert not [f for f in v.findings if f.basis == "supervision" and f.level == "city"]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_problem_of_the_citys_own_is_not_its_grassroots(policy: Policy, engine: str) -> None:
    """二(二)5 指导督促基层: a problem placed at the city's own code, handed to a body of the city, is pressed by nobody
    of the city through this."""
    rec = with_(X1, place="3301", handled=[{**X1["handled"][0], "to_level": "city", "to_body": "city_poverty_office"}])
    v = verdict(policy, rec, engine)
    assert ("city_water", "supervision") not in answers(v)


def test_offices_press_every_area_false_keeps_both_acting(policy: Policy) -> None:
    """With the office's reading false too, the office is left out where the record does not show it acting, and the
    department the record shows acting still presses."""
    v = verdict(policy, X1, "compiled", offices_press_every_area=False)
    assert ("city_water", "supervision") in answers(v)
    assert ("city_poverty_office", "supervision") not in answers(v)


def test_the_batch_gives_what_who_answers_gives(policy: Policy) -> None:
    """The batch path equals the reference under both values (records naming such a department take the reference
    path: batch/_core.py acting_pressers)."""
    records = [X1, X2, W03, PROVINCE, HANDED, with_(X1, rectified_on="2021-04-20"),
               with_(X2, severity="serious", discovered={**X2["discovered"], "body": "city_finance"})]
    for view in (policy, policy.with_parameters(**{ACTING: False})):
        got, want = batch_and_answers(view, records)
        assert got == want
