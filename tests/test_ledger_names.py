"""What a county clerk types: the lists' Chinese names, areas by Chinese name, whole numbers as whole numbers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("sqlalchemy")


def test_a_list_is_named_by_its_chinese_name(county_db: Path, run_cli: Callable[..., tuple[int, str, str]]) -> None:
    code, zh, _ = run_cli("ledger", "list", str(county_db), "整改清单", "--as-of", "2021-06-30")
    assert code == 0
    assert run_cli("ledger", "list", str(county_db), "rectifications", "--as-of", "2021-06-30")[1] == zh
    code, _, err = run_cli("ledger", "list", str(county_db), "清单")
    assert code == 2 and "'清单' is no list" in err and "rectifications (整改清单)" in err


def test_an_unknown_area_is_hinted_by_its_chinese_name(county_db: Path,
                                                       run_cli: Callable[..., tuple[int, str, str]]) -> None:
    code, _, err = run_cli("ledger", "list", str(county_db), "problems", "--area", "危房")
    assert code == 2 and "did you mean '危房改造' (housing)?" in err and "--area" in err


def test_days_left_is_a_whole_number_in_frames_and_json(county_db: Path, client: Any) -> None:
    from responsibility import Ledger
    from tests.test_service import bearer

    with Ledger.open(county_db) as ledger:
        frame = ledger.rectifications("2021-06-30")
    assert str(frame["days_left"].dtype) == "Int64" and frame["days_left"].isna().any()
    rows = client.get("/v1/ledger/lists/rectifications?as_of=2021-06-30", headers=bearer("zhejiang")).json()
    left = [r["days_left"] for r in rows]
    assert any(v is None for v in left) and all(v is None or type(v) is int for v in left)
    assert any(type(v) is int for v in left)


def test_alerts_speak_chinese_by_default(county_db: Path, run_cli: Callable[..., tuple[int, str, str]]) -> None:
    code, zh, _ = run_cli("ledger", "alerts", str(county_db), "--as-of", "2021-12-31", "--within", "3650")
    assert code == 1 and "已逾期" in zh and "OVERDUE" not in zh and "整改" in zh
    code, en, _ = run_cli("ledger", "alerts", str(county_db), "--as-of", "2021-12-31", "--within", "3650",
                          "--lang", "en")
    assert code == 1 and "OVERDUE by" in en and "已逾期" not in en
    assert zh.count("\n") == en.count("\n")
