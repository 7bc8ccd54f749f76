"""A warm decider's memo tables stay untracked by the garbage collector as they grow (issue 12 item 4).

CPython untracks a dict that holds only atomic values and untracked tuples in a full collection, and tracks it again,
in the youngest generation, as soon as a tracked object is put in it — a new tuple is tracked. After each full
collection, a memo table given a fresh tuple key or value was so walked whole (thousands of entries: dict_traverse,
visit_decref, visit_reachable) by the next young collection and the middle one after it; and a table holding a tuple of
tuples that the collector met before the tuples inside it (it untracks a tuple only when what it holds is untracked
already) stayed tracked, walked by the next full collection too. In
bench_engine's state (1,000 decisions after 5,000, settled) the collector's time fell from ~6.4 to ~2 ms. The entries
put in these tables are untracked first (``engine/_compile.untracked``, and the place codes ``engine/_dicts.c``
keeps), so the tables stay untracked, whatever is decided after."""

from __future__ import annotations

import gc
from typing import Any

import pytest

from responsibility import Jurisdiction
from responsibility.engine import _problem
from responsibility.engine._decide import decider_of

from .conftest import fresh_load
from .strategies import bench_engine_records

pytest.importorskip("responsibility.engine._dicts")


def _tables(policy: Any, j: Jurisdiction) -> dict[str, dict[Any, Any]]:
    """The memo tables whose entries are untracked: by name, as a test failure names them."""
    d = decider_of(policy)
    return {"_problem._CODED": _problem._CODED, "_static_memo": d._static_memo, "_static_bases": d._static_bases,
            "_clauses_memo": d._clauses_memo, "_linked_memo": d._linked_memo, "places": d._places_in(j),
            "compiled._met_derived": d.compiled._met_derived, "compiled._tokens": d.compiled._tokens}


def test_memo_tables_stay_untracked_as_new_records_are_decided() -> None:
    policy, j = fresh_load(), Jurisdiction.synthetic()
    for r in bench_engine_records(policy, j, 300, seed=2, prefix="w"):
        policy.who_answers(r, jurisdiction=j, engine="compiled").to_dict()
    tables = _tables(policy, j)
    assert all(tables.values())
    gc.collect()  # (a full collection: where CPython untracks a dict of atomic values and untracked tuples)
    # none holds anything the collector must walk (before: five kept tuples of a frozenset or of tracked tuples, and
    # were walked by every full collection)
    assert sorted(name for name, t in tables.items() if gc.is_tracked(t)) == []
    sizes = {name: len(t) for name, t in tables.items()}
    # new records: new places (a village each, most of them), new forms, new facts' rules; with the collector off, so
    # that no collection untracks again a table a tracked entry made tracked
    fresh_records = bench_engine_records(policy, j, 300, seed=3, prefix="n")
    gc.disable()
    try:
        for r in fresh_records:
            policy.who_answers(r, jurisdiction=j, engine="compiled").to_dict()
    finally:
        gc.enable()
    # (the decider's own tables grow; _problem._CODED is the process's, which the suite's other tests in this worker
    # may have filled with these forms already — CI-58b)
    assert {"places", "compiled._tokens"} <= {n for n, t in tables.items() if len(t) > sizes[n]}
    assert sorted(name for name, t in tables.items() if gc.is_tracked(t)) == []


def test_untracked_entries_are_the_values_a_fresh_decider_gives() -> None:
    # (untracking changes no value: the verdicts of records decided on the warm tables equal a fresh decider's)
    records = bench_engine_records(fresh_load(), Jurisdiction.synthetic(), 120, seed=5, prefix="v")
    warm, j = fresh_load(), Jurisdiction.synthetic()
    for r in records:
        warm.who_answers(r, jurisdiction=j, engine="compiled")
    gc.collect()
    again = [warm.who_answers(r, jurisdiction=j, engine="compiled").to_dict() for r in records]
    fresh = fresh_load()
    assert again == [fresh.who_answers(r, jurisdiction=j, engine="compiled").to_dict() for r in records]
