"""Who holds, who rectifies, who is told it did not pass on (session 28, fid28a).

1. A 扶贫领域具体问题 the county was assigned and did not rectify: with a line named (the record's ``sector``, or a
   department it names), the line's department rectifies it (二(二)3 负责涉及本部门问题的…即时整改) and the keeper of the
   county's lists (一(三), 县扶贫办 by interpretation) is not named beside it; with none, the keeper is (R23-5b, R6-11)
   (review27 #3).
"""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Jurisdiction, Policy

from .test_batch import TODAY, expected, got

PLACE = "330127100219"  # 富城村, 千岛湖镇, 淳安县 (杭州市)
ENGINES = ["compiled", pytest.param("durable", marks=pytest.mark.durable)]


def found(policy: Policy, r: dict[str, Any], engine: str = "compiled") -> set[tuple[str, str]]:
    return {(f.body, f.basis) for f in policy.who_answers(r, engine=engine).findings}  # type: ignore[arg-type]


def same_in_bulk(policy: Policy, records: list[dict[str, Any]]) -> None:
    j = Jurisdiction.example()
    a = policy.assess(records, jurisdiction=j, today=TODAY)
    assert a.assessed == len(records)
    assert got(a) == expected(policy, j, records, "compiled")


# ------------------------------------------------------------------------- 1. the keeper of the lists and the line

def specific(**extra: Any) -> dict[str, Any]:
    """R23-5b's shape: a village's specific problem the county found and assigned to the county, not rectified."""
    return {"id": "p", "area": "discovery", "place": PLACE, "severity": "serious",
            "discovered": {"level": "county", "channel": "verification_census", "on": "2021-03-01"},
            "handled": [{"action": "assigned", "by_level": "county", "to_level": "county", "on": "2021-03-02"}],
            "deadline": "2021-04-30", "as_of": "2021-06-30", **extra}


@pytest.mark.parametrize("engine", ENGINES)
def test_a_named_line_rectifies_and_the_keeper_does_not(policy: Policy, engine: str) -> None:
    # fails before: county_poverty_office not_rectified on 一(三) beside 县水利局
    got_ = found(policy, specific(sector="water"), engine)
    assert ("county_water", "not_rectified") in got_
    assert ("county_poverty_office", "not_rectified") not in got_
    # a department named as the assignee gives the line too
    r = specific(handled=[{"action": "assigned", "by_level": "county", "to_level": "county",
                           "to_body": "county_construction", "on": "2021-03-02"}])
    got_ = found(policy, r, engine)
    assert ("county_construction", "not_rectified") in got_
    assert ("county_poverty_office", "not_rectified") not in got_


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("extra", [{}, {"kind": "specific_problem"}, {"sector": "poverty_office"}])
def test_no_line_or_the_keepers_own_keeps_the_keeper(policy: Policy, engine: str, extra: dict[str, Any]) -> None:
    # R23-5b / R6-11: with no line named the keeper's 整改清单 stands for the county's rectifier (一(三))
    got_ = found(policy, specific(**extra), engine)
    assert ("county_poverty_office", "not_rectified") in got_
    assert not {b for b, basis in got_ if basis == "not_rectified" and b not in ("county_poverty_office",)}


def test_the_keeper_and_the_line_in_bulk(policy: Policy) -> None:
    recs = [{**specific(sector=s), "id": f"s{i}"} for i, s in enumerate(
        ["water", "construction", "civil_affairs", "finance", "poverty_office", "education", "health"])]
    recs += [{**specific(), "id": "none"}]
    same_in_bulk(policy, recs)
