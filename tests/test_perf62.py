"""Session 61's batch-path changes (perf62, issue 12 item 3): each gives what the code before it gave.

- what ``acting_pressers`` asks of the policy (``Decider._acting_reaches``, ~2,200 questions of a 1M bench run) is
  saved with the assessor's templates (``ASKED``: ``keep_asked``) and put back where derive looks for it, so that a
  run loading the entry asks none of them again, and gives the same rows;
- the duties and bodies ``acting_pressers`` reads of the policy are read once per policy (``_acting_held``), as each
  chunk read them;
- ``returned_holders``' records whose holding moved on, ``late_pass_ons``' look-up of the first assignment to a
  step's acting level and ``item_pairs``' look-ups (flat positions) are what the code before them gave (copies here);
- ``_derive.c``'s five step kernels share one walk of a record's steps (D2): tests/test_perf61.py compares each
  with its numpy reference.

The 1M ``bench_assess`` ledger's output, one process and ``--workers 2``, a 200k JSON lines run and a 200k run under
the amended policy were compared byte for byte with main's (229f16e0) (docs/scale.md, session 61).
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest

from responsibility import Jurisdiction, Policy
from responsibility.batch import _core
from responsibility.batch._assessor import make_assessor
from responsibility.batch._core import ACTING_REACHES, ASKED, NONE, REPORTED, _acting_held, late_pass_ons
from responsibility.engine._decide import Decider, pressing_also_acting

from .conftest import own_cache
from .test_batch import TODAY, expected, got, ledger


@pytest.fixture(scope="module")
def province() -> Jurisdiction:
    return Jurisdiction.synthetic(cities=2, counties=3, townships=8, villages=30, seed=62)


def _acting(policy: Policy, province: Jurisdiction, n: int, seed: int) -> list[dict[str, Any]]:
    """Records of the test ledger, every third handed by an assignment to (or found by) a body holding a duty whose
    pressing ``acting_departments_press`` widens: acting_pressers asks of each whether the duty reaches the problem."""
    records = [r if isinstance(r, dict) else dict(r) for r in ledger(policy, province, n, seed=seed)]
    t = make_assessor(policy, province, today=TODAY).t  # type: ignore[union-attr]
    held, _, _ = _acting_held(t)
    bodies = [t.bodies[b] for b in sorted(held)]
    assert bodies
    for i, r in enumerate(records):
        if i % 3 or not r.get("handled"):
            continue
        step = dict(r["handled"][0])
        if step.get("action") != "reported" and step.get("to_level") in ("city", "province"):
            step["to_body"] = bodies[i % len(bodies)]
            r["handled"] = [step, *r["handled"][1:]]
    return records


def test_acting_reaches_is_saved_and_not_asked_again(policy: Policy, province: Jurisdiction, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    assert ACTING_REACHES in ASKED
    own_cache(tmp_path, monkeypatch)
    records = _acting(policy, province, 1500, 62)
    first = policy.assess(records, jurisdiction=province, today=TODAY)  # builds, asks, then saves
    asked = dict(policy._memo(ACTING_REACHES, dict))
    assert asked, "no record asked whether an acting department's duty reaches its problem"
    loaded = make_assessor(policy, province, today=TODAY)
    assert loaded.loaded and loaded.templates.asked.get(ACTING_REACHES) == asked  # type: ignore[union-attr]
    # a process whose memo lacks them takes them from the entry, not from the decider again
    policy._memo(ACTING_REACHES, dict).clear()
    monkeypatch.setattr(Decider, "_acting_reaches", lambda *a, **k: pytest.fail("asked again"))
    again = policy.assess(records, jurisdiction=province, today=TODAY)
    assert got(again) == got(first)
    assert again.findings.equals(first.findings)


@pytest.mark.slow
def test_acting_records_give_who_answers_rows(policy: Policy, province: Jurisdiction) -> None:
    records = _acting(policy, province, 900, 7)
    assert got(policy.assess(records, jurisdiction=province, today=TODAY)) \
        == expected(policy, province, records, "compiled")


def test_acting_held_is_what_each_chunk_read(policy: Policy, province: Jurisdiction) -> None:
    t = make_assessor(policy, province, today=TODAY).t  # type: ignore[union-attr]
    also = pressing_also_acting(t.policy)
    held: dict[int, list[str]] = {}
    for d in also:
        for holder in t.policy.duties[d].holders:
            if holder in t.body_index:
                held.setdefault(t.body_index[holder], []).append(d)
    got_held, idx, every_true = _acting_held(t)
    assert got_held == held and idx.tolist() == sorted(held)
    assert every_true == all(t.policy.parameter(also[d]) for ds in held.values() for d in ds)
    assert _acting_held(t) is _acting_held(t) or _acting_held(t)[0] == held


def test_moved_on_records_are_the_rows_any_gave() -> None:
    rng = np.random.default_rng(62)
    for n, nr in ((1, 5), (50, 5), (4000, 7)):
        received_all = np.where(rng.random((n, nr)) < 0.5, rng.integers(0, 30, (n, nr)), NONE).astype(np.int32)
        received = np.where(rng.random((n, nr)) < 0.05, rng.integers(0, 30, (n, nr)), received_all).astype(np.int32)
        received[rng.random((n, nr)) < 0.05] = NONE
        want = np.flatnonzero(((received != received_all) & (received != NONE)).any(axis=1))
        have = np.flatnonzero((received != received_all) & (received != NONE)) // nr
        assert np.array_equal(np.unique(have), want)


def _old_late_pass_ons(c: Any, nr: int, limit: int) -> None:
    """late_pass_ons' marks before perf62 (numpy's indexing by pairs; every record's parameter as by default)."""
    asg = np.flatnonzero(c.hact != REPORTED)
    if not len(asg):
        return
    first = np.full((c.n, nr), np.iinfo(np.int64).max // 2, np.int64)
    np.minimum.at(first, (c.hp[asg], c.hto[asg]), c.hon[asg].astype(np.int64))
    late = asg[c.hon[asg].astype(np.int64) > first[c.hp[asg], c.hby[asg]] + limit]
    w = c.hp[late]
    rect, deadline = c.rect[w], c.deadline[w]
    w = w[(rect == NONE) | (deadline == NONE) | (rect > deadline)]
    c.slow[w] = True


def test_late_pass_ons_marks_what_it_marked(policy: Policy, province: Jurisdiction) -> None:
    t = make_assessor(policy, province, today=TODAY).t  # type: ignore[union-attr]
    nr = t.max_rank + 1
    rng = np.random.default_rng(62)
    n = 3000
    per = rng.integers(0, 6, n)
    hp = np.repeat(np.arange(n, dtype=np.int32), per)
    m = len(hp)
    cols = {"hp": hp, "hact": np.where(rng.random(m) < 0.4, REPORTED, 0).astype(np.int32),
            "hby": rng.integers(0, nr, m).astype(np.int32), "hto": rng.integers(0, nr, m).astype(np.int32),
            "hon": rng.integers(18000, 18060, m).astype(np.int32),
            "rect": np.where(rng.random(n) < 0.5, rng.integers(18000, 18090, n), NONE).astype(np.int32),
            "deadline": np.where(rng.random(n) < 0.5, rng.integers(18000, 18090, n), NONE).astype(np.int32)}
    old = SimpleNamespace(n=n, slow=np.zeros(n, np.bool_), **cols)
    new = SimpleNamespace(n=n, slow=np.zeros(n, np.bool_), **cols)
    _old_late_pass_ons(old, nr, 10)
    late_pass_ons(new, t, 10)  # type: ignore[arg-type]
    assert (old.slow == new.slow).all() and 50 < old.slow.sum() < n


def test_item_pairs_by_flat_positions_is_the_fancy_indexing(policy: Policy, province: Jurisdiction) -> None:
    a = make_assessor(policy, province, today=TODAY)
    t = a.t  # type: ignore[union-attr]
    table, more = _core.item_pairs_tables(t)
    rng = np.random.default_rng(62)
    n = 5000
    shape = more.shape
    c = SimpleNamespace(n=n, slow=np.zeros(n, np.bool_), area=rng.integers(0, shape[0], n).astype(np.int32),
                        kind=rng.integers(0, shape[1], n).astype(np.int32))
    ur = np.sort(rng.integers(0, n, 3000)).astype(np.int64)
    ul = rng.integers(0, shape[3], len(ur)).astype(np.int64)
    pr = rng.integers(0, shape[2], n).astype(np.int64)
    chosen = rng.integers(-1, 3, len(ur)).astype(np.int32)
    # (the cells that stand for two bodies are few: a fifth of the late levels put on them)
    cells = np.argwhere(table[..., 0] >= 0)
    assert len(cells)
    for x in range(0, len(ur), 5):
        a, k, p, lv = cells[x % len(cells)]
        c.area[ur[x]], c.kind[ur[x]], pr[ur[x]] = a, k, p
        ul[x] = lv
    at = (c.area[ur], c.kind[ur], pr[ur], ul)
    want_slow = np.zeros(n, np.bool_)
    want_slow[ur[more[at] & (chosen >= 0)]] = True
    want = table[at]
    want[chosen < 0] = -1
    pairs, marked = _core.item_pairs(c, t, ur, ul, pr, chosen)  # type: ignore[arg-type]
    assert marked == bool(want_slow.any()) and (c.slow == want_slow).all()
    assert pairs is not None and (pairs[:, 0] >= 0).sum() > 100
    assert np.array_equal(pairs, want)
