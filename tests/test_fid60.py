"""fid60: the impact diff answers a shape as a verdict answers a record of it, and what session 56 left.

1. (session 56's note, Noticed 2) ``responsibility diff`` fired the compiled rules with their holders unresolved
   (``Decider.fact_answers``): a level's role (问题所属部门) held only through a duty the kind counts for a named
   line only (``line_named_only``, ``PolicyView.role_stands_aside``) showed as named on shapes whose facts name no
   line, and a named body's clauses as its stage's duties alone. fid56's data change (二(六)4(4)'s parts in a late
   renovation's discovery, line_named_only) showed 24 shapes naming the role 应发现未发现, fid57's 48 (the role and
   县扶贫办), and 42 of 市财政's clauses — none of which a record naming no line gets. Now each hit is placed as a
   verdict places it for a record naming no line, and a holder such a record leaves out only because no line is named
   is still shown, marked ``line_named_only`` (†): what a record naming a line gets changed there, and the diff says
   so. The diff's example records are ones the records' check takes (a city's own find was 全科网格's).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

import responsibility
from responsibility import Policy
from responsibility.checks._diff import _example, diff

from .verdicts import batch_and_answers, rested, worded
from .verdicts import verdict_under as verdict

ENGINES = ("compiled", "durable")
RULES = Path(__file__).resolve().parents[1] / "rules"

# fid56's change (b4940499), undone: housing_renovation_late's discovery without 二(六)4(4)'s three parts
_PARTS = "housing_county_civil_affairs_check, housing_county_natural_resources_land, housing_county_finance_subsidy"
_STAGE_NOW = ("housing_county_construction_oversee,\n                  " + _PARTS + "]")
_STAGE_BEFORE = "housing_county_construction_oversee]"
_NAMED_ONLY_NOW = f"      discovery: [{_PARTS}]\n      rectification: [{_PARTS}]"
_NAMED_ONLY_BEFORE = f"      rectification: [{_PARTS}]"


@pytest.fixture(scope="module")
def before_fid56(tmp_path_factory: pytest.TempPathFactory) -> Policy:
    """The shipped rules with fid56's housing change undone."""
    root = tmp_path_factory.mktemp("fid60") / "rules"
    shutil.copytree(RULES, root)
    housing = root / "areas" / "housing.yaml"
    text = housing.read_text(encoding="utf-8")
    assert text.count(_STAGE_NOW) == 1 and text.count(_NAMED_ONLY_NOW) == 1
    housing.write_text(text.replace(_STAGE_NOW, _STAGE_BEFORE).replace(_NAMED_ONLY_NOW, _NAMED_ONLY_BEFORE),
                       encoding="utf-8")
    return responsibility.load(root)


@pytest.fixture(scope="module")
def housing_diff(before_fid56: Policy, policy: Policy) -> Any:
    return diff(before_fid56, policy, areas=["housing"])


def _marked(f: tuple[Any, ...]) -> bool:
    return bool(f[5]) if len(f) > 5 else False


def _findings(policy: Policy, record: dict[str, Any], engine: str) -> set[tuple[Any, ...]]:
    v = worded(policy, record, engine)  # (only the findings are read: a wording_only verdict's)
    return {(f.body, f.basis, f.liability, tuple(f.clauses)) for f in v.findings}


def test_fid56s_line_named_only_parts_show_as_for_a_record_naming_a_line(housing_diff: Any) -> None:
    changes = housing_diff.answers
    assert len(changes) == 24
    # every one changes only what a record naming a line gets: the role stands for its department, marked †
    assert all(_marked(f) for a in changes for f in (*a.appeared, *a.vanished))
    assert housing_diff.line_named_only == 24 and all(a.line_named_only for a in changes)
    assert {f[1] for a in changes for f in a.appeared} == {"county_sector_department"}
    md = housing_diff.to_markdown()
    assert "(24 of them only for a record naming a line" in md and "(一(四) 二(二)3 二(六)4(4)) †" in md
    assert all(f["line_named_only"] for a in housing_diff.to_dict()["answers"] for f in a["appeared"])


@pytest.mark.parametrize("engine", ENGINES)
def test_a_record_naming_no_line_of_each_changed_shape_is_answered_as_before(
        housing_diff: Any, before_fid56: Policy, policy: Policy, engine: str) -> None:
    for a in housing_diff.answers:
        record = a.example
        assert "sector" not in record
        new = _findings(policy, record, engine)
        assert new == _findings(before_fid56, record, engine), a.shape
        # (what the diff shows unmarked, a record naming no line gets)
        assert {(f[1], f[2], f[3], tuple(f[4])) for f in a.appeared if not _marked(f)} <= new, a.shape


@pytest.mark.parametrize("engine", ENGINES)
def test_a_record_naming_a_part_s_line_of_each_changed_shape_is_answered_anew(
        housing_diff: Any, before_fid56: Policy, policy: Policy, engine: str) -> None:
    for a in housing_diff.answers:
        record = {**a.example, "id": "fid60-nr", "sector": "natural_resources"}
        new, old = _findings(policy, record, engine), _findings(before_fid56, record, engine)
        assert new != old, a.shape
        # 县自然资源 cites its part, 二(六)4(4), where it cited 二(二)3 alone: the body the role stood for
        assert {f[0] for f in new ^ old} == {"county_natural_resources"}
        assert all("二(六)4(4)" in f[3] for f in new - old)


def test_the_batch_answers_the_changed_shapes_examples_as_who_answers(housing_diff: Any, policy: Policy) -> None:
    records = [{**a.example, "id": f"fid60-{i}{s}", **({"sector": s} if s else {})}
               for i, a in enumerate(housing_diff.answers) for s in ("", "natural_resources")]
    got, want = batch_and_answers(policy, records)
    assert got == want and got


def test_an_unchanged_policy_still_diffs_empty(policy: Policy) -> None:
    d = diff(policy, policy, areas=["housing"])
    assert (d.answers, d.line_named_only) == ((), 0)
    assert "of them only for a record naming a line" not in d.to_markdown()


@pytest.mark.parametrize(("fact", "level", "outside"), [
    ("found", "city", False), ("found", "province", False), ("found", "village", True), ("unhandled", "village", None),
    ("unhandled", "township", None), ("main", "village", None)])
def test_each_example_record_is_one_the_records_check_takes(policy: Policy, fact: str, level: str,
                                                            outside: bool | None) -> None:
    # (a city's own find was 全科网格's, a village's outside find an audit's: both refused, 一(一))
    shape = {"area": "housing", "kind": "housing_renovation_late", "severity": "minor", "place": "village",
             "fact": fact, "level": level, **({"outside": outside} if outside is not None else {})}
    v = policy.who_answers(_example(shape, policy))  # type: ignore[arg-type]
    assert v.findings is not None


# ------------------------------------------------------------------ 2. the insurance read as 医保's, a 卫健-line record

INSURANCE = "insurance_pressed_by_medical_insurance"


def _insurance(rid: str, level: str, channel: str, **more: Any) -> dict[str, Any]:
    return {"id": f"fid60-{rid}", "area": "health", "kind": "health_insurance_not_in_place", "place": "330127100219",
            "severity": "minor", "discovered": {"level": level, "channel": channel, "on": "2021-03-01"},
            "handled": [], "as_of": "2021-06-30", **more}


#: the city's (the province's) find of a 卫健-line record, sat on past the handling limit
HEALTH_SAT = [(_insurance("h-city", "city", "media", sector="health"), "city"),
              (_insurance("h-prov", "province", "inspection_tour", sector="health"), "province")]


def _sat_on(v: Any, level: str) -> set[str]:
    return {f.body for f in v.findings if f.basis == "not_handled" and f.level == level}


@pytest.mark.parametrize("engine", ENGINES)
def test_by_line_a_health_line_insurance_record_sat_on_names_that_line_s_department(policy: Policy,
                                                                                      engine: str) -> None:
    # false (the default): 二(六)3(5) read by the record's line, 卫健's for a 卫健-line record
    for record, level in HEALTH_SAT:
        v = policy.with_parameters(**{INSURANCE: False}).who_answers(record, engine=engine)  # type: ignore[arg-type]
        assert _sat_on(v, level) == {f"{level}_health"}, record["id"]
        assert INSURANCE in {i.id for i in v.interpretations}


# (item 2: true's why says 省市医保 presses the insurance whatever the record's line, "and no 问题所属部门 stands
# for 卫健 beside it" — its supervision of the same record names 市医保 alone. The city that sat on it is chosen in
# derive (_facts.pressing_department / receiving_body → line_tie), which read 市卫健's other 二(六)3(5) duties of the
# health area as tying it to this kind too; line_tie now leaves a department whose part in the kind is only through
# duties a reading in force replaces.)
@pytest.mark.parametrize("engine", ENGINES)
def test_read_as_medical_insurance_a_health_line_record_sat_on_names_the_medical_insurance_department(
        policy: Policy, engine: str) -> None:
    for record, level in HEALTH_SAT:
        v = policy.with_parameters(**{INSURANCE: True}).who_answers(record, engine=engine)  # type: ignore[arg-type]
        assert _sat_on(v, level) == {f"{level}_medical_insurance"}, record["id"]
        assert INSURANCE in {i.id for i in v.interpretations}


@pytest.mark.parametrize("value", [False, True])
def test_the_batch_answers_the_health_line_insurance_records_as_who_answers(policy: Policy, value: bool) -> None:
    view = policy.with_parameters(**{INSURANCE: value})
    got, want = batch_and_answers(view, [r for r, _ in HEALTH_SAT])
    assert got == want and got


# ------------------------------------------------------------------ 3. sectorless_alternatives where it decides

SECTORLESS = "sectorless_alternatives"
SECTORLESS_VALUES = ("unresolved", "every_holder")


def _line(rid: str, area: str, kind: str, sector: str | None, by: str = "city", assigned: bool = False
          ) -> dict[str, Any]:
    r: dict[str, Any] = {"id": f"fid60-{rid}", "area": area, "kind": kind, "place": "330127100219",
                         "discovered": {"level": by, "channel": "research_supervision", "on": "2021-03-01"},
                         "as_of": "2021-04-30" if assigned else "2021-03-05"}
    if sector is not None:
        r["sector"] = sector
    if assigned:
        r["handled"] = [{"action": "assigned", "by_level": by, "to_level": "county", "on": "2021-03-03"}]
        r["deadline"] = "2021-03-31"
    return r


#: records naming their line whose findings sectorless_alternatives does not decide, though the record's line leaves a
#: level nobody at a stage (read there as for no line): a finance-line (卫健-line) insurance record the city found —
#: 县扶贫办 is the county's one holder (二(六)3(3)) either way —, and line-named policy gaps no level's department of
#: that line has a part in, with no finding either way
UNDECIDED = [_line("ins-fin", "health", "health_insurance_not_in_place", "finance"),
             _line("ins-fin-a", "health", "health_insurance_not_in_place", "finance", assigned=True),
             _line("ins-hea", "health", "health_insurance_not_in_place", "health", by="province"),
             _line("acc-fin", "health", "health_costs_accounting_irregular", "finance"),
             _line("rules-agr", "funds", "funds_rules_gap", "agriculture"),
             _line("proj-gap", "projects", "projects_policy_gap", "agriculture", by="province"),
             _line("house-gap", "housing", "housing_line_policy_gap", "agriculture")]
#: controls it decides: a 卫健-line late medical assistance handed to the county (its county role stands for 医保 and
#: 财政 once, or each is named; 市卫健's clauses differ), and the same record naming no line
DECIDED = [_line("ast-hea-a", "health", "health_assistance_late", "health", assigned=True),
           _line("ast-none-a", "health", "health_assistance_late", None, assigned=True)]


def _plain(v: Any) -> list[Any]:
    return [{k: x for k, x in f.to_dict(lang).items() if k != "rests_on"} for lang in ("zh", "en") for f in v.findings]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("value", SECTORLESS_VALUES)
def test_a_line_named_record_whose_findings_the_reading_does_not_decide_does_not_list_it(
        policy: Policy, engine: str, value: str) -> None:
    other = next(x for x in SECTORLESS_VALUES if x != value)
    for record in UNDECIDED:
        v = verdict(policy, record, engine, **{SECTORLESS: value})
        assert _plain(v) == _plain(verdict(policy, record, engine, **{SECTORLESS: other})), record["id"]
        assert SECTORLESS not in rested(v), record["id"]
        assert not any(SECTORLESS in f.rests_on for f in v.findings), record["id"]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("value", SECTORLESS_VALUES)
def test_where_the_reading_decides_a_finding_the_verdict_still_lists_it(policy: Policy, engine: str,
                                                                        value: str) -> None:
    other = next(x for x in SECTORLESS_VALUES if x != value)
    for record in DECIDED:
        v = verdict(policy, record, engine, **{SECTORLESS: value})
        assert _plain(v) != _plain(verdict(policy, record, engine, **{SECTORLESS: other})), record["id"]
        assert SECTORLESS in rested(v), record["id"]
        assert any(SECTORLESS in f.rests_on for f in v.findings), record["id"]
    # 市卫健 presses a 卫健-line record by its line under either value, with 二(二)5 under every_holder only: its
    # clauses are the reading's
    city = next(f for f in verdict(policy, DECIDED[0], engine, **{SECTORLESS: value}).findings
                if f.body == "city_health")
    assert SECTORLESS in city.rests_on


@pytest.mark.parametrize("value", SECTORLESS_VALUES)
def test_the_batch_answers_these_records_as_who_answers(policy: Policy, value: str) -> None:
    got, want = batch_and_answers(policy.with_parameters(**{SECTORLESS: value}), [*UNDECIDED, *DECIDED])
    assert got == want and got


# ------------------------------------------------------------------ 4. the role's English name

#: a county's agriculture-line allocation the city found and handed down (the county has no 农业 department in the
#: rules: the role stands for it, line_department_unnamed; fid59), and the same naming no line
ROLE_RECORDS = [_line("role-agr", "funds", "funds_diverted", "agriculture", assigned=True),
                _line("role-none", "funds", "funds_diverted", None, assigned=True)]


@pytest.mark.parametrize("engine", ENGINES)
def test_the_role_s_english_name_does_not_say_the_record_names_no_line(policy: Policy, engine: str) -> None:
    for record in ROLE_RECORDS:
        v = policy.who_answers(record, engine=engine)  # type: ignore[arg-type]
        reasons = [f.to_dict("en")["reason"] for f in v.findings if f.body == "county_sector_department"]
        # (as its Chinese name, 县（市、区）行业主管部门（问题所属部门）; what the record leaves open the verdict's
        # interpretations say: the role's own note, or line_department_unnamed)
        assert reasons and all(r.startswith("County sector department whose line the problem is in (") for r in reasons)
        assert "not named in the record" not in v.explain("en"), record["id"]  # type: ignore[call-arg]
        assert ("sector" in record) == ("line_department_unnamed" in rested(v)), record["id"]
        assert ("sector" not in record) == ("county_sector_department" in rested(v)), record["id"]


def test_the_batch_names_the_role_in_english_as_who_answers(policy: Policy) -> None:
    got = policy.assess(ROLE_RECORDS, lang="en").findings
    reasons = list(got[got["body"] == "county_sector_department"]["reason"])
    want = [f.to_dict("en")["reason"] for r in ROLE_RECORDS for f in policy.who_answers(r).findings  # type: ignore
            if f.body == "county_sector_department"]
    assert sorted(reasons) == sorted(want) and reasons
    assert not any("not named in the record" in r for r in reasons)
