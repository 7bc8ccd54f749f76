"""Assessing chunks of Arrow records in worker processes, with results in input order.

Workers are forked from the process that made the :class:`~responsibility.batch._assessor.Assessor`
(``make`` returns it), so they share its policy, jurisdiction and tables without pickling; the
objects that exist at the fork are frozen for the garbage collector, which would otherwise
touch, and so copy, every inherited page in each worker. Each has two input and two
output slots in shared memory: the parent writes a chunk's records there as Arrow IPC, the
worker writes its finding rows there, and the parent reads them without copying. A chunk's
reasons (most of its bytes) are made straight into output slot 0, the other columns written
after them (:class:`Placer`), so they are never copied on their way to the writer; rows that
do not fit go piece by piece through both slots as Arrow IPC. Only small messages cross the
pipes (which are slow on some virtual machines, as are freshly faulted pages: the slots are
allocated once and reused).

Chunk ``k`` goes to worker ``k % n``; results come back and are written in chunk order, so
the output does not depend on the number of workers. A chunk is a record batch (Parquet) or a
:class:`~responsibility.batch._assessor.Part` read from a text file: its table goes through the
slot, its numbers, lines, rejects and given records (or a Part of Python records, whole) with the
message.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import mmap
import os
import pickle
import queue
import signal
import sys
import threading
import traceback
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # (multiprocessing is imported where workers start: a run of one process needs none of it)
    from multiprocessing.connection import Connection

    from ._assessor import Assessor, Part, Periods, Reject

IN_SLOT = 40 * 2**20
OUT_SLOT = 96 * 2**20
#: Rows of one output piece are cut so that a piece's IPC form fits a slot comfortably.
PIECE_BYTES = 24 * 2**20


def pieces(table: Any) -> list[Any]:
    """``table`` cut into row ranges of at most about :data:`PIECE_BYTES` (the same cut everywhere)."""
    n = table.num_rows
    return [table.slice(lo, hi - lo) for lo, hi in cuts(n, sum(c.nbytes for c in table.columns))] if n else [table]


def cuts(n: int, size: int) -> list[tuple[int, int]]:
    """The row ranges :func:`pieces` cuts ``n`` rows of ``size`` bytes in (none for no rows)."""
    count = max(1, -(-size // PIECE_BYTES))
    step = -(-n // count) if n else 0
    return [(i, min(i + step, n)) for i in range(0, n, step)] if n else []


@dataclass
class Meta:
    """What a chunk gave besides its rows."""

    rejects: list[Reject]
    records: int
    assessed: int
    referred: int
    counts: Any
    #: the templates the worker made for the chunk and what its derive asked of the policy since its last chunk
    #: (pickled: ``Templates.export`` by period, ``_core.asked_since`` by period), for the others
    templates: bytes | None = None


def _write_ipc(table: Any, buf: mmap.mmap | memoryview) -> int:
    import pyarrow as pa

    sink = pa.FixedSizeBufferWriter(pa.py_buffer(buf))
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write(table)
    return int(sink.tell())


def _align(n: int) -> int:
    return -(-n // 64) * 64


class _Stopped(Exception):
    """The parent asked a worker to stop while it waited for a slot."""


class Placer:
    """Puts a chunk's finding rows in one output slot (a worker's side of :func:`_read_rows`): the
    reasons' text first, made there by :func:`~._emit.reasons` (``Segments.place``), then their
    int32 offsets, then the other columns as Arrow IPC. Only one reasons array is placed per chunk;
    ``reserve`` waits for the slot (the rest of the chunk is made before it is needed)."""

    def __init__(self, buf: mmap.mmap, reserve: Callable[[], None]) -> None:
        self.buf, self.reserve = buf, reserve
        self.used: tuple[int, int, int] | None = None  # (rows, text size, where the offsets start)

    def __call__(self, size: int, n: int) -> tuple[Any, Any] | None:
        import numpy as np

        at = _align(size)
        if self.used is not None or _align(at + 4 * (n + 1)) > len(self.buf) - 2**20:
            return None
        self.reserve()
        self.used = (n, size, at)
        return np.frombuffer(self.buf, np.uint8, size, 0), np.frombuffer(self.buf, np.int32, n + 1, at)

    def finish(self, rows: Any, cut: list[int]) -> tuple[Any, ...] | None:
        """Write the columns but the reasons after them; the layout for :func:`_read_rows`, or
        ``None`` when ``rows``' reasons are not the ones placed or the rest does not fit."""
        import pyarrow as pa

        if self.used is None:
            return None
        n, size, at = self.used
        reason = rows.column(rows.num_columns - 1)
        base = pa.py_buffer(self.buf).address
        if reason.num_chunks != 1 or len(reason) != n or reason.chunk(0).offset:
            return None
        _, offsets, text = reason.chunk(0).buffers()
        if offsets.address != base + at or (size and text.address != base):
            return None
        start = _align(at + 4 * (n + 1))
        try:
            written = _write_ipc(rows.remove_column(rows.num_columns - 1), memoryview(self.buf)[start:])
        except OSError:  # out of room
            return None
        return n, size, at, start, written, cut


def _read_rows(buf: mmap.mmap, layout: tuple[Any, ...]) -> list[Any]:
    """The pieces of a chunk's rows in a slot (:class:`Placer`), without copying them."""
    import pyarrow as pa

    n, size, at, start, written, cut = layout
    whole = pa.py_buffer(buf)
    reason = pa.Array.from_buffers(pa.string(), n, [None, whole.slice(at, 4 * (n + 1)), whole.slice(0, size)])
    rest = pa.ipc.open_stream(whole.slice(start, written)).read_all()
    table = rest.append_column(pa.field("reason", pa.string()), [reason])
    out, lo = [], 0
    for rows in cut:
        out.append(table.slice(lo, rows))
        lo += rows
    return out


def _copied(column: Any) -> Any:
    """A string column whose buffers are this process's own."""
    import pyarrow as pa

    return pa.chunked_array([pa.concat_arrays([c, pa.array([], pa.string())]) for c in column.chunks], pa.string())


def _read_ipc(buf: mmap.mmap, size: int) -> Any:
    import pyarrow as pa

    return pa.ipc.open_stream(pa.py_buffer(memoryview(buf)[:size])).read_all()


class Pool:
    """``n`` forked workers assessing Arrow chunks for one :class:`~._assessor.Assessor`."""

    def __init__(self, make: Callable[[], Assessor | Periods], n: int) -> None:
        import multiprocessing as mp

        self.n = n
        ctx = mp.get_context("fork")
        self._in = [[mmap.mmap(-1, IN_SLOT) for _ in range(2)] for _ in range(n)]
        self._out = [[mmap.mmap(-1, OUT_SLOT) for _ in range(2)] for _ in range(n)]
        self._cmd: list[Connection] = []
        self._res: list[Connection] = []
        self._locks = [threading.Lock() for _ in range(n)]
        self._procs = []
        #: the parent's assessor: it takes the templates the workers make, to save them (:mod:`._saved`)
        self.assessor = make()
        warm(self.assessor)
        # Objects that exist now are shared with the workers; keep the collector from touching (and
        # so copying) them in each worker. (No collection first: a full one costs a twentieth of a
        # CPU second here and finds nothing after loading a policy.)
        gc.freeze()
        for w in range(n):
            cmd_r, cmd_w = ctx.Pipe(duplex=False)
            res_r, res_w = ctx.Pipe(duplex=False)
            with warnings.catch_warnings():  # forking before any thread of ours starts
                warnings.simplefilter("ignore", DeprecationWarning)
                # the child closes the parent's ends of every pipe, so that it sees EOF when the parent dies
                theirs = [cmd_w, res_r, *self._cmd, *self._res]
                proc = ctx.Process(target=_serve, args=(make, cmd_r, res_w, self._in[w], self._out[w], theirs,
                                                        os.getpid()),
                                   daemon=True, name=f"responsibility-assess-{w}")
                proc.start()
            cmd_r.close()
            res_w.close()
            self._cmd.append(cmd_w)
            self._res.append(res_r)
            self._procs.append(proc)
        gc.unfreeze()

    def _send(self, w: int, msg: tuple[Any, ...]) -> None:
        with self._locks[w]:
            self._cmd[w].send(msg)

    def release(self, w: int, slot: int) -> None:
        """Give output slot ``slot`` back to worker ``w`` (its rows are written); -1: none."""
        if slot >= 0:
            self._send(w, ("free", slot))

    def run(self, batches: Iterator[tuple[Any, int] | Part]) -> Iterator[tuple[Any, int, int, Meta | None]]:
        """For each (record batch, number of its first record), or :class:`~._assessor.Part`, in
        order: the pieces of its finding rows as they come, as (table, worker, slot, meta) — call
        :meth:`release` once a piece is written (its worker waits for the slot; the pieces of a
        chunk that share one slot give -1 but for the last) — the chunk's last piece with its meta."""
        import pyarrow as pa

        free_in = [[0, 1] for _ in range(self.n)]
        sent: list[tuple[int, int]] = []  # (worker, input slot) of chunks in flight, in order
        source = iter(batches)
        done = False
        k = 0  # the next chunk; it goes to worker k % n
        # The other workers start once the first chunk is done and its templates are theirs: most of
        # the templates a ledger needs are made on its first chunk, once instead of in every worker.
        gated = self.n > 1

        def feed() -> None:
            nonlocal done, k
            while not done and not (gated and k > 0):
                w = k % self.n
                if not free_in[w]:
                    return
                got = next(source, None)
                if got is None:
                    done = True
                    return
                batch, start, shell = _task(got)
                slot = free_in[w].pop(0)
                if batch is None:  # Python records: the part goes whole with the message
                    size, raw = -1, None
                else:
                    big = batch.nbytes if isinstance(batch, pa.Table) else pa.ipc.get_record_batch_size(batch)
                    fits = big < IN_SLOT - 2**20  # room for the schema
                    size = _write_ipc(batch, self._in[w][slot]) if fits else -1
                    raw = None if size >= 0 else _ipc_bytes(batch)
                self._send(w, ("task", slot, size, start, raw, shell))
                sent.append((w, slot))
                k += 1

        feed()
        while sent:
            w, slot = sent.pop(0)
            while True:
                kind, oslot, size, meta = self._recv(w)
                if meta is not None:
                    if meta.templates is not None:
                        for v in range(self.n):
                            if v != w:
                                self._send(v, ("templates", meta.templates))
                        adopt(self.assessor, meta.templates)
                        meta.templates = None
                    gated = False
                    free_in[w].append(slot)
                    feed()
                if kind == "rows":  # a whole chunk in one slot: freed with its last piece
                    cut = _read_rows(self._out[w][oslot], size)
                    for i, piece in enumerate(cut):
                        last = i == len(cut) - 1
                        yield piece, w, oslot if last else -1, meta if last else None
                else:
                    yield _read_ipc(self._out[w][oslot], size), w, oslot, meta
                if meta is not None:
                    break

    def _recv(self, w: int) -> tuple[Any, ...]:
        try:
            msg: tuple[Any, ...] = self._res[w].recv()
        except EOFError:
            raise RuntimeError(f"assessing worker {w} died (exit code {self._procs[w].exitcode})") from None
        if msg[0] == "error":
            raise RuntimeError(f"assessing worker {w} failed:\n{msg[1]}")
        return msg

    def close(self) -> None:
        for w in range(self.n):
            with contextlib.suppress(OSError):
                self._send(w, ("stop",))
        for proc in self._procs:
            proc.join(5)
            if proc.is_alive():
                proc.kill()


def _ipc_bytes(batch: Any) -> bytes:
    import pyarrow as pa

    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, batch.schema) as writer:
        writer.write(batch)
    return bytes(sink.getvalue())


def _task(got: tuple[Any, int] | Part) -> tuple[Any, int, Part | None]:
    """(Arrow records to send through a slot or None, number of the first record, the rest of a part or None)."""
    if isinstance(got, tuple):
        return got[0], got[1], None
    start = int(got.numbers[0]) if len(got.numbers) else (got.rejects[0][0] if got.rejects else 0)
    if not got.arrow:
        return None, start, got
    return got.source, start, dataclasses.replace(got, source=None)


def _serve(make: Callable[[], Assessor | Periods], cmd: Connection, res: Connection, ins: list[mmap.mmap],
           outs: list[mmap.mmap], theirs: list[Connection], parent: int) -> None:
    """A worker: make its assessor, then assess each task's records, write the rows to a free
    output slot, report. It exits when its parent dies (however it dies)."""
    for c in theirs:
        with contextlib.suppress(OSError):
            c.close()
    _die_with(parent)
    arrow_without_pandas()
    import pyarrow as pa

    from ._assessor import arrow_parts
    from ._core import asked_since

    free = [0, 1]
    tasks: list[tuple[Any, ...]] = []
    assessor: Assessor | Periods | None = None
    exported: dict[int, int] = {}  # templates of each period made or taken so far
    sent: dict[int, dict[str, int]] = {}  # answers of each period's policy memos given on so far (asked_since)

    def take(msg: tuple[Any, ...]) -> bool:
        if msg[0] == "free":
            free.append(msg[1])
        elif msg[0] == "task":
            tasks.append(msg)
        elif msg[0] == "templates" and assessor is not None:
            adopt(assessor, msg[1])
            exported.update({p: len(tpl.start) for p, tpl in assessor.all_templates().items()})
        return bool(msg[0] != "stop")

    later: list[tuple[Any, ...]] = []  # templates that came while a chunk was being made

    def reserve() -> None:
        """Wait until output slot 0 is free, and take it. (Templates that come meanwhile are taken
        after the chunk: those it made are not sent to the others yet.)"""
        while 0 not in free:
            msg = inbox.get()
            if msg[0] == "templates":
                later.append(msg)
            elif not take(msg):
                raise _Stopped
        free.remove(0)

    # The parent may block sending to this worker (another worker's templates, a task) while this
    # worker blocks sending its rows to the parent: with both messages over a pipe's buffer neither
    # would ever read. A thread that always reads the command pipe keeps the parent's sends moving.
    inbox: queue.SimpleQueue[tuple[Any, ...]] = queue.SimpleQueue()

    def pump() -> None:
        while True:
            try:
                msg = cmd.recv()
            except (EOFError, OSError):
                msg = ("stop",)
            inbox.put(msg)
            if msg[0] == "stop":
                return

    threading.Thread(target=pump, name="commands", daemon=True).start()
    try:
        assessor = make()
        segments = assessor.segments
        segments.reuse = True  # a chunk's rows are written to the slot before the next chunk is made
        dicts = assessor.dictionaries
        exported.update({p: len(tpl.start) for p, tpl in assessor.all_templates().items()})
        for p, tpl in assessor.all_templates().items():  # (the parent has what the worker started with)
            asked_since(tpl, sent.setdefault(p, {}))
        while True:
            if not tasks and not take(inbox.get()):
                break
            while later:
                take(later.pop(0))
            if not tasks:
                continue
            while not inbox.empty():  # templates the other workers made, before this task
                if not take(inbox.get()):
                    return
            _, slot, size, start, raw, shell = tasks.pop(0)
            parts: Iterable[Part]
            if shell is not None and not shell.arrow:
                table, parts = None, [shell]
            else:
                source = pa.py_buffer(memoryview(ins[slot])[:size]) if size >= 0 else pa.py_buffer(raw)
                table = pa.ipc.open_stream(source).read_all()
                parts = [dataclasses.replace(shell, source=table)] if shell is not None else \
                    arrow_parts(table, assessor.t, start=start)
            counts = None
            rejects: list[Reject] = []
            records = assessed = referred = 0
            tables = []
            placer = Placer(outs[0], reserve)  # the chunk's reasons are made straight into output slot 0
            segments.place = placer
            for part in parts:
                result = assessor.run(part)
                tables.append(assessor.table(result, dicts))
                rejects += result.rejects
                records += result.records
                assessed += result.assessed
                referred += result.referred
                counts = result.counts if counts is None else counts + result.counts
            rows = pa.concat_tables(tables) if len(tables) > 1 else tables[0]
            made, asked = {}, {}
            for p, tpl in assessor.all_templates().items():
                if len(tpl.start) > exported[p]:
                    made[p] = tpl.export(exported[p])
                    exported[p] = len(tpl.start)
                new = asked_since(tpl, sent.setdefault(p, {}))
                if new:
                    asked[p] = new
            meta = Meta(rejects, records, assessed, referred, counts,
                        pickle.dumps((made, asked)) if made or asked else None)
            segments.place = None
            cut = pieces(rows)
            layout = placer.finish(rows, [piece.num_rows for piece in cut])
            if layout is not None:  # the whole chunk in slot 0, the reasons where they were made
                res.send(("rows", 0, layout, meta))
            else:  # rows that do not fit: piece by piece, each through a slot as Arrow IPC
                if placer.used:  # (their reasons are in slot 0: copied out first)
                    rows = rows.set_column(rows.num_columns - 1, "reason", _copied(rows.column("reason")))
                    cut = pieces(rows)
                    free.insert(0, 0)
                for i, piece in enumerate(cut):
                    while not free:
                        if not take(inbox.get()):
                            return
                    oslot = free.pop(0)
                    res.send(("piece", oslot, _write_ipc(piece, outs[oslot]), meta if i == len(cut) - 1 else None))
            del table, parts, rows, tables, cut, placer
    except _Stopped:
        pass
    except BaseException:
        with contextlib.suppress(OSError):
            res.send(("error", traceback.format_exc()))
    finally:
        os._exit(0)


def adopt(assessor: Assessor | Periods, made: bytes) -> None:
    """Take the templates another process of this run made and the answers its derive got from the policy
    (``Meta.templates``)."""
    from ._core import seed_asked

    templates, asked = pickle.loads(made)  # from a worker of this run
    for p, tpl in assessor.all_templates().items():
        tpl.adopt(templates.get(p, []))
        if p in asked:
            seed_asked(tpl, asked[p])


def warm(assessor: Assessor | Periods) -> None:
    """Do before the fork what every worker would otherwise do for itself on its first chunk:
    import the modules assessing needs that nothing before it imports (numpy.ma, which ``np.unique``
    imports on first use: ~0.01 CPU s in every worker), compile the rules of every duty area, make
    the finding columns' dictionaries as Arrow arrays and word the template rows known so far for
    the emitters (the workers inherit them). Not pyarrow.compute (~0.05 CPU s): the fast path does not
    import it, in a worker or in one process; a worker imports it only for a value that needs it."""
    import numpy.ma  # noqa: F401

    from ._assessor import Periods

    if not assessor.loaded:  # (templates from the cache: rules are compiled where a new one is made)
        compiled = assessor.t.decider.compiled
        for area in assessor.t.areas:
            compiled.fire(area, [])
    if isinstance(assessor, Periods):
        assessor.arrow_dictionaries()
        for period in assessor.all_templates():
            assessor.assessor(period).emitter.sync()
    else:
        assessor.dictionaries.arrow_all()
        assessor.emitter.sync()


def arrow_without_pandas() -> None:
    """Keep pandas out of this process (a worker, or a run that meets no data frame) until
    :func:`allow_pandas`.

    pyarrow imports pandas, when it is installed, on the first array it builds from Python or
    numpy values (a third of a CPU second) and tries again on every conversion of Python values
    while it cannot; so pandas is made unimportable here. Call it after anything that looks for
    pandas (``importlib.util.find_spec`` too) has looked.
    """
    if "pandas" not in sys.modules and _NoPandas not in sys.meta_path:
        sys.meta_path.insert(0, _NoPandas)


def allow_pandas() -> None:
    """Undo :func:`arrow_without_pandas`."""
    if _NoPandas in sys.meta_path:
        sys.meta_path.remove(_NoPandas)


class _NoPandas:
    """An import finder that finds no pandas."""

    @staticmethod
    def find_spec(name: str, path: Any = None, target: Any = None) -> None:
        if name == "pandas" or name.startswith("pandas."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)


def _die_with(parent: int) -> None:
    """Have the kernel kill this process when its parent dies (Linux), and exit now if it already has."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:
        os._exit(0)


def default_workers() -> int:
    """The processes a big Parquet input is assessed by when ``--workers`` is not given: one worker
    per CPU this process may use beyond one, at most 4; 1 (no workers) on one or two CPUs.

    The parent of the workers keeps a CPU busy by itself: it reads the input and writes every
    finding row (the Parquet writer alone is ~1.5 CPU s of a 1M-record run), and workers only share
    the assessing. One process already runs its reading and writing threads beside the assessing
    one, so on two CPUs two workers only added their own cost (each forks, warms its own memory and
    makes its own reasons' segments; rows and chunks go through shared memory): at 1M records
    (2 CPUs, 1 Dec 2026) they took more CPU seconds and more wall time than one process.
    """
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cpus = os.cpu_count() or 1
    n = min(cpus - 1, 4)
    return n if n >= 2 else 1


def merge_counts(a: Any, b: Any) -> Any:
    """Sum two count arrays, either of which may be ``None``."""
    if a is None:
        return b
    import numpy as np

    return a if b is None else np.asarray(a) + np.asarray(b)


def collect_rarely() -> Callable[..., None]:
    """Run Python's cycle collector rarely in this process, for a batch run; returns what sets it
    back as it was (``undo(collector=False)``: all but the collector's thresholds, for a process that
    ends now — restoring them has the next allocation collect every young object, ~0.015 CPU s of a
    ten-record run, which the exit does not need).

    By default it runs every 700 new containers, and each run visits every item of the young
    lists (a chunk makes lists of tens of thousands of values); a full run visits the whole
    policy and jurisdiction. Loading the policy and assessing a chunk make few cycles, so every
    100,000 containers is plenty: at 1M records this saves about 0.3 CPU seconds. It also calls
    :func:`keep_arrow_memory`.
    """
    before = gc.get_threshold()
    gc.set_threshold(100_000, 50, 1000)
    kept = keep_arrow_memory()

    def undo(collector: bool = True) -> None:
        if collector:
            gc.set_threshold(*before)
        kept()

    return undo


#: The allocator options :func:`keep_arrow_memory` sets, and their values: never give memory back, and
#: no transparent huge pages for Arrow's memory.
ARROW_MEMORY = {"MIMALLOC_PURGE_DELAY": "-1", "MIMALLOC_ALLOW_THP": "0"}


def keep_arrow_memory() -> Callable[[], None]:
    """Have Arrow's allocator (mimalloc, pyarrow's default on Linux) keep freed memory for reuse,
    in pages of the usual size, when pyarrow is imported after this (:func:`collect_rarely`, which a
    batch run calls first, calls it); returns what sets the environment back (pyarrow keeps the
    options once imported).

    By default mimalloc gives freed memory back to the system within milliseconds, and every chunk
    then faults its buffers in afresh, zeroed by the kernel: at 1M records that was about 38,000
    page faults and 0.5 CPU seconds of a 7 s run with one worker (peak memory grew by about 15%).
    And it asks for transparent huge pages on its whole reserve (a gigabyte; ``MADV_HUGEPAGE``): the
    first touch of any of its small pages (64 KiB) then has the kernel zero two megabytes, and at
    times compact memory to find them; at 1M records (2 cores, Linux 6, huge pages "madvise") that
    was 0.2 to 0.6 CPU seconds of kernel time (``clear_page_erms``, mostly in the reading thread and
    in the assessing one), about 0.3 CPU s more than with pages of 4 KiB. A value the user set is kept.
    """
    if "pyarrow" in sys.modules:
        return lambda: None
    chosen = [name for name in ARROW_MEMORY if name not in os.environ]
    for name in chosen:
        os.environ[name] = ARROW_MEMORY[name]

    def undo() -> None:
        for name in chosen:
            os.environ.pop(name, None)

    return undo


def one_blas_thread() -> None:
    """Have numpy's OpenBLAS start no threads of its own, when numpy is imported after this, unless
    the user chose (``OPENBLAS_NUM_THREADS``). For the command's own process only: it stays so once
    numpy is imported.

    Assessing makes no BLAS call, but OpenBLAS starts a thread per CPU when numpy is imported, and
    they spin a while waiting for work: ~0.04 CPU s of every run (a ten-record ``assess``: 0.376 ->
    0.335 CPU s, medians of 12 interleaved, 2 CPUs, load ~6).
    """
    if "numpy" not in sys.modules:
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def keep_freed_memory() -> None:
    """Ask glibc to keep freed memory for reuse instead of returning it to the system at once.

    Chunks allocate and free buffers of the same sizes over and over; on machines where a fresh
    page costs a fault (microseconds each), reusing them saves about a fifth of the run.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(-3, 32 * 1024 * 1024)  # M_MMAP_THRESHOLD: allocate up to 32 MiB from the heap
        libc.mallopt(-1, 512 * 1024 * 1024)  # M_TRIM_THRESHOLD: keep up to 512 MiB of freed heap
    except (OSError, AttributeError):  # not glibc
        pass
