"""Tailoring: order the profile's real evidence for a target role. Never adds anything.

Built on one `MatchResult` (appkit.match.engine), computed once and carried in `Tailored.match`:

- jobs stay in reverse-chronological order (current jobs first, then by end and start date);
- bullets within a job are ordered by relevance (sum of weight x credit of the requirements they
  evidence), ties keep the profile's order; `bullet_budget` keeps only the N most relevant;
- skill groups and the items within them lead with the matched ones;
- bullets of similar relevance (within QUANTIFIED_BAND of each other) put the quantified one
  first: "cut wait times 30%" above "handled scheduling" when both evidence the same things;
- `competencies` are the short names (technical skills, tools, soft skills, posting skills) of
  requirements the profile *covers*, heaviest first, at most MAX_COMPETENCIES; a soft skill needs
  a bullet (or job/project summary) that shows it, not only its name in a skills list; partial and
  missing requirements never appear in the fields the resume and cover letter use;
- the summary is the profile's own; the target title is the posting's, else the guide's.
"""

from __future__ import annotations

import re
from datetime import date

from pydantic import BaseModel, ConfigDict

from appkit.guide.model import Guide, Posting
from appkit.match.engine import COVERED, MatchResult, RequirementMatch, match_profile
from appkit.match.index import IndexCache, index_guide
from appkit.match.models import ItemRef
from appkit.match.terms import GENERIC, HEAD, Lexicon
from appkit.profile.model import Experience, Profile, SkillGroup, end_month_index, month_index

MAX_COMPETENCIES = 8  # one or two lines: more pushes a one-page resume onto a second page
QUANTIFIED_BAND = 0.25  # bullets whose relevance differs by less than this share are "similar"
_SHOWN_BY = ("highlights", "summary")  # fields that show a skill in use, not just name it
COMPETENCY_CATEGORIES = ("technical_skill", "tool", "soft_skill")


class TailoredJob(BaseModel):
    model_config = ConfigDict(defer_build=True, frozen=True)
    job: Experience
    highlights: list[str]
    dropped: int = 0


class Tailored(BaseModel):
    """What the templates show, in the order they show it."""

    model_config = ConfigDict(defer_build=True, frozen=True)
    target_title: str | None = None
    company: str | None = None
    summary: str | None = None
    experience: list[TailoredJob]
    skills: list[SkillGroup]
    competencies: list[str] = []
    match: MatchResult | None = None


def _chronological(profile: Profile, today: date | None) -> list[int]:
    def key(i: int) -> tuple[int, int]:
        job = profile.experience[i]
        return end_month_index(job.end or "present", today), month_index(job.start)

    return sorted(range(len(profile.experience)), key=key, reverse=True)


def proven_name(req: RequirementMatch, lex: Lexicon, acronym: str | None = None) -> str:
    """The requirement's name, cut to the parts the evidence proves, in the guide's wording.

    "Medical Terminology and Anatomy" evidenced only by "medical terminology" becomes "Medical
    Terminology": a competency line must not claim anatomy. When only the acronym or a product
    example is in evidence, that is what is named: "EHR (Epic)", not "Electronic Health Records
    Systems Management". A lower-case tool name from running text ("scheduling software") is
    capitalised like its neighbours.
    """
    name = req.name
    matched = {k for e in req.evidence for w in e.matched for k in lex.keys(w)}
    parts = [t for t in req.terms if t in name]
    extras = [t for t in req.terms if t not in name]  # the acronym and the examples
    # The name's own words, not counting the acronym they spell (EHR = electronic health records).
    own = set(lex.keys(name)) - HEAD - GENERIC - set(lex.keys(acronym or ""))
    if extras and not own & matched:
        shown = [t for t in extras if t != acronym and lex.keys(t) and set(lex.keys(t)) <= matched]
        head = acronym or name
        return f"{head} ({', '.join(shown)})" if shown else head
    if len(parts) > 1:
        proven = [p for p in parts if set(lex.keys(p)) - HEAD <= matched and lex.keys(p)]
        if proven and len(proven) < len(parts):
            name = " and ".join(proven)
    if not name.islower():
        return name
    return " ".join(w if w in ("and", "or", "of", "for") else w.capitalize() for w in name.split())


def shown(req: RequirementMatch) -> bool:
    """True when the profile shows the requirement, not only names it: a soft skill needs a
    covering bullet or summary of a job, project or volunteer role ('Calm de-escalation of 30
    calls a day'), never just 'Empathy' in a skills list. A technical skill or tool named in the
    skills list is the candidate's own claim to it, and counts."""
    if req.category != "soft_skill":
        return True
    return any(
        ev.ref.field in _SHOWN_BY
        and ev.ref.section in ("experience", "projects", "volunteer")
        and ev.score >= COVERED
        for ev in req.evidence
    )


def bullet_order(scores: list[float], texts: list[str]) -> list[int]:
    """Bullet indexes, most relevant first; among bullets of similar relevance (within
    QUANTIFIED_BAND of the better one) a quantified bullet comes before an unquantified one."""
    order = sorted(range(len(scores)), key=lambda j: -scores[j])
    quantified = [bool(re.search(r"\d", t)) for t in texts]
    changed = True
    while changed:  # a stable pass of neighbour swaps, bounded by the number of bullets
        changed = False
        for k in range(len(order) - 1):
            a, b = order[k], order[k + 1]
            close = scores[a] - scores[b] <= QUANTIFIED_BAND * max(scores[a], 1e-9)
            if close and quantified[b] and not quantified[a] and scores[b] > 0:
                order[k], order[k + 1] = b, a
                changed = True
    return order


def competencies(
    result: MatchResult, lex: Lexicon, acronyms: dict[str, str] | None = None
) -> list[str]:
    """Short names of covered skill/tool/soft-skill requirements, heaviest first, no repeats."""
    covered = [
        r
        for r in result.requirements
        if r.status == "covered" and r.category in COMPETENCY_CATEGORIES and shown(r)
    ]
    covered.sort(key=lambda r: (-r.weight, COMPETENCY_CATEGORIES.index(r.category)))
    names: dict[str, str] = {}
    for r in covered:
        name = proven_name(r, lex, (acronyms or {}).get(r.id))
        # "Epic" adds nothing after "EHR (Epic)", nor "Microsoft Office (Word…)" after
        # "Microsoft Office Suite": the guide lists some things as a skill and again as a tool.
        base = name.split(" (")[0].casefold()
        inside = any(f"({name.casefold()}" in n or f" {name.casefold()})" in n for n in names)
        if not inside and not any(
            n.split(" (")[0].startswith(base) or base.startswith(n.split(" (")[0]) for n in names
        ):
            names[name.casefold()] = name
    return list(names.values())[:MAX_COMPETENCIES]


def tailor(
    profile: Profile,
    guide: Guide | None = None,
    posting: Posting | None = None,
    bullet_budget: int | None = None,
    today: date | None = None,
    index_cache: IndexCache | None = None,
) -> Tailored:
    """Order bullets and skills by the requirements they evidence; name the target role."""
    result = (
        match_profile(profile, guide, posting, today, index_cache) if guide or posting else None
    )

    def rel(section: str, index: int, field: str, sub_index: int) -> float:
        ref = ItemRef(section=section, index=index, field=field, sub_index=sub_index)
        return result.relevance_of(ref) if result else 0.0

    experience = []
    for i in _chronological(profile, today):
        job = profile.experience[i]
        order = bullet_order(
            [rel("experience", i, "highlights", j) for j in range(len(job.highlights))],
            list(job.highlights),
        )
        keep = order if bullet_budget is None else order[: max(bullet_budget, 0)]
        experience.append(
            TailoredJob(
                job=job,
                highlights=[job.highlights[j] for j in keep],
                dropped=len(order) - len(keep),
            )
        )
    groups = []
    for g, group in enumerate(profile.skills):
        scores = [rel("skills", g, "items", k) for k in range(len(group.items))]
        order = sorted(range(len(group.items)), key=lambda k, s=scores: -s[k])
        groups.append(
            (
                -max(scores, default=0.0),
                g,
                SkillGroup(group=group.group, items=[group.items[k] for k in order]),
            )
        )
    skills = [sg for *_, sg in sorted(groups, key=lambda t: (t[0], t[1]))]
    title = posting.title if posting else guide.title if guide else None
    return Tailored(
        target_title=title,
        company=posting.company if posting else None,
        summary=profile.summary,
        experience=experience,
        skills=skills,
        competencies=competencies(
            result,
            index_guide(guide, posting, index_cache).lexicon,
            {
                f"technical_skills[{i}]": s.acronym
                for i, s in enumerate(guide.technical_skills)
                if s.acronym
            }
            if guide
            else None,
        )
        if result
        else [],
        match=result,
    )
