"""perf65 (session 63): a level named as concealer over a unit below it stays on the batch's fast path.

check62 X4 (fid67) had the engine keep such levels apart from those that knew the problem (``Context.hid``): the level
knew it, but a unit placed at the level and below it with a part in the problem (the school at a concealing county,
``unit_below_own_level``) still misses it. The batch sent every such record to the reference path
(``concealing_levels_over_units``: 25 of the 1M bench ledger, ~0.08 CPU s of who_answers and its findings); now derive
keeps those levels' cells apart (``Derived.hid``) and expand drops the misses of the level's other bodies only
(``unhidden_units``). The rows must be ``who_answers``' own, under both values of the reading, for every kind, with the
concealer written as a level, as a body and beside a school that hid it too, and no record may take the reference
path for it.
"""

from __future__ import annotations

import itertools
from typing import Any
from unittest import mock

import pytest

from responsibility import Policy, ProblemError
from responsibility.batch import _assessor

from .verdicts import batch_and_answers

VILLAGE = "330127100219"  # 富城村, 千岛湖镇
CONCEALERS: list[list[str]] = [["county"], ["city"], ["township"], ["county", "city"], ["county", "county_school"],
                               ["county_education"], ["county", "county_education"]]


def _records(policy: Policy, areas: tuple[str, ...] | None = None) -> list[dict[str, Any]]:
    out = []
    kinds = sorted(k for k in policy.kinds if areas is None or k[0] in areas)
    for (area, kind), concealed, found in itertools.product(kinds, CONCEALERS, ("province", "city")):
        r = {"id": f"{kind}-{'+'.join(concealed)}-{found}", "area": area, "kind": kind, "place": VILLAGE,
             "discovered": {"level": found, "channel": "inspection_tour", "on": "2021-03-01"},
             "concealed_by": concealed, "as_of": "2021-03-05"}
        try:  # (a concealer the record may not name: one of the finder's level or above, a body of no part)
            policy.who_answers(r)
        except ProblemError:
            continue
        out.append(r)
    return out


def _referred(view: Any, records: list[dict[str, Any]]) -> int:
    """How many of ``records`` the batch sends to the reference path (who_answers)."""
    calls = []
    real = _assessor.who_answers

    def spy(*a: Any, **k: Any) -> Any:
        calls.append(1)
        return real(*a, **k)

    with mock.patch.object(_assessor, "who_answers", spy):
        view.assess(records)
    return len(calls)


@pytest.mark.parametrize("below", [True, False])
def test_concealing_levels_over_a_unit_give_who_answers_rows_on_the_fast_path(policy: Policy, below: bool) -> None:
    view = policy if below else policy.with_parameters(unit_below_own_level=False)
    records = _records(policy, ("education",))
    got, want = batch_and_answers(view, records)
    assert got == want
    assert _referred(view, records) == 0
    if below:  # (the case itself: a school that misses it under a concealing county, on the fast path)
        assert any(row[3] == "county_school" and row[6] == "not_discovered" and "county" in row[0].split("-")[1]
                   for row in got)


def test_every_kind_under_a_concealing_level_gives_who_answers_rows(policy: Policy) -> None:
    records = _records(policy)
    got, want = batch_and_answers(policy, records)
    assert got == want
