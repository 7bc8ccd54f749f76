"""Benchmark: reading the shipped policy directory with PyYAML's C parser and with the pure-Python one.

Each run is a fresh process that reads rules/ once (``read_policy_dir``: every file parsed
with positions, duplicate-key checks and limits, then shape-checked) and reports the CPU
seconds (user + sys) and the wall time of that read. The pure-Python runs swap the loader's
base class in the same code, so the ratio is the parser's share alone. Prints each run,
the medians of each and their same-run ratio.

    python benchmarks/bench_yaml.py [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time


def child(pure: bool) -> None:
    from responsibility.policy import _yaml
    from responsibility.policy._loader import default_rules_dir, read_policy_dir

    if pure:
        import yaml

        class PureLoader(yaml.SafeLoader):
            pass

        made = _yaml.loaders()  # (made on first use: the parse below takes the loader from here)
        PureLoader.yaml_implicit_resolvers = made["Loader"].yaml_implicit_resolvers
        made["Loader"] = PureLoader
    cpu, wall = time.process_time(), time.perf_counter()
    loaded = read_policy_dir(default_rules_dir())
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    assert loaded.data is not None and not loaded.issues
    print(json.dumps({"cpu": cpu, "wall": wall}))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", choices=["c", "pure"])
    args = parser.parse_args()
    if args.child:
        child(args.child == "pure")
        return 0
    results: dict[str, list[dict[str, float]]] = {"c": [], "pure": []}
    for _ in range(args.runs):
        for kind in results:
            out = subprocess.run([sys.executable, __file__, "--child", kind], capture_output=True, text=True,
                                 check=True).stdout
            results[kind].append(json.loads(out))
            print(f"{kind:5} cpu {results[kind][-1]['cpu']:.3f} s  wall {results[kind][-1]['wall']:.3f} s")
    med = {k: {m: statistics.median(r[m] for r in v) for m in ("cpu", "wall")} for k, v in results.items()}
    for k, v in med.items():
        print(f"median {k:5} cpu {v['cpu']:.3f} s  wall {v['wall']:.3f} s")
    print(f"pure/C ratio: cpu {med['pure']['cpu'] / med['c']['cpu']:.1f}x, "
          f"wall {med['pure']['wall'] / med['c']['wall']:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
