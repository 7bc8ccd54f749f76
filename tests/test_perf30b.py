"""Session 30 (perf30b): what workers ask of the policy reaches the saved entry; a level that reports back up what it
was handed did not find it (review30 #6), in the engine and the bulk path alike."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from responsibility import Jurisdiction, Policy

from .conftest import fresh_load
from .test_batch import TODAY, ledger, relays


@pytest.fixture(scope="module")
def small() -> Jurisdiction:
    return Jurisdiction.synthetic(cities=2, counties=3, townships=8, villages=30, seed=30)


def _records(policy: Policy, j: Jurisdiction) -> list[dict[str, Any]]:
    # (relays: levels reporting up and passing down, which ask the policy which body a level stands for and who gives
    # way; 2,100 records: three chunks of the smallest size, 1,024, 1,024 and 52, so that both workers assess some —
    # 3,000 made the third chunk full and cost ~5.7 CPU s more, in the workers, for the same assertions: suite47)
    return ledger(policy, j, 1_400, seed=30) + relays(policy, j, 700, seed=30)


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


@pytest.mark.slow
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
    from responsibility.batch import _core
    from responsibility.batch._assessor import Assessor, make_assessor

    fresh = fresh_load()
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

    other = fresh_load()
    b = make_assessor(other, small, today=TODAY)
    assert isinstance(b, Assessor)
    mine: dict[Any, bool] = other._memo(_core.GIVES_WAY, dict)
    mine[(1, 2, 3, 4, 5)] = False  # (its own answer stays)
    _core.seed_asked(b.templates, {_core.GIVES_WAY: dict(gives)})
    assert mine == {(1, 2, 3, 4, 5): False, (1, 2, 3, 4, 6): False, (9, 9, 9, 9, 9): True}


@pytest.mark.slow
def test_an_assess_from_a_warm_cache_imports_no_pydantic(tmp_path: Path, policy: Policy, small: Jurisdiction) -> None:
    # fails on main from 8a592ad (engine/_decide imported policy/_whatif, which imported pydantic and every policy
    # model at module level) to the lazy import: a fixed ~0.1 CPU s of every run (cachegrind, 200k bench records:
    # 5.41 G instructions -> 5.77 G), which a run from the policy cache (plain objects) never uses
    import os
    import subprocess
    import sys

    import pandas as pd

    root = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(root / "benchmarks"))
    from bench_assess import ledger as bench_ledger  # (records of the bench: the fast path, as at 1M)

    src = tmp_path / "in.parquet"
    pd.DataFrame([{k: v for k, v in r.items() if v is not None}
                  for r in bench_ledger(policy, small, 10, seed=30)]).to_parquet(src)
    jcsv = tmp_path / "j.csv"
    jcsv.write_text(small.to_csv(), encoding="utf-8")
    code = ("import sys\nfrom responsibility.cli import main\n"
            f"main(['assess', {str(src)!r}, '-o', {str(tmp_path / 'out.parquet')!r}, '--jurisdiction', {str(jcsv)!r},"
            f" '--today', {TODAY.isoformat()!r}, '--no-progress'])\n")
    check = code + "print(sorted(m for m in sys.modules if m.startswith('pydantic') or m.endswith('policy._models')))\n"
    env = {**os.environ, "PYTHONPATH": str(root / "src"), "RESPONSIBILITY_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("RESPONSIBILITY_CACHE", None)
    first = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300,
                           check=False)  # (builds the cache's entries)
    assert first.returncode in (0, 1), first.stderr
    again = subprocess.run([sys.executable, "-c", check], env=env, capture_output=True, text=True, timeout=300,
                           check=False)
    assert again.returncode in (0, 1), again.stderr
    assert again.stdout.strip().splitlines()[-1] == "[]"


R30_90: dict[str, Any] = {  # review30 #6 (review30.cases.yaml R30-90)
    "id": "r30-90", "area": "identification", "kind": "identification_eligible_omitted", "place": "330127100219",
    "severity": "minor", "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
    "handled": [{"action": "assigned", "by_level": "county", "to_level": "township", "on": "2021-03-03"},
                {"action": "reported", "by_level": "township", "to_level": "county", "to_body": "county_civil_affairs",
                 "on": "2021-03-08"}],
    "rectified_on": "2021-03-30", "as_of": "2021-06-30"}


@pytest.mark.parametrize("engine", ["compiled", "durable"])
def test_a_level_that_reports_back_what_it_was_handed_still_missed_it(policy: Policy, engine: str) -> None:
    # fails before: a report by a level below the finder counted as its knowing the problem (二(六)4(1) 及时发现掌握并
    # 上报) also where the finder had handed it that level first — the township handed the county's hotline find that
    # forwards it to 民政 had not found it: 二(三)2 履行受理申请和主动发现责任 (review30 #6); only the village answered
    v = policy.who_answers(R30_90, engine=engine, today="2021-06-30")  # type: ignore[arg-type]
    rows = {(f.level, f.basis, f.liability) for f in v.findings}
    assert ("township", "not_discovered", "staff") in rows
    assert not {b for _, b, _ in rows} & {"not_rectified", "not_handled"}
    assert not {x for _, _, x in rows} & {"unit"}
    # a report before any assignment to the level still shows the level knew it (as before), and one on the day of
    # the assignment too (the record cannot tell which came first: never over-blame)
    for day in ("2021-03-02", "2021-03-03"):
        # (listed in the order they happened: a record whose steps go back in time is refused — fid66, check61 T1)
        early = {**R30_90, "handled": sorted([R30_90["handled"][0], R30_90["handled"][1] | {"on": day}],
                                             key=lambda s: s["on"])}
        v2 = policy.who_answers(early, engine=engine, today="2021-06-30")  # type: ignore[arg-type]
        assert ("township", "not_discovered") not in {(f.level, f.basis) for f in v2.findings}, day


def handed_back(j: Jurisdiction, policy: Policy, n: int, *, seed: int) -> list[dict[str, Any]]:
    """Records found at a county, city or province, handed down a level or more, and reported back up by a level
    below the finder — before, on or after the day it was handed that level, in time or late (what a report shows a
    level knew: engine/_facts.py, review30 #6)."""
    import datetime as dt
    import random

    from .test_batch import LEVELS, channel_at

    rnd = random.Random(seed)
    villages = [p.code for p in j if p.level == "village"]
    kinds = sorted(policy.kinds)
    start = dt.date(2021, 3, 1)
    out = []
    for i in range(n):
        area, kind = rnd.choice(kinds)
        found = rnd.randint(2, 4)
        on = start + dt.timedelta(days=rnd.randint(0, 30))
        to = rnd.randint(0, found - 1)
        handed = on + dt.timedelta(days=rnd.choice([0, 1, 3, 9]))
        steps = [{"action": "assigned", "by_level": LEVELS[found], "to_level": LEVELS[to], "on": handed.isoformat()}]
        by = rnd.choice([to, to, rnd.randint(0, found - 1)])
        back = handed + dt.timedelta(days=rnd.choice([-2, -1, 0, 0, 1, 4, 12]))
        steps.append({"action": "reported", "by_level": LEVELS[by], "to_level": LEVELS[rnd.randint(by + 1, found)],
                      "on": max(back, on).isoformat()})
        if rnd.random() < 0.3:
            steps.append({"action": "assigned", "by_level": LEVELS[found], "to_level": LEVELS[found],
                          "on": (handed + dt.timedelta(days=rnd.randint(1, 8))).isoformat()})
        steps.sort(key=lambda s: s["on"])
        r: dict[str, Any] = {"id": f"h{i}", "area": area, "kind": kind, "place": rnd.choice(villages),
                             "severity": rnd.choice(["minor", "serious", "grave"]),
                             "discovered": {"level": LEVELS[found],
                                            "channel": channel_at(policy, rnd.choice(["audit", "inspection_tour"]),
                                                                  LEVELS[found]),
                                            "on": on.isoformat()},
                             "handled": steps, "deadline": (handed + dt.timedelta(days=30)).isoformat(),
                             "as_of": "2021-12-31"}
        if rnd.random() < 0.5:
            r["rectified_on"] = (handed + dt.timedelta(days=rnd.randint(0, 40))).isoformat()
        out.append(r)
    return out


@pytest.mark.slow
@pytest.mark.durable
def test_reports_back_up_of_what_a_level_was_handed_equal_who_answers(policy: Policy, province: Jurisdiction) -> None:
    """The bulk path (holders, in C and in numpy) reads such reports as the engine does."""
    from responsibility.batch import _core

    from .test_batch import expected, got

    records = handed_back(province, policy, 600, seed=30)
    a = policy.assess(records, jurisdiction=province, today=TODAY)
    assert a.assessed > 500 and len(a.findings) > 1000
    want = expected(policy, province, records, "compiled")
    assert got(a) == want
    assert got(a) == expected(policy, province, records, "durable")
    if _core._c_holders is not None:  # (and the numpy reference)
        saved = _core._c_holders
        try:
            _core._c_holders = None
            assert got(policy.assess(records, jurisdiction=province, today=TODAY)) == want
        finally:
            _core._c_holders = saved


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_holders_with_assignments_are_the_same_in_c_and_numpy(data: st.DataObject) -> None:
    """Who knew the problem where assignments may have handed a reporting level it first (``hact``): in C as in numpy,
    over any records and steps (reports and assignments, to any level, on any day)."""
    import numpy as np

    from responsibility.batch import _core
    from responsibility.batch._core import REPORTED, holders, holders_numpy

    from .strategies import holders_inputs

    if _core._c_holders is None:
        pytest.skip("batch/_derive.c is not built in this venv: pip install -e . builds it")
    _, nr, disc, c, hp, hby, hto, htb, hon, rep, limit, _ = holders_inputs(data)
    hact = np.where(rep, REPORTED, 0).astype(np.int32)
    got = holders(c, hp, hby, hto, htb, hon, rep, disc.astype(np.bool_), nr, limit, hact)  # type: ignore[arg-type]
    want = holders_numpy(c, hp, hby, hto, htb, hon, rep, disc.astype(np.bool_), nr, limit,  # type: ignore[arg-type]
                         hact)
    for g, w in zip(got, want, strict=True):
        assert g.tolist() == w.tolist() and g.dtype == w.dtype
    # an assignment to a reporting level before its report's day: that report shows nothing the level knew
    before = holders_numpy(c, hp, hby, hto, htb, hon, rep, disc.astype(np.bool_), nr, limit)  # type: ignore[arg-type]
    assert not (got[2] & ~before[2]).any()
