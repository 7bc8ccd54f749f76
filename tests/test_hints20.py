"""What a rejected record's hint tells the user to write (review20b B20-3) and what route cites under an amendment
(review20b R20-8): a hint names no body of another level, nor a body the amendment replaced by its short name, and a
sector's Chinese line word gets the sector id."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from responsibility import Policy, ProblemError

ENGINES = ("compiled", "durable")


@pytest.fixture(scope="module")
def amended(amended_policy: Policy) -> Policy:
    return amended_policy  # (conftest: loaded once, its warm-up shared with the other modules that read it)


def found_by(body: str, on: str = "2021-06-02", **more: Any) -> dict[str, Any]:
    return {"id": "x", "area": "housing", "place": "330127100219", "severity": "grave",
            "discovered": {"level": "county", "channel": "grid", "on": on, "body": body}, "as_of": "2021-12-31",
            **more}


def refused(policy: Policy, record: dict[str, Any], field: str, code: str) -> str:
    """The rejection's message, checked to be the same field and code through both engines and the bulk path."""
    texts = set()
    for engine in ENGINES:
        with pytest.raises(ProblemError) as err:
            policy.who_answers(record, engine=engine)  # type: ignore[arg-type]
        assert (err.value.field, err.value.code) == (field, code), str(err.value)
        texts.add(str(err.value))
    rejects = policy.assess([record]).rejects
    assert len(rejects) == 1
    row = rejects.iloc[0]
    assert (row["field"], row["code"]) == (field, code)
    texts.add(str(row["reason"]))
    assert len(texts) == 1, texts  # the bulk path has no text of its own
    return texts.pop()


@pytest.mark.slow
@pytest.mark.parametrize("name", ["县扶贫办", "县（市、区）扶贫办", "县(市、区)扶贫办", "county_poverty_office",
                                  "County poverty-alleviation office", "县扶贫开发办公室"])
def test_every_name_of_a_replaced_body_says_which_body_stands_for_it(amended: Policy, name: str) -> None:
    # 县扶贫办 after 2021-06-01 was told "did you mean 'county_leading_group'": following it moved the not_handled
    # findings onto the leading group
    text = refused(amended, found_by(name), "discovered.body", "unknown_body")
    assert "is a body only until 2021-06-01" in text, text
    assert "the county body of its sector in those rules is 'county_rural_revitalisation'" in text
    assert "county_leading_group" not in text and "did you mean" not in text
    assert amended.who_answers(found_by("county_rural_revitalisation")).findings


def test_a_name_near_a_replaced_body_is_told_of_the_amendment_not_given_another_body(amended: Policy) -> None:
    text = refused(amended, found_by("县扶贫"), "discovered.body", "unknown_body")
    assert "'county_rural_revitalisation'" in text and "county_leading_group" not in text, text
    # and before the change, the bureau is the one not yet a body
    text = refused(amended, found_by("县乡村振兴", on="2021-05-02"), "discovered.body", "unknown_body")
    assert "only from 2021-06-01" in text and "'county_poverty_office'" in text, text


@pytest.mark.parametrize(("field", "record", "level"), [
    ("discovered.body", found_by("县乡村振兴局", on="2021-03-02"), "county"),
    ("handled[0].to_body", found_by("county_construction", on="2021-03-02", handled=[
        {"action": "assigned", "by_level": "county", "to_level": "township", "on": "2021-03-05",
         "to_body": "县乡村振兴局"}]), "township"),
    ("discovered.body", found_by("县统计局", on="2021-03-02"), "county"),
])
def test_a_hint_names_no_body_of_another_level(policy: Policy, field: str, record: dict[str, Any],
                                               level: str) -> None:
    # shipped rules: 县乡村振兴局 for a county finder was told 'village_committee' (村委会), 县统计局 the provincial
    # bureau: a guess at another level; none near at the field's level, so its bodies are listed
    text = refused(policy, record, field, "unknown_body")
    assert "did you mean" not in text, text
    # the level's bodies, or (a line rules/ has no department of at the level: 县统计局) the level's role with the line
    # as sector (hostile26, review26: the role is the county's department a record does not name)
    assert f"the {level} level's:" in text or f"rules/ has no {level} department of the" in text, text
    named = [b for b in policy.bodies if f"'{b}'" in text or f" {b} " in text]
    assert named and all(policy.bodies[b].level == level for b in named), named


def test_a_word_naming_another_level_s_body_says_so(policy: Policy) -> None:
    text = refused(policy, found_by("乡镇府", on="2021-03-02"), "discovered.body", "unknown_body")
    assert "it reads as 'township_government'" in text and "the field gives the county level" in text, text
    assert "did you mean" not in text and "'county_government'" not in text


@pytest.mark.parametrize(("word", "line"), [("住建", "construction"), ("民政", "civil_affairs"),
                                            ("乡村振兴", None)])
def test_a_line_word_in_sector_gets_the_sector_id(policy: Policy, word: str, line: str | None) -> None:
    # 住建 on a village housing record was told "did you mean 'province_construction' (省建设厅)?"
    record = {"id": "s", "area": "housing", "place": "330127100219", "severity": "serious", "sector": word,
              "discovered": {"level": "village", "channel": "grid", "on": "2021-03-02"}, "as_of": "2021-06-30"}
    text = refused(policy, record, "sector", "unknown_sector")
    if line is None:  # no line near: the sectors listed, none guessed
        assert "write a sector id (" in text and "did you mean" not in text, text
        return
    assert f"write the sector id {line!r} ({word}), or name the department" in text, text
    assert not any(f"'{b}'" in text for b in policy.bodies), text
    record["sector"] = line
    assert policy.who_answers(record) is not None


def test_route_cites_the_clause_amending_a_body_it_names(amended: Policy, policy: Policy) -> None:
    # R20-8: route named 县（市、区）乡村振兴局 (报送, 交办整改至) without 示例2021(一), which who cites beside the
    # original clause for the bureau
    record = {"id": "r3", "area": "identification", "kind": "identification_eligible_omitted",
              "place": "330127100219", "severity": "serious",
              "discovered": {"level": "township", "channel": "grid", "on": "2021-06-02"}, "as_of": "2021-06-03"}
    r = amended.route(record)
    named = {b.body for b in (*r.report_to, *r.assignees, *r.handlers)}
    assert "county_rural_revitalisation" in named
    assert "示例2021(一)" in r.clauses and r.to_dict()["clauses"][-1] == "示例2021(一)"
    assert not {"示例2021(二)", "示例2021(三)"} & set(r.clauses)  # the city's and province's bureaus are not named
    # as who cites it for the bureau
    found = {**record, "discovered": {**record["discovered"], "level": "county", "body": "county_rural_revitalisation"},
             "as_of": "2021-12-31"}
    cited = {c for f in amended.who_answers(found).findings if f.body == "county_rural_revitalisation"
             for c in f.clauses}
    assert "示例2021(一)" in cited
    # before the change, and in the shipped rules, no amending clause
    early = {**record, "discovered": {**record["discovered"], "on": "2021-05-02"}, "as_of": "2021-05-03"}
    assert not any(c.startswith("示例") for c in amended.route(early).clauses)
    assert not any(c.startswith("示例") for c in policy.route(record).clauses)
    assert r.received == dt.date(2021, 6, 2)
