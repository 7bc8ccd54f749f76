"""The policy data's vocabulary of types: constants, literal types, and the models' own methods.

The pydantic models of the data in ``rules/`` (:class:`Body`, :class:`Duty`, :class:`PolicyData` …)
are in :mod:`._models` and are imported from here on first use of one of their names
(``from ._model import Body``): importing pydantic and building the models is a tenth of a CPU
second, which a start from the policy cache does not need — it reads the data as plain objects of
the same shape (:mod:`._plain`). So what the wings above import at module level from here (the
stages, the severities, the day bounds) costs nothing; the methods the data's items answer
(:meth:`DatedMixin.in_force`, :meth:`DutyMixin.reaches`, :meth:`StageDutiesMixin.of`) are written
once here, for the models and the plain objects alike.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from ._models import FILE_MODELS as FILE_MODELS
    from ._models import NO_STAGE_DUTIES as NO_STAGE_DUTIES
    from ._models import Accountability as Accountability
    from ._models import Area as Area
    from ._models import Body as Body
    from ._models import BodyCatalogue as BodyCatalogue
    from ._models import BodyKind as BodyKind
    from ._models import Category as Category
    from ._models import Channel as Channel
    from ._models import Clause as Clause
    from ._models import ClauseId as ClauseId
    from ._models import Day as Day
    from ._models import Duty as Duty
    from ._models import DutyKind as DutyKind
    from ._models import Failure as Failure
    from ._models import Id as Id
    from ._models import Level as Level
    from ._models import Liability as Liability
    from ._models import Named as Named
    from ._models import Parameter as Parameter
    from ._models import Parameters as Parameters
    from ._models import PolicyData as PolicyData
    from ._models import PolicyMeta as PolicyMeta
    from ._models import Principle as Principle
    from ._models import ProblemKind as ProblemKind
    from ._models import Relation as Relation
    from ._models import RelationCatalogue as RelationCatalogue
    from ._models import RelationRule as RelationRule
    from ._models import RelationType as RelationType
    from ._models import Repair as Repair
    from ._models import Source as Source
    from ._models import StageDuties as StageDuties
    from ._models import Term as Term
    from ._models import Vocabulary as Vocabulary
    from ._models import _Dated as _Dated

#: What an id is: lower-case ASCII letters, digits and ``_``, starting with a letter.
ID_PATTERN = r"^[a-z][a-z0-9_]*$"
Basis = Literal["text", "interpretation"]
Stage = Literal["discovery", "handling", "rectification", "supervision"]
STAGES: tuple[Stage, ...] = ("discovery", "handling", "rectification", "supervision")
Severity = Literal["minor", "serious", "grave"]
SEVERITIES: tuple[Severity, ...] = ("minor", "serious", "grave")
Towards = Literal["down", "up", "higher_levels", "level", "level_and_down"]

#: The days a policy or a problem record may name: administrative dates, far from the ends
#: of the calendar, so that adding any time limit to them stays a date.
DAY_MIN = dt.date(1900, 1, 1)
DAY_MAX = dt.date(2999, 12, 31)
#: The longest time limit a ``days`` parameter may set (ten years).
MAX_DAYS = 3653


def check_day(value: dt.date) -> dt.date:
    """``value`` if it lies between :data:`DAY_MIN` and :data:`DAY_MAX`, else ``ValueError``."""
    if not DAY_MIN <= value <= DAY_MAX:
        raise ValueError(f"{value.isoformat()} is outside the years {DAY_MIN.year}-{DAY_MAX.year}")
    return value


def clause_id(value: Any) -> Any:
    """A clause id as the sources write it: full-width parentheses and digits as ASCII (二（六）4（3） is
    二(六)4(3)), as a Chinese typist writes them."""
    return unicodedata.normalize("NFKC", value) if isinstance(value, str) and not value.isascii() else value


class DatedMixin:
    """What an item in force between two dates answers (a model's or a plain object's ``effective_from``
    and ``effective_to``, the latter exclusive)."""

    __slots__ = ()
    if TYPE_CHECKING:  # (not annotations at run time: pydantic would take them for fields)
        effective_from: dt.date | None
        effective_to: dt.date | None

    def in_force(self, on: dt.date | None) -> bool:
        """Whether this item is in force on ``on`` (``None``: always)."""
        if on is None:
            return True
        if self.effective_from is not None and on < self.effective_from:
            return False
        return not (self.effective_to is not None and on >= self.effective_to)


class DutyMixin:
    """What a duty answers of its ``reach``."""

    __slots__ = ()
    if TYPE_CHECKING:
        reach: Literal["at_and_below", "own_level", "below"]

    def reaches(self, holder_rank: int, place_rank: int) -> bool:
        """Whether a holder at level rank ``holder_rank`` answers through this duty for a problem
        placed at level rank ``place_rank`` (see ``reach``)."""
        if self.reach == "own_level":
            return place_rank == holder_rank
        if self.reach == "below":
            return place_rank < holder_rank
        return place_rank <= holder_rank


class StageDutiesMixin:
    """What the duties of a problem's stages answer."""

    __slots__ = ()

    def of(self, stage: Stage) -> list[str]:
        """The duty ids of one stage."""
        return list(getattr(self, stage))


def __getattr__(name: str) -> Any:
    """The pydantic models (:mod:`._models`), imported on first use of one of their names."""
    if name.startswith("__"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from . import _models

    try:
        return getattr(_models, name)
    except AttributeError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
