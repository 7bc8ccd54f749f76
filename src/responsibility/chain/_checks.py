"""Validation of a policy directory: the policy wing's data checks, then the role-graph checks.

:func:`check_chain` is the graph part of ``responsibility validate``: codes ``unknown_ref``,
``duplicate_id``, ``cycle`` (reporting lines loop), ``reporting_down`` (a reporting line runs
to a lower level), ``unreachable`` (a body does not reach the province along reporting
lines), ``orphan`` (a body with no relation at all) and ``chain_gap`` (an area's chain from
its lowest holders to the province misses a level, or two adjacent levels of it are not
linked by any relation).

:func:`check_all` runs the data checks of :mod:`responsibility.policy._validate` and then
these; :func:`validate_dir` and :func:`load_checked` are what ``responsibility.validate``
and ``responsibility.load`` (and the command line and the pytest plugin) run.

Not checked here: whether a derived relation is what the text means in every case; the
derivation rules are interpretations and say so in ``rules/relations.yaml``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from itertools import islice, pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from .._errors import Issue, RulesError
from ..policy import _cache
from ..policy._loader import Loaded, Where, default_rules_dir, read_policy_dir, suggest
from ..policy._view import PolicyView

if TYPE_CHECKING:
    from ._graph import Graph

_P = TypeVar("_P", bound=PolicyView)


def check_all(loaded: Loaded) -> list[Issue]:
    """Every consistency check on a shape-valid directory: the data's, then the role graph's."""
    from ..policy._validate import check

    return check(loaded, more=check_chain)


def validate_dir(path: str | Path | None = None) -> list[Issue]:
    """Every problem in the policy directory at ``path`` (default: the shipped rules); see
    :func:`responsibility.validate`."""
    loaded = read_policy_dir(Path(path) if path is not None else default_rules_dir())
    return loaded.issues or check_all(loaded)


def load_checked(path: str | Path | None = None, *, as_of: dt.date | None = None,
                 cls: type[_P], plain: bool = False) -> _P:
    """Read and validate a policy directory into a ``cls`` (:class:`PolicyView` or a subclass);
    see :func:`responsibility.load`.

    Raises :class:`RulesError` listing every problem if the data is not sound.

    A directory that loaded cleanly before, unchanged, is read from its cached form
    (:mod:`responsibility.policy._cache`: keyed by the hash of every file read and of the
    code that reads them); such a view has no file positions (``loaded`` is ``None``).
    ``plain``: that form as plain objects, read without pydantic, for a caller that hands no item of
    the policy to pydantic (``responsibility assess``; see :func:`responsibility.policy._cache.read`).
    """
    root = Path(path) if path is not None else default_rules_dir()
    key = _cache.key_of(root) if _cache.enabled() else None
    if key is not None:
        # the same files loaded again in this process (the CLI run in-process, a service's and a ledger's loads)
        # answer with the view made before, its engines' memos warm (policy/_cache.kept_view)
        if (kept := _cache.kept_view(key, root, as_of, cls, plain=plain)) is not None:
            return kept
        data = _cache.read(key, plain=plain)  # (plain: policy/_cache.read)
        if data is not None:
            view = cls(data, root=root, loaded=None, as_of=as_of)
            _cache.keep_view(key, root, as_of, view, plain=plain)
            return view
    loaded = read_policy_dir(root)
    issues = loaded.issues or check_all(loaded)
    if issues:
        raise RulesError(issues)
    assert loaded.data is not None
    if key is not None and _cache.key_of(root) == key:  # unchanged while it was read
        _cache.write(key, loaded.data)
    return cls(loaded.data, root=root, loaded=loaded, as_of=as_of)


def check_chain(loaded: Loaded, policy: PolicyView) -> list[Issue]:
    """The graph checks of ``responsibility validate`` (see the module docstring for the codes).

    A directory without ``relations.yaml`` has no role graph to check: nothing is reported.
    """
    if "relations" not in loaded.where:
        return []
    where = loaded.where["relations"]
    issues = list(_check_relation_refs(where, policy))
    if issues:
        return issues
    from ._graph import build_chain

    g = build_chain(policy)
    issues += _check_reporting(loaded, g)
    issues += _check_orphans(loaded, g)
    issues += _check_area_chains(loaded, g, policy)
    return issues


def _ref(where: Where, sub: tuple[str | int, ...], what: str, value: str, known: Iterable[str]) -> Issue:
    hint = suggest(value, list(known)) or f"use one of the {what} ids defined in rules/"
    return where.issue(sub, f"unknown {what} {value!r}", hint, "unknown_ref")


def _check_relation_refs(where: Where, policy: PolicyView) -> Iterator[Issue]:
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
    from ..policy._loader import Where

    rel = loaded.where["relations"]
    for i, r in enumerate(policy_relations):
        if r.from_ == u and r.to == v:
            return Where(rel.positions, ("relations", i))
    return _body_where(loaded, u)


def _check_reporting(loaded: Loaded, g: Graph) -> Iterator[Issue]:
    import networkx as nx

    from ._graph import _types_where

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


def _check_area_chains(loaded: Loaded, g: Graph, policy: PolicyView) -> Iterator[Issue]:
    from ._graph import area_holders

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
