"""Tailoring: order the profile's real evidence for a target role. Never adds anything.

This is the first version (keyword counting); the matching engine replaces `tailor()` in place.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict

from appkit.guide_model import Guide, Posting
from appkit.models import Experience, Profile, SkillGroup

_WORD = re.compile(r"[A-Za-z][A-Za-z+#/-]*")
_STOP = set(
    "a an and are as at be by for from in into is it of on or the to with within their they this "
    "that all any other such e.g including ensure ensuring".split()
)


class TailoredJob(BaseModel):
    model_config = ConfigDict(frozen=True)
    job: Experience
    highlights: list[str]


class Tailored(BaseModel):
    """What the templates show, in the order they show it."""

    model_config = ConfigDict(frozen=True)
    target_title: str | None = None
    company: str | None = None
    summary: str | None = None
    experience: list[TailoredJob]
    skills: list[SkillGroup]
    competencies: list[str] = []


def _keywords(guide: Guide | None, posting: Posting | None) -> set[str]:
    texts: list[str] = []
    if guide:
        texts += guide.responsibilities
        for skill in guide.technical_skills:
            texts += [skill.name, skill.acronym or "", *skill.examples]
        texts += [tool.name for tool in guide.tools]
    if posting:
        texts += [*posting.responsibilities, *posting.qualifications, *posting.skills]
    return {w.lower() for t in texts for w in _WORD.findall(t) if w.lower() not in _STOP and len(w) > 2}


def _score(text: str, keywords: set[str]) -> int:
    return sum(1 for w in _WORD.findall(text) if w.lower() in keywords)


def tailor(profile: Profile, guide: Guide | None = None, posting: Posting | None = None) -> Tailored:
    """Order bullets and skills by how many role keywords they carry; name the target role."""
    keywords = _keywords(guide, posting)
    jobs = sorted(profile.experience, key=lambda j: (j.end == "present", j.end or "", j.start), reverse=True)
    experience = [
        TailoredJob(job=j, highlights=sorted(j.highlights, key=lambda h: -_score(h, keywords)))
        for j in jobs
    ]
    skills = [
        SkillGroup(group=g.group, items=sorted(g.items, key=lambda s: -_score(s, keywords)))
        for g in profile.skills
    ]
    title = posting.title if posting else guide.title if guide else None
    return Tailored(
        target_title=title,
        company=posting.company if posting else None,
        summary=profile.summary,
        experience=experience,
        skills=skills,
    )
