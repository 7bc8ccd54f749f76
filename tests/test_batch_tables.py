"""The place tables of the batch path, worked out a digit column at a time, equal those made place by place."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from responsibility import Jurisdiction, Place
from responsibility.batch._assessor import decider_of
from responsibility.batch._tables import _PLACE_TABLES, Tables

_TABLES = ("places", "place_alias", "alias_arrays", "place_rank", "place_codes", "place_texts", "ancestor")


def _tables(policy: Any, j: Jurisdiction, by_row: bool) -> dict[str, Any]:
    t = Tables.__new__(Tables)
    t.jurisdiction, t.rank = j, dict(policy.level_rank)
    t.max_rank = max(t.rank.values())
    t._places_by_row() if by_row else t._places()
    return {name: getattr(t, name) for name in _TABLES}


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, tuple):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, np.ndarray):
        return a.dtype == b.dtype and a.shape == b.shape and bool((a == b).all())
    if isinstance(a, dict):
        return list(a.items()) == list(b.items())
    return bool(a == b)


def _odd() -> Jurisdiction:
    """Places without their parents, a place whose level is not its code's, a code that skips a level (the
    public constructor refuses them; code that takes a jurisdiction must still not fail on one)."""
    return Jurisdiction._trusted([Place("330000000000", "省", "province"), Place("330127100219", "村", "village"),
                         Place("330127000000", "县", "city"), Place("330100000000", "市", "city"),
                         Place("330000100000", "跳", "township"), Place("340200000000", "外", "city"),
                         Place("001100000000", "零", "city")])


@pytest.mark.parametrize("make", [Jurisdiction.example, _odd,
                                  lambda: Jurisdiction.synthetic(3, 5, 9, 40, seed=2),
                                  lambda: Jurisdiction.from_csv_text("code,name\n33,浙\n3301,杭\n330102,上\n")])
def test_place_tables_by_column_equal_those_by_row(policy: Any, make: Any) -> None:
    j = make()
    fast, slow = _tables(policy, j, False), _tables(policy, j, True)
    for name in _TABLES:
        assert _same(fast[name], slow[name]), name


def test_codes_not_of_12_digits_are_read_place_by_place(policy: Any) -> None:
    j = Jurisdiction._trusted([Place("33", "省", "province"), Place("3301", "市", "city")])
    assert _same(_tables(policy, j, False)["place_alias"], _tables(policy, j, True)["place_alias"])


def test_every_table_is_shared(policy: Any) -> None:
    assert set(_TABLES) == set(_PLACE_TABLES)
    j = Jurisdiction.example()
    assert Tables(policy, j, decider_of(policy)).ancestor is Tables(policy, j, decider_of(policy)).ancestor
