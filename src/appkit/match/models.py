"""The typed, JSON-serialisable result of matching a profile against a guide (and posting).

Plain models only: the algorithms (`levels`, `gaps`, `engine`) import these, never the reverse.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, computed_field

Status = Literal["covered", "partial", "missing"]


class SalaryBand(BaseModel):
    """The guide's salary figures for one level (USD per year)."""

    level: str
    median: int | None = None
    average: int | None = None


class LevelFit(BaseModel):
    """Where relevant years put the candidate on the guide's career ladder, and what's next."""

    years: float
    role_years: float = 0.0
    related_years: float = 0.0
    relevant_jobs: list[str] = []
    level: str | None = None
    level_range: str | None = None
    description: str = ""
    salary: SalaryBand | None = None
    next_level: str | None = None
    next_range: str | None = None
    next_description: str = ""
    next_focus_areas: str = ""
    next_salary: SalaryBand | None = None
    years_to_next: float | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def total_years(self) -> float:
        """All relevant years, unweighted: what a cover letter may claim."""
        return round(self.role_years + self.related_years, 1)


class NextStep(BaseModel):
    """One action that closes (part of) a gap, with the guide item it comes from."""

    requirement_id: str
    requirement: str
    status: str
    action: str
    source: str


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
