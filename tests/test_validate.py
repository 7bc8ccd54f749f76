"""Consistency checks: coverage of the text, levels named by items, responsibility vacuum."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

import responsibility
from responsibility.policy._validate import _numbered_items

RULES = Path(__file__).resolve().parents[1] / "rules"


def test_shipped_rules_are_clean() -> None:
    assert responsibility.validate(RULES) == []


def numbered_items() -> list[str]:
    policy = responsibility.load(RULES)
    return _numbered_items(policy, list(policy.data.meta.coverage))


def test_every_numbered_item_of_section_two_is_a_coverage_target() -> None:
    items = numbered_items()
    # 二(二) 1–5, 二(三) 1–7, 二(四) 1–8, 二(五) 1–5, 二(六) 5+4+5+7+6 sub-items
    assert len(items) == 5 + 7 + 8 + 5 + 27
    assert "二(六)4(2)" in items and "二(六)4" not in items


#: PyYAML's libyaml classes where it was built with them: the same documents as its pure-Python ones (the written
#: files are byte for byte the same), at a tenth of the time — reading and writing the areas in pure Python was ~0.5 of
#: the ~0.7 CPU s of each of the 52 cases below (suite38), the policy's own validation the rest.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


#: Each YAML file's parsed data and the duty ids it names, by its text: the 52 cases below read the same shipped files
#: and change a few of them; parsing every file afresh each time, and writing back the ones no deletion touches, was
#: about a third of a case's CPU (suite54).
_PARSED: dict[str, tuple[Any, frozenset[str]]] = {}
_STAGE_FIELDS = ("stages", "stages_without_kind", "line_named_only", "line_named_only_without_kind")
_PARAM_FIELDS = ("presses_only_acting", "presses_also_acting")


def _parsed(f: Path) -> tuple[Any, frozenset[str]]:
    """``f``'s data (shared: copy it before changing it) and every duty id it names."""
    text = f.read_text(encoding="utf-8")
    got = _PARSED.get(text)
    if got is None:
        data = yaml.load(text, Loader=_LOADER)
        named: set[str] = set()
        for d in data.get("duties", ()):
            named.add(d["id"])
        for holder in [data, *data.get("problem_kinds", [])]:
            for field in _STAGE_FIELDS:
                for ids in (holder.get(field) or {}).values():
                    named.update(ids)
        for p in data.get("parameters", ()):
            for field in _PARAM_FIELDS:
                named.update(p.get(field, ()))
        got = _PARSED[text] = (data, frozenset(named))
    return got


def drop_duties_citing(rules: Path, clause: str) -> int:
    """Delete every duty citing ``clause`` (and the stage references to them, in any area: a problem kind
    may list another area's duty, e.g. 二(二)1's discovery_village_find_fix). A file that names none of them is left
    as it is (it was written back unchanged, but for the dump's layout)."""
    files = {f: _parsed(f) for f in sorted((rules / "areas").glob("*.yaml"))}
    gone = {d["id"] for data, _ in files.values() for d in data["duties"] if d["clause"] == clause}
    for f, (shared, named) in files.items():
        if not gone & named:
            continue
        data = copy.deepcopy(shared)
        data["duties"] = [d for d in data["duties"] if d["id"] not in gone]
        for holder in [data, *data.get("problem_kinds", [])]:
            for field in _STAGE_FIELDS:
                for stage, ids in (holder.get(field) or {}).items():
                    holder[field][stage] = [i for i in ids if i not in gone]
        f.write_text(yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False), encoding="utf-8")
    # (a parameter names the duties its false narrows, presses_only_acting, or its true widens, presses_also_acting: a
    # reference to them as a stage's is; fid44, fid45b)
    pf = rules / "parameters.yaml"
    shared, named = _parsed(pf)
    if gone & named:
        params = copy.deepcopy(shared)
        for p in params["parameters"]:
            for field in _PARAM_FIELDS:
                if field in p:
                    p[field] = [i for i in p[field] if i not in gone]
        pf.write_text(yaml.dump(params, Dumper=_DUMPER, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return len(gone)


@pytest.mark.parametrize("clause", numbered_items())
def test_deleting_an_items_duties_fails_naming_the_clause(clause: str, rules_copy: Path) -> None:
    assert drop_duties_citing(rules_copy, clause) > 0
    issues = responsibility.validate(rules_copy)
    assert any(i.code == "uncovered" and f"clause {clause} " in i.message for i in issues), issues


def test_an_item_that_names_a_level_needs_a_holder_there(rules_copy: Path) -> None:
    f = rules_copy / "areas" / "housing.yaml"
    data = yaml.safe_load(f.read_text(encoding="utf-8"))
    for d in data["duties"]:
        if d["clause"] == "二(六)4(1)":
            d["holders"] = ["township_government"]
    f.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    issues = responsibility.validate(rules_copy)
    assert any(i.code == "level_gap" and "二(六)4(1)" in i.message and "village" in i.message for i in issues)


def issues_after(rules: Path, file: str, old: str, new: str, count: int = -1) -> list[responsibility.Issue]:
    """The issues of ``rules`` once ``old`` is replaced by ``new`` in ``file`` (``count`` times; -1: all)."""
    f = rules / file
    f.write_text(f.read_text(encoding="utf-8").replace(old, new, count), encoding="utf-8")
    return responsibility.validate(rules)


def test_annex_member_units_must_be_bodies(rules_copy: Path) -> None:
    issues = issues_after(rules_copy, "bodies/province.yaml", "name: 省林业局", "name: 省林业厅")
    assert any("省林业局" in i.message for i in issues)


def test_load_raises_with_every_issue(rules_copy: Path) -> None:
    (rules_copy / "areas" / "zz.yaml").write_text("id: zz\nname: x\n", encoding="utf-8")
    with pytest.raises(responsibility.RulesError) as exc:
        responsibility.load(rules_copy)
    assert exc.value.issues and "zz.yaml" in str(exc.value)
    assert isinstance(exc.value, ValueError)


def test_a_duty_quoting_its_own_line_must_be_scoped_to_it(rules_copy: Path) -> None:
    # 二(四)5 本部门扶贫领域资金: a duty whose quote says 本部门 answers for its holder's own line only.
    # (a 二(四)5 duty no kind's line_named_only names, which would be refused for that first: the first such duty
    # was this test's until fid54 named 二(四)5's management in funds_diverted's; the office's 二(四)4 duties before
    # them are own_sector too, with no 本部门; fid28b)
    f = rules_copy / "areas" / "funds.yaml"
    text = f.read_text(encoding="utf-8")
    at = text.index("  - id: funds_county_sectors_evaluate\n")
    f.write_text(text[:at] + text[at:].replace("    scope: own_sector\n", "", 1), encoding="utf-8")
    issues = responsibility.validate(rules_copy)
    assert any(i.code == "sector_scope" and "本部门" in i.message and "funds.yaml" in i.file
               and "funds_county_sectors_evaluate" in i.message for i in issues), issues


def test_a_level_with_a_duty_of_its_own_line_needs_a_role_body(rules_copy: Path) -> None:
    issues = issues_after(rules_copy, "bodies/city.yaml", "  role: true\n", "")
    assert any(i.code == "sector_scope" and "city level" in i.message for i in issues)


def test_a_duty_held_by_sector_needs_holders_with_a_sector(rules_copy: Path) -> None:
    # 二(六)2(2): each list is its department's; a holder without a sector would never be picked.
    issues = issues_after(rules_copy, "areas/education.yaml", "    holders: [county_civil_affairs]\n",
                          "    holders: [county_civil_affairs, county_sector_department]\n", 1)
    assert any(i.code == "sector_scope" and "county_sector_department" in i.message for i in issues)


def test_a_duty_switched_by_a_parameter_names_a_bool_parameter(rules_copy: Path) -> None:
    issues = issues_after(rules_copy, "areas/funds.yaml", "applies_if: lower_audit_answers_higher_find",
                          "applies_if: supervision_scope", 1)
    assert any(i.code == "unknown_ref" and "supervision_scope" in i.message and "funds.yaml" in i.file
               for i in issues)


def test_a_policy_problem_is_not_the_villages_to_discover(rules_copy: Path) -> None:
    # 一(一): 省市两级…主动发现政策举措、工作机制等方面问题; 二(二)1: the village finds the 具体问题 of the village.
    f = rules_copy / "areas" / "identification.yaml"
    data = yaml.safe_load(f.read_text(encoding="utf-8"))
    gap = next(k for k in data["problem_kinds"] if k["id"] == "identification_policy_gap")
    gap["stages"]["discovery"].insert(0, "discovery_village_find_fix")
    f.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    issues = responsibility.validate(rules_copy)
    assert any(i.code == "reach" and "identification_policy_gap" in i.message and "village_committee" in i.message
               for i in issues)


@pytest.mark.parametrize(("old", "new", "words"), [
    # an alias that is another channel's id, another's alias, or (width and space aside) another's name
    ("aliases: [网格]", "aliases: [网格, hotline]",
     "alias 'hotline' of channel 'grid' is also the id of channel 'hotline'"),
    ("aliases: [网格]", "aliases: [网格, 县长热线]", "alias '县长热线' of channel 'grid' is also the alias of channel"),
    ("aliases: [网格]", "aliases: [网格, ' 县(市、区)长热线']", "is also the Chinese name of channel 'hotline'"),
    ("aliases: [村级]", "aliases: [村级, 乡镇]",
     "alias '乡镇' of level 'village' is also the name of level 'township'"),
])
def test_an_alias_naming_another_term_is_refused_where_it_is(rules_copy: Path, old: str, new: str,
                                                             words: str) -> None:
    f = rules_copy / "vocabulary.yaml"
    text = f.read_text(encoding="utf-8")
    assert old in text
    f.write_text(text.replace(old, new, 1), encoding="utf-8")
    issues = [i for i in responsibility.validate(rules_copy) if i.code == "alias"]
    assert issues and words in issues[0].message, issues
    line = next(n for n, row in enumerate(f.read_text(encoding="utf-8").splitlines(), 1) if new in row)
    assert issues[0].file.endswith("vocabulary.yaml") and issues[0].line == line and issues[0].column > 1


def test_a_body_alias_is_checked_too_and_read_by_records(rules_copy: Path) -> None:
    f = rules_copy / "bodies" / "county.yaml"
    text = f.read_text(encoding="utf-8")
    name = "  name: 县（市、区）民政局\n"
    f.write_text(text.replace(name, f"{name}  aliases: [县民政, 县（市、区）财政部门]\n", 1), encoding="utf-8")
    (issue,) = [i for i in responsibility.validate(rules_copy) if i.code == "alias"]
    assert "of body 'county_civil_affairs' is also the Chinese name of body 'county_finance'" in issue.message
    f.write_text(text.replace("  name: 县（市、区）民政局\n", "  name: 县（市、区）民政局\n  aliases: [县民政]\n", 1),
                 encoding="utf-8")
    policy = responsibility.load(rules_copy)
    record = {"id": "a1", "area": "两不愁", "place": "330127100219", "sector": "县民政",
              "discovered": {"level": "县", "channel": "审计", "on": "2021-03-01"}, "as_of": "2021-06-30"}
    assert policy.who_answers(record).to_dict()["findings"] == \
        policy.who_answers({**record, "sector": "county_civil_affairs"}).to_dict()["findings"]


def test_a_clause_with_full_width_parentheses_is_the_clause(rules_copy: Path) -> None:
    # a Chinese typist writes 二（六）4（3）: read as 二(六)4(3), as quotes are compared width-blind
    f = rules_copy / "areas" / "housing.yaml"
    text = f.read_text(encoding="utf-8")
    assert "clause: 二(六)4(3)\n" in text
    f.write_text(text.replace("clause: 二(六)4(3)\n", "clause: 二（六）４（３）\n", 1), encoding="utf-8")
    assert responsibility.validate(rules_copy) == []
    policy = responsibility.load(rules_copy)
    (housing,) = [a for a in policy.data.areas if a.id == "housing"]
    assert "二(六)4(3)" in {d.clause for d in housing.duties}


@pytest.mark.parametrize(("holder", "words"), [
    ("县（市、区）建设部门", "holders take ids, not names: 县（市、区）建设部门 is the body county_construction"),
    ("县(市、区)建设部门", "is the body county_construction"),
    ("县建设部门", "县建设部门 is the body county_construction"),
    ("County construction bureau", "is the body county_construction"),
    ("County_Construction", "is the body county_construction"),
    ("乡镇（街道）", "is the body township_government or the level township"),
    ("某某部门", "'某某部门' is not an id: ids are lower-case ASCII letters"),
])
def test_a_holder_written_by_name_is_told_its_id_where_it_is(rules_copy: Path, holder: str, words: str) -> None:
    f = rules_copy / "areas" / "housing.yaml"
    text = f.read_text(encoding="utf-8")
    old = "holders: [county_construction]\n    kinds: [review_approval]"
    assert old in text
    f.write_text(text.replace(old, f"holders: ['{holder}']\n    kinds: [review_approval]", 1), encoding="utf-8")
    (issue,) = responsibility.validate(rules_copy)
    line = next(n for n, row in enumerate(f.read_text(encoding="utf-8").splitlines(), 1)
                if f"holders: ['{holder}']" in row)
    assert words in issue.message and "should match pattern" not in issue.message, issue.message
    assert issue.file.endswith("housing.yaml") and issue.line == line and issue.column > 1


def test_a_body_alias_that_is_another_bodys_name_without_parentheses_is_refused(rules_copy: Path) -> None:
    # B21-2: a record writing 县政府 names 县（市、区）政府; as the Party committee's alias it named the committee
    f = rules_copy / "bodies" / "county.yaml"
    text = f.read_text(encoding="utf-8")
    assert "  aliases: [县委]\n" in text
    f.write_text(text.replace("  aliases: [县委]\n", "  aliases: [县委, 县政府]\n", 1), encoding="utf-8")
    (issue,) = [i for i in responsibility.validate(rules_copy) if i.code == "alias"]
    assert "alias '县政府' of body 'county_party_committee' is also the name without parentheses of body " \
           "'county_government'" in issue.message
    line = next(n for n, row in enumerate(f.read_text(encoding="utf-8").splitlines(), 1) if "县政府]" in row)
    assert issue.file.endswith("county.yaml") and issue.line == line and issue.column > 1
    assert "remove it" in (issue.hint or "")


def test_a_relation_to_itself_or_given_twice_is_refused_where_it_is(rules_copy: Path) -> None:
    f = rules_copy / "relations.yaml"
    text = f.read_text(encoding="utf-8")
    row = ('  - {from: county_party_committee, to: county_government, type: leads, knows_together: true, '
           'clauses: ["二(一)", "二(一)1(1)", "二(二)4"]}\n')
    assert row in text
    self_row = '  - {from: county_government, to: county_government, type: leads, clauses: ["二(一)"]}\n'
    f.write_text(text.replace(row, row + self_row + row, 1), encoding="utf-8")
    rows = f.read_text(encoding="utf-8").splitlines()
    first = rows.index(row.rstrip("\n")) + 1
    issues = [i for i in responsibility.validate(rules_copy) if i.code == "relation"]
    assert len(issues) == 2, issues
    itself, twice = issues
    assert "relation 'leads' from body 'county_government' to itself" in itself.message
    assert itself.file.endswith("relations.yaml") and itself.line == first + 1 and itself.column > 1
    assert "from 'county_party_committee' to 'county_government' is given twice" in twice.message
    assert f"relations.yaml:{first})" in twice.message and twice.line == first + 2


def test_a_yaml_file_that_is_not_read_is_named(rules_copy: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    """review22b R22b-8: areas/water.yml, or areas/sub/water.yaml, was ignored and validate said OK: a new area
    saved so did not exist. Each is an issue naming the file."""
    (rules_copy / "areas" / "water2.yml").write_text((rules_copy / "areas" / "water.yaml").read_text("utf-8"),
                                                     encoding="utf-8")
    (rules_copy / "bodies" / "more").mkdir()
    (rules_copy / "bodies" / "more" / "x.yaml").write_text("bodies: []\n", encoding="utf-8")
    from responsibility.policy._loader import read_policy_dir

    unread = {Path(i.file).name: i for i in read_policy_dir(rules_copy).issues if i.code == "unread_file"}
    assert set(unread) == {"water2.yml", "x.yaml"}, unread
    assert "rename it water2.yaml" in unread["water2.yml"].hint and "subfolder" in unread["x.yaml"].message
    code, out, _ = run_cli("validate", str(rules_copy))
    assert code == 1 and "water2.yml: not read" in out and "x.yaml: not read" in out, out


def test_a_duplicate_duty_of_an_area_given_twice_names_the_other_file(rules_copy: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    """review22b R22b-8(b): with areas/water.yaml copied to water2.yaml, each duplicate duty said "(also at
    water2.yaml:11)", its own file: the location key of a duty was the area id and the duty's index, the same for
    both files. It names water.yaml now."""
    (rules_copy / "areas" / "water2.yaml").write_text((rules_copy / "areas" / "water.yaml").read_text("utf-8"),
                                                      encoding="utf-8")
    code, out, _ = run_cli("validate", str(rules_copy))
    dup = [line for line in out.splitlines() if "duplicate duty id" in line]
    assert code == 1 and dup, out
    for line in dup:
        assert "water2.yaml:" in line.split(" (also at")[0] and "(also at" in line, line
        assert "water.yaml:" in line.split(" (also at")[1] and "water2.yaml" not in line.split(" (also at")[1], line
