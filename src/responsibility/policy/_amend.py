"""Amending documents layered over a base policy, in time.

A policy directory may hold ``amendments/*.yaml``. Each amendment cites its own
source document (given inline, clause by clause) and lists changes that take
effect on its ``effective_from`` date::

    id: rural-revitalisation-2021
    effective_from: 2021-06-01
    source: {id: ..., number: ..., issuer: ..., title: ..., title_en: ..., clauses: [...]}
    changes:
      - replace_body: county_poverty_office      # ends the old body, starts the new one,
        with: {id: county_rural_revitalisation, name: …, en: …, level: county, kind: department}
        clause: 改革(一)                           # and carries its duties over
      - set_parameter: handling_time_limit_days
        value: 7
        clause: 改革(二)
      - end_duty: funds_county_poverty_office_manage
        clause: 改革(三)
      - add_duty: {id: …, holders: […], kinds: […], quote: …, en: …, clause: 改革(三)}
        area: funds

Applying a change never edits the past: the old version of a body, duty or
parameter gets ``effective_to`` = the amendment's date and the new version starts
that day with ``amended_by`` naming the amending clause, so ``load(as_of=…)`` and
verdicts on problems dated before the change see the old rules.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .._errors import Issue
from ._model import Area, Body, ClauseId, Day, Duty, Id, Parameter, PolicyData, Source, _Dated


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class ReplaceBody(_Strict):
    """End a body and start another in its place, carrying its duties over."""

    replace_body: Id
    with_: Body = Field(alias="with")
    clause: ClauseId


class SetParameter(_Strict):
    """Give a parameter a new value from the amendment's date."""

    set_parameter: Id
    value: Any
    clause: ClauseId
    why: str | None = None


class EndDuty(_Strict):
    """End a duty on the amendment's date."""

    end_duty: Id
    clause: ClauseId


class AddDuty(_Strict):
    """Add a duty to an area from the amendment's date."""

    add_duty: Duty
    area: Id
    clause: ClauseId


Change = Annotated[ReplaceBody | SetParameter | EndDuty | AddDuty, Field(union_mode="left_to_right")]


class Amendment(_Strict):
    """``amendments/<id>.yaml``: an amending document and its changes."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")]
    name: str
    en: str
    effective_from: Day
    example: bool = Field(False, description="True for illustrative amendments that are no real document.")
    source: Source
    changes: list[Change] = Field(min_length=1)


def _end(item: _Dated, day: dt.date) -> Any:
    if item.effective_to is not None and item.effective_to <= day:
        return item
    return item.model_copy(update={"effective_to": day})


def _start(item: _Dated, day: dt.date, clause: str | None, **update: Any) -> Any:
    cited = [*item.amended_by, clause] if clause is not None else list(item.amended_by)
    return item.model_copy(update={"effective_from": day, "amended_by": cited, **update})


def apply_amendments(data: PolicyData, amendments: list[tuple[Amendment, Any]]) -> tuple[PolicyData, list[Issue]]:
    """``data`` with each amendment applied in date order; issues for changes that do not apply.

    Each element of ``amendments`` is an amendment and its file's :class:`Where` (for issues).
    """
    issues: list[Issue] = []
    sources = list(data.sources)
    bodies = list(data.bodies)
    areas = {a.id: list(a.duties) for a in data.areas}
    params = list(data.parameters)
    replaced: dict[tuple[str, dt.date], Issue] = {}  # (body, day) → where the replacement applied was given
    for am, where in sorted(amendments, key=lambda x: (x[0].effective_from, x[0].id)):
        day = am.effective_from
        sources.append(am.source)
        for i, change in enumerate(am.changes):
            sub = ("changes", i)
            if isinstance(change, ReplaceBody):
                old = change.replace_body
                live = [b for b in bodies if b.id == old and b.in_force(day)]
                if not live and (first := replaced.get((old, day))) is not None:
                    # (it read "no body … in force": true only because the other change ended it that day)
                    issues.append(where.issue(
                        (*sub, "replace_body"), f"body {old!r} is replaced on {day} twice: also at "
                        f"{first.file}:{first.line}", "keep one of the two changes: a body is replaced by one body "
                        "on a day", "amendment_clash"))
                    continue
                if not live:
                    issues.append(where.issue((*sub, "replace_body"), f"no body {old!r} is in force on {day}",
                                              "check the body id and the amendment's date", "unknown_ref"))
                    continue
                replaced[(old, day)] = where.issue((*sub, "replace_body"), "")
                bodies = [_end(b, day) if b.id == old and b.in_force(day) else b for b in bodies]
                bodies.append(_start(change.with_, day, change.clause))
                for aid, duties in areas.items():
                    out: list[Duty] = []
                    for d in duties:
                        if old in d.holders and d.in_force(day):
                            out.append(_end(d, day))
                            holders = [change.with_.id if h == old else h for h in d.holders]
                            # the duty's new version names the new body; the clause is cited through that
                            # body (its amended_by), not the duty: a finding on a co-holder (the finance bureau
                            # beside the office in 二(二)3) has nothing from the office's transfer (review17c F8)
                            out.append(_start(d, day, None, holders=holders, effective_to=d.effective_to))
                        else:
                            out.append(d)
                    areas[aid] = out
            elif isinstance(change, SetParameter):
                live_p = [p for p in params if p.id == change.set_parameter and p.in_force(day)]
                if not live_p:
                    issues.append(where.issue((*sub, "set_parameter"), f"no parameter {change.set_parameter!r} "
                                              f"is in force on {day}", "check the parameter id", "unknown_ref"))
                    continue
                try:
                    new = Parameter.model_validate({**live_p[0].model_dump(), "value": change.value,
                                                    "why": change.why or live_p[0].why})
                except ValidationError as exc:
                    msg = str(exc.errors()[0]["msg"]).removeprefix("Value error, ")
                    issues.append(where.issue((*sub, "value"), f"value does not fit: {msg}", "", "wrong_type"))
                    continue
                params = [_end(p, day) if p in live_p else p for p in params]
                params.append(_start(new, day, change.clause, effective_to=live_p[0].effective_to))
            elif isinstance(change, EndDuty):
                found = False
                for aid, duties in areas.items():
                    hit = [d for d in duties if d.id == change.end_duty and d.in_force(day)]
                    found = found or bool(hit)
                    areas[aid] = [_end(d, day) if d in hit else d for d in duties]
                if not found:
                    issues.append(where.issue((*sub, "end_duty"), f"no duty {change.end_duty!r} is in force on "
                                              f"{day}", "check the duty id", "unknown_ref"))
            else:
                if change.area not in areas:
                    issues.append(where.issue((*sub, "area"), f"unknown area {change.area!r}",
                                              "use an area id of rules/areas/", "unknown_ref"))
                    continue
                areas[change.area].append(_start(change.add_duty, day, change.clause))
    new_areas: list[Area] = [a.model_copy(update={"duties": areas[a.id]}) for a in data.areas]
    return data.model_copy(update={"sources": sources, "bodies": bodies, "areas": new_areas,
                                   "parameters": params}), issues
