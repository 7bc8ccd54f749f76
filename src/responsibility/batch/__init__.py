"""The batch wing: assessing many problem records at once.

Holds the assessor and the ``assess`` entry point (``_assessor``), its result
(``_assessment.Assessment``), record encoding into columns (``_encode``), the lookup tables
(``_tables``), the vectorised fast path (``_core``, ``_emit``), input and output formats
(``_io``: JSON lines, JSON, CSV, Parquet), the columns of tabular ledgers (``_columns``),
worker processes (``_workers``, ``_parallel``) and Dask (``_dask``).

Public here: :func:`assess_dask` (a Dask dataframe of records in, findings and rejects out as
Dask dataframes), :func:`spark_function` (the same for Spark's ``mapInPandas``) and
``SPARK_FINDINGS`` (the DDL schema of its output); all load lazily, so that importing the package
costs nothing.

May import: ``_errors``, ``policy``, ``chain`` and ``engine``. Must not import ``checks``,
``ledger``, ``service``, ``cli`` or the facade.
"""

from typing import Any

__all__ = ["SPARK_FINDINGS", "assess_dask", "spark_function"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import _dask

        return getattr(_dask, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
