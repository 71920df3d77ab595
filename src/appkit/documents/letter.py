"""Cover letter facts: Python picks the evidence, `templates/cover/*.html` does the phrasing.

`compose_letter` chooses the two strongest (responsibility, evidence) pairs: the role's heaviest
covered responsibilities (then partial ones, then covered skills/tools), each with the
candidate's best unused bullet (covered first, quantified first). Two supporting bullets for
other skills follow. Nothing is invented: every evidence text is a profile bullet, verbatim.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict

from appkit.documents.english import mid_sentence_capitals
from appkit.documents.evidence import (
    EvidencePoint,
    article,
    evidence_point,
    pick_points,
    place,
    proper_words,
    soften,
    verb_led,
)
from appkit.documents.language import profile_language
from appkit.documents.locale import DEFAULT_LOCALE, Locale, spell
from appkit.documents.tailor import Tailored
from appkit.documents.target import Target, resolve_target
from appkit.guide.model import Guide, Posting
from appkit.match.engine import COVERED, PARTIAL, MatchResult, match_profile
from appkit.profile.model import Profile, month_index

_MONTHS = re.findall(
    r"\S+", "January February March April May June July August September October November December"
)
_NUMBERS = re.findall(
    r"\S+",
    "zero one two three four five six seven eight nine ten eleven "
    "twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty",
)
_HONORIFIC = re.compile(r"^(Mr|Ms|Mrs|Mx|Dr|Prof)\.?\s+", re.IGNORECASE)
OTHER_CATEGORIES = ("technical_skill", "tool", "qualification")


class CoverLetter(BaseModel):
    """Everything the cover letter template needs; the template adds every connecting word."""

    model_config = ConfigDict(defer_build=True, frozen=True)
    sender: str
    headline: str | None = None
    contact: list[str] = []
    date: str
    recipient: list[str]
    hiring_manager: str | None = None
    salutation: str
    role: str
    company: str | None = None
    location: str | None = None
    intro: str | None = None
    points: list[EvidencePoint] = []
    support: list[EvidencePoint] = []
    strengths: list[str] = []
    years: float = 0.0
    years_text: str | None = None
    latest_title: str | None = None
    latest_organization: str | None = None
    latest_role: str | None = None
    latest_current: bool = False
    degree: str | None = None
    degree_with_article: str | None = None
    institution: str | None = None
    has_experience: bool = False
    locale: Locale = DEFAULT_LOCALE
    language: str = "en"  # the profile's language; not "en": its text is quoted, not woven in
    words: dict[str, str] = {}  # the frame's locale-dependent words: resume, organization


def long_date(value: str) -> str:
    """'2026-01-15' -> 'January 15, 2026'; '2026-01' -> 'January 2026'; else unchanged."""
    m = re.match(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$", value.strip())
    if not m:
        return value
    month = _MONTHS[int(m[2]) - 1]
    return f"{month} {int(m[3])}, {m[1]}" if m[3] else f"{month} {m[1]}"


def years_in_words(years: float) -> str | None:
    """6.2 -> 'more than six years'; 2.0 -> 'two years'; under one year -> None."""
    whole = int(years)
    if whole < 1:
        return None
    number = _NUMBERS[whole] if whole < len(_NUMBERS) else str(whole)
    unit = "year" if whole == 1 else "years"
    return f"{'more than ' if years - whole >= 0.2 else ''}{number} {unit}"


def _strings(value: object) -> list[str]:
    """Every string inside a dumped model (dicts and lists walked in order)."""
    if isinstance(value, str):
        return [value]
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    return [s for item in items for s in _strings(item)]


def _title_like(text: str) -> bool:
    """True for a name or title ('Bachelor of Science in Public Health'): every long word capped."""
    long = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if len(w) > 3]
    return all(w[:1].isupper() for w in long)


def capitalised_words(profile: Profile) -> frozenset[str]:
    """Words the profile writes as proper: `proper_words`, its languages, and every word capitalised
    mid-sentence in any of its prose (titles and names, capitalised throughout, are skipped)."""
    prose = [t for t in _strings(profile.model_dump()) if not _title_like(t)]
    found = mid_sentence_capitals(prose) | {x.language for x in profile.languages}
    return proper_words(profile) | found


def letter_intro(summary: str | None, proper: frozenset[str] = frozenset()) -> str | None:
    """The summary's first sentence, verbatim, when the candidate wrote it in the first person
    ('I am a bilingual LPN …'). A third-person or verbless summary ('Ron has been building …',
    'Results-driven analyst …', 'Within my 7 years …') is left out: turning it into 'I am …'
    would rewrite the candidate's words, and any such rewrite can come out broken."""
    if not summary:
        return None
    first = re.split(r"(?<=[.!?])\s+", summary.strip(), maxsplit=1)[0].strip()
    if not re.match(r"^I(?:\s|['’](?:m|ve|d)\s)", first) or len(first) > 260:
        return None
    return first if first[-1:] in ".!?" else f"{first}."


def strengths(tailored: Tailored, exclude: set[str], count: int = 2) -> list[str]:
    """Short covered competency names for the closing ('medical terminology', 'Epic')."""
    out = []
    for name in tailored.competencies:
        short = re.split(r" and |\(", name)[0].strip()
        if name in exclude or len(short.split()) > 3 or short.lower() in (o.lower() for o in out):
            continue
        out.append(soften(short))
        if len(out) == count:
            break
    return out


def compose_letter(
    profile: Profile,
    tailored: Tailored,
    match: MatchResult | None = None,
    guide: Guide | None = None,
    posting: Posting | None = None,
    *,
    company: str | None = None,
    hiring_manager: str | None = None,
    job_title: str | None = None,
    date: str = "",
    target: Target | None = None,
) -> CoverLetter:
    """Select the letter's facts for one candidate and role (see the module docstring).

    ``target`` is the packet's resolved target; without one it is resolved here from the
    keyword values, by the same rules (`appkit.documents.target`).
    """
    target = target or resolve_target(
        tailored,
        guide,
        posting,
        company=company,
        job_title=job_title,
        hiring_manager=hiring_manager,
        date=date,
    )
    match = match or tailored.match or match_profile(profile, guide, posting, target.today)
    basics = profile.basics
    company, hiring_manager, date = target.company, target.hiring_manager, target.date
    role = target.title or "open"
    location = (
        re.sub(r"\s*\(.*?\)\s*$", "", posting.location).strip()
        if posting and posting.location
        else None
    )
    recipient = [hiring_manager or "Hiring Manager"] + [
        x for x in (company, location if company else None) if x
    ]
    if hiring_manager:
        m = _HONORIFIC.match(hiring_manager)
        who = f"{m[1].capitalize()}. {hiring_manager.split()[-1]}" if m else hiring_manager
        salutation = f"Dear {who},"
    else:
        salutation = "Dear Hiring Manager,"
    used: set[str] = set()
    points = pick_points(
        profile,
        match,
        2,
        [
            (("responsibility",), "covered", COVERED),
            (("responsibility",), "partial", PARTIAL),
            (OTHER_CATEGORIES, "covered", COVERED),
        ],
        used,
    )
    support = pick_points(
        profile,
        match,
        2,
        [(OTHER_CATEGORIES, "covered", COVERED), (("responsibility",), "covered", COVERED)],
        used,
    )
    latest = tailored.experience[0].job if tailored.experience else None
    schools = sorted(
        profile.education, key=lambda e: month_index(e.end or e.start or "0001"), reverse=True
    )
    years = match.level.total_years if match.level else 0.0
    language = profile_language(profile)
    foreign = language != "en"
    if foreign:  # quote the candidate's words and titles; never weave them into English
        points = [p.model_copy(update={"voiced": False, "quoted_role": True}) for p in points]
        support = [p.model_copy(update={"voiced": False, "quoted_role": True}) for p in support]
    locale = target.locale
    latest_role = None
    if latest:
        latest_role = f"“{latest.title}”" if foreign else f"{article(latest.title)} {latest.title}"
    contact = [x for x in (basics.email, basics.phone, basics.location) if x]
    return CoverLetter(
        sender=basics.name,
        headline=basics.headline,
        contact=contact,
        date=long_date(date),
        recipient=recipient,
        hiring_manager=hiring_manager,
        salutation=salutation,
        role=role,
        company=company,
        location=location,
        intro=None if foreign else letter_intro(profile.summary, capitalised_words(profile)),
        points=points,
        support=support,
        strengths=strengths(tailored, {p.requirement or "" for p in points + support}),
        years=years,
        years_text=years_in_words(years),
        latest_title=latest.title if latest else None,
        latest_organization=place(latest.organization) if latest else None,
        latest_role=latest_role,
        latest_current=bool(latest and latest.end in (None, "present")),
        degree=schools[0].degree if schools and not foreign else None,
        degree_with_article=(
            f"{article(schools[0].degree)} {schools[0].degree}" if schools and not foreign else None
        ),
        institution=schools[0].institution if schools else None,
        has_experience=bool(profile.experience),
        locale=locale,
        language=language,
        words={
            "resume": "CV" if locale == "en-GB" else "résumé",
            "organization": spell("organization", locale),
        },
    )


__all__ = [
    "CoverLetter",
    "EvidencePoint",
    "article",
    "capitalised_words",
    "compose_letter",
    "evidence_point",
    "long_date",
    "pick_points",
    "proper_words",
    "soften",
    "verb_led",
    "years_in_words",
]
