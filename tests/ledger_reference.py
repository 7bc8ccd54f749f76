"""The previous implementation of the three lists (问题清单、责任清单、整改清单), over
:class:`State` objects one by one, kept as the reference the columnar lists are compared with
(tests/test_ledger_columnar.py). Copied from ``ledger/_lists.py`` as it was before the lists
were built from columns; not used by the library."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from responsibility.ledger._fold import State
from responsibility.ledger._lists import (
    PROBLEM_COLUMNS,
    RECTIFICATION_COLUMNS,
    RESPONSIBILITY_COLUMNS,
    Filter,
    _cols_frame,
    _frame,
    _pd,
    _place_level,
)


class ReferenceLists:
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
            "area": [s.domain for s in ss], "kind": [s.kind or "" for s in ss],
            "sector": [s.sector or "" for s in ss], "place": [s.place for s in ss],
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

    def assigned(self, s: State) -> Any:
        """The latest assignment that counts as a 交办 by procedure, under the rules of the problem's day (ledger34,
        review33b F4: one to a level that does not rectify the kind is no assignee's)."""
        found = s.discovered
        return s.counted_assignment(self.policy.at(found.on) if found is not None else self.policy)

    def deadline(self, s: State) -> tuple[dt.date | None, bool]:
        """The rectification deadline and whether the parameter set it (no deadline given)."""
        a = self.assigned(s)
        if a is None:
            return None, False
        # the record's deadline (the latest day an assignment set) when on or after the latest assignment, as the
        # engine reads it (review30 #1)
        given = max((x.deadline for x in s.steps if x.action == "assigned" and x.deadline is not None), default=None)
        if given is not None and given >= a.on:
            return given, False
        days = int(self.policy.parameter("rectification_time_limit_days"))
        return a.on + dt.timedelta(days=days), True

    def rectifications(self) -> Any:
        """整改清单: assignee, deadline, days left or overdue, rectification reported, verified, closed."""
        pd = _pd()
        rows = []
        bodies = self.policy.bodies
        for s in self.states:
            a = self.assigned(s)
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

        from responsibility.ledger._compat import route_bodies

        bodies = self.policy.bodies
        live = [s for s in self.states if s.status != "merged"]
        n = len(live)
        digits = {lv.id: lv.code_digits for lv in self.policy.data.vocabulary.levels}
        level_ids = list(digits)
        lcode = {lv: i for i, lv in enumerate(level_ids)}
        # Plans, flattened: entry arrays of role, level, body, name; per plan its start and length.
        plan_index: dict[tuple[str, str | None, str, str | None], int] = {}
        starts: list[int] = []
        lengths: list[int] = []
        e_role: list[str] = []
        e_level: list[str] = []
        e_body: list[str] = []
        e_name: list[str] = []
        e_rank: list[int] = []
        which = np.empty(n, dtype=np.int64)
        for i, st in enumerate(live):
            key = (st.domain, st.kind, _place_level(st.place), self.policy.sector_of(st.sector))
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
        refused = assessment.rejects
        if len(refused):
            # A record the engine refuses keeps a row saying it could not be answered, and why (review18 L1,
            # docs/ledger.md: "the lists may show its problem as 无法认定"); this copy lacked it (input23).
            assessed_at = np.array([i for i, st in enumerate(live) if st.discoveries], dtype=np.int64)
            at_rec = assessed_at[np.asarray(refused["record"], np.int64)]
            k = len(at_rec)
            role_names.append("unanswered")
            for c in ("problem", "area", "place"):
                parts[c].append((at_rec, parts[c][0][1]))
            parts["role"].append((np.full(k, 3, dtype=np.int64), role_names))
            for c in ("level", "body", "name", "body_place", "basis", "liability", "clauses"):
                parts[c].append((np.zeros(k, dtype=np.int64), [""]))
            reasons = [f"无法认定（the record could not be answered）：{x}" for x in refused["reason"]]
            parts["reason"].append((np.arange(k, dtype=np.int64), reasons))
            sort_state.append(at_rec)
            sort_rank.append(np.full(k, 3, dtype=np.int64))
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
        from responsibility.ledger._compat import batch_assess

        records = [s.record(self.as_of) for s in states if s.discoveries]
        return batch_assess(self.policy, records, self.jurisdiction, self.as_of)
