"""responsibility: who answers for a problem in poverty-alleviation work?

The Zhejiang responsibility matrix (浙扶贫〔2020〕1号) as validated data, a chain
graph over real jurisdictions and an accountability engine.

>>> import responsibility
>>> policy = responsibility.load()                  # the shipped rules, validated
>>> verdict = policy.who_answers("examples/problems/housing-not-discovered.yaml")   # or a dict, a df row
>>> len(verdict.findings), sorted({f.name for f in verdict.findings})   # in Jupyter, `verdict` shows a table
(6, ['乡镇（街道）', '村党支部', '村委会'])
>>> verdict.findings[0].name, verdict.findings[0].basis, verdict.findings[0].clauses
('村委会', 'not_discovered', ('一(四)', '二(二)1', '二(六)4(1)'))

Next: ``print(verdict.explain())`` (``"en"`` for English), ``verdict.to_frame()``,
``verdict.draw()``; ``policy.with_parameters(...)`` for a what-if; ``policy.assess(records)``
for many (an :class:`Assessment`); :class:`Ledger` for a county's 台账; a bad record raises
:class:`ProblemError`. The README's quick tour has them all, with what each prints; ``help(responsibility.Policy)``
lists every method (a long page: ``who_answers``, ``assess``, ``route`` and ``draw`` are the
ones to start with).

Importing the package is cheap: each public name is imported from its wing on first use
(module ``__getattr__``), so ``import responsibility`` loads neither pydantic, networkx,
pandas nor durable-rules.
"""

from __future__ import annotations

import importlib as _importlib
import typing as _typing

if _typing.TYPE_CHECKING:
    from ._api import Policy, load, validate
    from ._errors import (
        ChainError,
        EngineError,
        EngineUnavailable,
        ExtraUnavailable,
        FontWarning,
        Issue,
        JurisdictionError,
        LedgerError,
        OutputError,
        ParameterWarning,
        PlotUnavailable,
        ProblemError,
        ResponsibilityError,
        RulesError,
    )
    from .batch._assessment import Assessment
    from .chain._export import to_dot, to_graphml, to_mermaid
    from .chain._graph import area_holders, escalation_path, reporting_lines, subchain, supervisors
    from .chain._jurisdiction import Jurisdiction, Place
    from .chain._picture import draw_png
    from .chain._placement import Authority, PlacedBody, PlacedChain
    from .chain._scene import Picture
    from .engine._problem import Discovered, Handling, Problem
    from .engine._route import Route
    from .engine._verdict import Finding, Interpretation, Verdict
    from .ledger import Ledger

__version__ = "0.1.0"

#: Where each public name lives (the module, relative to this package); read by ``__getattr__``.
_WHERE: dict[str, str] = {
    **dict.fromkeys(("Policy", "load", "validate"), "._api"),
    **dict.fromkeys(("ChainError", "EngineError", "EngineUnavailable", "ExtraUnavailable", "FontWarning", "Issue",
                     "JurisdictionError", "LedgerError", "OutputError", "ParameterWarning", "PlotUnavailable",
                     "ProblemError",
                     "ResponsibilityError", "RulesError"), "._errors"),
    "Assessment": ".batch._assessment",
    **dict.fromkeys(("to_dot", "to_graphml", "to_mermaid"), ".chain._export"),
    **dict.fromkeys(("area_holders", "escalation_path", "reporting_lines", "subchain", "supervisors"),
                    ".chain._graph"),
    **dict.fromkeys(("Jurisdiction", "Place"), ".chain._jurisdiction"),
    "draw_png": ".chain._picture",
    **dict.fromkeys(("Authority", "PlacedBody", "PlacedChain"), ".chain._placement"),
    "Picture": ".chain._scene",
    **dict.fromkeys(("Discovered", "Handling", "Problem"), ".engine._problem"),
    "Route": ".engine._route",
    **dict.fromkeys(("Finding", "Interpretation", "Verdict"), ".engine._verdict"),
    "Ledger": ".ledger",
}

__all__ = [
    "Assessment",
    "Authority",
    "ChainError",
    "Discovered",
    "EngineError",
    "EngineUnavailable",
    "ExtraUnavailable",
    "Finding",
    "FontWarning",
    "Handling",
    "Interpretation",
    "Issue",
    "Jurisdiction",
    "JurisdictionError",
    "Ledger",
    "LedgerError",
    "OutputError",
    "ParameterWarning",
    "Picture",
    "Place",
    "PlacedBody",
    "PlacedChain",
    "PlotUnavailable",
    "Policy",
    "Problem",
    "ProblemError",
    "ResponsibilityError",
    "Route",
    "RulesError",
    "Verdict",
    "__version__",
    "area_holders",
    "draw_png",
    "escalation_path",
    "load",
    "reporting_lines",
    "subchain",
    "supervisors",
    "to_dot",
    "to_graphml",
    "to_mermaid",
    "validate",
]


def __getattr__(name: str) -> _typing.Any:
    """A public name, imported from its wing on first use and then kept here."""
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(_importlib.import_module(where, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
