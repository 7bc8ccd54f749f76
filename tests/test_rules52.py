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
