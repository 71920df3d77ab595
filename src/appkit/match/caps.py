"""Rank and cap a guide's requirements so every role gives a readable packet.

An O*NET occupation can list 426 tools (15-1252.00 Software Developers), 40 tasks and 35 rated
skills; matched one for one they made a 25-page interview prep and a 33-page gap report. The
guide itself keeps everything (`guide show` and `guide export` list every task); only the
requirements a profile is matched against are capped here, per category, keeping the most
relevant ones:

    category         kept                                                    at most
    responsibility   the guide's order (O*NET: Core tasks, then Supplemental)  MAX_TASKS
    tool             Hot Technology / In Demand first, one of each kind        MAX_TOOLS
                     (any-of group) before a second of any, the guide's order
    technical_skill  O*NET importance >= MIN_IMPORTANCE ("Important" and up),  MAX_SKILLS
                     most important first; unrated skills in the guide's order
    soft_skill       the guide's order                                         MAX_SOFT_SKILLS
    certification    the guide's order                                         MAX_CERTIFICATIONS
    education        all (an any-of group counts once)

The caps are for O*NET guides; any other guide (written by hand, parsed from a career site) is
curated already and only gets OTHER_GUIDES times each cap, a guard against a runaway list.
Requirement ids keep the guide's own indexes ("tools[17]"), so evidence and advice still point
at the right entry. A posting's requirements are never capped: the employer's words all count.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from appkit.guide.model import Guide
from appkit.guide.occupations import is_onet
from appkit.match.requirements import Requirement

MAX_TASKS = 8
MAX_TOOLS = 8
MAX_SKILLS = 8
MAX_SOFT_SKILLS = 6  # each is an interview question: six fill the prep sheet
MAX_CERTIFICATIONS = 10
OTHER_GUIDES = 3  # a hand-written or career-site guide is curated: only 3x the caps apply to it
MIN_IMPORTANCE = 3.0  # O*NET "Important"; every element rated "Not Relevant" is below it

CAPPED = frozenset({"responsibility", "tool", "technical_skill", "soft_skill", "certification"})
_ID = re.compile(r"^([a-z_]+)\[(\d+)\]$")


def _index(req: Requirement) -> int:
    match = _ID.match(req.id)
    return int(match[2]) if match else 0


def _keep(
    reqs: list[Requirement], limit: int, rank: Callable[[Requirement], tuple[float, ...]]
) -> set[str]:
    return {r.id for r in sorted(reqs, key=rank)[:limit]}


def cap_requirements(reqs: list[Requirement], guide: Guide | None) -> list[Requirement]:
    """The requirements to match, in their original order, with each guide category capped."""
    if guide is None:
        return reqs
    scale = 1 if is_onet(guide) else OTHER_GUIDES
    by_category: dict[str, list[Requirement]] = {}
    for r in reqs:
        if r.source == "guide":
            by_category.setdefault(r.category, []).append(r)

    def importance(r: Requirement) -> float | None:
        i = _index(r)
        skills = guide.technical_skills
        return skills[i].importance if i < len(skills) else None

    def hot(r: Requirement) -> bool:
        i = _index(r)
        return guide.tools[i].hot if i < len(guide.tools) else False

    skills = [
        r
        for r in by_category.get("technical_skill", [])
        if (value := importance(r)) is None or value >= MIN_IMPORTANCE
    ]
    keep: set[str] = set()
    keep |= _keep(by_category.get("responsibility", []), MAX_TASKS * scale, lambda r: (_index(r),))
    tools = by_category.get("tool", [])
    nth: dict[str, int] = {}  # the first hot tool of each kind before a second of any kind
    seen: Counter[str | None] = Counter()
    for r in sorted(tools, key=lambda r: (-hot(r), _index(r))):
        nth[r.id] = seen[r.group]
        seen[r.group] += 1
    keep |= _keep(tools, MAX_TOOLS * scale, lambda r: (-hot(r), nth[r.id], _index(r)))
    keep |= _keep(skills, MAX_SKILLS * scale, lambda r: (-(importance(r) or 0.0), _index(r)))
    keep |= _keep(
        by_category.get("soft_skill", []), MAX_SOFT_SKILLS * scale, lambda r: (_index(r),)
    )
    keep |= _keep(
        by_category.get("certification", []), MAX_CERTIFICATIONS * scale, lambda r: (_index(r),)
    )
    # Any other category (education, anything a newer guide parser adds) is kept whole.
    return [r for r in reqs if r.source != "guide" or r.category not in CAPPED or r.id in keep]
