"""A deadline for a request's headers, which uvicorn does not have.

uvicorn reads a request's headers before the application sees anything, and waits for them as long as the
client likes: its ``timeout_keep_alive`` runs only between requests (and stops at the first byte of the next),
``h11_max_incomplete_event_size`` bounds their size, not their time, and ``limit_concurrency`` answers 503 to
everyone once the slow connections fill it. So a client sending its headers a byte now and then held a
connection for good, and a few thousand such held every file descriptor the server had (hostile28, hostile29).

:func:`protocol` is uvicorn's HTTP protocol (httptools where installed, else h11) with one addition: from a
connection's first byte, and from the first byte after each answer, the request's headers must have all come
within ``RESPONSIBILITY_BODY_SECONDS`` (``serve --body-seconds``, 30 by default); past it the connection is
answered 408 and closed. ``responsibility serve`` runs with it; uvicorn's own command takes no protocol class
(``--http`` is a choice of three): a deployer running ``uvicorn responsibility.service:app`` itself puts a reverse
proxy in front (nginx's ``client_header_timeout``), or calls ``uvicorn.run(..., http=Protocol)``.
"""

from __future__ import annotations

import asyncio
import os
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

from . import _jsonio as jsonio
from ._errors import ApiError

try:
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol as _Base
except ImportError:  # pragma: no cover - httptools is optional in uvicorn
    _Base = H11Protocol  # type: ignore[assignment,misc]


def header_seconds() -> float:
    """The deadline for a request's headers: ``RESPONSIBILITY_BODY_SECONDS``, else 30."""
    value = os.environ.get("RESPONSIBILITY_BODY_SECONDS", "")
    return float(value) if value.isdigit() and int(value) > 0 else 30.0


def _late(seconds: float) -> bytes:
    """The whole 408 answer, in the service's error shape."""
    error = ApiError(408, f"the request's headers did not arrive within {seconds:g} seconds, the limit of this "
                     "server", type="RequestTimeout", field="(headers)", limit=seconds,
                     suggestion="send the request at once (a client that sends its headers a byte at a time is cut "
                     "off); on a slow link ask the server's operator to raise --body-seconds")
    body = jsonio.dumps(error.body())
    return (b"HTTP/1.1 408 Request Timeout\r\ncontent-type: application/json\r\nconnection: close\r\n"
            b"content-length: " + str(len(body)).encode() + b"\r\n\r\n" + body)


class _HeaderDeadline:
    """Mixed into a uvicorn protocol: the headers of each request within :func:`header_seconds`."""

    cycle: Any
    transport: asyncio.Transport
    loop: asyncio.AbstractEventLoop

    def connection_made(self, transport: asyncio.Transport) -> None:
        super().connection_made(transport)  # type: ignore[misc]
        self._seconds = header_seconds()
        self._timer: asyncio.TimerHandle | None = None
        self._armed_for: Any = None
        self._arm()

    def data_received(self, data: bytes) -> None:
        # between requests (none yet, or the last one answered) a byte starts the next request's deadline, unless
        # one is running for it already; a request whose headers came has no deadline here (its body has the app's)
        if (self.cycle is None or self.cycle.response_complete) and \
                (self._timer is None or self._armed_for is not self.cycle):
            self._arm()
        super().data_received(data)  # type: ignore[misc]

    def connection_lost(self, exc: Exception | None) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        super().connection_lost(exc)  # type: ignore[misc]

    def _arm(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._armed_for = self.cycle
        self._timer = self.loop.call_later(self._seconds, self._headers_late, self.cycle)

    def _headers_late(self, cycle: Any) -> None:
        self._timer = None
        if self.cycle is cycle and not self.transport.is_closing():  # no request's headers came since
            self.transport.write(_late(self._seconds))
            self.transport.close()


class Protocol(_HeaderDeadline, _Base):  # type: ignore[misc]
    """uvicorn's HTTP protocol (httptools, else h11) with a deadline for a request's headers."""


class H11(_HeaderDeadline, H11Protocol):  # type: ignore[misc]
    """uvicorn's h11 protocol with a deadline for a request's headers."""
