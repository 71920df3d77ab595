"""Guides for every O*NET occupation, from the shipped index (guides/onet/index.json.gz).

`occupation_guide("29-1141.00")` is the whole occupation as a Guide: every task, tool, skill and
knowledge area (the cap for matching lives in `appkit.match.caps`, so `guide show` and `guide
export` still show everything). The job zone's education ("These occupations usually require a
high school diploma") is a key fact, not a requirement: O*NET states what is usual, not what an
employer asks for. The title is singular for prose ("Registered Nurse"); the
official plural title stays in `source` ("O*NET-SOC 29-1141.00 Registered Nurses").
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from appkit.errors import InputError
from appkit.guide.model import Guide
from appkit.guide.onetindex import attribution, load_index, technology
from appkit.guide.onetskills import split_skills
from appkit.guide.titles import singular_title
from appkit.loading.read import validate_data

CODE = re.compile(r"(\d{2})-?(\d{4})(?:\.(\d{2}))?")
PREFIX = "onet:"
SOURCE_PREFIX = "O*NET-SOC "


def normalise_code(text: str) -> str | None:
    """'29-1141.00' for '29-1141.00', '29-1141' or '291141'; None when it is not a code."""
    match = CODE.fullmatch(text.strip())
    if not match:
        return None
    return f"{match[1]}-{match[2]}.{match[3] or '00'}"


def occupations() -> dict[str, dict[str, Any]]:
    """Every occupation in the shipped index, by O*NET-SOC code."""
    return load_index()["occupations"]


def release() -> str:
    """The release the shipped index was built from, e.g. 'O*NET 29.3'."""
    return str(load_index()["metadata"].get("release", "O*NET"))


def _job_zone(number: int | None) -> dict[str, str]:
    return load_index()["job_zones"].get(str(number), {}) if number else {}


def _related(code: str) -> list[str]:
    """Occupations with tasks that share the longest code prefix with `code` (for a hint)."""
    with_tasks = [c for c, o in occupations().items() if o["tasks"] and c != code]
    for width in (6, 5, 4, 2):  # "15-129", "15-12", "15-1", "15"
        near = [c for c in with_tasks if c[:width] == code[:width]]
        if near:
            return near[:5]
    return []


def _no_tasks(code: str, occupation: dict[str, Any]) -> InputError:
    related = _related(code)
    hint = (
        "; a related occupation that has them: "
        + "; ".join(f"onet:{c} {occupations()[c]['title']}" for c in related)
        if related
        else ""
    )
    return InputError.single(
        f"{PREFIX}{code}",
        f"{code} {occupation['title']} has no tasks in {release()} (a residual or military "
        f"category lists only a title and a description), so there is nothing to match a "
        f"profile against{hint}",
    )


@cache
def occupation_guide(code: str) -> Guide:
    """The Guide for one occupation of the shipped index (parsed once per process)."""
    wanted = normalise_code(code) or code.strip()
    occupation = occupations().get(wanted)
    if occupation is None:
        raise InputError.single(
            f"{PREFIX}{code}",
            f"no O*NET occupation with code '{code}' in {release()} "
            "(codes look like 29-1141.00; `appkit guide list --search WORDS` finds one)",
        )
    if not occupation["tasks"]:
        raise _no_tasks(wanted, occupation)
    return validate_data(guide_data(occupation), None, Guide, f"{PREFIX}{wanted}")


def guide_data(occupation: dict[str, Any]) -> dict[str, Any]:
    """The Guide fields for one index occupation (see guides/onet/README.md for the layout)."""
    zone = _job_zone(occupation.get("job_zone"))
    # In Demand (for this occupation) first, then Hot Technology, the tools most occupations
    # list first within each (Excel before Autodesk Revit for a retail supervisor), then O*NET's.
    vocabulary = technology()
    tools = sorted(
        occupation["technology"],
        key=lambda t: (
            -bool(t[3]),
            -bool(t[2]),
            -int(vocabulary.get(t[0], {}).get("occupations", 0)),
        ),
    )
    technical, soft = split_skills(
        [{"name": name, "importance": value} for name, value, _level in occupation["skills"]]
    )
    overview = [f"{zone['name']}. {zone['experience']} {zone['training']}"] if zone else []
    return {
        "title": singular_title(occupation["title"]),
        "source": f"{SOURCE_PREFIX}{occupation['code']} {occupation['title']}",
        "attribution": attribution(),
        "summary": occupation["description"],
        "overview": overview,
        "key_facts": {"typical_education": zone["education"]} if zone else {},
        "responsibilities": [text for _id, text, _type in occupation["tasks"]],
        "tools": [
            {"name": name, "category": category, "hot": bool(hot or demand)}
            for name, category, hot, demand in tools
        ],
        "technical_skills": technical,
        "soft_skills": soft,
        "knowledge": [
            {"name": name, "importance": importance}
            for name, importance, _level in occupation["knowledge"]
        ],
    }


def is_onet(guide: Guide) -> bool:
    """True for a guide built from O*NET (the index or a database folder)."""
    return (guide.source or "").startswith(SOURCE_PREFIX)
