"""Running chunks: reading ahead and writing behind in threads.

Parquet decoding and encoding release the GIL, so a reader thread and a writer thread
overlap with the assessing thread; the chunks still leave in input order.
"""

from __future__ import annotations

import queue
import threading
import time
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
            self._q.task_done()

    def submit(self, job: Callable[[], object]) -> None:
        if self._error is not None:
            raise self._error
        self._q.put(job)

    def drain(self) -> None:
        """Wait until every job submitted has run; re-raise the first error (as :meth:`submit` would)."""
        self._q.join()
        if self._error is not None:
            raise self._error

    def close(self) -> None:
        self._q.put(None)
        self._thread.join()
        if self._error is not None:
            raise self._error


class Overlap:
    """Whether a chunk's rows are written behind (in the writer thread, while the next chunk is assessed)
    or at once in the assessing thread: behind while the two threads run at the same time, at once
    while they do not.

    On a machine whose CPUs are busy with other work the two threads take turns on what CPU the process
    gets, so writing behind saves no time, and it costs CPU seconds: two chunks' memory in use at once
    and two working sets in the caches, each evicting the other's (1M records to Parquet, one process,
    load ~5 on 2 CPUs: writing at once took ~4.5% fewer CPU seconds, and no more wall time). So each
    chunk handed over measures how much CPU the process had since the one before (CPU seconds of all
    its threads per second of wall time): written behind, less than :data:`PARALLEL` means the threads
    did not run side by side, and the next chunks are written at once; every :data:`PROBE`-th of those
    is written behind again, to see whether they now do."""

    #: CPU seconds per wall second below which writing behind did not overlap the assessing
    PARALLEL = 1.2
    #: while writing at once, every PROBE-th chunk is written behind (and measured) again
    PROBE = 4

    def __init__(self, clock: Callable[[], tuple[float, float]] | None = None) -> None:
        #: (CPU seconds of the process, wall seconds) now
        self._clock = clock or (lambda: (time.process_time(), time.perf_counter()))
        self._last: tuple[float, float] | None = None
        self._behind = True  # how the chunk handed over last was written
        self._inline = 0  # chunks written at once since the last written behind

    def inline(self) -> bool:
        """Whether the chunk handed over now is to be written at once (called once per chunk)."""
        now = self._clock()
        last, self._last = self._last, now
        if last is None:  # (the first chunk: nothing measured yet)
            return False
        if self._behind:
            cpu, wall = now[0] - last[0], now[1] - last[1]
            self._behind = wall <= 0 or cpu / wall >= self.PARALLEL
            self._inline = 0
        else:
            self._inline += 1
            self._behind = self._inline % self.PROBE == 0
        return not self._behind
