"""The typed, JSON-serialisable result of matching a profile against a guide (and posting).

Plain models only: the algorithms (`levels`, `gaps`, `engine`) import these, never the reverse.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field, computed_field, model_validator

from appkit.match.gapreport import GapReport, gap_report
from appkit.match.scoring import Status


class SalaryBand(BaseModel):
    """The guide's salary figures for one level (USD per year)."""

    model_config = ConfigDict(defer_build=True)

    level: str
    median: int | None = None
    average: int | None = None


class LevelFit(BaseModel):
    """Where relevant years put the candidate on the guide's career ladder, and what's next."""

    model_config = ConfigDict(defer_build=True)

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

    model_config = ConfigDict(defer_build=True)

    requirement_id: str
    requirement: str
    status: str
    action: str
    source: str


_REF = re.compile(r"^([a-z_]+)\[(\d+)\]\.([a-z_]+)(?:\[(\d+)\])?$")


class ItemRef(BaseModel):
    """Where a profile item lives: ``experience[0].highlights[2]`` is ("experience", 0,
    "highlights", 2). Code passes these around; `path` is only for display and JSON."""

    model_config = ConfigDict(defer_build=True, frozen=True)
    section: str
    index: int
    field: str
    sub_index: int | None = None

    @property
    def path(self) -> str:
        """``section[index].field[sub_index]``, as match.json and `appkit match` show it."""
        item = f"[{self.sub_index}]" if self.sub_index is not None else ""
        return f"{self.section}[{self.index}].{self.field}{item}"

    @classmethod
    def parse(cls, path: str) -> ItemRef:
        """The reference a `path` string names (match.json read back); ValueError otherwise."""
        found = _REF.match(path)
        if not found:
            raise ValueError(f"not a profile item path: {path!r}")
        sub = int(found[4]) if found[4] is not None else None
        return cls(section=found[1], index=int(found[2]), field=found[3], sub_index=sub)


class Evidence(BaseModel):
    """One profile item that supports a requirement."""

    model_config = ConfigDict(defer_build=True)

    source: str  # ref.path: match.json and the text report show it
    kind: str
    text: str
    matched: list[str]
    score: float
    ref: ItemRef = Field(default=None, exclude=True, validate_default=False)  # type: ignore[assignment]

    @model_validator(mode="after")
    def _ref_from_source(self) -> Evidence:
        if self.ref is None:  # read back from JSON: the path is all there is
            object.__setattr__(self, "ref", ItemRef.parse(self.source))
        return self


class RequirementMatch(BaseModel):
    """A requirement with its status and the profile evidence for it."""

    model_config = ConfigDict(defer_build=True)

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

    model_config = ConfigDict(defer_build=True)

    category: str
    score: float
    covered: int
    partial: int
    missing: int


class MatchResult(BaseModel):
    """Everything the documents and the gap report need, computed once per profile/guide/posting."""

    model_config = ConfigDict(defer_build=True)

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
    warnings: list[str] = Field(
        default=[],
        description="What weakens this match, e.g. a posting with fewer than 3 requirements",
    )

    @property
    def gap_report(self) -> GapReport:
        """The skill-gap report's rows: top gaps, the rest, covered (see appkit.match.gapreport)."""
        return gap_report(self)

    def relevance_of(self, ref: ItemRef) -> float:
        """How much this profile item counts for the role (0 when it evidences nothing)."""
        return self.relevance.get(ref.path, 0.0)

    def get(self, requirement_id: str) -> RequirementMatch:
        """The requirement with this id."""
        return next(r for r in self.requirements if r.id == requirement_id)
