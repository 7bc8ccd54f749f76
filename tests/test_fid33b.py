"""What a named concealer and a township's late report cite, and the 市长热线 alias (fid33b: review32 F4, F5, F7).

F5: a named concealer took its duties from the concealment's stage (handling) alone, so a body whose part in the kind
is at another stage cited 一(四) only — the school hiding a student it did not identify (R32-47), though 二(六)2(1)
各学校负责本校的学生资助对象认定 is its duty. It now cites the duty of its part, as a named assignee does
(engine/_decide.py, review10 R10A-08).

F4: a village's or township's late report of a kind that is not its part cites 一(四) and 二(二)4
(压实县乡村主动发现、主动整改、及时上报责任: the village's and township's own 及时上报; the lead's decision); the
township that took an applicant's application cites its 二(三)2 履行受理申请和主动发现责任 too
(identification_applicant_not_included, R32-71). The reason says 应及时上报 (一(四) 及时交办和上报), no longer
一(三)'s 及时向上级报送, said of 县级.

F7: 市长热线 stays an alias of the hotline (一(二) 县（市、区）长热线: a county-level city's mayor's hotline); the
channel's note says what it means where `level: city` with it is refused.
"""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Jurisdiction, Policy, ProblemError

ENGINES = ["compiled", pytest.param("durable", marks=pytest.mark.durable)]


def _concealed(kind: str, area: str, body: str, place: str = "330127") -> dict[str, Any]:
    """Found by the province's inspection tour, assigned to the county two days later, rectified in time; ``body``
    concealed it (一(四) 对上级核查和巡视审计等过程中瞒报漏报问题的)."""
    return {"id": f"{kind}-{body}", "area": area, "kind": kind, "place": place, "severity": "grave",
            "discovered": {"level": "province", "channel": "inspection_tour", "on": "2021-03-01"},
            "handled": [{"action": "assigned", "by_level": "province", "to_level": "county", "on": "2021-03-03"}],
            "deadline": "2021-04-30", "rectified_on": "2021-04-20", "concealed_by": [body], "as_of": "2021-06-30"}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("area", "kind", "body", "clause"), [
    ("education", "education_student_not_identified", "county_school", "二(六)2(1)"),
    ("water", "water_quality_substandard", "county_water_supply_unit", "二(六)5(3)"),
    ("funds", "funds_diverted", "county_finance", "二(四)3"),
])
def test_a_named_concealer_cites_the_duty_of_its_part(policy: Policy, engine: str, area: str, kind: str, body: str,
                                                      clause: str) -> None:
    """review32 F5 (R32-47): the concealer's duty in the kind lies at another stage than handling; its finding now
    cites that duty's clause beside 一(四), with the leadership tier a grave record gives, and nothing else moves."""
    v = policy.who_answers(_concealed(kind, area, body), engine=engine)
    mine = [f for f in v.findings if f.body == body and f.basis == "concealed"]
    assert {f.liability for f in mine} == {"staff", "unit", "leadership"}
    for f in mine:
        assert f.clauses == ("一(四)", clause) and f.duties
        assert all(policy.duties[d].clause == clause for d in f.duties)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_named_concealer_with_no_part_still_cites_1_4_alone(policy: Policy, engine: str) -> None:
    """A body the text gives no part in the kind (the county education bureau and a house renovation) concealing it
    answers on 一(四) alone, as before."""
    v = policy.who_answers(_concealed("housing_renovation_late", "housing", "county_education", "330127100219"),
                           engine=engine)
    mine = [f for f in v.findings if f.body == "county_education" and f.basis == "concealed"]
    assert mine and all(f.clauses == ("一(四)",) and not f.duties for f in mine)


def _late(area: str, kind: str, level: str) -> dict[str, Any]:
    """Found by ``level``'s grid on 03-01 at 富城村, reported up only on 03-21 (the time limit is 10 days)."""
    up = {"village": "township", "township": "county"}[level]
    return {"id": f"{kind}-{level}", "area": area, "kind": kind, "place": "330127100219", "severity": "minor",
            "discovered": {"level": level, "channel": "grid", "on": "2021-03-01"},
            "handled": [{"action": "reported", "by_level": level, "to_level": up, "on": "2021-03-21"}],
            "as_of": "2021-06-30"}


@pytest.mark.parametrize("engine", ENGINES)
def test_the_township_that_took_the_application_cites_its_acceptance(policy: Policy, engine: str) -> None:
    """review32 R32-71: the township found an applicant 县民政局 left out and reported it 20 days later:
    二(三)2 履行受理申请和主动发现责任 beside 一(四) and 二(二)4; the reason says it held the duty to pass it on, and
    应及时上报."""
    v = policy.who_answers(_late("identification", "identification_applicant_not_included", "township"),
                           engine=engine)
    [f] = [f for f in v.findings if f.basis == "not_handled" and f.level == "township"]
    assert (f.body, f.liability) == ("township_government", "staff")
    assert f.clauses == ("一(四)", "二(二)4", "二(三)2") and f.duties == ("identification_township_accept",)
    assert "负有交办上报职责" in f.reason and f.reason.endswith("（问题超出本级办理权限，应及时上报）。")


@pytest.mark.parametrize("engine", ENGINES)
def test_a_late_report_of_a_kind_not_the_villages_part_keeps_1_4_and_2_2_4(policy: Policy, engine: str) -> None:
    """The lead's F4 decision: a village that sat on a student not identified (the school's and the bureau's work)
    cites 一(四) and 二(二)4 only, and its reason no longer paraphrases 一(三)."""
    v = policy.who_answers(_late("education", "education_student_not_identified", "village"), engine=engine)
    held = [f for f in v.findings if f.level == "village" and f.basis == "not_handled"]
    assert held and all(f.clauses == ("一(四)", "二(二)4") and not f.duties for f in held)
    assert all("向上级报送" not in f.reason and "应及时上报" in f.reason for f in held)


@pytest.mark.durable
def test_both_engines_and_bulk_agree_on_these_records(policy: Policy, example: Jurisdiction) -> None:
    """Bulk places findings through the same decider: the concealers' clauses are the same there."""
    from .test_batch import TODAY, expected, got

    records = [_concealed(k, a, b) for a, k, b in [
        ("education", "education_student_not_identified", "county_school"),
        ("education", "education_aid_not_paid", "county_school"),
        ("water", "water_unsafe_unreported", "county_water_supply_unit"),
        ("funds", "funds_diverted", "county_finance"),
        ("basic_needs", "basic_needs_payment_late", "county_government")]]
    records += [_late("identification", "identification_applicant_not_included", lv) for lv in ("village", "township")]
    a = policy.assess(records, jurisdiction=example, today=TODAY)
    rows = got(a)
    assert rows == expected(policy, example, records, "compiled") == expected(policy, example, records, "durable")
    assert any(row[4] == "county_school" and row[8] == "concealed" and row[10] == "一(四);二(六)2(1)"
               for row in rows[0])
    assert any(row[4] == "township_government" and row[10] == "一(四);二(二)4;二(三)2" for row in rows[0])


def test_the_city_mayors_hotline_is_the_county_level_citys(policy: Policy) -> None:
    """review32 F7: 市长热线 names the hotline (一(二) 县（市、区）长热线); at a county-level city (建德市) it is
    found at level county, and the channel's note says so where a city level is refused."""
    r = {"id": "h", "area": "identification", "kind": "identification_applicant_not_included", "place": "330182",
         "severity": "minor", "discovered": {"level": "county", "channel": "市长热线", "on": "2021-03-01"},
         "as_of": "2021-06-30"}
    assert policy.who_answers(r).problem == "h"
    with pytest.raises(ProblemError) as err:
        policy.who_answers({**r, "discovered": {**r["discovered"], "level": "city"}})
    assert err.value.code == "level_mismatch"
    note = policy.channels["hotline"].note or ""
    assert "市长热线" in note and "县级市" in note and "level county" in note
