"""The assessor's tables and templates saved in the per-user cache (batch/_saved.py): loaded, they hold
what a built assessor holds and assess alike; an unusable cache is never an error."""

from __future__ import annotations

import hashlib
import os
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from responsibility import Jurisdiction, Policy
from responsibility.batch import _saved
from responsibility.batch._assessor import Assessor, Periods, make_assessor
from responsibility.batch._emit import Emitter
from responsibility.policy import _cache

from .conftest import own_cache
from .test_batch import TODAY, amended, expected, got, ledger  # noqa: F401  (amended: a fixture)


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache directory of this test's own (pytest's own `cache` fixture is shadowed in this module only)."""
    return own_cache(tmp_path, monkeypatch)


@pytest.fixture(scope="module")
def province() -> Jurisdiction:
    return Jurisdiction.synthetic(cities=2, counties=3, townships=8, villages=30, seed=5)


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"{_saved.KIND}-*.pickle"))


def state(a: Assessor) -> dict[str, Any]:
    """What an assessor built: its tables' and templates' attributes (objects of this process left out)."""
    tpl = a.templates
    return {"tables": {k: v for k, v in vars(a.t).items() if k not in _saved._TABLES_OWN},
            "templates": {k: v for k, v in vars(tpl).items() if k not in _saved._TEMPLATES_OWN},
            "ids": (tpl._ids.keys.tolist(), tpl._ids.ids.tolist()),
            "reads": {k: v for k, v in vars(tpl.reads).items() if k != "t"}}


def same(a: Any, b: Any) -> bool:
    """Equal, numpy arrays and tuples of them included."""
    import numpy as np

    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return isinstance(a, np.ndarray) and isinstance(b, np.ndarray) and a.dtype == b.dtype \
            and np.array_equal(a, b)
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


@pytest.mark.slow
def test_a_loaded_assessor_holds_what_the_built_one_held_and_assesses_alike(policy: Policy, province: Jurisdiction,
                                                                          cache: Path) -> None:
    records = ledger(policy, province, 800, seed=7, broken=0.05)
    built = make_assessor(policy, province, today=TODAY)
    assert isinstance(built, Assessor) and not built.loaded and not entries(cache)
    first = policy.assess(records, jurisdiction=province, today=TODAY)  # builds, then saves
    assert len(entries(cache)) == 1
    loaded = make_assessor(policy, province, today=TODAY)
    assert isinstance(loaded, Assessor) and loaded.loaded and len(loaded.templates.start) > 100
    # the loaded assessor holds every attribute a built one holds (a new attribute must be saved or made again)
    assert set(vars(loaded.t)) == set(vars(built.t))
    assert set(vars(loaded.templates)) == set(vars(built.templates))
    assert set(vars(loaded.templates.reads)) == set(vars(built.templates.reads))
    assert same(state(loaded)["tables"], state(built)["tables"])
    # its emitter's worded template rows came with it, and word each row as a fresh emitter does
    e, fresh = loaded.emitter, built.emitter
    assert set(vars(e)) == set(vars(fresh)) and e._synced == len(loaded.templates.pieces)
    fresh.tpl, fresh._synced = loaded.templates, 0
    fresh.__dict__.update({k: v for k, v in vars(Emitter(built.t, loaded.templates, "zh")).items()
                           if k in Emitter.STATE})
    fresh.sync()
    assert e._segment_runs == fresh._segment_runs
    assert [e.patterns[p] for p in e._pattern.ravel().tolist()] == \
        [fresh.patterns[p] for p in fresh._pattern.ravel().tolist()]
    assert [list(e.clause_index)[c] for c in e._clause.tolist()] == \
        [list(fresh.clause_index)[c] for c in fresh._clause.tolist()]
    # what the built one makes for these records is what was loaded
    for part in [records]:
        built_result = policy.assess(part, jurisdiction=province, today=TODAY)
        assert got(built_result) == got(first)
    again = policy.assess(records, jurisdiction=province, today=TODAY)
    assert got(again) == got(first) == expected(policy, province, records, "compiled")
    assert again.findings.equals(first.findings) and again.rejects.equals(first.rejects)


@pytest.mark.slow
def test_segment_tables_start_as_large_as_the_run_that_saved_them(policy: Policy, province: Jurisdiction, cache: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The emitter's state saved with the templates holds how large each slot pattern's table of segment keys
    grew (``_store_bits``); a later run with as many keys starts its tables so (none grows), a short run starts
    them small, and the findings are the same."""
    from responsibility.batch._emit import _STORE_BITS, KeyIds

    records = ledger(policy, province, 3000, seed=3)
    first = policy.assess(records, jurisdiction=province, today=TODAY)  # builds, then saves
    saved = make_assessor(policy, province, today=TODAY).emitter._store_bits
    assert saved and all(10 <= b <= _STORE_BITS for b in saved.values()) and max(saved.values()) > 10
    made: list[int] = []
    grown: list[int] = []
    real_init, real_grow = KeyIds.__init__, KeyIds._grow

    def init(self: KeyIds, bits: int = 10) -> None:
        made.append(bits)
        real_init(self, bits)

    def grow(self: KeyIds, need: int) -> None:
        before, full = self.bits, self.count  # (a table grown while empty: the template ids', made at their size)
        real_grow(self, need)
        if self.bits != before and full:
            grown.append(self.bits)

    monkeypatch.setattr(KeyIds, "__init__", init)
    monkeypatch.setattr(KeyIds, "_grow", grow)
    again = policy.assess(records, jurisdiction=province, today=TODAY)
    assert again.findings.equals(first.findings)
    assert sorted(b for b in made if b > 10) == sorted(b for b in saved.values() if b > 10) and not grown
    made.clear()
    few = policy.assess(records[:5], jurisdiction=province, today=TODAY)
    assert few.findings.equals(policy.assess(records[:5], jurisdiction=province, today=TODAY).findings)
    assert made and set(made) == {10}


def test_templates_made_later_are_added_to_the_entry(policy: Policy, province: Jurisdiction, cache: Path) -> None:
    small = ledger(policy, province, 40, seed=1)
    policy.assess(small, jurisdiction=province, today=TODAY)
    before = make_assessor(policy, province, today=TODAY)
    assert isinstance(before, Assessor)
    n = len(before.templates.start)
    records = ledger(policy, province, 600, seed=2)
    a = policy.assess(records, jurisdiction=province, today=TODAY)
    after = make_assessor(policy, province, today=TODAY)
    assert isinstance(after, Assessor) and len(after.templates.start) > n
    assert len(entries(cache)) == 1  # the same key, written again
    assert got(policy.assess(records, jurisdiction=province, today=TODAY)) == got(a)


def test_the_key_names_language_day_what_if_jurisdiction_and_code(policy: Policy, province: Jurisdiction,
                                                                 cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    key = _saved.key_of(policy, province, "zh")
    assert key is not None and key == _saved.key_of(policy, province, "zh")
    others = {_saved.key_of(policy, province, "en"),
              _saved.key_of(policy.with_parameters(handling_time_limit_days=15), province, "zh"),
              _saved.key_of(policy.at(dt.date(2021, 1, 1)) if policy.epochs else
                            type(policy)(policy.data, root=policy.root, as_of=dt.date(2021, 1, 1)), province, "zh"),
              _saved.key_of(policy, Jurisdiction.synthetic(cities=2, counties=3, townships=8, villages=31, seed=5),
                            "zh")}
    assert key not in others and len(others) == 4
    monkeypatch.setattr(_saved, "_code", [b"other code"])
    assert _saved.key_of(policy, province, "zh") != key
    monkeypatch.setenv("RESPONSIBILITY_CACHE", "off")
    assert _saved.key_of(policy, province, "zh") is None


@pytest.mark.parametrize("content", [b"", b"not a pickle at all", pickle.dumps({"a": 1}),
                                     pickle.dumps((_saved.FORMAT, "another key", None)), "right key, wrong shape"])
def test_a_corrupt_or_foreign_entry_is_ignored_and_rebuilt(policy: Policy, province: Jurisdiction, cache: Path,
                                                          content: bytes | str) -> None:
    records = ledger(policy, province, 200, seed=3)
    want = got(policy.assess(records, jurisdiction=province, today=TODAY))
    (path,) = entries(cache)
    key = path.name[len(_saved.KIND) + 1:-len(".pickle")]
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:  # a sound entry of this key and format whose payload is not what this code saves
        payload = pickle.dumps(({"areas": 1}, {}, None, {}))
        path.write_bytes(pickle.dumps((_saved.FORMAT, key, hashlib.sha256(payload).digest(), payload)))
    a = make_assessor(policy, province, today=TODAY)
    assert isinstance(a, Assessor) and not a.loaded
    assert got(policy.assess(records, jurisdiction=province, today=TODAY)) == want
    assert make_assessor(policy, province, today=TODAY).loaded  # written again, whole


def test_a_read_only_or_unsafe_cache_is_no_error(policy: Policy, province: Jurisdiction, cache: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    records = ledger(policy, province, 100, seed=4)
    want = got(policy.assess(records, jurisdiction=province, today=TODAY))
    (path,) = entries(cache)
    content = path.read_bytes()

    def refused(*args: Any, **kwargs: Any) -> Any:
        raise PermissionError(13, "Permission denied")

    os.chmod(cache, 0o500)  # read-only: entries are read, none written (as root, a write fails only so:)
    monkeypatch.setattr(_cache.tempfile, "mkstemp", refused)
    try:
        assert make_assessor(policy, province, today=TODAY).loaded
        assert got(policy.assess(ledger(policy, province, 300, seed=5), jurisdiction=province, today=TODAY))
        assert got(policy.assess(records, jurisdiction=province, today=TODAY)) == want
    finally:
        os.chmod(cache, 0o700)
        monkeypatch.undo()
    # (the entry read is touched, so the cache keeps what is read most — policy/_cache.read_entry — but not written)
    assert entries(cache) == [path] and path.read_bytes() == content
    os.chmod(cache, 0o777)  # others may write there: nothing is read from it (a pickle is code)
    try:
        assert not make_assessor(policy, province, today=TODAY).loaded
        assert got(policy.assess(records, jurisdiction=province, today=TODAY)) == want
    finally:
        os.chmod(cache, 0o700)


@pytest.mark.slow
def test_an_amended_policy_saves_each_period(amended: Policy, province: Jurisdiction,  # noqa: F811
                                             cache: Path) -> None:
    records = ledger(amended, province, 400, seed=6)
    first = amended.assess(records, jurisdiction=province, today=TODAY)
    assert len(entries(cache)) == 2
    a = make_assessor(amended, province, today=TODAY)
    assert isinstance(a, Periods) and a.loaded
    again = amended.assess(records, jurisdiction=province, today=TODAY)
    assert got(again) == got(first) == expected(amended, province, records, "compiled")


@pytest.mark.slow
def test_the_command_saves_what_its_workers_made(policy: Policy, province: Jurisdiction, cache: Path,
                                                tmp_path: Path) -> None:
    """Two workers make the templates; the parent takes them and saves them; the next run, in one
    process or with workers, loads them and writes the same bytes."""
    import pandas as pd
    import pyarrow.parquet as pq

    # (1,500 records, ~9,700 finding rows: one chunk, as 3,000 were — a Parquet file is read 65,536 records a chunk, so
    # the first worker assesses them all and the second none, either way — for ~3 CPU s less in each of the three
    # runs: suite59)
    records = [{k: v for k, v in r.items() if v is not None} for r in ledger(policy, province, 1500, seed=8)]
    src = tmp_path / "in.parquet"
    pd.DataFrame(records).to_parquet(src)
    jur = tmp_path / "j.csv"
    jur.write_text(province.to_csv(), encoding="utf-8")
    outs = []
    for n, workers in enumerate(["2", "2", "1"]):
        out = tmp_path / f"out{n}.parquet"
        run = subprocess.run([sys.executable, "-m", "responsibility", "assess", str(src), "-o", str(out),
                              "--jurisdiction", str(jur), "--today", TODAY.isoformat(), "--workers", workers,
                              "--no-progress"], capture_output=True, text=True, env={**os.environ})
        assert run.returncode in (0, 1), run.stderr
        outs.append(pq.read_table(out))
        if n == 0:
            (path,) = entries(cache)
            saved = _cache.read_entry(_saved.KIND, path.name[len(_saved.KIND) + 1:-len(".pickle")], _saved.FORMAT)
            assert saved is not None and len(saved[1]["start"]) > 100  # type: ignore[index]
    assert outs[0].num_rows > 5000 and outs[1].equals(outs[0]) and outs[2].equals(outs[0])


def test_a_policy_read_through_the_policy_cache_is_named_by_its_files(policy: Policy, province: Jurisdiction,
                                                                     cache: Path) -> None:
    """Its key is the policy cache's (no serialising of the data); a copy of the data is keyed by content."""
    import responsibility

    fresh = responsibility.load(policy.root)  # written to this test's cache, then read back
    again = responsibility.load(policy.root)
    assert _cache.key_for(again.data) is not None and _cache.key_for(again.data) == _cache.key_for(fresh.data)
    assert _saved.key_of(again, province, "zh") == _saved.key_of(fresh, province, "zh")
    copy = type(again)(again.data.model_copy(deep=True), root=again.root)
    assert _cache.key_for(copy.data) is None and _saved.key_of(copy, province, "zh") is not None


def test_a_damaged_entry_that_still_unpickles_is_not_used(policy: Policy, province: Jurisdiction,
                                                         cache: Path) -> None:
    """review10 R10B-02: a flipped byte in a clause of a saved template would cite a clause the text lacks."""
    records = ledger(policy, province, 300, seed=11)
    want = got(policy.assess(records, jurisdiction=province, today=TODAY))
    (path,) = entries(cache)
    raw = path.read_bytes()
    clause = "二(二)1".encode()
    assert clause in raw
    path.write_bytes(raw.replace(clause, "二(二)9".encode()))
    assert not make_assessor(policy, province, today=TODAY).loaded
    assert got(policy.assess(records, jurisdiction=province, today=TODAY)) == want


@pytest.mark.slow
def test_without_a_home_or_with_a_relative_xdg_dir_the_cache_is_off_or_at_home(
        policy: Policy, province: Jurisdiction, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """review10 R10B-01: no HOME (and no passwd entry) is no cache, never an internal error; a relative
    XDG_CACHE_HOME is ignored, as the XDG specification says."""
    import responsibility

    for name in ("RESPONSIBILITY_CACHE_DIR", "XDG_CACHE_HOME", "RESPONSIBILITY_CACHE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()  # (a home that does not exist is no cache: test_hostile52)
    monkeypatch.setenv("XDG_CACHE_HOME", "relative")
    assert _cache.cache_dir() == tmp_path / "home" / ".cache" / "responsibility"

    def homeless() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setattr(Path, "home", staticmethod(homeless))
    records = ledger(policy, province, 50, seed=12)
    loaded = responsibility.load(policy.root)
    assert got(loaded.assess(records, jurisdiction=province, today=TODAY)) == \
        got(policy.assess(records, jurisdiction=province, today=TODAY))
    assert _cache.read_entry(_saved.KIND, "k", _saved.FORMAT) is None


def test_a_sourceless_install_caches_nothing(policy: Policy, province: Jurisdiction, cache: Path,
                                             monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """review10 R10B-08: with no source to hash, a key would not change with the code: no key at all."""
    monkeypatch.setattr(_saved, "_PACKAGE", tmp_path / "empty")
    monkeypatch.setattr(_saved, "_code", [])
    assert _saved.key_of(policy, province, "zh") is None
    (tmp_path / "sl" / "batch").mkdir(parents=True)
    (tmp_path / "sl" / "batch" / "_saved.pyc").write_bytes(b"compiled")
    monkeypatch.setattr(_saved, "_PACKAGE", tmp_path / "sl")
    assert _saved.key_of(policy, province, "zh") is not None  # the .pyc files of a sourceless install are hashed


def test_a_loaded_assessor_brings_its_place_names(policy: Policy, cache: Path) -> None:
    # the distinct place names of the place_name column come with the entry, not worked out again
    from responsibility.batch import _tables

    def fresh() -> Jurisdiction:  # a new object each time: its place tables are not yet shared in this process
        return Jurisdiction.synthetic(cities=2, counties=2, townships=3, villages=6, seed=11)

    built = fresh()
    records = ledger(policy, built, 120, seed=5)
    want = got(policy.assess(records, jurisdiction=built, today=TODAY))
    again = fresh()
    _tables._PLACE_NAMES.clear()
    a = make_assessor(policy, again, today=TODAY)
    assert isinstance(a, Assessor) and a.loaded
    texts = a.t.place_texts
    kept, names, where = _tables._PLACE_NAMES[id(texts)]
    assert kept is texts and names == list(dict.fromkeys(texts))
    assert where.tolist() == [names.index(x) for x in texts]
    assert got(policy.assess(records, jurisdiction=again, today=TODAY)) == want


def test_a_cached_jurisdiction_is_named_by_its_entry(policy: Policy, cache: Path, tmp_path: Path) -> None:
    # a jurisdiction read or written through its cache is named by that entry's key (its file's bytes and the
    # code that reads them), not by hashing its 26,000 places again; other bytes, another name
    text = "code,name\n33,浙江省\n3311,丽水市\n331127,景宁县\n"
    f = tmp_path / "p.csv"
    f.write_text(text, encoding="utf-8")
    first, second = Jurisdiction.from_csv(f), Jurisdiction.from_csv(f)  # parsed and written, then read back
    assert first.cache_key is not None and second.cache_key == first.cache_key
    assert _saved.key_of(policy, first, "zh") == _saved.key_of(policy, second, "zh") is not None
    f.write_text(text + "331127100000,鹤溪街道\n", encoding="utf-8")
    third = Jurisdiction.from_csv(f)
    assert third.cache_key not in (None, first.cache_key)
    assert _saved.key_of(policy, third, "zh") != _saved.key_of(policy, first, "zh")
    parsed = Jurisdiction.from_csv_text(text)  # not through the cache: its places are hashed
    assert parsed.cache_key is None
    assert _saved.key_of(policy, parsed, "zh") not in (None, _saved.key_of(policy, first, "zh"))


def reads_of(a: Assessor) -> dict[str, Any]:
    """What an assessor's templates know of what the rules of each area read of a discovery (FoundFields)."""
    return {k: v for k, v in vars(a.templates.reads).items() if k != "t"}


def test_an_entry_of_templates_taken_from_workers_knows_what_the_rules_read(policy: Policy, province: Jurisdiction,
                                                                            cache: Path) -> None:
    """The parent of workers takes their templates and meets no discovery itself: its entry must still say
    what the rules of each area met read (else every later run looks at them again, compiling the rules of
    every area in every worker, though it makes no template); a stale entry is written again."""
    from responsibility.batch._assessor import parts

    records = ledger(policy, province, 600, seed=9)
    worker = Assessor(policy, province, today=TODAY)
    for part in parts(records, worker.t):
        worker.run(part)
    assert worker.templates.reads.seen.any() and not entries(cache)
    parent = Assessor(policy, province, today=TODAY)
    parent.templates.adopt(worker.templates.export(0))
    assert not parent.templates.reads.seen.any()
    parent.save()
    loaded = make_assessor(policy, province, today=TODAY)
    assert isinstance(loaded, Assessor) and loaded.loaded
    assert same(reads_of(loaded), reads_of(worker))
    # an entry saved without them (as before) is written again by the next run that looks
    loaded.templates.reads.seen[:] = False
    for r in loaded.templates.reads.read:
        r[:] = False
    _saved.save(loaded.saved_key, loaded.t, loaded.templates, loaded.emitter.state(),
                _saved.made(loaded.t, loaded.receivers))  # type: ignore[arg-type]
    stale = make_assessor(policy, province, today=TODAY)
    assert isinstance(stale, Assessor) and stale.loaded and not stale.templates.reads.seen.any()
    for part in parts(records, stale.t):
        stale.run(part)
    stale.save()
    healed = make_assessor(policy, province, today=TODAY)
    assert isinstance(healed, Assessor) and same(reads_of(healed), reads_of(worker))
