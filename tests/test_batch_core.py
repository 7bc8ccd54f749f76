"""The batch decision's templates: what one fact gives, made once and shared by alike facts."""

from __future__ import annotations

import datetime as dt
import itertools

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from responsibility import Jurisdiction, Policy

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


@given(st.lists(st.lists(st.integers(-(2**40), 2**40), max_size=40), max_size=6))
def test_interned_values_get_one_id_each_made_once(chunks: list[list[int]]) -> None:
    from responsibility.batch._core import Interned

    made: list[int] = []

    def make(v: int) -> int:
        made.append(v)
        return 3 * v + 1

    interned = Interned(make, {-5: 7})
    for chunk in chunks:
        got = interned(np.array(chunk, np.int64))
        assert got.tolist() == [7 if v == -5 else 3 * v + 1 for v in chunk]
    assert sorted(made) == sorted({v for chunk in chunks for v in chunk} - {-5})


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
