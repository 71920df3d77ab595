"""Postings as they are scraped: CSV rows, one paragraph, glued headings, boilerplate, preferred
items, O*NET skills, and the warning when a posting yields almost nothing."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from appkit.cli import cli
from appkit.errors import InputError
from appkit.guide.posting import load_posting, parse_posting_text
from appkit.match.engine import match_profile
from appkit.profile.load import load_profile

ROOT = Path(__file__).resolve().parents[2]
MARIA = ROOT / "profiles" / "maria-santos.yaml"
GLUED = (
    "Acme Health is seeking a Billing Specialist to join our team.ResponsibilitiesPreparing "
    "claims for payers daily.•Submit claims to insurance carriers.•Verify insurance eligibility "
    "and benefits.RequirementsBachelor's degree in business or a related field.Two years of "
    "medical billing experience.Experience with Epic is a plus.BenefitsMedical, dental and vision "
    "insurance.401(k) with match.Acme Health is an equal opportunity employer."
)


def _write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_glued_headings_bullets_and_benefits_word_in_a_duty() -> None:
    posting = parse_posting_text(GLUED)
    assert posting.title == "Billing Specialist" and posting.company == "Acme Health"
    assert posting.responsibilities == [
        "Preparing claims for payers daily.",
        "Submit claims to insurance carriers.",
        "Verify insurance eligibility and benefits.",
    ]
    assert posting.qualifications == [
        "Bachelor's degree in business or a related field.",
        "Two years of medical billing experience.",
    ]
    assert posting.preferred == ["Experience with Epic is a plus."]
    assert "401(k) with match." in posting.compensation
    items = " ".join([*posting.responsibilities, *posting.qualifications, *posting.preferred])
    assert "equal opportunity" not in items and "dental" not in items


DUTY = "Review vendor contracts and flag risks in detail"
ASK = "Three years of contract review experience"


@pytest.mark.parametrize(
    ("heading", "kind", "item"),
    [
        ("What You Will Be Doing", "responsibilities", DUTY),
        ("Primary Job Responsibilities:", "responsibilities", DUTY),
        ("What We Are Looking For", "qualifications", ASK),
        ("Who You Are", "qualifications", ASK),
        ("Nice to Have", "preferred", ASK),
        ("ResponsibilitiesReview vendor contracts", "responsibilities", "and flag risks in detail"),
    ],
)
def test_heading_vocabulary(heading: str, kind: str, item: str) -> None:
    text = f"Job Title: Analyst\n{heading}\n- {item}\n"
    if heading.startswith("Responsibilities"):  # glued to its first item, no line break
        text = f"Job Title: Analyst\n{heading} {item}\n"
        item = f"Review vendor contracts {item}"
    posting = parse_posting_text(text)
    assert getattr(posting, kind) == [item]


def test_boilerplate_stays_out_of_requirements() -> None:
    text = "\n".join(
        [
            "Job Title: Medical Receptionist",
            "Requirements:",
            "- One year of front desk experience in a clinic",
            "- Must be able to lift 25 pounds and stand for long periods",
            "- Proof of COVID-19 vaccination is required",
            "- We use cookies to improve your experience on our site",
            "- To apply, send your resume to jobs@example.com",
            "- Pay range: $18 - $22 per hour",
            "- Candidates must be authorized to work in the United States",
        ]
    )
    posting = parse_posting_text(text)
    assert posting.qualifications == ["One year of front desk experience in a clinic"]
    assert posting.compensation == ["Pay range: $18 - $22 per hour"]


def test_required_and_preferred_are_split() -> None:
    text = (
        "Title: Data Analyst\nQualifications\n"
        "- Extensive SQL experience, preferably in healthcare\n"
        "- Bachelor's degree required; master's degree preferred\n"
        "- Tableau is a nice to have\n- Bonus: Python\n- Ideally some dbt exposure\n"
    )
    posting = parse_posting_text(text)
    assert posting.qualifications == ["Extensive SQL experience", "Bachelor's degree required"]
    assert posting.preferred == [
        "preferably in healthcare",
        "master's degree preferred",
        "Tableau is a nice to have",
        "Python",
        "Ideally some dbt exposure",
    ]


def test_single_paragraph_posting_never_reaches_pydantic() -> None:
    sentence = "Maintain patient records and schedule follow-up visits with care. "
    text = "Clinic staff needed " + sentence * 900  # ~60,000 characters, no line break
    posting = parse_posting_text(text, title="Medical Assistant")
    assert posting.title == "Medical Assistant"
    assert posting.responsibilities  # duplicates folded, nothing too long for the model
    assert all(len(r) <= 1000 for r in posting.responsibilities)
    with pytest.raises(InputError, match="no job title found.*--job-title"):
        parse_posting_text(sentence * 50)


def test_software_skills_from_the_onet_vocabulary() -> None:
    text = (
        "Job Title: Backend Engineer\nRequirements:\n"
        "- 3+ years building services in Java or C++ on Amazon Web Services\n"
        "- Strong SQL and Docker; you excel at code review\n- Some VueJS on the front end\n"
    )
    skills = parse_posting_text(text).skills
    for name in ("Java", "C++", "Amazon Web Services", "SQL", "Docker", "VueJS"):
        assert name in skills, skills
    assert "excel" not in [s.casefold() for s in skills]  # "excel at" is not Excel


def test_csv_source_with_column_variants(tmp_path: Path) -> None:
    path = _write_csv(
        tmp_path / "postings.csv",
        [
            {
                "id": "101",
                "job_title": "Billing Specialist II",
                "company": "Confidential",
                "job_description": GLUED,
                "skills": "Epic, Excel, ICD-10 coding",
            },
            {"id": "202", "job_title": "Nurse", "company": "Mercy", "job_description": "x"},
        ],
    )
    posting = load_posting(path, posting_id="101")
    assert posting.title == "Billing Specialist II"  # the column wins over the text
    assert posting.company == "Acme Health"  # "Confidential" is no name: the text's is used
    assert {"Epic", "Excel"} <= set(posting.skills)
    assert posting.source == f"{path}#101"
    override = load_posting(path, posting_id="101", title="Coder", company="Acme")
    assert (override.title, override.company) == ("Coder", "Acme")
    with pytest.raises(InputError, match=r"no posting with id '102'.*nearest ids: 101, 202"):
        load_posting(path, posting_id="102")
    with pytest.raises(InputError, match="choose one with --posting-id"):
        load_posting(path)


def test_preferred_weighs_less_and_either_alternative_satisfies(tmp_path: Path) -> None:
    text = (
        "Job Title: Clinic Coordinator\nRequirements:\n"
        "- Scheduling in Cerner, Epic or a similar EHR system\n"
        "- Meditech experience is a plus\n- Two years of front desk work in a clinic\n"
    )
    posting = parse_posting_text(text)
    result = match_profile(load_profile(MARIA), None, posting)
    preferred = result.get("posting.preferred[0]")
    required = result.get("posting.qualifications[0]")
    assert preferred.weight == 1.5 and required.weight == 3.0
    assert required.status == "covered"  # Maria has Epic, not Cerner: either one is enough
    assert result.warnings == []


def test_a_posting_that_yields_almost_nothing_warns(tmp_path: Path) -> None:
    posting = parse_posting_text("Job Title: Helper\nGreat team, great place.\n")
    assert posting.warnings and "yielded no requirements" in posting.warnings[0]
    result = match_profile(load_profile(MARIA), None, posting)
    assert result.warnings == posting.warnings
    path = tmp_path / "thin.txt"
    path.write_text("We are a friendly clinic in Ohio.\n", encoding="utf-8")
    code, out, err = _run(
        "match", str(MARIA), "--posting", str(path), "--job-title", "Front Desk", "--json"
    )
    assert code == 0, err
    assert err.count("warning:") == 1 and "requirement" in err
    data = json.loads(out)
    assert data["target_title"] == "Front Desk" and data["warnings"]


def test_cli_posting_id_and_guide_show(tmp_path: Path) -> None:
    path = _write_csv(
        tmp_path / "jobs.csv",
        [{"job_id": "7", "title": "Billing Specialist", "company_name": "", "description": GLUED}],
    )
    code, out, err = _run("guide", "show", "--posting", str(path), "--posting-id", "7")
    assert code == 0, err
    assert "Billing Specialist" in out and "Preferred (1)" in out and "Pay and benefits" in out
    code, _, err = _run("match", str(MARIA), "--posting", str(path), "--posting-id", "8")
    assert code == 1 and "no posting with id '8'" in err and "7" in err
    assert "Traceback" not in err
    code, out, err = _run(
        "match", str(MARIA), "-g", "clinical-coordinator", "--posting", str(path),
        "--posting-id", "7", "--company", "Acme Billing",
    )  # fmt: skip
    assert code == 0, err
    assert out.startswith("Match for Billing Specialist at Acme Billing")


@pytest.mark.parametrize(
    ("text", "title", "company"),
    [
        (
            "🚀 Join the fastest-growing team in town! 🚀\nCompany Description\n"
            "Bright Path Academy is a K-8 charter school in Mesa, Arizona.\nRole Description\n"
            "This is a full-time on-site role for a 4th Grade Teacher at Bright Path Academy in "
            "Mesa, AZ. The 4th Grade Teacher will plan and deliver daily lessons.",
            "4th Grade Teacher",
            "Bright Path Academy",
        ),
        (
            "Middle School Math TeacherFull-time, 10-month position starting August 2025"
            "ResponsibilitiesTeach four sections of 7th grade math."
            "About UsLincoln Prep is a public charter school.",
            "Middle School Math Teacher",
            "Lincoln Prep",
        ),
        (
            "Northwind Analytics · Austin, TX (Hybrid)\nAbout the job\nWe're hiring a Senior "
            "Backend Engineer to scale our data platform.",
            "Senior Backend Engineer",
            "Northwind Analytics",
        ),
        (
            "Summary\nThe Federation has created a new position – Director, Finance Systems – to "
            "lead the migration.\nAbout Harbor Federation\nWe serve the region.",
            "Director, Finance Systems",
            "Harbor Federation",
        ),
    ],
)
def test_title_and_company_from_the_text_alone(text: str, title: str, company: str) -> None:
    posting = parse_posting_text(text)
    assert (posting.title, posting.company) == (title, company)
