"""The decision log: one JSON line per verdict, route, batch and ledger write (and per refusal).

Each line holds the time (UTC), the caller, the endpoint, the status, a hash of the input, the
policy's content hash, the findings' hash and the latency::

    {"time": "2026-11-29T21:03:04.123Z", "caller": "chunan", "endpoint": "POST /v1/verdict",
     "status": 200, "input": "3b1f…", "policy": "9a0c…", "jurisdiction": "77e2…",
     "findings": "c41d…", "as_of": "2021-06-30", "problem": "p1", "latency_ms": 0.84}

Hashes are SHA-256 of canonical JSON (sorted keys, no spaces, UTF-8), so the same input with
the same policy gives the same findings hash, and :func:`replay` re-answers a logged input and
checks it. Lines are appended and flushed one ``write`` at a time (a file opened for append:
concurrent writers, threads or processes, never interleave within a line).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import threading
import weakref
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from .._errors import ResponsibilityError
from . import _jsonio as jsonio

if TYPE_CHECKING:
    from ..chain._jurisdiction import Jurisdiction
    from ..engine._verdict import Verdict
    from ..policy._view import PolicyView


def canonical(value: Any) -> bytes:
    """Canonical JSON bytes of ``value``: sorted keys, no spaces, UTF-8, dates as ISO text."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return text.encode("utf-8", "surrogatepass")  # a lone surrogate in a request still hashes


def digest(value: Any) -> str:
    """SHA-256 hex of the canonical JSON of ``value``."""
    return hashlib.sha256(canonical(value)).hexdigest()


def findings_hash(verdict: Verdict, as_dict: dict[str, Any] | None = None) -> str:
    """The hash of what a verdict answers (problem, findings, interpretations; not the engine);
    ``as_dict`` is its ``to_dict("zh")`` when the caller has it already."""
    d = as_dict if as_dict is not None else verdict.to_dict("zh")
    return digest({"problem": d["problem"], "findings": d["findings"], "interpretations": d["interpretations"]})


class DecisionLog:
    """Appends decision lines to ``path`` (created if missing; never truncated)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._file: IO[bytes] | None = open(self.path, "ab")  # noqa: SIM115 - held open for the app's life
        except OSError as exc:
            raise ResponsibilityError(f"cannot open the decision log {path}: {exc.strerror}") from None
        self._lock = threading.Lock()
        weakref.finalize(self, self._file.close)

    def write(self, **fields: Any) -> None:
        """Append one line: ``time`` is added; the rest are written as given."""
        now = dt.datetime.now(dt.UTC)
        line = {"time": now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z", **fields}
        data = jsonio.dumps(line, separators=(",", ":")) + b"\n"
        with self._lock:
            if self._file is None:
                raise ResponsibilityError(f"the decision log {self.path} is closed")
            self._file.write(data)
            self._file.flush()

    def close(self) -> None:
        """Close the file (later writes raise)."""
        with self._lock:
            if self._file is not None:
                self._file.close()
                self._file = None


def read_log(path: str | Path) -> list[dict[str, Any]]:
    """Every line of a decision log."""
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def replay(line: dict[str, Any], problem: Any, policy: PolicyView, jurisdiction: Jurisdiction | None = None
           ) -> Verdict:
    """Answer a logged verdict again and check it: the input must hash to the line's ``input``,
    the policy to its ``policy``, and the new findings to its ``findings``.

    Raises :class:`~responsibility.ResponsibilityError` naming what differs; returns the verdict.
    """
    from . import _lib

    if digest(problem) != line.get("input"):
        raise ResponsibilityError("replay: this problem is not the logged input (its hash differs)")
    if _lib.content_hash(policy) != line.get("policy"):
        raise ResponsibilityError("replay: this policy is not the one that answered (its content hash differs)")
    j = jurisdiction if jurisdiction is not None else _lib.load_jurisdiction(None)
    if line.get("jurisdiction") and _lib.jurisdiction_hash(j) != line["jurisdiction"]:
        raise ResponsibilityError("replay: this jurisdiction is not the one that answered (its hash differs)")
    today = dt.date.fromisoformat(line["as_of"]) if line.get("as_of") else None
    verdict = _lib.who_answers(policy, problem, j, engine="compiled", today=today)
    if findings_hash(verdict) != line.get("findings"):
        raise ResponsibilityError(f"replay: the findings differ from the logged ones (logged {line.get('findings')}, "
                                  f"now {findings_hash(verdict)})")
    return verdict
