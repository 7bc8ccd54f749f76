"""The policy wing: the policy as validated, read-only data.

Holds the pydantic models of the policy files (``_model``), YAML reading with line and
column positions (``_yaml``), loading a policy directory (``_loader``), dated amendments
(``_amend``), text normalisation for quotes (``_text``), the data checks of
``responsibility validate`` (``_validate``) and the indexed read-only view that every wing
above queries (``_view.PolicyView``).

May import: ``responsibility._errors`` only. Must not import any wing above (``chain``,
``engine``, ``batch``, ``checks``, ``ledger``, ``service``, ``cli``) nor the facade, not
even lazily; what those wings derive from a policy they keep in ``PolicyView._memo``.
"""
