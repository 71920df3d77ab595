"""The interview-prep sheet is worth reading: STAR stories only from bullets that show the skill,
technical prep specific per tool or grouped, FAQ talking points from the guide's own answers, US
spelling."""

from __future__ import annotations

import io
import re
from functools import cache

import pytest
from pypdf import PdfReader

from appkit.documents.prep import PrepSheet, compose_prep, faq_hint
from appkit.documents.questions import WORDS
from appkit.documents.tailor import tailor
from appkit.match.gaps import PHRASES
from tests.documents.test_letter import NAMES, build, guide, profile

BRITISH = re.compile(r"\b(?:practise[sd]?|behaviour\w*|organis\w+|prioritis\w+|centre)\b", re.I)


@cache
def sheet(name: str, post: str | None = None) -> tuple[PrepSheet, str]:
    ctx, _, pdf, _ = build("interview", name, post)
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())
    return ctx.prep, text


def test_a_dashboard_is_no_story_about_empathy() -> None:
    base = profile("derek-walsh")
    job = base.experience[0].model_copy(
        update={"highlights": ["Built a weekly Tableau dashboard for the regional sales team."]}
    )
    prof = base.model_copy(
        update={"experience": [job], "projects": [], "volunteer": [], "summary": ""}
    )
    g = guide()
    t = tailor(prof, g)
    prep = compose_prep(prof, t, t.match, g)
    by_skill = {q.skill: q for q in prep.behavioural}
    empathy = by_skill["Empathy and Patience"]
    assert empathy.evidence is None and not empathy.matched
    assert "empathy and patience" in empathy.prepare
    assert len(prep.behavioural) == len(g.soft_skills)  # every skill still gets its question


@pytest.mark.parametrize("post", [None, "clinical-coordinator.txt"])
@pytest.mark.parametrize("name", NAMES)
def test_star_stories_come_from_bullets_that_show_the_skill(name: str, post: str | None) -> None:
    prep, text = sheet(name, post)
    for q in prep.behavioural:
        if q.evidence is None:
            assert q.prepare.split(".")[0] in text
        else:
            assert q.matched  # evidenced by the matcher, or carrying a cue word of the skill
            assert f"“{q.evidence.text}”" in " ".join(text.split()) or q.evidence.text[:40] in text


@pytest.mark.parametrize("post", [None, "clinical-coordinator.txt"])
@pytest.mark.parametrize("name", NAMES)
def test_technical_prep_is_specific_or_grouped(name: str, post: str | None) -> None:
    prep, text = sheet(name, post)
    notes = [t.prepare for t in prep.technical if t.prepare]
    assert len(notes) == len(set(notes)), "the same prepare note twice: group those questions"
    assert "then add a bullet that shows it in use" not in text
    assert "Prepare this: Prepare" not in text
    names = " | ".join(t.name for t in prep.technical)
    for skill in guide().technical_skills:
        assert skill.name in names


@pytest.mark.parametrize("name", NAMES)
def test_faq_talking_points_come_from_the_guides_answers(name: str) -> None:
    prep, text = sheet(name)
    answers = {q.question: " ".join(q.answer.split()) for q in guide().faq}
    for point in prep.faq:
        hint = point.hint.rstrip("…")
        assert hint and hint in answers[point.question]
        assert len(hint.split()) >= 16 or re.search(r"\d", hint), hint
        assert hint[:60] in text
    assert "Clinical Coordinators have several pathways for career advancement." not in text


def test_faq_hint_skips_stub_sentences() -> None:
    answer = (
        "There are several pathways. You can progress to senior coordinator roles, clinical "
        "research manager positions, or director-level roles in clinical operations. Short."
    )
    assert faq_hint(answer).startswith("You can progress")
    assert faq_hint("Short one. Another short one.") == "Short one. Another short one."
    assert faq_hint("") == ""


@pytest.mark.parametrize("post", [None, "clinical-coordinator.txt"])
@pytest.mark.parametrize("name", NAMES)
def test_prep_and_report_use_us_spelling(name: str, post: str | None) -> None:
    _, text = sheet(name, post)
    ours = " ".join([*WORDS.values(), *PHRASES.values()])
    assert not BRITISH.search(ours)
    bullets = " ".join(
        h for x in [*profile(name).experience, *profile(name).projects] for h in x.highlights
    )
    for word in BRITISH.findall(text):
        assert word in bullets, f"British spelling {word!r} outside the candidate's own words"
