"""Session 25, review25's findings the lead fixed: R25-10 (a body pressing itself).

Each test names the clause of 浙扶贫〔2020〕1号 that decides it and fails on the code before the change (the equality
check across engines and the bulk path apart)."""
from __future__ import annotations

import itertools
from typing import Any

import pytest

from responsibility import Jurisdiction, Policy

from .test_batch import TODAY, expected, got
from .verdicts import answers

ENGINES = ("durable", "compiled")
COUNTY = "330127"


def _to_level(area: str, kind: str, sector: str, by: str = "county") -> dict[str, Any]:
    """A county problem of ``sector``'s line, assigned by ``by`` to the county as a whole, not rectified."""
    return {"id": f"{kind}-{sector}", "area": area, "kind": kind, "sector": sector, "place": COUNTY,
            "discovered": {"level": by, "channel": "hotline" if by == "county" else "inspection_tour",
                           "on": "2021-03-01"},
            "handled": [{"action": "assigned", "by_level": by, "to_level": "county", "on": "2021-03-05"}],
            "deadline": "2021-04-30", "as_of": "2021-06-30"}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("area", "kind", "sector", "by", "body"), [
    ("health", "health_assistance_late", "finance", "county", "county_finance"),  # 二(六)3(3) 资金拨付和监管
    ("projects", "project_records_incomplete", "poverty_office", "city", "county_poverty_office"),  # 二(五)3
])
def test_the_levels_rectifier_does_not_press_itself(policy: Policy, engine: str, area: str, kind: str, sector: str,
                                                    by: str, body: str) -> None:
    """review25 R25-10: the county, assigned the problem as a whole, had not rectified it; the department of the
    record's line answers 整改不到位 (一(四) 交办问题整改落实不到位) — and answered 指导督促不到位 too, for pressing
    itself. One failure, one finding: it answers as the rectifier only."""
    got_ = answers(policy, _to_level(area, kind, sector, by), engine)
    assert (body, "not_rectified") in got_
    assert (body, "supervision") not in got_
    assert ("county_government", "supervision") in got_  # the level's leaders still press it (二(二)4)


@pytest.mark.slow
def test_no_body_is_rectifier_and_supervisor_of_one_assignment(policy: Policy, province: Jurisdiction) -> None:
    """Over every county kind and every line with a part in its area, assigned to the county as a whole: no body is
    both; the bulk path (policy.assess) gives the same rows as who_answers, record by record."""
    records = [_to_level(a.id, k.id, s) for a in policy.data.areas for k in a.problem_kinds
               if k.authority == "county" for s in sorted(policy.sectors_with_part(a.id))]
    records += [{k: v for k, v in r.items() if k != "sector"} | {"id": f"{r['kind']}-"}
                for r in records if r["id"].endswith(tuple(f"-{s}" for s in ("finance",)))]
    assert len(records) > 50
    for r, engine in itertools.product(records, ENGINES):
        try:
            got_ = answers(policy, r, engine)
        except Exception:  # a line the kind refuses is the record reader's business, not this test's
            continue
        both = {b for b, basis in got_ if basis == "not_rectified"} & {b for b, basis in got_ if basis == "supervision"}
        assert not both, (r["id"], engine, both)
    a = policy.assess(records, jurisdiction=province, today=TODAY)
    assert got(a) == expected(policy, province, records, "compiled")


def test_a_late_assignment_naming_no_body_is_answered_in_bulk_as_by_who_answers(
        policy: Policy, province: Jurisdiction) -> None:
    """The county had the problem through no body named (its hotline) and handed it on after its limit: to the county
    as a whole (the fast path's reading, since session 25: 3.7% of bench_assess's records took the reference path for
    it) or to one of its departments (the reference path: that department answers beside the receiving body). Every
    county kind, both, early and late: the bulk path gives who_answers' rows, record by record."""
    records = []
    for a in policy.data.areas:
        for k in a.problem_kinds:
            if k.authority != "county":
                continue
            for on, body in itertools.product(("2021-03-05", "2021-03-25"), (None, "county_poverty_office",
                                                                               "county_construction")):
                step: dict[str, Any] = {"action": "assigned", "by_level": "county", "to_level": "county", "on": on}
                if body is not None:
                    step["to_body"] = body
                records.append({"id": f"{k.id}-{on}-{body}", "area": a.id, "kind": k.id, "place": "330127100219",
                                "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
                                "handled": [step], "deadline": "2021-04-30", "as_of": "2021-06-30"})
    assert len(records) > 100
    a = policy.assess(records, jurisdiction=province, today=TODAY)
    assert got(a) == expected(policy, province, records, "compiled")
