"""The candidate profile: pydantic models that mirror the profile YAML keys one to one."""

from __future__ import annotations

from typing import Annotated, Literal

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
    # From JSON Resume basics.profiles (network "LinkedIn", username); none for a plain website.
    network: Line | None = None
    username: Line | None = None


class PostalAddress(Strict):
    """A JSON Resume basics.location, kept whole so an export gives it back."""

    address: Text | None = None
    postal_code: Line | None = None
    city: Line | None = None
    region: Line | None = None
    country_code: Line | None = None


class Basics(Strict):
    # Name and headline become document titles and metadata, hence the shorter Title limit.
    name: Title = Field(min_length=1, description="Full name as it should appear on the documents")
    headline: Title | None = Field(None, description="One-line professional title")
    email: Line | None = Field(None, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    phone: Line | None = None
    location: Line | None = Field(None, description="City, State")
    links: list[Link] = Field(default=[], max_length=10)
    image: Url | None = Field(None, description="Photo URL (kept for export, never printed)")
    address: PostalAddress | None = None


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


Highlights = Annotated[list[Text], Field(default=[], max_length=30)]


class Experience(Dated):
    title: Line = Field(min_length=1)
    organization: Line = Field(min_length=1)
    location: Line | None = None
    start: PartialDate
    highlights: Highlights
    summary: Text | None = None
    description: Line | None = Field(None, description="What the organization does")
    url: WebUrl | None = None
    keywords: list[Line] = Field(default=[], max_length=60)


class Education(Dated):
    institution: Line = Field(min_length=1)
    degree: Line = Field(min_length=1, description="e.g. 'Bachelor of Science in Nursing (BSN)'")
    location: Line | None = None
    gpa: Line | None = None
    highlights: Highlights
    area: Line | None = None
    study_type: Line | None = None
    courses: list[Line] = Field(default=[], max_length=60)
    url: WebUrl | None = None


class Certification(Strict):
    name: Line = Field(min_length=1)
    issuer: Line | None = None
    date: PartialDate | None = None
    expires: PartialDate | None = None
    url: WebUrl | None = None


class SkillGroup(Strict):
    group: Line = Field(min_length=1)
    items: list[Line] = Field(min_length=1, max_length=60)
    level: Line | None = None

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
    keywords: list[Line] = Field(default=[], max_length=60)
    roles: list[Line] = Field(default=[], max_length=20)
    entity: Line | None = None
    type: Line | None = None


class Volunteer(Dated):
    organization: Line = Field(min_length=1)
    role: Line = Field(min_length=1)
    location: Line | None = None
    highlights: Highlights
    summary: Text | None = None
    url: WebUrl | None = None
    keywords: list[Line] = Field(default=[], max_length=60)


class Award(Strict):
    title: Line = Field(min_length=1)
    awarder: Line | None = None
    date: PartialDate | None = None
    summary: Text | None = None


class Publication(Strict):
    name: Line = Field(min_length=1)
    publisher: Line | None = None
    release_date: PartialDate | None = None
    url: WebUrl | None = None
    summary: Text | None = None


class Interest(Strict):
    name: Line = Field(min_length=1)
    keywords: list[Line] = Field(default=[], max_length=60)


class Reference(Strict):
    name: Line = Field(min_length=1)
    reference: Text | None = None


class CustomEntry(Dated):
    """One entry of a custom section: any of a heading line, a place, dates, bullets and text.

    `date` is a single date (a publication, a talk); `start`/`end` a range (a rotation).
    """

    title: Line | None = Field(None, min_length=1)
    subtitle: Line | None = Field(None, min_length=1, description="e.g. the journal or the site")
    date: PartialDate | None = None
    location: Line | None = None
    bullets: Highlights
    text: Text | None = None

    @model_validator(mode="after")
    def _something_to_print(self) -> CustomEntry:
        if not (self.title or self.subtitle or self.text or self.bullets):
            raise ValueError("an entry needs a title, a subtitle, text or bullets")
        if self.date and (self.start or self.end):
            raise ValueError("give either date (one day or month) or start/end (a range)")
        return self

    @property
    def when(self) -> str:
        """The date as printed: the single date, else the range ('Mar 2021 – Present')."""
        return format_date(self.date) if self.date else self.dates


class CustomSection(Strict):
    """A section the standard ones lack ("Clinical Rotations", "Publications"), printed on the
    resume after the standard sections, in the order given."""

    title: Line = Field(min_length=1, max_length=60)
    entries: list[CustomEntry] = Field(min_length=1, max_length=40)


class DesignChoice(Strict):
    """The profile's `design:` section: a design and a few of its values for this candidate;
    `--theme` and `--page-size` win over it, and it wins over the design's theme.yaml."""

    theme: str | None = Field(None, pattern=r"^[a-z0-9][a-z0-9-]{0,39}$")
    page_size: Literal["a4", "letter"] | None = None
    accent: str | None = Field(None, pattern=r"^#[0-9a-fA-F]{6}$", description="e.g. '#7a1f3d'")


class Profile(Strict):
    """Everything appkit knows about a candidate. Only what is here may appear in a document."""

    # The profile schema version (appkit.profile.version); absent means 1.
    appkit_profile: int = 1
    design: DesignChoice | None = None  # look only: never printed
    basics: Basics
    summary: Text | None = None
    experience: list[Experience] = Field(default=[], max_length=40)
    education: list[Education] = Field(default=[], max_length=20)
    certifications: list[Certification] = Field(default=[], max_length=40)
    skills: list[SkillGroup] = Field(default=[], max_length=20)
    languages: list[Language] = Field(default=[], max_length=20)
    projects: list[Project] = Field(default=[], max_length=20)
    volunteer: list[Volunteer] = Field(default=[], max_length=20)
    awards: list[Award] = Field(default=[], max_length=20)
    publications: list[Publication] = Field(default=[], max_length=40)
    interests: list[Interest] = Field(default=[], max_length=20)
    references: list[Reference] = Field(default=[], max_length=20)
    custom_sections: list[CustomSection] = Field(default=[], max_length=10)
