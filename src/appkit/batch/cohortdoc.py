"""The cohort report as PDF, DOCX and HTML, through the documents' own template machinery.

`templates/report/cohort.html` is filled in the same sandboxed Jinja environment as every document
(read-only data views, autoescaping), then written by the same PDF, DOCX and standalone-HTML
writers, so it has the themes' look and the DOCX has real Word headings. Only the built-in
template is used: the report is the center's, not a student's theme.
"""

from __future__ import annotations

from pathlib import Path

from appkit.batch.cohort import cohort, deidentified_csv
from appkit.batch.report import ReportRow
from appkit.batch.store import OutputFolder
from appkit.engine import Engine

TEMPLATE = "report/cohort.html"
MAX_PAGES = 60  # a cohort of thousands lists many students below the threshold


def render_cohort(
    rows: list[ReportRow],
    *,
    threshold: float = 50.0,
    min_group: int = 5,
    date: str,
    roster: str = "roster",
    engine: Engine | None = None,
) -> dict[str, bytes]:
    """cohort-report.{pdf,docx,html} and cohort-deidentified.csv as bytes, keyed by file name."""
    from appkit.render.dataview import to_view
    from appkit.render.docxpage import read_stylesheets
    from appkit.render.docxwriter import render_docx
    from appkit.render.html import DocInfo, Rendered
    from appkit.render.htmlwriter import render_standalone_html
    from appkit.render.themes import search_path

    engine = engine or Engine()
    figures = cohort(rows, threshold=threshold, min_group=min_group)
    doc = DocInfo(
        kind="report",
        title=f"Cohort Report – {roster}",
        author="appkit batch",
        description=f"Coverage, gaps and failures of {figures.rows} roster rows",
        date=date,
    )
    template = engine.templates.get(()).get_template(TEMPLATE)
    html = template.render(doc=to_view(doc), c=to_view(figures), roster=roster)
    folder = search_path()[-1]
    rendered = Rendered(html=html, template=TEMPLATE, base_dir=folder / "report", asset_root=folder)
    pdf, _pages = rendered.pdf(max_pages=MAX_PAGES, fonts=engine.fonts)
    return {
        "cohort-report.pdf": pdf,
        "cohort-report.docx": render_docx(
            html,
            max_paragraphs=MAX_PAGES * 100,
            template=TEMPLATE,
            css=read_stylesheets(html, rendered.base_dir, asset_root=folder),
        ),
        "cohort-report.html": render_standalone_html(html, rendered.base_dir, asset_root=folder),
        "cohort-deidentified.csv": deidentified_csv(figures).encode("utf-8"),
    }


def write_cohort(
    folder: OutputFolder,
    rows: list[ReportRow],
    *,
    threshold: float = 50.0,
    min_group: int = 5,
    date: str,
    roster: str = "roster",
) -> list[str]:
    """Write the cohort report files into OUT (atomically); returns notices (none so far)."""
    files = render_cohort(
        rows, threshold=threshold, min_group=min_group, date=date, roster=Path(roster).name
    )
    for name, data in files.items():
        folder.write_bytes(name, data)
    return []
