"""Errors as structured JSON: the library's own messages, a field path, a suggestion.

Every error response has one shape::

    {"error": {"status": 422, "type": "ProblemError", "field": "domain", "record": "p1",
               "message": "problem 'p1', field 'domain': unknown duty area 'housng'; did you mean 'housing'?",
               "suggestion": "did you mean 'housing'?"}}

400 unusable request (not JSON, a bad engine), 401 no or unknown token, 403 outside the
caller's jurisdiction or role, 404 unknown path or policy item, 405 wrong method, 411 an upload
without its length, 413 body or batch over its limit, 422 a problem record the library refuses,
503 no ledger configured, its database unusable, or busy (another writer held its lock too long:
with ``Retry-After``).
A bug is 500 with an id to find it in the server's log: never a stack trace.
"""

from __future__ import annotations

import codecs
import errno
import functools
import logging
import re
import secrets
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from .._errors import (
    ChainError,
    EngineError,
    JurisdictionError,
    LedgerError,
    ProblemError,
    ResponsibilityError,
    RulesError,
)
from . import _jsonio as jsonio

log = logging.getLogger("responsibility.service")


class ApiError(Exception):
    """An error the service answers with ``status`` and the JSON shape above."""

    def __init__(self, status: int, message: str, *, type: str = "RequestError", field: str | None = None,
                 suggestion: str | None = None, headers: dict[str, str] | None = None, **extra: Any) -> None:
        super().__init__(message)
        self.status, self.message, self.type = status, message, type
        self.field, self.suggestion, self.headers, self.extra = field, suggestion, headers, extra

    def body(self) -> dict[str, Any]:
        """The JSON body (a long value the message repeats shown by its start and length: :func:`capped`)."""
        message = capped(self.message)
        err: dict[str, Any] = {"status": self.status, "type": self.type, "message": message}
        if self.field is not None:
            err["field"] = capped(self.field)
        suggestion = self.suggestion if self.suggestion is not None else suggestion_of(message)
        err["suggestion"] = capped(suggestion) if suggestion is not None else None
        err.update({k: capped(v) if isinstance(v, str) else [capped(x) if isinstance(x, str) else x for x in v]
                    if isinstance(v, list) else v for k, v in self.extra.items()})
        return {"error": err}

    def response(self) -> Response:
        return Response(jsonio.dumps(self.body()), status_code=self.status, headers=self.headers,
                        media_type="application/json")


#: The longest value (a query parameter, a path segment, a field) an error repeats whole; a longer one is shown by
#: its first :data:`SHOWN` characters and its length (review21b: a 60 KB query value came back whole, twice).
ECHO, SHOWN = 120, 60
#: (a quote opens where no letter is before it and closes where none follows: an apostrophe of prose, "a county-level
#: city's … a prefecture's", is no quote — a message with two had the text between them cut)
_QUOTED = re.compile(r"(?<!\w)(['\"])([^'\"]{" + str(ECHO + 1) + r",})\1(?!\w)")
_RUN = re.compile(r"[^\s'\"]{" + str(ECHO + 1) + ",}")


def capped(text: str) -> str:
    """``text`` with each quoted value, or run of characters without a space, longer than :data:`ECHO` cut to its
    start and its length: ``'xxxx…' (60,000 characters)``."""
    if len(text) <= ECHO:
        return text
    text = _QUOTED.sub(lambda m: f"{m[1]}{m[2][:SHOWN]}…{m[1]} ({len(m[2]):,} characters)", text)
    return _RUN.sub(lambda m: f"{m[0][:SHOWN]}… ({len(m[0]):,} characters)", text)


def too_large(limit: int, what: str = "the request body", unit: str = "bytes",
              suggestion: str = "split the batch into several requests") -> ApiError:
    """413 for a body or a batch over one of the server's limits."""
    more = "has more than" if unit in ("records", "rows") else "is larger than"
    return ApiError(413, f"{what} {more} {limit:,} {unit}, the limit of this server", type="LimitExceeded",
                    field="(body)", limit=limit, suggestion=suggestion)


def too_slow(seconds: float, what: str = "the request body", idle: bool = False, rate: int | None = None,
             took: float = 0.0) -> ApiError:
    """408 for a body that does not arrive in time (a client that sends a byte now and then held a connection, and
    its worker's memory, for as long as it liked; hostile28): not all within ``seconds``, nothing for ``seconds``
    (``idle``), or on average slower than ``rate`` bytes a second after its first ``seconds``."""
    said = f"sent nothing for {seconds:g} seconds" if idle else \
        f"came slower than {rate:,} bytes a second ({took:.0f} seconds so far)" if rate else \
        f"did not arrive within {seconds:g} seconds"
    return ApiError(408, f"{what} {said}, the limit of this server", type="RequestTimeout", field="(body)",
                    limit=seconds, suggestion="send the whole body at once (a file, not a slow pipe); on a slow link "
                    "ask the server's operator to raise --body-seconds")


def suggestion_of(message: str) -> str | None:
    """The library's "what to do" part of a message: what follows its last "; " (or None)."""
    head, sep, tail = message.rpartition("; ")
    return tail if sep and head and tail else None


#: The command line's words in a library message, and what an HTTP caller, who cannot pick the server's jurisdiction,
#: is told instead (hostile42: a place outside it was answered "pass the jurisdiction that contains it
#: (--jurisdiction)", an option of the command line).
_CLI_WORDS = (("; pass the jurisdiction that contains it (--jurisdiction)",
               "; check the place's code: this server answers only for the places of that jurisdiction"),)


def http_words(message: str) -> str:
    """A library message as an HTTP caller reads it: what to do said without the command line's options."""
    for cli, http in _CLI_WORDS:
        message = message.replace(cli, http)
    return message


def from_library(exc: ResponsibilityError) -> ApiError:
    """The API error for a library exception: its message (:func:`http_words`), its field when it has one."""
    # (several events refused at once are a ProblemError to a caller, as one is)
    name = "ProblemError" if isinstance(exc, ProblemError) else type(exc).__name__
    if isinstance(exc, ProblemError):
        code = getattr(exc, "code", "invalid")
        said = http_words(str(exc))
        # several events refused at once (EventErrors): the suggestion is the first's, whose field and code the
        # error gives — the message's last "; " part was the last event's (ux48: B1's field with B2's cure)
        errors = getattr(exc, "errors", None)
        first = http_words(errors[0].detail) if isinstance(errors, list) and len(errors) > 1 and \
            isinstance(errors[0], ProblemError) else None
        if first is not None and (cure := suggestion_of(first)):
            return ApiError(422, said, type=name, field=exc.field, record=exc.record, code=code, suggestion=cure)
        # a record with several faults: the cure is the first's, whose field the error names — the message's last
        # "; " part was the last fault's, or "also field 'place': is required", no cure at all (hostile53)
        if (more := _MORE_FAULTS.search(said)) is not None:
            own = said[:more.start()]
            return ApiError(422, said, type=name, field=exc.field, record=exc.record, code=code,
                            suggestion=suggestion_of(own) or record_hint(exc.field, code, own))
        return ApiError(422, said, type=name, field=exc.field, record=exc.record, code=code,
                        # (None where the message says what to do: the response reads it from there, and an
                        # endpoint may say more, as /v1/verdict does of a list)
                        suggestion=None if suggestion_of(said) else record_hint(exc.field, code, said))
    if isinstance(exc, JurisdictionError):
        return ApiError(422, str(exc), type=name)
    if isinstance(exc, ChainError):
        return ApiError(404, str(exc), type=name)
    if isinstance(exc, RulesError):
        return ApiError(400, str(exc), type=name, issues=[str(i) for i in exc.issues])
    if isinstance(exc, LedgerError):  # the database, not the request
        wait = getattr(exc, "retry_after", None)  # busy (another writer held the lock): try again later
        return ApiError(503, str(exc), type=name, headers={"Retry-After": str(wait)} if wait else None)
    if isinstance(exc, EngineError):
        return ApiError(400, str(exc), type=name, field="query.engine")
    return ApiError(400, str(exc), type=name)


#: Where a record's message goes on to its other faults (engine/_problem.py's _joined).
_MORE_FAULTS = re.compile(r"; (?:also |and wrong too: |and \d+ other fields? wrong$)")
#: What to do about a record's field refused with no "what to do" of its own, by the reason's code.
_RECORD_HINTS = {"bad_date": "give a day that exists, as YYYY-MM-DD, between 1900 and 2999",
                 "wrong_type": "write {field} as docs/records.md describes it"}


def record_hint(field: str | None, code: str, message: str = "") -> str:
    """The suggestion for a problem record's error whose message carries none (``2021-02-29 is not a valid date``
    came with ``"suggestion": null``; hostile27): by its code, else where the field is described."""
    if "lone surrogate" in message:  # (a generic "correct field 'id'" said nothing of what to do with it; hostile28)
        return "remove the lone surrogate (\\ud800 … \\udfff alone), or write the whole character (a pair such as " \
            "\\ud83d\\ude00 is read as one)"
    name = repr(field) if field and not field.startswith("(") else "the record"
    return _RECORD_HINTS.get(code, "correct {field}; docs/records.md describes every field of a problem record"
                             ).format(field=f"field {name}" if name != "the record" else name)


def validation_words(err: Any, field: str) -> tuple[str, str]:
    """A request's field that FastAPI refused, said as the library says a record's (pydantic's "Input should be a
    valid integer, unable to parse string as an integer" for ``?after=abc`` came with no suggestion; review26): what
    was wrong and what to give."""
    kind, ctx, got = str(err.get("type", "")), err.get("ctx") or {}, err.get("input")
    where, _, name = field.partition(".")
    said = f"{where} parameter {name!r}" if where in ("query", "path") else f"field {field!r}"
    shown = printable(str(got))[:60] if got is not None else ""
    if "expected" in ctx:  # (pydantic's "Input should be 'year', 'quarter' or 'month'": what was given, hostile27)
        return f"{said}: {shown!r} is not one of {ctx['expected']}", f"use {ctx['expected']}"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"{said}: {shown!r} is not a whole number", f"give {name} as a whole number"
    if kind in ("float_parsing", "float_type"):
        return f"{said}: {shown!r} is not a number", f"give {name} as a number"
    if kind in ("bool_parsing", "bool_type"):
        return f"{said}: {shown!r} is not true or false", f"give {name} as true or false"
    bounds = {"greater_than_equal": "at least {ge}", "greater_than": "more than {gt}",
              "less_than_equal": "at most {le}", "less_than": "less than {lt}"}
    if kind in bounds:
        bound = bounds[kind].format(**{k: ctx.get(k) for k in ("ge", "gt", "le", "lt")})
        return f"{said}: {shown} is out of range; it must be {bound}", f"give {name} {bound}"
    if kind == "missing":
        return f"{said} is required", f"give {name}"
    if kind in ("string_too_long", "too_long"):
        return f"{said}: too long ({err.get('msg')})", f"give a shorter {name}"
    return f"{said}: {err.get('msg')}", "see /docs (or /openapi.json) for what this endpoint takes"


def install(app: FastAPI) -> None:
    """Register the handlers that turn every exception into the JSON shape above."""

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        return without_ledger_path(request, exc).response()

    @app.exception_handler(ResponsibilityError)
    async def library_error(request: Request, exc: ResponsibilityError) -> Response:
        return without_ledger_path(request, from_library(exc)).response()

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        err = exc.errors()[0]
        field = ".".join(str(p) for p in err.get("loc", ()))
        message, hint = validation_words(err, field)
        return ApiError(422 if field.startswith("body") else 400, message, type="RequestError", field=field,
                        suggestion=hint).response()

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if exc.status_code == 404:
            message = f"no such endpoint: {request.method} {request.url.path}"
            hint = "see /docs or /openapi.json for the endpoints"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
            hint = "see /docs for the methods each endpoint takes"
        elif exc.status_code == 400 and "multipart" in str(exc.detail).lower():
            # starlette's "Invalid multipart data." / "Missing boundary in multipart." said nothing of what to send
            message = (f"the body is not the multipart/form-data its Content-Type says ({str(exc.detail).rstrip('.')}"
                       "): its parts must be separated by the boundary the Content-Type names")
            hint = "let the client build the form: curl -F file=@ledger.xlsx (never set Content-Type by hand)"
            return ApiError(400, message, type="RequestError", field="(body)", suggestion=hint).response()
        elif exc.status_code == 400 and str(exc.detail).lower().startswith(("too many fields", "too many files")):
            # starlette's words for a form of too many parts came with no suggestion (hostile41)
            return ApiError(400, f"the form has too many parts ({str(exc.detail).rstrip('.')})", type="RequestError",
                            field="(body)", suggestion="send the form field 'file', and optionally 'mapping', "
                            "'encoding' and 'sheet', each once").response()
        else:
            message, hint = str(exc.detail), None
        return ApiError(exc.status_code, message, type="RequestError", suggestion=hint,
                        headers=dict(exc.headers) if exc.headers else None).response()

    @app.exception_handler(Exception)
    async def bug(request: Request, exc: Exception) -> Response:
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
            # the server's own disk is full where an upload is spooled or a workbook is built (its temporary
            # directory): the server's circumstance, not a bug, and not the request's fault (hostile41: it was 500
            # "internal error (a bug)"). The path is not told: it is the server's.
            log.error("no space left on the disk of the temporary directory for %s %s: %s", request.method,
                      printable(request.url.path), exc)
            return ApiError(503, "the server has no space left on its disk for this request's temporary files; "
                            "nothing was stored", type="ServerFull", headers={"Retry-After": "60"},
                            suggestion="try again later; tell the server's operator, who must free space on the "
                            "disk of its temporary directory (TMPDIR)").response()
        ref = secrets.token_hex(6)
        log.exception("internal error %s on %s %s", ref, request.method, printable(request.url.path))
        return ApiError(500, f"internal error (a bug); the server's log has it as {ref}", type="InternalError",
                        suggestion="report it with this id").response()


def ledger_names(target: str | None) -> list[tuple[str, str]]:
    """How a message may name the server's ledger ``target`` (a path or URL, as ``serve --ledger`` gives it), each
    with the words an HTTP caller is told instead, longest first: its files (also its -wal, -shm and -journal) as
    given and made absolute, the URL, and the directory that holds them (made absolute: a relative one, ``data``,
    is a word a message may hold)."""
    import os

    from ..ledger._ledger import database_files

    if not target:
        return []
    names: dict[str, str] = {target: "the server's ledger"}
    files = database_files(target)
    for f in files:
        words = "the server's ledger" + f[len(files[0]):]
        names[f] = words
        for form in (os.path.abspath(f), os.path.realpath(f)):
            names[form] = words
            if os.path.dirname(form) not in ("", os.sep):
                names.setdefault(os.path.dirname(form), "the ledger's directory")
    return sorted(names.items(), key=lambda kv: -len(kv[0]))


@functools.lru_cache(maxsize=8)
def _ledger_pattern(target: str) -> tuple[re.Pattern[str], dict[str, str]]:
    names = dict(ledger_names(target))
    # (a name stands alone: not inside a longer path or word, so that `--ledger x` hides no x of a message)
    return re.compile(r"(?<![\w./\\-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w/\\])"), names


def names_ledger(text: str, target: str | None) -> bool:
    """Whether ``text`` (a library error's message) names the server's ledger ``target``: the database's fault (a
    full disk, a damaged file), not the request's."""
    return bool(target) and _ledger_pattern(str(target))[0].search(text) is not None


def without_ledger_path(request: Request, err: ApiError) -> ApiError:
    """``err`` without the server's ledger path (its files, directory or URL) in what the caller is told: a damaged
    ledger, a full disk or a locked database was answered 503 naming ``/srv/ledgers/county.db``, a path of the
    server's an HTTP caller must not learn (hostile41 left). The operator's log keeps the message as it was."""
    svc = getattr(request.app.state, "service", None)
    target = getattr(getattr(svc, "settings", None), "ledger", None)
    if not target or not isinstance(target, str):
        return err
    pattern, names = _ledger_pattern(target)
    said = [err.message, err.suggestion or "", *(v for v in err.extra.values() if isinstance(v, str))]
    if not any(pattern.search(x) for x in said):
        return err

    def hide(text: str) -> str:
        text = pattern.sub(lambda m: names[m[0]], text)
        return text.replace("the ledger the server's ledger", "the server's ledger")

    log.warning("%s %s: %s (answered %s without the ledger's path)", request.method, printable(request.url.path),
                printable(err.message), err.status)
    err.message = hide(err.message)
    err.suggestion = hide(err.suggestion) if err.suggestion is not None else None
    err.extra = {k: hide(v) if isinstance(v, str) else v for k, v in err.extra.items()}
    return err


_CHARSET = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:+-]{0,39}")


def check_encoding(request: Request) -> str | None:
    """The text encoding the request's ``Content-Type`` declares (``charset=gb18030``; ``None``
    when it declares none: the body is then UTF-8, or told as ``assess`` tells a file's). 400 for a
    compressed body (``Content-Encoding: gzip``), which would read as bytes that are not text: say
    so rather than 'not UTF-8'; 415 for a charset that is no text encoding (review10b R10B-11: a
    declared GB18030 body was read as UTF-8 and every line rejected)."""
    from .._files import is_text_encoding

    coding = request.headers.get("content-encoding", "").strip().lower()
    if coding not in ("", "identity"):
        raise ApiError(400, f"the request body is compressed (Content-Encoding: {coding[:40]}), which this "
                       "server does not read", type="RequestError", field="(headers)",
                       suggestion="send the body uncompressed")
    given = [value.strip().strip('"').strip() for key, _, value in
             (param.partition("=") for param in request.headers.get("content-type", "").split(";")[1:])
             if key.strip().lower() == "charset"]
    if not given:
        return None
    charset = given[0]
    if len({x.lower() for x in given}) > 1:
        raise ApiError(415, f"Content-Type declares {len(given)} charsets ({printable(', '.join(given))[:80]})",
                       type="RequestError", field="(headers)", suggestion="declare one charset")
    if not _CHARSET.fullmatch(charset) or not is_text_encoding(charset):
        raise ApiError(415, f"unknown charset {printable(charset[:40])!r} in Content-Type", type="RequestError",
                       field="(headers)", suggestion="declare charset=utf-8, gb18030 or utf-16, or none (the "
                       "encoding is then told from the body)")
    return codecs.lookup(charset).name


def printable(text: str) -> str:
    """``text`` for a log line: a character that is not printable (an escape sequence a terminal
    would run, a line break that would forge another line) as its escape; Chinese stays as it is.
    A request's path is percent-decoded: ``/v1/x%1b[2J`` would clear the reader's screen."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)
