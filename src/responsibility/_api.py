"""The facade: :func:`load`, :func:`validate` and the user-facing :class:`Policy`.

The top of the package: it may import every wing. :class:`Policy` is the policy wing's
read-only :class:`~responsibility.policy._view.PolicyView` with the answers of the wings
above on top (the role graph, :meth:`Policy.who_answers`, :meth:`Policy.assess`), each a
thin call into its wing; what they build is kept in the view's memo.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, Literal, Self, TypeVar

from ._errors import Issue, ProblemError, ResponsibilityError, RulesError
from .chain._checks import load_checked, validate_dir
from .policy._view import PolicyView

_T = TypeVar("_T")

if TYPE_CHECKING:
    import networkx as nx

    from .batch._assessment import Assessment
    from .chain._jurisdiction import Jurisdiction
    from .chain._scene import Picture
    from .engine._problem import Problem
    from .engine._route import Route
    from .engine._verdict import Verdict


class Policy(PolicyView):
    """A validated policy directory, indexed for queries, that answers who is responsible.

    >>> import responsibility
    >>> policy = responsibility.load()
    >>> policy.body("county_civil_affairs").name
    '县（市、区）民政局'
    """

    def with_parameters(self, *given: Any, **values: Any) -> Self:
        """A view of this policy with some parameters (``rules/parameters.yaml``) set: a what-if (the one made before
        for the same values while this policy keeps it, its memos warm: policy/_whatif.READINGS_KEPT).

        Each is a keyword, by its id or its Chinese name (a dict of them: ``with_parameters(**values)``), checked like
        the file's (unknown names and values that do not fit raise :class:`~responsibility.RulesError`); every
        verdict made under the new view says which parameters it changed (``verdict.what_if``, its ``explain()``
        and ``to_dict()``).

        >>> import responsibility
        >>> responsibility.load().with_parameters(handling_time_limit_days=15).parameter("handling_time_limit_days")
        15
        """
        if given:  # (a dict of them was "takes 1 positional argument but 2 were given": newcomer42b)
            what = (f"a {type(given[0]).__name__} of them: with_parameters(**values)" if len(given) == 1
                    and isinstance(given[0], Mapping) else f"{len(given)} positional argument(s)")
            raise TypeError(f"with_parameters() takes each parameter as a keyword "
                            f"(with_parameters(handling_time_limit_days=15)); for {what}")
        return super().with_parameters(**values)

    @property
    def chain(self) -> nx.MultiDiGraph[str]:
        """The role graph: bodies and the relations between them (frozen; built once)."""
        from .chain._graph import chain_of

        return chain_of(self)

    def draw(self, *, area: str | None = None, place: str | None = None, jurisdiction: Jurisdiction | None = None,
             lang: Literal["zh", "en"] = "zh", layout: Literal["auto", "dot", "matplotlib"] = "auto") -> Picture:
        """A picture of the chain: levels as ranks (the village at the bottom), one box per body,
        one arrow per relation type between two bodies, a legend; it shows inline in Jupyter and
        ``.save("x.png")`` or ``.save("x.svg")`` writes it.

        ``place`` (a division code of ``jurisdiction``, default the shipped example) draws the
        chain placed above that place; ``area`` keeps one duty area's holders and relations
        (without it only the relations that belong to no area are drawn). The title names both.
        ``layout="auto"`` uses Graphviz ``dot`` where installed, else matplotlib.

        >>> import responsibility
        >>> responsibility.load().draw(area="housing", place="330127100219").scene.title
        '富城村 330127100219 · 危房改造'
        """
        from .chain._draw import policy_picture

        return policy_picture(self, area=area, place=place, jurisdiction=jurisdiction, lang=lang, layout=layout)

    def who_answers(self, problem: Problem | dict[str, Any] | str | Path, *, jurisdiction: Jurisdiction | None = None,
                    engine: Literal["durable", "compiled"] | None = None,
                    today: dt.date | str | None = None) -> Verdict:
        """Who answers for ``problem`` (a dict, a :class:`Problem`, a row of a data frame as
        :meth:`assess` reads it, e.g. ``df.iloc[0]``, or the path of a YAML or JSON file holding one
        record, read as ``responsibility who FILE`` reads it): a :class:`Verdict`. An error in a
        file's record says the file, line and column of the field.

        ``jurisdiction`` defaults to the shipped example; ``engine`` is ``"durable"`` or
        ``"compiled"`` (default: durable where it imports); ``today`` (a date or ``YYYY-MM-DD``)
        stands for the assessment date when the record has no ``as_of``.

        >>> import responsibility
        >>> v = responsibility.load().who_answers({"id": "p1", "area": "housing", "place": "33"},
        ...                                        engine="compiled")
        >>> v.findings  # not yet discovered: nobody has failed yet
        ()
        """
        if today is not None or (jurisdiction is not None and type(jurisdiction) is not _JURISDICTION[0]):
            today = _checked(jurisdiction, today)
        decide = _decide()
        try:
            if type(problem) is dict:  # a record as data, as most are: what _on_record does for one, without a closure
                got: Verdict = decide.who_answers(self, _row_record(problem), jurisdiction=jurisdiction,
                                                  engine=engine, today=today)
                return got
            verdict: Verdict = _on_record(problem, lambda record: decide.who_answers(
                self, record, jurisdiction=jurisdiction, engine=engine, today=today))
        except ProblemError as exc:
            raise _yaml_on(problem, exc) from None
        return verdict

    def route(self, problem: Problem | dict[str, Any] | str | Path, *, jurisdiction: Jurisdiction | None = None,
              level: str | None = None, today: dt.date | str | None = None) -> Route:
        """Who must act on ``problem`` now (一(三)): the level with authority (办理权限), the bodies
        that must assign it and those it may be assigned to, the deadlines the parameters imply, and
        whether it exceeds the registering ``level``'s authority (default: the finder's) and must be
        reported upward at once. The forward-looking twin of :meth:`who_answers`; a :class:`Route`.

        >>> import responsibility
        >>> r = responsibility.load().route({"id": "p1", "area": "housing", "place": "330127100219",
        ...     "discovered": {"level": "township", "channel": "grid", "on": "2021-03-01"}, "as_of": "2021-03-01"})
        >>> r.authority, r.escalate, r.act_by.isoformat()
        ('county', True, '2021-03-11')
        """
        from .engine._route import route

        today = _checked(jurisdiction, today)
        try:
            return _on_record(problem, lambda record: route(self, record, jurisdiction, level=level, today=today))
        except ProblemError as exc:
            raise _yaml_on(problem, exc) from None

    def assess(self, records: Any, *, jurisdiction: Jurisdiction | None = None, today: dt.date | str | None = None,
               lang: Literal["zh", "en"] = "zh") -> Assessment:
        """Who answers for each of many problem records: an :class:`Assessment` whose ``findings``
        and ``rejects`` are pandas DataFrames (needs the ``frames`` extra).

        ``records`` is an iterable of problem dicts, a pandas or a polars DataFrame (in a data
        frame an empty cell is an absent field). Every record is assessed, with the findings
        :meth:`who_answers` gives it, or rejected with the reason it would raise; see
        :class:`Assessment`. ``lang`` picks the language of the reasons.

        >>> import responsibility
        >>> result = responsibility.load().assess([
        ...     {"id": "p1", "area": "housing", "place": "331127",
        ...      "discovered": {"level": "county", "channel": "hotline", "on": "2021-03-01"},
        ...      "as_of": "2021-12-31"},
        ...     {"id": "p2", "area": "housing", "place": "999999"}])
        >>> result.records == result.assessed + result.rejected == 2
        True
        >>> result.findings["problem"].unique().tolist(), result.rejects.loc[0, "field"]
        (['p1'], 'place')
        """
        import os

        # (who_answers takes a file; assess reads files from the command line)
        named = isinstance(records, str) and (os.path.exists(records)
                                              or os.path.splitext(records)[1].lower() in _TABLE_SUFFIXES)
        if isinstance(records, os.PathLike) or named:
            raise TypeError(f"assess() takes records, not a file ({os.fspath(records)}): read it first "
                            "(pandas.read_csv, pandas.read_parquet, json.loads of each line), or run "
                            "`responsibility assess FILE`")
        if records is None or isinstance(records, int | float):  # (an Arrow table is no Iterable, yet taken)
            raise TypeError(f"assess() takes many records (an iterable of dicts or a data frame), got "
                            f"{type(records).__name__}")
        records = _many_checked(records)
        from .batch._assessment import needs_frames

        needs_frames("assess()")  # before the batch wing, which needs numpy
        from .batch._assessor import assess

        today = _checked(jurisdiction, today, lang)
        if type(records) in (list, tuple):
            # a dict with a row's dotted discovered.* keys (df.to_dict("records")) is read as who_answers reads it
            # (review22b R22b-2: who_answers answered it, assess([it]) refused it)
            records = [_row_record(r) for r in records]
            if records and isinstance(records[0], dict):
                # the rows of a ledger's list (lists()["problems"].to_dict("records")): each was rejected, "field
                # 'problem': unknown field"
                from .batch._columns import ledger_list

                if said := ledger_list(tuple(str(k) for k in records[0])):
                    raise TypeError(f"assess() takes problem records, got the rows of a ledger's list{said}")
        try:
            result = assess(self, records, jurisdiction=jurisdiction, today=today, lang=lang)
        except ResponsibilityError as exc:  # (batch._columns.ColumnError)
            raise _office_table(exc) from None
        return _yaml_on_rejects(result, records)

    def assess_dask(self, records: Any, *, jurisdiction: Jurisdiction | None = None, today: dt.date | str | None = None,
                    lang: Literal["zh", "en"] = "zh") -> tuple[Any, Any]:
        """:meth:`assess` on Dask: ``records`` a ``dask.dataframe.DataFrame``, the result two lazy
        Dask dataframes, findings and rejects, equal row for row to :meth:`assess`'s (needs the
        ``dask`` extra; see docs/scale.md for a cluster and for Spark). Compute them together::

            findings, rejects = policy.assess_dask(dask.dataframe.read_parquet("ledger/"))
            dask.compute(findings.to_parquet("findings/", compute=False),
                         rejects.to_parquet("rejects/", compute=False))
        """
        module = type(records).__module__.split(".")[0]
        if module in ("pandas", "polars", "pyarrow") or isinstance(records, list | tuple):
            # (a pandas frame was "'DataFrame' object has no attribute 'to_delayed'": newcomer42b)
            got = f"a {module} {type(records).__name__}" if module != "builtins" else f"a {type(records).__name__}"
            raise TypeError(f"assess_dask() takes a dask.dataframe.DataFrame, got {got}: policy.assess(records) "
                            "answers it on this machine, or give dask.dataframe.from_pandas(df, npartitions=N)")
        from .batch._dask import assess_dask

        today = _checked(jurisdiction, today, lang)
        return assess_dask(self, records, jurisdiction=jurisdiction, today=today, lang=lang)


def validate(path: str | Path | None = None) -> list[Issue]:
    """Every problem in the policy directory at ``path`` (default: the shipped rules).

    Returns an empty list when the directory is sound. Unreadable input (a missing
    directory) raises :class:`RulesError`.

    >>> import responsibility
    >>> responsibility.validate()
    []
    """
    _directory_argument(path, "validate()")
    return validate_dir(path)


def load(path: str | Path | None = None, *, as_of: dt.date | str | None = None) -> Policy:
    """Load and validate a policy directory (default: the rules shipped with the package).

    ``as_of`` (a date or ``YYYY-MM-DD``) keeps only the bodies, duties, problem kinds and parameters in force
    on that day.
    Raises :class:`RulesError` listing every problem if the data is not sound.

    Loading the same files again in one process (a notebook's cell run again) gives the policy read before, which
    has already made its first decisions (a policy never changes: ``with_parameters`` makes a new one); an edited
    file is a new load, and ``RESPONSIBILITY_CACHE=off`` loads afresh each time.

    >>> import responsibility
    >>> policy = responsibility.load()
    >>> sorted(policy.problem_areas)[:3]
    ['basic_needs', 'discovery', 'education']
    """
    _directory_argument(path, "load()")
    # (as_of="2021-01-01" was "'str' object is not callable"; "x" and 2021 were taken, and failed later)
    # (a second load of the same files answers with the view kept before: load_checked, _cache.kept_view)
    return load_checked(path, as_of=_day_argument(as_of, "as_of"), cls=Policy)


@functools.cache
def _jurisdiction_type() -> type:
    """The Jurisdiction class, imported on first use (not at ``import responsibility``, and not
    through the engine: route and assess need none loaded), then without an import per call."""
    from .chain._jurisdiction import Jurisdiction

    return Jurisdiction


#: The Jurisdiction class once :func:`_checked` has imported it (a jurisdiction of exactly that class, with no
#: ``today``, needs no check: :meth:`Policy.who_answers` then makes no call for it).
_JURISDICTION: list[type | None] = [None]


def _checked(jurisdiction: Any, today: Any, lang: str = "zh") -> dt.date | None:
    """The facade's arguments checked as one line each (a notebook's ``today="2021-07-01"`` is
    read as the day it names, as a record's ``as_of`` is): ``today`` as a date, or
    :class:`ProblemError` / :class:`TypeError`."""
    if _JURISDICTION[0] is None:
        _JURISDICTION[0] = _jurisdiction_type()
    if jurisdiction is not None and not isinstance(jurisdiction, _jurisdiction_type()):
        raise TypeError(f"jurisdiction: expected a Jurisdiction (Jurisdiction.from_csv(path)), "
                        f"got {type(jurisdiction).__name__}")
    if lang not in ("zh", "en"):
        from ._errors import ProblemError

        raise ProblemError("lang", f"use 'zh' or 'en', not {lang!r}")
    return _day_argument(today, "today")


def _day_argument(value: Any, name: str) -> dt.date | None:
    """An argument that names a day (``today``, ``load``'s ``as_of``): ``None``, a date, ``YYYY-MM-DD`` text, or
    numpy's or Arrow's day, read as a record's ``as_of`` is (1900-2999); else :class:`TypeError` or
    :class:`ProblemError` naming the argument."""
    if value is None:
        return None
    kind = type(value).__name__
    if kind == "NaTType":  # pandas' missing date, a datetime whose .time() raises ValueError (was that message)
        raise TypeError(f"{name}: expected a date or YYYY-MM-DD text, got NaT (pandas' missing date); give a day, "
                        f"or leave {name} out")
    if not isinstance(value, dt.date | str) and kind not in ("datetime64", "date32", "Date"):
        # (numpy's datetime64 and Arrow's dates are read as a record's as_of reads them)
        raise TypeError(f"{name}: expected a date or YYYY-MM-DD text, got {kind}")
    from pydantic_core import PydanticCustomError

    from ._errors import ProblemError
    from .engine._problem import parse_day

    try:  # the same days a record's as_of may name (1900-2999)
        return parse_day(value, cell=False)  # (an argument, not a spreadsheet's cell: no Excel hint)
    except PydanticCustomError as exc:
        said = exc.message()
        if isinstance(value, dt.datetime) and value.tzinfo is None:  # (a notebook's datetime.now(): newcomer42b)
            said += f"; give the day, {name}=d.date() of a datetime d"
        raise ProblemError(name, said, code="bad_date") from None


def _directory_argument(path: Any, call: str) -> None:
    """``path`` is ``None`` or a path (text or ``os.PathLike``); else :class:`TypeError` naming the call (was
    os.fspath's "expected str, bytes or os.PathLike object, not int")."""
    import os

    if path is not None and not isinstance(path, str | os.PathLike):
        raise TypeError(f"{call}: path is a policy directory (text or a Path; none for the shipped rules), "
                        f"not {type(path).__name__}")


#: Files of many records in rows, which :meth:`Policy.assess` takes (as a frame), not ``who_answers``.
_TABLE_SUFFIXES = frozenset({".csv", ".tsv", ".parquet", ".jsonl", ".ndjson", ".xlsx", ".xls"})


def _on_record(problem: Any, answer: Callable[[Any], _T]) -> _T:
    """``answer(record)`` for a record given as data (a dict, a :class:`Problem`, a frame's row) or
    as a record file's path, whose errors are then located in the file."""
    if not isinstance(problem, (str, Path)):
        if type(problem).__name__ == "DataFrame":  # (a list is told so by the record parser, as assess tells it)
            _many_records(problem)
        if said := _row_kind(problem):
            how = "row._asdict()" if hasattr(problem, "_asdict") else "the pair's row, `for _, row in df.iterrows()`"
            raise ProblemError("(record)", f"expected one problem record (a dict), got {said}: give {how}, or "
                               "df.iloc[i]; policy.assess(df) answers every row", code="not_an_object")
        return answer(_row_record(problem))
    record, locate = _file_record(problem)
    from .engine._problem import typed_records

    try:
        # a YAML or JSON file is typed, never a spreadsheet's cells: a refused day is told what to write, not how to
        # format an Excel column, as `who FILE` tells it (ux48 left)
        with typed_records():
            return answer(_row_record(record))  # dotted discovered.* keys read as who FILE reads them (R23b-2)
    except ProblemError as exc:
        raise locate(exc) from None


def _row_kind(item: Any) -> str:
    """What ``item`` is when a data frame's loop gave it instead of a record (``""`` when it is none of those): a
    notebook's ``for i, row in df.iterrows()`` or ``df.itertuples()`` handed over whole (newcomer42b: "got a list",
    "got a Python Pandas")."""
    if not isinstance(item, tuple):
        return ""
    if hasattr(item, "_fields") and hasattr(item, "_asdict"):
        return (f"a named tuple ({type(item).__name__}, as df.itertuples() gives each row, its dotted columns "
                "renamed _1, _2 …)")
    if len(item) == 2 and type(item[1]).__name__ == "Series":
        return "an (index, row) pair, as df.iterrows() gives each row"
    return ""


def _many_checked(records: Any) -> Any:
    """``records`` for :meth:`Policy.assess`, refused with what to give instead where they are plainly not records:
    one row of a frame (a pandas ``Series``, whose values were each rejected as a record: "7 records, 7 rejected"),
    a dict of columns (``df.to_dict()``, told "pass [record] for one"), the pairs of ``df.iterrows()`` or the named
    tuples of ``df.itertuples()`` (each rejected, "got a list"). An iterator's first item is looked at and kept, and
    its items are read as a list's (:func:`_row_record`)."""
    import itertools

    kind = type(records)
    if kind.__name__ == "Series" and hasattr(records, "to_list"):
        raise TypeError(f"assess() takes many records (a data frame, or an iterable of dicts), got a "
                        f"{kind.__module__.split('.')[0]} Series — one row's or one column's values: give the frame "
                        "itself, policy.assess(df); one row is answered by policy.who_answers(row)")
    if isinstance(records, dict) and records and all(
            isinstance(v, list | tuple | dict) or type(v).__name__ in ("ndarray", "Series") for v in records.values()):
        raise TypeError("assess() takes many records, got a dict of columns (as df.to_dict() or df.to_dict('list') "
                        "gives them): give the frame itself, policy.assess(df), a list of records "
                        "(df.to_dict('records')), or pandas.DataFrame(that dict)")
    first: Any = None
    if kind in (list, tuple):
        first = records[0] if records else None
    elif isinstance(records, Iterator) and kind.__name__ not in ("DataFrame", "Table", "RecordBatch"):
        try:
            first = next(records)
        except StopIteration:
            return ()
        # each read as a list's is (a frame's row, a dict with dotted discovered.* keys: they were rejected, "got a
        # Python Series", from a generator, and assessed from a list)
        records = map(_row_record, itertools.chain((first,), records))
    said = _row_kind(first)
    if said:
        raise TypeError(f"assess() takes records, got {said}: give the frame itself, policy.assess(df), which reads "
                        "every row (its dotted discovered.* columns too)")
    return records


def _office_table(exc: ResponsibilityError) -> ResponsibilityError:
    """``exc``, a table's column error, saying which record field each of an office ledger's headers is, as
    ``responsibility assess`` says it (``pd.read_excel`` of an office workbook was told only "no 'id' column"); a
    list a ledger wrote is said so by the error itself (batch._columns.ledger_list)."""
    from .batch._columns import ledger_list

    columns: tuple[str, ...] = getattr(exc, "columns", ())
    if not columns or ledger_list(columns):
        return exc
    from .cli._assess import _office_headers

    said = _office_headers(columns)
    if not said:
        return exc
    out = type(exc)(f"{exc}{said} (Ledger.import_file in Python)")
    out.columns = columns  # type: ignore[attr-defined]
    return out


def _yaml_on(problem: Any, exc: ProblemError) -> ProblemError:
    """``exc``, saying why when a step's or the discovery's ``on`` is missing because ``yaml.safe_load`` read the key
    ``on:`` as ``True`` (YAML 1.1): a notebook that loaded its record file so was told only "is required"
    (newcomer40 #5, newcomer41). Any other error is ``exc`` itself."""
    note = _yaml_on_note(problem, exc.field) if exc.code == "missing_field" else ""
    if not note:
        return exc
    return ProblemError(exc.field, f"{exc.detail}{note}", record=exc.record, code=exc.code, where=exc.where,
                        index=exc.index)


def _yaml_on_note(problem: Any, field: str) -> str:
    """What :func:`_yaml_on` adds to a ``missing_field`` error of ``field`` (``discovered.on``, ``handled[2].on``) of
    ``problem``: why, when the item holds the key ``True`` where ``on`` belongs; else ``""``."""
    if not field.endswith(".on") or not isinstance(problem, dict):
        return ""
    head = field[:-3]
    item: Any = problem.get("discovered")
    if head != "discovered":
        index = head.removeprefix("handled[").removesuffix("]")
        steps = problem.get("handled")
        item = steps[int(index)] if index.isdigit() and isinstance(steps, list) and int(index) < len(steps) else None
    if not isinstance(item, dict) or True not in item:
        return ""
    return (": the record has the key True where 'on' belongs, as yaml.safe_load reads an unquoted on: (YAML 1.1 "
            "reads on as true); pass the file's path instead, read as `responsibility who` reads it, or quote the "
            "key ('on':)")


def _yaml_on_rejects(result: Assessment, records: Any) -> Assessment:
    """``result`` with :func:`_yaml_on`'s note on each reject of a record read by ``yaml.safe_load`` (its
    ``discovered.on`` or a step's ``on`` missing, the key ``True`` in its place), as :meth:`Policy.who_answers` says
    it (newcomer42: assess said only "is required"). ``records`` is what :meth:`Policy.assess` was given, a list
    or a pandas frame (a reject's ``record`` is its position there); others are left as they are."""
    frame = result.rejects
    if not result.rejected or (not isinstance(records, list | tuple) and type(records).__name__ != "DataFrame"):
        return result
    rows = frame.index[(frame["code"] == "missing_field").to_numpy(bool)
                       & frame["field"].str.endswith(".on").to_numpy(bool)]
    if not len(rows):
        return result
    from .batch._columns import row_values

    reasons = frame["reason"].copy()
    for row in rows:
        at = int(frame.at[row, "record"])
        if isinstance(records, list | tuple):
            record = records[at] if at < len(records) else None
        else:
            record = row_values(records.iloc[at]) if type(records).__module__.startswith("pandas") else \
                records.row(at, named=True)
        note = _yaml_on_note(record, str(frame.at[row, "field"]))
        if note:
            reasons.at[row] = f"{reasons.at[row]}{note}"
    import dataclasses

    return dataclasses.replace(result, rejects=frame.assign(reason=reasons))


def _many_records(records: Any) -> None:
    """Refuse ``records``, a data frame, given for one record: what answers many (``policy.assess``) and how to give
    one (newcomer40: it was told only "give each record as one")."""
    n = len(records)
    got = f"a {type(records).__module__.split('.')[0]} DataFrame of {n:,} row{'s' if n != 1 else ''}"
    raise ProblemError("(record)", f"expected one problem record (a dict), got {got}: policy.assess(df) answers "
                       "many (an Assessment, with findings and rejects as DataFrames); for one, give one row "
                       "(df.iloc[0] in pandas, df.row(0, named=True) in polars)", code="not_an_object")


def _file_record(path: str | Path) -> tuple[Any, Callable[[ProblemError], ProblemError]]:
    """The one problem record in a YAML or JSON file, read as ``responsibility who FILE`` reads it
    (YAML 1.2: ``on:`` is a key, not ``true``; dates stay text), and what locates its errors there.

    A notebook user hands :meth:`Policy.who_answers` a file's name; a file of several records is
    refused with what to use instead, as is anything that is not a record file."""
    from .policy._yaml import MAX_RECORD_FILE, parse_records, read_bytes

    name = str(path)
    try:
        is_file = Path(path).is_file()
    except (OSError, ValueError):  # a name too long, or with a NUL: no file (review22b R22b-9: OSError, errno 36)
        is_file = False
    if not is_file:
        text = name.lstrip()
        json_text = isinstance(path, str) and text[:1] in ("{", "[")
        shown = f"{name[:60]!r}… ({len(name):,} characters)" if len(name) > 80 else repr(name)
        # (a name that reads as a file's, mistyped, is told that no file has it: "nor a file" alone left the user to
        # wonder whether the name or the file was wrong)
        pathlike = not json_text and Path(text).suffix.lower() in (".yaml", ".yml", ".json")
        shown += " (no such file: check the path)" if pathlike else ""
        raise ProblemError("(record)", f"{shown} is not a problem record (a dict) nor a file: give the record's "
                           "fields as a dict" + (" (json.loads the text first)" if json_text else "") +
                           ", or the path of a YAML or JSON file holding one", code="not_an_object")
    if Path(path).suffix.lower() in _TABLE_SUFFIXES:
        raise ProblemError("(record)", f"{name} is a table of records, not one record: give its rows to "
                           "policy.assess (pandas.read_csv / read_parquet / read_json(lines=True)), or run "
                           f"`responsibility assess {name}`", code="not_an_object")
    notes: list[str] = []
    try:
        data, pos = parse_records(read_bytes(Path(path), name, max_bytes=MAX_RECORD_FILE), name, notes)
    except RulesError as exc:
        raise ProblemError("(record)", str(exc.issues[0]), code="unreadable") from None
    import warnings

    for note in notes:  # the note `responsibility who` prints (a file read as GB18030 or UTF-16)
        warnings.warn(note, UnicodeWarning, stacklevel=4)
    first = data[0] if isinstance(data, list) and data else data
    if isinstance(first, dict) and ("scenarios" in first or "problem" in first):
        # a scenario file, named where a record file goes: say what runs it
        from .checks._scenarios import scenario_file_note

        if (held := scenario_file_note(name, data)) is not None:
            raise ProblemError("(record)", held, code="not_an_object")
    if isinstance(data, list) and len(data) == 1 and isinstance(data[0], dict):
        return data[0], lambda exc: pos.locate(exc, (0,))
    if isinstance(data, dict):
        return data, pos.locate
    many = f"{len(data)} records" if isinstance(data, list) else f"no record ({type(data).__name__})"
    raise ProblemError("(record)", f"{name} holds {many}: who_answers answers one record — for a list, "
                       "`policy.assess(records)` or `responsibility who FILE` answers each", code="not_an_object")


#: Whether a dict with these keys (in order) has a row's dotted ``discovered.*`` ones (:func:`_row_record`).
_DOTTED: dict[tuple[str, ...], bool] = {}


def _row_record(problem: Any) -> Any:
    """A row of a data frame (a pandas ``Series``, or a dict with dotted ``discovered.*`` keys) as
    the record :meth:`Policy.assess` reads from it; anything else as it is."""
    if type(problem) is dict:  # whether its keys are a row's, kept by the keys (records repeat a few key sets)
        keys = tuple(problem)
        dotted = _DOTTED.get(keys)
        if dotted is None:
            dotted = any(isinstance(k, str) and k.startswith("discovered.") for k in keys)
            if all(type(k) is str for k in keys):
                if len(_DOTTED) >= 1_000:
                    _DOTTED.clear()
                _DOTTED[keys] = dotted
        if not dotted:
            return problem
    # (checked here too: a record with no such keys never imports the bulk path's numpy)
    if not (type(problem).__name__ == "Series"
            or (isinstance(problem, dict)
                and any(isinstance(k, str) and k.startswith("discovered.") for k in problem))):
        return problem
    try:
        from .batch._columns import record_of
    except ImportError:  # no numpy (the frames extra): the record is read as given
        return problem
    return record_of(problem)


@functools.cache
def _decide() -> ModuleType:
    """The engine's deciding module, imported on the first decision (``import responsibility``
    stays light) and then kept: a decision pays no import statement."""
    from .engine import _decide as module

    return module
