"""`appkit templates ...` and `appkit schema`: for template designers and YAML editors."""

from __future__ import annotations

import json
import re
import shutil
import stat
from pathlib import Path

import click

from appkit.cli.common import CONTEXT, SuggestingGroup, user_errors
from appkit.errors import InputError
from appkit.suggest import did_you_mean


@click.group(cls=SuggestingGroup, context_settings=CONTEXT)
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
    from appkit.render.themes import list_templates

    for name, origin in list_templates(user_dirs):
        click.echo(f"{name:<32} {origin}")


@templates.command(context_settings=CONTEXT)
@click.argument("theme", metavar="KIND/THEME")
@click.argument("dest", type=click.Path(path_type=Path, file_okay=False))
@click.option("--force", is_flag=True, help="Overwrite files that already exist in DEST.")
@user_errors
def copy(theme: str, dest: Path, force: bool) -> None:
    """Copy a built-in theme (e.g. resume/classic) with its base.html and CSS into DEST."""
    from appkit.disk.files import make_folder
    from appkit.resources import builtin_dir

    if not re.fullmatch(r"[a-z0-9-]+/[a-z0-9-]+", theme):
        raise InputError.single(theme, "expected KIND/THEME, e.g. resume/classic")
    kind, name = theme.split("/")
    source = builtin_dir("templates") / kind
    if not (source / f"{name}.html").is_file():
        kinds = [base.parent for base in source.parent.glob("*/base.html")]
        themes = [f"{k.name}/{p.stem}" for k in kinds for p in k.glob("*.html") if p.stem != "base"]
        raise InputError.single(
            theme,
            f"no such built-in theme{did_you_mean(theme, themes)} (see `appkit templates list`)",
        )
    files = [
        source / f for f in (f"{name}.html", f"{name}.css", "base.html") if (source / f).is_file()
    ]
    target = dest / kind
    existing = [f.name for f in files if (target / f.name).exists()]
    if existing and not force:
        raise InputError.single(target, f"would overwrite {', '.join(existing)}; add --force")
    make_folder(target)
    for file in files:
        try:
            copied = Path(shutil.copyfile(file, target / file.name))
            copied.chmod(copied.stat().st_mode | stat.S_IWUSR)  # wheels may install read-only
        except OSError as exc:
            raise InputError.single(target / file.name, f"cannot write: {exc.strerror}") from None
        click.echo(str(copied))


@click.command(context_settings=CONTEXT)
@click.argument("model", type=click.Choice(["profile", "guide"]), default="profile")
def schema(model: str) -> None:
    """Print the JSON Schema of a profile or a guide, for editor completion and validation."""
    from appkit.guide.model import Guide
    from appkit.profile.model import Profile

    chosen = Profile if model == "profile" else Guide
    click.echo(json.dumps(chosen.model_json_schema(), indent=2))


# `templates check` lives in appkit.cli.templatecheck; registered in one line, imported here.
templates.add_command(__import__("appkit.cli.templatecheck", fromlist=["check"]).check)
