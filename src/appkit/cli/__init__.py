"""The `appkit` command line: parse options, call the library, print results. Nothing else.

Commands are defined in their own modules and registered here, so none of them imports this one.
"""

from __future__ import annotations

import click

from appkit import __version__
from appkit.cli import batch, commands, export, profile, templates
from appkit.cli import guide as guide_commands
from appkit.cli.common import CONTEXT, SuggestingGroup


@click.group(cls=SuggestingGroup, context_settings=CONTEXT)
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


# The modules are imported, not their commands, so `appkit.cli.guide` stays the module.
COMMANDS = (
    commands.resume,
    commands.cover,
    commands.prep,
    commands.packet,
    commands.match,
    commands.doctor,
    batch.batch,
    profile.init,
    profile.validate,
    export.export,
    guide_commands.guide,
    templates.templates,
    templates.schema,
)
for _command in COMMANDS:
    cli.add_command(_command)


def main() -> None:
    cli(prog_name="appkit")
