"""Lookup tables of one policy and one jurisdiction, as integer codes for the batch path.

Every id a record may name (duty area, problem kind, level, channel, body, place) gets a
small integer; the arrays here answer in bulk what :func:`~responsibility.engine._problem.parse_problem`
and :func:`~responsibility.engine._facts.derive` ask one record at a time.
"""

from __future__ import annotations

import itertools
import string
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from .._locks import ForkSafeLock
from ..chain._jurisdiction import LEVEL_DIGITS, Jurisdiction, ancestor_code, level_of
from ..engine._compile import PARTNER_KNEW
from ..engine._decide import CONTEXT_FIELDS, FAILURES, Decider
from ..engine._facts import (
    HANDLING_LIMIT,
    NO_DUTY,
    PLACE_ABOVE,
    assigned_line_of,
    assignee_only,
    assignee_rectifies,
    concealing_role,
    gives_line,
    in_force_from,
)
from ..policy._model import SEVERITIES
from ..policy._view import ParameterReads, PolicyView, adopt, recording

I32 = npt.NDArray[np.int32]
I64 = npt.NDArray[np.int64]
Bool = npt.NDArray[np.bool_]

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
_PLACES_LOCK = ForkSafeLock()

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
    # (the parts :func:`shared_part` shares: read-only arrays, each made by the method of its name)
    authority: I32 = field(init=False)
    rectify_level: Bool = field(init=False)
    own_rectify_level: Bool = field(init=False)
    rect_body: Bool = field(init=False)
    part: Bool = field(init=False)
    kind_part: Bool = field(init=False)
    conceal_level: Bool = field(init=False)
    conceal_role: I32 = field(init=False)
    giving: Bool = field(init=False)
    level_holds: Bool = field(init=False)
    any_level_holds: bool = field(init=False)

    def __post_init__(self) -> None:
        policy = self.policy
        self._names(policy)
        # The tables a parameter may change, each shared with the Tables of another view whose values of the
        # parameters its making read are the same (:func:`shared_part`). Those made are made on two twins of the
        # policy that note what they read, each part counting what its twin read before it (what it derived then
        # may be read again): authority's reads are rectify's but a few, and rect_body's part's, part's conceal's and
        # giving's (a twin for each would derive the same again, ~0.3 CPU s); level_holds, made of rectify and
        # part, reads the most, last.
        first, second = _Twin(policy), _Twin(policy)
        self._set(shared_part(policy, "authority", self._authority, twin=first))
        rectify = shared_part(policy, "rectify", self._rectify, twin=first)
        self._set(rectify)
        self._set(shared_part(policy, "rect_body", self._rect_body, twin=second))
        part = shared_part(policy, "part", self._part, twin=second)
        self._set(part)
        self._set(shared_part(policy, "conceal", self._conceal, twin=second))
        self._set(shared_part(policy, "giving", self._giving, twin=second))
        self._set(shared_part(policy, "level_holds", self._level_holds, rectify, part, twin=second))
        # (what the twins derived, the policy would derive again: the templates, the records' lines and the reference
        # path read it)
        first.adopt()
        second.adopt()
        self._rest(policy)

    def _set(self, made: _Part) -> None:
        self.__dict__.update(made.tables)

    def _names(self, policy: PolicyView) -> None:
        """The codes of the ids a record may name and what the policy says of them that the tables
        :func:`shared_part` shares are made of: none of it reads a parameter (a test checks it)."""
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
        # kind code of (area, kind name), -1 where the area has no such kind
        self.kind_code = np.full((len(self.areas), self.nk), -1, np.int32)
        for a, area in enumerate(self.areas):
            self.kind_code[a, 0] = 0
            for (ka, k), _ in policy.kinds.items():
                if ka == area:
                    self.kind_code[a, self.kind_index[k]] = self.kind_index[k]

    @property
    def nk(self) -> int:
        """How many kind codes there are (0: a record naming no kind)."""
        return len(self.kind_names) + 1

    def _kinds(self) -> Iterator[tuple[int, str, str | None, int]]:
        """Each area's code and id with each kind of it (``None``: a record naming none) and its code."""
        for a, area in enumerate(self.areas):
            for kid in [None, *self.kind_names]:
                kc = self.kind_index[kid] if kid else 0
                if self.kind_code[a, kc] >= 0:
                    yield a, area, kid, kc

    def _authority(self, policy: PolicyView) -> dict[str, Any]:
        """The authority rank per (area, kind, place's level rank): PolicyView.authority (a city's own policy gap is
        the city's)."""
        authority = np.zeros((len(self.areas), self.nk, self.max_rank + 1), np.int32)
        for a, area, kid, kc in self._kinds():
            for place in range(self.max_rank + 1):
                if place in self.rank_level:
                    authority[a, kc, place] = self.rank[policy.authority(area, kid, place)]
        return {"authority": authority}

    def _rectify(self, policy: PolicyView) -> dict[str, Any]:
        """The levels where some body can rectify a problem of (area, kind) placed at a level (rank): (a, k, place,
        level); ``own_rectify_level``: the same, without levels that only press those below
        (PolicyView.own_rectifier_levels)."""
        rectify_level = np.zeros((len(self.areas), self.nk, self.max_rank + 1, self.max_rank + 1), np.bool_)
        own_rectify_level = np.zeros_like(rectify_level)
        for a, area, kid, kc in self._kinds():
            for place in self.rank.values():
                for lv in policy.rectifier_levels(area, kid, place):
                    rectify_level[a, kc, place, lv] = True
                for lv in policy.own_rectifier_levels(area, kid, place):
                    own_rectify_level[a, kc, place, lv] = True
        return {"rectify_level": rectify_level, "own_rectify_level": own_rectify_level}

    def _rect_body(self, policy: PolicyView) -> dict[str, Any]:
        """Whether a body rectifies a problem of (area, kind) placed at a level (PolicyView.rectifies): a level's own
        交办 to it names who rectifies what the level received as a whole."""
        rect_body = np.zeros((len(self.areas), self.nk, self.max_rank + 1, len(self.bodies)), np.bool_)
        for a, area, kid, kc in self._kinds():
            for place in self.rank.values():
                rect_body[a, kc, place] = [policy.rectifies(area, kid, b, place) for b in self.bodies]
        return {"rect_body": rect_body}

    def _part(self, policy: PolicyView) -> dict[str, Any]:
        """Whether the text gives a body a part in a problem of (area, kind) (PolicyView.has_part): an assignment to a
        body without one is not 按程序 交办, and the body does not answer for its rectification; ``kind_part``: an
        assignment's body, by the kind (PolicyView.has_kind_part: 一(三) 按照问题类别…分类交办; review38b F1):
        where that and ``part`` differ for a step, the record takes the reference path
        (batch/_core.misassigned_steps), so the fast path reads ``part`` for both."""
        part = np.zeros((len(self.areas), self.nk, len(self.bodies)), np.bool_)
        kind_part = np.zeros_like(part)
        for a, area, kid, kc in self._kinds():
            part[a, kc] = [policy.has_part(area, kid, b) for b in self.bodies]
            kind_part[a, kc] = [policy.has_kind_part(area, kid, b) for b in self.bodies]
        return {"part": part, "kind_part": kind_part}

    def _giving(self, policy: PolicyView) -> dict[str, Any]:
        """``giving``: batch/_core.giving_line's table: whether naming a body in a record of (area, kind code) gives
        the record its line, where it names no other (engine/_facts.py record_line)."""
        got = np.zeros((len(self.areas), self.nk, len(self.bodies)), np.bool_)
        lined = [(i, b) for i, b in enumerate(self.bodies) if assigned_line_of(policy, b) is not None]
        for a, area, kid, kc in self._kinds():
            for i, b in lined:
                # (a body that gives its line only as an assignee is kept from finders and concealers by
                # record_lines: Tables.assignee_only)
                got[a, kc, i] = gives_line(policy, area, kid, b, True) is not None
        return {"giving": got}

    def _level_holds(self, policy: PolicyView) -> dict[str, Any]:
        """An assignment to a body with a part in a problem of (area, kind) placed at a level (rank) but no duty to
        rectify it, at a level where a body rectifies it other than by pressing those below, that
        assignment_without_rectification_duty (level_holds) reads as one to its level as a whole (engine/_facts.py
        derive; D4): (a, k, place, body); the encoders clear such a step's body (_encode.level_holds). All False
        under ``assignee`` (the body is the assignee). Made of ``part`` and ``own_rectify_level``."""
        level_holds = np.zeros((len(self.areas), self.nk, self.max_rank + 1, len(self.bodies)), np.bool_)
        if NO_DUTY in policy.parameters and policy.parameter(NO_DUTY) == "level_holds":
            level_holds = self.part[:, :, None, :] & self.own_rectify_level[..., self.body_rank]
            for a, k, place, b in zip(*np.nonzero(level_holds), strict=True):
                kid = self.kind_names[k - 1] if k else None
                if assignee_rectifies(policy, self.areas[a], kid, self.bodies[b], int(place)):
                    level_holds[a, k, place, b] = False
        return {"level_holds": level_holds, "any_level_holds": bool(level_holds.any())}

    def _conceal(self, policy: PolicyView) -> dict[str, Any]:
        """Where a level may be named as concealer: only where one of its bodies holds a duty at that stage
        (``conceal_level``); the role body a level named as concealer stands for (concealing_level_body: unresolved)
        per (area, kind, level rank), -1 where none (``conceal_role``): only where the level's part in the kind is a
        department's (engine/_facts.py concealing_role); elsewhere the level's holders answer."""
        stage = policy.failures["concealed"].stage if "concealed" in policy.failures else "handling"
        conceal_level = np.zeros((len(self.areas), self.nk, self.max_rank + 1), np.bool_)
        conceal_role = np.full((len(self.areas), self.nk, self.max_rank + 1), -1, np.int32)
        for a, area, kid, kc in self._kinds():
            for b in policy.stage_holders(area, kid, stage):
                conceal_level[a, kc, self.rank[policy.bodies[b].level]] = True
            for role_level in policy.roles:
                role = concealing_role(policy, area, kid, role_level)
                if role is not None:
                    conceal_role[a, kc, self.rank[role_level]] = self.body_index[role]
        return {"conceal_level": conceal_level, "conceal_role": conceal_role}

    def _rest(self, policy: PolicyView) -> None:
        """What the view's parameters give directly, the order of findings and the place tables."""
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
        # knows_with[b, u]: body u is one subject with b in what their level knows (PolicyView.knows_with: a level's
        # Party organisation and government), by concealing_body_partner_knew; None where the policy joins none
        knew = PARTNER_KNEW in policy.parameters and bool(policy.parameter(PARTNER_KNEW))
        joined = [(i, self.body_index[u]) for b, i in self.body_index.items() for u in policy.knows_with(b)
                  if u in self.body_index] if knew else []
        self.knows_with: Bool | None = None
        if joined:
            self.knows_with = np.zeros((len(self.bodies), len(self.bodies)), np.bool_)
            self.knows_with[tuple(np.array(joined).T)] = True
        # each level's role body (a level with departments), -1 where none
        self.level_role = np.full(self.max_rank + 1, -1, np.int32)
        for role_level, role_body in policy.roles.items():
            self.level_role[self.rank[role_level]] = self.body_index[role_body]
        self.severity_index = {s: i + 1 for i, s in enumerate(SEVERITIES)}
        # whether an assignment to a body of the place's level counts where nobody at or below it can rectify the kind
        # (place_above_rectifiers; engine/_facts.py at_place)
        self.place_assignee = policy.parameter(PLACE_ABOVE) != "holder" if PLACE_ABOVE in policy.parameters else True
        self.severity_ids = list(self.severity_index)
        # handling_time_limit_days (0 without it: every record then takes the reference path anyway)
        self.handling_limit = int(policy.parameter(HANDLING_LIMIT)) if HANDLING_LIMIT in policy.parameters else 0
        # the day the policy's duties apply (policy_in_force_from, else effective_from): a problem discovered before it
        # takes the reference path (refused, or judged for what happened after the day)
        since = in_force_from(policy)
        self.effective_from = since.toordinal() - EPOCH if since is not None else np.iinfo(np.int32).min
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


# ------------------------------------------------------------------ tables shared between views

@dataclass(frozen=True, slots=True)
class _Part:
    """Tables made under the values ``values`` (each with its type) of the parameters ``reads``, the only ones their
    making read (:func:`responsibility.policy._view.recording`); ``values`` ``None``: not shared (it read past the
    ids)."""

    reads: tuple[str, ...]
    values: tuple[tuple[type, Any], ...] | None
    tables: dict[str, Any]


#: Tables made in this process, by what they depend on besides parameters (engine/_compile's key: the data's parts
#: but its parameters, which the key holds, the parameters but their values, the view's day; with the part's name),
#: each with the parameters its making read and their values, the :data:`TABLES_KEEP` made or taken last. A what-if
#: view (``with_parameters``, ``assess --set``) changes one parameter or a few, and most parts read few of them: of
#: the ~1.4 CPU s a Tables took, ``rect_body`` (~0.9 s) reads ~10 of the ~40 parameters. An audit that assesses its
#: records under each of its 40 readings (tests/from_text.check_batch) so makes each part a few times, not 40.
#: Every array kept is read-only (the Tables of many views hold it).
_KEPT: OrderedDict[int, tuple[tuple[Any, ...], Any, _Part]] = OrderedDict()
#: rect_body and level_holds of the shipped policy are ~0.4 MB each; a set of parts ~1 MB.
TABLES_KEEP = 96
_KEPT_LOCK = ForkSafeLock()
#: How often :func:`shared_part` found a part kept, and made one (by part: for tests and measurements).
PART_STATS: dict[str, list[int]] = {}


class _Twin:
    """A :func:`~responsibility.policy._view.recording` twin of ``policy`` for parts made one after another, made
    when the first of them is."""

    def __init__(self, policy: PolicyView) -> None:
        self.policy = policy
        self.made: tuple[PolicyView, ParameterReads] | None = None

    def get(self) -> tuple[PolicyView, ParameterReads]:
        if self.made is None:
            self.made = recording(self.policy)
        return self.made

    def adopt(self) -> None:
        """Give the policy what the twin derived (:func:`~responsibility.policy._view.adopt`)."""
        if self.made is not None:
            adopt(self.policy, self.made[0])


def shared_part(policy: PolicyView, name: str, make: Callable[[PolicyView], dict[str, Any]],
                *inputs: _Part, twin: _Twin | None = None) -> _Part:
    """The tables ``make`` gives under ``policy``: kept ones another view's ``make`` made, where the parameters it
    read have ``policy``'s values, else ``make``'s on ``twin`` (a fresh one where none is given), which notes them:
    what it read before counts too (a part that read past the ids is not kept). ``inputs``: the parts ``make`` reads
    of (of the Tables it is bound to), whose reads count as its own. Thread-safe: two threads making one part make
    equal tables, and the one kept first is taken."""
    from ..engine._compile import _structure, _values

    stats = PART_STATS.setdefault(name, [0, 0])
    key = _structure(policy, name)
    with _KEPT_LOCK:
        kept = [m for k, _, m in _KEPT.values() if k == key[:-1]]
    for m in kept:
        if _values(policy, m.reads) == m.values:
            with _KEPT_LOCK:
                if id(m) in _KEPT:
                    _KEPT.move_to_end(id(m))
            stats[0] += 1
            return m
    made_on, noted = (twin or _Twin(policy)).get()
    tables = make(made_on)
    stats[1] += 1
    for x in tables.values():
        if isinstance(x, np.ndarray):
            x.flags.writeable = False
    every = noted.every or any(m.values is None for m in inputs)
    reads = tuple(sorted(noted.ids.union(*(m.reads for m in inputs))))
    values = None if every else _values(policy, reads)
    # (not kept where the making read the parameters past their ids — then any of them, in force or not, may count
    # — or, which cannot be, read one that is not in force)
    if values is None:
        return _Part(reads, None, tables)
    made = _Part(reads, values, tables)
    with _KEPT_LOCK:
        # (another thread's, made alike, where it kept it first)
        got = next((m for k, _, m in _KEPT.values() if k == key[:-1] and m.reads == reads and m.values == values),
                   made)
        if got is made:
            # (with the data's parts the key names by their ids, so that no other object takes an id while kept)
            _KEPT[id(made)] = (key[:-1], key[-1], made)
        _KEPT.move_to_end(id(got))
        while len(_KEPT) > TABLES_KEEP:
            _KEPT.popitem(last=False)
    return got


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
