"""JSON in and out of the service: UTF-8 with Chinese as characters, and never a failure on text
that is not valid Unicode (a lone surrogate from ``"\\ud800"`` in a request is escaped instead).

orjson (in the ``service`` extra) does the common case, several times faster than :mod:`json`;
whatever it refuses (a lone surrogate, an integer past 64 bits, nesting past its limit, NaN in a
request) goes to :mod:`json`, so the service accepts and answers exactly what it did with
:mod:`json` alone. :func:`canonical` gives the bytes the decision log hashes.
"""

from __future__ import annotations

import json
import math
from typing import Any

from .._json import duplicate_in, keys_agree, loads_marked, twice_message

try:
    import orjson
except ImportError:  # pragma: no cover - the service extra installs it
    orjson = None  # type: ignore[assignment]

# Dates and dataclasses as their str, as json's default=str has them.
_OPTS = 0 if orjson is None else (orjson.OPT_NON_STR_KEYS | orjson.OPT_PASSTHROUGH_DATETIME
                                   | orjson.OPT_PASSTHROUGH_DATACLASS)


def dumps(value: Any) -> bytes:
    """``value`` as compact JSON bytes (anything else as its ``str``)."""
    if orjson is not None:
        try:
            return orjson.dumps(value, default=str, option=_OPTS)
        except TypeError:  # a lone surrogate, a huge integer, …: json says it
            pass
    text = json.dumps(value, ensure_ascii=False, default=str, separators=(",", ":"))
    try:
        return text.encode()
    except UnicodeEncodeError:  # lone surrogates: escape everything, still valid JSON
        return json.dumps(value, ensure_ascii=True, default=str, separators=(",", ":")).encode()


class KeyTwice(ValueError):
    """A JSON object that gives one key twice: valid JSON that JSON readers read differently (the last value, or
    the first), so it is refused with the words `responsibility who` and `assess` use, never as "not valid JSON"
    (ux46: a JSON line of /v1/assess said "line 1: not valid JSON (the key \"area\" is given twice …); fix that
    line: …" where `assess FILE` says "line 1: the key \"area\" is given twice; remove one of them")."""


def loads(data: bytes | str) -> Any:
    """JSON from bytes; ``ValueError`` for anything that is not JSON (also nesting too deep to read)."""
    if orjson is not None:
        try:
            value = orjson.loads(data)
        except ValueError:  # json decides: it reads lone surrogates, NaN and long integers, and words errors
            pass
        else:
            # orjson keeps the last of two values for one key; a record with a key twice is refused, as
            # `responsibility who` and `assess` refuse it
            if keys_agree(data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass"), value) \
                    and not _past_64_bits(value):
                return value
    try:
        value, twice = loads_marked(data)
        if (key := duplicate_in(value, twice)) is not None:
            raise KeyTwice(twice_message(key))
        return value
    except RecursionError:
        raise ValueError("nested too deeply") from None
    except ValueError as exc:
        if "integer string conversion" in str(exc):  # Python's words would tell the caller to change Python
            raise ValueError("a number with more than 4,300 digits") from None
        raise


def _past_64_bits(value: Any, depth: int = 0) -> bool:
    """Whether ``value`` holds a float of 2**63 or more (in size): orjson reads an integer past 64 bits as such a
    float (3.13: 99999999999999999999999 is 1e+23), where :mod:`json` keeps it whole, so `responsibility who` took an
    id of 23 digits the service refused as "the number 1.2345678901234568e+22". Such a value goes to :mod:`json`."""
    if isinstance(value, dict):
        return depth < 200 and any(_past_64_bits(v, depth + 1) for v in value.values())
    if isinstance(value, list):
        return depth < 200 and any(_past_64_bits(v, depth + 1) for v in value)
    return isinstance(value, float) and abs(value) >= 2.0 ** 63


def _finite(value: Any, depth: int = 0) -> bool:
    """Whether ``value`` holds no NaN or infinity (orjson writes them as null)."""
    if isinstance(value, dict):
        return depth < 200 and all(_finite(v, depth + 1) for v in value.values())
    if isinstance(value, list):
        return depth < 200 and all(_finite(v, depth + 1) for v in value)
    return not isinstance(value, float) or math.isfinite(value)


def canonical(value: Any) -> bytes:
    """Canonical JSON bytes of ``value``: sorted keys, no spaces, UTF-8, dates as ISO text.

    Without floats, exactly ``json.dumps(value, sort_keys=True, ensure_ascii=False,
    separators=(",", ":"), default=str)``; floats are written as orjson writes them (the
    shortest text that reads back the same number); NaN, infinities, lone surrogates and
    integers past 64 bits as :mod:`json` writes them. One value, one text."""
    if orjson is not None:
        try:
            out = orjson.dumps(value, default=str, option=_OPTS | orjson.OPT_SORT_KEYS)
        except TypeError:
            pass
        else:
            if b"null" not in out or _finite(value):
                return out
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return text.encode("utf-8", "surrogatepass")  # a lone surrogate in a request still hashes
