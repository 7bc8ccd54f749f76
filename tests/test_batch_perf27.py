"""Session 27's work on the bulk path's cost (issue 12 item 3): what a run asked of the policy in Python before its
first records were decided is saved with the assessor's tables (batch/_saved.made), and a run that loads them asks
nothing again — with the same findings."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import responsibility
from responsibility import Jurisdiction, Policy
from responsibility.batch import _assessor, _core, _encode, _saved
from responsibility.batch._assessor import Assessor, make_assessor

from .conftest import own_cache
from .test_batch import TODAY, expected, got, ledger


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return own_cache(tmp_path, monkeypatch)


@pytest.fixture(scope="module")
def province() -> Jurisdiction:
    return Jurisdiction.synthetic(cities=2, counties=3, townships=8, villages=30, seed=27)


def test_a_loaded_assessor_asks_the_policy_nothing_its_entry_kept(policy: Policy, province: Jurisdiction,
                                                                 cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # fails before: giving_line (~3,400 gives_line questions), receiving_bodies and community_township were made
    # afresh by every run, the entry holding none of them (~0.15 CPU s of each run on the 1M bench ledger)
    records = ledger(policy, province, 600, seed=27, broken=0.05)
    first = policy.assess(records, jurisdiction=province, today=TODAY)  # builds, then saves
    built = make_assessor(policy, province, today=TODAY)
    assert isinstance(built, Assessor) and built.loaded
    township = _encode.community_township(built.t).copy()
    fresh = responsibility.load()  # (a policy object of its own: none of the first one's memos)
    assert fresh is not policy and "batch: giving line" not in fresh.__dict__.get("_memos", {})

    def asked(*_: object, **__: object) -> None:
        raise AssertionError("asked again what the entry kept")

    monkeypatch.setattr(_core, "gives_line", asked)
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
