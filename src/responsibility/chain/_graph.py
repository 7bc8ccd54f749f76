"""The role graph: the bodies of the five-level chain and the relations between them.

:func:`build_chain` turns a :class:`~responsibility.Policy` into a frozen
``networkx.MultiDiGraph`` (``policy.chain``, :func:`chain_of`): one node per body in force, one edge per
relation. Relations come from ``rules/relations.yaml`` in three ways:

* written out (``relations``): who leads whom, who reports to whom across levels;
* derived from the bodies (``derive`` with ``source: parent`` or ``leading_group_member``);
* derived from each area's duties (``source: duties``): a holder of a guidance duty guides
  the area's holders below it, a holder of a reporting duty reports to the nearest above …

Nodes carry ``level``, ``rank``, ``name`` (Chinese), ``en``, ``kind``, ``sector``,
``parent`` and ``areas`` (the areas in which the body holds duties). Edges are keyed
``"<type>"`` (structural) or ``"<type>@<area>"`` (area-specific) and carry ``type``,
``area``, ``clause`` (the first clause), ``clauses``, ``duties``, ``basis`` and ``source``
(how the relation was made). The graph's ``graph`` dict holds ``levels`` (ids, village
first), ``level_names``, ``level_en``, ``relation_types``, ``area_names`` and ``area_en``.

The query functions take the graph first and never change it. :func:`chain_of` builds a
policy's graph once and keeps it on the policy (its memo); the checks of the graph are in
:mod:`._checks`.

>>> import responsibility
>>> chain = responsibility.load().chain
>>> escalation_path(chain, "village_committee")[-1]
'province_government'
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TypeAlias

import networkx as nx

from .._errors import ChainError
from ..policy._view import reachable

if TYPE_CHECKING:
    from ..policy._model import RelationRule
    from ..policy._view import PolicyView

#: The role graph's type: a ``networkx.MultiDiGraph`` whose nodes are body ids.
Graph: TypeAlias = "nx.MultiDiGraph[str]"


def _unknown(what: str, value: str, known: Iterable[str]) -> ChainError:
    from ..policy._loader import suggest

    known = list(known)
    hint = suggest(value, known)
    more = f"; {hint}" if hint else ""
    return ChainError(f"unknown {what} {value!r}{more} (valid: {', '.join(known)})")


# ---------------------------------------------------------------------------------------- building


class _Builder:
    """Collects nodes and edges, merging edges of the same type and area between two bodies."""

    def __init__(self, policy: PolicyView) -> None:
        self.policy = policy
        self.g: Graph = nx.MultiDiGraph()
        self.types = {t.id: t for t in policy.data.relation_types}

    def edge(
        self,
        u: str,
        v: str,
        type_: str,
        area: str | None,
        clauses: Iterable[str],
        *,
        source: str,
        basis: str,
        duty: str | None = None,
        note: str | None = None,
    ) -> None:
        g = self.g
        if u == v or u not in g or v not in g or type_ not in self.types:
            return
        key = type_ if area is None else f"{type_}@{area}"
        if g.has_edge(u, v, key):
            data = g.edges[u, v, key]
            data["clauses"] = tuple(dict.fromkeys((*data["clauses"], *clauses)))
            if duty is not None and duty not in data["duties"]:
                data["duties"] = (*data["duties"], duty)
            return
        clauses = tuple(dict.fromkeys(clauses))
        g.add_edge(
            u,
            v,
            key=key,
            type=type_,
            area=area,
            clause=clauses[0] if clauses else "",
            clauses=clauses,
            duties=(duty,) if duty else (),
            basis=basis,
            source=source,
            label=self.types[type_].name,
            note=note,
        )


def chain_of(policy: PolicyView) -> Graph:
    """The role graph of ``policy``, built once per policy view and kept in its memo."""
    return policy._memo("chain", lambda: build_chain(policy))


def build_chain(policy: PolicyView) -> Graph:
    """The role graph of ``policy`` (frozen: it cannot be changed, copy it to edit).

    Bodies or relation types that are not in force or unknown are left out; ``responsibility
    validate`` reports unknown references.
    """
    b = _Builder(policy)
    g = b.g
    levels = list(policy.levels)
    g.graph["levels"] = levels
    g.graph["level_names"] = {lv: policy.levels[lv].name for lv in levels}
    g.graph["level_en"] = {lv: policy.levels[lv].en for lv in levels}
    g.graph["relation_types"] = {
        t.id: {
            "name": t.name,
            "en": t.en,
            "reporting": t.reporting,
            "supervisory": t.supervisory,
            "structure": t.structure,
        }
        for t in policy.data.relation_types
    }
    g.graph["area_names"] = {a.id: a.name for a in policy.data.areas}
    g.graph["area_en"] = {a.id: a.en for a in policy.data.areas}
    areas_of: dict[str, list[str]] = {}
    for did, d in policy.duties.items():
        for h in d.holders:
            areas_of.setdefault(h, [])
            if policy.duty_area[did] not in areas_of[h]:
                areas_of[h].append(policy.duty_area[did])
    area_order = {a: i for i, a in enumerate(policy.areas)}
    for body in policy.bodies.values():
        g.add_node(
            body.id,
            level=body.level,
            rank=policy.level_rank.get(body.level, 0),
            name=body.name,
            en=body.en,
            kind=body.kind,
            sector=body.sector,
            parent=body.parent,
            areas=tuple(sorted(areas_of.get(body.id, []), key=area_order.__getitem__)),
        )
    rules = policy.data.relation_rules
    for rule in rules:
        if rule.source == "parent":
            for body in policy.bodies.values():
                if body.parent is not None:
                    b.edge(
                        body.id, body.parent, rule.type, None, rule.clauses, source="parent", basis=rule.basis
                    )
        elif rule.source == "leading_group_member":
            for body in policy.bodies.values():
                if body.leading_group_member:
                    for group in policy.bodies.values():
                        if group.kind == rule.group_kind and group.level == body.level:
                            b.edge(
                                group.id,
                                body.id,
                                rule.type,
                                None,
                                rule.clauses,
                                source="leading_group_member",
                                basis=rule.basis,
                            )
    for rel in policy.data.relations:
        b.edge(
            rel.from_,
            rel.to,
            rel.type,
            rel.area,
            rel.clauses,
            source="relations",
            basis=rel.basis,
            note=rel.note,
        )
    above = _superiors(g)
    for rule in rules:
        if rule.source == "duties":
            _derive_from_duties(b, rule, above)
    frozen: Graph = nx.freeze(g)
    return frozen


def _superiors(g: Graph) -> dict[str, frozenset[str]]:
    """For each body, the bodies of its own level it sits under (along structural relations)."""
    types = g.graph["relation_types"]
    up: dict[str, set[str]] = {n: set() for n in g}
    for u, v, d in g.edges(data=True):
        if d["area"] is not None or g.nodes[u]["level"] != g.nodes[v]["level"]:
            continue
        structure = types[d["type"]]["structure"]
        if structure == "up":
            up[u].add(v)
        elif structure == "down":
            up[v].add(u)
    return reachable(up)


def _derive_from_duties(b: _Builder, rule: RelationRule, above: dict[str, frozenset[str]]) -> None:
    policy, g = b.policy, b.g
    for area in policy.areas:
        duties = [d for did, d in policy.duties.items() if policy.duty_area[did] == area]
        kinds_of: dict[str, set[str]] = {}
        for d in duties:
            for h in d.holders:
                if h in g:
                    kinds_of.setdefault(h, set()).update(d.kinds)
        for d in duties:
            if rule.duty_kind not in d.kinds:
                continue
            candidates = list(kinds_of)
            if rule.target_kinds:
                candidates = [h for h in candidates if kinds_of[h] & set(rule.target_kinds)]
            for src in d.holders:
                if src not in g:
                    continue
                # Bodies of one level that share the duty hold it together; across levels
                # (省市…) the higher still relates to the lower.
                level = g.nodes[src]["level"]
                others = [h for h in candidates if not (h in d.holders and g.nodes[h]["level"] == level)]
                if d.scope == "own_sector" and b.types[rule.type].supervisory:
                    # 涉及本部门: it watches over its own line only, never the rest of the area
                    others = [h for h in others if g.nodes[h]["sector"] == g.nodes[src]["sector"]]
                for towards in rule.towards:
                    picked = _pick(
                        g, src, others, towards, above, sector_first=rule.sector_first, nearest=rule.nearest
                    )
                    if picked:
                        break
                for target in picked:
                    b.edge(
                        src, target, rule.type, area, [d.clause], source="duties", basis=rule.basis, duty=d.id
                    )


def _pick(
    g: Graph,
    src: str,
    candidates: list[str],
    towards: str,
    above: dict[str, frozenset[str]],
    *,
    sector_first: bool,
    nearest: bool,
) -> list[str]:
    nodes = g.nodes
    rank: int = nodes[src]["rank"]

    def keep(c: str) -> bool:
        r: int = nodes[c]["rank"]
        if towards == "down":
            return r < rank or (r == rank and src in above[c])
        if towards == "up":
            return r > rank or (r == rank and c in above[src])
        if towards == "higher_levels":
            return r > rank
        if towards == "level":
            return r == rank and c not in above[src] and src not in above[c]
        return r <= rank  # level_and_down

    chosen = [c for c in candidates if c != src and keep(c)]
    same = [c for c in chosen if nodes[c]["rank"] == rank]
    other = [c for c in chosen if nodes[c]["rank"] != rank]
    if other and (sector_first or nearest):
        closest = min(abs(nodes[c]["rank"] - rank) for c in other)
        at_closest = [c for c in other if abs(nodes[c]["rank"] - rank) == closest]
        sector = nodes[src]["sector"]
        matching = [c for c in at_closest if sector is not None and nodes[c]["sector"] == sector]
        if sector_first and matching:
            other = matching
        elif nearest:
            other = at_closest
    return same + other


# ---------------------------------------------------------------------------------------- queries


def _check_body(g: Graph, body: str) -> None:
    if body not in g:
        raise _unknown("body", body, list(g))


def the_chain(g: Any, call: str) -> None:
    """Refuse a ``g`` that is not a role graph with a :class:`TypeError` saying what to give: a notebook's
    ``to_mermaid(policy)`` or ``area_holders(policy, "housing")`` raised AttributeError "'Policy' object has no
    attribute 'graph'" (hostile33)."""
    if isinstance(g, nx.Graph) and "levels" in g.graph:
        return
    if hasattr(g, "chain") and hasattr(g, "bodies"):  # a Policy (or a view of one): its chain is one attribute away
        raise TypeError(f"{call}() takes the role graph, not the {type(g).__name__}: give policy.chain (or "
                        f"subchain(policy.chain, area=…))")
    raise TypeError(f"{call}() takes the role graph (policy.chain, or subchain(policy.chain, area=…)), "
                    f"not {type(g).__name__}")


def _check_area(g: Graph, area: str | None) -> None:
    if area is not None and area not in g.graph["area_names"]:
        raise _unknown("area", area, list(g.graph["area_names"]))


def _types_where(g: Graph, flag: str) -> frozenset[str]:
    return frozenset(t for t, info in g.graph["relation_types"].items() if info[flag])


def reporting_lines(g: Graph, area: str | None = None) -> nx.DiGraph[str]:
    """The reporting lines as a ``DiGraph``: structural ones, and with ``area`` that area's own.

    >>> import responsibility
    >>> lines = reporting_lines(responsibility.load().chain)
    >>> "township_government" in lines.successors("village_committee")
    True
    """
    the_chain(g, "reporting_lines")
    _check_area(g, area)
    reporting = _types_where(g, "reporting")
    out: nx.DiGraph[str] = nx.DiGraph()
    out.add_nodes_from(g.nodes(data=True))
    for u, v, d in g.edges(data=True):
        if d["type"] in reporting and d["area"] in (None, area):
            out.add_edge(u, v)
    return out


def escalation_path(g: Graph, body: str, area: str | None = None) -> list[str]:
    """Where a problem goes from ``body`` when it exceeds its authority: body ids, ``body`` first.

    Each step follows a reporting line, the area's own first when ``area`` is given, then
    the structural one (a body's parent before other lines). Steps never go down a level;
    the path ends where no line leads further (the province).

    >>> import responsibility
    >>> escalation_path(responsibility.load().chain, "township_government", "housing")
    ['township_government', 'county_government', 'city_government', 'province_government']
    """
    the_chain(g, "escalation_path")
    _check_body(g, body)
    _check_area(g, area)
    reporting = _types_where(g, "reporting")
    path = [body]
    seen = {body}
    while True:
        here = path[-1]
        rank = g.nodes[here]["rank"]
        steps = [
            (v, d)
            for _, v, d in g.out_edges(here, data=True)
            if d["type"] in reporting and g.nodes[v]["rank"] >= rank and v not in seen
        ]
        own = [v for v, d in steps if area is not None and d["area"] == area]
        general = [v for v, d in steps if d["area"] is None]
        choices = own or general
        if not choices:
            return path
        nxt = choices[0]
        path.append(nxt)
        seen.add(nxt)


def supervisors(g: Graph, body: str, area: str | None = None) -> list[str]:
    """Bodies that watch over ``body`` (sources of supervisory relations into it), lowest level first.

    With ``area``, only relations of that area (and structural ones) count.

    >>> import responsibility
    >>> "county_construction" in supervisors(responsibility.load().chain, "township_government", "housing")
    True
    """
    the_chain(g, "supervisors")
    _check_body(g, body)
    _check_area(g, area)
    supervisory = _types_where(g, "supervisory")
    found = {
        u
        for u, _, d in g.in_edges(body, data=True)
        if d["type"] in supervisory and (area is None or d["area"] in (None, area))
    }
    order = {n: i for i, n in enumerate(g)}
    return sorted(found, key=lambda n: (g.nodes[n]["rank"], order[n]))


def area_holders(g: Graph, area: str) -> list[str]:
    """Ids of the bodies that hold a duty of ``area``, in catalogue order."""
    the_chain(g, "area_holders")
    _check_area(g, area)
    return [n for n, d in g.nodes(data=True) if area in d["areas"]]


def subchain(g: Graph, *, area: str | None = None, levels: Iterable[str] | None = None) -> Graph:
    """The part of the role graph a reader asked for (a new graph; ``g`` is not changed).

    ``area`` keeps the area's holders and the relations between them that are structural
    or of that area; ``levels`` keeps the bodies of those levels. Unknown names raise
    :class:`ChainError` listing the valid ones.

    >>> import responsibility
    >>> housing = subchain(responsibility.load().chain, area="housing")
    >>> "county_construction" in housing and "county_education" not in housing
    True
    """
    the_chain(g, "subchain")
    _check_area(g, area)
    wanted_levels = list(levels or [])
    for lv in wanted_levels:
        if lv not in g.graph["levels"]:
            raise _unknown("level", lv, g.graph["levels"])
    nodes = [
        n
        for n, d in g.nodes(data=True)
        if (area is None or area in d["areas"]) and (not wanted_levels or d["level"] in wanted_levels)
    ]
    out: Graph = nx.MultiDiGraph()
    out.graph.update(g.graph)
    out.graph["area"] = area
    out.add_nodes_from((n, g.nodes[n]) for n in nodes)
    keep = set(nodes)
    for u, v, k, d in g.edges(keys=True, data=True):
        if u in keep and v in keep and (area is None or d["area"] in (None, area)):
            out.add_edge(u, v, key=k, **d)
    return out

