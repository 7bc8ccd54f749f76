"""The compiled evaluator: the generated rules tested in plain Python.

It reads the same :class:`~._compile.Rule` list as the durable-rules engine and
must answer identically (the differential tests check it). Rules are indexed by
(area, fact type, problem kind) and, where every rule of a group tests the fact's
level for equality, by that level; each condition is pre-bound to its operator, so a
decision costs a few dict look-ups and comparisons per candidate rule.
"""

from __future__ import annotations

import contextlib
import itertools
import operator
from collections.abc import Callable, Mapping, Sequence
from typing import Any, cast

from ._compile import Cond, Holder, Rule, untracked
from ._facts import Fact

_c_fire_derived: Callable[..., tuple[list[tuple[Rule, Fact]], tuple[Any, ...]] | None] | None
try:  # the derived path of fire_read in C (engine/_dicts.c fire_derived), where the extension was built
    from ._dicts import fire_derived as _c_fire_derived
except ImportError:  # pragma: no cover - without a C compiler: read in Python below
    _c_fire_derived = None

_OPS: dict[str, Callable[[Any, Any], bool]] = {
    "==": operator.eq, "!=": operator.ne, "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
}

Hit = tuple[Rule, Fact]
_Tests = tuple[tuple[str, Callable[[Any, Any], bool], Any], ...]


#: The index of each area's rules (:meth:`CompiledEngine._index`) by the rules' identity, with the rules, for at most
#: INDEXES_KEPT rule sets (an index is ~0.2 MB; the rule sets views share are kept by engine/_compile likewise).
INDEXES_KEPT = 64
_INDEXES: dict[int, tuple[Sequence[Rule], dict[tuple[str, str], Any]]] = {}


class CompiledEngine:
    """Evaluate generated rules without durable-rules; thread-safe (its only state is the index,
    built per area on the first decision in it; two threads building one area build the same)."""

    name = "compiled"

    def __init__(self, rules: Mapping[str, tuple[Rule, ...]]) -> None:
        self._rules = rules
        self._areas: dict[str, dict[tuple[str, str], _Group]] = {}
        #: The rules each fact met, by area and the fact's values but its id (at most _MET_KEPT), with
        #: their part of a plan key (:meth:`fire_read`).
        self._met: dict[tuple[Any, ...], tuple[tuple[Rule, ...], tuple[Any, ...]]] = {}
        #: As :attr:`_met`, for the facts of :func:`~._facts.derive` alone, by their values but the id (each
        #: fact type has its fields in one order there, so the values say which fields they are); their part of a
        #: plan key is a number standing for it (:meth:`fire_read`).
        self._met_derived: dict[tuple[Any, ...], tuple[tuple[Rule, ...], int]] = {}
        #: The number standing for each fact's part of a plan key (``derived`` facts), by that part: a plan key holds
        #: one small number per fact, hashed at once, instead of each rule's id with what its plan reads. Numbers are
        #: never given twice (:data:`_TOKENS`), so a key that held one stands for nothing else after a clear.
        self._tokens: dict[tuple[Any, ...], int] = {}

    def _index(self, area: str) -> dict[tuple[str, str], _Group]:
        rules = self._rules.get(area, ())
        # Views that differ only in parameters an area's compile does not read share its rules, one tuple
        # (engine/_compile._area_rules): their engines share its index too, which depends on the rules alone (it was
        # built per view: ~12 ms an area, a tenth of a what-if test's time). Kept with the rules, so an id is not
        # reused while its entry stands.
        kept = _INDEXES.get(id(rules))
        if kept is not None and kept[0] is rules:
            # (the most recently asked last: the oldest let go is the least recently asked, not the first made; kept
            # first-made-first-out, a reading's flipped views built 435 indexes of 228 rule sets under six readings)
            with contextlib.suppress(KeyError):
                _INDEXES[id(rules)] = _INDEXES.pop(id(rules))
            self._areas[area] = kept[1]
            return kept[1]
        index = keep_index(rules, self._indexed(rules))
        self._areas[area] = index
        return index

    @staticmethod
    def _indexed(rules: Sequence[Rule]) -> dict[tuple[str, str], _Group]:
        """The index of an area's ``rules``: by (fact, kind), each rule with its tests (:func:`_split`)."""
        groups: dict[tuple[str, str], list[tuple[Rule, _Tests]]] = {}
        # each rule's kind and tests, by its conditions: rules read from the cache share equal conditions
        # (engine/_compile.save_rules), so most are made once (by id: the rules, and so their conditions, live on)
        made: dict[int, tuple[str, _Tests]] = {}
        for rule in rules:
            got = made.get(id(rule.conds))
            if got is None:
                got = made[id(rule.conds)] = (rule.kind, tuple(
                    (c.field, _OPS[c.op], c.value) for c in rule.conds if c.field not in ("area", "kind")))
            kind, tests = got
            groups.setdefault((rule.fact, kind), []).append((rule, tests))
        # (untracked: tuples of rules and of tests, bound to the operator module's functions; :func:`untracked`)
        return untracked({key: _split(group) for key, group in groups.items()}, Rule, Cond, Holder)

    def fire(self, area: str, facts: Sequence[Fact]) -> list[Hit]:
        """The (rule, fact) pairs whose conditions hold, in fact order then rule order."""
        return self.fire_read(area, facts)[0]

    def fire_read(self, area: str, facts: Sequence[Fact], derived: bool = False) -> tuple[list[Hit], tuple[Any, ...]]:
        """:meth:`fire`, and for each hit in order its rule's id with what a plan reads of its fact
        (:data:`READ`): the fired part of a decider's plan key, kept with the rules a fact meets.
        ``derived``: the facts are :func:`~._facts.derive`'s (kept by their values alone); the fired part is then,
        for each fact that met a rule, a number standing for its rules' ids with what a plan reads of it (equal
        numbers: equal parts)."""
        if derived and _c_fire_derived is not None and type(facts) is list:
            # every fact's rules already kept (most records): read in C, as below; else None and read here
            done = _c_fire_derived(self._met_derived, area, facts)
            if done is not None:
                return done
        index = self._areas.get(area)
        if index is None:
            index = self._index(area)
        hits: list[Hit] = []
        if derived:
            tokens: list[int] = []
            met_derived = self._met_derived
            for fact in facts:
                # The rules a fact meets depend on its values alone (a fact of derive's begins with its id)
                key = (area, tuple(fact.values())[1:])
                got = met_derived.get(key)
                if got is None:
                    # (the key untracked too: a tracked tuple put in the table, which the collector had stopped
                    # tracking, makes it tracked again, and the next young collection walks all of its entries)
                    got = met_derived[untracked(key)] = self._derived_met(index, fact)
                if got[0]:
                    hits += zip(got[0], itertools.repeat(fact))  # each (rule, fact), made in C
                    tokens.append(got[1])
            return hits, tuple(tokens)
        read: list[tuple[Any, ...]] = []
        met = self._met
        for fact in facts:
            # The rules a fact meets depend on its values alone (its id aside): kept by them.
            mkey = (area, tuple(fact.items())[1:]) if next(iter(fact)) == "id" else None
            entry = met.get(mkey) if mkey is not None else None
            if entry is None:
                rules = self._meeting(index, fact)
                part = tuple(fact.get(f) for f in READ)
                entry = untracked((rules, tuple([(rule.id, part) for rule in rules])))
                if mkey is not None:
                    if len(met) >= _MET_KEPT:
                        met.clear()
                    met[untracked(mkey)] = entry
            if entry[0]:
                hits += zip(entry[0], itertools.repeat(fact))  # each (rule, fact), made in C
                read.append(entry[1])
        return hits, tuple(itertools.chain.from_iterable(read))

    def _derived_met(self, index: dict[tuple[str, str], _Group], fact: Fact) -> tuple[tuple[Rule, ...], int]:
        """The rules a fact of derive's meets and the number standing for their ids with what a plan reads of the
        fact (:meth:`fire_read`), kept (both tables start afresh past :data:`_MET_KEPT`)."""
        rules = self._meeting(index, fact)
        part = tuple(fact.get(f) for f in READ)
        content = tuple([(rule.id, part) for rule in rules])
        tokens = self._tokens
        if len(self._met_derived) >= _MET_KEPT or len(tokens) >= _MET_KEPT:
            self._met_derived.clear()
            tokens.clear()
        token = tokens.get(content)
        if token is None:
            token = tokens[untracked(content)] = next(_TOKENS)
        # (untracked: the rules are; engine/_compile.untracked)
        return untracked((rules, token))

    @staticmethod
    def _meeting(index: dict[tuple[str, str], _Group], fact: Fact) -> tuple[Rule, ...]:
        """The rules of ``index`` whose conditions ``fact`` meets, in rule order."""
        group = index.get((fact["t"], fact["kind"]))
        if group is None:
            return ()
        # (a split group is (its rules by level, the rest); a group as it is, a tuple of (rule, tests))
        candidates: _Candidates
        if type(group[0]) is dict:
            by, rest = group
            candidates = by.get(fact[_SPLIT], rest)
        else:
            candidates = cast(_Candidates, group)
        out = []
        for rule, tests in candidates:
            for f, op, v in tests:
                if not op(fact[f], v):
                    break
            else:
                out.append(rule)
        return tuple(out)


def keep_index(rules: Sequence[Rule], index: dict[tuple[str, str], _Group]) -> dict[tuple[str, str], _Group]:
    """Keep ``index`` as the index of ``rules`` (:meth:`CompiledEngine._index`: built, or read from the cache with the
    rules, engine/_compile._saved), for at most :data:`INDEXES_KEPT` rule sets; ``index``."""
    if len(_INDEXES) >= INDEXES_KEPT:
        with contextlib.suppress(StopIteration, KeyError, RuntimeError):
            del _INDEXES[next(iter(_INDEXES))]  # the oldest; another thread may have dropped it
    _INDEXES[id(rules)] = (rules, index)
    return index


#: How many facts' rules :meth:`CompiledEngine.fire` keeps before it starts afresh.
_MET_KEPT = 50_000
#: The numbers standing for a fact's part of a plan key (:meth:`CompiledEngine.fire_read`), for every engine of the
#: process: a number is never given twice.
_TOKENS = itertools.count()
#: What a decider's plan reads of the fact a rule fired on (``Decider.shape``): the body it names,
#: its level, escalation, self-rectification, whether it stands only by place_above_rectifiers, whether its
#: level passed it on only after the handling limit, the bodies handed it only after the limit (``later``), and
#: whether it stands on the rectification limit (``rlim``: rectified, but after the limit), and whether
#: concealing_level_body chose its body (``chosen``: a level named as concealer), and whether rectifier_holding decided
#: it (``own``: a rectifier that sat on what it found or received), and whether its group holds an assignment
#: assignment_without_rectification_duty read (``nod``). Not the steps of its level
#: that counted as none (``aside``): the findings that rest on irregular_step are told apart after a plan is found
#: (``Decider._aside_rows``), so records with and without such a step share one plan.
READ = ("body", "lvl", "escalate", "selffix", "atp", "slow", "later", "rlim", "chosen", "own", "nod")

#: The field a group of rules is split on, by the value its rules test it for equality.
_SPLIT = "lvl"
_Candidates = tuple[tuple[Rule, _Tests], ...]
_Group = _Candidates | tuple[dict[Any, _Candidates], _Candidates]  # (told apart by the type of the first item)


def _split(group: list[tuple[Rule, _Tests]]) -> _Group:
    """``group`` as a tuple, or, when some of its rules test ``lvl == value``, split by that value:
    ``({value: the rules for a fact at that level}, the rules for a fact at any other level)``,
    each in rule order, without the equality test that the split has decided. A fact then
    meets only the rules of its own level and those that do not test the level."""
    where = [next((i for i, (f, op, _) in enumerate(tests) if f == _SPLIT and op is operator.eq), None)
             for _, tests in group]
    if all(i is None for i in where):
        return tuple(group)
    by: dict[Any, list[tuple[Rule, _Tests]]] = {}
    for (_, tests), i in zip(group, where, strict=True):
        if i is not None:
            by.setdefault(tests[i][2], [])
    rest: list[tuple[Rule, _Tests]] = []
    for (rule, tests), i in zip(group, where, strict=True):
        if i is None:
            rest.append((rule, tests))
            for candidates in by.values():
                candidates.append((rule, tests))
        else:
            by[tests[i][2]].append((rule, tests[:i] + tests[i + 1:]))
    # (tuples, which the garbage collector can stop tracking; lists it walks in every collection)
    return {v: tuple(c) for v, c in by.items()}, tuple(rest)
