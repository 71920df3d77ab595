"""Untrusted templates are bounded as a whole (Jinja, layout, PDF, DOCX): time, memory, pages."""

from __future__ import annotations

import io
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from appkit import Engine, Options, build_packet, load_inputs
from appkit.errors import AppkitError, TemplateError
from appkit.packet import render_documents
from tests.conftest import ROOT

PROFILE = ROOT / "profiles" / "maria-santos.yaml"
GUIDE = "clinical-coordinator"
PARAGRAPHS = (
    "{% block summary %}{% for i in range(60000) %}<p>Paragraph {{ i }} of many.</p>\n"
    "{% endfor %}{% endblock %}"
)
TINY_PAGES = "{% block head %}{{ super() }}<style>@page { size: 12px }</style>{% endblock %}"
HARMLESS = "{% block summary %}<p>My own opening line.</p>{{ super() }}{% endblock %}"


def _templates(root: Path, blocks: str, kind: str = "resume") -> Path:
    folder = root / "templates"
    (folder / kind).mkdir(parents=True, exist_ok=True)
    (folder / kind / "classic.html").write_text(
        f'{{% extends "!builtin/{kind}/classic.html" %}}\n{blocks}\n'
    )
    return folder


def _render(folder: Path, kinds: tuple[str, ...] = ("resume",), **options: Any) -> dict:
    opts = Options(templates=(folder,), date="2025-06-01", **options)
    return render_documents(list(kinds), load_inputs(PROFILE, GUIDE), opts)


def test_tiny_pages_stop_at_the_page_limit(tmp_path: Path) -> None:
    folder = _templates(tmp_path, TINY_PAGES)
    with pytest.raises(TemplateError) as caught:
        _render(folder, formats=("pdf",), page_limit=5)
    assert caught.value.message == (
        "template resume/classic.html: produced more than 5 pages (--page-limit)"
    )


def test_sixty_thousand_paragraphs_stop_within_the_limits(tmp_path: Path) -> None:
    folder = _templates(tmp_path, PARAGRAPHS)
    with pytest.raises(TemplateError) as caught:
        _render(folder, formats=("pdf",), time_limit=4)
    message = caught.value.message
    assert message.startswith("template resume/classic.html: ") and "\n" not in message
    assert "took longer than 4 s to" in message or "more than 30 pages" in message


def test_sixty_thousand_paragraphs_in_docx_stop_at_the_paragraph_cap(tmp_path: Path) -> None:
    folder = _templates(tmp_path, PARAGRAPHS)
    with pytest.raises(TemplateError, match=r"more than 500 paragraphs .*about 5 pages"):
        _render(folder, formats=("docx",), page_limit=5)


def test_memory_limit_names_the_option(tmp_path: Path) -> None:
    folder = _templates(
        tmp_path, "{% block summary %}{{ '%0999999999d' | format(1) }}{% endblock %}"
    )
    with pytest.raises(TemplateError, match="memory") as caught:
        _render(folder, formats=("pdf",), memory_limit=512)
    assert "--memory-limit" in caught.value.message


def test_builtin_templates_have_the_page_limit_too() -> None:
    opts = Options(formats=("pdf",), date="2025-06-01", page_limit=1)
    with pytest.raises(TemplateError, match="interview/classic.html: produced more than 1 pages"):
        render_documents(["interview"], load_inputs(PROFILE, GUIDE), opts)


def _packet_document(folder: str) -> tuple[int, str]:
    """Runs in a daemonic pool worker owning one Engine: an isolated --templates packet, and one
    refused, both through the public API."""
    engine = Engine()  # created once in this worker, used for both packets
    inputs = load_inputs(PROFILE, GUIDE)
    options = Options(templates=(Path(folder),), date="2025-06-01", file_names="plain")
    files = build_packet(inputs, options, kinds=("resume", "cover"), engine=engine).files
    pages = len(PdfReader(io.BytesIO(files["resume.pdf"])).pages)
    text = PdfReader(io.BytesIO(files["resume.pdf"])).pages[0].extract_text()
    tiny = Path(folder).parents[1] / "tiny" / "templates"
    refused = options.model_copy(
        update={"templates": (tiny,), "formats": ("pdf",), "page_limit": 3}
    )
    try:
        build_packet(inputs, refused, kinds=("resume",), engine=engine)
    except AppkitError as exc:
        return pages, f"{'My own opening line.' in text}|{exc.message}"
    return pages, "not refused"


def _pool_setup(tmp_path: Path) -> str:
    _templates(tmp_path / "tiny", TINY_PAGES)
    return str(_templates(tmp_path / "user", HARMLESS))


def test_isolation_works_inside_a_multiprocessing_pool_worker(tmp_path: Path) -> None:
    folder = _pool_setup(tmp_path)
    with multiprocessing.get_context("fork").Pool(1) as pool:
        pages, result = pool.apply(_packet_document, (folder,))
    assert pages >= 1
    assert result == "True|template resume/classic.html: produced more than 3 pages (--page-limit)"


def test_isolation_works_inside_a_process_pool_executor_worker(tmp_path: Path) -> None:
    folder = _pool_setup(tmp_path)
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as executor:
        pages, result = executor.submit(_packet_document, folder).result()
    assert pages >= 1
    assert result == "True|template resume/classic.html: produced more than 3 pages (--page-limit)"
