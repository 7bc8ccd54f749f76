"""responsibility: who answers for a problem in poverty-alleviation work?

The Zhejiang responsibility matrix (浙扶贫〔2020〕1号) as validated data, a chain
graph over real jurisdictions and an accountability engine.

>>> import responsibility
>>> policy = responsibility.load()
"""

from ._api import load, validate
from ._errors import (
    EngineError,
    EngineUnavailable,
    Issue,
    JurisdictionError,
    ProblemError,
    ResponsibilityError,
    RulesError,
)
from ._jurisdiction import Jurisdiction, Place
from ._policy import Policy

__version__ = "0.1.0"

__all__ = [
    "EngineError",
    "EngineUnavailable",
    "Issue",
    "Jurisdiction",
    "JurisdictionError",
    "Place",
    "Policy",
    "ProblemError",
    "ResponsibilityError",
    "RulesError",
    "__version__",
    "load",
    "validate",
]
