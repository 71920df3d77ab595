"""Built-in guides ship parsed ahead of time (guides/parsed/); the parsed form is never stale."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from appkit.guide.library import _load_path, load_guide
from appkit.guide.parsed import parsed_guide
from tests.conftest import ROOT

GUIDE = ROOT / "guides" / "clinical-coordinator.txt"


def test_the_shipped_parsed_guides_are_current() -> None:
    """Fails after a parser change until `python3 scripts/build_guides.py` is run again."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_guides.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_built_in_guide_loads_from_its_parsed_form_as_parsed() -> None:
    shipped = parsed_guide(GUIDE)
    assert shipped is not None
    assert shipped == _load_path(GUIDE, label="guides/clinical-coordinator.txt")
    assert load_guide("clinical-coordinator") == shipped
    assert "Clinical Coordinator" in shipped.title


def test_an_edited_guide_is_parsed_again(tmp_path: Path) -> None:
    """The parsed form records the SHA-256 of its text: other text is not served from it."""
    folder = tmp_path / "guides"
    shutil.copytree(GUIDE.parent / "parsed", folder / "parsed")
    edited = folder / GUIDE.name
    text = GUIDE.read_text(encoding="utf-8")
    edited.write_text(text.replace("Clinical Coordinator", "Clinic Lead Coordinator", 1))
    assert parsed_guide(edited) is None
    assert parsed_guide(GUIDE.parent / "missing.txt") is None
    damaged = folder / "parsed" / "clinical-coordinator.json"
    shutil.copy(GUIDE, edited)
    for text in ("{not json", '{"source_sha256": 1}', "[]"):
        damaged.write_text(text, encoding="utf-8")
        assert parsed_guide(edited) is None  # parsed from the text instead, never an error
