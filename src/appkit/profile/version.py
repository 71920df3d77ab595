"""The profile schema version (`appkit_profile: N`) and the migrations between versions.

A profile without `appkit_profile` is version 1. When the schema changes, CURRENT goes up and
MIGRATIONS gains an entry: MIGRATIONS[n] turns version-n data into version n+1 data. Old profiles
are then migrated on reading, with a notice, instead of being rejected; a version newer than this
appkit knows is a clear error.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from appkit.errors import InputError
from appkit.loading.yamlsafe import line_of

CURRENT = 1
FIELD = "appkit_profile"
Migration = Callable[[dict[str, Any]], dict[str, Any]]
# version -> function from that version's data to the next version's data.
MIGRATIONS: dict[int, Migration] = {}


def version_of(data: dict[str, Any], node: Any, file: str) -> int:
    raw = data.get(FIELD, 1)
    try:
        version = int(str(raw).strip())
    except ValueError:
        version = 0
    if version < 1:
        raise InputError.single(
            file, f"expected a whole number such as {CURRENT}", line_of(node, (FIELD,)), FIELD
        )
    if version > CURRENT:
        raise InputError.single(
            file,
            f"profile version {version} is newer than this appkit understands (up to {CURRENT});"
            " update appkit",
            line_of(node, (FIELD,)),
            FIELD,
        )
    return version


def upgrade(
    data: dict[str, Any],
    node: Any,
    file: str,
    migrations: dict[int, Migration] | None = None,
    current: int = CURRENT,
) -> dict[str, Any]:
    """Bring profile data up to the current version, telling the user when it had to."""
    migrations = MIGRATIONS if migrations is None else migrations
    version = version_of(data, node, file) if current == CURRENT else int(data.get(FIELD, 1))
    if version > current:
        raise InputError.single(file, f"profile version {version} is newer than {current}")
    start = version
    while version < current:
        data = migrations[version](dict(data))
        version += 1
    if version != start:
        print(
            f"notice: {file}: profile version {start} read as version {current}; "
            f"`appkit export {file} --to yaml` writes it in the new form",
            file=sys.stderr,
        )
    return {**data, FIELD: current}
