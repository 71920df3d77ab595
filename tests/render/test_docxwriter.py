"""DOCX writer: the HTML subset read back with python-docx; metadata hygiene; determinism."""

from __future__ import annotations

import getpass
import io
import re
import socket
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
import pypdf
import pytest
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Inches, Pt

from appkit.errors import RenderError, TemplateError
from appkit.render.docxwriter import render_docx
from appkit.render.htmlsubset import parse_html

SAMPLE = """<!doctype html>
<html lang="en-US">
<head>
  <meta charset="utf-8">
  <title>Jane Doe – Resume</title>
  <meta name="author" content="Jane Doe">
  <meta name="keywords" content="python, data">
  <meta name="description" content="Resume for Data Engineer">
  <meta name="date" content="2026-01-15">
  <link rel="stylesheet" href="classic.css">
  <style>h1 { color: red }</style>
</head>
<body>
  <header>
    <h1>Jane   Doe</h1>
    <p>
      jane@example.com ·
      <a href="https://example.com/jane">example.com/jane</a> ·
      <a href="file:///etc/passwd">local</a>
    </p>
  </header>

  <section>
    <h2>Experience</h2>
    <h3>
      Data Engineer, Acme
      <span class="date">2021 – 2024</span>
    </h3>
    <ul>
      <li>Built <strong>pipelines</strong> for 2 TB/day</li>
      <li>
        <p>Cut costs by <em>30%</em></p>
      </li>
    </ul>
    <h4>Details</h4>
    <ol><li>first</li><li>second</li></ol>
    <p class="pdf-only">PDF only</p>
    <p class="docx-only">DOCX only</p>
    <p data-style="Skills Line">Python, SQL</p>
    <div>Loose <b>text</b><br>second line</div>
    <script>alert(1)</script>
    <img src="x.png" alt="photo">
    <table><tr><td>cell one</td><td>cell two</td></tr></table>
    <p>   </p>
  </section>
</body>
</html>
"""

EXPECTED = [
    ("Title", "Jane Doe"),
    ("Normal", "jane@example.com · example.com/jane · local"),
    ("Heading 1", "Experience"),
    ("Heading 2", "Data Engineer, Acme\t2021 – 2024"),
    ("List Bullet", "Built pipelines for 2 TB/day"),
    ("List Bullet", "Cut costs by 30%"),
    ("Heading 3", "Details"),
    ("List Number", "first"),
    ("List Number", "second"),
    ("Normal", "DOCX only"),
    ("Skills Line", "Python, SQL"),
    ("Normal", "Loose text\nsecond line"),
    ("Normal", "cell one"),
    ("Normal", "cell two"),
]


def _doc(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def test_paragraphs_and_styles() -> None:
    doc = _doc(render_docx(SAMPLE))
    assert [(p.style.name, p.text) for p in doc.paragraphs] == EXPECTED
    assert doc.styles["Heading 1"].style_id == "Heading1"  # Word's built-in heading styles


def test_date_uses_right_tab_at_margin() -> None:
    doc = _doc(render_docx(SAMPLE))
    heading = doc.paragraphs[3]
    stops = list(heading.paragraph_format.tab_stops)
    assert len(stops) == 1
    assert stops[0].alignment == WD_TAB_ALIGNMENT.RIGHT
    section = doc.sections[0]
    assert stops[0].position == section.page_width - section.left_margin - section.right_margin
    assert not doc.tables


def test_runs_bold_italic_break_hyperlink() -> None:
    doc = _doc(render_docx(SAMPLE))
    bullet = doc.paragraphs[4]
    assert [(r.text, r.bold) for r in bullet.runs] == [
        ("Built ", None),
        ("pipelines", True),
        (" for 2 TB/day", None),
    ]
    assert doc.paragraphs[5].runs[-1].italic is True
    assert doc.paragraphs[11]._p.xpath(".//w:br")
    links = doc.paragraphs[1].hyperlinks
    assert [(h.text, h.address) for h in links] == [
        ("example.com/jane", "https://example.com/jane")
    ]
    targets = [r.target_ref for r in doc.part.rels.values() if r.is_external]
    assert targets == ["https://example.com/jane"]


def test_numbered_lists_restart() -> None:
    html = "<html><body><ol><li>a</li><li>b</li></ol><p>x</p><ol><li>c</li></ol></body></html>"
    doc = _doc(render_docx(html))
    first, second = doc.paragraphs[0], doc.paragraphs[3]
    assert first.style.name == second.style.name == "List Number"
    num_id = second._p.pPr.numPr.numId.val
    assert first._p.pPr.numPr is None and num_id != 5
    num = doc.part.numbering_part.element.num_having_numId(num_id)
    assert num.xpath(".//w:startOverride/@w:val") == ["1"]


def test_default_look() -> None:
    doc = _doc(render_docx(SAMPLE))
    section = doc.sections[0]
    assert (section.page_width, section.page_height) == (Inches(8.5), Inches(11))
    # The classic design's values (templates/themes/classic/theme.yaml), as in its PDF.
    assert section.left_margin == section.right_margin == Inches(0.7)
    assert section.top_margin == Inches(0.6)
    normal = doc.styles["Normal"]
    assert normal.font.name == "Calibri" and normal.font.size == Pt(10)
    assert doc.styles["Title"].font.size == Pt(22)
    assert doc.styles["Heading 1"].element.xpath("./w:pPr/w:pBdr/w:bottom")
    assert doc.styles["List Bullet"].paragraph_format.left_indent == Inches(0.25)
    lang = normal.element.xpath("./w:rPr/w:lang/@w:val")
    assert lang == ["en-US"]


def test_core_properties() -> None:
    props = _doc(render_docx(SAMPLE)).core_properties
    assert props.title == "Jane Doe – Resume"
    assert props.author == "Jane Doe"
    assert props.keywords == "python, data"
    assert props.subject == "Resume for Data Engineer"
    assert props.comments == "" and props.last_modified_by == ""
    assert props.revision == 1
    assert props.created == props.modified == datetime(2026, 1, 15, tzinfo=UTC)


def test_created_parameter_wins() -> None:
    props = _doc(render_docx(SAMPLE, created=datetime(2025, 3, 4, 5, 6, 7))).core_properties
    assert props.created == datetime(2025, 3, 4, 5, 6, 7, tzinfo=UTC)


def test_no_metadata_leaks() -> None:
    data = render_docx(SAMPLE)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
        assert not any("thumbnail" in n for n in names)
        blob = b"\n".join(z.read(n) for n in names)
        assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in z.infolist())
    needles = [b"python-docx", b"generated by", b"Macintosh", b"/home/", b"file:", b"2013-12-23"]
    needles.append(f"/{getpass.getuser()}".encode())
    if len(socket.gethostname()) >= 4:  # a 2-letter hostname matches random XML
        needles.append(socket.gethostname().encode())
    for needle in needles:
        assert needle not in blob, needle
    app = zipfile.ZipFile(io.BytesIO(data)).read("docProps/app.xml")
    assert b"<Application>appkit</Application>" in app and b"<Company></Company>" in app


def test_deterministic_bytes() -> None:
    assert render_docx(SAMPLE) == render_docx(SAMPLE)


def test_xml_unsafe_characters_are_dropped() -> None:
    html = "<html><body><p>a\x00b\x07c\ufffed\ud800e\U0001f600</p></body></html>"
    doc = _doc(render_docx(html))
    assert [p.text for p in doc.paragraphs] == ["abcde\U0001f600"]


def test_whitespace_never_makes_empty_paragraphs() -> None:
    html = (
        "<html>\n<body>\n\n  <div>\n   <p>\n  one\n  two </p>\n  </div>\n"
        " <p></p><br>\n</body></html>"
    )
    doc = _doc(render_docx(html))
    assert [p.text for p in doc.paragraphs] == ["one two"]


def test_empty_html() -> None:
    assert _doc(render_docx("")).paragraphs == []


def test_parse_metadata() -> None:
    parsed = parse_html(SAMPLE)
    assert (parsed.title, parsed.author, parsed.lang, parsed.date) == (
        "Jane Doe – Resume",
        "Jane Doe",
        "en-US",
        "2026-01-15",
    )


def _reference(tmp_path: Path, *, external: bool = False) -> Path:
    ref = docx.Document()
    ref.styles["Normal"].font.name = "Georgia"
    ref.styles.add_style("Skills Line", 1).font.size = Pt(9)
    ref.add_paragraph("Career Center boilerplate")
    ref.core_properties.author = "Career Center"
    ref.core_properties.comments = "internal"
    if external:
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        ref.part.part_related_by(RT.SETTINGS).relate_to(
            "http://tracker.example/t.dotx",
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate",
            is_external=True,
        )
    path = tmp_path / "reference.docx"
    ref.save(str(path))
    return path


def test_reference_document_styles(tmp_path: Path) -> None:
    doc = _doc(render_docx(SAMPLE, reference=_reference(tmp_path)))
    assert [(p.style.name, p.text) for p in doc.paragraphs] == EXPECTED
    assert doc.styles["Normal"].font.name == "Georgia"
    assert doc.styles["Skills Line"].font.size == Pt(9)
    assert doc.core_properties.author == "Jane Doe"
    assert doc.core_properties.comments == ""


def test_reference_with_external_link_refused(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="external"):
        render_docx(SAMPLE, reference=_reference(tmp_path, external=True))


def test_reference_unreadable(tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(RenderError, match="bad.docx"):
        render_docx(SAMPLE, reference=bad)


def test_pdf_and_docx_carry_the_same_words(tmp_path: Path) -> None:
    from appkit.render.pdfwriter import render_pdf

    (tmp_path / "classic.css").write_text("body { font-family: Lato; } .date { float: right }")
    html = SAMPLE
    for drop in ('<p class="pdf-only">PDF only</p>', '<p class="docx-only">DOCX only</p>', "<img"):
        html = html.replace(drop, "<!--" if drop == "<img" else "")
    html = html.replace('alt="photo">', "-->")
    pdf = render_pdf(html, tmp_path)
    pdf_text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    docx_text = " ".join(p.text for p in _doc(render_docx(html)).paragraphs)
    marker = re.compile(r"^(•|\d+\.)$")  # list markers are drawn by CSS / Word numbering
    pdf_words = sorted(w for w in pdf_text.split() if not marker.match(w))
    assert pdf_words == sorted(docx_text.split())


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("just text", [("Normal", "just text")]),
        ('<?xml version="1.0" encoding="utf-8"?><p>x é</p>', [("Normal", "x é")]),
        ("<!-- only a comment -->", []),
        ("<p>a<!-- c -->b</p>", [("Normal", "ab")]),
        ("<li>orphan</li>", [("List Bullet", "orphan")]),
        (
            "<ul><li>a<ul><li>b</li></ul>tail</li></ul>",
            [("List Bullet", "a"), ("List Bullet", "b"), ("Normal", "tail")],
        ),
        ('<p data-style="Table Grid">y</p>', [("Table Grid (Para)", "y")]),
        ("<h5>small</h5><p hidden>secret</p>", [("Normal", "small")]),
        (
            '<div data-style="Contact">a<p>b</p>c</div>',
            [("Contact", "a"), ("Normal", "b"), ("Contact", "c")],
        ),
    ],
)
def test_edge_cases(html: str, expected: list[tuple[str, str]]) -> None:
    doc = _doc(render_docx(html))
    assert [(p.style.name, p.text) for p in doc.paragraphs] == expected


def test_only_web_link_schemes() -> None:
    html = (
        '<p><a href="mailto:a@b.c">m</a> <a href="tel:+15550100">t</a> <a href="javascript:x">j</a>'
        ' <a href="data:text/html,x">d</a> <a href="ftp://x">f</a> <a href="cv.pdf">r</a></p>'
    )
    doc = _doc(render_docx(html))
    targets = sorted(r.target_ref for r in doc.part.rels.values() if r.is_external)
    assert targets == ["mailto:a@b.c", "tel:+15550100"]
    assert doc.paragraphs[0].text == "m t j d f r"


def test_style_names_with_double_quotes() -> None:
    html = (
        "<html><body><p data-style='My \"quoted\" style'>One</p>"
        "<p data-style='My \"quoted\" style'>Two</p><p data-style='Myquotedstyle'>Three</p>"
        "</body></html>"
    )
    doc = _doc(render_docx(html))
    styles = [(p.text, p.style.name) for p in doc.paragraphs]
    assert styles == [
        ("One", 'My "quoted" style'),
        ("Two", 'My "quoted" style'),
        ("Three", "Myquotedstyle"),
    ]
    assert doc.paragraphs[0].style.style_id != doc.paragraphs[2].style.style_id


def test_core_properties_over_255_characters_are_truncated() -> None:
    long = "Ana " + "x" * 300
    html = (
        f'<html lang="{"en-" + "y" * 300}"><head><title>{long}</title>'
        f'<meta name="author" content="{long}"><meta name="keywords" content="{long}">'
        f"</head><body><p>Hi</p></body></html>"
    )
    props = _doc(render_docx(html)).core_properties
    for value in (props.title, props.author, props.keywords, props.language):
        assert len(value) == 255 and value.startswith(("Ana x", "en-y"))


def test_paragraph_cap_names_the_template() -> None:
    html = "<html><body>" + "<p>line</p>" * 12 + "</body></html>"
    assert render_docx(html, max_paragraphs=12)
    with pytest.raises(TemplateError, match=r"^template cover/x.html: produced more than 11"):
        render_docx(html, max_paragraphs=11, template="cover/x.html")
