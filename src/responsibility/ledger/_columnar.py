"""The ledger folded into columns: every problem's state on a day, for the three lists at once.

:class:`~._fold.Folder` makes one :class:`~._fold.State` object per problem — right for one
problem, or for the alerts and indices; for the lists of a whole province it is most of the time
and memory. :func:`fold_columns` gives the same states as Arrow and numpy columns: the database
writes each event as one line of JSON (:func:`~._store.json_lines`), Arrow parses the lines in
bulk (:func:`read_rows`), and the fold is array operations —
registrations, discoveries, steps (assignments and reports), rectified/verified/closed days,
concealments and merges. What is rare and order-dependent is done in Python, exactly as the
:class:`Folder` does it: corrections (the corrected event's fields replace the stored ones, or it
is voided) and merges (the target takes the source's discoveries, steps and concealments of
that moment). A ledger that registers a problem twice (which no checked append allows) is
folded by the :class:`Folder` and converted (:meth:`Folded.from_states`); the results are the
same by construction, and a test compares both ways.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from ._events import Event
from ._fold import STATUSES, Folder, State

I64 = npt.NDArray[np.int64]
I32 = npt.NDArray[np.int32]
Bool = npt.NDArray[np.bool_]

#: A missing day.
NONE = np.iinfo(np.int32).min
_EPOCH = 719163  # date(1970, 1, 1).toordinal()
#: The text fields of stored events the lists read (every one is a string when present).
TEXT = ("domain", "kind", "sector", "place", "severity", "description", "level", "channel", "body", "by_level",
        "to_level", "to_body", "by_body", "deadline", "who", "into")
_TYPES = ("registered", "discovered", "assigned", "reported", "rectified", "verified", "closed", "concealed",
          "merged", "corrected")
_T = {t: i for i, t in enumerate(_TYPES)}
_STATUS = {s: i for i, s in enumerate(STATUSES)}


def day_number(day: dt.date) -> int:
    """Days since 1970-01-01."""
    return day.toordinal() - _EPOCH


class Duplicate(Exception):
    """A problem registered twice: fold with the :class:`Folder` instead."""


@dataclass
class Folded:
    """Every problem's state, one row per problem in order of registration (as
    :meth:`Ledger.fold <responsibility.Ledger.fold>` orders its dict). Text columns are Arrow
    string arrays (null: absent), days are int32 days since 1970 (:data:`NONE`: absent)."""

    ids: Any
    domain: Any
    kind: Any
    sector: Any
    place: Any
    severity: Any
    description: Any
    level: Any
    registered_on: I32
    rectified_on: I32
    verified_on: I32
    closed_on: I32
    merged_into: Any
    merged_from: Any  # ";"-joined ids, "" when none
    # Discoveries (each problem's in its order): problem row, level, channel, day, body.
    d_prob: I64
    d_level: Any
    d_channel: Any
    d_on: I32
    d_body: Any
    # Steps (assignments and reports, in seq order): problem row, action, levels, day, bodies, deadline.
    s_prob: I64
    s_action: Any
    s_by: Any
    s_to: Any
    s_on: I32
    s_to_body: Any
    s_by_body: Any
    s_deadline: I32
    # Concealments (each problem's distinct ``who`` in order of first record).
    c_prob: I64
    c_who: Any

    def __len__(self) -> int:
        return len(self.registered_on)

    # ------------------------------------------------------------------ derived, per problem

    def first_discovery(self) -> I64:
        """The row of each problem's earliest discovery (the first of a day's), -1 when none."""
        order = np.lexsort((np.arange(len(self.d_prob)), self.d_on, self.d_prob))
        out = np.full(len(self), -1, np.int64)
        p = self.d_prob[order]
        first = np.ones(len(p), np.bool_)
        first[1:] = p[1:] != p[:-1]
        out[p[first]] = order[first]
        return out

    def discovery_counts(self) -> I64:
        return np.bincount(self.d_prob, minlength=len(self)).astype(np.int64)

    def channels(self, first: I64, counts: I64) -> Any:
        """``State.channels`` joined by ``;`` where a problem has several discoveries, else the
        earliest discovery's channel ('' when none): the 问题清单's ``channels`` column."""
        import pyarrow as pa

        pc = _pc()
        one = pc.fill_null(self.d_channel.take(pa.array(first, pa.int64(), mask=first < 0)), "")
        many = np.flatnonzero(counts > 1)
        if not len(many):
            return one
        rows = np.flatnonzero(counts[self.d_prob] > 1)
        order = rows[np.lexsort((rows, self.d_on[rows], self.d_prob[rows]))]
        probs = self.d_prob[order].tolist()
        chans = self.d_channel.take(pa.array(order)).to_pylist()
        joined: dict[int, dict[str, None]] = {}
        for p, c in zip(probs, chans, strict=True):
            joined.setdefault(p, {})[c] = None
        values = one.to_pylist()
        for p, cs in joined.items():
            values[p] = ";".join(cs)
        return pa.array(values, pa.string())

    def assignment(self, keep: Bool | None = None) -> I64:
        """The row (in the steps) of each problem's latest assignment (the first of its day), -1 when none; ``keep``:
        of the steps it marks only."""
        mask = _eq(self.s_action, "assigned")
        rows = np.flatnonzero(mask & keep if keep is not None else mask)
        out = np.full(len(self), -1, np.int64)
        if not len(rows):
            return out
        order = rows[np.lexsort((rows, -self.s_on[rows].astype(np.int64), self.s_prob[rows]))]
        p = self.s_prob[order]
        first = np.ones(len(p), np.bool_)
        first[1:] = p[1:] != p[:-1]
        out[p[first]] = order[first]
        return out

    def deadline(self) -> Any:
        """Each problem's record deadline (a day number, NONE when none): the latest day any of its assignments set,
        as ``State.deadline`` (review30 #1: the latest assignment's alone let a pass-down erase the county's)."""
        out = np.full(len(self), NONE, np.int32)
        rows = np.flatnonzero(_eq(self.s_action, "assigned") & (self.s_deadline != NONE))
        if len(rows):
            np.maximum.at(out, self.s_prob[rows], self.s_deadline[rows])
        return out

    def step_deadlines(self) -> tuple[I32, Bool]:
        """``State.step_deadline`` of every step (:data:`NONE`: none — a report, or the parameter's period), and the
        problems whose records carry them on their steps instead of one deadline (``State.record``: an assignment
        that set no day and passed nothing down is not held to the day another set; check61 L2)."""
        given = self.deadline()
        out = np.full(len(self.s_prob), NONE, np.int32)
        per_step = np.zeros(len(self), np.bool_)
        if not len(self.s_prob):
            return out, per_step
        assigned = _eq(self.s_action, "assigned")
        g = given[self.s_prob]
        live = assigned & (g != NONE) & (g >= self.s_on)
        bare = live & (self.s_deadline == NONE)
        keep = live & ~bare
        if bare.any():
            # (each problem's levels as one number: problem row × levels + the level's code)
            by, to = (np.asarray(_np(_pc().fill_null(a, "")), dtype=object) for a in (self.s_by, self.s_to))
            names, codes = np.unique(np.concatenate([by, to]), return_inverse=True)
            width = np.int64(len(names))
            k_by = self.s_prob * width + codes[:len(by)]
            k_to = self.s_prob * width + codes[len(by):]
            span = np.int64(1) << 32
            day = self.s_on.astype(np.int64) - np.int64(NONE)  # (non-negative)

            def count(keys: I64, within: Bool, at: I64, upto: npt.NDArray[np.int64] | None) -> I64:
                """How many steps of ``within`` have the key ``at`` (on a day up to ``upto``, where given)."""
                vals = np.sort(keys[within] * span + (day[within] if upto is not None else 0))
                hi = np.searchsorted(vals, at * span + (upto if upto is not None else 0), "right")
                return np.asarray(hi - np.searchsorted(vals, at * span, "left"), np.int64)

            rows = np.flatnonzero(bare)
            # passed down what its level was assigned (an assignment to its level by then, itself apart)
            down = count(k_to, assigned, k_by[rows], day[rows]) - (k_to[rows] == k_by[rows]) > 0
            # or went to a level another assignment set a day for (a re-issue)
            again = count(k_to, assigned & (self.s_deadline != NONE), k_to[rows], None) > 0
            keep[rows[down | again]] = True
            per_step[self.s_prob[rows[~(down | again)]]] = True
        out[keep] = g[keep]
        return out, per_step

    def status(self, assign: I64, counts: I64) -> I64:
        """Each problem's status, as the index of its id in :data:`STATUSES`."""
        has_steps = np.bincount(self.s_prob, minlength=len(self)) > 0
        out = np.full(len(self), _STATUS["registered"], np.int64)
        for mask, s in ((counts > 0, "discovered"), (has_steps, "reported"), (assign >= 0, "assigned"),
                        (self.rectified_on != NONE, "rectified"), (self.verified_on != NONE, "verified"),
                        (self.closed_on != NONE, "closed"), (np.asarray(self.merged_into.is_valid()), "merged")):
            out[mask] = _STATUS[s]
        return out

    # ------------------------------------------------------------------ from State objects

    @classmethod
    def from_states(cls, states: Mapping[str, State]) -> Folded:
        """The same columns from folded :class:`State` objects (the reference the tests compare)."""
        import pyarrow as pa

        ss = list(states.values())
        row = {s.id: i for i, s in enumerate(ss)}

        def text(values: Iterable[str | None]) -> Any:
            return pa.array(list(values), pa.string())

        def days(values: Iterable[dt.date | None]) -> I32:
            return np.array([day_number(d) if d is not None else NONE for d in values], np.int32)

        disc = [(row[s.id], d) for s in ss for d in s.discoveries]
        steps = [(row[s.id], x) for s in ss for x in s.steps]
        conc = [(row[s.id], w) for s in ss for w in s.concealed_by]
        return cls(
            ids=text(s.id for s in ss), domain=text(s.domain for s in ss), kind=text(s.kind for s in ss),
            sector=text(s.sector for s in ss), place=text(s.place for s in ss), severity=text(s.severity for s in ss),
            description=text(s.description for s in ss), level=text(s.level for s in ss),
            registered_on=days(s.registered_on for s in ss), rectified_on=days(s.rectified_on for s in ss),
            verified_on=days(s.verified_on for s in ss), closed_on=days(s.closed_on for s in ss),
            merged_into=text(s.merged_into for s in ss), merged_from=text(";".join(s.merged_from) for s in ss),
            d_prob=np.array([p for p, _ in disc], np.int64), d_level=text(d.level for _, d in disc),
            d_channel=text(d.channel for _, d in disc), d_on=days(d.on for _, d in disc),
            d_body=text(d.body for _, d in disc),
            s_prob=np.array([p for p, _ in steps], np.int64), s_action=text(x.action for _, x in steps),
            s_by=text(x.by_level for _, x in steps), s_to=text(x.to_level for _, x in steps),
            s_on=days(x.on for _, x in steps), s_to_body=text(x.to_body for _, x in steps),
            s_by_body=text(x.by_body for _, x in steps), s_deadline=days(x.deadline for _, x in steps),
            c_prob=np.array([p for p, _ in conc], np.int64), c_who=text(w for _, w in conc))


def _pc() -> Any:
    import pyarrow.compute as pc

    return pc


def _eq(arr: Any, value: str) -> Bool:
    return np.asarray(_pc().equal(arr, value).fill_null(False).to_numpy(zero_copy_only=False), np.bool_)


def _np(arr: Any) -> Any:
    return arr.to_numpy(zero_copy_only=False)


def _days(arr: Any) -> I32:
    """Int32 days from an Arrow array of ISO dates as text (null: :data:`NONE`)."""
    import pyarrow as pa

    enc = _pc().dictionary_encode(arr)  # a few hundred days: each parsed once
    days = enc.dictionary.cast(pa.date32()).cast(pa.int32()).take(enc.indices)
    return np.asarray(days.fill_null(NONE).to_numpy(zero_copy_only=False), np.int32)


def _spread(n: int, values: Mapping[int, str], default: str | None) -> Any:
    """A text array of ``n`` values: ``values`` at their rows, ``default`` elsewhere."""
    import pyarrow as pa

    if not values:
        return pa.nulls(n, pa.string()) if default is None else pa.array(np.full(n, default, object), pa.string())
    out: list[str | None] = [default] * n
    for p, v in values.items():
        out[p] = v
    return pa.array(out, pa.string())


def _schema() -> Any:
    import pyarrow as pa

    return pa.schema([(f, pa.string()) for f in TEXT])


def _fixed_table(rows: list[tuple[Any, ...]], fixes: Mapping[int, Event], upto: int | None) -> Any:
    """Stored rows ``(seq, problem, type, day, data)`` of events corrections name, as an Arrow
    table of the events as corrected (voided ones, and those a correction moves after ``upto``,
    left out), or ``None``."""
    import pyarrow as pa
    import pyarrow.json as pj

    folder = Folder()
    folder._corrections.update(fixes)
    out = []
    for seq, problem, kind, day, data in rows:
        if kind == "corrected":  # (a correction names an original event, never another correction)
            continue
        eff = folder.effective(Event(problem=problem, type=kind, on=dt.date.fromisoformat(day),
                                     data=json.loads(data), seq=seq))
        if eff is not None:
            out.append((seq, eff.problem, eff.type, eff.on.isoformat(),
                        json.dumps(eff.data, ensure_ascii=False, default=str)))
    if not out:
        return None
    seqs, problems, kinds, days, datas = zip(*out, strict=True)
    fields = pj.read_json(io.BytesIO("\n".join(datas).encode()), parse_options=pj.ParseOptions(
        explicit_schema=_schema(), unexpected_field_behavior="ignore"))
    day = _days(pa.array(days, pa.string()))
    table = pa.table({"seq": pa.array(seqs, pa.int64()), "problem": pa.array(problems, pa.string()),
                      "type": pa.array(kinds, pa.string()), "day": pa.array(day, pa.int32()),
                      **{f: fields.column(f) for f in TEXT}})
    return table.filter(pa.array(day <= upto)) if upto is not None else table


def _lines_table(part: list[Any]) -> Any:
    """A chunk of the database's JSON lines (:func:`~._store.json_lines`) as an Arrow table."""
    import pyarrow as pa
    import pyarrow.json as pj

    text = "\n".join([r[0] for r in part]).encode()
    schema = pa.schema([("~s", pa.int64()), ("~p", pa.string()), ("~t", pa.string()), ("~d", pa.string()),
                        *[(f, pa.string()) for f in TEXT]])
    got = pj.read_json(io.BytesIO(text), parse_options=pj.ParseOptions(
        explicit_schema=schema, unexpected_field_behavior="ignore")).combine_chunks()
    return pa.table({"seq": got.column("~s"), "problem": got.column("~p"), "type": got.column("~t"),
                     "day": pa.array(_days(got.column("~d").combine_chunks()), pa.int32()),
                     **{f: got.column(f) for f in TEXT}})


def read_rows(lines: Iterable[list[Any]], fixed: list[tuple[Any, ...]], fixes: Mapping[int, Event],
              upto: dt.date | None) -> Any:
    """One Arrow table of the effective events on or before ``upto`` in ``seq`` order: ``lines``
    (chunks of the database's JSON lines of the events no correction names) and ``fixed``, the
    stored rows ``(seq, problem, type, day, data)`` of the events corrections name (each
    replaced by its correction, or left out when voided or moved after ``upto``)."""
    import pyarrow as pa

    tables = [_lines_table(part) for part in lines]
    if fixed:
        t = _fixed_table(fixed, fixes, day_number(upto) if upto is not None else None)
        if t is not None:
            tables.append(t)
    if not tables:
        schema = pa.schema([("seq", pa.int64()), ("problem", pa.string()), ("type", pa.string()),
                            ("day", pa.int32()), *[(f, pa.string()) for f in TEXT]])
        return schema.empty_table()
    table = pa.concat_tables(tables).combine_chunks()
    return table.sort_by("seq") if fixed else table


def fold_columns(table: Any) -> Folded:
    """Fold the effective events of :func:`read_rows` (``seq`` order) into :class:`Folded` columns;
    :class:`Duplicate` when a problem is registered twice."""
    import pyarrow as pa

    pc = _pc()
    n_rows = table.num_rows
    col = table.column
    tcode = np.asarray(_np(pc.index_in(col("type"), value_set=pa.array(_TYPES))), np.float64)
    tcode = np.where(np.isnan(tcode), -1, tcode).astype(np.int64)
    enc = pc.dictionary_encode(col("problem")).combine_chunks()
    pcode = np.asarray(_np(enc.indices), np.int64)
    n_codes = len(enc.dictionary)
    day = np.asarray(_np(col("day")), np.int32)
    rows = np.arange(n_rows, dtype=np.int64)

    reg = np.flatnonzero(tcode == _T["registered"])
    reg_codes = pcode[reg]
    if len(np.unique(reg_codes)) != len(reg_codes):
        raise Duplicate
    reg_row = np.full(n_codes, n_rows, np.int64)
    reg_row[reg_codes] = reg
    keep = rows > reg_row[pcode]  # the events after their problem's registration (the Folder skips the rest)
    prow = np.full(n_codes, -1, np.int64)
    prow[reg_codes] = np.arange(len(reg), dtype=np.int64)
    n = len(reg)
    p_of = prow[pcode]

    def take(name: str, at: I64) -> Any:
        return col(name).take(pa.array(at)).combine_chunks()

    def of_type(*types: str) -> I64:
        mask = np.zeros(n_rows, np.bool_)
        for t in types:
            mask |= tcode == _T[t]
        return np.flatnonzero(mask & keep)

    def last_day(t: str) -> I32:
        at = of_type(t)
        out = np.full(n, NONE, np.int32)
        p = p_of[at][::-1]
        _, last = np.unique(p, return_index=True)  # the last row of each problem (rows are in seq order)
        out[p[last]] = day[at][::-1][last]
        return out

    # Discoveries and merges (merges are rare and their order matters: done in Python).
    disc = of_type("discovered")
    merged_into: dict[int, str] = {}  # by problem row: only the few that merges touch
    merged_from: dict[int, list[str]] = {}
    steps = of_type("assigned", "reported")
    conc = of_type("concealed")
    d_prob, s_prob, c_prob = p_of[disc], p_of[steps], p_of[conc]
    d_row, s_row, c_row = disc, steps, conc
    merges = of_type("merged")
    sector = take("sector", reg)
    if len(merges):
        ids = enc.dictionary.to_pylist()
        sectors: dict[int, str | None] = {}  # by problem row: the sectors merges give targets without one (R21-3)
        code_of = {pid: i for i, pid in enumerate(ids)}
        into = take("into", merges).to_pylist()
        targets: list[tuple[int, int, int]] = []  # (source, target, row) of each merge of a problem stored by then
        for m, target_id in zip(merges.tolist(), into, strict=True):
            src = int(p_of[m])
            merged_into[src] = target_id
            code = code_of.get(target_id)
            if code is None or reg_row[code] >= m:  # no such problem yet: nothing moves
                continue
            tgt = int(prow[code])
            merged_from.setdefault(tgt, []).append(ids[pcode[m]])
            targets.append((src, tgt, m))
            if sectors.get(tgt, sector[tgt].as_py()) is None:  # as the Folder does: whose line it is, once known
                sectors[tgt] = sectors.get(src, sector[src].as_py())
        if any(v is not None for v in sectors.values()):
            values = sector.to_pylist()
            for p, v in sectors.items():
                values[p] = v
            sector = pa.array(values, pa.string())
        # The target takes the source's discoveries (its channels and earliest discovery), and its assignments,
        # reports and concealments of that moment (review18d P0): each a copy of a row, placed where the Folder
        # appends it (at the merge, in the source's order).
        d_prob, d_row = _merged_in(d_prob, disc, targets)
        s_prob, s_row = _merged_in(s_prob, steps, targets)
        c_prob, c_row = _merged_in(c_prob, conc, targets)
    d_level, d_channel, d_on, d_body = take("level", d_row), take("channel", d_row), day[d_row], take("body", d_row)
    action = take("type", s_row)
    deadline = _days(take("deadline", s_row))
    c_who = take("who", c_row)
    if len(c_row):  # each ``who`` once per problem, where it was first recorded
        who_code = np.asarray(_np(pc.dictionary_encode(c_who).indices), np.int64)
        _, first = np.unique(c_prob * (int(who_code.max()) + 1) + who_code, return_index=True)
        first.sort()
        c_prob, c_who = c_prob[first], c_who.take(pa.array(first))

    at = pa.array(reg)
    return Folded(
        ids=col("problem").take(at).combine_chunks(), domain=take("domain", reg), kind=take("kind", reg),
        sector=sector, place=take("place", reg), severity=pc.fill_null(take("severity", reg), "minor"),
        description=take("description", reg), level=take("level", reg), registered_on=day[reg],
        rectified_on=last_day("rectified"), verified_on=last_day("verified"), closed_on=last_day("closed"),
        merged_into=_spread(n, merged_into, None),
        merged_from=_spread(n, {p: ";".join(x) for p, x in merged_from.items()}, ""),
        d_prob=d_prob, d_level=d_level, d_channel=d_channel, d_on=d_on, d_body=d_body,
        s_prob=s_prob, s_action=action, s_by=take("by_level", s_row), s_to=take("to_level", s_row),
        s_on=day[s_row], s_to_body=take("to_body", s_row), s_by_body=take("by_body", s_row), s_deadline=deadline,
        c_prob=c_prob, c_who=c_who)


def _merged_in(prob: I64, rows: I64, merges: list[tuple[int, int, int]]) -> tuple[I64, I64]:
    """Entries ``(prob, rows)`` (in row order) with, for each merge ``(source, target, row)`` in turn, a copy of
    every entry the source holds by then given to the target, in the order the :class:`Folder` appends them."""
    if not merges or not len(rows):
        return prob, rows
    touched = {p for src, tgt, _ in merges for p in (src, tgt)}
    held: dict[int, list[tuple[int, int, int]]] = {p: [] for p in touched}  # (key, sub, row)
    for p, r in zip(prob.tolist(), rows.tolist(), strict=True):
        if p in held:
            held[p].append((r, 0, r))
    extra: list[tuple[int, int, int, int]] = []  # (target, key, sub, row)
    for src, tgt, m in merges:
        now = sorted(x for x in held[src] if x[0] < m)
        for sub, (_, _, r) in enumerate(now, start=1):
            held[tgt].append((m, sub, r))
            extra.append((tgt, m, sub, r))
    if not extra:
        return prob, rows
    keys = np.concatenate([rows, np.array([x[1] for x in extra], np.int64)])
    subs = np.concatenate([np.zeros(len(rows), np.int64), np.array([x[2] for x in extra], np.int64)])
    prob = np.concatenate([prob, np.array([x[0] for x in extra], np.int64)])
    rows = np.concatenate([rows, np.array([x[3] for x in extra], np.int64)])
    order = np.lexsort((subs, keys))
    return prob[order], rows[order]
