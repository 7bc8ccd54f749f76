"""The lead's session-54 changes: a pandas frame read from a Parquet file whose ``discovered`` is a map (hostile53's
left item: ``pa.Table.from_pandas`` made pandas' (key, value) tuples ``list<list<string>>``, and every row was refused
as "not a list of 3 items", while ``assess m.parquet`` and ``who_answers(frame.iloc[0])`` read the same rows).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from responsibility import Policy

pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")


def _map_parquet(path: Path, *discoveries: Any) -> Path:
    n = len(discoveries)
    table = pa.table({"id": [f"m{i}" for i in range(n)], "area": ["funds"] * n, "kind": ["funds_diverted"] * n,
                      "place": ["330127100219"] * n,
                      "discovered": pa.array(list(discoveries), pa.map_(pa.string(), pa.string())),
                      "as_of": ["2021-05-01"] * n})
    pq.write_table(table, path)
    return path


def _rows(frame: Any) -> list[tuple[int, str, str, str]]:
    return sorted(zip(frame["record"], frame["body"], frame["basis"], frame["clauses"], strict=True))


def test_a_pandas_frame_of_a_parquet_map_is_assessed_as_the_file_is(policy: Policy, tmp_path: Path) -> None:
    path = _map_parquet(tmp_path / "m.parquet", [("level", "village"), ("channel", "grid"), ("on", "2021-03-01")],
                        None, [("level", "county"), ("channel", "hotline"), ("on", "2021-03-02")])
    frame = pd.read_parquet(path)
    assert isinstance(frame["discovered"][0], list)  # (what pandas gives: the map as (key, value) tuples)
    got, from_file = policy.assess(frame), policy.assess(pq.read_table(path))
    assert (got.assessed, got.rejected) == (3, 0), got.rejects
    assert _rows(got.findings) == _rows(from_file.findings) and len(got.findings) > 0
    for i in range(3):  # and each row as who_answers reads it
        mine = sorted(f.body for f in policy.who_answers(frame.iloc[i].to_dict()).findings)
        assert mine == sorted(got.findings[got.findings["record"] == i]["body"]), i
    assert isinstance(frame["discovered"][0], list), "the caller's frame is left as it was"


def test_a_pandas_map_giving_a_key_twice_is_still_refused(policy: Policy, tmp_path: Path) -> None:
    path = _map_parquet(tmp_path / "m.parquet", [("level", "village"), ("level", "city"), ("on", "2021-03-01")],
                        [("level", "village"), ("channel", "grid"), ("on", "2021-03-01")])
    got = policy.assess(pd.read_parquet(path))
    assert (got.assessed, got.rejected) == (1, 1), got.rejects
    assert list(got.rejects["field"]) == ["discovered"] and list(got.rejects["record"]) == [0]
    reason = got.rejects["reason"][0]
    assert "not a map of 3 entries" in reason and "a list" not in reason, reason  # (as the file's table is told)
