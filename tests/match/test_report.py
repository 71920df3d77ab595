"""Skill-gap report: score, level fit, every requirement with evidence or gap and a next step."""

from __future__ import annotations

import pytest

from tests.documents.test_letter import NAMES, build, docx_paragraphs, pdf_words, words


@pytest.mark.parametrize("name", NAMES)
def test_report_shows_every_gap_and_every_covered_requirement(name: str) -> None:
    ctx, _, pdf, data = build("report", name, "clinical-coordinator.txt")
    match = ctx.tailored.match
    report = match.gap_report
    text = "\n".join(docx_paragraphs(data))
    assert f"{round(match.overall)} / 100" in text
    assert len(report.top) + len(report.rest) == len(match.next_steps)
    for row in [*report.top, *report.rest]:
        assert row.name in text
        assert row.action in text or row.same_as
    for row in report.covered:
        assert row.name in text and (not row.evidence or f"“{row.evidence}”" in text)
    fit = match.level
    assert f"{fit.total_years} years" in text and fit.level in text
    if fit.salary and fit.salary.median:
        assert f"${fit.salary.median:,}" in text
    for bad in ("{{", "None", "TODO", "Gap: nothing in the profile"):
        assert bad not in text
    assert pdf_words(pdf) == words(text)


def test_report_for_unrelated_profile_shows_gaps() -> None:
    ctx, _, _, data = build("report", "derek-walsh")
    text = "\n".join(docx_paragraphs(data))
    assert text.count("Missing") > 10 and "Top 5 Gaps" in text


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
    steps = out.split("\nNext steps", 1)[1]
    assert f"  {MAX_STEPS}. " in steps and f"  {MAX_STEPS + 1}. " not in steps
    assert f"… and {len(match.next_steps) - MAX_STEPS} more" in steps
    assert max(len(line) for line in out.splitlines()) <= 100
    assert "from steps[" not in out and "Step 1:" not in out
