"""The assessing thread's stages, two versions of the code side by side: thread CPU seconds of each stage of
``Assessor.run`` (and of the Arrow pieces the writer is handed) over a whole ledger, without the reader and the
writer around them.

Usage: python benchmarks/ab_stages.py LEDGER.parquet JURISDICTION.csv --a SRC_A --b SRC_B
    [--pairs P] [--rounds R] [--today DAY] [--wrap MODULE:NAME,...]

``SRC_A`` and ``SRC_B`` are ``src`` directories of two checkouts (each with its C extensions built in place, or
copied there); each side runs as a fresh process of this interpreter with ``PYTHONPATH`` set to it, ``P`` times,
interleaved (A then B, then B then A, and so on). A process reads the whole ledger first (not counted), assesses
it once to fill its cache entry (a cache directory of its own per side, so that other runs on the machine neither
push it out nor see it), then ``R`` times with a fresh assessor from that entry, as a run of the command starts:
every stage's thread CPU seconds of each round, and the minor page faults of the assessing thread. Printed per
side: the median over pairs of each stage's fastest round, and B / A; and whether both sides made the same bytes (a
digest of every Arrow buffer of the first round's pieces).

Why beside ``ab_assess.py``: on this shared machine (2 CPUs, load 5-15) a whole run's CPU seconds vary by ±5-10%
from run to run, more than most single changes to the assessing thread are worth; the fastest of several rounds
of each stage in one process varies by ~2-4% (a stage left alone moves as much: read a change against them), so a
change of 10 ms a run shows, and which stage it moved.
``--wrap batch_module:Name.attr`` adds stages (e.g. ``_emit:Emitter.slot,_core:merge_rows``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

#: (module under responsibility.batch, attribute path, label): the stages every run reports
STAGES = [("_assessor", "Part.encode", "encode"), ("_assessor", "check", "check"), ("_assessor", "derive", "derive"),
          ("_assessor", "expand", "expand"), ("_emit", "Emitter.emit", "emit"), ("_io", "to_arrow", "to_arrow"),
          ("_emit", "Lazy.array", "reasons")]

#: One side's process: argv = ledger, jurisdiction, today, rounds, extra stages (JSON); prints one JSON line.
CHILD = r"""
import collections, datetime as dt, hashlib, importlib, json, os, resource, sys, time
ledger, jcsv, today, rounds, stages = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), json.loads(sys.argv[5])
from responsibility.batch._workers import collect_rarely, keep_freed_memory, one_blas_thread
one_blas_thread(); keep_freed_memory(); collect_rarely()
import numpy as np
import responsibility
from responsibility.batch import _assessor, _io
from responsibility.chain._jurisdiction import Jurisdiction
acc = collections.defaultdict(float)
for module, path, label in stages:
    owner = importlib.import_module("responsibility.batch." + module)
    *outer, name = path.split(".")
    for part in outer:
        owner = getattr(owner, part)
    f = getattr(owner, name)
    def timed(*a, _f=f, _label=label, **k):
        t = time.thread_time()
        try:
            return _f(*a, **k)
        finally:
            acc[_label] += time.thread_time() - t
    setattr(owner, name, timed)
policy = responsibility.load()
j = Jurisdiction.from_csv(jcsv)
day = dt.date.fromisoformat(today)
assessor = _assessor.make_assessor(policy, j, today=day)
parts = list(_io.Source(ledger, "parquet", assessor.t).parts())
scratch = [np.empty(1 << 20, np.uint8)]
def into(size):
    if len(scratch[0]) < size:
        scratch[0] = np.empty(size * 5 // 4, np.uint8)
    return scratch[0]
out = {"rounds": [], "digest": None}
for r in range(rounds + 1):
    if r:
        assessor = _assessor.make_assessor(policy, j, today=day)
    acc.clear()
    digest = hashlib.sha1()
    t0, f0 = time.thread_time(), resource.getrusage(resource.RUSAGE_THREAD).ru_minflt
    for part in parts:
        res = assessor.run(part)
        for piece in _io.arrow_pieces(res.columns, assessor.dictionaries, into):
            if r == 0:
                for column in piece.columns:
                    for chunk in column.chunks:
                        for buf in chunk.buffers():
                            if buf is not None:
                                digest.update(buf)
            del piece
    total = time.thread_time() - t0
    faults = resource.getrusage(resource.RUSAGE_THREAD).ru_minflt - f0
    if r == 0:
        assessor.save()
        out["digest"] = digest.hexdigest()[:16]
        continue
    out["rounds"].append({"total": total, "faults": faults, **acc})
print(json.dumps(out))
"""


def side(src: Path, opts: argparse.Namespace, stages: list[tuple[str, str, str]], cache: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(src), "RESPONSIBILITY_CACHE_DIR": str(cache)}
    proc = subprocess.run([sys.executable, "-c", CHILD, opts.ledger, opts.jurisdiction, opts.today, str(opts.rounds),
                           json.dumps(stages)], capture_output=True, env=env, check=False)
    if proc.returncode:
        raise SystemExit(f"{src} failed ({proc.returncode}):\n{proc.stderr.decode()[-3000:]}")
    got: dict = json.loads(proc.stdout.decode().strip().splitlines()[-1])
    return got


def main(argv: list[str] | None = None) -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("ledger")
    args.add_argument("jurisdiction")
    args.add_argument("--a", required=True, type=Path)
    args.add_argument("--b", required=True, type=Path)
    args.add_argument("--pairs", type=int, default=3)
    args.add_argument("--rounds", type=int, default=4)
    args.add_argument("--today", default="2022-06-30")
    args.add_argument("--wrap", default="")
    opts = args.parse_args(argv)
    stages = [*STAGES, *((m, p, p) for m, p in (w.split(":") for w in opts.wrap.split(",") if w))]
    labels = ["total", *(label for _, _, label in stages), "faults"]
    best: dict[str, dict[str, list[float]]] = {"A": {k: [] for k in labels}, "B": {k: [] for k in labels}}
    digests: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for pair in range(opts.pairs):
            # (A first, then B first: whichever runs second in a pair ran ~2-4% slower at load 6-9, in every stage)
            order = (("A", opts.a), ("B", opts.b)) if pair % 2 == 0 else (("B", opts.b), ("A", opts.a))
            for name, src in order:
                got = side(src, opts, stages, Path(tmp) / f"cache-{name}")
                digests[name] = got["digest"]
                for k in labels:
                    best[name][k].append(min(r.get(k, 0.0) for r in got["rounds"]))
    print(f"A = {opts.a}, B = {opts.b}; {opts.pairs} pairs of processes, each the fastest of {opts.rounds} rounds "
          f"(thread CPU s; faults: the assessing thread's); load {os.getloadavg()[0]:.1f}")
    print(f"outputs {'equal' if digests['A'] == digests['B'] else 'DIFFER'}")
    for k in labels:
        a, b = statistics.median(best["A"][k]), statistics.median(best["B"][k])
        ratio = f"{b / a:6.3f}" if a else "     -"
        print(f"  {k:24s} A {a:9.4f}   B {b:9.4f}   B / A {ratio}")
    if digests["A"] != digests["B"]:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
