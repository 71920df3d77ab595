"""Resume details from issue 14: a single date stays single, Core Competencies lists only what
bullets prove, quantified bullets rank above unquantified ones of similar relevance."""

from __future__ import annotations

from typing import Any

from appkit.documents.tailor import bullet_order, tailor
from appkit.engine import Engine
from appkit.guide.library import load_guide
from appkit.options import Options
from appkit.packet import Inputs, build_packet
from appkit.profile.model import Profile
from tests.documents import lint

ENGINE = Engine()


def make(skills: list[str], bullets: list[str], **extra: Any) -> Profile:
    return Profile.model_validate(
        {
            "basics": {"name": "Ana Test"},
            "experience": [
                {
                    "title": "Patient Coordinator",
                    "organization": "Valley Clinic",
                    "start": "2020-01",
                    "highlights": bullets,
                }
            ],
            "skills": [{"group": "Skills", "items": skills}],
            **extra,
        }
    )


def resume(profile: Profile) -> str:
    files = build_packet(
        Inputs(profile=profile, guide=load_guide("clinical-coordinator")),
        Options(formats=("txt",), date="2026-01-15"),
        ("resume",),
        ENGINE,
    ).files
    return lint.normalize(next(iter(files.values())).decode("utf-8"))


def test_a_project_with_only_a_start_date_shows_that_date() -> None:
    prof = make(
        ["Epic"],
        ["Scheduled 80 visits a day in Epic."],
        projects=[
            {"name": "Clinic Intake Form", "start": "2023-04", "highlights": ["Built it."]},
            {"name": "Waitlist Tool", "start": "2022-01", "end": "2022-06"},
        ],
    )
    text = resume(prof)
    assert "Clinic Intake Form Apr 2023" in text
    assert "Apr 2023 – Present" not in text and "Apr 2023 - Present" not in text
    assert "Jan 2022 – Jun 2022" in text or "Jan 2022 - Jun 2022" in text


def test_soft_skills_only_named_in_a_skills_list_are_not_competencies() -> None:
    named = make(
        ["Empathy", "Attention to Detail", "Communication", "Epic"],
        ["Scheduled 80 visits a day in Epic."],
    )
    t = tailor(named, load_guide("clinical-coordinator"))
    soft = (
        {r.name for r in t.match.requirements if r.category == "soft_skill"} if t.match else set()
    )
    assert soft and not set(t.competencies) & soft, t.competencies


def test_quantified_bullets_rank_above_similar_unquantified_ones() -> None:
    assert bullet_order([1.0, 0.9], ["Handled scheduling.", "Cut wait times 30%."]) == [1, 0]
    assert bullet_order([1.0, 0.4], ["Handled scheduling.", "Cut wait times 30%."]) == [0, 1]
    assert bullet_order([0.0, 0.0], ["a", "b 1"]) == [0, 1]  # irrelevant bullets keep their order
