"""Several server processes on one port, each with its own listening socket (``SO_REUSEPORT``).

Uvicorn's own ``--workers`` shares one listening socket: whichever process wakes first accepts
a whole burst of connections, and one that is still loading its policy takes none, so kept-alive
connections pile up on one process while the other idles (a client's latency then depends on
which process it landed on). Here every worker loads the policy, builds each area's rules, and
only then opens its own socket on the port with ``SO_REUSEPORT``: the kernel spreads new
connections over the workers that are ready. The supervisor restarts a worker that dies and
stops them all (each finishing its requests and closing its decision log) on SIGINT or SIGTERM.

Where ``SO_REUSEPORT`` does not exist, :func:`run` falls back to uvicorn's workers.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import multiprocessing
import os
import signal
import socket
import sys
import time
from typing import Any

#: Seconds between checks that the workers live; a worker that dies is started again, up to
#: ``_RESTARTS`` times in all (then the server stops: something is wrong with every start).
_POLL = 0.5
_RESTARTS = 20
#: A worker's exit code when lines of its decision log were lost (a full disk): :func:`run` counts such workers,
#: and ``serve`` then exits 2, as a single-process server does.
LOST_LINES = 2


def reuse_port() -> bool:
    """Whether this system can give each worker its own socket on one port."""
    return hasattr(socket, "SO_REUSEPORT") and sys.platform.startswith("linux")


def listen(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host:port`` that other workers may bind too."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def _cannot_listen(host: str, port: int, exc: OSError) -> str:
    """Why ``host:port`` cannot be listened on, and what to give instead."""
    why = " (another server is listening there: stop it, or give another --port)" if exc.errno == errno.EADDRINUSE \
        else " (not an address of this machine: give one of its own, 127.0.0.1 for it alone or 0.0.0.0 for every " \
        "interface, as --host)" if exc.errno in (errno.EADDRNOTAVAIL, errno.EINVAL, errno.EAFNOSUPPORT) \
        else " (a port below 1024 needs the administrator: give --port 8000 or another above 1023)" \
        if exc.errno == errno.EACCES and port < 1024 else ""
    return f"cannot listen on {host}:{port}: {exc.strerror or exc}{why}"


def check_port(host: str, port: int) -> int:
    """The port ``host:port`` binds (for port 0, the free one the kernel picks); a
    :class:`~responsibility.ResponsibilityError` (one line) when it cannot be listened on."""
    from .._errors import ResponsibilityError

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((host, port))
            return int(sock.getsockname()[1])
    except OSError as exc:
        raise ResponsibilityError(_cannot_listen(host, port, exc)) from None


class _Stopped(Exception):
    """A worker told to stop (SIGINT or SIGTERM, raised again by uvicorn once it has stopped)."""


def _orphaned(parent: int) -> None:
    """End this worker (as SIGTERM does: requests finished, the log closed) once its supervisor is gone."""
    while os.getppid() == parent:
        time.sleep(1)
    os.kill(os.getpid(), signal.SIGTERM)


class AccessHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """uvicorn's access log (a line per request on standard output) that, when standard output goes (`serve | head`,
    a reader that stopped), says so once on stderr and writes no more: each request printed "--- Logging error ---"
    and a traceback."""

    gone = False

    def emit(self, record: logging.LogRecord) -> None:
        if not AccessHandler.gone:
            super().emit(record)

    def handleError(self, record: logging.LogRecord) -> None:
        if AccessHandler.gone:
            return
        AccessHandler.gone = True
        with contextlib.suppress(Exception):
            sys.stderr.write(f"responsibility: process {os.getpid()}: standard output is gone (its reader stopped): "
                             "no more access log lines; the decision log is kept as ever\n")


def log_config() -> dict[str, Any]:
    """uvicorn's logging configuration with the access log's handler an :class:`AccessHandler`."""
    import copy

    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["handlers"]["access"]["class"] = "responsibility.service._workers.AccessHandler"
    return config


def _worker(host: str, port: int, log_level: str, access_log: bool) -> None:  # pragma: no cover - a subprocess
    import threading

    import uvicorn

    from ._app import create_app

    threading.Thread(target=_orphaned, args=(os.getppid(),), daemon=True).start()

    app = create_app()  # from the environment the supervisor set
    app.state.service.warm()  # before listening: no connection waits for the rules to be built
    sock = listen(host, port)
    from ._protocol import Protocol  # (a deadline for the headers, which uvicorn has not)

    config = uvicorn.Config(app, log_level=log_level, access_log=access_log, lifespan="on", http=Protocol,
                            log_config=log_config())

    def stopped(signum: int, frame: Any) -> None:
        raise _Stopped

    # uvicorn stops gracefully on SIGINT/SIGTERM, then raises the signal again: with these handlers that ends
    # run() here, not the process, so the log's losses are still told (and Ctrl-C prints no traceback)
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, stopped)
    with contextlib.suppress(_Stopped):
        uvicorn.Server(config).run(sockets=[sock])
    log = app.state.service.log
    if log is not None and log.lost:  # an audit trail with holes: the supervisor's exit code says so (R22b-7)
        print(f"error: worker {os.getpid()}: {log.failing()}", file=sys.stderr)
        sys.exit(LOST_LINES)


def run(host: str, port: int, workers: int, *, log_level: str = "info", access_log: bool = True) -> int:
    """Serve ``responsibility.service:app`` (settings from the environment) with ``workers``
    processes until SIGINT or SIGTERM. Returns how many workers lost decision-log lines (each
    said so on stderr as it stopped); ``0`` under uvicorn's own workers, which do not tell."""
    import uvicorn

    if not reuse_port():
        uvicorn.run("responsibility.service:app", host=host, port=port, workers=workers, log_level=log_level,
                    access_log=access_log, http="responsibility.service._protocol:Protocol", log_config=log_config())
        return 0
    from .._errors import ResponsibilityError

    try:  # a port in use fails here, at once, not in every worker
        probe = listen(host, port)
    except OSError as exc:
        raise ResponsibilityError(_cannot_listen(host, port, exc)) from None
    ctx = multiprocessing.get_context("spawn")
    args = (host, port, log_level, access_log)
    procs: list[Any] = []
    stopping = False
    lost = 0  # workers that stopped with decision-log lines lost

    def stop(signum: int, frame: Any) -> None:
        nonlocal stopping
        stopping = True

    previous = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        probe.close()
        procs = [ctx.Process(target=_worker, args=args, name=f"responsibility-worker-{i}") for i in range(workers)]
        for p in procs:
            p.start()
        restarts = 0
        while not stopping:
            time.sleep(_POLL)
            for i, p in enumerate(procs):
                if not p.is_alive() and not stopping:
                    lost += int(p.exitcode == LOST_LINES)
                    restarts += 1
                    if restarts > _RESTARTS:
                        raise ResponsibilityError(f"workers keep ending (the last with exit code {p.exitcode}); "
                                                  "see the messages above")
                    print(f"responsibility: worker {p.pid} ended ({p.exitcode}); starting another", file=sys.stderr)
                    procs[i] = ctx.Process(target=_worker, args=args, name=p.name)
                    procs[i].start()
    finally:
        for p in procs:
            if p.is_alive() and p.pid is not None:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(p.pid, signal.SIGTERM)
        for p in procs:
            p.join(timeout=30)
            if p.is_alive():
                p.kill()
                p.join()
        for s, handler in previous.items():
            signal.signal(s, handler)
    return lost + sum(int(p.exitcode == LOST_LINES) for p in procs)
