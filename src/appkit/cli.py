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
from appkit.suggest import did_you_mean

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


class SuggestingGroup(click.Group):
    """A command group that answers a mistyped command with the nearest one (`appkit pakcet`)."""

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name = args[0]
        if self.get_command(ctx, name) is None and not name.startswith("-"):
            hint = did_you_mean(name, self.list_commands(ctx))
            raise click.UsageError(f"No such command '{name}'{hint or '.'}", ctx)
        return super().resolve_command(ctx, args)


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
            "--file-names",
            type=click.Choice(["named", "plain"]),
            help="named: Maria-Santos-Resume.pdf (default); plain: resume.pdf, for scripts.",
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


def _check_theme(kinds: list[str], theme: str, user_dirs: tuple[Path, ...]) -> None:
    """Refuse a theme that some requested document lacks, naming the nearest existing one."""
    from appkit.themes import list_templates

    themes: dict[str, set[str]] = {}
    for name, _origin in list_templates(user_dirs):
        kind, _, file = name.partition("/")
        if file.endswith(".html") and "/" not in file and file != "base.html":
            themes.setdefault(kind, set()).add(file.removesuffix(".html"))
    for kind in kinds:
        available = themes.get(kind)
        if available is not None and theme not in available:
            raise click.BadParameter(
                f"no {kind} theme named '{theme}'{did_you_mean(theme, available)} "
                f"(available: {', '.join(sorted(available))})",
                param_hint="'--theme'",
            )


def _write(kinds: list[str], inputs: Any, **opts: Any) -> None:
    """Build the one Options model from the CLI values, generate, print the written paths."""
    from appkit.generate import Options, generate_packet
    from appkit.output import shown

    _check_theme(kinds, opts["theme"], tuple(opts["templates"]))
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
        "file_names": opts["file_names"],
        "time_limit": opts.get("time_limit"),
        "memory_limit": opts.get("memory_limit"),
        "page_limit": opts.get("page_limit"),
    }
    options = Options(**{k: v for k, v in values.items() if v is not None})
    packet, outputs = generate_packet(kinds, inputs, options)
    if packet.notice:
        click.echo(f"notice: {packet.notice}", err=True)
    for output in outputs:
        click.echo(shown(output.path))


@click.group(cls=SuggestingGroup, context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="appkit")
def cli() -> None:
    """Tailored job-application documents from a candidate profile and a role guide.

    \b
    Quick start:
      appkit init                      # writes a commented starter profile.yaml
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
from appkit.cli_export import export  # noqa: E402
from appkit.cli_guide import guide  # noqa: E402
from appkit.cli_profile import init, validate  # noqa: E402
from appkit.cli_templates import schema, templates  # noqa: E402

for _command in (init, validate, export, guide, templates, schema):
    cli.add_command(_command)
