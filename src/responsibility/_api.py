"""Entry points: :func:`load` and :func:`validate`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ._errors import Issue, RulesError
from ._loader import default_rules_dir, read_policy_dir
from ._policy import Policy
from ._validate import check


def validate(path: str | Path | None = None) -> list[Issue]:
    """Every problem in the policy directory at ``path`` (default: the shipped rules).

    Returns an empty list when the directory is sound. Unreadable input (a missing
    directory) raises :class:`RulesError`.

    >>> import responsibility
    >>> responsibility.validate()
    []
    """
    loaded = read_policy_dir(Path(path) if path is not None else default_rules_dir())
    return loaded.issues or check(loaded)


def load(path: str | Path | None = None, *, as_of: dt.date | None = None) -> Policy:
    """Load and validate a policy directory (default: the rules shipped with the package).

    ``as_of`` keeps only the bodies, duties, problem kinds and parameters in force on that day.
    Raises :class:`RulesError` listing every problem if the data is not sound.

    >>> import responsibility
    >>> policy = responsibility.load()
    >>> sorted(policy.problem_areas)[:3]
    ['basic_needs', 'discovery', 'education']
    """
    root = Path(path) if path is not None else default_rules_dir()
    loaded = read_policy_dir(root)
    issues = loaded.issues or check(loaded)
    if issues:
        raise RulesError(issues)
    assert loaded.data is not None
    return Policy(loaded.data, root=root, loaded=loaded, as_of=as_of)
