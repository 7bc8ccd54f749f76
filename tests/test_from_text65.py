"""check65's records written from the text before the library was run on them (session 64): the county across every
duty area — each department the text names in 二(三)–二(六), the water 县级统管单位 and the school failing its own duty;
the county Party committee's and government's 主体责任 and 统筹 duties with the liability tiers of 一(四); 瞒报漏报 at the
county and its departments; escalation beyond the county's authority (一(三), 二(二)5 共性问题) and the province's and
city's response; outside channels and oversight bodies finding county problems; records at real division codes of
缙云县, 诸暨市 and 平阳县 and at the default example's 淳安县; and county records read under a parameter's other value
(tests/from_text65_cases.py).

Each record is put to tests/from_text.py's check (the findings it requires and forbids, on both engines, which must
agree; the readings listed) and its clause and liability checks; a refused record to its reason code and field too.
The records the auditor judged the library to answer wrongly are run as the text requires and marked
``xfail(strict=True)`` with the disagreement (``DISAGREE``; /work/helpers/s64/check65.md): a fix that makes one pass
fails its strict xfail, and it moves into the run.
"""
# ruff: noqa: E501

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Policy

from .from_text import case_id, check, check_batch, check_clauses_and_liabilities, check_refusal, run_params
from .from_text65_cases import CASES

DISAGREE: dict[str, str] = {}
PARAMS = run_params(CASES, DISAGREE)


def test_every_case_is_named_once_and_every_disagreement_is_a_case() -> None:
    names = [case_id(c) for c in CASES]
    assert len(names) == len(set(names)) == 183
    assert DISAGREE.keys() <= set(names)


@pytest.mark.parametrize("case", PARAMS)
def test_a_record_from_the_text_gets_the_findings_the_text_requires(policy: Policy, case: dict[str, Any]) -> None:
    check(policy, case)
    check_clauses_and_liabilities(policy, case)
    check_refusal(policy, case)


@pytest.mark.slow  # (every default-reading record through both paths)
def test_the_batch_path_gives_what_who_answers_gives_on_every_default_reading_record(policy: Policy) -> None:
    """The records read under the default reading only (143 of 175): the 32 read under a parameter's other value need
    a view each, and the batch plan of most such views costs ~0.9 CPU s to build (30 views, ~15 CPU s run alone; all
    passed when run once, /work/helpers/s64/check65.md) — the batch path under those values is the batch tests' own."""
    check_batch(policy, [c for c in CASES if not c["params"]])
