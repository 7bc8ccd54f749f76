"""fid67: check62's X3 (/work/helpers/s61/check62-report.md).

X3: every verdict on a problem placed at an urban community's code (a residents' committee, 社区) says it rests on
residents_committee_place, under either value and on both engines, whether or not the other value changes a finding
(docs/records.md; the parameter's why) — the listing never changes who is named.
"""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Policy, ProblemError

PARAM = "residents_committee_place"
COMMUNITY = "330127100001"  # 青城社区, 千岛湖镇: a 居民委员会 (digits 10–12 001–199)
VILLAGE = "330127100219"  # 富城村, 千岛湖镇
HOT = {"level": "county", "channel": "hotline", "on": "2021-03-01"}


def kinds(policy: Policy) -> list[tuple[str, str]]:
    return [(a.id, k.id) for a in policy.data.areas for k in a.problem_kinds or ()]


def community(area: str, kind: str, place: str = COMMUNITY, **more: Any) -> dict[str, Any]:
    return {"id": f"{area}-{kind}", "area": area, "kind": kind, "place": place, "discovered": HOT,
            "as_of": "2021-03-25", **more}


@pytest.mark.parametrize("value", ["township", "village"])
def test_every_kind_at_a_community_lists_the_reading_on_both_engines(policy: Policy, value: str) -> None:
    view = policy.with_parameters(**{PARAM: value})
    missing = []
    for area, kind in kinds(policy):
        try:
            verdicts = [view.who_answers(community(area, kind), engine=e) for e in ("compiled", "durable")]
        except ProblemError:
            continue
        for v in verdicts:
            if PARAM not in {i.id for i in v.interpretations}:
                missing.append((kind, v))
    assert not missing, [k for k, _ in missing]


def test_a_village_s_verdict_does_not_list_it(policy: Policy) -> None:
    for area, kind in kinds(policy)[:20]:
        try:
            v = policy.who_answers(community(area, kind, VILLAGE))
        except ProblemError:
            continue
        assert PARAM not in {i.id for i in v.interpretations}, kind


def test_the_listing_names_nobody_new_and_the_route_lists_it_too(policy: Policy) -> None:
    # the same findings at the community and (by the default) at its township's code, where nothing is listed
    for area, kind in kinds(policy):
        try:
            at = policy.who_answers(community(area, kind))
        except ProblemError:
            continue
        street = policy.who_answers(community(area, kind, "330127100000"))
        assert sorted((f.body, f.basis, f.liability) for f in at.findings) == \
            sorted((f.body, f.basis, f.liability) for f in street.findings), kind
        route = policy.route(community(area, kind))
        assert PARAM in route.rests_on, kind


def test_a_record_that_exists_only_under_village_lists_it(policy: Policy) -> None:
    # check62 U4: a village-level grid at a community is refused under the default; under village the verdict (no
    # finding) rests on the reading all the same
    rec = community("housing", "housing_danger_unreported",
                    discovered={"level": "village", "channel": "grid", "on": "2021-03-01"}, as_of="2021-03-05")
    with pytest.raises(ProblemError):
        policy.who_answers(rec)
    view = policy.with_parameters(**{PARAM: "village"})
    for engine in ("compiled", "durable"):
        assert PARAM in {i.id for i in view.who_answers(rec, engine=engine).interpretations}
