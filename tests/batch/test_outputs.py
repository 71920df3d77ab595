"""What a career center hands over: PDF and DOCX packets, zips, GPA only on request, preflight."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import docx
from pypdf import PdfReader

from tests.batch.helpers import run
from tests.conftest import ROOT

ARGS = ("-f", "pdf,docx", "--documents", "resume,match", "--no-cohort", "--date", "2026-03-01")


def _roster(tmp_path: Path) -> Path:
    maria = ROOT / "profiles" / "maria-santos.yaml"  # has a GPA (3.7)
    roster = tmp_path / "roster.csv"
    roster.write_text(
        f"id,profile,guide,gpa\nA1,{maria},clinical-coordinator,\nA2,{maria},clinical-coordinator,yes\n"
        f"A2,{maria},medical assistants,\n",
        encoding="utf-8",
    )
    return roster


def test_pdf_and_docx_packets_zips_gpa_opt_in_and_ats_preflight(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, _, err = run("batch", str(_roster(tmp_path)), "-o", str(out), "-j", "2", "--zip", *ARGS)
    assert code == 0, err
    rows = list(csv.DictReader((out / "report.csv").open(encoding="utf-8")))
    assert [(r["id"], r["role"], r["status"]) for r in rows] == [
        ("A1", "Clinical Coordinator", "made"),
        ("A2", "Clinical Coordinator", "made"),
        ("A2", "Medical Assistant", "made"),
    ]
    for row in rows:
        assert row["ats_ok"] == "yes" and row["text_extractable"] == "yes"
        assert row["contact_in_body"] == "yes" and row["no_tables"] == "yes"
        assert row["size_ok"] == "yes" and float(row["largest_file_kb"]) < 1024
    packet = out / "A1" / "clinical-coordinator"
    text = PdfReader(packet / "Maria-Santos-Resume.pdf").pages[0].extract_text()
    assert "Maria Santos" in text and "3.7" not in text  # no GPA unless the row opts in
    opted = PdfReader(out / "A2" / "clinical-coordinator" / "Maria-Santos-Resume.pdf")
    assert "3.7" in opted.pages[0].extract_text()
    word = docx.Document(str(packet / "Maria-Santos-Resume.docx"))
    assert "3.7" not in "\n".join(p.text for p in word.paragraphs)
    with zipfile.ZipFile(out / "A2.zip") as archive:
        names = sorted(archive.namelist())
        assert "A2/clinical-coordinator/Maria-Santos-Resume.pdf" in names
        assert any(n.startswith("A2/medical-assistant/") for n in names)
        assert (
            archive.read("A2/clinical-coordinator/Maria-Santos-Resume.pdf")
            == (out / "A2" / "clinical-coordinator" / "Maria-Santos-Resume.pdf").read_bytes()
        )
    with zipfile.ZipFile(out / "A1.zip") as archive:
        assert all(n.startswith("A1/clinical-coordinator/") for n in archive.namelist())


def test_user_templates_render_isolated_inside_pool_workers(tmp_path: Path) -> None:
    """--templates runs each document in a forked child: that must work in a daemonic worker."""
    templates = tmp_path / "templates" / "resume"
    templates.mkdir(parents=True)
    (templates / "classic.html").write_text(
        '{% extends "!builtin/resume/classic.html" %}'
        "{% block header %}{{ super() }}<p>Career Center Edition</p>{% endblock %}",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    roster = _roster(tmp_path)
    code, _, err = run(
        "batch", str(roster), "-o", str(out), "-j", "2", "-t", str(tmp_path / "templates"), *ARGS
    )
    assert code == 0, err
    for pdf in out.glob("A*/*/Maria-Santos-Resume.pdf"):
        assert (
            "Career Center Edition"
            in PdfReader(io.BytesIO(pdf.read_bytes())).pages[0].extract_text()
        )
