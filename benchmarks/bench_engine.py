"""Decisions per second of who_answers with each engine, and the cold start of the package.

Usage: python benchmarks/bench_engine.py [N] [--against=REV[,REV…]] [--engines=compiled,durable]
                                        [--cold-only | --decisions-only] [--runs R] [--settled]
       python benchmarks/bench_engine.py [N] --instructions [--timed=K] [--against=REV[,REV…]] [--engines=…]
                                        [--modes=who_answers,to_dict]
(default N = 2000; medians of R = 3 runs; K = 200)

Decisions: who_answers over N random problems (a synthetic province), per CPU second and per wall
second, the decision alone and with ``to_dict()``, for each engine, after deciding 5·N other
problems of the same province untimed (a steady state: what a decider keeps is kept, but none of
the timed problems was decided before). ``--against=REV`` measures git
revision REV's source (or each of several, comma-separated) in the same run (its ``src/`` extracted
to a temporary directory, each run a fresh process; each round measures every side once, back to back,
every other round in the reverse order, so that no side always runs first or last) and prints the
ratio of the medians and each round's own ratio (its two sides ran under the same load); a REV that
is a directory is a checkout measured as it is (its ``src/``, with the C extensions built in it,
which an extracted revision lacks). All then read the first REV's
``rules/`` (older code may not read newer rules): they decide the same problems on the same rules.

Each figure says how many full collections of the garbage collector fell in its timed window (they move a
figure by a third or more; ``--settled`` starts every window with none pending: :func:`decisions`).

The load average is printed at the start and the end of the decisions (a figure read at load 10 is not one
read at load 1: the ratio of the medians, measured in the same run, is the figure to compare, and the
spread of the rounds' own ratios says how far the load moved it).

``--instructions``: instead of rates, the instructions a decision takes, in this checkout and each REV, and their
ratio — the load-independent figure. Each side's child runs under cachegrind twice, in the state the rates are read
in (N problems after 5·N), deciding the first K of the N and deciding none; the difference over K. valgrind is ~50
times slower, and the warm-up is most of it (14334c1's: ~30 minutes a run at load ~10). The figure depends on that
state: fewer warm-up decisions leave more new shapes in the window (this code took 1,197k a decision for 200 after
1,000, ~455k for 1,000 after 5,000 and 375k for 200 of 2,000 after 10,000; 14334c1 3,262k and 3,109k).

Cold start: CPU seconds (user + sys of the child) and wall seconds of a fresh interpreter running
``import responsibility`` and ``responsibility who`` on the README's example problem, with the
policy cache (responsibility.policy._cache) warm and turned off. The sandbox sets
PYTHONDONTWRITEBYTECODE=1: the figures say whether the package's bytecode was on disk.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import responsibility
from responsibility import Jurisdiction
from responsibility.engine._problem import parse_problem

try:
    from responsibility.chain._jurisdiction import is_residents_committee
except ImportError:  # a revision before 34879e0 (--against 14334c1) answers every village-level place as a village
    is_residents_committee = None  # type: ignore[assignment]

LEVELS = ["village", "township", "county", "city", "province"]


def problems(policy: responsibility.Policy, j: Jurisdiction, n: int, seed: int = 1,
             prefix: str = "b") -> list[dict[str, Any]]:
    rnd = random.Random(seed)
    # villages, not urban communities (whose problems residents_committee_place answers at the township, where a
    # village-level step below is refused; review25 R25-11): a synthetic province's are all villages
    villages = [p.code for p in j.at_level("village")
                if is_residents_committee is None or not is_residents_committee(p.code)]
    kinds: dict[str, list[str | None]] = {a: [None] for a in policy.problem_areas}
    for a, k in policy.kinds:
        kinds.setdefault(a, [None]).append(k)
    # an audit where the finder's level runs one (审计, the county and up); a township's own oversight check, 纪委监委
    # 专项治理监督检查 (二(一)2(2)), where it does not: an oversight channel either way, and no draw from `rnd`, so the
    # records are those of before R20-7 but for the township's channel (a revision before `levels`, or rules without
    # them: an audit at every level, as before)
    audit_levels = getattr(policy.channels["audit"], "levels", None) or LEVELS
    out = []
    for i in range(n):
        area = rnd.choice(policy.problem_areas)
        on = dt.date(2021, 1, 1) + dt.timedelta(days=rnd.randrange(200))
        finder = rnd.randrange(1, 5)
        rec: dict[str, Any] = {"id": f"{prefix}{i}", "domain": area, "kind": rnd.choice(kinds[area]),
                               "place": rnd.choice(villages), "severity": rnd.choice(["minor", "serious", "grave"]),
                               "discovered": {"level": LEVELS[finder], "on": on.isoformat(),
                                              "channel": "audit" if LEVELS[finder] in audit_levels
                                              else "discipline_inspection"}}
        last = on
        if rnd.random() < 0.6:
            to = rnd.randrange(0, finder + 1)
            step = on + dt.timedelta(days=rnd.randrange(0, 15))
            rec["handled"] = [{"action": "assigned", "by_level": LEVELS[finder], "to_level": LEVELS[to],
                               "on": step.isoformat()}]
            last = step
            if rnd.random() < 0.5:
                fixed = on + dt.timedelta(days=rnd.randrange(1, 60))
                rec["rectified_on"] = fixed.isoformat()
                last = max(last, fixed)
        rec["as_of"] = (last + dt.timedelta(days=rnd.randrange(5, 120))).isoformat()
        if rnd.random() < 0.1:
            # 一(四): concealed from a higher level's verification; drop it where the record forbids it.
            rec["concealed_by"] = [LEVELS[rnd.randrange(0, finder)]]
            try:
                parse_problem(rec, policy, j)
            except responsibility.ProblemError:
                del rec["concealed_by"]
        out.append(rec)
    return out


#: How many other problems (times N) are decided, untimed, before the N timed ones.
WARM = 5

#: What is timed per problem: the decision alone, or the decision and its JSON form (``to_dict``).
MODES = ("who_answers", "who_answers + to_dict")


def rate(policy: responsibility.Policy, j: Jurisdiction, recs: list[dict[str, Any]], engine: str,
         mode: str, warm: list[dict[str, Any]], settled: bool = False) -> tuple[float, float, int, float]:
    """Decisions per CPU second and per wall second over ``recs`` (after one untimed pass doing the
    same over ``warm``, other problems of the same province, so that every area's rules are compiled
    and registered and what a decider keeps is kept, in both the old code and the new: a service's
    steady state, on problems it has not seen), and the full (generation 2) collections of the garbage
    collector that fell in the timed window with their CPU seconds. ``settled``: a full collection
    after the warm-up, so that the window starts with none pending (see :func:`decisions`)."""
    dicts = mode == MODES[1]
    for r in warm:
        v = policy.who_answers(r, jurisdiction=j, engine=engine)  # type: ignore[arg-type]
        if dicts:
            v.to_dict()
    if settled:
        gc.collect()
    full: list[float] = []

    def watch(phase: str, info: dict[str, int]) -> None:
        if info["generation"] == 2:
            full.append(time.process_time() if phase == "start" else time.process_time() - full.pop())

    gc.callbacks.append(watch)
    cpu, start = time.process_time(), time.perf_counter()
    for r in recs:
        v = policy.who_answers(r, jurisdiction=j, engine=engine)  # type: ignore[arg-type]
        if dicts:
            v.to_dict()
    cpu, wall = time.process_time() - cpu, time.perf_counter() - start
    gc.callbacks.remove(watch)
    if not recs:  # (--timed=0: the warm-up alone, for --instructions)
        return 0.0, 0.0, len(full), sum(full)
    return len(recs) / cpu, len(recs) / wall, len(full), sum(full)


def measured_in_child(src: Path | None, n: int, engine: str, mode: str,
                      rules: Path | None = None, settled: bool = False) -> tuple[float, float, int, float]:
    """:func:`rate` in a fresh interpreter, importing ``responsibility`` from ``src`` (another
    revision's source tree) or, without it, from this checkout, and reading ``rules`` (default:
    this checkout's)."""
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src)
    out = subprocess.run([sys.executable, __file__, "--child", str(n), engine, mode, str(rules or ROOT / "rules"),
                          *(["--settled"] if settled else [])],
                         check=True, capture_output=True, text=True, env=env)
    per_cpu, per_wall, full, full_cpu = out.stdout.split()
    return float(per_cpu), float(per_wall), int(full), float(full_cpu)


def irefs(report: str) -> int:
    """The instructions cachegrind counted, from its summary on standard error (``==pid== I   refs:  1,234``)."""
    found = re.search(r"I\s+refs:\s+([\d,]+)", report)
    if found is None:
        raise RuntimeError(f"no instruction count in cachegrind's report: {report[-500:]!r}")
    return int(found.group(1).replace(",", ""))


def cachegrind_runs(src: Path | None, n: int, engine: str, mode: str, rules: Path | None = None,
                    timed: int = 200) -> list[tuple[subprocess.Popen[str], Any]]:
    """:func:`instructions_in_child`'s two cachegrind runs, started (at once: their counts do not depend on the load,
    and a 14334c1 warm-up under valgrind is ~30 minutes at load ~10, so the sides and windows of a line run side by
    side rather than one after another): deciding the first ``timed`` of ``n`` problems, and deciding none."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    if src is not None:
        env["PYTHONPATH"] = str(src)
    runs = []
    for window in (timed, 0):
        # (a file, not a pipe: a run not yet waited for must not block on it; closed by per_decision)
        err = tempfile.TemporaryFile("w+")  # noqa: SIM115
        runs.append((subprocess.Popen(["valgrind", "--tool=cachegrind", "--cache-sim=no",
                                       "--cachegrind-out-file=/dev/null", sys.executable, __file__, "--child", str(n),
                                       engine, mode, str(rules or ROOT / "rules"), "--settled", f"--timed={window}"],
                                      stdout=subprocess.DEVNULL, stderr=err, text=True, env=env), err))
    return runs


def per_decision(runs: list[tuple[subprocess.Popen[str], Any]], timed: int) -> float:
    """The instructions a decision takes, from :func:`cachegrind_runs`' two runs (waited for): the difference of
    their counts over ``timed``."""
    counts = []
    for run, err_file in runs:
        run.wait()
        err_file.seek(0)
        err = err_file.read()
        err_file.close()
        if run.returncode:
            raise subprocess.CalledProcessError(run.returncode, run.args, stderr=err)
        counts.append(irefs(err))
    return (counts[0] - counts[1]) / timed


def instructions_in_child(src: Path | None, n: int, engine: str, mode: str, rules: Path | None = None,
                          timed: int = 200) -> float:
    """Instructions a decision (``mode``) takes, load-independent: :func:`measured_in_child`'s child (``n`` problems
    after ``WARM · n``: the state the rates are read in), settled, under ``valgrind --tool=cachegrind --cache-sim=no``
    (``PYTHONHASHSEED=0``) twice, once deciding the first ``timed`` of its ``n`` problems and once deciding none (the
    same warm-up, records and start-up), the difference over ``timed``."""
    return per_decision(cachegrind_runs(src, n, engine, mode, rules, timed), timed)


def instructions(n: int, against: list[str], engines: tuple[str, ...] = ("compiled", "durable"),
                 timed: int = 200, modes: tuple[str, ...] = MODES) -> None:
    """Print the instructions a decision takes in this checkout and in each revision of ``against`` (as
    :func:`decisions` reads them, on the first one's rules, in the same state: ``timed`` of ``n`` problems after
    ``WARM · n``), and the ratio: a figure the machine's load does not move. valgrind runs ~50 times slower: the
    warm-up takes most of it (14334c1's 10,000 decisions, ~30 minutes a run at load ~10); a line's runs (two a side)
    run side by side."""
    with tempfile.TemporaryDirectory() as tmp:
        olds = {rev: Path(rev) / "src" if Path(rev).is_dir() else source_of(rev, Path(tmp) / str(i))
                for i, rev in enumerate(against)}
        rules = next(iter(olds.values())).parent / "rules" if olds else None
        print(f"instructions a decision over {timed:,} of {n:,} problems after {WARM * n:,} (cachegrind, settled)"
              + (f"; before = {', '.join(against)}, all on the rules/ of {against[0]}" if against else ""), flush=True)
        for engine in engines:
            for mode in modes:
                started = {rev: cachegrind_runs(old, n, engine, mode, rules, timed)
                           for rev, old in [(None, None), *olds.items()]}
                now = per_decision(started[None], timed)
                line = f"  {engine:8s} {mode:32s} now {now / 1000:9,.1f}k"
                for rev in olds:
                    before = per_decision(started[rev], timed)
                    line += f"   {rev} {before / 1000:9,.1f}k ×{before / now:.2f}"
                print(line, flush=True)


def source_of(rev: str, into: Path) -> Path:
    """The ``src/`` and ``rules/`` trees of git revision ``rev``, extracted under ``into`` (returns
    the ``src/`` one)."""
    import io
    import tarfile

    tar = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", rev, "--", "src", "rules"],
                         check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(tar)) as t:
        t.extractall(into, filter="data")
    return into / "src"


def decisions(n: int, against: list[str], runs: int = 3, engines: tuple[str, ...] = ("compiled", "durable"),
              settled: bool = False) -> None:
    """Print decisions/s of this checkout, and of each revision of ``against`` in the same run (the
    runs interleaved, each in a fresh process), with the ratio of the medians; all on the rules of
    the first revision of ``against`` (older code may not read newer rules).

    Each figure says how many full collections of the garbage collector fell in its timed window (``gc2 ×k``, in
    the median run): a warm decider holds ~200,000 objects the collector walks, and one full collection of them
    inside the window is a third or more of it, where it falls decided by the warm-up's history (any change to what
    a decider keeps moves it in or out). ``settled`` (``--settled``): a full collection after the warm-up, in every
    revision alike, so that none is pending when the window starts (a window of N = 2,000 then holds none: the
    figure leaves out their amortised cost, which the objects a decider keeps per decision decide); the default
    figure is then measured too, in the same run, and printed beside it."""
    with tempfile.TemporaryDirectory() as tmp:
        # (a directory stands for a checkout as it is: its src/, with the C extensions built there, and its rules/)
        olds = {rev: Path(rev) / "src" if Path(rev).is_dir() else source_of(rev, Path(tmp) / str(i))
                for i, rev in enumerate(against)}
        rules = next(iter(olds.values())).parent / "rules" if olds else None
        print(f"decisions/s over {n:,} problems, medians of {runs} runs (CPU-second rate; wall-second rate; full "
              "collections in the timed window)"
              + (f"; before = {', '.join(against)}, all on the rules/ of {against[0]}" if against else "")
              + ("; settled (a full collection after the warm-up)" if settled else "")
              + f"; load average at the start {load()}", flush=True)
        # settled, the default beside it in the same run (the lead's decision, session 29): settled is the headline
        for engine in engines:
            for mode in MODES:
                for calm in (True, False) if settled else (False,):
                    got: dict[str | None, list[tuple[float, float, int, float]]] = {
                        None: [], **{rev: [] for rev in olds}}
                    sides: list[tuple[str | None, Path | None]] = [*olds.items(), (None, None)]
                    for k in range(runs):
                        # each round measures every side once, back to back; every other round in the reverse
                        # order, so that no side always runs first (after the previous line's last child) or last
                        for rev, old in sides if k % 2 == 0 else sides[::-1]:
                            got[rev].append(measured_in_child(old, n, engine, mode, rules, calm))
                    new_cpu = statistics.median(c for c, *_ in got[None])
                    label = f"{mode}{' (settled)' if calm else ' (default)' if settled else ''}"
                    line = f"  {engine:8s} {label:32s} now {figure(got[None])}"
                    for rev in olds:
                        old_cpu = statistics.median(c for c, *_ in got[rev])
                        line += f"   {rev} {figure(got[rev])} ×{new_cpu / old_cpu:.2f}"
                        if runs > 1:  # each round's own ratio: the two sides of a round ran under the same load
                            line += " (rounds " + " ".join(
                                f"×{a[0] / b[0]:.2f}" for a, b in zip(got[None], got[rev], strict=True)) + ")"
                    print(line, flush=True)
        print(f"  load average at the end {load()}", flush=True)


def figure(runs: list[tuple[float, float, int, float]]) -> str:
    """The medians of runs' CPU-second and wall-second rates, and the full collections in the median run's window."""
    cpu = statistics.median(c for c, *_ in runs)
    median = min(runs, key=lambda r: abs(r[0] - cpu))
    gc2 = f", gc2 ×{median[2]} {median[3] * 1000:.0f} ms" if median[2] else ""
    return f"{cpu:8,.0f} /CPU-s ({statistics.median(w for _, w, *_ in runs):8,.0f} /wall-s{gc2})"


def load() -> str:
    """The 1, 5 and 15 minute load averages (other work on a shared machine moves the CPU-second rates too: a
    figure says under which load it was read)."""
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


ROOT = Path(__file__).resolve().parents[1]
README_PROBLEM = ROOT / "examples" / "problems" / "housing-not-discovered.yaml"


def child(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """CPU seconds (user + sys) and wall seconds of one fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, wall


def cold_starts(runs: int = 3) -> None:
    """Print the cold-start figures (medians of ``runs``)."""
    bytecode = any((ROOT / "src" / "responsibility").rglob("__pycache__/*.pyc"))
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "RESPONSIBILITY_CACHE_DIR": cache}
        who = [sys.executable, "-m", "responsibility", "who", str(README_PROBLEM)]
        cases = {
            "import responsibility": ([sys.executable, "-c", "import responsibility"], env),
            "responsibility who (policy cached)": (who, env),
            "responsibility who (cache off)": (who, {**env, "RESPONSIBILITY_CACHE": "off"}),
        }
        child(who, env)  # fills the cache
        print(f"cold start, medians of {runs} (package bytecode on disk: {'yes' if bytecode else 'no'}):")
        for name, (args, e) in cases.items():
            got = [child(args, e) for _ in range(runs)]
            print(f"  {name:36s} CPU {statistics.median(c for c, _ in got):.2f} s, "
                  f"wall {statistics.median(w for _, w in got):.2f} s")


def after_warm_up(doc: str) -> tuple[Any, responsibility.Policy, Jurisdiction, int]:
    """The command line and start of the scripts that time new records after bench_engine's warm-up
    (first_time.py, readings_costs.py): ``--rules``, ``--n``, ``--warm`` (0: ``WARM · N``), the policy cache off (the
    rules loaded, not read back from an earlier run), and the loaded policy, the synthetic jurisdiction and the
    warm-up's size."""
    import argparse

    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--rules", type=Path, default=ROOT / "rules")
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--warm", type=int, default=0, help="default: bench_engine's, 5·N")
    args = ap.parse_args()
    os.environ["RESPONSIBILITY_CACHE"] = "off"
    return (args, responsibility.load(args.rules), Jurisdiction.synthetic(), args.warm or WARM * args.n)


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        n, engine, mode, rules = int(sys.argv[2]), sys.argv[3], sys.argv[4], Path(sys.argv[5])
        policy = responsibility.load(rules)  # the same rules, whichever code reads them
        j = Jurisdiction.synthetic()
        recs = problems(policy, j, n)  # (all made either way: --timed=K decides only the first K)
        window = next((int(a.split("=", 1)[1]) for a in sys.argv[6:] if a.startswith("--timed=")), n)
        print(*rate(policy, j, recs[:window], engine, mode, problems(policy, j, WARM * n, seed=2, prefix="w"),
                    settled="--settled" in sys.argv[6:]))
        return
    argv = sys.argv[1:]
    runs = 3
    if "--runs" in argv:  # --runs R (as the other benchmarks take it) or --runs=R
        at = argv.index("--runs")
        runs, argv = int(argv[at + 1]), argv[:at] + argv[at + 2:]
    runs = next((int(a.split("=", 1)[1]) for a in argv if a.startswith("--runs=")), runs)
    args = [a for a in argv if not a.startswith("--")]
    against = next((a.split("=", 1)[1].split(",") for a in sys.argv[1:] if a.startswith("--against=")), [])
    engines = next((tuple(a.split("=", 1)[1].split(",")) for a in sys.argv[1:] if a.startswith("--engines=")),
                   ("compiled", "durable"))
    if "--instructions" in sys.argv:
        timed = next((int(a.split("=", 1)[1]) for a in argv if a.startswith("--timed=")), 200)
        # --modes=to_dict: only the decision with its JSON form (each mode is four valgrind runs a side)
        modes = next((tuple(MODES[0] if m == "who_answers" else MODES[1] for m in a.split("=", 1)[1].split(","))
                      for a in argv if a.startswith("--modes=")), MODES)
        instructions(int(args[0]) if args else 2000, against, engines=engines, timed=timed, modes=modes)
        return
    if "--decisions-only" not in sys.argv:
        cold_starts(runs)
    if "--cold-only" in sys.argv:
        return
    decisions(int(args[0]) if args else 2000, against, runs=runs, engines=engines, settled="--settled" in sys.argv)


if __name__ == "__main__":
    main()
