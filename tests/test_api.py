"""The public API: lazy re-exports from `appkit`, build_packet in memory, the README's example."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

import appkit
from tests.conftest import ROOT

SRC = Path(appkit.__file__).resolve().parents[1]


def _python(code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True
    )


def test_import_appkit_imports_nothing_else_of_appkit() -> None:
    code = (
        "import sys, appkit; print(sorted(m for m in sys.modules if m.startswith('appkit')))\n"
        "appkit.load_profile; print('appkit.profile.load' in sys.modules)"
    )
    result = _python(code, ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == ["['appkit']", "True"]


def test_every_public_name_resolves() -> None:
    for name in appkit.__all__:
        assert getattr(appkit, name) is not None, name
    assert appkit.build_packet.__module__ == "appkit.packet"


def test_build_packet_returns_named_documents_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    inputs = appkit.load_inputs(ROOT / "profiles" / "maria-santos.yaml", "clinical-coordinator")
    options = appkit.Options(date="2026-01-15", company="Mercy Valley Health")
    packet = appkit.build_packet(inputs, options, engine=appkit.Engine())
    assert list(tmp_path.iterdir()) == []  # nothing written, not even out/
    assert set(packet.files) == {
        f"Maria-Santos-{kind}.{fmt}"
        for kind in ("Resume", "Cover-Letter", "Interview-Prep", "Gap-Report")
        for fmt in ("pdf", "docx")
    } | {"match.json"}
    resume = PdfReader(io.BytesIO(packet.files["Maria-Santos-Resume.pdf"])).pages[0].extract_text()
    assert "Maria Santos" in resume
    letter = docx.Document(io.BytesIO(packet.files["Maria-Santos-Cover-Letter.docx"]))
    assert any("Mercy Valley Health" in p.text for p in letter.paragraphs)
    assert packet.match is not None and packet.match.company == "Mercy Valley Health"
    assert b'"company": "Mercy Valley Health"' in packet.files["match.json"]


def test_readme_python_example_runs(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, re.S)
    assert blocks, "the README shows a Python example"
    for block in blocks:
        assert len([line for line in block.splitlines() if line.strip()]) <= 6
        result = _python(block, ROOT)
        assert result.returncode == 0, result.stderr
        assert "Maria-Santos-Resume.pdf" in result.stdout
