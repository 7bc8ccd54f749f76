"""Normalisation of punctuation and page breaks, in one place."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from responsibility.policy._text import contains_quote, normalise


def test_full_and_half_width_forms_compare_equal() -> None:
    assert normalise("(3) 县(市、区)建设部门: 负责") == normalise("（3）县（市、区）建设部门：负责")


def test_page_break_whitespace_is_ignored() -> None:
    assert contains_quote("负责对本级财政专项扶贫资金预\n\n算安排", "资金预算安排")


def test_a_different_word_is_not_a_quote() -> None:
    assert not contains_quote("对入户核实的申请材料的真实性负责", "对申请材料的准确性负责")


# What policy texts are made of: CJK ideographs, ASCII, and both widths of punctuation. (Arbitrary
# Unicode is not: combining marks and Hangul jamo can fuse with a neighbour across a cut.)
TEXT = st.text(alphabet=st.sampled_from(
    [chr(c) for c in range(0x20, 0x7F)] + list("“”‘’（），：；？！、。〔〕《》\n\u3000")
    + [chr(c) for c in range(0x4E00, 0x4E00 + 500)]))


@given(st.text())
def test_normalise_is_idempotent(text: str) -> None:
    assert normalise(normalise(text)) == normalise(text)


@given(TEXT, TEXT, TEXT)
def test_any_substring_is_a_quote(a: str, b: str, c: str) -> None:
    assert contains_quote(a + b + c, b)
