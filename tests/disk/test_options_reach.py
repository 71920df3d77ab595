"""--company, --hiring-manager, --job-title and --date reach match.json and every document."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from appkit.disk.write import generate
from appkit.options import Options
from appkit.packet import load_inputs
from tests.conftest import ROOT

COMPANY, MANAGER, TITLE, DATE = (
    "Zeta Health Cooperative",
    "Ms. Quixote",
    "Care Flow Lead",
    "2026-03-09",
)
STEMS = {
    "resume": "Resume",
    "cover": "Cover-Letter",
    "interview": "Interview-Prep",
    "report": "Gap-Report",
}


def packet(out: Path) -> dict[str, Path]:
    inputs = load_inputs(ROOT / "profiles" / "maria-santos.yaml", "clinical-coordinator")
    options = Options(
        out_dir=out, company=COMPANY, hiring_manager=MANAGER, job_title=TITLE, date=DATE
    )
    return {
        p.path.name: p.path
        for p in generate(["resume", "cover", "interview", "report", "match"], inputs, options)
    }


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return packet(tmp_path_factory.mktemp("reach"))


def _pdf(path: Path) -> tuple[str, str]:
    reader = PdfReader(path)
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    meta = reader.metadata or {}
    return text, " ".join(str(meta.get(k, "")) for k in ("/Title", "/Subject", "/CreationDate"))


def _docx(path: Path) -> tuple[str, str]:
    document = docx.Document(io.BytesIO(path.read_bytes()))
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for row in t.rows for c in row.cells]
    props = document.core_properties
    meta = (
        f"{props.title} {props.subject} {props.created.date().isoformat() if props.created else ''}"
    )
    return " ".join(" ".join(parts).split()), meta


def test_match_json_carries_every_option(written: dict[str, Path]) -> None:
    data = json.loads(written["match.json"].read_text())
    assert data["company"] == COMPANY and data["job_title"] == TITLE
    assert data["target_title"] == TITLE and data["hiring_manager"] == MANAGER
    assert data["date"] == DATE
    recorded = written["match.json"].parent / data["profile_file"]
    assert recorded.resolve() == (ROOT / "profiles" / "maria-santos.yaml").resolve()


@pytest.mark.parametrize("kind", list(STEMS))
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_every_document_names_the_role_company_and_date(
    written: dict[str, Path], kind: str, fmt: str
) -> None:
    path = written[f"Maria-Santos-{STEMS[kind]}.{fmt}"]
    text, meta = (_pdf if fmt == "pdf" else _docx)(path)
    # The resume does not name the employer on the page; its title and subject do, like every other.
    assert f"{TITLE} at {COMPANY}" in meta, meta
    assert ("20260309" if fmt == "pdf" else DATE) in meta, meta
    if kind != "resume":
        assert COMPANY in text and TITLE in text
    if kind == "cover":
        assert "March 9, 2026" in text and f"Dear {MANAGER}" in text
    if kind == "report":
        assert "Mar 2026" in text
