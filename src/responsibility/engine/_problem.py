"""Problem records: what happened to one problem, as other systems send it.

The field names are fixed (other systems and acceptance checks use them)::

    id, domain, kind?, place, severity (minor|serious|grave), discovered? {level, channel, on, body?},
    handled [{action: assigned|reported, by_level, to_level, to_body?, on}],
    deadline?, rectified_on?, concealed_by [level or body id], as_of?

:func:`parse_problem` checks a record against a policy and a jurisdiction and
raises :class:`~responsibility.ProblemError` naming the offending field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .._errors import JurisdictionError, ProblemError
from ..chain._jurisdiction import Jurisdiction, level_of, parse_code
from ..policy._loader import suggest
from ..policy._model import Severity
from ..policy._view import PolicyView


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Discovered(_Record):
    """How the problem came to light: the finder's level, the channel, the day, the body."""

    level: str = Field(description="Level of the finder: village, township, county, city or province.")
    channel: str = Field(description="Channel id from rules/vocabulary.yaml (grid, hotline, audit, media…).")
    on: dt.date
    body: str | None = Field(None, description="Body id of the finder or receiver, when known.")


class Handling(_Record):
    """One step of handling: a level assigned the problem or reported it upward."""

    action: Literal["assigned", "reported"]
    by_level: str
    to_level: str
    to_body: str | None = None
    on: dt.date


class Problem(_Record):
    """A problem and what happened to it (see the module docstring for the fields).

    >>> Problem(id="p1", domain="housing", place="331127", discovered={
    ...     "level": "county", "channel": "hotline", "on": "2021-03-01"}).severity
    'minor'
    """

    id: str = Field(min_length=1)
    domain: str = Field(description="Duty-area id (housing, funds, …).")
    kind: str | None = Field(None, description="Problem-kind id within the domain.")
    place: str = Field(description="Division code of the place where the problem lies (2–12 digits).")
    severity: Severity = "minor"
    discovered: Discovered | None = None
    handled: list[Handling] = []
    deadline: dt.date | None = None
    rectified_on: dt.date | None = None
    concealed_by: list[str] = []
    as_of: dt.date | None = Field(None, description="Date of the assessment (default: today).")


def _path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(record)"


def parse_problem(raw: Problem | Mapping[str, Any], policy: PolicyView, jurisdiction: Jurisdiction,
                  today: dt.date | None = None) -> Problem:
    """Validate ``raw`` against the policy and the jurisdiction; return a :class:`Problem`.

    Raises :class:`ProblemError` for the first problem found, naming the field.
    """
    record = raw.get("id") if isinstance(raw, Mapping) else getattr(raw, "id", None)
    rid = str(record) if record is not None else None
    if isinstance(raw, Problem):
        p = raw
    else:
        if not isinstance(raw, Mapping):
            raise ProblemError("(record)", f"expected an object, got {type(raw).__name__}")
        try:
            p = Problem.model_validate(raw)
        except ValidationError as exc:
            # An unknown field is usually a misspelt known one: report it before the "missing" it causes.
            err = sorted(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")[0]
            loc = tuple(err["loc"])
            if err["type"] == "extra_forbidden":
                parent = Problem if len(loc) == 1 else (Discovered if loc[0] == "discovered" else Handling)
                hint = suggest(str(loc[-1]), parent.model_fields) or f"allowed: {', '.join(parent.model_fields)}"
                raise ProblemError(_path(loc), f"unknown field; {hint}", record=rid) from None
            if err["type"] == "missing":
                raise ProblemError(_path(loc), "is required", record=rid) from None
            raise ProblemError(_path(loc), f"{err['msg']} (got {err.get('input')!r})", record=rid) from None
    _check(p, policy, jurisdiction, today)
    return p


def _check(p: Problem, policy: PolicyView, jurisdiction: Jurisdiction, today: dt.date | None) -> None:
    def fail(field: str, message: str) -> None:
        raise ProblemError(field, message, record=p.id)

    areas = policy.problem_areas
    if p.domain not in areas:
        hint = suggest(p.domain, areas) or "use one of " + ", ".join(areas)
        fail("domain", f"unknown duty area {p.domain!r}; {hint}")
    if p.kind is not None and (p.domain, p.kind) not in policy.kinds:
        kinds = [k for a, k in policy.kinds if a == p.domain]
        hint = suggest(p.kind, kinds) or "use one of " + ", ".join(kinds)
        fail("kind", f"unknown problem kind {p.kind!r} in {p.domain}; {hint}")
    try:
        code = parse_code(p.place)
    except JurisdictionError as exc:
        fail("place", str(exc))
    if jurisdiction.get(code) is None:
        fail("place", f"place {p.place} is not in jurisdiction {jurisdiction.name!r}; pass the jurisdiction "
                      "that contains it (--jurisdiction)")
    levels = policy.level_rank

    def level(field: str, value: str) -> None:
        if value not in levels:
            fail(field, f"unknown level {value!r}; {suggest(value, levels) or 'use one of ' + ', '.join(levels)}")

    def body(field: str, value: str) -> None:
        if value not in policy.bodies:
            fail(field, f"unknown body {value!r}; {suggest(value, policy.bodies) or 'see rules/bodies/'}")

    place_rank = levels[level_of(code)]
    d = p.discovered
    if d is not None:
        level("discovered.level", d.level)
        if d.channel not in policy.channels:
            fail("discovered.channel", f"unknown channel {d.channel!r}; "
                 f"{suggest(d.channel, policy.channels) or 'use one of ' + ', '.join(policy.channels)}")
        if d.body is not None:
            body("discovered.body", d.body)
            if policy.bodies[d.body].level != d.level:
                fail("discovered.body", f"body {d.body!r} is at the {policy.bodies[d.body].level} level, "
                     f"not {d.level!r}")
        if levels[d.level] < place_rank:
            fail("discovered.level", f"a {d.level} cannot find a problem located at a {level_of(code)}")
    elif p.handled or p.rectified_on or p.concealed_by:
        fail("discovered", "the problem was handled, rectified or concealed but has no 'discovered'; "
             "say when and by whom it was found")
    for i, h in enumerate(p.handled):
        f = f"handled[{i}]"
        level(f"{f}.by_level", h.by_level)
        level(f"{f}.to_level", h.to_level)
        if h.to_body is not None:
            body(f"{f}.to_body", h.to_body)
            if policy.bodies[h.to_body].level != h.to_level:
                fail(f"{f}.to_body", f"body {h.to_body!r} is not at the {h.to_level} level")
        if h.action == "reported" and levels[h.to_level] <= levels[h.by_level]:
            fail(f"{f}.to_level", "a report goes to a higher level; use action 'assigned' to pass it down")
        if h.action == "assigned" and levels[h.to_level] > levels[h.by_level]:
            fail(f"{f}.to_level", "an assignment goes to the same or a lower level; use 'reported' to go up")
        if levels[h.to_level] < place_rank:
            fail(f"{f}.to_level", f"the place is a {level_of(code)}; nothing below it can take the problem")
        if d is not None and h.on < d.on:
            fail(f"{f}.on", f"handled on {h.on} before it was discovered on {d.on}")
    if d is not None and p.rectified_on is not None and p.rectified_on < d.on:
        fail("rectified_on", f"rectified on {p.rectified_on} before it was discovered on {d.on}")
    if d is not None and p.deadline is not None and p.deadline < d.on:
        fail("deadline", f"deadline {p.deadline} is before the discovery on {d.on}")
    as_of = p.as_of or today or dt.date.today()
    if d is not None and as_of < d.on:
        fail("as_of" if p.as_of else "discovered.on",
             f"discovered on {d.on}, after the assessment date {as_of}; set as_of to the day of the assessment")
    for i, h in enumerate(p.handled):
        if h.on > as_of:
            fail(f"handled[{i}].on", f"handled on {h.on}, after the assessment date {as_of}")
    if p.rectified_on is not None and p.rectified_on > as_of:
        fail("rectified_on", f"rectified on {p.rectified_on}, after the assessment date {as_of}")
    assigned = [h.on for h in p.handled if h.action == "assigned"]
    if p.deadline is not None and assigned and p.deadline < min(assigned):
        fail("deadline", f"deadline {p.deadline} is before the problem was assigned on {min(assigned)}")
    for i, who in enumerate(p.concealed_by):
        field = f"concealed_by[{i}]"
        if who not in levels and who not in policy.bodies:
            fail(field, f"{who!r} is neither a level nor a body id; "
                 f"{suggest(who, [*levels, *policy.bodies]) or 'use a level or a body id'}")
        assert d is not None  # checked above: concealment needs a discovery
        level_id = who if who in levels else policy.bodies[who].level
        # 一(四): concealment or omission during a higher level's verification, inspection or audit.
        if policy.channels[d.channel].own_work:
            fail(field, f"the problem was found through {d.channel!r}, a level's own work; concealment is "
                 "during a higher level's verification, inspection or audit (一(四))")
        if levels[level_id] >= levels[d.level]:
            fail(field, f"{who!r} is not below the {d.level} that verified and found the problem; "
                 "concealment is from a higher level's verification (一(四))")
        if levels[level_id] < place_rank:
            fail(field, f"the place is a {level_of(code)}; nothing below it can conceal the problem")
        stage = policy.failures["concealed"].stage if "concealed" in policy.failures else "handling"
        if who in levels and not any(policy.bodies[b].level == who
                                     for b in policy.stage_holders(p.domain, p.kind, stage)):
            fail(field, f"no {who} body answers for this kind of problem; name the body that concealed it")
