"""A fresh process's first decisions: what keeps the test suite at ~15 minutes (session 50).

Usage: python benchmarks/first_decisions.py [--n N] [--runs R] [--against=DIR[,DIR…]] [--warm]

Each run is a fresh interpreter that loads the shipped rules (the policy cache off: loaded, not read back) and the
shipped jurisdiction, then decides the first ``N`` (default: all, 9,801) of test_batch_lines' every-line records once
— ``who_answers`` and each finding's ``to_dict``, as tests/test_batch.py ``expected`` reads them — and prints the CPU
seconds of that pass (``cold``); ``--warm`` decides them a second time in the same process (``again``: every memo
warm). Each ``--against`` directory is a checkout measured as it is (its ``src/``, with the C extensions built there)
on this checkout's rules and records, in the same run: each round runs every side once, every other round in the
reverse order; the medians and each round's own ratio are printed (the machine is shared: same-run ratios only).

Why: suite47 measured the every-line test's first ``assess`` at 22–27 CPU s against 4.5 warm, and the engine's first
decisions (``Decider._switched`` → ``_placed_key`` → ``_placement``: each record decided again under each reading it
rests on, by a decider of that reading whose memos are all cold) at 60–70% of it; ``bench_engine.py`` times a warm
decider on 14334c1's rules and sees none of this. The output rows' digest is printed, so that two sides that differ
in what they decide are seen to.
"""

from __future__ import annotations

import hashlib
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def child(n: int, warm: bool) -> None:
    """Decide the records once (and again with ``warm``); print the CPU seconds and the rows' digest."""
    os.environ["RESPONSIBILITY_CACHE"] = "off"
    sys.path.insert(0, str(ROOT))  # (this checkout's tests, whichever src/ PYTHONPATH puts first)
    from tests.test_batch import expected
    from tests.test_batch_lines import records

    import responsibility
    from responsibility import Jurisdiction

    policy = responsibility.load(ROOT / "rules")
    j = Jurisdiction.example()
    recs = records(policy, sorted(policy.problem_areas))[:n or None]
    start = time.process_time()
    out = expected(policy, j, recs, "compiled")
    cold = time.process_time() - start
    again = 0.0
    if warm:
        start = time.process_time()
        expected(policy, j, recs, "compiled")
        again = time.process_time() - start
    digest = hashlib.sha256(repr(out).encode()).hexdigest()[:16]
    print(len(recs), f"{cold:.3f}", f"{again:.3f}", digest, responsibility.__file__)


def measured(src: Path | None, n: int, warm: bool) -> tuple[int, float, float, str]:
    """:func:`child` in a fresh interpreter importing ``responsibility`` from ``src`` (default: this checkout)."""
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src)
    out = subprocess.run([sys.executable, __file__, "--child", str(n), *(["--warm"] if warm else [])],
                         check=True, capture_output=True, text=True, env=env).stdout.split()
    return int(out[0]), float(out[1]), float(out[2]), out[3]


def main() -> None:
    argv = sys.argv[1:]
    if argv[:1] == ["--child"]:
        child(int(argv[1]), "--warm" in argv)
        return
    n = next((int(a.split("=", 1)[1]) for a in argv if a.startswith("--n=")), 0)
    if "--n" in argv:
        n = int(argv[argv.index("--n") + 1])
    runs = next((int(a.split("=", 1)[1]) for a in argv if a.startswith("--runs=")), 3)
    if "--runs" in argv:
        runs = int(argv[argv.index("--runs") + 1])
    against = next((a.split("=", 1)[1].split(",") for a in argv if a.startswith("--against=")), [])
    warm = "--warm" in argv
    sides: list[tuple[str, Path | None]] = [("now", None), *((d, Path(d) / "src") for d in against)]
    got: dict[str, list[tuple[int, float, float, str]]] = {name: [] for name, _ in sides}
    print(f"first decisions of test_batch_lines' every-line records in a fresh process (CPU s, medians of {runs}; "
          f"load average {'/'.join(f'{x:.1f}' for x in os.getloadavg())})", flush=True)
    for k in range(runs):
        for name, src in sides if k % 2 == 0 else sides[::-1]:
            got[name].append(measured(src, n, warm))
    now = statistics.median(c for _, c, _, _ in got["now"])
    for name, _ in sides:
        rs = got[name]
        cold = statistics.median(c for _, c, _, _ in rs)
        line = f"  {name:24s} {rs[0][0]:,} records: cold {cold:6.2f} CPU s"
        if warm:
            line += f", again {statistics.median(a for _, _, a, _ in rs):6.2f}"
        line += f"  rows {rs[0][3]}"
        if name != "now":
            line += f"  its CPU ×{cold / now:.2f} of now's (rounds " + " ".join(
                f"×{b[1] / a[1]:.2f}" for a, b in zip(got["now"], rs, strict=True)) + ")"
        print(line, flush=True)
    print(f"  load average at the end {'/'.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)


if __name__ == "__main__":
    main()
