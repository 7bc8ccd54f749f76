"""A plain record's model made in C (engine/_dicts.c ``plain_record``, issue 12 item 4): for every record it reads,
the Problem that ``_parsed_plainly`` makes — the same fields in the same order, the same fields set, the same nested
models — and None for anything else, which the Python path then reads (its errors are its own); verdicts and their
``to_json`` (zh, en; both engines; base and what-if policies) are byte-identical with and without it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from responsibility import Jurisdiction, Policy, ProblemError
from responsibility.engine import _problem

from .strategies import bench_engine_records


def synthetic_records(policy: Policy, j: Jurisdiction, n: int, seed: int) -> list[dict[str, Any]]:
    """benchmarks/bench_engine.py's records (the sample issue 12 item 4 is measured on)."""
    return bench_engine_records(policy, j, n, seed=seed, prefix=f"p29e{seed}-")


def c_record() -> Any:
    """The C reader, or a skip where the extension was not built (a machine without a compiler)."""
    pytest.importorskip("responsibility.engine._dicts")
    _problem._records()  # (sets it up)
    if _problem._c_plain_record is None:
        pytest.skip("engine/_dicts.c could not read this pydantic's models")
    return _problem._c_plain_record


def varied(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The records as a user may also write them: ``area`` for ``domain``, nulls, dates as dates, a body named, a step's
    body null, a sector, the severity left out."""
    out = []
    for i, r in enumerate(records):
        r = {**r, "discovered": dict(r["discovered"]), "handled": [dict(h) for h in r.get("handled", [])]}
        if i % 2:
            r["area"] = r.pop("domain")
        if i % 3 == 0:
            r["kind"] = r["kind"]  # (None where the area's records have none)
            r["sector"] = None
        if i % 5 == 0:
            r["discovered"]["on"] = dt.date.fromisoformat(r["discovered"]["on"])
            r["as_of"] = dt.date.fromisoformat(r["as_of"])
        if i % 7 == 0:
            r["discovered"]["body"] = None
            for h in r["handled"]:
                h["to_body"] = None
        if i % 11 == 0:
            r.pop("severity")
        if i % 13 == 0 and r["handled"]:
            r["deadline"] = r["handled"][0]["on"]
        out.append(r)
    return out


def assert_same_model(a: Any, b: Any) -> None:
    """``a`` and ``b`` are the same model: type, fields in order, fields set in order, nested models alike."""
    assert type(a) is type(b)
    assert list(a.__dict__) == list(b.__dict__)
    assert list(a.__pydantic_fields_set__) == list(b.__pydantic_fields_set__)
    assert a.__pydantic_extra__ == b.__pydantic_extra__ and a.__pydantic_private__ == b.__pydantic_private__
    for k, x in a.__dict__.items():
        y = b.__dict__[k]
        if k == "discovered" and x is not None:
            assert_same_model(x, y)
        elif k == "handled":
            assert type(x) is list and len(x) == len(y)
            for u, v in zip(x, y, strict=True):
                assert_same_model(u, v)
        else:
            assert type(x) is type(y) and x == y, k
    assert a == b


@pytest.mark.parametrize("what_if", [False, True])
def test_plain_record_is_parsed_plainly(policy: Policy, jurisdiction: Jurisdiction, what_if: bool) -> None:
    plain = c_record()
    if what_if:
        policy = policy.with_parameters(handling_time_limit_days=5)
    records = varied(synthetic_records(policy, jurisdiction, 1500, seed=1))
    read = 0
    for r in records + records:  # (the second pass: every memo filled)
        got = plain(r, policy, jurisdiction)
        want = _problem._parsed_plainly(r, policy, jurisdiction, None)
        if got is not None:
            read += 1
            assert want is not None
            assert_same_model(got, want)
    assert read > len(records)  # it reads most records once the memos have them


def test_plain_record_leaves_anything_else_to_python(policy: Policy, jurisdiction: Jurisdiction) -> None:
    plain = c_record()
    base = synthetic_records(policy, jurisdiction, 1, seed=2)[0]
    base = {**base, "as_of": base["as_of"]}
    _problem.parse_problem(base, policy, jurisdiction)
    assert plain(base, policy, jurisdiction) is not None

    class Text(str):  # (a str's subclass: its hash or comparison may run code)
        pass

    odd: list[Any] = [
        None, [], "text", 12, {**base, "extra": 1}, {**base, "id": Text("x")},
        {**{k: v for k, v in base.items() if k != "as_of"}, Text("as_of"): base["as_of"]},
        {**base, "id": " x"}, {**base, "id": "x" * 201}, {**base, "id": "编号"}, {**base, "id": 7},
        {**base, "place": 330127100219}, {**base, "place": "99"}, {**base, "place": "330102001051"},
        {**base, "as_of": None}, {**base, "as_of": "2021-02-29"}, {**base, "as_of": "0001-01-01"},
        {**base, "as_of": dt.datetime(2021, 5, 1)}, {**base, "discovered": None},
        {**base, "discovered": {**base["discovered"], "on": "2019-01-01"}}, {**base, "handled": "x"},
        {**base, "handled": [None]}, {**base, "handled": [{"action": "assigned"}]}, {**base, "handled": [1] * 1001},
        {**base, "concealed_by": ["nobody"]}, {**base, "concealed_by": "county"}, {**base, "severity": "worst"},
        {**base, "area": base.get("domain"), "domain": base.get("domain")}, {**base, "kind": "no_such_kind"},
        {**base, "rectified_on": "2000-01-01"}, {**base, "deadline": "2000-01-01"},
        # an empty or white-space-only text is an absent field (hostile29): the Python path reads it
        {**base, "kind": ""}, {**base, "kind": " "}, {**base, "sector": "\u3000"}, {**base, "severity": "\t"},
        {**base, "discovered": {**base["discovered"], "body": ""}},
        {**base, "handled": [{"action": "assigned", "by_level": "county", "to_level": "township", "to_body": " ",
                              "on": base["discovered"]["on"]}]},
    ]
    for raw in odd:
        assert plain(raw, policy, jurisdiction) is None, raw
    with pytest.raises(TypeError):
        plain(base, policy)


def test_errors_and_verdicts_are_those_of_the_python_path(policy: Policy, jurisdiction: Jurisdiction,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    c_record()
    records = varied(synthetic_records(policy, jurisdiction, 400, seed=3))
    bad = [{**records[0], "as_of": "2019-01-01"}, {**records[1], "handled": [{"action": "assigned", "on": "x"}]},
           {**records[2], "place": "99"}, {**records[3], "concealed_by": ["nobody"]}]

    def outcomes() -> list[str]:
        out = []
        for r in records + bad:
            try:
                v = policy.who_answers(r, jurisdiction=jurisdiction, engine="compiled")
            except ProblemError as exc:
                out.append(f"{exc.field} {exc.code} {exc}")
                continue
            out += [v.to_json("zh", indent=None), v.to_json("en", indent=None)]
        return out

    with_c = outcomes() + outcomes()  # (the second time with every memo filled)
    monkeypatch.setattr(_problem, "_c_plain_record", None)
    assert outcomes() + outcomes() == with_c


@pytest.mark.slow
def test_to_json_of_a_large_sample_matches_the_durable_engine(policy: Policy, jurisdiction: Jurisdiction) -> None:
    c_record()
    from responsibility.engine import _engine_durable

    if not _engine_durable.available():
        pytest.skip("durable-rules is not installed")
    records = synthetic_records(policy, jurisdiction, 600, seed=4)
    for r in records + records:
        a = policy.who_answers(r, jurisdiction=jurisdiction, engine="compiled")
        b = policy.who_answers(r, jurisdiction=jurisdiction, engine="durable")
        for lang in ("zh", "en"):
            assert a.to_json(lang).replace('"compiled"', '"durable"') == b.to_json(lang)
