"""Job postings: plain text, Markdown and JSON Resume jobs, with glued sentences and boilerplate."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from appkit.errors import InputError
from appkit.guide.library import load_guide
from appkit.guide.posting import describe_posting, is_boilerplate, load_posting, parse_posting_text

DATA = Path(__file__).resolve().parents[1] / "data" / "postings"
SAMPLE_JOB = DATA / "sample.job.json"
BOILERPLATE_WORDS = [
    "equal opportunity",
    "veteran",
    "disability",
    "401(k)",
    "dental",
    "paid time off",
    "race",
    "benefit",
    "$52,000",
    "accommodation",
]


def _no_boilerplate(values: list[str]) -> None:
    for value in values:
        for word in BOILERPLATE_WORDS:
            assert word not in value.lower(), (word, value)


def test_plain_text_posting() -> None:
    posting = load_posting(DATA / "clinical-coordinator.txt")
    assert posting.title == "Clinical Coordinator"
    assert posting.company == "Riverbend Community Health"
    assert posting.location == "Dayton, OH (on-site)"
    assert posting.description.startswith(
        "Riverbend Community Health is hiring a Clinical Coordinator"
    )
    assert "clinic. You will keep" in posting.description  # glued sentence split and re-joined
    assert posting.responsibilities[:2] == [
        "Schedule patient appointments, diagnostic tests and specialist referrals in Epic.",
        "Confirm insurance eligibility and obtain prior authorizations before each visit.",
    ]
    assert "Coordinate care delivery." in posting.responsibilities
    assert (
        "Educate patients on pre-visit preparation and follow-up instructions."
        in posting.responsibilities
    )
    assert len(posting.responsibilities) == 8
    assert "Experience as a medical assistant is a plus." in posting.preferred
    assert "CCMA or CMAA certification preferred." in posting.preferred
    assert len(posting.qualifications) == 4  # the Skills list is asked for too
    assert posting.qualifications[-1].startswith("EHR (Epic or Cerner), medical terminology")
    for skill in [
        "EHR",
        "Epic",
        "Cerner",
        "medical terminology",
        "insurance verification",
        "Microsoft Office",
        "HIPAA",
        "Microsoft Excel",
        "BLS",
    ]:
        assert skill in posting.skills
    assert "Excel" not in posting.skills  # the same product as "Microsoft Excel"
    assert "front desk" not in posting.skills  # English, not the product "Front Desk"
    _no_boilerplate(
        [*posting.skills, *posting.responsibilities, *posting.qualifications, posting.description]
    )


def test_guide_vocabulary_adds_terms() -> None:
    guide = load_guide("clinical-coordinator")
    posting = load_posting(DATA / "clinical-coordinator.txt", vocabulary=guide)
    assert {"CMAA", "CCMA"} <= set(posting.skills)
    assert "CMAA" not in load_posting(DATA / "clinical-coordinator.txt").skills
    _no_boilerplate(posting.skills)


def test_markdown_posting() -> None:
    posting = load_posting(DATA / "patient-care-coordinator.md")
    assert (posting.title, posting.company, posting.location) == (
        "Patient Care Coordinator",
        "Lakeside Family Medicine",
        "Madison, WI (hybrid)",
    )
    assert posting.description.startswith("Our Patient Care Coordinator keeps referrals")
    assert "physician-owned" not in posting.description  # 'About us' is boilerplate
    assert len(posting.responsibilities) == 5
    assert "Document every call in the EHR." in posting.responsibilities
    assert posting.qualifications[0].startswith("High school diploma required")
    assert posting.skills[:3] == ["eClinicalWorks", "Scheduling software", "Customer service"]
    assert {"EHR", "telehealth", "care coordination", "prior authorization"} <= set(posting.skills)
    _no_boilerplate([*posting.skills, *posting.responsibilities, *posting.qualifications])


def test_json_resume_job() -> None:
    posting = load_posting(SAMPLE_JOB)
    assert posting.title == "Web Developer"
    assert posting.company == "Microsoft"
    assert posting.location == "Berlin, DE (Hybrid)"
    assert posting.source == "http://example.com/jobs/web-developer"
    assert posting.description.startswith("We are looking for a skilled Web Developer")
    assert posting.responsibilities[0] == "Develop and maintain web applications"
    assert len(posting.responsibilities) == 4 and len(posting.qualifications) == 3
    assert posting.skills == [
        "HTML",
        "CSS",
        "JavaScript",
        "React",
        "Node.js",
        "SQL",
        "NoSQL",
        "MongoDB",
    ]


def test_json_job_glued_and_boilerplate(tmp_path: Path) -> None:
    path = tmp_path / "job.json"
    path.write_text(
        '{"title": "Clinical Coordinator", "location": "Remote",'
        ' "responsibilities": ["Coordinate care delivery.Educate patients on discharge plans.",'
        ' "We are an equal opportunity employer."],'
        ' "skills": [{"name": "Benefits", "keywords": ["401(k) match"]}, {"name": "EHR"}]}',
        encoding="utf-8",
    )
    posting = load_posting(path)
    assert posting.responsibilities == [
        "Coordinate care delivery.",
        "Educate patients on discharge plans.",
    ]
    assert posting.skills == ["EHR"]
    assert posting.location == "Remote" and posting.company is None


def test_json_errors(tmp_path: Path) -> None:
    path = tmp_path / "job.json"
    path.write_text('{"company": "Acme"}', encoding="utf-8")
    with pytest.raises(InputError, match="title: no job title found.*--job-title"):
        load_posting(path)
    path.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(InputError, match="expected a JSON object"):
        load_posting(path)


def test_title_field_and_crlf(tmp_path: Path) -> None:
    text = "Job Title: Unit Secretary\r\nCompany: Mercy\r\n\r\nDuties:\r\n* Answer call lights.\r\n"
    posting = parse_posting_text(text)
    assert (posting.title, posting.company, posting.responsibilities) == (
        "Unit Secretary",
        "Mercy",
        ["Answer call lights."],
    )
    copy = tmp_path / "p.md"
    shutil.copy(DATA / "patient-care-coordinator.md", copy)
    assert load_posting(copy).title == "Patient Care Coordinator"


def test_missing_title() -> None:
    with pytest.raises(InputError, match="no job title found"):
        parse_posting_text(
            "\n\nWe are hiring a great person to help our patients every day.\n", file="p.txt"
        )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We are an equal opportunity employer.", True),
        ("Medical, dental and vision insurance", True),
        ("Pay range: $52,000 - $64,000 per year", True),
        ("Schedule patient appointments in Epic.", False),
        ("Coordinate care with nurses.", False),
    ],
)
def test_is_boilerplate(text: str, expected: bool) -> None:
    assert is_boilerplate(text) is expected


def test_describe_posting() -> None:
    text = describe_posting(load_posting(DATA / "clinical-coordinator.txt"))
    lines = text.splitlines()
    assert lines[:3] == [
        "Clinical Coordinator",
        "====================",
        "Company: Riverbend Community Health",
    ]
    assert "Responsibilities (8)" in lines and "Qualifications (4)" in lines
    assert "Preferred (2)" in lines and "Pay and benefits (4)" in lines
    assert "  - Coordinate care delivery." in lines
    assert "equal opportunity" not in text
