"""Column-wise reading of records (batch/_encode.py): what is read from the bytes of a text column."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from responsibility import Jurisdiction, Policy

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


def test_columns_read_as_dictionaries_code_as_plain_text_does(tmp_path: Path, policy: Policy,
                                                              province: Jurisdiction) -> None:
    """A Parquet ledger whose text columns are read as dictionaries (each distinct text looked up
    once) codes every record as the same file read as plain text does, odd values included."""
    import dataclasses

    import numpy as np
    import pandas as pd
    import pyarrow.parquet as pq

    from responsibility.batch._assessor import make_assessor
    from responsibility.batch._encode import encode_arrow

    from .test_batch import ledger

    records = [{k: v for k, v in r.items() if v is not None} for r in ledger(policy, province, 300, seed=21)]
    for r, odd in zip(records[::25], ("housng", "ｈｏｕｓｉｎｇ", " housing", "", "housing"), strict=False):
        r["domain"] = odd
        r["severity"] = odd
    src = tmp_path / "in.parquet"
    pd.DataFrame(records).to_parquet(src)
    names = ["domain", "kind", "place", "severity", "discovered.level", "discovered.channel", "discovered.body",
             "handled.list.element.action", "handled.list.element.by_level", "handled.list.element.to_level",
             "handled.list.element.to_body", "concealed_by.list.element"]
    plain = pq.ParquetFile(src).read()
    coded = pq.ParquetFile(src, read_dictionary=names).read()
    assert str(coded.schema.field("place").type).startswith("dictionary")
    t = make_assessor(policy, province).t  # type: ignore[arg-type]
    a, b = encode_arrow(plain, t), encode_arrow(coded, t)
    for f in dataclasses.fields(a):
        x, y = getattr(a, f.name), getattr(b, f.name)
        if f.name == "ids":
            assert x.equals(y)
        else:
            assert np.array_equal(np.asarray(x), np.asarray(y)), f.name
    assert a.slow.any()  # the odd values are read as plain text reads them: slow


def test_a_float_nan_in_an_arrow_date_column_is_a_number_as_in_json(policy: Policy) -> None:
    """docs/records.md: a number is never read as a date. An Arrow (Parquet, polars) float NaN is
    a value, refused as JSON's NaN is; pandas' NaN is a null once the frame is an Arrow table."""
    import numpy as np
    import pandas as pd
    import pyarrow as pa

    record = {"id": "a", "area": "housing", "place": "330127100219"}
    table = pa.table({**{k: [v] for k, v in record.items()}, "as_of": pa.array([float("nan")])})
    got = policy.assess(table)
    from_json = policy.assess([{**record, "as_of": float("nan")}])
    assert got.rejected == from_json.rejected == 1
    (row,) = got.rejects.to_dict("records")
    (same,) = from_json.rejects.to_dict("records")
    assert (row["field"], row["code"]) == (same["field"], same["code"]) == ("as_of", "bad_date")
    assert "nan" in row["reason"] and row["reason"] == same["reason"]
    frame = policy.assess(pd.DataFrame({**{k: [v] for k, v in record.items()}, "as_of": [np.nan]}))
    assert frame.rejected == 0 and frame.assessed == 1
