"""A throw-away PostgreSQL server for the ledger tests: initdb in a temp dir, loopback only, a free port.

PostgreSQL refuses to run as root, so as root the server runs as the ``postgres`` user (``runuser``).
``RESPONSIBILITY_TEST_PG_URL`` points the tests at an existing server instead.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path


class Unavailable(Exception):
    """No PostgreSQL server can be started here (the message says why)."""


def _bindir() -> Path:
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if versions:
        return Path(versions[-1]).parent
    raise Unavailable("PostgreSQL is not installed (bash scripts/setup.sh installs it from Debian's packages)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """A running server; ``url(db)`` is a SQLAlchemy URL, ``new_database()`` makes an empty database."""

    def __init__(self) -> None:
        self.bindir = _bindir()
        self.root = Path(tempfile.mkdtemp(prefix="responsibility-pg-"))
        self.data = self.root / "data"
        self._as: list[str] = []
        if os.geteuid() == 0:
            if shutil.which("runuser") is None:
                raise Unavailable("running as root without runuser: cannot start PostgreSQL as another user")
            shutil.chown(self.root, "postgres", "postgres")
            self._as = ["runuser", "-u", "postgres", "--"]
        self.user = "postgres" if self._as else (os.environ.get("USER") or "postgres")
        self._count = 0
        self._run([str(self.bindir / "initdb"), "-D", str(self.data), "-U", self.user, "--auth=trust",
                   "-E", "UTF8", "--locale=C", "--no-sync"])
        # Several test processes (pytest-xdist workers) each start a server: a port another took between
        # _free_port() and the server's bind is tried again with another.
        for attempt in range(5):
            self.port = _free_port()
            opts = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
                    "-c synchronous_commit=off -c full_page_writes=off -c max_connections=40")
            try:
                self._run([str(self.bindir / "pg_ctl"), "-D", str(self.data), "-o", opts, "-l",
                           str(self.root / "log"), "-w", "-t", "30", "start"])
                break
            except Unavailable:
                log = (self.root / "log").read_text(errors="replace") if (self.root / "log").exists() else ""
                if attempt == 4 or "could not bind" not in log:
                    raise
        self._watchdog()

    def _watchdog(self) -> None:
        """A detached process that stops the server and removes its files once this process is gone
        (a test session killed by a timeout must not leave a server behind)."""
        stop = [*self._as, str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"]
        code = textwrap.dedent(f"""
            import os, shutil, subprocess, time
            while True:
                try:
                    os.kill({os.getpid()}, 0)
                except ProcessLookupError:
                    break
                time.sleep(2)
            subprocess.run({stop!r}, capture_output=True)
            shutil.rmtree({str(self.root)!r}, ignore_errors=True)
        """)
        self._watch = subprocess.Popen([sys.executable, "-c", code], start_new_session=True,
                                       stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)

    def _run(self, cmd: list[str]) -> None:
        r = subprocess.run([*self._as, *cmd], capture_output=True, text=True, timeout=60)
        if r.returncode != 0:
            raise Unavailable(f"{Path(cmd[0]).name} failed: {(r.stderr or r.stdout).strip()[-500:]}")

    def url(self, db: str = "postgres") -> str:
        """The SQLAlchemy URL of database ``db``."""
        return f"postgresql+psycopg://{self.user}@127.0.0.1:{self.port}/{db}"

    def new_database(self) -> str:
        """A fresh empty schema (faster than a database), as a URL whose search path is it."""
        return _new_schema(self, self.url())

    def stop(self) -> None:
        """Stop the server and remove its files."""
        try:
            self._run([str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"])
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
            self._watch.kill()
            self._watch.wait()


class External:
    """An existing server named by ``RESPONSIBILITY_TEST_PG_URL``."""

    def __init__(self, url: str) -> None:
        self.base = url
        self._count = 0

    def url(self, db: str = "postgres") -> str:
        """The URL of database ``db`` on that server."""
        return self.base.rsplit("/", 1)[0] + "/" + db

    def new_database(self) -> str:
        """A fresh empty schema, as a URL whose search path is it."""
        return _new_schema(self, self.base)

    def stop(self) -> None:
        """Nothing to stop."""


def _new_schema(server: Server | External, base: str) -> str:
    import sqlalchemy as sa

    server._count += 1
    name = f"t{os.getpid()}_{server._count}_{int(time.time() * 1000) % 100000}"
    engine = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{name}"')
    engine.dispose()
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{name}"


def start() -> Server | External:
    """A server for the tests, or :class:`Unavailable` saying why there is none."""
    url = os.environ.get("RESPONSIBILITY_TEST_PG_URL")
    if url:
        return External(url)
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise Unavailable("psycopg is not installed (pip install 'responsibility[ledger]')") from None
    return Server()
