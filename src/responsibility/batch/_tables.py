"""Lookup tables of one policy and one jurisdiction, as integer codes for the batch path.

Every id a record may name (duty area, problem kind, level, channel, body, place) gets a
small integer; the arrays here answer in bulk what :func:`~responsibility.engine._problem.parse_problem`
and :func:`~responsibility.engine._facts.derive` ask one record at a time.
"""

from __future__ import annotations

import itertools
import string
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from ..chain._jurisdiction import LEVEL_DIGITS, Jurisdiction, ancestor_code, level_of
from ..engine._decide import CONTEXT_FIELDS, FAILURES, Decider
from ..engine._facts import (
    HANDLING_LIMIT,
    NO_DUTY,
    PLACE_ABOVE,
    assigned_line_of,
    assignee_only,
    assignee_rectifies,
    concealing_role,
    in_force_from,
)
from ..policy._model import SEVERITIES
from ..policy._view import PolicyView

I32 = npt.NDArray[np.int32]
I64 = npt.NDArray[np.int64]

#: An absent date, in days since 1970-01-01.
NONE = -(2**31)
EPOCH = 719163  # date(1970, 1, 1).toordinal()
FIELDS = frozenset({"id", "area", "domain", "kind", "place", "severity", "discovered", "handled", "deadline",
                    "rectified_on", "concealed_by", "as_of"})
#: Fields of a record the fast path does not code: a record with one takes the reference path (``sector``).
SLOW_FIELDS = frozenset({"sector"})
DISCOVERED_FIELDS = frozenset({"level", "channel", "on", "body"})
HANDLING_FIELDS = frozenset({"action", "by_level", "to_level", "to_body", "on"})
ACTIONS = ("assigned", "reported")  # codes 0 and 1
#: Fact types, in the order the batch path numbers them.
FACT_TYPES = ("found", "unhandled", "unrectified", "concealed", "main")


def _exact_templates(policy: PolicyView) -> bool:
    """Whether every reason template uses context fields plainly (no format spec or conversion),
    so that a template can be filled by concatenation."""
    for f in policy.failures.values():
        for text in (f.reason, f.reason_en):
            for _, name, spec, conversion in string.Formatter().parse(text):
                if name is None:
                    continue
                if not name.isidentifier() or (name in CONTEXT_FIELDS and (spec or conversion)):
                    return False
    return True


#: What :meth:`Tables._places` builds (read-only once built), kept per jurisdiction and levels.
_PLACE_TABLES = ("places", "place_alias", "alias_arrays", "place_rank", "place_codes", "place_texts", "ancestor")
_PLACES: weakref.WeakKeyDictionary[Jurisdiction, dict[tuple[tuple[str, int], ...], dict[str, Any]]] = \
    weakref.WeakKeyDictionary()
_PLACES_LOCK = threading.Lock()

#: The distinct place names of a list of place texts (``Tables.place_texts``) and where each place's stands
#: in them, by the list's id (with the list, so that the id names no other object): every Tables of one
#: jurisdiction shares that list, so the periods of an amended policy and the command's own dictionaries
#: make them once (~26,000 places: ~0.01 CPU s each time), and an assessor loaded from the cache brings
#: them (batch/_saved.py).
_PLACE_NAMES: dict[int, tuple[list[str], list[str], npt.NDArray[np.int32]]] = {}


def place_names(texts: list[str]) -> tuple[list[str], npt.NDArray[np.int32]]:
    """The distinct names of ``texts`` in order of first appearance, and the index of each text's among them."""
    got = _PLACE_NAMES.get(id(texts))
    if got is None or got[0] is not texts:
        names = list(dict.fromkeys(texts))
        where = {n: i for i, n in enumerate(names)}
        got = _keep_place_names(texts, names, np.array([where[n] for n in texts], np.int32))
    return got[1], got[2]


def _keep_place_names(texts: list[str], names: list[str],
                      where: npt.NDArray[np.int32]) -> tuple[list[str], list[str], npt.NDArray[np.int32]]:
    if len(_PLACE_NAMES) > 16:
        _PLACE_NAMES.clear()
    got = _PLACE_NAMES[id(texts)] = (texts, names, where)
    return got


@dataclass
class Tables:
    """Integer codes for one policy and one jurisdiction (see the module docstring)."""

    policy: PolicyView
    jurisdiction: Jurisdiction
    decider: Decider
    areas: list[str] = field(init=False)
    area_index: dict[str, int] = field(init=False)
    kind_names: list[str] = field(init=False)
    kind_index: dict[str, int] = field(init=False)
    level_ids: list[str] = field(init=False)
    rank: dict[str, int] = field(init=False)
    channels: list[str] = field(init=False)
    channel_index: dict[str, int] = field(init=False)
    bodies: list[str] = field(init=False)
    body_index: dict[str, int] = field(init=False)
    places: list[str] = field(init=False)
    place_alias: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        policy = self.policy
        self.exact = _exact_templates(policy)
        self.areas = list(policy.problem_areas)
        self.area_index = {a: i for i, a in enumerate(self.areas)}
        self.kind_names = sorted({k for _, k in policy.kinds})
        self.kind_index = {k: i + 1 for i, k in enumerate(self.kind_names)}  # 0: no kind
        self.level_ids = list(policy.levels)
        self.rank = dict(policy.level_rank)
        self.max_rank = max(self.rank.values())
        self.rank_level = {r: lv for lv, r in self.rank.items()}
        self.channels = list(policy.channels)
        self.channel_index = {c: i for i, c in enumerate(self.channels)}
        self.channel_outside = np.array([not policy.channels[c].own_work for c in self.channels], np.int32)
        # channel_level[c, rank]: a level that runs channel c (Channel.levels; a discovery elsewhere is refused, R20-7)
        self.channel_level = np.ones((len(self.channels), self.max_rank + 1), np.bool_)
        for i, c in enumerate(self.channels):
            run_by = policy.channels[c].levels
            if run_by is not None:
                self.channel_level[i] = [self.rank_level.get(r) in run_by for r in range(self.max_rank + 1)]
        # a channel a lower level may conceal a problem from: a check (上级核查, verification) or an oversight body's
        # (巡视审计等), not the public's or the press's reports (engine/_problem.py; review29 #1)
        self.channel_conceal = np.array([policy.channels[c].oversight or policy.channels[c].verification
                                         for c in self.channels], np.bool_)
        self.bodies = list(policy.bodies)
        self.body_index = {b: i for i, b in enumerate(self.bodies)}
        self.body_rank = np.array([self.rank[policy.bodies[b].level] for b in self.bodies], np.int32)
        # the lines (sector ids) a named department may give a record (engine/_facts.py line_of), numbered from 1 (0:
        # none), and each body's (``body_line``: 0 where naming it shows no line)
        lines = [assigned_line_of(policy, b) for b in self.bodies]
        self.lines: list[str] = sorted({x for x in lines if x is not None})
        self.line_index = {x: i + 1 for i, x in enumerate(self.lines)}
        self.body_line = np.array([self.line_index[x] if x is not None else 0 for x in lines], np.int32)
        # the bodies that give a record their line only as an assignee (engine/_facts.py assignee_only: the 扶贫办,
        # keeper of the lists, 一(三); review35b F3)
        self.assignee_only = np.array([assignee_only(policy, b) for b in self.bodies], np.bool_)
        # under[b, u]: body u is one b sits under at its level (PolicyView.under: its parent, who leads it)
        self.under = np.zeros((len(self.bodies), len(self.bodies)), np.bool_)
        for b, i in self.body_index.items():
            self.under[i, [self.body_index[u] for u in policy.under(b) if u in self.body_index]] = True
        # each level's role body (a level with departments), -1 where none
        self.level_role = np.full(self.max_rank + 1, -1, np.int32)
        for role_level, role_body in policy.roles.items():
            self.level_role[self.rank[role_level]] = self.body_index[role_body]
        self.severity_index = {s: i + 1 for i, s in enumerate(SEVERITIES)}
        # whether an assignment to a body of the place's level counts where nobody at or below it can rectify the kind
        # (place_above_rectifiers; engine/_facts.py at_place)
        self.place_assignee = policy.parameter(PLACE_ABOVE) != "holder" if PLACE_ABOVE in policy.parameters else True
        self.severity_ids = list(self.severity_index)
        # kind code of (area, kind name), -1 where the area has no such kind; authority rank per (area, kind, place's
        # level rank): PolicyView.authority (a city's own policy gap is the city's)
        nk = len(self.kind_names) + 1
        self.kind_code = np.full((len(self.areas), nk), -1, np.int32)
        self.authority = np.zeros((len(self.areas), nk, self.max_rank + 1), np.int32)
        for a, area in enumerate(self.areas):
            self.kind_code[a, 0] = 0
            for (ka, k), _ in policy.kinds.items():
                if ka == area:
                    self.kind_code[a, self.kind_index[k]] = self.kind_index[k]
            for kc in np.nonzero(self.kind_code[a] >= 0)[0].tolist():
                kid = self.kind_names[kc - 1] if kc else None
                for place in range(self.max_rank + 1):
                    if place in self.rank_level:
                        self.authority[a, kc, place] = self.rank[policy.authority(area, kid, place)]
        # levels where some body can rectify a problem of (area, kind) placed at a level (rank): (a, k, place, level)
        self.rectify_level = np.zeros((len(self.areas), nk, self.max_rank + 1, self.max_rank + 1), np.bool_)
        # the same, without levels that only press those below (PolicyView.own_rectifier_levels)
        self.own_rectify_level = np.zeros_like(self.rectify_level)
        # whether a body rectifies a problem of (area, kind) placed at a level (PolicyView.rectifies): a level's own
        # 交办 to it names who rectifies what the level received as a whole
        self.rect_body = np.zeros((len(self.areas), nk, self.max_rank + 1, len(self.bodies)), np.bool_)
        for a, area in enumerate(self.areas):
            for kid in [None, *self.kind_names]:
                kc = self.kind_index[kid] if kid else 0
                if self.kind_code[a, kc] < 0:
                    continue
                for place in self.rank.values():
                    for lv in policy.rectifier_levels(area, kid, place):
                        self.rectify_level[a, kc, place, lv] = True
                    for lv in policy.own_rectifier_levels(area, kid, place):
                        self.own_rectify_level[a, kc, place, lv] = True
                    self.rect_body[a, kc, place] = [policy.rectifies(area, kid, b, place) for b in self.bodies]
        # whether the text gives a body a part in a problem of (area, kind) (PolicyView.has_part): an assignment to a
        # body without one is not 按程序 交办, and the body does not answer for its rectification
        self.part = np.zeros((len(self.areas), nk, len(self.bodies)), np.bool_)
        # — an assignment's body, by the kind (PolicyView.has_kind_part: 一(三) 按照问题类别…分类交办; review38b
        # F1): where that and ``part`` differ for a step, the record takes the reference path
        # (batch/_core.misassigned_steps), so the fast path reads ``part`` for both
        self.kind_part = np.zeros_like(self.part)
        for a, area in enumerate(self.areas):
            for kid in [None, *self.kind_names]:
                kc = self.kind_index[kid] if kid else 0
                if self.kind_code[a, kc] >= 0:
                    self.part[a, kc] = [policy.has_part(area, kid, b) for b in self.bodies]
                    self.kind_part[a, kc] = [policy.has_kind_part(area, kid, b) for b in self.bodies]
        # an assignment to a body with a part in a problem of (area, kind) placed at a level (rank) but no duty to
        # rectify it, at a level where a body rectifies it other than by pressing those below, that
        # assignment_without_rectification_duty (level_holds)
        # reads as one to its level as a whole (engine/_facts.py derive; D4): (a, k, place, body); the encoders clear
        # such a step's body (_encode.level_holds). All False under ``assignee`` (the body is the assignee).
        self.level_holds = np.zeros_like(self.rect_body)
        if NO_DUTY in policy.parameters and policy.parameter(NO_DUTY) == "level_holds":
            self.level_holds = self.part[:, :, None, :] & self.own_rectify_level[..., self.body_rank]
            for a, k, place, b in zip(*np.nonzero(self.level_holds), strict=True):
                kid = self.kind_names[k - 1] if k else None
                if assignee_rectifies(policy, self.areas[a], kid, self.bodies[b], int(place)):
                    self.level_holds[a, k, place, b] = False
        self.any_level_holds = bool(self.level_holds.any())
        # handling_time_limit_days (0 without it: every record then takes the reference path anyway)
        self.handling_limit = int(policy.parameter(HANDLING_LIMIT)) if HANDLING_LIMIT in policy.parameters else 0
        # the day the policy's duties apply (policy_in_force_from, else effective_from): a problem discovered before it
        # takes the reference path (refused, or judged for what happened after the day)
        since = in_force_from(policy)
        self.effective_from = since.toordinal() - EPOCH if since is not None else np.iinfo(np.int32).min
        # a level may be named as concealer only where one of its bodies holds a duty at that stage
        stage = policy.failures["concealed"].stage if "concealed" in policy.failures else "handling"
        self.conceal_level = np.zeros((len(self.areas), nk, self.max_rank + 1), np.bool_)
        for a, area in enumerate(self.areas):
            for kid in [None, *self.kind_names]:
                kc = self.kind_index[kid] if kid else 0
                if self.kind_code[a, kc] < 0:
                    continue
                for b in policy.stage_holders(area, kid, stage):
                    self.conceal_level[a, kc, self.rank[policy.bodies[b].level]] = True
        # the role body a level named as concealer stands for (concealing_level_body: unresolved) per (area, kind,
        # level rank), -1 where none: only where the level's part in the kind is a department's (engine/_facts.py
        # concealing_role); elsewhere the level's holders answer
        self.conceal_role = np.full((len(self.areas), nk, self.max_rank + 1), -1, np.int32)
        for a, area in enumerate(self.areas):
            for kid in [None, *self.kind_names]:
                kc = self.kind_index[kid] if kid else 0
                if self.kind_code[a, kc] < 0:
                    continue
                for role_level in policy.roles:
                    role = concealing_role(policy, area, kid, role_level)
                    if role is not None:
                        self.conceal_role[a, kc, self.rank[role_level]] = self.body_index[role]
        # concealed_by names a level or a body: value -> (level rank, body or -1)
        self.concealer: dict[str, tuple[int, int]] = {lv: (r, -1) for lv, r in self.rank.items()}
        for b, i in self.body_index.items():
            self.concealer.setdefault(b, (int(self.body_rank[i]), i))
        self.concealer_ids = list(self.concealer)
        # the order of findings in a verdict: level, body, basis, liability (as Decider._verdict sorts)
        self.bases = list(policy.failures)
        self.liabilities = list(policy.liabilities)
        self.basis_index = {b: i for i, b in enumerate(self.bases)}
        # bodies whose failures do not raise main responsibility at their level (Decider.failure_levels)
        quiet = policy.main_not_raised_by
        self.raises_main = np.array([policy.bodies[b].kind not in quiet for b in self.bodies], np.bool_)
        self.failure_bases = np.array([self.basis_index[b] for b in FAILURES if b in self.basis_index], np.int64)
        self.liability_index = {x: i for i, x in enumerate(self.liabilities)}
        self.key_rank = np.zeros((len(self.bodies), len(self.bases), len(self.liabilities)), np.int64)
        order = sorted(((int(self.body_rank[b]), body, f, x) for b, body in enumerate(self.bodies)
                        for f in range(len(self.bases)) for x in range(len(self.liabilities))))
        for i, (_, body, f, x) in enumerate(order):
            self.key_rank[self.body_index[body], f, x] = i
        # Place tables depend only on the jurisdiction and the levels: every Tables of one
        # jurisdiction (each period of an amended policy, each call of Policy.assess) shares them.
        key = tuple(self.rank.items())
        with _PLACES_LOCK:
            known = _PLACES.get(self.jurisdiction, {}).get(key)
        if known is None:
            self._places()
            known = {name: getattr(self, name) for name in _PLACE_TABLES}
            with _PLACES_LOCK:
                _PLACES.setdefault(self.jurisdiction, {})[key] = known
        for name, value in known.items():
            setattr(self, name, value)

    def _places(self) -> None:
        """Places by index, the codes a record may give for each, and their ancestors: worked out
        a digit column at a time when every code has 12 digits (as a jurisdiction read from a
        file has), else place by place (:meth:`_places_by_row`, which gives the same tables)."""
        codes, names, odd = self.jurisdiction._listing()
        n = len(codes)
        joined = "".join(codes)
        if not n or len(joined) != 12 * n or not joined.isascii() or not joined.isdigit():
            self._places_by_row()
            return
        rank = self.rank
        digits = np.frombuffer(joined.encode("ascii"), np.uint8).reshape(n, 12)
        zero = digits == ord("0")
        cuts = [d for _, d in LEVEL_DIGITS]
        # the codes a record may give: each prefix (of a level's length) followed only by zeros
        plain = np.stack([zero[:, d:].all(axis=1) for d in cuts], axis=1)
        plain[zero[:, :2].all(axis=1)] = False  # no province part
        rows, cols = np.nonzero(plain)  # by place, then by length (the order the aliases were made in)
        self.places = codes
        self.place_alias = dict(zip([codes[i][:cuts[k]] for i, k in zip(rows.tolist(), cols.tolist(), strict=True)],
                                    rows.tolist(), strict=True))
        self.alias_arrays = (list(self.place_alias), np.array(list(self.place_alias.values()), np.int32))
        # a place's level rank, where the place's level and its code's level agree (see _places_by_row)
        depth = np.zeros(n, np.int64)  # level_of: the deepest group that is not all zeros
        for k, (lo, hi) in enumerate(itertools.pairwise(cuts), start=1):
            depth[~zero[:, lo:hi].all(axis=1)] = k
        code_rank = np.array([rank.get(lv, -1) for lv, _ in LEVEL_DIGITS], np.int32)[depth]
        given = code_rank.copy()
        if odd:
            index = {c: i for i, c in enumerate(codes)}
            for code, level in odd.items():
                given[index[code]] = rank.get(level, -1)
        self.place_rank = np.where((given >= 0) & (given == code_rank), given, -1).astype(np.int32)
        self.place_codes: list[str] = list(codes)
        self.place_texts: list[str] = names
        self.ancestor = np.full((n, self.max_rank + 1), -1, np.int32)
        keys = digits.view("S12").ravel()
        missing: list[tuple[int, int, int, bytes]] = []  # (place, level order, rank, ancestor's code)
        for q, (level, lr) in enumerate(rank.items()):
            d = dict(LEVEL_DIGITS).get(level)
            if d is None:
                continue
            up = digits.copy()
            up[:, d:] = ord("0")
            wanted = up.view("S12").ravel()
            at = np.minimum(np.searchsorted(keys, wanted), n - 1)
            found = keys[at] == wanted
            self.ancestor[found, lr] = at[found]
            missing += [(i, q, lr, wanted[i]) for i in np.flatnonzero(~found).tolist()]
        extra: dict[str, int] = {}
        for i, _, lr, raw in sorted(missing):  # numbered in the order the places and levels meet them
            a = raw.decode("ascii")
            k = extra.setdefault(a, len(self.place_codes))
            if k == len(self.place_codes):
                self.place_codes.append(a)
                self.place_texts.append(a)
            self.ancestor[i, lr] = k

    def _places_by_row(self) -> None:
        """:meth:`_places`, place by place."""
        j, rank = self.jurisdiction, self.rank
        places = list(j)
        self.places = [p.code for p in places]
        index = {c: i for i, c in enumerate(self.places)}
        self.place_alias = {}
        for i, code in enumerate(self.places):
            if code.startswith("00"):
                continue
            for _, n in LEVEL_DIGITS:
                if not code[n:].strip("0"):
                    self.place_alias[code[:n]] = i
        #: the codes a record may give for a place, and the place of each (for lookups in bulk)
        self.alias_arrays = (list(self.place_alias), np.array(list(self.place_alias.values()), np.int32))
        n = len(places)
        self.place_rank = np.full(n, -1, np.int32)
        # Ancestors per level rank, as indices into place_codes (a finding's place) and place_texts
        # (the name its reason gives: the code where the jurisdiction lacks the place).
        self.place_codes = list(self.places)
        self.place_texts = [p.name for p in places]
        self.ancestor = np.full((n, self.max_rank + 1), -1, np.int32)
        extra: dict[str, int] = {}
        for i, p in enumerate(places):
            r = rank.get(p.level, -1)
            # the record's level rank must be the same whether read from the place or from its code
            if r >= 0 and rank.get(level_of(p.code)) == r:
                self.place_rank[i] = r
            for level, lr in rank.items():
                try:
                    a = ancestor_code(p.code, level)
                except KeyError:
                    continue
                k = index.get(a)
                if k is None:
                    k = extra.setdefault(a, len(self.place_codes))
                    if k == len(self.place_codes):
                        self.place_codes.append(a)
                        self.place_texts.append(a)
                self.ancestor[i, lr] = k


# np.take of a 1-d gather (the batch path's, ~2,000 a 1M run: ~80M items, ~0.15 CPU s), in one C pass where the
# extension was built (_derive.c take1): numpy casts int32 indices to int64 first (a copy of them), then checks and
# copies each item in a loop serving every mode and item size; the C pass reads int32 or int64 indices as they are
# and takes about half as long. Anything else (a scalar or 2-d index, an object array, a negative index or one past
# the end: numpy wraps or raises) is numpy's.
_c_take1: Callable[..., int] | None
try:
    from ._derive import take1 as _c_take1
except ImportError:  # pragma: no cover - (an install without a C compiler, or built before this kernel)
    _c_take1 = None

_TAKE_INDEX = (np.dtype(np.int32), np.dtype(np.int64))
#: below this many indices numpy's call costs no more than the checks here
_TAKE_FEW = 256


def pick(values: Any, index: Any) -> npt.NDArray[Any]:
    """``np.take(values, index)`` (the same array: ``values``' dtype, one item for each index)."""
    if (_c_take1 is not None and type(index) is np.ndarray and type(values) is np.ndarray and index.ndim == 1
            and len(index) >= _TAKE_FEW and index.dtype in _TAKE_INDEX and values.dtype.kind in "biuf"
            and index.flags.c_contiguous and values.flags.c_contiguous):
        size = values.dtype.itemsize
        if size in (1, 2, 4, 8):
            out = np.empty(len(index), values.dtype)
            if _c_take1(values, out, index, size, index.dtype.itemsize == 8) == 0:
                return out
    got: npt.NDArray[Any] = np.take(values, index)
    return got
