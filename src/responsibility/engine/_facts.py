"""From a problem record to the facts the accountability rules test.

This is where the four failures of 一(四) are recognised on a record's dates:

- ``found``: the problem was found at level ``frank``; levels below it with a
  discovery duty did not find it (应由本级发现问题没有发现), except those the record shows
  knew it (:attr:`Context.knew`).
- ``unhandled``: a level that found or received the problem did not assign it, or
  report it upward when it exceeded that level's authority, within the time limit
  (没有按程序及时交办和上报). Its ``later`` names the departments of that level the record shows
  were handed the problem only after the limit: they did not hold it for that delay (:func:`_later`). Its ``rlim``
  says that the record shows the problem rectified, but after the day a level that did all in time would have seen it
  rectified by ``rectification_time_limit_days``: the finding rests on that parameter.
- ``unrectified``: a level it was assigned to had not rectified it by the deadline
  (交办问题整改落实不到位); supervisors answer through the same fact. A level that passed
  its assignment down in time answers as a supervisor only, unless the parameter
  ``reassigned_level_answers`` says otherwise. Its ``later`` names the departments of a level assigned the
  problem as a whole that the record shows were first handed it only after the level's deadline: they answer from
  their own day, not for the deadline the level missed.
- ``concealed``: a level or body concealed or omitted it (瞒报漏报).

Facts are flat dicts of ints and strings so that both engines can read them.
Every fact carries ``area``, ``kind`` (``""`` when none), ``sev`` (1–3) and
``prank``, the rank of the place's own level (no body below it can answer).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from ..policy._model import SEVERITIES, STAGES, Stage
from ..policy._view import OWNER, SECTORLESS, WORK_STAGES, PolicyView
from ._compile import (
    BELOW,
    LEADERS,
    PARTNER_KNEW,
    SAME_LEVEL,
    SCOPE,
    SHOWN_SCOPE,
    Holder,
    level_leaders,
    severity_rank,
    shown_field,
    shown_ranks,
)
from ._problem import (
    _CODED,
    RESIDENTS_PLACE,
    SAME_LEVEL_CONCEALMENT,
    UNNAMED_HOLDERS,
    coded,
    residents_place,
    unit_below_level,
    units_below_at,
)

if TYPE_CHECKING:
    from ..policy._models import Body
    from ._problem import Problem

Fact = dict[str, Any]

#: :func:`~._compile.severity_rank` by severity.
_SEVERITY_RANK = {s: severity_rank(s) for s in SEVERITIES}

#: The parameter that decides whether a level that rectified its own find in time had to report it.
SELF_RECTIFIED = "self_rectified_report_required"
#: The parameter that decides how a level that re-assigned its assignment downward in time answers.
REASSIGNED = "reassigned_level_answers"
#: The parameter that says what "in time" is (and so when a report shows that a level knew).
HANDLING_LIMIT = "handling_time_limit_days"
#: The parameter that says how long a rectification may take when the assignment set no deadline.
RECT_LIMIT = "rectification_time_limit_days"
#: The parameter that decides which body a level named as concealer (``concealed_by: [county]``) stands for.
CONCEALER = "concealing_level_body"
#: The parameter that decides which body of the county, the city or the province a problem reported (or found) there
#: stands with, when the record names none (review22 R22-2, review23 #1).
RECEIVER = "receiving_level_body"
#: The parameter that says from which day the policy's duties apply (nothing before it is judged).
IN_FORCE = "policy_in_force_from"
#: The parameter that decides whether an assignment to a body of the place's level counts where nobody at or below
#: the place can rectify the kind (engine: at_place; review9a R9A-10).
PLACE_ABOVE = "place_above_rectifiers"
#: The reading that a step the record shows but not 按程序 (to a body with no part in the problem, a report upward of
#: a problem that does not exceed the level's authority …) counts as no step: a level's not_handled finding rests on
#: it where such a step of its own fell within its handling limit (review17 D5, review17c K4).
IRREGULAR = "irregular_step"
#: irregular_step's value under which a report upward above the kind's authority counts where the level it went to
#: passed the problem on in order within the reporter's limit (check47b #3)
REPORT_REACH = "above_authority_report_counts"
#: The parameter that decides who answers for the rectification of a problem assigned to a body with a part in it but
#: no duty to rectify it, at a level where the kind is rectified (the county 扶贫办 handed a house's renovation; D4).
NO_DUTY = "assignment_without_rectification_duty"
#: The parameter that decides whether a body handed a problem that assignment_without_rectification_duty (level_holds)
#: reads as received for its level, and that held it past the handling limit without its passing on to the body that
#: rectifies it, answers for not passing it on (一(四) 对发现问题没有按程序及时交办和上报的; 二(二)3 分类办理;
#: review40 F2, check40 C7).
PASSES_ON = "misassigned_body_passes_on"
#: The parameter that decides whether the province's and city's Party committees and governments bear main
#: responsibility for a failure at their level on a problem outside their level's authority (a county's specific
#: problem; review25 R25-2).
MAIN_EVERY = "main_responsibility_every_level"
#: The parameter that decides how an assignment to a level that for the kind only presses the levels below (二(二)5
#: 指导督促基层: a county's house handed to the city) is read: as the level's receipt of a problem it is to pass down
#: (pass_down), or as an assignment it answers for rectifying (assignee; review25 R25-3/R25-7).
PRESSING = "pressing_level_assignment"
#: The parameter that decides what a body that is itself to rectify a problem answers for when it found the problem, or
#: had it reported to it, and sat on it: not_handled (没有按程序及时交办) or not_rectified (整改不到位; review27 #9).
OWN_WORK = "rectifier_holding"
#: The parameter that decides whether a report to a level's supervisory organ (its 纪委监委, audit office, 人大, 政协:
#: 二(一)2; 一(三) 纪检监察机关…督促推动问题整改落实, 审计…促进扶贫资金…问题整改) is a report to that level
#: (level_receives) or, as to a body with no part in passing the problem on, no report (set_aside; review27 #4).
OVERSIGHT_REPORT = "report_to_oversight"
#: The bits of a fact's ``chosen``: a parameter chose its body (concealing_level_body, receiving_level_body: 1); a
#: department that concealed it from its own level's oversight, by same_level_oversight_concealment (2); a level that
#: had it by a report to its supervisory organ, by report_to_oversight (4); a level that holds it by an assignment to
#: a level that for the kind only presses those below, read as a receipt by pressing_level_assignment (8); a unit that
#: concealed it from its own level's check, below that level by unit_below_own_level (16: a school hiding it from
#: 县教育局's 核查; review37 D2). The finding rests on each.
CHOSEN_BY_PARAMETER, CHOSEN_SAME_LEVEL, CHOSEN_OVERSIGHT_REPORT, CHOSEN_PRESSED = 1, 2, 4, 8
CHOSEN_UNIT_BELOW = 16
#: The parameter that decides what a level (or body) assigned a problem answers for when it passed the problem on
#: only after the handling limit and no finding of its level's rectification takes the delay in (the problem rectified
#: by its deadline, or its deadline not yet come): 未及时交办上报 (not_handled) or nothing (none; review41 F5,
#: review41b D3).
LATE_PASS = "late_pass_on_answers"
#: The bit of a fact's ``chosen`` that says the finding is a late pass-on's, decided by late_pass_on_answers (the
#: finding rests on it).
CHOSEN_LATE_PASS = 32
#: The parameter that decides whether the level a report upward reached holds the problem where irregular_step sets
#: the report aside (a problem within the reporter's own authority): holds, or nobody (review41 F4).
ASIDE_REPORT = "set_aside_report_receiver"
#: The bit of a fact's ``chosen`` that says its level holds the problem by such a report (the finding rests on
#: set_aside_report_receiver).
CHOSEN_ASIDE_REPORT = 64
#: The parameter that decides which body of the county answers where the record names none that had the problem but
#: shows the county itself handing it to a body of its own that counts as none (irregular_step): the county's
#: 负有该问题交办上报职责的机构（记录未写明）, once (unresolved), or the body receiving_level_body chose
#: (kind_department; review42 R2).
MISROUTED = "misrouted_level_holder"
#: The bit of a fact's ``chosen`` that says its body was chosen by misrouted_level_holder (the finding rests on it).
CHOSEN_MISROUTED = 128
#: The parameter that decides who answers for the delay where a level that held the problem shows no step of its own
#: and the record's first step after its day is another level's, made only after its handling limit: the level
#: (holding_level) or nobody (check48a #1).
MISSING_STEP = "missing_step_holder"
#: The bit of a fact's ``chosen`` that says its level answers by missing_step_holder (the finding rests on it, and its
#: reason says the record shows no step of the level's).
CHOSEN_MISSING_STEP = 256
#: The bit of an ``unrectified`` fact's ``chosen`` that says its level (or body) is a rectifier of the kind only through
#: duties a parameter switches on (``applies_if``: ledger_county_rectifier's 二(二)3 part in the township's ledger,
#: projects_county_ledger_line_rectify): every finding on the fact — its supervisors' too, which press a rectification
#: that exists only under that reading — rests on the parameter (check48b #1).
CHOSEN_SWITCHED = 512
#: The parameter that decides whether a level below the owner of a policy gap, which makes such policy for its own level
#: (the city, for the province's gap), answers for not having found the owner's own gap (review27 3b).
PEER_FINDS = "lower_level_finds_higher_policy"
#: The parameter that decides whether an assignee that reported the problem, within its handling limit, to a body of
#: a higher level that is itself the one to rectify it (县民政局, 二(三)3 审核审批，纳入) has passed it on
#: (passed_on: 一(三) 对超出本级权限的及时向上级单位报送问题 — it answers no 整改不到位 for the assignment) or stays its
#: assignee (assignee_answers; review43a D1).
TO_RECTIFIER = "assignee_report_to_rectifier"
#: The parameter that decides how another level's assignment to a named body with no part in the problem's kind, of a
#: level where the kind is rectified (a city handing a county's mismanaged poverty assets to 县民宗局), is read: as no
#: 交办 (set_aside: irregular_step's reading, the assigner answers 未按程序及时交办) or as the 交办 to that level as a
#: whole, whose rectifiers answer 整改不到位 (level_receives).
UNRELATED = "assignment_to_body_without_part"
#: The parameter that decides whether a record's deadline, where the record shows no assignment at all, stands for an
#: assignment the record leaves out (unrecorded_assignment: a level it shows no step for, the problem rectified by that
#: day, was evidently handled) or stretches the limits for nobody (limits; check49b #1).
UNASSIGNED_DEADLINE = "deadline_without_assignment"
#: The bit of a fact's ``chosen`` that says its level answers only because deadline_without_assignment (limits) did not
#: let the record's deadline stretch its limits (the finding rests on it).
CHOSEN_UNASSIGNED_DEADLINE = 1024
#: The bit of a fact's ``chosen`` that says its body is a level's Party committee or government holding the problem,
#: whose sitting on it rectifier_holding (not_rectified) reads as its own 整改不到位 only where level_assignment_leaders
#: (rectify) gives it a rectifying duty of its own (:func:`leading_rectifier`): the finding rests on that parameter
#: (check49b #3).
CHOSEN_LEADING = 2048
#: The bit of a fact's ``chosen`` that says receiving_level_body chose its body (bit 1) as its other value would: the
#: finding does not rest on it.
CHOSEN_RECEIVER_SAME = 4096
#: The principle (rules/accountability.yaml) a verdict lists where the record's line names no body at a level because
#: the text gives that line's department there no part in the kind's area (:func:`untied_line`): the sector was not
#: used to choose who of the level had it.
UNTIED = "untied_line"
#: What a finding on a level's role (问题所属部门) rests on where the record's line has a department at that level whose
#: part is none in the kind there (:func:`line_without_part`): the level answered as for a record naming no line, not
#: because the record does not say which (the role's own note; check56 L1/L2, fid58).
NO_PART = "line_without_part"
#: What a finding on a level's role rests on where the record's line has no department the rules name at that level
#: (:func:`line_without_part`): the role stands for that line's department there, which the text does not name — the
#: record does say which (check56 L4, fid59).
UNNAMED_LINE = "line_department_unnamed"
#: The bit of a ``found`` fact's ``chosen`` that says the record's line came from an assignment to a level that
#: rectifies the kind only through duties a parameter switches on (ledger_county_rectifier: 县扶贫办 handed a township's
#: project ledger): a finding on it whose duties are read by the line rests on that parameter (fid49's left item).
CHOSEN_LINE_SWITCHED = 8192


def stands_unresolved(body: Body) -> bool:
    """Whether a finding on ``body`` is unresolved, the body standing for one the record does not name: a role
    (问题所属部门, the department whose line the problem is in) or a level's body of kind ``unresolved_holders`` (which
    of the holders of a kind no department has a part in had it, review34 F5). Such a finding rests on the body, the
    verdict and a route alike list it, and no record may name it (:mod:`._problem`)."""
    return body.role or body.kind == UNNAMED_HOLDERS


def in_force_from(policy: PolicyView) -> dt.date | None:
    """The day from which the policy's duties apply: ``policy_in_force_from``, else ``effective_from`` of
    rules/policy.yaml (an older policy), else ``None`` (always)."""
    if IN_FORCE in policy.parameters:
        return dt.date.fromisoformat(str(policy.parameter(IN_FORCE)))
    return policy.data.meta.effective_from


@dataclass(slots=True)
class Context:
    """What the facts were derived from, kept for reasons and explanations."""

    as_of: dt.date
    authority: str
    #: Whether the place's level decides whose policy the problem is (policy_gap_owner; every finding rests on it)
    owner: bool = False
    received: dict[int, dt.date] = field(default_factory=dict)
    assigned: dict[int, tuple[dt.date, dt.date]] = field(default_factory=dict)  # level rank: (on, deadline)
    #: (level rank, body — "" for the level as a whole): the day that body was first 交办'd the problem and its
    #: deadline, which its own not_rectified reason gives (review9a R9A-2: not the level's first assignment's)
    assigned_to: dict[tuple[int, str], tuple[dt.date, dt.date]] = field(default_factory=dict)
    deadline_from_parameter: bool = False
    #: Parameters that decided that no finding is made (the verdict says so).
    rests_on: list[str] = field(default_factory=list)
    #: Ranks of the levels the record shows knew the problem, so did not miss it (应由本级发现而没有
    #: 发现): a level that reported it upward within the handling limit of its discovery, the level
    #: that received such a report.
    knew: set[int] = field(default_factory=set)
    #: Ranks of the levels named as having concealed it (瞒报, 一(四) lists it apart from 应发现未发现): they knew it,
    #: all but a unit placed at the level but below it (unit_below_own_level: a school at the county), which answers
    #: as a level below — as it does where the record names the level's one body as concealer (check62 X4).
    hid: set[int] = field(default_factory=set)
    #: Ranks of the levels that passed their assignment down in time and answer for its
    #: rectification by ``reassigned_level_answers: rectification``.
    passed: set[int] = field(default_factory=set)
    #: (level rank, body): the day a department was first handed the problem by its level after the level's own
    #: handling limit had run out, where it then held it past its own limit — it answers for not passing it on from
    #: that day, not from the day its level received it (:func:`_later`), and its reason says so (R-sat).
    handed: dict[tuple[int, str], dt.date] = field(default_factory=dict)
    #: Whether a fact has steps set aside (its ``aside``; irregular_step): the decider then adds that reading to the
    #: findings resting on it after placing the record by its plan (a plan is kept apart from them).
    set_aside: bool = False
    #: The record's line (a sector id), which the decider places the findings by: its ``sector``'s, else the one line
    #: the departments it names give (:func:`record_line`; review23 #2), else None.
    line: str | None = None
    #: (level rank, body — "" for the level as a whole): the day an assignee that answers 整改不到位 passed the problem
    #: on, only after the handling limit — the delay its not_rectified finding takes in (late_pass_on_answers), which
    #: its reason says (check54 #3a: 「其迟至…方才交办，超出10天时限」, the phrases ``late_pass_on``).
    late_passes: dict[tuple[int, str], dt.date] = field(default_factory=dict)


_new_object = object.__new__


def _context(as_of: dt.date, authority: str, owner: bool) -> Context:
    """A new :class:`Context` with its fields' defaults: as ``Context(as_of=…, authority=…, owner=…)`` makes it, but
    without the dataclass's generated ``__init__`` (a call with keywords, a factory called per field), which was some
    130 bytecodes of every decision."""
    ctx = _new_object(Context)
    ctx.as_of, ctx.authority, ctx.owner = as_of, authority, owner
    ctx.received, ctx.assigned, ctx.assigned_to, ctx.deadline_from_parameter = {}, {}, {}, False
    ctx.rests_on, ctx.knew, ctx.passed, ctx.handed, ctx.set_aside, ctx.line = [], set(), set(), {}, False, None
    ctx.late_passes, ctx.hid = {}, set()
    return ctx


class _Setting(NamedTuple):
    """What :func:`derive` reads from a policy's parameters (the same for every problem)."""

    limit: dt.timedelta
    rect_limit: dt.timedelta
    must_report: bool
    reassigned: Any
    has_reassigned: bool
    #: Whether a level named as concealer stands for its role body (问题所属部门, unresolved); None without
    #: the parameter (an older policy: the level's holders of the handling stage).
    conceal_role: bool | None
    #: Whether a level with departments that received the problem through no named body holds it through the body
    #: :func:`receiving_body` gives (receiving_level_body: unresolved); None without the parameter (an older policy:
    #: the level's holders of the handling stage).
    receive_role: bool | None
    #: The day from which the duties apply (:func:`in_force_from`), and whether a parameter says so.
    since: dt.date | None
    #: The latest day the parameter may name (a day before it rests on the parameter), None without it.
    latest: dt.date | None
    #: Whether an assignment to a named body of the place's level counts where nobody at or below the place can
    #: rectify the kind (place_above_rectifiers; True without the parameter), and whether a parameter says so.
    place_assignee: bool
    has_place_above: bool
    #: Whether the policy names the reading that a step not 按程序 counts as none (irregular_step).
    has_irregular: bool
    #: Whether an assignment to a body with a part in the problem but no duty to rectify it is read as one to its
    #: level as a whole (assignment_without_rectification_duty: level_holds); None without the parameter (an older
    #: policy: the body is the assignee).
    level_holds: bool | None
    #: Whether a body such an assignment named (level_holds) answers for sitting on it
    #: (misassigned_body_passes_on); None without the parameter (an older policy: it answers for nothing).
    passes_on: bool | None
    #: Whether an assignment to a level that for the kind only presses those below is read as that level's receipt
    #: (pressing_level_assignment: pass_down); None without the parameter (an older policy: an assignment).
    press_receipt: bool | None
    #: Whether a body that is itself to rectify a problem it found or received, and sat on, answers 整改不到位
    #: (rectifier_holding: not_rectified); None without the parameter (an older policy: not_handled).
    own_work: bool | None
    #: Whether a report to a level's supervisory organ is a report to the level (report_to_oversight:
    #: level_receives); None without the parameter (an older policy: set aside as to a body with no part).
    oversight_report: bool | None
    #: Whether a report to any body of a level with departments that has no part in the problem is a report to the
    #: level too (report_to_oversight: any_receiver; review28 #4).
    report_any: bool
    #: Whether a level below a policy gap's owner that makes such policy itself answers for not having found the
    #: owner's gap (lower_level_finds_higher_policy); None without the parameter (an older policy: it answers).
    peer_finds: bool | None
    #: The fields of an ``unrectified`` fact that say the record shows a level not marked grassroots had the problem
    #: (:func:`~._compile.shown_field`), with their levels' ranks, and whether supervision_scope reads them
    #: (own_and_shown_above); under another choice each is 0 (``unshown``), so that facts differ only where a rule
    #: reads them.
    shown_at: tuple[tuple[int, str], ...]
    shows: bool
    unshown: dict[str, int]
    #: Whether a level (or body) assigned the problem that passed it on only after the handling limit answers for that
    #: when no rectification finding of its level takes the delay in (late_pass_on_answers: not_handled); None without
    #: the parameter (an older policy: it answers for nothing).
    late_pass: bool | None
    #: Whether the level a report upward that irregular_step sets aside reached holds the problem
    #: (set_aside_report_receiver: holds); None without the parameter (an older policy: it holds it).
    aside_reach: bool | None
    #: Whether a county that had the problem through no body named and shows its own hand-over within the level set
    #: aside stands for its unnamed holder (misrouted_level_holder: unresolved); None without the parameter (an older
    #: policy: receiving_level_body's body).
    misrouted: bool | None
    #: Whether an assignee's report in time to a body above that is itself to rectify the problem passes it on
    #: (assignee_report_to_rectifier: passed_on); None without the parameter (an older policy: it stays the assignee,
    #: and that body's sitting on the problem is not read).
    to_rectifier: bool | None
    #: Whether another level's assignment to a named body with no part in the problem's kind, of a level where the
    #: kind is rectified, is the 交办 to that level as a whole (assignment_to_body_without_part: level_receives); None
    #: without the parameter (an older policy: irregular_step sets it aside, as set_aside does).
    unrelated: bool | None
    #: Whether a report upward by a level at or above the kind's own authority counts where the level it went to passed
    #: the problem on in order within the reporter's handling limit (irregular_step: above_authority_report_counts;
    #: check47b #3); False under not_counted and without the parameter (an older policy: set aside always).
    report_reach: bool
    #: Whether a level that held the problem, shows no step of its own and sees the record's first step after its day
    #: come from another level only after its limit answers for the delay (missing_step_holder: holding_level); None
    #: without the parameter (an older policy: it answers unless the problem was rectified by its deadline).
    missing: bool | None
    #: Whether a record's deadline, where it shows no assignment at all, is that of an assignment the record leaves out,
    #: so that a level it shows no step for and whose problem was rectified by it was evidently handled
    #: (deadline_without_assignment: unrecorded_assignment); True without the parameter (an older policy: review31's
    #: reading), and whether the parameter is there (a verdict it decides rests on it).
    unassigned_deadline: bool
    has_unassigned_deadline: bool


def _setting(policy: PolicyView) -> _Setting:
    # Without the parameter (an older policy), a level below the authority always had to report.
    return _Setting(limit=dt.timedelta(days=int(policy.parameter(HANDLING_LIMIT))),
                    rect_limit=dt.timedelta(days=int(policy.parameter(RECT_LIMIT))),
                    must_report=bool(policy.parameter(SELF_RECTIFIED)) if SELF_RECTIFIED in policy.parameters
                    else True,
                    reassigned=policy.parameter(REASSIGNED) if REASSIGNED in policy.parameters else "rectification",
                    has_reassigned=REASSIGNED in policy.parameters,
                    conceal_role=policy.parameter(CONCEALER) == "unresolved" if CONCEALER in policy.parameters
                    else None,
                    receive_role=policy.parameter(RECEIVER) == "unresolved" if RECEIVER in policy.parameters
                    else None,
                    since=in_force_from(policy),
                    latest=max((dt.date.fromisoformat(str(x)) for x in
                                (policy.parameters[IN_FORCE].choices or [policy.parameter(IN_FORCE)])), default=None)
                    if IN_FORCE in policy.parameters else None,
                    place_assignee=policy.parameter(PLACE_ABOVE) != "holder" if PLACE_ABOVE in policy.parameters
                    else True,
                    has_place_above=PLACE_ABOVE in policy.parameters,
                    has_irregular=IRREGULAR in policy.parameters,
                    level_holds=policy.parameter(NO_DUTY) == "level_holds" if NO_DUTY in policy.parameters
                    else None,
                    passes_on=bool(policy.parameter(PASSES_ON)) if PASSES_ON in policy.parameters else None,
                    press_receipt=policy.parameter(PRESSING) == "pass_down" if PRESSING in policy.parameters
                    else None,
                    own_work=policy.parameter(OWN_WORK) == "not_rectified" if OWN_WORK in policy.parameters
                    else None,
                    oversight_report=policy.parameter(OVERSIGHT_REPORT) in ("level_receives", "any_receiver")
                    if OVERSIGHT_REPORT in policy.parameters else None,
                    report_any=OVERSIGHT_REPORT in policy.parameters
                    and policy.parameter(OVERSIGHT_REPORT) == "any_receiver",
                    peer_finds=bool(policy.parameter(PEER_FINDS)) if PEER_FINDS in policy.parameters else None,
                    shown_at=tuple((r, shown_field(r)) for r in shown_ranks(policy)),
                    shows=SCOPE in policy.parameters and policy.parameter(SCOPE) == SHOWN_SCOPE,
                    unshown={shown_field(r): 0 for r in shown_ranks(policy)},
                    late_pass=policy.parameter(LATE_PASS) == "not_handled" if LATE_PASS in policy.parameters
                    else None,
                    aside_reach=policy.parameter(ASIDE_REPORT) == "holds" if ASIDE_REPORT in policy.parameters
                    and IRREGULAR in policy.parameters else None,
                    misrouted=policy.parameter(MISROUTED) == "unresolved" if MISROUTED in policy.parameters
                    and IRREGULAR in policy.parameters else None,
                    to_rectifier=policy.parameter(TO_RECTIFIER) == "passed_on" if TO_RECTIFIER in policy.parameters
                    and OWN_WORK in policy.parameters else None,
                    unrelated=policy.parameter(UNRELATED) == "level_receives" if UNRELATED in policy.parameters
                    and IRREGULAR in policy.parameters else None,
                    report_reach=IRREGULAR in policy.parameters
                    and policy.parameter(IRREGULAR) == REPORT_REACH,
                    missing=policy.parameter(MISSING_STEP) == "holding_level" if MISSING_STEP in policy.parameters
                    else None,
                    unassigned_deadline=UNASSIGNED_DEADLINE not in policy.parameters
                    or policy.parameter(UNASSIGNED_DEADLINE) == "unrecorded_assignment",
                    has_unassigned_deadline=UNASSIGNED_DEADLINE in policy.parameters)


def _misassigned(steps: list[Any], handled: list[Any], no_duty: set[int], setting: _Setting, ctx: Context,
                 facts: list[Fact], add: Callable[[str, Fact], None], to_right: Callable[[Any], bool],
                 before: Callable[[dt.date], bool], rank: Mapping[str, int], deadline_given: dt.date | None,
                 rectified_on: dt.date | None, as_of: dt.date) -> None:
    """The bodies handed the problem by an assignment that assignment_without_rectification_duty (level_holds) read as
    one to their level as a whole (``no_duty``: the ids of those steps), which then sat on it: held past the handling
    limit from the day each was handed it, with no step of the record to or by its level within that limit that
    counts (一(三) 按程序: not one to a body with no part) and the problem not rectified by its deadline (or, with none,
    by the limits). By misassigned_body_passes_on (true) each answers 未及时交办上报 — 一(四) 对发现问题没有按程序
    及时交办和上报的, 二(二)3 负责涉及本部门问题的…分类办理: it had the problem for its level and did not pass it to
    the body the text makes rectify it (县医保 handed late payment of medical aid of the finance line, 二(六)3(3);
    县水利 handed a failure of emergency supply, 二(六)5(3)); false leaves it unnamed, the level's rectifiers answering
    as before. Either way the verdict rests on the reading where a body so sat on it (review40 F2, check40 C7). Its
    finding rests on assignment_without_rectification_duty too (``nod``: under assignee it is the assignee instead). A
    body that handed it on in time to another body with a part in the kind, though not the one to rectify it, is not
    named: the record does not say which body of the level made the step, and the one it reached answers. A step of its
    level within the limit to a body with no part in the kind (县卫健 handed a failure of emergency supply,
    二(六)5(3)–(4)) passes it to nobody (一(三) 按程序): the body still answers, on irregular_step too (its ``aside``;
    check40 C7's 县水利)."""
    limit, rect_limit = setting.limit, setting.rect_limit
    done: set[tuple[int, str]] = {(f["lvl"], f["body"]) for f in facts if f["t"] == "unhandled"}
    for h in steps:
        if id(h) not in no_duty:
            continue
        step = h.get("_step", h)
        body, level, on = step["to_body"], h["to_level"], h["on"]
        lvl = rank[level]
        due = on + limit
        if body is None or (lvl, body) in done or as_of <= due or before(due):
            continue
        # passed on in time: a step by its level, or to it, after it was handed it, within the limit, that counts as
        # a step (一(三) 按程序)
        if any(x is not h and on <= x["on"] <= due and level in (x["by_level"], x["to_level"]) and to_right(x)
               for x in steps):
            continue
        # rectified by the assignment's deadline (or, with none, by the limits from the day it was handed it): it was
        # evidently passed on, though the record shows no step
        own = _own_deadline(h, deadline_given)
        fixed_by = own if own is not None else due + rect_limit
        if rectified_on is not None and rectified_on <= fixed_by:
            continue
        if PASSES_ON not in ctx.rests_on:
            ctx.rests_on.append(PASSES_ON)
        if not setting.passes_on:
            continue
        for rid in (HANDLING_LIMIT, NO_DUTY):
            if rid not in ctx.rests_on:
                ctx.rests_on.append(rid)
        done.add((lvl, body))
        # its level's steps within the limit that count as none (to a body with no part: irregular_step)
        aside = " ".join(f"{_index(handled, x)}:part" for x in steps if x is not h and x["by_level"] == level
                         and on <= x["on"] <= due and not to_right(x)) if setting.has_irregular else ""
        if aside:
            ctx.set_aside = True
        add("unhandled", {"lvl": lvl, "body": body, "escalate": 0, "selffix": 0, "atp": 0, "rlim": 0,
                          "aside": aside, "later": "", "chosen": 0, "own": 0, "nod": 1})


def _shown_fields(setting: _Setting, policy: PolicyView, lvl: int, d_level: str, steps: list[Any],
                  concealed_by: list[str]) -> dict[str, int]:
    """An ``unrectified`` fact's fields (at level rank ``lvl``) that say which levels above it, not marked grassroots,
    the record shows had the problem: the finder's level, a level a step was made by or went to, a level (or a body's
    level) that concealed it — under supervision_scope own_and_shown_above such a level presses the assignee where it
    is the nearest above it that presses (:func:`~._compile._supervising_levels`): a city never shown a county's
    problem cannot press its rectification (一(一) 以县为主体)."""
    if not setting.shows:
        return setting.unshown
    rank = policy.level_rank
    had = {rank[d_level]}
    for h in steps:
        had.add(rank[h["by_level"]])
        had.add(rank[h["to_level"]])
    for who in concealed_by:
        had.add(rank[who] if who in rank else rank[policy.bodies[who].level])
    return {f: int(r > lvl and r in had) for r, f in setting.shown_at}


def standing_body(policy: PolicyView, area: str, kind: str | None, level: str,
                  held: Mapping[str, tuple[str, ...]], stage: Stage = "handling") -> str | None:
    """The one body a ``level`` stands for when the record says only that the level had a problem of ``kind`` in
    ``area`` (concealed it, or had it and did not pass it on) and names no sector: ``held`` are the level's holders
    of the ``stage`` that failure is judged at (handling), with their duties there; a role the record's naming no line
    leaves aside there (:meth:`PolicyView.role_stands_aside`: 二(六)4(4)'s parts of a renovation) is not among them.
    One reading for
    concealing_level_body and receiving_level_body (``unresolved``); None for a level without a role body (the
    village and the township: their holders answer).

    一(四) 追究相关工作人员责任 holds liable the body whose line the problem is in:

    - where the kind gives exactly one department of the level a part in passing it on, beside bodies whose part is
      only to pass it on (二(二)3 涉及本部门问题的…分类办理: the county construction bureau for a dangerous house,
      beside the 扶贫办 that keeps the lists, 一(三)), the problem's department is known from the kind: that department
      (review23 #1) — not where another holder shares its duty (省市扶贫、民政部门 monitor an income together, 二(六)1)
      or rectifies the kind itself (the 扶贫办 answers for the truth of what it pushed, 二(三)4; it proposes the funds'
      allocation, 二(四)): the problem may be in that body's line; nor where the role holds one (二(二)3 for any
      department whose problem it is);
    - where the level's one holder of the stage holds it by a duty of the kind's own work (二(三)4
      县扶贫办…对推送对象信息的真实性、完整性负责), the problem is in its line: that holder, as the level receiving it
      through no body named is (:func:`sole_holder`) — not the role for a department whose part is only to find it
      (县民政局's 核对; check59 GC4);
    - else, where a department of the level (the role itself, or a department of the role's kind) has a part in the
      kind at any stage, several may, and the record does not say which: the role (问题所属部门), unresolved, once;
    - where none has, and the level's part in passing it on is one other body's (the 扶贫办, keeper of the problem
      lists, 一(三); 二(一)1(3) at the city and province), the problem is in its line: that body;
    - where it is several bodies' (a missing mechanism: the Party committee, the government and the 扶贫办), the
      record does not say which of them it was: the level's body of kind ``unresolved_holders`` (rules/bodies:
      县（市、区）负有该问题交办上报职责的机构（记录未写明）), unresolved, once, rather than each answering (review20c
      C20-1) — not the role, a department, when no clause gives any department of the level a part in the kind
      (二(二)4 县党委、政府…健全问题发现办法和整改机制; 二(六)1(4) 干部联系; review34 F5); None where the level has
      no such body (its holders answer).

    >>> import responsibility
    >>> p = responsibility.load()
    >>> at = lambda area, kind, level: {b: ds for b, ds in p.stage_holders(area, kind, "handling").items()
    ...                                 if p.bodies[b].level == level}
    >>> standing_body(p, "housing", "housing_renovation_late", "county",
    ...               at("housing", "housing_renovation_late", "county"))
    'county_construction'
    >>> standing_body(p, "funds", "funds_diverted", "county", at("funds", "funds_diverted", "county"))  # any line's
    'county_sector_department'
    >>> standing_body(p, "basic_needs", "basic_needs_income_not_raised", "city",
    ...               at("basic_needs", "basic_needs_income_not_raised", "city"))  # the city's one holder
    'city_poverty_office'
    """
    role = policy.roles.get(level)
    if role is None:
        return None
    bodies = policy.bodies
    department = bodies[role].kind
    aside = policy.role_stands_aside
    held = {b: ds for b, ds in held.items() if not aside(area, kind, stage, b, ds)}

    def line(b: str) -> bool:  # the role, or a department of the role's kind
        return b == role or (bodies[b].kind == department and not bodies[b].role)

    lines = [b for b in held if line(b)]
    if len(held) == 1 and not lines and kind is not None:
        # the level's one holder of the stage, by a duty of the kind's own work there (二(三)4 县扶贫办…对推送对象信息的
        # 真实性、完整性负责 for the information it pushed): the problem is in its line, as the same level receiving it
        # through no body named is that holder (:func:`sole_holder`; either value) — not the role for a department
        # whose part is only to find it (二(三)3 县民政局's 核对; check59 GC4, check51 #3)
        (one, ds), = held.items()
        if any(_ties_to_work(policy, area, d, one) for d in ds):
            return one
    if len(lines) == 1 and lines[0] != role:
        fixing = {b: ds for b, ds in policy.stage_holders(area, kind, "rectification").items()
                  if not aside(area, kind, "rectification", b, ds)}
        if not any(set(ds) & set(held[lines[0]]) or any(policy.duty_area[d] == area for d in fixing.get(b, ()))
                   for b, ds in held.items() if b != lines[0]):
            return lines[0]
    # (review20c C20-1: naming the 扶贫办, or every holder, where a department presses the kind or several bodies
    # pass it on, blamed bodies the record does not name)
    if held and not any(line(b) for st in STAGES for b, ds in policy.stage_holders(area, kind, st).items()
                        if bodies[b].level == level and not aside(area, kind, st, b, ds)):
        # no department of the level has any part in the kind: the role (行业主管部门（问题所属部门）) stands for nobody
        # the text makes answerable (review34 F5: no clause gives a department a part in 二(六)1(4) 干部联系 or 二(二)4
        # 健全问题发现办法和整改机制) — the kind's one holder at the level, else the body standing for its holders,
        # unresolved, once (review20c C20-1: not each of them)
        if len(held) == 1:
            return next(iter(held))
        return level_holders_unnamed(policy, level)
    # the role stands for the departments of the level with a part in the kind; where that is only the one department
    # set aside above (another holder, a unit that rectifies the kind itself, may have had it: the school's aid
    # procedure under education_review_covers_procedure, 县教育局's 审核 beside the school's own 工作程序), the role
    # would name that department in disguise, and with no clause (its duties hold none): the record does not say which
    # of
    # the holders had it, so the body standing for them, unresolved, once, as where no department has a part
    # (rules52's left item)
    # (not a department holding a part the role stands for as one of several alternatives — by_sector, own_sector:
    # under sectorless_alternatives: every_holder the role leaves the holders for them, and they answer each)
    if kind is not None and len(held) > 1 and lines and role not in lines \
            and level_holders_unnamed(policy, level) is not None:
        parts = {(b, d) for st in STAGES for b, ds in policy.stage_holders(area, kind, st).items()
                 if bodies[b].level == level and line(b) and not aside(area, kind, st, b, ds) for d in ds}
        if len({b for b, _ in parts}) == 1 and not any(
                policy.duties[d].scope in ("by_sector", "own_sector") for _, d in parts):
            return level_holders_unnamed(policy, level)
    return role


def concealing_role(policy: PolicyView, area: str, kind: str | None, level: str) -> str | None:
    """The body a ``level`` named as having concealed a problem of ``kind`` in ``area`` stands for by
    ``concealing_level_body: unresolved`` (the record naming no sector): :func:`standing_body` of the level's holders
    of the stage concealment is judged at (handling: 一(三) 分类交办), or None for a level without a role body (its
    holders answer) — but a city or the province whose one holder of it only guides the grassroots (二(二)5) stands for
    the department the text ties to the kind's work there (:func:`guiding_level_department`), as it does when it
    received the problem (:func:`receiving_body`) and under handling_holders (check59 CC1, CC2).

    >>> import responsibility
    >>> p = responsibility.load()
    >>> concealing_role(p, "housing", "housing_danger_unreported", "county")  # the kind's one department
    'county_construction'
    >>> concealing_role(p, "housing", "housing_danger_unreported", "city")  # 市住建 passes it on: 二(六)4(6) 督促
    'city_construction'
    >>> concealing_role(p, "funds", "funds_diverted", "city")  # several departments' parts: the role
    'city_sector_department'
    >>> concealing_role(p, "basic_needs", "basic_needs_income_not_raised", "county")
    'county_poverty_office'
    >>> concealing_role(p, "discovery", "mechanism_missing", "county")  # no department's part; several holders
    'county_holders_unnamed'
    >>> concealing_role(p, "identification", "identification_applicant_not_included", "city")  # 二(三)6, not the role
    'city_civil_affairs'
    >>> concealing_role(p, "identification", "identification_pushed_info_untrue", "county")  # 二(三)4, its own push
    'county_poverty_office'
    >>> concealing_role(p, "basic_needs", "basic_needs_policy_gap", "city")  # 二(六)1(5): 民政 or the 扶贫办
    'city_sector_department'
    """
    memo: dict[tuple[str, str | None, str], str | None] = policy._memo("derive: concealing role", dict)
    key = (area, kind, level)
    if key not in memo:
        stage = policy.failures["concealed"].stage if "concealed" in policy.failures else "handling"
        # (a city or the province whose one holder of the handling only guides the grassroots (二(二)5): the
        # department the text ties to the kind's work there, as the same level receiving it through no body named
        # (:func:`receiving_body`) and as handling_holders reads it — 市民政 for an identification problem (二(三)6;
        # the 扶贫办 only 协助, 二(三)7), not the role with 一(四) alone; check59 CC1, CC2)
        memo[key] = guiding_level_department(policy, area, kind, level) or standing_body(policy, area, kind, level, {
            b: ds for b, ds in policy.stage_holders(area, kind, stage).items() if policy.bodies[b].level == level},
            stage)
    return memo[key]


def _concealer(policy: PolicyView, area: str, kind: str | None, level: str, sector: str | None,
               as_role: bool) -> str:
    """The body a level named as concealer stands for (``""``: the level's holders of the handling
    stage). 一(四) 追究相关工作人员责任: by ``concealing_level_body: unresolved``, the body whose line the problem is
    in, which the record's ``sector`` names, else :func:`concealing_role` (:func:`standing_body`); a level without a
    role body (the village, the township) stands for its holders."""
    role = policy.roles.get(level)
    if role is None:
        return ""
    if not as_role:
        # handling_holders: the level's holders of the handling stage — but a city or the province whose one such
        # holder only guides the grassroots (the 扶贫办's 二(二)5: no part in the area's work, review41b D1) stands, as
        # receiving_level_body reads such a level, for the department the text ties to the kind's work there: 市民政
        # for an identification problem (二(三)6; the 扶贫办 only 协助, 二(三)7), not the office (check47a #5)
        return guiding_level_department(policy, area, kind, level) or ""
    line = policy.sector_of(sector)
    if line is not None:
        # as a level that received it (:func:`receiving_body`): the line's department only where it holds the kind's
        # part there, else whom the kind gives the level — not 县民政局 for a dangerous house the county hid (二(六)4(3)
        # gives the county's part to 县建设部门); else the line's department, else the role, as before
        return line_concealer(policy, area, kind, level, line) or role
    # (None: a level with no body to stand for the holders of a kind no department has a part in: they answer)
    return concealing_role(policy, area, kind, level) or ""


def guiding_level_department(policy: PolicyView, area: str, kind: str | None, level: str) -> str | None:
    """The department a city or the province stands for, where its one holder of the handling stage of a problem of
    ``kind`` holds it only by guiding the grassroots (:func:`_guides_only`): :func:`pressing_department` where that is
    a department (not the role, nor the level's unnamed holder), reach read from the lowest level (a level's
    concealment is read per level, as the bulk path's tables are); None elsewhere.

    >>> import responsibility
    >>> p = responsibility.load()
    >>> guiding_level_department(p, "identification", "identification_ineligible_included", "city")
    'city_civil_affairs'
    >>> guiding_level_department(p, "housing", "housing_danger_unreported", "county") is None
    True
    """
    memo: dict[tuple[str, str | None, str], str | None] = policy._memo("derive: guiding level department", dict)
    key = (area, kind, level)
    if key not in memo:
        got = None
        if level in policy.roles and not keeps_lists(policy, level):
            stage = policy.failures["concealed"].stage if "concealed" in policy.failures else "handling"
            held = {b: ds for b, ds in policy.stage_holders(area, kind, stage).items()
                    if policy.bodies[b].level == level}
            if held and _guides_only(policy, area, held):
                got = pressing_department(policy, area, kind, level, None, min(policy.level_rank.values()))
                # (only a department the text ties to the kind's work: where none is (the role, or the level's
                # unnamed holder), the level's holders answer, as the default names the one holder — fidelity20)
                if got is not None and (policy.bodies[got].role or got == level_holders_unnamed(policy, level)):
                    got = None
        memo[key] = got
    return memo[key]


def line_concealer(policy: PolicyView, area: str, kind: str | None, level: str, line: str) -> str | None:
    """The body a ``level`` named as having concealed a problem of ``kind`` in ``area`` stands for where the record's
    line is ``line``, by ``concealing_level_body: unresolved``: the line's department there where the kind gives it a
    part for its line at any stage (一(四) 瞒报漏报: the body whose problem it is hid it — the county water-supply unit,
    whose part is the supply's own management, 二(六)5(3); R6-45); else :func:`line_holder` of the level's holders of
    the stage concealment is judged at (handling), reach not counted (as :func:`concealing_role`); else the line's
    department there, else its role (:func:`line_department`), as before; None at a level without a role body (its
    holders answer). Kept per policy; the bulk path asks it too (batch/_core.line_body).

    >>> import responsibility
    >>> p = responsibility.load()
    >>> line_concealer(p, "housing", "housing_danger_unreported", "county", "civil_affairs")  # 二(六)4(3), not 民政
    'county_construction'
    >>> line_concealer(p, "education", "education_policy_gap", "city", "civil_affairs")  # 二(六)2(4) 民政
    'city_civil_affairs'
    """
    memo: dict[tuple[str, str | None, str, str], str | None] = policy._memo("derive: line concealer", dict)
    key = (area, kind, level, line)
    if key not in memo:
        got = None
        if level in policy.roles:
            stage = policy.failures["concealed"].stage if "concealed" in policy.failures else "handling"
            at = policy.bodies
            # (the role, where the level has no department of the line in the data: it stands for it)
            department = line_department(policy, level, line) or policy.roles[level]
            if any(department in policy.stage_holders(area, kind, st, line) for st in STAGES):
                got = department
            else:
                # (a department with no part in the kind — 县民政局 in a dangerous house, 二(六)4(3) gives the county's
                # part to 县建设部门 — is not the one that hid it: review37 D1, fid38a)
                held = {b: ds for b, ds in policy.stage_holders(area, kind, stage).items() if at[b].level == level}
                ours = {b: ds for b, ds in policy.stage_holders(area, kind, stage, line).items()
                        if at[b].level == level}
                got = line_holder(policy, area, kind, level, line, held, ours, stage)
                if got is None and department != policy.roles[level]:
                    # a department the kind gives no part at all, where its line decides nothing else here: the line
                    # says nothing of who of the level hid it, and the one body a record naming no line gives stands
                    # for the level (:func:`concealing_role`) — not that department (review37 D1, fid38a); not the
                    # role, which would stand for the line the record names (as line_holder)
                    one = concealing_role(policy, area, kind, level)
                    got = one if one is not None and not policy.bodies[one].role else None
        memo[key] = got or line_department(policy, level, line)
    return memo[key]


def line_holder(policy: PolicyView, area: str, kind: str | None, level: str, line: str,
                held: Mapping[str, tuple[str, ...]], ours: Mapping[str, tuple[str, ...]],
                stage: Stage = "handling") -> str | None:
    """The one body of ``level`` a record whose line is ``line`` names as having had a problem of ``kind`` in ``area``
    (received it, or concealed it) through no body it names, by ``receiving_level_body`` / ``concealing_level_body:
    unresolved``; ``held`` and ``ours``: the level's holders of ``stage`` (handling) for a record naming no line and
    for one of ``line``, with their duties. None where the line decides nothing here (each caller has its fallback).

    - the line's department, where it holds the kind's part there for a problem of its line (二(二)3 涉及本部门问题
      的…分类办理);
    - else, where the line's holders there are several, the one body the kind gives them (:func:`standing_body`: the
      county construction bureau for a dangerous house a record puts in 民政's line, 二(六)4(3)) — not the role, which
      would stand for the line the record names (review37 D1);
    - else, where the line's department has no part in the kind at all and the line leaves the level only bodies
      whose part in it is no duty of its area (the 扶贫办's 二(二)5 指导督促基层, 一(三)'s lists), the record's line
      says nothing of who of the level had it: whom a record naming no line gives (:func:`standing_body` of ``held``:
      市相关行业主管部门 for a city's health policy a record puts in 财政's line, 二(六)3(5) 医保、卫健等; fid38a Y4) —
      not the 扶贫办 alone, which 二(二)5 gives no part in a level's own policy (H-26, R20-1).
    """
    bodies = policy.bodies
    got = next((b.id for b in bodies.values() if b.level == level and b.sector == line
                and not b.role and b.id in ours), None)
    if got is None and len(ours) > 1:
        one = standing_body(policy, area, kind, level, ours, stage)
        got = one if one is not None and not bodies[one].role else None
    if got is None and line_gives_no_part(policy, area, kind, level, line, held, ours):
        got = standing_body(policy, area, kind, level, held, stage)
    return got


def line_gives_no_part(policy: PolicyView, area: str, kind: str | None, level: str, line: str,
                       held: Mapping[str, tuple[str, ...]], ours: Mapping[str, tuple[str, ...]]) -> bool:
    """Whether a record whose line is ``line`` says nothing of who of ``level`` had a problem of ``kind`` in ``area``
    (:func:`line_holder`'s last case): the line's department there has no part in the kind, and the line leaves the
    level only bodies whose part in passing it on (``ours``) is no duty of the area (二(二)5 指导督促基层, 一(三)'s
    lists), where a record naming no line (``held``) gives one such a duty (二(六)3(5) 医保、卫健等). So too where the
    line's department holds some duty of the area but none in this kind's work there — the line leaves a work stage of
    the level idle and no department of it stands in (:func:`line_without_part`: :data:`NO_PART`) — and is not among
    ``ours``: the level's discovery and rectification are read as for a record naming no line, and so is who of it had
    the problem or hid it (县自然资源局, whose 建设用地 is its part in housing, 二(六)4(4), for an irregular subsidy
    whose 审核 and 补贴 are 建设's and 财政's; fid63's left item, fid64). The body a parameter then chose answers with
    the duties it holds for a record naming no line (engine/_decide)."""
    if not ours or held.keys() == ours.keys():
        return False
    department = line_department(policy, level, line)  # (the role where the level has no department of the line)
    if department is not None and department not in ours \
            and line_without_part(policy, area, kind, level, line) == NO_PART:
        return True
    return (department is None or policy.bodies[department].role
            or not policy.has_part(area, kind, department, line)) \
        and not any(policy.duty_area[d] == area for ds in ours.values() for d in ds) \
        and any(policy.duty_area[d] == area for ds in held.values() for d in ds)


def line_tie(policy: PolicyView, area: str, kind: str | None, level: str, line: str, *,
             switched: bool = False) -> tuple[str, ...]:
    """The duties of the area's own work (:func:`_area_work`; not 二(二)3's or 二(二)5's generic 涉及本部门问题 /
    指导督促基层 held in another area, nor one a parameter switches on) that the text gives the
    department of ``line`` at ``level`` in ``kind``'s area; ``()`` where it has none, or the level has no department
    of the line. A record's line names that department as the body a level received a problem through only where the
    text ties it so (二(六)4(7) 督查指导农村危房改造涉及本部门的相关工作: 市民政 in a late renovation); 市水利 has no
    part in a project's management (二(五)5 扶贫、财政、民宗等部门) and the line says nothing of who of the city had it
    (check51 #1).

    >>> import responsibility
    >>> p = responsibility.load()
    >>> line_tie(p, "projects", "project_late_or_unfinished", "city", "water")
    ()
    >>> line_tie(p, "housing", "housing_renovation_late", "city", "civil_affairs")[:1]
    ('housing_province_city_departments_policy',)
    """
    own = line_department(policy, level, line)
    if own is None or policy.bodies[own].role:
        return ()
    # (二(二)3/二(二)5 in the discovery area's own kinds are that area's work: 市水利 stands for a city's own specific
    # problem of its line, fid44c-5; held in another area they are no work of it, :func:`_area_work`)
    if kind is not None and not policy.has_part(area, kind, own, line):
        return ()
    # (a duty counts as the stages count it, :meth:`PolicyView.stage_duties`: not one its applies_if switches off —
    # 二(六)5(6)'s water-line twin, which switch_of does not name for 省水利 since it holds the default reading too,
    # was cited beside that reading and made the finding look to rest on water_policy_health_departments, which
    # changes nothing there (fid45b-9) — and not a reading an applying twin stands in place of)
    # (``switched``: one a parameter switches on counts too — whether the line is tied at all, untied_line: under
    # water_policy_health_departments=true 市卫健 is tied to a water policy gap of its line, 二(六)5(6), fid38b)
    if kind is not None:
        # (the kind's own stages give the department a part only through duties a reading in force stands in place
        # of, by one it does not hold: its other duties of the area do not tie it to this kind — 二(六)3(5) read by
        # line for the supplementary insurance, which insurance_pressed_by_medical_insurance=true reads as 医保's
        # alone, "no 问题所属部门 stands for 卫健 beside it": 市卫健 received a 卫健-line record and sat on it; fid60)
        listed = {d for st in STAGES for d in policy.kinds[(area, kind)].stages.of(st)}
        held = {d for d in listed if own in policy.duties[d].holders and policy.duty_applies(d)}
        if held and held <= {r for d in listed if policy.duty_applies(d) for r in policy.duties[d].replaces}:
            return ()
    tie = [d for d, duty in policy.duties.items() if own in duty.holders and _area_work(policy, area, d)
           and policy.duty_applies(d) and (switched or policy.switch_of(d, own) is None)]
    replaced = {r for d in tie for r in policy.duties[d].replaces}
    return tuple(d for d in tie if d not in replaced)


def untied_line(policy: PolicyView, area: str, kind: str | None, level: str, sector: str | None) -> bool:
    """Whether a record's ``sector`` names a line whose department at ``level`` the text gives no part in the kind's
    area (:func:`line_tie`): the level's receiver is then chosen as for a record naming no line, and the verdict says
    the line was not used there (:data:`UNTIED`; check51 #1, check50 #4)."""
    line = policy.sector_of(sector) if sector is not None else None
    # (a record of no kind at the county: its keeper of the lists takes what a line it cannot place leaves, f31d-1 —
    # a kindless health problem of 卫健's line the county handed 县卫健 is 县扶贫办's not passed on, 一(三))
    if line is None or (kind is None and keeps_lists(policy, level)):
        return False
    # (the county too: a record putting a funds allocation in 审计's line, or false health materials in 卫健's, says no
    # more of the county's part than one naming no line — the county's department of that line has none, 二(四)3–5,
    # 二(六)3(3) — and the county answers as for such a record, not by dropping the 问题所属部门 or a duty clause of
    # the kind's one department; fid51's left item, check50 #4 at the county. A line the county has no department of
    # is still stood for by its role)
    own = line_department(policy, level, line)
    # (nor a line that leaves the level no body at all, which the line does decide: :func:`line_leaves_level_none`)
    return own is not None and not policy.bodies[own].role \
        and not line_tie(policy, area, kind, level, line, switched=True) \
        and not line_leaves_level_none(policy, area, kind, level, line)


def line_leaves_level_none(policy: PolicyView, area: str, kind: str | None, level: str, line: str) -> bool:
    """Whether a record whose line is ``line`` leaves ``level`` (a city, the province) no body the text ties to a
    problem of ``kind`` in ``area``, where the text gives the line the kind's own work below: the line's department at
    the level is the level's one holder of the kind's handling, holding it only by guiding the grassroots
    (:func:`_guides_only`: the 扶贫办's 二(二)5 指导督促基层), no body of the level — its role included — holds a
    duty of the kind's own work for a problem of that line, and a department of the line at a level below does.

    二(六)3(3) 县扶贫办负责低收入农户医疗补充政策性保险的工作 makes the supplementary insurance the office's line at the
    county; 二(六)3(5) 医保、卫健等…督促落实…医疗补充性政策保险措施, read by the record's line
    (insurance_pressed_by_medical_insurance: false), gives that line no city body. Such a record's line is no line
    "the text gives no part" (:func:`untied_line`, read as a record naming none: the 问题所属部门 standing for 医保 or
    卫健, whose lines the record says it is not of), nor the office's (review41b D1: guiding does not show it had the
    problem): the level's body the record does not name (:func:`level_holders_unnamed`), as where the text ties no
    body of the level to the kind at all (check42 C3; session 55's note, "Noticed" 1).

    >>> import responsibility
    >>> p = responsibility.load()
    >>> line_leaves_level_none(p, "health", "health_insurance_not_in_place", "city", "poverty_office")
    True
    >>> line_leaves_level_none(p.with_parameters(insurance_pressed_by_medical_insurance=True), "health",
    ...                        "health_insurance_not_in_place", "city", "poverty_office")
    False
    >>> line_leaves_level_none(p, "health", "health_insurance_not_in_place", "city", "finance")  # no line of the kind
    False
    """
    if kind is None or level not in policy.roles or keeps_lists(policy, level):
        return False
    memo: dict[tuple[str, str, str, str], bool] = policy._memo("derive: line leaves level none", dict)
    key = (area, kind, level, line)
    got = memo.get(key)
    if got is None:
        bodies, rank = policy.bodies, policy.level_rank
        stage = policy.failures["not_handled"].stage if "not_handled" in policy.failures else "handling"
        held = {b: ds for b, ds in policy.stage_holders(area, kind, stage, None).items() if bodies[b].level == level}
        own = line_department(policy, level, line)
        lined = [(b, ds) for st in STAGES for b, ds in policy.stage_holders(area, kind, st, line).items()]
        # (not a line whose department the area's own work ties here, which names it: 二(三)7 省市扶贫办 in
        # identification, line_tie)
        got = memo[key] = own is not None and own in held and _guides_only(policy, area, held) \
            and not line_tie(policy, area, kind, level, line, switched=True) \
            and not any(bodies[b].level == level and any(_ties_to_work(policy, area, d, b) for d in ds)
                        for b, ds in lined) \
            and any(bodies[b].sector == line and not bodies[b].role and rank[bodies[b].level] < rank[level]
                    and any(_ties_to_work(policy, area, d, b) for d in ds) for b, ds in lined)
    return got


def note_untied(policy: PolicyView, ctx: Context, area: str, kind: str | None, level: str, sector: str | None
                ) -> None:
    """Lists :data:`UNTIED` among what the verdict rests on (once) where the record's ``sector`` names a line whose
    department at ``level`` the text gives no part in the kind's area (:func:`untied_line`): the level answered as for
    a record naming no line."""
    if UNTIED not in ctx.rests_on and untied_line(policy, area, kind, level, sector):
        ctx.rests_on.append(UNTIED)


def line_without_part(policy: PolicyView, area: str, kind: str | None, level: str, line: str | None) -> str | None:
    """What a finding naming ``level``'s role rests on, in the role body's place, for a record whose line is ``line``
    where that line's department there (one of the rules' bodies, not the role) is not the department whose part the
    problem is: :data:`UNTIED` where the line holds no duty of the area at the level (:func:`untied_line`),
    :data:`NO_PART` where it holds some but the line leaves a work stage of the kind there idle and no department of
    it stands in (:meth:`PolicyView.line_idle`, :meth:`PolicyView.line_stand_in`: 县财政 in a project's ledger,
    二(五)5 省市 抽查). The findings are those of a record naming no line either way; only what the verdict says of
    the role changes (check56 L1/L2).
    :data:`UNNAMED_LINE` where the level has no department of the line the rules name (二(四)5 其他行业主管部门: the
    county's agriculture department): the role stands for it, so the role's own "the record does not say which" is
    not true either (check56 L4). None otherwise: a record naming no line, a line that names its department.

    >>> import responsibility
    >>> p = responsibility.load()
    >>> line_without_part(p, "projects", "project_ledger_incomplete", "county", "finance")
    'line_without_part'
    >>> line_without_part(p, "projects", "project_records_incomplete", "county", "construction") is None
    True
    >>> line_without_part(p, "funds", "funds_allocation_irregular", "county", "agriculture")
    'line_department_unnamed'
    """
    if line is None or kind is None or level not in policy.roles:
        return None
    memo: dict[tuple[str, str, str, str], str | None] = policy._memo("derive: line without part", dict)
    key = (area, kind, level, line)
    if key in memo:
        return memo[key]
    own = line_department(policy, level, line)
    got: str | None = None
    if own is not None and policy.bodies[own].role:
        got = UNNAMED_LINE
    elif own is not None:
        if untied_line(policy, area, kind, level, line):
            got = UNTIED
        elif policy.line_stand_in(area, kind, level, line) is None \
                and any(policy.line_idle(area, kind, stage, level, line) for stage in WORK_STAGES):
            got = NO_PART
    memo[key] = got
    return got


def late_stand_in(policy: PolicyView, level: str) -> str:
    """The body a ``level`` with departments stands for when the department receiving_level_body would name is one
    the record shows the level handed the problem to only after its limit (fidelity12 G3c): that department did not
    have it before, and which body did the record does not say. At the county, which keeps 一(三)'s lists, the body of
    it with the duty to pass the problem on that the record does not name (:func:`level_holders_unnamed`:
    县（市、区）负有该问题交办上报职责的机构（记录未写明）) — not the 问题所属部门, which stands for the very department
    the record shows did not have it (check51b #3, X06); elsewhere the level's role, unresolved, once."""
    unnamed = level_holders_unnamed(policy, level) if keeps_lists(policy, level) else None
    return unnamed or policy.roles[level]


def line_department(policy: PolicyView, level: str, line: str) -> str | None:
    """The body that stands for ``line`` at ``level``: the line's department there, else the level's role body (a line
    the level has no department of); None at a level without a role body (the village, the township: their holders).
    A level named as concealer stands for it where :func:`line_holder` decides nothing (:func:`line_concealer`)."""
    memo: dict[tuple[str, str], str | None] = policy._memo("derive: line department", dict)
    key = (level, line)
    if key not in memo:
        role = policy.roles.get(level)
        memo[key] = None if role is None else next(
            (b.id for b in policy.bodies.values() if b.level == level and b.sector == line and not b.role), role)
    return memo[key]


def receiving_body(policy: PolicyView, area: str, kind: str | None, level: str, sector: str | None,
                   prank: int) -> str | None:
    """The body a ``level`` with departments (the county, the city, the province) stands for when it received a
    problem of ``kind`` in ``area``, placed at level rank ``prank``, through no body the record names — reported to
    the level, or found there by nobody named — by ``receiving_level_body: unresolved``; None where the parameter
    decides nothing: a level without a role body (the village and the township: their holders), or one with at most
    one holder of the handling stage for the problem (it answers either way).

    一(三) 县级建立问题发现和整改情况台账…列出问题清单、责任清单 sorts what reaches the county to the body whose problem
    it is, and 省市两级及时回应基层反映问题 names no body; 一(四) holds liable 相关工作人员: where several bodies of the
    level hold the handling of the kind, the record does not say which of them had it. The record's ``sector`` names
    the department of that line at the level where it has a part in the problem; without one, :func:`standing_body`
    (the kind's one department, else the role, unresolved, once) — as a level named as concealer (review23 #1: the
    county too).

    >>> import responsibility
    >>> p = responsibility.load()
    >>> receiving_body(p, "education", "education_policy_gap", "city", None, 1)
    'city_sector_department'
    >>> receiving_body(p, "education", "education_policy_gap", "city", "civil_affairs", 1)
    'city_civil_affairs'
    >>> receiving_body(p, "housing", "housing_renovation_late", "county", None, 1)  # the kind's one department
    'county_construction'
    >>> receiving_body(p, "water", "water_project_irregular", "city", None, 1)  # 二(六)5(6), not the 扶贫办's 二(二)5
    'city_water'
    >>> receiving_body(p, "funds", "funds_diverted", "city", None, 1)  # 二(四)7 ties 财政 and 扶贫 alike
    'city_sector_department'
    >>> receiving_body(p, "water", "water_emergency_failure", "city", None, 4)  # placed at the city: not its 扶贫办
    'city_holders_unnamed'
    """
    memo: dict[tuple[str, str | None, str, str | None, int], str | None] = policy._memo(
        "derive: receiving body", dict)
    key = (area, kind, level, sector, prank)
    if key in memo:
        return memo[key]
    got: str | None = None
    if level in policy.roles:
        stage = policy.failures["not_handled"].stage if "not_handled" in policy.failures else "handling"
        held = {b: ds for b, ds in policy.stage_reaching(area, kind, stage, None, prank).items()
                if policy.bodies[b].level == level}
        if len(held) > 1:
            # (a line whose department here the text gives no part in the kind's area at all says nothing of which
            # of the level's holders had it: as a record naming none — not the one holder left among the line's, 县财政
            # for a funds allocation a record puts in 审计's line; :func:`untied_line`)
            line = None if untied_line(policy, area, kind, level, sector) else policy.sector_of(sector)
            if line is not None:
                # the line's department where the text gives it a part in passing the problem on: it holds the
                # kind's handling there for a problem of its line (二(二)3 涉及本部门问题的…分类办理)
                ours = {b: ds for b, ds in policy.stage_reaching(area, kind, stage, line, prank).items()
                        if policy.bodies[b].level == level}
                # (a line whose department has no such part here — 县民政局 in an unreported dangerous house: 二(六)4(3)
                # gives the county's part to 县建设部门; 市卫健 in a city's water policy — names the one body the kind
                # gives the line's holders, not each, which named the 扶贫办 for a policy gap through 二(二)5
                # 指导督促基层 beside the line's department, nor a department with no part in it as the one that
                # received it: review37 D1)
                got = line_holder(policy, area, kind, level, line, held, ours, stage)
                if got is None:
                    # else (the role would stand for the line the record names): the line's department where the text
                    # gives it a part in the area; else the level's holders of that line answer (the rules resolve
                    # them)
                    # (a part of the area's own work, not 二(二)5's 指导督促基层 alone: check51 #1)
                    got = line_department(policy, level, line) if line_tie(policy, area, kind, level, line) else None
                if got is None and len(ours) > 1:
                    # a line whose department has no part in the problem at all, where several of the level hold its
                    # handling for that line: the line says nothing of which of them had it, and the level answers as
                    # for a record naming no line — not each of them (check38: the province's 扶贫、财政、民宗 each
                    # named for a project's system entry a record put in 农业's line, 二(五)5 抽查 naming three)
                    got = standing_body(policy, area, kind, level, held, stage)
            else:
                got = standing_body(policy, area, kind, level, held, stage)
        elif held and _guides_only(policy, area, held):
            # a city or the province whose one holder of the kind's handling holds it only by 二(二)5
            # 省市有关部门…负责指导督促基层问题发现和整改 (the 扶贫办: a guidance duty of no part in the area's work,
            # not one to pass problems on), or, for a problem placed at its own code, by 二(一)1(3)'s 同级 daily
            # business alone (read as the county's keeper of the lists, whom such a record does not show had it;
            # review44 D2):
            # 一(三) 省市两级及时回应基层反映问题 names no body, and the record does not show the office had it
            # (review41b D1) — the department the text ties to the kind's work at the level, else the role, once
            got = pressing_department(policy, area, kind, level, policy.sector_of(sector), prank)
        if got is not None and got == level_holders_unnamed(policy, level):
            # (the one body whose own item the kind is, beside the keeper of the lists, as the kind's one department
            # is; check57 #5. Several holding it together stand for it in derive, each answering: :func:`item_holders`)
            one = item_holders(policy, area, kind, level, prank)
            if len(one) == 1:
                got = one[0]
    memo[key] = got
    return got


def item_holders(policy: PolicyView, area: str, kind: str | None, level: str, prank: int) -> tuple[str, ...]:
    """The bodies of ``level`` whose own item the kind ``kind`` in ``area`` is, where the level's stand-in
    (:func:`level_holders_unnamed`) would stand for them and a keeper of the lists beside them: the level's holders of
    the handling stage (for a problem placed at level rank ``prank``) less those whose part there is only to pass on a
    problem of another area's work (the county's keeper, 一(三) 列出问题清单、责任清单, a duty of the discovery area),
    where those left hold one item together and are themselves to rectify it (:func:`holds_own_work`) —
    县（市、区）党委、政府 for 二(六)1(4) 确保低收入农户每户有一名干部联系，每月联系一次 and for 二(六)2(3)
    统筹协调…学生资助管理机构、人员和经费保障. ``()`` elsewhere: at a level that keeps no lists (the city and the
    province: 一(三) 省市两级及时回应基层反映问题 names no body), and for a unit a level's find may not reach
    (accountability.yaml not_discovered ``below_own_level``: the school of 二(六)2(1), which answers 应发现未发现 for
    what the county found, unit_below_own_level).

    一(三)'s lists sort what reaches the county to the body whose problem it is, and a record naming no body does not
    show the keeper had it (receiving_level_body): where no department has a part in the kind, the one item's holders
    are known from the kind, as the one department is where one has (:func:`standing_body`: 县建设部门 for a dangerous
    house, beside the keeper). The text names the holders of such an item together (县（市、区）党委、政府), so they
    answer together, as they answer its 应发现未发现 and 整改不到位; the stand-in, unresolved, stays where the holders
    left hold different items, or where the keeper's part is the kind's own area's (a missing mechanism, 二(二)4 beside
    一(三): the lists are part of the mechanism; check57 #5).

    >>> import responsibility
    >>> p = responsibility.load()
    >>> item_holders(p, "basic_needs", "basic_needs_contact_missing", "county", 1)
    ('county_party_committee', 'county_government')
    >>> item_holders(p, "education", "education_aid_procedure_irregular", "county", 1)  # the school: below its level
    ()
    >>> item_holders(p, "discovery", "mechanism_missing", "county", 1)
    ()
    """
    memo: dict[tuple[str, str | None, str, int], tuple[str, ...]] = policy._memo("derive: item holders", dict)
    key = (area, kind, level, prank)
    got = memo.get(key)
    if got is None:
        got = ()
        if kind is not None and keeps_lists(policy, level) and level_holders_unnamed(policy, level) is not None:
            stage = policy.failures["not_handled"].stage if "not_handled" in policy.failures else "handling"
            aside = policy.role_stands_aside
            held = {b: ds for b, ds in policy.stage_reaching(area, kind, stage, None, prank).items()
                    if policy.bodies[b].level == level and not aside(area, kind, stage, b, ds)}
            own = {b: ds for b, ds in held.items() if not all(
                set(policy.duties[d].kinds) <= PASSING_ON and policy.duty_area[d] != area for d in ds)}
            below = policy.failures["not_discovered"].below_own_level if "not_discovered" in policy.failures else ()
            if own and len(own) < len(held) and len({frozenset(ds) for ds in own.values()}) == 1 \
                    and all(holds_own_work(policy, area, kind, b, prank, None) and policy.bodies[b].kind not in below
                            for b in own):
                got = tuple(own)
        memo[key] = got
    return got


def sole_holder(policy: PolicyView, area: str, kind: str | None, level: str, prank: int) -> str | None:
    """The one body of ``level`` that holds the handling of ``kind`` in ``area`` for a problem placed at level rank
    ``prank``, where it is the only one (:func:`receiving_body` gives None there: it answers under either value of
    receiving_level_body); None where several hold it, or none.

    A problem reported to such a level through no body named reached that body as surely as one naming it: what its
    sitting on it is, where it is itself the one to rectify it, is rectifier_holding's as for a named receiver (check48a
    #2: 省扶贫办 sat on a 共性问题 reported to the province, 一(三) 省市两级…做好共性问题整改, and the finding neither
    rested on rectifier_holding nor flipped under its other value).

    >>> import responsibility
    >>> p = responsibility.load()
    >>> sole_holder(p, "discovery", "common_policy_problem", "province", 1)
    'province_poverty_office'
    >>> sole_holder(p, "housing", "housing_policy_gap", "province", 1) is None  # 省建设厅 and 省扶贫办 hold it
    True
    """
    memo: dict[tuple[str, str | None, str, int], str | None] = policy._memo("derive: sole holder", dict)
    key = (area, kind, level, prank)
    if key not in memo:
        stage = policy.failures["not_handled"].stage if "not_handled" in policy.failures else "handling"
        held = [b for b in policy.stage_reaching(area, kind, stage, None, prank)
                if policy.bodies[b].level == level]
        memo[key] = held[0] if len(held) == 1 else None
    return memo[key]


def switched_rectifier(policy: PolicyView, area: str, kind: str | None, level: str, body: str, prank: int) -> bool:
    """Whether ``level``'s part in rectifying ``kind`` (``body``'s, where one is named) for a problem placed at level
    rank ``prank`` comes only through duties a parameter switches on (``applies_if``): the county's departments'
    二(二)3 part in a township's project ledger (ledger_county_rectifier). A finding on its rectification then rests on
    that parameter, whoever it names (:data:`CHOSEN_SWITCHED`; check48b #1).

    >>> import responsibility
    >>> p = responsibility.load()
    >>> switched_rectifier(p, "projects", "project_ledger_incomplete", "county", "", 1)
    True
    >>> switched_rectifier(p, "projects", "project_ledger_incomplete", "township", "", 1)
    False
    """
    memo: dict[tuple[str, str | None, str, str, int], bool] = policy._memo("derive: switched rectifier", dict)
    key = (area, kind, level, body, prank)
    if key not in memo:
        if body:  # (a named body's own duties: an own_sector one is held by it, not by the level's role)
            duties = [d for d in policy.stage_duties(area, kind, "rectification") if body in policy.duties[d].holders]
        else:
            duties = [d for b, ds in policy.stage_reaching(area, kind, "rectification", None, prank).items()
                      if policy.bodies[b].level == level for d in ds]
        # (switch_of: not a duty whose other reading gives the body the same words — 二(六)5(6)'s water twin)
        memo[key] = bool(duties) and all(
            policy.switch_of(d, b) is not None for d in duties
            for b in ((body,) if body else [h for h in policy.duties[d].holders if policy.bodies[h].level == level]))
    return memo[key]


def guiding_receiver(policy: PolicyView, area: str, kind: str | None, level: str, prank: int) -> str | None:
    """The department a city or the province that received a problem of ``kind`` placed at level rank ``prank`` through
    no body named stands for under receiving_level_body: handling_holders, where its one holder of the handling only
    guides the grassroots (:func:`_guides_only`): :func:`guiding_level_department`, as a level named as concealer
    stands for under concealing_level_body: handling_holders — 市民政 for an identification problem (二(三)6; the 扶贫办
    only 协助, 二(三)7), not the office (fid48's left item); None elsewhere (the level's holders answer).

    >>> import responsibility
    >>> p = responsibility.load()
    >>> guiding_receiver(p, "identification", "identification_ineligible_included", "city", 1)
    'city_civil_affairs'
    >>> guiding_receiver(p, "housing", "housing_renovation_late", "county", 1) is None
    True
    """
    memo: dict[tuple[str, str | None, str, int], str | None] = policy._memo("derive: guiding receiver", dict)
    key = (area, kind, level, prank)
    if key not in memo:
        got = None
        if level in policy.roles and not keeps_lists(policy, level):
            stage = policy.failures["not_handled"].stage if "not_handled" in policy.failures else "handling"
            held = {b: ds for b, ds in policy.stage_reaching(area, kind, stage, None, prank).items()
                    if policy.bodies[b].level == level}
            if held and _guides_only(policy, area, held):
                # (read at the problem's place, as receiving_body reads it: a problem placed at the city's own code
                # ties no department there, and the level's holders answer — test_fid44b)
                got = pressing_department(policy, area, kind, level, None, prank)
                if got is not None and (policy.bodies[got].role or got == level_holders_unnamed(policy, level)):
                    got = None
        memo[key] = got
    return memo[key]


def _guides_only(policy: PolicyView, area: str, held: Mapping[str, tuple[str, ...]]) -> bool:
    """Whether a level's one holder of a kind's handling (``held``) holds it only by duties of no part in the area's
    work (of another area, or by another section's words: :func:`_area_work`) that reach only problems below its
    level (二(二)5 指导督促基层, rules/areas/discovery.yaml discovery_province_city_offices_guide) or only its own
    level's (二(一)1(3) 各级扶贫办要承担同级扶贫开发领导小组日常事务, discovery_province_city_offices_own_level): no
    part the text gives it in this area's work (review41b D1). The second is read as the county's keeper of the lists
    is (一(三)): a record naming no body at the city or the province does not show the office had a problem placed
    there, as at the county it does not show the keeper had it, so receiving_level_body decides who stands for the
    level, as it does for the same problem placed below."""
    if len(held) != 1:
        return False
    duties = next(iter(held.values()))
    return bool(duties) and all(not _area_work(policy, area, d) and policy.duties[d].reach in ("below", "own_level")
                                for d in duties)


def _area_work(policy: PolicyView, area: str, duty: str) -> bool:
    """Whether ``duty`` gives its holder a part in ``area``'s own work (:func:`_guides_only`,
    :func:`pressing_department`): a duty of the area by a clause of the area's own section. The discovery area lists
    二(一)1(3) 各级扶贫办要承担同级扶贫开发领导小组日常事务 (discovery_province_city_offices_own_level) for its own
    kinds too; its words are 二(一)'s daily business, the same for a specific problem as for a water problem, and give
    the office no more of a part in a specific problem of its level than in a water one (review44 D2's over-blame,
    left there for the discovery area's own kinds).

    >>> import responsibility
    >>> p = responsibility.load()
    >>> _area_work(p, "discovery", "discovery_province_city_offices_own_level")
    False
    >>> _area_work(p, "discovery", "discovery_province_city_offices_guide")
    True
    >>> _area_work(p, "water", "discovery_province_city_offices_guide")
    False
    """
    if policy.duty_area[duty] != area:
        return False
    # (kept per policy view: placements ask it for every duty of every holder they weigh, and it walks every area)
    memo: dict[tuple[str, str], bool] = policy._memo("derive: area work", dict)
    got = memo.get((area, duty))
    if got is None:
        own = policy.areas[area].clause
        clause = policy.duties[duty].clause
        # (a duty of the area quoting 一 — 一(三)'s lists, 一(一)'s find — has no section of another area: the area's)
        got = memo[area, duty] = not any(a.clause != own and _under(clause, a.clause) for a in policy.areas.values())
    return got


def _under(clause: str, section: str) -> bool:
    """Whether ``clause`` is ``section`` or one of its items (二(六)1(3) under 二(六)1, not 二(六)10 under 二(六)1).

    >>> _under("二(一)1(3)", "二(一)"), _under("二(六)10", "二(六)1"), _under("二(二)5", "二(二)")
    (True, False, True)
    """
    return clause.startswith(section) and (len(clause) == len(section) or not (
        section[-1].isdigit() and clause[len(section)].isdigit()))


def pressing_department(policy: PolicyView, area: str, kind: str | None, level: str, line: str | None,
                        prank: int) -> str | None:
    """The body of ``level`` (the city, the province) that stands for it by ``receiving_level_body: unresolved`` where
    its only holder of the kind's handling guides the grassroots (:func:`_guides_only`): the one body of the level
    (the 扶贫办 included, a duty that only assists — 二(三)7 协助 — not counted) the text gives a part in the kind's own
    work in its area, at any stage (二(六)5(6)
    省市行业主管部门…指导、协调和督促农村饮用水达标提标工程建设: 市水利; 二(六)4(6)
    省市住房城乡建设部门…督促农村危旧房改造工作: 市住建) — the record's line's where it is one of them — else the
    level's role (市相关部门（问题所属部门）), unresolved, once; None at a level without a role. ``prank``: the place's
    level rank — only duties that reach the problem count (市财政's allocation reaches its own level's funds only).

    >>> import responsibility
    >>> p = responsibility.load()
    >>> pressing_department(p, "water", "water_project_irregular", "city", None, 3)
    'city_water'
    >>> pressing_department(p, "housing", "housing_renovation_late", "province", None, 3)
    'province_construction'
    """
    role = policy.roles.get(level)
    if role is None:
        return None
    bodies = policy.bodies

    # (every body of the level the kind's own clause names as a principal counts, the 扶贫办 included: 二(四)7
    # gives the use of funds to 财政 加强扶贫资金使用监管 and to 扶贫…部门 统筹监督 — two principals, so the role
    # once, not 财政 (check42); a duty that only assists (二(三)7 省市扶贫办：协助民政部门) ties no one)
    def tied(at: str | None, role_too: bool = False) -> list[str]:
        return list(dict.fromkeys(
            b for st in STAGES for b, ds in policy.stage_reaching(area, kind, st, at, prank).items()
            if bodies[b].level == level and (role_too or not bodies[b].role)
            and any(_ties_to_work(policy, area, d, b) for d in ds)))

    if line is not None:
        mine = [b for b in tied(line) if bodies[b].sector == line]
        if mine:
            return mine[0]
        # (else the line's department where the text gives it a part in the area, as receiving_body reads a line;
        # the role would stand for the line the record names — a line whose department has none says nothing)
        # (not a part that only a switched-on reading gives it: water_policy_health_departments' 市卫健; nor 二(二)5's
        # 指导督促基层 alone, which every department of the level holds: 市水利 in a project's management, which 二(五)5
        # gives 扶贫、财政、民宗等部门 — it was named 未及时交办上报 with no clause; check51 #1)
        if line_tie(policy, area, kind, level, line):
            return line_department(policy, level, line)
        # (a line the kind's work is below, which the level's duties read by line give no body here — the 扶贫办's
        # line in the supplementary insurance, 二(六)3(3)/(5): the level's body the record does not name, not the role
        # standing for the departments of the other lines; :func:`line_leaves_level_none`)
        if line_leaves_level_none(policy, area, kind, level, line):
            return level_holders_unnamed(policy, level) or role
    found = tied(None)
    if len(found) == 1:
        return found[0]
    # (no body of the level tied to the kind at all, nor the role for the departments a clause names together
    # (二(六)3(5) 医保、卫健等, 二(六)2(4) 教育、财政、民政…): 二(六)1(4) 干部联系 is the county Party committee's and
    # government's and 二(六)1(5) is silent; a water unit's self-testing 二(六)5(3) is the county unit's — the role
    # 市相关部门（问题所属部门） would say a department's line exists when none does (check42 C3): the level's body
    # standing for the one the record does not name, once, as the county's (review34 F5); several tied: the role;
    # a record naming no kind says nothing of which work it is — whose line, the role says, as before)
    return (None if found or kind is None or tied(None, True) else level_holders_unnamed(policy, level)) or role


def _ties_to_work(policy: PolicyView, area: str, duty: str, body: str) -> bool:
    """Whether ``duty`` ties ``body`` to the work of a kind in ``area`` (:func:`pressing_department`): a duty of the
    area's own work (:func:`_area_work`), not 二(二)3's 涉及本部门问题 held by every department (scope area_holders),
    not one that only assists (二(三)7 省市扶贫办：协助民政部门), nor one a parameter switches on for the body
    (water_policy_health_departments' 市卫健: the choice of receiver rests on no other reading)."""
    d = policy.duties[duty]
    return _area_work(policy, area, duty) and d.scope != "area_holders" and "assistance" not in d.kinds \
        and policy.switch_of(duty, body) is None


def keeps_lists(policy: PolicyView, level: str) -> bool:
    """Whether a body of ``level`` keeps 一(三)'s lists (县级建立问题发现和整改情况台账，按照问题类别…列出问题清单、
    责任清单): holds a duty of that clause to pass problems on (kind ``assignment``: discovery_county_ledger). The
    county only; 一(三) gives the city and the province 及时回应基层反映问题 and no lists
    (misrouted_level_holder: 仅适用于县级)."""
    memo: dict[str, bool] = policy._memo("derive: keeps lists", dict)
    if level not in memo:
        memo[level] = any(d.clause == "一(三)" and "assignment" in d.kinds
                          and any(policy.bodies[h].level == level for h in d.holders) for d in policy.duties.values())
    return memo[level]


def level_holders_unnamed(policy: PolicyView, level: str) -> str | None:
    """The body of ``level`` of kind ``unresolved_holders`` (县（市、区）负有该问题交办上报职责的机构（记录未写明）,
    市级/省级掌握该问题的机构（记录未写明）), which stands for the body of the level a record does not name, where no
    department of the level has a part in the kind; None where the level has none.

    >>> import responsibility
    >>> level_holders_unnamed(responsibility.load(), "city")
    'city_holders_unnamed'
    """
    memo: dict[str, str | None] = policy._memo("derive: level holders unnamed", dict)
    if level not in memo:
        memo[level] = next((b.id for b in policy.bodies.values() if b.level == level and b.kind == UNNAMED_HOLDERS),
                           None)
    return memo[level]


#: The stages whose duties tie a city's or the province's department to a kind's work (:func:`tied_elsewhere`).
_TIED_STAGES: tuple[Stage, ...] = ("discovery", "rectification", "supervision")


def tied_elsewhere(policy: PolicyView, area: str, kind: str, prank: int, body: str, sector: str | None
               ) -> tuple[str, ...]:
    """The duties of ``body`` (a department of a city or the province) in the kind's own area at the stages other
    than handling (discovery, rectification, supervision) that reach the problem's place, where its level's one
    holder of the kind's handling holds it only by duties of another area reaching below (:func:`_guides_only`:
    二(二)5); ``()`` elsewhere. The duties by which
    :func:`pressing_department` ties a department to the work (not scope area_holders: 二(二)3's
    generic 涉及本部门问题), in the record's line, else as for a record naming none (review41b D1). The level's role
    (市相关部门（问题所属部门）, which pressing_department names where several departments are so tied, or none)
    answers with the duties it holds there for a record naming no line, which stand for those departments'
    (二(六)3(5) 医保、卫健等相关行业主管部门…统筹协调、督促落实; 二(六)2(4) 教育、财政、民政…指导、协调
    教育扶贫政策的落实); where it holds none (f25b-1), with none. A verdict's finding on it cites these, and a route
    naming it as a handler names them alike."""
    b = policy.bodies[body]
    if policy.roles.get(b.level) is None:
        return ()
    stage = policy.failures["not_handled"].stage
    held = {x: ds for x, ds in policy.stage_reaching(area, kind, stage, None, prank).items()
            if policy.bodies[x].level == b.level}
    if not held or body in held or not _guides_only(policy, area, held):
        return ()
    for line in (None,) if b.role else dict.fromkeys((sector, None)):
        got = tuple(dict.fromkeys(
            d for st in _TIED_STAGES for d in (policy.stage_reaching(area, kind, st, line, prank).get(body) or ())
            if _area_work(policy, area, d) and policy.duties[d].scope != "area_holders"))
        if got:
            return got
    return ()



def standing_for(policy: PolicyView, area: str, kind: str | None, level: str, body: str, failure: str,
                 prank: int | None = None) -> tuple[str, ...]:
    """The bodies a body chosen to stand for ``level`` (:func:`receiving_body`, :func:`concealing_role`:
    one the record does not name) names: by ``sectorless_alternatives: every_holder``, the role
    (问题所属部门) chosen where departments of the level each hold for their own part (``scope:
    by_sector``) the kind's stage ``failure`` is judged at (二(六)3(3) 医保…核算、汇总上报 /
    县财政局负责资金拨付) is each such department — every_holder "names each such department
    instead" (review35b F4: a county that sat on a late medical assistance named
    县（市、区）行业主管部门（问题所属部门） under either value); else ``(body,)``. The stand-in of a
    level's several holders of a kind no department has a part in (``unresolved_holders``: the
    Party committee, the government, the 扶贫办, 二(二)4) is not such a role: they are not
    departments each for its own part, and only ``handling_holders`` names each of them.
    ``prank``: the place's level rank, for the duties that reach it (:meth:`PolicyView.reaching`),
    where the caller read them so."""
    memo: dict[tuple[str, str | None, str, str, str, int | None], tuple[str, ...]] = policy._memo(
        "derive: standing for", dict)
    key = (area, kind, level, body, failure, prank)
    got = memo.get(key)
    if got is None:
        got = (body,)
        b = policy.bodies.get(body)
        if b is not None and b.role and SECTORLESS in policy.parameters \
                and policy.parameter(SECTORLESS) == "every_holder" and policy.has_alternatives(area, kind):
            stage = policy.failures[failure].stage if failure in policy.failures else "handling"
            held = policy.stage_holders(area, kind, stage)
            if prank is not None:
                held = policy.reaching(held, prank, area, kind, stage)
            aside = policy.role_stands_aside
            departments = tuple(x for x, ds in held.items() if policy.bodies[x].level == level
                                and policy.bodies[x].kind == b.kind and not policy.bodies[x].role
                                and any(policy.duties[d].scope == "by_sector" for d in ds)
                                and not aside(area, kind, stage, x, ds))
            if len(departments) > 1:  # (alternatives: 2 or more, as PolicyView._by_sector_alternatives)
                got = departments
        memo[key] = got
    return got


def assignee_rectifies(policy: PolicyView, area: str, kind: str | None, body: str, prank: int,
                       sector: str | None = None) -> bool:
    """Whether ``body``, named as the assignee of a problem of ``kind`` in ``area`` placed at level rank
    ``prank``, rectifies it (:meth:`PolicyView.has_rectification_duty`) — not where it is a level's Party
    committee or government whose rectifying duty in the kind stands beside a department's of the same
    item (二(六)4(5) 组织做好…治理改造工作 beside 二(六)4(3) 县建设部门; :func:`~._compile.level_leaders`)
    and level_assignment_leaders (press) reads them as leading and pressing that department (二(二)4;
    二(一) 党委领导、政府负责): an assignment naming 县政府 is then one to the county as a whole
    (assignment_without_rectification_duty: level_holds), its departments rectifying and its leaders
    pressing, as for an assignment naming no body (review35b F2). The bulk path asks it too."""
    if not policy.has_rectification_duty(area, kind, body, prank, sector):
        return False
    if LEADERS not in policy.parameters or policy.parameter(LEADERS) != "press":
        return True
    return not leading_rectifier(policy, area, kind, body, prank)


def leading_rectifier(policy: PolicyView, area: str, kind: str | None, body: str, prank: int) -> bool:
    """Whether ``body`` is a level's Party committee or government whose rectifying duty in ``kind`` stands beside a
    department's of the same item (:func:`~._compile.level_leaders`: 二(六)4(5) 组织做好…治理改造工作 beside 二(六)4(3)
    县建设部门), so that whether it rectifies the kind or leads and presses that department is level_assignment_leaders'
    (press: 二(二)4, 二(一) 党委领导、政府负责), whatever the parameter's value."""
    if LEADERS not in policy.parameters:
        return False
    level = policy.bodies[body].level
    held = tuple(Holder(b, ds) for b, ds in policy.stage_reaching(area, kind, "rectification", None, prank).items()
                 if policy.bodies[b].level == level)
    return body in level_leaders(policy, area, policy.level_rank[level], held)


def place_level_body(policy: PolicyView, area: str, kind: str | None, level: str, sector: str | None) -> str | None:
    """The body that answers for a problem of ``kind`` in ``area`` assigned to ``level``, the problem's place, by an
    assignment naming no body, where nobody from the place up to the assigner can rectify the kind (a house's renovation
    placed at a city code): by ``place_above_rectifiers: place_level_assignee`` such an assignment counts as one to a
    named body of the level does. The department of the record's ``sector`` at the level where the text gives it a part
    in the problem; else the level's role body (市相关部门（问题所属部门）), unresolved, once — the record does not
    say which department took it, and no department of the level holds the kind's rectification to name (review32
    F3). A record with no kind (``kind`` None) alike: its area's rectifiers are the text's general ones (二(二)1–3;
    二(二)5 only 指导督促基层), none at a city or the province, and the record names no department — the role once,
    not the area's every department of the level (fid33a). None for a level without a role body.

    >>> import responsibility
    >>> p = responsibility.load()
    >>> place_level_body(p, "housing", "housing_renovation_late", "city", None)
    'city_sector_department'
    >>> place_level_body(p, "housing", "housing_renovation_late", "city", "construction")
    'city_construction'
    """
    role = policy.roles.get(level)
    if role is None:
        return None
    line = policy.sector_of(sector)
    if line is not None:
        got = next((b.id for b in policy.bodies.values() if b.level == level and b.sector == line and not b.role
                    and policy.has_part(area, kind, b.id, line)), None)
        if got is not None:
            return got
    return role


def gives_way(policy: PolicyView, area: str, kind: str | None, level: str, body: str, prank: int) -> bool:
    """Whether ``body``, named as the finder or the receiver of a problem of ``kind`` in ``area`` placed at level rank
    ``prank`` at ``level``, gives way to its level's holders of the handling of it (accountability.yaml not_handled
    ``gives_way``: an audit office, a discipline commission, the media, 二(一)2) — holding no part in that handling
    itself (reach counted). Such a body says no more of which of the level's bodies had the problem than a record
    naming none: receiving_level_body decides, as for a record naming none (review27 #2: the level's every holder had
    answered, 县扶贫办 beside 县建设部门, on no parameter). The bulk path asks it too (batch/_core.derive)."""
    memo: dict[tuple[str, str | None, str, str, int], bool] = policy._memo("derive: gives way", dict)
    key = (area, kind, level, body, prank)
    got = memo.get(key)
    if got is None:
        failure = policy.failures.get("not_handled")
        stage = failure.stage if failure is not None else "handling"
        got = memo[key] = failure is not None and policy.bodies[body].kind in failure.gives_way \
            and body not in policy.stage_reaching(area, kind, stage, None, prank)
    return got


#: Duty kinds that pass a problem on rather than do its work (vocabulary.yaml: 交办, 上报, 指导督促): a body
#: whose part in rectifying a kind is only such a duty (the keeper's 整改清单, 一(三); 二(二)5 指导督促基层)
#: disposes of it by passing it on, and answers for not doing so (:func:`holds_own_work`).
PASSING_ON = frozenset({"assignment", "reporting", "guidance"})


def oversight_organ(policy: PolicyView, body: str) -> bool:
    """Whether ``body`` is a supervisory organ of a level with departments, one that passes what it finds to its level
    (accountability.yaml not_handled ``gives_way``: 纪委监委, 审计, 人大, 政协 — 二(一)2(1)–(3)) and has a line of the
    level's own (a ``sector``): not the 12317 platform or the media (二(一)2(4)), which belong to no level. A report to
    one is, by report_to_oversight (level_receives), a report to its level (review27 #4). The bulk path asks it too."""
    memo: dict[str, bool] = policy._memo("derive: oversight organ", dict)
    got = memo.get(body)
    if got is None:
        failure = policy.failures.get("not_handled")
        got = memo[body] = failure is not None and policy.bodies[body].kind in failure.gives_way \
            and level_body(policy, body)
    return got


def level_body(policy: PolicyView, body: str) -> bool:
    """Whether ``body`` belongs to a level with departments (a line of the level's own, a ``sector``): a report to
    one is, by report_to_oversight (any_receiver), a report its level received — not one to the 12317 platform or
    the media (二(一)2(4)), which belong to no level (placed at the province, they would make the province's
    holder answer for what a township told the press). The bulk path asks it too."""
    b = policy.bodies[body]
    return b.sector is not None and b.level in policy.roles


def holds_own_work(policy: PolicyView, area: str, kind: str | None, body: str, prank: int,
                   sector: str | None) -> bool:
    """Whether ``body``, holding a problem of ``kind`` in ``area`` placed at level rank ``prank`` (whose line is
    ``sector``) as its finder or receiver, is itself the one to rectify it: it holds at the rectification stage a duty
    of its own that does the kind's work, not one that only passes it on (:data:`PASSING_ON`) or presses the levels
    below (二(二)5). Such a body has no 交办 to make (二(二)3 负责涉及本部门问题的动态发现、分类办理、即时整改):
    whether what it sat on is 没有按程序及时交办 or its own 整改不到位 is rectifier_holding's (一(四); review27 #9:
    县民政局 told of an application not approved, 二(三)3). Duties read as :meth:`PolicyView.has_rectification_duty`
    reads them for the record's line; 二(二)3 of another area only where the kind gives the body's line a part. Not a
    level's Party committee or government whose part stands beside a department's of the same item, where
    level_assignment_leaders (press) reads it as leading and pressing that department (:func:`leading_rectifier`):
    "a body whose part in rectifying is only to pass the problem on … is not such a body" (rectifier_holding), and
    press gives it no rectifying duty of its own (check49b #3: 县党委 told of a late renovation it sat on was named
    整改不到位 under rectifier_holding: not_rectified, on no word of level_assignment_leaders). The bulk path asks it
    too (batch/_core)."""
    memo: dict[tuple[str, str | None, str, int, str | None], bool] = policy._memo("derive: holds own work", dict)
    key = (area, kind, body, prank, sector)
    got = memo.get(key)
    if got is None:
        got = memo[key] = _holds_own_duty(policy, area, kind, body, prank, sector) and not (
            leading_rectifier(policy, area, kind, body, prank) and policy.parameter(LEADERS) == "press")
    return got


def _holds_own_duty(policy: PolicyView, area: str, kind: str | None, body: str, prank: int,
                    sector: str | None) -> bool:
    """:func:`holds_own_work` but for level_assignment_leaders: whether ``body`` holds a rectifying duty of its own in
    the kind (kept per view)."""
    memo: dict[tuple[str, str | None, str, int, str | None], bool] = policy._memo("derive: holds own duty", dict)
    key = (area, kind, body, prank, sector)
    got = memo.get(key)
    if got is None:
        line = policy.sector_of(sector)
        duties = policy.stage_reaching(area, kind, "rectification", line, prank).get(body, ())
        own = [d for d in duties if not policy.presses_below(d)
               and not set(policy.duties[d].kinds) <= PASSING_ON
               and not (policy.duties[d].scope == "area_holders" and policy.duty_area[d] != area
                        and (line is None or kind is None or not policy.line_concerned(area, body, kind)))]
        got = memo[key] = bool(own)
    return got


def line_of(policy: PolicyView, body: str) -> str | None:
    """The line (a sector id) that naming ``body`` in a record shows: a department's own (县水利局: water); a body that
    a department of its level directs, that department's (the school, under 县教育局's 认定、审核, 二(六)2(1)–(2):
    education; the water-supply unit under 县水利局, 二(六)5(3)–(4): water); None for any other body — a level's Party
    committee, government, leading group or 扶贫办 (which keeps the lists every problem passes through, 一(三), and
    so says nothing of whose line one is), an oversight body, the media, a role.

    >>> import responsibility
    >>> p = responsibility.load()
    >>> [line_of(p, b) for b in ("county_water", "county_school", "county_water_supply_unit", "county_poverty_office")]
    ['water', 'education', 'water', None]
    """
    memo: dict[str, str | None] = policy._memo("derive: line of", dict)
    if body not in memo:
        # (a unit's line is its directing department's: the one rule, PolicyView.directing_department)
        b = policy.bodies[body]
        up = policy.directing_department(body)
        memo[body] = None if b.role else b.sector if b.kind in policy.department_kinds else (
            policy.bodies[up].sector if up is not None else None)
    return memo[body]


def assigned_line_of(policy: PolicyView, body: str) -> str | None:
    """The line naming ``body`` as the assignee of a step shows: :func:`line_of`, and for a body of
    no department that holds duties of its own line (``scope: own_sector`` or ``by_sector``), its
    own sector — the 扶贫办, whose 财政专项扶贫资金 (二(四)4) is its line's money as
    二(四)5 本部门扶贫领域资金 is each department's, and whose 项目库 (二(五)3) and
    医疗补充政策性保险 (二(六)3(3)) are its own part. An assignment is the level's 分类交办 by
    问题类别 into its 责任清单 (一(三)): the level gave the problem to the office as its own
    (review35b F3: a county's diverted funds assigned to 县扶贫办 had
    县行业主管部门（问题所属部门） press the office's own rectification, as if the money were
    another line's). Named as finder, receiver or concealer, the office shows no line
    (:func:`line_of`): it keeps the lists every problem passes through (一(三); 二(一)1(3)
    督导检查), so its having one says nothing of whose it is. Whether naming it gives a record of
    a kind its line is :func:`gives_line`'s (its part in a house's renovation is only the lists'
    keeping: none).

    >>> import responsibility
    >>> p = responsibility.load()
    >>> [assigned_line_of(p, b) for b in ("county_water", "county_poverty_office", "county_government")]
    ['water', 'poverty_office', None]
    """
    memo: dict[str, str | None] = policy._memo("derive: assigned line of", dict)
    if body not in memo:
        got = line_of(policy, body)
        if got is None and not policy.bodies[body].role:
            own = policy._memo("derive: own line holders", dict)
            if "" not in own:
                own[""] = frozenset(h for d in policy.duties.values() if d.scope in ("own_sector", "by_sector")
                                    for h in d.holders)
            got = policy.bodies[body].sector if body in own[""] else None
        memo[body] = got
    return memo[body]


def assignee_only(policy: PolicyView, body: str) -> bool:
    """Whether ``body`` gives a record its line only as an assignee (:func:`assigned_line_of`: the 扶贫办)."""
    return line_of(policy, body) is None and assigned_line_of(policy, body) is not None


def record_line(policy: PolicyView, area: str, kind: str | None, named: Iterable[str],
                assigned: Iterable[str] = ()) -> str | None:
    """The line of a record that names no ``sector`` (review23 #2, review24 #2), from the bodies it ``named``: its
    steps' assignees and receivers (``to_body``), its finder (``discovered.body``) and its concealers
    (``concealed_by``). A department gives its line (:func:`line_of`) where the text gives it a part in the problem
    in that line (:meth:`PolicyView.has_part`) and the problem can concern it (:meth:`PolicyView.line_concerned`:
    二(二)3 涉及**本部门**问题; 县民政局 handed a student the school did not identify gives no line, review23 #3): a
    problem the county handed to 县水利局 is the water line's, as 一(三) 按照问题类别…列出责任清单 sorted it there; one
    县卫健局 concealed is the health line's.

    Where the departments named give two lines (the county handed a renovation to its construction and finance bureaus;
    县卫健局's test found a water problem that 县水利局 was handed), the record's line is not known: None, as where it
    names no department. The text gives each its own part (二(二)3 按照职责分工), and the record does not say whose line
    the problem is in; taking either would count the other's steps as to a body with no part in it (not 按程序) and
    name the one line's departments for what may be the other's.

    >>> import responsibility
    >>> p = responsibility.load()
    >>> record_line(p, "education", "education_student_not_identified", ["county_education", "county_school"])
    'education'
    >>> record_line(p, "education", "education_student_not_identified", ["county_civil_affairs"]) is None
    True
    """
    # (``assigned``: bodies named as assignees, which may give a line no other naming gives: assigned_line_of)
    shown = sorted(set(named))
    extra = sorted(set(assigned))
    key = (area, kind, *shown, "|", *extra)
    memo: dict[tuple[str | None, ...], str | None] = policy._memo("derive: record line", dict)
    got = memo.get(key, "")
    if got == "":
        lines = {line for b in shown if (line := gives_line(policy, area, kind, b)) is not None}
        lines |= {line for b in extra if (line := gives_line(policy, area, kind, b, True)) is not None}
        got = memo[key] = lines.pop() if len(lines) == 1 else None
    return got


def gives_line(policy: PolicyView, area: str, kind: str | None, body: str, assigned: bool = False) -> str | None:
    """The line naming ``body`` gives a record of ``kind`` in ``area`` (:func:`record_line`, one body at a time): its
    :func:`line_of` (``assigned``: named as an assignee, its :func:`assigned_line_of`),
    where the text gives it a part in the problem in that line and the problem can concern it, and
    not all its duties in the area reach every line's work (:func:`_every_line`). The bulk path reads it too
    (batch/_core.giving_line)."""
    line = assigned_line_of(policy, body) if assigned else line_of(policy, body)
    if line is not None and assigned and assignee_only(policy, body) and not any(
            policy.duty_area[did] == area and body in d.holders and d.scope in ("own_sector", "by_sector")
            and not set(d.kinds) <= PASSING_ON for did, d in policy.duties.items()):
        # (the office's line only where the area gives it work of its own line, not the keeping of the lists that
        # passes every line's problem on: 一(三) 分类交办, discovery_county_ledger_rectify)
        return None
    if line is None or not policy.has_part(area, kind, body, line) or not policy.line_concerned(area, body, kind) \
            or _every_line(policy, area, body):
        return None
    return line


def _every_line(policy: PolicyView, area: str, body: str) -> bool:
    """Whether every duty ``body`` holds in ``area`` reaches every line's work there (``every_line``: 二(四)3
    县财政部门审核行业主管部门资金分配建议…对当地扶贫资产负全面监管责任): naming it says nothing of whose line a
    problem of the area is (s25 note item 9: a funds record handed to 县财政局 was read as the finance line's, and left
    the 扶贫办's part, 二(四)4, aside)."""
    memo: dict[tuple[str, str], bool] = policy._memo("derive: every line", dict)
    got = memo.get((area, body))
    if got is None:
        held = [d for did, d in policy.duties.items() if policy.duty_area[did] == area and body in d.holders]
        got = memo[(area, body)] = bool(held) and all(d.every_line for d in held)
    return got


def named_line(policy: PolicyView, rec: Mapping[str, Any], can_rectify: frozenset[int],
               own_levels: frozenset[int]) -> str | None:
    """The line the departments a record (``rec``: a parsed problem's fields) names give it, where it names no
    ``sector`` (:func:`record_line`): its finder, its steps' receivers and assignees, its concealers — an assignment
    only to a level among ``can_rectify`` (:meth:`PolicyView.rectifier_levels` of its kind and place), a report only
    by a level that keeps 一(三)'s lists (:func:`keeps_lists`) or is among ``own_levels``, as the finder, or to a level
    among ``own_levels``. The verdict
    (:func:`derive`) and the route read the line so (review25 #5).

    A department the record names gives its line where the record gives none (review23 #2, review24 #2): the line's
    holders answer, as for a record of that sector (县教育局 hands a student to the school: 市教育 presses it, not
    市民政、市残联…) — an assignment to a level where nobody can rectify the kind is no 交办 (一(三); irregular_step: it
    counts as none), and says nothing of whose line the problem is (a provincial policy gap handed to 市教育: R20-1).

    The finder gives its line only where it is of a level whose own bodies rectify the kind (``own_levels``:
    :meth:`PolicyView.own_rectifier_levels`): a department of another level found the problem in its own line's work
    — 市医保, which presses all medical assistance (二(六)3(5) 统筹协调、督促落实…医疗救助), or 市民政, which oversees
    its own part of renovation (二(六)4(7)) — and that says nothing of whose part failed at the level that rectifies
    it (二(六)3(3) 医保 approves, 财政 pays; 二(六)4(3) renovation is 县建设's): the record names no line, and
    sectorless_alternatives decides (review40 F1, check40 C1/C2/C5)."""
    d, kind, handled, concealed_by = rec["discovered"], rec["kind"], rec["handled"], rec["concealed_by"]
    found_by = d.__dict__["body"] if d is not None else None
    if found_by is not None and (b := policy.bodies.get(found_by)) is not None \
            and policy.level_rank.get(b.level) not in own_levels:
        found_by = None
    if d is None or not (handled or concealed_by or found_by is not None):
        return None
    # (kept per view by all it reads of the record: its area, kind, finder, concealers and each step's action and
    # receiver — what follows reads nothing else but the view's constant parts; ~4% of a decision made afresh)
    memos = policy.__dict__.get("_memos")
    memo: dict[tuple[Any, ...], str | None] | None = memos.get(_NAMED_LINE) if memos else None
    if memo is None:
        memo = policy._memo(_NAMED_LINE, dict)
    # (by the place's level rank, the only part of the place _named_line reads: keyed by the place itself, the memo
    # missed on nearly every record of a ledger of many places)
    place = rec["place"]
    mk = (rec["area"], kind, policy.level_rank[(_CODED.get(place) or coded(place))[1]], found_by, can_rectify,
          own_levels, tuple(concealed_by),
          *[(s["action"], s["to_body"], s["to_level"], s["by_level"]) for s in [h.__dict__ for h in handled]])
    got: str | None = memo.get(mk, "")
    if got != "":
        return got
    if len(memo) >= 100_000:
        memo.clear()
    got = memo[mk] = _named_line(policy, rec, kind, handled, concealed_by, found_by, can_rectify, own_levels)
    return got


#: The policy view's memo of :func:`named_line`.
_NAMED_LINE = "derive: named line"


def _named_line(policy: PolicyView, rec: Mapping[str, Any], kind: str | None, handled: Any, concealed_by: Any,
                found_by: str | None, can_rectify: frozenset[int], own_levels: frozenset[int]) -> str | None:
    """:func:`named_line` made afresh."""
    rank = policy.level_rank
    # (an assignee whose part in the kind counts for a record of its line only — 县民政局's 身份信息对比 in a
    # renovation, 二(六)4(4) — is handed the problem for its level as a whole under
    # assignment_without_rectification_duty (level_holds), and says nothing of whose line it is: the kind's own
    # rectifier answers, check49 #3; under assignee it is the assignee, and its line is the record's as before)
    unlined = bool(kind is not None and policy._memo("derive: setting", lambda: _setting(policy)).level_holds)
    prank = rank[(_CODED.get(rec["place"]) or coded(rec["place"]))[1]] if unlined else 0

    def gives(s: Mapping[str, Any]) -> bool:
        if kind is None:
            return True
        if s["action"] == "assigned":
            return rank[s["to_level"]] in can_rectify and not (
                unlined and s["to_body"] is not None
                and policy.rectifies_for_named_line_only(rec["area"], kind, s["to_body"], prank))
        # a report's receiver only where the reporting level sorts problems by category (一(三) 县级…按照问题类别…
        # 对超出本级权限的及时向上级单位报送问题: keeps_lists) or its own bodies rectify the kind, as for the finder, or
        # where the report goes to a level whose own bodies rectify it (the receiver holds it where it is rectified:
        # a city's report of a rules gap to 省财政, r41-F10): a city that only passed its find up to a level that
        # presses too chose no line by it (check46 #1, FD4: 市财政局 pressing a village's assets it only reported to
        # 省财政, on no parameter)
        return keeps_lists(policy, s["by_level"]) or rank[s["by_level"]] in own_levels \
            or rank[s["to_level"]] in own_levels

    named = [x for x in (found_by, *(s["to_body"] for s in [h.__dict__ for h in handled] if gives(s)),
                         *(w for w in concealed_by if w not in policy.level_rank)) if x is not None]
    # (a body that gives its line only as an assignee — the 扶贫办, keeper of the lists — gives it only so named)
    assigned = [x for s in [h.__dict__ for h in handled] if s["action"] == "assigned"
                and (kind is None or policy.level_rank[s["to_level"]] in can_rectify)
                and (x := s["to_body"]) is not None and assignee_only(policy, x)]
    return record_line(policy, rec["area"], kind, named, assigned) if named else None


#: The attribute of a view that notes the parameters :func:`derive` reads (engine/_decide) holding the view it
#: stands for, whose reads are not noted: what derive reads only to name a reading in a verdict's ``rests_on`` is read
#: there (:func:`naming_view`).
NAMES_ON = "_derive_names_on"


def naming_view(policy: PolicyView) -> PolicyView:
    """The view on which :func:`derive` reads what it reads only to name readings in a verdict's ``rests_on``, never
    to make a fact or the context's line and levels: ``policy`` itself, or for a view that notes the parameters read
    the view it was made from (:data:`NAMES_ON`), which notes nothing."""
    named: PolicyView | None = policy.__dict__.get(NAMES_ON)
    return policy if named is None else named


def _discovery(policy: PolicyView, area: str, kind: str | None, sector: str | None, level: str, body: str | None,
               channel: str, prank: int) -> tuple[bool, tuple[str, ...]]:
    """Whether a discovery came through an outside channel, and the parameters a verdict rests on
    because of who found it (kept per policy: a policy has few such discoveries).

    The second part names readings and makes no fact: it is read on :func:`naming_view`'s view, so that a view that
    notes the parameters derive reads (engine/_decide's, :data:`NAMES_ON`) notes only those its facts read — a
    decider deciding the record again under another value of outside_channel_finder_level, which this part alone
    reads, then fires its rules on the same facts (engine/_decide ``Decider._switched``; session 40)."""
    # An outside channel (audit, hotline, media…) found it: the finder's own level missed it too.
    outside = not policy.channels[channel].own_work
    policy = naming_view(policy)
    rank = policy.level_rank
    rests: list[str] = []
    # Found through an outside channel at a level where a body other than the finder had a discovery duty:
    # whether that level missed it too is outside_channel_finder_level's to say, either way.
    # (a duty that does not reach the place — a city's oversight of its own funds, a county's problem — names nobody
    # there either way)
    if outside and SAME_LEVEL in policy.parameters and not policy.parameter(SAME_LEVEL) and any(
            b != body and rank[policy.bodies[b].level] == rank[level]
            for b in policy.stage_reaching(area, kind, "discovery", policy.sector_of(sector), prank)):
        rests.append(SAME_LEVEL)
    # A discovery duty whose applies_if parameter is false (二(四)8: the city audit, when the province
    # found the problem) would have named a body below the finder: the verdict rests on the parameter. Not through a
    # body that holds the same words under the other reading (switch_of: 二(六)5(6)'s 水利 under
    # water_policy_health_departments), nor, for a duty each department holds for its own line, through a department
    # of another line or a role the kind leaves aside for a record naming none (line_named_only).
    line = policy.sector_of(sector)
    for did in policy.switched_off(area, kind, "discovery"):
        duty = policy.duties[did]
        bodies = policy.holders(did, area, kind, line, "discovery") if duty.scope == "own_sector" else duty.holders
        if duty.applies_if not in rests and any(
                prank <= rank[policy.bodies[h].level] < rank[level] and policy.switch_of(did, h) is not None
                and not policy.role_stands_aside(area, kind, "discovery", h, (did,))
                for h in bodies if h in policy.bodies):
            rests.append(str(duty.applies_if))
    return outside, tuple(rests)


class _OfKind(NamedTuple):
    """What :func:`derive` reads of the policy for a record's area, kind and place's level (the same for every such
    record: kept per policy)."""

    #: The level with authority over it (a city's own policy gap is the city's to dispose of: PolicyView.authority;
    #: probe8 P8-32).
    authority: str
    #: Whether its place decides whose policy it is (policy_gap_owner): every finding of such a record rests on it.
    owner: bool
    #: The ranks of the levels where a body can rectify it; whether one at or above the place's level can rectify it
    #: itself.
    can_rectify: frozenset[int]
    own_at_place: bool
    #: The kind's own authority, whatever the place (the area's without a kind).
    nominal: str
    #: Whether a record naming no sector rests on sectorless_alternatives (PolicyView.has_alternatives).
    alternatives: bool
    #: The policy's parameters as derive reads them.
    setting: _Setting
    #: :func:`_discovery` by its arguments (one dict per policy, kept here: no memo call per record).
    discoveries: dict[tuple[Any, ...], tuple[bool, tuple[str, ...]]]
    #: The ranks of the levels where a body can rectify it other than by pressing those below
    #: (PolicyView.own_rectifier_levels).
    own_levels: frozenset[int]
    #: The levels whose Party committee and government bear 二(一)1's main responsibility for their own work only
    #: (a duty marked ``within_authority``), where the problem is outside that level's authority; and the severity
    #: rank from which main responsibility is pursued (main_responsibility_from): a record of that severity that
    #: shows the problem at such a level rests on main_responsibility_every_level (review25 R25-2).
    main_outside: frozenset[str]
    main_from: int
    #: The ranks of the levels below the authority, at or above the place, that make such policy for their own level
    #: (:func:`owner_peers`).
    peers: frozenset[int]


#: Above every level's rank (:func:`derive`: the lowest rectifying level where none is).
_NO_RANK = 1 << 30


def _of_kind(policy: PolicyView, area: str, kind: str | None, prank: int) -> _OfKind:
    return _OfKind(
        authority=policy.authority(area, kind, prank),
        owner=OWNER in policy.parameters and kind is not None
        and policy.place_authority(area, kind, prank) != policy.kinds[(area, kind)].authority,
        can_rectify=policy.rectifier_levels(area, kind, prank),
        own_at_place=any(r >= prank for r in policy.own_rectifier_levels(area, kind, prank)),
        nominal=policy.kinds[(area, kind)].authority if kind else policy.areas[area].authority,
        alternatives=SECTORLESS in policy.parameters and policy.has_alternatives(area, kind),
        setting=policy._memo("derive: setting", lambda: _setting(policy)),
        discoveries=policy._memo("derive: discoveries", dict),
        own_levels=policy.own_rectifier_levels(area, kind, prank),
        main_outside=_main_outside(policy, area, kind, prank),
        main_from=min((severity_rank(policy.parameter(f.from_parameter)) for f in policy.failures.values()
                       if f.duty_kind and f.from_parameter is not None and f.from_parameter in policy.parameters),
                      default=1),
        peers=owner_peers(policy, area, kind, prank))


def owner_peers(policy: PolicyView, area: str, kind: str | None, prank: int) -> frozenset[int]:
    """The ranks of the levels below the authority over a problem of ``kind`` in ``area`` placed at level rank
    ``prank`` (at or above the place) whose bodies hold a rectification duty of the kind that a body of the authority's
    level holds too: the problem is the authority's own (its policy: 二(三)6 省市民政部门负责制定完善…政策措施, placed
    below the city — policy_gap_owner), and such a level makes that policy for itself only. Whether it answers for not
    having found the owner's gap is lower_level_finds_higher_policy's (review27 3b). The bulk path reads it too."""
    memo: dict[tuple[str, str | None, int], frozenset[int]] = policy._memo("derive: owner peers", dict)
    key = (area, kind, prank)
    got = memo.get(key)
    if got is None:
        rank = policy.level_rank
        top = rank[policy.authority(area, kind, prank)]
        held = policy.stage_holders(area, kind, "rectification")
        at_top = {d for b, ds in held.items() if rank[policy.bodies[b].level] == top for d in ds}
        got = memo[key] = frozenset(
            r for b, ds in held.items() if prank <= (r := rank[policy.bodies[b].level]) < top and set(ds) & at_top) \
            if kind is not None else frozenset()
    return got


def _main_outside(policy: PolicyView, area: str, kind: str | None, prank: int) -> frozenset[str]:
    """:attr:`_OfKind.main_outside`: the levels above the place whose 二(一)1 main responsibility is for their own
    work only (``within_authority``), where a problem of ``kind`` placed at level rank ``prank`` is not within their
    authority (a county's specific problem at the province or the city)."""
    if MAIN_EVERY not in policy.parameters:
        return frozenset()
    authority = policy.authority(area, kind, prank)
    return frozenset(policy.bodies[b].level for d in policy.duties.values() if d.within_authority
                     for b in d.holders if b in policy.bodies and policy.bodies[b].level != authority
                     and policy.level_rank[policy.bodies[b].level] > prank)


def _reached(h: Mapping[str, Any], steps: list[Any], d_level: str, to_right: Callable[[Any], bool],
             has_part: Callable[[str], bool], by: dt.date | None = None) -> bool:
    """Whether the record shows that ``h``, another level's assignment to a named body the text gives no part in the
    problem's kind (assignment_to_body_without_part), reached the level it went to: that level itself assigned the
    problem (to a body with a part, or none), and nothing else of the record gave the level the problem by then — it did
    not find it, and no step of another level to it that counts (``to_right``) came on or before that assignment. The
    level then sorted it by category itself (一(三)
    县级建立问题发现和整改情况台账，按照问题类别、办理权限等因素，列出问题清单、责任清单、整改清单): the step handed it
    the problem, whichever body it named, and whatever the level then did with it — in time or late — is the level's, as
    if the step had named no body (check44 #1: the city answered 未按程序交办 for a problem the county had routed to
    县财政局 two days later). A report back up is no such sign: it may be the body named returning what is not its own,
    which the parameter reads; nor is the level's own step to a body the text gives no part either (``has_part`` false:
    the same 县民宗局 again, or 县委组织部) — that shows no sorting by category (check45 #2).
    — The level's own step may come before ``h`` too (check45 #5, A12: the county handed its 县财政局 the city's find on
    03-02, the city's step to 县民宗局 came on 03-03): the level had the problem and had sorted it already, so the step
    took nothing from anyone who should have had it, and under set_aside the city had answered 未按程序交办 for a step
    that changed nothing, where the same record with the city's step naming no body names nobody at the city.
    — A level that only presses those below (the city, for a county's poverty assets) is read the same way by the
    caller: its own step down to a body with a part (or naming none) shows the step reached it — 三(二) 逐级传导压力，
    形成一级抓一级 makes the city the level that passes a province's find on, and 二(二)5 省市有关部门…负责指导督促基层
    问题发现和整改 has it press the county; the city keeps no lists of its own (一(三) gives the 台账 to 县级), but its
    step is the sorting a level passing the problem on does (check45 #3, F1: 省财政 named 未按程序交办 for poverty
    assets handed to 市教育局 the city sent on to 县财政局 two days later). ``by``: only the level's own step on or
    before that day counts (the caller's pressing level, within the handling limit)."""
    level = h["to_level"]
    if d_level == level:
        return False
    for s in steps:
        if s["by_level"] == level and s["action"] == "assigned" and (by is None or s["on"] <= by) \
                and (s["to_body"] is None or has_part(s["to_body"])) and not any(
                o is not h and o["to_level"] == level and o["by_level"] != level and o["on"] <= s["on"] and to_right(o)
                for o in steps):
            return True
    return False


def derive(problem: Problem, policy: PolicyView, today: dt.date | None = None) -> tuple[list[Fact], Context]:
    """The facts of ``problem`` (already checked by ``parse_problem``) and their context."""
    # The record's fields read once from the models' dicts: an attribute of a pydantic model is read through its
    # __getattr__ hook (no specialised attribute read), some sixty times a record here, as the steps' are below.
    rec = problem.__dict__
    area, kind, sector, place = rec["area"], rec["kind"], rec["sector"], rec["place"]
    deadline_given, rectified_on, concealed_by = rec["deadline"], rec["rectified_on"], rec["concealed_by"]
    # The record's deadline, read for a step of its own deadline's absence (``_own_deadline``): an assignment may carry
    # its own (``handled[].deadline``), read for its assignee in place of the record's (一(四) 交办问题整改落实不到位
    # by that 交办's own terms; check61 L2). Where the record gives none, a reading of "the deadline" that is no one
    # assignment's (whether a level that shows no step was evidently handled by the day a deadline set) takes the
    # latest any step set, as the ledger's one deadline did (never a day sooner: it may spare, never blame).
    record_deadline = deadline_given
    if deadline_given is None:
        for h in rec["handled"]:  # (a loop, not max() over a generator: asked of most records)
            set_day = h.__dict__.get("deadline")
            if set_day is not None and (deadline_given is None or set_day > deadline_given):
                deadline_given = set_day
    as_of = rec["as_of"] or today or dt.date.today()
    rank = policy.level_rank
    prank = rank[(_CODED.get(place) or coded(place))[1]]
    # what the policy says of the record's area, kind and place's level (:func:`_of_kind`), kept by those
    by_kind: dict[tuple[str, str | None, int], _OfKind] = policy._memo("derive: by kind", dict)
    of_kind = by_kind.get((area, kind, prank))
    if of_kind is None:
        of_kind = by_kind[(area, kind, prank)] = _of_kind(policy, area, kind, prank)
    authority, owner, can_rectify, own_at_place, nominal, alternatives, setting, _, own_levels, main_outside, \
        main_from, peers = of_kind
    ctx = _context(as_of, authority, owner)
    if RESIDENTS_PLACE in policy.parameters and residents_place(problem) is not None:
        # an urban community's problem (a 社区: a 居民委员会, no 村委会 or 村党支部): whether it is answered as its
        # township's or as a village's is residents_committee_place's (二(一)1(1), 二(二)1; review25 R25-11)
        ctx.rests_on.append(RESIDENTS_PLACE)
    base = {
        "area": area,
        "kind": kind or "",
        "sev": _SEVERITY_RANK[rec["severity"]],
        "prank": prank,
    }
    facts: list[Fact] = []
    pid = rec["id"]

    def add(t: str, fields: Fact) -> None:
        # Every fact of a type has its fields in one order (the compiled engine keeps what facts meet by their values).
        facts.append({"id": f"{pid}#{len(facts)}", "t": t, **base, **fields})

    d = rec["discovered"]
    line_switched = 0
    if sector is None and d is not None:
        sector = named_line(policy, rec, can_rectify, own_levels)
        # the line a department named as assignee gives, only because a parameter switches on its level's part in
        # rectifying the kind (the county's 二(二)3 part in a township's project ledger): read without it, the record
        # names another line (none), and the findings read by it rest on that parameter (fid49's left item: LC2's
        # 县扶贫办 named 应发现未发现 by the line, on no word of ledger_county_rectifier)
        if sector is not None and (switched := frozenset(
                r for r in can_rectify if switched_rectifier(policy, area, kind, policy.rank_level[r], "", prank))) \
                and named_line(policy, rec, can_rectify - switched, own_levels) != sector:
            line_switched = CHOSEN_LINE_SWITCHED
            for rid in dict.fromkeys(str(policy.duties[x].applies_if) for x in policy.stage_duties(
                    area, kind, "rectification") if policy.duties[x].applies_if is not None):
                if rid not in ctx.rests_on:
                    ctx.rests_on.append(rid)
    ctx.line = policy.sector_of(sector)
    if d is None:
        return facts, ctx
    if owner:
        # whose policy the gap is was read from its place: the verdict rests on that reading though no finding be made
        # (an assignment at the city that counted, its deadline not yet passed; review21 R21-4)
        ctx.rests_on.append(OWNER)
    d_fields = d.__dict__
    d_level, d_on, d_body, d_channel = d_fields["level"], d_fields["on"], d_fields["body"], d_fields["channel"]
    key = (area, kind, sector, d_level, d_body, d_channel, prank)
    found = of_kind.discoveries.get(key)
    if found is None:
        found = of_kind.discoveries[key] = _discovery(policy, *key)
    outside, rests = found
    since, latest = setting.since, setting.latest

    def before(day: dt.date) -> bool:
        # what happened before the duties applied is not judged (policy_in_force_from; review8a R8A-2); a verdict that
        # judges or leaves out a day the parameter's choices put either side says it rests on it (review9a R9A-3)
        if latest is not None and day < latest and IN_FORCE not in ctx.rests_on:
            ctx.rests_on.append(IN_FORCE)
        return since is not None and day < since
    if alternatives and (sector is None or policy.idle_alternatives(area, kind, ctx.line)):
        # departments of one level each hold a duty for their own part and the record names none: who answers is
        # sectorless_alternatives' (probe9 P9-01) — also where its line gives a level nobody at a stage, which then
        # holds it as for no line (PolicyView.line_idle; review32 F1)
        ctx.rests_on.append(SECTORLESS)
    if not before(d_on):  # a discovery before the day: no level answers for not having found it
        add("found", {"frank": rank[d_level], "outside": int(outside), "fbody": d_body or "",
                      **({"chosen": line_switched} if line_switched else {})})
        if peers and setting.peer_finds is not None:
            # a level below the owner of a policy gap that makes such policy for itself (the city, for the province's
            # own gap the province found): whether it had to find the owner's gap is lower_level_finds_higher_policy's
            # (一(一) 省市两级…主动发现政策举措…问题 gives each level no reach into the other's policy; review27 3b) —
            # by default (false) it is not expected to have: read as a level that knew it (no 应发现未发现)
            below = [r for r in peers if r < rank[d_level]]
            if below:
                if PEER_FINDS not in ctx.rests_on:
                    ctx.rests_on.append(PEER_FINDS)
                if not setting.peer_finds:
                    ctx.knew.update(below)
    ctx.rests_on.extend(rests)
    if main_outside and base["sev"] >= main_from and (
            d_level in main_outside or any(h.__dict__["to_level"] in main_outside for h in rec["handled"])
            or any(w in main_outside for w in concealed_by)):
        # a grave problem outside the province's (city's) authority that the record shows there: whether their Party
        # committee and government bear 主体责任 for a failure at their level is main_responsibility_every_level's
        # (二(一)1 各级 against 二(一)1(1) 县级…主体责任; review25 R25-2) — said though no finding rest on it
        ctx.rests_on.append(MAIN_EVERY)

    limit, rect_limit, must_report = setting.limit, setting.rect_limit, setting.must_report
    handled = rec["handled"]
    # (each step's fields as a dict, as the record's above)
    steps = [h.__dict__ for h in handled]
    if len(steps) > 1:
        steps.sort(key=lambda h: (h["on"], rank[h["by_level"]]))
    line = policy.sector_of(sector)
    lowest = min(can_rectify, default=_NO_RANK)  # the lowest level that can rectify it (none: above every rank)

    def to_right(h: Any) -> bool:
        # An assignment names a body the text gives a part in the problem, or none (一(三) 按照问题类别…列出责任清单):
        # the county education bureau named for a house renovation is not 按程序 交办, and does not answer for it.
        # — a report to a level's supervisory organ (县纪委监委, 县审计: 一(三), 二(一)2(2)–(3)) is a report to its
        # level by report_to_oversight (level_receives, the default), which the level's holder then has
        # (receiving_level_body, as for such an organ as finder); set_aside reads it as to a body with no part
        # (review27 #4)
        # — an assignment's body has its part in the problem's kind (PolicyView.has_kind_part: 一(三) 按照问题类别…
        # 分类交办; 县人社局 handed late basic-living payments is not 按程序, though it has a part elsewhere in 两不愁 —
        # review38b F1); a report's, in its area (what a body may pass on)
        b = h["to_body"]
        if b is None or "_role" in h or (policy.has_kind_part(area, kind, b, line) if h["action"] == "assigned"
                                         else policy.has_part(area, kind, b, line)):
            return True
        if setting.oversight_report is not None and h["action"] == "reported":
            organ = oversight_organ(policy, b)
            if organ or level_body(policy, b):
                # a report to an organ, or to a bureau of a level with departments: some value of the parameter reads
                # it as received by the level, so the verdict rests on it whichever value set it aside (review28's
                # re-run: the default named irregular_step alone for a township's report to 县教育局 of a house)
                if OVERSIGHT_REPORT not in ctx.rests_on:
                    ctx.rests_on.append(OVERSIGHT_REPORT)
                if organ or setting.report_any:
                    # (any_receiver: a report to a county bureau with no part, 一(三) 向上级单位报送 — the level has it)
                    return setting.oversight_report
        return False

    if steps and setting.place_assignee and not own_at_place:
        # An assignment to the place's level naming no body, where nobody from the place up to the assigner can rectify
        # the kind (a house placed at a city code, handed to the city): by place_above_rectifiers (place_level_assignee,
        # its default) it is the 交办 the record can show, as one to a named body is — the assigner did its 交办 (一(四)
        # 对发现问题没有按程序及时交办和上报的 is not a recorder's omission of the body) — and the level's body of the
        # record's line, else its role (市相关部门（问题所属部门）, unresolved, once) answers for it (一(四)
        # 对交办问题整改落实不到位的), as receiving_level_body reads a level that had a problem through no body named
        # (review32 F3: the province had answered 未及时交办上报 with leadership, the city holding it four months
        # nothing). ``_role``: to_right counts it though the role holds no duty of its own. A record with no kind too:
        # its area's rectifiers reach no city or province place (二(二)1–3; 二(二)5 指导督促基层), and it names no
        # department of the level, so the role stands for the one that took it (fid33a: R21-2's kindless U2 had the
        # province answer, its kinded twin the city)
        for i, h in enumerate(steps):
            # (not a level's assignment to itself as a whole: it still holds the problem, and the record shows nobody it
            # handed it to — P9-19)
            if h["to_body"] is None and h["action"] == "assigned" and rank[h["to_level"]] == prank \
                    and h["by_level"] != h["to_level"] \
                    and not any(prank <= r < rank[h["by_level"]] for r in can_rectify):
                who = place_level_body(policy, area, kind, h["to_level"], rec["sector"])
                if who is not None:
                    steps[i] = {**h, "to_body": who, "_step": h, "_role": True}
    if steps and setting.unrelated is not None:
        # Another level's assignment to a named body the text gives no part in the problem's kind (a city handing
        # a county's mismanaged poverty assets, 二(四)3 县财政部门…对当地扶贫资产负全面监管责任, to 县民宗局), of a
        # level where a body rectifies it other than by pressing those below: irregular_step reads it as no 交办
        # (一(三) 按照问题类别…分类交办), so the assigner answers 未按程序及时交办 and nobody was handed it to rectify
        # (set_aside, the default); level_receives reads it as the 交办 to that level as a whole — 一(三) has the
        # county keep the lists by category (县级建立…台账，按照问题类别…列出…整改清单) — whose rectifiers then answer
        # 整改不到位 (一(四) 对交办问题整改落实不到位的), as assignment_without_rectification_duty (level_holds) reads
        # a body with some part. A level's own hand-over within itself is not this: it still holds the problem (its
        # own 分类交办). Either way a verdict with such a step rests on the parameter — unless the record shows the
        # step reached that level (:func:`_reached`): then it is the 交办 to the level under either value, as if it
        # named no body, and rests on nothing (check44 #1).
        # (each step's reach read before any is cleared: another such step is no sign of its level's holding)
        # — and such a step to a level that only presses those below (at or above the place: the city, for a
        # county's poverty assets) that the record shows reached it: the level's own step passed it on (三(二)
        # 一级抓一级), and it is the 交办 to the level as a whole, as one naming no body (``pressing``). One the record
        # does not show reaching it stays irregular_step's alone: the parameter reads a level that rectifies the kind.
        # Only the pressing level's step within the handling limit shows that: the city keeps no lists (一(三) gives
        # them to 县级), so a pass-on months later does not show that the time 市教育局 sat on it was the city's pace
        # rather than the cost of the step not made 按程序 — whether such a late receipt is the level's is what the
        # parameter decides (set_aside: the assigner answers 未按程序交办; level_receives: the level's holder, late),
        # and the verdict rests on it and on the limit (check46 #3, P6/P25).
        astray = [i for i, h in enumerate(steps)
                  if h["to_body"] is not None and h["action"] == "assigned" and "_role" not in h
                  and rank[h["to_level"]] < rank[h["by_level"]] and (rank[h["to_level"]] in own_levels or (
                      rank[h["to_level"]] in can_rectify and rank[h["to_level"]] >= prank))
                  and h["to_level"] in policy.roles and not policy.has_kind_part(area, kind, h["to_body"], line)]
        def parted(b: str) -> bool:
            return policy.has_kind_part(area, kind, b, line)

        def reach(h: Any) -> tuple[bool, bool]:
            """Whether ``h`` reached its level, and whether it is a pressing level's that only a late step shows."""
            got = _reached(h, steps, d_level, to_right, parted)
            if not got or rank[h["to_level"]] in own_levels:
                return got, False
            timely = _reached(h, steps, d_level, to_right, parted, h["on"] + limit)
            return timely, not timely

        reached = [reach(steps[i]) for i in astray]
        for i, (got, late) in zip(astray, reached, strict=True):
            pressing = rank[steps[i]["to_level"]] not in own_levels and not late
            if not got and not pressing and UNRELATED not in ctx.rests_on:
                ctx.rests_on.append(UNRELATED)
            if late and HANDLING_LIMIT not in ctx.rests_on:
                ctx.rests_on.append(HANDLING_LIMIT)
            if (setting.unrelated and not pressing) or got:
                # (``_step``: the record's step, for its index; ``_astray``: its body is never one that held it)
                steps[i] = {**steps[i], "to_body": None, "_step": steps[i], "_astray": True}
    no_duty: set[int] = set()  # (the ids of such steps' dicts: the findings of their groups rest on the parameter)
    if steps and setting.level_holds is not None:
        # An assignment to a body with a part in the problem's kind but no duty to rectify it, at a level where a body
        # rectifies it other than by pressing those below (the county 扶贫办, keeper of the problem lists, handed a
        # house's renovation, 二(六)4(3) 建设部门): by assignment_without_rectification_duty (level_holds) the
        # assignment to its level as a whole — the level's rectifiers answer for it, not the body that cannot rectify
        # it (一(四) 交办问题整改落实不到位); either way a verdict whose assignment it is rests on the parameter (D4).
        # A step to a body with no part in the problem's kind (PolicyView.has_kind_part) is irregular_step's; one to
        # a named body of a level where nobody rectifies it, place_above_rectifiers'; one to a body of a level that
        # only presses those below (the city's, for a county's house) names who presses (review9a R9A-1).
        for i, h in enumerate(steps):
            b = h["to_body"]
            # (has_rectification_duty reads the record's own sector: a line read from the bodies it names does not
            # narrow who rectifies; review24 #0)
            if b is not None and h["action"] == "assigned" and rank[h["to_level"]] in own_levels \
                    and not assignee_rectifies(policy, area, kind, b, prank, policy.sector_of(rec["sector"])) \
                    and policy.has_kind_part(area, kind, b, line):
                # (a level below the authority taking it on itself: no 交办 under either value)
                counted = not (h["by_level"] == h["to_level"] and rank[h["to_level"]] < rank[authority])
                if counted and NO_DUTY not in ctx.rests_on:
                    ctx.rests_on.append(NO_DUTY)
                if setting.level_holds:
                    steps[i] = {**h, "to_body": None, "_step": h}  # (``_step``: the record's step, for its index)
                if counted:
                    no_duty.add(id(steps[i]))
    # A level that reported the problem upward in time knew it (二(六)4(1) 及时发现掌握并上报), and so did
    # the level it reported to: neither missed it, whatever either did next.
    # A report to a body the text gives no part in the problem (the county education bureau for a house renovation)
    # is not 按程序 上报 (一(三) 按照问题类别…), as an assignment to one is not 交办: it counts as no report, and that
    # body does not come to hold the problem (review8a R8A-0).
    # (a comprehension over the steps is a call in Python 3.11: not made for a record without steps, 4 in 10)
    reports = [h for h in steps if h["action"] == "reported" and to_right(h)] if steps else []
    # An assignment to a level that for this kind only presses those below (二(二)5 省市有关部门…负责
    # 指导督促基层问题发现和整改: a county's house handed to the city), at or above the authority, where a level below
    # it (at or above the place) rectifies it itself: by pressing_level_assignment (pass_down) the level received the
    # problem to pass it down (一(三) 分类交办, 三(二) 逐级传导压力，形成一级抓一级) as a report is received — it holds
    # it, answers for not passing it on in time (一(四) 没有按程序及时交办) and is not its assignee (整改不到位 is for a
    # body that can rectify it); assignee reads it as an assignment it answers for rectifying. Either way the verdict
    # rests on the reading (review25 R25-3/R25-7). (``pressed``: the ids of such steps' dicts, under pass_down)
    pressed: set[int] = set()
    if steps and setting.press_receipt is not None:
        for h in steps:
            r = rank[h["to_level"]]
            if h["action"] == "assigned" and r in can_rectify and r not in own_levels and r >= rank[authority] \
                    and to_right(h) and any(prank <= o < r for o in own_levels):
                if PRESSING not in ctx.rests_on:
                    ctx.rests_on.append(PRESSING)
                if setting.press_receipt:
                    pressed.add(id(h))
    # — but not a level that reported back up what an assignment had handed it on an earlier day: the finder's own
    # assignment down shows nothing the level found (二(三)2 履行受理申请和主动发现责任: a township handed the county's
    # hotline find reports it back and still missed it; review30 #6, R30-90); on the same day the record cannot tell
    # which came first, and the report counts as it did
    for h in reports:
        if rank[h["by_level"]] < rank[d_level]:
            if h["on"] <= d_on + limit and not any(
                    s["action"] == "assigned" and s["to_level"] == h["by_level"] and s["on"] < h["on"] for s in steps):
                ctx.knew.update((rank[h["by_level"]], rank[h["to_level"]]))
            if HANDLING_LIMIT not in ctx.rests_on:
                ctx.rests_on.append(HANDLING_LIMIT)
    if concealed_by:
        for who in concealed_by:
            if who in rank:
                ctx.hid.add(rank[who])
                # (a unit below the level knows it by the level's concealment or not by unit_below_own_level: the
                # verdict rests on it where a finding changes; check62 X4)
                if BELOW not in ctx.rests_on and units_below_at(policy, area, kind, who):
                    ctx.rests_on.append(BELOW)
            elif PARTNER_KNEW in policy.parameters and PARTNER_KNEW not in ctx.rests_on and policy.knows_with(who):
                # (whether the body one subject with it knew it too: Decider.without_knowers_missing)
                ctx.rests_on.append(PARTNER_KNEW)
    # Who held the problem and had to pass it on: the finder's level, then each level it was
    # reported to. A level below the authority must report upward; at or above it, assign.
    holders: list[tuple[str, dt.date, str]] = [(d_level, d_on, d_body or "")]
    aside_reports: set[int] = set()  # (the ids of reports upward irregular_step sets aside: set_aside_report_receiver)
    # A report upward by a level at or above the kind's own authority that keeps no lists (a city line
    # department's to its province counterpart, of a county's house) where the level it went to passed the problem
    # on in order — an assignment that counts, down to a level that rectifies the kind or back to the reporter's own
    # level — within the reporter's handling limit, counted from the day the reporter's level held it: by
    # irregular_step (above_authority_report_counts, the default) the report is the reporter's passing it on.
    # 一(三)'s 超出本级权限 test is the county's, whose lists sort problems by authority (its own report of what is
    # within it stays set aside: F27A-4b); the text gives the city no other 程序 (省市两级及时回应基层反映问题;
    # 三(二) 逐级传导压力，形成一级抓一级), and a problem that reached the level rectifying it in time was passed on
    # 及时 (一(四)). not_counted sets it aside whatever followed. A level above that sat on it, or passed it on
    # late, leaves the report set aside under either value (check47b #3; fid46a's "reach"). Either way the verdict
    # rests on the reading.
    reach_reports: set[int] = set()
    if reports and setting.has_irregular:
        for h in reports:
            by = h["by_level"]
            # (the county's own report of what is within its authority stays set aside: 一(三)'s procedure is its own,
            # its lists sort problems 按照…办理权限 — F27A-4b)
            if rank[by] < rank[nominal] or (kind is not None and not lowest <= rank[by]) or keeps_lists(policy, by):
                continue
            held_from = d_on if by == d_level else min(
                (s["on"] for s in steps if s["to_level"] == by and s["on"] <= h["on"]), default=h["on"])
            if since is not None and held_from < since:
                held_from = since
            up, r_due = h["to_level"], held_from + limit
            for s in steps:
                if s["action"] == "assigned" and s["by_level"] == up and h["on"] <= s["on"] <= r_due \
                        and to_right(s) and id(s) not in pressed and rank[s["to_level"]] < rank[up] \
                        and (s["to_level"] == by or rank[s["to_level"]] in can_rectify):
                    if IRREGULAR not in ctx.rests_on:
                        ctx.rests_on.append(IRREGULAR)
                    if HANDLING_LIMIT not in ctx.rests_on:
                        ctx.rests_on.append(HANDLING_LIMIT)
                    if setting.report_reach:
                        reach_reports.add(id(h))
                    break
    if reports or pressed:
        # (a receiver with no part in it that report_to_oversight counts — not an organ, which gives way — holds it
        # through no body: receiving_level_body names who had it)
        # — and the receiver of a report upward that irregular_step sets aside (a level at or above the kind's own
        # authority, where a level at or below it can rectify it, disposes of the problem by assigning it: 一(三)
        # 对超出本级权限的及时向上级单位报送问题; its reporter answers for not passing it on) holds it by
        # set_aside_report_receiver (holds, its default: 一(三) 省市两级及时回应基层反映问题 — the city was told of it),
        # or, by nobody, the report reached nobody and the level it went to does not come to hold it; either way the
        # verdict rests on the reading (review41 F4: 县民政局 named 未及时办理 and 市民政 未在10天内按程序交办或上报 for
        # that same report, with nothing saying why the report both was and was not a step)
        # — but a report by a level whose own assignment that counts, within its handling limit, had already passed
        # the problem on in order (the county assigned the township on 03-03 and told the city on 03-04) is a notice:
        # the level it went to was told of a problem already with the level that rectifies it, and has nothing to
        # 交办 or 上报 (一(三) 县级…分类交办; 省市两级及时回应基层反映问题). It holds nothing by it under either value
        # (supervision_scope may still name it a supervisor, the record showing it knew; check49 #1: 市住建 named
        # 未在10天内按程序交办或上报 in 28 kinds whenever a county both handled a problem and told the city)
        notices: set[int] = set()
        if setting.aside_reach is not None and reports:
            for h in reports:
                by = h["by_level"]
                if rank[by] >= rank[nominal] and (kind is None or lowest <= rank[by]) \
                        and id(h) not in reach_reports:
                    held_from = d_on if by == d_level else min(
                        (s["on"] for s in steps if s["to_level"] == by and s["on"] <= h["on"]), default=h["on"])
                    if any(s["action"] == "assigned" and s["by_level"] == by and held_from <= s["on"] <= h["on"]
                           and s["on"] <= held_from + limit and to_right(s) and id(s) not in pressed
                           and rank[s["to_level"]] in can_rectify
                           and not (s["to_level"] == by and rank[by] < rank[authority]) for s in steps):
                        notices.add(id(h))
                        continue
                    aside_reports.add(id(h))
            if aside_reports and ASIDE_REPORT not in ctx.rests_on:
                ctx.rests_on.append(ASIDE_REPORT)
        holders += [(h["to_level"], h["on"], h["to_body"] or "" if not setting.report_any or h["to_body"] is None
                     or policy.has_part(area, kind, h["to_body"], line) or oversight_organ(policy, h["to_body"])
                     else "") for h in (reports if not pressed else [
            h for h in steps if id(h) in pressed or (h["action"] == "reported" and to_right(h))])
            if (setting.aside_reach is not False or id(h) not in aside_reports) and id(h) not in notices]
    # A level the record shows making a step (reporting the problem on, or assigning it) that no step of another level
    # had reached, with no level above it holding the problem by then, had the problem by that step's day: it came up
    # to it from below by a way the record leaves out (the village's grid find, then the county's report to the city
    # on 03-03). It holds it from that day, as a level the way was written out to (village→township→county) holds it
    # from the report's: a county that reported up what is within its own authority, not assigning it, has not passed
    # it on 按程序 (一(三) 按照问题类别、办理权限…分类交办, 对超出本级权限的及时向上级单位报送问题; 一(四) 没有按程序
    # 及时交办和上报) whether or not the record shows how the problem reached it (check53 #2, T6: only the city was
    # named, and the same county step was set aside in the chain written out). Its day is the latest it can have had
    # it: the limit runs from there, and a step that counts, on that day, is in time. Not a level the record shows
    # handed the problem (an assignee, a report's receiver, whose holding the steps to it decide), nor one below a
    # level that held it by then (a level above passed it down: _shown_pass_down reads such a step). The steps that
    # show a lower level's report up or a higher level's pass-down (_shown_report, _shown_pass_down) read the holders
    # without these: the step is what shows it, not a holding of its own.
    stepped: set[tuple[str, dt.date, str]] = set()
    for h in steps:  # (in day order)
        by, on = h["by_level"], h["on"]
        # (a level above holding the problem by this level's own report up had it from this level — but never the
        # finder, holders[0]: it had the problem by the channel the record gives, its own find, and a lower level's
        # step to it on its discovery day is read as the same step a day later is, not as how it came by the problem
        # (check55 #1: the city's own 财政检查 on 03-18 and the county's report to the city's CPPCC that day named
        # 县扶贫办 both 应发现未发现 and 未及时交办上报, and the same report on 03-19 neither))
        if any(lv == by or (rank[lv] > rank[by] and (k == 0 or not any(
                s["by_level"] == by and s["to_level"] == lv and s["on"] == got for s in steps)))
                for k, (lv, got, _) in enumerate(holders) if got <= on) or any(
                s["to_level"] == by and s["by_level"] != by and s["on"] <= on for s in steps):
            continue
        got_at = (by, on, "")
        holders.insert(next((k for k in range(1, len(holders)) if holders[k][1] > on), len(holders)), got_at)
        stepped.add(got_at)
    seen: set[str] = set()

    def counts(h: Any) -> bool:
        # An assignment that counts (一(三) 按程序 交办): not one to a body with no part in the problem, nor a level
        # below the authority taking it on itself (probe8 P8-26).
        # — nor, under pressing_level_assignment (pass_down), one to a level that only presses those below: a receipt
        return h["action"] == "assigned" and to_right(h) and not (
            h["by_level"] == h["to_level"] and rank[h["to_level"]] < rank[authority]) and id(h) not in pressed
    # The kind's own authority, whatever the place: a level below it reports upward in time by procedure (一(三)) — a
    # city reporting its own policy gap to the province too (review9a R9A-5); at or above it a report disposes of
    # nothing (a county's own renovation problem passed up to the city; probe9 P9-05).
    def place_step(h: Any, named: bool = True) -> bool:
        # Where no level from the place up to the assigner's own can rectify the kind (a house's renovation placed at
        # a city), an assignment to a named body of the place's level with a part in it is the 交办 the record can
        # show, and that body answers for it (review8a R8A-6, probe9 P9-16, P9-19, P9-21) — but only where no level at
        # all rectifies it other than by pressing those below (review9a R9A-11, R9A-1): a county that can rectify its
        # school-aid identification itself, or could report a policy gap to the province that makes policy, does not
        # dispose of it by handing it to the villagers' committee.
        # — a record with no kind too: placed at a city or the province, nobody from the place up to the assigner can
        # rectify it there either (its rectifying levels are the county's and below, and the province's own policy
        # work), and an assignment to that level naming no body shows no body that took it (review21 R21-2: it had
        # counted as a 交办 that named nobody, and the level that held the problem answered for nothing) — unless, by
        # place_above_rectifiers' default, it was read above as one to the level's role (fid33a), which counts
        return rank[h["to_level"]] == prank and (h["to_body"] is not None or not named) \
            and not any(prank <= r < rank[h["by_level"]] for r in can_rectify) and not own_at_place

    def at_place(h: Any) -> bool:
        # place_step, where place_above_rectifiers lets it count (its default); either way the verdict rests on it —
        # also where, counted, it spared the assigner and its assignee has not yet missed its deadline, so that no
        # finding carries it (review21 R21-4: under holder the assigner answers)
        if not place_step(h):
            return False
        if setting.has_place_above and PLACE_ABOVE not in ctx.rests_on:
            ctx.rests_on.append(PLACE_ABOVE)
        return setting.place_assignee

    def hands(h: Any) -> bool:
        # a step that hands the problem to the department it names, at a level of departments (one with a role body:
        # county, city, province); the village and the township are their holders (the township's is 乡镇（街道）
        # itself), so a step naming one of them hands it to nobody that had not held it as the level
        # (a report to the level's supervisory organ, or to a body with no part, that report_to_oversight counts hands
        # it to the level, not to that body: hence not to_right, whose reading ``reports`` has already applied)
        # (an assignment's body by its part in the kind, as to_right reads it)
        return h["to_level"] in policy.roles and (h["to_body"] is None or (
            policy.has_kind_part if h["action"] == "assigned" else policy.has_part)(area, kind, h["to_body"], line))

    # the assignments a step of a lower level shows a level made (_shown_pass_down), by the level assigned: the lower
    # level's rectification groups take them in where the record shows no assignment to it
    implied: dict[str, dict[str, Any]] = {}
    assigned = False
    for h in steps:  # (a loop, not any() over a generator: asked of every record)
        if counts(h):
            assigned = True
            break
    # (a level whose holding through no body named ended, within its limit, with a report from below to a body of its
    # own that is itself to rectify it: the holding that body's report gives it, by level — see below)
    handover: dict[str, tuple[str, dt.date, str]] = {}
    # An assignee that reported the problem, within the handling limit of its assignment (and by its deadline), to a
    # body of a higher level — at or above the authority, a level that had the problem before (its finder, or handed
    # it by an earlier step) — that is itself the one to rectify it (:func:`holds_own_work`: the county hands an
    # omitted household to the township, which reports it on day 2 to 县民政局, 二(三)3 负责…审核审批，纳入低收入
    # 农户; the township's part is 二(三)2 受理申请…入户核实, and 一(三) 对超出本级权限的及时向上级单位报送问题): that
    # body holds the problem from the report's day, as if the report had come to it straight, and what its sitting on
    # it is, rectifier_holding decides — its level's earlier holding, disposed of in time, does not excuse it
    # (review43a D1: the report was dropped, 县民政局 answering nothing for four months). Whether the assignee has
    # thereby done its part (no 整改不到位 of its assignment) the record does not show: assignee_report_to_rectifier
    # decides (below).
    # (``bounced``: such reports by id; ``back``: their holdings; ``prompt``: levels whose holding was disposed of in
    # time, which such a report brings the problem back to)
    bounced: set[int] = set()
    back: set[tuple[str, dt.date, str]] = set()
    prompt: set[str] = set()
    # (a level that only presses those below, which a lower level's step shows was passed the problem: under
    # pressing_level_assignment (pass_down) its receipt, by level, as ``pressed`` are — see below)
    shown_pressed: dict[str, dt.date] = {}
    if reports and setting.to_rectifier is not None:
        for h in reports:
            up = h["to_level"]
            # (a report naming no body: the body receiving_level_body (unresolved) stands for the level's receipt)
            to = h["to_body"] or (receiving_body(policy, area, kind, up, sector, prank) if setting.receive_role
                                  else None)
            # (by its deadline: that of the latest assignment to the reporter by then, else the record's)
            by_then = record_deadline
            for s in steps:
                if "deadline" in s and s["action"] == "assigned" and s["to_level"] == h["by_level"] \
                        and s["on"] <= h["on"]:
                    by_then = s["deadline"]
            if to is None or rank[up] <= rank[h["by_level"]] or rank[up] < rank[authority] \
                    or (by_then is not None and h["on"] > by_then) \
                    or not holds_own_work(policy, area, kind, to, prank, sector) \
                    or not (d_level == up or any(s is not h and s["to_level"] == up and s["on"] <= h["on"]
                                                 for s in steps)):
                continue
            # (an assignee the assignment could make one: a level that can rectify it — not a township handed a
            # county's school-aid case, which answers nothing, its assigner still the assignee that answers for it:
            # its report back is no hand-over to that assigner's rectifier, which ``returned`` below reads; fid61)
            if any(counts(s) and s["to_level"] == h["by_level"] and s["on"] <= h["on"] <= s["on"] + limit
                   and rank[s["to_level"]] in can_rectify for s in steps):
                bounced.add(id(h))
                back.add((up, h["on"], h["to_body"] or ""))
    # A report back up to the level that had itself handed the problem down to the reporter (county → township 03-03,
    # township → village 03-05, the village reporting it back to the township 03-08) is no 发现 of that level's: the
    # record shows it had the problem before, by that step down, and what the problem's return leaves it is its part
    # as before — the assignee that rectifies it (一(四) 对交办问题整改落实不到位的), the level pressing the one that
    # does (二(二)2 对…具体问题的发现和整改工作负责, 三(二) 一级抓一级), nothing where a level above holds it, and a
    # late step down its own — as a level that held it before (its finder, a report's receiver) is judged on that
    # holding alone (``seen``). The report gives it no holding of its own (一(四) 对发现问题没有按程序及时交办和上报的),
    # unless it brings the problem to a body of the level that is itself to rectify it (``back``:
    # assignee_report_to_rectifier; ``handover``: the level's own holding passed to that body in time). (check57 #1:
    # the township was named 未及时交办上报 from the report's day beside its pressing, its own 整改不到位, or for not
    # reporting up what the county held, in every kind.) By day and level, not where another report or a step of the
    # level's own gives it a holding that day; a step down on the report's own day shows the level had the problem
    # before the report only where another step had brought it there by then — else it answers the report (the
    # county's report to the province, the province's assignment back that day).
    returned: set[tuple[str, dt.date]] = set()
    if reports:
        # (nor the finder's own holding: a report back to the finder on the day it found the problem leaves it its find
        # — the city's inspection of 03-17, handed to a township that has no part and reported back to it that day,
        # had been erased, and the city that sat on it named nobody; lead58, test_perf30b's hand-backs)
        fresh: set[tuple[str, dt.date]] = {(lv, on) for lv, on, _ in stepped} | {(d_level, d_on)}
        for h in reports:
            up = h["to_level"]
            # (or one that had been handed it itself, by an assignment that counts, and passed nothing down: the
            # report brings it what it held, and it answers for that holding once — as assignee, or for not passing
            # it on — not for it again from the report's day; fid61's left 1, check57 #1's S6)
            if any(s["action"] == "assigned" and (
                    (s["by_level"] == up and s["to_level"] == h["by_level"]) or (s["to_level"] == up and counts(s)))
                   and (s["on"] < h["on"] or (s["on"] == h["on"] and (d_level == up or any(
                        x is not h and x["to_level"] == up and x["on"] <= s["on"] for x in steps))))
                   for s in steps):
                returned.add((up, h["on"]))
            else:
                fresh.add((h["to_level"], h["on"]))
        returned -= fresh
    for at, (level, received, body) in enumerate(holders):
        if (level in seen and not (level in prompt and (level, received, body) in back)) \
                or handover.get(level, (level, received, body)) != (level, received, body) \
                or ((level, received) in returned and (level, received, body) not in back
                    and handover.get(level) != (level, received, body)):
            continue
        prompt.discard(level)  # (brought back once)
        seen.add(level)
        ctx.received[rank[level]] = received
        below_authority = rank[level] < rank[authority]
        # nobody at or below this level can rectify it: a report upward is what it can do (P9-16)
        stuck = kind is not None and not lowest <= rank[level]
        # At or above the authority a level disposes of the problem by assigning it (一(三) 分类交办) — to a level where
        # a body can rectify it: an assignment to one that cannot (a county's subsidy review sent to a township, a
        # provincial rule sent to a county) is not 按程序 交办, and the assigner still holds it.
        acted = [h for h in steps if h["by_level"] == level and h["on"] >= received and to_right(h)
                 and ((h["action"] == "reported" and (rank[level] < rank[nominal] or stuck or id(h) in reach_reports))
                      or (
                     h["action"] == "assigned" and not below_authority and (
                     (kind is None and not place_step(h, named=False)) or rank[h["to_level"]] in can_rectify
                     or at_place(h)) and not (h["to_level"] == level and id(h) in pressed)))] if steps else []
        # (a level that only presses those below handing the problem to a body of its own has not passed it down)
        # a level still holding the problem on the day the duties began has the handling limit from that day: holding it
        # on unpassed after the day is conduct under the policy (probe11 P11-02)
        due = (since if before(received) and since is not None else received) + limit
        in_time = False
        start = due - limit  # (the limit runs from here: a step on a later day is in time by the limit only)
        for h in acted:
            if h["on"] <= due:
                in_time = True
                if h["on"] > start and HANDLING_LIMIT not in ctx.rests_on:
                    # a shorter limit would have found this first step late: sparing the level rests on the parameter
                    # (review18 P1; final22: a province that handed a county's problem on on day 6 answers by 5 days)
                    ctx.rests_on.append(HANDLING_LIMIT)
                break
        # A level that only presses those below, handed the problem by a step to it (a receipt to pass down,
        # pressing_level_assignment) after the record shows it had itself passed it down, in order, to a level that
        # rectifies it (the city assigned 县财政局 on 03-02; the province's step to the city came on 03-03) has done
        # the 交办 that receipt asks of it: 一(四) 对发现问题没有按程序及时交办和上报的 does not reach a level whose
        # 交办 the record shows, and a second hand-down of what the county already has would pass on nothing
        # (check46 #6, P5: 市扶贫办 named 未及时交办 for it) — unless the problem came back up from below between
        # (a report to this level or above: then it holds it afresh)
        if not in_time and steps and not below_authority and (shown_pressed.get(level) == received or (pressed and any(
                id(x) in pressed and x["to_level"] == level and x["on"] == received for x in steps))):
            for h in steps:
                if h["by_level"] == level and h["on"] < received and h["action"] == "assigned" \
                        and rank[h["to_level"]] < rank[level] and rank[h["to_level"]] in can_rectify and to_right(h) \
                        and not any(x["action"] == "reported" and rank[x["to_level"]] >= rank[level]
                                    and h["on"] <= x["on"] <= received for x in steps):
                    in_time = True
                    break
        # At or above the authority, a level that rectifies the kind itself and is handed the problem back, within its
        # own limit, by a higher level's assignment that counts (the county reported its own renovation up on 03-03, the
        # city handed it back on 03-05) holds it from then as that assignment's assignee: one sitting, whose delay is
        # in its finding as assignee (一(四) 交办问题整改落实不到位; late_pass_on_answers for a late pass-on), as for
        # a level the problem first reached by the assignment. Its earlier holding is not a second failure of 一(四)
        # 没有按程序及时交办和上报 (check49b #2, check49 #4: 县建设部门 named both 未在10天内按程序办理 and 整改不到位
        # for one sitting). A hand-back after its limit leaves the earlier delay its own, as before; so does one the
        # level then passed on within its limit as assignee (found 03-01, handed back 03-05, passed down 03-14): the
        # one delay is then its earlier holding's, and that finding stands alone.
        if not in_time and steps and not below_authority and rank[level] in own_levels:
            for h in steps:
                if h["action"] == "assigned" and h["to_level"] == level and rank[h["by_level"]] > rank[level] \
                        and received <= h["on"] <= due and counts(h) \
                        and (h["to_body"] is None or policy.rectifies(area, kind, h["to_body"], prank)) \
                        and not any(x["by_level"] == level and h["on"] <= x["on"] <= h["on"] + limit and counts(x)
                                    for x in steps):
                    in_time = True
                    if h["on"] > start and HANDLING_LIMIT not in ctx.rests_on:
                        ctx.rests_on.append(HANDLING_LIMIT)  # (as below: by a shorter limit it came back too late)
                    break
        # Below the authority a level must see the problem reach a level above it (一(三) 及时向上级单位报送): a
        # step by a higher level within this level's limit (it reported it on, or assigned it) shows the problem
        # got there in time, though the record shows no report of this level's own.
        if below_authority and not in_time and steps:
            got_there = [h["on"] for h in steps if rank[h["by_level"]] > rank[level] and received <= h["on"] <= due]
            in_time = bool(got_there)
            if got_there and min(got_there) > start and HANDLING_LIMIT not in ctx.rests_on:
                ctx.rests_on.append(HANDLING_LIMIT)  # (as above: by a shorter limit it got there too late)
        # At or above the authority a level disposes of the problem by passing it down (一(三) 分类交办): a step by a
        # lower level that can rectify it, at or above the place, that the record does not show having the problem by
        # then (held, or assigned it), made within this level's limit where this level is the lowest above it that
        # held it, shows this level passed it down to it in time — as a step by a higher level shows a report up
        # (``shown``, review26 F5; R7-X1 below the authority). The township "assigning" the county hotline's find to
        # the village is no 交办 of the township's own: the county's to it shows (fid27a's leftover).
        if not below_authority and not in_time and steps:
            down = _shown_pass_down(steps, level, received, due, [x for x in holders if x not in stepped] if stepped
                                    else holders, rank, prank, can_rectify)
            if down is not None:
                in_time = True
                down_on = down["on"]
                # — and that level is this level's assignee from that day (一(四) 对交办问题整改落实不到位的): the
                # record shows it had the problem by then and no other way it came to (fid30's left #1: a county
                # hotline's house that only the township's hand-down to its village shows, never rectified, named nobody
                # 整改不到位; with the county's step shown the township answers)
                # (``_limit``: a shorter limit would not show it in time — the assignee's finding rests on the limit)
                # — but a level that for this kind only presses those below (the city, for a county's poverty assets:
                # 二(二)5 指导督促基层, 二(四)7 统筹监督) is handed it as pressing_level_assignment reads an assignment
                # to it: by pass_down it received the problem to pass it down, holds it from that day and answers for
                # its own 交办 (一(四) 对发现问题没有按程序及时交办和上报的), not 整改不到位 for work the text gives the
                # county (check46 #6, P21: 市扶贫办 named 整改不到位 for a village's assets the city had passed to
                # 县委组织部, a body with no part in them); by assignee it is the assignee, as before. Either way the
                # verdict rests on the reading, as for a record showing the assignment
                to, r = down["by_level"], rank[down["by_level"]]
                receipt = setting.press_receipt is not None and r not in own_levels and r >= rank[authority] \
                    and any(prank <= o < r for o in own_levels) and not any(
                        counts(x) and x["to_level"] == to for x in steps)
                if receipt and PRESSING not in ctx.rests_on:
                    ctx.rests_on.append(PRESSING)
                if receipt and setting.press_receipt:
                    if to not in shown_pressed and to not in seen:
                        # (before the level's later receipts, which it then holds from this day: the province's step
                        # to 市纪委 on 03-24 did not make the city's holding start then, its own step showing it on
                        # 02-28)
                        shown_pressed[to] = down_on
                        holders.insert(max(at + 1, next(
                            (k for k, x in enumerate(holders) if x[0] == to), len(holders))), (to, down_on, ""))
                else:
                    implied.setdefault(to, {"action": "assigned", "by_level": level, "to_level": to, "to_body": None,
                                            "on": down_on, "_limit": down_on > start})
                if down_on > start and HANDLING_LIMIT not in ctx.rests_on:
                    ctx.rests_on.append(HANDLING_LIMIT)  # (as above: by a shorter limit it got there too late)
        # At or above the authority, a level that held the problem through no body the record names (or through a
        # finder that gives way to its holders: the county's hotline, its audit office) and saw it brought, within its
        # limit, by a report from below to a body of its own that is itself the one to rectify it (县民政局 told by the
        # township of an application not approved, 二(三)3 负责…审核审批) has it where its 交办 had to take it, in
        # time: the earlier holding answers for nothing, and is not that body's — the record shows it had the problem
        # only from the report's day. From that day the body holds it as if the report had come to it straight, and
        # what its sitting on it is, rectifier_holding decides (一(四); review32 F6, session 31 C1–C2: 县民政局 was
        # told 所在层级自2021-03-01掌握该问题…未在10天内按程序交办或上报 of the county hotline's find the township
        # reported to it on 03-06, which it approved on 05-20, and rectifier_holding was not consulted)
        if not in_time and steps and setting.own_work is not None and not below_authority and (
                not body or gives_way(policy, area, kind, level, body, prank)):
            for h in reports:
                to = h["to_body"]
                if h["to_level"] == level and received <= h["on"] <= due and to is not None and to != body \
                        and (level, h["on"], to) in holders and holds_own_work(policy, area, kind, to, prank, sector):
                    handover[level] = (level, h["on"], to)
                    break
        # — and, by pressing_level_assignment (pass_down), one that handed it within its limit to a department of its
        # own with a part in the kind (``pressed``: a receipt to pass down, as from the level above — the city's
        # audit find given to 市住建部门 for a county's house, 二(六)4(6)): that department holds it from its day,
        # and whether it passed it down in time is its own (一(四) 对发现问题没有按程序及时交办和上报的, 相关工作人员:
        # the record shows who held it); the body chosen to stand for the level before did its 交办 in time
        # (review39 F1: 市扶贫办 named, 市住建部门 never). Handed after the limit, or to a body with no part, the level
        # still answers as before (R-sat, fidelity12 G3c; irregular_step).
        if not in_time and pressed and level not in handover and not below_authority and (
                not body or gives_way(policy, area, kind, level, body, prank)):
            for h in steps:
                to = h["to_body"]
                if id(h) in pressed and h["by_level"] == level and h["to_level"] == level \
                        and received <= h["on"] <= due and to is not None and to != body \
                        and (level, h["on"], to) in holders:
                    handover[level] = (level, h["on"], to)
                    break
        if handover.get(level, (level, received, body)) != (level, received, body):
            seen.discard(level)
            if handover[level][1] > start and HANDLING_LIMIT not in ctx.rests_on:
                ctx.rests_on.append(HANDLING_LIMIT)  # (by a shorter limit the report, or the hand-over, came too late)
            continue
        # Below the authority a level must report upward; whether disposing of the problem within its
        # own bounds was enough is self_rectified_report_required. Passing it down in time (交办) to a
        # lower level that can rectify it is such a disposal (that level's failure to rectify is its own); an
        # assignment to a level that cannot (a provincial rule sent to a county) is none, and neither is one to
        # the level itself (a village "assigning" the county's problem to itself disposes of nothing: 一(三)
        # 对超出本级权限的及时向上级单位报送问题; only rectifying it in time is, by the parameter, below).
        disposed = below_authority and not in_time and bool(steps) and any(
            h["action"] == "assigned" and received <= h["on"] <= due and rank[h["to_level"]] < rank[level]
            and rank[h["to_level"]] in can_rectify and to_right(h)
            for h in steps if h["by_level"] == level)
        if disposed:
            ctx.rests_on.append(SELF_RECTIFIED)
            if HANDLING_LIMIT not in ctx.rests_on and not must_report and all(
                    h["on"] > start for h in steps if h["by_level"] == level and h["action"] == "assigned"
                    and received <= h["on"] <= due):
                ctx.rests_on.append(HANDLING_LIMIT)  # (its pass-down in time by this limit only)
            in_time = not must_report
        if in_time and back:
            prompt.add(level)
        if not in_time and as_of <= due:
            # still within its limit on the day of the verdict: the limit spared it (a county on day 9 of a hotline
            # find answers by 5 days, not by 10), and the verdict says so (review18 P1)
            if HANDLING_LIMIT not in ctx.rests_on:
                ctx.rests_on.append(HANDLING_LIMIT)
        elif not in_time:
            # Rectified by its deadline (an assignment's, else the rectification limit from receipt): the
            # problem was evidently handled, though the record shows no step of this level; a step it
            # shows after the limit was late, however soon the rectification followed (一(四) 及时交办和
            # 上报). Only a holder below the authority that saw it fixed without reporting it may still have had to
            # report it (self_rectified_report_required): the finder, and as much a level that had it reported to it
            # (一(三) 对超出本级权限的及时向上级单位报送问题 binds whoever holds it; probe8 P8-01).
            # Without the record's deadline, the latest day a rectification could come had the level done all in time:
            # its handling limit, then the rectification limit of an assignment made on the limit's last day (a
            # county that assigned on day 10 had until day 40; reading 30 days from its receipt named it for a fix
            # on days 31–40 that full compliance allows: review17 D4)
            # — a record's deadline where it shows no assignment at all: by deadline_without_assignment
            # (unrecorded_assignment) one set by an assignment the record leaves out, a day the problem was to be
            # rectified by — rectified by it, it was evidently handled, though the limits would have ended sooner
            # (review31 #2, R31-90: 县建设部门 named for a house renovated by the record's 05-31 because 10 + 30 days
            # ran to 04-27); by limits (the default) a date set by nobody the record shows, which stretches no
            # level's 及时 (check49b #1: the county hotline's find of 03-01, fixed 12-01 by a deadline of 12-31, no
            # step shown: the county, which held it nine months, was spared, silently). Never a day sooner than the
            # limits; and not a deadline the record shows set by an assignment that counts as none (R8A-5a/5c: it
            # lends none)
            by_limits = received + limit + rect_limit
            stretch = deadline_given is not None and not assigned and deadline_given > by_limits and not any(
                x["action"] == "assigned" for x in steps)
            by_deadline = stretch and setting.unassigned_deadline
            # (the parameter decides only a rectification after the limits and by the deadline)
            stretched = stretch and setting.has_unassigned_deadline and rectified_on is not None \
                and by_limits < rectified_on <= deadline_given
            fixed = rectified_on is not None and rectified_on <= (
                deadline_given if deadline_given is not None and (assigned or by_deadline) else by_limits)
            # a step of its own the record shows after the limit, counted or not (a late one to the wrong department
            # is no better than a late one to the right one; probe8 P8-27) — a pass-down too: the parameter excuses one
            # made in time, not one that held it past the limit (一(四) 及时交办; review8a R8A-3)
            # — but not where the problem was rectified within the level's own limit: it was handled in time, and a
            # step the ledger logs after the fix (a closing hand-down, a report for the record) makes no failure of
            # 一(四) 没有按程序及时交办和上报 (check49 #2: 县建设部门 named 未在10天内按程序办理 for a house fixed on
            # day 9 because the county "assigned" it on day 20; the same record without the step named nobody)
            shown = False
            if not (rectified_on is not None and rectified_on <= due):
                for x in steps:
                    if x["by_level"] == level and x["on"] > due:
                        shown = True
                        break
            # — and a level the record shows no step of at all from its day, whose first step after that day is
            # another level's made only after this level's limit: the problem sat past the limit, and where the record
            # does not say — with this level, or with the one whose step it shows (the township's find, the county's
            # assignment to it on day 20). missing_step_holder decides, not the rectification date (一(四) names the
            # failure to pass on in time apart from 整改落实不到位; check48a #1: the township answered only where the
            # problem was not rectified by the record's deadline)
            # (a problem rectified within the level's own limit sat past no limit: nobody's delay to place)
            gap = False
            if setting.missing is not None and not shown and steps and not (
                    rectified_on is not None and rectified_on <= due) and not any(
                    x["by_level"] == level and x["on"] >= received for x in steps):
                after = [x["on"] for x in steps if x["on"] >= received]
                gap = bool(after) and min(after) > due
            # (only a level that can rectify it itself, other than by pressing those below, can have rectified it
            # itself: a county that found a provincial policy gap, later mended, did not — the problem was evidently
            # passed on, and the reading self_rectified_report_required has nothing to decide; review22 R22-1)
            # (a report it made only after a fix within its limit does not show it passed the fix to another: check49
            # #2's S8t under self_rectified_report_required: true reads as the same record without the report)
            own_fixed = below_authority and not shown and not gap and not any(
                x["by_level"] == level and not (rectified_on is not None and rectified_on <= due < x["on"])
                for x in reports) and rank[level] in own_levels
            own_fix = fixed and own_fixed
            # — but not a level whose own steps within its limit the record shows counting as none (irregular_step),
            # where the record then shows the problem first handed to a level that can rectify it only after that
            # limit: the record shows how it was handled, and it was not by this level in time (一(三) 对本级权限范围内
            # 的…分类交办; 一(四) 没有按程序及时交办: a county that sent its own renovation up to the city, which sent
            # it back on day 24; review30 #4, R30-65). Where the record shows no such assignment (a township that
            # handed a house to its village, fixed in time: fid30), the fix still shows an unrecorded step in time.
            late_reach = fixed and not own_fix and not shown and setting.has_irregular and _reached_late(
                steps, due, can_rectify, rank, counts) and bool(_set_aside(
                    steps, handled, level, received, due, below_authority, stuck or rank[level] < rank[nominal],
                    can_rectify, rank, to_right, place_step, setting.place_assignee, kind is None))
            # deadline_without_assignment decides this level where one value spares it and the other does not: read
            # as fixed (unrecorded_assignment) it is spared unless it had to report a fix of its own, or the record
            # shows the problem reaching a rectifier only late (as ``fixed`` is read below); read by the limits it
            # answers (check49b #1). The verdict rests on it either way, and the finding on it by ``chosen``.
            deadline_decides = False
            if stretched and not shown and not gap and not before(due):
                if fixed:
                    spared = (not own_fix and not late_reach) or (own_fix and not must_report)
                else:
                    late_alt = not own_fixed and setting.has_irregular and _reached_late(
                        steps, due, can_rectify, rank, counts) and bool(_set_aside(
                            steps, handled, level, received, due, below_authority,
                            stuck or rank[level] < rank[nominal], can_rectify, rank, to_right, place_step,
                            setting.place_assignee, kind is None))
                    spared = (not own_fixed and not late_alt) or (own_fixed and not must_report)
                if spared:
                    deadline_decides = True
                    if UNASSIGNED_DEADLINE not in ctx.rests_on:
                        ctx.rests_on.append(UNASSIGNED_DEADLINE)
            fact_bits = CHOSEN_UNASSIGNED_DEADLINE if deadline_decides else 0
            if fixed and not own_fix and not shown and not late_reach and not gap:
                # evidently handled: the verdict says that it read the limits to decide so (probe8 P8-12)
                for rid in (HANDLING_LIMIT, *(() if (deadline_given is not None and assigned)
                                              or (by_deadline and rectified_on > by_limits) else (RECT_LIMIT,))):
                    if rid not in ctx.rests_on:
                        ctx.rests_on.append(rid)
                continue
            # rectified, but after the rectification limit: not taken as evidently handled, on the parameter — the
            # level's finding rests on it as much as an excusal would (probe9 P9-11), and says so (``rlim``: its
            # --explain said of the parameter "据此未另认定主体", no body named by it; review17 D4)
            rlim = rectified_on is not None and not fixed and not shown and not gap and not (
                deadline_given is not None and assigned)
            if rlim and RECT_LIMIT not in ctx.rests_on:
                ctx.rests_on.append(RECT_LIMIT)
            if own_fix:
                ctx.rests_on.append(SELF_RECTIFIED)
                if not must_report:
                    # rectified by the day the limits give it (no deadline of an assignment): they spared it as much
                    # as the reading did (review18 P1: by 15 days it answers)
                    if not (deadline_given is not None and assigned):
                        for rid in (HANDLING_LIMIT, RECT_LIMIT):
                            if rid not in ctx.rests_on:
                                ctx.rests_on.append(rid)
                    continue
            # — and, as much, one that could still put it right itself on the day of the verdict: no failure of 一(四)
            # has happened yet where the reading spares a fix in time and that time has not run out (the same window
            # as ``fixed``: its handling limit, then the rectification limit; or the record's deadline, as there) and
            # the problem is not yet rectified (check62 X2: a village's own grid find, no step, named 没有按程序及时上报
            # on day 24 of its 40, while the same village putting it right on day 35 was named by nobody). With
            # true the report was due within the handling limit: it answers, and the finding rests on the reading.
            # Only a level the record shows no step of at all from its day: one whose step counts as none
            # (irregular_step: a township's late renovation handed down to its village, a report to a body with no
            # part) shows how the problem went, and not to its own hands (check62 X1 keeps that question open).
            idle_level = not any(x["by_level"] == level and x["on"] >= received for x in steps)
            own_open = own_fixed and idle_level and not fixed and not before(due) \
                and (rectified_on is None or rectified_on > as_of) \
                and as_of <= (deadline_given if deadline_given is not None and (assigned or by_deadline)
                              else by_limits)
            if own_fixed and idle_level and not fixed and not must_report and not before(due) and stretch \
                    and setting.has_unassigned_deadline and (rectified_on is None or rectified_on > as_of) \
                    and by_limits < as_of <= deadline_given:
                # (a record's deadline with no assignment shown, and the day of the verdict between the limits' end
                # and it: deadline_without_assignment decides whether the window is still open, as for a fix in it)
                fact_bits |= CHOSEN_UNASSIGNED_DEADLINE
                if UNASSIGNED_DEADLINE not in ctx.rests_on:
                    ctx.rests_on.append(UNASSIGNED_DEADLINE)
            if own_open:
                if SELF_RECTIFIED not in ctx.rests_on:
                    ctx.rests_on.append(SELF_RECTIFIED)
                if not must_report:
                    if not (deadline_given is not None and assigned):
                        for rid in (HANDLING_LIMIT, RECT_LIMIT):
                            if rid not in ctx.rests_on:
                                ctx.rests_on.append(rid)
                    continue
            elif own_fixed and idle_level and not fixed and not must_report and not before(due) \
                    and (rectified_on is None or rectified_on > as_of) \
                    and not (deadline_given is not None and assigned):
                # (its window has run out, unrectified: the finding waited for the rectification limit too, by the
                # reading that spares a fix in time — the verdict says so, as it does while the window is open; check66
                # OT5: with rectification_time_limit_days 10 a township named on day 24 listed neither)
                for rid in (SELF_RECTIFIED, RECT_LIMIT):
                    if rid not in ctx.rests_on:
                        ctx.rests_on.append(rid)
            if before(due):  # its handling limit ran out before the duties applied
                continue
            # A body that holds the problem as its finder or receiver, at a level that rectifies it, and is itself the
            # one to rectify it (:func:`holds_own_work`: 县民政局 told of an application not approved, 二(三)3) has no
            # 交办 to make; if its level shows no step of its own, whether what it sat on is 没有按程序及时交办
            # or its own 交办问题整改落实不到位 is rectifier_holding's (review27 #9): by not_rectified it answers for
            # not having rectified it by the day a level that did all in time would have seen it rectified (its
            # handling limit, then the rectification limit, as ``fixed`` above). Either way the verdict rests on it.
            # (a named finder or receiver that gives way to its level: the body receiving_level_body chooses)
            own_hold = False  # (the fact's ``own``: rectifier_holding decided it, and its findings rest on it)
            # A level that had it through no body the record names, where the record shows the level itself handing
            # it to a body of its own that counts as none (irregular_step: a county bureau with no part), shows that
            # whoever held it passed it on by category (一(三) 县级建立…台账，按照问题类别…列出问题清单、责任清单) — not
            # the kind's department sitting on its own work: the record shows the problem going elsewhere, never to
            # that department. Which of the level's bodies with a part in passing it on made that hand-over the record
            # does not say: by receiving_level_body: unresolved, the level's 负有该问题交办上报职责的机构（记录未写明）,
            # once (review42 R2: 县医保 was named 本身负责该问题的办理和整改 for a problem the county sent to 县教育局)
            # — the county's, whose ledger 一(三) gives that sorting to; at the city and the province (省市两级及时回应
            # 基层反映问题, no ledger: :func:`keeps_lists`; their stand-in bodies, check42 C3, stand only where no
            # department is tied to the kind) receiving_level_body's department stands (FID39B-11).
            # The text leaves open whether that department (the 责任清单 points the kind to it) had it and passed it on
            # wrongly: misrouted_level_holder decides (kind_department: receiving_level_body's body, as before), and
            # the verdict rests on it either way. (A record whose sector, or whose named bodies, give it a line says
            # whose problem it is: receiving_level_body's line department stands.)
            # — and a level whose record shows the problem reaching it only through a report to a body of it with
            # no part in passing it on (its discipline commission or audit office, by report_to_oversight; by
            # any_receiver, a bureau with no part): the record shows the problem going there, never to the kind's
            # department, as where the level's own hand-over went astray (check52 #4, T7: a township's report of a
            # dangerous house to 县纪委 made 县建设部门 answer 本身负责该问题的办理和整改) — the same reading decides
            # — where the level has several holders and receiving_level_body would name a department of them (one
            # body holding its handling answers either way; one standing for them unnamed already is that body)
            unnamed = level_holders_unnamed(policy, level) if keeps_lists(policy, level) and setting.receive_role \
                and setting.misrouted is not None and sector is None and steps and (any(
                    x["by_level"] == level and x["to_level"] == level and x["action"] == "assigned"
                    and x["to_body"] is not None and x["on"] >= received and not any(x is a for a in acted)
                    for x in steps) or (bool(setting.oversight_report) and any(
                        x["action"] == "reported" and x["to_level"] == level and x["on"] == received
                        and x["to_body"] is not None and (oversight_organ(policy, x["to_body"]) or (
                            setting.report_any and level_body(policy, x["to_body"])))
                        and not policy.has_part(area, kind, x["to_body"], line) for x in steps)
                        and (receiving_body(policy, area, kind, level, sector, prank) not in (
                            None, level_holders_unnamed(policy, level))
                             # (or the stand-in for the holders of one item, who would answer each: item_holders)
                             or len(item_holders(policy, area, kind, level, prank)) > 1))) \
                and (not body or gives_way(policy, area, kind, level, body, prank)) else None
            dispatched = unnamed is not None and bool(setting.misrouted)
            if setting.own_work is not None and not below_authority and not dispatched:
                me, chose = body, False
                if (not body or gives_way(policy, area, kind, level, body, prank)) \
                        and setting.receive_role is not None:
                    # (the body receiving_level_body chose; where it chooses none, the level's one holder of the
                    # handling, which answers under either value: check48a #2, a 共性问题 reported to the province)
                    chosen_by = receiving_body(policy, area, kind, level, sector, prank) if setting.receive_role \
                        else None
                    chose = chosen_by is not None
                    if chose:
                        note_untied(policy, ctx, area, kind, level, sector)
                    me = chosen_by or sole_holder(policy, area, kind, level, prank) or ""
                # (the stand-in chosen for bodies that hold the kind as one item of their own, 县（市、区）党委、政府's
                # 二(六)1(4) 干部联系: they are the ones to rectify it, each — check57 #5)
                mine = item_holders(policy, area, kind, level, prank) \
                    if chose and me == level_holders_unnamed(policy, level) else ()
                if len(mine) > 1:
                    me = mine[0]
                else:
                    mine = (me,)
                # (a step of its level the record shows that counts as none — irregular_step: 一(三) 按程序, not the
                # county hotline's find "assigned" to a township that cannot approve it — is no step of its own: what it
                # sat on is still rectifier_holding's; review32 R32-147, F6)
                # (a record naming no line: the body's own, as the reason reads it — Decider.own_holding: 省民政厅
                # chosen for a 两不愁 policy gap was told 本身负责该问题的办理和整改 while rectifier_holding was not
                # consulted; check48a #2)
                # (a level's Party committee or government, which rectifies only by level_assignment_leaders: rectify —
                # under press it leads and presses the department, and answers for not passing the problem on:
                # either way the finding rests on that parameter where rectifier_holding reads its sitting as its own
                # 整改不到位; check49b #3)
                idle = bool(me) and not any(
                    x["on"] >= received and (any(x is a for a in acted) if x["by_level"] == level else (
                        x["to_level"] == level and (x["action"] != "reported" or (x["to_body"] or "") != body)))
                    for x in steps)
                if idle and setting.own_work and leading_rectifier(policy, area, kind, me, prank) \
                        and _holds_own_duty(policy, area, kind, me, prank,
                                            sector if sector is not None else line_of(policy, me)):
                    fact_bits |= CHOSEN_LEADING
                    if LEADERS not in ctx.rests_on:
                        ctx.rests_on.append(LEADERS)
                if me and holds_own_work(policy, area, kind, me, prank,
                                         sector if sector is not None else line_of(policy, me)) and idle:
                    own_hold = True
                    if OWN_WORK not in ctx.rests_on:
                        ctx.rests_on.append(OWN_WORK)
                    if setting.own_work:
                        if chose and RECEIVER not in ctx.rests_on:
                            ctx.rests_on.append(RECEIVER)
                        own_due = deadline_given if deadline_given is not None and assigned \
                            and deadline_given >= received else received + limit + rect_limit
                        for rid in (HANDLING_LIMIT, *(() if own_due == deadline_given else (RECT_LIMIT,))):
                            if rid not in ctx.rests_on:
                                ctx.rests_on.append(rid)
                        if (rectified_on is None or rectified_on > own_due) and as_of > own_due \
                                and not before(own_due):
                            if own_due != deadline_given:
                                ctx.deadline_from_parameter = True
                            ctx.assigned.setdefault(rank[level], (received, own_due))
                            for one in mine:
                                ctx.assigned_to.setdefault((rank[level], one), (received, own_due))
                            # (its level's steps within its limit that counted as none: the finding rests on
                            # irregular_step too, as a not_handled one does, and --explain names them)
                            own_aside = _set_aside(
                                steps, handled, level, received, due, below_authority, stuck or rank[level] < rank[
                                    nominal], can_rectify, rank, to_right, place_step, setting.place_assignee,
                                kind is None) if steps and setting.has_irregular else ""
                            if own_aside:
                                ctx.set_aside = True
                            for one in mine:
                                add("unrectified", {"lvl": rank[level], "body": one, "atp": 0, "slow": 0, "later": "",
                                                    "aside": own_aside, "own": 1, "nod": 0,
                                                    **({"chosen": fact_bits} if fact_bits else {}),
                                                    **_shown_fields(setting, policy, rank[level], d_level, steps,
                                                                    concealed_by)})
                        continue
            if gap:
                if MISSING_STEP not in ctx.rests_on:
                    ctx.rests_on.append(MISSING_STEP)
                if not setting.missing:
                    continue
            # a level whose 交办 to a body of the place's level place_above_rectifiers (holder) does not count answers
            # by that parameter (review10 R10A-06); so does one whose 交办 to the place's level names no body where no
            # body stands for the level (holder: review17 D2, R21-2; the default counts one naming none as one naming
            # its role, with a kind or without: review32 F3, fid33a)
            discounted = setting.has_place_above and bool(steps) and any(
                x["by_level"] == level and x["action"] == "assigned" and (
                    (place_step(x) and not setting.place_assignee)
                    or (x["to_body"] is None and place_step(x, named=False)))
                for x in steps)
            # its own steps within the limit that the record shows but that count as none (not 按程序): the finding
            # rests on that reading, and --explain names them (``aside``; review17 D5, review17c K4) — asked only of a
            # level that answers, with steps
            aside = _set_aside(steps, handled, level, received, due, below_authority, stuck or rank[level] < rank[
                nominal], can_rectify, rank, to_right, place_step, setting.place_assignee, kind is None) \
                if steps and setting.has_irregular else ""
            # — and a step by a level above it that the record does not show holding the problem, made within this
            # level's limit: it shows the problem reached that level from this one (逐级上报; R7-X1–X3 read it so below
            # the authority, where such a report is the 报送 the text asks); at or above the authority a report upward
            # is not 按程序 (一(三) 对超出本级权限的…报送), as when the record shows it, and --explain names the step
            # that shows it (review26 F5; ``shown``)
            if steps and setting.has_irregular and not (stuck or rank[level] < rank[nominal]):
                shown_by = _shown_report(steps, handled, level, received, due, [
                    x for x in holders if x not in stepped] if stepped else holders, rank)
                if shown_by:
                    aside = f"{aside} {shown_by}".strip()
            if aside:
                ctx.set_aside = True
            # (a higher level's 交办 to a body of this level that rectifies it disposes of the level's handling
            # too: that body is the assignee, with nothing to pass on — it answers 整改不到位 if it fails, not for not
            # passing it on from the day it was assigned it; review30 #4's probe: 县建设部门 named 未及时交办上报 for
            # the city's assignment of a renovation back to it)
            late_bodies = _later(steps, level, body, due, hands, as_of, limit, [h["on"] for h in acted] + (
                [h["on"] for h in steps if rank[h["by_level"]] > rank[level] and h["on"] >= received]
                if below_authority else [h["on"] for h in steps if h["to_level"] == level and h["on"] >= received
                                         and rank[h["by_level"]] > rank[level] and h["to_body"] is not None
                                         and counts(h) and policy.rectifies(area, kind, h["to_body"], prank)]),
                                 ctx.handed, rank[level]) if steps else ""
            # a level with departments that received it through no body the record names: which of its bodies holds
            # it is receiving_level_body's where several hold its handling (review22 R22-2; the county too, review23
            # #1); the finding and the verdict rest on it either way (``chosen``)
            # — a named finder or receiver that gives way to its level's holders (the county audit office, 二(一)2(3))
            # says no more of who had it than a record naming none: the same reading (review27 #2: the level's every
            # holder answered, 县扶贫办 beside 县建设部门, resting on no parameter)
            holder, by_receiver = body, 0
            items: tuple[str, ...] = ()
            if (not body or gives_way(policy, area, kind, level, body, prank)) and setting.receive_role is not None:
                receiver = receiving_body(policy, area, kind, level, sector, prank)
                if receiver is not None and setting.receive_role:
                    note_untied(policy, ctx, area, kind, level, sector)
                if receiver is not None:
                    by_receiver = 1
                    # (a city or the province, no ledger to sort it by, whose one holder only guides the grassroots,
                    # where both values name the same department — the one the text ties to the kind's work there,
                    # 市民政 for an identification problem: the finding does not rest on the parameter, nor the
                    # verdict by it; fid49's left item)
                    same = sector is None and not keeps_lists(policy, level) \
                        and receiver not in late_bodies.split() and (rank[level], receiver) not in ctx.handed \
                        and guiding_receiver(policy, area, kind, level, prank) == receiver
                    if same:
                        by_receiver |= CHOSEN_RECEIVER_SAME
                    elif RECEIVER not in ctx.rests_on:
                        ctx.rests_on.append(RECEIVER)
                    if setting.receive_role:
                        holder = receiver
                        if receiver in late_bodies.split() or (rank[level], receiver) in ctx.handed:
                            # the department of the kind (or of the record's line), which the record shows the level
                            # handed it to only after its limit (fidelity12 G3c): it did not hold it before, and which
                            # body did the record does not say — the role, unresolved, once; at the county, whose
                            # lists sort what reaches it (一(三)), the body of it with that duty the record does not
                            # name, as where its own hand-over is set aside (``dispatched``): the role would stand for
                            # the very department the record shows did not have it (check51b #3, X06)
                            holder = late_stand_in(policy, level)
                        elif dispatched:
                            # (its own hand-over within the level, set aside: the body that passed it on, unnamed)
                            holder = unnamed or holder
                        elif receiver == level_holders_unnamed(policy, level):
                            # (the stand-in for the bodies whose own item the kind is, together —
                            # 县（市、区）党委、政府, 二(六)1(4) 确保…每户有一名干部联系: the keeper is not shown to
                            # have had it, so they did, and each answers, as for its 应发现未发现 and 整改不到位; not
                            # where the record shows one of them handed it only late: which body had it before, the
                            # record does not say; check57 #5)
                            items = item_holders(policy, area, kind, level, prank)
                            if len(items) < 2 or any(x in late_bodies.split() or (rank[level], x) in ctx.handed
                                                     for x in items):
                                items = ()
                        if unnamed is not None:
                            by_receiver |= CHOSEN_MISROUTED
                    elif sector is None and (guide := guiding_receiver(policy, area, kind, level, prank)) is not None \
                            and guide not in late_bodies.split() and (rank[level], guide) not in ctx.handed:
                        # handling_holders at a city or the province whose one holder only guides the grassroots: the
                        # department the text ties to the kind's work there, as concealing_level_body's
                        # handling_holders reads such a level (市民政 for an identification problem, 二(三)6; fid48)
                        holder = guide
            # — and a level that had it by a report to its supervisory organ (or, by any_receiver, to a bureau with no
            # part) has it by report_to_oversight: its finding rests on that (``chosen`` bit 4; review29 #6)
            if body and setting.oversight_report and (oversight_organ(policy, body) or (
                    setting.report_any and level_body(policy, body))) and any(
                    h["action"] == "reported" and h["to_body"] == body and h["to_level"] == level for h in steps):
                by_receiver |= CHOSEN_OVERSIGHT_REPORT
            # — so does a level that had it by any_receiver through a bureau with no part (it holds it through no
            # body), and one whose own report within its limit went to such an organ or bureau and was set aside:
            # another value of report_to_oversight reads that report as received, and the level as having passed it on
            # (review31 #6, R31-43: the county's report of a housing policy gap to 市教育部门 — its not_handled goes
            # under any_receiver, and named only irregular_step)
            if setting.oversight_report is not None and steps and not by_receiver & CHOSEN_OVERSIGHT_REPORT and any(
                    h["action"] == "reported" and h["to_body"] is not None and (
                        (h["to_level"] == level and not body and h["on"] >= received)
                        or (h["by_level"] == level and f"{_index(handled, h)}:part" in aside.split()))
                    and not policy.has_part(area, kind, h["to_body"], line)
                    and (oversight_organ(policy, h["to_body"]) or level_body(policy, h["to_body"])) for h in steps):
                by_receiver |= CHOSEN_OVERSIGHT_REPORT
            # — and a level that holds it by an assignment pressing_level_assignment (pass_down) reads as a receipt to
            # pass down: under assignee it would be the assignee, its not passing it on no failure of its own (review33
            # R1: a city's 未及时交办上报 with leadership at grave listed the parameter with no finding resting on it)
            if shown_pressed.get(level) == received or (pressed and any(
                    id(h) in pressed and h["to_level"] == level and h["on"] == received for h in steps)):
                by_receiver |= CHOSEN_PRESSED
            # — and one that holds it by a report upward irregular_step sets aside, by set_aside_report_receiver
            # (holds; review41 F4)
            if aside_reports and any(id(h) in aside_reports and h["to_level"] == level and h["on"] == received
                                     for h in steps):
                by_receiver |= CHOSEN_ASIDE_REPORT
            # (the role chosen for departments each holding its own part names each of them by sectorless_alternatives:
            # every_holder; review35b F4)
            standing = items or (standing_for(policy, area, kind, level, holder, "not_handled", prank)
                                 if by_receiver & 1 and holder != body else (holder,))
            for one in standing:
                add("unhandled", {"lvl": rank[level], "body": one, "escalate": int(below_authority),
                                  "selffix": int(own_fix or disposed or own_open), "atp": int(discounted),
                                  "rlim": int(rlim),
                                  "aside": aside, "later": late_bodies, "own": int(own_hold),
                                  "chosen": by_receiver | (CHOSEN_MISSING_STEP if gap else 0) | fact_bits})
            if (holder != body or by_receiver & CHOSEN_BY_PARAMETER) and steps:
                # a department the record shows the level handed it to answers beside the body chosen, which stands
                # for the one that had it before: handed within the level's limit, from the level's day, as among the
                # level's holders; handed after it, only where it then sat on it, from its own day (_later, R-sat)
                # — beside the level's holders under receiving_level_body: handling_holders too: its own sitting on it
                # does not depend on who is taken to have held it before (check42 N1: 市住建, handed it 03-20 and
                # never passing it on, was named only under unresolved)
                handed_to: list[str] = []
                for h in steps:
                    to = _named(h)
                    if h["to_level"] == level and to is not None and to not in standing and to not in handed_to \
                            and hands(h):
                        handed_to.append(to)
                out = set(late_bodies.split())
                for sat in handed_to:
                    # (under handling_holders the level's holders stand for its own days: only a department handed it
                    # late that then sat on it past its own limit is added, from its own day)
                    if sat not in out and (holder != body or (rank[level], sat) in ctx.handed):
                        add("unhandled", {"lvl": rank[level], "body": sat, "escalate": int(below_authority),
                                          "selffix": int(own_fix or disposed or own_open), "atp": int(discounted),
                                          "rlim": int(rlim), "aside": aside, "later": "", "chosen": 0, "own": 0})

    if no_duty and setting.level_holds and setting.passes_on is not None:
        _misassigned(steps, handled, no_duty, setting, ctx, facts, add, to_right, before, rank, record_deadline,
                     rectified_on, as_of)
    # Every level the problem was assigned to answers for its rectification. One that passed it down within the
    # handling limit has done its 交办: by default it answers as a supervisor of the level below (一级抓一级, 三(二)),
    # not as assignee too.
    reassigned = setting.reassigned
    # Only an assignment that counts (一(三) 按程序 交办) — neither kind of the others replaces an assignment the level
    # received (probe8 P8-26). Each body a level's problem was assigned to answers (一(四) 对交办问题整改落实不到位的):
    # two departments of one level assigned it both answer, whatever the order of the steps (probe8 P8-09); an
    # assignment to the level without a body is to all of its rectifiers, and takes in the ones to its bodies.
    groups: dict[str, dict[str, list[Any]]] = {}
    for h in steps:
        if counts(h):
            groups.setdefault(h["to_level"], {}).setdefault(h["to_body"] or "", []).append(h)
    # an assignment the record shows only by the assignee's own step (``implied``), to a level it shows no other
    # assignment to: the level's group, from the day of that step
    for to, h in implied.items():
        if to not in groups:
            groups[to] = {"": [h]}
    for level, by_body in sorted(groups.items(), key=lambda x: rank[x[0]]) if len(groups) > 1 else list(groups.items()):
        level_facts = len(facts)  # (its rectification facts are the ones added from here: _late_pass_on reads them)
        every = [h for h in steps if counts(h) and h["to_level"] == level] or by_body.get("", [])
        # (a record with no kind: only at the place's level of a city or the province, where place_step says nobody
        # up to the assigner rectifies it; R21-2)
        stuck = rank[level] not in can_rectify if kind is not None else any(place_step(h, named=False) for h in every)
        if stuck:  # 二(三)6 …: no body there can rectify it (a provincial rule assigned to a county) — but at_place
            every = [h for h in every if (kind is None and not place_step(h, named=False)) or at_place(h)]
            by_body = {b: [h for h in g if (kind is None and not place_step(h, named=False)) or at_place(h)]
                       for b, g in by_body.items() if b}
            by_body = {b: g for b, g in by_body.items() if g}
            if not every:
                continue
        # the level's own 交办 to a body of its own (一(三) 列出…责任清单) names who rectifies what it received as a
        # whole: that body answers, the level's others press it (二(二)4 指导督促部门; probe9 P9-18)
        # — made by the deadline (one after it leaves the level's missed deadline with the level; review9a R9A-2)
        # (the level's deadline: that of its first assignment, its own else the record's)
        level_given = _own_deadline(every[0], record_deadline)
        due_inside = level_given if level_given is not None else every[0]["on"] + rect_limit
        inside = {h["to_body"] for h in every if h["by_level"] == level and h["to_body"] is not None
                  and h["on"] <= due_inside and policy.rectifies(area, kind, h["to_body"], prank)}
        chosen = by_body
        later: dict[str, str] = {}  # by group: the departments handed the problem only after the level's deadline
        if inside:
            chosen = {b: g for b, g in by_body.items() if b}
        elif "" in by_body:
            # the level as a whole from its first such assignment; a body named before it keeps its own (a re-issue to
            # the whole level after the deadline does not bind the others to that body's deadline; review9a R9A-6)
            whole = every.index(by_body[""][0])
            early = {b: g for b, g0 in by_body.items() if b and (g := [h for h in g0 if every.index(h) < whole])}
            chosen = {**early, "": every[whole:]}  # in the order they were assigned
            # — but a department the record shows was first handed the problem only after the deadline the level as a
            # whole had already missed (the city assigns the county on 03-02 to 03-20; the county hands its construction
            # bureau the problem on 03-25) was not 交办'd what the level missed: 一(四) 对交办问题整改落实不到位的
            # names a body for an assignment it had, and the record shows it had none before then. It answers from its
            # own day (its own group, its period from then: probe8 P8-24), and the level's other holders for the level's
            # deadline (the fact's ``later`` takes it out of them), or nobody (fidelity13 R-late; as _later for
            # not_handled). A department named by then stays in the level (the whole-level reading, R9A-6); the village
            # and the township are their holders (``hands``).
            level_due = _deadline(_own_deadline(every[whole], record_deadline), every[whole]["on"], rect_limit)
            first: dict[str, dt.date] = {}
            for h in every[whole:]:
                if h["to_body"] is not None and h["to_body"] not in early and hands(h):
                    first.setdefault(h["to_body"], h["on"])  # in day order
            after = [b for b, on in first.items() if on > level_due]
            if after:
                later[""] = " ".join(sorted(after))
                chosen.update({b: [h for h in every[whole:] if h["to_body"] == b] for b in after})
        for body, given in chosen.items():
            # Whether the deadline had passed when it was assigned is decided by its FIRST counting assignment: a
            # second 交办 after the deadline (a reminder, a re-issue) does not erase the deadline it missed (一(四)
            # 对交办问题整改落实不到位的; review8a R8A-1); the reason names that assignment (probe9 P9-10). A body the
            # level itself assigned it to is bound from the level's first (the level held it since).
            on, h = (every[0] if body in inside else given[0])["on"], given[-1]
            start = given[0]  # (the assignment whose terms bind it: its deadline, its own else the record's)
            if body in inside:
                # bound by the period of what its level was handed from above (一(四) 交办问题整改落实不到位的: the
                # level's deadline), or, for a problem its level found itself, by its own 交办 (review9a R9A-2)
                above = next((x for x in every if x["by_level"] != level and x["on"] <= given[0]["on"]), None)
                if above is not None:
                    start = above
                on = start["on"]
            set_by = _own_deadline(start, record_deadline)
            deadline = _deadline(set_by, on, rect_limit)
            if deadline != set_by:
                # no deadline, or one that had passed when it was first assigned (a county that passed it on after the
                # deadline): the period runs from its own assignment (一(四) 交办问题整改落实不到位; probe8 P8-24)
                ctx.deadline_from_parameter = True
            level_on = every[0]["on"] if body in inside else on
            ctx.assigned.setdefault(rank[level], (level_on, _deadline(
                _own_deadline(every[0] if body in inside else start, record_deadline), level_on, rect_limit)))
            # its reason gives the day it was itself first handed the problem (review9a R9A-2)
            ctx.assigned_to.setdefault((rank[level], body), (given[0]["on"], deadline))
            late = rectified_on is None or rectified_on > deadline
            if deadline != set_by and (not late or as_of <= deadline) and RECT_LIMIT not in ctx.rests_on:
                # the period the parameter gives had not run out, or the problem was rectified within it: the limit
                # spared the assignee (by 15 days a fix on day 25 is late), and the verdict says so (review18 P1)
                ctx.rests_on.append(RECT_LIMIT)
            if late and as_of > deadline and not before(deadline):
                # Passed down in time to a lower level that can rectify it, to a body with a part in it (一(三)
                # 按照问题类别、办理权限…交办): a pass-down to one that cannot is no 交办: the level still answers
                # (P8-11).
                ons = [x["on"] for x in steps if x["action"] == "assigned" and x["by_level"] == level
                       and rank[x["to_level"]] < rank[level] and h["on"] <= x["on"] and to_right(x)
                       and (kind is None or rank[x["to_level"]] in can_rectify)]
                # — or, a body a higher level named, handed in time to a body of its level it directs that rectifies it
                # (the county education bureau to the school, 二(六)2(1)–(2)): the same pass-on (probe10 P10-02); not
                # one handed sideways to a peer department (review10 R10A-03)
                # — the same when its own level named it and then handed it to that body (the county names the bureau,
                # then the school: probe11 P11-01)
                if body:
                    ons += [x["on"] for x in every if x["by_level"] == level and x["to_body"] in inside
                            and body in policy.under(x["to_body"]) and h["on"] <= x["on"]]
                passed = any(x <= h["on"] + limit for x in ons)
                # passed on, but after the handling limit: it answers as assignee only because that was not 及时 — on
                # the limit and on reassigned_level_answers, which a pass-on in time would have decided (probe10 P10-11)
                slow = bool(ons) and not passed and setting.has_reassigned and reassigned == "supervision"
                if passed and setting.has_reassigned:
                    if reassigned == "supervision":
                        if REASSIGNED not in ctx.rests_on:
                            ctx.rests_on.append(REASSIGNED)
                        continue
                    ctx.passed.add(rank[level])
                # its pass-downs within the limit that counted as none (to a body with no part in the problem, to a
                # level where nobody can rectify it): one that counted would have left it a supervisor only
                # (reassigned_level_answers: supervision), so it answers as assignee by irregular_step, as a level's
                # not_handled finding does (review17 D5) — asked only of a level that answers; and, the level as a
                # whole assigned it, its assignment by the deadline to a body of its own with no part in it: one to a
                # body that rectifies it would have made that body the assignee and the others its supervisors
                # (``inside`` above)
                aside = _passed_aside(steps, handled, level, h["on"], h["on"] + limit, deadline, rank, can_rectify,
                                      to_right, kind is None, setting.has_reassigned and reassigned == "supervision",
                                      not body) if not passed and steps and setting.has_irregular else ""
                if aside:
                    ctx.set_aside = True
                # an assignee that reported it in time to the body above that rectifies it (``bounced``): by
                # assignee_report_to_rectifier (passed_on) it has passed it on, and that body answers for its own
                # sitting on it (review43a D1); the verdict rests on the reading either way — unless the problem was
                # assigned to it again after that report: then it holds it by that assignment, as one never reported
                # back would (check54 #1: the county assigns the township, the township reports it back, the county
                # assigns it again; nobody answered 整改不到位, though the township sat on it to the deadline)
                back_up = [x for x in steps if id(x) in bounced and x["by_level"] == level
                           and given[0]["on"] <= x["on"] <= given[0]["on"] + limit
                           and not _assigned_after(steps, given, x)] if bounced else []
                if back_up:
                    if TO_RECTIFIER not in ctx.rests_on:
                        ctx.rests_on.append(TO_RECTIFIER)
                    if setting.to_rectifier:
                        # (a report naming no body reached the rectifier by receiving_level_body's reading; its
                        # other value leaves the level holding it: the verdict says it rests on that too; check54 #2)
                        if all(x["to_body"] is None for x in back_up) and RECEIVER not in ctx.rests_on:
                            ctx.rests_on.append(RECEIVER)
                        continue
                if ons and not passed:
                    # passed on, but only after the handling limit: the finding takes the delay in, and its reason
                    # says it (check54 #3a; under either value of reassigned_level_answers — a fact of the record)
                    ctx.late_passes.setdefault((rank[level], body), min(ons))
                # a body of a level nobody there can rectify at answers only by place_above_rectifiers (R9A-10)
                # (an assignment a lower level's step shows, in time by the handling limit only: ``slow`` makes the
                # finding rest on the limit, as a pass-on after it does)
                add("unrectified", {"lvl": rank[level], "body": body, "atp": int(stuck and setting.has_place_above),
                                    "slow": int(slow or any(x.get("_limit") for x in given)),
                                    "later": later.get(body, ""), "aside": aside, "own": 0,
                                    # (its group holds an assignment assignment_without_rectification_duty read:
                                    # review28 #7)
                                    "nod": int(bool(no_duty) and any(id(x) in no_duty for x in given)),
                                    # (its rectification there only by a parameter's reading: its supervisors rest on
                                    # it too; check48b #1)
                                    "chosen": CHOSEN_SWITCHED if switched_rectifier(policy, area, kind, level, body,
                                                                                    prank) else 0,
                                    # (which levels above it the record shows had it: supervision_scope)
                                    **_shown_fields(setting, policy, rank[level], d_level, steps, concealed_by)})
        if setting.late_pass is not None and len(steps) > 1:
            # a group of this level that passed the problem on only after its handling limit, the delay taken in by no
            # rectification finding of the level: late_pass_on_answers decides (review41 F5, review41b D3)
            # (each group's first assignment: the ones chosen, and the level as a whole where its own 交办 to a body
            # of its own took it out of them)
            firsts: list[tuple[str, Any]] = [(b, g[0]) for b, g in chosen.items()]
            if "" in by_body and "" not in chosen:
                firsts.append(("", by_body[""][0]))
            for body, lead in firsts:
                got_on: dt.date = lead["on"]
                due = got_on + limit
                # (a rectification finding of the level takes the delay in; a level named for not passing it on as its
                # finder or receiver is not named again)
                if as_of <= due or before(due) or any(f["t"] == "unrectified" for f in facts[level_facts:]) \
                        or any(f["t"] == "unhandled" and f["lvl"] == rank[level] for f in facts):
                    continue
                ons = [x["on"] for x in steps if x["action"] == "assigned" and x["by_level"] == level
                       and x["on"] >= got_on and x is not lead and (
                           (rank[x["to_level"]] < rank[level] and to_right(x)
                            and (kind is None or rank[x["to_level"]] in can_rectify))
                           or (x["to_level"] == level and x["to_body"] is not None and x["to_body"] != body
                               and counts(x) and policy.rectifies(area, kind, x["to_body"], prank)
                               and (not body or body in policy.under(x["to_body"]))))]
                if not ons or min(ons) <= due:
                    continue  # (nothing passed on, or passed on in time)
                if LATE_PASS not in ctx.rests_on:
                    ctx.rests_on.append(LATE_PASS)
                if not setting.late_pass:
                    continue
                # who held it: the body the record shows was handed it (one assignment_without_rectification_duty read
                # as to the level, ``_step``), else as for a level that had a report through no body named
                # (receiving_level_body), the level's role where that body was itself handed it only late
                late_holder: str = body or _named(lead) or ""
                by_receiver = 0
                if not late_holder and setting.receive_role is not None:
                    receiver = receiving_body(policy, area, kind, level, sector, prank)
                    if receiver is not None and setting.receive_role:
                        note_untied(policy, ctx, area, kind, level, sector)
                    if receiver is not None:
                        by_receiver = CHOSEN_BY_PARAMETER
                        if RECEIVER not in ctx.rests_on:
                            ctx.rests_on.append(RECEIVER)
                        if setting.receive_role:
                            late_holder = receiver
                            if any(x["to_level"] == level and _named(x) == receiver
                                   and x["on"] > due for x in steps):
                                late_holder = late_stand_in(policy, level)
                ctx.received.setdefault(rank[level], got_on)
                for one in (standing_for(policy, area, kind, level, late_holder, "not_handled", prank)
                            if by_receiver and late_holder else (late_holder,)):
                    # (``escalate`` 0: an assignee has nothing to report up — its reason is not a finder's below the
                    # authority, 应及时上报)
                    add("unhandled", {"lvl": rank[level], "body": one, "escalate": 0,
                                      "selffix": 0, "atp": 0, "rlim": 0, "aside": "", "later": "",
                                      "chosen": by_receiver | CHOSEN_LATE_PASS, "own": 0})
                break  # (one late pass-on finding a level)

    # a concealment is judged with the check it hid the problem from (一(四) 在…过程中瞒报漏报): one before the duties
    # applied is not judged, as a miss of that day is not (policy_in_force_from; review27 #1)
    for who in () if before(d_on) else concealed_by:
        if who in rank:
            # the parameter chose the body a level with a role body stands for: its finding rests on it (review18b D6)
            by_parameter = setting.conceal_role is not None and who in policy.roles
            if by_parameter and CONCEALER not in ctx.rests_on:
                ctx.rests_on.append(CONCEALER)
            stand = _concealer(policy, area, kind, who, sector, bool(setting.conceal_role))
            # (the role chosen for departments each holding its own part names each of them by sectorless_alternatives:
            # every_holder; review35b F4)
            for one in standing_for(policy, area, kind, who, stand, "concealed") if stand else (stand,):
                add("concealed", {"lvl": rank[who], "body": one, "chosen": int(by_parameter)})
        else:
            lvl = rank[policy.bodies[who].level]
            if lvl == rank[d_level] and unit_below_level(policy, who, area, kind):
                # a school hid it from its own level's check (县教育局's 核查): below that level by
                # unit_below_own_level, it answers as any concealer below the finder (review37 D2)
                if BELOW not in ctx.rests_on:
                    ctx.rests_on.append(BELOW)
                add("concealed", {"lvl": lvl, "body": who, "chosen": CHOSEN_UNIT_BELOW})
                continue
            if lvl == rank[d_level]:
                # a department that concealed it from its own level's audit or other oversight: 瞒报 by
                # same_level_oversight_concealment (its default), or not judged; either way the verdict says so (R20-2)
                if SAME_LEVEL_CONCEALMENT not in ctx.rests_on:
                    ctx.rests_on.append(SAME_LEVEL_CONCEALMENT)
                if not policy.parameter(SAME_LEVEL_CONCEALMENT):
                    continue
                # (the finding rests on it: ``chosen`` bit 2, review29 #5)
                add("concealed", {"lvl": lvl, "body": who, "chosen": CHOSEN_SAME_LEVEL})
                continue
            add("concealed", {"lvl": lvl, "body": who})
    if sector is not None:
        # a county the record's line names no body of (untied_line) answers as for a record naming none, whoever of it
        # had the problem — found it, missed it, was handed it or hid it (engine/_decide: Decider._untied): the verdict
        # says the line was not used there wherever the county is in the record's chain (fid51's left item)
        for level, r in rank.items():
            if keeps_lists(policy, level) and any(
                    f.get("lvl") == r or (f["t"] == "found" and f.get("prank", r + 1) <= r < f.get("frank", 0))
                    for f in facts):
                note_untied(policy, ctx, area, kind, level, sector)
        if alternatives and SECTORLESS not in ctx.rests_on and any(
                (b := policy.bodies.get(f.get("body") or "")) is not None and b.role for f in facts):
            # a level's 问题所属部门 named for a record whose line gives no department of that level the problem (the
            # province's, which received the city's report of a student-aid problem whose assignee named the 扶贫办's
            # line): what the role stands for there is the reading of a record naming no line — its departments' parts
            # as one (二(六)2(4), 负有交办职责) or none of them (every_holder: 发现（接报）该问题) — and the verdict
            # rests on it where it changes a finding (check54 #5: R4, R86)
            ctx.rests_on.append(SECTORLESS)
    return facts, ctx


#: Why a step of a level that answers for not passing the problem on counted as none (an ``unhandled`` fact's
#: ``aside``; :func:`_set_aside`): to a body the text gives no part in the problem; a report upward of a problem
#: that does not exceed the level's authority; a level below the authority taking it on itself; an assignment to a
#: level where no body can rectify it; an assignment to the place's level that names no body; one to a body of the
#: place's level that place_above_rectifiers (holder) does not count.
ASIDE_REASONS = ("part", "own", "self", "level", "nobody", "place", "shown")


def _set_aside(steps: list[Any], handled: list[Any], level: str, received: dt.date, due: dt.date, below: bool,
               may_report: bool, can_rectify: frozenset[int], rank: dict[str, int], to_right: Callable[[Any], bool],
               place_step: Callable[..., bool], place_assignee: bool, kindless: bool) -> str:
    """The steps of ``level`` from ``received`` to ``due`` (its handling limit) that the record shows but that count
    as no step, each as ``"i:why"`` (``i`` its index in the record's ``handled``, ``why`` one of
    :data:`ASIDE_REASONS`), joined by a space: an ``unhandled`` fact's ``aside``. ``below``: the level is below the
    problem's authority; ``may_report``: a report upward by it passes the problem on (below the kind's own authority,
    or nobody at or below it can rectify it). A step below the authority that passes the problem down to a level
    that can rectify it is no such step: whether that was enough is self_rectified_report_required's."""
    out = []
    for x in steps:
        if x["by_level"] != level or not received <= x["on"] <= due:
            continue
        to = rank[x["to_level"]]
        if not to_right(x):
            why = "part"
        elif x["action"] == "reported":
            if may_report:
                continue
            why = "own"
        elif below:
            if to == rank[level]:
                why = "self"
            elif to < rank[level] and to in can_rectify:
                continue
            else:
                why = "level"
        elif x["to_body"] is None and place_step(x, named=False):
            why = "nobody"
        elif place_step(x):
            if place_assignee:
                continue
            why = "place"
        elif kindless or to in can_rectify:
            continue
        else:
            why = "level"
        out.append(f"{_index(handled, x)}:{why}")
    return " ".join(out)


def _reached_late(steps: list[Any], due: dt.date, can_rectify: frozenset[int], rank: dict[str, int],
                  counts: Callable[[Any], bool]) -> bool:
    """Whether the record shows the problem handed to a level that can rectify it (an assignment that ``counts``, to
    a level among ``can_rectify``), and first only after ``due``, a level's handling limit."""
    for x in steps:  # (in day order)
        if counts(x) and rank[x["to_level"]] in can_rectify:
            return x["on"] > due  # type: ignore[no-any-return]
    return False


def _shown_report(steps: list[Any], handled: list[Any], level: str, received: dt.date, due: dt.date,
                  holders: list[tuple[str, dt.date, str]], rank: dict[str, int]) -> str:
    """The first step, within ``level``'s limit (``received`` to ``due``), by a level above it that the record does not
    show holding the problem by then, where ``level`` is the highest level below it that did: it shows ``level``
    reported the problem up to it (逐级上报), as ``"i:shown"`` (an ``unhandled`` fact's ``aside``), or ``""``."""
    held: dict[str, dt.date] = {}
    for lv, on, _ in holders:
        held.setdefault(lv, on)
    for x in steps:
        by = x["by_level"]
        if not received <= x["on"] <= due or rank[by] <= rank[level] or (by in held and held[by] <= x["on"]):
            continue
        below = [lv for lv, on in held.items() if on <= x["on"] and rank[lv] < rank[by]]
        if below and max(below, key=lambda lv: rank[lv]) == level:
            return f"{_index(handled, x)}:shown"
    return ""


def _shown_pass_down(steps: list[Any], level: str, received: dt.date, due: dt.date,
                     holders: list[tuple[str, dt.date, str]], rank: dict[str, int], prank: int,
                     can_rectify: frozenset[int]) -> dict[str, Any] | None:
    """The first assignment, within ``level``'s limit (``received`` to ``due``), by a lower level at or above
    the place (rank ``prank``) that can rectify the problem (``can_rectify``) and that the record does not show
    having it by then — holding it, or assigned it — where ``level`` is the lowest level above it that held it by
    then: it shows ``level`` passed the problem down to it (交办) by that step's day. None where there is none."""
    held: dict[str, dt.date] = {}
    for lv, on, _ in holders:
        held.setdefault(lv, on)
    for x in steps:
        by, on = x["by_level"], x["on"]
        r = rank[by]
        # (an assignment: what the level disposed of it had; a report up may be of its own find)
        if x["action"] != "assigned" or not received <= on <= due or not prank <= r < rank[level] \
                or r not in can_rectify \
                or (by in held and held[by] <= on):
            continue
        # (handed it by another level's step: the level's own hand-over within itself — the county's to 县财政局, this
        # very step — is what shows it had the problem, not how it came to; counting it had the city, which found it
        # on 03-01, answer 未及时交办 for a county that assigned its 县财政局 on 03-02, where the county's step to its
        # township spares it)
        if any(y["to_level"] == by and y["by_level"] != by and y["on"] <= on for y in steps):
            continue
        above = [lv for lv, got in held.items() if got <= on and rank[lv] > r]
        if above and min(above, key=lambda lv: rank[lv]) == level:
            return x  # type: ignore[no-any-return]
    return None


def _passed_aside(steps: list[Any], handled: list[Any], level: str, start: dt.date, end: dt.date, deadline: dt.date,
                  rank: dict[str, int], can_rectify: frozenset[int], to_right: Callable[[Any], bool], kindless: bool,
                  down: bool, whole: bool) -> str:
    """The assignments by ``level``, an assignee since ``start``, that counted as none, as :func:`_set_aside` gives
    them (an ``unrectified`` fact's ``aside``): with ``down``, one down to a lower level by ``end`` (its handling
    limit) to a body the text gives no part in the problem (``part``) or to a level where nobody can rectify it
    (``level``); with ``whole`` (the level as a whole was assigned it), one by ``deadline`` to a body of its own with
    no part in it (``part``)."""
    out = []
    for x in steps:
        if x["by_level"] != level or x["action"] != "assigned" or x["on"] < start:
            continue
        to = rank[x["to_level"]]
        if down and to < rank[level] and x["on"] <= end:
            if not to_right(x):
                why = "part"
            elif not kindless and to not in can_rectify:
                why = "level"
            else:
                continue
        elif whole and to == rank[level] and x["to_body"] is not None and x["on"] <= deadline and not to_right(x):
            why = "part"
        else:
            continue
        out.append(f"{_index(handled, x)}:{why}")
    return " ".join(out)


def _named(h: Mapping[str, Any]) -> str | None:
    """The body step ``h`` handed the problem to, as the record names it — also where
    assignment_without_rectification_duty read it as to the level as a whole (``_step``: that body, with a part in the
    kind, received it then) — but not one the text gives no part in the kind, whose step was read as to its level
    (``_astray``: assignment_to_body_without_part, or the level's own later step, :func:`_reached`): such a body holds
    nothing of it (二(二)3 涉及本部门问题), and the level's holder stands for it (a late pass-on had named 县民宗局
    未及时交办上报)."""
    named: str | None = h["to_body"] if "_astray" in h else h.get("_step", h)["to_body"]
    return named


def _index(handled: list[Any], x: Any) -> int:
    """The index in the record's ``handled`` of step ``x`` (its fields' dict, or a copy of them with ``_step``)."""
    x = x.get("_step", x)
    return next(i for i, h in enumerate(handled) if h.__dict__ is x)


def _later(steps: Iterable[Any], level: str, body: str, due: dt.date, hands: Callable[[Any], bool],
           as_of: dt.date, limit: dt.timedelta, done: list[dt.date], handed: dict[tuple[int, str], dt.date],
           lvl: int) -> str:
    """The bodies of ``level`` the record shows were first handed the problem after ``due``, the level's handling limit
    (an ``unhandled`` fact's ``later``, ids joined by a space; the level's other holders answer for its delay, or
    nobody): a level that held the problem as a whole (a report to the county naming no body) and handed it to its
    construction bureau only after the limit had run out does not make the bureau answer for that delay — 一(四)
    对发现问题没有按程序及时交办和上报的 names a body for a time it held the problem, and the record shows the bureau
    received it only then (二(二)3 分类办理 starts when it has it; fidelity12 G3c).

    Only a step that ``hands`` it to a department shows that (a township "assigning" it to 乡镇（街道）, its own holder,
    does not). ``body``, the holder the level received it through, is never among them; nor is a body that then held
    it past its own limit (by ``as_of``) with the level's handling still undone — no day of ``done`` (the level's steps
    that dispose of it, and below the authority a higher level's showing that it got there) within it: a city
    construction bureau handed a policy gap that it never reported to the province answers for its own delay — from
    the day it was handed it, which ``handed`` (:attr:`Context.handed`, by ``lvl``, the level's rank) keeps for its
    reason."""
    first: dict[str, dt.date] = {}
    for h in steps:
        # (the body the record names, though assignment_without_rectification_duty read the step as to the level as
        # a whole: the record shows when that body received it)
        to = _named(h)
        if h["to_level"] == level and to is not None and to != body and hands(h):
            first.setdefault(to, h["on"])  # the steps are in day order
    later = []
    for b, on in first.items():
        if on > due:
            if as_of > on + limit and not any(x <= on + limit for x in done):
                handed[(lvl, b)] = on
            else:
                later.append(b)
    return " ".join(sorted(later))


def _assigned_after(steps: list[Any], given: list[Any], report: Any) -> bool:
    """Whether one of ``given`` (the assignments a group of a level holds the problem by) comes after ``report`` in the
    record's steps (in day order; one the same day written after it too): the report back did not end its holding."""
    at = next(i for i, s in enumerate(steps) if s is report)
    return any(i > at for i, s in enumerate(steps) if any(s is g for g in given))


def _own_deadline(h: Any, given: dt.date | None) -> dt.date | None:
    """The deadline assignment step ``h`` (a step's dict) set its assignee: its own (``handled[].deadline``), else the
    record's ``given`` (check61 L2: a second 交办 that set none is not held to the day another set)."""
    own = h.get("deadline")
    return own if own is not None else given


def _deadline(given: dt.date | None, on: dt.date, rect_limit: dt.timedelta) -> dt.date:
    """The deadline of an assignment made ``on``: the record's, unless there is none or it had passed that day."""
    return given if given is not None and given >= on else on + rect_limit


def main_facts(problem: Problem, facts: list[Fact], levels: Iterable[int]) -> list[Fact]:
    """The facts posted once failures are found at ``levels`` (ranks), for main responsibility."""
    base = {k: facts[0][k] for k in ("area", "kind", "sev", "prank")}
    return [{"id": f"{problem.id}#main{lvl}", "t": "main", "lvl": lvl, **base} for lvl in sorted(set(levels))]
