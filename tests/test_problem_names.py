"""Problem records name bodies by id, Chinese name or English gloss (engine/_problem.ValueNames.body):
full-width or half-width parentheses, any case, surrounding space; a name two bodies share is resolved
by the level the field gives, else refused with both; an unknown one gets a hint with id and name."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from responsibility import Policy, ProblemError
from responsibility.engine._problem import Problem, canonical_record, plain_problem

BASE: dict[str, Any] = {
    "id": "n1", "area": "housing", "place": "330127100219", "severity": "serious",
    "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01", "body": "county_construction"},
    "handled": [{"action": "assigned", "by_level": "county", "to_level": "township", "on": "2021-03-20",
                 "to_body": "township_government"}],
    "as_of": "2021-06-30",
}


def rec(**changes: Any) -> dict[str, Any]:
    out = copy.deepcopy(BASE)
    for path, value in changes.items():
        *parents, last = path.split("__")
        at: Any = out
        for p in parents:
            at = at[int(p)] if p.isdigit() else at[p]
        at[last] = value
    return out


def verdict(policy: Policy, record: dict[str, Any]) -> dict[str, Any]:
    d: dict[str, Any] = policy.who_answers(record, engine="compiled").to_dict()
    d.pop("problem", None)
    return d


@pytest.mark.parametrize("name", ["县（市、区）建设部门", "县(市、区)建设部门", "县（市、区)建设部门",
                                  "  县（市、区）建设部门 ", "County construction bureau",
                                  "county CONSTRUCTION   bureau", "ｃｏｕｎｔｙ_construction"])
def test_discovered_body_by_chinese_name_or_gloss(policy: Policy, name: str) -> None:
    assert verdict(policy, rec(discovered__body=name)) == verdict(policy, BASE)


@pytest.mark.parametrize(("path", "name", "same"), [
    ("handled__0__to_body", "乡镇（街道）", "township_government"),  # also the township level's name
    ("sector", "县（市、区）建设部门", "county_construction"),
    ("sector", "县(市、区)民政局", "county_civil_affairs"),
])
def test_every_body_field_takes_a_name(policy: Policy, path: str, name: str, same: str) -> None:
    assert verdict(policy, rec(**{path: name})) == verdict(policy, rec(**{path: same}))


def test_concealed_by_takes_a_level_name_first_then_a_body_name(policy: Policy) -> None:
    base = rec(discovered__channel="audit", discovered__body=None, handled=[])
    by_level = verdict(policy, {**base, "concealed_by": ["乡镇（街道）"]})  # the level, not its government
    assert by_level == verdict(policy, {**base, "concealed_by": ["township"]})
    assert verdict(policy, {**base, "concealed_by": ["村委会"]}) == \
        verdict(policy, {**base, "concealed_by": ["village_committee"]})


@pytest.mark.parametrize("raw", [
    rec(discovered__body="County construction bureau"),
    rec(discovered__body=" county_construction "),
    rec(sector="Villagers' committee"),
    rec(handled__0__to_body="Township government (street office)"),
    {**rec(discovered__channel="audit", handled=[]), "concealed_by": ["Villagers' committee", "township"]},
])
def test_the_fast_reader_reads_names_as_the_model_does(policy: Policy, raw: dict[str, Any]) -> None:
    fast = plain_problem(raw, policy)
    slow = Problem.model_validate(canonical_record(raw, policy))
    assert fast is None or fast == slow
    assert slow.model_dump() == Problem.model_validate(canonical_record(slow.model_dump(), policy)).model_dump()


def _with_body(policy: Policy, **fields: Any) -> Policy:
    """The shipped policy with one more body (made like county_construction, with ``fields``)."""
    model = next(b for b in policy.data.bodies if b.id == "county_construction")
    body = model.model_copy(update=fields)
    data = policy.data.model_copy(update={"bodies": [*policy.data.bodies, body]})
    return type(policy)(data, root=policy.root)


def test_a_name_two_bodies_share_at_one_level_is_refused_with_both(policy: Policy) -> None:
    twin = _with_body(policy, id="county_construction_two")
    with pytest.raises(ProblemError) as err:
        twin.who_answers(rec(discovered__body="县(市、区)建设部门"))
    text = str(err.value)
    assert err.value.field == "discovered.body" and err.value.code == "unknown_body"
    assert "county_construction (县（市、区）建设部门, county)" in text and "county_construction_two" in text
    assert "write the id" in text and "\n" not in text
    assert verdict(twin, BASE)  # the ids still work


def test_a_name_shared_across_levels_is_resolved_by_the_level_the_field_gives(policy: Policy) -> None:
    twin = _with_body(policy, id="city_construction_twin", level="city", parent=None)
    assert verdict(twin, rec(discovered__body="县（市、区）建设部门")) == verdict(twin, BASE)
    # (the media: the hotline is the county's, R20-7)
    at_city = rec(discovered__level="市", discovered__body="县（市、区）建设部门", discovered__channel="media",
                  handled=[])
    by_id = rec(discovered__level="city", discovered__body="city_construction_twin", discovered__channel="media",
                handled=[])
    assert verdict(twin, at_city) == verdict(twin, by_id)
    # concealed_by gives no level: both are named
    with pytest.raises(ProblemError, match=r"names 2 bodies: county_construction .*city_construction_twin"):
        twin.who_answers({**rec(discovered__channel="audit", discovered__level="province", discovered__body=None,
                                handled=[]), "concealed_by": ["县（市、区）建设部门"]})


@pytest.mark.parametrize(("path", "given", "words"), [
    ("discovered__body", "县建设部", "did you mean 'county_construction' (县（市、区）建设部门)?"),
    ("discovered__body", "County constructon bureau", "did you mean 'county_construction' (县（市、区）建设部门)?"),
    ("discovered__body", "完全不同", "the county level's: county_party_committee 县（市、区）党委"),
    ("handled__0__to_body", "乡镇府", "did you mean 'township_government' (乡镇（街道）)?"),
    ("sector", "县民政", "the department: 'county_civil_affairs' (县（市、区）民政局)"),
])
def test_an_unknown_body_name_is_hinted_with_id_and_chinese_name(policy: Policy, path: str, given: str,
                                                                 words: str) -> None:
    with pytest.raises(ProblemError) as err:
        policy.who_answers(rec(**{path: given}))
    assert err.value.field == path.replace("__0__", "[0].").replace("__", ".")
    assert words in str(err.value) and "rules/bodies" not in str(err.value)


def test_a_body_named_at_another_level_says_so(policy: Policy) -> None:
    with pytest.raises(ProblemError, match="province_construction' is at the province level") as err:
        policy.who_answers(rec(discovered__body="省建设厅"))
    assert err.value.code == "level_mismatch"


def test_who_reads_chinese_body_names_and_refuses_an_unknown_one_in_one_line(run_cli, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                            policy: Policy) -> None:
    good = tmp_path / "good.json"
    named = rec(discovered__body="县（市、区）建设部门", sector="县（市、区）建设部门")
    good.write_text(json.dumps(named, ensure_ascii=False), encoding="utf-8")
    code, out, err = run_cli("who", str(good), "--format", "json", "--engine", "compiled")
    assert code == 0, err
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(rec(discovered__body="县建设部"), ensure_ascii=False), encoding="utf-8")
    code, out, err = run_cli("who", str(bad))
    assert code == 2 and out == "" and "Traceback" not in err
    assert "discovered.body" in err and "county_construction" in err and "县（市、区）建设部门" in err


# ------------------------------------------------------------------ aliases (rules/vocabulary.yaml) and hints


@pytest.mark.parametrize(("path", "alias", "same"), [
    ("discovered__channel", "县长热线", "hotline"),
    ("discovered__channel", " 热线 ", "hotline"),
    ("discovered__channel", "市长热线", "hotline"),
    ("discovered__channel", "一户一策一干部", "one_household_one_cadre"),
    ("discovered__channel", "一户一策一干部制度", "one_household_one_cadre"),  # the name without its quotation marks
    ("discovered__channel", "１２３１７", "reporting_platform"),
    ("discovered__level", "县级", "county"),
    ("handled__0__to_level", "街道", "township"),
    ("handled__0__by_level", "县级市", "county"),
    ("area", "“危房改造”", "housing"),
])
def test_aliases_and_quoted_names_are_read_as_the_id(policy: Policy, path: str, alias: str, same: str) -> None:
    assert verdict(policy, rec(**{path: alias})) == verdict(policy, rec(**{path: same}))


def test_every_channel_word_the_ledger_mapping_reads_is_a_record_word(policy: Policy) -> None:
    # ledger/mapping.yaml's `values` and a record read the same words alike (newcomer8 item 9)
    import yaml

    from responsibility.engine._problem import ValueNames

    mapping = Path(__file__).resolve().parents[1] / "src" / "responsibility" / "ledger" / "mapping.yaml"
    values = yaml.safe_load(mapping.read_text(encoding="utf-8"))["values"]
    names = ValueNames.of(policy)
    for kind in ("channel", "severity"):
        for word, tid in values.get(kind, {}).items():
            assert names.canonical(kind, word) == tid, (kind, word)


@pytest.mark.parametrize(("path", "given", "words"), [
    ("discovered__channel", "县热线", "did you mean '县长热线' (县（市、区）长热线, hotline)?"),
    ("discovered__channel", "县（市、区）热线", "did you mean '县（市、区）长热线' (hotline)?"),
    ("discovered__channel", "某某", "use one of 全科网格 (grid), "),
    ("discovered__channel", "hotlin", "did you mean 'hotline'?"),
    ("discovered__level", "县里", "county)?"),
    ("area", "危房", "did you mean '危房改造' (housing)?"),
    ("severity", "轻微", "use one of 一般 (minor), 较重 (serious), 严重 (grave)"),
    ("severity", "重大", "use one of 一般 (minor), 较重 (serious), 严重 (grave)"),  # never guessed: 较重 or 严重?
    ("severity", "gravee", "did you mean 'grave'?"),
])
def test_a_value_that_names_nothing_is_hinted_in_its_own_language(policy: Policy, path: str, given: str,
                                                                  words: str) -> None:
    with pytest.raises(ProblemError) as err:
        policy.who_answers(rec(**{path: given}))
    assert words in str(err.value) and "\n" not in str(err.value)
    assert err.value.field == path.replace("__", ".")


def test_the_batch_reads_aliases_and_body_names_as_who_answers_does(policy: Policy) -> None:
    named = [rec(discovered__channel="县长热线", discovered__level="县级", discovered__body="县（市、区）建设部门",
                 handled__0__to_level="街道", handled__0__to_body="乡镇（街道）", sector="县(市、区)建设部门"),
             rec(discovered__body="县建设部")]
    a = policy.assess(named)
    assert len(a.findings) == len(policy.who_answers(named[0]).findings) and len(a.rejects) == 1
    assert "county_construction" in str(a.rejects.iloc[0].to_dict())


@pytest.mark.parametrize(("given", "meant"), [
    ("县财政", "county_finance"), ("县卫健", "county_health"), ("县住建", "county_construction"),
    ("住建局", "county_construction"), ("县统计局", None),
    ("县民宗局", "county_ethnic_religious"), ("县纪委", "county_discipline"), ("县医保局", "county_medical_insurance"),
    ("县水利局", "county_water"), ("县审计局", "county_audit"), ("县人社局", "county_hrss"),
    ("县扶贫", "county_poverty_office"), ("县民政", "county_civil_affairs"), ("乡镇政府", None),
    ("县局", None), ("某某部门", None), ("县部门", None),
])
def test_a_hint_names_the_body_of_the_same_line_of_work_or_none(policy: Policy, given: str, meant: str | None) -> None:
    # probe9 P9-V3: a hint that names another department is worse than none (the user may blame the wrong bureau)
    from responsibility.engine._problem import body_hint

    hint = body_hint(policy, given, "county")
    if meant is None:
        assert "did you mean" not in hint, hint
    else:
        assert "did you mean" in hint and meant in hint, hint
        assert "county_civil_affairs" not in hint or meant == "county_civil_affairs"


@pytest.mark.parametrize(("kind", "given", "found", "hint"), [
    ("area", "危房", None, "did you mean '危房改造' (housing)?"),
    ("area", "“危房改造”", "housing", ""),
    ("level", "街道", "township", ""),
    ("level", "县里", None, "county)?"),
    ("level", "countyy", None, "did you mean 'county'?"),
])
def test_an_option_names_a_term_as_a_record_does(policy: Policy, kind: str, given: str, found: str | None,
                                                 hint: str) -> None:
    # `ledger list --area 危房`, `graph --area`, `?area=` read through named_term (newcomer8 item 9)
    from responsibility.engine._problem import named_term

    got, said = named_term(policy, kind, given)  # type: ignore[arg-type]
    assert got == found and hint in said


@pytest.mark.parametrize(("alias", "body"), [
    ("县委", "county_party_committee"), ("县财政局", "county_finance"), ("县建设局", "county_construction"),
    ("县住建局", "county_construction"), ("县纪委", "county_discipline"), ("县医保局", "county_medical_insurance"),
])
def test_the_usual_names_of_county_bodies_are_their_aliases(policy: Policy, alias: str, body: str) -> None:
    # rules/bodies aliases: how people say the name (县财政局 is the text's own, 二(六)2(2))
    assert verdict(policy, rec(discovered__body=alias)) == verdict(policy, rec(discovered__body=body)) \
        if body.startswith("county_") else True


def test_a_rejected_chinese_value_is_shown_as_typed(policy: Policy) -> None:
    # review9b R9B-3: only control characters are escaped, Chinese stays as typed
    from responsibility.engine._problem import _show

    assert _show("县建设") == "县建设" and _show("县\x00建设") == "县\\x00建设"


# ------------------------------------------------------------------ a level word that names two levels (R9B-12)

JIANDE = "330182"  # 建德市, a county-level city of 杭州市


@pytest.mark.parametrize("changes", [
    {"discovered__level": "市", "discovered__body": "city_construction"},
    {"handled__0__by_level": "市"},
    {"handled__0__to_level": "市"},
    {"concealed_by": ["市"]},
])
def test_in_a_county_level_city_the_word_shi_is_refused(policy: Policy, changes: dict[str, Any]) -> None:
    record = rec(place=JIANDE + "001020", **changes) if "discovered__level" not in changes else \
        rec(place=JIANDE, handled=[], **changes)
    with pytest.raises(ProblemError) as info:
        policy.who_answers(record)
    field = next(iter(changes)).replace("__0__", "[0].").replace("__", ".")
    field = "concealed_by[0]" if field == "concealed_by" else field
    assert info.value.code == "ambiguous_level" and info.value.field == field, info.value
    assert "建德市" in str(info.value) and "'county'" in str(info.value) and "杭州市" in str(info.value)


def test_the_ids_and_other_places_are_read_as_before(policy: Policy) -> None:
    assert policy.who_answers(rec(place=JIANDE, handled=[], discovered__level="city", discovered__channel="media",
                                  discovered__body="city_construction"))  # (the hotline is the county's, R20-7)
    assert policy.who_answers(rec(place=JIANDE, handled=[], discovered__level="县级市", discovered__body=None))
    # 淳安县 is a county: 市 there is 杭州市
    chunan = policy.who_answers(rec(handled=[], discovered__level="市", discovered__channel="media",
                                    discovered__body="city_construction"))
    assert chunan.to_dict() == policy.who_answers(rec(handled=[], discovered__level="city", discovered__channel="media",
                                                      discovered__body="city_construction")).to_dict()


def test_assess_refuses_it_alike(policy: Policy) -> None:
    records = [rec(id="a", place=JIANDE, handled=[], discovered__level="市", discovered__body=None),
               rec(id="b", place=JIANDE, handled=[], discovered__level="county", discovered__body=None)]
    result = policy.assess(records)
    assert result.rejected == 1 and list(result.rejects["code"]) == ["ambiguous_level"]
    assert set(result.findings["problem"]) == {"b"}
