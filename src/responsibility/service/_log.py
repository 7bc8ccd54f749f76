"""The decision log: one JSON line per verdict, route, batch and ledger write (and per refusal).

Each line holds the time (UTC), the caller, the endpoint, the status, a hash of the input, the
policy's content hash, the findings' hash and the latency::

    {"time": "2026-11-29T21:03:04.123Z", "caller": "chunan", "endpoint": "POST /v1/verdict",
     "status": 200, "input": "3b1f…", "policy": "9a0c…", "jurisdiction": "77e2…",
     "findings": "c41d…", "as_of": "2021-06-30", "problem": "p1", "latency_ms": 0.84}

Hashes are SHA-256 of canonical JSON (sorted keys, no spaces, UTF-8), so the same input with
the same policy gives the same findings hash, and :func:`replay` re-answers a logged input and
checks it.

Writing is off the request's path: :meth:`DecisionLog.write` adds the line to a buffer, and a
background thread appends what has gathered every few milliseconds in one ``write`` of whole
lines (a file opened for append: concurrent writers, threads or processes such as server
workers, never interleave within a line). :meth:`~DecisionLog.close` (the server's shutdown)
writes the rest and syncs the file; :func:`read_log` in the same process first writes what is
buffered for that file.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import json
import os
import stat
import threading
import time
import weakref
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._errors import ResponsibilityError
from . import _jsonio as jsonio

if TYPE_CHECKING:
    from ..chain._jurisdiction import Jurisdiction
    from ..engine._verdict import Verdict
    from ..policy._view import PolicyView


def canonical(value: Any) -> bytes:
    """Canonical JSON bytes of ``value``: sorted keys, no spaces, UTF-8, dates as ISO text."""
    return jsonio.canonical(value)


def digest(value: Any) -> str:
    """SHA-256 hex of the canonical JSON of ``value``."""
    return hashlib.sha256(canonical(value)).hexdigest()


def findings_hash(verdict: Verdict, as_dict: dict[str, Any] | None = None) -> str:
    """The hash of what a verdict answers (problem, findings, interpretations; not the engine);
    ``as_dict`` is its ``to_dict("zh")`` when the caller has it already."""
    d = as_dict if as_dict is not None else verdict.to_dict("zh")
    return digest({"problem": d["problem"], "findings": d["findings"], "interpretations": d["interpretations"]})


class _Sink:
    """The buffer and the file of a :class:`DecisionLog` (apart, so that the log's finalizer and
    its writer thread can hold them without holding the log)."""

    def __init__(self, path: Path, fd: int, interval: float, high_water: int) -> None:
        self.path, self.interval, self.high_water = path, interval, high_water
        self.fd: int | None = fd
        self.lines: list[bytes] = []
        self.size = 0
        self.lock = threading.Lock()  # the buffer
        self.io = threading.Lock()  # the file: one append at a time, in order
        self.wake = threading.Event()
        #: Lines that could not be appended (a full disk), and the last error while it lasts (review22b R22b-7).
        self.lost = 0
        self.error: str | None = None

    def add(self, data: bytes) -> None:
        with self.lock:
            if self.fd is None:
                raise ResponsibilityError(f"the decision log {self.path} is closed")
            self.lines.append(data)
            self.size += len(data)
            big = self.size >= self.high_water
        if big:
            self.wake.set()

    def flush(self, *, close: bool = False) -> None:
        with self.io:
            with self.lock:
                lines, self.lines, self.size = self.lines, [], 0
                fd = self.fd
                if close:
                    self.fd = None
            if fd is None:
                return
            try:
                if lines:
                    _write_all(fd, b"".join(lines))
                    self.error = None  # (it writes again; what was lost stays counted)
                if close:
                    os.fsync(fd)
            except OSError as exc:
                from .._files import _describe

                self.lost += len(lines)
                self.error = _describe(exc)
                raise
            finally:
                if close:
                    os.close(fd)
                    self.wake.set()

    def run(self) -> None:
        """The writer thread: append what has gathered, every ``interval`` seconds, until closed."""
        while self.fd is not None:
            self.wake.wait(self.interval)
            self.wake.clear()
            try:
                self.flush()
            except OSError:  # a full disk: say so, and how many lines are lost; the next lines try again
                import logging

                logging.getLogger("responsibility.service").error("%s", self.failing())
                time.sleep(1)

    def failing(self) -> str:
        """What is wrong with the log, and what to do (``""`` when nothing was lost)."""
        if not self.lost:
            return ""
        lost = f"{self.lost:,} line(s) lost (their verdicts were answered, not logged)"
        do = "free space there (the lines that follow are appended once it has room), and compare the lost count " \
            "with the callers' requests"
        from .._files import _FULL, no_space

        if self.error in _FULL.values():  # a full disk, said as every write path says it
            return no_space(f"the decision log {self.path}", left=lost, do=do,
                            quota=self.error == _FULL[errno.EDQUOT])
        now = f"cannot append ({self.error}); " if self.error else ""
        return f"decision log {self.path}: {now}{lost}; {do}"


class DecisionLog:
    """Appends decision lines to ``path`` (created if missing, in a directory that exists; never truncated).

    ``write`` only buffers the line; a background thread appends the buffer every ``interval``
    seconds (at once past ``high_water`` bytes); ``flush`` appends it now; ``close`` appends the
    rest and syncs the file to disk (as does the end of the process for a log left open).
    """

    def __init__(self, path: str | Path, *, interval: float = 0.02, high_water: int = 1 << 20,
                 inputs: Iterable[str | Path | None] = ()) -> None:
        from .._files import check_target

        self.path = Path(path)
        # (its directory is never made: a typo in the path would put the audit trail where nobody looks; review20b
        # B20-6) Never a file the server reads (its tokens, places or ledger), never a pipe or a device (a
        # FIFO would block the server before it listens): a regular file, appended to.
        check_target(self.path, inputs, what="decision log")
        _is_a_log(self.path)
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC | os.O_NONBLOCK, 0o644)
        except OSError as exc:
            raise ResponsibilityError(f"cannot open the decision log {path}: {exc.strerror}") from None
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # made a FIFO since the check
            os.close(fd)
            raise ResponsibilityError(f"the decision log {path} is not a regular file; give a file name")
        self._sink = _Sink(self.path, fd, interval, high_water)
        threading.Thread(target=self._sink.run, name=f"decision-log {self.path.name}", daemon=True).start()
        _OPEN.add(self)
        weakref.finalize(self, self._sink.flush, close=True)

    def write(self, **fields: Any) -> None:
        """Add one line: ``time`` is added; the rest are written as given."""
        now = dt.datetime.now(dt.UTC)
        line = {"time": now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z", **fields}
        self._sink.add(jsonio.dumps(line) + b"\n")

    def flush(self) -> None:
        """Append every buffered line to the file now."""
        self._sink.flush()

    def close(self) -> None:
        """Append what is buffered, sync the file and close it (later writes raise). Lines that cannot be appended
        are counted in :attr:`lost` (said by :meth:`failing`), not raised: the server is stopping."""
        try:
            self._sink.flush(close=True)
        except OSError:
            import logging

            logging.getLogger("responsibility.service").error("%s", self._sink.failing())
        _OPEN.discard(self)

    @property
    def lost(self) -> int:
        """Lines that could not be appended (a full disk): their verdicts were answered, not logged."""
        return self._sink.lost

    def failing(self) -> str:
        """What is wrong with the log and what to do, or ``""`` while no line was lost."""
        return self._sink.failing()


def _is_a_log(path: Path) -> None:
    """Refuse an existing file that is not a decision log (an SQLite database, a workbook, a policy
    file given by mistake): lines appended to it would spoil it."""
    try:
        with open(path, "rb") as f:
            head = f.readline(2**16)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ResponsibilityError(f"cannot open the decision log {path}: {exc.strerror}") from None
    # every line of a log is one JSON object that starts with its time: a file that merely starts with "{" (a problem
    # record, a JSON document of several lines, a file of records as JSON lines) was appended to (hostile40)
    if head and not head.startswith(b'{"time":'):
        raise ResponsibilityError(f"{path} is not a decision log (its lines would be appended to it, and it does "
                                  "not start with a line of one, {\"time\": …}); give a new file or an existing log")


#: The logs open in this process (so that :func:`read_log` sees every line written).
_OPEN: weakref.WeakSet[DecisionLog] = weakref.WeakSet()


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def read_log(path: str | Path) -> list[dict[str, Any]]:
    """Every line of a decision log (first writing what a log open in this process holds for it)."""
    target = Path(path).resolve()
    for open_log in list(_OPEN):
        if open_log.path.resolve() == target:
            open_log.flush()
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def replay(line: dict[str, Any] | str | bytes, problem: Any, policy: PolicyView,
           jurisdiction: Jurisdiction | None = None) -> Verdict:
    """Answer a logged verdict again and check it: the input must hash to the line's ``input``,
    the policy to its ``policy``, and the new findings to its ``findings``. ``line`` is the logged
    line as read from the log (its text) or as parsed (a dict).

    Raises :class:`~responsibility.ResponsibilityError` naming what differs; returns the verdict.
    """
    from . import _lib

    if isinstance(line, str | bytes):  # the line as read from decisions.jsonl (AttributeError: 'str' … 'get')
        try:
            line = json.loads(line)
        except ValueError:
            raise ResponsibilityError("replay: the line is not a line of a decision log (not JSON)") from None
    if not isinstance(line, dict):
        raise ResponsibilityError(f"replay: the line is not a line of a decision log (a JSON object), but "
                                  f"{type(line).__name__}")
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
