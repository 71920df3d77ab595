"""`appkit export`: a profile (appkit or JSON Resume) written out as JSON Resume or appkit YAML."""

from __future__ import annotations

from pathlib import Path

import click

from appkit.cli.common import CONTEXT, user_errors
from appkit.errors import InputError


@click.command(
    context_settings=CONTEXT, short_help="Write a profile as JSON Resume or appkit YAML."
)
@click.argument("profile", type=click.Path(path_type=Path))
@click.option(
    "--to",
    "target",
    type=click.Choice(["jsonresume", "yaml"]),
    required=True,
    help="jsonresume: a resume.json for JSON Resume tools; yaml: an appkit profile.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write to this file (atomically) instead of standard output.",
)
@click.option("--force", is_flag=True, help="Replace the output file if it already exists.")
@user_errors
def export(profile: Path, target: str, output: Path | None, force: bool) -> None:
    """Read PROFILE (appkit YAML/JSON or JSON Resume) and write it --to jsonresume or yaml.

    \b
    Examples:
      appkit export resume.json --to yaml -o profile.yaml
      appkit export profile.yaml --to jsonresume -o resume.json
    """
    from appkit.disk.files import atomic_write
    from appkit.profile.jsonresume_export import jsonresume_text, yaml_text
    from appkit.profile.load import load_profile

    loaded = load_profile(profile)
    if target == "jsonresume" and loaded.custom_sections:
        # JSON Resume has no such section, and its themes would ignore an extra key.
        titles = ", ".join(section.title for section in loaded.custom_sections)
        click.echo(
            f"note: custom_sections ({titles}) have no JSON Resume field: not exported", err=True
        )
    text = jsonresume_text(loaded) if target == "jsonresume" else yaml_text(loaded)
    if output is None:
        click.echo(text, nl=False)
        return
    if output.is_dir():
        raise InputError.single(output, "is a folder; give a file name")
    if (output.exists() or output.is_symlink()) and not force:
        raise InputError.single(output, "already exists; add --force to replace it")
    atomic_write(output, text.encode("utf-8"))
    click.echo(str(output))
