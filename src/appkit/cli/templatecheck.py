"""`appkit templates check DIR`: lint a theme folder, all problems at once as file:line: message."""

from __future__ import annotations

from pathlib import Path

import click

from appkit.cli.common import CONTEXT, user_errors


@click.command(
    "check", context_settings=CONTEXT, short_help="Lint a theme folder: file:line: message."
)
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False, exists=True))
@user_errors
def check(folder: Path) -> None:
    """Check the theme in FOLDER (laid out as for --templates): syntax, undefined variables,
    unknown blocks, missing or refused assets, sandbox violations, images without alt text.

    Each problem is printed as file:line: message; the exit code is 1 when there is any.
    """
    from appkit.packet.sample import sample_contexts
    from appkit.render.themecheck import check_theme

    problems = check_theme(folder, sample_contexts())
    for problem in problems:
        click.echo(str(problem))
    if problems:
        click.echo(
            f"{len(problems)} problem{'s' if len(problems) > 1 else ''} in {folder}", err=True
        )
        raise SystemExit(1)
    click.echo(f"{folder}: no problems found")
