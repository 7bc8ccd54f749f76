"""A step's body at a level other than the one it was handed to (review23b R23b-0): who_answers refuses such a
record (level_mismatch); the bulk path read some of them (bodies the text gives a part but no duty to rectify at the
level: county_government at the township, say) as an assignment to the level as a whole and answered them. Every
body at every level, through the list path and a Parquet file: each record answered or refused as who_answers does."""

from __future__ import annotations

import copy
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from responsibility import Policy, ProblemError

BASE: dict[str, Any] = {
    "id": "x", "area": "health", "place": "330127100219", "severity": "grave",
    "discovered": {"level": "county", "channel": "audit", "on": "2020-07-29"},
    "handled": [{"action": "assigned", "by_level": "county", "to_level": "township", "on": "2020-08-01"}],
    "deadline": "2020-09-01", "as_of": "2020-12-22"}
#: (to_level, by_level) of the step naming the body: assigned down from above, and to the assigner's own level
STEPS = [("city", "province"), ("township", "county"), ("county", "county"), ("village", "township")]


def records(policy: Policy, areas: list[str]) -> list[dict[str, Any]]:
    out = []
    for area in areas:
        for body in sorted(policy.bodies):
            for to, by in STEPS:
                r = copy.deepcopy(BASE)
                r["area"], r["id"] = area, f"{area}:{body}@{to}"
                r["discovered"]["level"] = "province" if to == "city" else "county"
                r["handled"][0].update(to_body=body, to_level=to, by_level=by)
                out.append(r)
    return out


def who(policy: Policy, recs: list[dict[str, Any]]) -> dict[int, Any]:
    """Per record: the refusal's code, or the sorted (body, basis, liability) of its findings."""
    got: dict[int, Any] = {}
    for i, r in enumerate(recs):
        try:
            v = policy.who_answers(r)
        except ProblemError as exc:
            got[i] = exc.code
            continue
        got[i] = sorted((f.to_dict()["body"], f.to_dict()["basis"], f.to_dict()["liability"]) for f in v.findings)
    return got


def bulk(findings: Any, rejects: Any, n: int) -> dict[int, Any]:
    got: dict[int, Any] = {i: [] for i in range(n)}
    for rec, body, basis, liability in zip(findings["record"], findings["body"], findings["basis"],
                                           findings["liability"], strict=True):
        got[int(rec)].append((body, basis, liability))
    for rec, code in zip(rejects["record"], rejects["code"], strict=True):
        got[int(rec)] = code
    return {i: sorted(v) if isinstance(v, list) else v for i, v in got.items()}


@pytest.mark.slow
def test_every_body_at_every_level_is_answered_or_refused_as_who_answers_does(policy: Policy) -> None:
    recs = records(policy, sorted(policy.problem_areas))
    want = who(policy, recs)
    a = policy.assess(recs)
    got = bulk(a.findings, a.rejects, len(recs))
    assert sum(v == "level_mismatch" for v in want.values()) > 100  # (the cases occur: county_government below…)
    assert got == want


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_a_file_of_bodies_at_other_levels_is_refused_as_who_answers_does(policy: Policy, run_cli: Any, tmp_path: Any,
                                                                        fmt: str) -> None:
    import json

    import pandas as pd

    recs = records(policy, ["health", "basic_needs"])
    want = who(policy, recs)
    src = tmp_path / f"in.{fmt}"
    if fmt == "parquet":
        pq.write_table(pa.Table.from_pylist(recs), src)
    else:  # (the step list as a JSON cell, the discovery as dotted columns)
        flat = [{**{k: v for k, v in r.items() if k not in ("discovered", "handled")},
                 **{f"discovered.{k}": v for k, v in r["discovered"].items()}, "handled": json.dumps(r["handled"])}
                for r in recs]
        pd.DataFrame(flat).to_csv(src, index=False)
    out, rej = tmp_path / "out.csv", tmp_path / "rej.csv"
    code, _, err = run_cli("assess", str(src), "-o", str(out), "--rejects", str(rej), "--lang", "en")
    assert code == 1, err  # (some records refused)
    findings, rejects = pd.read_csv(out), pd.read_csv(rej)
    at = {r["id"]: i for i, r in enumerate(recs)}  # (each record by its id: the files number them as they do)
    findings["record"], rejects["record"] = findings["problem"].map(at), rejects["problem"].map(at)
    got = bulk(findings, rejects, len(recs))
    assert sum(v == "level_mismatch" for v in want.values()) > 10
    assert got == want
