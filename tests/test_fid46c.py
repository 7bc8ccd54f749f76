"""fid46c: check46's findings #1–#3 and #5 on fid46a's and fid46b's changes.

- A report's receiver gives the record its line only where the reporting level sorts problems by category (一(三)
  县级…按照问题类别…对超出本级权限的及时向上级单位报送问题: the county keeps the lists) or its own bodies rectify the
  kind, as the finder does (review40 F1), or where the report goes to a level whose own bodies rectify it. 市财政局
  found a village's mismanaged poverty assets and only reported them to 省财政, which assigned 县财政局: it was named
  指导督促不到位 on no parameter (the report gave the record the finance line), where the same 市财政局 handing them
  down itself presses only under acting_departments_press; and 市教育局 reporting the same to 省财政 had 市财政局, named
  nowhere in the record, press them (check46 #1, FD4/FD4e).
- A finder whose level reported up and then had the problem assigned back to its level by a level above did not hand
  it only up: it presses under acting_departments_press whether the province named the finder or the city as a whole
  (check46 #2, D4c against D4d2).
- A pressing city's pass-on of a step sent to a body with no part, made only after the handling limit, does not show
  that the time the body sat on it was the city's (the city keeps no lists, 一(三)): the verdict rests on
  assignment_to_body_without_part — set_aside, the province answers 未按程序交办; level_receives, the city's holder
  answers for passing it on late (check46 #3, P6/P25). Within the limit the step reached the city (fid46a, F1).
- A county assigning its own 县财政局 shows the city's pass-down (fid46a's _shown_pass_down): with the province's step
  to 市教育局 and no city step, nobody at the province or city answers for handling, and nothing rests on
  assignment_to_body_without_part (check46 #5, P18).
"""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Policy

from .verdicts import batch_and_answers, rested
from .verdicts import finder as _found
from .verdicts import step as _a
from .verdicts import variant as with_
from .verdicts import verdict_under as verdict
from .verdicts import village_record as _record

ENGINES = ("compiled", "durable")
ACTING = "acting_departments_press"
UNRELATED = "assignment_to_body_without_part"
VILLAGE = "330127100219"
BOTH = (True, False)
VALUES = ("set_aside", "level_receives")



def _r(by: str, to: str, body: str | None = None, on: str = "2021-03-03") -> dict[str, Any]:
    return _a(by, to, body, on, "reported")




def _funds(rid: str, found: dict[str, Any], *steps: dict[str, Any], **more: Any) -> dict[str, Any]:
    return _record(rid, "funds", "funds_assets_mismanaged", found, list(steps), **more)


_CITY_FIN = _found("city", "city_finance", "survey_verification")
_PROV_FIN = _found("province", "province_finance", "survey_verification")
#: check46 FD4: 市财政局 found it and only reported it to 省财政, which assigned 县财政局
FD4 = _funds("fid46c-fd4", _CITY_FIN, _r("city", "province", "province_finance"),
             _a("province", "county", "county_finance", on="2021-03-05"))
#: FD4e: the same found by 市教育局; 市财政局 is nowhere in the record
FD4E = _funds("fid46c-fd4e", _found("city", "city_education"), _r("city", "province", "province_finance"),
              _a("province", "county", "county_finance", on="2021-03-05"))
#: FD4x, the control: 市财政局 handed it down itself
FD4X = _funds("fid46c-fd4x", _CITY_FIN, _a("city", "county", "county_finance"))
#: A15b: the county (which keeps the lists) reported it to 市财政局: its choice of line stands
A15B = _funds("fid46c-a15b", _CITY_FIN, _a("city", "county"),
              _r("county", "city", "city_finance", on="2021-03-05"),
              _a("city", "county", "county_finance", on="2021-03-08"))
#: a rules gap the province rectifies, reported to 省财政 by the city that found it: the receiver holds it where it is
#: rectified (r41-F10)
GAP = _record("fid46c-gap", "funds", "funds_rules_gap", _CITY_FIN, [_r("city", "province", "province_finance",
                                                                      on="2021-03-05")], place="330127")
_CITY_WATER = _found("city", "city_water")
#: check46 D4c: 市水利 reported an emergency-supply failure to 省水利; the province handed it back to the city (no
#: body); the county assigned its unit
D4C = _record("fid46c-d4c", "water", "water_emergency_failure", _CITY_WATER,
              [_r("city", "province", "province_water"), _a("province", "city", on="2021-03-05"),
               _a("county", "county", "county_water_supply_unit", on="2021-03-07")])
#: D4d2: the same, the province handing it back to 市水利 by name
D4D2 = with_(D4C, handled=[D4C["handled"][0], _a("province", "city", "city_water", on="2021-03-05"),
                           D4C["handled"][2]])
#: check46b: handed back to 市财政局 (no part in an emergency supply: irregular_step's, no step), the county acted
D4C_FIN = with_(D4C, handled=[D4C["handled"][0], _a("province", "city", "city_finance", on="2021-03-05"),
                              D4C["handled"][2]])
#: check46b: the province had itself assigned the county's unit before it handed the problem back to the city
D4C_AFTER = with_(D4C, handled=[D4C["handled"][0], _a("province", "county", "county_water_supply_unit",
                                                      on="2021-03-05"), _a("province", "city", on="2021-03-06")])
#: check45 D4: only reported up, the province assigned the county's unit (fid46b: no press)
D4 = _record("fid46c-d4", "water", "water_emergency_failure", _CITY_WATER,
             [_r("city", "province", "province_water"), _a("province", "county", "county_water_supply_unit",
                                                             on="2021-03-06")])
#: check46 P6: 省财政 found it, handed it to 市教育局 (no part); the city passed it to 县财政局 on 05-15, past the limit
P6 = _funds("fid46c-p6", _PROV_FIN, _a("province", "city", "city_education"),
            _a("city", "county", "county_finance", on="2021-05-15"))
#: P25: the city's step on 03-25 (past the limit), rectified late
P25 = with_(P6, handled=[P6["handled"][0], _a("city", "county", "county_finance", on="2021-03-25")],
            rectified_on="2021-05-20")
#: F1: the city's step within the limit (fid46a: the step reached the city)
F1 = with_(P6, handled=[P6["handled"][0], _a("city", "county", "county_finance", on="2021-03-05")])
#: check46 P18: 省财政 → 市教育局, no city step; the county assigned 县财政局 itself
P18 = _funds("fid46c-p18", _PROV_FIN, _a("province", "city", "city_education"),
             _a("county", "county", "county_finance", on="2021-03-05"))
P18X = with_(P18, handled=[_a("province", "city"), P18["handled"][1]])


def _named(v: Any, body: str, basis: str | None = None) -> list[Any]:
    return [f for f in v.findings if f.body == body and (basis is None or f.basis == basis)]


def _upper(v: Any) -> set[tuple[str, str]]:
    return {(f.body, f.basis) for f in v.findings if f.level in ("city", "province")}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("value", BOTH)
def test_a_city_that_only_reported_up_gives_no_line(policy: Policy, engine: str, value: bool) -> None:
    v = verdict(policy, FD4, engine, **{ACTING: value})
    assert not _named(v, "city_finance", "supervision")
    # (fid48, check47b #3: the province assigned 县财政局 within 市财政局's limit, so under irregular_step's default the
    # report counts; under not_counted it is still its own 未及时交办, 一(四) 没有按程序及时交办和上报)
    assert not _named(v, "city_finance", "not_handled")
    assert _named(verdict(policy, FD4, engine, **{ACTING: value, "irregular_step": "not_counted"}), "city_finance",
                  "not_handled")
    assert not _named(verdict(policy, FD4E, engine, **{ACTING: value}), "city_finance")


@pytest.mark.parametrize("engine", ENGINES)
def test_the_controls_stay(policy: Policy, engine: str) -> None:
    # handed down itself: the press rests on the acting reading, and is gone under false
    (f,) = _named(verdict(policy, FD4X, engine), "city_finance", "supervision")
    assert ACTING in f.rests_on
    assert not _named(verdict(policy, FD4X, engine, **{ACTING: False}), "city_finance")
    # the county's report to 市财政局: the kind's own rule, under either value, on no parameter
    for value in BOTH:
        (f,) = _named(verdict(policy, A15B, engine, **{ACTING: value}), "city_finance", "supervision")
        assert ACTING not in f.rests_on
    # a report to the level that rectifies it: 省财政 holds it as the rectifier
    (f,) = _named(verdict(policy, GAP, engine), "province_finance", "not_handled")
    assert "rectifier_holding" in f.rests_on


@pytest.mark.parametrize("engine", ENGINES)
def test_a_finder_handed_it_back_as_a_level_presses_as_one_handed_it_by_name(policy: Policy, engine: str) -> None:
    v = verdict(policy, D4C, engine)
    (f,) = _named(v, "city_water", "supervision")
    assert ACTING in f.rests_on
    assert _upper(v) - {("province_water", "not_handled")} == \
        _upper(verdict(policy, D4D2, engine)) - {("province_water", "not_handled")}
    off = verdict(policy, D4C, engine, **{ACTING: False})
    assert not _named(off, "city_water") and ACTING in rested(off)
    assert not _named(verdict(policy, D4D2, engine, **{ACTING: False}), "city_water")
    # only reported up, never handed back: fid46b's D4 stands
    assert not _named(verdict(policy, D4, engine), "city_water", "supervision")


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("record", [D4C_FIN, D4C_AFTER], ids=["to-no-part-body", "after-the-province-assigned"])
def test_a_hand_back_that_is_no_step_or_comes_after_the_provinces_own_leaves_the_finder_out(
        policy: Policy, engine: str, record: dict[str, Any]) -> None:
    # (check46b: a step to a body with no part in the kind is irregular_step's, read as no step; and once the province
    # assigned the county's unit itself, the rectification below is its 交办, whatever it hands the city later)
    v = verdict(policy, record, engine)
    assert not _named(v, "city_water", "supervision")
    assert _named(verdict(policy, D4C, engine), "city_water", "supervision")  # (the control: handed back in order)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("record", [P6, P25], ids=["p6", "p25"])
def test_a_late_city_step_leaves_the_no_part_step_to_the_parameter(policy: Policy, engine: str,
                                                                   record: dict[str, Any]) -> None:
    v = verdict(policy, record, engine)
    (f,) = _named(v, "province_finance", "not_handled")
    assert UNRELATED in f.rests_on and "irregular_step" in f.rests_on
    assert not _named(v, "city_poverty_office", "not_handled") and not _named(v, "city_education")
    w = verdict(policy, record, engine, **{UNRELATED: "level_receives"})
    assert not _named(w, "province_finance")
    (g,) = _named(w, "city_poverty_office", "not_handled")
    assert UNRELATED in g.rests_on and not _named(w, "city_education")


@pytest.mark.parametrize("engine", ENGINES)
def test_a_city_step_within_the_limit_still_reaches_it(policy: Policy, engine: str) -> None:
    for value in VALUES:
        v = verdict(policy, F1, engine, **{UNRELATED: value})
        assert not _named(v, "province_finance") and UNRELATED not in rested(v)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("value", VALUES)
def test_a_county_step_with_no_city_step_clears_the_province(policy: Policy, engine: str, value: str) -> None:
    v = verdict(policy, P18, engine, **{UNRELATED: value})
    assert not [f for f in v.findings if f.level in ("city", "province") and f.basis == "not_handled"]
    assert UNRELATED not in rested(v)
    assert _upper(v) == _upper(verdict(policy, P18X, engine, **{UNRELATED: value}))


RECORDS = [FD4, FD4E, FD4X, A15B, GAP, D4C, D4D2, D4C_FIN, D4C_AFTER, D4, P6, P25, F1, P18, P18X]


@pytest.mark.parametrize("values", [{}, {ACTING: False}, {UNRELATED: "level_receives"}], ids=["default", "off", "lr"])
def test_the_batch_gives_what_who_answers_gives(policy: Policy, values: dict[str, Any]) -> None:
    view = policy.with_parameters(**values) if values else policy
    got, want = batch_and_answers(view, RECORDS)
    assert got == want
