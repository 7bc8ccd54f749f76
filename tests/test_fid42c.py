"""fid42c (review41b D1, continued from fid41c; fid41's suggested patch).

1. A department of a city or the province whose level's one holder of the kind's handling is the 扶贫办 by 二(二)5
   省市有关部门…负责指导督促基层问题发现和整改 alone — the body receiving_level_body chooses there (市水利 for a water
   problem reaching the city with no body named), or one a record names — answers for not passing the problem on with
   the duty that ties it to the kind's work (二(六)5(6) 省市行业主管部门…指导、协调和督促农村饮用水达标提标工程建设),
   not on 一(三)/一(四) alone, and its reason says it 负有交办上报职责 as the county's chosen body's does, not that it
   发现（接报）该问题 (the wording for a finder with no part).
2. Under misassigned_body_passes_on (true) a body handed a problem it has no duty to rectify, which sat on it, cites
   二(二)3 (分类办理) and its reason gives the day it was handed the problem (not its level's day).
On both engines, in bulk, and as the eager reference builds it."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from responsibility import Jurisdiction, Policy

from .test_batch import TODAY, expected, got
from .test_fid41 import EMERGENCY, HOUSE, MEDICAL, SCHOOL_FUNDS
from .test_fid41c import W06
from .test_verdict_lazy import reference, same

ENGINES = ("compiled", "durable")
PASSES_ON = "misassigned_body_passes_on"
VILLAGE = "330127100219"


def _late(v: Any, body: str) -> list[Any]:
    return [f for f in v.findings if f.basis == "not_handled" and f.body == body]


def _to_city(area: str, kind: str, *, to_body: str | None = None, level: str = "city") -> dict[str, Any]:
    """A problem of a village the province's audit found and assigned to ``level`` (no body, or ``to_body``), which
    sat on it."""
    r = copy.deepcopy(W06)
    r.update(id=f"fid42c-{kind}-{level}-{to_body}", area=area, kind=kind, place=VILLAGE)
    if level == "province":
        r["handled"] = []
    else:
        r["handled"] = [{"action": "assigned", "by_level": "province", "to_level": "city", "on": "2021-03-03",
                         **({"to_body": to_body} if to_body else {})}]
    r.pop("deadline")
    r.pop("rectified_on")
    return r


@pytest.mark.parametrize("engine", ENGINES)
def test_the_chosen_water_bureau_cites_the_clause_that_ties_it_and_holds_the_duty(policy: Policy,
                                                                                   engine: str) -> None:
    """Fails before: 市水利 cited [一(三), 一(四)] and its reason said 市水利部门发现（接报）该问题. The other value
    keeps the office on 二(二)5 (its duty at the handling stage; 二(一)1(3) reaches its own level's problems only)."""
    v = policy.who_answers(copy.deepcopy(W06), engine=engine)  # type: ignore[arg-type]
    [f] = _late(v, "city_water")
    assert f.clauses == ("一(三)", "一(四)", "二(六)5(6)")
    assert "water_province_city_guide" in f.duties and "receiving_level_body" in f.rests_on
    assert "市水利部门负有交办上报职责，未在10天内按程序交办或上报" in f.reason and "发现（接报）" not in f.reason
    other = policy.with_parameters(receiving_level_body="handling_holders")
    [g] = _late(other.who_answers(copy.deepcopy(W06), engine=engine), "city_poverty_office")  # type: ignore[arg-type]
    assert g.clauses == ("一(三)", "一(四)", "二(二)5")


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("area", "kind", "level", "body", "clause", "holds"), [
    ("housing", "housing_renovation_late", "city", "city_construction", "二(六)4(6)", "负有交办上报职责"),
    ("housing", "housing_renovation_late", "province", "province_construction", "二(六)4(6)", "负有交办职责"),
    # several departments tied (医保、卫健…): the role, once, with the duty it stands for
    ("health", "health_application_not_helped", "city", "city_sector_department", "二(六)3(5)", "负有交办上报职责"),
])
def test_each_guiding_levels_receiver_cites_its_own_tie(policy: Policy, engine: str, area: str, kind: str,
                                                       level: str, body: str, clause: str, holds: str) -> None:
    """Fails before: each cited [一(三), 一(四)] only, and its reason said 发现（接报）."""
    v = policy.who_answers(_to_city(area, kind, level=level), engine=engine)  # type: ignore[arg-type]
    [f] = [f for f in _late(v, body) if f.liability == "staff"]
    assert clause in f.clauses and "二(二)5" not in f.clauses
    assert holds in f.reason and "发现（接报）" not in f.reason


@pytest.mark.parametrize("engine", ENGINES)
def test_a_named_bureau_of_a_guiding_level_reads_as_the_chosen_one(policy: Policy, engine: str) -> None:
    """The same body named by the record (an assignment to 市住建) answers with the same duty: whether the record or the
    parameter names it, the text ties it to the work by 二(六)4(6). Fails before. The county's chosen body is as it
    was (its part is at handling: 二(二)3, 二(六)4(3))."""
    named = policy.who_answers(_to_city("housing", "housing_renovation_late", to_body="city_construction"),
                               engine=engine)  # type: ignore[arg-type]
    chosen = policy.who_answers(_to_city("housing", "housing_renovation_late"), engine=engine)  # type: ignore[arg-type]
    [a], [b] = _late(named, "city_construction"), _late(chosen, "city_construction")
    assert a.clauses == b.clauses == ("一(三)", "一(四)", "二(六)4(6)")
    county = {"id": "fid42c-county", "area": "housing", "kind": "housing_renovation_late", "place": VILLAGE,
              "severity": "minor", "discovered": {"level": "county", "channel": "audit", "on": "2021-03-01",
                                                  "body": "county_audit"}, "as_of": "2021-06-30"}
    [c] = _late(policy.who_answers(county, engine=engine), "county_construction")  # type: ignore[arg-type]
    assert c.clauses == ("一(三)", "一(四)", "二(二)3", "二(六)4(3)")


def test_in_bulk_as_one_by_one(policy: Policy, example: Jurisdiction) -> None:
    """The bulk path gives what who_answers gives, under both values of receiving_level_body: the chosen and the
    named bureau's rows cite the clause that ties them (fails before: no row cited 二(六)5(6) or 二(六)4(6))."""
    records = []
    for i, r in enumerate([W06, _to_city("water", "water_project_irregular", to_body="city_water"),
                           _to_city("housing", "housing_renovation_late"),
                           _to_city("housing", "housing_renovation_late", level="province"),
                           _to_city("health", "health_application_not_helped")]):
        for sev in ("minor", "grave"):
            x = copy.deepcopy(r)
            x.update(id=f"fid42c-bulk-{i}-{sev}", severity=sev)
            x.pop("as_of", None)
            records.append(x)
    for p in (policy, policy.with_parameters(receiving_level_body="handling_holders")):
        a = p.assess(records, jurisdiction=example, today=TODAY)
        assert a.assessed == len(records)
        rows = got(a)
        assert rows == expected(p, example, records, "compiled")
        if p is policy:
            cited = {(row[4], row[10]) for row in rows[0] if row[8] == "not_handled"}
            assert ("city_water", "一(三);一(四);二(六)5(6)") in cited
            assert ("province_construction", "一(三);一(四);二(六)4(6)") in cited


@pytest.mark.parametrize("engine", ENGINES)
def test_under_true_the_misassigned_body_cites_sorting_and_its_own_day(policy: Policy, engine: str,
                                                                       example: Jurisdiction) -> None:
    """fid41's suggestion: 县医保, handed on 03-03 the late medical aid of the finance line, cites 二(二)3 分类办理 and
    its reason gives that day (its level had it from 03-01); 县水利 (steps of its level set aside) likewise. As the
    eager reference builds it. Fails before: [一(三), 一(四)] and 所在层级自2021-03-01掌握该问题. A department handed it
    after its level's limit still reads （所在层级此前已超出交办上报时限）."""
    p = policy.with_parameters(**{PASSES_ON: True})
    for record, body in ((MEDICAL, "county_medical_insurance"), (EMERGENCY, "county_water")):
        v = p.who_answers(copy.deepcopy(record), jurisdiction=example, engine=engine)  # type: ignore[arg-type]
        mine = _late(v, body)
        assert mine
        for f in mine:
            assert "二(二)3" in f.clauses and "discovery_county_departments" in f.duties
            assert "于2021-03-03受交办该问题（对该问题无整改职责）" in f.reason, f.reason
            assert f.reason.endswith("未在10天内按程序转交或上报。"), f.reason
            assert "was handed the problem on 2021-03-03, a problem it had no duty to rectify, and it did not pass it" \
                in f.to_dict("en")["reason"]
        same(v, reference(p, copy.deepcopy(record), example, engine))
    for record in (HOUSE, SCHOOL_FUNDS):
        same(p.who_answers(copy.deepcopy(record), jurisdiction=example, engine=engine),  # type: ignore[arg-type]
             reference(p, copy.deepcopy(record), example, engine))
    assert not _late(policy.who_answers(copy.deepcopy(MEDICAL), engine=engine),  # type: ignore[arg-type]
                     "county_medical_insurance")
    late = {"id": "fid42c-late", "area": "housing", "kind": "housing_renovation_late", "place": VILLAGE,
            "severity": "minor", "discovered": {"level": "city", "channel": "audit", "on": "2021-03-01"},
            "handled": [{"action": "assigned", "by_level": "city", "to_level": "city", "to_body": "city_construction",
                         "on": "2021-03-20"}], "as_of": "2021-06-30"}
    [f] = _late(policy.who_answers(late, engine=engine), "city_construction")  # type: ignore[arg-type]
    handed_late = "于2021-03-20受交办该问题（所在层级此前已超出交办上报时限），市住房城乡建设部门负有交办上报职责"
    assert handed_late in f.reason, f.reason
