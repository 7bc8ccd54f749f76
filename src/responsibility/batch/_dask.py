"""Assessment beyond one machine: the same batch path over the partitions of a Dask dataframe.

:func:`assess_dask` takes a ``dask.dataframe.DataFrame`` of problem records (columns as in a
Parquet ledger, see :mod:`._columns`) and returns two lazy Dask dataframes, findings and rejects,
whose rows equal those of :meth:`Policy.assess <responsibility.Policy.assess>` on the same
records, row for row (``record`` is the position in the whole input). The policy, jurisdiction
and date are one object in the task graph, so each worker receives them once and builds its
assessor once, whatever the number of partitions.

Compute both outputs together (``dask.compute(findings, rejects)``, or both ``to_parquet(...,
compute=False)`` then ``dask.compute``): each partition is then assessed once. ``record``
numbers need the length of every earlier partition, so a partition's rows wait until those
are known; the heavy work runs in parallel all the same.

On Spark the same function serves as a ``mapInPandas`` step (see docs/scale.md).
"""

from __future__ import annotations

import datetime as dt
import logging
import pickle
import threading
import uuid
from collections.abc import Iterator
from typing import Any

from .._errors import ExtraUnavailable, import_extra
from ..chain._jurisdiction import Jurisdiction
from ..policy._view import PolicyView

#: Assessors built in this (worker) process, by the token of the run that shipped them.
_ASSESSORS: dict[str, Any] = {}
_LOCK = threading.Lock()

FINDING_TYPES = {"record": "int64", "problem": "string", "area": "string", "level": "string", "body": "string",
                 "name": "string", "place": "string", "place_name": "string", "basis": "string",
                 "liability": "string", "clauses": "string", "reason": "string"}
REJECT_TYPES = {"record": "int64", "line": "Int64", "problem": "string", "field": "string", "code": "string",
                "reason": "string"}


def _needs_dask() -> Any:
    return import_extra("dask.dataframe", "assessing on Dask needs the dask extra: pip install 'responsibility[dask]'")


def portable(policy: PolicyView) -> PolicyView:
    """``policy`` in a form that pickles (a used policy holds locks and compiled engines)."""
    try:
        pickle.dumps(policy)
    except (TypeError, pickle.PicklingError, AttributeError):
        return type(policy)(policy.data, root=policy.root, loaded=policy._loaded, as_of=policy.as_of)
    return policy


class Job:
    """What every partition needs: the policy, jurisdiction, date and language, and a token
    under which a worker keeps the assessor it builds from them."""

    def __init__(self, policy: PolicyView, jurisdiction: Jurisdiction, today: dt.date, lang: str) -> None:
        self.policy, self.jurisdiction, self.today, self.lang = portable(policy), jurisdiction, today, lang
        self.token = uuid.uuid4().hex

    def assessor(self) -> Any:
        from ._assessor import make_assessor

        with _LOCK:
            got = _ASSESSORS.get(self.token)
            if got is None:
                from ._workers import keep_freed_memory

                keep_freed_memory()  # Dask's workers trim freed memory at once (MALLOC_TRIM_THRESHOLD_)
                got = _ASSESSORS[self.token] = make_assessor(self.policy, self.jurisdiction, today=self.today,
                                                             lang=self.lang)
            return got


def assess_frame(job: Job, frame: Any, start: int = 0) -> tuple[Any, Any, int]:
    """Findings and rejects (pandas DataFrames, plain text columns) of one pandas DataFrame of
    records numbered from ``start``, and its number of records."""
    from ._assessor import rejects_to_arrow

    found, rejects = _rows(job, frame, start)
    return _plain(found, FINDING_TYPES), _plain(rejects_to_arrow(rejects), REJECT_TYPES), len(frame)


def _rows(job: Job, records: Any, start: int) -> tuple[Any, list[Any]]:
    """The finding rows of ``records`` (numbered from ``start``) as one Arrow table (``None`` when
    there are no chunks), and the rejects."""
    import pyarrow as pa

    from ._assessor import Dictionaries, parts

    assessor = job.assessor()
    dicts = Dictionaries(assessor.t)
    tables, rejects = [], []
    for part in parts(records, assessor.t):
        part.numbers += start
        result = assessor.run(part)
        tables.append(assessor.table(result, dicts))
        rejects += result.rejects
    return (pa.concat_tables(tables) if tables else None), rejects


def _plain(table: Any, types: dict[str, str]) -> Any:
    """An Arrow table as a pandas DataFrame with the fixed column types of the Dask outputs."""
    import pandas as pd
    import pyarrow as pa

    if table is None:
        return empty(types)
    cols = [c.cast(c.type.value_type) if pa.types.is_dictionary(c.type) else c for c in table.columns]
    frame = pa.Table.from_arrays(cols, names=table.column_names).to_pandas(
        types_mapper={pa.string(): pd.StringDtype("pyarrow"), pa.int64(): pd.Int64Dtype()}.get)
    return frame.astype({k: ("string[pyarrow]" if v == "string" else v) for k, v in types.items()})


def empty(types: dict[str, str]) -> Any:
    """An empty frame with the given column types (the ``meta`` of a Dask output)."""
    import pandas as pd

    return pd.DataFrame({k: pd.Series([], dtype="string[pyarrow]" if v == "string" else v)
                         for k, v in types.items()})


def _run(job: Job, frame: Any) -> tuple[Any, Any, int]:
    return assess_frame(job, frame, 0)


def _count(result: tuple[Any, Any, int]) -> int:
    return result[2]


def _offset(before: int, n: int) -> int:
    return before + n


def _shift(result: tuple[Any, Any, int], offset: int, which: int) -> Any:
    frame: Any = result[which]
    frame = frame.copy()
    frame["record"] += offset
    return frame


def assess_dask(policy: PolicyView, records: Any, *, jurisdiction: Jurisdiction | None = None,
                today: dt.date | None = None, lang: str = "zh") -> tuple[Any, Any]:
    """Findings and rejects of a Dask dataframe of records, as lazy Dask dataframes (see the module
    docstring). Needs the ``dask`` extra.

    >>> import dask, dask.dataframe as dd, responsibility                          # doctest: +SKIP
    >>> from responsibility.batch import assess_dask                               # doctest: +SKIP
    >>> findings, rejects = assess_dask(responsibility.load(), dd.read_parquet("ledger/"))  # doctest: +SKIP
    >>> dask.compute(findings.to_parquet("findings/", compute=False),
    ...              rejects.to_parquet("rejects/", compute=False))                # doctest: +SKIP
    """
    dd = _needs_dask()
    findings, rejects, _ = graph(policy, records, jurisdiction=jurisdiction, today=today, lang=lang)
    return (dd.from_delayed(findings, meta=empty(FINDING_TYPES), verify_meta=False),
            dd.from_delayed(rejects, meta=empty(REJECT_TYPES), verify_meta=False))


def graph(policy: PolicyView, records: Any, *, jurisdiction: Jurisdiction | None = None, today: dt.date | None = None,
          lang: str = "zh") -> tuple[list[Any], list[Any], Any]:
    """:func:`assess_dask`'s findings and rejects as one Dask delayed pandas DataFrame per
    partition, and the number of records (a Dask delayed)."""
    _needs_dask()
    from dask.delayed import delayed

    from ._columns import check_columns

    check_columns([str(c) for c in records.columns], "the dask dataframe")
    j = jurisdiction if jurisdiction is not None else Jurisdiction.example()
    job = delayed(Job(policy, j, today or dt.date.today(), lang), pure=True)  # one key: shipped once per worker
    results = [delayed(_run, pure=True)(job, part) for part in records.to_delayed()]
    counts = [delayed(_count, pure=True)(r) for r in results]
    offsets: list[Any] = [0]
    for n in counts[:-1]:
        offsets.append(delayed(_offset, pure=True)(offsets[-1], n))
    findings = [delayed(_shift, pure=True)(r, o, 0) for r, o in zip(results, offsets, strict=True)]
    rejects = [delayed(_shift, pure=True)(r, o, 1) for r, o in zip(results, offsets, strict=True)]
    return findings, rejects, delayed(sum, pure=True)(counts)


def write_part(frame: Any, path: str) -> int:
    """Write one partition's rows (a pandas DataFrame or an Arrow table) as a Parquet file; its number of rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if not isinstance(frame, pa.Table):
        pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), path, compression="zstd")
        return len(frame)
    # as one machine writes (zstd level 1, dictionaries for the few-valued columns as they are, no
    # statistics); without the Arrow schema, so that the columns read back as plain text
    few = [f.name for f in frame.schema if pa.types.is_dictionary(f.type)]
    pq.write_table(frame, path, compression="zstd", compression_level=1, use_dictionary=few or False,
                   write_statistics=False, store_schema=False)
    return int(frame.num_rows)


def assess_table(job: Job, table: Any, start: int = 0) -> tuple[Any, Any, int]:
    """Findings and rejects (Arrow tables; the few-valued finding columns as dictionaries) of an
    Arrow table of records numbered from ``start``, and its number of records."""
    from ._assessor import finding_schema, rejects_to_arrow

    found, rejects = _rows(job, table, start)
    found = found.unify_dictionaries().combine_chunks() if found is not None else finding_schema().empty_table()
    return found, rejects_to_arrow(rejects), table.num_rows


def _run_file(job: Job, path: str, filesystem: Any, start: int, out: str, rejects_out: str | None) -> Any:
    """Read, assess and write one file in one task (nothing large is held between tasks); the
    rejects as an Arrow table when they are not written."""
    import pyarrow.parquet as pq

    findings, rejects, _ = assess_table(job, pq.read_table(path, filesystem=filesystem), start)
    write_part(findings, out)
    if rejects_out is None:
        return rejects
    write_part(rejects, rejects_out)
    return None


def file_graph(policy: PolicyView, path: str, out: str, rejects_out: str | None, *,
               jurisdiction: Jurisdiction | None = None, today: dt.date | None = None,
               lang: str = "zh") -> tuple[list[Any], int]:
    """One Dask delayed task per Parquet file of ``path`` (a file or a directory, local or on a
    file system pyarrow reads): each worker reads its file with pyarrow, assesses the Arrow table
    as it is (no pandas partitions, no Python objects for nested fields) and writes its findings
    (and rejects) as ``part-N.parquet`` in ``out`` (and ``rejects_out``), records numbered from the
    file's first record (known from the files' footers, so no task waits for another). Returns
    the tasks (each gives its rejects as an Arrow table when ``rejects_out`` is ``None``) and the
    number of records."""
    _needs_dask()
    import pyarrow.dataset as ds
    from dask.delayed import delayed

    from ._columns import check_columns

    dataset = ds.dataset(path, format="parquet")
    check_columns(dataset.schema.names, path)
    fragments = list(dataset.get_fragments())
    counts = [f.count_rows() for f in fragments]
    j = jurisdiction if jurisdiction is not None else Jurisdiction.example()
    job = delayed(Job(policy, j, today or dt.date.today(), lang), pure=True)  # one key: shipped once per worker
    width = len(str(len(fragments)))
    tasks = []
    for i, f in enumerate(fragments):
        name = f"part-{i:0{width}d}.parquet"
        tasks.append(delayed(_run_file, pure=True)(job, f.path, dataset.filesystem, sum(counts[:i]), f"{out}/{name}",
                                                   None if rejects_out is None else f"{rejects_out}/{name}"))
    return tasks, sum(counts)


class Scheduler:
    """Where a Dask run computes (``--dask SCHEDULER``): ``local`` or ``local:N`` (a cluster of N
    worker processes on this machine, listening on 127.0.0.1 only), ``threads``, ``processes``,
    ``synchronous``, or the address of a running scheduler (``tcp://host:8786``)."""

    def __init__(self, spec: str) -> None:
        self.spec = spec
        self._client: Any = None
        self._cluster: Any = None
        self.name: str | None = None
        if spec in ("threads", "processes", "synchronous"):
            self.name = spec
            return
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise ExtraUnavailable("--dask needs the dask extra: pip install 'responsibility[dask]'") from None
        if spec == "local" or spec.startswith("local:"):
            n = int(spec.partition(":")[2] or 2)
            self._cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, host="127.0.0.1",
                                         dashboard_address="127.0.0.1:0",  # None means :8787, which may be taken
                                         silence_logs=logging.CRITICAL)
            self._client = Client(self._cluster)
        else:
            self._client = Client(spec)

    def compute(self, *things: Any) -> tuple[Any, ...]:
        import dask

        if self.name:
            return tuple(dask.compute(*things, scheduler=self.name))
        assert self._client is not None
        return tuple(self._client.compute(list(things), sync=True))

    def close(self) -> None:
        logging.getLogger("distributed").setLevel(logging.CRITICAL)  # no chatter about workers shutting down
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def spark_function(policy: PolicyView, *, jurisdiction: Jurisdiction | None = None, today: dt.date | None = None,
                   lang: str = "zh") -> Any:
    """A function for Spark's ``DataFrame.mapInPandas``: pandas batches of records in, pandas
    batches of finding rows out (schema :data:`SPARK_FINDINGS`); ``record`` counts within each
    batch, ``problem`` names the record. Rejects come out as rows whose ``basis`` is
    ``"(rejected)"``, their reason in ``reason`` (a Spark step has one output).
    """
    job = Job(policy, jurisdiction if jurisdiction is not None else Jurisdiction.example(),
              today or dt.date.today(), lang)

    def run(batches: Iterator[Any]) -> Iterator[Any]:
        import pandas as pd

        for batch in batches:
            findings, rejects, _ = assess_frame(job, batch)
            if len(rejects):
                extra = pd.DataFrame({"record": rejects["record"], "problem": rejects["problem"],
                                      "basis": "(rejected)", "liability": rejects["code"],
                                      "clauses": rejects["field"], "reason": rejects["reason"]})
                findings = pd.concat([findings, extra], ignore_index=True).sort_values("record", kind="stable")
            yield findings.astype(object).where(findings.notna(), None)

    return run


#: The Spark schema (DDL) of :func:`spark_function`'s output.
SPARK_FINDINGS = ", ".join(f"{k} {'long' if v == 'int64' else 'string'}" for k, v in FINDING_TYPES.items())

