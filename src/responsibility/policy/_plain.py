"""The policy data as plain objects: what the policy cache stores, read back without pydantic.

A cached policy is read at every start; unpickling its pydantic models would import pydantic and
build every model class (~0.1 CPU s, more than reading the rest of the cache). So the cache stores
each model of :class:`~._models.PolicyData` as a *plain twin*: an object of a class of the same
name here, holding exactly the state pydantic pickles (its fields' values in ``__dict__``, its set
fields), with the same methods (the mixins of :mod:`._model`). Attribute reads, ``in_force``,
``reaches`` and ``of`` are answered by the twin itself; anything else of pydantic's (``model_dump``,
``model_dump_json``, ``model_copy``, ``model_fields``, ``type(x).model_validate`` …), equality with a
model, ``hash`` and ``repr`` by the real model, made from the twin on first need exactly as
unpickling would make it (``__setstate__`` with the same state) and kept. So a view of cached data
answers every question as a view of freshly read data does; only what needs pydantic imports it.

A twin is not written to (as the frozen models cannot be: nothing here sets an item's field, and the twin
does not check, so that unpickling stays pickle's own C code) and pickles as its state, never its real model.
"""

from __future__ import annotations

import copyreg
from typing import Any

from ._model import DatedMixin, DutyMixin, StageDutiesMixin


class _PlainMeta(type):
    """Class attributes a twin's class lacks come from the model's class (``model_validate``, ``model_fields``)."""

    def __getattr__(cls, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(model_class(cls.__name__), name)


class Plain(metaclass=_PlainMeta):
    """A model's plain twin (see the module docstring)."""

    __slots__ = ("__dict__", "__weakref__", "_fields_set", "_real")

    def __getattr__(self, name: str) -> Any:
        if name in ("_fields_set", "_real") or name.startswith("__"):
            raise AttributeError(name)
        return getattr(real(self), name)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Plain):
            return type(self) is type(other) and self.__dict__ == other.__dict__
        if hasattr(type(other), "__pydantic_fields__"):
            return bool(real(self) == other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(real(self))

    def __repr__(self) -> str:
        return repr(real(self))

    def __str__(self) -> str:
        return str(real(self))

    def __iter__(self) -> Any:
        return iter(self.__dict__.items())  # (a model iterates over its fields' names and values)

    def __reduce_ex__(self, protocol: Any) -> Any:
        # its state without the real model it may have made (which would need pydantic to unpickle); made again
        # by pickle's own NEWOBJ and BUILD, in C (no __setstate__, no __setattr__ of its own)
        return copyreg.__newobj__, (type(self),), (  # type: ignore[attr-defined]
            self.__dict__, {"_fields_set": self._fields_set})

    def model_copy(self, *, update: dict[str, Any] | None = None, deep: bool = False) -> Any:
        """A twin of what the real model's ``model_copy`` makes: its fields' values with ``update``'s (their models
        as twins), its set fields with ``update``'s names, unchecked, as pydantic's own shallow copy does. So a view of
        cached data with a parameter switched (``policy/_whatif.flipped``: every single decision reads each reading
        the text leaves open again) stays plain and imports no pydantic. A deep copy, or an ``update`` holding a
        model without a twin, is the real model's."""
        if not deep:
            try:
                values = plain(update) if update else {}
            except TypeError:
                pass
            else:
                cls = type(self)
                twin = cls.__new__(cls)
                object.__setattr__(twin, "_fields_set", {*self._fields_set, *values})
                twin.__dict__.update(self.__dict__)
                twin.__dict__.update(values)
                return twin
        return real(self).model_copy(update=realised(update) if update else update, deep=deep)


#: Each model's twin, by name, with the mixins the model has (tests/test_policy_cache_plain.py checks that every
#: model of _models has its twin here, with the same mixins).
_MIXINS: dict[str, tuple[type, ...]] = {
    "Body": (DatedMixin,), "Duty": (DatedMixin, DutyMixin), "ProblemKind": (DatedMixin,),
    "Parameter": (DatedMixin,), "StageDuties": (StageDutiesMixin,),
}
NAMES = ("PolicyData", "PolicyMeta", "Source", "Clause", "Repair", "Vocabulary", "Level", "BodyKind", "DutyKind",
         "Category", "Channel", "Named", "Term", "Body", "BodyCatalogue", "Area", "Duty", "StageDuties",
         "ProblemKind", "ReportedOn", "Accountability", "Failure", "Liability", "Principle", "Parameter", "Parameters",
         "RelationType", "Relation", "RelationRule", "RelationCatalogue")
TWINS: dict[str, Any] = {
    name: _PlainMeta(name, (Plain, *_MIXINS.get(name, ())), {"__slots__": (), "__module__": __name__,
                                                              "__qualname__": name})
    for name in NAMES
}
globals().update(TWINS)  # (pickle finds a twin's class by its module and name)


def model_class(name: str) -> Any:
    """The pydantic model called ``name`` (importing pydantic and the models on first use)."""
    from . import _models

    return getattr(_models, name)


def real(p: Plain) -> Any:
    """The pydantic model of the twin ``p``: made once, as unpickling the model would make it."""
    try:
        return object.__getattribute__(p, "_real")
    except AttributeError:
        pass
    cls = model_class(type(p).__name__)
    made = cls.__new__(cls)
    made.__setstate__({"__dict__": {k: realised(v) for k, v in p.__dict__.items()},
                       "__pydantic_fields_set__": set(p._fields_set), "__pydantic_extra__": None,
                       "__pydantic_private__": None})
    object.__setattr__(p, "_real", made)
    return made


def realised(value: Any) -> Any:
    """``value`` with every twin in it (in lists, tuples and dicts) replaced by its real model."""
    if isinstance(value, Plain):
        return real(value)
    if isinstance(value, list):
        return [realised(v) for v in value]
    if isinstance(value, tuple):
        return tuple(realised(v) for v in value)
    if isinstance(value, dict):
        return {k: realised(v) for k, v in value.items()}
    return value


def plain(value: Any, memo: dict[int, Any] | None = None) -> Any:
    """``value`` with every model in it replaced by its twin (one twin per model object: what is shared stays
    shared); ``TypeError`` for a model without a twin or with extra or private state (then nothing is cached)."""
    memo = {} if memo is None else memo
    got = memo.get(id(value))
    if got is not None:
        return got[1]
    if hasattr(type(value), "__pydantic_fields__"):
        twin_class = TWINS.get(type(value).__name__)
        state = value.__getstate__()
        if twin_class is None or type(value).__module__ != f"{__package__}._models" \
                or state["__pydantic_extra__"] or state["__pydantic_private__"]:
            raise TypeError(f"no plain twin for {type(value).__module__}.{type(value).__name__}")
        twin = twin_class.__new__(twin_class)
        memo[id(value)] = (value, twin)
        object.__setattr__(twin, "_fields_set", set(state["__pydantic_fields_set__"]))
        twin.__dict__.update({k: plain(v, memo) for k, v in state["__dict__"].items()})
        return twin
    if isinstance(value, list):
        return [plain(v, memo) for v in value]
    if isinstance(value, tuple):
        return tuple(plain(v, memo) for v in value)
    if isinstance(value, dict):
        return {k: plain(v, memo) for k, v in value.items()}
    return value

