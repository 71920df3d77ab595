"""`appkit templates ...` and `appkit schema`: for template designers and YAML editors."""

from __future__ import annotations

import json
import shutil
import stat
from pathlib import Path

import click

from appkit.cli import CONTEXT, user_errors
from appkit.errors import InputError


@click.group(context_settings=CONTEXT)
def templates() -> None:
    """List the document templates or copy a built-in theme out to customise it."""


@templates.command("list", context_settings=CONTEXT)
@click.option(
    "--templates",
    "-t",
    "user_dirs",
    multiple=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Override folder (repeatable).",
)
def list_(user_dirs: tuple[Path, ...]) -> None:
    """Show every template and where it resolves from (an override folder or builtin)."""
    from appkit.themes import list_templates

    for name, origin in list_templates(user_dirs):
        click.echo(f"{name:<32} {origin}")


@templates.command(context_settings=CONTEXT)
@click.argument("theme", metavar="KIND/THEME")
@click.argument("dest", type=click.Path(path_type=Path, file_okay=False))
@user_errors
def copy(theme: str, dest: Path) -> None:
    """Copy a built-in theme (e.g. resume/classic) with its base.html and CSS into DEST."""
    from appkit.resources import builtin_dir

    kind, _, name = theme.partition("/")
    source = builtin_dir("templates") / kind
    files = [
        f
        for f in (source / f"{name}.html", source / f"{name}.css", source / "base.html")
        if f.is_file()
    ]
    if not name or not (source / f"{name}.html").is_file():
        raise InputError.single(theme, "no such built-in theme (see `appkit templates list`)")
    target = dest / kind
    target.mkdir(parents=True, exist_ok=True)
    for file in files:
        copied = Path(shutil.copyfile(file, target / file.name))
        copied.chmod(copied.stat().st_mode | stat.S_IWUSR)  # wheels may install read-only files
        click.echo(str(copied))


@click.command(context_settings=CONTEXT)
@click.argument("model", type=click.Choice(["profile", "guide"]), default="profile")
def schema(model: str) -> None:
    """Print the JSON Schema of a profile or a guide, for editor completion and validation."""
    from appkit.guide_model import Guide
    from appkit.models import Profile

    chosen = Profile if model == "profile" else Guide
    click.echo(json.dumps(chosen.model_json_schema(), indent=2))
