"""`appkit batch ROSTER -o OUT`: every packet of a roster, in parallel, resumable, reported.

Exit codes: 0 every row made (or unchanged), 1 some rows failed or were invalid (listed), 2 nothing
could run (unreadable roster, every row invalid, another run holding OUT).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from appkit.cli.common import CONTEXT, OptionsDefault, _date, _formats
from appkit.errors import AppkitError

# Command-line options that are also roster columns: a default for every row.
ROW_DEFAULTS = {
    "guide": "guide",
    "posting": "posting",
    "posting_id": "posting_id",
    "company": "company",
    "hiring_manager": "hiring_manager",
    "job_title": "job_title",
    "theme": "theme",
    "formats": "formats",
    "date_": "date",
    "locale": "locale",
    "documents": "documents",
}


class _Lines:
    """Progress: a bar on a terminal (rich), one plain line per packet in a log."""

    def __init__(self, total: int, quiet: bool) -> None:
        self.total, self.done, self.quiet = total, 0, quiet
        self.bar: Any = None
        if sys.stderr.isatty() and not quiet and total:
            from rich.progress import Progress

            # auto_refresh off: no thread, so forking pool workers later is safe
            self.bar = Progress(auto_refresh=False, transient=True, redirect_stdout=False)
            self.task = self.bar.add_task("packets", total=total)
            self.bar.start()

    def __call__(self, row: Any) -> None:
        self.done += 1
        if self.bar is not None:
            self.bar.update(self.task, advance=1, description=f"{row.id}/{row.role}"[:40])
            self.bar.refresh()
        elif not self.quiet:
            tail = f" {row.seconds:.1f}s" if row.status == "made" and row.seconds else ""
            error = f": {row.error.splitlines()[0]}" if row.error else ""
            click.echo(
                f"[{self.done}/{self.total}] {row.id} {row.role}: {row.status}{tail}{error}",
                err=True,
            )

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


@click.command(context_settings=CONTEXT, short_help="Every packet of a roster, and a report.")
@click.argument("roster", type=click.Path(path_type=Path, exists=True))
@click.option(
    "--out",
    "-o",
    "out_dir",
    type=click.Path(path_type=Path),
    default=Path("out"),
    show_default=True,
    help="Output folder: OUT/<id>/<role>/, OUT/report.csv, ...",
)
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes [default: cores].")
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Run on a Dask distributed cluster, e.g. tcp://10.0.0.5:8786.",
)
@click.option("--dry-run", is_flag=True, help="Validate the roster and every file; write nothing.")
@click.option("--force", is_flag=True, help="Make every packet again, even unchanged ones.")
@click.option("--zip", "zip_", is_flag=True, help="Also write OUT/<id>.zip per student.")
@click.option("--json", "as_json", is_flag=True, help="Print the run's summary as JSON.")
@click.option("--guide", "-g", metavar="NAME|PATH|TITLE", help="Default role guide for every row.")
@click.option("--posting", "-p", help="Default posting file for every row.")
@click.option("--posting-id", help="Default row of a postings CSV.")
@click.option("--company", help="Default employer name.")
@click.option("--hiring-manager", help="Default addressee of the cover letters.")
@click.option("--job-title", help="Default job title.")
@click.option("--theme", help="Default template theme [default: classic].")
@click.option("--format", "-f", "formats", help="Default formats, e.g. pdf,docx.")
@click.option(
    "--date",
    "date_",
    metavar="YYYY-MM-DD",
    callback=_date,
    help="Date on every document [default: today, once for the whole run].",
)
@click.option("--locale", type=click.Choice(["en-US", "en-GB"]), help="Default spelling.")
@click.option(
    "--documents",
    metavar="KINDS",
    help="Which documents: resume,cover,interview,report,match [default: all].",
)
@click.option(
    "--templates",
    "-t",
    multiple=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder of template overrides (repeatable).",
)
@click.option(
    "--file-names",
    type=click.Choice(["named", "plain"]),
    cls=OptionsDefault,
    help="named: Maria-Santos-Resume.pdf; plain: resume.pdf.",
)
@click.option(
    "--threshold",
    type=click.FloatRange(0, 100),
    default=50.0,
    show_default=True,
    help="Cohort report: list students whose coverage is below this.",
)
@click.option(
    "--min-group",
    type=click.IntRange(min=1),
    default=5,
    show_default=True,
    help="Cohort report: hide figures of groups smaller than this (FERPA).",
)
@click.option(
    "--cohort/--no-cohort",
    default=True,
    show_default=True,
    help="Write the cohort report (PDF, DOCX, HTML) and its de-identified CSV.",
)
def batch(roster: Path, out_dir: Path, **opts: Any) -> None:
    """Make the packet of every ROSTER row: a .csv, .xlsx or .yaml roster, or a folder of profiles.

    \b
    Roster columns: id, profile (relative to the roster), guide, posting, posting_id, company,
    hiring_manager, job_title, theme, formats, date, locale, documents, gpa (yes to print it),
    max_pages (the resume's page budget).
    Each option above is the default for rows that leave its column empty.
    Writes OUT/<id>/<role>/, OUT/report.csv, OUT/report.json and OUT/cohort-report.*;
    re-running skips packets whose inputs did not change.
    """
    try:
        code = _batch(roster, out_dir, opts)
    except AppkitError as exc:
        click.echo(f"error: {exc.message}", err=True)
        code = 2
    raise SystemExit(code)


def _base_options(opts: dict[str, Any]) -> Any:
    from appkit.options import Options

    values = {
        "templates": tuple(opts["templates"]),
        "file_names": opts["file_names"],
        "date": opts["date_"],
        "formats": _formats(None, None, opts["formats"]) if opts["formats"] else None,  # type: ignore[arg-type]
    }
    return Options(**{k: v for k, v in values.items() if v is not None})


def _batch(roster: Path, out_dir: Path, opts: dict[str, Any]) -> int:
    from appkit.batch import Settings, load_plan, run_batch

    base = _base_options(opts)
    defaults = {column: opts[name] for name, column in ROW_DEFAULTS.items() if opts.get(name)}
    defaults["date"] = base.date  # one date for the whole run, even past midnight
    for column in ("posting", "guide"):  # a file named on the command line: relative to here
        if column in defaults and Path(defaults[column]).is_file():
            defaults[column] = str(Path(defaults[column]).absolute())
    planned = load_plan(roster, {k: str(v) for k, v in defaults.items()}, base)
    for _row, problems in planned.problems:
        for problem in problems:
            click.echo(str(problem), err=True)
    if opts["dry_run"]:
        click.echo(
            f"{len(planned.tasks)} packet(s) ready, {len(planned.problems)} row(s) invalid;"
            " nothing written (--dry-run)",
            err=True,
        )
        if opts["as_json"]:
            click.echo(
                json.dumps(
                    {"ready": [t.key for t in planned.tasks], "invalid": len(planned.problems)}
                )
            )
        return 2 if not planned.tasks else (1 if planned.problems else 0)
    if not planned.tasks:
        click.echo("error: no valid row: nothing to make", err=True)
        return 2
    settings = Settings(
        out=out_dir,
        jobs=opts["jobs"] or 0,
        scheduler=opts["scheduler"],
        force=opts["force"],
        zip=opts["zip_"],
    )
    cohort = {
        "threshold": opts["threshold"],
        "min_group": opts["min_group"],
        "date": base.date,
        "roster": roster.name,
    }
    progress = _Lines(len(planned.tasks), quiet=opts["as_json"])
    try:
        result = run_batch(planned, settings, progress, cohort if opts["cohort"] else None)
    finally:
        progress.close()
    for notice in result.notices:
        click.echo(f"notice: {notice}", err=True)
    from appkit.batch.report import summary

    facts = summary(result.rows, result.seconds)
    if opts["as_json"]:
        click.echo(json.dumps(facts, indent=2, ensure_ascii=False))
    else:
        for failure in facts["failures"]:
            click.echo(
                f"{failure['row']}: {failure['id']}: {failure['status']}: {failure['error']}",
                err=True,
            )
        click.echo(
            f"{facts['made']} made, {facts['unchanged']} unchanged, {facts['failed']} failed,"
            f" {facts['invalid']} invalid, {facts['not_run']} not run in"
            f" {facts['seconds']:.1f} s; report: {out_dir / 'report.csv'}",
            err=True,
        )
    if result.interrupted:
        click.echo("stopped: run the same command again to finish the rest", err=True)
        return 130
    return 0 if not facts["failures"] else 1
