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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ._fold import OPEN, State


@cache
def names() -> dict[str, Any]:
    """``columns.yaml``: Chinese names of lists, columns, statuses, roles."""
    import yaml

    with open(Path(__file__).with_name("columns.yaml"), encoding="utf-8") as f:
        data: dict[str, Any] = yaml.safe_load(f)
    return data


def _pd() -> Any:
    try:
        import pandas as pd
    except ImportError:
        from .._errors import ExtraUnavailable

        raise ExtraUnavailable("the ledger's lists are pandas DataFrames: pip install 'responsibility[ledger]'") \
            from None
    return pd


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
                raise ProblemError("place", str(exc)) from None
        areas = frozenset([area] if isinstance(area, str) else area) if area else None
        statuses = frozenset([status] if isinstance(status, str) else status) if status else None
        if statuses is not None:
            expanded: set[str] = set()
            for s in statuses:
                if s == "open":
                    expanded |= OPEN
                elif s not in STATUSES:
                    raise ProblemError("status", f"unknown status {s!r}; use open or one of {', '.join(STATUSES)}")
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


def _under(code: str, ancestor: str) -> bool:
    stripped = ancestor.rstrip("0")
    # A code's level decides how many digits count: 33 (province), 3301 (city), 330127 (county)…
    for width in (2, 4, 6, 9, 12):
        if len(stripped) <= width:
            return code[:width] == ancestor[:width]
    return code == ancestor


class Lists:
    """Builds the lists for a ledger's states on one day (see :meth:`Ledger.lists`)."""

    def __init__(self, states: Mapping[str, State], as_of: dt.date, policy: Any, jurisdiction: Any,
                 flt: Filter | None = None) -> None:
        self.all = states
        self.as_of = as_of
        self.policy = policy
        self.jurisdiction = jurisdiction
        f = flt or Filter()
        self.states = [s for s in states.values() if f.keep(s)]
        self._place_names: dict[str, str] = {}
        self._categories: dict[tuple[str, str], str] = {}

    def place_name(self, code: str) -> str:
        """The name of a place ('' when the jurisdiction lacks it)."""
        name = self._place_names.get(code)
        if name is None:
            p = self.jurisdiction.get(code) if self.jurisdiction is not None else None
            name = self._place_names[code] = p.name if p is not None else ""
        return name

    def category(self, s: State) -> str:
        """The problem's category of 一(一) ('' when its kind has none)."""
        if s.kind is None:
            return ""
        key = (s.domain, s.kind)
        got = self._categories.get(key)
        if got is None:
            k = self.policy.kinds.get(key)
            got = self._categories[key] = (k.category or "") if k is not None else ""
        return got

    # ------------------------------------------------------------------ 问题清单

    def problems(self) -> Any:
        """问题清单: every problem, its category, area, place, how and by whom discovered, status."""
        pd = _pd()
        ss = self.states
        disc = [s.discovered for s in ss]
        cols: dict[str, Any] = {
            "problem": [s.id for s in ss], "category": [self.category(s) for s in ss],
            "area": [s.domain for s in ss], "kind": [s.kind or "" for s in ss], "place": [s.place for s in ss],
            "place_name": [self.place_name(s.place) for s in ss], "severity": [s.severity for s in ss],
            "description": [s.description or "" for s in ss], "registered_on": [s.registered_on for s in ss],
            "discovered_on": [d.on if d else None for d in disc],
            "discovered_level": [d.level if d else "" for d in disc],
            "channel": [d.channel if d else "" for d in disc],
            "channels": [";".join(s.channels) if len(s.discoveries) > 1 else (d.channel if d else "")
                         for s, d in zip(ss, disc, strict=True)],
            "discovered_by": [(d.body or "") if d else "" for d in disc], "status": [s.status for s in ss],
            "merged_into": [s.merged_into or "" for s in ss], "merged_from": [";".join(s.merged_from) for s in ss],
        }
        return _cols_frame(pd, cols, PROBLEM_COLUMNS, dates=("registered_on", "discovered_on"))

    # ------------------------------------------------------------------ 整改清单

    def deadline(self, s: State) -> tuple[dt.date | None, bool]:
        """The rectification deadline and whether the parameter set it (no deadline given)."""
        a = s.assignment
        if a is None:
            return None, False
        if a.deadline is not None:
            return a.deadline, False
        days = int(self.policy.parameter("rectification_time_limit_days"))
        return a.on + dt.timedelta(days=days), True

    def rectifications(self) -> Any:
        """整改清单: assignee, deadline, days left or overdue, rectification reported, verified, closed."""
        pd = _pd()
        rows = []
        bodies = self.policy.bodies
        for s in self.states:
            a = s.assignment
            if a is None or s.status == "merged":
                continue
            deadline, from_param = self.deadline(s)
            assert deadline is not None
            done = s.rectified_on
            overdue = (done is None and self.as_of > deadline) or (done is not None and done > deadline)
            rows.append({
                "problem": s.id, "area": s.domain, "place": s.place, "place_name": self.place_name(s.place),
                "assignee_level": a.to_level, "assignee": a.to_body or "",
                "assignee_name": bodies[a.to_body].name if a.to_body in bodies else "",
                "assigned_on": a.on, "deadline": deadline, "deadline_from_parameter": from_param,
                "days_left": (deadline - self.as_of).days if done is None else None,
                "overdue": overdue, "rectified_on": s.rectified_on, "verified_on": s.verified_on,
                "closed_on": s.closed_on, "status": s.status,
            })
        return _frame(pd, rows, RECTIFICATION_COLUMNS,
                      dates=("assigned_on", "deadline", "rectified_on", "verified_on", "closed_on"))

    # ------------------------------------------------------------------ 责任清单

    def responsibilities(self, assessment: Any = None) -> Any:
        """责任清单: the matrix's handling and rectification bodies, then who answers (the engine's findings).

        Columnar: one plan per (area, kind, place level) is expanded over the problems with array
        takes, and the engine's findings are appended as they come from the batch assessment.
        """
        pd = _pd()
        import numpy as np

        from ._compat import route_bodies

        bodies = self.policy.bodies
        live = [s for s in self.states if s.status != "merged"]
        n = len(live)
        digits = {lv.id: lv.code_digits for lv in self.policy.data.vocabulary.levels}
        level_ids = list(digits)
        lcode = {lv: i for i, lv in enumerate(level_ids)}
        # Plans, flattened: entry arrays of role, level, body, name; per plan its start and length.
        plan_index: dict[tuple[str, str | None, str], int] = {}
        starts: list[int] = []
        lengths: list[int] = []
        e_role: list[str] = []
        e_level: list[str] = []
        e_body: list[str] = []
        e_name: list[str] = []
        e_rank: list[int] = []
        which = np.empty(n, dtype=np.int64)
        for i, st in enumerate(live):
            key = (st.domain, st.kind, _place_level(st.place))
            k = plan_index.get(key)
            if k is None:
                k = plan_index[key] = len(starts)
                plan = route_bodies(self.policy, *key)
                starts.append(len(e_role))
                for role, rank, ids in (("handling", 0, plan.handlers), ("rectification", 1, plan.assignees)):
                    for b in ids:
                        e_role.append(role)
                        e_rank.append(rank)
                        e_level.append(bodies[b].level)
                        e_body.append(b)
                        e_name.append(bodies[b].name)
                lengths.append(len(e_role) - starts[-1])
            which[i] = k
        counts = np.asarray(lengths, dtype=np.int64)[which] if n else np.zeros(0, dtype=np.int64)
        state_of = np.repeat(np.arange(n), counts)
        first_row = np.repeat(np.cumsum(counts) - counts, counts)
        entry = np.asarray(starts, dtype=np.int64)[which][state_of] + (np.arange(len(state_of)) - first_row) \
            if n else np.zeros(0, dtype=np.int64)
        places = np.array([st.place for st in live], dtype="U12")
        ancestors = np.stack([np.char.ljust(places.astype(f"U{digits[lv]}"), 12, "0") for lv in level_ids]) \
            if n else np.zeros((len(level_ids), 0), dtype="U12")
        entry_level = np.array([lcode[lv] for lv in e_level], dtype=np.int64)
        # Every column is categorical: codes into a small table of values, so that building and
        # ordering a million rows moves integers, not strings.
        pids = [st.id for st in live]
        role_names = ["handling", "rectification", "answers"]
        flat = ancestors.ravel()
        uniq_places, place_code = np.unique(flat, return_inverse=True)
        zeros = np.zeros(len(state_of), dtype=np.int64)
        ranks = np.asarray(e_rank, dtype=np.int64)[entry] if n else zeros
        parts: dict[str, list[tuple[Any, list[str]]]] = {
            "problem": [(state_of, pids)], "area": [(state_of, [st.domain for st in live])],
            "place": [(state_of, places.tolist())], "role": [(ranks, role_names)],
            "level": [(entry, e_level)], "body": [(entry, e_body)], "name": [(entry, e_name)],
            "body_place": [(place_code[entry_level[entry] * n + state_of] if n else zeros,
                            [str(x) for x in uniq_places])],
            **{c: [(zeros, [""])] for c in ("basis", "liability", "clauses", "reason")}}
        sort_state = [state_of]
        sort_rank = [ranks]
        if assessment is None:
            assessment = self.assess(live)
        found = assessment.findings
        if len(found):
            pos = pd.Index(pids).get_indexer(found["problem"])
            m = len(found)

            def coded(name: str) -> tuple[Any, list[str]]:
                col = found[name]
                if isinstance(col.dtype, pd.CategoricalDtype):
                    return np.asarray(col.cat.codes, dtype=np.int64), [str(x) for x in col.cat.categories]
                codes, uniques = pd.factorize(col)
                return np.asarray(codes, dtype=np.int64), [str(x) for x in uniques]

            for c in ("problem", "area", "place"):
                parts[c].append((pos, parts[c][0][1]))
            parts["role"].append((np.full(m, 2, dtype=np.int64), role_names))
            for c, src in (("level", "level"), ("body", "body"), ("name", "name"), ("body_place", "place"),
                           ("basis", "basis"), ("liability", "liability"), ("clauses", "clauses"),
                           ("reason", "reason")):
                parts[c].append(coded(src))
            sort_state.append(pos)
            sort_rank.append(np.full(m, 2, dtype=np.int64))
        state_key = np.concatenate(sort_state)
        order = np.lexsort((np.arange(len(state_key)), np.concatenate(sort_rank), state_key))
        out: dict[str, Any] = {}
        for c in RESPONSIBILITY_COLUMNS:
            values: list[str] = []
            codes = []
            for part_codes, part_values in parts[c]:
                codes.append(np.asarray(part_codes, dtype=np.int64) + len(values))
                values.extend(part_values)
            remap, categories = pd.factorize(pd.Index(values, dtype=object))
            joined = np.concatenate(codes)
            out[c] = pd.Categorical.from_codes(np.asarray(remap, dtype=np.int64)[joined][order],
                                               categories=pd.Index(categories, dtype=object))
        return pd.DataFrame(out, columns=list(RESPONSIBILITY_COLUMNS))

    def assess(self, states: list[State]) -> Any:
        """The engine's batch assessment of the folded records of ``states`` on the list's day."""
        from ._compat import batch_assess

        records = [s.record(self.as_of) for s in states if s.discoveries]
        return batch_assess(self.policy, records, self.jurisdiction, self.as_of)

    # ------------------------------------------------------------------ alerts

    def alerts(self, within: int = 7) -> Any:
        """Open problems whose handling limit or rectification deadline passes within ``within`` days
        or has passed, with the body that must act (one row per acting body)."""
        pd = _pd()
        from ._compat import ancestor_code, route_bodies

        limit = dt.timedelta(days=int(self.policy.parameter("handling_time_limit_days")))
        bodies = self.policy.bodies
        rows = []
        for s in self.states:
            if s.status not in ("discovered", "reported", "assigned"):
                continue
            if s.status == "assigned":
                a = s.assignment
                assert a is not None
                due, _ = self.deadline(s)
                assert due is not None
                stage, level, named = "rectification", a.to_level, a.to_body
                plan_ids = route_bodies(self.policy, s.domain, s.kind, _place_level(s.place)).assignees
            else:
                d = s.discovered
                assert d is not None
                last = max((x for x in s.steps if x.action == "reported"), key=lambda x: x.on, default=None)
                level, received, named = (last.to_level, last.on, last.to_body) if last else (d.level, d.on, d.body)
                due, stage = received + limit, "handling"
                plan_ids = tuple(self.policy.stage_holders(s.domain, s.kind, "handling"))
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

            raise ProblemError("level", f"unknown level {level!r}; use one of {', '.join(rank)}")
        if period not in ("year", "quarter", "month"):
            from .._errors import ProblemError

            raise ProblemError("period", f"unknown period {period!r}; use year, quarter or month")
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
            a = s.assignment
            if a is not None and a.to_body in bodies and s.rectified_on is not None:
                deadline, _ = self.deadline(s)
                assert deadline is not None and a.to_body is not None
                key = "rectified_early" if s.rectified_on < deadline else \
                    "rectified_late" if s.rectified_on > deadline else None
                if key:
                    t(a.to_body, ancestor_code(s.place, bodies[a.to_body].level))[key] += 1
            for who in s.concealed_by:
                if who in bodies:
                    t(who, ancestor_code(s.place, bodies[who].level))["concealments"] += 1
        note = names()["recognition_note"]["zh"]
        rows = [{"body": b, "name": bodies[b].name, "level": bodies[b].level, "body_place": code,
                 "place_name": self.place_name(code), **c, "note": note}
                for (b, code), c in sorted(tally.items(), key=lambda x: (x[0][1], x[0][0]))
                if (c["found_own"] or c["rectified_early"]) and not c["rectified_late"] and not c["concealments"]]
        return pd.DataFrame(rows, columns=list(RECOGNITION_COLUMNS))


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


def _dates(values: list[dt.date | None]) -> Any:
    """A datetime64 column from dates (``None``: NaT), without pandas parsing each one."""
    import numpy as np

    epoch = 719163  # date(1970, 1, 1).toordinal()
    days = np.array([d.toordinal() - epoch if d is not None else 0 for d in values], dtype="int64")
    out = days.astype("datetime64[D]").astype("datetime64[ns]")
    out[np.array([d is None for d in values], dtype=bool)] = np.datetime64("NaT")
    return out


def _frame(pd: Any, rows: list[dict[str, Any]], columns: tuple[str, ...], dates: tuple[str, ...] = ()) -> Any:
    return _cols_frame(pd, {c: [r[c] for r in rows] for c in columns}, columns, dates)


def _cols_frame(pd: Any, cols: dict[str, list[Any]], columns: tuple[str, ...], dates: tuple[str, ...] = ()) -> Any:
    """A frame from columns by way of Arrow (text stays Arrow strings; pandas' own conversion of
    Python strings is most of the cost of a list); ``dates`` become datetime64 columns."""
    import pyarrow as pa

    table = pa.table({c: pa.array(_dates(cols[c])) if c in dates else pa.array(cols[c]) for c in columns})
    return table.to_pandas(types_mapper={pa.string(): pd.StringDtype("pyarrow")}.get)


PROBLEM_COLUMNS = ("problem", "category", "area", "kind", "place", "place_name", "severity", "description",
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
