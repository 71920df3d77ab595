"""Load a profile file (YAML or JSON) into a validated `Profile`, every problem reported at once."""

from __future__ import annotations

from pathlib import Path

from appkit.loading.read import load_model
from appkit.profile.model import Profile


def load_profile(path: Path | str) -> Profile:
    """Read and validate the profile at ``path``; raises InputError naming file, line and field."""
    return load_model(Path(path), Profile)
