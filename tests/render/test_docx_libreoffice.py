"""The DOCX, laid out by another word processor (LibreOffice headless), has the PDF's page count.

All four documents of every sample profile (twenty files) are converted in one `soffice` call:
start-up is the slow part, and the whole conversion takes a few seconds. Skipped with a message
where LibreOffice is absent: `apt-get install libreoffice-writer-nogui` (or
`bash scripts/install.sh --test`).
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest

from tests.conftest import ROOT

KINDS = {
    "resume": "resume",
    "cover": "cover-letter",
    "interview": "interview-prep",
    "report": "gap-report",
}
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _pages(data: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(data)).pages)


@pytest.mark.slow
@pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice is not installed (apt-get install libreoffice-writer-nogui, or "
    "bash scripts/install.sh --test): the DOCX page-count check against the PDF is skipped",
)
def test_docx_has_the_pdfs_page_count_in_libreoffice(tmp_path: Path) -> None:
    from appkit.engine import Engine
    from appkit.options import Options
    from appkit.packet import load_inputs, render_documents

    engine = Engine()
    options = Options(date="2026-01-15", company="Mercy Valley Health", formats=("pdf", "docx"))
    expected: dict[str, int] = {}
    for profile in sorted((ROOT / "profiles").glob("*.yaml")):
        inputs = load_inputs(profile, "clinical-coordinator")
        files = render_documents(list(KINDS), inputs, options, None, engine)
        for name in KINDS.values():
            stem = f"{profile.stem}-{name}"
            (tmp_path / f"{stem}.docx").write_bytes(files[f"{name}.docx"])
            expected[stem] = _pages(files[f"{name}.pdf"])
    out = tmp_path / "lo"
    profile_dir = tmp_path / "lo-profile"  # never the user's LibreOffice profile
    command = [
        str(SOFFICE),
        f"-env:UserInstallation={profile_dir.as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out),
        *sorted(str(p) for p in tmp_path.glob("*.docx")),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    found = {stem: _pages((out / f"{stem}.pdf").read_bytes()) for stem in expected}
    assert found == expected
