"""Session 29's bulk kernels (issue 12 item 3): each gives what its numpy reference gives."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from responsibility import Jurisdiction, Policy

from .conftest import fresh_load

TODAY = dt.date(2021, 9, 1)
NONE = -(2**31)


def _built(name: str) -> None:
    from responsibility.batch import _core

    if getattr(_core, name) is None:
        pytest.skip("batch/_derive.c is not built in this venv: pip install -e . builds it")


@st.composite
def pass_down_cases(draw: st.DrawFn) -> tuple[object, ...]:
    """Records with the days each level received the problem, their late levels (by record, then level), and steps by
    record (reports and assignments by any level to any level on any day), drawn from a seeded generator (hypothesis's
    own draws lean to zeros, where no step shows a pass down): small, so that a step often does."""
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    n, nr = int(rng.integers(1, 13)), int(rng.integers(2, 6))
    nareas, nkinds = draw(st.integers(1, 2)), draw(st.integers(1, 3))
    received = np.where(rng.random((n, nr)) < 0.3, NONE, rng.integers(0, 6, (n, nr))).astype(np.int32)
    late = np.nonzero(rng.random((n, nr)) < 0.5)  # (by record, then level)
    ur, ul = late[0].astype(np.int64), late[1].astype(np.int64)
    auth = rng.integers(0, 2, n).astype(np.int32)  # (low: most late levels are at or above it)
    area, kind = rng.integers(0, nareas, n).astype(np.int32), rng.integers(0, nkinds, n).astype(np.int32)
    pr = np.where(rng.random(n) < 0.7, 0, 1).astype(np.int64)
    rect = rng.random((nareas, nkinds, nr, nr)) < 0.75
    m = int(rng.integers(0, 4 * n + 1))
    hp = np.sort(rng.integers(0, n, m)).astype(np.int32)
    hon = rng.integers(0, 9, m).astype(np.int32)
    hact = np.where(rng.random(m) < 0.3, 1, 2).astype(np.int32)
    hby, hto = rng.integers(0, nr, m).astype(np.int32), rng.integers(0, nr, m).astype(np.int32)
    c = SimpleNamespace(area=area, kind=kind)
    t = SimpleNamespace(rectify_level=rect)
    limit = int(rng.integers(0, 5))
    return c, t, ur, ul, received, auth, pr, hp, hact, hby, hto, hon, limit


def _listed(got: np.ndarray | None) -> list[bool] | None:
    return None if got is None else got.tolist()


@settings(max_examples=300, deadline=None)
@given(pass_down_cases())
def test_shown_pass_down_is_the_same_in_c_and_numpy(case: tuple[object, ...]) -> None:
    """Which late levels a step shows passed the problem down in time (an assignment by a lower level that can
    rectify it, had not received it nor been handed it by then, within the late level's limit, no level between
    them holding it by then): in C (one pass over each record's steps) as in numpy (tables of records x levels and a
    loop over the levels)."""
    from responsibility.batch import _core

    _built("_c_pass_down")
    want = _core.shown_pass_down_numpy(*case)  # type: ignore[arg-type]
    got = _core.shown_pass_down(*case)  # type: ignore[arg-type]
    assert _listed(got) == _listed(want)


def test_shown_pass_down_marks_the_lowest_holder_above_the_assigner() -> None:
    """A county (level 2) that received it on day 3 and is late; the township (level 1, which can rectify it) assigns
    it on day 5, not having had it: the county is shown to have passed it down, the city above it (late too) not —
    the county is the lowest holder above the township. Not past the county's limit, nor before it had it, nor by a
    report, nor by a township that had it already or cannot rectify it."""
    from responsibility.batch import _core

    _built("_c_pass_down")
    nr = 4
    received = np.full((1, nr), NONE, np.int32)
    received[0, 2] = 3
    rect = np.ones((1, 1, nr, nr), np.bool_)
    c = SimpleNamespace(area=np.zeros(1, np.int32), kind=np.zeros(1, np.int32))
    t = SimpleNamespace(rectify_level=rect)
    one = np.zeros(1, np.int32)
    base = dict(ur=np.array([0], np.int64), ul=np.array([2], np.int64), received=received, auth=one,
                pr=np.zeros(1, np.int64), hact=np.array([2], np.int32), hby=np.array([1], np.int32),
                hto=np.array([0], np.int32))

    def shown(on: int, limit: int = 5, **change: object) -> list[bool] | None:
        args = {**base, **change}
        case = (c, t, args["ur"], args["ul"], args["received"], args["auth"], args["pr"], np.zeros(1, np.int32),
                args["hact"], args["hby"], args["hto"], np.array([on], np.int32), limit)
        got = _listed(_core.shown_pass_down(*case))  # type: ignore[arg-type]
        assert got == _listed(_core.shown_pass_down_numpy(*case))  # type: ignore[arg-type]
        return got

    assert shown(5) == [True]
    city = received.copy()
    city[0, 3] = 1
    assert shown(5, ur=np.array([0, 0], np.int64), ul=np.array([2, 3], np.int64), received=city) == [True, False]
    assert shown(9) is None  # (past the county's limit of 5 days from day 3)
    assert shown(2) is None  # (before the county had it)
    assert shown(5, hact=np.array([1], np.int32)) is None  # (a report)
    had = received.copy()
    had[0, 1] = 4
    assert shown(5, received=had) is None  # (the township had it already)
    rect0 = SimpleNamespace(rectify_level=np.zeros_like(rect))
    case = (c, rect0, base["ur"], base["ul"], received, one, base["pr"], one, base["hact"], base["hby"], base["hto"],
            np.array([5], np.int32), 5)
    assert _core.shown_pass_down(*case) is None  # type: ignore[arg-type]  # (a township that cannot rectify it)


def test_pass_down_leaves_to_numpy_what_does_not_come_by_record() -> None:
    """Steps or late levels out of record order, or an index outside its table: the kernel says so (-1) and the
    numpy reference answers."""
    from responsibility.batch import _core

    _built("_c_pass_down")
    i32, i64 = np.int32, np.int64
    n, nr = 2, 3
    received = np.zeros((n, nr), i32)
    rect = np.ones((1, 1, nr, nr), np.bool_)
    recs = np.zeros(n, i32)

    def call(ur: list[int], ul: list[int], hp: list[int], hby: list[int]) -> int:
        m = len(hp)
        return _core._c_pass_down(np.empty(len(ur), np.bool_), np.array(ur, i64), np.array(ul, i64), recs, received,
                                  recs, recs, recs, rect, np.array(hp, i32), np.full(m, 2, i32), np.array(hby, i32),
                                  np.zeros(m, i32), np.zeros(m, i32), 1, 1, 5, 1)

    assert call([0, 1], [2, 2], [0, 1], [0, 0]) >= 0
    assert call([1, 0], [2, 2], [0, 1], [0, 0]) == -1  # (late levels out of order)
    assert call([0, 1], [2, 2], [1, 0], [0, 0]) == -1  # (steps out of order)
    assert call([0, 2], [2, 2], [0, 1], [0, 0]) == -1  # (a record outside the chunk)
    assert call([0, 1], [2, 2], [0, 1], [0, 3]) == -1  # (a level outside the table)
    with pytest.raises(ValueError, match="int64"):
        _core._c_pass_down(np.empty(1, np.bool_), np.zeros(1, i32), np.zeros(1, i64), recs, received, recs, recs,
                           recs, rect, np.zeros(1, i32), np.zeros(1, i32), np.zeros(1, i32), np.zeros(1, i32),
                           np.zeros(1, i32), 1, 1, 5, 1)
    with pytest.raises(ValueError, match="rectify"):
        _core._c_pass_down(np.empty(1, np.bool_), np.zeros(1, i64), np.zeros(1, i64), recs, received, recs, recs,
                           recs, rect, np.zeros(1, i32), np.zeros(1, i32), np.zeros(1, i32), np.zeros(1, i32),
                           np.zeros(1, i32), 2, 1, 5, 1)


@pytest.mark.slow
@pytest.mark.parametrize("what", ["relays", "ledger"])
def test_without_this_sessions_kernels_the_findings_are_the_same(policy: Policy, province: Jurisdiction, what: str,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The bulk tests' ledgers (levels reporting and passing it down) give the same findings with the kernels as
    with their numpy references, and both equal who_answers."""
    from responsibility.batch import _core

    from .test_batch import expected, got, ledger, relays

    _built("_c_pass_down")
    view = policy.with_parameters(reassigned_level_answers="supervision", self_rectified_report_required=False) \
        if what == "relays" else policy
    records = (relays if what == "relays" else ledger)(policy, province, 500, seed=29)
    calls: list[int] = []
    numpy_ref = _core.shown_pass_down_numpy

    def counted(*a: object) -> object:
        got_ = numpy_ref(*a)  # type: ignore[arg-type]
        calls.append(0 if got_ is None else int(got_.sum()))
        return got_

    with_c = view.assess(records, jurisdiction=province, today=TODAY)
    monkeypatch.setattr(_core, "_c_pass_down", None)
    monkeypatch.setattr(_core, "shown_pass_down_numpy", counted)
    without = view.assess(records, jurisdiction=province, today=TODAY)
    assert calls  # (the reference ran)
    assert len(with_c.findings) > 500 and with_c.findings.equals(without.findings)
    assert got(with_c) == expected(view, province, records, "compiled")


@pytest.fixture()
def cache(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> object:
    from .conftest import own_cache

    return own_cache(tmp_path, monkeypatch)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def small() -> Jurisdiction:
    return Jurisdiction.synthetic(cities=2, counties=3, townships=8, villages=30, seed=29)


@pytest.mark.slow
def test_a_loaded_assessor_asks_derive_s_questions_no_more(policy: Policy, small: Jurisdiction, cache: object,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    # fails before: derive asked the policy in Python, by codes, which body a level with a line stands for
    # (receiving_body), whether a named finder gives way (gives_way) and each level's policy peers (owner_peers) —
    # answers kept in the policy's memos, cold in every new process: ~0.05-0.1 CPU s of each 1M bench run
    from responsibility.batch import _core
    from responsibility.batch._assessor import Assessor, make_assessor

    from .test_batch import got, ledger, relays

    records = ledger(policy, small, 800, seed=29, broken=0.05) + relays(policy, small, 300, seed=29)
    fresh_one = fresh_load()  # (a policy object of its own: no memo of the session's)
    counted = {"receiving_body": 0, "gives_way": 0, "owner_peers": 0}

    def counting(name: str) -> object:
        real = getattr(_core, name)

        def call(*a: object, **k: object) -> object:
            counted[name] += 1
            return real(*a, **k)
        return call

    with monkeypatch.context() as m:
        for name in counted:
            m.setattr(_core, name, counting(name))
        first = fresh_one.assess(records, jurisdiction=small, today=TODAY)  # builds, then saves
    assert all(counted.values()), counted  # (these records ask each kind of question)
    fresh = fresh_load()
    assert "batch: gives way" not in fresh.__dict__.get("_memos", {})

    def asked(*_: object, **__: object) -> None:
        raise AssertionError("asked again what the entry kept")

    for name in counted:
        monkeypatch.setattr(_core, name, asked)
    loaded = make_assessor(fresh, small, today=TODAY)
    assert isinstance(loaded, Assessor) and loaded.loaded and loaded.templates.asked
    again = fresh.assess(records, jurisdiction=small, today=TODAY)
    assert got(again) == got(first)
    assert again.findings.equals(first.findings)


@pytest.mark.slow
def test_a_run_that_asks_more_saves_its_entry_again(policy: Policy, small: Jurisdiction, cache: object) -> None:
    """A loaded run whose records ask what the entry did not hold (no new template needed) writes the entry again,
    with the new answers; one that asks nothing new leaves it."""
    from responsibility.batch import _core
    from responsibility.batch._assessor import Assessor, make_assessor

    from .test_batch import ledger

    fresh = fresh_load()
    fresh.assess(ledger(policy, small, 300, seed=5), jurisdiction=small, today=TODAY)
    a = make_assessor(fresh, small, today=TODAY)
    assert isinstance(a, Assessor) and a.loaded
    before = _core.asked_count(a.templates)
    a.save()  # (nothing new: the entry is left)
    assert _core.asked_count(a.templates) == before
    for name in _core.ASKED:  # (a question no run asked: as a new chunk's would be)
        memo = a.policy._memo(name, dict)
        if isinstance(memo, dict):
            memo[("asked", name)] = True
            break
    a.save()
    b = make_assessor(fresh_load(), small, today=TODAY)
    assert isinstance(b, Assessor) and b.loaded and _core.asked_count(b.templates) == before + 1


@settings(max_examples=200, deadline=None)
@given(st.lists(st.binary(max_size=40), max_size=30), st.integers(0, 5))
def test_id_hashes_are_the_polynomial_hashes_numpy_makes(texts: list[bytes], lead: int) -> None:
    """Each text's 64-bit hash (a shared-id check's: batch/_repeats.Repeats._hash) in one C pass as in numpy, texts
    anywhere in their buffer; ends outside it or out of order leave it to numpy (-1)."""
    from responsibility.batch import _scan
    from responsibility.batch._repeats import Repeats

    raw = np.frombuffer(b"x" * lead + b"".join(texts) + b"yz", np.uint8)
    ends = np.cumsum([lead, *map(len, texts)]).astype(np.int64)
    want = Repeats()._hash_numpy(ends, raw) if texts else np.zeros(0, np.uint64)
    out = np.empty(len(texts), np.uint64)
    assert _scan.id_hashes(out, ends, raw, Repeats._P) == 0
    assert out.tolist() == want.tolist()
    if texts:
        assert _scan.id_hashes(out, ends[::-1].copy(), raw, Repeats._P) == (-1 if ends[0] != ends[-1] else 0)
        far = ends.copy()
        far[-1] = len(raw) + 1
        assert _scan.id_hashes(out, far, raw, Repeats._P) == -1
    assert Repeats()._hash(ends, raw).tolist() == want.tolist()  # (the C pass where built)
