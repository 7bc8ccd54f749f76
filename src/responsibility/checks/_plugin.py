"""pytest plugin: collects ``*.scenarios.yaml`` files and runs each scenario as a test.

Registered through the ``pytest11`` entry point, so installing the package is
enough. The policy is the shipped one unless ``--responsibility-rules DIR`` says
otherwise.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--responsibility-rules", default=None, help="policy directory for scenario files")


_policies: dict[str | None, Any] = {}


def _policy(config: pytest.Config) -> Any:
    from ..chain._checks import load_checked
    from ..policy._view import PolicyView

    key = config.getoption("--responsibility-rules")
    if key not in _policies:
        _policies[key] = load_checked(key, cls=PolicyView)
    return _policies[key]


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    if file_path.name.endswith(".scenarios.yaml"):
        return ScenarioFileItem.from_parent(parent, path=file_path)
    return None


class ScenarioFileItem(pytest.File):
    """A scenario file: one test item per scenario."""

    def collect(self) -> Iterator[pytest.Item]:
        from ._scenarios import load_scenarios

        for ls in load_scenarios(self.path):
            yield ScenarioItem.from_parent(self, name=ls.scenario.name, loaded=ls)


class ScenarioFailed(AssertionError):
    """A scenario's findings differ from its expectations."""


class ScenarioItem(pytest.Item):
    """One scenario."""

    def __init__(self, *, loaded: Any, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.loaded = loaded

    def runtest(self) -> None:
        from ._scenarios import run_scenario

        outcome = run_scenario(self.loaded, _policy(self.config))
        if not outcome.passed:
            raise ScenarioFailed(outcome.report())

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, ScenarioFailed):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, self.loaded.line - 1, f"scenario: {self.name}"
