"""The role graph: the bodies of the five-level chain and the relations between them.

:func:`build_chain` turns a :class:`~responsibility.Policy` into a frozen
``networkx.MultiDiGraph`` (``policy.chain``): one node per body in force, one edge per
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
first), ``level_names``, ``relation_types`` and ``area_names``.

The query functions take the graph first and never change it. :func:`check_chain` is
the graph part of ``responsibility validate``: codes ``unknown_ref``, ``duplicate_id``,
``cycle`` (reporting lines loop), ``reporting_down`` (a reporting line runs to a lower
level), ``unreachable`` (a body does not reach the province along reporting lines),
``orphan`` (a body with no relation at all) and ``chain_gap`` (an area's chain from its
lowest holders to the province misses a level, or two adjacent levels of it are not
linked by any relation).

Not checked here: whether a derived relation is what the text means in every case; the
derivation rules are interpretations and say so in ``rules/relations.yaml``.

>>> import responsibility
>>> chain = responsibility.load().chain
>>> escalation_path(chain, "village_committee")[-1]
'province_government'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice, pairwise
from typing import TYPE_CHECKING, Any, TypeAlias

import networkx as nx

from ._errors import ChainError, Issue

if TYPE_CHECKING:
    from ._loader import Loaded, Where
    from ._model import RelationRule
    from ._policy import Policy

#: The role graph's type: a ``networkx.MultiDiGraph`` whose nodes are body ids.
Graph: TypeAlias = "nx.MultiDiGraph[str]"


def _unknown(what: str, value: str, known: Iterable[str]) -> ChainError:
    from ._loader import suggest

    known = list(known)
    hint = suggest(value, known)
    more = f"; {hint}" if hint else ""
    return ChainError(f"unknown {what} {value!r}{more} (valid: {', '.join(known)})")


# ---------------------------------------------------------------------------------------- building


class _Builder:
    """Collects nodes and edges, merging edges of the same type and area between two bodies."""

    def __init__(self, policy: Policy) -> None:
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


def build_chain(policy: Policy) -> Graph:
    """The role graph of ``policy`` (frozen: it cannot be changed, copy it to edit).

    Bodies or relation types that are not in force or unknown are left out; ``responsibility
    validate`` reports unknown references.
    """
    b = _Builder(policy)
    g = b.g
    levels = list(policy.levels)
    g.graph["levels"] = levels
    g.graph["level_names"] = {lv: policy.levels[lv].name for lv in levels}
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
    out: dict[str, frozenset[str]] = {}
    for n in g:
        seen: set[str] = set()
        stack = list(up[n])
        while stack:
            m = stack.pop()
            if m not in seen and m != n:
                seen.add(m)
                stack.extend(up[m])
        out[n] = frozenset(seen)
    return out


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


# ---------------------------------------------------------------------------------------- checks


def check_chain(loaded: Loaded, policy: Policy) -> list[Issue]:
    """The graph checks of ``responsibility validate`` (see the module docstring for the codes).

    A directory without ``relations.yaml`` has no role graph to check: nothing is reported.
    """
    if "relations" not in loaded.where:
        return []
    where = loaded.where["relations"]
    issues = list(_check_relation_refs(where, policy))
    if issues:
        return issues
    g = build_chain(policy)
    issues += _check_reporting(loaded, g)
    issues += _check_orphans(loaded, g)
    issues += _check_area_chains(loaded, g, policy)
    return issues


def _ref(where: Where, sub: tuple[str | int, ...], what: str, value: str, known: Iterable[str]) -> Issue:
    from ._loader import suggest

    hint = suggest(value, list(known)) or f"use one of the {what} ids defined in rules/"
    return where.issue(sub, f"unknown {what} {value!r}", hint, "unknown_ref")


def _check_relation_refs(where: Where, policy: Policy) -> Iterator[Issue]:
    data = policy.data
    bodies = {b.id for b in data.bodies}
    types = [t.id for t in data.relation_types]
    areas = {a.id for a in data.areas}
    duty_kinds = {k.id for k in data.vocabulary.duty_kinds}
    body_kinds = {k.id for k in data.vocabulary.body_kinds}
    clauses = policy.clauses
    seen: set[str] = set()
    for i, t in enumerate(data.relation_types):
        if t.id in seen:
            yield where.issue(
                ("types", i, "id"),
                f"duplicate relation type id {t.id!r}",
                "give each its own id",
                "duplicate_id",
            )
        seen.add(t.id)
        for j, c in enumerate(t.clauses):
            if c not in clauses:
                yield _ref(where, ("types", i, "clauses", j), "clause", c, clauses)
    for i, rel in enumerate(data.relations):
        for field, value in (("from", rel.from_), ("to", rel.to)):
            if value not in bodies:
                yield _ref(where, ("relations", i, field), "body", value, bodies)
        if rel.type not in types:
            yield _ref(where, ("relations", i, "type"), "relation type", rel.type, types)
        if rel.area is not None and rel.area not in areas:
            yield _ref(where, ("relations", i, "area"), "area", rel.area, areas)
        for j, c in enumerate(rel.clauses):
            if c not in clauses:
                yield _ref(where, ("relations", i, "clauses", j), "clause", c, clauses)
    for i, rule in enumerate(data.relation_rules):
        if rule.type not in types:
            yield _ref(where, ("derive", i, "type"), "relation type", rule.type, types)
        if rule.duty_kind is not None and rule.duty_kind not in duty_kinds:
            yield _ref(where, ("derive", i, "duty_kind"), "duty kind", rule.duty_kind, duty_kinds)
        for j, k in enumerate(rule.target_kinds):
            if k not in duty_kinds:
                yield _ref(where, ("derive", i, "target_kinds", j), "duty kind", k, duty_kinds)
        if rule.group_kind is not None and rule.group_kind not in body_kinds:
            yield _ref(where, ("derive", i, "group_kind"), "body kind", rule.group_kind, body_kinds)
        for j, c in enumerate(rule.clauses):
            if c not in clauses:
                yield _ref(where, ("derive", i, "clauses", j), "clause", c, clauses)


def _body_where(loaded: Loaded, body: str) -> Where:
    return loaded.where.get(f"body:{body}") or loaded.where["relations"]


def _relation_where(loaded: Loaded, policy_relations: list[Any], u: str, v: str) -> Where:
    """Where the explicit relation u → v is written, else where body u is."""
    from ._loader import Where

    rel = loaded.where["relations"]
    for i, r in enumerate(policy_relations):
        if r.from_ == u and r.to == v:
            return Where(rel.positions, ("relations", i))
    return _body_where(loaded, u)


def _check_reporting(loaded: Loaded, g: Graph) -> Iterator[Issue]:
    assert loaded.data is not None
    relations = loaded.data.relations
    lines: nx.DiGraph[str] = nx.DiGraph()
    lines.add_nodes_from(g)
    reporting = _types_where(g, "reporting")
    structural: nx.DiGraph[str] = nx.DiGraph()
    structural.add_nodes_from(g)
    for u, v, d in g.edges(data=True):
        if d["type"] not in reporting:
            continue
        lines.add_edge(u, v)
        if d["area"] is None:
            structural.add_edge(u, v)
        if g.nodes[v]["rank"] < g.nodes[u]["rank"]:
            yield _relation_where(loaded, relations, u, v).issue(
                (),
                f"reporting line {u} → {v} runs down from the {g.nodes[u]['level']} to the "
                f"{g.nodes[v]['level']} level",
                "reporting lines go up: swap from and to, or fix the parent",
                "reporting_down",
            )
    for cycle in islice(nx.simple_cycles(lines), 20):
        loop = " → ".join([*cycle, cycle[0]])
        yield _relation_where(loaded, relations, cycle[0], cycle[1 % len(cycle)]).issue(
            (), f"reporting lines form a cycle: {loop}", "remove one of these relations or parents", "cycle"
        )
    top = max((d["rank"] for _, d in g.nodes(data=True)), default=0)
    at_top = {n for n, d in g.nodes(data=True) if d["rank"] == top}
    reaches = set(at_top)
    for n in at_top:
        reaches |= nx.ancestors(structural, n)
    for n in g:
        if n in reaches:
            continue
        stops = [m for m in nx.descendants(structural, n) if structural.out_degree(m) == 0]
        stop = f" (its lines stop at {', '.join(sorted(stops))})" if stops else ""
        yield _body_where(loaded, n).issue(
            ("id",),
            f"body {n!r} does not reach the {g.graph['levels'][-1]} along reporting lines{stop}",
            "give it a parent, or add a reports_to relation in rules/relations.yaml",
            "unreachable",
        )


def _check_orphans(loaded: Loaded, g: Graph) -> Iterator[Issue]:
    for n in g:
        if g.degree(n) == 0:
            yield _body_where(loaded, n).issue(
                ("id",),
                f"body {n!r} has no relation to any other body (orphan)",
                "give it a parent, a relation in rules/relations.yaml, or a duty that relates it",
                "orphan",
            )


def _check_area_chains(loaded: Loaded, g: Graph, policy: Policy) -> Iterator[Issue]:
    levels: list[str] = g.graph["levels"]
    for area in policy.areas:
        holders = area_holders(g, area)
        if not holders:
            continue
        where = loaded.where.get(f"area:{area}") or loaded.where["relations"]
        by_level = {lv: [h for h in holders if g.nodes[h]["level"] == lv] for lv in levels}
        lowest = min(levels.index(g.nodes[h]["level"]) for h in holders)
        first = by_level[levels[lowest]]
        span = levels[lowest:]
        for lv in span:
            if not by_level[lv]:
                yield where.issue(
                    (),
                    f"area {area!r} has no holder at the {lv} level between its lowest "
                    f"holders ({', '.join(first)}) and the {levels[-1]}",
                    f"give a duty of {area!r} to a {lv} body",
                    "chain_gap",
                )
        present = [lv for lv in span if by_level[lv]]
        for low, high in pairwise(present):
            if levels.index(high) != levels.index(low) + 1:
                continue
            lows, highs = set(by_level[low]), set(by_level[high])
            linked = any(
                d["area"] in (None, area) and ((u in lows and v in highs) or (u in highs and v in lows))
                for u, v, d in g.edges(data=True)
            )
            if not linked:
                yield where.issue(
                    (),
                    f"area {area!r}: no relation links its {low} holders "
                    f"({', '.join(by_level[low])}) to its {high} holders "
                    f"({', '.join(by_level[high])})",
                    "add a duty or relation that links them (reporting, guidance, review …)",
                    "chain_gap",
                )
