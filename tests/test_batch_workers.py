"""The worker pool of `responsibility assess`: what is done once before the fork, what a worker leaves out."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from responsibility import Jurisdiction, Policy

Run = Callable[..., tuple[int, str, str]]


def test_a_worker_builds_arrow_arrays_without_importing_pandas() -> None:
    code = (
        "import sys\n"
        "from responsibility.batch._workers import arrow_without_pandas\n"
        "arrow_without_pandas()\n"
        "import numpy as np, pyarrow as pa, pyarrow.compute as pc\n"
        "a = pa.array(np.arange(3)); b = pa.array(['x', None]); c = pc.fill_null(b, ''); s = pa.scalar(1)\n"
        "assert (a.to_pylist(), c.to_pylist(), s.as_py()) == ([0, 1, 2], ['x', ''], 1)\n"
        "print('pandas' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False", out.stderr


def test_rules_are_compiled_before_the_fork_unless_the_templates_were_saved(policy: Policy,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from responsibility.batch._assessor import make_assessor
    from responsibility.batch._workers import warm

    monkeypatch.setenv("RESPONSIBILITY_CACHE", "off")  # built, not loaded (batch/_saved.py)
    assessor = make_assessor(policy, Jurisdiction.example())
    compiled = assessor.t.decider.compiled
    compiled._areas.clear()  # as a fresh process has them
    warm(assessor)
    assert not assessor.loaded and set(compiled._areas) == set(assessor.t.areas)
    # templates loaded from the cache: a worker compiles an area's rules only where it makes a new one
    assessor.loaded = True
    compiled._areas.clear()
    warm(assessor)
    assert not compiled._areas


def test_assess_runs_without_pandas_and_leaves_it_importable(tmp_path: Path, policy: Policy) -> None:
    """Nor numpy.ma (which ``pa.array`` of a numpy array imports: ~0.01 CPU s of every run), nor pyarrow.compute
    (which ``Array.fill_null`` imports: ~0.03-0.05 CPU s; the ledger's records have steps and concealers), nor even
    pyarrow._compute (its functions: ~0.015 CPU s; the lists' items are read from their offsets, the finding rows'
    problem ids gathered in C)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .test_batch import TODAY, ledger

    records = ledger(policy, Jurisdiction.example(), 50, seed=5)
    src = tmp_path / "in.parquet"
    pq.write_table(pa.Table.from_pylist([{k: v for k, v in r.items() if v is not None} for r in records]), src)
    code = (
        "import sys\n"
        "from responsibility.cli import main\n"
        f"sys.argv = ['responsibility', 'assess', {str(src)!r}, '-o', {str(tmp_path / 'out.parquet')!r}, "
        f"'--workers', '1', '--today', {TODAY.isoformat()!r}]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('pandas' in sys.modules, 'numpy.ma' in sys.modules, 'pyarrow.compute' in sys.modules,\n"
        "      'pyarrow._compute' in sys.modules)\n"
        "import pandas\n"
        "print(pandas.read_parquet(sys.argv[4]).shape[0] > 0)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False", "False", "False", "True"], out.stderr


def test_a_batch_run_has_arrow_keep_freed_memory_unless_the_user_chose() -> None:
    import os

    code = (
        "import os, sys\n"
        "from responsibility.batch._workers import ARROW_MEMORY, collect_rarely\n"
        "names = sorted(ARROW_MEMORY)\n"
        "undo = collect_rarely()\n"
        "print(*(os.environ.get(n) for n in names), 'pyarrow' in sys.modules)\n"
        "import pyarrow\n"
        "undo()\n"
        "print(*(os.environ.get(n) for n in names))\n"
        "undo = collect_rarely()\n"  # too late now: nothing to set
        "print(*(os.environ.get(n) for n in names))\n"
    )
    names = ("MIMALLOC_ALLOW_THP", "MIMALLOC_PURGE_DELAY")
    env = {k: v for k, v in os.environ.items() if k not in names}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert out.stdout.split() == ["0", "-1", "False", "None", "None", "None", "None"], out.stderr
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**env, "MIMALLOC_PURGE_DELAY": "50"})
    assert out.stdout.split() == ["0", "50", "False", "None", "50", "None", "50"], out.stderr


def test_arrow_memory_options_reach_mimalloc() -> None:
    """The options are the allocator's own names: mimalloc, started after them, reports them set."""
    import os

    code = ("from responsibility.batch._workers import collect_rarely\n"
            "collect_rarely()\n"
            "import pyarrow as pa\n"
            "pa.allocate_buffer(1 << 20)\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MIMALLOC_")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**env, "MIMALLOC_VERBOSE": "1"})
    if "mimalloc" not in out.stderr:
        pytest.skip("pyarrow's allocator here is not mimalloc")
    assert "option 'purge_delay': -1" in out.stderr
    assert "option 'allow_thp': 0" in out.stderr


@pytest.mark.parametrize("path", ["direct", "copied out", "not placed"])
def test_rows_reach_the_writer_through_the_slots_byte_identical(run_cli: Run, tmp_path: Path, policy: Policy,
                                                                  province: Jurisdiction, jcsv: str, path: str,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Each way a worker's rows reach the parent gives the bytes one process writes: a chunk
    whole in slot 0 with its reasons made there (several pieces freeing the slot once), the
    reasons made there but the chunk sent in pieces (they are copied out before slot 0 is
    written over), and the reasons made elsewhere."""
    import pandas as pd

    from responsibility.batch import _workers

    from .test_batch import TODAY, ledger

    records = [{k: v for k, v in r.items() if v is not None} for r in ledger(policy, province, 400, seed=5)]
    src = tmp_path / "in.parquet"
    pd.DataFrame(records).to_parquet(src)
    monkeypatch.setattr(_workers, "PIECE_BYTES", 2**15)  # several pieces per chunk
    # several chunks per worker, so that slot 0 is made again while the writer may still read it
    from responsibility.batch import _io

    monkeypatch.setattr(_io, "CHUNK", 64)
    outputs = []
    for workers in ("1", "2"):
        if workers == "2" and path == "copied out":
            monkeypatch.setattr(_workers.Placer, "finish", lambda self, rows, cut: None)
        elif workers == "2" and path == "not placed":
            monkeypatch.setattr(_workers.Placer, "__call__", lambda self, size, n: None)
        out = tmp_path / f"out{workers}.parquet"
        code, _, err = run_cli("assess", str(src), "-o", str(out), "--jurisdiction", jcsv, "--today",
                               TODAY.isoformat(), "--workers", workers)
        assert code in (0, 1), err
        outputs.append(hashlib.sha256(out.read_bytes()).hexdigest())  # (a diff of the bytes overwhelms pytest)
    assert outputs[0] == outputs[1]


def test_reasons_made_by_the_writer_are_those_made_at_once(run_cli: Run, tmp_path: Path, policy: Policy,
                                                          province: Jurisdiction, jcsv: str,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """One process leaves a chunk's reasons to the writer, which makes them a piece at a time (``_emit.Lazy``):
    the same bytes as reasons made whole when emitted, in the same pieces, also where the segments start afresh
    (in new buffers) every few chunks while the writer has yet to make earlier chunks' reasons."""
    from responsibility.batch import _emit, _io, _workers

    from .test_batch import TODAY, ledger

    records = [{k: v for k, v in r.items() if v is not None} for r in ledger(policy, province, 400, seed=7)]
    src = tmp_path / "in.parquet"
    import pandas as pd

    pd.DataFrame(records).to_parquet(src)
    monkeypatch.setattr(_workers, "PIECE_BYTES", 2**14)
    monkeypatch.setattr(_io, "CHUNK", 48)
    lazy = _emit.lazy_reasons
    outputs = []
    for how in ("at once", "by the writer", "afresh"):
        if how == "at once":
            monkeypatch.setattr(_emit, "lazy_reasons", lambda s, segs, given, texts: _emit.reasons(s, segs, given,
                                                                                                   texts))
        else:
            monkeypatch.setattr(_emit, "lazy_reasons", lazy)
        if how == "afresh":
            monkeypatch.setattr(_emit, "_SEGMENTS", 300)
        out = tmp_path / f"out-{how}.parquet"
        code, _, err = run_cli("assess", str(src), "-o", str(out), "--jurisdiction", jcsv, "--today",
                               TODAY.isoformat(), "--workers", "1")
        assert code in (0, 1), err
        outputs.append(hashlib.sha256(out.read_bytes()).hexdigest())
    assert outputs[0] == outputs[1] == outputs[2]


def test_every_stage_the_cost_table_times_exists() -> None:
    """benchmarks/assess_costs.py wraps private functions by name: a rename must show here."""
    import importlib

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    try:
        costs = importlib.import_module("assess_costs")
    finally:
        sys.path.pop(0)
    for module, path, _ in costs.STAGES:
        owner = importlib.import_module(module)
        for part in path.split("."):
            owner = getattr(owner, part)
        assert callable(owner), (module, path)


@pytest.mark.parametrize(("cpus", "workers"), [(1, 1), (2, 1), (3, 2), (4, 3), (5, 4), (16, 4)])
def test_default_workers_leave_a_cpu_to_the_reading_and_writing_parent(monkeypatch: pytest.MonkeyPatch,
                                                                      cpus: int, workers: int) -> None:
    """Workers only where a CPU is left beside the parent's reading and writing (on two, one process)."""
    import os

    from responsibility.batch import _workers

    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: set(range(cpus)), raising=False)
    assert _workers.default_workers() == workers


def test_one_blas_thread_only_before_numpy_and_unless_the_user_chose() -> None:
    import os

    code = ("import os, sys\n"
            "if sys.argv[1] == 'late':\n"
            "    import numpy\n"
            "from responsibility.batch._workers import one_blas_thread\n"
            "one_blas_thread()\n"
            "print(os.environ.get('OPENBLAS_NUM_THREADS'))\n")
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    got = [subprocess.run([sys.executable, "-c", code, when], capture_output=True, text=True, check=True,
                          env={**env, **extra}).stdout.split()
           for when, extra in (("early", {}), ("late", {}), ("early", {"OPENBLAS_NUM_THREADS": "3"}))]
    assert got == [["1"], ["None"], ["3"]]


def test_the_assess_command_sets_blas_before_numpy_is_imported(tmp_path: Path) -> None:
    """In the command's own process nothing imports numpy before ``assess`` starts (else the setting
    would come too late): the command with a ``sitecustomize`` that reports numpy's import."""
    import os

    (tmp_path / "sitecustomize.py").write_text(
        "import sys, os\n"
        "class F:\n"
        "    @staticmethod\n"
        "    def find_spec(name, path=None, target=None):\n"
        "        if name == 'numpy':\n"
        "            blas = os.environ.get('OPENBLAS_NUM_THREADS')\n"
        "            sys.stderr.write('numpy with OPENBLAS_NUM_THREADS=%s\\n' % blas)\n"
        "            sys.meta_path.remove(F)\n"
        "sys.meta_path.insert(0, F)\n")
    records = tmp_path / "r.jsonl"
    records.write_text("")
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    env["PYTHONPATH"] = os.pathsep.join([str(tmp_path), *filter(None, [env.get("PYTHONPATH")])])
    out = subprocess.run([sys.executable, "-m", "responsibility", "assess", str(records), "-o",
                          str(tmp_path / "f.jsonl"), "--no-progress"], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr
    assert "numpy with OPENBLAS_NUM_THREADS=1" in out.stderr
