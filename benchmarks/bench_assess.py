"""Batch assessment on a synthetic province, against the honest floor and a naive peer.

Usage: python benchmarks/bench_assess.py [N] [--runs R] [--naive M] [--workers W] [--data DIR]
    [--formats parquet,jsonl,csv] [--policies base,amended]
(default N = 1,000,000 problems, R = 3 runs, M = 1,000 problems for the naive peer; 0: none)

Everything is measured in one run, so the ratios hold even on a shared machine; CPU seconds
(user + sys of the process and its workers) are printed beside wall seconds, medians of R rounds, and
each target's ratio round by round. A round runs the Parquet floors, then ``assess`` of the Parquet
input (base, then amended), then each other format (its ``assess`` runs, then its floor); the next
round runs the same in reverse, so that the runs whose ratios are targets are neighbours, seconds
apart, and each is measured once before and once after the other:

- the floor: pyarrow alone (a fresh process) reading the same input file (Parquet with
  ``iter_batches``; JSON lines and CSV with pyarrow's C readers; on one thread, as ``assess``
  decodes) and writing the identical
  finding rows (those ``assess`` wrote, loaded beforehand and not counted) with the same writer
  settings and row groups. Interpreter and pyarrow start-up are counted, as in ``assess``;
- ``responsibility assess`` of the ledger as Parquet, JSON lines and CSV to Parquet findings, a
  fresh process each (start-up included; after one run per policy that is not measured, which
  fills the cache of what an assessor builds, ``batch/_saved.py``, as a user's first run does; a cache
  directory of this run's own, so that others' runs on the machine do not push its entry out),
  on the shipped policy ("base") and on the shipped
  policy with the 2021 example amendment ("amended", two periods), each with its ratio to
  the Parquet floor and to the floor of its own input format; peak memory of the Parquet run;
- the naive peer a user would otherwise write: ``who_answers(engine="durable")`` per problem,
  measured on M problems in this process and scaled to N;
- the cold start of ``import responsibility`` and of ``responsibility who`` on one problem.

``--data DIR`` keeps the generated inputs there and reuses them on the next run (same N).

The ledger: a synthetic province (11 cities, 90 counties, 1,300 townships, 25,000 villages) and
problems over every duty area and kind, every failure and severity, mostly handled in order as
a real ledger is: 85% in villages, 55% found by the place's own level, 92% reported or assigned,
85% of those in time, 70% with a deadline, 85% rectified by it, 2% concealed; discovered through
2021 (the amendment takes effect on 2021-06-01).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import responsibility
from responsibility import Jurisdiction, Policy
from responsibility.engine._problem import UNNAMED_HOLDERS

try:
    from responsibility.chain._jurisdiction import is_residents_committee
except ImportError:  # a revision before 34879e0 (--against 14334c1) answers every village-level place as a village
    is_residents_committee = None  # type: ignore[assignment]

LEVELS = ["village", "township", "county", "city", "province"]
ROOT = Path(__file__).resolve().parents[1]
TODAY = "2022-06-30"
AMENDMENT = ROOT / "examples" / "policy-changes" / "rural-revitalisation-2021" / "amendments"


def ledger(policy: Policy, j: Jurisdiction, n: int, *, seed: int = 0) -> list[dict[str, Any]]:
    """``n`` problem records over ``j`` (see the module docstring for the mix)."""
    rnd = random.Random(seed)
    rank = {lv: i for i, lv in enumerate(LEVELS)}
    # villages, not urban communities (whose problems residents_committee_place answers at the township, where a
    # village-level step below is refused; review25 R25-11): a synthetic province's are all villages
    villages = [p.code for p in j.at_level("village")
                if is_residents_committee is None or not is_residents_committee(p.code)]
    townships = [p.code for p in j.at_level("township")]
    areas = sorted(policy.problem_areas)
    kinds = {a: sorted(k for x, k in policy.kinds if x == a) for a in areas}
    own = sorted(c for c, ch in policy.channels.items() if ch.own_work)
    outside = sorted(c for c, ch in policy.channels.items() if not ch.own_work)
    # the channels each level runs (a channel's `levels`, R20-7: 调查核查 is 省市两级's, the hotline the county's; a
    # revision or rules without them: every level)
    runs = {lv: {c for c, ch in policy.channels.items() if getattr(ch, "levels", None) in (None, []) or lv in ch.levels}
            for lv in LEVELS}
    # (not a verdict's stand-in for a level's unnamed holders, body kind unresolved_holders: a record cannot name it,
    # engine/_problem.stand_in_refusal, and a benchmark's ledger is of records a user could send)
    bodies = {lv: sorted(b for b, body in policy.bodies.items() if body.level == lv and body.kind != UNNAMED_HOLDERS)
              for lv in LEVELS}
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
        channel = rnd.choice([c for c in (own if finder <= 1 else outside) if c in runs[LEVELS[finder]]])
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
        if finder > prank and channel in outside and (policy.channels[channel].oversight
                                                      or policy.channels[channel].verification) and rnd.random() < 0.02:
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




def write_jsonl(records: list[dict[str, Any]], path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def write_csv(records: list[dict[str, Any]], path: Path) -> None:
    """The flat form: ``discovered.*`` columns, ``handled`` and ``concealed_by`` as JSON cells."""
    import csv

    columns = ["id", "domain", "kind", "place", "severity", "discovered.level", "discovered.channel",
               "discovered.on", "discovered.body", "handled", "deadline", "rectified_on", "concealed_by", "as_of"]
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(columns)
        for r in records:
            row = dict(r)
            for k, v in (r.get("discovered") or {}).items():
                row[f"discovered.{k}"] = v
            for k in ("handled", "concealed_by"):
                if k in r:
                    row[k] = json.dumps(r[k], ensure_ascii=False)
            w.writerow([row.get(c, "") for c in columns])


def cpu_of_children() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def run(cmd: list[str], *, sample: bool = False) -> tuple[float, float, int, int, str]:
    """Wall and CPU seconds (user + sys, its children included) of one fresh process, peak memory
    (RSS of its largest process, PSS of all; when ``sample``) and its stdout."""
    cpu0 = cpu_of_children()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    sampler = RssSampler(proc.pid) if sample else None
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    cpu = cpu_of_children() - cpu0
    if sampler is not None:
        sampler.stop()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd[:5])} … failed ({proc.returncode}):\n{err.decode()[-3000:]}")
    largest, total = (sampler.largest, sampler.total) if sampler else (0, 0)
    return wall, cpu, largest, total, out.decode()


def assess_cmd(src: Path, out: Path, jcsv: Path, rules: Path | None, workers: int | None) -> list[str]:
    cmd = [sys.executable, "-m", "responsibility", "assess", str(src), "-o", str(out), "--jurisdiction", str(jcsv),
           "--today", TODAY, "--no-progress"]
    if rules is not None:
        cmd += ["--rules", str(rules)]
    if workers:
        cmd += ["--workers", str(workers)]
    return cmd


#: The floor, run as a fresh process: load the finding rows (not counted), then read the input and
#: write those rows as ``assess`` writes them (zstd level 1, dictionaries only for the dictionary
#: columns, no statistics, the same row groups). Prints the CPU seconds of the load, to subtract.
#: It decodes on one thread, as ``assess`` does (``use_threads=False``: ``batch/_read.py``, ``_io.py``):
#: Arrow's pool would add its hand-offs (most of them system time, which grows with the machine's load)
#: to the floor's CPU seconds and flatter the ratio (until session 31 the floor read Parquet on the pool).
FLOOR = r"""
import sys, time
import pyarrow as pa, pyarrow.parquet as pq
src, fmt, findings, out = sys.argv[1:5]
t0 = time.process_time()
f = pq.ParquetFile(findings)
groups = [f.read_row_group(i, use_threads=False) for i in range(f.num_row_groups)]
load = time.process_time() - t0
if fmt == "parquet":
    rows = sum(b.num_rows for b in pq.ParquetFile(src).iter_batches(batch_size=65536, use_threads=False))
elif fmt == "parquet-dict":  # as assess reads it: the code-valued text as dictionaries (argv[5])
    import json
    coded = json.loads(sys.argv[5])
    read = pq.ParquetFile(src, read_dictionary=coded["columns"])
    parts = [[g] for g in range(read.metadata.num_row_groups)] if coded["by_group"] else [None]
    rows = sum(b.num_rows for g in parts for b in read.iter_batches(batch_size=65536, row_groups=g,
                                                                   use_threads=False))
elif fmt == "jsonl":
    import pyarrow.json as pj
    rows = pj.read_json(src, read_options=pj.ReadOptions(use_threads=False)).num_rows
else:
    import pyarrow.csv as pc
    rows = pc.read_csv(src, read_options=pc.ReadOptions(use_threads=False)).num_rows
schema = f.schema_arrow
few = [x.name for x in schema if pa.types.is_dictionary(x.type)]
with pq.ParquetWriter(out, schema, compression="zstd", compression_level=1, use_dictionary=few or False,
                      write_statistics=False) as w:
    for g in groups:
        w.write_table(g, row_group_size=max(len(g), 1))
print(load, rows)
"""


def floor(src: Path, fmt: str, findings: Path, out: Path) -> tuple[float, float]:
    """Wall and CPU seconds of the floor for ``src`` (the load of the rows left out of both).
    ``parquet-dict``: the Parquet input read as ``assess`` reads it, its code-valued text as Arrow
    dictionaries (``batch/_read.py``), which costs less than reading it plainly."""
    more = []
    if fmt == "parquet-dict":
        import pyarrow.parquet as pq

        from responsibility.batch._read import dictionary_leaves, nested_by_group

        top, nested = dictionary_leaves(pq.ParquetFile(src))
        nested = nested if nested_by_group(pq.ParquetFile(src), 65536) else []
        more = [json.dumps({"columns": top + nested, "by_group": bool(nested)})]
    wall, cpu, _, _, text = run([sys.executable, "-c", FLOOR, str(src), fmt, str(findings), str(out), *more])
    load = float(text.split()[0])
    return wall - load, cpu - load


def naive(policy: Policy, j: Jurisdiction, records: list[dict[str, Any]]) -> tuple[float, float]:
    """CPU and wall seconds per record of who_answers with durable-rules, one problem at a time,
    rows built from its findings."""
    rows: list[tuple[Any, ...]] = []
    today = dt.date.fromisoformat(TODAY)
    policy.who_answers(records[0], jurisdiction=j, engine="durable")  # warm-up: rulesets registered
    cpu, start = time.process_time(), time.perf_counter()
    for i, r in enumerate(records):
        v = policy.who_answers(r, jurisdiction=j, engine="durable", today=today)
        rows += [(i, v.problem, *f.to_dict().values()) for f in v.findings]
    return (time.process_time() - cpu) / len(records), (time.perf_counter() - start) / len(records)


def cold_start(args: list[str], runs: int = 11) -> tuple[float, float]:
    """Median wall and CPU seconds (user + sys) of a fresh ``python`` with ``args``, after one run not counted (which
    fills the per-user cache where this checkout's code has no entry yet, as a user's first run does). The CPU
    seconds are the figure on a shared machine: the wall seconds of a start of ~0.3 s move with the neighbours'
    load by more than any change to it."""
    subprocess.run([sys.executable, *args], check=True, capture_output=True)
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([sys.executable, *args], check=True, capture_output=True)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def cold_who() -> tuple[float, float]:
    """Median wall and CPU seconds of ``responsibility who`` on one problem in a fresh process (:func:`cold_start`)."""
    with tempfile.TemporaryDirectory() as tmp:
        problem = Path(tmp) / "problem.json"
        village = Jurisdiction.example().at_level("village")[0].code
        problem.write_text(json.dumps({"id": "one", "domain": "housing", "place": village, "severity": "grave",
                                       "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
                                       "as_of": "2021-12-31"}), encoding="utf-8")
        return cold_start(["-m", "responsibility", "who", str(problem), "--format", "json"])


def prepare(data: Path, n: int, formats: list[str]) -> tuple[Path, Path, dict[str, Path]]:
    """The jurisdiction CSV, the amended policy and the ledger in every format (made once per N)."""
    jcsv, rules = data / "province.csv", data / "amended"
    inputs = {"parquet": data / "ledger.parquet", "jsonl": data / "ledger.jsonl", "csv": data / "ledger.csv"}
    stamp = data / "ledger.n"
    if not stamp.exists() or stamp.read_text() != str(n) or not all(inputs[f].exists() for f in formats):
        policy = responsibility.load()
        j = Jurisdiction.synthetic()
        jcsv.write_text(j.to_csv(), encoding="utf-8")
        t0 = time.perf_counter()
        records = ledger(policy, j, n)
        write_parquet(records, inputs["parquet"])
        write_jsonl(records, inputs["jsonl"])
        write_csv(records, inputs["csv"])
        stamp.write_text(str(n))
        print(f"ledger: {n:,} problems over {len(j):,} places ({time.perf_counter() - t0:.1f} s to make)")
    if not rules.exists():
        shutil.copytree(ROOT / "rules", rules)
        shutil.copytree(AMENDMENT, rules / "amendments")
    return jcsv, rules, inputs


def main(argv: list[str] | None = None) -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("n", nargs="?", type=int, default=1_000_000, help="problems in the ledger")
    args.add_argument("--runs", type=int, default=3, help="runs of each measurement (the median is printed)")
    args.add_argument("--naive", type=int, default=1000, help="problems for the naive peer")
    args.add_argument("--workers", type=int, default=None, help="passed to responsibility assess")
    args.add_argument("--data", type=Path, default=None, help="keep the generated inputs here (reused)")
    args.add_argument("--formats", default="parquet,jsonl,csv", help="input formats of assess")
    args.add_argument("--policies", default="base,amended", help="policies: base, amended")
    opts = args.parse_args(argv)
    formats = [f for f in opts.formats.split(",") if f]
    policies = [p for p in opts.policies.split(",") if p]
    load = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp, own_cache(Path(tmp) / "cache"):
        data = opts.data or Path(tmp)
        data.mkdir(parents=True, exist_ok=True)
        jcsv, amended, inputs = prepare(data, opts.n, formats)
        out, again = Path(tmp) / "findings.parquet", Path(tmp) / "floor.parquet"
        results: dict[str, tuple[list[float], list[float]]] = {}

        def add(name: str, cpu: float, wall: float) -> None:
            results.setdefault(name, ([], []))[0].append(cpu)
            results[name][1].append(wall)

        peak = (0, 0)
        # the first run of a policy fills the cache of what an assessor builds (batch/_saved.py): every later
        # run loads it, so that is what is measured. The base policy's first run also writes the rows every floor
        # writes (assess's output is the same from run to run: the test suite checks that the same input gives the
        # same rows whatever the path), so no round needs a run of its own to make them
        rows = Path(tmp) / "rows.parquet"
        for policy in policies:
            run(assess_cmd(inputs[formats[0]], rows if policy == "base" else out, jcsv,
                           amended if policy == "amended" else None, opts.workers))
        if "base" not in policies:
            run(assess_cmd(inputs[formats[0]], rows, jcsv, None, opts.workers))
        # the order of a round, (kind, format, policy): the first format's floors, then its assess runs (base
        # first), then each other format's assess runs and its floor; so the first format's base run has its floor
        # on one side and its amended run on the other, and the other formats' base runs are two runs from it
        first, *others = formats
        jobs = [("floor", f, "") for f in (["parquet-dict"] if first == "parquet" else []) + [first]]
        jobs += [("assess", first, p) for p in policies]
        for fmt in others:
            jobs += [*(("assess", fmt, p) for p in policies), ("floor", fmt, "")]
        # one order, then the same reversed, round after round: every pair of neighbours (assess and its floor,
        # base and amended) is measured once in each order, so a load that rises or falls through a round moves
        # both sides alike, and each round's ratios are of runs seconds apart, not minutes (before session 32 the
        # Parquet floor ran after every assess run of its round and an extra run, several minutes later)
        for r in range(opts.runs):
            for kind, fmt, policy in jobs if r % 2 == 0 else jobs[::-1]:
                if kind == "floor":
                    wall, cpu = floor(inputs["parquet" if fmt == "parquet-dict" else fmt], fmt, rows, again)
                    add("floor parquet (dictionaries)" if fmt == "parquet-dict" else f"floor {fmt}", cpu, wall)
                    continue
                rules = amended if policy == "amended" else None
                wall, cpu, largest, total, _ = run(assess_cmd(inputs[fmt], out, jcsv, rules, opts.workers),
                                                   sample=fmt == "parquet" and policy == "base")
                add(f"assess {fmt} ({policy})", cpu, wall)
                if largest:
                    peak = (max(peak[0], largest), max(peak[1], total))
        import pyarrow.parquet as pq

        findings = pq.read_metadata(rows).num_rows
        if not bytecode() and os.environ.get("PYTHONDONTWRITEBYTECODE"):
            print("note: the package's bytecode is not on disk and PYTHONDONTWRITEBYTECODE is set, so every assess "
                  "run compiled the package (~0.3 CPU s each); `python -m compileall -q src/responsibility` (as "
                  "scripts/setup.sh does) measures it as installed")
        med = {k: (statistics.median(v[0]), statistics.median(v[1])) for k, v in results.items()}

        def rounds(a: str, b: str) -> str:
            """The CPU-second ratio a / b of each round, their median, and the CPU seconds of each round's two."""
            pairs = list(zip(results[a][0], results[b][0], strict=True))
            each = [x / y for x, y in pairs]
            return (f"{', '.join(f'{x:.2f}' for x in each)}; median {statistics.median(each):.2f}x "
                    f"(CPU s {', '.join(f'{x:.2f} / {y:.2f}' for x, y in pairs)})")
        base_floor = med[f"floor {formats[0]}"][0]
        print(f"{opts.n:,} problems → {findings:,} finding rows (Parquet); medians of {opts.runs} runs; "
              f"ratios are of CPU seconds, to the {formats[0]} floor and to the floor of the same input format")
        print(f"{'':34s}{'CPU s':>9}{'wall s':>9}{'×floor':>9}{'×own floor':>12}")
        for name, (cpu, wall) in sorted(med.items(), key=lambda kv: kv[0].startswith("floor")):  # assess first
            fmt = name.split()[1]
            own = med.get(f"floor {fmt}", (cpu, 0))[0]
            print(f"{name:34s}{cpu:9.2f}{wall:9.2f}{cpu / base_floor:9.2f}{cpu / own:12.2f}")
        per_cpu = 0.0
        if opts.naive > 0:  # (--naive 0: no naive peer)
            policy = responsibility.load()
            j = Jurisdiction.synthetic()
            subset = ledger(policy, j, opts.naive, seed=1)
            per_cpu, per_wall = naive(policy, j, subset)
            print(f"{'naive peer (durable, per problem)':34s}{per_cpu * opts.n:9.2f}{per_wall * opts.n:9.2f}"
                  f"{per_cpu * opts.n / base_floor:9.2f}{'':12s}  (measured on {len(subset):,}, scaled to {opts.n:,})")
        if "parquet" in formats and "base" in policies:
            base = med["assess parquet (base)"][0]
            print(f"assess parquet (base): {opts.n / med['assess parquet (base)'][1]:,.0f} records/s wall; "
                  f"peak memory {peak[0] / 2**20:,.0f} MiB RSS of the largest process, "
                  f"{peak[1] / 2**20:,.0f} MiB PSS of all its processes")
            if "amended" in policies:
                print(f"amended / base (parquet): {med['assess parquet (amended)'][0] / base:.2f}x (target ≤ 1.3x)")
            for fmt in ("jsonl", "csv"):
                if f"assess {fmt} (base)" in med:
                    print(f"{fmt} / parquet (base): {med[f'assess {fmt} (base)'][0] / base:.2f}x (target ≤ 1.5x)")
            print(f"assess / floor (parquet, base): {base / med['floor parquet'][0]:.2f}x (target ≤ 1.5x); "
                  f"to the floor reading as assess does (text as dictionaries): "
                  f"{base / med['floor parquet (dictionaries)'][0]:.2f}x; "
                  + (f"naive / assess: {per_cpu * opts.n / base:,.1f}x" if per_cpu else ""))
            # each round's assess beside its floor (neighbours in the round's order): on a shared machine the load
            # moves both, and the median of these moves less than the ratio of the medians
            print(f"assess / floor (parquet, base) round by round: {rounds('assess parquet (base)', 'floor parquet')}")
            if "amended" in policies:
                print(f"amended / base (parquet) round by round: "
                      f"{rounds('assess parquet (amended)', 'assess parquet (base)')}")
            for fmt in ("jsonl", "csv"):
                if f"assess {fmt} (base)" in med:
                    print(f"{fmt} / parquet (base) round by round: "
                          f"{rounds(f'assess {fmt} (base)', 'assess parquet (base)')}")
        print(f"load average (1 min): {load[0]:.1f} at the start, {os.getloadavg()[0]:.1f} at the end")
    cached = "on disk" if bytecode() else "not on disk"
    imported, who = cold_start(["-c", "import responsibility"]), cold_who()
    print(f"cold start: `import responsibility` {imported[0]:.2f} s ({imported[1]:.2f} CPU s), `responsibility who` "
          f"{who[0]:.2f} s ({who[1]:.2f} CPU s) (wall, medians of 11; the package's bytecode {cached}; targets "
          "0.15 s and 0.5 s)")


@contextlib.contextmanager
def own_cache(folder: Path) -> Iterator[None]:
    """The ``assess`` runs (and the floor's) with a cache directory of their own (``RESPONSIBILITY_CACHE_DIR``),
    unless one is set: the per-user cache keeps the newest 8 assessor entries, and on a machine where others assess
    too (other checkouts, other rules: other keys), theirs can push out the entry the first run made, so that a
    measured run builds its tables and templates again (~0.5 CPU s more; ``ab_assess.py`` does the same)."""
    if os.environ.get("RESPONSIBILITY_CACHE_DIR"):
        yield
        return
    os.environ["RESPONSIBILITY_CACHE_DIR"] = str(folder)
    try:
        yield
    finally:
        os.environ.pop("RESPONSIBILITY_CACHE_DIR", None)


def bytecode() -> bool:
    """Whether the package's bytecode is on disk (as ``scripts/setup.sh`` leaves it). Where it is not
    and ``PYTHONDONTWRITEBYTECODE`` is set, every ``assess`` start compiles the package: about 0.3
    CPU seconds more per run, which an installed package never pays."""
    return any((ROOT / "src" / "responsibility").rglob("__pycache__/*.pyc"))


if __name__ == "__main__":
    main()
