"""Problem records: what happened to one problem, as other systems send it.

The field names are fixed (other systems and acceptance checks use them)::

    id, area, kind?, sector?, place, severity (minor|serious|grave), discovered? {level, channel, on, body?},
    handled [{action: assigned|reported, by_level, to_level, to_body?, on, deadline?}],
    deadline?, rectified_on?, concealed_by [level or body id], as_of?

``domain`` is the former name of ``area`` and still accepted (deprecated). Values a
user types may be the Chinese names of rules/ (area 危房改造, severity 较重, level 乡镇,
a channel's name) as well as the ids: :func:`canonical_record` maps them (see
:class:`ValueNames`); docs/records.md has every field and rule.

:func:`parse_problem` checks a record against a policy and a jurisdiction and
raises :class:`~responsibility.ProblemError` naming the offending field, with a
stable reason ``code``.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import difflib
import functools
import itertools
import math
import numbers
import operator
import re
import sys
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from dataclasses import field as _field
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, NoReturn

from .._errors import JurisdictionError, ProblemError, ResponsibilityError
from ..chain._jurisdiction import LEVEL_DIGITS, Jurisdiction, Place, is_residents_committee, level_of, parse_code
from ..policy._loader import closest, suggest
from ..policy._model import DAY_MAX, DAY_MIN, SEVERITIES
from ..policy._text import fold, short_name
from ..policy._view import PolicyView
from ._compile import BELOW, untracked

_c_plain_record: Callable[..., Any] | None
try:  # a plain record's model made in C (engine/_dicts.c plain_record), where the extension was built; else in Python
    from ._dicts import plain_record as _c_plain_record
    from ._dicts import plain_setup as _c_plain_setup
except ImportError:  # pragma: no cover - without a C compiler
    _c_plain_record = None

if TYPE_CHECKING:  # (the record models and pydantic are imported where a record is validated: _records.py)
    from pydantic import ValidationError, ValidationInfo
    from pydantic_core import PydanticCustomError

    from ..policy._models import Body
    from ._records import Day as Day
    from ._records import Discovered as Discovered
    from ._records import Handling as Handling
    from ._records import Problem as Problem
    from ._records import Text as Text

#: The longest text a record field may hold (ids, codes, names).
MAX_TEXT = 200
#: The parameter that decides whether concealment from the finder's own level's oversight (audit, 巡视 …) is 瞒报.
SAME_LEVEL_CONCEALMENT = "same_level_oversight_concealment"
#: The parameter that decides how a problem placed at an urban community's code (a residents' committee, 社区) is
#: answered: as its township's (``township``, the default) or as a village's (``village``); review25 R25-11.
RESIDENTS_PLACE = "residents_committee_place"
#: The key of a re-placed record's own place in its model's private values (:func:`residents_place`).
_OWN_PLACE = "record_place"
#: The most entries a list field (``handled``, ``concealed_by``) may hold.
MAX_ITEMS = 1000
#: A text holding half of a UTF-16 surrogate pair: the words of a field's text refused so (:func:`_text`), to which
#: each interface adds what to do (the service's record_hint, the CLI's hint read "lone surrogate").
LONE_SURROGATE = "not valid Unicode text (a lone surrogate)"
#: The deepest a record's values nest (containers within containers) before it is refused unread: a problem record
#: is a few levels deep; deeper is a cycle, or a document pasted into a field.
DEEPEST = 64
_SURROGATE = re.compile("[\ud800-\udfff]")
#: The body kind (rules/vocabulary.yaml) of a level's body that stands, unresolved, for whichever of the level's
#: holders of a kind no department there has a part in had the problem, the record not saying which (review34 F5:
#: 县（市、区）负有该问题交办上报职责的机构（记录未写明）). A verdict names it; a record cannot
#: (:func:`stand_in_refusal`).
UNNAMED_HOLDERS = "unresolved_holders"

#: A day written year first otherwise (2021/5/3, 2021.5.3, 2021-5-3, 2021年5月3日): told its YYYY-MM-DD.
_OTHER_DAY = re.compile(r"^(\d{4})(?:[/.\-]|年)(\d{1,2})(?:[/.\-]|月)(\d{1,2})日?(?:[T ][0-9:.]+)?$")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ]00:00(?::00(?:\.0+)?)?)?$")


#: What a user sent, in JSON's words, for a record that is not an object.
_JSON_KINDS = {"NoneType": "null", "list": "a list", "tuple": "a list", "str": "text", "bytes": "bytes",
               "int": "a number", "float": "a number", "bool": "true/false", "set": "a set", "frozenset": "a set"}


#: Said after a day written as Excel writes it on Chinese Windows (2021/5/3) where the day came from a file's cell.
_IN_EXCEL = " — in Excel, format the column as yyyy-mm-dd (设置单元格格式 → 自定义 → yyyy-mm-dd) before saving"

#: Whether the records parsed here may come from a spreadsheet's cells (a CSV, Parquet or Excel file, a data frame, a
#: dict from Python: the default), whose refused day is told how to format an Excel column, or were typed (a YAML, JSON
#: or JSON lines file, a request to the service: :func:`typed_records`), where that advice sent the writer looking for
#: a spreadsheet (ux47 left). A context variable: a thread or a task of its own reads its own, and a worker forked
#: inside :func:`typed_records` reads what was set there.
_CELLS: ContextVar[bool] = ContextVar("responsibility_record_cells", default=True)


@contextlib.contextmanager
def typed_records(typed: bool = True) -> Iterator[None]:
    """Within it, the records parsed were typed (``typed``; ``False``: they may be a spreadsheet's cells): a refused
    day says what to write (``2021-04-02``) and not how to format an Excel column. Where records are read: ``who``,
    ``assess`` of a YAML, JSON or JSON lines file, ``Policy.who_answers(path)``, the service.

    >>> import responsibility
    >>> record = {"id": "p1", "area": "housing", "place": "330127100219",
    ...           "discovered": {"level": "village", "channel": "grid", "on": "2021/3/1"}}
    >>> with typed_records():
    ...     try:
    ...         responsibility.load().who_answers(record)
    ...     except responsibility.ProblemError as e:
    ...         print(e.detail)
    2021/3/1 is not a date as records write it; write 2021-03-01 (YYYY-MM-DD)
    """
    token = _CELLS.set(not typed)
    try:
        yield
    finally:
        _CELLS.reset(token)


def from_cells() -> bool:
    """Whether the records read here may be a spreadsheet's cells (outside :func:`typed_records`, or within
    ``typed_records(False)``): what a reader that words its own refusals (a ledger's events) asks."""
    return _CELLS.get()


def other_day_hint(value: Any, *, cell: bool = True) -> str | None:
    """What a day written year first another way (``2021/3/1``, ``2021年3月1日``) is told — its ``YYYY-MM-DD`` —,
    else ``None``: one message for a record's dates and a ledger event's (newcomer40). ``cell``: whether the day came
    from a file or a spreadsheet's cell, where Excel may have written it so and the column's format is the cure;
    a day typed as an option, a query parameter or an argument is told only what to write.

    >>> other_day_hint("2021/3/1", cell=False)
    '2021/3/1 is not a date as records write it; write 2021-03-01 (YYYY-MM-DD)'
    """
    if not isinstance(value, str):
        return None
    text = (value if value.isascii() else unicodedata.normalize("NFKC", value)).strip()
    iso = _other_day(text)
    if iso is None:
        return None
    return f"{_show(value)} is not a date as records write it; write {iso} (YYYY-MM-DD)" + (_IN_EXCEL if cell else "")


#: Characters that look like the '-' of a day (a hyphen, dash or minus of another script or font) and are not it.
_DASHES = frozenset("\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u30fc\ufe58\ufe63")


def unseen_in_day(value: Any) -> str | None:
    """What a day written with a character no day holds is told — which character (its code point and name), where,
    and what to write —, else ``None``: an invisible one (a zero-width space or a byte-order mark copied with a date
    from a web page or a chat, a control character) or one that looks like '-' and is not it (U+2010 HYPHEN; the
    full-width '－' is read as '-' already). A day with a zero-width space after it, which looks exactly like one, was
    told only "is not a date; write YYYY-MM-DD" (ux46 left). One message for a record's dates and a ledger event's.
    """
    if not isinstance(value, str) or value.isascii():
        return None
    text = unicodedata.normalize("NFKC", value).strip()
    odd = [(i, c) for i, c in enumerate(text) if c in _DASHES or unicodedata.category(c) in ("Cf", "Cc", "Zl", "Zp")
           or (unicodedata.category(c) == "Zs" and c != " ")]
    if not odd:
        return None
    at, c = odd[0]
    name = unicodedata.name(c, "a character without a name")
    where = f"after {text[:at]!r}" if at else "before the day"
    more = f" (and {len(odd) - 1} more such)" if len(odd) > 1 else ""
    clean = "".join("-" if ch in _DASHES else ch for i, ch in enumerate(text) if (i, ch) not in odd or ch in _DASHES)
    m = _ISO_DAY.match(clean) if clean.isascii() else None
    iso = None
    if m is not None:
        with contextlib.suppress(ValueError):
            iso = dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    write = f"write {iso} (YYYY-MM-DD)" if iso else "write the day as YYYY-MM-DD"
    if c in _DASHES:
        return (f"'{_show(value)}' holds '{c}' (U+{ord(c):04X}, {name}){more} {where}, which looks like the '-' of a "
                f"day and is not it; type the '-' on the keyboard: {write}")
    return (f"'{_show(value)}' holds an invisible character, U+{ord(c):04X} ({name}){more}, {where}; delete it "
            f"(retyping the day removes it): {write}")


#: Excel's day numbers a date column not formatted as dates holds (20,000 is 1954-10-03, 80,000 is 2119-01-10): a
#: number so, or its digits, where a day is due is told the day it counts (ux44 left: "44256 is not a date").
EXCEL_DAYS = range(20_000, 80_001)


def excel_day_hint(value: Any, *, cell: bool = True) -> str | None:
    """What a day given as Excel's day number (``44256``, or its text) is told — the day it counts and its
    ``YYYY-MM-DD`` —, else ``None``: one message for a record's dates, a ledger event's and a workbook's cells.
    Never read as that day: a number in a day's place may be anything else as well. ``cell``: as
    :func:`other_day_hint`'s.

    >>> excel_day_hint(44256, cell=False)
    '44256 is how Excel counts the day 2021-03-01; write 2021-03-01 (YYYY-MM-DD)'
    >>> excel_day_hint("44256.5", cell=False)  # a date-and-time column not formatted as dates (hostile64 left)
    '44256.5 is how Excel counts the day 2021-03-01 at 12:00; write 2021-03-01 (YYYY-MM-DD)'
    """
    shown = value
    number: float | None = None
    if isinstance(value, float) and not value.is_integer() and math.isfinite(value):
        number = value
    elif isinstance(value, float) and value.is_integer():
        value = int(value)
    elif isinstance(value, str):
        text = (value if value.isascii() else unicodedata.normalize("NFKC", value)).strip()
        if _SERIAL_WITH_TIME.fullmatch(text):
            number = float(text)
            shown = text
        else:
            value = int(text) if text.isascii() and text.isdigit() and len(text) == 5 else None
    if number is not None:
        if int(number) not in EXCEL_DAYS:
            return None
        moment = dt.datetime(1899, 12, 30) + dt.timedelta(days=number)
        day, at = moment.date().isoformat(), f" at {moment:%H:%M}" if moment.time() >= dt.time(0, 1) else ""
    elif isinstance(value, bool) or not isinstance(value, int) or value not in EXCEL_DAYS:
        return None
    else:
        day, at, shown = (dt.date(1899, 12, 30) + dt.timedelta(days=value)).isoformat(), "", value
    where = " when a column is not formatted as dates" if cell else ""
    said = f"{shown} is how Excel counts the day {day}{at}{where}; write {day} (YYYY-MM-DD)"
    return said + (_IN_EXCEL if cell else "")


#: Excel's day number with a fraction of a day (its time), as a cell's text holds it: ``44256.5``.
_SERIAL_WITH_TIME = re.compile(r"[0-9]{5}\.[0-9]+")


def parse_day(value: Any, *, cell: bool = True) -> dt.date:
    """A record's date: ``YYYY-MM-DD`` text or a date, between 1900 and 2999.

    A number is refused (it is not read as Unix time), and so is a time of day other
    than midnight, and a datetime with a time zone (which day it is depends on the zone:
    ``Policy.who_answers(today=…)``, a record's dates and a ledger's ``as_of`` alike);
    full-width digits are read as digits. ``cell``: whether the day came from a file's cell
    (a record), which a day written as Excel writes it is told how to format (:func:`other_day_hint`);
    ``False`` for an option, a query parameter or an argument.

    >>> parse_day("2021-03-01"), parse_day(dt.datetime(2021, 3, 1))
    (datetime.date(2021, 3, 1), datetime.date(2021, 3, 1))
    """
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            # which day an instant is depends on the zone's calendar; its text (2021-07-01T00:00+08:00) is refused,
            # and so is the object, not read as the day it shows (hostile32 left; as the ledger's days, hostile33)
            raise _bad("bad_date", "{got} has a time zone, so which day it is depends on the zone's calendar; give "
                       "the day itself, YYYY-MM-DD (of a datetime d, d.date() is the day it shows)",
                       {"got": value.isoformat()})
        if value.time() != dt.time(0):
            raise _bad("bad_date", "a date without a time of day is expected (got {got})",
                                      {"got": value.isoformat()})
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    elif isinstance(value, str):
        # NFKC leaves ASCII as it is (and makes full-width digits ASCII).
        text = (value if value.isascii() else unicodedata.normalize("NFKC", value)).strip()
        m = _ISO_DAY.match(text) if text.isascii() else None
        if m is None:
            if (iso := _other_day(text)) is not None:  # Excel's way on Chinese Windows: 2021/5/3
                # (the message as a template: what matched a day holds no brace)
                raise _bad("bad_date", other_day_hint(value, cell=cell) or "", {"got": _show(value), "iso": iso})
            if (serial := excel_day_hint(text, cell=cell)) is not None:  # (what matched five digits holds no brace)
                raise _bad("bad_date", serial, {"got": _show(value)})
            if (unseen := unseen_in_day(value)) is not None:
                raise _bad("bad_date", "{unseen}", {"unseen": unseen})
            raise _bad("bad_date", "{got} is not a date; write YYYY-MM-DD",
                                      {"got": _show(value)})
        try:
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            if not 1 <= int(m[2]) <= 12:  # (2021-13-01 was "no such day": ux46)
                raise _bad("bad_date", "{got} is not a valid date (no month {month}); write the year, month and day, "
                           "as YYYY-MM-DD", {"got": text[:10], "month": int(m[2])}) from None
            raise _bad("bad_date", "{got} is not a valid date (no such day); write a day that exists, as YYYY-MM-DD",
                                      {"got": text[:10]}) from None
    elif isinstance(value, bool | int | float):
        # (true was "not as the number True", NaN "the number nan": said in JSON's words, as other fields say them)
        if (serial := excel_day_hint(value, cell=cell)) is not None:
            raise _bad("bad_date", serial, {})
        raise _bad("bad_date", "a date is written YYYY-MM-DD, not as {got}", {"got": _what(value)})
    else:
        text = str(value)
        if type(value).__name__ in ("datetime64", "Timestamp", "date32", "Date") and _ISO_DAY.match(text[:19]):
            return parse_day(text[:19], cell=cell)
        raise _bad("bad_date", "a date is written YYYY-MM-DD (got a {kind})",
                                  {"kind": type(value).__name__})
    if not DAY_MIN <= day <= DAY_MAX:
        raise _bad("bad_date", "{got} is outside the years {lo}-{hi}; write a day between {lo} and {hi} (YYYY-MM-DD)",
                                  {"got": day.isoformat(), "lo": DAY_MIN.year, "hi": DAY_MAX.year})
    return day


def _bad(kind: str, message: str, context: dict[str, Any]) -> PydanticCustomError:
    """pydantic's error of a record's value (imported here, on the first bad value: parsing good ones needs none
    of pydantic)."""
    from pydantic_core import PydanticCustomError

    return PydanticCustomError(kind, message, context)


def _other_day(text: str) -> str | None:
    """``YYYY-MM-DD`` of a real day written year first another way (``2021/5/3``), else ``None``."""
    m = _OTHER_DAY.match(text)
    if m is None:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


def _show(value: Any, width: int = 40) -> str:
    """A short, one-line, safe rendering of any input value (never a Python repr of a date)."""
    if isinstance(value, Mapping | list | tuple | set):
        return f"a {type(value).__name__} of {len(value)} items"
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 128:
        return f"a number of about {int(value.bit_length() * 0.30103) + 1} digits"
    if isinstance(value, dt.date):
        return value.isoformat()
    text = value if isinstance(value, str) else repr(value)
    if not text.isprintable():  # escape the control characters only: Chinese stays as typed
        text = "".join(c if c.isprintable() else ascii(c)[1:-1] for c in text)
    return text if len(text) <= width else text[:width] + "…"


def _whole_number(value: Any) -> int | None:
    """The whole number a code read as a number holds — an integer (also numpy's; not a bool), a whole float (a
    spreadsheet's or pandas' column with a gap) under 10^15, or a whole finite Decimal (a database's NUMERIC column)
    under 10^38 — else ``None``. One rule for a record's text (:func:`_text`) and a ledger event's."""
    if isinstance(value, bool):
        return None
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    if type(value).__name__ == "Decimal" and value.is_finite() and value == value.to_integral_value() \
            and abs(value) < 10 ** 38:
        return int(value)
    return None


#: The text fields a whole number is read into as its digits: an id and a division code are numbers in spreadsheets.
_NUMBER_FIELDS = frozenset({"id", "place"})


def _text(value: Any, info: ValidationInfo | None) -> Any:
    """Record text: NFKC-normalised (full-width letters and digits become ASCII), bounded, printable.

    The record's ``id`` (``info.field_name``: pydantic gives it) is kept as written, bar the spaces at either end:
    it is the sender's key, which a caller joins answers back on (review25 R25-9: ``ＡＢ１`` came back ``AB1``).
    Only the names of the policy's terms and the codes are folded, where they are matched."""
    if type(value) is str and len(value) <= MAX_TEXT and value.isascii() and value.isprintable():
        return value  # NFKC leaves it as it is; no control character (the common case, fast)
    if isinstance(value, bool):
        return value  # pydantic reports the wrong type
    if isinstance(value, bytes | bytearray):
        # pydantic would read bytes as UTF-8 text after this check: read them here, so that the text they hold is
        # checked as text typed as such is (review22b R22b-3: b'a\x00b' was taken, 'a\x00b' refused)
        try:
            value = bytes(value).decode("utf-8")
        except UnicodeDecodeError:
            raise _bad("bad_value", "bytes that are not UTF-8 text ({got})", {"got": _show(bytes(value))}) from None
    elif (whole := _whole_number(value)) is not None:
        # place codes read as numbers by spreadsheets and pandas (also numpy integers), as floats when the column has
        # a gap, as decimals by a database's NUMERIC column: a whole one is its digits. Only the id and the place are
        # numbers in anyone's records (docs/records.md); an area, kind, level or body given as 5 is refused as the
        # number it is (wrong_type), not looked up as the name '5' (check52b #8)
        if info is not None and info.field_name not in _NUMBER_FIELDS:
            return value
        if whole.bit_length() > 128:  # no code is that long, and str() of over 4,300 digits raises ValueError
            raise _bad("bad_value", "{got}, not text or a code", {"got": _show(whole)})  # (review23b R23b-3)
        value = str(whole)
    if not isinstance(value, str):
        return value
    if (value[:1].isspace() or value[-1:].isspace()) and (info is None or info.field_name != "id"):
        # white space at either end is no part of a name or a code (a CR or a tab a spreadsheet's cell keeps, as
        # fold() reads a name and a ledger's event strips its text): 'county\r' was county and 'nowhere\r' a control
        # character (bad_value), where an event said unknown_level of it (hostile64). The id keeps its own rule.
        value = value.strip()
    if len(value) > MAX_TEXT:
        raise _bad("bad_value", "longer than {n} characters ({got})",
                                  {"n": MAX_TEXT, "got": _show(value)})
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        # bad_text, as assess rejects the same record (batch/_assessor): one code for it on every path (what to do
        # is each interface's: the CLI's and the service's hints read "lone surrogate")
        raise _bad("bad_text", LONE_SURROGATE, {}) from None
    text = value if info is not None and info.field_name == "id" else unicodedata.normalize("NFKC", value)
    odd = _odd_character(text)
    if odd is not None:
        raise _bad("bad_value", "{odd}", {"odd": odd})
    return text


def _odd_character(text: str) -> str | None:
    """What is wrong with the first character no record text holds in ``text`` — which one (code point and name),
    where, and what to do —, else ``None``. The value is shown as typed (Chinese stays Chinese) with only such
    characters escaped: it was ``ascii(text)[:40]``, which showed Han as ``\\u`` escapes cut mid-escape, named no
    character and said nothing to do (hostile58 #1)."""
    for at, c in enumerate(text):
        category = unicodedata.category(c)
        if category in _NOT_TEXT or _noncharacter(c):
            # (a format character — a zero-width space, a byte-order mark, a direction override — shows nothing or
            # moves what is around it: "invisible" tells the user why they do not see it)
            what = {"Cc": "a control character", "Cf": "an invisible control character"}.get(
                category, "a line or paragraph separator" if category in ("Zl", "Zp") else "a noncharacter")
        elif invisible(c):
            what = "an invisible character"
        else:
            continue
        name = unicodedata.name(c, "")
        code = f"U+{ord(c):04X}" + (f" ({name})" if name else "")
        where = f"after '{_show(text[:at], 20)}'" if at else "at the start"
        seen = " (retyping the value removes it)" if what.startswith("an invisible") else ""
        return f"contains {what}, {code}, {where} ('{_show(text)}'); delete it{seen}"
    return None


#: Unicode's default-ignorable code points that are not format characters (Cf, refused above): a combining grapheme
#: joiner, Hangul fillers, variation selectors, Mongolian free variation selectors, the unassigned tags block's rest.
#: Nothing shows them, so 'CA-1' and 'CA-\u034f1' printed alike and were two problems (check52b #4).
_IGNORABLE = ((0x034F, 0x034F), (0x115F, 0x1160), (0x17B4, 0x17B5), (0x180B, 0x180F), (0x3164, 0x3164),
              (0xFE00, 0xFE0F), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3), (0xE0000, 0xE0FFF))


def invisible(c: str) -> bool:
    """Whether ``c`` is a default-ignorable character no format category already marks (``'\\u034f'``,
    ``'\\u3164'``, ``'\\ufe0f'``): an id, code or name of a record holding one prints exactly as one without it."""
    o = ord(c)
    return o >= 0x034F and any(lo <= o <= hi for lo, hi in _IGNORABLE)


#: Categories of characters no record text holds: controls, format characters, and the line and paragraph separators
#: (U+2028, U+2029: a line break to JSON's readers and JavaScript; review23b R23b-7 found them taken in ids).
_NOT_TEXT = frozenset({"Cc", "Cf", "Zl", "Zp"})


def _noncharacter(c: str) -> bool:
    """Whether ``c`` is one of Unicode's 66 noncharacters (U+FDD0–U+FDEF, U+FFFE and U+FFFF of every plane), which
    text interchange never carries (unassigned characters are kept: a newer Unicode may have given them a Han)."""
    o = ord(c)
    return 0xFDD0 <= o <= 0xFDEF or (o & 0xFFFE) == 0xFFFE


#: Record fields by the model that holds them, for "did you mean" hints (``domain`` included).
_FIELDS: dict[str, list[str]] = {  # (the models' fields, in their order: _records.py; test_problem_fields checks)
    "problem": ["id", "area", "kind", "sector", "place", "severity", "discovered", "handled", "deadline",
                "rectified_on", "concealed_by", "as_of", "domain"],
    "discovered": ["level", "channel", "on", "body"],
    "handled": ["action", "by_level", "to_level", "to_body", "on", "deadline"],
}

#: The Chinese words an office writes for a record's keys (the ledger import's headers among them: ledger/mapping.yaml),
#: by the key they stand for: a record keyed so was refused "unknown field; allowed: id, area, …" (ux44).
_CHINESE_KEYS: dict[str, dict[str, str]] = {
    "problem": {**dict.fromkeys(["编号", "问题编号", "序号"], "id"),
                **dict.fromkeys(["领域", "问题领域", "所属领域"], "area"),
                **dict.fromkeys(["问题类型", "问题种类", "类型"], "kind"),
                **dict.fromkeys(["所属部门", "责任部门", "行业部门", "部门", "行业"], "sector"),
                **dict.fromkeys(["地点", "所在地", "所在地代码", "行政区划代码", "区划代码", "地址"], "place"),
                **dict.fromkeys(["严重程度", "程度"], "severity"), **dict.fromkeys(["发现", "发现情况"], "discovered"),
                **dict.fromkeys(["处置", "交办", "办理", "处理", "交办上报"], "handled"),
                **dict.fromkeys(["整改时限", "整改期限", "期限"], "deadline"),
                **dict.fromkeys(["整改完成时间", "完成时间", "整改日期", "整改完成日期"], "rectified_on"),
                **dict.fromkeys(["瞒报", "瞒报单位", "瞒报主体"], "concealed_by"),
                **dict.fromkeys(["评估日期", "截至", "截至日期"], "as_of")},
    "discovered": {**dict.fromkeys(["层级", "发现层级"], "level"),
                   **dict.fromkeys(["渠道", "发现渠道", "问题来源"], "channel"),
                   **dict.fromkeys(["日期", "时间", "发现日期", "发现时间"], "on"),
                   **dict.fromkeys(["单位", "发现单位", "主体"], "body")},
    "handled": {**dict.fromkeys(["动作", "方式"], "action"), **dict.fromkeys(["交办层级", "上报层级"], "by_level"),
                **dict.fromkeys(["整改层级", "承办层级", "层级"], "to_level"),
                **dict.fromkeys(["整改单位", "承办单位", "单位", "主体"], "to_body"),
                **dict.fromkeys(["日期", "时间", "交办日期", "交办时间", "上报日期", "上报时间"], "on"),
                **dict.fromkeys(["整改时限", "整改期限", "期限"], "deadline")},
}

#: pydantic error types → the reason codes of docs/records.md.
_CODES = {"bad_date": "bad_date", "bad_value": "bad_value", "bad_text": "bad_text", "missing": "missing_field",
          "extra_forbidden": "unknown_field", "too_long": "bad_value", "literal_error": "bad_value",
          "string_too_short": "bad_value"}


def _path(loc: tuple[Any, ...]) -> str:
    """``("handled", 0, "on")`` → ``handled[0].on``; a huge or odd key is shown short."""
    out = ""
    for part in loc:
        text = _show(part) if not isinstance(part, int) else str(part)
        out += f"[{text}]" if isinstance(part, int) else (f".{text}" if out else text)
    return out or "(record)"


# ---------------------------------------------------------------- the names users type


@functools.lru_cache(maxsize=4096)
def _fold(text: str) -> str:
    # Kept: records repeat the same few names (areas, levels, channels) over and over.
    return fold(text)


_short_name = short_name


@dataclass(frozen=True)
class ValueNames:
    """The names a user may type for the ids of one policy, per field kind.

    Built from rules/ alone (each term's ``id``, Chinese ``name``, the name without its
    parenthesis and the English gloss, compared without case and width): ``area``,
    ``severity``, ``level``, ``channel`` and ``kind:<area>`` (the problem kinds of one
    area). A name two ids share is not mapped.

    >>> import responsibility
    >>> names = ValueNames.of(responsibility.load())
    >>> names.canonical("level", "乡镇"), names.canonical("severity", "较重"), names.canonical("area", "危房改造")
    ('township', 'serious', 'housing')
    """

    maps: dict[str, dict[str, str]]
    #: Bodies by every spelling (id, Chinese name, gloss; folded) → the ids it names, in the data's order.
    bodies: dict[str, tuple[str, ...]] = _field(default_factory=dict)
    #: Each body's level.
    body_level: dict[str, str] = _field(default_factory=dict)

    @staticmethod
    def of(policy: PolicyView) -> ValueNames:
        """The names of ``policy`` (computed once per policy)."""
        return policy._memo("value_names", lambda: _value_names(policy))

    def body(self, value: Any, level: Any = None) -> Any:
        """The id of the body ``value`` names by its id, Chinese name or English gloss (compared
        without case, width or surrounding space); among bodies that share the name, the one at
        ``level`` (the level the record gives with it). ``value`` itself when it names none, or
        several that ``level`` does not tell apart.

        >>> import responsibility
        >>> names = ValueNames.of(responsibility.load())
        >>> names.body("县(市、区)建设部门"), names.body(" County construction bureau "), names.body("nobody")
        ('county_construction', 'county_construction', 'nobody')
        """
        if type(value) is not str:
            return value
        ids = self.bodies.get(_fold(value))
        if not ids:
            return value
        if len(ids) > 1:
            ids = tuple(b for b in ids if self.body_level[b] == level)
        return ids[0] if len(ids) == 1 else value

    def bodies_named(self, value: str) -> tuple[str, ...]:
        """Every body ``value`` names (by id, Chinese name or gloss)."""
        return self.bodies.get(_fold(value), ())

    def canonical(self, kind: str, value: Any) -> Any:
        """The id for ``value`` in field kind ``kind``; ``value`` itself when it names none."""
        if not isinstance(value, str):
            return value
        return self.maps.get(kind, {}).get(_fold(value), value)

    def lookup(self, kind: str) -> dict[str, str]:
        """Every accepted spelling (folded: NFKC, lower case) → id, for column-wise use."""
        return self.maps.get(kind, {})


def named_term(policy: PolicyView, kind: Literal["area", "level"], value: str) -> tuple[str | None, str]:
    """The id of the area or level ``value`` names by its id, Chinese name or gloss (危房改造, 村),
    as a record names it, and ``""``; else ``None`` and a hint: the nearest id, or every id.
    (An option or a query parameter turns the hint into its own kind of error.)"""
    ids = list(policy.level_rank) if kind == "level" else [a.id for a in policy.data.areas]
    found = ValueNames.of(policy).canonical(kind, value.strip())
    if found in ids:
        return str(found), ""
    return None, term_hint(policy, kind, value.strip(), ids)


def _value_names(policy: PolicyView) -> ValueNames:
    """The :class:`ValueNames` of ``policy``: its terms' and its bodies' spellings."""
    bodies: dict[str, list[str]] = {}
    for b in policy.bodies.values():
        for name in dict.fromkeys((b.name, b.en, *b.aliases)):
            bodies.setdefault(_fold(name), []).append(b.id)
    named = {k: tuple(dict.fromkeys(v)) for k, v in bodies.items()}
    # a name without its parentheses (县（市、区）民政局 → 县民政局), where it is no body's own spelling
    bare: dict[str, list[str]] = {}
    for b in policy.bodies.values():
        key = _fold(re.sub(r"\s*\([^()]*\)\s*", "", unicodedata.normalize("NFKC", b.name)))
        if key and key not in named:
            bare.setdefault(key, []).append(b.id)
    named.update({k: tuple(dict.fromkeys(v)) for k, v in bare.items()})
    named.update({_fold(b): (b,) for b in policy.bodies})  # an id names its body alone
    return ValueNames(_names(policy), named, {b: x.level for b, x in policy.bodies.items()})


#: How many ids :func:`term_hint` lists for a value in ASCII that is near none (then how many there are, and where).
_ASCII_SHOWN = 12


def term_hint(policy: PolicyView, kind: str, value: str, ids: list[str]) -> str:
    """What to write instead of ``value``, which names no term of ``kind`` (``area``, ``level``, ``channel``,
    ``severity``, ``kind:<area>``) among ``ids``: for text in Chinese, the nearest Chinese name with its id
    (县长热线 → "did you mean '县（市、区）长热线' (hotline)?"), else the nearest id; failing that, the terms
    themselves (in Chinese with their ids for a Chinese value). A severity in Chinese is never guessed (重大 is
    neither 较重 nor 严重 for sure, and the two give different liabilities): the severities are listed.

    >>> import responsibility
    >>> term_hint(responsibility.load(), "channel", "县市区热线", ["hotline", "grid"])
    "did you mean '县（市、区）长热线' (hotline)?"
    """
    chinese = not value.isascii()
    shown = [(n, t) for t, names in _terms(policy).get(kind, []) if t in ids for n in names if not n.isascii()]
    first = {t: n for n, t in reversed(shown)}  # each term's first spelling: its name
    if chinese and kind != "severity":  # a guessed severity (重大 → 较重?) would change the liability: list them
        spelled = {_fold(n): (n, t) for n, t in reversed(shown)}
        close = closest(_fold(value), list(spelled), 0.5)
        if close is not None:
            name, tid = spelled[close]
            also = f"{first[tid]}, " if _fold(first[tid]) != close else ""  # an alias: with the name it stands for
            return f"did you mean {name!r} ({also}{tid})?"
    hint = "" if chinese and kind == "severity" else suggest(value, ids)
    if hint:
        return hint
    if chinese:
        listed = [f"{first[t]} ({t})" if t in first else t for t in ids]
        more = f", … ({len(ids)} in all, docs/records.md)" if len(listed) > 8 else ""
        return f"use one of {', '.join(listed[:8])}{more}"
    # ids are shorter than names with their ids: twelve of them, as the Chinese list's eight, keep a refusal one short
    # line (a list of every channel passed 400 characters once the text's 省市 channels were added; test_hostile)
    more = f", … ({len(ids)} in all, docs/records.md)" if len(ids) > _ASCII_SHOWN else ""
    return f"use one of {', '.join(ids[:_ASCII_SHOWN])}{more}"


def body_hint(policy: PolicyView, value: str, level: str | None = None, *, levels_too: bool = False) -> str:
    """What to write instead of ``value``, a body nobody is named by (or several are): the bodies that
    share the name, each with its id and Chinese name, or the nearest body at ``level`` (the level the field
    gives; any where ``None``), or where none is near, the level's bodies; for a body of another period of an
    amended policy, which body stands for it in this one.

    >>> import responsibility
    >>> body_hint(responsibility.load(), "县建设部门", "county")
    "did you mean 'county_construction' (县（市、区）建设部门)?"

    Hints are kept per policy (a ledger names the same unknown body on many records; each costs a comparison
    with every body's names).
    """
    memo: dict[tuple[str, str | None, bool], str] = policy._memo("body hints", dict)
    key = (value, level, levels_too)
    hint = memo.get(key)
    if hint is None:
        if len(memo) >= 10_000:
            memo.clear()
        hint = memo[key] = _body_hint(policy, value, level, levels_too)
    return hint


def _body_hint(policy: PolicyView, value: str, level: str | None, levels_too: bool) -> str:
    # A hint names only a body at the level the field gives (discovered.level, to_level, by_level): one of another
    # level fails the level check when followed, or worse moves the findings onto it (review20b B20-3: 县乡村振兴局
    # at the county level was told 'village_committee'); where none there is near, the level's bodies are listed.
    if other := _other_period(policy, value):
        return other
    names = ValueNames.of(policy)
    shown = policy.bodies
    several = names.bodies_named(value)
    if len(several) > 1:
        listed = "; ".join(f"{b} ({shown[b].name}, {shown[b].level})" for b in several[:6])
        listed += " …" if len(several) > 6 else ""
        where = f", none at the {level} level" if level is not None else ""
        return f"it names {len(several)} bodies{where}: {listed}; write the id of the one meant"
    key = _fold(value)
    near: str | None = None
    if not key.isascii():
        said = _unlevelled(policy, key)[1]
        if level is not None and said not in (None, level) and \
                (there := _nearest_chinese(policy, key, said, every=True)) is not None:
            # a word naming another level's body (乡镇政府 for a county field): no county body is guessed for it
            name = {b.id: b.name for b in policy.data.bodies}[there]
            return (f"it reads as {there!r} ({name}), a {said} body, but the field gives the {level} level: write the "
                    f"level it was at, or a body of the {level} level ({_level_bodies(policy, level)})")
        # a line's department named by its line word and another ending, without a level (民政部门, 财政局, 扶贫局 at
        # the city): that line's department at the field's level, before the nearest by characters (民政部门 was told
        # 县（市、区）民宗部门; review25 R25-13)
        near = _same_line_word(policy, _unlevelled(policy, key)[0], level) if level is not None and \
            said in (None, level) else None
        if near is None and level is not None and said in (None, level):
            # another level's body by its name without the level (党委: 县（市、区）党委) → its counterpart here (市委)
            word = _unlevelled(policy, key)[0]
            twin = next((b.id for b in policy.bodies.values() if not b.role and b.level != level and any(
                _unlevelled(policy, _fold(re.sub(r"\([^()]*\)", "", _fold(n))))[0] == word
                for n in (b.name, *b.aliases))), None)
            near = _counterpart(policy, twin, level) if twin is not None else None
        if near is None:
            near = _nearest_chinese(policy, key, level, every=True)
        if near is not None and near not in shown:  # a body of another period of an amended policy
            if other := _other_period(policy, near):
                return other
            near = None
    else:
        spellings = {k: ids[0] for k, ids in names.bodies.items() if k.isascii()}
        pool = [k for k, b in spellings.items() if names.body_level[b] == level] if level is not None \
            else list(spellings)
        close = closest(key, pool)
        near = spellings[close] if close is not None else None
    if near is not None and shown[near].kind != UNNAMED_HOLDERS:  # (a stand-in no record can name: no hint)
        return f"did you mean {near!r} ({shown[near].name})?"
    if level is not None and not key.isascii() and (role := policy.roles.get(level)) is not None:
        # a department of a line rules/ has no body of at this level (县农业农村局: the county's is the role standing
        # for it): the role, with the line as the record's sector — not another level's department (review26: 县农业
        # 农村局 in a ledger import was told '省农业农村厅')
        word = _unlevelled(policy, key)[0]
        lined = _same_line_word(policy, word, None)
        line = shown[lined].sector if lined is not None and lined in shown else None
        if line is not None and not any(b.level == level and b.sector == line and not b.role for b in shown.values()):
            return (f"rules/ has no {level} department of the {line} line; write {role!r} ({shown[role].name}), "
                    f"the {level}'s department a record does not name, and give the line as sector {line!r}")
    what = "a level or a body's id or Chinese name" if levels_too else "a body's id or Chinese name"
    if level is not None:
        return f"write {what}; the {level} level's: {_level_bodies(policy, level)}"
    return f"write {what} (`responsibility graph --level LEVEL` lists the bodies of a level)"


def level_body_hint(policy: PolicyView, body_id: str, level: str, level_field: str) -> str:
    """Said when ``body_id`` (a record's body, read by one of its names) is not at ``level``, the level its field
    gives (``level_field``): the body of ``level`` doing the same work — of its line, or its counterpart by id
    (``county_congress`` → ``city_congress``) — where there is one, else the level's bodies (review25 R25-13: 审计部门,
    an alias of the county's, at the city level was told only "is at the county level").

    >>> import responsibility
    >>> print(level_body_hint(responsibility.load(), "county_audit", "city", "discovered.level"))
    body 'county_audit' is at the county level (县（市、区）审计部门), not the city's; did you mean 'city_audit' \
(市审计部门)? Or give discovered.level county
    """
    b = policy.bodies[body_id]
    same = _counterpart(policy, body_id, level)
    said = f"body {body_id!r} is at the {b.level} level ({b.name}), not the {level}'s; "
    if same is not None:
        said += f"did you mean {same!r} ({policy.bodies[same].name})?"
    else:
        said += f"the {level} level's bodies: {_level_bodies(policy, level)}."
    return said + f" Or give {level_field} {b.level}"


def _counterpart(policy: PolicyView, body_id: str, level: str) -> str | None:
    """The body of ``level`` doing ``body_id``'s work at its own level: its counterpart by id (``county_audit`` →
    ``city_audit``), else the one department of its line there; ``None`` where there is none."""
    b = policy.bodies[body_id]
    twin = f"{level}_{body_id[len(b.level) + 1:]}" if body_id.startswith(f"{b.level}_") else None
    if twin in policy.bodies and twin != body_id and not policy.bodies[twin].role:
        return twin
    if b.sector is None or b.role:
        return None
    same = [x.id for x in policy.bodies.values() if x.level == level and not x.role and x.sector == b.sector]
    return same[0] if len(same) == 1 else None


def channel_organs(policy: PolicyView, channel: str, level: str) -> frozenset[str]:
    """The organs that run an oversight ``channel`` at ``level``: the level's supervisory bodies (those the
    not_handled failure ``gives_way`` to: 纪委监委, 审计, 人大, 政协) holding a duty of one of the channel's clauses
    (审计 二(一)2(3) → 县审计部门). Read from the data: a channel no such body's duty cites has none."""
    memo: dict[tuple[str, str], frozenset[str]] = policy._memo("problem: channel organs", dict)
    got = memo.get((channel, level))
    if got is None:
        failure = policy.failures.get("not_handled")
        kinds = frozenset(failure.gives_way) if failure is not None else frozenset()
        clauses = frozenset(policy.channels[channel].clauses)
        got = memo[(channel, level)] = frozenset(
            h for d in policy.duties.values() if d.clause in clauses for h in d.holders
            if h in policy.bodies and policy.bodies[h].level == level and policy.bodies[h].kind in kinds)
    return got


def channel_level_refusal(policy: PolicyView, channel: str, level: str) -> str:
    """The refusal of a finding at ``level`` through ``channel``, which the text gives other levels (全科网格 is
    县级's, 一(一); 调查核查 省市两级's; 审计 the county's and up): the record most likely names the wrong
    finder (review20 R20-7). One message for a record and a ledger's ``discovered`` event.

    The channel's note, where the data gives one, says what a name of it means (市长热线 is a 县级市's mayor's hotline:
    level county; review32 F7): it speaks of a finder written above the levels that run the channel (a 市 for 市长热线),
    and is added only for such a level — a township finding through 热线 was told of 市长热线 (newcomer40).

    >>> import responsibility
    >>> print(channel_level_refusal(responsibility.load(), "hotline", "township"))  # doctest: +NORMALIZE_WHITESPACE
    a township does not find problems through 'hotline' (县（市、区）长热线): county runs it (一(二)); give as level
    the one whose body or work found it (a county audit of a village: level county)
    """
    ch = policy.channels[channel]
    run_by = ch.levels or ()
    rank = policy.level_rank
    above = level in rank and all(rank[level] > rank.get(x, 0) for x in run_by)
    # (the note before the "give as level …": what follows a message's last "; " is the service's suggestion)
    return (f"a {level} does not find problems through {channel!r} ({ch.name}): {', '.join(run_by)} "
            f"run{'s' if len(run_by) == 1 else ''} it ({'、'.join(ch.clauses)})"
            + (f" — {ch.note.strip().rstrip('.')}" if ch.note and above else "")
            + "; give as level the one whose body or work found it (a county audit of a village: level county)")


def stand_in_refusal(policy: PolicyView, field: str, body_id: str, area: str, kind: str | None, *,
                     concealer: bool = False) -> str | None:
    """Why a record cannot name ``body_id`` in ``field`` (``discovered.body``, ``handled[i].to_body``,
    ``concealed_by[i]``: ``concealer``, where a level may be named instead; a ledger event's ``to_body``, ``who``
    …), and what to write, where it is a body of kind :data:`UNNAMED_HOLDERS`: a verdict's stand-in
    for the body a record does not name, which a record naming it would turn into a body of its own, answering by
    itself for what none of the bodies it stands for was shown to do (review34 F5); None for any other body. A role
    (问题所属部门) a record may name, with its line as ``sector`` (review26).

    >>> import responsibility
    >>> print(stand_in_refusal(responsibility.load(), "concealed_by[0]", "county_holders_unnamed", "discovery",
    ...                        "mechanism_missing", concealer=True))  # doctest: +ELLIPSIS
    'county_holders_unnamed' (县（市、区）负有该问题交办上报职责的机构（记录未写明）) stands in a verdict for the ...
    """
    b = policy.bodies.get(body_id)
    if b is None or b.kind != UNNAMED_HOLDERS:
        return None
    holders = [h for h in policy.stage_holders(area, kind, "handling") if h in policy.bodies
               and policy.bodies[h].level == b.level and policy.bodies[h].kind != UNNAMED_HOLDERS]
    listed = ", ".join(f"{h} {policy.bodies[h].name}" for h in holders[:4]) + (" …" if len(holders) > 4 else "")
    known = f"name the body if the record knows it ({listed})" if holders else "name the body if the record knows it"
    instead = f"else give the level {b.level!r}" if concealer else f"else leave {field} out"
    return (f"{body_id!r} ({b.name}) stands in a verdict for the {b.level} body the record does not name, and is no "
            f"body a record can name: {known}, {instead}")


def _level_bodies(policy: PolicyView, level: str) -> str:
    """The first bodies of ``level``, each id with its name, and where to see them all (not a stand-in of kind
    :data:`UNNAMED_HOLDERS`, which a record cannot name)."""
    at = [f"{b} {x.name}" for b, x in policy.bodies.items() if x.level == level and x.kind != UNNAMED_HOLDERS]
    more = f", … ({len(at)} in all: `responsibility graph --level {level}`)" if len(at) > 4 else ""
    return f"{', '.join(at[:4])}{more}"


def sector_refusal(policy: PolicyView, area_id: str, sector: str, line: str) -> str:
    """Why ``sector`` (whose line is ``line``) holds no duty in ``area_id``, and what to write (review25 R25-8: the
    refusal listed every line an open list takes in, without saying which the area's duties name, nor why the line
    given was not one of them): the lines the area's duties name a department of; those an open list (等) or a
    level's 行业主管部门 takes in, with the duty's clause; why ``line`` is none (its department at that level is in
    rules/ and not on the list).

    >>> import responsibility
    >>> said = sector_refusal(responsibility.load(), "housing", "water", "water")
    >>> said.startswith("sector 'water': no duty of 危房改造"), "not water, whose department rules/ has there" in said
    (True, True)
    """
    area = policy.areas[area_id]
    named, more = policy.sector_lines(area_id)
    article = "an" if line[:1].lower() in "aeiou" else "a"
    said = (f"sector {sector!r}: no duty of {area.name} ({area.clause}), as rules/ read it, is held by {article} "
            f"{line} department. Its duties name the departments of {', '.join(sorted(named)) or 'no line'}")
    groups: dict[tuple[tuple[str, ...], frozenset[str]], list[str]] = {}  # (levels, lines) → the duties
    for did, lines in more.items():
        holders = [policy.bodies[h] for h in policy.duties[did].holders if h in policy.bodies]
        levels = tuple(lv for lv in policy.level_rank if any(b.level == lv for b in holders))
        groups.setdefault((levels, lines), []).append(did)
    for (levels, lines), dids in sorted(groups.items(), key=lambda kv: str(policy.duties[kv[1][0]].clause)):
        clauses = list(dict.fromkeys(str(policy.duties[d].clause) for d in dids))
        quote = str(policy.duties[dids[0]].quote)
        which = f"{clauses[0]} ({quote[:24]}{'…' if len(quote) > 24 else ''})" if len(dids) == 1 \
            else "、".join(clauses)
        shown = sorted(lines)
        listed = ", ".join(shown[:6]) + (f" and {len(shown) - 6} more" if len(shown) > 6 else "")
        own = [f"{b.id} ({b.name})" for b in policy.bodies.values()
               if b.sector == line and not b.role and b.level in levels]
        why = f"; not {line}, whose department rules/ has there ({', '.join(own[:2])}) and the list does not name" \
            if own else ""
        said += (f"; {which} takes in too a line rules/ has no department of at the {'/'.join(levels)} level "
                 f"({listed}){why}")
    return said + "; write the line of the department concerned, or leave sector out"


def sector_hint(policy: PolicyView, value: str) -> str:
    """What to write in a record's ``sector`` instead of ``value``, a Chinese word naming no sector or body: the
    sector id of the line it names (住建 → ``construction``), with the department where the word names its level
    too (县民政 → ``county_civil_affairs``); the sectors where no line is near. A line word names no level, so no
    department is guessed for it (住建 was told the provincial department on a village's record; review20b B20-3).

    >>> import responsibility
    >>> sector_hint(responsibility.load(), "住建")
    "write the sector id 'construction' (住建), or name the department"
    """
    if other := _other_period(policy, value):
        return other
    key = _fold(value)
    word, said = _unlevelled(policy, key)
    # a line's department named by its line word with another ending (县民政部门 for 县（市、区）民政局, as 二(六)4(4)
    # writes 民政部门) is that department: the nearest name by characters was 县（市、区）民宗部门 (民 and 部门 shared)
    near = _same_line_word(policy, word, said)
    if near is None and said is not None:
        near = _nearest_chinese(policy, key, said, every=True, lines=True)
    if near is None:  # no level said, or what reads as one is not (乡村振兴: not the 乡 level's)
        word, said = key, None
        near = _nearest_chinese(policy, key, None, every=True, lines=True)
    if near is None:
        lines = sorted(policy.sectors)
        more = f", … ({len(lines)} in all)" if len(lines) > 8 else ""
        return f"write a sector id ({', '.join(lines[:8])}{more}) or name the department"
    body = {b.id: b for b in policy.data.bodies}[near]
    line = str(body.sector)
    dept = ""
    if said is not None:
        at = [b for b, x in policy.bodies.items() if x.level == said and x.sector == line and not x.role]
        if len(at) == 1:
            dept = f": {at[0]!r} ({policy.bodies[at[0]].name})"
    return f"write the sector id {line!r} ({word}), or name the department{dept}"


#: Endings of a department's name that say it is one, not which line (部门, 局, 厅 …): 县民政部门 and 县（市、区）民政局
#: name one line.
_DEPARTMENT_ENDINGS = ("部门", "委员会", "办公室", "局", "厅", "委", "办")


def _same_line_word(policy: PolicyView, word: str, level: str | None) -> str | None:
    """The department of a line (at ``level``; any level where ``None``) whose name, without its level and its
    ending (:data:`_DEPARTMENT_ENDINGS`), is ``word``'s (folded, its level taken off) without its ending; ``None`` where
    none is, or where departments of several lines are."""
    def stem(text: str) -> str:
        for end in _DEPARTMENT_ENDINGS:
            if text.endswith(end) and len(text) > len(end):
                return text[:-len(end)]
        return text

    mine = stem(word)
    found = {b.sector: b.id for b in policy.data.bodies
             if b.sector is not None and not b.role and (level is None or b.level == level)
             and any(stem(_unlevelled(policy, _fold(re.sub(r"\([^()]*\)", "", _fold(n))))[0]) == mine
                     for n in (b.name, *b.aliases))}
    return next(iter(found.values())) if len(found) == 1 else None


def _other_period(policy: PolicyView, value: str) -> str:
    """For ``value`` naming (by any name the resolver takes for it) a body of an amended policy that is not in
    force in the period judging the record, when it is in force, which body of its level and sector is in this
    period, and why: a record is judged by the rules in force on the day its problem was discovered, bodies of its
    steps included."""
    if policy.as_of is None:
        return ""
    key = _fold(value)
    # every name the resolver takes for a body (id, name, gloss, aliases, the name without its parentheses: 县扶贫办
    # for 县（市、区）扶贫办; review20b B20-3), where no body of this period is so named
    other = next((b for b in policy.data.bodies if b.id not in policy.bodies and key in _spellings(b)), None)
    if other is None:
        return ""
    since = f"from {other.effective_from}" if other.effective_from else ""
    until = f"until {other.effective_to} (exclusive)" if other.effective_to else ""
    by = f" ({', '.join(other.amended_by)})" if other.amended_by else ""
    here = [b for b in policy.bodies.values() if b.level == other.level and b.sector and b.sector == other.sector
            and not b.role]
    instead = (f"; the {other.level} body of its sector in those rules is {here[0].id!r} ({here[0].name}): write that"
               if len(here) == 1 else "")
    return (f"{other.id!r} ({other.name}) is a body only {' and '.join(x for x in (since, until) if x)}{by}; a record "
            "is judged, its steps' bodies included, by the rules in force on the day its problem was discovered "
            f"(or on the policy's as_of day), and it is not a body in those{instead}")


def _spellings(body: Body) -> frozenset[str]:
    """Every name (folded) the resolver takes for ``body`` (:func:`_value_names`)."""
    bare = re.sub(r"\s*\([^()]*\)\s*", "", unicodedata.normalize("NFKC", body.name))
    return frozenset(_fold(n) for n in (body.id, body.name, body.en, *body.aliases, bare) if n)


def _unlevelled(policy: PolicyView, text: str) -> tuple[str, str | None]:
    """``text`` (folded) without the level it begins with (县医保局 → 医保局, county)."""
    levels: list[tuple[str, str]] = policy._memo("level words", lambda: sorted(
        ((k, lv) for k, lv in ValueNames.of(policy).maps["level"].items() if not k.isascii()),
        key=lambda e: -len(e[0])))
    for k, lv in levels:
        if text.startswith(k) and len(text) > len(k):
            return text[len(k):], lv
    return text, None


def _nearest_chinese(policy: PolicyView, key: str, level: str | None, *, every: bool = False,
                     lines: bool = False) -> str | None:
    """The body at ``level`` (any level where ``None``) whose Chinese names share the most telling characters with
    ``key`` (folded); among those alike, one at the level ``key`` begins with (县…), then the one whose name reads
    most like it; ``None`` when no body shares a telling character. ``every``: among the bodies of every period of
    an amended policy (the caller says a body of another period is not one of this); ``lines``: among the
    departments of a line only (a sector's). A character tells as much as it is rare among the
    bodies' names: one of at most 1 in 20 names tells (财, 卫, 宗, 纪, 医: one line of work), one of more
    than 1 in 10 tells nothing (县, 部, 门, 政). So 县财政局 is nearest 县（市、区）财政部门, never
    县（市、区）民政局; a word sharing only 县 and 局 gets no hint; one sharing a less telling character
    still does if it reads much like the name (县民政 and 县民政局)."""
    def computed() -> tuple[dict[str, Body], dict[str, frozenset[str]], dict[str, str], dict[str, float], float]:
        pool = {b.id: b for b in policy.data.bodies} if every else dict(policy.bodies)
        pool.update(policy.bodies)  # this period's first
        chars = {b: frozenset("".join(_fold(n) for n in (x.name, *x.aliases))) for b, x in pool.items()}
        bare = {b: _fold(re.sub(r"\([^()]*\)", "", _fold(x.name))) for b, x in pool.items()}
        count: dict[str, int] = {}
        for cs in chars.values():
            for c in cs:
                count[c] = count.get(c, 0) + 1
        n = len(chars)
        weight = {c: math.log(n / k) for c, k in count.items() if k * 10 <= n and not c.isascii()}
        return pool, chars, bare, weight, math.log(20)

    got: tuple[dict[str, Body], dict[str, frozenset[str]], dict[str, str], dict[str, float], float] = \
        policy._memo("body characters, every period" if every else "body characters", computed)
    bodies, chars, bare, weight, telling = got
    word, said = _unlevelled(policy, key)
    if level is not None or lines:  # only the field's level; only a line's departments
        chars = {b: cs for b, cs in chars.items() if (level is None or bodies[b].level == level)
                 and (not lines or (bodies[b].sector is not None and not bodies[b].role))}
    names_of = {b: [_fold(n) for n in (bodies[b].name, *bodies[b].aliases)] for b in chars}
    mine = {c for c in key if c in weight}
    level = said or level  # the level the word names itself (县医保局: the county)

    def alike(b: str) -> float:  # with and without the level each begins with
        return max(difflib.SequenceMatcher(None, key, bare[b]).ratio(),
                   difflib.SequenceMatcher(None, word, _unlevelled(policy, bare[b])[0]).ratio())

    scored = [(round(sum(weight[c] for c in mine & cs if weight[c] >= telling - 1e-6), 6), alike(b), b)
              for b, cs in chars.items() if mine & cs]
    fit = [s for s in scored if s[0] > 0 or s[1] >= 0.75]
    # a body whose names share a telling pair of characters (统计, 财政, 医保) is meant before one sharing
    # characters apart (统管 for 统计)
    pairs = {key[i:i + 2] for i in range(len(key) - 1)} - {""}
    pairs = {t for t in pairs if all(c in weight for c in t)}
    paired = [s for s in fit if any(t in n for t in pairs for n in names_of[s[2]])]
    # none sharing a pair: only one that reads much like it — a single shared character is a guess (县统计局 is no
    # 县级统管单位; the level's bodies are listed instead)
    pool = paired or [s for s in fit if s[1] >= 0.75]
    # then one at the level named or given, where one there shares a telling character or reads half alike
    # (县住建局: the county's construction bureau, though the city's name has 住 too)
    there = [s for s in pool if bodies[s[2]].level == level and (s[0] > 0 or s[1] >= 0.5)]
    return max(there or pool)[2] if there or pool else None


def _terms(policy: PolicyView) -> dict[str, list[tuple[str, list[str]]]]:
    """Each field kind's terms as (id, the names a user may type: Chinese name, aliases, short name, gloss)."""
    def computed() -> dict[str, list[tuple[str, list[str]]]]:
        v = policy.data.vocabulary
        severities = {t.id: t for t in v.severities}
        groups: dict[str, list[tuple[str, list[str]]]] = {
            "area": [(a.id, [a.name, *a.aliases, a.en]) for a in policy.data.areas if a.problems],
            "level": [(lv.id, [lv.name, *lv.aliases, _short_name(lv.name), lv.en]) for lv in v.levels],
            "channel": [(c.id, [c.name, *c.aliases, _short_name(c.name), c.en]) for c in v.channels],
            "severity": [(s, [severities[s].name, *severities[s].aliases, severities[s].en] if s in severities else [])
                         for s in SEVERITIES],
        }
        for a in policy.data.areas:  # problem kinds, per area (two areas may name kinds alike)
            groups[f"kind:{a.id}"] = [(k.id, [k.name, *k.aliases, k.en]) for k in a.problem_kinds]
        relations = {t.id: t for t in policy.data.relation_types}
        groups["action"] = [(action, [relations[r].name] if r in relations else [])
                            for action, r in _ACTION_RELATIONS.items()]
        return groups
    terms: dict[str, list[tuple[str, list[str]]]] = policy._memo("value terms", computed)
    return terms


def _names(policy: PolicyView) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for kind, terms in _terms(policy).items():
        table: dict[str, str] = {}
        clash: set[str] = set()
        for tid, names in terms:
            for name in {tid, *names}:
                key = _fold(name)
                if key in table and table[key] != tid:
                    clash.add(key)
                table.setdefault(key, tid)
        ids = {_fold(tid): tid for tid, _ in terms}
        out[kind] = {k: t for k, t in table.items() if k not in clash or k in ids}
        out[kind].update(ids)
    return out


def canonical_record(raw: Mapping[str, Any], policy: PolicyView) -> dict[str, Any]:
    """``raw`` with the names a user typed (危房改造, 较重, 乡镇, a channel's name) replaced by ids.

    Values that name nothing are left as they are, for :func:`parse_problem` to report.
    The batch path calls this too, so every path accepts the same values.
    """
    names = ValueNames.of(policy)
    out = dict(raw)
    for key in ("area", "domain"):
        if key in out:
            out[key] = names.canonical("area", out[key])
            if isinstance(out.get("kind"), str) and isinstance(out[key], str):
                out["kind"] = names.canonical(f"kind:{out[key]}", out["kind"])
    if "severity" in out:
        out["severity"] = names.canonical("severity", out["severity"])
    if "sector" in out:
        out["sector"] = _sector(names, policy, out["sector"])
    d = out.get("discovered")
    if isinstance(d, Mapping):
        d = dict(d)
        if "level" in d:
            d["level"] = names.canonical("level", d["level"])
        if "channel" in d:
            d["channel"] = names.canonical("channel", d["channel"])
        if "body" in d:
            d["body"] = names.body(d["body"], d.get("level"))
        out["discovered"] = d
    handled = out.get("handled")
    if isinstance(handled, list) and len(handled) <= MAX_ITEMS:
        out["handled"] = [_step(names, h) if isinstance(h, Mapping) else h for h in handled]
    concealed = out.get("concealed_by")
    if isinstance(concealed, list) and len(concealed) <= MAX_ITEMS:
        out["concealed_by"] = [_concealer(names, c) for c in concealed]
    return out


def _sector(names: ValueNames, policy: PolicyView, value: Any) -> Any:
    """A record's ``sector``: a sector id as it is, else the body its name names (a sector has no name)."""
    return value if type(value) is not str or value in policy.sectors else names.body(value)


def _step(names: ValueNames, h: Mapping[str, Any]) -> dict[str, Any]:
    """A handling step with its levels and its body named by id."""
    out = {**h, **{k: names.canonical("level", h[k]) for k in ("by_level", "to_level") if k in h}}
    if "action" in out:
        out["action"] = names.canonical("action", out["action"])
    if "to_body" in out:
        out["to_body"] = names.body(out["to_body"], out.get("to_level"))
    return out


def _concealer(names: ValueNames, value: Any) -> Any:
    """A concealer: a level by its id or name, else a body by its id or name (a level first: 乡镇（街道）
    is the township level, and also the name of its government)."""
    level = names.maps["level"].get(_fold(value)) if isinstance(value, str) else None
    return level if level is not None else names.body(value)


# ---------------------------------------------------------------- parsing


def parse_problem(raw: Problem | Mapping[str, Any], policy: PolicyView, jurisdiction: Jurisdiction,
                  today: dt.date | None = None) -> Problem:
    """Validate ``raw`` against the policy and the jurisdiction; return a :class:`Problem`.

    Raises :class:`ProblemError` for the first problem found, naming the field and
    giving a reason ``code``.
    """
    # (a plain dict, as most records are, skips the two ABC checks)
    p: Problem | None
    if type(raw) is dict:
        # (_parsed_plainly's reading of a record it reads without a doubt, made in C: None for any other)
        if _c_plain_record is not None and (p := _c_plain_record(raw, policy, jurisdiction)) is not None:
            return p  # type: ignore[no-any-return]
        p = _parsed_plainly(raw, policy, jurisdiction, today)
        if p is not None:
            return p
    records = _records()
    if type(raw) is not dict and isinstance(raw, records.Problem):
        p = placed_for(raw, policy)
    else:
        if type(raw) is not dict and not isinstance(raw, Mapping):
            got = _JSON_KINDS.get(type(raw).__name__, f"a Python {type(raw).__name__}")  # JSON's words
            # (what takes many, too: who_answers([record]) was told only "give each record as one"; newcomer40)
            raise ProblemError("(record)", f"expected an object, got {got}: a problem record is one object of its "
                               "fields ({\"id\": …, \"area\": …, \"place\": …}); give each record as one — many "
                               "go to policy.assess, `responsibility assess` or POST /v1/assess", code="not_an_object")
        unwritable_part(raw)
        raw = without_nulls(raw)
        if "area" in raw and "domain" in raw:
            raise ProblemError("domain", "give 'area' only ('domain' is its former name)", record=_rid(raw),
                               code="unknown_field")
        state = _state(policy)  # (looked up once: the checks below read it too)
        _level_words_of_the_place(raw, policy, jurisdiction, state)
        try:
            p = plain_problem(raw, policy) or records.Problem.model_validate(canonical_record(raw, policy))
        except records.ValidationError as exc:
            bare = _without_pandas_missing(raw)
            if bare is None and (d := raw.get("discovered")) is not (found := map_as_object(d)):
                # an Arrow map's discovery as Python holds it, read as the object it is, as assess reads its column
                # (check52b #13); looked for only once a record is refused
                bare = {**raw, "discovered": found}
            if bare is None:
                errors = exc.errors()
                said = _pydantic_faults(errors, raw, _rid(raw), policy)
                if not any(e["type"] == "invalid_key" for e in errors) and "domain" not in raw:
                    # and what the policy says of the fields pydantic took (ux48 left: a record with a month 13 and an
                    # unknown area was told of the area a run later)
                    said += _policy_faults(errors, raw, policy, jurisdiction, today)
                raise _joined(said, _rid(raw)) from None
            # pandas' NaT and NA in a dict (df.to_dict("records")) are missing values, as in the frame itself
            # (review18 M4: they were refused in pydantic's words); looked for only once a record is refused
            return parse_problem(bare, policy, jurisdiction, today)
        except (RecursionError, TypeError, ValueError) as exc:  # cyclic or exotic input
            raise ProblemError("(record)", f"cannot be read ({type(exc).__name__})", record=_rid(raw),
                               code="bad_value") from None
        p = placed_for(p, policy)
        _checked_as_written(p, raw, policy, jurisdiction, today, state)
        return p
    _check(p, policy, jurisdiction, today)
    return p


def unwritable_part(raw: Mapping[str, Any]) -> None:
    """Refuse ``raw`` as every entry point refuses it before reading a field: a text anywhere in it (a value or a key,
    in a known field or not) holding a lone surrogate (``bad_text``, at the first such text's path), or values nested
    more than :data:`DEEPEST` levels (``bad_json``: a cycle, a 5,000-deep list).

    ``assess`` (batch/_assessor, JSON lines, a list of dicts, POST /v1/assess) refused such a record so before this;
    ``who_answers(dict)`` and POST /v1/verdict read its fields first and said another code of another field
    (hostile63: ``deadline: "\\ud800"`` was bad_date, a surrogate in an unknown key's name wrong_type of the
    record, a key ``x`` holding a cycle unknown_field), so the one record had two answers."""
    found = _unwritable(raw, "", 0)
    if found is not None:
        where, message, code = found
        raise ProblemError(where, message, record=plain_id(raw), code=code)


def plain_id(raw: Any) -> str | None:
    """The id of a record refused before it is read (nested too deeply, a lone surrogate elsewhere in it), where
    it is plainly one: text, or a whole number as its digits; else ``None`` (what the batch's rejects say too)."""
    pid = raw.get("id") if isinstance(raw, Mapping) else None
    if isinstance(pid, int) and not isinstance(pid, bool):
        return str(pid)
    return pid if isinstance(pid, str) and pid and not _SURROGATE.search(pid) else None


def _unwritable(value: Any, path: str, depth: int) -> tuple[str, str, str] | None:
    if depth > DEEPEST:
        shown = path[:60] + "…" if len(path) > 60 else path or "(record)"
        return (shown, f"nested more than {DEEPEST} levels deep (a problem record is a few levels deep: is a value a "
                "cycle, or a document inside a field?)", "bad_json")
    if isinstance(value, str):
        return ((path or "(record)"), LONE_SURROGATE, "bad_text") if _SURROGATE.search(value) else None
    if isinstance(value, Mapping):
        for k, v in value.items():
            where = f"{path}.{k}" if path else str(k)
            if isinstance(k, str) and _SURROGATE.search(k):
                return (_escaped(where), LONE_SURROGATE, "bad_text")
            got = _unwritable(v, where, depth + 1)
            if got is not None:
                return (_escaped(got[0]), got[1], got[2])
    elif isinstance(value, list | tuple):
        for n, v in enumerate(value):
            got = _unwritable(v, f"{path}[{n}]", depth + 1)
            if got is not None:
                return got
    return None


def _escaped(text: str) -> str:
    """``text`` as UTF-8 can hold it: a lone surrogate written as its escape."""
    return text.encode("utf-8", "backslashreplace").decode() if _SURROGATE.search(text) else text


def _checked_as_written(p: Problem, raw: Mapping[str, Any], policy: PolicyView, jurisdiction: Jurisdiction,
                        today: dt.date | None, state: _ParseState) -> None:
    """:func:`_check` of ``p``, read from ``raw``: a fault of its area is named as the record spells the field."""
    if "domain" in raw:
        try:
            _check(p, policy, jurisdiction, today, state)
        except ProblemError as exc:  # name the field as the record spells it
            if exc.field != "area":
                raise
            raise ProblemError("domain", exc.detail, record=exc.record, code=exc.code) from None
        return
    _check(p, policy, jurisdiction, today, state)


def map_as_object(value: Any) -> Any:
    """``value`` as the object it stands for where it is a map's cell as Python holds it — a list of (key, value)
    tuples, keys text, none twice (Arrow's ``to_pylist`` of a ``map<string, string>`` column, pandas'
    ``read_parquet``) — else ``value`` itself. JSON has no tuples: a list from JSON stays the list it is."""
    if type(value) is list and value and all(type(x) is tuple and len(x) == 2 and isinstance(x[0], str)
                                             for x in value):
        out = dict(value)
        if len(out) == len(value):
            return out
    return value


def _without_pandas_missing(raw: Mapping[str, Any]) -> dict[str, Any] | None:
    """``raw`` without the fields whose value is pandas' ``NaT`` or ``NA`` (at the top, in ``discovered`` and in each
    step), or ``None`` when it holds none."""
    def missing(v: Any) -> bool:
        return type(v).__name__ in ("NaTType", "NAType")

    def bare(d: Any) -> Any:
        return {k: v for k, v in d.items() if not missing(v)} if isinstance(d, Mapping) else d

    found = any(missing(v) for v in raw.values())
    d, h = raw.get("discovered"), raw.get("handled")
    found = found or (isinstance(d, Mapping) and any(missing(v) for v in d.values()))
    found = found or (isinstance(h, list) and any(isinstance(x, Mapping) and any(missing(v) for v in x.values())
                                                   for x in h[:MAX_ITEMS]))
    if not found:
        return None
    out: dict[str, Any] = bare(raw)
    if "discovered" in out:
        out["discovered"] = bare(d)
    if isinstance(h, list) and "handled" in out:
        out["handled"] = [bare(x) for x in h]
    return out


@functools.cache
def _records() -> Any:
    """:mod:`._records` (the record models, and pydantic with them), imported on the first record and then kept: a
    record pays no import statement. Where engine/_dicts.c was built, its ``plain_record`` is given what it reads."""
    from pydantic import BaseModel

    from . import _records as module

    global _c_plain_record
    if _c_plain_record is not None:
        try:
            _c_plain_setup(_PROBLEM_KEYS, _DISCOVERED_KEYS, _HANDLED_KEYS, _DAYS, _CODED, coded, _clash_of, _concealer,
                           module.Problem, module.Discovered, module.Handling,
                           *(BaseModel.__dict__[n] for n in ("__dict__", "__pydantic_fields_set__",
                                                                    "__pydantic_extra__", "__pydantic_private__")),
                           DAY_MIN, DAY_MAX)
        except (KeyError, TypeError):  # a pydantic whose models are laid out otherwise: read in Python alone
            _c_plain_record = None
    return module


def without_nulls(raw: Mapping[str, Any]) -> Mapping[str, Any]:
    """``raw`` without the fields whose value is null (``None``) or empty text (``""``, or white space only), at the
    top and in ``discovered`` and each ``handled`` step: either is an absent field on every path, as a table's empty
    cell is (review9b R9B-9; hostile29: ``"sector": ""`` was refused in JSON, YAML and Parquet and read as absent in
    CSV) — a required field given null is then reported missing, and one given empty text "is empty" (the levels
    by their own check, which says so). ``raw`` itself when it holds neither.

    >>> without_nulls({"id": "p1", "kind": None, "sector": " ", "handled": [{"action": "assigned", "to_body": ""}]})
    {'id': 'p1', 'handled': [{'action': 'assigned'}]}
    """
    d, h = raw.get("discovered"), raw.get("handled")
    steps = isinstance(h, list) and len(h) <= MAX_ITEMS and any(map(_nulls, h))
    if not _nulls(raw) and not _nulls(d) and not steps:
        return raw
    rid = _rid(raw)
    out: dict[str, Any] = dict(_bare(raw, _REQUIRED, "", rid))  # (a copy: the caller's record is left as it is)
    if "discovered" in out:
        bare = _bare(d, _REQUIRED_FOUND, "discovered.", rid)
        if bare or not d:  # every field null is no discovery, as a table's struct of nulls is (review20b B20-2)
            out["discovered"] = bare
        else:
            del out["discovered"]
    if steps:
        out["handled"] = [_bare(x, _REQUIRED_STEP, f"handled[{i}].", rid)
                          for i, x in enumerate(h)]  # type: ignore[arg-type]
    return out


#: ``None`` without end: :func:`_nulls` compares a mapping's values with it by identity.
_NONES = itertools.repeat(None)


def _nulls(x: Any) -> bool:
    """Whether ``x`` is a mapping with a null (``None``) or empty-text value: identity tested in C (``operator.is_``
    mapped over the values), not a Python loop, as it is asked of every record, its discovery and each step; its
    texts' emptiness only where it has one (a record that takes this path is not plain)."""
    # a plain dict without an ABC check
    if type(x) is not dict and not isinstance(x, Mapping):
        return False
    values = x.values()
    return any(map(operator.is_, values, _NONES)) or any(type(v) is str and not v.strip() for v in values)


#: Required fields whose empty text :func:`_bare` refuses, with what to give; one given no words (a level) keeps its
#: empty text for its own check, which says it is empty and names the levels.
_REQUIRED = {"area": "the duty area, an id or its Chinese name (housing, 危房改造)",
             "domain": "the duty area as 'area', an id or its Chinese name (housing, 危房改造)",
             "place": "the division code of the place where the problem lies (2, 4, 6, 9 or 12 digits)",
             "id": "the problem's id in the sending system"}
_REQUIRED_FOUND = {"channel": "the channel, an id or its Chinese name (hotline, 全科网格)",
                   "on": "the day it was found (YYYY-MM-DD)", "level": None}
_REQUIRED_STEP = {"action": "assigned (交办) or reported (上报)", "on": "the day of the step (YYYY-MM-DD)",
                  "by_level": None, "to_level": None}


def _bare(x: Any, required: Mapping[str, str | None] | None = None, prefix: str = "", rid: str | None = None) -> Any:
    """A mapping without its null and empty-text values (``x`` itself when it has none); a ``required`` field of
    empty text is refused (:class:`ProblemError`, ``missing_field``) or, given no words, kept for its own check."""
    if not _nulls(x):
        return x
    out = {}
    for k, v in x.items():
        if v is None:
            continue
        if type(v) is str and not v.strip():
            if required is None or k not in required:
                continue
            if (what := required[k]) is not None:
                raise ProblemError(prefix + k, f"is empty; give {what}", record=None if k == "id" else rid,
                                   code="missing_field")
        out[k] = v
    return out


class _ParseState(NamedTuple):
    """What reading a record keeps per policy, fetched with one memo look-up per record (:func:`_state`)."""

    #: :meth:`ValueNames.of` the policy.
    names: ValueNames
    #: :func:`plain_problem`'s terms, discoveries and steps as the model keeps them, by what a record writes.
    plain: dict[tuple[Any, ...], Any]
    #: :func:`_level_words_of_the_place`: the clashes by jurisdiction, then by place as written; and by place code
    #: (:func:`_places_of`: a dict per jurisdiction, not a (jurisdiction, place) key made and kept per place — the
    #: garbage collector walks every tuple a warm decider keeps that holds an object).
    clashes: dict[Jurisdiction, dict[str | int, tuple[dict[str, tuple[Place, str]], str] | None]]
    clashes_at: dict[Jurisdiction, dict[str, dict[str, tuple[Place, str]]]]
    #: The Chinese words of the levels (folded) and their lengths.
    chinese: dict[str, str]
    lengths: list[int]
    #: By level: the Chinese words of the other levels (:func:`_clashes_at`), made when first asked for.
    others: dict[str, tuple[str, ...]]
    #: :func:`_check`'s sound record shapes, and :func:`in_force` of the policy.
    sound: dict[tuple[Any, ...], None]
    in_force: tuple[dt.date | None, bool]


def _state(policy: PolicyView) -> _ParseState:
    memos = policy.__dict__.get("_memos")  # read without a call, as decider_of does
    got = memos.get("parse state") if memos else None
    return got if got is not None else policy._memo("parse state", lambda: _parse_state(policy))


def _parse_state(policy: PolicyView) -> _ParseState:
    names = ValueNames.of(policy)
    chinese = {w: lv for w, lv in names.maps["level"].items() if not w.isascii()}
    return _ParseState(names=names, plain={}, clashes={}, clashes_at={}, chinese=chinese,
                       lengths=sorted({len(w) for w in chinese}), others={}, sound={},
                       in_force=in_force(policy))


def _level_words_of_the_place(raw: Mapping[str, Any], policy: PolicyView, jurisdiction: Jurisdiction,
                              state: _ParseState | None = None) -> None:
    """Refuse a level written by a Chinese word that a place above the record's ends with although it is
    at another level: in 建德市, a county-level city (县级市), 市 names 建德市's own level to its
    people as readily as 杭州市's, and reading it as the city would name the wrong bodies (review9b
    R9B-12). The id (``county``, ``city``) or another name (县, 县级市) says which is meant. ``state``: the policy's
    :func:`_state`, where the caller has it."""
    place = raw.get("place")
    if isinstance(place, bool) or not isinstance(place, (str, int)):  # (a tuple: ``str | int`` is made per call)
        return
    if not isinstance(place, str) and place.bit_length() > 128:  # no code; str() of it may raise (review23b R23b-3)
        return  # (refused as the place's value, by _text)
    # The words that clash depend on the place alone: kept per place as written (and per place code, each place's
    # from its parent's, :func:`_clashes_at`), not a scan of every Chinese level word against each place above on
    # every record (~15% of a single decision).
    if state is None:
        state = _state(policy)
    memo = _places_of(state.clashes, jurisdiction)
    found = memo.get(place, _NO_CLASH)
    if found is _NO_CLASH:
        found = _level_word_clashes(place, state, jurisdiction)
        if len(memo) >= 100_000:
            memo.clear()
        memo[place] = found
    if found is None:
        return
    clash, code = found
    d = raw.get("discovered")
    typed = [("discovered.level", d.get("level"))] if isinstance(d, Mapping) else []
    steps = raw.get("handled")
    if isinstance(steps, list) and len(steps) <= MAX_ITEMS:
        typed += [(f"handled[{i}].{k}", h.get(k)) for i, h in enumerate(steps) if isinstance(h, Mapping)
                  for k in ("by_level", "to_level")]
    hidden = raw.get("concealed_by")
    if isinstance(hidden, list) and len(hidden) <= MAX_ITEMS:
        typed += [(f"concealed_by[{i}]", c) for i, c in enumerate(hidden)]
    for field, value in typed:
        if isinstance(value, str) and (hit := clash.get(_fold(value))) is not None:
            a, other = hit
            above = next((x.name for x in jurisdiction.ancestors(code) if x.level == other), other)
            raise ProblemError(
                field, f"{value!r} names two levels here: {a.name} ({a.code}) "
                f"is at the {a.level} level, though its name ends in it; write {a.level!r} for {a.name}'s own bodies, "
                f"or {other!r} for {above}'s", record=_rid(raw), code="ambiguous_level")


#: Not yet in the memo of :func:`_level_words_of_the_place`.
_NO_CLASH: Any = object()


def _level_word_clashes(place: str | int, state: _ParseState, jurisdiction: Jurisdiction,
                        ) -> tuple[dict[str, tuple[Place, str]], str] | None:
    """:func:`_clashes_at` the place ``place`` names, with its code; ``None`` when there is none, or ``place`` is no
    place of ``jurisdiction`` (other checks say so)."""
    try:
        code, level = coded(str(place))
    except JurisdictionError:
        return None
    here = jurisdiction.get(code)
    if here is None:
        return None
    clash = _clashes_at(code, state, jurisdiction, here, level)
    return (clash, code) if clash else None


#: The digits of a place code that name the place containing a place of a level (parent_code's, by the level level_of
#: gives the code).
_PARENT_DIGITS = {lv: n for (lv, _), (_, n) in zip(LEVEL_DIGITS[1:], LEVEL_DIGITS, strict=False)}


def _clashes_at(code: str, state: _ParseState, jurisdiction: Jurisdiction, place: Place | None = None,
                level: str | None = None) -> dict[str, tuple[Place, str]]:
    """The Chinese level words that the place ``code`` (of ``jurisdiction``) or a place above it ends with although it
    is at another level, each with the highest such place and the level the word names: the place's own and its
    parent's (kept per place code: a new village costs one scan of its own name). ``place`` and ``level``: the place of
    ``code`` and :func:`level_of` the code, where the caller has them."""
    # (the jurisdiction's memo read without a call where it has one: a new village's parse asks twice)
    memo = state.clashes_at.get(jurisdiction) or _places_of(state.clashes_at, jurisdiction)
    got = memo.get(code)
    if got is None:
        chinese = state.chinese
        if place is None:
            place = jurisdiction.get(code)
        if level is None:
            level = level_of(code)
        # (parent_code inline: a new village's is a slice, and its parent's clashes a look-up, not three calls deep)
        n = _PARENT_DIGITS.get(level)
        parent = None if place is None or n is None else code[:n].ljust(12, "0")
        # a parent in the memo is a place of the jurisdiction (places never change)
        up = memo.get(parent) if parent is not None else {}
        if place is None or (up is None and jurisdiction.get(parent) is None):  # type: ignore[arg-type]
            line = jurisdiction.ancestors(code)  # (says what is wrong with such a jurisdiction, as it did)
            got = {w: (a, lv) for a in line for w, lv in chinese.items()
                   if lv != a.level and a.name.endswith(w) and a.name != w}
        else:
            # the words the name ends with, by their lengths (a few look-ups, not an endswith per word) — where it ends
            # with a word of another level at all (one endswith in C: most names end in their own level's word, or none)
            name = place.name
            others = state.others.get(place.level)
            if others is None:
                others = state.others[place.level] = tuple(w for w, lv in chinese.items() if lv != place.level)
            if up is None:
                up = _clashes_at(parent, state, jurisdiction)  # type: ignore[arg-type]
            got = up  # (most names: no dict made for a place that ends with no other level's word)
            if name.endswith(others):
                own = {w: (place, lv) for k in state.lengths if k < len(name)
                       and (lv := chinese.get(w := name[-k:])) is not None and lv != place.level}
                if own:
                    got = {**own, **up}  # a word a place above also ends with names that place
        if len(memo) >= 100_000:
            memo.clear()
        memo[code] = got
    return got


def _places_of(memo: dict[Jurisdiction, dict[Any, Any]], jurisdiction: Jurisdiction) -> dict[Any, Any]:
    """The dict of ``jurisdiction``'s places in ``memo`` (:attr:`_ParseState.clashes`, ``clashes_at``), made empty when
    first asked for (all start afresh past 64 jurisdictions: a service making one per request keeps few)."""
    got = memo.get(jurisdiction)
    if got is None:
        if len(memo) >= 64:
            memo.clear()
        got = memo[jurisdiction] = {}
    return got


#: The fields of a record, of its discovery and of a handling step.
_PROBLEM_KEYS = frozenset(_FIELDS["problem"])
_DISCOVERED_KEYS = frozenset(_FIELDS["discovered"])
#: (a step's own deadline is not plain: a record with one is read by the full validation, which checks it)
_HANDLED_KEYS = frozenset(_FIELDS["handled"]) - {"deadline"}
_ACTIONS = ("assigned", "reported")
#: The relation of rules/relations.yaml each handling step follows: a step is also named by that relation's
#: Chinese name (交办, 上报), as the text and a ledger's events write it.
_ACTION_RELATIONS = {"assigned": "assigns", "reported": "reports_to"}
_set = object.__setattr__


def _plain(value: Any) -> str | None:
    """``value`` if it is text the model keeps as it is (ASCII, printable, no space at either end,
    not empty, not too long), else ``None``."""
    if type(value) is str and 0 < len(value) <= MAX_TEXT and value.isascii() and value.isprintable() \
            and value[0] != " " and value[-1] != " ":
        return value
    return None


def _plain_day(value: Any) -> dt.date | None:
    """``value`` as a date if it is plainly one (a ``YYYY-MM-DD`` text or a date, in range)."""
    if type(value) is str:
        day = _DAYS.get(value)
        if day is not None:
            return day
        if len(value) != 10 or value[4] != "-" or value[7] != "-" or not value.isascii():
            return None
        y, m, d = value[:4], value[5:7], value[8:]
        if not (y.isdigit() and m.isdigit() and d.isdigit()):
            return None
        try:
            day = dt.date(int(y), int(m), int(d))
        except ValueError:
            return None
        if not DAY_MIN <= day <= DAY_MAX:
            return None
        if len(_DAYS) >= 100_000:
            _DAYS.clear()
        _DAYS[value] = day
        return day
    if type(value) is dt.date and DAY_MIN <= value <= DAY_MAX:
        return value
    return None


#: Dates read by :func:`_plain_day`, by their text: records repeat the same days.
_DAYS: dict[str, dt.date] = {}


def _plain_terms(names: ValueNames, policy: PolicyView, area: str, kind: str | None, sector: str | None,
                 severity: str) -> tuple[str, str | None, str | None, str] | bool:
    """A record's area, kind, sector and severity as its model keeps them (:func:`plain_problem`), or ``False``
    where one is not plain."""
    maps = names.maps
    area_id = _plain(maps["area"].get(_fold(area), area))
    if area_id is None:
        return False
    if kind is not None:
        kind = _plain(maps.get(f"kind:{area_id}", {}).get(_fold(kind), kind))
        if kind is None:
            return False
    if sector is not None:
        if sector not in policy.bodies and sector not in policy.sectors:
            sector = names.body(sector)
        if _plain(sector) is None:
            return False
    severity = maps["severity"].get(_fold(severity), severity)
    if severity not in SEVERITIES:
        return False
    return area_id, kind, sector, severity


def _plain_discovery(names: ValueNames, bodies: Mapping[str, Any], level: str, channel: str, body: str | None,
                     ) -> tuple[str, str, str | None] | bool:
    """A discovery's level, channel and body as its model keeps them, or ``False`` where one is not plain."""
    maps = names.maps
    level_id = _plain(maps["level"].get(_fold(level), level))
    channel_id = _plain(maps["channel"].get(_fold(channel), channel))
    if body is not None and body not in bodies:
        body = names.body(body, level_id)
    if level_id is None or channel_id is None or (body is not None and _plain(body) is None):
        return False
    return level_id, channel_id, body


def _plain_step(names: ValueNames, bodies: Mapping[str, Any], by: str, to: str, to_body: str | None,
                ) -> tuple[str, str, str | None] | bool:
    """A handling step's levels and body as its model keeps them, or ``False`` where one is not plain."""
    levels = names.maps["level"]
    by_id, to_id = _plain(levels.get(_fold(by), by)), _plain(levels.get(_fold(to), to))
    if to_body is not None and to_body not in bodies:
        to_body = names.body(to_body, to_id)
    if by_id is None or to_id is None or (to_body is not None and _plain(to_body) is None):
        return False
    return by_id, to_id, to_body


def _plain_found(discovered: Any, memo: dict[Any, Any], names: ValueNames, bodies: Mapping[str, Any]
                 ) -> tuple[str, str, str | None, dt.date] | None:
    """A plain discovery (a dict of its fields, each plain or null) as the model's level, channel and body, with its
    day (:func:`plain_problem` and :func:`_parsed_plainly` read it alike); ``None`` where it is not plain."""
    if type(discovered) is not dict or not discovered.keys() <= _DISCOVERED_KEYS:
        return None
    level, channel, on, body = (discovered.get("level"), discovered.get("channel"),
                                _plain_day(discovered.get("on")), discovered.get("body"))
    if type(level) is not str or type(channel) is not str or on is None or (body is not None and type(body) is not str):
        return None
    found: Any = memo.get(mk := ("d", level, channel, body))
    if found is None:
        found = memo[mk] = _plain_discovery(names, bodies, level, channel, body)
    if not found:
        return None
    return (*found, on)


def _plain_handled(h: Any, memo: dict[Any, Any], names: ValueNames, bodies: Mapping[str, Any]
                   ) -> tuple[str, str, str, str | None, dt.date] | None:
    """A plain step (a dict of its fields) as its action, the model's by_level, to_level and to_body, and its day
    (:func:`plain_problem` and :func:`_parsed_plainly` read it alike); ``None`` where it is not plain."""
    if type(h) is not dict or not h.keys() <= _HANDLED_KEYS:
        return None
    action, by, to, on, to_body = (h.get("action"), h.get("by_level"), h.get("to_level"), _plain_day(h.get("on")),
                                   h.get("to_body"))
    if action not in _ACTIONS or type(action) is not str or type(by) is not str or type(to) is not str \
            or on is None or (to_body is not None and type(to_body) is not str):
        return None
    step: Any = memo.get(mk := ("h", by, to, to_body))
    if step is None:
        step = memo[mk] = _plain_step(names, bodies, by, to, to_body)
    if not step:
        return None
    return (action, *step, on)


def _plain_tail(get: Callable[[str], Any], concealed: Any, names: ValueNames
                ) -> tuple[dt.date | None, dt.date | None, dt.date | None, list[str]] | None:
    """A plain record's deadline, rectified_on and as_of as days and its concealers by the model's names (the
    reading :func:`plain_problem` and :func:`_parsed_plainly` share); ``None`` where any is not plain."""
    # (the three days unrolled: no loop and list per record)
    deadline, rectified_on, as_of = get("deadline"), get("rectified_on"), get("as_of")
    if deadline is not None and (deadline := _plain_day(deadline)) is None:
        return None
    if rectified_on is not None and (rectified_on := _plain_day(rectified_on)) is None:
        return None
    if as_of is not None and (as_of := _plain_day(as_of)) is None:
        return None
    if type(concealed) is not list or len(concealed) > MAX_ITEMS:
        return None
    who = []
    for c in concealed:
        if type(c) is not str:
            return None
        c = _plain(_concealer(names, c))
        if c is None:
            return None
        who.append(c)
    return deadline, rectified_on, as_of, who


def plain_problem(raw: Mapping[str, Any], policy: PolicyView) -> Problem | None:
    """The :class:`Problem` of a record that is plainly valid (a dict of the record's fields whose
    values are ids or names of rules/ in plain ASCII text, ``YYYY-MM-DD`` dates or dates, lists and
    dicts), without pydantic's validation: exactly what ``Problem.model_validate(canonical_record(
    raw, policy))`` gives. ``None`` for anything else, which the full validation then reads (and
    reports as it does)."""
    if type(raw) is not dict or not _PROBLEM_KEYS.issuperset(raw):
        return None
    records = _records()
    Discovered, Handling, _made = records.Discovered, records.Handling, records._made

    state = _state(policy)
    names = state.names
    bodies = policy.bodies
    get = raw.get
    area_key = "area" if "area" in raw else "domain"
    if area_key == "area" and "domain" in raw:
        return None
    pid, area, place = _plain(get("id")), get(area_key), _plain(get("place"))
    if pid is None or place is None or type(area) is not str:
        return None
    # The names of the record's terms (area, kind, sector, severity; each discovery, step and concealer) as the
    # model keeps them, by what the record writes: kept per policy (records repeat a few), False where not plain.
    memo = state.plain
    if len(memo) >= 100_000:
        memo.clear()
    mk: tuple[Any, ...]
    kind, sector, severity = get("kind"), get("sector"), get("severity", "minor")
    if (kind is not None and type(kind) is not str) or (sector is not None and type(sector) is not str) \
            or type(severity) is not str:
        return None
    terms: Any = memo.get(mk := ("t", area, kind, sector, severity))
    if terms is None:
        terms = memo[mk] = _plain_terms(names, policy, area, kind, sector, severity)
    if not terms:
        return None
    area, kind, sector, severity = terms
    discovered = get("discovered")
    if discovered is not None:
        found = _plain_found(discovered, memo, names, bodies)
        if found is None:
            return None
        level, channel, body, on = found
        discovered = _made(Discovered, {"level": level, "channel": channel, "on": on, "body": body},
                           set(discovered))
    handled = get("handled", [])
    if type(handled) is not list or len(handled) > MAX_ITEMS:
        return None
    steps = []
    for h in handled:
        step = _plain_handled(h, memo, names, bodies)
        if step is None:
            return None
        action, by, to, to_body, on = step
        steps.append(_made(Handling, {"action": action, "by_level": by, "to_level": to, "to_body": to_body,
                                      "on": on}, set(h)))
    tail = _plain_tail(get, get("concealed_by", []), names)
    if tail is None:
        return None
    deadline, rectified_on, as_of, who = tail
    fields_set = set(raw)
    if area_key == "domain":
        fields_set.discard("domain")
        fields_set.add("area")
    problem: Problem = _made(records.Problem, {
        "id": pid, "area": area, "kind": kind, "sector": sector, "place": place, "severity": severity,
        "discovered": discovered, "handled": steps, "deadline": deadline, "rectified_on": rectified_on,
        "concealed_by": who, "as_of": as_of}, fields_set)
    return problem


def _parsed_plainly(raw: dict[str, Any], policy: PolicyView, jurisdiction: Jurisdiction,
                    today: dt.date | None) -> Problem | None:
    """:func:`parse_problem` of a plain record, in one pass: a dict (a null value read as no value, as
    :func:`without_nulls` reads it), discovered, whose values are
    plain (:func:`plain_problem`'s reading of them, with the same memo) and whose shape of names, levels and steps
    was found sound before (:func:`_check`'s memo), so that only its dates are checked. ``None`` for anything else,
    which :func:`parse_problem` then reads as before (so its errors are those it gives): this path never raises but
    where that one raises the same (the level words of the place, :func:`_level_words_of_the_place`, and a date
    out of order, reported by :func:`_check_all`).

    It makes exactly the :class:`Problem` of ``plain_problem`` and passes where ``_check`` passes, without the
    record read three times over (:func:`without_nulls`, :func:`plain_problem`, :func:`_check`; each frame and
    memo look-up was some 4% of a single decision)."""
    # (every field known; a null one is read as absent, as without_nulls drops it: a get gives None for either)
    if not raw.keys() <= _PROBLEM_KEYS:  # (a keys view is compared in place; issuperset of a dict copies its keys)
        return None
    get = raw.get
    discovered, area = get("discovered"), get("area")
    if type(discovered) is not dict or not discovered.keys() <= _DISCOVERED_KEYS:
        return None
    if area is None:
        if "domain" not in raw:
            return None
        area = raw["domain"]
    elif "domain" in raw:
        return None
    pid, place = _plain(get("id")), _plain(get("place"))
    kind, sector, severity = get("kind"), get("sector"), get("severity")
    if severity is None:
        severity = "minor"
    if pid is None or place is None or type(area) is not str or (kind is not None and type(kind) is not str) \
            or (sector is not None and type(sector) is not str) or type(severity) is not str:
        return None
    memos = policy.__dict__.get("_memos")  # (_state, inline)
    state: _ParseState | None = memos.get("parse state") if memos else None
    if state is None:
        state = _state(policy)
    memo = state.plain
    if len(memo) >= 100_000:
        memo.clear()
    mk: tuple[Any, ...]
    terms: Any = memo.get(mk := ("t", area, kind, sector, severity))
    if terms is None:
        terms = memo[mk] = _plain_terms(state.names, policy, area, kind, sector, severity)
    if not terms:
        return None
    found = _plain_found(discovered, memo, state.names, policy.bodies)
    if found is None:
        return None
    handled = get("handled")
    if handled is None:
        handled = []
    elif type(handled) is not list or len(handled) > MAX_ITEMS:
        return None
    steps: list[tuple[Any, ...]] = []
    for h in handled:
        step = _plain_handled(h, memo, state.names, policy.bodies)
        if step is None:
            return None
        steps.append((*step, h))
    # (a null concealed_by is no value here, as without_nulls reads it)
    tail = _plain_tail(get, [] if (concealed := get("concealed_by")) is None else concealed, state.names)
    if tail is None:
        return None
    deadline, rectified_on, as_of, who = tail
    coded_place = _CODED.get(place)
    if coded_place is None:
        try:
            coded_place = coded(place)
        except JurisdictionError:
            return None
    here = jurisdiction.get(coded_place[0])
    if here is None:
        return None
    # the level words of the place (_level_words_of_the_place's memo, filled as _level_word_clashes fills it from the
    # code and place in hand): where the place has none, nothing to refuse
    clash = _places_of(state.clashes, jurisdiction).get(place, _NO_CLASH)
    if clash is _NO_CLASH:
        clash = _clash_of(state, jurisdiction, place, coded_place[0], coded_place[1], here)
    if clash is not None:
        _level_words_of_the_place(raw, policy, jurisdiction, state)
    area, kind, sector, severity = terms
    level, channel, body, on = found
    own = None
    if coded_place[1] == "village" and is_residents_committee(coded_place[0]) \
            and (param := policy.parameters.get(RESIDENTS_PLACE)) is not None and param.value == "township":
        # an urban community's problem, answered as its township's (residents_committee_place; review25 R25-11)
        own, place = place, coded_place[0][:9] + "000"
        coded_place = (place, "township")
    records = _records()
    made, Handling = records._made, records.Handling
    fields_set = _given(raw)
    if "domain" in fields_set:
        fields_set.discard("domain")
        fields_set.add("area")
    p: Problem = made(records.Problem, {
        "id": pid, "area": area, "kind": kind, "sector": sector, "place": place, "severity": severity,
        # (a discovery's and a step's other fields are not null: read above)
        "discovered": made(records.Discovered, {"level": level, "channel": channel, "on": on, "body": body},
                           set(discovered) if body is not None or "body" not in discovered else _given(discovered)),
        "handled": [made(Handling, {"action": action, "by_level": by, "to_level": to, "to_body": to_body, "on": h_on},
                         set(h) if to_body is not None or "to_body" not in h else _given(h))
                    for action, by, to, to_body, h_on, h in steps] if steps else [],
        "deadline": deadline, "rectified_on": rectified_on, "concealed_by": who, "as_of": as_of}, fields_set)
    if own is not None:
        records._SET_PRIVATE(p, {_OWN_PLACE: own})
    # :func:`_check`'s key, from the values in hand
    key = (area, kind, sector, coded_place[1], level, channel, body,
           tuple([s[:4] for s in steps]) if steps else (), tuple(who))
    if key not in state.sound or (not _plainly_in_order(on, steps, deadline, rectified_on, as_of or today, state)
                                  and _date_fault(p, today, *state.in_force) is not None):
        _checked_as_written(p, raw, policy, jurisdiction, today, state)
    return p


def _clash_of(state: _ParseState, jurisdiction: Jurisdiction, place: str, code: str, level: str, here: Place,
              ) -> tuple[dict[str, tuple[Place, str]], str] | None:
    """The level words of ``place`` (``code`` at ``level``, the jurisdiction's place ``here``) that clash, with its
    code, or ``None`` where none does, as :func:`_level_word_clashes` gives them: kept in the policy's memo by the
    place as written (:func:`_parsed_plainly`, and engine/_dicts.c's ``plain_record``, where it has none)."""
    got = _clashes_at(code, state, jurisdiction, here, level)
    clash = (got, code) if got else None
    clashes = state.clashes.get(jurisdiction) or _places_of(state.clashes, jurisdiction)
    if len(clashes) >= 100_000:
        clashes.clear()
    clashes[place] = clash
    return clash


def _plainly_in_order(on: dt.date, steps: list[tuple[Any, ...]], deadline: dt.date | None,
                      rectified_on: dt.date | None, as_of: dt.date | None, state: _ParseState) -> bool:
    """Whether a record's dates (``steps``: :func:`_parsed_plainly`'s, each step's day fifth) are in the plainest
    order: discovered on or after the day the policy takes effect, every step, the rectification and the deadline on
    or after it, nothing after the assessment date (given), the deadline on or after every assignment, each step on or
    after the one before it. Such dates have no fault :func:`_date_fault` could find (it is asked where this says no,
    and says which one)."""
    since = state.in_force[0]
    if as_of is None or as_of < on or (since is not None and on < since):
        return False
    last = on
    for s in steps:
        if not last <= s[4] <= as_of or (deadline is not None and s[0] == "assigned" and deadline < s[4]):
            return False
        last = s[4]
    return (rectified_on is None or on <= rectified_on <= as_of) and (deadline is None or on <= deadline)


def _given(d: dict[str, Any]) -> set[str]:
    """The fields of ``d`` that have a value (not null): a model's fields set."""
    return {k for k, v in d.items() if v is not None} if any(map(operator.is_, d.values(), _NONES)) else set(d)


def _rid(raw: Mapping[str, Any]) -> str | None:
    """The record's id as an error names it (``None`` where it has none that can be shown)."""
    record = raw.get("id")
    return _show(record, 200) if isinstance(record, str | int) and not isinstance(record, bool) else None


def scenario_shape(raw: Any) -> Literal["file", "scenario"] | None:
    """Whether ``raw``, given where a problem record goes, is a scenario file's content (``{"scenarios": […]}``:
    ``"file"``) or one scenario (``{"name": …, "problem": {…}, "expect": …}``: ``"scenario"``), else ``None`` (a
    mapping with an ``id`` is a record, whatever else it holds): what ``who_answers``, ``assess`` and the service say
    of one, each in its own words."""
    if not isinstance(raw, Mapping) or "id" in raw:
        return None
    if "scenarios" in raw:
        return "file"
    return "scenario" if "problem" in raw and ("expect" in raw or "name" in raw) else None


#: The other errors of a refused record said with its first, at most (the rest counted).
_MORE_ERRORS = 5
#: ... and at most this many characters with the first's words (a refusal stays one readable line: tests/test_hostile
#: holds every refusal under 400 characters with the record's id and field).
_MORE_ERRORS_CHARS = 280
#: ... and the others past that named by field and code, at most this many (the rest counted).
_MORE_NAMED = 3


def _problem_error(exc: ValidationError, raw: Mapping[str, Any], rid: str | None,
                   policy: PolicyView | None = None) -> ProblemError:
    """The refusal of a record pydantic refused: its first error, named by its field, and every other after it
    (``…; also field 'discovered.on': …``): a record with no channel and the month 13 was told only of the channel, to
    be refused again for the month once that was mended (ux46 left). An unknown field is usually a misspelt known
    one: it comes first, and the "missing" it causes in the same object is not said."""
    return _joined(_pydantic_faults(exc.errors(), raw, rid, policy), rid)


def _pydantic_faults(errors: list[Any], raw: Mapping[str, Any], rid: str | None,
                     policy: PolicyView | None = None) -> list[ProblemError]:
    """:func:`_problem_error`'s refusals, one per error of pydantic's (``exc.errors()``), unknown fields first."""
    errors = sorted(errors, key=lambda e: e["type"] != "extra_forbidden")
    unknown_in = {tuple(e["loc"])[:-1] for e in errors if e["type"] == "extra_forbidden"}
    first = _one_error(errors[0], raw, rid, policy)
    if any(e["type"] == "invalid_key" for e in errors):
        # a key that is not text (True: yaml.safe_load's reading of on:) is one cause of every error beside it, which
        # the first's words say (_api._yaml_on)
        return [first]
    said = [first]
    for err in errors[1:]:
        if err["type"] == "missing" and tuple(err["loc"])[:-1] in unknown_in:
            continue
        said.append(_one_error(err, raw, rid, policy))
    return said


#: What stands in a refused record for a field pydantic refused (by the field's name), so that the model takes the
#: record and the policy's checks of the other fields are made (:func:`_policy_faults`); ``None``: the field is left
#: out (it may be), ``...``: the area's stand-in (the policy's first area).
_STAND_INS: dict[str, Any] = {
    "id": "_", "area": ..., "place": "33", "level": "_", "by_level": "_", "to_level": "_", "channel": "_",
    "action": "assigned", "on": "2021-01-01", "kind": None, "sector": None, "body": None, "to_body": None,
    "severity": None, "deadline": None, "rectified_on": None, "as_of": None, "discovered": None, "handled": [],
    "concealed_by": []}


def _policy_faults(errors: list[Any], raw: Mapping[str, Any], policy: PolicyView, jurisdiction: Jurisdiction,
                   today: dt.date | None) -> list[ProblemError]:
    """The faults :func:`_faults` finds in the fields pydantic took of a record it refused (``errors``, its own):
    each refused field has a stand-in the model takes (:data:`_STAND_INS`) and its checks, and those resting on it,
    are not made. Best effort, said after pydantic's: a record the model refuses even so gets none."""
    try:
        fixed = canonical_record(raw, policy)
        skip: set[str] = set()
        for e in errors:
            loc = tuple(e["loc"])
            if not loc:
                return []
            *path, last = loc
            at: Any = fixed
            for key in path:
                at = at[key]
            if e["type"] == "extra_forbidden":
                del at[last]
                if not path:  # (a misspelt 'discovered' is not told missing too, as pydantic's missing are not)
                    skip.add(_MISSPELT)
                continue
            skip.add(_path(loc))
            if isinstance(last, int):  # a step or a concealer of the wrong kind
                at[last] = "_" if path == ["concealed_by"] else \
                    {"action": "assigned", "by_level": "_", "to_level": "_", "on": "2021-01-01"}
                continue
            if last not in _STAND_INS:
                return []
            stand_in = _STAND_INS[last]
            if stand_in is None:
                at.pop(last, None)
            else:
                at[last] = next(iter(policy.problem_areas)) if stand_in is ... else copy.copy(stand_in)
        records = _records()
        p = placed_for(records.Problem.model_validate(fixed), policy)
        return _faults(p, policy, jurisdiction, today, frozenset(skip))
    except (LookupError, TypeError, ValueError, ResponsibilityError):  # (pydantic's ValidationError: a ValueError)
        return []


def _joined(faults: list[ProblemError], rid: str | None) -> ProblemError:
    """One refusal of a record's ``faults`` (its first named by its field, code and all, and every other after it:
    ``…; also field 'discovered.on': …``), each field once: pydantic's (:func:`_problem_error`) and the policy's
    (:func:`_check_all`) are said alike. A batch keeps it as one reject row with all its reasons."""
    first = faults[0]
    seen = {first.field}
    others: list[ProblemError] = []
    for other in faults[1:]:
        if other.field not in seen:
            seen.add(other.field)
            others.append(other)
    if not others:
        return first
    # (a one-line message a person reads, under 400 characters with its id and field: the others stop at a length as
    # well as a count; the rest are named by field and code, a few, and counted — "and 2 other fields wrong" left the
    # user to find them, where a concealer's refusal alone is longer than the line)
    parts: list[str] = []
    for o in others[:_MORE_ERRORS]:
        piece = f"field {o.field!r}: {o.detail}"
        if len(first.detail) + sum(len(x) + 2 for x in parts) + len(piece) > _MORE_ERRORS_CHARS:
            break
        parts.append(piece)

    def wrong(rest: list[ProblemError], room: int) -> str:
        # the first few by field and code, then by field alone, as many as the room holds: a record with seven
        # faults was told four and "and 3 more", which left the user to find them (ux49 left)
        named: list[str] = []
        for i, o in enumerate(rest):
            piece = f"{o.field!r} ({o.code})" if i < _MORE_NAMED else repr(o.field)
            more = len(rest) - i - 1
            if sum(len(x) + 2 for x in named) + len(piece) + (len(f" and {more} more") if more else 0) > room:
                break
            named.append(piece)
        return ", ".join(named) + (f" and {len(rest) - len(named)} more" if len(rest) > len(named) else "")

    room = _MORE_ERRORS_CHARS + 20
    for k in range(len(parts), -1, -1):  # every other field named, before more of the others in full
        rest = others[k:]
        head = f"{first.detail}; also {'; '.join(parts[:k])}" if k else first.detail
        if not rest:
            return ProblemError(first.field, head, record=rid, code=first.code)
        lead = "; and wrong too: " if k else "; also wrong: "
        tail = wrong(rest, room - len(head) - len(lead))
        if (not tail.endswith(" more") or k == 0) and not tail.startswith(" "):  # (" and N more": none named)
            return ProblemError(first.field, head + lead + tail, record=rid, code=first.code)
    n = len(others)  # (a first refusal about as long as the line)
    return ProblemError(first.field, f"{first.detail}; and {n} other field{'s' if n > 1 else ''} wrong", record=rid,
                        code=first.code)


def _one_error(err: Any, raw: Mapping[str, Any], rid: str | None, policy: PolicyView | None) -> ProblemError:
    loc = tuple(err["loc"])
    if loc and loc[0] == "area" and "domain" in raw:
        loc = ("domain", *loc[1:])
    kind = err["type"]
    code = _CODES.get(kind, "wrong_type")
    if kind == "literal_error" and not isinstance(err.get("input"), str):
        # a severity or an action of another type than text (7, true, a list) is of the wrong type, as a ledger's
        # event says of it; text that names none is the bad value (hostile64)
        code = "wrong_type"
    if kind == "extra_forbidden":
        if len(loc) == 1 and str(loc[0]).startswith("discovered.") and raw.get("discovered") is not None:
            # a row with a discovered cell and dotted cells too (R22b-1 refuses it): say what is wrong (input23)
            return ProblemError(_path(loc), f"the discovery is given twice, as 'discovered' and as {loc[0]!r}; "
                                "keep one of the two", record=rid, code=code)
        parent = "problem" if len(loc) == 1 else ("discovered" if loc[0] == "discovered" else "handled")
        if len(loc) == 1 and (shape := scenario_shape(raw)) is not None:
            # a scenario (or a scenario file's content) handed where a record goes, in Python: the service and the
            # commands say so (ux44, ux45); "unknown field" named its first key only
            what = "a scenario file's content" if shape == "file" else "a scenario (its record is under 'problem')"
            return ProblemError(_path(loc), f"unknown field: this is {what}, not a problem record; pass the "
                                "scenario's 'problem' (`responsibility test FILE` runs a scenario file and checks "
                                "its expected findings)", record=rid, code=code)
        from ..policy._yaml import lookalike  # (a refused record only: a start that reads no YAML never needs it)

        key = str(loc[-1]).strip()
        if (field := _CHINESE_KEYS[parent].get(key)) is not None:
            hint = f"a record's keys are English: write {field!r} for {key!r} (the values may stay Chinese: " \
                "docs/records.md lists every field)"
        elif (field := next((f for f in _FIELDS[parent] if f.casefold() == key.casefold()), None)) is not None:
            # ('ID', 'On': keys are matched as written, and difflib's nearest is case-sensitive, so no hint came;
            # a CSV header's check gives one: check52b #14)
            hint = f"did you mean {field!r}? (a record's keys are lower case)"
        else:
            hint = (isinstance(loc[-1], str) and lookalike(loc[-1][:40], _FIELDS[parent])) \
                or suggest(str(loc[-1])[:40], _FIELDS[parent]) or f"allowed: {', '.join(_FIELDS[parent])}"
        return ProblemError(_path(loc), f"unknown field; {hint}", record=rid, code=code)
    if kind == "missing":
        return ProblemError(_path(loc), "is required", record=rid, code=code)
    msg = str(err["msg"])
    got = err.get("input")
    shown = repr(_show(got)) if isinstance(got, str) else _what(got)
    if loc == ("severity",) and kind == "literal_error" and policy is not None:
        # the severities by id and Chinese name (一般, 较重, 严重), as a record may write them
        said = f"unknown severity {shown}" if isinstance(got, str) else f"expected a severity, not {shown}"
        hint = term_hint(policy, "severity", got if isinstance(got, str) else "", list(SEVERITIES))
        return ProblemError("severity", f"{said}; {hint}", record=rid, code=code)
    if len(loc) == 3 and loc[0] == "handled" and loc[2] == "action" and kind == "literal_error" \
            and policy is not None:
        words = {a: n[0] for a, n in _terms(policy)["action"] if n}
        named = " or ".join(f"{a} ({words[a]})" if a in words else a for a in _ACTIONS)
        said = f"unknown action {shown}" if isinstance(got, str) else f"expected an action, not {shown}"
        return ProblemError(_path(loc), f"{said}; a step of handled is {named}: assigned "
                            "passes the problem down to a level that rectifies it, reported takes it up; a "
                            "rectification is no step (give its day as rectified_on)", record=rid, code=code)
    if kind == "bad_date" and not _CELLS.get():
        msg = _typed_day(got) or msg  # (typed: the day's refusal made again without the Excel column's advice)
    worded = _worded(kind, loc, got, err.get("ctx") or {})
    if worded is not None:  # pydantic's own words ("Input should be a valid string") said as this page says them
        return ProblemError(_path(loc), worded, record=rid, code=code)
    if kind not in ("bad_date", "bad_value"):
        msg += f" (got {_show(got)})"
    return ProblemError(_path(loc), msg, record=rid, code=code)


def _typed_day(value: Any) -> str | None:
    """The refusal of ``value`` as a typed record's day (:func:`parse_day` with ``cell=False``), else ``None``."""
    try:
        parse_day(value, cell=False)
    except ValueError as exc:  # (pydantic_core's PydanticCustomError is a ValueError)
        message = getattr(exc, "message", None)
        return str(message()) if callable(message) else None
    return None


def _what(value: Any) -> str:
    """``value`` named in JSON's words, for "expected …, not {what}" (never a Python repr: ``True``, ``inf``,
    ``<object object at 0x…>``, ``Decimal('7.5')``)."""
    if isinstance(value, bool) or type(value).__name__ in ("bool", "bool_"):  # (numpy's too: not "a Python bool")
        return f"{'true' if value else 'false'} (a true/false value)"
    if type(value).__name__ == "Decimal":
        if value.is_nan():
            return "NaN (not a number)"
        if value.is_infinite():
            return "an infinite number"
        return f"the number {value}" if value == value.to_integral_value() else f"the fraction {value}"
    if value is None:
        return "null"
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN (not a number)"
        if math.isinf(value):
            return "a number too large to hold (1e400 and beyond read as infinity)"
        return f"the number {value!r}" if value.is_integer() else f"the fraction {value!r}"
    if isinstance(value, numbers.Number):
        return f"the number {_show(value)}"
    if isinstance(value, Mapping):
        return f"an object of {len(value)} field{'s' if len(value) != 1 else ''}"
    if isinstance(value, list) and value and all(type(x) is tuple and len(x) == 2 for x in value):
        # an Arrow or Parquet map's cell as Python holds it (JSON has no tuples): "a list" sent the writer looking for
        # brackets that are not there (check52b #13)
        return f"a map of {len(value)} entr{'ies' if len(value) != 1 else 'y'} (key, value pairs)"
    if isinstance(value, list | tuple | set | frozenset):
        return f"a list of {len(value)} item{'s' if len(value) != 1 else ''}"
    if isinstance(value, dt.date):
        return f"a date ({value.isoformat()})"
    if isinstance(value, str):
        return f"the text {_show(value)!r}"
    if isinstance(value, bytes | bytearray):
        return f"bytes ({_show(bytes(value))})"
    return f"a Python {type(value).__name__}"


#: What a list field holds, and a list of one such entry, for its "expected …" message.
_LIST_OF = {"handled": ("steps of handling, each an object {action, by_level, to_level, on}",
                        '[{"action": "assigned", "by_level": …, "to_level": …, "on": …}]'),
            "concealed_by": ("levels or bodies", '["county"]')}
#: What an object field holds, for its "expected …" message.
_OBJECT_OF = {"discovered": "an object {level, channel, on} (body optional)",
              "handled": "a step of handling, an object {action, by_level, to_level, on} (to_body optional)"}


def _worded(kind: str, loc: tuple[Any, ...], got: Any, ctx: Mapping[str, Any]) -> str | None:
    """pydantic's error ``kind`` at ``loc`` in the words of docs/records.md (``None``: none needed): the field's
    type as the fields' table gives it, and what came, in JSON's words (review24b: "Input should be a valid
    string (got True)")."""
    if kind == "string_type":
        if loc == ("id",):  # one rule at every entry point (R24b-3): text or a whole number, never true or 1.5
            return f"an id is text or a whole number, not {_what(got)}"
        if loc == ("place",):
            return f"expected a division code (its digits, as text or a whole number), not {_what(got)}"
        return f"expected text (an id or a name), not {_what(got)}"
    if kind == "invalid_key":  # a dict from Python with a key that is no text (1, None, a tuple)
        return f"a field's name is text, not {_what(got)}; name the record's fields by their names (id, area, place …)"
    if kind == "string_too_short":
        return "is empty; give the problem's id in the sending system" if loc == ("id",) else "is empty"
    if kind == "list_type":
        what, example = _LIST_OF.get(str(loc[0]), ("a list", "[…]"))
        return f"expected a list of {what}, not {_what(got)}; write it as a list, e.g. {example}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"expected {_OBJECT_OF.get(str(loc[0]), 'an object')}, not {_what(got)}"
    if kind == "too_long":
        n = ctx.get("actual_length")
        return f"has {f'{n:,}' if isinstance(n, int) else 'too many'} entries; at most {MAX_ITEMS:,} are read"
    if kind == "literal_error":
        return f"expected {ctx.get('expected', 'one of the allowed words')}, not {_what(got)}"
    return None


def residents_place(p: Problem) -> str | None:
    """The record's own place where it is an urban community's code (a residents' committee's, 社区: digits 10–12
    001–199 or 400–599, :func:`~responsibility.chain._jurisdiction.is_residents_committee`), as the record gave it
    (also where residents_committee_place=township answers the problem at its township's code), else ``None``: a
    verdict on such a problem rests on that parameter under either of its values."""
    private = p.__pydantic_private__
    if private:
        own = private.get(_OWN_PLACE)
        if own is not None:
            return str(own)
    place = p.__dict__["place"]
    try:
        code, level = _CODED.get(place) or coded(place)
    except JurisdictionError:
        return None
    return place if level == "village" and is_residents_committee(code) else None


def placed_for(p: Problem, policy: PolicyView) -> Problem:
    """``p`` placed as ``policy``'s residents_committee_place reads an urban community's code (review25 R25-11):
    under ``township`` a problem at a residents' committee's code (a 社区, with no 村委会 or 村党支部 to hold the
    village's duties of 二(一)1(1), 二(二)1) is the same problem at its township's code, the record's own place
    kept beside it (:func:`residents_place`); under ``village`` (or a policy without the parameter) the place is the
    record's own. Every other record is ``p`` itself."""
    private = p.__pydantic_private__
    own = private.get(_OWN_PLACE) if private else None
    param = policy.parameters.get(RESIDENTS_PLACE)
    township = param is not None and param.value == "township"
    if own is not None:  # placed at its township before: under another reading, back at its own place
        return p if township else _with_place(p, str(own), None)
    if not township:
        return p
    place = p.__dict__["place"]
    try:
        code, level = _CODED.get(place) or coded(place)
    except JurisdictionError:
        return p  # (refused by the checks, as the record gave it)
    if level != "village" or not is_residents_committee(code):
        return p
    return _with_place(p, code[:9] + "000", place)


def _with_place(p: Problem, place: str, own: str | None) -> Problem:
    """``p`` at ``place``, with ``own`` as the record's own place (``None``: none kept)."""
    records = _records()
    got: Problem = records._made(type(p), {**p.__dict__, "place": place}, set(p.model_fields_set))
    if own is not None:
        records._SET_PRIVATE(got, {_OWN_PLACE: own})
    return got


#: What to do instead of naming the village level at an urban community, per the part of the record that names it.
_INSTEAD = {"discovered": "give as finder the township or a level above it",
            "handled": "hand it to the township (to_level township) or a level above it",
            "reported": "give as by_level the township (the 街道 that reported it) or a level above it",
            "concealed": "name the township, one of its bodies or a level above it"}


def below_community(own: str, township: str,
                    part: Literal["discovered", "handled", "reported", "concealed"]) -> str:
    """The refusal of a village-level finder, assignee or concealer at ``own``, an urban community's code answered
    as its township's (``township``) by residents_committee_place=township: one message for a record (who, assess,
    route, the service) and a ledger's event (session 25's note item 4: the ledger took such an event that who
    refused).

    >>> print(below_community("330102001051", "330102001000", "discovered"))  # doctest: +NORMALIZE_WHITESPACE
    place 330102001051 is an urban community's (社区: a residents' committee, with no 村委会 or 村党支部),
    answered as its 乡镇（街道）'s, 330102001000, by residents_committee_place=township: no village level answers
    there; give as finder the township or a level above it, or set residents_committee_place=village (--set for
    who, route and assess; rules/parameters.yaml for a ledger)
    """
    return (f"place {own} is an urban community's (社区: a residents' committee, with no 村委会 or 村党支部), "
            f"answered as its 乡镇（街道）'s, {township}, by {RESIDENTS_PLACE}=township: no village level answers "
            f"there; {_INSTEAD[part]}, or set {RESIDENTS_PLACE}=village (--set for who, route and assess; "
            "rules/parameters.yaml for a ledger)")


def _community(p: Problem, part: Literal["discovered", "handled", "reported", "concealed"]) -> str | None:
    """:func:`below_community` of a record re-placed at its township, else ``None``."""
    own = residents_place(p)
    return below_community(own, p.place, part) if own is not None and own != p.place else None


#: :func:`coded` by a record's place, as given: records repeat the same places.
_CODED: dict[str, tuple[str, str]] = {}


def coded(place: str) -> tuple[str, str]:
    """The 12-digit code of ``place`` (as :func:`parse_code` gives it, or its error) and its level."""
    got = _CODED.get(place)
    if got is None:
        code = parse_code(place)
        # (untracked: a tracked tuple would make the memo tracked again, and walked whole by the next young
        # collection; engine/_compile.untracked)
        got = untracked((code, level_of(code)))
        if len(_CODED) >= 100_000:
            _CODED.clear()
        _CODED[place] = got
    return got


def level_hint(policy: PolicyView, jurisdiction: Jurisdiction | None, field: str, value: str, ids: list[str]) -> str:
    """What to write in the level ``field`` instead of ``value``: where ``value`` is a place's name (``to_level:
    文昌镇``), that it is one, the levels the field takes and the one of that place, and the fields a place or a
    body goes in (ux44: it was "did you mean '镇'", which never said the name was a place's, nor where a place or
    the body the step went to is written); else :func:`term_hint`."""
    found = jurisdiction.named(value.strip()) if jurisdiction is not None else []
    if not found:
        return term_hint(policy, "level", value, ids)
    names = {lv.id: lv.name for lv in policy.data.vocabulary.levels}
    allowed = ", ".join(f"{names.get(i, i)} ({i})" for i in ids)
    own = sorted({x.level for x in found}, key=lambda lv: ids.index(lv) if lv in ids else len(ids))
    theirs = " or ".join(f"{names.get(lv, lv)} ({lv})" for lv in own)
    body = {"discovered.level": "discovered.body"}.get(field) or \
        (field.removesuffix("to_level") + "to_body" if field.endswith("to_level") else None)
    where = f"`{body}` names the body at that level (an id or a Chinese name), " if body else ""
    return (f"{value!r} is a place's name ({found[0].code}{', …' if len(found) > 1 else ''}), not a level; "
            f"a level is one of {allowed} — {value}'s is {theirs}; {where}and where the problem lies is the "
            "record's `place`, a division code")


def place_name_hint(jurisdiction: Jurisdiction | None, text: Any) -> str | None:
    """What to write where a place's name is given for its division code (a record's ``place``,
    ``--place``): ``'千岛湖镇' is a place's name; give its division code: 330127100000 (淳安县, 杭州市)``,
    every place of that name (the first five); ``None`` when no place is called ``text``."""
    found = jurisdiction.named(text.strip()) if isinstance(text, str) and jurisdiction is not None else []
    if not found:
        return None
    where = "; ".join(f"{x.code} ({', '.join(a.name for a in jurisdiction.ancestors(x.code)[1:3])})"  # type: ignore[union-attr]
                      for x in found[:5])
    return f"{text!r} is a place's name; give its division code: {where}{' …' if len(found) > 5 else ''}"


def _check(p: Problem, policy: PolicyView, jurisdiction: Jurisdiction, today: dt.date | None,
           state: _ParseState | None = None) -> None:
    """:func:`_check_all`, short of what a record of the same kind was found sound in before: the
    checks that read no date (names, levels, directions, concealment) depend on the record's area,
    kind, sector, place's level, discovery (level, channel, body), steps (action, levels, body) and
    concealers alone; those are kept per policy once they pass, and such a record has only its
    dates checked (any fault is then reported by :func:`_check_all`, as before). ``state``: the policy's
    :func:`_state`, where the caller has it."""
    # (the fields read from the models' dicts: a pydantic model's attribute is read through its __getattr__ hook)
    rec = p.__dict__
    d = rec["discovered"]
    if d is None:
        return _check_all(p, policy, jurisdiction, today)
    try:
        code, level = _CODED.get(rec["place"]) or coded(rec["place"])
    except JurisdictionError:
        return _check_all(p, policy, jurisdiction, today)
    if jurisdiction.get(code) is None:
        return _check_all(p, policy, jurisdiction, today)
    found, handled = d.__dict__, rec["handled"]
    key = (rec["area"], rec["kind"], rec["sector"], level, found["level"], found["channel"], found["body"],
           tuple([(h["action"], h["by_level"], h["to_level"], h["to_body"]) for h in [x.__dict__ for x in handled]])
           if handled else (), tuple(rec["concealed_by"]))
    if state is None:
        state = _state(policy)
    sound = state.sound
    if key not in sound or _date_fault(p, today, *state.in_force) is not None:
        _check_all(p, policy, jurisdiction, today)
        if len(sound) >= 100_000:
            sound.clear()
        sound[key] = None


#: The parameter that names the day the policy's duties apply from (rules/parameters.yaml), when it has one.
IN_FORCE_FROM = "policy_in_force_from"


def in_force(policy: PolicyView) -> tuple[dt.date | None, bool]:
    """The day the policy takes effect, and whether a record only partly before it is judged (for what lies
    after it) rather than refused: the parameter ``policy_in_force_from`` when the policy has one (then the
    engine leaves out what lies before the day, and only a record assessed before it is refused), else
    ``effective_from`` of rules/policy.yaml (a problem discovered before it is refused)."""
    if IN_FORCE_FROM in policy.parameters:
        value = policy.parameter(IN_FORCE_FROM)
        if isinstance(value, dt.date):
            return value, True
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip()), True
            except ValueError:
                pass
    return policy.data.meta.effective_from, False


def _date_fault(p: Problem, today: dt.date | None, since: dt.date | None = None,
                whole: bool = False) -> tuple[str, str, str] | None:
    """The first date of ``p`` out of order, as (field, message, reason code), else ``None``: the one
    statement of the date rules, which :func:`_check_all` reports and :func:`_check` reads for a record of
    a sound shape.

    The discovery is on or after ``since``, the day the policy takes effect (``effective_from`` of
    rules/policy.yaml: its duties do not reach back to a problem found before they were given;
    ``before_effect``); with ``whole`` (the day is the parameter ``policy_in_force_from``, see
    :func:`in_force`) only the assessment date must be on or after it. Handling, rectification and the
    deadline come on or after the discovery; nothing after the assessment date (``as_of``, else
    ``today``), which is not before the discovery; the deadline not before the first assignment; each step not
    before the one listed before it; a step's own deadline not before its step (``order_violation``), and only on an
    assignment (``bad_value``). (:func:`_plainly_in_order` says where there is plainly none: change both together;
    tests/test_problem.py draws dates either side of each rule.)"""
    rec = p.__dict__  # (read from the model's dict, as :func:`_check` reads it)
    d = rec["discovered"]
    if d is None:
        return None
    on = d.__dict__["on"]
    order = "order_violation"
    given_as_of, rectified_on, deadline = rec["as_of"], rec["rectified_on"], rec["deadline"]
    handled = [h.__dict__ for h in rec["handled"]]
    # (a discovery on or after that day with an assessment before it is an assessment before the discovery: the
    # order check below names as_of; review22b R22b-10 saw "discovered on 2021-03-01 … both before 2020-03-06")
    if whole and since is not None and on < since and (given_as_of or today or dt.date.today()) < since:
        return ("discovered.on",
                f"discovered on {on} and assessed on {given_as_of or today or dt.date.today()}, both before the policy "
                f"took effect on {since} ({IN_FORCE_FROM} in rules/parameters.yaml): nothing of the record lies under "
                "its duties; judge it under the rules then in force, or correct the date", "before_effect")
    if not whole and since is not None and on < since:
        return ("discovered.on", f"discovered on {on}, before the policy took effect on {since} (effective_from in "
                "rules/policy.yaml): its duties do not reach back to a problem found before they were given; "
                "judge it under the rules then in force, or correct the date", "before_effect")
    for i, h in enumerate(handled):
        if h["on"] < on:
            return f"handled[{i}].on", f"handled on {h['on']} before it was discovered on {on}", order
    if rectified_on is not None and rectified_on < on:
        return "rectified_on", f"rectified on {rectified_on} before it was discovered on {on}", order
    if deadline is not None and deadline < on:
        return "deadline", f"deadline {deadline} is before the discovery on {on}", order
    as_of = given_as_of or today or dt.date.today()
    if as_of < on:
        return ("as_of" if given_as_of else "discovered.on",
                f"discovered on {on}, after the assessment date {as_of}; set as_of to the day of the assessment", order)
    for i, h in enumerate(handled):
        if h["on"] > as_of:
            return f"handled[{i}].on", f"handled on {h['on']}, after the assessment date {as_of}", order
    for i in range(1, len(handled)):
        # the steps as they happened (README, docs/records.md): the engine reads a day's steps in the order listed (a
        # hand-back the same day), so a list whose days go back contradicts itself (check61 T1: the township's
        # assignment of 03-04 listed after the report that reached it on 03-06 was judged, its clock from 03-04)
        if handled[i]["on"] < handled[i - 1]["on"]:
            return (f"handled[{i}].on", f"handled on {handled[i]['on']}, before the step listed before it "
                    f"(handled[{i - 1}], on {handled[i - 1]['on']}): list the steps in the order they happened", order)
    if rectified_on is not None and rectified_on > as_of:
        return "rectified_on", f"rectified on {rectified_on}, after the assessment date {as_of}", order
    if deadline is not None and handled:
        assigned = [h["on"] for h in handled if h["action"] == "assigned"]
        if assigned and deadline < min(assigned):
            return "deadline", f"deadline {deadline} is before the problem was assigned on {min(assigned)}", order
    for i, h in enumerate(handled):
        # a step's own deadline (an assignment's terms, read for its assignee in place of the record's): set by a 交办,
        # never by a report upward (上报 hands no period to anyone), and not before the step that set it
        own = h.get("deadline")
        if own is None:
            continue
        if h["action"] != "assigned":
            return (f"handled[{i}].deadline", f"a report upward ({h['by_level']} to {h['to_level']} on {h['on']}) "
                    "sets no deadline; give the deadline on the assignment that set it, or as the record's "
                    "'deadline'", "bad_value")
        if own < h["on"]:
            return (f"handled[{i}].deadline", f"deadline {own} is before the assignment that set it on {h['on']}",
                    order)
    return None


class _Refused(Exception):
    """One check of :func:`_check_all` refused the record (its words are kept): the checks that do not rest on it go
    on."""


def _check_all(p: Problem, policy: PolicyView, jurisdiction: Jurisdiction, today: dt.date | None) -> None:
    """Every fault of ``p`` against the policy and the jurisdiction (:func:`_faults`), raised as one
    :class:`ProblemError`: the first named by its field and the others after it, as :func:`_problem_error` says
    pydantic's (a user mending a record met its area, place, level and channel faults one per run: ux48 left)."""
    if faults := _faults(p, policy, jurisdiction, today):
        raise _joined(faults, p.id)


#: In :func:`_faults`' ``skip``: the record has an unknown field, likely a known one misspelt ('discover'), which is
#: said; a missing discovery is not said as well.
_MISSPELT = "(misspelt)"
#: A record's fields that hold a day (a step's and the discovery's ``on`` besides).
_DAY_FIELDS = frozenset({"deadline", "rectified_on", "as_of", "discovered", "handled"})


def _faults(p: Problem, policy: PolicyView, jurisdiction: Jurisdiction, today: dt.date | None,
            skip: frozenset[str] = frozenset()) -> list[ProblemError]:
    """Every fault of ``p`` against the policy and the jurisdiction, in the order the checks are made. A check that
    rests on a field found wrong (a level's rank, a channel's levels, a body's level) is not made, nor one of a field
    in ``skip`` (pydantic refused it, and ``p`` holds a stand-in there: :func:`_policy_faults`); no day's order is
    judged where a day was refused."""
    faults: list[ProblemError] = []

    def given(field: str) -> bool:
        return field not in skip

    def fail(field: str, message: str, code: str) -> NoReturn:
        faults.append(ProblemError(field, message, record=p.id, code=code))
        raise _Refused

    def checked(check: Callable[..., object], *args: Any) -> bool:
        """Whether ``check(*args)`` passed (its fault, if any, is kept)."""
        try:
            check(*args)
        except _Refused:
            return False
        return True

    def area() -> None:
        if p.area not in policy._memo("problem areas", lambda: frozenset(policy.problem_areas)):
            # a record may name an area by id or by its Chinese name: hint from both
            fail("area", f"unknown duty area {p.area!r}; "
                 f"{term_hint(policy, 'area', p.area, list(policy.problem_areas))}", "unknown_area")

    def kind() -> None:
        if p.kind is not None and (p.area, p.kind) not in policy.kinds:
            kinds = [k for a, k in policy.kinds if a == p.area]
            hint = term_hint(policy, f"kind:{p.area}", p.kind, kinds)
            fail("kind", f"unknown problem kind {p.kind!r} in {p.area}; {hint}", "unknown_kind")

    def sector(area_known: bool) -> None:
        if p.sector is not None and p.sector not in policy.sectors and (
                p.sector not in policy.bodies or policy.bodies[p.sector].role
                or policy.bodies[p.sector].sector is None):
            if p.sector in policy.bodies or p.sector.isascii():
                choices = sorted({*policy.sectors, *(b for b, x in policy.bodies.items() if x.sector and not x.role)})
                hint = suggest(p.sector, choices) or "use a sector such as " + ", ".join(sorted(policy.sectors)[:6]) \
                    + " …"
            else:  # a Chinese name: the line it names (a sector's id), not a department of a level it does not say
                hint = sector_hint(policy, p.sector)
            fail("sector", f"unknown sector or body {p.sector!r}; {hint}", "unknown_sector")
        if area_known and p.sector is not None and \
                (line := policy.sector_of(p.sector)) not in policy.sectors_with_part(p.area):
            # 二(二)3 按照职责分工…涉及本部门问题: a line the text gives no duty in the area does not make its
            # department answer; refused, not read as naming it (probe9 P9-14)
            fail("sector", sector_refusal(policy, p.area, p.sector, str(line)), "sector_not_in_area")

    # (what rests on the area and kind — a stand-in's holders, a concealer's part — is asked only of known ones)
    area_ok = given("area") and checked(area)
    area_ok = given("kind") and checked(kind) and area_ok if area_ok else False
    if given("sector"):
        checked(lambda: sector(area_ok))
    code = place_level = ""

    def place() -> None:
        nonlocal code, place_level
        try:
            code, place_level = coded(p.place)
        except JurisdictionError as exc:
            # a place's name where its code is due: say which code it is (newcomer10 N10-10)
            fail("place", place_name_hint(jurisdiction, p.place) or str(exc), "bad_place")
        # an urban community's record is answered at its township's code (residents_committee_place=township): the
        # place the record gave must be in the jurisdiction too, and is the one named (session 31: a community of a
        # township not in it was refused as "place 330127001000", a code the user never wrote; one of a township in
        # it but itself not was taken, where under =village, in the ledger and in the bulk path it is refused)
        own = residents_place(p)
        if jurisdiction.get(code) is None or \
                (own is not None and own != p.place and jurisdiction.get(coded(own)[0]) is None):
            fail("place", f"place {own or p.place} is not in jurisdiction {jurisdiction.name!r}; "
                 + (jurisdiction.missing(own or p.place)
                    or "pass the jurisdiction that contains it (--jurisdiction)"), "unknown_place")

    # (a place outside the jurisdiction still has a level: the checks against its rank are made; one not read has none)
    if given("place"):
        checked(place)
    levels = policy.level_rank
    place_rank = levels[place_level] if place_level else None

    def level(field: str, value: str) -> None:
        if value not in levels:
            if not value.strip():  # an empty cell of a Parquet file or a frame: as an empty CSV cell, absent (input23)
                fail(field, f"is empty; give one of {', '.join(levels)}", "missing_field")
            fail(field, f"unknown level {value!r}; {level_hint(policy, jurisdiction, field, value, list(levels))}",
                 "unknown_level")

    def body(field: str, value: str, level: str) -> None:
        if value not in policy.bodies:
            fail(field, f"unknown body {value!r}; {body_hint(policy, value, level if level in levels else None)}",
                 "unknown_body")
        if area_ok and (stand_in := stand_in_refusal(policy, field, value, p.area, p.kind)) is not None:
            fail(field, stand_in, "unknown_body")

    d = p.discovered if given("discovered") else None
    found_level = channel_known = False
    if d is not None:
        found_level = given("discovered.level") and checked(lambda: level("discovered.level", d.level))

        def channel() -> None:
            if d.channel not in policy.channels:
                fail("discovered.channel", f"unknown channel {d.channel!r}; "
                     f"{term_hint(policy, 'channel', d.channel, list(policy.channels))}", "unknown_channel")

        def finder() -> None:
            run_by = policy.channels[d.channel].levels
            if run_by is not None and d.level not in run_by:
                # a channel the text gives other levels (全科网格 is 县级's, 一(一); 调查核查 省市两级's; 上级核查 a
                # level above another's; 审计 the county's and up): the record most likely names the wrong finder
                # (review20 R20-7)
                fail("discovered.level", channel_level_refusal(policy, d.channel, d.level), "level_mismatch")
            if place_rank is not None and levels[d.level] < place_rank:
                # the place is where the problem came to light, within the finder's reach; what exceeds the finder's
                # authority it reports upward (一(三) 对超出本级权限的及时向上级单位报送问题; probe10 P10-13). For a
                # policy gap the place's level also says whose policy it is (PolicyView.authority; review10 R10A-05).
                fail("discovered.level", _community(p, "discovered") or f"a {d.level} cannot find a problem located "
                     f"at a {level_of(code)}; give as place where it came to light, at or below the finder (the "
                     f"{d.level}'s own code or one under it), and record its report upward — a policy gap placed "
                     "there is read as the province's policy (a city code names the city's own)", "level_mismatch")

        def finding_body(body_id: str) -> None:
            body("discovered.body", body_id, d.level)
            if found_level and policy.bodies[body_id].level != d.level:
                fail("discovered.body", level_body_hint(policy, body_id, d.level, "discovered.level"),
                     "level_mismatch")

        channel_known = given("discovered.channel") and checked(channel)
        if found_level and channel_known:
            checked(finder)
        if d.body is not None and given("discovered.body"):
            checked(lambda: finding_body(d.body))  # type: ignore[arg-type]
    elif given("discovered") and given(_MISSPELT) and (p.handled or p.rectified_on or p.concealed_by):
        checked(lambda: fail("discovered", "the problem was handled, rectified or concealed but has no "
                             "'discovered'; say when and by whom it was found", "missing_discovery"))

    def step(i: int, h: Any) -> None:
        f = f"handled[{i}]"
        by = given(f"{f}.by_level") and checked(lambda: level(f"{f}.by_level", h.by_level))
        to = given(f"{f}.to_level") and checked(lambda: level(f"{f}.to_level", h.to_level))

        def reporter() -> None:
            if place_rank is not None and levels[h.by_level] < place_rank and (said := _community(p, "reported")):
                # a village that reports an urban community's problem: no village level answers there, as for a
                # finder, an assignee or a concealer (the bulk path sends such a record here to be refused,
                # batch/_encode)
                fail(f"{f}.by_level", said, "level_mismatch")

        def taker() -> None:
            if h.to_body is not None:
                body(f"{f}.to_body", h.to_body, h.to_level)
                if to and policy.bodies[h.to_body].level != h.to_level:
                    fail(f"{f}.to_body", level_body_hint(policy, h.to_body, h.to_level, f"{f}.to_level"),
                         "level_mismatch")

        def direction() -> None:
            if h.action == "reported" and levels[h.to_level] <= levels[h.by_level]:
                fail(f"{f}.to_level", "a report goes to a higher level; use action 'assigned' to pass it down",
                     "wrong_direction")
            if h.action == "assigned" and levels[h.to_level] > levels[h.by_level]:
                fail(f"{f}.to_level", "an assignment goes to the same or a lower level; use 'reported' to go up",
                     "wrong_direction")

        def below_place() -> None:
            if place_rank is not None and levels[h.to_level] < place_rank:
                fail(f"{f}.to_level", _community(p, "handled")
                     or f"the place is a {level_of(code)}; nothing below it can take the problem", "level_mismatch")

        if by:
            checked(reporter)
        if given(f"{f}.to_body"):
            checked(taker)
        if by and to and given(f"{f}.action"):
            checked(direction)
        if to:
            checked(below_place)

    def concealer(field: str, who: str, found: bool) -> None:
        """The faults of one concealer; against the discovery only where its level and channel were read."""
        if who not in levels and who not in policy.bodies:
            if len(parts := [w.strip() for w in re.split(r"[,，]", who) if w.strip()]) > 1:
                # ([村，乡镇] typed with a Chinese input method: one item, '村,乡镇', "did you mean 乡镇（街道）?")
                fail(field, f"{who!r} is {len(parts)} names in one item: write each as an item of its own, "
                     f"[{', '.join(parts)}] (a full-width '，' does not part a YAML list's items; ',' does)",
                     "unknown_body")
            hint = suggest(who, levels) if who.isascii() else ""
            fail(field, f"{who!r} is neither a level nor a body; {hint or body_hint(policy, who, levels_too=True)}",
                 "unknown_body")
        if area_ok and (stand_in := stand_in_refusal(policy, field, who, p.area, p.kind, concealer=True)) is not None:
            fail(field, stand_in, "unknown_body")
        if not found or d is None:  # (its place against the discovery's is not asked of a discovery refused)
            return
        level_id = who if who in levels else policy.bodies[who].level
        # 一(四): concealment or omission during a higher level's verification, inspection or audit.
        channel = policy.channels[d.channel]
        if channel.own_work and not channel.verification:
            # what refuses it is that the channel is no check, not that it is a level's own work: 核查普查, 调查核查
            # and 调研督导 are own work too, and checks (check48a #5)
            fail(field, f"the problem was found through {d.channel!r} ({channel.name}), which is no check: "
                 "concealment is during a higher level's check, inspection or audit (一(四) 对上级核查和巡视审计等"
                 f"过程中瞒报漏报问题的); give the check it was hidden from as discovered.channel "
                 f"({_checks_named(policy, d.level, own_work=True)}), or leave concealed_by out", "concealment")
        # a unit placed at the level but not of it (a school: 二(六)2(2) 县教育局负责各有关学校学生资助对象认定、
        # 审核) is below it by unit_below_own_level, as for discovery: its level's check of it is a 上级核查
        # (review37 D2)
        below = levels[level_id] == levels[d.level] and unit_below_level(policy, who, p.area, p.kind)
        if below and who == d.body:
            fail(field, f"{who!r} found the problem; it cannot have concealed it", "concealment")
        if not below and levels[level_id] == levels[d.level] and SAME_LEVEL_CONCEALMENT in policy.parameters:
            # 一(四) 巡视审计等过程中: a department may conceal a problem from its own level's audit or other oversight
            # (same_level_oversight_concealment decides whether that is 瞒报; review20 R20-2) — a body, not the level
            # (which includes the finder), and not the finder itself
            if not channel.oversight:
                fail(field, f"{who!r} is at the {d.level} that found the problem through {d.channel!r}; concealment "
                     "within a level is from its own audit, inspection or other oversight (一(四) 巡视审计等过程中: "
                     f"{', '.join(c for c, x in policy.channels.items() if x.oversight)}), else from a higher level's "
                     "verification", "concealment")
            if who in levels:
                fail(field, f"the {d.level}'s own {d.channel!r} found the problem; name the body of the {d.level} "
                     f"that concealed it from it, not the level (which includes the finder)", "concealment")
            if who == d.body:
                fail(field, f"{who!r} found the problem; it cannot have concealed it", "concealment")
            if d.body is None and who in channel_organs(policy, d.channel, d.level):
                # 一(四) 对上级核查和巡视审计等过程中瞒报漏报问题的: concealment is from a check, by those
                # checked; a record naming no finder was found by the organ running the check (review32 F2:
                # 县审计部门 was named 瞒报漏报 in its own audit, with leadership when grave)
                fail(field, f"{who!r} runs the {d.level}'s {d.channel!r}, which found the problem, and cannot have "
                     "concealed it from its own check; name the body that hid it from the check, or, if another "
                     f"body found it, give that body as discovered.body", "concealment")
        elif not below and levels[level_id] >= levels[d.level]:
            fail(field, f"{who!r} is not below the {d.level} that verified and found the problem; "
                 "concealment is from a higher level's verification (一(四))", "concealment")
        if (below or levels[level_id] < levels[d.level]) and not (channel.verification or channel.oversight):
            # 一(四) 对上级核查和巡视审计等过程中瞒报漏报问题的: a hotline, a platform or the press checks no one, and
            # nobody reports to them; the record says no check in which the concealer had to report (review29 #1)
            # (what the user needs: that the channel is no check, and a few checks to give; every check of the
            # policy was ~330 characters of ids, ux49 left)
            fail(field, f"the problem was found through {d.channel!r} ({channel.name}), which checks no one; "
                 "concealment is during a higher level's check (一(四) 上级核查和巡视审计等过程中): give that check as "
                 f"discovered.channel ({_checks_named(policy, d.level)}), or leave concealed_by out", "concealment")
        if place_rank is not None and levels[level_id] < place_rank:
            fail(field, _community(p, "concealed")
                 or f"the place is a {level_of(code)}; nothing below it can conceal the problem", "concealment")
        stage = policy.failures["concealed"].stage if "concealed" in policy.failures else "handling"
        if who in levels and not any(policy.bodies[b].level == who
                                     for b in policy.stage_holders(p.area, p.kind, stage)):
            fail(field, f"no {who} body answers for this kind of problem; name the body that concealed it",
                 "concealment")

    for i, h in enumerate(p.handled if given("handled") else ()):
        if given(f"handled[{i}]"):
            step(i, h)
    dated = not any(f in _DAY_FIELDS or f.endswith(".on") or (f.startswith("handled[") and f.endswith("]"))
                    for f in skip)
    fault = _date_fault(p, today, *in_force(policy)) if dated else None
    # (each code written out: tests/test_records_doc reads the codes given here against docs/records.md's table)
    if fault is not None and fault[2] == "before_effect":
        faults.append(ProblemError(fault[0], fault[1], record=p.id, code="before_effect"))
    elif fault is not None and fault[2] == "bad_value":  # (a report's own deadline: _date_fault)
        faults.append(ProblemError(fault[0], fault[1], record=p.id, code="bad_value"))
    elif fault is not None:
        faults.append(ProblemError(fault[0], fault[1], record=p.id, code="order_violation"))
    for i, who in enumerate(p.concealed_by if given("concealed_by") else ()):
        if given(f"concealed_by[{i}]"):
            checked(concealer, f"concealed_by[{i}]", who, area_ok and found_level and channel_known)
    return faults


def _checks_named(policy: PolicyView, level: str, own_work: bool = False) -> str:
    """A few of the checks a concealment can be from, for a refusal, each run at ``level``: for a find by a level's
    own work, its own checks first (核查普查); else those the text's 一(四) names itself (上级核查, 巡视, 审计) first;
    three named, the rest "…" (the whole list of ids was longer than the rest of the message)."""
    every = [c for c, x in policy.channels.items() if x.verification or x.oversight]
    checks = [c for c in every if level in (policy.channels[c].levels or (level,))] or every
    checks.sort(key=lambda c: not policy.channels[c].own_work if own_work
                else "一(四)" not in policy.channels[c].clauses)
    return ", ".join(checks[:3]) + (" …" if len(checks) > 3 else "")


def unit_below_level(policy: PolicyView, body: str, area: str | None = None, kind: str | None = None) -> bool:
    """Whether ``body`` is a unit placed at its level but below it (a school, placed at the county and not the county's
    级: 二(六)2(1) 学校认定, then 二(六)2(2) 县教育局…审核): its kind is listed in accountability.yaml's
    ``not_discovered.below_own_level`` and the parameter ``unit_below_own_level`` is true. Such a unit misses what
    another body of its level found (engine/_compile), and conceals from its level's check as from a higher level's
    (一(四) 对上级核查…瞒报漏报; review37 D2); with the parameter false it is of its level for both. Given the problem's
    ``area`` (and ``kind``), only where the text gives the unit a part in it (:meth:`PolicyView.has_kind_part`): what
    puts a school below its county is the education bureau's 审核 of its own work, which says nothing of a problem that
    is not the school's (a late medical assistance; check38 D3)."""
    b = policy.bodies.get(body)
    if b is None or BELOW not in policy.parameters or not policy.parameter(BELOW) \
            or "not_discovered" not in policy.failures:
        return False
    return b.kind in policy.failures["not_discovered"].below_own_level and (
        area is None or policy.has_kind_part(area, kind, body))


def units_below_at(policy: PolicyView, area: str, kind: str | None, level: str) -> bool:
    """Whether a body of ``level`` is of a kind placed at its level but below it (accountability.yaml's
    ``not_discovered.below_own_level``: the school) with a part in the problem of ``area`` and ``kind``, whatever
    unit_below_own_level's value: a level named as concealer then knows the problem for the unit or not by that
    parameter (engine/_decide ``without_knowers_missing``; check62 X4)."""
    if BELOW not in policy.parameters or "not_discovered" not in policy.failures:
        return False
    kinds = policy.failures["not_discovered"].below_own_level
    return any(b.level == level and b.kind in kinds and policy.has_kind_part(area, kind, b.id)
               for b in policy.bodies.values())


def is_problem(value: object) -> bool:
    """Whether ``value`` is a :class:`Problem` (none can exist before the record models are imported, so asking
    imports nothing)."""
    records = sys.modules.get(f"{__package__}._records")
    return records is not None and isinstance(value, records.Problem)


def __getattr__(name: str) -> Any:
    """The record models (:class:`Problem`, :class:`Discovered`, :class:`Handling`) and their field types, from
    :mod:`._records` on first use: pydantic is imported where a record is validated, not by every start."""
    if name in ("Problem", "Discovered", "Handling", "Day", "Text"):
        from . import _records

        return getattr(_records, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
