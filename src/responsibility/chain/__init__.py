"""The chain wing: who stands above whom.

Holds real jurisdictions and places (``_jurisdiction``), the role graph built from the
policy's relations (``_graph``), its checks and the full validation of a policy directory
(``_checks``: the policy wing's data checks, then the graph's; what ``load`` and
``validate`` run), the chain placed on real places (``_placement``), exports to DOT,
Mermaid and GraphML (``_export``) and pictures (``_picture``).

May import: ``_errors`` and ``policy``. Must not import ``engine``, ``batch``, ``checks``,
``ledger``, ``service``, ``cli`` or the facade.
"""
