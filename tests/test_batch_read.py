"""A Parquet input read with its few-valued text as Arrow dictionaries gives the records, and
the findings, that reading it plainly gives; where pyarrow refuses, the rest is read plainly."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from responsibility import Jurisdiction, Policy
from responsibility.batch import _read

from .test_batch import TODAY, ledger

Run = Callable[..., tuple[int, str, str]]


def _table(policy: Policy, province: Jurisdiction, n: int, seed: int) -> pa.Table:
    records = ledger(policy, province, n, seed=seed)
    return pa.Table.from_pylist(records)


def _rows(batches: Iterator[Any]) -> list[dict[str, Any]]:
    return [row for b in batches for row in b.to_pylist()]


@pytest.mark.parametrize("group, nested", [(64, True), (7, False)])
def test_batches_hold_the_values_of_plain_reading(tmp_path: Path, policy: Policy, province: Jurisdiction,
                                                  group: int, nested: bool) -> None:
    """Row groups of at least a batch: nested leaves too, a row group at a time; smaller ones:
    the top-level columns only (a batch spans several row groups)."""
    table = _table(policy, province, 150, seed=3)
    path = tmp_path / "in.parquet"
    pq.write_table(table, path, row_group_size=group)
    f = pq.ParquetFile(path)
    top, leaves = _read.dictionary_leaves(f)
    assert sorted(top) == sorted(c for c in table.column_names if c in ("domain", "kind", "place", "severity"))
    assert {"domain", "place"} <= set(top)
    assert "discovered.level" in leaves and "handled.list.element.to_level" in leaves
    assert not any(x.endswith(".on") or x.startswith("id") for x in leaves)
    batches = list(_read.parquet_batches(str(path), f, 16))
    assert all(len(b) <= 16 for b in batches)
    assert pa.types.is_dictionary(batches[0].schema.field("place").type)
    discovered = batches[0].schema.field("discovered").type
    assert pa.types.is_dictionary(discovered.field("level").type) is nested
    assert _rows(iter(batches)) == _rows(f.iter_batches(batch_size=16))


def test_a_refusal_midway_reads_the_rest_plainly(tmp_path: Path, policy: Policy, province: Jurisdiction,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """pyarrow's ``ArrowNotImplementedError`` after some batches: the records already given are
    not given again, none is lost."""
    table = _table(policy, province, 120, seed=4)
    path = tmp_path / "in.parquet"
    pq.write_table(table, path, row_group_size=40)
    plain = pq.ParquetFile(path)
    real = pq.ParquetFile.iter_batches

    def refusing(self: Any, *a: Any, **k: Any) -> Iterator[Any]:
        if self is plain:
            yield from real(self, *a, **k)
            return
        for i, batch in enumerate(real(self, *a, **k)):
            if i == 1:
                raise pa.ArrowNotImplementedError("Nested data conversions not implemented for chunked array outputs")
            yield batch

    monkeypatch.setattr(pq.ParquetFile, "iter_batches", refusing)
    got = list(_read.parquet_batches(str(path), plain, 16))
    assert _rows(iter(got)) == _rows(real(plain, batch_size=16))


def test_a_file_with_nothing_to_read_as_dictionaries_is_read_plainly(tmp_path: Path) -> None:
    path = tmp_path / "in.parquet"
    pq.write_table(pa.table({"id": ["a", "b"], "place": ["1", "2"]}), path, use_dictionary=False)
    f = pq.ParquetFile(path)
    assert _read.dictionary_leaves(f) == ([], [])
    assert _rows(_read.parquet_batches(str(path), f, 16)) == [{"id": "a", "place": "1"}, {"id": "b", "place": "2"}]
    pq.write_table(pa.table({"id": pa.array([], pa.string())}), path)
    assert _rows(_read.parquet_batches(str(path), pq.ParquetFile(path), 16)) == []


@pytest.mark.slow
@pytest.mark.parametrize("workers", ["1", "2"])
def test_assess_writes_the_same_findings_as_from_plain_reading(run_cli: Run, tmp_path: Path, policy: Policy,
                                                               province: Jurisdiction, jcsv: str,
                                                               monkeypatch: pytest.MonkeyPatch, workers: str) -> None:
    table = _table(policy, province, 300, seed=5)
    outputs = []
    for group in (100, 7):
        src = tmp_path / f"in{group}.parquet"
        pq.write_table(table, src, row_group_size=group)
        for plain in (False, True):
            if plain:
                monkeypatch.setattr(_read, "dictionary_leaves", lambda f: ([], []))
            out = tmp_path / f"out{group}{plain}.csv"
            code, _, err = run_cli("assess", str(src), "-o", str(out), "--jurisdiction", jcsv,
                                   "--today", TODAY.isoformat(), "--workers", workers)
            assert code in (0, 1), err
            outputs.append(out.read_bytes())
            monkeypatch.undo()
    assert outputs[0].count(b"\n") > 300
    assert all(o == outputs[0] for o in outputs)
