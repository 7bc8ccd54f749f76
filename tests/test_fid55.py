"""fid55: a late pass-on said in the assignee's 整改不到位, not counted twice (check54 #3); sectorless listed (#5).

W2h: the city hands 县建设 a late renovation on 03-03; 县建设 passes it to the township only on 03-20 (the
handling limit is 10 days); the township never rectifies it (deadline 04-15). 一(四) names 县建设 as the assignee
whose 交办问题整改落实不到位 takes the delay in (late_pass_on_answers; not a supervisor only).

- (a) Before, its reason read 「负责整改该问题（2021-03-03交办），至2021-04-15整改未落实到位」: the 17-day sit
  was said nowhere. Now 「…整改未落实到位（其迟至2021-03-20方才交办，超出10天时限）」 and the English gloss
  alike; the limit is handling_time_limit_days, the words the phrases ``late_pass_on`` (data).
- (b) Before, 县建设 was also named 指导督促不到位 for the township's rectification (二(六)4(3) 督促指导乡镇).
  Both rest on the same words of 一(四), 对交办问题整改落实不到位的, for the one rectification the record has:
  one failure counted twice (the rules' own reading elsewhere: review25 R25-10, review43b R3,
  misassigned_body_passes_on). A body named 整改不到位 is no longer also named 指导督促不到位 for the record —
  also a county body the city handed the problem beside the township, and a level that passed it down in time
  under reassigned_level_answers: rectification.
- #5: R4/R86, a province 省相关部门 not_handled whose clauses and reason sectorless_alternatives decides, now
  list it; so do the policy gaps whose 省相关部门 is 本身负责…办理 only as it stands for the departments.
"""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Policy

from .verdicts import batch_and_answers, rested
from .verdicts import verdict_under as verdict

ENGINES = ("compiled", "durable")
VILLAGE = "330127100219"
LATE = "late_pass_on_answers"
REASSIGNED = "reassigned_level_answers"
LIMIT = "handling_time_limit_days"
SECTORLESS = "sectorless_alternatives"


def _step(by: str, to: str, on: str, body: str | None = None, action: str = "assigned") -> dict[str, str]:
    d = {"action": action, "by_level": by, "to_level": to, "on": on}
    if body:
        d["to_body"] = body
    return d


W2H = {"id": "fid55-W2h", "area": "housing", "kind": "housing_renovation_late", "sector": "construction",
       "place": VILLAGE,
       "discovered": {"level": "city", "channel": "research_supervision", "on": "2021-03-01",
                      "body": "city_construction"},
       "handled": [_step("city", "county", "2021-03-03", "county_construction"),
                   _step("county", "township", "2021-03-20")],
       "deadline": "2021-04-15", "as_of": "2021-05-01"}
#: the same, passed on in time (03-05): 县建设 presses only
W2T = {**W2H, "id": "fid55-W2t", "handled": [W2H["handled"][0], _step("county", "township", "2021-03-05")]}
#: the same, late, but rectified by the deadline: no 整改不到位 to say it in
W2F = {**W2H, "id": "fid55-W2f", "rectified_on": "2021-04-10"}
#: W2 of check54: a specific problem, city → county (no body) 03-03, county → township 03-20
W2 = {"id": "fid55-W2", "area": "basic_needs", "kind": "basic_needs_not_helped_to_apply", "place": VILLAGE,
      "discovered": {"level": "city", "channel": "research_supervision", "on": "2021-03-01"},
      "handled": [_step("city", "county", "2021-03-03"), _step("county", "township", "2021-03-20")],
      "deadline": "2021-04-15", "as_of": "2021-05-01"}
#: the city hands 县建设 and the township the renovation on the same day; neither acts
BOTH = {**W2H, "id": "fid55-both", "handled": [W2H["handled"][0], _step("city", "township", "2021-03-03")]}
#: funds diverted, city → county 03-03, county → township 03-20 (check54's dbl.py: county_sector_department ×6)
FUNDS = {"id": "fid55-funds", "area": "funds", "kind": "funds_diverted", "place": VILLAGE,
         "discovered": {"level": "city", "channel": "research_supervision", "on": "2021-03-01"},
         "handled": [_step("city", "county", "2021-03-03"), _step("county", "township", "2021-03-20")],
         "deadline": "2021-04-15", "as_of": "2021-05-01"}

DELAY_ZH = "（其迟至2021-03-20方才交办，超出10天时限）"
DELAY_EN = "; it passed the problem on only on 2021-03-20, beyond the 10-day limit"


def _named(v: Any, body: str) -> set[str]:
    """What ``body`` answers for the record's rectification (整改不到位, 指导督促不到位) in the verdict ``v``."""
    return {f.basis for f in v.findings if f.body == body and f.basis in ("not_rectified", "supervision")}


def _twice(v: Any) -> set[str]:
    """Bodies named both 整改不到位 and 指导督促不到位 in the verdict ``v``."""
    return ({f.body for f in v.findings if f.basis == "not_rectified"}
            & {f.body for f in v.findings if f.basis == "supervision"})


# ------------------------------------------------------------------ (a) the delay said


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("late", ["none", "not_handled"])
def test_a_late_pass_on_is_said_in_the_assignees_not_rectified(policy: Policy, engine: str, late: str) -> None:
    # before: 「县建设部门（淳安县）负责整改该问题（2021-03-03交办），至2021-04-15整改未落实到位。」 under either value
    v = verdict(policy, W2H, engine, **{LATE: late})
    got = [f for f in v.findings if f.body == "county_construction" and f.basis == "not_rectified"]
    assert got
    for f in got:
        assert f.reason.endswith(f"负责整改该问题（2021-03-03交办），至2021-04-15整改未落实到位{DELAY_ZH}。"), f.reason
        assert f.reason_en.endswith(f"it had not been rectified by 2021-04-15{DELAY_EN}."), f.reason_en
        assert f.to_dict("en")["reason"] == f.reason_en and f.to_dict()["reason"] == f.reason
    # the township, handed it in time by the county's (late) step, passed nothing on late: its reason says no delay
    town = [f for f in v.findings if f.body == "township_government" and f.basis == "not_rectified"]
    assert town and all("迟至" not in f.reason for f in town)


@pytest.mark.parametrize("engine", ENGINES)
def test_the_limit_said_is_the_parameter(policy: Policy, engine: str) -> None:
    v = verdict(policy, W2H, engine, **{LIMIT: 7})
    f = next(f for f in v.findings if f.body == "county_construction" and f.basis == "not_rectified")
    assert "（其迟至2021-03-20方才交办，超出7天时限）" in f.reason and "beyond the 7-day limit" in f.reason_en


@pytest.mark.parametrize("engine", ENGINES)
def test_a_pass_on_in_time_or_a_fix_in_time_says_no_delay(policy: Policy, engine: str) -> None:
    assert "not_rectified" not in _named(verdict(policy, W2T, engine), "county_construction")
    assert not any("迟至" in f.reason for f in verdict(policy, W2T, engine).findings)
    assert not any("迟至" in f.reason for f in verdict(policy, W2F, engine).findings)
    # under rectification the in-time passer answers as assignee: nothing late to say
    v = verdict(policy, W2T, engine, **{REASSIGNED: "rectification"})
    assert "not_rectified" in _named(v, "county_construction")
    assert not any("迟至" in f.reason for f in v.findings)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_level_assigned_as_a_whole_says_its_delay_too(policy: Policy, engine: str) -> None:
    v = verdict(policy, W2, engine)
    county = [f for f in v.findings if f.level == "county" and f.basis == "not_rectified"]
    assert county and all(f.reason.endswith(f"整改未落实到位{DELAY_ZH}。") for f in county)


# ------------------------------------------------------------------ (b) one failure, named once


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("late", ["none", "not_handled"])
@pytest.mark.parametrize("reassigned", ["supervision", "rectification"])
def test_the_late_assignee_is_not_also_named_for_pressing(policy: Policy, engine: str, late: str,
                                                          reassigned: str) -> None:
    # before: county_construction not_rectified AND supervision [一(四) 二(六)4(3)]
    v = verdict(policy, W2H, engine, **{LATE: late, REASSIGNED: reassigned})
    assert _named(v, "county_construction") == {"not_rectified"}
    assert ("township_government", "not_rectified") in {(f.body, f.basis) for f in v.findings}
    # the county's leaders still press the township (二(二)4 指导督促部门和乡村问题…整改)
    assert {f.body for f in v.findings if f.basis == "supervision" and f.level == "county"}
    assert not _twice(v)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("record", [W2, FUNDS, BOTH], ids=["W2", "funds", "both"])
def test_no_body_is_named_twice_for_the_one_rectification(policy: Policy, engine: str, record: dict[str, Any]) -> None:
    v = verdict(policy, record, engine)
    assert not _twice(v)
    assert {f.body for f in v.findings if f.basis == "not_rectified" and f.level == "county"}


@pytest.mark.parametrize("engine", ENGINES)
def test_a_pass_on_in_time_under_rectification_names_the_assignee_once(policy: Policy, engine: str) -> None:
    # before: under rectification 县建设 was named 整改不到位 and 指导督促不到位 for the township it passed it to
    # in time
    v = verdict(policy, W2T, engine, **{REASSIGNED: "rectification"})
    assert _named(v, "county_construction") == {"not_rectified"}
    assert REASSIGNED in rested(v)
    # under supervision (the default) it presses only, as before
    assert _named(verdict(policy, W2T, engine), "county_construction") == {"supervision"}


# ------------------------------------------------------------------ batch = who_answers

_ALL = [W2H, W2T, W2F, W2, BOTH, FUNDS]


@pytest.mark.parametrize("values", [{}, {LATE: "not_handled"}, {REASSIGNED: "rectification"}, {LIMIT: 7}],
                         ids=["default", "not_handled", "rectification", "limit7"])
def test_batch_equals_who_answers(policy: Policy, values: dict[str, Any]) -> None:
    got, want = batch_and_answers(policy.with_parameters(**values) if values else policy, _ALL)
    assert got == want
    assert any("迟至2021-03-20" in row[-1] for row in got)


def test_batch_equals_who_answers_in_english(policy: Policy) -> None:
    a = policy.assess(_ALL, lang="en")
    got = [r for r in a.findings["reason"] if "beyond the" in r]
    want = [f.reason_en for r in _ALL for f in policy.who_answers(r).findings if "beyond the" in f.reason_en]
    assert got == want and got


# ------------------------------------------------------------------ #5: sectorless_alternatives listed where it decides

#: check54's R4: the city's audit finds a school's aid records irregular (a county code); the city reports it to the
#: province on 03-13; the province "assigns" itself on 03-14 (no body: no 交办) and hands 省扶贫办 the problem only on
#: 03-30. The assignee names the 扶贫办's line, which gives the province no department of 二(六)2(4): its 省相关部门
#: (receiving_level_body) stands as for a record naming no line.
R4 = {"id": "fid55-R4", "area": "education", "kind": "education_aid_records_irregular", "place": "330127",
      "discovered": {"level": "city", "channel": "audit", "on": "2021-03-01"},
      "handled": [_step("city", "province", "2021-03-13", action="reported"),
                  _step("province", "province", "2021-03-14"),
                  _step("province", "province", "2021-03-30", "province_poverty_office")],
      "deadline": "2021-04-29", "as_of": "2021-04-19"}
#: a housing policy gap the city found and reported to the province, which sat on it
GAP = {"id": "fid55-gap", "area": "housing", "kind": "housing_line_policy_gap", "place": VILLAGE,
       "discovered": {"level": "city", "channel": "inspection_tour", "on": "2021-03-01"},
       "handled": [_step("city", "province", "2021-03-13", action="reported")], "as_of": "2021-05-01"}


def _province(v: Any) -> Any:
    return next(f for f in v.findings if f.body == "province_sector_department" and f.basis == "not_handled")


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("value", ["unresolved", "every_holder"])
def test_the_role_a_reading_gives_its_clauses_lists_the_reading(policy: Policy, engine: str, value: str) -> None:
    # before: under unresolved (the default) the finding cited 二(六)2(4) 负有交办职责 and the verdict did not list
    # sectorless_alternatives, whose other value cites 一(三) 一(四) alone, 发现（接报）该问题
    v = verdict(policy, R4, engine, **{SECTORLESS: value})
    f = _province(v)
    want = ("一(三)", "一(四)", "二(六)2(4)") if value == "unresolved" else ("一(三)", "一(四)")
    assert f.clauses == want
    assert ("负有交办职责" if value == "unresolved" else "发现（接报）该问题") in f.reason
    assert SECTORLESS in f.rests_on and SECTORLESS in rested(v)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("value", ["unresolved", "every_holder"])
def test_the_role_a_reading_makes_its_own_handler_lists_the_reading(policy: Policy, engine: str, value: str) -> None:
    # the clauses alike under both values; the reason not: 本身负责该问题的办理和整改 (the role standing for the
    # departments that make the policy) or 负有交办职责 — before, listed under neither
    v = verdict(policy, GAP, engine, **{SECTORLESS: value})
    f = _province(v)
    assert f.clauses == ("一(三)", "一(四)", "二(六)4(7)")
    assert ("本身负责该问题的办理和整改" if value == "unresolved" else "负有交办职责") in f.reason
    assert SECTORLESS in f.rests_on and SECTORLESS in rested(v)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_reading_that_changes_nothing_is_not_listed(policy: Policy, engine: str) -> None:
    # W2h names its line (construction): no role stands for alternatives there
    assert SECTORLESS not in rested(verdict(policy, W2H, engine))


@pytest.mark.parametrize("value", ["unresolved", "every_holder"])
def test_batch_equals_who_answers_for_the_readings(policy: Policy, value: str) -> None:
    got, want = batch_and_answers(policy.with_parameters(**{SECTORLESS: value}), [R4, GAP, *_ALL])
    assert got == want
