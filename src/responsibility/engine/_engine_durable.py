"""The durable-rules engine, wrapped so that none of its quirks reach a user.

durable-rules 2.0.28 is unmaintained and has process-global and C-level state.
This module is the only one that imports it, and it:

- uses a private ``Host`` whose background dispatcher never starts (the stock one
  runs timer threads and, under load, sometimes returns ``None`` for a post);
- registers the ruleset of an area's rules for one problem kind on the first decision on
  such a problem (registering all of them was most of a cold ``responsibility who``), once
  per process for each distinct ruleset: durable-rules never frees one (~3.3 MB of C memory
  each), and every view (a reading, a rules copy) has its own engine, so engines whose rules
  give the same conditions share it (:data:`_REGISTERED`), each reading the hits by its own rules;
- names every ruleset uniquely in the process (it cannot unregister a name);
- holds one lock for every decision (concurrent posts to one host lose results);
- asserts each decision's facts in a fresh session and deletes the session after
  (it caps live sessions at 1,024 per ruleset);
- gives every rule a ``t`` (fact type) condition, so that no rule can match the
  session-state record it re-inserts after each action (an endless loop);
- wraps every action in a one-argument function that records its own errors
  (two-argument actions are silently asynchronous; exceptions are swallowed);
- treats "no rule matched" (``MessageNotHandledException``) as "no finding", and
  turns any other error into :class:`~responsibility.EngineError`;
- takes the wall clock out of its action loop: a ``Closure`` more than 10 s old by
  ``datetime.now()`` counts as completed, and the actions queued after it are then
  silently never run (a verdict lost 8 of its 10 findings when the clock moved 11 s
  in one action: a stalled process on a loaded machine, a suspended VM, a clock step;
  review21b B21-0, the concurrent-calls test that failed once a session). Every action
  here is synchronous and one-argument, so the lease it guards does not apply;
- holds Ctrl-C, SIGTERM and SIGHUP back while a decision is inside durable-rules: its action loop
  catches ``BaseException`` and logs a traceback, so a ``KeyboardInterrupt`` or the CLI's
  ``Terminated`` raised there came out as an engine error (exit 2) or a printed traceback
  (review22b R22b-0). The signal is handled when the decision leaves the C core, where it
  stops the command as anywhere else; one that still lands in an action is re-raised as it was.

It does not import on Python 3.13 (``PyEval_CallObject`` is gone); then
:class:`~responsibility.EngineUnavailable` is raised and the compiled evaluator answers.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import signal
import threading
import weakref
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from .._errors import EngineError, EngineUnavailable
from ._compile import Cond, Rule
from ._engine_compiled import Hit
from ._facts import Fact

_names = itertools.count(1)
_durable: Any = None

# Fork safety: a child forked while a thread holds one of these locks would inherit it held and
# block forever. Before a fork every lock is taken (so that no decision is half-way through the
# C core), and released again in both the parent and the child.
_LOCKS: weakref.WeakSet[Any] = weakref.WeakSet()


#: (SIGHUP too: the CLI ends on a hangup as on SIGTERM, 4c3937e; not on a platform without it)
_HELD = frozenset(s for s in (signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", None)) if s is not None)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C, SIGTERM and SIGHUP are recorded, not acted on, until the block ends, and then handled by
    the handlers that were in place (one ignored, as SIGHUP under ``nohup``, stays ignored throughout).
    Python runs signal handlers in the main thread only, so a
    call from another thread (the service's) is never interrupted and needs nothing. Masking the
    signal is not enough: in a process with other threads (pytest-xdist's, pyarrow's) the kernel
    delivers it to one of them and Python still runs the handler in the main thread, inside
    durable-rules, which then left its session broken and answered the next problem with nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []

    def hold(signum: int, frame: Any) -> None:
        caught.append(signum)

    before = {s: h for s in _HELD if (h := signal.getsignal(s)) is not None and h != signal.SIG_IGN}
    for s in before:
        signal.signal(s, hold)
    try:
        yield
    finally:
        for s, h in before.items():
            signal.signal(s, h)
        for num in dict.fromkeys(caught):
            handler = before[signal.Signals(num)]
            if callable(handler):
                handler(num, None)  # raises, as it would have (KeyboardInterrupt, the CLI's Terminated)
            elif handler == signal.SIG_DFL:
                os.kill(os.getpid(), num)  # ends the process as the signal would have


def fork_safe_lock() -> threading.Lock:
    """A lock that is free again in a child process made by ``os.fork``."""
    lock = threading.Lock()
    _LOCKS.add(lock)
    return lock


def _held() -> list[Any]:
    while True:
        try:
            return list(_LOCKS)
        except RuntimeError:  # pragma: no cover - the set changed while it was copied
            continue


_TAKEN: list[Any] = []


def _before_fork() -> None:
    _TAKEN[:] = _held()
    for lock in _TAKEN:
        lock.acquire()


def _after_fork() -> None:
    for lock in _TAKEN:
        lock.release()
    _TAKEN.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(before=_before_fork, after_in_parent=_after_fork, after_in_child=_after_fork)


def _import() -> Any:
    global _durable
    if _durable is None:
        try:
            from durable import engine
        except Exception as exc:  # ImportError, or undefined symbols of the C core on 3.13
            raise EngineUnavailable(
                f"durable-rules cannot run on this Python ({type(exc).__name__}: {exc}); "
                'use engine="compiled" (--engine compiled on the command line), which answers identically'
            ) from None
        engine.Closure._has_completed = _has_completed  # (see the module docstring: no wall-clock expiry)
        _durable = engine
    return _durable


def _has_completed(self: Any) -> bool:
    """``Closure._has_completed`` without its 10-second wall-clock expiry: whether the action's callback ran
    before, marking it as run."""
    value: bool = self._completed
    self._completed = True
    return value


def available() -> bool:
    """Whether durable-rules imports on this interpreter."""
    try:
        _import()
    except EngineUnavailable:
        return False
    return True


_OPS = {"!=": "$neq", "<": "$lt", "<=": "$lte", ">": "$gt", ">=": "$gte"}


def _condition(c: Cond) -> dict[str, Any]:
    if c.op == "==":
        return {c.field: c.value}
    return {_OPS[c.op]: {c.field: c.value}}


class _Registered:
    """One ruleset registered in durable-rules, shared by every engine whose rules for an area and problem kind give
    the same conditions in the same order (:func:`_registered`): its name, the sessions in which nothing fired (empty,
    reusable) and the hits and errors of the decision under way (under :data:`_LOCK`)."""

    __slots__ = ("errors", "hits", "idle", "key", "name", "retired")

    def __init__(self, key: str, name: str) -> None:
        self.key, self.name = key, name
        #: Left after an error inside durable-rules (:meth:`DurableEngine._retire`): every engine sharing it registers
        #: the rules again.
        self.retired = False
        self.idle: list[str] = []
        self.hits: list[tuple[int, str]] = []
        self.errors: list[BaseException] = []

    def action(self, index: int) -> Callable[[Any], None]:
        """The action of the ruleset's rule ``index``: it records the hit (or its own error) here, so that the host,
        which keeps its actions for the process's life, holds no engine (nor the view and rules behind it)."""

        def run(c: Any) -> None:
            try:
                self.hits.append((index, c.m["id"]))
            except BaseException as exc:  # recorded, because durable-rules would swallow it
                self.errors.append(exc)

        return run


#: The rulesets registered in this process, by their conditions (:func:`_registered`), on one host (:data:`_HOST`).
#: durable-rules frees no ruleset (~3.3 MB of C memory each; deleting one gives back about a third), and every view a
#: reading or a rules copy makes has its own engine: registered per engine, one process of the suite registered 285
#: rulesets of 105 distinct ones (suite53). Shared, each distinct one is registered once and kept for the process's
#: life, as durable-rules would keep it anyway.
_REGISTERED: dict[str, _Registered] = {}
_HOST: list[Any] = []
#: Every decision and registration (one host; concurrent posts to it lose results): durable-rules' C core runs under
#: the GIL, so engines would not run side by side anyway.
_LOCK = fork_safe_lock()
_sessions = itertools.count(1)


def _host() -> Any:
    """The process's durable-rules host, made on first use: a private ``Host`` whose background dispatcher never
    starts (every call here is synchronous; the stock one runs timer threads and sometimes returns None)."""
    if not _HOST:
        engine = _import()

        class _QuietHost(engine.Host):  # type: ignore[misc, name-defined]
            def _run(self) -> None:
                """No background dispatcher: every call here is synchronous."""

        _HOST.append(_QuietHost())
    return _HOST[0]


def _registered(area: str, kind: str, rules: tuple[Rule, ...]) -> _Registered:
    """The ruleset of ``rules`` (an area's for one problem kind), registered on first use (under :data:`_LOCK`): kept by
    its conditions alone (each rule's fact type and tests, in order), which are all durable-rules reads of the rules;
    a hit names a rule by its position, which each engine reads in its own rules."""
    conds = [[{"t": rule.fact}, *(_condition(c) for c in rule.conds)] for rule in rules]
    key = json.dumps(conds, sort_keys=True, ensure_ascii=False)
    got = _REGISTERED.get(key)
    if got is not None:
        return got
    got = _Registered(key, f"responsibility_{area}__{kind}__{next(_names)}")
    ruleset = {f"r{index}": {"all": [{"m": {"$and": c}}], "run": got.action(index)} for index, c in enumerate(conds)}
    try:
        _host().register_rulesets({got.name: ruleset})
    except Exception as exc:
        raise EngineError(f"durable-rules rejected the generated rules: {exc}") from None
    _REGISTERED[key] = got
    return got


class DurableEngine:
    """Evaluate generated rules with durable-rules (see the module docstring)."""

    name = "durable"

    def __init__(self, rules: Mapping[str, tuple[Rule, ...]]) -> None:
        self._not_handled = _import().MessageNotHandledException
        self._rules = rules
        #: By area and problem kind, once its ruleset is registered: the ruleset (None: no rules) and the rules.
        self._registered: dict[tuple[str, str], tuple[_Registered | None, tuple[Rule, ...]]] = {}

    def _register(self, area: str, kind: str) -> tuple[_Registered | None, tuple[Rule, ...]]:
        """The ruleset of ``area``'s rules for problems of ``kind`` (``""``: none given), and the rules, registered on
        first use (under the lock; shared with every engine whose rules give the same conditions: :func:`_registered`):
        a decision pays for the rules that can fire on it only (every rule tests the kind for equality, as the compiled
        engine's index reads it), not for its whole area's or every area's (most of a cold start otherwise)."""
        got = self._registered.get((area, kind))
        if got is not None and (got[0] is None or not got[0].retired):
            return got
        rules = tuple(rule for rule in self._rules[area] if rule.kind == kind)
        got = self._registered[(area, kind)] = (_registered(area, kind, rules) if rules else None, rules)
        return got

    def _retire(self, area: str, kind: str) -> None:
        """Stop using the ruleset of ``area``'s rules for ``kind`` after an error inside durable-rules: an
        exception raised in its action loop (which it catches, logs and goes on from) left the ruleset's
        sessions so that every later problem of the kind got no finding at all, silently. The next
        decision (of any engine sharing it) registers the rules again under a fresh name."""
        got = self._registered.pop((area, kind), None)
        if got is not None and got[0] is not None:
            got[0].retired = True
            if _REGISTERED.get(got[0].key) is got[0]:
                del _REGISTERED[got[0].key]

    def fire(self, area: str, facts: Sequence[Fact]) -> list[Hit]:
        """The (rule, fact) pairs whose conditions hold, in fact order then rule order."""
        if area not in self._rules or not facts or not self._rules[area]:
            return []
        by_id = {f["id"]: f for f in facts}
        order = {f["id"]: i for i, f in enumerate(facts)}
        with _LOCK, _signals_held():
            ok = False
            try:
                reg, rules = self._register(area, facts[0]["kind"])  # a problem's facts share its kind
                if reg is None:
                    ok = True
                    return []
                host, name, idle = _host(), reg.name, reg.idle
                sid = idle.pop() if idle else f"s{next(_sessions)}"
                reg.hits, reg.errors = [], []
                asserted = []
                try:
                    for fact in facts:
                        # No rule matching a fact is an answer ("nobody"), not an error.
                        with contextlib.suppress(self._not_handled):
                            asserted.append({**fact, "sid": sid})
                            host.assert_fact(name, asserted[-1])
                except Exception as exc:
                    raise EngineError(f"durable-rules failed on {facts[0]['id']}: {exc}") from None
                finally:
                    if reg.hits or reg.errors:
                        with contextlib.suppress(Exception):
                            host.delete_state(name, sid)
                    else:
                        # Deleting a session in which no rule fired makes the C core free an invalid
                        # pointer and abort the process; retract its facts and keep it for the next call.
                        with contextlib.suppress(Exception):
                            for fact in asserted:
                                host.retract_fact(name, fact)
                            idle.append(sid)
                if reg.errors:
                    first = reg.errors[0]
                    if not isinstance(first, Exception):  # a stop (Ctrl-C, SIGTERM) from another thread's delivery
                        raise first
                    raise EngineError(f"a durable-rules action failed: {first!r}")
                raw = list(reg.hits)
                ok = True
            finally:
                if not ok:
                    self._retire(area, facts[0]["kind"])
        raw.sort(key=lambda h: (order[h[1]], h[0]))
        return [(rules[i], by_id[fid]) for i, fid in raw]
