"""Helpers every command shares: the error boundary, the suggesting group, the target options.

The options' defaults come from `appkit.options.Options`, where they are defined once.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, get_args

import click

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
    from appkit.options import Format

    bad = [f for f in formats if f not in get_args(Format)]
    if bad or not formats:
        *most, last = get_args(Format)
        raise click.BadParameter(
            f"expected {', '.join(most)} or {last}, comma-separated (e.g. pdf,docx,txt),"
            f" got {value!r}"
        )
    return formats


def _date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"expected a date as YYYY-MM-DD, got {value!r}") from None


class OptionsDefault(click.Option):
    """An option whose default is `appkit.options.Options`' own, read only when needed (parsing,
    or this command's --help), so `appkit --help` does not import pydantic."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, default=self._options_default, show_default=True, **kwargs)

    def _options_default(self) -> Any:
        from appkit.options import Options

        value = Options.model_fields[self.name or ""].default
        return ",".join(value) if isinstance(value, tuple) else value

    def get_default(self, ctx: click.Context, call: bool = True) -> Any:
        return super().get_default(ctx, call=True)  # help shows the value, not "(dynamic)"


def target_options(func: F) -> F:
    """Options shared by every command that renders documents for a target role."""
    from appkit.documents.filenames import FileNames
    from appkit.render.limits import (
        MIB,
        PARAGRAPHS_PER_PAGE,
        TEMPLATE_MEMORY,
        TEMPLATE_PAGES,
        TEMPLATE_SECONDS,
    )

    # Options' own defaults for these three are these same isolate constants.
    defaults = {
        "time_limit": TEMPLATE_SECONDS,
        "memory_limit": TEMPLATE_MEMORY // MIB,
        "page_limit": TEMPLATE_PAGES,
    }
    file_names = get_args(FileNames)

    options = [
        click.argument("profile", type=click.Path(path_type=Path)),
        click.option(
            "--guide",
            "-g",
            "guide",
            metavar="NAME|PATH|TITLE",
            help="Role guide: built-in name (`appkit guide list`), .txt/.md/.html/.yaml/.json file,"
            " onet:CODE, or an O*NET occupation title ('registered nurse').",
        ),
        click.option(
            "--posting",
            "-p",
            type=click.Path(path_type=Path),
            help="A job posting (.txt, .md, JSON Resume job .json, or a postings .csv with"
            " --posting-id); its words take precedence.",
        ),
        click.option(
            "--posting-id",
            metavar="JOB_ID",
            help="Which posting of a postings CSV (its job_id / id column).",
        ),
        click.option(
            "--format",
            "-f",
            "formats",
            cls=OptionsDefault,
            callback=_formats,
            help="Comma-separated output formats: pdf, docx, txt, md, html.",
        ),
        click.option(
            "--out",
            "-o",
            "out_dir",
            type=click.Path(path_type=Path),
            cls=OptionsDefault,
            help="Output folder; documents go to OUT/<name>/.",
        ),
        click.option(
            "--theme",
            help="Design (see `appkit templates list`) [default: the profile's design.theme,"
            " else classic].",
        ),
        click.option(
            "--page-size",
            type=click.Choice(["a4", "letter"], case_sensitive=False),
            help="Paper size [default: the profile's design.page_size, else the design's].",
        ),
        click.option(
            "--templates",
            "-t",
            multiple=True,
            type=click.Path(path_type=Path, file_okay=False),
            help="Folder of template overrides, searched before the built-ins (repeatable).",
        ),
        click.option("--company", help="Employer name (default: the posting's); always wins."),
        click.option("--hiring-manager", help="Addressee of the cover letter, e.g. 'Ms. Rivera'."),
        click.option(
            "--job-title",
            help="Job title (default: the posting's, else the guide's); always wins.",
        ),
        click.option(
            "--date",
            "date_",
            metavar="YYYY-MM-DD",
            callback=_date,
            help="Date on the documents, and 'today' for years of experience (default: today).",
        ),
        click.option(
            "--locale",
            type=click.Choice(["en-US", "en-GB"]),
            cls=OptionsDefault,
            help="Spelling of the words appkit writes (organize / organise); your own text is"
            " quoted as written.",
        ),
        click.option(
            "--file-names",
            type=click.Choice(file_names),
            cls=OptionsDefault,
            help="named: Maria-Santos-Resume.pdf; plain: resume.pdf, for scripts.",
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
            f" layout, PDF and DOCX [default: {defaults['time_limit']:g}].",
        ),
        click.option(
            "--memory-limit",
            type=click.IntRange(min=256),
            metavar="MIB",
            help=f"Memory cap of the process rendering a --templates document"
            f" [default: {defaults['memory_limit']}].",
        ),
        click.option(
            "--verbose",
            "-v",
            is_flag=True,
            help="Also say, on stderr, how each PDF was fitted to its pages and what that cost.",
        ),
        click.option(
            "--page-limit",
            type=click.IntRange(min=1),
            metavar="N",
            help=f"Most pages a document may have; the DOCX gets {PARAGRAPHS_PER_PAGE} paragraphs"
            f" per page [default: {defaults['page_limit']}].",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def max_pages_option(func: F) -> F:
    """--max-pages, for the commands that write a resume (resume, packet)."""
    return click.option(
        "--max-pages",
        type=click.IntRange(min=1),
        metavar="N",
        help="Fit the resume on N pages: drop its least relevant bullets (each job keeps its"
        " best), then tighten the spacing; every dropped bullet is listed on stderr.",
    )(func)


def watch_option(func: F) -> F:
    """`--watch` for the commands that write documents (appkit.cli.watch)."""
    return click.option(
        "--watch",
        is_flag=True,
        help="Keep running: write again whenever the profile, the guide file, the posting or a"
        " --templates file changes (Ctrl-C stops).",
    )(func)
