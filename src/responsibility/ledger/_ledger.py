"""The :class:`Ledger`: a problem ledger (台账) in a database, as a Python object."""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import json
import os
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .._errors import ProblemError, ResponsibilityError

if TYPE_CHECKING:
    from ..chain._jurisdiction import Jurisdiction
    from ..engine._route import Route
    from ..policy._view import PolicyView
    from ._columnar import Folded
    from ._import import ImportResult
from ._events import GENESIS, Event, chain_hash, shown
from ._fold import Folder, State, paused_gc
from ._store import (
    SCHEMA_VERSION,
    LedgerError,
    LedgerExists,
    corrected_rows,
    create,
    engine_of,
    insert,
    iter_rows,
    json_lines,
    lock_head,
    now,
    quick_check,
    rows_to_insert,
    schema_version,
    shown_target,
    store_rules,
    stored_rules,
    tables,
    url_of,
)


class ImportStopped(LedgerError):
    """An import ended by its ``stop`` (the service's caller went away): the ledger is as it was."""


#: How many events that cannot be read one refusal names (the rest counted).
MAX_BAD_EVENTS = 20


class EventErrors(ProblemError):
    """Several events given at once that cannot be read: the first as the error itself (its field, code and index),
    each in ``errors``; the message names every one (at most :data:`MAX_BAD_EVENTS`)."""

    def __init__(self, errors: list[ProblemError]) -> None:
        first = errors[0]
        shown = errors[1:MAX_BAD_EVENTS]
        more = len(errors) - 1 - len(shown)
        also = "".join(f"; also {_of_problem(e)}field {e.field!r}: {e.detail}" for e in shown)
        tail = f"; and more events that cannot be read (only the first {MAX_BAD_EVENTS} are named)" if more else ""
        super().__init__(first.field, first.detail + also + tail, record=first.record, code=first.code,
                         where=first.where, index=first.index)
        self.errors = list(errors[:MAX_BAD_EVENTS])


def _of_problem(exc: ProblemError) -> str:
    return f"problem {exc.record!r}, " if exc.record else ""


class ImportTooLarge(LedgerError):
    """An import of more rows than its ``max_rows`` (the service's limit): refused with nothing stored, so that one
    upload does not hold the ledger's write lock longer than other writers wait for it."""

    def __init__(self, message: str, limit: int) -> None:
        super().__init__(message)
        self.limit = limit


@dataclass(frozen=True)
class Verification:
    """The outcome of :meth:`Ledger.verify`: ``ok``, how many events were checked, and the first
    event that was altered, removed or reordered (``seq``, ``problem``, ``what``)."""

    ok: bool
    events: int
    seq: int | None = None
    problem: str | None = None
    what: str = ""
    #: The last event's hash when the chain is intact: kept outside the database (an office's register), it shows
    #: what the database alone cannot — the last events removed and the head rewound to match.
    last_hash: str = ""

    def zh(self) -> str:
        """The result in Chinese (the English is ``str()``)."""
        if self.ok:
            return f"正常：共 {self.events:,} 条事件，哈希链完整，末条事件哈希 {self.last_hash}"
        of = f"（问题 {self.problem}）" if self.problem is not None else ""  # a removed last event names no problem
        if self.what.startswith("the database file is damaged"):
            return "数据库文件已损坏（在 SQLite 之外被截断或改写），哈希链无法核对：请从备份恢复"
        if self.seq is None:  # the head row itself is gone
            return f"哈希链无法核对：{self.what}"
        return f"第 {self.seq} 条事件{of}处哈希链断开：{self.what}"

    def __str__(self) -> str:
        if self.ok:
            return f"OK: {self.events:,} events, hash chain intact, last hash {self.last_hash}"
        of = f" (problem {self.problem!r})" if self.problem is not None else ""
        if self.seq is None:
            return f"BROKEN: {self.what}"
        return f"BROKEN at event {self.seq}{of}: {self.what}"


def _event_from_row(row: tuple[Any, ...]) -> Event:
    seq, problem, kind, day, data, entered_by, entered_at = row[:7]
    return Event(problem=problem, type=kind, on=dt.date.fromisoformat(day), data=json.loads(data),
                 entered_by=entered_by, seq=int(seq), entered_at=entered_at,
                 hash=row[7] if len(row) > 7 else None)


def rules_mark(policy: PolicyView) -> dict[str, Any]:
    """What a ledger records of the rules its events are entered under: the policy's ``id`` and ``version``
    (rules/policy.yaml) and its ``sources`` (the document and every amending one layered on it, amendments/).

    The parameters are not in it: a value set with ``--set`` or in parameters.yaml is a reading the verdict names,
    not other rules. Nor is the data's digest: a release that corrects a reading (rules/ data) must apply to the
    events already stored, as it applies to every record."""
    data = policy.data
    return {"id": data.meta.id, "version": data.meta.version, "sources": sorted(s.id for s in data.sources)}


def rules_refusal(stored: dict[str, Any] | None, mark: dict[str, Any], target: str) -> str | None:
    """Why a ledger whose events were entered under the rules ``stored`` may not be read or written under the rules
    ``mark`` (``None``: it may). Other rules are another policy (its id), or the same policy without an amendment
    the events were entered under (a body only the amendment knows would be an unknown body). The same policy with
    more amendments, another version of its data or other parameters is the same rules, read anew."""
    if stored is None:
        return None
    entered = f"{stored['id']!r} (version {stored.get('version')})"
    if stored["id"] != mark["id"]:
        return (f"{target}: its events were entered under the rules {entered}, and these rules are {mark['id']!r} "
                f"(version {mark['version']}); give the rules its events were entered under (--rules DIR, or "
                "Ledger.open(path, policy=responsibility.load(DIR))) — every command on a ledger takes the same rules")
    lacking = sorted(set(map(str, stored["sources"])) - set(mark["sources"]))
    if lacking:
        return (f"{target}: its events were entered under the rules {entered} amended by {', '.join(lacking)}, and "
                "these rules lack that amendment (a body or kind only it names would be unknown); give the amended "
                "rules' directory (--rules DIR, with the amendment in DIR/amendments/)")
    return None


def _absolute_hint(target: str, path: str) -> str:
    """A note for ``sqlite:///tmp/x.db``, which is ``tmp/x.db`` under the current directory (three slashes, then the
    path: SQLAlchemy's form), where ``/tmp/x.db`` was likely meant: "directory tmp does not exist" named a
    directory the user never wrote (hostile60). Empty unless the path read from ``/`` would do."""
    import os

    if not target.startswith("sqlite:///") or os.path.isabs(path):
        return ""
    absolute = "/" + path
    if not (os.path.exists(absolute) or os.path.isdir(os.path.dirname(absolute))):
        return ""
    return (f" (sqlite:/// is followed by a path from the current directory, {path}; for {absolute} write four "
            f"slashes: sqlite:///{absolute})")


def _sqlite_path(target: str) -> str | None:
    """The file of a SQLite ledger (a path, or a ``sqlite:///`` URL); ``None`` for a server's URL."""
    if "://" not in target:
        return target
    if target.startswith("sqlite:///") and target != "sqlite:///:memory:":
        return target[len("sqlite:///"):].split("?", 1)[0] or None
    return None


def database_files(target: str) -> list[str]:
    """The files of a SQLite ledger at ``target`` (a path or a ``sqlite:///`` URL): the database
    and its journal, WAL and shared-memory files, which no output may replace (none for a server's)."""
    path = _sqlite_path(str(target))
    return [] if path is None else [path, *(path + end for end in ("-journal", "-wal", "-shm"))]


#: Suffixes of the files a ledger reads and writes (imports, exports, lists, records), never of a new ledger itself.
_DATA_SUFFIXES = frozenset({".csv", ".tsv", ".txt", ".xlsx", ".xls", ".json", ".jsonl", ".yaml", ".yml", ".parquet",
                            ".html", ".md"})


def _target(target: Any, verb: str) -> str:
    """``target`` of :meth:`Ledger.create` or :meth:`Ledger.open` as text: a file name or URL, or a path. Anything else
    was made text: ``Ledger.create(None)`` (an unset variable's ``os.environ.get``) created a ledger file named
    'None' in the working directory, and ``create(5)`` one named '5' (hostile58)."""
    import os

    if isinstance(target, str):
        return target
    if isinstance(target, os.PathLike):
        return os.fspath(target)  # type: ignore[no-any-return]
    from .._json import kind_of

    raise TypeError(f"Ledger.{verb}() takes the ledger's SQLite file name or database URL (text, or a path), not "
                    f"{kind_of(target)}")


def _check_file(target: str, *, creating: bool) -> None:
    """Refuse, as one :class:`LedgerError`, a SQLite ledger path that is a directory, a pipe or
    a device, or a file that is not an SQLite database (SQLite would fail deep inside)."""
    import os
    import stat

    path = _sqlite_path(target)
    if not target or path == ":memory:" or (path is None and target.lower().startswith("sqlite:")):
        # SQLite keeps such a database in memory (or, for '', in a temporary file) and drops it when the connection
        # closes: `ledger init ''` said "created ledger" of nothing, and every later command said to run init
        # (hostile41)
        raise LedgerError(f"{target!r} names no file: SQLite would keep that ledger in memory and lose it when the "
                          "command ends; give the ledger's file name (county.db, or sqlite:///county.db)")
    if target == "-":  # (`ledger init -` made a file named '-'; every other command reads '-' as standard input)
        raise LedgerError("'-' names no ledger: a ledger is a database file, never standard input or output; give "
                          "its file name (county.db; ./- for a file named '-')")
    if path is None:
        return
    try:
        st = os.stat(path)
    except OSError:
        parent = os.path.dirname(path) or "."
        if creating:
            suffix = os.path.splitext(path)[1].lower()
            if suffix in _DATA_SUFFIXES:
                # `ledger init ledger.csv` made an SQLite database named .csv without a word: a user who opens it in
                # Excel finds binary, and one who meant a CSV ledger never learns there is none (ux45)
                raise LedgerError(f"{target}: a ledger is an SQLite database (or a PostgreSQL URL), not a {suffix} "
                                  f"file; name it so (e.g. {os.path.splitext(path)[0]}.db) — a {suffix} file is what "
                                  "`ledger import` reads and `ledger export` or `ledger list -o` write") from None
            if not os.path.isdir(parent):
                raise LedgerError(f"{target}: directory {parent} does not exist; create it first"
                                  f"{_absolute_hint(target, path)}") from None
            return
        if not os.path.isdir(parent):
            # (the hint to init it sent the user to a command that then failed on the directory; hostile58 #4)
            raise LedgerError(f"{target}: no such ledger: directory {parent} does not exist; check the path, or "
                              f"create the directory and then the ledger (`responsibility ledger init {target}`)"
                              f"{_absolute_hint(target, path)}") from None
        raise LedgerError(f"{target}: no such ledger; create it with `responsibility ledger init {target}`"
                          f"{_absolute_hint(target, path)}") from None
    if stat.S_ISDIR(st.st_mode):
        raise LedgerError(f"{target}: is a directory; give the ledger's file (e.g. {os.path.join(path, 'county.db')})")
    if not stat.S_ISREG(st.st_mode):
        raise LedgerError(f"{target}: not a regular file (a pipe or a device); give the ledger's file")
    if st.st_size:
        try:
            with open(path, "rb") as f:
                magic = f.read(16)
        except OSError as exc:
            raise LedgerError(f"{target}: cannot read it ({(exc.strerror or str(exc)).lower()})") from None
        if magic != b"SQLite format 3\x00":
            if creating:
                # `ledger init county-ledger.xlsx` was told to "create one elsewhere with `ledger init FILE`", the
                # command it had just run: init makes a new file, and this one is there already, and no ledger
                suffix = os.path.splitext(path)[1].lower()
                what = f"a {suffix} file" if suffix in _DATA_SUFFIXES else "a file that is not a ledger"
                raise LedgerError(f"{target}: is there already, {what} (not an SQLite database), and init never "
                                  "writes over a file; give a new file's name (e.g. county.db)"
                                  + (" — a file such as this one goes into the ledger with `responsibility ledger "
                                     "import LEDGER FILE`" if suffix in (".xlsx", ".csv") else ""))
            raise LedgerError(f"{target}: not a ledger (not an SQLite database); give a ledger's file, or create "
                              "one elsewhere with `responsibility ledger init FILE`")


def _disk_full(target: str) -> bool:
    """Whether the disk of the SQLite file ``target`` has no room left (SQLite says 'disk I/O error' when its
    journal cannot grow): a URL of a server is not ours to tell."""
    import shutil

    if "://" in target and not target.startswith("sqlite:"):
        return False
    path = target.split("///", 1)[-1] if target.startswith("sqlite:") else target
    try:
        return shutil.disk_usage(os.path.dirname(os.path.abspath(path)) or ".").free < 64 * 1024
    except OSError:
        return False


@contextlib.contextmanager
def _database_errors(target: str) -> Iterator[None]:
    """A database that cannot be opened or read (a missing directory, no permission, a corrupt
    file, a server that refuses) as one :class:`LedgerError` naming it."""
    from ._store import _sqlalchemy

    sa = _sqlalchemy()
    try:
        yield
    except (sa.exc.OperationalError, sa.exc.DatabaseError) as exc:
        reason = " ".join(str(getattr(exc, "orig", None) or exc).split())[:200]
        if "disk is full" in reason.lower() or ("disk i/o error" in reason.lower() and _disk_full(target)):
            from .._files import no_space

            # (SQLite rolls the transaction back: the ledger keeps what it held)
            raise LedgerError(no_space(f"the ledger {shown_target(target)}", left="the ledger is as it was (nothing "
                                       "of this command was stored)")) from None
        hint = "; check the free space of its disk, and any limit on file sizes (ulimit -f)" \
            if "disk i/o error" in reason.lower() else \
            _unopened(target) if "unable to open database file" in reason.lower() else ""
        raise LedgerError(f"{shown_target(target)}: cannot use it as a ledger database ({reason}){hint}") from None


def _unopened(target: str) -> str:
    """What to say of a SQLite ledger SQLite could not open: its directory, when that cannot be written (a read-only
    disk or share, its permissions), and what to do (hostile43: "its directory must be writable too" was said of any
    such failure, not whether it was)."""
    import os

    path = _sqlite_path(target)
    if path is None or path == ":memory:":
        return ""
    folder = os.path.dirname(os.path.abspath(path))
    if os.access(folder, os.W_OK):
        return "; SQLite keeps two files beside it (-wal, -shm), so its directory must be writable too"
    if not os.path.exists(path):
        return f"; its directory {folder} cannot be written (a read-only disk or share, or its permissions): create " \
            "the ledger in a directory you may write"
    if not os.path.exists(path + "-wal"):
        return f"; its directory {folder} cannot be written (a read-only disk or share, or its permissions), where " \
            "SQLite keeps two files beside it (-wal, -shm): copy it to a directory you may write, and open the copy"
    return f"; its directory {folder} cannot be written (a read-only disk or share, or its permissions), and its " \
        f"-wal file holds writes not yet in the file itself, which SQLite cannot read there: copy {path} and " \
        f"{path}-wal together to a directory you may write, and open the copy"


class Ledger:
    """A problem ledger in SQLite (a file path) or PostgreSQL (a URL).

    >>> import tempfile, os, responsibility
    >>> path = os.path.join(tempfile.mkdtemp(), "county.db")
    >>> ledger = responsibility.Ledger.create(path)
    >>> _ = ledger.append([
    ...     {"problem": "P1", "type": "registered", "on": "2021-03-01", "area": "housing",
    ...      "kind": "housing_renovation_late", "place": "330127100219"},
    ...     {"problem": "P1", "type": "discovered", "on": "2021-03-01", "level": "county",
    ...      "channel": "hotline"}], entered_by="clerk")
    >>> ledger.state("P1").status
    'discovered'
    >>> lists = ledger.lists("2021-03-20")          # 问题清单, 责任清单, 整改清单 as pandas frames
    >>> sorted(lists), len(lists["problems"])
    (['problems', 'rectifications', 'responsibilities'], 1)
    >>> late = ledger.alerts(within=7, as_of="2021-03-20")   # who must act, by when
    >>> late[["problem", "body", "stage", "overdue"]].values.tolist()[0]
    ['P1', 'county_construction', 'handling', True]
    >>> ledger.verify().ok
    True
    >>> ledger.close()
    """

    def __init__(self, target: str, *, policy: PolicyView | None = None, jurisdiction: Jurisdiction | None = None,
                 _engine: Any = None, _new: bool = False) -> None:
        self.url = url_of(str(target))
        #: The SQLite file (``None`` for a server's database): an input no output may replace.
        self.file = _sqlite_path(str(target))
        import os

        if not _new and self.file is not None and _engine is None and not os.path.exists(self.file):
            # `Ledger("county.db")` made an empty file there and its first append raised SQLAlchemy's
            # OperationalError "no such table: head" (hostile33's notebook pass); create and open are the ways in
            shown = shown_target(str(target))
            raise LedgerError(f"{shown}: no such ledger; make a new one with Ledger.create({shown!r}) "
                              "(`responsibility ledger init`), or open an existing one with Ledger.open(PATH)")
        self.engine = _engine if _engine is not None else engine_of(str(target))
        self._policy = policy
        self._jurisdiction = jurisdiction
        #: Whether the policy was checked against the rules the ledger's events were entered under (rules_refusal).
        self._rules_checked = False
        #: :meth:`chain_warning`'s last walk: what the ledger was then, and where its chain broke (None: whole).
        self._chain_memo: tuple[Any, Verification | None] | None = None

    # ------------------------------------------------------------------ opening

    @classmethod
    def create(cls, target: str | Any, *, policy: PolicyView | None = None,
               jurisdiction: Jurisdiction | None = None) -> Ledger:
        """Create a new, empty ledger at ``target`` (a SQLite file path or a database URL)."""
        import os

        target = _target(target, "create")
        _check_file(str(target), creating=True)
        there = {f for f in database_files(str(target)) if os.path.lexists(f)}
        ledger = cls(str(target), policy=policy, jurisdiction=jurisdiction, _new=True)
        try:
            with _database_errors(str(target)):
                create(ledger.engine)
        except LedgerExists:
            ledger.close()
            shown = shown_target(str(target))
            raise LedgerError(f"{shown} already holds a ledger: open it with Ledger.open({shown!r}) (the other "
                              "`responsibility ledger` commands open it), or give another name for a new one") from None
        except BaseException:
            ledger.close()
            # the files this call made go with it: a full disk left a 4 KiB file that was no ledger, and the next
            # init refused it (review21b)
            for f in database_files(str(target)):
                if f not in there:
                    with contextlib.suppress(OSError):
                        os.unlink(f)
            raise
        return ledger

    @classmethod
    def open(cls, target: str | Any, *, policy: PolicyView | None = None, jurisdiction: Jurisdiction | None = None,
             create_missing: bool = False) -> Ledger:
        """Open the ledger at ``target``; with ``create_missing`` create it when there is none.

        Raises :class:`LedgerError` when ``target`` holds no ledger or one of another schema version.
        """
        target = _target(target, "open")
        target = str(target)
        _check_file(target, creating=create_missing)
        ledger = cls(target, policy=policy, jurisdiction=jurisdiction, _new=True)
        try:
            with _database_errors(target):
                version = schema_version(ledger.engine)
        except BaseException:
            ledger.close()
            raise
        if version is None:
            if create_missing:
                create(ledger.engine)
                return ledger
            from ._store import foreign_tables

            with ledger.engine.connect() as conn:
                other = foreign_tables(conn)
            ledger.close()
            if other:  # another program's file: init would have written into it (review22b R22b-6)
                raise LedgerError(f"{shown_target(target)}: another program's SQLite database (tables "
                                  f"{', '.join(other[:5])}{', …' if len(other) > 5 else ''}), not a ledger; give "
                                  "the ledger's file, or a new file name to `responsibility ledger init`")
            raise LedgerError(f"{shown_target(target)}: not a ledger; create it with `responsibility ledger init`")
        if version != SCHEMA_VERSION:
            ledger.close()
            what = "older" if version < SCHEMA_VERSION else "newer"
            fix = "run `responsibility ledger upgrade`" if version < SCHEMA_VERSION else "upgrade responsibility"
            raise LedgerError(f"{shown_target(target)}: schema version {version} is {what} than this library's "
                              f"{SCHEMA_VERSION}; {fix}")
        if policy is not None:  # refused here, before any input is read (the shipped rules: when first used)
            try:
                ledger.policy  # noqa: B018 (the check is the property's)
            except BaseException:
                ledger.close()
                raise
        return ledger

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, exc_type: object, exc: BaseException | None, tb: object) -> None:
        try:
            if exc is not None and (damage := self.damage_behind(exc)) is not None:
                raise damage from None
        finally:
            self.close()

    def damage_behind(self, exc: BaseException) -> LedgerError | None:
        """A :class:`LedgerError` saying the ledger was damaged outside the library, when ``exc`` (an error reading
        it that is no user error: an event row that is not JSON, a field of the wrong type) comes from rows the
        hash chain shows were altered; ``None`` otherwise (a bug stays a bug). Review18c T2: such rows gave "this is
        a bug", exit 3."""
        # (and the database's own refusal of what it reads: SQLite's "JSON cannot hold BLOB values" of a row whose
        # data was set to bytes was exit 3, "a bug"; ux47)
        database = isinstance(exc, _sa().exc.DBAPIError) or type(exc).__module__.startswith(("sqlite3", "psycopg"))
        if isinstance(exc, ResponsibilityError) or not (database or isinstance(exc, (ValueError, TypeError,
                                                                                     LookupError, AttributeError))):
            return None
        try:
            check = self.verify()
        except Exception:  # the chain cannot be read either: the original error stands
            return None
        if check.ok:
            return None
        return LedgerError(f"the ledger was damaged outside the library ({check}); restore it from a backup")

    def __repr__(self) -> str:
        return f"<Ledger {self.engine.url.render_as_string(hide_password=True)}>"

    @property
    def policy(self) -> PolicyView:
        """The policy events are checked against (default: the shipped rules)."""
        if self._policy is None:
            from ._compat import default_policy

            self._policy = default_policy()
        if not self._rules_checked:
            with self.engine.connect() as conn:
                refusal = rules_refusal(stored_rules(conn), rules_mark(self._policy), shown_target(self.url_target))
            if refusal is not None:
                raise LedgerError(refusal)
            self._rules_checked = True
        return self._policy

    @property
    def url_target(self) -> str:
        """The ledger as its messages name it: the SQLite file, or the database URL (its password hidden)."""
        return self.file if self.file is not None else self.engine.url.render_as_string(hide_password=True)

    def _mark_rules(self, conn: Any) -> None:
        """Inside a write transaction (the head locked): record the rules the events are entered under, or refuse
        them (another writer may have stored other rules since this ledger was opened)."""
        mark = rules_mark(self.policy)
        stored = stored_rules(conn)
        refusal = rules_refusal(stored, mark, self.url_target)
        if refusal is not None:
            raise LedgerError(refusal)
        if stored is None or set(mark["sources"]) > set(map(str, stored["sources"])) \
                or stored.get("version") != mark["version"]:
            store_rules(conn, mark, stored)

    @property
    def jurisdiction(self) -> Jurisdiction:
        """The jurisdiction places must lie in (default: the shipped example)."""
        if self._jurisdiction is None:
            from ._compat import Jurisdiction

            self._jurisdiction = Jurisdiction.example()
        return self._jurisdiction

    # ------------------------------------------------------------------ writing

    def append(self, events: Iterable[Mapping[str, Any] | Event] | Mapping[str, Any], *,
               entered_by: str | None = None, batch: str | None = None, within: str | None = None) -> list[Event]:
        """Check and store ``events`` in one transaction: all of them, or none.

        Each event is a flat mapping (see ``responsibility.ledger._events``) or an :class:`Event`;
        ``entered_by`` fills in who entered them. A bad event raises
        :class:`~responsibility.ProblemError` naming the field, and nothing is written.
        Returns the stored events with ``seq``, ``entered_at`` and ``hash`` set (for many events
        at once, :meth:`extend` streams them and returns only the count). ``within`` (the leading
        digits of a jurisdiction) keeps the "did you mean" of an unknown problem to the problems
        placed there (the service's callers are not told other counties' problem ids).
        """
        out: list[Event] = []
        self._store(events, entered_by=entered_by, batch=batch, keep=out, within=within)
        return out

    def extend(self, events: Iterable[Mapping[str, Any] | Event], *, entered_by: str | None = None,
               batch: str | None = None, chunk: int = 50_000) -> int:
        """Like :meth:`append` (one transaction, all or none) for a long stream of events: they are
        checked and written ``chunk`` at a time, so memory stays flat. Returns how many were stored."""
        return self._store(events, entered_by=entered_by, batch=batch, chunk=chunk)

    def _store(self, events: Iterable[Mapping[str, Any] | Event] | Mapping[str, Any], *, entered_by: str | None,
               batch: str | None, keep: list[Event] | None = None, chunk: int = 50_000,
               within: str | None = None) -> int:
        if type(events).__name__ in ("DataFrame", "Series", "LazyFrame"):
            # iterating a frame gives its column names: "event 1: expected an object, got text" said nothing of it
            raise ProblemError("(event)", f"expected an event (an object) or a list of them, got a "
                               f"{type(events).__name__}; pass its rows as dicts (df.to_dict('records'), "
                               "polars' df.to_dicts())", code="not_an_object")
        if isinstance(events, (str, bytes)) or not isinstance(events, Mapping | Event | Iterable):
            # (None, a number, text: it was Python's TypeError "… is not iterable"; review21b)
            from .._json import kind_of

            raise ProblemError("(event)", f"expected an event (an object) or a list of them, got {kind_of(events)}",
                               code="not_an_object")
        if entered_by is not None:
            # checked once, as the caller's argument (import_file does the same): an empty or unprintable --by was
            # refused once per event, "event 1: is required …; also … event 20: …" for one option (hostile58)
            try:
                entered_by = Event.parse({"problem": "-", "type": "rectified", "on": "2000-01-01"},
                                         entered_by=entered_by).entered_by
            except ProblemError as exc:
                raise ProblemError("entered_by", exc.detail.replace("who enters the event", "who enters the events"),
                                   code=exc.code) from None
        source = iter([events] if isinstance(events, Mapping | Event) else events)
        total = 0
        existing: dict[str, set[str]] = {}  # per call: the ledger's problem ids, once a bulk load needs them
        with self.engine.connect().execution_options(ledger_write=True) as conn, conn.begin(), paused_gc():
            seq, last = lock_head(conn)
            self._mark_rules(conn)
            folder = Folder(self.policy, self.jurisdiction)
            loaded: set[str] = set()
            at = now()
            while True:
                raw = list(itertools.islice(source, chunk))
                if not raw:
                    break
                parsed = []
                bad: list[ProblemError] = []
                for i, r in enumerate(raw):
                    try:
                        parsed.append(r if isinstance(r, Event) and entered_by is None else
                                      Event.parse(r.to_dict() if isinstance(r, Event) else r, entered_by=entered_by))
                    except ProblemError as exc:
                        # every event that cannot be read is said at once (a file with three typos was mended and
                        # refused three times over; ux47), as a record's every error is
                        bad.append(_of_event(_as_written(exc, r), total + i, bool(total) or len(raw) > 1))
                        if len(bad) > MAX_BAD_EVENTS:
                            break
                if bad:
                    raise (bad[0] if len(bad) == 1 else EventErrors(bad)) from None
                unknown = self._load(conn, folder, parsed, loaded, existing, within)
                failed: set[str] = set()  # problems with an event refused: their later events are not checked
                for i, err in unknown:
                    # (located at its own event: it was said at the file's first, with no "event N")
                    bad.append(_of_event(_as_written(err, raw[i]), total + i, bool(total) or len(parsed) > 1))
                    failed.add(parsed[i].problem)
                for i, e in enumerate(parsed):
                    if e.problem in failed or (e.type == "merged" and str(e.data.get("into")) in failed):
                        continue  # (checked against a state the refused event would have made: said wrongly)
                    try:
                        folder.apply(e, check=True)
                    except ProblemError as exc:
                        # every problem's first refused event is said at once, as unreadable events are (ux47 left:
                        # a file of ten problems with a step out of order in three was mended three times); what
                        # follows a refused event of the same problem is not judged, nothing is stored
                        bad.append(_of_event(_as_written(exc, raw[i]), total + i, bool(total) or len(parsed) > 1))
                        failed.add(e.problem)
                        if len(bad) > MAX_BAD_EVENTS:
                            break
                if bad:
                    bad.sort(key=lambda x: x.index if x.index is not None else total + len(raw))  # in the file's order
                    raise (bad[0] if len(bad) == 1 else EventErrors(bad)) from None
                # The event checks cover every field and date; what only the whole record shows (whether
                # a concealment fits 一(四)) is checked as who_answers would check it.
                for pid in dict.fromkeys(e.problem for e in parsed if e.type == "concealed"):
                    folder.check_record(pid)
                if self.policy.epochs:
                    # Under an amended policy a record is judged by the rules of its discovery day: an earlier
                    # discovery entered later can move it into another period, where a stored step's body is no
                    # body (review33b F2; each event's own bodies are checked as it is applied).
                    for i, e in enumerate(parsed):
                        if e.type == "discovered" and e.problem in folder.states:
                            try:
                                folder.check_record(e.problem)
                            except ProblemError as exc:
                                exc = ProblemError("on", f"with this discovery the problem is judged by the rules "
                                                   f"of {e.on}, and its record would not hold: {exc.detail}",
                                                   record=e.problem, code=exc.code)
                                raise _of_event(_as_written(exc, raw[i]), total + i,
                                                bool(total) or len(parsed) > 1) from None
                # A merge hands the target the source's steps and concealments: the record they make together
                # must hold as one (a county's concealment from a city's audit cannot sit on a township's find).
                for i, e in enumerate(parsed):
                    if e.type == "merged":
                        try:
                            folder.check_record(str(e.data["into"]))
                        except ProblemError as exc:
                            exc = ProblemError("into", f"merged into {e.data['into']!r}, the record of the two "
                                               f"would not hold: {exc.detail}; merge only reports that make one "
                                               "record, and keep these two as separate problems",
                                               record=e.problem, code="bad_merge")
                            raise _of_event(_as_written(exc, raw[i]), total + i,
                                            bool(total) or len(parsed) > 1) from None
                for pid in dict.fromkeys(e.problem for e in parsed if e.type == "corrected"):
                    try:
                        # with every event of the batch that touches the merge it belongs to: a file correcting
                        # both reports of a merged problem alike is one change (review18d L3)
                        family = _family(conn, pid)
                        ids = {e.problem for e in family} | {pid}
                        folder.check_corrected(pid, [e for e in parsed if e.problem in ids], family)
                    except ProblemError as exc:  # said of the problem's last correction given
                        i = max(k for k, e in enumerate(parsed) if e.problem == pid and e.type == "corrected")
                        raise _of_event(exc, total + i, bool(total) or len(parsed) > 1) from None
                loaded.update(e.problem for e in parsed)
                rows, seq, last = rows_to_insert(parsed, seq, last, at, batch)
                insert(conn, rows, seq, last)
                if keep is not None:
                    keep.extend(Event(problem=e.problem, type=e.type, on=e.on, data=e.data, entered_by=e.entered_by,
                                      seq=r["seq"], entered_at=at, prev=r["prev"], hash=r["hash"])
                                for e, r in zip(parsed, rows, strict=True))
                total += len(parsed)
        return total

    def _load(self, conn: Any, folder: Folder, events: list[Event], loaded: set[str],
              existing: dict[str, set[str]], within: str | None = None) -> list[tuple[int, ProblemError]]:
        """Fold into ``folder`` the stored history of every problem ``events`` touch that it lacks; the events
        that name a problem neither the ledger nor ``events`` registers, each with its index."""
        # the targets of merges, and of merges a correction redirects (replace.into), must be folded too
        wanted = ({e.problem for e in events} | {str(e.data["into"]) for e in events if e.type == "merged"} |
                  {str(r["into"]) for e in events if e.type == "corrected" and isinstance(r := e.data.get("replace"),
                                                                                          Mapping) and "into" in r}
                  ) - loaded
        if len(wanted) > 500 or existing:
            # A bulk load: every stored problem id once (one scan), rather than an IN query per 500
            # ids, which a database without fresh statistics may answer by scanning the table each time.
            if not existing:
                existing["ids"] = _all_registered(conn)
            stored = wanted & existing["ids"]
        else:
            stored = _registered(conn, wanted)
        if stored:
            # A merged problem's state includes the problems merged into it: fold their histories too.
            ids = _with_sources(conn, stored) - loaded
            past = [_event_from_row(r) for r in iter_rows(conn, problems=sorted(ids))]
            folder.fold(past)
            # Corrections name events by seq: give the folder the events it may be asked about.
            for e in past:
                if e.seq is not None:
                    folder.by_seq[e.seq] = e
            loaded.update(ids)
        known = set(folder.states) | {x.problem for x in events if x.type == "registered"}
        unknown: list[tuple[int, ProblemError]] = []
        for i, e in enumerate(events):
            if e.type != "registered" and e.problem not in known:
                hint = self._suggest_problem(conn, e.problem, within)
                unknown.append((i, ProblemError("problem", f"{e.type} event on {e.on}: unknown problem "
                                                f"{e.problem!r}; {hint}", record=e.problem, code="unknown_problem")))
                known.add(e.problem)  # (once: its other events are not told the same again)
                continue
            into = e.data.get("into") if e.type == "merged" and isinstance(e.data, Mapping) else None
            if isinstance(into, str) and into != e.problem and into not in known:
                # checked against the ledger, as the problem is: the fold knows only the problems loaded for these
                # events, and offered the merged problem itself as the one to merge it into (newcomer37 C)
                hint = self._suggest_problem(conn, into, within)
                unknown.append((i, ProblemError("into", f"merged event on {e.on}: unknown problem {into!r}; {hint}",
                                                record=e.problem, code="unknown_problem")))
            if len(unknown) > MAX_BAD_EVENTS:
                break
        return unknown

    def suggest_problem(self, pid: str, within: str | None = None) -> str:
        """What to do about a problem id the ledger does not know (or holds outside ``within``, a division
        code): the nearest id registered within it (``did you mean 'C2'?``), else to register it first."""
        with self.engine.connect() as conn:
            return self._suggest_problem(conn, pid, within)

    def _suggest_problem(self, conn: Any, pid: str, within: str | None = None) -> str:
        sa = _sa()
        t = tables()
        rows = conn.execute(sa.select(t.events.c.problem, t.events.c.data).where(
            t.events.c.type == "registered").limit(100_000))
        ids = [r[0] for r in rows if within is None or str(json.loads(r[1]).get("place", "")).startswith(within)]
        from difflib import get_close_matches

        from ..policy._text import fold

        # an id is kept as written (ＡＢ１ is not AB1: the sender's key), so a width, case or space apart is told
        # (review25 R25-9: only matching may fold)
        same = [i for i in ids if fold(i) == fold(pid)]
        if same:
            return f"did you mean {same[0]!r}? (ids are matched as written: width, case and spaces count)"
        close = get_close_matches(pid, ids, n=1)
        return f"did you mean {close[0]!r}?" if close else "register it first (a 'registered' event)"

    def merge(self, source: str, into: str, *, on: dt.date | str, entered_by: str, within: str | None = None) -> Event:
        """Merge problem ``source`` into ``into`` (三(三) 集成整改): the merged problem keeps every
        channel, the earliest discovery, and the source's assignments, reports and concealments;
        ``source`` takes no more events (``within``: as :meth:`append`). Refused (``bad_merge``)
        for problems of another area, kind, sector or county, when the joined record would not hold, and
        for a rectified or verified source merged into a target that is not."""
        return self.append({"problem": source, "type": "merged", "on": on, "into": into},
                           entered_by=entered_by, within=within)[0]

    def correct(self, seq: int, *, reason: str, on: dt.date | str, entered_by: str,
                void: bool = False, **fields: Any) -> Event:
        """Supersede event ``seq`` with ``fields`` (or drop it with ``void``), saying why."""
        sa = _sa()
        t = tables()
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(t.events.c.problem).where(t.events.c.seq == _seq(seq, "event"))).first()
        if row is None:
            raise ProblemError("event", f"no event {seq} in the ledger", code="unknown_event")
        raw: dict[str, Any] = {"problem": row[0], "type": "corrected", "on": on, "event": seq, "reason": reason}
        if void:
            raw["void"] = True
        else:
            raw["replace"] = fields
        return self.append(raw, entered_by=entered_by)[0]

    # ------------------------------------------------------------------ reading

    def events(self, problem: str | None = None, *, place: str | None = None, after: int = 0,
               limit: int | None = None) -> list[Event]:
        """Stored events in order (of one problem, or all), with their hashes.

        A page of them: ``place`` keeps the events of problems registered at or under a place (a
        division code, as corrected), ``after`` those stored after event ``after`` (the last
        ``seq`` of the previous page: a cursor that stays right while events are appended),
        ``limit`` at most that many."""
        cols = ("seq", "problem", "type", "day", "data", "entered_by", "entered_at", "hash")
        if problem is not None:
            problem = _problem_id(problem)
        if place is None and not after and limit is None:
            one = [problem] if problem is not None else None
            with self.engine.connect() as conn:
                return [_event_from_row(r) for r in iter_rows(conn, problems=one, columns=cols)]
        after = _seq(after, "after")
        sa = _sa()
        t = tables()
        ev = t.events
        q = sa.select(*[ev.c[c] for c in cols]).where(ev.c.seq > after).order_by(ev.c.seq)
        if problem is not None:  # ("" is no problem's id, not every problem: `ledger show DB ""`, hostile29)
            q = q.where(ev.c.problem == problem)
        if limit is not None:
            q = q.limit(_seq(limit, "limit"))
        with self.engine.connect() as conn:
            if place is not None:
                q = q.where(_under_place(conn, place))
            return [_event_from_row(r) for r in conn.execute(q)]

    def count(self) -> int:
        """How many events the ledger holds."""
        sa = _sa()
        with self.engine.connect() as conn:
            return int(conn.execute(sa.select(tables().head.c.seq)).scalar_one())

    def fold(self, as_of: dt.date | str | None = None, *, problems: Iterable[str] | None = None) -> dict[str, State]:
        """Every problem's :class:`State` on ``as_of`` (default: everything recorded), by id."""
        day = _day(as_of)
        folder = Folder(as_of=day)
        if problems is not None:
            # one id given as text is that problem, not its characters (fold(problems="C1") folded "C" and "1")
            problems = [_problem_id(problems)] if isinstance(problems, str) or not isinstance(problems, Iterable) \
                else [_problem_id(p) for p in problems]
        with self.engine.connect() as conn:
            ids = sorted(_with_sources(conn, set(problems))) if problems is not None else None
            fixes = _corrections(conn)
            rows = iter_rows(conn, problems=ids, upto=day.isoformat() if day else None,
                             columns=("seq", "problem", "type", "day", "data"))
            try:
                folder.fold_rows(rows, fixes)
            finally:
                rows.close()
        return folder.states

    def _columns(self, day: dt.date) -> Folded:
        """Every problem's state on ``day`` as columns (what the three lists read; the same states
        as :meth:`fold`)."""
        from ._columnar import Duplicate, Folded, fold_columns, read_rows

        with self.engine.connect() as conn:
            fixes = {int(c.data["event"]): c for c in _corrections(conn)}
            fixed = corrected_rows(conn) if fixes else []
            lines = json_lines(conn, upto=day.isoformat())
            try:
                table = read_rows(lines, fixed, fixes, day)
            finally:
                lines.close()
        try:
            return fold_columns(table)
        except Duplicate:  # a problem registered twice (no checked append allows it): fold it one by one
            return Folded.from_states(self.fold(day))

    def state(self, problem: str, as_of: dt.date | str | None = None) -> State:
        """One problem's :class:`State` on ``as_of``; :class:`ProblemError` when unknown then."""
        problem = _problem_id(problem)
        states = self.fold(as_of, problems=[problem])
        if problem not in states:
            # the day only where it matters: `ledger show DB NOPE` said "unknown problem on <today>" (hostile27)
            said = "unknown problem: the ledger holds no problem of this id"
            if as_of is not None and (later := self.events(problem)):  # registered after the day asked about
                said = f"unknown problem on {as_of} (not yet registered that day)"
                hint = f"its first event is of {later[0].on}: give a later day (--as-of)"
            else:
                hint = self.suggest_problem(problem)
                if hint.startswith("register"):  # (reading, not appending: where to see the ids)
                    hint = "`responsibility ledger list LEDGER problems` lists the problems' ids"
            raise ProblemError("problem", f"{said}; {hint}", record=problem, code="unknown_problem")
        return states[problem]

    def record(self, problem: str, as_of: dt.date | str | None = None) -> dict[str, Any]:
        """The problem record ``who_answers`` reads, folded from the ledger on ``as_of`` (default today)."""
        day = _day(as_of) or dt.date.today()
        return self.state(problem, day).record(day)

    # ------------------------------------------------------------------ lists

    def _lists(self, as_of: dt.date | str | None, place: str | None, area: Any, status: Any) -> Any:
        from ._lists import Filter, Lists

        day = _day(as_of) or dt.date.today()
        place = _place_text(place)
        if area:  # ids or Chinese names (危房改造); an unknown one is an error, never an empty list
            # (one area, any type, is one: area=1 was Python's "'int' object is not iterable")
            area = [self._area_id(a) for a in (area if isinstance(area, Iterable) and not isinstance(area, str)
                                               else [area])]
        if place and self.jurisdiction is not None:  # so is a place the jurisdiction does not hold
            from .._errors import JurisdictionError
            from ._compat import parse_code, place_name_hint

            try:
                code = parse_code(place)
            except JurisdictionError as exc:
                raise ProblemError("place", place_name_hint(self.jurisdiction, place) or str(exc),
                                   code="bad_place") from None
            if self.jurisdiction.get(code) is None:
                raise ProblemError("place", f"place {place} is not in jurisdiction {self.jurisdiction.name!r}; "
                                   + (self.jurisdiction.missing(code) or "give a place of the ledger's jurisdiction "
                                      "(or open it with the jurisdiction that holds the place)"), code="unknown_place")
        return Lists(lambda: self.fold(day), day, self.policy, self.jurisdiction, Filter.of(place, area, status),
                     columns=lambda: self._columns(day))

    def _area_id(self, area: Any) -> str:
        areas = self.policy.data.areas
        for a in areas:
            if area in (a.id, a.name):
                return a.id
        if isinstance(area, str):  # as a record names it: any case or width, the English name (ｈｏｕｓｉｎｇ)
            from ._compat import ValueNames

            found = ValueNames.of(self.policy).canonical("area", area.strip())
            if any(found == a.id for a in areas):
                return str(found)
        # the hint is a record's and an option's: the nearest by id or Chinese name (危房 → 危房改造), else every id
        from ._compat import term_hint

        hint = term_hint(self.policy, "area", str(area).strip(), [a.id for a in areas if a.problems])
        raise ProblemError("area", f"unknown area {shown(area)}; {hint}", code="unknown_area")

    def problems(self, as_of: dt.date | str | None = None, *, place: str | None = None, area: Any = None,
                 status: Any = None, lang: str = "en") -> Any:
        """问题清单 on ``as_of`` (default today) as a DataFrame; ``place`` keeps the problems at or
        under a place (a jurisdiction), ``area`` and ``status`` (``open`` or status ids) filter too;
        ``lang="zh"`` gives Chinese headers and names."""
        return self._lang(self._lists(as_of, place, area, status).problems(), lang)

    def responsibilities(self, as_of: dt.date | str | None = None, *, place: str | None = None, area: Any = None,
                         status: Any = None, lang: str = "en") -> Any:
        """责任清单 on ``as_of``: per problem the bodies the matrix makes responsible for handling
        (``role`` handling) and rectifying it (rectification), and who answers (role ``answers``:
        the engine's findings on the folded record, with basis, liability, clauses and reason)."""
        return self._lang(self._lists(as_of, place, area, status).responsibilities(), lang)

    def rectifications(self, as_of: dt.date | str | None = None, *, place: str | None = None, area: Any = None,
                       status: Any = None, lang: str = "en") -> Any:
        """整改清单 on ``as_of``: assignee, deadline, days left (negative: overdue), rectified,
        verified, closed."""
        return self._lang(self._lists(as_of, place, area, status).rectifications(), lang)

    def lists(self, as_of: dt.date | str | None = None, *, place: str | None = None, area: Any = None,
              status: Any = None, lang: str = "en") -> dict[str, Any]:
        """The three lists at once (one fold): ``{"problems", "responsibilities", "rectifications"}``."""
        with paused_gc():
            ls = self._lists(as_of, place, area, status)
            return {"problems": self._lang(ls.problems(), lang),
                    "responsibilities": self._lang(ls.responsibilities(), lang),
                    "rectifications": self._lang(ls.rectifications(), lang)}

    def alerts(self, within: int = 7, as_of: dt.date | str | None = None, *, place: str | None = None,
               area: Any = None, lang: str = "en") -> Any:
        """Open problems whose handling limit or rectification deadline passes within ``within``
        days of ``as_of`` or has passed, one row per body that must act, sorted by that body."""
        return self._lang(self._lists(as_of, place, area, None).alerts(_days(within, "within")), lang)

    def duplicates(self, window: int = 30, as_of: dt.date | str | None = None, *, place: str | None = None,
                   lang: str = "en") -> Any:
        """Likely duplicates: open problems of the same place, area and kind discovered within
        ``window`` days of each other (三(三) 集成整改); merge them with :meth:`merge`."""
        return self._lang(self._lists(as_of, place, None, None).duplicates(_days(window, "window")), lang)

    def indices(self, as_of: dt.date | str | None = None, *, level: str = "county", period: str = "year",
                place: str | None = None, lang: str = "en") -> Any:
        """评价指数 (三(三)) per jurisdiction of ``level`` and ``period`` (year, quarter, month)."""
        return self._lang(self._lists(as_of, place, None, None).indices(level, period), lang)

    def recognition(self, as_of: dt.date | str | None = None, *, place: str | None = None, lang: str = "en") -> Any:
        """Bodies whose record merits recognition (一(四)): a prompt for the personnel department,
        not a verdict."""
        return self._lang(self._lists(as_of, place, None, None).recognition(), lang)

    def _lang(self, frame: Any, lang: str) -> Any:
        if lang == "zh":
            from ._lists import to_zh

            return to_zh(frame, self.policy)
        if lang != "en":
            raise ProblemError("lang", f"use zh or en, not {lang!r}", code="bad_value")
        return frame

    def step_notes(self, events: Iterable[Event]) -> dict[int, str]:
        """Why each stored assignment or report of ``events`` counts as no step by procedure, as ``who_answers``
        reads it, by ``seq``: an assignment to a level where no body rectifies the kind, or to a body the text gives
        no part in it (irregular_step; check51b #1) — the 整改清单 and the alerts then keep the problem with the level
        that assigned it, as the 责任清单 does —, a report up of a problem within the reporting level's authority
        (review33b F4: such steps were taken in silence, and the lists disagreed); and an assignment the verdict
        reads as the 交办 to the body's level as a whole (:func:`~._fold.assigned_body`: the 整改清单 then names no
        body). Said, never refused: the record is true, and the verdict reads it."""
        from ._fold import assignment_aside, level_whole, report_aside

        steps = [e for e in events if e.type in ("assigned", "reported") and e.seq is not None]
        if not steps:
            return {}
        states = self.fold(problems=sorted({e.problem for e in steps}))
        out: dict[int, str] = {}
        for e in steps:
            s = states.get(e.problem)
            if s is None or s.merged_into is not None:
                continue
            found = s.discovered
            view = self.policy.at(found.on) if found is not None and self.policy.epochs else self.policy
            by, to = str(e.data["by_level"]), str(e.data["to_level"])
            # (by another level: a level's own hand-over within itself, this step among them, makes it no assignee)
            assignee = any(x.action == "assigned" and x.to_level == by and x.by_level != by and x.on <= e.on
                           for x in s.steps)
            body = str(e.data["to_body"]) if e.data.get("to_body") is not None else None
            if e.type == "reported":
                aside = report_aside(view, s.domain, s.kind, s.sector, s.place, by, to)
            else:
                aside = assignment_aside(view, s.domain, s.kind, s.sector, s.place, by, to, assignee=assignee,
                                         to_body=body)
                whole = level_whole(view, s.domain, s.kind, s.sector, s.place, by, to, body) \
                    if aside is None and body is not None else None
                if whole is not None:
                    seq = e.seq
                    assert seq is not None
                    out[seq] = (f"problem {e.problem!r}: the assignment (交办) on {e.on} from the {by} to {body} "
                                f"counts as the 交办 to the {to} level as a whole: {whole}; the {to}'s bodies that "
                                "rectify this kind answer for rectifying it (一(四) 交办问题整改落实不到位), and the "
                                "整改清单 names no body, the alerts those bodies")
                    continue
            if aside is None:
                continue
            what = "assignment (交办)" if e.type == "assigned" else "report (上报)"
            then = (f"the {to}, which now holds it, answers for passing it down" if e.type == "reported" else
                    f"the {by}, to which it was assigned, still answers for rectifying it, and the 整改清单 and the "
                    "alerts keep it there" if assignee else
                    f"the {by} still answers for passing it on (一(四) 没有按程序及时交办和上报), and the 整改清单 and "
                    "the alerts keep the problem with it")
            seq = e.seq
            assert seq is not None
            out[seq] = (f"problem {e.problem!r}: the {what} on {e.on} from the {by} to the {to} does not count as "
                        f"one by procedure: {aside}; {then}")
        return out

    def route(self, problem: str | Mapping[str, Any], *, level: str | None = None,
              as_of: dt.date | str | None = None) -> Route:
        """Who must act on a problem now (:func:`route`): a problem id of this ledger or a record."""
        from ._compat import route

        record = self.record(problem, as_of) if isinstance(problem, str) else problem
        received = None
        if isinstance(problem, str) and level is None:
            # the level holding it now and the day it received it, as the alerts and who_answers read them: the
            # registration's own level field (None for most) and the discovery day told an office that the village
            # must report by the 11th a problem the province had held since the 8th (review33b F3)
            held = self.state(problem, as_of).holding()
            if held is not None:
                level, received, _ = held
        got = route(self.policy, record, self.jurisdiction, level=level)
        if received is not None and received != got.received:
            from dataclasses import replace

            got = replace(got, received=received, act_by=received + (got.act_by - got.received))
        return got

    # ------------------------------------------------------------------ files

    def import_file(self, path: str | Any, *, entered_by: str, mapping: str | Any = None,
                    encoding: str | None = None, sheet: str | None = None, within: str | None = None,
                    source: str | None = None, stop: Callable[[], bool] | None = None,
                    max_rows: int | None = None) -> ImportResult:
        """Import an existing ledger from .xlsx or .csv (Chinese headers, a YAML column mapping;
        default ``ledger/mapping.yaml``) in one transaction. Every row is imported or rejected with
        its reason: an :class:`ImportResult` whose ``rows == imported + blank + rejected``.
        A crash or kill leaves the ledger as it was; the next import says so (:meth:`interrupted`).
        ``within`` (a division code) rejects the rows placed outside it; ``source`` names the file
        in the result and the ledger's record of imports (default: ``path``). ``stop``, asked between
        parts of 20,000 rows, ends the import with nothing stored when it says so (the service's, when
        the caller is gone). ``max_rows``: a file with more rows is refused (:class:`ImportTooLarge`) with nothing
        stored, once its rows read pass it — the write lock is held for that many rows' work at most."""
        from ._import import ImportResult, load_mapping, read_table

        if type(path).__name__ in ("DataFrame", "Series", "LazyFrame"):  # (was os.fspath's TypeError)
            raise TypeError(f"import_file() reads a file (.xlsx or .csv), not a {type(path).__name__}: save it "
                            "first (df.to_csv(path, index=False)), or append its rows as events "
                            "(ledger.append(df.to_dict('records')))")
        if entered_by is None or (isinstance(entered_by, str) and not entered_by.strip()):
            raise ProblemError("entered_by", "is required: who imports the file", code="missing_field")
        # checked once, as the caller's argument: not as a reject of every row (review19b M3); as an event takes it
        entered_by = Event.parse({"problem": "-", "type": "rectified", "on": "2000-01-01"},
                                 entered_by=entered_by).entered_by
        m = load_mapping(mapping)
        result = ImportResult(source=str(path))
        header, rows = read_table(path, encoding=encoding, sheet=sheet or m.sheet, result=result, mapping=m)
        try:
            return self._import_rows(header, rows, m, result, entered_by, within, source, stop, max_rows)
        finally:
            getattr(rows, "close", lambda: None)()  # a workbook refused before its rows are read is closed too

    def _import_rows(self, header: list[str], rows: Any, m: Any, result: ImportResult, entered_by: str,
                     within: str | None, source: str | None,
                     stop: Callable[[], bool] | None = None, max_rows: int | None = None) -> ImportResult:
        from ._import import RowReader, rows_to_events, unmatched

        if source is not None:
            result.source = str(source)
        guard = None
        if within is not None:
            from .._errors import JurisdictionError
            from ._compat import parse_code

            try:
                guard = parse_code(within)
            except JurisdictionError as exc:
                raise ProblemError("within", str(exc), code="bad_place") from None
        reader = RowReader(header, m, self.policy, within=guard, jurisdiction=self.jurisdiction)
        if (note := unmatched(reader)) is not None:
            result.notes.append(note)
        sa = _sa()
        t = tables()
        batch = new_batch_id()
        with self.engine.connect().execution_options(ledger_write=True) as conn, conn.begin():
            conn.execute(t.imports.insert().values(id=batch, source=result.source, started_at=now(), status="started"))
        try:
            with self.engine.connect().execution_options(ledger_write=True) as conn, conn.begin():
                seq, last = lock_head(conn)
                self._mark_rules(conn)
                known = {r[0]: None for r in conn.execute(
                    sa.select(t.events.c.problem).where(t.events.c.type == "registered"))}
                folder = Folder(self.policy, self.jurisdiction)
                at = now()
                read = 0
                with paused_gc():
                    while True:  # 20,000 rows at a time: memory stays flat, the transaction is one
                        part = list(itertools.islice(rows, 20_000 if max_rows is None else
                                                     max(1, min(20_000, max_rows + 1 - read))))
                        if not part:
                            break
                        read += len(part)
                        if max_rows is not None and read > max_rows:
                            # (ux46 left: a million-row upload held the write lock for minutes while its caller
                            # waited, and every other writer gave up after a minute's wait)
                            raise ImportTooLarge(f"{result.source}: the file has more than {max_rows:,} rows, the "
                                                 "most one import here may have; nothing of it was stored",
                                                 max_rows)
                        if stop is not None and stop():
                            # (ux46: a 1.2-million-row upload whose caller had gone held the write lock for
                            # minutes, every other writer 503, to store what nobody would be told of)
                            raise ImportStopped(f"{result.source}: the import was stopped after "
                                                f"{result.rows:,} rows; nothing of it was stored")
                        events = rows_to_events(part, reader, str(entered_by), folder, result, known)
                        stored, seq, last = rows_to_insert(events, seq, last, at, batch)
                        insert(conn, stored, seq, last)
                        result.events += len(stored)
                conn.execute(sa.update(t.imports).where(t.imports.c.id == batch).values(
                    status="done", finished_at=now(), rows=result.rows, events=result.events,
                    rejected=result.rejected))
        except BaseException as exc:
            # A file refused part-way (not valid CSV) is no interrupted import to report later.
            status = "refused" if isinstance(exc, ResponsibilityError) else "failed"
            with self.engine.connect().execution_options(ledger_write=True) as conn, conn.begin():
                conn.execute(sa.update(t.imports).where(t.imports.c.id == batch).values(
                    status=status, finished_at=now()))
            raise
        return result

    def imported_files(self) -> list[str]:
        """The files this ledger imported that are on this machine now (by the path each import was given,
        as it was given): an export or a list written over one would destroy the office's original
        workbook, which the ledger's record of imports still names as the source of its events.

        >>> import tempfile, os
        >>> with Ledger.create(os.path.join(tempfile.mkdtemp(), "county.db")) as ledger:
        ...     ledger.imported_files()
        []
        """
        import os

        sa = _sa()
        t = tables()
        with self.engine.connect() as conn, conn.begin():
            sources = conn.execute(sa.select(t.imports.c.source).distinct()).scalars().all()
        return [s for s in sources if isinstance(s, str) and s and os.path.isfile(s)]

    def interrupted(self, *, acknowledge: bool = True) -> list[dict[str, Any]]:
        """Imports that started and never finished (killed): nothing of theirs is in the ledger.
        With ``acknowledge`` they are reported once."""
        sa = _sa()
        t = tables()
        unfinished = sa.select(t.imports).where(t.imports.c.status.in_(["started", "failed"]))
        with self.engine.connect() as conn, conn.begin():  # a read: no lock (most ledgers have none to tell)
            rows = [dict(r._mapping) for r in conn.execute(unfinished)]
        if not acknowledge or not rows:
            return rows
        # Acknowledging writes, and so took the write lock, waiting for it: every command (`ledger verify`, `list`)
        # run while another process imported waited for that import and, after a minute, ended with exit 2 "another
        # process has held the ledger's write lock" (hostile41). An import holds the lock while it runs, so a lock
        # held now may be that very import's, alive: its row is then not told, and not marked.
        from ._store import BUSY_SECONDS, LedgerBusy

        with self.engine.connect().execution_options(ledger_write=True) as conn:
            sqlite = conn.dialect.name == "sqlite"
            raw = conn.connection.dbapi_connection  # (past SQLAlchemy, which would begin a transaction for it)
            if sqlite and raw is not None:
                raw.execute("PRAGMA busy_timeout=0")
            try:
                with conn.begin():
                    rows = [dict(r._mapping) for r in conn.execute(unfinished)]
                    if rows:
                        conn.execute(sa.update(t.imports).where(t.imports.c.id.in_([r["id"] for r in rows])).values(
                            status="abandoned"))
            except LedgerBusy:
                return []
            finally:
                if sqlite and raw is not None:
                    raw.execute(f"PRAGMA busy_timeout={int(BUSY_SECONDS * 1000)}")
        return rows

    def export_xlsx(self, path: str | Any, as_of: dt.date | str | None = None, *, place: str | None = None,
                    area: Any = None, status: Any = None, within: int = 7) -> None:
        """Write the workbook offices use: 问题清单, 责任清单, 整改清单, 评价指数, 激励提示, 预警 (one sheet
        each, Chinese headers, frozen header row, filters, date cells, overdue rows highlighted)."""
        import os

        from ._lists import names, to_zh
        from ._xlsx import write_workbook

        suffix = os.path.splitext(os.fspath(path))[1].lower() if isinstance(path, str | os.PathLike) else ""
        if suffix in _NOT_WORKBOOK:  # a workbook under a CSV's name was written, and opened as garbage
            from .._errors import OutputError

            raise OutputError(f"{os.fspath(path)}: the workbook is an .xlsx file, not {suffix}; name it .xlsx, or "
                              "write one list as CSV (ledger.problems().to_csv(path))")
        ls = self._lists(as_of, place, area, status)
        rect = ls.rectifications()
        alerts = ls.alerts(_days(within, "within"))
        late = set(rect.loc[rect["overdue"] & rect["rectified_on"].isna(), "problem"]) | \
            set(alerts.loc[alerts["overdue"], "problem"])
        frames = [("problems", ls.problems()), ("responsibilities", ls.responsibilities()),
                  ("rectifications", rect), ("indices", ls.indices()), ("recognition", ls.recognition()),
                  ("alerts", alerts)]
        titles = names()["lists"]
        sheets = []
        for key, frame in frames:
            if key == "rectifications" or key == "alerts":
                marks = {i for i, v in enumerate(frame["overdue"].tolist()) if v}
            elif "problem" in frame:
                marks = {i for i, p in enumerate(frame["problem"].tolist()) if p in late}
            else:
                marks = set()
            sheets.append((titles[key]["name"], to_zh(frame, self.policy), marks))
        # The SQLite files are inputs (a link to them too: check_target compares real files).
        write_workbook(path, sheets, inputs=database_files(self.file) if self.file else [])

    # ------------------------------------------------------------------ checking

    def verify(self) -> Verification:
        """Check the hash chain: the first event altered, removed or reordered, if any."""
        with self.engine.connect() as conn:
            if (damage := quick_check(conn)) is not None:
                # an intact chain said "正常" of a file whose pages SQLite could no longer read, and a damaged
                # events page was exit 3 "a bug" (hostile40): the file's own soundness comes first
                return Verification(False, 0, None, None, f"the database file is damaged ({damage}): it was cut "
                                    "short or overwritten outside SQLite; restore it from a backup (`sqlite3 FILE "
                                    ".recover` saves what it can read, into a new file)")
            return self._walk_chain(conn)

    def chain_break(self) -> Verification | None:
        """Where the hash chain breaks (:meth:`verify`'s answer), or ``None`` when it is whole: the walk over the
        events alone, without SQLite's check of every page, which a command that opened the ledger has had read
        already. The commands that show a ledger's data ask it first, so that data altered outside the library is
        never shown without a word (ux46: `ledger list` of a tampered ledger listed the altered place as stored)."""
        with self.engine.connect() as conn:
            found = self._walk_chain(conn)
        return None if found.ok else found

    def chain_warning(self) -> Verification | None:
        """:meth:`chain_break`, walked again only when the ledger has changed since the last walk — its head row, and
        a SQLite ledger's files (their size and time of change, which an edit outside the library changes too): for
        a server, which asks before each answer that shows the ledger's data. A server's database edited in a row
        without a write of the library after it is seen at the next write, or when the server starts again."""
        import os

        sa = _sa()
        t = tables()
        with self.engine.connect() as conn:
            head = conn.execute(sa.select(t.head.c.seq, t.head.c.hash)).first()
        files = []
        for name in (self.file, self.file + "-wal") if self.file else ():  # (not -shm: a read writes to it)
            try:
                st = os.stat(name)
            except OSError:
                continue
            files.append((name, st.st_size, st.st_mtime_ns, st.st_ino))
        key = (tuple(head) if head is not None else None, tuple(files))
        memo = self._chain_memo
        if memo is not None and memo[0] == key:
            return memo[1]
        found = self.chain_break()
        self._chain_memo = (key, found)
        return found

    def _walk_chain(self, conn: Any) -> Verification:
        sa = _sa()
        t = tables()
        cols = ("seq", "problem", "type", "day", "data", "entered_by", "entered_at", "prev", "hash")
        prev, expected, n = GENESIS, 1, 0
        head = conn.execute(sa.select(t.head.c.seq, t.head.c.hash)).first()
        if head is None:
            return Verification(False, 0, None, None, "the ledger has no head row: it was damaged outside the "
                                "library; restore it from a backup")
        head_seq, head_hash = head
        rows = iter_rows(conn, columns=cols)
        broken: tuple[Any, ...] | None = None
        try:
            for seq, problem, kind, day, data, by, at, stored_prev, stored in rows:
                n += 1
                try:
                    own: str | None = chain_hash(stored_prev, problem, kind, day, data, by, at)
                except (TypeError, AttributeError):
                    # a column holding bytes or a number, which the library never writes (`UPDATE events SET
                    # data = x'ff00'`): altered; it was exit 3 "a bug" for verify and for every list (ux47)
                    own = None
                if own != stored or seq != expected or stored_prev != prev:
                    broken = (seq, problem, stored_prev, own != stored)
                    break
                prev, expected = stored, expected + 1
        finally:
            rows.close()  # (before the connection: the collector closing it later said "Cannot operate on a closed …")
        if broken is not None:
            seq, problem, stored_prev, altered = broken
            if altered:
                return Verification(False, n, seq, problem, "its content was altered after it was stored "
                                    "(its hash no longer matches)")
            return self._break(conn, n, seq, problem, stored_prev, expected)
        if n < head_seq:
            return Verification(False, n, n + 1, None, f"the last {head_seq - n} event(s) were removed "
                                f"(the ledger's head records {head_seq})")
        if n != head_seq or prev != head_hash:
            return Verification(False, n, n, None, f"the ledger's head (event {head_seq}) does not match its last "
                                f"event ({n}): the head was altered outside the library")
        return Verification(True, n, last_hash=prev)

    def _break(self, conn: Any, n: int, seq: int, problem: str, stored_prev: str, expected: int) -> Verification:
        """Say why the chain breaks at ``seq``: an event before it was removed, or the order changed."""
        sa = _sa()
        t = tables()
        if stored_prev == GENESIS:
            return Verification(False, n, seq, problem, "out of order: it was stored as the first event")
        where = conn.execute(sa.select(t.events.c.seq).where(t.events.c.hash == stored_prev)).first()
        if where is not None:
            return Verification(False, n, seq, problem, f"out of order: it was stored right after the event "
                                f"now at {where[0]}, not after event {expected - 1}")
        gone = f"event {expected}" if seq != expected else f"the event stored before it (after event {expected - 1})"
        return Verification(False, n, seq, problem, f"{gone} was removed: the chain skips it")


def _place_text(place: Any) -> Any:
    """A place filter read as a record's place is: full-width digits are digits (３３０１２７)."""
    if isinstance(place, str) and not place.isascii():
        import unicodedata

        return unicodedata.normalize("NFKC", place).strip()
    return place


def _under_place(conn: Any, place: str) -> Any:
    """A condition on ``events.problem``: problems whose place (registered, as corrected) lies at or
    under ``place``. The registered place is read in the database; the few corrections of it in Python."""
    from .._errors import JurisdictionError
    from ._compat import parse_code

    try:
        code = parse_code(_place_text(place))
    except JurisdictionError as exc:
        raise ProblemError("place", str(exc), code="bad_place") from None
    width = next((w for w in (2, 4, 6, 9, 12) if len(code.rstrip("0")) <= w), 12)
    prefix = code[:width]
    sa = _sa()
    ev = tables().events
    if conn.dialect.name == "sqlite":
        where = sa.func.json_extract(ev.c.data, "$.place")
    else:
        where = sa.cast(ev.c.data, sa.JSON)["place"].as_string()
    registered = sa.select(ev.c.problem).where(ev.c.type == "registered", where.like(prefix + "%"))
    # Corrections of a registered event's place (rare): the last one decides.
    moved: dict[int, str] = {}
    for (data,) in conn.execute(sa.select(ev.c.data).where(ev.c.type == "corrected").order_by(ev.c.seq)):
        d = json.loads(data)
        if isinstance(d.get("replace"), dict) and "place" in d["replace"]:
            moved[int(d["event"])] = str(d["replace"]["place"])
    if not moved:
        return ev.c.problem.in_(registered)
    inside: set[str] = set()
    outside: set[str] = set()
    for seq, pid in conn.execute(sa.select(ev.c.seq, ev.c.problem).where(
            ev.c.seq.in_(list(moved)), ev.c.type == "registered")):
        try:
            now_at = parse_code(moved[seq])
        except JurisdictionError:
            continue
        (inside if now_at[:width] == prefix else outside).add(pid)
    cond = ev.c.problem.in_(registered)
    if outside:
        cond = sa.and_(cond, ev.c.problem.not_in(sorted(outside)))
    return sa.or_(cond, ev.c.problem.in_(sorted(inside))) if inside else cond


def _all_registered(conn: Any) -> set[str]:
    """Every problem id the ledger holds."""
    sa = _sa()
    t = tables()
    return {r[0] for r in conn.execute(sa.select(t.events.c.problem).where(t.events.c.type == "registered"))}


def _registered(conn: Any, ids: set[str]) -> set[str]:
    """Those of ``ids`` that the ledger holds (by the problem index, 500 at a time)."""
    sa = _sa()
    t = tables()
    out: set[str] = set()
    wanted = sorted(ids)
    for i in range(0, len(wanted), 500):
        part = wanted[i:i + 500]
        # By the problem index alone: every stored problem starts with its registration.
        out.update(r[0] for r in conn.execute(sa.select(t.events.c.problem).distinct().where(
            t.events.c.problem.in_(part))))
    return out


def _corrections(conn: Any) -> list[Event]:
    """Every ``corrected`` event (a correction counts whatever its day)."""
    sa = _sa()
    t = tables()
    return [_event_from_row(r) for r in conn.execute(
        sa.select(*[t.events.c[c] for c in ("seq", "problem", "type", "day", "data", "entered_by", "entered_at")])
        .where(t.events.c.type == "corrected"))]


def _family(conn: Any, problem: str) -> list[Event]:
    """The stored events of ``problem`` and of every problem merged with it: the target it was merged into (and
    that one's target …) and all their sources."""
    into = dict(_merges(conn))  # (the latest word on each source's target)
    root, seen = problem, {problem}
    while root in into and into[root] not in seen:
        root = into[root]
        seen.add(root)
    ids = _with_sources(conn, {root}) | {problem}
    cols = ("seq", "problem", "type", "day", "data", "entered_by", "entered_at")
    return [_event_from_row(r) for r in iter_rows(conn, problems=sorted(ids), columns=cols)]


def _with_sources(conn: Any, ids: set[str]) -> set[str]:
    """``ids`` and every problem merged into one of them, however indirectly."""
    merges = _merges(conn)
    out = set(ids)
    grew = True
    while grew:
        more = {src for src, into in merges if into in out} - out
        out |= more
        grew = bool(more)
    return out


def _sa() -> Any:
    from ._store import _sqlalchemy

    return _sqlalchemy()


def _day(value: dt.date | str | None) -> dt.date | None:
    """The day a list is drawn up on, read as a record's ``as_of`` is (``YYYY-MM-DD`` within
    1900-2999: a list as of 9999-12-31 would lose every finding, which no record may reach)."""
    if value is None:
        return None
    if type(value).__name__ == "NaTType":  # (its .time() raised ValueError "NaTType does not support time")
        raise ProblemError("as_of", "NaT (pandas' missing date) is no day; give a day YYYY-MM-DD between 1900 and "
                           "2999, or leave it out", code="bad_date")
    from pydantic_core import PydanticCustomError

    from ._compat import parse_day
    from ._events import zoned

    if (why := zoned(value)) is not None:  # (as an event's day: the zone decides the day, hostile32 left)
        raise ProblemError("as_of", why, code="bad_date")
    try:
        return parse_day(value, cell=False)  # (an argument, not a spreadsheet's cell: no Excel hint)
    except PydanticCustomError as exc:
        # (a message that already says what to write got a second hint: "…; write a day that exists, as YYYY-MM-DD;
        # give a day YYYY-MM-DD between 1900 and 2999")
        said = exc.message()
        raise ProblemError("as_of", said if "; write " in said else f"{said}; give a day YYYY-MM-DD between 1900 and "
                           "2999", code="bad_date") from None


#: Names of other formats, never given to a workbook (:meth:`Ledger.export_xlsx` refuses them).
_NOT_WORKBOOK = frozenset({".csv", ".tsv", ".txt", ".json", ".jsonl", ".ndjson", ".parquet", ".db", ".sqlite",
                           ".xls", ".yaml", ".yml"})


#: The most days ``within`` and ``window`` may span: ten years, more than any time limit or
#: deadline of the text (the service's query and the command's options hold to it too).
MAX_DAYS = 3650


def _days(value: Any, name: str) -> int:
    """A number of days from 0 to :data:`MAX_DAYS`: ``within``, ``window``."""
    import numbers

    # (numpy's int64, a frame's number, is the whole number it holds: it was refused as "7")
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or not 0 <= int(value) <= MAX_DAYS:
        raise ProblemError(name, f"a whole number of days from 0 to {MAX_DAYS} is expected (got {shown(value)})",
                           code="bad_value")
    return int(value)


#: The largest event number a database holds (a signed 64-bit integer).
MAX_SEQ = 2**63 - 1


def _seq(value: Any, name: str) -> int:
    """An event number (or a count of events) from 0 to :data:`MAX_SEQ`: ``after``, ``limit``, a
    corrected event's ``seq`` (a larger one would overflow the database's integer, a crash)."""
    import numbers

    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or not 0 <= int(value) <= MAX_SEQ:
        raise ProblemError(name, f"a whole number from 0 to {MAX_SEQ} is expected (got {shown(value)})",
                           code="bad_value")
    return int(value)


def _problem_id(value: Any) -> str:
    """A problem id asked for: text as given, a whole number (Python's or numpy's) as its digits, the way an
    event's problem 777 is stored as "777"; anything else is refused (state(1) was "normalize() argument 2 must
    be str, not int")."""
    import numbers

    if isinstance(value, str):
        return value
    if isinstance(value, numbers.Integral) and not isinstance(value, bool) and int(value).bit_length() <= 128:
        return str(int(value))
    raise ProblemError("problem", f"a problem's id is text (or a whole number), not {shown(value)}",
                       code="wrong_type")


def _as_written(exc: ProblemError, raw: Any) -> ProblemError:
    """``exc`` said of the field as the caller wrote it: ``area`` for an event that gave the area by
    that name (the ledger keeps it as ``domain``)."""
    if exc.field == "domain" and isinstance(raw, Mapping) and "area" in raw and "domain" not in raw:
        return ProblemError("area", exc.detail, record=exc.record, code=exc.code, where=exc.where, index=exc.index)
    return exc


def _of_event(exc: ProblemError, index: int, many: bool) -> ProblemError:
    """``exc`` said of the event at ``index`` (counted from 0) of those given at once: its number
    in the message when there were several, its index for a caller that can locate it in a file."""
    message = f"event {index + 1}: {_message(exc)}" if many else exc.detail
    return ProblemError(exc.field, message, record=exc.record, code=exc.code, index=index)


def _message(exc: ProblemError) -> str:
    text = str(exc)
    marker = f"field {exc.field!r}: "
    return text.split(marker, 1)[1] if marker in text else text


def new_batch_id() -> str:
    """A fresh id for an import."""
    return uuid.uuid4().hex[:16]


def _merges(conn: Any) -> list[tuple[str, str]]:
    """Every stored merge as ``(source, into)``, and every target a correction gave a merge (``replace.into``), in
    ``seq`` order: a redirected merge's new target must be folded with its source, and folding the old one too
    does no harm (the fold applies the correction)."""
    sa = _sa()
    t = tables()
    # (only corrections whose data names "into" are read: the others, most of them, cannot redirect a merge)
    redirect = (t.events.c.type == "corrected") & t.events.c.data.like('%"into"%')
    rows = conn.execute(sa.select(t.events.c.seq, t.events.c.problem, t.events.c.type, t.events.c.data)
                        .where((t.events.c.type == "merged") | redirect).order_by(t.events.c.seq))
    out: list[tuple[str, str]] = []
    for _, problem, kind, data in rows:
        d = json.loads(data)
        if kind == "merged":
            out.append((problem, str(d["into"])))
        elif isinstance(r := d.get("replace"), dict) and "into" in r:
            out.append((problem, str(r["into"])))
    return out

