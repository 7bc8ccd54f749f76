"""The instantiated chain: the role graph's bodies placed on real places.

A :class:`PlacedBody` is a body of the role graph at one place: the village committee
of village 330127100219 (富城村), the county construction bureau of county 330127. A body sits
at the place of its own level that contains the place asked about, so for a village
code V the chain above it is V's village bodies, its township's, its county's, its
city's and the province's. :class:`PlacedChain` answers the questions a reader asks of
one place (who is above it, who holds a kind of duty there, where a problem goes, who
watches a body, which level first has authority) without building a graph for the
whole jurisdiction: answers are computed from the role graph and the place's
ancestors, and the shared upper part of the chain is cached per place.

Not checked here: that a place has every body the rules name (a real county may have
merged bureaus); every place gets every body of its level.

>>> import responsibility
>>> from responsibility import PlacedChain, Jurisdiction
>>> placed = PlacedChain(responsibility.load(), Jurisdiction.synthetic(1, 1, 1, 2))
>>> [pb.body for pb in placed.above("330101001001", kinds={"government"})]
['village_committee', 'township_government', 'county_government', 'city_government', 'province_government']
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

import networkx as nx

from .._errors import ChainError
from ._graph import chain_of, escalation_path, supervisors
from ._jurisdiction import Jurisdiction, Place, ancestor_code, is_residents_committee

if TYPE_CHECKING:
    from ..policy._view import PolicyView
    from ._graph import Graph


class PlacedBody(NamedTuple):
    """A body of the role graph at a place: ``body`` id and 12-digit place ``code``."""

    body: str
    code: str


@dataclass(frozen=True)
class Authority:
    """The lowest level with authority over a problem kind, placed: its place and bodies there."""

    level: str
    place: Place
    bodies: tuple[PlacedBody, ...]


class PlacedChain:
    """The role graph of ``policy`` placed over ``jurisdiction`` (immutable, answers are cached).

    Every question takes a place code (2 to 12 digits); unknown places raise
    :class:`~responsibility.JurisdictionError`, unknown bodies, areas and kinds
    :class:`ChainError`. Answers are tuples of :class:`PlacedBody`, lowest level first.
    """

    def __init__(self, policy: PolicyView, jurisdiction: Jurisdiction) -> None:
        self.policy = policy
        self.jurisdiction = jurisdiction
        self.graph: Graph = chain_of(policy)
        g = self.graph
        self._levels: list[str] = list(g.graph["levels"])
        self._rank = {lv: i for i, lv in enumerate(self._levels)}
        by_level: dict[str, list[str]] = {lv: [] for lv in self._levels}
        for n, d in g.nodes(data=True):
            by_level.setdefault(d["level"], []).append(n)
        self._by_level = {lv: tuple(ids) for lv, ids in by_level.items()}
        self._above: dict[tuple[str, frozenset[str] | None], tuple[PlacedBody, ...]] = {}
        self._paths: dict[tuple[str, str | None], list[str]] = {}
        # An urban community (a residents' committee's code, 社区) has no 村委会 nor 村党支部: by default
        # (residents_committee_place: township) its problems are its township's and no village body is placed there
        # (docs/records.md "An urban community's problem is its township's"; session 25's note item 4)
        param = policy.parameters.get("residents_committee_place")
        self.communities_at_township = param is not None and param.value == "township"

    def __repr__(self) -> str:
        return f"<PlacedChain {self.graph.number_of_nodes()} bodies over {self.jurisdiction!r}>"

    # ------------------------------------------------------------------ placing

    def _place(self, code: object) -> Place:
        return self.jurisdiction.place(code)

    def _level_of_body(self, body: str) -> str:
        if body not in self.graph:
            from ._graph import _unknown

            raise _unknown("body", body, list(self.graph))
        level: str = self.graph.nodes[body]["level"]
        return level

    def place_of(self, body: str, code: object) -> PlacedBody:
        """``body`` at the place of its level that contains ``code``.

        A body of a lower level than the place (a village committee for a county code)
        has no single place there: :class:`ChainError`.
        """
        place = self._place(code)
        level = self._level_of_body(body)
        if self._rank[level] < self._rank[place.level]:
            raise ChainError(
                f"body {body!r} is a {level} body; place {place.code} ({place.name}) is a "
                f"{place.level}: give a {level} code or lower"
            )
        return PlacedBody(body, ancestor_code(place.code, level))

    def at(self, code: object, *, kinds: Collection[str] | None = None) -> tuple[PlacedBody, ...]:
        """The bodies of ``code``'s own level placed at it (``kinds``: body kinds to keep)."""
        place = self._place(code)
        return self._at(place.code, place.level, kinds)

    def community(self, code: object) -> bool:
        """Whether ``code`` is an urban community's that holds no village body (residents_committee_place:
        township)."""
        place = self._place(code)
        return self.communities_at_township and place.level == self._levels[0] and place.code[9:12] != "000" \
            and is_residents_committee(place.code)

    def _at(self, code: str, level: str, kinds: Collection[str] | None) -> tuple[PlacedBody, ...]:
        if self.communities_at_township and level == self._levels[0] and len(code) == 12 \
                and is_residents_committee(code):
            return ()
        nodes = self.graph.nodes
        return tuple(
            PlacedBody(b, code)
            for b in self._by_level.get(level, ())
            if kinds is None or nodes[b]["kind"] in kinds
        )

    def above(self, code: object, *, kinds: Collection[str] | None = None) -> tuple[PlacedBody, ...]:
        """The chain above a place: its bodies and those of every place containing it, lowest first.

        ``kinds`` keeps only bodies of those body kinds (e.g. ``{"party_organisation", "government"}``).
        """
        place = self._place(code)
        return self._chain_above(place.code, place.level, frozenset(kinds) if kinds is not None else None)

    def _chain_above(self, code: str, level: str, kinds: frozenset[str] | None) -> tuple[PlacedBody, ...]:
        key = (code, kinds)
        cached = self._above.get(key)
        if cached is not None:
            return cached
        own = self._at(code, level, kinds)
        i = self._rank[level]
        if i + 1 < len(self._levels):
            up_level = self._levels[i + 1]
            result = own + self._chain_above(ancestor_code(code, up_level), up_level, kinds)
        else:
            result = own
        if level != self._levels[0]:  # the many villages are not kept; what they share above is
            self._above[key] = result
        return result

    def bodies(self) -> Iterator[PlacedBody]:
        """Every body of the chain placed at every place of the jurisdiction, by place code."""
        for place in self.jurisdiction:
            yield from self._at(place.code, place.level, None)

    def count(self) -> int:
        """How many placed bodies the jurisdiction has (without making them)."""
        counts = dict(self.jurisdiction.counts())
        lowest = self._levels[0]
        if self.communities_at_township and counts.get(lowest) and self._by_level.get(lowest):
            counts[lowest] -= sum(1 for p in self.jurisdiction
                                  if p.level == lowest and is_residents_committee(p.code))
        return sum(n * len(self._by_level.get(lv, ())) for lv, n in counts.items())

    def name(self, placed: PlacedBody) -> str:
        """A reader's name for a placed body: the place name, then the body's name."""
        place = self.jurisdiction.place(placed.code)
        return f"{place.name} {self.graph.nodes[placed.body]['name']}"

    # ------------------------------------------------------------------ questions

    def holders(self, code: object, area: str, duty_kind: str) -> tuple[PlacedBody, ...]:
        """The bodies that hold a duty of ``duty_kind`` in ``area`` for a place, lowest first.

        Duties of the area count, and duties of areas that apply to all areas (problem
        discovery); only bodies at the place or above it are returned.
        """
        policy = self.policy
        if area not in policy.areas:
            from ._graph import _unknown

            raise _unknown("area", area, policy.areas)
        kinds = {k.id for k in policy.data.vocabulary.duty_kinds}
        if duty_kind not in kinds:
            from ._graph import _unknown

            raise _unknown("duty kind", duty_kind, sorted(kinds))
        place = self._place(code)
        found: set[str] = set()
        for did, d in policy.duties.items():
            own = policy.duty_area[did]
            if duty_kind in d.kinds and (own == area or policy.areas[own].applies_to_all):
                found.update(policy.holders(did, area))
        chain = self._chain_above(place.code, place.level, None)
        return tuple(pb for pb in chain if pb.body in found)

    def escalation(self, body: str, code: object, area: str | None = None) -> tuple[PlacedBody, ...]:
        """Where a problem goes from ``body`` at ``code`` (see :func:`escalation_path`), placed."""
        start = self.place_of(body, code)
        key = (body, area)
        path = self._paths.get(key)
        if path is None:
            path = self._paths[key] = escalation_path(self.graph, body, area)
        nodes = self.graph.nodes
        return tuple(PlacedBody(b, ancestor_code(start.code, nodes[b]["level"])) for b in path)

    def supervisors(self, body: str, code: object, area: str | None = None) -> tuple[PlacedBody, ...]:
        """The bodies that watch over ``body`` at ``code`` (see :func:`supervisors`), placed.

        Only supervisors at the body's level or above can be placed on one place; those of
        lower levels (none in the shipped rules) are left out.
        """
        start = self.place_of(body, code)
        nodes = self.graph.nodes
        rank = self._rank[nodes[body]["level"]]
        return tuple(
            PlacedBody(s, ancestor_code(start.code, nodes[s]["level"]))
            for s in supervisors(self.graph, body, area)
            if self._rank[nodes[s]["level"]] >= rank
        )

    def authority(self, code: object, area: str, kind: str) -> Authority:
        """The lowest level with authority over problem ``kind`` of ``area`` (一(三)), for a place.

        Its bodies are the holders of the kind's handling duties at that level, or if it has
        none there, every holder of the area at that level.
        """
        policy = self.policy
        if (area, kind) not in policy.kinds:
            from ._graph import _unknown

            raise _unknown("problem kind", f"{area}.{kind}", [f"{a}.{k}" for a, k in policy.kinds])
        place = self._place(code)
        # a problem placed at a level that shares the authority's rectifying duty is that level's own (P8-32)
        level = policy.authority(area, kind, policy.level_rank[place.level])
        if self._rank[level] < self._rank[place.level]:
            raise ChainError(
                f"problem kind {area}.{kind} is decided at the {level} level, below place "
                f"{place.code} ({place.name}); give a {level} code or lower"
            )
        target = self._place(ancestor_code(place.code, level))
        nodes = self.graph.nodes
        handlers = [b for b in policy.stage_holders(area, kind, "handling") if nodes[b]["level"] == level]
        if not handlers:
            handlers = [b for b in self._by_level.get(level, ()) if area in nodes[b]["areas"]]
        order = {b: i for i, b in enumerate(self._by_level.get(level, ()))}
        bodies = tuple(PlacedBody(b, target.code) for b in sorted(handlers, key=order.__getitem__))
        return Authority(level, target, bodies)

    def subgraph(self, code: object, area: str | None = None) -> Graph:
        """The concrete chain above a place as a graph: nodes ``"<body>@<code>"``, role-graph edges.

        Node attributes are the role graph's plus ``body``, ``code`` and ``place`` (the place name).
        """
        from ._graph import subchain

        role = subchain(self.graph, area=area) if area is not None else self.graph
        chain = [pb for pb in self.above(code) if pb.body in role]
        out: Graph = nx.MultiDiGraph()
        out.graph.update(role.graph)
        ids = {pb.body: f"{pb.body}@{pb.code}" for pb in chain}
        for pb in chain:
            out.add_node(
                ids[pb.body],
                **role.nodes[pb.body],
                body=pb.body,
                code=pb.code,
                place=self.jurisdiction.place(pb.code).name,
            )
        for u, v, k, d in role.edges(keys=True, data=True):
            if u in ids and v in ids:
                out.add_edge(ids[u], ids[v], key=k, **d)
        return out
