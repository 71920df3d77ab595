"""The `appkit` command line: parse options, call the library, print results. Nothing else.

Commands are defined in their own modules and imported only when run (or when their own --help
is asked for): `appkit --help` lists them from `COMMANDS` below without importing any, so start-up
costs click and this module. Registering a command is one line in `COMMANDS`.
"""

from __future__ import annotations

import os
import sys
from importlib import import_module
from typing import NamedTuple

import click
from click.formatting import HelpFormatter

from appkit import __version__
from appkit.cli.common import CONTEXT, SuggestingGroup


class Lazy(NamedTuple):
    """Where a command lives and what `appkit --help` lists for it."""

    target: str  # "module:attribute"
    summary: str  # the command's help text, shortened to fit as click does
    short: bool = False  # True when the command sets short_help: click then never shortens it


# tests/cli/test_startup.py checks every summary against the command's own help text.
COMMANDS: dict[str, Lazy] = {
    "resume": Lazy(
        "appkit.cli.commands:resume", "Write a tailored resume (PDF and DOCX) for PROFILE."
    ),
    "cover": Lazy(
        "appkit.cli.commands:cover", "Write a one-page cover letter matching the resume."
    ),
    "prep": Lazy(
        "appkit.cli.commands:prep",
        "Write an interview-prep sheet built from the candidate's own experience.",
    ),
    "packet": Lazy(
        "appkit.cli.commands:packet",
        "Write the whole packet: resume, cover letter, interview prep, gap report and match.json.",
    ),
    "match": Lazy(
        "appkit.cli.commands:match",
        "Score PROFILE against the role: covered, partial, missing, level fit, next steps.",
    ),
    "doctor": Lazy(
        "appkit.cli.commands:doctor",
        "Check fonts, the HarfBuzz subsetter and library versions.",
    ),
    "batch": Lazy("appkit.cli.batch:batch", "Every packet of a roster, and a report.", short=True),
    "init": Lazy(
        "appkit.cli.profile:init", "Write a commented starter profile to fill in.", short=True
    ),
    "validate": Lazy(
        "appkit.cli.profile:validate", "Check profile files or folders of profiles.", short=True
    ),
    "export": Lazy(
        "appkit.cli.export:export", "Write a profile as JSON Resume or appkit YAML.", short=True
    ),
    "guide": Lazy(
        "appkit.cli.guide:guide",
        "Role guides: list the built-ins, show what appkit understood, export, create.",
    ),
    "templates": Lazy(
        "appkit.cli.templates:templates",
        "List the designs or copy one out to customise it.",
    ),
    "schema": Lazy(
        "appkit.cli.templates:schema",
        "Print the JSON Schema of a profile or a guide, for editor completion and validation.",
    ),
}


def load_command(name: str) -> click.Command:
    """Import the module of command `name` and return its click command."""
    module, _, attribute = COMMANDS[name].target.partition(":")
    command = getattr(import_module(module), attribute)
    if not isinstance(command, click.Command):  # a typo in COMMANDS, not a user error
        raise TypeError(f"{COMMANDS[name].target} is not a click command")
    return command


class LazyGroup(SuggestingGroup):
    """A group whose subcommands are imported on first use; the listing comes from `COMMANDS`."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(COMMANDS) | set(self.commands))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.commands:
            return self.commands[cmd_name]
        if cmd_name not in COMMANDS:
            return None
        command = self.commands[cmd_name] = load_command(cmd_name)
        return command

    def format_commands(self, ctx: click.Context, formatter: HelpFormatter) -> None:
        """The command list, from the summaries: listing must not import the commands."""
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = [(name, _summary(self, ctx, name, limit)) for name in names]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def _summary(group: LazyGroup, ctx: click.Context, name: str, limit: int) -> str:
    if name in COMMANDS and name not in group.commands:
        entry = COMMANDS[name]  # a bare command shortens the summary as the real one would
        short = entry.summary if entry.short else None
        return click.Command(name, help=entry.summary, short_help=short).get_short_help_str(limit)
    command = group.get_command(ctx, name)
    return command.get_short_help_str(limit) if command else ""


@click.group(cls=LazyGroup, context_settings=CONTEXT)
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


def main() -> None:
    # appkit uses no pydantic plugins; without this pydantic reads every installed package's
    # entry points (a few ms per command, more in a large environment) to look for some.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from appkit.cli.early import early_service
    from appkit.cli.plugins import skip_plugin_scan

    skip_plugin_scan()  # and no import of pydantic's plugin loader either

    service = early_service(sys.argv[1:])  # before parsing: see appkit.cli.early
    try:
        cli(prog_name="appkit", obj={"pdf_service": service})
    finally:
        if service is not None:
            service.close()
