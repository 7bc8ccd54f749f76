"""fid44b (review44 D1, D2): two over-blames.

- D1: water_project_irregular (供水工程建设质量或项目资金管理不规范) joins the works'
  construction quality and safety, in which the village has a part (二(六)5(1)
  做好供水工程建设…有关工作) and which the township finds as a problem of its place (二(二)2),
  with the project funds, which 二(六)5(4) gives the county water bureau alone
  (…和项目资金管理). Split into water_project_quality_unsafe and water_project_funds_irregular;
  the joined kind names the village and the township 应发现未发现 only under
  joined_records_both_halves (default false), as project_records_incomplete does.
- D2: a problem placed at a city (province) code that the level found through no named body
  named its 扶贫办 through the office's own-level duty (二(一)1(3)
  各级扶贫办要承担同级扶贫开发领导小组日常事务) alone, definitively, while the same problem placed
  at a village gave receiving_level_body's unresolved holder: that duty is read as the
  county's keeper of the lists is (一(三)), which a record naming no body does not show had
  the problem, so receiving_level_body decides.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from responsibility import Policy
from responsibility.policy._model import Stage

from .verdicts import batch_and_answers

JOINED = "joined_records_both_halves"
RECEIVER = "receiving_level_body"
VILLAGE = "330127100219"
LOWER = {"village_committee", "village_party_branch", "township_government"}

#: The city's audit finds a water-works problem of a village and hands it to the county water bureau (review44 W11).
W11: dict[str, Any] = {
    "id": "w11", "area": "water", "kind": "water_project_irregular", "place": VILLAGE, "severity": "minor",
    "discovered": {"level": "city", "channel": "audit", "on": "2021-03-01", "body": "city_audit"},
    "handled": [{"action": "assigned", "by_level": "city", "to_level": "county", "to_body": "county_water",
                 "on": "2021-03-03"}],
    "deadline": "2021-04-30", "as_of": "2021-06-30"}

#: The city finds a problem placed at its own code through the media, naming no body (review44 S03).
S03: dict[str, Any] = {"id": "s03", "area": "water", "kind": "water_emergency_failure", "place": "3301",
                       "severity": "minor", "discovered": {"level": "city", "channel": "media", "on": "2021-03-01"},
                       "as_of": "2021-06-30"}


def _missed(v: Any) -> set[str]:
    return {f.body for f in v.findings if f.basis == "not_discovered"}


def _holders(policy: Policy, kind: str, stage: Stage) -> set[str]:
    return {h for d in policy.stage_duties("water", kind, stage) for h in policy.duties[d].holders}


# --- D1 -----------------------------------------------------------------------------------------------------------


def test_the_funds_half_gives_the_village_and_township_no_part_but_passing_it_on(policy: Policy) -> None:
    """The funds kind's own stages name the water bureau only (二(六)5(4) 项目资金管理); the village and the township
    keep only the handling defaults (一(四) 对发现问题没有按程序及时交办和上报的), and neither rectifies it."""
    assert _holders(policy, "water_project_funds_irregular", "discovery") & LOWER == set()
    assert _holders(policy, "water_project_funds_irregular", "rectification") & LOWER == set()
    assert _holders(policy, "water_project_funds_irregular", "handling") >= LOWER
    assert "county_water" in _holders(policy, "water_project_funds_irregular", "rectification")
    # the construction half does give them a part, at discovery and in its rectification
    assert _holders(policy, "water_project_quality_unsafe", "discovery") >= LOWER
    assert _holders(policy, "water_project_quality_unsafe", "rectification") >= LOWER


def test_the_joined_kind_finds_through_the_lower_levels_only_under_the_parameter(policy: Policy) -> None:
    """Every duty by which the joined kind could name the village or township 应发现未发现 is switched by
    joined_records_both_halves; the water bureau's are not (it holds both halves)."""
    assert _holders(policy, "water_project_irregular", "discovery") & LOWER == set()
    lower = [d for d in policy.with_parameters(**{JOINED: True}).stage_duties("water", "water_project_irregular",
                                                                              "discovery")
             if set(policy.duties[d].holders) & LOWER]
    assert {h for d in lower for h in policy.duties[d].holders} == LOWER
    assert all(policy.duties[d].applies_if == JOINED for d in lower)
    bureau = [d for d in policy.stage_duties("water", "water_project_irregular", "discovery")
              if "county_water" in policy.duties[d].holders]
    assert bureau and all(policy.duties[d].applies_if is None for d in bureau)


@pytest.mark.parametrize("kind, lower_named, lower_named_if_joined", [
    ("water_project_irregular", False, True),
    ("water_project_quality_unsafe", True, True),
    ("water_project_funds_irregular", False, False),
])
@pytest.mark.parametrize("engine", ["compiled", "durable"])
def test_who_is_named_for_not_finding_each_kind(policy: Policy, kind: str, lower_named: bool,
                                               lower_named_if_joined: bool, engine: str) -> None:
    record = {**copy.deepcopy(W11), "kind": kind}
    for view, named in ((policy, lower_named), (policy.with_parameters(**{JOINED: True}), lower_named_if_joined)):
        v = view.who_answers(record, engine=engine)  # type: ignore[arg-type]
        assert "county_water" in _missed(v)
        assert (_missed(v) >= LOWER) is named and (LOWER & _missed(v) == set()) is (not named), _missed(v)
        # a lower level named only under the parameter says so; one named by a kind saying its half does not
        for f in v.findings:
            if f.body in LOWER and f.basis == "not_discovered":
                assert (JOINED in f.rests_on) is (kind == "water_project_irregular"), f


def test_the_joined_kind_lists_the_reading_under_either_value(policy: Policy) -> None:
    """A verdict on the joined kind lists joined_records_both_halves under the default too, where its other value
    would add the village and the township; one on a kind that says its half does not."""
    for kind, listed in (("water_project_irregular", True), ("water_project_quality_unsafe", False),
                         ("water_project_funds_irregular", False)):
        record = {**copy.deepcopy(W11), "kind": kind}
        for view in (policy, policy.with_parameters(**{JOINED: True})):
            assert (JOINED in {i.id for i in view.who_answers(record).interpretations}) is listed, kind


def test_a_village_that_found_a_funds_problem_answers_for_sitting_on_it(policy: Policy) -> None:
    record = {"id": "fv", "area": "water", "kind": "water_project_funds_irregular", "place": VILLAGE,
              "severity": "minor", "discovered": {"level": "village", "channel": "grid", "on": "2021-03-01"},
              "as_of": "2021-06-30"}
    v = policy.who_answers(record)
    assert {(f.body, f.basis) for f in v.findings} == {("village_committee", "not_handled"),
                                                      ("village_party_branch", "not_handled")}
    assert all("二(六)5(1)" not in f.clauses for f in v.findings)  # (its part in 二(六)5 is not the funds)


# --- D2 -----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("engine", ["compiled", "durable"])
def test_a_city_placed_problem_found_by_no_named_body_is_the_parameters_as_at_a_village(policy: Policy,
                                                                                        engine: str) -> None:
    """The same problem found by the city's media at the city's code and at a village's: the city's finding is the
    same body, resting on receiving_level_body, under either value (before: the office, definitively, at 3301)."""
    for value, body in (("unresolved", "city_holders_unnamed"), ("handling_holders", "city_poverty_office")):
        view = policy.with_parameters(**{RECEIVER: value})
        at_city = [f for f in view.who_answers(S03, engine=engine).findings  # type: ignore[arg-type]
                   if f.level == "city"]
        at_village = [f for f in view.who_answers({**S03, "place": VILLAGE},
                                                  engine=engine).findings  # type: ignore[arg-type]
                      if f.level == "city"]
        assert {(f.body, f.basis) for f in at_city} == {(body, "not_handled")} \
            == {(f.body, f.basis) for f in at_village}, (value, at_city, at_village)
        assert all(RECEIVER in f.rests_on for f in at_city + at_village)


@pytest.mark.parametrize("place, level, office, unnamed", [
    ("3301", "city", "city_poverty_office", "city_holders_unnamed"),
    ("33", "province", "province_poverty_office", "province_holders_unnamed"),
])
def test_no_county_kind_of_an_area_names_the_office_by_its_own_level_duty_alone(
        policy: Policy, place: str, level: str, office: str, unnamed: str) -> None:
    """Over every kind outside the discovery area placed at a city (province) code and found there by the media: the
    office is never named by default but as receiving_level_body's choice (the department the text ties to the
    kind at the level), resting on it; where the level's stand-in is named, handling_holders names the office
    instead."""
    other = policy.with_parameters(**{RECEIVER: "handling_holders"})
    seen = stand_ins = 0
    for area, kind in sorted(policy.kinds):
        if area == "discovery":  # (its own kinds list the duty themselves: a problem of the level's own mechanism)
            continue
        record = {"id": "k", "area": area, "kind": kind, "place": place, "severity": "minor",
                  "discovered": {"level": level, "channel": "media", "on": "2021-03-01"}, "as_of": "2021-06-30"}
        found = [f for f in policy.who_answers(record).findings if f.level == level and f.basis == "not_handled"]
        assert found, kind
        seen += 1
        for f in found:
            # (the office where the parameter's department is it: tied to the kind by an area duty of its level,
            # 二(四)7's 统筹监督扶贫资金和资产的管理使用 in funds_assets_mismanaged)
            # (or by a duty of the area the kind gives it at its level: basic_needs_province_city_monitor_income)
            assert f.body != office or RECEIVER in f.rests_on \
                or any(policy.duty_area[d] == area for d in f.duties), (kind, f)
        stand_ins += any(f.body == unnamed for f in found)
        if any(f.body == unnamed for f in found):
            named = {f.body for f in other.who_answers(record).findings if f.level == level}
            assert office in named and unnamed not in named, (kind, named)
    assert seen > 40 and stand_ins > 25


def test_a_problem_of_the_levels_own_mechanism_still_names_the_office(policy: Policy) -> None:
    """The discovery area's own kinds are the office's by their own lists (一(一) 省市两级…主动发现…工作机制等方面问题;
    二(一)1(3)): not changed."""
    record = {**S03, "area": "discovery", "kind": "province_city_mechanism_gap"}
    assert {(f.body, f.basis) for f in policy.who_answers(record).findings if f.liability == "staff"} \
        == {("city_poverty_office", "not_handled")}


# --- the batch path ---------------------------------------------------------------------------------------------


def _records() -> list[dict[str, Any]]:
    out = []
    for i, kind in enumerate(("water_project_irregular", "water_project_quality_unsafe",
                              "water_project_funds_irregular")):
        out.append({**copy.deepcopy(W11), "id": f"d1-{i}", "kind": kind})
        out.append({**copy.deepcopy(W11), "id": f"d1-{i}-late", "kind": kind, "severity": "serious",
                    "handled": [{"action": "assigned", "by_level": "city", "to_level": "county", "on": "2021-03-02"}],
                    "deadline": "2021-04-01"})
        out.append({"id": f"d1-{i}-v", "area": "water", "kind": kind, "place": VILLAGE, "severity": "minor",
                    "discovered": {"level": "village", "channel": "grid", "on": "2021-03-01"}, "as_of": "2021-06-30"})
        out.append({"id": f"d1-{i}-t", "area": "water", "kind": kind, "place": VILLAGE, "severity": "minor",
                    "discovered": {"level": "county", "channel": "audit", "on": "2021-03-01"},
                    "handled": [{"action": "assigned", "by_level": "county", "to_level": "township",
                                 "on": "2021-03-03"}], "deadline": "2021-04-30", "as_of": "2021-06-30"})
    d2: tuple[tuple[str, str | None], ...] = (
        ("water", "water_emergency_failure"), ("housing", "housing_renovation_late"), ("funds", "funds_diverted"),
        ("water", None), ("health", "health_assistance_late"))
    for i, (area, d2kind) in enumerate(d2):
        for place, level in (("3301", "city"), ("33", "province"), (VILLAGE, "city")):
            r: dict[str, Any] = {"id": f"d2-{i}-{place}", "area": area, "place": place, "severity": "serious",
                                 "discovered": {"level": level, "channel": "media", "on": "2021-03-01"},
                                 "as_of": "2021-06-30"}
            if d2kind:
                r["kind"] = d2kind
            out.append(r)
    return out


@pytest.mark.parametrize("params", [{}, {JOINED: True}, {RECEIVER: "handling_holders"}])
def test_the_batch_gives_what_who_answers_gives(policy: Policy, params: dict[str, Any]) -> None:
    """responsibility.batch over these records: every finding row (reason included) as who_answers gives it."""
    view = policy.with_parameters(**params) if params else policy
    got, want = batch_and_answers(view, _records())
    assert got == want and len(got) > 60
