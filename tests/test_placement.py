"""The instantiated chain: bodies of the role graph placed on real and synthetic places."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import responsibility
from responsibility import (
    ChainError,
    Jurisdiction,
    JurisdictionError,
    PlacedBody,
    PlacedChain,
    Policy,
)
from responsibility.chain._jurisdiction import ancestor_code, level_of

RULES = Path(__file__).resolve().parents[1] / "rules"
LEVELS = ["village", "township", "county", "city", "province"]
LEADERS = frozenset({"party_organisation", "government"})
PROPS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def shipped(policy: Policy) -> Policy:
    # (conftest's session policy: the same shipped rules, loaded and warmed once a process)
    return policy


@pytest.fixture(scope="module")
def real(shipped: Policy) -> PlacedChain:
    return PlacedChain(shipped, Jurisdiction.example())


@pytest.fixture(scope="module")
def village(real: PlacedChain) -> str:
    # a village's code, not an urban community's: the example's first village-level place is 清波门社区, a residents'
    # committee with no 村委会 nor 村党支部 (二(一)1(1), 二(二)1 give those duties to a village's bodies), which by
    # residents_committee_place=township holds no village body (session 25's note item 4)
    from responsibility.chain._jurisdiction import is_residents_committee

    return next(p.code for p in real.jurisdiction.at_level("village") if not is_residents_committee(p.code))


# ------------------------------------------------------------------------------ on the example jurisdiction


def test_the_chain_above_a_real_village(real: PlacedChain, village: str) -> None:
    chain = real.above(village)
    assert chain[:2] == (
        PlacedBody("village_party_branch", village),
        PlacedBody("village_committee", village),
    )
    township = ancestor_code(village, "township")
    assert PlacedBody("township_government", township) in chain
    assert PlacedBody("county_construction", ancestor_code(village, "county")) in chain
    assert PlacedBody("province_government", ancestor_code(village, "province")) in chain
    # Every body of the role graph at or above the village level appears once.
    assert sorted(pb.body for pb in chain) == sorted(real.graph)
    assert real.name(chain[1]).endswith(real.graph.nodes["village_committee"]["name"])
    assert real.name(chain[1]).startswith(real.jurisdiction.place(village).name)


def test_the_chain_above_a_township_starts_there(real: PlacedChain, village: str) -> None:
    township = ancestor_code(village, "township")
    chain = real.above(township[:9])
    assert chain[0].code == township and all(level_of(pb.code) != "village" for pb in chain)


def test_placing_a_body(real: PlacedChain, village: str) -> None:
    county = ancestor_code(village, "county")
    assert real.place_of("county_finance", village) == PlacedBody("county_finance", county)
    assert real.place_of("county_finance", county[:6]).code == county
    with pytest.raises(ChainError, match="village body"):
        real.place_of("village_committee", county)
    with pytest.raises(ChainError, match="did you mean"):
        real.place_of("county_finanse", village)
    with pytest.raises(JurisdictionError, match="not in jurisdiction"):
        real.place_of("county_finance", "110101001001")


def test_who_holds_a_duty_kind_in_an_area(real: PlacedChain, village: str) -> None:
    held = real.holders(village, "housing", "review_approval")
    assert [pb.body for pb in held] == ["township_government", "county_construction"]
    assert held[1].code == ancestor_code(village, "county")
    # Discovery applies to every area: the village's discovery duty counts in housing.
    assert PlacedBody("village_committee", village) in real.holders(village, "housing", "discovery")
    with pytest.raises(ChainError, match="unknown area"):
        real.holders(village, "housin", "discovery")
    with pytest.raises(ChainError, match="unknown duty kind"):
        real.holders(village, "housing", "discovry")


def test_escalation_and_supervisors_placed(real: PlacedChain, village: str) -> None:
    path = real.escalation("township_government", village, "housing")
    assert [pb.body for pb in path] == [
        "township_government",
        "county_government",
        "city_government",
        "province_government",
    ]
    assert [pb.code for pb in path] == [ancestor_code(village, lv) for lv in LEVELS[1:]]
    watchers = real.supervisors("township_government", village, "housing")
    assert watchers == (PlacedBody("county_construction", ancestor_code(village, "county")),)


def test_lowest_level_with_authority(real: PlacedChain, village: str) -> None:
    found = real.authority(village, "housing", "housing_danger_unreported")
    assert found.level == "county" and found.place.code == ancestor_code(village, "county")
    assert PlacedBody("county_construction", found.place.code) in found.bodies
    assert all(pb.code == found.place.code for pb in found.bodies)
    common = real.authority(village, "discovery", "common_policy_problem")
    assert common.level == "province"
    with pytest.raises(ChainError, match="unknown problem kind"):
        real.authority(village, "housing", "leaky_roof")
    with pytest.raises(ChainError, match="decided at the county level"):
        real.authority(ancestor_code(village, "city"), "housing", "housing_danger_unreported")



def test_authority_depends_on_the_place_as_the_engine_reads_it(real: PlacedChain, village: str) -> None:
    # 省市两级 make policy alike (二(一)1(2)): a city's own policy gap is the city's, a county's goes to the province
    city = ancestor_code(village, "city")
    assert real.authority(city, "health", "health_policy_gap").level == "city"
    assert real.authority(ancestor_code(village, "county"), "health", "health_policy_gap").level == "province"
    policy = real.policy
    for code in (city, ancestor_code(village, "county")):
        level = real.authority(code, "health", "health_policy_gap").level
        assert level == policy.authority("health", "health_policy_gap", policy.level_rank[level_of(code)])


def test_all_placed_bodies_and_their_count(real: PlacedChain) -> None:
    everything = list(real.bodies())
    assert len(everything) == real.count() == len(set(everything))
    assert {level_of(pb.code) for pb in everything} == set(LEVELS)


def test_the_concrete_subgraph(real: PlacedChain, village: str) -> None:
    g = real.subgraph(village, "housing")
    node = g.nodes[f"village_committee@{village}"]
    assert node["place"] == real.jurisdiction.place(village).name and node["code"] == village
    assert g.has_edge(
        f"township_government@{ancestor_code(village, 'township')}",
        f"county_government@{ancestor_code(village, 'county')}",
        "reports_to@housing",
    )
    assert g.number_of_nodes() == len(responsibility.area_holders(real.graph, "housing"))


# ------------------------------------------------------------------- properties over synthetic provinces


@st.composite
def provinces(draw: st.DrawFn) -> tuple[int, int, int, int, int]:
    cities = draw(st.integers(1, 4))
    counties = draw(st.integers(cities, cities * 3))
    townships = draw(st.integers(counties, counties * 3))
    villages = draw(st.integers(townships, townships * 4))
    return cities, counties, townships, villages, draw(st.integers(0, 2**16))


@PROPS
@given(size=provinces(), pick=st.integers(0, 10**6))
def test_one_party_and_one_government_body_per_level(
    shipped: Policy, size: tuple[int, int, int, int, int], pick: int
) -> None:
    *counts, seed = size
    j = Jurisdiction.synthetic(*counts, seed=seed)
    villages = j.at_level("village")
    village = villages[pick % len(villages)].code
    chain = PlacedChain(shipped, j).above(village, kinds=LEADERS)
    nodes = shipped.chain.nodes
    for level in LEVELS:
        at_level = [pb for pb in chain if nodes[pb.body]["level"] == level]
        kinds = sorted(nodes[pb.body]["kind"] for pb in at_level)
        assert kinds == ["government", "party_organisation"], (level, at_level)
        assert {pb.code for pb in at_level} == {ancestor_code(village, level)}
        assert j.get(at_level[0].code) is not None


@PROPS
@given(
    size=provinces(),
    pick=st.integers(0, 10**6),
    which=st.integers(0, 10**6),
    area=st.sampled_from([None, "housing", "education", "discovery", "funds", "water", "general"]),
)
def test_escalation_paths_only_go_up(
    shipped: Policy, size: tuple[int, int, int, int, int], pick: int, which: int, area: str | None
) -> None:
    *counts, seed = size
    j = Jurisdiction.synthetic(*counts, seed=seed)
    placed = PlacedChain(shipped, j)
    villages = j.at_level("village")
    village = villages[pick % len(villages)].code
    above = placed.above(village)
    start = above[which % len(above)]
    path = placed.escalation(start.body, village, area)
    ranks = [LEVELS.index(shipped.chain.nodes[pb.body]["level"]) for pb in path]
    assert ranks == sorted(ranks)
    assert LEVELS[ranks[-1]] == "province"
    for pb in path:  # every step is at a place that contains the start
        assert ancestor_code(start.code, level_of(pb.code)) == pb.code


@PROPS
@given(size=provinces(), pick=st.integers(0, 10**6))
def test_instantiation_is_deterministic(
    shipped: Policy, size: tuple[int, int, int, int, int], pick: int
) -> None:
    *counts, seed = size
    first = PlacedChain(shipped, Jurisdiction.synthetic(*counts, seed=seed))
    second = PlacedChain(shipped, Jurisdiction.synthetic(*counts, seed=seed))
    villages = first.jurisdiction.at_level("village")
    village = villages[pick % len(villages)].code
    assert first.above(village) == second.above(village)
    assert first.holders(village, "housing", "guidance") == second.holders(village, "housing", "guidance")
    assert first.escalation("village_committee", village, "housing") == second.escalation(
        "village_committee", village, "housing"
    )
    assert list(first.bodies()) == list(second.bodies())
    assert first.above(village) == first.above(village)  # and the cache returns the same answer
