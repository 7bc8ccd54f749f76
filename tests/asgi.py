"""The service under test: a request body that comes slowly, for the deadline tests (test_hostile28, test_hostile29),
and the app with one county caller (the ux tests)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Iterator
from typing import Any


def paced_receive(chunks: list[tuple[float, bytes]], end: bool = True) -> Callable[[], Awaitable[dict[str, Any]]]:
    """An ASGI ``receive`` giving ``chunks`` (seconds waited before it, bytes) in turn; after the last it says the body
    ended (``end``) or waits for good (a client that sends nothing more)."""
    parts = list(chunks)

    async def receive() -> dict[str, Any]:
        if not parts:
            await asyncio.sleep(3600)
        wait, data = parts.pop(0)
        await asyncio.sleep(wait)
        return {"type": "http.request", "body": data, "more_body": not (end and not parts)}

    return receive


@contextlib.contextmanager
def county_client(name: str, **settings: Any) -> Iterator[Any]:
    """A ``TestClient`` of the service with one caller, ``name``, a county's (330127) whose bearer token is
    ``secret-<name>``, and ``settings`` (e.g. ``ledger``); server errors come back as responses."""
    from fastapi.testclient import TestClient

    from responsibility.service import Settings, TokenStore, create_app, token_hash

    tokens = TokenStore.from_data({"tokens": [{"name": name, "role": "county", "jurisdiction": "330127",
                                               "sha256": token_hash(f"secret-{name}")}]})
    with TestClient(create_app(Settings(tokens=tokens, **settings)), raise_server_exceptions=False) as c:
        yield c
