"""An amendment broken in the obvious ways: each mistake located in the amendment, with what to do (hostile25)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import responsibility
from responsibility import Issue

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "policy-changes" / "rural-revitalisation-2021" / "amendments" / \
    "rural-revitalisation-2021.yaml"
TEXT = EXAMPLE.read_text(encoding="utf-8")


def amended(rules: Path, old: str, new: str) -> Path:
    assert old in TEXT
    (rules / "amendments").mkdir()
    target = rules / "amendments" / "x.yaml"
    target.write_text(TEXT.replace(old, new, 1), encoding="utf-8")
    return target


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def issues_of(rules: Path) -> list[Issue]:
    return responsibility.validate(rules)


@pytest.mark.parametrize(("old", "new", "needle", "said", "hint"), [
    # a new body's level or parent was located at policy.yaml:2:1 (the amendment added the body: no place of its own)
    ("      level: city\n", "      level: citty\n", "level: citty", "unknown level 'citty'", "did you mean 'city'?"),
    ("      parent: city_leading_group", "      parent: city_leading_grp", "parent: city_leading_grp",
     "unknown body 'city_leading_grp'", "did you mean 'city_leading_group'?"),
    # a change's clause was not checked: an unknown one was taken and cited by every finding on the new body
    ("    clause: 示例2021(二)", "    clause: 示例2021(九)", "clause: 示例2021(九)",
     "clause '示例2021(九)' is not a clause of the amendment's source", "did you mean '示例2021(二)'?"),
    # a mistyped change key gave a dozen issues, one per field of each kind of change ('changes.1.SetParameter.value')
    ("  - replace_body: city_poverty_office", "  - replace_bdy: city_poverty_office", "replace_bdy",
     "changes[1]: a change that gives none of replace_body, set_parameter, end_duty, add_duty",
     "did you mean 'replace_body'?"),
    ("  - replace_body: city_poverty_office", "  - end_duty: x\n    replace_body: city_poverty_office", "end_duty: x",
     "changes[1]: a change that gives several kinds", "split it into 2 entries"),
    # pydantic's words: "Input should be a valid date or datetime, input is too short"
    ("effective_from: 2021-06-01", "effective_from: June 2021", "effective_from",
     "field 'effective_from': 'June 2021' is not a date", "YYYY-MM-DD"),
])
def test_a_broken_amendment_is_one_issue_at_its_line(rules_copy: Path, old: str, new: str, needle: str, said: str,
                                                     hint: str) -> None:
    target = amended(rules_copy, old, new)
    issues = issues_of(rules_copy)
    assert len(issues) == 1, [str(i) for i in issues]
    issue = issues[0]
    assert issue.file.endswith("x.yaml") and said in issue.message and hint in issue.hint, str(issue)
    assert issue.line == line_of(target.read_text(encoding="utf-8"), needle), str(issue)


def test_a_duty_an_amendment_adds_is_located_at_its_change(rules_copy: Path) -> None:
    change = ("  - add_duty:\n"
              "      id: funds_county_rural_revitalisation_check\n"
              "      holders: [county_rural_revitalisaton]\n"
              "      kinds: [supervision]\n"
              "      quote: 原扶贫办承担的扶贫领域问题发现和整改等职责由乡村振兴局承担\n"
              "      en: the bureau takes over\n"
              "      clause: 示例2021(一)\n"
              "    area: funds\n"
              "    clause: 示例2021(一)\n")
    city = "  - replace_body: city_poverty_office"
    target = amended(rules_copy, city, change + city)
    issues = [i for i in issues_of(rules_copy) if "county_rural_revitalisaton" in i.message]
    assert issues and all(i.file.endswith("x.yaml") for i in issues), [str(i) for i in issues]
    assert issues[0].line >= line_of(target.read_text(encoding="utf-8"), "add_duty:"), str(issues[0])


def test_an_amendment_dated_before_the_policy_is_reported_with_every_other_issue(rules_copy: Path) -> None:
    """An amendment's date was checked only once the base policy read whole (the amendment was applied then, and
    not at all while another file was broken): a date before the policy is in force is now its own issue, located,
    in the same run as a broken area file."""
    target = amended(rules_copy, "effective_from: 2021-06-01", "effective_from: 2010-06-01")
    with (rules_copy / "areas" / "housing.yaml").open("a", encoding="utf-8") as f:
        f.write("x: [\n")
    issues = issues_of(rules_copy)
    dated = [i for i in issues if i.code == "bad_date"]
    assert any(i.code == "yaml_syntax" and i.file.endswith("housing.yaml") for i in issues), [str(i) for i in issues]
    assert len(dated) == 1 and dated[0].file.endswith("x.yaml"), [str(i) for i in issues]
    assert dated[0].line == line_of(target.read_text(encoding="utf-8"), "effective_from")
    assert "effective_from 2010-06-01 is before the policy it amends is in force (2020-01-01" in dated[0].message


def test_the_example_amendment_still_applies(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    shutil.copytree(EXAMPLE.parent, rules / "amendments")
    assert issues_of(rules) == []
    assert "county_rural_revitalisation" in responsibility.load(rules).bodies
