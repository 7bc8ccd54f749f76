"""Running chunks: reading ahead and writing behind in threads.

Parquet decoding and encoding release the GIL, so a reader thread and a writer thread
overlap with the assessing thread; the chunks still leave in input order.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
_END = object()


def prefetch(items: Iterable[T], depth: int = 2) -> Iterator[T]:
    """``items``, produced by a background thread up to ``depth`` ahead (its errors re-raised here)."""
    q: queue.Queue[object] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def put(item: object) -> bool:
        """Hand ``item`` over; ``False`` once the consumer has gone (never blocked for ever on a full queue)."""
        while not stop.is_set():
            try:
                q.put(item, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in items:
                if not put(item):
                    return
        except BaseException as exc:  # handed to the consumer
            put(_Failed(exc))
            return
        put(_END)

    thread = threading.Thread(target=produce, name="responsibility-read", daemon=True)
    thread.start()
    try:
        while True:
            got = q.get()
            if got is _END:
                return
            if isinstance(got, _Failed):
                raise got.exc
            yield got  # type: ignore[misc]
    finally:
        stop.set()
        # The producer ends at its next hand-over; one blocked reading (standard input that stays open, as
        # at a Ctrl-C or SIGTERM) is left behind (a daemon thread): waiting for it would hang the exit.
        thread.join(_LEFT_AFTER)


#: Seconds the consumer waits for the producer to end once it stops reading.
_LEFT_AFTER = 2.0


class _Failed:
    def __init__(self, exc: BaseException) -> None:
        self.exc = exc


class Behind:
    """Runs callables in order on a background thread, at most ``depth`` waiting.

    :meth:`close` waits for them and re-raises the first error; after an error the rest are skipped.
    """

    def __init__(self, depth: int = 2) -> None:
        self._q: queue.Queue[Callable[[], object] | None] = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="responsibility-write", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (job := self._q.get()) is not None:
            if self._error is None:
                try:
                    job()
                except BaseException as exc:  # re-raised by close()
                    self._error = exc

    def submit(self, job: Callable[[], object]) -> None:
        if self._error is not None:
            raise self._error
        self._q.put(job)

    def close(self) -> None:
        self._q.put(None)
        self._thread.join()
        if self._error is not None:
            raise self._error
