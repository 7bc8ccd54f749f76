"""rules51: policy data read against the text where a record naming no kind, a joined kind, a kind the text names but
the data did not have, or a presser the text gives did not say what its clause says.

- A funds, identification, project or housing record naming neither kind nor line (check50 #2, check49 #6):
  二(二)3 县（市、区）扶贫开发领导小组成员单位：按照职责分工，负责涉及本部门问题的动态发现、分类办理、即时整改 makes
  the department whose problem it is answer; the record does not say which, so the level's 问题所属部门 stands for
  them once, unresolved (sectorless_alternatives), not every department with a part in the area.
- education_funds_irregular (check50 #3) joins the funds (二(六)2(2) 县财政局负责…监管资助资金) and the school's
  procedure and records (二(六)2(1) 安排专人专职负责学生资助工作程序和档案管理的规范): 县财政局's half counts only under
  joined_records_both_halves, as the halves of project_records_incomplete and water_project_irregular do.
- Kinds the text names: 二(六)1(1) 并通过村集体给予直接帮扶; 二(六)2(1) 具体落实提前告知、学生申请、学校认定、结果公示、
  建档备案等工作; 二(六)2(3) 统筹协调本地区各级学生资助管理机构、人员和经费保障.
- review50 M1: 二(二)5 省市有关部门…负责指导督促基层问题发现和整改 has 省市卫健 press 县卫健's monitoring network
  (二(六)5(4) 卫健部门负责水质监测网络建设); 二(四)4–5 组织实施绩效目标申报、绩效评价 read without the 监督检查 beside
  it, so the department whose evaluation is missing is not made the presser of 县财政局 handed it.
"""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Policy

from .verdicts import batch_and_answers, found, rested
from .verdicts import finder as _found
from .verdicts import step as _a
from .verdicts import verdict_under as verdict
from .verdicts import village_record as _record

ENGINES = ("compiled", "durable")
SECTORLESS = "sectorless_alternatives"
_C = "330127"
ROLE = "county_sector_department"
LEADERS = {"county_party_committee", "county_government"}


def _at(rid: str, area: str, kind: str | None, place: str, found: dict[str, Any], steps: list[dict[str, Any]],
        **more: Any) -> dict[str, Any]:
    return {**_record(rid, area, kind, found, steps, **more), "place": place}  # type: ignore[arg-type]


def _audit(rid: str, area: str, kind: str | None, place: str = "330127100219", body: str | None = None,
           **more: Any) -> dict[str, Any]:
    """A city audit finds it on 03-01 and assigns it to the county (``body``) on 03-03; nobody rectifies it."""
    return _at(rid, area, kind, place, _found("city", channel="audit"), [_a("city", "county", body)], **more)


def _clauses(v: Any, body: str, basis: str) -> list[str]:
    return next(f for f in v.findings if (f.body, f.basis) == (body, basis)).to_dict("zh")["clauses"]  # type: ignore[no-any-return]


def _county_departments(v: Any) -> set[tuple[str, str]]:
    """The county's departments (not its Party committee or government) and what they answer."""
    return {(b, basis) for b, basis in found(v) if b.startswith("county_") and b not in LEADERS}


# ------------------------------------------------------------------ item 1: a record naming neither kind nor line

#: each area's county departments that 二(二)3 named by name for a kindless record before (check50 #2)
_NAMED_BEFORE = {"funds": {"county_finance", "county_poverty_office"},
                 "identification": {"county_civil_affairs", "county_poverty_office"},
                 "projects": {"county_poverty_office"},
                 "housing": {"county_construction"}}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("place", ["330127100219", _C], ids=["village", "county"])
@pytest.mark.parametrize("area", sorted(_NAMED_BEFORE))
def test_a_kindless_lineless_record_names_the_role_once(policy: Policy, engine: str, area: str, place: str) -> None:
    v = verdict(policy, _audit(f"r51-k-{area}-{place}", area, None, place), engine)
    # 应发现未发现 and 整改不到位 at the county: the 问题所属部门 once, on 二(二)3, and no department by name — but
    # 县财政局 in funds, whose 二(四)3 reaches every line's money and answers beside the role (rules52, review51
    # 62b159c4-1: tests/test_rules52.py)
    beside = {("county_finance", "not_discovered"), ("county_finance", "not_rectified")} if area == "funds" else set()
    assert {(b, s) for b, s in _county_departments(v) if s != "supervision"} == {(ROLE, "not_discovered"),
                                                                                  (ROLE, "not_rectified")} | beside
    assert _clauses(v, ROLE, "not_discovered") == ["一(四)", "二(二)3"]
    assert SECTORLESS in rested(v)
    # every_holder names each of them instead, as before
    w = verdict(policy, _audit(f"r51-k-{area}-{place}", area, None, place), engine, **{SECTORLESS: "every_holder"})
    assert {(b, "not_discovered") for b in _NAMED_BEFORE[area]} <= found(w)


@pytest.mark.parametrize("engine", ENGINES)
def test_the_departments_whose_part_reaches_every_line_press_the_role(policy: Policy, engine: str) -> None:
    """县建设 (二(六)4(3) 负责对本行政区域内危房改造监督管理工作, 三(三)) no longer rectifies beside the role: it
    presses it, as in the kinds where the line's department rectifies. (县财政 answers beside the role again since
    rules52: its 二(四)3 reaches every line's funds; tests/test_rules52.py.)"""
    for area, body in (("housing", "county_construction"),):
        v = verdict(policy, _audit(f"r51-press-{area}", area, None), engine)
        assert (body, "supervision") in found(v)
        assert (body, "not_rectified") not in found(v) and (body, "not_discovered") not in found(v)
    assert not {b for b, _ in found(verdict(policy, _audit("r51-press-id", "identification", None), engine))} & {
        "county_civil_affairs", "county_poverty_office"}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("area", "sector", "body"), [("funds", "finance", "county_finance"),
                                                      ("funds", "poverty_office", "county_poverty_office"),
                                                      ("identification", "civil_affairs", "county_civil_affairs"),
                                                      ("projects", "water", "county_water"),
                                                      ("housing", "construction", "county_construction")])
def test_a_kindless_record_naming_a_line_names_its_department(policy: Policy, engine: str, area: str, sector: str,
                                                              body: str) -> None:
    v = verdict(policy, _audit(f"r51-line-{area}-{sector}", area, None, sector=sector), engine)
    assert {(body, "not_discovered"), (body, "not_rectified")} <= found(v)
    assert ROLE not in {b for b, _ in found(v)}


@pytest.mark.parametrize("engine", ENGINES)
def test_a_kindless_funds_record_handed_to_finance_still_gives_no_line(policy: Policy, engine: str) -> None:
    """县财政局's duties here all reach every line's funds (every_line): handed the record by name it is its assignee,
    and the department whose funds they are, which the record does not say, is the role (s25 note item 9)."""
    v = verdict(policy, _audit("r51-fin", "funds", None, body="county_finance"), engine)
    assert ("county_finance", "not_rectified") in found(v)
    assert (ROLE, "not_discovered") in found(v)
    # (县财政局 answers 应发现未发现 on 二(四)3 since rules52, as funds_diverted handed to it does)
    assert ("county_finance", "not_discovered") in found(v)
    assert ("county_poverty_office", "not_discovered") not in found(v)
    # a kind's record handed to it keeps its reading (the role of the line whose funds were diverted)
    w = verdict(policy, _audit("r51-fin-div", "funds", "funds_diverted", body="county_finance"), engine)
    assert ("county_finance", "not_rectified") in found(w)


@pytest.mark.slow
def test_the_batch_gives_what_who_answers_gives_for_kindless_records(policy: Policy) -> None:
    records = [_audit(f"r51-bk-{a}-{p}", a, None, p) for a in sorted(_NAMED_BEFORE) for p in ("330127100219", _C)]
    records += [_audit("r51-bk-fin", "funds", None, body="county_finance"),
                _audit("r51-bk-line", "identification", None, sector="civil_affairs"),
                _at("r51-bk-hot", "housing", None, "330127100219", _found("county", channel="hotline"), []),
                _at("r51-bk-hide", "projects", None, "330127100219", _found("province", channel="inspection_tour"),
                    [_a("province", "county", on="2021-03-02")], concealed_by=["county"])]
    for view in (policy, policy.with_parameters(**{SECTORLESS: "every_holder"})):
        got, want = batch_and_answers(view, records)
        assert got == want
        got, want = batch_and_answers(view, records[::-1])
        assert got == want


# ------------------------------------------------------------------ item 3: kinds the text names

_V = "330127100219"
_DIRECT = ("basic_needs", "basic_needs_direct_help_missing")
_PROCEDURE = ("education", "education_aid_procedure_irregular")
_SUPPORT = ("education", "education_aid_support_missing")
#: bodies the text gives no part in each kind
_STRANGERS = {_DIRECT: {"county_civil_affairs", "county_finance", "county_sector_department", "county_hrss"},
              _PROCEDURE: {"county_education", "county_finance", "county_civil_affairs", "county_poverty_office",
                           "township_government", "village_committee"},
              _SUPPORT: {"county_education", "county_finance", "county_school", "county_poverty_office",
                         "county_sector_department", "township_government", "village_committee"}}


@pytest.mark.parametrize("engine", ENGINES)
def test_the_village_collectives_direct_help_is_the_villages(policy: Policy, engine: str) -> None:
    """二(六)1(1) 村党支部、村委会：…并通过村集体给予直接帮扶: the village's own, found by it and its township as a
    具体问题 of their place (二(二)1–2)."""
    # the county hotline's find passed down in time to the village, which does not put it right
    chain = _at("r51-dh", *_DIRECT, _V, _found("county", channel="hotline"),
                [_a("county", "township"), _a("township", "village", on="2021-03-05")])
    v = verdict(policy, chain, engine)
    assert {("village_committee", "not_discovered"), ("village_committee", "not_rectified"),
            ("township_government", "not_discovered"), ("township_government", "supervision")} <= found(v)
    assert _clauses(v, "village_committee", "not_rectified") == ["一(四)", "二(二)1", "二(六)1(1)"]
    assert not {b for b, _ in found(v)} & _STRANGERS[_DIRECT]
    # the village's own grid find, neither put right nor passed on
    own = _at("r51-dh-own", *_DIRECT, _V, _found("village", channel="grid"), [])
    assert ("village_committee", "not_handled") in found(verdict(policy, own, engine))
    # hidden from the county's audit by the village committee
    hid = _at("r51-dh-hide", *_DIRECT, _V, _found("county", channel="audit"),
              [_a("county", "township", on="2021-03-02"), _a("township", "village")],
              concealed_by=["village_committee"])
    v = verdict(policy, hid, engine)
    assert ("village_committee", "concealed") in found(v)
    assert "二(六)1(1)" in _clauses(v, "village_committee", "concealed")
    assert not {b for b, _ in found(v)} & _STRANGERS[_DIRECT]
    # put right in time on the village's own find: nobody
    ok = _at("r51-dh-ok", *_DIRECT, _V, _found("village", "village_committee", channel="grid"), [],
             rectified_on="2021-03-08")
    assert not verdict(policy, ok, engine).findings


@pytest.mark.parametrize("engine", ENGINES)
def test_the_schools_aid_procedure_is_the_schools(policy: Policy, engine: str) -> None:
    """二(六)2(1) 学校：…具体落实提前告知、学生申请、学校认定、结果公示、建档备案等工作: the school's alone; 县教育局's
    认定、审核 (二(六)2(2)) is not the school's notices and files."""
    v = verdict(policy, _audit("r51-pr", *_PROCEDURE, _C), engine)
    assert {("county_school", "not_discovered"), ("county_school", "not_rectified"),
            ("county_party_committee", "supervision")} <= found(v)
    assert _clauses(v, "county_school", "not_rectified") == ["一(四)", "二(六)2(1)"]
    assert not {b for b, _ in found(v)} & _STRANGERS[_PROCEDURE]
    # handed to 县教育局, which has no part: the level holds it, and the school is its rectifier
    w = verdict(policy, _audit("r51-pr-edu", *_PROCEDURE, _C, "county_education"), engine)
    assert ("county_school", "not_rectified") in found(w) and "county_education" not in {b for b, _ in found(w)}
    # the school's own find sat on
    own = _at("r51-pr-own", *_PROCEDURE, _C, _found("county", "county_school", channel="dynamic_tracking"), [])
    assert found(verdict(policy, own, engine)) == {("county_school", "not_handled")}
    # hidden by the school from a provincial tour
    hid = _at("r51-pr-hide", *_PROCEDURE, _C, _found("province", channel="inspection_tour"),
              [_a("province", "county", on="2021-03-02")], concealed_by=["county_school"])
    v = verdict(policy, hid, engine)
    assert ("county_school", "concealed") in found(v)
    assert not {b for b, _ in found(v)} & _STRANGERS[_PROCEDURE]
    ok = _at("r51-pr-ok", *_PROCEDURE, _C, _found("county", "county_school", channel="dynamic_tracking"), [],
             rectified_on="2021-03-08")
    assert not verdict(policy, ok, engine).findings


@pytest.mark.parametrize("engine", ENGINES)
def test_student_aid_agencies_staff_and_funding_are_the_county_leaders(policy: Policy, engine: str) -> None:
    """二(六)2(3) 县（市、区）党委、政府：…统筹协调本地区各级学生资助管理机构、人员和经费保障: no department's,
    school's, township's or village's."""
    v = verdict(policy, _audit("r51-su", *_SUPPORT, _C), engine)
    for body in LEADERS:
        assert {(body, "not_discovered"), (body, "not_rectified")} <= found(v)
        assert _clauses(v, body, "not_rectified") == ["一(四)", "二(六)2(3)"]
    assert not {b for b, _ in found(v)} & _STRANGERS[_SUPPORT]
    # handed to 县教育局, which has no part: no 交办 (the assigner answers for not passing it on), the bureau nothing
    w = verdict(policy, _at("r51-su-edu", *_SUPPORT, _C, _found("county", channel="hotline"),
                            [_a("county", "county", "county_education")]), engine)
    assert "county_education" not in {b for b, _ in found(w)}
    assert {basis for _, basis in found(w)} == {"not_handled"}
    # the government's own find sat on; hidden by it from a provincial tour
    own = _at("r51-su-own", *_SUPPORT, _C, _found("county", "county_government", channel="dynamic_tracking"), [])
    assert found(verdict(policy, own, engine)) == {("county_government", "not_handled")}
    hid = _at("r51-su-hide", *_SUPPORT, _C, _found("province", channel="inspection_tour"),
              [_a("province", "county", on="2021-03-02")], concealed_by=["county_government"])
    v = verdict(policy, hid, engine)
    # (the committee knew with the government that hid it, by concealing_body_partner_knew; under false it missed it)
    assert ("county_government", "concealed") in found(v)
    assert ("county_party_committee", "not_discovered") not in found(v)
    assert not {b for b, _ in found(v)} & _STRANGERS[_SUPPORT]
    v = verdict(policy.with_parameters(concealing_body_partner_knew=False), hid, engine)
    assert {("county_government", "concealed"), ("county_party_committee", "not_discovered")} <= found(v)


def test_the_batch_gives_what_who_answers_gives_for_the_new_kinds(policy: Policy) -> None:
    records = []
    for key, place in ((_DIRECT, _V), (_PROCEDURE, _C), (_SUPPORT, _C)):
        k = key[1]
        records += [_audit(f"r51-bn-{k}-a", *key, place),
                    _at(f"r51-bn-{k}-h", *key, place, _found("county", channel="hotline"), []),
                    _at(f"r51-bn-{k}-c", *key, place, _found("province", channel="inspection_tour"),
                        [_a("province", "county", on="2021-03-02")], concealed_by=["county"])]
    got, want = batch_and_answers(policy, records)
    assert got == want
    got, want = batch_and_answers(policy, records[::-1])
    assert got == want


# ------------------------------------------------------------------ item 4: two pressers (review50 M1)

_NETWORK = ("water", "water_monitoring_network_missing")
_EVALUATION = ("funds", "funds_performance_evaluation_missing")
WATER_HEALTH = "water_policy_health_departments"


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("value", [False, True])
def test_the_city_health_department_presses_the_county_monitoring_network(policy: Policy, engine: str,
                                                                          value: bool) -> None:
    """二(二)5 省市有关部门…负责指导督促基层问题发现和整改: 省市卫健, the counterpart of 县卫健 whose network it is
    (二(六)5(4)), presses it on a record of the health line or of none; a record of another line names it not."""
    for sector in (None, "health"):
        more = {"sector": sector} if sector else {}
        v = verdict(policy, _audit(f"r51-net-{sector}", *_NETWORK, _C, **more), engine, **{WATER_HEALTH: value})
        assert ("city_health", "supervision") in found(v)
        assert _clauses(v, "city_health", "supervision") == ["一(四)", "二(二)5"]
        assert not {b for b, _ in found(v)} & {"city_water", "county_water"}
    v = verdict(policy, _audit("r51-net-water", *_NETWORK, _C, sector="water"), engine, **{WATER_HEALTH: value})
    assert ("city_health", "supervision") not in found(v)


@pytest.mark.parametrize("engine", ENGINES)
def test_finance_handed_a_missing_evaluation_is_not_pressed_by_the_department_whose_work_it_is(policy: Policy,
                                                                                              engine: str) -> None:
    """二(四)4–5 组织实施绩效目标申报、绩效评价 is the evaluation the kind says was not organised; the 监督检查 that
    ends the same item is of the funds' use and made the 问题所属部门 the supervisor (三(三)) of 县财政局 handed its
    evaluation."""
    for found_by, channel in (("city", "audit"), ("county", "hotline")):
        rec = _at(f"r51-ev-{found_by}", *_EVALUATION, _C, _found(found_by, channel=channel),
                  [_a(found_by, "county", "county_finance")])
        # (under assignee: by default 县财政, whose part is 二(四)3's oversight, holds no duty to rectify it and the
        # 问题所属部门 does — fid52, test_fid52's every-line assignee)
        v = verdict(policy, rec, engine, assignment_without_rectification_duty="assignee")
        assert (ROLE, "supervision") not in found(v)
        assert ("county_finance", "not_rectified") in found(v)
    # the office's own line: it rectifies, finance presses (二(四)3 组织本级相关部门做好…绩效管理工作)
    v = verdict(policy, _audit("r51-ev-office", *_EVALUATION, _C, "county_poverty_office"), engine)
    assert {("county_poverty_office", "not_rectified"), ("county_finance", "supervision")} <= found(v)
    assert "二(四)4" in _clauses(v, "county_poverty_office", "not_rectified")


def test_the_batch_gives_what_who_answers_gives_for_the_pressers(policy: Policy) -> None:
    records = [_audit(f"r51-bp-net-{s}", *_NETWORK, _C, **({"sector": s} if s else {}))
               for s in (None, "health", "water")]
    records += [_audit(f"r51-bp-ev-{b}", *_EVALUATION, _C, b)
                for b in ("county_finance", "county_poverty_office", None)]
    for view in (policy, policy.with_parameters(**{WATER_HEALTH: True})):
        got, want = batch_and_answers(view, records)
        assert got == want


# ------------------------------------------------------------------ check51 #2–#3 (lead's routing)

_LAX = ("projects", "project_acceptance_lax")
_PUSHED = ("identification", "identification_pushed_info_untrue")


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("sector", ["water", "poverty_office", "construction", "natural_resources", None])
def test_lax_acceptance_missed_cites_the_lines_own_acceptance(policy: Policy, engine: str, sector: str | None) -> None:
    """二(五)3 各相关部门…组织对项目进行检查、验收和绩效评价: the department whose project it is answers 应发现未发现 by
    its own 二(五)3, as it answers 整改不到位 by it (check51 #2: 二(二)3 alone before, for all but 民宗 and 财政)."""
    body = f"county_{sector}" if sector else ROLE
    more = {"sector": sector} if sector else {}
    rec = _at(f"r51-lax-{sector}", *_LAX, _C, _found("city", channel="spot_check"),
              [_a("city", "county", f"county_{sector}" if sector else None)], **more)
    v = verdict(policy, rec, engine)
    assert "二(五)3" in _clauses(v, body, "not_discovered")
    assert "二(五)3" in _clauses(v, body, "not_rectified")


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("channel", ["audit", "hotline"])
def test_pushed_information_held_by_the_county_is_the_offices(policy: Policy, engine: str, channel: str) -> None:
    """二(三)4 县（市、区）扶贫办：…通过协助申请机制推送…，对推送对象信息的真实性、完整性负责: the push and its
    information are the office's alone; a county that sat on a problem in it, naming no receiver, is the office with
    二(三)4, not the 问题所属部门 with no clause (check51 #3). 县民政局's 核对 (二(三)3) still finds it."""
    found_ = {"level": "county", "channel": channel, "on": "2021-03-01"}
    if channel == "audit":
        found_["body"] = "county_audit"
    v = verdict(policy, _at(f"r51-push-{channel}", *_PUSHED, _C, found_, []), engine)
    assert found(v) == {("county_poverty_office", "not_handled")}
    assert "二(三)4" in _clauses(v, "county_poverty_office", "not_handled")
    w = verdict(policy, _audit("r51-push-city", *_PUSHED, _C), engine)
    assert {("county_poverty_office", "not_discovered"), ("county_poverty_office", "not_rectified"),
            ("county_civil_affairs", "not_discovered")} <= found(w)
    assert "二(三)3" in _clauses(w, "county_civil_affairs", "not_discovered")


def test_the_batch_gives_what_who_answers_gives_for_check51(policy: Policy) -> None:
    records = [_at(f"r51-bc-lax-{s}", *_LAX, _C, _found("city", channel="spot_check"), [_a("city", "county")],
                   **({"sector": s} if s else {})) for s in ("water", "poverty_office", None)]
    records += [_at(f"r51-bc-push-{c}", *_PUSHED, _C, {"level": "county", "channel": c, "on": "2021-03-01"}, [])
                for c in ("hotline", "audit")]
    records += [_audit("r51-bc-push-city", *_PUSHED, _C)]
    got, want = batch_and_answers(policy, records)
    assert got == want
