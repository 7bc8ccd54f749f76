"""responsibility: who answers for a problem in poverty-alleviation work?

The Zhejiang responsibility matrix (浙扶贫〔2020〕1号) as validated data, a chain
graph over real jurisdictions and an accountability engine.

>>> import responsibility
>>> policy = responsibility.load()
"""

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
