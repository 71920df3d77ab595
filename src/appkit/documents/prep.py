"""Interview-prep facts: role snapshot, STAR-scaffolded questions, talking points and gaps.

The questions come from `appkit.documents.questions`; this module adds the role snapshot
(level fit and salary band), the guide's FAQ as talking points and the gaps with their next steps.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict

from appkit.documents.evidence import Quote, where
from appkit.documents.locale import DEFAULT_LOCALE, Locale, localize
from appkit.documents.questions import (
    SENTENCE,
    StarQuestion,
    TalkingPoint,
    TechQuestion,
    behavioural,
    technical,
)
from appkit.documents.tailor import Tailored
from appkit.documents.talking import challenges, questions_to_ask
from appkit.documents.target import Target, resolve_target
from appkit.guide.model import Guide, Posting
from appkit.match.engine import MatchResult, match_profile
from appkit.match.models import LevelFit, SalaryBand
from appkit.profile.model import Profile

MAX_GAPS = 10  # the sheet lists the first ten gaps (missing first); the report has them all


class Snapshot(BaseModel):
    """What the role is, where the candidate fits and what that level pays."""

    model_config = ConfigDict(defer_build=True)

    role: str
    company: str | None = None
    summary: str = ""
    overview: str = ""
    salary_range: str | None = None
    fit: LevelFit | None = None  # None without career levels in the guide

    # The level fit as templates read it (`snap.level`, `snap.pay`...), without copying it.
    @property
    def years(self) -> float:
        return self.fit.years if self.fit else 0.0

    @property
    def total_years(self) -> float:
        return self.fit.total_years if self.fit else 0.0

    @property
    def role_years(self) -> float:
        return self.fit.role_years if self.fit else 0.0

    @property
    def level(self) -> str | None:
        return self.fit.level if self.fit else None

    @property
    def level_range(self) -> str | None:
        return self.fit.level_range if self.fit else None

    @property
    def level_description(self) -> str:
        return self.fit.description if self.fit else ""

    @property
    def salary(self) -> SalaryBand | None:
        return self.fit.salary if self.fit else None

    @property
    def next_level(self) -> str | None:
        return self.fit.next_level if self.fit else None

    @property
    def next_range(self) -> str | None:
        return self.fit.next_range if self.fit else None

    @property
    def next_focus(self) -> str:
        return self.fit.next_focus_areas if self.fit else ""

    @property
    def next_salary(self) -> SalaryBand | None:
        return self.fit.next_salary if self.fit else None

    @property
    def pay(self) -> str | None:
        """'median $68,000, average $72,000' for the candidate's level."""
        return pay(self.salary)

    @property
    def next_pay(self) -> str | None:
        """The same for the next level."""
        return pay(self.next_salary)


def pay(band: SalaryBand | None) -> str | None:
    """A salary band in words, or None when the guide has no figures."""
    if band is None:
        return None
    parts = [f"{k} ${v:,}" for k, v in (("median", band.median), ("average", band.average)) if v]
    return ", ".join(parts) or None


class Gap(BaseModel):
    """A requirement to prepare for, with the next step from the match report."""

    model_config = ConfigDict(defer_build=True)

    requirement: str
    status: str
    action: str


class PrepSheet(BaseModel):
    """Everything the interview-prep template shows."""

    model_config = ConfigDict(defer_build=True)

    snapshot: Snapshot
    behavioural: list[StarQuestion]
    technical: list[TechQuestion]
    faq: list[TalkingPoint]
    challenges: list[TalkingPoint]
    ask: list[str]
    gaps: list[Gap]
    more_gaps: int = 0
    locale: Locale = DEFAULT_LOCALE  # the spelling of every word appkit wrote (documents.locale)


HINT_LIMIT = 320  # characters of a FAQ talking point
_SUBSTANCE = re.compile(r"\d|\b(?:such as|including|like|for example|e\.g\.)\b", re.IGNORECASE)


def _informative(sentence: str) -> bool:
    """A sentence that says something: a figure, examples, or enough words to carry a fact
    ('Clinical Coordinators have several pathways for career advancement.' does not)."""
    return bool(_SUBSTANCE.search(sentence)) or len(sentence.split()) >= 16


def faq_hint(answer: str, limit: int = HINT_LIMIT) -> str:
    """The guide's own answer, shortened: its informative sentences, in order, up to `limit`
    characters (the first sentence when none is informative); never a cut-off stub."""
    sentences = [t for t in SENTENCE.split(" ".join(answer.split())) if t]
    picked: list[str] = []
    for sentence in (t for t in sentences if _informative(t)):
        if picked and len(" ".join([*picked, sentence])) > limit:
            break
        picked.append(sentence)
    if not picked and sentences:
        picked = sentences[:2]
    text = " ".join(picked)
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def compose_prep(
    profile: Profile,
    tailored: Tailored,
    match: MatchResult | None = None,
    guide: Guide | None = None,
    posting: Posting | None = None,
    target: Target | None = None,
) -> PrepSheet:
    """Build the interview-prep sheet for one candidate, guide and (optional) posting."""
    if guide is None:
        raise ValueError("the interview-prep sheet needs a role guide")
    target = target or resolve_target(tailored, guide, posting)
    match = match or tailored.match or match_profile(profile, guide, posting, target.today)
    fit = match.level
    company = target.company
    snapshot = Snapshot(
        role=target.title or guide.title,
        company=company,
        summary=guide.summary,
        overview=guide.overview[0] if guide.overview else "",
        salary_range=guide.key_facts.salary_range,
        fit=fit,
    )
    faq = [
        TalkingPoint(
            question=q.question,
            hint=faq_hint(q.answer) if q.answer else "",
            salary="salary" in q.question.lower(),
        )
        for q in guide.faq
    ]
    report = match.gap_report  # most worth first; a step already shown is referred to
    gaps = [
        Gap(
            requirement=r.name,
            status=r.status,
            action=(
                f"the same step as {r.same_as.replace('top gap', 'gap')}"
                + (" above" if r.same_as.startswith("top gap") else "")
                if r.same_as
                else r.action
            ),
        )
        for r in [*report.top, *report.rest][:MAX_GAPS]
    ]
    others = sum(1 for r in match.requirements if r.status != "covered") - len(gaps)
    sheet = PrepSheet(
        snapshot=snapshot,
        behavioural=behavioural(profile, guide, match),
        technical=technical(profile, guide, match),
        faq=faq,
        challenges=challenges(profile, guide, match),
        ask=questions_to_ask(guide, posting, match, company),
        gaps=gaps,
        more_gaps=max(0, others),
        locale=target.locale,
    )
    return _spelled(sheet) if target.locale != DEFAULT_LOCALE else sheet


def _spelled(sheet: PrepSheet) -> PrepSheet:
    """The sheet with every sentence appkit wrote in the sheet's spelling; the candidate's quoted
    bullets and the guide's own questions stay as written."""

    def say(text: str) -> str:
        return localize(text, sheet.locale)

    return sheet.model_copy(
        update={
            "behavioural": [
                q.model_copy(update={"prompt": say(q.prompt), "prepare": say(q.prepare)})
                for q in sheet.behavioural
            ],
            "technical": [
                q.model_copy(
                    update={"question": say(q.question), "prepare": q.prepare and say(q.prepare)}
                )
                for q in sheet.technical
            ],
            "challenges": [
                t.model_copy(update={"question": say(t.question), "hint": say(t.hint)})
                for t in sheet.challenges
            ],
            "ask": [say(q) for q in sheet.ask],
            "gaps": [g.model_copy(update={"action": say(g.action)}) for g in sheet.gaps],
        }
    )


__all__ = [
    "Gap",
    "PrepSheet",
    "Quote",
    "Snapshot",
    "StarQuestion",
    "TalkingPoint",
    "TechQuestion",
    "compose_prep",
    "pay",
    "where",
]
