"""The service wing: the library's answers over HTTP, for systems not written in Python.

An ASGI application (FastAPI): :func:`create_app` builds one from :class:`Settings`;
``responsibility.service:app`` is the one the environment describes (so ``uvicorn
responsibility.service:app`` or any ASGI server runs it); ``responsibility serve`` starts it on
loopback. Endpoints: ``POST /v1/verdict`` (who answers for one problem), ``POST /v1/route`` (who must
act on a new one now), ``POST /v1/assess`` (many, as JSON lines), ``GET /v1/policy/…`` (areas,
bodies, duties and clauses, parameters, the chain as JSON or Mermaid), ``/v1/ledger/…`` (with a
ledger: its three lists, alerts, events, appending events), ``GET /health`` and ``GET /version``;
the OpenAPI description is at ``/openapi.json`` and ``/docs``.

Holds the application and routes (``_app``), the policy views (``_policy_views``), batches
(``_batch``), tokens and jurisdictions (``_auth``), the decision log (``_log``), errors as JSON
(``_errors``), response shapes (``_models``) and the calls into the wings below (``_lib``).

May import: ``_errors``, ``policy``, ``chain``, ``engine``, ``batch``, ``checks`` and ``ledger``.
Must not import ``cli`` or the facade.
"""

from __future__ import annotations

from typing import Any

from ._app import Service, Settings, create_app
from ._auth import ROLES, Principal, TokenStore, new_token, token_hash
from ._log import DecisionLog, digest, findings_hash, read_log, replay

__all__ = ["ROLES", "DecisionLog", "Principal", "Service", "Settings", "TokenStore", "create_app", "digest",
           "findings_hash", "new_token", "read_log", "replay", "token_hash"]

_app: Any = None


def __getattr__(name: str) -> Any:
    # ``responsibility.service:app``: built on first use, from the environment (Settings.from_env).
    global _app
    if name == "app":
        if _app is None:
            _app = create_app()
        return _app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
