"""The profile, guide and posting a target command names, loaded for the command.

Only the loaders are imported here, so `appkit match` never pays for the rendering modules that
`appkit.packet` brings in (tests/cli/test_startup.py checks the imports and that both routes give
the same inputs).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click


def load_target(
    profile: Path, guide: str | None, posting: Path | None, opts: dict[str, Any]
) -> Any:
    """`appkit.packet.Inputs` for a target command; see `load_parts`."""
    return make_inputs(profile, load_parts(profile, guide, posting, opts))


def make_inputs(profile: Path, parts: tuple[Any, Any, Any]) -> Any:
    """The `appkit.packet.Inputs` of loaded parts (imports the rendering modules)."""
    from appkit.packet import Inputs

    loaded_profile, loaded_guide, loaded_posting = parts
    return Inputs(
        profile=loaded_profile,
        profile_file=Path(profile).absolute(),  # the current folder now, not at write time
        guide=loaded_guide,
        posting=loaded_posting,
    )


def load_parts(
    profile: Path, guide: str | None, posting: Path | None, opts: dict[str, Any]
) -> tuple[Any, Any, Any]:
    """Load the profile, guide and posting a target command names (as `appkit.packet.load_inputs`
    does) and print the posting's warnings, once, on stderr.

    Importing only the loaders keeps `appkit match` free of the rendering modules that
    `appkit.packet` brings in; tests/cli/test_startup.py checks both give the same inputs.
    --posting-id, --job-title and --company go to the posting reader: the options always win
    over the posting's own title and company, so a posting without a findable title is no error.
    """
    from appkit.guide.role import load_role
    from appkit.profile.load import load_profile

    if posting is None and opts.get("posting_id"):
        raise click.UsageError("--posting-id needs --posting FILE.csv")
    loaded_guide, loaded_posting = load_role(
        guide,
        posting,
        posting_id=opts.get("posting_id"),
        job_title=opts.get("job_title"),
        company=opts.get("company"),
    )
    loaded_profile = load_profile(profile)
    for warning in loaded_posting.warnings if loaded_posting else []:
        click.echo(f"warning: {warning}", err=True)
    from appkit.documents.language import language_warning

    language = language_warning(loaded_profile)
    if language:
        click.echo(f"warning: {language}", err=True)
    return loaded_profile, loaded_guide, loaded_posting
