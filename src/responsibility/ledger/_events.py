"""Ledger events: what may be recorded about a problem, checked field by field.

An event is one fact about one problem on one day: ``problem`` (its id), ``type``, ``on``
(the day it happened), the fields of its type, and who entered it. Events are never
edited: a wrong one is superseded by a ``corrected`` event that names it (by ``seq``),
gives the reason and the replacement fields (or ``void: true``).

Types and their fields (``?`` optional)::

    registered   domain, kind?, sector?, place, severity?, description?,    一(三) 台账
                 level?
    discovered   level, channel, body?                                      一(一)–(二)
    assigned     by_level, to_level, to_body?, by_body?, deadline?          交办
    reported     by_level, to_level, to_body?, by_body?                     上报 (escalated)
    rectified    body?, note?                                               整改情况报告
    verified     level?, body?, note?                                       核验
    closed       level?, body?, note?                                       销号
    concealed    who (a level or a body id)                                 瞒报漏报
    merged       into (the problem it is merged into)                       集成整改 三(三)
    corrected    event (seq), reason, void? or the replacement's fields

Not checked here: anything that needs the problem's history or the policy (see ``_fold``).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .._errors import ProblemError
from .._json import kind_of
from ..engine._problem import (  # one rule for a record's text and an event's
    _NOT_TEXT,
    _SURROGATE,
    _noncharacter,
    _whole_number,
    excel_day_hint,
    from_cells,
    invisible,
    other_day_hint,
    unseen_in_day,
)

#: The fields each type takes: name -> required.
FIELDS: dict[str, dict[str, bool]] = {
    "registered": {"domain": True, "kind": False, "sector": False, "place": True, "severity": False,
                   "description": False, "level": False},
    "discovered": {"level": True, "channel": True, "body": False},
    "assigned": {"by_level": True, "to_level": True, "to_body": False, "by_body": False, "deadline": False},
    "reported": {"by_level": True, "to_level": True, "to_body": False, "by_body": False},
    "rectified": {"body": False, "note": False},
    "verified": {"level": False, "body": False, "note": False},
    "closed": {"level": False, "body": False, "note": False},
    "concealed": {"who": True},
    "merged": {"into": True},
    "corrected": {"event": True, "reason": True, "void": False},
}
TYPES: tuple[str, ...] = tuple(FIELDS)
#: Fields every event has besides its type's own.
COMMON = ("problem", "type", "on", "entered_by")
DATE_FIELDS = frozenset({"deadline"})

#: The reason code of every refusal of the ledger (``ProblemError.code``; the ``code`` of an
#: import's rejects and of the service's 422 answers). The codes a problem record's fields share
#: with docs/records.md mean the same here; the rest are the ledger's own.
CODES: dict[str, str] = {
    "not_an_object": "an event is not an object (a number, a list, text)",
    "unknown_field": "a field the event's type does not have",
    "missing_field": "a required field (or cell) is absent or empty",
    "wrong_type": "a field has the wrong type (a list where text is expected, a number or true/false where a name is, "
                  "a seq that is no number)",
    "bad_value": "text too long or with control characters; an unknown severity, period or "
                 "language; a number of days outside 0-3650; a problem merged into itself",
    "bad_text": "text with a lone surrogate (half of a UTF-16 pair: no character, cannot be stored as UTF-8)",
    "bad_date": "not a YYYY-MM-DD day between 1900 and 2999 (or no such day)",
    "future_date": "an event dated after tomorrow (a day to come is an assignment's deadline)",
    "unknown_event_type": "not one of the event types",
    "unknown_problem": "no such problem in the ledger",
    "unknown_event": "no such event (seq) to correct, or one about another problem",
    "bad_correction": "a correction of a correction, a void of what cannot be voided, a correction that both "
                      "voids and replaces, or a replacement of another type or problem than the event corrected",
    "bad_merge": "a merge that does not join reports of one problem (area, kind, sector or county differ; the joined "
                 "record would not hold; a rectified report merged into an open one)",
    "duplicate_problem": "a problem registered (or imported) twice",
    "duplicate_event": "a rectification reported twice",
    "problem_closed": "an event for a problem closed or merged into another (record it there)",
    "missing_discovery": "handled, rectified or closed before any discovery was recorded",
    "order_violation": "dates out of order: before the registration, discovery or rectification, a deadline "
                       "before its assignment, verified or closed before it was rectified",
    "wrong_direction": "an assignment upward or a report downward",
    "level_mismatch": "a body at another level than named, or a level below the place",
    "concealment": "a concealer below the place (a village level at an urban community, answered at its 街道)",
    "unknown_area": "not a problem area of the policy",
    "unknown_kind": "not a problem kind of the area",
    "unknown_sector": "a sector that is neither a sector of the policy's bodies nor a body that has one",
    "sector_not_in_area": "a sector whose line holds no duty in the problem's area",
    "unknown_level": "not a level of the chain",
    "ambiguous_level": "a level's Chinese word that names two levels at the place (市 in a county-level city)",
    "unknown_channel": "not a discovery channel of the policy",
    "unknown_body": "not a body of the policy (or, for concealed, neither a level nor a body), or a verdict's stand-in "
                    "for a body the record does not name (kind unresolved_holders)",
    "unknown_status": "not a status of the lists (nor open)",
    "bad_place": "not a 2/4/6/9/12-digit division code",
    "unknown_place": "a place outside the ledger's jurisdiction",
    "outside_jurisdiction": "(import) a row placed outside the jurisdiction the import may write",
    "bad_row": "(import) a row with more cells than the header, a cell too long, rows run together by a stray quote",
    "bad_encoding": "(import, CSV) a row with bytes that are not text in the file's encoding",
}


def shown(value: Any) -> str:
    """A value as a user wrote it, for an error message (not Python's repr): text quoted with its
    control characters escaped, dates as ISO days, numbers as numbers, lists and objects as JSON."""
    if isinstance(value, str):
        return repr(value)  # quoted; an escape sequence in a cell shows as \x1b, never acts on the terminal
    if value is None:
        return "null (nothing)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, int) and value.bit_length() > 128:  # (str() of one of over 4,300 digits raises: R24b-4)
        return f"a number of about {int(value.bit_length() * 0.30103) + 1} digits"
    if isinstance(value, int | float):
        return str(value)
    try:
        text = json.dumps(value, ensure_ascii=False, default=str)
    except (TypeError, ValueError):
        text = str(value)
    return text if len(text) <= 80 else text[:77] + "..."




#: The days a ledger's dates may name: those a problem record may (engine/_problem.parse_day).
FIRST_DAY, LAST_DAY = dt.date(1900, 1, 1), dt.date(2999, 12, 31)


_DAY = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?))?")


def _valid_time(text: str) -> bool:
    try:
        dt.time.fromisoformat(text)
    except ValueError:
        return False
    return True


def missing(value: Any) -> bool:
    """``value`` stands for no value: ``None``, empty or blank text, or pandas' missing date ``NaT`` (a record's
    ``NaT`` is an absent field; in an event it was "Cannot compare NaT with datetime.date object", a TypeError).
    Blank text is none, as in a record (docs/records.md: spaces only are empty text on every path): an event's ``on``
    of spaces was bad_date where a record's ``discovered.on`` is missing_field, and a ``deadline`` of spaces was
    refused where a record reads it as no deadline (hostile63)."""
    return value is None or (isinstance(value, str) and not value.strip()) or type(value).__name__ == "NaTType"


def zoned(value: Any) -> str | None:
    """The refusal's text for a date and time that carries a time zone (a ``datetime`` or pandas'
    ``Timestamp`` with ``tzinfo``), ``None`` for anything else. Which day such an instant is depends
    on the zone whose calendar is meant, which the ledger does not know (2021-06-01 23:30 at UTC-5 is
    the 2nd in Zhejiang); its text (``2021-06-01T23:30-05:00``) is refused by every reader, and the
    object is refused alike rather than read as the day it shows (hostile32, left; docs/ledger.md)."""
    if not isinstance(value, dt.datetime) or value.tzinfo is None:
        return None
    return (f"{value.isoformat()} has a time zone, so which day it is depends on the zone's calendar; give the day "
            "itself, YYYY-MM-DD (of a datetime d, d.date() is the day it shows, "
            "d.astimezone(zoneinfo.ZoneInfo('Asia/Shanghai')).date() the day in China)")


def _date(value: Any, field_name: str, problem: str | None) -> dt.date:
    if isinstance(value, dt.datetime):
        if (why := zoned(value)) is not None:
            raise ProblemError(field_name, why, record=problem, code="bad_date")
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    else:
        if type(value).__name__ in ("datetime64", "date32", "Date"):  # numpy's and Arrow's days, as a record's
            value = str(value)
        # Text only (a number is no day, as in a record); a time of day may follow, but nothing
        # else: "2021-06-189" and "2021-06-18T25:99" are not the 18th.
        m = _DAY.fullmatch(unicodedata.normalize("NFKC", value).strip()) if isinstance(value, str) else None
        if m is None and isinstance(value, str) and _SURROGATE.search(value):
            # bad_text, as a record's date holding one is refused (engine/_problem.unwritable_part) and as the
            # ledger's text is (_clean): it was bad_date here (hostile63)
            raise ProblemError(field_name, "not valid Unicode text (a lone surrogate, half of a UTF-16 surrogate pair "
                               "such as \\ud800); remove it, or write the whole character", record=problem,
                               code="bad_text")
        if m is None or (m[2] is not None and not _valid_time(m[2])):
            # a day written otherwise (2021/3/1) is told its YYYY-MM-DD, as a record's is (newcomer40), without the
            # advice on Excel's date column: an event is typed (ledger add's file, a request); a workbook's cells go
            # through the import's own reading of days (ux47 left). An Excel day number keeps the column's advice
            # but where the events are known typed (ledger add, the service: typed_records)
            raise ProblemError(field_name, other_day_hint(value, cell=False)
                               or excel_day_hint(value, cell=from_cells()) or unseen_in_day(value)
                               or f"not a date (YYYY-MM-DD): {shown(value)}",
                               record=problem, code="bad_date")
        try:
            day = dt.date.fromisoformat(m[1])
        except ValueError:
            month = int(m[1][5:7])  # (2021-13-01 was "no such day": ux46)
            what = "no such day); write a day that exists" if 1 <= month <= 12 else \
                f"no month {month}); write the year, month and day"
            raise ProblemError(field_name, f"{shown(value)} is not a valid date ({what}, as YYYY-MM-DD",
                               record=problem, code="bad_date") from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ProblemError(field_name, f"{day.isoformat()} is outside the years 1900-2999; write a day between "
                           "1900 and 2999 (YYYY-MM-DD)", record=problem, code="bad_date")
    return day


#: Free text (an office's description, a note, a reason) may hold line breaks and tabs and run to
#: an Excel cell's length; every other text (ids, names, who entered it) is one line of at most
#: MAX_TEXT characters, as a problem record's text is (engine/_problem).
FREE_TEXT = frozenset({"description", "note", "reason"})
MAX_TEXT, MAX_FREE_TEXT = 200, 32_767


def _clean(text: str, field_name: str, problem: str | None) -> str:
    """``text`` when it is bounded and printable; else :class:`ProblemError`. Control characters
    would act on a terminal (ESC), hide in a spreadsheet or, as the unit separator, blur what the
    hash chain hashes; a lone surrogate cannot be stored as UTF-8."""
    free = field_name in FREE_TEXT
    limit = MAX_FREE_TEXT if free else MAX_TEXT
    if len(text) > limit:
        raise ProblemError(field_name, f"longer than {limit:,} characters", record=problem, code="bad_value")
    if not free and any(map(invisible, text)):  # (printable to isprintable, and shown as nothing: check52b #4)
        raise ProblemError(field_name, f"contains an invisible character ({text!a}); delete it (retyping the value "
                           "removes it)", record=problem, code="bad_value")
    if text.isprintable():  # the common case, in C (a Chinese full-width space is not printable: below)
        return text
    for c in text:
        category = unicodedata.category(c)
        if category == "Cs":
            raise ProblemError(field_name, "not valid Unicode text (a lone surrogate, half of a UTF-16 surrogate "
                               "pair such as \\ud800); remove it, or write the whole character", record=problem,
                               code="bad_text")
        if (category in _NOT_TEXT or _noncharacter(c)) and not (free and c in "\t\n\r"):
            raise ProblemError(field_name, f"contains a control character ({c!a}); remove it",
                               record=problem, code="bad_value")
    return text


#: The event fields that name something of the policy (an area, a kind, a level, a body…): a number there is no id of
#: it, as a record's area given as 5 is refused as the number it is, not looked up as the name '5' (hostile53's left
#: item; check52b #8). Ids, places, staff numbers and free text still take a number as its digits.
_POLICY_IDS = frozenset({"domain", "kind", "sector", "severity", "level", "channel", "body", "by_level", "to_level",
                         "to_body", "by_body", "who"})


def _text(value: Any, field_name: str, problem: str | None) -> str:
    if type(value) is not str and (whole := _whole_number(value)) is not None:
        if field_name in _POLICY_IDS:
            raise ProblemError(field_name, f"expected text (an id or a name), not the number {shown(whole)}",
                               record=problem, code="wrong_type")
        value = whole  # a code read as a number (numpy's int64, a float with a gap, a NUMERIC): as a record takes it
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ProblemError(field_name, f"expected text, got {kind_of(value)}: {shown(value)}; give it as text",
                           record=problem,
                           code="wrong_type")
    if isinstance(value, int) and value.bit_length() > 128:  # no id is that long (str() of it may raise: R24b-4)
        raise ProblemError(field_name, f"{shown(value)} is no id; give the id as text", record=problem,
                           code="bad_value")
    text = str(value)
    # a problem's id keeps a record's id's rule: spaces at either end aside, as written — a CR, a tab or a line break
    # there is refused as the control character it is, as a record's id refuses it ('P1\r' was P1 here; hostile64
    # left). Every other text loses any white space at either end, as a record's other fields do.
    if not text.strip():  # (white space alone is empty text, in an id too: as a record's)
        raise ProblemError(field_name, "is empty", record=problem, code="missing_field")
    text = strip_spaces(text) if field_name in _IDS else text.strip()
    return _clean(text, field_name, problem)


#: The event fields that hold a problem's id (an event's own problem, a merge's other one).
_IDS = frozenset({"problem", "into"})


def strip_spaces(text: str) -> str:
    """``text`` without the spaces (Unicode's space separators: U+0020, U+00A0, U+3000 …) at either end."""
    start, end = 0, len(text)
    while start < end and unicodedata.category(text[start]) == "Zs":
        start += 1
    while end > start and unicodedata.category(text[end - 1]) == "Zs":
        end -= 1
    return text[start:end]


@dataclass(frozen=True, slots=True)
class Event:
    """One recorded event: ``problem``, ``type``, ``on`` and ``data`` (the type's fields).

    ``seq``, ``entered_at``, ``prev`` and ``hash`` are set by the ledger when it stores the event.

    >>> Event.parse({"problem": "p1", "type": "discovered", "on": "2021-03-01",
    ...              "level": "county", "channel": "hotline", "entered_by": "clerk"}).data
    {'level': 'county', 'channel': 'hotline'}
    """

    problem: str
    type: str
    on: dt.date
    data: dict[str, Any] = field(default_factory=dict)
    entered_by: str = ""
    seq: int | None = None
    entered_at: str | None = None
    prev: str | None = None
    hash: str | None = None

    @classmethod
    def parse(cls, raw: Mapping[str, Any], *, entered_by: str | None = None) -> Event:
        """An event from a flat mapping (the common fields and the type's own); raises
        :class:`~responsibility.ProblemError` naming the first bad field."""
        if isinstance(raw, Event):
            return raw
        if not isinstance(raw, Mapping):
            raise ProblemError("(event)", f"expected an object, got {kind_of(raw)}", code="not_an_object")
        pid = raw.get("problem")
        problem = _text(pid, "problem", None) if pid is not None else None
        if problem is None:
            raise ProblemError("problem", "is required: the id of the problem the event is about", code="missing_field")
        kind = raw.get("type")
        if "type" not in raw:
            # ("unknown event type null" named neither the missing key nor a misspelled one: check52b #6)
            from difflib import get_close_matches

            keys = [str(k) for k in raw if not any(str(k) in allowed for allowed in _ALLOWED.values())]
            typo = next((k for k in keys if get_close_matches(k, ["type"], n=1, cutoff=0.6)), None)
            said = f"unknown field {typo!r} (did you mean 'type'?); " if typo else ""
            raise ProblemError("type", f"is required: {said}the event's type, one of {', '.join(TYPES)}",
                               record=problem, code="missing_field")
        if isinstance(kind, str) and kind not in FIELDS:  # its Chinese name (交办), as docs/ledger.md gives it
            kind = type_named(kind) or kind
        if not isinstance(kind, str) or kind not in FIELDS:
            from difflib import get_close_matches

            close = get_close_matches(str(kind), TYPES, n=1)
            # (", ": the service's suggestion is what follows a message's last "; ", which was the list's last type)
            named = ", ".join(f"{t} ({'、'.join(w)})" if w else t for t, w in _type_names().items())
            hint = f"did you mean {close[0]!r}?" if close else f"use one of {named}"
            raise ProblemError("type", f"unknown event type {shown(kind)}; {hint}", record=problem,
                               code="unknown_event_type")
        spec = FIELDS[str(kind)]
        allowed = _ALLOWED[str(kind)]
        if "area" in raw and "domain" in spec:  # a record's name for the field (domain is the ledger's, older)
            if "domain" in raw:  # as a record: both names at once are refused
                raise ProblemError("domain", "give 'area' only ('domain' is its former name)", record=problem,
                                   code="unknown_field")
            raw = ledger_named(raw)
        for key in raw:
            if key not in allowed:
                from difflib import get_close_matches

                # (a record's area is written 'area': the ledger's former name 'domain' is not offered)
                fields = [*COMMON, *(RECORD_NAME.get(f, f) for f in spec)]
                close = get_close_matches(str(key), fields, n=1)
                hint = f"did you mean {close[0]!r}?" if close else "allowed: " + ", ".join(fields)
                raise ProblemError(str(key), f"unknown field for a {kind!r} event; {hint}", record=problem,
                                   code="unknown_field")
        if missing(raw.get("on")):
            raise ProblemError("on", f"is required: the day the problem was {kind}", record=problem,
                               code="missing_field")
        on = _date(raw["on"], "on", problem)
        if on > dt.date.today() + dt.timedelta(days=1):  # a day of slack for time zones
            raise ProblemError("on", f"{on.isoformat()} is in the future: an event records what has happened "
                               "(a day to come goes in an assignment's deadline)", record=problem, code="future_date")
        data: dict[str, Any] = {}
        for name, required in spec.items():
            value = raw.get(name)
            if type(value) is str and name not in DATE_FIELDS and name not in ("event", "void"):  # the common case
                text = strip_spaces(value) if name in _IDS and value.strip() else value.strip()  # (a merge's into)
                if text:
                    data[name] = _clean(text, name, problem)
                    if name == "place" and not text.isascii():  # full-width digits, as a record's place
                        data[name] = unicodedata.normalize("NFKC", data[name]).strip()
                    continue
                value = None
            if missing(value):
                if required:
                    article = "an" if kind[:1] in "aeiou" else "a"
                    raise ProblemError(name, f"is required for {article} {kind!r} event", record=problem,
                                       code="missing_field")
                continue
            if name in DATE_FIELDS:
                data[name] = _date(value, name, problem).isoformat()
            elif name == "event":
                # a whole number, as written: int() would cut 1.5 to 1 and correct another event
                whole = value if isinstance(value, int) and not isinstance(value, bool) else \
                    int(value.strip()) if isinstance(value, str) and value.strip().isascii() and \
                    value.strip().isdigit() else None
                if whole is None:
                    raise ProblemError(name, f"the seq number of the event corrected, got {shown(value)}",
                                       record=problem, code="wrong_type")
                data[name] = whole
            elif name == "void":
                yes, no = yes_no()
                flag = unicodedata.normalize("NFKC", str(value)).strip().lower() if not isinstance(value, bool) \
                    else value
                if flag not in (True, False, *yes, *no):
                    raise ProblemError(name, f"true or false (是 or 否), got {shown(value)}", record=problem,
                                       code="wrong_type")
                data[name] = flag is True or flag in yes
            else:
                data[name] = _text(value, name, problem)
        if kind == "corrected" and data.get("void") and raw.get("replace") not in (None, "", {}):
            # which was meant? The replacement was dropped in silence (review21b B21-4)
            raise ProblemError("replace", "a correction either voids the event (void: true) or gives its "
                               "replacement fields (replace: …), not both; drop one", record=problem,
                               code="bad_correction")
        if kind == "corrected" and not data.get("void"):
            replace = raw.get("replace")
            if not isinstance(replace, Mapping) or not replace:
                raise ProblemError("replace", "a correction gives the replacement fields (or void: true)",
                                   record=problem, code="missing_field")
            data["replace"] = {str(k): v for k, v in replace.items()}
        who = entered_by if entered_by is not None else raw.get("entered_by")
        if who is None or (isinstance(who, str) and who.strip() == ""):
            raise ProblemError("entered_by", "is required: who enters the event", record=problem,
                               code="missing_field")
        return cls(problem=problem, type=str(kind), on=on, data=data,
                   # text, or a whole number (a staff number) taken as its digits, as every text field of an event;
                   # str() of anything stored True, [1], nan, b'ab' as who entered it (hostile32, left)
                   entered_by=_text(who, "entered_by", problem),
                   seq=raw.get("seq"), entered_at=raw.get("entered_at"))

    def to_dict(self) -> dict[str, Any]:
        """The flat JSON shape (what :meth:`parse` reads back), with the stored fields when set."""
        out: dict[str, Any] = {"seq": self.seq, "problem": self.problem, "type": self.type,
                               "on": self.on.isoformat(), **self.data, "entered_by": self.entered_by,
                               "entered_at": self.entered_at, "hash": self.hash}
        return {k: v for k, v in out.items() if v is not None}


def _type_names() -> dict[str, list[str]]:
    """Each event type's Chinese names (``columns.yaml`` ``event_types``), by its id."""
    from ._lists import names

    given = names().get("event_types") or {}
    return {t: [str(w) for w in given.get(t) or []] for t in TYPES}


def type_named(word: str) -> str | None:
    """The event type ``word`` names by its id or a Chinese name (交办 → ``assigned``; full-width or spaced
    alike), or ``None``."""
    key = unicodedata.normalize("NFKC", word).strip().lower()
    if key in FIELDS:
        return key
    return next((t for t, words in _type_names().items() if key in {unicodedata.normalize("NFKC", w) for w in words}),
                None)


_STORED = ("seq", "entered_at", "hash", "prev")
_ALLOWED = {t: frozenset((*spec, *COMMON, "replace", *_STORED)) for t, spec in FIELDS.items()}


@functools.cache
def yes_no() -> tuple[frozenset[str], frozenset[str]]:
    """How a yes/no field (``void``) may be written, (yes, no): 1 and 0 as a spreadsheet writes them, and the answers
    of the shipped rules' vocabulary.yaml (``answers``: true/false, 是/否, yes/no and their aliases), which ``--set``
    reads for a yes-or-no parameter: one list of the words, not a second one here. Read once, on the first event
    that has the field."""
    import yaml

    from ..policy._loader import default_rules_dir

    with open(default_rules_dir() / "vocabulary.yaml", encoding="utf-8") as f:
        answers = yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)).get("answers") or []

    def words(which: str) -> frozenset[str]:
        return frozenset(unicodedata.normalize("NFKC", str(w)).strip().lower() for a in answers
                         if str(a.get("id")) == which
                         for w in (a.get("id"), a.get("name"), a.get("en"), *(a.get("aliases") or [])) if w)

    return words("true") | {"1"}, words("false") | {"0"}

_ENCODER = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def canonical(data: Mapping[str, Any]) -> str:
    """The stored text of an event's fields: JSON, keys sorted, no spaces, UTF-8 as is."""
    return _ENCODER.encode(data)


def chain_hash(prev: str, problem: str, kind: str, on: str, data: str, entered_by: str, entered_at: str) -> str:
    """The hash of one event: SHA-256 over the previous event's hash and this event's content, the
    parts joined by the unit separator (U+001F) and encoded as UTF-8."""
    text = "\x1f".join((prev, problem, kind, on, data, entered_by, entered_at))
    return hashlib.sha256(text.encode()).hexdigest()


GENESIS = "0" * 64


#: The ledger's names of fields a record names otherwise (``domain``: the older name of a record's ``area``), and back.
LEDGER_NAME = {"area": "domain"}
RECORD_NAME = {v: k for k, v in LEDGER_NAME.items()}


def ledger_named(fields: Mapping[str, Any]) -> dict[str, Any]:
    """``fields`` with a record's ``area`` under the ledger's (older) name for it, ``domain``."""
    return {LEDGER_NAME.get(k, k): v for k, v in fields.items()}


def events_from_record(record: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The events that tell a problem record's story (``who_answers``' fields), in order.

    The record's one ``deadline`` goes with its latest assignment (the first of the latest day, as the ledger
    reads it); concealments are recorded on the
    day of discovery; ``as_of`` is not an event.

    >>> [e["type"] for e in events_from_record({"id": "p", "area": "housing", "place": "330127",
    ...     "discovered": {"level": "county", "channel": "audit", "on": "2021-03-01"},
    ...     "handled": [{"action": "assigned", "by_level": "county", "to_level": "county", "on": "2021-03-02"}],
    ...     "rectified_on": "2021-03-20"})]
    ['registered', 'discovered', 'assigned', 'rectified']
    """
    pid = record["id"]
    d = record.get("discovered")
    start = d["on"] if d else record.get("as_of")
    area = record["area"] if "area" in record else record["domain"]  # domain: the field's old name
    reg = {"problem": pid, "type": "registered", "on": start, "domain": area, "place": record["place"],
           "kind": record.get("kind"), "sector": record.get("sector"), "severity": record.get("severity")}
    out: list[dict[str, Any]] = [{k: v for k, v in reg.items() if v is not None}]
    if d is None:
        return out
    disc = {"problem": pid, "type": "discovered", "on": d["on"], "level": d["level"], "channel": d["channel"],
            "body": d.get("body")}
    out.append({k: v for k, v in disc.items() if v is not None})
    steps = list(record.get("handled") or [])
    # the ledger's latest assignment is the first of the latest day that has one (fold.State.assignment,
    # _columnar.assignment): the deadline goes there, or a second assignment that day would carry it unread
    assigned = [i for i, s in enumerate(steps) if s["action"] == "assigned"]
    latest = max((str(steps[i]["on"]) for i in assigned), default=None)  # ISO days sort as text
    last = next((i for i in assigned if str(steps[i]["on"]) == latest), None)
    for i, s in enumerate(steps):
        e = {"problem": pid, "type": s["action"], "on": s["on"], "by_level": s["by_level"],
             "to_level": s["to_level"], "to_body": s.get("to_body")}
        if i == last and record.get("deadline"):
            e["deadline"] = record["deadline"]
        out.append({k: v for k, v in e.items() if v is not None})
    for who in record.get("concealed_by") or []:
        out.append({"problem": pid, "type": "concealed", "on": d["on"], "who": who})
    if record.get("rectified_on"):
        out.append({"problem": pid, "type": "rectified", "on": record["rectified_on"]})
    return sorted(out, key=lambda e: (e["type"] != "registered", str(e["on"])))


def record_not_events(item: Any) -> str | None:
    """Why ``item`` is a problem record rather than an event (what ``ledger add`` and ``POST /v1/ledger/events`` say
    of it), else ``None``: the README's ``my-problem.yaml`` given to ``ledger add`` was told only "field 'problem': is
    required" (newcomer41), and over HTTP still was (ux45)."""
    if not (isinstance(item, dict) and "problem" not in item and "type" not in item and "id" in item
            and {"area", "domain", "place"} & item.keys()):
        return None
    return (f"this is a problem record ({item.get('id')!r}: id, area, place …; no 'problem' field), not ledger events: "
            "a ledger takes a problem as events, one per thing that happened — registered (area, kind, place, "
            "severity), discovered (level, channel), assigned or reported (by_level, to_level; an assignment's "
            "deadline), 整改情况报告 (rectified_on's day), each with its day as on and the record's id as problem "
            "(examples/ledger/events.yaml; docs/ledger.md, \"Events by hand\")")
