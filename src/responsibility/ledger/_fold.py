"""The state of each problem as a fold of its events, and the checks an event must pass.

:class:`Folder` applies events in order (``seq``) to :class:`State` objects, one per problem.
With ``check=True`` (what :meth:`Ledger.append <responsibility.Ledger.append>` and imports use)
every event is first checked against the problem's history, the policy and the jurisdiction,
and a bad one raises :class:`~responsibility.ProblemError` naming the field; the state is then
unchanged. :meth:`State.record` gives the problem record that ``who_answers`` reads, so the
ledger's answers are the engine's answers on the folded record.

Corrections: a ``corrected`` event names an earlier event of the same problem; folding uses the
correction's fields instead (or drops the event when ``void``). The latest correction wins.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from .._errors import JurisdictionError, ProblemError
from ._events import FIELDS, Event, ledger_named, shown, type_named

#: Status ids, in the order a problem moves through them (names in ``columns.yaml``).
STATUSES = ("registered", "discovered", "reported", "assigned", "rectified", "verified", "closed", "merged")
OPEN = frozenset(STATUSES[:5])


@dataclass(slots=True)
class Discovery:
    """How the problem came to light once: level, channel, day, body."""

    level: str
    channel: str
    on: dt.date
    body: str | None = None
    source: str | None = None  # the problem it came from, when merged in


@dataclass(slots=True)
class Step:
    """One assignment or report upward."""

    action: str
    by_level: str
    to_level: str
    on: dt.date
    to_body: str | None = None
    by_body: str | None = None
    deadline: dt.date | None = None


@dataclass(slots=True)
class State:
    """One problem as its events leave it (see :meth:`record` for the engine's view)."""

    id: str
    domain: str
    place: str
    registered_on: dt.date
    kind: str | None = None
    #: Whose line the problem is in (a record's ``sector``: a sector id or a body id), ``None`` when not said.
    sector: str | None = None
    severity: str = "minor"
    description: str | None = None
    level: str | None = None
    discoveries: list[Discovery] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    rectified_on: dt.date | None = None
    verified_on: dt.date | None = None
    closed_on: dt.date | None = None
    concealed_by: list[str] = field(default_factory=list)
    merged_into: str | None = None
    merged_on: dt.date | None = None
    merged_from: list[str] = field(default_factory=list)
    last_on: dt.date | None = None
    events: int = 0

    @property
    def latest_on(self) -> dt.date:
        """The latest day the record carries (an event's own day, or a day a correction moved a field to)."""
        days = [self.registered_on, *(d.on for d in self.discoveries), *(s.on for s in self.steps),
                *(x for x in (self.last_on, self.rectified_on, self.verified_on, self.closed_on, self.merged_on)
                  if x is not None)]
        return max(days)

    @property
    def opened_on(self) -> dt.date:
        """The day the problem is known from: the earlier of its registration and its first discovery (an office
        enters a problem in its 台账 on or after the day it was found)."""
        d = self.discovered
        return min(self.registered_on, d.on) if d is not None else self.registered_on

    @property
    def discovered(self) -> Discovery | None:
        """The earliest discovery (a merged problem keeps the earliest of all its channels)."""
        return min(self.discoveries, key=lambda d: d.on) if self.discoveries else None

    @property
    def channels(self) -> list[str]:
        """Every channel the problem arrived by, earliest first, without repeats."""
        return list(dict.fromkeys(d.channel for d in sorted(self.discoveries, key=lambda d: d.on)))

    @property
    def assignment(self) -> Step | None:
        """The latest assignment."""
        assigned = [s for s in self.steps if s.action == "assigned"]
        return max(assigned, key=lambda s: s.on) if assigned else None

    def counted_assignment(self, policy: Any) -> Step | None:
        """The latest assignment that counts as a 交办 by procedure (:func:`assignment_aside`; ``policy``: the view
        of the problem's day), the first of its day as :meth:`assignment`."""
        assigned = [s for s in self.steps if s.action == "assigned" and assignment_aside(
            policy, self.domain, self.kind, self.sector, self.place, s.by_level, s.to_level, to_body=s.to_body) is None]
        return max(assigned, key=lambda s: s.on) if assigned else None

    @property
    def deadline(self) -> dt.date | None:
        """The record's rectification deadline (``None``: the parameter decides): the latest day any assignment set.

        A record holds one deadline, which the engine reads for every level assigned on or before it (else the
        parameter's period from the level's own assignment). The latest assignment's alone was taken: a township's
        pass-down without a deadline erased the county's, and the township then answered 整改不到位 at the
        parameter's 30 days although the county had given it longer (review30 #1: R30-75; a correction of the
        county's deadline changed nothing). The latest day set holds no level to a day earlier than its own
        assignment's (一(四) 交办问题整改落实不到位 is measured against the 交办's terms); one pass-down that set a
        later day than an earlier level's is read for that level too (it spares, never blames). An assignment that set
        no day and passed nothing down is not held to it: :meth:`step_deadline`."""
        days = [s.deadline for s in self.steps if s.action == "assigned" and s.deadline is not None]
        return max(days) if days else None

    def step_deadline(self, step: Step) -> dt.date | None:
        """The deadline ``who_answers`` reads for assignment ``step``'s assignee (``None``: the parameter's period from
        its day): the record's (:attr:`deadline`) where it is on or after the step's day and the step set a day, or
        passed down what its level was assigned (a pass-down without a day keeps the one above), or went to a level
        another assignment set a day for (a re-issue); else none — a 交办 that set no period and passed nothing down
        is measured by the parameter from its own day, not by a day another assignment set (check61 L2: 县水利,
        handed the problem by the county on 03-30 with no day, had been named 整改不到位 at the township's 03-31)."""
        given = self.deadline
        if given is None or given < step.on:
            return None
        if step.deadline is not None:
            return given
        for s in self.steps:
            if s is not step and s.action == "assigned" and (
                    (s.to_level == step.by_level and s.on <= step.on)
                    or (s.to_level == step.to_level and s.deadline is not None)):
                return given
        return None

    @property
    def status(self) -> str:
        """One of :data:`STATUSES`."""
        if self.merged_into is not None:
            return "merged"
        if self.closed_on is not None:
            return "closed"
        if self.verified_on is not None:
            return "verified"
        if self.rectified_on is not None:
            return "rectified"
        if self.assignment is not None:
            return "assigned"
        if self.steps:
            return "reported"
        if self.discoveries:
            return "discovered"
        return "registered"

    def receipts(self) -> list[Step]:
        """The reports upward the history says without a ``reported`` event (:func:`receipts`): to the level that
        registered the problem in its 台账, and to the level of each later discovery (a merged report's)."""
        first = self.discovered
        if first is None:
            return []
        rank = level_rank()
        later = [(d.on, d.level) for d in self.discoveries if d is not first]
        if not later and not (self.level and rank.get(self.level, 0) > rank.get(first.level, 0)):
            return []  # (the common case: nothing to say)
        given = [(max(self.registered_on, first.on), self.level)] if self.level else []
        return [Step("reported", by, to, on) for by, to, on in
                receipts(rank, first.level, [*given, *later],
                         [(s.on, lv) for s in self.steps for lv in (s.by_level, s.to_level)])]

    def receipt_notes(self) -> list[str]:
        """What each report upward of :meth:`receipts` (a step of :meth:`record` that no ``reported`` event made)
        stands for, in words: a higher level's own later discovery (a merged report), or the level that registered the
        problem in its 台账. ``ledger show`` prints them beside the record, which must carry such a step for
        ``who_answers`` to have that level hold the problem from that day (check51b #4: the record showed the county
        reporting a gap to the city that the city had found itself, and nothing said that no one reported it)."""
        out = []
        for r in self.receipts():
            found = next((d for d in self.discoveries if d.level == r.to_level and d.on == r.on), None)
            how = (f"own discovery ({found.channel}{', from problem ' + found.source if found.source else ''})"
                   if found is not None else "registration of the problem in its 台账 (the registered event's `level`)")
            out.append(f"the report from the {r.by_level} to the {r.to_level} on {r.on} is no event: it stands for "
                       f"the {r.to_level}'s {how} that day, read as the {r.to_level} receiving the problem from the "
                       f"{r.by_level}, which held it until then (no event says the {r.by_level} reported it; the "
                       "findings read it so: the level that finds or registers a problem holds it from that day)")
        return out

    def holding(self) -> tuple[str, dt.date, str | None] | None:
        """``(level, day received, body)`` of the level that holds the problem until it is assigned: the last report
        upward (a ``reported`` event, or a level's registration or merged discovery read as one: :meth:`receipts`),
        else its finder's; ``None`` before any discovery. The alerts and ``ledger show``'s route both read it."""
        last = max((x for x in [*self.steps, *self.receipts()] if x.action == "reported"), key=lambda x: x.on,
                   default=None)
        if last is not None:
            return last.to_level, last.on, last.to_body
        found = self.discovered
        return (found.level, found.on, found.body) if found is not None else None

    def record(self, as_of: dt.date) -> dict[str, Any]:
        """The problem record (``who_answers`` fields) of this state on ``as_of``."""
        out: dict[str, Any] = {"id": self.id, "area": self.domain, "place": self.place,
                               "severity": self.severity, "as_of": as_of.isoformat()}
        if self.kind:
            out["kind"] = self.kind
        if self.sector:
            out["sector"] = self.sector
        d = self.discovered
        if d is not None:
            disc: dict[str, Any] = {"level": d.level, "channel": d.channel, "on": d.on.isoformat()}
            if d.body:
                disc["body"] = d.body
            out["discovered"] = disc
        # the record's one deadline, unless an assignment is not to be held to it (:meth:`step_deadline`): then each
        # assignment's own, on its step (who_answers reads a step's deadline for its assignee)
        given = self.deadline
        own = {id(s): s_day for s in self.steps if s.action == "assigned"
               and ((s_day := self.step_deadline(s)) is not None or given is None or given >= s.on)}
        per_step = given is not None and any(d is None for d in own.values())
        handled = []
        for s in sorted([*self.steps, *self.receipts()], key=lambda s: s.on):
            h: dict[str, Any] = {"action": s.action, "by_level": s.by_level, "to_level": s.to_level,
                                 "on": s.on.isoformat()}
            if s.to_body:
                h["to_body"] = s.to_body
            if per_step and (day := own.get(id(s))) is not None:
                h["deadline"] = day.isoformat()
            handled.append(h)
        if handled:
            out["handled"] = handled
        if given is not None and not per_step:
            out["deadline"] = given.isoformat()
        if self.rectified_on is not None:
            out["rectified_on"] = self.rectified_on.isoformat()
        if self.concealed_by:
            out["concealed_by"] = list(self.concealed_by)
        return out


@functools.cache
def level_rank() -> dict[str, int]:
    """Each level of the chain and its rank, the village's 1 (the division codes' levels: the ledger's records are
    placed by them)."""
    from ._compat import LEVEL_DIGITS

    return {lv: len(LEVEL_DIGITS) - i for i, (lv, _) in enumerate(LEVEL_DIGITS)}


def receipts(rank: Mapping[str, int], first: str, given: Iterable[tuple[dt.date, str]],
             reached: Iterable[tuple[dt.date, str]]) -> list[tuple[str, str, dt.date]]:
    """``(by_level, to_level, day)`` of each report upward that a problem's history says without an event.

    A level that registers the problem in its 台账 (一(三)), or receives it by a discovery of its own that a merge
    joined to an earlier find (三(三)), holds it from that day: as if the level that held it reported it there. Each
    ``(day, level)`` of ``given`` counts where the level is above every level the problem had reached by that day
    (``first``, the level of the earliest discovery, and each level of ``reached``: the steps' levels by day).
    Without it a county that kept a village's find in its ledger for months answered nothing, and the alerts named
    the village (review22 R22-10); and a county hotline's receipt merged into the village's earlier find lost the
    county's part (R22-9). Ties on a day go up from the lowest level."""
    held, holder = rank.get(first, 0), first
    steps = sorted((day, rank.get(lv, 0), lv) for day, lv in reached)
    out: list[tuple[str, str, dt.date]] = []
    i = 0
    for day, level in sorted(given, key=lambda g: (g[0], rank.get(g[1], 0))):
        while i < len(steps) and steps[i][0] <= day:
            if steps[i][1] > held:
                held, holder = steps[i][1], steps[i][2]
            i += 1
        if rank.get(level, 0) > held:
            out.append((holder, level, day))
            held, holder = rank[level], level
    return out


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """The cyclic garbage collector paused: folding makes hundreds of thousands of small objects
    that live on, and each collection would walk them all again (no cycles are made here)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _suggest(value: str, options: Iterable[str]) -> str:
    from difflib import get_close_matches

    opts = list(options)
    close = get_close_matches(value, opts, n=1)
    return f"did you mean {close[0]!r}?" if close else "use one of " + ", ".join(opts[:12]) + \
        (" …" if len(opts) > 12 else "")


def _term_hint(policy: Any, kind: str, value: Any, ids: Iterable[str]) -> str:
    """What a record is told for ``value``, naming no term of ``kind`` among ``ids`` (饮水 → "did you mean
    '饮水安全' (water)?"): the records' own hint, one message for a record and an event (newcomer40)."""
    from ._compat import term_hint

    return term_hint(policy, kind, str(value).strip(), list(ids))


def _level_hint(policy: Any, jurisdiction: Any, e: Event, field: str, value: Any, ids: Iterable[str]) -> str:
    """What event ``e`` is told for ``value`` in its level ``field``: a place's name (``to_level: 文昌镇``) is said to
    be one, with the levels the field takes and the field the body goes in, as a record's level is (ux44 gave records
    this; an event was told "did you mean '镇'", which never said the name was a place's); else :func:`_term_hint`."""
    from ._compat import level_hint

    said = level_hint(policy, jurisdiction, field, str(value).strip(), list(ids))
    body = {"by_level": "by_body", "level": "body"}.get(field)
    if body is not None and body in FIELDS[e.type] and "; and where the problem lies" in said:
        # (the record's hint names a body field for its own level fields only: to_level's, discovered.level's)
        said = said.replace("; and where the problem lies",
                            f"; `{body}` names the body at that level (an id or a Chinese name), and where the "
                            "problem lies", 1)
    # an event has no `place` of its own: its problem's is in its registered event
    return said.replace("the record's `place`", "the problem's `place` (its registered event's)")


class Folder:
    """Problem states built from events in ``seq`` order.

    ``policy`` and ``jurisdiction`` are needed only to check events (``check=True``).
    ``as_of``: events on a later day are skipped (corrections count whatever their day).
    """

    def __init__(self, policy: Any = None, jurisdiction: Any = None, *, as_of: dt.date | None = None) -> None:
        self.policy = policy
        self.jurisdiction = jurisdiction
        self.as_of = as_of
        self.states: dict[str, State] = {}
        self.by_seq: dict[int, Event] = {}
        self._corrections: dict[int, Event] = {}

    # ------------------------------------------------------------------ folding

    def fold(self, events: Iterable[Event]) -> dict[str, State]:
        """Apply ``events`` (in ``seq`` order, without checks); corrections are applied first."""
        evs = list(events)
        for e in evs:
            if e.type == "corrected" and e.seq is not None:
                self._corrections[int(e.data["event"])] = e
        for e in evs:
            self.apply(e, check=False)
        return self.states

    def effective(self, e: Event) -> Event | None:
        """The event as corrections leave it (``None`` when voided)."""
        if e.seq is None or e.seq not in self._corrections:
            return e
        c = self._corrections[e.seq]
        if c.data.get("void"):
            return None
        raw = {**c.data["replace"]}
        raw.setdefault("on", e.on)
        return Event.parse({**raw, "problem": e.problem, "type": e.type}, entered_by=e.entered_by or c.entered_by)

    def apply(self, e: Event, *, check: bool = True) -> None:
        """Apply one event; with ``check`` raise :class:`ProblemError` (state unchanged) if it is wrong."""
        if e.seq is not None:
            self.by_seq[e.seq] = e
        if e.type == "corrected":
            if check:
                self._check_correction(e)
            if e.seq is not None and not check:
                return  # already taken into account by fold()
            return
        eff = self.effective(e)
        if eff is None:
            return
        if self.as_of is not None and eff.on > self.as_of:
            return
        if check:
            self._check(eff)
        self._apply(eff)

    def fold_rows(self, rows: Iterable[tuple[Any, ...]], corrections: Iterable[Event] = ()) -> dict[str, State]:
        """The fast fold of stored rows ``(seq, problem, type, day, data)`` in ``seq`` order, without
        checks; ``corrections`` are every ``corrected`` event (they may lie after ``as_of``)."""
        import json

        for c in corrections:
            self._corrections[int(c.data["event"])] = c
        fixes = self._corrections
        upto = self.as_of.isoformat() if self.as_of is not None else None
        loads = json.loads
        days: dict[str, dt.date] = {}
        apply = self._apply_raw
        with paused_gc():
            self._fold_rows(rows, fixes, upto, loads, days, apply)
        return self.states

    def _fold_rows(self, rows: Iterable[tuple[Any, ...]], fixes: Mapping[int, Event], upto: str | None,
                   loads: Any, days: dict[str, dt.date], apply: Any) -> None:
        for seq, problem, kind, day, data in rows:
            if kind == "corrected":
                continue
            if seq in fixes:
                self.apply(Event(problem=problem, type=kind, on=dt.date.fromisoformat(day), data=loads(data),
                                 seq=seq), check=False)
                continue
            if upto is not None and day > upto:
                continue
            on = days.get(day)
            if on is None:
                on = days[day] = dt.date.fromisoformat(day)
            apply(problem, kind, on, loads(data))

    def _apply(self, e: Event) -> None:
        self._apply_raw(e.problem, e.type, e.on, e.data)

    def _apply_raw(self, problem: str, t: str, on: dt.date, d: dict[str, Any]) -> None:
        if t == "registered":
            self.states[problem] = State(
                id=problem, domain=d["domain"], place=d["place"], registered_on=on, kind=d.get("kind"),
                sector=d.get("sector"), severity=d.get("severity", "minor"), description=d.get("description"),
                level=d.get("level"), last_on=on, events=1)
            return
        s = self.states.get(problem)
        if s is None:
            return  # unchecked fold of an event whose registration lies after as_of
        s.events += 1
        if s.last_on is None or on > s.last_on:
            s.last_on = on
        if t == "discovered":
            s.discoveries.append(Discovery(d["level"], d["channel"], on, d.get("body")))
        elif t in ("assigned", "reported"):
            deadline = dt.date.fromisoformat(d["deadline"]) if d.get("deadline") else None
            s.steps.append(Step(t, d["by_level"], d["to_level"], on, d.get("to_body"), d.get("by_body"),
                                deadline))
        elif t == "rectified":
            s.rectified_on = on
        elif t == "verified":
            s.verified_on = on
        elif t == "closed":
            s.closed_on = on
        elif t == "concealed":
            if d["who"] not in s.concealed_by:
                s.concealed_by.append(d["who"])
        elif t == "merged":
            s.merged_into = d["into"]
            s.merged_on = on
            target = self.states.get(d["into"])
            if target is not None:
                target.merged_from.append(s.id)
                if target.sector is None:  # whose line it is, known from one report, is known of the problem (R21-3)
                    target.sector = s.sector
                target.discoveries.extend(Discovery(x.level, x.channel, x.on, x.body, x.source or s.id)
                                          for x in s.discoveries)
                # The source's assignments, reports and concealments were done to the same problem: a target
                # without them would answer as if nobody had assigned it (review18d P0).
                target.steps.extend(s.steps)
                target.concealed_by.extend(w for w in s.concealed_by if w not in target.concealed_by)

    # ------------------------------------------------------------------ checks

    def _fail(self, e: Event, field_name: str, message: str, code: str) -> None:
        """Refuse ``e``: a :class:`ProblemError` with reason ``code`` (see ``ledger.CODES``)."""
        raise ProblemError(field_name, f"{e.type} event on {e.on}: {message}", record=e.problem, code=code)

    def _level_words(self, e: Event, rank: Mapping[str, int]) -> None:
        """Refuse a level written by a word that names two levels at the problem's place (市 in 建德市,
        a county-level city) with the words and code a record gets (``ambiguous_level``)."""
        if self.jurisdiction is None:
            return
        d = e.data
        named = [f for f in ("level", "by_level", "to_level", "who") if isinstance(d.get(f), str) and d[f] not in rank
                 and not d[f].isascii()]
        if not named:
            return
        state = self.states.get(e.problem)
        place = d.get("place") if e.type == "registered" else state.place if state is not None else None
        if place is None:
            return
        from ._compat import level_words_of_the_place

        for f in named:
            try:
                level_words_of_the_place({"place": place, "discovered": {"level": d[f]}}, self.policy,
                                         self.jurisdiction)
            except ProblemError as exc:
                self._fail(e, f, exc.detail, "ambiguous_level")

    def _check_correction(self, e: Event) -> None:
        target = self.by_seq.get(int(e.data["event"]))
        if target is None:
            # (a correction of an event in the same file was told only this: review29 #14)
            self._fail(e, "event", f"no stored event {e.data['event']} to correct; a correction names an event "
                       "already in the ledger by its seq (`responsibility ledger show LEDGER PROBLEM` lists them): "
                       "an event in the same file or request is not stored yet — add it first, then its correction",
                       "unknown_event")
        assert target is not None
        if target.problem != e.problem:
            self._fail(e, "event", f"event {target.seq} is about problem {target.problem!r}, not this one",
                       "unknown_event")
        if target.type == "corrected":
            orig = target.data.get("event")
            self._fail(e, "void" if e.data.get("void") else "event",
                       f"event {target.seq} is a correction; correct the original event {orig} again instead (void "
                       "it, or give its replacement): the latest correction of an event is the one that holds",
                       "bad_correction")
        if target.type == "registered" and e.data.get("void"):
            self._fail(e, "void", f"a registration cannot be voided; correct its fields instead (a correction of "
                       f"event {target.seq} giving its replacement), or merge the problem into the one it repeats",
                       "bad_correction")
        if not e.data.get("void"):
            # A correction alters the event it names: its replacement is that event's kind of event about that
            # problem. A replacement of another type (a 'discovered' event corrected into an 'assigned' one) or of
            # another problem was overridden in silence, so that what the user meant to add was never stored.
            given = e.data["replace"]
            kind = given.get("type")
            if kind is not None and (not isinstance(kind, str) or (type_named(kind) or kind) != target.type):
                article = "an" if target.type[:1] in "aeiou" else "a"
                self._fail(e, "replace.type", f"event {target.seq} is {article} {target.type!r} event and a correction "
                           f"replaces it with another {target.type!r} event, not {shown(kind)}: to record that "
                           "something else happened, add that event (and void this one if it did not happen)",
                           "bad_correction")
            if given.get("problem") is not None and str(given["problem"]).strip() != e.problem:
                self._fail(e, "replace.problem", f"event {target.seq} is about problem {e.problem!r}; a correction "
                           f"cannot move it to {shown(given['problem'])}: void it and add the event to that problem",
                           "bad_correction")
            raw = {**given, "problem": e.problem, "type": target.type}
            raw.setdefault("on", target.on)
            try:
                # The replacement is held to what the event it replaces was held to (an unknown area
                # or place would otherwise enter the ledger through a correction, and every list
                # that reads it fail), and stored with the ids the checks read its names as.
                replacement = Event.parse(raw, entered_by=e.entered_by)
                self._check(replacement, correcting=True)
            except ProblemError as exc:
                inner = exc.detail.removeprefix(f"{target.type} event on {raw['on']}: ")
                raise ProblemError(f"replace.{exc.field}", f"{e.type} event on {e.on}: {inner}", record=e.problem,
                                   code=exc.code) from None
            # the replacement's fields by the ledger's names, as Event.parse read the copy it checked
            e.data["replace"] = {k: replacement.data.get(k, v) for k, v in ledger_named(e.data["replace"]).items()}

    def _check(self, e: Event, *, correcting: bool = False) -> None:
        """Refuse ``e`` unless its fields name what the policy and the jurisdiction hold and it fits
        the problem's history; names are read as a record's are (危房改造, 县, 较重) and stored as
        ids. ``correcting``: a correction's replacement, whose fields are checked but not against
        the history it rewrites."""
        policy, j = self.policy, self.jurisdiction
        d = e.data
        rank: Mapping[str, int] = policy.level_rank
        ids = _ids(policy)
        self._level_words(e, rank)
        for f, kind in _NAMED:
            if d.get(f) is not None and d[f] not in ids[kind]:
                d[f] = _names(policy).canonical(kind, d[f])
        if e.type == "registered" and d.get("kind") is not None and (d["domain"], d["kind"]) not in policy.kinds:
            d["kind"] = _names(policy).canonical(f"kind:{d['domain']}", d["kind"])
        for f, at in (("body", "level"), ("to_body", "to_level"), ("by_body", "by_level")):
            if d.get(f) is not None and d[f] not in policy.bodies:  # by its Chinese name or gloss, as a record's
                d[f] = _names(policy).body(d[f], d.get(at))
        if e.type == "concealed" and d["who"] not in rank and d["who"] not in policy.bodies:
            d["who"] = _names(policy).canonical("level", d["who"])
            if d["who"] not in rank:
                d["who"] = _names(policy).body(d["who"])
        if e.type == "registered":
            if e.problem in self.states and not correcting:
                # (what to do, too: the same file added twice said only "already registered on …"; hostile40)
                self._fail(e, "problem", f"already registered on {self.states[e.problem].registered_on}; the "
                           "ledger holds this problem (a file added twice?): leave its registered event out, or give "
                           "a new problem an id of its own", "duplicate_problem")
            if d["domain"] not in policy.problem_areas:
                self._fail(e, "domain", f"unknown duty area {d['domain']!r}; "
                           f"{_term_hint(policy, 'area', d['domain'], policy.problem_areas)}", "unknown_area")
            if d.get("kind") is not None and (d["domain"], d["kind"]) not in policy.kinds:
                kinds = [k for a, k in policy.kinds if a == d["domain"]]
                self._fail(e, "kind",
                           f"unknown problem kind {d['kind']!r} in {d['domain']}; "
                           f"{_term_hint(policy, 'kind:' + d['domain'], d['kind'], kinds)}",
                           "unknown_kind")
            sev = [s.id for s in policy.data.vocabulary.severities]
            if d.get("severity") is not None and d["severity"] not in sev:
                self._fail(e, "severity", f"unknown severity {d['severity']!r}; "
                           f"{_term_hint(policy, 'severity', d['severity'], sev)}",
                           "bad_value")
            if d.get("level") is not None and d["level"] not in rank:
                said = _level_hint(policy, j, e, "level", d["level"], rank)
                self._fail(e, "level", f"unknown level {d['level']!r}; {said}", "unknown_level")
            from ._compat import parse_code

            try:
                code = parse_code(d["place"])
            except JurisdictionError as exc:
                # a place's name where its code is due: which code it is, as a record is told (newcomer40)
                from ._compat import place_name_hint

                self._fail(e, "place", place_name_hint(j, d["place"]) or str(exc), "bad_place")
            if j is not None and j.get(code) is None:
                typo = j.missing(code)  # (a code inside a county it lists: a typo, as a record is told; hostile53)
                self._fail(e, "place", f"place {d['place']} is not in jurisdiction {j.name!r}"
                           + (f"; {typo}" if typo else ""), "unknown_place")
            d["place"] = code  # stored as the full 12-digit code
            if d.get("sector") is not None:
                self._sector(e)
            return
        s = self.states.get(e.problem)
        if s is None:
            hint = _suggest(e.problem, self.states) if self.states else "register it first"
            self._fail(e, "problem", f"unknown problem {e.problem!r}; {hint}", "unknown_problem")
        assert s is not None
        if correcting:
            pass
        elif e.type != "discovered" and e.on < s.opened_on:
            # A problem is entered in the 台账 on or after the day it was found (一(三): a hotline call on 1 June
            # written in at the weekly update on 10 June): its discovery may precede its registration, and what
            # follows is bounded by the earlier of the two. Bounding every event by the registration refused
            # every late entry, and accepted the impossible order instead (review33b F1).
            self._fail(e, "on", f"before the problem was registered on {s.registered_on}"
                       + (f" or discovered on {s.discovered.on}" if s.discovered is not None else "")
                       + "; give this event the day it happened, or record the discovery first if it was found "
                       "earlier (a discovery may precede the registration: the day the problem was found)",
                       "order_violation")
        elif s.merged_into is not None:
            self._fail(e, "problem", f"merged into {s.merged_into!r} on {s.merged_on}; record events there",
                       "problem_closed")
        elif s.closed_on is not None and e.type not in ("concealed",):
            self._fail(e, "problem", f"closed on {s.closed_on}; a closed problem takes no more events",
                       "problem_closed")
        # an urban community's problem is its township's (residents_committee_place), as who answers it: no village
        # level finds, takes or conceals it there (session 25's note item 4)
        township = _answered_at(policy, s.place)
        prank = rank["township"] if township is not None else rank[_place_level(s.place)]

        def below(part: Literal["discovered", "handled", "reported", "concealed"], said: str) -> str:
            from ._compat import below_community

            return below_community(s.place, township, part) if township is not None else said

        def level(name: str) -> int:
            v = d[name]
            if v not in rank:
                self._fail(e, name, f"unknown level {v!r}; {_level_hint(policy, j, e, name, v, rank)}", "unknown_level")
            return rank[v]

        def body(name: str, at: str | None) -> None:
            v = d.get(name)
            if v is None:
                return
            if v not in policy.bodies:
                from ._compat import body_hint

                self._fail(e, name, f"unknown body {v!r}; {body_hint(policy, v, at)}", "unknown_body")
            from ._compat import stand_in_refusal

            # (a verdict's stand-in for a body a record does not name, as who_answers refuses it: stored, the
            # problem's 责任清单 would say only 无法认定; review34 F5)
            if (stand_in := stand_in_refusal(policy, name, v, s.domain, s.kind, concealer=name == "who")) is not None:
                self._fail(e, name, stand_in, "unknown_body")
            found = _judged_from(s, e) if policy.epochs else None
            if found is not None and v not in (now := policy.at(found)).bodies:
                # A record is judged by the rules in force on its discovery day, its steps' bodies included (as
                # who_answers refuses it): stored, the 整改清单 and the alerts named the body overdue while the
                # 责任清单 said only 无法认定 (review33b F2).
                from ._compat import other_period

                self._fail(e, name, f"unknown body {v!r} for a problem discovered on {found}: "
                           f"{other_period(now, v)}", "unknown_body")
            if at is not None and policy.bodies[v].level != at:
                from ._compat import level_body_hint

                field = {"to_body": "to_level", "by_body": "by_level"}.get(name, "level")
                self._fail(e, name, level_body_hint(policy, v, at, field), "level_mismatch")

        if e.type == "discovered":
            if level("level") < prank:
                self._fail(e, "level", below("discovered", f"a {d['level']} cannot find a problem located at a "
                                                           f"{_place_level(s.place)}"), "level_mismatch")
            if d["channel"] not in policy.channels:
                self._fail(e, "channel", f"unknown channel {d['channel']!r}; "
                           f"{_term_hint(policy, 'channel', d['channel'], policy.channels)}",
                           "unknown_channel")
            ch = policy.channels[d["channel"]]
            if ch.levels is not None and d["level"] not in ch.levels:
                # as who_answers refuses it (R20-7): stored, the problem could never be answered, and its
                # 责任清单 would say only 无法认定 (engine22b: such records were taken in and refused later)
                from ._compat import channel_level_refusal

                self._fail(e, "level", channel_level_refusal(policy, d["channel"], d["level"]), "level_mismatch")
            body("body", d["level"])
            return
        if not s.discoveries and e.type != "concealed" and not correcting:
            self._fail(e, "type", "the problem has no discovery yet; record how and when it was found first",
                       "missing_discovery")
        first = s.discovered
        if first is not None and e.on < first.on and not correcting:
            self._fail(e, "on", f"before the problem was discovered on {first.on}", "order_violation")
        if e.type in ("assigned", "reported"):
            by, to = level("by_level"), level("to_level")
            body("to_body", d["to_level"])
            body("by_body", d["by_level"])
            if e.type == "reported" and to <= by:
                self._fail(e, "to_level", "a report goes to a higher level; use 'assigned' to pass it down",
                           "wrong_direction")
            if e.type == "assigned" and to > by:
                self._fail(e, "to_level", "an assignment goes to the same or a lower level; use 'reported' to go up",
                           "wrong_direction")
            if to < prank:
                lvl = _place_level(s.place)
                said = (f"the problem is placed at a {lvl} ({s.place}), so nothing below the {lvl} can take it: to "
                        "assign it there, register a problem at each place's own code (one for each township or "
                        f"village); else assign it to a body of the {lvl}")
                self._fail(e, "to_level", below("handled", said), "level_mismatch")
            if township is not None and by < prank:  # a village reporting a community's problem, as who refuses it
                self._fail(e, "by_level", below("reported", ""), "level_mismatch")
            if d.get("deadline") is not None and dt.date.fromisoformat(d["deadline"]) < e.on:
                self._fail(e, "deadline", f"deadline {d['deadline']} is before the assignment on {e.on}",
                           "order_violation")
        elif e.type == "rectified":
            if s.rectified_on is not None and not correcting:
                self._fail(e, "type", f"rectification already reported on {s.rectified_on}", "duplicate_event")
        elif e.type in ("verified", "closed"):
            if s.rectified_on is None and not correcting:
                self._fail(e, "type", f"cannot be {e.type}: no rectification has been reported "
                           "(record a 'rectified' event first)", "order_violation")
            # Each list as of a day in between would show the problem closed but not yet rectified.
            if s.rectified_on is None or correcting:
                pass
            elif e.on < s.rectified_on:
                self._fail(e, "on", f"before the rectification reported on {s.rectified_on}; a problem is "
                           f"{e.type} once rectified", "order_violation")
            elif e.type == "closed" and s.verified_on is not None and e.on < s.verified_on:
                self._fail(e, "on", f"before the verification on {s.verified_on}; a problem is closed once verified",
                           "order_violation")
            if d.get("level") is not None:
                level("level")
            body("body", d.get("level"))
        elif e.type == "concealed":
            who = d["who"]
            if who not in rank and who not in policy.bodies:
                self._fail(e, "who",
                           f"{who!r} is neither a level nor a body id; {_suggest(who, [*rank, *policy.bodies])}",
                           "unknown_body")
            if who not in rank:
                body("who", None)
            if township is not None and rank[who if who in rank else policy.bodies[who].level] < prank:
                self._fail(e, "who", below("concealed", ""), "concealment")
        elif e.type == "merged":
            into = d["into"]
            if into == e.problem:
                self._fail(e, "into", "a problem cannot be merged into itself; give as into the problem this one "
                           "reports again", "bad_value")
            t = self.states.get(into)
            if t is None:
                self._fail(e, "into", f"unknown problem {into!r}; {_suggest(into, self.states)}", "unknown_problem")
            assert t is not None
            if t.merged_into is not None:
                self._fail(e, "into", f"{into!r} was itself merged into {t.merged_into!r}; merge into that",
                           "problem_closed")
            src = self.states.get(e.problem)
            if src is not None and (ahead := _merge_ahead(src, t)):
                what, mine = ahead
                self._fail(e, "into", f"{e.problem!r} was {what} on {mine} and {into!r} was not; merge "
                           f"the open report into the {what} one ({into!r} into {e.problem!r})", "bad_merge")
            if src is not None and (differs := _merge_clash(policy, src, t)):
                # A merge joins reports of one problem (三(三) 集成整改): the target takes the source's channels and
                # earliest discovery, so a slip of the id would rewrite one verdict and delete another (review18 L2).
                self._fail(e, "into", f"{e.problem!r} and {into!r} are not one problem: {differs}; merge only "
                           "reports of the same problem (correct a wrong area, kind or sector first, or a place "
                           "outside the county)", "bad_merge")

    def _sector(self, e: Event) -> None:
        """A registration's ``sector`` read and checked as a record's is (one rule, the engine's: a sector id, or a
        body by its id or name, whose line holds a duty in the area), and stored as the record reads it (review21
        R21-3: the ledger had no sector, so every ledger problem was judged as if its line were not known)."""
        from ._compat import canonical_record, parse_problem

        d = e.data
        d["sector"] = canonical_record({"sector": d["sector"]}, self.policy)["sector"]
        record = {"id": e.problem, "area": d["domain"], "place": d["place"], "sector": d["sector"],
                  "as_of": e.on.isoformat(), **({"kind": d["kind"]} if d.get("kind") is not None else {})}
        try:
            parse_problem(record, self.policy, self.jurisdiction, today=e.on)
        except ProblemError as exc:
            if exc.field == "sector":  # (the other fields were checked above, by the ledger's words)
                self._fail(e, "sector", exc.detail, exc.code or "unknown_sector")

    def check_corrected(self, problem: str, batch: list[Event], family: list[Event]) -> None:
        """Check what ``problem`` folds to once ``batch`` (the events of it being stored now, corrections among them)
        is stored: a correction is checked field by field when it is applied, but only the refolded history shows a
        moved day clashing with another event (review18 L1: a discovery moved past the assignment), an event left
        before the registration (review18c L1c), or a merge no longer of one problem (review18c L2b). ``family``: the
        stored events of every problem merged with it (its target's and the target's sources'), so that a merged
        problem is refolded whole (review18c L1b). Raises :class:`ProblemError`."""
        if self.policy is None or problem not in self.states:
            return
        stored = sorted(family, key=lambda e: e.seq or 0)
        fixes = {int(e.data["event"]): e for e in stored if e.type == "corrected"}
        fixes.update({int(e.data["event"]): e for e in batch if e.type == "corrected"})
        new = [e for e in batch if e.seq is None]

        def refold(keep: Callable[[Event], bool]) -> Folder:
            trial = Folder(self.policy, self.jurisdiction)
            trial._corrections = dict(fixes)
            trial.by_seq = {e.seq: e for e in stored if e.seq is not None}
            for e in (*stored, *new):
                if keep(e):
                    trial.apply(e, check=False)
            return trial

        solo = refold(lambda e: e.problem == problem)
        own = solo.states.get(problem)
        if own is not None:  # no event of its own before its registration, as a new event would be refused
            early = [(x.on, x.type) for e in (*stored, *new) if e.problem == problem
                     and e.type not in ("registered", "corrected", "discovered")
                     and (x := solo.effective(e)) is not None and x.on < own.opened_on]
            if early:
                day, what = min(early, key=lambda x: x[0])
                moved = next((e for e in batch if e.type == "corrected" and int(e.data["event"]) in
                              {x.seq for x in stored if x.type == "registered" and x.problem == problem}), None)
                fix = ("give a registration day on or before its first event" if moved is not None else
                       f"give the {what} event a day on or after the registration, or correct the registration too "
                       "(in the same file)")
                raise ProblemError("on", f"with the correction the problem would be registered on "
                                   f"{own.registered_on}, after its {what} event on {day}; {fix}",
                                   record=problem, code="order_violation")
        whole = refold(lambda e: True)
        for s in whole.states.values():
            target = whole.states.get(s.merged_into) if s.merged_into is not None else None
            if target is not None and (differs := _merge_clash(self.policy, s, target)):
                raise ProblemError("replace", f"with the correction {s.id!r}, merged into {target.id!r}, would not "
                                   f"be one problem with it: {differs}; a merge joins reports of one problem",
                                   record=problem, code="bad_merge")
        for s in whole.states.values():
            target = whole.states.get(s.merged_into) if s.merged_into is not None else None
            # as a merge of a rectified report into an open one is refused (review19c C1)
            if target is not None and (ahead := _merge_ahead(s, target)):
                what, mine = ahead
                raise ProblemError("type", f"with the correction {target.id!r} would not be {what}, while "
                                   f"{s.id!r}, merged into it, was {what} on {mine}; correct the events of both "
                                   "alike (in the same file)", record=problem, code="order_violation")
            # a closed problem's rectification voided or moved after its verification or closure: it would be
            # listed 已销号 and overdue at once (review19b L1), as a direct close of an unrectified problem is refused
            for what, when in (("verified", s.verified_on), ("closed", s.closed_on)):
                if when is not None and (s.rectified_on is None or s.rectified_on > when):
                    has = f"rectified on {s.rectified_on}" if s.rectified_on else "no rectification"
                    raise ProblemError("type", f"with the correction {s.id!r} would be {what} on {when} with {has} "
                                       f"before it; correct or void its {what} event too (in the same file)",
                                       record=problem, code="order_violation")
        root = problem
        while (top := whole.states.get(root)) is not None and top.merged_into is not None:
            root = top.merged_into
        try:
            whole.check_record(root)
        except ProblemError as exc:
            raise ProblemError(exc.field, f"with the correction the record would not hold: {exc.detail}; correct "
                               "the other event too (in the same file)", record=problem, code=exc.code) from None

    def check_record(self, problem: str, today: dt.date | None = None) -> None:
        """Check the folded record of ``problem`` as ``who_answers`` would (the last word on dates and
        concealment); raises :class:`ProblemError`."""
        s = self.states.get(problem)
        if s is None or self.policy is None:
            return
        from ._compat import parse_problem

        # on the latest day any field carries: a correction that moves the discovery past an assignment is
        # entered before the day it moves it to, and a record folded on the correction's own day does not
        # show the clash yet (review18 L1)
        as_of = max(s.latest_on, today or s.registered_on)
        # under the rules in force on its discovery day, as who_answers reads it (review33b F2)
        policy = self.policy.at(s.discovered.on) if self.policy.epochs and s.discovered is not None else self.policy
        parse_problem(s.record(as_of), policy, self.jurisdiction, today=as_of)


def _judged_from(s: State, e: Event) -> dt.date | None:
    """The discovery day whose rules judge the problem once ``e`` is applied (its earliest discovery's, ``e`` among
    them), ``None`` while it has none."""
    days = [d.on for d in s.discoveries] + ([e.on] if e.type == "discovered" else [])
    return min(days) if days else None


def assignment_aside(policy: Any, area: str, kind: str | None, sector: str | None, place: str, by: str,
                     to: str, *, assignee: bool = False, to_body: str | None = None) -> str | None:
    """Why an assignment by ``by`` to ``to`` of a problem counts as no 交办 by procedure, as ``who_answers`` reads it
    (一(三) 按照问题类别、办理权限等因素…交办): to a level where no body rectifies the kind, or a level below the
    problem's authority taking it on itself; ``None`` where it counts or the matrix leaves it to the engine's finer
    readings (no kind, a place above every rectifier, a level above the authority: pressing_level_assignment).
    ``policy``: the view of the problem's discovery day; ``assignee``: ``by`` was assigned the problem (the text
    then does not tell it to report it up). The 整改清单 and the alerts pass over such a step, as the
    责任清单 does (review33b F4: they named the township overdue where the 责任清单 held the county).

    — and a step to a body (``to_body``) the text gives no part in the kind (:func:`body_without_part`: 县人社局 handed
    a late basic-living payment, 县教育局 a renovation), which ``who_answers`` reads as no 交办 by irregular_step
    (check51b #1: the 整改清单 named such a body overdue, and the county that still held the problem had no alert)."""
    cache: dict[tuple[Any, ...], str | None] = policy._memo("ledger_assignment_aside", dict)
    key = (area, kind, sector, place, by, to, assignee, to_body)
    if key in cache:
        return cache[key]
    out = None
    rank = policy.level_rank
    if kind is not None and by in rank and to in rank:
        from ._compat import route_bodies

        level = _answering_level(policy, place)
        plan = route_bodies(policy, area, kind, level, policy.sector_of(sector) if sector else None)
        top = max(rank[plan.authority], rank[level])
        if plan.at_place or rank[to] > top:
            pass
        elif by == to and rank[to] < rank[plan.authority]:
            out = (f"the {to} level is below the problem's authority (the {plan.authority}'s) and took it on itself; "
                   "a level below the authority reports it up (一(三) 对超出本级权限的及时向上级单位报送问题)")
        elif not any(policy.bodies[b].level == to for b in plan.assignees):
            may = sorted({policy.bodies[b].level for b in plan.assignees}, key=lambda lv: rank[lv])
            at = f" (its rectifiers are at the {' and the '.join(may)})" if may else ""
            out = (f"no body of the {to} level rectifies this kind of problem{at} "
                   "(一(三) 按照问题类别、办理权限等因素…交办)")
            if rank[by] < rank[plan.authority] and not assignee:
                out += (f"; it exceeds the {by}'s authority (办理权限, the {plan.authority}'s): report it up "
                        "(一(三) 对超出本级权限的及时向上级单位报送问题)")
    if out is None and to_body is not None:
        out = body_without_part(policy, area, kind, sector, place, by, to, to_body)
    cache[key] = out
    return out


def body_without_part(policy: Any, area: str, kind: str | None, sector: str | None, place: str, by: str, to: str,
                      to_body: str) -> str | None:
    """Why an assignment by ``by`` to ``to_body`` (of level ``to``) counts as no 交办 because the text gives that body
    no part in the problem's kind, as ``who_answers`` reads it (its ``to_right``: :meth:`PolicyView.has_kind_part
    <responsibility.policy.PolicyView.has_kind_part>`, 一(三) 按照问题类别…分类交办), with the parameters it rests on;
    ``None`` where the body has a part, or where the step is another level's to a level whose own bodies rectify the
    kind and assignment_to_body_without_part (level_receives) reads it as the 交办 to that level as a whole
    (:func:`assigned_body` then names no body)."""
    if to_body not in policy.bodies or _astray_received(policy, area, kind, place, by, to, to_body, sector):
        return None
    if policy.has_kind_part(area, kind, to_body, policy.sector_of(sector) if sector else None):
        return None
    body = policy.bodies[to_body]
    what = f"this kind of problem ({kind})" if kind is not None else f"the {area} area"
    out = (f"the text gives {body.name} ({to_body}) no part in {what}: an assignment to it is no 交办 by "
           "procedure (一(三) 按照问题类别、办理权限等因素…分类交办; parameter irregular_step)")
    if _astray(policy, area, kind, place, by, to):
        out += (f", and it does not hand the problem to the {to} level as a whole (parameter "
                "assignment_to_body_without_part = set_aside: the assigner answers 未按程序及时交办)")
    return out


def assigned_body(policy: Any, area: str, kind: str | None, sector: str | None, place: str, by: str, to: str,
                  to_body: str | None) -> str | None:
    """The body a counted assignment hands the problem to, as ``who_answers`` reads it: ``to_body``, or ``None``
    (the level as a whole: the 整改清单 names no body, and the alerts name the level's rectifiers) where
    :func:`level_whole` says why."""
    if to_body is None or level_whole(policy, area, kind, sector, place, by, to, to_body) is None:
        return to_body
    return None


def level_whole(policy: Any, area: str, kind: str | None, sector: str | None, place: str, by: str, to: str,
                to_body: str) -> str | None:
    """Why ``who_answers`` reads a counted assignment to ``to_body`` as the 交办 to its level ``to`` as a whole, the
    parameter it rests on named; ``None`` where the body itself is the assignee:

    - the body has a part in the kind but no duty to rectify it, at a level whose own bodies rectify it (县委 or
      县扶贫办 handed a renovation), and assignment_without_rectification_duty (level_holds, the default) reads the
      step as the 交办 to its level, the body receiving it for the level (the engine's own test of the duty,
      ``assignee_rectifies``; check51b #1's sweep: the 整改清单 named 县委 overdue, who_answers 县建设 整改不到位);
    - another level handed it to a body with no part, and assignment_to_body_without_part (level_receives) reads that
      as the 交办 to the body's level."""
    if to_body not in policy.bodies or kind is None or to not in policy.level_rank:
        return None
    cache: dict[tuple[Any, ...], str | None] = policy._memo("ledger_level_whole", dict)
    key = (area, kind, sector, place, by, to, to_body)
    if key in cache:
        return cache[key]
    name = policy.bodies[to_body].name
    out = None
    if _astray_received(policy, area, kind, place, by, to, to_body, sector):
        out = (f"the text gives {name} no part in it, and parameter assignment_to_body_without_part = level_receives "
               "reads another level's step to such a body as the 交办 to its level")
    else:
        param = policy.parameters.get("assignment_without_rectification_duty")
        if param is not None and param.value == "level_holds":
            from ._compat import assignee_rectifies

            prank = policy.level_rank[_answering_level(policy, place)]
            line = policy.sector_of(sector) if sector else None
            if policy.level_rank[to] in policy.own_rectifier_levels(area, kind, prank) \
                    and policy.has_kind_part(area, kind, to_body, line) \
                    and not assignee_rectifies(policy, area, kind, to_body, prank, line):
                out = (f"{name} has a part in it but no duty to rectify it, and parameter "
                       "assignment_without_rectification_duty = level_holds reads the step as the 交办 to its level, "
                       "the body receiving it for the level")
    cache[key] = out
    return out


def _astray(policy: Any, area: str, kind: str | None, place: str, by: str, to: str) -> bool:
    """Whether a step by ``by`` to a body of ``to`` is another level's down to a level of role bodies (county, city,
    province) whose own bodies rectify the kind: the steps assignment_to_body_without_part reads where the body has no
    part (engine: derive's ``astray``, for a level that rectifies the kind itself, not one that only presses)."""
    rank = policy.level_rank
    if by not in rank or to not in rank or rank[to] >= rank[by] or to not in policy.roles:
        return False
    own = policy.own_rectifier_levels(area, kind, rank[_answering_level(policy, place)])
    return rank[to] in own


def _astray_received(policy: Any, area: str, kind: str | None, place: str, by: str, to: str, to_body: str,
                     sector: str | None) -> bool:
    """Whether an astray step (:func:`_astray`) to a body with no part is the 交办 to its level as a whole
    (assignment_to_body_without_part = level_receives)."""
    param = policy.parameters.get("assignment_to_body_without_part")
    if param is None or param.value != "level_receives" or to_body not in policy.bodies:
        return False
    return _astray(policy, area, kind, place, by, to) and not policy.has_kind_part(
        area, kind, to_body, policy.sector_of(sector) if sector else None)


def report_aside(policy: Any, area: str, kind: str | None, sector: str | None, place: str, by: str,
                 to: str) -> str | None:
    """Why a report upward by ``by`` passes nothing on, as ``who_answers`` reads it: the problem is within ``by``'s
    authority (一(三) reports up only 超出本级权限的 problems), so ``by`` still answers for assigning it and ``to``,
    which now holds it, for passing it down; ``None`` where it counts or the engine's finer readings decide."""
    rank = policy.level_rank
    if kind is None or by not in rank or (area, kind) not in policy.kinds:
        return None
    from ._compat import route_bodies

    level = _answering_level(policy, place)
    plan = route_bodies(policy, area, kind, level, policy.sector_of(sector) if sector else None)
    own = policy.kinds[(area, kind)].authority
    if plan.at_place or rank[by] < rank[plan.authority] or rank[by] < rank.get(own, 0):
        return None
    return (f"the problem is within the {by} level's authority: a report up passes nothing on (一(三) reports up "
            f"超出本级权限的 problems), and the {by} still answers for assigning it")


def _merge_ahead(source: State, target: State) -> tuple[str, dt.date] | None:
    """``(stage, day)`` where ``source`` was rectified (or verified) and ``target``, which it is merged into, not:
    the target keeps its own rectification, so the problem would read as not rectified and its assignee answer for
    a fix already made. ``None`` where the merge keeps what the source reached."""
    for what, mine, theirs in (("rectified", source.rectified_on, target.rectified_on),
                               ("verified", source.verified_on, target.verified_on)):
        if mine is not None and theirs is None:
            return what, mine
    return None


def _merge_clash(policy: Any, source: State, target: State) -> str:
    """How two problems differ in what a merge cannot join (area, kind, county), or ``""``."""
    if source.domain != target.domain:
        return f"the area is {source.domain} in one and {target.domain} in the other"
    if source.kind and target.kind and source.kind != target.kind:
        return f"the kind is {source.kind} in one and {target.kind} in the other"
    if source.sector and target.sector and policy.sector_of(source.sector) != policy.sector_of(target.sector):
        return f"the sector is {source.sector} in one and {target.sector} in the other"
    digits = next((lv.code_digits for lv in policy.data.vocabulary.levels if lv.id == "county"), 6)
    if source.place[:digits] != target.place[:digits]:
        return f"the places {source.place} and {target.place} are not in one county"
    return ""


#: The event fields that name a term of the policy, and the kind of term.
_NAMED = (("domain", "area"), ("severity", "severity"), ("level", "level"), ("by_level", "level"),
          ("to_level", "level"), ("channel", "channel"))


def _ids(policy: Any) -> dict[str, Any]:
    """The ids of each kind of term (an id needs no reading as a name)."""
    return policy._memo("ledger_ids", lambda: {  # type: ignore[no-any-return]
        "area": frozenset(policy.problem_areas), "level": policy.level_rank, "channel": policy.channels,
        "severity": frozenset(x.id for x in policy.data.vocabulary.severities)})


def _names(policy: Any) -> Any:
    """The names a record may give each id (危房改造 for housing, 县 for county)."""
    from ._compat import ValueNames

    return ValueNames.of(policy)


@functools.cache
def _place_level(place: str) -> str:
    from ._compat import level_of, parse_code

    return str(level_of(parse_code(place)))


def _answered_at(policy: Any, place: str) -> str | None:
    """The township's code where ``place`` is an urban community's (a residents' committee's, 社区) answered as its
    township's (residents_committee_place=township, as a record is: engine/_problem), else ``None``."""
    from ..chain._jurisdiction import is_residents_committee

    param = policy.parameters.get("residents_committee_place")
    if param is None or param.value != "township" or not is_residents_committee(place):
        return None
    return place[:9] + "000"


def _answering_level(policy: Any, place: str) -> str:
    """The level a problem at ``place`` is answered at: its own, a community's township's (:func:`_answered_at`)."""
    return "township" if _answered_at(policy, place) is not None else _place_level(place)
