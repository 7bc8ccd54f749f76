"""Excel's day number where a day is due (44256, a date column saved without a date format) is told the day it
counts, in a record, a batch, a ledger event, a workbook's cell and an option alike (ux44 left: "44256 is not a
date; write YYYY-MM-DD"); it is never read as that day."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from responsibility import Ledger, Policy, ProblemError

Run = Callable[..., tuple[int, str, str]]
ROOT = Path(__file__).resolve().parents[1]
RECORD: dict[str, Any] = json.loads((ROOT / "examples" / "records" / "problem.json").read_text("utf-8"))
SAID = "44256 is how Excel counts the day 2021-03-01 when a column is not formatted as dates; write 2021-03-01"


def _with_day(day: Any) -> dict[str, Any]:
    return {**RECORD, "discovered": {**RECORD["discovered"], "on": day}}


@pytest.mark.parametrize("day", [44256, 44256.0, "44256", "４４２５６"])
def test_a_record_s_excel_day_number_is_told_the_day(policy: Policy, day: Any) -> None:
    with pytest.raises(ProblemError) as caught:
        policy.who_answers(_with_day(day))
    assert caught.value.field == "discovered.on" and caught.value.code == "bad_date"
    assert SAID in str(caught.value), caught.value


@pytest.mark.parametrize("day", [123, "20210301", 2021, True, "1e5"])
def test_other_numbers_are_refused_as_before(policy: Policy, day: Any) -> None:
    with pytest.raises(ProblemError) as caught:
        policy.who_answers(_with_day(day))
    assert "Excel counts" not in str(caught.value), caught.value


def test_the_batch_says_what_who_answers_says(policy: Policy) -> None:
    found = policy.assess([_with_day(44256), {**_with_day("44256"), "id": "b"}])
    assert found.assessed == 0 and len(found.rejects) == 2
    assert all(SAID in r for r in found.rejects["reason"]), found.rejects["reason"].tolist()


def test_a_ledger_event_and_a_workbook_cell(tmp_path: Path) -> None:
    led = Ledger.create(tmp_path / "l.db")
    with pytest.raises(ProblemError, match=SAID):
        led.append({"problem": "x", "type": "registered", "on": 44256, "domain": "housing",
                    "place": "330127100219"}, entered_by="x")
    src = tmp_path / "ledger.csv"
    src.write_text("问题编号,领域,所在地代码,严重程度,发现时间,发现层级,发现渠道\n"
                   "CA-9,饮水安全,330127101000,一般,44256,乡镇,全科网格\n", "utf-8")
    result = led.import_file(src, entered_by="x")
    assert result.rejected == 1 and SAID in result.rejects[0]["reason"], result.rejects


def test_an_option_is_told_the_day_without_the_column_s_advice(run_cli: Run) -> None:
    code, _, err = run_cli("who", str(ROOT / "examples" / "problems" / "housing-not-discovered.yaml"),
                           "--today", "44256")
    assert code == 2, err
    assert "44256 is how Excel counts the day 2021-03-01; write 2021-03-01" in err and "column" not in err, err
