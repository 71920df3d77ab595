"""The typed, JSON-serialisable result of matching a profile against a guide (and posting)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from appkit.match.gaps import NextStep
from appkit.match.levels import LevelFit

Status = Literal["covered", "partial", "missing"]


class Evidence(BaseModel):
    """One profile item that supports a requirement."""

    source: str
    kind: str
    text: str
    matched: list[str]
    score: float


class RequirementMatch(BaseModel):
    """A requirement with its status and the profile evidence for it."""

    id: str
    category: str
    source: str
    text: str
    name: str
    weight: float
    group: str | None = None
    terms: list[str] = []
    status: Status
    score: float
    evidence: list[Evidence] = []


class CategoryScore(BaseModel):
    """Coverage of one requirement category."""

    category: str
    score: float
    covered: int
    partial: int
    missing: int


class MatchResult(BaseModel):
    """Everything the documents and the gap report need, computed once per profile/guide/posting."""

    target_title: str | None = None
    company: str | None = None
    guide_title: str | None = None
    overall: float
    categories: list[CategoryScore]
    requirements: list[RequirementMatch]
    covered: list[str]
    partial: list[str]
    missing: list[str]
    level: LevelFit | None = None
    next_steps: list[NextStep] = []
    relevance: dict[str, float] = {}

    def get(self, requirement_id: str) -> RequirementMatch:
        """The requirement with this id."""
        return next(r for r in self.requirements if r.id == requirement_id)
