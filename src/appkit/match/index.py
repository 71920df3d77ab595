"""The guide side of matching, computed once per (guide, posting) object pair and cached."""

from __future__ import annotations

from dataclasses import dataclass, field

from appkit.guide.model import Guide, Posting
from appkit.match.caps import cap_requirements
from appkit.match.gaps import Advice, advice_candidates
from appkit.match.requirements import Requirement, build_requirements
from appkit.match.terms import Lexicon, base_lexicon, declared_acronyms, expansion_in


@dataclass
class GuideIndex:
    """Everything computed once per (guide, posting): lexicon, requirements, advice candidates."""

    guide: Guide | None
    posting: Posting | None
    lexicon: Lexicon
    requirements: list[Requirement]
    advice: list[Advice] = field(default_factory=list)


def _declare(lex: Lexicon, guide: Guide | None, posting: Posting | None) -> None:
    """Add every acronym the guide/posting declares to the lexicon (before any tokenising)."""
    texts: list[str] = []
    if guide:
        for skill in guide.technical_skills:
            if skill.acronym:
                lex.add_acronym(skill.acronym, expansion_in(skill.acronym, skill.name))
        for cert in guide.certifications:
            if cert.acronym:
                lex.add_acronym(cert.acronym, cert.name)
        texts += [
            *guide.responsibilities,
            *guide.education,
            guide.tools_text,
            *(c.sentence for c in guide.certifications),
        ]
    if posting:
        texts += [posting.description, *posting.responsibilities, *posting.qualifications]
    for text in texts:
        for acronym, expansion in declared_acronyms(text):
            lex.add_acronym(acronym, expansion)


class IndexCache:
    """The guide indexes of one engine: the last few (guide, posting) pairs, found by identity.

    Entries hold the models themselves, so an entry can only match the very objects it was built
    from (no id() reuse after garbage collection)."""

    def __init__(self, size: int = 16) -> None:
        self.size = size
        self._entries: list[GuideIndex] = []

    def get(self, guide: Guide | None, posting: Posting | None) -> GuideIndex:
        """The index for this guide/posting pair, built on first use."""
        for position, entry in enumerate(self._entries):
            if entry.guide is guide and entry.posting is posting:
                self._entries.append(self._entries.pop(position))  # most recent last
                return entry
        index = build_index(guide, posting)
        self._entries.append(index)
        del self._entries[: -self.size]
        return index


def build_index(guide: Guide | None, posting: Posting | None = None) -> GuideIndex:
    """The guide side of matching for this guide/posting pair: lexicon, requirements, advice."""
    lex = base_lexicon().copy()
    _declare(lex, guide, posting)
    requirements = cap_requirements(build_requirements(guide, posting, lex), guide)
    index = GuideIndex(guide, posting, lex, requirements)
    index.advice = advice_candidates(guide, lex) if guide else []
    return index


def index_guide(
    guide: Guide | None, posting: Posting | None = None, cache: IndexCache | None = None
) -> GuideIndex:
    """The GuideIndex for this pair: from the engine's cache when given one, else built anew."""
    return cache.get(guide, posting) if cache is not None else build_index(guide, posting)
