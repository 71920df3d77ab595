"""The candidate profile: pydantic models that mirror the profile YAML keys one to one."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from appkit.dates import (  # re-exported: profile users read dates with the profile
    EndDate,
    PartialDate,
    day_key,
    end_month_index,
    format_date,
    month_index,
)
from appkit.text import Line, Strict, Text, Title, Url, WebUrl


class Link(Strict):
    label: Line
    url: Url


class Basics(Strict):
    # Name and headline become document titles and metadata, hence the shorter Title limit.
    name: Title = Field(min_length=1, description="Full name as it should appear on the documents")
    headline: Title | None = Field(None, description="One-line professional title")
    email: Line | None = Field(None, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    phone: Line | None = None
    location: Line | None = Field(None, description="City, State")
    links: list[Link] = Field(default_factory=list, max_length=10)


class Dated(Strict):
    start: PartialDate | None = None
    end: EndDate | None = None

    @model_validator(mode="after")
    def _end_after_start(self) -> Dated:
        # 'present' is never checked: the documents' date, not the clock, decides what is now.
        if not self.start or not self.end or self.end == "present":
            return self
        if end_month_index(self.end) < month_index(self.start) or (
            len(self.start) == len(self.end) == 10 and day_key(self.end) < day_key(self.start)
        ):
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self

    @property
    def dates(self) -> str:
        """Human date range: 'Mar 2021 – Present'."""
        if not self.start:
            return format_date(self.end) if self.end else ""
        return f"{format_date(self.start)} – {format_date(self.end or 'present')}"


Highlights = Annotated[list[Text], Field(default_factory=list, max_length=30)]


class Experience(Dated):
    title: Line = Field(min_length=1)
    organization: Line = Field(min_length=1)
    location: Line | None = None
    start: PartialDate
    highlights: Highlights


class Education(Dated):
    institution: Line = Field(min_length=1)
    degree: Line = Field(min_length=1, description="e.g. 'Bachelor of Science in Nursing (BSN)'")
    location: Line | None = None
    gpa: Line | None = None
    highlights: Highlights


class Certification(Strict):
    name: Line = Field(min_length=1)
    issuer: Line | None = None
    date: PartialDate | None = None
    expires: PartialDate | None = None


class SkillGroup(Strict):
    group: Line = Field(min_length=1)
    items: list[Line] = Field(min_length=1, max_length=60)

    @model_validator(mode="after")
    def _balanced(self) -> SkillGroup:
        # In a YAML flow list `[Epic (Cadence, MyChart), Excel]` the comma splits the item.
        for item in self.items:
            if item.count("(") != item.count(")"):
                raise ValueError(
                    f"item {item!r} has an unbalanced parenthesis; in a [a, b] list a comma "
                    "starts a new item, so write one item per line ('- Epic (Cadence, MyChart)')"
                )
        return self


class Language(Strict):
    language: Line = Field(min_length=1)
    fluency: Line | None = None


class Project(Dated):
    name: Line = Field(min_length=1)
    description: Text | None = None
    url: WebUrl | None = None
    highlights: Highlights


class Volunteer(Dated):
    organization: Line = Field(min_length=1)
    role: Line = Field(min_length=1)
    location: Line | None = None
    highlights: Highlights


class Award(Strict):
    title: Line = Field(min_length=1)
    awarder: Line | None = None
    date: PartialDate | None = None
    summary: Text | None = None


class Profile(Strict):
    """Everything appkit knows about a candidate. Only what is here may appear in a document."""

    basics: Basics
    summary: Text | None = None
    experience: list[Experience] = Field(default_factory=list, max_length=40)
    education: list[Education] = Field(default_factory=list, max_length=20)
    certifications: list[Certification] = Field(default_factory=list, max_length=40)
    skills: list[SkillGroup] = Field(default_factory=list, max_length=20)
    languages: list[Language] = Field(default_factory=list, max_length=20)
    projects: list[Project] = Field(default_factory=list, max_length=20)
    volunteer: list[Volunteer] = Field(default_factory=list, max_length=20)
    awards: list[Award] = Field(default_factory=list, max_length=20)
