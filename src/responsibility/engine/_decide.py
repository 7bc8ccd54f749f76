"""Deciding one problem: parse, derive facts, fire the rules, place the findings.

:class:`Decider` holds one policy's compiled rules and its engines. The engine
only says which rules fired on which facts; everything after that (placing bodies
on the jurisdiction, merging, ordering, reasons, interpretations) is shared here,
so the engines cannot differ in anything but the firing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
from collections import OrderedDict
from collections.abc import Callable, Container, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, Protocol

from .._errors import EngineError
from ..chain._jurisdiction import LEVEL_DIGITS, Jurisdiction, ancestor_code, parse_code
from ..policy._model import SEVERITIES, STAGES, Stage
from ..policy._view import OWNER, SECTORLESS, ParameterReads, PolicyView, recording
from ._compile import BELOW, LEADERS, PARTNER_KNEW, Rule, RulesByArea, severity_rank, untracked
from ._engine_compiled import READ, CompiledEngine, Hit
from ._engine_durable import fork_safe_lock
from ._facts import (
    ASIDE_REPORT,
    CHOSEN_ASIDE_REPORT,
    CHOSEN_BY_PARAMETER,
    CHOSEN_LATE_PASS,
    CHOSEN_LEADING,
    CHOSEN_LINE_SWITCHED,
    CHOSEN_MISROUTED,
    CHOSEN_MISSING_STEP,
    CHOSEN_OVERSIGHT_REPORT,
    CHOSEN_PRESSED,
    CHOSEN_RECEIVER_SAME,
    CHOSEN_SAME_LEVEL,
    CHOSEN_SWITCHED,
    CHOSEN_UNASSIGNED_DEADLINE,
    CHOSEN_UNIT_BELOW,
    CONCEALER,
    HANDLING_LIMIT,
    IRREGULAR,
    LATE_PASS,
    MISROUTED,
    MISSING_STEP,
    NAMES_ON,
    NO_DUTY,
    OVERSIGHT_REPORT,
    OWN_WORK,
    PLACE_ABOVE,
    PRESSING,
    REASSIGNED,
    RECEIVER,
    RECT_LIMIT,
    SELF_RECTIFIED,
    UNASSIGNED_DEADLINE,
    Context,
    Fact,
    derive,
    holds_own_work,
    in_force_from,
    keeps_lists,
    line_gives_no_part,
    line_of,
    line_tie,
    line_without_part,
    main_facts,
    stands_unresolved,
    tied_elsewhere,
    untied_line,
)
from ._problem import (
    _CODED,
    RESIDENTS_PLACE,
    SAME_LEVEL_CONCEALMENT,
    coded,
    is_problem,
    parse_day,
    parse_problem,
    placed_for,
    unit_below_level,
)
from ._verdict import (
    Finding,
    FindingForm,
    Interpretation,
    InterpretationForm,
    More,
    Sheet,
    Slot,
    Step,
    Verdict,
    VerdictContext,
    dicts_maker,
    fill_template,
    fresh,
)

if TYPE_CHECKING:  # (the record model is imported where a record is validated: _problem, _records)
    from ._problem import Problem

EngineName = Literal["durable", "compiled"]

#: The digits of a place code that name the place at a level (its own and those above it): ancestor_code's.
_LEVEL_DIGITS = dict(LEVEL_DIGITS)

#: ``tuple.__new__``: makes a named tuple from a tuple of its fields without its Python ``__new__``.
_new_tuple = tuple.__new__

_c_sheet_slots: Callable[..., list[Any] | None] | None
try:  # the slot loop of Decider._sheet in C (engine/_dicts.c sheet_slots), where the extension was built
    from ._dicts import sheet_slots as _c_sheet_slots
except ImportError:  # pragma: no cover - without a C compiler: the loop in Python
    _c_sheet_slots = None

#: The four failures of 一(四); main responsibility follows from them at the level they occur.
FAILURES = frozenset({"not_discovered", "not_handled", "not_rectified", "concealed"})
#: Concealing a problem (瞒报漏报) and missing it (应发现未发现) exclude each other for one body.
CONCEALED, MISSED = "concealed", "not_discovered"
#: A body named 整改不到位 is not also named 指导督促不到位 for the record (one rectification:
#: :meth:`Decider._placed_hits`).
NOT_RECTIFIED, SUPERVISION = "not_rectified", "supervision"
#: What :meth:`Decider._static` keeps of a finding without the severity: its clauses, and what it rests on before the
#: liability thresholds and after them.
_StaticBase = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]
#: Each parameter a what-if changed whose rules' value makes findings (body, basis, liability) its value does not, with
#: that value and those findings (:meth:`Decider.switched_rests`).
Removed = tuple[tuple[str, Any, tuple[tuple[str, str, str], ...]], ...]


#: The most plans a decider keeps (:meth:`Decider.decide_parsed`); past it the oldest goes. A plan is
#: a few hundred bytes beside the forms it shares; a province's records have a few thousand shapes.
PLANS_KEPT = 20_000
#: The most tuples a decider keeps one of each (:attr:`Decider._canon`) before it starts afresh.
CANONS_KEPT = 200_000
#: The most deciders of other values of the readings a decider keeps (:meth:`Decider._flipped`), the least recently
#: asked let go first. A record reads 1–4 of them (10 at most in the shipped scenarios), a reading's records 41 in all;
#: each holds its view, rules and memos (a few MB once warm): kept without bound, a decider held one for every value it
#: ever asked. One let go is made again when asked, and answers as the one before did (its answers depend on its view's
#: data alone), but cold: below ~32 they were made again often enough to cost CPU (24: +20 % on the shipped scenarios
#: under six readings). 48 is every other value of the shipped rules' readings (22 bools, 26 choices' other values), so
#: none is made twice under them; a policy with more values keeps the last 48.
FLIPS_KEPT = 48
#: The most places (by the first digits of their code, as :data:`_LEVEL_DIGITS` counts them for a level) a decider
#: keeps per jurisdiction (:meth:`Decider._places_in`).
PLACES_KEPT = 100_000


def _placed(out: dict[Any, tuple[list[Any], tuple[str, ...]]], key: Any, hit: Any, duties: tuple[str, ...]) -> None:
    """Add ``hit`` (with its ``duties``) to the finding ``key`` of ``out``: a finding's hits in order, its duties
    once each in the order first given (:meth:`Decider.place_hits` and the plans' placings)."""
    got = out.get(key)
    if got is None:
        out[key] = ([hit], duties)
    else:
        got[0].append(hit)
        out[key] = (got[0], tuple(dict.fromkeys((*got[1], *duties))))


def joined_quotes(quotes: Sequence[tuple[str, str]]) -> str:
    """Quotes ``(clause, quote)`` as a reason gives them, each once: one held in another is left out, and two of one
    clause that overlap (the end of one is the start of the next, cut from one sentence of the text) are given as
    the one piece of text they were cut from — 「各行业主管部门协助财政部门做好本部门扶贫领域资金使用管理」 and
    「做好本部门扶贫领域资金使用管理，组织实施…」 read as the sentence of 二(四)5, not with its middle twice
    (probe10 P10-04, probe11 P11-08).

    >>> joined_quotes([("c", "甲乙丙丁"), ("c", "乙丙丁戊"), ("d", "己"), ("c", "己")])
    '甲乙丙丁戊；己'
    """
    out: list[tuple[str, str]] = []
    for clause, q in quotes:
        if any(q in x for _, x in out):
            continue
        out = [(c, x) for c, x in out if x not in q]
        for i, (c, x) in enumerate(out):
            n = next((k for k in range(min(len(x), len(q)) - 1, 2, -1) if c == clause and x.endswith(q[:k])), 0)
            if n:
                out[i] = (c, x + q[n:])
                break
        else:
            out.append((clause, q))
    return "；".join(x for _, x in out)


#: The failures whose findings on a fact with steps set aside rest on irregular_step (its supervisors press it
#: either way).
_ASIDE_BASES = frozenset({"not_handled", "not_rectified"})
#: The failures of a level that held the problem (passing it on, concealing it) whose findings on a village or
#: township quote only duties the kind itself gives it (:meth:`Decider._held_only`; R21-10, review22 R22-6).
_HELD_ONLY = frozenset({"not_handled", "concealed"})
#: The stages whose duties give a named assignee with none at rectification its part, in order (review10 R10A-08).
_OTHER_STAGES: tuple[Stage, ...] = ("handling", "discovery", "supervision")
#: The same for a named concealer with none at handling (the concealment's stage): the school, whose 认定 is at
#: discovery and rectification (二(六)2(1)), hid from the check the problem its own duty concerns (review32 F5).
_CONCEALER_STAGES: tuple[Stage, ...] = ("discovery", "rectification", "supervision")


def _knowing(ctx: Context) -> tuple[int, ...]:
    """What a plan's key reads of the levels that knew the problem (:attr:`Context.knew`) and those named as concealer
    (:attr:`Context.hid`, each as ``~rank``: a unit below such a level does not know it by that, check62 X4)."""
    knew, hid = ctx.knew, ctx.hid
    if not hid:
        return tuple(sorted(knew)) if knew else ()
    return (*sorted(knew), *[~r for r in sorted(hid)])

class Plan:
    """The findings of one shape of record (:meth:`Decider.shape`), short of the record's own parts.

    ``keys`` are the findings (body, basis, liability) in verdict order, ``duties`` their duties
    and ``fired`` the rules behind each, by id, with the position of the fact each fired on (in
    :meth:`Decider._facts_of`: the facts of the record's hits, then the main facts posted at the
    levels ``mains``). ``rows`` is made when
    a verdict of the plan is first read (:meth:`Decider._rows`). A plan holds strings and numbers
    but for its forms, so that a decider's many plans add little to the garbage collector's work.
    """

    __slots__ = ("asides", "clauses", "duties", "fired", "inert", "keys", "links", "mains", "removed", "rows",
                 "spared")

    def __init__(self, mains: tuple[int, ...], keys: tuple[tuple[str, str, str], ...],
                 fired: tuple[tuple[tuple[str, int], ...], ...], duties: tuple[tuple[str, ...], ...],
                 spared: tuple[str, ...] = (), links: dict[tuple[str, str, str], tuple[str, ...]] | None = None,
                 removed: Removed = (), clauses: dict[tuple[str, str, str], tuple[str, ...]] | None = None,
                 inert: tuple[str, ...] = ()) -> None:
        self.mains, self.keys, self.fired, self.duties = mains, keys, fired, duties
        #: The readings the record's context rests on under no other value of which any finding changes or is added
        #: (:meth:`Decider.switched_rests`): the verdict does not list them for want of a finding (check52 #6c).
        self.inert = inert
        #: The findings' clauses (:meth:`Decider._plan_clauses`), when first read: they follow from ``keys``, ``duties``
        #: and ``fired`` alone, so a plan made from another with the same findings is given them.
        self.clauses = clauses
        #: The parameters that withheld main responsibility from the levels ``mains`` (:meth:`Decider.main_spared`),
        #: and those switching off a duty whose reading would change the findings (:meth:`Decider.switched_rests`):
        #: the verdict rests on them though no finding need.
        self.spared = spared
        #: The readings a finding would not be made under (or not with its clauses), by its key
        #: (:meth:`Decider.switched_rests`).
        self.links = links
        #: Each parameter a what-if changed whose rules' value makes findings its value does not, with that value and
        #: those findings (:meth:`Decider.switched_rests`; review33 R4): the verdict keeps it listed, saying so.
        self.removed = removed
        self.rows: Rows | None = None
        #: The rows of a record of the plan with steps set aside (irregular_step), by the positions of the facts that
        #: have them and of those among them whose report up was set aside (:meth:`Decider._aside_rows`).
        self.asides: dict[tuple[frozenset[int], frozenset[tuple[int, str]]], Rows] | None = None


class Rows(NamedTuple):
    """A plan's findings as forms (:meth:`Decider._rows`), in finding order: each one's form, slot
    and rules' ids, where ``slots`` are the record values the findings read, by fact level, body level, the
    body a level's failure to rectify was assigned to, and the body that answers for not passing it on from
    the day it was itself handed it (:attr:`Context.handed`); and the interpretations with the findings
    resting on each."""

    forms: tuple[FindingForm, ...]
    slot_of: tuple[int, ...]
    rules: tuple[tuple[str, ...], ...]
    slots: tuple[tuple[Any, str, str | None, str | None], ...]
    interpretations: tuple[tuple[InterpretationForm, tuple[int, ...]], ...]
    #: The interpretations' dicts made in one call (:attr:`Sheet.interpretation_calls`).
    interpretation_calls: Callable[[Any], list[dict[str, Any]]]


#: The classes of what a plan's rows hold that :func:`~._compile.untracked` may stop tracking: the forms are frozen
#: (where a form is given a function of its own later, ``_verdict._set`` has it tracked again), the function of the
#: interpretations' dicts a ``functools.partial`` of the C extension's, and the lists an interpretation's value (each
#: verdict gets a copy; none is changed).
_KEPT: tuple[type, ...] = (Rows, FindingForm, InterpretationForm, functools.partial, list)


class _Engine(Protocol):
    name: str

    def fire(self, area: str, facts: Sequence[Fact]) -> list[Hit]: ...


#: The phrase of a reason's ``{escalate}`` by :meth:`Decider.disposal` (0: report only; 1: or rectify it itself;
#: 2: or pass it down; 3: either): a policy's phrases without them fall back to ``escalate``.
_DISPOSE_PHRASES = ("escalate", "escalate_or_rectify", "escalate_or_pass_down", "escalate_or_either")


class _Defaults(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""


class _Memo(dict[Any, Any]):
    """A dict that makes a missing value with ``make(key)`` and keeps it."""

    def __init__(self, make: Callable[[Any], Any]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key: Any) -> Any:
        value = self[key] = self.make(key)
        return value


#: What a finding's form reads of its facts (:meth:`Decider._rows`): whether any was rectified by its own level
#: (selffix), answered by another body (atp), late (slow), escalated (escalate, of the first fact), spared by a time
#: limit (rlim), the choices it was placed by (chosen), the body's own work (own), a level without a duty (nod), and
#: how else an escalated level could dispose of it (:meth:`Decider.disposal`; False where not escalated).
_FactPart = tuple[bool, bool, bool, bool, bool, int, bool, bool, "int | bool"]


class _Canons(dict[Any, Any]):
    """:attr:`Decider._canons`: ``canons[t]`` is the one tuple equal to ``t`` kept (``t`` itself, kept, the first time;
    started afresh past :data:`CANONS_KEPT`). Read as ``canons[t]`` (``__getitem__``, bound once in the decider), a
    tuple already kept costs a look-up in C and no Python frame (a new shape's plan and rows canonicalise ~60 tuples,
    four in five already kept; session 41)."""

    __slots__ = ()

    def __missing__(self, t: Any) -> Any:
        if len(self) >= CANONS_KEPT:
            self.clear()
        self[t] = t
        return t


class _Every:
    """Holds every parameter (:meth:`Decider._switched`: derive may have read any)."""

    def __contains__(self, item: object) -> bool:
        return True


_EVERY = _Every()


def aside_report(fact: Fact) -> str:
    """Which step of a level that fails to pass the problem on was set aside (irregular_step), as its reason says it:
    ``"own"`` where a report upward it made within its limit was (an ``i:own`` mark: the problem within its authority;
    check47b #3), else ``"part"`` where a step of its went to a body with no part in the problem (an ``i:part`` mark:
    a township's report of a dangerous house to 县教育局, check52 Z1), else ``""``: the reason says the step did not
    count rather than that the level did not report."""
    if fact.get("t") != "unhandled":
        return ""
    marks = str(fact.get("aside") or "").split()
    return "own" if any(m.endswith(":own") for m in marks) else "part" if any(m.endswith(":part") for m in marks) \
        else ""


#: The phrase of a level's reason by the step of its set aside (:func:`aside_report`).
_ASIDE_PHRASES = {"own": "pass_on_aside_report", "part": "pass_on_aside_part"}
#: Duty kinds that only pass a problem on to the body that rectifies it (vocabulary.yaml: 交办, 上报): a 整改不到位
#: behind such duties alone says that part (phrases ``rectifies_passing_on``), not that the body was itself to rectify
#: it.
_PASSING_ON_ONLY = frozenset({"assignment", "reporting"})


def missing_step(fact: Fact) -> bool:
    """Whether ``fact`` is a level's failure to pass the problem on where the record shows no step of the level's at
    all, the first one after its day another level's after its limit (missing_step_holder: holding_level): its reason
    says the record shows no step of the level's (check48a #1)."""
    return fact.get("t") == "unhandled" and bool((fact.get("chosen") or 0) & CHOSEN_MISSING_STEP)


class Decider:
    """One policy's rules and engines. Made once per policy; thread-safe."""

    def __init__(self, policy: PolicyView) -> None:
        self.policy = policy
        self.rules = RulesByArea(policy)
        self.compiled = CompiledEngine(self.rules)
        self._durable: _Engine | None = None
        self._lock = fork_safe_lock()
        clause_order = list(policy.clauses)
        self._clause_rank = {c: i for i, c in enumerate(clause_order)}
        self._failure_rank = {f: i for i, f in enumerate(policy.failures)}
        self._liability_rank = {x: i for i, x in enumerate(policy.liabilities)}
        self._severity = {t.id: t for t in policy.data.vocabulary.severities}
        self._resolved: dict[tuple[str, str | None, int | None], tuple[tuple[str, tuple[str, ...]], ...]] = {}
        #: :meth:`fact_answers`' findings of one hit, by what its placing reads (the impact diff asks for the same ones
        #: over many shapes)
        self._hit_answers: dict[tuple[Any, ...], tuple[tuple[tuple[Any, ...], bool], ...]] = {}
        self._label = f"{policy.data.meta.id}@{policy.data.meta.version}"
        self._quotes_parameters: tuple[dict[str, str], dict[str, Any]] | None = None
        #: Each duty whose pressing a bool parameter's false narrows, with the parameter (:func:`pressing_where_acting`)
        self._acting_only = pressing_where_acting(policy)
        #: Each duty whose pressing a bool parameter's true widens to the bodies the record shows acting
        #: (:func:`pressing_also_acting`), with the parameter, and the holders of any of them
        self._also_acting = pressing_also_acting(policy)
        self._also_holders = frozenset(b for d in self._also_acting for b in policy.duties[d].holders)
        #: the readings whose link words a finding's reason (:meth:`_acting_form`): all ``wording_only`` decides again
        self._wording_params = frozenset(self._also_acting.values())
        self._acting_reach: dict[tuple[str, str | None, str | None, str, str, int], bool] = {}  # _acting_reaches
        #: The last record :meth:`_acting_named` read, with its answer: a decision asks it ~4 times (the plan's,
        #: the placement's and the re-decisions' keys, _todo), each a walk over the record's steps (~3% of a decision)
        self._acting_last: tuple[Problem | None, tuple[tuple[str, str], ...]] = (None, ())
        self._static_memo: dict[tuple[Any, ...], tuple[tuple[str, ...], tuple[str, ...]]] = {}  # :meth:`_static`
        self._static_bases: dict[tuple[Any, ...], _StaticBase] = {}  # :meth:`_static_base`: its key less the severity
        self._withheld: dict[tuple[str, int], tuple[str, ...]] = {}  # :meth:`withheld`
        self._forms: dict[tuple[Any, ...], FindingForm] = {}
        self._texts: dict[tuple[Any, ...], tuple[str, str, dict[str, str] | None]] = {}
        self._disposals: dict[tuple[Any, ...], int] = {}  # :meth:`disposal`
        self._role_readings: dict[tuple[Any, ...], bool] = {}  # :meth:`_own_by_reading`
        self._plans: dict[tuple[Any, ...], Plan] = {}
        #: A plan by what :meth:`_plan` reads (:meth:`decide_parsed`): the engine, the record's area, kind, severity
        #: (main facts carry it), sector and place's level, the levels that knew the problem, and each hit's rule with
        #: the body and ``later`` of its fact — what :meth:`_placing` reads of a hit beside the record's parts.
        self._placements: dict[tuple[Any, ...], Plan] = {}
        self._rule_of: dict[str, Rule] = {}  # the rules that fired in a plan, by id
        #: A finding's clauses by its key, duties and the hits behind it (:meth:`_plan_clauses`).
        self._clauses_memo: dict[tuple[Any, ...], tuple[str, ...]] = {}
        #: What one hit places (:meth:`place_hits`), by rule, named body, place's level and sector
        #: (``None``: nothing is kept, every hit placed afresh).
        self._placings: dict[tuple[Any, ...], tuple[tuple[tuple[str, str, str], tuple[str, ...]], ...]] | None = {}
        #: :meth:`_main_placings` by what they read.
        self._mains: dict[tuple[Any, ...], tuple[tuple[str, int, tuple[Any, ...]], ...]] = {}
        #: The deciders of this policy with one switched-off reading switched on (:meth:`switched_rests`), by its
        #: parameter and value, the last :data:`FLIPS_KEPT` asked; None in such a decider (it asks no further).
        self._flips: OrderedDict[tuple[str, Any], Decider] | None = OrderedDict()
        self._others: dict[str, tuple[Any, ...]] = {}  # (:meth:`_other_values`)
        self._switchable: dict[tuple[str, str | None, bool], tuple[str, ...]] = {}
        #: :meth:`_todo` (with whether all are readings) by what it reads of a record:
        #: area, kind, severity, whether a failure was found, the readings its context rests on; and
        #: :meth:`_switched`'s plans by those, the record's plan and its placements under the other values read (plans
        #: by identity).
        self._todos: dict[tuple[Any, ...], tuple[tuple[str, Any, str], ...]] = {}
        self._switched_plans: dict[tuple[Any, ...], Plan] = {}
        #: :meth:`_switched`'s plans of the readings that word a reason alone (``wording_only``), kept apart: their
        #: findings rest on less than the whole plan's
        self._worded_plans: dict[tuple[Any, ...], Plan] = {}
        #: The view this decider derives facts on, which notes the parameters derive's facts read, and that note
        #: (:meth:`_deriving`; a decider that decides readings again only): :meth:`_switched` fires a switched
        #: reading's rules on the record's facts where derive has never read that reading's parameter.
        self._derive_on: tuple[PolicyView, ParameterReads] | None = None
        #: Whether :meth:`_switched` may fire a switched reading's rules on the record's own facts (False: every
        #: reading derives them again; tests compare the two), and how many times a switched decider was given them
        #: (:meth:`_placed_key`, counted on that decider).
        self.share_facts = True
        #: :meth:`_placed_key`'s answers by the fired part of the record's hits and what the placing reads beside.
        self._by_fired: dict[tuple[Any, ...], tuple[tuple[Any, ...], Plan]] = {}
        self.shared = 0
        self._linked_memo: dict[tuple[int, tuple[str, ...]], tuple[Any, tuple[tuple[str, ...], tuple[str, ...]]]] = {}
        self._swapped_memo: dict[tuple[int, str, str], tuple[Any, tuple[tuple[str, ...], tuple[str, ...]]]] = {}
        #: A finding's form by what _static and _form read (:meth:`_rows`: by the record's part, then the finding's).
        self._row_forms: dict[tuple[Any, ...], dict[tuple[Any, ...], FindingForm]] = {}
        #: (:meth:`_main_rests`: by finding key, whether it raises main responsibility; by what a form rests on, the
        #: parameters it carries to it)
        self._memo_main: tuple[_Memo, _Memo] | None = None
        self._found: dict[tuple[Any, ...], dict[str, str]] = {}  # a finder's reason values, by body, level, channel
        self._places: dict[Jurisdiction, dict[str, tuple[str, str, str]]] = {}  # :meth:`_places_in`
        #: A level's name and English name by its rank (what a reason's assignee reads; :meth:`_sheet`).
        self._assignees = {lv.rank: (lv.name, lv.en) for lv in policy.levels.values()}
        #: The day the duties apply from and the reason values of a day before it (:func:`since_values`).
        self._in_force = in_force_from(policy)
        # A finding's place in the verdict's order: its body's level (the village first), body, basis, liability.
        self._order = _Memo(lambda k: (policy.level_rank[policy.bodies[k[0]].level], k[0],
                                       self._failure_rank[k[1]], self._liability_rank[k[2]]))
        self._interpretation_memo = _Memo(self._interpretation_form)
        #: A plan's interpretations by what its findings rest on (in order) and what rests without a finding.
        self._interpretations_memo: dict[tuple[Any, ...], tuple[tuple[InterpretationForm, tuple[int, ...]], ...]] = {}
        #: :meth:`_interpretations_maker`'s, by the identity of the interpretations (kept with them).
        self._interpretations_makers: dict[int, tuple[Any, Callable[[Any], list[dict[str, Any]]]]] = {}
        #: One of each small tuple of strings and numbers that a new shape's plan, rows and keys hold (a hit's rule and
        #: position, a finding's rules, a slot, a shape's parts; :attr:`_canon`): most are equal to one an earlier
        #: shape holds, and a plan holding that one leaves its own to be freed at once, not kept for the garbage
        #: collector to walk (new shapes' objects were four in five of what a warm decider kept per decision).
        self._canons = _Canons()
        #: :attr:`_canon` as a bound ``__getitem__`` of :attr:`_canons` (no Python frame for a tuple already kept).
        self._canon: Callable[[tuple[Any, ...]], tuple[Any, ...]] = self._canons.__getitem__

    def engine(self, name: EngineName | None = None) -> _Engine:
        """The engine called ``name``; ``None`` picks durable-rules where it imports."""
        if name == "compiled":
            return self.compiled
        if name == "durable" and self._durable is not None:  # made: no import statement, no lock
            return self._durable
        from . import _engine_durable

        if name is None:
            name = "durable" if _engine_durable.available() else "compiled"
        if name == "compiled":
            return self.compiled
        if name != "durable":
            raise EngineError(f"unknown engine {name!r}; use 'durable' or 'compiled'")
        with self._lock:
            if self._durable is None:
                self._durable = _engine_durable.DurableEngine(self.rules)
            return self._durable

    def decide(self, raw: Problem | Mapping[str, Any], jurisdiction: Jurisdiction, *,
               engine: EngineName | None = None, today: dt.date | None = None, wording_only: bool = False
               ) -> Verdict:
        """The verdict on one problem record (``wording_only``: see :meth:`decide_parsed`)."""
        problem = parse_problem(raw, self.policy, jurisdiction, today)
        eng = self.compiled if engine == "compiled" else self.engine(engine)
        if wording_only:  # (asked only where it is: a subclass's decide_parsed need not know it)
            return self.decide_parsed(problem, jurisdiction, eng, today=today, wording_only=True)
        return self.decide_parsed(problem, jurisdiction, eng, today=today)

    def decide_parsed(self, problem: Problem, jurisdiction: Jurisdiction, eng: _Engine, *,
                      today: dt.date | None = None, wording_only: bool = False) -> Verdict:
        """The verdict on a problem already checked by ``parse_problem``.

        What the findings are, and what each says apart from the record, is a :class:`Plan` kept
        per decider by the record's shape (:meth:`shape`): what the engine fired and what the
        placing and the findings read beside it. A record of a shape seen before is placed by its
        plan; only its own parts (its facts, places, finder, dates) are read from it.

        ``wording_only``: decide the record again only under the readings that word a finding's reason
        (:meth:`_switched`), for a caller that reads of the findings only their body, place, basis, liability,
        clauses and reason (the batch's reference path, which writes no more): those are the full verdict's; what the
        findings rest on and the verdict's interpretations leave out the other readings.
        """
        facts, ctx, hits, plan, shape = self._planned(problem, jurisdiction, eng, today)
        # (the named tuple made as a tuple is: its generated __new__ is a Python frame per decision)
        return Verdict.lazy(problem.__dict__["id"], eng.name, ctx.as_of, self._label,
                            _new_tuple(VerdictContext, (self.policy, jurisdiction, problem)),
                            functools.partial(self._sheet, problem, jurisdiction, facts, hits, ctx, plan, shape,
                                              wording_only) if wording_only else
                            functools.partial(self._sheet, problem, jurisdiction, facts, hits, ctx, plan, shape))

    def _planned(self, problem: Problem, jurisdiction: Jurisdiction, eng: _Engine, today: dt.date | None
                 ) -> tuple[list[Fact], Context, list[Hit], Plan, tuple[Any, ...]]:
        """:meth:`decide_parsed`'s facts, context, hits, plan (made, or the one kept for the record's shape) and shape;
        what the readings left open decide of the plan is read with the verdict's sheet (:meth:`_switched`)."""
        # (a decider that decides readings again derives on the view that notes what derive reads: _switched)
        facts, ctx = derive(problem, self.policy if self._flips is None else (self._derive_on or self._deriving())[0],
                            today)
        rec = problem.__dict__  # (the record's fields from the model's dict: no __getattr__ hook per read)
        if eng is self.compiled:  # it gives the fired part of the key with the hits, kept per fact
            hits, fired = self.compiled.fire_read(rec["area"], facts, derived=True)
            shape = self.shape(problem, facts, hits, ctx, eng.name, fired)
        else:
            hits = eng.fire(rec["area"], facts)
            shape = self.shape(problem, facts, hits, ctx, eng.name)
        plan = self._plans.get(shape)
        if plan is None:
            # What _plan places depends on less than the shape (not on escalation, self-rectification, the levels that
            # passed it down, the days, what the verdict rests on...): a new shape often places as an earlier one did
            # (~a third of new shapes in bench_engine's loop), and shares that plan's findings; only its rows are its
            # own (_rows, made when it is first read).
            placed, made, _ = self._placement(problem, jurisdiction, facts, hits, ctx, eng)
            plan = placed if made else Plan(placed.mains, placed.keys, placed.fired, placed.duties, placed.spared,
                                            clauses=placed.clauses)
            plans = self._plans
            if len(plans) >= PLANS_KEPT:
                with contextlib.suppress(StopIteration, KeyError, RuntimeError):
                    del plans[next(iter(plans))]  # the oldest; another thread may have dropped it
            # (kept as an equal tuple of the decider's one of each part: :attr:`_canon`; untracked: tuples of strings
            # and numbers, engine/_compile.untracked)
            plans[tuple([self._canon(x) if type(x) is tuple else x for x in shape])] = untracked(plan, Plan)
        return facts, ctx, hits, plan, shape

    def _deriving(self) -> tuple[PolicyView, ParameterReads]:
        """:attr:`_derive_on`, made: a twin of the policy that notes each parameter whose value it gives out
        (:func:`~responsibility.policy._view.recording`: fresh, none of the policy's memos, so nothing derive keeps
        goes in unnoted), naming the policy as the view on which derive reads what it reads only to name a reading
        (:data:`~._facts.NAMES_ON`: :func:`~._facts._discovery`'s readings)."""
        twin, reads = recording(self.policy)
        twin.__dict__[NAMES_ON] = self.policy
        self._derive_on = got = (twin, reads)
        return got

    def _switched(self, problem: Problem, jurisdiction: Jurisdiction, ctx: Context, plan: Plan,
                  facts: list[Fact] | None = None, wording_only: bool = False) -> Plan:
        """``plan`` with what the readings the text leaves open decide of its findings for this record
        (:meth:`switched_rests`): kept by the record's plan *and* the placement of the record under each other value
        read (:meth:`_placed_key`).
        A reading's other value may make a part of the record count that this one does not (its days under
        rectifier_holding: a rectifier holding it since the day it was found is late after 30 days, not after 14),
        so two records of one shape may switch otherwise; kept by the shape alone, a verdict's rests_on was the first
        such record's, and depended on what the decider had decided before it.

        ``wording_only``: only the readings whose link words a reason — a parameter widening a duty's pressing to the
        departments the record shows acting (``presses_also_acting``, :meth:`_acting_form`); any other reading's
        link changes only what a finding rests on (:meth:`_linked`: its clauses stay), and what else is decided here
        (the readings spared, inert or removed) only the verdict's interpretations. Most records the batch refers
        (county 党委、政府 standing together for their own item: ~60% of them on bench_assess) name no acting
        department and are decided again under no reading at all."""
        # Kept by what the answer reads, not by the shape: the plan itself (its findings and clauses; a plan is its
        # shape's, compared by identity), what _todo reads (the record's area, kind and severity, whether a failure was
        # found, the readings the context rests on, the departments the record shows acting) and the plans the other
        # values place the record by (also by identity: equal plans there are the same object, kept by what the
        # placing reads, :meth:`_placement`). Small
        # keys of identities: keyed by the shape and the placements' keys, the two look-ups hashed and compared long
        # nested tuples on every verdict read (~a third of what a verdict's re-decisions cost beside derive).
        rec = problem.__dict__
        at = (rec["area"], rec["kind"], rec["severity"], bool(plan.mains), tuple(ctx.rests_on),
              self._acting_named(problem))
        found = self._todos.get(at)
        if found is None:
            found = self._todo(problem, bool(plan.mains), ctx.rests_on)
            if len(self._todos) >= PLANS_KEPT:
                self._todos.clear()
            self._todos[at] = found
        if wording_only and found:
            # (and only where a finding is worded by such a reading's link: a 指导督促 through such duties alone, as
            # _acting_form reads it — most records naming an acting department have none, and their reasons are
            # the same whatever the links)
            if not any(self._acting_shaped(k[1], ds) for k, ds in zip(plan.keys, plan.duties, strict=True)):
                return plan
            wording = self._wording_params
            found = tuple([x for x in found if x[0] in wording])
        # (a record with no findings is decided again too: a reading of its context under no other value of which a
        # finding is made is not listed — sectorless_alternatives on a policy gap of a line no level of which has a
        # part, which names nobody under either value; fid60)
        if not found:
            return plan
        # (asked of the decider each time, not kept with the todo: it keeps the last FLIPS_KEPT, :meth:`_flipped`)
        deciders = [self._flipped(param, value) for param, value, _ in found]
        today = ctx.as_of
        # A reading whose parameter derive has never read on this decider's view (every record's derive so far, this
        # one's among them: what derive keeps was made on that view, its reads noted then) gives the same facts and
        # context under its other value: its decider fires its own rules on them (outside_channel_finder_level, read
        # only to be named: 1,498 of 1,649 re-decisions on 14334c1's rules; session 40). Any other derives again.
        noted = self._derive_on[1] if self._derive_on is not None and self.share_facts else None
        read: Container[str] = noted.ids if noted is not None and not noted.every and facts is not None else _EVERY
        same = (facts, ctx) if facts is not None else None
        others = tuple([d._placed_key(problem, jurisdiction, today, None if param in read else same)[1]
                        for (param, _, _), d in zip(found, deciders, strict=True)])
        key = (plan, at, others)
        kept = self._worded_plans if wording_only else self._switched_plans
        got = kept.get(key)
        if got is None:
            rest, links, removed, inert = self.switched_rests(
                problem, jurisdiction, plan.keys, today, bool(plan.mains), ctx.rests_on, self._plan_clauses(plan),
                answered={(param, value): d._plan_clauses(p)
                          for (param, value, _), d, p in zip(found, deciders, others, strict=True)},
                todo=found if wording_only else None)
            got = plan
            if rest or links or removed or inert:
                got = untracked(Plan(plan.mains, plan.keys, plan.fired, plan.duties,
                                     tuple(dict.fromkeys((*plan.spared, *rest))), links or None, removed,
                                     inert=inert), Plan)
            if len(kept) >= PLANS_KEPT:
                kept.clear()
            kept[key] = got
        return got

    def _placed_key(self, problem: Problem, jurisdiction: Jurisdiction, today: dt.date | None,
                    same: tuple[list[Fact], Context] | None = None) -> tuple[tuple[Any, ...], Plan]:
        """What the compiled engine's placing reads of a problem parsed by ``parse_problem`` under this decider's
        policy (:meth:`_placement`'s key, which decides the findings and their clauses), and that placement's plan:
        :meth:`_switched` reads them under another value of a reading. ``same``: the record's facts and context as
        derive gives them under this policy too (:meth:`_switched`: derive does not read the parameter this policy
        sets otherwise), used unless the record is placed otherwise here (residents_committee_place)."""
        here = placed_for(problem, self.policy)
        if same is not None and here is problem:
            facts, ctx = same
            self.shared += 1
        else:
            problem = here
            facts, ctx = derive(problem, self.policy, today)
        rec = problem.__dict__
        hits, fired = self.compiled.fire_read(rec["area"], facts, derived=True)
        # Kept by the fired part as the engine gives it (a number per fact that met a rule, standing for the rules'
        # ids with what a plan reads of the fact: engine/_compile's tokens, never reused), in place of the
        # placement's key of a tuple per hit (:meth:`_placement`), which it decides: a look-up by a tuple of ints.
        at = (rec["area"], rec["kind"], rec["severity"], ctx.line, facts[0]["prank"] if facts else None,
              _knowing(ctx), fired, self._offices_acting(problem),
              self._acting_pressers(problem))
        got = self._by_fired.get(at)
        if got is None:
            placed, _, key = self._placement(problem, jurisdiction, facts, hits, ctx, self.compiled)
            if len(self._by_fired) >= PLANS_KEPT:
                self._by_fired.clear()
            got = self._by_fired[at] = (key, placed)
        return got

    def _placement(self, problem: Problem, jurisdiction: Jurisdiction, facts: list[Fact], hits: list[Hit],
                   ctx: Context, eng: _Engine) -> tuple[Plan, bool, tuple[Any, ...]]:
        """The plan placing ``hits`` as :meth:`_plan` does, kept by what it reads (:attr:`_placements`), whether it
        was made now, and that key."""
        rec = problem.__dict__
        # (looked up by a key of new tuples; only a key kept holds the decider's one of each part, :attr:`_canon`: a
        # look-up in its large table per hit costs more than the key's own tuples)
        pk = (eng.name, rec["area"], rec["kind"], rec["severity"], ctx.line,
              facts[0]["prank"] if facts else None, _knowing(ctx),
              tuple([(rule.id, fact.get("body"), fact.get("later"), fact.get("nod"), fact.get("escalate"))
                     for rule, fact in hits]),
              self._offices_acting(problem), self._acting_pressers(problem))
        placed = self._placements.get(pk)
        if placed is not None:
            return placed, False, pk
        placed = self._plan(problem, jurisdiction, facts, hits, ctx, eng)
        if len(self._placements) >= PLANS_KEPT:
            self._placements.clear()
        canon = self._canon
        key = (*pk[:7], tuple(map(canon, pk[7])), *pk[8:])
        self._placements[tuple([canon(x) if type(x) is tuple else x for x in key])] = untracked(placed, Plan)
        return placed, True, pk

    def shape(self, problem: Problem, facts: Sequence[Fact], hits: Sequence[Hit], ctx: Context,
              engine: str, fired: tuple[Any, ...] | None = None) -> tuple[Any, ...]:
        """What a :class:`Plan` is made of, short of the record's own parts: the engine; the record's
        severity, sector and place's level (rank); the context the findings read (the levels that
        knew the problem or passed it down, whether a deadline came from a parameter, what the
        verdict rests on without a finding); and each rule that fired (which says the area, kind,
        failure, level and liability) with what the placing and the findings read of its fact:
        the body it names, its level, escalation and self-rectification; then the offices and the departments the
        record shows acting where a parameter reads them (:meth:`_offices_acting`, :meth:`_acting_pressers`). Main
        responsibility follows from these (:meth:`_plan`). ``fired``: that last part as the compiled engine gives it
        (:meth:`CompiledEngine.fire_read`: for derive's facts a number per fact standing for it), else read here from
        ``hits``."""
        if fired is None:
            entries = []
            last: Fact | None = None
            for rule, fact in hits:  # in fact order: a fact's part is read once
                if fact is not last:
                    last, read = fact, tuple(fact.get(f) for f in READ)
                entries.append((rule.id, read))
            fired = tuple(entries)
        rec = problem.__dict__
        return (engine, rec["severity"], ctx.line, facts[0]["prank"] if facts else None,
                _knowing(ctx), tuple(sorted(ctx.passed)) if ctx.passed else (),
                tuple(sorted(ctx.handed)) if ctx.handed else (), ctx.deadline_from_parameter,
                tuple(ctx.rests_on), fired, self._offices_acting(problem), self._acting_pressers(problem))

    def _narrowed(self) -> tuple[dict[str, str], frozenset[str] | None]:
        """The duties a bool parameter in force false narrows to the bodies the record shows acting (its
        ``presses_only_acting``), each with that parameter, and their holders; None for the holders where no
        parameter narrows any (offices_press_every_area true, or a policy without such a parameter)."""
        # (the decider's, as its policy is, looked up once: every decision's keys read this)
        got: tuple[dict[str, str], frozenset[str] | None] | None = self.__dict__.get("_narrowed_duties")
        if got is None:
            policy = self.policy
            narrowed = {d: p for d, p in self._acting_only.items() if not policy.parameter(p)}
            holders = frozenset(b for d in narrowed for b in policy.duties[d].holders) if narrowed else None
            got = self.__dict__["_narrowed_duties"] = (narrowed, holders)
        return got

    def _offices_acting(self, problem: Problem) -> tuple[str, ...] | None:
        """Under a parameter's false that narrows a duty's pressing (``presses_only_acting``: offices_press_every_area,
        二(二)5), the holders of such a duty the record shows acting (its finder, or a body handed it): the only ones
        that press on that duty alone; None where no parameter narrows any, where every holder does."""
        holders = self._narrowed()[1]
        if holders is None:
            return None
        return tuple(sorted(_shown_acting(problem, holders, assigned_only=False)))

    def _offices_aside(self, problem: Problem,
                       raw: dict[tuple[str, str, str], tuple[list[tuple[str, int]], tuple[str, ...]]]
                       ) -> tuple[str, ...]:
        """Drop from ``raw`` the 指导督促 resting on a narrowed duty alone (a province's or city's poverty office on
        二(二)5, under ``offices_press_every_area: false``, review43b R1) of a holder the record does not show acting;
        the parameters that dropped one."""
        acting = self._offices_acting(problem)
        if acting is None:
            return ()
        narrowed = self._narrowed()[0]
        gone = [(k, narrowed[duties[0]]) for k, (_, duties) in raw.items()
                if k[1] == "supervision" and len(duties) == 1 and duties[0] in narrowed and k[0] not in acting]
        for k, _ in gone:
            del raw[k]
        return tuple(dict.fromkeys(p for _, p in gone))

    def _acting_named(self, problem: Problem) -> tuple[tuple[str, str], ...]:
        """The bodies the record shows acting (its finder, a body an assignment handed it) that hold a duty a bool
        parameter's true widens the pressing of (``presses_also_acting``: acting_departments_press, 二(二)5), each
        with that duty, under either value (what :meth:`_todo` decides again); () for a record naming none, as most
        do."""
        holders = self._also_holders
        if not holders:
            return ()
        last = self._acting_last  # (one read: the pair is replaced whole, never changed in place)
        if last[0] is problem:
            return last[1]
        # (a body handed the problem, 交办: not one a report went up to, 上报 — check45 #4: 市水利 told of what the
        # county had already assigned was named 指导督促 beside its 未及时交办)
        policy = self.policy
        rank = policy.level_rank
        # (the levels that rectify the kind read only for a finder whose level reported the problem up: few records)
        named = _shown_acting(problem, holders, assigned_only=True, rank=rank,
                              right=lambda b: policy.has_kind_part(problem.area, problem.kind, b, problem.sector),
                              rectifies=lambda r: r in policy.own_rectifier_levels(
                                  problem.area, problem.kind, rank[coded(problem.place)[1]]))
        duties = self.policy.duties
        got = tuple(sorted((b, d) for b in named for d in self._also_acting if b in duties[d].holders)) \
            if named else ()
        self._acting_last = (problem, got)
        return got

    def _acting_pressers(self, problem: Problem) -> tuple[tuple[str, str], ...]:
        """Those of :meth:`_acting_named` whose parameter is true: the bodies (with the duty) that press through that
        duty where the kind does not concern them (:meth:`_acting_added`); what a plan reads of them."""
        named = self._acting_named(problem)
        if not named:
            return ()
        policy, also = self.policy, self._also_acting
        return tuple(x for x in named if policy.parameter(also[x[1]]))

    def _acting_reaches(self, area: str, kind: str | None, sector: str | None, body: str, duty: str,
                        prank: int) -> bool:
        """Whether ``body``, shown acting, presses through ``duty`` (:meth:`_acting_added`) a problem of
        ``area`` (of ``kind``) placed at level rank ``prank``: the duty applies and reaches it as pressing
        (二(二)5 指导督促基层: placed below the holder's level, at a grassroots one), and the problem concerns
        the body's line (按照职责分工; 二(二)3 涉及本部门问题): its line holds a duty the kind implicates at a
        level below its own, the one it guides (``line_concerned`` with the kind, ``below``: 市水利 for a failure
        of emergency supply, the water line's 县级统管单位's; not 市卫健, whose line holds nothing of it, nor
        市教育局 that only forwarded poverty assets, nor 市人社 through the 省市 guide duty 二(六)2(4) lists it in
        beside others, check45 #1); where the record gives the problem's line (``sector``: its own, or the one
        the departments it names give), it is the body's line (市民政 finding false renovation records of the
        construction line does not press them). What the parameter reads past is only that the kind's duties
        name no 省市 department at the pressing stage."""
        key = (area, kind, sector, body, duty, prank)
        got = self._acting_reach.get(key)
        if got is None:
            policy = self.policy
            got = self._acting_reach[key] = (policy.duty_applies(duty)
                                             and policy.duty_reaches(duty, body, prank, None, None, "supervision")
                                             and (sector is None or policy.bodies[body].sector == sector)
                                             and policy.line_concerned(area, body, kind, below=True))
        return got

    def _acting_added(self, area: str, kind: str | None, prank: int, sector: str | None,
                      got: list[tuple[Rule, Fact, tuple[tuple[tuple[str, str, str], tuple[str, ...]], ...]]],
                      acting: tuple[tuple[str, str], ...], rectifiers: set[str]
                      ) -> list[tuple[Rule, Fact, tuple[tuple[tuple[str, str, str], tuple[str, ...]], ...]]]:
        """``got`` (:meth:`_placed_hits`) with each of ``acting`` (:meth:`_acting_pressers`: a province's or city's
        department the record shows holding the problem, under acting_departments_press) placed as a presser on the
        supervision hits of its level. 二(二)5 省市有关部门：加大调研指导和问题核查力度，负责指导督促基层问题发现和
        整改: the department whose own 调研督导 found the problem, or that was handed it, is such a 有关部门
        whatever the kind's own duties give its line.

        The hit is one of its level's own pressing (its rule's holders are of that level: the level presses under
        supervision_scope, as the record shows it had the problem), of an assignee below it (not a peer). The body
        reaches the problem (:meth:`_acting_reaches`); it is not the assignee or one it leads, nor the assignee's
        co-assignee answering 整改不到位 (one failure); and it is not placed otherwise already (through the kind's own
        duties it presses as they say, and rests on nothing of this). Only on a hit of no principle (a principle's
        extra clauses are its holders', not this body's)."""
        policy = self.policy
        normal = {key for _, _, placings in got for key, _ in placings}
        out = []
        for rule, fact, placings in got:
            rank = acting_rank(policy, rule, fact)
            if rank is not None:
                assignee = fact.get("body")
                more = []
                for body, duty in acting:
                    key = (body, "supervision", rule.liability)
                    if policy.level_rank[policy.bodies[body].level] != rank or key in normal \
                            or (assignee and (body == assignee or assignee in policy.under(body))) \
                            or body in rectifiers \
                            or not self._acting_reaches(area, kind, sector, body, duty, prank):
                        continue
                    more.append((key, (duty,)))
                if more:
                    placings = (*placings, *more)
            out.append((rule, fact, placings))
        return out

    def _plan(self, problem: Problem, jurisdiction: Jurisdiction, facts: list[Fact], hits: list[Hit],
              ctx: Context, eng: _Engine) -> Plan:
        """Place ``hits`` (and main responsibility where a failure was found, 一(四)) and make the
        :class:`Plan` of the findings; a fact is named by its position in :meth:`_facts_of`."""
        policy = self.policy
        # the code's level, as derive reads it (a Place built by hand may say another)
        prank = policy.level_rank[coded(problem.place)[1]]
        sector = ctx.line  # (the record's sector's, or the line the departments it names give: derive, review23 #2)
        area, kind = problem.area, problem.kind
        raw: dict[tuple[str, str, str], tuple[list[tuple[str, int]], tuple[str, ...]]] = {}
        self._place_at(area, kind, prank, hits, sector, 0, raw, self._acting_pressers(problem))
        offices_aside = self._offices_aside(problem, raw)
        placed = self.without_knowers_missing(raw, ctx.knew, ctx.hid, area, kind)
        failed = self.failure_levels(placed)
        rule_of = self._rule_of
        for rule, _ in hits:
            if rule.id not in rule_of:
                rule_of[rule.id] = rule
        spared: tuple[str, ...] = ()
        if failed:
            spared = self.main_spared(problem, facts, failed, prank, sector, eng)
            # Placing only the main hits on what was placed (before concealment is applied) places all: into ``raw``
            # itself (what was placed from it has been read). Each main hit is named by its fact's position after
            # the record's hits.
            start = len(hits)
            for rule_id, i, placing in self._main_placings(problem, facts, failed, prank, sector, eng):
                pos = start + i
                for key, duties in placing:
                    _placed(raw, key, (rule_id, pos), duties)
            placed = self.without_knowers_missing(raw, ctx.knew, ctx.hid, area, kind)
        keys = sorted(placed, key=self._order.__getitem__)
        canon = self._canon
        return Plan(canon(tuple(sorted(failed))), canon(tuple(keys)),
                    canon(tuple([canon(tuple([canon(hit) for hit in placed[k][0]])) for k in keys])),
                    canon(tuple([placed[k][1] for k in keys])), (*spared, *offices_aside) if offices_aside else spared)

    def switched_rests(self, problem: Problem, jurisdiction: Jurisdiction, keys: Sequence[tuple[str, str, str]],
                       today: dt.date | None, failed: bool = False, rests: Sequence[str] = (),
                       clauses: Mapping[tuple[str, str, str], tuple[str, ...]] | None = None,
                       answered: Mapping[tuple[str, Any], Mapping[tuple[str, str, str], tuple[str, ...]]] | None = None,
                       todo: Sequence[tuple[str, Any, str]] | None = None
                       ) -> tuple[tuple[str, ...], dict[tuple[str, str, str], tuple[str, ...]], Removed,
                                  tuple[str, ...]]:
        """What the readings the text leaves open decide of ``keys``, the findings (with their ``clauses``), read by
        deciding the record again under each other value of each: what a reading changes is what the data's duties
        and rules make of it, not a guess at it. Returns:

        - the ``applies_if`` parameters that switch off a duty of the problem's kind whose reading would change the
          findings (review29 #7: joint_guidance_every_line decides which city departments press a county's
          rectification, 二(六)2(4) 教育、财政、民政…部门…指导、协调, and false names only the record's line's): the
          verdict names each, though no finding rest on it; and a parameter a what-if changed whose rules' value
          makes findings its value does not (review33 R4: supervision_scope=none leaves no finding resting on it);
        - by finding, each reading under another value of which it is not made, or not with its clauses: of those
          switches, and of the readings the record's context rests on (``rests``: pressing_level_assignment,
          reassigned_level_answers, residents_committee_place, lower_level_finds_higher_policy...) — a finding made
          only under the current value links it (the project guide: answers that rest on a choice say so; review33
          R1-R3), one rule for every reading, not a flag per parameter;
        - the what-if parameters of the second kind, each with the rules' value and the findings that value makes
          and the what-if's does not (:data:`Removed`);
        - the readings of ``rests`` under no other value of which a finding changes or is added (a what-if's too):
          the verdict need not list them where no finding rests on them (check52 #6c: sectorless_alternatives on a
          record whose every_holder names nobody more; main_responsibility_every_level where no level it reads
          failed) — also where there are none: a record with no findings lists a reading only where another value
          of it makes one (fid60: sectorless_alternatives on a line-named policy gap that names nobody either way).

        ``failed``: the findings include a failure, so that duties of a failure's own duty kind (主体责任, 二(一)1: the
        area's and the general areas') count too. Days and severities are not read again: their findings say what
        limit or threshold decided them (the facts' ``slow``, ``rlim``, the liabilities' thresholds). ``answered``:
        the findings already decided under some of those values (:meth:`_switched`), by (parameter, value). ``todo``:
        the (parameter, value, why) to decide it under, where not all of :meth:`_todo`'s (``wording_only``)."""
        if todo is None:
            todo = self._todo(problem, failed, rests)
        if not todo:
            return (), {}, (), ()
        now = set(keys)
        readings: dict[str, bool] = {}  # each reading, and whether a value of it changed or added a finding
        out: list[str] = []
        links: dict[tuple[str, str, str], tuple[str, ...]] = {}
        removed: list[tuple[str, Any, tuple[tuple[str, str, str], ...]]] = []
        for param, value, why in todo:
            other = (answered or {}).get((param, value))
            if other is None:
                other = self._flipped(param, value).answers(problem, jurisdiction, today)
            changed = [k for k in keys if k not in other or (clauses is not None and other[k] != clauses[k])]
            for key in changed:
                if param not in links.get(key, ()):
                    links[key] = (*links.get(key, ()), param)
            if why == "switch" and (changed or len(other) != len(now)):
                out.append(param)
            elif why == "what_if" and (gone := tuple(k for k in other if k not in now)):
                out.append(param)
                removed.append((param, value, gone))
            readings[param] = readings.get(param, False) or bool(changed) or len(other) != len(now)
        # (residents_committee_place is never inert: at a community's code, what the village level is there — its
        # bodies or none — is its reading under either value, whether or not the other value changes a finding;
        # records.md, the parameter's why: every verdict there says it rests on it, check62 X3)
        inert = tuple([p for p, moved in readings.items() if not moved and p in rests and p != RESIDENTS_PLACE])
        return tuple(dict.fromkeys(out)), links, tuple(removed), inert

    def _todo(self, problem: Problem, failed: bool, rests: Sequence[str]) -> tuple[tuple[str, Any, str], ...]:
        """Each (parameter, value) :meth:`switched_rests` decides the record under, and why: a switch, a reading, a
        what-if's rules' value (what the record's area, kind, severity, failure and context's readings decide)."""
        area, kind = problem.area, problem.kind
        policy = self.policy
        if failed:  # (only where the record's severity reaches such a failure: main_responsibility_from)
            sev = severity_rank(problem.severity)
            failed = any(f.duty_kind and (f.from_parameter is None
                                          or sev >= severity_rank(policy.parameter(f.from_parameter)))
                         for f in policy.failures.values())
        params = self._switchable.get((area, kind, failed))
        if params is None:
            found = dict.fromkeys(policy.switches(area, kind))
            if failed:
                general = [g.id for g in policy.data.areas if not g.problems]
                found.update((str(policy.duties[d].applies_if), None) for f in policy.failures.values()
                             if f.duty_kind for a in (area, *general) for d in policy.duties_of_kind(a, f.duty_kind)
                             if not policy.duty_applies(d))
            params = self._switchable[(area, kind, failed)] = tuple(p for p in found if p in policy.parameters
                                                                    and isinstance(policy.parameter(p), bool))
        # each (parameter, value) to decide the record under, and why: a switch, a reading, a what-if's rules' value
        todo: dict[tuple[str, Any], str] = {(p, not policy.parameter(p)): "switch" for p in params}
        for p in rests:
            for value in self._other_values(p):
                todo.setdefault((p, value), "reading")
        # a department the record shows acting presses under a parameter's true where the kind does not concern it
        # (presses_also_acting: acting_departments_press): decided again under its other value, a finding made only
        # under true links it, and a verdict false leaves one out of names it (the findings change, as a switch's)
        for _, duty in self._acting_named(problem):
            p = self._also_acting[duty]
            todo.setdefault((p, not policy.parameter(p)), "switch")
        for p, (old, new) in policy.what_if.items():
            if p in policy.parameters and old != new and old in self._other_values(p):
                todo[(p, old)] = "what_if"
        return tuple([(p, value, why) for (p, value), why in todo.items()])

    def _other_values(self, param: str) -> tuple[Any, ...]:
        """The values of a parameter read again by :meth:`switched_rests` other than its value: a bool's other, a
        choice's others; none for days, severities or a parameter the policy does not have."""
        got = self._others.get(param)
        if got is None:
            p = self.policy.parameters.get(param)
            got = ()
            if p is not None and p.type == "bool":
                got = (not p.value,)
            elif p is not None and p.type == "choice":
                got = tuple(c for c in p.choices or () if c != p.value)
            self._others[param] = got
        return got

    def _flipped(self, param: str, value: Any) -> Decider:
        """The decider of this policy with ``param`` set to ``value`` (the last :data:`FLIPS_KEPT` asked are kept; it
        reads no reading again itself)."""
        flips = self._flips
        key = (param, value)
        if flips is not None:
            with self._lock:
                got = flips.get(key)
                if got is not None:
                    flips.move_to_end(key)
                    return got
        # (imported here: a run that never meets such a reading, as a cached batch, loads no pydantic model)
        from ..policy._whatif import flipped as switched_on

        # (flipped turns a bool the other way: the shared view only where that is the value asked for; a value
        # equal to the current one gets a view set to it, not the other; both kept on the policy with a bound)
        other = isinstance(value, bool) and value != self.policy.parameter(param)
        view = switched_on(self.policy, param) if other else _kept_set_view(self.policy, param, value)
        got = Decider(view)  # (a bool's view route uses too: kept on the policy)
        got._flips = None
        if flips is not None:
            with self._lock:
                got = flips.setdefault(key, got)  # (another thread's, made meanwhile: one decider per value)
                flips.move_to_end(key)
                while len(flips) > FLIPS_KEPT:
                    flips.popitem(last=False)
        return got

    def answers(self, problem: Problem, jurisdiction: Jurisdiction, today: dt.date | None
                ) -> dict[tuple[str, str, str], tuple[str, ...]]:
        """The findings (body, basis, liability) of a problem parsed by ``parse_problem``, with their clauses, as the
        compiled engine places them (:meth:`switched_rests` reads them under another value of a reading)."""
        # (an urban community's record is placed as this policy's residents_committee_place reads it)
        if self._flips is not None:  # (a decider that decides readings again: its plans rest on them too)
            return self._plan_clauses(self._planned(placed_for(problem, self.policy), jurisdiction, self.compiled,
                                                    today)[3])
        # A decider of a switched reading asks no further (:meth:`_flipped`): the findings are its placement's, kept
        # by what the placing reads (:meth:`_placement`), with no shape's plan made or kept beside it.
        return self._plan_clauses(self._placed_key(problem, jurisdiction, today)[1])

    def _plan_clauses(self, plan: Plan) -> dict[tuple[str, str, str], tuple[str, ...]]:
        """A plan's findings (body, basis, liability) with their clauses (kept in the plan: a reading decided again
        reads the other decider's plan, most often one it has made before; the dict is read, never changed)."""
        got = plan.clauses
        if got is None:
            # (untracked with its tuples: it holds strings only, engine/_compile.untracked)
            got = plan.clauses = untracked(self._clauses_of(plan))
        return got

    def _clauses_of(self, plan: Plan) -> dict[tuple[str, str, str], tuple[str, ...]]:
        """:meth:`_plan_clauses`, made."""
        # Kept by finding, duties and the ids of the rules behind it (not their facts' positions, which the clauses do
        # not read: keyed by those too, 882 clauses were made again in bench_engine's timed window of 2,000 records on
        # 14334c1's rules, 84 now; session 41): a plan's findings are mostly those of earlier plans, and the clauses of
        # one (a set, a sort by the documents' order) cost ~3 us; a new shape reads all of its plan's, and each reading
        # it decides again reads the other decider's.
        memo, rule_of = self._clauses_memo, self._rule_of
        out = {}
        for k, ds, fs in zip(plan.keys, plan.duties, plan.fired, strict=True):
            mk = (k, ds, fs[0][0]) if len(fs) == 1 else (k, ds, *[r for r, _ in fs])
            got = memo.get(mk)
            if got is None:
                if len(memo) >= PLANS_KEPT:
                    memo.clear()
                got = memo[untracked(mk)] = untracked(self.clauses(k[0], k[1], ds, [rule_of[r] for r, _ in fs]))
            out[k] = got
        return out

    def main_spared(self, problem: Problem, facts: list[Fact], failed: set[int], prank: int, sector: str | None,
                    eng: _Engine) -> tuple[str, ...]:
        """The parameters that withheld main responsibility (主体责任, 二(一)1) from a problem whose failures were found
        at the levels ``failed``: where, at the gravest severity, a Party committee or government of those levels
        would answer and at the record's it does not, the severity from which main responsibility is pursued
        (main_responsibility_from) and the liability thresholds the record's severity falls short of for the
        liabilities it gives (leadership_liability_from) — what the verdict rests on though no finding does, as a time
        limit that spared a body is (据此未另认定主体)."""
        policy = self.policy
        sev = facts[0]["sev"]
        top = severity_rank(SEVERITIES[-1])
        out: dict[str, None] = {}
        for failure in policy.failures.values():
            if not failure.duty_kind or failure.from_parameter is None or sev >= top:
                continue
            withheld = [failure.from_parameter] if sev < severity_rank(policy.parameter(failure.from_parameter)) \
                else []
            withheld += self.withheld(failure.id, sev)
            # Withheld by two thresholds (main_responsibility_from and leadership_liability_from, both above the
            # record's severity), it is found under no other value of either alone: the verdict rests on neither for
            # it (check52 #5, #6b; a failure's own findings say what leadership_liability_from withholds of them).
            if len(set(withheld)) == 1 and any(
                    placing and self._rule_of[rule_id].basis == failure.id for rule_id, _, placing in
                    self._main_placings(problem, [{**facts[0], "sev": top}], failed, prank, sector, eng)):
                out.update(dict.fromkeys(withheld))
        return tuple(out)

    def _main_placings(self, problem: Problem, facts: list[Fact], failed: set[int], prank: int, sector: str | None,
                       eng: _Engine) -> tuple[tuple[str, int, tuple[tuple[tuple[str, str, str], tuple[str, ...]], ...]],
                                              ...]:
        """The hits of the main facts posted at the levels ``failed`` (:func:`~._facts.main_facts`), each as its
        rule's id, its fact's position among them and what it places (:meth:`_placing`); kept per decider by what
        they read — the engine, the record's area, kind, severity (``sev``), place's level (``prank``, as the facts
        have it) and sector, and the levels: a main fact holds nothing else but its id, which no rule tests."""
        area, kind = problem.area, problem.kind
        memo = self._mains if self._placings is not None else None
        mk = (eng.name, area, kind, facts[0]["sev"], prank, sector, tuple(sorted(failed)))
        got = memo.get(mk) if memo is not None else None
        if got is None:
            mains = main_facts(problem, facts, failed)
            at = {id(f): i for i, f in enumerate(mains)}
            rule_of = self._rule_of
            entries = []
            for rule, fact in eng.fire(area, mains):
                if rule.id not in rule_of:
                    rule_of[rule.id] = rule
                entries.append((rule.id, at[id(fact)], self._placing(area, kind, prank, rule, fact, sector)))
            got = tuple(entries)
            if memo is not None:
                if len(memo) >= PLANS_KEPT:
                    memo.clear()
                memo[mk] = got
        return got

    @staticmethod
    def _facts_of(problem: Problem, facts: list[Fact], hits: list[Hit], plan: Plan) -> list[Fact]:
        """The facts a plan's findings name by position: the fact of each of the record's hits,
        then the main facts the plan posts."""
        out = [fact for _, fact in hits]
        if plan.mains:
            out += main_facts(problem, facts, plan.mains)
        return out

    def _rows(self, plan: Plan, severity: str, everything: Sequence[Fact], ctx: Context,
              aside_at: frozenset[int] = frozenset(), base: Rows | None = None) -> Rows:
        """The forms of a plan's findings (kept in the plan), from the facts of a record of its
        shape and its context (``severity`` is the record's). ``aside_at``: the positions of the facts with steps set
        aside, and ``base``: the plan's rows, where made, whose findings on other facts these share
        (:meth:`_aside_rows`, which keeps such rows)."""
        forms: list[FindingForm] = []
        # the record's values a finding reads: by fact level, body level and (an unrectified fact) the body assigned
        slots: dict[tuple[Any, str, str | None, str | None], int] = {}
        slot_of: list[int] = []
        rules_of: list[tuple[str, ...]] = []
        passing, by_parameter, canon = ctx.passed, ctx.deadline_from_parameter, self._canon
        sectorless = SECTORLESS in ctx.rests_on  # a sector-less record whose departments are alternatives
        line, bodies = ctx.line, self.policy.bodies
        owner = ctx.owner  # the place decides whose policy it is (policy_gap_owner)
        handed = ctx.handed
        # What a form is made of (:meth:`_static`, :meth:`_form`), kept in two steps: by what the record gives every
        # finding (the deadline's source, the policy's owner, the severity, the alternatives), then by the finding's
        # key, duties and rules, what it reads of its facts (:data:`_FactPart`), whether it was passed on, its own
        # day, whether steps were set aside and the readings linked to it.
        # (a record naming its line — sectorless only where its line leaves a level or stage nobody, read as for no
        # line, PolicyView.line_idle — has its findings rest on sectorless_alternatives where deciding it again under
        # the other value changes them (links, :meth:`switched_rests`), not wherever a duty is held for a part: the
        # level it was read at as for no line may have one holder either way — 县扶贫办 for a finance-line insurance
        # record, 二(六)3(3) — and the record's own line's department is named by it; fid60)
        alternatives = sectorless and line is None
        part = (by_parameter, owner, severity, sectorless, alternatives)
        memo = self._row_forms.get(part)
        if memo is None:
            memo = self._row_forms[part] = {}
        # What a finding reads of a fact, by the fact's position: a fact gives several findings (each liability, each
        # holder), read once: the fact, its level, type and body, and its part of the form's key.
        read: dict[int, tuple[Fact, Any, Any, Any, _FactPart]] = {}
        links = plan.links
        for key, duties, positions in zip(plan.keys, plan.duties, plan.fired, strict=True):
            # a not_handled or not_rectified finding on a fact with steps set aside rests on irregular_step (its
            # supervisors press it either way); the base's other findings are as they are
            aside = bool(aside_at) and key[1] in _ASIDE_BASES and any(at in aside_at for _, at in positions)
            if base is not None and not aside:
                forms.append(base.forms[len(forms)])
                continue
            if len(positions) == 1:  # most findings rest on one hit
                rule_id, at = positions[0]
                rules: tuple[str, ...] = canon((rule_id,))
                known = read.get(at)
                if known is None:
                    fact = everything[at]
                    escalate = bool(fact.get("escalate"))
                    known = read[at] = (fact, fact.get("lvl"), fact["t"], fact.get("body"), (
                        bool(fact.get("selffix")), bool(fact.get("atp")), bool(fact.get("slow")), escalate,
                        bool(fact.get("rlim")), fact.get("chosen") or 0, bool(fact.get("own")), bool(fact.get("nod")),
                        escalate and self.disposal(fact)))
                fact, lvl, t, body, fpart = known
                facts = [fact]
                passed = key[1] == "not_rectified" and lvl in passing
            else:
                rules = canon(tuple([r for r, _ in positions]))
                facts = [everything[i] for _, i in positions]
                fact = facts[0]
                passed = key[1] == "not_rectified" and any(f.get("lvl") in passing for f in facts)
                chosen = 0
                for f in facts:
                    chosen |= f.get("chosen") or 0
                escalate = bool(fact.get("escalate"))
                lvl, t, body = fact.get("lvl"), fact["t"], fact.get("body")
                fpart = (any(f.get("selffix") for f in facts), any(f.get("atp") for f in facts),
                         any(f.get("slow") for f in facts), escalate, any(f.get("rlim") for f in facts), chosen,
                         any(f.get("own") for f in facts), any(f.get("nod") for f in facts),
                         escalate and self.disposal(fact))
            # a department its level handed the problem only after the level's limit, and that then sat on it: its
            # reason gives its own day (R-sat)
            own_day = t == "unhandled" and ((bool(handed) and (lvl, key[0]) in handed)
                                            or (fpart[7] and body == key[0]))
            # (… or the body a level was handed the problem by an assignment it has no duty to rectify, which sat on
            # it: misassigned_body_passes_on, the fact's ``nod``; :meth:`handed_on`)
            linked = links.get(key, ()) if links else ()
            # (a report up set aside among its steps: the reason says so, aside_report — the first fact's, as _form
            # reads it)
            # (a body the record itself names as its assignee answers for that 交办 whoever's part failed: its
            # not_rectified finding does not rest on sectorless_alternatives, which names the same under either value —
            # check51b #2, Y13: the county handed 县财政 and 县建设 a housing subsidy in turn)
            named = sectorless and t == "unrectified" and body == key[0]
            # (a record of a line: a level's role there answered as for a record naming no line because that line's
            # department has no part in the kind at the level, which the verdict says instead of the role's "the record
            # does not say which": _facts.line_without_part; check56 L1/L2, fid58 — or because the level has no
            # department of that line the rules name, which the role stands for: line_department_unnamed, check56 L4,
            # fid59. That line's own department is named by it, not as one of the alternatives the record does not
            # choose between — 市财政 pressing a finance-line ledger's rectification, 二(五)5, fid58 —: such a record's
            # findings rest on sectorless_alternatives by its links alone, ``alternatives``)
            swap = None
            if line is not None:
                of = bodies[key[0]]
                if of.role:
                    swap = line_without_part(self.policy, str(fact["area"]), fact.get("kind") or None, of.level, line)
            if sectorless and t == "unhandled" and SECTORLESS not in linked and self._own_by_reading(key[0], duties,
                                                                                                 fact):
                # (a level's 问题所属部门 is itself to handle a policy gap only as it stands for the departments
                # sectorless_alternatives makes it one of: its reason, 本身负责…办理 or 负有交办职责, rests on it;
                # check54 #5)
                linked = (*linked, SECTORLESS)
            mk = (key, duties, rules, fpart, passed, own_day, aside, linked, aside and aside_report(fact), named, swap)
            form = memo.get(mk)
            if form is None:
                fired = [(self._rule_of[r], f) for r, f in zip(rules, facts, strict=True)]
                static = self._static(key, duties, fired, rules, by_parameter, passed,
                                      alternatives and not named, owner, aside, fpart[5])
                if linked:
                    static = self._linked(static, linked)
                if swap is not None:
                    static = self._swapped(static, key[0], swap)
                form = self._form(key, duties, static, severity, fact, own_day)
                memo[mk] = form
            forms.append(form)
            if base is None:
                rules_of.append(rules)
                # a finding on a level's failure to rectify reads the dates of the body it was assigned to (R9A-2)
                slot_of.append(slots.setdefault((lvl, form.level, body if t == "unrectified" else None,
                                                 key[0] if own_day else None), len(slots)))
        if plan.mains:  # (a main_responsibility finding carries what its level's failures rest on: review30 #7)
            self._main_rests(plan, forms, everything, severity)
        absent: Sequence[str] = ctx.rests_on
        if plan.inert:  # (readings no value of which changes a finding: listed only where a finding rests on them)
            absent = [r for r in absent if r not in plan.inert]
        interpretations = self._interpretation_forms([f.rests_on for f in forms],
                                                     (*absent, *plan.spared) if plan.spared else absent,
                                                     plan.removed)
        calls = self._interpretations_maker(interpretations)
        if base is not None:  # (the same findings in the same slots)
            return untracked(Rows(tuple(forms), base.slot_of, base.rules, base.slots, interpretations, calls), *_KEPT)
        # (untracked, with what it holds: forms, interpretations and the function of their dicts; engine/_compile)
        got = untracked(Rows(tuple(forms), canon(tuple(slot_of)), canon(tuple(rules_of)),
                             canon(tuple(map(canon, slots))), interpretations, calls), *_KEPT)
        if not aside_at:
            plan.rows = got
        return got

    def _main_rests(self, plan: Plan, forms: list[FindingForm], everything: Sequence[Fact], severity: str) -> None:
        """Give each main_responsibility form in ``forms`` (a plan's, in its keys' order) the parameters that every
        failure finding at its level rests on (review30 #7, R30-53/55: under handling_time_limit_days=20 a level's
        failure goes, and the 主体责任 that follows from it, 二(一)1, with it — the failure named the limit, the
        主体责任 did not). Every failure, not any: a parameter only one of a level's two failures rests on does not
        remove the level's failure alone. Not the liability thresholds (the failure's own liabilities), nor the
        readings that only choose which body of the level answers, or on which of two failures (receiving_level_body,
        concealing_level_body, sectorless_alternatives, rectifier_holding, assignment_without_rectification_duty,
        misrouted_level_holder): the
        level failed under either value."""
        memo = self._memo_main
        if memo is None:
            policy = self.policy
            skip = frozenset({li.from_parameter for li in policy.liabilities.values() if li.from_parameter is not None}
                             | {RECEIVER, CONCEALER, SECTORLESS, OWN_WORK, NO_DUTY, MISROUTED})
            quiet, parameters, bodies = policy.main_not_raised_by, policy.parameters, policy.bodies
            # (kept: whether a finding's key is a failure that raises main responsibility, and by what a form rests on
            # the parameters it carries to its level's main responsibility; a new shape's rows read them per finding)
            memo = self._memo_main = (
                _Memo(lambda key: key[1] in FAILURES and bodies[key[0]].kind not in quiet),
                _Memo(lambda rests: tuple([r for r in rests if r in parameters and r not in skip])))
        raises, carried = memo
        common: dict[str, tuple[str, ...]] = {}
        for key, form in zip(plan.keys, forms, strict=True):
            if raises[key]:
                mine = carried[form.rests_on]
                got = common.get(form.level)
                common[form.level] = mine if got is None else tuple([r for r in got if r in mine])
        if not common:
            return
        for i, (key, form) in enumerate(zip(plan.keys, forms, strict=True)):
            if key[1] != "main_responsibility" or not (extra := common.get(form.level)) \
                    or not (extra := tuple([r for r in extra if r not in form.rests_on])):
                continue
            static = self._linked(form.static, extra)
            fact = everything[plan.fired[i][0][1]]
            forms[i] = self._form(key, form.duties, static, severity, fact)

    def _aside_rows(self, plan: Plan, problem: Problem, facts: list[Fact], hits: list[Hit], ctx: Context) -> Rows:
        """The rows of a record of ``plan`` with steps set aside: its not_handled and not_rectified findings on a fact
        with such steps (``aside``) rest on irregular_step too (review17 D5). Kept in the plan by the positions of
        those facts: the plan's findings and their slots are those of a record without such steps, only those forms
        differ, so the two share the plan, and where the plan's own rows are made, these are made from them (a plan's
        rows are much of a new shape's cost)."""
        aside_at = frozenset([i for i, (_, fact) in enumerate(hits) if fact.get("aside")])
        # (and which of them had a report up set aside: their reasons say so, aside_report — a record whose same facts
        # had only other steps set aside must not be given those rows, nor that one these: the batch's reasons, which
        # equal who_answers', differed by which of the two a decider met first)
        own_at = frozenset([(i, why) for i in aside_at if (why := aside_report(hits[i][1]))])
        asides = plan.asides
        if asides is None:
            asides = plan.asides = {}
        got = asides.get((aside_at, own_at))
        if got is None:
            everything = self._facts_of(problem, facts, hits, plan)
            got = asides[aside_at, own_at] = self._rows(plan, problem.__dict__["severity"], everything, ctx,
                                                        aside_at, plan.rows)
        return got

    def without_knowers_missing(self, placed: dict[tuple[str, str, str], Any],
                                knew: set[int] | frozenset[int] = frozenset(),
                                hid_levels: set[int] | frozenset[int] = frozenset(),
                                area: str | None = None, kind: str | None = None) -> dict[tuple[str, str, str], Any]:
        """``placed`` without a miss (not_discovered) of a body that knew the problem: one that
        concealed it (一(四) lists 瞒报漏报 apart from 应发现未发现; others at its level keep theirs, but the body one
        subject with it, :meth:`~responsibility.policy._view.PolicyView.knows_with`: 县党委 hiding it, 县政府 knew),
        one at a level of ``knew`` (:attr:`Context.knew`: it reported it or received a report of
        it in time), or one at a level named as concealer (``hid_levels``, :attr:`Context.hid`) but a unit below that
        level in the problem of ``area`` and ``kind`` (unit_below_own_level: the school answers as a level below, as
        where the record names the level's one body as concealer; check62 X4)."""
        hid = {body for body, basis, _ in placed if basis == CONCEALED}
        if not hid and not knew and not hid_levels:
            return placed
        policy = self.policy
        if hid and PARTNER_KNEW in policy.parameters and policy.parameter(PARTNER_KNEW):
            hid.update(*[policy.knows_with(body) for body in hid])
        rank, bodies = policy.level_rank, policy.bodies

        def knows(body: str) -> bool:
            level = rank[bodies[body].level]
            return level in knew or (level in hid_levels and not unit_below_level(policy, body, area, kind))

        return {k: v for k, v in placed.items() if not (k[1] == MISSED and (k[0] in hid or knows(k[0])))}

    # ------------------------------------------------------------------ placing

    def _place(self, problem: Problem, jurisdiction: Jurisdiction, hits: list[Hit],
               ctx: Context) -> dict[tuple[str, str, str], tuple[list[Hit], tuple[str, ...]]]:
        """Findings keyed by (body, basis, liability): the hits behind each and its duties."""
        prank = self.policy.level_rank[coded(problem.place)[1]]  # (as derive reads it)
        placed = self.place_hits(problem.area, problem.kind, prank, hits, ctx.line, self._acting_pressers(problem))
        return self.without_knowers_missing(placed, ctx.knew, ctx.hid, problem.area, problem.kind)

    def failure_levels(self, placed: Mapping[tuple[str, str, str], Any]) -> set[int]:
        """Ranks of the levels at which one of the failures of 一(四) was found, by a body whose
        kind the main-responsibility finding does not leave out (``not_raised_by``)."""
        policy = self.policy
        quiet = policy.main_not_raised_by
        return {policy.level_rank[policy.bodies[body].level] for body, basis, _ in placed
                if basis in FAILURES and policy.bodies[body].kind not in quiet}

    def place_hits(self, area: str, kind: str | None, prank: int, hits: list[Hit], sector: str | None = None,
                   acting: tuple[tuple[str, str], ...] = ()
                   ) -> dict[tuple[str, str, str], tuple[list[Hit], tuple[str, ...]]]:
        """:meth:`_place` for a problem in ``area``/``kind`` whose place's level has rank ``prank``
        and whose line is ``sector`` (one fact's hits; concealment is applied by :meth:`_place`); ``acting``: the
        record's :meth:`_acting_pressers` (the batch's fast path has none: its records naming one take the reference
        path)."""
        out: dict[tuple[str, str, str], tuple[list[Hit], tuple[str, ...]]] = {}
        for rule, fact, placings in self._placed_hits(area, kind, prank, hits, sector, acting):
            for key, duties in placings:
                _placed(out, key, (rule, fact), duties)
        return out

    def _placed_hits(self, area: str, kind: str | None, prank: int, hits: list[Hit], sector: str | None,
                     acting: tuple[tuple[str, str], ...] = (),
                     ) -> Iterator[tuple[Rule, Fact, tuple[tuple[tuple[str, str, str], tuple[str, ...]], ...]]]:
        """Each hit with what it places (:meth:`_placing`), less the 指导督促 of a body that answers 整改不到位 for the
        record: a level assigned the problem as a whole whose department of the record's line answers 整改不到位 does
        not also press itself (一(四) 交办问题整改落实不到位: one failure; review25 R25-10) — nor, handed the problem
        beside another body of its level, press that body's part of the same rectification (县财政局 and the school
        both handed unpaid aid: finance answers 整改不到位, not 指导督促 too; review43b R3), nor, an assignee that
        passed it on only after the handling limit, press the level it passed it to (the delay is in its 整改不到位,
        late_pass_on_answers; check54 #3b). Both findings rest on the same words of 一(四), 对交办问题整改落实不到位的,
        for the one rectification a record has: naming the body twice would count one failure twice. ``acting``: the
        departments the record shows acting that press also where the kind does not concern them
        (:meth:`_acting_added`)."""
        got = [(rule, fact, self._placing(area, kind, prank, rule, fact, sector)) for rule, fact in hits]
        # (every body named 整改不到位 by any hit: a record is one problem, with one rectification)
        rectifiers = {key[0] for rule, _, placings in got if rule.basis == NOT_RECTIFIED for key, _ in placings}
        if rectifiers:
            got = [(rule, fact, tuple(p for p in placings if p[0][0] not in rectifiers)
                    if rule.basis == SUPERVISION else placings) for rule, fact, placings in got]
        if acting:
            got = self._acting_added(area, kind, prank, sector, got, acting, rectifiers)
        yield from got

    def _place_at(self, area: str, kind: str | None, prank: int, hits: list[Hit], sector: str | None,
                  start: int, out: dict[tuple[str, str, str], tuple[list[tuple[str, int]], tuple[str, ...]]],
                  acting: tuple[tuple[str, str], ...] = ()) -> None:
        """:meth:`place_hits` into ``out``, each hit named by its rule's id and its position
        (from ``start``), as a :class:`Plan` keeps it."""
        for pos, (rule, _, placings) in enumerate(self._placed_hits(area, kind, prank, hits, sector, acting), start):
            for key, duties in placings:
                _placed(out, key, (rule.id, pos), duties)

    def _placing(self, area: str, kind: str | None, prank: int, rule: Rule, fact: Fact,
                 sector: str | None) -> tuple[tuple[tuple[str, str, str], tuple[str, ...]], ...]:
        """:meth:`_placing_of`, kept by what it reads (unless the decider keeps nothing)."""
        memo = self._placings
        if memo is None:
            return self._placing_of(area, kind, prank, rule, fact, sector)
        # What a hit places depends on its rule (area, kind, stage, basis, liability, holders), the
        # body its fact names where the rule reads it, the place's level and the record's sector.
        mk = (rule.id, fact.get("body") if rule.holders is None or rule.basis == "supervision" else None,
              prank, sector, fact.get("later"), fact.get("nod") if rule.basis == "not_handled" else None,
              fact.get("escalate") if rule.basis == "not_handled" else None,
              fact.get(_FINDER) if spares_finder(rule) else None)
        got = memo.get(mk)
        if got is None:
            got = memo[mk] = self._placing_of(area, kind, prank, rule, fact, sector)
        return got

    def _placing_of(self, area: str, kind: str | None, prank: int, rule: Rule, fact: Fact,
                    sector: str | None) -> tuple[tuple[tuple[str, str, str], tuple[str, ...]], ...]:
        """The findings (body, basis, liability) one hit gives, each with its duties."""
        policy = self.policy
        holders: Sequence[tuple[str, tuple[str, ...]]]
        at = rule.holders[0].body if rule.holders else fact.get("body") if rule.holders is None else None
        if sector is not None and at and self._untied(rule, policy.bodies[str(at)].level, sector):
            # a level a record's line names no body of (_facts.untied_line: 市政府 or 市水利 as the line of a project;
            # 县审计局 of a funds allocation) stands as for a record naming no line, with the duties its bodies hold
            # there (check51 #1; at the county too)
            sector = None
        if rule.holders is not None:
            holders = self.resolved(rule, sector, prank)
            if sector is None and rule.basis == MISSED and kind is not None:
                holders = self._whole_over_parts(area, kind, holders)
            if spares_finder(rule) and (finder := fact.get(_FINDER)):
                # a rule that spares the body the record names as the finder (it did find it, through that channel;
                # probe8 P8-17) spares it too where a role the record's line resolves stands for it: the rule's
                # condition compares the role's id, which is never the finder's (check53 #1: 县医保 taking a hotline
                # call was named 应发现未发现 of what it found, under outside_channel_finder_level=true)
                holders = [(b, ds) for b, ds in holders if b != finder]
        else:
            body = str(fact["body"])
            stage = policy.stage_reaching(area, kind, rule.stage, sector, prank)
            own = stage.get(body)
            if own is None and sector is None and policy.bodies[body].sector is not None \
                    and policy.has_part(area, kind, body):
                # A named department answers for its own line when the record names no other — where the text gives
                # it a part in the problem (not the education bureau named as finder of a house renovation: 二(二)3 涉及
                # 本部门问题 is then the wrong clause; probe9 P9-02, review8a N1).
                own = policy.stage_reaching(area, kind, rule.stage, policy.bodies[body].sector, prank).get(body)
            if own is None and sector is not None and rule.basis in _HELD_ONLY and policy.bodies[body].role:
                # the role a record's line gives no part at its level stands for (_facts.line_holder: 市相关行业主管部门
                # for a city's health policy a record puts in 财政's line) answers with the duties it holds for a record
                # naming no line (二(六)3(5)), not as one that "received" it (fid38a)
                level = policy.bodies[body].level
                plain = {b: ds for b, ds in policy.stage_reaching(area, kind, rule.stage, None, prank).items()
                         if policy.bodies[b].level == level}
                line = policy.sector_of(sector)
                if line is not None and line_gives_no_part(policy, area, kind, level, line, plain, {
                        b: ds for b, ds in stage.items() if policy.bodies[b].level == level}):
                    own = plain.get(body)
            if rule.basis == "concealed" and own and kind is not None and policy.has_part(area, kind, body, sector):
                # a concealer with a part at handling hid its part in the kind's work too: the duty the text
                # gives it by name for this work, at discovery or rectification, in the kind's own area (二(四)4
                # 县扶贫办…对资金使用的绩效负责, beside its ledger, 一(三); review33 R5). Not a duty every member unit
                # holds in an area (scope area_holders: 一(一) 省市两级…主动发现, 二(二)3 涉及本部门问题的动态发现),
                # which 应发现未发现 cites: a policy gap or a village's specific problem is not the 扶贫办's
                # 本部门问题 because it hid it. In the record's line, else the concealer's own.
                line = sector if sector is not None else policy.bodies[body].sector
                more = [d for st in ("discovery", "rectification")
                        for d in (policy.stage_reaching(area, kind, st, line, prank, own=True).get(body) or ())
                    if policy.duty_area[d] == area and policy.duties[d].scope != "area_holders"]
                own = tuple(dict.fromkeys((*own, *more)))
            if own and rule.basis == "not_rectified" and kind is not None \
                    and all(policy.duties[d].scope == "area_holders" for d in own) \
                    and not policy.has_rectification_duty(area, kind, body, prank, sector):
                # a named assignee whose only duty at rectification is 二(二)3 即时整改 of 涉及本部门问题, which the
                # text does not make it hold here (PolicyView.has_rectification_duty: 县财政 handed a missing
                # performance
                # evaluation, 二(四)4–5 组织实施绩效评价 being the departments'; assignment_without_rectification_duty:
                # assignee names it all the same) answers on its own part in the kind at another stage (二(四)3
                # 组织本级相关部门做好财政扶贫资金绩效管理工作), as one with no duty at rectification does — not on
                # 二(二)3 (fid52's left item; review10 R10A-08)
                line = sector if sector is not None else policy.bodies[body].sector
                other = next((part for st in _OTHER_STAGES if (part := tuple(
                    d for d in (policy.stage_reaching(area, kind, st, line, prank, own=True).get(body) or ())
                    if policy.duties[d].scope != "area_holders"))), ())
                own = other or own
            if not own and rule.basis in ("not_rectified", "concealed") and policy.has_part(area, kind, body, sector):
                # a named assignee whose part in the problem is at another stage (the county poverty office, keeper
                # of the 整改清单, named for a renovation: 一(三)) answers with that duty, not on 一(四) alone
                # (review10 R10A-08)
                # (its own part: a duty that presses only those below still gives the assignee its part; review18c C1);
                # so does a named concealer, whose part is not at handling (the school hiding a student it did not
                # identify: 二(六)2(1) 负责本校的学生资助对象认定; review32 F5)
                stages = _OTHER_STAGES if rule.basis == "not_rectified" else _CONCEALER_STAGES
                own = next((got for st in stages
                            if (got := policy.stage_reaching(area, kind, st, sector, prank, own=True).get(body))), own)
            if not own and rule.basis == "not_handled" and kind is not None:
                # a body of a city or the province whose one holder of the kind's handling is the 扶贫办 by 二(二)5
                # 省市有关部门…负责指导督促基层问题发现和整改 alone (a guidance duty reaching below, not one to pass
                # problems on): the department receiving_level_body chooses there (_facts.pressing_department), or a
                # record names, answers with the duties the text ties it to the kind's work by (二(六)5(6) 省市行业主管
                # 部门…指导、协调和督促农村饮用水达标提标工程建设: 市水利; 二(六)4(6) 省市住房城乡建设部门…督促农村危旧
                # 房改造工作: 市住建), not on 一(三)/一(四) alone as a finder with no part (review41b D1)
                own = self._tied_elsewhere(area, kind, prank, body, sector) or own
                line = policy.sector_of(sector) if sector is not None else None
                if not own and line is not None and policy.bodies[body].sector == line:
                    # the record's line's department a level received it through by receiving_level_body, tied to the
                    # kind's work by the area's own clause (二(六)4(7) 督查指导农村危房改造涉及本部门的相关工作:
                    # 市民政), answers on it, not on 一(三)/一(四) alone (check51 #1)
                    own = line_tie(policy, area, kind, policy.bodies[body].level, line)
                if not own and sector is None and policy.bodies[body].role:
                    own = self._lines_stood_for(area, kind, rule.stage, prank, body)
            if own and rule.basis == "not_handled" and self.own_holding(body, own, fact) \
                    and (mine := rectifying_duties(policy, area, kind, prank, body, own, sector)):
                # a body that was itself to rectify what it held and sat on it (:meth:`own_holding`, as its reason says:
                # 本身负责该问题的办理和整改; read from the fact's area, kind, place's level and escalation, which the
                # batch's facts give too), whose handling duty is none of the kind's area, answers on the duty of the
                # area that made it the rectifier too: 市扶贫办 holding its city's own poverty assets is tied to them
                # by 二(四)7 扶贫、民宗部门负责统筹监督扶贫资金和资产的管理使用, which 二(一)1(3)'s daily affairs
                # alone do not say (its own note: that does not make the office hold a problem; check44 #2). The
                # handling duty stays beside it: the reading that made the office its level's holder is still one the
                # finding rests on (receiving_level_body: handling_holders reads the office so). (A handling duty of
                # the area — 二(六)5(6) for 市水利's policy gap — already says why it holds it; so does a county's
                # 二(二)3 分类办理, the sorting 一(三) gives the county that keeps the lists.)
                own = (*mine, *own)
            if own is not None or policy.bodies[body].kind not in policy.failures[rule.basis].gives_way:
                # A named body of the chain answers for what it itself failed to do, whatever its
                # duties in the area (一(四) 对发现问题没有按程序及时交办和上报的: the finder's, the receiver's).
                holders = [(body, own or ())]
            else:
                # A named finder or receiver of a kind that passes problems on (the media, an audit
                # office) does not take the level's duty over: the level's holders answer.
                level = policy.bodies[body].level
                holders = [(b, ds) for b, ds in stage.items() if policy.bodies[b].level == level]
        if rule.basis in _HELD_ONLY and kind is not None:  # (a named body of the village or township too)
            holders = self._held_only(area, kind, holders)
        # a body its level handed the problem to only after the handling limit did not hold it for the level's delay
        # (_facts._later; fidelity12 G3c): the level's other holders answer, or nobody
        later = fact.get("later")
        # a body handed a problem it has no duty to rectify, which sat on it (misassigned_body_passes_on: true, the
        # fact's ``nod``): its part was to pass it on — 二(二)3 负责涉及本部门问题的…分类办理, the duty the text gives
        # it for sorting what it has, whatever its duties in the kind (fid41's suggestion: 县医保, holding none in the
        # finance line, cited 一(三)/一(四) only)
        handed = fact.get("body") if rule.basis == "not_handled" and fact.get("nod") else None
        out = []
        for body, duties in holders:
            if policy.level_rank[policy.bodies[body].level] < prank or (later and body in later.split()):
                continue
            if body == handed:
                duties = tuple(dict.fromkeys((*duties, *self._sorting(body, prank))))
            if rule.basis == "supervision" and (body == fact.get("body") or fact.get("body") in policy.under(body)):
                # the named assignee does not supervise its own rectification, nor is a body it leads at its level
                # its supervisor (二(一) 党委领导、政府负责; 二(二)4 党委、政府…指导督促部门和乡村; probe8 P8-29)
                continue
            out.append(((body, rule.basis, rule.liability), tuple(duties)))
        return tuple(out)

    def _whole_over_parts(self, area: str, kind: str, holders: Sequence[tuple[str, tuple[str, ...]]]
                          ) -> Sequence[tuple[str, tuple[str, ...]]]:
        """``holders`` of a failure to find a problem of a record naming no line, less, under
        ``sectorless_alternatives: unresolved``, a body whose part in the kind's discovery is only a duty held for its
        own part (``scope: by_sector``) beside a body of its level holding a whole duty of the kind there: the record
        does not show the part failed (一(四) 追究相关工作人员责任: 相关), and the whole duty's holder answers for
        any part (二(六)2(2) 县财政局负责及时拨付和监管资助资金 reaches the school's 提取、发放, 二(六)2(1);
        review43b R3). Under
        ``every_holder`` each answers, as at the other stages."""
        policy = self.policy
        if SECTORLESS not in policy.parameters or policy.parameter(SECTORLESS) != "unresolved" \
                or not policy.has_alternatives(area, kind):
            return holders

        def own(duties: tuple[str, ...]) -> list[str]:
            return [d for d in duties if policy.duty_area[d] == area and policy.duties[d].scope != "area_holders"]

        # (the kind's holders at discovery, not only the rule's: a school taken to be below the county that found the
        # problem, unit_below_own_level, is named alone by its rule, with finance's whole duty at its level still)
        whole = {policy.bodies[b].level for b, ds in policy.stage_holders(area, kind, "discovery").items()
                 if any(policy.duties[d].scope != "by_sector" for d in own(ds))}
        if not whole:
            return holders
        return [(b, ds) for b, ds in holders
                if not (policy.bodies[b].level in whole and (mine := own(ds))
                        and all(policy.duties[d].scope == "by_sector" for d in mine)
                        and not any(policy.duties[d].scope == "area_holders" for d in ds))]

    def _lines_stood_for(self, area: str, kind: str, stage: Stage, prank: int, role: str) -> tuple[str, ...]:
        """The duties a level's ``role`` (问题所属部门, unresolved) stands for where it answers for a problem of
        ``kind`` it had and holds none of the ``stage`` itself: those its level's departments hold there each for
        its own line (``scope: by_sector``) — the work that makes the problem some department's, which the record,
        naming no line, leaves open. A 两不愁 policy gap sat on by the province cites 二(六)1(5)
        省市行业主管部门：负责制定"两不愁"有关政策措施 (民政 for social assistance, the 扶贫办 for income), as the
        other areas' policy gaps cite theirs (二(六)2(4), 二(六)3(5)) through the role's own alternatives — not
        一(三)/一(四) alone (check60 CL1). ``()`` where no department holds such a duty there."""
        policy = self.policy
        level = policy.bodies[role].level
        return tuple(dict.fromkeys(
            d for b, ds in policy.stage_reaching(area, kind, stage, None, prank).items()
            if policy.bodies[b].level == level and not policy.bodies[b].role
            for d in ds if policy.duties[d].scope == "by_sector" and policy.duty_area[d] == area))

    def _tied_elsewhere(self, area: str, kind: str, prank: int, body: str, sector: str | None) -> tuple[str, ...]:
        """:func:`~._facts.tied_elsewhere` (the route reads it too)."""
        return tied_elsewhere(self.policy, area, kind, prank, body, sector)

    def _held_only(self, area: str, kind: str, holders: Sequence[tuple[str, tuple[str, ...]]]
                   ) -> list[tuple[str, tuple[str, ...]]]:
        """``holders`` of a level's failure to pass on (or its concealing) a problem of ``kind``, where a body of
        a level without departments (the village, the township: a level with no role body) holds it only through
        the defaults every kind gets for handling (二(二)1–2 对涉及本村/本乡镇…具体问题的发现和整改工作负责),
        which the kind itself does not list at any stage (rules/areas/discovery.yaml: a kind lists them where its
        problem is a 具体问题 of the village or township): it answers as a holder of the problem, on 一(三)/一(四),
        as a named finder does — not under a duty the kind says is not its (review21 R21-10; concealing it, on
        一(四): review22 R22-6)."""
        policy = self.policy
        memo: dict[tuple[str, str], frozenset[str]] = policy._memo("decide: kind's own duties", dict)
        own = memo.get((area, kind))
        if own is None:
            stages = policy.kinds[(area, kind)].stages
            own = memo[(area, kind)] = frozenset(d for st in STAGES for d in stages.of(st))
        out = []
        for body, duties in holders:
            if policy.roles.get(policy.bodies[body].level) is None and any(d not in own for d in duties):
                duties = tuple(d for d in duties if d in own)
            out.append((body, duties))
        return out

    def resolved(self, rule: Rule, sector: str | None, prank: int | None = None
                 ) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """A rule's holders for a problem whose line is ``sector``, placed at level rank ``prank``.

        Rules are compiled for a problem whose line is unknown: a duty confined to a department's
        own line is held by the role body of its level. For a known sector the role gives way to
        that sector's holders of its duties, and a body that answers only through such duties
        (涉及本部门问题) stays only if the line is its own.
        """
        key = (rule.id, sector, prank)
        got = self._resolved.get(key)
        if got is None and (sector is None or rule.holders is None):
            # (tuples, which the garbage collector stops tracking; a list it walks in every full collection)
            got = self._resolved[untracked(key)] = untracked(tuple([
                (h.body, h.duties) for h in rule.holders or ()
                if not (sector is None and self._line_only(rule, h.body, h.duties, prank))]))
        if got is None and rule.holders and self._untied(rule, self.policy.bodies[rule.holders[0].body].level, sector):
            # a line whose department at the rule's level the text gives no part in the kind's area says nothing of
            # who of that level holds it: the rule's holders as for a record naming no line (_facts.untied_line:
            # 县审计局's line for a funds allocation keeps 县财政 and the 问题所属部门, 二(四)3–5)
            got = self._resolved[untracked(key)] = self.resolved(rule, None, prank)
        if got is None:
            assert sector is not None and rule.holders is not None
            policy = self.policy
            out: dict[str, tuple[str, ...]] = {}
            # a supervisor of an assignee of its own level is not named through a guidance duty reaching below
            # (二(二)5 指导督促基层: not a peer office; probe8 P8-13)
            peer = rule.stage == "supervision" and any(
                c.field == "lvl" and policy.level_rank[policy.bodies[h.body].level] == c.value
                for c in rule.conds for h in rule.holders[:1])
            for h in rule.holders:
                b = policy.bodies[h.body]
                # (a unit's own line, at a level without such a unit, is its directing department's for a duty held for
                # its own part, as keeps_part reads it for a named holder: `sector: school` keeps 市教育's 二(六)2(4))
                unit = policy.unit_line(sector)
                if b.role and not policy.has_sector_at(sector, b.level) and not (
                        unit != sector and unit is not None and policy.has_sector_at(unit, b.level)
                        and any(policy.duties[d].scope == "by_sector" for d in h.duties)):
                    # No department of that line at this level in the data (a county 农业农村部门):
                    # the role stands for it, unresolved, rather than nobody (PolicyView._of_sector) — where a duty's
                    # list of departments is open (二(四)5 各行业主管部门), and then for 涉及本部门问题 (二(二)3) too;
                    # not in a closed list (二(六)4(4) 民政…自然资源…财政; review10 R10A-01)
                    # (二(二)3 成员单位 in its own area is such a list for a member unit's line: R10A-04)
                    if any(policy.duties[d].open_list for d in h.duties) or (
                            sector in policy.member_lines and any(policy.duties[d].scope == "area_holders"
                                                                  and policy.duty_area[d] == rule.area
                                                                  for d in h.duties)) or (
                            # an open list of the record's area at this level includes the line: the role keeps
                            # 涉及本部门问题 for a record that names no kind (review10 R10A-07)
                            b.level in policy.open_levels(rule.area)
                            and any(policy.duties[d].scope == "area_holders" for d in h.duties)):
                        kept = tuple(d for d in h.duties if policy.duties[d].open_list
                                     or policy.duties[d].scope == "area_holders")
                        out[h.body] = tuple(dict.fromkeys((*out.get(h.body, ()), *kept)))
                    continue
                if b.role:
                    for did in h.duties:
                        if peer and policy.presses_below(did):
                            continue
                        other = policy.duties[did].scope == "area_holders" and policy.duty_area[did] != rule.area
                        # …and, for a problem of a kind, only one the kind's own duties give a part (review30 #2)
                        # (at the role's level or below, as PolicyView.holders reads it for a rule naming the
                        # department: a line whose part in the kind is 省市's only — 二(五)5's spot check by
                        # 财政 — gives 县财政局 no 本部门问题; check39 #1, check50 #1)
                        concerned = not (other and rule.kind) or policy.line_in_kind(
                            rule.area, rule.kind, sector, b.level, passing_on=rule.stage == "handling")
                        for x in policy.duties[did].holders:
                            xb = policy.bodies.get(x)
                            # 涉及本部门问题 of another area: only a department of the line the area concerns
                            # (probe10 P10-06)
                            mine = sector in policy.lines_of(x) or (
                                policy.duties[did].scope == "by_sector" and policy.keeps_part(x, sector))
                            # (nor, at the rectification stage, a line whose part in the kind is another stage's
                            # where the kind names another body of its level to fix it: PolicyView.fixed_by_another,
                            # as holders() reads 二(二)3 for a rule naming the department — fid40c, check47a #2)
                            if xb is not None and xb.level == b.level and mine and not (
                                    other and not policy.line_concerned(rule.area, x)) and concerned and not (
                                    other and rule.stage == "rectification" and rule.kind
                                    and policy.fixed_by_another(rule.area, rule.kind, sector, x)):
                                out[x] = tuple(dict.fromkeys((*out.get(x, ()), did)))
                    continue
                # (a duty held for its own part: a unit's own line reads as its directing department's, keeps_part)
                duties = tuple(d for d in h.duties
                               if policy.duties[d].scope == "all" or sector in policy.lines_of(h.body)
                               or (policy.duties[d].scope == "by_sector" and policy.keeps_part(h.body, sector)))
                if duties:
                    out[h.body] = tuple(dict.fromkeys((*out.get(h.body, ()), *duties)))
            # 涉及本部门问题 (二(二)3), 有关部门 (二(二)5 指导督促基层问题…整改), scope area_holders: the record's
            # sector names its department at the rule's level, also where the kind's stage lists none of its own
            # duties (the land of a late renovation, a line department's allocation proposal, the city water
            # bureau over a water project), at every stage; departments of other lines stay only by their own duties.
            levels = {policy.bodies[h.body].level for h in rule.holders}
            kind = rule.kind or None
            for did in dict.fromkeys(d for h in rule.holders for d in h.duties
                                     if policy.duties[d].scope == "area_holders"
                                     and not (peer and policy.presses_below(d))):
                for x in policy.holders(did, rule.area, kind, sector, rule.stage):
                    if policy.bodies[x].level in levels:
                        out[x] = tuple(dict.fromkeys((*out.get(x, ()), did)))
            got = tuple(out.items())
            level = policy.bodies[rule.holders[0].body].level
            if not got and policy.line_idle(rule.area, kind, rule.stage, level, sector, prank):
                # the record's line gives nobody of the rule's level a part in the stage: the level holds it as for a
                # record naming no line, not nobody (PolicyView.line_idle; review32 F1) — its role as the line's own
                # department where the line has a part at the level (PolicyView.line_stand_in; check50 #1)
                got = policy.idle_filled(rule.area, kind, level, sector, self.resolved(rule, None, prank))
            self._resolved[untracked(key)] = untracked(got)
        return got

    def _untied(self, rule: Rule, level: str, sector: str | None) -> bool:
        """Whether ``rule``'s bodies at ``level`` are read as for a record naming no line, the record's line ``sector``
        naming a department there the text gives no part in the kind's area (:func:`~._facts.untied_line`). Only at a
        level that keeps lists (the county): a city's or the province's pressing is 二(二)5's (省市有关部门…负责指导督促
        基层 names a line's department over its own line below, whatever its part at its own level), and their rules'
        holders of another line's problem stay the kind's own (review41 F1: an education line's city allocation is
        市财政's to rectify, 市扶贫办 presses; read as sectorless it named the role standing for 扶贫办 or 民宗
        too). Their handling stage reads an untied line in derive (check51 #1)."""
        return keeps_lists(self.policy, level) and untied_line(self.policy, rule.area, rule.kind or None, level, sector)

    def _line_only(self, rule: Rule, body: str, duties: tuple[str, ...], prank: int | None = None) -> bool:
        """Whether ``body`` is the role that a rule of a problem kind names only through 涉及本部门问题 of the
        kind's own area (二(二)3 in 问题发现): the kind says whose problem it is (扶贫领域具体问题: the
        village's or township's, 二(二)1–2) and lists the duty for the department of the record's line, so a
        record that names no line names no department (probe10 P10-14); a record of the area that names no kind
        still names the role."""
        return self.policy.role_stands_aside(rule.area, rule.kind or None, rule.stage, body, duties, prank)

    def _sheet(self, problem: Problem, jurisdiction: Jurisdiction, facts: list[Fact], hits: list[Hit],
               ctx: Context, plan: Plan, shape: tuple[Any, ...] | None = None, wording_only: bool = False) -> Sheet:
        """The findings and interpretations (what ``to_dict`` shows): the plan's forms and the
        record's values in each slot (the place where a body sits, the finder, the dates, as
        :meth:`context_values` gives them); the rest (:meth:`_more`: rules that fired, chain paths,
        quotes) waits until it is read too. ``shape``: the record's, whose plan is read under the readings the text
        leaves open here (:meth:`_switched`: a verdict not read decides nothing again; ``wording_only``: only under
        those that word a reason)."""
        if shape is not None and self._flips is not None:
            plan = self._switched(problem, jurisdiction, ctx, plan, facts, wording_only)
        rec = problem.__dict__  # (the record's fields from the model's dict: no __getattr__ hook per read)
        if ctx.set_aside:  # (a plan's rows are those of a record without steps set aside)
            rows = self._aside_rows(plan, problem, facts, hits, ctx)
        else:
            rows = plan.rows or self._rows(plan, rec["severity"], self._facts_of(problem, facts, hits, plan), ctx)
        d = rec["discovered"]
        if d is not None:
            dk = (found_fields := d.__dict__)["body"], found_fields["level"], found_fields["channel"]
            found = self._found.get(dk)
            if found is None:
                found = self._found[dk] = {**UNFILLED, **self.context_at(problem, None, ctx)}
        else:
            found = UNFILLED
        received, assigned = ctx.received, ctx.assigned
        lowest = min(assigned) if assigned else 0
        places = self._places.get(jurisdiction) or self._places_in(jurisdiction)
        where = rec["place"]
        code = (_CODED.get(where) or coded(where))[0]  # (derive has read the place's code)
        assigned_to = ctx.assigned_to
        iso, assignees, digits, in_force = _ISO, self._assignees, _LEVEL_DIGITS, self._in_force
        # (in C where every memo the loop reads holds what it needs, as most records' do; else the loop below)
        slots: list[Slot] | None = None if _c_sheet_slots is None else _c_sheet_slots(
            rows.slots, code, digits, places, found, ctx.handed, received, iso, assigned, lowest, assigned_to,
            assignees, in_force, since_values, _place_entry, jurisdiction)
        if slots is None:
            slots = []
            for lvl, level, to, own in rows.slots:
                # the place at the body's level is named by the first digits of the record's place code (ancestor_code):
                # kept by those, so that records of a new village share its county's, city's and province's entries
                prefix = code[:digits[level]]
                got = places.get(prefix) or _place_entry(places, jurisdiction, code, level, prefix)
                values = found.copy()  # every field a template leaves unfilled has a value: no missing key
                values["place"] = got[2]
                if isinstance(lvl, int):
                    # (the days' texts kept by day, _ISO: date.isoformat formats through PyUnicode_FromFormat, ~0.5 us)
                    # the day the body was itself handed it (R-sat), else the day its level received it
                    # (or, for a body handed it with no duty to rectify it, the day it was: handed_on)
                    day = (ctx.handed.get((lvl, own)) or self.handed_on(problem, lvl, own)) if own is not None \
                        else received.get(lvl)
                    if day is not None:
                        values["received"] = iso.get(day) or _iso(day)
                        if in_force is not None and day < in_force:
                            values.update(since_values(in_force))
                    if assigned:
                        # The fact's own assignment, or (for supervisors and main responsibility) the lowest one.
                        rank = lvl if lvl in assigned else lowest
                        on, deadline = assigned_to.get((lvl, to), assigned[rank]) if to is not None else assigned[rank]
                        values["assigned"] = iso.get(on) or _iso(on)
                        values["deadline"] = iso.get(deadline) or _iso(deadline)
                        values["assignee"], values["assignee_en"] = assignees[rank]
                slots.append((got[0], got[1], values))
        if ctx.late_passes:  # (few records: an assignee that passed it on late says so in its 整改不到位; check54 #3a)
            late = ctx.late_passes
            for i, (lvl, _, to, _) in enumerate(rows.slots):
                if to is not None and (day := late.get((lvl, to))) is not None:
                    place_code, place_name, known = slots[i]
                    slots[i] = (place_code, place_name, {**known, **self.late_values(day)})
        # (the named tuple made as a tuple is: its generated __new__ is a Python frame per verdict)
        return _new_tuple(Sheet, (rows.forms, rows.slot_of, rows.rules, slots, rows.interpretations,
                                  functools.partial(self._more_of, problem, jurisdiction, facts, hits, plan),
                                  rows.interpretation_calls))

    def _places_in(self, jurisdiction: Jurisdiction) -> dict[str, tuple[str, str, str]]:
        """Where the findings of a record in ``jurisdiction`` sit, kept by the first digits of the record's place code
        that name the place at the body's level (:data:`_LEVEL_DIGITS`): the place's code, its name, and the name a
        reason gives it (the code where the jurisdiction has no such place). Kept for the last few jurisdictions
        (places never change)."""
        got = self._places.get(jurisdiction)
        if got is None:
            if len(self._places) >= 8:
                self._places.clear()
            got = self._places[jurisdiction] = {}
        return got

    def _more_of(self, problem: Problem, jurisdiction: Jurisdiction, facts: list[Fact],
                 hits: list[Hit], plan: Plan) -> More:
        """:meth:`_more` of a verdict placed by ``plan``: its findings with the record's own facts."""
        rule_of, everything = self._rule_of, self._facts_of(problem, facts, hits, plan)
        code = parse_code(problem.place)
        return self._more(jurisdiction, code, plan.keys,
                          [[(rule_of[r], everything[i]) for r, i in fired] for fired in plan.fired])

    def _more(self, jurisdiction: Jurisdiction, code: str, keys: Sequence[tuple[str, str, str]],
              fired: Sequence[list[Hit]]) -> More:
        """The rules that fired (with the findings each gave), the chain paths of the findings
        (``keys``, in finding order), and copies of the quotes and parameters."""
        policy = self.policy
        rank = policy.level_rank
        chain = [(p.name, rank[p.level]) for p in jurisdiction.ancestors(code)]
        paths: dict[int, tuple[str, ...]] = {}
        steps: dict[str, tuple[dict[str, Any], list[int]]] = {}
        for i, key in enumerate(keys):
            body = policy.bodies[key[0]]
            # From the problem's place up the chain to the place where the liable body sits.
            top = rank[body.level]
            paths[i] = (*(name for name, r in chain if r <= top), body.name)
            for rule, fact in fired[i]:
                steps.setdefault(rule.id, (fact, []))[1].append(i)
        quotes, parameters = self._shared()
        return More(steps=tuple(Step(r, f, tuple(sorted(set(ix)))) for r, (f, ix) in steps.items()),
                    quotes=dict(quotes), parameters=dict(parameters), paths=paths)

    def _linked(self, static: tuple[tuple[str, ...], tuple[str, ...]], linked: tuple[str, ...]
                ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """``static`` with the switched-off readings ``linked`` the finding rests on too (:meth:`switched_rests`), kept
        (a form is kept by its static's identity)."""
        mk = (id(static), linked)
        got = self._linked_memo.get(mk)
        if got is None or got[0] is not static:
            got = self._linked_memo[untracked(mk)] = untracked(
                (static, (static[0], tuple(dict.fromkeys((*static[1], *linked))))))
        return got[1]

    def _swapped(self, static: tuple[tuple[str, ...], tuple[str, ...]], role: str, why: str
                 ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """``static`` of a finding on ``role`` resting on ``why`` (:func:`~._facts.line_without_part`) in the role
        body's place — the record named its line, which leaves the role's level answering as for a record naming
        none —, kept as :meth:`_linked` keeps its own (a form is kept by its static's identity)."""
        mk = (id(static), role, why)
        got = self._swapped_memo.get(mk)
        if got is None or got[0] is not static:
            rests = tuple(dict.fromkeys(why if r == role else r for r in static[1]))
            got = self._swapped_memo[mk] = (static, (static[0], rests))
        return got[1]

    def _static(self, key: tuple[str, str, str], duties: tuple[str, ...], fired: list[Hit], rules: tuple[str, ...],
                deadline_from_parameter: bool, passed: bool = False,
                sectorless: bool = False, owner: bool = False,
                aside: bool = False, chosen: int = 0) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """A finding's clauses and what it rests on: the same for the same body, basis, liability,
        duties and rules (kept per decider; a policy has few such). ``passed``: a not_rectified of a
        level that passed its assignment down in time (it rests on reassigned_level_answers); ``aside``: a fact it
        fired on has steps of its level within its limit that counted as none (:meth:`_aside_rows`); ``chosen``: it
        fired on a level named as concealer whose body concealing_level_body chose (review18b D6), or on a county,
        city or province that received it through no body named, whose holder receiving_level_body chose (R22-2)."""
        selffix = any(fact.get("selffix") for _, fact in fired)
        # a body answering only because nobody at or below the place can rectify it (place_above_rectifiers; R9A-10)
        atp = any(fact.get("atp") for _, fact in fired)
        # a level that passed it on only after the handling limit answers as assignee on the limit (probe10 P10-11)
        slow = any(fact.get("slow") for _, fact in fired)
        # a level's not passing on a problem rectified after the rectification limit (review17 D4)
        rlim = any(fact.get("rlim") for _, fact in fired)
        # a rectifier that sat on what it found or received, read by rectifier_holding (review27 #9)
        own = any(fact.get("own") for _, fact in fired)
        # an assignment of its group that assignment_without_rectification_duty read (review28 #7)
        nod = any(fact.get("nod") for _, fact in fired)
        # (aside: a level's step within its limit that counted as none, not 按程序; review17 D5, review17c K4)
        sev = fired[0][1].get("sev") if fired else None  # the record's severity, as its facts rank it
        memo_key = (key, duties, rules, deadline_from_parameter, selffix, passed, sectorless, atp, owner, slow, rlim,
                    aside, chosen, own, nod, sev)
        got = self._static_memo.get(memo_key)
        if got is not None:
            return got
        # What does not depend on the severity is made once for every severity (:meth:`_static_base`, by the key less
        # the severity); only the thresholds the severity withholds (:meth:`withheld`) are added per severity. (Kept
        # in two flat dicts of tuples, which the garbage collector stops tracking, rather than a dict per entry: ten
        # thousand more tracked objects moved a full collection into bench_engine's timed window.)
        base_key = memo_key[:-1]
        base = self._static_bases.get(base_key)
        if base is None:
            base = self._static_bases[untracked(base_key)] = untracked(self._static_base(
                key, duties, fired, deadline_from_parameter, passed, sectorless, owner, aside, chosen, selffix, atp,
                slow, rlim, own, nod))
        clauses, head, tail = base
        withheld = self.withheld(key[1], sev) if sev is not None else ()
        # (in the order a dict made in one pass gives: the parameters before the thresholds, the thresholds, the rest;
        # each where it first comes)
        rests = tuple(dict.fromkeys((*head, *withheld, *tail))) if withheld or tail else head
        if sev is not None and sev >= self._top:
            # A threshold is read only as ``severity >= threshold``: at the gravest severity no value of it withholds
            # anything, so no finding of a grave problem rests on it (check52 #6a: unit_liability_from,
            # leadership_liability_from and main_responsibility_from were listed on every grave verdict).
            thresholds = self.thresholds
            if any(r in thresholds for r in rests):
                rests = tuple([r for r in rests if r not in thresholds])
        got = self._static_memo[untracked(memo_key)] = untracked((clauses, rests))
        return got

    @functools.cached_property
    def _top(self) -> int:
        """The rank of the gravest severity."""
        return severity_rank(SEVERITIES[-1])

    @functools.cached_property
    def thresholds(self) -> frozenset[str]:
        """The severity thresholds of the policy: the parameters from whose severity a liability is given, or a
        failure found (each liability's and failure's ``from_parameter``: unit_liability_from,
        leadership_liability_from, main_responsibility_from). Each is read only as ``severity >= threshold``."""
        policy = self.policy
        return frozenset({li.from_parameter for li in policy.liabilities.values() if li.from_parameter is not None}
                         | {f.from_parameter for f in policy.failures.values() if f.from_parameter is not None})

    def _static_base(self, key: tuple[str, str, str], duties: tuple[str, ...], fired: list[Hit],
                     deadline_from_parameter: bool, passed: bool, sectorless: bool, owner: bool, aside: bool,
                     chosen: int, selffix: bool, atp: bool, slow: bool, rlim: bool, own: bool = False,
                     nod: bool = False) -> _StaticBase:
        """:meth:`_static` but for the severity: the clauses, and what the finding rests on before the liability
        thresholds and after them."""
        policy = self.policy
        body_id, basis, _ = key
        body = policy.bodies[body_id]
        failure = policy.failures[basis]
        clauses = self.clauses(body_id, basis, duties, [r for r, _ in fired])
        rests: dict[str, None] = {}
        for rule, _ in fired:
            rests.update(dict.fromkeys(rule.rests_on))
        if deadline_from_parameter and failure.stage in ("rectification", "supervision") \
                and basis != "main_responsibility":
            rests["rectification_time_limit_days"] = None
        for d in duties:
            if policy.duties[d].basis == "interpretation":
                rests[d] = None
            if (switch := policy.switch_of(d, body_id)) is not None:
                rests[switch] = None
            # a duty that a parameter's other reading of the same words stands in place of (``replaces``), for a body
            # that reading does not name: the finding rests on that parameter too (joined_records_both_halves: the
            # county's role once, in place of both halves' holders; review42 R5)
            rests.update(dict.fromkeys(self._replacing_switches(d, body_id)))
        rests.update(dict.fromkeys(self.concerned_by_reading(body_id, duties, fired)))
        if basis == "supervision" and len(duties) == 1 and (p := self._acting_only.get(duties[0])) is not None:
            rests[p] = None  # the office presses on 二(二)5 alone: offices_press_every_area's reading (R1)
        # unresolved: the record does not say whose line the problem is in (the role), or which of the level's holders
        # of a kind no department has a part in had it (review34 F5)
        if stands_unresolved(body):
            rests[body_id] = None
        if selffix:
            rests[SELF_RECTIFIED] = None
        if passed:
            rests[REASSIGNED] = None
        if atp:
            rests[PLACE_ABOVE] = None
        if slow:  # passed on only after the handling limit: an assignee under either value of
            # reassigned_level_answers (review20 R20-12); in time it would supervise, so the limit alone decides
            rests[HANDLING_LIMIT] = None
        if rlim:
            rests[RECT_LIMIT] = None
        if own:  # a rectifier that sat on what it found or received: not_handled or not_rectified by the reading
            rests[OWN_WORK] = None
            # and, where its part in rectifying the kind is itself a reading under a parameter (ledger_county_rectifier:
            # a county department's 二(二)3 part in the township's ledger, review42 R4), on that parameter too
            rests.update(dict.fromkeys(self._own_work_switches(body_id, fired)))
        if nod:  # an assignment to a body with no duty to rectify it: who is its assignee is the parameter's (D4)
            rests[NO_DUTY] = None
        if aside and basis in _ASIDE_BASES:  # (its supervisors press it either way)
            rests[IRREGULAR] = None
        if chosen & CHOSEN_BY_PARAMETER and basis == CONCEALED:
            rests[CONCEALER] = None
        elif chosen & CHOSEN_BY_PARAMETER and basis == "not_handled" and not chosen & CHOSEN_RECEIVER_SAME:  # which
            # body of a level received it, where the other value names another (R22-2; the
            # county: review23 #1)
            rests[RECEIVER] = None
        if chosen & CHOSEN_SAME_LEVEL and basis == CONCEALED:  # from its own level's audit or oversight (R20-2)
            rests[SAME_LEVEL_CONCEALMENT] = None
        if chosen & CHOSEN_UNIT_BELOW and basis == CONCEALED:  # a school below its county hid it (review37 D2)
            rests[BELOW] = None
        if chosen & CHOSEN_OVERSIGHT_REPORT and basis == "not_handled":  # had it by a report to an organ (review27 #4)
            rests[OVERSIGHT_REPORT] = None
        if chosen & CHOSEN_PRESSED and basis == "not_handled":  # held it by a pressing level's receipt (review33 R1)
            rests[PRESSING] = None
        if chosen & CHOSEN_LATE_PASS and basis == "not_handled":  # passed on late, fixed in time (review41 F5)
            rests[LATE_PASS] = None
        if chosen & CHOSEN_ASIDE_REPORT and basis == "not_handled":  # held by a report irregular_step sets aside (F4)
            rests[ASIDE_REPORT] = None
        if chosen & CHOSEN_MISROUTED and basis == "not_handled":  # its own hand-over within the county set aside (R2)
            rests[MISROUTED] = None
        if chosen & CHOSEN_MISSING_STEP and basis == "not_handled":  # no step of its level shown (check48a #1)
            rests[MISSING_STEP] = None
        if chosen & CHOSEN_SWITCHED and fired:  # a rectification there only by a parameter's reading (check48b #1)
            rests.update(dict.fromkeys(self._rectifying_switches(fired)))
        if chosen & CHOSEN_UNASSIGNED_DEADLINE:  # a record's deadline, no assignment shown, did not spare it (check49b)
            rests[UNASSIGNED_DEADLINE] = None
        if chosen & CHOSEN_LINE_SWITCHED and fired and any(
                policy.duties[d].scope in ("by_sector", "own_sector") for d in duties):  # a line only a switched
            # part gave it, read by that line (fid49's left item: LC2's 县扶贫办, ledger_county_rectifier)
            rests.update(dict.fromkeys(self._rectifying_switches(fired)))
        if chosen & CHOSEN_LEADING:  # a level's leader holding it: its own 整改不到位 only by rectify (check49b #3)
            rests[LEADERS] = None
        after: list[str] = []  # (the severity's thresholds come between)
        if owner:  # whose policy the gap is, read from its place (review9a R9A-5)
            after.append(OWNER)
        if sectorless and any(policy.duties[d].scope == "by_sector" for d in duties):
            after.append(SECTORLESS)  # named as one of the alternatives the record does not choose between (R9A-4)
        if failure.basis == "interpretation":
            after.append(basis)
        return clauses, tuple(rests), tuple(after)

    def _sorting(self, body_id: str, prank: int) -> tuple[str, ...]:
        """The duties the text gives ``body_id`` for sorting and passing on problems it has, whatever their kind
        (duty kind ``assignment``, held by every member unit in its area: scope area_holders — 二(二)3 成员单位…负责涉及
        本部门问题的动态发现、分类办理、即时整改), that reach a problem placed at level rank ``prank``; ``()`` for a
        body the text gives none (a village, a township, a city's bureau)."""
        policy = self.policy
        mine = tuple(d for d, duty in policy.duties.items() if duty.scope == "area_holders"
                     and "assignment" in (duty.kinds or ()) and body_id in duty.holders)
        return policy.reaching({body_id: mine}, prank).get(body_id, ()) if mine else ()

    def withheld(self, basis: str, sev: int) -> tuple[str, ...]:
        """The parameters that withheld a liability a finding of ``basis`` could give from a problem of severity rank
        ``sev``: each liability the failure gives only from a severity above it (unit_liability_from,
        leadership_liability_from). A finding whose body's liability stops short of it rests on that threshold
        (review18 P1: a minor problem's staff-only findings said nothing of unit_liability_from)."""
        got = self._withheld.get((basis, sev))
        if got is None:
            policy = self.policy
            allowed = policy.failures[basis].liabilities
            got = self._withheld[(basis, sev)] = tuple(
                li.from_parameter for lid, li in policy.liabilities.items()
                if li.from_parameter is not None and (not allowed or lid in allowed)
                and sev < severity_rank(policy.parameter(li.from_parameter)))
        return got

    def _replacing_switches(self, duty_id: str, body_id: str) -> tuple[str, ...]:
        """The ``applies_if`` parameters of the duties that replace ``duty_id`` (the same words read otherwise, where
        their parameter holds) and that ``body_id`` does not hold: a finding through ``duty_id`` on ``body_id`` is
        made only while that parameter leaves ``duty_id`` standing (review42 R5)."""
        memo: dict[str, dict[str, frozenset[str]]] | None = self.__dict__.get("_replacers")
        if memo is None:
            memo = {}
            for r in self.policy.duties.values():
                if r.applies_if is not None:
                    for d in r.replaces:
                        # (each parameter's replacing duties' holders together: 二(六)5(6)'s water twin still names
                        # 市水利, though the health twin beside it does not)
                        by = memo.setdefault(d, {})
                        by[str(r.applies_if)] = by.get(str(r.applies_if), frozenset()) | frozenset(r.holders)
            self.__dict__["_replacers"] = memo
        return tuple(p for p, holders in memo.get(duty_id, {}).items() if body_id not in holders)

    def _rectifying_switches(self, fired: Sequence[Hit]) -> tuple[str, ...]:
        """The ``applies_if`` parameters of the rectification duties of the fired rules' kind: a finding on a
        rectification that a level has only through such duties (:data:`CHOSEN_SWITCHED`) rests on them (check48b
        #1: 县党委 pressing the county department's rectification of a township's ledger, ledger_county_rectifier)."""
        policy = self.policy
        rule = fired[0][0]
        kind = rule.kind or None
        return tuple(dict.fromkeys(str(policy.duties[d].applies_if) for d in policy.stage_duties(
            rule.area, kind, "rectification") if policy.duties[d].applies_if is not None))

    def _own_work_switches(self, body_id: str, fired: Sequence[Hit]) -> tuple[str, ...]:
        """The ``applies_if`` parameters of the rectification duties of the fired rules' kind that make ``body_id``
        itself the one to rectify it (:func:`holds_own_work`): a body named for sitting on its own work
        (rectifier_holding) through a duty only a parameter switches on rests on that parameter too (review42 R4)."""
        if not fired:
            return ()
        policy = self.policy
        rule = fired[0][0]
        kind = rule.kind or None
        line = line_of(policy, body_id)
        out: dict[str, None] = {}
        for d in policy.stage_duties(rule.area, kind, "rectification"):
            if (switch := policy.switch_of(d, body_id)) is not None \
                    and body_id in policy.holders(d, rule.area, kind, line, "rectification"):
                out[switch] = None
        return tuple(out)

    def concerned_by_reading(self, body_id: str, duties: Sequence[str], fired: Sequence[Hit]) -> tuple[str, ...]:
        """The duties read by interpretation through which a problem concerns ``body_id`` where a finding's duty is
        二(二)3's 涉及本部门问题 held in another area (:meth:`PolicyView.concerned_through`): a kind-less 两不愁
        problem concerns the county civil affairs bureau only as the rules read 二(六)1(3) 县（市、区）行业主管部门,
        and the verdict says so (probe10 P10-12)."""
        if not fired:
            return ()
        policy = self.policy
        rule = fired[0][0]
        out: dict[str, None] = {}
        for d in duties:
            for x in policy.concerned_through(d, body_id, rule.area, rule.kind or None, rule.stage) or ():
                if policy.duties[x].basis == "interpretation" and policy.duty_applies(x):
                    out[x] = None
        return tuple(out)

    def _shared(self) -> tuple[dict[str, str], dict[str, Any]]:
        """Every clause's text and every parameter's value: the same for every verdict (each
        verdict gets its own copy)."""
        got = self._quotes_parameters
        if got is None:
            policy = self.policy
            got = self._quotes_parameters = ({c: policy.clauses[c].text for c in policy.clauses},
                                             {p: policy.parameter(p) for p in policy.parameters})
        return got

    def _form(self, key: tuple[str, str, str], duties: tuple[str, ...],
              static: tuple[tuple[str, ...], tuple[str, ...]], severity: str, fact: Fact,
              own_day: bool = False) -> FindingForm:
        """What a finding says apart from the record, kept per decider by body, basis, liability,
        duties, clauses and what it rests on (``static``, from :meth:`_static`), severity and
        escalation (the only part of the fact :meth:`reason_values` reads); its reason templates
        have the finding's own values filled in (:func:`fill_template`). ``own_day``: the body answers
        from the day it was itself handed the problem (:attr:`Context.handed`), which the failure's
        ``reason_handed`` templates say (its ``reason`` where the policy gives none)."""
        escalate = bool(fact.get("escalate"))
        disposal = self.disposal(fact)  # (reason_values reads it too: what else would have disposed of it)
        mine = self.own_holding(key[0], duties, fact)  # (and it: whether the body was itself to rectify what it held)
        # (and whether it was handed a problem it has no duty to rectify: reason_values)
        misassigned = fact.get("t") == "unhandled" and bool(fact.get("nod"))
        report_aside = aside_report(fact)  # (and whether its report up was set aside: reason_values)
        # (and whether the record shows no step of its level at all: reason_values)
        missing = missing_step(fact)
        fkey = (id(static), key, duties, severity, escalate, own_day, disposal, mine, misassigned, report_aside,
                missing)
        form = self._forms.get(fkey)
        if form is not None:
            return form
        body_id, basis, liability = key
        body = self.policy.bodies[body_id]
        acting = self._acting_form(basis, duties, static[1])
        text = self._texts.get((body_id, basis, duties, severity, escalate, own_day, disposal, mine, misassigned,
                                acting, report_aside, missing))
        if text is None:  # fewer than forms: kept apart, so that a new form seldom formats anew
            failure = self.policy.failures[basis]
            own = self.reason_values(body_id, "", duties, severity, fact)
            if acting:
                self._acting_values(own)
            zh, partial_zh = fill_template(failure.reason_handed or failure.reason if own_day else failure.reason,
                                           own, CONTEXT_FIELDS)
            en, partial_en = fill_template(failure.reason_handed_en or failure.reason_en if own_day
                                           else failure.reason_en, own, CONTEXT_FIELDS)
            text = self._texts[untracked((body_id, basis, duties, severity, escalate, own_day, disposal, mine,
                                          misassigned, acting, report_aside, missing))] = untracked(
                (zh, en, dict(own) if partial_zh or partial_en else None))
        form = self._forms[fkey] = FindingForm(
            level=body.level, body=body_id, name=body.name, name_en=body.en, basis=basis, liability=liability,
            clauses=static[0], duties=duties, rests_on=static[1], reason=text[0], reason_en=text[1], own=text[2],
            static=static)
        return form

    def _acting_form(self, basis: str, duties: tuple[str, ...], rests: Container[str]) -> bool:
        """Whether a finding presses only as a department the record shows holding the problem: a 指导督促 through
        duties a bool parameter's true widens to such bodies (``presses_also_acting``), made under that parameter
        (it rests on it: :meth:`switched_rests`' link). Its reason says why the department is 有关 (check45 #7); the
        same duty placed by the kind's own rules (the record's line's department) rests on nothing of this."""
        return self._acting_shaped(basis, duties) and any(self._also_acting[d] in rests for d in duties)

    def _acting_shaped(self, basis: str, duties: Sequence[str]) -> bool:
        """Whether a finding on ``basis`` through ``duties`` could be worded by an acting reading's link
        (:meth:`_acting_form`, whatever it rests on): a 指导督促 through duties ``presses_also_acting`` widens alone."""
        also = self._also_acting
        return basis == SUPERVISION and bool(duties) and all(d in also for d in duties)

    def _acting_values(self, values: dict[str, str]) -> None:
        """Fill ``values``' acting phrase (:meth:`_acting_form`), where the policy gives one."""
        phrases = self.policy.data.accountability.phrases
        values["acting"], values["acting_en"] = phrases.get("acting", ""), phrases.get("acting_en", "")

    def clauses(self, body_id: str, basis: str, duties: Sequence[str], rules: Sequence[Rule]) -> tuple[str, ...]:
        """The clauses behind a finding, in the documents' order: the failure's, the duties',
        the principles' and any amending clauses behind the body or its duties."""
        policy = self.policy
        failure, body = policy.failures[basis], policy.bodies[body_id]
        # (a body's own over its level's: 乡镇党委, whom 二(二)4's 县乡村…及时上报责任 does not name — the data gives
        # that duty to 乡镇（街道） — stands on 二(一)1(1); check50 #6)
        at = failure.clauses_at
        out = {*at.get(body_id, at.get(body.level, failure.clauses)), *body.amended_by}
        for d in duties:
            out.update((policy.duties[d].clause, *policy.duties[d].amended_by))
        for rule in rules:
            out.update(rule.extra_clauses)
        return tuple(sorted(out, key=lambda c: self._clause_rank.get(c, 10**6)))

    def fact_answers(self, area: str, kind: str | None, stage_facts: Sequence[Fact]) -> frozenset[tuple[Any, ...]]:
        """Findings, unplaced, that ``stage_facts`` give: ``(level, body, basis, liability, clauses, line_named)``.

        The impact diff compares these over every fact a problem can produce. Its facts name no line: each rule's hit
        is placed as a verdict places it for a record naming none (:meth:`_placing`), ``line_named`` False. A rule's
        holders are compiled for a problem whose line is unknown, a level's role (问题所属部门) standing for the
        department of whatever line a record names; a holder a record naming no line leaves out only for that — a
        duty the kind counts for a named line only (``line_named_only``, :meth:`PolicyView.role_stands_aside`), or a
        part a whole duty's holder answers for beside it (:meth:`_whole_over_parts`) — is given too, ``line_named``
        True: the diff still shows a change to what a record naming a line gets, marked as such. Read unresolved and
        unmarked, such holders showed a data change as naming a body that no record naming no line names (fid56's and
        fid57's ``line_named_only`` duties at discovery: 48 shapes no record gave), and a named body's clauses as
        its stage's duties alone, not the ones a verdict cites (fid60).
        """
        out: dict[tuple[Any, ...], bool] = {}
        memo = self._hit_answers
        for rule, fact in self.compiled.fire(area, stage_facts):
            # (what _placing reads of a fact, the place's level and the kind)
            key = (rule.id, kind, fact.get("prank"), fact.get("body"), fact.get("later"), fact.get("nod"),
                   fact.get("escalate"), fact.get(_FINDER))
            got = memo.get(key)
            if got is None:
                if len(memo) >= PLANS_KEPT:
                    memo.clear()
                got = memo[key] = self._hit_answers_of(area, kind, rule, fact)
            for finding, line_named in got:
                # (one a record naming no line gets through any hit is not for a named line only)
                out[finding] = out.get(finding, True) and line_named
        return frozenset((*finding, line_named) for finding, line_named in out.items())

    def _hit_answers_of(self, area: str, kind: str | None, rule: Rule, fact: Fact
                        ) -> tuple[tuple[tuple[Any, ...], bool], ...]:
        """:meth:`fact_answers` of one hit."""
        policy = self.policy
        if rule.holders is None and str(fact.get("body")) not in policy.bodies:
            return ()  # (a level's fact: the rule names the body a fact names)
        prank = int(fact["prank"])
        out = [((body, basis, liability, duties), False)
               for (body, basis, liability), duties in self._placing(area, kind, prank, rule, fact, None)]
        if rule.holders is not None:
            kept: Sequence[tuple[str, tuple[str, ...]]] = self.resolved(rule, None, prank)
            if rule.basis == MISSED and kind is not None:
                kept = self._whole_over_parts(area, kind, kept)
            out += [((h.body, rule.basis, rule.liability, h.duties), True) for h in rule.holders
                    if (h.body, h.duties) not in kept and policy.level_rank[policy.bodies[h.body].level] >= prank]
        return tuple(((policy.bodies[body].level, body, basis, liability, self.clauses(body, basis, duties, [rule])),
                      line_named) for (body, basis, liability, duties), line_named in out)

    def _interpretations(self, findings: Sequence[Finding], absent: Sequence[str] = (), removed: Removed = ()
                         ) -> tuple[Interpretation, ...]:
        """What the findings rest on, and (``absent``) parameters that decided that a finding is not made (``removed``:
        the what-if's that removed findings, and which; :meth:`switched_rests`)."""
        return tuple(Interpretation(f.id, f.type, f.name, fresh(f.value), f.why, ix)
                     for f, ix in self._interpretation_forms([f.rests_on for f in findings], absent, removed))

    def _interpretation_forms(self, rests: Sequence[tuple[str, ...]], absent: Sequence[str] = (),
                              removed: Removed = ()) -> tuple[tuple[InterpretationForm, tuple[int, ...]], ...]:
        """:meth:`_interpretations` as forms with the indices of the findings (by what each rests on)."""
        key = (tuple(rests), tuple(absent), removed)
        got = self._interpretations_memo.get(key)
        if got is None:
            if len(self._interpretations_memo) >= PLANS_KEPT:
                self._interpretations_memo.clear()
            got = self._interpretations_memo[key] = self._interpretation_forms_of(rests, absent, removed)
        return got

    def _interpretations_maker(self, interpretations: tuple[tuple[InterpretationForm, tuple[int, ...]], ...]
                               ) -> Callable[[Any], list[dict[str, Any]]]:
        """:func:`interpretations_maker` of ``interpretations`` (as :meth:`_interpretation_forms` gives them: one
        tuple for each set of them, which rows of many plans share), kept with it."""
        got = self._interpretations_makers.get(id(interpretations))
        if got is None or got[0] is not interpretations:
            if len(self._interpretations_makers) >= PLANS_KEPT:
                self._interpretations_makers.clear()
            got = self._interpretations_makers[id(interpretations)] = untracked(
                (interpretations, dicts_maker(interpretations)), *_KEPT)
        return got[1]

    def _interpretation_forms_of(self, rests: Sequence[tuple[str, ...]], absent: Sequence[str],
                                 removed: Removed = ()) -> tuple[tuple[InterpretationForm, tuple[int, ...]], ...]:
        parameters = self.policy.parameters
        # (and a principle the record's reading rests on, with no finding of its own: untied_line, a sector not used
        # at a level; check51 #1)
        principles = {p.id for p in self.policy.data.accountability.principles}
        users: dict[str, list[int]] = {rid: [] for rid in absent if rid in parameters or rid in principles}
        for i, ids in enumerate(rests):
            for rid in ids:
                users.setdefault(rid, []).append(i)
        forms, canon = self._interpretation_memo, self._canon
        gone = {rid: (value, keys) for rid, value, keys in removed}
        return tuple([(forms[rid] if rid not in gone else self._removed_form(forms[rid], *gone[rid]),
                       canon(tuple(ix))) for rid, ix in sorted(users.items())])

    def _removed_form(self, form: InterpretationForm, value: Any, keys: tuple[tuple[str, str, str], ...]
                      ) -> InterpretationForm:
        """``form``, a parameter a what-if changed, whose ``why`` also says which findings the rules' ``value`` makes
        and the what-if's does not (review33 R4: under supervision_scope=none nobody presses, and the verdict says
        what it took away, though no finding is left to rest on it)."""
        policy = self.policy
        names = "; ".join(f"{policy.bodies[b].name} {policy.failures[basis].name}（{policy.liabilities[li].name}）"
                          for b, basis, li in keys)
        why = f"{form.why} What-if: under the rules' value ({value}) the verdict would also find: {names}."
        return InterpretationForm(form.id, form.type, form.name, form.value, why)

    def _interpretation_form(self, rid: str) -> InterpretationForm:
        """The interpretation ``rid`` names: a parameter, a duty read by interpretation, an
        unresolved role body, a failure or a principle."""
        policy = self.policy
        if rid in policy.parameters:
            p = policy.parameters[rid]
            return InterpretationForm(rid, "parameter", p.name, p.value, p.why)
        if rid in policy.duties:
            d = policy.duties[rid]
            return InterpretationForm(rid, "duty", d.quote, list(d.holders), d.note or "")
        if rid in policy.bodies:
            b = policy.bodies[rid]
            return InterpretationForm(rid, "unresolved", b.name, None, b.note or b.en)
        if rid in policy.failures:
            fl = policy.failures[rid]
            return InterpretationForm(rid, "failure", fl.name, None, fl.en)
        pr = next(p for p in policy.data.accountability.principles if p.id == rid)
        # (a principle widening nobody's oversight — untied_line — takes no value)
        return InterpretationForm(rid, "principle", pr.name, pr.oversight_kinds or None, pr.en)

    def _reason(self, problem: Problem, body_id: str, place: str, basis: str, duties: tuple[str, ...],
                fact: Fact, ctx: Context, rests: Container[str] = ()) -> tuple[str, str]:
        """The reason of one finding, made at once from the record (the eager reference the lazy verdict is
        tested against): what :meth:`_form` and :meth:`_sheet` give between them. ``rests``: what the finding
        rests on (:meth:`_acting_form` reads it)."""
        values = self.reason_values(body_id, place, duties, problem.severity, fact)
        if self._acting_form(basis, duties, rests):
            self._acting_values(values)
        values.update(self.context_values(problem, fact, ctx))
        failure = self.policy.failures[basis]
        own = ctx.handed.get((fact["lvl"], body_id)) if fact["t"] == "unhandled" else None
        if own is None and fact["t"] == "unhandled" and fact.get("nod") and fact.get("body") == body_id:
            own = self.handed_on(problem, fact["lvl"], body_id)
        if own is not None:  # it answers from the day it was itself handed it (Context.handed, handed_on)
            values["received"] = own.isoformat()
            values.update(since_values(self._in_force) if self._in_force is not None and own < self._in_force
                          else {"since": "", "since_en": ""})
            return ((failure.reason_handed or failure.reason).format_map(values),
                    (failure.reason_handed_en or failure.reason_en).format_map(values))
        return failure.reason.format_map(values), failure.reason_en.format_map(values)

    def handed_on(self, problem: Problem, lvl: Any, body: str) -> dt.date | None:
        """The day the record shows ``body`` (of level rank ``lvl``) was first assigned the problem: for a body handed
        it by an assignment it has no duty to rectify, which then sat on it (misassigned_body_passes_on: true; _facts
        ._misassigned counts its limit from that step), the day its reason gives (fid41's suggestion). The first such
        step, as the record shows it; None where it shows none."""
        rank = self.policy.level_rank
        days = [h.on for h in problem.handled or () if h.action == "assigned" and h.to_body == body
                and rank.get(h.to_level) == lvl]
        return min(days) if days else None

    def disposal(self, fact: Fact) -> int:
        """For a fact of a level below the problem's authority (``escalate``), how else than by reporting it upward
        self_rectified_report_required (false) lets the level dispose of the problem, as a verdict reads it (engine
        /_route._may_dispose): bit 1 by rectifying it itself (a level that can, other than by pressing those below),
        bit 2 by passing it down in time to a lower level that can; 0 where the parameter is true or neither can be.
        Read from the fact's area, kind, place's level and level, kept per decider."""
        if not fact.get("escalate"):
            return 0
        area, kind, prank, lvl = str(fact["area"]), fact.get("kind") or None, int(fact["prank"]), int(fact["lvl"])
        key = (area, kind, prank, lvl)
        got = self._disposals.get(key)
        if got is None:
            policy = self.policy
            got = 0
            if SELF_RECTIFIED in policy.parameters and not policy.parameter(SELF_RECTIFIED):
                if lvl in policy.own_rectifier_levels(area, kind, prank):
                    got |= 1
                if any(prank <= r < lvl for r in policy.rectifier_levels(area, kind, prank)):
                    got |= 2
            self._disposals[key] = got
        return got

    def _own_by_reading(self, body_id: str, duties: tuple[str, ...], fact: Fact) -> bool:
        """Whether :meth:`own_holding` of a role body (问题所属部门) would say otherwise under another value of
        sectorless_alternatives: what the role stands for — the departments' parts as one, or none of them — decides
        whether it is itself to handle the problem (its reason's 本身负责该问题的办理和整改 or 负有交办职责), the
        clauses the same (check54 #5). Kept per decider by the body, its duties and the fact's area, kind and place's
        level."""
        policy = self.policy
        if not stands_unresolved(policy.bodies[body_id]) or not duties or fact.get("escalate") \
                or SECTORLESS not in policy.parameters:
            return False
        key = (body_id, duties, str(fact["area"]), str(fact.get("kind") or ""), int(fact["prank"]))
        got = self._role_readings.get(key)
        if got is None:
            mine = self.own_holding(body_id, duties, fact)
            got = False
            for value in self._other_values(SECTORLESS):
                view = _kept_set_view(policy, SECTORLESS, value)
                if holds_own_work(view, key[2], key[3] or None, body_id, key[4], line_of(view, body_id)) != mine:
                    got = True
            self._role_readings[key] = got
        return got

    def own_holding(self, body_id: str, duties: tuple[str, ...], fact: Fact) -> bool:
        """Whether a level's failure to pass a problem on (``fact``) is, for ``body_id`` holding ``duties`` at handling,
        that of a body that is itself to rectify it (:func:`holds_own_work`, in the body's own line; not below the
        problem's authority): it had nobody to pass it to, and its reason says it did not handle it (review33 R7). Read
        from the body, its duties and the fact's area, kind and place's level, as :meth:`reason_values` reads it."""
        if not duties or fact.get("t") != "unhandled" or fact.get("escalate"):
            return False
        return holds_own_work(self.policy, str(fact["area"]), str(fact.get("kind") or "") or None, body_id,
                              int(fact["prank"]), line_of(self.policy, body_id))

    def reason_values(self, body_id: str, place: str, duties: tuple[str, ...], severity: str,
                      fact: Fact) -> dict[str, str]:
        """The values of a reason template that come from the finding itself (body, place name,
        duties, severity, limits, phrases); a template field with no value formats as ``""``."""
        policy = self.policy
        body = policy.bodies[body_id]
        phrases = policy.data.accountability.phrases
        # at most two duties, and then the first of each clause they leave unquoted: the finding cites every duty's
        # clause, so the reason quotes some words of each (review21 R21-9: 县级医保部门 cited 二(二)3 after quoting two
        # duties of 二(六)3(3) only)
        # — and a role (问题所属部门) quotes every department's part it stands for, not the first one's alone (review29
        # #13: 县民政局负责提供低收入家庭学生名单 for a role that may be 县残联, 二(六)2(2))
        first = [policy.duties[x] for x in duties[:2]]
        if len(duties) > 2:
            quoted = {x.clause for x in first}
            for x in duties[2:]:
                d = policy.duties[x]
                if d.clause not in quoted or (body.role and d.scope == "by_sector"):
                    quoted.add(d.clause)
                    first.append(d)
            if body.role:  # (the parts of one clause side by side: 民政's list, then 残联's)
                at = {c: i for i, c in reversed(list(enumerate(x.clause for x in first)))}
                first.sort(key=lambda x: at[x.clause])
        sev = self._severity.get(severity)
        values = _Defaults(
            body=body.name, body_en=body.en, place=place,
            duty=joined_quotes([(x.clause, x.quote) for x in first]),
            duty_en="; ".join(dict.fromkeys(x.en for x in first)),
            severity=sev.name if sev else severity, severity_en=sev.en if sev else severity,
            limit=str(policy.parameter("handling_time_limit_days")),
        )
        if fact.get("escalate"):
            # what self_rectified_report_required (false) lets stand beside the report, as a verdict reads it and the
            # route says it (review31 #5: a township holding a household's problem was told only 应及时向上级报送)
            phrase = _DISPOSE_PHRASES[self.disposal(fact)]
            if phrase not in phrases:
                phrase = "escalate"
            values["escalate"] = phrases.get(phrase, "")
            values["escalate_en"] = phrases.get(f"{phrase}_en", "")
        # a body the text gives a part holds the duty to pass it on; a named finder or receiver with none found it
        # (review8a N1). A body that is itself to rectify what it held (:meth:`own_holding`) had nobody to pass it
        # to: it did not handle it (二(二)3 分类办理、即时整改; review33 R7); and the top level has no level above it
        # to report to (一(三) 省市两级及时回应基层反映问题; review33b F6). A policy without these phrases says holds.
        held, act = ("holds" if duties else "holds_found"), "pass_on"
        if "holds_own" in phrases and self.own_holding(body_id, duties, fact):
            held, act = "holds_own", "pass_on_own"
            if _ASIDE_PHRASES.get(aside := aside_report(fact), "") in phrases:
                # … that did report it up within its limit, the report set aside (irregular_step: the problem within
                # its own authority): the reason names the report that did not count, not a sitting on its own work
                # (check49 #4: 县建设部门 told 本身负责…未在10天内按程序办理 of a renovation it reported to the city on
                # day 4); or that sent it to a body with no part in it
                act = _ASIDE_PHRASES[aside]
        elif policy.level_rank[body.level] == max(policy.level_rank.values()):
            held, act = ("holds_top" if duties and "holds_top" in phrases else held), "pass_on_top"
        elif _ASIDE_PHRASES.get(aside := aside_report(fact), "") in phrases:
            # a level that reported the problem up within its limit, the report set aside (irregular_step: within its
            # authority, or not passed on in time by the level above): 未在10天内…上报 would misstate a report made on
            # day 2 — the reason says the report did not count, as --explain names it (check47b #3); so too a report
            # or an assignment to a body with no part in the problem (check52 Z1: a township's report of a dangerous
            # house to 县教育局 on day 2 was told 应及时上报)
            act = _ASIDE_PHRASES[aside]
        values["holds"], values["holds_en"] = phrases.get(held, ""), phrases.get(f"{held}_en", "")
        # 整改不到位 of a body whose every duty behind it only passes the problem on (交办, 上报: the county's keeper of
        # the lists, 一(三) 列出问题清单、责任清单、整改清单) says that part, quoted, not that it was itself to
        # rectify it (check52 #3, R30: 县扶贫办负责整改该问题 on 一(三) alone)
        values["rectifies"], values["rectifies_en"] = phrases.get("rectifies", ""), phrases.get("rectifies_en", "")
        if duties and "rectifies_passing_on" in phrases and all(
                policy.duties[d].kinds and set(policy.duties[d].kinds) <= _PASSING_ON_ONLY for d in duties):
            values["rectifies"] = f"{phrases['rectifies_passing_on']}（{values['duty']}），该问题"
            values["rectifies_en"] = f"{phrases.get('rectifies_passing_on_en', '')} ({values['duty_en']})"
        # why a body answers from the day it was itself handed it (reason_handed's {handed}): its level had run out of
        # time; or, handed a problem it has no duty to rectify (misassigned_body_passes_on: true, the fact's ``nod``),
        # it was to pass it on or report it — said in place of its duties (fid41's suggestion)
        handed = "handed_late"
        if fact.get("t") == "unhandled" and fact.get("nod") and "handed_misassigned" in phrases:
            handed, held, act = "handed_misassigned", "", "pass_on_misassigned"
            values["holds"] = values["holds_en"] = ""
        values["handed"], values["handed_en"] = phrases.get(handed, ""), phrases.get(f"{handed}_en", "")
        values["pass_on"] = phrases.get(act, phrases.get("pass_on", ""))
        values["pass_on_en"] = phrases.get(f"{act}_en", phrases.get("pass_on_en", ""))
        if "missing_step" in phrases and missing_step(fact):
            # the record shows no step of the level's: the reason says so rather than that it sat on the problem
            # (missing_step_holder: holding_level; check48a #1)
            values["pass_on"] += phrases["missing_step"]
            values["pass_on_en"] += phrases.get("missing_step_en", "")
        # 主要领导是第一责任人 once: not again after a quoted duty that says it (二(一)1; N10-9)
        said = phrases.get("first_leader_quote")
        if not (said and said in values["duty"]):
            values["first_leader"], values["first_leader_en"] = (phrases.get("first_leader", ""),
                                                                 phrases.get("first_leader_en", ""))
        return values

    def context_values(self, problem: Problem, fact: Fact, ctx: Context) -> dict[str, str]:
        """The values of a reason template that come from the record's context, all named in
        :data:`CONTEXT_FIELDS`: who found it and how, when the fact's level received it, when
        and to whom it was assigned, the deadline."""
        return self.context_at(problem, fact.get("lvl"), ctx, fact.get("body") if fact["t"] == "unrectified" else None)

    def context_at(self, problem: Problem, lvl: Any, ctx: Context, to: str | None = None) -> dict[str, str]:
        """:meth:`context_values` of a fact whose level (``lvl``, a rank) is ``lvl`` (and, for a level's failure
        to rectify, whose body assigned is ``to``: ``""`` for the level as a whole)."""
        policy = self.policy
        d = problem.discovered
        levels = policy.levels
        values: dict[str, str] = {}
        if d is not None:
            # A named finder is named alone: its name already says its level.
            finder = policy.bodies[d.body].name if d.body else levels[d.level].name
            finder_en = policy.bodies[d.body].en if d.body else levels[d.level].en
            values.update(finder=finder, finder_en=finder_en,
                          channel=policy.channels[d.channel].name, channel_en=policy.channels[d.channel].en)
        if isinstance(lvl, int) and lvl in ctx.received:
            values["received"] = ctx.received[lvl].isoformat()
            if self._in_force is not None and ctx.received[lvl] < self._in_force:
                values.update(since_values(self._in_force))
        if isinstance(lvl, int) and ctx.assigned:
            by_rank = {lv.rank: lv for lv in levels.values()}
            # The fact's own assignment, or (for supervisors and main responsibility) the lowest one.
            rank = lvl if lvl in ctx.assigned else min(ctx.assigned)
            on, deadline = ctx.assigned[rank]
            if to is not None:  # the body it was assigned to (review9a R9A-2)
                on, deadline = ctx.assigned_to.get((lvl, to), (on, deadline))
            values.update(assigned=on.isoformat(), deadline=deadline.isoformat(),
                          assignee=by_rank[rank].name, assignee_en=by_rank[rank].en)
        if to is not None and ctx.late_passes and (day := ctx.late_passes.get((lvl, to))) is not None:
            values.update(self.late_values(day))
        return values

    def late_values(self, day: dt.date) -> dict[str, str]:
        """The ``late``/``late_en`` reason values of an assignee that passed the problem on only on ``day``, after the
        handling limit (:attr:`~._facts.Context.late_passes`): its 整改不到位 takes the delay in, and says it (the
        phrases ``late_pass_on``, with the day and the limit; check54 #3a). Empty where the policy has no such
        phrase."""
        phrases = self.policy.data.accountability.phrases
        limit = str(self.policy.parameter("handling_time_limit_days"))
        on = iso if (iso := _ISO.get(day)) else _iso(day)
        return {"late": phrases.get("late_pass_on", "").format(on=on, limit=limit),
                "late_en": phrases.get("late_pass_on_en", "").format(on=on, limit=limit)}


#: Reason-template fields whose values come from the record rather than the finding: the keys of
#: :meth:`Decider.context_values`, and ``place`` (the name of the place where the body sits).
CONTEXT_FIELDS: tuple[str, ...] = ("place", "finder", "finder_en", "channel", "channel_en", "received",
                                   "assigned", "deadline", "assignee", "assignee_en", "since", "since_en",
                                   "late", "late_en")
#: Every context field without a value (formats as ``""``): what a verdict's reason values start from.
UNFILLED: dict[str, str] = dict.fromkeys(CONTEXT_FIELDS, "")

#: The fact field naming the body a record says found the problem.
_FINDER = "fbody"


def spares_finder(rule: Rule) -> bool:
    """Whether ``rule`` fires only where the body the record names as the finder is not its holder (a ``fbody !=``
    condition): the body its holders resolve to must then not be the finder either."""
    got = _SPARES.get(rule.id)
    if got is None:
        got = _SPARES[rule.id] = any(c.field == _FINDER and c.op == "!=" for c in rule.conds)
    return got


#: (by rule id: the compiler gives such a condition to the rules of a tag whatever the policy, so an id says it)
_SPARES: dict[str, bool] = {}


@functools.lru_cache(maxsize=8)
def since_values(in_force: dt.date) -> dict[str, str]:
    """The ``since``/``since_en`` reason values of a level that held the problem from a day before the duties
    applied (``in_force``, :func:`~._facts.in_force_from`): its time limit runs from that day, not from the day it
    received the problem (policy_in_force_from: 施行之日仍持有、未交办上报的问题，自施行之日起计算), and the reason says
    so; empty for a day on or after it. (One dict per day, never mutated: callers copy it into theirs.)"""
    day = in_force.isoformat()
    return {"since": f"自本方案施行之日（{day}）起", "since_en": f" of {day}, the day the policy took effect"}


def _place_entry(places: dict[str, tuple[str, str, str]], jurisdiction: Jurisdiction, code: str, level: str,
                 prefix: str) -> tuple[str, str, str]:
    """The entry of :meth:`Decider._places_in`'s ``places`` for the place at ``level`` above ``code`` (``prefix``: the
    first digits of ``code`` that name it), made and kept (``places`` starts afresh past :data:`PLACES_KEPT`)."""
    if len(places) >= PLACES_KEPT:
        places.clear()
    place_code = ancestor_code(code, level)
    place = jurisdiction.get(place_code)
    # (untracked: a tracked tuple would make the table tracked again, walked whole by the next young collection)
    got = places[prefix] = untracked((place_code, place.name, place.name) if place else (place_code, "", place_code))
    return got


#: ``date.isoformat()`` by date, for the days a reason names (:meth:`Decider._sheet`): records repeat the same days.
_ISO: dict[dt.date, str] = {}


def _iso(day: dt.date) -> str:
    """``day.isoformat()``, kept in :data:`_ISO` (at most 100,000 days: then it starts afresh)."""
    if len(_ISO) >= 100_000:
        _ISO.clear()
    text = _ISO[day] = day.isoformat()
    return text


# ------------------------------------------------------------------ entry points (any policy view)


def _set_view(policy: PolicyView, name: str, value: Any) -> PolicyView:
    """A view of ``policy`` with the choice parameter ``name`` set to ``value``, one of its choices
    (:meth:`Decider._flipped`): as ``policy._whatif.flipped`` makes a bool's, without checking the value again."""
    params = [p.model_copy(update={"value": value}) if p.id == name else p for p in policy.data.parameters]
    data = policy.data.model_copy(update={"parameters": params})
    from ..policy import _cache

    _cache.derive_key(policy.data, data, f"set {name}={value!r}")  # (its rules are cached as the policy's: _compile)
    changed = {**policy.what_if, name: (policy.what_if.get(name, (policy.parameter(name),))[0], value)}
    return type(policy)(data, root=policy.root, loaded=policy._loaded, as_of=policy.as_of, what_if=changed)


def _kept_set_view(policy: PolicyView, name: str, value: Any) -> PolicyView:
    """:func:`_set_view`'s view, kept on ``policy`` with a bound (``policy._whatif.set_to``): the one place a decider
    asks for a choice parameter set to another value (:meth:`Decider._flipped`, :meth:`Decider._own_by_reading`), so
    that both read the same view and its memos, and none sits on the policy unbounded."""
    from ..policy._whatif import set_to

    return set_to(policy, name, value, functools.partial(_set_view, policy, name, value))


def rectifying_duties(policy: PolicyView, area: str, kind: str | None, prank: int, body: str,
                      handling: Sequence[str], sector: str | None) -> tuple[str, ...] | None:
    """For a province's or city's body itself to rectify the problem it held and sat on (``own_holding``: its reason
    says 本身负责该问题的办理和整改), whose ``handling`` duties are none of the kind's area, the duties of the area that
    make it the rectifier, which its finding cites in their place: its rectification duties reaching a problem placed
    at rank ``prank`` as its own level's work (in the record's line, else its own); None where that is not so. The
    verdict (:meth:`Decider._placing_of`) and the route (engine/_route) read it alike."""
    if keeps_lists(policy, policy.bodies[body].level) or any(policy.duty_area[d] == area for d in handling):
        return None
    line = sector if sector is not None else policy.bodies[body].sector
    got = policy.stage_reaching(area, kind, "rectification", line, prank, own=True).get(body) or ()
    return tuple(d for d in got if policy.duty_area[d] == area) or None


def acting_rank(policy: PolicyView, rule: Rule, fact: Fact) -> int | None:
    """The level rank at which a department the record shows acting may be placed as a presser on ``rule``'s hit on
    ``fact`` (:meth:`Decider._acting_added`; the batch's ``Templates.acting_levels`` asks the same): a 指导督促 hit with
    holders and no extra clauses (a principle's are its holders', not the department's), on a fact of a level below
    its holders' (an assignee below it, not a peer) — else None."""
    if rule.basis != SUPERVISION or not rule.holders or rule.extra_clauses:
        return None
    lvl, rank = fact.get("lvl"), policy.level_rank[policy.bodies[rule.holders[0].body].level]
    return rank if isinstance(lvl, int) and lvl < rank else None


def pressing_where_acting(policy: PolicyView) -> dict[str, str]:
    """Each duty a bool parameter lists in ``presses_only_acting`` (rules/parameters.yaml), with the parameter: under
    its false the duty's holders press a rectification through that duty alone only where the record shows them
    acting, and a finding through it alone rests on the parameter under either value (offices_press_every_area:
    二(二)5 省市有关部门, which does not list its departments). Data, not code: no duty is named here."""
    return {d: p.id for p in policy.parameters.values() if p.type == "bool"
            for d in p.presses_only_acting if d in policy.duties}


def _shown_acting(problem: Problem, holders: frozenset[str], *, assigned_only: bool,
                  rank: Mapping[str, int] | None = None, right: Callable[[str], bool] | None = None,
                  rectifies: Callable[[int], bool] | None = None) -> set[str]:
    """Those of ``holders`` the record shows acting: its finder (``discovered.body``) and the bodies its steps handed
    the problem (``handled[].to_body``; with ``assigned_only``, assignments' alone, not a report's — and, given the
    levels' ``rank``, what a body ``right`` to hand it to is and which level ranks ``rectifies`` the kind itself, not
    a finder whose level only reported the problem up, nor a body of that level such a level above handed it back to
    in a step that does not count as a hand-back: :func:`_handed_up`, :func:`_hands_back`)."""
    rec = problem.__dict__
    d = rec.get("discovered")
    found = d.body if d is not None else None
    steps = rec.get("handled") or ()
    if d is not None and right is not None and rank is not None and rectifies is not None \
            and _reported_only(d.level, steps, rank):
        # (the finder's level only reported it up: a body of it handed the problem back presses only by a step that
        # counts as the hand-back — the same test for the finder and for the body named, check46b #2's
        # D4c_lateback_named: 市水利 handed back by name after the deadline, the county's unit assigned by 省水利 on
        # 03-05, pressed where the same step to the city as a whole did not)
        deadline = rec.get("deadline")
        first = min(h.on for h in steps if h.by_level == d.level)
        back = [h for h in steps if h.action == "assigned" and h.to_level == d.level and h.on >= first
                and rank[h.by_level] > rank[d.level]]
        if _handed_up(d.level, steps, rank, right, rectifies, deadline):
            found = None
        # (a body named keeps its press where the step is no 交办 by irregular_step, as before: the province's step to
        # 市水利 itself, check46 D4d2, which test_fid46b/46c pin — only the bounds in time are read for it)
        named = {found, *[h.to_body for h in steps if h.action == "assigned" and not (
            any(h is x for x in back) and not _hands_back(h, d.level, steps, rank, None, rectifies, deadline))]}
        return named & holders
    named = {found, *[h.to_body for h in steps if not assigned_only or h.action == "assigned"]}
    return named & holders


def _reported_only(level: str, steps: Sequence[Any], rank: Mapping[str, int]) -> bool:
    """Whether the finder's ``level`` handed the problem only up: it made steps, each a report to a level above it,
    and no assignment."""
    own = [h for h in steps if h.by_level == level]
    return bool(own) and all(h.action != "assigned" and rank[h.to_level] > rank[level] for h in own)


def _handed_up(level: str, steps: Sequence[Any], rank: Mapping[str, int], right: Callable[[str], bool],
               rectifies: Callable[[int], bool], deadline: Any = None) -> bool:
    """Whether the finder's ``level`` handed the problem only up (:func:`_reported_only`) and no level above handed it
    back (:func:`_hands_back`). Its finder then holds no rectification to press: 一(三)
    对超出本级权限的及时向上级单位报送问题 gives the problem to the level above, whose 交办 the rectification below
    then is (一(四) 对交办问题整改落实不到位的; 三(二) 一级抓一级), and whether the report itself was in order is
    一(四) 没有按程序及时交办和上报's, answered apart (check45 #4, D4: 市水利 reported an emergency-supply failure to
    省水利, which assigned the county's unit; 市水利 was named 指导督促不到位 of a rectification it never assigned,
    beside its 未及时交办)."""
    if not _reported_only(level, steps, rank):
        return False
    first = min(h.on for h in steps if h.by_level == level)
    return not any(h.action == "assigned" and h.to_level == level and rank[h.by_level] > rank[level] and h.on >= first
                   and _hands_back(h, level, steps, rank, right, rectifies, deadline) for h in steps)


def _hands_back(h: Any, level: str, steps: Sequence[Any], rank: Mapping[str, int],
                right: Callable[[str], bool] | None, rectifies: Callable[[int], bool], deadline: Any) -> bool:
    """Whether ``h``, a level above's assignment to the finder's ``level`` (to the level, or a body of it) on or after
    the level reported the problem up, hands it back so that the rectification below is the finder's level's 交办
    again, as if it had kept it (check46 #2: whether the province named the finder or the city as a whole does not
    decide whether the finder presses, D4c against D4d2). Only a step that counts as a 交办: to the level, or to a
    body ``right`` says has a part in the problem's kind (one to a body with none is irregular_step's, read as no step:
    省水利 handing 市水利's report to 市财政局 gave 市水利 no 交办 to press; check46b #1); made on or before the
    record's ``deadline`` (a hand-back after it gave the level nothing to press while the rectification ran: 二(二)5
    指导督促基层…整改 is of a rectification under way); and before any 交办 of a level above to a level below the
    finder's that itself rectifies the kind (``rectifies``, by rank; to that level, or to a body with a part): the
    rectification below is then that level's own 交办, whatever it hands the finder's level later (check46b #2:
    D4c_lateback, D4c_back_after_direct and D4c_lateback_named). ``right`` None: the body's part is not asked (a
    body named, :func:`_shown_acting`), and any 交办 below counts."""
    if right is not None and h.to_body is not None and not right(h.to_body):
        return False
    if deadline is not None and h.on > deadline:
        return False
    return not any(g.action == "assigned" and rank[g.by_level] > rank[level] and rank[g.to_level] < rank[level]
                   and rectifies(rank[g.to_level]) and (g.to_body is None or right is None or right(g.to_body))
                   and g.on < h.on for g in steps)


def pressing_also_acting(policy: PolicyView) -> dict[str, str]:
    """Each duty a bool parameter lists in ``presses_also_acting`` (rules/parameters.yaml), with the parameter: under
    its true the duty's holders that the record shows acting press a rectification through it also where the
    problem's kind does not concern them (:meth:`Decider._acting_added`; acting_departments_press: 二(二)5 省市有关部门,
    which does not list its departments). Data, not code: no duty is named here."""
    return {d: p.id for p in policy.parameters.values() if p.type == "bool"
            for d in p.presses_also_acting if d in policy.duties}


def decider_of(policy: PolicyView) -> Decider:
    """The :class:`Decider` of ``policy``, made once per policy view and kept in its memo."""
    memos = policy.__dict__.get("_memos")  # read without a call: one look-up per decision
    got = memos.get("decider") if memos else None
    return got if got is not None else policy._memo("decider", lambda: Decider(policy))


def who_answers(policy: PolicyView, problem: Problem | Mapping[str, Any], *,
                jurisdiction: Jurisdiction | None = None, engine: EngineName | None = None,
                today: dt.date | None = None, wording_only: bool = False) -> Verdict:
    """Who answers for ``problem`` under ``policy``: see :meth:`responsibility.Policy.who_answers`.

    A policy with dated amendments judges the problem by the view in force on its day
    (:func:`problem_day`).

    ``wording_only``: for a caller that reads of the findings only their body, place, basis, liability, clauses and
    reason, which are the full verdict's (the batch's reference path: its rows hold no more); what the findings rest
    on and the verdict's interpretations leave out the readings no reason words, under which the record is not
    decided again (:meth:`Decider._switched`) — such re-decisions were ~55% of what the batch's referred records cost
    (session 58's profile).
    """
    j = jurisdiction if jurisdiction is not None else Jurisdiction.example()
    view = policy.at(problem_day(problem, today)) if policy.epochs else policy
    if wording_only:
        return decider_of(view).decide(problem, j, engine=engine, today=today, wording_only=True)
    return decider_of(view).decide(problem, j, engine=engine, today=today)


def problem_day(problem: Any, today: dt.date | None) -> dt.date:
    """The day whose rules judge a problem: its discovery, else its assessment date."""

    def day(value: Any) -> dt.date | None:
        try:
            return parse_day(value) if value else None
        except (ValueError, TypeError):
            return None  # parse_problem reports the bad date, naming the field

    if is_problem(problem):
        assert not isinstance(problem, Mapping)
        found = problem.discovered.on if problem.discovered else None
        return found or problem.as_of or today or dt.date.today()
    disc = problem.get("discovered") if isinstance(problem, dict) else None
    found = day(disc.get("on")) if isinstance(disc, dict) else None
    as_of = day(problem.get("as_of")) if isinstance(problem, dict) else None
    return found or as_of or today or dt.date.today()
