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

    def produce() -> None:
        try:
            for item in items:
                if stop.is_set():
                    return
                q.put(item)
        except BaseException as exc:  # handed to the consumer
            q.put(_Failed(exc))
            return
        q.put(_END)

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
        while thread.is_alive():  # let a blocked producer finish its put
            try:
                q.get_nowait()
            except queue.Empty:
                thread.join(0.01)


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
