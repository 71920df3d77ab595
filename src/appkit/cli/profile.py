"""`appkit init` and `appkit validate`: start a profile, then check it."""

from __future__ import annotations

from pathlib import Path

import click

from appkit.cli.common import CONTEXT, user_errors
from appkit.errors import AppkitError

PROFILE_SUFFIXES = (".yaml", ".yml", ".json")


@click.command(context_settings=CONTEXT, short_help="Write a commented starter profile to fill in.")
@click.argument(
    "file", type=click.Path(path_type=Path, dir_okay=False), default="profile.yaml", required=False
)
@click.option("--force", is_flag=True, help="Replace FILE if it already exists.")
@user_errors
def init(file: Path, force: bool) -> None:
    """Write a commented starter profile to FILE (default: profile.yaml).

    It shows every profile section with a short example and validates as is, so a packet can be
    made from it straight away; replace the examples with your own facts. An existing FILE is
    never overwritten unless --force is given.

    \b
    Next steps:
      appkit validate profile.yaml
      appkit packet profile.yaml --guide clinical-coordinator
    """
    from appkit.disk.starter import write_starter

    write_starter(file, force=force)
    click.echo(str(file))
    click.echo(f"next: edit {file}, then `appkit validate {file}`", err=True)


@click.command(context_settings=CONTEXT, short_help="Check profile files or folders of profiles.")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def validate(paths: tuple[Path, ...]) -> None:
    """Check profiles; print every problem as file:line: field: message.

    Each PATH is a profile file or a folder; a folder stands for every .yaml, .yml and .json file
    directly inside it, in name order. Exits 1 if anything is wrong.
    """
    from appkit.profile.load import load_profile

    failed = False
    for path in paths:
        if not path.is_dir():
            files = [path]
        else:
            files = sorted(p for p in path.iterdir() if p.suffix.lower() in PROFILE_SUFFIXES)
            if not files:
                failed = True
                click.echo(
                    f"{path}: no profile files in this folder (.yaml, .yml, .json)", err=True
                )
        for file in files:
            try:
                load_profile(file)
                click.echo(f"{file}: ok")
            except AppkitError as exc:
                failed = True
                click.echo(exc.message, err=True)
    if failed:
        raise SystemExit(1)
