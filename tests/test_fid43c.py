"""fid43c: a fix in engine/_facts.py from session 43's reviews.

- review43a D1: an assignee (the township) that reports the problem, within the handling limit of its assignment, to
  a body above that is itself the one to rectify it (县民政局: 二(三)3 负责…审核审批，纳入低收入农户) — at a level that
  had the problem before — brings the problem to that body: it holds it from the report's day and answers for its
  own sitting on it as rectifier_holding reads it (the report had been dropped, 县民政局 answering nothing for four
  months). Whether the assignee has thereby passed it on (一(三) 对超出本级权限的及时向上级单位报送问题) is the new
  parameter assignee_report_to_rectifier: passed_on (default) names it no 整改不到位, assignee_answers does."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from responsibility import Jurisdiction, Policy

from .test_batch import TODAY, expected, got
from .verdicts import found as answers
from .verdicts import rested as rests
from .verdicts import variant
from .verdicts import verdict_under as verdict

ENGINES = ("compiled", "durable")
TO_RECTIFIER = "assignee_report_to_rectifier"
OWN = "rectifier_holding"

#: review43a P04: 县民政局's census find handed to the township, which reported it back to 县民政局 on day 2
P04: dict[str, Any] = {
    "id": "fid43c-p04", "area": "identification", "kind": "identification_eligible_omitted",
    "place": "330127100219", "severity": "minor",
    "discovered": {"level": "county", "channel": "verification_census", "on": "2021-03-01",
                   "body": "county_civil_affairs"},
    "handled": [{"action": "assigned", "by_level": "county", "to_level": "township", "on": "2021-03-03"},
                {"action": "reported", "by_level": "township", "to_level": "county",
                 "to_body": "county_civil_affairs", "on": "2021-03-05"}],
    "as_of": "2021-06-30"}
#: review43a P04b: the township's report names no body (receiving_level_body gives 县民政局)
P04B: dict[str, Any] = {**copy.deepcopy(P04), "id": "fid43c-p04b",
                        "handled": [P04["handled"][0], {k: v for k, v in P04["handled"][1].items() if k != "to_body"}]}
#: review43a P04d: the same in 两不愁
P04D: dict[str, Any] = {**copy.deepcopy(P04), "id": "fid43c-p04d", "area": "basic_needs",
                        "kind": "basic_needs_eligible_not_included"}

def with_(record: dict[str, Any], **changes: Any) -> dict[str, Any]:
    return variant(record, drop_none=True, **changes)


def test_the_parameter_is_documented_with_the_text(policy: Policy) -> None:
    p = policy.parameters[TO_RECTIFIER]
    assert p.value == "passed_on" and set(p.choices or ()) == {"passed_on", "assignee_answers"}
    assert {"一(三)", "一(四)", "二(三)2", "二(三)3"} <= set(p.clauses)
    assert "对超出本级权限的及时向上级单位报送问题" in p.why and "默认" in (p.why_zh or "")


# ---------------------------------------------------------------- review43a D1

@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("record", [P04, P04B, P04D], ids=lambda r: r["id"])
def test_the_rectifier_reported_to_answers_for_its_own_sitting(policy: Policy, engine: str,
                                                               record: dict[str, Any]) -> None:
    """县民政局, told by the township on 03-05, answers from that day (rectifier_holding: not_handled by default); the
    township, which reported it on day 2, is not named 整改不到位 and the verdict says why (fails before: the township
    was named 整改不到位 and 县民政局 nothing)."""
    v = verdict(policy, record, engine)
    mine = [f for f in v.findings if f.body == "county_civil_affairs"]
    assert [f.basis for f in mine] == ["not_handled"], answers(v)
    assert OWN in mine[0].rests_on and "2021-03-05" in mine[0].reason
    assert ("township_government", "not_rectified") not in answers(v)
    assert TO_RECTIFIER in rests(v)
    n = verdict(policy, record, engine, **{OWN: "not_rectified"})
    assert ("county_civil_affairs", "not_rectified") in answers(n)
    assert ("township_government", "not_rectified") not in answers(n)
    # the county leaders press 县民政局's rectification (二(二)4 指导督促部门), not the township's
    assert {("county_party_committee", "supervision"), ("county_government", "supervision")} <= answers(n)


@pytest.mark.parametrize("engine", ENGINES)
def test_assignee_answers_keeps_the_township_beside_the_bureau(policy: Policy, engine: str) -> None:
    """Under assignee_answers the township still answers 整改不到位 for its assignment; 县民政局 answers for its own
    sitting under either value (fails before: 县民政局 named nothing)."""
    v = verdict(policy, P04, engine, **{TO_RECTIFIER: "assignee_answers"})
    assert {("township_government", "not_rectified"), ("county_civil_affairs", "not_handled")} <= answers(v)
    assert all(TO_RECTIFIER in f.rests_on for f in v.findings if f.basis == "not_rectified")


@pytest.mark.parametrize("engine", ENGINES)
def test_a_late_report_or_a_fix_in_time_decides_nothing(policy: Policy, engine: str) -> None:
    """Guards: a report after the township's limit leaves it the assignee (and 县民政局 not named from the report); a
    household included by 县民政局 within the limits names neither; a late inclusion (05-20) still names 县民政局."""
    late = with_(P04, handled=[P04["handled"][0], {**P04["handled"][1], "on": "2021-03-20"}])
    v = verdict(policy, late, engine)
    assert ("township_government", "not_rectified") in answers(v)
    assert ("county_civil_affairs", "not_handled") not in answers(v)
    assert TO_RECTIFIER not in rests(v)
    fixed = with_(P04, rectified_on="2021-04-10")
    v = verdict(policy, fixed, engine)
    assert not any(f.basis in ("not_handled", "not_rectified") for f in v.findings), answers(v)
    slow = with_(P04, rectified_on="2021-05-20")
    v = verdict(policy, slow, engine)
    assert ("county_civil_affairs", "not_handled") in answers(v)
    assert ("township_government", "not_rectified") not in answers(v)


@pytest.mark.parametrize("engine", ENGINES)
def test_the_applicant_bounce_back_is_unchanged(policy: Policy, engine: str) -> None:
    """identification_applicant_not_included (the township has no part in rectifying it: the county's 'assignment'
    to it counts as none): 县民政局 answers from the county's find, as fid33a pinned it (guard)."""
    r = with_(P04, kind="identification_applicant_not_included")
    v = verdict(policy, r, engine)
    assert ("county_civil_affairs", "not_handled") in answers(v)
    assert not any(f.level == "township" and f.basis == "not_rectified" for f in v.findings)


# ---------------------------------------------------------------- the bulk path

@pytest.mark.parametrize("values", [{}, {TO_RECTIFIER: "assignee_answers"}, {OWN: "not_rectified"}])
def test_bulk_agrees_with_who_answers(policy: Policy, values: dict[str, str]) -> None:
    """The bulk path gives the rows who_answers gives for these records under each value (batch/_core
    own_handover_steps sends a report to a body that rectifies it, at a level that had the problem, to the reference
    path)."""
    base = [P04, P04B, P04D, with_(P04B, rectified_on="2021-05-20"), with_(P04, rectified_on="2021-05-20"),
            with_(P04, rectified_on="2021-04-10"),
            with_(P04, handled=[P04["handled"][0], {**P04["handled"][1], "on": "2021-03-20"}])]
    records = [{**with_(r, severity=s), "id": f"fid43c-bulk-{i}-{s}"} for i, r in enumerate(base)
               for s in ("minor", "serious", "grave")]
    j = Jurisdiction.example()
    p = policy.with_parameters(**values) if values else policy
    a = p.assess(records, jurisdiction=j, today=TODAY)
    assert a.assessed == len(records)
    assert got(a) == expected(p, j, records, "compiled")
