"""check55's records written from section 二 of the text before the library was run on them (session 55): each
requires and forbids findings as a careful reading of its clause does, on both engines, which must agree, and the
batch path (``Policy.assess``) must give what ``who_answers`` gives.

The six records whose expectation was the auditor's own reading where the text leaves room (check55.md "My
expectation was wrong, or the text leaves room") are not run: BN8/BN9 (the village and township following their
households in real time, 二(二)1–2, may see that no cadre comes), ID5/ID6 (县民政局's 信息核对 duty, not
review_answers_for_false_materials, answers for false materials), ID7 (县民政局 beside 县扶贫办 for pushed information,
a judgement), P1 (only the nearest level above the assignee presses under supervision_scope's default).
"""

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Policy

from .from_text import case_id, check, check_batch
from .from_text55_cases import CASES

LEFT_TO_THE_TEXT = {"BN8", "BN9", "ID5", "ID6", "ID7", "P1"}
RUN = [c for c in CASES if case_id(c) not in LEFT_TO_THE_TEXT]


def test_every_case_is_run_but_the_six_left_to_the_text() -> None:
    assert len(CASES) == 134 and len(RUN) == 128


@pytest.mark.parametrize("case", RUN, ids=case_id)
def test_a_record_from_the_text_gets_the_findings_the_text_requires(policy: Policy, case: dict[str, Any]) -> None:
    check(policy, case)


@pytest.mark.slow  # (every record through both paths, a view per reading: 3 to 15 CPU s)
def test_the_batch_path_gives_what_who_answers_gives_on_every_record(policy: Policy) -> None:
    check_batch(policy, CASES)
