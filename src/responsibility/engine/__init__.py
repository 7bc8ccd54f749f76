"""The engine wing: from one problem record to a verdict.

Holds problem records and their parsing (``_problem``), the facts derived from a record
(``_facts``), rule compilation from the policy data (``_compile``), the decider that fires
the rules and places findings on real bodies (``_decide``, with the entry points
``who_answers`` and ``decider_of``), the two engines that fire rules
(``_engine_compiled``, ``_engine_durable``) and verdicts (``_verdict``).

May import: ``_errors``, ``policy`` and ``chain``. Must not import ``batch``, ``checks``,
``ledger``, ``service``, ``cli`` or the facade.
"""
