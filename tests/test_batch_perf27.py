"""Session 27's work on the bulk path's cost (issue 12 item 3): what a run asked of the policy in Python before its
first records were decided is saved with the assessor's tables (batch/_saved.made), and a run that loads them asks
nothing again — with the same findings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from responsibility import Jurisdiction, Policy
from responsibility.batch import _assessor, _core, _encode, _saved, _tables
from responsibility.batch._assessor import Assessor, make_assessor

from .conftest import fresh_load, own_cache
from .test_batch import TODAY, expected, got, ledger


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return own_cache(tmp_path, monkeypatch)


@pytest.fixture(scope="module")
def province() -> Jurisdiction:
    return Jurisdiction.synthetic(cities=2, counties=3, townships=8, villages=30, seed=27)


@pytest.mark.slow
def test_a_loaded_assessor_asks_the_policy_nothing_its_entry_kept(policy: Policy, province: Jurisdiction,
                                                                 cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # fails before: giving_line (~3,400 gives_line questions), receiving_bodies and community_township were made
    # afresh by every run, the entry holding none of them (~0.15 CPU s of each run on the 1M bench ledger)
    records = ledger(policy, province, 600, seed=27, broken=0.05)
    first = policy.assess(records, jurisdiction=province, today=TODAY)  # builds, then saves
    built = make_assessor(policy, province, today=TODAY)
    assert isinstance(built, Assessor) and built.loaded
    township = _encode.community_township(built.t).copy()
    fresh = fresh_load()  # (a policy object of its own: none of the first one's memos)
    assert fresh is not policy and "batch: giving line" not in fresh.__dict__.get("_memos", {})

    def asked(*_: object, **__: object) -> None:
        raise AssertionError("asked again what the entry kept")

    monkeypatch.setattr(_tables, "gives_line", asked)
    # (and none of the tables' parts another view of the same data made in this process: what is not asked here
    # must come from the entry, not from batch/_tables' shared parts)
    monkeypatch.setattr(_tables, "_KEPT", type(_tables._KEPT)())
    monkeypatch.setattr(_assessor, "receiving_bodies", asked)
    monkeypatch.setattr(_encode, "is_residents_committee", asked)
    monkeypatch.setattr(_encode, "_COMMUNITY_TOWNSHIP", {})
    monkeypatch.setattr(_saved, "_COMMUNITY_TOWNSHIP", _encode._COMMUNITY_TOWNSHIP)
    loaded = make_assessor(fresh, province, today=TODAY)
    assert isinstance(loaded, Assessor) and loaded.loaded
    assert (loaded.receivers is None) == (built.receivers is None)
    if built.receivers is not None:
        assert loaded.receivers is not None and np.array_equal(loaded.receivers, built.receivers)
    assert np.array_equal(_core.giving_line(loaded.t), _core.giving_line(built.t))
    assert np.array_equal(_encode.community_township(loaded.t), township)
    again = fresh.assess(records, jurisdiction=province, today=TODAY)
    assert got(again) == got(first)
    monkeypatch.undo()
    assert got(first) == expected(policy, province, records, "compiled")


def test_an_entry_whose_kept_tables_do_not_fit_is_not_used(policy: Policy, province: Jurisdiction,
                                                          cache: Path) -> None:
    records = ledger(policy, province, 200, seed=28)
    policy.assess(records, jurisdiction=province, today=TODAY)
    a = make_assessor(policy, province, today=TODAY)
    assert isinstance(a, Assessor) and a.loaded and a.saved_key
    more = _saved.made(a.t, a.receivers)
    more["giving_line"] = more["giving_line"][:, :, :-1]  # (a table of other bodies)
    _saved.save(a.saved_key, a.t, a.templates, a.emitter.state(), more)
    assert _saved.load(a.saved_key, a.policy, a.jurisdiction, a.decider, "zh") is None


def test_the_reasons_segments_grow_at_once_to_the_size_the_saved_run_reached(
        policy: Policy, province: Jurisdiction, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # fails before: every run's segment store started at its first size and doubled to the size it needed, copying
    # the buffer each time (~5 times a 1M run: ~0.02 CPU s); the state saved nothing of its size
    from responsibility.batch import _emit

    monkeypatch.setattr(_emit, "_SEGMENT_FIRST_BYTES", 64)  # (small first buffers: a few hundred records outgrow them)
    monkeypatch.setattr(_emit, "_SEGMENT_FIRST_OFFSETS", 4)
    records = ledger(policy, province, 400, seed=29)
    first = policy.assess(records, jurisdiction=province, today=TODAY)  # builds, then saves
    loaded = make_assessor(policy, province, today=TODAY)
    assert isinstance(loaded, Assessor) and loaded.loaded
    data, offsets = loaded.emitter._segment_sizes
    assert data > 64 and offsets > 4  # (the run that saved it grew both)
    assert loaded.segments.sizes == (data, offsets)

    stores: list[_emit.Segments] = []  # the reasons' segments of the next run (not the pieces they are made of)
    sizes: list[tuple[int, int]] = []
    real_init = _emit.Emitter.__init__
    real_extend, real_pieces = _emit.Segments.extend, _emit.Segments.extend_pieces

    def init(self: _emit.Emitter, *args: Any, **kwargs: Any) -> None:
        real_init(self, *args, **kwargs)
        stores.append(self.segments)

    def grew(store: _emit.Segments, before: tuple[int, int]) -> None:
        now = (len(store.data), len(store.offsets))
        if any(s is store for s in stores) and now != before:
            sizes.append(now)

    def extend(self: _emit.Segments, items: list[bytes]) -> None:
        before = (len(self.data), len(self.offsets))
        real_extend(self, items)
        grew(self, before)

    def extend_pieces(self: _emit.Segments, store: _emit.Segments, pieces: Any) -> None:
        before = (len(self.data), len(self.offsets))
        real_pieces(self, store, pieces)
        grew(self, before)

    monkeypatch.setattr(_emit.Emitter, "__init__", init)
    monkeypatch.setattr(_emit.Segments, "extend", extend)
    monkeypatch.setattr(_emit.Segments, "extend_pieces", extend_pieces)
    again = policy.assess(records, jurisdiction=province, today=TODAY)
    assert stores and again.findings.equals(first.findings) and again.rejects.equals(first.rejects)
    # each buffer grew once, straight to the size the saved run reached (it doubled several times then)
    assert sizes and sizes[-1] == (data, offsets)
    assert {d for d, _ in sizes} <= {64, data} and {o for _, o in sizes} <= {4, offsets}
    assert got(first) == expected(policy, province, records, "compiled")
