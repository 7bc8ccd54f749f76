"""JSON that names a key given twice instead of keeping the last value silently.

Python's :mod:`json` (and orjson) keep the last of two values for one key; the YAML reader
behind ``responsibility who`` refuses such a record. So that every path gives the same answer
or the same rejection, the batch readers and the service find duplicate keys too:

- :func:`loads_marked` parses with Python's parser and reports every object that had a key twice;
  :func:`duplicate_in` tells whether a value (a record) holds such an object, and which key;
- :func:`keys_agree` checks an already parsed value against its text without parsing again: the
  number of keys in the text (strings followed by ``:``) equals the number of keys kept exactly
  when no key was given twice, so a fast parser's result can be checked cheaply.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Callable, Mapping
from typing import Any

# Every string of a JSON text, whole, in order (outside strings JSON has no quotes, so scanning
# from the start meets only opening quotes), with the ``:`` after it when it is a key. The loop
# is unrolled so that matching stays linear.
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"([ \t\r\n]*:)?', re.DOTALL)


def marking_pairs(twice: dict[int, str]) -> Callable[[list[tuple[str, Any]]], dict[str, Any]]:
    """An ``object_pairs_hook`` for :mod:`json` that builds each object as :func:`json.loads` does and notes in
    ``twice`` (``id(object) -> the key``) each one that had a key twice: :func:`loads_marked`'s, for a reader that
    parses a text piece by piece (batch/_io's JSON list)."""

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(items)
        if len(obj) != len(items):
            seen: set[str] = set()
            for key, _ in items:
                if key in seen:
                    twice[id(obj)] = key
                    break
                seen.add(key)
        return obj

    return pairs


def loads_marked(text: str | bytes) -> tuple[Any, dict[int, str]]:
    """``text`` parsed, and the objects that had a key twice: ``id(object) -> the key``.

    Raises what :func:`json.loads` raises for text that is not JSON.

    >>> value, twice = loads_marked('{"id": "a", "id": "b"}')
    >>> duplicate_in(value, twice)
    'id'
    """
    twice: dict[int, str] = {}
    try:
        return json.loads(text, object_pairs_hook=marking_pairs(twice)), twice
    except ValueError as exc:
        if "integer string conversion" in str(exc) and not isinstance(exc, json.JSONDecodeError):
            # Python's words ("use sys.set_int_max_str_digits()") would tell the user to change Python (review21b B21-1)
            raise ValueError(f"a number with more than {sys.get_int_max_str_digits():,} digits: no field holds "
                             "one; write a long code as text, in quotes") from None
        raise


def duplicate_in(value: Any, twice: dict[int, str], depth: int = 0) -> str | None:
    """The first key given twice in an object inside ``value`` (per :func:`loads_marked`), or ``None``."""
    if not twice or depth > 1000:
        return None
    if isinstance(value, dict):
        if id(value) in twice:
            return twice[id(value)]
        items: Any = value.values()
    elif isinstance(value, list):
        items = value
    else:
        return None
    for item in items:
        if isinstance(item, (dict, list)) and (key := duplicate_in(item, twice, depth + 1)) is not None:
            return key
    return None


def bad_line(n: int, exc: BaseException) -> str:
    """Why line ``n`` of JSON lines is no record, and what to do (it said "line 13: not valid JSON (Expecting
    property name enclosed in double quotes)" and no more; hostile28): as ``assess`` and the service say it."""
    if isinstance(exc, RecursionError) or "nested too deeply" in str(exc):  # (Python's json; orjson, the service's)
        return (f"line {n}: JSON nested too deeply (a problem record is a few levels deep: is a value a document of "
                "its own?); fix that line: one record, a JSON object, per line")
    # (json's "Invalid control character at" said "… at at column 13", as the service's body once did: review22b)
    msg = (getattr(exc, "msg", None) or str(exc)).removesuffix(" at")
    col = getattr(exc, "colno", None)
    at = f" at column {col}" if isinstance(col, int) and getattr(exc, "lineno", 1) == 1 else ""
    return (f"line {n}: not valid JSON ({msg}{at}); fix that line: one record per line, a JSON object "
            '({"id": …, "area": …, "place": …}) with its text in double quotes')


def twice_message(key: str) -> str:
    """What a reader says of a key given twice (the same words on every path)."""
    return f"the key {json.dumps(key, ensure_ascii=False)} is given twice; remove one of them (JSON keeps the last)"


def _keys(value: Any, depth: int = 0) -> int:
    if depth > 1000:
        return -1  # never equal to a count: the caller parses again
    if isinstance(value, dict):
        return len(value) + sum(_keys(v, depth + 1) for v in value.values() if isinstance(v, (dict, list)))
    if isinstance(value, list):
        return sum(_keys(v, depth + 1) for v in value if isinstance(v, (dict, list)))
    return 0


def keys_agree(raw: bytes, value: Any) -> bool:
    """Whether ``value``, parsed from the JSON text ``raw``, kept every key the text gives (no key twice)."""
    return sum(1 for colon in _STRING.findall(raw) if colon) == _keys(value)


def kind_of(value: Any) -> str:
    """What a value is, in JSON's words (``a list``, ``an object``, ``a number``, ``null``)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, dt.date | dt.time):
        return "a date or time"
    return "text" if isinstance(value, str) else f"a {type(value).__name__}"


def not_records(name: str, data: Any, what: str = "a problem object") -> str:
    """What a file that should hold records (``what``, or a list of them) holds instead, and what to write — in the
    same words for ``who``/``route`` and ``assess`` (hostile27: an empty file, null or a bare value were all "must hold
    a problem object or a list of them")."""
    held = "no value (it is empty, comments only, or null)" if data is None else \
        f"{kind_of(data)} ({str(data).lower() if isinstance(data, bool) else repr(data)[:40]})"
    return (f"{name} holds {held}, not {what}; write {what} or a list of them"
            + (' ({"id": …, "area": …, "place": …}, docs/records.md)' if "problem" in what else ""))
