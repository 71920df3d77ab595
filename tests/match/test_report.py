"""Skill-gap report: score, level fit, every requirement with evidence or gap and a next step."""

from __future__ import annotations

import pytest

from tests.documents.test_letter import NAMES, build, docx_paragraphs, pdf_words, words


@pytest.mark.parametrize("name", NAMES)
def test_report_lists_every_requirement(name: str) -> None:
    ctx, _, pdf, data = build("report", name, "clinical-coordinator.txt")
    match = ctx.tailored.match
    paragraphs = docx_paragraphs(data)
    text = "\n".join(paragraphs)
    assert f"{round(match.overall)} / 100" in text
    for req in match.requirements:
        assert req.name in text
    assert text.count("Next step:") == sum(1 for r in match.requirements if r.status != "covered")
    for step in match.next_steps:
        assert step.action in text
    for req in match.requirements:
        quoted = [e for e in req.evidence if e.kind != "title"]
        if quoted:
            assert f"“{quoted[0].text}”" in text
    fit = match.level
    assert f"{fit.years} years" in text and fit.level in text
    if fit.salary and fit.salary.median:
        assert f"${fit.salary.median:,}" in text
    for bad in ("{{", "None", "TODO"):
        assert bad not in text
    assert pdf_words(pdf) == words(text)


def test_report_for_unrelated_profile_shows_gaps() -> None:
    ctx, _, _, data = build("report", "derek-walsh")
    text = "\n".join(docx_paragraphs(data))
    assert text.count("Missing") > 10 and "Gap: nothing in the profile shows this yet." in text


@pytest.mark.parametrize("name", NAMES)
def test_every_gap_has_its_own_next_step(name: str) -> None:
    ctx, *_ = build("report", name, "clinical-coordinator.txt")
    match = ctx.tailored.match
    stepped = {s.requirement_id for s in match.next_steps}
    for req in match.requirements:
        if req.status != "covered" and req.group is None:
            assert req.id in stepped, req.id


def test_format_match_prints_at_most_ten_steps() -> None:
    from appkit.match.report import MAX_STEPS, format_match

    ctx, *_ = build("report", "derek-walsh", "clinical-coordinator.txt")
    match = ctx.tailored.match
    out = format_match(match)
    steps = out.split("\nNext steps\n", 1)[1]
    assert f"  {MAX_STEPS}. " in steps and f"  {MAX_STEPS + 1}. " not in steps
    assert f"… and {len(match.next_steps) - MAX_STEPS} more" in steps
    assert max(len(line) for line in out.splitlines()) <= 100
