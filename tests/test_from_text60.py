"""check60's records written from the text before the library was run on them (session 60): what 浙扶贫〔2020〕1号
forbids naming, across the nine duty areas and five levels (tests/from_text60_cases.py).

Each record is put to tests/from_text.py's check (the findings it requires and forbids, on both engines, which must
agree; the readings listed), and to two checks of its own: a finding's clauses (``cl``: a finding must cite the clause
that gives its body the duty, and not another body's) and the liabilities no finding may carry (``fl``: the unit or the
leaders where 一(四) 根据情形严重和不良后果程度 does not reach them at the record's severity). The records the auditor
judged the library to answer wrongly are run as the text requires and marked ``xfail(strict=True)`` with the
disagreement's id (``DISAGREE``; /work/helpers/s60/check60-report.md): a fix that makes one pass fails its strict
xfail, and it moves into the run.
"""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Policy

from .from_text import case_id, check, check_batch, check_clauses_and_liabilities, run_params
from .from_text60_cases import CASES

# check60 OB1 (OX19, OX23) was read as report_to_oversight's documented default (see the cases); CL1 (OB3, OB15) was
# mended in engine/_decide (Decider._lines_stood_for). Nothing left disagreeing.
DISAGREE: dict[str, str] = {}
PARAMS = run_params(CASES, DISAGREE)




def test_every_case_is_named_once_and_every_disagreement_is_a_case() -> None:
    names = [case_id(c) for c in CASES]
    assert len(names) == len(set(names)) == 195
    assert DISAGREE.keys() <= set(names)


@pytest.mark.parametrize("case", PARAMS)
def test_a_record_from_the_text_gets_the_findings_the_text_requires(policy: Policy, case: dict[str, Any]) -> None:
    check(policy, case)
    check_clauses_and_liabilities(policy, case)


@pytest.mark.slow  # (every record through both paths, a view per reading: 3 to 15 CPU s)
def test_the_batch_path_gives_what_who_answers_gives_on_every_record(policy: Policy) -> None:
    check_batch(policy, CASES)
