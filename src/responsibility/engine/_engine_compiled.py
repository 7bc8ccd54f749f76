"""The compiled evaluator: the generated rules tested in plain Python.

It reads the same :class:`~._compile.Rule` list as the durable-rules engine and
must answer identically (the differential tests check it). Rules are indexed by
(area, fact type) and each condition is pre-bound to its operator, so a decision
costs a few dict look-ups and comparisons per candidate rule.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from typing import Any

from ._compile import Rule
from ._facts import Fact

_OPS: dict[str, Callable[[Any, Any], bool]] = {
    "==": operator.eq, "!=": operator.ne, "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
}

Hit = tuple[Rule, Fact]
_Tests = tuple[tuple[str, Callable[[Any, Any], bool], Any], ...]


class CompiledEngine:
    """Evaluate generated rules without durable-rules; thread-safe (holds no mutable state)."""

    name = "compiled"

    def __init__(self, rules: dict[str, tuple[Rule, ...]]) -> None:
        self._index: dict[tuple[str, str, str], list[tuple[Rule, _Tests]]] = {}
        for area, rs in rules.items():
            for rule in rs:
                kind = next(str(c.value) for c in rule.conds if c.field == "kind")
                tests = tuple((c.field, _OPS[c.op], c.value) for c in rule.conds if c.field not in ("area", "kind"))
                self._index.setdefault((area, rule.fact, kind), []).append((rule, tests))

    def fire(self, area: str, facts: Sequence[Fact]) -> list[Hit]:
        """The (rule, fact) pairs whose conditions hold, in fact order then rule order."""
        hits: list[Hit] = []
        for fact in facts:
            for rule, tests in self._index.get((area, fact["t"], fact["kind"]), ()):
                if all(op(fact[f], v) for f, op, v in tests):
                    hits.append((rule, fact))
        return hits
