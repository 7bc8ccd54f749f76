"""check63's records written from the text before the library was run on them (session 62): 教育、健康、项目、资金、
识别、饮水、两不愁, the province's and city's own duties, the liability tiers of 一(四), and records the library must
refuse with the reason code docs/records.md gives (tests/from_text63_cases.py).

Each record is put to tests/from_text.py's check (the findings it requires and forbids, on both engines, which must
agree; the readings listed) and its clause and liability checks; a refused record to its reason code and field too.
The records the auditor judged the library to answer wrongly are run as the text requires and marked
``xfail(strict=True)`` with the disagreement (``DISAGREE``; /work/helpers/s62/check63-report.md): a fix that makes one
pass fails its strict xfail, and it moves into the run.
"""
# ruff: noqa: E501

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Policy

from .from_text import case_id, check, check_batch, check_clauses_and_liabilities, check_refusal, run_params
from .from_text63_cases import CASES

DISAGREE: dict[str, str] = {
    "FU8c": "check63 D1: funds_poor_performance at a township, no line, the province's 调研督导, under "
            "sectorless_alternatives=every_holder: the verdict names the county's 问题所属部门 once (二(四)4, 二(四)5 cited together), "
            "as under the default, and does not list the parameter, though 二(四)4 (县扶贫办: 对资金使用的绩效负责) and 二(四)5 "
            "(其他行业主管部门: 对资金使用绩效负责) are each a department's for its own money and the parameter's why says "
            "every_holder 'names each such department instead' (funds: '县扶贫办 and the other sector departments, 二(四)4–5'): "
            "县扶贫办 is not named (under-blame under the reading, and a listing gap: the reading is offered and does nothing)",
}
PARAMS = run_params(CASES, DISAGREE)


def test_every_case_is_named_once_and_every_disagreement_is_a_case() -> None:
    names = [case_id(c) for c in CASES]
    assert len(names) == len(set(names)) == 217
    assert DISAGREE.keys() <= set(names)


@pytest.mark.parametrize("case", PARAMS)
def test_a_record_from_the_text_gets_the_findings_the_text_requires(policy: Policy, case: dict[str, Any]) -> None:
    check(policy, case)
    check_clauses_and_liabilities(policy, case)
    check_refusal(policy, case)


@pytest.mark.slow  # (every record through both paths, a view per reading)
def test_the_batch_path_gives_what_who_answers_gives_on_every_record(policy: Policy) -> None:
    check_batch(policy, CASES)
