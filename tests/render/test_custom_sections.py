"""custom_sections: printed on the resume after the standard sections, in the PDF, the DOCX and
the text, with the same entry layout as a job; invalid entries are reported with file:line."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

import appkit
from appkit.errors import InputError
from appkit.options import Options
from appkit.profile.load import load_profile
from tests.conftest import DATA

PROFILE = DATA / "profiles" / "custom-sections.yaml"


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    options = Options(date="2026-01-15", formats=("pdf", "docx", "txt"), file_names="plain")
    inputs = appkit.load_inputs(PROFILE)
    return appkit.build_packet(inputs, options, ["resume"]).files


def test_pdf_prints_each_section_and_entry_in_order(files: dict[str, bytes]) -> None:
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(files["resume.pdf"])).pages)
    order = [
        "EDUCATION",
        "CLINICAL ROTATIONS",
        "Emergency Department",
        "Banner University Medical Center",
        "Triaged 30 patients a shift",
        "Pediatrics",
        "PUBLICATIONS",
        "Early warning scores on a medical ward",
        "Feb 2025",
        "A retrospective review of 300 admissions.",
    ]
    upper = text.upper()
    positions = [upper.find(item.upper()) for item in order]
    assert -1 not in positions, [o for o, p in zip(order, positions, strict=True) if p < 0]
    assert positions == sorted(positions)
    assert "Sep 2024 – Dec 2024" in text


def test_docx_gives_headings_entries_and_bullets(files: dict[str, bytes]) -> None:
    paragraphs = [
        (p.style.name, p.text) for p in docx.Document(io.BytesIO(files["resume.docx"])).paragraphs
    ]
    start = paragraphs.index(("Heading 1", "Clinical Rotations"))
    assert paragraphs[start + 1 : start + 5] == [
        ("Heading 2", "Emergency Department\tSep 2024 – Dec 2024"),
        ("Entry Detail", "Banner University Medical Center\xa0| Tucson, AZ"),
        ("List Bullet", "Triaged 30 patients a shift with the charge nurse"),
        ("List Bullet", "Started peripheral IV lines under supervision"),
    ]
    assert ("Heading 1", "Publications") in paragraphs
    assert ("Normal", "A retrospective review of 300 admissions.") in paragraphs


def test_text_output_has_them(files: dict[str, bytes]) -> None:
    text = files["resume.txt"].decode("utf-8")
    assert "CLINICAL ROTATIONS" in text and "Tucson Medical Center" in text


def test_invalid_entry_names_file_line_and_field(tmp_path: Path) -> None:
    source = PROFILE.read_text(encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(source.replace("- title: Pediatrics", "- title: [Pediatrics]"), "utf-8")
    with pytest.raises(InputError) as caught:
        load_profile(bad)
    line = source.splitlines().index("      - title: Pediatrics") + 1
    assert f"bad.yaml:{line}: custom_sections[0].entries[1].title: " in caught.value.message


def test_entry_needs_content_and_one_kind_of_date(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "basics: {name: A B}\n"
        "custom_sections:\n"
        "  - title: Talks\n"
        "    entries:\n"
        "      - location: Tucson, AZ\n"
        "      - title: Keynote\n"
        "        date: 2024-05\n"
        "        start: 2024-05\n",
        "utf-8",
    )
    with pytest.raises(InputError) as caught:
        load_profile(bad)
    message = caught.value.message
    assert "bad.yaml:5: custom_sections[0].entries[0]: an entry needs a title" in message
    assert "bad.yaml:6: custom_sections[0].entries[1]: give either date" in message


@pytest.mark.parametrize("theme", ["classic", "modern", "compact"])
def test_every_design_prints_custom_sections(theme: str) -> None:
    options = Options(date="2026-01-15", formats=("pdf",), file_names="plain", theme=theme)
    pdf = appkit.build_packet(appkit.load_inputs(PROFILE), options, ["resume"]).files["resume.pdf"]
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).upper()
    assert "CLINICAL ROTATIONS" in text and "TRIAGED 30 PATIENTS A SHIFT" in text
    assert "EARLY WARNING SCORES ON A MEDICAL WARD" in text
