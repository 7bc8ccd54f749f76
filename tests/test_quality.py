"""The code stays typed (mypy --strict on src/) and ruff-clean; doctests of the public API run."""

from __future__ import annotations

import doctest
import importlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip(f"{name} is not installed (pip install -e '.[dev]')")
    return found


@pytest.mark.slow
def test_mypy_strict_passes_on_src() -> None:
    proc = subprocess.run([tool("mypy")], cwd=ROOT, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_ruff_is_clean() -> None:
    proc = subprocess.run([tool("ruff"), "check", "src", "tests", "benchmarks", "tools"], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize("module", ["policy._text", "chain._jurisdiction", "policy._view", "_api", "engine._verdict",
                                    "engine._problem", "checks._diff", "_files",
                                    "engine._route", "ledger._ledger", "ledger._events"])
def test_docstring_examples_run(module: str) -> None:
    mod = importlib.import_module(f"responsibility.{module}")
    result = doctest.testmod(mod, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.slow
@pytest.mark.parametrize(("script", "args", "expect"), [
    # (8 problems: 40 took 16 CPU s, 8 take 12; most of it is each engine's first decisions and the cold starts)
    pytest.param("bench_engine.py", ["8", "--runs", "1"], "durable  who_answers + to_dict", marks=pytest.mark.durable),
    ("bench_chain.py", ["--runs", "1"], "median of 1"),
    ("bench_yaml.py", ["--runs", "1"], "pure/C ratio"),
    ("bench_ledger.py", ["--events", "200", "--problems", "30", "--runs", "1", "--no-pg", "--inline"], "lists"),
])
def test_benchmarks_run_and_print_their_figures(script: str, args: list[str], expect: str) -> None:
    # Small sizes, so the scripts cannot rot; their full-size figures go in the issue notes.
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / script), *args], cwd=ROOT,
                          capture_output=True, text=True, check=False, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert expect in proc.stdout


def test_no_project_bookkeeping_in_what_a_reader_is_shown() -> None:
    """The rules' texts (names, notes, whys, reasons) reach the reader in explain(), the JSON and the
    docs: the project's review and probe tags belong in YAML comments, which a loader drops."""
    import re

    import yaml

    tag = re.compile(r"\b(?:review ?\d+[ab]?|probe ?\d+|R\d+[AB]?-\d+|P\d+-\d+)\b")

    def strings(node: object) -> list[str]:
        if isinstance(node, str):
            return [node]
        if isinstance(node, dict):
            return [s for v in node.values() for s in strings(v)]
        if isinstance(node, list):
            return [s for v in node for s in strings(v)]
        return []

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # (libyaml: the same documents, ten times as fast)
    leaks = [f"{path.relative_to(ROOT)}: …{m.group(0)}…"
             for path in sorted((ROOT / "rules").rglob("*.yaml"))
             for text in strings(yaml.load(path.read_text(encoding="utf-8"), Loader=loader))
             for m in tag.finditer(text)]
    assert not leaks, leaks
