"""The `appkit` command line: parse options, call the library, print results. Nothing else."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from appkit import __version__
from appkit.errors import AppkitError

F = TypeVar("F", bound=Callable[..., Any])
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def user_errors(func: F) -> F:
    """Turn AppkitError into a clean message and exit code 1; anything else is a bug (traceback)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except AppkitError as exc:
            click.echo(f"error: {exc.message}", err=True)
            raise SystemExit(1) from None

    return wrapper  # type: ignore[return-value]


def _formats(_ctx: click.Context, _param: click.Parameter, value: str) -> tuple[str, ...]:
    formats = tuple(dict.fromkeys(v.strip().lower() for v in value.split(",") if v.strip()))
    bad = [f for f in formats if f not in ("pdf", "docx")]
    if bad or not formats:
        raise click.BadParameter(f"expected pdf, docx or pdf,docx, got {value!r}")
    return formats


def _date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"expected a date as YYYY-MM-DD, got {value!r}") from None


def target_options(func: F) -> F:
    """Options shared by every command that renders documents for a target role."""
    from appkit.isolate import (
        MIB,
        PARAGRAPHS_PER_PAGE,
        TEMPLATE_MEMORY,
        TEMPLATE_PAGES,
        TEMPLATE_SECONDS,
    )

    options = [
        click.argument("profile", type=click.Path(path_type=Path)),
        click.option(
            "--guide",
            "-g",
            "guide",
            metavar="NAME|PATH",
            help="Role guide: built-in name (`appkit guide list`) or .txt/.md/.yaml/.json file.",
        ),
        click.option(
            "--posting",
            "-p",
            type=click.Path(path_type=Path),
            help="A job posting (.txt, .md, or JSON Resume job .json); its words take precedence.",
        ),
        click.option(
            "--format",
            "-f",
            "formats",
            default="pdf,docx",
            show_default=True,
            callback=_formats,
            help="Comma-separated output formats.",
        ),
        click.option(
            "--out",
            "-o",
            "out_dir",
            type=click.Path(path_type=Path),
            default=Path("out"),
            show_default=True,
            help="Output folder; documents go to OUT/<name>/.",
        ),
        click.option("--theme", default="classic", show_default=True, help="Template theme name."),
        click.option(
            "--templates",
            "-t",
            multiple=True,
            type=click.Path(path_type=Path, file_okay=False),
            help="Folder of template overrides, searched before the built-ins (repeatable).",
        ),
        click.option("--company", help="Employer name (default: the posting's)."),
        click.option("--hiring-manager", help="Addressee of the cover letter, e.g. 'Ms. Rivera'."),
        click.option("--job-title", help="Job title (default: the posting's or guide's title)."),
        click.option(
            "--date",
            "date_",
            metavar="YYYY-MM-DD",
            callback=_date,
            help="Date on the documents, and 'today' for years of experience (default: today).",
        ),
        click.option(
            "--bullet-budget",
            type=click.IntRange(1, 30),
            help="Keep at most this many bullets per job, dropping the least relevant.",
        ),
        click.option(
            "--time-limit",
            type=click.FloatRange(min=1),
            metavar="SECONDS",
            help=f"Stop a document rendered with --templates after this long, counting Jinja,"
            f" layout, PDF and DOCX [default: {TEMPLATE_SECONDS:g}].",
        ),
        click.option(
            "--memory-limit",
            type=click.IntRange(min=256),
            metavar="MIB",
            help=f"Memory cap of the process rendering a --templates document"
            f" [default: {TEMPLATE_MEMORY // MIB}].",
        ),
        click.option(
            "--page-limit",
            type=click.IntRange(min=1),
            metavar="N",
            help=f"Most pages a document may have; the DOCX gets {PARAGRAPHS_PER_PAGE} paragraphs"
            f" per page [default: {TEMPLATE_PAGES}].",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _run(
    kinds: list[str], profile: Path, guide: str | None, posting: Path | None, **opts: Any
) -> None:
    from appkit.generate import load_inputs

    _write(kinds, load_inputs(profile, guide, posting), **opts)


def _write(kinds: list[str], inputs: Any, **opts: Any) -> None:
    """Build the one Options model from the CLI values, generate, print the written paths."""
    from appkit.generate import Options, generate

    values = {
        "formats": opts["formats"],
        "out_dir": opts["out_dir"],
        "theme": opts["theme"],
        "templates": tuple(opts["templates"]),
        "company": opts["company"],
        "hiring_manager": opts["hiring_manager"],
        "job_title": opts["job_title"],
        "bullet_budget": opts["bullet_budget"],
        "date": opts["date_"],
        "time_limit": opts.get("time_limit"),
        "memory_limit": opts.get("memory_limit"),
        "page_limit": opts.get("page_limit"),
    }
    options = Options(**{k: v for k, v in values.items() if v is not None})
    for output in generate(kinds, inputs, options):
        click.echo(str(output.path))


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="appkit")
def cli() -> None:
    """Tailored job-application documents from a candidate profile and a role guide.

    \b
    Quick start:
      appkit packet profiles/maria-santos.yaml --guide clinical-coordinator
      appkit match profiles/maria-santos.yaml --guide clinical-coordinator
      appkit guide list
      appkit doctor
    """


@cli.command(context_settings=CONTEXT)
@target_options
@user_errors
def resume(profile: Path, guide: str | None, posting: Path | None, **opts: Any) -> None:
    """Write a tailored resume (PDF and DOCX) for PROFILE."""
    _run(["resume"], profile, guide, posting, **opts)


@cli.command(context_settings=CONTEXT)
@target_options
@user_errors
def cover(profile: Path, guide: str | None, posting: Path | None, **opts: Any) -> None:
    """Write a one-page cover letter matching the resume."""
    _run(["cover"], profile, guide, posting, **opts)


@cli.command(context_settings=CONTEXT)
@target_options
@user_errors
def prep(profile: Path, guide: str | None, posting: Path | None, **opts: Any) -> None:
    """Write an interview-prep sheet built from the candidate's own experience."""
    _run(["interview"], profile, guide, posting, **opts)


@cli.command(context_settings=CONTEXT)
@target_options
@user_errors
def packet(profile: Path, guide: str | None, posting: Path | None, **opts: Any) -> None:
    """Write the whole packet: resume, cover letter, interview prep, gap report and match.json."""
    from appkit.generate import PACKET

    _run(list(PACKET), profile, guide, posting, **opts)


@cli.command(context_settings=CONTEXT)
@target_options
@click.option("--json", "as_json", is_flag=True, help="Print the match result as JSON.")
@click.option(
    "--report/--no-report", default=False, help="Also write the skill-gap report document."
)
@user_errors
def match(
    profile: Path, guide: str | None, posting: Path | None, as_json: bool, report: bool, **opts: Any
) -> None:
    """Score PROFILE against the role: covered, partial, missing, level fit, next steps."""
    from appkit.generate import load_inputs
    from appkit.match import match_profile
    from appkit.match_report import format_match

    if not guide and not posting:
        raise click.UsageError("give --guide or --posting to match against")
    inputs = load_inputs(profile, guide, posting)
    today = datetime.date.fromisoformat(opts["date_"]) if opts["date_"] else None
    result = match_profile(inputs.profile, inputs.guide, inputs.posting, today=today)
    click.echo(result.model_dump_json(indent=2) if as_json else format_match(result))
    if report:
        _write(["report"], inputs, **opts)


@cli.command(context_settings=CONTEXT)
@click.argument("profiles", nargs=-1, required=True, type=click.Path(path_type=Path))
def validate(profiles: tuple[Path, ...]) -> None:
    """Check one or more profiles; print every problem as file:line: field: message."""
    from appkit.load import load_model
    from appkit.models import Profile

    failed = False
    for path in profiles:
        try:
            load_model(path, Profile)
            click.echo(f"{path}: ok")
        except AppkitError as exc:
            failed = True
            click.echo(exc.message, err=True)
    if failed:
        raise SystemExit(1)


@cli.command(context_settings=CONTEXT)
def doctor() -> None:
    """Check fonts, the HarfBuzz subsetter and library versions."""
    from appkit.doctor import run_checks

    checks = run_checks()
    for check in checks:
        mark = "ok  " if check.ok else "FAIL"
        click.echo(f"[{mark}] {check.name}: {check.detail}")
        if not check.ok and check.fix:
            click.echo(f"       fix: {check.fix}")
    if not all(c.ok or c.optional for c in checks):
        raise SystemExit(1)


def main() -> None:
    cli(prog_name="appkit")


# Registered last: these modules import the helpers defined above.
from appkit.cli_guide import guide  # noqa: E402
from appkit.cli_templates import schema, templates  # noqa: E402

for _command in (guide, templates, schema):
    cli.add_command(_command)
