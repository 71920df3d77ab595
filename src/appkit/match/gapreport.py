"""The skill-gap report's reading order: the top gaps with their next steps, then a compact table.

Counting: requirements in one any-of group (one degree, one certification, one EHR product) are
alternatives, so the report counts each group once, with its best member's status, in the totals
and per category, as the score does (`appkit.match.engine.coverage`). "Certifications 100/100
(4 missing)" cannot happen: a met group has no missing member.

Top gaps: `MatchResult.next_steps` is already ordered by what closing each gap is worth
(`appkit.match.gaps.next_steps`: weight x credit still missing, required before preferred). The
top TOP take the first gaps whose next step differs from those already on the list, so five gaps
never share one sentence; every other gap goes to the table, in the same order, and a step that
was already shown is referred to instead of repeated.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from pydantic import BaseModel, ConfigDict

from appkit.match.scoring import best as best_member
from appkit.match.scoring import units as group_units

TOP = 5
LABELS = {
    "responsibility": "Responsibilities",
    "qualification": "Qualifications",
    "technical_skill": "Technical skills",
    "tool": "Tools and systems",
    "certification": "Certifications",
    "education": "Education",
    "soft_skill": "Soft skills",
}
KIND = {  # one row's category, in the singular
    "responsibility": "Duty",
    "qualification": "Qualification",
    "technical_skill": "Technical skill",
    "tool": "Tool",
    "certification": "Certification",
    "education": "Education",
    "soft_skill": "Soft skill",
}
STATUS = {"covered": "Covered", "partial": "Partly covered", "missing": "Missing"}
QUOTE_LIMIT = 1000  # evidence is quoted in full ("word for word"); the cap only stops a runaway
SAME_AS_LIMIT = 48


def worth(weight: float, status: str) -> float:
    """What closing a gap adds: its weight times the credit still missing (partial: half)."""
    return weight * (0.5 if status == "partial" else 1.0 if status == "missing" else 0.0)


def preferred(req_id: str) -> bool:
    """A 'nice to have' item of a posting (required items come first at equal worth)."""
    return req_id.startswith("posting.preferred")


# What the report reads from a MatchResult (appkit.match.models imports this module, so the
# models are described here rather than imported).
class _Evidence(Protocol):
    @property
    def source(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def text(self) -> str: ...


class _Requirement(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def category(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def weight(self) -> float: ...
    @property
    def group(self) -> str | None: ...
    @property
    def status(self) -> str: ...
    @property
    def score(self) -> float: ...
    @property
    def evidence(self) -> Sequence[_Evidence]: ...


class _Step(Protocol):
    @property
    def requirement_id(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def action(self) -> str: ...
    @property
    def source(self) -> str: ...


class _Category(Protocol):
    @property
    def category(self) -> str: ...
    @property
    def score(self) -> float: ...


class _Match(Protocol):
    @property
    def requirements(self) -> Sequence[_Requirement]: ...
    @property
    def next_steps(self) -> Sequence[_Step]: ...
    @property
    def categories(self) -> Sequence[_Category]: ...


class GapRow(BaseModel):
    """One gap (an any-of group counts once) with its next step."""

    model_config = ConfigDict(defer_build=True)

    requirement_id: str
    name: str
    kind: str
    status: str
    status_label: str
    weight: float
    worth: float
    preferred: bool = False
    alternatives: int = 0  # other members of its any-of group (any one of them closes the gap)
    action: str
    from_guide: bool
    same_as: str | None = None  # the earlier gap whose step this one shares: "top gap 2", or
    # that gap's name (cut to SAME_AS_LIMIT characters) when it is in the table too


class CoveredRow(BaseModel):
    """Covered requirements and the profile text that shows them: one row per quoted item, so
    a bullet that covers three requirements is quoted once."""

    model_config = ConfigDict(defer_build=True)

    names: list[str]
    kind: str
    evidence: str = ""
    source: str = ""

    @property
    def name(self) -> str:
        """The requirements, comma-separated."""
        return ", ".join(self.names)


class SharedStep(BaseModel):
    """Gaps whose next step is one already shown ('same next step as top gap 1')."""

    model_config = ConfigDict(defer_build=True)

    same_as: str
    rows: list[GapRow]

    @property
    def names(self) -> str:
        """'Coordinate diagnostic tests… (missing); Serve as the primary… (partly covered)'."""
        return "; ".join(f"{r.name} ({r.status_label.lower()})" for r in self.rows)


class CategoryCount(BaseModel):
    """Coverage of one category, any-of groups counted once."""

    model_config = ConfigDict(defer_build=True)

    category: str
    label: str
    score: float
    covered: int
    partial: int
    missing: int


class GapReport(BaseModel):
    """What the skill-gap report shows, in reading order."""

    model_config = ConfigDict(defer_build=True)

    top: list[GapRow]
    rest: list[GapRow]  # every other gap, most worth first
    shared: list[SharedStep]  # the rows of `rest` whose step is shown earlier, grouped by it
    covered: list[CoveredRow]
    categories: list[CategoryCount]
    covered_count: int
    partial_count: int
    missing_count: int


def _short(text: str, limit: int = QUOTE_LIMIT) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def _label(name: str) -> str:
    """A requirement's short name: 'Certified Medical Assistant (CMAA)' stays, long text is cut."""
    name = re.sub(r"\s+", " ", name).strip().rstrip(".")
    return _short(name, 90)


def gap_report(match: _Match) -> GapReport:
    """The report's rows for one match (module docstring)."""
    units = group_units(match.requirements)
    unit_of = {m.id: members for members in units for m in members}
    by_id = {r.id: r for r in match.requirements}
    rows: list[GapRow] = []
    for step in match.next_steps:
        req = by_id.get(step.requirement_id)
        if req is None:
            continue
        members = unit_of.get(req.id, [req])
        rows.append(
            GapRow(
                requirement_id=req.id,
                name=_label(req.name),
                kind=KIND.get(req.category, req.category),
                status=step.status,
                status_label=STATUS.get(step.status, step.status),
                weight=req.weight,
                worth=worth(req.weight, step.status),
                preferred=preferred(req.id),
                alternatives=len(members) - 1,
                action=step.action.rstrip(".") + ".",
                from_guide=step.source != step.requirement_id,
            )
        )
    top: list[GapRow] = []
    for row in rows:
        if len(top) < TOP and all(row.action != t.action for t in top):
            top.append(row)
    chosen = {id(r) for r in top}
    shown: dict[str, str] = {t.action: f"top gap {n}" for n, t in enumerate(top, 1)}
    rest: list[GapRow] = []
    for row in rows:
        if id(row) in chosen:
            continue
        if row.action in shown:
            row = row.model_copy(update={"same_as": shown[row.action]})
        else:
            shown[row.action] = f"“{_short(row.name, SAME_AS_LIMIT)}”"
        rest.append(row)
    shared: list[SharedStep] = []
    for row in rest:
        if row.same_as:
            group = next((g for g in shared if g.same_as == row.same_as), None)
            if group is None:
                shared.append(SharedStep(same_as=row.same_as, rows=[row]))
            else:
                group.rows.append(row)
    covered: list[CoveredRow] = []
    counts = {"covered": 0, "partial": 0, "missing": 0}
    per_cat: dict[str, dict[str, int]] = {}
    for members in units:
        best = best_member(members)
        counts[best.status] += 1
        cat = per_cat.setdefault(best.category, {"covered": 0, "partial": 0, "missing": 0})
        cat[best.status] += 1
        if best.status == "covered":
            quoted = [e for e in best.evidence if e.kind != "title"]
            ev = quoted[0] if quoted else None
            same = next((c for c in covered if ev and c.source == ev.source), None)
            if same is not None:
                same.names.append(_label(best.name))
                continue
            covered.append(
                CoveredRow(
                    names=[_label(best.name)],
                    kind=KIND.get(best.category, best.category),
                    evidence=_short(ev.text) if ev else "",
                    source=ev.source if ev else "",
                )
            )
    categories = [
        CategoryCount(
            category=c.category,
            label=LABELS.get(c.category, c.category),
            score=c.score,
            **per_cat.get(c.category, {"covered": 0, "partial": 0, "missing": 0}),
        )
        for c in match.categories
    ]
    return GapReport(
        top=top,
        rest=rest,
        shared=shared,
        covered=covered,
        categories=categories,
        covered_count=counts["covered"],
        partial_count=counts["partial"],
        missing_count=counts["missing"],
    )
