"""Cover letter facts: Python picks the evidence, `templates/cover/*.html` does the phrasing.

`compose_letter` chooses the two strongest (responsibility, evidence) pairs: the role's heaviest
covered responsibilities (then partial ones, then covered skills/tools), each with the
candidate's best unused bullet (covered first, quantified first). Two supporting bullets for
other skills follow. Nothing is invented: every evidence text is a profile bullet, verbatim.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict

from appkit.guide_model import Guide, Posting
from appkit.match import COVERED, PARTIAL, MatchResult, RequirementMatch, match_profile
from appkit.models import Profile, month_index
from appkit.tailor import Tailored

_PATH = re.compile(r"^(experience|projects|volunteer)\[(\d+)\]\.highlights\[(\d+)\]$")
_MONTHS = re.findall(
    r"\S+", "January February March April May June July August September October November December"
)
_NUMBERS = re.findall(
    r"\S+",
    "zero one two three four five six seven eight nine ten eleven "
    "twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty",
)
_NOT_VERBS = frozenset(
    re.findall(
        r"\S+",
        "a an the my our this these those relevant over more "
        "member capstone coursework course dean's top first of in on at",
    )
)
_HONORIFIC = re.compile(r"^(Mr|Ms|Mrs|Mx|Dr|Prof)\.?\s+", re.IGNORECASE)
_TRIM_DUTY = re.compile(r",\s+\w+ing\b.*$| to (?:ensure|optimize|streamline|improve|maintain)\b.*$")
_OUTCOME = re.compile(
    r"%|\$|\bfrom\b.*\bto\b|\b(cut|fell|reduc|sav|rais|grew|increas|improv|"
    r"eliminat|drop|lower|stay)",
    re.IGNORECASE,
)
OTHER_CATEGORIES = ("technical_skill", "tool", "qualification")


class EvidencePoint(BaseModel):
    """One profile bullet (verbatim) with where it comes from and what it proves."""

    model_config = ConfigDict(frozen=True)
    text: str
    source: str
    kind: str  # "job" | "project" | "volunteer"
    role: str
    organization: str | None = None
    dates: str = ""
    current: bool = False
    proper_lead: bool = False
    requirement: str | None = None
    category: str | None = None
    duty: str | None = None

    @property
    def clause(self) -> str:
        """The bullet as a first-person clause: 'Ran the X.' -> 'ran the X' (acronyms kept)."""
        text = self.text.strip().rstrip(".").strip()
        first, sep, rest = text.partition(" ")
        first = _first_person(first)
        if not (self.proper_lead or _acronym(first)):
            first = first[:1].lower() + first[1:]
        return first + sep + rest

    @property
    def quantified(self) -> bool:
        """True when the bullet carries a number."""
        return bool(re.search(r"\d", self.text))

    @property
    def result(self) -> str | None:
        """The quantified outcome clause of the bullet, when it has one after the first clause."""
        text = self.text.strip().rstrip(".")
        for sep in ("; ", ", "):
            parts = text.split(sep)
            for part in reversed(parts[1:]):
                if re.search(r"\d", part) and _OUTCOME.search(part):
                    return part.strip()
        return None

    @property
    def role_with_article(self) -> str:
        """'a Certified Medical Assistant' / 'an Assistant Store Manager'."""
        return f"{article(self.role)} {self.role}"

    @property
    def topic(self) -> str:
        """The requirement as a noun phrase (for skill points): lower-case, acronyms kept."""
        return soften(self.requirement or "")


class CoverLetter(BaseModel):
    """Everything the cover letter template needs; the template adds every connecting word."""

    model_config = ConfigDict(frozen=True)
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
    institution: str | None = None
    has_experience: bool = False


def article(phrase: str) -> str:
    """'a' or 'an' for a phrase, by its first sound (rough but right for job titles)."""
    word = phrase.strip().lower()
    if word.startswith(("hour", "honest", "honor")):
        return "an"
    if word.startswith(("uni", "use", "usu", "one", "eu")):
        return "a"
    return "an" if word[:1] in "aeiou" else "a"


def _acronym(word: str) -> bool:
    """EHR, HIPAA's, MyChart: all capitals, or a capital inside a hyphen-free part."""
    for part in re.split(r"[-/]", word):
        letters = [c for c in part if c.isalpha()]
        if len(letters) >= 2 and (
            all(c.isupper() for c in letters) or any(c.isupper() for c in letters[1:])
        ):
            return True
    return False


def _first_person(word: str) -> str:
    """'Registers' -> 'Register', 'Supervises' -> 'Supervise' (third person to first)."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def soften(name: str) -> str:
    """Lower-case a requirement name for prose, keeping acronyms and brand-like words."""
    words = []
    for word in name.split():
        keep = _acronym(word) or word in {
            "Epic",
            "Cerner",
            "Meditech",
            "Microsoft",
            "Excel",
            "Word",
            "Outlook",
            "Office",
        }
        words.append(word if keep else word.lower())
    return " ".join(words)


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


def proper_words(profile: Profile) -> frozenset[str]:
    """Words the profile capitalises mid-sentence (Epic, Spanish): never lower-cased."""
    texts = [h for job in profile.experience for h in job.highlights]
    texts += [h for p in profile.projects for h in p.highlights]
    texts += [h for v in profile.volunteer for h in v.highlights]
    texts += [profile.summary or ""] + [i for g in profile.skills for i in g.items]
    found = set()
    for text in texts:
        for m in re.finditer(r"(?<=[a-z,;:] )([A-Z][\w'-]*)", text):
            found.add(m[1])
    return frozenset(found)


def verb_led(text: str) -> bool:
    """True when a bullet starts with a verb-like word, so 'I <bullet>' reads as a sentence."""
    first = text.strip().split(" ", 1)[0]
    return first.isalpha() and first[:1].isupper() and first.lower() not in _NOT_VERBS


def evidence_point(
    profile: Profile, source: str, proper: frozenset[str], req: RequirementMatch | None = None
) -> EvidencePoint | None:
    """Resolve a highlight path into an EvidencePoint (None for anything but highlights)."""
    m = _PATH.match(source)
    if not m:
        return None
    section, i, j = m[1], int(m[2]), int(m[3])
    fields: dict = {}
    if section == "experience":
        job = profile.experience[i]
        text = job.highlights[j]
        fields = dict(
            kind="job",
            role=job.title,
            organization=job.organization,
            dates=job.dates,
            current=job.end in (None, "present"),
        )
    elif section == "projects":
        project = profile.projects[i]
        text = project.highlights[j]
        fields = dict(kind="project", role=project.name, dates=project.dates)
    else:
        vol = profile.volunteer[i]
        text = vol.highlights[j]
        fields = dict(
            kind="volunteer",
            role=vol.role,
            organization=vol.organization,
            dates=vol.dates,
            current=vol.end in (None, "present"),
        )
    duty = None
    if req is not None and req.category == "responsibility":
        duty = _TRIM_DUTY.sub("", req.text.strip().rstrip(".")).strip()
        first, sep, rest = duty.partition(" ")
        duty = (first if _acronym(first) else first.lower()) + sep + rest
    return EvidencePoint(
        text=text,
        source=source,
        proper_lead=text.split(" ", 1)[0] in proper,
        requirement=req.name if req else None,
        category=req.category if req else None,
        duty=duty,
        **fields,
    )


def _best(
    profile: Profile,
    req: RequirementMatch,
    used: set[str],
    proper: frozenset[str],
    min_score: float,
) -> EvidencePoint | None:
    """The best unused verb-led bullet: covered first, then quantified, then by score."""
    options = []
    for n, ev in enumerate(req.evidence):
        if ev.source in used or ev.score < min_score or not verb_led(ev.text):
            continue
        point = evidence_point(profile, ev.source, proper, req)
        if point is not None:
            options.append(
                (ev.score < COVERED, not point.quantified, -ev.score, point.kind != "job", n, point)
            )
    return min(options, key=lambda o: o[:5])[-1] if options else None


def pick_points(
    profile: Profile,
    match: MatchResult,
    count: int,
    tiers: list[tuple[tuple[str, ...], str, float]],
    used: set[str],
) -> list[EvidencePoint]:
    """Walk requirement tiers (categories, status, min score), taking unused bullets."""
    proper = proper_words(profile)
    points: list[EvidencePoint] = []
    for categories, status, min_score in tiers:
        reqs = [r for r in match.requirements if r.category in categories and r.status == status]
        for req in sorted(reqs, key=lambda r: -r.weight):
            if len(points) >= count:
                return points
            point = _best(profile, req, used, proper, min_score)
            if point is not None:
                used.add(point.source)
                points.append(point)
    for source, _ in sorted(match.relevance.items(), key=lambda kv: -kv[1]):
        if len(points) >= count:
            break
        point = evidence_point(profile, source, proper)
        if point and source not in used and verb_led(point.text):
            used.add(source)
            points.append(point)
    return points


def _intro(summary: str | None) -> str | None:
    """The summary's first sentence as 'a <noun phrase>' for 'I am …', when it is one."""
    if not summary:
        return None
    first = re.split(r"(?<=[.!?])\s+", summary.strip(), maxsplit=1)[0].rstrip(".!?")
    lead = first.split(" ", 1)[0]
    if lead in ("I", "I'm", "My") or not re.search(r"\b(with|in|and)\b", first) or len(first) > 260:
        return None
    lead_low = lead if _acronym(lead) else lead.lower()
    phrase = lead_low + first[len(lead) :]
    return f"{article(phrase)} {phrase}"


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
) -> CoverLetter:
    """Select the letter's facts for one candidate and role (see the module docstring)."""
    match = match or tailored.match or match_profile(profile, guide, posting)
    basics = profile.basics
    company = company or tailored.company or (posting.company if posting else None)
    role = (
        job_title
        or (posting.title if posting else None)
        or tailored.target_title
        or (guide.title if guide else "open")
    )
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
        intro=_intro(profile.summary),
        points=points,
        support=support,
        strengths=strengths(tailored, {p.requirement or "" for p in points + support}),
        years=years,
        years_text=years_in_words(years),
        latest_title=latest.title if latest else None,
        latest_organization=latest.organization if latest else None,
        latest_role=f"{article(latest.title)} {latest.title}" if latest else None,
        latest_current=bool(latest and latest.end in (None, "present")),
        degree=schools[0].degree if schools else None,
        institution=schools[0].institution if schools else None,
        has_experience=bool(profile.experience),
    )
