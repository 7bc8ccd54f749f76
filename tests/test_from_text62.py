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
# ruff: noqa: E501

from __future__ import annotations

import fnmatch
from typing import Any

import pytest

from responsibility import ParameterWarning, Policy, ProblemError

from .from_text import case_id, check, check_batch, check_clauses_and_liabilities, record_of, run_params
from .from_text62_cases import CASES

DISAGREE: dict[str, str] = {
    "E8": "check62 X1: the county hotline's find of a village's problem (within the county's authority, 一(三) 按照问题类别、"
          "办理权限…交办), reported by the county to the city instead of assigned; the city assigns the township within the "
          "county's limit and it is put right by the deadline: the verdict names nobody for the county's step and does not "
          "list irregular_step, while the same record unrectified names 县民政 not_handled (irregular_step listed). 一(四) "
          "对发现问题没有按程序及时交办和上报的 is a failure of the step, not of the outcome (missing_step_holder: 'the "
          "rectification date does not decide it'); irregular_step: 'the county's own report of what is within its "
          "authority stays set aside under either value', and a verdict on such a report passed on in time 'says it rests "
          "on this'",
    "E40": "check62 X1 (its extent): the county hands a late renovation to 县教育局 (no part in housing: not 按程序, "
           "irregular_step) and the house is renovated 03-20 all the same: nobody is named for the county's step "
           "(rectification_time_limit_days listed, irregular_step not), while unrenovated (E41) the county is named",
    "E42": "check62 X1 (its extent): a township hands a late renovation down to its village (二(六)4(1) 协助 only), renovated "
           "03-20 all the same: the township is not named, though self_rectified_report_required's own why says 'A pass-down "
           "to a level that cannot rectify the kind is no disposal under either value: a township that hands its village a "
           "late renovation answers not_handled'",
}
PARAMS = run_params(CASES, DISAGREE)




def check_one(policy: Policy, case: dict[str, Any]) -> None:
    """Each ``one`` (body glob, basis) matches the findings of exactly one body: a level named as concealer stands for
    one body the record does not name (concealing_level_body), not each of its departments."""
    if not case.get("one"):
        return
    view = policy.with_parameters(**case["params"]) if case["params"] else policy
    verdict = view.who_answers(record_of(case))
    for body, basis in case["one"]:
        bodies = {f.body for f in verdict.findings if fnmatch.fnmatchcase(f.body, body) and f.basis == basis}
        assert len(bodies) == 1, (body, basis, bodies)


def test_every_case_is_named_once_and_every_disagreement_is_a_case() -> None:
    names = [case_id(c) for c in CASES]
    assert len(names) == len(set(names)) == 452
    assert DISAGREE.keys() <= set(names)


@pytest.mark.parametrize("case", PARAMS)
def test_a_record_from_the_text_gets_the_findings_the_text_requires(policy: Policy, case: dict[str, Any]) -> None:
    if case.get("warns"):  # a reading that changes nothing alone: with_parameters says so (main_responsibility_from)
        with pytest.warns(ParameterWarning):
            check(policy, case)
            check_clauses_and_liabilities(policy, case)
        return
    check(policy, case)
    check_clauses_and_liabilities(policy, case)
    check_one(policy, case)


@pytest.mark.parametrize("cid", ["K52", "K53"])
def test_a_body_named_twice_as_concealer_is_named_once(policy: Policy, cid: str) -> None:
    """一(四) 瞒报漏报 is one failure of one body: a record naming the body twice (by id and by name, or as itself and as
    its level's one body with a part) names it once, with one finding per liability (or is refused)."""
    case = next(c for c in CASES if case_id(c) == cid)
    try:
        verdict = policy.who_answers(record_of(case))
    except ProblemError:
        return
    got = [(f.body, f.basis, f.liability) for f in verdict.findings if f.basis == "concealed"]
    assert len(got) == len(set(got)), got


def test_every_verdict_at_a_community_says_it_rests_on_residents_committee_place(policy: Policy) -> None:
    missing = []
    for c in CASES:
        if case_id(c).startswith("RC-"):
            try:
                verdict = policy.who_answers(record_of(c))
            except ProblemError:
                continue
            if "residents_committee_place" not in {i.id for i in verdict.interpretations}:
                missing.append(case_id(c))
    assert not missing, missing


@pytest.mark.slow  # (every record through both paths, a view per reading)
@pytest.mark.filterwarnings("ignore::responsibility.ParameterWarning")  # L7's reading warns that it changes nothing
def test_the_batch_path_gives_what_who_answers_gives_on_every_record(policy: Policy) -> None:
    check_batch(policy, CASES)


@pytest.mark.parametrize("cid", ["E16", "E37"])
def test_a_level_spared_within_its_window_to_put_right_its_own_problem_says_what_spared_it(
        policy: Policy, cid: str) -> None:
    """check62 X2: a village (E16) or township (E37) below the problem's authority that found what it may put right
    itself and shows no step is named by nobody for it while its handling limit plus rectification limit is still open
    on the day of the verdict (self_rectified_report_required false): the verdict says it rests on that reading and on
    both limits. The same record past the window names the level (E17), and with the reading true the level answers
    after its handling limit (E39), the finding resting on the reading."""
    case = next(c for c in CASES if case_id(c) == cid)
    verdict = policy.who_answers(record_of(case))
    listed = {i.id for i in verdict.interpretations}
    assert {"self_rectified_report_required", "handling_time_limit_days", "rectification_time_limit_days"} <= listed
    assert not [f for f in verdict.findings if f.basis == "not_handled" and f.body.startswith(
        "village_" if cid == "E16" else "township_")]


def test_a_village_that_had_to_report_answers_after_its_handling_limit_and_the_finding_says_on_what(
        policy: Policy) -> None:
    case = next(c for c in CASES if case_id(c) == "E39")
    verdict = policy.with_parameters(**case["params"]).who_answers(record_of(case))
    named = [f for f in verdict.findings if f.basis == "not_handled" and f.body.startswith("village_")]
    assert named
    assert all("self_rectified_report_required" in f.rests_on for f in named)
