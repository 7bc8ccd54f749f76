"""Readings of a verdict that the fidelity tests share: who answers on which basis, what it rests on."""

from __future__ import annotations

from typing import Any

from responsibility import Policy


def answers(policy: Policy, record: dict[str, Any], engine: str = "compiled") -> set[tuple[str, str]]:
    """The (body, basis) pairs of ``record``'s verdict from ``engine``."""
    return {(f.body, f.basis) for f in policy.who_answers(record, engine=engine).findings}  # type: ignore[arg-type]


def rests(policy: Policy, record: dict[str, Any], engine: str = "compiled") -> set[str]:
    """The ids of the interpretations and parameters ``record``'s verdict from ``engine`` rests on."""
    return {i.id for i in policy.who_answers(record, engine=engine).interpretations}  # type: ignore[arg-type]
