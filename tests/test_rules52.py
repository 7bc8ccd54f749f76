"""rules52: policy data read against the text where session 51 left a gap (review51, note.md "Noticed, left").

1. A funds record naming neither kind nor line (review51 62b159c4-1): 县财政局 answers 应发现未发现 on 二(四)3,
   as every funds kind a village can have names it — 县（市、区）财政部门：…监督预算执行…对乡、村两级使用的扶贫项目
   资金专款专用负审核责任，对当地扶贫资产负全面监管责任 reaches every line's money (every_line), so it is not one of
   the lines the 问题所属部门 stands for (二(四)4 县扶贫办 财政专项扶贫资金; 二(四)5 其他行业主管部门 本部门扶贫领域
   资金) but answers beside whichever it is. 县扶贫办 is still not named beside the role (sectorless_alternatives;
   every_holder names each).
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
VALUES = ("unresolved", "every_holder")
ROLE = "county_sector_department"
_V = "330127100219"
_C = "330127"


def _audit(rid: str, area: str, kind: str | None, place: str = _V, body: str | None = None,
           **more: Any) -> dict[str, Any]:
    """A city audit finds it on 03-01 and assigns it to the county (``body``) on 03-03; nobody rectifies it."""
    return {**_record(rid, area, kind, _found("city", channel="audit"), [_a("city", "county", body)],  # type: ignore[arg-type]
                      **more), "place": place}


def _clauses(v: Any, body: str, basis: str) -> list[str]:
    return next(f for f in v.findings if (f.body, f.basis) == (body, basis)).to_dict("zh")["clauses"]  # type: ignore[no-any-return]


# ------------------------------------------------------------ 1. a kindless funds record: 县财政局 beside the line

KINDLESS = [_audit("r52-k-village", "funds", None), _audit("r52-k-county", "funds", None, _C),
            _audit("r52-k-water", "funds", None, sector="water"),
            _audit("r52-k-office", "funds", None, sector="poverty_office"),
            _audit("r52-k-fin", "funds", None, body="county_finance"),
            _audit("r52-k-po", "funds", None, body="county_poverty_office")]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("value", VALUES)
@pytest.mark.parametrize("record", KINDLESS, ids=[r["id"] for r in KINDLESS])
def test_county_finance_answers_not_discovered_on_its_every_line_oversight(policy: Policy, engine: str, value: str,
                                                                           record: dict[str, Any]) -> None:
    v = verdict(policy, record, engine, **{SECTORLESS: value})
    assert ("county_finance", "not_discovered") in found(v), found(v)
    assert "二(四)3" in _clauses(v, "county_finance", "not_discovered")
    # as a kind does on the same shape (funds_assets_mismanaged: 对当地扶贫资产负全面监管责任, at the county too)
    k = verdict(policy, {**record, "id": record["id"] + "-k", "kind": "funds_assets_mismanaged"}, engine,
                **{SECTORLESS: value})
    assert ("county_finance", "not_discovered") in found(k)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("place", [_V, _C], ids=["village", "county"])
def test_the_role_still_stands_for_the_office_and_the_lines(policy: Policy, engine: str, place: str) -> None:
    v = verdict(policy, _audit("r52-role", "funds", None, place), engine)
    county = {(b, s) for b, s in found(v) if b.startswith("county_") and s != "supervision"}
    # the 问题所属部门 once (二(二)3) and 县财政局 beside it; 县扶贫办 and no other line's department by name
    assert county == {(ROLE, "not_discovered"), (ROLE, "not_rectified"), ("county_finance", "not_discovered"),
                      ("county_finance", "not_rectified")}
    assert _clauses(v, ROLE, "not_discovered") == ["一(四)", "二(二)3"]
    assert _clauses(v, "county_finance", "not_discovered") == ["一(四)", "二(二)3", "二(四)3"]
    assert SECTORLESS in rested(v)
    # every_holder names each department whose line's money it may be: the office and 二(四)5's departments
    w = verdict(policy, _audit("r52-role", "funds", None, place), engine, **{SECTORLESS: "every_holder"})
    assert {("county_poverty_office", "not_discovered"), ("county_water", "not_discovered"),
            ("county_education", "not_discovered"), ("county_finance", "not_discovered")} <= found(w)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_line_named_keeps_its_department_and_finance_beside_it(policy: Policy, engine: str) -> None:
    """A record naming the water line names 县水利局 (二(二)3) and 县财政局 (二(四)3), as funds_diverted with that line
    does; not the role, not 县扶贫办."""
    v = verdict(policy, _audit("r52-line", "funds", None, sector="water"), engine)
    assert {("county_water", "not_discovered"), ("county_water", "not_rectified")} <= found(v)
    assert _clauses(v, "county_finance", "not_discovered") == ["一(四)", "二(四)3"]
    assert not {b for b, _ in found(v)} & {ROLE, "county_poverty_office"}


@pytest.mark.parametrize("value", VALUES)
def test_kindless_funds_batch_equals_who_answers(policy: Policy, value: str) -> None:
    view = policy.with_parameters(**{SECTORLESS: value})
    for records in (KINDLESS, KINDLESS[::-1]):
        got, want = batch_and_answers(view, records)
        assert got == want


# ------------------------------------------------------------ 2. education_funds_irregular split into its halves

JOINED = "joined_records_both_halves"
_OLD = "education_funds_irregular"
_MONEY = "education_aid_funds_irregular"
_RECORDS = "education_aid_records_irregular"


def _edu(rid: str, kind: str, found: dict[str, Any], steps: list[dict[str, Any]], place: str = _V,
         **more: Any) -> dict[str, Any]:
    return {**_record(rid, "education", kind, found, steps, **more), "place": place}  # type: ignore[arg-type]


def _shapes(kind: str) -> list[dict[str, Any]]:
    """A city audit assigned to the county (no body, 县财政局, the school), the finance line named, a county hotline
    nobody passed on, the county concealing it."""
    city = _found("city", channel="audit")
    return [_edu(f"r52-{kind}-level", kind, city, [_a("city", "county")]),
            _edu(f"r52-{kind}-fin", kind, city, [_a("city", "county", "county_finance")]),
            _edu(f"r52-{kind}-school", kind, city, [_a("city", "county", "county_school")]),
            _edu(f"r52-{kind}-line", kind, city, [_a("city", "county")], sector="finance"),
            _edu(f"r52-{kind}-edu", kind, city, [_a("city", "county")], sector="education"),
            _edu(f"r52-{kind}-hot", kind, _found("county", channel="hotline"), [], _C),
            _edu(f"r52-{kind}-hot-edu", kind, _found("county", channel="hotline"), [], _C, sector="education"),
            _edu(f"r52-{kind}-hide", kind, city, [], _C, concealed_by=["county"])]


def _county(v: Any) -> set[tuple[str, str]]:
    return {(b, s) for b, s in found(v) if b.startswith("county_")}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("value", [False, True])
def test_the_money_half_answers_as_the_joined_kind_did(policy: Policy, engine: str, value: bool) -> None:
    """education_aid_funds_irregular is the joined kind's money half: 县财政局 finds, passes on and presses it
    (二(六)2(2) 监管资助资金), the school rectifies (二(六)2(1)) — the joined kind's answer before the split, on every
    shape and under either value of the parameter (which the half does not read)."""
    for rec in _shapes(_MONEY):
        v = verdict(policy, rec, engine, **{JOINED: value})
        old = verdict(policy, {**rec, "kind": _OLD}, engine, **{JOINED: True})
        assert found(v) == found(old), rec["id"]
    v = verdict(policy, _shapes(_MONEY)[0], engine, **{JOINED: value})
    assert {("county_finance", "not_discovered"), ("county_finance", "supervision"),
            ("county_school", "not_rectified")} <= found(v)
    assert _clauses(v, "county_finance", "supervision") == ["一(四)", "二(六)2(2)"]


@pytest.mark.parametrize("engine", ENGINES)
def test_the_records_half_is_the_school_s_alone(policy: Policy, engine: str) -> None:
    """education_aid_records_irregular: 安排专人专职负责学生资助工作程序和档案管理的规范 (二(六)2(1)) is the
    school's; 县财政局 (the money) and 县教育局 (认定、审核) have no part — check50 #3."""
    level, fin, school, line, edu, hot, hot_edu, hide = _shapes(_RECORDS)
    v = verdict(policy, level, engine)
    assert {("county_school", "not_discovered"), ("county_school", "not_rectified"),
            ("county_party_committee", "supervision")} <= found(v)
    assert _clauses(v, "county_school", "not_rectified") == ["一(四)", "二(六)2(1)"]
    for rec in (level, school, line, edu, hot, hot_edu, hide):
        assert not {b for b, _ in found(verdict(policy, rec, engine))} & {"county_finance", "county_education"}, rec
    # handed to 县财政局, which has no part in the school's files: no 交办 — the city answers for not passing it on
    w = verdict(policy, fin, engine)
    assert ("city_sector_department", "not_handled") in found(w)
    assert ("county_finance", "not_rectified") not in found(w)
    # a county that sat on a complaint naming no receiver: the county's holders, unnamed (as the procedure kind)
    assert _county(verdict(policy, hot, engine)) == {("county_holders_unnamed", "not_handled"),
                                                     ("county_school", "not_discovered")}


@pytest.mark.parametrize("engine", ENGINES)
def test_the_joined_kind_names_finance_only_under_the_parameter_or_its_line(policy: Policy, engine: str) -> None:
    level, fin, school, line, edu = _shapes(_OLD)[:5]
    for rec in (level, school, edu):
        v = verdict(policy, rec, engine)
        assert not {s for b, s in found(v) if b == "county_finance"}, (rec["id"], found(v))
        assert {("county_school", "not_discovered"), ("county_school", "not_rectified")} <= found(v)
        assert JOINED in rested(v)
        # no role stands for 县财政局's half
        assert "county_sector_department" not in {b for b, _ in found(v)}
        w = verdict(policy, rec, engine, **{JOINED: True})
        assert {("county_finance", "not_discovered"), ("county_finance", "supervision")} <= found(w), rec["id"]
    # a record of finance's line (its sector, or 县财政局 its assignee) is the money half, under either value
    for rec in (fin, line):
        for value in (False, True):
            v = verdict(policy, rec, engine, **{JOINED: value})
            assert {("county_finance", "not_discovered"), ("county_finance", "supervision"),
                    ("county_school", "not_rectified")} <= found(v), (rec["id"], value)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("value", [False, True])
def test_the_joined_kind_keeps_who_held_it(policy: Policy, engine: str, value: bool) -> None:
    """review51 7f202754-1–3: the step to 县财政局 stands and the school rectifies; a county that sat on a complaint
    names 县财政局 with 二(六)2(2), not 县教育局 on 一(三) alone; a county's concealment names 县财政局 with its
    clause."""
    fin, hot, hot_edu, hide = (_shapes(_OLD)[i] for i in (1, 5, 6, 7))
    v = verdict(policy, fin, engine, **{JOINED: value})
    assert ("county_school", "not_rectified") in found(v)
    assert not any(b.startswith("city_") and s == "not_handled" for b, s in found(v))
    for rec in (hot, hot_edu):
        w = verdict(policy, rec, engine, **{JOINED: value})
        assert _county(w) == {("county_finance", "not_handled"), ("county_school", "not_discovered")}, rec["id"]
        assert "二(六)2(2)" in _clauses(w, "county_finance", "not_handled")
    h = verdict(policy, hide, engine, **{JOINED: value})
    assert "二(六)2(2)" in _clauses(h, "county_finance", "concealed")


@pytest.mark.parametrize("value", [False, True])
def test_education_halves_batch_equals_who_answers(policy: Policy, value: bool) -> None:
    records = [r for k in (_OLD, _MONEY, _RECORDS) for r in _shapes(k)]
    view = policy.with_parameters(**{JOINED: value})
    for rs in (records, records[::-1]):
        got, want = batch_and_answers(view, rs)
        assert got == want


# ------------------------------------------------------------ 3. 县教育局 and the school's aid procedure

COVERS = "education_review_covers_procedure"
_PROC = "education_aid_procedure_irregular"


def _procedure() -> list[dict[str, Any]]:
    city = _found("city", channel="audit")
    return [_edu("r52-pr-level", _PROC, city, [_a("city", "county")]),
            _edu("r52-pr-county", _PROC, city, [_a("city", "county")], _C),
            _edu("r52-pr-school", _PROC, city, [_a("city", "county", "county_school")]),
            _edu("r52-pr-hot", _PROC, _found("county", channel="hotline"), [], _C)]


@pytest.mark.parametrize("engine", ENGINES)
def test_the_bureau_answers_for_the_procedure_only_under_the_parameter(policy: Policy, engine: str) -> None:
    """二(六)2(2) 县教育局负责各有关学校学生资助对象认定、审核工作 does not say its 审核 reaches the school's
    提前告知、结果公示、建档备案 (二(六)2(1)): by default the school alone, and the verdict says it rests on the
    reading; true names the bureau 应发现未发现 and pressing (not rectifying: the school's notices and files)."""
    level, county, school, hot = _procedure()
    for rec in (level, county, school):
        v = verdict(policy, rec, engine)
        assert "county_education" not in {b for b, _ in found(v)}, rec["id"]
        assert {("county_school", "not_discovered"), ("county_school", "not_rectified")} <= found(v)
        assert COVERS in rested(v)
        w = verdict(policy, rec, engine, **{COVERS: True})
        assert {("county_education", "not_discovered"), ("county_education", "supervision"),
                ("county_school", "not_rectified")} <= found(w), rec["id"]
        assert ("county_education", "not_rectified") not in found(w)
        assert "二(六)2(2)" in _clauses(w, "county_education", "not_discovered")
        assert COVERS in rested(w)
    assert _county(verdict(policy, hot, engine)) == {("county_holders_unnamed", "not_handled"),
                                                     ("county_school", "not_discovered")}
    # under true one county body answers for not passing it on — 县教育局 where the record names the education line
    # (a record naming none names the level's role, with no clause: an engine reading, see the rules52 report)
    t = verdict(policy, hot, engine, **{COVERS: True})
    assert len([1 for b, s in _county(t) if s == "not_handled"]) == 1
    e = verdict(policy, {**hot, "id": "r52-pr-hot-edu", "sector": "education"}, engine, **{COVERS: True})
    assert _county(e) == {("county_education", "not_handled"), ("county_school", "not_discovered")}
    assert "二(六)2(2)" in _clauses(e, "county_education", "not_handled")


@pytest.mark.parametrize("value", [False, True])
def test_procedure_batch_equals_who_answers(policy: Policy, value: bool) -> None:
    view = policy.with_parameters(**{COVERS: value})
    for rs in (_procedure(), _procedure()[::-1]):
        got, want = batch_and_answers(view, rs)
        assert got == want
