"""Consistency checks: coverage of the text, levels named by items, responsibility vacuum."""

from __future__ import annotations

from pathlib import Path

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


def drop_duties_citing(rules: Path, clause: str) -> int:
    """Delete every duty citing ``clause`` (and the stage references to them)."""
    dropped = 0
    for f in sorted((rules / "areas").glob("*.yaml")):
        data = yaml.safe_load(f.read_text(encoding="utf-8"))
        gone = {d["id"] for d in data["duties"] if d["clause"] == clause}
        if not gone:
            continue
        dropped += len(gone)
        data["duties"] = [d for d in data["duties"] if d["id"] not in gone]
        for holder in [data, *data.get("problem_kinds", [])]:
            for stage, ids in (holder.get("stages") or {}).items():
                holder["stages"][stage] = [i for i in ids if i not in gone]
        f.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return dropped


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


def test_annex_member_units_must_be_bodies(rules_copy: Path) -> None:
    f = rules_copy / "bodies" / "province.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("name: 省林业局", "name: 省林业厅"), encoding="utf-8")
    issues = responsibility.validate(rules_copy)
    assert any("省林业局" in i.message for i in issues)


def test_load_raises_with_every_issue(rules_copy: Path) -> None:
    (rules_copy / "areas" / "zz.yaml").write_text("id: zz\nname: x\n", encoding="utf-8")
    with pytest.raises(responsibility.RulesError) as exc:
        responsibility.load(rules_copy)
    assert exc.value.issues and "zz.yaml" in str(exc.value)
    assert isinstance(exc.value, ValueError)
