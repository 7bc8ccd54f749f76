"""Exports of the role graph (Mermaid, DOT, GraphML), the PNG picture and ``responsibility graph``."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import networkx as nx
import pytest
import yaml

import responsibility
from responsibility import PlotUnavailable, Policy, draw_png, subchain, to_dot, to_graphml, to_mermaid
from responsibility.chain._export import MERMAID_MAX_EDGES, MERMAID_MAX_TEXT, mermaid_id, mermaid_over_limits
from responsibility.cli import main

RULES = Path(__file__).resolve().parents[1] / "rules"
EDGE = re.compile(r"^  (\w+) (-->|-\.->)\|([^|]+)\| (\w+)$")
NODE = re.compile(r'^    (\w+)\["([^"]+)"\]$')


@pytest.fixture(scope="module")
def shipped(policy: Policy) -> Policy:
    # (conftest's session policy: the same shipped rules, loaded and warmed once a process)
    return policy


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def parse_mermaid(text: str) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    """Node ids with labels and (from, label, to) arrows of a flowchart as ``to_mermaid`` writes it."""
    nodes: dict[str, str] = {}
    edges: list[tuple[str, str, str]] = []
    opened = closed = 0
    for line in text.splitlines():
        if m := NODE.match(line):
            nodes[m.group(1)] = m.group(2)
        elif m := EDGE.match(line):
            edges.append((m.group(1), m.group(3), m.group(4)))
        opened += line.lstrip().startswith("subgraph ")
        closed += line.strip() == "end"
    assert opened == closed > 0
    return nodes, edges


def housing_holders_from_rules() -> set[str]:
    """The bodies named as holders in rules/areas/housing.yaml, read without the library."""
    area = yaml.safe_load((RULES / "areas" / "housing.yaml").read_text(encoding="utf-8"))
    return {h for duty in area["duties"] for h in duty["holders"]}


def test_housing_mermaid_names_every_body_and_relation(
    capsys: pytest.CaptureFixture[str], shipped: Policy
) -> None:
    code, text, _ = run(capsys, "graph", "--area", "housing", "--format", "mermaid")
    assert code == 0 and text.startswith("---\ntitle: ") and "\nflowchart BT\n" in text
    nodes, edges = parse_mermaid(text)
    holders = housing_holders_from_rules()
    assert set(nodes) == holders
    for body in holders:
        assert nodes[body] == shipped.body(body).name
    # Every relation of the housing part of the role graph is an arrow with its type's name.
    types = {t.id: t.name for t in shipped.data.relation_types}
    graph = subchain(shipped.chain, area="housing")
    expected = sorted((u, types[d["type"]], v) for u, v, d in graph.edges(data=True))
    assert sorted(edges) == expected
    # And every relation written in rules/relations.yaml between housing holders is there.
    written = yaml.safe_load((RULES / "relations.yaml").read_text(encoding="utf-8"))["relations"]
    for rel in written:
        if rel["from"] in holders and rel["to"] in holders:
            assert (rel["from"], types[rel["type"]], rel["to"]) in edges
    assert ("county_construction", types["guides"], "township_government") in edges
    assert text.count("linkStyle") == len(edges)


def test_mermaid_of_the_whole_chain_labels_area_relations(shipped: Policy) -> None:
    text = to_mermaid(shipped.chain)
    nodes, edges = parse_mermaid(text)
    assert set(nodes) == set(shipped.bodies)
    assert len(edges) == shipped.chain.number_of_edges()
    assert any(label.endswith(f"（{shipped.areas['housing'].name}）") for _, label, _ in edges)
    assert not text.startswith("---")


def test_mermaid_ids_are_safe() -> None:
    assert mermaid_id("village_committee@331127100201") == "village_committee_331127100201"


def test_mermaid_labels_keep_markup_and_syntax_as_text(shipped: Policy) -> None:
    # a place name comes from an admin's jurisdiction file: markup must reach a viewer as text, and a quote, a bar or
    # an entity code must not end a label or turn into another character
    graph = subchain(shipped.chain, area="housing").copy()
    node = next(iter(graph.nodes))
    hostile = '<script>alert(1)</script> "a"|b #quot; & c'
    graph.nodes[node]["place"] = hostile
    graph.graph["area_names"] = {graph.graph["area"]: "住房 #1: 危房"}
    text = to_mermaid(graph)
    assert yaml.safe_load(text.split("---")[1]) == {"title": "住房 #1: 危房"}
    assert "<script" not in text and "</script" not in text
    nodes, edges = parse_mermaid(text)
    label = nodes[mermaid_id(node)]
    assert label.startswith("#lt;script#gt;alert(1)#lt;/script#gt; #quot;a#quot;#124;b #35;quot; #amp; c<br/>")
    assert len(edges) == graph.number_of_edges()


def test_dot_has_a_cluster_per_level_and_every_edge(shipped: Policy) -> None:
    graph = subchain(shipped.chain, area="housing")
    text = to_dot(graph)
    assert text.startswith('digraph "chain" {') and text.rstrip().endswith("}")
    assert text.count("{") == text.count("}")
    for level in ("village", "township", "county", "city", "province"):
        assert f'subgraph "cluster_{level}"' in text
    for u, v in graph.edges():
        assert f'"{u}" -> "{v}"' in text
    assert text.count(" -> ") == graph.number_of_edges()
    assert f'label="{shipped.body("county_construction").name}"' in text


def test_graphml_round_trips(tmp_path: Path, shipped: Policy) -> None:
    path = tmp_path / "chain.graphml"
    path.write_text(to_graphml(shipped.chain), encoding="utf-8")
    back = nx.read_graphml(path, force_multigraph=True)
    assert set(back) == set(shipped.chain)
    assert back.number_of_edges() == shipped.chain.number_of_edges()
    assert back.nodes["county_construction"]["name"] == shipped.body("county_construction").name
    assert "housing" in back.nodes["county_construction"]["areas"].split(";")


def test_cli_filters_and_files(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, text, _ = run(capsys, "graph", "--area", "housing", "--level", "county", "--format", "dot")
    assert code == 0 and "cluster_county" in text and "cluster_village" not in text
    out = tmp_path / "h.graphml"
    code, _, err = run(capsys, "graph", "--area", "water", "--format", "graphml", "-o", str(out))
    assert code == 0 and "wrote" in err and "<graphml" in out.read_text(encoding="utf-8")
    code, text, _ = run(capsys, "graph", "--place", jurisdiction_village(), "--area", "housing")
    assert code == 0 and "village_committee_" in text


def jurisdiction_village() -> str:
    # a village, not an urban community (the example's first village-level place, 清波门社区, has no 村委会: its chain
    # starts at its 街道 by residents_committee_place=township; session 25's note item 4)
    from responsibility.chain._jurisdiction import is_residents_committee

    return next(p.code for p in responsibility.Jurisdiction.example().at_level("village")
                if not is_residents_committee(p.code))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--area", "housng"], "unknown area 'housng'; did you mean 'housing'?"),
        (["--level", "shire"], "unknown level 'shire'"),
        (["--format", "png"], "a picture needs a file: give --out FILE.png"),
        (["--place", "110101001001"], "not in jurisdiction"),
    ],
)
def test_cli_user_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = run(capsys, "graph", *args)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err and "Traceback" not in err


# ------------------------------------------------------------------------------ the picture


def test_png_of_the_housing_chain(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("matplotlib")
    path = tmp_path / "housing.png"
    code, _, _ = run(capsys, "graph", "--area", "housing", "--format", "png", "-o", str(path))
    assert code == 0
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000


def test_a_cjk_font_is_found() -> None:
    pytest.importorskip("matplotlib")
    from responsibility.chain._picture import find_cjk_font

    fonts = Path("/usr/share/fonts")
    if not any(fonts.rglob("*wqy*")) and not any(fonts.rglob("*CJK*")):
        pytest.skip("no CJK font installed here (scripts/setup.sh installs one)")
    assert find_cjk_font() is not None


def test_without_a_cjk_font_a_warning_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shipped: Policy
) -> None:
    pytest.importorskip("matplotlib")
    import responsibility.chain._picture as picture

    monkeypatch.setattr(picture, "find_cjk_font", lambda: None)
    with pytest.warns(picture.FontWarning, match="fonts-wqy-microhei"):
        draw_png(subchain(shipped.chain, area="water"), tmp_path / "water.png", layout="matplotlib")
    assert (tmp_path / "water.png").stat().st_size > 0


def test_without_matplotlib_the_error_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shipped: Policy
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(PlotUnavailable, match=r"responsibility\[plot\]"):
        draw_png(shipped.chain, tmp_path / "x.png", layout="matplotlib")
    assert not (tmp_path / "x.png").exists()


def test_whole_chain_in_mermaid_warns_and_suggests_an_area(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "graph")
    assert code == 0 and out.startswith("flowchart BT")
    assert mermaid_over_limits(out), "the whole chain is expected over Mermaid's defaults"
    assert "over Mermaid's default limits" in err and "--area AREA (basic_needs, discovery" in err
    assert f"(the limit is {MERMAID_MAX_EDGES})" in err or f"(the limit is {MERMAID_MAX_TEXT:,})" in err
    for area in ("general", "housing"):
        code, out, err = run(capsys, "graph", "--area", area)
        assert code == 0 and not mermaid_over_limits(out) and err == ""


def test_mermaid_limits_count_relations_and_characters() -> None:
    arrows = "".join(f"  a -->|x| b{i}\n" for i in range(MERMAID_MAX_EDGES + 1))
    styles = "".join(f"  linkStyle {i} stroke:#000000\n" for i in range(MERMAID_MAX_EDGES + 1))
    over = mermaid_over_limits("flowchart BT\n" + arrows + styles)
    assert over == [f"{MERMAID_MAX_EDGES + 1} relations (the limit is {MERMAID_MAX_EDGES})"]
    long = "flowchart BT\n" + "  %% " + "字" * MERMAID_MAX_TEXT + "\n"
    assert mermaid_over_limits(long) == [f"{len(long):,} characters (the limit is {MERMAID_MAX_TEXT:,})"]


@pytest.mark.parametrize(("fmt", "name", "ok"), [("dot", "README.md", False), ("mermaid", "chain.md", False),
                                                 ("mermaid", "chain.mmd", True),
                                                 ("graphml", "chain.dot", False), ("dot", "chain.gv", True)])
def test_a_text_diagram_goes_only_to_a_file_of_its_kind(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                        fmt: str, name: str, ok: bool) -> None:
    """review20b B20-13: graph --format dot -o README.md wrote DOT over the README without a word."""
    target = tmp_path / name
    target.write_text("# notes\n", encoding="utf-8")
    code, _, err = run(capsys, "graph", "--area", "housing", "--format", fmt, "-o", str(target))
    assert (code == 0) is ok, err
    assert ok or (target.read_text(encoding="utf-8") == "# notes\n" and (f"a {fmt} diagram goes to" in err
                                                                         or "not a diagram" in err)), err


def test_a_mermaid_diagram_is_written_again_over_its_own_markdown_file(capsys: pytest.CaptureFixture[str],
                                                                       tmp_path: Path) -> None:
    """A .md the command wrote may be written again; notes in a .md may not be written over (review20c C20-6)."""
    target = tmp_path / "chain.md"
    assert run(capsys, "graph", "--area", "housing", "-o", str(target))[0] == 0
    assert run(capsys, "graph", "--area", "water", "-o", str(target))[0] == 0
    assert "饮水" in target.read_text(encoding="utf-8")
