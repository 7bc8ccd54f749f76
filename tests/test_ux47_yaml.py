"""A tab in a YAML file's indentation below a folded text with a '：' (ux47; the patch ux47-yaml-tab.patch)."""

from __future__ import annotations

import pytest

from responsibility._errors import RulesError
from responsibility.policy._yaml import parse_yaml


def test_a_tab_is_told_as_a_tab_not_as_the_colon_of_the_text_above() -> None:
    text = "parameters:\n  - id: a\n    why_zh: >-\n      方案未写明印发日期：文号定于2020年\n\t- id: b\n"
    with pytest.raises(RulesError) as caught:
        parse_yaml(text, "p.yaml")
    (issue,) = caught.value.issues
    assert (issue.line, issue.column) == (5, 1)
    assert issue.message == "YAML syntax error: YAML does not allow tabs for indentation"


def test_a_full_width_colon_is_still_told_so() -> None:
    with pytest.raises(RulesError) as caught:
        parse_yaml("a: 1\nb：2\nc: 3\n", "p.yaml")
    assert "full-width" in caught.value.issues[0].message
