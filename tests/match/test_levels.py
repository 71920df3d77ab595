"""Level fit: month-interval union of relevant jobs onto the guide's career levels and salaries."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from appkit.guide.model import Guide
from appkit.loading.read import load_model
from appkit.match.levels import level_fit, level_index, salary_for, weighted_years
from appkit.profile.model import Experience

GUIDE = load_model(
    Path(__file__).resolve().parents[1] / "data" / "match" / "clinical-coordinator-guide.yaml",
    Guide,
)
TODAY = date(2025, 6, 1)


def job(start: str, end: str | None) -> Experience:
    return Experience(title="Coordinator", organization="Clinic", start=start, end=end)


def union_years(jobs: list) -> float:
    """Years covered by the jobs' union, every month at full weight."""
    return weighted_years(jobs, [True] * len(jobs), TODAY)[0]


def test_overlapping_jobs_count_once() -> None:
    jobs = [job("2020-01", "2021-12"), job("2021-01", "2022-12")]
    assert union_years(jobs) == 3.0


def test_gaps_are_not_counted_and_year_ends_run_to_december() -> None:
    assert union_years([job("2018-01", "2018-12"), job("2020-01", "2020-12")]) == 2.0
    assert union_years([job("2019", "2019")]) == 1.0


def test_present_and_open_end_run_to_today() -> None:
    assert union_years([job("2024-06", "present")]) == 1.0
    assert union_years([job("2024-06", None)]) == 1.0


def test_level_boundaries() -> None:
    levels = GUIDE.career_levels
    assert levels[level_index(levels, 0.0)].title == "Junior Clinical Coordinator"
    assert levels[level_index(levels, 1.9)].title == "Junior Clinical Coordinator"
    assert levels[level_index(levels, 2.0)].title == "Clinical Coordinator"
    assert levels[level_index(levels, 12)].title == "Clinical Manager"


def test_salary_matches_level_title() -> None:
    band = salary_for(GUIDE, "Senior Clinical Coordinator")
    assert band and band.median == 82000 and band.average == 85000
    assert salary_for(GUIDE, "Chief Wizard") is None
    near = salary_for(GUIDE, "Senior Clinical Co-ordinator")  # not the same title: rapidfuzz
    assert near and near.level == "Senior Clinical Coordinator" and near.median == 82000


def test_level_fit_reports_next_level() -> None:
    fit = level_fit(GUIDE, [job("2022-06", "present")], ["experience[0]"], TODAY)
    assert fit is not None
    assert (fit.years, fit.level, fit.next_level) == (
        3.0,
        "Clinical Coordinator",
        "Senior Clinical Coordinator",
    )
    assert fit.salary and fit.salary.median == 68000
    assert fit.next_salary and fit.next_salary.median == 82000
    assert fit.years_to_next == 1.0 and "mentoring" in fit.next_focus_areas


def test_top_level_has_no_next_and_no_levels_gives_none() -> None:
    fit = level_fit(GUIDE, [job("2010-01", "present")], [], TODAY)
    assert fit and fit.level == "Clinical Manager" and fit.next_level is None
    bare = GUIDE.model_copy(update={"career_levels": []})
    assert level_fit(bare, [], [], TODAY) is None


def test_role_family_counts_fully_and_related_work_half() -> None:
    from appkit.guide.library import load_guide
    from appkit.match.levels import in_role_family, role_words, weighted_years
    from appkit.profile.model import Experience

    guide = load_guide("clinical-coordinator")
    words = role_words(guide)
    assert {"coordinator", "manager"} <= words and "clinical" not in words
    coordinator = Experience(
        title="Patient Care Coordinator", organization="A", start="2020-01", end="2021-12"
    )
    assistant = Experience(
        title="Medical Assistant", organization="B", start="2021-01", end="2023-12"
    )
    family = [in_role_family(j, words) for j in (coordinator, assistant)]
    assert family == [True, False]
    # 2020-2021 in the role (24 months), 2022-2023 as an MA (24 months, the 2021 overlap once)
    assert weighted_years([coordinator, assistant], family) == (3.0, 2.0, 2.0)
