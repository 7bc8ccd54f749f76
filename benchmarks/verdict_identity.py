"""Byte-identity of every verdict output before and after a change that must change none (a speed change).

Writes one line per verdict: the sha256 (first 20 hex digits) of ``json.dumps(to_dict())``, ``to_json("zh")``,
``to_json("en")``, ``explain("zh")``, ``explain("en")`` and ``to_dict("en")`` (a refused record: its error). Run it on
the code before and after (``PYTHONPATH=OTHER/src`` for the other tree; both read this checkout's rules and
scenarios) and ``cmp`` the two files: any differing line names the record, the reading and the engine.

The records:

- ``bench_engine``'s generated records (``--n``, default 3,000; seed 11) under the default reading, compiled; the first
  ``--durable`` (default 300) with durable-rules too;
- the first ``--per-reading`` (default 600) of them under each reading: every bool parameter flipped, every choice
  parameter set to each of its other values, and ``handling_time_limit_days=5`` (compiled; the first 60 durable);
- every record of ``examples/problems/*.scenarios.yaml`` under its scenario's parameters, both engines, and under
  each of ``--scenario-readings`` (default: a few readings that move many findings) compiled.

A single process decides all, in this order (a memo keyed too coarsely shows as a verdict that depends on what was
decided before it). Usage: ``python benchmarks/verdict_identity.py OUT [--n N] [--per-reading K] [--durable D]``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import warnings
from pathlib import Path
from typing import Any

import responsibility
from responsibility import Jurisdiction

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_engine import problems  # noqa: E402

#: Readings the scenarios are decided under too (each moves findings in many scenarios).
SCENARIO_READINGS = ("sectorless_alternatives", "supervision_scope", "receiving_level_body", "rectifier_holding",
                     "main_responsibility_every_level", "outside_channel_finder_level", "report_to_oversight")


def line(policy: Any, rec: Any, j: Jurisdiction | None, engine: str) -> str:
    """The digest of everything a verdict shows (or of the refusal)."""
    try:
        v = policy.who_answers(rec, jurisdiction=j, engine=engine)
        s = "\x00".join((json.dumps(v.to_dict(), sort_keys=True, ensure_ascii=False, default=str),
                         v.to_json("zh"), v.to_json("en"), v.explain("zh"), v.explain("en"),
                         json.dumps(v.to_dict("en"), sort_keys=True, ensure_ascii=False, default=str)))
    except responsibility.ResponsibilityError as exc:
        s = f"error {type(exc).__name__}: {exc}"
    return hashlib.sha256(s.encode()).hexdigest()[:20]


def readings(policy: Any) -> list[dict[str, Any]]:
    """Every bool flipped, every choice at each other value, and a shorter handling limit."""
    out: list[dict[str, Any]] = []
    for pid, p in policy.parameters.items():
        if p.type == "bool":
            out.append({pid: not p.value})
        elif p.type == "choice":
            out.extend({pid: c} for c in p.choices or () if c != p.value)
    if "handling_time_limit_days" in policy.parameters:
        out.append({"handling_time_limit_days": 5})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=3000)
    ap.add_argument("--durable", type=int, default=300)
    ap.add_argument("--per-reading", type=int, default=600)
    args = ap.parse_args()
    warnings.simplefilter("ignore")
    from responsibility.checks._scenarios import load_scenarios, scenario_policy

    base = responsibility.load(HERE.parent / "rules")
    j = Jurisdiction.synthetic()
    recs = problems(base, j, args.n, seed=11, prefix="x")
    scen = [ls for f in sorted((HERE.parent / "examples" / "problems").glob("*.scenarios.yaml"))
            for ls in load_scenarios(f)]
    places: dict[Path, Jurisdiction] = {}

    def jur(ls: Any) -> Jurisdiction | None:
        sc = ls.scenario
        if not sc.jurisdiction:
            return None
        f = ls.file.parent / sc.jurisdiction
        if f not in places:
            places[f] = Jurisdiction.from_csv(f)
        return places[f]

    with args.out.open("w") as out:
        for i, r in enumerate(recs):
            out.write(f"bench {{}} {r['id']} compiled {line(base, r, j, 'compiled')}\n")
            if i < args.durable:
                out.write(f"bench {{}} {r['id']} durable {line(base, r, j, 'durable')}\n")
        for rd in readings(base):
            pol = base.with_parameters(**rd)
            for i, r in enumerate(recs[:args.per_reading]):
                out.write(f"bench {rd} {r['id']} compiled {line(pol, r, j, 'compiled')}\n")
                if i < args.durable // 5:
                    out.write(f"bench {rd} {r['id']} durable {line(pol, r, j, 'durable')}\n")
        scenario_readings: list[dict[str, Any]] = [{}]
        for pid in SCENARIO_READINGS:
            p = base.parameters.get(pid)
            if p is not None:
                scenario_readings.append({pid: (not p.value) if p.type == "bool"
                                          else next(c for c in p.choices or () if c != p.value)})
        for rd in scenario_readings:
            for engine in ("compiled", "durable") if not rd else ("compiled",):
                for ls in scen:
                    sc = ls.scenario
                    try:
                        sp = scenario_policy(sc, base)
                        if rd:
                            sp = sp.with_parameters(**rd)
                    except responsibility.ResponsibilityError as exc:
                        out.write(f"scen {rd} {ls.file.name}:{ls.line} {engine} policy {type(exc).__name__}\n")
                        continue
                    out.write(f"scen {rd} {ls.file.name}:{ls.line} {engine} {line(sp, sc.problem, jur(ls), engine)}\n")
            out.flush()
    print(f"wrote {args.out}", flush=True)


if __name__ == "__main__":
    main()
