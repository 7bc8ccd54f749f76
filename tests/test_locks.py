"""responsibility._locks: the process-wide stores' lock, which a forked child finds free."""

from __future__ import annotations

import os
import sys
import threading

import pytest

from responsibility._locks import ForkSafeLock


def test_it_excludes_a_second_holder_and_is_free_after_the_block() -> None:
    lock = ForkSafeLock()
    with lock:
        assert lock.locked()
        got: list[bool] = []
        t = threading.Thread(target=lambda: got.append(lock._lock.acquire(timeout=0.05)))
        t.start()
        t.join()
        assert got == [False]
    assert not lock.locked()


def test_it_is_released_when_the_block_raises() -> None:
    lock = ForkSafeLock()
    with pytest.raises(ZeroDivisionError), lock:
        1 / 0  # noqa: B018
    assert not lock.locked()


@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
@pytest.mark.skipif(not hasattr(os, "fork") or sys.platform == "darwin", reason="needs os.fork")
def test_a_child_forked_while_another_thread_holds_it_finds_it_free() -> None:
    lock = ForkSafeLock()
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with lock:
            held.set()
            release.wait(5)

    t = threading.Thread(target=hold)
    t.start()
    held.wait(5)
    try:
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: the holding thread is not here
            ok = lock._lock.acquire(timeout=1)
            os.write(w, b"1" if ok and lock.locked() else b"0")
            os._exit(0)
        os.close(w)
        answer = os.read(r, 1)
        os.waitpid(pid, 0)
        assert lock.locked()  # (the parent's is still held by the thread)
    finally:
        release.set()
        t.join()
    assert answer == b"1"
