"""The fast path of record parsing (``plain_problem``) makes exactly what full validation makes.

``parse_problem`` builds a plainly valid record's :class:`Problem` without pydantic's validation
and leaves anything unusual to it. For valid records, and for records changed in one place
(names a user types, spaces, full-width text, numbers, dates as objects, wrong types, unknown or
missing fields), the fast path either declines or gives the same object as validation — equal,
with the same fields set, nested models alike — and ``parse_problem`` answers or refuses as it
does without the fast path (same field, message and code).
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from responsibility import Jurisdiction, Policy, ProblemError
from responsibility.engine import _problem
from responsibility.engine._problem import Problem, canonical_record, parse_problem, plain_problem

from .strategies import problems
from .test_verdict_lazy import scenario_problems


def alike(a: Any, b: Any) -> None:
    """``a`` and ``b`` are the same value, model by model: fields (in order), fields set, extras."""
    assert type(a) is type(b)
    if isinstance(a, BaseModel):
        assert list(a.__dict__) == list(b.__dict__)
        assert a.model_fields_set == b.model_fields_set
        assert a.__pydantic_extra__ == b.__pydantic_extra__ and a.__pydantic_private__ == b.__pydantic_private__
        for k in a.__dict__:
            alike(a.__dict__[k], b.__dict__[k])
    elif isinstance(a, list):
        assert len(a) == len(b)
        for x, y in zip(a, b, strict=True):
            alike(x, y)
    else:
        assert a == b


def validated(record: Any, policy: Policy) -> Problem | None:
    try:
        return Problem.model_validate(canonical_record(record, policy))
    except Exception:
        return None


def outcome(record: Any, policy: Policy, j: Jurisdiction) -> Any:
    try:
        return parse_problem(record, policy, j)
    except ProblemError as exc:
        return (exc.field, exc.detail, exc.code, exc.record)


def check(record: dict[str, Any], policy: Policy, j: Jurisdiction, monkeypatch: pytest.MonkeyPatch) -> bool:
    """The fast path agrees with validation on ``record``; whether it took it."""
    before = copy.deepcopy(record)
    fast = plain_problem(record, policy)
    assert record == before  # the caller's record is left as it was
    if fast is not None:
        slow = validated(record, policy)
        assert slow is not None, record
        alike(fast, slow)
        assert fast.model_dump_json() == slow.model_dump_json()
        assert fast.handled is not record.get("handled") and fast.concealed_by is not record.get("concealed_by")
    got = outcome(record, policy, j)
    with monkeypatch.context() as m:
        m.setattr(_problem, "plain_problem", lambda raw, policy: None)
        m.setattr(_problem, "_parsed_plainly", lambda raw, policy, jurisdiction, today: None)
        want = outcome(record, policy, j)
    if isinstance(want, Problem):
        alike(got, want)
    else:
        assert got == want
    return fast is not None


def test_every_scenario_problem_is_read_alike(policy: Policy, monkeypatch: pytest.MonkeyPatch) -> None:
    taken = sum(check(record, policy, j, monkeypatch) for record, j in scenario_problems())
    assert taken > 100  # the shipped records are plain: the fast path reads them


#: Changes to one value of a record: what users and other systems send.
ODD_VALUES = [
    None, "", " ", 7, 7.0, True, [], {}, "x" * 201, "ａｂｃ", " county ", "county ", "县", "乡镇", "较重", "危房改造",
    "2021-03-01", "2021-3-1", "２０２１-０３-０１", "2021-02-30", "1899-12-31", "2021-03-01T00:00", "2021-03-01 ",
    dt.date(2021, 3, 1), dt.datetime(2021, 3, 1), dt.datetime(2021, 3, 1, 8), dt.date(1800, 1, 1),
    "a\x00b", "a\u200bb", "\ud800", "assigned", "reported", "Assigned", "hotline", "热线", "330127100219",
    330127100219, "county_water", "water",
    # names and aliases of rules/
    "县（市、区）建设部门", "County construction bureau", "乡镇（街道）", "县长热线", "街道", "“两不愁”",
]


def paths(record: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in ``record`` where a value sits (keys of dicts, indices of lists)."""
    out = [at] if at else []
    if isinstance(record, dict):
        for k, v in record.items():
            out += paths(v, (*at, k))
    elif isinstance(record, list):
        for i, v in enumerate(record):
            out += paths(v, (*at, i))
    return out


def changed(record: dict[str, Any], path: tuple[Any, ...], value: Any, how: str) -> dict[str, Any]:
    out = copy.deepcopy(record)
    parent = out
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if how == "drop" and isinstance(parent, dict) and last in parent:
        del parent[last]
    elif how == "rename" and isinstance(parent, dict) and last in parent:
        parent[f"{last}x"] = parent.pop(last)
    else:
        parent[last] = value
    return out


@pytest.fixture(scope="module")
def province() -> Jurisdiction:
    return Jurisdiction.synthetic(cities=2, counties=4, townships=10, villages=40, seed=3)


def test_records_changed_in_one_place_are_read_alike(policy: Policy, province: Jurisdiction,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                      HealthCheck.function_scoped_fixture])
    @given(problems(policy, province), st.data())
    def run(record: dict[str, Any], data: st.DataObject) -> None:
        check(record, policy, province, monkeypatch)
        if data.draw(st.booleans()):
            record["area"] = record.pop("domain")
        path = data.draw(st.sampled_from([*paths(record), ("sector",), ("discovered", "body"), ("extra",)]))
        how = data.draw(st.sampled_from(["set", "set", "set", "drop", "rename"]))
        if len(path) > 1 and path[0] not in record:
            return
        check(changed(record, path, data.draw(st.sampled_from(ODD_VALUES)), how), policy, province, monkeypatch)

    run()


def test_a_plain_record_is_read_without_validation(policy: Policy, monkeypatch: pytest.MonkeyPatch) -> None:
    record = {"id": "p", "area": "危房改造", "place": "330127100219", "severity": "较重",
              "discovered": {"level": "乡镇", "channel": "grid", "on": "2021-03-01"},
              "handled": [{"action": "assigned", "by_level": "township", "to_level": "village", "on": "2021-03-02"}],
              "as_of": dt.date(2021, 12, 31)}
    calls: list[Any] = []
    validate = Problem.model_validate
    monkeypatch.setattr(Problem, "model_validate", classmethod(lambda cls, raw: calls.append(raw) or validate(raw)))
    p = parse_problem(record, policy, Jurisdiction.example())
    assert not calls and (p.area, p.severity, p.discovered and p.discovered.level) == ("housing", "serious", "township")
    assert p.model_fields_set == {"id", "area", "place", "severity", "discovered", "handled", "as_of"}
    # Anything unusual goes through validation, which names the field.
    with pytest.raises(ProblemError) as err:
        parse_problem({**record, "as_of": "2021-12-31T08:00"}, policy, Jurisdiction.example())
    assert calls and err.value.field == "as_of"
