"""Evidence that holds up (issue 14): the repro cases of false and missed evidence.

Each test builds a tiny profile and guide (or uses the built-in Clinical Coordinator guide) and
checks the status a careful reader would give.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from appkit.guide.library import load_guide
from appkit.guide.model import Guide, Posting
from appkit.match.engine import match_profile
from appkit.match.models import MatchResult
from appkit.profile.model import Profile

TODAY = date(2026, 1, 1)


def profile(
    bullets: list[str] = (),  # type: ignore[assignment]
    skills: list[str] | None = None,
    **extra: Any,
) -> Profile:
    data: dict[str, Any] = {
        "basics": {"name": "Test Person"},
        "experience": [
            {"title": "Engineer", "organization": "Acme", "start": "2024-06", "highlights": bullets}
        ],
        **extra,
    }
    if skills:
        data["skills"] = [{"group": "Skills", "items": skills}]
    return Profile.model_validate(data)


def guide(**fields: Any) -> Guide:
    return Guide.model_validate({"title": "Test Role", "responsibilities": ["Work."], **fields})


def status(result: MatchResult, rid: str) -> str:
    return result.get(rid).status


@pytest.fixture(scope="module")
def clinical() -> Guide:
    return load_guide("clinical-coordinator")


def test_a_library_called_emotion_shows_no_empathy() -> None:
    g = guide(soft_skills=[{"name": "Empathy and Patience"}])
    p = profile(["Migration of the component library from Sass to emotion."], skills=["emotion"])
    assert status(match_profile(p, g, today=TODAY), "soft_skills[0]") == "missing"


def test_a_soft_skill_named_only_in_a_skills_list_is_missing() -> None:
    g = guide(soft_skills=[{"name": "Empathy"}, {"name": "Teamwork"}])
    named = match_profile(profile(["Built dashboards."], skills=["Empathy"]), g, today=TODAY)
    assert status(named, "soft_skills[0]") == "missing"
    shown = match_profile(
        profile(["Comforted anxious families while they waited for news."]), g, today=TODAY
    )
    assert status(shown, "soft_skills[0]") == "covered"
    assert status(shown, "soft_skills[1]") == "missing"


def test_ecs_is_neither_ec2_nor_cloudformation() -> None:
    g = guide(
        tools=[{"name": "Amazon EC2"}, {"name": "AWS CloudFormation"}],
        technical_skills=[{"name": "Infrastructure as Code"}],
    )
    p = profile(["Deployed the Node.js service to AWS ECS with Fargate and Terraform."])
    result = match_profile(p, g, today=TODAY)
    assert status(result, "tools[0]") != "covered"
    assert status(result, "tools[1]") != "covered"


def test_employee_of_the_year_is_not_years_of_experience() -> None:
    g = guide(education=["4+ years of experience in software development"])
    p = profile(["Wrote unit tests."], awards=[{"title": "Employee of the Year", "date": "2025"}])
    req = match_profile(p, g, today=TODAY).get("education[0]")
    assert req.status == "missing"
    assert all(e.kind != "award" for e in req.evidence)


def test_bachelor_of_science_is_not_the_skill_science() -> None:
    g = guide(technical_skills=[{"name": "Science", "importance": 3.5}])
    p = profile(
        ["Answered customer calls."],
        education=[{"institution": "State U", "degree": "Bachelor of Science in Chemistry"}],
    )
    assert status(match_profile(p, g, today=TODAY), "technical_skills[0]") == "missing"


def test_scheduling_words_are_not_scheduling_software(clinical: Guide) -> None:
    p = profile(
        [
            "Lead developer of the dispatcher dashboard (React, TypeScript) used for tasking,"
            " scheduling and route changes."
        ],
        projects=[{"name": "Shelf", "description": "An iOS app that lists the books on a shelf."}],
    )
    result = match_profile(p, clinical, today=TODAY)
    scheduling = [r for r in result.requirements if "scheduling software" in r.text.lower()]
    assert scheduling and all(r.status != "covered" for r in scheduling)


def test_google_oauth_registration_is_not_registration_software(clinical: Guide) -> None:
    p = profile(["Sign-up and registration flow with Google OAuth, raising sign-ups by 18%."])
    result = match_profile(p, clinical, today=TODAY)
    registration = [r for r in result.requirements if "registration" in r.text.lower()]
    assert registration and all(r.status != "covered" for r in registration)


def test_a_named_product_shows_its_kind() -> None:
    g = guide(
        tools=[
            {"name": "practice management software"},
            {"name": "VoIP phone systems"},
            {"name": "workforce scheduling software"},
        ],
        technical_skills=[{"name": "SQL Databases"}],
    )
    p = profile(["Built the weekly staff schedule."], skills=["WebPT", "RingCentral", "PostgreSQL"])
    result = match_profile(p, g, today=TODAY)
    assert status(result, "tools[0]") == "covered"
    assert status(result, "tools[1]") == "covered"
    assert status(result, "technical_skills[0]") == "covered"
    # a bullet about schedules names no product: partial at most
    assert status(result, "tools[2]") != "covered"
    assert "WebPT" in result.get("tools[0]").evidence[0].matched


def test_webpt_satisfies_webpt_or_similar() -> None:
    posting = Posting(title="Front Desk", qualifications=["Experience with WebPT or similar EMR"])
    result = match_profile(profile(["Front desk."], skills=["WebPT"]), None, posting, today=TODAY)
    assert status(result, "posting.qualifications[0]") == "covered"


def test_french_satisfies_spanish_or_french() -> None:
    g = guide(technical_skills=[{"name": "Bilingual Spanish or French"}])
    french = profile(["Answered phones."], languages=[{"language": "French", "fluency": "Fluent"}])
    german = profile(["Answered phones."], languages=[{"language": "German"}])
    assert status(match_profile(french, g, today=TODAY), "technical_skills[0]") == "covered"
    assert status(match_profile(german, g, today=TODAY), "technical_skills[0]") == "missing"


def test_suite_parts_one_is_partial_two_cover() -> None:
    g = guide(tools=[{"name": "Microsoft Office (Word, Excel, Outlook)"}])
    one = match_profile(profile(["Typed letters."], skills=["Microsoft Word"]), g, today=TODAY)
    two = match_profile(
        profile(["Typed letters."], skills=["Microsoft Word", "Excel"]), g, today=TODAY
    )
    assert status(one, "tools[0]") == "partial"
    assert status(two, "tools[0]") == "covered"


def test_managed_scheduling_for_therapists_covers_patient_scheduling(clinical: Guide) -> None:
    p = profile(["Managed scheduling for 12 therapists across two clinics."])
    result = match_profile(p, clinical, today=TODAY)
    duty = next(r for r in result.requirements if r.text.startswith("Manage patient scheduling"))
    assert duty.status == "covered"


def test_higher_degree_meets_lower_and_any_degree_meets_high_school() -> None:
    g = guide(
        education=[
            "High school diploma or GED; bachelor's degree in Business preferred",
            "Associate's degree in Nursing or a related field",
        ]
    )
    p = profile(
        ["Cared for patients."],
        education=[{"institution": "State U", "degree": "Bachelor of Science in Nursing"}],
    )
    result = match_profile(p, g, today=TODAY)
    assert status(result, "education[0]") == "covered"
    assert status(result, "education[1]") == "covered"
    unrelated = profile(
        ["Cared for patients."],
        education=[{"institution": "State U", "degree": "Bachelor of Arts in History"}],
    )
    assert status(match_profile(unrelated, g, today=TODAY), "education[1]") != "covered"


def test_required_weighs_twice_preferred() -> None:
    posting = Posting(
        title="Analyst", qualifications=["Tableau dashboards"], preferred=["Looker dashboards"]
    )
    result = match_profile(profile(["Sales."]), None, posting, today=TODAY)
    weights = {r.id: r.weight for r in result.requirements}
    assert weights["posting.qualifications[0]"] == 2 * weights["posting.preferred[0]"]


def test_an_acronym_sharing_a_word_is_not_the_product_kind() -> None:
    # GCP is also Good Clinical Practice; neither is practice management software
    g = guide(tools=[{"name": "practice management software"}])
    p = profile(["Deployed services."], skills=["Google Cloud Platform (GCP)"])
    assert status(match_profile(p, g, today=TODAY), "tools[0]") != "covered"
