"""Routing: who must act now on a newly registered problem (一(三) 分类交办, 办理权限).

The forward-looking twin of ``who_answers``: from the matrix alone it proposes the level with
authority (办理权限) for the problem's area and kind, the bodies there that must assign it,
the bodies it may be assigned to for rectification, the deadlines the parameters imply, and
whether the problem exceeds the registering level's authority and must be reported upward at
once (对超出本级权限的及时向上级单位报送问题).

Nothing here names a duty area: the authority comes from the problem kind (or the area's
default), the bodies from the kind's ``handling`` and ``rectification`` stages.
Not checked: whether the proposed bodies exist at a real place (every place gets every body).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..chain._jurisdiction import Jurisdiction, ancestor_code, level_of, parse_code
from ..chain._placement import PlacedBody
from ..policy._model import STAGES, Stage
from ..policy._view import OWNER, SECTORLESS
from ..policy._view import PolicyView as Policy
from ._compile import LEADERS, Holder, level_leaders
from ._facts import (
    OWN_WORK,
    PLACE_ABOVE,
    RECEIVER,
    SELF_RECTIFIED,
    guiding_receiver,
    holds_own_work,
    item_holders,
    keeps_lists,
    level_holders_unnamed,
    line_of,
    named_line,
    place_level_body,
    receiving_body,
    sole_holder,
    standing_for,
    stands_unresolved,
    tied_elsewhere,
    untied_line,
)
from ._facts import gives_way as named_gives_way
from ._problem import RESIDENTS_PLACE, Problem, ValueNames, parse_problem, residents_place


def standing_holders(policy: Policy, area: str, kind: str | None, stage: Stage,
                     sector: str | None, prank: int | None = None) -> dict[str, tuple[str, ...]]:
    """The holders of ``stage`` for a problem of ``kind`` whose line is ``sector``, as a verdict names them: for a
    record naming no line, without a role body (问题所属部门) the verdict leaves aside there
    (:meth:`PolicyView.role_stands_aside`: a 扶贫领域具体问题 concerns no department by itself, 二(二)1–2; 二(六)4(4)'s
    parts of a renovation, which 二(六)4(3) gives 县建设部门; the ethnic line's own part of a city's funds, 二(四)7) —
    a route offered the role where no verdict on the record would name it (fid30's left #3)."""
    # (a level whose department of the record's line the text gives no part in the kind's area holds it as for a record
    # naming no line, as the verdict reads it: _facts.untied_line, Decider._untied — 县财政 and the 问题所属部门 for a
    # funds allocation a record puts in 审计's line)
    untied = {lv for lv in policy.roles if (stage != "supervision" or keeps_lists(policy, lv))
              and untied_line(policy, area, kind, lv, sector)} if sector is not None else set()
    if untied:
        plain = _holders_of_line(policy, area, kind, stage, None, prank)
        lined = _holders_of_line(policy, area, kind, stage, sector, prank)
        return {**{b: ds for b, ds in lined.items() if policy.bodies[b].level not in untied},
                **{b: ds for b, ds in plain.items() if policy.bodies[b].level in untied}}
    return _holders_of_line(policy, area, kind, stage, sector, prank)


def _holders_of_line(policy: Policy, area: str, kind: str | None, stage: Stage,
                     sector: str | None, prank: int | None = None) -> dict[str, tuple[str, ...]]:
    """:func:`standing_holders` at every level as the record's line ``sector`` reads it."""
    held = policy.stage_holders(area, kind, stage, sector)
    if sector is not None:
        # a record naming its line: as a verdict resolves the rules compiled for a record naming none (Decider.resolved)
        # — a body those name, the line's department where they name the level's role, or one that 涉及本部门问题
        # (scope area_holders) brings in where a body of its level holds that duty; not a department the line alone
        # would add at a level where the kind gives none a part (a county 民政局 for a provincial policy gap of its
        # line, 二(三)6 省市民政部门…制定完善…政策措施: the verdict names the county's keeper alone and counts no
        # assignment to the county department, and the route offered it as handler and assignee)
        raw = policy.stage_holders(area, kind, stage)
        if held.keys() <= raw.keys():
            return held
        bodies, roles, duties = policy.bodies, policy.roles, policy.duties
        at = {(bodies[b].level, d) for b, ds in raw.items() for d in ds}
        return {b: ds for b, ds in held.items() if b in raw or roles.get(bodies[b].level) in raw or any(
            duties[d].scope == "area_holders" and (bodies[b].level, d) in at for d in ds)}
    # (the place's level rank: a county-placed specific problem keeps the county's role, as the verdict does)
    # (and a department named only through a by_sector duty the kind counts for its line only: 县扶贫办's 二(四)4 in a
    # mismanaged asset, check47a #1 — role_stands_aside reads that too)
    aside = policy.role_stands_aside
    if not any(aside(area, kind, stage, b, ds, prank) for b, ds in held.items()):
        return held
    return {b: ds for b, ds in held.items() if not aside(area, kind, stage, b, ds, prank)}


def _handling_clauses(policy: Policy) -> tuple[str, ...]:
    """The clauses routing rests on: those of the handling time limit (一(三) 分类交办)."""
    p = policy.parameters.get("handling_time_limit_days")
    return tuple(p.clauses) if p is not None else ()


@dataclass(frozen=True)
class Plan:
    """The matrix's answer for an (area, kind, place level): body ids, not yet placed."""

    authority: str
    handlers: tuple[str, ...]
    assignees: tuple[str, ...]
    #: Whether the assignees are the place's level's bodies because nobody at or below the place can rectify the
    #: kind (a house's renovation at a city code): the route rests on place_above_rectifiers, as a verdict does.
    at_place: bool = False


def route_bodies(policy: Policy, area: str, kind: str | None, place_level: str,
                 sector: str | None = None) -> Plan:
    """The level with authority and the handling and rectification bodies for a problem of ``kind``
    in ``area`` located at a place of ``place_level``, whose line is ``sector`` (cached per policy).

    As in a verdict, a duty confined to a department's own line names the department of
    ``sector``; without one, the role body standing for it (the department the record does not name)."""
    cache: dict[tuple[str, str | None, str, str | None], Plan] = policy._memo("route_plans", dict)
    key = (area, kind, place_level, sector)
    plan = cache.get(key)
    if plan is None:
        rank = policy.level_rank
        authority = policy.authority(area, kind, rank[place_level])  # a city's own policy: the city's (P8-32)
        top = max(rank[authority], rank[place_level])
        auth_level = authority if rank[authority] >= rank[place_level] else place_level

        def pick(bodies: Mapping[str, Any], lo: int, hi: int) -> tuple[str, ...]:
            ids = [b for b in bodies if b in policy.bodies and lo <= rank[policy.bodies[b].level] <= hi]
            return tuple(sorted(ids, key=lambda b: (rank[policy.bodies[b].level], b)))

        # reach counted, as a verdict counts it (review19 D6: a city finance department whose allocation duty is its
        # own level's was told to pass on a county's problem that no verdict then held it to)
        held = standing_holders(policy, area, kind, "handling", sector, rank[place_level])
        handlers = pick(policy.reaching(held, rank[place_level], area, kind, "handling"), top, top) or \
            pick(held, top, top)
        if not handlers:  # the kind names no handler at that level: every holder of the area there
            handlers = pick({b: () for d in policy.duties if policy.duty_area[d] == area
                             for b in policy.duties[d].holders}, top, top)
        # reach counted, as a verdict counts it: the city poverty office passes a village's problem down (二(二)5
        # 指导督促基层), but no city body rectifies a house renovation placed at the city itself
        assignees = pick(policy.reaching(standing_holders(policy, area, kind, "rectification", sector,
                                                          rank[place_level]),
                                         rank[place_level], area, kind, "rectification"), rank[place_level], top)
        at_place = not any(r <= top for r in policy.rectifier_levels(area, kind, rank[place_level]))
        if at_place and kind is None:
            # a record with no kind placed at a city or the province: its area's rectifiers (二(二)1–3; 二(二)5 only
            # 指导督促基层) reach no body there, and it names no department: the level's department of its line, else
            # its role, once — whom a verdict names for the level's assignment naming no body (place_above_rectifiers;
            # fid33a), not the area's every body of the level
            who = place_level_body(policy, area, None, place_level, sector)
            assignees = (who,) if who is not None else ()
        elif at_place:
            # nobody at or below the place can rectify it (a house's renovation placed at a city) and a record allows
            # no step below its place: the level holding it assigns it to its own bodies with a part in it, which a
            # verdict counts as passing it on (review8a R8A-6, probe9 P9-16) — better, place the problem where it is
            assignees = pick({b: () for stage in ("discovery", "handling", "rectification", "supervision")
                              for b in standing_holders(policy, area, kind, stage, sector, rank[place_level])},
                             top, top)
        if not at_place and kind is not None and rank[authority] > rank[place_level]:
            # a body below the authority whose part in rectifying it is a duty it shares with the authority's bodies
            # (省市 make policy, 二(六)3(5)) holds it for its own level's policy: a gap policy_gap_owner reads as the
            # province's is not the city's to amend, so the route does not offer the city's departments (review22)
            held = policy.stage_reaching(area, kind, "rectification", sector, rank[place_level])
            at_top = {d for b, ds in held.items() if rank[policy.bodies[b].level] == rank[authority] for d in ds}
            assignees = tuple(b for b in assignees if rank[policy.bodies[b].level] >= rank[authority]
                              or not set(held.get(b, ())) & at_top)
        if not at_place and LEADERS in policy.parameters:
            # the Party committee and government of a level whose departments rectify it press them rather than take
            # it on beside them, by level_assignment_leaders (press), as a verdict reads an assignment to the level as
            # a whole (R21-12): a route proposes the departments (it names bodies, and a verdict on an assignment
            # naming one rests on nothing of this: the route does not list it either, as test_fidelity18 asks)
            # (read from the holders of a record naming no sector, as the rules are compiled: a sector that leaves
            # no department of the item still leaves them pressing, not rectifying)
            held = policy.stage_reaching(area, kind, "rectification", None, rank[place_level])
            heads: set[str] = set()
            for r in {rank[policy.bodies[b].level] for b in held}:
                heads |= level_leaders(policy, area, r, tuple(
                    Holder(b, ds) for b, ds in held.items() if rank[policy.bodies[b].level] == r))
            if heads and policy.parameter(LEADERS) == "press":
                assignees = tuple(b for b in assignees if b not in heads)
        plan = cache[key] = Plan(auth_level, handlers, assignees, at_place)
    return plan


def route_rests_on(policy: Policy, area: str, kind: str | None, place_rank: int, sector: str | None,
                   named: tuple[tuple[str, tuple[str, ...], Stage], ...], at_place: bool) -> tuple[str, ...]:
    """What the bodies a route names rest on beside the time limits, as a verdict's findings on them would: the
    duties read by interpretation behind them (``named``: each body with its duties and their stage) and those
    through which 二(二)3
    涉及本部门问题 concerns them, the parameters that switch a duty on, an unresolved role body (the department the
    record does not name), sectorless_alternatives where the record names no line and departments hold a duty each
    for its own part, policy_gap_owner where the place decides whose policy a gap is, place_above_rectifiers where
    the assignees are the place's level's because nobody at or below it can rectify the kind (review17c F5: a route
    listed the two time limits only). In the order first met."""
    out: dict[str, None] = {}
    duties = policy.duties
    for body, held, stage in named:
        for d in held:
            duty = duties[d]
            if duty.basis == "interpretation":
                out[d] = None
            if (switch := policy.switch_of(d, body)) is not None:
                out[switch] = None
            for x in policy.concerned_through(d, body, area, kind, stage) or ():
                if duties[x].basis == "interpretation" and policy.duty_applies(x):
                    out[x] = None
        if stands_unresolved(policy.bodies[body]):  # (a role, or a level's unnamed holder: review34 F5)
            out[body] = None
    if sector is None and SECTORLESS in policy.parameters and policy.has_alternatives(area, kind) and any(
            duties[d].scope == "by_sector" for _, held, _ in named for d in held):
        out[SECTORLESS] = None
    if OWNER in policy.parameters and kind is not None \
            and policy.place_authority(area, kind, place_rank) != policy.kinds[(area, kind)].authority:
        out[OWNER] = None
    if at_place and PLACE_ABOVE in policy.parameters:
        out[PLACE_ABOVE] = None
    return tuple(out)


#: The record's fields a route does not read (:attr:`Route.unread`).
UNREAD = ("handled", "deadline", "rectified_on", "concealed_by")


def _may_dispose(policy: Policy, area: str, kind: str | None, place: int, level: int) -> bool:
    """Whether a level (rank) below the authority could dispose of a problem placed at rank ``place`` otherwise than
    by reporting it, as self_rectified_report_required decides: by rectifying it itself (it can, other than by
    pressing those below), or by passing it down to a lower level that can rectify it. A county registering a
    provincial policy gap can do neither, and its route does not rest on the parameter (review21 R21-11)."""
    return level in policy.own_rectifier_levels(area, kind, place) or any(
        place <= r < level for r in policy.rectifier_levels(area, kind, place))


def handling_at(policy: Policy, area: str, kind: str | None, at: int, sector: str | None = None,
                place: int | None = None) -> tuple[str, ...]:
    """The bodies of level rank ``at`` that pass a problem of ``kind`` on: its holders of the kind's handling
    stage there (those whose duty reaches a problem placed at rank ``place``, where any does), else every holder of
    the area at that level."""
    rank = policy.level_rank
    held = standing_holders(policy, area, kind, "handling", sector, place)
    ids = [b for b in held if b in policy.bodies and rank[policy.bodies[b].level] == at]
    if place is not None and ids:
        ids = [b for b in policy.reaching({b: held[b] for b in ids}, place, area, kind, "handling")] or ids
    if not ids:
        ids = [b for d in policy.duties if policy.duty_area[d] == area for b in policy.duties[d].holders
               if b in policy.bodies and rank[policy.bodies[b].level] == at]
    return tuple(sorted(dict.fromkeys(ids)))


def report_bodies(policy: Policy, area: str, kind: str | None, level: str,
                  sector: str | None = None, place: int | None = None) -> tuple[str, ...]:
    """Whom a level below the authority reports a problem to: the bodies of the next level up (一(三)
    及时向上级单位报送: the 上级单位; 三(二) 逐级传导压力) that pass it on in their turn (:func:`handling_at`); the
    nearest level above with any."""
    rank = policy.level_rank
    for up in sorted(r for r in rank.values() if r > rank[level]):
        ids = handling_at(policy, area, kind, up, sector, place)
        if ids:
            return ids
    return ()


@dataclass(frozen=True)
class Route:
    """Who must act on a problem now, and by when: what :meth:`responsibility.Policy.route` returns.

    >>> import responsibility
    >>> r = responsibility.load().route({"id": "p1", "area": "housing", "kind": "housing_renovation_late",
    ...     "place": "330127100219", "discovered": {"level": "township", "channel": "grid", "on": "2021-03-01"}})
    >>> r.authority, r.escalate, r.act_by.isoformat(), [b.body for b in r.report_to]
    ('county', True, '2021-03-11', ['county_construction', 'county_poverty_office'])
    """

    problem: str
    area: str
    kind: str | None
    place: str
    registering_level: str
    authority: str
    authority_place: str
    handlers: tuple[PlacedBody, ...]
    assignees: tuple[PlacedBody, ...]
    escalate: bool
    report_to: tuple[PlacedBody, ...]
    received: dt.date
    act_by: dt.date
    rectification_days: int
    rectify_by: dt.date
    #: The clauses of the duties behind the bodies it names (as a verdict cites them per finding).
    clauses: tuple[str, ...]
    #: What it rests on, by id, as a verdict's ``interpretations`` name them: the time limits, and what a verdict's
    #: findings on the bodies it names would rest on (:func:`route_rests_on`: duties read by interpretation, unresolved
    #: role bodies, parameters).
    rests_on: tuple[str, ...] = field(default=())
    names: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)
    #: The record's fields the route does not read, where it has them (``handled``, ``deadline``, ``rectified_on``,
    #: ``concealed_by``): a route is for a newly registered problem, from its discovery — the steps already taken, a
    #: deadline set, a rectification or a concealment are weighed by ``who_answers``, not here (probe9 P9-03).
    unread: tuple[str, ...] = ()
    #: What self_rectified_report_required (false) lets stand for the report upward, below the authority, as a
    #: verdict reads it: a pass-down in time to one of these bodies of a lower level that can rectify the kind (a
    #: township's find handed to its village, 二(二)1 村…对涉及本村扶贫领域具体问题的…整改工作负责); none where the
    #: parameter is true or no lower level can (a renovation: the village only 协助乡镇…危房改造, 二(六)4(1)), or
    #: where the route does not escalate (review29 #10, review30 #6b: the route said 须立即上报 where the verdict took
    #: a pass-down in time).
    pass_down_to: tuple[PlacedBody, ...] = ()
    #: Whether, by the same parameter, the registering level's own rectification in time would stand for the report
    #: (it can rectify the kind itself, other than by pressing those below).
    may_rectify: bool = False

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; bodies as ``{"body", "name", "place"}``."""

        def bodies(xs: tuple[PlacedBody, ...]) -> list[dict[str, str]]:
            return [{"body": b.body, "name": self.names.get(b.body, b.body), "place": b.code} for b in xs]

        return {
            "problem": self.problem, "area": self.area, "kind": self.kind, "place": self.place,
            "registering_level": self.registering_level, "authority": self.authority,
            "authority_place": self.authority_place, "handlers": bodies(self.handlers),
            "assignees": bodies(self.assignees), "escalate": self.escalate, "report_to": bodies(self.report_to),
            "received": self.received.isoformat(), "act_by": self.act_by.isoformat(),
            "rectification_days": self.rectification_days, "rectify_by": self.rectify_by.isoformat(),
            "clauses": list(self.clauses), "rests_on": list(self.rests_on), "unread": list(self.unread),
            "pass_down_to": bodies(self.pass_down_to), "may_rectify": self.may_rectify,
        }


def route(policy: Policy, problem: Problem | Mapping[str, Any], jurisdiction: Jurisdiction | None = None, *,
          level: str | None = None, today: dt.date | None = None) -> Route:
    """Who must act on ``problem`` now (a problem record, as ``who_answers`` takes).

    ``level`` is the level that registers it (default: the level that found it, else the
    authority). The days come from ``handling_time_limit_days`` (assign or report by) and
    ``rectification_time_limit_days`` (rectify within, when an assignment sets no deadline).
    Raises :class:`~responsibility.ProblemError` naming the field of a bad record.

    >>> import responsibility
    >>> from responsibility.engine._route import route
    >>> r = route(responsibility.load(), {"id": "p1", "area": "housing", "kind": "housing_renovation_late",
    ...     "place": "330127100219", "discovered": {"level": "township", "channel": "grid", "on": "2021-03-01"},
    ...     "as_of": "2021-03-01"})
    >>> r.authority, r.escalate, r.act_by.isoformat()
    ('county', True, '2021-03-11')
    """
    from ._decide import problem_day

    j = jurisdiction if jurisdiction is not None else Jurisdiction.example()
    policy = policy.at(problem_day(problem, today)) if policy.epochs else policy
    got = _route(policy, problem, j, level, today)
    # A bool parameter that switches a duty off (applies_if) decides the route wherever its other value would not
    # name a body it names to act: the route says so, as a verdict's finding on that body does (8a592ad; review29 #7:
    # a city's own problem offered to its 问题所属部门 under joint_guidance_every_line=false is every department's
    # under true).
    # Read by routing the record again under it, as a verdict is decided again.
    extra = []
    for param in policy.switches(got.area, got.kind):
        from ..policy._whatif import flipped

        other = _route(flipped(policy, param), problem, j, level, today)
        # a body the route names that the other value would not (the 问题所属部门 standing for one line, where the
        # joint reading names every department): as a verdict's finding on it links the parameter; or other clauses
        # behind the bodies it names, as a verdict links a finding made under the other value with other clauses
        # (the city's role receiving_level_body chose stands on 二(六)3(5)'s by-line duty, which the joint reading
        # gives each department instead: test_fidelity18's gap, fid43b)
        if any(not set(now) <= set(then) for now, then in zip(_acting(got), _acting(other), strict=True)) \
                or set(got.clauses) != set(other.clauses):
            extra.append(param)
    if not extra:
        return got
    from dataclasses import replace

    return replace(got, rests_on=tuple(dict.fromkeys((*got.rests_on, *extra))))


def _acting(r: Route) -> tuple[Any, ...]:
    """Who a route names to act: its handlers, where it reports, its assignees."""
    return (tuple(b.body for b in r.handlers), tuple(b.body for b in r.report_to), tuple(b.body for b in r.assignees))


def _route(policy: Policy, problem: Problem | Mapping[str, Any], j: Jurisdiction, level: str | None,
           today: dt.date | None) -> Route:
    """:func:`route` under ``policy`` (the view of the problem's day), without what the switches decide."""
    from .._errors import ProblemError

    p = parse_problem(problem, policy, j, today=today)
    rank = policy.level_rank
    code = parse_code(p.place)
    place_level = level_of(code)
    found = p.discovered
    # a body id names its department's line, as in a verdict; without a sector, the line of the department the record
    # names as its finder, as the verdict reads it (named_line; the route does not read the steps or concealers:
    # ``unread``) — a route of 县教育局's find rested on sectorless_alternatives where the verdict reads the education
    # line (review25 #5)
    place_rank = rank[level_of(parse_code(p.place))]
    line = p.sector if p.sector is not None else named_line(
        policy, {**p.__dict__, "handled": [], "concealed_by": []},
        policy.rectifier_levels(p.domain, p.kind, place_rank),
        policy.own_rectifier_levels(p.domain, p.kind, place_rank))
    sector = policy.sector_of(line)
    if level is not None:  # read as a record's level is (村, Village); "" is refused below, not "not given"
        level = ValueNames.of(policy).canonical("level", level.strip() if isinstance(level, str) else level)
    registering = level if level is not None else \
        (found.level if found else route_bodies(policy, p.domain, p.kind, place_level, sector).authority)
    if registering not in rank:
        from ..policy._loader import suggest

        raise ProblemError("level", f"unknown level {registering!r}; {suggest(registering, rank) or ''}".rstrip("; "),
                           record=p.id)
    if rank[registering] < rank[place_level]:
        raise ProblemError("level", f"a {registering} cannot register a problem located at a {place_level}",
                           record=p.id)
    plan = route_bodies(policy, p.domain, p.kind, place_level, sector)
    auth_level = plan.authority
    auth_place = ancestor_code(code, auth_level)

    def placed(ids: tuple[str, ...]) -> tuple[PlacedBody, ...]:
        return tuple(PlacedBody(b, ancestor_code(code, policy.bodies[b].level)) for b in ids)

    handlers, assignees = placed(plan.handlers), placed(plan.assignees)
    if rank[registering] != rank[auth_level]:
        # registered above the authority (a provincial audit's find of a county problem), the registering level's
        # bodies hold it and must assign it down by act_by; below it, they must report it up by then (一(四)
        # 对发现问题没有按程序及时交办和上报的; probe8 P8-08): they are the ones a verdict names if they do not
        handlers = placed(handling_at(policy, p.domain, p.kind, rank[registering], sector, rank[place_level])) \
            or handlers
    # the body of the registering level the record names as finder, unless it gives its level the problem (an audit
    # office, a discipline commission, the media, holding no part in its handling: _facts.gives_way, as the verdict
    # reads it; review27 #2 — the route listed 县扶贫办 beside 县建设部门 for a record naming 县审计 as finder)
    finder = found.body if found and found.body and found.level == registering and not named_gives_way(
        policy, p.domain, p.kind, registering, found.body, rank[place_level]) else None
    # a city or the province registering it through no such body: the body receiving_level_body gives (the role,
    # unresolved, once, or the record's line's department) passes it on, as a verdict names it if it does not (R22-2);
    # either value, the route rests on the parameter there
    receiver = receiving_body(policy, p.domain, p.kind, registering, line, rank[place_level]) \
        if RECEIVER in policy.parameters and finder is None else None
    if receiver is not None and policy.parameter(RECEIVER) == "unresolved":
        # (the role chosen for departments each holding its own part: each of them by sectorless_alternatives:
        # every_holder, as a verdict names them; review35b F4)
        handlers = placed(standing_for(policy, p.domain, p.kind, registering, receiver, "not_handled",
                                       rank[place_level]))
        # (the stand-in for the bodies whose own item the kind is together — 县（市、区）党委、政府, 二(六)1(4)
        # 干部联系 —: each of them, as a verdict names them; _facts.item_holders, check57 #5)
        items = item_holders(policy, p.domain, p.kind, registering, rank[place_level]) \
            if receiver == level_holders_unnamed(policy, registering) else ()
        if len(items) > 1:
            handlers, receiver = placed(items), items[0]
    # a named finder holds it and passes it on, as a verdict names it if it does not (一(四)
    # 对发现问题没有按程序及时交办和上报的); the kind's handlers named bodies that never had it (review24 #1: 587 of
    # 1,080 shapes named other bodies than the verdict)
    if finder is not None:
        handlers = placed((finder,))
    escalate = rank[registering] < rank[auth_level]
    # the one body that holds it (its finder, or receiving_level_body's), itself the kind's rectifier: whether sitting
    # on it is 没有按程序及时交办 or 整改不到位 is rectifier_holding's, as a verdict on it says (review27 #9)
    # — or, where that parameter chooses none, the level's one holder of the handling (_facts.sole_holder; check48a #2);
    # a record naming no line reads the holder's own (as the verdict does)
    holder = finder if finder is not None else receiver if receiver is not None and policy.parameter(
        RECEIVER) == "unresolved" else sole_holder(policy, p.domain, p.kind, registering, rank[place_level]) \
        if RECEIVER in policy.parameters else None
    own_work = OWN_WORK in policy.parameters and holder is not None and not escalate and holds_own_work(
        policy, p.domain, p.kind, holder, rank[place_level], line if line is not None else line_of(policy, holder))
    received = found.on if found else (p.as_of or today or dt.date.today())
    handling_days = int(policy.parameter("handling_time_limit_days"))
    rect_days = int(policy.parameter("rectification_time_limit_days"))
    act_by = received + dt.timedelta(days=handling_days)
    report_to = placed(report_bodies(policy, p.domain, p.kind, registering, sector, rank[place_level])) \
        if escalate else ()
    # The clauses of the duties that make the named bodies handle and rectify it, as a verdict cites them per finding
    # (the kind's whole list cited the other levels' clauses: a city's own funds problem cited 二(四)2–5, not the
    # 二(四)7 behind every city body named; review17c F5); the kind's list only where no named body holds a duty.
    # — each body's duties that reach the problem's place, as a verdict's finding on it reads them (a provincial office
    # handling a city-placed problem does so by 二(二)5 指导督促基层, not by its own level's 二(一)1(3)); all of them
    # where none does (a level's every holder of the area, named where the kind names no handler there)
    prank = rank[place_level]

    # An assignee the kind gives no rectification duty (the place's level's body that takes a house's renovation placed
    # at a city code) is given its part by its duty of another stage, as a verdict names it (review10 R10A-08).
    def behind_of(stages: tuple[Stage, ...], bodies: tuple[PlacedBody, ...]
                  ) -> tuple[tuple[str, tuple[str, ...], Stage], ...]:
        out = []
        for b in bodies:
            duties: tuple[str, ...] = ()
            stage: Stage = stages[0]
            for stage in stages:
                held = policy.stage_holders(p.domain, p.kind, stage, sector)
                if b.body in held:
                    duties = policy.reaching({b.body: held[b.body]}, prank, p.domain, p.kind, stage,
                                             own=True).get(b.body, ())  # its own part (review18c C1)
                    if duties:
                        break
            else:  # none reaches the place: the first stage's duties it holds
                stage = stages[0]
                duties = policy.stage_holders(p.domain, p.kind, stage, sector).get(b.body, ())
            out.append((b.body, duties, stage))
        return tuple(out)

    # A village or township handler of a kind that lists none of its duties (a housing policy gap: 二(二)1–2 come only
    # from the defaults every kind gets for handling) holds it on 一(四) and its level's own clauses of 未及时交办上报
    # (accountability.yaml clauses_at: 二(二)4 压实县乡村…及时上报责任), as a verdict's finding on it cites them
    # (engine/_decide Decider._held_only; review21 R21-10, session 33 note item 3: the route cited 二(二)1–2 there).
    kind_own = frozenset(d for st in STAGES for d in policy.kinds[(p.domain, p.kind)].stages.of(st)) if p.kind \
        else None
    late = policy.failures.get("not_handled")
    at_level: list[str] = []

    def held_only(rows: tuple[tuple[str, tuple[str, ...], Stage], ...]
                  ) -> tuple[tuple[str, tuple[str, ...], Stage], ...]:
        out = []
        for b, ds, st in rows:
            level = policy.bodies[b].level
            if policy.roles.get(level) is None:
                if kind_own is not None:
                    ds = tuple(d for d in ds if d in kind_own)
                if late is not None:
                    at_level.extend(late.clauses_at.get(b, late.clauses_at.get(level, ())))
            out.append((b, ds, st))
        return tuple(out)

    def tied(rows: tuple[tuple[str, tuple[str, ...], Stage], ...]) -> tuple[tuple[str, tuple[str, ...], Stage], ...]:
        # a city's or the province's department that passes it on with no handling duty of its own (receiving_level_body
        # chose it: 二(二)5 is the level's only handling tie) stands on the duties tying it to the kind's work, as a
        # verdict's finding on it does (二(六)5(6), 二(六)4(6): review41b D1)
        return tuple((b, ds or (tied_elsewhere(policy, p.domain, p.kind, prank, b, sector) if p.kind else ()), st)
                     for b, ds, st in rows)

    def own_part(rows: tuple[tuple[str, tuple[str, ...], Stage], ...]
                 ) -> tuple[tuple[str, tuple[str, ...], Stage], ...]:
        # a city's or the province's handler that is itself to rectify the problem (below no authority) stands on the
        # duty of the kind's area that makes it the rectifier too, as a verdict's finding on it cites it (市扶贫办
        # holding its city's own poverty assets: 二(四)7 beside 二(一)1(3); check44 #2)
        from ._decide import rectifying_duties

        return tuple((b, (mine if ds and not escalate and p.kind and holds_own_work(
            policy, p.domain, p.kind, b, prank, line_of(policy, b)) and (mine := rectifying_duties(
                policy, p.domain, p.kind, prank, b, ds, sector)) else ()) + ds, st) for b, ds, st in rows)

    named = (*held_only(own_part(tied(behind_of(("handling",), (*handlers, *report_to))))),
             *behind_of(("rectification", "handling", "discovery", "supervision"), assignees))
    duties = [d for _, ds, _ in named for d in ds]
    behind = [c for d in duties for c in (policy.duties[d].clause, *policy.duties[d].amended_by)] + at_level
    if not behind and p.kind:
        behind = list(policy.kinds[(p.domain, p.kind)].clauses)
    # and the clause amending a body it names, as a verdict's finding on the body cites it beside the original one
    # (the county rural revitalisation bureau holds the poverty office's duties by 示例2021(一); review20b R20-8)
    behind += [c for b, _, _ in named for c in policy.bodies[b].amended_by]
    order = {c: i for i, c in enumerate(policy.clauses)}  # the text's order, as a verdict lists them
    clauses = sorted(dict.fromkeys((*_handling_clauses(policy), *behind)), key=lambda c: order.get(c, len(order)))
    # below the authority, what self_rectified_report_required (false) lets stand for the report, as a verdict reads it
    lenient = escalate and SELF_RECTIFIED in policy.parameters and not policy.parameter(SELF_RECTIFIED)
    lower = {r for r in policy.rectifier_levels(p.domain, p.kind, prank) if prank <= r < rank[registering]} \
        if lenient else set()
    pass_down = tuple(b for b in assignees if rank[policy.bodies[b.body].level] in lower)
    may_rectify = lenient and rank[registering] in policy.own_rectifier_levels(p.domain, p.kind, prank)
    # an urban community's problem is routed as residents_committee_place places it, and shown at the record's own
    # place (review25 R25-11)
    own_place = residents_place(p) if RESIDENTS_PLACE in policy.parameters else None
    return Route(
        problem=p.id, area=p.domain, kind=p.kind, place=own_place or p.place, registering_level=registering,
        authority=auth_level, authority_place=auth_place, handlers=handlers, assignees=assignees,
        escalate=escalate, report_to=report_to, received=received, act_by=act_by,
        rectification_days=rect_days, rectify_by=act_by + dt.timedelta(days=rect_days),
        clauses=tuple(clauses),
        # Below the authority the level reports upward (一(三) 对超出本级权限的及时向上级单位报送问题); whether
        # rectifying the problem itself in time, or passing it down in time to a lower level that can, would do
        # instead is the parameter's, as in a verdict: the route says it rests on it.
        # — and what its bodies rest on, as a verdict's findings on them would (route_rests_on; review17c F5).
        rests_on=tuple(dict.fromkeys((
            "handling_time_limit_days", "rectification_time_limit_days",
            *((SELF_RECTIFIED,) if escalate and SELF_RECTIFIED in policy.parameters and _may_dispose(
                policy, p.domain, p.kind, prank, rank[registering]) else ()),
            # (not where both values name the same department: a city whose one holder only guides the grassroots,
            # as a verdict reads it — 31fab62, fid51)
            *((RECEIVER,) if receiver is not None and not (
                line is None and not keeps_lists(policy, registering)
                and guiding_receiver(policy, p.domain, p.kind, registering, rank[place_level]) == receiver) else ()),
            *((OWN_WORK,) if own_work else ()),
            *((RESIDENTS_PLACE,) if own_place is not None else ()),
            *route_rests_on(policy, p.domain, p.kind, prank, sector, named, plan.at_place)))),
        names={b: policy.bodies[b].name for b in policy.bodies},
        unread=tuple(f for f in UNREAD if getattr(p, f, None)),
        pass_down_to=pass_down, may_rectify=may_rectify,
    )
