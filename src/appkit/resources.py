"""Find appkit's built-in data folders (templates/, guides/) in a wheel and in a source checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

Folder = Literal["templates", "guides", "profiles"]


@cache
def builtin_dir(name: Folder) -> Path:
    """The built-in folder `name`.

    A wheel carries it inside the package (hatch force-include puts it at appkit/<name>). A source
    checkout or editable install keeps it at the repository root, two levels above this file;
    the editable install's snapshot copy is deliberately not used, so edits show up at once.
    """
    root_copy = Path(__file__).resolve().parents[2] / name
    packaged = Path(__file__).resolve().parent / name
    if (root_copy.parent / "pyproject.toml").is_file() and root_copy.is_dir():
        return root_copy
    if packaged.is_dir():
        return packaged
    raise FileNotFoundError(f"appkit's built-in {name}/ folder is missing from {packaged.parent}")
