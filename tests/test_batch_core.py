"""The batch decision's templates: what one fact gives, made once and shared by alike facts."""

from __future__ import annotations

import datetime as dt
import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from responsibility import Jurisdiction, Policy

from .strategies import holders_inputs

TODAY = dt.date(2021, 9, 1)


def _rows(tpl: object, tid: int) -> list[tuple[object, ...]]:
    """The rows of template ``tid``: everything the emitter reads of them."""
    start, count = tpl.start[tid], tpl.count[tid]  # type: ignore[attr-defined]
    return [(tpl.rank[i], tpl.body[i], tpl.basis[i], tpl.liability[i], tpl.clauses[i],  # type: ignore[attr-defined]
             tpl.pieces[i], tpl.fact_level[i], tpl.merge[i]) for i in range(start, start + count)]  # type: ignore[attr-defined]


def test_a_discovery_shares_the_template_of_the_fields_its_rules_read(policy: Policy, province: Jurisdiction) -> None:
    """A found fact whose finder level, named body or outside flag no rule of its area and kind
    reads gets the template of the fact without them, and its rows equal those of the fact as it is."""
    from responsibility.batch._assessor import Assessor
    from responsibility.batch._core import FOUND

    assessor = Assessor(policy, province, today=TODAY)
    t, tpl = assessor.t, assessor.templates
    bodies = [-1, *range(0, len(t.bodies), 7)]
    cases = list(itertools.product(range(len(t.areas)), range(len(t.kind_names) + 1), [1, 3], [0, 2],
                                   range(t.max_rank + 1), bodies, [0, 1]))
    cases = [x for x in cases if t.kind_code[x[0], x[1]] >= 0 and x[4] >= x[3]]
    area, kind, sev, prank, fl, fb, fe = (np.array(col, np.int32) for col in zip(*cases, strict=True))
    ft = np.full(len(area), FOUND, np.int32)
    cl, cb, ce = tpl.canonical(area, kind, ft, fl, fb, fe)
    shared = tpl.ids(tpl.codes(area, kind, sev, prank, ft, cl, cb, ce))
    own = tpl.ids(tpl.codes(area, kind, sev, prank, ft, fl, fb, fe))  # the fact as it is, made afresh
    changed = (cl != fl) | (cb != fb) | (ce != fe)
    # the shipped rules read the finder's level and, in a few groups, the body, but never ``outside``
    assert changed.any() and (cl == fl).any() and (ce == 0).all()
    assert (cb != fb).any() and (cb == fb)[fb >= 0].any()
    assert len(set(shared.tolist())) < len(set(own.tolist()))
    for s, o in zip(shared.tolist(), own.tolist(), strict=True):
        assert _rows(tpl, s) == _rows(tpl, o)


def test_other_facts_keep_their_level_body_and_flag(policy: Policy, province: Jurisdiction) -> None:
    from responsibility.batch._assessor import Assessor
    from responsibility.batch._core import CONCEALED, MAIN, UNHANDLED, UNRECTIFIED

    tpl = Assessor(policy, province, today=TODAY).templates
    ft = np.array([UNHANDLED, UNRECTIFIED, CONCEALED, MAIN], np.int32)
    fl, fb, fe = np.array([1, 2, 1, 3], np.int32), np.array([4, 5, 6, -1], np.int32), np.array([1, 0, 0, 0], np.int32)
    zero = np.zeros(4, np.int32)
    got = tpl.canonical(zero, zero, ft, fl, fb, fe)
    assert [x.tolist() for x in got] == [fl.tolist(), fb.tolist(), fe.tolist()]


@pytest.mark.slow
@settings(deadline=None)
@given(st.lists(st.lists(st.integers(-(2**40), 2**40), max_size=40), max_size=6), st.booleans())
def test_interned_values_get_one_id_each_made_once(chunks: list[list[int]], plain: bool) -> None:
    """(``plain``: keys and ids not negative, as template keys are: found in C where the extension was built)"""
    from responsibility.batch._core import Interned

    made: list[int] = []
    if plain:
        chunks = [[abs(v) for v in chunk] for chunk in chunks]

    def make(v: int) -> int:
        made.append(v)
        return 3 * v + 1

    interned = Interned(make, {5 if plain else -5: 7})
    for chunk in chunks:
        got = interned(np.array(chunk, np.int64))
        assert got.tolist() == [7 if v == (5 if plain else -5) else 3 * v + 1 for v in chunk]
    assert sorted(made) == sorted({v for chunk in chunks for v in chunk} - {5 if plain else -5})


@pytest.mark.slow
@pytest.mark.parametrize("must_report", [True, False])
def test_levels_that_fixed_it_themselves_answer_as_the_parameter_says(policy: Policy, province: Jurisdiction,
                                                                     must_report: bool) -> None:
    """derive looks up the rectifying levels only for the steps and assignments that need them, and
    the time limits only where a level is late: both settings of self_rectified_report_required."""
    from .test_batch import TODAY as DAY
    from .test_batch import expected, got, relays

    view = policy.with_parameters(self_rectified_report_required=must_report)
    records = relays(policy, province, 500, seed=11)
    a = view.assess(records, jurisdiction=province, today=DAY)
    assert a.assessed > 400
    assert got(a) == expected(view, province, records, "compiled")


def test_templates_one_worker_made_are_taken_by_another_as_made(policy: Policy, province: Jurisdiction,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker's templates, exported and adopted by another (pickled, as between processes), give
    the other the rows it would have made itself; a code it made already is kept as it made it,
    and merge classes stay equal where the rows agree in duties and clauses."""
    import pickle

    from responsibility.batch._assessor import Assessor
    from responsibility.batch._core import FOUND, UNHANDLED

    def codes(tpl: object, t: object, fts: list[int]) -> np.ndarray:
        cases = [(a, k, s, 1, ft, lv, -1, e) for a in range(len(t.areas)) for k in range(len(t.kind_names) + 1)  # type: ignore[attr-defined]
                 for s in (1, 3) for ft in fts for lv in (1, 2, 3) for e in (0, 1)
                 if t.kind_code[a, k] >= 0]  # type: ignore[attr-defined]
        cols = [np.array(c, np.int32) for c in zip(*cases, strict=True)]
        return tpl.codes(*cols)  # type: ignore[attr-defined,no-any-return]

    monkeypatch.setenv("RESPONSIBILITY_CACHE", "off")  # assessors without saved templates (batch/_saved.py)
    maker, taker, alone = (Assessor(policy, province, today=TODAY) for _ in range(3))
    t = maker.t
    mine = codes(taker.templates, t, [UNHANDLED])
    taker.templates.ids(mine)  # made by the taker itself before
    theirs = codes(maker.templates, t, [FOUND, UNHANDLED])
    maker.templates.ids(theirs)
    made = pickle.loads(pickle.dumps(maker.templates.export(0)))
    before = len(taker.templates.start)
    taker.templates.adopt(made)
    assert len(taker.templates.start) == before + len(set(theirs.tolist()) - set(mine.tolist()))
    assert taker.templates.export(len(taker.templates.start)) == []
    got = taker.templates.ids(theirs)
    assert len(taker.templates.start) == before + len(set(theirs.tolist()) - set(mine.tolist()))  # none made again
    want = alone.templates.ids(theirs)

    def merged(tpl: object, tid: int) -> list[tuple[object, ...]]:
        return [r[:-1] for r in _rows(tpl, tid)]

    for g, w in zip(got.tolist(), want.tolist(), strict=True):
        assert merged(taker.templates, g) == merged(alone.templates, w)
    # merge classes: equal in the taker exactly where they are equal in the one that made them all alone
    pairs = [(r[-1], s[-1]) for g, w in zip(got.tolist(), want.tolist(), strict=True)
             for r, s in zip(_rows(taker.templates, g), _rows(alone.templates, w), strict=True)]
    assert len({a for a, _ in pairs}) == len({b for _, b in pairs}) == len(set(pairs))


# The bulk decision's kernels in C (batch/_gather.c) against the numpy they replace (the reference).

def _built() -> None:
    from responsibility.batch import _core

    if _core._c_in_time_below is None:
        pytest.skip("batch/_gather.c is not built in this venv: pip install -e . (scripts/setup.sh) builds it")


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 30), st.integers(1, 6), st.integers(0, 5), st.data())
def test_in_time_below_marks_the_same_levels_in_c_and_numpy(n: int, nr: int, limit: int, data: st.DataObject) -> None:
    from responsibility.batch._core import in_time_below, in_time_below_numpy
    from responsibility.batch._tables import NONE

    _built()
    days = st.one_of(st.just(NONE), st.integers(-3, 12))
    received = np.array(data.draw(st.lists(days, min_size=n * nr, max_size=n * nr)), np.int32).reshape(n, nr)
    steps = data.draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(-3, 15), st.integers(0, nr + 1)),
                               max_size=40))
    hp, hon, top = (np.array(col, np.int32) for col in zip(*steps, strict=True)) if steps else \
        (np.zeros(0, np.int32),) * 3
    want, got = np.zeros((n, nr), np.bool_), np.zeros((n, nr), np.bool_)
    in_time_below_numpy(want, received, hp, hon, top, limit)
    in_time_below(got, received, hp, hon, top, limit)
    assert (got == want).all()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 9), st.integers(0, 4)), max_size=10).flatmap(
    lambda tpl: st.tuples(st.just(tpl), st.lists(st.integers(0, max(len(tpl) - 1, 0)), max_size=30 if tpl else 0))))
def test_spread_gives_the_same_rows_in_c_and_numpy(case: tuple[list[tuple[int, int]], list[int]]) -> None:
    from responsibility.batch._core import spread, spread_numpy

    _built()
    templates, tids = case
    starts = np.array([s for s, _ in templates], np.int64)
    count = np.array([c for _, c in templates], np.int64)
    ids = np.array(tids, np.int64)
    counts = count[ids] if len(ids) else np.zeros(0, np.int64)
    want, got = spread_numpy(ids, counts, starts), spread(ids, counts, starts)
    assert [w.tolist() for w in want] == [g.tolist() for g in got]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(-50, 50), max_size=40), st.lists(st.integers(-60, 60), max_size=60), st.booleans())
def test_locate_finds_what_searchsorted_finds(keys: list[int], queries: list[int], in_order: bool) -> None:
    """Each query's place among sorted keys (with repeats), the queries in any order or sorted, as numpy's."""
    from responsibility.batch import _core
    from responsibility.batch._core import locate, locate_numpy

    if _core._c_locate is None:
        pytest.skip("batch/_derive.c is not built in this venv: pip install -e . builds it")
    k = np.sort(np.array(keys, np.int64))
    q = np.array(sorted(queries) if in_order else queries, np.int64)
    want = locate_numpy(k, q)
    assert locate(k, q).tolist() == want.tolist() == np.searchsorted(k, q).tolist()
    # (integers: the right place of q is the left place of q + 1)
    assert locate(k, q + 1).tolist() == np.searchsorted(k, q, "right").tolist()


@settings(max_examples=80, deadline=None)
@given(st.integers(1, 12), st.integers(1, 6), st.integers(0, 5), st.data())
def test_late_levels_are_the_same_in_c_and_numpy(n: int, nr: int, limit: int, data: st.DataObject) -> None:
    """The levels late in handling, and whether each was stepped after its limit, from steps in any order."""
    from responsibility.batch import _core
    from responsibility.batch._tables import NONE

    if _core._c_late_levels is None:
        pytest.skip("batch/_derive.c is not built in this venv: pip install -e . builds it")
    days = st.one_of(st.just(NONE), st.integers(-3, 12))
    received = np.array(data.draw(st.lists(days, min_size=n * nr, max_size=n * nr)), np.int32).reshape(n, nr)
    asof = np.array(data.draw(st.lists(st.integers(-3, 20), min_size=n, max_size=n)), np.int64)
    steps = data.draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, nr - 1), st.integers(-3, 15),
                                         st.booleans(), st.integers(-1, nr + 1)), max_size=40))
    hp, hby, hon, acted, top = (np.array(col, t) for col, t in zip(
        zip(*steps, strict=True), (np.int32, np.int32, np.int32, np.bool_, np.int32), strict=True)) if steps else \
        (np.zeros(0, np.int32), np.zeros(0, np.int32), np.zeros(0, np.int32), np.zeros(0, np.bool_),
         np.zeros(0, np.int32))
    want = _core.late_levels_numpy(received, asof, hp, hby, hon, acted, top, limit)
    got = _core.late_levels(received, asof, hp, hby, hon, acted, top, limit)
    assert [g.tolist() for g in got] == [w.tolist() for w in want]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 4)), max_size=90), st.booleans(), st.booleans(),
       st.booleans())
def test_unique_at_finds_the_keys_and_places_numpy_finds(pairs: list[tuple[int, int]], by_group: bool, last: bool,
                                                          mixed: bool) -> None:
    """The distinct keys and where each comes first (or last), from keys by group as derive makes them (group x 5 +
    a level, groups in order, a group holding up to 90), or from groups in any order, or keys that do not follow
    their group (then numpy answers)."""
    from responsibility.batch import _core
    from responsibility.batch._core import unique_at, unique_at_numpy

    if _core._c_first_of is None:
        pytest.skip("batch/_derive.c is not built in this venv: pip install -e . builds it")
    if by_group:
        pairs = sorted(pairs, key=lambda p: p[0])  # (stable: a group's levels in their order)
    group = np.array([g for g, _ in pairs], np.int32)
    keys = np.array([g * 5 + lv if not mixed else (g * 5 + lv) * (-1) ** g for g, lv in pairs], np.int64)
    want = unique_at_numpy(keys, last=last)
    got = unique_at(keys, group, last=last)
    assert [g.tolist() for g in got] == [w.tolist() for w in want]
    assert want[0].tolist() == np.unique(keys).tolist()
    long = np.arange(70, dtype=np.int64)[::-1] % 9  # (a group of more than 64 keys: numpy answers)
    assert [g.tolist() for g in unique_at(long, np.zeros(70, np.int32), last=last)] == \
        [w.tolist() for w in unique_at_numpy(long, last=last)]



@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 6), st.integers(-1, 4)), max_size=60),
       st.lists(st.integers(0, 3), min_size=7, max_size=7), st.booleans())
def test_merge_rows_orders_and_merges_as_numpy(rows: list[tuple[int, int, int]], rank: list[int], sorted_in: bool
                                                ) -> None:
    """Finding rows (record, template row, fact or -1) by record, then rank, equal ones in their order; the first of
    each run of one record and rank kept, the others given with the run's first: in C as in numpy. An index outside
    its table (a record, a row, a fact) leaves it to numpy (which then raises, or wraps a negative index)."""
    from responsibility.batch import _core
    from responsibility.batch._core import merge_rows, merge_rows_numpy

    if _core._c_merge_rows is None:
        pytest.skip("batch/_derive.c is not built in this venv: pip install -e . builds it")
    if sorted_in:  # (as expand makes them: runs by record)
        rows = sorted(rows, key=lambda r: r[0])
    rec = np.array([r for r, _, _ in rows], np.int32)
    row = np.array([w for _, w, _ in rows], np.int64)
    fact = np.array([f for _, _, f in rows], np.int64)
    ranks = np.array(rank, np.int64)
    fon, fdl = np.arange(5, dtype=np.int32) * 10, np.arange(5, dtype=np.int32) * 10 + 1
    want = merge_rows_numpy(rec, row, fact, ranks, fon, fdl)
    got = merge_rows(rec, row, fact, ranks, fon, fdl, 6)
    assert [g.tolist() for g in got] == [w.tolist() for w in want]
    assert [g.dtype for g in got] == [w.dtype for w in want]
    assert sum(len(g) for g in got[:1] + got[4:5]) == len(rows)
    if rows:  # a record past the chunk: numpy answers (the same rows, as it reads them)
        assert [g.tolist() for g in merge_rows(rec, row, fact, ranks, fon, fdl, int(rec.max()))] == \
            [w.tolist() for w in want]



@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 4), st.integers(0, 7)), max_size=60), st.lists(st.booleans(), min_size=15,
                                                                                          max_size=15),
       st.lists(st.tuples(st.integers(0, 3), st.integers(0, 4), st.booleans()), min_size=8, max_size=8))
def test_unhidden_keeps_the_rows_numpy_keeps(rows: list[tuple[int, int]], knew: list[bool],
                                             template_rows: list[tuple[int, int, bool]]) -> None:
    """The rows of a body that knew (its level) or hid (a row of the record with the concealment basis names the same
    body) what a row says it missed are left out, the others kept in order, and the levels of the kept rows that raise
    main responsibility marked: in C as in numpy. Template rows: (basis: 0 missed, 1 concealed, else another; body;
    raises); five bodies on three levels; five records."""
    from types import SimpleNamespace

    from responsibility.batch import _core
    from responsibility.batch._core import unhidden, unhidden_numpy

    if _core._c_unhidden is None:
        pytest.skip("batch/_derive.c is not built in this venv: pip install -e . builds it")
    arrays = {"basis": np.array([b for b, _, _ in template_rows], np.int64),
              "body": np.array([x for _, x, _ in template_rows], np.int64)}
    tpl = SimpleNamespace(array=arrays.__getitem__, raising=lambda: np.array([r for _, _, r in template_rows]))
    t = SimpleNamespace(basis_index={_core.MISSED_BASIS: 0, _core.HID_BASIS: 1}, bodies=list("abcde"),
                        body_rank=np.array([0, 0, 1, 2, 2], np.int32))
    r1 = np.array([r for r, _ in rows], np.int32)
    w1 = np.array([w for _, w in rows], np.int64)
    f1 = np.arange(len(rows), dtype=np.int64) * 3
    known = np.array(knew, np.bool_).reshape(5, 3)
    want_at, got_at = np.zeros(15, np.bool_), np.zeros(15, np.bool_)
    want = unhidden_numpy(r1, w1, f1, tpl, t, known, want_at)  # type: ignore[arg-type]
    got = unhidden(r1, w1, f1, tpl, t, known, got_at)  # type: ignore[arg-type]
    assert [g.tolist() for g in got] == [w.tolist() for w in want]
    assert [g.dtype for g in got] == [np.dtype(np.int32), np.dtype(np.int64), np.dtype(np.int64)]
    assert got_at.tolist() == want_at.tolist()



@settings(max_examples=60, deadline=None)
@given(st.data())
def test_step_flags_are_the_same_in_c_and_numpy(policy: Policy, province: Jurisdiction, data: st.DataObject) -> None:
    """What derive asks of each step (a part, a kind, who can rectify, counting upward, …), of any records (area, kind,
    place level, authorities) and steps (any action, levels and body, or none): in C as in numpy; a step of a record
    outside the chunk leaves it to numpy."""
    from types import SimpleNamespace

    from responsibility.batch import _core
    from responsibility.batch._core import STEP_FLAGS, step_flags, step_flags_numpy

    if _core._c_step_flags is None:
        pytest.skip("batch/_derive.c is not built in this venv: pip install -e . builds it")
    t = _assessor_tables(policy, province)
    nr = t.max_rank + 1
    n = data.draw(st.integers(1, 6))
    rec = st.tuples(st.integers(0, len(t.areas) - 1), st.integers(0, len(t.kind_names)), st.integers(-1, nr - 1),
                    st.integers(0, nr), st.integers(0, nr))
    records = data.draw(st.lists(rec, min_size=n, max_size=n))
    area, kind, prank, auth, nominal = (np.array(x, np.int32) for x in zip(*records, strict=True))
    step = st.tuples(st.integers(0, n - 1), st.integers(0, 2), st.integers(0, nr - 1), st.integers(0, nr - 1),
                     st.integers(-1, len(t.bodies) - 1))
    steps = data.draw(st.lists(step, max_size=30))
    hp, hact, hby, hto, htb = (np.array(x, np.int32) for x in zip(*steps, strict=True)) if steps else \
        (np.zeros(0, np.int32),) * 5
    c = SimpleNamespace(area=area, kind=kind)
    want = step_flags_numpy(c, t, prank, auth, nominal, hp, hact, hby, hto, htb)  # type: ignore[arg-type]
    got = step_flags(c, t, prank, auth, nominal, hp, hact, hby, hto, htb)  # type: ignore[arg-type]
    assert len(got) == len(want) == len(STEP_FLAGS) + 1
    for name, g, w in zip((*STEP_FLAGS, "top"), got, want, strict=True):
        assert g.tolist() == w.tolist(), name
    assert [g.dtype for g in got] == [w.dtype for w in want]
    if steps:  # a record outside the chunk: the kernel leaves it to numpy
        flags, top = np.empty((len(STEP_FLAGS), len(hp)), np.bool_), np.empty(len(hp), np.int32)
        assert _core._c_step_flags(flags, top, hp + n, hact, hby, hto, htb, np.zeros(n, np.int64),
                                   np.zeros(n, np.int64), kind, auth, nominal, prank, t.part, t.rectify_level, True,
                                   1) == -1


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_check_marks_the_same_records_in_c_and_numpy(policy: Policy, province: Jurisdiction, data: st.DataObject
                                                     ) -> None:
    """The relations parse_problem checks (levels, bodies, days, steps, concealers), of any records, steps and
    concealers: in C the records numpy marks slow, and no other; an index outside its table leaves it to numpy."""
    from types import SimpleNamespace

    from responsibility.batch import _core
    from responsibility.batch._core import check, check_numpy
    from responsibility.batch._tables import NONE

    if _core._c_check is None:
        pytest.skip("batch/_derive.c is not built in this venv: pip install -e . builds it")
    t = _assessor_tables(policy, province)
    nr, nb = t.max_rank + 1, len(t.bodies)  # type: ignore[attr-defined]
    n = data.draw(st.integers(1, 6))
    day = st.one_of(st.just(NONE), st.integers(10, 16))
    ranked = np.flatnonzero(t.place_rank >= 0)  # type: ignore[attr-defined]
    place = st.one_of(st.sampled_from([int(x) for x in ranked[:: max(len(ranked) // 7, 1)]]),
                      st.sampled_from([int(x) for x in np.flatnonzero(t.place_rank < 0)[:3]] or [0]))  # type: ignore[attr-defined]
    rec = st.tuples(place, st.booleans(), st.integers(0, nr - 1), st.integers(-1, nb - 1), st.integers(10, 16), day,
                    day, day, st.integers(0, len(t.channel_conceal) - 1), st.integers(0, len(t.areas) - 1),  # type: ignore[attr-defined]
                    st.integers(0, len(t.kind_names)), st.booleans())  # type: ignore[attr-defined]
    records = data.draw(st.lists(rec, min_size=n, max_size=n))
    cols = [np.array(x) for x in zip(*records, strict=True)]
    step = st.tuples(st.integers(0, n - 1), st.integers(0, 2), st.integers(0, nr - 1), st.integers(0, nr - 1),
                     st.integers(-1, nb - 1), st.integers(9, 17))
    steps = data.draw(st.lists(step, max_size=20))
    sc = [np.array(x, np.int32) for x in zip(*steps, strict=True)] if steps else [np.zeros(0, np.int32)] * 6
    hid = data.draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, nr - 1), st.integers(-1, nb - 1)),
                             max_size=4))
    hc = [np.array(x, np.int32) for x in zip(*hid, strict=True)] if hid else [np.zeros(0, np.int32)] * 3
    i32 = np.int32
    c = SimpleNamespace(n=n, place=cols[0].astype(i32), disc=cols[1].astype(np.bool_), dlev=cols[2].astype(i32),
                        dbody=cols[3].astype(i32), don=cols[4].astype(i32), deadline=cols[5].astype(i32),
                        rect=cols[6].astype(i32), asof=cols[7].astype(i32), dch=cols[8].astype(i32),
                        area=cols[9].astype(i32), kind=cols[10].astype(i32), hp=sc[0], hact=sc[1], hby=sc[2],
                        hto=sc[3], htb=sc[4], hon=sc[5], cp=hc[0], clvl=hc[1], cbody=hc[2])
    today = data.draw(st.integers(11, 15))
    for slow in (np.zeros(n, np.bool_), cols[11].astype(np.bool_)):
        mine, ref = SimpleNamespace(**vars(c), slow=slow.copy()), SimpleNamespace(**vars(c), slow=slow.copy())
        check_numpy(ref, t, today)  # type: ignore[arg-type]
        assert _core._c_check is not None
        check(mine, t, today)  # type: ignore[arg-type]
        assert mine.slow.tolist() == ref.slow.tolist()
    if steps:  # a step of a record outside the chunk: the kernel leaves it to numpy
        assert _core._c_check(np.zeros(n, np.bool_), c.place, c.disc, c.dlev, c.dbody, c.don, c.deadline, c.rect,
                              c.asof, c.dch, c.area, c.kind, c.hp + n, c.hact, c.hby, c.hto, c.htb, c.hon, c.cp,
                              c.clvl, c.cbody, t.place_rank, t.body_rank, t.channel_conceal,  # type: ignore[attr-defined]
                              t.conceal_level, *t.conceal_level.shape, today, 0, 1) == -1  # type: ignore[attr-defined]


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_kindless_place_steps_mark_the_same_records_in_c_and_numpy(policy: Policy, province: Jurisdiction,
                                                                   data: st.DataObject) -> None:
    """Records with no kind assigned to their place's level (review21 R21-2), of any areas, places and steps: in C
    the records numpy marks slow, and no other; an index outside its table leaves it to numpy."""
    from types import SimpleNamespace

    from responsibility.batch import _core
    from responsibility.batch._core import kindless_place_steps, kindless_place_steps_numpy

    if _core._c_kindless is None:
        pytest.skip("batch/_derive.c is not built in this venv: pip install -e . builds it")
    t = _assessor_tables(policy, province)
    nr = t.max_rank + 1  # type: ignore[attr-defined]
    n = data.draw(st.integers(1, 6))
    ranked = np.flatnonzero(t.place_rank >= 0)  # type: ignore[attr-defined]
    # a place of each level (the kernel reads the place's level through place_rank)
    places = sorted({int(ranked[t.place_rank[ranked] == r][0]) for r in range(nr)  # type: ignore[attr-defined]
                     if (t.place_rank[ranked] == r).any()})  # type: ignore[attr-defined]
    rec = st.tuples(st.sampled_from(places), st.integers(0, len(t.areas) - 1),  # type: ignore[attr-defined]
                    st.one_of(st.just(0), st.integers(0, len(t.kind_names))))  # type: ignore[attr-defined]
    records = data.draw(st.lists(rec, min_size=n, max_size=n))
    place, area, kind = (np.array(x, np.int32) for x in zip(*records, strict=True))
    step = st.tuples(st.integers(0, n - 1), st.integers(0, 2), st.integers(0, nr - 1), st.integers(0, nr - 1))
    steps = data.draw(st.lists(step, max_size=20))
    sc = [np.array(x, np.int32) for x in zip(*steps, strict=True)] if steps else [np.zeros(0, np.int32)] * 4
    c = SimpleNamespace(n=n, place=place, area=area, kind=kind, hp=sc[0], hact=sc[1], hby=sc[2], hto=sc[3])
    for slow in (np.zeros(n, np.bool_), np.array(data.draw(st.lists(st.booleans(), min_size=n, max_size=n)))):
        mine, ref = SimpleNamespace(**vars(c), slow=slow.copy()), SimpleNamespace(**vars(c), slow=slow.copy())
        kindless_place_steps_numpy(ref, t)  # type: ignore[arg-type]
        kindless_place_steps(mine, t)  # type: ignore[arg-type]
        assert mine.slow.tolist() == ref.slow.tolist()
    if steps:  # a step of a record outside the chunk: the kernel leaves it to numpy
        alone = np.zeros((len(t.areas), nr, nr), np.bool_)  # type: ignore[attr-defined]
        assert _core._c_kindless(np.zeros(n, np.bool_), c.hp + n, c.hact, c.hby, c.hto, c.kind, c.area, c.place,
                                 t.place_rank, alone, len(t.areas), nr, 1) == -1  # type: ignore[attr-defined]


def test_kindless_place_steps_mark_a_city_assigning_its_own_place(policy: Policy, province: Jurisdiction) -> None:
    """Each area's kindless problem at a place of each level, assigned to that level by each level at or above it:
    C marks the records numpy marks, and some are marked (the cases the kernel is for occur)."""
    from types import SimpleNamespace

    from responsibility.batch import _core
    from responsibility.batch._core import REPORTED, kindless_place_steps, kindless_place_steps_numpy

    if _core._c_kindless is None:
        pytest.skip("batch/_derive.c is not built in this venv: pip install -e . builds it")
    t = _assessor_tables(policy, province)
    nr = t.max_rank + 1  # type: ignore[attr-defined]
    ranked = np.flatnonzero(t.place_rank >= 0)  # type: ignore[attr-defined]
    cases = [(int(ranked[t.place_rank[ranked] == p][0]), a, p, by)  # type: ignore[attr-defined]
             for a in range(len(t.areas)) for p in range(nr) if (t.place_rank[ranked] == p).any()  # type: ignore[attr-defined]
             for by in range(p, nr)]
    i32 = np.int32
    n = len(cases)
    c = SimpleNamespace(n=n, place=np.array([x[0] for x in cases], i32), area=np.array([x[1] for x in cases], i32),
                        kind=np.zeros(n, i32), hp=np.arange(n, dtype=i32), hact=np.full(n, REPORTED + 1, i32),
                        hby=np.array([x[3] for x in cases], i32), hto=np.array([x[2] for x in cases], i32))
    mine, ref = SimpleNamespace(**vars(c), slow=np.zeros(n, np.bool_)), SimpleNamespace(**vars(c),
                                                                                        slow=np.zeros(n, np.bool_))
    kindless_place_steps_numpy(ref, t)  # type: ignore[arg-type]
    kindless_place_steps(mine, t)  # type: ignore[arg-type]
    assert mine.slow.tolist() == ref.slow.tolist()
    assert 0 < int(ref.slow.sum()) < n


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 10**6), st.lists(st.tuples(st.sampled_from(["dlev", "dbody", "don", "deadline", "rect", "asof",
                                                                  "hby", "hto", "htb", "hon", "hact", "clvl", "cbody",
                                                                  "disc", "dch"]),
                                                 st.integers(0, 10**6), st.integers(-3, 3)), min_size=1, max_size=6))
def test_check_marks_the_records_of_a_ledger_numpy_marks(policy: Policy, province: Jurisdiction, seed: int,
                                                         changes: list[tuple[str, int, int]]) -> None:
    """The ledgers of the bulk tests (some records broken, levels reporting and passing it down), each column of a
    record, step or concealer moved a little here and there: check marks in C the records numpy marks."""
    import copy

    from responsibility.batch import _core
    from responsibility.batch._core import check, check_numpy
    from responsibility.batch._encode import encode_dicts
    from responsibility.batch._tables import EPOCH, NONE

    from .test_batch import ledger, relays

    if _core._c_check is None:
        pytest.skip("batch/_derive.c is not built in this venv: pip install -e . builds it")
    t = _assessor_tables(policy, province)
    records = ledger(policy, province, 60, seed=seed, broken=0.3) + relays(policy, province, 30, seed=seed)
    c = encode_dicts(records, t)  # type: ignore[arg-type]
    nb, nr = len(t.bodies), t.max_rank + 1  # type: ignore[attr-defined]
    top = {"dbody": nb - 1, "htb": nb - 1, "cbody": nb - 1, "clvl": nr - 1, "dlev": nr - 1, "hby": nr - 1,
           "hto": nr - 1, "dch": len(t.channel_conceal) - 1}  # type: ignore[attr-defined]
    for name, at, by in changes:
        col = getattr(c, name)
        if len(col):
            i = at % len(col)
            if col.dtype == np.bool_:
                col[i] = not col[i]
            elif name == "dch":
                col[i] = (at + by + 3) % (top[name] + 1)
            elif col[i] != NONE:
                col[i] = min(max(col[i] + by, -1 if name in ("dbody", "htb", "cbody") else 0), top.get(name, 1 << 30))
    before = c.slow.copy()
    # and a concealed record in each channel in turn (the ledgers' are all ones a level may conceal in)
    for channel in [c.dch[c.cp[seed % len(c.cp)]], *range(len(t.channel_conceal))] if len(c.cp) else [0]:  # type: ignore[attr-defined]
        if len(c.cp):
            c.dch[c.cp[seed % len(c.cp)]] = channel
        ref = copy.copy(c)
        ref.slow, c.slow = before.copy(), before.copy()
        check_numpy(ref, t, TODAY.toordinal() - EPOCH)  # type: ignore[arg-type]
        check(c, t, TODAY.toordinal() - EPOCH)  # type: ignore[arg-type]
        assert c.slow.tolist() == ref.slow.tolist()


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_holders_are_the_same_in_c_and_numpy(data: st.DataObject) -> None:
    """Who held the problem (the day each level received it and from whom, who knew it, who reported it, when each
    step's level received it), of any records (discovered or not, at any level) and steps (reports or not, to any
    level, on any day, in any order): in C as in numpy; a step of a record outside the chunk leaves it to numpy."""
    from responsibility.batch import _core
    from responsibility.batch._core import holders, holders_numpy

    if _core._c_holders is None:
        pytest.skip("batch/_derive.c is not built in this venv: pip install -e . builds it")
    n, nr, disc, c, hp, hby, hto, htb, hon, rep, limit, steps = holders_inputs(data)
    i32 = np.int32
    got = holders(c, hp, hby, hto, htb, hon, rep, disc.astype(np.bool_), nr, limit)  # type: ignore[arg-type]
    want = holders_numpy(c, hp, hby, hto, htb, hon, rep, disc.astype(np.bool_), nr, limit)  # type: ignore[arg-type]
    for g, w in zip(got, want, strict=True):
        assert g.tolist() == w.tolist() and g.dtype == w.dtype
    if steps:
        out = [np.empty((n, nr), i32), np.empty((n, nr), i32), np.empty((n, nr), np.bool_),
               np.empty((n, nr), np.bool_), np.empty(len(hp), np.int64)]
        assert _core._c_holders(*out, hp + n, hby, hto, htb, hon, rep, disc.astype(np.bool_), c.dlev, c.don,
                                c.dbody, limit) == -1


_TABLES: dict[int, object] = {}


def _assessor_tables(policy: Policy, province: Jurisdiction) -> object:
    """The tables of an assessor of ``policy`` (made once a test session)."""
    from responsibility.batch._assessor import Assessor

    key = id(policy)
    if key not in _TABLES:
        _TABLES[key] = Assessor(policy, province, today=TODAY).t
    return _TABLES[key]


def test_the_kernels_refuse_what_is_outside_their_buffers() -> None:
    from responsibility.batch import _core

    _built()
    i32, i64 = np.int32, np.int64
    with pytest.raises(ValueError, match="outside the chunk"):
        _core._c_in_time_below(np.zeros(2, np.bool_), np.zeros(2, i32), np.array([1], i32), np.zeros(1, i32),
                               np.ones(1, i32), 2, 0)
    with pytest.raises(ValueError, match="template id"):
        _core._c_spread(np.zeros(1, i64), np.zeros(1, i64), np.array([3], i64), np.array([1], i64), np.zeros(2, i64))
    with pytest.raises(ValueError, match="too short"):
        _core._c_spread(np.zeros(1, i64), np.zeros(1, i64), np.array([0], i64), np.array([2], i64), np.zeros(2, i64))
    one = np.zeros(1, i32)
    if _core._c_locate is not None and _core._c_late_levels is not None:
        with pytest.raises(ValueError, match="int64"):
            _core._c_locate(np.zeros(2, i64), np.zeros(3, i64), np.zeros(3, i64))
        with pytest.raises(ValueError, match="one length"):
            _core._c_take2(np.zeros(4, i64), np.zeros(2, i64), np.zeros(2, i32), np.zeros(3, i32), 2, 2, 8, False,
                           False)
        with pytest.raises(ValueError, match="room"):
            _core._c_merge_rows(one, np.zeros(1, i64), np.zeros(1, i64), np.zeros(1, i64), one, one, one,
                                np.zeros(1, i64), one, one, one, np.zeros(1, i64), np.zeros(0, i64), 1)
        room = np.empty(4, i64), np.empty(4, i64), np.empty(4, np.bool_)
        for record, level in ((2, 0), (0, 2), (-1, 0)):  # (two records of two levels)
            with pytest.raises(ValueError, match="outside"):
                _core._c_late_levels(np.zeros(4, np.uint32), *room, np.zeros(4, i32), np.zeros(2, i64),
                                     np.array([record], i32), np.array([level], i32), np.zeros(1, i32),
                                     np.ones(1, np.bool_), np.ones(1, i32), 2, 0)
    with pytest.raises(ValueError, match="outside the tables"):
        _core._c_template_codes(np.zeros(1, i64), one, np.array([5], i32), one, one, one, one, one, one, one,
                                np.ones(7, i64), np.zeros(2, np.bool_), np.zeros(2, np.bool_), np.zeros(2, np.bool_), 0)


@settings(max_examples=30, deadline=None)
@given(st.data())
def test_template_codes_are_the_same_in_c_and_numpy(policy: Policy, province: Jurisdiction,
                                                     data: st.DataObject) -> None:
    """Every fact's template key, a discovery's made canonical by the rules its (area, kind) read."""
    from responsibility.batch._assessor import Assessor
    from responsibility.batch._core import FACT_TYPES

    _built()
    tpl = _assessor(policy, province, Assessor).templates
    t = tpl.t
    n = data.draw(st.integers(1, 8))
    pairs = [(a, k) for a in range(len(t.areas)) for k in range(len(t.kind_names) + 1) if t.kind_code[a, k] >= 0]
    recs = data.draw(st.lists(st.tuples(st.sampled_from(pairs), st.integers(1, 4), st.integers(0, t.max_rank)),
                              min_size=n, max_size=n))
    area, kind, sev, prank = (np.array(c, np.int32) for c in zip(*[(a, k, s, p) for (a, k), s, p in recs], strict=True))
    facts = data.draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, len(FACT_TYPES) - 1),
                                         st.integers(0, t.max_rank), st.integers(-1, len(t.bodies) - 1),
                                         st.integers(0, 1)), max_size=40))
    cols = [np.array(c, np.int32) for c in zip(*facts, strict=True)] if facts else [np.zeros(0, np.int32)] * 5
    want = tpl.fact_codes_numpy(area, kind, sev, prank, *cols)
    got = tpl.fact_codes(area, kind, sev, prank, *cols)
    assert got.tolist() == want.tolist()


_ASSESSORS: dict[int, object] = {}


def _assessor(policy: Policy, province: Jurisdiction, make: type) -> object:
    """One assessor for the generated cases (its rules are looked at as discoveries in new areas come)."""
    got = _ASSESSORS.get(id(policy))
    if got is None:
        got = _ASSESSORS[id(policy)] = make(policy, province, today=TODAY)
    return got


@pytest.mark.slow
@pytest.mark.parametrize("what", ["relays", "ledger"])
def test_without_the_decision_kernels_the_findings_are_the_same(policy: Policy, province: Jurisdiction, what: str,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """An install without a C compiler (the bulk decision in numpy) gives the same findings, and both equal
    who_answers."""
    from responsibility.batch import _core

    from .test_batch import expected, got, ledger, relays

    _built()
    view = policy.with_parameters(reassigned_level_answers="supervision", self_rectified_report_required=False) \
        if what == "relays" else policy
    records = (relays if what == "relays" else ledger)(policy, province, 500, seed=21)
    with_c = view.assess(records, jurisdiction=province, today=TODAY)
    for name in ("_c_in_time_below", "_c_spread", "_c_template_codes", "_c_locate", "_c_late_levels", "_c_first_of",
                 "_c_take2", "_c_put2", "_c_merge_rows", "_c_unhidden", "_c_step_flags", "_c_check",
                 "_c_holders", "_c_kindless"):
        monkeypatch.setattr(_core, name, None)
    without = view.assess(records, jurisdiction=province, today=TODAY)
    assert len(with_c.findings) > 500 and with_c.findings.equals(without.findings)
    assert got(with_c) == expected(view, province, records, "compiled")


@settings(max_examples=80, deadline=None)
@given(st.lists(st.integers(1, 5), min_size=1, max_size=4), st.data())
def test_take_and_put_are_numpy_indexing(shape: list[int], data: st.DataObject) -> None:
    """take/put read and write what ``table[index]`` does, for any index numpy takes (an index outside its
    axis is left to numpy: a negative one wraps, one past the end raises, either way)."""
    from responsibility.batch._core import put, take

    kind = data.draw(st.sampled_from([np.int64, np.int32, np.bool_]))  # (a 2-d table by two arrays: C, where built)
    table = (np.arange(int(np.prod(shape)), dtype=np.int64).reshape(shape) * 7 % 5).astype(kind)
    m = data.draw(st.integers(0, 12))
    index = tuple(np.array(data.draw(st.lists(st.integers(-size, size), min_size=m, max_size=m)),
                           data.draw(st.sampled_from([np.int32, np.int64])))
                  if data.draw(st.booleans()) or m == 0 else data.draw(st.integers(-size, size - 1))
                  for size in shape)
    try:
        want = table[index]
    except IndexError:
        with pytest.raises(IndexError):
            take(table, *index)
        kept = table.copy()
        with pytest.raises(IndexError):
            put(kept, 1, *index)
        assert (kept == table).all()  # (nothing written)
        return
    got = take(table, *index)
    assert got.tolist() == want.tolist() and got.dtype == want.dtype
    for values in (np.arange(100, 100 + np.size(want), dtype=np.int64).reshape(np.shape(want)) % 3, 2):
        a, b = table.copy(), table.copy()
        a[index] = values
        put(b, values, *index)
        assert (a == b).all() and a.dtype == b.dtype
