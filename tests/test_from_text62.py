"""check62's records written from the text before the library was run on them (session 61): concealment at each
level and by whom, escalation beyond a level's authority and chains of three to five levels, urban communities
against villages, problems placed at the city's and the province's own codes, the discovery channels and the finder's
level they make, and the liability tiers of 一(四) and 二(一)1's 主体责任 under their parameters
(tests/from_text62_cases.py).

Each record is put to tests/from_text.py's check (the findings it requires and forbids, on both engines, which must
agree; the readings listed), and to two checks of its own, as tests/test_from_text60.py puts them: a finding's clauses
(``cl``) and the liabilities no finding may carry (``fl``). The records the auditor judged the library to answer
wrongly are run as the text requires and marked ``xfail(strict=True)`` with the disagreement (``DISAGREE``;
/work/helpers/s61/check62-report.md): a fix that makes one pass fails its strict xfail, and it moves into the run.
"""

from __future__ import annotations

import fnmatch
from typing import Any

import pytest

from responsibility import Policy, ProblemError

from .from_text import case_id, check, check_batch, record_of, run_params
from .from_text62_cases import CASES

DISAGREE: dict[str, str] = {}
PARAMS = run_params(CASES, DISAGREE)


def check_clauses_and_liabilities(policy: Policy, case: dict[str, Any]) -> None:
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


def test_every_case_is_named_once_and_every_disagreement_is_a_case() -> None:
    names = [case_id(c) for c in CASES]
    assert len(names) == len(set(names)) == 133
    assert DISAGREE.keys() <= set(names)


@pytest.mark.parametrize("case", PARAMS)
def test_a_record_from_the_text_gets_the_findings_the_text_requires(policy: Policy, case: dict[str, Any]) -> None:
    check(policy, case)
    check_clauses_and_liabilities(policy, case)


@pytest.mark.slow  # (every record through both paths, a view per reading)
def test_the_batch_path_gives_what_who_answers_gives_on_every_record(policy: Policy) -> None:
    check_batch(policy, CASES)
