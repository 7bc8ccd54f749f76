"""A record's line with no part in a stage of the kind at a level (fid32b: review32 F1).

A late medical assistance the recorder wrote as the health line (卫健) — assigned by the city to the county,
unrectified — named the county's Party committee and government and 市卫健、市扶贫办 指导督促不到位 (with
leadership at grave), and nobody 整改不到位, nobody 应发现未发现 at the county, no 主体责任. 二(六)3(3) gives the
county's part in medical assistance to 县级医保部门 (审核、审批…核算) and 县财政局 (资金拨付和监管); 卫健's part
is 省市's 督促落实…医疗救助 (二(六)3(5)). A record whose line gives a level nobody at a work stage (finding, passing
on, rectifying it) now has that level hold the stage as for a record naming no line — its 问题所属部门, unresolved,
by sectorless_alternatives, which the verdict then rests on (PolicyView.line_idle): 一(四) 对交办问题整改落实不到位的
holds someone of a level that was given it and did not rectify it, and 二(二)4's pressing presupposes a body that
failed to. Before: 177 of 3,484 swept shapes named pressers with no rectifier, and 124 lost a level's discovery the
same record without its line had.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from responsibility import Jurisdiction, Policy, ProblemError
from responsibility.engine._decide import who_answers

from .verdicts import worded

ENGINES = ["compiled", pytest.param("durable", marks=pytest.mark.durable)]
PLACES = {"village": "330127100219", "county": "330127"}  # 富城村 / 淳安县 (杭州市)
#: What may leave a rectification with pressers and no rectifier: a step set aside (irregular_step), an assignment to
#: a level where nobody can rectify the kind (place_above_rectifiers) — the verdict says so.
EXCUSES = {"irregular_step", "place_above_rectifiers"}


def _record(area: str, kind: str, sector: str | None, place: str = "county", to_level: str = "county",
            **more: Any) -> dict[str, Any]:
    """Found by the city's audit, assigned to ``to_level`` two days later, unrectified past its deadline; grave."""
    r: dict[str, Any] = {
        "id": f"{kind}-{sector}-{place}-{to_level}", "area": area, "kind": kind, "place": PLACES[place],
        "severity": "grave", "discovered": {"level": "city", "channel": "audit", "on": "2021-03-01"},
        "handled": [{"action": "assigned", "by_level": "city", "to_level": to_level, "on": "2021-03-03", **more}],
        "deadline": "2021-04-30", "as_of": "2021-06-30"}
    if sector is not None:
        r["sector"] = sector
    return r


def _findings(policy: Policy, record: dict[str, Any], engine: str = "compiled") -> set[tuple[str, str]]:
    return {(f.body, f.basis) for f in worded(policy, record, engine).findings}  # (a wording_only verdict's)


def _rests(policy: Policy, record: dict[str, Any], engine: str = "compiled") -> set[str]:
    return {i.id for i in policy.who_answers(record, engine=engine).interpretations}  # type: ignore[arg-type]


@pytest.mark.parametrize("engine", ENGINES)
def test_health_line_of_late_medical_assistance_leaves_the_county_its_rectifier(policy: Policy, engine: str) -> None:
    """review32 F1b: before, 4 bodies and no 整改不到位 / 应发现未发现 at the county."""
    rec = _record("health", "health_assistance_late", "health")
    got = _findings(policy, rec, engine)
    role = "county_sector_department"
    assert (role, "not_rectified") in got and (role, "not_discovered") in got, got
    assert ("county_government", "main_responsibility") in got
    # the line's own presser stays, and no department of the health line is named at the county
    assert ("city_health", "supervision") in got and not any(b == "county_health" for b, _ in got)
    # the same as a record naming no line at the county, which is what the level holds it as
    sectorless = {x for x in _findings(policy, _record("health", "health_assistance_late", None), engine)
                  if x[0].startswith("county")}
    assert {x for x in got if x[0].startswith("county")} == sectorless
    # who answers there is sectorless_alternatives', and the verdict says so; under every_holder each department does.
    # The record names its line, so the verdict says why the county answers as for one naming none (fid58:
    # untied_line, 卫健's part being 二(六)3(5)'s 省市 督促落实 only), not the role's "the record does not say which"
    rests = _rests(policy, rec, engine)
    assert {"sectorless_alternatives", "untied_line"} <= rests and role not in rests, rests
    every = _findings(policy.with_parameters(sectorless_alternatives="every_holder"), rec, engine)
    assert {("county_medical_insurance", "not_rectified"), ("county_finance", "not_rectified")} <= every
    assert (role, "not_rectified") not in every


@pytest.mark.parametrize("engine", ENGINES)
def test_a_line_that_holds_the_stage_still_names_its_department(policy: Policy, engine: str) -> None:
    """The fallback is for a line that gives the level nobody: 医保's line names 县级医保部门 alone, as before, and the
    verdict does not rest on sectorless_alternatives."""
    rec = _record("health", "health_assistance_late", "medical_insurance")
    got = _findings(policy, rec, engine)
    assert ("county_medical_insurance", "not_rectified") in got
    assert not any(b in ("county_sector_department", "county_finance") for b, _ in got), got
    assert "sectorless_alternatives" not in _rests(policy, rec, engine)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("sector", ["civil_affairs", "poverty_office", "hrss"])
def test_student_aid_not_paid_of_a_line_without_a_part_in_paying(policy: Policy, engine: str, sector: str) -> None:
    """review32 F1 / R32-144: 二(六)2(1)–(2) give paying student aid to the school (发放) and 县财政局 (拨付); a record
    of 民政 (who provides the list), 扶贫办 or 人社 leaves the county's rectification to its 问题所属部门, not to the
    line's bureau named by the record's line or assignment."""
    rec = _record("education", "education_aid_not_paid", sector)
    got = _findings(policy, rec, engine)
    assert ("county_sector_department", "not_rectified") in got, got
    assert not any(b == f"county_{sector}" and basis in ("not_rectified", "not_discovered") for b, basis in got)
    if sector == "hrss":  # (县人社 has no part in education: an assignment to it counts as none, irregular_step)
        return
    # assigned to the line's bureau, which has a part in education (二(六)2(2) 名单; 一(三) 清单) but none in paying:
    # by assignment_without_rectification_duty (level_holds) the level holds it, as R32-144 expects — the 扶贫办, whose
    # lists give it a part in every kind (一(三)); 县民政局, whose part is the list of another kind, is handed nothing
    # (一(三) 按照问题类别…分类交办, irregular_step; fid38c): the level that handed it still holds it and answers
    named = _record("education", "education_aid_not_paid", sector, to_body=f"county_{sector}")
    got = _findings(policy, named, engine)
    assert (f"county_{sector}", "not_rectified") not in got
    if not policy.has_kind_part("education", "education_aid_not_paid", f"county_{sector}", sector):
        assert any(basis == "not_handled" for _, basis in got), got
        assert "irregular_step" in _rests(policy, named, engine)
        return
    assert ("county_sector_department", "not_rectified") in got, got


def _sweep(policy: Policy) -> list[tuple[dict[str, Any], Any]]:
    """Every kind, with no line and with each line its area accepts, at a village and a county, assigned by the city to
    each level from the place's up to the county: (record, verdict); the refused left out.

    Each verdict is its findings' (``wording_only``: their bodies, bases and liabilities are the full verdict's,
    without deciding every record again under each reading it may rest on: the file took 22 CPU s, 14 with it,
    suite62): a test that reads what a verdict rests on asks the full verdict."""
    rank = policy.level_rank
    out = []
    for area, kind in sorted(policy.kinds):
        for place in PLACES:
            for to_level in ("village", "township", "county"):
                if rank[to_level] < rank[place]:
                    continue
                for sector in [None, *sorted(policy.sectors_with_part(area))]:
                    rec = _record(area, kind, sector, place, to_level)
                    try:
                        out.append((rec, who_answers(policy, rec, wording_only=True)))
                    except ProblemError:
                        continue
    return out


@pytest.fixture(scope="module")
def swept(policy: Policy) -> list[tuple[dict[str, Any], Any]]:
    return _sweep(policy)


@pytest.mark.slow
def test_no_presser_without_a_rectifier(policy: Policy, swept: list[tuple[dict[str, Any], Any]]) -> None:
    """No verdict names a body 指导督促不到位 of an assignee's rectification while nobody answers for that
    rectification, unless it says why (a step set aside, an assignment where nobody can rectify it). 177 shapes
    before."""
    assert len(swept) > 3000
    bad = []
    for rec, v in swept:
        bases = Counter(f.basis for f in v.findings)
        # (what it says why in, its interpretations, are the full verdict's: asked only of such a verdict)
        if bases["supervision"] and not bases["not_rectified"] and \
                not EXCUSES & {i.id for i in policy.who_answers(rec).interpretations}:  # type: ignore[arg-type]
            bad.append(rec["id"])
    assert not bad, f"{len(bad)} shapes, e.g. {bad[:5]}"


def test_a_line_does_not_lose_a_level_its_discovery(policy: Policy, swept: list[tuple[dict[str, Any], Any]]) -> None:
    """Where the same record naming no line has a level answer 应发现未发现, the record naming a line has that level
    answer too (its line's department, or the level's 问题所属部门 where the line gives it nobody there). 124 shapes
    lost one before."""
    levels: dict[tuple[Any, ...], set[str]] = {}
    bad = []
    for rec, v in swept:
        at = {policy.bodies[f.body].level for f in v.findings if f.basis == "not_discovered"}
        key = (rec["kind"], rec["place"], rec["handled"][0]["to_level"])
        if "sector" not in rec:
            levels[key] = at
        elif levels.get(key, set()) - at:
            bad.append((rec["id"], sorted(levels[key] - at)))
    assert not bad, f"{len(bad)} shapes, e.g. {bad[:5]}"


def _changed(policy: Policy) -> list[dict[str, Any]]:
    """The sweep's records whose line leaves some level idle at a work stage (PolicyView.line_idle), and each of them
    naming, instead of a sector, an assignee of that line at the county (a line the record's department gives it)."""
    out = []
    for area, kind in sorted(policy.kinds):
        for sector in sorted(policy.sectors_with_part(area)):
            if not any(policy.line_idle(area, kind, st, "county", sector) for st in ("discovery", "rectification")):
                continue
            out.append(_record(area, kind, sector))
            out.append(_record(area, kind, sector, place="village", to_level="township"))
            if f"county_{sector}" in policy.bodies:
                out.append(_record(area, kind, None, to_body=f"county_{sector}"))
    return out


@pytest.mark.durable
def test_both_engines_and_bulk_agree_where_a_level_holds_it(policy: Policy, example: Jurisdiction) -> None:
    from .test_batch import TODAY, expected, got

    records = _changed(policy)
    assert len(records) > 100
    a = policy.assess(records, jurisdiction=example, today=TODAY)
    assert got(a) == expected(policy, example, records, "compiled") == expected(policy, example, records, "durable")
    assert any(row[4] == "county_sector_department" and row[8] == "not_rectified" for row in got(a)[0])
