"""The lower wings' names the ledger uses, imported in one place."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..chain._jurisdiction import LEVEL_DIGITS, Jurisdiction, ancestor_code, level_of, parse_code
from ..engine._facts import assignee_rectifies
from ..engine._problem import (
    ValueNames,
    below_community,
    body_hint,
    canonical_record,
    channel_level_refusal,
    excel_day_hint,
    level_body_hint,
    level_hint,
    parse_day,
    parse_problem,
    place_name_hint,
    stand_in_refusal,
    term_hint,
)
from ..engine._problem import _level_words_of_the_place as level_words_of_the_place
from ..engine._problem import _other_period as other_period
from ..engine._route import Plan, Route, route, route_bodies
from ..policy._view import PolicyView

__all__ = ["LEVEL_DIGITS", "Jurisdiction", "Plan", "PolicyView", "Route", "ValueNames", "ancestor_code",
           "assignee_rectifies", "batch_assess",
           "below_community", "body_hint", "canonical_record", "channel_level_refusal", "check_target",
           "excel_day_hint", "level_body_hint", "level_hint", "level_of",
           "level_words_of_the_place", "other_period", "parse_code", "parse_day", "parse_problem", "place_name_hint",
           "route", "route_bodies", "stand_in_refusal", "term_hint", "who_answers"]


def batch_assess(policy: Any, records: list[dict[str, Any]], jurisdiction: Any, today: dt.date) -> Any:
    """The engine's batch assessment of ``records`` (an :class:`Assessment`)."""
    from ..batch._assessor import assess

    return assess(policy, records, jurisdiction=jurisdiction, today=today)


def who_answers(policy: Any, record: dict[str, Any], jurisdiction: Any) -> Any:
    """The engine's verdict on one record (the compiled engine)."""
    from ..engine._decide import who_answers as answer

    return answer(policy, record, jurisdiction=jurisdiction, engine="compiled")


_DEFAULT: list[PolicyView] = []


def default_policy() -> PolicyView:
    """The shipped rules, loaded and validated (once per process)."""
    if not _DEFAULT:
        from ..chain._checks import load_checked

        _DEFAULT.append(load_checked(None, cls=PolicyView))
    return _DEFAULT[0]


def atomic_path(target: Any, inputs: Any = (), *, what: str = "output") -> Any:
    """Write beside ``target`` and replace it atomically (never over an input)."""
    from .._files import atomic_path as ap

    return ap(target, inputs, what=what)


def check_target(target: Any, inputs: Any = (), *, what: str = "output") -> Any:
    """Refuse an output that is a directory, in a missing directory or an input (before any work)."""
    from .._files import check_target as ct

    return ct(target, inputs, what=what)

