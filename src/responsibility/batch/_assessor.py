"""Batch assessment: a whole ledger of problem records, fast, with nothing lost.

Records are read in chunks and coded as integer columns (:mod:`._encode`); the relations
:func:`~responsibility.engine._problem.parse_problem` checks are tested in bulk and the facts of
:func:`~responsibility.engine._facts.derive` are derived in bulk (:mod:`._core`); what each
distinct fact gives is computed once by the compiled engine and the
:class:`~responsibility.engine._decide.Decider` and reused; rows are emitted as columns
(:mod:`._emit`). Any record the fast path cannot read exactly as
:class:`~responsibility.Problem` would, or would decide by a different route, takes the
reference path instead: ``who_answers`` itself (compiled engine), whose
:class:`~responsibility.ProblemError` message becomes the reject's reason. So every record is
either assessed, with the findings ``who_answers`` gives it, or rejected with the reason
``who_answers`` raises; ``records == assessed + rejected`` always.

A policy with dated amendments (``Policy.epochs``) judges each problem by the rules in force on
its day; for such a policy every record takes the reference path (correct, but about a
hundred times slower).

Not done here: reading files (:mod:`._io`) and the command line (``_cli_assess``).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from .._errors import ResponsibilityError
from ..chain._jurisdiction import Jurisdiction
from ..engine._decide import Decider, decider_of, who_answers
from ..engine._verdict import Finding
from ..policy._view import PolicyView
from ._assessment import Assessment
from ._core import Templates, check, derive, expand
from ._emit import FINDING_COLUMNS, REJECT_COLUMNS, Columns, Emitter
from ._encode import Cols, arrow_rows, drop_missing, encode_arrow, encode_dicts
from ._tables import EPOCH, Tables

I64 = npt.NDArray[np.int64]
#: Records per chunk.
CHUNK = 65536
#: A rejected record: (record, line or None, problem id or None, field, reason).
Reject = tuple[int, int | None, str | None, str, str]


@dataclass
class Part:
    """A chunk of input: coded records, their raw form, numbers, lines, and records already rejected."""

    cols: Cols
    raw: Callable[[int], Any]
    numbers: I64  # record number (0-based, over the whole input) of each coded record
    lines: I64 | None = None  # input line of each coded record (text files)
    rejects: list[Reject] = field(default_factory=list)  # records that could not even be read


@dataclass
class Result:
    """What one chunk gave."""

    columns: Columns
    rejects: list[Reject]
    records: int
    assessed: int
    referred: int = 0  # records that took the reference path (parse_problem and who_answers)


class Assessor:
    """Assesses chunks of records for one policy, jurisdiction, date and language."""

    def __init__(self, policy: PolicyView, jurisdiction: Jurisdiction, *, today: dt.date | None = None,
                 lang: str = "zh") -> None:
        decider: Decider = decider_of(policy)
        self.policy, self.jurisdiction, self.decider = policy, jurisdiction, decider
        self.today = today or dt.date.today()
        self.lang = lang
        self.t = Tables(policy, jurisdiction, decider)
        self.templates = Templates(self.t, lang)
        self.emitter = Emitter(self.t, self.templates, lang)
        params = policy.parameters
        # Every record takes the reference path when the templates cannot be filled by concatenation
        # or the policy has dated amendments (see the module docstring).
        self.exact = self.t.exact and {"handling_time_limit_days", "rectification_time_limit_days"} <= set(params) \
            and (not policy.epochs or policy.as_of is not None)
        self.limit = int(params["handling_time_limit_days"].value) if self.exact else 0
        self.rect_limit = int(params["rectification_time_limit_days"].value) if self.exact else 0

    def run(self, part: Part) -> Result:
        """Assess one chunk: every record is assessed or rejected."""
        c, t = part.cols, self.t
        if not self.exact:
            c.slow[:] = True
        today = self.today.toordinal() - EPOCH
        check(c, t, today)
        dv = derive(c, t, today=today, limit=self.limit, rect_limit=self.rect_limit)
        rows = expand(c, t, self.templates, dv)
        rejects = list(part.rejects)
        slow: list[tuple[int, str, list[Finding]]] = []
        todo = np.union1d(np.nonzero(c.slow)[0], rows.moved).tolist()
        for i in todo:
            try:
                verdict = who_answers(self.policy, part.raw(i), jurisdiction=self.jurisdiction, engine="compiled",
                                                  today=self.today)
            except ResponsibilityError as exc:
                line = int(part.lines[i]) if part.lines is not None else None
                rejects.append((int(part.numbers[i]), line, getattr(exc, "record", None),
                                getattr(exc, "field", "(record)"), str(exc)))
                continue
            slow.append((i, verdict.problem, list(verdict.findings)))
        rejects.sort(key=lambda r: r[0])
        columns = self.emitter.emit(c, dv, rows, slow, part.numbers)
        n_rejected = len(rejects) - len(part.rejects)
        return Result(columns, rejects, c.n + len(part.rejects), c.n - n_rejected, len(todo))


# ------------------------------------------------------------------------------ inputs


def _kind(obj: Any) -> str:
    """'pandas', 'polars' or 'arrow' for data frames and tables, else ''."""
    module = type(obj).__module__.split(".")[0]
    name = type(obj).__name__
    if module == "pandas" and name == "DataFrame":
        return "pandas"
    if module == "polars" and name == "DataFrame":
        return "polars"
    if module == "pyarrow" and name in ("Table", "RecordBatch"):
        return "arrow"
    return ""


def dict_parts(records: Iterable[Any], t: Tables, *, tabular: bool = False, start: int = 0) -> Iterator[Part]:
    """Parts of Python records (tabular: null values are absent fields)."""
    buf: list[Any] = []
    number = start

    def part() -> Part:
        cols = encode_dicts(buf, t)
        rows = list(buf)
        return Part(cols, rows.__getitem__, np.arange(number - len(buf), number, dtype=np.int64))

    for r in records:
        buf.append(drop_missing(r) if tabular and isinstance(r, dict) else r)
        number += 1
        if len(buf) == CHUNK:
            yield part()
            buf = []
    if buf:
        yield part()


def arrow_parts(table: Any, t: Tables, *, start: int = 0) -> Iterator[Part]:
    """Parts of an Arrow table, column-wise."""
    for lo in range(0, table.num_rows, CHUNK):
        piece = table.slice(lo, CHUNK)
        yield Part(encode_arrow(piece, t), arrow_rows(piece),
                   np.arange(start + lo, start + lo + piece.num_rows, dtype=np.int64))


def parts(records: Any, t: Tables) -> Iterator[Part]:
    """Parts of any input :meth:`Policy.assess` accepts."""
    kind = _kind(records)
    if kind == "arrow":
        import pyarrow as pa

        table = pa.Table.from_batches([records]) if isinstance(records, pa.RecordBatch) else records
        yield from arrow_parts(table, t)
        return
    if kind in ("pandas", "polars"):
        try:
            import pyarrow as pa

            table = pa.Table.from_pandas(records, preserve_index=False) if kind == "pandas" else records.to_arrow()
        except (ImportError, ValueError, TypeError, NotImplementedError):  # no pyarrow, or mixed columns
            rows = records.to_dict("records") if kind == "pandas" else records.to_dicts()
            yield from dict_parts(rows, t, tabular=True)
            return
        yield from arrow_parts(table, t)
        return
    if isinstance(records, (Mapping, str, bytes)):
        raise TypeError(f"assess() takes many records (an iterable of dicts or a data frame), got "
                        f"{type(records).__name__}; pass [record] for one")
    yield from dict_parts(records, t)


# ------------------------------------------------------------------------------ outputs


def finding_schema() -> Any:
    """The Arrow schema of finding rows."""
    import pyarrow as pa

    d = pa.dictionary(pa.int32(), pa.string())
    return pa.schema([("record", pa.int64()), ("problem", pa.string()), ("level", d), ("body", d), ("name", d),
                      ("place", d), ("basis", d), ("liability", d), ("clauses", d), ("reason", pa.string())])


def reject_schema() -> Any:
    """The Arrow schema of rejects."""
    import pyarrow as pa

    return pa.schema([("record", pa.int64()), ("line", pa.int64()), ("problem", pa.string()),
                      ("field", pa.string()), ("reason", pa.string())])


class Dictionaries:
    """The fixed dictionaries of the finding columns, by output column."""

    def __init__(self, t: Tables) -> None:
        policy = t.policy
        names = list(dict.fromkeys(policy.bodies[b].name for b in t.bodies))
        self.values: dict[str, list[str]] = {
            "level": t.level_ids, "body": t.bodies, "name": names, "place": t.place_codes,
            "basis": t.bases, "liability": t.liabilities}
        self.level_of_body = np.array([t.level_ids.index(policy.bodies[b].level) for b in t.bodies], np.int32)
        self.name_of_body = np.array([names.index(policy.bodies[b].name) for b in t.bodies], np.int32)
        self._arrow: dict[str, Any] = {}

    def indices(self, cols: Columns) -> dict[str, npt.NDArray[np.int32]]:
        return {"level": self.level_of_body[cols.body], "body": cols.body, "name": self.name_of_body[cols.body],
                "place": cols.place, "basis": cols.basis, "liability": cols.liability}

    def arrow(self, name: str) -> Any:
        import pyarrow as pa

        got = self._arrow.get(name)
        if got is None:
            got = self._arrow[name] = pa.array(self.values[name], pa.string())
        return got


def to_arrow(cols: Columns, dicts: Dictionaries) -> Any:
    """Finding rows as an Arrow table (dictionary columns for the few-valued ones)."""
    import pyarrow as pa

    idx = dicts.indices(cols)
    arrays: dict[str, Any] = {"record": pa.array(cols.record, pa.int64())}
    arrays["problem"] = cols.problem if not isinstance(cols.problem, list) else pa.array(cols.problem, pa.string())
    for name in ("level", "body", "name", "place", "basis", "liability"):
        arrays[name] = pa.DictionaryArray.from_arrays(pa.array(idx[name], pa.int32()), dicts.arrow(name))
    arrays["clauses"] = pa.DictionaryArray.from_arrays(pa.array(cols.clauses, pa.int32()),
                                                       pa.array(cols.clause_texts, pa.string()))
    arrays["reason"] = pa.chunked_array(
        [pa.StringArray.from_buffers(len(off) - 1, pa.py_buffer(off.astype(np.int32)), pa.py_buffer(data))
         for data, off in cols.reasons], pa.string())
    return pa.Table.from_pydict(arrays, schema=finding_schema())


def to_python(cols: Columns, dicts: Dictionaries) -> dict[str, list[Any]]:
    """Finding rows as lists of Python values, by column."""
    idx = dicts.indices(cols)
    out: dict[str, list[Any]] = {"record": cols.record.tolist(),
                                 "problem": list(cols.problem) if isinstance(cols.problem, list)
                                 else cols.problem.to_pylist()}
    for name in ("level", "body", "name", "place", "basis", "liability"):
        values = dicts.values[name]
        out[name] = [values[i] for i in idx[name].tolist()]
    out["clauses"] = [cols.clause_texts[i] for i in cols.clauses.tolist()]
    out["reason"] = [data[a:b].decode() for data, off in cols.reasons for a, b in itertools.pairwise(off.tolist())]
    return out


def rejects_to_arrow(rejects: list[Reject]) -> Any:
    """Rejects as an Arrow table."""
    import pyarrow as pa

    return pa.Table.from_pylist([dict(zip(REJECT_COLUMNS, r, strict=True)) for r in rejects], schema=reject_schema())


def count_table(t: Tables, counts: I64) -> dict[tuple[str, str], int]:
    """Findings per (basis, liability), in the policy's order, zeros left out."""
    nl = len(t.liabilities)
    return {(t.bases[i // nl], t.liabilities[i % nl]): int(v) for i, v in enumerate(counts.tolist()) if v}


def assess(policy: PolicyView, records: Any, *, jurisdiction: Jurisdiction | None = None,
           today: dt.date | None = None, lang: str = "zh") -> Assessment:
    """:meth:`Policy.assess`: see there."""
    try:
        import pandas as pd
    except ImportError:
        raise ResponsibilityError("assess() returns pandas DataFrames: pip install 'responsibility[frames]'") from None
    j = jurisdiction if jurisdiction is not None else Jurisdiction.example()
    assessor = Assessor(policy, j, today=today, lang=lang)
    dicts = Dictionaries(assessor.t)
    results = [assessor.run(p) for p in parts(records, assessor.t)]
    counts = np.zeros(len(assessor.t.bases) * len(assessor.t.liabilities), np.int64)
    for r in results:
        counts += r.columns.counts
    rejects = [x for r in results for x in r.rejects]
    try:
        import pyarrow as pa
    except ImportError:
        pa = None
    if pa is not None:
        tables = [to_arrow(r.columns, dicts) for r in results]
        table = pa.concat_tables(tables).unify_dictionaries() if tables else finding_schema().empty_table()
        findings = table.combine_chunks().to_pandas(
            types_mapper={pa.string(): pd.StringDtype("pyarrow")}.get)
        frame = rejects_to_arrow(rejects).to_pandas(types_mapper={pa.string(): pd.StringDtype("pyarrow")}.get)
    else:
        merged: dict[str, list[Any]] = {c: [] for c in FINDING_COLUMNS}
        for r in results:
            for name, values in to_python(r.columns, dicts).items():
                merged[name].extend(values)
        findings = pd.DataFrame(merged, columns=list(FINDING_COLUMNS))
        for name in ("level", "body", "name", "place", "basis", "liability", "clauses"):
            findings[name] = findings[name].astype("category")
        frame = pd.DataFrame(rejects, columns=list(REJECT_COLUMNS))
    return Assessment(findings, frame, sum(r.records for r in results), sum(r.assessed for r in results),
                      len(rejects), count_table(assessor.t, counts), tuple(assessor.t.liabilities),
                      context=(policy, j))
