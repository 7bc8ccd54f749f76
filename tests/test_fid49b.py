"""fid49b: an assignment by name that moved a kind's whole rectification, read against the text.

- An assignment naming a department whose every part in rectifying the kind counts for a record of its own line only
  (``line_named_only``: 二(六)4(4) 民政 身份信息对比, 自然资源 建设用地, 财政 补贴 beside 二(六)4(3) 县建设部门 for a
  late renovation; 二(四)4 扶贫办 提出…资产收益分配方案 beside 二(四)3 县财政 全面监管 for mismanaged assets; 二(六)1(3)
  人社 beside the office for income not raised), on a record naming no line, is an assignment to a body with a part in
  the kind and no duty to rectify it: by assignment_without_rectification_duty (level_holds) the level holds it and
  its own rectifier answers 整改不到位, as for an assignment naming no body, and the assignee gives the record no line;
  under assignee it answers as before. Either way the verdict rests on the parameter (before, the department answered
  for the whole renovation on no parameter; check49 #3, check49b #5). A record that names its line is read as before.
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
NO_DUTY = "assignment_without_rectification_duty"
NO_DUTY_VALUES = ("level_holds", "assignee")

_HOUSE = ("housing", "housing_renovation_late")
_ASSETS = ("funds", "funds_assets_mismanaged")
_INCOME = ("basic_needs", "basic_needs_income_not_raised")


def _county(rid: str, area: str, kind: str, body: str | None, **more: Any) -> dict[str, Any]:
    """The county finds it on its hotline on 03-01 and assigns it within the county on 03-03 (to ``body``)."""
    return _record(rid, area, kind, _found("county", channel="hotline"), [_a("county", "county", body)], **more)


#: B2: a late renovation assigned to 县民政局, the record naming no line
B2 = _county("fid49b-b2", *_HOUSE, "county_civil_affairs")
B2_FINANCE = _county("fid49b-b2-finance", *_HOUSE, "county_finance")
B2_LAND = _county("fid49b-b2-land", *_HOUSE, "county_natural_resources")
#: the control: the same assignment on a record of the construction line (县民政局 has no part there)
B2_CONSTRUCTION = {**B2, "id": "fid49b-b2-construction", "sector": "construction"}
#: and on a record of the civil-affairs line (its 身份信息对比 is the part that failed)
B2_CIVIL = {**B2, "id": "fid49b-b2-civil", "sector": "civil_affairs"}
#: mismanaged assets assigned to 县扶贫办 (二(四)4: it only proposes the distribution of the assets' income)
FUNDS = _county("fid49b-funds", *_ASSETS, "county_poverty_office")
#: income not raised assigned to 县人社局 (二(六)1(3), counted for its own line only)
INCOME = _county("fid49b-income", *_INCOME, "county_hrss")
#: the same three assigned to the county naming no body: what level_holds reads the named ones as
LEVEL = {k: _county(f"fid49b-level-{k[1]}", *k, None) for k in (_HOUSE, _ASSETS, _INCOME)}

#: (record, the named department, the kind's own rectifier at the county, the level assignment it reads as)
_NAMED = [(B2, "county_civil_affairs", "county_construction", _HOUSE),
          (B2_FINANCE, "county_finance", "county_construction", _HOUSE),
          (B2_LAND, "county_natural_resources", "county_construction", _HOUSE),
          (FUNDS, "county_poverty_office", "county_finance", _ASSETS),
          (INCOME, "county_hrss", "county_poverty_office", _INCOME)]


def _rows(v: Any) -> set[tuple[str, str, tuple[str, ...]]]:
    return {(f.body, f.basis, tuple(f.to_dict("zh")["clauses"])) for f in v.findings}


@pytest.mark.parametrize("engine", ENGINES)
def test_a_named_department_with_a_line_only_part_is_read_as_the_level(policy: Policy, engine: str) -> None:
    for record, named, rectifier, key in _NAMED:
        v = verdict(policy, record, engine)
        assert (named, "not_rectified") not in found(v), record["id"]
        assert (rectifier, "not_rectified") in found(v), record["id"]
        f = next(f for f in v.findings if (f.body, f.basis) == (rectifier, "not_rectified"))
        assert NO_DUTY in f.rests_on, record["id"]
        # the same findings as the level assignment naming no body
        assert _rows(v) == _rows(verdict(policy, LEVEL[key], engine)), record["id"]
    # the renovation's own clause, not the civil-affairs bureau's part
    v = verdict(policy, B2, engine)
    clauses = next(f for f in v.findings if f.body == "county_construction").to_dict("zh")["clauses"]
    assert "二(六)4(3)" in clauses and "二(六)4(4)" not in clauses
    # 县扶贫办 handed the assets answers nothing: 二(四)4 gives it no part in their management
    assert not any(f.body == "county_poverty_office" for f in verdict(policy, FUNDS, engine).findings)


@pytest.mark.parametrize("engine", ENGINES)
def test_under_assignee_the_named_department_answers_as_before_and_says_so(policy: Policy, engine: str) -> None:
    for record, named, rectifier, _key in _NAMED:
        v = verdict(policy, record, engine, **{NO_DUTY: "assignee"})
        assert (named, "not_rectified") in found(v), record["id"]
        assert (rectifier, "not_rectified") not in found(v), record["id"]
        assert NO_DUTY in next(f for f in v.findings if f.body == named).rests_on, record["id"]
    f = next(f for f in verdict(policy, B2, engine, **{NO_DUTY: "assignee"}).findings
             if (f.body, f.basis) == ("county_civil_affairs", "not_rectified"))
    assert f.to_dict("zh")["clauses"] == ["一(四)", "二(二)3", "二(六)4(4)"]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("value", NO_DUTY_VALUES)
def test_a_record_naming_its_line_is_read_as_before(policy: Policy, engine: str, value: str) -> None:
    # the construction line: 县民政局 has no part in it, the construction bureau rectifies (resting on the parameter)
    v = verdict(policy, B2_CONSTRUCTION, engine, **{NO_DUTY: value})
    if value == "level_holds":
        assert ("county_construction", "not_rectified") in found(v)
        assert ("county_civil_affairs", "not_rectified") not in found(v)
    else:
        assert ("county_civil_affairs", "not_rectified") in found(v)
    assert NO_DUTY in rested(v)
    # the civil-affairs line: the bureau's own part failed, it rectifies on no parameter
    w = verdict(policy, B2_CIVIL, engine, **{NO_DUTY: value})
    assert ("county_civil_affairs", "not_rectified") in found(w)
    assert ("county_construction", "supervision") in found(w)
    assert NO_DUTY not in rested(w)


_ALL = [B2, B2_FINANCE, B2_LAND, B2_CONSTRUCTION, B2_CIVIL, FUNDS, INCOME, *LEVEL.values()]


@pytest.mark.parametrize("values", [{NO_DUTY: v} for v in NO_DUTY_VALUES], ids=list(NO_DUTY_VALUES))
def test_the_batch_gives_what_who_answers_gives(policy: Policy, values: dict[str, Any]) -> None:
    view = policy.with_parameters(**values)
    got, want = batch_and_answers(view, _ALL)
    assert got == want
    # and in the other order: nothing decided before changes a record's result
    got, want = batch_and_answers(view, _ALL[::-1])
    assert got == want


# ------------------------------------------------------------------ one sitting after a hand-back: one finding

LATE_PASS = "late_pass_on_answers"

#: X1: the township reports a house to the county on 03-03; the county reports it up on 03-05, the city hands it back
#: on 03-07, and the county passes it to the township only on 03-25
X1 = _record("fid49b-x1", *_HOUSE, _found("township", channel="grid"),
             [_a("township", "county", on="2021-03-03", action="reported"),
              _a("county", "city", on="2021-03-05", action="reported"),
              _a("city", "county", on="2021-03-07"), _a("county", "township", on="2021-03-25")])
#: X2: the same without the detour through the city: the county's own holding is late
X2 = _record("fid49b-x2", *_HOUSE, _found("township", channel="grid"),
             [_a("township", "county", on="2021-03-03", action="reported"), _a("county", "township", on="2021-03-25")])
#: X3: the city finds it and assigns it to the county on 03-03; the county passes it on on 03-25
X3 = _record("fid49b-x3", *_HOUSE, _found("city", channel="survey_verification"),
             [_a("city", "county"), _a("county", "township", on="2021-03-25")])
#: S5: the county's hotline finds it, the county reports it up on 03-03, the city hands it back on 03-05; nothing more
S5 = _record("fid49b-s5", *_HOUSE, _found("county", channel="hotline"),
             [_a("county", "city", action="reported"), _a("city", "county", on="2021-03-05")])
#: rectified by the deadline: no assignee finding, the late pass-on late_pass_on_answers' alone
X1R = {**X1, "id": "fid49b-x1r", "rectified_on": "2021-04-20"}
X3R = {**X3, "id": "fid49b-x3r", "rectified_on": "2021-04-20"}
#: the hand-back after the county's own limit (03-20): two sittings, two findings, as before
S5_LATE = _record("fid49b-s5-late", *_HOUSE, _found("county", channel="hotline"),
                  [_a("county", "city", action="reported"), _a("city", "county", on="2021-03-20")])
#: passed down within its limit as assignee (03-14) but after its own (03-11): the one delay is its own holding's
S5_DOWN = _record("fid49b-s5-down", *_HOUSE, _found("county", channel="hotline"),
                  [_a("county", "city", action="reported"), _a("city", "county", on="2021-03-05"),
                   _a("county", "township", on="2021-03-14")])

_COUNTY = "county_construction"


def _county_rows(v: Any) -> set[str]:
    return {f.basis for f in v.findings if f.body == _COUNTY and f.basis != "supervision"}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("value", ("none", "not_handled"))
def test_one_late_sitting_after_a_hand_back_is_one_finding(policy: Policy, engine: str, value: str) -> None:
    def county(record: dict[str, Any]) -> set[str]:
        return _county_rows(verdict(policy, record, engine, **{LATE_PASS: value}))
    # as X3: the assignee's 整改不到位 carries the delay, and nobody is named twice for it
    assert county(X1) == county(X3) - {"not_discovered"} == {"not_rectified"}
    assert county(S5) == {"not_rectified"}
    assert county(X2) == {"not_handled"}
    # fixed by the deadline: the late pass-on is late_pass_on_answers', once, as in X3
    want = {"not_handled"} if value == "not_handled" else set()
    assert county(X1R) == county(X3R) - {"not_discovered"} == want
    if value == "not_handled":
        f = next(f for f in verdict(policy, X1R, engine, **{LATE_PASS: value}).findings
                 if (f.body, f.basis) == (_COUNTY, "not_handled"))
        assert LATE_PASS in f.rests_on
    # two sittings, or one delay that is the earlier holding's alone: as before
    assert county(S5_LATE) == {"not_handled", "not_rectified"}
    assert county(S5_DOWN) == {"not_handled"}


_SITTINGS = [X1, X2, X3, S5, X1R, X3R, S5_LATE, S5_DOWN]


@pytest.mark.parametrize("values", [{LATE_PASS: v} for v in ("none", "not_handled")], ids=["none", "not_handled"])
def test_the_batch_gives_what_who_answers_gives_after_a_hand_back(policy: Policy, values: dict[str, Any]) -> None:
    got, want = batch_and_answers(policy.with_parameters(**values), _SITTINGS)
    assert got == want
