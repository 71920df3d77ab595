"""Cohort figures from a batch's report rows: coverage per role, the gaps most students share,
the students below a threshold, the failures.

Privacy (see ../shared/notes/anchors.md, career centers): aggregate figures can identify a student
when a group is small, so every figure about a group of fewer than `min_group` students is
suppressed (FERPA small-cell suppression), and so is any count below `min_group` in a
distribution (shown as "<N"). The de-identified export carries only those suppressed aggregates:
no id, no name, no row. GPA never enters any figure.
"""

from __future__ import annotations

import csv
import io
import statistics
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from appkit.batch.report import ReportRow

BANDS = ((0, 20), (20, 40), (40, 60), (60, 80), (80, 101))
CATEGORY_LABELS = {
    "technical_skill": "skill",
    "tool": "tool",
    "soft_skill": "soft skill",
    "certification": "certification",
    "education": "education",
}
TOP = 8


@dataclass
class Gap:
    name: str
    kind: str
    missing: int | str  # a count, or "<N" when suppressed
    share: str  # "62%", or "" when suppressed


@dataclass
class RoleFigures:
    role: str
    students: int | str
    suppressed: bool
    mean: float | None = None
    median: float | None = None
    bands: list[tuple[str, int | str]] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)


@dataclass
class Cohort:
    rows: int
    made: int
    failed: int
    threshold: float
    min_group: int
    roles: list[RoleFigures]
    gaps: list[Gap]  # across every role
    below: list[dict[str, Any]]  # identified: for the advisers' report only
    failures: list[dict[str, str]]


def _count(value: int, min_group: int) -> int | str:
    return f"<{min_group}" if 0 < value < min_group else value


def _gaps(rows: list[ReportRow], min_group: int) -> list[Gap]:
    """The requirements most students in `rows` lack, most common first (each student once)."""
    counts: Counter[tuple[str, str]] = Counter()
    for row in rows:
        counts.update({(kind, name) for kind, name in row.gaps})
    out = []
    for (kind, name), missing in counts.most_common():
        if missing < min_group or len(out) == TOP:
            break  # a rare gap, or one few enough to point at a student
        share = f"{round(100 * missing / len(rows))}%"
        out.append(
            Gap(name=name, kind=CATEGORY_LABELS.get(kind, kind), missing=missing, share=share)
        )
    return out


def _role(role: str, rows: list[ReportRow], min_group: int) -> RoleFigures:
    if len(rows) < min_group:
        return RoleFigures(role=role, students=_count(len(rows), min_group), suppressed=True)
    scores = [r.coverage for r in rows if r.coverage is not None]
    bands = [
        (f"{low}–{min(high, 100)}", _count(sum(low <= s < high for s in scores), min_group))
        for low, high in BANDS
    ]
    return RoleFigures(
        role=role,
        students=len(rows),
        suppressed=False,
        mean=round(statistics.fmean(scores), 1) if scores else None,
        median=round(statistics.median(scores), 1) if scores else None,
        bands=bands,
        gaps=_gaps(rows, min_group),
    )


def cohort(rows: list[ReportRow], threshold: float = 50.0, min_group: int = 5) -> Cohort:
    """The cohort's figures, small groups suppressed."""
    made = [r for r in rows if r.ok]
    by_role: dict[str, list[ReportRow]] = {}
    for row in made:
        by_role.setdefault(row.role, []).append(row)
    below = [
        {"id": r.id, "name": r.name, "role": r.role, "coverage": r.coverage}
        for r in sorted(made, key=lambda r: (r.coverage or 0, r.id))
        if r.coverage is not None and r.coverage < threshold
    ]
    return Cohort(
        rows=len(rows),
        made=len(made),
        failed=len(rows) - len(made),
        threshold=threshold,
        min_group=min_group,
        roles=[_role(role, by_role[role], min_group) for role in sorted(by_role)],
        gaps=_gaps(made, min_group) if len(made) >= min_group else [],
        below=below,
        failures=[
            {"row": r.row, "id": r.id, "error": r.error or r.status} for r in rows if not r.ok
        ],
    )


def deidentified_csv(figures: Cohort) -> str:
    """The cohort's aggregates without any id, name or row: safe to share outside the center."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["role", "measure", "value"])
    for role in figures.roles:
        writer.writerow([role.role, "students", role.students])
        if role.suppressed:
            writer.writerow([role.role, "suppressed", f"fewer than {figures.min_group} students"])
            continue
        writer.writerow([role.role, "mean coverage", role.mean])
        writer.writerow([role.role, "median coverage", role.median])
        for band, count in role.bands:
            writer.writerow([role.role, f"coverage {band}", count])
        for gap in role.gaps:
            writer.writerow([role.role, f"lacking {gap.kind}: {gap.name}", gap.missing])
    return buffer.getvalue()
