"""A verdict's interpretation dicts made in one call (engine/_verdict.py ``interpretations_maker``): the same dicts,
in the same order and with the same keys' order, as each interpretation's own dict maker gives, and each call's
dicts its caller's own."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import responsibility
from responsibility import Policy
from responsibility.engine._decide import decider_of
from responsibility.engine._verdict import Interpretation, InterpretationForm, interpretations_maker

VALUES = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=5),
                   st.lists(st.text(max_size=3), max_size=3))
FORMS = st.builds(InterpretationForm, st.text(min_size=1, max_size=5), st.sampled_from(["parameter", "duty"]),
                  st.text(max_size=5), VALUES, st.text(max_size=8))
PAIRS = st.lists(st.tuples(FORMS, st.lists(st.integers(0, 30), max_size=4).map(tuple)), max_size=12)


@given(PAIRS)
def test_the_dicts_are_each_interpretations_own(pairs: list[tuple[InterpretationForm, tuple[int, ...]]]) -> None:
    make = interpretations_maker(pairs)
    got = make(None)
    want = [Interpretation(i.id, i.type, i.name, i.value, i.why, ix).to_dict() for i, ix in pairs]
    assert got == want and [list(d) for d in got] == [list(d) for d in want]
    assert got == [i.dict_of(ix) for i, ix in pairs]
    again = make(None)
    for a, b, (i, _) in zip(got, again, pairs, strict=True):
        assert a is not b and a["findings"] is not b["findings"]
        if isinstance(i.value, list):
            assert a["value"] is not b["value"] and a["value"] is not i.value
        a["findings"].append(99)
    assert make(None) == want


@pytest.fixture(scope="module")
def policy() -> Policy:
    return responsibility.load()


def test_a_verdicts_interpretations_come_from_one_call_shared_by_its_rows(policy: Policy) -> None:
    record: dict[str, Any] = {"id": "a", "domain": "housing", "place": "330127100219", "severity": "grave",
                              "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
                              "handled": [{"action": "assigned", "by_level": "county", "to_level": "township",
                                           "on": "2021-03-20"}], "as_of": "2021-12-31"}
    first = policy.who_answers(record, engine="compiled")
    second = policy.who_answers({**record, "id": "b"}, engine="compiled")
    d1, d2 = first.to_dict(), second.to_dict("en")
    assert d1["interpretations"] and any(isinstance(i["value"], list) for i in d1["interpretations"])
    assert d1["interpretations"] == d2["interpretations"] == [i.to_dict() for i in first.interpretations]
    s1, s2 = first._built_sheet(), second._built_sheet()
    assert s1 is not None and s2 is not None
    assert callable(s1.interpretation_calls) and s1.interpretation_calls is s2.interpretation_calls
    d1["interpretations"][0]["findings"].append(99)
    assert second.to_dict()["interpretations"] == d2["interpretations"]
    assert len(decider_of(policy)._interpretations_makers) >= 1
