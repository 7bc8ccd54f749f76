"""Pydantic models of the policy data in ``rules/`` (imported through :mod:`._model` on first use).

One model per kind of YAML file; :class:`PolicyData` is the whole directory.
These models check shape (fields, types, id syntax); cross-references
(a duty's holder is a known body, a quote occurs in its clause) are checked by
``_validate``, which has the whole policy in view. JSON Schemas in ``schemas/``
are generated from these models by ``responsibility schemas``.

Ids are snake_case ASCII (``county_civil_affairs``); clause ids follow the
document's numbering (``二(六)4(2)``); Chinese names and quotes are data. The constants, the
literal types and the models' own methods (:class:`~._model.DatedMixin` …) are in :mod:`._model`,
which imports no pydantic: a start from the policy cache reads the data as plain objects
(:mod:`._plain`) and never builds these classes.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from ._model import (
    DAY_MAX,
    DAY_MIN,
    ID_PATTERN,
    MAX_DAYS,
    SEVERITIES,
    STAGES,
    Basis,
    DatedMixin,
    DutyMixin,
    Severity,
    Stage,
    StageDutiesMixin,
    Towards,
    check_day,
    clause_id,
)

__all__ = ["DAY_MAX", "DAY_MIN", "ID_PATTERN", "MAX_DAYS", "SEVERITIES", "STAGES", "Severity", "Stage"]

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80)]
ClauseId = Annotated[str, StringConstraints(min_length=1, max_length=40, pattern=r"^[^\s]+$"),
                     BeforeValidator(clause_id)]
Day = Annotated[dt.date, AfterValidator(check_day)]


class _Strict(BaseModel):
    # Validators and serialisers are built on first use: a start from the policy cache unpickles the
    # data and never validates it, and building them was most of this module's import.
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)


class _Dated(_Strict, DatedMixin):
    """Something in force between two dates (both optional, ``effective_to`` exclusive)."""

    effective_from: Day | None = Field(None, description="First day in force (inclusive).")
    effective_to: Day | None = Field(None, description="First day no longer in force (exclusive).")
    amended_by: list[ClauseId] = Field([], description="Clauses of amending documents behind this version.")

    @model_validator(mode="after")
    def _dates_ordered(self) -> _Dated:
        if self.effective_from and self.effective_to and self.effective_to <= self.effective_from:
            raise ValueError("effective_to must be after effective_from")
        return self


# ---------------------------------------------------------------- sources


class Clause(_Strict):
    """One addressable clause of a source document, e.g. ``二(三)3``."""

    id: ClauseId
    parent: ClauseId | None = None
    title: str | None = None
    text: str = Field(description="The clause text, page breaks repaired, punctuation as in the document.")


class Repair(_Strict):
    """A repair of the source text, recorded so a reader sees what differs from the original."""

    seed: str
    repaired: str
    why: str


class Source(_Strict):
    """A policy document split into clauses (``rules/sources/*.yaml``)."""

    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$")]
    number: str = Field(description="Document number, e.g. 浙扶贫〔2020〕1号.")
    issuer: str
    title: str
    title_en: str
    repairs: list[Repair] = []
    clauses: list[Clause]
    annex_member_units: list[str] = []


# ---------------------------------------------------------------- vocabulary


class Term(_Strict):
    """A named item of a vocabulary: Chinese name (authoritative) and English gloss."""

    id: Id
    name: str = Field(description="Chinese name, the authority.")
    en: str = Field(description="English gloss.")
    clauses: list[ClauseId] = []
    note: str | None = None
    note_zh: str | None = Field(None, description="The note in Chinese: what a reader of a Chinese verdict is told "
                                "(`who --explain`'s 说明) where the term is a reading the verdict rests on.")


class Named(Term):
    """A term a record or an option may name (a level, a channel, a severity, an area, a problem kind, a
    body): by its id, its Chinese ``name``, its English gloss or one of its ``aliases``."""

    aliases: list[Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]] = Field(
        [],
        description="Other names a user types for it (县长热线 for 县（市、区）长热线, 街道 for 乡镇（街道）): "
        "accepted wherever its id is, compared as its name is (width, case, quotation marks and surrounding space "
        "aside); validate refuses an alias that is also the id, name, gloss or alias of another term of its kind.",
    )


class Level(Named):
    """A level of the five-level chain. ``rank`` orders them from the village (1) up."""

    rank: int = Field(ge=1)
    code_digits: int = Field(description="Digits of the division code that identify a place of this level.")
    text_markers: list[str] = Field(
        [],
        description="How the text's numbered items name a holder at this level (村, 乡镇, 县, 省市 …); "
        "validate uses them to check that every level an item names holds a duty citing it.",
    )
    grassroots: bool = Field(
        False,
        description="Whether the level is 基层 (the grassroots), which a duty of presses 'grassroots' presses: the "
        "text sets 基层 against 省市两级 (一(三) 省市两级及时回应基层反映问题).",
    )


class DutyKind(Term):
    """A kind of duty (主体责任, 审核审批, 监管 …).

    ``implies_oversight`` marks kinds whose holders also oversee rectification in an
    area whose principles say so (谁审批谁监管、谁主管谁监管、谁分配谁监管).
    """

    implies_oversight: bool = False


class BodyKind(Term):
    """A kind of body (party organisation, government, department, …)."""


class Category(Term):
    """A problem category listed in 一(一)."""


class Channel(Named):
    """A channel through which problems are discovered.

    ``own_work``: the channel is a level's own discovery work (grid, 一户一策一干部);
    otherwise it is an outside channel (hotline, media, audit, inspection).
    ``verification``: a check of the levels below (核查普查, 调查核查, 调研督导, 上级核查): a lower level may
    conceal a problem from it (一(四) 上级核查…过程中瞒报漏报), as from an ``oversight`` channel (巡视审计等); not
    from a channel of the public's or the press's reports (hotline, platform, media), which checks nobody.
    """

    own_work: bool = False
    verification: bool = False
    levels: list[str] | None = Field(
        None, description="The levels whose bodies run the channel (ids of `levels`; none given: any level): a "
        "discovery names the level that found the problem, and a channel the text gives other levels (全科网格 is "
        "县级's, 一(一); 调查核查 省市两级's; 上级核查 a level above another's) is refused at it.")
    oversight: bool = Field(
        False, description="An audit, inspection or other check a level's own oversight bodies run over its "
        "departments (审计, 巡视, 纪委监委, 财政检查, 人大政协): a body of the finder's own level may conceal a "
        "problem from it (一(四) 巡视审计等过程中瞒报漏报), as parameter same_level_oversight_concealment decides.")


class Vocabulary(_Strict):
    """``rules/vocabulary.yaml``: levels, body kinds, duty kinds, categories, channels."""

    levels: list[Level]
    body_kinds: list[BodyKind]
    duty_kinds: list[DutyKind]
    categories: list[Category]
    channels: list[Channel]
    severities: list[Named] = Field([], description="Names of the severities minor, serious, grave.")
    answers: list[Named] = Field(
        [], description="Names of the answers a yes-or-no parameter takes (ids 'true' and 'false': 是, 否 …), "
        "for `--set` and what-if values.")
    sector_markers: list[str] = Field(
        [],
        description="Words that confine a duty to its holder's own line (本部门, 各自业务范围): validate "
        "requires a duty whose quote contains one to be scoped (own_sector, or area_holders).",
    )


# ---------------------------------------------------------------- bodies


class Body(Named, _Dated):
    """A body of the chain at one level, e.g. 县（市、区）民政局 at ``county``.

    ``sector`` links counterparts across levels (the county, city and province
    civil-affairs bodies share ``civil_affairs``); ``parent`` is the body it sits
    under (a department under its government).
    """

    level: Id
    kind: Id
    sector: Id | None = None
    parent: Id | None = None
    leading_group_member: bool = False
    role: bool = Field(
        False,
        description="Stands for the body of its level whose line (sector) the problem is in when the record "
        "does not name it; a finding on it is unresolved and its note says what is missing.",
    )
    basis: Basis = "text"


class BodyCatalogue(_Strict):
    """A file of ``rules/bodies/``."""

    bodies: list[Body]


# ---------------------------------------------------------------- duties and areas


class Duty(_Dated, DutyMixin):
    """One duty: who holds it, what kind it is, the verbatim quote and its clause."""

    id: Id
    holders: list[Id] = Field(min_length=1, description="Body ids that hold this duty.")
    kinds: list[Id] = Field(min_length=1, description="Duty-kind ids.")
    quote: str = Field(min_length=1, description="Chinese text quoted verbatim from the clause.")
    en: str = Field(description="English gloss of the quote.")
    clause: ClauseId
    scope: Literal["all", "area_holders", "own_sector", "by_sector"] = Field(
        "all",
        description="'own_sector': only the holder whose sector is the problem's answers (本部门, 各自业务范围); "
        "when the record names none, the role body of the holder's level does, unresolved. 'area_holders' "
        "(duties of an area that applies to all areas, 涉及本部门问题): in another area, the problem's sector "
        "when the record names one, else the holders that hold a duty the problem implicates there. "
        "'by_sector' (holders that each answer for their own part, 县民政局…低收入家庭学生名单, 县残联…学龄段持证"
        "残疾人名单): a record that names a sector keeps only that sector's holders, one that names none all of them.",
    )
    reach: Literal["at_and_below", "own_level", "below"] = Field(
        "at_and_below",
        description="Which problems, by the level of their place, the holder answers for through this duty: "
        "'at_and_below' (the default) those placed at its own level or below; 'own_level' only those placed at "
        "its own level (本级: 落实本级财政扶贫资金); 'below' only those placed below it (指导督促基层).",
    )
    presses: Literal["at_and_below", "below", "grassroots"] = Field(
        "at_and_below",
        description="Whose rectification the holder presses through this duty (the supervision stage), by the level "
        "of the problem's place: 'at_and_below' (the default) as 'reach' says; 'below' only problems placed below its "
        "level — a province's or city's department that 指导、协调、督促 the carrying out of policy by the levels "
        "below does not press the rectification of a problem of its own level, where the assignee is a peer department "
        "(review18b D1); 'grassroots' only problems placed below its level at a level marked grassroots (指导督促基层: "
        "the city is not the province's 基层). The other stages keep 'reach' (the same department still "
        "finds and passes on a policy problem of its own level).",
    )
    applies_if: Id | None = Field(
        None,
        description="A bool parameter (rules/parameters.yaml) that decides whether the problem kinds' stages "
        "count this duty at all: for a duty the text gives but whose reach it leaves open (二(四)8: whether the "
        "city audit answers for a problem the province found). Verdicts that it decides say they rest on it.",
    )
    replaces: list[Id] = Field(
        default_factory=list,
        description="Duties of the same words (quote and clause) that this one, a reading under its applies_if "
        "parameter, stands in place of where it applies: a stage that lists both counts this one only (二(六)5(6) "
        "省市行业主管部门 read as each line's department for its own part in a policy gap, in place of the water "
        "departments alone). Only the stage lists that name this duty change: the replaced duty still counts "
        "wherever it is listed alone.",
    )
    every_line: bool = Field(
        False,
        description="The holder's part reaches every line's work of the area (二(四)3 县财政部门…审核行业主管部门"
        "资金分配建议…对当地扶贫资产负全面监管责任): a record that names a holder whose duties in the area are all "
        "such is not thereby of the holder's line (engine/_facts.record_line), as a record naming 县教育局 is of "
        "education.",
    )
    within_authority: bool = Field(
        False,
        description="A main-responsibility duty (二(一)1 各级党委政府) its holder answers through only for a problem "
        "of its own level's work: placed at its level, or within its level's authority (a province's or city's own "
        "policy, 二(一)1(2)), "
        "not for a lower level's specific problem, whose 主体责任 the text gives that level (二(一)1(1) "
        "县级党委政府要切实承担主体责任; 二(三)5, 二(四)6… 县（市、区）党委、政府…负主体责任). A twin duty "
        "with applies_if may lift it.",
    )
    sub_part: bool = Field(
        False,
        description="A named sub-part of the area's work held by a department whose line is otherwise elsewhere "
        "(二(六)5(4) 卫健部门负责水质监测; 二(六)3(3) 县扶贫办…医疗补充政策性保险; 二(六)4(7) …涉及本部门的相关工作): "
        "a record that names neither kind nor sector is not taken to concern the holders through this duty "
        "(二(二)3 涉及本部门问题); a kind that lists the duty, or the record's sector, still does.",
    )
    open_list: bool = Field(
        False,
        description="With scope own_sector: the text's list of departments is open (二(四)5 各行业主管部门, 二(五)3 "
        "各相关部门, 二(六)4(7) …财政等部门), so a record's line the data has no body for at a holder's level is still "
        "among them: the role of that level stands for it. A closed list (二(六)4(4) 民政…自然资源…财政) names no "
        "other line: a record in another line has no holder of the duty there.",
    )
    basis: Basis = "text"
    note: str | None = None
    note_zh: str | None = Field(None, description="The note in Chinese (`who --explain`'s 说明 for a duty read by "
                                "interpretation).")



class StageDuties(_Strict, StageDutiesMixin):
    """Duty ids implicated at each stage of a problem's life."""

    discovery: list[Id] = []
    handling: list[Id] = []
    rectification: list[Id] = []
    supervision: list[Id] = []


#: The empty default, made without validation: validating it here would build the models' validators
#: on import, which a start from the policy cache never needs (they are built on first validation).
NO_STAGE_DUTIES = StageDuties.model_construct()


class ReportedOn(_Strict):
    """The levels whose part in putting a problem of a kind right is to report it on, with the text that says so:
    a kind whose failure is that it was not reported or applied for (危房未及时发现上报, 饮水安全问题未及时上报,
    应报未报)."""

    levels: list[Id] = Field(
        min_length=1,
        description="Level ids below the kind's authority. A body of these levels holding a rectification duty of "
        "the kind (二(二)1–2 对涉及本村/本乡镇…具体问题的…整改工作负责, an assisting part) does not put it right "
        "itself: the level is not among PolicyView.own_rectifier_levels. A township sitting on such a problem answers "
        "not_handled (一(四)) once its handling limit has run, with no window to put it right itself "
        "(self_rectified_report_required's open window is not its); a fix within the handling and rectification "
        "limits shows the problem went on to a level that can (evidently handled). rectifier_levels (where an "
        "assignment can leave it) is unchanged.")
    clauses: list[ClauseId] = Field(min_length=1, description="The clauses that give these levels reporting (上报, "
                                    "应报尽报, 受理申请) and the putting right to a higher level.")
    why: str = Field(min_length=1, description="Why, in English: what each clause gives each level.")
    why_zh: str = Field(min_length=1, description="The same in Chinese.")


class ProblemKind(Named, _Dated):
    """A kind of problem within a duty area, with the duties it implicates per stage.

    ``authority`` is the lowest level with authority to dispose of it: a problem
    found below that level must be reported upward (一(三)). Stage lists are added to
    the area's ``stages`` defaults.
    """

    category: Id | None = None
    authority: Id = "county"
    stages: StageDuties = NO_STAGE_DUTIES
    without_defaults: StageDuties = Field(
        NO_STAGE_DUTIES,
        description="Default duties (the area's and the areas' that apply to all) this kind leaves out, per stage: a "
        "provincial policy gap is not rectified through 二(二)5 指导督促基层 (it is not a grassroots problem).",
    )
    line_named_only: StageDuties = Field(
        NO_STAGE_DUTIES,
        description="Duties of the kind's stages, held each by a department for its own part (scope own_sector), "
        "that count only for a record naming that department's line (sector): for a record naming none, the level's "
        "role body (问题所属部门) does not stand for them beside the body the text names for the kind's work at "
        "that stage (二(六)4(3) 县建设部门 for a late renovation; 二(六)4(4)'s land, subsidy and status check are "
        "other departments' parts the record does not show failed; review23 #6). A duty of scope by_sector listed "
        "here is its named holder's only for a record naming that holder's line: a record naming none does not name "
        "it (二(四)4 县扶贫办's 资产收益分配方案 in a mismanaged asset, whose idle or lost half is 二(四)1–3's).",
    )
    reported_on_by: ReportedOn | None = Field(
        None,
        description="For a kind whose failure is that it was not reported or applied for: the levels whose part in "
        "putting it right is to report it on, not to rectify it themselves (ReportedOn).",
    )
    basis: Basis = "text"


class Area(Named):
    """A duty area (``rules/areas/<id>.yaml``): its duties and its problem kinds.

    ``problems: false`` marks areas that carry duties but are not a problem domain
    (the general responsibilities of 二(一)). ``applies_to_all: true`` adds this area's
    ``stages`` to the problem kinds of every other area (二(二), problem discovery, is
    the duty of every level whatever the area).
    """

    clause: ClauseId
    problems: bool = True
    applies_to_all: bool = False
    authority: Id = Field("county", description="Authority level for problems given without a kind.")
    kind_when_none: Id | None = Field(None, description=(
        "A problem kind of this area that a record of the area naming no kind is read as, where the area's "
        "defaults (stages) are written for the other areas' kinds (问题发现: a kindless record of it is a "
        "扶贫领域具体问题, 二(二)1–2; review23 #5)."))
    duties: list[Duty]
    stages: StageDuties = NO_STAGE_DUTIES
    stages_without_kind: StageDuties = Field(
        NO_STAGE_DUTIES,
        description="Duties added to the problems that name no kind: of every area, with applies_to_all; else of "
        "this area (二(四)7's oversight of a city's own funds, which its kinds list where they are funds' use).",
    )
    line_named_only_without_kind: StageDuties = Field(
        NO_STAGE_DUTIES,
        description="As a kind's line_named_only, for this area's problems that name no kind: duties of its "
        "stages_without_kind, held each by a department for its own part (scope own_sector), that count only for a "
        "record naming that department's line — for a record naming none, the level's role body (问题所属部门) does "
        "not stand for them (二(四)7 扶贫、民宗部门负责统筹监督…: 民宗's over its own line's funds).",
    )
    problem_kinds: list[ProblemKind] = []


# ---------------------------------------------------------------- accountability and parameters


class Failure(Term):
    """One of the four failures of 一(四) (or the derived bases), and the stage it concerns."""

    stage: Stage
    basis: Basis = "text"
    clauses_at: dict[Id, list[ClauseId]] = Field({}, description=(
        "The failure's clauses for a finding on a body of this level, instead of ``clauses`` (一(三)'s "
        "及时向上级单位报送 is said of 县级's ledger: a village's or township's late report rests on 二(二)4 "
        "压实县乡村…及时上报责任); a key that is a body's id gives that body's, over its level's (乡镇党委, whom "
        "二(二)4 does not name, on its own 二(一)1(1))."))
    parameters: list[Id] = Field([], description="Parameters every finding of this failure rests on.")
    liabilities: list[Id] = Field([], description="Liabilities it can give (empty: all).")
    from_parameter: Id | None = Field(None, description="Severity parameter from which it applies at all.")
    duty_kind: Id | None = Field(None, description="Holders are the area's duties of this kind, not a stage's.")
    below_own_level: list[Id] = Field([], description=(
        "Body kinds that sit below the level they are placed at (a school under the county education bureau): "
        "when the parameter unit_below_own_level is true, they answer for not discovering a problem their own "
        "level found through another body, as a level below the finder does."))
    gives_way: list[Id] = Field([], description=(
        "Body kinds that, named by a record as the finder or receiver but holding no duty at this failure's "
        "stage, give way to their level's holders of the stage (a platform, the media, an audit office pass "
        "a problem on rather than handle it); any other named body answers itself."))
    not_raised_by: list[Id] = Field([], description=(
        "Body kinds whose own failures do not raise this finding at their level (main responsibility "
        "follows failures of the work, not of the bodies that supervise it: 二(一)1 apart from 二(一)2)."))
    reason: str = Field(description="Chinese sentence template of a finding's reason ({body}, {place}, {duty}…).")
    reason_en: str = Field(description="English gloss of the template ({body_en}, {duty_en}…).")
    reason_handed: str | None = Field(None, description=(
        "Chinese template for a department its level handed the problem only after the level's own limit ran out, "
        "and that then held it past its own limit: it answers from the day it was handed it, which {received} "
        "gives (default: ``reason``, whose {received} is then that day too)."))
    reason_handed_en: str | None = Field(None, description=(
        "English gloss of ``reason_handed`` (default: ``reason_en``)."))
    short: str | None = Field(None, description="Short Chinese label for pictures (default: the name).")
    short_en: str | None = Field(None, description="Short English label for pictures (default: the gloss).")


class Liability(Term):
    """Staff, unit or leadership liability; ``from_parameter`` names its severity threshold."""

    from_parameter: Id | None = None
    basis: Basis = "text"
    short: str | None = Field(None, description="Short Chinese label for pictures (default: the name).")
    short_en: str | None = Field(None, description="Short English label for pictures (default: the gloss).")


class Principle(Term):
    """A principle that widens who oversees rectification in an area (e.g. 谁审批谁监管)."""

    areas: list[Id]
    oversight_kinds: list[Id] = Field(description="Duty kinds whose holders oversee rectification.")
    quote: str
    clause: ClauseId
    basis: Basis = "text"


class Accountability(_Strict):
    """``rules/accountability.yaml``: the rules of 一(三)–(四) as data."""

    failures: list[Failure]
    liabilities: list[Liability]
    principles: list[Principle] = []
    phrases: dict[Id, str] = Field({}, description="Phrases the reason templates insert (zh and *_en).")


class Parameter(Term, _Dated):
    """A choice the text leaves to local implementation, with its documented default."""

    type: Literal["days", "severity", "choice", "bool"]
    value: Any = Field(description="The value in force (the documented default).")
    choices: list[Any] | None = None
    basis: Basis = "interpretation"
    why: str = Field(description="Why this default: what the text says and what it leaves open.")
    why_zh: str | None = Field(None, description="The same in Chinese: what a reader of a Chinese verdict resting on "
                               "the parameter is told (`who --explain`'s 说明).")
    presses_only_acting: list[Id] = Field(
        default_factory=list,
        description="A bool parameter's duties (rules/areas/) whose holders, under the value false, press a "
        "rectification (the supervision stage) through that duty alone only where the record shows them acting at "
        "their level: the problem's finder (discovered.body) or a body handed it (handled[].to_body). A finding "
        "through one of them alone says it rests on the parameter, under either value (二(二)5 省市有关部门…"
        "负责指导督促基层问题发现和整改, which does not list its departments: offices_press_every_area).")
    presses_also_acting: list[Id] = Field(
        default_factory=list,
        description="A bool parameter's duties (rules/areas/) whose holders, under the value true, also press a "
        "rectification (the supervision stage) through that duty where the problem's kind does not concern them, "
        "where the record shows them acting at the pressing level: the problem's finder (discovered.body) or a body "
        "handed it (handled[].to_body), of a line holding a duty of the problem's area. A finding made so says it "
        "rests on the parameter, and a verdict the other value changes says so (二(二)5 省市有关部门…"
        "负责指导督促基层问题发现和整改, which does not list its departments: acting_departments_press).")
    choices_zh: dict[str, Annotated[str, StringConstraints(min_length=1, max_length=40)]] | None = (
        Field(None, description="A choice parameter's choices in Chinese, by id (`own_and_level_above: 本级及上一级`): "
              "how Chinese output writes a value, `中文（id）` (the id is what `--set` takes). Every choice is named "
              "and nothing else; only a choice parameter has them."))

    @field_validator("choices_zh")
    @classmethod
    def _choices_named(cls, named: dict[str, str] | None, info: ValidationInfo) -> dict[str, str] | None:
        """Every choice has its Chinese name, and nothing else does (review26 #8: Chinese output showed the ids)."""
        if named is None:
            return named
        kind, choices = info.data.get("type"), info.data.get("choices")
        if kind != "choice" or not choices:
            raise ValueError(f"choices_zh names the choices of a choice parameter; this one is of type {kind!r}: "
                             "remove choices_zh")
        ids = [str(c) for c in choices]
        unknown = [k for k in named if k not in ids]
        if unknown:
            import difflib

            close = difflib.get_close_matches(unknown[0], ids, n=1)
            mean = f" (did you mean {close[0]!r}?)" if close else ""
            raise ValueError(f"choices_zh names {unknown[0]!r}, which is not one of its choices: "
                             f"{', '.join(ids)}{mean}; write one line `ID: 中文名` per choice")
        if missing := [c for c in ids if c not in named]:
            write = "; ".join(f"`{c}: 中文名`" for c in missing)
            raise ValueError(f"choices_zh gives no Chinese name for {', '.join(map(repr, missing))}: add {write} "
                             "under choices_zh (every choice is named)")
        return {c: named[c] for c in ids}  # in the choices' order

    @model_validator(mode="after")
    def _acting_only_on_a_bool(self) -> Parameter:
        """Only a bool parameter has a value under which its duties press only (or also) where the record shows them
        acting."""
        if self.presses_only_acting and self.type != "bool":
            raise ValueError(f"parameter {self.id!r}: presses_only_acting lists the duties a bool parameter's false "
                             f"reading narrows; this one is of type {self.type!r}: remove presses_only_acting")
        if self.presses_also_acting and self.type != "bool":
            raise ValueError(f"parameter {self.id!r}: presses_also_acting lists the duties a bool parameter's true "
                             f"reading widens; this one is of type {self.type!r}: remove presses_also_acting")
        return self

    @model_validator(mode="after")
    def _value_fits(self) -> Parameter:
        ok = {
            "days": isinstance(self.value, int) and not isinstance(self.value, bool) and 0 <= self.value <= MAX_DAYS,
            "severity": self.value in SEVERITIES,
            "choice": self.choices is not None and self.value in self.choices,
            "bool": isinstance(self.value, bool),
        }[self.type]
        if not ok:
            shown = repr(self.value) if len(repr(self.value)) < 40 else repr(self.value)[:40] + "…"
            if self.type == "choice" and self.choices:
                # the choices, and the one it reads like (review21: a value outside them was refused unlisted)
                import difflib

                close = difflib.get_close_matches(str(self.value), [str(c) for c in self.choices], n=1)
                mean = f" (did you mean {close[0]!r}?)" if close else ""
                raise ValueError(f"parameter {self.id!r}: value {shown} is not one of its choices: "
                                 f"{', '.join(map(str, self.choices))}{mean}")
            bound = f" (0 to {MAX_DAYS})" if self.type == "days" else ""
            raise ValueError(f"parameter {self.id!r}: value {shown} does not fit type {self.type!r}{bound}")
        return self


class Parameters(_Strict):
    """``rules/parameters.yaml``."""

    parameters: list[Parameter]


class PolicyMeta(_Strict):
    """``rules/policy.yaml``: what this policy directory is."""

    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_.-]*$")]
    name: str
    en: str
    source: str = Field(description="Id of the main source document in rules/sources/.")
    version: str
    effective_from: Day | None = None
    coverage: list[ClauseId] = Field(
        [], description="Clauses whose numbered items must each be cited by at least one duty."
    )
    note: str | None = None


# ---------------------------------------------------------------- relations (the role graph)




class RelationType(Term):
    """A kind of relation between bodies (领导, 上报, 指导督促 …).

    ``reporting`` marks reporting lines (escalation follows them; every body must reach
    the province along them); ``supervisory`` marks relations whose source watches over
    the target (the supervisors of a body are their sources); ``structure`` says which end
    of a structural relation sits higher.
    """

    reporting: bool = False
    supervisory: bool = False
    structure: Literal["up", "down"] | None = Field(
        None, description="Whether a structural relation of this type puts its source under its target ('up', "
        "as a department reporting to its government) or over it ('down', as a Party committee leading its "
        "government). Derived relations use this to tell who sits under whom within a level.")


class Relation(_Strict):
    """A structural relation between two bodies that no duty gives (``rules/relations.yaml``)."""

    from_: Id = Field(alias="from", description="Body id the relation starts from.")
    to: Id = Field(description="Body id the relation points to.")
    type: Id = Field(description="Relation type id.")
    area: Id | None = Field(None, description="Duty area the relation is specific to, if any.")
    knows_together: bool = Field(
        False, description="Whether the two bodies are one subject of their level in what they know of a "
        "problem (党委领导、政府负责: the text writes 县（市、区）党委、政府 and 村党支部、村委会 as one): where a "
        "record names one of them as having concealed it (瞒报漏报), the other is not also named 应发现未发现 "
        "(一(四) 对应由本级发现问题没有发现的: its level knew it), by concealing_body_partner_knew.")
    clauses: list[ClauseId] = Field(min_length=1)
    basis: Basis = "text"
    note: str | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, populate_by_name=True,
                              defer_build=True)


class RelationRule(_Strict):
    """How to derive relations of one type from the bodies or from the duties.

    ``source: parent``: each body relates to its ``parent``. ``source: leading_group_member``:
    the body of kind ``group_kind`` at a member's level relates to the member. ``source: duties``:
    in each area, a holder of a duty of ``duty_kind`` relates to the area's other holders that
    ``towards`` picks (see ``rules/relations.yaml`` for the meaning of each direction).
    """

    type: Id
    source: Literal["parent", "leading_group_member", "duties"]
    duty_kind: Id | None = None
    group_kind: Id | None = None
    towards: list[Towards] = []
    target_kinds: list[Id] = []
    nearest: bool = False
    sector_first: bool = True
    clauses: list[ClauseId] = []
    basis: Basis = "text"
    en: str = ""
    note: str | None = None

    @model_validator(mode="after")
    def _fits_source(self) -> RelationRule:
        if self.source == "duties" and (self.duty_kind is None or not self.towards):
            raise ValueError("a rule with source 'duties' needs duty_kind and towards")
        if self.source == "leading_group_member" and self.group_kind is None:
            raise ValueError("a rule with source 'leading_group_member' needs group_kind")
        return self


class RelationCatalogue(_Strict):
    """``rules/relations.yaml``: relation types, structural relations and derivation rules."""

    types: list[RelationType]
    relations: list[Relation] = []
    derive: list[RelationRule] = []


class PolicyData(_Strict):
    """Everything in a policy directory, after shape validation."""

    meta: PolicyMeta
    sources: list[Source]
    vocabulary: Vocabulary
    bodies: list[Body]
    areas: list[Area]
    accountability: Accountability
    parameters: list[Parameter]
    relation_types: list[RelationType] = []
    relations: list[Relation] = []
    relation_rules: list[RelationRule] = []


#: File models, by the schema file name they get in ``schemas/``.
FILE_MODELS: dict[str, type[BaseModel]] = {
    "policy": PolicyMeta,
    "source": Source,
    "vocabulary": Vocabulary,
    "bodies": BodyCatalogue,
    "area": Area,
    "accountability": Accountability,
    "parameters": Parameters,
    "relations": RelationCatalogue,
}
