"""The DOCX writer's shortcuts (a styled template per look and process whose styles documents
share, paragraphs built directly in lxml, compressed parts reused, its own zip writer) change
nothing: the same bytes as python-docx's public API building everything afresh."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from typing import Any

import docx
import pytest

from appkit.render import (
    docxbody,
    docxsave,
    docxstyleref,
    docxstyles,
    docxtemplate,
    docxwriter,
)
from tests.conftest import ROOT
from tests.render import docx_plain

CREATED = datetime(2026, 1, 15, 9, 30)
SAMPLES = ("linda-chen", "derek-walsh")
EDGES = """<html lang="de-DE"><head><title>Edges</title></head><body>
<h1>Name</h1><p data-style="Brand New">own style</p><p data-style="Table Grid">clash</p>
<ol><li>one</li><li>two</li></ol><ol><li>again</li></ol>
<h3>Role <span class="date">2020 – <em>now</em></span></h3>
<p>a<br>b <a href="https://example.com/x">x</a> <a href="https://example.com/x">x</a>
<span class="tag">Tag</span> <span class="status">Missing</span>
<strong>\u00a0bold\u00a0</strong></p>
</body></html>"""


@pytest.fixture(scope="module")
def sample_calls() -> list[tuple[str, dict[str, Any]]]:
    """What every document of two sample packets hands to the DOCX writer."""
    from appkit.engine import Engine
    from appkit.options import Options
    from appkit.packet import load_inputs, render_documents

    seen: list[tuple[str, dict[str, Any]]] = []
    real = docxwriter.render_docx

    def record(html: str, **kwargs: Any) -> bytes:
        seen.append((html, kwargs))
        return real(html, **kwargs)

    engine = Engine()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(docxwriter, "render_docx", record)
        for name, theme in zip(SAMPLES, ("classic", "modern"), strict=True):
            options = Options(date="2026-01-15", formats=("docx",), theme=theme)
            inputs = load_inputs(ROOT / "profiles" / f"{name}.yaml", "clinical-coordinator")
            render_documents(
                ["resume", "cover", "interview", "report"], inputs, options, None, engine
            )
    assert len(seen) == 4 * len(SAMPLES)
    return [*seen, *((html, {}) for html, _ in seen), (EDGES, {})]


def _entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _plainly(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every shortcut replaced by python-docx's public API, as the writer was before them."""
    monkeypatch.setattr(docxstyles, "default_document", docx_plain.fresh_document)
    monkeypatch.setattr(docxtemplate, "template", docx_plain.FreshTemplate)
    monkeypatch.setattr(
        docxstyleref.StyleCache, "get", lambda self, *a: docxstyles.get_style(self.doc, *a)
    )
    monkeypatch.setattr(docxbody, "write_blocks", docx_plain.write_blocks)


def test_same_bytes_as_building_everything_afresh(
    sample_calls: list[tuple[str, dict[str, Any]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = [docxwriter.render_docx(html, created=CREATED, **kw) for html, kw in sample_calls]
    again = [docxwriter.render_docx(html, created=CREATED, **kw) for html, kw in sample_calls]
    assert again == fast  # a document copied from a used template is the same
    _plainly(monkeypatch)
    for (html, kwargs), quick in zip(sample_calls, fast, strict=True):
        slow = docxwriter.render_docx(html, created=CREATED, **kwargs)
        quick_parts, slow_parts = _entries(quick), _entries(slow)
        assert list(quick_parts) == list(slow_parts)
        for part in ("word/document.xml", "word/styles.xml", "word/numbering.xml"):
            assert quick_parts[part] == slow_parts[part], (html[:80], part)
        assert quick == slow, html[:80]


def test_reference_documents_too(
    sample_calls: list[tuple[str, dict[str, Any]]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Any,
) -> None:
    """A reference document's styles, with the body written directly: python-docx's bytes."""
    reference = tmp_path / "reference.docx"
    styled = docx.Document()
    styled.styles["Heading 1"].font.size = docx.shared.Pt(20)
    styled.save(str(reference))
    html, kwargs = sample_calls[0]
    pages = [(html, {k: v for k, v in kwargs.items() if k != "reference"}), (EDGES, {})]
    fast = [docxwriter.render_docx(h, reference=reference, created=CREATED, **k) for h, k in pages]
    _plainly(monkeypatch)
    monkeypatch.setattr(docxwriter, "_save", docxwriter._save_and_rewrite)
    for (html, kwargs), quick in zip(pages, fast, strict=True):
        assert quick == docxwriter.render_docx(html, reference=reference, created=CREATED, **kwargs)


def test_a_new_style_stays_in_its_document() -> None:
    """A `data-style` the template lacks is added to that document's own copy of the styles."""
    page = "<html><body><h1>Name</h1><p data-style='{style}'>Text</p></body></html>"
    before = _entries(docxwriter.render_docx(page.format(style="Normal"), created=CREATED))
    own = _entries(docxwriter.render_docx(page.format(style="Only Here"), created=CREATED))
    after = _entries(docxwriter.render_docx(page.format(style="Normal"), created=CREATED))
    assert b"Only Here" in own["word/styles.xml"]
    assert after == before and b"Only Here" not in after["word/styles.xml"]
    data = docxwriter.render_docx(page.format(style="Only Here"), created=CREATED)
    names = [style.name for style in docx.Document(io.BytesIO(data)).styles]
    assert names.count("Only Here") == 1


def test_documents_do_not_share_the_default_look() -> None:
    """Each document is a copy of its look's template: one document's language stays its own."""
    page = '<html lang="{lang}"><body><h1>Name</h1><p>Text</p></body></html>'
    german = docxwriter.render_docx(page.format(lang="de-DE"), created=CREATED)
    english = docxwriter.render_docx(page.format(lang="en-GB"), created=CREATED)
    assert b'w:val="de-DE"' in _entries(german)["word/styles.xml"]
    styles = _entries(english)["word/styles.xml"]
    assert b'w:val="en-GB"' in styles and b"de-DE" not in styles
    built = docxtemplate.template.cache_info().misses  # once per look and process
    docxwriter.render_docx(page.format(lang="en-GB"), created=CREATED)
    assert docxtemplate.template.cache_info().misses == built


def test_styles_are_resolved_once_per_document(monkeypatch: pytest.MonkeyPatch) -> None:
    """The template answers for the styles it has; another is looked up (and added) once."""
    calls: list[str] = []
    real = docxstyles.get_style

    def counting(doc: Any, name: str, *args: Any) -> Any:
        calls.append(name)
        return real(doc, name, *args)

    monkeypatch.setattr(docxstyles, "get_style", counting)
    items = "".join(
        f"<li data-style='Extra'>point {i} <a href='https://example.com/{i}'>link</a></li>"
        for i in range(9)
    )
    data = docxwriter.render_docx(f"<html><body><ul>{items}</ul><p>a</p><p>b</p></body></html>")
    assert calls == ["Extra"]
    paragraphs = docx.Document(io.BytesIO(data)).paragraphs
    assert [p.style.name for p in paragraphs] == ["Extra"] * 9 + ["Normal"] * 2


def test_a_copy_keeps_the_template_styles_compressed() -> None:
    """A document of known styles never parses its styles part; reading it parses it."""
    look = docxtemplate.Look("", "en-US")
    styled = docxtemplate.template(look)
    doc = styled.new_document()
    part = doc.part.part_related_by(docxtemplate.RT.STYLES)
    assert part.unread() is not None
    assert doc.styles["Heading 1"].style_id == "Heading1"  # parsed on first read
    assert part.unread() is None
    assert styled.new_document().part.part_related_by(docxtemplate.RT.STYLES).unread()


@pytest.mark.parametrize("name", ["word/document.xml", "docProps/naïve.xml"])
def test_own_zip_is_what_zipfile_writes(name: str) -> None:
    blobs = [(name, b"<a>" + b"x" * 5000 + b"</a>"), ("empty.xml", b"")]
    zipped = docxsave._Zip()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for member, blob in blobs:
            zipped.add(member, docxsave.pack(blob))
            entry = zipfile.ZipInfo(member, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type, entry.create_system, entry.external_attr = 8, 0, 0
            archive.writestr(entry, blob, compresslevel=6)
    assert zipped.getvalue() == out.getvalue()


def test_collapsing_whitespace_keeps_every_field_of_a_run() -> None:
    """`collapse` rebuilds trimmed runs field by field: none may be lost."""
    from dataclasses import fields, replace

    from appkit.render.htmlruns import Run, collapse

    values = {"bold": True, "italic": True, "href": "https://x", "sep": True, "style": "Tag"}
    assert {f.name for f in fields(Run)} == {"text", "brk", *values}
    run = Run("  spaced   out  ", **values)  # type: ignore[arg-type]
    assert collapse([run]) == [replace(run, text="spaced out")]
