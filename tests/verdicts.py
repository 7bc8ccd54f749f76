"""Readings of a verdict that the fidelity tests share: who answers on which basis, what it rests on."""

from __future__ import annotations

import copy
from typing import Any

from responsibility import Policy, ProblemError


def answers(policy: Policy, record: dict[str, Any], engine: str = "compiled") -> set[tuple[str, str]]:
    """The (body, basis) pairs of ``record``'s verdict from ``engine`` (read of a :func:`worded` verdict)."""
    return {(f.body, f.basis) for f in worded(policy, record, engine).findings}


def worded(policy: Policy, record: dict[str, Any], engine: str = "compiled") -> Any:
    """``record``'s verdict from ``engine``, for a caller that reads of it only its findings' bodies, places, bases,
    liabilities, clauses and reasons: a ``wording_only`` verdict, which gives those as the full one does
    (engine/_decide.who_answers) without deciding the record again under each reading it may rest on, which the full
    verdict does for its interpretations (suite63). A record as data (no ``discovered.*`` row keys) goes to the
    engine's who_answers as ``Policy.who_answers`` sends it; anything else, and a refused record, to
    ``Policy.who_answers`` itself (its error as it gives it)."""
    if type(record) is dict and not any(isinstance(k, str) and k.startswith("discovered.") for k in record):
        from responsibility.engine._decide import who_answers

        try:
            return who_answers(policy, record, engine=engine, wording_only=True)  # type: ignore[arg-type]
        except ProblemError:
            pass
    return policy.who_answers(record, engine=engine)  # type: ignore[arg-type]


def rests(policy: Policy, record: dict[str, Any], engine: str = "compiled") -> set[str]:
    """The ids of the interpretations and parameters ``record``'s verdict from ``engine`` rests on."""
    return {i.id for i in policy.who_answers(record, engine=engine).interpretations}  # type: ignore[arg-type]


def variant(record: dict[str, Any], *, drop_none: bool = False, **changes: Any) -> dict[str, Any]:
    """A copy of ``record`` with ``changes``, its id marked with their names (``drop_none``: fields set to None left
    out, as a record that does not give them)."""
    r = copy.deepcopy(record)
    r.update(changes)
    r["id"] = f"{r['id']}-{'-'.join(sorted(changes))}"
    return {k: v for k, v in r.items() if v is not None} if drop_none else r


def verdict_under(policy: Policy, record: dict[str, Any], engine: str, **values: Any) -> Any:
    """``record``'s verdict from ``engine`` under the parameter ``values`` (the shipped values where none is given)."""
    p = policy.with_parameters(**values) if values else policy
    return p.who_answers(record, engine=engine)  # type: ignore[arg-type]


def found(v: Any) -> set[tuple[str, str]]:
    """The (body, basis) pairs of the verdict ``v``."""
    return {(f.body, f.basis) for f in v.findings}


def rested(v: Any) -> set[str]:
    """The ids of the interpretations and parameters the verdict ``v`` rests on."""
    return {i.id for i in v.interpretations}


def batch_and_answers(view: Any, records: list[dict[str, Any]]) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """``view.assess(records)``'s finding rows (reason included, every record assessed, none rejected) and the same
    rows as ``who_answers`` gives them, record by record: the batch path must equal the reference."""
    a = view.assess(records)
    assert a.rejected == 0 and a.assessed == len(records)
    cols = ["problem", "area", "level", "body", "name", "place", "basis", "liability", "clauses", "reason"]
    got = [tuple(x) for x in a.findings[cols].astype(object).itertuples(index=False)]
    want = []
    for r in records:
        v = view.who_answers(r)
        for f in v.findings:
            d = f.to_dict("zh")
            want.append((v.problem, v.context.problem.area, d["level"], d["body"], d["name"], d["place"], d["basis"],
                         d["liability"], ";".join(d["clauses"]), d["reason"]))
    return got, want


def marked_by(policy: Policy, records: list[Any], marker: str, **assess: Any) -> set[str]:
    """The ids of ``records`` that the batch's ``marker`` (a function of responsibility.batch._core setting its
    columns' ``slow`` flags) itself sends to the reference path, as ``policy.assess(records, **assess)`` runs it."""
    from unittest import mock

    import numpy as np

    import responsibility.batch._core as core

    marked: set[str] = set()
    real = getattr(core, marker)

    def spy(c: Any, *args: Any, **kwargs: Any) -> Any:
        before = c.slow.copy()
        out = real(c, *args, **kwargs)
        marked.update(c.ids[i] for i in np.flatnonzero(c.slow & ~before))
        return out

    with mock.patch.object(core, marker, spy):
        policy.assess(records, **assess)
    return marked


def step(by: str, to: str, body: str | None = None, on: str = "2021-03-03", action: str = "assigned") -> dict[str, Any]:
    """A ``handled`` step: ``by`` level ``action`` (assigned, reported) the problem to ``to`` level (and ``body``)."""
    s = {"action": action, "by_level": by, "to_level": to, "on": on}
    return {**s, "to_body": body} if body else s


def village_record(rid: str, area: str, kind: str, found: dict[str, Any], steps: list[dict[str, Any]],
                   **more: Any) -> dict[str, Any]:
    """A minor problem at the village 330127100219, due 2021-04-30, judged on 2021-06-30, unrectified unless
    ``more`` says."""
    return {"id": rid, "area": area, "kind": kind, "place": "330127100219", "severity": "minor", "discovered": found,
            "handled": steps, "deadline": "2021-04-30", "as_of": "2021-06-30", **more}


def finder(level: str, body: str | None = None, channel: str = "research_supervision") -> dict[str, Any]:
    """A ``discovered`` block: ``level`` (and ``body``) found it through ``channel`` on 2021-03-01."""
    d = {"level": level, "channel": channel, "on": "2021-03-01"}
    return {**d, "body": body} if body else d


def line_record(rid: str, area: str, kind: str, sector: str | None, by: str = "city", assigned: bool = False
                ) -> dict[str, Any]:
    """A problem at the village 330127100219 of ``sector``'s line (none if None) that ``by`` found through 调研督导 on
    2021-03-01: judged on 2021-03-05, or, ``assigned``, handed to the county on 2021-03-03, due 2021-03-31 and judged
    on 2021-04-30 unrectified (fid58's and fid59's records)."""
    r: dict[str, Any] = {"id": rid, "area": area, "kind": kind, "place": "330127100219", "discovered": finder(by),
                         "as_of": "2021-04-30" if assigned else "2021-03-05"}
    if sector is not None:
        r["sector"] = sector
    if assigned:
        r["handled"] = [step(by, "county")]
        r["deadline"] = "2021-03-31"
    return r
