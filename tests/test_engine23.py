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
    assert ch.levels == ["city", "province"] and clause in ch.clauses and ch.own_work and ch.verification
    by_id = policy.who_answers(_channel_record("province", channel), engine=engine)  # type: ignore[arg-type]
    by_name = policy.who_answers(_channel_record("province", name), engine=engine)  # type: ignore[arg-type]
    assert by_id.findings and by_id.to_dict()["findings"] == by_name.to_dict()["findings"]
    # a level's own check over those below: the county may conceal a problem from it (一(四) 上级核查…瞒报漏报)
    hid = policy.who_answers(_channel_record("city", channel, concealed_by=["county"]), engine=engine)  # type: ignore[arg-type]
    assert any(f.basis == "concealed" for f in hid.findings)
    with pytest.raises(ProblemError) as e:  # the county runs none of them
        policy.who_answers(_channel_record("county", channel), engine=engine)  # type: ignore[arg-type]
    assert (e.value.field, e.value.code) == ("discovered.level", "level_mismatch") and clause in str(e.value)
