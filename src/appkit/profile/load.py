"""Load a profile file into a validated `Profile`, every problem reported at once.

A profile is appkit's own YAML/JSON, or a JSON Resume document (recognised by its fields and
converted, see profile.input); an older `appkit_profile` version is migrated with a notice.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from appkit.errors import InputError
from appkit.loading.read import json_node, read_data, read_text
from appkit.profile.input import emit_warnings, is_jsonresume, lenient_json, prepare_profile
from appkit.profile.model import Profile


def load_profile(path: Path | str, label: str | None = None) -> Profile:
    """Read and validate the profile at ``path``; raises InputError naming file, line and field."""
    path = Path(path)
    file = label or str(path)
    try:
        data, node = read_data(path, label)
    except InputError as exc:  # a JSON Resume may repeat a key: the last wins, with a warning
        data, node = _jsonresume_with_duplicates(path, file, exc)
    return prepare_profile(data, node, file)


def _jsonresume_with_duplicates(path: Path, file: str, error: InputError) -> tuple[Any, Any]:
    if path.suffix.lower() != ".json" or "duplicate key" not in error.message:
        raise error
    text = read_text(path, file)
    data, warnings = lenient_json(text, file)
    if not isinstance(data, dict) or not is_jsonresume(data):
        raise error
    emit_warnings(warnings)
    return data, json_node(text)
