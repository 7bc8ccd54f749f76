"""What a township's late report cites, and the 市长热线 alias (fid33b: review32 F4, F7).

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
    """Bulk places findings through the same decider: the township's clauses are the same there."""
    from .test_batch import TODAY, expected, got

    records = [_late("identification", "identification_applicant_not_included", lv) for lv in ("village", "township")]
    records += [_late("education", "education_student_not_identified", "village")]
    a = policy.assess(records, jurisdiction=example, today=TODAY)
    rows = got(a)
    assert rows == expected(policy, example, records, "compiled") == expected(policy, example, records, "durable")
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
