"""`appkit guide ...`: list, show, export, scaffold and build role guides."""

from __future__ import annotations

from pathlib import Path

import click

from appkit.cli.common import CONTEXT, SuggestingGroup, user_errors


@click.group(cls=SuggestingGroup, context_settings=CONTEXT)
def guide() -> None:
    """Role guides: list the built-ins, show what appkit understood, export, create."""


@guide.command("list", context_settings=CONTEXT)
@click.option(
    "--search",
    "query",
    metavar="WORDS",
    help="Search every O*NET occupation by title instead (e.g. --search nurse).",
)
@click.option("--limit", type=click.IntRange(min=1), default=25, show_default=True)
@user_errors
def list_(query: str | None, limit: int) -> None:
    """List the built-in role guides, or search O*NET occupations with --search."""
    from appkit.guide.library import list_guides
    from appkit.guide.resolve import search_occupations

    if query is None:
        for name, title in list_guides():
            click.echo(f"{name:<28} {title}")
        click.echo(
            "\nEvery O*NET occupation is built in too: `appkit guide list --search WORDS` finds"
            " one, then use --guide onet:CODE or --guide 'its title'."
        )
        return
    found = search_occupations(query, limit)
    if not found:
        click.echo(f"no O*NET occupation matches '{query}'", err=True)
        raise SystemExit(1)
    for ref, title in found:
        click.echo(f"{ref:<16} {title}")


@guide.command(context_settings=CONTEXT)
@click.argument("ref", metavar="NAME|PATH", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the parsed model as JSON.")
@click.option(
    "--posting",
    type=click.Path(path_type=Path),
    metavar="FILE",
    help="Show a job posting instead (.txt, .md, JSON Resume .json, or a postings .csv).",
)
@click.option("--posting-id", metavar="ID", help="Which row of a postings CSV (its job_id).")
@user_errors
def show(ref: str | None, as_json: bool, posting: Path | None, posting_id: str | None) -> None:
    """Show what appkit understood from a guide (or, with --posting FILE, a job posting)."""
    from appkit.guide.library import describe_guide, load_guide
    from appkit.guide.posting import describe_posting, load_posting

    if posting is not None or posting_id is not None:
        if posting is None:
            raise click.UsageError("--posting-id needs --posting FILE.csv")
        model = load_posting(posting, posting_id=posting_id)
        click.echo(model.model_dump_json(indent=2) if as_json else describe_posting(model))
        return
    if ref is None:
        raise click.UsageError("give a guide NAME|PATH, or --posting FILE")
    loaded = load_guide(ref)
    click.echo(loaded.model_dump_json(indent=2) if as_json else describe_guide(loaded))


@guide.command(context_settings=CONTEXT)
@click.argument("ref", metavar="NAME|PATH")
@click.option(
    "--format", "fmt", type=click.Choice(["yaml", "json"]), default="yaml", show_default=True
)
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), help="Write to a file instead of stdout."
)
@user_errors
def export(ref: str, fmt: str, output: Path | None) -> None:
    """Export a guide as YAML or JSON that career centers can edit and load back."""
    from appkit.guide.library import dump_guide, load_guide

    _emit(dump_guide(load_guide(ref), fmt), output)


@guide.command(context_settings=CONTEXT)
@click.argument("title")
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), help="Write to a file instead of stdout."
)
@user_errors
def new(title: str, output: Path | None) -> None:
    """Scaffold a commented YAML guide for TITLE to fill in."""
    from appkit.guide.library import scaffold_guide

    _emit(scaffold_guide(title), output)


@guide.command(context_settings=CONTEXT)
@click.option(
    "--db",
    "db_dir",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder of O*NET's tab-delimited database files.",
)
@click.option("--code", help="O*NET-SOC code, e.g. 29-1141.00.")
@click.option("--title", help="Search occupations by title instead, e.g. 'registered nurse'.")
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), help="Write the guide as YAML to FILE."
)
@user_errors
def onet(db_dir: Path, code: str | None, title: str | None, output: Path | None) -> None:
    """Build a guide from an O*NET database folder (e.g. a newer release).

    Every O*NET 29.3 occupation is already built in (--guide onet:CODE or --guide 'a title');
    this reads the release files themselves, and the attribution names the release that the
    folder's own Read Me.txt names.
    """
    from appkit.guide.library import dump_guide
    from appkit.guide.onet import build_onet_guide

    if not code and not title:
        raise click.UsageError("give --code or --title")
    _emit(dump_guide(build_onet_guide(db_dir, code=code, title=title), "yaml"), output)


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=not text.endswith("\n"))
        return
    from appkit.disk.files import atomic_write

    atomic_write(output, text.encode("utf-8"))
    click.echo(str(output))
