"""Interview-prep sheet: a STAR question per soft skill quoting real bullets, gaps, salary band."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from appkit.documents.evidence import evidence_point, proper_words, verb_led
from appkit.documents.prep import PrepSheet
from tests.documents.test_letter import NAMES, build, docx_paragraphs, pdf_words, words


def bullets(ctx) -> list[str]:
    prof = ctx.profile
    return [h for x in [*prof.experience, *prof.projects, *prof.volunteer] for h in x.highlights]


@pytest.mark.parametrize("post", [None, "clinical-coordinator.txt"])
@pytest.mark.parametrize("name", NAMES)
def test_prep_sheet_content(name: str, post: str | None) -> None:
    ctx, _, pdf, data = build("interview", name, post)
    prep: PrepSheet = ctx.prep
    guide = ctx.guide
    text = "\n".join(docx_paragraphs(data))
    assert [q.skill for q in prep.behavioural] == [s.name for s in guide.soft_skills]
    assert len(prep.behavioural) == 7
    real = bullets(ctx)
    for q in prep.behavioural:
        assert q.skill in text
        if q.evidence is None:  # no bullet shows it: said honestly, with what to prepare
            assert q.prepare and q.prepare.split(".")[0] in text
        else:
            assert q.evidence.text in real and f"“{q.evidence.text}”" in text
    sources = [q.evidence.source for q in prep.behavioural if q.evidence]
    assert len(set(sources)) == len(sources)
    assert prep.gaps and all(g.requirement in text for g in prep.gaps)
    snap = prep.snapshot
    row = next(s for s in guide.salary_levels if s.level == snap.level)
    assert (snap.salary.median, snap.salary.average) == (row.median, row.average)
    assert f"${row.median:,}" in text
    named = " | ".join(t.name for t in prep.technical)
    assert all(s.name in named for s in guide.technical_skills)
    for t in prep.technical:
        assert t.quotes or t.prepare
    assert len(prep.faq) == len(guide.faq) and prep.challenges and len(prep.ask) >= 4
    for bad in ("{{", "None", "TODO"):
        assert bad not in text
    assert 2 <= len(PdfReader(io.BytesIO(pdf)).pages) <= 4


@pytest.mark.parametrize("name", NAMES)
def test_prep_pdf_and_docx_say_the_same(name: str) -> None:
    _, _, pdf, data = build("interview", name, "patient-care-coordinator.md")
    assert pdf_words(pdf) == words("\n".join(docx_paragraphs(data)))


def test_new_graduate_prep_uses_projects_and_volunteering() -> None:
    ctx, html, _, data = build("interview", "priya-raman")
    prep: PrepSheet = ctx.prep
    assert {q.evidence.kind for q in prep.behavioural if q.evidence} <= {"project", "volunteer"}
    assert prep.snapshot.level == "Junior Clinical Coordinator"
    for heading in (
        "Role Snapshot",
        "Behavioral Questions",
        "Technical Questions",
        "Questions You May Face",
        "Questions to Ask Them",
        "Gaps to Prepare",
    ):
        assert heading in docx_paragraphs(data)


def test_questions_to_ask_use_posting() -> None:
    ctx, *_ = build("interview", "james-okafor", "clinical-coordinator.txt")
    assert any("Riverbend Community Health" in q for q in ctx.prep.ask)
    assert any("The posting says" in q for q in ctx.prep.ask)


@pytest.mark.parametrize("post", [None, "clinical-coordinator.txt"])
@pytest.mark.parametrize("name", NAMES)
def test_behavioural_bullets_come_from_soft_skill_evidence(name: str, post: str | None) -> None:
    ctx, _, _, data = build("interview", name, post)
    match, prep = ctx.tailored.match, ctx.prep
    proper = proper_words(ctx.profile)
    taken = {q.evidence.source for q in prep.behavioural if q.evidence}
    for i, q in enumerate(prep.behavioural):
        req = match.get(f"soft_skills[{i}]")
        if q.evidence is None:
            assert not q.matched and q.prepare
            continue
        points = [evidence_point(ctx.profile, e.ref, proper) for e in req.evidence]
        usable = {p.source for p in points if p and verb_led(p.text)}
        if q.evidenced:
            assert q.matched and q.evidence.source in usable and q.evidence.requirement == q.skill
        else:  # cue words only when every bullet the matcher found serves another question
            assert usable <= taken
    unnamed = sum(1 for q in prep.behavioural if q.evidence and not q.evidenced)
    text = "\n".join(docx_paragraphs(data))
    assert text.count("does not name the skill") == unnamed
    assert text.count("No bullet of yours shows") == sum(
        1 for q in prep.behavioural if not q.evidence
    )


def test_soft_skill_evidence_picks_the_behaviour() -> None:
    ctx, *_ = build("interview", "maria-santos")
    by_skill = {q.skill: q for q in ctx.prep.behavioural}
    assert by_skill["Communication Skills"].evidenced
    assert by_skill["Communication Skills"].evidence.text.startswith("Translated intake forms")
    # Empathy's only evidenced bullet serves Communication, so it falls back to cue words
    assert not by_skill["Empathy and Patience"].evidenced
    ctx, *_ = build("interview", "priya-raman")
    first = ctx.prep.behavioural[1]
    assert first.skill == "Communication Skills" and first.evidenced
    assert first.evidence.text.startswith("Presented results")


def test_prep_sheet_lists_at_most_ten_gaps() -> None:
    from appkit.documents.prep import MAX_GAPS

    ctx, *_ = build("interview", "derek-walsh", "clinical-coordinator.txt")
    match, prep = ctx.tailored.match, ctx.prep
    assert len(match.next_steps) > MAX_GAPS == len(prep.gaps)
    assert prep.gaps[0].action == match.next_steps[0].action.rstrip(".") + "."
    actions = [g.action for g in prep.gaps if not g.action.startswith("the same step as")]
    assert len(actions) == len(set(actions))  # a step is written once, then referred to
    assert prep.more_gaps == sum(1 for r in match.requirements if r.status != "covered") - MAX_GAPS
