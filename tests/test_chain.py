"""The role graph (``policy.chain``) and its checks in ``responsibility validate``."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
import yaml

import responsibility
from responsibility import ChainError, Policy, RulesError, escalation_path, reporting_lines, subchain, supervisors
from responsibility.chain._graph import area_holders

RULES = Path(__file__).resolve().parents[1] / "rules"


@pytest.fixture(scope="module")
def shipped(policy: Policy) -> Policy:
    # (conftest's session policy: the same shipped rules, loaded and warmed once a process)
    return policy


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(RULES, target)
    return target


def _edit_relations(root: Path, change: Any) -> None:
    path = root / "relations.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _codes(issues: list[responsibility.Issue]) -> set[str]:
    return {i.code for i in issues}


# ------------------------------------------------------------------------------ the graph


def test_one_node_per_body_with_its_attributes(shipped: Policy) -> None:
    g = shipped.chain
    assert set(g) == set(shipped.bodies)
    node = g.nodes["county_construction"]
    assert node["level"] == "county" and node["kind"] == "department"
    assert node["name"] == shipped.body("county_construction").name
    assert node["en"] == shipped.body("county_construction").en
    assert "housing" in node["areas"] and "education" not in node["areas"]


def test_the_graph_is_frozen(shipped: Policy) -> None:
    with pytest.raises(nx.NetworkXError):
        shipped.chain.add_edge("media", "village_committee")
    assert shipped.chain is shipped.chain  # cached


def test_every_written_relation_is_an_edge_with_its_clause(shipped: Policy) -> None:
    g = shipped.chain
    for rel in shipped.data.relations:
        key = rel.type if rel.area is None else f"{rel.type}@{rel.area}"
        assert g.has_edge(rel.from_, rel.to, key), (rel.from_, rel.to, key)
        data = g.edges[rel.from_, rel.to, key]
        assert data["clause"] == rel.clauses[0]
        assert set(rel.clauses) <= set(data["clauses"])


def test_every_body_reports_to_its_parent(shipped: Policy) -> None:
    g = shipped.chain
    parents = [b for b in shipped.bodies.values() if b.parent]
    assert parents
    for body in parents:
        assert g.has_edge(body.id, body.parent, "reports_to"), body.id
        assert g.edges[body.id, body.parent, "reports_to"]["source"] == "parent"


def test_leading_groups_lead_their_member_units(shipped: Policy) -> None:
    g = shipped.chain
    members = [b for b in shipped.bodies.values() if b.leading_group_member and b.level == "county"]
    assert members
    for body in members:
        assert g.has_edge("county_leading_group", body.id, "leads")


def test_area_relations_are_derived_from_duty_kinds(shipped: Policy) -> None:
    g = shipped.chain
    guide = g.edges["county_construction", "township_government", "guides@housing"]
    assert guide["clause"] == "二(六)4(3)" and "housing_county_construction_guide" in guide["duties"]
    assert guide["area"] == "housing" and guide["source"] == "duties"
    # A department's own line: province → city → county of the same sector.
    assert g.has_edge("province_construction", "city_construction", "guides@housing")
    assert g.has_edge("city_construction", "county_construction", "guides@housing")
    assert not g.has_edge("province_construction", "county_construction", "guides@housing")
    # Reporting goes to the nearest level up; assisting to the level's others or the nearest above.
    assert g.has_edge("village_committee", "township_government", "reports_to@housing")
    assert g.has_edge("township_government", "county_government", "reports_to@housing")
    assert g.has_edge("village_party_branch", "township_government", "assists@housing")
    assert g.has_edge("county_civil_affairs", "county_finance", "assists@funds")
    # Review within a level: the education bureau reviews its schools.
    assert g.has_edge("county_education", "county_school", "reviews@education")
    # Supervisory bodies supervise the holders of main responsibility at their level and below.
    assert g.has_edge("county_discipline", "county_party_committee", "supervises@general")
    assert not g.has_edge("county_discipline", "city_party_committee", "supervises@general")
    # Bodies of one level sharing a duty do not relate to each other through it.
    assert not g.has_edge("village_party_branch", "village_committee", "reports_to@housing")
    # 二(六)4(7) 督查指导…涉及本部门的相关工作: a city department guides its own line only, not the county's
    # Party committee and government.
    assert g.has_edge("city_natural_resources", "county_natural_resources", "guides@housing")
    assert not g.has_edge("city_disabled_federation", "county_government", "guides@housing")
    assert not any(g.has_edge(u, v, "guides@housing") for u in ("city_agriculture", "city_disabled_federation")
                   for v in ("county_party_committee", "county_government"))


def test_no_chinese_literal_decides_anything(shipped: Policy) -> None:
    # Edge labels come from the relation types in rules/relations.yaml.
    types = {t.id: t.name for t in shipped.data.relation_types}
    for _, _, d in shipped.chain.edges(data=True):
        assert d["label"] == types[d["type"]]


# ------------------------------------------------------------------------------ queries


def test_escalation_goes_up_to_the_province(shipped: Policy) -> None:
    g = shipped.chain
    path = escalation_path(g, "village_committee", "housing")
    assert path == [
        "village_committee",
        "township_government",
        "county_government",
        "city_government",
        "province_government",
    ]
    ranks = [g.nodes[b]["rank"] for b in path]
    assert ranks == sorted(ranks)
    assert escalation_path(g, "village_party_branch")[1] == "township_party_committee"
    assert escalation_path(g, "county_school", "education")[:3] == [
        "county_school",
        "county_education",
        "county_government",
    ]


def test_every_body_escalates_without_going_down(shipped: Policy) -> None:
    g = shipped.chain
    for area in [None, *shipped.areas]:
        for body in g:
            path = escalation_path(g, body, area)
            ranks = [g.nodes[b]["rank"] for b in path]
            assert ranks == sorted(ranks), (body, area, path)
            assert g.nodes[path[-1]]["level"] == "province", (body, area, path)
            assert len(set(path)) == len(path)


def test_supervisors_of_a_body(shipped: Policy) -> None:
    g = shipped.chain
    assert supervisors(g, "township_government", "housing") == ["county_construction"]
    watchers = supervisors(g, "county_government")
    assert {"county_discipline", "county_audit", "city_discipline", "media"} <= set(watchers)
    ranks = [g.nodes[b]["rank"] for b in watchers]
    assert ranks == sorted(ranks)


def test_unknown_names_raise_with_the_valid_ones(shipped: Policy) -> None:
    with pytest.raises(ChainError, match=r"did you mean 'village_committee'"):
        escalation_path(shipped.chain, "village_comittee")
    with pytest.raises(ChainError, match=r"unknown area 'housng'.*valid: .*housing"):
        subchain(shipped.chain, area="housng")
    with pytest.raises(ChainError, match=r"unknown level 'shire'"):
        subchain(shipped.chain, levels=["shire"])


def test_subchain_by_area_and_level(shipped: Policy) -> None:
    g = shipped.chain
    housing = subchain(g, area="housing")
    assert set(housing) == set(area_holders(g, "housing"))
    assert all(d["area"] in (None, "housing") for _, _, d in housing.edges(data=True))
    county = subchain(g, area="housing", levels=["county"])
    assert {d["level"] for _, d in county.nodes(data=True)} == {"county"}
    assert county.has_edge("county_party_committee", "county_government", "leads")
    assert g.number_of_edges() > housing.number_of_edges() > county.number_of_edges() > 0


def test_reporting_lines_graph(shipped: Policy) -> None:
    lines = reporting_lines(shipped.chain, "housing")
    assert nx.is_directed_acyclic_graph(lines)
    assert lines.has_edge("township_government", "county_government")
    assert not lines.has_edge("county_construction", "township_government")


# ------------------------------------------------------------------------------ checks


def test_shipped_rules_pass_the_graph_checks() -> None:
    assert responsibility.validate(RULES) == []


def test_a_reporting_cycle_is_found(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    _edit_relations(
        root,
        lambda d: d["relations"].append(
            {
                "from": "province_government",
                "to": "county_government",
                "type": "reports_to",
                "clauses": ["一(三)"],
            }
        ),
    )
    issues = responsibility.validate(root)
    cycles = [i for i in issues if i.code == "cycle"]
    assert cycles and "county_government" in cycles[0].message
    assert cycles[0].file.endswith("relations.yaml") and cycles[0].line > 0
    assert "reporting_down" in _codes(issues)


def test_a_body_cut_off_from_the_province_is_found(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    _edit_relations(
        root,
        lambda d: d.__setitem__(
            "relations",
            [r for r in d["relations"] if not (r["from"] == "city_government" and r["type"] == "reports_to")],
        ),
    )
    issues = [i for i in responsibility.validate(root) if i.code == "unreachable"]
    names = " ".join(i.message for i in issues)
    assert "'city_government'" in names and "'village_committee'" in names
    assert "'village_party_branch'" not in names  # its line runs through the Party committees
    assert all(i.file.endswith(".yaml") and i.line > 0 for i in issues)


def test_an_orphan_body_is_found(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    path = root / "bodies" / "province.yaml"
    path.write_text(
        path.read_text(encoding="utf-8") + "- id: province_lonely\n  name: 省某办\n  en: A lonely office\n"
        "  level: province\n  kind: department\n",
        encoding="utf-8",
    )
    issues = [i for i in responsibility.validate(root) if i.code == "orphan"]
    assert len(issues) == 1 and "province_lonely" in issues[0].message
    assert issues[0].file.endswith("province.yaml") and issues[0].line > 0


def test_unknown_endpoints_and_types_are_found(tmp_path: Path) -> None:
    root = _copy(tmp_path)

    def change(d: dict[str, Any]) -> None:
        d["relations"].append(
            {"from": "village_comittee", "to": "nobody", "type": "reports_too", "clauses": ["九(九)"]}
        )
        d["derive"][0]["type"] = "reportz"

    _edit_relations(root, change)
    issues = responsibility.validate(root)
    messages = " ".join(i.message + " " + i.hint for i in issues if i.code == "unknown_ref")
    for expected in (
        "unknown body 'village_comittee'",
        "did you mean 'village_committee'",
        "unknown body 'nobody'",
        "unknown relation type 'reports_too'",
        "unknown clause '九(九)'",
        "unknown relation type 'reportz'",
    ):
        assert expected in messages


def test_a_gap_in_an_area_chain_is_found(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    _edit_relations(
        root, lambda d: d.__setitem__("derive", [r for r in d["derive"] if r["type"] != "guides"])
    )
    issues = [i for i in responsibility.validate(root) if i.code == "chain_gap"]
    assert any("'water'" in i.message and "city" in i.message and "province" in i.message for i in issues)
    assert all(i.file.endswith(".yaml") for i in issues)


def test_a_directory_without_relations_file_is_refused(tmp_path: Path) -> None:
    """It validated with an empty chain (none of the graph checks ran) and refused a record's 交办 and 上报, the
    relation types' names, as unknown actions (hostile29): relations.yaml is required as parameters.yaml is."""
    root = _copy(tmp_path)
    (root / "relations.yaml").unlink()
    issues = responsibility.validate(root)
    assert [(i.code, i.file.endswith("relations.yaml")) for i in issues] == [("missing_file", True)]
    assert "copy the shipped rules/relations.yaml" in issues[0].hint
    with pytest.raises(RulesError, match=r"relations\.yaml: file is missing"):
        responsibility.load(root)


def test_a_malformed_rule_is_a_shape_error(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    _edit_relations(root, lambda d: d["derive"].append({"type": "guides", "source": "duties"}))
    issues = responsibility.validate(root)
    assert any("duty_kind and towards" in i.message and i.file.endswith("relations.yaml") for i in issues)
