"""The pydantic models of a problem record (:class:`Problem`, :class:`Discovered`, :class:`Handling`).

Imported where a record is validated or made (``engine._problem.parse_problem``, ``plain_problem``), or a
name of these is asked of ``engine._problem``: a start that assesses through the bulk path and prints no
record needs no pydantic. What a record's fields mean, and every check beyond their shape, is in
:mod:`._problem`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any, Literal

from pydantic import AliasChoices, BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic import ValidationError as ValidationError  # (parse_problem catches it through this module)

from ..policy._model import Severity
from ._problem import MAX_ITEMS, _set, _text, parse_day

Day = Annotated[dt.date, BeforeValidator(parse_day)]
Text = Annotated[str, BeforeValidator(_text)]


class _Record(BaseModel):
    # Validators are built on the first record that needs them: a plain record (plain_problem) never
    # does, and building them cost a cold ``responsibility who`` a tenth of its time.
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, populate_by_name=True,
                              defer_build=True)


class Discovered(_Record):
    """How the problem came to light: the finder's level, the channel, the day, the body."""

    level: Text = Field(description="Level of the finder: village, township, county, city or province "
                        "(or its Chinese name: 村, 乡镇, 县, 市, 省).")
    channel: Text = Field(description="Channel id from rules/vocabulary.yaml (grid, hotline, audit, media…) "
                          "or its Chinese name.")
    on: Day = Field(description="Day it was found (YYYY-MM-DD).")
    body: Text | None = Field(None, description="The finder or receiver, when known: a body's id, Chinese name or "
                              "English gloss (county_construction, 县（市、区）建设部门).")


class Handling(_Record):
    """One step of handling: a level assigned the problem or reported it upward."""

    action: Literal["assigned", "reported"]
    by_level: Text
    to_level: Text
    to_body: Text | None = Field(None, description="The body it went to: an id, Chinese name or English gloss.")
    on: Day
    deadline: Day | None = Field(None, description="An assignment's own rectification deadline (YYYY-MM-DD), read "
                                 "for the body or level it went to in place of the record's 'deadline' (一(四) "
                                 "交办问题整改落实不到位 by that 交办's own terms); not on a report upward.")

    @model_validator(mode="after")
    def _no_deadline_kept(self) -> Handling:
        # A step without a deadline keeps none in its dict: the plain paths (engine/_problem._parsed_plainly, the C
        # plain_record of engine/_dicts.c) make the step's dict of the five fields before this one, and a step read by
        # either is the same model (tests/test_problem_plain). ``step.deadline`` still reads None (__getattr__).
        if self.__dict__.get("deadline", 0) is None:
            del self.__dict__["deadline"]
        return self

    def __getattr__(self, name: str) -> Any:
        if name == "deadline":
            return None
        return super().__getattr__(name)  # type: ignore[misc]


def _schema_with_domain(schema: dict[str, Any]) -> None:
    """The JSON Schema accepts ``domain`` (deprecated) where ``area`` is missing, as the parser does."""
    props = schema.get("properties", {})
    if "area" in props:
        props["domain"] = {**props["area"], "deprecated": True,
                           "description": "Former name of 'area' (deprecated); give one of the two."}
        schema["required"] = [r for r in schema.get("required", []) if r != "area"]
        schema["oneOf"] = [{"required": ["area"], "not": {"required": ["domain"]}},
                           {"required": ["domain"], "not": {"required": ["area"]}}]


class Problem(_Record):
    """A problem and what happened to it (see the module docstring for the fields).

    ``domain`` is accepted as the former name of ``area``.

    >>> Problem(id="p1", area="housing", place="331127", discovered={
    ...     "level": "county", "channel": "hotline", "on": "2021-03-01"}).severity
    'minor'
    """

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, populate_by_name=True,
                              json_schema_extra=_schema_with_domain, defer_build=True)

    id: Text = Field(min_length=1, description="The problem's id in the sending system.")
    area: Text = Field(validation_alias=AliasChoices("area", "domain"),
                       description="Duty-area id (housing, funds, …) or its Chinese name (危房改造 …); "
                       "'domain' is its former name, still accepted.")
    kind: Text | None = Field(None, description="Problem-kind id within the area.")
    sector: Text | None = Field(
        None,
        description="Whose line the problem is in (本部门, 各自业务范围): a body (county_water, or its Chinese "
        "name 水利部门) or a sector (water). Without it, duties confined to a department's own line name the "
        "role, unresolved.",
    )
    place: Text = Field(description="Division code of the place where the problem lies (2–12 digits).")
    severity: Severity = Field("minor", description="minor, serious or grave (一般, 较重, 严重).")
    discovered: Discovered | None = None
    handled: list[Handling] = Field([], max_length=MAX_ITEMS)
    deadline: Day | None = None
    rectified_on: Day | None = None
    concealed_by: list[Text] = Field([], max_length=MAX_ITEMS, description="Levels or bodies (ids or Chinese "
                                     "names) that concealed it from a higher level's verification.")
    as_of: Day | None = Field(None, description="Date of the assessment (default: today).")

    def __init__(self, /, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as exc:
            from ._problem import _problem_error, _rid

            raise _problem_error(exc, data, _rid(data)) from None

    @property
    def domain(self) -> str:
        """The former name of :attr:`area` (deprecated)."""
        return self.area


# The __init__ above is for a caller's Problem(...) only: validation (model_validate, parse_problem's) must not go
# through it (pydantic would, for a model with its own __init__, and wrap its ProblemError in a ValidationError).
Problem.__pydantic_custom_init__ = False



def _made(cls: type[_Record], values: dict[str, Any], fields_set: set[str]) -> Any:
    """An instance of ``cls`` with ``values`` (every field, in the model's order), as
    ``model_validate`` makes it (``model_construct`` does the same, more slowly)."""
    m = cls.__new__(cls)
    _SET_DICT(m, values)
    _SET_FIELDS(m, fields_set)
    _SET_EXTRA(m, None)
    _SET_PRIVATE(m, None)
    return m


def _slot_setter(name: str) -> Callable[[Any, Any], None]:
    """The setter of BaseModel's instance slot ``name`` (its descriptor's, without looking the name
    up on the instance's type each time as ``object.__setattr__`` does)."""
    descriptor = BaseModel.__dict__.get(name)
    setter: Callable[[Any, Any], None] | None = getattr(descriptor, "__set__", None)
    if setter is None:  # another pydantic layout: set it by name
        return lambda m, value: _set(m, name, value)
    return setter


_SET_DICT, _SET_FIELDS, _SET_EXTRA, _SET_PRIVATE = (
    _slot_setter(n) for n in ("__dict__", "__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__"))
