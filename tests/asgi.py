"""A request body that comes slowly, for the service's deadline tests (test_hostile28, test_hostile29)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
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
