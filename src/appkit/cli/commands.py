"""The document commands: resume, cover, prep, packet, match, and doctor."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import click

from appkit.cli.common import (
    CONTEXT,
    max_pages_option,
    target_options,
    user_errors,
    watch_option,
)
from appkit.cli.inputs import load_parts, load_target, make_inputs
from appkit.cli.verbose import verbose_log
from appkit.suggest import did_you_mean


def _run(
    kinds: list[str], profile: Path, guide: str | None, posting: Path | None, **opts: Any
) -> None:
    if not opts.pop("watch", False):
        service = _pdf_service(opts)
        try:
            _write(kinds, load_target(profile, guide, posting, opts), service=service, **opts)
        finally:
            if service is not None:
                service.close()
        return
    from appkit.cli.watch import run_watch, watched_inputs

    def render(quiet: bool) -> int:  # inputs are read again each time: they may have changed
        return _write(kinds, load_target(profile, guide, posting, opts), quiet=quiet, **opts)

    watched = watched_inputs(profile, guide, posting, opts["templates"])
    run_watch(lambda: render(False), lambda: render(True), watched)


def _pdf_service(opts: dict[str, Any]) -> Any:
    """A helper process warming up WeasyPrint while this one loads and matches, when a PDF
    will be made from the built-in templates (appkit.render.pdfservice); else None."""
    root = click.get_current_context().find_root()
    early = root.obj.pop("pdf_service", None) if isinstance(root.obj, dict) else None
    wanted = "pdf" in opts["formats"] and not opts["templates"]
    if not wanted:
        if early is not None:  # appkit.cli.early guessed wrong
            early.close()
        return None
    if early is not None:  # started before parsing (appkit.cli.early)
        return early
    from appkit.render.pdfservice import PdfService

    return PdfService.start()


def _check_theme(theme: str | None, user_dirs: tuple[Path, ...]) -> None:
    """Refuse an unknown design, naming the nearest one (a design lacking a kind borrows
    classic's template for it)."""
    from appkit.render.themeloader import available_themes

    available = available_themes(user_dirs)
    if theme is not None and theme not in available:
        raise click.BadParameter(
            f"no design named '{theme}'{did_you_mean(theme, available)} "
            f"(available: {', '.join(available)})",
            param_hint="'--theme'",
        )


def _write(
    kinds: list[str], inputs: Any, quiet: bool = False, service: Any = None, **opts: Any
) -> int:
    """Build the one Options model from the CLI values, generate, print the written paths
    (unless `quiet`: --watch prints one line per render); returns how many were written."""
    from appkit.disk.folder import shown
    from appkit.disk.write import generate_packet
    from appkit.engine import Engine
    from appkit.options import Options

    _check_theme(opts["theme"], tuple(opts["templates"]))
    values = {
        "formats": opts["formats"],
        "out_dir": opts["out_dir"],
        "theme": opts["theme"],
        "page_size": opts["page_size"] and opts["page_size"].lower(),
        "templates": tuple(opts["templates"]),
        "company": opts["company"],
        "hiring_manager": opts["hiring_manager"],
        "job_title": opts["job_title"],
        "bullet_budget": opts["bullet_budget"],
        "date": opts["date_"],
        "locale": opts.get("locale"),
        "file_names": opts["file_names"],
        "time_limit": opts.get("time_limit"),
        "memory_limit": opts.get("memory_limit"),
        "page_limit": opts.get("page_limit"),
        "max_pages": opts.get("max_pages"),
    }
    options = Options(**{k: v for k, v in values.items() if v is not None})
    # A page budget's dropped bullets are always shown; its trials, like the fit, with -v.
    with verbose_log(opts.get("verbose", False)), verbose_log(True, "appkit.budget"):
        engine = Engine(pdf_service=service)
        packet, outputs = generate_packet(kinds, inputs, options, engine=engine)
    if packet.notice:
        click.echo(f"notice: {packet.notice}", err=True)
    for output in [] if quiet else outputs:
        click.echo(shown(output.path))
    return len(outputs)


@click.command(context_settings=CONTEXT)
@target_options
@max_pages_option
@watch_option
@user_errors
def resume(profile: Path, guide: str | None, posting: Path | None, **opts: Any) -> None:
    """Write a tailored resume (PDF and DOCX) for PROFILE."""
    _run(["resume"], profile, guide, posting, **opts)


@click.command(context_settings=CONTEXT)
@target_options
@watch_option
@user_errors
def cover(profile: Path, guide: str | None, posting: Path | None, **opts: Any) -> None:
    """Write a one-page cover letter matching the resume."""
    _run(["cover"], profile, guide, posting, **opts)


@click.command(context_settings=CONTEXT)
@target_options
@watch_option
@user_errors
def prep(profile: Path, guide: str | None, posting: Path | None, **opts: Any) -> None:
    """Write an interview-prep sheet built from the candidate's own experience."""
    _run(["interview"], profile, guide, posting, **opts)


@click.command(context_settings=CONTEXT)
@target_options
@max_pages_option
@watch_option
@user_errors
def packet(profile: Path, guide: str | None, posting: Path | None, **opts: Any) -> None:
    """Write the whole packet: resume, cover letter, interview prep, gap report and match.json."""
    from appkit.options import PACKET

    _run(list(PACKET), profile, guide, posting, **opts)


@click.command(context_settings=CONTEXT)
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
    from appkit.match.engine import match_profile
    from appkit.match.report import format_match

    if not guide and not posting:
        raise click.UsageError("give --guide or --posting to match against")
    # The loaders only: matching needs none of the rendering modules `appkit.packet` imports.
    parts = load_parts(profile, guide, posting, opts)
    today = datetime.date.fromisoformat(opts["date_"]) if opts["date_"] else None
    result = match_profile(*parts, today=today)
    click.echo(result.model_dump_json(indent=2) if as_json else format_match(result))
    if report:
        _write(["report"], make_inputs(profile, parts), **opts)


@click.command(context_settings=CONTEXT)
def doctor() -> None:
    """Check fonts, the HarfBuzz subsetter and library versions."""
    from appkit.cli.doctor import run_checks

    checks = run_checks()
    for check in checks:
        mark = "ok  " if check.ok else "FAIL"
        click.echo(f"[{mark}] {check.name}: {check.detail}")
        if not check.ok and check.fix:
            click.echo(f"       fix: {check.fix}")
    if not all(c.ok or c.optional for c in checks):
        raise SystemExit(1)
