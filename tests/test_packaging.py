"""Built-in templates and guides are found from the source tree and from an installed wheel."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from appkit.resources import builtin_dir
from tests.conftest import ROOT


def test_source_checkout_uses_repository_folders() -> None:
    assert builtin_dir("templates") == ROOT / "templates"
    assert builtin_dir("guides") == ROOT / "guides"
    assert (builtin_dir("templates") / "resume" / "classic.html").is_file()


@pytest.mark.slow
def test_wheel_ships_and_finds_templates_and_guides(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(dist),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next(dist.glob("appkit-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "appkit/templates/resume/classic.html" in names
    assert "appkit/templates/resume/classic.css" in names
    assert "appkit/guides/clinical-coordinator.txt" in names
    assert "appkit/guides/parsed/clinical-coordinator.json" in names  # loaded without parsing
    assert "appkit/profile/starter-profile.yaml" in names

    # A fresh venv that sees the already-installed dependencies but not the source tree.
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--no-deps", "--force-reinstall", str(wheel)],
        check=True,
        capture_output=True,
    )
    profile = ROOT / "tests" / "data" / "profiles" / "full.yaml"
    script = (
        "import pathlib, appkit.resources as r\n"
        "print(r.builtin_dir('templates'))\n"
        "from appkit.options import Options\n"
        "from appkit.disk.write import generate\n"
        "from appkit.packet import load_inputs\n"
        f"inputs = load_inputs({str(profile)!r}, 'clinical-coordinator')\n"
        f"options = Options(out_dir=pathlib.Path({str(tmp_path / 'out')!r}))\n"
        "for o in generate(['resume'], inputs, options): print(o.path)\n"
    )
    # Run from an unrelated folder with a clean path, so the source tree cannot leak in.
    result = subprocess.run(
        [python, "-I", "-c", script], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "site-packages/appkit/templates" in lines[0]
    written = [Path(line) for line in lines[1:]]
    assert {p.suffix for p in written} == {".pdf", ".docx"}
    assert all(p.stat().st_size > 1000 for p in written)

    # `appkit init` reads its starter profile from the installed package, and it validates.
    starter = tmp_path / "starter.yaml"
    for args in (["init", str(starter)], ["validate", str(starter)]):
        result = subprocess.run(
            [python, "-I", "-m", "appkit", *args], cwd=tmp_path, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr
