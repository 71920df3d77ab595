"""OUT/report.csv and OUT/report.json: one line per roster row, whatever became of it.

Status is one of: ``made`` (rendered this run), ``unchanged`` (its inputs had not changed, so the
earlier packet stands), ``failed`` (rendering failed), ``invalid`` (the row or its files did not
validate), ``not run`` (the run was stopped before it). The ATS preflight of the resume follows,
one column per check (see `appkit.batch.preflight`).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass, field
from typing import Any

from appkit.batch.plan import Task
from appkit.batch.roster import RosterRow
from appkit.errors import Problem

OK = ("made", "unchanged")
PREFLIGHT = (
    "text_extractable",
    "contact_in_body",
    "no_tables",
    "nothing_in_header_footer",
    "standard_headings",
    "size_ok",
    "pages",
    "largest_file_kb",
)
COLUMNS = (
    "row", "id", "name", "role", "coverage", "level_fit", "status", "error", "files", "seconds",
    "ats_ok", *PREFLIGHT,
)  # fmt: skip


@dataclass
class ReportRow:
    """One roster row's outcome, as report.csv and report.json show it."""

    row: str  # "roster.csv:12"
    id: str
    name: str = ""
    role: str = ""
    coverage: float | None = None
    level_fit: str | None = None
    status: str = "not run"
    error: str = ""
    files: list[str] = field(default_factory=list)
    seconds: float | None = None
    preflight: dict[str, Any] = field(default_factory=dict)
    gaps: list[tuple[str, str]] = field(default_factory=list)  # for the cohort report only

    @property
    def ok(self) -> bool:
        return self.status in OK

    def plain(self) -> dict[str, Any]:
        """report.json's object for this row (the gaps stay out: they belong to the cohort)."""
        data = asdict(self)
        data.pop("gaps")
        data["ats_ok"] = data["preflight"].pop("ok", None)
        return data


def where(file: str, row: int | None) -> str:
    return file if row is None else f"{file}:{row}"


def for_task(task: Task) -> ReportRow:
    return ReportRow(
        row=where(task.file, task.row), id=task.student, name=task.name, role=task.role_title
    )


def for_problems(row: RosterRow, problems: list[Problem]) -> ReportRow:
    return ReportRow(
        row=where(row.file, row.row),
        id=row.cells.get("id", ""),
        role=row.cells.get("job_title") or row.cells.get("guide", ""),
        status="invalid",
        error="; ".join(f"{p.where}: {p.message}" if p.where else p.message for p in problems),
    )


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ";".join(value)
    return str(value)


def to_csv(rows: list[ReportRow]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        data = row.plain()
        flat = {**data, **data.pop("preflight")}
        writer.writerow([_cell(flat.get(c)) for c in COLUMNS])
    return buffer.getvalue()


def summary(rows: list[ReportRow], seconds: float) -> dict[str, Any]:
    """The run in numbers: what `--json` prints and report.json opens with."""
    counts = {s: sum(r.status == s for r in rows) for s in (*OK, "failed", "invalid", "not run")}
    made = [r.seconds for r in rows if r.status == "made" and r.seconds is not None]
    return {
        "rows": len(rows),
        **{k.replace(" ", "_"): v for k, v in counts.items()},
        "seconds": round(seconds, 2),
        "packets_per_second": round(len(made) / seconds, 3) if made and seconds else None,
        "failures": [
            {"row": r.row, "id": r.id, "status": r.status, "error": r.error}
            for r in rows
            if not r.ok
        ],
    }


def to_json(rows: list[ReportRow], seconds: float) -> str:
    data = {"summary": summary(rows, seconds), "rows": [r.plain() for r in rows]}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
