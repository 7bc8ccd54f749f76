"""A digest of what ``who_answers`` answers, to show that a change to the engine's speed changed no output.

Prints, for each set of records, the sha256 of every verdict's ``json.dumps(v.to_dict(), sort_keys=True,
ensure_ascii=False)`` and of its ``to_json`` in Chinese and in English (one line per verdict, in order), and the
count; then one sha256 over all of them. Run it before and after a change (on the same rules): the lines must be
equal.

The records:

- ``bench_engine``'s generated records (``--n``, default 4,000) on the rules (``--rules``, default this
  checkout's), compiled engine; the first ``--durable`` of them (default 600) with the durable-rules engine too;
- the first 1,500 of them under a what-if policy (``handling_time_limit_days=5``, ``supervision_scope`` its
  other value when it has one) and under each boolean parameter flipped that the policy has (compiled);
- the amended example policy (``examples/policy-changes/rural-revitalisation-2021`` layered over the rules): the
  first 1,500, compiled;
- every record of ``examples/problems/*.scenarios.yaml``, under its scenario's parameters, both engines.

Usage: ``python benchmarks/verdict_digest.py [--n N] [--durable K] [--rules DIR] [--skip-scenarios]``.
Decides each record in one fresh process per policy; ~2–4 CPU minutes in all at the defaults.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import responsibility
from responsibility import Jurisdiction

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_engine import problems  # noqa: E402


def digest(policy: Any, recs: list[Any], j: Jurisdiction | None, engine: str) -> tuple[str, int]:
    h = hashlib.sha256()
    n = 0
    for r in recs:
        try:
            v = policy.who_answers(r, jurisdiction=j, engine=engine)
            line = json.dumps(v.to_dict(), sort_keys=True, ensure_ascii=False) + v.to_json("zh") + v.to_json("en")
        except responsibility.ResponsibilityError as exc:  # (a refused record: its message is the output)
            line = f"error {type(exc).__name__}: {exc}"
        h.update(line.encode())
        h.update(b"\n")
        n += 1
    return h.hexdigest(), n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=4000)
    ap.add_argument("--durable", type=int, default=600)
    ap.add_argument("--rules", type=Path, default=None)
    ap.add_argument("--skip-scenarios", action="store_true")
    args = ap.parse_args()
    rules = args.rules or HERE.parent / "rules"
    total = hashlib.sha256()

    def out(label: str, got: tuple[str, int]) -> None:
        print(f"{label:48s} {got[1]:6d} {got[0]}", flush=True)
        total.update(f"{label} {got}".encode())

    policy = responsibility.load(rules)
    j = Jurisdiction.synthetic()
    recs = problems(policy, j, args.n, seed=7, prefix="d")
    out("bench compiled", digest(policy, recs, j, "compiled"))
    out("bench durable", digest(policy, recs[:args.durable], j, "durable"))
    some = recs[:1500]
    changes: dict[str, Any] = {"handling_time_limit_days": 5}
    if "supervision_scope" in policy.parameters:
        p = policy.parameters["supervision_scope"]
        others = [c for c in p.choices or () if c != p.value]
        if others:
            changes["supervision_scope"] = others[0]
    out(f"what-if {changes}", digest(policy.with_parameters(**changes), some, j, "compiled"))
    for pid, p in policy.parameters.items():
        if p.type == "bool":
            out(f"what-if {pid}={not p.value}",
                digest(policy.with_parameters(**{pid: not p.value}), some[:300], j, "compiled"))
    amend = HERE.parent / "examples" / "policy-changes" / "rural-revitalisation-2021" / "amendments"
    if amend.is_dir():
        with tempfile.TemporaryDirectory() as tmp:
            d = Path(tmp) / "amended"
            shutil.copytree(rules, d)
            shutil.copytree(amend, d / "amendments")
            amended = responsibility.load(d)
            out("amended compiled", digest(amended, some, j, "compiled"))
    if not args.skip_scenarios:
        from responsibility.checks._scenarios import load_scenarios, scenario_policy

        loaded = [ls for f in sorted((HERE.parent / "examples" / "problems").glob("*.scenarios.yaml"))
                  for ls in load_scenarios(f)]
        for engine in ("compiled", "durable"):
            h = hashlib.sha256()
            n = 0
            for ls in loaded:
                sc = ls.scenario
                jur = Jurisdiction.from_csv(ls.file.parent / sc.jurisdiction) if sc.jurisdiction else None
                got = digest(scenario_policy(sc, policy), [sc.problem], jur, engine)
                h.update(got[0].encode())
                n += 1
            out(f"scenarios {engine}", (h.hexdigest(), n))
    print(f"{'all':48s} {'':6s} {total.hexdigest()}")


if __name__ == "__main__":
    main()
