"""The cohort report: figures per role, shared gaps, small groups suppressed, three formats."""

from __future__ import annotations

from pathlib import Path

import docx
from pypdf import PdfReader

from appkit.batch.cohort import cohort, deidentified_csv
from appkit.batch.report import ReportRow
from tests.batch.helpers import run, write_roster


def _row(number: int, role: str, score: float, gaps: list[tuple[str, str]]) -> ReportRow:
    return ReportRow(
        row=f"r.csv:{number}",
        id=f"S{number}",
        name=f"Student {number}",
        role=role,
        coverage=score,
        status="made",
        gaps=gaps,
    )


def test_small_groups_and_rare_gaps_are_suppressed_and_export_names_nobody() -> None:
    rows = [
        _row(i, "Nurse", 30 + 10 * i, [("certification", "BLS")] if i < 5 else []) for i in range(6)
    ]
    rows += [_row(10 + i, "Welder", 70, [("tool", "MIG")]) for i in range(2)]
    rows.append(ReportRow(row="r.csv:99", id="S99", status="invalid", error="profile: bad"))
    figures = cohort(rows, threshold=50, min_group=5)
    nurse, welder = figures.roles
    assert nurse.students == 6 and nurse.mean == 55.0 and not nurse.suppressed
    assert dict(nurse.bands)["20–40"] == "<5"  # one student in that band: not shown
    assert [(g.name, g.missing, g.share) for g in nurse.gaps] == [("BLS", 5, "83%")]
    assert welder.suppressed and welder.students == "<5" and welder.gaps == []
    assert [s["id"] for s in figures.below] == ["S0", "S1"]
    assert figures.failures == [{"row": "r.csv:99", "id": "S99", "error": "profile: bad"}]
    export = deidentified_csv(figures)
    assert "BLS" in export and "fewer than 5 students" in export
    assert "S0" not in export and "Student" not in export and "MIG" not in export


def test_batch_writes_the_cohort_report_as_pdf_docx_and_html(tmp_path: Path) -> None:
    roster = write_roster(tmp_path, 6, corrupt=1)
    out = tmp_path / "out"
    code, _, err = run(
        "batch",
        str(roster),
        "-o",
        str(out),
        "-j",
        "1",
        "-f",
        "txt",
        "--documents",
        "resume,match",
        "-g",
        "clinical-coordinator",
        "--threshold",
        "90",
    )
    assert code == 1, err
    pdf = "\n".join(p.extract_text() for p in PdfReader(out / "cohort-report.pdf").pages)
    word = "\n".join(p.text for p in docx.Document(str(out / "cohort-report.docx")).paragraphs)
    html = (out / "cohort-report.html").read_text(encoding="utf-8")
    for raw in (pdf, word, html):
        text = " ".join(raw.replace("\xa0", " ").split()).lower()  # PDF headings are upper case
        assert "cohort report" in text and "top gaps of the cohort" in text
        assert "voip phone systems" in text  # a gap every sample profile shares
        assert "s005" in text  # the corrupt row, among the failures
        assert "s000" in text  # below the 90 threshold: named for the advisers
    assert "S000" not in (out / "cohort-deidentified.csv").read_text(encoding="utf-8")
