"""The input contract, hostile inputs and a newcomer's path (hostile28: hostile27's leftovers, then a fresh pass)."""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import pytest

from responsibility import Policy

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "problems" / "housing-not-discovered.yaml"
NOTE = ("note: id 'P7' is on 2 records: {a}, {b}; each is a record of its own here, assessed or rejected as it reads, "
        "so a problem given twice has its findings counted twice (a ledger refuses the later ones: "
        "duplicate_problem); give each problem its own id, or remove the repeated records")
NOTE_ZH = "注意：编号 'P7' 出现在 2 条记录中：{a}、{b}；每条作为一条记录分别评估或拒收"


def example() -> dict[str, Any]:
    return json.loads((ROOT / "examples" / "records" / "problem.json").read_text(encoding="utf-8"))


def _flat(ids: list[str]) -> list[dict[str, Any]]:
    base = {k: v for k, v in example().items() if k != "handled"}
    return [{**base, "id": i} for i in ids]


# ---------------------------------------------------------------- 1. a shared id, said by every entry point


def test_policy_assess_says_a_shared_id_as_the_command_does(policy: Policy) -> None:
    """8397d11 made `responsibility assess` name records sharing an id; Policy.assess said nothing (counts and
    findings unchanged). Now Assessment.repeats holds them, and summary() and the notebook's view say it in the
    same words (no warning: the suite runs warnings as errors, and records given twice on purpose are no mistake)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = policy.assess(_flat(["P7", "P8", "P7"]))
    assert result.records == result.assessed == 3
    assert result.repeats == {"P7": [(0, None), (2, None)]}
    said = NOTE.format(a="record 0", b="record 2")
    assert said in result.summary() and said in result._repr_html_().replace("&#x27;", "'")


def test_policy_assess_of_a_data_frame_says_a_shared_id(policy: Policy) -> None:
    import pandas as pd

    result = policy.assess(pd.json_normalize(_flat(["P1", "P7", "P7"])))
    assert result.repeats == {"P7": [(1, None), (2, None)]}
    assert NOTE.format(a="record 1", b="record 2") in result.summary()


def test_policy_assess_of_distinct_ids_says_nothing(policy: Policy) -> None:
    result = policy.assess(_flat(["P1", "P2"]))
    assert result.repeats == {} and "note" not in result.summary()


def test_the_report_of_an_assessment_says_a_shared_id(policy: Policy) -> None:
    pytest.importorskip("plotly")
    result = policy.assess(_flat(["P7", "P7"]))
    page = result.report_html(lang="en").replace("&#x27;", "'")
    assert NOTE.format(a="record 0", b="record 1") in page
    assert NOTE_ZH.format(a="记录序号 0", b="记录序号 1") in result.report_html().replace("&#x27;", "'")


def test_assess_report_says_a_shared_id(run_cli: Any, tmp_path: Path) -> None:
    """`assess --report` said it on stderr only; the report, which a reader gets instead, said nothing."""
    pytest.importorskip("plotly")
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in _flat(["P7", "P8", "P7"])), encoding="utf-8")
    code, _, err = run_cli("assess", str(path), "-o", str(tmp_path / "out.jsonl"), "--report",
                           str(tmp_path / "r.html"), "--lang", "en")
    said = NOTE.format(a="line 1 (record 0)", b="line 3 (record 2)")
    assert code == 0 and said in err, err
    assert said in (tmp_path / "r.html").read_text(encoding="utf-8").replace("&#x27;", "'")


def test_assess_on_dask_says_a_shared_id(run_cli: Any, tmp_path: Path) -> None:
    """`assess --dask` said nothing of ids shared across its Parquet files (records numbered as its rows are)."""
    pytest.importorskip("dask.dataframe")
    import pandas as pd

    frame = pd.json_normalize(_flat(["P7", "P8", "P9", "P7"]))
    (tmp_path / "in").mkdir()
    frame.iloc[:2].to_parquet(tmp_path / "in" / "a.parquet", index=False)
    frame.iloc[2:].to_parquet(tmp_path / "in" / "b.parquet", index=False)
    code, _, err = run_cli("assess", str(tmp_path / "in"), "--dask", "synchronous", "-o", str(tmp_path / "out"),
                           "--lang", "en")
    assert code == 0 and NOTE.format(a="record 0", b="record 3") in err, err
    assert "records in: 4   assessed: 4   rejected: 0" in err
