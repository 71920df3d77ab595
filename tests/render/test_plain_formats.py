"""-f txt, md and html: the same words in the same order as the PDF, for every sample profile.

The PDF is read back with pdftotext -raw (the order WeasyPrint drew the text in, the HTML's: a
right-aligned date follows its entry however the line wraps); only page furniture differs: the
running "Name · Page n of N" footer the theme's CSS adds, and drawn list numbers.
"""

from __future__ import annotations

import difflib
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import lxml.html
import pytest

from appkit import Engine, Options, build_packet, load_inputs
from appkit.documents.filenames import NAMED_STEMS
from tests.conftest import PROFILES

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")

GUIDE = "clinical-coordinator"
DATE = "2026-01-15"
KINDS = tuple(NAMED_STEMS)  # resume, cover, interview, report
_FOOTER = re.compile(r"^.*\bPage \d+ of \d+\s*$")
# List numbers are drawn markers that the PDF draws after their list, so numbers that open a line
# ("1." alone, or "1. Tell me ...") are left out of every format.
_PDF_MARKER = re.compile(r"^\s*\d+\.\s*$", re.M)
_LINE_MARKER = re.compile(r"^\s*\d+\.(\s|$)", re.M)
_WORD = re.compile(r"[^\W_]+")
_MD_LINK_TARGET = re.compile(r"\]\([^)]*\)")


@pytest.fixture(scope="module")
def packets() -> dict[str, dict[str, bytes]]:
    """Every sample profile's packet as pdf, txt, md and html, keyed by profile stem."""
    engine = Engine()
    options = Options(formats=("pdf", "txt", "md", "html"), date=DATE)
    return {
        path.stem: build_packet(load_inputs(path, GUIDE), options, engine=engine).files
        for path in PROFILES
    }


def _files(files: dict[str, bytes], kind: str) -> dict[str, bytes]:
    """One document's formats, keyed by extension."""
    suffix = f"-{NAMED_STEMS[kind]}."
    return {name.rsplit(".", 1)[1]: data for name, data in files.items() if suffix in f"-{name}"}


def _words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def _pdf_words(data: bytes, tmp: Path) -> list[str]:
    path = tmp / "doc.pdf"
    path.write_bytes(data)
    text = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    text = "\n".join(line for line in text.splitlines() if not _FOOTER.match(line))
    return _text_words(_PDF_MARKER.sub("", text))


def _text_words(text: str) -> list[str]:
    """The words of a txt or md document, without numbers that open a line."""
    return _words(_LINE_MARKER.sub("", re.sub(r"^#+ ", "", text, flags=re.M)))


def _html_words(data: bytes) -> list[str]:
    """The words of the HTML body (<ol> numbers are markers there too)."""
    body = lxml.html.document_fromstring(data).find("body")
    for el in body.iter():
        if el.text and el.tag in ("h1", "h2", "h3", "h4", "li", "p", "span", "strong"):
            el.text = _LINE_MARKER.sub("", el.text)
    return _words(body.text_content())


def _assert_same_words(got: list[str], pdf: list[str], what: str) -> None:
    if got != pdf:
        diff = "\n".join(list(difflib.unified_diff(pdf, got, "pdf", what, lineterm="", n=3))[:40])
        pytest.fail(f"{what} differs from the PDF text:\n{diff}")


@pytest.mark.parametrize("profile", [p.stem for p in PROFILES])
def test_txt_md_and_html_carry_the_pdf_words_in_order(
    packets: dict[str, dict[str, bytes]], profile: str, tmp_path: Path
) -> None:
    for kind in KINDS:
        files = _files(packets[profile], kind)
        assert set(files) == {"pdf", "txt", "md", "html"}, kind
        pdf = _pdf_words(files["pdf"], tmp_path)
        assert len(pdf) > 50, kind
        _assert_same_words(_text_words(files["txt"].decode()), pdf, f"{profile} {kind}.txt")
        markdown = _MD_LINK_TARGET.sub("]", files["md"].decode())
        _assert_same_words(_text_words(markdown), pdf, f"{profile} {kind}.md")
        _assert_same_words(_html_words(files["html"]), pdf, f"{profile} {kind}.html")


@pytest.mark.parametrize("profile", [p.stem for p in PROFILES])
def test_txt_is_ascii_markup_within_80_columns(
    packets: dict[str, dict[str, bytes]], profile: str
) -> None:
    for kind in KINDS:
        text = _files(packets[profile], kind)["txt"].decode("utf-8")
        assert "\t" not in text and "\r" not in text
        for number, line in enumerate(text.splitlines(), 1):
            assert len(line) <= 80, f"{kind}.txt:{number}: {len(line)} columns"
            assert line == line.rstrip(), f"{kind}.txt:{number}: trailing spaces"
        others = {c for c in text if not c.isascii() and unicodedata.category(c)[0] not in "LM"}
        assert not others, f"{kind}.txt: non-ASCII markup or punctuation {sorted(others)}"


@pytest.mark.parametrize("kind", ["resume", "cover"])
def test_txt_resume_and_letter_open_with_name_and_contact_line(
    packets: dict[str, dict[str, bytes]], kind: str
) -> None:
    for profile, files in packets.items():
        text = _files(files, kind)["txt"].decode("utf-8")
        masthead = text.split("\n\n", 1)[0].splitlines()  # before the first empty line
        contact = next((line for line in masthead if "@" in line), "")
        assert masthead[0].strip() and "@" not in masthead[0], profile
        assert re.search(r"\S+@\S+ \| [()\d -]+\d \| \w", contact), (profile, contact)


def test_txt_replaces_typographic_punctuation_but_keeps_letters() -> None:
    from appkit.render.textwriter import render_text

    html = (
        "<html><body><h1>José Núñez-Øby</h1>"
        '<p class="contact"><span>a@b.co</span><span class="sep">&#160;· </span>'
        "<span>Málaga</span></p><h2>Experience</h2>"
        '<h3 class="dated"><span class="what">Nurse</span> <span class="date">2019 – 2023</span>'
        "</h3><ul><li>“Quoted” — it’s… done</li></ul></body></html>"
    )
    text = render_text(html).decode("utf-8")
    assert text.splitlines()[:2] == ["José Núñez-Øby", "a@b.co | Málaga"]
    assert '- "Quoted" - it\'s... done' in text
    assert re.search(r"^Nurse +2019 - 2023$", text, re.M)
    assert len(max(text.splitlines(), key=len)) == 80  # the date is right-aligned at column 80


def test_md_escapes_markup_and_keeps_structure() -> None:
    from appkit.render.mdwriter import render_markdown

    html = (
        "<html><body><h1>Ana *Star* Lee</h1><h2>Skills</h2>"
        '<p><strong>Tools:</strong> C#, <a href="https://x.example/a_b">x_y</a></p>'
        "<ol><li>one</li><li>two</li></ol><p>- not a bullet</p></body></html>"
    )
    md = render_markdown(html).decode("utf-8")
    assert md.splitlines()[0] == r"# Ana \*Star\* Lee"
    assert "## Skills" in md
    assert r"**Tools:** C#, [x\_y](https://x.example/a_b)" in md
    assert "1. one\n2. two" in md
    assert r"\- not a bullet" in md


@pytest.mark.parametrize("profile", [p.stem for p in PROFILES[:2]])
def test_html_is_self_contained(packets: dict[str, dict[str, bytes]], profile: str) -> None:
    for kind in KINDS:
        html = _files(packets[profile], kind)["html"].decode("utf-8")
        root = lxml.html.document_fromstring(html)
        assert not list(root.iter("link", "script", "img", "iframe", "object", "base"))
        styles = "\n".join(style.text or "" for style in root.iter("style"))
        assert "@page" in styles and ".sep" in styles  # the theme's stylesheet, inlined
        assert "@import" not in styles
        assert "file:" not in html
        for el in root.iter():
            for name, value in el.attrib.items():
                if re.match(r"(?i)\s*(https?|file|ftp):", value):
                    assert el.tag == "a" and name == "href", (kind, el.tag, name, value)
        assert not re.search(r"url\(\s*['\"]?(?!data:)[^)'\"\s]", styles), kind
