"""Level fit: years of relevant experience mapped onto the guide's career levels and salary bands.

Years are the union of the relevant jobs' month intervals (overlapping jobs count once). A month
end ("2021-03") includes that month, a year end ("2021") runs to December, "present" (or no end)
runs up to the start of the current month. Jobs in the role's own family (a title sharing a word
with the guide's title or level titles, seniority words aside: "Patient Care Coordinator" for a
Clinical Coordinator guide) count fully; other relevant jobs (nursing, medical assisting) count
half: the guide values clinical experience, but it is not yet experience in the role. A month
covered by both counts once, at the higher rate. The level is the last career level whose
`years_min` <= years; its salary band is the salary level with the same title (exact, else the
closest by fuzzy ratio >= 80).
"""

from __future__ import annotations

import re
from datetime import date

from appkit.dates import month_index
from appkit.guide.model import CareerLevel, Guide
from appkit.match.models import LevelFit, SalaryBand
from appkit.profile.model import Experience


def _interval(job: Experience, today: date | None) -> tuple[int, int]:
    start = month_index(job.start)
    end = job.end or "present"
    stop = month_index(end, today) + (0 if end == "present" else 12 if len(end) == 4 else 1)
    return start, max(stop, start + 1)


_SENIORITY = frozenset(
    (
        "senior",
        "junior",
        "lead",
        "principal",
        "chief",
        "head",
        "associate",
        "assistant",
        "entry",
        "level",
        "i",
        "ii",
        "iii",
        "iv",
        "of",
        "and",
        "the",
        "clinical",
    )
)
RELATED_RATE = 0.5


def role_words(guide: Guide) -> frozenset[str]:
    """Words naming the role family: 'coordinator', 'manager' for the Clinical Coordinator guide."""
    titles = [guide.title, *(lv.title for lv in guide.career_levels)]
    return frozenset(
        w for t in titles for w in re.findall(r"[a-z]+", t.lower()) if w not in _SENIORITY
    )


def in_role_family(job: Experience, words: frozenset[str]) -> bool:
    return bool(words.intersection(re.findall(r"[a-z]+", job.title.lower())))


def weighted_years(
    jobs: list[Experience], in_family: list[bool], today: date | None = None
) -> tuple[float, float, float]:
    """(counted years, years in the role family, other relevant years); each month counted once."""
    rate: dict[int, float] = {}
    for job, family in zip(jobs, in_family, strict=True):
        start, stop = _interval(job, today)
        for month in range(start, stop):
            rate[month] = max(rate.get(month, 0.0), 1.0 if family else RELATED_RATE)
    role = sum(1 for r in rate.values() if r == 1.0)
    related = len(rate) - role
    return (
        round((role + related * RELATED_RATE) / 12, 1),
        round(role / 12, 1),
        round(related / 12, 1),
    )


def level_index(levels: list[CareerLevel], years: float) -> int | None:
    """Index of the last career level whose minimum years the candidate meets."""
    found = None
    for i, level in enumerate(sorted(levels, key=lambda lv: lv.years_min)):
        if years >= level.years_min:
            found = i
    return found


def _range(level: CareerLevel) -> str:
    return (
        f"{level.years_min}+ years"
        if level.years_max is None
        else (f"{level.years_min}-{level.years_max} years")
    )


def salary_for(guide: Guide, title: str) -> SalaryBand | None:
    """The salary level whose title matches a career level title: the same title, else the
    closest one at a rapidfuzz ratio of 80 or more."""
    wanted = title.casefold()
    levels = guide.salary_levels
    best = next((s for s in levels if s.level.casefold() == wanted), None)
    if best is None and levels:
        from rapidfuzz import fuzz, process  # ~8 ms to import: only when no title is the same

        names = [s.level.casefold() for s in levels]
        found = process.extractOne(wanted, names, scorer=fuzz.ratio, score_cutoff=80)
        best = levels[found[2]] if found else None
    if best is None:
        return None
    return SalaryBand(level=best.level, median=best.median, average=best.average)


def level_fit(
    guide: Guide, jobs: list[Experience], paths: list[str], today: date | None = None
) -> LevelFit | None:
    """Map the relevant jobs' years onto the guide's career levels; None if the guide has none."""
    if not guide.career_levels:
        return None
    words = role_words(guide)
    years, role, related = weighted_years(jobs, [in_role_family(j, words) for j in jobs], today)
    levels = sorted(guide.career_levels, key=lambda lv: lv.years_min)
    i = level_index(levels, years)
    fit = LevelFit(years=years, role_years=role, related_years=related, relevant_jobs=paths)
    if i is not None:
        cur = levels[i]
        fit.level, fit.level_range, fit.description = cur.title, _range(cur), cur.description
        fit.salary = salary_for(guide, cur.title)
    nxt = levels[0] if i is None else levels[i + 1] if i + 1 < len(levels) else None
    if nxt is not None:
        fit.next_level, fit.next_range = nxt.title, _range(nxt)
        fit.next_description, fit.next_focus_areas = nxt.description, nxt.focus_areas
        fit.next_salary = salary_for(guide, nxt.title)
        fit.years_to_next = round(max(0.0, nxt.years_min - years), 1)
    return fit
