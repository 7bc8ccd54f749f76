"""check55's records written from section 二 of the text before the library was run on them (session 55): each
requires and forbids findings as a careful reading of its clause does, on both engines, which must agree.

The six records whose expectation was the auditor's own reading where the text leaves room (check55.md "My
expectation was wrong, or the text leaves room") are not run: BN8/BN9 (the village and township following their
households in real time, 二(二)1–2, may see that no cadre comes), ID5/ID6 (县民政局's 信息核对 duty, not
review_answers_for_false_materials, answers for false materials), ID7 (县民政局 beside 县扶贫办 for pushed information,
a judgement), P1 (only the nearest level above the assignee presses under supervision_scope's default).
"""

from __future__ import annotations

import copy
import fnmatch
from typing import Any

import pytest

from responsibility import Policy, ProblemError

from .from_text55_cases import CASES

LEFT_TO_THE_TEXT = {"BN8", "BN9", "ID5", "ID6", "ID7", "P1"}
RUN = [c for c in CASES if c["name"].split()[0] not in LEFT_TO_THE_TEXT]


def _found(v: Any) -> list[tuple[str, str, str, tuple[str, ...]]]:
    return sorted((f.body, f.basis, f.liability, tuple(f.clauses)) for f in v.findings)


def test_every_case_is_run_but_the_six_left_to_the_text() -> None:
    assert len(CASES) == 134 and len(RUN) == 128


@pytest.mark.parametrize("case", RUN, ids=lambda c: c["name"].split()[0])
def test_a_record_from_the_text_gets_the_findings_the_text_requires(policy: Policy, case: dict[str, Any]) -> None:
    record = copy.deepcopy(case["rec"])
    record.setdefault("id", case["name"].split()[0])
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
    got = _found(v)
    assert got == _found(d), "the engines differ"
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
