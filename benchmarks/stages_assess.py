"""Thread CPU seconds of each stage of one ``responsibility assess`` run, in this process (session 60, perf61).

Usage: python benchmarks/stages_assess.py LEDGER JURISDICTION_CSV [CORE_FUNCTIONS] [-- more assess options]
(e.g. ``… /tmp/bench/ledger.parquet /tmp/bench/province.csv returned_holders,holders -- --today 2022-06-30``)

Wraps the assessor's stages (encode, check, derive, expand, emit, the reference path's ``who_answers`` with the
building of its verdict's findings, which are made when first read), the Parquet
writer and the making of its Arrow pieces, and any ``batch/_core`` functions named (comma-separated: ``derive``
calls them by their module's names, so wrapping the module's attribute times them), and prints each one's thread CPU
seconds and calls beside the process's CPU seconds. Thread CPU (``time.thread_time``) counts what each stage itself
ran, whichever thread it ran in; a sampling profiler (py-spy ``--native``) counted threads waiting in
``Condition.wait`` as busy and put the reference path at 3x its cost. Run it twice after an edit: the first run after
any code change rebuilds the assessor cache (``batch/_saved.py``, keyed by the code's digest), and where
``PYTHONDONTWRITEBYTECODE`` is set, run ``python -m compileall src/responsibility`` first.
"""

from __future__ import annotations

import collections
import contextlib
import functools
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from typing import Any

from responsibility.batch import _assessor, _core, _emit, _io

TIMES: collections.Counter[str] = collections.Counter()
CALLS: collections.Counter[str] = collections.Counter()


def timed(label: str, f: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(f)
    def call(*a: Any, **k: Any) -> Any:
        t = time.thread_time()
        try:
            return f(*a, **k)
        finally:
            TIMES[label] += time.thread_time() - t
            CALLS[label] += 1
    return call


def main() -> None:
    args = sys.argv[1:]
    more: list[str] = []
    if "--" in args:
        at = args.index("--")
        args, more = args[:at], args[at + 1:]
    if len(args) < 2 or args[0] in ("-h", "--help"):
        # (the usage, not a traceback, for a run with too few arguments or asking for help)
        sys.exit(__doc__.split("\n\n")[1] if __doc__ else "usage: stages_assess.py LEDGER JURISDICTION_CSV")
    ledger, jurisdiction = args[0], args[1]
    for name in (args[2].split(",") if len(args) > 2 and args[2] else []):
        setattr(_core, name, timed(f"_core.{name}", getattr(_core, name)))
    for name in ("derive", "expand", "check", "encode_arrow"):
        setattr(_assessor, name, timed(name, getattr(_assessor, name)))
    decide = _assessor.who_answers

    def referred(*a: Any, **k: Any) -> Any:
        # (a verdict builds its findings when they are first read, right after: counted here with the deciding —
        # ~40% of what the referred records cost, which timing who_answers alone left out before session 63)
        verdict = decide(*a, **k)
        _ = verdict.findings
        return verdict

    _assessor.who_answers = timed("who_answers + findings (the referred records)", referred)
    _emit.Emitter.emit = timed("emit", _emit.Emitter.emit)  # type: ignore[method-assign]
    # (all of a chunk's assessing, the stages above with what runs between them)
    _assessor.Assessor.run = timed("Assessor.run (all of the assessing)", _assessor.Assessor.run)  # type: ignore[method-assign]
    _io.Sink._write_arrow = timed("writer (Sink._write_arrow)", _io.Sink._write_arrow)  # type: ignore[method-assign]
    pieces = _io.arrow_pieces

    def arrow_pieces(*a: Any, **k: Any) -> Iterator[Any]:
        it = pieces(*a, **k)
        while True:
            t = time.thread_time()
            try:
                piece = next(it)
            except StopIteration:
                return
            finally:
                TIMES["Arrow pieces"] += time.thread_time() - t
            yield piece

    _io.arrow_pieces = arrow_pieces  # type: ignore[assignment]
    from responsibility.cli import main as cli

    with tempfile.TemporaryDirectory() as tmp:
        sys.argv = ["responsibility", "assess", ledger, "-o", f"{tmp}/findings.parquet", "--jurisdiction",
                    jurisdiction, "--no-progress", *more]
        with contextlib.suppress(SystemExit):
            cli()
    ru = resource.getrusage(resource.RUSAGE_SELF)
    print(f"process CPU {ru.ru_utime + ru.ru_stime:.3f} s (user {ru.ru_utime:.2f}, sys {ru.ru_stime:.2f})",
          file=sys.stderr)
    for label, seconds in TIMES.most_common():
        print(f"{seconds:8.3f} s {CALLS[label]:6d}  {label}", file=sys.stderr)


if __name__ == "__main__":
    main()
