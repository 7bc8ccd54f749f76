"""What an assessor builds before its first record, saved once and loaded by the next run.

An :class:`~._assessor.Assessor` starts by making its tables (:class:`~._tables.Tables`: every
code, level, body and place as integers, and what the policy says of each combination) and then
makes a template for each fact shape its records meet (:class:`~._core.Templates`: the rules
fired, the findings placed and worded). Both depend only on the policy's data in force, its
what-if parameters, the jurisdiction's places, the language and the package's own code — never
on the records — and cost most of a short run's CPU. So they are kept in the per-user cache of
:mod:`responsibility.policy._cache` (``~/.cache/responsibility``, ``$XDG_CACHE_HOME``,
``$RESPONSIBILITY_CACHE_DIR``; ``RESPONSIBILITY_CACHE=off`` turns it off), under a key that
hashes all of these:

- the source of every module of the package (any change of code is another key: an entry is
  never read by code other than the code that wrote it), the Python and numpy versions;
- the policy's data (the policy cache's key where it was read or written through that cache: a
  hash of its files and of the code that loads them; else its data, as ``PolicyView.version_key``
  hashes it), its ``as_of`` day and what-if parameters; the jurisdiction's codes, names and odd
  levels (the key of its entry in the jurisdiction cache where it was read or written through that
  cache: a hash of its file's bytes and of the code that reads them); the language.

A run that made templates the entry did not hold writes the entry again at its end (atomically:
a temporary file, then a rename), so the templates of the ledgers one assesses accumulate.
Anything unusable — no entry, a corrupt or foreign file, one whose bytes no longer match the
digest written with them, an entry in a directory others may write to, a read-only or full
disk, no home directory, a sourceless install (no code to hash) — makes the assessor build
everything as without a cache: never an error, and the same findings.

What is saved is the tables' and templates' own state, less what belongs to the process (the
policy, jurisdiction and decider they were made with, given again on loading; memos keyed by
object ids), the emitter's texts and worded template rows (``Emitter.state``), the distinct
place names of the finding column ``place_name`` (``_tables.place_names``), and what the first chunk
of every run asked of the policy in Python (:func:`made`: ~0.15 CPU s a run made afresh).
``tests/test_batch_saved.py`` checks that a loaded assessor holds the same
attributes as a built one and assesses alike.
"""

from __future__ import annotations

import hashlib
import os
import sys
import threading
import weakref
from pathlib import Path
from typing import Any

from ..chain._jurisdiction import Jurisdiction
from ..engine._decide import Decider
from ..policy import _cache
from ..policy._view import PolicyView
from ._core import ITEM_PAIRS, FoundFields, Interned, Templates, giving_line, item_pairs_key, item_pairs_tables
from ._encode import _COMMUNITY_TOWNSHIP
from ._tables import _PLACE_NAMES, _PLACE_TABLES, _PLACES, _PLACES_LOCK, Tables, _keep_place_names, place_names

#: Bumped when what is saved changes shape (a change of code changes the key anyway).
FORMAT = 3
#: The policy memo :func:`~._core.giving_line` keeps its table in.
_GIVING_LINE = "batch: giving line"
#: Entries kept (the newest; each holds one policy period's tables and templates, a few MB).
KEEP = 8
KIND = "assessor"
#: The cache entries of the package code's digest, by a stamp of its files (:func:`_code_digest`).
_CODE_KIND = "assessor_code"
#: Attributes of the saved objects that belong to this process: given again, or made again.
#: (``_unlined``: made on first use by batch/_core._unlined, as a built assessor makes it: not saved)
_TABLES_OWN = ("policy", "jurisdiction", "decider", "_unlined")
_TEMPLATES_OWN = ("t", "_ids", "_placed", "_arrays", "reads")
_PACKAGE = Path(__file__).resolve().parents[1]

_lock = threading.Lock()
_code: list[bytes] = []
#: digests of policy data and of jurisdictions already hashed in this process (the periods of an
#: amended policy share their data)
_data_digest: dict[int, tuple[Any, bytes]] = {}
_places_digest: weakref.WeakKeyDictionary[Jurisdiction, bytes] = weakref.WeakKeyDictionary()


def _code_digest() -> bytes:
    """A hash of the package's code: its ``.py`` files, and the ``.pyc`` files of a sourceless install (no
    ``__pycache__``); ``ValueError`` when there is neither (then nothing is cached).

    Reading and hashing the ~90 files (~2 MB) costs ~5 ms of every run (~70M instructions under valgrind, whose CPU
    hashes without SHA instructions), so the digest is kept in the cache under a stamp of the files' paths, sizes,
    inodes and modification and change times (``st_ctime_ns``: any write of a file moves it, and no ``touch`` sets
    it back), and hashed afresh whenever the stamp differs."""
    with _lock:
        if not _code:
            files: list[Path] = []
            for root, dirs, names in os.walk(_PACKAGE, followlinks=True):  # (Path.rglob took ~3 ms more)
                dirs[:] = [d for d in dirs if d != "__pycache__"]
                files += [Path(root, n) for n in names if n.endswith((".py", ".pyc"))]
            files.sort()
            if not any(p.name == "_saved.py" or p.name == "_saved.pyc" for p in files):
                raise ValueError("the package's code cannot be read")
            stamp = hashlib.sha256(f"{_PACKAGE}\0".encode())
            for path in files:
                st = os.stat(path)
                stamp.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\0{st.st_ino}\0{st.st_dev}\0"
                             .encode("utf-8", "surrogatepass"))
            key = stamp.hexdigest()
            got = _cache.read_entry(_CODE_KIND, key, FORMAT)
            if not (isinstance(got, bytes) and len(got) == 32):
                h = hashlib.sha256()
                for path in files:
                    h.update(str(path.relative_to(_PACKAGE)).encode() + b"\0" + path.read_bytes() + b"\0")
                got = h.digest()
                _cache.write_entry(_CODE_KIND, key, FORMAT, got, 4)
            _code.append(got)
        return _code[0]


def _policy_digest(policy: PolicyView) -> bytes:
    data = policy.data
    with _lock:
        got = _data_digest.get(id(data))
        if got is not None and got[0] is data:
            return got[1]
    key = _cache.key_for(data)  # (loaded through the policy cache: its files' hash names it, ~0.05 s less)
    digest = hashlib.sha256(b"files\0" + key.encode() if key is not None else
                            b"data\0" + data.model_dump_json().encode()).digest()
    with _lock:
        _data_digest[id(data)] = (data, digest)
    return digest


def _jurisdiction_digest(j: Jurisdiction) -> bytes:
    with _lock:
        got = _places_digest.get(j)
    if got is None and (key := j.cache_key) is not None:
        # read from (or written to) the jurisdiction cache: that entry's key, a hash of the file's bytes and of the
        # code that reads them, names its places as hashing their listing would (~26,000 places: ~4 ms less)
        got = hashlib.sha256(b"cached\0" + key.encode()).digest()
        with _lock:
            _places_digest[j] = got
    if got is None:
        codes, names, odd = j._listing()
        h = hashlib.sha256()
        for part in (codes, names, [f"{c}={lv}" for c, lv in sorted(odd.items())]):
            h.update("\0".join(part).encode("utf-8", "surrogatepass") + b"\1")
        got = h.digest()
        with _lock:
            _places_digest[j] = got
    return got


def key_of(policy: PolicyView, jurisdiction: Jurisdiction, lang: str) -> str | None:
    """The key of what an assessor of ``policy`` over ``jurisdiction`` in ``lang`` builds, or ``None``
    when the cache is off or something cannot be hashed (then nothing is read or written)."""
    if not _cache.enabled():
        return None
    try:
        import numpy as np

        h = hashlib.sha256(f"{FORMAT}\0{sys.version}\0{np.__version__}\0{lang}\0{policy.as_of}\0".encode())
        h.update(_code_digest())
        h.update(_policy_digest(policy))
        h.update(repr(sorted(policy.what_if.items())).encode("utf-8", "surrogatepass"))
        h.update(_jurisdiction_digest(jurisdiction))
    except Exception:
        return None
    return h.hexdigest()


def made(t: Tables, receivers: Any) -> dict[str, Any]:
    """What a run asks of the policy in Python, of these tables alone, before its first records are decided, to
    save with them: which named bodies give a record their line (:func:`~._core.giving_line`, ~3,400 questions
    of the policy: ~0.1 CPU s), the receiving bodies (``receivers``, :func:`~._core.receiving_bodies`: ~0.03)
    and each place's township for urban communities (:func:`~._encode.community_township`, a pass over ~26,000
    place codes in Python: ~0.03), where the run made it, and where the receiving bodies are read the tables of
    the levels that stand for two bodies together (:func:`~._core.item_pairs_tables`, ~800 questions: ~0.03)."""
    township = _COMMUNITY_TOWNSHIP.get(id(t.places))
    return {"giving_line": giving_line(t), "receivers": receivers,
            "community_township": township[1] if township is not None and township[0] is t.places else None,
            "item_pairs": item_pairs_tables(t) if receivers is not None else None}


def load(key: str, policy: PolicyView, jurisdiction: Jurisdiction, decider: Decider,
         lang: str) -> tuple[Tables, Templates, dict[str, Any], dict[str, Any]] | None:
    """The tables and templates saved under ``key``, made this process's again, the emitter's state
    (``Emitter.state``) and what :func:`made` gave (put where ``giving_line`` and ``community_township``
    look for theirs), or ``None``."""
    got: Any = _cache.read_entry(KIND, key, FORMAT)
    try:
        tables_state, templates_state, ids, reads_state, emitter_state, (names, where), more = got
        t: Tables = Tables.__new__(Tables)
        t.__dict__.update(tables_state)
        t.policy, t.jurisdiction, t.decider = policy, jurisdiction, decider
        # every Tables of one jurisdiction shares its place tables (as Tables.__post_init__ does)
        levels = tuple(t.rank.items())
        with _PLACES_LOCK:
            known = _PLACES.setdefault(jurisdiction, {}).setdefault(
                levels, {name: tables_state[name] for name in _PLACE_TABLES})
        t.__dict__.update(known)
        texts = t.place_texts
        if texts is tables_state["place_texts"] and len(where) == len(texts):  # (these tables' own place names,
            # not another Tables' of this jurisdiction, which made its own: ~0.008 CPU s not spent again)
            got_names = _PLACE_NAMES.get(id(texts))
            if got_names is None or got_names[0] is not texts:
                _keep_place_names(texts, names, where)
        tpl: Templates = Templates.__new__(Templates)
        tpl.__dict__.update(templates_state)
        if tpl.lang != lang:
            return None
        tpl.t, tpl._placed, tpl._arrays = t, {}, {}
        interned = Interned(tpl._new)
        interned.keys, interned.ids = ids
        tpl._ids = interned
        reads: FoundFields = FoundFields.__new__(FoundFields)
        reads.__dict__.update(reads_state)
        reads.t = t
        tpl.reads = reads
        gives, township = more["giving_line"], more["community_township"]
        if gives.shape != (len(t.areas), len(t.kind_names) + 1, len(t.bodies)) or \
                (township is not None and len(township) != len(t.places)):
            return None
    except Exception:  # no entry (None), or not what this code saves
        return None
    # (kept where giving_line and community_township look for them: the policy's memo, by the tables' areas, kinds
    # and bodies; by the tables' list of places)
    memo: dict[tuple[tuple[str, ...], ...], Any] = policy._memo(_GIVING_LINE, dict)
    memo.setdefault((tuple(t.areas), tuple(t.kind_names), tuple(t.bodies)), gives)
    if township is not None and id(t.places) not in _COMMUNITY_TOWNSHIP:
        _COMMUNITY_TOWNSHIP[id(t.places)] = (t.places, township)
    pairs = more.get("item_pairs")
    nr = t.max_rank + 1
    if pairs is not None and pairs[0].shape == (len(t.areas), len(t.kind_names) + 1, nr, nr, 2) \
            and pairs[1].shape == pairs[0].shape[:-1]:  # (where item_pairs looks for them: ~0.03 CPU s a run)
        kept: dict[tuple[Any, ...], Any] = policy._memo(ITEM_PAIRS, dict)
        kept.setdefault(item_pairs_key(t), pairs)
    return t, tpl, emitter_state, more


def save(key: str, t: Tables, tpl: Templates, emitter_state: dict[str, Any], more: dict[str, Any]) -> None:
    """Save ``t``, ``tpl``, the state of their emitter (``Emitter.state``: the texts and worded
    template rows, which cost a short run a tenth of its CPU seconds to make again) and ``more``
    (:func:`made`) under ``key`` (any failure leaves the cache as it was)."""
    tables_state = {k: v for k, v in t.__dict__.items() if k not in _TABLES_OWN}
    templates_state = {k: v for k, v in tpl.__dict__.items() if k not in _TEMPLATES_OWN}
    reads_state = {k: v for k, v in tpl.reads.__dict__.items() if k != "t"}
    _cache.write_entry(KIND, key, FORMAT, (tables_state, templates_state, (tpl._ids.keys, tpl._ids.ids),
                                           reads_state, emitter_state, place_names(t.place_texts), more), KEEP)
