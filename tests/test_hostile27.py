"""Messages, the input contract and a newcomer's path (hostile27; session 26's note item 7, review26 "Smaller")."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from responsibility import Policy, RulesError

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "problems" / "housing-not-discovered.yaml"


def example() -> dict[str, Any]:
    return json.loads((ROOT / "examples" / "records" / "problem.json").read_text(encoding="utf-8"))


# ---------------------------------------------------------------- 1. a refused choice is listed as 中文（id）


@pytest.mark.parametrize(("given", "meant"), [("all_level", "以上各级（all_levels）"),
                                              ("各级", "以上各级（all_levels）"), ("nowhere", None)])
def test_a_refused_choice_lists_the_choices_as_chinese_output_writes_them(policy: Policy, given: str,
                                                                          meant: str | None) -> None:
    """The verdict writes a choice as 以上各级（all_levels）, and --set takes either part back (6da341b); a wrong value
    was refused with the ids alone (own_and_level_above, next_level …), and a Chinese guess got no "did you mean"."""
    with pytest.raises(RulesError) as e:
        policy.with_parameters(supervision_scope=given)
    text = str(e.value)
    assert ("takes one of its choices: 本级及上一级（own_and_level_above）, 仅最近一级（next_level）, "
            "以上各级（all_levels）, 不追究（none）; got " + repr(given)) in text, text
    assert (f"did you mean {meant!r}?" in text) if meant else "did you mean" not in text, text


def test_a_refused_choice_on_the_command_line_lists_the_chinese_names(run_cli: Any) -> None:
    code, out, err = run_cli("who", str(EXAMPLE), "--set", "督促整改责任的范围=各级")
    assert code == 2 and out == "" and "Traceback" not in err
    assert "以上各级（all_levels）, 不追究（none）; got '各级' (did you mean '以上各级（all_levels）'?" in err, err
