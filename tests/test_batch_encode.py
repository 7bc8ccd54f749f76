"""Column-wise reading of records (batch/_encode.py): what is read from the bytes of a text column."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

TEXT = st.text(st.characters(codec="utf-8") | st.sampled_from("\x00\x1f\x7f\x80\x85\x9f\u200b\u3000Ａ a"), max_size=12)


@settings(deadline=None)
@given(st.lists(TEXT, max_size=30), st.integers(0, 5), st.integers(0, 5))
def test_byte_facts_of_a_text_column_equal_pythons(texts: list[str], lo: int, hi: int) -> None:
    import pyarrow as pa

    from responsibility.batch._encode import _byte_facts

    column = pa.array(texts, pa.string()).slice(lo, max(len(texts) - lo - hi, 0))  # a slice has an offset
    values = column.to_pylist()
    ascii_, control, nbytes = _byte_facts(column)
    assert ascii_.tolist() == [t.isascii() for t in values]
    assert control.tolist() == [any(ord(c) < 0x20 or ord(c) == 0x7F for c in t) for t in values]
    assert nbytes.tolist() == [len(t.encode()) for t in values]
