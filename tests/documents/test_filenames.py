"""Document names a recruiter can file, safe for every name and file system."""

from __future__ import annotations

import unicodedata

import pytest

from appkit.documents.filenames import document_name, name_part
from tests.disk.test_files import NASTY, random_names


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Maria Santos", "Maria-Santos"),
        ("Zoë Ångström", "Zoe-Angstrom"),
        (unicodedata.normalize("NFD", "Zoë Ångström"), "Zoe-Angstrom"),
        ("Seán O'Brien-Murphy", "Sean-OBrien-Murphy"),
        ("Łukasz Żółć", "Lukasz-Zolc"),
        ("Jörg Straße", "Jorg-Strasse"),
        ("张伟", "张伟"),
        ("محمد علي", "محمد-علي"),
        ("प्रिया शर्मा", "प्रिया-शर्मा"),
        ("李 Wei", "李-Wei"),
        ("\u202egnp.exe", "gnp-exe"),
        ("../../etc/passwd", "etc-passwd"),
        ("!!!", ""),
    ],
)
def test_name_part(name: str, expected: str) -> None:
    assert name_part(name) == expected


def test_document_names() -> None:
    assert document_name("resume", "pdf", "Maria Santos") == "Maria-Santos-Resume.pdf"
    assert document_name("cover", "docx", "Maria Santos") == "Maria-Santos-Cover-Letter.docx"
    assert document_name("interview", "pdf", "张伟") == "张伟-Interview-Prep.pdf"
    assert document_name("report", "docx", "!!!") == "Gap-Report.docx"
    assert document_name("cover", "pdf", "Maria Santos", "plain") == "cover-letter.pdf"


def test_every_name_is_a_safe_file_name() -> None:
    for name in NASTY + random_names(3000):
        file_name = document_name("interview", "docx", name)
        assert file_name.endswith("Interview-Prep.docx"), name
        assert len(file_name.encode("utf-8")) <= 150
        assert file_name == unicodedata.normalize("NFC", file_name)
        stem = file_name.removesuffix(".docx")
        assert all(unicodedata.category(c)[0] in "LMN" or c == "-" for c in stem), name
        assert not stem.startswith("-") and "--" not in stem
