"""Session 23's fidelity items (engine23): hints (the ASCII list of a field's ids capped; a line's department named
with another ending), ..."""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Policy, ProblemError
from responsibility.engine._problem import sector_hint, term_hint
from tests.test_hints20 import refused


def test_an_ascii_value_near_no_term_lists_twelve_ids_and_how_many_there_are(policy: Policy) -> None:
    # with the three 省市 channels the text names (engine22b), every channel id made the refusal pass 400 characters
    ids = [*policy.channels, *(f"some_other_channel_{i}" for i in range(10))]
    hint = term_hint(policy, "channel", "zzzz", ids)
    assert hint.startswith(f"use one of {', '.join(ids[:12])}, … ({len(ids)} in all, docs/records.md)"), hint
    assert len(hint) < 300
    # a short list is given whole
    assert term_hint(policy, "level", "zzzz", ["village", "county"]) == "use one of village, county"


def test_an_unknown_channel_in_ascii_is_refused_in_one_short_line(policy: Policy) -> None:
    record: dict[str, Any] = {"id": "c", "area": "housing", "place": "330127100219", "severity": "serious",
                              "discovered": {"level": "county", "channel": "qqqqqqqq", "on": "2021-03-02"},
                              "as_of": "2021-06-30"}
    text = refused(policy, record, "discovered.channel", "unknown_channel")
    assert len(text) < 400 and "\n" not in text, text


@pytest.mark.parametrize(("word", "line", "body"), [
    ("县民政部门", "civil_affairs", "county_civil_affairs"),  # 二(六)4(4) 民政部门; it was told 民宗 (final22)
    ("县医保部门", "medical_insurance", "county_medical_insurance"),
    ("县民宗部门", "ethnic_religious", "county_ethnic_religious"),
    ("市民政局", "civil_affairs", "city_civil_affairs"),
    ("县财政局", "finance", "county_finance")])
def test_a_line_s_department_with_another_ending_gets_its_own_line(policy: Policy, word: str, line: str,
                                                                    body: str) -> None:
    assert sector_hint(policy, word) == (f"write the sector id {line!r} ({word[1:]}), or name the department: "
                                         f"{body!r} ({policy.bodies[body].name})")
    if word in ("县民政部门", "县医保部门"):  # (the others are a department's name, which a record's sector takes)
        record = {"id": "s", "area": "housing", "place": "330127100219", "severity": "serious", "sector": word,
                  "discovered": {"level": "village", "channel": "grid", "on": "2021-03-02"}, "as_of": "2021-06-30"}
        assert f"write the sector id {line!r}" in refused(policy, record, "sector", "unknown_sector")


def _channel_record(level: str, channel: str, **more: Any) -> dict[str, Any]:
    return {"id": "c", "area": "projects", "kind": "project_acceptance_lax", "place": "330127100219",
            "severity": "serious", "discovered": {"level": level, "channel": channel, "on": "2021-03-01"},
            "as_of": "2021-06-30", **more}


@pytest.mark.parametrize(("channel", "name", "clause"), [
    ("performance_evaluation", "重点绩效评价", "二(四)7"),   # 省、市两级…财政部门…组织开展重点绩效评价
    ("spot_check", "抽查", "二(五)5"),                     # 不定期组织检查组或委托中介机构对项目抽查
    ("supervisory_check", "督查指导", "二(六)4(7)")])       # 省市相关部门…督查指导
@pytest.mark.parametrize("engine", ["compiled", "durable"])
def test_the_three_province_and_city_channels_the_text_names(policy: Policy, channel: str, name: str, clause: str,
                                                             engine: str) -> None:
    ch = policy.channels[channel]
    # 绩效评价 is the county's too (二(四)4, 二(四)5, 二(五)3: review26 F4); the other two the province's and city's
    below = "township" if channel == "performance_evaluation" else "county"
    assert ch.levels[-2:] == ["city", "province"] and below not in ch.levels
    assert clause in ch.clauses and ch.own_work and ch.verification
    by_id = policy.who_answers(_channel_record("province", channel), engine=engine)  # type: ignore[arg-type]
    by_name = policy.who_answers(_channel_record("province", name), engine=engine)  # type: ignore[arg-type]
    assert by_id.findings and by_id.to_dict()["findings"] == by_name.to_dict()["findings"]
    # a level's own check over those below: the county may conceal a problem from it (一(四) 上级核查…瞒报漏报)
    hid = policy.who_answers(_channel_record("city", channel, concealed_by=["county"]), engine=engine)  # type: ignore[arg-type]
    assert any(f.basis == "concealed" for f in hid.findings)
    with pytest.raises(ProblemError) as e:  # the township runs none of them, the county two of them
        policy.who_answers(_channel_record(below, channel), engine=engine)  # type: ignore[arg-type]
    assert (e.value.field, e.value.code) == ("discovered.level", "level_mismatch") and clause in str(e.value)


# ------------------------------------------------------------------ R22-2: the receiving body of a city or province
VILLAGE = "330127100219"
RECEIVER = "receiving_level_body"


def _gap(to: str | None = "city", **more: Any) -> dict[str, Any]:
    """review22 R22-2: the county's census finds an education policy gap and reports it to the city (or the
    province) two days later, naming no body; nobody there acts."""
    r: dict[str, Any] = {"id": "E", "area": "education", "kind": "education_policy_gap", "place": VILLAGE,
                         "severity": "serious", "as_of": "2021-06-30",
                         "discovered": {"level": "county", "channel": "verification_census", "on": "2021-03-01"},
                         "handled": [{"action": "reported", "by_level": "county", "to_level": to, "on": "2021-03-03"}]}
    return {**r, **more}


def _held(policy: Policy, record: dict[str, Any], engine: str) -> set[str]:
    v = policy.who_answers(record, engine=engine)  # type: ignore[arg-type]
    return {f.body for f in v.findings if f.basis == "not_handled"}


SIX = {"education", "finance", "civil_affairs", "hrss", "disabled_federation", "poverty_office"}


@pytest.mark.parametrize("engine", ["compiled", "durable"])
@pytest.mark.parametrize("level", ["city", "province"])
def test_a_report_to_a_city_or_province_naming_no_body_names_the_role_once(policy: Policy, engine: str,
                                                                           level: str) -> None:
    """一(三) 省市两级及时回应基层反映问题 names no body; 一(四) 追究相关工作人员责任: the six bodies of 二(六)2(4) all
    answered not_handled for one report that reached one of them, or none (R22-2)."""
    v = policy.who_answers(_gap(level), engine=engine)  # type: ignore[arg-type]
    held = [f for f in v.findings if f.basis == "not_handled"]
    assert {f.body for f in held} == {f"{level}_sector_department"}, held
    assert all(RECEIVER in f.rests_on for f in held) and RECEIVER in {i.id for i in v.interpretations}
    # the record's sector names the line's department, alone (the 扶贫办 answered beside it)
    assert _held(policy, _gap(level, sector="civil_affairs"), engine) == {f"{level}_civil_affairs"}
    # handling_holders: every holder of the handling stage there, as before
    every = policy.with_parameters(**{RECEIVER: "handling_holders", "sectorless_alternatives": "every_holder"})
    assert _held(every, _gap(level), engine) == {f"{level}_{x}" for x in SIX}
    v = every.who_answers(_gap(level), engine=engine)  # type: ignore[arg-type]
    assert all(RECEIVER in f.rests_on for f in v.findings if f.basis == "not_handled")


@pytest.mark.parametrize("engine", ["compiled", "durable"])
def test_a_named_receiver_a_county_and_a_level_with_one_holder_do_not_rest_on_the_receiving_body(
        policy: Policy, engine: str) -> None:
    named = _gap(handled=[{"action": "reported", "by_level": "county", "to_level": "city", "to_body": "city_education",
                           "on": "2021-03-03"}])
    assert _held(policy, named, engine) == {"city_education"}
    # (the county's own receipt through no body named rests on the parameter since review23 #1: test_engine24a.py)
    for record in (named,):
        v = policy.who_answers(record, engine=engine)  # type: ignore[arg-type]
        assert RECEIVER not in {i.id for i in v.interpretations}
        assert _held(policy, record, engine) == _held(policy.with_parameters(**{RECEIVER: "handling_holders"}),
                                                      record, engine)


@pytest.mark.parametrize("engine", ["compiled", "durable"])
def test_a_department_handed_it_late_that_sat_on_it_answers_beside_the_role(policy: Policy, engine: str) -> None:
    """G3c-city-sat: the city had the county's report through no body named, handed it to its construction bureau
    after its limit, and the bureau never reported it on: the bureau answers from its own day, the role for before."""
    r = {"id": "G", "area": "housing", "kind": "housing_policy_gap", "place": "330127", "severity": "minor",
         "discovered": {"level": "county", "channel": "verification_census", "on": "2021-03-01"},
         "handled": [{"action": "reported", "by_level": "county", "to_level": "city", "on": "2021-03-02"},
                     {"action": "assigned", "by_level": "city", "to_level": "city", "to_body": "city_construction",
                      "on": "2021-03-25"}], "as_of": "2021-06-30"}
    v = policy.who_answers(r, engine=engine)  # type: ignore[arg-type]
    held = {f.body: f for f in v.findings if f.basis == "not_handled" and f.liability == "staff"}
    assert set(held) == {"city_construction", "city_sector_department"}
    assert "2021-03-25" in held["city_construction"].to_dict()["reason"]
    assert _held(policy.with_parameters(**{RECEIVER: "handling_holders"}), r, engine) == {
        "city_construction", "city_poverty_office"}
    # handed to it within the city's limit: it answers for the level, from the level's day — alone, as the kind's one
    # department there (review23 #1: the role stood beside it)
    timely = {**r, "handled": [r["handled"][0], {**r["handled"][1], "on": "2021-03-05"}]}
    v = policy.who_answers(timely, engine=engine)  # type: ignore[arg-type]
    held = {f.body: f for f in v.findings if f.basis == "not_handled" and f.liability == "staff"}
    assert set(held) == {"city_construction"}
    assert "2021-03-02" in held["city_construction"].to_dict()["reason"]


def test_the_bulk_path_names_the_receiving_body_as_who_answers_does(policy: Policy) -> None:
    from responsibility import Jurisdiction

    from .test_batch import TODAY, expected, got

    j = Jurisdiction.example()
    records = []
    for area, kind in [("education", "education_policy_gap"), ("housing", "housing_policy_gap"),
                       ("funds", "funds_rules_gap"), ("identification", "identification_policy_gap"),
                       ("projects", "project_acceptance_lax"), ("housing", "housing_renovation_late")]:
        for place in (VILLAGE, "330127", "3301", "33"):
            for level in ("city", "province"):
                base = {"area": area, "kind": kind, "place": place, "severity": "grave", "as_of": "2021-06-30"}
                records.append({**base, "id": f"{kind}-{place}-{level}", "discovered": {
                    "level": "county", "channel": "verification_census", "on": "2021-03-01"}, "handled": [
                    {"action": "reported", "by_level": "county", "to_level": level, "on": "2021-03-03"}]})
                records.append({**base, "id": f"{kind}-{place}-{level}-found", "discovered": {
                    "level": level, "channel": "media", "on": "2021-03-01"}})
    for on in ("2021-03-05", "2021-03-25"):  # the city hands it to its bureau within its limit, and after it
        records.append({"id": f"handed-{on}", "area": "housing", "kind": "housing_policy_gap", "place": "330127",
                        "severity": "minor", "as_of": "2021-06-30",
                        "discovered": {"level": "county", "channel": "verification_census", "on": "2021-03-01"},
                        "handled": [
                            {"action": "reported", "by_level": "county", "to_level": "city", "on": "2021-03-02"},
                            {"action": "assigned", "by_level": "city", "to_level": "city",
                             "to_body": "city_construction", "on": on}]})
    for view in (policy, policy.with_parameters(**{RECEIVER: "handling_holders"})):
        a = view.assess(records, jurisdiction=j, today=TODAY)
        assert got(a) == expected(view, j, records, "compiled")
    roles = {row[4] for row in got(policy.assess(records, jurisdiction=j, today=TODAY))[0]}
    assert {"city_sector_department", "province_sector_department"} <= roles


# ------------------------------------------------------------------ handling_time_limit_days sparing a level
@pytest.mark.parametrize("engine", ["compiled", "durable"])
def test_a_level_spared_by_the_handling_limit_lists_it(policy: Policy, engine: str) -> None:
    """final22: a county that assigned its problem on day 7 is in time by 10 days, late by 5; the verdict did not list
    handling_time_limit_days (tests/test_fidelity19's known_gap)."""
    r = {"id": "L", "area": "housing", "kind": "housing_renovation_late", "place": VILLAGE, "severity": "serious",
         "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
         "handled": [{"action": "assigned", "by_level": "county", "to_level": "township", "on": "2021-03-08"}],
         "deadline": "2021-06-01", "as_of": "2021-06-30"}
    v = policy.who_answers(r, engine=engine)  # type: ignore[arg-type]
    short = policy.with_parameters(handling_time_limit_days=5).who_answers(r, engine=engine)  # type: ignore[arg-type]
    assert {f.body for f in short.findings if f.basis == "not_handled"} - {
        f.body for f in v.findings if f.basis == "not_handled"}
    assert "handling_time_limit_days" in {i.id for i in v.interpretations}
    # on its first day no limit could make it late: nothing rests on it there
    today = {**r, "handled": [{**r["handled"][0], "on": "2021-03-01"}]}
    v = policy.who_answers(today, engine=engine)  # type: ignore[arg-type]
    assert "handling_time_limit_days" not in {i.id for i in v.interpretations}


# ------------------------------------------------------------------ item 5: route and verdict agree on 交办
@pytest.mark.parametrize("engine", ["compiled", "durable"])
def test_the_provinces_policy_gap_assigned_to_the_city_is_no_assignment(policy: Policy, engine: str) -> None:
    """二(六)3(5) 医保、卫健…负责制定健康扶贫相关政策 is each level's for its own policy: a gap
    policy_gap_owner reads as the province's (a village's record) is not the city's to amend. route offered the
    province's departments only; the verdict counted the province's assignment to the city as 交办 and made the
    city answer not_rectified. Now the province still holds it (not_handled) and the city does not rectify it
    (一(三) 按照…办理权限…交办)."""
    gap = {"id": "g", "area": "health", "kind": "health_policy_gap", "place": VILLAGE, "severity": "serious",
           "as_of": "2021-06-30", "discovered": {"level": "province", "channel": "survey_verification",
                                                 "on": "2021-03-01"},
           "handled": [{"action": "assigned", "by_level": "province", "to_level": "city", "on": "2021-03-02"}],
           "deadline": "2021-04-01"}
    # review25 R25-1: 二(六)3(5) is read by line (joint_guidance_every_line false), as its guidance: a record naming no
    # sector is offered the province's 问题所属部门 once (sectorless_alternatives), as the verdict below names it
    assert {b.body for b in policy.route(gap).assignees} == {"province_sector_department"}
    v = policy.who_answers(gap, engine=engine)  # type: ignore[arg-type]
    got = {(f.body, f.basis) for f in v.findings}
    assert not {b for b, basis in got if basis == "not_rectified"}
    assert {b for b, basis in got if basis == "not_handled"} == {"province_sector_department"}
    assert policy.rectifier_levels("health", "health_policy_gap", 1) == frozenset({5})
    # the city's own gap (a city code) is still the city's to amend, and to be assigned to its departments
    city = {**gap, "place": "3301", "handled": [{"action": "assigned", "by_level": "province", "to_level": "city",
                                                 "to_body": "city_health", "on": "2021-03-02"}]}
    v = policy.who_answers(city, engine=engine)  # type: ignore[arg-type]
    assert ("city_health", "not_rectified") in {(f.body, f.basis) for f in v.findings}


def test_the_bulk_path_agrees_on_the_provinces_policy_gap(policy: Policy) -> None:
    from responsibility import Jurisdiction

    from .test_batch import TODAY, expected, got

    j = Jurisdiction.example()
    records = []
    for area, kind in [("health", "health_policy_gap"), ("education", "education_policy_gap"),
                       ("water", "water_policy_gap"), ("identification", "identification_policy_gap")]:
        for place in (VILLAGE, "330127", "3301"):
            for to in (None, "city"):
                step = {"action": "assigned", "by_level": "province", "to_level": "city", "on": "2021-03-02"}
                records.append({"id": f"{kind}-{place}-{to}", "area": area, "kind": kind, "place": place,
                                "severity": "grave", "as_of": "2021-06-30", "deadline": "2021-04-01",
                                "discovered": {"level": "province", "channel": "survey_verification",
                                               "on": "2021-03-01"}, "handled": [step] if to else []})
    a = policy.assess(records, jurisdiction=j, today=TODAY)
    assert got(a) == expected(policy, j, records, "compiled")
