"""What-if policies: the same rules with some parameters set to other values.

:func:`with_parameters` returns a view of the policy whose parameters (those of
``rules/parameters.yaml``, the choices the text leaves open) have the values given (the view made before for the same
values, while the policy keeps it: :data:`READINGS_KEPT`); each
value is checked as the loader checks the file (type, choices), and an unknown name or a
value that does not fit raises :class:`~responsibility.RulesError` naming the parameter,
what it takes and the valid names. The new view remembers what changed
(``what_if``: ``{id: (rules' value, new value)}``) so that every verdict made under it
says so.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from .._errors import Issue, RulesError
from ._model import MAX_DAYS, SEVERITIES
from ._text import fold

if TYPE_CHECKING:  # (pydantic and the models where a value is checked: a switched reading, flipped, needs neither)
    from ._model import Parameter
    from ._view import PolicyView

_P = TypeVar("_P", bound="PolicyView")
_V = TypeVar("_V")

#: What each parameter type takes, for messages.
TAKES = {"days": f"a whole number of days from 0 to {MAX_DAYS} (ten years)",
         "severity": "a severity (minor, serious, grave)", "choice": "one of its choices", "bool": "true or false"}


def _issue(message: str, hint: str) -> Issue:
    # the caller's argument is what is wrong, not the rules file (review18 M1: it read as if parameters.yaml were
    # broken)
    return Issue("with_parameters()", 0, 0, message, hint, "invalid_parameter")


def _days(value: Any) -> Any:
    """A whole number of days written as text (``"20"``, full-width ``"２０"``) as the number, as ``--set`` reads it
    (review18 M1: a bool given as text was taken, a day count refused); ``value`` itself otherwise."""
    if isinstance(value, str):
        import unicodedata

        text = unicodedata.normalize("NFKC", value).strip()
        if text.isascii() and text.isdigit():
            return int(text)
    return value


def _shown(value: Any) -> str:
    """A value as a user wrote it (a date as YYYY-MM-DD, never a Python repr of it)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    text = repr(value)
    return text if len(text) <= 60 else text[:60] + "…"


def _severity(policy: PolicyView, value: Any) -> Any:
    """The severity id ``value`` names by its id, Chinese name or gloss (严重, Grave), as a record's
    ``severity`` takes it; ``value`` itself when it names none."""
    if not isinstance(value, str):
        return value
    key = fold(value)
    for t in policy.data.vocabulary.severities:
        if key in (fold(t.id), fold(t.name), fold(t.en)):
            return t.id
    return value


def _answer(policy: PolicyView, value: Any) -> Any:
    """``True`` or ``False`` for a yes-or-no answer named in rules/vocabulary.yaml ``answers`` (是, 否, yes …);
    ``value`` itself otherwise."""
    if not isinstance(value, str):
        return value
    key = fold(value)
    for t in policy.data.vocabulary.answers:
        if key in {fold(t.id), fold(t.name), fold(t.en), *map(fold, t.aliases)}:
            return t.id == "true"
    return value


def _choice(p: Parameter, value: Any) -> Any:
    """The choice ``value`` names without regard to width, case or quotation marks (``All_Levels``, ``"ａｌｌ_levels"``
    is ``all_levels``), as every other name given to ``--set`` is read; a date as its day (:func:`_day_choice`);
    ``value`` itself otherwise."""
    value = _day_choice(p, value)
    if isinstance(value, str):
        named = {fold(str(c)): c for c in p.choices or []}
        # a choice's Chinese name, and the 中文（id） form Chinese output writes it in, name it too (a Chinese reader
        # copies what the verdict printed); a name two choices share names neither
        zh = p.choices_zh or {}
        counts = Counter(fold(n) for n in zh.values())
        for c, n in zh.items():
            if counts[fold(n)] == 1:
                named.setdefault(fold(n), c)
            named.setdefault(fold(f"{n}（{c}）"), c)
        return named.get(fold(value), value)
    return value


def _day_choice(p: Parameter, value: Any) -> Any:
    """The choice a :class:`datetime.date` names where ``p``'s choices are days written YYYY-MM-DD
    (``policy_in_force_from=dt.date(2020, 1, 1)`` is the choice ``"2020-01-01"``; it was refused with a message
    that showed that very choice, probe11 P11-13); ``value`` itself otherwise."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime) and value.isoformat() in (p.choices or []):
        return value.isoformat()
    return value


def _takes(policy: PolicyView, p: Parameter) -> str:
    """What parameter ``p`` takes, for a message: a severity with its Chinese names (minor 一般 …)."""
    if p.type == "severity":
        names = {t.id: t.name for t in policy.data.vocabulary.severities}
        return "a severity (" + ", ".join(f"{s} {names[s]}" if s in names else s for s in SEVERITIES) + ")"
    if p.type == "bool" and policy.data.vocabulary.answers:
        return "true or false (" + ", ".join(f"{t.id} {t.name}" for t in policy.data.vocabulary.answers) + ")"
    if p.type == "choice":
        return f"{TAKES[p.type]}: {', '.join(_choice_shown(p, c) for c in p.choices or [])}"
    return TAKES[p.type]


def _choice_shown(p: Parameter, choice: Any) -> str:
    """A choice as Chinese output writes it, ``以上各级（all_levels）`` (rules/parameters.yaml ``choices_zh``; the id
    alone where it has no Chinese name): a refusal lists what the reader may copy back (hostile27: the ids alone
    were listed, while the verdict shows the Chinese name)."""
    name = (p.choices_zh or {}).get(str(choice))
    return f"{name}（{choice}）" if name else str(choice)


def _closest_choice(p: Parameter, value: Any) -> str | None:
    """The choice ``value`` reads like, as :func:`_choice_shown` writes it: by its id, or by its Chinese name for a
    value not in ASCII (``各级`` → ``以上各级（all_levels）``)."""
    from ._loader import closest

    text = str(value)
    names = {str(c): str(c) for c in p.choices or []}
    if not text.isascii():
        names = {n: c for c, n in (p.choices_zh or {}).items()} or names
    close = closest(text, names)
    return _choice_shown(p, names[close]) if close else None


def _nearest(policy: PolicyView, name: Any) -> str:
    """``did you mean …?`` for an unknown parameter's name: the (at most three) parameters it reads like by difflib,
    over their ids, Chinese names (also without their bracketed qualifier, 及时交办和上报时限 for
    及时交办和上报时限（天）) and glosses, or whose Chinese name starts with it (整改时限); ``""`` when none does.
    A name in Chinese is answered with the Chinese names, each with its id; an id with the ids (input38 item 2: the
    hint was one name, or none, followed by every id)."""
    import difflib
    import re

    if not isinstance(name, str) or not fold(name):
        return ""
    key = fold(name)
    chinese = not name.isascii()
    keys: dict[str, str] = {}  # folded name → parameter id
    for p in policy.data.parameters:
        short = re.sub(r"[（(][^（()）]*[)）]", "", p.name)
        for text in ((p.name, short) if chinese else (p.id, p.en)):
            keys.setdefault(fold(text), p.id)
    found = [keys[k] for k in keys if chinese and len(key) >= 2 and k.startswith(key)]
    found += [keys[k] for k in difflib.get_close_matches(key, list(keys), n=6, cutoff=0.5)]
    ids = list(dict.fromkeys(found))[:3]
    if not ids:
        return ""
    names = {p.id: p.name for p in policy.data.parameters}
    shown = [f"{names[i]!r} ({i})" if chinese else repr(i) for i in ids]
    return f"did you mean {' or '.join(shown)}?"


def with_parameters(policy: _P, values: Mapping[str, Any]) -> _P:
    """A new view of ``policy`` with the parameters in ``values`` set (every dated version of each).

    A parameter may be named by its id, its Chinese name or its gloss (``及时交办和上报时限（天）``, full- or
    half-width); a severity may be given by its Chinese name or gloss (``unit_liability_from="严重"``), as a
    record's ``severity`` is; it is kept as its id (``grave``).
    """
    from pydantic import ValidationError

    known = {p.id: p for p in policy.data.parameters}
    # the parameters file of the rules in use (a --rules directory, not the shipped one)
    where = str(policy.root / "parameters.yaml") if getattr(policy, "root", None) else "rules/parameters.yaml"
    issues: list[Issue] = []
    changed: dict[str, tuple[Any, Any]] = dict(policy.what_if)
    new_params = []
    # a parameter may be named by its Chinese name or gloss too (及时交办和上报时限（天）=15), width-blind
    called = {fold(text): p.id for p in policy.data.parameters for text in (p.en, p.name)}
    called.update({fold(pid): pid for pid in known})
    named: dict[Any, list[tuple[Any, Any]]] = {}  # parameter id → [(the name it was given by, value)]
    for name, v in values.items():
        named.setdefault(called.get(fold(name), name) if isinstance(name, str) else name, []).append((name, v))
    for pid, given in named.items():
        if len(given) > 1:  # (by its id and its Chinese name, or in two cases: the later won in silence; input38)
            said = " and ".join(f"{_shown(n)}={_shown(v)}" for n, v in given)
            issues.append(_issue(f"parameter {pid!r} is given {len(given)} times, by different names ({said})",
                                 "keep one"))
    values = {pid: given[-1][1] for pid, given in named.items()}
    for name in values:
        if name not in known:
            near = _nearest(policy, name)
            issues.append(_issue(f"unknown parameter {_shown(name)}", f"{near + '; ' if near else ''}all {len(known)} "
                                 f"are listed, each with its Chinese name, in {where}"))
    for p in policy.data.parameters:
        if p.id not in values:
            new_params.append(p)
            continue
        value = values[p.id]
        if type(value).__module__ == "numpy" and hasattr(value, "item"):
            value = value.item()  # a frame's cell (np.int64, np.bool_) as the Python value it stands for
        if p.type == "days":
            value = _days(value)
        elif p.type == "severity":
            value = _severity(policy, value)
        elif p.type == "bool":
            value = _answer(policy, value)
        elif p.type == "choice":
            value = _choice(p, value)
        try:
            q = type(p).model_validate({**p.model_dump(by_alias=True), "value": value})
        except ValidationError:
            close = _closest_choice(p, value) if p.type == "choice" else None
            mean = f"did you mean {close!r}? or " if close else ""
            issues.append(_issue(f"parameter {p.id!r} takes {_takes(policy, p)}; got {_shown(value)}",
                                 f"{mean}see its entry in {where} ({p.name})"))
            continue
        new_params.append(q)
        before = changed.get(p.id, (policy.parameter(p.id) if p.id in policy.parameters else p.value, None))[0]
        if q.value == before:
            changed.pop(p.id, None)
        else:
            changed[p.id] = (before, q.value)
    if issues:
        raise RulesError(issues)
    out = _kept_reading(policy, new_params, set(values), changed)
    for message in without_effect(out, set(values)):
        import warnings

        from .._errors import ParameterWarning

        warnings.warn(message, ParameterWarning, stacklevel=3)
    return out


#: How many readings (views under other parameter values) each view keeps for :func:`with_parameters` to give again,
#: the most recently asked first: a reading's first decisions cost ~10× its later ones (suite51: 8.3 CPU ms a verdict
#: on a fresh view, 0.9 on the same view again), and callers ask the same reading record by record (a notebook cell
#: run again, the tests). Each kept reading holds its engines' memos, a few MB: the bound keeps that small.
READINGS_KEPT = 4
_readings_lock = threading.Lock()
_flips_lock = threading.Lock()  # (kept_on's: asked on every decision that reads a reading again)


def _locks_again() -> None:
    """A child made by ``os.fork`` while another thread held a lock gets free ones (what they guard is whole between
    two steps of a thread): flipped is asked while threads decide, and a process may fork then (test_hostile)."""
    global _readings_lock, _flips_lock
    _readings_lock, _flips_lock = threading.Lock(), threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_locks_again)


def _kept_reading(policy: _P, params: list[Any], names: set[str], changed: dict[str, tuple[Any, Any]]) -> _P:
    """The view of ``policy`` with ``params`` (``changed``: its ``what_if``), the one made before for the same values if
    ``policy`` still keeps it (:data:`READINGS_KEPT`). A view is read-only to its users and what it derives depends on
    its data alone, so the one kept answers as a new one would; within ``_cache.views_apart()`` each is new (a test
    of what a fresh view's first decisions do)."""
    from . import _cache

    # (the values by type too: True and 1 are equal keys, not equal values)
    key = tuple((p.id, type(p.value), p.value) for p in params if p.id in names)
    kept: OrderedDict[tuple[Any, ...], Any] = policy._memo("with_parameters: readings", OrderedDict)
    with _readings_lock:
        if not _cache._apart[0] and (got := kept.get(key)) is not None:
            kept.move_to_end(key)
            view: _P = got
            return view
    data = policy.data.model_copy(update={"parameters": params})
    out = type(policy)(data, root=policy.root, loaded=policy._loaded, as_of=policy.as_of, what_if=changed)
    with _readings_lock:
        if not _cache._apart[0]:
            _keep(kept, key, out, READINGS_KEPT)
    return out


#: How many views with a bool parameter switched (:func:`flipped`) each view keeps for the asking, the most recently
#: asked first, beside any still in use elsewhere (a decider that decides readings again keeps the deciders of the
#: views it asked: engine/_decide). Each holds its rules and, once decided on, its engines' memos (a few MB); kept
#: without bound, a view held one for every bool parameter ever asked of it (~25), however long ago. One still in use
#: is given again while it lives, so none is made twice beside itself.
FLIPS_KEPT = 8
#: As :data:`FLIPS_KEPT`, for the views with a choice parameter set to another of its values (:func:`set_to`: a
#: decider's readings, engine/_decide ``Decider._flipped``): the shipped rules' choices have ~26 other values, and a
#: policy's may have any number; each was kept on the view for its whole life.
SETS_KEPT = 8


def flipped(policy: _P, name: str) -> _P:
    """A view of ``policy`` with the bool parameter ``name`` the other way (engine/_decide.switched_rests and
    engine/_route ask what a verdict or a route would be under it): :func:`with_parameters` for a value known to fit,
    without checking it again; kept on ``policy`` (the last :data:`FLIPS_KEPT` asked, and any still in use), so that
    its rules and memos are made once while they are asked for (a ledger routes every problem)."""
    return kept_on(policy, "flipped", name, lambda: _flipped(policy, name), FLIPS_KEPT)


def set_to(policy: _P, name: str, value: Any, make: Callable[[], _P]) -> _P:
    """The view of ``policy`` with the parameter ``name`` set to ``value``, one of its values, that ``make()`` makes
    (engine/_decide ``_set_view``), kept on ``policy`` as :func:`flipped` keeps its views (the last :data:`SETS_KEPT`
    asked, and any still in use)."""
    return kept_on(policy, "set", f"{name}={value!r}", make, SETS_KEPT)


def kept_on(policy: PolicyView, kind: str, key: Any, make: Callable[[], _V], bound: int) -> _V:
    """What ``make()`` gives (a view derived from ``policy``), kept in ``policy``'s memo under ``kind`` and ``key``:
    the last ``bound`` asked (:func:`_keep`), and any still in use elsewhere (held weakly), so that none is made twice
    beside itself and what is let go is freed with the last user. One made again answers as the one before did: a
    view's answers depend on its data alone."""
    import weakref

    # (both in the view's memo: they die with it; read and changed under the lock, as threads decide at once)
    kept: OrderedDict[Any, _V] = policy._memo(f"{kind}: kept", OrderedDict)
    alive: weakref.WeakValueDictionary[Any, Any] = policy._memo(f"{kind}: in use", weakref.WeakValueDictionary)
    with _flips_lock:
        got = kept.get(key)
        if got is None:
            got = alive.get(key)
        if got is not None:
            _keep(kept, key, got, bound)
            return got
    out = make()
    with _flips_lock:
        out = alive.setdefault(key, out)  # (another thread's, made meanwhile: one view, as the memo gave)
        _keep(kept, key, out, bound)
    return out


def _keep(kept: OrderedDict[Any, Any], key: Any, view: Any, bound: int) -> None:
    """``view`` the newest of ``kept`` under ``key``, which then holds ``bound`` views at most, the least recently asked
    let go first (under the caller's lock: :func:`with_parameters`' readings, :func:`kept_on`'s views)."""
    kept[key] = view
    kept.move_to_end(key)
    while len(kept) > bound:
        kept.popitem(last=False)


def _flipped(policy: _P, name: str) -> _P:
    params = [p.model_copy(update={"value": not p.value}) if p.id == name else p for p in policy.data.parameters]
    data = policy.data.model_copy(update={"parameters": params})
    from . import _cache

    _cache.derive_key(policy.data, data, f"flipped {name}")  # (its rules are cached as the policy's: engine/_compile)
    before = policy.parameter(name)
    changed = {**policy.what_if, name: (before, not before)}
    return type(policy)(data, root=policy.root, loaded=policy._loaded, as_of=policy.as_of, what_if=changed)


def without_effect(policy: PolicyView, names: set[str]) -> list[str]:
    """Why a severity threshold among ``names`` has no effect in ``policy``: a failure (主体责任) held from its own
    threshold gives only liabilities that are held from a higher one (leaders' liability), so lowering the
    failure's threshold alone changes no answer. Read from rules/accountability.yaml (each failure's and
    liability's ``from_parameter``)."""
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    liabilities = {lb.id: lb for lb in policy.data.accountability.liabilities}
    out = []
    for failure in policy.data.accountability.failures:
        own = failure.from_parameter
        if own not in names or own not in policy.parameters:
            continue
        gives = [liabilities[x] for x in failure.liabilities or liabilities if x in liabilities]
        if not gives or any(lb.from_parameter not in policy.parameters for lb in gives):
            continue  # a liability held whatever the severity (staff): the threshold decides something
        held_from = [(lb, policy.parameter(str(lb.from_parameter))) for lb in gives]
        if all(rank.get(v, -1) > rank.get(policy.parameter(own), -1) for _, v in held_from):
            lb, value = min(held_from, key=lambda x: rank.get(x[1], -1))
            out.append(f"{own}={policy.parameter(own)} changes nothing while {lb.from_parameter}={value}: "
                       f"{failure.name} ({failure.id}) is {lb.name}, held only from {value}; set "
                       f"{lb.from_parameter}={policy.parameter(own)} too")
    return out
