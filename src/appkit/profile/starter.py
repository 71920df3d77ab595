"""`appkit init`: a commented starter profile that shows every section and validates as is."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from appkit.errors import InputError
from appkit.output.files import atomic_write

# Shipped inside the package (src/appkit/), so a wheel carries it like any module.
STARTER_FILE = "starter-profile.yaml"
SUFFIXES = (".yaml", ".yml")


def starter_profile() -> str:
    """The starter profile's YAML text, comments included."""
    return files("appkit.profile").joinpath(STARTER_FILE).read_text(encoding="utf-8")


def write_starter(path: Path, force: bool = False) -> None:
    """Write the starter profile to `path`; an existing file is replaced only with `force`."""
    if path.suffix.lower() not in SUFFIXES:
        raise InputError.single(path, "the starter profile is YAML: name it .yaml or .yml")
    if path.is_dir():
        raise InputError.single(path, "is a folder; give a file name such as profile.yaml")
    if (path.exists() or path.is_symlink()) and not force:
        raise InputError.single(path, "already exists; add --force to replace it")
    atomic_write(path, starter_profile().encode("utf-8"))
