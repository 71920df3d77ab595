"""Postings whose line breaks were lost: headings and dash bullets inline in one paragraph."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from appkit.guide.model import Posting
from appkit.guide.posting import load_posting, parse_posting_text

POSTINGS = Path(__file__).resolve().parents[1] / "data" / "postings"
ORIGINALS = sorted(
    p for p in [*POSTINGS.glob("*.txt"), *POSTINGS.glob("*.md")] if p.stem != "README"
)
FLAT = (
    "Bright Dental is hiring a Dental Office Coordinator in Austin, TX. You will be the first "
    "face our patients see. What you'll do - Greet patients and check them in for their visits. "
    "- Schedule cleanings, fillings and follow-up appointments in Dentrix. - Verify dental "
    "insurance benefits before each visit. Requirements - High school diploma or equivalent. "
    "- 2+ years of experience in a dental or medical front office. - Working knowledge of "
    "Microsoft Excel and Excel pivot tables. Experience with Dentrix is a plus. Benefits - Paid "
    "time off - Dental care for you and your family Pay range: $40,000 - $48,000 per year. "
    "Office hours are Monday - Friday, 8 am - 5 pm."
)


def _flatten(text: str) -> str:
    """One paragraph: Markdown marks gone, every list item introduced by ' - '."""
    lines = []
    for line in text.splitlines():
        line = re.sub(r"\*\*|__", "", line.strip()).lstrip("#").strip()
        line = re.sub(r"^(?:[-*•]|\d+[.)])\s+", "- ", line)
        if line:
            lines.append(line)
    return " ".join(lines)


def _found(expected: list[str], got: list[str]) -> int:
    return sum(
        any(fuzz.token_set_ratio(e, g, processor=default_process) >= 90 for g in got)
        for e in expected
    )


def _items(posting: Posting) -> list[str]:
    return [*posting.responsibilities, *posting.qualifications, *posting.preferred]


@pytest.mark.parametrize("path", ORIGINALS, ids=lambda p: p.name)
def test_a_flattened_posting_gives_the_items_of_the_original(path: Path) -> None:
    original = load_posting(path)
    flat = parse_posting_text(
        _flatten(path.read_text(encoding="utf-8")), "flat.txt", fallback_title="Flat"
    )
    for field in ("responsibilities", "qualifications", "preferred"):
        expected = getattr(original, field)
        got = getattr(flat, field)
        assert _found(expected, got) >= len(expected) - 1, (field, expected, got)
    assert len(flat.responsibilities) >= 3 and len(flat.qualifications) >= 2
    for item in _items(flat):  # no two bullets glued into one item
        assert not re.search(r"\s-\s+[A-Z0-9]", item), item
    assert (
        set(original.skills) - set(flat.skills) <= {"BLS", "HIPAA"}
        or len(set(original.skills) & set(flat.skills)) >= len(original.skills) - 2
    )


@pytest.mark.parametrize("path", ORIGINALS, ids=lambda p: p.name)
def test_a_flattened_posting_describes_only_its_overview(path: Path) -> None:
    flat = parse_posting_text(
        _flatten(path.read_text(encoding="utf-8")), "flat.txt", fallback_title="Flat"
    )
    assert flat.description
    for item in _items(flat):
        assert item not in flat.description


def test_inline_headings_and_dash_bullets_split_into_sections() -> None:
    posting = parse_posting_text(FLAT, "flat.txt")
    duties = posting.responsibilities
    assert duties[0] == "Greet patients and check them in for their visits."
    assert _found(["Schedule cleanings", "Verify dental insurance benefits"], duties) == 2
    assert "High school diploma or equivalent." in posting.qualifications
    assert "2+ years of experience in a dental or medical front office." in posting.qualifications
    assert posting.preferred == ["Experience with Dentrix is a plus."]
    assert "What you'll do" not in posting.description
    assert posting.description.startswith("Bright Dental is hiring")
    assert not any("Greet patients" in d for d in [posting.description])


def test_ranges_and_hyphenated_words_are_not_bullets() -> None:
    posting = parse_posting_text(FLAT, "flat.txt")
    pay = [c for c in posting.compensation if "$40,000" in c]
    assert pay and "$48,000" in pay[0]
    assert any("follow-up appointments" in d for d in posting.responsibilities)
    assert not any(i.startswith(("Friday", "5 pm", "$48,000")) for i in _items(posting))


def test_a_product_is_listed_once_and_plain_english_is_no_product() -> None:
    skills = parse_posting_text(FLAT, "flat.txt").skills
    assert "Microsoft Excel" in skills
    assert "Excel" not in skills
    assert "front office" not in [s.casefold() for s in skills]
    text = "Job Title: Receptionist\nResponsibilities:\n- Staff the front desk and answer phones.\n"
    assert "front desk" not in [s.casefold() for s in parse_posting_text(text, "x.txt").skills]


def test_a_line_without_dash_bullets_is_left_alone() -> None:
    text = (
        "Job Title: Driver\nWe run deliveries Monday - Friday across the county - and we pay "
        "well for careful drivers who know the roads, keep their vehicles clean and look after "
        "our customers every single day of the week. Drive a company van on set routes.\n"
    )
    posting = parse_posting_text(text, "x.txt")
    assert "Monday - Friday" in posting.description


@pytest.mark.parametrize("dash", [" - ", " – "])
def test_dash_bullets_without_full_stops_still_split(dash: str) -> None:
    path = POSTINGS / "clinical-coordinator.txt"
    original = load_posting(path)
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("- "):
            line = dash.strip() + " " + line[2:].rstrip(".")
        if line:
            lines.append(line)
    flat = parse_posting_text(" ".join(lines), "flat.txt", fallback_title="Flat")
    assert _found(original.responsibilities, flat.responsibilities) == 8
    assert _found(original.preferred, flat.preferred) == len(original.preferred)
    assert _found(original.qualifications[:2], flat.qualifications) == 2
    assert flat.company == "Riverbend Community Health"  # "... Coordinator Company: Riverbend"
    for item in _items(flat):
        assert not re.search(r"\s[-–]\s+[A-Z0-9]", item), item


def test_en_dash_lists_after_inline_headings() -> None:
    text = (
        "Senior Accountant Key Responsibilities – Prepare monthly journal entries and "
        "reconciliations – Lead the year-end audit with external auditors – Maintain fixed asset "
        "schedules Requirements – CPA preferred – 5+ years of public or private accounting "
        "experience – Advanced Excel skills including pivot tables and VLOOKUP Benefits – "
        "Medical, dental, vision – 401(k) match"
    )
    posting = parse_posting_text(text, "flat.txt")
    assert posting.title == "Senior Accountant"
    assert posting.responsibilities == [
        "Prepare monthly journal entries and reconciliations",
        "Lead the year-end audit with external auditors",
        "Maintain fixed asset schedules",
    ]
    assert posting.preferred == ["CPA preferred"]
    assert len(posting.qualifications) == 2
    assert "401(k) match" in posting.compensation
