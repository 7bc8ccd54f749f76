"""Assessment on Dask: 1, 2 and 4 workers of a local cluster against one machine, same records.

Usage: python benchmarks/bench_dask.py [N] [--workers 1,2,4] [--runs R] [--partitions P] [--data DIR]
    [--base LEDGER.parquet]
(default N = 4,000,000 problems, R = 3 runs, P = 16 Parquet files)

The ledger is the synthetic province of ``bench_assess.py`` (1,000,000 problems made once, then
repeated with fresh ids up to N), written as one Parquet file and as a directory of P files.
Each figure is a fresh ``responsibility assess`` process, CPU seconds (user + sys of it, its
cluster and workers) beside wall seconds, medians of R runs, interleaved:

- one machine: ``assess ledger.parquet`` with one worker process and with the default (one per
  CPU, at most 4);
- Dask: ``assess ledger/ --dask local:W`` (a ``LocalCluster`` of W worker processes, one thread
  each, on 127.0.0.1) writing a directory of findings, for each W;
- the scheduler's overhead: the same Dask run on a ledger of one problem, beyond one machine's run
  of that problem (cluster start and stop, scheduler, one task of each kind), and the CPU seconds
  of Dask with one worker beyond one machine with one worker on N records, start-ups left out of
  both (the part that grows with N: pandas partitions in and out, the graph's tasks, a Parquet
  writer per partition).

The machine the figures come from is printed with them (CPUs, load): with fewer cores than
workers, wall seconds cannot fall further and CPU seconds show what the extra workers cost.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_assess import TODAY, ledger, run, write_parquet

BASE = 1_000_000  # problems made by the generator; more are copies with fresh ids


def prepare(data: Path, n: int, partitions: int, reuse: Path | None = None) -> tuple[Path, Path, Path, Path]:
    """The jurisdiction CSV, the ledger as one file and as a directory, and a one-problem directory."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    import responsibility
    from responsibility import Jurisdiction

    jcsv, single, parted, tiny = data / "province.csv", data / "ledger.parquet", data / "ledger", data / "tiny"
    stamp = data / "ledger.n"
    if stamp.exists() and stamp.read_text() == f"{n} {partitions}" and single.exists():
        return jcsv, single, parted, tiny
    j = Jurisdiction.synthetic()
    jcsv.write_text(j.to_csv(), encoding="utf-8")
    base = reuse or data / "base.parquet"
    if reuse is None:
        write_parquet(ledger(responsibility.load(), j, min(n, BASE)), base)
    one = pq.read_table(base)
    copies = []
    for k in range(-(-n // len(one))):
        ids = pc.binary_join_element_wise(pa.scalar(f"C{k}-"), one.column("id"), "")
        copies.append(one.set_column(0, "id", ids))
    table = pa.concat_tables(copies).slice(0, n)
    pq.write_table(table, single, compression="zstd", row_group_size=65536)
    for d in (parted, tiny):
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir()
    step = -(-n // partitions)
    for i in range(partitions):
        pq.write_table(table.slice(i * step, step), parted / f"part-{i:03d}.parquet", compression="zstd",
                       row_group_size=65536)
    pq.write_table(table.slice(0, 1), tiny / "part-000.parquet")
    stamp.write_text(f"{n} {partitions}")
    return jcsv, single, parted, tiny


def cmd(src: Path, out: Path, jcsv: Path, *more: str) -> list[str]:
    rejects = out.with_name(out.name + "-rejects" + out.suffix)
    return [sys.executable, "-m", "responsibility", "assess", str(src), "-o", str(out), "--rejects", str(rejects),
            "--jurisdiction", str(jcsv), "--today", TODAY, "--no-progress", *more]


def main(argv: list[str] | None = None) -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("n", nargs="?", type=int, default=4_000_000, help="problems in the ledger")
    args.add_argument("--workers", default="1,2,4", help="Dask worker processes, comma-separated")
    args.add_argument("--runs", type=int, default=3, help="runs of each measurement (the median is printed)")
    args.add_argument("--partitions", type=int, default=16, help="Parquet files of the Dask input")
    args.add_argument("--data", type=Path, default=None, help="keep the generated inputs here (reused)")
    args.add_argument("--base", type=Path, default=None,
                      help="a ledger.parquet made by bench_assess.py (same synthetic province) to repeat")
    opts = args.parse_args(argv)
    workers = [int(w) for w in opts.workers.split(",") if w]
    with tempfile.TemporaryDirectory() as tmp:
        data = opts.data or Path(tmp)
        data.mkdir(parents=True, exist_ok=True)
        jcsv, single, parted, tiny = prepare(data, opts.n, opts.partitions, opts.base)
        out = Path(tmp)
        results: dict[str, tuple[list[float], list[float]]] = {}

        def measure(name: str, command: list[str]) -> None:
            wall, cpu, _, _, _ = run(command)
            print(f"  {name}: {cpu:.2f} CPU s, {wall:.2f} s wall", file=sys.stderr, flush=True)
            results.setdefault(name, ([], []))[0].append(cpu)
            results[name][1].append(wall)
            for p in out.glob("o*"):
                shutil.rmtree(p) if p.is_dir() else p.unlink()

        for _ in range(opts.runs):
            measure("one machine, 1 worker", cmd(single, out / "o.parquet", jcsv, "--workers", "1"))
            measure("one machine, default workers", cmd(single, out / "o.parquet", jcsv))
            for w in workers:
                measure(f"dask local:{w}", cmd(parted, out / "o", jcsv, "--dask", f"local:{w}"))
            measure("dask local:1, one problem", cmd(tiny, out / "o", jcsv, "--dask", "local:1"))
            measure("one machine, one problem",
                    cmd(tiny / "part-000.parquet", out / "o.parquet", jcsv, "--workers", "1"))
        med = {k: (statistics.median(v[0]), statistics.median(v[1])) for k, v in results.items()}
        cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
        print(f"{opts.n:,} problems ({opts.partitions} Parquet files for Dask); medians of {opts.runs} runs; "
              f"{cpus} CPUs, load {os.getloadavg()[0]:.1f}")
        print(f"{'':34s}{'CPU s':>9}{'wall s':>9}{'records/s wall':>16}")
        for name, (cpu, wall) in med.items():
            n = 1 if "one problem" in name else opts.n
            print(f"{name:34s}{cpu:9.2f}{wall:9.2f}{n / wall:16,.0f}")
        fixed = med["dask local:1, one problem"]
        tiny_one = med["one machine, one problem"]
        one = med["one machine, 1 worker"][0]
        if 1 in workers:
            work = one - tiny_one[0]
            grows = med["dask local:1"][0] - fixed[0] - work
            print(f"scheduler overhead: {fixed[0] - tiny_one[0]:.2f} CPU s / {fixed[1] - tiny_one[1]:.2f} s wall fixed "
                  f"(a Dask run of one problem beyond one machine's run of it: cluster start and stop, scheduler); "
                  f"beyond that Dask with 1 worker costs {grows:+.2f} CPU s ({grows / work:+.1%}) over one machine "
                  f"with 1 worker on {opts.n:,} problems")
        for w in workers:
            print(f"dask local:{w} / one machine 1 worker: {med[f'dask local:{w}'][0] / one:.2f}x CPU, "
                  f"{med[f'dask local:{w}'][1] / med['one machine, 1 worker'][1]:.2f}x wall")


if __name__ == "__main__":
    main()
