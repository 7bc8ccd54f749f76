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
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, ValidationError

from .._errors import Issue
from ._loader import Where, duty_key, suggest
from ._model import Area, Body, ClauseId, Day, Duty, Id, Parameter, PolicyData, Source, _Dated
from ._yaml import PathKey, Positions

if TYPE_CHECKING:
    from ._models import PolicyMeta


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


#: The key that says what a change does, and the model of such a change.
CHANGES: dict[str, type[_Strict]] = {"replace_body": ReplaceBody, "set_parameter": SetParameter,
                                     "end_duty": EndDuty, "add_duty": AddDuty}


def change_kind(value: Any) -> str | None:
    """Which change ``value`` is: the one key of :data:`CHANGES` it has (``None``: none, or several)."""
    keys = [k for k in CHANGES if k in value] if isinstance(value, dict) else \
        [k for k in CHANGES if getattr(value, k, None) is not None]
    return keys[0] if len(keys) == 1 else None


#: A change is validated as the model its key names, and only as that one: tried in turn, every model's errors
#: were reported for one mistyped key (a dozen lines of 'changes.1.SetParameter.value' for 'replace_bdy').
Change = Annotated[
    Annotated[ReplaceBody, Tag("replace_body")] | Annotated[SetParameter, Tag("set_parameter")]
    | Annotated[EndDuty, Tag("end_duty")] | Annotated[AddDuty, Tag("add_duty")],
    Discriminator(change_kind, custom_error_type="unknown_change",
                  custom_error_message="a change gives one of replace_body, set_parameter, end_duty, add_duty"),
]


def change_issue_loc(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """``loc`` of a validation error of an amendment as a path in its file: the change's kind, which pydantic
    puts in the path (``changes.1.replace_body.with.level``), is no key there."""
    if len(loc) > 2 and loc[0] == "changes" and isinstance(loc[1], int) and loc[2] in CHANGES:
        return (*loc[:2], *loc[3:])
    return loc


def unknown_change_hint(value: Any) -> str:
    """What to write for a change that gives none of the known keys, or several."""
    if not isinstance(value, dict):
        return "write a change as a mapping: replace_body, set_parameter, end_duty or add_duty, and its fields"
    given = [k for k in CHANGES if k in value]
    if len(given) > 1:
        return f"give one change per entry: this one has {', '.join(given)}; split it into {len(given)} entries"
    hints = [h for k in value if (h := suggest(str(k), list(CHANGES)))]
    return hints[0] if hints else "start the entry with replace_body, set_parameter, end_duty or add_duty"


class Amendment(_Strict):
    """``amendments/<id>.yaml``: an amending document and its changes."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")]
    name: str
    en: str
    effective_from: Day
    example: bool = Field(False, description="True for illustrative amendments that are no real document.")
    source: Source
    changes: list[Change] = Field(min_length=1)


def amendment_errors(err: dict[str, Any], pos: Positions) -> tuple[PathKey, Issue | None]:
    """An amendment's validation error (see ``_loader.Errors``): located at its key in the file, and a change that
    gives none of the known keys said once, with the key it most likely meant."""
    loc = change_issue_loc(tuple(err["loc"]))
    if err["type"] == "unknown_change":
        got = err.get("input")
        said = "a change that gives none of replace_body, set_parameter, end_duty, add_duty" \
            if not (isinstance(got, dict) and any(k in got for k in CHANGES)) else "a change that gives several kinds"
        return loc, pos.issue(loc, f"{_dotted(loc)}: {said}", unknown_change_hint(got), "unknown_field")
    return loc, None


def _dotted(loc: PathKey) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else (f".{p}" if i else str(p)) for i, p in enumerate(loc))


def check_amendment(am: Amendment, where: Where, meta: PolicyMeta | None, policy_file: str) -> list[Issue]:
    """What an amendment says of itself, checked without the base policy (so in the run that reports every other
    issue): it takes effect once the policy it amends is in force, and each change cites a clause of its own
    source (an unknown clause was taken, and cited by every finding on the changed body)."""
    issues: list[Issue] = []
    start = meta.effective_from if meta is not None else None
    if start is not None and am.effective_from < start:
        issues.append(where.issue(("effective_from",), f"effective_from {am.effective_from} is before the policy it "
                                  f"amends is in force ({start}, {policy_file})", "an amendment changes the policy "
                                  "from a day it is in force: check the year", "bad_date"))
    own = [c.id for c in am.source.clauses]
    for i, change in enumerate(am.changes):
        if change.clause not in own:
            hint = suggest(change.clause, own) or f"cite one of {', '.join(own[:8])}" if own else \
                "list the amending clauses under source.clauses"
            issues.append(where.issue(("changes", i, "clause"), f"clause {change.clause!r} is not a clause of the "
                                      f"amendment's source {am.source.id!r}", hint, "unknown_ref"))
    return issues


def _end(item: _Dated, day: dt.date) -> Any:
    if item.effective_to is not None and item.effective_to <= day:
        return item
    return item.model_copy(update={"effective_to": day})


def _start(item: _Dated, day: dt.date, clause: str | None, **update: Any) -> Any:
    cited = [*item.amended_by, clause] if clause is not None else list(item.amended_by)
    return item.model_copy(update={"effective_from": day, "amended_by": cited, **update})


def apply_amendments(data: PolicyData, amendments: list[tuple[Amendment, Any]],
                     located: dict[str, Where] | None = None) -> tuple[PolicyData, list[Issue]]:
    """``data`` with each amendment applied in date order; issues for changes that do not apply.

    Each element of ``amendments`` is an amendment and its file's :class:`Where` (for issues). ``located``, the
    loader's locations (``Loaded.where``), gains those of the bodies and duties an amendment adds, and of the
    duties whose places in their area's list it moves, so that an issue about them points at the amendment's
    change, or at the duty's own lines (a bad level of a new body was located at policy.yaml:2:1).
    """
    issues: list[Issue] = []
    sources = list(data.sources)
    bodies = list(data.bodies)
    areas = {a.id: list(a.duties) for a in data.areas}
    params = list(data.parameters)
    index = {a.id: ai for ai, a in reversed(list(enumerate(data.areas)))}  # (the first area of an id, as areas has)
    # where each duty of each area's list was given: its own lines, or the change that added it
    origin: dict[str, list[Where | None]] = {
        aid: [(located or {}).get(duty_key(aid, index[aid], d.id, i)) for i, d in enumerate(duties)]
        for aid, duties in areas.items()}
    replaced: dict[tuple[str, dt.date], Issue] = {}  # (body, day) → where the replacement applied was given
    set_to: dict[tuple[str, dt.date], tuple[Any, Issue]] = {}  # (parameter, day) → the value set, and where
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
                if located is not None:
                    located[f"body:{change.with_.id}#{len(bodies)}"] = Where(where.positions,
                                                                             (*where.path, *sub, "with"))
                for aid, duties in areas.items():
                    out: list[Duty] = []
                    came: list[Where | None] = []
                    for d, was in zip(duties, origin[aid], strict=True):
                        if old in d.holders and d.in_force(day):
                            out.append(_end(d, day))
                            holders = [change.with_.id if h == old else h for h in d.holders]
                            # the duty's new version names the new body; the clause is cited through that
                            # body (its amended_by), not the duty: a finding on a co-holder (the finance bureau
                            # beside the office in 二(二)3) has nothing from the office's transfer (review17c F8)
                            out.append(_start(d, day, None, holders=holders, effective_to=d.effective_to))
                            came += [was, was]
                        else:
                            out.append(d)
                            came.append(was)
                    areas[aid], origin[aid] = out, came
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
                key = (change.set_parameter, day)
                if key in set_to and set_to[key][0] != new.value:
                    # (the later in date-and-id order silently won: two amendments in force on one day gave
                    # handling_time_limit_days 10 and 20, validate said OK and `who` used 20; hostile42)
                    was, first = set_to[key]
                    issues.append(where.issue(
                        (*sub, "value"), f"parameter {change.set_parameter!r} is set on {day} to {new.value!r} "
                        f"here and to {was!r} at {first.file}:{first.line}:{first.column}",
                        "keep one of the two changes, or date the later one from the day it takes over: a parameter "
                        "has one value on a day", "amendment_clash"))
                    continue
                set_to.setdefault(key, (new.value, where.issue((*sub, "value"), "")))
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
                origin[change.area].append(Where(where.positions, (*where.path, *sub, "add_duty")))
    if located is not None:
        for aid, duties in areas.items():
            for i, (d, was) in enumerate(zip(duties, origin[aid], strict=True)):
                if was is not None:
                    located[duty_key(aid, index[aid], d.id, i)] = was
    new_areas: list[Area] = [a.model_copy(update={"duties": areas[a.id]}) for a in data.areas]
    return data.model_copy(update={"sources": sources, "bodies": bodies, "areas": new_areas,
                                   "parameters": params}), issues
