"""Versions in time: the example 2021 amendment changes exactly the answers it should."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

import responsibility
from responsibility import Jurisdiction, Policy

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "policy-changes" / "rural-revitalisation-2021" / "amendments"


@pytest.fixture(scope="module")
def amended(tmp_path_factory: pytest.TempPathFactory) -> Policy:
    target = tmp_path_factory.mktemp("amended") / "rules"
    shutil.copytree(ROOT / "rules", target)
    shutil.copytree(EXAMPLE, target / "amendments")
    # the county's audit found it, no body named: every holder of the county's handling stage answers, the office among
    # them (by receiving_level_body's default the role would stand for them once: review23 #1)
    return responsibility.load(target).with_parameters(receiving_level_body="handling_holders")


def problem(day: str, place: str) -> dict[str, object]:
    return {"id": "a", "domain": "identification", "place": place,
            "discovered": {"level": "county", "channel": "audit", "on": day}, "as_of": "2022-12-31"}


def offices(policy: Policy, day: str, j: Jurisdiction, engine: str) -> set[str]:
    v = policy.who_answers(problem(day, j.at_level("village")[0].code), jurisdiction=j, engine=engine)
    return {f.body for f in v.findings if f.body.endswith(("poverty_office", "rural_revitalisation"))}


@pytest.mark.parametrize("engine", ["compiled", "durable"])
def test_office_before_and_bureau_after_the_change(amended: Policy, small_province: Jurisdiction,
                                                  engine: str) -> None:
    assert offices(amended, "2021-05-31", small_province, engine) == {"county_poverty_office"}
    assert offices(amended, "2021-06-01", small_province, engine) == {"county_rural_revitalisation"}


def test_findings_after_the_change_cite_the_amending_clause(amended: Policy, small_province: Jurisdiction) -> None:
    v = amended.who_answers(problem("2021-07-01", small_province.at_level("village")[0].code),
                            jurisdiction=small_province, engine="compiled")
    bureau = [f for f in v.findings if f.body == "county_rural_revitalisation"]
    assert bureau and all(("示例2021(一)" in f.clauses and "二(三)4" in f.clauses) or "二(二)3" in f.clauses
                          for f in bureau)
    assert bureau[0].name == "县（市、区）乡村振兴局"


def test_load_as_of_keeps_what_was_in_force(amended: Policy) -> None:
    before = responsibility.load(amended.root, as_of=dt.date(2021, 1, 1))
    after = responsibility.load(amended.root, as_of=dt.date(2022, 1, 1))
    assert "county_poverty_office" in before.bodies and "county_rural_revitalisation" not in before.bodies
    assert "county_rural_revitalisation" in after.bodies and "county_poverty_office" not in after.bodies
    assert set(after.duties) == set(before.duties)  # duties carried over, same ids


def test_the_example_is_marked_as_an_example() -> None:
    text = (EXAMPLE / "rural-revitalisation-2021.yaml").read_text(encoding="utf-8")
    assert "example: true" in text and "not the text of a real document" in text


def test_an_amendment_that_does_not_apply_is_located(rules_copy: Path) -> None:
    (rules_copy / "amendments").mkdir()
    text = (EXAMPLE / "rural-revitalisation-2021.yaml").read_text(encoding="utf-8")
    (rules_copy / "amendments" / "x.yaml").write_text(
        text.replace("replace_body: county_poverty_office", "replace_body: county_poverty_offce"), encoding="utf-8")
    issues = responsibility.validate(rules_copy)
    assert any("x.yaml" in str(i) and "county_poverty_offce" in i.message for i in issues)


@pytest.mark.parametrize(("found", "step", "named", "other", "since"), [
    ("2021-05-25", "2021-06-02", "县（市、区）乡村振兴局", "county_poverty_office",
     "only from 2021-06-01 (示例2021(一))"),
    ("2021-06-05", "2021-06-06", "county_poverty_office", "county_rural_revitalisation",
     "only until 2021-06-01 (exclusive)"),
])
def test_a_step_naming_a_body_of_another_period_says_which_body_stands_for_it(
        amended: Policy, found: str, step: str, named: str, other: str, since: str) -> None:
    """A record is judged by the rules of its discovery day, its steps' bodies included: a step naming the bureau
    after the change, for a problem found before it, is refused — the hint said "did you mean 'city_agriculture'"
    (the nearest name), now it says why and which body of those rules to write."""
    record = {"id": "p", "area": "housing", "kind": "housing_renovation_late", "place": "330127100219",
              "discovered": {"level": "county", "channel": "hotline", "on": found},
              "handled": [{"action": "assigned", "by_level": "county", "to_level": "county", "to_body": named,
                           "on": step}], "as_of": "2021-07-30"}
    with pytest.raises(responsibility.ProblemError) as caught:
        amended.who_answers(record)
    text = str(caught.value)
    assert "handled[0].to_body" in text and since in text, text
    assert f"the county body of its sector in those rules is {other!r}" in text, text
    assert "did you mean" not in text
    record["handled"][0]["to_body"] = other  # type: ignore[index]
    assert amended.who_answers(record).findings


def test_a_replacement_clause_is_cited_only_on_the_replacing_body(amended: Policy) -> None:
    # review17c F8: the transfer clause was stamped on the duties the office shared, so the county finance bureau cited
    # 示例2021(一) and the city bureau the province's 示例2021(三) too
    # sector poverty_office: the office's own line (二(四)4 财政专项扶贫资金; fid28b: a funds record naming no
    # line names the 问题所属部门 once, for the office's or another line's money, so the replacing bureau is
    # named by its line)
    record = {"id": "am5", "area": "funds", "kind": "funds_diverted", "place": "330127100219",
              "sector": "poverty_office",
              "discovered": {"level": "city", "channel": "audit", "on": "2021-07-01"},
              "handled": [{"action": "assigned", "by_level": "city", "to_level": "county", "on": "2021-07-02"}],
              "deadline": "2021-08-01", "as_of": "2021-09-30"}
    # handed to the county as a whole: handed to 县财政局 the record reads as the finance line's (a named department
    # gives its line, bcfe7ef), which leaves the office's part (二(四)4) aside and this test without the county bureau
    own = {"county_rural_revitalisation": "示例2021(一)", "city_rural_revitalisation": "示例2021(二)",
           "province_rural_revitalisation": "示例2021(三)"}
    for engine in ("compiled", "durable"):
        v = amended.who_answers(record, engine=engine)  # type: ignore[arg-type]
        assert {f.body for f in v.findings} >= {"county_finance", *list(own)[:2]}
        for f in v.findings:
            cited = {c for c in f.clauses if c.startswith("示例")}
            assert cited == ({own[f.body]} if f.body in own else set()), (f.body, f.clauses)


def test_a_replacing_body_keeps_what_the_replaced_one_was(amended: Policy) -> None:
    # review21 R21-8: the city bureau lacked leading_group_member, which the city office it replaces has, so the
    # chain drew no 领导 edge to it. Every replacement keeps the replaced body's level, kind, sector, parent and
    # membership of the leading group (a 整体转为 transfer: 职责随之划转)
    before = responsibility.load(amended.root, as_of=dt.date(2021, 1, 1))
    after = responsibility.load(amended.root, as_of=dt.date(2022, 1, 1))
    pairs = [(b, b.replace("poverty_office", "rural_revitalisation")) for b in before.bodies
             if b.endswith("poverty_office")]
    assert len(pairs) == 3
    for old, new in pairs:
        o, n = before.bodies[old], after.bodies[new]
        assert (o.level, o.kind, o.sector, o.parent, o.leading_group_member) == \
            (n.level, n.kind, n.sector, n.parent, n.leading_group_member), new


def test_two_amendments_replacing_one_body_on_one_day_are_named_as_clashing(rules_copy: Path) -> None:
    """review22b R22b-8(c): the second replacement of county_poverty_office on 2021-06-01 was told "no body
    'county_poverty_office' is in force on 2021-06-01" (the first had just ended it), and the clash was not named.
    The issue now says the body is replaced twice and where the other change is."""
    (rules_copy / "amendments").mkdir()
    text = (EXAMPLE / "rural-revitalisation-2021.yaml").read_text(encoding="utf-8")
    (rules_copy / "amendments" / "a.yaml").write_text(text, encoding="utf-8")
    other = text.replace("id: rural-revitalisation-2021", "id: rural-revitalisation-2021b", 1)
    other = other.replace("id: county_rural_revitalisation", "id: county_rural_revitalisation_b", 1)
    assert other.count("rural-revitalisation-2021b") == 1 and "county_rural_revitalisation_b" in other
    (rules_copy / "amendments" / "b.yaml").write_text(other, encoding="utf-8")
    issues = [i for i in responsibility.validate(rules_copy) if i.code == "amendment_clash"]
    assert issues, responsibility.validate(rules_copy)
    body = [i for i in issues if "county_poverty_office" in i.message]
    assert len(body) == 1 and body[0].file.endswith("b.yaml"), issues
    assert "replaced on 2021-06-01 twice" in body[0].message and "a.yaml:" in body[0].message
    assert "in force" not in body[0].message
