"""Session 30's bulk changes (issue 12 item 3): what workers ask of the policy reaches the saved entry."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from responsibility import Jurisdiction, Policy

from .test_batch import TODAY, ledger, relays


@pytest.fixture(scope="module")
def small() -> Jurisdiction:
    return Jurisdiction.synthetic(cities=2, counties=3, townships=8, villages=30, seed=30)


def _records(policy: Policy, j: Jurisdiction) -> list[dict[str, Any]]:
    # (relays: levels reporting up and passing down, which ask the policy which body a level stands for and who gives
    # way; 3,000 records: three chunks of the smallest size, so that both workers assess some)
    return ledger(policy, j, 2_000, seed=30) + relays(policy, j, 1_000, seed=30)


def _run(run_cli: Any, tmp_path: Path, j: Jurisdiction, src: Path, workers: str, cache: Path,
         monkeypatch: pytest.MonkeyPatch) -> bytes:
    monkeypatch.setenv("RESPONSIBILITY_CACHE_DIR", str(cache))
    monkeypatch.delenv("RESPONSIBILITY_CACHE", raising=False)
    jcsv = tmp_path / "j.csv"
    jcsv.write_text(j.to_csv(), encoding="utf-8")
    out = tmp_path / f"out-{cache.name}.parquet"
    code, _, err = run_cli("assess", str(src), "-o", str(out), "--jurisdiction", str(jcsv), "--today",
                           TODAY.isoformat(), "--workers", workers, "--chunk-size", "1024", "--no-progress")
    assert code in (0, 1), err
    return out.read_bytes()


def _asked(j: Jurisdiction, cache: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    import responsibility
    from responsibility.batch._assessor import Assessor, make_assessor

    monkeypatch.setenv("RESPONSIBILITY_CACHE_DIR", str(cache))
    a = make_assessor(responsibility.load(), Jurisdiction.from_csv(str(cache.parent / "j.csv")), today=TODAY)
    assert isinstance(a, Assessor) and a.loaded
    return dict(a.templates.asked)


def _plain(asked: dict[str, Any]) -> dict[str, Any]:
    return {k: v.tolist() if hasattr(v, "tolist") else v for k, v in asked.items()}


def test_a_run_with_workers_saves_what_their_derive_asked(run_cli: Any, tmp_path: Path, policy: Policy,
                                                          small: Jurisdiction,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    # fails before: a worker's answers from the policy (receiving_body with a line, gives_way, owner_peers: the
    # policy's memos, saved with the templates since 9b8ef0f) stayed in the worker; the parent, which saves the entry,
    # asked nothing itself, so every run with workers asked them all again (~0.15 CPU s at 1M records, two workers)
    import pandas as pd

    from responsibility.batch import _core

    records = _records(policy, small)
    src = tmp_path / "in.parquet"
    pd.DataFrame([{k: v for k, v in r.items() if v is not None} for r in records]).to_parquet(src)
    one, two = tmp_path / "one", tmp_path / "two"
    by_one = _run(run_cli, tmp_path, small, src, "1", one, monkeypatch)
    by_two = _run(run_cli, tmp_path, small, src, "2", two, monkeypatch)
    assert by_one == by_two  # (the same findings, byte for byte)
    alone, pooled = _asked(small, one, monkeypatch), _asked(small, two, monkeypatch)
    assert any(isinstance(v, dict) and v for v in alone.values()), alone  # (these records ask)
    for name in _core.ASKED:
        if isinstance(alone.get(name), dict):
            assert pooled.get(name) == alone[name], name
    # and the next run with workers, from that entry, asks none of it again
    assert _run(run_cli, tmp_path, small, src, "2", two, monkeypatch) == by_one
    assert _plain(_asked(small, two, monkeypatch)) == _plain(pooled)


def test_asked_since_gives_each_answer_once(policy: Policy, small: Jurisdiction) -> None:
    """What a worker gives on after a chunk: the answers added to a memo since it last gave, a table once; taken by
    another process, they fill its memos where it has none of its own."""
    import responsibility
    from responsibility.batch import _core
    from responsibility.batch._assessor import Assessor, make_assessor

    fresh = responsibility.load()
    a = make_assessor(fresh, small, today=TODAY)
    assert isinstance(a, Assessor)
    tpl, sent = a.templates, {}
    memos = fresh.__dict__.setdefault("_memos", {})
    for name in _core.ASKED:
        memos.pop(name, None)
    assert _core.asked_since(tpl, sent) == {}
    gives: dict[Any, bool] = fresh._memo(_core.GIVES_WAY, dict)
    gives[(1, 2, 3, 4, 5)] = True
    gives[(1, 2, 3, 4, 6)] = False
    assert _core.asked_since(tpl, sent) == {_core.GIVES_WAY: {(1, 2, 3, 4, 5): True, (1, 2, 3, 4, 6): False}}
    assert _core.asked_since(tpl, sent) == {}
    gives[(9, 9, 9, 9, 9)] = True
    memos[_core.OWNER_PEERS] = table = object()
    assert _core.asked_since(tpl, sent) == {_core.GIVES_WAY: {(9, 9, 9, 9, 9): True}, _core.OWNER_PEERS: table}
    assert _core.asked_since(tpl, sent) == {}

    other = responsibility.load()
    b = make_assessor(other, small, today=TODAY)
    assert isinstance(b, Assessor)
    mine: dict[Any, bool] = other._memo(_core.GIVES_WAY, dict)
    mine[(1, 2, 3, 4, 5)] = False  # (its own answer stays)
    _core.seed_asked(b.templates, {_core.GIVES_WAY: dict(gives)})
    assert mine == {(1, 2, 3, 4, 5): False, (1, 2, 3, 4, 6): False, (9, 9, 9, 9, 9): True}
