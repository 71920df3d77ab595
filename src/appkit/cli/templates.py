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
    """List the designs or copy one out to customise it."""


@templates.command("list", context_settings=CONTEXT)
@click.option(
    "--templates",
    "-t",
    "user_dirs",
    multiple=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Override folder (repeatable).",
)
@click.option("--files", is_flag=True, help="List every template file and where it resolves from.")
def list_(user_dirs: tuple[Path, ...], files: bool) -> None:
    """Show the designs (name, the kinds it has its own templates for, where it comes from)."""
    from appkit.render.themeloader import available_themes
    from appkit.render.themes import list_templates

    if files:
        for name, origin in list_templates(user_dirs):
            click.echo(f"{name:<32} {origin}")
        return
    for info in available_themes(user_dirs).values():
        kinds = ", ".join(info.kinds) if info.kinds else "none"
        borrowed = "" if len(info.kinds) == 4 else " (the others: classic's)"
        click.echo(f"{info.name:<12} {kinds + borrowed:<48} {info.source}")


@templates.command(context_settings=CONTEXT)
@click.argument("theme", metavar="THEME|KIND/THEME")
@click.argument("dest", type=click.Path(path_type=Path, file_okay=False))
@click.option("--force", is_flag=True, help="Overwrite files that already exist in DEST.")
@user_errors
def copy(theme: str, dest: Path, force: bool) -> None:
    """Copy a design (e.g. modern: every file it uses) or one template (resume/classic, with its
    base.html and CSS) into DEST; render the copy with --templates DEST --theme THEME."""
    from appkit.resources import builtin_dir

    if re.fullmatch(r"[a-z0-9-]+", theme):
        _copy_design(theme, dest, force)
        return
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
        (source / f, f"{kind}/{f}")
        for f in (f"{name}.html", f"{name}.css", "base.html")
        if (source / f).is_file()
    ]
    _copy_files(files, dest, force)


def _copy_design(theme: str, dest: Path, force: bool) -> None:
    """Every file design `theme` uses, in the same layout under DEST."""
    from appkit.render.themeloader import available_themes, theme_files

    designs = [name for name, info in available_themes().items() if info.values is not None]
    if theme not in designs:
        raise InputError.single(
            theme,
            f"no such design{did_you_mean(theme, designs)} (available: {', '.join(designs)})",
        )
    _copy_files(theme_files(theme), dest, force)


def _copy_files(files: list[tuple[Path, str]], dest: Path, force: bool) -> None:
    """Copy (source, relative path) pairs under DEST; refuse to overwrite without --force."""
    from appkit.disk.files import make_folder

    existing = [rel for _, rel in files if (dest / rel).exists()]
    if existing and not force:
        raise InputError.single(dest, f"would overwrite {', '.join(existing)}; add --force")
    for source, rel in files:
        target = dest / rel
        try:
            make_folder(target.parent)
            copied = Path(shutil.copyfile(source, target))
            copied.chmod(copied.stat().st_mode | stat.S_IWUSR)  # wheels may install read-only
        except OSError as exc:
            raise InputError.single(target, f"cannot write: {exc.strerror}") from None
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
