"""Read-only views of the policy: areas, bodies, duties with their quoted clauses, parameters,
clauses, and the chain for an area or a place as JSON or Mermaid. Any valid token reads them.

Items are the policy's own pydantic models (their JSON Schemas are the ones in ``schemas/``).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, Literal

from fastapi import FastAPI, Query, Request
from fastapi.responses import PlainTextResponse, Response
from pydantic import BaseModel

from .._errors import ChainError, JurisdictionError
from ..policy._model import Area, Body, Clause, Duty, Parameter, PolicyMeta
from . import _jsonio as jsonio
from . import _lib
from ._errors import ApiError
from ._models import AreaSummary

if TYPE_CHECKING:
    from ._app import Service


def _unknown(what: str, value: str, known: list[str]) -> ApiError:
    import difflib

    close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
    return ApiError(404, f"unknown {what} {value!r}", type="NotFound", field=what,
                    suggestion=f"did you mean {close[0]!r}?" if close else
                    "use one of " + ", ".join(known[:12]) + (", …" if len(known) > 12 else ""))


def _pick(what: str, table: Mapping[str, Any], key: str) -> Any:
    """``table[key]``, or 404 naming the closest key."""
    if key not in table:
        raise _unknown(what, key, list(table))
    return table[key]


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def install(app: FastAPI, svc: Service) -> None:
    """Register the policy views."""
    policy = svc.policy

    class DutyView(BaseModel):
        """A duty with its area and the full text of the clause it quotes."""

        area: str
        duty: Duty
        clause: Clause | None

    def duty_view(did: str) -> dict[str, Any]:
        d = policy.duties[did]
        return {"area": policy.duty_area[did], "duty": d, "clause": policy.clauses.get(d.clause)}

    tags: list[str | Enum] = ["policy"]

    @app.get("/v1/policy", tags=tags, response_model=PolicyMeta, summary="The policy's id, name, version and note")
    async def meta(request: Request) -> Any:
        svc.caller(request)
        return policy.data.meta

    @app.get("/v1/policy/areas", tags=tags, response_model=list[AreaSummary], summary="Every duty area in brief")
    async def areas(request: Request) -> Any:
        svc.caller(request)
        return [{"id": a.id, "name": a.name, "en": a.en, "clause": a.clause, "problems": a.problems,
                 "authority": a.authority, "duties": [d.id for d in a.duties if d.id in policy.duties],
                 "problem_kinds": [k for (aid, k) in policy.kinds if aid == a.id]} for a in policy.data.areas]

    @app.get("/v1/policy/areas/{area}", tags=tags, response_model=Area, summary="One duty area in full")
    async def area(area: str, request: Request) -> Any:
        svc.caller(request)
        return _pick("area", policy.areas, _lib.canonical(policy, "area", area))

    @app.get("/v1/policy/bodies", tags=tags, response_model=list[Body], summary="Bodies, by level or area")
    async def bodies(request: Request, level: str | None = None, area: str | None = None) -> Any:
        svc.caller(request)
        # Query values, read as records read them (村, 危房改造) and refused as query values (400), as /chain's
        level = _lib.query_term(policy, "level", "level", level)
        area = _lib.query_term(policy, "area", "area", area)
        held = {h for did in policy.duties if policy.duty_area[did] == area
                for h in policy.duties[did].holders} if area else None
        return [b for b in policy.bodies.values()
                if (level is None or b.level == level) and (held is None or b.id in held)]

    @app.get("/v1/policy/bodies/{body}", tags=tags, response_model=Body, summary="One body")
    async def body(body: str, request: Request) -> Any:
        svc.caller(request)
        return _pick("body", policy.bodies, body)

    @app.get("/v1/policy/duties", tags=tags, response_model=list[DutyView],
             summary="Duties with their quoted clauses, by area or holder")
    async def duties(request: Request, area: str | None = None, body: str | None = None) -> Any:
        svc.caller(request)
        area = _lib.query_term(policy, "area", "area", area)
        if body is not None and body not in policy.bodies:
            wrong = _unknown("body", body, list(policy.bodies))
            raise ApiError(400, f"query parameter 'body': {wrong.message}", type="RequestError", field="query.body",
                           suggestion=wrong.suggestion)
        return [duty_view(did) for did, d in policy.duties.items()
                if (area is None or policy.duty_area[did] == area) and (body is None or body in d.holders)]

    @app.get("/v1/policy/duties/{duty}", tags=tags, response_model=DutyView, summary="One duty and its clause")
    async def duty(duty: str, request: Request) -> Any:
        svc.caller(request)
        return duty_view(_pick("duty", policy.duties, duty).id)

    @app.get("/v1/policy/clauses/{clause}", tags=tags, response_model=Clause, summary="One clause of the source")
    async def clause(clause: str, request: Request) -> Any:
        svc.caller(request)
        return _pick("clause", policy.clauses, clause)

    @app.get("/v1/policy/parameters", tags=tags, response_model=list[Parameter],
             summary="The parameters the text leaves open, with their values and why")
    async def parameters(request: Request) -> Any:
        svc.caller(request)
        return list(policy.parameters.values())

    @app.get("/v1/policy/chain", tags=tags, summary="The chain for an area or a place, as JSON or Mermaid",
             responses={200: {"content": {"application/json": {}, "text/plain": {}}}})
    async def chain(request: Request, area: str | None = None, place: str | None = None,
                    level: Annotated[list[str] | None, Query(description="keep bodies of these levels")] = None,
                    format: Literal["json", "mermaid"] = "json") -> Response:
        """The role graph (``responsibility graph``), or with ``place`` the concrete chain above that
        place; ``area`` keeps one duty area's holders and relations."""
        svc.caller(request)
        # Query values, read as records read them (危房改造, 村) and refused as query values (400).
        area = _lib.query_term(policy, "area", "area", area)
        levels = [str(_lib.query_term(policy, "level", "level", lv)) for lv in level] if level else None
        if place is not None:  # full-width digits, as a record's place
            place = _lib.record_place(place) or place
        try:
            g = _lib.chain_graph(policy, svc.jurisdiction, area=area, levels=levels, place=place)
        except ChainError as exc:
            raise ApiError(404, str(exc), type="ChainError") from None
        except JurisdictionError as exc:
            raise ApiError(400, f"query parameter 'place': {exc}", type="RequestError", field="query.place",
                           suggestion="give a division code of this server's jurisdiction (GET /version names it)"
                           ) from None
        if format == "mermaid":
            return PlainTextResponse(_lib.mermaid(g), media_type="text/plain; charset=utf-8")
        data = {"graph": _jsonable(g.graph),
                "nodes": [{"id": n, **_jsonable(d)} for n, d in g.nodes(data=True)],
                "edges": [{"source": u, "target": v, "key": k, **_jsonable(d)}
                          for u, v, k, d in g.edges(keys=True, data=True)]}
        return Response(jsonio.dumps(data), media_type="application/json")

