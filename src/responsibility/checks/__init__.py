"""The checks wing: checking a policy against expectations and against another version.

Holds scenario files and their runner (``_scenarios``), the impact diff between two policy
versions (``_diff``), the JSON Schemas of every input file (``_schemas``) and the pytest
plugin that runs ``*.scenarios.yaml`` files (``_plugin``, the ``pytest11`` entry point
``responsibility``).

May import: ``_errors``, ``policy``, ``chain``, ``engine`` and ``batch``. Must not import
``ledger`` (same rank), ``service``, ``cli`` or the facade.
"""
