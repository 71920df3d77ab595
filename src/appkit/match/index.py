"""The guide side of matching, computed once per (guide, posting) object pair and cached."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field

from appkit.guide.model import Guide, Posting
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


_CACHE: OrderedDict[tuple[int, int], GuideIndex] = OrderedDict()
_CACHE_SIZE = 16


def index_guide(guide: Guide | None, posting: Posting | None = None) -> GuideIndex:
    """The cached GuideIndex for this guide/posting object pair (frozen models: id is safe)."""
    key = (id(guide), id(posting))
    hit = _CACHE.get(key)
    if hit is not None and hit.guide is guide and hit.posting is posting:
        _CACHE.move_to_end(key)
        return hit
    lex = base_lexicon().copy()
    _declare(lex, guide, posting)
    index = GuideIndex(guide, posting, lex, build_requirements(guide, posting, lex))
    index.advice = advice_candidates(guide, lex) if guide else []
    _CACHE[key] = index
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return index
