"""Impact diff of two policies: what changed in the data, and whose answers changed.

The answers of a policy are a function of the facts a problem produces (``_facts``):
each fact fires rules on its own, and main responsibility follows from any failure.
The fact space is finite: area × problem kind × severity × level of the place ×
fact type (found at a level, unhandled / unrectified / concealed at a level or by a
named body) plus the main-responsibility fact. :func:`diff` evaluates every point of
it under both policies, on every day on which either policy changes, so an empty
answer diff proves that no problem would be answered differently — unless a time limit
changed: the ``days`` parameters decide which facts a record produces (whether a step
was late), not what a fact means, so no shape shows them; :attr:`Diff.time_limits`
names them, the outputs say so and :attr:`Diff.answers_changed` counts them.

The facts name no line (a record's ``sector``): each finding is what a record naming no line gets, or — marked
``line_named_only`` — one a record gets only where it names a line, a level's role (问题所属部门) standing for that
line's department (a duty the kind counts for a named line only). A shape all of whose changed findings are so marked
changes no answer to a record naming no line (:attr:`Diff.line_named_only`); how a named line's department is then
answered is shown through the role only.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..engine._compile import Cond, severity_rank, shown_field, shown_ranks
from ..engine._decide import decider_of, who_answers
from ..engine._engine_compiled import _OPS
from ..policy._model import SEVERITIES
from ..policy._view import PolicyView

LEVEL_IDS = ("village", "township", "county", "city", "province")
#: The summary form: groups shown, characters per table cell, and its size limit in bytes.
SUMMARY_GROUPS = 20
SUMMARY_CELL = 400
SUMMARY_LIMIT = 64 * 1024
#: What the answers' first column is (it was headed "from" and showed the day before a change for the period
#: before it, which read as "from that day on": ux44).
DISCOVERED_NOTE = ("`discovered`: which problems a row is about, by the day they were discovered — that day picks "
                   "the rules in force, old and new")


@dataclass(frozen=True)
class DataChange:
    """One item added, removed or changed between the two policies."""

    kind: str
    id: str
    change: str
    fields: dict[str, tuple[Any, Any]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"kind": self.kind, "id": self.id, "change": self.change,
                "fields": {k: [_plain(a), _plain(b)] for k, (a, b) in self.fields.items()}}


@dataclass(frozen=True)
class AnswerChange:
    """A problem shape whose answer differs, with an example record and what appeared or vanished."""

    day: dt.date | None
    shape: dict[str, Any]
    example: dict[str, Any]
    appeared: tuple[tuple[Any, ...], ...]
    vanished: tuple[tuple[Any, ...], ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        def finding(f: tuple[Any, ...]) -> dict[str, Any]:
            return {"level": f[0], "body": f[1], "basis": f[2], "liability": f[3], "clauses": list(f[4]),
                    "line_named_only": bool(f[5:] and f[5])}

        return {"day": self.day.isoformat() if self.day else None, "shape": self.shape, "example": self.example,
                "appeared": [finding(f) for f in self.appeared], "vanished": [finding(f) for f in self.vanished],
                "line_named_only": self.line_named_only}

    @property
    def line_named_only(self) -> bool:
        """Whether every finding that appeared or vanished is one only a record naming a line gets (the level's role
        standing for that line's department): a record naming no line is answered as before."""
        return all(f[5:] and f[5] for f in (*self.appeared, *self.vanished))


@dataclass(frozen=True)
class ScenarioChange:
    """A user scenario whose findings differ between the policies."""

    name: str
    file: str
    appeared: tuple[str, ...]
    vanished: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"name": self.name, "file": self.file, "appeared": list(self.appeared),
                "vanished": list(self.vanished)}


@dataclass(frozen=True)
class Diff:
    """Data changes, answer changes over the whole fact space, and changed scenarios."""

    data: tuple[DataChange, ...]
    answers: tuple[AnswerChange, ...]
    scenarios: tuple[ScenarioChange, ...]
    shapes: int
    #: Time limits (``days`` parameters) changed, as ``"name: old → new"``: they decide when a step
    #: is late, which no answer shape shows, so a record near the limit may now be answered differently.
    time_limits: tuple[str, ...] = ()
    #: How many user scenarios were compared (``--scenarios``); 0 when none was given.
    scenarios_compared: int = 0
    #: The days on which either policy's rules change (its ``effective_from``/``effective_to``), in order.
    boundaries: tuple[dt.date, ...] = ()
    #: The one day compared (``--as-of``), or ``None`` when every period was.
    as_of: dt.date | None = None

    def period(self, day: dt.date | None) -> str:
        """The problems an answer change of ``day`` is about, by the day they were discovered — the day picks the
        rules in force: ``before 2021-06-01``, ``from 2021-06-01``, ``from 2021-06-01 to 2021-12-31``,
        ``on 2021-07-01`` (``--as-of``) or ``any day`` (neither policy is dated). The bare day, headed "from", read as
        "from that day on" for the period before the first change, which the day before it stands for (ux44).

        >>> d = Diff((), (), (), 0, boundaries=(dt.date(2021, 6, 1),))
        >>> d.period(dt.date(2021, 5, 31)), d.period(dt.date(2021, 6, 1))
        ('before 2021-06-01', 'from 2021-06-01')
        """
        if day is None:
            return "any day"
        if self.as_of is not None:
            return f"on {day}"
        later = [b for b in self.boundaries if b > day]
        if day not in self.boundaries:
            return f"before {later[0]}" if later else f"on {day}"
        return f"from {day} to {later[0] - dt.timedelta(days=1)}" if later else f"from {day}"

    def scenario_count(self) -> str:
        """``2 changed scenario(s) of 40 compared``, or that none was compared (not "0 changed")."""
        if not self.scenarios_compared and not self.scenarios:
            return "no scenario compared (--scenarios PATH)"
        return f"{len(self.scenarios)} changed scenario(s) of {max(self.scenarios_compared, len(self.scenarios))} " \
            "compared"

    @property
    def answers_changed(self) -> bool:
        """Whether any problem would now be answered differently (a changed time limit counts)."""
        return bool(self.answers or self.scenarios or self.time_limits)

    @property
    def line_named_only(self) -> int:
        """How many changed answer shapes change only findings a record gets where it names a line
        (:attr:`AnswerChange.line_named_only`): none of them changes an answer to a record naming no line."""
        return sum(1 for a in self.answers if a.line_named_only)

    def line_named_note(self) -> str:
        """`` (N of them only for a record naming a line …)`` after the count of changed shapes, or nothing."""
        n = self.line_named_only
        return (f" ({n} of them only for a record naming a line, the level's role standing for that line's "
                "department: marked †)") if n else ""

    def time_limit_note(self) -> str | None:
        """One sentence on changed time limits (None when none changed)."""
        if not self.time_limits:
            return None
        return (f"Time limits changed ({'; '.join(self.time_limits)}): they decide when a step is late, so a "
                "record near the limit is answered differently although no answer shape changes "
                "(--fail-on-change counts it as a change).")

    def grouped(self) -> list[list[AnswerChange]]:
        """Answer changes grouped by day and by what appeared and vanished, largest group first."""
        groups: dict[tuple[Any, ...], list[AnswerChange]] = {}
        for a in self.answers:
            groups.setdefault((a.day, a.appeared, a.vanished), []).append(a)
        return sorted(groups.values(), key=lambda g: (-len(g), str(g[0].day), str(g[0].shape)))

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"shapes_compared": self.shapes, "data": [c.to_dict() for c in self.data],
                "answers": [c.to_dict() for c in self.answers], "line_named_only": self.line_named_only,
                "scenarios": [c.to_dict() for c in self.scenarios], "scenarios_compared": self.scenarios_compared,
                # each answer's "day" is a day of the period it stands for, which "discovered" names
                "periods": {str(a.day) if a.day else "": self.period(a.day) for a in self.answers},
                "time_limits": list(self.time_limits)}

    def to_json(self) -> str:
        """JSON text."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def to_markdown(self) -> str:
        """Markdown for a merge-request comment."""
        out = ["## Policy impact", ""]
        out.append(f"{len(self.data)} data change(s); {len(self.answers)} changed answer shape(s) out of "
                   f"{self.shapes} compared{self.line_named_note()}; {self.scenario_count()}.")
        if limits := self.time_limit_note():
            out += ["", f"**{limits}**"]
        if self.data:
            out += ["", "### Data", "", "| kind | id | change | fields |", "|---|---|---|---|"]
            for c in self.data:
                fields = "; ".join(f"{k}: {_short(a)} → {_short(b)}" for k, (a, b) in c.fields.items())
                out.append(f"| {c.kind} | `{c.id}` | {c.change} | {fields} |")
        if self.answers:
            out += ["", "### Answers (shapes with the same change grouped; the JSON lists every shape)", "",
                    DISCOVERED_NOTE + ".", "",
                    "| discovered | shapes | example shape | appeared | vanished |", "|---|---|---|---|---|"]
            for group in self.grouped():
                a = group[0]
                shape = ", ".join(f"{k}={v}" for k, v in a.shape.items())
                out.append(f"| {self.period(a.day)} | {len(group)} | {shape} | {_findings(a.appeared)} | "
                           f"{_findings(a.vanished)} |")
        if self.scenarios:
            out += ["", "### Scenarios", "", "| scenario | appeared | vanished |", "|---|---|---|"]
            for s in self.scenarios:
                out.append(f"| {s.name} ({s.file}) | {'<br>'.join(s.appeared)} | {'<br>'.join(s.vanished)} |")
        return "\n".join(out) + "\n"

    def to_summary(self, *, groups: int = SUMMARY_GROUPS, limit: int = SUMMARY_LIMIT) -> str:
        """Markdown short enough for a CI step summary (GitHub allows 1 MiB; a large change's
        full markdown is more): the counts, data changes by kind, answer changes by area and
        day, then the ``groups`` largest groups of answer changes; never more than ``limit`` bytes.

        >>> print(Diff(data=(), answers=(), scenarios=(), shapes=12).to_summary().splitlines()[2])
        0 data change(s); 0 changed answer shape(s) out of 12 compared; no scenario compared (--scenarios PATH).
        """
        out = ["## Policy impact (summary)", "",
               f"{len(self.data)} data change(s); {len(self.answers)} changed answer shape(s) out of "
               f"{self.shapes} compared{self.line_named_note()}; {self.scenario_count()}."]
        if limits := self.time_limit_note():
            out += ["", f"**{limits}**"]
        if self.data:
            kinds: dict[str, Counter[str]] = {}
            for c in self.data:
                kinds.setdefault(c.kind, Counter())[c.change] += 1
            out += ["", "### Data changes by kind", "", "| kind | added | removed | changed |", "|---|---|---|---|"]
            out += [f"| {k} | {n['added']} | {n['removed']} | {n['changed']} |" for k, n in sorted(kinds.items())]
        all_groups = self.grouped()
        if self.answers:
            by_area = Counter((a.day or dt.date.min, str(a.shape.get("area", ""))) for a in self.answers)
            out += ["", "### Changed answer shapes by area", "", DISCOVERED_NOTE + ".", "",
                    "| discovered | area | shapes |", "|---|---|---|"]
            out += [f"| {self.period(None if day == dt.date.min else day)} | {area} | {n} |"
                    for (day, area), n in sorted(by_area.items())]
            shown = all_groups[:groups]
            out += ["", f"### The largest groups ({len(shown)} of {len(all_groups)}; shapes with the same change "
                    "grouped)", "", "| discovered | shapes | example shape | appeared | vanished |",
                    "|---|---|---|---|---|"]
            budget = limit - sum(len(x.encode("utf-8")) + 1 for x in out)
            for group in shown:
                a = group[0]
                shape = ", ".join(f"{k}={v}" for k, v in a.shape.items())
                out.append(f"| {self.period(a.day)} | {len(group)} | {_cap(shape)} | "
                           f"{_cap(_findings(a.appeared[:9]))} | {_cap(_findings(a.vanished[:9]))} |")
                budget -= len(out[-1].encode("utf-8")) + 1
                if budget < 0:  # the rest would be cut anyway
                    break
        if self.scenarios:
            out += ["", "### Scenarios", "", "| scenario | appeared | vanished |", "|---|---|---|"]
            for sc in self.scenarios[:groups]:
                out.append(f"| {_cap(sc.name)} ({sc.file}) | {_cap('<br>'.join(sc.appeared))} | "
                           f"{_cap('<br>'.join(sc.vanished))} |")
        hidden_groups, hidden_scenarios = max(0, len(all_groups) - groups), max(0, len(self.scenarios) - groups)
        note = ["", f"{hidden_groups} more group(s) and {hidden_scenarios} more scenario(s) not shown: "
                "`--format markdown` lists every group, `--format json` every shape."
                if hidden_groups or hidden_scenarios else "`--format json` lists every shape."]
        return _within(out, note, limit)


def _within(lines: list[str], tail: list[str], limit: int) -> str:
    """The lines and the tail, dropping lines before the tail until it all fits in ``limit`` bytes."""
    cut = "", "(cut here to stay under the size limit)"
    size = sum(len(x.encode("utf-8")) + 1 for x in [*lines, *tail, *cut])
    kept = len(lines)
    if size - sum(len(x.encode("utf-8")) + 1 for x in cut) <= limit:
        return "\n".join([*lines, *tail]) + "\n"
    while kept and size > limit:
        kept -= 1
        size -= len(lines[kept].encode("utf-8")) + 1
    return "\n".join([*lines[:kept], *cut, *tail]) + "\n"


def _cap(text: str, width: int = SUMMARY_CELL) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _plain(x: Any) -> Any:
    if isinstance(x, dt.date):
        return x.isoformat()
    if isinstance(x, tuple):
        return list(x)
    return x


def _short(x: Any) -> str:
    text = json.dumps(_plain(x), ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "…"


def _findings(fs: Iterable[tuple[Any, ...]]) -> str:
    # († a finding only a record naming a line gets: Diff.line_named_note)
    return "<br>".join(f"{f[1]} {f[2]}/{f[3]} ({' '.join(f[4])}){' †' if f[5:] and f[5] else ''}" for f in fs)


# ---------------------------------------------------------------- data changes


def _items(policy: PolicyView) -> dict[tuple[str, str], dict[str, Any]]:
    """Every comparable item, keyed by (kind, id@effective_from)."""
    out: dict[tuple[str, str], dict[str, Any]] = {}

    def put(kind: str, item: BaseModel, ident: str) -> None:
        dump = item.model_dump()
        start = dump.get("effective_from")
        out[(kind, f"{ident}@{start}" if start else ident)] = dump

    d = policy.data
    for b in d.bodies:
        put("body", b, b.id)
    for a in d.areas:
        put("area", a.model_copy(update={"duties": [], "problem_kinds": []}), a.id)
        for duty in a.duties:
            put("duty", duty, duty.id)
        for k in a.problem_kinds:
            put("problem_kind", k, f"{a.id}.{k.id}")
    for p in d.parameters:
        put("parameter", p, p.id)
    for src in d.sources:
        for c in src.clauses:
            put("clause", c, c.id)
    for f in d.accountability.failures:
        put("failure", f, f.id)
    for x in d.accountability.liabilities:
        put("liability", x, x.id)
    for pr in d.accountability.principles:
        put("principle", pr, pr.id)
    return out


def data_changes(old: PolicyView, new: PolicyView) -> list[DataChange]:
    """Items added, removed and changed (field by field), sorted by kind and id."""
    a, b = _items(old), _items(new)
    out = []
    for key in sorted(a.keys() | b.keys()):
        kind, ident = key
        if key not in a:
            out.append(DataChange(kind, ident, "added"))
        elif key not in b:
            out.append(DataChange(kind, ident, "removed"))
        elif a[key] != b[key]:
            fields = {f: (a[key].get(f), b[key].get(f)) for f in sorted(a[key].keys() | b[key].keys())
                      if a[key].get(f) != b[key].get(f)}
            out.append(DataChange(kind, ident, "changed", fields))
    return out


# ---------------------------------------------------------------- answer changes


def _shapes(old: PolicyView, new: PolicyView, only: frozenset[str] | None = None
            ) -> Iterable[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """Every point of the fact space of either policy (of the ``only`` areas): (shape, facts)."""
    ranks = {lv: i + 1 for i, lv in enumerate(LEVEL_IDS)}
    areas = sorted(a for a in set(old.problem_areas) | set(new.problem_areas) if only is None or a in only)
    kinds: dict[str, set[str]] = {a: set() for a in areas}
    for pol in (old, new):
        for a, k in pol.data_kinds():
            if a in kinds:
                kinds[a].add(k)
    bodies = {**{b.id: b.level for b in old.data.bodies}, **{b.id: b.level for b in new.data.bodies}}
    # an unrectified fact says which levels above it, not grassroots, the record shows had the problem
    # (supervision_scope own_and_shown_above reads it): each such set that some rule tells apart is a shape of its own
    shown = sorted({r for pol in (old, new) for r in shown_ranks(pol)})
    level_of = {r: lv for lv, r in ranks.items()}
    sets: dict[tuple[str, int], list[tuple[int, ...]]] = {}

    def facts_of(t: str, fact: dict[str, Any], shape: dict[str, Any], at: int
                 ) -> Iterable[tuple[dict[str, Any], list[dict[str, Any]]]]:
        if t != "unrectified":
            yield shape, [fact]
            return
        key = (shape["area"], at)
        if key not in sets:
            sets[key] = shown_sets((old, new), *key, shown)
        for had in sets[key]:
            yield ({**shape, "shown": tuple(level_of.get(r, str(r)) for r in had)} if had else shape,
                   [{**fact, **{shown_field(r): int(r in had) for r in shown}}])
    for area in areas:
        for kind in [None, *sorted(kinds[area])]:
            for sev in SEVERITIES:
                for place in ("village", "township"):
                    prank = ranks[place]
                    base = {"area": area, "kind": kind or "", "sev": severity_rank(sev), "prank": prank}
                    shape = {"area": area, "kind": kind, "severity": sev, "place": place}
                    for lv, r in ranks.items():
                        if r < prank:
                            continue
                        yield {**shape, "fact": "main", "level": lv}, [{"id": "s", "t": "main", "lvl": r, **base}]
                        for outside in (0, 1):
                            yield ({**shape, "fact": "found", "level": lv, "outside": bool(outside)},
                                   [{"id": "s", "t": "found", "frank": r, "outside": outside, "fbody": "",
                                     **base}])
                        for t in ("unhandled", "unrectified", "concealed"):
                            fact = {"id": "s", "t": t, "lvl": r, "body": "", "escalate": 0, **base}
                            yield from facts_of(t, fact, {**shape, "fact": t, "level": lv}, r)
                    for body, lv in sorted(bodies.items()):
                        if ranks[lv] < prank:
                            continue
                        for t in ("unhandled", "unrectified", "concealed"):
                            fact = {"id": "s", "t": t, "lvl": ranks[lv], "body": body, "escalate": 0, **base}
                            yield from facts_of(t, fact, {**shape, "fact": t, "body": body}, ranks[lv])


def shown_sets(policies: Iterable[PolicyView], area: str, at: int, shown: Iterable[int]
               ) -> list[tuple[int, ...]]:
    """The sets of ``shown`` levels' ranks above ``at`` an ``unrectified`` fact at rank ``at`` in ``area`` may say the
    record shows had the problem (:func:`~responsibility.engine._compile.shown_field`), one for each way the
    ``policies``' rules tell them apart: the first of each (the empty set first, then by size).

    A rule reads a shown field only in its conditions, so two sets that meet the same conditions of every rule
    that can fire on such a fact (all its other conditions set aside but its level: more rules, never fewer, than
    fire) meet the same rules with any other fields: the first stands for the others, and the diff is still a
    proof. Under supervision_scope own_and_shown_above a level above the assignee presses where it is shown and no
    pressing level between was (engine/_compile.py ``_supervising_levels``): the city and the province both shown
    is the city shown alone wherever the city presses too. Under any other choice no rule reads the fields: one set.

    >>> import responsibility
    >>> p = responsibility.load()
    >>> shown_sets([p], "housing", 3, (4, 5))
    [(), (4,), (5,)]
    >>> shown_sets([p.with_parameters(supervision_scope="own_and_level_above")], "housing", 3, (4, 5))
    [()]
    """
    above = sorted(r for r in shown if r > at)
    fields = {shown_field(r) for r in shown}
    conjunctions: set[tuple[Cond, ...]] = set()
    for policy in policies:
        if area not in policy.problem_areas:
            continue
        for rule in decider_of(policy).rules[area]:
            if rule.fact != "unrectified":
                continue
            if not all(_OPS[c.op](at, c.value) for c in rule.conds if c.field == "lvl"):
                continue  # never fires on a fact at this level
            reads = tuple(c for c in rule.conds if c.field in fields)
            if reads:
                conjunctions.add(reads)
    ordered = sorted(conjunctions, key=repr)
    out: dict[tuple[bool, ...], tuple[int, ...]] = {}
    for had in sorted((c for n in range(len(above) + 1) for c in itertools.combinations(above, n)),
                      key=lambda c: (len(c), c)):
        values = {shown_field(r): int(r in had) for r in shown}
        key = tuple(all(_OPS[c.op](values[c.field], c.value) for c in conds) for conds in ordered)
        out.setdefault(key, had)
    return list(out.values())


@functools.cache
def _example_place(level: str) -> str:
    """The first place of ``level`` in the default jurisdiction that is not an urban community's (a residents'
    committee answers as its township by default: a village's find there was refused, fid60): where an example problem
    sits."""
    from ..chain._jurisdiction import Jurisdiction, is_residents_committee

    places = Jurisdiction.example().at_level(level)
    return next((p.code for p in places if not is_residents_committee(p.code)), places[0].code)


def _example(shape: dict[str, Any], policy: PolicyView) -> dict[str, Any]:
    """A problem record that produces the shape's fact (among others)."""
    place = _example_place(shape["place"])
    rec: dict[str, Any] = {"id": "example", "domain": shape["area"], "place": place, "severity": shape["severity"],
                           "as_of": "2030-12-31"}
    if shape["kind"]:
        rec["kind"] = shape["kind"]
    level = shape.get("level") or (policy.bodies[shape["body"]].level if shape.get("body") in policy.bodies
                                   else "county")
    on = "2030-01-02"
    fact = shape["fact"]
    if fact == "found":
        rec["discovered"] = {"level": level, "on": on,
                             "channel": _channel(policy, level, "audit" if shape.get("outside") else "grid")}
    elif fact == "unhandled":
        rec["discovered"] = {"level": level, "channel": _channel(policy, level, "audit"), "on": on,
                             **({"body": shape["body"]} if "body" in shape else {})}
    elif fact == "unrectified":
        # found by the highest level the shape shows had it (its ``shown``), passed down through the others; none shown:
        # by the province as before, where no level above the assignee is shown apart (supervision_scope)
        shown = list(shape.get("shown", ())) or ["province"]
        rec["discovered"] = {"level": shown[-1], "channel": "audit", "on": on}
        chain = [*reversed(shown), level]
        rec["handled"] = [{"action": "assigned", "by_level": a, "to_level": b, "on": on}
                          for a, b in itertools.pairwise(chain)]
        rec["handled"][-1].update({"to_body": shape["body"]} if "body" in shape else {})
        rec["deadline"] = "2030-03-01"
    elif fact == "concealed":
        rec["discovered"] = {"level": "province", "channel": "inspection_tour", "on": on}
        rec["concealed_by"] = [shape.get("body") or level]
    else:  # main responsibility after a failure at the shape's level: it did not handle the problem
        rec["discovered"] = {"level": level, "channel": _channel(policy, level, "audit"), "on": on}
        rec["severity"] = "grave"
    return rec


def _channel(policy: PolicyView, level: str, like: str) -> str:
    """``like``, or where ``level`` does not run it, the first channel that ``level`` runs and that is a level's own
    work as ``like`` is or is not: a city's own find is not 全科网格's (一(一) gives it the village, township and
    county) and a village's outside find not an audit's — an example that the records' check refused (fid60)."""
    want = policy.channels[like]
    for c in (want, *policy.channels.values()):
        if c.own_work == want.own_work and (c.levels is None or level in c.levels):
            return c.id
    return like


def answer_changes(old: PolicyView, new: PolicyView, days: Iterable[dt.date | None], only: frozenset[str] | None = None,
                   progress: Callable[[int, int], None] | None = None) -> tuple[list[AnswerChange], int]:
    """Every shape whose findings differ, on each of ``days``; and the number of shapes compared.

    ``progress(done, total)`` is called now and then with the shapes compared so far (of the days whose rules
    differ). The rules of one side that are the same for several days (an unamended policy) answer each shape once.
    """
    out: list[AnswerChange] = []
    count = 0
    days = list(days)
    # the same data in force, time limits aside (they decide which facts a record makes, not what a fact answers;
    # :attr:`Diff.time_limits` names them): the same answer for every shape
    pairs = [(a, b, a is b or a.version_key == b.version_key or _answers_key(a) == _answers_key(b))
             for day in days for a, b in [(old.at(day) if day else old, new.at(day) if day else new)]]
    total = sum(1 for a, b, same in pairs if not same for _ in _shapes(a, b, only)) if progress is not None else 0
    done = 0
    memo: dict[tuple[int, tuple[Any, ...]], frozenset[tuple[Any, ...]]] = {}  # by (policy, shape)

    def answers(policy: PolicyView, shape: dict[str, Any], facts: list[dict[str, Any]]) -> frozenset[tuple[Any, ...]]:
        key = (id(policy), tuple(shape.items()))
        got = memo.get(key)
        if got is None:
            got = memo[key] = _answers(policy, shape, facts)
        return got

    uses = Counter(id(p) for a, b, same in pairs if not same for p in (a, b))
    repeated = {p for p, n in uses.items() if n > 1}
    for day, (a, b, same) in zip(days, pairs, strict=True):
        for shape, facts in _shapes(a, b, only):
            count += 1
            if same:
                continue
            done += 1
            if progress is not None and done % 2_000 == 0:
                progress(done, total)
            fa = answers(a, shape, facts) if id(a) in repeated else _answers(a, shape, facts)
            fb = answers(b, shape, facts) if id(b) in repeated else _answers(b, shape, facts)
            if fa != fb:
                out.append(AnswerChange(day, shape, _example(shape, b if shape["area"] in b.areas else a),
                                        tuple(sorted(fb - fa, key=str)), tuple(sorted(fa - fb, key=str))))
    if progress is not None:
        progress(done, total)
    return out, count


def _answers_key(policy: PolicyView) -> str:
    """:attr:`~responsibility.policy._view.PolicyView.version_key` with the ``days`` parameters' values left out:
    two views with equal keys give every fact the same findings (:func:`_answers` reads the rules compiled from the
    data, the bodies, holders and clauses; no time limit)."""
    data = policy.data.model_dump(mode="json")
    for p in data["parameters"]:
        if p.get("type") == "days":
            p["value"] = None
    return json.dumps(data, sort_keys=True, ensure_ascii=False) + str(policy.as_of)


def _answers(policy: PolicyView, shape: dict[str, Any], facts: list[dict[str, Any]]) -> frozenset[tuple[Any, ...]]:
    area = shape["area"]
    if area not in policy.areas or (shape["kind"] and (area, shape["kind"]) not in policy.kinds):
        return frozenset()
    if "body" in shape and shape["body"] not in policy.bodies:
        return frozenset()
    result: frozenset[tuple[Any, ...]] = decider_of(policy).fact_answers(area, shape["kind"], facts)
    return result


def diff(old: PolicyView, new: PolicyView, *, scenarios: Iterable[str | Path] = (), as_of: dt.date | None = None,
         areas: Iterable[str] | None = None, progress: Callable[[int, int], None] | None = None) -> Diff:
    """Compare two policies: data, answers over the whole fact space, and user scenarios.

    ``as_of`` compares only the rules in force on that day (instead of every period of
    either policy). ``areas`` limits the answer comparison to some problem areas (the proof is then only
    about those areas); the data comparison is always whole. ``progress(done, total)``: see :func:`answer_changes`.

    >>> import responsibility
    >>> p = responsibility.load()
    >>> d = diff(p, p)
    >>> (d.data, d.answers, d.answers_changed)
    ((), (), False)
    """
    days = sorted(set(old.epochs) | set(new.epochs))
    checked: list[dt.date | None] = [as_of] if as_of else ([None] if not days else [])
    if days and as_of is None:
        # Each period between two boundaries, and the one before the first.
        checked += [d for d in [days[0] - dt.timedelta(days=1), *days] if d not in checked]
    answers, count = answer_changes(old, new, checked, frozenset(areas) if areas is not None else None, progress)
    data = tuple(data_changes(old, new))
    compared: list[int] = []
    changed = tuple(scenario_changes(old, new, scenarios, compared))
    return Diff(data, tuple(answers), changed, count, _time_limits(old, new), len(compared), tuple(days), as_of)


def _time_limits(old: PolicyView, new: PolicyView) -> tuple[str, ...]:
    """The ``days`` parameters whose value differs (or that only one side has), as ``"name: a → b"``."""
    def days(policy: PolicyView) -> dict[str, list[Any]]:
        out: dict[str, list[Any]] = {}
        for p in policy.data.parameters:
            if p.type == "days":
                out.setdefault(p.id, []).append(p.value)
        return out

    a, b = days(old), days(new)
    return tuple(f"{k}: {'/'.join(map(str, a.get(k, ['-'])))} → {'/'.join(map(str, b.get(k, ['-'])))}"
                 for k in sorted(a.keys() | b.keys()) if a.get(k) != b.get(k))


def scenario_changes(old: PolicyView, new: PolicyView, paths: Iterable[str | Path],
                     compared: list[int] | None = None) -> list[ScenarioChange]:
    """User scenarios whose findings differ between the policies (``compared`` gets one entry per scenario
    compared, to count them)."""
    from .._errors import ResponsibilityError
    from ._scenarios import discover, load_scenarios, scenario_policy

    out = []
    for f in discover(list(paths)):
        for ls in load_scenarios(f):
            if compared is not None:
                compared.append(1)
            results = []
            for pol in (old, new):
                try:
                    # (of the findings only body, basis and liability are read: those of the full verdict, without
                    # deciding the record again under every reading that only changes what a finding rests on)
                    v = who_answers(scenario_policy(ls.scenario, pol), ls.scenario.problem, engine="compiled",
                                    wording_only=True)
                    results.append({f"{x.body} {x.basis}/{x.liability}" for x in v.findings})
                except ResponsibilityError as exc:
                    results.append({f"error: {exc}"})
            if results[0] != results[1]:
                out.append(ScenarioChange(ls.scenario.name, f"{ls.file}:{ls.line}",
                                          tuple(sorted(results[1] - results[0])),
                                          tuple(sorted(results[0] - results[1]))))
    return out
