"""The ASGI application: :func:`create_app` and its routes.

Verdicts, routes and batches answer exactly as the library does (the same functions, the same
JSON); the policy views return the policy's own models; every error is the JSON of
:mod:`._errors`. Each verdict, batch and ledger write, and each refusal for jurisdiction, is a
line of the decision log (:mod:`._log`).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import logging
import os
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

from fastapi import FastAPI, Query, Request
from fastapi.openapi.utils import get_openapi
from fastapi.responses import PlainTextResponse, Response, StreamingResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from .._errors import ResponsibilityError
from . import _jsonio as jsonio
from . import _lib
from ._auth import ANONYMOUS, Principal, TokenStore
from ._batch import Assessors, Batch, check_media_type, scenario_body
from ._errors import ApiError, check_encoding, from_library, install, printable, too_large, too_slow
from ._log import DecisionLog, digest, findings_hash
from ._models import ErrorOut, VerdictOut, VersionOut

log = logging.getLogger("responsibility.service")

Lang = Literal["zh", "en"]
_T = TypeVar("_T")
Engine = Literal["durable", "compiled"]


@dataclass(frozen=True)
class Settings:
    """What a server answers from and whom it admits.

    ``tokens`` is required unless ``auth`` is off (loopback development only). ``engine`` is
    the default of verdicts: ``compiled`` (the same findings as durable-rules, which the library's
    differential tests prove, about five times faster and safe under threads). Limits:
    ``max_body`` bytes for a single request, ``max_batch_bytes`` and ``max_batch_records`` for a
    batch, ``max_import_rows`` for a ledger upload; ``body_seconds``: a single request's body must arrive within
    so many seconds, and a batch's or a ledger upload's may pause no longer between its parts (408 otherwise: a
    client dribbling a byte now and then held its connection for as long as it liked); under ``responsibility
    serve`` a request's headers too (``_protocol``).
    """

    rules: str | Path | None = None
    jurisdiction: str | Path | None = None
    ledger: str | None = None
    tokens: TokenStore | None = None
    auth: bool = True
    decision_log: str | Path | None = None
    engine: Engine = "compiled"
    max_body: int = 1 * 2**20
    max_batch_bytes: int = 256 * 2**20
    max_batch_records: int = 1_000_000
    body_seconds: int = 30
    #: Rows of one ledger upload: an import holds the ledger's write lock while it runs (~0.15 CPU ms a row), and
    #: other writers wait for it a minute at most (ux46 left: a million-row upload held it for minutes).
    max_import_rows: int = 100_000

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        """Settings from ``RESPONSIBILITY_RULES``, ``_JURISDICTION``, ``_LEDGER``, ``_DECISION_LOG``
        (default ``decisions.jsonl``), ``_TOKENS_FILE`` or ``_TOKENS``, ``_NO_AUTH=1``, and
        ``_ENGINE``, ``_MAX_BODY``, ``_MAX_BATCH_BYTES``, ``_MAX_BATCH_RECORDS``, ``_BODY_SECONDS``,
        ``_MAX_IMPORT_ROWS``."""
        env = dict(os.environ if environ is None else environ)

        def get(name: str) -> str | None:
            return env.get(f"RESPONSIBILITY_{name}") or None

        def number(name: str, default: int) -> int:
            raw = get(name)
            if raw is None:
                return default
            try:
                return int(raw)
            except ValueError:
                raise ResponsibilityError(f"RESPONSIBILITY_{name}={raw!r} is not a whole number") from None

        return cls(rules=get("RULES"), jurisdiction=get("JURISDICTION"), ledger=get("LEDGER"),
                   tokens=TokenStore.from_env(env), auth=get("NO_AUTH") not in ("1", "true", "yes"),
                   decision_log=get("DECISION_LOG") or "decisions.jsonl",
                   engine="durable" if get("ENGINE") == "durable" else "compiled",
                   max_body=number("MAX_BODY", cls.max_body),
                   max_batch_bytes=number("MAX_BATCH_BYTES", cls.max_batch_bytes),
                   max_batch_records=number("MAX_BATCH_RECORDS", cls.max_batch_records),
                   body_seconds=number("BODY_SECONDS", cls.body_seconds),
                   max_import_rows=number("MAX_IMPORT_ROWS", cls.max_import_rows))


class Service:
    """What the routes share: the policy, the jurisdiction, the tokens, the log."""

    def __init__(self, settings: Settings) -> None:
        if settings.auth and settings.tokens is None:
            # in Python's words (`serve` says it in its options' before it gets here; newcomer40: create_app() was
            # told of --tokens and --no-auth)
            raise ResponsibilityError(
                "no tokens configured: give create_app(tokens=FILE) (a tokens file or a TokenStore; or set "
                "RESPONSIBILITY_TOKENS_FILE); make one with `responsibility token`; for loopback development only, "
                "auth=False (RESPONSIBILITY_NO_AUTH=1)")
        self.settings = settings
        self.policy = _lib.load_policy(settings.rules)
        self.jurisdiction = _lib.load_jurisdiction(settings.jurisdiction)
        # a token for a place the jurisdiction does not have (a typo) would be admitted and see nothing, silently
        stray = [p for p in (settings.tokens.principals() if settings.tokens is not None else [])
                 if p.code not in self.jurisdiction]
        if stray:
            listed = ", ".join(f"{p.name!r} ({p.scope})" for p in stray[:5]) + (" …" if len(stray) > 5 else "")
            where = settings.tokens.path if settings.tokens is not None and settings.tokens.path else "the tokens"
            raise ResponsibilityError(
                f"{where}: {len(stray)} token(s) for a place not in the jurisdiction {self.jurisdiction.name!r}: "
                f"{listed}; correct the division code (make a new entry with `responsibility token`) or give the "
                "jurisdiction that has it (--jurisdiction)")
        self.policy_hash = _lib.content_hash(self.policy)
        self.jurisdiction_hash = _lib.jurisdiction_hash(self.jurisdiction)
        # (the ledger's -wal and -shm files too: a decision log named sv.db-wal was appended to the file SQLite writes
        # its frames into, which overwrote the log's lines; hostile41)
        inputs = [settings.jurisdiction, settings.tokens.path if settings.tokens is not None else None,
                  *_lib.ledger_files(settings.ledger)]
        from ._ledger import open_ledger

        if settings.ledger and os.path.isdir(settings.ledger):
            # a ledger that is a directory (`serve --ledger .`) is said in the ledger's words, which open nothing: it
            # was told in the decision log's ("would replace a file of the input directory ."; hostile65). (The log
            # is checked before any ledger is opened: SQLite would take a log named as its -wal file for its own.)
            open_ledger(settings.ledger, self.policy, self.jurisdiction)
        self.log = DecisionLog(settings.decision_log, inputs=inputs) if settings.decision_log else None
        self.assessors = Assessors(self.policy, self.jurisdiction)
        self.ledger: Any = open_ledger(settings.ledger, self.policy, self.jurisdiction) if settings.ledger else None

    def warm(self) -> None:
        """Build each area's rules once, so the first callers do not wait for it."""
        today = dt.date.today().isoformat()
        place = next((p.code for p in self.jurisdiction if p.level == "county"), None)
        channel = next(iter(self.policy.channels), None)
        if place is None or channel is None:
            return
        for area in self.policy.problem_areas:
            record = {"id": "warm-up", "domain": area, "place": place, "as_of": today,
                      "discovered": {"level": "county", "channel": channel, "on": today}}
            try:
                _lib.who_answers(self.policy, record, self.jurisdiction, engine=self.settings.engine)
            except ResponsibilityError:  # a policy whose areas need more: the first caller builds them
                continue

    # ------------------------------------------------------------------ callers

    def caller(self, request: Request) -> Principal:
        """The authenticated caller (401 without a valid bearer token); a query parameter given
        twice or unknown to the endpoint is 400 first (a misspelt filter would have been ignored:
        ``?staus=open`` listed every problem)."""
        if request.scope.get("query_string"):
            check_query(request)
        if not self.settings.auth:
            return ANONYMOUS
        headers = request.headers.getlist("authorization")
        if len(headers) > 1:  # which one is the caller's? (a proxy may add its own)
            raise ApiError(400, "the request has several Authorization headers", type="RequestError",
                           field="(headers)", suggestion="send one: Authorization: Bearer <token>")
        header = headers[0] if headers else ""
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise ApiError(401, "this endpoint needs a bearer token (Authorization: Bearer <token>)",
                           type="Unauthorized", headers={"WWW-Authenticate": "Bearer"},
                           suggestion="ask the server's administrator for a token")
        assert self.settings.tokens is not None
        who = self.settings.tokens.authenticate(token.strip())
        if who is None:
            log.warning("unknown token on %s %s from %s", request.method, printable(request.url.path),
                        request.client.host if request.client else "?")
            raise ApiError(401, "the bearer token is not valid here", type="Unauthorized",
                           headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
                           suggestion="check the token, or ask the server's administrator for one")
        return who

    def refuse(self, who: Principal, endpoint: str, what: str, place: str, input_hash: str | None,
               field: str = "place", shown: str | None = None) -> ApiError:
        """403 for a place outside the caller's jurisdiction, logged; ``field`` names what gave it.
        ``shown`` stands for the place in the answer when the caller did not give it (a stored
        problem's village is not told to another county)."""
        message = f"{what} {place if shown is None else shown} is outside your jurisdiction ({who.scope})"
        log.warning("forbidden: %s asked %s for %s", who.name, endpoint, place)
        self.record(who, endpoint, 403, input=input_hash, error="Forbidden", place=place)
        return ApiError(403, message, type="Forbidden", field=field,
                        suggestion="ask with a token whose jurisdiction contains it")

    def check_place(self, who: Principal, endpoint: str, raw: Any, input_hash: str | None) -> None:
        """403 unless the record's place (when it is a valid code) is the caller's to read."""
        place = raw.get("place") if isinstance(raw, dict) else None
        code = _lib.record_place(place) if place is not None else None
        if code is not None and not who.reads(code):
            raise self.refuse(who, endpoint, "place", str(place), input_hash)

    async def answer(self, request: Request, endpoint: str, started: float,
                     compute: Callable[[Any], _T]) -> tuple[Principal, str, _T]:
        """The caller, the input's hash and ``compute(record)`` for a request whose body is one
        problem record (401, 400, 413, 403 as they fit); a refusal by the library is logged and
        raised as its API error."""
        who = self.caller(request)
        raw = await read_json(request, self.settings.max_body, self.settings.body_seconds)
        input_hash = digest(raw)
        if (refused := scenario_body(raw, request.url.path)) is not None:
            self.record(who, endpoint, refused.status, started=started, input=input_hash, error=refused.type,
                        field=refused.field)
            raise refused
        self.check_place(who, endpoint, raw, input_hash)
        try:
            return who, input_hash, compute(raw)
        except ResponsibilityError as exc:
            err = from_library(exc)
            if isinstance(raw, list) and err.suggestion is None:  # many records: the batch endpoint takes them
                err.suggestion = "send one problem record here; many go to /v1/assess, one JSON object per line"
            self.record(who, endpoint, err.status, started=started, input=input_hash,
                        problem=raw.get("id") if isinstance(raw, dict) else None, error=err.type, field=err.field)
            raise err from None

    def answered(self, who: Principal, endpoint: str, started: float, input_hash: str, found: str, body: Any,
                 **fields: Any) -> Response:
        """The logged 200 answer, with the hashes the log line holds in its headers."""
        self.record(who, endpoint, 200, started=started, input=input_hash, findings=found, **fields)
        return _json(body, headers={"X-Input-Hash": input_hash, "X-Findings-Hash": found,
                                    "X-Policy-Hash": self.policy_hash})

    def record(self, who: Principal, endpoint: str, status: int, *, started: float | None = None,
               **fields: Any) -> None:
        """One line of the decision log (when there is one)."""
        if self.log is None:
            return
        latency = round((time.perf_counter() - started) * 1000, 3) if started is not None else None
        self.log.write(caller=who.name, role=who.role, endpoint=endpoint, status=status,
                       policy=self.policy_hash, jurisdiction=self.jurisdiction_hash, latency_ms=latency, **fields)


async def read_json(request: Request, limit: int, seconds: float | None = None) -> Any:
    """The request body as JSON, refused with 413 past ``limit`` bytes, 408 when it has not all arrived within
    ``seconds`` and 400 when not JSON."""
    reads, send, many = _body_words(request.url.path)
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise too_large(limit, suggestion=many)
    charset = check_encoding(request)
    from ._batch import named_format

    if (what := named_format(request)) is not None:  # (a YAML body was told "reads as a CSV row": review22b R22b-9)
        media = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        raise ApiError(415, f"{request.url.path} reads {reads}, not {media[:60]} ({what})", type="RequestError",
                       field="(headers)", suggestion=send)
    chunks: list[bytes] = []
    size = 0
    try:
        async with asyncio.timeout(seconds):
            async for chunk in request.stream():
                size += len(chunk)
                if size > limit:
                    raise too_large(limit, suggestion=many)
                chunks.append(chunk)
    except TimeoutError:
        raise too_slow(seconds or 0) from None
    body = b"".join(chunks)
    if not body.strip():
        raise ApiError(400, "the request body is empty; send a JSON object", type="RequestError", field="(body)")
    try:
        if charset is not None and charset != "utf-8":  # declared in Content-Type (orjson reads UTF-8 only)
            if charset in ("utf-16", "utf-32"):  # the order its mark or its NULs tell, as /v1/assess reads it
                from ._batch import wide_order

                charset = wide_order(body[:1024], charset)
            body = body.decode(charset).encode("utf-8")
        return jsonio.loads(body)
    except UnicodeDecodeError as exc:
        # where, as `assess` says it of a line (ux46: the body was "not UTF-8 text", with no byte to look for)
        at = f" (byte 0x{exc.object[exc.start]:02x} at offset {exc.start:,})" if exc.start < len(exc.object) else ""
        named = charset if charset not in (None, "utf-8") else "UTF-8"
        raise ApiError(400, f"the request body is not {named} text{at}", type="RequestError",
                       field="(body)", suggestion="send the JSON as UTF-8 text, or declare its encoding in "
                       "Content-Type (application/json; charset=gb18030)") from None
    except jsonio.KeyTwice as exc:  # valid JSON, read two ways: refused in `who`'s words, not as "not valid JSON"
        raise ApiError(400, f"the request body is refused: {exc}", type="RequestError", field="(body)",
                       suggestion="send each key of an object once") from None
    except ValueError as exc:
        # (json's "Invalid control character at" said "at at line …": review22b R22b-9)
        where = f"{exc.msg.removesuffix(' at')} at line {exc.lineno} column {exc.colno}" \
            if isinstance(exc, json.JSONDecodeError) \
            else str(exc)
        hint = "send one JSON object (Content-Type: application/json)"
        if isinstance(exc, json.JSONDecodeError) and exc.msg == "Extra data" and exc.lineno > 1:  # JSON lines
            hint = "send one JSON document; JSON lines (one object per line) are read by /v1/assess only" \
                if not request.url.path.startswith("/v1/ledger/") else \
                f"send one JSON document: {reads} (JSON lines of events go in one [list], a comma after each)"
        else:
            from ..batch._io import LOOK, not_json_lines

            found = not_json_lines(body[:LOOK], whole=len(body) <= LOOK)
            if found is not None and found[1] not in ("json", None):  # what it is, as /v1/assess tells it
                where += f"; {found[0]}"
                if found[1] in ("yaml", "csv") and not request.url.path.startswith("/v1/ledger/"):
                    # (a record file sent as it is, `curl -d @my-problem.yaml`, was told only "send one JSON object")
                    command = "who" if found[1] == "yaml" else "assess"
                    hint = f"send the record as one JSON object (docs/records.md; the same fields as the " \
                        f"{found[1].upper()}); a {found[1].upper()} file is answered by `responsibility {command} FILE`"
        raise ApiError(400, f"the request body is not valid JSON ({where})", type="RequestError", field="(body)",
                       suggestion=hint) from None


_SMALLER = "send a smaller body; many problems go to /v1/assess as JSON lines"


def _body_words(path: str) -> tuple[str, str, str]:
    """What the endpoint at ``path`` reads, how to send it, and what to do with a body too large: the ledger's
    endpoints were told "reads one problem record … many records go to /v1/assess" (hostile40), which reads no
    events."""
    if path == "/v1/ledger/events":
        return ("an event (a JSON object) or a list of them", "send the events as JSON (Content-Type: "
                "application/json): one object, or a [list]", "send the events in smaller lists, or a workbook "
                "to /v1/ledger/import")
    if path == "/v1/ledger/merge":
        return ("a merge as a JSON object {source, into, on}", "send {\"source\": id, \"into\": id, \"on\": "
                "\"YYYY-MM-DD\"} as JSON (Content-Type: application/json)", "send {source, into, on} alone")
    return ("one problem record as a JSON object", "send the record as JSON (Content-Type: application/json); many "
            "records go to /v1/assess as JSON lines", _SMALLER)



def check_query(request: Request, names: frozenset[str] | None = None) -> None:
    """400 for a query parameter given twice (which one counts?) or unknown to the endpoint
    (``names``, else the query parameters its OpenAPI description lists)."""
    if names is None:
        route = request.scope.get("route")
        if route is None or not hasattr(route, "path"):
            return
        names = _query_names(request.app).get((request.method.lower(), route.path))
        if names is None:
            return
    seen: set[str] = set()
    for key, _ in request.query_params.multi_items():
        if key in seen:
            raise ApiError(400, f"query parameter {key!r} is given twice", type="RequestError",
                           field=f"query.{key}", suggestion="give each query parameter once")
        seen.add(key)
        if key not in names:
            from difflib import get_close_matches

            close = get_close_matches(key, sorted(names), n=1)
            hint = (f"did you mean {close[0]!r}?" if close else
                    f"this endpoint takes {', '.join(sorted(names))}" if names else "this endpoint takes none")
            raise ApiError(400, f"unknown query parameter {key!r}", type="RequestError", field=f"query.{key}",
                           suggestion=hint)


def _query_names(app: Any) -> dict[tuple[str, str], frozenset[str]]:
    """(method, path template) -> the query parameters its description lists (read once)."""
    names: dict[tuple[str, str], frozenset[str]] | None = getattr(app.state, "query_names", None)
    if names is None:
        names = {(method, path): frozenset(p["name"] for p in op.get("parameters", ()) if p.get("in") == "query")
                 for path, ops in app.openapi()["paths"].items() for method, op in ops.items()}
        app.state.query_names = names
    return names


_VERDICT_QUERY = frozenset({"engine", "lang", "explain"})


def _verdict_query(request: Request) -> tuple[Engine | None, Lang, bool]:
    """``engine``, ``lang`` and ``explain`` of a verdict request (400 naming the parameter when wrong)."""
    if not request.scope.get("query_string"):
        return None, "zh", False
    check_query(request, _VERDICT_QUERY)
    q = request.query_params
    engine, lang, explain = q.get("engine"), q.get("lang", "zh"), q.get("explain", "false").lower()
    if engine not in (None, "durable", "compiled"):
        raise ApiError(400, f"query parameter 'engine': unknown engine {engine!r}", type="RequestError",
                       field="query.engine", suggestion="use 'durable' or 'compiled'")
    if lang not in ("zh", "en"):
        raise ApiError(400, f"query parameter 'lang': unknown language {lang!r}", type="RequestError",
                       field="query.lang", suggestion="use 'zh' or 'en'")
    if explain not in ("true", "false", "1", "0", "yes", "no", "on", "off"):
        raise ApiError(400, f"query parameter 'explain': {explain!r} is not a boolean", type="RequestError",
                       field="query.explain", suggestion="use true or false")
    return (engine if engine in ("durable", "compiled") else None,  # type: ignore[return-value]
            "en" if lang == "en" else "zh", explain in ("true", "1", "yes", "on"))


def _json(value: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(jsonio.dumps(value), status_code=status, headers=headers,
                    media_type="application/json")


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut} for code in (400, 401, 403, 404, 413, 422)}


def create_app(settings: Settings | None = None, **overrides: Any) -> FastAPI:
    """The ASGI application answering from ``settings`` (default: from the environment,
    :meth:`Settings.from_env`); keyword arguments override single settings. ``tokens`` takes a
    :class:`TokenStore` or, as ``serve --tokens FILE`` does, the path of a tokens file; ``ledger`` a path or URL.

    >>> from responsibility.service import create_app
    >>> app = create_app(auth=False, decision_log=None)
    >>> sorted(r.path for r in app.routes if r.path.startswith("/v1/policy"))[:2]
    ['/v1/policy', '/v1/policy/areas']
    """
    base = settings if settings is not None else Settings.from_env()
    tokens = overrides.get("tokens")
    if isinstance(tokens, str | Path):  # (docs/service.md's create_app(tokens=…) with a file: AttributeError)
        overrides["tokens"] = TokenStore.from_file(tokens)
    elif tokens is not None and not isinstance(tokens, TokenStore):
        raise TypeError(f"create_app(tokens=…): a TokenStore or the path of a tokens file (as `responsibility serve "
                        f"--tokens FILE` takes), not {type(tokens).__name__}")
    if isinstance(overrides.get("ledger"), Path):  # (a Path, as rules= and jurisdiction= take: TypeError)
        overrides["ledger"] = str(overrides["ledger"])
    s = replace(base, **overrides) if overrides else base
    svc = Service(s)
    from responsibility.service import __doc__ as doc

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        svc.warm()
        yield
        if svc.log is not None:
            svc.log.close()
        if svc.ledger is not None:
            svc.ledger.close()

    app = FastAPI(title="responsibility", version=_lib.library_version(), lifespan=lifespan,
                  summary="Who answers for a problem in poverty-alleviation work (浙扶贫〔2020〕1号)?",
                  description=(doc or "").split("\n\n", 1)[-1])
    app.state.service = svc
    install(app)
    _routes(app, svc)
    from . import _policy_views

    _policy_views.install(app, svc)
    from . import _ledger

    _ledger.install(app, svc)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    app.add_middleware(_HeadAsGet)

    return app


def _without_log_path(text: str, path: Any) -> str:
    """``text`` (what the decision log says is wrong) with its file named "the server's decision log"."""
    if not path:
        return text
    for form in sorted({str(path), os.path.abspath(path), os.path.realpath(path)}, key=len, reverse=True):
        text = re.sub(r"(?:the )?decision log " + re.escape(form) + r"(?![\w/])", "the server's decision log", text)
        text = text.replace(form, "the server's decision log")
    return text


def _routes(app: FastAPI, svc: Service) -> None:
    s = svc.settings
    problem_body = {"requestBody": {"required": True, "content": {
        "application/json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}

    @app.get("/health", tags=["service"], summary="Liveness: 200 when the server answers (no token needed); "
             "`decision_log` says when lines of the decision log were lost")
    async def health() -> dict[str, str]:
        if svc.log is not None and (failing := svc.log.failing()):  # (review22b R22b-7: it said nothing)
            # (without the log's path: /health needs no token, and a server's paths are not the caller's to learn;
            # hostile42: it said "cannot write the decision log /srv/…/decisions.jsonl"; the server's log has it)
            return {"status": "ok", "decision_log": _without_log_path(failing, s.decision_log)}
        return {"status": "ok"}

    @app.get("/version", tags=["service"], response_model=VersionOut,
             summary="The library, policy (id, version, content hash) and jurisdiction behind the answers")
    async def version() -> dict[str, Any]:
        meta = svc.policy.data.meta
        return {"library": _lib.library_version(),
                "policy": {"id": meta.id, "name": meta.name, "version": meta.version,
                           "content_hash": svc.policy_hash},
                "jurisdiction": {"name": svc.jurisdiction.name, "places": len(svc.jurisdiction),
                                 "content_hash": svc.jurisdiction_hash},
                "ledger": svc.ledger is not None}

    verdict_params = {"parameters": [
        {"name": "engine", "in": "query", "required": False, "description": "default: the server's (compiled unless "
         "started otherwise)", "schema": {"enum": ["durable", "compiled"], "type": "string"}},
        {"name": "lang", "in": "query", "required": False, "description": "language of the reasons",
         "schema": {"enum": ["zh", "en"], "type": "string", "default": "zh"}},
        {"name": "explain", "in": "query", "required": False, "description": "add Verdict.explain(lang)",
         "schema": {"type": "boolean", "default": False}}]}

    @app.post("/v1/verdict", tags=["answers"], openapi_extra={**problem_body, **verdict_params},
              responses={200: {"model": VerdictOut}, **ERRORS},
              summary="Who answers for one problem (the library's who_answers)")
    async def verdict(request: Request) -> Response:
        """The verdict on the problem record in the body: exactly ``who_answers(problem, engine=…).to_dict(lang)``,
        with ``explanation`` (``Verdict.explain``) when ``explain=true``. The headers carry the
        hashes the decision log records (``X-Input-Hash``, ``X-Findings-Hash``, ``X-Policy-Hash``)."""
        # Query parameters read by hand (declared above for the description): this is the hot path.
        started = time.perf_counter()
        endpoint = "POST /v1/verdict"
        engine, lang, explain = _verdict_query(request)
        who, input_hash, v = await svc.answer(request, endpoint, started, lambda raw: _lib.who_answers(
            svc.policy, raw, svc.jurisdiction, engine=engine or s.engine))
        body = v.to_dict(lang)
        found = findings_hash(v, body if lang == "zh" else None)
        if explain:
            body["explanation"] = v.explain(lang)
        return svc.answered(who, endpoint, started, input_hash, found, body, problem=v.problem,
                            as_of=v.as_of.isoformat(), engine=v.engine)

    app.add_middleware(_Shortcut, path="/v1/verdict", handler=verdict)

    @app.post("/v1/route", tags=["answers"], openapi_extra=problem_body, responses=ERRORS,
              summary="Who must act on a new problem now (the library's Policy.route)")
    async def route(request: Request,
                    level: Annotated[str | None, Query(description="registering level (default: the finder's): "
                                                       "an id or its Chinese name (村, 乡镇, 县)")] = None,
                    today: Annotated[str | None, Query(description="the day, for records without as_of",
                                                       json_schema_extra={"format": "date"})] = None) -> Response:
        """The level with authority (办理权限), the bodies to assign it to, the deadlines the
        parameters imply, and whether it must be reported upward at once: exactly
        ``policy.route(problem, level=…).to_dict()``."""
        started = time.perf_counter()
        endpoint = "POST /v1/route"
        day = _lib.query_day("today", today)
        registering = _lib.query_term(svc.policy, "level", "level", level)
        who, input_hash, answer = await svc.answer(request, endpoint, started, lambda raw: _lib.route(
            svc.policy, raw, svc.jurisdiction, level=registering, today=day).to_dict())
        return svc.answered(who, endpoint, started, input_hash, digest(answer), answer, problem=answer["problem"])

    @app.post("/v1/assess", tags=["answers"], responses={
        200: {"content": {"application/x-ndjson": {}}, "description": "finding rows, rejects, a summary"},
        **ERRORS}, openapi_extra={"requestBody": {"required": True, "content": {
            "application/x-ndjson": {"schema": {"$ref": "#/components/schemas/Problem"}}}}},
        summary="Many problems at once: JSON lines in, JSON lines out (the batch wing, as `responsibility assess`)")
    async def assess(request: Request, lang: Lang = "zh",
                     today: Annotated[str | None, Query(description="assessment date of records without as_of",
                                                        json_schema_extra={"format": "date"})]
                     = None) -> StreamingResponse:
        """One problem record per line in; out, one line per finding (the columns of
        ``responsibility assess``), ``{"rejected": {…}}`` per refused record and a final
        ``{"summary": {…}}`` (records = assessed + rejected). Records whose place is outside the
        caller's jurisdiction are rejected (field ``place``), not assessed."""
        started = time.perf_counter()
        endpoint = "POST /v1/assess"
        day = _lib.query_day("today", today)
        who = svc.caller(request)
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > s.max_batch_bytes:
            raise too_large(s.max_batch_bytes)
        charset = check_encoding(request)
        check_media_type(request)
        assessor, lock = svc.assessors.get(day, lang)
        batch = Batch(assessor, lock, who, max_bytes=s.max_batch_bytes, max_records=s.max_batch_records,
                      charset=charset, idle_seconds=s.body_seconds)
        try:
            await batch.run(request)
        except ApiError as exc:
            batch.spool.close()
            svc.record(who, endpoint, exc.status, started=started, input=batch.input_hash.hexdigest(),
                       error=exc.type)
            raise
        summary = batch.summary()
        svc.record(who, endpoint, 200, started=started, input=batch.input_hash.hexdigest(),
                   findings=batch.output_hash.hexdigest(), records=summary["records"],
                   rejected=summary["rejected"], forbidden=batch.forbidden)
        return StreamingResponse(batch.output(), media_type="application/x-ndjson",
                                 headers={"X-Records": str(summary["records"]),
                                          "X-Rejected": str(summary["rejected"]),
                                          "X-Policy-Hash": svc.policy_hash})

    @app.get("/", include_in_schema=False)
    async def root() -> PlainTextResponse:
        return PlainTextResponse("responsibility service: see /docs (OpenAPI at /openapi.json)\n")


class _HeadAsGet:
    """Answers ``HEAD`` as ``GET`` without the body (RFC 9110 9.3.2): FastAPI's routes answer only the methods they
    name, so an uptime monitor's ``HEAD /health`` was 405 and the service looked down (hostile58 #3). The headers —
    status, Content-Length, Content-Type, the token's refusal — are the GET's."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Any) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


class _Shortcut:
    """Serves ``POST path`` straight from ``handler``, past the router and FastAPI's request
    handling (about a fifth of a verdict's time); errors as the exception handlers give them.
    The route itself stays registered, for the description and for any other method."""

    def __init__(self, app: ASGIApp, path: str, handler: Callable[[Request], Awaitable[Response]]) -> None:
        self.app, self.path, self.handler = app, path, handler

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or \
                scope["path"] != scope.get("root_path", "") + self.path:
            await self.app(scope, receive, send)
            return
        try:
            response = await self.handler(Request(scope, receive))
        except ApiError as exc:
            response = exc.response()
        except ResponsibilityError as exc:
            response = from_library(exc).response()
        await response(scope, receive, send)


def _openapi(app: FastAPI) -> dict[str, Any]:
    """The generated OpenAPI description, with the problem record's schema (the one in
    ``schemas/problem.schema.json``) and the bearer scheme."""
    if app.openapi_schema is not None:
        return app.openapi_schema
    spec = get_openapi(title=app.title, version=app.version, summary=app.summary, description=app.description,
                       routes=app.routes)
    schemas = spec.setdefault("components", {}).setdefault("schemas", {})
    # The request and the policy's items with the very schemas of schemas/ (the models' validation
    # schemas; FastAPI would describe responses in its own serialisation form).
    for model in _lib.schema_models():
        schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
        for name, sub in schema.pop("$defs", {}).items():
            schemas[name] = sub
        schemas[model.__name__] = schema
    spec["components"]["securitySchemes"] = {"bearer": {"type": "http", "scheme": "bearer", "description": (
        "A token with a role (county, city, province) and a jurisdiction; /health, /version and the "
        "documentation need none.")}}
    open_paths = {"/health", "/version"}
    for path, ops in spec["paths"].items():
        if path not in open_paths:
            for op in ops.values():
                op["security"] = [{"bearer": []}]
    app.openapi_schema = spec
    return spec
