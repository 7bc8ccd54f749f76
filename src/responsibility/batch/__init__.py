"""The batch wing: assessing many problem records at once.

Holds the assessor and the ``assess`` entry point (``_assessor``), its result
(``_assessment.Assessment``), record encoding into columns (``_encode``), the lookup tables
(``_tables``), the vectorised fast path (``_core``, ``_emit``), input and output formats
(``_io``: JSON lines, JSON, CSV, Parquet), and worker processes (``_workers``,
``_parallel``).

May import: ``_errors``, ``policy``, ``chain`` and ``engine``. Must not import ``checks``,
``ledger``, ``service``, ``cli`` or the facade.
"""
