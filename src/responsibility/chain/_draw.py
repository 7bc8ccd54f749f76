"""The scenes of the two pictures: a chain (the role graph, or the chain placed above a place)
and a case (one problem: the bodies concerned, the path it took, the findings on them).

Both take plain data and return a :class:`~responsibility.chain._scene.Scene`; drawing it
is :class:`~responsibility.chain._scene.Picture`'s work. The case is given as a
:class:`Case` by the engine wing (which knows verdicts); nothing here knows what a verdict is.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from ._export import PALETTE, rows, type_styles
from ._scene import Edge, Key, Layout, Mark, Node, Picture, Rank, Scene

if TYPE_CHECKING:
    from ..policy._view import PolicyView
    from ._graph import Graph
    from ._jurisdiction import Jurisdiction

Lang = Literal["zh", "en"]


def _pick(lang: Lang, zh: str, en: str) -> str:
    return en if lang == "en" and en else zh


# ------------------------------------------------------------------------------------- chains


def chain_scene(g: Graph, *, title: str | None = None, lang: Lang = "zh") -> Scene:
    """The scene of a role graph, or of a chain placed above a place (:meth:`PlacedChain.subgraph`).

    One box per body, on its level's rank (labelled with the level and, for a placed chain,
    the place); one arrow per relation type between two bodies, whatever the areas it comes
    from; a legend of the relation types present.
    """
    level_names: Mapping[str, str] = g.graph.get("level_names", {})
    level_en: Mapping[str, str] = g.graph.get("level_en", {})
    ranks = []
    for lv, ns in rows(g):
        label = _pick(lang, level_names.get(lv, lv), level_en.get(lv, lv))
        places = sorted({f"{g.nodes[n]['place']} {g.nodes[n]['code'][:_digits(lv)]}" for n in ns
                         if "place" in g.nodes[n]})
        if places:
            label = f"{label} · {'、'.join(places)}"
        ranks.append(Rank(lv, label))
    nodes = []
    for _, ns in rows(g):
        for n in ns:
            d = g.nodes[n]
            name = _pick(lang, d["name"], d.get("en", ""))
            nodes.append(Node(str(n), d["level"], name, tooltip=f"{n}: {d.get('en', '')}"))
    styles = type_styles(g)
    edges: list[Edge] = []
    seen: set[tuple[str, str, str]] = set()
    present: list[str] = []
    for u, v, d in g.edges(data=True):
        key = (u, v, d["type"])
        if key in seen:
            continue  # one arrow per type between two bodies, whatever the areas
        seen.add(key)
        st = styles.get(d["type"], {"color": "#000000", "style": "solid", "name": d["type"], "en": d["type"]})
        if d["type"] not in present:
            present.append(d["type"])
        style: Literal["solid", "dashed", "dotted"] = (
            "dashed" if st["style"] == "dashed" else "dotted" if st["style"] == "dotted" else "solid")
        edges.append(Edge(str(u), str(v), color=st["color"], style=style, width=1.2,
                          tooltip=f"{st['name']} {st['en']}"))
    legend = []
    for tid, st in styles.items():
        if tid in present:
            label = st["en"] if lang == "en" else f"{st['name']}  {st['en']}"
            style2: Literal["solid", "dashed", "dotted"] = (
                "dashed" if st["style"] == "dashed" else "dotted" if st["style"] == "dotted" else "solid")
            legend.append(Key(label, st["color"], "edge", style2))
    if title is None:
        area = g.graph.get("area")
        names = g.graph.get("area_names", {})
        title = str(names.get(area, area)) if area else ("Role graph" if lang == "en" else "责任链条")
    return Scene(title=title, ranks=tuple(ranks), nodes=tuple(nodes), edges=tuple(edges), legend=tuple(legend),
                 legend_title="relations" if lang == "en" else "关系 / relations", lang=lang)


def _digits(level: str) -> int:
    from ._jurisdiction import LEVEL_DIGITS

    return dict(LEVEL_DIGITS).get(level, 12)


def draw_chain(g: Graph, *, title: str | None = None, lang: Lang = "zh", layout: Layout = "auto") -> Picture:
    """A :class:`Picture` of a role graph or a placed chain (see :func:`chain_scene`)."""
    return Picture.of(chain_scene(g, title=title, lang=lang), layout)


# ------------------------------------------------------------------------------------- one case


@dataclass(frozen=True)
class CaseLevel:
    """A level of the case: its id and the label of its rank (level name, place name and code)."""

    level: str
    label: str


@dataclass(frozen=True)
class CaseBody:
    """A body concerned: placed at its level, with the findings on it as (basis, liability) ids."""

    id: str
    level: str
    name: str
    place: str = ""
    findings: tuple[tuple[str, str], ...] = ()
    role: str = ""


@dataclass(frozen=True)
class CaseStep:
    """A step of the problem's path, between two ids of the case (bodies, levels or the problem)."""

    tail: str
    head: str
    label: str
    kind: Literal["found", "assigned", "reported", "concealed", "relation"] = "found"


@dataclass(frozen=True)
class Case:
    """One problem as plain data for its picture.

    ``problem`` is the box of the problem itself (at ``problem_level``, its lines of text);
    ``level_actors`` names the ids that stand for a level as a whole (a step that names a
    level and no body); ``bases`` gives each basis id its short label (on the marks) and its
    legend label; ``liabilities`` each liability id its short label.
    """

    title: str
    levels: tuple[CaseLevel, ...]
    problem_level: str
    problem_lines: tuple[str, ...]
    bodies: tuple[CaseBody, ...]
    steps: tuple[CaseStep, ...]
    bases: Mapping[str, tuple[str, str]]
    liabilities: Mapping[str, tuple[str, str]]
    level_actors: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    legend_title: str = ""
    path_legend: Sequence[tuple[str, str]] = ()
    lang: Lang = "zh"


#: Colours of the bases, in the order the policy declares them (the four failures first).
BASIS_COLOURS: tuple[str, ...] = ("#C0392B", "#D35400", "#8E44AD", "#7F1D1D", "#1F618D", "#117A65",
                                  *PALETTE)
#: The path's arrows: found, assigned, reported, concealed.
PATH_COLOURS: dict[str, tuple[str, Literal["solid", "dashed", "dotted"], float]] = {
    "found": ("#1B5E20", "solid", 2.2),
    "assigned": ("#0D47A1", "solid", 2.2),
    "reported": ("#4A148C", "solid", 2.2),
    "concealed": ("#B71C1C", "dashed", 2.0),
    "relation": ("#9E9E9E", "dotted", 1.0),
}


def case_scene(case: Case) -> Scene:
    """The scene of one case: the problem at its place, the bodies concerned at their levels,
    the path as bold arrows, each finding a coloured mark on its body, and a legend."""
    colour = {b: BASIS_COLOURS[i % len(BASIS_COLOURS)] for i, b in enumerate(case.bases)}
    sep = ", " if case.lang == "en" else "、"
    nodes = [Node("__problem__", case.problem_level, case.problem_lines[0] if case.problem_lines else "",
                  subtitle="\n".join(case.problem_lines[1:]), kind="event")]
    for actor, (level, label) in case.level_actors.items():
        nodes.append(Node(actor, level, label, kind="level"))
    used: list[str] = []
    for b in case.bodies:
        by_basis: dict[str, list[str]] = {}
        for basis, liability in b.findings:
            by_basis.setdefault(basis, []).append(case.liabilities.get(liability, (liability, ""))[0])
            if basis not in used:
                used.append(basis)
        marks = tuple(Mark(f"{case.bases.get(basis, (basis, basis))[0]}：{sep.join(ls)}"
                           if case.lang != "en" else f"{case.bases.get(basis, (basis, basis))[0]}: {sep.join(ls)}",
                           colour.get(basis, "#444444"))
                      for basis, ls in by_basis.items())
        subtitle = b.place + (f"\n{b.role}" if b.role else "")
        nodes.append(Node(b.id, b.level, b.name, subtitle=subtitle, marks=marks, emphasis=bool(b.findings)))
    edges = []
    for s in case.steps:
        c, style, width = PATH_COLOURS[s.kind]
        edges.append(Edge(s.tail, s.head, label=s.label, color=c, style=style, width=width))
    legend: list[Key] = [Key(label, PATH_COLOURS[kind][0], "edge", PATH_COLOURS[kind][1])
                         for kind, label in case.path_legend]
    legend += [Key(case.bases[b][1], colour[b], "mark") for b in case.bases if b in used]
    shown = {lid for b in case.bodies for _, lid in b.findings}
    legend += [Key(f"{short} — {full}" if full and full != short else short, "#FFFFFF", "text")
               for lid, (short, full) in case.liabilities.items() if lid in shown]
    return Scene(title=case.title, ranks=tuple(Rank(lv.level, lv.label) for lv in case.levels), nodes=tuple(nodes),
                 edges=tuple(edges), legend=tuple(legend), legend_title=case.legend_title, notes=case.notes,
                 lang=case.lang)


def draw_case(case: Case, *, layout: Layout = "auto") -> Picture:
    """A :class:`Picture` of one case (see :func:`case_scene`)."""
    return Picture.of(case_scene(case), layout)


def structural(g: Graph) -> Graph:
    """``g`` with only the relations that belong to no area (who leads whom, reporting lines)."""
    import networkx as nx

    out: Graph = nx.MultiDiGraph()
    out.graph.update(g.graph)
    out.add_nodes_from(g.nodes(data=True))
    for u, v, k, d in g.edges(keys=True, data=True):
        if d.get("area") is None:
            out.add_edge(u, v, key=k, **d)
    return out


def policy_picture(policy: PolicyView, *, area: str | None = None, place: str | None = None,
                   jurisdiction: Jurisdiction | None = None, lang: Lang = "zh", layout: Layout = "auto") -> Picture:
    """The picture behind :meth:`Policy.draw <responsibility.Policy.draw>`.

    With ``place``, the chain placed above it (each body at the place of its level); with
    ``area``, that area's holders and relations. Without an area only the relations that
    belong to no area are drawn (who leads whom, reporting lines): the areas' own relations
    of all areas at once are too many to read. The title names the place and the area.
    """
    from ._graph import chain_of, subchain
    from ._jurisdiction import Jurisdiction
    from ._placement import PlacedChain

    if lang not in ("zh", "en"):  # (lang="fr" drew a Chinese picture in silence)
        from .._errors import ProblemError

        raise ProblemError("lang", f"use 'zh' or 'en', not {lang!r}")
    en = lang == "en"
    role = chain_of(policy)
    if place is not None:
        where = jurisdiction if jurisdiction is not None else Jurisdiction.example()
        here = where.place(place)
        placed = PlacedChain(policy, where)
        g = placed.subgraph(here.code, area)
        where_text = f"{here.name} {here.code[:_digits(here.level)]}"
        if placed.community(here.code):  # an urban community: its problems are its 街道's (residents_committee_place)
            street = where.place(here.code[:9] + "000").name
            where_text += f" (an urban community, answered at {street})" if en else f"（城市社区，由{street}承担）"
    else:
        g = subchain(role, area=area)
        where_text = ""
    if area is None:
        g = structural(g)
        what = "all areas, structural relations" if en else "全部领域（结构关系）"
    else:
        what = str((role.graph["area_en"] if en else role.graph["area_names"]).get(area, area))
    title = " · ".join(x for x in (where_text, what) if x)
    return draw_chain(g, title=title, lang=lang, layout=layout)
