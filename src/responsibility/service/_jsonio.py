"""JSON out of the service: UTF-8 with Chinese as characters, and never a failure on text that
is not valid Unicode (a lone surrogate from ``"\\ud800"`` in a request is escaped instead)."""

from __future__ import annotations

import json
from typing import Any


def dumps(value: Any, **kwargs: Any) -> bytes:
    """``value`` as JSON bytes (keyword arguments go to :func:`json.dumps`)."""
    text = json.dumps(value, ensure_ascii=False, default=str, **kwargs)
    try:
        return text.encode()
    except UnicodeEncodeError:  # lone surrogates: escape everything, still valid JSON
        return json.dumps(value, ensure_ascii=True, default=str, **kwargs).encode()


def loads(data: bytes | str) -> Any:
    """JSON from bytes; ``ValueError`` for anything that is not JSON (also nesting too deep to read)."""
    try:
        return json.loads(data)
    except RecursionError:
        raise ValueError("nested too deeply") from None
