"""Consistency checks over a whole policy directory (``responsibility validate``).

Each check returns :class:`~responsibility.Issue` objects located at the
offending value. The checks, by code:

``duplicate_id``     two items of one kind share an id while both in force (problem kinds of two areas also
                     a Chinese name)
``unknown_ref``      a reference (body, level, kind, clause, duty, parameter…) does not resolve
``quote``            a duty's quote does not occur in the clause it cites
``uncovered``        a numbered item of a coverage clause is cited by no duty
``level_gap``        an item names a level (村, 乡镇, 县, 省市…) that holds no duty citing it
``vacuum``           a problem kind has nobody at a stage (责任真空)
``reach``            a problem kind disposed of above the county (policy) makes a village or township discover it
``sector_scope``     a duty confined to its holder's own line (本部门, 各自业务范围 in its quote) is not scoped
                     to it, or a level holding such a duty has no role body to stand for the department
``unknown_ref``      also: a member unit listed in a source's annex is not a body
``alias``            an alias (of a level, channel, severity, area, problem kind or body) is also what another
                     term of the same kind is called (its id, name, English gloss or alias, a body also its name
                     without parentheses): a record that writes it could mean either
``amendment_clash``  two amendments replace one body on the same day
``relation``         a relation of rules/relations.yaml goes from a body to itself, or repeats another one
                     (the same from, to, type and area)

Graph checks (reporting lines, orphans) live in the chain wing (``chain/_checks.py``), which
passes them as ``more``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .._errors import Issue
from ._loader import Loaded, Where, duty_key, suggest
from ._model import STAGES, Named, PolicyData, Stage, _Dated
from ._text import bare_name, contains_quote, fold, normalise, short_name
from ._view import PolicyView

_LABEL = re.compile(r"^(.{1,40}?)[：:]")


def _overlap(a: Any, b: Any) -> bool:
    if not (isinstance(a, _Dated) and isinstance(b, _Dated)):
        return True
    a0, a1 = a.effective_from, a.effective_to
    b0, b1 = b.effective_from, b.effective_to
    return (a1 is None or b0 is None or b0 < a1) and (b1 is None or a0 is None or a0 < b1)


def _duplicates(loaded: Loaded, kind: str, items: Iterable[tuple[str, Any, Where]]) -> Iterator[Issue]:
    seen: dict[str, list[tuple[Any, Where]]] = {}
    for ident, item, where in items:
        for other, other_where in seen.get(ident, []):
            if _overlap(item, other):
                line = other_where.positions.at(other_where.path)[0]
                also = f"{other_where.positions.file}:{line}"
                yield where.issue(("id",), f"duplicate {kind} id {ident!r} (also at {also})",
                                  "give each its own id, or non-overlapping effective dates", "duplicate_id")
                break
        seen.setdefault(ident, []).append((item, where))


def _ref(where: Where, sub: tuple[str | int, ...], what: str, value: str, known: Iterable[str]) -> Issue:
    known = list(known)
    # a short list is given whole: "use one of the duty kind ids defined in rules/" named none of the 21 (newcomer41)
    listed = f": {', '.join(sorted(known))}" if 0 < len(known) <= 25 else ""
    hint = suggest(value, known) or f"use one of the {what} ids defined in rules/{listed}"
    return where.issue(sub, f"unknown {what} {value!r}", hint, "unknown_ref")


#: A further check run on a directory that passed the id and reference checks (the chain wing's).
More = Callable[[Loaded, PolicyView], list[Issue]]


def check(loaded: Loaded, *, more: More | None = None) -> list[Issue]:
    """Run every consistency check of the data on a shape-valid directory, then ``more``.

    ``more`` is how a wing above adds its own checks without this module importing it:
    :func:`responsibility.chain._checks.check_all` passes the role-graph checks.
    """
    data = loaded.data
    if data is None:
        return []
    issues: list[Issue] = []
    # The id, reference, alias, relation and quote checks read each item on its own, so a mistake of one stage does
    # not hide another's: a new duty with a duplicate id, an unknown holder and a quote not in its clause took three
    # runs of validate, one stage a run (newcomer41 #4). The checks over the whole (coverage, 责任真空, the sectors,
    # the chain) need every id and reference sound, and wait for them.
    issues += _check_ids(loaded, data)
    policy = PolicyView(data, root=loaded.root)
    issues += _check_refs(loaded, data, policy)
    unsound = bool(issues)
    issues += _check_aliases(loaded, data)
    issues += _check_relations(loaded, data)
    issues += _check_quotes(loaded, data, policy)
    if unsound:
        return issues
    issues += _check_annex(loaded, data, policy)
    issues += _check_sector_scope(loaded, data, policy)
    # Coverage and vacuum must hold on every day: check each period between two dates at which
    # something starts or ends (one period when nothing is dated).
    seen: set[str] = set()
    days: list[dt.date | None] = [*policy.epochs] or [None]
    for day in days:
        view = PolicyView(data, root=loaded.root, as_of=day)
        for issue in [*_check_coverage(loaded, data, view), *_check_vacuum(loaded, data, view)]:
            if str(issue) not in seen:
                seen.add(str(issue))
                issues.append(issue if day is None else
                              Issue(issue.file, issue.line, issue.column, f"{issue.message} (from {day})",
                                    issue.hint, issue.code))
    if more is not None:
        issues += more(loaded, policy)
    return issues


class _Where(dict[str, Where]):
    """Locations by key; items an amendment added fall back to the amendment's area or the policy file."""

    def __missing__(self, key: str) -> Where:
        if key.startswith("duty:") and "#" in key:
            area = key.split("#")[1]
            return self.get(f"area:{area}") or self["policy"]
        if key.startswith(("body:", "source:")) and "#" in key:
            return self.get(key.split("#")[0]) or self["policy"]
        return self["policy"]


def _check_ids(loaded: Loaded, data: PolicyData) -> list[Issue]:
    w = _Where(loaded.where)
    out: list[Issue] = []
    out += _duplicates(loaded, "body", ((b.id, b, w[f"body:{b.id}#{i + 1}"]) for i, b in enumerate(data.bodies)))
    out += _duplicates(loaded, "area", ((a.id, a, w[f"area:{a.id}#{i + 1}"]) for i, a in enumerate(data.areas)))
    duties = [(d.id, d, w[duty_key(a.id, ai, d.id, i)]) for ai, a in enumerate(data.areas)
              for i, d in enumerate(a.duties)]
    out += _duplicates(loaded, "duty", duties)
    for a in data.areas:
        where = w[f"area:{a.id}"]
        out += _duplicates(loaded, "problem kind",
                           ((k.id, k, Where(where.positions, ("problem_kinds", i)))
                            for i, k in enumerate(a.problem_kinds)))
    out += _kinds_across_areas(data, w)
    for src in data.sources:
        where = w[f"source:{src.id}"]
        out += _duplicates(loaded, "clause",
                           ((c.id, c, Where(where.positions, ("clauses", i))) for i, c in enumerate(src.clauses)))
    vocab = w["vocabulary"]
    for group in ("levels", "body_kinds", "duty_kinds", "categories", "channels"):
        out += _duplicates(loaded, group.rstrip("s"), ((t.id, t, Where(vocab.positions, (group, i)))
                                                       for i, t in enumerate(getattr(data.vocabulary, group))))
    # (a failure, liability or principle given twice kept one of the two in silence, and validate said OK; hostile28)
    acc = w["accountability"]
    for group, kind in (("failures", "failure"), ("liabilities", "liability"), ("principles", "principle")):
        out += _duplicates(loaded, kind, ((t.id, t, Where(acc.positions, (group, i)))
                                          for i, t in enumerate(getattr(data.accountability, group))))
    out += _duplicates(loaded, "source", ((s.id, s, w[f"source:{s.id}#{i + 1}"]) for i, s in enumerate(data.sources)))
    params = w["parameters"]
    out += _duplicates(loaded, "parameter", ((p.id, p, Where(params.positions, ("parameters", i)))
                                             for i, p in enumerate(data.parameters)))
    return out


def _kinds_across_areas(data: PolicyData, w: _Where) -> Iterator[Issue]:
    """A problem kind whose id or Chinese name is another area's kind's, both in force at once (check52b #6): a record
    reads its kind within its area, so the answers stay right, but ids are unique across rules/ (data-guide.md), and
    a list of findings or a ledger's counts by kind told the two apart by neither. (Within one area, ``_check_ids``
    names a repeated id.)"""
    seen: dict[tuple[str, str], list[tuple[str, Any, Where]]] = {}
    for a in data.areas:
        where = w[f"area:{a.id}"]
        for i, k in enumerate(a.problem_kinds):
            at = Where(where.positions, ("problem_kinds", i))
            for field, value in (("id", k.id), ("name", fold(k.name))):
                for area, other, other_at in seen.get((field, value), []):
                    if area != a.id and _overlap(k, other):
                        line = other_at.positions.at(other_at.path)[0]
                        said = f"id {k.id!r} of area {a.id!r} is also a kind of area {area!r}" if field == "id" \
                            else f"name {k.name!r} of {k.id!r} is also the name of {other.id!r} of area {area!r}"
                        yield at.issue((field,), f"problem kind {said} (at {other_at.positions.file}:{line})",
                                       "give each kind its own id and name: a kind's id is unique across rules/",
                                       "duplicate_id")
                        break
                seen.setdefault((field, value), []).append((a.id, k, at))


def _check_aliases(loaded: Loaded, data: PolicyData) -> list[Issue]:
    """Each alias names one term of its kind: it is not another term's id, name, gloss, alias, or the name
    without parentheses a record may write for it (a level's or channel's without its closing parenthesis, a
    body's without any: 县（市、区）政府 is 县政府 in a record, so 县政府 may be no other body's alias, B21-2)."""
    w = _Where(loaded.where)
    vocab = w["vocabulary"]
    v = data.vocabulary

    def listed(group: str, terms: list[Named]) -> list[tuple[Named, Where]]:
        return [(t, Where(vocab.positions, (group, i))) for i, t in enumerate(terms)]

    # how each kind's names are shortened when a record names its terms (engine/_problem.py _terms, _value_names)
    Short = Callable[[str], str] | None
    groups: list[tuple[str, list[tuple[Named, Where]], Short]] = [
        ("level", listed("levels", list(v.levels)), short_name),
        ("channel", listed("channels", list(v.channels)), short_name),
        ("severity", listed("severities", list(v.severities)), None),
        ("answer", listed("answers", list(v.answers)), None),
        ("area", [(a, w[f"area:{a.id}"]) for a in data.areas], None),
        ("body", [(b, w[f"body:{b.id}#{i + 1}"]) for i, b in enumerate(data.bodies)], bare_name),
    ]
    for a in data.areas:
        where = w[f"area:{a.id}"]
        groups.append((f"problem kind of {a.id}", [(k, Where(where.positions, ("problem_kinds", i)))
                                                   for i, k in enumerate(a.problem_kinds)], None))
    out: list[Issue] = []
    for what, terms, short in groups:
        called: dict[str, dict[str, str]] = {}  # folded spelling → {id: how it is that id's}
        for t, _ in terms:
            own = [("id", t.id), ("Chinese name", t.name), ("English gloss", t.en)]
            if short is not None:
                own.append(("name" if short is short_name else "name without parentheses",
                            short(t.name)))
            for how, text in [*own, *(("alias", a) for a in t.aliases)]:
                called.setdefault(fold(text), {}).setdefault(t.id, how)
        for t, where in terms:
            for j, alias in enumerate(t.aliases):
                others = {tid: how for tid, how in called.get(fold(alias), {}).items() if tid != t.id}
                if others:
                    tid, how = next(iter(others.items()))
                    out.append(where.issue(("aliases", j), f"alias {alias!r} of {what} {t.id!r} is also the {how} of "
                                           f"{what} {tid!r}: a record that writes it could mean either",
                                           "remove it, or keep it for one of the two", "alias"))
    return out


def _check_relations(loaded: Loaded, data: PolicyData) -> list[Issue]:
    """No relation of relations.yaml goes from a body to itself or repeats another (the role graph would hold a
    loop or the same edge twice, and a reader would take the copy for a second basis)."""
    if "relations" not in loaded.where:
        return []
    where = loaded.where["relations"]
    out: list[Issue] = []
    seen: dict[tuple[str, str, str, str | None], int] = {}
    for i, rel in enumerate(data.relations):
        if rel.from_ == rel.to:
            out.append(where.issue(("relations", i, "to"), f"relation {rel.type!r} from body {rel.from_!r} to itself",
                                   "a relation joins two bodies: name the other body, or remove it", "relation"))
        key = (rel.from_, rel.to, rel.type, rel.area)
        if key in seen:
            line = where.positions.at((*where.path, "relations", seen[key]))[0]
            on = f" in area {rel.area!r}" if rel.area else ""
            out.append(where.issue(("relations", i), f"relation {rel.type!r} from {rel.from_!r} to {rel.to!r}{on} "
                                   f"is given twice (also at {where.positions.file}:{line})",
                                   "keep one, with the clauses of both", "relation"))
        else:
            seen[key] = i
    return out


def _check_refs(loaded: Loaded, data: PolicyData, policy: PolicyView) -> list[Issue]:
    w = _Where(loaded.where)
    out: list[Issue] = []
    levels = policy.level_rank
    body_kinds = {k.id for k in data.vocabulary.body_kinds}
    duty_kinds = {k.id for k in data.vocabulary.duty_kinds}
    categories = {k.id for k in data.vocabulary.categories}
    all_bodies = {b.id for b in data.bodies}
    clauses = policy.clauses
    all_duties = {d.id for a in data.areas for d in a.duties}

    def cites(where: Where, sub: tuple[str | int, ...], ids: Iterable[str]) -> None:
        for i, cid in enumerate(ids):
            if cid not in clauses:
                out.append(_ref(where, (*sub, i), "clause", cid, clauses))

    if data.meta.source not in {s.id for s in data.sources}:
        out.append(_ref(w["policy"], ("source",), "source", data.meta.source, [s.id for s in data.sources]))
    cites(w["policy"], ("coverage",), data.meta.coverage)
    for src in data.sources:
        where = w[f"source:{src.id}"]
        ids = {c.id for c in src.clauses}
        for i, c in enumerate(src.clauses):
            if c.parent is not None and c.parent not in ids:
                out.append(_ref(Where(where.positions, ("clauses", i)), ("parent",), "clause", c.parent, ids))
    vocab = w["vocabulary"]
    for group in ("levels", "body_kinds", "duty_kinds", "categories", "channels"):
        for i, t in enumerate(getattr(data.vocabulary, group)):
            cites(Where(vocab.positions, (group, i)), ("clauses",), t.clauses)
    for i, ch in enumerate(data.vocabulary.channels):
        for j, lv in enumerate(ch.levels or ()):
            if lv not in levels:
                out.append(_ref(Where(vocab.positions, ("channels", i)), ("levels", j), "level", lv, levels))
    for i, b in enumerate(data.bodies):
        where = w[f"body:{b.id}#{i + 1}"]
        if b.level not in levels:
            out.append(_ref(where, ("level",), "level", b.level, levels))
        if b.kind not in body_kinds:
            out.append(_ref(where, ("kind",), "body kind", b.kind, body_kinds))
        if b.parent is not None and b.parent not in all_bodies:
            out.append(_ref(where, ("parent",), "body", b.parent, all_bodies))
        elif b.parent == b.id:  # (the graph drops a self-loop, so the chain's cycle check never saw it: check52b)
            out.append(where.issue(("parent",), f"reporting lines form a cycle: {b.id} → {b.id} (a body is its own "
                                   "parent)", "give the body above it as parent, or remove parent", "cycle"))
        cites(where, ("clauses",), b.clauses)
    for ai, a in enumerate(data.areas):
        aw = w[f"area:{a.id}"]
        cites(aw, ("clause",), [a.clause])
        cites(aw, ("clauses",), a.clauses)
        own = {d.id for d in a.duties}
        for stage in STAGES:
            for j, did in enumerate(a.stages.of(stage)):
                if did not in own:
                    out.append(_ref(aw, ("stages", stage, j), f"duty of area {a.id!r}", did, own))
            for j, did in enumerate(a.stages_without_kind.of(stage)):
                if did not in own:
                    out.append(_ref(aw, ("stages_without_kind", stage, j), f"duty of area {a.id!r}", did, own))
            listed = a.stages_without_kind.of(stage)
            for j, did in enumerate(a.line_named_only_without_kind.of(stage)):
                # a duty of the area's own list for kind-less problems at that stage, held for its own part
                if did not in listed:
                    out.append(_ref(aw, ("line_named_only_without_kind", stage, j),
                                    f"duty the area's stages_without_kind lists at {stage}", did, listed))
                elif (dd := next((x for x in a.duties if x.id == did), None)) is None or dd.scope != "own_sector":
                    out.append(aw.issue(("line_named_only_without_kind", stage, j), f"{did!r} is not a duty of area "
                                        f"{a.id!r} held by each department for its own part (scope own_sector)",
                                        "list only own_sector duties of the area here", "invalid"))
        for i, d in enumerate(a.duties):
            dw = w[duty_key(a.id, ai, d.id, i)]
            for j, h in enumerate(d.holders):
                if h not in all_bodies:
                    out.append(_ref(dw, ("holders", j), "body", h, all_bodies))
            for j, k in enumerate(d.kinds):
                if k not in duty_kinds:
                    out.append(_ref(dw, ("kinds", j), "duty kind", k, duty_kinds))
            cites(dw, ("clause",), [d.clause])
            if d.applies_if is not None and d.applies_if not in {p.id for p in data.parameters if p.type == "bool"}:
                out.append(_ref(dw, ("applies_if",), "bool parameter", d.applies_if,
                                [p.id for p in data.parameters if p.type == "bool"]))
            for j, r in enumerate(d.replaces):
                # the same words read another way under a parameter: a replacement always in force is an edit
                rd = next((x for x in a.duties if x.id == r), None)
                if rd is None:
                    out.append(_ref(dw, ("replaces", j), f"duty of area {a.id!r}", r, own))
                elif d.applies_if is None or (rd.quote, rd.clause) != (d.quote, d.clause) or r == d.id:
                    out.append(dw.issue(("replaces", j), f"{d.id!r} replaces {r!r}, which is not the same words read "
                                        "under a parameter", "give it applies_if and the replaced duty's quote and "
                                        "clause", "invalid"))
            if d.scope == "area_holders" and not a.applies_to_all:
                out.append(dw.issue(("scope",), "scope 'area_holders' only means something in an area that applies "
                                    "to all areas", "remove scope or set applies_to_all on the area", "invalid"))
        kind_ids = [pk.id for pk in a.problem_kinds]
        if a.kind_when_none is not None and a.kind_when_none not in kind_ids:
            out.append(_ref(aw, ("kind_when_none",), f"problem kind of area {a.id!r}", a.kind_when_none, kind_ids))
        for i, pk in enumerate(a.problem_kinds):
            kw = Where(aw.positions, ("problem_kinds", i))
            if pk.category is not None and pk.category not in categories:
                out.append(_ref(kw, ("category",), "category", pk.category, categories))
            if pk.authority not in levels:
                out.append(_ref(kw, ("authority",), "level", pk.authority, levels))
            cites(kw, ("clauses",), pk.clauses)
            if pk.reported_on_by is not None:
                cites(kw, ("reported_on_by", "clauses"), pk.reported_on_by.clauses)
                for j, lv in enumerate(pk.reported_on_by.levels):
                    if lv not in levels:
                        out.append(_ref(kw, ("reported_on_by", "levels", j), "level", lv, levels))
                    elif pk.authority in levels and levels[lv] >= levels[pk.authority]:
                        # the authority disposes of it: it has no one above it to report it on to (一(三))
                        out.append(kw.issue(("reported_on_by", "levels", j), f"{lv!r} is not below the kind's "
                                            f"authority {pk.authority!r}", "list only levels below the authority",
                                            "invalid"))
            for stage in STAGES:
                for j, did in enumerate(pk.stages.of(stage)):
                    if did not in all_duties:
                        out.append(_ref(kw, ("stages", stage, j), "duty", did, all_duties))
                listed = pk.stages.of(stage)
                for j, did in enumerate(pk.line_named_only.of(stage)):
                    # a duty of the kind's own list at that stage, held for its own part (own_sector, by_sector)
                    if did not in listed:
                        out.append(_ref(kw, ("line_named_only", stage, j), f"duty the kind lists at {stage}", did,
                                        listed))
                    elif (dd := next((x for x in a.duties if x.id == did), None)) is None \
                            or dd.scope not in ("own_sector", "by_sector"):
                        out.append(kw.issue(("line_named_only", stage, j), f"{did!r} is not a duty of area {a.id!r} "
                                            "held by each department for its own part (scope own_sector or "
                                            "by_sector)", "list only own_sector or by_sector duties of the area here",
                                            "invalid"))
    acc = w["accountability"]
    params = {p.id for p in data.parameters}
    for i, f in enumerate(data.accountability.failures):
        fw = Where(acc.positions, ("failures", i))
        cites(fw, ("clauses",), f.clauses)
        for level, cited in f.clauses_at.items():
            if level not in levels and level not in all_bodies:  # (a body's own key: its clauses over its level's)
                out.append(_ref(fw, ("clauses_at", level), "level", level, levels))
            cites(fw, ("clauses_at", level), cited)
    for i, li in enumerate(data.accountability.liabilities):
        lw = Where(acc.positions, ("liabilities", i))
        cites(lw, ("clauses",), li.clauses)
        if li.from_parameter is not None and li.from_parameter not in params:
            out.append(_ref(lw, ("from_parameter",), "parameter", li.from_parameter, params))
    area_ids = {a.id for a in data.areas}
    for i, p in enumerate(data.accountability.principles):
        pw = Where(acc.positions, ("principles", i))
        cites(pw, ("clause",), [p.clause])
        for j, aid in enumerate(p.areas):
            if aid not in area_ids:
                out.append(_ref(pw, ("areas", j), "area", aid, area_ids))
        for j, k in enumerate(p.oversight_kinds):
            if k not in duty_kinds:
                out.append(_ref(pw, ("oversight_kinds", j), "duty kind", k, duty_kinds))
    pw = w["parameters"]
    for i, prm in enumerate(data.parameters):
        cites(Where(pw.positions, ("parameters", i)), ("clauses",), prm.clauses)
        for j, did in enumerate(prm.presses_only_acting):
            # the duty whose pressing the parameter's false narrows: the engine reads it from here, not from code
            if did not in all_duties:
                out.append(_ref(Where(pw.positions, ("parameters", i)), ("presses_only_acting", j), "duty", did,
                                all_duties))
        for j, did in enumerate(prm.presses_also_acting):
            # the duty whose pressing the parameter's true widens to the bodies the record shows acting
            if did not in all_duties:
                out.append(_ref(Where(pw.positions, ("parameters", i)), ("presses_also_acting", j), "duty", did,
                                all_duties))
    return out


def _check_quotes(loaded: Loaded, data: PolicyData, policy: PolicyView) -> list[Issue]:
    out: list[Issue] = []
    for ai, a in enumerate(data.areas):
        for i, d in enumerate(a.duties):
            if d.clause not in policy.clauses:  # (an unknown clause: the reference check names it)
                continue
            text = policy.clauses[d.clause].text
            if not contains_quote(text, d.quote):
                dw = _Where(loaded.where)[duty_key(a.id, ai, d.id, i)]
                out.append(dw.issue(("quote",), f"quote of duty {d.id!r} does not occur in clause {d.clause}",
                                    f"copy it verbatim from {d.clause}: {_excerpt(text, d.quote)}", "quote"))
    acc = loaded.where["accountability"]
    for i, p in enumerate(data.accountability.principles):
        if p.clause in policy.clauses and not contains_quote(policy.clauses[p.clause].text, p.quote):
            out.append(acc.issue(("principles", i, "quote"), f"quote of principle {p.id!r} does not occur in "
                                 f"clause {p.clause}", "copy it verbatim from the clause", "quote"))
    return out


def _check_sector_scope(loaded: Loaded, data: PolicyData, policy: PolicyView) -> list[Issue]:
    """A duty whose quote confines it to the holder's own line (``sector_markers``: 本部门, 各自业务范围)
    must say so with its scope, every level holding an ``own_sector`` duty needs a role body, and
    every holder of a ``by_sector`` duty a sector."""
    out: list[Issue] = []
    markers = [normalise(m) for m in data.vocabulary.sector_markers]
    where = _Where(loaded.where)
    roles: dict[str, list[str]] = {}
    for b in data.bodies:
        if b.role:
            roles.setdefault(b.level, []).append(b.id)
    for level, ids in roles.items():
        if len(ids) > 1:
            out.append(where[f"body:{ids[1]}"].issue(("role",), f"two role bodies at the {level} level "
                       f"({', '.join(ids)})", "keep one role body per level", "sector_scope"))
    for ai, a in enumerate(data.areas):
        for i, d in enumerate(a.duties):
            dw = where[duty_key(a.id, ai, d.id, i)]
            quote = normalise(d.quote)
            hit = next((m for m in markers if m in quote), None)
            scoped = d.scope == "own_sector" or (d.scope == "area_holders" and a.applies_to_all)
            if hit and not scoped:
                out.append(dw.issue(("scope",), f"duty {d.id!r} quotes {hit!r} but answers for every holder's "
                                    "line", "set scope: own_sector", "sector_scope"))
            if d.scope == "by_sector":
                for h in d.holders:
                    if h in policy.bodies and policy.bodies[h].sector is None:
                        out.append(dw.issue(("holders",), f"duty {d.id!r} answers by the problem's sector but its "
                                            f"holder {h!r} has none, so a record that names a sector never "
                                            "reaches it", "give the body a sector, or set scope: all",
                                            "sector_scope"))
            if d.scope == "own_sector":
                for level in sorted({policy.bodies[h].level for h in d.holders if h in policy.bodies}):
                    if level not in roles:
                        out.append(dw.issue(("holders",), f"duty {d.id!r} is confined to the problem's line but "
                                            f"no role body at the {level} level stands for a department the "
                                            "record does not name", "add a body with role: true at that level",
                                            "sector_scope"))
    return out


def _check_annex(loaded: Loaded, data: PolicyData, policy: PolicyView) -> list[Issue]:
    """Every member unit a source's annex lists is a body of the catalogue, by its exact name."""
    out: list[Issue] = []
    names = {b.name for b in policy.bodies.values()}
    for src in data.sources:
        where = loaded.where[f"source:{src.id}"]
        for i, unit in enumerate(src.annex_member_units):
            if unit not in names:
                out.append(where.issue(("annex_member_units", i), f"member unit {unit!r} of the annex is no body",
                                       f"add a body named {unit} to rules/bodies/", "unknown_ref"))
    return out


def _excerpt(text: str, quote: str) -> str:
    """The part of ``text`` that best matches the start of ``quote``, to help the editor."""
    norm = normalise(text)
    head = normalise(quote)[:4]
    at = norm.find(head)
    return (norm[at:at + 40] if at >= 0 else norm[:40]) + "…"


def _numbered_items(policy: PolicyView, roots: list[str]) -> list[str]:
    """Leaf clauses under each of ``roots`` (items with no sub-items of their own)."""
    children: dict[str, list[str]] = {}
    for c in policy.clauses.values():
        if c.parent:
            children.setdefault(c.parent, []).append(c.id)
    out: list[str] = []

    def walk(cid: str) -> None:
        kids = children.get(cid, [])
        if not kids and cid not in roots:
            out.append(cid)
        for k in kids:
            walk(k)

    for r in roots:
        walk(r)
    return out


def _check_coverage(loaded: Loaded, data: PolicyData, policy: PolicyView) -> list[Issue]:
    out: list[Issue] = []
    cited: dict[str, set[str]] = {}
    for d in policy.duties.values():
        cited.setdefault(d.clause, set()).update(policy.bodies[h].level for h in d.holders if h in policy.bodies)
    pw = loaded.where["policy"]
    for item in _numbered_items(policy, list(data.meta.coverage)):
        text = policy.clauses[item].text
        if item not in cited:
            out.append(pw.issue(("coverage",), f"clause {item} is cited by no duty: {text[:30]}…",
                                f"add a duty with clause: {item} to the area file", "uncovered"))
            continue
        label = _LABEL.match(normalise(text))
        if not label:
            continue
        for lv in policy.levels.values():
            if any(label.group(1).startswith(normalise(m)) for m in lv.text_markers) and lv.id not in cited[item]:
                out.append(pw.issue(("coverage",), f"clause {item} names the {lv.id} level ({label.group(1)}) "
                                    f"but no {lv.id} body holds a duty citing it",
                                    f"add a duty with a {lv.id} holder and clause: {item}", "level_gap"))
    return out


def _check_vacuum(loaded: Loaded, data: PolicyData, policy: PolicyView) -> list[Issue]:
    out: list[Issue] = []
    kinds_base = min((k.authority for k in policy.kinds.values()), key=policy.level_rank.__getitem__, default="")
    base = policy.level_rank.get(kinds_base, 0)
    for (area, kid), kind in policy.kinds.items():
        if not policy.areas[area].problems:
            continue
        kw = loaded.where[f"kind:{area}.{kid}"]
        stages: tuple[Stage, ...] = ("discovery", "handling", "rectification")
        for stage in stages:
            if not policy.stage_holders(area, kid, stage):
                out.append(kw.issue(("stages",), f"problem kind {area}.{kid} has nobody who answers for "
                                    f"{stage} (责任真空)", f"list a duty under stages.{stage}", "vacuum"))
        authority = policy.level_rank[kind.authority]
        handlers = policy.stage_holders(area, kid, "handling")
        if not any(policy.level_rank[policy.bodies[b].level] >= authority for b in handlers):
            out.append(kw.issue(("authority",), f"problem kind {area}.{kid} must reach the {kind.authority} level "
                                "but no handling duty sits there", "list a handling duty at that level", "vacuum"))
        # 一(一): problems only a level above the usual authority (the county) can dispose of — policy and
        # mechanisms — are found by 省市两级, not by the levels below it, whose duty is the 具体问题 of their
        # own place (二(二)1–2).
        if authority > base:
            low = sorted(b for b in policy.stage_holders(area, kid, "discovery")
                         if policy.level_rank[policy.bodies[b].level] < base)
            if low:
                out.append(kw.issue(("stages", "discovery"), f"problem kind {area}.{kid} is disposed of above the "
                                    f"{kinds_base} level, yet {', '.join(low)} must discover it", "leave the lower "
                                    "levels' duties out of its discovery stage (一(一), 二(二)1–2)", "reach"))
    for aid, a in policy.areas.items():
        if not a.problems or a.applies_to_all:
            continue
        aw = loaded.where[f"area:{aid}"]
        if not a.problem_kinds:
            out.append(aw.issue(("problem_kinds",), f"area {aid!r} is a problem domain without problem kinds",
                                "add problem_kinds, or set problems: false", "vacuum"))
    return out
