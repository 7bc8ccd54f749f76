"""``responsibility serve`` (the HTTP service) and ``responsibility token`` (a caller's token)."""

from __future__ import annotations

import ipaddress
import os
import sys

import click

from .._errors import ResponsibilityError
from ._cli import WholeNumber, cli, file_named


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


#: What ``--host`` takes, for its messages.
_HOST_TAKES = ("give an address of this machine: 127.0.0.1 (this machine alone, the default), 0.0.0.0 (every network "
               "interface), or one of its own IP addresses or host names")


def _host(value: str) -> str:
    """``--host``: an address this machine can listen on, checked before anything else is done (input38 item 3: an
    unresolvable name was warned about as 'reachable from other machines', then refused by the socket's own words).
    Spaces around it are dropped and an IPv6 address may come in brackets (``[::1]``, as a URL writes it)."""
    import re
    import socket

    host = value.strip()
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    if not host:
        raise click.BadParameter(f"it is empty; {_HOST_TAKES}", param_hint="--host")
    if "/" in host:
        raise click.BadParameter(f"{value!r} is a URL or a path, not an address; {_HOST_TAKES} (the port goes to "
                                 "--port)", param_hint="--host")
    if (m := re.fullmatch(r"([^:]+):(\d+)", host)) is not None:
        raise click.BadParameter(f"{value!r} holds a port; give the address alone and the port with --port "
                                 f"(--host {m[1]} --port {m[2]})", param_hint="--host")
    try:
        socket.getaddrinfo(host, None, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (OSError, UnicodeError):
        raise click.BadParameter(f"{value!r} is not an IP address, and no host name {host!r} is known here; "
                                 f"{_HOST_TAKES}", param_hint="--host") from None
    return host


def _sound_ledger(opened: object, target: str) -> None:
    """Refuse (exit 2, before listening) a ledger whose SQLite file is damaged in a page that opening it did not
    read: ``serve`` started and answered 503 to every ledger request that met the page, and 200 to the others,
    from a file that was no longer whole (hostile40, hostile43). SQLite's ``quick_check`` of every page costs
    ~0.3 CPU s per 300 MB (a million events); a server's database (PostgreSQL) keeps its own."""
    engine = getattr(opened, "engine", None)
    if engine is None or engine.dialect.name != "sqlite":
        return
    from ..ledger._store import damaged, quick_check

    with engine.connect() as conn:
        found = quick_check(conn)
    if found is not None:
        opened.close()  # type: ignore[attr-defined]
        raise ResponsibilityError(damaged(target, found))
    from ..ledger._store import read_only_dir

    if read_only_dir(getattr(opened, "file", None)) is not None:  # (read as immutable: ledger._store.make_engine)
        click.echo(f"note: the ledger {target} is on read-only media (its directory cannot be written): it is "
                   "served for reading; each write (events, merges, imports) answers 503", err=True)


@click.command("serve")
@click.option("--rules", "rules_dir", type=click.Path(file_okay=False), help="Policy directory (default: shipped).")
@click.option("--jurisdiction", type=click.Path(dir_okay=False), help="CSV of places (default: shipped example).")
@click.option("--ledger", default=None, help="Ledger database URL (sqlite:///county.db, postgresql://…).")
@click.option("--tokens", "tokens_file", type=click.Path(dir_okay=False),
              help="Tokens file (YAML/JSON of name, role, jurisdiction, sha256); default: $RESPONSIBILITY_TOKENS_FILE.")
@click.option("--no-auth", is_flag=True, help="Admit every request without a token (loopback only; development).")
@click.option("--decision-log", default="decisions.jsonl", show_default=True, type=click.Path(dir_okay=False),
              callback=file_named,
              help="Append one JSON line per verdict, batch and ledger write here.")
@click.option("--host", default="127.0.0.1", show_default=True, callback=lambda _c, _p, v: _host(v),
              help="Address to listen on (0.0.0.0: every interface).")
@click.option("--port", default=8000, show_default=True, type=WholeNumber(0, 65535),
              help="Port to listen on; 0: a free one, picked and printed as the server starts.")
@click.option("--engine", type=click.Choice(["compiled", "durable"]), default="compiled", show_default=True,
              help="Engine of verdicts that do not ask for one (the same findings; compiled is faster).")
@click.option("--workers", default=1, show_default=True, type=WholeNumber(1, 64), help="Server processes.")
@click.option("--max-body", default=2**20, show_default=True, type=WholeNumber(1),
              help="Bytes per request.")
@click.option("--max-batch-bytes", default=256 * 2**20, show_default=True, type=WholeNumber(1),
              help="Bytes per batch request.")
@click.option("--max-batch-records", default=1_000_000, show_default=True, type=WholeNumber(1),
              help="Records per batch request.")
@click.option("--max-import-rows", default=100_000, show_default=True, type=WholeNumber(1),
              help="Rows per ledger upload (POST /v1/ledger/import holds the ledger's write lock while it runs).")
@click.option("--body-seconds", default=30, show_default=True, type=WholeNumber(1),
              help="Seconds a request's body may take to arrive (a batch's or an upload's: may pause between its "
                   "parts); 408 past them.")
@click.option("--log-level", type=click.Choice(["critical", "error", "warning", "info", "debug"]),
              default="info", show_default=True)
def serve(rules_dir: str | None, jurisdiction: str | None, ledger: str | None, tokens_file: str | None,
          no_auth: bool, decision_log: str, host: str, port: int, engine: str, workers: int, max_body: int,
          max_batch_bytes: int, max_batch_records: int, log_level: str, body_seconds: int = 30,
          max_import_rows: int = 100_000) -> None:
    """Answer over HTTP: verdicts, batches, policy views (and the ledger), with OpenAPI at /docs.

    Listens on 127.0.0.1 unless --host says otherwise; every request but /health and /version
    needs a bearer token from the tokens file (make one with `responsibility token`).
    """
    try:
        import uvicorn
    except ImportError:
        from .._errors import ExtraUnavailable

        raise ExtraUnavailable("serve needs the service extra: pip install 'responsibility[service]'") from None
    from ..service._app import Settings, create_app

    _hangup_stops()
    if ledger is not None and not ledger.strip():  # (it served with no ledger, every ledger request a 503; hostile41)
        raise click.BadParameter("it is empty; give the ledger's file (county.db) or its URL, or leave --ledger out "
                                 "for a server without a ledger", param_hint="--ledger")
    if no_auth and not _loopback(host):
        raise ResponsibilityError(f"--no-auth admits anyone: it is refused on {host}, which is not a loopback "
                                  "address; give --tokens FILE")
    env = {"RESPONSIBILITY_RULES": rules_dir, "RESPONSIBILITY_JURISDICTION": jurisdiction,
           "RESPONSIBILITY_LEDGER": ledger, "RESPONSIBILITY_TOKENS_FILE": tokens_file,
           "RESPONSIBILITY_NO_AUTH": "1" if no_auth else None, "RESPONSIBILITY_ENGINE": engine,
           "RESPONSIBILITY_DECISION_LOG": decision_log,
           "RESPONSIBILITY_MAX_BODY": str(max_body), "RESPONSIBILITY_MAX_BATCH_RECORDS": str(max_batch_records),
           "RESPONSIBILITY_MAX_BATCH_BYTES": str(max_batch_bytes), "RESPONSIBILITY_BODY_SECONDS": str(body_seconds),
           "RESPONSIBILITY_MAX_IMPORT_ROWS": str(max_import_rows)}
    for key, value in env.items():
        if value is not None:
            os.environ[key] = value
        else:  # not one inherited from the environment (or left by an earlier serve in this process, as a test's):
            os.environ.pop(key, None)  # a RESPONSIBILITY_NO_AUTH=1 around would have served --tokens without auth
    from ..service._workers import check_port

    check_port(host, port)  # a port in use fails at once, before the rules are built (N10-9: seconds later)
    if not _loopback(host):  # (once it is known to be listened on: not before an error that it cannot be)
        click.echo(f"warning: listening on {host}, reachable from other machines", err=True)
    settings = Settings.from_env()
    if settings.auth and settings.tokens is None:  # (create_app says it in Python's words: tokens=, auth=False)
        raise ResponsibilityError("no tokens configured: give --tokens FILE (or set RESPONSIBILITY_TOKENS_FILE); make "
                                  "one with `responsibility token`; for loopback development only, --no-auth")
    if settings.auth and settings.tokens is not None and len(settings.tokens) == 0:
        # (a tokens file of `[]` or `tokens: []` started a server that answered every caller 401, "the bearer token is
        # not valid here", with nothing said where it was started: hostile60)
        where = settings.tokens.path or "the tokens"
        click.echo(f"warning: {where} holds no caller: every request but /health and /version will be refused (401); "
                   f"add one with `responsibility token --name … --role … --jurisdiction … >> {where}` and start "
                   "the server again", err=True)
    # a line per request on standard output, uvicorn's access log (the decision log is apart)
    access_log = log_level in ("info", "debug")
    from ._cli import _ClosedStdout

    if access_log and isinstance(sys.stdout, _ClosedStdout):
        # (each request printed "--- Logging error ---" and a traceback on stderr: `serve >&-`)
        access_log = False
        click.echo("responsibility: standard output is closed: no access log (a line per request); the decision "
                   "log is kept as ever", err=True)
    app = create_app(settings)  # unusable settings fail here, before listening, as one line and exit 2
    _sound_ledger(app.state.service.ledger, ledger or "")
    picked = ""
    if port == 0:
        # uvicorn would bind a port of its own and this line say ":0" (each of --workers another port; ux44): one is
        # picked here, as late as can be, and every worker listens on it
        port, picked = check_port(host, 0), " (--port 0: a free port, picked now)"
    shown = f"[{host}]" if ":" in host else host  # (an IPv6 address in a URL is in brackets)
    click.echo(f"responsibility: serving on http://{shown}:{port}{picked} (docs at /docs; decision log "
               f"{decision_log})", err=True)
    if workers > 1:
        from ..service._workers import run

        svc = app.state.service  # the workers each make their own (the settings are in the environment)
        if svc.log is not None:
            svc.log.close()
        if svc.ledger is not None:
            svc.ledger.close()
        del app, svc
        lost = run(host, port, workers, log_level=log_level, access_log=access_log)
        if lost:  # each such worker said how many lines it lost; the exit code is the single process's (R22b-7)
            click.echo(f"error: decision log {decision_log}: {lost} worker(s) lost lines (each said how many, "
                       "above); free space on its disk, and compare the lost count with the callers' requests",
                       err=True)
            sys.exit(2)
    else:
        from ._cli import Terminated

        svc = app.state.service
        try:
            from ..service._protocol import Protocol  # (a deadline for the headers, which uvicorn has not)
            from ..service._workers import log_config

            uvicorn.run(app, host=host, port=port, log_level=log_level, access_log=access_log, http=Protocol,
                        log_config=log_config())
        except Terminated as exc:  # SIGTERM is how a server is told to stop: its requests finished, its log closed
            click.echo(f"responsibility: stopped ({exc.signal_name})", err=True)
        if svc.log is not None and svc.log.lost:  # an audit trail with holes: not a clean stop (review22b R22b-7)
            click.echo(f"error: {svc.log.failing()}", err=True)
            sys.exit(2)


def _hangup_stops() -> None:
    """A hangup (SIGHUP, unless ignored: ``nohup``) stops the server as SIGTERM does — its requests finished, its
    decision log closed — rather than raising in uvicorn's event loop (main()'s handler for a command that writes
    files: a traceback). uvicorn and the workers' supervisor handle SIGTERM; forked workers inherit this."""
    import signal

    from ._cli import _terminated

    hup = getattr(signal, "SIGHUP", None)
    if hup is not None and signal.getsignal(hup) is _terminated:
        signal.signal(hup, lambda signum, frame: os.kill(os.getpid(), signal.SIGTERM))


def _role(value: str) -> str:
    """``--role``: a level a token may have, by id or as a record names a level (县, 县（市、区）, County)."""
    roles = ("county", "city", "province")
    if value in roles:
        return value
    from ..engine._problem import named_term
    from ._cli import load_policy

    level, _ = named_term(load_policy(None), "level", value)
    if level is None:  # (not "use one of village, township…": a token is never theirs)
        from ..policy._loader import closest

        close = closest(value.strip().lower(), roles, 0.5)
        raise click.BadParameter(f"unknown role {value!r}; " + (f"did you mean {close!r}? " if close else "") +
                                 "use county, city or province", param_hint="--role")
    if level not in roles:
        raise click.BadParameter(f"{value!r} is the level {level!r}; a token is a county's, a city's or the "
                                 "province's: use county, city or province", param_hint="--role")
    return level


@click.command("token")
@click.option("--name", required=True, help="The caller, as the decision log will name it.")
@click.option("--role", required=True, callback=lambda _c, _p, v: _role(v), metavar="[county|city|province]",
              help="The caller's level: county, city or province (or as a record names it: 县, 市, 省).")
@click.option("--jurisdiction", required=True, help="Division code of the caller's county, city or province.")
@click.option("--places", type=click.Path(dir_okay=False), default=None,
              help="The CSV of places `serve` is started with (its --jurisdiction; default: "
                   "$RESPONSIBILITY_JURISDICTION, else the shipped example): the division code must be one of its "
                   "places.")
def token(name: str, role: str, jurisdiction: str, places: str | None) -> None:
    """Make a fresh bearer token: its entry for the tokens file on stdout (append it with >>),
    the token itself on stderr, shown once and stored nowhere."""
    import json
    import os
    import unicodedata

    from ..service._auth import TokenStore, new_token, token_hash
    from ..service._lib import load_jurisdiction

    # Full-width digits (３３０１２７, as a Chinese input method types them) are the code, as a record's place, `graph
    # --place` and `ledger list --place` read them; the entry stores the ASCII digits the server's check reads.
    jurisdiction = unicodedata.normalize("NFKC", jurisdiction).strip()
    source = places or os.environ.get("RESPONSIBILITY_JURISDICTION") or None
    if jurisdiction and not jurisdiction.isdigit():
        # a place's name (淳安县): its code, as `ledger list --place` and `graph --place` tell it (newcomer40)
        from ..engine._problem import place_name_hint

        if (hint := place_name_hint(load_jurisdiction(source), jurisdiction)) is not None:
            raise ResponsibilityError(f"--jurisdiction {hint}")
    secret = new_token()
    entry = {"name": name, "role": role, "jurisdiction": jurisdiction, "sha256": token_hash(secret)}
    try:
        store = TokenStore.from_data({"tokens": [entry]}, source="token")  # the same checks as the server's
    except ResponsibilityError as exc:  # said of the option, not of an entry of a file the user never wrote
        text = str(exc)
        for key in ("name", "role", "jurisdiction"):
            text = text.replace(f"token: tokens[0].{key}: ", f"--{key} ")
        raise ResponsibilityError(text) from None
    # a code the server's places lack: `serve` refuses to start with such a token (review21b: made, then refused)
    j = load_jurisdiction(source)
    code = store.principals()[0].code
    if code not in j:
        raise ResponsibilityError(f"--jurisdiction {jurisdiction}: no such place in the jurisdiction {j.name!r} "
                                  f"({source or 'the shipped example'}), so `serve` would refuse this token; correct "
                                  "the division code, or give --places FILE, the CSV of places serve is started with")
    # The entry first: when it cannot be written (a closed stdout) the token is never shown, so no
    # caller holds a token that no tokens file admits.
    click.echo(f"  - {json.dumps(entry, ensure_ascii=False)}")
    sys.stdout.flush()
    click.echo(f"token for {name} (give it to the caller; it is not stored): {secret}", err=True)


cli.add_command(serve)
cli.add_command(token)
