"""The typed role model: what a role guide, a job posting or an O*NET occupation says about a role.

Every parser (career-guide text, Markdown, YAML/JSON, O*NET, postings) produces these models, and
nothing downstream ever sees a guide's raw text.
"""

from __future__ import annotations

from pydantic import Field, model_validator

from appkit.text import Line, Strict, Text, Title


class KeyFacts(Strict):
    median_salary: int | None = Field(None, description="Median annual salary in USD")
    median_salary_source: Text | None = Field(
        None, description="Occupation and source of the median"
    )
    salary_range: Text | None = None
    growth_outlook: Text | None = None
    annual_openings: Text | None = None
    top_industries: list[Line] = Field(default=[])
    typical_education: Text | None = None


class TechnicalSkill(Strict):
    name: Line = Field(min_length=1, description="Skill name without acronym or examples")
    acronym: Line | None = Field(None, description="e.g. EHR")
    examples: list[Line] = Field(default=[], description="e.g. Epic, Cerner, Meditech")
    importance: float | None = Field(None, description="O*NET importance 1-5, when known")


class SoftSkill(Strict):
    name: Line = Field(min_length=1)
    description: Text | None = None


class Tool(Strict):
    name: Line = Field(
        min_length=1, description="A named system or tool, e.g. Epic, VoIP phone systems"
    )
    category: Line | None = Field(None, description="e.g. Electronic health record EHR software")
    hot: bool = Field(False, description="O*NET Hot Technology / In Demand")


class Step(Strict):
    title: Line = Field(min_length=1)
    text: Text = ""


class SalaryLevel(Strict):
    level: Line = Field(min_length=1)
    median: int | None = Field(None, description="USD per year")
    average: int | None = Field(None, description="USD per year")


class CareerLevel(Strict):
    title: Line = Field(min_length=1)
    years_min: int = Field(0, ge=0)
    years_max: int | None = Field(None, ge=0, description="None means open-ended (10+)")
    description: Text = ""
    focus_areas: Text = ""


class Question(Strict):
    question: Text = Field(min_length=1)
    answer: Text = ""


class RelatedCareer(Strict):
    title: Line = Field(min_length=1)
    description: Text = ""


class NamedCertification(Strict):
    acronym: Line | None = None
    name: Line = Field(min_length=1)
    sentence: Text = Field("", description="The guide's sentence that names it")


class Guide(Strict):
    """A role, as every document and the tailoring engine see it."""

    # The role title becomes part of every document's title metadata.
    title: Title = Field(min_length=1)
    source: Text | None = Field(None, description="Where the guide came from")
    attribution: Text | None = Field(
        None, description="Licence attribution carried into document metadata"
    )
    summary: Text = ""
    key_facts: KeyFacts = Field(default_factory=KeyFacts)
    overview: list[Text] = Field(default=[], description="What the role is")
    responsibilities: list[Text] = Field(default=[])
    work_environment: Text = ""
    tools_text: Text = Field("", description="The guide's paragraph about tools")
    tools: list[Tool] = Field(default=[])
    education: list[Text] = Field(default=[])
    technical_skills: list[TechnicalSkill] = Field(default=[])
    soft_skills: list[SoftSkill] = Field(default=[])
    knowledge: list[TechnicalSkill] = Field(default=[], description="O*NET knowledge areas")
    steps: list[Step] = Field(default=[], description="How to become one")
    education_training: list[Text] = Field(default=[], description="Education costs and paths")
    salary_levels: list[SalaryLevel] = Field(default=[])
    market_commentary: list[Text] = Field(default=[])
    career_levels: list[CareerLevel] = Field(default=[])
    pros: list[Text] = Field(default=[])
    cons: list[Text] = Field(default=[])
    faq: list[Question] = Field(default=[])
    related_careers: list[RelatedCareer] = Field(default=[])
    challenges: list[Text] = Field(default=[])
    growth_opportunities: list[Text] = Field(default=[])
    certifications: list[NamedCertification] = Field(default=[])

    @model_validator(mode="after")
    def _something_to_match(self) -> Guide:
        # A guide with neither duties nor skills would give every profile an empty match.
        if not (self.responsibilities or self.technical_skills or self.soft_skills or self.tools):
            raise ValueError("a guide needs responsibilities or at least one skill or tool")
        return self


class Posting(Strict):
    """A concrete job posting; its own words take precedence over the guide's."""

    title: Title = Field(min_length=1)
    company: Line | None = None
    location: Line | None = None
    source: Text | None = None
    description: Text = ""
    responsibilities: list[Text] = Field(default=[])
    qualifications: list[Text] = Field(
        default=[], description="Required skills, experience, education"
    )
    preferred: list[Text] = Field(
        default=[],
        description="Nice to have: 'preferred', 'a plus', 'bonus'; weighted below requirements",
    )
    skills: list[Line] = Field(default=[], description="Skill keywords, boilerplate removed")
    compensation: list[Text] = Field(
        default=[], description="Pay and benefits as stated: information, never items"
    )
    warnings: list[Text] = Field(
        default=[], description="What the parser could not find (e.g. < 3 requirements)"
    )
