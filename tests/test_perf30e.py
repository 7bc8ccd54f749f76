"""The rules derive's facts meet, read in C (engine/_dicts.c ``fire_derived``), and a place written as its 12 digits
coded in C inside ``plain_record`` (issue 12 item 4): the same hits, in the same order, of the same objects, and the
same tokens as ``CompiledEngine.fire_read``'s Python path; ``None`` wherever a fact is not kept, which the Python path
then reads; ``_problem._CODED`` holding what ``coded`` gives; verdicts, their ``to_json`` (zh, en) and errors
byte-identical with and without the C paths, on both engines and under a what-if policy."""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Jurisdiction, Policy, ProblemError
from responsibility.chain._jurisdiction import level_of, parse_code
from responsibility.engine import _engine_compiled, _problem
from responsibility.engine._decide import decider_of
from responsibility.engine._facts import derive

from .strategies import bench_engine_records


def synthetic_records(policy: Policy, j: Jurisdiction, n: int, seed: int) -> list[dict[str, Any]]:
    """benchmarks/bench_engine.py's records (the sample issue 12 item 4 is measured on)."""
    return bench_engine_records(policy, j, n, seed=seed, prefix=f"p30e{seed}-")


def c_fire() -> Any:
    """The C reader, or a skip where the extension was not built (a machine without a compiler)."""
    pytest.importorskip("responsibility.engine._dicts")
    if _engine_compiled._c_fire_derived is None:
        pytest.skip("engine/_dicts.c was not built")
    return _engine_compiled._c_fire_derived


def same_hits(a: tuple[list[Any], tuple[Any, ...]], b: tuple[list[Any], tuple[Any, ...]]) -> None:
    """The same hits (each the same rule and the same fact object, in order) and the same tokens."""
    assert type(a[0]) is list and type(b[0]) is list and type(a[1]) is tuple and type(b[1]) is tuple
    assert len(a[0]) == len(b[0])
    for (r, f), (s, g) in zip(a[0], b[0], strict=True):
        assert r is s and f is g
    assert a[1] == b[1]


@pytest.mark.parametrize("what_if", [False, True])
def test_fire_derived_is_fire_read(policy: Policy, jurisdiction: Jurisdiction, what_if: bool,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    fire = c_fire()
    if what_if:
        policy = policy.with_parameters(handling_time_limit_days=5)
    engine = decider_of(policy).compiled
    derived = []
    for r in synthetic_records(policy, jurisdiction, 1500, seed=1):
        p = _problem.parse_problem(r, policy, jurisdiction)
        derived.append((p.__dict__["area"], derive(p, policy)[0]))
    read = 0
    for area, facts in derived + derived:  # (the second pass: every fact kept)
        got = fire(engine._met_derived, area, facts)
        monkeypatch.setattr(_engine_compiled, "_c_fire_derived", None)
        want = engine.fire_read(area, facts, derived=True)
        monkeypatch.setattr(_engine_compiled, "_c_fire_derived", fire)
        if got is not None:
            read += 1
            same_hits(got, want)
        same_hits(engine.fire_read(area, facts, derived=True), want)
    assert read > len(derived)  # it reads every record once its facts are kept


def test_fire_derived_leaves_anything_else_to_python(policy: Policy, jurisdiction: Jurisdiction) -> None:
    fire = c_fire()
    engine = decider_of(policy).compiled
    r = synthetic_records(policy, jurisdiction, 1, seed=2)[0]
    p = _problem.parse_problem(r, policy, jurisdiction)
    area, facts = p.__dict__["area"], derive(p, policy)[0]
    engine.fire_read(area, facts, derived=True)
    assert facts and fire(engine._met_derived, area, facts) is not None
    first = facts[0]
    odd: list[Any] = [
        [{**first, "lvl": -1}],  # values never seen: not kept
        [*facts, {}],  # no id
        [*facts, ("t", "found")],  # not a dict
        [{**first, "later": ["unhashable"]}],  # a value that cannot be hashed: the Python path raises
    ]
    for fs in odd:
        assert fire(engine._met_derived, area, fs) is None
    assert fire(engine._met_derived, "no_such_area", facts) is None
    assert fire({}, area, facts) is None
    assert fire({(area, tuple(first.values())[1:]): "not a pair"}, area, [first]) is None
    with pytest.raises(TypeError):
        fire(engine._met_derived, area, tuple(facts))
    with pytest.raises(TypeError):
        fire(engine._met_derived, area)


@pytest.mark.parametrize("place", ["330127100219", "330127100000", "330127000000", "330100000000", "330000000000",
                                   "331127200301", "000127100219"])
def test_a_place_of_12_digits_is_coded_as_coded_codes_it(policy: Policy, jurisdiction: Jurisdiction,
                                                           place: str) -> None:
    pytest.importorskip("responsibility.engine._dicts")
    _problem._records()
    if _problem._c_plain_record is None:
        pytest.skip("engine/_dicts.c could not read this pydantic's models")
    r = {**synthetic_records(policy, jurisdiction, 1, seed=3)[0]}
    _problem.parse_problem(r, policy, jurisdiction)  # (the memos filled for the record's terms)
    r["place"] = place
    _problem._CODED.pop(place, None)
    _problem._c_plain_record(r, policy, jurisdiction)
    if place.startswith("00"):
        assert place not in _problem._CODED  # coded raised: nothing kept
        return
    want = (parse_code(place), level_of(parse_code(place)))
    assert _problem._CODED[place] == want and _problem._CODED[place][0] is place
    assert _problem.coded(place) == want


def test_verdicts_and_errors_are_those_of_the_python_paths(policy: Policy, jurisdiction: Jurisdiction,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    c_fire()
    records = synthetic_records(policy, jurisdiction, 400, seed=4)
    bad = [{**records[0], "as_of": "2019-01-01"}, {**records[1], "place": "99"},
           {**records[2], "place": "33012710021x"}, {**records[3], "place": " 330127100219"}]

    def outcomes(engine: str) -> list[str]:
        out = []
        for r in records + bad:
            try:
                v = policy.who_answers(r, jurisdiction=jurisdiction, engine=engine)  # type: ignore[arg-type]
            except ProblemError as exc:
                out.append(f"{exc.field} {exc.code} {exc}")
                continue
            out += [v.to_json("zh", indent=None), v.to_json("en", indent=None)]
        return out

    with_c = outcomes("compiled") + outcomes("compiled")  # (the second time with every memo filled)
    monkeypatch.setattr(_engine_compiled, "_c_fire_derived", None)
    monkeypatch.setattr(_problem, "_c_plain_record", None)
    assert outcomes("compiled") + outcomes("compiled") == with_c
    from responsibility.engine import _engine_durable

    if _engine_durable.available():
        assert [x.replace('"durable"', '"compiled"') for x in outcomes("durable")] == with_c[:len(with_c) // 2]
