"""Rows of a table read alike on every path: a ``discovered`` struct whose fields are all null is no discovery
(review20b B20-2), and a row whose cells are all empty is no record (review20b B20-5)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from responsibility import Policy

VILLAGE = "330127100219"
FIELDS = ("level", "channel", "on")


def _base(pid: str) -> dict[str, Any]:
    return {"id": pid, "area": "housing", "place": VILLAGE, "severity": "grave", "as_of": "2021-06-30"}


def _found(pid: str) -> dict[str, Any]:
    return {**_base(pid), "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"}}


def _struct_table(rows: list[dict[str, Any] | None]) -> pa.Table:
    """Records s0, s1 … with ``discovered`` a struct of the given fields (``None``: a null struct)."""
    typ = pa.struct([(f, pa.string()) for f in FIELDS])
    n = len(rows)
    return pa.table({"id": [f"s{i}" for i in range(n)], "area": ["housing"] * n, "place": [VILLAGE] * n,
                     "severity": ["grave"] * n, "discovered": pa.array(rows, typ), "as_of": ["2021-06-30"] * n})


ALL_NULL = dict.fromkeys(FIELDS)
FOUND = {"level": "county", "channel": "hotline", "on": "2021-03-01"}


def _answers(policy: Policy, records: Any) -> tuple[int, int, list[tuple[Any, ...]]]:
    got = policy.assess(records)
    rows = sorted(map(tuple, got.findings[["problem", "body", "basis", "liability"]].astype(str).values.tolist()))
    return got.assessed, got.rejected, rows


def test_a_struct_of_nulls_is_no_discovery_in_arrow_pandas_and_parquet(policy: Policy, tmp_path: Path,
                                                                       run_cli: Any) -> None:
    table = _struct_table([ALL_NULL, FOUND, None, ALL_NULL, FOUND])
    # the same records written as a Python user means them: no discovery where every field is null
    meant = [_base("s0"), _found("s1"), _base("s2"), _base("s3"), _found("s4")]
    want = _answers(policy, meant)
    assert want[0] == 5 and want[1] == 0 and want[2]
    assert _answers(policy, table) == want
    assert _answers(policy, table.to_pandas()) == want
    assert _answers(policy, table.slice(1)) == _answers(policy, meant[1:])  # a struct array with an offset
    assert _answers(policy, pa.concat_tables([table.slice(0, 2), table.slice(2)])) == want  # two chunks
    path = tmp_path / "nested.parquet"
    pq.write_table(table, path)
    code, _, err = run_cli("assess", str(path), "--lang", "en", "-o", str(tmp_path / "out.csv"))
    assert code == 0 and "assessed: 5   rejected: 0" in err, err


def test_a_struct_with_some_fields_null_is_still_refused_as_flat(policy: Policy) -> None:
    part = {"level": None, "channel": "hotline", "on": "2021-03-01"}
    got = policy.assess(_struct_table([part]))
    assert got.rejected == 1 and got.rejects.loc[0, "field"] == "discovered.level"
    flat = {**_base("s0"), "discovered.channel": "hotline", "discovered.on": "2021-03-01"}
    import pandas as pd

    same = policy.assess(pd.DataFrame([flat]))
    assert same.rejected == 1 and same.rejects.loc[0, "field"] == "discovered.level"


def test_a_discovery_of_nulls_is_none_in_json_lines_and_dicts(policy: Policy, tmp_path: Path, run_cli: Any) -> None:
    record = {**_base("s0"), "discovered": ALL_NULL}
    assert _answers(policy, [record]) == _answers(policy, [_base("s0")]) == _answers(policy, _struct_table([ALL_NULL]))
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    code, _, err = run_cli("assess", str(path), "--lang", "en", "-o", str(tmp_path / "out.csv"))
    assert code == 0 and "assessed: 1   rejected: 0" in err, err


BLANK_CSV = ("id,area,place,discovered.level,discovered.channel,discovered.on,as_of\n"
             f"r1,housing,{VILLAGE},county,hotline,2021-03-01,2021-06-30\n"
             ",,,,,,\n"
             f"r3,housing,{VILLAGE},county,hotline,2021-03-01,2021-06-30\n"
             ",,,,,,\n")


def test_a_row_of_empty_cells_is_no_record_in_csv_data_frames_and_parquet(policy: Policy, tmp_path: Path,
                                                                           run_cli: Any) -> None:
    import pandas as pd
    import polars as pl

    path = tmp_path / "e.csv"
    path.write_text(BLANK_CSV, encoding="utf-8")
    code, _, err = run_cli("assess", str(path), "--lang", "en", "-o", str(tmp_path / "out.csv"))
    assert code == 0 and "records in: 2 " in err and "2 rows of empty cells skipped" in err, err
    frame = pd.read_csv(path, dtype=str)
    assert len(frame) == 4  # pandas keeps the rows of empty cells
    got = policy.assess(frame)
    assert (got.records, got.assessed, got.rejected, got.blank_rows) == (2, 2, 0, 2)
    assert "blank rows skipped: 2" in got.summary()
    assert sorted(set(got.findings["record"])) == [0, 2]  # a record's number is its row: df.iloc[record]
    assert set(got.findings["problem"]) == {"r1", "r3"}
    same = policy.assess(pl.read_csv(path, infer_schema=False))
    assert (same.records, same.rejected, same.blank_rows) == (2, 0, 2)
    assert same.findings.equals(got.findings)
    table = pa.Table.from_pandas(frame, preserve_index=False)
    parquet = tmp_path / "e.parquet"
    pq.write_table(table, parquet)
    code, _, err = run_cli("assess", str(parquet), "--lang", "en", "-o", str(tmp_path / "out2.csv"))
    assert code == 0 and "records in: 2 " in err and "2 rows of empty cells skipped" in err, err
    assert "blank rows" not in policy.assess(frame.dropna(how="all")).summary()


def test_a_data_frame_read_row_by_row_skips_a_blank_row_too(policy: Policy) -> None:
    """A frame whose nested column is JSON text is read row by row (dict_parts): a blank row is skipped there too."""
    import pandas as pd

    frame = pd.DataFrame({"id": ["r1", None], "area": ["housing", None], "place": [VILLAGE, None],
                          "handled": ["[]", None], "as_of": ["2021-06-30", None]})
    got = policy.assess(frame)
    assert (got.records, got.assessed, got.rejected, got.blank_rows) == (1, 1, 0, 1)


def test_the_report_says_blank_rows_were_skipped(tmp_path: Path, run_cli: Any) -> None:
    pytest.importorskip("plotly")
    path = tmp_path / "e.csv"
    path.write_text(BLANK_CSV, encoding="utf-8")
    code, _, err = run_cli("assess", str(path), "--lang", "en", "-o", str(tmp_path / "out.csv"),
                           "--report", str(tmp_path / "r.html"))
    assert code == 0, err
    assert "2 rows of empty cells were skipped" in (tmp_path / "r.html").read_text(encoding="utf-8")
