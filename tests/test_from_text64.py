"""check64's records written from the text before the library was run on them (session 63): the township's own duties
in each area of 二 and where the text gives it none, its 发现/整改 and 及时上报, what it must report up because it cannot
dispose of it (一(三)), a township sitting on what its village reported, 瞒报漏报 at the township, the liability tiers of
its staff, unit and leaders; the city's and the province's own bodies and what they must not be blamed for; problems a
higher level's inspection, audit, hotline or the media brought to light; and records whose right answer names nobody at
some level (tests/from_text64_cases.py).

Each record is put to tests/from_text.py's check (the findings it requires and forbids, on both engines, which must
agree; the readings listed) and its clause and liability checks; a refused record to its reason code and field too.
The records the auditor judged the library to answer wrongly are run as the text requires and marked
``xfail(strict=True)`` with the disagreement (``DISAGREE``; /work/helpers/s63/check64.md): a fix that makes one pass
fails its strict xfail, and it moves into the run.
"""
# ruff: noqa: E501

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Policy

from .from_text import case_id, check, check_batch, check_clauses_and_liabilities, check_refusal, run_params
from .from_text64_cases import CASES

DISAGREE: dict[str, str] = {
    "CY26": "check64 D2: basic_needs_direct_help_missing at a village, the city's 调研督导 assigns it straight to the "
            "township (no step to the county), deadline 03-31, the township sits to 04-30: the verdict names the county's "
            "Party committee and government supervision (二(二)4) — a level the record never shows having the problem — and "
            "no city body, though the city found it and made the 交办 (二(二)5 省市有关部门…负责指导督促基层问题发现和整改; "
            "三(三) 要督促问题整改落实到位). supervision_scope's own why says 'a city cannot press what it was never shown'; "
            "the same holds for the county, which 三(二) 一级抓一级 puts in the chain only when the chain runs through it. "
            "Under no value of supervision_scope is the assigning city named without the never-told county (all_levels "
            "adds the city and the province's office, which was never shown it either). The text requires the city to "
            "press and forbids the county's 指导督促不到位 for an assignment it never had",
}
PARAMS = run_params(CASES, DISAGREE)


def test_every_case_is_named_once_and_every_disagreement_is_a_case() -> None:
    names = [case_id(c) for c in CASES]
    assert len(names) == len(set(names)) == 200
    assert DISAGREE.keys() <= set(names)


@pytest.mark.parametrize("case", PARAMS)
def test_a_record_from_the_text_gets_the_findings_the_text_requires(policy: Policy, case: dict[str, Any]) -> None:
    check(policy, case)
    check_clauses_and_liabilities(policy, case)
    check_refusal(policy, case)


@pytest.mark.slow  # (every record through both paths, a view per reading)
def test_the_batch_path_gives_what_who_answers_gives_on_every_record(policy: Policy) -> None:
    check_batch(policy, CASES)
