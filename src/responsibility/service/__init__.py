"""The service wing: the library's answers over HTTP, for systems not written in Python.

An ASGI application (FastAPI): :func:`create_app` builds one from :class:`Settings`;
``responsibility.service:app`` is the one the environment describes (so ``uvicorn
responsibility.service:app`` or any ASGI server runs it); ``responsibility serve`` starts it on
loopback. Endpoints: ``POST /v1/verdict`` (who answers for one problem), ``POST /v1/route`` (who must
act on a new one now), ``POST /v1/assess`` (many, as JSON lines), ``GET /v1/policy/…`` (areas,
bodies, duties and clauses, parameters, the chain as JSON or Mermaid), ``/v1/ledger/…`` (with a
ledger: its three lists, alerts, events page by page, appending events, duplicates and merges,
indices, import and export of the office workbook), ``GET /health`` and ``GET /version``;
the OpenAPI description is at ``/openapi.json`` and ``/docs``.

Holds the application and routes (``_app``), the policy views (``_policy_views``), batches
(``_batch``), tokens and jurisdictions (``_auth``), the decision log (``_log``), errors as JSON
(``_errors``), response shapes (``_models``), JSON in and out (``_jsonio``), several server
processes on one port (``_workers``), a deadline for a request's headers under uvicorn (``_protocol``) and the
calls into the wings below (``_lib``).

May import: ``_errors``, ``policy``, ``chain``, ``engine``, ``batch``, ``checks`` and ``ledger``.
Must not import ``cli`` or the facade.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._auth import ROLES, Principal, TokenStore, new_token, token_hash
from ._log import DecisionLog, digest, findings_hash, read_log, replay

if TYPE_CHECKING:
    from ._app import Service, Settings, create_app

__all__ = ["ROLES", "DecisionLog", "Principal", "Service", "Settings", "TokenStore", "create_app", "digest",
           "findings_hash", "new_token", "read_log", "replay", "token_hash"]

_default_app: Any = None


def __getattr__(name: str) -> Any:
    # The application's names load FastAPI on first use, so tokens and the log work without the
    # extra; ``responsibility.service:app`` is built on first use, from the environment.
    global _default_app
    if name in ("Service", "Settings", "create_app"):
        from . import _app

        return getattr(_app, name)
    if name == "app":
        if _default_app is None:
            from ._app import create_app

            _default_app = create_app()
        return _default_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
