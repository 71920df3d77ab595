"""Interview prep for every kind of guide, in the document's spelling (issue 14, item 4).

An O*NET occupation's basic and social skills ("Active Listening", "Service Orientation") are
behavioural questions with STAR scaffolds, not technical questions; an en-GB sheet and gap report
spell every sentence appkit wrote the British way, while the candidate's quoted bullets stay as
written.
"""

from __future__ import annotations

import pytest

from appkit.documents.locale import foreign_spellings
from appkit.documents.prep import PrepSheet, compose_prep
from appkit.documents.tailor import tailor
from appkit.documents.target import resolve_target
from appkit.guide.library import load_guide
from appkit.guide.onetskills import SOFT
from appkit.match.caps import MAX_SOFT_SKILLS
from tests.documents.test_letter import NAMES, guide, profile


def _prep(name: str, guide_name: str | None = None, locale: str = "en-US") -> PrepSheet:
    prof = profile(name)
    g = load_guide(guide_name) if guide_name else guide()
    t = tailor(prof, g)
    target = resolve_target(t, g, None, locale=locale)  # type: ignore[arg-type]
    return compose_prep(prof, t, t.match, g, target=target)


def _written(prep: PrepSheet) -> list[str]:
    """Every sentence the sheet wrote itself (not the candidate's quotes, not the guide's FAQ)."""
    out = [q.prompt for q in prep.behavioural] + [q.prepare for q in prep.behavioural]
    out += [q.question for q in prep.technical] + [q.prepare or "" for q in prep.technical]
    out += [t.question for t in prep.challenges] + prep.ask + [g.action for g in prep.gaps]
    return out


def test_onet_social_skills_are_behavioural_questions() -> None:
    prep = _prep("derek-walsh", "retail store manager")
    skills = [q.skill for q in prep.behavioural]
    assert 3 <= len(skills) <= MAX_SOFT_SKILLS
    assert set(skills) <= set(SOFT)
    assert not {q.name for q in prep.technical} & set(SOFT)  # never asked as technical
    assert all("showed" not in q.prompt for q in prep.behavioural)  # a real prompt for each
    told = [q for q in prep.behavioural if q.evidence is not None]
    assert told, "the store manager's bullets show some of the role's social skills"
    service = next(q for q in prep.behavioural if q.skill == "Service Orientation")
    assert service.evidence is not None and "customer" in service.evidence.text.lower()


def test_prompts_fit_any_field() -> None:
    prep = _prep("derek-walsh", "retail store manager")
    assert not any("patient" in q.prompt for q in prep.behavioural)


@pytest.mark.parametrize("name", NAMES)
def test_an_en_gb_sheet_spells_what_it_wrote_the_british_way(name: str) -> None:
    prep = _prep(name, locale="en-GB")
    assert prep.locale == "en-GB"
    for text in _written(prep):
        assert not foreign_spellings(text, "en-GB"), text
    us = _prep(name)
    for text in _written(us):
        assert not foreign_spellings(text, "en-US"), text


def test_en_gb_changes_the_words_not_the_quotes() -> None:
    gb, us = _prep("linda-chen", locale="en-GB"), _prep("linda-chen")
    prompts = {q.skill: q.prompt for q in gb.behavioural}
    assert any("organised" in p for p in prompts.values())
    assert [q.evidence for q in gb.behavioural] == [q.evidence for q in us.behavioural]


@pytest.mark.parametrize("name", NAMES)
def test_technical_prep_quotes_guide_sentences_that_stand_alone(name: str) -> None:
    """'They also utilize ...' leans on a sentence the sheet does not show: never quoted alone."""
    prep = _prep(name)
    for q in prep.technical:
        first = (q.prepare or "x").split()[0]
        assert first not in {"They", "It", "This", "These", "Also"}, q.prepare
