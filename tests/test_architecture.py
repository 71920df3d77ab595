"""The stage layering holds: lint-imports checks pyproject.toml's contracts on this source tree."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import appkit

ROOT = Path(__file__).resolve().parents[1]
SRC = Path(appkit.__file__).resolve().parents[1]


def _lint_imports(src: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    code = "import sys; from importlinter.cli import lint_imports_command as run; sys.exit(run())"
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_layers_and_no_cycles_are_kept() -> None:
    result = _lint_imports(SRC)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Stages import only downward KEPT" in result.stdout
    assert "No cycles KEPT" in result.stdout


def test_an_upward_import_breaks_the_layers(tmp_path: Path) -> None:
    """The contract is not vacuous: a copy of the source with errors.py importing the CLI fails."""
    import shutil

    copy = tmp_path / "src"
    shutil.copytree(SRC / "appkit", copy / "appkit")
    errors = copy / "appkit" / "errors.py"
    errors.write_text(errors.read_text() + "\nimport appkit.cli  # noqa: E402\n")
    result = _lint_imports(copy)
    assert result.returncode != 0
    assert "Stages import only downward BROKEN" in result.stdout
    assert "appkit.errors -> appkit.cli" in result.stdout


def test_every_model_builds_its_validator_on_first_use() -> None:
    """pydantic builds a model's validator at class creation unless `defer_build`: with it, a
    command pays only for the models it uses (issue 17: `appkit match` imports 70 models)."""
    import importlib
    import pkgutil

    from pydantic import BaseModel

    import appkit

    for module in pkgutil.walk_packages(appkit.__path__, "appkit."):
        if module.name.endswith("__main__"):
            continue
        importlib.import_module(module.name)
    eager = [
        f"{cls.__module__}.{cls.__qualname__}"
        for cls in _subclasses(BaseModel)
        if cls.__module__.startswith("appkit.") and not cls.model_config.get("defer_build")
    ]
    assert not eager, f"add defer_build=True to model_config: {eager}"


def _subclasses(cls: type) -> list[type]:
    found = []
    for sub in cls.__subclasses__():
        found += [sub, *_subclasses(sub)]
    return found
