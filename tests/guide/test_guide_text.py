"""The career-guide text parser: the seed, its Markdown and CRLF rewrites, tolerance, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from appkit.errors import InputError
from appkit.guide.library import load_guide
from appkit.guide.model import Guide
from appkit.guide.text import parse_guide_text

DATA = Path(__file__).resolve().parents[1] / "data" / "guides"


@pytest.fixture(scope="module")
def seed() -> Guide:
    return load_guide("clinical-coordinator")


def test_title_summary_and_source(seed: Guide) -> None:
    assert seed.title == "Clinical Coordinator"
    assert seed.summary.startswith("A Clinical Coordinator orchestrates patient care journeys")
    assert seed.summary.endswith("healthcare management and patient advocacy.")
    assert seed.source == "How to Become a Clinical Coordinator: Career Path & Guide | Himalayas"


@pytest.mark.parametrize(
    ("field", "count"),
    [
        ("responsibilities", 7),
        ("education", 5),
        ("technical_skills", 11),
        ("soft_skills", 7),
        ("steps", 7),
        ("salary_levels", 5),
        ("career_levels", 5),
        ("pros", 7),
        ("cons", 7),
        ("faq", 8),
        ("related_careers", 5),
        ("overview", 2),
        ("education_training", 3),
        ("market_commentary", 3),
        ("challenges", 2),
        ("growth_opportunities", 3),
    ],
)
def test_list_counts(seed: Guide, field: str, count: int) -> None:
    assert len(getattr(seed, field)) == count


def test_key_facts(seed: Guide) -> None:
    facts = seed.key_facts
    assert facts.median_salary == 110680
    assert facts.median_salary_source == (
        "U.S. national median for Medical and Health Services Managers, May 2023, BLS"
    )
    assert facts.salary_range is not None and facts.salary_range.startswith(
        "$65k - $160k+ USD (Range for"
    )
    assert facts.growth_outlook == (
        "28% much faster than average (Source: BLS, 2022-2032 projections for Medical and Health "
        "Services Managers)"
    )
    assert facts.annual_openings is not None and facts.annual_openings.startswith(
        "\u224834,500 openings"
    )
    assert facts.top_industries == [
        "Hospitals (State, Local, and Private)",
        "Physicians' Offices",
        "Outpatient Care Centers",
        "Nursing and Residential Care Facilities",
    ]
    assert facts.typical_education is not None
    assert facts.typical_education.endswith("(e.g., as a registered nurse) is highly valued.")


def test_items_are_intact(seed: Guide) -> None:
    assert seed.responsibilities[0] == (
        "Manage patient scheduling and appointment logistics to optimize clinic flow and patient "
        "access to care."
    )
    assert seed.responsibilities[-1].startswith(
        "Assist with patient intake and discharge processes"
    )
    assert seed.education[2] == (
        "Certification as a Medical Administrative Assistant (CMAA) or Certified Clinical Medical "
        "Assistant (CCMA)"
    )
    assert seed.education[-1].endswith("especially in smaller practices")
    assert "Technical Skills" not in seed.education
    assert seed.pros[0].startswith("Making a direct, positive impact on patient care")
    assert seed.cons[-1] == (
        "Navigating complex insurance policies and billing issues is a frequent, stressful task, "
        "as errors can delay patient care or lead to financial discrepancies."
    )
    assert seed.overview[1].startswith("Unlike a Medical Assistant")
    assert seed.work_environment.startswith("Clinical Coordinators typically work in busy")


def test_technical_skills(seed: Guide) -> None:
    ehr = seed.technical_skills[0]
    assert (ehr.name, ehr.acronym, ehr.examples) == (
        "Electronic Health Records Systems Management",
        "EHR",
        ["Epic", "Cerner", "Meditech"],
    )
    office = next(s for s in seed.technical_skills if s.name == "Microsoft Office Suite")
    assert office.examples == ["Word", "Excel", "Outlook"]
    clinical = next(s for s in seed.technical_skills if s.name == "Basic Clinical Skills")
    assert clinical.examples == ["vital signs", "phlebotomy", "EKG for some roles"]
    assert seed.technical_skills[-1].name == "Inventory Management for Clinical Supplies"


def test_soft_skills(seed: Guide) -> None:
    first = seed.soft_skills[0]
    assert first.name == "Organizational Skills"
    assert first.description is not None and first.description.startswith("Essential for managing")
    assert [s.name for s in seed.soft_skills][-3:] == [
        "Empathy and Patience",
        "Adaptability",
        "Team Collaboration",
    ]


def test_tools(seed: Guide) -> None:
    names = [t.name for t in seed.tools]
    for expected in [
        "Epic",
        "Cerner",
        "Meditech",
        "practice management software",
        "secure messaging platforms",
        "VoIP phone systems",
        "Microsoft Office (Word, Excel, Outlook)",
        "scheduling software",
        "patient portal systems",
    ]:
        assert expected in names
    assert seed.tools[0].category == "Electronic Health Record (EHR) systems"
    assert seed.tools_text.startswith("Clinical Coordinators use a variety of software")


def test_steps_salary_and_levels(seed: Guide) -> None:
    assert [s.title for s in seed.steps] == [f"Step {n}" for n in range(1, 8)]
    assert seed.steps[0].text.startswith("Earn a foundational degree")
    assert [(s.level, s.median, s.average) for s in seed.salary_levels] == [
        ("Junior Clinical Coordinator", 55000, 58000),
        ("Clinical Coordinator", 68000, 72000),
        ("Senior Clinical Coordinator", 82000, 85000),
        ("Lead Clinical Coordinator", 95000, 98000),
        ("Clinical Manager", 110000, 115000),
    ]
    assert [(c.title, c.years_min, c.years_max) for c in seed.career_levels] == [
        ("Junior Clinical Coordinator", 0, 2),
        ("Clinical Coordinator", 2, 4),
        ("Senior Clinical Coordinator", 4, 7),
        ("Lead Clinical Coordinator", 7, 10),
        ("Clinical Manager", 10, None),
    ]
    junior = seed.career_levels[0]
    assert junior.description.startswith("Assists senior staff with patient scheduling")
    assert junior.focus_areas.startswith("Develop foundational knowledge of clinical protocols")
    assert "Diversity" not in seed.career_levels[-1].focus_areas


def test_faq_related_and_market(seed: Guide) -> None:
    assert seed.faq[0].question == (
        "What are the essential educational and experience requirements to become a Clinical "
        "Coordinator?"
    )
    assert seed.faq[0].answer.startswith("Becoming a Clinical Coordinator typically requires")
    assert seed.faq[-1].answer.startswith("Remote work opportunities")
    assert [r.title for r in seed.related_careers] == [
        "Clinic Manager",
        "Clinical Director",
        "Clinical Manager",
        "Patient Care Coordinator",
        "Patient Coordinator",
    ]
    assert seed.related_careers[0].description.startswith("A growing field")
    assert seed.challenges[0].startswith("Clinical Coordinator roles face increased competition")
    assert seed.growth_opportunities[-1].startswith("Strategic career moves")
    assert seed.market_commentary[0].startswith("The job market for Clinical Coordinators")


def test_certifications(seed: Guide) -> None:
    certs = {c.acronym: c for c in seed.certifications}
    assert list(certs) == ["CMAA", "CCMA", "CCRC", "CAPM", "PMP"]
    assert certs["CMAA"].name == "Certified Medical Administrative Assistant"
    assert certs["CCMA"].name == "Certified Clinical Medical Assistant"
    assert certs["CCRC"].name == "Certified Clinical Research Coordinator"
    assert certs["PMP"].name == "PMP"
    assert "CAPM or PMP" in certs["PMP"].sentence


def test_marketing_is_dropped(seed: Guide) -> None:
    text = seed.model_dump_json()
    for phrase in [
        "View examples",
        "Assess your readiness",
        "Himalayas Plus",
        "Sign up",
        "Skills Gap Analysis",
        "Explore career guide",
        "National Black Nurses",
        "Global Salaries",
        "IELTS",
    ]:
        assert phrase not in text


@pytest.mark.parametrize("variant", ["clinical-coordinator.md", "clinical-coordinator-crlf.txt"])
def test_variants_equal_the_seed(seed: Guide, variant: str) -> None:
    assert b"\r\n" in (DATA / variant).read_bytes() or variant.endswith(".md")
    other = load_guide(DATA / variant)
    assert other.model_dump(exclude={"source"}) == seed.model_dump(exclude={"source"})
    assert other.model_copy(update={"source": seed.source}) == seed


SMALL = """\
Respiratory Therapist Career Guide

Respiratory therapists help patients breathe.

SOFT SKILLS:
* Patience: Needed with anxious patients.
* Teamwork

Responsibilities
1. Assess patients' breathing.
2) Run ventilators
   and monitor patients on them.

Key Facts
Median Salary: $77,960
Top Industries
1. Hospitals

Career Path
Respiratory Therapist
3+ years
Treats patients.
"""


def test_tolerant_order_bullets_and_missing_sections() -> None:
    guide = parse_guide_text(SMALL.replace("\n", "\r\n").replace("   ", "\t"))
    assert guide.title == "Respiratory Therapist"
    assert guide.responsibilities == [
        "Assess patients' breathing.",
        "Run ventilators and monitor patients on them.",
    ]
    assert [(s.name, s.description) for s in guide.soft_skills] == [
        ("Patience", "Needed with anxious patients."),
        ("Teamwork", None),
    ]
    assert guide.key_facts.median_salary == 77960
    assert guide.key_facts.top_industries == ["Hospitals"]
    assert [(c.title, c.years_min, c.years_max, c.focus_areas) for c in guide.career_levels] == [
        ("Respiratory Therapist", 3, None, ""),
    ]
    assert (
        guide.technical_skills == [] and guide.faq == [] and guide.steps == [] and guide.tools == []
    )


def test_markdown_bold_names_and_headings() -> None:
    text = (
        "# Medical Scribe\n\nScribes document visits.\n\n"
        "## Duties\n\n- Chart visits in real time.\n\n"
        "## Technical Skills\n\n- **Medical Terminology**\n- Electronic Medical Records (EMR)\n\n"
        "## Soft Skills\n\n- **Listening**: Hearing the whole story.\n"
    )
    guide = parse_guide_text(text)
    assert guide.title == "Medical Scribe"
    assert guide.summary == "Scribes document visits."
    assert [(s.name, s.acronym) for s in guide.technical_skills] == [
        ("Medical Terminology", None),
        ("Electronic Medical Records", "EMR"),
    ]
    assert guide.soft_skills[0].description == "Hearing the whole story."


def test_missing_sections_are_all_reported() -> None:
    with pytest.raises(InputError) as info:
        parse_guide_text("Just some text.\n\nWork Environment\n\nAn office.\n", file="bad.txt")
    problems = info.value.problems
    assert [p.where for p in problems] == ["title", "responsibilities"]
    assert all(p.file == "bad.txt" for p in problems)
    assert str(problems[0]).startswith("bad.txt: title: no title found")
    assert "no responsibilities or skills found" in problems[1].message
    assert "work environment" in problems[1].message  # what the page did have


def test_title_alone_is_not_a_guide(tmp_path: Path) -> None:
    path = tmp_path / "g.txt"
    path.write_text("Porter Career Guide\n\nWork Environment\n\nA hospital.\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_guide(path)
    assert [p.where for p in info.value.problems] == ["responsibilities"]
    assert info.value.problems[0].file == str(path)


def test_responsibilities_or_skills_are_enough(tmp_path: Path) -> None:
    duties = tmp_path / "duties.txt"
    duties.write_text("Porter Career Guide\n\nKey Responsibilities\n- Move patients.\n")
    guide = load_guide(duties)
    assert (guide.responsibilities, guide.technical_skills, guide.soft_skills) == (
        ["Move patients."],
        [],
        [],
    )
    skills = tmp_path / "skills.md"
    skills.write_text("# Porter\n\n## Skills\n\n- Lifting (safe handling)\n- Patience\n")
    guide = load_guide(skills)
    assert guide.responsibilities == []
    assert [s.name for s in guide.technical_skills] == ["Lifting"]
    assert [s.name for s in guide.soft_skills] == ["Patience"]
