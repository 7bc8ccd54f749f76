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

    from responsibility.batch import _encode
    from responsibility.batch._encode import _byte_facts

    column = pa.array(texts, pa.string()).slice(lo, max(len(texts) - lo - hi, 0))  # a slice has an offset
    values = column.to_pylist()
    real = _encode._c_text_facts
    try:
        for c_pass in (real, None):  # (the C pass over the bytes, batch/_scan.c: text_facts; numpy's passes)
            _encode._c_text_facts = c_pass
            ascii_, control, nbytes = _byte_facts(column)
            assert ascii_.tolist() == [t.isascii() for t in values]
            assert control.tolist() == [any(ord(c) < 0x20 or ord(c) == 0x7F for c in t) for t in values]
            assert nbytes.tolist() == [len(t.encode()) for t in values]
    finally:
        _encode._c_text_facts = real


def test_the_c_pass_over_the_bytes_of_texts_tells_every_byte() -> None:
    # each byte value at each place of an eight-byte word and of the bytes after the last whole word, in a
    # text after another (the word-at-a-time test and the text-by-text one), and its refusals
    import numpy as np
    import pytest

    from responsibility.batch import _encode

    if _encode._c_text_facts is None:
        pytest.skip("batch/_scan.c is not built")
    facts = _encode._c_text_facts
    ascii_, control = np.empty(2, np.bool_), np.empty(2, np.bool_)
    for size in (1, 8, 11):
        for byte in range(256):
            for at in range(size):
                text = bytearray(b"x" * size)
                text[at] = byte
                facts(b"abc" + bytes(text), np.array([0, 3, 3 + size], np.int32), ascii_, control)
                assert (ascii_.tolist(), control.tolist()) == ([True, byte < 0x80],
                                                               [False, byte < 0x20 or byte == 0x7F]), (size, byte, at)
    for offsets in (np.array([0, 9], np.int32), np.array([2, 1], np.int32), np.array([-1, 1], np.int32)):
        with pytest.raises(ValueError):
            facts(b"abc", offsets, ascii_, control)
    with pytest.raises(ValueError):  # fewer flags than texts
        facts(b"abc", np.array([0, 1, 2, 3], np.int32), ascii_, control)


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
    assert "NaN" in row["reason"] and row["reason"] == same["reason"]
    frame = policy.assess(pd.DataFrame({**{k: [v] for k, v in record.items()}, "as_of": [np.nan]}))
    assert frame.rejected == 0 and frame.assessed == 1


@settings(deadline=None)
@given(st.lists(TEXT, max_size=40), st.lists(TEXT, max_size=12), st.integers(0, 5), st.integers(0, 5),
       st.lists(st.booleans(), max_size=40))
def test_texts_are_found_in_a_list_as_arrows_index_in_finds_them(texts: list[str], values: list[str], lo: int,
                                                                hi: int, nulls: list[bool]) -> None:
    """The C look-up of texts in a list (batch/_scan.c: a hash table made once per list) gives the
    places Arrow's index_in gives (the reference): the first place of a text listed twice, -1 for a
    text not listed and for a null, in a slice too (an offset), empty texts and odd characters
    included."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    from responsibility.batch import _encode

    mask = [i < len(nulls) and nulls[i] for i in range(len(texts))]
    column = pa.array(texts, pa.string(), mask=np.array(mask, np.bool_)).slice(lo, max(len(texts) - lo - hi, 0))
    values = [*values, *values[:3]]  # some listed twice
    want = pc.index_in(column, value_set=pa.array(values, pa.string())).fill_null(-1).to_numpy()
    assert _encode._index(column, values).tolist() == want.tolist()
    if _encode._c_find_texts is not None:
        real = _encode._c_find_texts
        try:
            _encode._c_find_texts = None  # the fallback: Arrow's index_in itself
            assert _encode._index(column, values).tolist() == want.tolist()
        finally:
            _encode._c_find_texts = real


def test_the_c_look_up_refuses_what_lies_outside_its_buffers() -> None:
    import numpy as np
    import pytest

    from responsibility.batch import _encode

    if _encode._c_find_texts is None or _encode._c_index_texts is None:
        pytest.skip("batch/_scan.c is not built")
    index, find = _encode._c_index_texts, _encode._c_find_texts
    data, offsets = b"abbc", np.array([0, 1, 3, 4], np.int32)  # a, bb, c
    slots = np.empty(8, np.int32)
    index(data, offsets, slots)
    out = np.full(4, 9, np.int32)
    find(data, offsets, slots, b"cxbba", np.array([0, 1, 2, 4, 5], np.int32), out)
    assert out.tolist() == [2, -1, 1, 0]
    find(data, offsets, slots, b"c", np.array([0, 7, 0, -1, 1], np.int32), out)  # texts outside: not found
    assert out.tolist() == [-1, -1, -1, -1]
    for bad_slots in (np.empty(3, np.int32), np.empty(2, np.int32), np.empty(8, np.int64)[:0]):
        with pytest.raises(ValueError):
            index(data, offsets, bad_slots)
    with pytest.raises(ValueError):  # offsets past the data
        index(data, np.array([0, 1, 9], np.int32), slots)
    with pytest.raises(ValueError):  # offsets falling
        index(data, np.array([0, 3, 1], np.int32), slots)
    with pytest.raises(ValueError):  # one start too few
        find(data, offsets, slots, b"c", np.array([0, 1], np.int32), out)
    with pytest.raises(TypeError):  # a read-only output
        find(data, offsets, slots, b"c", np.array([0, 1], np.int32), b"\x00" * 4)


def _numpy_only(monkeypatch: object) -> None:
    """Code without the one-pass C codes and days (batch/_scan.c: dict_codes, days_in): numpy's passes."""
    from responsibility.batch import _encode

    monkeypatch.setattr(_encode, "_c_dict_codes", None)  # type: ignore[attr-defined]
    monkeypatch.setattr(_encode, "_c_days_in", None)  # type: ignore[attr-defined]


@settings(deadline=None, max_examples=60)
@given(st.lists(st.sampled_from(["a", "bb", "c", "not listed", ""]), max_size=40), st.lists(st.booleans(), max_size=40),
       st.integers(0, 5), st.integers(0, 5), st.booleans(),
       st.lists(st.sampled_from([-40000, -25568, -25567, 0, 19000, 376199, 376200]) | st.integers(-30000, 420000),
                max_size=40))  # (days since 1970: 1900-01-01 is -25567, 2999-12-31 is 376199)
def test_codes_and_days_in_one_pass_equal_numpys(texts: list[str], nulls: list[bool], lo: int, hi: int,
                                                 flat: bool, days: list[int]) -> None:
    """The one-pass C codes of a dictionary column and days of a date32 column (batch/_scan.c) equal numpy's
    passes: the same codes, the same records marked slow (a text not listed, a day outside 1900–2999), nulls
    and slices (offsets) included, and a flat child column's marks on its records (``rows``)."""
    import numpy as np
    import pyarrow as pa
    import pytest

    from responsibility.batch import _encode

    if _encode._c_dict_codes is None or _encode._c_days_in is None:
        pytest.skip("batch/_scan.c is not built")
    mask = np.array([i < len(nulls) and nulls[i] for i in range(len(texts))], np.bool_)
    column = pa.array(texts, pa.string(), mask=mask).dictionary_encode().slice(lo, max(len(texts) - lo - hi, 0))
    days = [*days, *range(len(texts) - len(days))][:len(texts)]  # (one per text: a record each)
    stamps = pa.array(days, pa.date32(), mask=np.array([i % 3 == 1 for i in range(len(days))], np.bool_))
    stamps = stamps.slice(lo, len(column))
    values = ["c", "bb", "a", "bb"]
    got = []
    for c_built in (True, False):
        with pytest.MonkeyPatch.context() as m:
            if not c_built:
                _numpy_only(m)
            n = len(column)
            rd = _encode._ArrowReader(pa.table({"x": pa.nulls(n)}), None)
            rows = np.arange(n, dtype=np.int32)[::-1].copy() if flat else None  # (a child column's records)
            codes, present = rd.codes(column, values, rows)
            day = rd.days(stamps, rows)
            got.append((codes.tolist(), codes.dtype, present.tolist(), day.tolist(), day.dtype, rd.slow.tolist()))
    assert got[0] == got[1]


def test_the_one_pass_codes_refuse_what_lies_outside_their_buffers() -> None:
    import numpy as np
    import pytest

    from responsibility.batch import _encode

    if _encode._c_dict_codes is None or _encode._c_days_in is None:
        pytest.skip("batch/_scan.c is not built")
    codes, days = _encode._c_dict_codes, _encode._c_days_in
    of, out = np.array([4, -1, 6], np.int32), np.full(4, 9, np.int32)
    present = np.array([True, True, False, True])
    assert codes(of, np.array([0, 1, 7, 2], np.int32), present, out) == 1  # (an absent entry's index: never read)
    assert out.tolist() == [4, 0, 0, 6]
    assert codes(of, np.array([0, 3, 0, 0], np.int32), present, out) == -1  # a present index past the dictionary
    assert codes(of, np.array([0, -1, 0, 0], np.int32), present, out) == -1
    for bad in ((of, np.zeros(3, np.int32), present, out), (of, np.zeros(4, np.int32), present[:3], out),
                (of, np.zeros(6, np.int8), present, out), (np.zeros(3, np.int8), np.zeros(4, np.int32), present, out)):
        with pytest.raises(ValueError):
            codes(*bad)
    assert days(np.array([5, 99, -7, 8], np.int32), present, 0, 10, -1, out) == 1
    assert out.tolist() == [5, -1, -1, 8]
    with pytest.raises(ValueError):
        days(np.zeros(3, np.int32), present, 0, 10, -1, out)


DATE_TEXT = st.sampled_from(["2021-09-06", "2021-02-29", "2020-02-29", "1900-02-29", "2000-02-29", "1899-12-31",
                             "1900-01-01", "2999-12-31", "3000-01-01", "0000-01-01", "2021-13-01", "2021-00-10",
                             "2021-01-00", "2021-01-32", "2021-04-31", "2021-9-6", "2021/09/06", " 2021-09-06",
                             "2021-09-06 ", "2021-09-06\n", "２０２１-09-06", "2021-09-0６", "20210906", ""]) \
    | st.builds("{:04d}-{:02d}-{:02d}".format, st.integers(0, 9999), st.integers(0, 13), st.integers(0, 32)) | TEXT


@settings(deadline=None, max_examples=80)
@given(st.lists(DATE_TEXT, max_size=40), st.lists(st.booleans(), max_size=40), st.integers(0, 5), st.integers(0, 5),
       st.booleans())
def test_text_dates_in_one_pass_are_read_as_iso_day_reads_them(texts: list[str], nulls: list[bool], lo: int, hi: int,
                                                               flat: bool) -> None:
    """A string column of dates (CSV, JSON lines) read in one pass in C (batch/_scan.c: iso_days) gives the days
    and the records marked slow that iso_day gives each text (a date that does not exist, another form, a year
    outside 1900–2999, full-width digits, white space), nulls and slices (offsets) included."""
    import numpy as np
    import pyarrow as pa
    import pytest

    from responsibility.batch import _encode
    from responsibility.batch._tables import NONE

    if _encode._c_iso_days is None:
        pytest.skip("batch/_scan.c is not built")
    mask = np.array([i < len(nulls) and nulls[i] for i in range(len(texts))], np.bool_)
    column = pa.array(texts, pa.string(), mask=mask).slice(lo, max(len(texts) - lo - hi, 0))
    got = []
    for c_built in (True, False):
        with pytest.MonkeyPatch.context() as m:
            if not c_built:
                m.setattr(_encode, "_c_iso_days", None)
            n = len(column)
            rd = _encode._ArrowReader(pa.table({"x": pa.nulls(n)}), None)
            rows = np.arange(n, dtype=np.int32)[::-1].copy() if flat else None  # (a child column's records)
            day = rd.days(column, rows)
            got.append((day.tolist(), day.dtype, rd.slow.tolist()))
    assert got[0] == got[1]
    cache: dict[str, int] = {}
    want = [NONE if t is None else _encode.iso_day(t, cache) for t in column.to_pylist()]
    assert got[0][0] == [NONE if w is None else w for w in want]


def test_the_one_pass_dates_refuse_what_lies_outside_their_buffers() -> None:
    import numpy as np
    import pytest

    from responsibility.batch import _encode

    if _encode._c_iso_days is None:
        pytest.skip("batch/_scan.c is not built")
    read = _encode._c_iso_days
    data, out = b"2021-09-062021-02-30", np.full(2, 9, np.int32)
    present = np.array([True, True])
    assert read(data, np.array([0, 10, 20], np.int32), present, -30000, 400000, -1, out) == 1
    assert out.tolist() == [18876, -1]
    assert read(data, np.array([0, 10, 20], np.int32), np.array([False, True]), -30000, 400000, -1, out) == 1
    assert out.tolist() == [-1, -1]
    for bad in ((data, np.array([0, 10, 21], np.int32), present, -1, 1, -1, out),  # past the data
                (data, np.array([0, 10], np.int32), present, -1, 1, -1, out),  # one offset short of out
                (data, np.array([0, 10, 20], np.int32), present[:1], -1, 1, -1, out),
                (data, np.array([0, 10, 20], np.int64), present, -1, 1, -1, out)):
        with pytest.raises(ValueError):
            read(*bad)
    with pytest.raises(TypeError):  # a read-only output
        read(data, np.array([0, 10, 20], np.int32), present, -1, 1, -1, b"\x00" * 8)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.none() | st.lists(st.integers(0, 9), max_size=4), max_size=25), st.integers(0, 4), st.integers(0, 4),
       st.booleans(), st.data())
def test_a_list_columns_items_are_read_as_arrows_compute_reads_them(lists: list[list[int] | None], lo: int, hi: int,
                                                                     large: bool, data: st.DataObject) -> None:
    """_list_items (from the offsets' buffer, without pyarrow._compute) gives each item's list, the items and the
    lists over MAX_ITEMS as list_parent_indices, list_flatten and list_value_length do: sliced, large lists, and a
    null list that spans items (Arrow allows it; then Arrow's answer is taken as it is)."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc
    import pytest

    from responsibility.batch import _encode

    typ = pa.large_list(pa.int64()) if large else pa.list_(pa.int64())
    arr = pa.array(lists, typ)
    if data.draw(st.booleans()) and len(lists):  # the same lists, but the nulls spanning items
        offsets = np.cumsum([0, *(data.draw(st.integers(0, 2)) if x is None else len(x) for x in lists)])
        values = pa.array(range(int(offsets[-1])), pa.int64())
        mask = pa.array([x is None for x in lists])
        make = pa.LargeListArray if large else pa.ListArray
        arr = make.from_arrays(pa.array(offsets, pa.int64() if large else pa.int32()), values, mask=mask)
    arr = arr.slice(lo, max(len(arr) - lo - hi, 0))
    monkey = pytest.MonkeyPatch()
    monkey.setattr(_encode, "MAX_ITEMS", 2)
    try:
        parents, items, over = _encode._list_items(arr)
    finally:
        monkey.undo()
    assert parents.dtype == np.int32 and over.dtype == np.bool_
    assert parents.tolist() == pc.list_parent_indices(arr).to_pylist()
    assert items.equals(pc.list_flatten(arr))
    lengths = pc.list_value_length(arr).to_pylist()
    assert over.tolist() == [x is not None and x > 2 for x in lengths]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.none() | TEXT, min_size=1, max_size=25), st.integers(0, 3), st.booleans(), st.data())
def test_strings_are_taken_as_arrows_take_takes_them(texts: list[str | None], lo: int, built: bool,
                                                      data: st.DataObject) -> None:
    """The problem ids of finding rows, taken by _emit.take_strings (the C gather of reasons, without
    pyarrow._compute), are Arrow's take of them: a slice, empty texts, nulls and no extension alike."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc
    import pytest

    from responsibility.batch import _emit

    arr = pa.array(texts, pa.string()).slice(min(lo, len(texts) - 1))
    idx = np.array(data.draw(st.lists(st.integers(0, len(arr) - 1), max_size=40)), np.int64)
    monkey = pytest.MonkeyPatch()
    if not built:
        monkey.setattr(_emit, "_c_gather", None)
    try:
        got = _emit.take_strings(arr, idx)
    finally:
        monkey.undo()
    want = pc.take(arr, pa.array(idx, pa.int64()))
    assert got.type == pa.string() and got.equals(want)
