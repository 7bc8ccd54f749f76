"""fid56: the city's stand-in for the office's line in the supplementary insurance, and what session 55 left.

1. (session 55's note, Noticed 1) A health_insurance_not_in_place record of the poverty office's line — ``sector:
   poverty_office``, or handed to 县扶贫办 with no sector (the assignment gives the line, check55 #2) — that the city
   found and sat on named 市相关部门（问题所属部门） not_handled [一(三) 一(四) 二(六)3(5)], standing for 医保 or 卫健:
   ``_facts.receiving_body`` → the city's one holder of the handling is 市扶贫办 by 二(二)5 alone (``_guides_only``) →
   ``pressing_department(line=poverty_office)``, which found no city body of that line and answered as for a record
   naming no line. But 二(六)3(5) read by the record's line (insurance_pressed_by_medical_insurance: false, the
   default) gives the office's line no city body (the parameter's own why: 市扶贫办 presses it on 二(二)5), so the role
   stood for departments of lines the record says it is not of. Now ``_facts.line_leaves_level_none``: the
   level's body the record does not name, 市级掌握该问题的机构（记录未写明） [一(三) 一(四)] — as receiving_level_body
   reads a city where the text ties no body to the kind (check42 C3), not the office, whom 二(二)5 alone does not show
   had it (review41b D1). Under true, 市医保 [二(六)3(5)], as before. The province alike.
2. (Noticed 4) The default stays false; wherever the parameter decides a finding of the kind, the verdict says so (a
   sweep over finders, lines, steps and fixes).
3. (Noticed 3) 县自然资源's 应发现未发现 on a renovation of its line cites its own 二(六)4(4) part, as its 整改不到位
   does (line_named_only: a record naming no line names no 问题所属部门 for it).
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from responsibility import Policy
from responsibility.engine._facts import line_leaves_level_none, pressing_department, receiving_body, untied_line

from .verdicts import batch_and_answers, found, rested
from .verdicts import verdict_under as verdict

ENGINES = ("compiled", "durable")
INSURANCE = "insurance_pressed_by_medical_insurance"
RECEIVER = "receiving_level_body"
_AREA, _KIND = "health", "health_insurance_not_in_place"


def _ins(rid: str, level: str = "city", channel: str = "media", **more: Any) -> dict[str, Any]:
    return {"id": f"fid56-{rid}", "area": _AREA, "kind": _KIND, "place": "330127100219", "severity": "minor",
            "discovered": {"level": level, "channel": channel, "on": "2021-03-01"}, "handled": [],
            "as_of": "2021-06-30", **more}


def _late_to(level: str) -> list[dict[str, Any]]:
    return [{"action": "assigned", "by_level": level, "to_level": "county", "to_body": "county_poverty_office",
             "on": "2021-03-25"}]


#: the city's media find of the office's line, sat on
OFF_SAT = _ins("off-sat", sector="poverty_office")
#: r43b-P31's shape: no sector, handed to 县扶贫办 on day 24 (the assignment gives the office's line), fixed in time
OFF_LATE = _ins("off-late", handled=_late_to("city"), deadline="2021-05-30", rectified_on="2021-05-10")
#: the province's inspection, the office's line, sat on
OFF_PROV = _ins("off-prov", "province", "inspection_tour", sector="poverty_office")
_OFFICE = [(OFF_SAT, "city"), (OFF_LATE, "city"), (OFF_PROV, "province")]

#: controls the change does not move: no line (the role stands for 医保/卫健 once), 医保's line, a line of no part in
#: the kind (财政: says nothing, as a record naming none — check51 #1), and a handing in time
NOLINE_SAT = _ins("noline-sat")
MI_SAT = _ins("mi-sat", sector="medical_insurance")
FIN_SAT = _ins("fin-sat", sector="finance")
OFF_IN_TIME = _ins("off-in-time", handled=[{**_late_to("city")[0], "on": "2021-03-05"}])


def _not_handled(v: Any, level: str) -> list[Any]:
    return [f for f in v.findings if f.basis == "not_handled" and f.body.startswith(level)]


# ------------------------------------------------------------------ 1. the office's line at the city


@pytest.mark.parametrize("engine", ENGINES)
def test_the_offices_line_sat_on_by_the_city_names_the_levels_unnamed_holder_by_default(policy: Policy,
                                                                                       engine: str) -> None:
    for record, level in _OFFICE:
        v = verdict(policy, record, engine)
        got = _not_handled(v, level)
        assert [(f.body, f.clauses) for f in got] == [(f"{level}_holders_unnamed", ("一(三)", "一(四)"))], \
            (record["id"], found(v))
        # the parameter decided it (true names 医保), and receiving_level_body chose the stand-in
        assert {INSURANCE, RECEIVER} <= set(got[0].rests_on), got[0].rests_on
        # the record's line was used: no "line not used" principle, no role standing for 医保/卫健
        assert "untied_line" not in rested(v) and "sectorless_alternatives" not in got[0].rests_on
        assert not {b for b, _ in found(v)} & {f"{level}_sector_department", f"{level}_medical_insurance",
                                               f"{level}_health"}, found(v)
        # the county office still answers for not finding it (二(六)3(3))
        assert ("county_poverty_office", "not_discovered") in found(v)


@pytest.mark.parametrize("engine", ENGINES)
def test_under_true_the_medical_insurance_department_answers_citing_its_clause(policy: Policy, engine: str) -> None:
    for record, level in _OFFICE:
        v = verdict(policy, record, engine, **{INSURANCE: True})
        got = _not_handled(v, level)
        assert [f.body for f in got] == [f"{level}_medical_insurance"], (record["id"], found(v))
        assert "二(六)3(5)" in got[0].clauses and INSURANCE in got[0].rests_on
        assert (f"{level}_holders_unnamed", "not_handled") not in found(v)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("value", (False, True))
def test_under_handling_holders_the_office_answers_either_way(policy: Policy, engine: str, value: bool) -> None:
    """receiving_level_body: handling_holders names the level's holder of the handling, the office (二(二)5), as it
    did before: the change is only the unresolved reading's."""
    for record, level in _OFFICE:
        v = verdict(policy, record, engine, **{INSURANCE: value, RECEIVER: "handling_holders"})
        assert [f.body for f in _not_handled(v, level)] == [f"{level}_poverty_office"], (record["id"], found(v))


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("value", (False, True))
def test_the_records_the_change_does_not_concern_answer_as_before(policy: Policy, engine: str, value: bool) -> None:
    want = {
        # a record naming no line: the role once (false), 市医保 (true)
        "noline": "city_medical_insurance" if value else "city_sector_department",
        "mi": "city_medical_insurance",
        # 财政 has no part in the insurance at any level: its line says nothing, as a record naming none
        "fin": "city_medical_insurance" if value else "city_sector_department",
    }
    for record, key in ((NOLINE_SAT, "noline"), (MI_SAT, "mi"), (FIN_SAT, "fin")):
        v = verdict(policy, record, engine, **{INSURANCE: value})
        assert [f.body for f in _not_handled(v, "city")] == [want[key]], (record["id"], found(v))
    assert "untied_line" in rested(verdict(policy, FIN_SAT, engine, **{INSURANCE: value}))
    # handed in time: the city answers nothing for passing it on
    assert not _not_handled(verdict(policy, OFF_IN_TIME, engine, **{INSURANCE: value}), "city")


@pytest.mark.parametrize("value", (False, True))
def test_the_helpers_read_the_office_line_by_the_parameter(policy: Policy, value: bool) -> None:
    view = policy.with_parameters(**{INSURANCE: value})
    assert line_leaves_level_none(view, _AREA, _KIND, "city", "poverty_office") is (not value)
    assert line_leaves_level_none(view, _AREA, _KIND, "province", "poverty_office") is (not value)
    # the county holds the office's line itself; a line of no part in the kind, or one the level's duties name
    assert not line_leaves_level_none(view, _AREA, _KIND, "county", "poverty_office")
    assert not line_leaves_level_none(view, _AREA, _KIND, "city", "finance")
    assert not line_leaves_level_none(view, _AREA, _KIND, "city", "medical_insurance")
    want = "city_medical_insurance" if value else "city_holders_unnamed"
    for prank in (1, 3):
        assert pressing_department(view, _AREA, _KIND, "city", "poverty_office", prank) == want
        assert receiving_body(view, _AREA, _KIND, "city", "poverty_office", prank) == want
    # the line is used under false (it decides the stand-in); under true 医保 presses every line, and the office's
    # line reads as before (a line of no department the kind ties here)
    assert untied_line(view, _AREA, _KIND, "city", "poverty_office") is value


def test_no_other_kind_reads_a_line_so(policy: Policy) -> None:
    """The reading is general (no kind or area in the code) but fires only where the line's department is the level's
    one holder of the handling by 二(二)5 alone, not tied to the area's work there (line_tie: 二(三)7 ties 省市扶贫办
    to identification), the line's department below holds the kind's work, and the level's duties read by line give
    that line no body: the supplementary insurance alone."""
    hits = set()
    for (area, kind) in policy.kinds:
        for level in ("city", "province"):
            for line in sorted(policy.sectors_with_part(area)):
                if line_leaves_level_none(policy, area, kind, level, line):
                    hits.add((kind, level, line))
    assert hits == {(_KIND, lv, "poverty_office") for lv in ("city", "province")}, hits


_ALL = [OFF_SAT, OFF_LATE, OFF_PROV, NOLINE_SAT, MI_SAT, FIN_SAT, OFF_IN_TIME]


@pytest.mark.parametrize("values", [{INSURANCE: a, RECEIVER: b} for a in (False, True)
                                    for b in ("unresolved", "handling_holders")],
                         ids=[f"{a}-{b}" for a in ("false", "true") for b in ("unresolved", "handling_holders")])
def test_the_batch_gives_what_who_answers_gives(policy: Policy, values: dict[str, Any]) -> None:
    view = policy.with_parameters(**values)
    got, want = batch_and_answers(view, _ALL)
    assert got == want
    got, want = batch_and_answers(view, _ALL[::-1])
    assert got == want


# ------------------------------------------------------------------ 2. the parameter disclosed wherever it decides

_FINDERS = [("city", "media", None), ("province", "inspection_tour", None), ("county", "hotline", None),
            ("city", "research_supervision", "city_medical_insurance"),
            ("city", "research_supervision", "city_poverty_office"), ("village", "grid", None)]
_SECTORS = [None, "poverty_office", "medical_insurance", "health", "finance"]


def _steps(level: str) -> list[list[dict[str, Any]]]:
    out: list[list[dict[str, Any]]] = [[]]
    if level in ("city", "province"):
        late = _late_to(level)[0]
        out += [[late], [{**late, "on": "2021-03-05"}],
                [{"action": "assigned", "by_level": level, "to_level": "county", "on": "2021-03-05"}]]
    if level == "village":
        out.append([{"action": "reported", "by_level": "village", "to_level": "county", "on": "2021-03-05"}])
    return out


def _sweep() -> list[dict[str, Any]]:
    records = []
    for (level, channel, body), sector, fixed in itertools.product(_FINDERS, _SECTORS, (None, "2021-05-10")):
        for steps in _steps(level):
            r = _ins(f"sweep-{len(records)}", level, channel, handled=steps)
            if body:
                r["discovered"]["body"] = body
            if sector:
                r["sector"] = sector
            if fixed:
                r["rectified_on"] = fixed
            records.append(r)
    return records


@pytest.mark.slow
@pytest.mark.parametrize("engine", ENGINES)
def test_every_finding_the_insurance_parameter_decides_says_so(policy: Policy, engine: str) -> None:
    """Noticed 4: the default stays false (二(六)3(5) names 医保、卫健等 together for the whole 督促落实…; that the
    insurance is 医保's line alone is a reading, and its county work is 县扶贫办's, 二(六)3(3)). Wherever the value
    changes a verdict, the verdict under each value lists the parameter, and each finding only one value gives rests on
    it."""
    views = {v: policy.with_parameters(**{INSURANCE: v}) for v in (False, True)}
    decided = 0
    for r in _sweep():
        vs = {v: views[v].who_answers(r, engine=engine) for v in views}  # type: ignore[arg-type]
        got = {v: found(vs[v]) for v in vs}
        if got[False] == got[True]:
            continue
        decided += 1
        for v in vs:
            assert INSURANCE in rested(vs[v]), (r["id"], v)
            only = got[v] - got[not v]
            assert all(INSURANCE in f.rests_on for f in vs[v].findings if (f.body, f.basis) in only), (r["id"], v)
    assert decided >= 40, decided


# ------------------------------------------------------------------ 3. 二(六)4(4) in a line's own miss of a renovation

_HOUSE = ("housing", "housing_renovation_late")
_PARTS = {"natural_resources": "county_natural_resources", "civil_affairs": "county_civil_affairs",
          "finance": "county_finance"}
SECTORLESS = "sectorless_alternatives"


def _house(rid: str, sector: str | None, **more: Any) -> dict[str, Any]:
    r = {"id": f"fid56-{rid}", "area": _HOUSE[0], "kind": _HOUSE[1], "place": "330127100219", "severity": "minor",
         "discovered": {"level": "city", "channel": "media", "on": "2021-03-01"}, "handled": [],
         "as_of": "2021-06-30", **more}
    return {**r, "sector": sector} if sector else r


_HOUSES = [_house(f"h-{s or 'none'}", s) for s in (*_PARTS, None, "construction")]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_departments_miss_of_its_own_renovation_part_cites_that_part(policy: Policy, engine: str) -> None:
    """check55 #4: 县自然资源's 应发现未发现 on a late renovation of its line cited [一(四) 二(二)3] while its
    整改不到位 cited 二(六)4(4) 自然资源部门负责保障农村危房改造建设用地; 民政's and 财政's parts alike."""
    for sector, body in _PARTS.items():
        v = verdict(policy, _house(f"h-{sector}", sector), engine)
        missed = [f for f in v.findings if (f.body, f.basis) == (body, "not_discovered")]
        assert missed and all(f.clauses == ("一(四)", "二(二)3", "二(六)4(4)") for f in missed), (sector, found(v))


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("sectorless", ("unresolved", "every_holder"))
def test_a_renovation_record_naming_no_line_names_no_part_for_its_miss(policy: Policy, engine: str,
                                                                       sectorless: str) -> None:
    """line_named_only: a record that does not say which 二(六)4(4) part failed names no
    县（市、区）行业主管部门（问题所属部门） and none of the three departments for not finding it, under
    either reading of sectorless_alternatives (the construction bureau, 二(六)4(3), answers as before)."""
    for record in (_house("h-none", None), _house("h-none-late", None, handled=[
            {"action": "assigned", "by_level": "city", "to_level": "county", "on": "2021-03-25"}])):
        v = verdict(policy, record, engine, **{SECTORLESS: sectorless})
        bodies = {b for b, basis in found(v) if basis == "not_discovered"}
        assert not bodies & {"county_sector_department", *_PARTS.values()}, (record["id"], found(v))
        assert "county_construction" in bodies


@pytest.mark.parametrize("sectorless", ("unresolved", "every_holder"))
def test_the_batch_gives_what_who_answers_gives_for_the_renovation_parts(policy: Policy, sectorless: str) -> None:
    view = policy.with_parameters(**{SECTORLESS: sectorless})
    got, want = batch_and_answers(view, _HOUSES)
    assert got == want
    got, want = batch_and_answers(view, _HOUSES[::-1])
    assert got == want
