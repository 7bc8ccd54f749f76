"""Throughput of batch assessment on a synthetic province, against a naive peer and a floor.

Usage: python benchmarks/bench_assess.py [N] [--runs R] [--naive M] [--workers W]
(default N = 1,000,000 problems, R = 3 runs, M = 2,000 problems for the naive peer)

In one run it prints:

- ``assess``: ``responsibility assess`` from a Parquet file to a Parquet file, as a fresh
  process (start-up included): records/s and peak memory (RSS of the largest of its processes,
  and PSS of all of them together, which counts shared memory once);
- the naive peer: ``who_answers(engine="durable")`` per problem, i.e. one durable-rules session
  per problem on the same generated rulesets, rows built from its findings;
- the floor: per record, a dict lookup of the precomputed finding rows for its shape and place
  (the whole record but its id; keys made beforehand), emitting the same rows into columns;
- the ratios, and the cold start of ``responsibility who`` on one problem.

The ledger: a synthetic province (11 cities, 90 counties, 1,300 townships, 25,000 villages) and
problems over every duty area and kind, every failure and severity, mostly handled in order as
a real ledger is: 85% in villages, 55% found by the place's own level, 92% reported or assigned,
85% of those in time, 70% with a deadline, 85% rectified by it, 2% concealed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import responsibility
from responsibility import Jurisdiction, Policy

LEVELS = ["village", "township", "county", "city", "province"]
ROOT = Path(__file__).resolve().parents[1]
TODAY = "2022-06-30"


def ledger(policy: Policy, j: Jurisdiction, n: int, *, seed: int = 0) -> list[dict[str, Any]]:
    """``n`` problem records over ``j`` (see the module docstring for the mix)."""
    rnd = random.Random(seed)
    rank = {lv: i for i, lv in enumerate(LEVELS)}
    villages = [p.code for p in j.at_level("village")]
    townships = [p.code for p in j.at_level("township")]
    areas = sorted(policy.problem_areas)
    kinds = {a: sorted(k for x, k in policy.kinds if x == a) for a in areas}
    own = sorted(c for c, ch in policy.channels.items() if ch.own_work)
    outside = sorted(c for c, ch in policy.channels.items() if not ch.own_work)
    bodies = {lv: sorted(b for b, body in policy.bodies.items() if body.level == lv) for lv in LEVELS}
    start = dt.date(2021, 1, 1)
    out = []
    for i in range(n):
        area = rnd.choice(areas)
        kind = rnd.choice(kinds[area]) if kinds[area] and rnd.random() < 0.6 else None
        place = rnd.choice(villages) if rnd.random() < 0.85 else rnd.choice(townships)
        prank = 0 if place[9:] != "000" else 1
        r: dict[str, Any] = {"id": f"P{i:08d}", "domain": area, "place": place,
                             "severity": rnd.choices(["minor", "serious", "grave"], [75, 20, 5])[0]}
        if kind:
            r["kind"] = kind
        auth = rank[policy.kinds[(area, kind)].authority if kind else policy.areas[area].authority]
        on = start + dt.timedelta(days=rnd.randrange(330))
        if rnd.random() < 0.03:  # not yet discovered
            r["as_of"] = (on + dt.timedelta(days=rnd.randrange(60))).isoformat()
            out.append(r)
            continue
        finder = min(4, prank + rnd.choices([0, 1, 2, 3, 4], [55, 20, 15, 6, 4])[0])
        channel = rnd.choice(own if finder <= 1 else outside)
        found: dict[str, Any] = {"level": LEVELS[finder], "channel": channel, "on": on.isoformat()}
        if bodies[LEVELS[finder]] and rnd.random() < 0.1:
            found["body"] = rnd.choice(bodies[LEVELS[finder]])
        r["discovered"] = found

        def delay() -> dt.timedelta:
            return dt.timedelta(days=rnd.randrange(0, 11) if rnd.random() < 0.85 else rnd.randrange(11, 40))

        steps = []
        at, when = finder, on
        if at < auth and rnd.random() < 0.92:
            when += delay()
            steps.append({"action": "reported", "by_level": LEVELS[at], "to_level": LEVELS[auth],
                          "on": when.isoformat()})
            at = auth
        if at >= auth and rnd.random() < 0.92:
            when += delay()
            to = rnd.choice(range(prank, min(at, 2) + 1))
            steps.append({"action": "assigned", "by_level": LEVELS[at], "to_level": LEVELS[to],
                          "on": when.isoformat()})
            if rnd.random() < 0.7:
                r["deadline"] = (when + dt.timedelta(days=rnd.randrange(15, 60))).isoformat()
            due = dt.date.fromisoformat(r.get("deadline", (when + dt.timedelta(days=30)).isoformat()))
            u = rnd.random()
            if u < 0.85:
                r["rectified_on"] = (when + dt.timedelta(days=rnd.randrange(0, (due - when).days + 1))).isoformat()
            elif u < 0.92:
                r["rectified_on"] = (due + dt.timedelta(days=rnd.randrange(1, 30))).isoformat()
        if steps:
            r["handled"] = steps
        if finder > prank and channel in outside and rnd.random() < 0.02:
            able = {policy.bodies[b].level for b in policy.stage_holders(area, kind, "handling")}
            levels = [LEVELS[x] for x in range(prank, finder) if LEVELS[x] in able]
            if levels:
                r["concealed_by"] = [rnd.choice(levels)]
        r["as_of"] = (when + dt.timedelta(days=rnd.randrange(20, 400))).isoformat()
        if r.get("rectified_on", "") > r["as_of"]:
            del r["rectified_on"]  # not yet rectified on the day of the assessment
        out.append(r)
    return out


def write_parquet(records: list[dict[str, Any]], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    step = dt.datetime.strptime
    date = pa.date32()
    found = pa.struct([("level", pa.string()), ("channel", pa.string()), ("on", date), ("body", pa.string())])
    handling = pa.struct([("action", pa.string()), ("by_level", pa.string()), ("to_level", pa.string()),
                          ("to_body", pa.string()), ("on", date)])
    schema = pa.schema([("id", pa.string()), ("domain", pa.string()), ("kind", pa.string()),
                        ("place", pa.string()), ("severity", pa.string()), ("discovered", found),
                        ("handled", pa.list_(handling)), ("deadline", date), ("rectified_on", date),
                        ("concealed_by", pa.list_(pa.string())), ("as_of", date)])

    def day(x: str | None) -> dt.date | None:
        return step(x, "%Y-%m-%d").date() if x else None

    with pq.ParquetWriter(path, schema, compression="zstd") as w:
        for lo in range(0, len(records), 65536):
            rows = []
            for r in records[lo:lo + 65536]:
                d = r.get("discovered")
                rows.append({**r, "discovered": d and {**d, "on": day(d["on"])},
                             "handled": [{**h, "on": day(h["on"])} for h in r.get("handled", [])],
                             "deadline": day(r.get("deadline")), "rectified_on": day(r.get("rectified_on")),
                             "as_of": day(r.get("as_of"))})
            w.write_table(pa.Table.from_pylist(rows, schema=schema))


class RssSampler:
    """Peak memory of a process and its children (Linux: /proc, every 50 ms): the largest RSS of
    one process, and the largest sum of PSS over all of them (shared pages split among sharers)."""

    def __init__(self, pid: int) -> None:
        self.pid, self.largest, self.total = pid, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _tree(self) -> list[int]:
        out, todo = [], [self.pid]
        while todo:
            pid = todo.pop()
            out.append(pid)
            try:
                for task in os.listdir(f"/proc/{pid}/task"):
                    todo += [int(c) for c in Path(f"/proc/{pid}/task/{task}/children").read_text().split()]
            except OSError:
                pass
        return out

    @staticmethod
    def _kib(path: str, key: str) -> int:
        try:
            for line in Path(path).read_text().splitlines():
                if line.startswith(key):
                    return int(line.split()[1]) * 1024
        except OSError:
            pass
        return 0

    def _run(self) -> None:
        while not self._stop.is_set():
            tree = self._tree()
            rss = [self._kib(f"/proc/{pid}/status", "VmRSS:") for pid in tree]
            pss = [self._kib(f"/proc/{pid}/smaps_rollup", "Pss:") for pid in tree]
            self.largest = max(self.largest, *rss, 0)
            self.total = max(self.total, sum(pss))
            self._stop.wait(0.05)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def run_assess(src: Path, out: Path, jcsv: Path, workers: int | None) -> tuple[float, int, int]:
    """Wall seconds and peak memory (RSS of the largest process, PSS of all) of one ``responsibility
    assess``."""
    cmd = [sys.executable, "-m", "responsibility", "assess", str(src), "-o", str(out), "--jurisdiction", str(jcsv),
           "--today", TODAY, "--no-progress"]
    if workers:
        cmd += ["--workers", str(workers)]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sampler = RssSampler(proc.pid)
    _, err = proc.communicate()
    wall = time.perf_counter() - start
    sampler.stop()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"responsibility assess failed ({proc.returncode}):\n{err.decode()}")
    return wall, sampler.largest, sampler.total


def naive(policy: Policy, j: Jurisdiction, records: list[dict[str, Any]]) -> float:
    """Records/s of who_answers with durable-rules, one problem at a time, rows from its findings."""
    rows: list[tuple[Any, ...]] = []
    policy.who_answers(records[0], jurisdiction=j, engine="durable")  # warm-up: rulesets registered
    start = time.perf_counter()
    for i, r in enumerate(records):
        v = policy.who_answers(r, jurisdiction=j, engine="durable", today=dt.date.fromisoformat(TODAY))
        rows += [(i, v.problem, *f.to_dict().values()) for f in v.findings]
    return len(records) / (time.perf_counter() - start)


def floor(records: list[dict[str, Any]], out: Path) -> float:
    """Records/s of the floor: per record, a dict lookup of the precomputed finding rows for its
    shape and place (the key made beforehand, untimed) and the same rows emitted into output
    columns (Python lists): no reading, checking, deciding, converting or writing."""
    import pyarrow.parquet as pq

    names = ("level", "body", "name", "place", "basis", "liability", "clauses", "reason")
    found = pq.read_table(out).to_pydict()
    by_record: dict[int, list[int]] = {}
    for i, rec in enumerate(found["record"]):
        by_record.setdefault(rec, []).append(i)
    keys = [json.dumps({k: v for k, v in r.items() if k != "id"}, sort_keys=True) for r in records]
    # per key, the rows' values column by column (so that emitting them is one extend per column)
    table = {k: tuple(tuple(found[c][i] for i in by_record.get(n, ())) for c in names) for n, k in enumerate(keys)}
    ids = [r["id"] for r in records]
    del found, by_record
    record: list[int] = []
    problem: list[str] = []
    columns: list[list[Any]] = [[] for _ in names]
    start = time.perf_counter()
    for i, k in enumerate(keys):
        rows = table[k]
        n = len(rows[0])
        if n:
            record.extend([i] * n)
            problem.extend([ids[i]] * n)
            for column, values in zip(columns, rows, strict=True):
                column.extend(values)
    return len(records) / (time.perf_counter() - start)


def cold_who() -> float:
    """Median wall seconds of ``responsibility who`` on one problem (in the shipped example
    jurisdiction) in a fresh process."""
    with tempfile.TemporaryDirectory() as tmp:
        problem = Path(tmp) / "problem.json"
        village = Jurisdiction.example().at_level("village")[0].code
        problem.write_text(json.dumps({"id": "one", "domain": "housing", "place": village, "severity": "grave",
                                       "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
                                       "as_of": "2021-12-31"}), encoding="utf-8")
        times = []
        for _ in range(5):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "responsibility", "who", str(problem), "--format", "json"],
                           check=True, capture_output=True)
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("n", nargs="?", type=int, default=1_000_000, help="problems in the ledger")
    args.add_argument("--runs", type=int, default=3, help="runs of assess (the median is printed)")
    args.add_argument("--naive", type=int, default=2000, help="problems for the naive peer")
    args.add_argument("--workers", type=int, default=None, help="passed to responsibility assess")
    opts = args.parse_args(argv)
    policy = responsibility.load()
    j = Jurisdiction.synthetic()
    with tempfile.TemporaryDirectory() as tmp:
        jcsv, src, out = Path(tmp) / "province.csv", Path(tmp) / "ledger.parquet", Path(tmp) / "findings.parquet"
        jcsv.write_text(j.to_csv(), encoding="utf-8")
        t0 = time.perf_counter()
        records = ledger(policy, j, opts.n)
        write_parquet(records, src)
        print(f"ledger: {opts.n:,} problems over {len(j):,} places ({time.perf_counter() - t0:.1f} s to make)")
        runs = [run_assess(src, out, jcsv, opts.workers) for _ in range(opts.runs)]
        wall = statistics.median(r[0] for r in runs)
        rate = opts.n / wall
        largest, total = max(r[1] for r in runs), max(r[2] for r in runs)
        import pyarrow.parquet as pq

        findings = pq.read_metadata(out).num_rows
        print(f"assess: {rate:,.0f} records/s, {wall:.2f} s wall for {opts.n:,} records → {findings:,} findings "
              f"(median of {opts.runs}: {', '.join(f'{r[0]:.2f}' for r in runs)} s; start-up included)")
        print(f"assess peak memory: {largest / 2**20:,.0f} MiB RSS of the largest process, "
              f"{total / 2**20:,.0f} MiB PSS of all its processes together")
        subset = records[:opts.naive]
        naive_rate = naive(policy, j, subset)
        print(f"naive peer (who_answers, durable-rules, per problem): {naive_rate:,.0f} records/s "
              f"on {len(subset):,} problems")
        floor_rate = floor(records, out)
        print(f"floor (dict lookup of precomputed rows per record): {floor_rate:,.0f} records/s")
        print(f"ratios: assess / naive = {rate / naive_rate:,.1f}x (target ≥ 20x); "
              f"floor / assess = {floor_rate / rate:,.2f}x (target ≤ 3x)")
    print(f"`responsibility who` cold start: {cold_who():.2f} s (median of 5)")


if __name__ == "__main__":
    main()
