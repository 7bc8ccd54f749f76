"""check66's records written from the text before the library was run on them (session 64): the edges of this
session's three readings — reported_on_by (a village or township whose part in a not-reported kind is to report it
on: 危房未及时发现上报, 饮水安全问题未及时上报, 应报未报), fid65's open window for a level that can put a kind right itself
(check62 X2, self_rectified_report_required), and concealing_body_partner_knew (a level's Party organisation and
government know together; departments are not joined) — by kind, level and day, assigned against self-found, late
reports, pass-downs, neighbouring own-fix kinds, concealment by each leading pair and by departments, and both values
of the parameters (tests/from_text66_cases.py).

Each record is put to tests/from_text.py's check (the findings it requires and forbids, on both engines, which must
agree; the readings listed) and its clause and liability checks; a refused record to its reason code and field too.
The records the auditor judged the library to answer wrongly are run as the text requires and marked
``xfail(strict=True)`` with the disagreement (``DISAGREE``; /work/helpers/s64/check66.md).
"""
# ruff: noqa: E501

from __future__ import annotations

from typing import Any

import pytest

from responsibility import Policy

from .from_text import case_id, check, check_batch, check_clauses_and_liabilities, check_refusal, run_params
from .from_text66_cases import CASES

DISAGREE: dict[str, str] = {
    "PD3": "二(三)1 村…确保…应报尽报, 二(三)3 县民政局…纳入低收入农户: a township that hands an omitted household it found to its "
           "village puts nothing right (the village only reports it back) — as for a house (PD2, 二(六)4(1) 协助), the hand-down is "
           "no disposal and the township answers 一(四) 没有按程序及时交办和上报的 past its 10 days; the library reads the village as "
           "a rectifier here though reported_on_by reads it as none where it found the household itself (RV3)",
    "PE1": "PD3 on day 45: the village is named 整改不到位 citing 二(三)1 (应报尽报), a household it cannot include (二(三)3 "
           "县民政局…纳入), and the township only 指导督促 — the township should answer 一(四) 没有按程序及时交办和上报的 (over-blame of "
           "the village, under-blame of the township)",
    "PE3": "as AS4 for a house: a township handed an omitted household by the county that passes it to its village (which "
           "cannot include it, 二(三)1 vs 二(三)3) remains the assignee, 一(四) 对交办问题整改落实不到位的; the library names the "
           "village 整改不到位 and the township only 指导督促",
}
PARAMS = run_params(CASES, DISAGREE)


def test_every_case_is_named_once_and_every_disagreement_is_a_case() -> None:
    names = [case_id(c) for c in CASES]
    assert len(names) == len(set(names)) == 128
    assert DISAGREE.keys() <= set(names)


@pytest.mark.parametrize("case", PARAMS)
def test_a_record_from_the_text_gets_the_findings_the_text_requires(policy: Policy, case: dict[str, Any]) -> None:
    check(policy, case)
    check_clauses_and_liabilities(policy, case)
    check_refusal(policy, case)


@pytest.mark.slow  # (every default-reading record through both paths)
def test_the_batch_path_gives_what_who_answers_gives_on_every_default_reading_record(policy: Policy) -> None:
    """The records read under the default reading only: a view per parameter value costs its batch plan to build
    (the batch path under those values is the batch tests' own)."""
    check_batch(policy, [c for c in CASES if not c["params"]])
