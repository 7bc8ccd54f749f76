"""The ledger over HTTP: its events (a problem's, or a jurisdiction's page by page), the three
lists, alerts, duplicates and merges, the evaluation indices, import from Excel/CSV and export
to the workbook, appending events and checking the hash chain.

Only when the server was started with a ledger (``--ledger URL``); otherwise these endpoints
answer 503 saying so. Every read is limited to the caller's jurisdiction (``place`` defaults to
it; a place outside it is 403, logged); reading a problem's events needs its place to be the
caller's (a problem named outside the caller's jurisdiction is 404, as one the ledger does not hold:
the answer does not tell another county's ids); writing (appending, merging, importing) needs the
problems to lie in the caller's county (role ``county``; other roles get 403). Each write is a line of the decision log
(caller, input hash, counts, the stored events' last hash).
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import functools
import hashlib
import logging
import re
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path as FilePath
from typing import TYPE_CHECKING, Annotated, Any, Literal

from fastapi import FastAPI, Path, Query, Request
from fastapi.responses import Response
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.responses import FileResponse

from .._errors import LedgerError, OutputError, ProblemError, ResponsibilityError
from .._files import is_text_encoding
from .._json import kind_of
from ..ledger import Event
from ..ledger._events import _clean, record_not_events, strip_spaces
from ..ledger._ledger import MAX_DAYS, MAX_SEQ, ImportStopped, ImportTooLarge
from ..ledger._lists import json_rows as frame_rows
from ..ledger._xlsx import TooManyRows
from . import _jsonio as jsonio
from . import _lib
from ._auth import Principal, _level, full_code
from ._batch import paced
from ._errors import ApiError, from_library, names_ledger, too_large
from ._log import digest
from ._models import ErrorOut

if TYPE_CHECKING:
    from ._app import Service

log = logging.getLogger("responsibility.service")
LIST_NAMES = ("problems", "responsibilities", "rectifications")
#: A day in the query (``?as_of=``): read by :func:`_lib.query_day` as records read days.
Day = Annotated[str | None, Query(description="the day, YYYY-MM-DD (default: today)",
                                  json_schema_extra={"format": "date"})]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _list_id(name: str) -> str:
    """A list by id or by the name offices call it (问题清单 …), as `responsibility ledger list` takes it: the Chinese
    name was a 400 over HTTP (hostile40)."""
    if name in LIST_NAMES:
        return name
    from ..ledger._lists import names

    chinese = {str(v["name"]): str(k) for k, v in names()["lists"].items() if k in LIST_NAMES}
    if name.strip() in chinese:
        return chinese[name.strip()]
    choices = "'problems', 'responsibilities' or 'rectifications'"
    raise ApiError(400, f"path parameter 'name': {name!r} is not one of {choices}", field="path.name",
                   suggestion=f"use {choices} (or their names, {', '.join(chinese)})")

def _safe_name(name: str) -> str:
    """An uploaded file's name, reduced to a safe base name (its suffix kept).

    At most 120 bytes of UTF-8 before the suffix, cut at a character: a file system holds 255 bytes of a name, and 100
    Chinese characters (300 bytes) were an internal error (500); the cut was at 120 characters of the whole name, which
    took the suffix of a long one ("not a .csv or .xlsx file" of a .xlsx; hostile65). Spaces and parentheses stay, as
    a browser names a second download (台账 (1).xlsx was 台账__1_.xlsx)."""
    base = re.sub(r"[^\w.\- ()（）]", "_", name.replace("\\", "/").rsplit("/", 1)[-1]).strip()
    stem, dot, suffix = base.rpartition(".")
    stem, suffix = (stem, f".{suffix[:16]}") if dot else (base, "")
    stem = stem.strip(" .").encode()[:120].decode("utf-8", "ignore").rstrip(" ")
    return (stem or "upload") + suffix


def open_ledger(url: str, policy: Any, jurisdiction: Any) -> Any:
    """The ledger at ``url`` (a SQLite path or a database URL), checked against the policy."""
    from ..ledger import Ledger

    return Ledger.open(url, policy=policy, jurisdiction=jurisdiction)


def _json(value: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(jsonio.dumps(value), status_code=status,
                    media_type="application/json", headers=headers)


#: The header an answer showing a ledger's data carries when the ledger's hash chain is broken.
CHAIN_HEADER = "X-Ledger-Warning"


_FORM = ("file", "mapping", "encoding", "sheet")


def _check_form(form: Any) -> None:
    """422 for an upload form with a field it does not take, or one given twice (which would be
    ignored: the import would not be of the file the caller meant)."""
    for key in dict.fromkeys(form.keys()):
        if key not in _FORM:
            raise ApiError(422, f"unknown form field {key!r}", type="RequestError", field=key,
                           suggestion="send file, and optionally mapping, encoding and sheet")
        if len(form.getlist(key)) > 1:
            raise ApiError(422, f"the form gives {key!r} more than once", type="RequestError", field=key,
                           suggestion="send one ledger file per request")


def _form_words(message: str) -> str:
    """A library message about an import, in the words of the form: its options are the command line's
    (``--encoding gb18030``, ``--sheet``), which an HTTP caller gives as form fields (``encoding=gb18030``)."""
    message = re.sub(r"--(encoding|sheet|mapping) (?=[\w'])(?!that\b)", r"\1=", message)
    message = message.replace("give its --encoding", "give its encoding (the form field 'encoding')")
    return re.sub(r"--(encoding|sheet|mapping)\b", r"the form field '\1'", message) \
        .replace("Give a the form field 'mapping'", "Give a mapping (the form field 'mapping')") \
        .replace("give a the form field 'mapping'", "give a mapping (the form field 'mapping')")


def install(app: FastAPI, svc: Service) -> None:
    """Register the ledger routes."""
    tags: list[Any] = ["ledger"]
    errors: dict[int | str, dict[str, Any]] = {code: {"model": ErrorOut} for code in (400, 401, 403, 404, 422, 503)}

    def ledger() -> Any:
        if svc.ledger is None:
            raise ApiError(503, "this server has no ledger", type="NoLedger",
                           suggestion="start it with --ledger URL (a SQLite file or a PostgreSQL URL)")
        return svc.ledger

    def scope(who: Principal, endpoint: str, place: str | None) -> str | None:
        """The place filter of a read: the caller's jurisdiction, or a place inside it (else 403)."""
        if place is None:
            return who.code[:len(who.prefix)] if who.code else None
        code = _lib.record_place(place)  # read as a record's place is (full-width digits too)
        if code is None:
            from .._errors import JurisdictionError
            from ..ledger._compat import parse_code

            try:  # what is wrong with it, in the words `ledger list --place` and a record use (ux46)
                parse_code(place)
                why = f"{place!r} is not a division code (2, 4, 6, 9 or 12 digits)"
            except JurisdictionError as exc:
                why = str(exc)
            raise ApiError(400, f"query parameter 'place': {why}", type="RequestError", field="query.place",
                           suggestion="give a division code of your jurisdiction, e.g. 330127")
        if not who.reads(code):
            raise svc.refuse(who, endpoint, "place", place, None)
        return code

    told: set[Any] = set()

    async def chain(led: Any) -> dict[str, str]:
        """The header that says the ledger's hash chain is broken, for an answer that shows its data (none when it is
        whole): `ledger list` says it on stderr (ux47), and a program reading the lists over HTTP was told nothing of
        rows altered outside the library. No problem's id is in it (it may be another county's): GET
        /v1/ledger/verify names it to those who may read it. Walked again only when the ledger has changed."""
        broken = await run_in_threadpool(led.chain_warning)
        if broken is None:
            return {}
        at = f" at event {broken.seq}" if broken.seq is not None else ""
        what = broken.what.replace(str(broken.problem), "…") if broken.problem else broken.what
        if (broken.seq, what) not in told:
            told.add((broken.seq, what))
            log.warning("the ledger's hash chain is broken%s (problem %s): %s", at, broken.problem, what)
        said = (f"the ledger's hash chain is broken{at}: {what}; this answer may show data altered outside the "
                "library (GET /v1/ledger/verify says where; the server's operator must restore the ledger from a "
                "backup)")
        return {CHAIN_HEADER: said.encode("ascii", "replace").decode("ascii")}  # (a header is Latin-1 at most)

    async def query(call: Callable[[], Any]) -> Any:
        """``call`` (a ledger read) off the event loop; a query value the ledger refuses (an unknown
        ``area`` or ``status``) is 400 naming the query parameter, as FastAPI's own checks are."""
        try:
            return await run_in_threadpool(call)
        except ProblemError as exc:
            if exc.field in ("area", "status") and exc.record is None:
                raise ApiError(400, f"query parameter {exc.field!r}: {exc.detail}", type="RequestError",
                               field=f"query.{exc.field}") from None
            raise
        except Exception as exc:
            # rows altered outside the library are the database's fault, not a bug (503, as a damaged ledger is;
            # review18c T2: it was 500 "internal error")
            damage = await run_in_threadpool(ledger().damage_behind, exc)
            if damage is not None:
                raise damage from None
            raise

    async def named_problem(who: Principal, endpoint: str, led: Any, pid: str, field: str,
                            input_hash: str | None = None) -> str | None:
        """The place of problem ``pid``, named by the caller, when the caller may read it; else 404, the same
        answer for a problem the ledger does not hold and for one it holds outside the caller's jurisdiction
        (a 403 for the latter told another county's user that the id exists: item 7 of input21). The
        refusal is logged as one (``Forbidden``), with the place."""
        try:
            place = str((await run_in_threadpool(led.state, pid)).place)
        except ProblemError:
            place = None
        if place is not None and who.reads(full_code(place) or ""):
            return place
        if place is not None:
            log.warning("forbidden: %s asked %s for problem %s (at %s)", who.name, endpoint, pid, place)
            svc.record(who, endpoint, 404, input=input_hash, error="Forbidden", place=place, field=field)
        hint = await run_in_threadpool(led.suggest_problem, pid, who.prefix or None)
        raise ApiError(404, f"no problem {pid!r} in the ledger within your jurisdiction ({who.scope})",
                       type="NotFound", field=field, suggestion=f"{hint}; /v1/ledger/lists/problems lists the "
                       "problems you may read")

    @app.get("/v1/ledger/events", tags=tags, responses=errors,
             summary="Events (append-only, hash-chained): one problem's, or a page of the caller's jurisdiction's")
    async def events(request: Request,
                     problem: Annotated[str | None, Query(description="one problem's events (all of them)")] = None,
                     place: Annotated[str | None, Query(
                         description="a place in your jurisdiction (default: all of it)")] = None,
                     after: Annotated[int, Query(ge=0, le=MAX_SEQ, description="the cursor: events stored after "
                                                 "this seq (the X-Next-After of the previous page)")] = 0,
                     limit: Annotated[int, Query(ge=1, le=10_000, description="page size")] = 500) -> Response:
        """With ``problem``: that problem's events, in order. Without: the events of the problems in
        the caller's jurisdiction (or ``place`` inside it), in the order stored, ``limit`` at a time
        after the cursor ``after``; while more remain, the ``X-Next-After`` header and a ``Link:
        rel="next"`` give the next page (appended events only ever add pages at the end)."""
        endpoint = "GET /v1/ledger/events"
        who = svc.caller(request)
        led = ledger()
        if problem is not None:
            # a problem's events come whole: a page asked of them would be ignored (review20b B20-9)
            paging = [k for k in ("after", "limit", "place") if k in request.query_params]
            if paging:
                raise ApiError(400, f"query parameter {paging[0]!r}: 'problem' returns all of that problem's events; "
                               f"{paging[0]!r} pages the events of a jurisdiction", type="RequestError",
                               field=f"query.{paging[0]}", suggestion="leave it out, or ask without 'problem'")
            if not problem.strip():  # "" was 404 "no problem ''" (hostile29): the id is missing, not unknown
                raise ApiError(400, f"query parameter 'problem' is empty ({problem!r}); give a problem's id",
                               type="RequestError", field="query.problem",
                               suggestion="e.g. ?problem=CA-2021-003, or leave it out for the events of your "
                               "jurisdiction page by page")
            # the id as written, spaces at either end aside, as an event posted for it reads it (' C1 ' was 404 "no
            # problem ' C1 '" where an event for ' C1 ' is C1's; hostile65)
            problem = strip_spaces(problem)
            await named_problem(who, endpoint, led, problem, "problem")
            return _json([e.to_dict() for e in await run_in_threadpool(led.events, problem)], headers=await chain(led))
        where = scope(who, endpoint, place)
        page = await run_in_threadpool(functools.partial(led.events, place=where, after=after, limit=limit + 1))
        more = len(page) > limit
        page = page[:limit]
        headers: dict[str, str] = {}
        if more:
            cursor = str(page[-1].seq)
            query = [(k, v) for k, v in request.query_params.multi_items() if k != "after"] + [("after", cursor)]
            from urllib.parse import urlencode

            headers = {"X-Next-After": cursor, "Link": f'<{request.url.path}?{urlencode(query)}>; rel="next"'}
        return Response(jsonio.dumps([e.to_dict() for e in page]), media_type="application/json",
                        headers={**headers, **await chain(led)})

    @app.post("/v1/ledger/events", tags=tags, responses=errors, status_code=201,
              summary="Append events (one object or a list) in one transaction; county users, own county")
    async def append(request: Request) -> Response:
        endpoint = "POST /v1/ledger/events"
        started, who, led, raw, input_hash = await write_request(request)
        items = raw if isinstance(raw, list) else [raw]
        if not items:
            writer(who, endpoint, started, input_hash)  # a reader is told it does not write, list or none
            # An empty list stores nothing: 200 with the empty list, as the library's append([]) returns [] and
            # `ledger add` of a file holding [] says "nothing to store" (exit 0); 201 said something was made.
            # A client that sends the day's new events as a list need not special-case a day with none.
            svc.record(who, endpoint, 200, started=started, input=input_hash, events=0)
            return _json([])
        for i, e in enumerate(items):  # a problem record sent as an event: what a ledger takes instead (ux45)
            if (said := record_not_events(e)) is not None:
                at = f"[{i}]." if isinstance(raw, list) else ""
                svc.record(who, endpoint, 422, started=started, input=input_hash, error="ProblemError")
                raise ApiError(422, f"field '{at}problem': {said}", type="ProblemError", field=f"{at}problem",
                               code="not_an_event", suggestion="send events (docs/ledger.md, \"Events by hand\"); a "
                               "problem record is answered by POST /v1/verdict")
        # Each event read by the ledger's own parser, so that the problem and place checked are the
        # ones it stores (a number 777 is problem "777", " CA-1 " is "CA-1"); one it refuses is
        # left for it to name.
        parsed: list[tuple[int, Event]] = []
        for i, e in enumerate(items):
            try:
                parsed.append((i, Event.parse(e, entered_by=who.name)))
            except ProblemError:
                continue
        if len(parsed) < len(items):
            # an event that cannot be read is the ledger's to name, with every other such one (422, as `ledger add`
            # says them), before any problem is looked up: a later event's unknown problem was 404 and the
            # unreadable one went untold (ux49 left). The ledger reads every event before it asks its state, so its
            # answer tells nothing of another county's problems.
            writer(who, endpoint, started, input_hash)
            return await stored_events(who, endpoint, started, input_hash, functools.partial(
                led.append, items, entered_by=who.name, within=who.prefix), many=isinstance(raw, list))
        registered = {ev.problem: ev.data.get("place") for _, ev in parsed if ev.type == "registered"}
        for i, ev in parsed:
            at = f"[{i}]." if isinstance(raw, list) else ""
            targets = [(ev.problem, "place" if ev.problem in registered else "problem")]
            if ev.type == "merged":
                targets.append((str(ev.data["into"]), "into"))
            for pid, name in targets:
                await may_write(who, endpoint, started, input_hash, led, pid, at + name, registered.get(pid))
            moved = ev.data.get("replace", {}).get("place") if ev.type == "corrected" else None
            if moved is not None:  # a correction that moves a problem moves it into a jurisdiction too
                await may_write(who, endpoint, started, input_hash, led, ev.problem, at + "replace.place", moved)
        return await stored_events(who, endpoint, started, input_hash, functools.partial(
            led.append, items, entered_by=who.name, within=who.prefix), many=isinstance(raw, list))

    async def write_request(request: Request) -> tuple[float, Principal, Any, Any, str]:
        """What a JSON write starts with: its start time, the caller, the ledger, the body, its hash."""
        from ._app import read_json

        started = time.perf_counter()
        who = svc.caller(request)
        led = ledger()
        raw = await read_json(request, svc.settings.max_body, svc.settings.body_seconds)
        return started, who, led, raw, digest(raw)

    async def may_write(who: Principal, endpoint: str, started: float, input_hash: str, led: Any, pid: str,
                        field: str, place: Any = None) -> None:
        """403 (logged) unless problem ``pid`` (at ``place``, else where the ledger has it) is the
        caller's to write; a problem named but unknown, or held outside the caller's jurisdiction, is the
        same 404 (:func:`named_problem`)."""
        stored = place is None
        if place is None:
            place = await named_problem(who, endpoint, led, pid, field, input_hash)
        code = full_code(place)
        if code is not None and who.writes(code):
            return
        if who.reads(code or ""):
            svc.record(who, endpoint, 403, started=started, input=input_hash, error="Forbidden", place=place)
            raise ApiError(403, f"a {who.role} user reads this ledger but does not write it", type="Forbidden",
                           field=field, suggestion="events are entered by the county that keeps the ledger")
        if stored:  # the caller named a problem, not its place: the answer does not tell where it is
            raise svc.refuse(who, endpoint, "problem", str(place), input_hash, field=field, shown=repr(pid))
        raise svc.refuse(who, endpoint, "place", str(place), input_hash, field=field)

    def writer(who: Principal, endpoint: str, started: float, input_hash: str | None) -> None:
        """403 (logged) for a role that does not write the ledger."""
        if not who.writes(who.code):
            svc.record(who, endpoint, 403, started=started, input=input_hash, error="Forbidden")
            raise ApiError(403, f"a {who.role} user reads this ledger but does not write it", type="Forbidden",
                           suggestion="events are entered by the county that keeps the ledger")

    async def stored_events(who: Principal, endpoint: str, started: float, input_hash: str, write: Any, *,
                            many: bool = False) -> Response:
        """Run ``write`` (a ledger append) off the event loop; 201 with the stored events, logged. The
        field of a refused event of a list is its path in the body (``[1].type``)."""
        try:
            stored = await run_in_threadpool(_lib.typed, write)  # (typed JSON: a day is told no Excel advice)
        except ResponsibilityError as exc:
            err = from_library(exc)
            if err.suggestion is not None and "docs/records.md" in err.suggestion:
                # an event is no problem record: its fields are docs/ledger.md's ("Events by hand")
                err.suggestion = err.suggestion.split(";")[0].replace("the record", "the event") + \
                    "; docs/ledger.md (Events by hand) lists each " \
                    "event type's fields"
            if many and isinstance(exc, ProblemError) and exc.index is not None:
                err.field = f"[{exc.index}]" + (f".{exc.field}" if exc.field and not exc.field.startswith("(") else "")
            svc.record(who, endpoint, err.status, started=started, input=input_hash, error=err.type, field=err.field)
            raise err from None
        if not isinstance(stored, list):
            stored = [stored]
        svc.record(who, endpoint, 201, started=started, input=input_hash, events=len(stored),
                   seq=[stored[0].seq, stored[-1].seq] if stored else None,
                   findings=stored[-1].hash if stored else None)
        # a step that counts as no step by procedure is stored with a note of why (review33b F4), as `ledger add`
        # says it on stderr
        notes = await run_in_threadpool(ledger().step_notes, stored) if stored else {}
        return _json([{**e.to_dict(), **({"note": notes[e.seq]} if e.seq in notes else {})} for e in stored],
                     status=201)

    @app.post("/v1/ledger/merge", tags=tags, responses=errors, status_code=201,
              summary="Record a merge (三(三) 集成整改): problem `source` into `into`; county users, own county",
              openapi_extra={"requestBody": {"required": True, "content": {"application/json": {"schema": {
                  "type": "object", "required": ["source", "into", "on"], "additionalProperties": False,
                  "properties": {"source": {"type": "string"}, "into": {"type": "string"},
                                 "on": {"type": "string", "format": "date"}}}}}}})
    async def merge(request: Request) -> Response:
        """``Ledger.merge``: the merged problem keeps every channel and the earliest discovery;
        ``source`` takes no more events (see /v1/ledger/duplicates for likely pairs). Answers with
        the stored ``merged`` event."""
        endpoint = "POST /v1/ledger/merge"
        started, who, led, raw, input_hash = await write_request(request)
        if not isinstance(raw, dict):
            raise ApiError(422, f"expected an object {{source, into, on}}, not {kind_of(raw)}", type="RequestError",
                           field="(body)", suggestion="send {\"source\": id, \"into\": id, \"on\": \"YYYY-MM-DD\"}")
        for key in ("source", "into", "on"):
            value = raw.get(key)
            if not isinstance(value, str) or not value.strip():
                what = "is required" if value is None or value == "" else \
                    f"must be text (a problem id or a day), not {kind_of(value)}"
                raise ApiError(422, f"field {key!r} {what}", type="RequestError", field=key,
                               suggestion="send {\"source\": id, \"into\": id, \"on\": \"YYYY-MM-DD\"}")
        unknown = sorted(set(raw) - {"source", "into", "on"})
        if unknown:
            raise ApiError(422, f"unknown field {unknown[0]!r}", type="RequestError", field=unknown[0],
                           suggestion="send only source, into and on")
        # as the ledger reads a problem's id: spaces at either end aside, a CR or a tab there refused (bad_value), as a
        # record's id and an event's problem refuse it ("C1\r" merged C1: hostile65), before its place is looked up
        source, into = (_clean(strip_spaces(raw[key]), key, None) for key in ("source", "into"))
        for key, pid in (("source", source), ("into", into)):
            await may_write(who, endpoint, started, input_hash, led, pid, key)
        return await stored_events(who, endpoint, started, input_hash, functools.partial(
            led.merge, source, into, on=raw["on"], entered_by=who.name, within=who.prefix))

    @app.get("/v1/ledger/lists/{name}", tags=tags, responses=errors,
             summary="问题清单 (problems), 责任清单 (responsibilities) or 整改清单 (rectifications), as of a day")
    async def lists(request: Request, name: Annotated[str, Path(
                        description="which list: problems, responsibilities or rectifications (or 问题清单, 责任清单, "
                                    "整改清单)", json_schema_extra={"examples": list(LIST_NAMES)})],
                    as_of: Day = None, place: str | None = None, area: str | None = None,
                    status: str | None = None, lang: Literal["en", "zh"] = "en") -> Response:
        who = svc.caller(request)
        name = _list_id(name)
        led = ledger()
        where = scope(who, f"GET /v1/ledger/lists/{name}", place)
        frame = await query(functools.partial(getattr(led, name), _lib.query_day("as_of", as_of), place=where,
                                              area=area, status=status, lang=lang))
        return _json(frame_rows(frame), headers=await chain(led))

    @app.get("/v1/ledger/alerts", tags=tags, responses=errors,
             summary="Open problems whose limits pass within N days or have passed, by the body that must act")
    async def alerts(request: Request, within: Annotated[int, Query(ge=0, le=MAX_DAYS)] = 7,
                     as_of: Day = None, place: str | None = None, area: str | None = None,
                     lang: Literal["en", "zh"] = "en") -> Response:
        who = svc.caller(request)
        led = ledger()
        where = scope(who, "GET /v1/ledger/alerts", place)
        frame = await query(functools.partial(led.alerts, within, _lib.query_day("as_of", as_of), place=where,
                                              area=area, lang=lang))
        return _json(frame_rows(frame), headers=await chain(led))

    @app.get("/v1/ledger/duplicates", tags=tags, responses=errors,
             summary="Likely duplicates: open problems of one place, area and kind found within `window` days")
    async def duplicates(request: Request, window: Annotated[int, Query(ge=0, le=MAX_DAYS)] = 30,
                         as_of: Day = None, place: str | None = None,
                         lang: Literal["en", "zh"] = "en") -> Response:
        """``Ledger.duplicates`` for the caller's jurisdiction: suggestions to merge
        (POST /v1/ledger/merge), not decisions."""
        who = svc.caller(request)
        led = ledger()
        where = scope(who, "GET /v1/ledger/duplicates", place)
        frame = await query(functools.partial(led.duplicates, window, _lib.query_day("as_of", as_of), place=where,
                                              lang=lang))
        return _json(frame_rows(frame), headers=await chain(led))

    @app.get("/v1/ledger/indices", tags=tags, responses=errors,
             summary="评价指数 (三(三)) per jurisdiction of a level and per period, from the caller's problems")
    async def indices(request: Request, as_of: Day = None,
                      level: Annotated[str, Query(description="province, city, county, township or village "
                                                  "(or its Chinese name: 县)")] = "county",
                      period: Literal["year", "quarter", "month"] = "year", place: str | None = None,
                      lang: Literal["en", "zh"] = "en") -> Response:
        """``Ledger.indices`` over the problems of the caller's jurisdiction (or ``place`` in it)."""
        who = svc.caller(request)
        led = ledger()
        where = scope(who, "GET /v1/ledger/indices", place)
        level = str(_lib.query_term(svc.policy, "level", "level", level))
        code = full_code(where) if where else None
        if code is not None and svc.policy.level_rank[level] > svc.policy.level_rank[_level(code)]:
            # a province's row counting one county's problems would be read as the province's figures
            raise ApiError(400, f"query parameter 'level': indices by {level} reach above {where} ({_level(code)}), "
                           "whose problems alone they would count", type="RequestError", field="query.level",
                           suggestion=f"ask for the level {_level(code)} or below")
        frame = await query(functools.partial(led.indices, _lib.query_day("as_of", as_of), level=level,
                                              period=period, place=where, lang=lang))
        return _json(frame_rows(frame), headers=await chain(led))

    @app.get("/v1/ledger/export", tags=tags, responses={
        200: {"content": {XLSX: {}}, "description": "the workbook"}, **errors},
        summary="The workbook offices use (.xlsx): 问题清单, 责任清单, 整改清单, 评价指数, 激励提示, 预警")
    async def export(request: Request, as_of: Day = None, place: str | None = None,
                     area: str | None = None, status: str | None = None,
                     within: Annotated[int, Query(ge=0, le=MAX_DAYS)] = 7) -> Response:
        """``Ledger.export_xlsx`` for the caller's jurisdiction (or ``place`` in it): one sheet per
        list, Chinese headers, frozen header row, filters, date cells, overdue rows highlighted."""
        who = svc.caller(request)
        led = ledger()
        where = scope(who, "GET /v1/ledger/export", place)
        on = _lib.query_day("as_of", as_of)
        tmp = FilePath(tempfile.mkdtemp(prefix="responsibility-export-"))
        day = (on or dt.date.today()).isoformat()
        name = f"ledger-{where[:len(who.prefix)] if where and who.code else 'all'}-{day}.xlsx"
        try:
            await query(functools.partial(led.export_xlsx, tmp / name, on, place=where, area=area, status=status,
                                          within=within))
        except TooManyRows as exc:  # the request's to narrow, not a database to wait for (it was 503)
            shutil.rmtree(tmp, ignore_errors=True)
            raise ApiError(422, str(exc).partition("; ")[0], type="LedgerError", field="query",
                           suggestion="filter by place, area or status; /v1/ledger/lists/{name} gives a list as "
                                      "JSON, however long") from None
        except OutputError as exc:  # the server's temporary directory (a full disk): its path is the server's
            shutil.rmtree(tmp, ignore_errors=True)
            log.error("GET /v1/ledger/export: %s", exc)
            raise ApiError(503, "the server could not build the workbook in its temporary directory "
                           f"({'no space left on its disk' if 'no space' in str(exc) else 'it cannot write there'})",
                           type="ServerFull", headers={"Retry-After": "60"},
                           suggestion="try again later; tell the server's operator, who must free space on the disk "
                                      "of its temporary directory (TMPDIR)") from None
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        return FileResponse(tmp / name, media_type=XLSX, filename=name, headers=await chain(led),
                            background=BackgroundTask(shutil.rmtree, tmp, ignore_errors=True))

    @app.post("/v1/ledger/import", tags=tags, status_code=200,
              responses={**errors, **{code: {"model": ErrorOut} for code in (411, 413)}},
              summary="Import an existing ledger (.xlsx or .csv) in one transaction; county users, own county",
              openapi_extra={"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
                  "type": "object", "required": ["file"], "properties": {
                      "file": {"type": "string", "format": "binary", "description": ".xlsx or .csv"},
                      "mapping": {"type": "string", "format": "binary",
                                  "description": "a YAML column mapping (default: the shipped one)"},
                      "encoding": {"type": "string",
                                   "description": "of a CSV: utf-8, gbk, gb18030 (default: detected)"},
                      "sheet": {"type": "string", "description": "of a workbook (default: the first shown)"}}}}}}})
    async def import_(request: Request) -> Response:
        """``Ledger.import_file`` on the uploaded file: every row is imported or rejected with its
        reason (a row placed outside the caller's county is rejected, field ``place``); the counts
        balance (``rows == imported + blank + rejected``); all rows or none are stored (one
        transaction)."""
        started = time.perf_counter()
        endpoint = "POST /v1/ledger/import"
        who = svc.caller(request)
        led = ledger()
        writer(who, endpoint, started, None)
        limit = svc.settings.max_batch_bytes
        declared = request.headers.get("content-length")
        if declared is None or not declared.isdigit():  # a form is read whole: its size must be known first
            raise ApiError(411, "an upload needs a Content-Length header", type="RequestError", field="(body)",
                           suggestion="send a regular file as one multipart/form-data body (curl -F file=@ledger.xlsx "
                           "does; a pipe or device, such as /dev/null or stdin, is streamed without a length)")
        if int(declared) > limit:
            raise too_large(limit, "the upload", suggestion="split the ledger into several files")
        if not request.headers.get("content-type", "").startswith("multipart/form-data"):
            raise ApiError(400, "send the file as multipart/form-data (field 'file'; optional 'mapping', 'encoding', "
                           "'sheet')", type="RequestError", field="(body)",
                           suggestion="e.g. curl -F file=@ledger.xlsx -F mapping=@mapping.yaml")
        tmp = FilePath(tempfile.mkdtemp(prefix="responsibility-import-"))
        try:
            # (each part within --body-seconds, on average 1 KiB a second after them: a client sending a byte now
            # and then held a worker as long as it liked; the other POSTs had the deadline, this not: hostile29)
            paced_request = Request(request.scope, paced(request.receive, svc.settings.body_seconds, "the upload"))
            async with paced_request.form(max_files=2, max_fields=4, max_part_size=limit) as form:
                _check_form(form)
                upload = form.get("file")
                if upload is None or isinstance(upload, str):
                    raise ApiError(422, "the form has no file (field 'file')", type="RequestError", field="file",
                                   suggestion="send the ledger as the form field 'file'")
                name = _safe_name(upload.filename or "upload.csv")
                if names_ledger(name, svc.settings.ledger):
                    # (an upload named as the server's ledger file was told "the server's ledger: not a .csv …", the
                    # words that hide its path, which told the caller the ledger's file name: ux45)
                    name = f"uploaded-{name}"
                if FilePath(name).suffix.lower() not in (".csv", ".xlsx", ".xlsm"):
                    raise ApiError(422, f"{name}: not a .csv or .xlsx file", type="RequestError", field="file",
                                   suggestion="upload the ledger as .xlsx or .csv")
                h = hashlib.sha256()
                path = tmp / name
                with open(path, "wb") as out:
                    while chunk := await upload.read(1 << 20):
                        h.update(chunk)
                        out.write(chunk)
                mapping_path, mapping_name = None, ""
                mapping = form.get("mapping")
                if mapping is not None:
                    # named in messages as the caller sent it: an uploaded file by its name, a text field as such
                    given = "" if isinstance(mapping, str) else _safe_name(mapping.filename or "")
                    mapping_name = given if given and given != name else "the form's mapping"
                    mapping_path = tmp / "mapping" / (given if given and given != name else "mapping.yaml")
                    data = mapping.encode() if isinstance(mapping, str) else await mapping.read()
                    if not data.strip():
                        raise ApiError(422, "the form's 'mapping' field is empty", type="RequestError",
                                       field="mapping", suggestion="send a YAML column mapping "
                                       "(curl -F mapping=@my-mapping.yaml), or leave the field out for the shipped one")
                    h.update(data)
                    mapping_path.parent.mkdir()
                    mapping_path.write_bytes(data)
                encoding, sheet = form.get("encoding"), form.get("sheet")
                for key, value in (("encoding", encoding), ("sheet", sheet)):
                    if value is not None and not isinstance(value, str):  # (was ignored in silence: input38)
                        raise ApiError(422, f"the form's {key!r} is a file upload; it takes text", field=key,
                                       type="RequestError", suggestion=f"send it as text: curl -F {key}="
                                       f"{'gb18030' if key == 'encoding' else '台账'} (not -F {key}=@FILE)")
                if isinstance(encoding, str) and encoding and not is_text_encoding(encoding):
                    # refused before reading, for a workbook too, as `ledger import --encoding` refuses it
                    raise ApiError(422, f"the form's 'encoding' {encoding!r} is not a text encoding", field="encoding",
                                   type="RequestError", suggestion="give utf-8, gbk or gb18030 (a CSV's; a "
                                   "workbook needs none), or leave the field out: the encoding is then told")
            input_hash = h.hexdigest()
            gone = threading.Event()
            watcher = asyncio.create_task(_watch(request, gone))
            try:
                result = await run_in_threadpool(functools.partial(
                    led.import_file, path, entered_by=who.name, mapping=mapping_path,
                    encoding=encoding if isinstance(encoding, str) and encoding else None,
                    sheet=sheet if isinstance(sheet, str) and sheet else None,
                    within=who.code or None, source=name, stop=gone.is_set,
                    max_rows=svc.settings.max_import_rows))
            except ImportTooLarge as exc:
                err = too_large(exc.limit, f"{name}: the upload", "rows", suggestion=(
                    f"split the ledger into files of at most {exc.limit:,} rows (nothing of this one was stored), or "
                    "import it on the server with `responsibility ledger import`; the server's --max-import-rows "
                    "sets the limit"))
                svc.record(who, endpoint, err.status, started=started, input=input_hash, error=err.type)
                raise err from None
            except ImportStopped as exc:  # nobody to answer: said in the log, and the decision log
                log.warning("import: %s went away; %s", who.name, _form_words(str(exc).replace(f"{tmp}/", "")))
                svc.record(who, endpoint, 499, started=started, input=input_hash, error="ImportStopped")
                raise ApiError(499, "the caller went away; nothing was stored", type="ImportStopped",
                               field="(body)") from None
            except ResponsibilityError as exc:
                message = str(exc)
                if mapping_path is not None:
                    message = message.replace(str(mapping_path), mapping_name)
                message = _form_words(message.replace(f"{tmp}/", ""))
                where = "mapping" if mapping_path is not None and mapping_name in message else \
                    "encoding" if "encoding" in message and isinstance(encoding, str) and encoding else \
                    "sheet" if f"no sheet {sheet!r}" in message else getattr(exc, "field", "file")
                # (the ledger's own fault, a full disk under it, is 503 as elsewhere: it was 422 field 'file', the
                # caller's file blamed, since its words hold no "database"; hostile42)
                err = ApiError(422, message, type=type(exc).__name__, field=where) \
                    if isinstance(exc, LedgerError) and "database" not in message \
                    and getattr(exc, "retry_after", None) is None \
                    and not names_ledger(str(exc), svc.settings.ledger) else from_library(exc)
                err.message = message
                svc.record(who, endpoint, err.status, started=started, input=input_hash, error=err.type)
                raise err from None
            finally:
                watcher.cancel()
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        body = {**dataclasses.asdict(result), "balanced": result.balanced}
        forbidden = sum(1 for r in result.rejects if r.get("code") == "outside_jurisdiction")
        svc.record(who, endpoint, 200, started=started, input=input_hash, source=name, rows=result.rows,
                   imported=result.imported, rejected=result.rejected, events=result.events, forbidden=forbidden,
                   findings=digest(body))
        return _json(body)

    @app.get("/v1/ledger/verify", tags=tags, responses=errors,
             summary="Check the hash chain: ok, events checked, the first event altered, removed or reordered")
    async def verify(request: Request) -> Response:
        """The tamper check of ``responsibility ledger verify`` over the whole ledger (any valid token:
        it says whether and where the chain breaks, not what the events hold). The problem of the event where it
        breaks is named only to a caller who may read it: another county's ids are never told (docs/service.md)."""
        who = svc.caller(request)
        led = ledger()
        v = await run_in_threadpool(led.verify)
        if v.problem is not None and who.code:
            try:
                place: str | None = str((await run_in_threadpool(led.state, v.problem)).place)
            except Exception:  # (an altered event may not fold: its place is unknown, so it is not the caller's)
                place = None
            if place is None or not who.reads(full_code(place) or ""):
                log.warning("verify: the chain breaks at event %s (problem %s, at %s), outside %s's jurisdiction",
                            v.seq, v.problem, place, who.name)
                v = dataclasses.replace(v, problem=None, what=f"{v.what.replace(v.problem, '…')} (an event of a "
                                        f"problem outside your jurisdiction; the province's users see which)")
        return _json({"ok": v.ok, "events": v.events, "seq": v.seq, "problem": v.problem, "what": v.what,
                      "last_hash": v.last_hash or None, "message": str(v)})


async def _watch(request: Request, gone: threading.Event, every: float = 1.0) -> None:
    """Set ``gone`` when the caller of ``request`` closes the connection: an import in the thread pool stops at its
    next part instead of holding the ledger's write lock for minutes to store what nobody is told of (ux46: a
    1.2-million-row upload, the client gone after two, held it ten; every other writer was 503 meanwhile)."""
    while not await request.is_disconnected():
        await asyncio.sleep(every)
    gone.set()
