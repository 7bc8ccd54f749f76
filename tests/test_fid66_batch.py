"""fid66's batch half of check61 T1 (a patch for the batch's owner: /work/helpers/s60/fid66-batch.patch): the bulk
path refuses a record whose steps are listed out of date order, as ``who_answers`` does (engine/_problem.py
``_date_fault``), in C and in numpy alike."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from unittest import mock

import pytest

from responsibility import Policy


def _to7(first: str = "2021-03-06", second: str = "2021-03-04", rid: str = "TO7") -> dict[str, Any]:
    return {"id": rid, "area": "water", "kind": "water_unsafe_unreported", "place": "330127101207",
            "discovered": {"level": "village", "channel": "grid", "on": "2021-03-01"},
            "handled": [{"action": "reported", "by_level": "village", "to_level": "township", "on": first},
                        {"action": "assigned", "by_level": "township", "to_level": "village", "on": second}],
            "as_of": "2021-04-30"}


def _down(first: str = "2021-03-10", second: str = "2021-03-06", rid: str = "D") -> dict[str, Any]:
    """The county hands the township a hotline find, the township the village: the pass-down listed first."""
    return {"id": rid, "area": "water", "kind": "water_unsafe_unreported", "place": "330127101207",
            "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
            "handled": [{"action": "assigned", "by_level": "county", "to_level": "township", "on": first},
                        {"action": "assigned", "by_level": "township", "to_level": "village", "on": second}],
            "deadline": "2021-04-15", "rectified_on": "2021-04-10", "as_of": "2021-04-30"}


@pytest.mark.parametrize("c_pass", [True, False])
def test_the_batch_refuses_steps_out_of_date_order(policy: Policy, c_pass: bool) -> None:
    """Among records in order (the same day twice in either order too), the one whose steps go back is rejected
    with who_answers' code and field; the others are assessed as who_answers assesses them."""
    import responsibility.batch._core as core

    records = [_to7("2021-03-04", "2021-03-06", "A"), _to7(rid="TO7"), _to7("2021-03-06", "2021-03-06", "B"),
               _down("2021-03-05", "2021-03-08", "C"), _down(rid="D")]
    with mock.patch.object(core, "_c_check", core._c_check if c_pass else None):
        a = policy.assess(records)
    assert (a.assessed, a.rejected) == (3, 2)
    assert [(r.problem, r.code, r.field) for r in a.rejects.itertuples()] == \
        [("TO7", "order_violation", "handled[1].on"), ("D", "order_violation", "handled[1].on")]


def test_assess_of_a_file_rejects_steps_out_of_date_order(run_cli: Any, tmp_path: Path) -> None:
    src, rejects = tmp_path / "r.jsonl", tmp_path / "rejects.jsonl"
    src.write_text(json.dumps(_down()) + "\n" + json.dumps(_down("2021-03-05", "2021-03-08", "A")) + "\n",
                   encoding="utf-8")
    code, _, err = run_cli("assess", str(src), "-o", str(tmp_path / "o.jsonl"), "--rejects", str(rejects))
    assert code == 1, err
    rows = [json.loads(x) for x in rejects.read_text(encoding="utf-8").splitlines() if x]
    assert [(r["problem"], r["code"], r["field"]) for r in rows] == [("D", "order_violation", "handled[1].on")]
