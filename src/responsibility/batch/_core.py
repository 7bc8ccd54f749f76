"""The batch decision in bulk: check relations, derive facts, fire rules once per fact shape.

A verdict's findings are the union of what each of its facts gives (placed on the place's
level), then main responsibility at each level where one of the failures of 一(四) was found,
ordered by level, body, basis and liability. What one fact gives depends only on the
problem's area, kind, severity and place level and on the fact itself, so it is computed once
per distinct (problem base, fact) by the compiled engine and the
:class:`~responsibility.engine._decide.Decider` (a template) and reused for every record that has
such a fact. Place names, finders and dates in reasons are filled per row from the record.

Two facts of one record may give a finding on the same (body, basis, liability); a verdict
merges them, and so does this module when they agree in duties and clauses (the first fact's
row stands for both, as its hit comes first). A record whose merged findings would differ
from every single one takes the reference path instead.

What this module mirrors, and must follow when it changes: :func:`~responsibility.engine._facts.derive`
(:func:`derive`), the relations ``parse_problem`` checks (:func:`check`), and how
``Decider.decide_parsed`` adds main responsibility (:func:`expand`). The differential tests
compare every row with ``who_answers``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from ..engine._compile import SCOPE, SHOWN_SCOPE, shown_field, shown_ranks
from ..engine._decide import CONCEALED as HID_BASIS
from ..engine._decide import CONTEXT_FIELDS, acting_rank, decider_of, pressing_also_acting, pressing_where_acting
from ..engine._decide import MISSED as MISSED_BASIS
from ..engine._decide import NOT_RECTIFIED as NOT_RECTIFIED_BASIS
from ..engine._decide import SUPERVISION as PRESSING_BASIS
from ..engine._facts import (
    ASIDE_REPORT,
    CONCEALER,
    IRREGULAR,
    LATE_PASS,
    MISSING_STEP,
    OVERSIGHT_REPORT,
    OWN_WORK,
    PASSES_ON,
    PEER_FINDS,
    PRESSING,
    RECEIVER,
    SELF_RECTIFIED,
    UNASSIGNED_DEADLINE,
    UNRELATED,
    gives_way,
    guiding_level_department,
    guiding_receiver,
    holds_own_work,
    item_holders,
    keeps_lists,
    level_body,
    line_concealer,
    line_of,
    oversight_organ,
    owner_peers,
    receiving_body,
    sole_holder,
    standing_for,
)
from ..engine._problem import unit_below_level
from ..policy._model import SEVERITIES
from ..policy._view import SECTORLESS, PolicyView
from ._encode import Cols
from ._tables import FACT_TYPES, NONE, Tables, pick, shared_part

I32 = npt.NDArray[np.int32]
I64 = npt.NDArray[np.int64]
Bool = npt.NDArray[np.bool_]


class Interned:
    """Ids of integer values, each made once by ``make`` on first sight and found again in bulk
    (a hash look-up of the values seen so far, Arrow's ``index_in``: no sort of a chunk's values)."""

    def __init__(self, make: Callable[[int], int], known: dict[int, int] | None = None) -> None:
        self.make = make
        self.keys = np.array(list((known or {}).keys()), np.int64)  # in the order they were seen
        self.ids = np.array(list((known or {}).values()), np.int64)
        self._set: Any = None  # the keys as an Arrow array (made again when keys are added)
        self._table: Any = None  # or as a hash table walked in C (_emit.KeyIds), where the extension was built

    def add(self, keys: I64, ids: I64) -> None:
        """Know ``keys`` (not known yet) as ``ids``."""
        if len(keys):
            self.keys, self.ids = np.concatenate([self.keys, keys]), np.concatenate([self.ids, ids])
            self._set = self._table = None

    def __call__(self, values: npt.NDArray[Any]) -> I64:
        """The id of each value."""
        values = np.asarray(values, np.int64)
        if not len(values):
            return np.zeros(0, np.int64)
        # (where the extension, with _emit's look-up, was built, and keys and ids are not negative: template keys)
        table = self._table
        if len(self.keys) and _c_template_codes is not None and table is None:
            if self.keys.min() >= 0 and self.ids.min() >= 0:
                from ._emit import KeyIds

                table = self._table = KeyIds()
                table.add(self.keys, self.ids)
            else:
                table = self._table = False
        if table and values.min() >= 0:
            out: I64 = table.find(values)
            found = out >= 0
            if found.all():
                return out
        elif len(self.keys):
            # imported here: the path without the extension (pyarrow.compute costs ~0.05 s to import)
            import pyarrow as pa
            import pyarrow.compute as pc

            if self._set is None:
                self._set = pa.array(self.keys)
            at = pc.index_in(pa.array(values), value_set=self._set)
            if not at.null_count:
                ids: I64 = self.ids[at.to_numpy()]
                return ids
            pos = np.asarray(at.fill_null(-1).to_numpy(), np.int64)
            found = pos >= 0
            out = np.where(found, self.ids[np.maximum(pos, 0)], -1)
        else:
            found = np.zeros(len(values), np.bool_)
            out = np.full(len(values), -1, np.int64)
        todo = np.nonzero(~found)[0]
        new, inverse = np.unique(values[todo], return_inverse=True)
        made = np.array([self.make(v) for v in new.tolist()], np.int64)
        out[todo] = made[inverse.reshape(-1)]
        self.keys, self.ids = np.concatenate([self.keys, new]), np.concatenate([self.ids, made])
        self._set = self._table = None
        return out


FOUND, UNHANDLED, UNRECTIFIED, CONCEALED, MAIN = range(5)
#: np.concatenate's arguments that make its result int32 (values are codes, levels, days: they fit; as astype would)
_I32: dict[str, Any] = {"dtype": np.int32, "casting": "unsafe"}
REPORTED = 1
_MARK = re.compile("\x00([0-9]+)\x00")

# The kernels in C (batch/_gather.c), where the extension was built; else numpy does the same (the *_numpy
# functions and methods below, which the tests compare with them).
_c_in_time_below: Callable[..., None] | None
_c_spread: Callable[..., None] | None
_c_template_codes: Callable[..., None] | None
try:
    from ._gather import in_time_below as _c_in_time_below
    from ._gather import spread as _c_spread
    from ._gather import template_codes as _c_template_codes
except ImportError:  # pragma: no cover - (an install without a C compiler)
    _c_in_time_below = _c_spread = _c_template_codes = None
# (batch/_derive.c: derive's searches and distinct keys, which come nearly in order, and its late levels in one pass)
_c_locate: Callable[..., None] | None
_c_late_levels: Callable[..., int] | None
_c_first_of: Callable[..., int] | None
_c_take2: Callable[..., int] | None
_c_put2: Callable[..., int] | None
_c_merge_rows: Callable[..., tuple[int, int]] | None
_c_unhidden: Callable[..., int] | None
_c_step_flags: Callable[..., int] | None
_c_check: Callable[..., int] | None
_c_holders: Callable[..., int] | None
_c_kindless: Callable[..., int] | None
try:
    from ._derive import check as _c_check
    from ._derive import first_of as _c_first_of
    from ._derive import holders as _c_holders
    from ._derive import late_levels as _c_late_levels
    from ._derive import locate as _c_locate
    from ._derive import merge_rows as _c_merge_rows
    from ._derive import put2 as _c_put2
    from ._derive import step_flags as _c_step_flags
    from ._derive import take2 as _c_take2
    from ._derive import unhidden as _c_unhidden
except ImportError:  # pragma: no cover - (an install without a C compiler)
    _c_locate = _c_late_levels = _c_first_of = _c_take2 = _c_put2 = _c_merge_rows = _c_unhidden = _c_step_flags = None
    _c_check = _c_holders = None
try:  # (apart: an extension built before it was added keeps the kernels above; pip install -e . builds it anew)
    from ._derive import kindless as _c_kindless
except ImportError:  # pragma: no cover - (an install without a C compiler, or built before this kernel)
    _c_kindless = None
_c_pass_down: Callable[..., int] | None
try:  # (likewise)
    from ._derive import pass_down as _c_pass_down
except ImportError:  # pragma: no cover - (an install without a C compiler, or built before this kernel)
    _c_pass_down = None
_c_returned: Callable[..., int] | None
_c_handed_held: Callable[..., int] | None
_c_late_steps: Callable[..., int] | None
_c_stepped_up: Callable[..., int] | None
_c_gone_aside: Callable[..., int] | None
try:  # (likewise)
    from ._derive import gone_aside as _c_gone_aside
    from ._derive import handed_held as _c_handed_held
    from ._derive import late_steps as _c_late_steps
    from ._derive import returned as _c_returned
    from ._derive import stepped_up as _c_stepped_up
except ImportError:  # pragma: no cover - (an install without a C compiler, or built before this kernel)
    _c_returned = _c_handed_held = _c_late_steps = _c_stepped_up = _c_gone_aside = None


def check(c: Cols, t: Tables, today: int) -> None:
    """Mark slow every record that breaks a relation :func:`parse_problem` checks (levels, dates): in one pass in C
    where the extension was built (``_derive.c``: a pass over the records, one over the steps, one over the
    concealers, where numpy makes some forty), else (or where an index is outside its table) :func:`check_numpy`."""
    cl = t.conceal_level
    if _c_check is not None and c.slow.dtype == np.bool_ and c.slow.flags.c_contiguous and cl.ndim == 3 \
            and cl.flags.c_contiguous and cl.dtype == np.bool_:
        i32 = np.int32
        got = _c_check(c.slow, np.ascontiguousarray(c.place, i32), np.ascontiguousarray(c.disc, np.bool_),
                       *(np.ascontiguousarray(x, i32) for x in (
                           c.dlev, c.dbody, c.don, c.deadline, c.rect, c.asof, c.dch, c.area, c.kind, c.hp, c.hact,
                           c.hby, c.hto, c.htb, c.hon, c.cp, c.clvl, c.cbody, t.place_rank, t.body_rank)),
                       np.ascontiguousarray(t.channel_conceal, np.bool_), cl, *cl.shape, int(today),
                       int(t.effective_from), REPORTED)
        if got == 0:
            return
    check_numpy(c, t, today)


def check_numpy(c: Cols, t: Tables, today: int) -> None:
    """:func:`check` in numpy (the reference the tests compare the C pass with)."""
    slow = c.slow
    prank = pick(t.place_rank, c.place)  # (np.take: numpy's indexing by an int32 array costs ~1.5x as much)
    slow |= prank < 0
    body_rank = t.body_rank
    disc = c.disc
    slow |= disc & (c.dlev < prank)
    slow |= disc & (c.dbody >= 0) & (body_rank[np.maximum(c.dbody, 0)] != c.dlev)
    for day in (c.rect, c.deadline):
        slow |= disc & (day != NONE) & (day < c.don)
    # nothing happens after the assessment date, and it is not before the discovery
    asof = np.where(c.asof != NONE, c.asof, today)
    slow |= disc & (asof < c.don)
    # discovered before the policy's duties applied (refused as before_effect, or judged only for what came after)
    slow |= disc & (c.don < t.effective_from)
    slow |= (c.rect != NONE) & (c.rect > asof)
    # handled, rectified or concealed without being discovered
    slow |= ~disc & (c.rect != NONE)
    slow[c.hp[~disc[c.hp]]] = True
    slow[c.cp[~disc[c.cp]]] = True
    if len(c.hp):
        hp = c.hp
        bad = np.where(c.hact == REPORTED, c.hto <= c.hby, c.hto > c.hby)
        bad |= c.hto < prank[hp]
        bad |= (c.htb >= 0) & (body_rank[np.maximum(c.htb, 0)] != c.hto)
        bad |= c.hon < c.don[hp]
        bad |= c.hon > asof[hp]
        slow[hp[bad]] = True
        # the steps as they happened: one dated before the step listed before it is refused (engine/_problem.py
        # _date_fault; check61 T1) — a record's steps come together, in the order listed
        back = (hp[1:] == hp[:-1]) & (c.hon[1:] < c.hon[:-1])
        slow[hp[1:][back]] = True
        # a deadline is not before the first assignment
        never = np.iinfo(np.int32).max
        first = np.full(c.n, never, np.int32)
        assigned = c.hact != REPORTED
        np.minimum.at(first, hp[assigned], c.hon[assigned])
        slow |= (c.deadline != NONE) & (first != never) & (c.deadline < first)
    if len(c.cp):
        # concealment: during a higher level's verification (an outside channel or its check), below the finder,
        # not below the place, and by a level only where one of its bodies answers at that stage
        cp = c.cp
        bad = ~t.channel_conceal[c.dch[cp]]
        bad |= c.clvl >= c.dlev[cp]
        bad |= c.clvl < prank[cp]
        bad |= (c.cbody < 0) & ~t.conceal_level[c.area[cp], c.kind[cp], c.clvl]
        slow[cp[bad]] = True


def shown_levels(t: Tables) -> tuple[int, tuple[int, ...]]:
    """The ranks of the levels whose pressing a record must show (supervision_scope own_and_shown_above; none under
    another choice: :func:`~responsibility.engine._compile.shown_ranks`), and the factor an ``unrectified`` fact's flag
    puts above the bits that say which of them above its level the record shows had the problem (at least 2, its
    factor before those bits: a policy that reads none keeps its template keys)."""
    policy = t.policy
    ranks = shown_ranks(policy) if SCOPE in policy.parameters and policy.parameter(SCOPE) == SHOWN_SCOPE else ()
    return max(2, 1 << len(ranks)), ranks


def shown_bits(c: Cols, t: Tables, rr: I32, rl: I32) -> I64:
    """For each ``unrectified`` fact (record ``rr``, level rank ``rl``): bit ``i`` where the record shows the ``i``-th
    level of :func:`shown_levels`, above the fact's level, had the problem — its finder's level, a level a step was
    made by or went to, a concealer's level (engine/_facts.py ``_shown_fields``)."""
    _, ranks = shown_levels(t)
    out = np.zeros(len(rr), np.int64)
    if not ranks or not len(rr):
        return out
    for i, rank in enumerate(ranks):
        above = np.flatnonzero(rl < rank)
        if not len(above):
            continue
        had = np.zeros(c.n, np.bool_)
        had[c.disc & (c.dlev == rank)] = True
        if len(c.hp):
            had[c.hp[(c.hby == rank) | (c.hto == rank)]] = True
        if len(c.cp):
            had[c.cp[c.clvl == rank]] = True
        out[above] |= pick(had, pick(rr, above)).astype(np.int64) << i
    return out


@dataclass
class Derived:
    """Facts of the fast records (flat, each with its record) and the context reasons quote."""

    fr: I32  # record of each fact
    ft: I32  # fact type (FOUND…CONCEALED)
    fl: I32  # level rank (frank for FOUND)
    fb: I32  # body, -1 for none (FOUND: the finder the record names)
    #: flag: found through an outside channel (FOUND); escalate + 2 × the departments handed it only after the
    #: limit (engine/_facts.py ``later``, as :func:`later_bodies` codes them) (UNHANDLED); the levels above it the
    #: record shows had the problem (:func:`shown_bits`) + :func:`shown_levels`' factor × the departments handed it only
    #: after the deadline of their level's assignment as a whole (``later``, :func:`late_named`) (UNRECTIFIED)
    fe: I32
    fo: I32  # order among the record's facts of its type (the order derive gives them)
    received: I32  # (records, ranks): day each level received the problem, NONE if it did not
    asg_on: I32  # (records, ranks): day of the first counting assignment to each level, NONE if none
    asg_deadline: I32  # (records, ranks): its deadline
    knew: Bool  # (records, ranks): the level knew the problem, so did not miss it (Context.knew)
    #: each fact's own assignment day and deadline (UNRECTIFIED: the body's group, which its reasons give rather
    #: than its level's; review9a R9A-2, engine Context.assigned_to), NONE for the other facts
    fon: I32
    fdl: I32
    #: (record, rank) of each level named as concealer where a unit below it has a part in the problem (the school at
    #: a concealing county): it knew the problem, but not the unit (:func:`unhidden_units`; kept out of ``knew``);
    #: None where no record of the chunk names such a level
    hid: tuple[I64, I64] | None = None


def derive(c: Cols, t: Tables, *, today: int, limit: int, rect_limit: int, must_report: bool = True,
           pass_down: bool = False, conceal_role: bool = False, receivers: I32 | None = None,
           tpl: Templates | None = None) -> Derived:
    """:func:`~responsibility.engine._facts.derive` over every record at once (slow records give nothing).

    ``tpl``: the templates the facts are placed by, which :func:`acting_pressers` reads to keep a record naming an
    acting department on the fast path where that department has nothing to press (without them it takes the
    reference path).

    ``pass_down``: a level that passed its assignment down in time answers as a supervisor only
    (``reassigned_level_answers: supervision``). ``receivers``: :func:`receiving_bodies`, where
    ``receiving_level_body`` is ``unresolved``."""
    n, nr = c.n, t.max_rank + 1
    kindless_place_steps(c, t)
    unnamed_place_steps(c, t)
    record_lines(c, t)
    misassigned_steps(c, t)
    oversight_reports(c, t)
    own_handover_steps(c, t)
    anonymous_handover_steps(c, t, receivers)
    own_level_receipts(c, t)
    late_pass_ons(c, t, limit)
    astray_steps(c, t)
    reached_reports(c, t)
    stepping_levels(c, t)
    guiding_concealers(c, t)
    co_assignees(c, t)
    acting = acting_pressers(c, t, tpl)
    if receivers is not None or conceal_role:
        standing_alternatives(c, t)
    ok = ~c.slow
    asof = np.where(c.asof != NONE, c.asof, today).astype(np.int64)
    prank = pick(t.place_rank, c.place)
    authority = t.authority.ravel()
    at_kind = per_record(t.authority, c.area, c.kind)  # (each record's row of the authority table)
    auth = pick(authority, at_kind + np.maximum(prank, 0))
    disc = ok & c.disc
    # steps of usable records, in the order derive sorts them: by day, then by the acting level
    keep = pick(ok, c.hp) if len(c.hp) else np.zeros(0, np.bool_)
    pos = np.nonzero(keep)[0]
    if len(pos):  # one key (record, day, level), sorted stably (steps come by record, mostly by day already)
        # (every step kept, as a rule: the steps themselves, not a copy of each)
        used = (c.hp, c.hon, c.hby) if len(pos) == len(c.hp) else (c.hp[pos], c.hon[pos], c.hby[pos])
        day = used[1].astype(np.int64)
        day -= day.min()
        key = (used[0].astype(np.int64) * (int(day.max()) + 1) + day) * nr + used[2]
        # (a record lists its steps by day as a rule: then there is nothing to sort, and nothing to copy where every
        # record is usable)
        order = pos if bool((key[1:] >= key[:-1]).all()) else pos[np.argsort(key, kind="stable")]
    else:
        order = pos
    steps = (c.hp, c.hact, c.hby, c.hto, c.htb, c.hon)
    in_order = order is pos and len(pos) == len(c.hp)
    hp, hact, hby, hto, htb, hon = steps if in_order else (a[order] for a in steps)
    # a step names a body the text gives a part in the problem, or none (PolicyView.has_part); a report or an
    # assignment to one with no part is not 按程序 (engine/_facts.py: to_right)
    # (what is asked of each step below, read once: step_flags)
    nominal = pick(authority, at_kind + t.max_rank)  # the kind's own authority (engine/_facts.py: nominal)
    pr = np.maximum(prank, 0)
    part, kinded, can_fix, up, at_place, counting_step, down_step, rep_part, wrong_step, high_step, top = step_flags(
        c, t, prank, auth, nominal, hp, hact, hby, hto, htb)
    # an assignment to a level that for the kind only presses those below, at or above the authority, with a level
    # below it (at or above the place) that rectifies it itself: by pressing_level_assignment (pass_down) the level's
    # receipt of a problem to pass down, as a report (engine/_facts.py ``pressed``; review25 R25-3/R25-7) — it holds the
    # problem and is not its assignee; the assigner's step still passes it on (``up``)
    press = pressing_steps(c, t, prank, hp, hact, hto, part) if len(hp) else None
    # holders: the finder's level, then each level it was reported to (first report wins); who knew it; who reported
    # it; and when each step's level received it (holders)
    # at or above the kind's own authority, a report counts only where nobody at or below the level can rectify it
    high = np.nonzero(high_step)[0]
    if len(high):
        w = hp[high]
        can = np.cumsum(t.rectify_level[c.area[w], c.kind[w], np.maximum(prank[w], 0)], axis=-1) > 0
        up[high] = ~can[np.arange(len(high)), hby[high]]
    received, holder_body, knew, reported_by, got = holders(c, hp, hby, hto, htb, hon, rep_part, disc, nr, limit,
                                                            hact)
    # a report upward that irregular_step sets aside (by a level at or above the kind's own authority, where a level at
    # or below it can rectify it: ``up`` false) reached nobody by set_aside_report_receiver (nobody) — its receiver does
    # not hold the problem, though the reporter knew it (engine/_facts.py ``holders``; review41 F4): who held it is
    # read again without such reports (and with a pressing level's receipts: a receipt from above is no report, and
    # who knew it is as before)
    held_by = rep_part
    if len(hp) and aside_reports_reach_nobody(t):
        aside_up = rep_part & ~up
        if aside_up.any():
            held_by = rep_part & ~aside_up
    if press is not None:
        held_by = held_by | press
    if held_by is not rep_part:
        received, holder_body, _, _, got = holders(c, hp, hby, hto, htb, hon, held_by, disc, nr, limit, hact)
    if press is not None:
        counting_step = counting_step & ~press
    # a report bringing the problem back to a level that had handed it down to the reporter, or been handed it itself,
    # gives that level no holding (engine/_facts.py derive's ``returned``; check57 #1, fid61): who held it is read
    # again without such reports — but the steps that show a pass-down read the holdings with them, as the engine's
    # ``holders`` list keeps them (``received_all``, ``got_all``)
    received_all, got_all, returned_slow = received, got, False
    if len(hp):
        gone_back = returned_reports(c, hp, hact, hby, hto, hon, rep_part, counting_step, nr)
        if gone_back is not None:
            received, holder_body, got, returned_slow = returned_holders(
                c, hp, hby, hto, htb, hon, held_by & ~gone_back, gone_back, press, disc, nr, limit, hact, received_all)
    d = np.nonzero(disc)[0]
    # a report counts below the authority (一(三) 对超出本级权限的…报送), an assignment at or above it (probe9 P9-05):
    # ``up``
    # nobody at or below the place's level can rectify it: an assignment to a named body of the place's level counts,
    # whoever makes it (engine/_facts.py: place_stuck)
    # an assignment to a named body of the place's level where no level from the place to below the assigner can
    # rectify it, and no level at all but by pressing those below (engine/_facts.py: at_place); the tables are
    # looked up only for the steps the cheap tests leave (few: ``at_place``), by (area, kind, place level[, level])
    near = np.nonzero(at_place)[0]
    if len(near):
        w = hp[near]
        cum = np.cumsum(t.rectify_level, axis=-1)  # rectifying levels at or below each level (a small table)
        below = np.maximum(hby[near] - 1, 0)
        own: Bool = np.any(t.own_rectify_level, axis=-1)
        at_place[near] = (cum[c.area[w], c.kind[w], pr[w], below] * (hby[near] > 0) == 0) \
            & ~own[c.area[w], c.kind[w], pr[w]]
    # at or above the authority, an assignment counts only to a level where a body can rectify the problem (an
    # assignment to one that cannot is not 按程序 交办: the assigner still holds it)
    wrong = np.nonzero(wrong_step)[0]
    if len(wrong):
        up[wrong] = can_fix[wrong]
        up[wrong] |= at_place[wrong]
    if press is not None:
        # a level that only presses handing the problem to a body of its own has not passed it down (engine/_facts.py
        # ``acted``)
        up &= ~(press & (hby == hto))
    reached = (got != NONE) & (hon >= got)  # (a step on or after its level received it: later_bodies reads it too)
    timely = reached & (hon <= got + limit)
    acted = timely & up
    if not must_report:  # (the rectifying levels looked up only for the steps that need them)
        # below the authority, passing it down (to a lower level, not the level itself) to a body with a part
        at = np.nonzero(timely & down_step)[0]
        acted[at] = can_fix[at]
    # the holders not in time whose limit had passed (below the authority, a step of a higher level within a holder's
    # limit shows the problem reached a level above it in time: 一(三) 及时向上级单位报送, though the record shows no
    # report of the holder's own), and whether the record shows a step of each after its limit (counted or not)
    ur, ul, stepped_late = late_levels(received, asof, hp, hby, hon, acted, top, limit)
    # at or above the authority, an assignment by a lower level that can rectify it and had not the problem by then,
    # within the limit of the lowest level above it that held it, shows that level passed it down in time
    # (engine/_facts.py _shown_pass_down)
    implied_slow = implied_assignees(c, t, pr, hp, hact, hby, hto, hon, got_all, counting_step)
    if len(ur) and len(hp):
        passed_down = shown_pass_down(c, t, ur, ul, received_all, auth, pr, hp, hact, hby, hto, hon, limit)
        if passed_down is not None:
            ur, ul, stepped_late = ur[~passed_down], ul[~passed_down], stepped_late[~passed_down]
    # a late level the record shows no step of from its day, whose first step after it is another level's after its
    # limit: missing_step_holder decides, not the rectification date, and the reason says the record shows no step of
    # the level's (engine/_facts.py ``gap``; check48a #1) — such records take the reference path
    missing_slow = False
    if len(ur) and len(hp) and MISSING_STEP in t.policy.parameters:
        missing_slow = missing_steps(c, ur, ul, stepped_late, received, hp, hby, hon, limit)
    # a late level handed the problem back by a higher level's assignment within its limit holds it from then as that
    # assignment's assignee (engine/_facts.py; check49b #2) — such records take the reference path
    if len(ur) and len(hp) and handed_back(c, ur, ul, received, hp, hact, hby, hto, hon, limit):
        missing_slow = True
    # rectified by its deadline: evidently handled, unless the record shows the level's step late, or
    # a holder below the authority saw it fixed without reporting it and the parameter says it still had to report it
    # (looked at only where the level is late)
    # only assignments that count: not to a body with no part, nor a level below the authority taking it on itself;
    # only they lend the record's deadline (engine/_facts.py: counts)
    counting = np.nonzero(counting_step)[0]
    assigned = np.zeros(n, np.bool_)
    assigned[pick(hp, counting)] = True
    # (np.take: a late level's record columns read once each)
    deadline = pick(c.deadline, ur)
    due_fix = np.where((deadline != NONE) & pick(assigned, ur), deadline,
                       take(received, ur, ul).astype(np.int64) + (limit + rect_limit))
    # (a record's deadline where it shows no assignment at all, later than the limits: the day it had to be rectified
    # by, where deadline_without_assignment reads it as an unrecorded assignment's; engine/_facts.py ``by_deadline``,
    # review31 #2 — by limits, the default, it stretches nothing: check49b #1)
    params = t.policy.parameters
    if UNASSIGNED_DEADLINE not in params or t.policy.parameter(UNASSIGNED_DEADLINE) == "unrecorded_assignment":
        unassigned = np.ones(n, np.bool_)
        unassigned[c.hp[c.hact != REPORTED]] = False
        due_fix = np.where((deadline != NONE) & pick(unassigned, ur), np.maximum(due_fix, deadline), due_fix)
    rect_u = pick(c.rect, ur)
    # (a self-fixed level: one that can rectify it itself, other than by pressing those below: engine/_facts.py
    # own_fix, R22-1; its table looked up only for the few levels it decides, not for every late one: ~2% of derive)
    # (a step of the level after its limit is no late one where the problem was rectified within that limit: check49 #2)
    gone = (rect_u != NONE) & (rect_u <= due_fix) & ~(
        stepped_late & (rect_u.astype(np.int64) > take(received, ur, ul).astype(np.int64) + limit))
    if must_report:
        # (a level that fixed it within its limit and stepped only after it: whether it still had to report is the
        # reference path's, engine/_facts.py own_fix — check49 #2)
        early = np.flatnonzero(stepped_late & (rect_u != NONE) & (
            rect_u.astype(np.int64) <= take(received, ur, ul).astype(np.int64) + limit))
        if len(early):
            c.slow[pick(ur, early)] = True
            missing_slow = True
        f = np.flatnonzero(gone)
        lr, ll = pick(ur, f), pick(ul, f)
        self_fixed = np.flatnonzero(pick(disc, lr) & (ll < pick(auth, lr)) & ~take(reported_by, lr, ll))
        if len(self_fixed):
            lr, ll = pick(lr, self_fixed), pick(ll, self_fixed)
            gone[pick(f, self_fixed)] = ~t.own_rectify_level[pick(c.area, lr), pick(c.kind, lr),
                                                                pick(pr, lr), ll]
    # (a level below the authority that can rectify it itself, not yet rectified on the day of the verdict, whose
    # window to put it right itself — by the limits, or a deadline — is still open: whether it answers yet, and on
    # what the finding rests under either value of self_rectified_report_required, is the reference path's,
    # engine/_facts.py ``own_open`` — check62 X2; not a level with a step after its limit: the engine spares only one
    # with no step at all)
    # — on the fast path where the record shows no step at all and the default spares it (the level is idle, with no
    # gap, report or late step to read, and the spared level gives no row; fid66: at 1M records the reference path
    # would cost seconds)
    if SELF_RECTIFIED in params:
        asof_u = pick(asof, ur)
        f = np.flatnonzero(~gone & ~stepped_late & (ul < pick(auth, ur)) & (
            (rect_u == NONE) | (rect_u.astype(np.int64) > asof_u)) & (
            (asof_u <= due_fix) | ((deadline != NONE) & (asof_u <= deadline.astype(np.int64)))))
        if len(f):
            lr, ll = pick(ur, f), pick(ul, f)
            f = pick(f, np.flatnonzero(t.own_rectify_level[pick(c.area, lr), pick(c.kind, lr), pick(pr, lr), ll]))
            if len(f) and not must_report:
                stepping = np.zeros(n, np.bool_)
                stepping[c.hp] = True
                quiet = np.flatnonzero((pick(asof_u, f) <= pick(due_fix, f)) & ~pick(stepping, pick(ur, f)))
                gone[pick(f, quiet)] = True
                f = np.delete(f, quiet)
            if len(f):
                c.slow[pick(ur, f)] = True
                missing_slow = True
    aside_slow = gone_with_aside(c, nr, ur, ul, gone, received, hp, hby, hon, timely & ~acted,
                                 counting_step & can_fix, limit)
    still = np.flatnonzero(~gone)
    ur, ul = pick(ur, still), pick(ul, still)
    # a department its level was handed the problem through only after the level's handling limit does not answer for
    # that delay, unless it then held it past its own limit with the level's handling undone (engine/_facts.py _later):
    # up to two such departments of a late level ride on its fact's flag (``later``); a level with three takes the
    # reference path
    later, moved = later_bodies(c, t, ur, ul, received, holder_body, hp, hby, hto, htb, hon, part, up & reached, auth,
                                asof, limit)
    partless = partless_asides(c, ur, ul, received, hp, hby, hon, ~part, nr)
    if len(moved) or partless:
        keep_late = ~c.slow[ur]
        ur, ul, later = ur[keep_late], ul[keep_late], later[keep_late]
    # a county, city or province that had it through no body the record names stands for the body
    # receiving_level_body gives (engine/_facts.py receiving_body; R22-2, review23 #1); where the record also shows it
    # handing the problem to a department of its own, that department answers beside it (engine/_facts.py
    # ``handed_to``), or was handed it late (``later``): such records take the reference path
    chosen, referred, pairs = None, False, None
    if receivers is not None and len(ur):
        chosen = take(receivers, pick(c.area, ur), pick(c.kind, ur), pick(pr, ur), ul)
        if c.line is not None:  # (a record whose named departments give it a line: the line's department)
            lined = np.flatnonzero(pick(c.line, ur) > 0)
            if len(lined):
                w = pick(ur, lined)
                chosen[lined] = lined_receivers(t, pick(c.area, w), pick(c.kind, w), pick(pr, w),
                                                pick(ul, lined), pick(c.line, w))
        # (a level that had it through a body the record names: that body — unless it gives way to the level's
        # holders, an audit office or the media as finder, which names nobody of them: engine/_facts.py gives_way,
        # review27 #2)
        named = take(holder_body, ur, ul)
        way = np.flatnonzero((named >= 0) & (chosen >= 0))
        if len(way):
            w = pick(ur, way)
            chosen[way[~giving_way(t, pick(c.area, w), pick(c.kind, w), pick(pr, w), pick(ul, way),
                                   pick(named, way))]] = -1
        chosen[(named >= 0) & (chosen < 0)] = -1
        if len(htb) and (chosen >= 0).any():
            # (a step naming a body of the level, or one whose body _encode.level_holds cleared, which the engine
            # still reads as handing it to that body; a step naming none hands it to nobody the engine names beside
            # the chosen body, so the fast path's answer is the engine's — any assignment to the level sent 3.7% of
            # bench_assess's records here, session 25)
            named = htb >= 0
            if c.hcleared is not None:
                named |= (c.hcleared if in_order else c.hcleared[order]) >= 0
            # (sorted and searched, not np.isin: its np.unique imports numpy.ma, ~0.01 CPU s of every run)
            keys = np.sort(hp[named].astype(np.int64) * nr + hto[named])
            asked = ur.astype(np.int64) * nr + ul
            shown = (keys[np.minimum(np.searchsorted(keys, asked), len(keys) - 1)] == asked) & (chosen >= 0) \
                if len(keys) else np.zeros(len(ur), np.bool_)
            if shown.any():
                c.slow[ur[shown]] = True
                referred = True
        # (a county that had it through no body named standing for the bodies whose own item the kind is together —
        # 县（市、区）党委、政府, 二(六)1(4) 干部联系 — names each of them: engine/_facts.py item_holders, check57 #5;
        # two such bodies give the level two facts, one each, below (``pairs``); more, or a policy reading a
        # rectifier's sitting on its own work as its 整改不到位 (which the engine reads of the first of them), take the
        # reference path)
        if (chosen >= 0).any():
            if own_work_reading(t):
                if item_receivers(c, t, ur, ul, pr, chosen):
                    referred = True
            else:
                pairs, many = item_pairs(c, t, ur, ul, pr, chosen)
                referred |= many
    # a city or the province that had it through no body named, whose one holder of the handling only guides the
    # grassroots, stands under receiving_level_body: handling_holders for the department the text ties to the kind's
    # work there (engine/_facts.py guiding_receiver; fid48's left item) — such records take the reference path
    if len(ur) and guiding_receivers(c, t, ur, ul, pr):
        referred = True
    # a body that is itself to rectify the problem it found or had reported to it (engine/_facts.py holds_own_work), at
    # a level at or above the authority: by rectifier_holding: not_rectified what it sat on is its own 整改不到位
    # (review27 #9) — such records (a few in a hundred) take the reference path
    if len(ur) and own_work_reading(t):
        ub_own = take(holder_body, ur, ul)
        if chosen is not None:
            ub_own = np.where(chosen >= 0, chosen, ub_own)
        # (and the level's one holder of the handling, where receiving_level_body chooses none: engine/_facts.py
        # sole_holder, check48a #2 — read loosely, for every late level: the reference path decides)
        sole = sole_holders(t, pick(c.area, ur), pick(c.kind, ur), pick(pr, ur), ul)
        for bodies in (ub_own, sole):
            cand = np.flatnonzero((bodies >= 0) & (ul >= pick(auth, ur)))
            if len(cand):
                w = pick(ur, cand)
                lines = pick(c.line, w) if c.line is not None else np.zeros(len(w), np.int32)
                # (a record naming no line: the body's own, as the engine reads it)
                lines = np.where(lines > 0, lines, pick(body_lines(t), pick(bodies, cand)))
                own_hit = holding_own_work(t, pick(c.area, w), pick(c.kind, w), pick(pr, w),
                                           pick(bodies, cand), lines)
                if own_hit.any():
                    c.slow[w[own_hit]] = True
                    referred = True
    # every body each level was assigned to must rectify by the deadline (engine/_facts.py): the counting assignments
    # grouped by (record, level, body) — one group for the level as a whole where one of them named no body (it takes
    # in those to its bodies; probe8 P8-09); each group's first assignment decides its deadline, its latest times a
    # pass-down; the reason of a level names its first group (probe9 P9-10)
    asg_on = np.full((n, nr), NONE, np.int32)
    asg_deadline = np.full((n, nr), NONE, np.int32)
    rr = rl = rb = np.zeros(0, np.int32)
    ron = rdl = np.zeros(0, np.int32)
    rlate = np.zeros(0, np.int64)
    slowed = np.zeros(0, np.int64)
    # at a level where nobody can rectify the kind only an at_place assignment counts for rectification
    # (one pass over the step masks, where three gathers by ``counting`` and a mask of them made five)
    asg = np.flatnonzero(counting_step & ~(kinded & ~can_fix & ~at_place)) if len(counting) else counting
    if len(asg):
        nb = len(t.bodies) + 1
        # (each assignment's step columns read once, by np.take: the block below read them ~30 times by fancy indexing)
        a_hp, a_hto, a_htb, a_hon, a_hby = (pick(x, asg) for x in (hp, hto, htb, hon, hby))
        # a level's own 交办 to a body of its own names who rectifies what it received as a whole: the assignments to
        # the level as a whole drop out there, and such a body is bound from the level's first (probe9 P9-18)
        lvall = a_hp.astype(np.int64) * nr + a_hto
        _, at_first = unique_at(lvall, a_hp)
        lv_sorted, lv_first_on = pick(lvall, at_first), pick(a_hon, at_first)
        # (made by the deadline, else the rectification limit from the level's first: review9a R9A-2)
        first_of = pick(lv_first_on, locate(lv_sorted, lvall)).astype(np.int64)
        asg_deadline_day = pick(c.deadline, a_hp)
        by = np.where(asg_deadline_day != NONE, asg_deadline_day.astype(np.int64), first_of + rect_limit)
        inside = (a_hby == a_hto) & (a_htb >= 0) & (a_hon <= by)
        any_inside = bool(inside.any())
        if any_inside:
            w = a_hp[inside]
            inside[inside] = take(t.rect_body, pick(c.area, w), pick(c.kind, w), pick(pr, w), a_htb[inside])
            any_inside = bool(inside.any())
        inside_keys = lvall[inside] * nb + a_htb[inside] + 1
        asg_all = asg
        # the first assignment made to each level by a level above it (engine/_facts.py: a body its level assigned it to
        # is bound by what the level was handed from above, else by its own 交办; review9a R9A-2)
        above = np.nonzero(a_hby != a_hto)[0]
        # by level, then day: the steps are by record and day already, so a stable sort by level keeps the days in order
        above = pick(above, np.argsort(pick(lvall, above), kind="stable"))
        ab_keys, ab_at = unique_at(pick(lvall, above), pick(a_hp, above))
        ab_on = pick(a_hon, pick(above, ab_at)).astype(np.int64)
        lvkey = lvall
        if any_inside:
            drop = np.isin(lvall, lvall[inside]) & (a_htb < 0)
            if drop.any():
                stay = np.nonzero(~drop)[0]
                asg, lvkey = pick(asg, stay), pick(lvall, stay)
                a_hp, a_hto, a_htb, a_hon = (pick(x, stay) for x in (a_hp, a_hto, a_htb, a_hon))
        # the level as a whole from its first body-less assignment on; a body named before it keeps its own group
        # (engine/_facts.py; review9a R9A-6)
        unnamed = np.nonzero(a_htb < 0)[0]
        if len(unnamed) == len(asg):  # (every assignment body-less, as a rule: nothing to pick out)
            ukeys, ufirst = unique_at(lvkey, a_hp)
        else:
            ukeys, ufirst = unique_at(pick(lvkey, unnamed), pick(a_hp, unnamed))
        upos = pick(unnamed, ufirst)  # position (in asg) of each level's first body-less assignment
        at = np.minimum(locate(ukeys, lvkey), max(len(ukeys) - 1, 0))
        has = (len(ukeys) > 0) & (pick(ukeys, at) == lvkey) if len(ukeys) else np.zeros(len(asg), np.bool_)
        gb = np.where(has & (np.arange(len(asg)) >= pick(upos, at) if len(ukeys) else has), -1,
                      a_htb).astype(np.int64)
        # — but a department first handed it only after the deadline the level as a whole had missed answers from its
        # own day: its assignments make a group of their own too, and the level's takes it out of its holders (a code of
        # up to two such per record and level, as later_bodies codes them; a third sends the record to the reference
        # path) (engine/_facts.py: later; fidelity13 R-late)
        named_asg = asg
        asg, lvkey, gb, late_keys, late_codes, slowed = late_named(c, t, asg, lvkey, gb, has, upos, at, hp, hto, htb,
                                                                   hon, nb, rect_limit)
        if asg is not named_asg:  # (departments' groups added at the end)
            a_hp, a_hto, a_hon = (pick(x, asg) for x in (hp, hto, hon))
        gkey = lvkey * nb + gb + 1
        _, gfirst = unique_at(gkey, a_hp)
        _, glast = unique_at(gkey, a_hp, last=True)
        # the groups in the order the engine meets them: by record, level, then first assignment (gkey's order is by
        # record and level already: only groups of one level may need reordering, and as a rule there are none)
        lk_g = pick(lvkey, gfirst)
        if bool(((lk_g[1:] == lk_g[:-1]) & (gfirst[1:] < gfirst[:-1]) | (lk_g[1:] < lk_g[:-1])).any()):
            order = np.lexsort((gfirst, lk_g))
            gfirst, glast, lk_g = pick(gfirst, order), pick(glast, order), pick(lk_g, order)
        r, lv, body = pick(a_hp, gfirst), pick(a_hto, gfirst), pick(gb, gfirst).astype(np.int32)
        own = pick(a_hon, gfirst).astype(np.int64)
        ins = np.isin(pick(gkey, gfirst), inside_keys) if len(inside_keys) else np.zeros(len(gfirst), np.bool_)
        any_ins = bool(ins.any())
        if len(ab_keys) and any_ins:
            at_ab = np.minimum(locate(ab_keys, lk_g), len(ab_keys) - 1)
            from_above = (pick(ab_keys, at_ab) == lk_g) & (pick(ab_on, at_ab) <= own)
            on = np.where(ins & from_above, pick(ab_on, at_ab), own)
        else:  # (no group of an own-level 交办: each counts from its own first assignment)
            on = own
        # the record's deadline, unless it had passed when the group was FIRST assigned (engine/_facts.py)
        record_deadline = pick(c.deadline, r)
        set_deadline = record_deadline != NONE
        deadline = np.where(set_deadline & (record_deadline >= on), record_deadline, on + rect_limit)
        # the level's: a body its level assigned it to counted from the level's first (the reasons of those pressing)
        if any_ins:
            level_on = np.where(ins, pick(lv_first_on, locate(lv_sorted, lk_g)), own)
            level_deadline = np.where(set_deadline & (record_deadline >= level_on), record_deadline,
                                      level_on + rect_limit)
        else:
            level_on, level_deadline = own, deadline
        _, lead = unique_at(lk_g, r)  # each level's first group
        if len(lead) == len(r):  # (one group a level, as a rule)
            put(asg_on, level_on, r, lv)
            put(asg_deadline, level_deadline, r, lv)
        else:
            r_lead, lv_lead = pick(r, lead), pick(lv, lead)
            put(asg_on, pick(level_on, lead), r_lead, lv_lead)
            put(asg_deadline, pick(level_deadline, lead), r_lead, lv_lead)
        due = deadline.astype(np.int64)
        rect = pick(c.rect, r)
        bad = ((rect == NONE) | (rect > due)) & (pick(asof, r) > due)
        # an assignment to a level where no body can rectify a problem of the kind (a provincial rule sent
        # to a county) leaves nobody there answering for its rectification
        # (only at_place assignments are left at a level where nobody can rectify it: their named body answers)
        if pass_down:
            # a group passed further down within the limit of its latest assignment supervises only
            # to a lower level that can rectify it, to a body with a part in it (engine/_facts.py: passed)
            down = np.flatnonzero((hact != REPORTED) & (hto < hby) & part & (can_fix | ~kinded))
            gk = lk_g  # (record x levels + level of each group)
            since = pick(a_hon, glast).astype(np.int64)
            passed = np.zeros(len(r), np.bool_)
            if len(down):
                # each group against the pass-downs of its record and level (few per level: a loop over them)
                dkey = pick(hp, down).astype(np.int64) * nr + pick(hby, down)
                srt = np.argsort(dkey, kind="stable")
                dkey, dday = pick(dkey, srt), pick(pick(hon, down), srt).astype(np.int64)
                lo, hi = locate(dkey, gk), locate(dkey, gk + 1)
                for nth in range(int((hi - lo).max(initial=0))):
                    at = np.nonzero(lo + nth < hi)[0]
                    day = dday[lo[at] + nth]
                    passed[at] |= (day >= since[at]) & (day <= since[at] + limit)
            # a body a higher level (or its own level: probe11 P11-01) named, handed in time to a body of its level it
            # directs that rectifies it (an in-time own-level 交办, `inside`): the same pass-on (engine/_facts.py;
            # probe10 P10-02, R10A-03)
            mine = np.nonzero(inside)[0]  # positions in the counting assignments before the level-wide ones dropped
            if len(mine):
                okey = lvall[mine]
                srt = np.argsort(okey, kind="stable")
                okey, oday, obody = okey[srt], hon[asg_all[mine]][srt].astype(np.int64), htb[asg_all[mine]][srt]
                named = body >= 0
                lo, hi = locate(okey, gk), locate(okey, gk + 1)
                for nth in range(int(np.where(named, hi - lo, 0).max(initial=0))):
                    at = np.nonzero(named & (lo + nth < hi))[0]
                    day, to = oday[lo[at] + nth], obody[lo[at] + nth]
                    passed[at] |= t.under[to, body[at]] & (day >= since[at]) & (day <= since[at] + limit)
            bad &= ~passed
        late_at = np.flatnonzero(bad)  # (positions, read five times below: a mask is scanned again by each)
        rr, rl = pick(r, late_at).astype(np.int32, copy=False), pick(lv, late_at).astype(np.int32, copy=False)
        rb = pick(body, late_at)
        if len(late_keys):  # the level's group (no body) of a level with departments handed it after its deadline
            lk = rr.astype(np.int64) * nr + rl
            at_l = np.minimum(np.searchsorted(late_keys, lk), len(late_keys) - 1)
            rlate = np.where((rb < 0) & (late_keys[at_l] == lk), late_codes[at_l], 0)
        else:
            rlate = np.zeros(len(rr), np.int64)
        # the day the group's body was itself handed the problem and its deadline, which its reasons give
        ron, rdl = pick(own, late_at).astype(np.int32), pick(deadline, late_at).astype(np.int32)
    ck = ok[c.cp] if len(c.cp) else np.zeros(0, np.bool_)
    cpos = np.nonzero(ck)[0]
    # a level named as having concealed it knew it — all but a unit placed at the level but below it with a part in the
    # problem (unit_below_level: the school at the county), which answers as a level below (engine/_decide.py
    # ``without_knowers_missing``, Context.hid; check62 X4): such a level's cells are kept apart (``hid``, expand's
    # :func:`unhidden_units`) rather than known
    by_level = cpos[c.cbody[cpos] < 0]
    hid_r, hid_l = c.cp[by_level], c.clvl[by_level]
    hid = None
    if len(by_level):
        over = over_units(t, c.area, c.kind, hid_r, hid_l)
        if over is not None:
            hid = (hid_r[over].astype(np.int64), hid_l[over].astype(np.int64))
            hid_r, hid_l = hid_r[~over], hid_l[~over]
    knew[hid_r, hid_l] = True
    # a level below a policy gap's owner that makes such policy for itself (the city, for the province's own gap the
    # province found) is not expected to have found it by lower_level_finds_higher_policy (false): as a level that knew
    # it (engine/_facts.py owner_peers; review27 3b)
    peer = peers_table(t)
    if peer is not None and len(d):
        # (the few records found above such a level picked out first by one look-up each: ~0.03 CPU s a million)
        below = peers_below(t)
        dlev = pick(c.dlev, d)
        d_area, d_kind, d_pr = pick(c.area, d), pick(c.kind, d), pick(pr, d)
        under = np.flatnonzero(pick(below.ravel(), per_record(below, d_area, d_kind, d_pr) + dlev))
        if len(under):
            at = peer[pick(d_area, under), pick(d_kind, under), pick(d_pr, under)]  # (records found, ranks)
            at &= np.arange(nr)[None, :] < pick(dlev, under)[:, None]
            hit_r, hit_l = np.nonzero(at)
            knew[pick(d, pick(under, hit_r)), hit_l] = True
    # (their other facts too: the reference path gives all of their findings)
    if len(moved) or len(slowed) or referred or aside_slow or implied_slow or missing_slow or partless \
            or returned_slow:
        d, cpos = d[~c.slow[d]], cpos[~c.slow[c.cp[cpos]]]
        keep_u = ~c.slow[ur]
        ur, ul, later = ur[keep_u], ul[keep_u], later[keep_u]
        chosen = chosen[keep_u] if chosen is not None else None
        pairs = pairs[keep_u] if pairs is not None else None
        kept = ~c.slow[rr]
        rr, rl, rb, ron, rdl, rlate = rr[kept], rl[kept], rb[kept], ron[kept], rdl[kept], rlate[kept]
    if pairs is not None and chosen is not None:  # (a level standing for two bodies: a fact for each, item_pairs)
        ur, ul, later, chosen = each_of_pairs(ur, ul, later, chosen, pairs)
    # (each made as int32 in one pass: concatenating, then converting, made two; _I32 below)
    fr = np.concatenate([d, ur, rr, c.cp[cpos]], **_I32)
    ft = np.concatenate([np.full(len(d), FOUND), np.full(len(ur), UNHANDLED), np.full(len(rr), UNRECTIFIED),
                         np.full(len(cpos), CONCEALED)], **_I32)
    fl = np.concatenate([c.dlev[d], ul, rl, c.clvl[cpos]], **_I32)
    cb = c.cbody[cpos]
    if conceal_role:  # a level named as concealer stands for its role body where its part is a department's
        role = t.conceal_role[c.area[c.cp[cpos]], c.kind[c.cp[cpos]], c.clvl[cpos]]  # (engine/_facts.py _concealer)
        if c.line is not None:  # (the line's department, where the record's named departments give it one)
            lined = np.flatnonzero((cb < 0) & (pick(c.line, c.cp[cpos]) > 0))
            if len(lined):
                hid_at = c.cp[cpos[lined]]
                role[lined] = line_body(t, c.area[hid_at], c.kind[hid_at], c.clvl[cpos[lined]], c.line[hid_at])
        cb = np.where((cb < 0) & (role >= 0), role, cb)
    ub = take(holder_body, ur, ul)
    if chosen is not None:  # a level with departments that had it through no body named (R22-2)
        ub = np.where(chosen >= 0, chosen, ub)
    fb = np.concatenate([c.dbody[d], ub, rb, cb], **_I32)
    factor = shown_levels(t)[0]
    fe = np.concatenate([pick(t.channel_outside, pick(c.dch, d)), (ul < pick(auth, ur)) + 2 * later,
                         shown_bits(c, t, rr, rl) + factor * rlate, np.zeros(len(cpos))], **_I32)
    fo = np.concatenate([np.zeros(len(d)), ul, rl, cpos], **_I32)
    rest = np.full(len(d) + len(ur), NONE, np.int32), np.full(len(cpos), NONE, np.int32)
    fon = np.concatenate([rest[0], ron, rest[1]], **_I32)
    fdl = np.concatenate([rest[0], rdl, rest[1]], **_I32)
    if acting is not None and tpl is not None:
        # (the records whose department shown acting has a hit of theirs to press on: the reference path, their facts
        # out — acting_pressers again, with the facts)
        prank_f = np.maximum(pick(t.place_rank, c.place), 0)
        sev_f = c.sev if c.line is None else (c.sev + c.line * (len(SEVERITIES) + 1)).astype(np.int32)
        acting_pressers(c, t, tpl, (acting, fr, ft, fl, fb, fe, sev_f, prank_f))
        keep_f = ~c.slow[fr]
        if not keep_f.all():  # (one list of the kept, read by each: a mask is scanned again by each of eight)
            kept_f = np.flatnonzero(keep_f)
            fr, ft, fl, fb, fe, fo, fon, fdl = (pick(a, kept_f) for a in (fr, ft, fl, fb, fe, fo, fon, fdl))
    return Derived(fr, ft, fl, fb, fe, fo, received, asg_on, asg_deadline, knew, fon, fdl, hid)


def aside_reports_reach_nobody(t: Tables) -> bool:
    """Whether a report upward that irregular_step sets aside reaches nobody (set_aside_report_receiver: nobody;
    engine/_facts.py ``aside_reach``): its receiver then does not hold the problem."""
    params = t.policy.parameters
    return IRREGULAR in params and ASIDE_REPORT in params and t.policy.parameter(ASIDE_REPORT) == "nobody"


def reached_reports(c: Cols, t: Tables) -> None:
    """Mark slow (``c.slow``: the reference path) a record with a report upward by a level at or above its kind's
    own authority (its area's, for a record naming no kind). engine/_facts.py ``reach_reports`` may count it
    (irregular_step: above_authority_report_counts, where the level it went to passed the problem on in time;
    check47b #3), where the fast path sets it aside, and the verdict then rests on irregular_step under either
    value; and where it is set aside, the reporter's 未及时交办上报 reason says the report did not count (its fact's
    ``aside``: ``i:own``), which the fast path's facts do not carry. The shape is read loosely (any such report): the
    reference path decides."""
    if not len(c.hp) or IRREGULAR not in t.policy.parameters:
        return
    rep = np.flatnonzero(c.hact == REPORTED)
    if not len(rep):
        return
    w = c.hp[rep]
    nominal = pick(t.authority.ravel(), per_record(t.authority, c.area, c.kind) + t.max_rank)
    # (a record naming no kind too: its reporter's reason reads the same)
    hit = np.flatnonzero(c.hby[rep] >= nominal[w])
    if not len(hit):
        return
    rep, w = rep[hit], w[hit]
    # — only a report the fast path sets aside: to a body with a part in the area (or none: to_right), by a level at or
    # below which someone can rectify the kind (not ``up``: engine/_facts.py ``stuck``; derive's ``high`` steps)
    htb = c.htb[rep]
    part = (htb < 0) | t.part.ravel()[per_record(t.part, c.area, c.kind)[w] + np.maximum(htb, 0)]
    prank = np.maximum(pick(t.place_rank, c.place), 0)
    can = np.cumsum(t.rectify_level[c.area[w], c.kind[w], prank[w]], axis=-1) > 0
    aside = part & can[np.arange(len(w)), c.hby[rep]]
    if aside.any():
        c.slow[w[aside]] = True


def stepping_levels(c: Cols, t: Tables) -> None:
    """Mark slow (``c.slow``: the reference path) a record with a step by a level above its finder's that no step of
    another level had reached by that day
    (engine/_facts.py ``stepped``: such a level holds the problem from its step's day, as one the way up was written
    out to would; check53 #2, T6), which the fast path's holders do not read. Read loosely (a level above that held it
    by then leaves the step no holding of its own): the reference path decides."""
    if not len(c.hp):
        return
    hp, hby, hto, hon = c.hp, c.hby, c.hto, c.hon
    # (each record's few steps read against each other in one pass in C where the extension was built: _derive.c
    # stepped_up)
    if _c_stepped_up is not None and _c_stepped_up(c.slow, _i32(hp), _i32(hby), _i32(hto), _i32(hon), _bools(c.disc),
                                                   _i32(c.dlev)) == 0:
        return
    # (not a level below the finder's: the finder holds the problem by its own find, from its day, so such a step gives
    # its level no holding — check55 #1; a step up to the finder on the discovery day had been read as how the finder
    # came by it, and lead54's CI, test_fid28a, failed on the fast path that did not read it so)
    cand = np.flatnonzero(c.disc[hp] & (hby > c.dlev[hp]) & ~c.slow[hp])
    if not len(cand):
        return
    # (the steps come by record as a rule: then they are their own order)
    in_order = bool((hp[1:] >= hp[:-1]).all())
    order = None if in_order else np.argsort(hp, kind="stable")
    lo, hi = record_spans(hp if order is None else hp[order], hp[cand])
    pair, at = each_step(lo, hi - lo)
    other = at if order is None else order[at]
    i = cand[pair]
    reached = (hto[other] == hby[i]) & (hby[other] != hby[i]) & (hon[other] <= hon[i])
    hit = np.ones(len(cand), np.bool_)
    hit[pair[reached]] = False
    if hit.any():
        c.slow[hp[cand[hit]]] = True


def guiding_concealers(c: Cols, t: Tables) -> None:
    """Mark slow (``c.slow``: the reference path) a record naming as concealer a city or the province whose one holder
    of the kind's handling only guides the grassroots, under concealing_level_body: handling_holders
    (engine/_facts.py ``guiding_level_department``; check47a #5): the level stands for the department the text ties
    to the kind's work there, where the fast path names the level's holders. Few records name a concealing level."""
    if not len(c.cp) or CONCEALER not in t.policy.parameters \
            or t.policy.parameter(CONCEALER) != "handling_holders":
        return
    for i in np.flatnonzero(c.cbody < 0).tolist():
        r = int(c.cp[i])
        if c.slow[r]:
            continue
        k = int(c.kind[r])
        if guiding_level_department(t.policy, t.areas[int(c.area[r])], t.kind_names[k - 1] if k else None,
                                    t.rank_level[int(c.clvl[i])]) is not None:
            c.slow[r] = True


#: the policy's memos of :func:`units_below` and :func:`over_units` (saved with the templates: :data:`ASKED`)
UNITS_BELOW, OVER_UNITS = "batch: units below", "batch: over units"


def _units(t: Tables) -> list[int]:
    """The bodies (indices) a policy may place at their level but below it (:func:`units_below`), made once."""
    policy = t.policy
    got: list[int] = policy._memo("batch: units", lambda: [
        i for i, b in enumerate(t.bodies) if unit_below_level(policy, b)])
    return got


def units_below(t: Tables, area: int, kind: int) -> tuple[int, ...]:
    """The bodies (indices) that are units placed at their level but below it with a part in the problem of ``area``
    and ``kind`` (kind code, 0 for none): ``unit_below_level`` (a school, under unit_below_own_level: true), which a
    level named as concealer does not make know the problem (engine/_decide.py ``without_knowers_missing``; check62
    X4). Asked once per (area, kind) and kept (saved with the templates: :data:`ASKED`)."""
    policy = t.policy
    memo: dict[tuple[int, int], tuple[int, ...]] = policy._memo(UNITS_BELOW, dict)
    got = memo.get((area, kind))
    if got is None:
        name, kind_name = t.areas[area], t.kind_names[kind - 1] if kind else None
        got = memo[area, kind] = tuple(i for i in _units(t) if unit_below_level(policy, t.bodies[i], name, kind_name))
    return got


def over_units(t: Tables, area: I32, kind: I32, rec: I32, level: I32) -> Bool | None:
    """Which of the concealing levels ``level`` of records ``rec`` (named as concealer, no body) have a unit below them
    with a part in the record's problem (:func:`units_below`); None where none has, or the policy has no such
    unit."""
    nk, nr = len(t.kind_names) + 1, t.max_rank + 1
    key = (pick(area, rec).astype(np.int64) * nk + pick(kind, rec)) * nr + level
    # (one answer for each (area, kind, level) met, kept for the policy and saved with the templates; a chunk's records
    # read theirs through a table of the few keys it meets)
    memo: dict[int, bool] = t.policy._memo(OVER_UNITS, dict)
    met = np.flatnonzero(np.bincount(key))
    answers = np.zeros(int(met[-1]) + 1, np.bool_)
    for code in met.tolist():
        hit = memo.get(code)
        if hit is None:  # (none where the policy places no unit below its level: units_below is empty)
            ak, lv = divmod(code, nr)
            hit = memo[code] = any(int(t.body_rank[i]) == lv for i in units_below(t, *divmod(ak, nk)))
        answers[code] = hit
    over = pick(answers, key)
    return over if over.any() else None


def unhidden_units(r1: I32, w1: I64, f1: I64, tpl: Templates, t: Tables, c: Cols, hid: tuple[I64, I64]
                   ) -> tuple[I32, I64, I64]:
    """Expand's rows but the miss (应发现未发现) of a body at a level named as concealer (``hid``: record, rank) that is
    not a unit below that level in the record's problem (:func:`units_below`): that level knew it, the unit did not
    (engine/_decide.py ``without_knowers_missing``: ``Context.hid``; check62 X4). The levels that knew it otherwise,
    and the bodies that concealed it, are :func:`unhidden`'s. Only the rows of records with such a level are read
    (few)."""
    hid_r, hid_l = hid
    mark = np.zeros(c.n, np.bool_)
    mark[hid_r] = True
    at = np.flatnonzero(pick(mark, r1))
    if not len(at):
        return r1, w1, f1
    rs, ws = pick(r1, at), pick(w1, at)
    body = pick(tpl.array("body"), ws)
    missed = pick(tpl.array("basis"), ws) == t.basis_index.get(MISSED_BASIS, -1)
    nr = t.max_rank + 1
    cell = rs.astype(np.int64) * nr + pick(np.asarray(t.body_rank, np.int64), body)
    drop = missed & np.isin(cell, hid_r * nr + hid_l)
    for j in np.flatnonzero(drop).tolist():
        r = int(rs[j])
        if int(body[j]) in units_below(t, int(c.area[r]), int(c.kind[r])):
            drop[j] = False
    if not drop.any():
        return r1, w1, f1
    keep = np.ones(len(r1), np.bool_)
    keep[at[drop]] = False
    return r1[keep], w1[keep], f1[keep]


def unhidden_partners(r1: I32, w1: I64, f1: I64, tpl: Templates, t: Tables, c: Cols) -> tuple[I32, I64, I64]:
    """Expand's rows but the miss (应发现未发现) of a body one subject with a body found to have concealed the problem
    in the same record (``t.knows_with``, PolicyView.knows_with: 县党委 hid it, so 县政府 knew it; engine/_decide.py
    ``without_knowers_missing``; check64 TC15, check65 KB15). The concealing bodies themselves are :func:`unhidden`'s.
    Only the rows of records naming such a body as concealer are read (few)."""
    joined = t.knows_with
    named = np.flatnonzero(c.cbody >= 0)
    if joined is None or not len(named):
        return r1, w1, f1
    named = named[joined[c.cbody[named]].any(axis=1)]
    if not len(named):
        return r1, w1, f1
    mark = np.zeros(c.n, np.bool_)
    mark[c.cp[named]] = True
    at = np.flatnonzero(pick(mark, r1))
    if not len(at):
        return r1, w1, f1
    rs, ws = pick(r1, at), pick(w1, at)
    body = pick(tpl.array("body"), ws).astype(np.int64)
    basis = pick(tpl.array("basis"), ws)
    hid = np.flatnonzero((basis == t.basis_index.get(HID_BASIS, -1)) & (body >= 0))
    if not len(hid):
        return r1, w1, f1
    row, partner = np.nonzero(joined[body[hid]])
    nb = len(t.bodies) + 1
    drop = (basis == t.basis_index.get(MISSED_BASIS, -1)) & np.isin(
        rs.astype(np.int64) * nb + body, rs[hid[row]].astype(np.int64) * nb + partner)
    if not drop.any():
        return r1, w1, f1
    keep = np.ones(len(r1), np.bool_)
    keep[at[drop]] = False
    return r1[keep], w1[keep], f1[keep]


def each_step(lo: Any, n: Any) -> tuple[Any, Any]:
    """Every (item, position) pair for items whose steps sit at positions ``lo[i]`` to ``lo[i] + n[i]`` of a step
    array sorted by record: ``pair`` the item, ``at`` the position (one vectorised cross of each item with its
    record's steps, in place of a loop per record)."""
    pair = np.repeat(np.arange(len(lo)), n)
    # (each item's first position less where its pairs start, repeated once: the same sum as lo's and the starts'
    # repeated apart)
    at = np.arange(int(n.sum())) + np.repeat(lo - (np.cumsum(n) - n), n)
    return pair, at


def record_spans(hp: I32, records: npt.NDArray[Any]) -> tuple[I64, I64]:
    """Where the steps of each of ``records`` start and end in ``hp`` (sorted by record):
    ``np.searchsorted(hp, records, "left")`` and ``"right"``, read off each record's first step (a count of the steps
    of each record, added up: one pass over the steps, where two binary searches a record cost ~17 random reads
    each). Numpy's searches answer where ``hp`` is not sorted or a record is outside the chunk."""
    n = int(hp[-1]) + 1 if len(hp) else 0
    if len(hp) and int(hp[0]) >= 0 and bool((hp[1:] >= hp[:-1]).all()) and (
            not len(records) or (int(records.min()) >= 0 and int(records.max()) < n)):
        starts = np.zeros(n + 1, np.int64)
        np.cumsum(np.bincount(hp, minlength=n), out=starts[1:])
        at = records.astype(np.intp)
        return starts[at], starts[at + 1]
    return np.searchsorted(hp, records, "left"), np.searchsorted(hp, records, "right")


def missing_steps(c: Cols, ur: I64, ul: I64, stepped_late: Bool, received: I32, hp: I32, hby: I32, hon: I32,
                  limit: int) -> bool:
    """:func:`missing_steps_numpy`, each late level's record's steps read in one pass in C where the extension was
    built (``_derive.c``: late_steps)."""
    if _c_late_steps is not None:
        got = _c_late_steps(c.slow, _i64(ur), _i64(ul), _bools(stepped_late), _i32(received), _i32(hp),
                            _i32(hp), _i32(hby), _i32(hby), _i32(hon), _i32(c.rect), limit, NONE, REPORTED, 1)
        if got >= 0:
            return bool(got)
    return missing_steps_numpy(c, ur, ul, stepped_late, received, hp, hby, hon, limit)


def missing_steps_numpy(c: Cols, ur: I64, ul: I64, stepped_late: Bool, received: I32, hp: I32, hby: I32, hon: I32,
                        limit: int) -> bool:
    """Whether each late level (record ``ur``, rank ``ul``) shows no step of its own on or after the day it received
    the problem, while the record's first step on or after that day is another level's made more than ``limit`` days
    after it (engine/_facts.py ``gap``, missing_step_holder; check48a #1), marked slow (``c.slow``: the reference
    path); whether any was. ``hp`` is sorted by record. Read loosely (from the day it received it, not the day the
    duties applied): the reference path decides."""
    lo, hi = record_spans(hp, ur)
    n = (hi - lo) * ~stepped_late
    if not n.any():
        return False
    pair, step = each_step(lo, n)
    day = take(received, ur, ul).astype(np.int64)
    on = hon[step].astype(np.int64)
    after = on >= day[pair]
    own = np.zeros(len(ur), np.bool_)
    own[pair[after & (hby[step] == ul[pair])]] = True  # (a repeated index sets True again: np.logical_or.at's answer)
    first = np.full(len(ur), np.iinfo(np.int64).max, np.int64)
    np.minimum.at(first, pair[after], on[after])
    rect = pick(c.rect, ur).astype(np.int64)
    gap = (first != np.iinfo(np.int64).max) & (first > day + limit) & ~own & ((rect == NONE) | (rect > day + limit))
    if not gap.any():
        return False
    c.slow[ur[gap]] = True
    return True


def handed_back(c: Cols, ur: I64, ul: I64, received: I32, hp: I32, hact: Any, hby: I32, hto: I32, hon: I32,
                limit: int) -> bool:
    """:func:`handed_back_numpy`, each late level's record's steps read in one pass in C where the extension was
    built (``_derive.c``: late_steps)."""
    if _c_late_steps is not None:
        got = _c_late_steps(c.slow, _i64(ur), _i64(ul), np.zeros(len(ur), np.bool_), _i32(received), _i32(hp),
                            _i32(hact), _i32(hby), _i32(hto), _i32(hon), _i32(c.rect), limit, NONE, REPORTED, 0)
        if got >= 0:
            return bool(got)
    return handed_back_numpy(c, ur, ul, received, hp, hact, hby, hto, hon, limit)


def handed_back_numpy(c: Cols, ur: I64, ul: I64, received: I32, hp: I32, hact: Any, hby: I32, hto: I32, hon: I32,
                      limit: int) -> bool:
    """Whether a late level (record ``ur``, rank ``ul``) was handed the problem by a higher level's assignment to it
    within ``limit`` days of the day it received it (engine/_facts.py: one sitting after a hand-back; check49b #2),
    marked slow (``c.slow``: the reference path); whether any was. ``hp`` is sorted by record. Read loosely (any such
    assignment, counted or not): the reference path decides."""
    lo, hi = record_spans(hp, ur)
    n = hi - lo
    if not n.any():
        return False
    pair, step = each_step(lo, n)
    day = take(received, ur, ul).astype(np.int64)[pair]
    on = hon[step].astype(np.int64)
    back = (hact[step] != REPORTED) & (hto[step] == ul[pair]) & (hby[step] > ul[pair]) & (on >= day) \
        & (on <= day + limit)
    if not back.any():
        return False
    c.slow[ur[pair[back]]] = True  # (a repeated index sets True again: no np.unique, which imports numpy.ma)
    return True


def late_pass_ons(c: Cols, t: Tables, limit: int) -> None:
    """Mark slow (``c.slow``: the reference path) a record where a level assigned the problem may have passed it on
    only after its handling limit: an assignment by a level made more than ``limit`` days after the first assignment
    to it (any, counted or not: the reference path decides). By late_pass_on_answers (not_handled) it may answer for
    that (engine/_facts.py ``late_pass``; review41 F5, review41b D3): every such record; under none such a pass-on
    names nobody, and only the verdict's interpretations, which bulk rows do not carry, say the reading. Under either
    value, where the problem was not rectified by the record's deadline (or the record gives none), the level's
    整改不到位 says the delay (engine Context.late_passes, check54 #3a), which the fast path's reasons do not."""
    params = t.policy.parameters
    if not len(c.hp):
        return
    asg = np.flatnonzero(c.hact != REPORTED)
    if not len(asg):
        return
    first = np.full((c.n, t.max_rank + 1), np.iinfo(np.int64).max // 2, np.int64)
    a_hp, a_on = pick(c.hp, asg), pick(c.hon, asg).astype(np.int64)  # (each read once)
    _minimum_at(first, a_hp, pick(c.hto, asg), a_on)
    late = asg[a_on > take(first, a_hp, pick(c.hby, asg)) + limit]
    if not len(late):
        return
    w = c.hp[late]
    if LATE_PASS not in params or t.policy.parameter(LATE_PASS) != "not_handled":
        # (a group's deadline is never before the record's: a problem rectified by it has no 整改不到位 to say it in)
        rect, deadline = pick(c.rect, w), pick(c.deadline, w)
        w = w[(rect == NONE) | (deadline == NONE) | (rect > deadline)]
    if len(w):
        c.slow[w] = True


def astray_steps(c: Cols, t: Tables) -> None:
    """Mark slow (``c.slow``: the reference path) a record with another level's assignment to a named body the text
    gives no part in the problem's kind, and an assignment by the level it went to, on any day: engine/_facts.py
    ``_reached`` may read that step as the 交办 to the level, under either value of assignment_to_body_without_part
    (check44 #1; the level's step before it, check45 #5; a city that only presses, check45 #3), where the fast path
    sets it aside as irregular_step's. The shape is read loosely (no body's part in the area or the kind, any level
    below): the reference path decides the rest."""
    if not len(c.hp) or UNRELATED not in t.policy.parameters or IRREGULAR not in t.policy.parameters:
        return
    asg = np.flatnonzero(c.hact != REPORTED)
    at = asg[(c.htb[asg] >= 0) & (c.hto[asg] < c.hby[asg])]
    if not len(at):
        return
    w = c.hp[at]
    a, kc, b = pick(c.area, w), pick(c.kind, w), c.htb[at]
    keep = ~(t.part[a, kc, b] & t.kind_part[a, kc, b]) & ~c.slow[w]
    at, w = at[keep], w[keep]
    if not len(at):
        return
    # (one sorted key (record, level) per assignment: a step's level made one where the first key at or after its
    # own (record, level to) is the same)
    nr = t.max_rank + 1
    keys = np.sort(c.hp[asg].astype(np.int64) * nr + c.hby[asg])
    asked = w.astype(np.int64) * nr + c.hto[at]
    hit = keys[np.minimum(np.searchsorted(keys, asked), len(keys) - 1)] == asked
    if hit.any():
        c.slow[w[hit]] = True


def co_assignees(c: Cols, t: Tables) -> None:
    """Mark slow (``c.slow``: the reference path) a record with assignments to two or more bodies of one level, one
    of them named (the other may be the level with no body named; a co-assignee named 整改不到位 does not press the
    other's part of the same rectification: engine/_decide.py ``_placed_hits``, review43b R3; the fast path places
    each fact alone), and, under a false of a parameter that narrows a duty's pressing (``presses_only_acting``:
    ``offices_press_every_area``), every record (the province's and city's poverty office presses on 二(二)5 alone only
    where the record shows it acting: ``Decider._offices_aside``, review43b R1)."""
    if any(not t.policy.parameter(p) for p in set(pressing_where_acting(t.policy).values())):
        c.slow[:] = True
        return
    # (assignment_to_body_without_part: level_receives reads another level's assignment to a body with no part in the
    # kind as one to its level, which the fast path sets aside as irregular_step's: the reference path decides)
    if UNRELATED in t.policy.parameters and t.policy.parameter(UNRELATED) == "level_receives":
        c.slow[:] = True
        return
    # (an assignment to the level with no body named counts as one more assignee beside a named one: the level's
    # unnamed holder, or the role, is named 整改不到位 beside the body and the body then presses no part of it)
    steps = np.flatnonzero(c.hact != REPORTED)
    if len(steps) < 2 or not bool((c.htb[steps] >= 0).any()):
        return
    nr = t.max_rank + 1
    lv = c.hp[steps].astype(np.int64) * nr + c.hto[steps]
    body = np.maximum(c.htb[steps].astype(np.int64), -1) + 1  # (0: no body named)
    nb = int(body.max()) + 1
    # (one 1-d key per (record and level, body), and counts asked for: np.unique over an axis, or without counts,
    # imports numpy.ma, which assess leaves out)
    pairs = np.unique(lv * nb + body, return_counts=True)[0]
    keys, counts = np.unique(pairs // nb, return_counts=True)
    named_at = np.unique(pairs[pairs % nb > 0] // nb, return_counts=True)[0]
    many = keys[(counts > 1) & np.isin(keys, named_at)]
    if len(many):
        c.slow[(many // nr).astype(np.int64)] = True


def acting_pressers(c: Cols, t: Tables, tpl: Templates | None = None, facts: tuple[Any, ...] | None = None
                    ) -> tuple[I64, I64] | None:
    """Mark slow (``c.slow``: the reference path) a record naming, as its finder or a body an assignment handed it, a
    holder of a duty a bool parameter's true widens the pressing of (``presses_also_acting``:
    ``acting_departments_press``, 二(二)5 省市有关部门), where that duty reaches the record's problem (engine/_decide.py
    ``Decider._acting_reaches``, read with no line: a line only narrows it): under true such a department presses the
    rectification below it where the kind does not concern it (``Decider._acting_added``), and under either value the
    verdict is decided again under the other (``Decider._todo``); the fast path places each fact alone and reads
    neither. A department whose duty does not reach the problem adds nothing under either value (a city's department
    handed a village's problem of another line): the fast path keeps it. Rare: a province's or city's department named
    in the record.

    Where every such parameter is true and the templates ``tpl`` are given, the records are not marked at first: each
    one's record and its department's level rank are returned, and :func:`derive` calls this again at its end with
    them and the facts (``facts``), to mark only those a fact of which has a hit the department could press on (a
    指导督促 rule of no extra clauses whose holders are of the department's level, on a fact of a level below it:
    ``Decider._acting_added``, whose other tests only keep it from pressing; :meth:`Templates.acting_levels`). For
    the others the department presses nothing: the verdict's findings are those of the record without it, and their
    reasons too (acting_departments_press's link words only such a 指导督促), which are the fast path's (perf60: 81 of
    84 such bench records). Elsewhere they are marked at once, as before, and None returned."""
    if facts is not None:
        assert tpl is not None
        _pressing_acting(c, tpl, *facts)
        return None
    held, idx, every_true = _acting_held(t)
    if not held:
        return None
    recs: list[npt.NDArray[Any]] = []
    bodies: list[npt.NDArray[Any]] = []
    named = np.flatnonzero(c.disc & np.isin(c.dbody, idx))
    recs.append(named)
    bodies.append(c.dbody[named])
    if len(c.htb):  # (an assignment's body: a report up does not show the department acting, as the engine reads)
        at = np.flatnonzero(np.isin(c.htb, idx) & (c.hact != REPORTED))
        recs.append(c.hp[at])
        bodies.append(c.htb[at])
    r, b = np.concatenate(recs).astype(np.int64), np.concatenate(bodies).astype(np.int64)
    keep = ~c.slow[r]
    r, b = r[keep], b[keep]
    if not len(r):
        return None
    decider = decider_of(t.policy)
    # (saved with the templates, keep_asked: ~2,200 questions of a 1M bench run, ~0.03 CPU s asked afresh)
    memo: dict[tuple[int, int, int, int], bool] = t.policy._memo(ACTING_REACHES, dict)
    pr = np.maximum(pick(t.place_rank, pick(c.place, r)), 0)
    hit = np.zeros(len(r), np.bool_)
    for i, key in enumerate(zip(pick(c.area, r).tolist(), pick(c.kind, r).tolist(), pr.tolist(), b.tolist(),
                                strict=True)):
        got = memo.get(key)
        if got is None:
            a, k, p, body = key
            kind = t.kind_names[k - 1] if k else None
            got = memo[key] = any(decider._acting_reaches(t.areas[a], kind, None, t.bodies[body], d, p)
                                  for d in held[body])
        hit[i] = got
    if tpl is None or not every_true:
        c.slow[r[hit]] = True
        return None
    return r[hit], pick(t.body_rank, b[hit]).astype(np.int64)


ACTING_REACHES = "batch: acting reaches"


def _acting_held(t: Tables) -> tuple[dict[int, list[str]], I64, bool]:
    """For :func:`acting_pressers`, once per policy (each chunk asked the policy's parameters again: ~0.75 ms a
    chunk): the bodies holding a duty of :func:`pressing_also_acting` (by index, each with its duties), their
    indices, sorted, and whether every such duty's parameter is true."""
    def make() -> tuple[dict[int, list[str]], I64, bool]:
        also = pressing_also_acting(t.policy)
        held: dict[int, list[str]] = {}
        for d in also:
            for holder in t.policy.duties[d].holders:
                if holder in t.body_index:
                    held.setdefault(t.body_index[holder], []).append(d)
        every_true = all(t.policy.parameter(also[d]) for ds in held.values() for d in ds)
        return held, np.array(sorted(held), np.int64), every_true

    got: tuple[dict[int, list[str]], I64, bool] = t.policy._memo("batch: acting held", make)
    return got


def _pressing_acting(c: Cols, tpl: Templates, acting: tuple[I64, I64], fr: I32, ft: I32, fl: I32, fb: I32, fe: I32,
                     sev: I32, prank: I32) -> None:
    """Mark slow the records of ``acting`` (:func:`acting_pressers`' first call) a fact of which (``fr``…``fe``, as
    :func:`derive` gives them; ``sev`` and ``prank`` as :func:`expand` reads them) has a hit their department could
    press on (:meth:`Templates.acting_levels`)."""
    recs, levels = acting
    if not len(recs):
        return
    at = np.zeros(c.n, np.int64)  # each record's acting levels, as bits (a record may name two departments)
    np.bitwise_or.at(at, recs, np.left_shift(np.int64(1), levels))
    mine = np.flatnonzero(pick(at, fr) != 0)
    if not len(mine):
        return
    r = pick(fr, mine)
    codes = tpl.fact_codes(c.area, c.kind, sev, prank, r, pick(ft, mine), pick(fl, mine), pick(fb, mine),
                           pick(fe, mine))
    bits = np.array([tpl.acting_levels(code) for code in codes.tolist()], np.int64)
    c.slow[r[(bits & pick(at, r)) != 0]] = True


def implied_assignees(c: Cols, t: Tables, pr: I64, hp: I32, hact: I32, hby: I32, hto: I32, hon: I32, got: I64,
                      counting: Bool) -> bool:
    """Mark slow (``c.slow``: the reference path) a record with an assignment by a level at or above the place that
    can rectify the problem, that had not received it by then and to which the record shows no assignment that
    counts (``counting``): engine/_facts.py reads a higher level's pass-down to it from that step (``implied``;
    fid30's left #1) and makes it an assignee. Few records are such; returns whether there was one."""
    if not len(hp):
        return False
    at = np.flatnonzero((hact != REPORTED) & ((got == NONE) | (got > hon)) & (hby >= pick(pr, hp)))
    if not len(at):
        return False
    w = pick(hp, at)
    at = at[take(t.rectify_level, pick(c.area, w), pick(c.kind, w), pick(pr, w), pick(hby, at))]
    if not len(at):
        return False
    nr = t.max_rank + 1
    keys = np.sort(hp[counting].astype(np.int64) * nr + hto[counting])
    asked = hp[at].astype(np.int64) * nr + hby[at]
    if len(keys):
        at = at[keys[np.minimum(np.searchsorted(keys, asked), len(keys) - 1)] != asked]
    if not len(at):
        return False
    c.slow[hp[at]] = True
    return True


def gone_with_aside(c: Cols, nr: int, ur: I64, ul: I64, gone: Bool, received: I32, hp: I32, hby: I32, hon: I32,
                    idle: Bool, fixing: Bool, limit: int) -> bool:
    """Mark slow (``c.slow``: the reference path) a record where a late level taken as evidently handled (``gone``:
    rectified by its deadline) shows a step of its own within its limit that did not dispose of the problem
    (``idle``: one irregular_step may set aside), and the record's first assignment to a level that can rectify it
    (``fixing``) came only after that limit: engine/_facts.py does not excuse such a level (``late_reach``; review30
    #4, R30-65). Few records are such; returns whether there was one."""
    g = np.flatnonzero(gone)
    if not len(g) or not idle.any() or not fixing.any():
        return False
    if _c_gone_aside is not None:  # (each such level's record's steps in one pass in C: _derive.c gone_aside)
        got = _c_gone_aside(c.slow, _i64(ur), _i64(ul), _bools(gone), _i32(received), _i32(hp), _i32(hby), _i32(hon),
                            _bools(idle), _bools(fixing), limit)
        if got >= 0:
            return bool(got)
    lr, ll = pick(ur, g).astype(np.int64), pick(ul, g).astype(np.int64)
    ih, ib = hp[idle], hby[idle]
    if int(ih.min()) >= 0 and int(ih.max()) < c.n and int(ib.min()) >= 0 and int(ib.max()) < nr \
            and int(lr.min()) >= 0 and int(lr.max()) < c.n and int(ll.min()) >= 0 and int(ll.max()) < nr:
        # (which (record, level) has such a step, marked in a records x levels table: no sort of the keys)
        marked = np.zeros(c.n * nr, np.bool_)
        marked[ih.astype(np.intp) * nr + ib] = True
        hit = marked[lr * nr + ll]
    else:
        keys = np.sort(ih.astype(np.int64) * nr + ib)
        hit = keys[np.minimum(np.searchsorted(keys, lr * nr + ll), len(keys) - 1)] == lr * nr + ll
    if not hit.any():
        return False
    lr, ll = lr[hit], ll[hit]
    first = np.full(c.n, np.iinfo(np.int64).max, np.int64)  # (each record's first such assignment)
    np.minimum.at(first, hp[fixing], hon[fixing].astype(np.int64))
    late = pick(first, lr) > take(received, lr, ll).astype(np.int64) + limit
    late &= pick(first, lr) != np.iinfo(np.int64).max
    if not late.any():
        return False
    c.slow[lr[late]] = True
    return True


def partless_asides(c: Cols, ur: I64, ul: I64, received: I32, hp: I32, hby: I32, hon: I32, lone: Bool,
                    nr: int) -> bool:
    """Mark slow (``c.slow``: the reference path) a record where a late level (``ur``, ``ul``: it answers 未及时交办
    上报) made a step after it received the problem to a body the text gives no part in it (``lone``: a township's
    report of a dangerous house to 县教育局): irregular_step sets the step aside, and the level's reason says it did
    not count (engine/_facts.py ``aside``: ``i:part``; check52 Z1), which the fast path's facts do not carry. Read
    loosely (any such step after the day it received it); few records are such. Returns whether there was one."""
    s = np.flatnonzero(lone)
    if not len(s) or not len(ur):
        return False
    sr, sl = pick(hp, s).astype(np.int64), pick(hby, s).astype(np.int64)
    got = take(received, sr, sl).astype(np.int64)
    after = (got != NONE) & (pick(hon, s).astype(np.int64) >= got)
    if not after.any():
        return False
    hit = np.isin(ur.astype(np.int64) * nr + ul, sr[after] * nr + sl[after])
    if not hit.any():
        return False
    c.slow[ur[hit]] = True
    return True


def giving_way(t: Tables, area: I32, kind: I32, prank: I64, level: I64, body: I32) -> Bool:
    """Whether each named finder or receiver ``body`` of a level gives way to the level's holders of the handling of
    its record's problem (engine/_facts.py :func:`~responsibility.engine._facts.gives_way`), by (area, kind code,
    place's level rank, level rank, body); asked for the few such bodies, each combination once per policy."""
    policy = t.policy
    memo: dict[tuple[int, int, int, int, int], bool] = policy._memo(GIVES_WAY, dict)  # (saved: keep_asked)
    out = np.zeros(len(body), np.bool_)
    for i, key in enumerate(zip(area.tolist(), kind.tolist(), prank.tolist(), level.tolist(), body.tolist(),
                                strict=True)):
        got = memo.get(key)
        if got is None:
            a, k, p, lv, b = key
            got = memo[key] = gives_way(policy, t.areas[a], t.kind_names[k - 1] if k else None, t.rank_level[lv],
                                        t.bodies[b], p)
        out[i] = got
    return out


def oversight_reports(c: Cols, t: Tables) -> None:
    """Mark slow (``c.slow``: the reference path) a record with a report to a level's supervisory organ that the
    text gives no part in the problem (县纪委监委, 县审计: engine/_facts.py oversight_organ), where
    ``report_to_oversight`` reads it as a report to that level (level_receives; review27 #4): the step tables read it
    as to a body with no part. Few records name such a receiver."""
    policy = t.policy
    if not len(c.hp) or OVERSIGHT_REPORT not in policy.parameters \
            or policy.parameter(OVERSIGHT_REPORT) not in ("level_receives", "any_receiver"):
        return
    anyone = policy.parameter(OVERSIGHT_REPORT) == "any_receiver"  # (every body of a level with departments)
    organs: Bool = policy._memo(f"batch: oversight organs {anyone}", lambda: np.array(
        [oversight_organ(policy, b) or (anyone and level_body(policy, b)) for b in t.bodies]
        + [False], np.bool_))  # (index -1: no body)
    hit = np.flatnonzero((c.hact == REPORTED) & pick(organs, c.htb))
    if len(hit):
        hp, htb = pick(c.hp, hit), pick(c.htb, hit)
        kc = pick(c.kind, hp)
        lone = ~take(t.part, pick(c.area, hp), kc, htb)
        c.slow[hp[lone]] = True


def peers_table(t: Tables) -> Bool | None:
    """(area, kind code, place's level rank, level rank): whether that level is below the authority over a policy gap
    and makes such policy for itself (engine/_facts.py :func:`~responsibility.engine._facts.owner_peers`), so is not
    expected to have found the owner's gap; None unless ``lower_level_finds_higher_policy`` is false."""
    policy = t.policy

    def make() -> Bool | None:
        if PEER_FINDS not in policy.parameters or policy.parameter(PEER_FINDS):
            return None
        nr = t.max_rank + 1
        out = np.zeros((len(t.areas), len(t.kind_names) + 1, nr, nr), np.bool_)
        for a, area in enumerate(t.areas):
            for kc, kid in enumerate(t.kind_names, 1):
                if (area, kid) not in policy.kinds:
                    continue
                for place in t.rank.values():
                    for r in owner_peers(policy, area, kid, place):
                        out[a, kc, place, r] = True
        return out if bool(out.any()) else None
    got: Bool | None = policy._memo(OWNER_PEERS, make)  # (saved with the templates: keep_asked)
    return got


#: The policy memos of what derive asks in Python (receiving_body with a line, gives_way, owner_peers: ~1,100, ~1,600
#: and ~250 questions a 1M bench run with the memos cold, ~0.05-0.1 CPU s), kept with the templates
GIVES_WAY, LINED_RECEIVERS, OWNER_PEERS = "batch: gives way", "batch: lined receivers", "batch: owner peers"
ASKED = (GIVES_WAY, LINED_RECEIVERS, OWNER_PEERS, ACTING_REACHES, OVER_UNITS, UNITS_BELOW)


def keep_asked(tpl: Templates) -> int:
    """Put what derive asked of ``tpl``'s policy so far (:data:`ASKED`, the policy's memos, by these tables' codes)
    in ``tpl.asked``, to be saved with the templates; returns how many answers it holds (a run that asked more than
    its saved entry held saves it again)."""
    memos = tpl.t.policy.__dict__.get("_memos") or {}
    for name in ASKED:
        if name in memos:
            tpl.asked[name] = memos[name]
    return asked_count(tpl)


def asked_count(tpl: Templates) -> int:
    """How many answers ``tpl.asked`` holds (a table counts one)."""
    return sum(len(v) if isinstance(v, dict) else 1 for v in tpl.asked.values())


def seed_asked(tpl: Templates, asked: dict[str, Any] | None = None) -> None:
    """Put the answers a saved entry's templates brought (``tpl.asked``), or those another process of this run gave
    (``asked``: :func:`asked_since`), where derive looks for them: the policy's memos, where this process has not made
    its own (the same answers: the entry's key names the policy, its parameters and the code)."""
    policy = tpl.t.policy
    for name, value in (tpl.asked if asked is None else asked).items():
        if name in ASKED:
            mine = policy._memo(name, lambda v=value: v.copy() if isinstance(v, dict) else v)  # type: ignore[misc]
            if isinstance(mine, dict) and mine is not value:
                for key, answer in value.items():
                    mine.setdefault(key, answer)


def asked_since(tpl: Templates, sent: dict[str, int]) -> dict[str, Any]:
    """What derive asked of ``tpl``'s policy (:data:`ASKED`) that ``sent`` does not count yet (of each memo: how many
    answers were given on; a table counts one), for the other processes of a run (:func:`seed_asked` takes them):
    a worker's answers would otherwise never reach the parent, which saves them (:func:`keep_asked`), and every run
    with workers asked them all again (~0.15 CPU s at 1M records with two). ``sent`` is moved on; a memo's answers
    are only ever added, so those past its count are the new ones."""
    memos = tpl.t.policy.__dict__.get("_memos") or {}
    out: dict[str, Any] = {}
    for name in ASKED:
        value = memos.get(name)
        if value is None:
            continue
        done = sent.get(name, 0)
        if isinstance(value, dict):
            if len(value) > done:
                out[name] = dict(itertools.islice(value.items(), done, None))
                sent[name] = len(value)
        elif not done:
            out[name] = value
            sent[name] = 1
    return out


def peers_below(t: Tables) -> Bool:
    """:func:`peers_table` (not None) read by the level a record was found at: (area, kind code, place's level rank,
    finder's level rank) whether a level below the finder's is such a peer."""
    def make() -> Bool:
        peer = peers_table(t)
        assert peer is not None
        below = np.zeros_like(peer)
        below[..., 1:] = np.cumsum(peer, axis=-1)[..., :-1] > 0
        return below
    got: Bool = t.policy._memo("batch: owner peers below", make)
    return got


def own_work_reading(t: Tables) -> bool:
    """Whether the policy reads a rectifier's sitting on a problem it found or received as its 整改不到位
    (``rectifier_holding: not_rectified``; engine/_facts.py OWN_WORK)."""
    policy = t.policy
    return OWN_WORK in policy.parameters and policy.parameter(OWN_WORK) == "not_rectified"


def item_receivers(c: Cols, t: Tables, ur: I64, ul: I64, pr: I64, chosen: I32) -> bool:
    """Mark slow (``c.slow``: the reference path) a record whose level that had it through no body named stands, by
    receiving_level_body: unresolved, for several bodies whose own item the kind is together (engine/_facts.py
    :func:`~responsibility.engine._facts.item_holders`: 县（市、区）党委、政府 for 二(六)1(4) 干部联系; check57 #5) —
    the fast path gives a level one body; whether any was marked. Read loosely (whatever the record shows besides):
    the reference path decides. The table, by (area, kind code, place's level rank, level rank), is made once per
    policy, as :func:`receiving_bodies`. Only under rectifier_holding: not_rectified (:func:`own_work_reading`, whose
    own-work sitting the engine reads of the first of them): elsewhere :func:`item_pairs` keeps two such bodies on
    the fast path (perf60)."""
    policy = t.policy
    nr = t.max_rank + 1
    key = (*t.areas, "|", *t.kind_names, nr)
    memo: dict[tuple[Any, ...], Bool] = policy._memo("batch: item receivers", dict)
    table = memo.get(key)
    if table is None:
        table = np.zeros((len(t.areas), len(t.kind_names) + 1, nr, nr), np.bool_)
        for cell, held in _item_cells(t):
            table[cell] = len(held) > 1
        memo[key] = table
    if not table.any():
        return False
    hit = table[pick(c.area, ur), pick(c.kind, ur), pick(pr, ur), ul] & (chosen >= 0)
    if not hit.any():
        return False
    c.slow[ur[hit]] = True
    return True


def _item_cells(t: Tables) -> Iterator[tuple[tuple[int, int, int, int], tuple[str, ...]]]:
    """Each (area, kind code, place's level rank, level rank) cell of :func:`item_receivers`' and
    :func:`item_pairs`' tables with the bodies whose own item the kind is there (``item_holders``)."""
    policy = t.policy
    levels = [(lv, r) for lv, r in t.rank.items() if lv in policy.roles]
    for a, area in enumerate(t.areas):
        for kid in t.kind_names:
            kc = t.kind_index[kid]
            if t.kind_code[a, kc] < 0:
                continue
            for level, r in levels:
                for place in range(1, r + 1):
                    yield (a, kc, place, r), item_holders(policy, area, kid, level, place)


#: The policy memo :func:`item_pairs_tables` keeps its tables in, by :func:`item_pairs_key`.
ITEM_PAIRS = "batch: item pairs"


def item_pairs_key(t: Tables) -> tuple[Any, ...]:
    """What :func:`item_pairs_tables` are kept by in the policy's memo: the tables' areas, kinds and levels."""
    return (*t.areas, "|", *t.kind_names, t.max_rank + 1)


def item_pairs_tables(t: Tables) -> tuple[I32, Bool]:
    """:func:`item_pairs`' tables, by (area, kind code, place's level rank, level rank): the two bodies a level stands
    for together (-1 where it stands for one), and where it stands for more than two. Made once per policy (~800
    questions of ``item_holders``: ~0.03 CPU s, saved with the tables: ``_saved.made``)."""
    policy = t.policy
    nr = t.max_rank + 1
    key = item_pairs_key(t)
    memo: dict[tuple[Any, ...], tuple[I32, Bool]] = policy._memo(ITEM_PAIRS, dict)
    got = memo.get(key)
    if got is None:
        table = np.full((len(t.areas), len(t.kind_names) + 1, nr, nr, 2), -1, np.int32)
        more = np.zeros((len(t.areas), len(t.kind_names) + 1, nr, nr), np.bool_)
        for cell, held in _item_cells(t):
            if len(held) == 2 and all(b in t.body_index for b in held):
                table[cell] = [t.body_index[b] for b in held]
            elif len(held) > 1:
                more[cell] = True
        got = memo[key] = (table, more)
    return got


def item_pairs(c: Cols, t: Tables, ur: I64, ul: I64, pr: I64, chosen: I32) -> tuple[I32 | None, bool]:
    """The two bodies (in ``item_holders``' order) each late level of ``ur``/``ul`` stands for where, by
    receiving_level_body: unresolved, it had the problem through no body named and stands for the bodies whose own
    item the kind is together (engine/_facts.py :func:`~responsibility.engine._facts.item_holders`: 县（市、区）党委、
    政府 for 二(六)1(4) 干部联系; check57 #5): an (n, 2) table, -1 where it stands for one body — or None where no
    level does. The engine gives each of them a fact of its own, alike but for the body (derive's ``standing``), which
    the fast path's templates place each alone (:func:`each_of_pairs`). A level standing for more than two marks its
    record slow (``c.slow``: the reference path), and the second value says whether one was marked. The table, by
    (area, kind code, place's level rank, level rank), is made once per policy, as :func:`item_receivers`'.

    The engine names them only where the record shows neither handed the problem (late or at all: its ``late_bodies``
    and ``handed``); a record whose steps name a body of such a level has taken the reference path already
    (:func:`derive`'s ``shown``)."""
    table, more = item_pairs_tables(t)
    at = (pick(c.area, ur), pick(c.kind, ur), pick(pr, ur), ul)
    named = chosen >= 0
    # (the cells' flat positions, read by both tables: numpy's indexing by four arrays walks them twice as slowly)
    flat = _flat(more.shape, at)
    slow = (more[at] if flat is None else pick(more.reshape(-1), flat)) & named
    marked = bool(slow.any())
    if marked:
        c.slow[ur[slow]] = True
    pairs = table[at] if flat is None else table.reshape(-1, 2)[flat]
    pairs[~named] = -1
    return (pairs if bool((pairs[:, 0] >= 0).any()) else None), marked


def each_of_pairs(ur: I64, ul: I64, later: I64, chosen: I32, pairs: I32) -> tuple[I64, I64, I64, I32]:
    """The late levels (``ur``, ``ul``, their ``later`` codes and ``chosen`` bodies) with each level that stands for
    two bodies (:func:`item_pairs`) given twice, side by side, once for each body, in the engine's order."""
    two = pairs[:, 0] >= 0
    idx = np.repeat(np.arange(len(ur)), 1 + two.astype(np.int64))
    second = np.zeros(len(idx), np.bool_)
    second[1:] = idx[1:] == idx[:-1]
    got = pairs[idx]
    chosen = np.where(got[:, 0] >= 0, np.where(second, got[:, 1], got[:, 0]), chosen[idx]).astype(np.int32)
    return ur[idx], ul[idx], later[idx], chosen


def guiding_receivers(c: Cols, t: Tables, ur: I64, ul: I64, pr: I64) -> bool:
    """Mark slow (``c.slow``: the reference path) a record with a late city or province that, under
    receiving_level_body: handling_holders, stands for the department engine/_facts.py ``guiding_receiver`` gives (the
    fast path names the level's holders); whether any was marked. Read loosely (whoever the record names there): the
    reference path decides."""
    policy = t.policy
    if RECEIVER not in policy.parameters or policy.parameter(RECEIVER) != "handling_holders":
        return False
    memo: dict[tuple[int, int, int, int], bool] = policy._memo("batch: guiding receivers", dict)
    hit = np.zeros(len(ur), np.bool_)
    for i, key in enumerate(zip(pick(c.area, ur).tolist(), pick(c.kind, ur).tolist(), pick(pr, ur).tolist(),
                                ul.tolist(), strict=True)):
        got = memo.get(key)
        if got is None:
            a, k, p, lv = key
            got = memo[key] = guiding_receiver(policy, t.areas[a], t.kind_names[k - 1] if k else None,
                                               t.rank_level[lv], p) is not None
        hit[i] = got
    if not hit.any():
        return False
    c.slow[ur[hit]] = True
    return True


def sole_holders(t: Tables, area: I32, kind: I32, prank: I64, level: I64) -> I32:
    """The one body of each ``level`` holding the handling of its record's kind (engine/_facts.py
    :func:`~responsibility.engine._facts.sole_holder`), -1 where several or none; each combination asked once per
    policy."""
    policy = t.policy
    memo: dict[tuple[int, int, int, int], int] = policy._memo("batch: sole holders", dict)
    out = np.full(len(area), -1, np.int32)
    for i, key in enumerate(zip(area.tolist(), kind.tolist(), prank.tolist(), level.tolist(), strict=True)):
        got = memo.get(key)
        if got is None:
            a, k, p, lv = key
            one = sole_holder(policy, t.areas[a], t.kind_names[k - 1] if k else None, t.rank_level[lv], p) \
                if t.rank_level[lv] in policy.roles else None
            got = memo[key] = t.body_index[one] if one is not None else -1
        out[i] = got
    return out


def body_lines(t: Tables) -> I32:
    """Each body's line code (engine/_facts.py :func:`~responsibility.engine._facts.line_of`; 0 for none): the line
    the engine reads a body's own work by where the record names none."""
    policy = t.policy
    got: I32 = policy._memo("batch: body lines", lambda: np.array(
        [t.line_index.get(line_of(policy, b) or "", 0) for b in t.bodies], np.int32))
    return got


def holding_own_work(t: Tables, area: I32, kind: I32, prank: I64, body: I32, line: I32) -> Bool:
    """Whether each ``body`` holding its record's problem is itself to rectify it (engine/_facts.py
    :func:`~responsibility.engine._facts.holds_own_work`), by (area, kind code, place's level rank, body, line code:
    0 none); each combination asked once per policy."""
    policy = t.policy
    memo: dict[tuple[int, int, int, int, int], bool] = policy._memo("batch: holds own work", dict)
    out = np.zeros(len(body), np.bool_)
    for i, key in enumerate(zip(area.tolist(), kind.tolist(), prank.tolist(), body.tolist(), line.tolist(),
                                strict=True)):
        got = memo.get(key)
        if got is None:
            a, k, p, b, ln = key
            got = memo[key] = holds_own_work(policy, t.areas[a], t.kind_names[k - 1] if k else None, t.bodies[b], p,
                                             t.lines[ln - 1] if ln > 0 else None)
        out[i] = got
    return out


def pressing_steps(c: Cols, t: Tables, prank: I32, hp: I32, hact: I32, hto: I32, part: Bool) -> Bool | None:
    """Which steps are assignments to a level that for the record's kind only presses those below
    (二(二)5 指导督促基层), at or above the authority, with a level below it (at or above the place) that
    rectifies the kind itself, to a body with a part in it (or none): read as that level's receipt by
    ``pressing_level_assignment: pass_down`` (engine/_facts.py ``pressed``); None where the policy reads them
    otherwise or no step is one."""
    table = pressing_table(t)
    if table is None:
        return None
    # (each record's row of the table, then one take a step: indexing by four arrays cost ~3× as much)
    rows = per_record(table, c.area, c.kind, np.maximum(prank, 0))
    got = pick(table.ravel(), pick(rows, hp) + hto)
    got &= hact != REPORTED
    got &= part
    return got if bool(got.any()) else None


def pressing_table(t: Tables) -> Bool | None:
    """(area, kind code, place's level rank, level rank): whether an assignment to that level is a receipt to pass down
    (:func:`pressing_steps`); None unless the policy's ``pressing_level_assignment`` is ``pass_down``."""
    policy = t.policy

    def make() -> Bool | None:
        if PRESSING not in policy.parameters or policy.parameter(PRESSING) != "pass_down":
            return None
        nr = t.max_rank + 1
        rect, own = t.rectify_level, t.own_rectify_level  # (area, kind, place, level)
        lv = np.arange(nr)
        place = lv[:, None]
        # own[..., p, o] for p <= o < level: a level below it, at or above the place, rectifies it itself
        below = np.zeros_like(own)
        for r in range(nr):
            below[..., r] = (own & (lv >= place) & (lv < r)).any(axis=-1)
        auth = t.authority[..., :, None] <= lv  # (area, kind, place, level): at or above the authority
        return rect & ~own & below & auth
    got: Bool | None = policy._memo("batch: pressing", make)
    return got


def standing_alternatives(c: Cols, t: Tables) -> None:
    """Mark slow (``c.slow``: the reference path) a record of a kind where, by ``sectorless_alternatives:
    every_holder``, the role a level that had or concealed it stands for names each of the departments that hold the
    kind's handling for their own part (engine/_facts.py :func:`~responsibility.engine._facts.standing_for`; review35b
    F4) — the fast path gives a level one body. None under the default (unresolved)."""
    policy = t.policy
    if SECTORLESS not in policy.parameters or policy.parameter(SECTORLESS) != "every_holder" or not c.n:
        return
    memo: dict[tuple[str, ...], Bool] = policy._memo("batch: standing alternatives", dict)
    key = (*t.areas, "|", *t.kind_names)
    table = memo.get(key)
    if table is None:
        table = np.zeros((len(t.areas), len(t.kind_names) + 1), np.bool_)
        for a, area in enumerate(t.areas):
            for kind in [None, *(k for ar, k in policy.kinds if ar == area)]:
                table[a, t.kind_index[kind] if kind else 0] = any(
                    len(standing_for(policy, area, kind, level, role, failure)) > 1
                    for level, role in policy.roles.items() for failure in ("not_handled", "concealed"))
        memo[key] = table
    c.slow |= table[c.area, c.kind]


def receiving_bodies(policy: PolicyView, t: Tables) -> I32:
    """The body a level that had a problem through no body the record names stands for by ``receiving_level_body:
    unresolved`` (engine/_facts.py :func:`~responsibility.engine._facts.receiving_body`, the record naming no sector:
    one with a sector takes the reference path), by (area, kind code, place's level rank, level rank); -1 where the
    level's holders answer (review22 R22-2)."""
    nr = t.max_rank + 1
    out = np.full((len(t.areas), len(t.kind_names) + 1, nr, nr), -1, np.int32)
    levels = [(lv, r) for lv, r in t.rank.items() if lv in policy.roles]  # (the county too: review23 #1)
    for a, area in enumerate(t.areas):
        for kid in [None, *t.kind_names]:
            kc = t.kind_index[kid] if kid else 0
            if t.kind_code[a, kc] < 0:
                continue
            for level, r in levels:
                for place in range(1, r + 1):
                    got = receiving_body(policy, area, kid, level, None, place)
                    if got is not None:
                        out[a, kc, place, r] = t.body_index[got]
    return out


def holders(c: Cols, hp: I32, hby: I32, hto: I32, htb: I32, hon: I32, rep_part: Bool, disc: Bool, nr: int,
            limit: int, hact: I32 | None = None) -> tuple[I32, I32, Bool, Bool, I64]:
    """Who held the problem, for :func:`derive`: (records x levels) the day each level received it (``NONE`` where it
    did not: each level it was reported to, by the steps ``rep_part`` marks, the first report winning, then the
    finder's level, of the records ``disc`` marks, on the day found) and by which body (-1 for none); which levels
    knew it (a level below the finder that reported it within the limit of its discovery, and the level it reported
    to — unless an assignment (``hact`` not REPORTED; ``None``: no step is one) had handed it that level on an
    earlier day than the report's: engine/_facts.py, review30 #6); which reported it (a finder that reported it
    upward did not fix it itself); and (int64, one a step) the day each step's acting level received it (a holder
    acted in time if it reported, or, at or above the authority, or when a lower level need not report what it can
    dispose of itself, assigned to a level that can rectify it, within the limit). In one pass in C where the
    extension was built (``_derive.c``), else :func:`holders_numpy`."""
    if _c_holders is not None:
        n, m, i32 = c.n, len(hp), np.int32
        received, holder_body = np.empty((n, nr), i32), np.empty((n, nr), i32)
        knew, reported_by, got = np.empty((n, nr), np.bool_), np.empty((n, nr), np.bool_), np.empty(m, np.int64)
        if _c_holders(received, holder_body, knew, reported_by, got,
                      *(np.ascontiguousarray(x, i32) for x in (hp, hby, hto, htb, hon)),
                      np.ascontiguousarray(rep_part, np.bool_), np.ascontiguousarray(disc, np.bool_),
                      *(np.ascontiguousarray(x, i32) for x in (c.dlev, c.don, c.dbody)), int(limit),
                      *(() if hact is None else (np.ascontiguousarray(hact, i32), REPORTED))) == 0:
            return received, holder_body, knew, reported_by, got
    return holders_numpy(c, hp, hby, hto, htb, hon, rep_part, disc, nr, limit, hact)


def holders_numpy(c: Cols, hp: I32, hby: I32, hto: I32, htb: I32, hon: I32, rep_part: Bool, disc: Bool, nr: int,
                  limit: int, hact: I32 | None = None) -> tuple[I32, I32, Bool, Bool, I64]:
    """:func:`holders` in numpy (the reference the tests compare the C pass with)."""
    n = c.n
    received = np.full((n, nr), NONE, np.int32)
    holder_body = np.full((n, nr), -1, np.int32)
    rep = np.nonzero(rep_part)[0]
    if len(rep):
        _, first = unique_at(hp[rep].astype(np.int64) * nr + hto[rep], hp[rep])
        sel = rep[first]
        put(received, hon[sel], hp[sel], hto[sel])
        put(holder_body, htb[sel], hp[sel], hto[sel])
    d = np.nonzero(disc)[0]
    found_at = pick(c.dlev, d)
    put(received, pick(c.don, d), d, found_at)
    put(holder_body, pick(c.dbody, d), d, found_at)
    knew = np.zeros((n, nr), np.bool_)
    reported_by = np.zeros((n, nr), np.bool_)
    if len(rep):
        r = hp[rep]
        k = rep[(hby[rep] < c.dlev[r]) & (hon[rep].astype(np.int64) <= c.don[r].astype(np.int64) + limit)]
        asg = np.nonzero(hact != REPORTED)[0] if hact is not None else np.zeros(0, np.int64)
        if len(k) and len(asg):  # (the first day an assignment handed each level the problem: a later report shows
            # nothing it found)
            handed = np.full((n, nr), np.iinfo(np.int32).max, np.int32)
            np.minimum.at(handed, (hp[asg], hto[asg]), hon[asg])
            k = k[handed[hp[k], hby[k]] >= hon[k]]
        put(knew, True, hp[k], hby[k])
        put(knew, True, hp[k], hto[k])
        put(reported_by, True, hp[rep], hby[rep])
    got = take(received, hp, hby).astype(np.int64)
    return received, holder_body, knew, reported_by, got


def kindless_place_steps(c: Cols, t: Tables) -> None:
    """Mark slow (``c.slow``: the reference path) a record with no kind that has an assignment to its place's level
    where nobody from the place up to the assigner can rectify it (a city's or the province's own place): whether that
    counts is engine/_facts.py place_step's (an assignment naming no body counts as none, one naming a body by
    place_above_rectifiers; review21 R21-2). Few records are such. In one pass over the steps in C where the extension
    was built (``_derive.c``; numpy made some fifteen: ~10% of derive), else :func:`kindless_place_steps_numpy`."""
    if not len(c.hp):
        return
    rect, own = t.rectify_level[:, 0], t.own_rectify_level[:, 0]  # (areas, place levels, levels) of no kind
    nr = rect.shape[2]
    if _c_kindless is not None and rect.shape[1] == nr and c.slow.dtype == np.bool_ and c.slow.flags.c_contiguous:
        # alone[area, place level, assigner level]: nobody from the place's level to below the assigner can rectify
        # it, nor anybody at or above the place's level by itself (a small table: areas x levels x levels)
        levels = np.arange(nr)
        span = (levels[None, :, None] >= levels[:, None, None]) & (levels[None, :, None] < levels[None, None, :])
        between: Bool = np.any(rect[:, :, :, None] & span[None], axis=2)
        own_at: Bool = np.any(own & (levels[None, None, :] >= levels[None, :, None]), axis=2)
        alone = np.ascontiguousarray(~between & ~own_at[:, :, None])
        i32 = np.int32
        got = _c_kindless(c.slow, *(np.ascontiguousarray(x, i32) for x in (
            c.hp, c.hact, c.hby, c.hto, c.kind, c.area, c.place, t.place_rank)), alone, rect.shape[0], nr, REPORTED)
        if got == 0:
            return
    kindless_place_steps_numpy(c, t)


def unnamed_place_steps(c: Cols, t: Tables) -> None:
    """Mark slow (``c.slow``: the reference path) a record of a kind with an assignment naming no body to its place's
    level by a level above it, where nobody from the place up to the assigner can rectify the kind nor anybody at or
    above the place by itself (a house placed at a city code, handed to the city): by ``place_above_rectifiers:
    place_level_assignee`` it counts, and the level's body of the record's line or its role answers for it
    (engine/_facts.py place_level_body; review32 F3). A rare shape (a household kind at a city or province code)."""
    if not len(c.hp) or not t.place_assignee:
        return
    hp = c.hp
    pr = np.maximum(pick(pick(t.place_rank, c.place), hp), 0)
    odd = (c.htb < 0) & (c.hto == pr) & (c.hact != REPORTED) & (c.hby != c.hto)
    at = np.nonzero(odd)[0]
    if not len(at):
        return
    w = pick(hp, at)
    kind = pick(c.kind, w)
    # (one look-up a step in a table made once, unnamed_slow_table: three gathers of (steps x levels) rows and their
    # masks made it, where most assignments name no body)
    table = unnamed_slow_table(t)
    _, nk, nr, nb = table.shape
    flat = ((pick(c.area, w).astype(np.int64) * nk + kind) * nr + pick(pr, at)) * nb \
        + np.clip(pick(c.hby, at), 0, nb - 1)
    c.slow[w[pick(table.reshape(-1), flat) & (kind != 0)]] = True


_UNNAMED_SLOW: dict[int, tuple[Any, Bool]] = {}


def unnamed_slow_table(t: Tables) -> Bool:
    """For :func:`unnamed_place_steps`, by (area, kind, place level, assigning level clipped to [0, levels]): whether
    nobody from the place's level up to below the assigner can rectify the kind (``rectify_level``) nor anybody at or
    above the place by itself (``own_rectify_level``). Made once per table (kept by its identity)."""
    got = _UNNAMED_SLOW.get(id(t.rectify_level))
    if got is not None and got[0] is t.rectify_level:
        return got[1]
    rect, own = t.rectify_level, t.own_rectify_level
    from_place = np.arange(rect.shape[-1])[None, :] >= np.arange(rect.shape[2])[:, None]  # (place level, level)
    below = np.cumsum(rect & from_place, axis=-1)  # rectifying levels from the place up to each level
    between = np.concatenate([np.zeros((*rect.shape[:-1], 1), np.int64), below], axis=-1) > 0  # (levels below b)
    own_at: Bool = np.any(own & from_place, axis=-1)
    table: Bool = ~between & ~own_at[..., None]
    if len(_UNNAMED_SLOW) > 8:
        _UNNAMED_SLOW.clear()
    _UNNAMED_SLOW[id(rect)] = (rect, table)
    return table


def unnamed_place_steps_numpy(c: Cols, t: Tables) -> None:
    """:func:`unnamed_place_steps` as it read the tables step by step (the reference the tests compare with)."""
    if not len(c.hp) or not t.place_assignee:
        return
    hp = c.hp
    pr = np.maximum(pick(pick(t.place_rank, c.place), hp), 0)
    odd = (c.htb < 0) & (c.hto == pr) & (c.hact != REPORTED) & (c.hby != c.hto)
    at = np.nonzero(odd)[0]
    if not len(at):
        return
    w, place, by = hp[at], pr[at], c.hby[at]
    kind = c.kind[w]
    at, w, place, by, kind = at[kind != 0], w[kind != 0], place[kind != 0], by[kind != 0], kind[kind != 0]
    if not len(at):
        return
    rect = t.rectify_level[c.area[w], kind, place]  # (steps, levels)
    levels = np.arange(rect.shape[1])
    between = (rect & (levels >= place[:, None]) & (levels < by[:, None])).any(axis=1)
    own = t.own_rectify_level[c.area[w], kind, place]
    own_at_place = (own & (levels >= place[:, None])).any(axis=1)
    c.slow[w[~between & ~own_at_place]] = True


def own_handover_steps(c: Cols, t: Tables) -> None:
    """Mark slow (``c.slow``: the reference path) a record with a report from below naming a body of the level it goes
    to that is itself to rectify the problem (engine/_facts.py holds_own_work), where that level had the problem
    before — found there, or handed it by an earlier step (the county hotline's find that the township reports to
    县民政局): by engine/_facts.py derive's ``handover`` that body holds it from the report's day if it came within the
    level's limit, and rectifier_holding reads its sitting on it (review32 F6). A rare shape: bench_assess's ledger
    names no receiving body."""
    if not len(c.hp) or OWN_WORK not in t.policy.parameters:
        return
    at = np.flatnonzero((c.hact == REPORTED) & (c.htb >= 0) & (c.hby < c.hto))
    if not len(at):
        return
    w = np.take(c.hp, at)
    at, w = at[~c.slow[w]], w[~c.slow[w]]
    if not len(at):
        return
    pr = np.maximum(np.take(np.take(t.place_rank, c.place), w), 0)
    lines = np.take(c.line, w) if c.line is not None else np.zeros(len(w), np.int32)
    own = holding_own_work(t, np.take(c.area, w), np.take(c.kind, w), pr, np.take(c.htb, at), lines)
    at, w = at[own], w[own]
    if not len(at):
        return
    to, on = np.take(c.hto, at), np.take(c.hon, at)
    held = c.disc[w] & (np.take(c.dlev, w) == to)
    for i in np.flatnonzero(~held).tolist():  # (few: an earlier step to the same level)
        same = np.flatnonzero(c.hp == w[i])
        held[i] = bool(((c.hto[same] == to[i]) & (c.hon[same] <= on[i]) & (same != at[i])).any())
    c.slow[w[held]] = True


def anonymous_handover_steps(c: Cols, t: Tables, receivers: I32 | None) -> None:
    """Mark slow (``c.slow``: the reference path) a record with a report from below naming no body, by a level the
    record shows assigned the problem before, to a level that had it before, at or above the authority, whose
    receiving body (``receivers``: :func:`receiving_bodies`, by ``receiving_level_body: unresolved``; under another
    value the engine reads such a report to no body) is itself to rectify it: by engine/_facts.py derive's
    ``bounced`` that body holds it from the report's day, and assignee_report_to_rectifier reads the assignee's
    report (review43a D1, fid43c). Read loosely as to days and the assignment (any, not only one that counts within
    the limit, to a level that can rectify it): the reference path decides. Not a report back to a township, which
    has no receiving body, nor to a level below the authority: the fast path reads those (returned_reports)."""
    if not len(c.hp) or OWN_WORK not in t.policy.parameters or receivers is None:
        return
    anon = np.flatnonzero((c.hact == REPORTED) & (c.htb < 0) & (c.hby < c.hto))
    anon = anon[~c.slow[c.hp[anon]]]
    if not len(anon):
        return
    keep = pick(anon, _handed_held(c, anon, t.max_rank + 1))
    if not len(keep):
        return
    r, to = c.hp[keep], c.hto[keep]
    # (the body the report reaches, at or above the authority, itself to rectify it: engine/_facts.py holds_own_work)
    a, k = pick(c.area, r), pick(c.kind, r)
    pr = np.maximum(pick(t.place_rank, pick(c.place, r)), 0)
    body = receivers[a, k, pr, to]
    lines = pick(c.line, r) if c.line is not None else np.zeros(len(r), np.int32)
    lined = np.flatnonzero(lines > 0)
    if len(lined):
        body[lined] = lined_receivers(t, a[lined], k[lined], pr[lined], to[lined].astype(np.int64), lines[lined])
    ok = np.flatnonzero((body >= 0) & (to >= t.authority[a, k, pr]))
    if not len(ok):
        return
    b = body[ok]
    own = holding_own_work(t, a[ok], k[ok], pr[ok], b, np.where(lines[ok] > 0, lines[ok], pick(body_lines(t), b)))
    c.slow[r[ok][own]] = True


def _flat_cells(shape: tuple[int, int], i: npt.NDArray[Any], j: npt.NDArray[Any]) -> npt.NDArray[np.intp] | None:
    """The flat positions of cells (``i[k]``, ``j[k]``) of a C-ordered table of ``shape``; None where an index is
    outside its axis (then numpy's indexing by the pair decides: a negative index wraps, one past the end raises)."""
    if len(i) and (int(i.min()) < 0 or int(i.max()) >= shape[0] or int(j.min()) < 0 or int(j.max()) >= shape[1]):
        return None
    flat: npt.NDArray[np.intp] = i.astype(np.intp) * shape[1] + j
    return flat


def _minimum_at(table: npt.NDArray[Any], i: npt.NDArray[Any], j: npt.NDArray[Any], values: npt.NDArray[Any]) -> None:
    """``np.minimum.at(table, (i, j), values)`` for a C-ordered 2-d ``table``, through the cells' flat positions:
    numpy's ufunc.at by one flat index takes its fast path, by a pair of index arrays its slow multi-index one (~2 ms
    against ~4 ms for a chunk's 150,000 steps)."""
    flat = _flat_cells(table.shape, i, j) if table.flags.c_contiguous else None
    if flat is None:
        np.minimum.at(table, (i, j), values)
    else:
        np.minimum.at(table.reshape(-1), flat, values)


def _handed_held(c: Cols, anon: I64, nr: int) -> I64:
    """Which of the reports ``anon`` (positions of steps) come from a level the record shows assigned the problem by
    then, to a level that had it before (found there, or another step to it — a second step the same day counts too),
    as positions into ``anon``: each report's record's few steps read in one pass in C where the extension was built
    (``_derive.c``: handed_held), else records x levels tables of first days and counts."""
    if _c_handed_held is not None:
        out = np.zeros(len(anon), np.bool_)
        if _c_handed_held(out, np.ascontiguousarray(anon, np.int64), _i32(c.hp), _i32(c.hact), _i32(c.hby),
                          _i32(c.hto), _i32(c.hon), _bools(c.disc), _i32(c.dlev), nr, REPORTED) == 0:
            return np.flatnonzero(out)
    # (by record and level: the first day an assignment went to it, the first day any step did, and how many did)
    # (each table filled through its flat positions, _minimum_at, and a count by bincount: ~10 ms a chunk less)
    far = np.iinfo(np.int64).max // 2
    shape = (c.n, nr)
    asg = np.flatnonzero(c.hact != REPORTED)
    first_asg = np.full(shape, far, np.int64)
    first_any = np.full(shape, far, np.int64)
    _minimum_at(first_asg, c.hp[asg], c.hto[asg], c.hon[asg].astype(np.int64))
    _minimum_at(first_any, c.hp, c.hto, c.hon.astype(np.int64))
    steps_to = np.zeros(shape, np.int32)
    flat = _flat_cells(shape, c.hp, c.hto)
    if flat is not None:
        steps_to += np.bincount(flat, minlength=c.n * nr).reshape(shape).astype(np.int32)
    else:
        np.add.at(steps_to, (c.hp, c.hto), 1)
    r, by, to, on = c.hp[anon], c.hby[anon], c.hto[anon], c.hon[anon].astype(np.int64)
    assigned = first_asg[r, by] <= on
    # (the level had it before: found there, or another step to it by then — a second step the same day counts too)
    held = (c.disc[r] & (c.dlev[r] == to)) | ((steps_to[r, to] >= 2) & (first_any[r, to] <= on))
    return np.flatnonzero(assigned & held)


def returned_reports(c: Cols, hp: I32, hact: I32, hby: I32, hto: I32, hon: I32, reports: Bool, counting: Bool,
                     nr: int) -> Bool | None:
    """:func:`returned_reports_numpy`, each record's few steps read against each other in one pass in C where the
    extension was built (``_derive.c``: returned), where numpy sorted every assignment's key twice (~0.2 CPU s of a
    1M run)."""
    if _c_returned is not None and len(hp):
        out = np.zeros(len(hp), np.bool_)
        got = _c_returned(out, _i32(hp), _i32(hact), _i32(hby), _i32(hto), _i32(hon), _bools(reports),
                          _bools(counting), nr, REPORTED)
        if got >= 0:
            return out if got else None
    return returned_reports_numpy(c, hp, hact, hby, hto, hon, reports, counting, nr)


def _i32(a: npt.NDArray[Any]) -> I32:
    return np.ascontiguousarray(a, np.int32)


def _i64(a: npt.NDArray[Any]) -> I64:
    return np.ascontiguousarray(a, np.int64)


def _bools(a: npt.NDArray[Any]) -> Bool:
    return np.ascontiguousarray(a, np.bool_)


def returned_reports_numpy(c: Cols, hp: I32, hact: I32, hby: I32, hto: I32, hon: I32, reports: Bool, counting: Bool,
                           nr: int) -> Bool | None:
    """Which steps (in :func:`derive`'s order) are reports that give the level they go to no holding
    (engine/_facts.py derive's ``returned``; check57 #1, fid61): a report (``reports``: one with a part, the engine's
    ``reports``) to a level that had assigned the problem to the reporter (any assignment) or been handed it itself by
    an assignment that counts (``counting``) — on an earlier day, or on the report's own day where the level had the
    problem before that step (its finder, or another step to it by then; the county's report to the province and the
    province's assignment back that day leave the province its holding) — unless another report to that level the
    same day is no such report. None where there is none."""
    rep = np.flatnonzero(reports)
    asg = np.flatnonzero(hact != REPORTED)
    if not len(rep) or not len(asg):
        return None
    far = np.iinfo(np.int64).max
    lo = int(hon.min())
    span = int(hon.max()) - lo + 1  # (a day within a key: record, levels, then the day)
    rec, day = hp[rep].astype(np.int64), hon[rep].astype(np.int64) - lo
    arec, aon = hp[asg].astype(np.int64), hon[asg].astype(np.int64) - lo

    def first_day(akey: I64, on: I64, rkey: I64) -> tuple[I64, Bool]:
        # (the first day an assignment of each report's key was made, ``far`` for none; and whether one was made on
        # the report's day: one sort of key and day, searched twice — no np.unique, which imports numpy.ma)
        if not len(akey):
            return np.full(len(rkey), far, np.int64), np.zeros(len(rkey), np.bool_)
        dated = np.sort(akey * span + on)
        last = len(dated) - 1
        at = dated[np.minimum(np.searchsorted(dated, rkey * span), last)]
        q = rkey * span + day
        that_day: Bool = dated[np.minimum(np.searchsorted(dated, q), last)] == q
        return np.where(at // span == rkey, at % span, far), that_day

    # (by the report's receiver to its sender, any; or to the receiver, one that counts)
    down, down_that_day = first_day((arec * nr + hby[asg]) * nr + hto[asg], aon,
                                    (rec * nr + hto[rep]) * nr + hby[rep])
    cnt = np.flatnonzero(counting[asg])
    handed, handed_that_day = first_day(arec[cnt] * nr + hto[asg[cnt]], aon[cnt], rec * nr + hto[rep])
    back = np.minimum(down, handed) < day
    same = ~back & (down_that_day | handed_that_day)
    if same.any():
        # (that day's step reads as before the report where the level had the problem before it: found there — its
        # find decides its holding, so the report's makes no difference — or another step to it by that day)
        to = np.sort((hp.astype(np.int64) * nr + hto) * span + (hon.astype(np.int64) - lo))
        at = rec[same] * nr + hto[rep[same]]
        steps_by = np.searchsorted(to, at * span + day[same], "right") - np.searchsorted(to, at * span, "left")
        back[np.flatnonzero(same)[steps_by >= 2]] = True
    if not back.any():
        return None
    # (by record, level and day: one report that is no such report leaves the level its holding that day)
    key = (rec * nr + hto[rep]) * span + day
    order = np.argsort(key, kind="stable")
    sk = key[order]
    new_group = np.r_[True, sk[1:] != sk[:-1]]
    whole = np.logical_and.reduceat(back[order], np.flatnonzero(new_group))
    back[order] = whole[np.cumsum(new_group) - 1]
    if not back.any():
        return None
    out = np.zeros(len(hp), np.bool_)
    out[rep[back]] = True
    return out


def returned_holders(c: Cols, hp: I32, hby: I32, hto: I32, htb: I32, hon: I32, held_by: Bool, gone_back: Bool,
                     press: Bool | None, disc: Bool, nr: int, limit: int, hact: I32,
                     received_all: I32) -> tuple[I32, I32, I64, bool]:
    """Who held the problem (:func:`holders`' received, holder_body and got) by the steps ``held_by`` marks, the
    reports :func:`returned_reports` found (``gone_back``) left out; a record the fast path cannot then read is marked
    slow (``c.slow``: the reference path), and the last value says whether one was: one with a pressing level's
    receipt (``press``), which the engine skips beside such a report the same day, and one where a level's first
    holding was such a report and a later report is its holding — its handling limit runs from the later day, while
    the steps that show a pass-down read the earlier (engine/_facts.py's ``holders`` list keeps both:
    ``received_all``)."""
    slow = False
    if press is not None:
        pressed = np.zeros(c.n, np.bool_)
        pressed[hp[press]] = True
        both = hp[gone_back][pressed[hp[gone_back]]]
        if len(both):
            c.slow[both] = True
            slow = True
    received, holder_body, _, _, got = holders(c, hp, hby, hto, htb, hon, held_by, disc, nr, limit, hact)
    # (the cells, then their records: a row-wise any() over records x levels cost as much as the compares)
    moved_on = np.flatnonzero((received != received_all) & (received != NONE)) // received.shape[1]
    if len(moved_on):
        c.slow[moved_on] = True
        slow = True
    return received, holder_body, got, slow


def own_level_receipts(c: Cols, t: Tables) -> None:
    """Mark slow (``c.slow``: the reference path) a record with an assignment by a level to a body of its own, at a
    level that for the kind only presses those below, by ``pressing_level_assignment: pass_down`` (the city's audit
    find given to 市住建部门 for a county's house): by engine/_facts.py derive's ``handover`` that body holds the
    problem from its day where the level handed it within its limit, and answers for not passing it down in place of
    the body receiving_level_body chose (review39 F1). Every such record goes, whatever its days (32 and 36 of 5,000 of
    the seeded test ledgers, which name a body in a fifth of their steps and often assign to the assigner's level)."""
    if not len(c.hp):
        return
    table = pressing_table(t)
    if table is None:
        return
    tb = c.htb if c.hcleared is None else np.maximum(c.htb, c.hcleared)
    at = np.flatnonzero((c.hby == c.hto) & (tb >= 0) & (c.hact != REPORTED))
    if not len(at):
        return
    w = c.hp[at]
    keep = ~c.slow[w]
    at, w = at[keep], w[keep]
    if not len(at):
        return
    pr = np.maximum(pick(t.place_rank, pick(c.place, w)), 0)
    a, k = pick(c.area, w), pick(c.kind, w)
    # (only to a body with a part: one with none is no receipt, irregular_step's, which the fast path reads; where its
    # part in the kind differs from ``part``, misassigned_steps has sent the record already)
    c.slow[w[table[a, k, pr, c.hto[at]] & t.part[a, k, tb[at]]]] = True


def record_lines(c: Cols, t: Tables) -> None:
    """The line each record's named departments give it (``c.line``: an index of ``t.lines``, 0 for none), as
    engine/_facts.py derive reads it (:func:`~responsibility.engine._facts.record_line`; review23 #2): of a record with
    a discovery, the departments among its finder, its steps' ``to_body`` (an assignment's only to a level that can
    rectify the kind, a report's only by a level that keeps 一(三)'s lists or whose own bodies rectify it, or to one
    whose own do; either where the record names no kind) and its concealers that may give it their line
    (:func:`giving_line`) — the finder only where its level's own bodies rectify the kind
    (``Tables.own_rectify_level``); one line, or none where they give two. The templates are placed by it (the line is
    part of their key: :meth:`Templates.codes`), and :func:`derive` reads the receiving body and the concealing body of
    such a record by it.

    What else derive reads by the line is whether a step's body has a part in the problem (engine/_facts.py
    ``to_right``, and assignment_without_rectification_duty's reading, ``_encode.level_holds``), which the fast path
    reads without the line (``Tables.part``): a record with a step to a body whose part the line changes takes the
    reference path (``c.slow``). A record with a ``sector`` takes it already (``SLOW_FIELDS``)."""
    c.line = None
    gives = giving_line(t)
    if not gives.any() or not c.n:
        return
    flat = gives.ravel()
    row = per_record(gives, c.area, c.kind)  # (each record's row of the table)
    recs: list[I64] = []
    bodies: list[I64] = []
    found = np.flatnonzero(c.disc & (c.dbody >= 0))
    if len(found):
        # (a body that gives its line only as an assignee, the 扶贫办, gives none as finder, receiver or concealer)
        found = found[~pick(t.assignee_only, c.dbody[found])]
        # (a finder gives its line only where its level's own bodies rectify the kind: engine/_facts.named_line)
        prank = np.maximum(pick(t.place_rank, pick(c.place, found)), 0)
        found = found[t.own_rectify_level[pick(c.area, found), pick(c.kind, found), prank,
                                          pick(t.body_rank, c.dbody[found])]]
        at = found[flat[row[found] + c.dbody[found]]]
        recs.append(at)
        bodies.append(c.dbody[at].astype(np.int64))
    tb: I32 | None = None
    if len(c.hp):
        # (a step's body as the record names it: one _encode.level_holds cleared still gives the record its line —
        # the school handed a student at the county, the education line)
        tb = c.htb if c.hcleared is None else np.maximum(c.htb, c.hcleared)
        at = named_steps = np.flatnonzero(tb >= 0)
        if len(at):
            w = c.hp[at]
            at = at[pick(c.disc, w) & flat[row[w] + tb[at]]]
            if len(at):
                # an assignment names its body only to a level that can rectify the kind (or where it names no kind):
                # one to a level that cannot is no 交办 and says nothing of whose line the problem is (R20-1)
                w = c.hp[at]
                prank = np.maximum(pick(t.place_rank, pick(c.place, w)), 0)
                assigned = c.hact[at] == 0
                a, k = pick(c.area, w), pick(c.kind, w)
                # a report's receiver only where the reporting level keeps 一(三)'s lists or its own bodies rectify the
                # kind, as the finder, or it goes to a level whose own bodies do (engine/_facts._named_line; check46 #1)
                sorts = t.policy._memo("batch: keeps lists", lambda: np.array(
                    [t.rank_level.get(r) is not None and keeps_lists(t.policy, t.rank_level[r])
                     for r in range(t.max_rank + 1)], np.bool_))
                named = ((k == 0) | np.where(assigned, t.rectify_level[a, k, prank, c.hto[at]]
                                             & ~_unlined(t)[a, k, prank, tb[at]],
                                             sorts[c.hby[at]] | t.own_rectify_level[a, k, prank, c.hby[at]]
                                             | t.own_rectify_level[a, k, prank, c.hto[at]])) & \
                    (assigned | ~pick(t.assignee_only, tb[at]))
                at = at[named]
                recs.append(c.hp[at].astype(np.int64))
                bodies.append(tb[at].astype(np.int64))
    if len(c.cp):
        at = np.flatnonzero(c.cbody >= 0)
        if len(at):
            w = c.cp[at]
            keep = pick(c.disc, w) & flat[row[w] + c.cbody[at]] & ~pick(t.assignee_only, c.cbody[at])
            recs.append(w[keep].astype(np.int64))
            bodies.append(c.cbody[at[keep]].astype(np.int64))
    if not recs or not sum(len(x) for x in recs):
        return
    rec, body = np.concatenate(recs), np.concatenate(bodies)
    line = pick(t.body_line, body)
    lo = np.full(c.n, np.iinfo(np.int32).max, np.int32)
    hi = np.zeros(c.n, np.int32)
    np.minimum.at(lo, rec, line)
    np.maximum.at(hi, rec, line)
    lined = np.flatnonzero(lo == hi)  # (two lines give none)
    if not len(lined):
        return
    c.line = np.zeros(c.n, np.int32)
    c.line[lined] = hi[lined]
    if tb is None:
        return
    # a step's body whose part in the problem the line changes (PolicyView.has_part with the line against without)
    # (of the steps naming a body, found above: a look-up of every step's record cost ~5% of derive)
    at = named_steps[pick(c.line, pick(c.hp, named_steps)) > 0]
    if not len(at):
        return
    w = c.hp[at]
    nb, nl = len(t.bodies), len(t.lines) + 1
    keys = ((c.area[w].astype(np.int64) * (len(t.kind_names) + 1) + c.kind[w]) * nl + c.line[w]) * nb + tb[at]
    # (a few steps a chunk, each key looked up once: not np.unique, which imports numpy.ma, ~0.01 CPU s a run)
    differ = np.array([not _same_part(t, k) for k in keys.tolist()], np.bool_)
    if differ.any():
        c.slow[w[differ]] = True


def _unlined(t: Tables) -> Bool:
    """Whether an assignment to a body (area, kind, place rank, body) gives a record naming no line no line: a body
    whose every duty to rectify the kind counts for a record of its line only, handed it for its level as a whole
    (assignment_without_rectification_duty: level_holds, ``Tables.level_holds``; engine/_facts._named_line,
    PolicyView.rectifies_for_named_line_only; check49 #3)."""
    got: Bool | None = t.__dict__.get("_unlined")  # (kept on the tables: one per view and jurisdiction)
    if got is None:
        got = np.zeros_like(t.level_holds)
        for a, k, place, b in zip(*np.nonzero(t.level_holds), strict=True):
            kid = t.kind_names[k - 1] if k else None
            got[a, k, place, b] = t.policy.rectifies_for_named_line_only(t.areas[a], kid, t.bodies[b], int(place))
        t.__dict__["_unlined"] = got
    return got


def _same_part(t: Tables, key: int) -> bool:
    """Whether a body has a part in a problem of an area and kind with the line as without it (``key``: area, kind
    code, line and body in :func:`record_lines`' radix; PolicyView.has_part keeps its answers)."""
    nb, nl = len(t.bodies), len(t.lines) + 1
    rest, b = divmod(key, nb)
    rest, line = divmod(rest, nl)
    a, kc = divmod(rest, len(t.kind_names) + 1)
    kind = t.kind_names[kc - 1] if kc else None
    return t.policy.has_part(t.areas[a], kind, t.bodies[b], t.lines[line - 1]) == bool(t.part[a, kc, b])


def misassigned_steps(c: Cols, t: Tables) -> None:
    """Mark slow (``c.slow``: the reference path) a record of a kind with an assignment to a body whose part in the
    kind (PolicyView.has_kind_part, by the record's line ``c.line``: engine/_facts.py ``to_right`` reads an
    assignment's body so) is not its part in the area that the fast path reads for every step (``Tables.part``):
    县人社局 handed late basic-living payments, a part elsewhere in 两不愁 only, is no 交办 (review38b F1). Where the
    two agree, ``part`` and assignment_without_rectification_duty's table (``Tables.level_holds``, built on it) read
    the step as derive does. A body _encode.level_holds cleared is read as the record names it (``hcleared``).

    A record with such a cleared step takes the reference path too, where misassigned_body_passes_on is true: whether
    the body so handed the problem sat on it past the handling limit, and answers for it (engine/_facts.py
    ``_misassigned``: review40 F2, check40 C7), the fast path does not read. (Under false it names nobody: only the
    verdict's interpretations, which bulk rows do not carry, say the reading.)"""
    if not len(c.hp):
        return
    if c.hcleared is not None and PASSES_ON in t.policy.parameters and t.policy.parameter(PASSES_ON):
        cleared = c.hp[c.hcleared >= 0]
        if len(cleared):
            c.slow[cleared] = True
    tb = c.htb if c.hcleared is None else np.maximum(c.htb, c.hcleared)
    at = np.flatnonzero((tb >= 0) & (c.hact != REPORTED))
    if not len(at):
        return
    w = c.hp[at]
    keep = (pick(c.kind, w) != 0) & ~c.slow[w]
    at, w = at[keep], w[keep]
    if not len(at):
        return
    a, kc, b = pick(c.area, w), pick(c.kind, w), tb[at]
    differ = t.part[a, kc, b] != t.kind_part[a, kc, b]
    if c.line is not None:
        # (a step of a record with a line: its part in the kind by that line, each key looked up once — a few a chunk)
        lined = np.flatnonzero(pick(c.line, w) > 0)
        if len(lined):
            line = pick(c.line, w[lined])
            differ[lined] = [
                t.policy.has_kind_part(t.areas[x], t.kind_names[k - 1], t.bodies[y], t.lines[ln - 1]) != t.part[x, k, y]
                for x, k, y, ln in zip(a[lined].tolist(), kc[lined].tolist(), b[lined].tolist(), line.tolist(),
                                       strict=True)]
    if differ.any():
        c.slow[w[differ]] = True


def lined_receivers(t: Tables, area: I32, kind: I32, prank: I64, level: I64, line: I32) -> I32:
    """:func:`receiving_bodies` for records whose named departments give them a line: engine/_facts.py
    :func:`~responsibility.engine._facts.receiving_body` with that line (the line's department at the level where it
    has a part in the problem; -1 where none, or where the parameter decides nothing)."""
    policy = t.policy
    nr, nl = t.max_rank + 1, len(t.lines) + 1
    keys = (((area.astype(np.int64) * (len(t.kind_names) + 1) + kind) * nr + prank) * nr + level) * nl + line
    # (each distinct key looked up once: sorted, not np.unique, which imports numpy.ma)
    order = np.argsort(keys, kind="stable")
    ks = keys[order]
    head = np.flatnonzero(np.concatenate([[True], ks[1:] != ks[:-1]])) if len(ks) else np.zeros(0, np.int64)
    got = np.full(len(head), -1, np.int32)
    memo: dict[int, int] = policy._memo(LINED_RECEIVERS, dict)  # (saved with the templates: keep_asked)
    for i, key in enumerate(ks[head].tolist()):
        body_at = memo.get(key)
        if body_at is None:
            rest, ln = divmod(key, nl)
            rest, lv = divmod(rest, nr)
            rest, place = divmod(rest, nr)
            a, kc = divmod(rest, len(t.kind_names) + 1)
            body = receiving_body(policy, t.areas[a], t.kind_names[kc - 1] if kc else None, t.rank_level[lv],
                                  t.lines[ln - 1], place)
            body_at = memo[key] = -1 if body is None else t.body_index[body]
        got[i] = body_at
    out = np.empty(len(keys), np.int32)
    out[order] = np.repeat(got, np.diff(np.append(head, len(ks))))
    return out


def line_body(t: Tables, area: I32, kind: I32, level: I32, line: I32) -> I32:
    """The body a level named as concealer stands for in a record of an area and kind (code 0: none) whose named
    departments give it a line, by ``concealing_level_body: unresolved`` (engine/_facts.py ``_concealer``,
    :func:`~responsibility.engine._facts.line_concealer`): the line's department at the level where it holds the
    kind's part there, else the one body the kind gives the level, else the line's department, else its role body; -1
    at a level without one (its holders answer)."""
    out = np.full(len(level), -1, np.int32)
    for i, (a, kc, lv, ln) in enumerate(zip(area.tolist(), kind.tolist(), level.tolist(), line.tolist(),
                                             strict=True)):
        body = line_concealer(t.policy, t.areas[a], t.kind_names[kc - 1] if kc else None, t.rank_level[lv],
                              t.lines[ln - 1])
        if body is not None:
            out[i] = t.body_index[body]
    return out


def giving_line(t: Tables) -> Bool:
    """``[area, kind code, body]``: whether naming the body in a record of that area and kind (code 0: none) gives the
    record its line, where it names no other (engine/_facts.py :func:`~responsibility.engine._facts.record_line`),
    kept per policy and tables: ``Tables.giving`` (shared with the views whose values of the parameters it read are
    the same: :func:`~._tables.shared_part`), made here for tables saved before they held it."""
    policy = t.policy
    memo: dict[tuple[tuple[str, ...], ...], Bool] = policy._memo("batch: giving line", dict)
    key = (tuple(t.areas), tuple(t.kind_names), tuple(t.bodies))
    got = memo.get(key)
    if got is None:
        got = t.__dict__.get("giving")
        if got is None:
            got = shared_part(policy, "giving", t._giving).tables["giving"]
        got = memo.setdefault(key, got)
    return got


def kindless_place_steps_numpy(c: Cols, t: Tables) -> None:
    """:func:`kindless_place_steps` in numpy (the reference the tests compare the C pass with)."""
    if not len(c.hp):
        return
    hp = c.hp
    kindless = pick(c.kind, hp) == 0
    if not kindless.any():
        return
    pr = np.maximum(pick(pick(t.place_rank, c.place), hp), 0)
    odd = kindless & (c.hact != REPORTED) & (c.hto == pr)
    at = np.nonzero(odd)[0]
    if not len(at):
        return
    w, place, by = hp[at], pr[at], c.hby[at]
    rect = t.rectify_level[c.area[w], 0, place]  # (steps, levels)
    levels = np.arange(rect.shape[1])
    between = (rect & (levels >= place[:, None]) & (levels < by[:, None])).any(axis=1)
    own = t.own_rectify_level[c.area[w], 0, place]
    own_at_place = (own & (levels >= place[:, None])).any(axis=1)
    c.slow[w[~between & ~own_at_place]] = True


#: What :func:`step_flags` gives of each step, in the order of the rows of ``_derive.c``'s step_flags.
STEP_FLAGS = ("part", "kinded", "can_fix", "up", "at_place", "counting", "down", "reported", "wrong", "high")


def step_flags(c: Cols, t: Tables, prank: I32, auth: I32, nominal: I32, hp: I32, hact: I32, hby: I32, hto: I32,
               htb: I32) -> tuple[Any, ...]:
    """What :func:`derive` asks of each step (record ``hp``, action ``hact``, acting level ``hby``, handed to level
    ``hto`` and body ``htb``), each a bool per step (:data:`STEP_FLAGS`): its body has a part in the problem (none
    named, or ``t.part``), the problem has a kind, a body at ``hto`` can rectify it, it counts upward (a report below
    the kind's own authority ``nominal``, another step at or above the record's ``auth``, with a part), it may be an
    assignment to a named body of the place's level (``at_place``, before the few are looked at), an assignment that
    counts (not a report, with a part, not a level below the authority taking it on itself), one passing it down
    below the authority (to a lower level, with a part), a report with a part, an assignment counting upward in a
    problem of a kind (``wrong``: to be looked at), a report with a part at or above the kind's own authority in a
    problem of a kind (``high``); then the lower of ``hby`` and the authority (int32). In one pass in C where the
    extension was built (``_derive.c``), else :func:`step_flags_numpy`."""
    if _c_step_flags is not None and t.part.flags.c_contiguous and t.rectify_level.flags.c_contiguous:
        m, i32 = len(hp), np.int32
        flags, top = np.empty((len(STEP_FLAGS), m), np.bool_), np.empty(m, i32)
        rect_row = per_record(t.rectify_level, c.area, c.kind, prank % t.rectify_level.shape[2])
        got = _c_step_flags(flags, top, *(np.ascontiguousarray(x, i32) for x in (hp, hact, hby, hto, htb)),
                            per_record(t.part, c.area, c.kind), rect_row,
                            *(np.ascontiguousarray(x, i32) for x in (c.kind, auth, nominal, np.maximum(prank, 0))),
                            t.part, t.rectify_level, bool(t.place_assignee), REPORTED)
        if got == 0:
            return (*flags, top)
    return step_flags_numpy(c, t, prank, auth, nominal, hp, hact, hby, hto, htb)


def step_flags_numpy(c: Cols, t: Tables, prank: I32, auth: I32, nominal: I32, hp: I32, hact: I32, hby: I32, hto: I32,
                     htb: I32) -> tuple[Any, ...]:
    """:func:`step_flags` in numpy (the reference the tests compare with)."""
    part = (htb < 0) | t.part.ravel()[per_record(t.part, c.area, c.kind)[hp] + np.maximum(htb, 0)]
    kinded = c.kind[hp] != 0
    can_fix = rectifies(t, c.area, c.kind, prank, hp, hto)
    reported = hact == REPORTED
    up = np.where(reported, hby < nominal[hp], hby >= auth[hp]) & part
    at_place = kinded & (hto == np.maximum(prank, 0)[hp]) & (htb >= 0) & t.place_assignee
    counting = ~reported & part & ~((hby == hto) & (hto < auth[hp]))
    down = ~reported & (hby < auth[hp]) & (hto < hby) & part
    wrong = up & ~reported & kinded
    high = reported & (hby >= nominal[hp]) & part & kinded
    return (part, kinded, can_fix, up, at_place, counting, down, reported & part, wrong, high,
            np.minimum(hby, auth[hp]).astype(np.int32))

def late_named(c: Cols, t: Tables, asg: I64, lvkey: I64, gb: I64, has: Bool, upos: I64, at: I64, hp: I32, hto: I32,
               htb: I32, hon: I32, nb: int, rect_limit: int) -> tuple[I64, I64, I64, I64, I64, I64]:
    """The rectification groups with the departments handed the problem only after the deadline of their level's
    assignment as a whole (engine/_facts.py ``later`` of an ``unrectified`` fact; fidelity13 R-late).

    ``asg`` (positions of the counting assignments in the steps), ``lvkey`` (record × levels + level), ``gb`` (the
    group's body: -1 for the level's, from its first body-less assignment on), ``has``/``upos``/``at`` (whether a
    record's level has such an assignment, the position of its first, and where each assignment's level is among
    them): at a level with departments (a role body), a department whose first assignment from the level's first
    body-less one on (and none before it: R9A-6 keeps that one's own group) is after that group's deadline (the
    record's, unless it had passed that day: then the rectification limit from it) gets its own group too — its
    assignments again, with ``gb`` its body. Returns the three arrays with those added at the end, the (record ×
    levels + level) keys of the levels with such departments (sorted) and their codes (1 + the first body's index,
    plus (len(t.bodies) + 1) × (1 + the second's)), and the records with three such at a level, marked slow
    (``c.slow``) for the reference path."""
    none = np.zeros(0, np.int64)
    named = np.nonzero((gb < 0) & (htb[asg] >= 0))[0] if len(upos) else none
    if len(named):
        named = named[t.level_role[hto[asg[named]]] >= 0]
    if not len(named):
        return asg, lvkey, gb, none, none, none
    bkey = lvkey[named] * nb + htb[asg[named]]
    early = lvkey[has & (gb >= 0)] * nb + gb[has & (gb >= 0)]  # named before the level's first body-less one
    if len(early):
        keep = ~np.isin(bkey, early)
        named, bkey = named[keep], bkey[keep]
    ukey, first = np.unique(bkey, return_index=True)  # (the assignments are by record, then day: the first is first)
    fpos = named[first]
    w = hp[asg[fpos]]
    whole_on = hon[asg[upos[at[fpos]]]].astype(np.int64)
    dl = c.deadline[w].astype(np.int64)
    due = np.where((c.deadline[w] != NONE) & (dl >= whole_on), dl, whole_on + rect_limit)
    late = ukey[hon[asg[fpos]].astype(np.int64) > due]
    if not len(late):
        return asg, lvkey, gb, none, none, none
    dup = named[np.isin(bkey, late)]
    asg = np.concatenate([asg, asg[dup]])
    lvkey = np.concatenate([lvkey, lvkey[dup]])
    gb = np.concatenate([gb, htb[asg[dup]].astype(np.int64)])
    # up to two per record and level ride on the level's fact (sorted by record, level, body); a third: reference path
    lk, b = np.divmod(late, nb)
    keys, codes, slowed = two_per_level(c, t, lk, b)
    return asg, lvkey, gb, keys, codes, slowed


def later_bodies(c: Cols, t: Tables, ur: I64, ul: I64, received: I32, holder_body: I32, hp: I32, hby: I32, hto: I32,
                 htb: I32, hon: I32, part: Bool, acts: Bool, auth: I32, asof: I64, limit: int) -> tuple[I64, I64]:
    """For each late level (record ``ur``, level ``ul``: its ``unhandled`` fact), the department of that level the
    record shows was first handed the problem after the level's handling limit and did not then hold it past its own
    limit with the level's handling undone (engine/_facts.py ``_later``), as a code: 0 for none, else 1 + the first
    such body's index, plus (len(t.bodies) + 1) × (1 + the second's) where there is a second; and the records with
    three such at one level, marked slow (``c.slow``) for the reference path. ``acts``: the steps that dispose of the
    problem for the level taking them (made on or after it received it; engine/_facts.py ``acted``, any day). A
    record with a department that did hold it past its own limit (it answers from its own day) is marked slow too."""
    out = np.zeros(len(ur), np.int64)
    none = np.zeros(0, np.int64)
    if not len(ur):
        return out, none
    n, nr = c.n, t.max_rank + 1
    # steps naming a department (a body at a level with a role body) with a part in the problem, at a late level,
    # other than the body the level received it through
    cand = np.nonzero((htb >= 0) & part & (pick(t.level_role, hto) >= 0))[0]
    if not len(cand):
        return out, none
    late_at = np.zeros((n, nr), np.bool_)
    put(late_at, True, ur, ul)
    cand = cand[take(late_at, hp[cand], hto[cand]) & (htb[cand] != take(holder_body, hp[cand], hto[cand]))]
    if not len(cand):
        return out, none
    # the day each (record, level, department) was first named: the steps are by record, then day
    nb = len(t.bodies) + 1
    key = (hp[cand].astype(np.int64) * nr + hto[cand]) * nb + htb[cand]
    _, at = np.unique(key, return_index=True)
    w, lv, b, first = hp[cand][at], hto[cand][at], htb[cand][at], hon[cand][at].astype(np.int64)
    got = take(received, w, lv).astype(np.int64)
    keep = first > got + limit
    w, lv, b, first, got = w[keep], lv[keep], b[keep], first[keep], got[keep]
    if not len(w):
        return out, none
    # the first day on or after each level received it that its handling was done (a step of its own that disposes of
    # it; below the authority, any step of a higher level): a department that held it past its own limit before it
    # answers for its own delay
    among = np.zeros(n, np.bool_)
    among[w] = True
    mine = np.nonzero(among[hp])[0]  # the steps of those records
    big = np.iinfo(np.int64).max
    done = np.full((n, nr), big, np.int64)
    e = mine[acts[mine]]
    np.minimum.at(done, (hp[e], hby[e]), hon[e].astype(np.int64))
    for level in range(nr):
        e = mine[(hby[mine] > level) & (level < auth[hp[mine]])]
        e = e[hon[e] >= take(received, hp[e], np.full(len(e), level, np.int64))]
        np.minimum.at(done[:, level], hp[e], hon[e].astype(np.int64))
    end = first + limit
    sat = (asof[w] > end) & (take(done, w, lv) > end)
    # one that did answers from the day it was handed it, which its reason says (engine/_facts.py Context.handed):
    # rare, so its record takes the reference path
    own = distinct(w[sat]).astype(np.int64) if sat.any() else none
    if len(own):
        c.slow[own] = True
    w, lv, b = w[~sat], lv[~sat], b[~sat]
    if not len(w):
        return out, own
    # up to two per (record, level) ride on the fact (sorted by record, level, body: the first and the second); a third
    # sends its record to the reference path
    keys, codes, moved = two_per_level(c, t, w.astype(np.int64) * nr + lv, b)
    code = np.zeros((n, nr), np.int64)
    put(code, codes, keys // nr, keys % nr)
    return take(code, ur, ul).astype(np.int64), np.concatenate([moved, own]) if len(own) else moved


def two_per_level(c: Cols, t: Tables, lk: I64, b: npt.NDArray[Any]) -> tuple[I64, I64, I64]:
    """The departments ``b`` of each (record × levels + level) key ``lk`` (equal keys adjacent, in body order) as the
    code a level's fact carries: the keys once each, and their codes (1 + the first body's index, plus (len(t.bodies)
    + 1) × (1 + the second's) where there is a second); and the records with a third at a level, marked slow
    (``c.slow``) for the reference path."""
    nb = len(t.bodies) + 1
    second = np.zeros(len(lk), np.bool_)
    second[1:] = lk[1:] == lk[:-1]
    third = np.zeros(len(lk), np.bool_)
    third[2:] = second[2:] & second[1:-1]
    slowed = distinct(lk[third] // (t.max_rank + 1)).astype(np.int64)
    if len(slowed):
        c.slow[slowed] = True
    keys = lk[~second]
    codes = (b[~second] + 1).astype(np.int64)
    both = second & ~third
    codes[(np.cumsum(~second) - 1)[both]] += (b[both] + 1).astype(np.int64) * nb  # (a second's first is the row before)
    return keys, codes, slowed


def distinct(values: npt.NDArray[Any]) -> npt.NDArray[Any]:
    """The distinct values, sorted: ``np.unique(values)``, which imports numpy.ma on its first call (~0.01 CPU s of a
    short run)."""
    v = np.sort(np.asarray(values).reshape(-1))
    got: npt.NDArray[Any] = v[np.concatenate([[True], v[1:] != v[:-1]])] if len(v) else v
    return got


def _flat(shape: tuple[int, ...], index: tuple[Any, ...]) -> I64 | None:
    """The flat positions of ``index`` in an array of ``shape``, or ``None`` where a part of it is outside its axis
    (then numpy's own indexing decides: it wraps a negative index or raises)."""
    flat: I64 | None = None
    for size, i in zip(shape, index, strict=True):
        i = np.asarray(i)
        if i.size and (int(i.min()) < 0 or int(i.max()) >= size):
            return None
        flat = i.astype(np.int64) if flat is None else flat * size + i
    return flat


def _cells(table: npt.NDArray[Any], index: tuple[Any, ...]) -> tuple[Any, ...] | None:
    """What the C take2 / put2 take for ``table[index]`` (a C-ordered 2-d table of bool, int32 or int64 items, by two
    int32 or int64 index arrays of one length), or ``None`` where that is not what is asked."""
    if _c_take2 is None or table.ndim != 2 or len(index) != 2 or not table.flags.c_contiguous \
            or table.dtype.itemsize not in (1, 4, 8) or table.dtype.kind not in "biu":
        return None
    i, j = index
    if not (isinstance(i, np.ndarray) and isinstance(j, np.ndarray) and i.ndim == j.ndim == 1 and len(i) == len(j)
            and i.dtype in _INDEX_TYPES and j.dtype in _INDEX_TYPES):
        return None
    return (np.ascontiguousarray(i), np.ascontiguousarray(j), *table.shape, table.dtype.itemsize, i.dtype.itemsize == 8,
            j.dtype.itemsize == 8)


_INDEX_TYPES = (np.dtype(np.int32), np.dtype(np.int64))


def take(table: npt.NDArray[Any], *index: Any) -> npt.NDArray[Any]:
    """``table[index]`` for an index of integer arrays (or integers), as one take of the flat positions: numpy's
    indexing by several arrays costs 2–5× as much (its result either way); a 2-d table's by two index arrays in one
    pass in C where the extension was built (``_derive.c``: take2)."""
    cells = _cells(table, index)
    if cells is not None:
        out = np.empty(len(cells[0]), table.dtype)
        if _c_take2 is not None and _c_take2(table, out, *cells) == 0:  # (-1: an index outside its axis)
            return out
    flat = _flat(table.shape, index)
    got: npt.NDArray[Any] = table[index] if flat is None else pick(table.reshape(-1), flat)
    return got


def put(table: npt.NDArray[Any], value: Any, *index: Any) -> None:
    """``table[index] = value`` as :func:`take` reads it (the last of equal positions wins, as there; in C as
    there)."""
    cells = _cells(table, index)
    if cells is not None:
        values = np.ascontiguousarray(np.asarray(value).astype(table.dtype, copy=False))
        if values.shape in ((), (len(cells[0]),)) and _c_put2 is not None and _c_put2(table, values, *cells) == 0:
            return
    flat = _flat(table.shape, index) if table.flags.c_contiguous else None  # (else a flat view would be a copy)
    if flat is None:
        table[index] = value
    else:
        table.reshape(-1)[flat] = value


def unique_at(keys: npt.NDArray[Any], group: npt.NDArray[Any], *, last: bool = False) -> tuple[I64, I64]:
    """The distinct ``keys``, sorted, and where each comes first (``last``: last): ``np.unique(keys,
    return_index=True)``. The keys of derive come by record (``group``, nondecreasing), each record's above the
    one's before: in C where the extension was built, each record's few are sorted alone; else, or where they do
    not come so, :func:`unique_at_numpy`."""
    k = np.ascontiguousarray(keys, np.int64)
    if _c_first_of is not None:
        out, at = np.empty(len(k), np.int64), np.empty(len(k), np.int64)
        count = _c_first_of(out, at, k, np.ascontiguousarray(group, np.int32), last)
        if count >= 0:
            return out[:count], at[:count]
    return unique_at_numpy(k, last=last)


def unique_at_numpy(keys: I64, *, last: bool = False) -> tuple[I64, I64]:
    """:func:`unique_at` in numpy (a sort of all the keys; the reference the tests compare with)."""
    if not last:
        got, at = np.unique(keys, return_index=True)
        return got, at.astype(np.int64, copy=False)
    got, at = np.unique(keys[::-1], return_index=True)
    return got, np.asarray(len(keys) - 1 - at, np.int64)


def shown_pass_down(c: Cols, t: Tables, ur: I64, ul: I64, received: I32, auth: I32, pr: I64, hp: I32, hact: I32,
                    hby: I32, hto: I32, hon: I32, limit: int) -> Bool | None:
    """Which late levels (records ``ur``, levels ``ul``) at or above their record's authority ``auth`` a step shows
    passed the problem down in time (engine/_facts.py :func:`~responsibility.engine._facts._shown_pass_down`): an
    assignment by a lower level at or above the place (``pr``) that can rectify the problem, that had not held it nor
    been handed it by the step's day, within ``limit`` days of the late level's receiving it, the late level being the
    lowest above it that held it by then. None where there is none. In one pass over the steps in C where the
    extension was built (``_derive.c``: pass_down; the numpy below made records x levels tables, a ``np.minimum.at``
    over every step and a loop over the levels: ~a quarter of derive), else :func:`shown_pass_down_numpy`."""
    rect = t.rectify_level
    if _c_pass_down is not None and received.ndim == 2 and received.shape[1] <= 32 and rect.flags.c_contiguous \
            and received.flags.c_contiguous and received.dtype == np.int32:
        i32 = np.int32
        out = np.empty(len(ur), np.bool_)
        # (a level's step within itself hands it nothing (engine/_facts.py _shown_pass_down): the kernel reads a step's
        # level to only for the first day each level was handed it, and the top level's never — no level above it can
        # be shown passing it down — so such a step is read as to the top level)
        to = np.where(hby == hto, i32(received.shape[1] - 1), hto) if received.shape[1] else hto
        got = _c_pass_down(out, np.ascontiguousarray(ur, np.int64), np.ascontiguousarray(ul, np.int64),
                           np.ascontiguousarray(auth, i32), received,
                           *(np.ascontiguousarray(x, i32) for x in (c.area, c.kind, pr)), rect,
                           *(np.ascontiguousarray(x, i32) for x in (hp, hact, hby, to, hon)), rect.shape[0],
                           rect.shape[1], limit, REPORTED)
        if got >= 0:
            return out if got else None
    return shown_pass_down_numpy(c, t, ur, ul, received, auth, pr, hp, hact, hby, hto, hon, limit)


def shown_pass_down_numpy(c: Cols, t: Tables, ur: I64, ul: I64, received: I32, auth: I32, pr: I64, hp: I32,
                          hact: I32, hby: I32, hto: I32, hon: I32, limit: int) -> Bool | None:
    """:func:`shown_pass_down` in numpy (the reference the tests compare with; a loop over the few levels)."""
    n, nr = received.shape
    late = np.zeros((n, nr), np.bool_)
    high = np.flatnonzero(ul >= pick(auth, ur))
    if not len(high):
        return None
    late[pick(ur, high), pick(ul, high)] = True
    cand = (hact != REPORTED) & (hby >= pick(pr, hp)) & late[hp].any(axis=1)
    if not cand.any():
        return None
    never = np.iinfo(np.int32).max
    first_to = np.full((n, nr), never, np.int64)  # the first day a step handed each record's level the problem
    other = hby != hto  # (by another level: a level's own step within itself hands it nothing)
    np.minimum.at(first_to, (hp[other], hto[other]), hon[other].astype(np.int64))
    shown = np.zeros((n, nr), np.bool_)
    for lv in range(1, nr):
        at = np.flatnonzero(cand & (hby < lv))
        if not len(at):
            continue
        r, b, on = pick(hp, at), pick(hby, at), pick(hon, at).astype(np.int64)
        got = received[r, lv].astype(np.int64)
        ok = late[r, lv] & (got != NONE) & (got <= on) & (on <= got + limit)
        ok &= t.rectify_level[pick(c.area, r), pick(c.kind, r), pick(pr, r), b]
        rb = received[r, b].astype(np.int64)
        ok &= ((rb == NONE) | (rb > on)) & (first_to[r, b] > on)
        for mid in range(1, lv):  # no holder between the step's level and this one by then
            rm = received[r, mid].astype(np.int64)
            ok &= (mid <= b) | (rm == NONE) | (rm > on)
        shown[r[ok], lv] = True
    got_down = shown[ur, ul]
    return got_down if bool(got_down.any()) else None


def late_levels(received: I32, asof: I64, hp: I32, hby: I32, hon: I32, acted: Bool, top: npt.NDArray[Any],
                limit: int) -> tuple[I64, I64, Bool]:
    """The levels late in handling, by record then level: (record, level, whether a step of the level came after its
    limit). A holder (``received`` not NONE) is in time where a step of it ``acted``, or a step ``i`` of a level
    above it (below ``top[i]``) came within ``limit`` days of its receiving it; late where it is not and its limit
    had passed by the record's ``asof``. One pass over the steps and one over the levels in C where the extension
    was built (``_derive.c``), else :func:`late_levels_numpy`."""
    n, nr = received.shape
    if _c_late_levels is None or nr > 32:  # (the kernel keeps a record's levels as the bits of a word)
        return late_levels_numpy(received, asof, hp, hby, hon, acted, top, limit)
    flags = np.zeros(2 * n, np.uint32)
    ur, ul = np.empty(received.size, np.int64), np.empty(received.size, np.int64)  # (only the late ones are touched)
    stepped = np.empty(received.size, np.bool_)
    i32 = np.int32
    steps = (np.ascontiguousarray(a, i32) for a in (hp, hby, hon))
    count = _c_late_levels(flags, ur, ul, stepped, np.ascontiguousarray(received, i32),
                           np.ascontiguousarray(asof, np.int64), *steps, np.ascontiguousarray(acted, np.bool_),
                           np.ascontiguousarray(top, i32), nr, limit)
    return ur[:count], ul[:count], stepped[:count]


def late_levels_numpy(received: I32, asof: I64, hp: I32, hby: I32, hon: I32, acted: Bool, top: npt.NDArray[Any],
                      limit: int) -> tuple[I64, I64, Bool]:
    """:func:`late_levels` in numpy (the reference the tests compare with)."""
    n, nr = received.shape
    in_time = np.zeros((n, nr), np.bool_)
    put(in_time, True, hp[acted], hby[acted])
    in_time_below(in_time, received, hp, hon, top, limit)
    stepped = np.zeros((n, nr), np.bool_)
    got = take(received, hp, hby).astype(np.int64)
    shown = (got != NONE) & (hon > got + limit)
    put(stepped, True, hp[shown], hby[shown])
    late = (received != NONE) & ~in_time & (asof[:, None] > received.astype(np.int64) + limit)
    ur, ul = np.divmod(np.flatnonzero(late), nr)  # (as np.nonzero of the 2-d array, in one pass)
    return ur, ul, take(stepped, ur, ul)


def in_time_below(in_time: Bool, received: I32, hp: I32, hon: I32, top: npt.NDArray[Any], limit: int) -> None:
    """Mark ``in_time[hp[i], low]`` for each step ``i`` and level ``low < top[i]`` that received the problem
    (``received``, NONE where it did not) at most ``limit`` days before the step's day ``hon[i]``: one pass
    over the steps in C where the extension was built (``_gather.c``), else :func:`in_time_below_numpy`."""
    if _c_in_time_below is None:
        in_time_below_numpy(in_time, received, hp, hon, top, limit)
        return
    i32 = np.int32
    _c_in_time_below(in_time, np.ascontiguousarray(received, i32), np.ascontiguousarray(hp, i32),
                     np.ascontiguousarray(hon, i32), np.ascontiguousarray(top, i32), received.shape[1], limit)


def in_time_below_numpy(in_time: Bool, received: I32, hp: I32, hon: I32, top: npt.NDArray[Any], limit: int) -> None:
    """:func:`in_time_below` in numpy (a pass over the steps per level; the reference the tests compare with)."""
    for low in range(received.shape[1]):
        got_low = received[hp, low].astype(np.int64)
        m = (top > low) & (got_low != NONE) & (hon >= got_low) & (hon <= got_low + limit)
        in_time[hp[m], low] = True


def locate(keys: I64, queries: npt.NDArray[Any]) -> I64:
    """Where each of ``queries`` goes in the sorted ``keys`` (``np.searchsorted(keys, queries)``): in C where the
    extension was built, each search starting where the one before ended (derive's queries come by record, mostly
    in order), else :func:`locate_numpy`."""
    if _c_locate is None:
        return locate_numpy(keys, queries)
    out = np.empty(len(queries), np.int64)
    _c_locate(out, np.ascontiguousarray(keys, np.int64), np.ascontiguousarray(queries, np.int64))
    return out


def locate_numpy(keys: I64, queries: npt.NDArray[Any]) -> I64:
    """:func:`locate` in numpy (the reference the tests compare with)."""
    got: I64 = np.searchsorted(keys, queries).astype(np.int64, copy=False)
    return got


def spread(tids: I64, counts: I64, starts: I64) -> tuple[I64, I64]:
    """For each fact ``i`` with ``counts[i]`` rows from ``starts[tids[i]]`` on: ``i`` and its template row,
    once per row (in C where the extension was built, else :func:`spread_numpy`)."""
    if _c_spread is None:
        return spread_numpy(tids, counts, starts)
    total = int(counts.sum())
    which, row = np.empty(total, np.int64), np.empty(total, np.int64)
    i64 = np.int64
    _c_spread(which, row, np.ascontiguousarray(tids, i64), np.ascontiguousarray(counts, i64),
              np.ascontiguousarray(starts, i64))
    return which, row


def spread_numpy(tids: I64, counts: I64, starts: I64) -> tuple[I64, I64]:
    """:func:`spread` in numpy (the reference the tests compare with)."""
    which = np.repeat(np.arange(len(tids)), counts)
    first = np.cumsum(counts) - counts
    row: I64 = starts[tids][which] + np.arange(len(which)) - np.repeat(first, counts)
    return which, row


def rectifies(t: Tables, area: I32, kind: I32, prank: I32, rec: I32, level: I32) -> Bool:
    """Whether a body at ``level`` can rectify the problem of record ``rec`` (``t.rectify_level``,
    looked up by one flat index)."""
    flat = per_record(t.rectify_level, area, kind, prank % t.rectify_level.shape[2])[rec] + level
    got: Bool = t.rectify_level.ravel()[flat]
    return got


def per_record(table: npt.NDArray[Any], *index: npt.NDArray[Any]) -> I64:
    """The flat position in ``table`` of each record's row ``table[index]`` (its first axes indexed by per-record
    codes, which index safely): a step's look-up is then one gather by its record, plus its own last index."""
    flat = np.zeros(len(index[0]), np.int64)
    for size, i in zip(table.shape, index, strict=False):
        flat *= size
        flat += i
    flat *= int(np.prod(table.shape[len(index):]))
    return flat


class Templates:
    """What one fact of one problem base gives, made on first use, kept as flat rows.

    A template is a run of rows (``start``, ``count``); each row is one finding in verdict
    order: its sort rank, body, basis, liability, clauses (ids joined by ``;``), reason
    pieces (literal text, or the index of a :data:`CONTEXT_FIELDS` slot) and the level rank
    of its fact (for ``received``; -1 when the fact has none).
    """

    def __init__(self, t: Tables, lang: str) -> None:
        self.t = t
        self.lang = lang
        self._ids = Interned(self._new)
        self.start: list[int] = []
        self.count: list[int] = []
        self.rank: list[int] = []
        self.body: list[int] = []
        self.basis: list[int] = []
        self.liability: list[int] = []
        self.clauses: list[str] = []
        self.pieces: list[list[str | int]] = []
        self.fact_level: list[int] = []
        self.merge: list[int] = []  # rows of two facts that merge into one finding equal that finding if equal here
        self._merges: dict[tuple[tuple[str, ...], str], int] = {}
        self._merge_keys: list[tuple[tuple[str, ...], str]] = []
        self._arrays: dict[str, npt.NDArray[np.int64]] = {}
        self._raising: Bool | None = None
        self._memo: dict[tuple[object, ...], tuple[str, list[str | int]]] = {}
        self._acting: dict[int, int] = {}  # (:meth:`acting_levels`, by template key)
        self._placed: dict[tuple[object, ...], list[tuple[int, tuple[int, int, int], str, list[str | int], int]]] = {}
        self._marks = {f: f"\x00{i}\x00" for i, f in enumerate(CONTEXT_FIELDS)}
        #: what derive asked of the policy in Python, by codes (:data:`ASKED`: the policy's memos of them), kept with
        #: the templates (:func:`keep_asked`) so that a run from a saved entry asks none of it again
        self.asked: dict[str, Any] = {}
        # row 0 is a placeholder that stands in for rows the reference path gives
        for name in ("rank", "body", "basis", "liability"):
            getattr(self, name).append(0)
        self.fact_level.append(-1)
        self.merge.append(-1)
        self.clauses.append("")
        self.pieces.append([])
        # (the severity's digit carries the record's line too: severity + line x (severities + 1); record_lines)
        # (an unrectified fact's flag: the levels above it shown, below the factor of shown_levels)
        self.shown_factor, self.shown_ranks = shown_levels(t)
        # (every unrectified fact carries a field per level not marked grassroots, as engine/_facts.py's do)
        self._unshown = {shown_field(r): 0 for r in shown_ranks(t.policy)}
        self.radix = (len(t.kind_names) + 1, (len(SEVERITIES) + 1) * (len(t.lines) + 1), t.max_rank + 1,
                      len(FACT_TYPES), t.max_rank + 1, len(t.bodies) + 1, self.shown_factor * (len(t.bodies) + 1) ** 2)
        self.reads = FoundFields(t)
        self._radix = np.array(self.radix, np.int64)

    def canonical(self, area: I32, kind: I32, ft: I32, fl: I32, fb: I32, fe: I32) -> tuple[I32, I32, I32]:
        """``fl``, ``fb`` and ``fe`` with the parts of a discovery that no rule of its (area, kind)
        reads made 0 (level and ``outside``) or -1 (body): such facts meet the same rules, and so give
        the same rows (:class:`FoundFields`), and share one template."""
        at = np.nonzero(ft == FOUND)[0]
        if not len(at):
            return fl, fb, fe
        frank, fbody, outside = self.reads(area[at], kind[at])
        fl, fb, fe = fl.copy(), fb.copy(), fe.copy()
        fl[at[~frank]], fb[at[~fbody]], fe[at[~outside]] = 0, -1, 0
        return fl, fb, fe

    def raising(self) -> Bool:
        """Per template row: whether it is a failure of 一(四) by a body that raises main responsibility at its
        level (:func:`expand`; kept, and made again only for rows added since)."""
        basis = self.array("basis")
        got = self._raising
        if got is None or len(got) != len(basis):
            t = self.t
            got = self._raising = np.isin(basis, t.failure_bases) & t.raises_main[self.array("body")]
        return got

    def array(self, name: str) -> npt.NDArray[np.int64]:
        """A per-row (or, for ``start`` and ``count``, per-template) list as an array."""
        got = self._arrays.get(name)
        values: list[int] = getattr(self, name)
        if got is None or len(got) != len(values):  # the lists only grow: convert what is new
            tail = np.array(values[0 if got is None else len(got):], np.int64)
            got = self._arrays[name] = tail if got is None else np.concatenate([got, tail])
        return got

    def fact_codes(self, area: I32, kind: I32, sev: I32, prank: I32, fr: I32, ft: I32, fl: I32, fb: I32,
                   fe: I32) -> I64:
        """The template key of each fact (of record ``fr``, whose ``area``… are per record): :meth:`codes` of
        :meth:`canonical`, in one pass in C where the extension was built, else :meth:`fact_codes_numpy`."""
        if _c_template_codes is None:
            return self.fact_codes_numpy(area, kind, sev, prank, fr, ft, fl, fb, fe)
        reads = self.reads
        if not reads.seen.all():  # (the rules of an area are looked at when a discovery in it is first met)
            at = fr[ft == FOUND]
            reads(area[at], kind[at])
        i32 = np.int32
        out = np.empty(len(fr), np.int64)
        _c_template_codes(out, *(np.ascontiguousarray(a, i32) for a in (fr, area, kind, sev, prank, ft, fl, fb, fe)),
                          self._radix, *reads.read, FOUND)
        return out

    def fact_codes_numpy(self, area: I32, kind: I32, sev: I32, prank: I32, fr: I32, ft: I32, fl: I32, fb: I32,
                         fe: I32) -> I64:
        """:meth:`fact_codes` in numpy (the reference the tests compare with)."""
        area, kind = area[fr], kind[fr]
        fl, fb, fe = self.canonical(area, kind, ft, fl, fb, fe)
        return self.codes(area, kind, sev[fr], prank[fr], ft, fl, fb, fe)

    def codes(self, area: I32, kind: I32, sev: I32, prank: I32, ft: I32, fl: I32, fb: I32, fe: I32) -> I64:
        """One integer per (problem base, fact): the key of its template."""
        code = area.astype(np.int64)
        for radix, part in zip(self.radix, (kind, sev, prank, ft, fl, fb + 1, fe), strict=True):
            code = code * radix + part
        return code

    def ids(self, codes: I64) -> I64:
        """Template ids of ``codes``, making the missing ones."""
        return self._ids(codes)

    def _new(self, code: int) -> int:
        tid = len(self.start)
        self._make(code)
        return tid

    def acting_levels(self, code: int) -> int:
        """The level ranks (as bits) a department shown acting could press at on the fact of template key ``code``
        (:func:`acting_moved`): of each 指导督促 hit with holders and no extra clauses on a fact with a level below its
        holders' (engine/_decide.py ``Decider._acting_added``). Kept by key."""
        got = self._acting.get(code)
        if got is None:
            area, fact = self._fact_of(code)[:2]
            t = self.t
            got = 0
            for rule, _ in t.decider.compiled.fire(area, [fact]):
                level = acting_rank(t.policy, rule, fact)
                if level is not None:
                    got |= 1 << level
            self._acting[code] = got
        return got

    def _make(self, code: int) -> None:
        t = self.t
        area, fact, kind_id, prank, sev, line, ft, fl = self._fact_of(code)
        decider = t.decider
        hits = decider.compiled.fire(area, [fact])
        # What the rows say depends on the rules that fired, the fact's body (whom they name) and its
        # escalate flag (which reasons read), not on the rest of the fact: templates that agree there share them.
        same = (area, kind_id, prank, sev, line, fact.get("body"), bool(fact.get("escalate")), fact.get("later"),
                tuple(id(r) for r, _ in hits))
        made = self._placed.get(same)
        if made is None:
            made = self._placed[same] = self._rows(area, kind_id, prank, sev, hits, line)
        self.start.append(len(self.rank))
        self.count.append(len(made))
        level = fl if ft != FOUND else -1  # the fact's "lvl", which reasons read
        for rank, key, clauses, pieces, merge in made:
            self.rank.append(rank)
            self.body.append(key[0])
            self.basis.append(key[1])
            self.liability.append(key[2])
            self.fact_level.append(level)
            self.clauses.append(clauses)
            self.pieces.append(pieces)
            self.merge.append(merge)

    def _fact_of(self, code: int) -> tuple[str, dict[str, object], str | None, int, int, str | None, int, int]:
        """What a template key stands for: the area and the fact its rules are fired on, and of it the kind, the
        place's level rank, the severity, the record's line, the fact type and level."""
        t = self.t
        parts = []
        for radix in reversed(self.radix):
            code, part = divmod(code, radix)
            parts.append(part)
        fe, fb1, fl, ft, prank, sev, kind = parts
        line_code, sev = divmod(sev, len(SEVERITIES) + 1)
        line = t.lines[line_code - 1] if line_code else None
        area = t.areas[code]
        kind_id = t.kind_names[kind - 1] if kind else None
        fact: dict[str, object] = {"id": "#0", "t": FACT_TYPES[ft], "area": area, "kind": kind_id or "",
                                   "sev": sev, "prank": prank}
        body = t.bodies[fb1 - 1] if fb1 else ""
        if ft == FOUND:
            fact.update(frank=fl, outside=fe, fbody=body)
        elif ft == UNHANDLED:  # the flag: escalate, and the departments handed it after the limit (later_bodies)
            late = divmod(fe // 2, len(t.bodies) + 1)
            fact.update(lvl=fl, body=body, escalate=fe % 2,
                        later=" ".join(sorted(t.bodies[x - 1] for x in late if x)))
        elif ft == UNRECTIFIED:  # the flag: the levels above shown + factor × the departments handed it after the
            # level's deadline (late_named)
            shown, late_code = fe % self.shown_factor, fe // self.shown_factor
            late = divmod(late_code, len(t.bodies) + 1)
            fact.update(lvl=fl, body=body, later=" ".join(sorted(t.bodies[x - 1] for x in late if x)))
            fact.update(self._unshown)
            fact.update({shown_field(r): 1 for i, r in enumerate(self.shown_ranks) if shown >> i & 1})
        elif ft == MAIN:
            fact["lvl"] = fl
        else:
            fact.update(lvl=fl, body=body)
        return area, fact, kind_id, prank, sev, line, ft, fl

    def _rows(self, area: str, kind_id: str | None, prank: int, sev: int, hits: list[Any],
              line: str | None = None) -> list[tuple[int, tuple[int, int, int], str, list[str | int], int]]:
        """A template's rows, in verdict order: (sort rank, (body, basis, liability), clauses, reason
        pieces, merge class); placed for a record whose line is ``line`` (:func:`record_lines`)."""
        t = self.t
        decider = t.decider
        placed = decider.place_hits(area, kind_id, prank, hits, line)
        rows = []
        for (body_id, basis, liability), (fired, duties) in placed.items():
            key = (t.body_index[body_id], t.basis_index[basis], t.liability_index[liability])
            rows.append((int(t.key_rank[key]), key, body_id, basis, fired, duties))
        out = []
        for rank, key, body_id, basis, fired, duties in sorted(rows, key=lambda r: r[0]):
            # Rows of many templates are alike; Decider.reason_values reads only the escalate flag of the fact and,
            # with it, what else would have disposed of the problem (Decider.disposal: its area, kind and levels),
            # and whether the body held its own work (Decider.own_holding: the same).
            rules = tuple(r for r, _ in fired)
            memo = (body_id, basis, duties, tuple(r.extra_clauses for r in rules), sev,
                    bool(fired[0][1].get("escalate")), decider.disposal(fired[0][1]),
                    decider.own_holding(body_id, duties, fired[0][1]))
            got = self._memo.get(memo)
            if got is None:
                got = self._memo[memo] = (";".join(decider.clauses(body_id, basis, duties, rules)),
                                          self._pieces(body_id, basis, duties, sev, fired[0][1]))
            out.append((rank, key, got[0], got[1], self._merge_class((duties, got[0]))))
        return out

    def contained(self, part: npt.NDArray[np.int64], whole: npt.NDArray[np.int64]) -> Bool:
        """Whether the duties and clauses of each merge class in ``part`` are among those of ``whole``'s."""
        keys = self._merge_keys
        out = np.zeros(len(part), np.bool_)
        for i, (a, b) in enumerate(zip(part.tolist(), whole.tolist(), strict=True)):
            (da, ca), (db, cb) = keys[a], keys[b]
            out[i] = set(da) <= set(db) and set(ca.split(";")) <= set(cb.split(";"))
        return out

    def _merge_class(self, key: tuple[tuple[str, ...], str]) -> int:
        got = self._merges.get(key)
        if got is None:
            got = self._merges[key] = len(self._merge_keys)
            self._merge_keys.append(key)
        return got

    def export(self, since: int) -> list[tuple[int, list[tuple[Any, ...]]]]:
        """The templates made after the first ``since``, as (code, rows) to :meth:`adopt` in another
        process (a worker's templates, for the others: each is then made once)."""
        keys, ids = self._ids.keys, self._ids.ids
        made = sorted((tid, code) for code, tid in zip(keys.tolist(), ids.tolist(), strict=True) if tid >= since)
        out = []
        for tid, code in made:
            lo = self.start[tid]
            out.append((code, [(self.rank[i], self.body[i], self.basis[i], self.liability[i], self.fact_level[i],
                                self.clauses[i], self.pieces[i], self._merge_keys[self.merge[i]])
                               for i in range(lo, lo + self.count[tid])]))
        return out

    def adopt(self, made: list[tuple[int, list[tuple[Any, ...]]]]) -> None:
        """Take templates another process made (:meth:`export`) that this one has not made."""
        known = set(self._ids.keys.tolist())
        codes, tids = [], []
        for code, rows in made:
            if code in known:
                continue
            known.add(code)
            codes.append(code)
            tids.append(len(self.start))
            self.start.append(len(self.rank))
            self.count.append(len(rows))
            for rank, body, basis, liability, level, clauses, pieces, merge in rows:
                self.rank.append(rank)
                self.body.append(body)
                self.basis.append(basis)
                self.liability.append(liability)
                self.fact_level.append(level)
                self.clauses.append(clauses)
                self.pieces.append(pieces)
                self.merge.append(self._merge_class(merge))
        self._ids.add(np.array(codes, np.int64), np.array(tids, np.int64))

    def _pieces(self, body_id: str, basis: str, duties: tuple[str, ...], sev: int,
                fact: dict[str, object]) -> list[str | int]:
        """A finding's reason as literal text and slots (indices of CONTEXT_FIELDS)."""
        values = self.t.decider.reason_values(body_id, self._marks["place"], duties, SEVERITIES[sev - 1], fact)
        values.update(self._marks)
        failure = self.t.policy.failures[basis]
        text = (failure.reason if self.lang == "zh" else failure.reason_en).format_map(values)
        pieces: list[str | int] = []
        for i, piece in enumerate(_MARK.split(text)):
            if i % 2:
                pieces.append(int(piece))
            elif piece:
                pieces.append(piece)
        return pieces


class FoundFields:
    """Per (area, kind code): whether a rule for a discovery in it reads the finder's level
    (``frank``), the finder body the record names (``fbody``) or the ``outside`` flag; an area's
    rules are looked at when a discovery in it is first met (so only the areas met are compiled).

    A discovery's template rows depend on those only through the rules its fact meets: placing
    names the rule's holders (a found fact carries no ``body``) and a reason reads only the
    ``escalate`` flag, which it has not (see :meth:`Templates._make`)."""

    NAMES = ("frank", "fbody", "outside")

    def __init__(self, t: Tables) -> None:
        self.t = t
        shape = (len(t.areas), len(t.kind_names) + 1)
        self.read = [np.zeros(shape, np.bool_) for _ in self.NAMES]
        self.seen = np.zeros(len(t.areas), np.bool_)
        self.codes = {"": 0, **t.kind_index}

    def __call__(self, area: I32, kind: I32) -> list[Bool]:
        """For each of :attr:`NAMES`, whether the rules of each (area, kind) read it."""
        new = np.nonzero(~self.seen[area])[0]
        if len(new):
            for a in distinct(area[new]).tolist():
                self._look(a)
        return [r[area, kind] for r in self.read]

    def _look(self, a: int) -> None:
        t = self.t
        self.seen[a] = True
        for rule in t.decider.rules.get(t.areas[a], ()):
            if rule.fact != FACT_TYPES[FOUND]:
                continue
            fields = {c.field for c in rule.conds}
            named = [str(c.value) for c in rule.conds if c.field == "kind"]
            kinds = [self.codes[k] for k in named if k in self.codes] if named else list(self.codes.values())
            for r, name in zip(self.read, self.NAMES, strict=True):
                if name in fields:
                    r[a, kinds] = True


@dataclass
class Rows:
    """Finding rows of the fast records, in output order (record, then verdict order)."""

    rec: I32  # the row's record
    row: I64  # the row's template row
    moved: I32  # records sent to the reference path after all (findings that merge unlike their first)
    on: I32  # the row's own assignment day and deadline (Derived.fon, fdl), NONE but for a level's failure to rectify
    dl: I32


def expand(c: Cols, t: Tables, tpl: Templates, dv: Derived) -> Rows:
    """Rows of every fact, then of main responsibility at each level where a failure was found.

    Rows of one record with the same (body, basis, liability) merge into one finding, as in a
    verdict: the first fact's row stands for them when they agree in duties and clauses.
    """
    prank = np.maximum(pick(t.place_rank, c.place), 0)
    # (a record's line rides on its severity's digit of the template key: Templates.radix)
    sev = c.sev if c.line is None else (c.sev + c.line * (len(SEVERITIES) + 1)).astype(np.int32)

    def rows(fr: I32, ft: I32, fl: I32, fb: I32, fe: I32) -> tuple[I32, I64, I64]:
        if not len(fr):
            return fr, np.zeros(0, np.int64), np.zeros(0, np.int64)
        tids = tpl.ids(tpl.fact_codes(c.area, c.kind, sev, prank, fr, ft, fl, fb, fe))
        which, row = spread(tids, pick(tpl.array("count"), tids), tpl.array("start"))
        return pick(fr, which), row, which

    r1, w1, f1 = rows(dv.fr, dv.ft, dv.fl, dv.fb, dv.fe)
    r1, w1, f1 = unpressed(r1, w1, f1, tpl, t)
    # a body that concealed the problem, or one at a level that knew it, does not also miss it
    # (Decider.without_knowers_missing); main responsibility: one fact per level at which a failure of 一(四) was found,
    # lowest first
    nr = t.max_rank + 1
    at_level = np.zeros(c.n * nr, np.bool_)
    if dv.hid is not None:  # (a level named as concealer over a unit below it: check62 X4)
        r1, w1, f1 = unhidden_units(r1, w1, f1, tpl, t, c, dv.hid)
    if t.knows_with is not None:
        r1, w1, f1 = unhidden_partners(r1, w1, f1, tpl, t, c)
    r1, w1, f1 = unhidden(r1, w1, f1, tpl, t, dv.knew, at_level)
    # by record, lowest level first (a floor division and a product: np.divmod of int64 takes three times as long)
    main_at = np.flatnonzero(at_level)
    main_rec = main_at // nr
    ml: I32 = (main_at - main_rec * nr).astype(np.int32)
    mr: I32 = main_rec.astype(np.int32)
    zero = np.zeros(len(mr), np.int32)
    r2, w2, _ = rows(mr, np.full(len(mr), MAIN, np.int32), ml, zero - 1, zero)
    # by record, then rank, then the fact's order (type, then order among its type): rows of one record come in fact
    # order already (facts are by type, then by level or position; main ones last), so a stable sort by (record, rank)
    # keeps them so; a run of rows on one finding keeps its first (the main rows, of no fact, a second segment after
    # the facts' rows)
    rec, row, on, dl, dup_rec, dup_row, dup_head = merge_rows(r1, w1, f1, tpl.array("rank"), dv.fon, dv.fdl, c.n,
                                                              r2, w2)
    if not len(dup_rec):
        return Rows(rec, row, np.zeros(0, np.int32), on, dl)
    # a row unlike its run's first sends the record to the reference path
    merge = tpl.array("merge")
    unlike = np.nonzero(pick(merge, dup_row) != pick(merge, dup_head))[0]
    if len(unlike):
        # a row whose duties and clauses the first row's already hold adds nothing to the merged finding (a verdict
        # merges duties in hit order: the first's, then any new one): such a pair merges as the first row
        inside = tpl.contained(merge[dup_row[unlike]], merge[dup_head[unlike]])
        unlike = unlike[~inside]
    moved = distinct(dup_rec[unlike]).astype(np.int32)
    if not len(moved):
        return Rows(rec, row, moved, on, dl)
    keep = ~np.isin(rec, moved)
    return Rows(rec[keep], row[keep], moved, on[keep], dl[keep])


def unpressed(r1: I32, w1: I64, f1: I64, tpl: Templates, t: Tables) -> tuple[I32, I64, I64]:
    """Expand's rows (record ``r1``, template row ``w1``, fact ``f1``) but the 指导督促 (supervision) of a body another
    fact's row of the same record names 整改不到位 (not_rectified): one rectification, one failure (engine/_decide.py
    ``_placed_hits``; check54 #3b). The fast path places each fact alone: a body the city handed the problem beside the
    township, or one that passed it down in time under reassigned_level_answers: rectification, is named by one fact
    and presses another's."""
    nr_at, sv_at = t.basis_index.get(NOT_RECTIFIED_BASIS, -1), t.basis_index.get(PRESSING_BASIS, -1)
    if not len(r1) or nr_at < 0 or sv_at < 0:
        return r1, w1, f1
    basis = pick(tpl.array("basis"), w1)
    named = np.flatnonzero(basis == nr_at)
    if not len(named):
        return r1, w1, f1
    pressing = np.flatnonzero(basis == sv_at)
    if not len(pressing):
        return r1, w1, f1
    body, nb = tpl.array("body"), len(t.bodies) + 1
    keys = np.sort(pick(r1, named).astype(np.int64) * nb + pick(body, pick(w1, named)))
    asked = pick(r1, pressing).astype(np.int64) * nb + pick(body, pick(w1, pressing))
    hit = keys[np.minimum(np.searchsorted(keys, asked), len(keys) - 1)] == asked
    if not hit.any():
        return r1, w1, f1
    keep = np.ones(len(r1), np.bool_)
    keep[pressing[hit]] = False
    return r1[keep], w1[keep], f1[keep]


def unhidden(r1: I32, w1: I64, f1: I64, tpl: Templates, t: Tables, knew: Bool, at_level: Bool) -> tuple[I32, I64, I64]:
    """Expand's rows (record ``r1``, template row ``w1``, fact ``f1``) but those of a body that concealed the problem,
    or one at a level that ``knew`` it, where the row says it missed it (Decider.without_knowers_missing); marks
    ``at_level`` (records × levels, flat) at each kept row that raises main responsibility (``tpl.raising``). In one
    pass in C where the extension was built (``_derive.c``), else :func:`unhidden_numpy`."""
    if _c_unhidden is not None and knew.ndim == 2 and knew.flags.c_contiguous and knew.dtype == np.bool_:
        m = len(r1)
        out = np.empty(m, np.int32), np.empty(m, np.int64), np.empty(m, np.int64)
        kept = _c_unhidden(np.ascontiguousarray(r1, np.int32), np.ascontiguousarray(w1, np.int64),
                           np.ascontiguousarray(f1, np.int64), tpl.array("basis"), tpl.array("body"),
                           np.ascontiguousarray(t.body_rank, np.int64), knew, tpl.raising(),
                           t.basis_index.get(MISSED_BASIS, -1), t.basis_index.get(HID_BASIS, -1), knew.shape[1],
                           at_level, *out)
        if kept >= 0:
            return out[0][:kept], out[1][:kept], out[2][:kept]
    return unhidden_numpy(r1, w1, f1, tpl, t, knew, at_level)


def unhidden_numpy(r1: I32, w1: I64, f1: I64, tpl: Templates, t: Tables, knew: Bool, at_level: Bool
                   ) -> tuple[I32, I64, I64]:
    """:func:`unhidden` in numpy (the reference the tests compare with)."""
    basis, body = tpl.array("basis")[w1], tpl.array("body")[w1]
    missed = basis == t.basis_index.get(MISSED_BASIS, -1)
    hid = missed & take(knew, r1, t.body_rank[body])
    concealed = basis == t.basis_index.get(HID_BASIS, -1)
    if concealed.any():  # (few records: look only at theirs)
        hiding = np.zeros(knew.shape[0], np.bool_)
        hiding[r1[concealed]] = True
        near = np.nonzero(missed & hiding[r1])[0]
        nb = len(t.bodies) + 1
        key = r1.astype(np.int64) * nb + body
        hid[near] |= np.isin(key[near], key[concealed])
    if hid.any():
        r1, w1, f1 = r1[~hid], w1[~hid], f1[~hid]
    failed = tpl.raising()[w1]
    levels = t.body_rank[tpl.array("body")[w1[failed]]]
    at_level[r1[failed].astype(np.int64) * knew.shape[1] + levels] = True
    return r1, w1, f1

def merge_rows(rec: I32, row: I64, fact: I64, rank: I64, fon: I32, fdl: I32, n: int, rec2: I32 | None = None,
               row2: I64 | None = None) -> tuple[I32, I64, I32, I32, I32, I64, I64]:
    """Finding rows (record ``rec``, template row ``row``, its fact ``fact`` or -1, ``n`` records) in output order:
    by record, then their template row's ``rank``, equal ones in the order they come; the first of each run of one
    record and rank kept. Returns the kept rows' record, template row, and fact's day and deadline (``fon``, ``fdl``;
    NONE where there is no fact), then the record, template row and run's first template row of each row left out.
    ``rec2``, ``row2``: more rows, of no fact, after those (as if concatenated to them; in C read where they are).
    In C where the extension was built (a counting sort by record, one pass), else :func:`merge_rows_numpy`."""
    i32, i64 = np.int32, np.int64
    if _c_merge_rows is not None:
        m = len(rec) + (len(rec2) if rec2 is not None else 0)
        out = (np.empty(m, i32), np.empty(m, i64), np.empty(m, i32), np.empty(m, i32), np.empty(m, i32),
               np.empty(m, i64), np.empty(m, i64))
        more = () if rec2 is None or row2 is None else (np.ascontiguousarray(rec2, i32),
                                                        np.ascontiguousarray(row2, i64))
        kept, dups = _c_merge_rows(np.ascontiguousarray(rec, i32), np.ascontiguousarray(row, i64),
                                   np.ascontiguousarray(fact, i64), np.ascontiguousarray(rank, i64),
                                   np.ascontiguousarray(fon, i32), np.ascontiguousarray(fdl, i32), *out, n, *more)
        if kept >= 0:
            return (out[0][:kept], out[1][:kept], out[2][:kept], out[3][:kept], out[4][:dups], out[5][:dups],
                    out[6][:dups])
    if rec2 is not None and row2 is not None:
        rec = np.concatenate([np.asarray(rec, i32), np.asarray(rec2, i32)])
        row = np.concatenate([np.asarray(row, i64), np.asarray(row2, i64)])
        fact = np.concatenate([np.asarray(fact, i64), np.full(len(rec2), -1, i64)])
    return merge_rows_numpy(rec, row, fact, rank, fon, fdl)


def merge_rows_numpy(rec: I32, row: I64, fact: I64, rank: I64, fon: I32, fdl: I32
                     ) -> tuple[I32, I64, I32, I32, I32, I64, I64]:
    """:func:`merge_rows` in numpy (a stable sort of (record, rank) keys; the reference the tests compare with)."""
    row = np.asarray(row, np.int64)
    on = np.where(fact >= 0, fon[np.maximum(fact, 0)] if len(fon) else NONE, NONE).astype(np.int32)
    dl = np.where(fact >= 0, fdl[np.maximum(fact, 0)] if len(fdl) else NONE, NONE).astype(np.int32)
    r = rank[row]
    order = np.argsort(rec.astype(np.int64) * (int(r.max(initial=0)) + 1) + r, kind="stable")
    rec, row, r, on, dl = rec[order].astype(np.int32), row[order], r[order], on[order], dl[order]
    first = np.ones(len(rec), np.bool_)
    first[1:] = (rec[1:] != rec[:-1]) | (r[1:] != r[:-1])
    head = np.maximum.accumulate(np.where(first, np.arange(len(rec)), 0))
    dup = np.nonzero(~first)[0]
    return rec[first], row[first], on[first], dl[first], rec[dup], row[dup], row[head[dup]]
