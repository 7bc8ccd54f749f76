"""Problem records as integer columns: from Python dicts, or column-wise from Arrow.

An encoder never decides whether a record is valid. It codes what it can read exactly
as :class:`~responsibility.Problem` would (same ids, same dates) and marks a record
``slow`` whenever anything is unusual: an unknown id, a missing field, a value of
another type, surrounding whitespace, a date in another form. Slow records go through
:func:`~responsibility.engine._problem.parse_problem` and the reference decision, so an
encoder that is too strict costs time, never correctness. The relations between fields
(levels, dates) are checked in bulk by :func:`._core.check`.

Tabular inputs (Arrow, CSV, data frames) cannot tell an absent field from an empty cell:
there a null is an absent field. Python dicts keep the distinction (``"severity": None``
is rejected, as by ``who_answers``).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np
import numpy.typing as npt

from ..chain._jurisdiction import is_residents_committee
from ..engine._problem import MAX_ITEMS, MAX_TEXT, RESIDENTS_PLACE, UNNAMED_HOLDERS
from ..policy._model import DAY_MAX, DAY_MIN
from ._tables import ACTIONS, DISCOVERED_FIELDS, EPOCH, FIELDS, HANDLING_FIELDS, NONE, Tables, pick

I32 = npt.NDArray[np.int32]
Bool = npt.NDArray[np.bool_]


@dataclass
class Cols:
    """A chunk of records as integer columns (see the module docstring).

    Handling steps and concealers are flat, each with the index of its record (``hp``, ``cp``).
    Codes of slow records are placeholders that index safely into every table.
    """

    n: int
    slow: Bool
    ids: Any  # the records' ids: a pyarrow string array or a list of str
    area: I32
    kind: I32
    sev: I32
    place: I32
    disc: Bool
    dlev: I32
    dch: I32
    dbody: I32
    don: I32
    deadline: I32
    rect: I32
    asof: I32
    hp: I32
    hact: I32
    hby: I32
    hto: I32
    htb: I32
    hon: I32
    cp: I32
    clvl: I32
    cbody: I32
    #: the body :func:`level_holds` cleared from each step, -1 where it cleared none (None: it cleared none at all):
    #: the engine still reads such a step as handing the problem to that body
    hcleared: I32 | None = None
    #: the line each record's named departments give it (``Tables.lines``, from 1; 0: none), as engine/_facts.py
    #: derive reads it (record_line): set by ``_core.record_lines`` (None: no record has one)
    line: I32 | None = None


_SURROGATE = re.compile("[\ud800-\udfff]")  # a lone surrogate cannot be written as UTF-8
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}\Z", re.ASCII)
_FIRST_DAY = DAY_MIN.toordinal() - EPOCH  # the years a record may name
_LAST_DAY = DAY_MAX.toordinal() - EPOCH
#: Columns pandas adds for a data frame's index (not fields of the records).
_PANDAS_INDEX = re.compile(r"__index_level_\d+__\Z")


def iso_day(text: str, cache: dict[str, int]) -> int | None:
    """Days since 1970 of a ``YYYY-MM-DD`` date in the years a record may name (1900–2999),
    ``None`` for anything else."""
    got = cache.get(text)
    if got is None:
        if not _ISO.match(text):
            return None
        try:
            got = dt.date.fromisoformat(text).toordinal() - EPOCH
        except ValueError:
            return None
        if not _FIRST_DAY <= got <= _LAST_DAY:
            return None
        cache[text] = got
    return got


def plain_id(rid: Any) -> bool:
    """Whether ``rid`` is an id the record's reader keeps as it is: text, not blank at either
    end, at most ``MAX_TEXT`` characters, printable and NFKC-normal (else the reference path
    reads it, and refuses it or normalises it)."""
    return type(rid) is str and rid != "" and rid.strip() == rid and len(rid) <= MAX_TEXT and rid.isprintable() \
        and (rid.isascii() or unicodedata.is_normalized("NFKC", rid))


def encode_dicts(records: Sequence[Any], t: Tables) -> Cols:
    """Encode Python records (one Python loop; the checks of relations come later, in bulk)."""
    n = len(records)
    slow = np.zeros(n, np.bool_)
    ids: list[str] = []
    area = [0] * n
    kind = [0] * n
    sev = [1] * n
    place = [0] * n
    disc = [False] * n
    dlev = [0] * n
    dch = [0] * n
    dbody = [-1] * n
    don = [0] * n
    deadline = [NONE] * n
    rect = [NONE] * n
    asof = [NONE] * n
    hp: list[int] = []
    hact: list[int] = []
    hby: list[int] = []
    hto: list[int] = []
    htb: list[int] = []
    hon: list[int] = []
    cp: list[int] = []
    clvl: list[int] = []
    cbody: list[int] = []
    dates: dict[str, int] = {}
    area_index, kind_index, kind_code = t.area_index, t.kind_index, t.kind_code
    alias, rank, channels, bodies = t.place_alias, t.rank, t.channel_index, t.body_index
    severity, concealer = t.severity_index, t.concealer
    date_type = dt.date

    def day(v: Any) -> int | None:
        if type(v) is str:
            return iso_day(v, dates)
        if type(v) is date_type:
            got = v.toordinal() - EPOCH
            return got if _FIRST_DAY <= got <= _LAST_DAY else None
        return None

    for i, r in enumerate(records):
        if type(r) is not dict or not r.keys() <= FIELDS:
            slow[i] = True
            ids.append("")
            continue
        rid = r.get("id")
        ids.append(rid if type(rid) is str else "")
        ok = plain_id(rid)
        av = r.get("area", r.get("domain"))  # ``domain``: the former name of ``area``
        a = area_index.get(av) if type(av) is str and not ("area" in r and "domain" in r) else None
        if a is None:
            slow[i] = True
            continue
        area[i] = a
        k = r.get("kind")
        if k is not None:
            kc = kind_index.get(k) if type(k) is str else None
            if kc is None or kind_code[a, kc] < 0:
                ok = False
            else:
                kind[i] = kc
        p = r.get("place")
        pi = alias.get(p) if type(p) is str else None
        if pi is None:
            slow[i] = True
            continue
        place[i] = pi
        if "severity" in r:
            s = severity.get(r["severity"]) if type(r["severity"]) is str else None  # type: ignore[call-overload]
            if s is None:
                ok = False
            else:
                sev[i] = s
        for name, column in (("deadline", deadline), ("rectified_on", rect), ("as_of", asof)):
            v = r.get(name)
            if v is not None:
                got = day(v)
                if got is None:
                    ok = False
                else:
                    column[i] = got
        d = r.get("discovered")
        if d is not None:
            if type(d) is not dict or not d.keys() <= DISCOVERED_FIELDS:
                slow[i] = True
                continue
            disc[i] = True
            lv = rank.get(d["level"]) if type(d.get("level")) is str else None
            ch = channels.get(d["channel"]) if type(d.get("channel")) is str else None
            on = day(d.get("on"))
            b = d.get("body")
            bi = -1 if b is None else bodies.get(b) if type(b) is str else None
            if lv is None or ch is None or on is None or bi is None:
                ok = False
            else:
                dlev[i], dch[i], dbody[i], don[i] = lv, ch, bi, on
        if "handled" in r:
            h = r["handled"]
            if type(h) is not list or len(h) > MAX_ITEMS:  # (refused by the reference path, as who_answers does)
                ok = False
            else:
                for step in h:
                    if type(step) is not dict or not step.keys() <= HANDLING_FIELDS:
                        ok = False
                        break
                    act = step.get("action")
                    by = rank.get(step["by_level"]) if type(step.get("by_level")) is str else None
                    to = rank.get(step["to_level"]) if type(step.get("to_level")) is str else None
                    b = step.get("to_body")
                    bi = -1 if b is None else bodies.get(b) if type(b) is str else None
                    on = day(step.get("on"))
                    if (act != "assigned" and act != "reported") or by is None or to is None or bi is None \
                            or on is None:
                        ok = False
                        break
                    hp.append(i)
                    hact.append(act == "reported")
                    hby.append(by)
                    hto.append(to)
                    htb.append(bi)
                    hon.append(on)
        if "concealed_by" in r:
            c = r["concealed_by"]
            if type(c) is not list or len(c) > MAX_ITEMS:
                ok = False
            else:
                for who in c:
                    got_c = concealer.get(who) if type(who) is str else None
                    if got_c is None:
                        ok = False
                        break
                    cp.append(i)
                    clvl.append(got_c[0])
                    cbody.append(got_c[1])
        if not ok:
            slow[i] = True

    def a32(x: list[int] | list[bool]) -> I32:
        return np.array(x, np.int32)

    return finish(Cols(n, slow, ids, a32(area), a32(kind), a32(sev), a32(place), np.array(disc, np.bool_),
                            a32(dlev), a32(dch), a32(dbody), a32(don), a32(deadline), a32(rect), a32(asof), a32(hp),
                            a32(hact), a32(hby), a32(hto), a32(htb), a32(hon), a32(cp), a32(clvl), a32(cbody)), t)


def finish(c: Cols, t: Tables) -> Cols:
    """``c`` as the bulk path reads it: a problem at an urban community's code placed at its township's where
    residents_committee_place says so (:func:`residents_placed`), a discovery at a level that does not run its channel
    marked slow (the reference path refuses it, :func:`~responsibility.engine._problem.parse_problem`; R20-7), and the
    bodies of the assignments assignment_without_rectification_duty reads as to a level as a whole cleared
    (:func:`level_holds`)."""
    residents_placed(c, t)
    if not t.channel_level.all():
        c.slow |= c.disc & ~t.channel_level[c.dch, c.dlev]
    named_stand_ins(c, t)
    return level_holds(c, t)


def named_stand_ins(c: Cols, t: Tables) -> None:
    """Mark slow each record that names, as its finder, a step's body or a concealer, a body of kind
    ``unresolved_holders``: a verdict's stand-in for the body a record does not name, which the reference path refuses
    (:func:`~responsibility.engine._problem.stand_in_refusal`; review34 F5). Read from the bodies' kinds."""
    bodies = t.policy.bodies
    stand_in = np.array([bodies[b].kind == UNNAMED_HOLDERS for b in t.bodies], np.bool_)
    if not stand_in.any():
        return
    for rec, body in ((np.arange(c.n, dtype=np.int32), c.dbody), (c.hp, c.htb), (c.cp, c.cbody)):
        named = body >= 0
        if len(body) and named.any():
            hit = rec[named][stand_in[body[named]]]
            if len(hit):
                c.slow[hit] = True


#: :func:`community_township` by the tables' list of places (kept with it: the list is the tables' own, read-only).
_COMMUNITY_TOWNSHIP: dict[int, tuple[list[str], I32]] = {}


def community_township(t: Tables) -> I32:
    """Each place's index (into ``Tables.places``) with that of an urban community (a residents' committee's code,
    :func:`~responsibility.chain._jurisdiction.is_residents_committee`) replaced by its township's (where the tables
    have it)."""
    got = _COMMUNITY_TOWNSHIP.get(id(t.places))
    if got is not None and got[0] is t.places:
        return got[1]
    places = t.places
    index = {code: i for i, code in enumerate(places)}
    to = np.arange(len(places), dtype=np.int32)
    for i, code in enumerate(places):
        if code[9:12] != "000" and is_residents_committee(code):
            to[i] = index.get(code[:9] + "000", i)
    if len(_COMMUNITY_TOWNSHIP) >= 8:
        _COMMUNITY_TOWNSHIP.clear()
    _COMMUNITY_TOWNSHIP[id(places)] = (places, to)
    return to


def residents_placed(c: Cols, t: Tables) -> None:
    """Place each problem at an urban community's code at its township's, where residents_committee_place is
    ``township``, as :func:`~responsibility.engine._problem.parse_problem` places it (a 社区 has no 村委会 or
    村党支部 to hold the village's duties, 二(一)1(1), 二(二)1; review25 R25-11). Such a record that names a level
    below the township anywhere (a village finder, a step or a concealer) takes the reference path, which refuses it
    naming the parameter. Codes of slow records are placeholders, placed as any."""
    param = t.policy.parameters.get(RESIDENTS_PLACE)
    township = t.rank.get("township")
    if param is None or param.value != "township" or township is None or not c.n:
        return
    to = community_township(t)
    placed = pick(to, c.place)
    moved = placed != c.place
    if not moved.any():
        return
    c.place = placed
    low = moved & c.disc & (c.dlev < township)
    for rec, lv in ((c.hp, c.hby), (c.hp, c.hto), (c.cp, c.clvl)):
        if len(rec):
            hit = rec[lv < township]
            low[hit[moved[hit]]] = True
    if low.any():
        c.slow = c.slow | low


def level_holds(c: Cols, t: Tables) -> Cols:
    """``c`` with the body of each assignment that assignment_without_rectification_duty (level_holds) reads as one to
    the body's level as a whole cleared (``htb`` -1): a body with a part in the problem but no duty to rectify it, at a
    level where one can (``Tables.level_holds``; engine/_facts.py derive reads the step so; D4). Codes of slow records
    index safely, and what is cleared of them is never read (they take the reference path)."""
    if not t.any_level_holds or not len(c.hp):
        return c
    sel = np.flatnonzero((c.htb >= 0) & (c.hact == ACTIONS.index("assigned")))
    if len(sel):
        r = c.hp[sel]
        place = np.maximum(pick(t.place_rank, c.place[r]), 0)
        hit = t.level_holds[c.area[r], c.kind[r], place, c.htb[sel]]
        # (only a body at the level it was handed to: one at another level is refused by parse_problem as
        # level_mismatch, which check finds from the body it names — cleared here, the record read as an assignment
        # to the level as a whole and was answered; review23b R23b-0)
        hit &= pick(t.body_rank, c.htb[sel]) == c.hto[sel]
        if hit.any():
            c.hcleared = np.full(len(c.hp), -1, np.int32)
            c.hcleared[sel[hit]] = c.htb[sel[hit]]
            c.htb = c.htb.copy()
            c.htb[sel[hit]] = -1
            # a level that held the problem to pass it on (the finder's, one reported to) whose department the
            # record shows so handed it after the handling limit from the discovery: when that department received it
            # decides who answers for the level's delay (engine/_facts.py _later reads the body the record names),
            # which the bulk path reads from htb — such a record takes the reference path (one handed it within the
            # limit from the discovery was handed it within its level's limit, which starts no earlier)
            moved = sel[hit]
            r = c.hp[moved]
            late = c.hon[moved].astype(np.int64) > c.don[r].astype(np.int64) + t.handling_limit
            moved, r = moved[late], r[late]
            held = c.hto[moved] == c.dlev[r]
            reports = np.flatnonzero(c.hact == ACTIONS.index("reported"))
            if len(reports):
                wide = np.int64(c.hto.max(initial=0)) + 1
                # (sorted and searched, not np.isin: its np.unique imports numpy.ma, ~0.01 CPU s of every run)
                keys = np.sort(c.hp[reports].astype(np.int64) * wide + c.hto[reports])
                asked = r.astype(np.int64) * wide + c.hto[moved]
                held |= keys[np.minimum(np.searchsorted(keys, asked), len(keys) - 1)] == asked
            c.slow[r[held]] = True
    return c


# ---------------------------------------------------------------------------------- Arrow


def _is_missing(v: Any) -> bool:
    """A null cell of an Arrow table (a float NaN is a number: refused where a date or text is due, as
    JSON's NaN is; pandas' NaN, NaT and NA are nulls by the time a frame is an Arrow table)."""
    return v is None


def drop_missing(row: dict[str, Any]) -> dict[str, Any]:
    """A tabular row as a record: null cells are absent fields, also inside ``discovered`` and steps."""
    out: dict[str, Any] = {}
    for k, v in row.items():
        if isinstance(v, dict):
            v = {kk: vv for kk, vv in v.items() if not _is_missing(vv)}
        elif isinstance(v, list):
            v = [{kk: vv for kk, vv in x.items() if not _is_missing(vv)} if isinstance(x, dict) else x for x in v]
        elif _is_missing(v):
            continue
        out[k] = v
    return out




def arrow_rows(table: Any) -> Callable[[int], dict[str, Any]]:
    """The record at a position of an Arrow table, as a dict (null cells dropped). A date or
    datetime outside Python's years 1 to 9999 is given as its ISO text, which the record's
    reader refuses, naming the field."""

    def row(i: int) -> dict[str, Any]:
        one = table.slice(i, 1)
        try:
            raw = one.to_pylist()[0]
        except (ValueError, OverflowError):
            raw = _as_text_dates(one).to_pylist()[0]
        return drop_missing({k: v for k, v in raw.items() if not _PANDAS_INDEX.match(k)})

    return row


def _as_text_dates(table: Any) -> Any:
    """``table`` with every date and datetime (also inside structs and lists) cast to text."""
    import pyarrow as pa

    def text(typ: Any) -> Any:
        if pa.types.is_date(typ) or pa.types.is_timestamp(typ):
            return pa.string()
        if pa.types.is_struct(typ):
            return pa.struct([pa.field(typ.field(k).name, text(typ.field(k).type)) for k in range(typ.num_fields)])
        if pa.types.is_list(typ) or pa.types.is_large_list(typ):
            return pa.list_(text(typ.value_type))
        return typ

    return table.cast(pa.schema([pa.field(f.name, text(f.type)) for f in table.schema]))


def one_array(column: Any) -> Any:
    """A chunked column as one array: its only chunk as it is (``combine_chunks`` would copy it)."""
    return column.chunk(0) if column.num_chunks == 1 else column.combine_chunks()


_ACTIONS = ["assigned", "reported"]


class _Listed:
    """A list of texts as :func:`_index` looks texts up in it: a pyarrow string array of them, with
    the hash table of the C look-up (``_scan.c``: ``find_texts``) made of its bytes and offsets, or
    Arrow's ``index_in`` options where the extension was not built."""

    def __init__(self, values: Sequence[str]) -> None:
        import pyarrow as pa

        self.values = values
        self.array = pa.array(list(values), pa.string())
        self.options: Any = None  # (made where first needed)
        self.slots: Any = None
        if _c_index_texts is not None:
            _, offsets, data = self.array.buffers()
            self.data = b"" if data is None else data
            self.offsets = np.frombuffer(offsets, np.int32, len(values) + 1) if offsets is not None \
                else np.zeros(1, np.int32)
            self.slots = np.empty(1 << (2 * len(values) + 1).bit_length(), np.int32)  # at most half full
            _c_index_texts(self.data, self.offsets, self.slots)


_VALUE_SETS: dict[int, _Listed] = {}

_c_find_texts: Callable[[Any, Any, Any, Any, Any, Any], None] | None
_c_index_texts: Callable[[Any, Any, Any], None] | None
_c_dict_codes: Callable[[Any, Any, Any, Any], int] | None
_c_days_in: Callable[[Any, Any, int, int, int, Any], int] | None
_c_text_facts: Callable[[Any, Any, Any, Any], None] | None
_c_iso_days: Callable[[Any, Any, Any, int, int, int, Any], int] | None
try:
    from ._scan import days_in as _c_days_in
    from ._scan import dict_codes as _c_dict_codes
    from ._scan import find_texts as _c_find_texts
    from ._scan import index_texts as _c_index_texts
    from ._scan import iso_days as _c_iso_days
    from ._scan import text_facts as _c_text_facts
except ImportError:  # installed without a C compiler: Arrow's index_in and numpy's passes give the same codes
    _c_find_texts = _c_index_texts = _c_dict_codes = _c_days_in = _c_text_facts = _c_iso_days = None


def _value_set(values: Sequence[str]) -> _Listed:
    """``values`` as :func:`_index` looks texts up in them, made once per list (the lists are the
    tables' own, kept)."""
    got = _VALUE_SETS.get(id(values))
    if got is None or got.values is not values:
        if len(_VALUE_SETS) > 64:
            _VALUE_SETS.clear()
        got = _VALUE_SETS[id(values)] = _Listed(values)
    return got


def _index(s: Any, values: Sequence[str]) -> I32:
    """The place in ``values`` of each text of the string array ``s``, -1 where it is not there or
    null (Arrow's ``index_in``; by a hash table made once per list where the C extension was built)."""
    listed = _value_set(values)
    n = len(s)
    if not n:
        return np.zeros(0, np.int32)
    if _c_find_texts is not None and listed.slots is not None:
        _, offsets, data = s.buffers()
        idx = np.empty(n, np.int32)
        starts = np.frombuffer(offsets, np.int32, n + 1, 4 * s.offset)
        _c_find_texts(listed.data, listed.offsets, listed.slots, b"" if data is None else data, starts, idx)
    else:
        from pyarrow._compute import SetLookupOptions

        if listed.options is None:
            listed.options = SetLookupOptions(listed.array)
        found = _call("index_in", s, options=listed.options)  # (null where not listed)
        idx = np.array(_view(found, np.int32))
        if found.null_count:
            idx[~_validity(found)] = -1
    if s.null_count:
        idx[~_validity(s)] = -1
    return idx


def _call(name: str, *args: Any, options: Any = None) -> Any:
    """The compute function ``name`` on ``args``, through ``pyarrow._compute`` (what ``pyarrow.compute``
    wraps): importing ``pyarrow.compute`` builds a wrapper for each of its ~280 functions (~0.05 CPU s
    in every process), and Array methods such as ``is_valid`` or ``cast`` import it."""
    from pyarrow._compute import call_function

    return call_function(name, list(args), options)


def _cast(arr: Any, to: Any) -> Any:
    """Arrow's safe cast of ``arr`` to type ``to`` (``pyarrow._compute`` imported only where a cast is made: a
    Parquet run's text is plain strings, or dictionaries of them)."""
    from pyarrow._compute import CastOptions

    return _call("cast", arr, options=CastOptions.safe(to))


def _view(arr: Any, dtype: Any) -> Any:
    """The values of a fixed-width array as numpy ``dtype`` (no copy); what a null slot holds is
    unspecified."""
    dtype = np.dtype(dtype)
    buf = arr.buffers()[1]
    if buf is None or len(arr) == 0:
        return np.zeros(len(arr), dtype)
    return np.frombuffer(buf, dtype, len(arr), arr.offset * dtype.itemsize)


def _int_view(arr: Any) -> Any:
    """An integer array's values as numpy integers (no copy; a null slot's value is unspecified)."""
    import pyarrow as pa

    typ = arr.type
    return _view(arr, f"{'i' if pa.types.is_signed_integer(typ) else 'u'}{typ.bit_width // 8}")


def _validity(arr: Any) -> Bool:
    """Where ``arr`` (with nulls) holds a value: from its validity bitmap, unpacked, where it has one
    (every type but unions, run-end encoded and null arrays, whose nulls compute finds)."""
    import pyarrow as pa

    typ, n = arr.type, len(arr)
    plain = not (pa.types.is_union(typ) or pa.types.is_run_end_encoded(typ) or pa.types.is_null(typ))
    bitmap = arr.buffers()[0] if plain else None
    if bitmap is None:
        return np.asarray(_call("is_valid", arr).to_numpy(zero_copy_only=False), np.bool_)
    first = arr.offset % 8
    bits = np.unpackbits(np.frombuffer(bitmap, np.uint8, (first + n + 7) // 8, arr.offset // 8), bitorder="little")
    return np.asarray(bits[first:first + n], np.bool_)


class _ArrowReader:
    """Column-wise coding of an Arrow table (see :func:`encode_arrow`)."""

    def __init__(self, table: Any, t: Tables | None) -> None:
        import pyarrow as pa

        self.pa, self.t = pa, t
        self.n = table.num_rows
        self.slow = np.zeros(self.n, np.bool_)
        self.columns = {name: one_array(table.column(name)) for name in table.column_names
                        if not _PANDAS_INDEX.match(name)}
        for name, col in self.columns.items():
            if name not in FIELDS:  # an unknown field is fine only where it is null
                self.slow |= self.valid(col)
        self.dates: dict[str, int] = {}

    @cached_property
    def pc(self) -> Any:
        """``pyarrow.compute``, imported only where a value needs more than the common path (see
        :func:`_call`)."""
        import pyarrow.compute as pc

        return pc

    def valid(self, arr: Any) -> Bool:
        if arr.null_count == 0:
            return np.ones(len(arr), np.bool_)
        return _validity(arr)

    def strings(self, arr: Any) -> Any | None:
        """``arr`` as a string array, or ``None`` when it holds something else."""
        pa = self.pa
        if pa.types.is_dictionary(arr.type):
            arr = _cast(arr, arr.type.value_type)
        if pa.types.is_large_string(arr.type) or pa.types.is_string_view(arr.type):
            arr = _cast(arr, pa.string())
        return arr if pa.types.is_string(arr.type) else None

    def codes(self, arr: Any, values: Sequence[str], rows: I32 | None = None) -> tuple[I32, Bool]:
        """Index of each value in ``values`` (-1 if not there) and where a value is present.

        A value present but not a string or not in ``values`` marks its record slow; ``rows``
        maps entries of a flat (child) array to records.
        """
        present = self.valid(arr)
        d = self.strings(arr.dictionary) if self.pa.types.is_dictionary(arr.type) else None
        if d is not None:  # (Parquet read as dictionaries: each distinct text is looked up once)
            of = _index(d, values)
            ind = _int_view(arr.indices)
            if _c_dict_codes is not None and len(of) and ind.dtype == np.int32:  # one pass (_scan.c)
                out = np.empty(len(arr), np.int32)
                unlisted = _c_dict_codes(of, ind, present, out)
                if not unlisted:
                    return out, present
                if unlisted > 0:  # (rare: the records of texts not listed marked by numpy's passes below)
                    self.mark(present & (of[np.where(present, ind, 0)] < 0), rows)
                    return out, present
                # (an index outside the dictionary: numpy's passes below raise as they did)
            if not len(of):
                idx = np.full(len(arr), -1, np.int32)
            elif arr.null_count:  # a null's index is unspecified: 0 read, then -1 as index_in gives it
                idx = of[np.where(present, ind, 0)]
                idx[~present] = -1
            else:
                idx = of[ind]
                if of.min() >= 0:  # no null, every text of the dictionary listed: none to mark
                    return idx, present
        else:
            s = self.strings(arr)
            idx = np.full(len(arr), -1, np.int32) if s is None else _index(s, values)
        bad = present & (idx < 0)
        if bad.any():
            self.mark(bad, rows)
        return np.maximum(idx, 0), present

    def mark(self, bad: Bool, rows: I32 | None) -> None:
        if rows is None:
            self.slow |= bad
        else:
            self.slow[rows[bad]] = True

    def days(self, arr: Any, rows: npt.NDArray[np.int32] | None = None) -> I32:
        """Days since 1970 (NONE where null); a value that is not a date as Problem reads it marks slow."""
        pa = self.pa
        present = self.valid(arr)
        typ = arr.type
        if pa.types.is_date32(typ) and _c_days_in is not None and len(arr) and arr.buffers()[1] is not None:
            vals = _view(arr, np.int32)  # days as they are stored (a null's are unspecified: never used)
            out = np.empty(len(arr), np.int32)
            outside = _c_days_in(vals, present, _FIRST_DAY, _LAST_DAY, NONE, out)  # one pass (_scan.c)
            if outside:  # (rare: those records marked by numpy's passes)
                self.mark(present & ((vals < _FIRST_DAY) | (vals > _LAST_DAY)), rows)
            return out
        out = np.full(len(arr), NONE, np.int32)
        if pa.types.is_date32(typ) or pa.types.is_date64(typ):
            if pa.types.is_date32(typ):  # days as they are stored (a null's are unspecified: never read)
                vals = _view(arr, np.int32)
                if not arr.null_count and len(vals) and vals.min() >= _FIRST_DAY and vals.max() <= _LAST_DAY:
                    return np.array(vals)  # every one a day a record may name: none to mark
            else:
                days = self.pc.divide(arr.cast(pa.int64()), 86400_000)
                vals = np.asarray((days.fill_null(0) if days.null_count else days).to_numpy(), np.int64)
            ok = present & (vals >= _FIRST_DAY) & (vals <= _LAST_DAY)  # a record's years: 1900 to 2999
            self.mark(present & ~ok, rows)
            out = np.where(ok, vals, NONE).astype(np.int32)
        elif pa.types.is_timestamp(typ) and typ.tz is None:
            per_day = {"s": 86400, "ms": 86400_000, "us": 86400_000_000, "ns": 86400_000_000_000}[typ.unit]
            raw = np.where(present, _view(arr, np.int64), 0)
            whole = raw % per_day == 0  # a datetime is a date only at midnight
            self.mark(present & ~whole, rows)
            ok = present & whole & (raw // per_day >= _FIRST_DAY) & (raw // per_day <= _LAST_DAY)
            self.mark(present & whole & ~ok, rows)
            out[ok] = (raw[ok] // per_day).astype(np.int32)
        elif (s := self.strings(arr)) is not None and _c_iso_days is not None and len(s):
            # text dates (CSV, JSON lines) read in one pass in C (_scan.c), as iso_day reads each: ~0.3 CPU s of
            # a 1M-record CSV's encoding was Arrow's hashing of each column and iso_day on each distinct text
            _, offs, data = s.buffers()
            offsets = np.frombuffer(offs, np.int32, len(s) + 1, 4 * s.offset) if offs is not None \
                else np.zeros(len(s) + 1, np.int32)
            unread = _c_iso_days(b"" if data is None else data, offsets, present, _FIRST_DAY, _LAST_DAY, NONE, out)
            if unread:  # (rare: those records marked by numpy's passes)
                self.mark(present & (out == NONE), rows)
        elif (s := self.strings(arr)) is not None:
            enc = self.pc.dictionary_encode(s)
            table = np.array([iso_day(v, self.dates) if v is not None else None for v in enc.dictionary.to_pylist()]
                             + [None], dtype=object)
            known = np.array([x is not None for x in table], np.bool_)
            numbers = np.array([x if x is not None else 0 for x in table], np.int32)
            ix = np.asarray(enc.indices.fill_null(len(table) - 1).to_numpy(zero_copy_only=False), np.int64)
            self.mark(present & ~known[ix], rows)
            ok = present & known[ix]
            out[ok] = numbers[ix][ok]
        else:
            self.mark(present, rows)
        return out

    def struct_fields(self, arr: Any, allowed: frozenset[str], rows: npt.NDArray[np.int32] | None) -> dict[str, Any]:
        """Children of a struct array; a non-null value of an unknown child marks slow."""
        typ = arr.type
        out: dict[str, Any] = {}
        present = self.valid(arr)
        for i in range(typ.num_fields):
            name = typ.field(i).name
            child = arr.field(i)
            if name in allowed:
                out[name] = child
            else:
                self.mark(present & self.valid(child), rows)
        return out

    def child(self, fields: dict[str, Any], name: str, n: int) -> Any:
        return fields[name] if name in fields else self.pa.nulls(n, self.pa.string())


#: An id with a character ``plain_id`` finds not printable, as far as RE2's classes can say it: control and format
#: characters, line and paragraph separators and noncharacters (which the reader refuses: review24b R24b-1, they were
#: answered from a DataFrame, Parquet or CSV), private use, and spaces other than U+0020 (the reference path reads
#: these). (RE2 has no class of unassigned code points; the reader keeps those, so either path gives the same answer.)
_NOT_PLAIN = (r"[\p{Cc}\p{Cf}\p{Co}\p{Zl}\p{Zp}\x{a0}\x{1680}\x{2000}-\x{200a}\x{202f}\x{205f}\x{3000}\x{fdd0}-\x{fdef}"
              + "".join(rf"\x{{{plane + 0xfffe:x}}}\x{{{plane + 0xffff:x}}}" for plane in range(0, 0x110000, 0x10000))
              + "]")
#: An id that is empty or starts or ends with a character that Python's ``strip`` (or pydantic's) removes.
_BLANK_EDGE = r"^[\s\x{0b}\x{1c}-\x{1f}\x{85}\p{Z}]|[\s\x{0b}\x{1c}-\x{1f}\x{85}\p{Z}]$|^$"


def _blank_edges(ids: Any) -> Bool:
    """Which texts of a string array (no nulls) are empty or start or end with white space
    (:data:`_BLANK_EDGE`): by their first and last bytes where those are printable ASCII, else
    by the pattern."""
    import pyarrow as pa

    n = len(ids)
    _, offs, data = ids.buffers()
    off = np.frombuffer(offs, np.int32, n + 1, 4 * ids.offset) if offs is not None else np.zeros(n + 1, np.int32)
    out: Bool = np.asarray(off[1:] == off[:-1], np.bool_)
    d = np.frombuffer(data, np.uint8) if data is not None else np.zeros(0, np.uint8)
    if not n or not len(d):
        return out
    first = pick(d, np.minimum(off[:-1], len(d) - 1))
    last = pick(d, np.clip(off[1:] - 1, 0, len(d) - 1))
    unsure = ~out & ~((first > 0x20) & (first < 0x7F) & (last > 0x20) & (last < 0x7F))
    if unsure.any():
        import pyarrow.compute as pc

        at = np.nonzero(unsure)[0]
        hit = pc.match_substring_regex(ids.take(pa.array(at)), _BLANK_EDGE)
        out[at] = np.asarray(hit.to_numpy(zero_copy_only=False), np.bool_)
    return out


def _byte_facts(texts: Any) -> tuple[Bool, Bool, npt.NDArray[np.int64]]:
    """For each text of a string array (no nulls), from its UTF-8 bytes: whether it is ASCII,
    whether it holds an ASCII control character (U+0000–U+001F, U+007F: every byte of a
    multi-byte character is 0x80 or above), and its length in bytes."""
    n = len(texts)
    _, offs, data = texts.buffers()
    off = np.frombuffer(offs, np.int32, n + 1, 4 * texts.offset).astype(np.int64) if offs is not None \
        else np.zeros(n + 1, np.int64)
    nbytes = off[1:] - off[:-1]
    d = np.frombuffer(data, np.uint8) if data is not None else np.zeros(0, np.uint8)
    if not n or not len(d) or off[-1] == off[0]:
        return np.ones(n, np.bool_), np.zeros(n, np.bool_), nbytes
    if _c_text_facts is not None:  # one pass over the bytes (_scan.c)
        ascii_, control = np.empty(n, np.bool_), np.empty(n, np.bool_)
        _c_text_facts(data, np.frombuffer(offs, np.int32, n + 1, 4 * texts.offset), ascii_, control)
        return ascii_, control, nbytes
    used = d[off[0]:off[-1]]
    ends = off[1:] - off[0]
    # the few bytes that are not printable ASCII, each found in its text by where the texts end
    ascii_ = np.ones(n, np.bool_)
    control = np.zeros(n, np.bool_)
    ascii_[np.searchsorted(ends, np.flatnonzero(used >= 0x80), "right")] = False
    control[np.searchsorted(ends, np.flatnonzero((used < 0x20) | (used == 0x7F)), "right")] = True
    return ascii_, control, nbytes


def encode_arrow(table: Any, t: Tables) -> Cols:
    """Encode an Arrow table column-wise (see the module docstring)."""
    rd = _ArrowReader(table, t)
    pa, n = rd.pa, rd.n
    cols = rd.columns

    null = pa.nulls(n, pa.string())

    def col(name: str) -> Any:
        return cols.get(name, null)

    ids = rd.strings(col("id"))
    if ids is None:
        rd.slow |= True
        ids = null
    else:
        present = rd.valid(ids)
        text = ids.fill_null("") if ids.null_count else ids
        blank = _blank_edges(text)
        ascii_, odd, nbytes = _byte_facts(text)  # for ASCII text, _NOT_PLAIN is its control bytes
        if not ascii_.all():  # the pattern, and text the reader would normalise (full-width letters and digits …)
            at = np.nonzero(~ascii_)[0]
            other = text.take(pa.array(at))
            pc = rd.pc
            odd[at] |= np.asarray(pc.match_substring_regex(other, _NOT_PLAIN).to_numpy(zero_copy_only=False), np.bool_)
            odd[at] |= ~np.asarray(pc.equal(pc.utf8_normalize(other, "NFKC"), other).to_numpy(zero_copy_only=False),
                                   np.bool_)
        long = nbytes > MAX_TEXT  # (no more characters than bytes)
        if long.any():
            at = np.nonzero(long)[0]
            long[at] = np.asarray(rd.pc.greater(rd.pc.utf8_length(text.take(pa.array(at))), MAX_TEXT)
                                  .to_numpy(zero_copy_only=False), np.bool_)
        rd.slow |= ~present | blank | odd | long
    if "area" in cols and "domain" in cols:  # ``domain``: the former name of ``area``; both: the reader decides
        rd.slow |= rd.valid(cols["area"]) & rd.valid(cols["domain"])
        a_s, d_s = rd.strings(cols["area"]), rd.strings(cols["domain"])
        if a_s is None or d_s is None:
            rd.slow |= True
            named = null
        else:
            named = rd.pc.coalesce(a_s, d_s)
    else:
        named = col("area") if "area" in cols else col("domain")
    area, present = rd.codes(named, t.areas)
    rd.slow |= ~present
    kname, has_kind = rd.codes(col("kind"), t.kind_names)
    width = t.kind_code.shape[1]  # (one flat look-up: numpy's two-index look-up cost ~4 times as much)
    # (np.take, and a product with has_kind where np.where made two passes more: ~0.005 CPU s of a 1M run)
    kind = (pick(t.kind_code.ravel(), area * width + (kname + 1) * has_kind) * has_kind).astype(np.int32, copy=False)
    rd.slow |= kind < 0
    kind = np.maximum(kind, 0)
    alias, alias_place = t.alias_arrays
    pidx, present = rd.codes(col("place"), alias)
    rd.slow |= ~present
    place = pick(alias_place, pidx)
    sev, present = rd.codes(col("severity"), t.severity_ids)
    sev = np.where(present, sev + 1, 1).astype(np.int32)
    deadline, rect, asof = rd.days(col("deadline")), rd.days(col("rectified_on")), rd.days(col("as_of"))

    zeros = np.zeros(n, np.int32)
    d = col("discovered")
    disc = np.zeros(n, np.bool_)
    dlev, dch, dbody, don = zeros, zeros, np.full(n, -1, np.int32), zeros
    if pa.types.is_struct(d.type):
        disc = rd.valid(d)
        f = rd.struct_fields(d, DISCOVERED_FIELDS, None)
        dlev_i, has = rd.codes(rd.child(f, "level", n), t.level_ids)
        rd.slow |= disc & ~has
        dlev = np.array([t.rank[lv] for lv in t.level_ids], np.int32)[dlev_i]
        dch, has = rd.codes(rd.child(f, "channel", n), t.channels)
        rd.slow |= disc & ~has
        don = rd.days(rd.child(f, "on", n))
        rd.slow |= disc & (don == NONE)
        b, has = rd.codes(rd.child(f, "body", n), t.bodies)
        dbody = np.where(has, b, -1).astype(np.int32)
    else:
        rd.slow |= rd.valid(d)

    hp, hact, hby, hto, htb, hon = (np.zeros(0, np.int32) for _ in range(6))
    h = col("handled")
    if (pa.types.is_list(h.type) or pa.types.is_large_list(h.type)) and pa.types.is_struct(h.type.value_type):
        hp, steps, over = _list_items(h)
        rd.slow |= over
        m = len(steps)
        rd.mark(~rd.valid(steps), hp)
        f = rd.struct_fields(steps, HANDLING_FIELDS, hp)
        act, has = rd.codes(rd.child(f, "action", m), _ACTIONS, hp)
        rd.mark(~has, hp)
        ranks = np.array([t.rank[lv] for lv in t.level_ids], np.int32)
        by, has = rd.codes(rd.child(f, "by_level", m), t.level_ids, hp)
        rd.mark(~has, hp)
        to, has = rd.codes(rd.child(f, "to_level", m), t.level_ids, hp)
        rd.mark(~has, hp)
        tb, has = rd.codes(rd.child(f, "to_body", m), t.bodies, hp)
        hon = rd.days(rd.child(f, "on", m), hp)
        rd.mark(hon == NONE, hp)
        hact, hby, hto = act, pick(ranks, by), pick(ranks, to)
        htb = np.where(has, tb, -1).astype(np.int32)
    elif h.null_count < len(h):
        rd.slow |= rd.valid(h)

    cp, clvl, cbody = (np.zeros(0, np.int32) for _ in range(3))
    c = col("concealed_by")
    if pa.types.is_list(c.type) or pa.types.is_large_list(c.type):
        cp, who, over = _list_items(c)
        rd.slow |= over
        ci, has = rd.codes(who, t.concealer_ids, cp)
        rd.mark(~has, cp)
        pairs = np.array(list(t.concealer.values()), np.int32).reshape(-1, 2)
        clvl, cbody = pairs[ci, 0].copy(), pairs[ci, 1].copy()
    elif c.null_count < len(c):
        rd.slow |= rd.valid(c)

    return finish(Cols(n, rd.slow, ids, area, kind, sev, place, disc, dlev, dch, dbody, don, deadline, rect,
                            asof, hp, hact.astype(np.int32), hby, hto, htb, hon, cp, clvl, cbody), t)


def _list_items(lists: Any) -> tuple[I32, Any, Bool]:
    """A list array's items: the list each comes from (int32), the items flattened (an Arrow array), and which
    lists hold more than :data:`MAX_ITEMS` items (the reference path refuses them, as a record read from JSON lines
    or CSV is refused: review18c B1, from Parquet a record of 1,001 steps was assessed).

    Read from the offsets' buffer, the items sliced out of the values: Arrow's ``list_parent_indices``,
    ``list_flatten`` and ``list_value_length`` (and ``ListArray.flatten``, which calls one) import
    ``pyarrow._compute`` (~0.015 CPU s of every run, which a Parquet run's encoding does without). Those
    functions answer where a null list spans items (Arrow allows it; Parquet's reader writes none): there
    ``list_flatten`` drops them and ``list_parent_indices`` does not."""
    n = len(lists)
    width = 8 if _is_large_list(lists) else 4
    bounds = lists.buffers()[1]
    offsets = np.frombuffer(bounds, np.int32 if width == 4 else np.int64, n + 1, lists.offset * width) \
        if bounds is not None and n else np.zeros(n + 1, np.int64)
    lengths = np.diff(offsets)
    valid = _validity(lists) if lists.null_count else None
    if valid is not None and bool(lengths[~valid].any()):  # (a null list spanning items: as Arrow's compute says)
        parents = np.asarray(_call("list_parent_indices", lists).to_numpy(zero_copy_only=False), np.int32)
        items = _call("list_flatten", lists)
    else:
        parents = np.repeat(np.arange(n, dtype=np.int32), lengths)
        first = int(offsets[0]) if n else 0
        items = lists.values.slice(first, int(offsets[-1]) - first if n else 0)
    over: Bool = lengths > MAX_ITEMS
    if valid is not None:
        over &= valid
    return parents, items, over


def _is_large_list(lists: Any) -> bool:
    import pyarrow as pa

    return bool(pa.types.is_large_list(lists.type))


def problem_days(source: Any, today: int) -> tuple[npt.NDArray[np.int64], Bool]:
    """The day whose rules judge each record (days since 1970), as ``engine._decide.problem_day`` picks
    it: the discovery, else the assessment date, else ``today``; and whether it could be read
    exactly in bulk (where not, the record takes the reference path, which picks it itself).

    ``source`` is an Arrow table or a list of Python records.
    """
    if isinstance(source, list):
        from ..engine._decide import problem_day

        base = dt.date.fromordinal(today + EPOCH)
        out = np.array([problem_day(r, base).toordinal() - EPOCH if type(r) is dict else today
                        for r in source], np.int64)
        return out, np.ones(len(source), np.bool_)
    import pyarrow as pa

    n = source.num_rows
    rd = _ArrowReader(source, None)  # its slow marks: a date not read plainly, an unknown field
    names = source.column_names
    asof = rd.days(one_array(source.column("as_of"))) if "as_of" in names else np.full(n, NONE, np.int32)
    found = np.full(n, NONE, np.int32)
    if "discovered" in names:
        d = one_array(source.column("discovered"))
        if pa.types.is_struct(d.type) and d.type.get_field_index("on") >= 0:
            on = d.field("on")
            if d.null_count:
                on = _call("if_else", _call("is_valid", d), on, pa.nulls(n, on.type))
            found = rd.days(on)
        elif d.null_count < n:
            rd.slow |= rd.valid(d)
    day = np.where(found != NONE, found, np.where(asof != NONE, asof, today)).astype(np.int64)
    return day, ~rd.slow
