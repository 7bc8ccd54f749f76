"""Build hook: ship the policy data inside the wheel.

The rules live at the repository root (``rules/``) because policy editors work
there; a wheel must still carry them so that ``responsibility.load()`` works
outside a checkout. This copies them into ``responsibility/_data/`` at build time.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).parent
SHIPPED = {"rules": ROOT / "rules", "jurisdictions": ROOT / "examples" / "jurisdictions",
           "schemas": ROOT / "schemas"}


class BuildPyWithData(build_py):
    def run(self) -> None:
        if not getattr(self, "editable_mode", False):
            # build/lib survives between builds: a module or rules file deleted from the tree must
            # not ship from an earlier build, so the package is copied afresh.
            shutil.rmtree(Path(self.build_lib) / "responsibility", ignore_errors=True)
        super().run()
        target = Path(self.build_lib) / "responsibility" / "_data"
        for name, source in SHIPPED.items():
            # Cleared first: a file deleted from the tree must not ship from an earlier build.
            shutil.rmtree(target / name, ignore_errors=True)
            if source.is_dir():
                shutil.copytree(source, target / name)


setup(cmdclass={"build_py": BuildPyWithData})
