"""`pip install .` ships the rules: validate works from another directory, outside the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_installed_wheel_validates_its_shipped_rules(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(wheels), str(ROOT)],
                   check=True, capture_output=True)
    wheel = next(wheels.glob("responsibility-*.whl"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    py = venv / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "--quiet", "--no-deps", str(wheel)], check=True,
                   capture_output=True)
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
