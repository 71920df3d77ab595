"""No pydantic plugin scan in appkit's own commands.

appkit uses no pydantic plugin, so `main` turns them off (PYDANTIC_DISABLE_PLUGINS). pydantic then
skips reading every installed package's entry points, but it still imports its plugin loader to
read that variable, the first time it builds a validator, and the loader imports
`importlib.metadata` (email, socket, csv...): ~15 ms of a one-off `appkit match`. With plugins off,
`skip_plugin_scan` puts a stand-in loader in its place that answers "no plugins". Anything else a
later pydantic asks of the loader is fetched from the real one, so a change there costs time,
never correctness.
"""

from __future__ import annotations

import importlib
import os
import sys
import types
from typing import Any

LOADER = "pydantic.plugin._loader"
OFF = ("__all__", "1", "true")  # the values for which pydantic itself loads no plugin at all


def skip_plugin_scan() -> None:
    """Stand in for pydantic's plugin loader when plugins are off and it is not loaded yet."""
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") not in OFF or LOADER in sys.modules:
        return
    stand_in = types.ModuleType(LOADER, "appkit's stand-in: pydantic plugins are off")
    stand_in.get_plugins = _no_plugins  # type: ignore[attr-defined]
    stand_in.__getattr__ = _from_real_loader  # type: ignore[method-assign]
    sys.modules[LOADER] = stand_in


def _no_plugins() -> tuple[()]:
    return ()


def _from_real_loader(name: str) -> Any:
    if name.startswith("__"):  # copy, pickle and doctest probe modules for dunders
        raise AttributeError(name)
    sys.modules.pop(LOADER, None)
    return getattr(importlib.import_module(LOADER), name)
