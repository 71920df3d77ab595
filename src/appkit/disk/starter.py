"""Write the starter profile (`appkit init`) to a file, refusing to overwrite by accident."""

from __future__ import annotations

from pathlib import Path

from appkit.disk.files import atomic_write
from appkit.errors import InputError
from appkit.profile.starter import SUFFIXES, starter_profile


def write_starter(path: Path, force: bool = False) -> None:
    """Write the starter profile to `path`; an existing file is replaced only with `force`."""
    if path.suffix.lower() not in SUFFIXES:
        raise InputError.single(path, "the starter profile is YAML: name it .yaml or .yml")
    if path.is_dir():
        raise InputError.single(path, "is a folder; give a file name such as profile.yaml")
    if (path.exists() or path.is_symlink()) and not force:
        raise InputError.single(path, "already exists; add --force to replace it")
    atomic_write(path, starter_profile().encode("utf-8"))
