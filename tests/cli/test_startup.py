"""Start-up: each command imports only what it needs (checked by module, never by time)."""

from __future__ import annotations

import importlib.metadata
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import click
import pytest

import appkit
from appkit.cli import COMMANDS, LazyGroup, _summary, cli, load_command
from appkit.cli.inputs import load_parts, load_target
from appkit.cli.plugins import LOADER
from tests.conftest import ROOT

PROFILE = str(ROOT / "profiles" / "linda-chen.yaml")
RENDERING = ("weasyprint", "pydyf", "tinycss2", "cssselect2", "fontTools", "PIL")

# Runs the CLI in a fresh interpreter, then writes the names of every module it imported.
_PROBE = """
import json, runpy, sys
out, sys.argv = sys.argv[1], ["appkit", *sys.argv[2:]]
try:
    runpy.run_module("appkit", run_name="__main__")
except SystemExit:
    pass
with open(out, "w") as f:
    json.dump(sorted(sys.modules), f)
"""


def _modules(tmp_path: Path, *args: str) -> set[str]:
    """Top-level and dotted names of the modules `appkit ARGS` imported, in a new process."""
    out = tmp_path / "modules.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(out), *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.exists(), done.stderr
    return set(json.loads(out.read_text()))


def _bare(tmp_path: Path) -> set[str]:
    """What the interpreter itself imports here (site hooks may bring importlib.metadata)."""
    code = "import json, sys; print(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(json.loads(done.stdout))


def _packages(modules: set[str]) -> set[str]:
    # appkit.cli.plugins' stand-in for pydantic's plugin loader is appkit's, not pydantic
    return {name.split(".")[0] for name in modules if name != LOADER}


def test_version_is_the_packages() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert appkit.__version__ == pyproject["project"]["version"]
    assert appkit.__version__ == importlib.metadata.version("appkit")


def test_help_imports_no_command(tmp_path: Path) -> None:
    modules = _modules(tmp_path, "--help") - _bare(tmp_path)
    shared = {"appkit.cli.common", "appkit.cli.early", "appkit.cli.plugins"}  # what main uses
    assert not {m for m in modules if m.startswith("appkit.cli.") and m not in shared}
    assert "importlib.metadata" not in modules
    assert not _packages(modules) & {"pydantic", "yaml", "jinja2", "docx", *RENDERING}


def test_version_imports_no_metadata(tmp_path: Path) -> None:
    modules = _modules(tmp_path, "--version") - _bare(tmp_path)
    assert "importlib.metadata" not in modules and "pydantic" not in _packages(modules)


def test_match_imports_no_rendering(tmp_path: Path) -> None:
    modules = _modules(tmp_path, "match", PROFILE, "-g", "clinical-coordinator")
    assert "appkit.match.engine" in modules  # it did run
    assert not _packages(modules) & {"jinja2", "docx", *RENDERING}
    assert not {"appkit.packet", "appkit.render.pdfwriter", "appkit.guide.posting"} & modules
    # pydantic's plugin loader stays unloaded (appkit.cli.plugins): no entry-point scan, no email
    assert "importlib.metadata" not in modules - _bare(tmp_path)
    assert "rapidfuzz" not in modules  # the guide's level titles are the salary table's own


@pytest.mark.parametrize(
    "args",
    [
        ("validate", PROFILE),
        ("guide", "show", "clinical-coordinator"),
        ("schema", "guide"),
    ],
)
def test_plain_commands_import_no_rendering(tmp_path: Path, args: tuple[str, ...]) -> None:
    modules = _modules(tmp_path, *args)
    assert not _packages(modules) & {"docx", *RENDERING}
    assert f"appkit.cli.{'profile' if args[0] == 'validate' else args[0]}" in modules or (
        "appkit.cli.templates" in modules
    )


def test_docx_resume_imports_no_pdf_stack(tmp_path: Path) -> None:
    args = ("resume", PROFILE, "-g", "clinical-coordinator", "-f", "docx", "-o", "out")
    modules = _modules(tmp_path, *args)
    assert list((tmp_path / "out").rglob("*.docx")), "the DOCX was written"
    assert "docx" in _packages(modules)
    assert not _packages(modules) & set(RENDERING)
    assert "appkit.render.pdfwriter" not in modules
    assert "appkit.render.pdfservice" not in modules  # no helper for a DOCX, nor its imports


def test_help_lists_what_the_commands_say() -> None:
    """The summaries in COMMANDS are what each command's own help would list."""
    for limit in (45, 60, 80, 200):
        for name in COMMANDS:
            real = load_command(name).get_short_help_str(limit)
            fresh = LazyGroup("appkit")  # nothing loaded: the summary comes from COMMANDS
            assert _summary(fresh, click.Context(fresh), name, limit) == real, name
            assert name not in fresh.commands
    listed = cli.get_help(click.Context(cli, info_name="appkit")).split("Commands:")[1]
    assert [line.split()[0] for line in listed.strip().splitlines()] == sorted(COMMANDS)


def test_commands_resolve_to_their_own_names() -> None:
    for name in COMMANDS:
        assert load_command(name).name == name


def test_cli_loading_equals_the_library_loading() -> None:
    """The CLI loads inputs without `appkit.packet`, to the same result as `load_inputs`."""
    from appkit.packet import load_inputs

    posting = ROOT / "tests" / "data" / "postings"
    files = sorted(p for p in posting.glob("*.txt"))[:1]
    opts = {"posting_id": None, "job_title": None, "company": None}
    for posting_file in [None, *files]:
        ours = load_target(Path(PROFILE), "clinical-coordinator", posting_file, opts)
        library = load_inputs(PROFILE, "clinical-coordinator", posting_file)
        assert ours == library
        assert load_parts(Path(PROFILE), "clinical-coordinator", posting_file, opts) == (
            library.profile,
            library.guide,
            library.posting,
        )
