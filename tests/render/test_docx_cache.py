"""The DOCX writer's caches (default look built once per process, style ids once per document,
one compression pass) change nothing: the same bytes as building everything afresh."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from typing import Any

import docx
import pytest

from appkit.render import docxstyles, docxwriter
from tests.conftest import ROOT

CREATED = datetime(2026, 1, 15, 9, 30)
SAMPLES = ("linda-chen", "derek-walsh")


@pytest.fixture(scope="module")
def sample_html() -> list[tuple[str, str]]:
    """The HTML every document of two sample packets hands to the DOCX writer."""
    from appkit.engine import Engine
    from appkit.options import Options
    from appkit.packet import load_inputs, render_documents

    seen: list[tuple[str, str]] = []
    real = docxwriter.render_docx

    def record(html: str, **kwargs: Any) -> bytes:
        seen.append((kwargs.get("template", ""), html))
        return real(html, **kwargs)

    engine = Engine()
    options = Options(date="2026-01-15", formats=("docx",))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(docxwriter, "render_docx", record)
        for name in SAMPLES:
            inputs = load_inputs(ROOT / "profiles" / f"{name}.yaml", "clinical-coordinator")
            render_documents(
                ["resume", "cover", "interview", "report"], inputs, options, None, engine
            )
    assert len(seen) == 4 * len(SAMPLES)
    return seen


def _entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _afresh() -> Any:
    """What the writer did before: python-docx's default document, the look applied to it."""
    doc = docx.Document()
    docxstyles.apply_default_look(doc)
    return doc


def test_same_bytes_as_building_everything_afresh(
    sample_html: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    cached = [docxwriter.render_docx(html, created=CREATED) for _, html in sample_html]
    monkeypatch.setattr(docxstyles, "default_document", _afresh)
    monkeypatch.setattr(
        docxstyles.StyleCache, "get", lambda self, *a: docxstyles.get_style(self.doc, *a)
    )
    monkeypatch.setattr(docxwriter, "_save", docxwriter._save_and_rewrite)
    for (template, html), fast in zip(sample_html, cached, strict=True):
        slow = docxwriter.render_docx(html, created=CREATED)
        fast_parts, slow_parts = _entries(fast), _entries(slow)
        assert list(fast_parts) == list(slow_parts), template
        for part in ("word/document.xml", "word/styles.xml", "word/numbering.xml"):
            assert fast_parts[part] == slow_parts[part], (template, part)
        assert fast == slow, template


def test_documents_do_not_share_the_default_look() -> None:
    """Each document is a copy of the template: one document's language stays its own."""
    page = '<html lang="{lang}"><body><h1>Name</h1><p>Text</p></body></html>'
    german = docxwriter.render_docx(page.format(lang="de-DE"), created=CREATED)
    english = docxwriter.render_docx(page.format(lang="en-GB"), created=CREATED)
    assert b'w:val="de-DE"' in _entries(german)["word/styles.xml"]
    styles = _entries(english)["word/styles.xml"]
    assert b'w:val="en-GB"' in styles and b"de-DE" not in styles
    built = docxstyles._default_template.cache_info().currsize  # once per design and process
    docxwriter.render_docx(page.format(lang="fr-FR"), created=CREATED)
    assert docxstyles._default_template.cache_info().currsize == built


def test_styles_are_resolved_once_per_document(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = docxstyles.get_style

    def counting(doc: Any, name: str, *args: Any) -> Any:
        calls.append(name)
        return real(doc, name, *args)

    monkeypatch.setattr(docxstyles, "get_style", counting)
    items = "".join(
        f"<li>point {i} <a href='https://example.com/{i}'>link</a></li>" for i in range(9)
    )
    docxwriter.render_docx(f"<html><body><ul>{items}</ul><p>a</p><p>b</p></body></html>")
    assert sorted(calls) == sorted(set(calls))  # each style name looked up once
    assert "Hyperlink" in calls
