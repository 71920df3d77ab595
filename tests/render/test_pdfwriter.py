"""PDF writer: text, metadata, links, errors, caching and determinism, read back with pypdf."""

from __future__ import annotations

import getpass
import io
import os
import re
import shutil
import socket
import subprocess
import sys
import zlib
from pathlib import Path

import pypdf
import pytest

from appkit.errors import RenderError, TemplateError
from appkit.render import pdfwriter
from appkit.render.pdfwriter import render_pdf

CSS = """
@page { size: Letter; margin: 0.6in; }
body { font-family: Lato, Carlito, "Liberation Sans", sans-serif; font-size: 10pt; color: #222; }
h1 { font-size: 22pt; margin: 0 0 2pt; }
h2 { font-size: 11pt; text-transform: uppercase; border-bottom: 1px solid #999;
     margin: 10pt 0 4pt; }
h3 { font-size: 10.5pt; margin: 6pt 0 2pt; }
.date { float: right; font-weight: normal; }
ul { margin: 0 0 0 14pt; padding: 0; }
"""

SAMPLE = """<!doctype html>
<html lang="en-US">
<head>
  <meta charset="utf-8">
  <title>Jane Doe – Resume</title>
  <meta name="author" content="Jane Doe">
  <meta name="keywords" content="python, data engineering">
  <meta name="description" content="Resume for Senior Data Engineer">
  <link rel="stylesheet" href="classic.css">
</head>
<body>
  <header>
    <h1>Jane Doe</h1>
    <p>jane@example.com · <a href="https://example.com/jane">example.com/jane</a>
       · <a href="notes.html">local</a> · <a href="javascript:alert(1)">js</a></p>
  </header>
  <section>
    <h2>Experience</h2>
    <h3>Data Engineer, Acme Corp <span class="date">2021 – 2024</span></h3>
    <ul>
      <li>Built <strong>streaming pipelines</strong> processing 2 TB per day</li>
      <li>Cut warehouse costs by <em>30 percent</em></li>
    </ul>
    <p class="pdf-only">Printed copy</p>
    <p class="docx-only">Word only</p>
  </section>
</body>
</html>
"""


@pytest.fixture
def theme(tmp_path: Path) -> Path:
    """A theme folder holding classic.css."""
    root = tmp_path / "classic"
    root.mkdir()
    (root / "classic.css").write_text(CSS)
    return root


def _text(pdf: bytes) -> str:
    """All page text, whitespace-normalised."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def _decompressed(pdf: bytes) -> bytes:
    """The PDF bytes plus every decompressed stream."""
    parts = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", pdf, re.S):
        parts.append(zlib.decompressobj().decompress(match.group(1)))
    return b"\n".join(parts)


def _uris(pdf: bytes) -> list[str]:
    """Every /URI link target in the PDF."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    out = []
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action is not None and "/URI" in action:
                out.append(str(action["/URI"]))
    return out


def test_text_and_structure(theme: Path) -> None:
    text = _text(render_pdf(SAMPLE, theme))
    for words in ("Jane Doe", "EXPERIENCE", "Data Engineer, Acme Corp", "2021 – 2024"):
        assert words in text
    assert "streaming pipelines processing 2 TB per day" in text
    assert "Printed copy" in text
    assert "Word only" not in text


def test_metadata(theme: Path) -> None:
    pdf = render_pdf(SAMPLE, theme)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    meta = reader.metadata
    assert meta.title == "Jane Doe – Resume"
    assert meta.author == "Jane Doe"
    assert meta.subject == "Resume for Senior Data Engineer"
    assert meta["/Keywords"] == "python, data engineering"
    assert meta.producer == "appkit"
    assert reader.trailer["/Root"]["/Lang"] == "en-US"
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged (PDF/UA-ish)


def test_lang_override(theme: Path) -> None:
    pdf = render_pdf(SAMPLE.replace('lang="en-US"', ""), theme, lang="de")
    assert pypdf.PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/Lang"] == "de"
    untagged = render_pdf(SAMPLE.replace('lang="en-US"', ""), theme)
    assert "/Lang" not in pypdf.PdfReader(io.BytesIO(untagged)).trailer["/Root"]


def test_only_web_links_survive(theme: Path) -> None:
    assert _uris(render_pdf(SAMPLE, theme)) == ["https://example.com/jane"]


def test_no_local_details_leak(theme: Path) -> None:
    data = _decompressed(render_pdf(SAMPLE, theme))
    needles = [b"file:", b"/home/", b"/root", b"python-docx", b"WeasyPrint", str(theme).encode()]
    needles.append(f"/{getpass.getuser()}/".encode())
    if len(socket.gethostname()) >= 4:  # a 2-letter hostname matches random bytes
        needles.append(socket.gethostname().encode())
    for needle in needles:
        assert needle not in data, needle


def test_deterministic(theme: Path) -> None:
    assert render_pdf(SAMPLE, theme) == render_pdf(SAMPLE, theme)


def test_missing_theme_file_is_an_error(theme: Path) -> None:
    html = SAMPLE.replace("classic.css", "missing.css")
    with pytest.raises(RenderError, match="missing.css"):
        render_pdf(html, theme)


def test_broken_theme_image_is_an_error(theme: Path) -> None:
    (theme / "photo.png").write_bytes(b"not a png")
    with pytest.raises(RenderError, match="photo.png"):
        render_pdf(SAMPLE.replace("</h1>", '</h1><img src="photo.png">'), theme)


def test_refused_urls_are_warnings_not_errors(theme: Path) -> None:
    warnings: list[str] = []
    html = SAMPLE.replace("</h1>", '</h1><img src="file:///etc/passwd">')
    text = _text(render_pdf(html, theme, warnings=warnings))
    assert "Jane Doe" in text
    assert len(warnings) == 1 and "outside the theme directory" in warnings[0]


def test_theme_dir_must_exist(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="theme directory"):
        render_pdf(SAMPLE, tmp_path / "nope")


def test_fonts_are_built_once_per_engine(theme: Path) -> None:
    fonts = pdfwriter.PdfFonts()
    first = render_pdf(SAMPLE, theme, fonts=fonts)
    font_config = fonts.configuration()
    stylesheet = fonts.format_stylesheet(None)
    second = render_pdf(SAMPLE, theme, fonts=fonts)
    assert fonts.configuration() is font_config
    assert fonts.format_stylesheet(None) is stylesheet
    assert pdfwriter.PdfFonts().configuration() is not font_config  # nothing process-wide
    assert first[:4] == second[:4] == b"%PDF"


def test_weasyprint_imported_lazily() -> None:
    code = "import sys, appkit.render.pdfwriter; print('weasyprint' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_renders_to_png(theme: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "resume.pdf"
    pdf.write_bytes(render_pdf(SAMPLE, theme))
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-singlefile", pdf, tmp_path / "page"], check=True
    )
    png = (tmp_path / "page.png").read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 2000


def test_unsafe_characters_are_dropped(theme: Path) -> None:
    html = "<html lang=en><body><p>a\x00b\x07c\ud800d\ufffee</p></body></html>"
    assert "abcde" in _text(render_pdf(html, theme))


def test_deterministic_across_processes(theme: Path, tmp_path: Path) -> None:
    (tmp_path / "in.html").write_text(SAMPLE)
    code = (
        "import hashlib, sys; from pathlib import Path; "
        "from appkit.render.pdfwriter import render_pdf; "
        "from appkit.render.docxwriter import render_docx; h = Path(sys.argv[1]).read_text(); "
        "print(hashlib.sha256(render_pdf(h, Path(sys.argv[2]))).hexdigest(), "
        "hashlib.sha256(render_docx(h, created=None)).hexdigest())"
    )
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}
    runs = [
        subprocess.run(
            [sys.executable, "-c", code, tmp_path / "in.html", theme],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        ).stdout
        for _ in range(2)
    ]
    assert runs[0] == runs[1] and len(runs[0].split()) == 2


def _png(path: Path) -> None:
    from PIL import Image

    Image.new("RGB", (8, 8), "navy").save(path)


def test_extreme_css_is_one_line_error_naming_the_template(theme: Path) -> None:
    html = SAMPLE.replace("</h1>", '</h1><p style="font-size: 100000000px">Huge</p>')
    with pytest.raises(RenderError) as caught:
        pdfwriter.render_pdf(html, theme, template="resume/mine.html")
    message = caught.value.message
    assert message.startswith("resume/mine.html: PDF layout failed: ZeroDivisionError")
    assert "\n" not in message


def test_image_without_alt_is_one_clear_error_naming_it(theme: Path) -> None:
    _png(theme / "photo.png")
    html = SAMPLE.replace("</h1>", '</h1><img src="photo.png">')
    with pytest.raises(RenderError) as caught:
        render_pdf(html, theme, template="resume/mine.html")
    assert caught.value.message == (
        'resume/mine.html: PDF rendering failed: image "photo.png" has no alt text: describe it'
        ' in alt="..." (or use alt="" if it is decorative)'
    )


def test_decorative_and_described_images_render(theme: Path) -> None:
    _png(theme / "photo.png")
    for alt in ('alt=""', 'alt="Portrait of Jane"'):
        html = SAMPLE.replace("</h1>", f'</h1><img src="photo.png" {alt}>')
        pdf = render_pdf(html, theme)
        reader = pypdf.PdfReader(io.BytesIO(pdf))
        assert reader.pages[0].images, alt


def test_svg_that_fails_to_load_says_why(theme: Path) -> None:
    (theme / "logo.svg").write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        '<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"><text>&x;</text></svg>'
    )
    html = SAMPLE.replace("</h1>", '</h1><img src="logo.svg" alt="Logo">')
    with pytest.raises(RenderError) as caught:
        render_pdf(html, theme, template="resume/mine.html")
    message = caught.value.message
    assert "logo.svg" in message and "undefined entity" in message and "\n" not in message
    assert PASSWD_HEAD not in message


PASSWD_HEAD = "root:x:0:0"


def test_page_limit_stops_layout(theme: Path) -> None:
    html = SAMPLE.replace("</head>", "<style>@page { size: 40px; margin: 0 }</style></head>")
    with pytest.raises(TemplateError, match=r"resume/mine.html: produced more than 2 pages"):
        render_pdf(html, theme, template="resume/mine.html", max_pages=2)
    assert render_pdf(SAMPLE, theme, max_pages=1).startswith(b"%PDF")
