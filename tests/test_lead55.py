"""The lead's session-55 changes.

check55 #1 (the same-day question left by session 54's CI-c): a level's find holds the problem by the channel the
record gives. A lower level's step up to the finder's level on the finder's own discovery day was read as the way the
finder came by the problem, so the lower level held it from that step (fid54's T6 rule) — the city's own 财政检查 on
03-18 with the county's report to the city's CPPCC that day named 县扶贫办 both 应发现未发现 and 未及时交办上报 (under
report_to_oversight: set_aside), or 未及时交办上报 alone (the default), while the same report on 03-19 named the county
for neither. 一(四) 应由本级发现问题没有发现 and 对发现问题没有按程序及时交办和上报 are two failures; the text
draws no line between the discovery day and the next. The day-0 step now reads as the day-1 step does.
"""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Policy

from .verdicts import batch_and_answers, found
from .verdicts import verdict_under as verdict

ENGINES = ("compiled", "durable")
OVERSIGHT = ("level_receives", "set_aside")


def _same_day(on: str, to_body: str | None = "city_cppcc", *, kind: str = "basic_needs_income_not_raised",
              area: str = "basic_needs", finder: str = "city", below: str = "county",
              channel: str = "finance_check") -> dict[str, Any]:
    step: dict[str, Any] = {"action": "reported", "by_level": below, "to_level": finder, "on": on}
    if to_body is not None:
        step["to_body"] = to_body
    return {"id": f"check55-SD-{on}-{to_body}", "area": area, "kind": kind, "place": "330127100219",
            "discovered": {"level": finder, "channel": channel, "on": "2021-03-18"},
            "handled": [step], "as_of": "2021-04-30"}


def _county(v: Any) -> set[tuple[str, str]]:
    return {(b, basis) for b, basis in found(v) if b.startswith("county")}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("oversight", OVERSIGHT)
@pytest.mark.parametrize("to_body", ["city_cppcc", "city_poverty_office", None])
def test_a_step_up_on_the_finders_discovery_day_reads_as_the_next_days(policy: Policy, engine: str, oversight: str,
                                                                    to_body: str | None) -> None:
    """The county's report to the city on the city's discovery day (03-18) answers as the same report on 03-19: the
    city found the problem itself (财政检查), so the county did not come to hold it by reporting it."""
    day0 = verdict(policy, _same_day("2021-03-18", to_body), engine, report_to_oversight=oversight)
    day1 = verdict(policy, _same_day("2021-03-19", to_body), engine, report_to_oversight=oversight)
    assert _county(day0) == _county(day1), (_county(day0), _county(day1))
    assert ("county_poverty_office", "not_handled") not in found(day0)
    assert ("city_poverty_office", "not_handled") in found(day0), found(day0)  # (the finder still passes it down)


@pytest.mark.parametrize("engine", ENGINES)
def test_no_body_is_named_both_not_discovered_and_not_handled_from_the_discovery_day(policy: Policy,
                                                                                  engine: str) -> None:
    """Under set_aside the county's report to the CPPCC is not counted as a report; the county is named only for what
    it did not find before the city, never also 未及时交办上报 for the problem the city found that day."""
    v = verdict(policy, _same_day("2021-03-18"), engine, report_to_oversight="set_aside")
    assert _county(v) == {("county_poverty_office", "not_discovered")}, found(v)


@pytest.mark.parametrize("engine", ENGINES)
def test_one_level_up_the_same(policy: Policy, engine: str) -> None:
    """A city's report to the province on the province's own 巡视 day: the city does not hold it by that report."""
    kw = {"area": "housing", "kind": "housing_renovation_late", "finder": "province", "below": "city",
          "channel": "inspection_tour"}
    day0 = verdict(policy, _same_day("2021-03-18", "province_poverty_office", **kw), engine)
    day1 = verdict(policy, _same_day("2021-03-19", "province_poverty_office", **kw), engine)
    city = {f for f in found(day0) if f[0].startswith("city")}
    assert city == {f for f in found(day1) if f[0].startswith("city")}, (found(day0), found(day1))
    assert not any(basis == "not_handled" for _, basis in city), city


def test_a_step_up_below_the_finder_still_holds_from_its_day(policy: Policy) -> None:
    """The control (fid54's T6): a village's grid find the county reported to the city on 03-03 — the county, whose
    step the record shows and which nobody above held by then, holds it from that day and answers for reporting up
    what was within its own authority."""
    record = {"id": "check55-T6", "area": "funds", "kind": "funds_diverted", "place": "330127100219",
              "discovered": {"level": "village", "channel": "grid", "on": "2021-03-01"},
              "handled": [{"action": "reported", "by_level": "county", "to_level": "city", "on": "2021-03-03"}],
              "as_of": "2021-04-01"}
    for engine in ENGINES:
        assert any(b.startswith("county") and basis == "not_handled" for b, basis in found(
            verdict(policy, record, engine))), engine


@pytest.mark.parametrize("oversight", OVERSIGHT)
def test_the_same_day_records_in_bulk_equal_who_answers(policy: Policy, oversight: str) -> None:
    records = [_same_day(on, body) for on in ("2021-03-18", "2021-03-19")
               for body in ("city_cppcc", "city_poverty_office", None)]
    got, want = batch_and_answers(policy.with_parameters(report_to_oversight=oversight), records)
    assert got == want and len(got) > 0


# ---------------------------------------------------------------- check55 #2: the office's insurance is its own line

#: check55 X4: the city hands the supplementary insurance to 县扶贫办, the record naming no sector
X4 = {"id": "check55-X4", "area": "health", "kind": "health_insurance_not_in_place", "place": "330127100219",
      "discovered": {"level": "city", "channel": "research_supervision", "on": "2021-03-01"},
      "handled": [{"action": "assigned", "by_level": "city", "to_level": "county", "on": "2021-03-03",
                   "to_body": "county_poverty_office"}],
      "deadline": "2021-03-31", "as_of": "2021-04-30"}


def _every(v: Any) -> list[tuple[str, str, tuple[str, ...]]]:
    return sorted((f.body, f.basis, tuple(f.clauses)) for f in v.findings)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("finder", [None, "city_medical_insurance"])
def test_the_insurance_handed_to_the_office_is_of_the_offices_line(policy: Policy, engine: str,
                                                                  finder: str | None) -> None:
    """二(六)3(3) 县扶贫办负责低收入农户医疗补充政策性保险的工作 is the office's own part, as 医保's 审核 and
    财政's 拨付 in the same clause are theirs: handed to the office, the record is of its line (sectorless_alternatives'
    documented rule) and equals the same record with ``sector: poverty_office`` — no 市相关部门（问题所属部门） presses
    it for 医保 or 卫健 (check55 #2: it did, while the record with the sector named none)."""
    record = {**X4, "discovered": {**X4["discovered"], **({"body": finder} if finder else {})}}
    v = verdict(policy, record, engine)
    assert _every(v) == _every(verdict(policy, {**record, "sector": "poverty_office"}, engine))
    assert ("city_sector_department", "supervision") not in found(v)
    assert ("city_poverty_office", "supervision") in found(v)
    # a level-only assignment still names no line: the 问题所属部门 once, by sectorless_alternatives
    level = {**record, "handled": [{k: x for k, x in record["handled"][0].items() if k != "to_body"}]}
    assert ("city_sector_department", "supervision") in found(verdict(policy, level, engine))


def test_the_insurance_handed_to_the_office_in_bulk_equals_who_answers(policy: Policy) -> None:
    records = [X4, {**X4, "id": "check55-X3", "sector": "poverty_office"},
               {**X4, "id": "check55-X4b", "handled": [{**X4["handled"][0], "to_body": None}]}]
    records[2]["handled"][0].pop("to_body")
    got, want = batch_and_answers(policy, records)
    assert got == want and len(got) > 0
