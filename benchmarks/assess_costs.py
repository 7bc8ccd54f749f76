"""Where the CPU seconds of `responsibility assess` go: a cost table by stage and process.

Usage: python benchmarks/assess_costs.py LEDGER JURISDICTION.csv [--workers W] [--today DAY] [--rules DIR]
(LEDGER: any input assess reads; the start-up line below only for a Parquet one)

Runs ``responsibility assess LEDGER -o (a temporary file)`` in this process (its workers forked from
it, as the command does), with each stage's function wrapped to add up the CPU time of the thread
that runs it, and prints per process (parent, workers summed) the CPU seconds of each stage and the
process totals (user + sys, from ``getrusage``); then the fixed start-up (the same command on the
ledger's first ten records) beside what a process needs to start pyarrow and read them, which is
all the floor of ``bench_assess.py`` starts with.

Stage times are thread CPU seconds, so they add up within a thread; the parent's reading (a thread
of its own) is its total less what is listed. Beside each process's CPU are the part of it spent in
the kernel (sys) and the minor page faults of the same thread and stage (``RUSAGE_THREAD``): memory
touched for the first time is faulted in and zeroed by the kernel, which counts as CPU seconds too
(a fresh process pays it for every buffer it grows, once; a worker's leftover of faults can come
out below zero: thread and process counters are kept apart). The wrapping costs a little (a few
thousand calls). A stage is a private function: when one is renamed this script says which and stops.
"""

from __future__ import annotations

import argparse
import collections
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

#: (module, attribute path, label): the stages, in the order they run. Labels starting with
#: two spaces are parts of the stage above them.
STAGES = [
    ("responsibility.chain._jurisdiction", "Jurisdiction.from_csv", "jurisdiction CSV"),
    ("responsibility.cli._cli", "load_policy", "policy"),
    ("responsibility.batch._assessor", "make_assessor", "assessor (tables, emitter)"),
    ("responsibility.batch._workers", "warm", "before the fork (imports, rules compiled)"),
    ("responsibility.batch._assessor", "Part.encode", "encode (input columns to codes)"),
    ("responsibility.batch._assessor", "check", "check (relations)"),
    ("responsibility.batch._assessor", "derive", "derive (facts)"),
    ("responsibility.batch._assessor", "expand", "expand (rows of facts)"),
    ("responsibility.batch._core", "Templates._make", "  templates made"),
    ("responsibility.batch._core", "Templates.adopt", "templates taken from another worker"),
    ("responsibility.batch._assessor", "who_answers", "reference path (who_answers)"),
    ("responsibility.batch._emit", "Emitter.emit", "emit (columns and reasons)"),
    ("responsibility.batch._emit", "Emitter.sync", "  template rows synced"),
    ("responsibility.batch._emit", "Emitter.slot", "  slot values"),
    ("responsibility.batch._emit", "Emitter._segments", "  segments"),
    ("responsibility.batch._emit", "reasons", "  reasons gathered"),
    ("responsibility.batch._assessor", "to_arrow", "Arrow table"),
    ("responsibility.batch._emit", "Lazy.array", "reasons made by the writer (one process)"),
    ("responsibility.batch._workers", "Placer.finish", "output slot: other columns"),
    # the parent writes its input chunks so; a worker its pieces, inside Placer.finish (not to be added again)
    ("responsibility.batch._workers", "_write_ipc", "IPC writes (parent: inputs; workers: pieces, in the line above)"),
    ("responsibility.batch._workers", "_read_rows", "rows read from a slot"),
    ("responsibility.batch._io", "Sink._write_arrow", "Parquet writer"),
]


#: Prefixes of the keys of each stage's sys seconds and minor page faults.
SYS, FAULTS = "sys ", "faults "


def _wrap(acc: collections.defaultdict[str, float]) -> None:
    import importlib

    for module, path, label in STAGES:
        owner: Any = importlib.import_module(module)
        *outer, name = path.split(".")
        for part in outer:
            owner = getattr(owner, part)
        if not hasattr(owner, name):
            raise SystemExit(f"assess_costs.py: {module}.{path} is gone; update STAGES")
        f = getattr(owner, name)

        def timed(*a: Any, _f: Any = f, _label: str = label, **k: Any) -> Any:
            t, u = time.thread_time(), resource.getrusage(resource.RUSAGE_THREAD)
            try:
                return _f(*a, **k)
            finally:
                v = resource.getrusage(resource.RUSAGE_THREAD)
                acc[_label] += time.thread_time() - t
                acc[SYS + _label] += v.ru_stime - u.ru_stime
                acc[FAULTS + _label] += v.ru_minflt - u.ru_minflt

        setattr(owner, name, timed)


def _cpu() -> float:
    u = resource.getrusage(resource.RUSAGE_SELF)
    return u.ru_utime + u.ru_stime


def _kernel() -> dict[str, float]:
    """This process's sys seconds and minor faults so far (``total`` keys of the table)."""
    u = resource.getrusage(resource.RUSAGE_SELF)
    return {SYS + "total": u.ru_stime, FAULTS + "total": float(u.ru_minflt)}


def measure(ledger: str, jurisdiction: str, workers: int, today: str, rules: str | None = None
            ) -> dict[str, dict[str, float]]:
    """Stage CPU seconds by process ("parent", "workers"), with "total" for each."""
    import multiprocessing as mp

    acc: collections.defaultdict[str, float] = collections.defaultdict(float)
    _wrap(acc)
    from responsibility.batch import _workers

    queue = mp.get_context("fork").SimpleQueue()
    serve = _workers._serve

    def serving(*a: Any, **k: Any) -> None:  # a worker: report its own stages as it exits
        inherited = dict(acc)  # (the parent's figures up to the fork: left out)
        real_exit = os._exit

        def leave(code: int) -> None:
            queue.put({**{k: v - inherited.get(k, 0.0) for k, v in acc.items()}, "total": _cpu(), **_kernel()})
            real_exit(code)

        os._exit = leave  # type: ignore[assignment]
        serve(*a, **k)

    _workers._serve = serving
    from responsibility.cli import main

    with tempfile.TemporaryDirectory() as tmp:
        code = main(["assess", ledger, "-o", str(Path(tmp) / "findings.parquet"), "--jurisdiction", jurisdiction,
                     "--today", today, "--no-progress", "--workers", str(workers),
                     *(["--rules", rules] if rules else [])])
        if code not in (0, 1):
            raise SystemExit(f"assess exited {code}")
    result = {"parent": {**acc, "total": _cpu(), **_kernel()}}
    summed: collections.defaultdict[str, float] = collections.defaultdict(float)
    for _ in range(workers if workers > 1 else 0):
        for k, v in queue.get().items():
            summed[k] += v
    if summed:
        result["workers"] = dict(summed)
    return result


def start_up(ledger: str, jurisdiction: str, today: str) -> tuple[float, float]:
    """CPU seconds of the command on the ledger's first ten records, and of a process that starts
    pyarrow and reads them (medians of 3 fresh processes)."""
    import statistics

    import pyarrow.parquet as pq

    with tempfile.TemporaryDirectory() as tmp:
        ten = Path(tmp) / "ten.parquet"
        pq.write_table(pq.ParquetFile(ledger).read_row_group(0).slice(0, 10), ten)
        cmd = [sys.executable, "-m", "responsibility", "assess", str(ten), "-o", str(Path(tmp) / "o.parquet"),
               "--jurisdiction", jurisdiction, "--today", today, "--no-progress"]
        floor = [sys.executable, "-c", f"import pyarrow.parquet as pq; pq.ParquetFile({str(ten)!r}).read()"]
        runs: dict[str, list[float]] = {"assess": [], "floor": []}
        for _ in range(3):
            for name, c in (("assess", cmd), ("floor", floor)):
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                subprocess.run(c, capture_output=True, check=False)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                runs[name].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        return statistics.median(runs["assess"]), statistics.median(runs["floor"])


def main(argv: list[str] | None = None) -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("ledger")
    args.add_argument("jurisdiction")
    args.add_argument("--workers", type=int, default=2)
    args.add_argument("--today", default="2022-06-30")
    args.add_argument("--rules", help="a policy directory (e.g. with dated amendments) instead of the shipped one")
    opts = args.parse_args(argv)
    table = measure(opts.ledger, opts.jurisdiction, opts.workers, opts.today, opts.rules)
    labels = [label for _, _, label in STAGES]
    procs = list(table)
    print(f"{'CPU s (thread CPU by stage; totals user + sys)':48s}"
          + "".join(f"{p:>10}{'sys':>7}{'faults':>8}" for p in procs))

    def row(label: str, key: str, cpu: dict[str, float]) -> str:
        return f"{label:48s}" + "".join(f"{cpu[p]:10.3f}{table[p].get(SYS + key, 0.0):7.3f}"
                                        f"{table[p].get(FAULTS + key, 0.0):8.0f}" for p in procs)

    for label in labels:
        if any(table[p].get(label) for p in procs):
            print(row(label, label, {p: table[p].get(label, 0.0) for p in procs}))
    top = [label for label in labels if not label.startswith("  ")]
    listed = {p: sum(table[p].get(label, 0.0) for label in top) for p in procs}
    for p in procs:
        for key in (SYS, FAULTS):
            table[p][key + "rest"] = table[p][key + "total"] - sum(table[p].get(key + label, 0.0) for label in top)
    print(row("not listed (parent: start, reading, the pool)", "rest",
              {p: table[p]["total"] - listed[p] for p in procs}))
    print(row("process total", "total", {p: table[p]["total"] for p in procs}))
    print(f"all processes: {sum(table[p]['total'] for p in procs):.3f} CPU s")
    with open(opts.ledger, "rb") as f:
        parquet = f.read(4) == b"PAR1"
    if not parquet:  # (the ten records are cut from the ledger's first row group)
        print("start-up: measured on a Parquet ledger only")
        return
    assess, floor = start_up(opts.ledger, opts.jurisdiction, opts.today)
    print(f"start-up (10 records, fresh processes, medians of 3): assess {assess:.2f} CPU s, "
          f"pyarrow starting and reading them {floor:.2f} CPU s")


if __name__ == "__main__":
    main()
