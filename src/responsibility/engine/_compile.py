"""Compile a policy into accountability rules: one intermediate form, two engines.

The rules are generated from ``rules/`` alone: for every problem area, problem
kind, failure (from ``accountability.yaml``), level and liability, a :class:`Rule`
whose conditions test the facts of a problem (:mod:`._facts`) and whose holders
are the bodies whose duties the stage implicates. Both engines evaluate exactly
this list: the durable-rules engine translates each rule's conditions into its
JSON ruleset syntax, the compiled evaluator tests them in Python. Because both read
one list, they can only disagree through an engine defect, which the differential
tests look for.

Parameters (severity thresholds, supervision scope) are read at compile time, so
a rule set belongs to one policy version; ``Policy.version_key`` names it. An area's compile
reads only some of them, and the views that differ in others (what-ifs, a reading switched)
share its rules (:func:`area_rules`).
"""

from __future__ import annotations

import functools
import re
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from .._locks import ForkSafeLock
from ..policy._model import SEVERITIES, Stage
from ..policy._view import PolicyView

Op = Literal["==", "!=", "<", "<=", ">", ">="]

#: Fact types, each produced by ``_facts`` for one failure mechanism of 一(四). A failure
#: defined by a duty kind (main responsibility) reads the "main" fact, posted once the
#: other failures have been found.
FACT_OF_FAILURE: dict[str, str] = {
    "not_discovered": "found",
    "not_handled": "unhandled",
    "not_rectified": "unrectified",
    "concealed": "concealed",
    "supervision": "unrectified",
}
MAIN_FACT = "main"

_c_untrack: Callable[[Any, tuple[type, ...]], int] | None
try:  # engine/_dicts.c untrack, where the extension was built
    from ._dicts import untrack as _c_untrack
except ImportError:  # pragma: no cover - without a C compiler: all stays tracked, as any Python object
    _c_untrack = None

_Kept = TypeVar("_Kept")


def untracked(obj: _Kept, *types: type) -> _Kept:
    """``obj``, with it and what it holds no longer tracked by the garbage collector where none of it can be in a
    reference cycle (``engine/_dicts.c`` ``untrack``: exact tuples, frozensets and dicts, and instances of
    ``types``, holding only such objects, atomic values, classes, modules and their functions). What a decider keeps
    (its rules, forms and memo tuples) is then not walked by every full collection: a warm decider held ~100,000
    tracked objects, and a full collection of a warm process took 100–130 ms. Nothing is freed differently: an
    object goes when its last reference does. Without the C extension ``obj`` stays as it is."""
    if _c_untrack is not None:
        _c_untrack(obj, types)
    return obj


@dataclass(frozen=True, slots=True)
class Cond:
    """A test on one fact field: ``fact[field] <op> value``."""

    field: str
    op: Op
    value: int | str

    def __reduce__(self) -> tuple[Any, ...]:
        # (made again by the class's own __init__: the dataclass's __setstate__ for slots looks up its fields per
        # object, which made unpickling cached rules cost as much as compiling them)
        return Cond, (self.field, self.op, self.value)


@dataclass(frozen=True, slots=True)
class Holder:
    """A body a rule names, with the duties that make it answer."""

    body: str
    duties: tuple[str, ...]

    def __reduce__(self) -> tuple[Any, ...]:
        return Holder, (self.body, self.duties)


@dataclass(frozen=True, slots=True)
class Rule:
    """One generated accountability rule.

    ``holders`` is ``None`` for rules that name the body the fact carries (a record
    that says which body found, received or concealed the problem).
    """

    id: str
    area: str
    fact: str
    conds: tuple[Cond, ...]
    basis: str
    liability: str
    stage: Stage
    holders: tuple[Holder, ...] | None
    rests_on: tuple[str, ...]
    extra_clauses: tuple[str, ...] = ()

    def __reduce__(self) -> tuple[Any, ...]:
        return Rule, (self.id, self.area, self.fact, self.conds, self.basis, self.liability, self.stage, self.holders,
                      self.rests_on, self.extra_clauses)

    @property
    def kind(self) -> str:
        """The problem kind the rule is for (its ``kind`` condition; ``""``: any kind of its area).
        Both engines index their rules by it, so they read it here alike."""
        for c in self.conds:  # (a loop, not a generator: asked of every rule of an area when an engine indexes it)
            if c.field == "kind":
                return str(c.value)
        return ""


def severity_rank(severity: str) -> int:
    """1 for minor, 2 for serious, 3 for grave."""
    return SEVERITIES.index(severity) + 1


def _liability_conds(policy: PolicyView) -> list[tuple[str, tuple[Cond, ...], tuple[str, ...]]]:
    out: list[tuple[str, tuple[Cond, ...], tuple[str, ...]]] = []
    for lid, li in policy.liabilities.items():
        if li.from_parameter is None:
            out.append((lid, (), ()))
        else:
            rank = severity_rank(policy.parameter(li.from_parameter))
            out.append((lid, (Cond("sev", ">=", rank),), (li.from_parameter,)))
    return out


def _by_level(policy: PolicyView, holders: dict[str, tuple[str, ...]]) -> dict[int, tuple[Holder, ...]]:
    out: dict[int, list[Holder]] = {}
    for body, duties in sorted(holders.items()):
        out.setdefault(policy.level_rank[policy.bodies[body].level], []).append(Holder(body, duties))
    return {lv: tuple(hs) for lv, hs in sorted(out.items())}


def reaching(policy: PolicyView, holders: tuple[Holder, ...], place: int, area: str, kind: str | None,
             stage: Stage) -> tuple[Holder, ...]:
    """``holders`` (of ``stage`` for a problem of ``kind`` in ``area``) with only the duties that reach a problem
    placed at level rank ``place`` (:meth:`PolicyView.duty_reaches`); a holder left with none drops out."""
    out = []
    for h in holders:
        duties = tuple(d for d in h.duties if policy.duty_reaches(d, h.body, place, area, kind, stage))
        if duties:
            out.append(Holder(h.body, duties))
    return tuple(out)


def _place_split(policy: PolicyView, rank: int, holders: tuple[Holder, ...], area: str, kind: str | None,
                 stage: Stage) -> list[tuple[str, Cond, tuple[Holder, ...]]]:
    """The rules a level's ``holders`` (of ``stage``) give by the level of the problem's place: one, for a place at
    or below the level, when no duty's ``reach`` tells them apart; else one for a place at the level
    and one for a place below it (tag suffix, the place condition, the holders)."""
    own = reaching(policy, holders, rank, area, kind, stage)
    below = reaching(policy, holders, rank - 1, area, kind, stage)
    if own == below:
        return [("", Cond("prank", "<=", rank), holders)] if own else []
    return [(sfx, cond, hs) for sfx, cond, hs in (("own", Cond("prank", "==", rank), own),
                                                    ("below", Cond("prank", "<", rank), below)) if hs]


def supervision_holders(policy: PolicyView, area: str, kind: str | None
                        ) -> tuple[dict[str, tuple[str, ...]], dict[tuple[str, str], tuple[str, ...]]]:
    """Supervisors of rectification, widened by the principles of the area (谁审批谁监管…).

    Returns the holders and, for each (body, duty) a principle added, the principles that add it (empty: none
    widened the kind's supervisors).
    """
    holders = dict(policy.stage_holders(area, kind, "supervision"))
    added: dict[tuple[str, str], tuple[str, ...]] = {}
    for pr in policy.data.accountability.principles:
        if area not in pr.areas:
            continue
        # Whoever approved, managed or allocated what this kind of problem concerns: the duties
        # the kind implicates, not every approval in the area.
        for did in policy.implicated_duties(area, kind):
            if set(policy.duties[did].kinds) & set(pr.oversight_kinds):
                for body in policy.holders(did, area, kind):
                    if did not in holders.get(body, ()):
                        holders[body] = (*holders.get(body, ()), did)
                        added[(body, did)] = (pr.id,)
                    elif (body, did) in added and pr.id not in added[(body, did)]:
                        added[(body, did)] = (*added[(body, did)], pr.id)
    return holders, added


def _by_principles(holders: tuple[Holder, ...], added: Mapping[tuple[str, str], tuple[str, ...]]
                   ) -> list[tuple[tuple[str, ...], tuple[Holder, ...]]]:
    """``holders`` grouped by the principles that added one of their duties (:func:`supervision_holders`), those
    that no principle added first (with ``()``): a principle's clause and reading go with the bodies it made
    supervisors only, not with every supervisor of the kind (review18b D5)."""
    groups: dict[tuple[str, ...], list[Holder]] = {}
    for h in holders:
        by = tuple(dict.fromkeys(p for d in h.duties for p in added.get((h.body, d), ())))
        groups.setdefault(by, []).append(h)
    return sorted(((by, tuple(hs)) for by, hs in groups.items()), key=lambda x: bool(x[0]))


Liabilities = list[tuple[str, tuple[Cond, ...], tuple[str, ...]]]


def _emit(rules: list[Rule], policy: PolicyView, area: str, liabilities: Liabilities, kind: str | None, failure: str,
          tag: str, conds: tuple[Cond, ...], holders: tuple[Holder, ...] | None, rests: tuple[str, ...] = (),
          extra: tuple[str, ...] = ()) -> None:
    """Append one rule per liability that ``failure`` can give."""
    f = policy.failures[failure]
    base: tuple[Cond, ...] = (Cond("area", "==", area), Cond("kind", "==", kind or ""))
    if f.from_parameter is not None:
        base = (*base, Cond("sev", ">=", severity_rank(policy.parameter(f.from_parameter))))
    for lid, lconds, lrests in liabilities:
        if f.liabilities and lid not in f.liabilities:
            continue
        rules.append(Rule(
            id=f"{area}/{kind or '*'}/{failure}/{tag}/{lid}", area=area,
            fact=MAIN_FACT if f.duty_kind else FACT_OF_FAILURE[failure],
            conds=(*base, *conds, *lconds), basis=failure, liability=lid, stage=f.stage,
            holders=holders, rests_on=tuple(dict.fromkeys((*f.parameters, *rests, *lrests))),
            extra_clauses=extra))


#: The parameter that makes an outside channel's finding a miss of the finder's own level too.
SAME_LEVEL = "outside_channel_finder_level"
#: The parameter that says which supervising levels answer for an assignee's rectification.
SCOPE = "supervision_scope"
#: The parameter that makes a unit placed at a level (a school) miss what another body of its level found.
BELOW = "unit_below_own_level"
#: The parameter that makes the body one subject with a concealing body (PolicyView.knows_with) know the problem.
PARTNER_KNEW = "concealing_body_partner_knew"

#: The parameter that decides whether a level's Party committee and government answer as rectifiers of a problem
#: assigned to their level as a whole, beside its departments that rectify it, or press them (review21 R21-12).
LEADERS = "level_assignment_leaders"

_T = TypeVar("_T")


def _item(clause: str) -> str:
    """The item of the text a clause is a paragraph of: 二(六)4 for 二(六)4(5); a clause with no numbered paragraph is
    its own item."""
    return re.sub(r"\(\d+\)$", "", clause) if re.search(r"\d\(\d+\)$", clause) else clause


def level_leaders(policy: PolicyView, area: str, rank: int, holders: tuple[Holder, ...]) -> frozenset[str]:
    """Of a level's rectifiers (``holders``) of a problem assigned to the level as a whole, its Party committee and
    government (the holders of main responsibility there, 二(一)1) where the level has departments (a role body)
    and the text gives the work to a department of the level in the same item as theirs (二(六)4(3)–(4) 县建设部门…,
    beside 二(六)4(5) 县党委、政府…组织做好…治理改造工作; 二(六)1(3) beside 二(六)1(4)): whether they answer as its
    rectifiers beside that department, or press it, is level_assignment_leaders'. Where their duty is a work the
    text gives them alone (二(二)4 健全问题发现办法和整改机制) they stay its rectifiers (R21-12)."""
    level = policy.rank_level.get(rank)
    if LEADERS not in policy.parameters or level is None or level not in policy.roles:
        return frozenset()
    main = next((f.duty_kind for f in policy.failures.values() if f.duty_kind), None)
    if main is None:
        return frozenset()
    own, general = _main_holders(policy, area, main)
    heads = {b for b in (*own, *general) if policy.bodies[b].level == level}
    items = {_item(policy.duties[d].clause) for h in holders if h.body not in heads for d in h.duties}
    return frozenset(h.body for h in holders if h.body in heads and h.duties
                     and all(_item(policy.duties[d].clause) in items for d in h.duties))


#: The choice of supervision_scope under which a level above the assignee that is not grassroots presses only where the
#: record shows it had the problem (:func:`shown_field`).
SHOWN_SCOPE = "own_and_shown_above"


def shown_field(rank: int) -> str:
    """The field of an ``unrectified`` fact that says the record shows the level of rank ``rank`` (one not marked
    grassroots in rules/vocabulary.yaml, above the fact's level) had the problem: 1 or 0 (:mod:`._facts`). Every such
    fact carries one per such level, 0 under any choice of supervision_scope but own_and_shown_above."""
    return f"shown{rank}"


def shown_ranks(policy: PolicyView) -> tuple[int, ...]:
    """The ranks of the levels whose pressing a record must show under own_and_shown_above: those not marked
    grassroots (基层; the city, the province), in rank order."""
    return tuple(sorted(r for r in policy.level_rank.values() if r not in policy.grassroots))


def _supervising_levels(levels: list[tuple[int, _T]], assignee: int, scope: str,
                        grassroots: frozenset[int] = frozenset()) -> list[tuple[int, _T, tuple[Cond, ...]]]:
    """Of the supervising ``levels`` (rank, holders) at or above the assignee's, those that answer, each with the
    conditions on the fact under which it does (none: always).

    ``own_and_level_above`` (一级抓一级): the assignee's own level and the nearest level strictly
    above it; ``next_level``: the nearest level at or above it; ``all_levels``: every one; ``none``: no
    level (a supervising duty is read as no ground of 一(四)'s accountability of its own).
    ``own_and_shown_above``: the assignee's own level and the nearest level above it that is grassroots
    (``grassroots``: its ranks; a township over its village, 二(二)2 对涉及本乡镇…具体问题的发现和整改工作负责) or
    that the record shows had the problem (:func:`shown_field`): a city or province presses only what it was shown
    (一(一) 以县为主体; it need not know a county's specific problems), and the nearest such level only.
    """
    if scope == "none":
        return []
    if scope == "all_levels":
        return [(r, hs, ()) for r, hs in levels]
    if scope == "next_level":
        return [(r, hs, ()) for r, hs in levels[:1]]
    own: list[tuple[int, _T, tuple[Cond, ...]]] = [(r, hs, ()) for r, hs in levels if r == assignee]
    above = [(r, hs) for r, hs in levels if r > assignee]
    if scope != SHOWN_SCOPE:
        return own + [(r, hs, ()) for r, hs in above[:1]]
    # each level above in turn: a grassroots one presses where no level passed over was shown (and ends the search);
    # another where it was shown and none passed over was
    unshown: tuple[Cond, ...] = ()
    for r, hs in above:
        if r in grassroots:
            own.append((r, hs, unshown))
            break
        own.append((r, hs, (*unshown, Cond(shown_field(r), "==", 1))))
        unshown = (*unshown, Cond(shown_field(r), "==", 0))
    return own


def _peers(policy: PolicyView, holders: tuple[Holder, ...]) -> tuple[Holder, ...]:
    """``holders`` as supervisors of an assignee of their own level: not those that press only through duties that
    press those below (:meth:`~responsibility.policy._view.PolicyView.presses_below`), and the others through their
    other duties only — a finding pressing a peer does not cite or quote 二(二)5 指导督促基层 (probe8 P8-13); a duty
    that reaches below for the funds it concerns (二(四)3 乡、村两级使用的…审核) is no guidance duty."""
    out = []
    for h in holders:
        duties = tuple(d for d in h.duties if not policy.presses_below(d))
        if duties:
            out.append(Holder(h.body, duties))
    return tuple(out)


def _main_holders(policy: PolicyView, area: str, duty_kind: str) -> tuple[dict[str, tuple[str, ...]],
                                                                        dict[str, tuple[str, ...]]]:
    """Holders of ``duty_kind`` duties: the area's own, and the general areas' at the other levels (kept per view:
    :func:`level_leaders` asks it for every rule of a rectification, ~130 times an area; the callers only read it)."""
    kept: dict[tuple[str, str], tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]] = \
        policy._memo("main holders", dict)
    got = kept.get((area, duty_kind))
    if got is None:
        got = kept[(area, duty_kind)] = _find_main_holders(policy, area, duty_kind)
    return got


def _find_main_holders(policy: PolicyView, area: str, duty_kind: str) -> tuple[dict[str, tuple[str, ...]],
                                                                             dict[str, tuple[str, ...]]]:
    own: dict[str, tuple[str, ...]] = {}
    for did in policy.duties_of_kind(area, duty_kind):
        if not policy.duty_applies(did):
            continue
        for body in policy.holders(did, area):
            own[body] = (*own.get(body, ()), did)
    levels = {policy.bodies[b].level for b in own}
    general: dict[str, tuple[str, ...]] = {}
    for g in policy.data.areas:
        if g.problems:
            continue
        for did in policy.duties_of_kind(g.id, duty_kind):
            if not policy.duty_applies(did):
                continue
            for body in policy.holders(did, g.id):
                if policy.bodies[body].level not in levels:
                    general[body] = (*general.get(body, ()), did)
    return own, general


def _within_authority(policy: PolicyView, area: str, kind: str | None, rank: int, place: int,
                      holders: tuple[Holder, ...]) -> tuple[Holder, ...]:
    """``holders`` of main responsibility at level rank ``rank`` with the duties they answer through for a problem of
    ``kind`` placed at level rank ``place``: a duty marked ``within_authority`` (二(一)1 at the province and the city,
    for their own work, 二(一)1(2)) only where the problem is within their level's authority
    (:meth:`PolicyView.authority`: a county's specific problem is the county's, 二(一)1(1); review25 R25-2); a twin of
    such a duty (the same words, under an ``applies_if`` parameter) adds nothing where the duty holds. A problem
    placed at the level itself is its own work too (a city's own funds, 二(四)7 落实本级财政扶贫资金)."""
    own = place == rank or policy.level_rank[policy.authority(area, kind, place)] == rank
    out = []
    for h in holders:
        duties = tuple(d for d in h.duties if own or not policy.duties[d].within_authority)
        inside = {(policy.duties[d].quote, policy.duties[d].clause) for d in duties
                  if policy.duties[d].within_authority}
        duties = tuple(d for d in duties if policy.duties[d].applies_if is None
                       or (policy.duties[d].quote, policy.duties[d].clause) not in inside)
        if duties:
            out.append(Holder(h.body, duties))
    return tuple(out)


def compile_rules(policy: PolicyView, areas: Iterable[str] | None = None) -> dict[str, tuple[Rule, ...]]:
    """Every accountability rule of ``policy``, grouped by problem area (only ``areas`` if given)."""
    all_liabilities = _liability_conds(policy)
    same_level = bool(policy.parameter(SAME_LEVEL)) if SAME_LEVEL in policy.parameters else False
    scope = policy.parameter(SCOPE) if SCOPE in policy.parameters else "next_level"
    units_below = bool(policy.parameter(BELOW)) if BELOW in policy.parameters else False
    leaders_press = LEADERS in policy.parameters and policy.parameter(LEADERS) == "press"
    failures = policy.failures
    out: dict[str, tuple[Rule, ...]] = {}
    for area in policy.problem_areas if areas is None else areas:
        rules: list[Rule] = []
        principle_ids = tuple(p.id for p in policy.data.accountability.principles if area in p.areas)
        principle_clauses = tuple(p.clause for p in policy.data.accountability.principles if area in p.areas)
        kinds: list[str | None] = [None, *sorted(k for a, k in policy.kinds if a == area)]

        add = functools.partial(_emit, rules, policy, area, all_liabilities)

        for kind in kinds:
            for failure in ("not_discovered", "not_handled", "not_rectified", "concealed"):
                if failure not in failures:
                    continue
                stage = failures[failure].stage
                by_level = _by_level(policy, policy.stage_holders(area, kind, stage))
                fact = FACT_OF_FAILURE[failure]
                for rank, all_holders in by_level.items():
                    level_test = Cond("frank", ">", rank) if failure == "not_discovered" else Cond("lvl", "==", rank)
                    for sfx, at, holders in _place_split(policy, rank, all_holders, area, kind, stage):
                        conds: tuple[Cond, ...] = (level_test, at)
                        if fact != "found":
                            conds = (*conds, Cond("body", "==", ""))
                        heads = level_leaders(policy, area, rank, holders) if failure == "not_rectified" \
                            else frozenset()
                        if heads:
                            # assigned to the level as a whole: its departments that rectify it answer; its Party
                            # committee and government answer beside them only by level_assignment_leaders (rectify),
                            # else they press them (二(二)4), a supervision rule below (R21-12)
                            add(kind, failure, f"L{rank}{sfx}", conds, tuple(h for h in holders if h.body not in heads))
                            if not leaders_press:
                                add(kind, failure, f"L{rank}{sfx}lead", conds,
                                    tuple(h for h in holders if h.body in heads), (LEADERS,))
                            continue
                        add(kind, failure, f"L{rank}{sfx}", conds, holders)
                        if failure == "not_discovered" and same_level:
                            # the finder's own level missed it too, but not the body the record names as the one
                            # that found it (it did find it, through that channel; probe8 P8-17)
                            for h in holders:
                                add(kind, failure, f"L{rank}{sfx}outside_{h.body}",
                                    (Cond("frank", "==", rank), Cond("outside", "==", 1), Cond("fbody", "!=", h.body),
                                     at), (h,), (SAME_LEVEL,))
                        if failure == "not_discovered" and units_below:
                            # a school sits below the county's bureaus: it missed what another body of its
                            # level found (二(六)2(1) 学校认定, then 二(六)2(2) 县教育局…审核)
                            for h in holders:
                                if policy.bodies[h.body].kind in failures[failure].below_own_level:
                                    add(kind, failure, f"L{rank}{sfx}unit_{h.body}",
                                        (Cond("frank", "==", rank), Cond("fbody", "!=", h.body), at), (h,), (BELOW,))
                if fact != "found":
                    add(kind, failure, "named", (Cond("body", "!=", ""),), None)
            if "supervision" in failures:
                sup, added = supervision_holders(policy, area, kind)
                by_level = _by_level(policy, sup)
                rectifiers = policy.stage_holders(area, kind, "rectification")
                clause_of = dict(zip(principle_ids, principle_clauses, strict=True))
                ranks = sorted(policy.level_rank.values())
                for assignee in ranks:
                    # Supervisors at the assignee's own level count too (the county Party committee
                    # and government press the county's departments, 二(二)4), but not the assignee:
                    # the level's rectifiers when the record names no body, else the named body
                    # (left out when the findings are placed).
                    for named in (False, True):
                        # Who answers depends on the level of the problem's place only through the
                        # duties' reach (指导督促基层: not a problem of the supervisor's own level).
                        by_place: dict[int, list[tuple[int, tuple[Holder, ...], tuple[Cond, ...]]]] = {}
                        heads_at: dict[int, frozenset[str]] = {}
                        for place in (p for p in ranks if p <= assignee):
                            levels: list[tuple[int, tuple[Holder, ...]]] = []
                            # the level's rectifiers of a problem placed there (reach counted: the county finance
                            # bureau does not rectify county funds it does not review, so it may press them; R9A-7)
                            rect_here = policy.reaching(rectifiers, place, area, kind, "rectification")
                            # (the Party committee and government of a level assigned it as a whole press its
                            # departments by level_assignment_leaders: press; R21-12)
                            heads = level_leaders(policy, area, assignee, tuple(
                                Holder(b, ds) for b, ds in rect_here.items()
                                if policy.level_rank[policy.bodies[b].level] == assignee)) \
                                if leaders_press and not named else frozenset()
                            heads_at[place] = heads
                            for rank, hs in by_level.items():
                                keep = hs if rank > assignee or named else \
                                    tuple(h for h in hs if h.body not in rect_here or h.body in heads)
                                if rank >= place:
                                    keep = reaching(policy, keep, place, area, kind, "supervision")
                                if rank == assignee:
                                    keep = _peers(policy, keep)
                                if rank >= assignee and keep:
                                    levels.append((rank, keep))
                            # A level none of whose bodies can rectify this kind of problem (a provincial
                            # rule assigned to a county) has no rectification for anyone to press: the
                            # wrong assignment is the assigner's failure to report it (一(三)).
                            able = named or assignee in policy.rectifier_levels(area, kind, place)
                            by_place[place] = _supervising_levels(levels, assignee, scope, policy.grassroots) \
                                if able else []
                        same = len({tuple(c) for c in by_place.values()}) == 1
                        for place, chosen in by_place.items():
                            for rank, all_hs, shown in chosen:
                                tag = f"A{assignee}{'N' if named else ''}L{rank}{'' if same else f'p{place}'}"
                                at = Cond("prank", "<=", rank) if same else Cond("prank", "==", place)
                                lead = heads_at[place] if rank == assignee else frozenset()
                                for part, sub in (("", tuple(h for h in all_hs if h.body not in lead)),
                                                  ("lead", tuple(h for h in all_hs if h.body in lead))):
                                    for by, hs in _by_principles(sub, added) if sub else ():
                                        add(kind, "supervision", f"{tag}{part}{''.join(f'+{p}' for p in by)}",
                                            (Cond("lvl", "==", assignee), Cond("body", "!=" if named else "==", ""),
                                             at, *shown), hs, (*by, *((LEADERS,) if part else ())),
                                            tuple(dict.fromkeys(clause_of[p] for p in by)))
                            if same:
                                break
            for fid, f in failures.items():
                if f.duty_kind is None:
                    continue
                # Main responsibility for a failure at level L lies with the Party committee and
                # government of the lowest level at or above L that bears it: the area's own
                # holders first (县级党委政府 for 当地 work), else the general ones (各级党委政府, 二(一)1).
                # The area's own holders answer for failures at their level and below it (县级…对当地…
                # 负主体责任); the general holders (各级党委政府, the township's included) for failures at or
                # below their level that no lower level's holders take.
                own, general = (_by_level(policy, x) for x in _main_holders(policy, area, f.duty_kind))
                below = 0
                for rank in sorted({*own, *general}):
                    holders = own.get(rank) or general[rank]
                    start = 0 if rank in own and rank == min(own) else below
                    failing = (Cond("lvl", ">", start), Cond("lvl", "<=", rank))
                    main_at = {p: _within_authority(policy, area, kind, rank, p, holders)
                               for p in sorted(policy.level_rank.values()) if p <= rank}
                    if len(set(main_at.values())) == 1:
                        if main_at[rank]:
                            add(kind, fid, f"L{rank}", (*failing, Cond("prank", "<=", rank)), main_at[rank])
                    else:
                        # the province's and city's 二(一)1 for their own work only (within_authority): a rule per
                        # place's level, as the problem's authority there decides (review25 R25-2)
                        for p, main_hs in main_at.items():
                            if main_hs:
                                add(kind, fid, f"L{rank}p{p}", (*failing, Cond("prank", "==", p)), main_hs)
                    below = rank
        out[area] = tuple(rules)
    return out


class RulesByArea(Mapping[str, tuple[Rule, ...]]):
    """:func:`compile_rules` as a mapping that compiles an area on first access (:func:`area_rules`: rules another
    view made alike are shared): a decision compiles only its own area's rules (most of what a cold start spent on
    rules). Thread-safe: two threads compiling one area make equal rules, and either result is kept."""

    def __init__(self, policy: PolicyView) -> None:
        self._policy = policy
        self._areas = policy.problem_areas
        self._done: dict[str, tuple[Rule, ...]] = {}
        #: What keeps each area's rules shared with other views while this view holds them (:data:`_SHARED`).
        self._kept: dict[str, _Made] = {}

    def __getitem__(self, area: str) -> tuple[Rule, ...]:
        got = self._done.get(area)
        if got is None:
            if area not in self._areas:
                raise KeyError(area)
            rules, made = _area_rules(self._policy, area)
            if made is not None:
                self._kept.setdefault(area, made)
            got = self._done.setdefault(area, rules)
        return got

    def __iter__(self) -> Iterator[str]:
        return iter(self._areas)

    def __len__(self) -> int:
        return len(self._areas)


# ------------------------------------------------------------------ rules shared between views

@dataclass(frozen=True, slots=True, weakref_slot=True)
class _Made:
    """An area's rules as compiled under the values ``values`` (each with its type: ``True`` is no ``1``) of the
    parameters ``reads``, the only ones the compile read (:func:`responsibility.policy._view.recording`)."""

    reads: tuple[str, ...]
    values: tuple[tuple[type, Any], ...]
    rules: tuple[Rule, ...]


#: Rules compiled in this process, by what they depend on besides parameters (:func:`_structure`: the data's parts
#: but its parameters, the parameters but their values, the view's day, the area), each with the parameters its
#: compile read and their values. A what-if view (``with_parameters``) or a view with a reading switched
#: (``policy/_whatif.flipped``, engine/_decide: every decision reads the readings the text leaves open again) changes
#: one parameter or a few, most of which no area's rules read: test_fidelity19 compiled 742 rule sets of 204 distinct.
#: A rule set is kept while a view holds it (:class:`RulesByArea`) and, besides, while it is one of the
#: :data:`SHARED_KEEP` made or taken last (:data:`_RECENT`): sharing keeps nothing alive that no view would hold, but
#: the last few (an area's rules are ~0.3–0.5 MB).
_SHARED: dict[tuple[Any, ...], tuple[tuple[Any, ...], list[weakref.ref[_Made]]]] = {}
_RECENT: OrderedDict[int, _Made] = OrderedDict()
SHARED_KEEP = 64
_SHARED_LOCK = ForkSafeLock()
#: How often :func:`area_rules` found an area's rules shared, and compiled them (for tests and measurements).
SHARED_STATS = {"hits": 0, "compiled": 0}


def _values(policy: PolicyView, reads: tuple[str, ...]) -> tuple[tuple[type, Any], ...] | None:
    """``policy``'s values of the parameters ``reads``, each with its type; ``None`` where one is not in force."""
    params = policy.parameters
    out = []
    for pid in reads:
        p = params.get(pid)
        if p is None:
            return None
        out.append((type(p.value), p.value))
    return tuple(out)


def _structure(policy: PolicyView, area: str) -> tuple[Any, ...]:
    """What ``area``'s rules under ``policy`` depend on besides the parameters' values: the identity of each part of
    its data but the parameters (a what-if view's data is a copy with new parameters: its other parts are the same
    objects; the key holds them, so their ids are not reused while it is kept), the parameters without their values
    (their ids, types, choices, dates…, as text), the view's day and the area."""
    got: tuple[Any, ...] | None = policy.__dict__.get("_rules_structure")
    if got is None:
        data = policy.data
        parts = tuple((k, v) for k, v in vars(data).items() if k != "parameters")
        params = repr([(type(p).__name__, [(k, v) for k, v in vars(p).items() if k != "value"])
                       for p in data.parameters])
        got = policy.__dict__.setdefault("_rules_structure", (
            type(data), tuple((k, id(v)) for k, v in parts), params, policy.as_of, parts))
    return (*got[:4], area, got[4])


def _shared_rules(key: tuple[Any, ...], policy: PolicyView) -> _Made | None:
    """The rules kept under ``key`` (:func:`_structure`) whose parameters read have ``policy``'s values, or ``None``."""
    with _SHARED_LOCK:
        entry = _SHARED.get(key[:-1])
        made = [m for ref in entry[1] if (m := ref()) is not None] if entry is not None else []
    for m in made:
        if _values(policy, m.reads) == m.values:
            _recent(m)
            return m
    return None


def _recent(made: _Made) -> None:
    """Keep ``made`` among the :data:`SHARED_KEEP` rule sets made or taken last."""
    with _SHARED_LOCK:
        _RECENT[id(made)] = made
        _RECENT.move_to_end(id(made))
        while len(_RECENT) > SHARED_KEEP:
            _RECENT.popitem(last=False)


def _keep_shared(key: tuple[Any, ...], made: _Made) -> _Made:
    """Keep ``made`` under ``key`` (:func:`_structure`; with the data's parts it names, while any rule set under it
    lives); what is kept: another thread's, made alike, where it kept it first."""
    with _SHARED_LOCK:
        entry = _SHARED.get(key[:-1])
        if entry is None:
            entry = _SHARED[key[:-1]] = (key[-1], [])
        live = [m for ref in entry[1] if (m := ref()) is not None]
        got = next((m for m in live if m.reads == made.reads and m.values == made.values), None)
        if got is None:
            got = made
            live.append(made)
        entry[1][:] = [weakref.ref(m) for m in live]
        if len(_SHARED) > 4 * SHARED_KEEP:  # (the keys whose rule sets no view holds any more, with their parts)
            for k in [k for k, (_, refs) in _SHARED.items() if all(ref() is None for ref in refs)]:
                del _SHARED[k]
    _recent(got)
    return got


def area_rules(policy: PolicyView, area: str) -> tuple[Rule, ...]:
    """``area``'s rules under ``policy`` (:func:`_area_rules`)."""
    return _area_rules(policy, area)[0]


def _area_rules(policy: PolicyView, area: str) -> tuple[tuple[Rule, ...], _Made | None]:
    """``area``'s rules under ``policy``, with what shares them (held with them: :data:`_SHARED`): as another view
    whose compile read the same parameters' values made or read them in this process, else from the per-user cache
    (:func:`rules_key`), else compiled; a view with a key in the cache then keeps them there where they are not yet,
    shared or compiled, with the parameters read and their values and their index (:func:`save_rules`).

    A compile reads a fresh twin of ``policy`` that notes every parameter whose value it gives out
    (:func:`responsibility.policy._view.recording`): nothing the view derived before (its memos) goes in unnoted, and a
    value reached otherwise than by its id counts as every parameter read. The rules are kept with those parameters
    and values, and another view of the same data but for its parameters' values (:func:`_structure`) takes them
    where it has the same values of those: a rule set depends on nothing else, so it is the one a compile would make.
    """
    key = _structure(policy, area)
    # Another view's, where its compile read this one's values: a switched reading's view (engine/_decide, the batch's
    # referred records: ~5 views a record) of rules no reading changes was read from the cache for each view, its own
    # entry unpickled (~3 ms an area) only to be dropped for the rules shared already (:func:`_keep_shared`).
    made = _shared_rules(key, policy)
    if made is not None:
        SHARED_STATS["hits"] += 1
        disk = rules_key(policy, area)
        if disk is not None and not _entry_sound(disk):  # (kept for a process where this view reads them first)
            save_rules(disk, made.rules, made, _keep_index(made.rules))
        return made.rules, made
    disk = rules_key(policy, area)
    if disk is not None:
        saved = _saved(disk, area)
        if saved is not None:
            # (untracked: immutable rules of strings and tuples; :func:`untracked`)
            rules, made, index = untracked(saved[0], Rule, Cond, Holder), saved[1], saved[2]
            if made is not None and _values(policy, made.reads) == made.values:
                # shared from now on with the views that read the same values (a what-if of a policy whose rules came
                # from the cache)
                made = _keep_shared(key, _Made(made.reads, made.values, rules))
                rules = made.rules
            else:
                made = None
            if index is not None and rules is saved[0]:  # (not where another thread's rules were shared first)
                _keep_index(rules, index)
            return rules, made
    from ..policy._view import recording

    twin, reads = recording(policy)
    rules = untracked(shared(compile_rules(twin, [area])[area]), Rule, Cond, Holder)
    SHARED_STATS["compiled"] += 1
    ids = tuple(sorted(reads.ids))
    values = _values(policy, ids)
    # (not kept where the compile read the parameters past their ids — then any of them, in force or not, may
    # count — or, which cannot be, read one that is not in force)
    if not reads.every and values is not None:
        made = _keep_shared(key, _Made(ids, values, rules))
        rules = made.rules
    if disk is not None:
        save_rules(disk, rules, made, _keep_index(rules))
    return rules, made


def _keep_index(rules: tuple[Rule, ...], index: Any = None) -> Any:
    """The compiled engine's index of ``rules`` (``_engine_compiled.CompiledEngine._index``), built where not given
    (``index``: read with the rules from the cache), kept for its engines: read from the cache, an area's rules and
    their index unpickle in ~60% of the time the rules alone and the index built from them took (a batch's first
    referred record in an area, a cold ``responsibility who``)."""
    from ._engine_compiled import _INDEXES, CompiledEngine, keep_index

    if index is None:
        kept = _INDEXES.get(id(rules))
        if kept is not None and kept[0] is rules:
            return kept[1]
        index = CompiledEngine._indexed(rules)
    else:
        index = untracked(index, Rule, Cond, Holder)
    return keep_index(rules, index)


#: The kind and format of an area's rules kept in the per-user cache (policy/_cache.read_entry), and how many such
#: entries are kept: one per policy view and area. A single decision reads its area's rules under the policy and under
#: each reading it decides the record again (engine/_decide.switched_rests: ~5 views); compiling them was a third of a
#: cold ``responsibility who`` (~0.08 of ~0.3 CPU s), reading them back is ~4 ms a view. Records of every area under
#: the shipped rules need ~125 entries (suite38: with 96 kept, each was dropped before it was asked for again, and a
#: second process found none of them; with room for them all its warm-up fell from ~4.5 to ~2.7 CPU s), and an
#: amended policy's periods as many again each: 384 (~200 kB an entry with its index, ~75 MB at most) keeps three such
#: sets.
RULES_KIND = "rules"
RULES_FORMAT = 3  # (2: with the parameters the compile read and their values, :class:`_Made`; 3: with its index)
RULES_KEEP = 384

_ENGINE_CODE: list[bytes] = []


def _engine_digest() -> bytes:
    """A hash of this wing's source (``engine/*.py``), made once per process; ``OSError`` where it cannot be read
    (a sourceless install: then no rules are cached). The policy's key already holds ``policy/``'s and ``chain/``'s."""
    if not _ENGINE_CODE:
        import hashlib
        from pathlib import Path

        h = hashlib.sha256()
        for path in sorted(Path(__file__).resolve().parent.glob("*.py")):
            h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        _ENGINE_CODE.append(h.digest())
    return _ENGINE_CODE[0]


def rules_key(policy: PolicyView, area: str) -> str | None:
    """The cache key of ``area``'s rules under ``policy``, or ``None`` (the cache off, or data not read from or written
    to it, nor derived from such data by a known step: :func:`responsibility.policy._cache.content_key`). It hashes the
    data's key (its files and the code that read them), the day the view is of, the area and this wing's code."""
    from ..policy import _cache

    if not _cache.enabled():
        return None
    base = _cache.content_key(policy.data)
    if base is None:
        return None
    try:
        code = _engine_digest()
    except OSError:
        return None
    import hashlib

    h = hashlib.sha256(f"{RULES_FORMAT}\0{base}\0{policy.as_of}\0{area}\0".encode())
    h.update(code)
    return h.hexdigest()


def _entry_sound(key: str) -> bool:
    """Whether the cache holds a sound entry of rules under ``key`` (policy/_cache.entry_sound: where it lies, its key,
    format and digest), without unpickling what it holds (~2 ms an area: what sharing saves). A damaged one is then
    written again by a view that shares its rules, as by one that reads it."""
    from ..policy import _cache

    return _cache.entry_sound(RULES_KIND, key, RULES_FORMAT)


def saved_rules(key: str, area: str) -> tuple[Rule, ...] | None:
    """The rules kept under ``key`` (:func:`rules_key`), or ``None``: no entry, or one that is not ``area``'s rules
    (:func:`responsibility.policy._cache.read_entry` has checked where it lies, its key, format and digest)."""
    got = _saved(key, area)
    return None if got is None else got[0]


def _saved(key: str, area: str) -> tuple[tuple[Rule, ...], _Made | None, Any] | None:
    """:func:`saved_rules`, with the parameters their compile read and their values where it kept them, and the
    compiled engine's index of them (``None`` where the entry holds none)."""
    from ..policy import _cache

    got = _cache.read_entry(RULES_KIND, key, RULES_FORMAT)
    if type(got) is not tuple or len(got) != 4:
        return None
    reads, values, rules, index = got
    if type(rules) is not tuple or not all(type(r) is Rule and r.area == area for r in rules):
        return None
    if type(index) is not dict:
        index = None
    if type(reads) is tuple and all(type(r) is str for r in reads) and type(values) is tuple \
            and len(values) == len(reads) and all(type(v) is tuple and len(v) == 2 for v in values):
        return rules, _Made(reads, values, rules), index
    return rules, None, index


def shared(rules: tuple[Rule, ...]) -> tuple[Rule, ...]:
    """``rules`` with each equal condition, holder and tuple of them one object (a rule's conditions repeat the area's
    and kind's): kept so, an area's ~950 rules hold ~1,100 such objects, not ~9,000, and unpickle as fast; an engine
    indexing them reads each tuple of conditions once (``_engine_compiled.CompiledEngine._index``)."""
    canon: dict[Any, Any] = {}

    def one(x: _Kept) -> _Kept:
        got: _Kept = canon.setdefault(x, x)
        return got

    return tuple(Rule(r.id, r.area, r.fact, one(tuple(one(c) for c in r.conds)), r.basis, r.liability, r.stage,
                      None if r.holders is None else one(tuple(one(h) for h in r.holders)), one(r.rests_on),
                      one(r.extra_clauses)) for r in rules)


def save_rules(key: str, rules: tuple[Rule, ...], made: _Made | None = None, index: Any = None) -> None:
    """Keep ``rules`` (:func:`shared`'s: what is shared is stored once) under ``key`` (:func:`rules_key`), with the
    parameters their compile read and their values (``made``'s; none: not to be shared, :func:`area_rules`) and the
    compiled engine's ``index`` of them (pickled with them: it holds the same rules, stored once)."""
    from ..policy import _cache

    kept = (made.reads, made.values, rules, index) if made is not None else (None, None, rules, index)
    _cache.write_entry(RULES_KIND, key, RULES_FORMAT, kept, RULES_KEEP)
