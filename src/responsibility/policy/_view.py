"""The policy as indexed, read-only data: what the graph, engines and CLI query.

A :class:`PolicyView` is made by :func:`responsibility.load` (as its subclass
:class:`responsibility.Policy`). It never changes after construction; "as of" views are
new objects of the same class. What the wings above derive from it (the role graph, the
decider) they keep in its memo (:meth:`PolicyView._memo`).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections.abc import Callable, ItemsView, Iterable, Iterator, KeysView, Mapping, ValuesView
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self, TypeVar

from ._model import STAGES, Stage

if TYPE_CHECKING:  # (the models are types here only: a view of the cached data holds plain objects, _plain)
    from ._loader import Loaded
    from ._model import (
        Area,
        Body,
        Channel,
        Clause,
        Duty,
        Failure,
        Level,
        Liability,
        Parameter,
        PolicyData,
        ProblemKind,
        _Dated,
    )


#: The parameter that says who answers, for a record naming no sector, where departments of one level each hold a
#: duty for their own part of the problem (:meth:`PolicyView.has_alternatives`).
SECTORLESS = "sectorless_alternatives"
#: The parameter that decides whether the place's level is read as whose policy a gap is (PolicyView.authority).
OWNER = "policy_gap_owner"
#: The stages of a problem's own work (finding it, passing it on, rectifying it), as against pressing others to: a
#: level that holds one for a record naming no line holds it too for a record whose line gives it nobody there
#: (:meth:`PolicyView.line_idle`).
WORK_STAGES: tuple[Stage, ...] = ("discovery", "handling", "rectification")

_T = TypeVar("_T", bound="_Dated")
_V = TypeVar("_V")
_NONE: Any = object()  # no artefact yet (an artefact may be None)


def _dedupe(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))



def reachable(direct: Mapping[str, Iterable[str]]) -> dict[str, frozenset[str]]:
    """For each key of ``direct`` (a node and the nodes one step from it), every node reachable from it in one or
    more steps, itself left out: the bodies a body sits under, from the bodies directly above it."""
    out: dict[str, frozenset[str]] = {}
    for n in direct:
        seen: set[str] = set()
        todo = list(direct[n])
        while todo:
            m = todo.pop()
            if m not in seen and m != n:
                seen.add(m)
                todo += direct.get(m, ())
        out[n] = frozenset(seen)
    return out

class PolicyView:
    """A validated policy directory, indexed for queries (the data only).

    :class:`responsibility.Policy` is this view with the answers on top (``chain``,
    ``who_answers``, ``assess``).

    >>> import responsibility
    >>> policy = responsibility.load()
    >>> policy.body("county_civil_affairs").name
    '县（市、区）民政局'
    """

    def __init__(self, data: PolicyData, *, root: Path, loaded: Loaded | None = None,
                 as_of: dt.date | None = None, what_if: Mapping[str, tuple[Any, Any]] | None = None) -> None:
        self.data = data
        self.root = root
        self.as_of = as_of
        self._loaded = loaded
        #: Parameters set by :meth:`with_parameters`: ``{id: (rules' value, value used)}``.
        self.what_if: dict[str, tuple[Any, Any]] = dict(what_if or {})

        def live(xs: Iterable[_T]) -> list[_T]:
            return [x for x in xs if x.in_force(as_of)]

        v = data.vocabulary
        self.levels: dict[str, Level] = {lv.id: lv for lv in sorted(v.levels, key=lambda lv: lv.rank)}
        self.level_rank: dict[str, int] = {lv.id: lv.rank for lv in v.levels}
        #: The level of each rank (the first listed, where two share one), which the engine reads back from a rank.
        self.rank_level: dict[int, str] = {lv.rank: lv.id for lv in reversed(v.levels)}
        #: The ranks of the levels marked grassroots (基层), the only ones a duty of ``presses: grassroots`` presses
        #: (none marked: every level below the holder).
        self.grassroots: frozenset[int] = frozenset(lv.rank for lv in v.levels if lv.grassroots)
        self.channels: dict[str, Channel] = {c.id: c for c in v.channels}
        self.bodies: dict[str, Body] = {b.id: b for b in live(data.bodies)}
        self.areas: dict[str, Area] = {a.id: a for a in data.areas}
        self.duties: dict[str, Duty] = {}
        self.duty_area: dict[str, str] = {}
        self.kinds: dict[tuple[str, str], ProblemKind] = {}
        for area in data.areas:
            for d in live(area.duties):
                self.duties[d.id] = d
                self.duty_area[d.id] = area.id
            for k in live(area.problem_kinds):
                self.kinds[(area.id, k.id)] = k
        self.clauses: dict[str, Clause] = {}
        for src in data.sources:
            for c in src.clauses:
                self.clauses.setdefault(c.id, c)
        #: The parameters in force by id (a plain dict; a :func:`recording` twin's notes which values were read).
        self.parameters: Mapping[str, Parameter] = {p.id: p for p in live(data.parameters)}
        self.failures: dict[str, Failure] = {f.id: f for f in data.accountability.failures}
        #: The role body of each level that stands for the department a record does not name.
        self.roles: dict[str, str] = {}
        for b in self.bodies.values():
            if b.role:
                self.roles.setdefault(b.level, b.id)
        #: The sectors a record may name (a body's ``sector``), besides body ids.
        self.sectors: frozenset[str] = frozenset(b.sector for b in self.bodies.values() if b.sector and not b.role)
        self.liabilities: dict[str, Liability] = {x.id: x for x in data.accountability.liabilities}

    # ------------------------------------------------------------ pickling

    def __getstate__(self) -> dict[str, Any]:
        """The data only: engines, locks and other artefacts of the memo are rebuilt on first use.

        So a policy that has already answered (and holds a durable-rules engine with its C
        state and locks) can be sent to a ``spawn`` process pool.
        """
        return {"data": self.data, "root": self.root, "as_of": self.as_of, "loaded": self._loaded,
                "what_if": self.what_if}

    def __setstate__(self, state: dict[str, Any]) -> None:
        PolicyView.__init__(self, state["data"], root=state["root"], loaded=state["loaded"], as_of=state["as_of"],
                            what_if=state.get("what_if"))

    # ------------------------------------------------------------ lookups

    def body(self, body_id: str) -> Body:
        """The body with id ``body_id`` (``KeyError`` with a suggestion if unknown)."""
        try:
            return self.bodies[body_id]
        except KeyError:
            from ._loader import suggest

            hint = suggest(body_id, self.bodies) or "see rules/bodies/"
            raise KeyError(f"unknown body {body_id!r}; {hint}") from None

    def clause(self, clause_id: str) -> Clause:
        """The clause with id ``clause_id`` (e.g. ``"二(六)4(2)"``)."""
        return self.clauses[clause_id]

    def sector_of(self, value: str | None) -> str | None:
        """The sector a record's ``sector`` names: a body id gives its body's sector.

        >>> import responsibility
        >>> responsibility.load().sector_of("county_water"), responsibility.load().sector_of("water")
        ('water', 'water')
        """
        if value is None:
            return None
        body = self.bodies.get(value)
        return body.sector if body is not None else value

    def parameter(self, param_id: str) -> Any:
        """The value of a parameter in force (``KeyError`` with a suggestion and the valid ids if unknown).

        >>> import responsibility
        >>> responsibility.load().parameter("handling_time_limit_days")
        10
        """
        try:
            return self.parameters[param_id].value
        except KeyError:
            from ._loader import suggest

            hint = suggest(str(param_id), self.parameters) or "see rules/parameters.yaml"
            raise KeyError(f"unknown parameter {param_id!r}; {hint}; valid: {', '.join(self.parameters)}") from None

    @property
    def problem_areas(self) -> list[str]:
        """Ids of the areas that are problem domains."""
        return [a.id for a in self.data.areas if a.problems]

    @cached_property
    def version_key(self) -> str:
        """A short hash of the data in force: equal data, equal key (names engine rulesets)."""
        payload = self.data.model_dump_json() + str(self.as_of)
        return hashlib.sha256(payload.encode()).hexdigest()[:16]

    def _memo(self, key: str, factory: Callable[[], _V]) -> _V:
        """The artefact ``key`` derived from this view, made by ``factory`` on first use.

        The wings above keep what they build from the policy here (the role graph, the
        decider), so that this wing never imports them.
        """
        memo: dict[str, Any] | None = self.__dict__.get("_memos")  # read once per record: no dict made
        if memo is None:
            memo = self.__dict__.setdefault("_memos", {})
        value: _V = memo.get(key, _NONE)
        if value is _NONE:
            value = memo[key] = factory()
        return value

    def _forget_warm(self) -> None:
        """Drop everything this view derived since it was made — its own memos (``_implicated``, ``_has_part``…), the
        wings' artefacts (:meth:`_memo`: the decider with its plans and the deciders of other readings, the role
        graph, the parser's state), the what-if views kept on it (``with_parameters``' readings, ``flipped``'s and
        ``set``'s), its ``at`` views and cached properties — leaving it as :meth:`__setstate__` makes it: its data,
        day, ``what_if`` and indexes. It answers as before (what it derives depends on its data alone), cold: the
        next decisions derive again. For a long-lived process that keeps one view for many unrelated uses (the test
        suite's session ``policy``, tests/conftest), whose memos, each bounded by count, together grow to GBs.
        Not while another thread decides on it (a decider that thread holds goes on, unshared)."""
        state = self.__getstate__()
        self.__dict__.clear()
        self.__setstate__(state)

    def implicated_duties(self, area: str, kind: str | None) -> tuple[str, ...]:
        """The duties of ``area`` itself that a problem of ``kind`` implicates at any stage.

        With a kind that lists duties of its area: those, with the area's own defaults. Without
        a kind: every duty of the area but the named sub-parts (``sub_part``); with one that lists
        none: every duty of the area.
        """
        cache: dict[tuple[str, str | None], tuple[str, ...]] = self.__dict__.setdefault("_implicated", {})
        key = (area, kind)
        if key not in cache:
            a = self.areas[area]
            kind = kind or a.kind_when_none
            ids: list[str] = []
            if kind is not None:
                k = self.kinds[(area, kind)]
                ids = [d for stage in STAGES for d in (*k.stages.of(stage), *a.stages.of(stage))
                       if self.duty_area.get(d) == area]
            if not ids:
                # every duty of the area; without a kind, not a department's named sub-part (``sub_part``: a
                # kind-less water problem is not taken to be the health bureau's water-quality monitoring)
                ids = [d for d in self.duties if self.duty_area[d] == area
                       and not (kind is None and self.duties[d].sub_part)]
            # as the stages count them (:meth:`stage_duties`): not one its ``applies_if`` switches off — a reading the
            # verdict does not take does not make its holder one the problem concerns through 二(二)3 涉及本部门问题
            # either (rules51's left item) — nor one an applying reading stands in place of
            ids = [d for d in ids if d in self.duties and self.duty_applies(d)]
            replaced = {r for d in ids for r in self.duties[d].replaces}
            ids = [d for d in ids if d not in replaced]
            cache[key] = _dedupe(ids)
        return cache[key]

    # ------------------------------------------------------------ stages

    def stage_duties(self, area: str, kind: str | None, stage: Stage) -> tuple[str, ...]:
        """Duty ids implicated at ``stage`` for a problem of ``kind`` in ``area``.

        The kind's own list, then its area's defaults (which an area that applies to all
        areas gives its own problems only when they name no kind), then the defaults of
        every area that applies to all other areas. A record of an area with ``kind_when_none`` that names no kind
        is read as that kind (a kindless 问题发现 record is a 扶贫领域具体问题; review23 #5).
        """
        a = self.areas[area]
        kind = kind or a.kind_when_none
        ids: list[str] = []
        if kind is not None:
            ids += self.kinds[(area, kind)].stages.of(stage)
        if not a.applies_to_all or kind is None:
            ids += a.stages.of(stage)
            for other in self.data.areas:
                if other.applies_to_all and other.id != area:
                    ids += other.stages.of(stage)
        if kind is None:
            # the areas that apply to all add theirs to every area's problems without a kind; an area its own
            # (二(四)7's oversight of a city's own funds: review20c C20-5)
            for other in self.data.areas:
                if other.applies_to_all or other.id == area:
                    ids += other.stages_without_kind.of(stage)
        else:
            k = self.kinds[(area, kind)]
            dropped = set(k.without_defaults.of(stage)) - set(k.stages.of(stage))
            ids = [i for i in ids if i not in dropped]
        ids = [i for i in _dedupe(ids) if i in self.duties and self.duty_applies(i)]
        # a reading under a parameter that stands in place of the same words read otherwise (``replaces``): where it
        # applies, the stage counts it alone, so a line the other reading gave the duty is not named beside it
        replaced = {r for i in ids for r in self.duties[i].replaces}
        return tuple(i for i in ids if i not in replaced) if replaced else tuple(ids)

    def duty_applies(self, duty_id: str) -> bool:
        """Whether the stages count ``duty_id``: always, unless its ``applies_if`` parameter is false."""
        p = self.duties[duty_id].applies_if
        return p is None or (p in self.parameters and bool(self.parameter(p)))

    def switch_of(self, duty_id: str, body: str) -> str | None:
        """The parameter a finding on ``body`` through ``duty_id`` rests on as the duty's reading: its ``applies_if``,
        unless ``body`` holds a duty it ``replaces`` — the same words, which the other value gives the body as well
        (二(六)5(6)'s water departments, for a record of the water line, under water_policy_health_departments either
        way).

        >>> import responsibility
        >>> p = responsibility.load()
        >>> [p.switch_of("water_province_city_policy_" + x, b) for x, b in (("water_line", "city_water"),
        ...                                                                  ("health_line", "city_health"))]
        [None, 'water_policy_health_departments']
        """
        d = self.duties[duty_id]
        if d.applies_if is None or any(body in self.duties[r].holders for r in d.replaces if r in self.duties):
            return None
        return str(d.applies_if)

    def switched_off(self, area: str, kind: str | None, stage: Stage) -> tuple[str, ...]:
        """Duties a problem of ``kind`` would implicate at ``stage`` but that their ``applies_if``
        parameter leaves out (:meth:`stage_duties` without them)."""
        kind = kind or self.areas[area].kind_when_none
        k = self.kinds[(area, kind)].stages.of(stage) if kind is not None else []
        a = self.areas[area].stages.of(stage)
        return tuple(d for d in _dedupe((*k, *a)) if d in self.duties and not self.duty_applies(d))

    def switches(self, area: str, kind: str | None) -> tuple[str, ...]:
        """The bool parameters whose ``applies_if`` leaves out a duty a problem of ``kind`` in ``area`` reads at some
        stage (:meth:`switched_off`; every duty of the area for a record naming no kind): the readings whose other
        value may change who answers it or who must act on it (engine/_decide ``switched_rests``, engine/_route)."""
        cache: dict[tuple[str, str | None], tuple[str, ...]] = self.__dict__.setdefault("_switches", {})
        got = cache.get((area, kind))
        if got is None:
            found = dict.fromkeys(str(self.duties[d].applies_if) for stage in STAGES
                                  for d in self.switched_off(area, kind, stage))
            if kind is None:
                found.update(dict.fromkeys(str(d.applies_if) for did, d in self.duties.items()
                                           if self.duty_area[did] == area and not self.duty_applies(did)))
            got = cache[(area, kind)] = tuple(p for p in found if p in self.parameters
                                              and isinstance(self.parameter(p), bool))
        return got

    def holders(self, duty_id: str, area: str, kind: str | None = None,
                sector: str | None = None, stage: Stage | None = None) -> tuple[str, ...]:
        """Bodies that hold ``duty_id`` for a problem of ``kind`` in ``area`` whose line is ``sector``.

        A duty of ``scope: own_sector`` (本部门, 各自业务范围) is held by the holders of that
        sector only; with no sector, by the role body of each of its holders' levels, which
        stands for the department the record does not name. A duty of ``scope: area_holders``
        (涉及本部门问题) keeps, in another area, the holders of the problem's sector, or with
        no sector the bodies that hold one of the duties the problem's kind implicates there at
        ``stage`` (at any stage when no stage or kind is given, or the kind lists none there:
        :meth:`implicated_duties`) and the role bodies standing for such holders. A duty of ``scope:
        by_sector`` (each holder for its own part) is held by the holders of ``sector``, or by all of
        them when there is none.
        """
        d = self.duties[duty_id]
        own = self.duty_area[duty_id]
        held = [h for h in d.holders if h in self.bodies]
        if d.scope == "own_sector":
            # an open list (二(六)4(7) 民政、残联、自然资源、农业农村、财政等部门) takes in other departments'
            # lines, not a unit's (the school's, the water-supply unit's: no 部门, and their department's line has
            # its own place or none)
            return self._of_sector(held, sector, d.open_list and (sector is None or self.department_line(sector)))
        if d.scope == "by_sector":
            return tuple(h for h in held if self.keeps_part(h, sector))
        if d.scope == "area_holders":
            if sector is not None and own == area:
                # 二(二)3 成员单位 in its own area: a member unit's line the data has no body for at a level is still
                # one of them, and the level's role stands for it (review10 R10A-04)
                return self._of_sector(held, sector, sector in self.member_lines)
            if sector is not None:
                # the record's line names its department — in another area only where the problem can concern it
                # (line_concerned, 按照职责分工): a line with a part at another level only (卫健 in health assistance,
                # 二(六)3(5) 省市) does not make the county's department of it answer (probe10 P10-06); and, for a
                # problem of a kind, only where the kind's own duties give that department a part (the same duties
                # that keep a department without a line, below): 按照职责分工 gives 财政 nothing in false health
                # materials (二(六)3(3) 资金拨付和监管 is of the money it pays), so a record that says 财政's line does
                # not make it answer on 二(二)3 alone (review30 #2)
                of_line = tuple(h for h in held if self.bodies[h].sector == sector
                                and (own == area or self.line_concerned(area, h)))
                if own == area or kind is None or not of_line:
                    return of_line
                # (at the holder's level or below: a line whose part in the kind is a level above's only —
                # 二(五)5's 省市 spot check by 财政、民宗 — gives the county's department no 本部门问题; check39 #1)
                # (and at the rectification stage only where the fixing is its line's by the division of duties: a
                # line whose part in the kind is another stage's, where the text names another body of its level
                # to fix it, is not made its fixer by 即时整改 — 卫健's 水质监测 beside 县级统管单位's 确保供水达标;
                # fid40c)
                # (at the handling stage a department that passes on what a unit it directs finds and fixes has
                # that passing on as its 本部门问题: 二(二)3 分类办理 is the very duty, as water.yaml's handling note
                # grounds 县水利's 管理监管 there — check40 C8: its not_handled and concealed had lost 二(二)3)
                # (and at the handling stage only where the passing on is its line's by the division of duties: a
                # line whose part in the kind is only to find it, where the kind's own handling names another body of
                # its level, is not made a second holder of one failure to pass it on — 县民政局's 核对 (二(三)3) beside
                # 县扶贫办, which answers for the truth of what it pushed (二(三)4); review51 144b35b2-1)
                return tuple(h for h in of_line if self.line_in_kind(area, kind, sector, self.bodies[h].level,
                                                                     passing_on=stage == "handling")
                             and not (stage == "rectification" and self.fixed_by_another(area, kind, sector, h))
                             and not (stage == "handling" and self.passed_by_another(area, kind, sector, h)))
            if own == area:  # a problem of the area itself: whose line it is, nothing else says
                return self._of_sector(held, None)
            # 涉及本部门问题 at one stage: a department whose only part in this kind is to help
            # rectify (民政's 信息对比, 财政's 补贴 in a late renovation) was not the one to find it.
            # A record without a kind (or a kind silent at this stage) says nothing narrower.
            at_stage = () if stage is None or kind is None else tuple(
                did for did in self.stage_duties(area, kind, stage) if self.duty_area[did] == area)
            implicated = at_stage or self.implicated_duties(area, kind)
            via: dict[str, list[str]] = {}  # the implicated duties that keep each body
            for did in implicated:
                for b in self.holders(did, area, kind):
                    via.setdefault(b, []).append(did)
            keep = set(via)
            # A role stands for departments implicated only through their own line; where every such
            # department of its level is kept by name already (a policy duty of its own), it is not named too.
            lined = {h for did in implicated if self.duties[did].scope == "own_sector"
                     for h in self.duties[did].holders}
            unnamed = {self.bodies[h].level for h in held if h in lined and h not in keep}
            roles = [r for r in self._of_sector(held, None)
                     if r in keep and r not in held and self.bodies[r].level in unnamed]
            held = [h for h in held if h in keep] + roles
            # what reaches a place through this duty is what reaches it through the duties that keep the body
            # (:meth:`duty_reaches`)
            vias: dict[tuple[str, str, str | None, str | None], dict[str, tuple[str, ...]]] = \
                self.__dict__.setdefault("_via", {})
            vias[(duty_id, area, kind, stage)] = {h: tuple(via[h]) for h in held}
        return tuple(held)

    def line_in_kind(self, area: str, kind: str, sector: str, level: str | None = None, *,
                     passing_on: bool = False) -> bool:
        """Whether the division of duties gives the line ``sector`` a part in a problem of ``kind`` in ``area``
        (二(二)3 按照职责分工…涉及本部门问题): some level's holder, for that line, of one of the kind's own duties. A
        line the kind gives no part names no department through 二(二)3 alone (review30 #2: 财政 in false health
        materials, 卫健 in a water project). A unit's part is its own line's, not its directing department's. With
        ``level``, only a part held at that level or below: 二(二)3 makes a county department answer for its own
        line's problem at the county, 二(二)5 a province's or city's for its line's below it; 二(五)5's 省市 spot
        check by 财政、民宗 gives 县财政局 no 本部门问题 in a project's system entry (二(五)3 县扶贫办; check39 #1).
        Nor does a duty by which a department only passes on what a unit it directs finds and fixes
        (:meth:`_passes_on_for_unit`: 县水利局 in water found substandard, whose 水质自检…确保供水达标 is
        县级统管单位's, 二(六)5(3)–(4); check39 #2, fid40).

        >>> import responsibility
        >>> p = responsibility.load()
        >>> p.line_in_kind("health", "health_false_materials", "medical_insurance")
        True
        >>> p.line_in_kind("health", "health_false_materials", "finance")
        False
        >>> p.line_in_kind("education", "education_aid_not_paid", "education")
        False
        >>> [p.line_in_kind("water", k, "water") for k in ("water_quality_test_failed", "water_self_testing_not_done")]
        [False, True]

        ``passing_on``: such a duty counts — at the handling stage, where passing the problem on to the unit is the
        department's own 分类办理 (二(二)3 负责涉及本部门问题的…分类办理; check40 C8).

        >>> p.line_in_kind("water", "water_quality_test_failed", "water", passing_on=True)
        True
        """
        cache: dict[tuple[str, str, str, str | None, bool], bool] = self.__dict__.setdefault("_line_in_kind", {})
        key = (area, kind, sector, level, passing_on)
        got = cache.get(key)
        if got is None:
            # the kind's own work (finding, passing on, rectifying it), not the guidance of it: 省市 departments
            # guide each their own line's part of a whole area (二(六)2(4) 指导、协调教育扶贫政策的落实), which gives
            # no line a part in a kind its work does not reach; a role holder stands for a line with no department
            work = dict.fromkeys(d for st in ("discovery", "handling", "rectification")
                                 for d in self.stage_duties(area, kind, st) if self.duty_area[d] == area)
            # — a department's own part, not a unit's it directs: the school's 发放 (二(六)2(1)) is the school's, and
            # makes unpaid aid none of 县教育局's 本部门问题, whose part is 认定、审核 (二(六)2(2); review39 F2), as the
            # water-supply unit's 水质 work is not 县水利局's (二(六)5(3)–(4))
            top = None if level is None else self.level_rank[level]
            got = cache[key] = any((self.bodies[h].role or self.bodies[h].sector == sector)
                                   and (top is None or self.level_rank[self.bodies[h].level] <= top)
                                   and (passing_on or not self._passes_on_for_unit(area, kind, did, h))
                                   for did in work for h in self.holders(did, area, kind, sector))
        return got

    def passed_by_another(self, area: str, kind: str, sector: str, body: str) -> bool:
        """Whether 二(二)3's 分类办理 leaves department ``body``, of a record's line ``sector``, out of the handling
        of a problem of ``kind`` in ``area``: its line holds none of the kind's own handling or rectification duties
        at its level or below — its part is only to find it — and the kind's own handling names another body of its
        level (a department or office; not a role, nor the level's Party committee or government). That body passes
        it on, as :meth:`fixed_by_another` gives the fixing to the body the kind names: 县民政局's 核对 (二(三)3)
        finds untrue pushed information, and 县扶贫办, answering for its truth (二(三)4), passes it on (review51
        144b35b2-1).

        >>> import responsibility
        >>> p = responsibility.load()
        >>> p.passed_by_another("identification", "identification_pushed_info_untrue", "civil_affairs",
        ...                     "county_civil_affairs")
        True
        """
        cache: dict[tuple[str, str, str, str], bool] = self.__dict__.setdefault("_passed_by_another", {})
        key = (area, kind, sector, body)
        got = cache.get(key)
        if got is None:
            level = self.bodies[body].level
            top = self.level_rank[level]

            def own(stage: Stage) -> set[str]:
                return {h for d in self.stage_duties(area, kind, stage) if self.duty_area[d] == area
                        and self.duties[d].scope != "area_holders" for h in self.holders(d, area, kind, sector)}

            handling = own("handling")
            # (not a line the kind gives a part for a record naming it only, ``line_named_only``: such a record is that
            # line's own problem of the kind — 民政's 身份信息对比 and a false low-income status among a house's
            # records, housing_records_false — and its department passes it on, as before)
            named_only = {d for st in STAGES for d in self.kinds[(area, kind)].line_named_only.of(st)}
            if any(self.bodies[h].sector == sector for d in named_only if d in self.duties
                   for h in self.duties[d].holders if h in self.bodies):
                cache[key] = False
                return False
            lined = any(self.bodies[h].sector == sector and self.level_rank[self.bodies[h].level] <= top
                        for h in handling | own("rectification"))
            others = any(h != body and self.bodies[h].level == level and not self.bodies[h].role
                         and h not in self.main_holders for h in handling)
            got = cache[key] = not lined and others
        return got

    def fixed_by_another(self, area: str, kind: str, sector: str, body: str) -> bool:
        """Whether 二(二)3's 即时整改 leaves department ``body``, of a record's line ``sector``, out of the
        rectification of a problem of ``kind`` in ``area`` (按照职责分工…即时整改): its line holds none of the kind's
        own rectification duties at its level or below — its part in the kind is at another stage (a check, a test,
        a passing on) — and the kind's own rectification names another body of its level (a department, office,
        unit or school; not the level's Party committee or government, which lead and press). The division of duties
        then gives the fixing to that body, and the department's 本部门问题 is its own stage's part: 县卫健局's
        水质监测网络建设和安全检测 (二(六)5(4)) finds water substandard, and 县级统管单位 落实水质自检…确保供水达标
        (二(六)5(3)) makes it meet the standard. A department handed such a problem has a part in it and no duty to
        rectify it (assignment_without_rectification_duty). Where the kind names no body of its level to fix it (a
        water project finished late: the township builds, 二(五)2), the line's department is its level's rectifier
        through 二(二)3 as before; finding is not narrowed so (二(二)3 动态发现: every body the problem concerns; the
        fixing is the named body's, 一(三) 责任清单、整改清单; fid40c).

        >>> import responsibility
        >>> p = responsibility.load()
        >>> [p.fixed_by_another("water", k, "health", "county_health")
        ...  for k in ("water_quality_test_failed", "water_quality_substandard")]
        [True, True]
        >>> p.fixed_by_another("projects", "project_late_or_unfinished", "water", "county_water")
        False
        >>> p.fixed_by_another("housing", "housing_renovation_late", "civil_affairs", "county_civil_affairs")
        False
        """
        cache: dict[tuple[str, str, str, str], bool] = self.__dict__.setdefault("_fixed_by_another", {})
        key = (area, kind, sector, body)
        got = cache.get(key)
        if got is None:
            level = self.bodies[body].level
            top = self.level_rank[level]
            own = [d for d in self.stage_duties(area, kind, "rectification") if self.duty_area[d] == area
                   and self.duties[d].scope != "area_holders"]
            # (and the kind's own rectification duties a parameter switches off in place of another reading of the
            # same words (``replaces``): the text still names their holder to fix its part — 县扶贫办's 二(五)3 entry
            # in a joined records problem, under joined_records_both_halves false — so a checking line's department
            # is not made the fixer through 二(二)3 即时整改; check47a #2 with fid40c)
            own += [d for d in self.kinds[(area, kind)].stages.of("rectification")
                    if d in self.duties and self.duties[d].replaces and not self.duty_applies(d)
                    and self.duty_area[d] == area and self.duties[d].scope != "area_holders"]
            held = {h for d in own for h in self.holders(d, area, kind, sector)}
            lined = any(self.bodies[h].sector == sector and self.level_rank[self.bodies[h].level] <= top
                        for h in held)
            others = any(h != body and self.bodies[h].level == level and not self.bodies[h].role
                         and h not in self.main_holders for h in held)
            got = cache[key] = not lined and others
        return got

    def _passes_on_for_unit(self, area: str, kind: str, duty_id: str, body: str) -> bool:
        """Whether ``body`` holds ``duty_id`` in a problem of ``kind`` only to pass on (分类办理) what a unit it directs
        (:meth:`directing_department`) finds or fixes: the duty is listed at the kind's handling only, not at its
        discovery or rectification, and the unit holds one of the kind's own discovery or rectification duties
        (either: an unsafe situation not reported is the unit's to fix by its 专业管护 and 水质自检, 二(六)5(3), though
        the village and township find it; check40 C6). Its part is then the unit's seen from above, not the
        department's own 本部门问题 (:meth:`line_in_kind`): 县水利局 passes a test failure to 县级统管单位, whose
        水质自检…确保供水达标 found and fixes it (二(六)5(3)), under 水利部门负责农村供水工程建设与管理监管
        (二(六)5(4)) — as 县教育局 hands a school's unpaid aid to the school (has_kind_part's directed unit;
        review39 F2) — and has no test of its own to have found it with.

        >>> import responsibility
        >>> p = responsibility.load()
        >>> [p._passes_on_for_unit("water", k, "water_county_water_oversee_works", "county_water")
        ...  for k in ("water_quality_test_failed", "water_quality_substandard")]
        [True, True]
        >>> p._passes_on_for_unit("water", "water_self_testing_not_done", "water_county_water_oversee", "county_water")
        False
        """
        cache: dict[tuple[str, str, str, str], bool] = self.__dict__.setdefault("_passes_on_memo", {})
        key = (area, kind, duty_id, body)
        got = cache.get(key)
        if got is None:
            own = {d for st in ("discovery", "rectification") for d in self.stage_duties(area, kind, st)}
            units = {u for u in self.bodies if self.directing_department(u) == body}
            got = cache[key] = bool(units) and duty_id not in own \
                and duty_id in self.stage_duties(area, kind, "handling") \
                and any(u in self.duties[d].holders for d in own for u in units)
        return got

    def duty_reaches(self, duty_id: str, body: str, place_rank: int, area: str | None = None,
                     kind: str | None = None, stage: Stage | None = None, *, own: bool = False) -> bool:
        """Whether ``body`` holding ``duty_id`` answers through it for a problem of ``kind`` in ``area`` placed at
        level rank ``place_rank`` (a duty's ``reach``). A duty of ``scope: area_holders`` held in another area
        (涉及本部门问题, 二(二)3) reaches a place only where one of the duties that make the problem concern the body
        does: the county finance bureau's review of funds used by townships and villages (二(四)3 乡、村两级使用…审核,
        ``reach: below``) does not make the county's own funds its department's (review8a R8A-4). At the supervision
        stage a duty of ``presses: below`` reaches only problems placed below its holder's level — as pressing
        others; ``own``: as the holder's own part in the problem (an assignee named for it), where it reaches as
        ``reach`` says."""
        d = self.duties[duty_id]
        rank = self.level_rank[self.bodies[body].level]
        if not d.reaches(rank, place_rank):
            return False
        if stage == "supervision" and d.presses != "at_and_below" and not own and (
                place_rank >= rank or (d.presses == "grassroots" and self.grassroots
                                       and place_rank not in self.grassroots)):
            return False
        if area is None or d.scope != "area_holders" or self.duty_area[duty_id] == area:
            return True
        through = self.concerned_through(duty_id, body, area, kind, stage)
        return through is None or any(self.duties[x].reaches(rank, place_rank) for x in through)

    def concerned_through(self, duty_id: str, body: str, area: str, kind: str | None = None,
                          stage: Stage | None = None) -> tuple[str, ...] | None:
        """The duties of ``area`` that make a problem of ``kind`` there concern ``body`` through ``duty_id``, a duty of
        ``scope: area_holders`` held in another area (二(二)3 涉及本部门问题: the county civil affairs bureau is
        concerned by a 两不愁 problem through 及时审批社会救助对象, which the text gives 县（市、区）行业主管部门
        without naming it); ``None`` where the duty keeps the body by no such duty (its own area, or the record's line).

        >>> import responsibility
        >>> p = responsibility.load()
        >>> "basic_needs_county_approve" in p.concerned_through("discovery_county_departments", "county_civil_affairs",
        ...                                                      "basic_needs")
        True
        """
        if self.duties[duty_id].scope != "area_holders" or self.duty_area[duty_id] == area:
            return None
        key = (duty_id, area, kind, stage)
        vias: dict[tuple[str, str, str | None, str | None], dict[str, tuple[str, ...]]] = \
            self.__dict__.setdefault("_via", {})
        if key not in vias:
            self.holders(duty_id, area, kind, None, stage)
        return vias.get(key, {}).get(body)

    def role_stands_aside(self, area: str, kind: str | None, stage: Stage, body: str, duties: Iterable[str],
                          prank: int | None = None) -> bool:
        """Whether ``body``, a level's role body (问题所属部门) holding ``duties`` at ``stage`` for a problem of
        ``kind`` in ``area`` placed at level rank ``prank`` (None: any place), is left out for a record that names no
        sector (a record that names one resolves the role to its line's department, with those duties). Two cases:

        - the kind says whose problem it is, and the role holds only 涉及本部门问题 of the kind's own area (二(二)3 in
          问题发现): a 扶贫领域具体问题 is the village's or township's (二(二)1–2) and lists the duty for the department
          of the record's line, so a record naming no line names no department (probe10 P10-14) — also a record of
          that area naming no kind, where the area reads it as that kind (``kind_when_none``, review23 #5); not for
          its discovery where it is placed at the role's own level or above (a county code: there is no village or
          township whose problem it is, and 二(二)3 成员单位…负责涉及本部门问题的动态发现 leaves it to the department
          whose line it is, which the record does not say — the role, once; review30 #6a). Its handling and
          rectification have the keeper of the county's lists for a record naming no line (discovery_county_ledger,
          一(三) 列出问题清单、责任清单、整改清单), which stands for the department there;
        - the role stands only for duties the kind lists as counting for a named line only (``line_named_only``; for
          a record naming no kind, the area's ``line_named_only_without_kind``: 二(四)7 民宗's own line) —
          directly, or through 涉及本部门问题 of another area that keeps it only by them: the text names the body that
          does the kind's work at the stage (二(六)4(3) 县建设部门 for a late renovation), and the record does not
          show that another department's part (二(六)4(4) 用地、补贴、身份信息对比) failed (review23 #6).

        >>> import responsibility
        >>> p = responsibility.load()
        >>> held = p.stage_holders("housing", "housing_renovation_late", "rectification")["county_sector_department"]
        >>> p.role_stands_aside("housing", "housing_renovation_late", "rectification", "county_sector_department", held)
        True
        """
        b = self.bodies[body]
        ds = tuple(duties)
        if not ds:
            return False
        if b.role and self._beside_alternatives(area, kind, stage, body, ds):
            return True
        kind = kind or self.areas[area].kind_when_none
        if not b.role and (kind is None or not any(
                self.duties[d].scope == "by_sector" and d in self.kinds[(area, kind)].line_named_only.of(stage)
                for d in ds)):
            # (a named department only through a duty it holds for its own part, scope by_sector, that the kind counts
            # for its line only: a record naming none does not show that part failed — 县扶贫办's 二(四)4 提出…资产收益
            # 分配方案 in 资产闲置流失、收益分配不规范, whose idle or lost assets are 二(四)1–3's; check47a #1. A record
            # naming a line keeps it by keeps_part, as before)
            return False
        if kind is None:  # (a record naming no kind, of an area that reads it as none)
            named_only = set(self.areas[area].line_named_only_without_kind.of(stage))
        elif all(self.duties[d].scope == "area_holders" and self.duty_area[d] == area for d in ds):
            return prank is None or prank < self.level_rank[b.level] or stage != "discovery"
        else:
            named_only = set(self.kinds[(area, kind)].line_named_only.of(stage))
        if not named_only:
            return False
        for d in ds:
            if d in named_only:
                continue
            through = self.concerned_through(d, body, area, kind, stage)
            if not through or not set(through) <= named_only:
                return False
        return True

    def _beside_alternatives(self, area: str, kind: str | None, stage: Stage, role: str, duties: tuple[str, ...]
                             ) -> bool:
        """Whether ``role``, a level's role body (问题所属部门) holding ``duties`` at ``stage`` for a record naming no
        sector, by ``sectorless_alternatives: every_holder`` stands there only for departments of its level that answer
        each as alternatives (:meth:`_by_sector_alternatives`' bodies, which every_holder names): it holds only
        涉及本部门问题 of another area (二(二)3, scope area_holders), through duties of ``area`` whose holders at its
        level are all such departments (:meth:`concerned_through`). every_holder "names each such department instead"
        of the role; named beside them it counted the one department whose part failed twice (check58 FK2: a funds
        record naming neither kind nor line named all 12 county departments and 县（市、区）行业主管部门 beside them;
        housing and projects alike). Kept among the holders, it still counts as its level's rectifier, so it does not
        press the departments it stands for. A role holding a duty of its own, or standing for a department not
        named here, is not set aside."""
        if self.parameters.get(SECTORLESS) is None or self.parameter(SECTORLESS) != "every_holder":
            return False
        cache: dict[tuple[str, str | None, str, str, tuple[str, ...]], bool] = \
            self.__dict__.setdefault("_role_beside", {})
        key = (area, kind, stage, role, duties)
        got = cache.get(key)
        if got is None:
            level = self.bodies[role].level
            alternatives = {x for x, ds in self._line_holders(area, kind, stage, None).items()
                            if self.bodies[x].level == level and not self.bodies[x].role
                            and (own := [d for d in ds if self.duty_area[d] == area])
                            and all(self.duties[d].scope == "by_sector" for d in own)}
            stands: set[str] = set()
            got = len(alternatives) > 1  # (alternatives: 2 or more, as _by_sector_alternatives)
            for d in duties if got else ():
                through = self.concerned_through(d, role, area, kind, stage)
                if not through:  # a duty the role holds of its own, not for another area's departments
                    got = False
                    break
                stands.update(h for t in through for h in self.duties[t].holders
                              if h in self.bodies and self.bodies[h].level == level)
            got = cache[key] = got and bool(stands) and stands <= alternatives
        return got

    @cached_property
    def main_not_raised_by(self) -> frozenset[str]:
        """Body kinds whose own failures do not raise main responsibility at their level: the
        ``not_raised_by`` of the ``main_responsibility`` failure (二(一)1 主体责任 apart from 二(一)2
        监督责任), empty when the policy has none.

        >>> import responsibility
        >>> sorted(responsibility.load().main_not_raised_by)
        ['supervisory']
        """
        main = self.failures.get("main_responsibility")
        return frozenset(main.not_raised_by) if main is not None else frozenset()

    def under(self, body_id: str) -> frozenset[str]:
        """The bodies of its own level that ``body_id`` sits under: its parent, the source of a structural relation
        that puts it below (``leads``: 党委领导、政府负责, 二(一)), its level's leading group if it is a member unit
        (牵头协调), and theirs in turn. Such a body is not pressed by the body it leads (二(二)4 党委、政府…指导督促
        部门和乡村: a department does not press its government, nor the government its Party committee).

        >>> import responsibility
        >>> sorted(responsibility.load().under("county_construction"))
        ['county_government', 'county_leading_group', 'county_party_committee']
        """
        ups: dict[str, frozenset[str]] | None = self.__dict__.get("_under")
        if ups is None:
            level = {b: x.level for b, x in self.bodies.items()}
            direct: dict[str, set[str]] = {b: set() for b in self.bodies}
            for b, x in self.bodies.items():
                if x.parent is not None and level.get(x.parent) == x.level:
                    direct[b].add(x.parent)
            structure = {t.id: t.structure for t in self.data.relation_types}
            for r in self.data.relations:
                low, high = (r.to, r.from_) if structure.get(r.type) == "down" else (r.from_, r.to)
                if structure.get(r.type) is not None and low in direct and level.get(high) == level[low]:
                    direct[low].add(high)
            for rule in self.data.relation_rules:
                if rule.source == "leading_group_member" and structure.get(rule.type) == "down":
                    for b, x in self.bodies.items():
                        if x.leading_group_member:
                            direct[b].update(g for g, y in self.bodies.items()
                                             if y.level == x.level and y.kind == rule.group_kind)
            ups = reachable(direct)
            self.__dict__["_under"] = ups
        return ups.get(body_id, frozenset())

    def knows_with(self, body_id: str) -> frozenset[str]:
        """The bodies one subject with ``body_id`` in what their level knows of a problem (a relation marked
        ``knows_together`` in ``rules/relations.yaml``: a level's Party organisation and its government,
        党委领导、政府负责): where ``body_id`` concealed a problem, they are not named 应发现未发现 beside it (一(四);
        by concealing_body_partner_knew).

        >>> import responsibility
        >>> sorted(responsibility.load().knows_with("county_government"))
        ['county_party_committee']
        >>> sorted(responsibility.load().knows_with("county_finance"))
        []
        """
        joined: dict[str, frozenset[str]] | None = self.__dict__.get("_knows_with")
        if joined is None:
            pairs: dict[str, set[str]] = {}
            for r in self.data.relations:
                if r.knows_together:
                    pairs.setdefault(r.from_, set()).add(r.to)
                    pairs.setdefault(r.to, set()).add(r.from_)
            joined = self.__dict__["_knows_with"] = {b: frozenset(x) for b, x in pairs.items()}
        return joined.get(body_id, frozenset())

    def directing_department(self, body: str) -> str | None:
        """The department of its own level that directs ``body``, a unit that is no department itself (its ``parent``,
        of a department's kind — that of the levels' role bodies — and no role): the school under 县教育局's 认定、审核
        (二(六)2(1)–(2)), the water-supply unit under 县水利局 (二(六)5(3)–(4)); None for a department, a role, or a
        body no department directs (a Party committee, a government, a leading group, an office, an oversight body).
        The one rule of a unit's line: the line naming it gives a record (engine/_facts.line_of) and the lines it holds
        a duty held for its own part in (:meth:`lines_of`).

        >>> import responsibility
        >>> p = responsibility.load()
        >>> [p.directing_department(b) for b in ("county_school", "county_water_supply_unit", "county_water")]
        ['county_education', 'county_water', None]
        """
        memo: dict[str, str | None] = self.__dict__.setdefault("_directing_department", {})
        if body not in memo:
            b = self.bodies[body]
            up = self.bodies.get(b.parent) if b.parent is not None else None
            departments = self.department_kinds
            memo[body] = b.parent if (
                up is not None and b.kind not in departments and up.kind in departments and not up.role
                and up.level == b.level) else None
        return memo[body]

    def unit_line(self, sector: str | None) -> str | None:
        """The line a record's ``sector`` gives where it is a unit's own line, no department's (:meth:`department_line`:
        the water-supply unit's, the school's): the line of the department that directs such a unit
        (:meth:`directing_department`: 水利, 教育), as naming the unit gives a record (engine/_facts.line_of); any other
        sector (or none) is itself.

        >>> import responsibility
        >>> p = responsibility.load()
        >>> [p.unit_line(s) for s in ("water_supply", "school", "finance", "government", None)]
        ['water', 'education', 'finance', 'government', None]
        """
        if sector is None or self.department_line(sector):
            return sector
        memo: dict[str, str] = self.__dict__.setdefault("_unit_line", {})
        got = memo.get(sector)
        if got is None:
            ups = {self.bodies[up].sector for b, x in self.bodies.items() if x.sector == sector
                   and (up := self.directing_department(b)) is not None}
            got = memo[sector] = str(next(iter(ups))) if len(ups) == 1 and None not in ups else sector
        return got

    def keeps_part(self, body: str, sector: str | None) -> bool:
        """Whether a duty ``body`` holds for its own part (``scope: by_sector``) counts for a record whose line is
        ``sector``: none named, a line ``body`` holds its part in (:meth:`lines_of`), or a unit's own line whose
        directing department's is one (:meth:`unit_line`) — a record's ``sector: water_supply`` keeps 省市水利's
        二(六)5(6) as naming 县级统管单位 does (fid28b's ask; review28 #5).

        >>> import responsibility
        >>> p = responsibility.load()
        >>> [p.keeps_part("city_water", s) for s in ("water_supply", "water", "health", None)]
        [True, True, False, True]
        """
        if sector is None:
            return True
        lines = self.lines_of(body)
        return sector in lines or self.unit_line(sector) in lines

    @cached_property
    def department_kinds(self) -> frozenset[str]:
        """The body kinds of departments: those of the levels' role bodies (县（市、区）行业主管部门 stands for one)."""
        return frozenset(self.bodies[r].kind for r in self.roles.values())

    def lines_of(self, body: str) -> tuple[str, ...]:
        """The lines (sectors) in which ``body`` holds a duty held each for its own part (``scope: by_sector``): its
        own sector, and for a unit that a department of its level directs (:meth:`directing_department`), that
        department's — the line that naming the unit gives a record (engine/_facts.line_of), so a record whose line
        that is keeps the unit's part.

        >>> import responsibility
        >>> p = responsibility.load()
        >>> p.lines_of("county_school"), p.lines_of("county_finance")
        (('school', 'education'), ('finance',))
        """
        memo: dict[str, tuple[str, ...]] = self.__dict__.setdefault("_lines_of", {})
        got = memo.get(body)
        if got is None:
            b = self.bodies[body]
            own = (b.sector,) if b.sector else ()
            up = self.directing_department(body)
            line = self.bodies[up].sector if up is not None else None
            got = memo[body] = (*own, line) if line and line not in own else own
        return got

    def department_line(self, sector: str) -> bool:
        """Whether ``sector`` is a department's line: some body of it is of a department's kind (that of the levels'
        role bodies). The school's and the county water-supply unit's are units' lines (二(六)2(1) 学校, 二(六)5(3)
        县级统管单位), which an open list of departments (等部门) does not take in.

        >>> import responsibility
        >>> p = responsibility.load()
        >>> [p.department_line(s) for s in ("finance", "agri_academy", "school", "water_supply")]
        [True, True, False, False]
        """
        lines: frozenset[str] | None = self.__dict__.get("_department_lines")
        if lines is None:
            kinds = {self.bodies[r].kind for r in self.roles.values()}
            lines = self.__dict__.setdefault("_department_lines", frozenset(
                b.sector for b in self.bodies.values() if b.sector and b.kind in kinds and not b.role))
        return sector in lines

    def has_sector_at(self, sector: str, level: str) -> bool:
        """Whether the data has a body of ``sector`` at ``level`` (a county 农业农村部门 it has not)."""
        pairs: set[tuple[str | None, str]] = self.__dict__.setdefault(
            "_sector_levels", {(b.sector, b.level) for b in self.bodies.values()})
        return (sector, level) in pairs

    def _of_sector(self, held: list[str], sector: str | None, open_list: bool = True) -> tuple[str, ...]:
        out: list[str] = []
        for lv in dict.fromkeys(self.bodies[h].level for h in held):
            at = [h for h in held if self.bodies[h].level == lv]
            if sector is not None:
                mine = [h for h in at if self.bodies[h].sector == sector]
                # A department of that line at this level that does not hold the duty does not
                # answer; one the data has no body for at this level (a county 农业农村部门) is
                # still there in fact: the role stands for it, unresolved, rather than nobody.
                if mine or self.has_sector_at(sector, lv) or not open_list:
                    # a closed list (二(六)4(4) 民政…自然资源…财政) names no other line: nobody of it holds the duty
                    # (review10 R10A-01)
                    out += mine
                    continue
            role = self.roles.get(lv)  # validate asks for one wherever such a duty is held
            out += [role] if role else at
        return tuple(out)

    def line_idle(self, area: str, kind: str | None, stage: Stage, level: str, sector: str | None,
                  place_rank: int | None = None) -> bool:
        """Whether a record whose line is ``sector`` leaves ``level`` with nobody at ``stage`` (finding, passing on,
        rectifying a problem of ``kind`` in ``area``: :data:`WORK_STAGES`; placed at level rank ``place_rank``, reach
        counted, where given) where a record naming no line has a holder there: the line gives none of that level's
        bodies a part in the stage (卫健 in late medical assistance, whose part is 省市's 督促落实…医疗救助, 二(六)3(5),
        while 二(六)3(3) gives the county's review, approval and payment to 县级医保部门 and 县财政局). The level then
        holds the stage as for a record that names no line — its 问题所属部门, unresolved, by
        ``sectorless_alternatives`` — rather than nobody: 一(四) 对交办问题整改落实不到位的 holds someone of a level
        that was given the problem and did not rectify it, and 二(二)4's pressing presupposes a body that failed to
        (review32 F1). The level's Party committee and government (:attr:`main_holders`) do not count as such a
        holder: whether they rectify beside its departments or press them is level_assignment_leaders'. Never for
        supervision: a line that presses nobody at a level adds no presser there.

        >>> import responsibility
        >>> p = responsibility.load()
        >>> [p.line_idle("health", "health_assistance_late", "rectification", "county", s)
        ...  for s in ("health", "medical_insurance", None)]
        [True, False, False]
        """
        if sector is None or stage not in WORK_STAGES:
            return False
        cache: dict[tuple[str, str | None, str, str, str, int | None], bool] = self.__dict__.setdefault(
            "_line_idle", {})
        key = (area, kind, stage, level, sector, place_rank)
        got = cache.get(key)
        if got is None:
            heads = self.main_holders

            def held(line: str | None) -> bool:
                out = self._line_holders(area, kind, stage, line)
                if place_rank is not None:
                    out = self.reaching(out, place_rank, area, kind, stage)
                return any(self.bodies[b].level == level and b not in heads for b in out)
            got = cache[key] = held(None) and not held(sector)
        return got

    def line_stand_in(self, area: str, kind: str | None, level: str, sector: str | None) -> str | None:
        """The department of the record's line ``sector`` at ``level`` that stands for the level's 问题所属部门 where
        the line leaves a work stage there idle (:meth:`line_idle`), or None: the line's one department of that level,
        where the division of duties gives the line a part in the kind's work there (:meth:`line_in_kind`; 二(二)3
        涉及本部门问题). The role (县相关部门（问题所属部门）) stands for the department whose problem it is,
        unresolved; a record that names the line and a line with a part at the level has resolved it: 县建设局 for a
        construction project's records (二(五)3 各相关部门负责对各自业务范围的项目…组织对项目进行检查、验收), not the
        role beside it
        (check50 #1). A line whose part is another level's only (卫健 in late medical assistance, 二(六)3(5) 省市; 财政
        in a project's records, 二(五)5 省市 抽查) resolves nothing: the role stands, unresolved (review32 F1).

        >>> import responsibility
        >>> p = responsibility.load()
        >>> [p.line_stand_in("projects", "project_records_incomplete", "county", s)
        ...  for s in ("construction", "finance")]
        ['county_construction', None]
        >>> p.line_stand_in("health", "health_assistance_late", "county", "health") is None
        True
        """
        role = self.roles.get(level)
        if kind is None or sector is None or role is None or not self.line_in_kind(area, kind, sector, level):
            return None
        # (a department, of the kind the role stands for: not the level's Party committee or government, whose line a
        # record may give, nor a unit — the school, the water-supply unit — which the role does not stand for)
        deps = [b for b, x in self.bodies.items() if x.level == level and x.sector == sector and not x.role
                and x.kind == self.bodies[role].kind]
        return deps[0] if len(deps) == 1 else None

    def idle_filled(self, area: str, kind: str | None, level: str, sector: str | None,
                    held: Iterable[tuple[str, tuple[str, ...]]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """``held`` (a record naming no line's holders of a stage at ``level``, which a record whose line is ``sector``
        leaves idle there: :meth:`line_idle`) as that record holds them: the level's role as the line's department
        where one stands in for it (:meth:`line_stand_in`), with the role's duties; as they are otherwise."""
        held = tuple(held)
        stand = self.line_stand_in(area, kind, level, sector)
        role = self.roles.get(level)
        if stand is None or not any(b == role for b, _ in held):
            return held
        out: dict[str, tuple[str, ...]] = {}
        for b, ds in held:
            b = stand if b == role else b
            out[b] = tuple(dict.fromkeys((*out.get(b, ()), *ds)))
        return tuple(out.items())

    @cached_property
    def main_holders(self) -> frozenset[str]:
        """The bodies that hold 二(一)1's main responsibility somewhere (a duty of the kind the ``main_responsibility``
        failure reads: the Party committees and governments), none without such a failure.

        >>> import responsibility
        >>> sorted(b for b in responsibility.load().main_holders if b.startswith("county"))
        ['county_government', 'county_party_committee']
        """
        main = {f.duty_kind for f in self.failures.values() if f.duty_kind}
        return frozenset(h for d in self.duties.values() if main & set(d.kinds) for h in d.holders)

    def idle_alternatives(self, area: str, kind: str | None, sector: str | None) -> bool:
        """Whether a record whose line is ``sector`` leaves some level's work stage to the reading of a record naming no
        line (:meth:`line_idle`) in a problem whose departments are alternatives (:meth:`has_alternatives`): its verdict
        rests on ``sectorless_alternatives`` as a record naming no line does.

        >>> import responsibility
        >>> p = responsibility.load()
        >>> [p.idle_alternatives("health", "health_assistance_late", s) for s in ("health", "medical_insurance")]
        [True, False]
        """
        if sector is None or not self.has_alternatives(area, kind):
            return False
        # (a level whose idle stage the line's own department holds, in the role's place, names no alternative)
        return any(self.line_idle(area, kind, stage, level, sector) and self.line_stand_in(area, kind, level, sector)
                   is None for stage in WORK_STAGES for level in self.levels)

    def stage_holders(self, area: str, kind: str | None, stage: Stage,
                      sector: str | None = None) -> dict[str, tuple[str, ...]]:
        """``{body id: (duty ids…)}`` of the bodies implicated at ``stage`` for a problem whose
        line is ``sector`` (see :meth:`holders`; a fresh dict per call). A level the line gives nobody at a work stage
        where a record naming no line has a holder (:meth:`line_idle`) has that record's holders there.

        >>> import responsibility
        >>> held = responsibility.load().stage_holders("health", "health_assistance_late", "rectification", "health")
        >>> sorted(b for b in held if b.startswith("county"))
        ['county_sector_department']
        """
        # Asked per named-body hit when findings are placed and per shape by the diff: compute once.
        cache: dict[tuple[str, str | None, str, str | None], dict[str, tuple[str, ...]]] = \
            self.__dict__.setdefault("_stage_holders", {})
        key = (area, kind, stage, sector)
        got = cache.get(key)
        if got is None:
            got = cache[key] = dict(self._line_holders(area, kind, stage, sector))
            if sector is not None and stage in WORK_STAGES:
                idle = {lv for lv in self.levels if self.line_idle(area, kind, stage, lv, sector)}
                if idle:
                    sectorless = self._line_holders(area, kind, stage, None)
                    for lv in idle:
                        got.update(self.idle_filled(area, kind, lv, sector, (
                            (b, ds) for b, ds in sectorless.items() if self.bodies[b].level == lv)))
        return dict(got)

    def _line_holders(self, area: str, kind: str | None, stage: Stage,
                      sector: str | None) -> dict[str, tuple[str, ...]]:
        """:meth:`stage_holders` as the line ``sector`` gives them, none filled in for a level it leaves idle (the
        cached dict itself: not to be changed)."""
        cache: dict[tuple[str, str | None, str, str | None], dict[str, tuple[str, ...]]] = \
            self.__dict__.setdefault("_holders_of_line", {})
        key = (area, kind, stage, sector)
        if key not in cache:
            out: dict[str, list[str]] = {}
            for did in self.stage_duties(area, kind, stage):
                for body in self.holders(did, area, kind, sector, stage):
                    out.setdefault(body, []).append(did)
            if sector is None and self.parameters.get(SECTORLESS) is not None \
                    and self.parameter(SECTORLESS) == "unresolved":
                self._by_sector_alternatives(area, out)
            cache[key] = {b: tuple(ds) for b, ds in out.items()}
        return cache[key]

    def has_alternatives(self, area: str, kind: str | None) -> bool:
        """Whether, for a record naming no sector, a problem of ``kind`` in ``area`` has departments of one level that
        are alternatives (:meth:`_by_sector_alternatives`): its verdict rests on ``sectorless_alternatives``."""
        cache: dict[tuple[str, str | None], bool] = self.__dict__.setdefault("_alternatives", {})
        got = cache.get((area, kind))
        if got is None:
            got = False
            for stage in STAGES:
                out: dict[str, list[str]] = {}
                for did in self.stage_duties(area, kind, stage):
                    for body in self.holders(did, area, kind, None, stage):
                        out.setdefault(body, []).append(did)
                before = set(out)
                self._by_sector_alternatives(area, out)
                if set(out) != before:
                    got = True
                    break
            cache[(area, kind)] = got
        return got

    def _by_sector_alternatives(self, area: str, out: dict[str, list[str]]) -> None:
        """For a record that names no sector: two or more departments of one level whose part in the problem here is
        only a duty held each for its own part (``scope: by_sector``: 二(六)2(2) 县民政局负责提供低收入家庭学生名单 /
        县残联负责提供学龄段持证残疾人名单; 二(六)3(3) 医保…审核、审批 / 县财政局负责资金拨付) are alternatives, not all
        concerned: by ``sectorless_alternatives: unresolved`` (the default, review23 #4) the level's role body (问题所属
        部门, unresolved) stands for them once, with the duties that make them alternatives (probe9 P9-01: 一(四)
        追究相关工作人员责任 — 相关); a duty such a body holds for another reason keeps it named; by ``every_holder``
        each answers. A record's sector names the one."""
        by_level: dict[str, list[str]] = {}
        for body, duties in out.items():
            own = [d for d in duties if self.duty_area[d] == area]
            if own and all(self.duties[d].scope == "by_sector" for d in own) and not self.bodies[body].role:
                by_level.setdefault(self.bodies[body].level, []).append(body)
        for level, bodies in by_level.items():
            role = self.roles.get(level)
            if len(bodies) < 2 or role is None:
                continue
            merged = out.setdefault(role, [])
            for body in bodies:
                # only the duties that make it an alternative go to the role: a duty it holds for another
                # reason (市扶贫办's 二(二)5 指导督促基层, a level's own-level office) names it still, so a record's
                # sector, which resolves the role, does not drop it (review23 #4)
                alt = [d for d in out[body] if self.duties[d].scope in ("by_sector", "area_holders")]
                merged += [d for d in alt if d not in merged]
                rest = [d for d in out.pop(body) if d not in alt]
                if rest:
                    out[body] = rest

    def stage_reaching(self, area: str, kind: str | None, stage: Stage, sector: str | None, place_rank: int, *,
                       own: bool = False) -> dict[str, tuple[str, ...]]:
        """:meth:`reaching` of :meth:`stage_holders` (``area``, ``kind``, ``stage``, ``sector``) at ``place_rank``, as
        every placing and derive asks it: computed once per view and arguments (a fresh dict per call). A new shape's
        placing asks it per named-body hit, and a reading's decider on a view of its own (no memo shared) asked it
        ~20 times a record, each walk over the stage's holders and their duties' reach (~12% of a cold process's
        first decisions, perf50)."""
        cache: dict[tuple[str, str | None, str, str | None, int, bool], dict[str, tuple[str, ...]]] = \
            self.__dict__.setdefault("_stage_reaching", {})
        key = (area, kind, stage, sector, place_rank, own)
        got = cache.get(key)
        if got is None:
            got = cache[key] = self.reaching(self.stage_holders(area, kind, stage, sector), place_rank, area, kind,
                                             stage, own=own)
        return dict(got)

    def reaching(self, holders: dict[str, tuple[str, ...]], place_rank: int, area: str | None = None,
                 kind: str | None = None, stage: Stage | None = None, *,
                 own: bool = False) -> dict[str, tuple[str, ...]]:
        """``holders`` (``{body id: (duty ids…)}``, of ``stage`` for a problem of ``kind`` in ``area``) with only
        the duties that reach a problem placed at level rank ``place_rank`` (:meth:`duty_reaches`; ``own`` as
        there); a body left with none drops out."""
        out: dict[str, tuple[str, ...]] = {}
        for body, duties in holders.items():
            kept = tuple(d for d in duties if self.duty_reaches(d, body, place_rank, area, kind, stage, own=own))
            if kept:
                out[body] = kept
        return out

    def _rectifiers(self, area: str, kind: str | None, place_rank: int) -> dict[str, tuple[str, ...]]:
        """The holders of a rectification duty of a problem of ``kind`` in ``area`` placed at level rank
        ``place_rank``, with those duties (reach counted; computed once)."""
        cache: dict[tuple[str, str | None, int], dict[str, tuple[str, ...]]] = \
            self.__dict__.setdefault("_rectifier_holders", {})
        key = (area, kind, place_rank)
        if key not in cache:
            held = self.stage_reaching(area, kind, "rectification", None, place_rank)
            top = self.level_rank[self.authority(area, kind, place_rank)] if kind is not None else 0
            if top > place_rank:
                # a body below the authority whose part in rectifying it is a duty it shares with the authority's
                # bodies (省市…制定…政策, 二(六)3(5), 二(六)2(4)) holds it for its own level's policy: a gap
                # policy_gap_owner reads as the province's is not the city's to amend, so an assignment to the city is
                # no 交办 (一(三) 按照…办理权限) and the city does not rectify it — as route offers only the province's
                at_top = {d for b, ds in held.items() if self.level_rank[self.bodies[b].level] == top for d in ds}
                held = {b: ds for b, ds in held.items()
                        if self.level_rank[self.bodies[b].level] >= top or not set(ds) & at_top}
            cache[key] = held
        return cache[key]

    def rectifier_levels(self, area: str, kind: str | None, place_rank: int) -> frozenset[int]:
        """Ranks of the levels where a body holds a rectification duty of a problem of ``kind`` in
        ``area`` placed at level rank ``place_rank`` (reach counted): where an assignment can leave it."""
        cache: dict[tuple[str, str | None, int], frozenset[int]] = self.__dict__.setdefault("_rectifier_levels", {})
        key = (area, kind, place_rank)
        got = cache.get(key)
        if got is None:
            got = cache[key] = frozenset(self.level_rank[self.bodies[b].level]
                                         for b in self._rectifiers(area, kind, place_rank))
        return got

    def own_rectifier_levels(self, area: str, kind: str | None, place_rank: int) -> frozenset[int]:
        """The :meth:`rectifier_levels` whose bodies hold a rectification duty of their own, not only one that
        guides and presses the levels below (:meth:`presses_below`, 二(二)5 指导督促基层): a level that can rectify a
        problem itself does not dispose of it by handing it to a level that cannot (review9a R9A-11), while one
        that only presses others may hand it to the body the record can show (R9A-1). Nor the levels the kind says
        report it on (``reported_on_by``: a dangerous house, unsafe water or an eligible household not reported —
        二(六)4(1)–(3), 二(六)5(1), 二(三)1–3 give the village and the township the reporting, a higher level the
        appraisal, the works or the inclusion), whose duties at the kind's rectification only assist."""
        cache: dict[tuple[str, str | None, int], frozenset[int]] = \
            self.__dict__.setdefault("_own_rectifier_levels", {})
        key = (area, kind, place_rank)
        got = cache.get(key)
        if got is None:
            reported = self.kinds[(area, kind)].reported_on_by if kind is not None else None
            report_only = frozenset(self.level_rank[lv] for lv in reported.levels) if reported is not None \
                else frozenset()
            got = cache[key] = frozenset(self.level_rank[self.bodies[b].level]
                                         for b, ds in self._rectifiers(area, kind, place_rank).items()
                                         if not all(self.presses_below(d) for d in ds)) - report_only
        return got

    def presses_below(self, duty: str) -> bool:
        """Whether ``duty`` is a guidance duty reaching only the levels below its holder (二(二)5 指导督促**基层**问题
        发现和整改): its holder presses others to rectify, and does not press an assignee of its own level (a peer
        office; probe8 P8-13)."""
        d = self.duties[duty]
        return d.reach == "below" and "guidance" in d.kinds

    def rectifies(self, area: str, kind: str | None, body: str, place_rank: int) -> bool:
        """Whether ``body`` holds a rectification duty of a problem of ``kind`` in ``area`` placed at level rank
        ``place_rank`` (reach counted; a department for its own line): the one a level's own 交办 can name as who
        rectifies (一(三) 列出…责任清单; review9a R9A-8 — not the poverty office keeping the ledger of a house
        renovation)."""
        cache: dict[tuple[str, str | None, str, int], bool] = self.__dict__.setdefault("_rectifies", {})
        key = (area, kind, body, place_rank)
        got = cache.get(key)
        if got is None:
            line = self.bodies[body].sector
            # through a duty of its own, not only as a department "concerned" (二(二)3, scope area_holders elsewhere)
            got = cache[key] = any(
                not (self.duties[d].scope == "area_holders" and self.duty_area[d] != area)
                for sector in dict.fromkeys((None, line))
                for d in self.stage_reaching(area, kind, "rectification", sector, place_rank).get(body, ()))
        return got

    def has_rectification_duty(self, area: str, kind: str | None, body: str, place_rank: int,
                               sector: str | None = None) -> bool:
        """Whether ``body`` holds a duty to rectify a problem of ``kind`` in ``area`` placed at level rank
        ``place_rank`` for a problem of its own line (reach counted): :meth:`rectifies`, or the member units'
        二(二)3 按照职责分工，负责涉及本部门问题的…即时整改 (a water project assigned to the county water bureau).
        The county 扶贫办 handed a house's renovation holds none (二(六)4(3) gives it to the construction bureau;
        its part is the problem lists, 一(三)): assignment_without_rectification_duty decides who then answers (D4).
        Nor does a department through 二(二)3 alone in a kind that gives its line nothing (涉及**本部门**问题: 县民政局
        handed a student the school did not identify; review23 #3). For a record naming its line ``sector``, only the
        holders of the stage for that line (:meth:`_rectifies_through` read for the record's line, not the body's): a
        department of another line holds none through a duty each department holds for its own part (own_sector,
        by_sector) nor through 二(二)3 本部门 (a renovation whose construction part failed, handed to 县民政局:
        its part, 二(六)4(4) 身份信息对比, is not this problem's; 县卫健局 handed 县水利局's diverted funds, 二(四)5
        本部门扶贫领域资金; review24 #0), and a department of that line none through 二(二)3 where the kind gives its
        line nothing (a household without its monthly cadre contact, 二(六)1(4) 县党委、政府, handed to 县民政局).

        >>> import responsibility
        >>> p = responsibility.load()
        >>> [p.has_rectification_duty(a, k, b, 0) for a, k, b in [
        ...     ("housing", "housing_renovation_late", "county_construction"),
        ...     ("housing", "housing_renovation_late", "county_poverty_office"),
        ...     ("projects", "project_late_or_unfinished", "county_water"),
        ...     ("education", "education_student_not_identified", "county_civil_affairs")]]
        [True, False, True, False]
        >>> [p.has_rectification_duty("housing", "housing_renovation_late", b, 0, "construction")
        ...  for b in ("county_construction", "county_civil_affairs")]
        [True, False]
        """
        cache: dict[tuple[str, str | None, str, int, str | None], bool] = \
            self.__dict__.setdefault("_has_rectification_duty", {})
        key = (area, kind, body, place_rank, sector)
        got = cache.get(key)
        if got is None and sector is not None:
            got = cache[key] = self._rectifies_through(area, kind, body, place_rank, sector)
        if got is None:
            # (a department whose every duty in the area reaches every line's work — 二(四)3 县财政部门…对当地扶贫资产负
            # 全面监管责任 — has no line of its own there: naming it shows no 本部门问题 that 二(二)3 即时整改 would
            # make it fix. Its part in a kind that gives the fixing to others — a missing performance evaluation,
            # 二(四)4–5 组织实施绩效评价 — is to oversee it, and handed such a problem it holds no duty to rectify it:
            # assignment_without_rectification_duty decides; rules51's left item)
            lines = (None,) if self._every_line_only(area, body) else (None, self.bodies[body].sector)
            got = cache[key] = (self.rectifies(area, kind, body, place_rank) or any(
                self._rectifies_through(area, kind, body, place_rank, sector)
                for sector in dict.fromkeys(lines))) \
                and not self.rectifies_for_named_line_only(area, kind, body, place_rank)
        return got

    def _every_line_only(self, area: str, body: str) -> bool:
        """Whether ``body`` holds duties in ``area`` and each reaches every line's work there (``every_line``)."""
        held = [d for did, d in self.duties.items() if self.duty_area[did] == area and body in d.holders]
        return bool(held) and all(d.every_line for d in held)

    def rectifies_for_named_line_only(self, area: str, kind: str | None, body: str, place_rank: int) -> bool:
        """Whether ``body``'s every duty to rectify a problem of ``kind`` in ``area`` placed at level rank
        ``place_rank`` is one the kind counts for a record of its line only (``line_named_only``), or 二(二)3's
        涉及本部门问题 that concerns it only by such a duty. A record naming no line does not show that such a body's
        part failed, and the text gives the rectification to another: 二(六)4(4) 民政 身份信息对比 beside 二(六)4(3)
        县建设部门 for a late renovation; 二(四)4 扶贫办 提出…资产收益分配方案 beside 二(四)3 县财政 全面监管 for
        mismanaged assets. Naming it as assignee is then an assignment to a body with a part and no duty to rectify
        (:meth:`has_rectification_duty`; assignment_without_rectification_duty), as 县扶贫办 handed a renovation is,
        not one naming its line (check49 #3).

        >>> import responsibility
        >>> p = responsibility.load()
        >>> [p.rectifies_for_named_line_only(a, k, b, 1) for a, k, b in [
        ...     ("housing", "housing_renovation_late", "county_civil_affairs"),
        ...     ("funds", "funds_assets_mismanaged", "county_poverty_office"),
        ...     ("funds", "funds_assets_mismanaged", "county_finance"),
        ...     ("housing", "housing_renovation_late", "county_construction")]]
        [True, True, False, False]
        >>> p.has_rectification_duty("housing", "housing_renovation_late", "county_civil_affairs", 1, "civil_affairs")
        True
        """
        if kind is None:
            return False
        named_only = self.kinds[(area, kind)].line_named_only.of("rectification")
        if not named_only:
            return False
        ds = dict.fromkeys(d for sector in dict.fromkeys((None, self.bodies[body].sector))
                           for d in self.stage_reaching(area, kind, "rectification", sector, place_rank).get(body, ()))
        if not any(d in named_only for d in ds):
            return False
        for d in ds:
            if d in named_only:
                continue
            if self.duties[d].scope != "area_holders":
                return False
            through = self.concerned_through(d, body, area, kind, "rectification")
            if through and not set(through) <= set(named_only):
                return False
        return True

    def _rectifies_through(self, area: str, kind: str | None, body: str, place_rank: int, sector: str | None) -> bool:
        """Whether ``body`` holds a rectification duty of a problem of ``kind`` in ``area`` whose line is ``sector``
        (:meth:`has_rectification_duty`). Read for the body's own line (an assignee the record names, not the record's
        sector), 二(二)3 涉及本部门问题 (scope area_holders, another area) counts only where the kind gives the body's
        line a duty (:meth:`line_concerned` with the kind): handing a school's unidentified student to 县民政局, whose
        part in education is the list of low-income students (二(六)2(2)), does not make it the rectifier, and the
        assignment falls to assignment_without_rectification_duty (review23 #3)."""
        duties = self.stage_reaching(area, kind, "rectification", sector, place_rank).get(body, ())
        if not duties or sector is None or kind is None:
            return bool(duties)
        return any(not (self.duties[d].scope == "area_holders" and self.duty_area[d] != area) for d in duties) \
            or self.line_concerned(area, body, kind)

    def authority(self, area: str, kind: str | None, place_rank: int) -> str:
        """The level with authority to dispose of a problem of ``kind`` in ``area`` placed at level rank
        ``place_rank``: the kind's ``authority`` (the area's without a kind), unless the place's own level holds a
        rectification duty of the kind that the text gives the authority's level too — then the place's level.
        The text gives the policy to 省市两级 alike (二(一)1(2) 省市两级要…制定出台政策举措; 一(三) 省市两级…通过政策
        完善…做好共性问题整改): a city's own policy gap is within the city's authority (一(三) reports upward only
        超出本级权限的 problems; probe8 P8-32), one placed lower stays the kind's.

        >>> import responsibility
        >>> p = responsibility.load()
        >>> [p.authority("health", "health_policy_gap", p.level_rank[lv]) for lv in ("county", "city", "province")]
        ['province', 'city', 'province']
        """
        nominal = self.kinds[(area, kind)].authority if kind else self.areas[area].authority
        if OWNER in self.parameters and self.parameter(OWNER) == "kind":
            return nominal  # whose policy it is, the record cannot say: the kind's level's (review9a R9A-5)
        return self.place_authority(area, kind, place_rank)

    def place_authority(self, area: str, kind: str | None, place_rank: int) -> str:
        """:meth:`authority` as the place's level decides it (``policy_gap_owner: place``, the default): the
        place's level where it shares the kind's rectification duty with the kind's level, else the kind's."""
        nominal = self.kinds[(area, kind)].authority if kind else self.areas[area].authority
        top = self.level_rank[nominal]
        if place_rank >= top or kind is None:
            return nominal
        cache: dict[tuple[str, str, int], str] = self.__dict__.setdefault("_authority", {})
        key = (area, kind, place_rank)
        got = cache.get(key)
        if got is None:
            held = self.stage_reaching(area, kind, "rectification", None, place_rank)
            at_top = {d for b, ds in held.items() if self.level_rank[self.bodies[b].level] == top for d in ds}
            shared = any(d in at_top for b, ds in held.items()
                         if self.level_rank[self.bodies[b].level] == place_rank for d in ds)
            level = self.rank_level[place_rank]
            got = cache[key] = level if shared else nominal
        return got

    @cached_property
    def member_lines(self) -> frozenset[str]:
        """The lines (sectors) of the leading groups' member units (二(二)3 成员单位; ``leading_group_member``)."""
        return frozenset(x.sector for b, x in self.bodies.items() if x.sector and not x.role
                         and any(self.bodies[u].kind == "leading_group"
                                 for u in self.under(b)))

    def line_concerned(self, area: str, body: str, kind: str | None = None, *, below: bool = False) -> bool:
        """Whether a problem of ``area`` (of ``kind``, where given) can concern department ``body`` 按照职责分工
        (二(二)3 涉及本部门问题, 二(二)5 有关部门…指导督促基层): it holds a duty of the area itself (one the kind
        implicates at some stage, :meth:`implicated_duties`), or a department of its line at a level below it does
        (the one it guides).
        The county health bureau holds nothing in health assistance (二(六)3(3) names the medical-insurance and finance
        bureaus; 卫健 only 省市, 二(六)3(5)): a record in the health line does not make it answer for a county's delay
        (probe10 P10-06). The county civil affairs bureau provides the list of low-income students (二(六)2(2)), but a
        student the school did not identify is not its problem (二(六)2(1)–(2) give that to the school and the education
        bureau; review23 #3). ``below``: only a department of its line at a level below it counts (the one it
        guides), not a duty of its own level — the 省市 guide duties that list many departments together (二(六)2(4)
        人力社保、残联…) do not make the problem concern each of them (check45 #1).

        >>> import responsibility
        >>> p = responsibility.load()
        >>> p.line_concerned("health", "county_health"), p.line_concerned("health", "city_health")
        (False, True)
        >>> [p.line_concerned("education", "county_civil_affairs", k)
        ...  for k in (None, "education_lists_not_provided", "education_student_not_identified")]
        [True, True, False]
        """
        cache: dict[tuple[str, str | None], tuple[dict[str, int], frozenset[str]]] = \
            self.__dict__.setdefault("_line_levels", {})
        got = cache.get((area, kind))
        if got is None:
            # the lowest level rank at which each line holds a duty of the area (of the kind), and the levels of its
            # open-list duties with a role standing in (open_levels)
            ids = self.implicated_duties(area, kind) if kind is not None else \
                tuple(did for did in self.duties if self.duty_area[did] == area)
            lowest: dict[str, int] = {}
            for did in ids:
                if self.duty_area[did] == area:
                    for b in self.duties[did].holders:
                        x = self.bodies.get(b)
                        if x is not None and x.sector and not x.role:
                            rank = self.level_rank[x.level]
                            lowest[x.sector] = min(rank, lowest.get(x.sector, rank))
            opened = self.open_levels(area) if kind is None else self._open_levels(
                did for did in ids if self.duty_area[did] == area)
            got = cache[(area, kind)] = (lowest, opened)
        lowest, opened = got
        x = self.bodies[body]
        if x.sector is None:
            return False
        rank = self.level_rank[x.level] - below
        if lowest.get(x.sector, rank + 1) <= rank:
            return True
        # a line the data has no body for at a level where an open list of the area's holders (二(四)5 各行业主管部门,
        # 二(五)3 各相关部门) includes it through the role (review10 R10A-02)
        return any(self.level_rank[lv] <= rank and not self.has_sector_at(x.sector, lv) for lv in opened)

    def open_levels(self, area: str) -> frozenset[str]:
        """The levels at which ``area`` has an open-list duty (:attr:`Duty.open_list`) with a role standing in."""
        cache: dict[str, frozenset[str]] = self.__dict__.setdefault("_open_list_levels", {})
        got = cache.get(area)
        if got is None:
            got = cache[area] = self._open_levels(did for did in self.duties if self.duty_area[did] == area)
        return got

    def _open_levels(self, duties: Iterable[str]) -> frozenset[str]:
        """The levels at which one of ``duties`` is an open-list duty (:attr:`Duty.open_list`) with a role standing
        in."""
        return frozenset(self.bodies[h].level for did in duties if (d := self.duties[did]).open_list
                         and d.scope == "own_sector" for h in d.holders if self.roles.get(self.bodies[h].level))

    def sectors_with_part(self, area: str) -> frozenset[str]:
        """The lines (sectors) the text gives a part in ``area``: those for which a duty of the area has a holder —
        a department of that line, or the role standing for one the data has no body for at a level (二(四)5 县级
        行业主管部门 本部门扶贫领域资金 for any line's funds; :meth:`holders`). 二(二)3 成员单位 answer 按照职责分工 for
        涉及本部门问题: a record whose ``sector`` is none of these names a line the text gives nothing to do in the
        area, and is refused rather than read as making that department answer (probe9 P9-14).

        >>> import responsibility
        >>> p = responsibility.load()
        >>> "construction" in p.sectors_with_part("housing"), "education" in p.sectors_with_part("housing")
        (True, False)
        """
        cache: dict[str, frozenset[str]] = self.__dict__.setdefault("_sectors_with_part", {})
        got = cache.get(area)
        if got is None:
            own = [did for did in self.duties if self.duty_area[did] == area]
            got = cache[area] = frozenset(
                line for line in self.sectors
                if any(self.bodies[h].role or self.bodies[h].sector == line
                       for did in own for h in self.holders(did, area, None, line)))
        return got

    def sector_lines(self, area: str) -> tuple[frozenset[str], dict[str, frozenset[str]]]:
        """:meth:`sectors_with_part` of ``area`` in two parts, for a refusal that says why a line is or is not
        one (review25 R25-8): the lines a duty of the area names a department of, and, per duty whose holder is
        a level's role (an open list, 等, or 行业主管部门 of any line), the further lines it takes in — those rules/
        has no department of at that level.

        >>> import responsibility
        >>> named, more = responsibility.load().sector_lines("housing")
        >>> "construction" in named, "water" in named, [d for d, lines in more.items() if "agri_academy" in lines]
        (True, False, ['housing_province_city_departments_guide'])
        """
        have = self.sectors_with_part(area)
        own = [did for did in self.duties if self.duty_area[did] == area]
        named: set[str] = set()
        more: dict[str, set[str]] = {}
        for line in sorted(have):
            through = []
            for did in own:
                held = self.holders(did, area, None, line)
                if any(not self.bodies[h].role and self.bodies[h].sector == line for h in held):
                    named.add(line)
                    break
                if any(self.bodies[h].role for h in held):
                    through.append(did)
            else:
                for did in through:
                    more.setdefault(did, set()).add(line)
        return frozenset(named), {did: frozenset(lines) for did, lines in more.items()}

    def has_part(self, area: str, kind: str | None, body: str, sector: str | None = None) -> bool:
        """Whether the text gives ``body`` a part in a problem of ``kind`` in ``area`` whose line is ``sector``
        (a sector id, or ``None``): it holds a duty of the area, or one the kind implicates at some stage (for
        the record's line; without one, as the stages name their holders). A body with none is the wrong one
        to assign the problem to: that is not 按程序 交办 (一(三) 按照问题类别、办理权限…列出…责任清单), and the
        body does not answer for not rectifying what the text never made its work. Being named does not make a
        problem of another area 涉及本部门 (二(二)3): the county education bureau has no part in a house renovation.

        >>> import responsibility
        >>> p = responsibility.load()
        >>> [p.has_part("housing", "housing_renovation_late", b, line) for b, line in
        ...  [("county_construction", None), ("county_education", None), ("county_education", "education")]]
        [True, False, False]
        """
        cache: dict[tuple[str, str | None, str, str | None], bool] = self.__dict__.setdefault("_has_part", {})
        key = (area, kind, body, sector)
        got = cache.get(key)
        if got is None:
            areas: dict[str, frozenset[str]] = self.__dict__.setdefault("_area_bodies", {})
            if area not in areas:
                # the area's own duties, and the general areas' duties to lead or coordinate all the work (二(一):
                # 党委领导、政府负责、扶贫开发领导小组牵头协调、扶贫办组织实施; probe8 P8-30)
                general = {a.id for a in self.data.areas if not a.problems}
                leads = {"main_responsibility", "leadership", "coordination"}  # 党委领导、政府负责、牵头协调 (二(一))
                # (an area's duty its applies_if parameter switches off gives no part in the area: 省市卫健 in
                # drinking water under water_policy_health_departments=false. The general areas' duties to lead still
                # do: a township Party committee handed a renovation is its level's, whether or not it bears 主体责任
                # there, township_main_responsibility; F9-L2)
                areas[area] = frozenset(b for did, d in self.duties.items()
                                        if (self.duty_area[did] == area and self.duty_applies(did))
                                        or (self.duty_area[did] in general and leads & set(d.kinds))
                                        for b in d.holders)
            got = cache[key] = body in areas[area] or any(
                body in self.stage_holders(area, kind, stage, sector)
                for stage in ("discovery", "handling", "rectification", "supervision"))
        return got

    def has_kind_part(self, area: str, kind: str | None, body: str, sector: str | None = None) -> bool:
        """Whether ``body`` has a part in a problem of ``kind`` in ``area`` as an assignee: it holds a duty at some
        stage of the kind — for the record's line ``sector``, for the body's own line, or as the stages name their
        holders for no line — or a general duty to lead or coordinate all the work (as :meth:`has_part` reads
        them). 一(三) 按照问题类别…分类交办 sorts an assignment by the problem's kind, so a duty elsewhere in the area
        does not make the body a right one to hand it to: 县人社局, with the employment part of 两不愁 (二(六)1(3)),
        is not the body to hand late basic-living payments to, and 县民政局, which is, was never handed them
        (review38b F1). A duty held only as the problem concerns the body's line (:meth:`by_line_concern`:
        二(二)3, 二(二)5) counts where the kind's own work gives that line a part at the body's level or below
        (:meth:`_kind_holding`): 县财政局 is not the body to hand a project's system entry (二(五)3 县扶贫办),
        though 二(五)5 names 省市财政 in the spot check (check38 D2). A report stays on :meth:`has_part`, a part in
        the area (what a body may pass on). A department counts too for a unit it directs
        (:meth:`directing_department`) that has such a part in the record's line: 县教育局 is a body to hand a
        school's misused aid to (二(六)2(2) 县教育局负责各有关学校…), though the part is the school's (review39 F2).
        The part is always one :meth:`has_part` gives too; without a kind it is :meth:`has_part`.

        >>> import responsibility
        >>> p = responsibility.load()
        >>> [(p.has_part("basic_needs", "basic_needs_payment_late", b), p.has_kind_part(
        ...     "basic_needs", "basic_needs_payment_late", b)) for b in ("county_civil_affairs", "county_hrss")]
        [(True, True), (True, False)]
        """
        if kind is None:
            return self.has_part(area, kind, body, sector)
        cache: dict[tuple[str, str, str, str | None], bool] = self.__dict__.setdefault("_has_kind_part", {})
        key = (area, kind, body, sector)
        got = cache.get(key)
        if got is None:
            if "_lead_bodies" not in self.__dict__:
                # the general areas' duties to lead or coordinate all the work (二(一): 党委领导、政府负责、
                # 扶贫开发领导小组牵头协调), as has_part counts them: a township Party committee handed a renovation
                general = {a.id for a in self.data.areas if not a.problems}
                leads = {"main_responsibility", "leadership", "coordination"}
                self.__dict__["_lead_bodies"] = frozenset(
                    b for did, d in self.duties.items() if self.duty_area[did] in general and leads & set(d.kinds)
                    for b in d.holders)
            # (the body's own line too: 县财政局 has a by-line part in a housing or health kind whatever line the
            # record gives — review38b's first reading, the record's line only, broke G3c, R10A-03a and F9-M1/M2)
            own = self.bodies[body].sector if body in self.bodies else None
            # (and a part as has_part reads it: this only narrows it. A 市水利局 handed a county's fund diversion whose
            # record gives no line holds a part by its own line alone, and has_part sets that step aside; whether it
            # should count is not this reading's question)
            # (and a department handed what a unit it directs has a part in, in the record's line — not through the
            # unit's own line whatever the record's: 县教育局, over the schools (二(六)2(2) 县教育局负责各有关学校…),
            # passes a school's misused aid on to the school — its line's part is the school's, not its own 本部门问题
            # (line_in_kind; review39 F2), yet the school is its to hand to; a record of the finance line's 拨付 is not
            # the school's, and handed to the bureau is no 交办: check39 E12. The one clause that widens has_part's
            # narrowing here; it adds no body has_part does not)
            got = cache[key] = self.has_part(area, kind, body, sector) and (
                body in self.__dict__["_lead_bodies"] or any(
                    self._kind_holding(area, kind, body, line, stage) for line in dict.fromkeys((sector, None, own))
                    for stage in STAGES) or any(
                    self.directing_department(u) == body and self.has_part(area, kind, u, sector)
                    and any(self._kind_holding(area, kind, u, sector, stage) for stage in STAGES)
                    for u in self.bodies if u != body))
        return got

    def by_line_concern(self, duty_id: str, area: str) -> bool:
        """Whether ``duty_id`` is held in ``area`` only as the problem concerns the holder's line: a duty of an area
        whose stages apply to every other area's problems (二(二) 问题发现) held by ``scope: area_holders`` in another
        area — 二(二)3 成员单位…负责涉及本部门问题的动态发现、分类办理、即时整改, 二(二)5 省市有关部门…
        指导督促基层问题发现和整改. Its holding follows from the problem's being the department's (按照职责分工),
        which the kind's own duties say; it does not itself make the problem the department's.

        >>> import responsibility
        >>> p = responsibility.load()
        >>> [p.by_line_concern(d, a) for d, a in (("discovery_county_departments", "projects"),
        ...                                       ("discovery_county_departments", "discovery"),
        ...                                       ("projects_county_poverty_office_system", "projects"))]
        [True, False, False]
        """
        d = self.duties[duty_id]
        own = self.duty_area[duty_id]
        return d.scope == "area_holders" and own != area and self.areas[own].applies_to_all

    def _kind_holding(self, area: str, kind: str, body: str, line: str | None, stage: Stage) -> bool:
        """Whether ``body`` holds, in the line ``line``, a duty of ``stage`` of ``kind`` that makes it a right assignee
        (:meth:`has_kind_part`). A duty held only as the problem concerns the body's line (:meth:`by_line_concern`:
        二(二)3, 二(二)5) counts where the kind's own work (finding, passing on, rectifying it) gives that line a part
        at the body's level or below — its 本部门 problem (二(二)3), or its line's below, which it guides (二(二)5
        指导督促基层). Not through a part of its line at a level above only: 二(五)5's spot check by
        省市扶贫、财政、民宗 does not make a project's entry into the national system, which 二(五)3 gives the
        county's 扶贫办 alone, 县财政局's or 县民宗局's to be handed (一(三) 按照问题类别…分类交办; check38 D2)."""
        held = self.stage_holders(area, kind, stage, line).get(body, ())
        if not held:
            return False
        if not all(self.by_line_concern(did, area) for did in held):
            return True
        b = self.bodies[body]
        if b.sector is None:
            # (a level's role or a body with no line: what stands for the line is not this reading's to narrow)
            return True
        rank = self.level_rank[b.level]
        for st in WORK_STAGES:
            for h, ds in self.stage_holders(area, kind, st, line).items():
                # (a role holder stands for a line with no department at its level, as line_in_kind reads it)
                if self.level_rank[self.bodies[h].level] <= rank \
                        and (self.bodies[h].role or b.sector in self.lines_of(h)) \
                        and not all(self.by_line_concern(did, area) for did in ds):
                    return True
        return False

    def data_kinds(self) -> list[tuple[str, str]]:
        """Every (area, problem kind) of the data, whatever its dates."""
        return [(a.id, k.id) for a in self.data.areas for k in a.problem_kinds]

    def duties_of_kind(self, area: str, duty_kind: str) -> tuple[str, ...]:
        """Ids of the duties of ``area`` whose kinds include ``duty_kind``."""
        # (kept: compiling an area's rules asks it ~200 times per view, each a pass over every duty)
        cache: dict[tuple[str, str], tuple[str, ...]] = self.__dict__.setdefault("_duties_of_kind", {})
        got = cache.get((area, duty_kind))
        if got is None:
            got = cache[(area, duty_kind)] = tuple(did for did, d in self.duties.items()
                                                   if self.duty_area[did] == area and duty_kind in d.kinds)
        return got

    # ------------------------------------------------------------ time

    @cached_property
    def epochs(self) -> list[dt.date]:
        """Days on which something starts or ends (sorted); empty when nothing is dated."""
        days: set[dt.date] = set()
        items: list[Any] = [*self.data.bodies, *self.data.parameters]
        for area in self.data.areas:
            items += [*area.duties, *area.problem_kinds]
        for x in items:
            days.update(d for d in (x.effective_from, x.effective_to) if d is not None)
        return sorted(days)

    def at(self, day: dt.date) -> Self:
        """The policy as in force on ``day`` (``self`` when nothing is dated or a day is fixed)."""
        if self.as_of is not None or not self.epochs:
            return self
        import bisect

        i = bisect.bisect_right(self.epochs, day)
        views = self.__dict__.setdefault("_views", {})
        if i not in views:
            start = self.epochs[i - 1] if i else day
            views[i] = type(self)(self.data, root=self.root, loaded=self._loaded, as_of=start,
                                  what_if=self.what_if)
        view: Self = views[i]
        return view

    def with_parameters(self, **values: Any) -> Self:
        """A new view of this policy with some parameters (``rules/parameters.yaml``) set: a what-if.

        Each value is checked like the file's (unknown names and values that do not fit raise
        :class:`~responsibility.RulesError`); every verdict made under the new view says which
        parameters it changed (``verdict.what_if``, its ``explain()`` and ``to_dict()``).

        >>> import responsibility
        >>> policy = responsibility.load()
        >>> strict = policy.with_parameters(handling_time_limit_days=15, supervision_scope="all_levels")
        >>> strict.parameter("handling_time_limit_days"), strict.what_if["supervision_scope"]
        (15, ('own_and_shown_above', 'all_levels'))
        >>> policy.parameter("handling_time_limit_days")
        10
        """
        from ._whatif import with_parameters

        return with_parameters(self, values)

    def _repr_html_(self) -> str:
        import html

        meta = self.data.meta
        by_level: dict[str, int] = {}
        for b in self.bodies.values():
            by_level[b.level] = by_level.get(b.level, 0) + 1
        areas = ", ".join(f"{html.escape(a.id)} ({html.escape(a.name)})" for a in self.areas.values() if a.problems)
        # a parameter by its Chinese name and its value as Chinese output writes it (以上各级（all_levels）,
        # 严重（grave）, 否（false）), its id beside (what --set takes); never a Python repr (hostile27:
        # 'own_and_level_above', False)
        shown = functools.partial(_value_shown, self)
        params = "".join(
            f"<tr><td>{html.escape(p.name)}</td><td>{html.escape(shown(p.id, p.value))}"
            + (f" <b>(what-if; rules: {html.escape(shown(p.id, self.what_if[p.id][0]))})</b>"
               if p.id in self.what_if else "")
            + f"</td><td><code>{html.escape(p.id)}</code></td></tr>" for p in self.parameters.values())
        levels = ", ".join(f"{html.escape(self.levels[lv].name)} {n}" for lv, n in
                           sorted(by_level.items(), key=lambda x: self.level_rank.get(x[0], 0)))
        mark = " — <b>what-if</b>" if self.what_if else ""
        return (f"<div><b>Policy</b> {html.escape(meta.name)} ({html.escape(meta.id)} {html.escape(meta.version)})"
                f"{mark}<br>{len(self.bodies)} bodies ({levels}), {len(self.duties)} duties, "
                f"{len(self.kinds)} problem kinds, {len(self.clauses)} clauses"
                f"{', as of ' + str(self.as_of) if self.as_of else ''}<br>problem areas: {areas}"
                f"<table><thead><tr><th>parameter</th><th>value</th><th>id</th></tr></thead>"
                f"<tbody>{params}</tbody></table></div>")

    def __repr__(self) -> str:
        changed = f", what-if {', '.join(f'{k}={v!r}' for k, (_, v) in self.what_if.items())}" if self.what_if else ""
        return (f"<Policy {self.data.meta.id} {self.data.meta.version}: {len(self.bodies)} bodies, "
                f"{len(self.duties)} duties, {len(self.kinds)} problem kinds{changed}>")


def _value_shown(policy: PolicyView, pid: str, value: Any) -> str:
    """A parameter's value for the notebook view of a policy, as Chinese output writes it (engine/_verdict_view
    ``value_zh`` with ids, which this rank may not import): a choice as 以上各级（all_levels） (rules/parameters.yaml
    ``choices_zh``), a severity as 严重（grave）, yes or no as 否（false） (rules/vocabulary.yaml), a day as
    YYYY-MM-DD, a number as it is."""
    vocabulary = policy.data.vocabulary
    parameter = policy.parameters.get(pid)
    if isinstance(value, bool):
        said = next((t.name for t in vocabulary.answers if t.id == str(value).lower()), "是" if value else "否")
        return f"{said}（{str(value).lower()}）"
    if isinstance(value, dt.date):
        return value.isoformat()
    name = None
    if parameter is not None and parameter.type == "severity":
        name = next((t.name for t in vocabulary.severities if t.id == value), None)
    elif parameter is not None and parameter.type == "choice":
        name = (parameter.choices_zh or {}).get(str(value))
    return f"{name}（{value}）" if name else str(value)


# ------------------------------------------------------------ what a computation read of the parameters


class ParameterReads:
    """The parameters whose values a :func:`recording` twin gave out: ``ids``, and whether it gave out more (``every``:
    values reached another way than by id, as by iterating over them or through the data itself, which holds the
    versions not in force too): then what it derived may depend on any of them."""

    __slots__ = ("every", "ids")

    def __init__(self) -> None:
        self.ids: set[str] = set()
        self.every = False


class _Recorded(Mapping[str, "Parameter"]):
    """A view's parameters in force that note in ``reads`` each one whose item (and so value) is given out. Whether one
    is in force (``in``, ``len``, the ids) is no value: the view's dates and the data's other parts decide it."""

    __slots__ = ("_items", "_reads")

    def __init__(self, items: Mapping[str, Parameter], reads: ParameterReads) -> None:
        self._items = dict(items)
        self._reads = reads

    def __getitem__(self, key: str) -> Parameter:
        got = self._items[key]  # (an id not in force: KeyError, no value read)
        self._reads.ids.add(key)
        return got

    def get(self, key: str, default: Any = None) -> Any:
        got = self._items.get(key, _NONE)
        if got is _NONE:
            return default
        self._reads.ids.add(key)
        return got

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def values(self) -> ValuesView[Parameter]:
        self._reads.every = True
        return self._items.values()

    def items(self) -> ItemsView[str, Parameter]:
        self._reads.every = True
        return self._items.items()


class _Sealed:
    """A policy's data with each part but its parameters as an attribute of its own; reading anything else of it
    (``parameters``, ``model_dump``…) gives the data's and counts as reading every parameter (:func:`recording`)."""

    def __init__(self, data: PolicyData, reads: ParameterReads) -> None:
        self.__dict__.update((k, v) for k, v in vars(data).items() if k != "parameters")
        self.__dict__["_sealed_of"] = (data, reads)

    def __getattr__(self, name: str) -> Any:
        # (only for a name not set above: the parameters, or the model's own methods)
        if name.startswith("__") or name == "_sealed_of":
            raise AttributeError(name)
        data, reads = self.__dict__["_sealed_of"]
        reads.every = True
        return getattr(data, name)


class _Everything(dict[str, tuple[Any, Any]]):
    """A twin's ``what_if`` (parameters' values, as the view's): any read of it from Python counts as reading every
    parameter (it holds the values too: what reads it as a dict in C reads them right, if unnoted)."""

    def __init__(self, values: Mapping[str, tuple[Any, Any]], reads: ParameterReads) -> None:
        super().__init__(values)
        self._reads = reads

    def _all(self) -> dict[str, tuple[Any, Any]]:
        self._reads.every = True
        return dict(super().items())

    def __getitem__(self, key: str) -> tuple[Any, Any]:
        return self._all()[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self._all().get(key, default)

    def __contains__(self, key: object) -> bool:
        return key in self._all()

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())

    def __eq__(self, other: object) -> bool:
        return self._all() == other

    __hash__ = None

    def __repr__(self) -> str:
        return repr(self._all())

    def copy(self) -> dict[str, tuple[Any, Any]]:
        return self._all()

    def keys(self) -> KeysView[str]:  # type: ignore[override]
        return self._all().keys()

    def values(self) -> ValuesView[tuple[Any, Any]]:  # type: ignore[override]
        return self._all().values()

    def items(self) -> ItemsView[str, tuple[Any, Any]]:  # type: ignore[override]
        return self._all().items()


def recording(policy: PolicyView) -> tuple[PolicyView, ParameterReads]:
    """A fresh view of ``policy``'s data and day (none of its memos: nothing derived before) that notes which
    parameters' values it gives out, and the note: what it derives depends on the data's other parts, its day and the
    values of exactly those parameters (engine/_compile shares an area's rules between views that differ in others).

    Its parameters are read through :attr:`PolicyView.parameters` (by id: noted one by one; iterated over their
    values: every one); its ``data`` has each part but the parameters, and anything else read of it — as its
    ``what_if`` — counts as every parameter read; it keeps no loader's files. So a read that escapes the ids makes the
    note "every parameter", never too few."""
    reads = ParameterReads()
    twin = PolicyView(policy.data, root=policy.root, as_of=policy.as_of)
    twin.parameters = _Recorded(twin.parameters, reads)
    twin.data = _Sealed(policy.data, reads)  # type: ignore[assignment]  # (answers as the data does, noted)
    twin.what_if = _Everything(policy.what_if, reads)
    twin.__dict__["_recording_own"] = frozenset(twin.__dict__)
    return twin, reads


def adopt(policy: PolicyView, twin: PolicyView) -> None:
    """Give ``policy`` the memos its :func:`recording` twin ``twin`` made that it lacks: the twin derived them of
    ``policy``'s data, day and parameters' values, so they are what ``policy`` would derive (so a view whose tables
    a twin made answers as fast after as if it had made them itself: batch/_tables.shared_part). Only the view's
    own memos of plain values (a dict, set or frozenset of them; a dict's entries one by one, ``policy``'s own
    first), never the wings' artefacts (``_memos``: a decider, a graph…, which may hold the twin itself). Copies:
    what ``policy`` adds to them later is no memo of the twin's, which may go on noting reads."""
    own = twin.__dict__.get("_recording_own", frozenset())
    mine = policy.__dict__
    for key, value in list(twin.__dict__.items()):
        if key in own or key in ("_memos", "_recording_own"):
            continue
        if type(value) is dict:
            got = mine.get(key)
            if got is None:
                mine.setdefault(key, dict(value))
            elif type(got) is dict:
                for k, v in value.items():
                    got.setdefault(k, v)
        elif type(value) in (set, frozenset):
            mine.setdefault(key, type(value)(value))


def forget_every_view() -> int:
    """:meth:`PolicyView._forget_warm` on every view alive in this process (the garbage collector's objects, so a pass
    over the heap), but :func:`recording` twins; how many forgot. For a long-lived process that keeps views for many
    unrelated uses — the test suite's workers (tests/conftest), where the session's fixtures, the policy cache's kept
    loads (policy/_cache.kept_view) and the test modules' own kept views (pytest keeps a module's globals to the end)
    held their memos warm to the end, GBs — between those uses, while no thread decides on them."""
    import gc

    views = [o for o in gc.get_objects() if isinstance(o, PolicyView) and "_recording_own" not in o.__dict__]
    for view in views:
        view._forget_warm()
    return len(views)
