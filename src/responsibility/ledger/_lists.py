"""The three lists of 一(三) (问题清单、责任清单、整改清单), alerts, duplicates, evaluation indices
and recognition prompts, as pandas DataFrames computed from folded states.

Column ids are English (``problem``, ``status``…); ``columns.yaml`` gives the Chinese headers
offices read (:func:`to_zh`). The 责任清单 has two parts: the bodies the matrix makes
responsible for handling and rectifying each problem (the same as :func:`route <responsibility.Policy.route>`
proposes, placed on the problem's place), and — once something has failed — who answers, taken
row for row from the engine's batch assessment of the folded records (identical to ``who_answers``).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import numpy as np

from .._errors import import_extra
from ._columnar import I64, NONE, Bool, Folded, _eq, day_number
from ._fold import OPEN, STATUSES, State, Step, assigned_body, assignment_aside, level_rank, receipts


@cache
def names() -> dict[str, Any]:
    """``columns.yaml``: Chinese names of lists, columns, statuses, roles."""
    import yaml

    with open(Path(__file__).with_name("columns.yaml"), encoding="utf-8") as f:
        data: dict[str, Any] = yaml.safe_load(f)
    return data


def _pd() -> Any:
    return import_extra("pandas", "the ledger's lists are pandas DataFrames: pip install 'responsibility[ledger]'")


@dataclass(frozen=True)
class Filter:
    """Which problems a list shows: under a place (jurisdiction), in areas, with statuses."""

    place: str | None = None
    areas: frozenset[str] | None = None
    statuses: frozenset[str] | None = None

    @classmethod
    def of(cls, place: str | None = None, area: str | Iterable[str] | None = None,
           status: str | Iterable[str] | None = None) -> Filter:
        """Normalise the arguments the lists take."""
        from .._errors import ProblemError
        from ._compat import parse_code
        from ._fold import STATUSES

        code = None
        if place:
            from .._errors import JurisdictionError

            try:
                code = parse_code(place)
            except JurisdictionError as exc:
                raise ProblemError("place", str(exc), code="bad_place") from None
        areas = frozenset([area] if isinstance(area, str) else area) if area else None
        statuses = frozenset([status] if isinstance(status, str) else status) if status else None
        if statuses is not None:
            expanded: set[str] = set()
            chinese = {v: k for k, v in names()["statuses"].items()}  # as the lists show them: 整改中
            for s in statuses:
                s = chinese.get(s, s)
                if s == "open":
                    expanded |= OPEN
                elif s not in STATUSES:
                    raise ProblemError("status", f"unknown status {s!r}; use open or one of {', '.join(STATUSES)} "
                                       f"(or {', '.join(chinese)})", code="unknown_status")
                else:
                    expanded.add(s)
            statuses = frozenset(expanded)
        return cls(code, areas, statuses)

    def keep(self, s: State) -> bool:
        """Whether ``s`` passes."""
        if self.areas is not None and s.domain not in self.areas:
            return False
        if self.statuses is not None and s.status not in self.statuses:
            return False
        if self.place is not None:
            return _under(s.place, self.place)
        return True


    def mask(self, f: Folded, status: I64) -> Any:
        """Which rows of ``f`` pass (``status``: each row's index in :data:`STATUSES`)."""
        pa, pc = _pa(), _pc()
        keep = np.ones(len(f), np.bool_)
        if self.areas is not None:
            keep &= np.asarray(pc.is_in(f.domain, value_set=pa.array(sorted(self.areas), pa.string()))
                               .to_numpy(zero_copy_only=False), np.bool_)
        if self.statuses is not None:
            keep &= np.isin(status, [STATUSES.index(s) for s in self.statuses])
        if self.place is not None:
            place = self.place
            enc = pc.dictionary_encode(f.place)
            under = np.array([_under(p, place) for p in enc.dictionary.to_pylist()], np.bool_)
            keep &= under[np.asarray(enc.indices.to_numpy(zero_copy_only=False), np.int64)]
        return keep


def _under(code: str, ancestor: str) -> bool:
    stripped = ancestor.rstrip("0")
    # A code's level decides how many digits count: 33 (province), 3301 (city), 330127 (county)…
    for width in (2, 4, 6, 9, 12):
        if len(stripped) <= width:
            return code[:width] == ancestor[:width]
    return code == ancestor


class Lists:
    """Builds the lists for a ledger's states on one day (see :meth:`Ledger.lists`).

    ``states``: the folded states by id, or a function giving them (called on first use: the
    alerts, duplicates, indices and recognition read them). ``columns``: a function giving the
    same states as :class:`~._columnar.Folded` columns, which the three lists read (default: made
    from ``states``).
    """

    def __init__(self, states: Mapping[str, State] | Callable[[], Mapping[str, State]], as_of: dt.date,
                 policy: Any, jurisdiction: Any, flt: Filter | None = None, *,
                 columns: Callable[[], Folded] | None = None) -> None:
        self._states = states
        self._columns = columns
        self.as_of = as_of
        self.policy = policy
        self.jurisdiction = jurisdiction
        self.filter = flt or Filter()
        self._place_names: dict[str, str] = {}
        self._categories: dict[tuple[str, str], str] = {}

    @cached_property
    def all(self) -> Mapping[str, State]:
        """Every folded state, by id."""
        return self._states() if callable(self._states) else self._states

    @cached_property
    def states(self) -> list[State]:
        """The states the filter keeps, in order of registration."""
        f = self.filter
        return [s for s in self.all.values() if f.keep(s)]

    @cached_property
    def cols(self) -> _View:
        """The states the filter keeps, as columns."""
        from ._columnar import Folded

        folded = self._columns() if self._columns is not None else Folded.from_states(self.all)
        return _View(folded, self)

    def place_name(self, code: str) -> str:
        """The name of a place ('' when the jurisdiction lacks it)."""
        name = self._place_names.get(code)
        if name is None:
            p = self.jurisdiction.get(code) if self.jurisdiction is not None else None
            name = self._place_names[code] = p.name if p is not None else ""
        return name

    def _category(self, domain: str, kind: str | None) -> str:
        """The category of 一(一) of problems of ``kind`` ('' when it has none)."""
        if kind is None:
            return ""
        key = (domain, kind)
        got = self._categories.get(key)
        if got is None:
            k = self.policy.kinds.get(key)
            got = self._categories[key] = (k.category or "") if k is not None else ""
        return got

    # ------------------------------------------------------------------ 问题清单

    def problems(self) -> Any:
        """问题清单: every problem, its category, area, place, how and by whom discovered, status."""
        pd, pa, pc = _pd(), _pa(), _pc()
        v = self.cols
        f, sel = v.folded, v.sel
        at = pa.array(sel)
        first = v.first[sel]
        has = first >= 0
        d_at = pa.array(first, pa.int64(), mask=~has)  # null: no discovery

        def disc(arr: Any) -> Any:
            return pc.fill_null(arr.take(d_at), "")

        domain, kind, place = f.domain.take(at), f.kind.take(at), f.place.take(at)
        cols: dict[str, Any] = {
            "problem": f.ids.take(at), "category": _pairs(domain, kind, self._category),
            "area": domain, "kind": pc.fill_null(kind, ""), "sector": pc.fill_null(f.sector.take(at), ""),
            "place": place,
            "place_name": _mapped(place, self.place_name), "severity": f.severity.take(at),
            "description": pc.fill_null(f.description.take(at), ""),
            "registered_on": _day_stamps(f.registered_on[sel]),
            "discovered_on": _day_stamps(np.where(has, f.d_on[np.maximum(first, 0)] if len(f.d_on) else NONE, NONE)),
            "discovered_level": disc(f.d_level), "channel": disc(f.d_channel),
            "channels": v.channels.take(at), "discovered_by": disc(f.d_body),
            "status": _status_text(v.status[sel]), "merged_into": pc.fill_null(f.merged_into.take(at), ""),
            "merged_from": f.merged_from.take(at)}
        return _arrow_frame(pd, cols, PROBLEM_COLUMNS)

    # ------------------------------------------------------------------ 整改清单

    def deadline(self, s: State, a: Step | None = None) -> tuple[dt.date | None, bool]:
        """The rectification deadline of assignment ``a`` (default: the latest) and whether the parameter set it (no
        deadline given)."""
        a = a if a is not None else s.assignment
        if a is None:
            return None, False
        # as the engine reads the record's one deadline for the latest assignee (engine/_facts._deadline): the
        # record's (the latest day an assignment set, State.deadline) when on or after its day, else the parameter's
        # period from it — so that the 整改清单 and the alerts say the day `who` judges by (review30 #1); not for an
        # assignment that set no day and passed nothing down (State.step_deadline; check61 L2)
        given = s.step_deadline(a)
        if given is not None:
            return given, False
        days = int(self.policy.parameter("rectification_time_limit_days"))
        return a.on + dt.timedelta(days=days), True

    def _view(self, s: State) -> Any:
        """The rules that judge ``s``: its discovery day's (the list's own when it has none)."""
        found = s.discovered
        return self.policy.at(found.on if found is not None else self.as_of)

    def rectifications(self) -> Any:
        """整改清单: assignee, deadline, days left or overdue, rectification reported, verified, closed."""
        pd, pa, pc = _pd(), _pa(), _pc()
        v = self.cols
        f = v.folded
        status = v.status[v.sel]
        a_all = v.assign[v.sel]
        keep = (a_all >= 0) & (status != STATUSES.index("merged"))
        rows = v.sel[keep]
        a = a_all[keep]
        at, a_at = pa.array(rows), pa.array(a)
        # the record's (State.deadline), read for the latest assignee as the engine does (State.step_deadline)
        given = v.step_deadlines[0][a]
        assigned_on = f.s_on[a]
        from_param = given == NONE
        limit = int(self.policy.parameter("rectification_time_limit_days"))
        deadline = np.where(from_param, assigned_on + limit, given)
        done = f.rectified_on[rows]
        today = day_number(self.as_of)
        open_ = done == NONE
        overdue = np.where(open_, today > deadline, done > deadline)
        bodies = self.policy.bodies
        to_body = _assigned_bodies(f, rows, a, self.policy, v.first)
        place = f.place.take(at)
        cols: dict[str, Any] = {
            "problem": f.ids.take(at), "area": f.domain.take(at), "place": place,
            "place_name": _mapped(place, self.place_name), "assignee_level": f.s_to.take(a_at),
            "assignee": pc.fill_null(to_body, ""),
            "assignee_name": _mapped(pc.fill_null(to_body, ""), lambda b: bodies[b].name if b in bodies else ""),
            "assigned_on": _day_stamps(assigned_on), "deadline": _day_stamps(deadline),
            "deadline_from_parameter": pa.array(from_param, pa.bool_()),
            "days_left": pa.array(deadline - today, pa.int64(), mask=~open_),
            "overdue": pa.array(overdue, pa.bool_()), "rectified_on": _day_stamps(done),
            "verified_on": _day_stamps(f.verified_on[rows]), "closed_on": _day_stamps(f.closed_on[rows]),
            "status": _status_text(status[keep])}
        return _arrow_frame(pd, cols, RECTIFICATION_COLUMNS)

    # ------------------------------------------------------------------ 责任清单

    def responsibilities(self, assessment: Any = None) -> Any:
        """责任清单: the matrix's handling and rectification bodies, then who answers (the engine's findings).

        Columnar: one plan per (area, kind, place level) is expanded over the problems with array
        takes, and the engine's findings (the batch assessment of the folded records, given as an
        Arrow table) are appended as they come; every column is categorical.
        """
        pd, pa, pc = _pd(), _pa(), _pc()
        from ._compat import route_bodies

        v = self.cols
        f = v.folded
        bodies = self.policy.bodies
        live = v.sel[v.status[v.sel] != STATUSES.index("merged")]
        n = len(live)
        at = pa.array(live)
        digits = {lv.id: lv.code_digits for lv in self.policy.data.vocabulary.levels}
        level_ids = list(digits)
        lcode = {lv: i for i, lv in enumerate(level_ids)}
        domain, kind, sector = f.domain.take(at), f.kind.take(at), f.sector.take(at)
        place_enc = pc.dictionary_encode(f.place.take(at))
        uplaces = place_enc.dictionary.to_pylist()
        place_ix = np.asarray(place_enc.indices.to_numpy(zero_copy_only=False), np.int64)
        # Plans, flattened: entry arrays of role, level, body, name; per plan its start and length.
        # ... and the period of the rules that judge it (its discovery day's, else the list's day): under an
        # amended policy a problem found before a change is the replaced office's to handle (review19 D1)
        epochs: list[dt.date] = self.policy.epochs
        first = v.first[live]
        day = np.where(first >= 0, f.d_on[np.maximum(first, 0)] if len(f.d_on) else 0, day_number(self.as_of))
        period = np.searchsorted(np.array([day_number(d) for d in epochs], np.int64), day, "right") if epochs \
            else np.zeros(n, np.int64)
        levels_of = pa.array([_answering_level(self.policy, p) for p in uplaces], pa.string())
        key_enc = pc.dictionary_encode(pc.binary_join_element_wise(
            domain, pc.fill_null(kind, "\x00"), levels_of.take(place_enc.indices),
            pa.array(period.astype(str), pa.string()), pc.fill_null(sector, "\x00"),
            "\x1f"))
        starts: list[int] = []
        lengths: list[int] = []
        e_role: list[str] = []
        e_level: list[str] = []
        e_body: list[str] = []
        e_name: list[str] = []
        e_rank: list[int] = []
        for key in key_enc.dictionary.to_pylist():
            area, k, lv, p, line = key.split("\x1f")
            view = self.policy.at(epochs[int(p) - 1] if int(p) else epochs[0] - dt.timedelta(days=1)) if epochs \
                else self.policy
            # the line the record names narrows a duty of a department's own line, as in a verdict (R21-3)
            plan = route_bodies(view, area, None if k == "\x00" else k, lv,
                                None if line == "\x00" else view.sector_of(line))
            starts.append(len(e_role))
            for role, rank, ids in (("handling", 0, plan.handlers), ("rectification", 1, plan.assignees)):
                for b in ids:
                    e_role.append(role)
                    e_rank.append(rank)
                    e_level.append(bodies[b].level)
                    e_body.append(b)
                    e_name.append(bodies[b].name)
            lengths.append(len(e_role) - starts[-1])
        which = np.asarray(key_enc.indices.to_numpy(zero_copy_only=False), np.int64)
        counts = np.asarray(lengths, dtype=np.int64)[which] if n else np.zeros(0, dtype=np.int64)
        state_of = np.repeat(np.arange(n), counts)
        first_row = np.repeat(np.cumsum(counts) - counts, counts)
        entry = np.asarray(starts, dtype=np.int64)[which][state_of] + (np.arange(len(state_of)) - first_row) \
            if n else np.zeros(0, dtype=np.int64)
        # The place at each level above each problem's place: a small table over the distinct places.
        ancestors = [[p[:digits[lv]].ljust(12, "0") for p in uplaces] for lv in level_ids]
        uniq_places = sorted({a for row in ancestors for a in row})
        code_of = {a: i for i, a in enumerate(uniq_places)}
        anc_code = np.array([[code_of[a] for a in row] for row in ancestors], np.int64).reshape(len(level_ids), -1)
        entry_level = np.array([lcode[lv] for lv in e_level], dtype=np.int64)
        # Every column is categorical: codes into a small table of values, so that building and
        # ordering a million rows moves integers, not strings.
        pids = f.ids.take(at)
        role_names = ["handling", "rectification", "answers"]  # and "unanswered" where a record is refused
        zeros = np.zeros(len(state_of), dtype=np.int64)
        ranks = np.asarray(e_rank, dtype=np.int64)[entry] if n else zeros
        area_codes, area_values = _codes(domain)
        parts: dict[str, list[tuple[Any, list[str] | None]]] = {
            "problem": [(state_of, None)], "area": [(area_codes[state_of], area_values)],
            "place": [(place_ix[state_of], uplaces)], "role": [(ranks, role_names)],
            "level": [(entry, e_level)], "body": [(entry, e_body)], "name": [(entry, e_name)],
            "body_place": [(anc_code[entry_level[entry], place_ix[state_of]] if n else zeros, uniq_places)],
            **{c: [(zeros, [""])] for c in ("basis", "liability", "clauses", "reason")}}
        sort_state = [state_of]
        if assessment is None:
            assessment = self.assess(live)
        found = assessment.findings
        refused = assessment.rejects
        if len(refused):
            # A folded record the engine refuses (a ledger damaged, or written by an older version, where a
            # correction made the record contradict itself: review18 L1) is not dropped from the list in silence:
            # it has a row saying it could not be answered, and why.
            assessed_all = live[v.first[live] >= 0]
            at_rec = np.searchsorted(live, assessed_all)[np.asarray(refused["record"], np.int64)]
            k = len(at_rec)
            role_names.append("unanswered")
            parts["problem"].append((at_rec, None))
            parts["area"].append((area_codes[at_rec], area_values))
            parts["place"].append((place_ix[at_rec], uplaces))
            parts["role"].append((np.full(k, 3, dtype=np.int64), role_names))
            for c in ("level", "body", "name", "body_place", "basis", "liability", "clauses"):
                parts[c].append((np.zeros(k, dtype=np.int64), [""]))
            parts["reason"].append(_codes(pa.array([f"无法认定（the record could not be answered）：{x}"
                                                    for x in refused["reason"]], pa.string())))
            sort_state.append(at_rec)
        if len(found):
            assessed = live[v.first[live] >= 0]  # the records assessed, in order
            pos = np.searchsorted(live, assessed)[np.asarray(found["record"], np.int64)]
            m = len(found)

            def coded(name: str) -> tuple[Any, list[str]]:
                col = found[name]
                if isinstance(col.dtype, pd.CategoricalDtype):
                    return np.asarray(col.cat.codes, dtype=np.int64), [str(x) for x in col.cat.categories]
                text = pa.chunked_array(pa.array(col))  # text: by way of Arrow, not row by row
                return _codes(text.chunk(0) if text.num_chunks == 1 else text.combine_chunks())

            parts["problem"].append((pos, None))
            parts["area"].append((area_codes[pos], area_values))
            parts["place"].append((place_ix[pos], uplaces))
            parts["role"].append((np.full(m, 2, dtype=np.int64), role_names))
            for c, src in (("level", "level"), ("body", "body"), ("name", "name"), ("body_place", "place"),
                           ("basis", "basis"), ("liability", "liability"), ("clauses", "clauses"),
                           ("reason", "reason")):
                parts[c].append(coded(src))
            sort_state.append(pos)
        found = assessment = None  # the findings are coded: let their frame go before the list is built
        pa.default_memory_pool().release_unused()  # (and Arrow give back what it held for them)
        state_key = np.concatenate(sort_state)
        # Rows by (problem, role rank, position): within a problem the matrix's rows come in rank
        # order and before the findings (rank 2), so a stable sort on the problem alone gives it.
        order = np.argsort(state_key, kind="stable")
        out: dict[str, Any] = {}
        for c in RESPONSIBILITY_COLUMNS:
            if c == "problem":  # problem ids are distinct: they are their own categories
                joined = np.concatenate([p for p, _ in parts[c]])
                out[c] = pd.Categorical.from_codes(joined[order], categories=pd.Index(pids.to_pylist(), dtype=object))
                continue
            values: list[str] = []
            codes = []
            for part_codes, part_values in parts[c]:
                assert part_values is not None
                codes.append(np.asarray(part_codes, dtype=np.int64) + len(values))
                values.extend(part_values)
            remap, categories = pd.factorize(pd.Index(values, dtype=object))
            joined = np.concatenate(codes)
            out[c] = pd.Categorical.from_codes(np.asarray(remap, dtype=np.int64)[joined][order],
                                               categories=pd.Index(categories, dtype=object))
        return pd.DataFrame(out, columns=list(RESPONSIBILITY_COLUMNS))

    def assess(self, live: I64) -> Any:
        """The engine's batch assessment of the folded records of the problems ``live`` (rows of
        the columns) that have been discovered, on the list's day."""
        from ._compat import batch_assess

        records = self.cols.records(live)
        _pa().default_memory_pool().release_unused()  # what the fold freed goes back before the engine runs
        return batch_assess(self.policy, records, self.jurisdiction, self.as_of)

    # ------------------------------------------------------------------ alerts

    def alerts(self, within: int = 7) -> Any:
        """Open problems whose handling limit or rectification deadline passes within ``within`` days
        or has passed, with the body that must act (one row per acting body)."""
        pd = _pd()
        from ._compat import ancestor_code, route_bodies

        bodies = self.policy.bodies
        rows = []
        for s in self.states:
            if s.status not in ("discovered", "reported", "assigned"):
                continue
            # the rules of the problem's own day (review19 D1: under an amended policy a problem found before a
            # change was alerted to the body that replaced the office only later)
            found = s.discovered
            view = self.policy.at(found.on if found is not None else self.as_of)  # (itself when nothing is dated)
            limit = dt.timedelta(days=int(view.parameter("handling_time_limit_days")))
            # an assignment that counts as no 交办 (to a level that does not rectify the kind) leaves the problem
            # with the level that assigned it, as who_answers holds that level to passing it on (review33b F4)
            a = s.counted_assignment(view) if s.status == "assigned" else None
            if a is not None:
                due, _ = self.deadline(s, a)
                assert due is not None
                # (the body who_answers holds to it: none — the level's rectifiers — where it reads the step as the
                # 交办 to the level as a whole: assignment_without_rectification_duty, assignment_to_body_without_part)
                stage, level = "rectification", a.to_level
                named = assigned_body(view, s.domain, s.kind, s.sector, s.place, a.by_level, a.to_level, a.to_body)
                line = view.sector_of(s.sector)
                plan_ids = route_bodies(view, s.domain, s.kind, _answering_level(view, s.place), line).assignees
            else:
                assert found is not None
                # (a level that registered it, or received it by a merged report, holds it: review22 R22-10)
                held = s.holding()
                assert held is not None
                level, received, named = held
                due, stage = received + limit, "handling"
                plan_ids = tuple(view.stage_holders(s.domain, s.kind, "handling", view.sector_of(s.sector)))
            left = (due - self.as_of).days
            if left > within:
                continue
            actors = [named] if named else [b for b in plan_ids if bodies[b].level == level] or [""]
            for b in actors:
                rows.append({
                    "body": b, "name": bodies[b].name if b in bodies else "", "level": level,
                    "body_place": ancestor_code(s.place, level) if b else "", "problem": s.id, "area": s.domain,
                    "place": s.place, "place_name": self.place_name(s.place), "stage": stage, "due": due,
                    "days_left": left, "overdue": left < 0, "status": s.status})
        out = _frame(pd, rows, ALERT_COLUMNS, dates=("due",))
        return out.sort_values(["body_place", "body", "due", "problem"], kind="stable").reset_index(drop=True)

    # ------------------------------------------------------------------ duplicates

    def duplicates(self, window: int = 30) -> Any:
        """Likely duplicates (三(三) 集成整改): open problems of the same place, area and kind
        discovered within ``window`` days of each other, one row per pair."""
        pd = _pd()
        groups: dict[tuple[str, str, str], list[State]] = {}
        for s in self.states:
            if s.status in ("merged", "closed") or s.discovered is None:
                continue
            groups.setdefault((s.place, s.domain, s.kind or ""), []).append(s)
        rows = []
        for (place, area, kind), xs in groups.items():
            xs.sort(key=lambda s: (s.discovered.on if s.discovered else dt.date.min, s.id))
            for i, a in enumerate(xs):
                for b in xs[i + 1:]:
                    assert a.discovered is not None and b.discovered is not None
                    gap = (b.discovered.on - a.discovered.on).days
                    if gap > window:
                        break
                    rows.append({"problem": a.id, "other": b.id, "place": place, "place_name": self.place_name(place),
                                 "area": area, "kind": kind, "discovered_on": a.discovered.on,
                                 "other_discovered_on": b.discovered.on, "days_apart": gap,
                                 "channel": a.discovered.channel, "other_channel": b.discovered.channel})
        return _frame(pd, rows, DUPLICATE_COLUMNS, dates=("discovered_on", "other_discovered_on"))

    # ------------------------------------------------------------------ evaluation

    def indices(self, level: str = "county", period: str = "year") -> Any:
        """评价指数 (三(三)) per jurisdiction (places of ``level``) and period (``year``, ``quarter`` or
        ``month`` of discovery): problems found, shares found by the level's own work, by outside
        channels and by higher levels, share assigned or reported in time, share rectified by the
        deadline, concealments found, median days from discovery to closure."""
        pd = _pd()
        from statistics import median

        from ._compat import ancestor_code

        rank = self.policy.level_rank
        if level not in rank:
            from .._errors import ProblemError

            raise ProblemError("level", f"unknown level {level!r}; use one of {', '.join(rank)}", code="unknown_level")
        if period not in ("year", "quarter", "month"):
            from .._errors import ProblemError

            raise ProblemError("period", f"unknown period {period!r}; use year, quarter or month", code="bad_value")
        limit = dt.timedelta(days=int(self.policy.parameter("handling_time_limit_days")))
        groups: dict[tuple[str, str], list[State]] = {}
        for s in self.states:
            d = s.discovered
            if s.status == "merged" or d is None or rank[_place_level(s.place)] > rank[level]:
                continue
            groups.setdefault((ancestor_code(s.place, level), _period(d.on, period)), []).append(s)
        rows = []
        for (code, per), xs in sorted(groups.items()):
            own = outside = higher = 0
            handled_due = handled_ok = rect_due = rect_ok = conceal = 0
            closing: list[int] = []
            for s in xs:
                d = s.discovered
                assert d is not None
                channel = self.policy.channels.get(d.channel)
                if channel is None or not channel.own_work:
                    outside += 1
                elif rank[d.level] > rank[level]:
                    higher += 1
                else:
                    own += 1
                first = min((x.on for x in s.steps), default=None)
                if first is not None or self.as_of > d.on + limit:
                    handled_due += 1
                    handled_ok += int(first is not None and first <= d.on + limit)
                deadline, _ = self.deadline(s)
                if deadline is not None and (s.rectified_on is not None or self.as_of > deadline):
                    rect_due += 1
                    rect_ok += int(s.rectified_on is not None and s.rectified_on <= deadline)
                conceal += len(s.concealed_by)
                if s.closed_on is not None:
                    closing.append((s.closed_on - d.on).days)
            n = len(xs)
            rows.append({
                "jurisdiction": code, "jurisdiction_name": self.place_name(code), "period": per, "found": n,
                "found_own": own, "found_outside": outside, "found_higher": higher,
                "share_own": own / n, "share_outside": outside / n, "share_higher": higher / n,
                "handled_in_time": handled_ok / handled_due if handled_due else None,
                "rectified_in_time": rect_ok / rect_due if rect_due else None, "concealments": conceal,
                "median_days_to_close": float(median(closing)) if closing else None})
        return pd.DataFrame(rows, columns=list(INDEX_COLUMNS))

    def recognition(self) -> Any:
        """一(四)'s other side: bodies whose record merits recognition — found problems by their own
        work, rectified before the deadline, none late or concealed. A prompt for the personnel
        department, not a verdict (the ``note`` column says so)."""
        pd = _pd()
        bodies = self.policy.bodies
        tally: dict[tuple[str, str], dict[str, int]] = {}

        def t(b: str, code: str) -> dict[str, int]:
            return tally.setdefault((b, code), {"found_own": 0, "rectified_early": 0, "rectified_late": 0,
                                                "concealments": 0})

        from ._compat import ancestor_code

        for s in self.states:
            if s.status == "merged":
                continue
            for d in s.discoveries:
                if d.body and d.body in bodies and d.source is None:
                    ch = self.policy.channels.get(d.channel)
                    if ch is not None and ch.own_work:
                        t(d.body, ancestor_code(s.place, bodies[d.body].level))["found_own"] += 1
            # (the assignee as the 整改清单 names it: not a body handed it out of procedure, nor one that received it
            # for its level — check51b #1)
            view = self._view(s)
            a = s.counted_assignment(view)
            to = assigned_body(view, s.domain, s.kind, s.sector, s.place, a.by_level, a.to_level, a.to_body) \
                if a is not None else None
            if a is not None and to in bodies and s.rectified_on is not None:
                deadline, _ = self.deadline(s, a)
                assert deadline is not None and to is not None
                key = "rectified_early" if s.rectified_on < deadline else \
                    "rectified_late" if s.rectified_on > deadline else None
                if key:
                    t(to, ancestor_code(s.place, bodies[to].level))[key] += 1
            for who in s.concealed_by:
                if who in bodies:
                    t(who, ancestor_code(s.place, bodies[who].level))["concealments"] += 1
        note = names()["recognition_note"]["zh"]
        rows = [{"body": b, "name": bodies[b].name, "level": bodies[b].level, "body_place": code,
                 "place_name": self.place_name(code), **c, "note": note}
                for (b, code), c in sorted(tally.items(), key=lambda x: (x[0][1], x[0][0]))
                if (c["found_own"] or c["rectified_early"]) and not c["rectified_late"] and not c["concealments"]]
        return pd.DataFrame(rows, columns=list(RECOGNITION_COLUMNS))


class _View:
    """The folded columns with what the lists derive from them, and the rows the filter keeps."""

    def __init__(self, folded: Folded, lists: Lists) -> None:
        self.folded = f = folded
        self.as_of = lists.as_of
        self.first = f.first_discovery()
        self.counts = f.discovery_counts()
        # the status follows any assignment (the office did 交办 it); the 整改清单 the latest one that counts as a 交办
        # by procedure, as the alerts and who_answers read it (review33b F4)
        self.status = f.status(f.assignment(), self.counts)
        self.assign = f.assignment(_counted_steps(f, lists.policy))
        self.sel = np.flatnonzero(lists.filter.mask(f, self.status)).astype(np.int64)

    @cached_property
    def channels(self) -> Any:
        return self.folded.channels(self.first, self.counts)

    @cached_property
    def deadline(self) -> Any:
        return self.folded.deadline()

    @cached_property
    def step_deadlines(self) -> tuple[Any, Any]:
        return self.folded.step_deadlines()

    def records(self, rows: I64) -> Any:
        """The problem records (``State.record`` on the list's day) of ``rows`` that have been
        discovered, as an Arrow table (the batch assessment's columnar input)."""
        pa = _pa()
        f = self.folded
        rows = rows[self.first[rows] >= 0]
        n = len(rows)
        at = pa.array(rows)
        first = self.first[rows]
        d = pa.array(first)
        discovered = pa.StructArray.from_arrays(
            [f.d_level.take(d), f.d_channel.take(d), _date32(f.d_on[first]), f.d_body.take(d)],
            names=["level", "channel", "on", "body"])
        pos = np.full(len(f), -1, np.int64)
        pos[rows] = np.arange(n)

        def lists(prob: I64, key: Any) -> tuple[Any, Any, Any]:
            """Offsets and order of the entries of ``prob`` (rows of the table), by (row, key, entry)."""
            p = pos[prob]
            mine = np.flatnonzero(p >= 0)
            order = mine[np.lexsort((mine, key[mine], p[mine]) if key is not None else (mine, p[mine]))]
            sizes = np.bincount(p[mine], minlength=n)
            offsets = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int32)
            return pa.array(offsets, pa.int32()), pa.array(order), sizes == 0

        s_prob, s_action, s_by, s_to, s_on, s_to_body = self._with_receipts(rows)
        off, order, empty = lists(s_prob, s_on)
        taken = np.asarray(order.to_numpy(zero_copy_only=False), np.int64)
        arrays = [s_action.take(order), s_by.take(order), s_to.take(order), _date32(s_on[taken]), s_to_body.take(order)]
        names = ["action", "by_level", "to_level", "on", "to_body"]
        deadline = self.deadline[rows]
        own, per_step = self.step_deadlines
        if per_step[rows].any():
            # records whose assignments carry their own deadlines (State.record; check61 L2): the steps' days, the
            # record's none (a report upward the history says, appended after the steps, carries none)
            days = np.concatenate([np.where(per_step[f.s_prob], own, NONE),
                                   np.full(len(s_prob) - len(f.s_prob), NONE, np.int32)]).astype(np.int32)
            arrays.append(_date32(days[taken]))
            names.append("deadline")
            deadline = np.where(per_step[rows], NONE, deadline)
        steps = pa.StructArray.from_arrays(arrays, names=names)
        handled = pa.ListArray.from_arrays(off, steps, mask=pa.array(empty))
        off, order, empty = lists(f.c_prob, None)
        concealed = pa.ListArray.from_arrays(off, f.c_who.take(order), mask=pa.array(empty))
        return pa.table({
            "id": f.ids.take(at), "area": f.domain.take(at), "place": f.place.take(at),
            "severity": f.severity.take(at), "as_of": _date32(np.full(n, day_number(self.as_of), np.int32)),
            "kind": f.kind.take(at), "sector": f.sector.take(at), "discovered": discovered, "handled": handled,
            "deadline": _date32(deadline), "rectified_on": _date32(f.rectified_on[rows]),
            "concealed_by": concealed})


    def _with_receipts(self, rows: I64) -> tuple[I64, Any, Any, Any, Any, Any]:
        """The steps' columns with, after them, the reports upward the history says without an event
        (``State.receipts``, by :func:`~._fold.receipts`) of ``rows``: (problem row, action, by, to, day, to_body)."""
        pa, pc = _pa(), _pc()
        f = self.folded
        rank = level_rank()
        first = self.first[rows]
        reg = f.level.take(pa.array(rows))
        enc = pc.dictionary_encode(pc.fill_null(reg, ""))
        reg_rank = np.array([rank.get(x, 0) for x in enc.dictionary.to_pylist()], np.int64)[
            np.asarray(enc.indices.to_numpy(zero_copy_only=False), np.int64)] if len(rows) else np.zeros(0, np.int64)
        d_level = f.d_level.take(pa.array(first)).to_pylist() if len(rows) else []
        first_rank = np.array([rank.get(x, 0) for x in d_level], np.int64)
        wanted = rows[(reg_rank > first_rank) | (self.counts[rows] > 1)]
        plain = (f.s_prob, f.s_action, f.s_by, f.s_to, f.s_on, f.s_to_body)
        if not len(wanted):
            return plain
        mine = set(wanted.tolist())
        disc: dict[int, list[tuple[int, dt.date, str]]] = {}
        d_at = np.flatnonzero(np.isin(f.d_prob, wanted))
        for k, p, lv, on in zip(d_at.tolist(), f.d_prob[d_at].tolist(), f.d_level.take(pa.array(d_at)).to_pylist(),
                                f.d_on[d_at].tolist(), strict=True):
            disc.setdefault(p, []).append((k, _day(on), lv))
        reached: dict[int, list[tuple[dt.date, str]]] = {}
        s_at = np.flatnonzero(np.isin(f.s_prob, wanted))
        for p, by, to, on in zip(f.s_prob[s_at].tolist(), f.s_by.take(pa.array(s_at)).to_pylist(),
                                 f.s_to.take(pa.array(s_at)).to_pylist(), f.s_on[s_at].tolist(), strict=True):
            reached.setdefault(p, []).extend(((_day(on), by), (_day(on), to)))
        levels = f.level.take(pa.array(wanted)).to_pylist()
        out: list[tuple[int, str, str, dt.date]] = []
        for p, level in zip(wanted.tolist(), levels, strict=True):
            if p not in mine:
                continue
            k0 = int(self.first[p])
            ds = disc.get(p, [])
            head = next(x for x in ds if x[0] == k0)
            given = [(max(_day(int(f.registered_on[p])), head[1]), level)] if level else []
            given += [(on, lv) for k, on, lv in ds if k != k0]
            out.extend((p, by, to, on) for by, to, on in receipts(rank, head[2], given, reached.get(p, [])))
        if not out:
            return plain
        n = len(out)
        return (np.concatenate([f.s_prob, np.array([x[0] for x in out], np.int64)]),
                pa.concat_arrays([f.s_action, pa.array(["reported"] * n, pa.string())]),
                pa.concat_arrays([f.s_by, pa.array([x[1] for x in out], pa.string())]),
                pa.concat_arrays([f.s_to, pa.array([x[2] for x in out], pa.string())]),
                np.concatenate([f.s_on, np.array([day_number(x[3]) for x in out], np.int32)]),
                pa.concat_arrays([f.s_to_body, pa.nulls(n, pa.string())]))


def _day(n: int) -> dt.date:
    return dt.date.fromordinal(int(n) + 719163)


def _pa() -> Any:
    import pyarrow as pa

    return pa


def _pc() -> Any:
    import pyarrow.compute as pc

    return pc


def _date32(days: Any) -> Any:
    """An Arrow date32 array from int days (:data:`NONE`: null)."""
    pa = _pa()
    days = np.asarray(days, np.int32)
    return pa.array(days, pa.int32(), mask=days == NONE).cast(pa.date32())


def _day_stamps(days: Any) -> Any:
    """Int days (:data:`NONE`: missing) as the datetime64 column :func:`_dates` makes."""
    days = np.asarray(days, np.int64)
    missing = days == NONE
    # seconds, not pandas' default nanoseconds: those wrap past 2262-04-11, and a deadline may be a year 2921 typed
    # for 2021 (review19b A1: the 整改清单 printed it as 1752-03-06)
    out = np.where(missing, 0, days).astype("datetime64[D]").astype("datetime64[s]")
    out[missing] = np.datetime64("NaT", "s")
    return out


def _codes(arr: Any) -> tuple[I64, list[str]]:
    """Codes into the distinct values of ``arr`` (in order of first appearance) and those values."""
    enc = _pc().dictionary_encode(arr)
    return np.asarray(enc.indices.to_numpy(zero_copy_only=False), np.int64), enc.dictionary.to_pylist()


def _mapped(arr: Any, fn: Callable[[str], str]) -> Any:
    """``fn`` of each value of a text array, computed once per distinct value."""
    pa = _pa()
    enc = _pc().dictionary_encode(arr)
    return pa.array([fn(x) for x in enc.dictionary.to_pylist()], pa.string()).take(enc.indices)


def _pairs(first: Any, second: Any, fn: Callable[[str, str | None], str]) -> Any:
    """``fn(a, b)`` for each pair of values (``b`` may be null: ``None``), once per distinct pair."""
    pa, pc = _pa(), _pc()
    enc = pc.dictionary_encode(pc.binary_join_element_wise(first, pc.fill_null(second, "\x00"), "\x1f"))
    values = []
    for key in enc.dictionary.to_pylist():
        a, b = key.split("\x1f")
        values.append(fn(a, None if b == "\x00" else b))
    return pa.array(values, pa.string()).take(enc.indices)


def _status_text(codes: I64) -> Any:
    pa = _pa()
    return pa.array(list(STATUSES), pa.string()).take(pa.array(np.asarray(codes, np.int64)))


def _arrow_frame(pd: Any, cols: dict[str, Any], columns: tuple[str, ...]) -> Any:
    """A frame from Arrow arrays and datetime64 columns, typed as :func:`_cols_frame` types the
    same values given as lists (a column with no value at all is of Arrow's null type)."""
    pa = _pa()
    arrays = {}
    for c in columns:
        col = cols[c]
        arr = pa.array(col) if isinstance(col, np.ndarray) else col
        if not isinstance(col, np.ndarray) and arr.null_count == len(arr):
            arr = pa.nulls(len(arr))
        arrays[c] = arr
    return _to_pandas(pd, pa.table(arrays))


def _to_pandas(pd: Any, table: Any) -> Any:
    """A list's Arrow table as pandas: text as Arrow strings; whole numbers stay whole where a cell
    is missing (Int64, not float: the service's JSON gave "剩余天数": -66.0)."""
    pa = _pa()
    return table.to_pandas(types_mapper={pa.string(): pd.StringDtype("pyarrow"), pa.int64(): pd.Int64Dtype()}.get)


def _period(day: dt.date, period: str) -> str:
    if period == "year":
        return str(day.year)
    if period == "quarter":
        return f"{day.year}Q{(day.month - 1) // 3 + 1}"
    return f"{day.year}-{day.month:02d}"


@cache
def _place_level(code: str) -> str:
    from ._compat import level_of

    return str(level_of(code))


def _counted_steps(f: Folded, policy: Any) -> Bool | None:
    """Which steps of ``f`` are assignments that count as a 交办 by procedure (:func:`~._fold.assignment_aside`, under
    the rules of each problem's discovery day), ``None`` when every one does. Decided once per distinct (problem's
    area, kind, sector, place, day's rules; step's levels and body)."""
    pa = _pa()
    rows = np.flatnonzero(_eq(f.s_action, "assigned"))
    if not len(rows):
        return None
    p, at = pa.array(f.s_prob[rows]), pa.array(rows)
    cols = [f.domain.take(p), f.kind.take(p), f.sector.take(p), f.place.take(p), f.s_by.take(at), f.s_to.take(at),
            f.s_to_body.take(at)]
    epochs = policy.epochs
    values, inverse = _distinct(cols, _periods(f, f.first_discovery()[f.s_prob[rows]], epochs))
    ok = np.ones(len(values), np.bool_)
    for i, (area, kind, sector, place, by, to, body, period) in enumerate(values):
        view = policy.at(epochs[period - 1]) if epochs and period > 0 else policy
        if area is not None and place is not None and by is not None and to is not None:
            ok[i] = assignment_aside(view, area, kind, sector, place, by, to, to_body=body) is None
    if ok.all():
        return None
    keep = np.ones(len(f.s_prob), np.bool_)
    keep[rows] = ok[inverse]
    return keep


def _periods(f: Folded, first: I64, epochs: list[dt.date]) -> I64 | None:
    """The period of the rules (an index past :attr:`PolicyView.epochs`) of each discovery ``first`` (rows of the
    discoveries, -1: none, read as the first period), ``None`` when nothing is dated."""
    if not epochs:
        return None
    days = np.where(first >= 0, f.d_on[np.maximum(first, 0)] if len(f.d_on) else NONE, NONE)
    return np.searchsorted(np.array([day_number(d) for d in epochs], np.int64), days, side="right").astype(np.int64)


def _assigned_bodies(f: Folded, rows: I64, a: I64, policy: Any, first: I64) -> Any:
    """The body each assignment ``a`` (rows of the steps, of the problems ``rows``) hands its problem to, as
    who_answers reads it (:func:`~._fold.assigned_body`: none — the level as a whole — where it reads a step to a body
    with a part but no duty to rectify the kind, or one to a body with no part, as the 交办 to the body's level), an
    Arrow text array. Decided once per distinct (problem's area, kind, sector, place, day's rules; step's levels and
    body)."""
    pa = _pa()
    named = f.s_to_body.take(pa.array(a))
    if not len(a):
        return named
    at, s_at = pa.array(rows), pa.array(a)
    cols = [f.domain.take(at), f.kind.take(at), f.sector.take(at), f.place.take(at), f.s_by.take(s_at),
            f.s_to.take(s_at), named]
    epochs = policy.epochs  # (the rules of each problem's discovery day, as the alerts read them)
    values, inverse = _distinct(cols, _periods(f, first[rows], epochs))
    out = []
    for area, kind, sector, place, by, to, body, p in values:
        view = policy.at(epochs[p - 1]) if epochs and p > 0 else policy
        out.append(assigned_body(view, area, kind, sector, place, by, to, body)
                   if area is not None and place is not None and by is not None and to is not None else body)
    if out == [v[6] for v in values]:
        return named
    return pa.array(out, pa.string()).take(pa.array(inverse))


def _distinct(cols: list[Any], extra: I64 | None = None) -> tuple[list[tuple[Any, ...]], I64]:
    """The distinct rows of text columns ``cols`` (nulls as ``None``; ``extra``: a column of small whole numbers
    after them, 0 without it), and each row's index among them."""
    pa, pc = _pa(), _pc()
    codes, vals = [], []
    for c in cols:
        enc = pc.dictionary_encode(c)
        enc = enc.combine_chunks() if isinstance(enc, pa.ChunkedArray) else enc
        codes.append(np.asarray(enc.indices.fill_null(-1).to_numpy(zero_copy_only=False), np.int64) + 1)
        vals.append([None, *enc.dictionary.to_pylist()])
    if extra is not None:
        codes.append(np.asarray(extra, np.int64))
        vals.append(list(range(int(codes[-1].max(initial=0)) + 1)))
    else:
        codes.append(np.zeros(len(codes[0]), np.int64))
        vals.append([0])
    dims = [len(v) for v in vals]
    uniq, inverse = np.unique(np.ravel_multi_index(codes, dims), return_inverse=True)
    rows = [tuple(vals[j][int(i)] for j, i in enumerate(np.unravel_index(k, dims))) for k in uniq.tolist()]
    return rows, np.asarray(inverse, np.int64).reshape(-1)


def _answering_level(policy: Any, code: str) -> str:
    """The level a problem at ``code`` is answered at: an urban community's is its township's (residents_committee_
    place=township, as the record's verdict reads it; the 责任清单 named 村委会 and 村党支部 there)."""
    from ._fold import _answered_at

    return "township" if _answered_at(policy, code) is not None else _place_level(code)


def _dates(values: list[dt.date | None]) -> Any:
    """A datetime64 column from dates (``None``: NaT), without pandas parsing each one."""
    import numpy as np

    epoch = 719163  # date(1970, 1, 1).toordinal()
    days = np.array([d.toordinal() - epoch if d is not None else 0 for d in values], dtype="int64")
    out = days.astype("datetime64[D]").astype("datetime64[s]")  # (seconds: see _day_stamps)
    out[np.array([d is None for d in values], dtype=bool)] = np.datetime64("NaT", "s")
    return out


def _frame(pd: Any, rows: list[dict[str, Any]], columns: tuple[str, ...], dates: tuple[str, ...] = ()) -> Any:
    return _cols_frame(pd, {c: [r[c] for r in rows] for c in columns}, columns, dates)


def _cols_frame(pd: Any, cols: dict[str, list[Any]], columns: tuple[str, ...], dates: tuple[str, ...] = ()) -> Any:
    """A frame from columns by way of Arrow (text stays Arrow strings; pandas' own conversion of
    Python strings is most of the cost of a list); ``dates`` become datetime64 columns."""
    import pyarrow as pa

    table = pa.table({c: pa.array(_dates(cols[c])) if c in dates else pa.array(cols[c]) for c in columns})
    return _to_pandas(pd, table)


PROBLEM_COLUMNS = ("problem", "category", "area", "kind", "sector", "place", "place_name", "severity", "description",
                   "registered_on", "discovered_on", "discovered_level", "channel", "channels", "discovered_by",
                   "status", "merged_into", "merged_from")
_MATRIX = ("problem", "area", "place", "role", "level", "body", "name")
RESPONSIBILITY_COLUMNS = (*_MATRIX, "body_place", "basis", "liability", "clauses", "reason")
RECTIFICATION_COLUMNS = ("problem", "area", "place", "place_name", "assignee_level", "assignee", "assignee_name",
                         "assigned_on", "deadline", "deadline_from_parameter", "days_left", "overdue",
                         "rectified_on", "verified_on", "closed_on", "status")
ALERT_COLUMNS = ("body", "name", "level", "body_place", "problem", "area", "place", "place_name", "stage", "due",
                 "days_left", "overdue", "status")
DUPLICATE_COLUMNS = ("problem", "other", "place", "place_name", "area", "kind", "discovered_on",
                     "other_discovered_on", "days_apart", "channel", "other_channel")
INDEX_COLUMNS = ("jurisdiction", "jurisdiction_name", "period", "found", "found_own", "found_outside",
                 "found_higher", "share_own", "share_outside", "share_higher", "handled_in_time",
                 "rectified_in_time", "concealments", "median_days_to_close")
#: The indices that are shares (of the problems found, assigned in time, rectified in time): a CSV writes
#: them as percentages with one decimal (33.3%, which Excel reads as a number), a workbook as numbers shown
#: so (0.0%); the frames and JSON keep the ratio (0.333…) for programs.
SHARE_COLUMNS = ("share_own", "share_outside", "share_higher", "handled_in_time", "rectified_in_time")


def share_headers() -> frozenset[str]:
    """The share columns by id and by Chinese header (本级主动发现占比 …), as a written frame has them."""
    chinese = names()["columns"]
    return frozenset((*SHARE_COLUMNS, *(chinese.get(c, c) for c in SHARE_COLUMNS)))


RECOGNITION_COLUMNS = ("body", "name", "level", "body_place", "place_name", "found_own", "rectified_early",
                       "rectified_late", "concealments", "note")


def to_zh(frame: Any, policy: Any) -> Any:
    """``frame`` with Chinese headers and Chinese names for statuses, areas, categories, channels,
    levels, severities and roles (what offices read)."""
    n = names()
    out = frame.copy()
    v = policy.data.vocabulary
    maps: dict[str, dict[str, str]] = {
        "status": n["statuses"], "role": n["roles"], "stage": n["stages"],
        "area": {a.id: a.name for a in policy.data.areas},
        "category": {c.id: c.name for c in v.categories},
        "channel": {c.id: c.name for c in v.channels},
        "severity": {s.id: s.name for s in v.severities},
        "kind": {k: x.name for (_, k), x in policy.kinds.items()},
        "basis": {f.id: f.name for f in policy.failures.values()},
        "liability": {x.id: x.name for x in policy.liabilities.values()},
    }
    levels = {lv.id: lv.name for lv in v.levels}
    for c in ("level", "discovered_level", "assignee_level"):
        maps[c] = levels
    maps["other_channel"] = maps["channel"]
    maps["discovered_by"] = {b: x.name for b, x in policy.bodies.items()}
    maps["sector"] = maps["discovered_by"]  # a body named as the line; a sector id has no name of its own
    for c, m in maps.items():
        if c in out:
            out[c] = out[c].map(lambda x, m=m: m.get(x, x) if isinstance(x, str) else x)
    if "channels" in out:
        ch = maps["channel"]
        out["channels"] = out["channels"].map(
            lambda x: "; ".join(ch.get(c, c) for c in x.split(";")) if isinstance(x, str) and x else x)
    flags = n["flags"]
    for c in ("overdue", "deadline_from_parameter"):
        if c in out:
            out[c] = out[c].map(lambda x: flags["yes"] if x is True else flags["no"] if x is False else x)
    return out.rename(columns={c: n["columns"].get(c, c) for c in out.columns})


def _json_value(v: Any) -> Any:
    """A list's cell as JSON: dates as ISO text, a missing value (empty text, NaN, NaT, None) as
    null, numpy scalars as Python's."""
    if v is None or (isinstance(v, str) and not v):
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    if hasattr(v, "item") and not isinstance(v, (str, bytes)):  # numpy scalars
        v = v.item()
    if type(v).__name__ in ("NaTType", "NAType"):
        return None
    if isinstance(v, dt.datetime):
        return v.date().isoformat() if v.time() == dt.time() and v.tzinfo is None else v.isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, (list, tuple)):
        return [_json_value(x) for x in v]
    return v


def json_rows(frame: Any) -> list[dict[str, Any]]:
    """A list (a pandas frame) as JSON objects, one per row, every missing value null (the
    service's and ``ledger list -o FILE.json``'s form)."""
    columns = [str(c) for c in frame.columns]
    return [{c: _json_value(v) for c, v in zip(columns, row, strict=True)}
            for row in frame.itertuples(index=False, name=None)]
