"""The compiled evaluator: the generated rules tested in plain Python.

It reads the same :class:`~._compile.Rule` list as the durable-rules engine and
must answer identically (the differential tests check it). Rules are indexed by
(area, fact type) and each condition is pre-bound to its operator, so a decision
costs a few dict look-ups and comparisons per candidate rule.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ._compile import Rule
from ._facts import Fact

_OPS: dict[str, Callable[[Any, Any], bool]] = {
    "==": operator.eq, "!=": operator.ne, "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
}

Hit = tuple[Rule, Fact]
_Tests = tuple[tuple[str, Callable[[Any, Any], bool], Any], ...]


class CompiledEngine:
    """Evaluate generated rules without durable-rules; thread-safe (its only state is the index,
    built per area on the first decision in it; two threads building one area build the same)."""

    name = "compiled"

    def __init__(self, rules: Mapping[str, tuple[Rule, ...]]) -> None:
        self._rules = rules
        self._areas: dict[str, dict[tuple[str, str], list[tuple[Rule, _Tests]]]] = {}

    def _index(self, area: str) -> dict[tuple[str, str], list[tuple[Rule, _Tests]]]:
        index: dict[tuple[str, str], list[tuple[Rule, _Tests]]] = {}
        for rule in self._rules.get(area, ()):
            kind = next(str(c.value) for c in rule.conds if c.field == "kind")
            tests = tuple((c.field, _OPS[c.op], c.value) for c in rule.conds if c.field not in ("area", "kind"))
            index.setdefault((rule.fact, kind), []).append((rule, tests))
        self._areas[area] = index
        return index

    def fire(self, area: str, facts: Sequence[Fact]) -> list[Hit]:
        """The (rule, fact) pairs whose conditions hold, in fact order then rule order."""
        index = self._areas.get(area)
        if index is None:
            index = self._index(area)
        hits: list[Hit] = []
        for fact in facts:
            for rule, tests in index.get((fact["t"], fact["kind"]), ()):
                if all(op(fact[f], v) for f, op, v in tests):
                    hits.append((rule, fact))
        return hits
