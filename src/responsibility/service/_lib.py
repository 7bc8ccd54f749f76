"""The library calls the service makes, in one place.

Everything the service asks of the wings below it goes through these few functions, so the
routes never depend on where a wing keeps a name.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from ..batch._emit import REJECT_COLUMNS

if TYPE_CHECKING:
    from ..chain._jurisdiction import Jurisdiction
    from ..engine._verdict import Verdict
    from ..policy._view import PolicyView

EngineName = Literal["durable", "compiled"]
_T = TypeVar("_T")
__all__ = ["REJECT_COLUMNS"]  # the columns of a rejected record, as ``responsibility assess`` writes them


def load_policy(rules: str | Path | None) -> PolicyView:
    """The validated policy at ``rules`` (default: the shipped rules)."""
    from ..chain._checks import load_checked
    from ..policy._view import PolicyView

    return load_checked(rules, cls=PolicyView)


def load_jurisdiction(path: str | Path | None) -> Jurisdiction:
    """The jurisdiction in the CSV at ``path`` (default: the shipped example)."""
    from ..chain._jurisdiction import Jurisdiction

    return Jurisdiction.from_csv(path) if path else Jurisdiction.example()


def who_answers(policy: PolicyView, problem: Any, jurisdiction: Jurisdiction, *, engine: EngineName | None = None,
                today: dt.date | None = None) -> Verdict:
    """The library's verdict on one problem (what ``Policy.who_answers`` calls)."""
    from ..batch._columns import record_of
    from ..engine._decide import who_answers
    from ..engine._problem import typed_records

    # a record with a table row's dotted discovered.* keys is read as Policy.who_answers reads it (review23b R23b-2)
    with typed_records():
        return who_answers(policy, record_of(problem), jurisdiction=jurisdiction, engine=engine, today=today)


def typed(call: Callable[..., _T], *args: Any, **kwargs: Any) -> _T:
    """``call(*args, **kwargs)`` reading typed records: a request's JSON, which a program or a person wrote and no
    spreadsheet saved, so a refused day is told what to write and not how to format an Excel column (ux47 left: the
    advice was made, then cut out of the message again)."""
    from ..engine._problem import typed_records

    with typed_records():
        return call(*args, **kwargs)


def content_hash(policy: PolicyView) -> str:
    """SHA-256 of the policy data (every file's content as the models read it)."""
    return hashlib.sha256(policy.data.model_dump_json(by_alias=True).encode()).hexdigest()


def jurisdiction_hash(jurisdiction: Jurisdiction) -> str:
    """SHA-256 of the jurisdiction's places."""
    return hashlib.sha256(jurisdiction.to_csv().encode()).hexdigest()


def library_version() -> str:
    """The installed version of ``responsibility``."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("responsibility")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree without metadata
        return "unknown"


def chain_graph(policy: PolicyView, jurisdiction: Jurisdiction, *, area: str | None, levels: list[str] | None,
                place: str | None) -> Any:
    """The role graph (or the concrete chain above ``place``), cut to ``area`` and ``levels``,
    as ``responsibility graph`` draws it."""
    from ..chain._graph import chain_of, subchain
    from ..chain._placement import PlacedChain

    if place is None:
        return subchain(chain_of(policy), area=area, levels=levels or None)
    chosen = PlacedChain(policy, jurisdiction).subgraph(place, area)
    if levels:
        unknown = set(levels) - set(chosen.graph["levels"])
        if unknown:
            subchain(chain_of(policy), levels=sorted(unknown))  # raises, naming the valid levels
        chosen = chosen.subgraph([n for n, d in chosen.nodes(data=True) if d["level"] in set(levels)]).copy()
    return chosen


def mermaid(graph: Any) -> str:
    """The graph as Mermaid text."""
    from ..chain._export import to_mermaid

    return to_mermaid(graph)


def schema_models() -> list[Any]:
    """The models whose JSON Schemas are in ``schemas/`` and that requests or responses use: the
    problem record and the policy's items."""
    from ..engine._problem import Problem
    from ..policy._model import Area, Body, Clause, Duty, Parameter, PolicyMeta

    return [Problem, Area, Body, Clause, Duty, Parameter, PolicyMeta]


def batch_assessor(policy: PolicyView, jurisdiction: Jurisdiction, *, today: dt.date | None, lang: str) -> Any:
    """An assessor of chunks of records (the batch wing's)."""
    from ..batch._assessor import make_assessor

    return make_assessor(policy, jurisdiction, today=today, lang=lang)


def batch_part(assessor: Any, rows: list[Any], numbers: list[int], lines: list[int], rejects: list[Any]) -> Any:
    """A chunk of decoded records for :func:`batch_assessor`'s ``run``."""
    import numpy as np

    from ..batch._assessor import Part

    return Part(list(rows), np.array(numbers, np.int64), np.array(lines, np.int64), list(rejects))


def batch_dictionaries(assessor: Any) -> Any:
    """The dictionaries that turn a chunk's coded findings into text."""
    from ..batch._assessor import Dictionaries

    return Dictionaries(assessor.t)


def batch_rows(dicts: Any, columns: Any) -> tuple[tuple[str, ...], dict[str, list[Any]]]:
    """Finding rows of a chunk's result as lists by column, with the column order."""
    from ..batch._assessor import to_python
    from ..batch._emit import FINDING_COLUMNS, Columns

    if not isinstance(columns, Columns):  # an Arrow table (a policy with dated amendments)
        return FINDING_COLUMNS, {k: list(v) for k, v in columns.to_pydict().items()}
    return FINDING_COLUMNS, to_python(columns, dicts)


def batch_counts(assessor: Any, counts: Any) -> dict[tuple[str, str], int]:
    """Findings per (basis, liability)."""
    from ..batch._assessor import count_table

    return count_table(assessor.t, counts)


def route(policy: PolicyView, problem: Any, jurisdiction: Jurisdiction, *, level: str | None = None,
          today: dt.date | None = None) -> Any:
    """Who must act on a new problem now (what ``Policy.route`` calls): a ``Route``."""
    from ..batch._columns import record_of
    from ..engine._route import route

    return typed(route, policy, record_of(problem), jurisdiction, level=level, today=today)


def ledger_files(url: str | None) -> list[str]:
    """The files of a SQLite ledger given by path or ``sqlite:///`` URL: the database and its journal, WAL and
    shared-memory files, which the server writes (none for a server's URL)."""
    from ..ledger._ledger import database_files

    return database_files(url) if url else []


def query_day(name: str, value: str | None) -> dt.date | None:
    """A day given in the query (``?today=``, ``?as_of=``), read as a record's dates are read:
    ``YYYY-MM-DD`` between 1900 and 2999 (9999-12-31 would be taken by a date parser and then lose
    every finding), else 400 naming the parameter."""
    if value is None:
        return None
    from pydantic_core import PydanticCustomError

    from ..engine._problem import parse_day
    from ._errors import ApiError

    try:
        return parse_day(value, cell=False)  # (typed, not a spreadsheet's cell: no Excel hint)
    except PydanticCustomError as exc:
        raise ApiError(400, f"query parameter {name!r}: {exc.message()}", type="RequestError", field=f"query.{name}",
                       suggestion="give a day YYYY-MM-DD between 1900 and 2999") from None


def record_place(value: Any) -> str | None:
    """The 12-digit code of a record's ``place`` read as the record parser reads it — full-width
    digits, a number, a float from a spreadsheet (３３０１２７…, 330127100219.0) — or ``None`` when
    the parser will refuse it. The jurisdiction check must see the place the answer is about."""
    from pydantic_core import PydanticCustomError

    from ..engine._problem import _text
    from ._auth import full_code

    try:
        text = _text(value, None)
    except PydanticCustomError:
        return None
    return full_code(text) if isinstance(text, str) else None


def canonical(policy: PolicyView, kind: Literal["area", "level"], value: str) -> str:
    """The id an area or level name stands for (危房改造 → housing, 村 → village), else ``value``."""
    from ..engine._problem import ValueNames

    return str(ValueNames.of(policy).canonical(kind, value.strip()))


def query_term(policy: PolicyView, kind: Literal["area", "level"], name: str, value: str | None) -> str | None:
    """The id of an area or level given in the query by its id, Chinese name or gloss (危房改造, 村),
    as a record names it; an unknown one is 400 naming the parameter and the nearest id."""
    if value is None:
        return None
    from ..engine._problem import named_term
    from ._errors import ApiError

    found, hint = named_term(policy, kind, value)
    if found is not None:
        return found
    raise ApiError(400, f"query parameter {name!r}: unknown {kind} {value!r}; {hint}", type="RequestError",
                   field=f"query.{name}", suggestion=hint)
