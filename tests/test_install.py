"""`pip install .` ships the rules: validate works from another directory, outside the checkout."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _tree(tmp_path: Path) -> Path:
    """A copy of what a wheel is built from. Building from the checkout itself writes its ``build/`` and
    ``*.egg-info`` while other tests of the suite (on other xdist workers) read the checkout: a wheel built so under
    load once held no package (session 31, "No module named responsibility")."""
    tree = tmp_path / "tree"
    for name in ("src", "rules", "schemas", "examples", "setup.py", "pyproject.toml", "MANIFEST.in", "README.md"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, tree / name, ignore=shutil.ignore_patterns("*.egg-info", "__pycache__", "*.so"))
        else:
            shutil.copy2(src, tree / name)
    return tree


def _build(tree: Path, out: Path) -> Path:
    """The wheel ``pip wheel`` builds from ``tree`` into ``out``. Without build isolation where this environment holds
    the build backend (the dev extra installs setuptools and wheel): an isolated build installs them afresh into a
    temporary environment on every build (suite34a: ~5 CPU s a build)."""
    here = all(importlib.util.find_spec(m) is not None for m in ("setuptools", "wheel"))
    no_isolation = ["--no-build-isolation"] if here else []
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", *no_isolation, "-w", str(out),
                    str(tree)], check=True, capture_output=True)
    return next(out.glob("responsibility-*.whl"))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """One tree and the wheel built from it, for both tests (a build compiles the five C extensions)."""
    tmp = tmp_path_factory.mktemp("install")
    tree = _tree(tmp)
    return tree, _build(tree, tmp / "w1")


def _shipped(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as z:
        return {n.split("_data/", 1)[1] for n in z.namelist() if "/_data/" in n}


@pytest.mark.slow  # builds and installs a wheel
def test_installed_wheel_validates_its_shipped_rules(tmp_path: Path, built: tuple[Path, Path]) -> None:
    _, wheel = built
    venv = tmp_path / "venv"
    # (a venv without pip of its own, installed into by this environment's pip: ensurepip costs ~4 CPU s)
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    py = venv / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "--quiet", "--no-deps", str(wheel)],
                   check=True, capture_output=True)
    # Dependencies come from this environment's site-packages; the package itself from the wheel
    # (the editable install here is a path hook that a PYTHONPATH entry does not activate).
    env = {**os.environ, "PYTHONPATH": sysconfig.get_paths()["purelib"] + os.pathsep + sysconfig.get_paths()["platlib"]}
    proc = subprocess.run([str(py), "-m", "responsibility", "validate"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert str(venv) in proc.stdout and "OK" in proc.stdout
    where = subprocess.run([str(py), "-c", "import responsibility; print(responsibility.__file__)"], cwd=tmp_path,
                           env=env, capture_output=True, text=True, check=True).stdout
    assert str(venv) in where
    proc = subprocess.run([str(py), "-m", "responsibility", "who", "-", "--format", "json"], cwd=tmp_path, env=env,
                          input=(ROOT / "examples" / "problems" / "housing-not-discovered.yaml").read_text(),
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0 and "village_committee" in proc.stdout
    # schemas --check outside the checkout checks the schemas shipped in the package, creating nothing.
    proc = subprocess.run([str(py), "-m", "responsibility", "schemas", "--check"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0 and "_data/schemas" in proc.stdout, proc.stdout + proc.stderr
    assert not (tmp_path / "schemas").exists()


@pytest.mark.slow
def test_rebuilt_wheel_holds_exactly_the_rules_of_the_tree(tmp_path: Path, built: tuple[Path, Path]) -> None:
    """A rules file deleted between two builds of one tree is not in the second wheel."""
    tree, wheel = built
    first = _shipped(wheel)
    assert "rules/areas/water.yaml" in first
    (tree / "rules" / "areas" / "water.yaml").unlink()  # (the other test reads only the wheel, built already)
    second = _shipped(_build(tree, tmp_path / "w2"))
    assert second == first - {"rules/areas/water.yaml"}
