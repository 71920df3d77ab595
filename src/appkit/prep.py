"""Interview-prep facts: role snapshot, STAR-scaffolded questions, talking points and gaps.

Behavioural questions: one per soft skill of the guide. Each is scaffolded from the candidate's
best unused bullet for that skill (cue words plus the skill's own description, by stem overlap),
else the most relevant unused bullet; bullets are quoted verbatim. Technical questions: one per
technical skill and per tool (tools already named by a skill, e.g. Epic under EHR, are folded in),
with the match's evidence quoted, or a "prepare this" note for gaps.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict

from appkit.guide_model import Guide, Posting
from appkit.letter import EvidencePoint, evidence_point, proper_words, soften, verb_led
from appkit.levels import SalaryBand
from appkit.match import MatchResult, RequirementMatch, match_profile
from appkit.models import Profile
from appkit.tailor import Tailored
from appkit.terms import GENERIC, stems

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_CUES: dict[str, tuple[str, str]] = {
    "organ": (
        "kept many moving parts organized at once",
        "schedule coordinate track order organize plan ran par inventory template",
    ),
    "communic": (
        "had to explain something important to a patient or a colleague",
        "call translate present contact explain teach educate Spanish message answer",
    ),
    "problem": (
        "solved a problem that was slowing your team or your patients down",
        "resolve cut reduce redesign fix solve eliminate raise improve",
    ),
    "detail": (
        "caught or prevented an error before it reached a patient",
        "accurate zero audit verify compliance error reconcile check document HIPAA",
    ),
    "empath": (
        "helped a patient or family who was stressed, ill or upset",
        "family families patient comfort Spanish escort hospice concern teach-back",
    ),
    "adapt": (
        "had to adapt quickly to an unexpected change",
        "rollout upgrade switch transition new move change pilot scale",
    ),
    "collab": (
        "worked with other staff to get a patient what they needed",
        "team colleague nurse pharmacy case staff train precept council provider",
    ),
    "team": (
        "worked with other staff to get a patient what they needed",
        "team colleague nurse pharmacy case staff train precept council provider",
    ),
    "leader": ("led others through a change", "lead led supervise train precept mentor onboarding"),
}


class Quote(BaseModel):
    """A verbatim profile text and where it comes from."""

    text: str
    where: str


class Snapshot(BaseModel):
    """What the role is, where the candidate fits and what that level pays."""

    role: str
    company: str | None = None
    summary: str = ""
    overview: str = ""
    years: float = 0.0
    total_years: float = 0.0
    role_years: float = 0.0
    level: str | None = None
    level_range: str | None = None
    level_description: str = ""
    salary: SalaryBand | None = None
    salary_range: str | None = None
    next_level: str | None = None
    next_range: str | None = None
    next_focus: str = ""
    next_salary: SalaryBand | None = None

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


class StarQuestion(BaseModel):
    """A behavioural question for one soft skill, with a STAR scaffold from a real bullet."""

    model_config = ConfigDict(frozen=True)
    skill: str
    description: str = ""
    prompt: str
    evidence: EvidencePoint
    matched: bool

    @property
    def situation(self) -> str:
        """Where it happened: 'a Certified Medical Assistant at Desert Willow (Jan 2023 – …)'."""
        e = self.evidence
        where = (
            f"the project “{e.role}”"
            if e.kind == "project"
            else f"{e.role_with_article} at {e.organization}"
        )
        return where + (f" ({e.dates})" if e.dates else "")


class TechQuestion(BaseModel):
    """A technical question with the candidate's evidence, or what to prepare for a gap."""

    name: str
    kind: str
    question: str
    status: str
    quotes: list[Quote] = []
    prepare: str | None = None


class TalkingPoint(BaseModel):
    """A question the candidate may face, with a short hint."""

    question: str
    hint: str
    quote: Quote | None = None
    salary: bool = False


class Gap(BaseModel):
    """A requirement to prepare for, with the next step from the match report."""

    requirement: str
    status: str
    action: str


class PrepSheet(BaseModel):
    """Everything the interview-prep template shows."""

    snapshot: Snapshot
    behavioural: list[StarQuestion]
    technical: list[TechQuestion]
    faq: list[TalkingPoint]
    challenges: list[TalkingPoint]
    ask: list[str]
    gaps: list[Gap]
    more_gaps: int = 0


def where(profile: Profile, source: str) -> str:
    """A human label for an evidence path: 'Certified Medical Assistant, Desert Willow …'."""
    m = re.match(r"^(\w+)\[(\d+)\]", source)
    if not m:
        return "Profile"
    section, i = m[1], int(m[2])
    if section == "experience":
        return f"{profile.experience[i].title}, {profile.experience[i].organization}"
    if section == "volunteer":
        return f"{profile.volunteer[i].role}, {profile.volunteer[i].organization} (volunteer)"
    if section == "projects":
        return f"Project: {profile.projects[i].name}"
    if section == "education":
        return f"{profile.education[i].degree}, {profile.education[i].institution}"
    if section == "skills":
        return f"Skills: {profile.skills[i].group}"
    return section.capitalize().rstrip("s") if section != "awards" else "Award"


def _bullets(profile: Profile, match: MatchResult) -> list[EvidencePoint]:
    """Every verb-led highlight, most relevant first (profile order breaks ties)."""
    proper = proper_words(profile)
    paths = [
        f"experience[{i}].highlights[{j}]"
        for i, x in enumerate(profile.experience)
        for j in range(len(x.highlights))
    ]
    paths += [
        f"volunteer[{i}].highlights[{j}]"
        for i, x in enumerate(profile.volunteer)
        for j in range(len(x.highlights))
    ]
    paths += [
        f"projects[{i}].highlights[{j}]"
        for i, x in enumerate(profile.projects)
        for j in range(len(x.highlights))
    ]
    points = [
        p for p in (evidence_point(profile, s, proper) for s in paths) if p and verb_led(p.text)
    ]
    return sorted(points, key=lambda p: -match.relevance.get(p.source, 0.0))


def behavioural(profile: Profile, guide: Guide, match: MatchResult) -> list[StarQuestion]:
    """One STAR question per soft skill, each from a different bullet while bullets last."""
    bullets = _bullets(profile, match)
    keyed = [(b, set(stems(b.text))) for b in bullets]
    used: dict[str, int] = {}
    out = []
    for skill in guide.soft_skills:
        low = skill.name.lower()
        prompt, cue_words = next(
            (v for k, v in _CUES.items() if k in low), (f"showed {low} at work", "")
        )
        cues = set(stems(cue_words))
        desc = set(stems(skill.description or "")) - GENERIC
        best, best_key = None, None
        for n, (bullet, keys) in enumerate(keyed):
            score = 2 * len(keys & cues) + len(keys & desc)
            key = (used.get(bullet.source, 0), -score, n)
            if best_key is None or key < best_key:
                best, best_key = bullet, key
        if best is None:
            continue
        used[best.source] = used.get(best.source, 0) + 1
        out.append(
            StarQuestion(
                skill=skill.name,
                description=skill.description or "",
                prompt=prompt,
                evidence=best,
                matched=best_key[1] < 0,
            )
        )
    return out


def _guide_sentence(guide: Guide, name: str) -> str | None:
    """The guide sentence that best mentions a skill or tool (for a 'prepare this' note)."""
    want = set(stems(name)) - GENERIC
    if len(want) < 2:
        return None
    texts = [
        guide.tools_text,
        *guide.overview,
        *guide.education_training,
        *guide.growth_opportunities,
    ]
    best, best_n = None, 0
    for text in texts:
        for sentence in _SENTENCE.split(text):
            n = len(want & set(stems(sentence)))
            if n > best_n:
                best, best_n = sentence, n
    return best if best_n >= 2 else None


def _quotes(profile: Profile, req: RequirementMatch) -> list[Quote]:
    ranked = sorted(
        req.evidence, key=lambda e: (e.kind not in ("bullet", "project", "volunteer"), -e.score)
    )
    return [
        Quote(text=e.text, where=where(profile, e.source)) for e in ranked[:2] if e.kind != "title"
    ]


def technical(profile: Profile, guide: Guide, match: MatchResult) -> list[TechQuestion]:
    """One question per technical skill and per tool not already named by a skill."""
    steps = {s.requirement_id: s.action for s in match.next_steps}
    by_id = {r.id: r for r in match.requirements}
    entries = [
        (f"technical_skills[{i}]", s.name, "skill") for i, s in enumerate(guide.technical_skills)
    ]
    named = {w.lower() for s in guide.technical_skills for w in [*s.examples, *s.name.split()]}
    for i, tool in enumerate(guide.tools):
        words = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", tool.name)} - {
            "systems",
            "platforms",
        }
        if tool.name.lower() in named or (words and words <= named):
            continue
        entries.append((f"tools[{i}]", tool.name, "tool"))
    out = []
    for rid, name, kind in entries:
        req = by_id.get(rid)
        status = req.status if req else "missing"
        quotes = _quotes(profile, req) if req and status != "missing" else []
        prepare = None
        if not quotes:
            prepare = (
                steps.get(rid)
                or _guide_sentence(guide, name)
                or (
                    f"Prepare an honest answer: {name} is new to you; say how you would learn it "
                    "(a course, a practice environment, shadowing a colleague)."
                )
            )
        question = (
            f"Have you worked with {name}?"
            if kind == "tool"
            else f"What is your experience with {soften(name)}?"
        )
        out.append(
            TechQuestion(
                name=name,
                kind=kind,
                question=question,
                status=status,
                quotes=quotes[:1],
                prepare=prepare,
            )
        )
    return out


def _first_sentence(text: str, limit: int = 240) -> str:
    first = _SENTENCE.split(text.strip(), maxsplit=1)[0]
    return first if len(first) <= limit else first[: limit - 1].rsplit(" ", 1)[0] + "…"


def challenges(profile: Profile, guide: Guide, match: MatchResult) -> list[TalkingPoint]:
    """Each challenge sentence as a question, hinted by related evidence or the plan for the gap."""
    steps = {s.requirement_id: s.action for s in match.next_steps}
    bullets = _bullets(profile, match)
    strongest = next((b for b in bullets if b.quantified), bullets[0] if bullets else None)
    out = []
    for text in guide.challenges:
        for sentence in _SENTENCE.split(text.strip())[:2]:
            keys = set(stems(sentence)) - GENERIC
            related = [(len(keys & (set(stems(r.name)) - GENERIC)), r) for r in match.requirements]
            related = [
                (n, r)
                for n, r in related
                if n >= 2 or (n == 1 and len(set(stems(r.name)) - GENERIC) == 1)
            ]
            covered = [(n, r) for n, r in related if r.status == "covered" and _quotes(profile, r)]
            if covered:
                req = max(covered, key=lambda t: (t[0], t[1].weight))[1]
                out.append(
                    TalkingPoint(
                        question=sentence,
                        hint=f"Point to your {req.name} evidence:",
                        quote=_quotes(profile, req)[0],
                    )
                )
            elif planned := [r for _, r in related if r.id in steps]:
                req = max(planned, key=lambda r: r.weight)
                out.append(
                    TalkingPoint(
                        question=sentence, hint=f"Name the gap and your plan: {steps[req.id]}"
                    )
                )
            elif strongest:
                out.append(
                    TalkingPoint(
                        question=sentence,
                        hint="Lead with your strongest result:",
                        quote=Quote(text=strongest.text, where=where(profile, strongest.source)),
                    )
                )
            else:
                out.append(
                    TalkingPoint(question=sentence, hint="Show how you keep learning and adapt.")
                )
    return out


def questions_to_ask(
    guide: Guide, posting: Posting | None, match: MatchResult, company: str | None
) -> list[str]:
    """Questions for the employer, drawn from the posting, the guide and the level fit."""
    role = posting.title if posting else guide.title
    at = f" at {company}" if company else ""
    out = [f"What would success look like in the first 90 days for the {role}{at}?"]
    if posting and posting.responsibilities:
        duty = posting.responsibilities[0].rstrip(".")
        out.append(
            f"The posting says the role will “{duty[0].lower() + duty[1:]}”. "
            "What does that look like on a typical day?"
        )
    ehr = next((s for s in guide.technical_skills if s.acronym and s.examples), None)
    if ehr:
        out.append(
            f"Which {ehr.acronym} does the team use ({', '.join(ehr.examples)} or another), "
            "and how are new coordinators trained on it?"
        )
    m = re.search(r"collaborates? (?:closely )?with ([^.]+?)(?:, often|\.)", guide.work_environment)
    if m:
        out.append(f"How does this role work with {m[1]} day to day?")
    if re.search(r"\b(evening|weekend)", guide.work_environment):
        out.append("Are evening or weekend shifts part of this role, and how is coverage shared?")
    fit = match.level
    if fit and fit.level and fit.next_level:
        out.append(f"What does the path from {fit.level} to {fit.next_level} look like here?")
    for text in guide.growth_opportunities:
        g = re.search(r"specializing in ([^.]+?)(?:, as |\.)", text)
        if g:
            out.append(f"Is the team growing in areas such as {g[1]}?")
            break
    return out


def compose_prep(
    profile: Profile,
    tailored: Tailored,
    match: MatchResult | None = None,
    guide: Guide | None = None,
    posting: Posting | None = None,
) -> PrepSheet:
    """Build the interview-prep sheet for one candidate, guide and (optional) posting."""
    if guide is None:
        raise ValueError("the interview-prep sheet needs a role guide")
    match = match or tailored.match or match_profile(profile, guide, posting)
    fit = match.level
    company = tailored.company or (posting.company if posting else None)
    snapshot = Snapshot(
        role=tailored.target_title or guide.title,
        company=company,
        summary=guide.summary,
        overview=guide.overview[0] if guide.overview else "",
        salary_range=guide.key_facts.salary_range,
        **(
            {}
            if fit is None
            else dict(
                years=fit.years,
                total_years=fit.total_years,
                role_years=fit.role_years,
                level=fit.level,
                level_range=fit.level_range,
                level_description=fit.description,
                salary=fit.salary,
                next_level=fit.next_level,
                next_range=fit.next_range,
                next_focus=fit.next_focus_areas,
                next_salary=fit.next_salary,
            )
        ),
    )
    faq = [
        TalkingPoint(
            question=q.question,
            hint=_first_sentence(q.answer) if q.answer else "",
            salary="salary" in q.question.lower(),
        )
        for q in guide.faq
    ]
    gaps = [
        Gap(requirement=s.requirement, status=s.status, action=s.action) for s in match.next_steps
    ]
    others = sum(1 for r in match.requirements if r.status != "covered") - len(gaps)
    return PrepSheet(
        snapshot=snapshot,
        behavioural=behavioural(profile, guide, match),
        technical=technical(profile, guide, match),
        faq=faq,
        challenges=challenges(profile, guide, match),
        ask=questions_to_ask(guide, posting, match, company),
        gaps=gaps,
        more_gaps=max(0, others),
    )
