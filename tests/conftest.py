"""Shared fixtures: the shipped policy, copies of rules/ to break, jurisdictions."""

from __future__ import annotations

import atexit
import gc
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest


def _rewrite_the_tests_only(packages: tuple[str, ...] = ("responsibility", "hypothesis")) -> None:
    """Let pytest rewrite the asserts of the tests, not those of the library and of hypothesis.

    pytest rewrites every module of a distribution that declares a ``pytest11`` plugin: the library does (the scenario
    files' plugin, checks/_plugin), and so does hypothesis. Each worker then rewrote their ~150 modules on import, which
    only changes the message of a failing assert inside them: ~1 CPU s of each worker's collection (of 9.5: suite43).
    Both are imported below, after pytest marked them and before they are first imported (the plugin's own modules
    already are, rewritten). Without pytest's rewriting (``--assert=plain``) there is nothing to unmark."""
    try:
        from _pytest.assertion.rewrite import AssertionRewritingHook
    except ImportError:  # pragma: no cover - another pytest: its rewriting as it is
        return
    for hook in sys.meta_path:
        marked = getattr(hook, "_must_rewrite", None)
        if isinstance(hook, AssertionRewritingHook) and isinstance(marked, set):
            marked.difference_update(packages)
            getattr(hook, "_marked_for_rewrite_cache", {}).clear()


_rewrite_the_tests_only()

# The cycle collector runs rarely in the suite's processes, as it does in ``assess`` (batch/_workers: the same
# thresholds): with its default thresholds it ran after every 700 new objects and walked, again and again, the large
# heap that the loaded policies, jurisdictions and memos of a worker make. That took ~15 % of the CPU of the
# tests measured and ~35 % of the collection (suite43). Every object is still collected (a test that needs it
# at once calls gc.collect()); a test that reads the thresholds sets and reads its own.
gc.set_threshold(100_000, 50, 1000)

import yaml  # noqa: E402
from hypothesis import settings  # noqa: E402

import responsibility  # noqa: E402
from responsibility import Jurisdiction, Policy  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "rules"

# The suite's generated examples are the same on every run, so that a run of the suite (CI's above all) passes or
# fails on the code alone; HYPOTHESIS_PROFILE=explore searches afresh each run (it found the ledger's deadline bug
# that test_lead28 keeps), for a run that looks for new failures rather than gates a change.
settings.register_profile("deterministic", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "deterministic"))

# The suite keeps its cached policies (responsibility.policy._cache) apart from the user's own
# cache, in a directory of its own that the subprocesses it starts inherit. The xdist workers share
# the one their controller made (they inherit its environment): what one worker compiled (an area's
# rules under a view, engine/_compile) the other reads back rather than compiling it again; the
# controller removes it at its exit.
if os.environ.get("PYTEST_XDIST_WORKER") and os.environ.get("_RESPONSIBILITY_TEST_CACHE"):
    os.environ["RESPONSIBILITY_CACHE_DIR"] = os.environ["_RESPONSIBILITY_TEST_CACHE"]
else:
    os.environ["RESPONSIBILITY_CACHE_DIR"] = _CACHE = tempfile.mkdtemp(prefix="responsibility-test-cache-")
    os.environ["_RESPONSIBILITY_TEST_CACHE"] = _CACHE
    atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)


# ---------------------------------------------------------------- running the suite on both cores

#: Workers when neither ``-n`` nor ``-p no:xdist`` is given: one per core (``auto``), at most this many
#: (each worker holds its own policies, jurisdictions and PostgreSQL server).
MAX_WORKERS = 4


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config: pytest.Config) -> None:
    """Spread the suite over the cores (pytest-xdist) unless the command line says otherwise.

    Only a run of a directory (the whole suite, as ``testpaths`` names it, or ``tests/``) is spread; named
    files and tests run in this process, and so does ``-n 0`` (or ``-p no:xdist``); ``-n N`` picks N.
    Set here rather than in ``addopts``, so that ``-p no:xdist`` still works.
    """
    if getattr(config.option, "numprocesses", False) is not None or config.getoption("usepdb", False):
        return  # no xdist (-p no:xdist), or the command line chose
    if "PYTEST_XDIST_WORKER" in os.environ or config.getoption("collectonly", False):
        return
    if not any(Path(arg.split("::")[0]).is_dir() for arg in config.args or ["."]):
        return  # named files or tests: starting workers (each loads what a test needs) takes longer than they do
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    workers = min(cores, MAX_WORKERS)
    if workers > 1:
        config.option.numprocesses = workers
        if config.option.dist == "no":
            config.option.dist = "worksteal"  # a worker that is done takes over another's queue: long tests vary


def pytest_sessionstart(session: pytest.Session) -> None:
    """Before the xdist workers start (their own ``pytest_sessionstart`` runs last): the controller writes each test
    module's assert-rewritten bytecode once, for the workers to read rather than each rewrite every module again.

    pytest caches that bytecode (``tests/__pycache__/*-pytest-*.pyc``, checked by the source's hash) only where
    ``PYTHONDONTWRITEBYTECODE`` is unset, and never before two workers collect at once: each worker rewrote all ~250
    modules, ~7 of its ~11 CPU s of collection (suite51); the controller's one pass costs about half of one worker's.
    The same directory set-up writes the package's bytecode to (scripts/setup.sh: compileall); a later run reads what
    is still current, and rewrites only the modules changed since."""
    config = session.config
    if "PYTEST_XDIST_WORKER" in os.environ or not getattr(config.option, "numprocesses", None):
        return
    try:
        from _pytest.assertion import rewrite
        from _pytest.assertion.rewrite import PYC_TAIL, _read_pyc, _rewrite_test, _write_pyc, assertstate_key
    except ImportError:  # pragma: no cover - another pytest: each worker rewrites, as pytest does
        return
    if config.getoption("assertmode", "rewrite") != "rewrite" or assertstate_key not in config.stash:
        return
    state = config.stash[assertstate_key]
    here = Path(__file__).resolve().parent
    named = [Path(arg.split("::")[0]).resolve() for arg in config.args or ["."]]
    whole = any(p.is_dir() and (p == here or p in here.parents) for p in named)  # (the suite, or tests/)
    for fn in sorted(here.glob("*.py")):
        if not (fn.name == "conftest.py" or (fn.name.startswith("test_") and (whole or fn in named))):
            continue
        folder = rewrite.get_cache_dir(fn)
        pyc = folder / (fn.name[:-3] + PYC_TAIL)
        if _read_pyc(fn, pyc) is not None:
            continue
        if not rewrite.try_makedirs(folder):
            return  # a read-only tree: the workers rewrite, as without this
        try:
            source_hash, code = _rewrite_test(fn, config)
        except (SyntaxError, ValueError, OSError):
            continue  # (the worker's import reports it, as pytest does)
        _write_pyc(state, code, source_hash, pyc)


@pytest.hookimpl(tryfirst=True)
def pytest_collection(session: pytest.Session) -> None:
    """Load the shipped policy (the ``policy`` fixture's) before the scenario files are collected, where they will be.

    The scenario files' plugin (checks/_plugin) loads a ``PolicyView`` of the shipped rules as it collects them, and
    the CLI run in-process, the service and the ledger load one later; a ``Policy`` kept first answers those loads
    (policy/_cache.kept_view: a ``Policy`` is a ``PolicyView``), so a worker pays the first decisions of the shipped
    rules once rather than in two views. A worker that collects no scenario file loads it when a test asks."""
    if "PYTEST_XDIST_WORKER" not in os.environ and getattr(session.config.option, "numprocesses", None):
        return  # (xdist's controller: its workers collect)
    examples = (ROOT / "examples").resolve()
    args = [Path(arg.split("::")[0]).resolve() for arg in session.config.args or ["."]]
    if not any(p == examples or p in examples.parents or examples in p.parents for p in args):
        return
    # (only a view read back from the cache is kept: a first load from the YAML, in a fresh cache, is read again)
    if responsibility.load(RULES)._loaded is not None:
        responsibility.load(RULES)


# ---------------------------------------------------------------- durable-rules

def _durable_missing() -> str | None:
    """Why durable-rules cannot run here, or None when it can."""
    from responsibility import EngineUnavailable
    from responsibility.engine._engine_durable import _import

    try:
        _import()
    except EngineUnavailable as exc:
        return str(exc).split(";")[0]
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip the tests that need durable-rules where it does not import (pyproject installs it only on
    Pythons it builds on): those marked ``durable`` and those parametrized with ``engine="durable"``."""
    def needs(item: pytest.Item) -> bool:
        callspec = getattr(item, "callspec", None)
        return item.get_closest_marker("durable") is not None or (
            callspec is not None and callspec.params.get("engine") == "durable")

    wanting = [item for item in items if needs(item)]
    missing = _durable_missing() if wanting else None
    if missing is None:
        return
    skip = pytest.mark.skip(reason=f"needs durable-rules, which pyproject installs only where it builds: {missing} "
                                   f"(Python {sys.version.split()[0]}); the compiled engine's tests run")
    for item in wanting:
        item.add_marker(skip)


@pytest.fixture()
def young_heap() -> Iterator[None]:
    """For a test that calls ``gc.collect()`` to see what it made freed (or counts ``gc.get_objects()``): everything
    alive when it starts is frozen (``gc.freeze``, moved out of the collector's generations) until it ends, so its
    collection walks only what the test made. A full collection of a worker's heap (the loaded policies, readings and
    memos of every test before it, GBs) cost 1–4 CPU s each, for a few objects made here (suite54).

    Nothing is freed that a full collection would keep: a frozen object still keeps alive what it refers to, and a
    cycle of the test's own objects is freed as before. A cycle that a frozen object belongs to is not freed until
    the objects are thawed (at the end), so an assertion that something is freed can only fail more, never pass more.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


#: How many more blocks (``sys.getallocatedblocks()``: Python's small objects, ~150 bytes of the RSS each with the
#: tables they index) than the last clean-up left a module may end with before :func:`_cold_between_modules` cleans
#: up again (~1.5 GB). Each clean-up costs ~1.7 CPU s (the pass, the collection, the next modules' re-warming): lower
#: keeps a worker smaller, higher costs less (mem63).
HEAP_GROWTH = 10_000_000
_CLEANED = [0]


@pytest.fixture(scope="module", autouse=True)
def _cold_between_modules() -> Iterator[None]:
    """After a test module that leaves the heap :data:`HEAP_GROWTH` blocks larger than the last clean-up did: every
    policy view alive forgets what it derived (policy/_view.forget_every_view: the decider with its plans and the
    deciders of other readings, the what-if views kept on it, its own memos) — the ``policy`` and ``amended_policy``
    fixtures', the loads the policy cache keeps (policy/_cache.kept_view), those a test module keeps in its globals
    (pytest keeps them to the end) — and a full collection frees the cycles the modules let go (a dropped view and its
    decider hold each other).

    Without it a worker's RSS grew ~0.5 GB a minute to ~8.6 GB over the suite (mem62, mem63): under the thresholds
    set above a full collection never runs (it waits for 1,000 collections of the middle generation, 5·10⁹ new
    objects), so every view a module made and dropped stayed with its memos; and the views kept for the session, each
    memo bounded by count, together grew past GBs with the deciders of every reading. Cleaning after every module cost
    ~0.3–1.4 CPU s each (the next module's first decisions derive again, the collection walks the heap): 7–12 % of the
    modules measured (mem63); one clean-up per ~1.5 GB of growth keeps that to a few per worker."""
    yield
    blocks = sys.getallocatedblocks()
    if blocks < _CLEANED[0] + HEAP_GROWTH:
        return
    from responsibility.policy._view import forget_every_view

    forget_every_view()
    gc.collect()
    _CLEANED[0] = sys.getallocatedblocks()


@pytest.fixture(scope="session")
def policy() -> Policy:
    """The shipped policy, loaded once."""
    return responsibility.load(RULES)


def fresh_load(path: Path | None = None) -> Policy:
    """``responsibility.load(path)`` as a new process's first load gives it: a view of its own, with memos of its
    own. A load of the same files again in one process answers with the view made before, memos warm
    (policy/_cache.kept_view); a test of what a fresh policy's first decisions do (a decider's order, what a dropped
    policy frees), or one that empties or fills a policy's memos by hand, takes this one instead."""
    from responsibility.policy import _cache

    with _cache.views_apart():
        return responsibility.load(path)


@pytest.fixture(scope="session")
def example() -> Jurisdiction:
    """The shipped example jurisdiction."""
    return Jurisdiction.example()


@pytest.fixture(scope="session")
def jurisdiction() -> Jurisdiction:
    """The default synthetic jurisdiction (``Jurisdiction.synthetic()``)."""
    return Jurisdiction.synthetic()


@pytest.fixture(scope="session")
def small_province() -> Jurisdiction:
    """A small synthetic province for engine tests."""
    return Jurisdiction.synthetic(cities=3, counties=6, townships=20, villages=80, seed=7)


@pytest.fixture(scope="session")
def province() -> Jurisdiction:
    """The smaller synthetic province of the batch and ``assess`` tests (a module may define its own)."""
    return Jurisdiction.synthetic(cities=2, counties=4, townships=10, villages=40, seed=3)


@pytest.fixture()
def jcsv(tmp_path: Path, province: Jurisdiction) -> str:
    """``province`` as a jurisdiction CSV file (for ``--jurisdiction``)."""
    path = tmp_path / "province.csv"
    path.write_text(province.to_csv(), encoding="utf-8")
    return str(path)


def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the per-user cache (policy, jurisdiction, assessor entries) at an empty directory of the test's own:
    a test of the cache must not see, nor leave, entries in the user's cache. A module names its fixture
    ``cache`` by calling this (pytest's own ``cache`` fixture would be shadowed for every test if it lived here)."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("RESPONSIBILITY_CACHE_DIR", str(folder))
    monkeypatch.delenv("RESPONSIBILITY_CACHE", raising=False)
    return folder


@pytest.fixture()
def rules_copy(tmp_path: Path) -> Path:
    """A fresh copy of rules/ that a test may edit."""
    target = tmp_path / "rules"
    shutil.copytree(RULES, target)
    return target


def amended_rules(target: Path) -> Path:
    """The shipped rules with the 2021 example amendment (examples/policy-changes), copied to ``target``."""
    shutil.copytree(ROOT / "rules", target)
    shutil.copytree(ROOT / "examples" / "policy-changes" / "rural-revitalisation-2021" / "amendments",
                    target / "amendments")
    return target


@pytest.fixture(scope="session")
def amended_policy(tmp_path_factory: pytest.TempPathFactory) -> Policy:
    """The shipped rules with the 2021 example amendment (:func:`amended_rules`), loaded once per process, for the
    modules that only read it. A fresh object of the same text pays the warm-up again (its rule sets read back from the
    cache and indexed, its own memos): ~3.8 CPU s more than the same object for 1,000 records of every area (suite39),
    so each module that loaded its own copy paid it again."""
    return responsibility.load(amended_rules(tmp_path_factory.mktemp("amended") / "rules"))


def set_parameter(rules: Path, parameter: str, value: object) -> None:
    """Give ``parameter`` a new value in the policy directory ``rules`` (a copy)."""
    f = rules / "parameters.yaml"
    data = yaml.safe_load(f.read_text(encoding="utf-8"))
    hits = [p for p in data["parameters"] if p["id"] == parameter]
    assert hits, f"no parameter {parameter!r}"
    for p in hits:
        p["value"] = value
    f.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


@pytest.fixture()
def run_cli(capsys: pytest.CaptureFixture[str]) -> Iterator[Callable[..., tuple[int, str, str]]]:
    """Run the CLI in-process; returns (exit code, stdout, stderr). The ``RESPONSIBILITY_*`` environment is as before
    afterwards: ``serve`` sets it for its workers, and a test's ``serve --tokens BROKEN`` left a later test's
    ``create_app()`` reading that file (session 40: test_the_endpoint_table_is_the_server_s after test_hostile40)."""
    from responsibility.cli import main

    before = {k: v for k, v in os.environ.items() if k.startswith("RESPONSIBILITY_")}

    def run(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    yield run
    for k in [k for k in os.environ if k.startswith("RESPONSIBILITY_") and k not in before]:
        del os.environ[k]
    os.environ.update(before)



@pytest.fixture
def one_problem_ledger(tmp_path: Path, run_cli: Callable[..., tuple[int, str, str]]) -> Callable[[str], str]:
    """A SQLite ledger made through the CLI holding one problem registered with the id given (as YAML writes it);
    returns the database's path."""

    def make(problem: str) -> str:
        db = str(tmp_path / "l.db")
        events = tmp_path / "e.yaml"
        events.write_text(f'- {{problem: {problem}, type: registered, on: 2021-03-01, area: housing, '
                          f'place: "330127100219"}}\n', encoding="utf-8")
        assert run_cli("ledger", "init", db)[0] == 0
        assert run_cli("ledger", "add", db, str(events), "--by", "me")[0] == 0
        return db

    return make


# ---------------------------------------------------------------- the ledger's databases

@pytest.fixture(scope="session")
def pg_server():  # type: ignore[no-untyped-def]
    """A PostgreSQL server started for this test session on 127.0.0.1 (stopped at the end).

    Without PostgreSQL the tests that need it are skipped with the reason. When set-up found or
    installed it (``.venv/postgresql-required``, as in CI) or ``CI`` is set, they fail instead.
    """
    import os

    from tests import pgserver

    try:
        server = pgserver.start()
    except pgserver.Unavailable as exc:
        if os.environ.get("CI") or (ROOT / ".venv" / "postgresql-required").exists():
            pytest.fail(f"PostgreSQL is required here (set-up installed it) but: {exc}")
        pytest.skip(f"no PostgreSQL server: {exc}")
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def ledger_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database for a ledger: a SQLite file, then a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "ledger.db")
    server = request.getfixturevalue("pg_server")
    url: str = server.new_database()
    return url


# ------------------------------------------------------------------ the county ledger of the hostile passes


@pytest.fixture(scope="module")
def county_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A ledger imported from the example county workbook (per module: tests may read it, not change it)."""
    from responsibility import Ledger

    db = tmp_path_factory.mktemp("ledger") / "county.db"
    with Ledger.create(db) as ledger:
        ledger.import_file(ROOT / "examples" / "ledger" / "county-ledger.xlsx", entered_by="clerk")
    return db


@pytest.fixture(scope="module")
def client(county_db: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The HTTP service over ``county_db`` with the test tokens (a module that needs another defines its own)."""
    from fastapi.testclient import TestClient

    from responsibility.service import Settings, create_app
    from tests.test_service import token_store

    log = tmp_path_factory.mktemp("log") / "d.jsonl"
    app = create_app(Settings(tokens=token_store(), ledger=str(county_db), decision_log=log))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
