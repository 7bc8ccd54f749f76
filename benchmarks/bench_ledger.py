"""The ledger at scale: import, verify and the three lists, on SQLite and PostgreSQL.

Usage: python benchmarks/bench_ledger.py [--events N] [--problems M] [--runs R] [--pg URL | --no-pg]
[--stages import,verify,lists]
(defaults: N = 1,000,000 events, M = 100,000 problems, R = 3; PostgreSQL: a throw-away server
started on 127.0.0.1 like the tests do, when PostgreSQL is installed)

Stages, each in a fresh child process (so that its peak RSS is its own), medians of R runs:

- ``import``: ``Ledger.extend`` of N events streamed from a JSON-lines file (the stories of
  synthetic problems of ``bench_assess``'s mix: registered, discovered, reported/assigned,
  concealed, rectified) into an empty ledger, checked and hash-chained, in one transaction;
- ``verify``: the hash chain over the N events;
- ``lists``: the three lists (问题清单, 责任清单 with the engine's findings, 整改清单) of a
  ledger of M problems as of one day.

Each line: CPU seconds (user+sys of the child), wall seconds, peak RSS. Targets on 2 cores:
import ≤ 60 s, lists ≤ 5 s, verify ≤ 10 s, RSS ≤ 1 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DAY = "2022-06-30"


def make_events(n_events: int | None, n_problems: int | None, out: Path) -> tuple[int, int]:
    """Write the events of synthetic problems to ``out`` (JSON lines): (events, problems)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_assess import ledger as records

    import responsibility
    from responsibility import Jurisdiction
    from responsibility.ledger import events_from_record

    policy = responsibility.load()
    j = Jurisdiction.synthetic()
    want = n_problems or max(1, int((n_events or 0) / 4))
    events = problems = 0
    with open(out, "w", encoding="utf-8") as f:
        while True:
            batch = records(policy, j, want, seed=problems)
            for r in batch:
                r["id"] = f"B{problems}"
                evs = events_from_record(r)
                if n_events is not None and events + len(evs) > n_events:
                    return events, problems
                for e in evs:
                    f.write(json.dumps(e, ensure_ascii=False) + "\n")
                events += len(evs)
                problems += 1
                if n_problems is not None and problems >= n_problems:
                    return events, problems
            want = max(1000, int(((n_events or 0) - events) / 4) + 1000)


def stage(name: str, url: str, events_file: str) -> dict[str, Any]:
    """Run one stage in this process and return its own timings."""
    from responsibility import Jurisdiction, Ledger

    j = Jurisdiction.synthetic()
    out: dict[str, Any] = {}
    if name in ("import", "build"):
        def lines() -> Any:
            with open(events_file, encoding="utf-8") as f:
                for line in f:
                    yield json.loads(line)

        ledger = Ledger.create(url, jurisdiction=j)
        _ = ledger.policy
        t0, c0 = time.perf_counter(), time.process_time()
        out["events"] = ledger.extend(lines(), entered_by="bench")
        out["wall"], out["cpu"] = time.perf_counter() - t0, time.process_time() - c0
    elif name == "verify":
        ledger = Ledger.open(url, jurisdiction=j)
        t0, c0 = time.perf_counter(), time.process_time()
        result = ledger.verify()
        out["wall"], out["cpu"] = time.perf_counter() - t0, time.process_time() - c0
        assert result.ok, result
        out["events"] = result.events
    elif name == "lists":
        ledger = Ledger.open(url, jurisdiction=j)
        _ = ledger.policy
        t0, c0 = time.perf_counter(), time.process_time()
        lists = ledger.lists(DAY)
        out["wall"], out["cpu"] = time.perf_counter() - t0, time.process_time() - c0
        out["rows"] = {k: len(v) for k, v in lists.items()}
    ledger.close()
    out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


INLINE = False


def child(name: str, url: str, events_file: str) -> dict[str, Any]:
    """Run a stage in a fresh process; its timings, and its CPU and peak RSS as the OS saw them."""
    if INLINE:
        return stage(name, url, events_file)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run([sys.executable, __file__, "--stage", name, "--url", url, "--file", events_file],
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    if proc.returncode != 0:
        raise SystemExit(f"stage {name} failed:\n{proc.stderr[-3000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    result["process_cpu"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return result


def fresh(kind: str, base: str | None, tmp: Path, tag: str) -> str:
    """A new empty database URL."""
    if kind == "sqlite":
        return str(tmp / f"{tag}-{time.time_ns()}.db")
    assert base is not None
    import sqlalchemy as sa

    name = f"b{time.time_ns() % 10**12}"
    engine = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{name}"')
    engine.dispose()
    return f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{name}"


def report(label: str, runs: list[dict[str, Any]], extra: str = "") -> None:
    cpu = statistics.median(r["cpu"] for r in runs)
    wall = statistics.median(r["wall"] for r in runs)
    rss = max(r["rss_mb"] for r in runs)
    print(f"  {label:<8} CPU {cpu:7.2f} s   wall {wall:7.2f} s   peak RSS {rss:7.0f} MB   "
          f"(median of {len(runs)}){extra}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--problems", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--pg", default=None, help="A PostgreSQL URL (default: start a throw-away server)")
    ap.add_argument("--no-pg", action="store_true")
    ap.add_argument("--inline", action="store_true", help="Run the stages in this process (quick checks)")
    ap.add_argument("--stages", default="import,verify,lists",
                    help="Which stages to measure (comma-separated; default all three)")
    ap.add_argument("--stage", help=argparse.SUPPRESS)
    ap.add_argument("--url", help=argparse.SUPPRESS)
    ap.add_argument("--file", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.stage:
        print(json.dumps(stage(args.stage, args.url, args.file)))
        return
    global INLINE
    INLINE = args.inline
    tmp = Path(tempfile.mkdtemp(prefix="bench-ledger-"))
    big = tmp / "events.jsonl"
    small = tmp / "problems.jsonl"
    stages = set(args.stages.split(","))
    t0 = time.perf_counter()
    n_ev, n_pr = make_events(args.events, None, big) if stages & {"import", "verify"} else (0, 0)
    m_ev, m_pr = make_events(None, args.problems, small) if "lists" in stages else (0, 0)
    print(f"data: {n_ev:,} events of {n_pr:,} problems; {m_pr:,} problems with {m_ev:,} events "
          f"({time.perf_counter() - t0:.0f} s to generate)", flush=True)
    backends: list[tuple[str, str | None]] = [("sqlite", None)]
    server = None
    if not args.no_pg:
        base = args.pg
        if base is None:
            sys.path.insert(0, str(ROOT))
            try:
                from tests import pgserver

                server = pgserver.start()
                base = server.url()
            except Exception as exc:  # no PostgreSQL here: say so and go on with SQLite
                print(f"PostgreSQL: skipped ({exc})")
        if base is not None:
            backends.append(("postgresql", base))
    try:
        for kind, base in backends:
            print(f"{kind}:", flush=True)
            imports, verifies, lists = [], [], []
            for _ in range(args.runs if stages & {"import", "verify"} else 0):
                url = fresh(kind, base, tmp, "import")
                imports.append(child("import", url, str(big)))
                if "verify" in stages:
                    verifies.append(child("verify", url, str(big)))
            if imports:
                rate = n_ev / statistics.median(r["wall"] for r in imports)
                report("import", imports, f"; {n_ev:,} events read from JSON lines and stored, {rate:,.0f}/s wall")
            if verifies:
                report("verify", verifies, f"; {n_ev:,} events")
            if "lists" not in stages:
                continue
            url = fresh(kind, base, tmp, "lists")
            child("build", url, str(small))
            for _ in range(args.runs):
                lists.append(child("lists", url, str(small)))
            rows = lists[0]["rows"]
            report("lists", lists, f"; {m_pr:,} problems as of {DAY}: " +
                   ", ".join(f"{k} {v:,} rows" for k, v in rows.items()))
    finally:
        if server is not None:
            server.stop()
        for p in tmp.iterdir():
            p.unlink()
        tmp.rmdir()


if __name__ == "__main__":
    main()
