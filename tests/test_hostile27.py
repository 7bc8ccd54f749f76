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


# ---------------------------------------------------------------- 2. a parameter with its value, never a repr


def test_routes_readings_give_each_parameter_its_value(run_cli: Any) -> None:
    """The who table's 依据解释 writes 及时交办和上报时限（天）=10; the route's named the parameters without their
    values (及时交办和上报时限（天）（handling_time_limit_days）), and its English line the ids alone."""
    code, out, _ = run_cli("route", str(EXAMPLE))
    line = next(x for x in out.splitlines() if x.strip().startswith("依据解释"))
    assert code == 0 and "及时交办和上报时限（天）=10；整改时限（天，未设整改期限时）=30；" in line, line
    assert "记录未写明接收机构时的交办上报责任单位=未确定（unresolved）" in line, line
    code, out, _ = run_cli("route", str(EXAMPLE), "--lang", "en")
    line = next(x for x in out.splitlines() if "rests on" in x)
    assert code == 0 and "handling_time_limit_days=10, rectification_time_limit_days=30" in line, line


def test_a_policy_in_a_notebook_shows_each_parameter_by_name_and_value(policy: Policy) -> None:
    """Policy._repr_html_ listed the values as Python reprs ('own_and_level_above', False, 'grave')."""
    page = policy.with_parameters(supervision_scope="all_levels")._repr_html_()
    assert "<td>督促整改责任的范围</td><td>以上各级（all_levels） <b>(what-if; rules: " \
        "本级及上一级（own_and_level_above）)</b></td><td><code>supervision_scope</code></td>" in page, page
    assert "<td>追究领导责任的严重程度</td><td>严重（grave）</td>" in page
    assert "<td>本方案施行日期</td><td>座谈会讲话之日（2020-03-06）</td>" in page
    assert "<td>外部渠道发现时本级是否属于应发现而未发现</td><td>否（false）</td>" in page
    assert "&#x27;" not in page and "False" not in page and "True" not in page
