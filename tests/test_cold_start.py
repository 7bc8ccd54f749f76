"""A cold start stays cheap: what ``import responsibility`` loads, and the cached policy.

Behavioural guards, not timings (benchmarks/bench_engine.py prints the cold-start CPU seconds).
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import responsibility
from responsibility.chain._checks import load_checked
from responsibility.policy import _cache
from responsibility.policy._view import PolicyView

from .conftest import own_cache

HEAVY = ("networkx", "pandas", "numpy", "durable", "durable_rules_engine", "pydantic", "yaml", "pyarrow")


def _imported_after(code: str, among: tuple[str, ...] = HEAVY) -> set[str]:
    """The top-level packages of ``among`` (HEAVY unless given) that a fresh interpreter has imported after ``code``."""
    probe = f"{code}\nimport sys\nprint(' '.join(sorted({{m.split('.')[0] for m in sys.modules}})))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120)
    return set(out.stdout.split()) & set(among)


def test_import_loads_no_heavy_library() -> None:
    assert _imported_after("import responsibility") == set()


def test_a_public_name_imports_only_its_wing() -> None:
    assert _imported_after("import responsibility; responsibility.ResponsibilityError") == set()


def test_a_cached_decision_draws_nothing() -> None:
    # The policy was cached by the suite's session fixture or by the first call here.
    code = ("import responsibility; p = responsibility.load(); "
            "p.who_answers({'id': 'p', 'domain': 'housing', 'place': '331127'}, engine='compiled')")
    _imported_after(code)
    assert not _imported_after(code) & {"networkx", "pandas", "numpy", "pyarrow", "durable"}


def test_a_cached_policy_and_jurisdiction_are_read_without_yaml(tmp_path: Path) -> None:
    # PyYAML is imported on the first parse only: a run that finds the policy and the places in the cache
    # (the first call here fills it) parses no YAML
    places = tmp_path / "county.csv"
    places.write_text("code,name\n33,浙江省\n3311,丽水市\n331127,景宁县\n", encoding="utf-8")
    code = ("import responsibility; p = responsibility.load(); "
            f"j = responsibility.Jurisdiction.from_csv({str(places)!r}); "
            "p.who_answers({'id': 'p', 'domain': 'housing', 'place': '331127'}, jurisdiction=j, engine='compiled')")
    _imported_after(code)
    assert "yaml" not in _imported_after(code)


def test_every_public_name_has_a_home() -> None:
    assert set(responsibility._WHERE) == set(responsibility.__all__) - {"__version__"}
    for name in responsibility.__all__:
        assert name in dir(responsibility)
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        responsibility.nothing  # noqa: B018


# ------------------------------------------------------------------------------ the policy cache


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache directory of this test's own (pytest's own `cache` fixture is shadowed in this module only)."""
    return own_cache(tmp_path, monkeypatch)


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("policy-*.pickle")) if folder.is_dir() else []


def test_a_clean_load_is_cached_and_read_back_equal(cache: Path, rules_copy: Path) -> None:
    first = load_checked(rules_copy, cls=PolicyView)
    assert len(_entries(cache)) == 1 and first._loaded is not None
    second = load_checked(rules_copy, cls=PolicyView)
    assert second._loaded is None  # from the cache
    assert second.data == first.data
    assert oct(cache.stat().st_mode & 0o777) == "0o700"


def test_any_change_is_another_key(cache: Path, rules_copy: Path) -> None:
    load_checked(rules_copy, cls=PolicyView)
    key = _cache.key_of(rules_copy)
    f = rules_copy / "parameters.yaml"
    f.write_text(f.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    assert _cache.key_of(rules_copy) not in (None, key)
    (rules_copy / "areas" / "extra.yaml").write_text("id: x\n", encoding="utf-8")
    with pytest.raises(responsibility.RulesError):  # a broken change is found, never served cached
        load_checked(rules_copy, cls=PolicyView)
    (rules_copy / "areas" / "extra.yaml").unlink()
    assert load_checked(rules_copy, cls=PolicyView)._loaded is not None  # the comment: a new entry
    assert len(_entries(cache)) == 2


def test_a_broken_policy_is_never_cached(cache: Path, rules_copy: Path) -> None:
    (rules_copy / "vocabulary.yaml").write_text("levels: [\n", encoding="utf-8")
    with pytest.raises(responsibility.RulesError):
        load_checked(rules_copy, cls=PolicyView)
    assert _entries(cache) == []


def test_off_means_off(cache: Path, rules_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESPONSIBILITY_CACHE", "off")
    load_checked(rules_copy, cls=PolicyView)
    assert load_checked(rules_copy, cls=PolicyView)._loaded is not None
    assert not cache.exists()


def test_a_corrupt_or_foreign_entry_is_ignored(cache: Path, rules_copy: Path) -> None:
    load_checked(rules_copy, cls=PolicyView)
    (entry,) = _entries(cache)
    entry.write_bytes(b"not a pickle")
    assert load_checked(rules_copy, cls=PolicyView)._loaded is not None  # read from YAML, rewritten
    assert load_checked(rules_copy, cls=PolicyView)._loaded is None
    # An entry stored under another key is not served for this one.
    key = _cache.key_of(rules_copy)
    assert key is not None
    entry.write_bytes(pickle.dumps((_cache.FORMAT, "another key", load_checked(rules_copy, cls=PolicyView).data)))
    assert _cache.read(key) is None


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_directory_others_may_write_is_not_trusted(cache: Path, rules_copy: Path) -> None:
    load_checked(rules_copy, cls=PolicyView)
    cache.chmod(0o777)
    assert load_checked(rules_copy, cls=PolicyView)._loaded is not None
    cache.chmod(0o700)
    assert load_checked(rules_copy, cls=PolicyView)._loaded is None


def test_an_unwritable_cache_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rules_copy: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("RESPONSIBILITY_CACHE_DIR", str(blocker / "cache"))  # below a file: cannot exist
    load_checked(rules_copy, cls=PolicyView)
    assert load_checked(rules_copy, cls=PolicyView)._loaded is not None


def test_a_fifo_in_the_directory_is_no_hang(cache: Path, rules_copy: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    (rules_copy / "areas" / "housing.yaml").unlink()
    os.mkfifo(rules_copy / "areas" / "housing.yaml")
    assert _cache.key_of(rules_copy) is None
    with pytest.raises(responsibility.RulesError, match="not a regular file"):
        load_checked(rules_copy, cls=PolicyView)


# ------------------------------------------------------------------------------ the command's own process


def test_the_command_leaves_its_objects_to_the_exit(monkeypatch: pytest.MonkeyPatch) -> None:
    # The command's process (main() without arguments) freezes the cycle collector's objects at exit, once;
    # a caller that passes the arguments keeps its collector as it was.
    import atexit
    import gc

    from responsibility.cli import _cli

    registered: list[object] = []
    monkeypatch.setattr(atexit, "register", registered.append)
    monkeypatch.setattr(_cli, "_exit_freeze", [])
    assert _cli.main(["--help"]) == 0
    assert gc.freeze not in registered
    monkeypatch.setattr(sys, "argv", ["responsibility", "--help"])
    assert _cli.main() == 0
    assert _cli.main() == 0
    assert registered.count(gc.freeze) == 1


def test_a_run_in_one_process_imports_no_multiprocessing(tmp_path: Path) -> None:
    records = tmp_path / "r.jsonl"
    records.write_text('{"id": "p", "domain": "housing", "place": "331127"}\n', encoding="utf-8")
    code = ("from responsibility.cli import main; "
            f"assert main(['assess', {str(records)!r}, '-o', {str(tmp_path / 'f.jsonl')!r}, '--no-progress']) == 0")
    assert _imported_after(code, among=("multiprocessing",)) == set()


def test_the_commands_own_process_leaves_the_collector_rare(tmp_path: Path) -> None:
    # assess runs the cycle collector rarely and sets it back for a caller; in the command's own process
    # (main() without arguments), which ends when it returns, the thresholds stay (setting them back made
    # the next allocation collect every young object)
    records = tmp_path / "r.jsonl"
    records.write_text('{"id": "p", "domain": "housing", "place": "331127"}\n', encoding="utf-8")
    args = ["assess", str(records), "-o", str(tmp_path / "f.jsonl"), "--no-progress"]
    code = ("import gc, sys; from responsibility.cli import main; before = gc.get_threshold(); "
            f"assert main({args!r}) == 0; print(gc.get_threshold() == before); "
            f"sys.argv = ['responsibility', *{args!r}]; assert main() == 0; print(gc.get_threshold()[0])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.split()[-2:] == ["True", "100000"]


def _run_ending(monkeypatch: pytest.MonkeyPatch, code: int, *, said: bool, watched: bool = False
                ) -> tuple[list[int], list[str]]:
    """:func:`_cli.run` with a command that returns ``code`` (and says it may end at once where ``said``; under a
    profiler where ``watched``, else under none, even where the tests run under coverage's tracer): the codes it
    ended the process with at once (``os._exit``), and what ran at the exit (``atexit``)."""
    import atexit

    from responsibility.cli import _cli

    ended: list[int] = []
    ran: list[str] = []

    def command() -> int:
        if said:
            _cli.may_end_at_once()
        return code

    monkeypatch.setattr(_cli, "_at_once", [])
    monkeypatch.setattr(_cli, "main", command)
    monkeypatch.setattr(atexit, "_run_exitfuncs", lambda: ran.append("exit handlers"))
    monkeypatch.setattr(sys, "gettrace", lambda: None)
    monkeypatch.setattr(sys, "getprofile", (lambda: object()) if watched else (lambda: None))

    class Ended(BaseException):
        pass

    def end(status: int) -> None:
        ended.append(status)
        raise Ended

    monkeypatch.setattr(os, "_exit", end)
    try:
        _cli.run()
    except SystemExit as exc:
        assert exc.code == code
        ran.append(f"SystemExit {exc.code}")
    except Ended:
        pass
    return ended, ran


def test_the_commands_own_process_ends_at_once_after_its_exit_handlers(monkeypatch: pytest.MonkeyPatch) -> None:
    # run() (the console script) ends the process at once after a command that closed its files, with its code,
    # once the exit handlers ran; else as Python ends it
    assert _run_ending(monkeypatch, 0, said=True) == ([0], ["exit handlers"])
    assert _run_ending(monkeypatch, 1, said=True) == ([1], ["exit handlers"])
    assert _run_ending(monkeypatch, 0, said=False) == ([], ["SystemExit 0"])
    assert _run_ending(monkeypatch, 2, said=True) == ([], ["SystemExit 2"])


def test_a_profiler_has_the_process_end_as_python_ends_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # python -m cProfile -m responsibility writes its figures once the module returned
    assert _run_ending(monkeypatch, 0, said=True, watched=True) == ([], ["SystemExit 0"])


def test_a_thread_still_running_has_the_process_end_as_python_ends_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    stop = threading.Event()
    waiting = threading.Thread(target=stop.wait)  # (not a daemon: Python's exit waits for it)
    waiting.start()
    try:
        assert _run_ending(monkeypatch, 0, said=True) == ([], ["SystemExit 0"])
    finally:
        stop.set()
        waiting.join()


def test_a_command_run_by_a_caller_never_ends_its_process(tmp_path: Path, policy: responsibility.Policy) -> None:
    # main(), even without arguments, returns to its caller; python -m responsibility assess ends at once, its
    # exit handlers run, its outputs whole, its code kept (1: a record rejected)
    import json

    from .test_batch import TODAY, ledger

    records = tmp_path / "r.jsonl"
    rows = [*ledger(policy, responsibility.Jurisdiction.example(), 5, seed=5), {"id": "q"}]
    records.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "f.parquet"
    args = ["assess", str(records), "-o", str(out), "--no-progress", "--rejects", str(tmp_path / "r.csv"), "--today",
            TODAY.isoformat()]
    code = (f"import sys; from responsibility.cli import main; sys.argv = ['responsibility', *{args!r}]; "
            "print(main(), 'went on')")
    got = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert (got.returncode, got.stdout) == (0, "1 went on\n"), got.stderr
    code = ("import atexit, runpy, sys; atexit.register(print, 'exit handlers ran'); "
            f"sys.argv = ['responsibility', *{args!r}]; runpy.run_module('responsibility', run_name='__main__')")
    out.unlink()
    got = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert (got.returncode, got.stdout) == (1, "exit handlers ran\n"), got.stderr
    import pyarrow.parquet as pq

    # every record with a finding has its rows (the generator's draw decides which do: a policy gap rectified in
    # time has none)
    j = responsibility.Jurisdiction.example()
    answered = {i for i, r in enumerate(rows[:-1]) if policy.who_answers(r, jurisdiction=j, today=TODAY).findings}
    assert len(answered) >= 3 and set(pq.read_table(out).column("record").to_pylist()) == answered
    assert (tmp_path / "r.csv").read_text(encoding="utf-8").count("\n") == 2


def test_a_second_load_in_one_process_is_the_view_read_before(cache: Path, rules_copy: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    # fails before: every load of the same files made a new view, whose engines paid their first decisions again
    # (an in-process `run_cli("assess", …)` on 700 records: 2.5 CPU s against 0.19 warm, suite47)
    first = responsibility.load(rules_copy)  # (read from the YAML, then cached: a view of its own, never kept)
    assert first._loaded is not None
    second = responsibility.load(rules_copy)
    assert second is not first and second._loaded is None and second.data == first.data
    record = {"id": "p", "area": "housing", "place": "331127",
              "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"}, "as_of": "2021-12-31"}
    verdict = second.who_answers(record, engine="compiled")
    assert responsibility.load(rules_copy) is second and responsibility.load(str(rules_copy)) is second
    assert responsibility.load(rules_copy).who_answers(record, engine="compiled").to_dict() == verdict.to_dict()
    what_if = second.with_parameters(handling_time_limit_days=15)  # (a new view: the kept one is as it was)
    assert what_if is not second and responsibility.load(rules_copy).parameter("handling_time_limit_days") == 10
    # another day, a view of its own that a load of that day finds
    dated = responsibility.load(rules_copy, as_of="2021-06-01")
    assert dated is not second and responsibility.load(rules_copy, as_of="2021-06-01") is dated
    with _cache.views_apart():  # (conftest.fresh_load)
        apart = responsibility.load(rules_copy)
    assert apart is not second and responsibility.load(rules_copy) is second
    # the cache's entry removed (or rewritten, made writable by others): a load reads as without a kept view
    (entry,) = _entries(cache)
    entry.unlink()
    assert responsibility.load(rules_copy)._loaded is not None  # from the YAML again: nothing kept answered
    third = responsibility.load(rules_copy)
    assert third is not second and responsibility.load(rules_copy) is third
    # an edited file is another key
    f = rules_copy / "parameters.yaml"
    f.write_text(f.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    assert responsibility.load(rules_copy)._loaded is not None
    # off is off
    monkeypatch.setenv("RESPONSIBILITY_CACHE", "off")
    assert responsibility.load(rules_copy) is not responsibility.load(rules_copy)


def test_the_kept_views_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_cache, "_views", {})
    days = [f"2021-0{m}-01" for m in range(1, 3 + _cache.VIEWS_KEPT)]
    responsibility.load()  # (the policy in the suite's cache)
    views = [responsibility.load(as_of=day) for day in days]  # (each read back from it, and kept)
    assert len(_cache._views) == _cache.VIEWS_KEPT
    assert responsibility.load(as_of=days[-1]) is views[-1]
    assert responsibility.load(as_of=days[0]) is not views[0]  # (the oldest, dropped)


def test_the_command_line_in_one_process_uses_the_view_read_before(cache: Path, rules_copy: Path, run_cli: Any,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # fails before: each in-process command (run_cli, a service's and a ledger's loads) made a new view of the same
    # files and paid its engines' first decisions again
    load_checked(rules_copy, cls=PolicyView)  # (read from the YAML and cached)
    plain = load_checked(rules_copy, cls=PolicyView, plain=True)
    models = load_checked(rules_copy, cls=PolicyView)
    assert plain is not models and type(plain.data) is not type(models.data)  # (each form its own view)
    assert load_checked(rules_copy, cls=PolicyView, plain=True) is plain
    assert load_checked(rules_copy, cls=PolicyView) is models
    assert load_checked(rules_copy, cls=responsibility.Policy) is not models  # (exactly the class asked for)
    record = rules_copy.parent / "p.yaml"
    record.write_text('id: p\narea: housing\nplace: "331127"\ndiscovered: {level: county, channel: hotline, '
                      'on: 2021-03-01}\nas_of: 2021-12-31\n', encoding="utf-8")
    from responsibility.engine import _decide

    made: list[object] = []
    real = _decide.Decider.__init__

    def counted(self: Any, *args: Any, **kwargs: Any) -> None:
        made.append(self)
        real(self, *args, **kwargs)

    monkeypatch.setattr(_decide.Decider, "__init__", counted)
    said = [run_cli("who", str(record), "--rules", str(rules_copy))]
    first = len(made)
    said.append(run_cli("who", str(record), "--rules", str(rules_copy)))
    assert said[0][0] == 0 and said[0] == said[1]
    assert first >= 1 and len(made) == first  # (the second decided with the first one's decider)
