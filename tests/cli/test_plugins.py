"""appkit.cli.plugins: with pydantic plugins off, pydantic's plugin loader is never imported, and
pydantic still builds validators; with them on, nothing changes."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

_PROBE = """
import sys
from appkit.cli.plugins import LOADER, skip_plugin_scan
skip_plugin_scan()
stand_in = sys.modules.get(LOADER)
from pydantic import BaseModel
class Model(BaseModel):
    name: str
assert Model(name="x").name == "x"  # a validator was built through the loader in place
print("stand-in" if stand_in is not None else "real", "importlib.metadata" in sys.modules)
from pydantic.plugin._loader import PYDANTIC_ENTRY_POINT_GROUP  # anything else: the real loader
print(PYDANTIC_ENTRY_POINT_GROUP)
"""


def _probe(setting: str | None) -> list[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    env["PYTHONPATH"] = str(ROOT / "src")
    if setting is not None:
        env["PYDANTIC_DISABLE_PLUGINS"] = setting
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


@pytest.mark.parametrize("setting", ["__all__", "1", "true"])
def test_plugins_off_means_no_loader(setting: str) -> None:
    first, metadata_loaded, group = _probe(setting)
    assert first == "stand-in" and group == "pydantic"
    bare = subprocess.run(  # a site hook may import importlib.metadata before any appkit code
        [sys.executable, "-c", "import sys; print('importlib.metadata' in sys.modules)"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert metadata_loaded == bare.stdout.strip()


@pytest.mark.parametrize("setting", [None, "", "logfire"])
def test_plugins_on_keeps_pydantics_loader(setting: str | None) -> None:
    first, _, group = _probe(setting)
    assert first == "real" and group == "pydantic"
