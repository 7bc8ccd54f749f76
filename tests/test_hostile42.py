"""The input contract, hostile inputs (hostile42): a Parquet cell that is not UTF-8 text refused the whole file, the
command line echoed a 5,000-character option whole, the service's 503 told an HTTP caller the server's ledger path,
and what else a fresh pass over the command line, batch and the service found."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest

Run = Callable[..., tuple[int, str, str]]
BASE = {"area": "housing", "place": "330127100219", "as_of": "2021-03-05"}


# ---------------------------------------------------------------- 1. a Parquet cell that is not UTF-8 text


def _binary_parquet(path: Path, n: int, bad_id: set[int], bad_deadline: set[int]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    ids = [f"P-{i}".encode() + (b"\xfe" if i in bad_id else b"") for i in range(n)]
    deadlines = [b"2021-0\xff-01" if i in bad_deadline else b"2021-01-01" for i in range(n)]
    pq.write_table(pa.table({"id": pa.array(ids, pa.binary()), "deadline": pa.array(deadlines, pa.binary()),
                             **{k: [v] * n for k, v in BASE.items()}}), path, row_group_size=max(n // 3, 1))


def _rejects(path: Path) -> dict[int, str]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return {int(r["record"]): r["field"] for r in csv.DictReader(f)}


@pytest.mark.parametrize("workers", ["1", "2"])
@pytest.mark.parametrize("scattered", [False, True], ids=["few", "scattered"])
def test_a_parquet_cell_that_is_not_utf8_rejects_its_row_naming_the_column(run_cli: Run, tmp_path: Path,
                                                                          workers: str, scattered: bool) -> None:
    """hostile41 left: one non-UTF-8 cell in a Parquet binary column refused the whole file (exit 2). Its row is now
    rejected naming the column and the rest assessed (in = assessed + rejected), whether the bad cells are few (the
    batch cut around them) or scattered over the batch (read row by row), with one worker or two."""
    n = 3000
    bad_id = set(range(0, n, 7)) if scattered else {5}
    bad_deadline = set(range(3, n, 11)) - bad_id if scattered else {2000}
    path = tmp_path / "in.parquet"
    _binary_parquet(path, n, bad_id, bad_deadline)
    code, _, err = run_cli("assess", str(path), "-o", str(tmp_path / "out.csv"), "--rejects",
                           str(tmp_path / "rej.csv"), "--lang", "en", "--workers", workers, "--chunk-size", "1024")
    rejected = len(bad_id) + len(bad_deadline)
    assert code == 1, err
    assert f"records in: {n:,}   assessed: {n - rejected:,}   rejected: {rejected:,}" in err, err
    assert _rejects(tmp_path / "rej.csv") == {**{i: "id" for i in bad_id}, **{i: "deadline" for i in bad_deadline}}
    if not scattered:
        assert "bytes that are not UTF-8 text (b'P-5\\xfe')" in (tmp_path / "rej.csv").read_text(encoding="utf-8-sig")


def test_a_binary_column_reads_alike_from_a_table_and_from_its_parquet_file(tmp_path: Path) -> None:
    """The same binary columns given to Policy.assess as an Arrow table were read otherwise than from its Parquet file:
    every deadline of the table was refused ("got a bytes"), the file's were read as text. Both read them as text now,
    and refuse the cell that is not UTF-8 alike."""
    import pyarrow.parquet as pq

    import responsibility

    policy = responsibility.load()
    path = tmp_path / "in.parquet"
    _binary_parquet(path, 6, {1}, {4})
    table = pq.read_table(path)
    from_table = policy.assess(table)
    from_frame = policy.assess(table.to_pandas())
    assert (from_table.assessed, from_table.rejected) == (from_frame.assessed, from_frame.rejected) == (4, 2)
    assert sorted(from_table.rejects["field"]) == ["deadline", "id"]
