"""Every third-party package the code imports is declared in pyproject.toml, so none can drift.

The imports are read from the source (ast), including the lazy ones inside functions, and mapped to
distributions with importlib.metadata, so `import docx` must be declared as python-docx.
"""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

import pytest

from tests.conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
FIRST_PARTY = {"appkit", "tests"}


def _normalize(name: str) -> str:
    """PEP 503 normalized distribution name: 'Python_Docx' -> 'python-docx'."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _declared(requirements: list[str]) -> set[str]:
    names = (re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", r.strip()) for r in requirements)
    return {_normalize(m.group(0)) for m in names if m}


def _top_level_imports(folder: Path) -> dict[str, list[str]]:
    """Absolute top-level module names imported anywhere under `folder`, with where they are."""
    found: dict[str, list[str]] = {}
    for path in sorted(folder.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [node.module]
            else:
                continue
            for module in modules:
                where = f"{path.relative_to(folder.parent)}:{node.lineno}"
                found.setdefault(module.split(".")[0], []).append(where)
    return found


def _undeclared(folder: Path, declared: set[str]) -> list[str]:
    """'module (file:line) -> distribution' for every third-party import not in `declared`."""
    distributions = importlib.metadata.packages_distributions()
    problems = []
    for module, places in sorted(_top_level_imports(folder).items()):
        if module in sys.stdlib_module_names or module in FIRST_PARTY:
            continue
        dists = {_normalize(d) for d in distributions.get(module, [])}
        if not dists:
            problems.append(f"{module} ({places[0]}): not installed, so not declared either")
        elif not dists & declared:
            problems.append(f"{module} ({places[0]}) -> declare {' or '.join(sorted(dists))}")
    return problems


def test_the_scan_sees_the_imports_it_must_check() -> None:
    imports = _top_level_imports(ROOT / "src" / "appkit")
    # Lazy imports inside functions count too (pydyf is imported only while writing a PDF).
    assert {"lxml", "docx", "yaml", "pydyf", "weasyprint", "click"} <= imports.keys()
    assert "appkit" in imports and "os" in imports


def test_every_third_party_import_under_src_is_a_declared_dependency() -> None:
    # `appkit batch --scheduler` imports distributed only when asked, from the `cluster` extra.
    extras = PYPROJECT["project"]["optional-dependencies"]["cluster"]
    declared = _declared(PYPROJECT["project"]["dependencies"] + extras)
    assert _undeclared(ROOT / "src" / "appkit", declared) == []


def test_every_third_party_import_under_tests_is_declared_for_testing() -> None:
    project = PYPROJECT["project"]
    declared = _declared(project["dependencies"] + project["optional-dependencies"]["test"])
    assert _undeclared(ROOT / "tests", declared) == []


@pytest.mark.parametrize(
    ("requirement", "name"),
    [("python-docx>=1.2", "python-docx"), ("PyYAML>=6", "pyyaml"), ("Jinja2 >= 3", "jinja2")],
)
def test_requirement_names_are_normalized(requirement: str, name: str) -> None:
    assert _declared([requirement]) == {name}


def test_an_undeclared_import_is_reported(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "mod.py").write_text("def f():\n    import lxml.html\n", encoding="utf-8")
    assert _undeclared(package, {"click"}) == ["lxml (pkg/mod.py:2) -> declare lxml"]
    assert _undeclared(package, {"lxml"}) == []
