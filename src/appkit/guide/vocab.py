"""The skill vocabulary recognised in posting text, and a yes/no boilerplate test."""

from __future__ import annotations

import re

from appkit.guide.model import Guide

# Skill and tool phrases worth recognising in any healthcare or office posting, guide or not.
DEFAULT_VOCABULARY = (
    "EHR",
    "EMR",
    "Epic",
    "Cerner",
    "Meditech",
    "athenahealth",
    "eClinicalWorks",
    "HIPAA",
    "ICD-10",
    "CPT",
    "Microsoft Office",
    "Excel",
    "Outlook",
    "PowerPoint",
    "Google Workspace",
    "Salesforce",
    "SQL",
    "CPR",
    "BLS",
    "ACLS",
    "phlebotomy",
    "EKG",
    "vital signs",
    "medical terminology",
    "patient scheduling",
    "insurance verification",
    "prior authorization",
    "care coordination",
    "patient intake",
    "telehealth",
    "data entry",
    "medical billing",
    "case management",
    "quality improvement",
    "project management",
    "clinical research",
    "GCP",
    "REDCap",
    "customer service",
    "scheduling software",
)


def is_boilerplate(text: str) -> bool:
    """True for equal-opportunity, benefits and pay, how-to-apply, physical-demand, working
    conditions and company-blurb text (`appkit.guide.posting_boilerplate` has the kinds)."""
    from appkit.guide.posting_boilerplate import boilerplate_kind

    return boilerplate_kind(text) is not None


def vocabulary(guide: Guide | None) -> list[str]:
    terms = list(DEFAULT_VOCABULARY)
    if guide is not None:
        for tool in guide.tools:
            terms.append(re.sub(r"\s*\([^)]*\)", "", tool.name))
        for skill in [*guide.technical_skills, *guide.knowledge]:
            terms += [skill.name, *(skill.examples), *([skill.acronym] if skill.acronym else [])]
        terms += [s.name for s in guide.soft_skills]
        terms += [c.acronym or c.name for c in guide.certifications]
    seen: dict[str, str] = {}
    for term in terms:
        seen.setdefault(term.lower(), term)
    return list(seen.values())


def find_keywords(text: str, vocabulary: list[str]) -> list[str]:
    """Vocabulary terms in text: single words case-sensitively, phrases case-insensitively."""
    found = []
    for term in vocabulary:
        flags = 0 if " " not in term else re.I
        if re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", text, flags):
            found.append(term)
    return found
