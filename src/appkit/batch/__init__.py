"""Batch mode for career centers: a roster in; every packet, a report and a cohort report out.

    roster  -> rows (roster.py) -> validated tasks (plan.py) -> workers (worker.py) return bytes
            -> the coordinator writes packets, manifest and zips (store.py, run.py)
            -> report.csv / report.json (report.py) and the cohort report (cohort.py)

`run_batch` is the library entry point; `appkit batch` (appkit.cli.batch) parses options into it.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from appkit.batch.plan import Plan, Task, digest_tasks, plan
from appkit.batch.report import ReportRow, to_csv, to_json
from appkit.batch.roster import RosterRow, profile_rows, read_roster
from appkit.batch.run import Progress, Result, Settings, run
from appkit.batch.store import BusyError, OutputFolder
from appkit.options import Options

__all__ = [
    "BusyError",
    "Plan",
    "Progress",
    "ReportRow",
    "Result",
    "RosterRow",
    "Settings",
    "Task",
    "load_plan",
    "run_batch",
]


def load_plan(source: Path, defaults: Mapping[str, str], base: Options) -> Plan:
    """Read a roster (or a folder of profiles) and validate every row and every file it names."""
    rows = profile_rows(source) if source.is_dir() else read_roster(source)
    planned = plan(rows, defaults, base)
    return Plan(tasks=digest_tasks(planned.tasks, base.templates), problems=planned.problems)


def run_batch(
    planned: Plan,
    settings: Settings,
    progress: Progress | None = None,
    cohort: Mapping[str, object] | None = None,
) -> Result:
    """Run the plan into settings.out (locked), then write the reports, zips and cohort report."""
    from appkit.disk.folder import resolve_out_dir

    root = resolve_out_dir(settings.out)
    with OutputFolder(root) as folder:
        result = run(planned, settings, folder, progress)
        if settings.zip:
            students: dict[str, list[str]] = {}
            for row in result.rows:
                if row.ok:
                    students.setdefault(row.id, []).extend(row.files)
            for student, files in students.items():
                folder.write_zip(student, files)
        folder.write_text("report.csv", to_csv(result.rows))
        folder.write_text("report.json", to_json(result.rows, result.seconds))
        if cohort is not None:
            from appkit.batch.cohortdoc import write_cohort

            result.notices.extend(write_cohort(folder, result.rows, **cohort))  # type: ignore[arg-type]
    return result
