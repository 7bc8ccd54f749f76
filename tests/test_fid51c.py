"""fid51c: over-blames found by check51b and review51, read against the text.

1. A body the record itself names as an assignee answers for that 交办 whoever's part failed (一(四)
   对交办问题整改落实不到位的; each body a level handed the problem answers, probe8 P8-09, fidelity12 G3c): its
   not_rectified finding does not rest on sectorless_alternatives, which names the same under either value (check51b
   #2, Y13: the county hands 县财政 and then 县建设 a housing subsidy, no sector; both findings cited the parameter).
2. Untrue pushed information a county held, naming the civil-affairs line and no receiver (review51 144b35b2-1, H1):
   县扶贫办 alone answers 未及时交办上报 (二(三)4 对推送对象信息的真实性、完整性负责). 县民政局's part in the kind
   is only its 核对 (二(三)3), a discovery duty; the line gave it 二(二)3 分类办理 at the handling stage beside the
   office, two bodies for one failure (PolicyView.passed_by_another, as fixed_by_another at rectification).
"""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Policy

from .verdicts import batch_and_answers, found
from .verdicts import verdict_under as verdict

ENGINES = ("compiled", "durable")
SECTORLESS = "sectorless_alternatives"

# ------------------------------------------------------------------ 1. named assignees of a sectorless record


def _in_turn(rid: str, second_on: str = "2021-03-05") -> dict[str, Any]:
    """check51b Y13: a county hotline find of a housing subsidy problem, no sector, handed to 县财政 then 县建设."""
    return {
        "id": rid, "area": "housing", "kind": "housing_subsidy_irregular", "place": "330127100219",
        "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
        "handled": [
            {"action": "assigned", "by_level": "county", "to_level": "county", "on": "2021-03-02",
             "to_body": "county_finance"},
            {"action": "assigned", "by_level": "county", "to_level": "county", "on": second_on,
             "to_body": "county_construction"},
        ],
        "deadline": "2021-04-30", "as_of": "2021-06-30",
    }


IN_TURN = [_in_turn("fid51c-Y13"), _in_turn("fid51c-Y13-same-day", "2021-03-02")]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("value", ["unresolved", "every_holder"])
def test_a_named_assignee_s_finding_does_not_rest_on_sectorless(policy: Policy, engine: str, value: str) -> None:
    for record in IN_TURN:
        v = verdict(policy, record, engine, **{SECTORLESS: value})
        named = {f.body: f for f in v.findings if f.basis == "not_rectified"}
        assert set(named) == {"county_construction", "county_finance"}, (record["id"], found(v))
        assert not any(SECTORLESS in f.rests_on for f in named.values()), record["id"]


@pytest.mark.parametrize("value", ["unresolved", "every_holder"])
def test_in_turn_batch_equals_who_answers(policy: Policy, value: str) -> None:
    got, want = batch_and_answers(policy.with_parameters(**{SECTORLESS: value}), IN_TURN)
    assert got == want


# ------------------------------------------------------------------ 2. one body passes on pushed information


def _pushed(rid: str, sector: str | None) -> dict[str, Any]:
    """review51 144b35b2-1 (H1): a county hotline finds untrue pushed information; nobody named as its receiver."""
    r = {"id": rid, "area": "identification", "kind": "identification_pushed_info_untrue", "place": "330127",
         "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"}, "as_of": "2021-06-05"}
    return {**r, "sector": sector} if sector else r


PUSHED = [_pushed(f"fid51c-H1-{s}", s) for s in ("civil_affairs", "poverty_office", None)]
RECEIVER = "receiving_level_body"


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("value", ["unresolved", "handling_holders"])
def test_untrue_pushed_information_held_by_the_county_is_the_office_s_alone(policy: Policy, engine: str,
                                                                           value: str) -> None:
    # 二(三)4 县扶贫办…对推送对象信息的真实性、完整性负责: the office passes it on; 县民政局's 核对 (二(三)3) finds it,
    # and a record of its line does not make it a second holder of the one failure (as
    # health_insurance_not_in_place with 医保's line names the office alone)
    for record in PUSHED:
        v = verdict(policy, record, engine, **{RECEIVER: value})
        held = {b for b, x in found(v) if x == "not_handled"}
        assert held == {"county_poverty_office"}, (record["id"], found(v))
        f = next(f for f in v.findings if f.body == "county_poverty_office")
        assert "二(三)4" in f.clauses, f.clauses


@pytest.mark.parametrize("engine", ENGINES)
def test_the_bureau_still_finds_it(policy: Policy, engine: str) -> None:
    # its 核对 (二(三)3) is a discovery duty: a city's find of a civil-affairs-line record still names it 应发现未发现
    record = {**_pushed("fid51c-H1-city", "civil_affairs"),
              "discovered": {"level": "city", "channel": "research_supervision", "on": "2021-03-01"}}
    v = verdict(policy, record, engine)
    assert ("county_civil_affairs", "not_discovered") in found(v), found(v)


@pytest.mark.parametrize("value", ["unresolved", "handling_holders"])
def test_pushed_batch_equals_who_answers(policy: Policy, value: str) -> None:
    got, want = batch_and_answers(policy.with_parameters(**{RECEIVER: value}), PUSHED)
    assert got == want


@pytest.mark.parametrize("engine", ENGINES)
def test_a_line_s_own_version_of_the_kind_keeps_its_department(policy: Policy, engine: str) -> None:
    # housing_records_false counts 民政's 身份信息对比 for a record of its line only (line_named_only): such a record is
    # a false low-income status among a house's records, 民政's own, and 县民政局 passes it on, as before — not 县建设
    record = {"id": "fid51c-HR", "area": "housing", "kind": "housing_records_false", "sector": "civil_affairs",
              "place": "330127100219", "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
              "as_of": "2021-06-05"}
    v = verdict(policy, record, engine)
    assert {b for b, x in found(v) if x == "not_handled"} == {"county_civil_affairs"}, found(v)
