"""A compact cached form of a validated policy, so that a second start skips YAML and checks.

Reading and checking the shipped rules costs most of a cold ``responsibility who``. Once a
directory has loaded without a single issue, its :class:`~._model.PolicyData` is pickled to a
per-user cache directory (twice: as the models, and as plain objects that need no pydantic to read
back, :mod:`._plain`, for ``responsibility assess``) under a key that hashes everything the result
depends on:

- the bytes and names of every file the loader reads (``policy.yaml``, ``vocabulary.yaml``,
  ``accountability.yaml``, ``parameters.yaml``, ``relations.yaml`` and the ``*.yaml`` of
  ``sources/``, ``bodies/``, ``areas/`` and ``amendments/``) — any change, any new or
  removed file, is a different key; and the names of the YAML there that it refuses without
  reading (a ``.yml`` file, a subfolder's file: ``unread_file``), so that such a file makes a
  cached load fail as an uncached one does. Nothing else the loader reads: the vocabulary is
  ``vocabulary.yaml``, the answers of yes/no settings are in it;
- the source code of the modules that read and check them (``policy/`` and ``chain/``), the
  package, Python and pydantic versions.

So an entry is never stale: a changed input is simply another key. Entries are written
atomically (a temporary file in the same directory, then a rename), never inside the package
or the policy directory, and are read only from a directory owned by the current user that
no one else may write to (a pickle is code). Anything unusable — an unreadable file, a
corrupt entry, a read-only disk — makes the loader read and check the YAML as without a
cache. Only directories that load cleanly are cached: every error is still found and located.

Other wings keep what they derive in the same directory through :func:`read_entry` and
:func:`write_entry`, each kind of entry named by its ``kind``: the places of a jurisdiction file
(``chain/_jurisdiction.py``, keyed on the file's bytes and :func:`code_digest`), an assessor's
tables and templates (``batch/_saved.py``) and an area's compiled rules under a policy view
(``engine/_compile.py``, keyed on :func:`content_key`, the view's day and the engine's code).

Where: ``$RESPONSIBILITY_CACHE_DIR``, else ``$XDG_CACHE_HOME/responsibility``, else
``~/.cache/responsibility``. ``RESPONSIBILITY_CACHE=off`` (or ``0``, ``no``, ``false``) turns it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import stat
import sys
import tempfile
import threading
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from ._model import PolicyData

#: Bumped when the cached form changes shape.
FORMAT = 2
#: The kind and format of the second entry of each policy: its data as plain twins of the models (``_plain``),
#: which a caller that asks for them (``responsibility assess``) reads without importing pydantic.
PLAIN_KIND = "policy_plain"  # (not "policy-…": the policy entries are "policy-<key>")
PLAIN_FORMAT = 1
#: The files the loader reads at the top of a policy directory, and its folders of ``*.yaml``.
TOP_FILES = ("policy.yaml", "vocabulary.yaml", "accountability.yaml", "parameters.yaml", "relations.yaml")
FOLDERS = ("sources", "bodies", "areas", "amendments")
#: How many entries to keep (the newest); older ones are removed when a new one is written.
KEEP = 16
_PACKAGE = Path(__file__).resolve().parents[1]
_V = TypeVar("_V")


def enabled() -> bool:
    """Whether the cache is on (``RESPONSIBILITY_CACHE`` is not ``off``/``0``/``no``/``false``)."""
    return os.environ.get("RESPONSIBILITY_CACHE", "").strip().lower() not in ("off", "0", "no", "false")


def cache_dir() -> Path:
    """The directory of the cache (see the module docstring)."""
    if explicit := os.environ.get("RESPONSIBILITY_CACHE_DIR"):
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # unset, or relative (which the XDG specification says to ignore)
        home = Path.home()
        if not home.is_dir():
            # (a home that does not exist — HOME=/nonexistent for a service account — was created by the cache's
            # makedirs: check52b #13; RuntimeError is what the callers treat as no cache, as without a home at all)
            raise RuntimeError(f"home directory {home} does not exist: no cache")
        base = str(home / ".cache")  # (RuntimeError without a home: the callers treat it as no cache)
    return Path(base) / "responsibility"


def _code_digest() -> bytes:
    h = hashlib.sha256()
    for wing in ("policy", "chain"):
        for path in sorted((_PACKAGE / wing).glob("*.py")):
            h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    h.update((_PACKAGE / "_errors.py").read_bytes())
    return h.digest()


_CODE: list[bytes] = []


def code_digest() -> bytes:
    """A hash of the code that reads and checks policies and places (``policy/``, ``chain/``,
    ``_errors.py``), made once per process; an ``OSError`` where it cannot be read (a sourceless install):
    then nothing that depends on it is cached. Other caches of what that code makes key on it too."""
    if not _CODE:
        _CODE.append(_code_digest())
    return _CODE[0]


def key_of(root: Path) -> str | None:
    """The cache key of the policy directory at ``root``, or ``None`` when it cannot be read
    plainly (then the loader reads it and reports what is wrong)."""
    from ._yaml import read_bytes

    try:
        code = code_digest()  # (a sourceless install has no .py to read: no cache)
        h = hashlib.sha256(f"{FORMAT}\0{sys.version}\0{_pydantic_version()}\0".encode())
        h.update(code)
        files = [root / name for name in TOP_FILES]
        unread: list[str] = []
        for folder in FOLDERS:
            if (root / folder).is_dir():
                read = sorted((root / folder).glob("*.yaml"))
                files += read
                # YAML the loader does not read but refuses (unread_file: a .yml file, one in a subfolder): its name
                # is in the key, or a cached load would answer where an uncached one refuses (final22)
                unread += sorted(str(p.relative_to(root)) for p in (root / folder).rglob("*")
                                 if p.suffix.lower() in (".yml", ".yaml") and p not in read)
        h.update(b"unread\0" + "\0".join(unread).encode() + b"\0")
        for path in files:
            name = str(path.relative_to(root)).encode()
            if not (path.exists() or path.is_symlink()):
                h.update(b"absent\0" + name + b"\0")
                continue
            data = read_bytes(path)  # a FIFO or a device is refused, never read
            h.update(b"file\0" + name + b"\0" + str(len(data)).encode() + b"\0" + data)
    except Exception:
        return None
    return h.hexdigest()


def _pydantic_version() -> str:
    """The installed pydantic's version, read from its ``version.py`` without importing pydantic (~0.1 CPU s: a
    start from the cache needs none of it); imported where that file cannot be found."""
    import importlib.util
    import re

    spec = importlib.util.find_spec("pydantic")
    if spec is not None and spec.origin:
        try:
            text = (Path(spec.origin).parent / "version.py").read_text(encoding="utf-8")
        except OSError:
            text = ""
        if found := re.search(r"^VERSION = '([^']+)'", text, re.M):
            return found.group(1)
    from pydantic import VERSION

    return str(VERSION)


def _private(info: os.stat_result) -> bool:
    """Owned by this user and writable by no one else."""
    mine = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return mine and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def read(key: str, *, plain: bool = False) -> PolicyData | None:
    """The cached data under ``key``, or ``None`` (no entry, an unsafe directory, a bad entry).

    ``plain``: its plain twins (:mod:`._plain`), read without pydantic, which answer as the models do but are
    not models (pydantic does not validate them as such: a caller that hands the items to pydantic, as the
    service's responses do, reads the models); the models where there is no such entry."""
    if plain:
        from ._plain import TWINS

        twin = read_entry(PLAIN_KIND, key, PLAIN_FORMAT)
        if type(twin) is TWINS["PolicyData"]:
            found: PolicyData = twin  # type: ignore[assignment]  # (its plain twin: it answers as the model does)
            _name(_keys, found, key)
            return found
    data = read_entry("policy", key, FORMAT)
    if data is None:
        return None
    from ._model import PolicyData

    if not isinstance(data, PolicyData):
        return None
    _name(_keys, data, key)
    return data


def write(key: str, data: PolicyData) -> None:
    """Store ``data`` under ``key`` atomically, as models and as plain twins; any failure leaves the cache as
    it was (a model without a twin: no plain entry)."""
    _name(_keys, data, key)
    write_entry("policy", key, FORMAT, data, KEEP)
    from ._plain import plain

    try:
        twin = plain(data)
    except TypeError:
        return
    write_entry(PLAIN_KIND, key, PLAIN_FORMAT, twin, KEEP)


#: The key of each policy's data read from or written to the cache in this process, by the data's id, while the data
#: lives (:func:`_name`).
_keys: dict[int, tuple[weakref.ref[object], str]] = {}


def _name(table: dict[int, tuple[weakref.ref[object], str]], data: object, key: str) -> None:
    """Note in ``table`` that ``key`` names ``data``, by its id, for as long as ``data`` lives: the entry holds it
    weakly and goes with it (a weak reference's callback runs before the object's memory, and so its id, is free), so
    the table holds only what is in use. (It held each data strongly, so that its id named no other object, and so
    every policy ever read, written or derived in the process: each load of the suite's fresh views, each reading's
    switched views' data.)"""
    at = id(data)

    def gone(ref: weakref.ref[object]) -> None:
        got = table.get(at)
        if got is not None and got[0] is ref:
            table.pop(at, None)

    table[at] = (weakref.ref(data, gone), key)


def _named(table: dict[int, tuple[weakref.ref[object], str]], data: object) -> str | None:
    """The key :func:`_name` noted for ``data`` in ``table``, or ``None``."""
    got = table.get(id(data))
    return got[1] if got is not None and got[0]() is data else None


def key_for(data: PolicyData) -> str | None:
    """The cache key ``data`` was read or written under in this process, or ``None``: a hash of the
    files it was loaded from and of the code that loaded them, which names the data without
    serialising it (the cached artefacts of other wings are keyed on it)."""
    return _named(_keys, data)


#: Keys of data derived from keyed data by a known step (:func:`derive_key`), by the data's id, while the data lives.
_derived: dict[int, tuple[weakref.ref[object], str]] = {}


def derive_key(base: PolicyData, data: PolicyData, step: str) -> None:
    """Name ``data``, made from ``base`` by ``step`` alone (``policy/_whatif.flipped``: one bool parameter switched), by
    a hash of ``base``'s key (:func:`content_key`) and ``step``; nothing where ``base`` has none. So what other wings
    derive from a switched view (its compiled rules, ``engine/_compile.rules_key``) is cached as the policy's is. Not
    :func:`key_for`'s: the assessor's entries stay keyed on data read from files only."""
    key = content_key(base)
    if key is not None:
        _name(_derived, data, hashlib.sha256(f"{key}\0{step}".encode()).hexdigest())


def content_key(data: PolicyData) -> str | None:
    """:func:`key_for`, else the key :func:`derive_key` gave ``data``, else ``None``."""
    got = key_for(data)
    return got if got is not None else _named(_derived, data)


#: How many policies read from the cache this process keeps in use (:func:`kept_view`): the shipped rules, an
#: ``--as-of`` day or two, a notebook's edited copy. Each holds its engines' memos, a few MB.
VIEWS_KEPT = 4
#: Views read from the cache in this process, newest last: (key, root, day, cache directory) → the cache's entries
#: as they stood, and the views of that load (one per class and form: plain twins or models).
_views: dict[tuple[str, str, object, str], tuple[tuple[object, ...], list[tuple[object, bool]]]] = {}
_views_lock = threading.Lock()
#: Above 0 within :func:`views_apart`.
_apart = [0]


@contextlib.contextmanager
def views_apart() -> Iterator[None]:
    """Within it, a load keeps no view and is given none kept: each is a view of its own, with memos of its own,
    as a new process's first load is (a test of what that first load does, of a decider's order, of what a dropped
    policy frees)."""
    with _views_lock:
        _apart[0] += 1
    try:
        yield
    finally:
        with _views_lock:
            _apart[0] -= 1


def _entries_now(folder: Path, key: str) -> tuple[object, ...]:
    """The cache directory and this key's two policy entries as they stand (which file, its owner and mode, an
    entry's size; ``None`` for one that is not there): a kept view answers only while they are the same. Not their
    times: every read marks an entry in use, and the suite's workers, a service's, share one directory."""
    def seen(path: Path, entry: bool) -> object:
        try:
            info = os.lstat(path) if entry else os.stat(path)
        except OSError:
            return None
        return info.st_dev, info.st_ino, info.st_uid, info.st_mode, info.st_size if entry else 0

    return (seen(folder, False), seen(folder / f"policy-{key}.pickle", True),
            seen(folder / f"{PLAIN_KIND}-{key}.pickle", True))


def kept_view(key: str, root: Path, as_of: object, cls: type[_V], *, plain: bool = False) -> _V | None:
    """The view of the policy at ``root`` read from the cache under ``key`` earlier in this process (kept by
    :func:`keep_view`), as of the same day, of ``cls`` (exactly that class where one is kept, else a subclass: the
    ``Policy`` of ``responsibility.load()`` answers a load of a ``PolicyView``) and in the same form (plain twins or
    models), or ``None``.

    Loading the same files again in one process (``responsibility.load()`` in a notebook cell run twice, the CLI run
    in-process, a test that loads the shipped rules) answers with the view already made, so the memos its engines
    filled in its first decisions are not paid for again (2.5 CPU s on 700 records for a fresh view, 0.19 warm:
    suite47). A view is read-only to its users (its data's models are frozen; ``with_parameters`` and ``at`` make
    new views) and what it derives depends on its data alone. An edited file is another key; the cache turned off,
    pointed at another directory, or its entries for this key changed on disk (removed, rewritten, damaged, made
    writable by others) loads as before; only a view read back from the cache is kept, never one read from the YAML,
    so a kept view is what that new load would give (no file positions)."""
    try:
        folder = cache_dir()
    except Exception:  # (no home: no cache)
        return None
    vk = (key, str(root), as_of, str(folder))
    with _views_lock:
        got = _views.pop(vk, None) if not _apart[0] else None
        if got is None:
            return None
        if _entries_now(folder, key) != got[0]:
            return None  # (dropped: changed on disk)
        # a view of exactly ``cls`` first, else one of a subclass (a ``Policy`` is a ``PolicyView`` with the answers
        # on top: the CLI's, the service's and the scenario files' loads share the memos of ``responsibility.load()``'s)
        same = [view for view, is_plain in got[1] if is_plain == plain and type(view) is cls]
        if not same:
            same = [view for view, is_plain in got[1] if is_plain == plain and isinstance(view, cls)]
        _views[vk] = got  # (the newest now)
        if not same:
            return None
        # (marked in use, as a read marks it, so that _trim keeps it while this process uses it)
        with contextlib.suppress(OSError):
            os.utime(folder / f"{PLAIN_KIND if plain else 'policy'}-{key}.pickle")
        view: _V = same[0]
        return view
    return None


def keep_view(key: str, root: Path, as_of: object, view: object, *, plain: bool) -> None:
    """Keep ``view``, just read from the cache under ``key`` (see :func:`kept_view`), dropping the oldest load past
    :data:`VIEWS_KEPT`."""
    try:
        folder = cache_dir()
    except Exception:
        return
    vk = (key, str(root), as_of, str(folder))
    with _views_lock:
        if _apart[0]:
            return
        now = _entries_now(folder, key)
        old = _views.pop(vk, None)
        views = [(v, p) for v, p in old[1] if not (type(v) is type(view) and p == plain)] if old and old[0] == now \
            else []
        _views[vk] = (now, [*views, (view, plain)])
        while len(_views) > VIEWS_KEPT:
            del _views[next(iter(_views))]


def read_entry(kind: str, key: str, fmt: int) -> object | None:
    """The object stored as ``kind`` under ``key`` in format ``fmt``, or ``None`` (the cache off, no
    entry, a directory or entry others may write to, an entry that does not unpickle or was stored
    under another key or format). Another wing's cached artefacts use this too (``kind`` names them)."""
    payload = _sound_payload(kind, key, fmt)
    if payload is None:
        return None
    try:
        got: object = pickle.loads(payload)
    except Exception:
        return None
    return got


def entry_sound(kind: str, key: str, fmt: int) -> bool:
    """Whether :func:`read_entry` would find an entry of ``kind`` under ``key`` in format ``fmt`` where it must lie,
    whole (its key, format and digest), without unpickling what it holds (engine/_compile: rules shared in the process
    need no read, only a damaged entry written again); marked in use as a read marks it."""
    return _sound_payload(kind, key, fmt) is not None


def _sound_payload(kind: str, key: str, fmt: int) -> bytes | None:
    """The pickled object of the entry :func:`read_entry` reads, where the entry is sound; marks it in use."""
    if not enabled():
        return None
    try:
        folder = cache_dir()
        path = folder / f"{kind}-{key}.pickle"
        if not (_private(os.stat(folder)) and _private(os.lstat(path))):
            return None
        with open(path, "rb") as f:
            stored_fmt, stored, digest, payload = pickle.load(f)
        if stored_fmt != fmt or stored != key or type(payload) is not bytes \
                or hashlib.sha256(payload).digest() != digest:
            return None  # another format or key, or damaged (a flipped byte that still unpickles)
    except Exception:
        return None
    # (an entry read is one in use: _trim keeps the newest by mtime, so without this the first entries written — the
    # shipped policy's, its areas' rules — went first, however often they were read, and every later cold process
    # rebuilt them while once-used what-if views stayed)
    with contextlib.suppress(OSError):
        os.utime(path)
    return payload


def write_entry(kind: str, key: str, fmt: int, data: object, keep: int) -> None:
    """Store ``data`` as ``kind`` under ``key`` atomically (a temporary file in the cache directory, then
    a rename), keeping the newest ``keep`` entries of ``kind``; any failure (a read-only disk, an object
    that does not pickle) leaves the cache as it was."""
    if not enabled():
        return
    tmp = None
    try:
        folder = cache_dir()
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(os.stat(folder)):
            return
        fd, tmp = tempfile.mkstemp(prefix=f".{kind}-", suffix=".tmp", dir=folder)
        payload = pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(fd, "wb") as f:  # with its digest: an entry damaged on disk is not used
            pickle.dump((fmt, key, hashlib.sha256(payload).digest(), payload), f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder / f"{kind}-{key}.pickle")
        tmp = None
        _trim(folder, kind, keep)
    except Exception:
        return
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _trim(folder: Path, kind: str, keep: int) -> None:
    entries = sorted(folder.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[keep:]:
        with contextlib.suppress(OSError):
            old.unlink()
