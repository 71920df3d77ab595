"""Stylesheets parsed once per engine: the same PDFs, and every document still fetches (and the
fetcher still polices) every file it links or imports."""

from __future__ import annotations

import contextlib
import io
import logging
from pathlib import Path

import pytest
from pypdf import PdfReader

from appkit.engine import Engine
from appkit.packet import Options, load_inputs, render_documents
from appkit.render import sheetcache
from appkit.render.pdffonts import PdfFonts
from appkit.render.pdfwriter import layout_pdf
from appkit.render.sheetcache import SheetCache
from tests.conftest import ROOT

KINDS = ["resume", "cover", "interview", "report"]
PAGE = """<!doctype html><html lang="en"><head>{head}</head>
<body><p class="a">Alpha line</p><p class="b">Beta line</p><ol><li>one</li></ol></body></html>"""


class _Warnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _render(fonts: PdfFonts, html: str, folder: Path) -> tuple[bytes, list[str], list[str]]:
    """The PDF, the refused URLs and WeasyPrint's warnings."""
    refused: list[str] = []
    handler, logger = _Warnings(), logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        data = layout_pdf(html, folder, fonts=fonts, warnings=refused).write()
    finally:
        logger.removeHandler(handler)
    return data, refused, handler.messages


def _as_weasyprint_would(documents: list[tuple[str, Path]]) -> PdfFonts:
    """Render the documents in turn with a cache and with none at all (WeasyPrint parsing every
    sheet itself); assert that PDFs, refusals and warnings are the same. Returns the cache's."""
    caching, plain = PdfFonts(), PdfFonts()
    plain.sheets.serving = contextlib.nullcontext  # type: ignore[method-assign]
    for html, folder in documents:
        assert _render(caching, html, folder) == _render(plain, html, folder)
    return caching


def _text(fonts: PdfFonts, html: str, folder: Path, warnings: list[str] | None = None) -> str:
    data = layout_pdf(html, folder, fonts=fonts, warnings=warnings).write()
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.mark.parametrize("theme", ["classic", "compact", "modern"])
def test_the_same_pdfs_as_parsing_every_time(theme: str) -> None:
    inputs = load_inputs(ROOT / "profiles" / "linda-chen.yaml", "clinical-coordinator")
    options = Options(date="2026-01-15", theme=theme, formats=("pdf",))
    parsing = Engine()
    parsing.fonts.sheets.serving = contextlib.nullcontext  # type: ignore[method-assign]
    caching = Engine()
    first = render_documents(KINDS, inputs, options, engine=caching)
    misses = caching.fonts.sheets.misses
    second = render_documents(KINDS, inputs, options, engine=caching)
    assert caching.fonts.sheets.misses == misses  # every sheet of the second packet was kept
    assert caching.fonts.sheets.hits >= len(KINDS) * 2  # a <style> block and a <link> at least
    assert second == first == render_documents(KINDS, inputs, options, engine=parsing)
    assert parsing.fonts.sheets.misses == 0  # WeasyPrint parsed every sheet itself


def test_an_edited_sheet_or_import_is_parsed_again(tmp_path: Path) -> None:
    (tmp_path / "look.css").write_text('@import url("more.css");\n.a { display: none }')
    (tmp_path / "more.css").write_text(".b { color: red }")
    html = PAGE.format(head='<link rel="stylesheet" href="look.css">')
    fonts = PdfFonts()
    assert "Alpha" not in _text(fonts, html, tmp_path)
    assert "Alpha" not in _text(fonts, html, tmp_path)
    assert fonts.sheets.hits == 1
    (tmp_path / "more.css").write_text(".b { display: none }")
    text = _text(fonts, html, tmp_path)
    assert "Alpha" not in text and "Beta" not in text
    (tmp_path / "look.css").write_text("p { color: blue }")
    assert "Alpha" in _text(fonts, html, tmp_path)
    assert fonts.sheets.hits == 1


def test_every_document_asks_the_fetcher(tmp_path: Path) -> None:
    """A sheet kept from a document allowed to read it is not handed to one that may not."""
    theme, other = tmp_path / "theme", tmp_path / "other"
    theme.mkdir(), other.mkdir()
    (theme / "look.css").write_text(".a { display: none }")
    fonts = PdfFonts()
    allowed = PAGE.format(head='<link rel="stylesheet" href="look.css">')
    assert "Alpha" not in _text(fonts, allowed, theme)
    assert "Alpha" not in _text(fonts, allowed, theme)
    assert fonts.sheets.hits == 1
    outside = PAGE.format(head=f'<link rel="stylesheet" href="{(theme / "look.css").as_uri()}">')
    refused: list[str] = []
    assert "Alpha" in _text(fonts, outside, other, refused)
    assert any("outside the theme directory" in why for why in refused)


def test_a_refused_import_is_reported_every_time(tmp_path: Path) -> None:
    css = '@import url("https://example.com/x.css");\n.a { color: red }'
    (tmp_path / "look.css").write_text(css)
    html = PAGE.format(head='<link rel="stylesheet" href="look.css">')
    fonts = PdfFonts()
    for _ in range(2):
        refused: list[str] = []
        _text(fonts, html, tmp_path, refused)
        assert len(refused) == 1 and "not allowed" in refused[0]
    assert len(fonts.sheets) == 0


def test_sheets_with_effects_beyond_themselves_are_not_kept(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A warning would not be logged again, a counter style or layer would be missing."""
    sheets = {
        "warns.css": ".a { colour: red }",
        "counter.css": "@counter-style ticks { system: cyclic; symbols: '~'; }\n"
        "ol { list-style: ticks }",
        "layer.css": "@layer base { .a { color: red } }",
    }
    fonts = PdfFonts()
    for name, css in sheets.items():
        (tmp_path / name).write_text(css)
        html = PAGE.format(head=f'<link rel="stylesheet" href="{name}">')
        for _ in range(2):
            with caplog.at_level(logging.WARNING, logger="weasyprint"):
                caplog.clear()
                text = _text(fonts, html, tmp_path)
            assert ("colour" in caplog.text) == (name == "warns.css")
        if name == "counter.css":
            assert "~" in text
    assert len(fonts.sheets) == 0 and fonts.sheets.hits == 0


def test_style_blocks_are_kept_by_content(tmp_path: Path) -> None:
    fonts = PdfFonts()
    hide_a = PAGE.format(head="<style>.a { display: none }</style>")
    hide_b = PAGE.format(head="<style>.b { display: none }</style>")
    for _ in range(2):
        assert "Alpha" not in _text(fonts, hide_a, tmp_path)
        text = _text(fonts, hide_b, tmp_path)
        assert "Beta" not in text and "Alpha" in text
    assert (fonts.sheets.hits, fonts.sheets.misses, len(fonts.sheets)) == (2, 2, 2)


def test_the_cache_is_bounded(tmp_path: Path) -> None:
    fonts = PdfFonts()
    fonts.sheets = SheetCache(limit=3)
    for number in range(6):
        _text(fonts, PAGE.format(head=f"<style>.a {{ margin: {number}pt }}</style>"), tmp_path)
    assert len(fonts.sheets) == 3


def test_weasyprint_used_directly_is_unchanged(tmp_path: Path) -> None:
    """The stand-in is in place only while an appkit layout runs, and WeasyPrint's own CSS then
    serves anything outside it (another thread)."""
    import weasyprint
    import weasyprint.css

    (tmp_path / "look.css").write_text(".a { display: none }")
    html = PAGE.format(head='<link rel="stylesheet" href="look.css">')
    fonts = PdfFonts()
    with fonts.sheets.serving():
        assert weasyprint.css.CSS is not weasyprint.CSS
        with fonts.sheets.serving():  # nested: still in place after the inner block
            pass
        assert weasyprint.css.CSS is not weasyprint.CSS
        for _ in range(2):  # as if from another thread: no cache in this context
            token = sheetcache._serving.set(None)
            try:
                data = weasyprint.HTML(string=html, base_url=tmp_path.as_uri() + "/").write_pdf()
            finally:
                sheetcache._serving.reset(token)
            text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
            assert "Alpha" not in text and "Beta" in text
    assert weasyprint.css.CSS is weasyprint.CSS
    assert (fonts.sheets.hits, fonts.sheets.misses) == (0, 0)
    _text(fonts, html, tmp_path)
    assert weasyprint.css.CSS is weasyprint.CSS


def test_imports_of_a_style_block_are_checked_every_time(tmp_path: Path) -> None:
    """A <style> block has no URL of its own: every file it imports is an import, asked for and
    compared in every document (edited, refused, served by another fallback folder)."""
    user, first, second = (tmp_path / name for name in ("user", "first", "second"))
    for folder in (user, first, second):
        folder.mkdir()
    (first / "a.css").write_text(".b { display: none }")
    (second / "a.css").write_text(".a { display: none }")
    html = PAGE.format(head='<style>@import url("a.css");</style>')

    def text(fallback: Path) -> str:
        data = layout_pdf(html, user, fonts=fonts, fallback_dirs=(fallback,)).write()
        return PdfReader(io.BytesIO(data)).pages[0].extract_text()

    fonts = PdfFonts()
    assert "Beta" not in text(first) and "Alpha" in text(first)
    assert "Alpha" not in text(second) and "Beta" in text(second)
    assert "Beta" not in text(first) and "Alpha" in text(first)
    (tmp_path / "b.css").write_text(".a { color: red }")
    (user / "a.css").symlink_to(tmp_path / "b.css")  # now outside the folder: refused
    _as_weasyprint_would([(html, user)] * 2)


def test_a_sheet_and_its_imports_count_together_against_the_size_limit(tmp_path: Path) -> None:
    padding = "/* padding */\n" * 10_000  # ~150 KB a file, each under the limit
    for name in ("one", "two"):
        (tmp_path / f"{name}.css").write_text(f".{name} {{ color: red }}\n{padding}")
    (tmp_path / "look.css").write_text('@import url("one.css");\n@import url("two.css");')
    fonts = _as_weasyprint_would(
        [(PAGE.format(head='<link rel="stylesheet" href="look.css">'), tmp_path)] * 2
    )
    assert len(fonts.sheets) == 0 and fonts.sheets.hits == 0


def test_a_sheet_in_a_cascade_layer_is_not_shared(tmp_path: Path) -> None:
    """The layer's order lives in each document's own list (a document that did not declare it
    first would fail, one that ordered layers differently would cascade differently)."""
    (tmp_path / "theme.css").write_text("@layer base { .a { color: red } }")
    link = '<link rel="stylesheet" href="theme.css">'
    fonts = _as_weasyprint_would(
        [
            (PAGE.format(head=f"<style>@layer base;</style>{link}"), tmp_path),
            (PAGE.format(head=link), tmp_path),
            (
                PAGE.format(head=f"{link}<style>@layer other, base; @layer other {{}}</style>"),
                tmp_path,
            ),
        ]
    )
    assert fonts.sheets.hits == 0


def test_gradients_are_not_shared(tmp_path: Path) -> None:
    """WeasyPrint writes a gradient's computed stop positions into the parsed value."""
    css = ".a { height: 4em; background-image: linear-gradient(red 1em, blue 1em) }"
    (tmp_path / "theme.css").write_text(css)
    link = '<link rel="stylesheet" href="theme.css">'
    sizes = [f"{link}<style>html {{ font-size: {px}px }}</style>" for px in (10, 30, 10)]
    fonts = _as_weasyprint_would([(PAGE.format(head=head), tmp_path) for head in sizes])
    assert fonts.sheets.hits == 1  # the third document's <style>, never theme.css


def test_an_invalid_var_value_warns_in_every_document(tmp_path: Path) -> None:
    (tmp_path / "theme.css").write_text(":root { --w: red } .a { width: var(--w) }")
    html = PAGE.format(head='<link rel="stylesheet" href="theme.css">')
    fonts = _as_weasyprint_would([(html, tmp_path)] * 3)
    assert fonts.sheets.hits == 2
    assert any("width" in message for message in _render(fonts, html, tmp_path)[2])


def test_refusals_are_counted_as_weasyprint_counts_them(tmp_path: Path) -> None:
    (tmp_path / "twice.css").write_text(
        '@import url("https://example.com/a.css");\n@import url("https://example.com/a.css");'
    )
    (tmp_path / "font.css").write_text(
        '@font-face { font-family: X; src: url("https://example.com/f.woff") }\n'
        ".a { font-family: X }"
    )
    documents = [
        (PAGE.format(head=f'<link rel="stylesheet" href="{name}">'), tmp_path)
        for name in ("twice.css", "font.css", "twice.css")
    ]
    assert len(_render(PdfFonts(), *documents[0])[1]) == 2
    _as_weasyprint_would(documents)


def test_a_kept_sheet_holds_digests_not_files(tmp_path: Path) -> None:
    (tmp_path / "big.css").write_text(".b { color: red }\n" + "/* padding */\n" * 10_000)
    (tmp_path / "look.css").write_text('@import url("big.css");\n.a { display: none }')
    html = PAGE.format(head='<link rel="stylesheet" href="look.css">')
    fonts = _as_weasyprint_would([(html, tmp_path)] * 2)
    assert fonts.sheets.hits == 1
    (kept,) = fonts.sheets._sheets.values()
    assert [len(digest) for _url, (_final, _headers, digest) in kept.imports] == [32]


def test_nothing_is_kept_while_weasyprint_warnings_are_off(tmp_path: Path) -> None:
    """A sheet's warnings cannot be seen then, so it could not be known to have none."""
    (tmp_path / "theme.css").write_text(".a { colour: red }")
    html = PAGE.format(head='<link rel="stylesheet" href="theme.css">')
    fonts, logger = PdfFonts(), logging.getLogger("weasyprint")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        _render(fonts, html, tmp_path)
    finally:
        logger.setLevel(level)
    assert len(fonts.sheets) == 0
    assert any("colour" in message for message in _render(fonts, html, tmp_path)[2])
