"""Storage: the ledger's tables in SQLite (a file, WAL) or PostgreSQL (a URL), with SQLAlchemy Core.

Tables::

    meta     key, value                 schema_version, created_at, rules (the policy its events were entered under)
    head     id=1, seq, hash            the last event: appends lock this row (one writer at a time)
    events   seq, problem, type, day, data, entered_by, entered_at, prev, hash, batch
    imports  id, source, started_at, finished_at, status, rows, events, rejected

Events are only ever inserted. ``seq`` is given by the ledger (head.seq + 1) inside the same
transaction that moves ``head``, so two processes appending at once queue on the head row
(SQLite: ``BEGIN IMMEDIATE``; PostgreSQL: ``SELECT … FOR UPDATE``) and the hash chain stays whole.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Callable, Generator, Iterable, Iterator
from typing import Any

from .._errors import ExtraUnavailable, LedgerError, import_extra
from ._events import GENESIS

SCHEMA_VERSION = 1

__all__ = ["SCHEMA_VERSION", "LedgerError", "Tables", "corrected_rows", "create", "damaged", "engine_of", "insert",
           "is_damage", "iter_rows", "json_lines", "lock_head", "make_engine", "now", "quick_check", "rows_to_insert",
           "schema_version", "store_rules", "stored_rules", "tables", "upgrade", "url_of"]


def _sqlalchemy() -> Any:
    return import_extra("sqlalchemy", "the ledger needs SQLAlchemy: pip install 'responsibility[ledger]'")


def url_of(target: str) -> str:
    """A database URL for ``target``: a URL as is, else a SQLite file path."""
    if "://" in target:
        if target.startswith(("postgresql://", "postgres://")):
            return "postgresql+psycopg://" + target.split("://", 1)[1]
        return target
    return f"sqlite:///{target}"


def shown_target(target: str) -> str:
    """``target`` as a message may show it: a database URL without its password
    (``postgresql://bob:***@host/db``), which would otherwise land in terminals, logs and CI output."""
    if "://" not in target or "@" not in target:
        return target
    scheme, rest = target.split("://", 1)
    credentials, at, place = rest.rpartition("@")
    user, colon, _ = credentials.partition(":")
    return f"{scheme}://{user}{':***' if colon else ''}{at}{place}"


class Tables:
    """The table objects (built once per process)."""

    def __init__(self) -> None:
        sa = _sqlalchemy()
        md = sa.MetaData()
        self.metadata = md
        self.meta = sa.Table("meta", md, sa.Column("key", sa.String(64), primary_key=True),
                             sa.Column("value", sa.Text, nullable=False))
        self.head = sa.Table("head", md, sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
                             sa.Column("seq", sa.BigInteger, nullable=False),
                             sa.Column("hash", sa.String(64), nullable=False))
        self.events = sa.Table(
            "events", md,
            sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
            sa.Column("problem", sa.String(200), nullable=False),
            sa.Column("type", sa.String(20), nullable=False),
            sa.Column("day", sa.String(10), nullable=False),
            sa.Column("data", sa.Text, nullable=False),
            sa.Column("entered_by", sa.String(200), nullable=False),
            sa.Column("entered_at", sa.String(32), nullable=False),
            sa.Column("prev", sa.String(64), nullable=False),
            sa.Column("hash", sa.String(64), nullable=False),
            sa.Column("batch", sa.String(40), nullable=True),
            sa.Index("ix_events_problem", "problem", "seq"),
            sa.Index("ix_events_type", "type"),
        )
        self.imports = sa.Table(
            "imports", md,
            sa.Column("id", sa.String(40), primary_key=True),
            sa.Column("source", sa.Text, nullable=False),
            sa.Column("started_at", sa.String(32), nullable=False),
            sa.Column("finished_at", sa.String(32), nullable=True),
            sa.Column("status", sa.String(20), nullable=False),
            sa.Column("rows", sa.Integer, nullable=True),
            sa.Column("events", sa.Integer, nullable=True),
            sa.Column("rejected", sa.Integer, nullable=True),
        )


_TABLES: Tables | None = None


def tables() -> Tables:
    """The shared :class:`Tables`."""
    global _TABLES
    if _TABLES is None:
        _TABLES = Tables()
    return _TABLES


def engine_of(target: str) -> Any:
    """:func:`make_engine` for a ledger given as a file path or a database URL."""
    return make_engine(url_of(target), file=None if "://" in target else target)


#: How long a SQLite writer waits for another's write lock before it gives up (a LedgerError).
BUSY_SECONDS = 60.0


def make_engine(url: str, *, file: str | None = None) -> Any:
    """A SQLAlchemy engine; SQLite gets WAL, a busy timeout and ``BEGIN IMMEDIATE`` for writes.
    ``file``: the SQLite file exactly as named (a ``?`` or ``#`` in it is part of the name, which
    in a URL would start a query or a fragment: ``q?x=1.db`` was the file ``q``)."""
    sa = _sqlalchemy()
    if url.startswith("sqlite"):
        where = sa.engine.URL.create("sqlite", database=file) if file is not None else url
        if (frozen := read_only_dir(file if file is not None else _sqlite_file(url))) is not None:
            # a ledger on read-only media (a snapshot, a read-only mount or share): SQLite cannot make the -wal and
            # -shm files it reads a WAL database with, and every command, `verify` too, was "unable to open database
            # file" (hostile40, hostile43). With no -wal holding writes not yet in the file, the file alone is the
            # ledger: it is read as immutable, and a write is refused as for a read-only file.
            from urllib.parse import quote

            where = sa.engine.URL.create("sqlite", database=f"file:{quote(frozen)}",
                                         query={"immutable": "1", "uri": "true"})
        engine = sa.create_engine(where, connect_args={"timeout": BUSY_SECONDS})

        def _connect(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute(f"PRAGMA busy_timeout={int(BUSY_SECONDS * 1000)}")
            cur.execute("PRAGMA cache_size=-65536")  # 64 MiB: index pages of big imports stay in memory
            cur.close()

        def _begin(conn: Any) -> None:
            write = conn.get_execution_options().get("ledger_write", False)
            if not write:
                conn.exec_driver_sql("BEGIN")
                return
            with _waiting():
                try:
                    conn.exec_driver_sql("BEGIN IMMEDIATE")
                except sa.exc.OperationalError as exc:
                    if "locked" not in str(exc.orig):
                        raise
                    raise LedgerBusy(f"{shown_target(file or url)}: another process has held the ledger's write lock "
                                      f"for {BUSY_SECONDS:g} s (a long import?); nothing was written: try again "
                                      "when it is done") from None

        def _error(context: Any) -> None:
            # a write to a file that may not be written (its permissions, a read-only share) is the user's
            # circumstance, not a bug (review19b T1: exit 3 "this is a bug", 500 from the service)
            if is_damage(context.original_exception):
                # a page of the file overwritten or cut off outside SQLite (a copy broken off, a disk fault):
                # the input's state, not a bug (hostile40: `ledger show` was exit 3 "this is a bug")
                raise LedgerError(damaged(file or url, context.original_exception)) from None
            text = str(context.original_exception).lower()
            if "disk is full" in text or "disk i/o error" in text:
                # a full disk met by a write (the commit of `ledger add`, `import`, a POST): it was exit 3 "this is a
                # bug" and a 500 (hostile41); SQLite rolls the transaction back, so the ledger keeps what it held.
                # (A "disk I/O error" is a full disk when the disk has no room left, else left to the caller.)
                from ._ledger import _disk_full

                if "disk is full" in text or _disk_full(file or url):
                    from .._files import no_space

                    raise LedgerError(no_space(f"the ledger {shown_target(file or url)}", left="the ledger is as it "
                                               "was (nothing of this command was stored)")) from None
            if "readonly" in text:
                what = "the file is read-only: its permissions, or a read-only disk or share" if frozen is None else \
                    "its directory cannot be written, where SQLite keeps its -wal and -shm files beside it: a " \
                    "read-only disk or share, or the directory's permissions; the ledger is read as it is"
                raise LedgerError(f"{shown_target(file or url)}: cannot write to it ({what}); nothing was written — "
                                  "get write access, or work on a copy") from None

        sa.event.listen(engine, "connect", _connect)
        sa.event.listen(engine, "begin", _begin)
        sa.event.listen(engine, "handle_error", _error)
        return engine
    scheme = url.split("://", 1)[0].split("+", 1)[0].lower() if "://" in url else ""
    if scheme != "postgresql":
        raise LedgerError(f"a {scheme or 'URL'!r} database cannot hold a ledger: give a SQLite file (county.db, "
                          "sqlite:///county.db) or a PostgreSQL URL (postgresql://user@host/db)")
    try:
        return sa.create_engine(url, pool_pre_ping=True)
    except ImportError as exc:
        raise ExtraUnavailable(f"{exc}; PostgreSQL needs psycopg: pip install 'responsibility[ledger]'") from None
    except sa.exc.ArgumentError as exc:
        raise LedgerError(f"not a database URL: {url!r} ({exc})") from None


def _sqlite_file(url: str) -> str | None:
    """The file of a ``sqlite:///`` URL (``None`` for memory)."""
    path = url[len("sqlite:///"):].split("?", 1)[0] if url.startswith("sqlite:///") else ""
    return path if path and path != ":memory:" else None


def read_only_dir(file: str | None) -> str | None:
    """``file``, a SQLite ledger that exists, when its directory cannot be written (read-only media, or its
    permissions) and no ``-wal`` file beside it holds writes not yet in it: the file alone is then the whole ledger,
    read as immutable (:func:`make_engine`). ``None`` otherwise (opened as ever)."""
    import os

    if not file or not os.path.isfile(file):
        return None
    folder = os.path.dirname(os.path.abspath(file))
    if os.access(folder, os.W_OK):
        return None
    try:
        if os.path.getsize(file + "-wal") > 0:
            return None  # (its writes are not in the file: reading the file alone would be an older ledger)
    except OSError:
        pass
    return os.path.abspath(file)


def is_damage(exc: BaseException) -> bool:
    """``exc`` is SQLite finding its file damaged (SQLITE_CORRUPT, SQLITE_NOTADB met past the first page, a text
    cell that is not UTF-8)."""
    text = str(exc).lower()
    # (a cell overwritten with bytes that are no UTF-8: "Could not decode to UTF-8 column 'day'")
    return "malformed" in text or "file is not a database" in text or "could not decode to utf-8" in text


def quick_check(conn: Any) -> str | None:
    """SQLite's own check of its file's pages and indexes (``PRAGMA quick_check``): its first complaint, or
    ``None`` when the file is sound (and for a server's database, which keeps its own)."""
    if conn.dialect.name != "sqlite":
        return None
    try:
        rows = conn.exec_driver_sql("PRAGMA quick_check(5)").fetchall()
    except Exception as exc:  # (the check itself stopped at a damaged page: the engine's hook made it a LedgerError)
        if not is_damage(exc):
            raise
        return "database disk image is malformed (the check stopped at a damaged page)"
    found = [line for r in rows for line in str(r[0]).splitlines()
             if line.strip() and line.lower() != "ok" and not line.startswith("*** in database")]
    return "; ".join(" ".join(f.split()) for f in found)[:200] or None


def damaged(target: str, why: BaseException | str) -> str:
    """What to say of a ledger whose SQLite file is damaged, and what to do."""
    reason = " ".join(str(why).split()).split(" with text ")[0][:200]  # (not the damaged bytes themselves)
    return (f"{shown_target(target)}: cannot use it: the ledger's database file is damaged ({reason}): it was cut "
            "short or overwritten outside SQLite (a copy taken while it was written, a disk fault); nothing was "
            "written — restore it from a backup (`sqlite3 FILE .recover` saves what it can read, into a new file)")


#: Called (from another thread) when a writer has waited :data:`WAIT_NOTICE_AFTER` seconds for the
#: ledger's write lock, which another process holds: the command line says so (the library is silent).
wait_notice: Callable[[], object] | None = None
WAIT_NOTICE_AFTER = 2.0


@contextlib.contextmanager
def _waiting() -> Iterator[None]:
    """Around taking the write lock: :data:`wait_notice` once the wait is long."""
    notice = wait_notice
    if notice is None:
        yield
        return
    timer = threading.Timer(WAIT_NOTICE_AFTER, notice)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()


class LedgerBusy(LedgerError):
    """Another process held the ledger's write lock longer than :data:`BUSY_SECONDS`: nothing was
    written; the same request may succeed later (HTTP: 503 with ``Retry-After``)."""

    #: Seconds after which trying again is sensible (the service's ``Retry-After``).
    retry_after = 30


class LedgerExists(LedgerError):
    """A new ledger asked for where one is (:meth:`Ledger.create` says how to open it)."""


def now() -> str:
    """The current UTC time, as stored in ``entered_at``."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def create(engine: Any) -> None:
    """Create the tables of a new ledger (fails when one exists)."""
    t = tables()
    sa = _sqlalchemy()
    with engine.connect().execution_options(ledger_write=True) as conn, conn.begin():
        if sa.inspect(conn).has_table("meta"):
            raise LedgerExists(f"{engine.url.render_as_string(hide_password=True)} already holds a ledger")
        if other := foreign_tables(conn):  # (review22b R22b-6: init wrote its tables into another program's file)
            more = ", …" if len(other) > 5 else ""
            raise LedgerError(f"{engine.url.database} is another program's SQLite database (tables "
                              f"{', '.join(other[:5])}{more}), not a ledger; give a new file name for the ledger")
        t.metadata.create_all(conn)
        conn.execute(t.meta.insert(), [{"key": "schema_version", "value": str(SCHEMA_VERSION)},
                                       {"key": "created_at", "value": now()}])
        from ._events import GENESIS

        conn.execute(t.head.insert().values(id=1, seq=0, hash=GENESIS))


def foreign_tables(conn: Any) -> list[str]:
    """The tables of a SQLite database that holds no ledger (another program's file), sorted; ``[]`` for a server's
    database, which may hold other schemas' tables beside a ledger."""
    if conn.dialect.name != "sqlite":
        return []
    return sorted(_sqlalchemy().inspect(conn).get_table_names())


def schema_version(engine: Any) -> int | None:
    """The schema version stored in the database (``None``: not a ledger)."""
    sa = _sqlalchemy()
    t = tables()
    with engine.connect() as conn:
        if not sa.inspect(conn).has_table("meta"):
            return None
        row = conn.execute(sa.select(t.meta.c.value).where(t.meta.c.key == "schema_version")).first()
        if row is None:
            if sa.inspect(conn).has_table("events"):
                # a ledger's tables, its version row gone (a damaged page of meta): not "another program's
                # database" (hostile40), which sent the user looking for another file
                where = engine.url.database if engine.url.get_backend_name() == "sqlite" else \
                    engine.url.render_as_string(hide_password=True)
                raise LedgerError(f"{where}: the ledger's meta table holds no schema version: it was damaged "
                                  "outside the library; restore it from a backup")
            return None
        try:
            version = int(row[0])
        except (TypeError, ValueError):
            raise LedgerError(f"the ledger's schema version is not a number ({row[0]!r}): it was damaged outside "
                              "the library; restore it from a backup") from None
        if any(v not in UPGRADES for v in range(version, SCHEMA_VERSION)):
            # a version older than the first, with no way up: no release wrote it (review19b T2: `ledger upgrade`
            # was advised, and crashed)
            raise LedgerError(f"the ledger's schema version {version} was never written by any release: it was "
                              "damaged outside the library; restore it from a backup")
        inspector = sa.inspect(conn)
        missing = [name for name in ("events", "head") if not inspector.has_table(name)]
        if missing:
            raise LedgerError(f"the ledger has no {' and no '.join(missing)} table: it was damaged outside the "
                              "library; restore it from a backup")
        for table in (t.meta, t.head, t.events):
            # a renamed or dropped column would surface as the database's own error, read as a bug (review18)
            have = {c["name"] for c in inspector.get_columns(table.name)}
            lost = [c.name for c in table.columns if c.name not in have]
            if lost:
                raise LedgerError(f"the ledger's {table.name} table has no column {', '.join(map(repr, lost))}: it "
                                  "was damaged outside the library; restore it from a backup")
    return version


#: Upgrades from version N to N+1, as functions of a connection (none yet: version 1 is the first).
UPGRADES: dict[int, Any] = {}


def upgrade(engine: Any) -> tuple[int, int]:
    """Bring the schema up to :data:`SCHEMA_VERSION`; return (before, after)."""
    before = schema_version(engine)
    if before is None:
        raise LedgerError("not a ledger (no meta table); create one with `responsibility ledger init`")
    if before > SCHEMA_VERSION:
        raise LedgerError(f"the ledger has schema version {before}, newer than this library's {SCHEMA_VERSION}; "
                          "upgrade responsibility")
    sa = _sqlalchemy()
    t = tables()
    version = before
    while version < SCHEMA_VERSION:
        with engine.connect().execution_options(ledger_write=True) as conn, conn.begin():
            UPGRADES[version](conn)
            version += 1
            conn.execute(sa.update(t.meta).where(t.meta.c.key == "schema_version").values(value=str(version)))
    return before, version


def rows_to_insert(events: Iterable[Any], head_seq: int, head_hash: str, entered_at: str,
                   batch: str | None) -> tuple[list[dict[str, Any]], int, str]:
    """Stored rows for ``events`` chained after (head_seq, head_hash); sets seq/hash on nothing."""
    from ._events import canonical, chain_hash

    out = []
    seq, prev = head_seq, head_hash
    for e in events:
        seq += 1
        data = canonical(e.data)
        day = e.on.isoformat()
        h = chain_hash(prev, e.problem, e.type, day, data, e.entered_by, entered_at)
        out.append({"seq": seq, "problem": e.problem, "type": e.type, "day": day, "data": data,
                    "entered_by": e.entered_by, "entered_at": entered_at, "prev": prev, "hash": h, "batch": batch})
        prev = h
    return out, seq, prev


def stored_rules(conn: Any) -> dict[str, Any] | None:
    """The rules a ledger's events were entered under (:func:`responsibility.ledger._ledger.rules_mark`), as its
    first write stored them; ``None`` for a ledger nothing was written to yet, or one older than the mark."""
    import json

    sa = _sqlalchemy()
    t = tables()
    row = conn.execute(sa.select(t.meta.c.value).where(t.meta.c.key == "rules")).first()
    if row is None:
        return None
    try:
        mark = json.loads(row[0])
    except ValueError:
        mark = None
    if not isinstance(mark, dict) or not isinstance(mark.get("id"), str) or not isinstance(mark.get("sources"), list):
        raise LedgerError("the ledger's record of its rules (meta 'rules') is not what the library writes: it was "
                          "damaged outside the library; restore it from a backup")
    return mark


def store_rules(conn: Any, mark: dict[str, Any], before: dict[str, Any] | None) -> None:
    """Record ``mark`` as the rules of the ledger's events (inside a write transaction); ``before`` is what was
    stored (:func:`stored_rules`)."""
    import json

    sa = _sqlalchemy()
    t = tables()
    value = json.dumps(mark, ensure_ascii=False, sort_keys=True)
    if before is None:
        conn.execute(t.meta.insert().values(key="rules", value=value))
    else:
        conn.execute(sa.update(t.meta).where(t.meta.c.key == "rules").values(value=value))


def lock_head(conn: Any) -> tuple[int, str]:
    """Lock the head row for this transaction; return (seq, hash) of the last event."""
    sa = _sqlalchemy()
    t = tables()
    q = sa.select(t.head.c.seq, t.head.c.hash).where(t.head.c.id == 1)
    if conn.dialect.name != "sqlite":
        q = q.with_for_update()
        with _waiting():
            row = conn.execute(q).first()
    else:
        row = conn.execute(q).first()
    if row is None:
        raise LedgerError("the ledger has no head row; it was damaged outside the library (`responsibility ledger "
                          "verify` tells more); restore it from a backup")
    # the head must be the last event, or a write would chain onto a break (or collide with a stored seq)
    last = conn.execute(sa.select(t.events.c.seq, t.events.c.hash).order_by(t.events.c.seq.desc()).limit(1)).first()
    if (int(row[0]), str(row[1])) != ((int(last[0]), str(last[1])) if last is not None else (0, GENESIS)):
        raise LedgerError("the ledger's head does not match its last event: it was damaged outside the library; "
                          "run `responsibility ledger verify` and restore it from a backup")
    return int(row[0]), str(row[1])


def insert(conn: Any, rows: list[dict[str, Any]], seq: int, last: str) -> None:
    """Insert stored rows and move the head (inside the caller's write transaction)."""
    sa = _sqlalchemy()
    t = tables()
    if not rows:
        return
    names = [c.name for c in t.events.columns]
    dialect = conn.dialect.name
    if dialect == "sqlite":
        # The driver's own executemany: SQLAlchemy's per-parameter processing is most of the cost.
        sql = f"INSERT INTO events ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
        conn.exec_driver_sql(sql, [tuple(r[n] for n in names) for r in rows])
    elif dialect == "postgresql" and conn.dialect.driver == "psycopg":
        # COPY: one stream instead of a statement per row.
        cursor = conn.connection.dbapi_connection.cursor()
        with cursor.copy(f"COPY events ({', '.join(names)}) FROM STDIN") as copy:
            for r in rows:
                copy.write_row([r[n] for n in names])
        cursor.close()
    else:
        for i in range(0, len(rows), 50_000):
            conn.execute(t.events.insert(), rows[i:i + 50_000])
    conn.execute(sa.update(t.head).where(t.head.c.id == 1).values(seq=seq, hash=last))


def iter_rows(conn: Any, *, problems: Iterable[str] | None = None, upto: str | None = None,
              columns: tuple[str, ...] = ("seq", "problem", "type", "day", "data", "entered_by", "entered_at"),
              chunk: int = 100_000) -> Generator[tuple[Any, ...], None, None]:
    """Stored events in ``seq`` order: all, those of ``problems``, or those on or before ``upto``
    (corrections whatever their day, and the events they correct)."""
    sa = _sqlalchemy()
    t = tables()
    cols = [t.events.c[c] for c in columns]
    q = sa.select(*cols).order_by(t.events.c.seq)
    if problems is not None:
        ids = list(problems)
        if not ids:
            return
        if len(ids) <= 500:
            q = q.where(t.events.c.problem.in_(ids))
        else:
            wanted = set(ids)
            pi = columns.index("problem")
            for row in iter_rows(conn, columns=columns, chunk=chunk, upto=upto):
                if row[pi] in wanted:
                    yield row
            return
    parts = _chunks(conn, q if problems is not None else None, upto=upto, columns=columns, chunk=chunk)
    try:
        for part in parts:
            yield from part
    finally:
        parts.close()


def _corrected(conn: Any) -> Any:
    """The ``seq`` of every event a correction names (a subquery)."""
    sa = _sqlalchemy()
    t = tables()
    target = sa.func.json_extract(t.events.c.data, "$.event") if conn.dialect.name == "sqlite" else \
        sa.cast(t.events.c.data, sa.JSON)["event"].as_string()
    return sa.select(sa.cast(target, sa.BigInteger)).where(t.events.c.type == "corrected")


def json_lines(conn: Any, *, upto: str, chunk: int = 100_000) -> Generator[list[Any], None, None]:
    """The stored events on or before ``upto`` that are not corrections and that no correction
    names, in ``seq`` order, each as one line of JSON made by the database: the event's fields
    with ``~s`` (seq), ``~p`` (problem), ``~t`` (type) and ``~d`` (day) — rows of one text, read
    in chunks (one Python object per event instead of five; the reader parses them in bulk)."""
    sa = _sqlalchemy()
    t = tables()
    e = t.events.c
    text = sa.Text()

    def lit(value: str) -> Any:
        return sa.literal(value, text)

    quoted = sa.func.json_quote(e.problem) if conn.dialect.name == "sqlite" else \
        sa.cast(sa.func.to_json(e.problem), text)
    rest = sa.case((e.data == "{}", lit("}")), else_=lit(",") + sa.func.substr(e.data, 2))
    line = lit('{"~s":') + sa.cast(e.seq, text) + lit(',"~p":') + quoted + lit(',"~t":"') + e.type + \
        lit('","~d":"') + e.day + lit('"') + rest
    q = sa.select(line).where(e.day <= upto, e.type != "corrected", e.seq.not_in(_corrected(conn))).order_by(e.seq)
    yield from _chunks(conn, q, upto=None, columns=(), chunk=chunk, raw=conn.dialect.name == "sqlite")


def corrected_rows(conn: Any, columns: tuple[str, ...] = ("seq", "problem", "type", "day", "data"),
                   ) -> list[tuple[Any, ...]]:
    """The stored events some correction names, whatever their day, in ``seq`` order."""
    sa = _sqlalchemy()
    t = tables()
    q = sa.select(*[t.events.c[c] for c in columns]).where(t.events.c.seq.in_(_corrected(conn))) \
        .order_by(t.events.c.seq)
    return [tuple(r) for r in conn.execute(q)]


def _chunks(conn: Any, q: Any, *, upto: str | None, columns: tuple[str, ...],
            chunk: int, raw: bool | None = None) -> Generator[list[tuple[Any, ...]], None, None]:
    sa = _sqlalchemy()
    t = tables()
    if raw is None:
        raw = q is None and conn.dialect.name == "sqlite"
    if q is None:
        q = sa.select(*[t.events.c[c] for c in columns]).order_by(t.events.c.seq)
    if upto is not None:
        q = q.where(sa.or_(t.events.c.day <= upto, t.events.c.type == "corrected",
                           t.events.c.seq.in_(_corrected(conn))))
    if raw:
        compiled = q.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
        params = compiled.construct_params()
        args = tuple(params[k] for k in compiled.positiontup or ()) if compiled.positional else params
        cursor = conn.connection.driver_connection.cursor()
        try:
            cursor.execute(str(compiled), args)
            while part := cursor.fetchmany(chunk):
                yield part
        except Exception as exc:  # (past SQLAlchemy's hook: a damaged file said as the hook says it, not as a bug)
            if not is_damage(exc):
                raise
            raise LedgerError(damaged(str(conn.engine.url.database), exc)) from None
        finally:
            cursor.close()
        return
    result = conn.execute(q, execution_options={"stream_results": True, "yield_per": chunk})
    try:
        yield from result.partitions(chunk)  # rows are sequences like tuples
    finally:
        result.close()
