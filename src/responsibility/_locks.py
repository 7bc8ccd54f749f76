"""A lock for the process-wide stores the wings keep (rule sets, batch tables, readings): one that a child made by
``os.fork`` gets free.

Batch workers and the service's workers are forked while another thread may hold such a lock; the child has only
the forking thread, so a lock held elsewhere at the fork would never be released there. What each lock guards is
whole between two steps of a thread, so the child may start with a new, free one. This module imports nothing from
the package (the bottom layer, docs/architecture.md).
"""

from __future__ import annotations

import os
import threading
import weakref
from types import TracebackType


class ForkSafeLock:
    """A non-reentrant lock, used as ``with lock:``, that a forked child finds released.

    Example::

        _STORE_LOCK = ForkSafeLock()
        with _STORE_LOCK:
            _STORE[key] = value
    """

    __slots__ = ("__weakref__", "_lock")

    def __init__(self) -> None:
        self._lock = threading.Lock()
        if hasattr(os, "register_at_fork"):
            ref = weakref.ref(self)

            def renew() -> None:
                if (lock := ref()) is not None:
                    lock._lock = threading.Lock()

            os.register_at_fork(after_in_child=renew)

    def __enter__(self) -> bool:
        return self._lock.acquire()

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._lock.release()

    def locked(self) -> bool:
        """Whether a thread holds it now."""
        return self._lock.locked()
