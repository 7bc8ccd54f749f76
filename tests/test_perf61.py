"""Session 60's batch-path changes (perf61, issue 12 item 3): each gives what the code before it gave.

- ``returned_reports`` in one C pass over each record's steps (``_derive.c`` returned) gives what its numpy reference
  (``returned_reports_numpy``, the code before) gives, on steps with reports and assignments back and forth, several
  the same day, and falls back to it where the steps do not come by record;
- ``anonymous_handover_steps``' test of each report (``_handed_held``: C, or records x levels tables filled through
  flat positions) gives what the tables filled by ``ufunc.at`` on pairs of index arrays gave;
- ``missing_steps`` and ``handed_back`` in one C pass over each late level's record's steps (``_derive.c``
  late_steps) mark what their numpy references (the code before) mark;
- ``_minimum_at``, ``record_spans``, ``each_step``, ``unique_rows`` are the numpy calls they replace;
- ``stepping_levels`` and ``gone_with_aside`` (in C, ``_derive.c`` stepped_up and gone_aside, or numpy) mark what
  the code before them marked (copied here as references);
- a whole assessment with the C kernels gives the rows it gives with their numpy fallbacks, and both give
  ``who_answers``' rows;
- the item pairs' tables come back from the assessor cache equal to those made afresh.

The 1M ``bench_assess`` ledger's output was compared byte for byte with d40099e8's (docs/scale.md, session 60).
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest

from responsibility import Jurisdiction, Policy
from responsibility.batch import _core, _saved
from responsibility.batch._assessor import make_assessor
from responsibility.batch._core import (
    ITEM_PAIRS,
    NONE,
    REPORTED,
    each_step,
    gone_with_aside,
    handed_back,
    handed_back_numpy,
    item_pairs_key,
    item_pairs_tables,
    missing_steps,
    missing_steps_numpy,
    record_spans,
    returned_reports,
    returned_reports_numpy,
    stepping_levels,
)
from responsibility.batch._emit import unique_rows
from responsibility.policy import _cache

from .conftest import own_cache
from .test_batch import TODAY, expected, got, ledger


def _steps(rng: np.random.Generator, n: int, nr: int = 5, most: int = 7, days: int = 6,
           ) -> dict[str, np.ndarray]:
    """Steps of ``n`` records, by record then day (derive's order), few days apart so that many fall on one day."""
    per = rng.integers(0, most + 1, n)
    hp = np.repeat(np.arange(n, dtype=np.int32), per)
    m = len(hp)
    hon = (rng.integers(0, days, m) + 18000).astype(np.int32)
    order = np.lexsort((hon, hp))
    hp, hon = hp[order], hon[order]
    hby = rng.integers(0, nr, m).astype(np.int32)
    hto = rng.integers(0, nr, m).astype(np.int32)
    hact = np.where(rng.random(m) < 0.5, REPORTED, 0).astype(np.int32)
    return {"hp": hp, "hact": hact, "hby": hby, "hto": hto, "hon": hon,
            "reports": (hact == REPORTED) & (rng.random(m) < 0.9),
            "counting": (hact != REPORTED) & (rng.random(m) < 0.7)}


def test_returned_reports_in_c_is_its_numpy_reference() -> None:
    rng = np.random.default_rng(61)
    marked = 0
    for n in (1, 7, 300, 2000):
        s = _steps(rng, n)
        args = (s["hp"], s["hact"], s["hby"], s["hto"], s["hon"], s["reports"], s["counting"], 5)
        want = returned_reports_numpy(None, *args)  # type: ignore[arg-type]
        have = returned_reports(None, *args)  # type: ignore[arg-type]
        if want is None:
            assert have is None
        else:
            assert have is not None and have.dtype == np.bool_ and (have == want).all()
            marked += int(want.sum())
    assert marked > 50  # (the shapes above hold many such reports, some of them one of a day's several)


@pytest.mark.skipif(_core._c_returned is None, reason="the C extension (batch/_derive.c) was not built")
def test_returned_reports_leaves_steps_not_by_record_to_numpy() -> None:
    rng = np.random.default_rng(5)
    s = _steps(rng, 400)
    shuffle = rng.permutation(len(s["hp"]))
    s = {k: v[shuffle] for k, v in s.items()}
    out = np.zeros(len(s["hp"]), np.bool_)
    args = (s["hp"], s["hact"], s["hby"], s["hto"], s["hon"], s["reports"], s["counting"])
    assert _core._c_returned(out, *args, 5, REPORTED) == -1  # (then numpy decides)
    want = returned_reports_numpy(None, *args, 5)  # type: ignore[arg-type]
    have = returned_reports(None, *args, 5)  # type: ignore[arg-type]
    assert (want is None and have is None) or (have is not None and want is not None and (have == want).all())


def _old_handed_held(c: Any, anon: np.ndarray, nr: int) -> np.ndarray:
    """anonymous_handover_steps' test of each report as d40099e8 made it (ufunc.at by pairs of index arrays)."""
    far = np.iinfo(np.int64).max // 2
    shape = (c.n, nr)
    asg = np.flatnonzero(c.hact != REPORTED)
    first_asg = np.full(shape, far, np.int64)
    np.minimum.at(first_asg, (c.hp[asg], c.hto[asg]), c.hon[asg].astype(np.int64))
    first_any = np.full(shape, far, np.int64)
    np.minimum.at(first_any, (c.hp, c.hto), c.hon.astype(np.int64))
    steps_to = np.zeros(shape, np.int32)
    np.add.at(steps_to, (c.hp, c.hto), 1)
    r, by, to, on = c.hp[anon], c.hby[anon], c.hto[anon], c.hon[anon].astype(np.int64)
    assigned = first_asg[r, by] <= on
    held = (c.disc[r] & (c.dlev[r] == to)) | ((steps_to[r, to] >= 2) & (first_any[r, to] <= on))
    return np.flatnonzero(assigned & held)


@pytest.mark.parametrize("kernel", ["c", "numpy"])
def test_handed_held_is_what_the_tables_by_pairs_of_indices_gave(kernel: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if kernel == "numpy":
        monkeypatch.setattr(_core, "_c_handed_held", None)
    rng = np.random.default_rng(43)
    found = 0
    for n in (3, 500, 3000):
        s = _steps(rng, n)
        c = SimpleNamespace(n=n, disc=rng.random(n) < 0.8, dlev=rng.integers(0, 5, n).astype(np.int32), **s)
        anon = np.flatnonzero((c.hact == REPORTED) & (c.hby < c.hto))
        want = _old_handed_held(c, anon, 5)
        assert (_core._handed_held(c, anon, 5) == want).all()  # type: ignore[arg-type]
        found += len(want)
    assert found > 100


def test_late_steps_in_c_mark_what_numpy_marks() -> None:
    rng = np.random.default_rng(48)
    hits = [0, 0]
    for n in (2, 400, 3000):
        s = _steps(rng, n, days=40)
        nr = 5
        ur = np.repeat(np.arange(n), rng.integers(0, 3, n)).astype(np.int64)
        if n == 400:  # (late levels not by record: each record's first step found by a search, not a walk)
            ur = rng.permutation(ur)
        ul = rng.integers(0, nr, len(ur)).astype(np.int64)
        received = np.where(rng.random((n, nr)) < 0.9, rng.integers(0, 30, (n, nr)) + 18000, NONE).astype(np.int32)
        stepped = rng.random(len(ur)) < 0.3
        rect = np.where(rng.random(n) < 0.5, rng.integers(0, 60, n) + 18000, NONE).astype(np.int32)
        for k, (fast, ref) in enumerate(((missing_steps, missing_steps_numpy), (handed_back, handed_back_numpy))):
            before = rng.random(n) < 0.05
            old = SimpleNamespace(n=n, slow=before.copy(), rect=rect)
            new = SimpleNamespace(n=n, slow=before.copy(), rect=rect)
            if k == 0:
                args: tuple[Any, ...] = (ur, ul, stepped, received, s["hp"], s["hby"], s["hon"], 3)
            else:
                args = (ur, ul, received, s["hp"], s["hact"], s["hby"], s["hto"], s["hon"], 3)
            assert ref(old, *args) == fast(new, *args)  # type: ignore[operator]
            assert (old.slow == new.slow).all()
            hits[k] += int((old.slow & ~before).sum())
    assert min(hits) > 20  # (records each marks)


def test_minimum_at_through_flat_positions_is_ufunc_at_by_pairs() -> None:
    rng = np.random.default_rng(1)
    i, j = rng.integers(0, 50, 4000), rng.integers(0, 6, 4000)
    values = rng.integers(-1000, 1000, 4000)
    for jj in (j, np.where(j == 5, -1, j)):  # (a -1 wraps, as numpy's indexing by the pair did)
        want, have = np.full((50, 6), 10**9, np.int64), np.full((50, 6), 10**9, np.int64)
        np.minimum.at(want, (i, jj), values)
        _core._minimum_at(have, i, jj, values)
        assert (want == have).all()
    with pytest.raises(IndexError):
        _core._minimum_at(np.zeros((50, 6), np.int64), i, np.where(j == 5, 6, j), values)


def test_record_spans_and_each_step_are_the_searches_and_repeats_they_replace() -> None:
    rng = np.random.default_rng(2)
    hp = np.sort(rng.integers(0, 400, 3000)).astype(np.int32)
    for records in (rng.integers(0, 400, 900), rng.integers(-3, 420, 900), np.zeros(0, np.int64)):
        lo, hi = record_spans(hp, records)
        assert (lo == np.searchsorted(hp, records, "left")).all()
        assert (hi == np.searchsorted(hp, records, "right")).all()
        n = hi - lo
        pair, at = each_step(lo, n)
        assert (pair == np.repeat(np.arange(len(lo)), n)).all()
        assert (at == np.repeat(lo, n) + (np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n))).all()
    unsorted = rng.permutation(hp)
    q = rng.integers(0, 400, 50)
    assert (record_spans(unsorted, q)[0] == np.searchsorted(unsorted, q, "left")).all()


def test_unique_rows_is_numpy_unique_by_rows() -> None:
    rng = np.random.default_rng(3)
    cases = [rng.integers(-5, 5, (3000, 4)), rng.integers(-2**40, 2**40, (500, 4)), rng.integers(0, 3, (1, 5)),
             np.zeros((0, 3), np.int64), rng.integers(0, 2**62, (200, 3))]  # (the last: too wide for one key)
    for a in cases:
        a = a.astype(np.int64)
        _, first, inverse = np.unique(a, axis=0, return_index=True, return_inverse=True)
        f, inv = unique_rows(a)
        assert (f == first).all() and (inv == inverse.reshape(-1)).all()


def _old_stepping_levels(c: Any) -> None:
    hp, hby, hto, hon = c.hp, c.hby, c.hto, c.hon
    cand = np.flatnonzero(c.disc[hp] & (hby > c.dlev[hp]) & ~c.slow[hp])
    if not len(cand):
        return
    order = np.argsort(hp, kind="stable")
    by_record = hp[order]
    lo, hi = np.searchsorted(by_record, hp[cand], "left"), np.searchsorted(by_record, hp[cand], "right")
    n = hi - lo
    pair = np.repeat(np.arange(len(lo)), n)
    at = np.repeat(lo, n) + (np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n))
    other = order[at]
    i = cand[pair]
    reached = (hto[other] == hby[i]) & (hby[other] != hby[i]) & (hon[other] <= hon[i])
    hit = np.ones(len(cand), np.bool_)
    hit[pair[reached]] = False
    if hit.any():
        c.slow[hp[cand[hit]]] = True


@pytest.mark.parametrize(("by_record", "kernel"), [(True, "c"), (True, "numpy"), (False, "c")])
def test_stepping_levels_marks_what_it_marked(by_record: bool, kernel: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if kernel == "numpy":
        monkeypatch.setattr(_core, "_c_stepped_up", None)
    rng = np.random.default_rng(4)
    n = 2000
    s = _steps(rng, n)
    if not by_record:
        shuffle = rng.permutation(len(s["hp"]))
        s = {k: v[shuffle] for k, v in s.items()}
    base = {"n": n, "disc": rng.random(n) < 0.8, "dlev": rng.integers(0, 5, n).astype(np.int32), **s}
    old = SimpleNamespace(slow=rng.random(n) < 0.1, **base)
    new = SimpleNamespace(slow=old.slow.copy(), **base)
    _old_stepping_levels(old)
    stepping_levels(new, None)  # type: ignore[arg-type]
    assert (old.slow == new.slow).all() and old.slow.sum() > 200


def _old_gone_with_aside(c: Any, nr: int, ur: np.ndarray, ul: np.ndarray, gone: np.ndarray, received: np.ndarray,
                         hp: np.ndarray, hby: np.ndarray, hon: np.ndarray, idle: np.ndarray, fixing: np.ndarray,
                         limit: int) -> bool:
    g = np.flatnonzero(gone)
    if not len(g) or not idle.any() or not fixing.any():
        return False
    keys = np.sort(hp[idle].astype(np.int64) * nr + hby[idle])
    lr, ll = ur[g].astype(np.int64), ul[g].astype(np.int64)
    hit = keys[np.minimum(np.searchsorted(keys, lr * nr + ll), len(keys) - 1)] == lr * nr + ll
    if not hit.any():
        return False
    lr, ll = lr[hit], ll[hit]
    first = np.full(c.n, np.iinfo(np.int64).max, np.int64)
    np.minimum.at(first, hp[fixing], hon[fixing].astype(np.int64))
    late = first[lr] > received[lr, ll].astype(np.int64) + limit
    late &= first[lr] != np.iinfo(np.int64).max
    if not late.any():
        return False
    c.slow[lr[late]] = True
    return True


@pytest.mark.parametrize("kernel", ["c", "numpy"])
def test_gone_with_aside_marks_what_it_marked(kernel: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if kernel == "numpy":
        monkeypatch.setattr(_core, "_c_gone_aside", None)
    rng = np.random.default_rng(6)
    n, nr = 1500, 5
    s = _steps(rng, n, days=30)
    ur = np.repeat(np.arange(n), 2).astype(np.int64)
    ul = rng.integers(0, nr, len(ur)).astype(np.int64)
    received = (rng.integers(0, 25, (n, nr)) + 18000).astype(np.int32)
    args = (nr, ur, ul, rng.random(len(ur)) < 0.5, received, s["hp"], s["hby"], s["hon"],
            rng.random(len(s["hp"])) < 0.3, rng.random(len(s["hp"])) < 0.2, 3)
    old = SimpleNamespace(n=n, slow=np.zeros(n, np.bool_))
    new = SimpleNamespace(n=n, slow=np.zeros(n, np.bool_))
    assert _old_gone_with_aside(old, *args) == gone_with_aside(new, *args)  # type: ignore[arg-type]
    assert (old.slow == new.slow).all() and old.slow.sum() > 20


@pytest.fixture(scope="module")
def province() -> Jurisdiction:
    return Jurisdiction.synthetic(cities=2, counties=3, townships=8, villages=30, seed=61)


@pytest.mark.slow
def test_an_assessment_with_the_c_kernels_is_one_with_their_numpy_fallbacks(
        policy: Policy, province: Jurisdiction, monkeypatch: pytest.MonkeyPatch) -> None:
    records = ledger(policy, province, 1500, seed=61, broken=0.03)
    with_c = policy.assess(records, jurisdiction=province, today=TODAY)
    for kernel in ("_c_returned", "_c_handed_held", "_c_late_steps", "_c_stepped_up", "_c_gone_aside"):
        monkeypatch.setattr(_core, kernel, None)
    without = policy.assess(records, jurisdiction=province, today=TODAY)
    assert got(with_c) == got(without) == expected(policy, province, records, "compiled")
    assert with_c.findings.equals(without.findings)


def test_the_item_pairs_tables_come_back_from_the_cache(policy: Policy, province: Jurisdiction, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    own_cache(tmp_path, monkeypatch)
    records = ledger(policy, province, 200, seed=3)
    policy.assess(records, jurisdiction=province, today=TODAY)  # builds, then saves
    built = make_assessor(policy, province, today=TODAY)
    assert built.loaded and built.receivers is not None  # type: ignore[union-attr]
    t = built.t  # type: ignore[union-attr]
    made = item_pairs_tables(t)
    entry = _cache.read_entry(_saved.KIND, built.saved_key, _saved.FORMAT)  # type: ignore[union-attr]
    saved = entry[-1]["item_pairs"]
    assert all((a == b).all() for a, b in zip(saved, made, strict=True)) and (made[0] >= 0).any()
    # a policy whose memo lacks them takes them from the entry, not from item_holders again
    policy._memo(ITEM_PAIRS, dict).pop(item_pairs_key(t), None)
    monkeypatch.setattr(_core, "_item_cells", lambda t: pytest.fail("item_holders asked again"))
    again = make_assessor(policy, province, today=TODAY)
    got_again = item_pairs_tables(again.t)  # type: ignore[union-attr]
    assert all((a == b).all() for a, b in zip(got_again, made, strict=True))
