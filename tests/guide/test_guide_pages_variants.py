"""The fixture pages still parse when saved differently: a web page saved as text, CRLF line ends,
tabs, other bullet characters, plain text without blank lines.

Real pages reach appkit in whatever form the browser or clipper produced, so the parser must not
depend on one rendering of a page.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import lxml.html
import pytest

from appkit.guide.model import Guide
from appkit.guide.text import parse_guide_html, parse_guide_text
from tests.guide import test_guide_pages as pages

_BLOCK = {"p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "ul", "ol"}
_BLOCK |= {"li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "dt", "dd", "dl", "details"}
_BLOCK |= {"summary", "form", "blockquote", "caption"}


def as_text(html: str, bullets: bool) -> str:
    """The page as a browser saves it as text: one line per block, cells split by tabs."""
    document = lxml.html.document_fromstring(html)
    for element in document.xpath("//script | //style | //noscript | //head"):
        element.drop_tree()
    out: list[str] = []

    def walk(element: Any) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in ("td", "th"):
            out.append(element.text_content().strip() + "\t" + (element.tail or ""))
            return
        if tag in _BLOCK:
            out.append("\n")
        if tag == "li" and bullets:
            out.append("\u2022 ")
        out.append(element.text or "")
        for child in element:
            walk(child)
        if tag in _BLOCK:
            out.append("\n")
        out.append(element.tail or "")

    walk(document)
    lines = [
        re.sub(r" *\t *", "\t", re.sub(r" +", " ", x)).strip() for x in "".join(out).split("\n")
    ]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines))


def errors_for(page: dict[str, Any], guide: Guide, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setattr(pages, "parsed", lambda file: guide)
    return pages.page_errors(page)


HTML = [p for p in pages.EXPECTED if p["format"] == "html"]


@pytest.mark.parametrize("page", HTML, ids=[p["file"] for p in HTML])
def test_web_page_saved_as_text(page: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    text = as_text((pages.PAGES / page["file"]).read_text(encoding="utf-8"), bullets=True)
    guide = parse_guide_text(text, file=page["file"])
    assert errors_for(page, guide, monkeypatch) == []


def test_web_pages_saved_as_text_without_bullets(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without bullets a list has to be told from the prose around it by its lines alone."""
    passing = 0
    for page in HTML:
        text = as_text((pages.PAGES / page["file"]).read_text(encoding="utf-8"), bullets=False)
        guide = parse_guide_text(text, file=page["file"])
        assert guide.title.casefold() in [
            t.casefold() for t in [page["title"], *page.get("title_variants", [])]
        ]
        passing += not errors_for(page, guide, monkeypatch)
    assert passing == len(HTML)


VARIANTS: dict[str, Callable[[str], str]] = {
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "tabs": lambda t: t.replace("    ", "\t"),
    "bullets": lambda t: re.sub(r"^(?:[*-]|\u2022) ", "\u25cf ", t, flags=re.M),
    "no-blank-lines": lambda t: re.sub(r"\n\s*\n", "\n", t),
}


@pytest.mark.parametrize("variant", VARIANTS)
def test_rewritten_pages(variant: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for page in pages.EXPECTED:
        if variant == "no-blank-lines" and page["format"] != "txt":
            continue  # Markdown and HTML need their blank lines / tags
        text = VARIANTS[variant]((pages.PAGES / page["file"]).read_text(encoding="utf-8"))
        if page["format"] == "html":
            guide = parse_guide_html(text, file=page["file"])
        else:
            guide = parse_guide_text(text, file=page["file"], markdown=page["format"] == "md")
        assert errors_for(page, guide, monkeypatch) == [], (variant, page["file"])
