"""Text exports of the role graph (or a part of it): Graphviz DOT, Mermaid and GraphML.

Each function takes a graph made by :func:`~responsibility.chain._graph.build_chain`,
:func:`~responsibility.chain._graph.subchain` or :meth:`PlacedChain.subgraph` and returns text;
none changes the graph. Levels are drawn as rows, the village at the bottom; each box
carries the body's Chinese name; each arrow carries the Chinese name of its relation
type. Arrow styles follow the relation types' flags (reporting lines solid, supervisory
relations dashed, others dotted), colours their order in ``rules/relations.yaml``.

Not checked here: that the output renders in a given viewer; the tests check its
structure (every body and every relation appears).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import networkx as nx

from ._graph import the_chain

if TYPE_CHECKING:
    from ._graph import Graph

#: Colours given to relation types in the order they are declared (colour-blind safe).
PALETTE: tuple[str, ...] = (
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#000000",
    "#999933",
    "#882255",
    "#44AA99",
)


def type_styles(g: Graph) -> dict[str, dict[str, str]]:
    """For each relation type: ``color``, ``style`` (solid/dashed/dotted) and its Chinese ``name``."""
    out: dict[str, dict[str, str]] = {}
    for i, (tid, info) in enumerate(g.graph.get("relation_types", {}).items()):
        structural = info["reporting"] or info["structure"]
        style = "solid" if structural else "dashed" if info["supervisory"] else "dotted"
        out[tid] = {
            "color": PALETTE[i % len(PALETTE)],
            "style": style,
            "name": info["name"],
            "en": info["en"],
        }
    return out


def rows(g: Graph) -> list[tuple[str, list[str]]]:
    """``(level, node ids)`` for each level that has nodes, the village first."""
    levels: list[str] = g.graph.get("levels", [])
    by_level: dict[str, list[str]] = {lv: [] for lv in levels}
    for n, d in g.nodes(data=True):
        by_level.setdefault(d["level"], []).append(n)
    return [(lv, ns) for lv, ns in by_level.items() if ns]


def edge_label(g: Graph, data: dict[str, Any]) -> str:
    """The label of an edge: its type's Chinese name, with the area's when the graph mixes areas."""
    types = g.graph.get("relation_types", {})
    name = types.get(data["type"], {}).get("name", data["type"])
    area = data.get("area")
    if area is not None and g.graph.get("area") is None:
        name += f"（{g.graph.get('area_names', {}).get(area, area)}）"
    return str(name)


def _title(g: Graph) -> str:
    area = g.graph.get("area")
    if area is None:
        return ""
    return str(g.graph.get("area_names", {}).get(area, area))


# ------------------------------------------------------------------------------------- DOT


def _dot_quote(text: object) -> str:
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def to_dot(g: Graph, *, name: str = "chain") -> str:
    """Graphviz DOT text: one cluster per level (same rank), boxes labelled with Chinese names.

    >>> import responsibility
    >>> from responsibility.chain._graph import subchain
    >>> text = to_dot(subchain(responsibility.load().chain, area="housing"))
    >>> text.startswith("digraph") and '"county_construction"' in text
    True
    """
    the_chain(g, "to_dot")
    styles = type_styles(g)
    lines = [
        f"digraph {_dot_quote(name)} {{",
        "  rankdir=BT;",
        "  newrank=true;",
        '  node [shape=box, style="rounded,filled", fillcolor="#F7F7F7", fontname="sans-serif"];',
        '  edge [fontname="sans-serif", fontsize=10];',
    ]
    if title := _title(g):
        lines.append(f"  label={_dot_quote(title)}; labelloc=t;")
    level_names = g.graph.get("level_names", {})
    for lv, nodes in rows(g):
        lines.append(f"  subgraph {_dot_quote('cluster_' + lv)} {{")
        lines.append(
            f'    label={_dot_quote(level_names.get(lv, lv))}; rank=same; style=dashed; color="#BBBBBB";'
        )
        for n in nodes:
            d = g.nodes[n]
            label = d["name"] if "place" not in d else f"{d['place']}\n{d['name']}"
            tooltip = _dot_quote(d.get("en", ""))
            lines.append(f"    {_dot_quote(n)} [label={_dot_quote(label)}, tooltip={tooltip}];")
        lines.append("  }")
    for u, v, d in g.edges(data=True):
        st = styles.get(d["type"], {"color": "#000000", "style": "solid"})
        colour = _dot_quote(st["color"])
        lines.append(
            f"  {_dot_quote(u)} -> {_dot_quote(v)} [label={_dot_quote(edge_label(g, d))}, "
            f"color={colour}, fontcolor={colour}, style={st['style']}];"
        )
    lines.append("}")
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------------------------- Mermaid


def mermaid_id(node: str) -> str:
    """A Mermaid-safe node id for ``node`` (word characters only)."""
    return re.sub(r"\W", "_", node)


#: Characters Mermaid would read as syntax or markup inside a quoted label, as its entity codes: ``#`` first (it
#: starts an entity code itself), ``"`` (ends the label), ``|`` (ends an arrow's label), ``<``, ``>`` and ``&`` (a
#: place name from a jurisdiction file is an admin's text; ``<script>`` must reach a viewer as text, not as HTML).
_MERMAID_ENTITIES = str.maketrans({"#": "#35;", '"': "#quot;", "|": "#124;", "<": "#lt;", ">": "#gt;", "&": "#amp;"})


def _mermaid_text(text: object) -> str:
    return str(text).translate(_MERMAID_ENTITIES).replace("\n", "<br/>")


def to_mermaid(g: Graph) -> str:
    """A Mermaid flowchart (bottom to top): one subgraph per level, one arrow per relation.

    Node ids are the body ids (``mermaid_id`` of them), so a reader can find any body of
    ``rules/`` in the text.

    >>> import responsibility
    >>> from responsibility.chain._graph import subchain
    >>> text = to_mermaid(subchain(responsibility.load().chain, area="housing"))
    >>> "county_construction -.->|指导督促| township_government" in text
    True
    """
    the_chain(g, "to_mermaid")
    styles = type_styles(g)
    lines = []
    if title := _title(g):
        # front matter is YAML: a double-quoted scalar keeps a `#` or `: ` in an area's name from being misread
        lines += ["---", f"title: {json.dumps(title, ensure_ascii=False)}", "---"]
    lines.append("flowchart BT")
    level_names = g.graph.get("level_names", {})
    for lv, nodes in rows(g):
        lines.append(f'  subgraph level_{lv}["{_mermaid_text(level_names.get(lv, lv))}"]')
        lines.append("    direction LR")
        for n in nodes:
            d = g.nodes[n]
            label = d["name"] if "place" not in d else f"{d['place']}\n{d['name']}"
            lines.append(f'    {mermaid_id(n)}["{_mermaid_text(label)}"]')
        lines.append("  end")
    link_styles: list[str] = []
    for i, (u, v, d) in enumerate(g.edges(data=True)):
        st = styles.get(d["type"], {"style": "solid", "color": "#000000"})
        arrow = "-->" if st["style"] == "solid" else "-.->"
        lines.append(f"  {mermaid_id(u)} {arrow}|{_mermaid_text(edge_label(g, d))}| {mermaid_id(v)}")
        link_styles.append(f"  linkStyle {i} stroke:{st['color']}")
    return "\n".join(lines + link_styles) + "\n"


#: Mermaid's default limits (its ``maxEdges`` and ``maxTextSize`` settings): a diagram over
#: either is refused by the viewers that keep the defaults (GitHub, GitLab, mermaid.live).
MERMAID_MAX_EDGES = 500
MERMAID_MAX_TEXT = 50_000


def mermaid_over_limits(text: str) -> list[str]:
    """What of Mermaid's default limits ``text`` (made by :func:`to_mermaid`) exceeds, in words.

    >>> mermaid_over_limits("flowchart BT\\n  a -->|x| b\\n")
    []
    """
    edges = sum(1 for line in text.splitlines() if line.startswith("  linkStyle "))
    over = []
    if edges > MERMAID_MAX_EDGES:
        over.append(f"{edges} relations (the limit is {MERMAID_MAX_EDGES})")
    if len(text) > MERMAID_MAX_TEXT:
        over.append(f"{len(text):,} characters (the limit is {MERMAID_MAX_TEXT:,})")
    return over


# ------------------------------------------------------------------------------------- GraphML


def _scalar(value: Any) -> str | int | float | bool:
    if value is None:
        return ""
    if isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, tuple | list | set | frozenset):
        return ";".join(str(x) for x in value)
    return str(value)


def _graphml_graph(g: Graph) -> nx.MultiDiGraph[str]:
    out: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for key in ("area",):
        if g.graph.get(key) is not None:
            out.graph[key] = _scalar(g.graph[key])
    out.graph["levels"] = _scalar(g.graph.get("levels", ()))
    for n, d in g.nodes(data=True):
        out.add_node(n, **{k: _scalar(v) for k, v in d.items()})
    for u, v, k, d in g.edges(keys=True, data=True):
        out.add_edge(u, v, key=k, **{a: _scalar(b) for a, b in d.items()})
    return out


def to_graphml(g: Graph) -> str:
    """GraphML text with every node and edge attribute (lists joined with ``;``).

    >>> import responsibility
    >>> "<graphml" in to_graphml(responsibility.load().chain)
    True
    """
    the_chain(g, "to_graphml")
    lines: Iterator[str] = nx.generate_graphml(_graphml_graph(g), encoding="utf-8", prettyprint=True)
    return "\n".join(lines) + "\n"


#: The text formats, by name.
FORMATS = {"dot": to_dot, "mermaid": to_mermaid, "graphml": to_graphml}
