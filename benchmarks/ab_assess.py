"""Two versions of the code, one run: ``responsibility assess`` before and after a change, with the floor.

Usage: python benchmarks/ab_assess.py LEDGER.parquet JURISDICTION.csv --a SRC_A --b SRC_B
    [--runs R] [--workers W,...] [--today DAY] [--env-b NAME=VALUE]

Then the start-up: each on the ledger's first ten records, beside pyarrow starting and reading them.

``SRC_A`` and ``SRC_B`` are ``src`` directories of two checkouts (e.g. a ``git worktree`` of main and
this one); each command runs as a fresh process of this interpreter with ``PYTHONPATH`` set to its
directory (ahead of the editable install), so the same interpreter and libraries run both. The
C extension is whatever each directory holds (copy a built ``batch/_gather*.so`` into a plain
checkout, or leave it out to measure the fallback). ``--env-b`` sets a variable for B only.

For every worker count, A, B and the pyarrow floor of ``bench_assess.py`` (reading the same file,
writing the same finding rows) run interleaved R times; printed: medians of CPU seconds (user + sys,
workers included) and wall seconds, B / A and each / floor, all from the same run. One run of each
that is not measured comes first (it fills the cache of what an assessor builds, as a user's first
run does), and the outputs of A and B are compared row for row (they must be equal).

Each side has a cache directory of its own (``RESPONSIBILITY_CACHE_DIR``, in a temporary directory):
the per-user cache keeps only the newest entries, and on a machine where others assess too, theirs
would push out the entry a side's first run made, and a measured run would build it again.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_assess import cpu_of_children, floor


def one(src: Path, ledger: str, jcsv: str, out: Path, workers: int, today: str,
        env: dict[str, str]) -> tuple[float, float]:
    """CPU and wall seconds of one ``assess`` with the code in ``src``."""
    cmd = [sys.executable, "-m", "responsibility", "assess", ledger, "-o", str(out), "--jurisdiction", jcsv,
           "--today", today, "--no-progress", "--workers", str(workers)]
    cpu0, start = cpu_of_children(), time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, env={**os.environ, **env, "PYTHONPATH": str(src)}, check=False)
    wall, cpu = time.perf_counter() - start, cpu_of_children() - cpu0
    if proc.returncode not in (0, 1):
        raise SystemExit(f"assess ({src}) failed ({proc.returncode}):\n{proc.stderr.decode()[-3000:]}")
    return cpu, wall


def same(a: Path, b: Path) -> bool:
    import pyarrow.parquet as pq

    return bool(pq.read_table(a).equals(pq.read_table(b)))


def main(argv: list[str] | None = None) -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("ledger")
    args.add_argument("jurisdiction")
    args.add_argument("--a", required=True, type=Path)
    args.add_argument("--b", required=True, type=Path)
    args.add_argument("--runs", type=int, default=3)
    args.add_argument("--workers", default="2,1")
    args.add_argument("--today", default="2022-06-30")
    args.add_argument("--env-b", action="append", default=[])
    opts = args.parse_args(argv)
    env_b = dict(x.split("=", 1) for x in opts.env_b)
    print(f"A = {opts.a}, B = {opts.b} {env_b or ''}; medians of {opts.runs}, CPU s (user + sys) / wall s")
    with tempfile.TemporaryDirectory() as tmp:
        out_a, out_b, again = Path(tmp) / "a.parquet", Path(tmp) / "b.parquet", Path(tmp) / "floor.parquet"
        env_a = {"RESPONSIBILITY_CACHE_DIR": str(Path(tmp) / "cache-a")}
        env_b = {**env_b, "RESPONSIBILITY_CACHE_DIR": str(Path(tmp) / "cache-b")}
        for w in (int(x) for x in opts.workers.split(",")):
            one(opts.a, opts.ledger, opts.jurisdiction, out_a, w, opts.today, env_a)
            one(opts.b, opts.ledger, opts.jurisdiction, out_b, w, opts.today, env_b)
            equal = same(out_a, out_b)
            got: dict[str, list[tuple[float, float]]] = {"A": [], "B": [], "floor": []}
            for _ in range(opts.runs):
                got["A"].append(one(opts.a, opts.ledger, opts.jurisdiction, out_a, w, opts.today, env_a))
                got["B"].append(one(opts.b, opts.ledger, opts.jurisdiction, out_b, w, opts.today, env_b))
                wall, cpu = floor(Path(opts.ledger), "parquet", out_a, again)
                got["floor"].append((cpu, wall))
            med = {k: (statistics.median(c for c, _ in v), statistics.median(x for _, x in v)) for k, v in got.items()}
            pairs = [b[0] / a[0] for a, b in zip(got["A"], got["B"], strict=True)]
            print(f"workers {w}: outputs {'equal' if equal else 'DIFFER'}; load {os.getloadavg()[0]:.1f}")
            for k, (cpu, wall) in med.items():
                print(f"  {k:6s} {cpu:7.2f} CPU s {wall:7.2f} wall s   ×floor {cpu / med['floor'][0]:.2f}")
            print(f"  B / A  {med['B'][0] / med['A'][0]:.3f} (pairs: {', '.join(f'{p:.3f}' for p in pairs)}; "
                  f"median of the pairs {statistics.median(pairs):.3f})")
            # each side against the floor run beside it (the load moves all three alike within a round)
            for k in ("A", "B"):
                own = [x[0] / f[0] for x, f in zip(got[k], got["floor"], strict=True)]
                print(f"  {k} / floor round by round: {', '.join(f'{r:.2f}' for r in own)}; "
                      f"median {statistics.median(own):.2f}")
            if not equal:
                raise SystemExit(1)
        start_up(opts, Path(tmp), env_a, env_b)


def start_up(opts: argparse.Namespace, tmp: Path, env_a: dict[str, str], env_b: dict[str, str]) -> None:
    """The command on the ledger's first ten records (each side with the cache its 1M runs filled), and
    pyarrow starting and reading them: medians of ``3 * runs`` interleaved fresh processes."""
    import pyarrow.parquet as pq

    ten = tmp / "ten.parquet"
    pq.write_table(pq.ParquetFile(opts.ledger).read_row_group(0).slice(0, 10), ten)
    out = tmp / "ten-out.parquet"
    got: dict[str, list[float]] = {"A": [], "B": [], "floor": []}
    for _ in range(3 * opts.runs):
        got["A"].append(one(opts.a, str(ten), opts.jurisdiction, out, 1, opts.today, env_a)[0])
        got["B"].append(one(opts.b, str(ten), opts.jurisdiction, out, 1, opts.today, env_b)[0])
        cpu0 = cpu_of_children()
        subprocess.run([sys.executable, "-c", f"import pyarrow.parquet as pq; pq.ParquetFile({str(ten)!r}).read()"],
                       check=True)
        got["floor"].append(cpu_of_children() - cpu0)
    med = {k: statistics.median(v) for k, v in got.items()}
    print(f"start-up (10 records, medians of {3 * opts.runs}): A {med['A']:.3f}, B {med['B']:.3f}, "
          f"pyarrow {med['floor']:.3f} CPU s; B / A {med['B'] / med['A']:.3f}")


if __name__ == "__main__":
    main()
