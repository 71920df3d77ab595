"""`appkit init`: a commented starter profile that shows every section and validates as is."""

from __future__ import annotations

from importlib.resources import files

# Shipped inside the package (src/appkit/profile/), so a wheel carries it like any module.
STARTER_FILE = "starter-profile.yaml"
SUFFIXES = (".yaml", ".yml")


def starter_profile() -> str:
    """The starter profile's YAML text, comments included."""
    return files("appkit.profile").joinpath(STARTER_FILE).read_text(encoding="utf-8")
