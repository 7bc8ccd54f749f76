"""Response shapes for the OpenAPI description (the policy items use the policy's own models,
whose JSON Schemas are the ones in ``schemas/``)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class FindingOut(BaseModel):
    """One finding, as ``Finding.to_dict()`` gives it."""

    level: str
    body: str
    name: str
    place: str
    basis: str = Field(description="not_discovered, not_handled, not_rectified, concealed, supervision or "
                                   "main_responsibility")
    liability: str = Field(description="staff, unit or leadership")
    clauses: list[str]
    reason: str


class InterpretationOut(BaseModel):
    """A choice the text leaves open and the findings (by index) that rest on it."""

    id: str
    type: str
    name: str
    value: Any
    why: str
    findings: list[int]


class VerdictOut(BaseModel):
    """A verdict, as ``Verdict.to_dict()`` gives it; ``explanation`` only with ``explain=true``."""

    problem: str
    findings: list[FindingOut]
    interpretations: list[InterpretationOut]
    engine: str
    explanation: str | None = Field(None, description="Verdict.explain(lang), when asked for.")


class ErrorDetail(BaseModel):
    """What went wrong, where, and what to do."""

    status: int
    type: str = Field(description="ProblemError, RequestError, Unauthorized, Forbidden, LimitExceeded, …")
    message: str = Field(description="The library's own message.")
    field: str | None = Field(None, description="Path of the offending field (e.g. handled[0].on).")
    suggestion: str | None = None


class ErrorOut(BaseModel):
    """Every error response."""

    error: ErrorDetail


class PolicyInfo(BaseModel):
    """Which policy answers."""

    id: str
    name: str
    version: str
    content_hash: str = Field(description="SHA-256 of the policy data; decision-log lines carry it.")


class VersionOut(BaseModel):
    """The library, policy and jurisdiction behind every answer."""

    library: str
    policy: PolicyInfo
    jurisdiction: dict[str, Any]
    ledger: bool


class AreaSummary(BaseModel):
    """A duty area in brief (``/v1/policy/areas/{id}`` gives all of it)."""

    id: str
    name: str
    en: str
    clause: str
    problems: bool
    authority: str
    duties: list[str]
    problem_kinds: list[str]
