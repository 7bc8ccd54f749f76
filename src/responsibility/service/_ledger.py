"""The ledger over HTTP: its events, the three lists, alerts, and appending events.

Only when the server was started with a ledger (``--ledger URL``); otherwise these endpoints
answer 503 saying so. Every list is limited to the caller's jurisdiction (``place`` defaults to
it; a place outside it is 403); reading a problem's events needs its place to be the caller's;
appending needs every event's problem to lie in the caller's county (role ``county``). Each
append is a line of the decision log (caller, input hash, the stored events' last hash).
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import time
from typing import TYPE_CHECKING, Annotated, Any, Literal

from fastapi import FastAPI, Path, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from .._errors import ProblemError, ResponsibilityError
from . import _jsonio as jsonio
from ._auth import Principal, full_code
from ._errors import ApiError, from_library
from ._log import digest
from ._models import ErrorOut

if TYPE_CHECKING:
    from ._app import Service

LIST_NAMES = ("problems", "responsibilities", "rectifications")


def open_ledger(url: str, policy: Any, jurisdiction: Any) -> Any:
    """The ledger at ``url`` (a SQLite path or a database URL), checked against the policy."""
    from ..ledger import Ledger

    return Ledger.open(url, policy=policy, jurisdiction=jurisdiction)


def _value(v: Any) -> Any:
    """A frame cell as JSON: dates as ISO text, missing as null, numpy scalars as Python."""
    if v is None:
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    if hasattr(v, "item") and not isinstance(v, (str, bytes)):  # numpy scalars
        v = v.item()
    if type(v).__name__ in ("NaTType", "NAType"):
        return None
    if isinstance(v, dt.datetime):
        return v.date().isoformat() if v.time() == dt.time() and v.tzinfo is None else v.isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, (list, tuple)):
        return [_value(x) for x in v]
    return v


def frame_rows(frame: Any) -> list[dict[str, Any]]:
    """A pandas frame as a list of JSON objects, one per row."""
    columns = [str(c) for c in frame.columns]
    return [{c: _value(v) for c, v in zip(columns, row, strict=True)}
            for row in frame.itertuples(index=False, name=None)]


def _json(value: Any, status: int = 200) -> Response:
    return Response(jsonio.dumps(value), status_code=status,
                    media_type="application/json")


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
        code = full_code(place)
        if code is None:
            raise ApiError(422, f"place {place!r} is not a division code (2, 4, 6, 9 or 12 digits)",
                           type="RequestError", field="query.place")
        if not who.reads(code):
            raise svc.refuse(who, endpoint, "place", place, None)
        return place

    async def state_place(led: Any, problem: str) -> str:
        try:
            return str((await run_in_threadpool(led.state, problem)).place)
        except ProblemError as exc:
            raise ApiError(404, str(exc), type="NotFound", field="problem",
                           suggestion="see /v1/ledger/lists/problems for the problems you may read") from None

    @app.get("/v1/ledger/events", tags=tags, responses=errors, summary="A problem's events (append-only, hash-chained)")
    async def events(request: Request, problem: str) -> Response:
        endpoint = "GET /v1/ledger/events"
        who = svc.caller(request)
        led = ledger()
        place = await state_place(led, problem)
        code = full_code(place) or ""
        if not who.reads(code):
            raise svc.refuse(who, endpoint, "problem at place", place, None)
        return _json([e.to_dict() for e in await run_in_threadpool(led.events, problem)])

    @app.post("/v1/ledger/events", tags=tags, responses=errors, status_code=201,
              summary="Append events (one object or a list) in one transaction; county users, own county")
    async def append(request: Request) -> Response:
        from ._app import read_json

        started = time.perf_counter()
        endpoint = "POST /v1/ledger/events"
        who = svc.caller(request)
        led = ledger()
        raw = await read_json(request, svc.settings.max_body)
        input_hash = digest(raw)
        items = raw if isinstance(raw, list) else [raw]
        registered = {str(e.get("problem")): e.get("place") for e in items
                      if isinstance(e, dict) and e.get("type") == "registered"}
        for i, e in enumerate(items):
            if not isinstance(e, dict) or not isinstance(e.get("problem"), str):
                continue  # the ledger names the field
            targets = [e["problem"]] + ([str(e["into"])] if e.get("type") == "merged" and e.get("into") else [])
            for pid in targets:
                place = registered.get(pid)
                if place is None:
                    try:
                        place = (await run_in_threadpool(led.state, pid)).place
                    except ProblemError:
                        continue  # an unknown problem: the ledger refuses it with its own message
                code = full_code(place)
                if code is None or not who.writes(code):
                    if who.reads(code or ""):
                        message = f"a {who.role} user reads this ledger but does not write it"
                        svc.record(who, endpoint, 403, started=started, input=input_hash, error="Forbidden",
                                   place=place)
                        raise ApiError(403, message, type="Forbidden", field=f"[{i}].problem",
                                       suggestion="events are entered by the county that keeps the ledger")
                    raise svc.refuse(who, endpoint, "place", str(place), input_hash)
        try:
            stored = await run_in_threadpool(functools.partial(led.append, items, entered_by=who.name))
        except ResponsibilityError as exc:
            err = from_library(exc)
            svc.record(who, endpoint, err.status, started=started, input=input_hash, error=err.type, field=err.field)
            raise err from None
        svc.record(who, endpoint, 201, started=started, input=input_hash, events=len(stored),
                   seq=[stored[0].seq, stored[-1].seq] if stored else None,
                   findings=stored[-1].hash if stored else None)
        return _json([e.to_dict() for e in stored], status=201)

    @app.get("/v1/ledger/lists/{name}", tags=tags, responses=errors,
             summary="问题清单 (problems), 责任清单 (responsibilities) or 整改清单 (rectifications), as of a day")
    async def lists(request: Request, name: Annotated[Literal["problems", "responsibilities", "rectifications"],
                                                      Path(description="which list")],
                    as_of: dt.date | None = None, place: str | None = None, area: str | None = None,
                    status: str | None = None, lang: Literal["en", "zh"] = "en") -> Response:
        who = svc.caller(request)
        led = ledger()
        where = scope(who, f"GET /v1/ledger/lists/{name}", place)
        frame = await run_in_threadpool(functools.partial(getattr(led, name), as_of, place=where, area=area,
                                                          status=status, lang=lang))
        return _json(frame_rows(frame))

    @app.get("/v1/ledger/alerts", tags=tags, responses=errors,
             summary="Open problems whose limits pass within N days or have passed, by the body that must act")
    async def alerts(request: Request, within: Annotated[int, Query(ge=0, le=3650)] = 7,
                     as_of: dt.date | None = None, place: str | None = None, area: str | None = None,
                     lang: Literal["en", "zh"] = "en") -> Response:
        who = svc.caller(request)
        led = ledger()
        where = scope(who, "GET /v1/ledger/alerts", place)
        frame = await run_in_threadpool(functools.partial(led.alerts, within, as_of, place=where, area=area,
                                                          lang=lang))
        return _json(frame_rows(frame))

    @app.get("/v1/ledger/verify", tags=tags, responses=errors,
             summary="Check the hash chain: ok, events checked, the first event altered, removed or reordered")
    async def verify(request: Request) -> Response:
        """The tamper check of ``responsibility ledger verify`` over the whole ledger (any valid token:
        it says whether and where the chain breaks, not what the events hold)."""
        svc.caller(request)
        v = await run_in_threadpool(ledger().verify)
        return _json({"ok": v.ok, "events": v.events, "seq": v.seq, "problem": v.problem, "what": v.what,
                      "message": str(v)})
