"""The summary form of an impact diff: counts, then the largest groups, always under its size limit.

The shipped 2021 example's own summary (its full markdown is 1.3 MB) is checked where the CI
recipe writes it to a step summary (tests/test_ci_recipe.py).
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from responsibility.checks._diff import SUMMARY_LIMIT, AnswerChange, DataChange, Diff, ScenarioChange

DAY = dt.date(2021, 6, 1)


def finding(body: str, n: int = 3) -> tuple[object, ...]:
    return ("county", body, "supervision", "staff", tuple(f"二(二){i}" for i in range(n)))


def big_diff(groups: int, per_group: int = 3, width: int = 3) -> Diff:
    answers = []
    for g in range(groups):
        for i in range(per_group if g else per_group * 10):  # group 0 is the largest
            answers.append(AnswerChange(DAY if g % 2 else None,
                                        {"area": "housing" if g % 3 else "water", "kind": None, "place": "village",
                                         "fact": "unrectified", "level": "county", "n": i},
                                        {}, tuple(finding(f"new_body_{g}_{k}", width) for k in range(width)),
                                        tuple(finding(f"old_body_{g}", width) for _ in range(1))))
    data = tuple(DataChange("duty", f"duty_{i}", "added" if i % 2 else "changed") for i in range(40))
    scenarios = tuple(ScenarioChange(f"场景{i}", f"s.yaml:{i}", ("a staff",), ()) for i in range(30))
    return Diff(data, tuple(answers), scenarios, shapes=10 * len(answers))


def test_summary_counts_then_the_largest_groups() -> None:
    d = big_diff(100)
    text = d.to_summary(groups=5)
    lines = text.splitlines()
    assert lines[0] == "## Policy impact (summary)"
    assert f"40 data change(s); {len(d.answers)} changed answer shape(s) out of {10 * len(d.answers)} compared; " \
           "30 changed scenario(s) of 30 compared." in text
    assert "| duty | 20 | 0 | 20 |" in text
    # by area and day: water groups are every third one
    assert "| on 2021-06-01 | housing |" in text and "| any day | water |" in text
    assert "### The largest groups (5 of 100;" in text
    rows = [ln for ln in lines if ln.startswith("| ") and "new_body_" in ln]
    assert len(rows) == 5 and "new_body_0_0" in rows[0] and rows[0].split(" | ")[1] == "30"
    assert "new_body_99_0" not in text
    assert "95 more group(s) and 25 more scenario(s) not shown" in text
    assert len(text.encode("utf-8")) < d.to_markdown().encode("utf-8").__len__()


def test_summary_of_an_empty_diff_says_so() -> None:
    text = Diff((), (), (), shapes=7).to_summary()
    assert "0 changed answer shape(s) out of 7 compared" in text and "###" not in text
    assert "no scenario compared (--scenarios PATH)" in text and "0 changed scenario" not in text


@settings(max_examples=20, deadline=None)
@given(groups=st.integers(0, 200), width=st.integers(1, 40), limit=st.integers(2_000, 200_000))
def test_summary_never_exceeds_its_limit(groups: int, width: int, limit: int) -> None:
    d = big_diff(groups, per_group=1, width=width)
    text = d.to_summary(groups=groups, limit=limit)
    assert len(text.encode("utf-8")) <= limit
    assert text.startswith("## Policy impact (summary)")
    if groups:
        assert "changed answer shape(s)" in text.splitlines()[2]


def test_default_limit_is_far_below_a_step_summary() -> None:
    assert SUMMARY_LIMIT <= 1024 * 1024 // 8
    text = big_diff(3000, per_group=1, width=12).to_summary(groups=3000)
    assert len(text.encode("utf-8")) <= SUMMARY_LIMIT and "cut here to stay under the size limit" in text
