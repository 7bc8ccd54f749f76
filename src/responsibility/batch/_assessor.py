"""Batch assessment: a whole ledger of problem records, fast, with nothing lost.

Records are read in chunks and coded as integer columns (:mod:`._encode`); the relations
:func:`~responsibility.engine._problem.parse_problem` checks are tested in bulk and the facts of
:func:`~responsibility.engine._facts.derive` are derived in bulk (:mod:`._core`); what each
distinct fact gives is computed once by the compiled engine and the
:class:`~responsibility.engine._decide.Decider` and reused; rows are emitted as columns
(:mod:`._emit`). Any record the fast path cannot read exactly as
:class:`~responsibility.Problem` would, or would decide by a different route, takes the
reference path instead: ``who_answers`` itself (compiled engine), whose
:class:`~responsibility.ProblemError` message becomes the reject's reason. So every record is
either assessed, with the findings ``who_answers`` gives it, or rejected with the reason
``who_answers`` raises; ``records == assessed + rejected`` always.

A policy with dated amendments (``Policy.epochs``) judges each problem by the rules in force on
its day: :class:`Periods` runs each record on the fast path of its period's rules.

Not done here: reading files (:mod:`._io`) and the command line (``_cli_assess``).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
import numpy.typing as npt

from .._errors import ProblemError, ResponsibilityError
from ..chain._jurisdiction import Jurisdiction
from ..engine._decide import Decider, decider_of, who_answers
from ..engine._facts import CONCEALER, REASSIGNED, RECEIVER, SELF_RECTIFIED
from ..engine._problem import _unwritable, map_as_object, plain_id
from ..engine._verdict import Finding
from ..policy._view import PolicyView
from . import _saved
from ._assessment import Assessment, needs_frames
from ._columns import blank_rows, check_columns, flat_record, json_problem, needs_rows, normalise, row_values
from ._core import FOUND, Templates, asked_count, check, derive, expand, keep_asked, receiving_bodies, seed_asked
from ._emit import REJECT_COLUMNS, Columns, Emitter, Lazy, Segments, reasons
from ._encode import Cols, arrow_rows, encode_arrow, encode_dicts, problem_days
from ._read import text_tables
from ._repeats import Repeats
from ._tables import EPOCH, Tables, pick, place_names

I64 = npt.NDArray[np.int64]
Bool = npt.NDArray[np.bool_]
#: Records per chunk.
CHUNK = 65536
#: A rejected record: (record, line or None, problem id or None, field, reason code, reason).
Reject = tuple[int, int | None, str | None, str, str, str]


@dataclass
class Part:
    """A chunk of input: its records (an Arrow table, or a list of Python records), their numbers
    and lines, and records already rejected. It is coded (:meth:`encode`) by the assessor that
    runs it, with that assessor's tables.

    ``given`` holds records an Arrow table cannot carry exactly (a JSON line with an explicit
    null, say), by position: their row of the table is empty, and they take the reference path
    as given.
    """

    source: Any
    numbers: I64  # record number (0-based, over the whole input) of each record of ``source``
    lines: I64 | None = None  # input line of each record (text files)
    rejects: list[Reject] = field(default_factory=list)  # records that could not even be read
    given: dict[int, Any] = field(default_factory=dict)

    @property
    def arrow(self) -> bool:
        return not isinstance(self.source, list)

    def encode(self, t: Tables) -> Cols:
        """The records as integer columns for ``t``."""
        c = encode_arrow(self.source, t) if self.arrow else encode_dicts(self.source, t)
        if self.given:
            c.slow[list(self.given)] = True
        return c

    @cached_property
    def raw(self) -> Callable[[int], Any]:
        """The record at a position, as ``who_answers`` takes it."""
        get = arrow_rows(self.source) if self.arrow else self.source.__getitem__
        if not self.given:
            return get
        given = self.given
        return lambda i: given[i] if i in given else get(i)

    def __len__(self) -> int:
        return len(self.numbers)

    def take(self, idx: I64) -> Part:
        """The records at positions ``idx`` (in that order), with none of the rejects."""
        if self.arrow:
            import pyarrow as pa

            # (Arrow arrays made from the buffers: pa.array of a numpy array imports numpy.ma, ~0.01 CPU s)
            if len(idx) and bool((idx[1:] > idx[:-1]).all()):  # in input order: a filter costs less than a take
                keep = np.zeros(len(self), np.bool_)
                keep[idx] = True
                bits = pa.py_buffer(np.packbits(keep, bitorder="little"))
                source = self.source.filter(pa.Array.from_buffers(pa.bool_(), len(keep), [None, bits]))
            else:
                at = pa.py_buffer(np.ascontiguousarray(idx, np.int64))
                source = self.source.take(pa.Array.from_buffers(pa.int64(), len(idx), [None, at]))
        else:
            source = [self.source[i] for i in idx.tolist()]
        given = {k: self.given[i] for k, i in enumerate(idx.tolist()) if i in self.given} if self.given else {}
        return Part(source, self.numbers[idx], None if self.lines is None else self.lines[idx], given=given)


@dataclass
class Result:
    """What one chunk gave."""

    columns: Columns | Any  # or an Arrow table of finding rows (from :class:`Periods`)
    rejects: list[Reject]
    records: int
    assessed: int
    referred: int = 0  # records that took the reference path (parse_problem and who_answers)
    counts: I64 = field(default_factory=lambda: np.zeros(0, np.int64))  # rows per (basis, liability)


def problem_error(field: str, message: str, code: str, *, record: str | None = None) -> ProblemError:
    """A :class:`ProblemError` with a reason code (``code`` in the rejects)."""
    return ProblemError(field, message, record=record, code=code)


def reject(number: int, line: int | None, exc: Exception) -> Reject:
    """A rejected record from the error that rejects it (text safe to write as UTF-8)."""
    record = getattr(exc, "record", None)
    return (number, line, None if record is None else _utf8(str(record)), getattr(exc, "field", "(record)"),
            getattr(exc, "code", None) or "invalid", _utf8(str(exc)))


def _utf8(text: str) -> str:
    try:
        text.encode()
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode()
    return text


#: A text holding half of a UTF-16 surrogate pair, said as `who` says it of a file (policy/_yaml), with what to do.
LONE_SURROGATE = ("text with a lone surrogate (half of a UTF-16 surrogate pair, such as \\ud800, not a character; it "
                  "cannot be written as UTF-8); remove it, or write the whole character (a pair such as "
                  "\\ud83d\\ude00 is read as one)")




class Assessor:
    """Assesses chunks of records for one policy, jurisdiction, date and language."""

    def __init__(self, policy: PolicyView, jurisdiction: Jurisdiction, *, today: dt.date | None = None,
                 lang: str = "zh", reference: PolicyView | None = None, segments: Segments | None = None) -> None:
        decider: Decider = decider_of(policy)
        self.policy, self.jurisdiction, self.decider = policy, jurisdiction, decider
        #: whose who_answers decides the records the fast path leaves (the whole amended policy,
        #: for an assessor of one of its periods)
        self.reference = reference or policy
        self.today = today or dt.date.today()
        self.lang = lang
        #: the key of what this assessor builds in the cache (:mod:`._saved`), and how many templates
        #: the cache holds: :meth:`save` writes the entry again when more were made
        self.saved_key = _saved.key_of(policy, jurisdiction, lang)
        got = _saved.load(self.saved_key, policy, jurisdiction, decider, lang) if self.saved_key else None
        #: whether the tables and templates came from the cache (then rules are compiled only when needed)
        self.loaded = got is not None
        emitted: dict[str, Any] | None = None
        more: dict[str, Any] = {}  # (what else the entry kept: _saved.made)
        if got is not None:
            self.t, self.templates, emitted, more = got
        else:
            self.t = Tables(policy, jurisdiction, decider)
            self.templates = Templates(self.t, lang)
        self._saved_count = len(self.templates.start) if got is not None else -1
        if got is not None:  # (what the run that saved it asked of the policy: not asked again)
            seed_asked(self.templates)
        self._saved_asked = asked_count(self.templates) if got is not None else -1
        #: how many areas' rules the cached entry had looked at (FoundFields): :meth:`save` writes it again when more
        self._saved_seen = int(self.templates.reads.seen.sum()) if got is not None else -1
        self.emitter = Emitter(self.t, self.templates, lang, segments, emitted)
        #: the reasons' segments (shared with the other periods' assessors of a :class:`Periods`)
        self.segments = self.emitter.segments
        params = policy.parameters
        # Every record takes the reference path when the templates cannot be filled by concatenation
        # or the policy has dated amendments (see the module docstring).
        self.exact = self.t.exact and {"handling_time_limit_days", "rectification_time_limit_days"} <= set(params) \
            and (not policy.epochs or policy.as_of is not None)
        self.limit = int(params["handling_time_limit_days"].value) if self.exact else 0
        self.rect_limit = int(params["rectification_time_limit_days"].value) if self.exact else 0
        self.must_report = bool(params[SELF_RECTIFIED].value) if SELF_RECTIFIED in params else True
        self.pass_down = REASSIGNED in params and params[REASSIGNED].value == "supervision"
        self.conceal_role = CONCEALER in params and params[CONCEALER].value == "unresolved"
        # which body a city or the province that had a problem through no body named stands for (R22-2)
        self.receivers = more["receivers"] if "receivers" in more else receiving_bodies(policy, self.t) \
            if RECEIVER in params and params[RECEIVER].value == "unresolved" else None

    def run(self, part: Part, refer: Bool | None = None, *, defer: bool = False) -> Result:
        """Assess one chunk: every record is assessed or rejected (those marked in ``refer`` by
        the reference path). ``defer``: leave the reasons as segment ids (see ``Emitter.emit``)."""
        t = self.t
        c = part.encode(t)
        if not self.exact:
            c.slow[:] = True
        if refer is not None:
            c.slow |= refer
        today = self.today.toordinal() - EPOCH
        check(c, t, today)
        dv = derive(c, t, today=today, limit=self.limit, rect_limit=self.rect_limit, must_report=self.must_report,
                    pass_down=self.pass_down, conceal_role=self.conceal_role, receivers=self.receivers,
                    tpl=self.templates)
        rows = expand(c, t, self.templates, dv)
        rejects = list(part.rejects)
        slow: list[tuple[int, str, list[Finding], str]] = []
        # (a mask rather than np.union1d, whose np.unique imports numpy.ma: ~0.01 CPU s of a short run)
        todo_mask = c.slow.copy()
        todo_mask[rows.moved] = True
        todo = np.flatnonzero(todo_mask).tolist()
        for i in todo:
            raw = part.raw(i)
            try:
                # (refused unread as who_answers refuses it, engine/_problem.unwritable_part — one walk for both —
                # said here with what to do of a surrogate; nested too deeply: with the record's id, hostile60 N5)
                bad = _unwritable(raw, "", 0)
                if bad is not None:
                    raise problem_error(bad[0], LONE_SURROGATE if bad[2] == "bad_text" else bad[1], bad[2],
                                        record=plain_id(raw))
                # (who_answers' findings as far as the rows hold them: decided again only under the readings that
                # word a reason, not under every reading a finding may rest on, which no row holds)
                verdict = who_answers(self.reference, raw, jurisdiction=self.jurisdiction, engine="compiled",
                                      today=self.today, wording_only=True)
            except ResponsibilityError as exc:
                line = int(part.lines[i]) if part.lines is not None else None
                rejects.append(reject(int(part.numbers[i]), line, exc))
                continue
            slow.append((i, verdict.problem, list(verdict.findings), verdict.context.problem.area))
        rejects.sort(key=lambda r: r[0])
        columns = self.emitter.emit(c, dv, rows, slow, part.numbers, defer=defer)
        n_rejected = len(rejects) - len(part.rejects)
        return Result(columns, rejects, c.n + len(part.rejects), c.n - n_rejected, len(todo), columns.counts)

    def save(self) -> None:
        """Save the tables and templates for the next run (:mod:`._saved`), if it would find more
        than the cache holds."""
        if self.saved_key is None:
            return
        tpl = self.templates
        # What the rules of an area read of a discovery (FoundFields) is looked at, compiling the area's rules,
        # where a discovery in it is first met; templates taken from workers come without it (this process met
        # no discovery), and an entry saved so made every later run compile the rules of every area met, in
        # every worker, though no template was made: ~0.3 CPU s a run for a policy with two periods. So the areas
        # of the discovery templates are looked at here, once, and the entry is written again when they add any.
        _look_found(tpl)
        asked = keep_asked(tpl)
        if len(tpl.start) > self._saved_count or int(tpl.reads.seen.sum()) > self._saved_seen \
                or asked > self._saved_asked:
            self.emitter.sync()  # (the templates workers made, too)
            _saved.save(self.saved_key, self.t, tpl, self.emitter.state(), _saved.made(self.t, self.receivers))
            self._saved_count, self._saved_seen = len(tpl.start), int(tpl.reads.seen.sum())
            self._saved_asked = asked

    def table(self, result: Result, dicts: Dictionaries) -> Any:
        """A result's finding rows as an Arrow table."""
        return result.columns if not isinstance(result.columns, Columns) else to_arrow(result.columns, dicts)

    @cached_property
    def dictionaries(self) -> Dictionaries:
        """The dictionaries of this assessor's finding columns (made once)."""
        return Dictionaries(self.t)

    def all_templates(self) -> dict[int, Templates]:
        """The templates of each period (one here)."""
        return {0: self.templates}


def _look_found(tpl: Templates) -> None:
    """Have ``tpl.reads`` look at the rules of every area of a discovery's template it has not looked at
    (the area and the fact type are parts of a template's key: ``Templates.codes``)."""
    reads = tpl.reads
    if reads.seen.all() or not len(tpl._ids.keys):
        return
    radix = tpl.radix  # (kind, sev, prank, ft, fl, fb + 1, fe)
    below_ft = radix[4] * radix[5] * radix[6]
    codes = tpl._ids.keys
    area = codes // (below_ft * radix[3] * radix[2] * radix[1] * radix[0])
    found = (codes // below_ft) % radix[3] == FOUND
    for a in np.flatnonzero(np.bincount(area[found])).tolist():  # (the areas met, in order; no np.unique)
        if not reads.seen[a]:
            reads._look(a)


class Periods:
    """Assesses chunks for a policy with dated amendments: each record by the rules in force on
    its day (its discovery, else its assessment date, as ``who_answers`` picks them).

    The records of a chunk are grouped by the period their day falls in, and each group runs
    on the fast path of an :class:`Assessor` for the policy as in force in that period (the very
    view ``who_answers`` uses); their finding rows are merged back in record order. A record
    whose day cannot be read in bulk takes the reference path of the whole policy.

    Every period's assessor is made here, with its rules compiled, so that workers forked later
    share them rather than each making its own (the periods share the jurisdiction's place
    tables, as every :class:`Tables` of one jurisdiction does). Finding rows of several periods
    are coded by dictionaries made once over every period (each period's values, in period
    order; see :func:`merge_periods`).
    """

    def __init__(self, policy: PolicyView, jurisdiction: Jurisdiction, *, today: dt.date | None = None,
                 lang: str = "zh") -> None:
        self.policy, self.jurisdiction, self.lang = policy, jurisdiction, lang
        self.today = today or dt.date.today()
        self._today = self.today.toordinal() - EPOCH
        epochs = policy.epochs
        self.epochs = np.array([d.toordinal() - EPOCH for d in epochs], np.int64)
        at = int(np.searchsorted(self.epochs, self._today, "right"))
        # the period of the assessment date first: its tables stand for all in the counts (the bases
        # and liabilities do not change)
        self._assessors: dict[int, Assessor] = {}
        #: the reasons' segments, shared by every period's emitter, so that rows of several periods
        #: make their reasons in one take, in record order
        self.segments = Segments()
        for p in [at, *(p for p in range(len(epochs) + 1) if p != at)]:
            day = self.today if p == at else epochs[p - 1] if p else _day_before(epochs[0])
            got = Assessor(policy.at(day), jurisdiction, today=self.today, lang=lang, reference=policy,
                           segments=self.segments)
            if not got.loaded:  # compile the period's rules now (once, not in every worker)
                for area in got.t.areas:
                    got.decider.compiled.fire(area, [])
            self._assessors[p] = got
        self.t = self._assessors[at].t
        self.exact = self._assessors[at].exact
        #: whether every period's tables and templates came from the cache
        self.loaded = all(a.loaded for a in self._assessors.values())
        self._at = at
        self._dicts = {p: Dictionaries(a.t) for p, a in self._assessors.items()}
        #: whether a period codes its finding rows as the first does (then they pass on as columns)
        self._same = {p: _coding(d) == _coding(self._dicts[at]) for p, d in self._dicts.items()}
        self._union = _Union(self._dicts)

    def assessor(self, period: int) -> Assessor:
        """The assessor of a period (the index of its first epoch, counted from 1; 0 before any)."""
        return self._assessors[period]

    def run(self, part: Part) -> Result:
        """Assess one chunk (see the class docstring)."""
        day, readable = problem_days(part.source, self._today)
        if part.given:
            # records given as Python builds them (a JSON line outside the C parser's shape, e.g. one writing
            # `area`): the table holds only their ids, so their day is read from the record (review19 D5: they
            # were judged by the latest period's tables and a replaced body's finding crashed the run)
            day[list(part.given)] = problem_days(list(part.given.values()), self._today)[0]
        period = np.searchsorted(self.epochs, day, "right")
        done: list[tuple[int, Columns]] = []
        rejects = list(part.rejects)
        records, assessed, referred = len(part.rejects), 0, 0
        counts = np.zeros(len(self.t.bases) * len(self.t.liabilities), np.int64)
        periods = np.flatnonzero(np.bincount(period)).tolist()  # (no np.unique: it imports numpy.ma)
        self.segments.bound()
        for p in periods:
            idx = np.nonzero(period == p)[0]
            assessor = self._assessors[p]
            # the chunk's records (its rejects are counted here), or those of the period
            own = Part(part.source, part.numbers, part.lines, given=part.given) if len(idx) == len(part) \
                else part.take(idx)
            result = assessor.run(own, refer=~readable[idx], defer=len(periods) > 1)
            done.append((p, result.columns))
            rejects += result.rejects
            records, assessed, referred = records + result.records, assessed + result.assessed, \
                referred + result.referred
            counts += self._counts(assessor.t, result.counts)
        rejects.sort(key=lambda r: r[0])
        if not done:
            return Result(finding_schema().empty_table(), rejects, records, assessed, referred, counts)
        if len(done) == 1:
            p, columns = done[0]  # coded as the first period codes: rows as columns
            return Result(columns if self._same[p] else to_arrow(columns, self._dicts[p]), rejects, records,
                          assessed, referred, counts)
        table = merge_periods([(columns, p) for p, columns in done], self._union, self.segments)
        return Result(table, rejects, records, assessed, referred, counts)

    def _counts(self, t: Tables, counts: I64) -> I64:
        if t.bases == self.t.bases and t.liabilities == self.t.liabilities:
            return counts
        out = np.zeros(len(self.t.bases) * len(self.t.liabilities), np.int64)
        nl, ml = len(t.liabilities), len(self.t.liabilities)
        for i, v in enumerate(counts.tolist()):
            if v:
                b, x = t.bases[i // nl], t.liabilities[i % nl]
                out[self.t.bases.index(b) * ml + self.t.liabilities.index(x)] += v
        return out

    def save(self) -> None:
        """Save each period's tables and templates for the next run (see :meth:`Assessor.save`)."""
        for a in self._assessors.values():
            a.save()

    def table(self, result: Result, dicts: Dictionaries) -> Any:
        """A result's finding rows as an Arrow table."""
        return result.columns if not isinstance(result.columns, Columns) else to_arrow(result.columns, dicts)

    @property
    def dictionaries(self) -> Dictionaries:
        """The dictionaries of the finding columns (those of the assessment date's period)."""
        return self._dicts[self._at]

    def all_templates(self) -> dict[int, Templates]:
        """The templates of each period."""
        return {p: a.templates for p, a in self._assessors.items()}

    def arrow_dictionaries(self) -> None:
        """Make every period's dictionaries, and their union, as Arrow arrays now."""
        for d in self._dicts.values():
            d.arrow_all()
        for name in _CODED:
            self._union.arrow(name)


def _day_before(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=1) if day > dt.date.min else day


class _Union:
    """The values of every coded finding column over several periods' dictionaries (the first's
    values in its order, then each new one where it first appears), and, per period, where each
    of its values stands in them. Made once, so that merging a chunk's rows costs no look-up of
    values."""

    def __init__(self, dicts: Mapping[int, Dictionaries]) -> None:
        self.values: dict[str, list[str]] = {}
        self.remap: dict[int, dict[str, npt.NDArray[np.int32]]] = {p: {} for p in dicts}
        same: set[str] = set()  # the columns whose values every period has, in one order
        for name in _CODED:
            lists = [d.values[name] for d in dicts.values()]
            first = lists[0]
            if all(x is first or x == first for x in lists[1:]) and len(set(first)) == len(first):
                # every period has these values, in this order (the places and their names: the periods share
                # the jurisdiction's place tables): they are the union, and each period's indices stand as
                # they are (a look-up of ~26,000 places in each period cost an amended run ~0.05 CPU s)
                self.values[name] = list(first)
                same.add(name)
                identity = np.arange(len(first), dtype=np.int32)
                for p in dicts:
                    self.remap[p][name] = identity
                continue
            u: dict[str, int] = {}
            for values in lists:
                for v in values:
                    u.setdefault(v, len(u))
            self.values[name] = list(u)
            for p, d in dicts.items():
                self.remap[p][name] = np.array([u[v] for v in d.values[name]], np.int32)
        #: per period, for each coded column: the row column its index follows from (``Columns.body`` for
        #: level, body and name, say) and the union index of each value of that column; ``None`` where that
        #: is the value itself (see :meth:`Dictionaries.indices`: level and name follow from the body, the
        #: place's name from the place; composed here once, so a chunk's row takes one look-up a column)
        self.maps: dict[int, dict[str, tuple[str, npt.NDArray[np.int32] | None]]] = {}
        for p, d in dicts.items():
            remap = self.remap[p]
            of: dict[str, tuple[str, npt.NDArray[np.int32] | None]] = {}
            for name in ("area", "body", "place", "basis", "liability"):
                of[name] = (name, None if name in same else remap[name])
            of["level"] = ("body", remap["level"][d.level_of_body])
            of["name"] = ("body", remap["name"][d.name_of_body])
            of["place_name"] = ("place", remap["place_name"][d.name_of_place])
            self.maps[p] = of
        self._arrow: dict[str, Any] = {}

    def arrow(self, name: str) -> Any:
        import pyarrow as pa

        got = self._arrow.get(name)
        if got is None:
            got = self._arrow[name] = pa.array(self.values[name], pa.string())
        return got


def merge_periods(parts: list[tuple[Columns, int]], union: _Union, segments: Segments) -> Any:
    """One chunk's finding rows as an Arrow table in record order (the rows of one record stay
    together, in their order), from rows of disjoint sets of its records, each (with its period)
    coded by its own period's dictionaries and mapped to ``union`` (``_Union.maps``); clause texts
    (per chunk) are unified as ``unify_dictionaries`` does (the first part's, then each new one
    where it first appears). The reasons are made here, in one take of ``segments`` in record
    order (the parts' reasons are deferred: ``Columns.segs``).

    Each part's rows are put straight where they stand in record order (one pass a column and part,
    no joined copy taken again in order)."""
    import pyarrow as pa

    record = np.concatenate([c.record for c, _ in parts])
    order = np.argsort(record, kind="stable")
    n = len(order)
    at = np.empty(n, np.int64)  # where each row of the parts, one after another, stands in record order
    at[order] = np.arange(n)
    bounds = np.cumsum([0] + [len(c.record) for c, _ in parts]).tolist()
    where = [at[lo:hi] for lo, hi in itertools.pairwise(bounds)]
    arrays: dict[str, Any] = {"record": pa.array(record[order], pa.int64())}
    # (a take of the parts as one chunked array: no copy of them joined first)
    arrays["problem"] = pa.chunked_array([pa.array(c.problem, pa.string()) if isinstance(c.problem, list)
                                          else c.problem for c, _ in parts], pa.string()).take(pa.array(order))
    for name in _CODED:
        idx = np.empty(n, np.int32)
        for (c, p), to in zip(parts, where, strict=True):
            field_name, look = union.maps[p][name]
            rows = getattr(c, field_name)
            idx[to] = rows if look is None else look[rows]
        arrays[name] = pa.DictionaryArray.from_arrays(pa.array(idx, pa.int32()), union.arrow(name))
    texts: dict[str, int] = {}
    for c, _ in parts:
        for v in c.clause_texts:
            texts.setdefault(v, len(texts))
    clauses = np.zeros(n, np.int32)
    for (c, _), to in zip(parts, where, strict=True):
        if c.clause_texts:
            clauses[to] = np.array([texts[v] for v in c.clause_texts], np.int32)[c.clauses]
    arrays["clauses"] = pa.DictionaryArray.from_arrays(pa.array(clauses, pa.int32()),
                                                       pa.array(list(texts), pa.string()))
    # the rows of the reference path: where they stand in record order, and their reasons
    segs = np.empty((n, 2), np.int64)
    pairs = segs.view("V16").reshape(n)  # (a row's two ids as one item: numpy puts rows of two ten times slower)
    given = []
    for (c, _), to in zip(parts, where, strict=True):
        if c.segs is not None:
            pairs[to] = np.ascontiguousarray(c.segs, np.int64).view("V16").reshape(len(to))
        if c.given is not None:
            given.append(to[c.given])
    given_reasons = [x for c, _ in parts for x in c.given_reasons]
    arrays["reason"] = reasons(segments, segs, np.concatenate(given) if given else np.zeros(0, np.int64),
                               given_reasons)
    return pa.Table.from_pydict(arrays, schema=finding_schema())


def _coding(d: Dictionaries) -> tuple[Any, ...]:
    """What the indices of finding rows mean under ``d``."""
    return (tuple(tuple(d.values[k]) for k in _CODED), d.level_of_body.tobytes(), d.name_of_body.tobytes(),
            d.name_of_place.tobytes())


def make_assessor(policy: PolicyView, jurisdiction: Jurisdiction, *, today: dt.date | None = None,
                  lang: str = "zh") -> Assessor | Periods:
    """The assessor for ``policy``: one set of rules, or one per period of a policy with dated
    amendments."""
    if policy.epochs and policy.as_of is None:
        return Periods(policy, jurisdiction, today=today, lang=lang)
    return Assessor(policy, jurisdiction, today=today, lang=lang)


# ------------------------------------------------------------------------------ inputs


def _kind(obj: Any) -> str:
    """'pandas', 'polars' or 'arrow' for data frames and tables, else ''."""
    module = type(obj).__module__.split(".")[0]
    name = type(obj).__name__
    if module == "pandas" and name == "DataFrame":
        return "pandas"
    if module == "polars" and name == "DataFrame":
        return "polars"
    if module == "pyarrow" and name in ("Table", "RecordBatch"):
        return "arrow"
    return ""


def bad_json(row: Mapping[str, Any], name: str, where: str = "") -> ProblemError:
    """The error of a flat row whose nested field ``name`` holds text that is not JSON (``bad_json``)."""
    rid = row.get("id")
    return problem_error(name, f"{where}{json_problem(row[name])}", "bad_json",
                         record=None if rid is None or rid == "" else str(rid))


def dict_parts(records: Iterable[Any], t: Tables, *, tabular: bool = False, start: int = 0) -> Iterator[Part]:
    """Parts of Python records (tabular: rows of a flat table, see :func:`._columns.flat_record`;
    a row whose nested cell is not JSON is rejected here, ``bad_json``, as from a CSV file)."""
    buf: list[Any] = []
    numbers: list[int] = []
    rejects: list[Reject] = []

    def part() -> Part:
        return Part(list(buf), np.array(numbers, np.int64), rejects=list(rejects))

    for number, r in enumerate(records, start):
        if tabular and isinstance(r, dict):
            flat, bad = flat_record(r)
            if not flat and bad is None:
                continue  # a row whose cells are all empty is no record (its number stays its position)
            if bad is not None:
                rejects.append(reject(number, None, bad_json(r, bad)))
            else:
                buf.append(flat)
                numbers.append(number)
        else:
            buf.append(r)
            numbers.append(number)
        if len(buf) + len(rejects) >= CHUNK:
            yield part()
            buf, numbers, rejects = [], [], []
    if buf or rejects:
        yield part()


def arrow_parts(table: Any, t: Tables, *, start: int = 0) -> Iterator[Part]:
    """Parts of an Arrow table, column-wise (its values read as every tabular path reads them)."""
    table = normalise(table)
    if needs_rows(table):
        yield from dict_parts(table.to_pylist(), t, tabular=True, start=start)
        return
    blank = blank_rows(table)
    if blank is not None:  # rows whose cells are all empty are no records; the others keep their positions
        kept = np.flatnonzero(~blank)
        table = table.take(kept)
        positions = kept + start
    for lo in range(0, table.num_rows, CHUNK):
        piece = table.slice(lo, CHUNK)
        numbers = np.arange(start + lo, start + lo + piece.num_rows, dtype=np.int64) if blank is None else \
            positions[lo:lo + piece.num_rows]
        yield Part(piece, numbers)


def parts(records: Any, t: Tables) -> Iterator[Part]:
    """Parts of any input :meth:`Policy.assess` accepts (a table's columns are checked first)."""
    kind = _kind(records)
    if kind == "arrow":
        import pyarrow as pa

        check_columns(records.schema.names, "the table")
        table = pa.Table.from_batches([records]) if isinstance(records, pa.RecordBatch) else records
        for piece, first in text_tables(table):  # (text that is not UTF-8: its rows rejected, as from Parquet)
            yield from arrow_parts(piece, t, start=first)
        return
    if kind in ("pandas", "polars"):
        check_columns([str(c) for c in records.columns], "the data frame")
        try:
            import pyarrow as pa

            table = pa.Table.from_pandas(_maps_as_objects(records), preserve_index=False) if kind == "pandas" \
                else records.to_arrow()
        except (ImportError, ValueError, TypeError, NotImplementedError, OverflowError):  # mixed columns, huge ints
            # (its rows' values read as a frame's row is everywhere: a list column's cells are numpy arrays;
            # hostile30 ask 2)
            rows = records.to_dict("records") if kind == "pandas" else records.to_dicts()
            yield from dict_parts(map(row_values, rows), t, tabular=True)
            return
        yield from arrow_parts(table, t)
        return
    if isinstance(records, (Mapping, str, bytes)):
        raise TypeError(f"assess() takes many records (an iterable of dicts or a data frame), got "
                        f"{type(records).__name__}; pass [record] for one")
    yield from dict_parts(records, t)


def _maps_as_objects(frame: Any) -> Any:
    """``frame`` with its ``discovered`` cells that are a Parquet map as pandas reads one (a list of (key, value)
    tuples) made the objects they stand for, as ``assess m.parquet`` and ``who_answers(frame.iloc[0])`` read them
    (hostile53: ``pa.Table.from_pandas`` made the tuples ``list<list<string>>`` and every row was refused as "a list
    of 3 items"). The frame is copied only where its first list cell is such pairs; a map giving a key twice stays
    the list it is, and its row is refused."""
    col = frame["discovered"] if "discovered" in frame.columns else None
    if col is None or col.dtype != object:
        return frame
    first = next((v for v in col if isinstance(v, list)), None)  # (a frame of maps: its first cell is one)
    if not first or not all(type(x) is tuple and len(x) == 2 for x in first):
        return frame
    frame = frame.copy(deep=False)
    frame["discovered"] = [map_as_object(v) if isinstance(v, list) else v for v in col]
    return frame


# ------------------------------------------------------------------------------ outputs


def finding_schema() -> Any:
    """The Arrow schema of finding rows."""
    import pyarrow as pa

    d = pa.dictionary(pa.int32(), pa.string())
    return pa.schema([("record", pa.int64()), ("problem", pa.string()), ("area", d), ("level", d), ("body", d),
                      ("name", d), ("place", d), ("place_name", d), ("basis", d), ("liability", d), ("clauses", d),
                      ("reason", pa.string())])


def reject_schema() -> Any:
    """The Arrow schema of rejects."""
    import pyarrow as pa

    return pa.schema([("record", pa.int64()), ("line", pa.int64()), ("problem", pa.string()),
                      ("field", pa.string()), ("code", pa.string()), ("reason", pa.string())])


class Dictionaries:
    """The fixed dictionaries of the finding columns, by output column."""

    def __init__(self, t: Tables) -> None:
        policy = t.policy
        names = list(dict.fromkeys(policy.bodies[b].name for b in t.bodies))
        # a place's name as its findings' reasons give it (its code where the jurisdiction has no name)
        distinct, self.name_of_place = place_names(t.place_texts)
        self.values: dict[str, list[str]] = {
            "area": t.areas, "level": t.level_ids, "body": t.bodies, "name": names, "place": t.place_codes,
            "place_name": distinct, "basis": t.bases, "liability": t.liabilities}
        self.level_of_body = np.array([t.level_ids.index(policy.bodies[b].level) for b in t.bodies], np.int32)
        self.name_of_body = np.array([names.index(policy.bodies[b].name) for b in t.bodies], np.int32)
        self._arrow: dict[str, Any] = {}

    def indices(self, cols: Columns) -> dict[str, npt.NDArray[np.int32]]:
        # (np.take: numpy's indexing by an int32 array costs ~1.5x as much)
        return {"area": cols.area, "level": pick(self.level_of_body, cols.body), "body": cols.body,
                "name": pick(self.name_of_body, cols.body), "place": cols.place,
                "place_name": pick(self.name_of_place, cols.place), "basis": cols.basis,
                "liability": cols.liability}

    def arrow(self, name: str) -> Any:
        import pyarrow as pa

        got = self._arrow.get(name)
        if got is None:
            got = self._arrow[name] = pa.array(self.values[name], pa.string())
        return got

    def arrow_all(self) -> None:
        """Make every column's dictionary as an Arrow array now."""
        for name in _CODED:
            self.arrow(name)


#: The finding columns held as indices into :class:`Dictionaries`.
_CODED = ("area", "level", "body", "name", "place", "place_name", "basis", "liability")


def to_arrow(cols: Columns, dicts: Dictionaries, *, reason: bool = True) -> Any:
    """Finding rows as an Arrow table (dictionary columns for the few-valued ones); ``reason=False``: all
    columns but the reasons (``cols.reasons`` a :class:`~._emit.Lazy`, made a piece at a time)."""
    import pyarrow as pa

    idx = dicts.indices(cols)
    arrays: dict[str, Any] = {"record": ints(cols.record, np.int64)}
    arrays["problem"] = cols.problem if not isinstance(cols.problem, list) else pa.array(cols.problem, pa.string())
    for name in _CODED:
        arrays[name] = _coded(idx[name], dicts.arrow(name))
    arrays["clauses"] = _coded(cols.clauses, pa.array(cols.clause_texts, pa.string()))
    schema = finding_schema()
    if not reason:
        return pa.Table.from_pydict(arrays, schema=schema.remove(schema.get_field_index("reason")))
    arrays["reason"] = cols.reasons.array() if isinstance(cols.reasons, Lazy) else cols.reasons
    return pa.Table.from_pydict(arrays, schema=schema)


def _coded(indices: npt.NDArray[np.int32], dictionary: Any) -> Any:
    """A dictionary column; Arrow checks each index only where a bound of them is outside (then it raises as
    ever): a min and max here cost a quarter of its check of every index (~0.015 CPU s of a 1M run)."""
    import pyarrow as pa

    inside = not len(indices) or (int(indices.min()) >= 0 and int(indices.max()) < len(dictionary))
    return pa.DictionaryArray.from_arrays(ints(indices, np.int32), dictionary, safe=not inside)


def ints(values: npt.NDArray[Any], dtype: type[np.int32] | type[np.int64]) -> Any:
    """Integers as an Arrow array of ``dtype`` without nulls (no copy where they are that type already).
    ``pa.array`` of a numpy array would do as much, but it asks whether the array is masked, which imports
    ``numpy.ma`` (~0.01 CPU s of every run)."""
    import pyarrow as pa

    data = np.ascontiguousarray(values, dtype)
    return pa.Array.from_buffers(pa.int32() if dtype is np.int32 else pa.int64(), len(data),
                                 [None, pa.py_buffer(data)])


def to_python(cols: Columns, dicts: Dictionaries) -> dict[str, list[Any]]:
    """Finding rows as lists of Python values, by column."""
    idx = dicts.indices(cols)
    out: dict[str, list[Any]] = {"record": cols.record.tolist(),
                                 "problem": list(cols.problem) if isinstance(cols.problem, list)
                                 else cols.problem.to_pylist()}
    for name in _CODED:
        values = dicts.values[name]
        out[name] = [values[i] for i in idx[name].tolist()]
    out["clauses"] = [cols.clause_texts[i] for i in cols.clauses.tolist()]
    out["reason"] = (cols.reasons.array() if isinstance(cols.reasons, Lazy) else cols.reasons).to_pylist()
    return out


def rejects_to_arrow(rejects: list[Reject]) -> Any:
    """Rejects as an Arrow table."""
    import pyarrow as pa

    return pa.Table.from_pylist([dict(zip(REJECT_COLUMNS, r, strict=True)) for r in rejects], schema=reject_schema())


def count_table(t: Tables, counts: I64) -> dict[tuple[str, str], int]:
    """Findings per (basis, liability), in the policy's order, zeros left out."""
    nl = len(t.liabilities)
    return {(t.bases[i // nl], t.liabilities[i % nl]): int(v) for i, v in enumerate(counts.tolist()) if v}


def assess(policy: PolicyView, records: Any, *, jurisdiction: Jurisdiction | None = None,
           today: dt.date | None = None, lang: str = "zh") -> Assessment:
    """:meth:`Policy.assess`: see there."""
    pd, pa = needs_frames("assess()")
    j = jurisdiction if jurisdiction is not None else Jurisdiction.example()
    assessor = make_assessor(policy, j, today=today, lang=lang)
    dicts = Dictionaries(assessor.t)
    repeats = Repeats()  # records that share an id: assessed each, and said (review26 H3, hostile27)
    results = [assessor.run(p) for p in map(repeats.part, parts(records, assessor.t))]
    assessor.save()
    found = repeats.found()  # (said by summary(), the notebook's view and the report; not a warning: a frame of
    # records given twice on purpose is no mistake of the caller's program, and the suite runs warnings as errors)
    counts = np.zeros(len(assessor.t.bases) * len(assessor.t.liabilities), np.int64)
    for r in results:
        counts += r.counts
    rejects = [x for r in results for x in r.rejects]
    tables = [assessor.table(r, dicts) for r in results]
    table = pa.concat_tables(tables).unify_dictionaries() if tables else finding_schema().empty_table()
    strings = {pa.string(): pd.StringDtype("pyarrow")}.get
    findings = table.combine_chunks().to_pandas(types_mapper=strings)
    frame = rejects_to_arrow(rejects).to_pandas(types_mapper=strings)
    total = sum(r.records for r in results)
    # rows of a table whose cells are all empty, skipped by ``parts`` (no records), said by the summary
    blank = len(records) - total if _kind(records) else 0
    return Assessment(findings, frame, total, sum(r.assessed for r in results),
                      len(rejects), count_table(assessor.t, counts), tuple(assessor.t.liabilities),
                      context=(policy, j), blank_rows=blank, repeats=found)
