"""What the from-text record nets share (tests/test_from_text55.py, tests/test_from_text56.py: records written from
the text before the library was run on them): the builders their cases files write records with, and the check each
record is put to — the findings it requires and forbids, on both engines, which must agree.

A case: ``name`` (its id first), ``rec`` (the record), ``params`` (the reading), ``req`` [(body or glob, basis or
None, [liabilities] or None)], ``forb`` [(body or glob, basis or None)], ``listed`` / ``notlisted`` (interpretation
ids the verdict must or must not list), ``refuse`` (the record is refused) and ``refuse_ok`` (it may be).
"""
# ruff: noqa: E701, E702, E731

from __future__ import annotations

import copy
import fnmatch
from collections.abc import Callable
from typing import Any

import pytest

from responsibility import Policy, ProblemError

from .verdicts import batch_and_answers

Case = dict[str, Any]

V = "330127100219"; T = "330127100"; C = "330127"; CITY = "3301"; PROV = "33"
VIL = ["village_party_branch", "village_committee"]; TWN = "township_government"
LOW_ND = [(b, "not_discovered") for b in VIL] + [(TWN, "not_discovered")]
VIL_ND = [(b, "not_discovered") for b in VIL]
NOLOW = [("village_*",), ("township_*",)]
CITYPROV = [("city_*",), ("province_*",)]
CNTY_MR = [("county_party_committee", "main_responsibility"), ("county_government", "main_responsibility")]
NO_MR = [("*", "main_responsibility")]
NOBODY = [("*",)]
NOT_LATE = [("*", "not_rectified"), ("*", "supervision")]
CNTY_ND = [("county_*", "not_discovered")]
OVERS = [("*audit",), ("*discipline",), ("*congress",), ("*cppcc",), ("platform_12317",), ("media",)]
late = dict(as_of="2021-04-30")
CITY_ND = [("city_*", "not_discovered")]
PROV_ND = [("province_*", "not_discovered")]
NO_CITY_MR = [("city_party_committee", "main_responsibility"), ("city_government", "main_responsibility")]
NO_PROV_MR = [("province_party_committee", "main_responsibility"), ("province_government", "main_responsibility")]
NO_TWN_MR = [("township_*", "main_responsibility")]


def disc(level: str, channel: str, on: str = "2021-03-01", body: str | None = None) -> dict[str, Any]:
    d = {"level": level, "channel": channel, "on": on}
    if body: d["body"] = body
    return d


def st(action: str, by: str, to: str, on: str, body: str | None = None) -> dict[str, Any]:
    d = {"action": action, "by_level": by, "to_level": to, "on": on}
    if body: d["to_body"] = body
    return d


def asg(by: str, to: str, on: str = "2021-03-03", body: str | None = None) -> dict[str, Any]:
    return st("assigned", by, to, on, body)


def rep(by: str, to: str, on: str = "2021-03-03", body: str | None = None) -> dict[str, Any]:
    return st("reported", by, to, on, body)


hot = disc("county", "hotline")
cres = lambda body=None: disc("city", "research_supervision", body=body)


def R(area: str, kind: str, place: str = V, **k: Any) -> dict[str, Any]:
    d = {"area": area, "kind": kind, "place": place}; d.update(k); return d


def A(area: str) -> Callable[..., dict[str, Any]]:
    return lambda kind, place=V, **k: R(area, kind, place, **k)


def adder(cases: list[Case]) -> Callable[..., None]:
    """The ``case(name, record, req=…, forb=…, …)`` a cases file writes its records with, adding to ``cases``."""

    def case(name: str, r: dict[str, Any], req: Any = (), forb: Any = (), params: dict[str, Any] | None = None,
             listed: Any = (), notlisted: Any = (), refuse_ok: bool = False, refuse: bool = False,
             why: str = "") -> None:
        r = dict(r); r.setdefault("as_of", "2021-03-05")
        cases.append(dict(name=name, rec=r, req=list(req), forb=list(forb), params=params or {}, listed=list(listed),
                          notlisted=list(notlisted), refuse_ok=refuse_ok, refuse=refuse, why=why))

    return case


def case_id(case: Case) -> str:
    return str(case["name"].split()[0])


def record_of(case: Case) -> dict[str, Any]:
    record = copy.deepcopy(case["rec"])
    record.setdefault("id", case_id(case))
    return record


def found(v: Any) -> list[tuple[str, str, str, tuple[str, ...]]]:
    return sorted((f.body, f.basis, f.liability, tuple(f.clauses)) for f in v.findings)


def check(policy: Policy, case: Case) -> None:
    """``case``'s record on both engines: refused where it must be (or may be), else the same findings and readings
    on both, each required finding there (with its liabilities where given), no forbidden one, the readings listed
    and not listed as the case says."""
    record = record_of(case)
    view = policy.with_parameters(**case["params"]) if case["params"] else policy
    if case["refuse"]:
        for engine in ("compiled", "durable"):
            with pytest.raises(ProblemError):
                view.who_answers(record, engine=engine)
        return
    try:
        v = view.who_answers(record, engine="compiled")
    except ProblemError:
        assert case["refuse_ok"], case["name"]
        with pytest.raises(ProblemError):
            view.who_answers(record, engine="durable")
        return
    d = view.who_answers(record, engine="durable")
    got = found(v)
    assert got == found(d), "the engines differ"
    assert [i.id for i in v.interpretations] == [i.id for i in d.interpretations]
    for req in case["req"]:
        body, basis = req[0], req[1] if len(req) > 1 else None
        hits = [x for x in got if fnmatch.fnmatchcase(x[0], body) and (basis is None or x[1] == basis)]
        assert hits, f"missing {body} {basis}: {got}"
        if len(req) > 2 and req[2]:
            by: dict[tuple[str, str], set[str]] = {}
            for x in hits:
                by.setdefault((x[0], x[1]), set()).add(x[2])
            assert any(set(req[2]) == s for s in by.values()), (req, by)
    for forb in case["forb"]:
        body, basis = forb[0], forb[1] if len(forb) > 1 else None
        hits = [x for x in got if fnmatch.fnmatchcase(x[0], body) and (basis is None or x[1] == basis)]
        assert not hits, f"forbidden {body} {basis}: {hits}"
    listed = {i.id for i in v.interpretations}
    assert set(case["listed"]) <= listed, (case["listed"], listed)
    assert not set(case["notlisted"]) & listed, (case["notlisted"], listed)


def check_batch(policy: Policy, cases: list[Case]) -> None:
    """The batch path (``Policy.assess``) gives what ``who_answers`` gives on every record of ``cases`` that is not
    refused, each under its reading."""
    by_params: dict[tuple[tuple[str, Any], ...], list[dict[str, Any]]] = {}
    for c in cases:
        if not c["refuse"]:
            by_params.setdefault(tuple(sorted(c["params"].items())), []).append(record_of(c))
    for params, records in by_params.items():
        view = policy.with_parameters(**dict(params)) if params else policy
        got, want = batch_and_answers(view, records)
        assert got == want, params


def run_params(cases: list[Case], disagree: dict[str, str]) -> list[Any]:
    """Each case as a ``pytest.param`` named by its id, a strict xfail with its reason where the auditor judged the
    library to answer it wrongly (``disagree``: id → the clause and what the text requires)."""
    return [pytest.param(c, id=case_id(c), marks=[pytest.mark.xfail(strict=True, reason=disagree[case_id(c)])]
                         if case_id(c) in disagree else []) for c in cases]


def clause_adder(cases: list[Case]) -> Callable[..., None]:
    """:func:`adder`'s ``case``, with ``cl`` [(body, basis, clauses it must cite, clauses it must not)] and ``fl``
    [(body glob, basis or None, liability)]: findings that must not be (:func:`check_clauses_and_liabilities`)."""
    add = adder(cases)

    def case(name: str, r: dict[str, Any], cl: Any = (), fl: Any = (), **k: Any) -> None:
        add(name, r, **k)
        cases[-1]["cl"] = list(cl); cases[-1]["fl"] = list(fl)

    return case


def refuser(cases: list[Case], case: Callable[..., None]) -> Callable[..., None]:
    """``refuse(name, record, code, field=None)``: a record the library must refuse, added by ``case`` (a
    :func:`clause_adder`'s) to ``cases`` with the reason code (and the field) docs/records.md gives for its fault."""

    def refuse(name: str, r: dict[str, Any], code: str, field: str | None = None) -> None:
        case(name, r, refuse=True)
        cases[-1]["code"] = code; cases[-1]["field"] = field

    return refuse


def check_clauses_and_liabilities(policy: Policy, case: Case) -> None:
    """The clauses each ``cl`` finding cites (every one of ``must``, none of ``must_not``) and the liabilities no
    finding may carry (``fl``)."""
    if case["refuse"] or not (case["cl"] or case["fl"]):
        return
    view = policy.with_parameters(**case["params"]) if case["params"] else policy
    try:
        verdict = view.who_answers(record_of(case))
    except ProblemError:
        assert case["refuse_ok"], case["name"]
        return
    for body, basis, must, must_not in case["cl"]:
        hits = [f for f in verdict.findings if f.body == body and f.basis == basis]
        assert hits, f"no finding {body} {basis} to check the clauses of"
        for f in hits:
            assert set(must) <= set(f.clauses), (body, basis, f.liability, f.clauses, must)
            assert not set(must_not) & set(f.clauses), (body, basis, f.liability, f.clauses, must_not)
    for body, basis, liability in case["fl"]:
        bad = [(f.body, f.basis, f.liability) for f in verdict.findings if fnmatch.fnmatchcase(f.body, body)
               and (basis is None or f.basis == basis) and f.liability == liability]
        assert not bad, f"forbidden liability {liability}: {bad}"


def check_refusal(policy: Policy, case: dict[str, Any]) -> None:
    """A refused record gives the reason code (and names the field) docs/records.md says its fault gets, on both
    engines (the from-text case files' one check of a refusal)."""
    if not case.get("code"):
        return
    for engine in ("compiled", "durable"):
        with pytest.raises(ProblemError) as err:
            policy.who_answers(record_of(case), engine=engine)
        assert err.value.code == case["code"], (engine, err.value.code, str(err.value))
        if case.get("field") is not None:
            assert err.value.field == case["field"], (engine, err.value.field, str(err.value))
