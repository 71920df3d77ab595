"""The rendered HTML as one self-contained file: stylesheets inlined, nothing fetched on opening.

Stylesheets (and their ``@import``s) are read through the PDF's deny-by-default fetcher, so an
untrusted theme reaches exactly the files its PDF could; fonts and images a stylesheet names become
``data:`` URLs. Whatever would load or run something when the file is opened (scripts, frames,
remote or local URLs, event handlers) is removed; links keep only http(s), mailto and tel targets.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import lxml.html

from appkit.render.fetcher import ResourceRefusedError, make_fetcher
from appkit.render.htmlsubset import clean_text, safe_href

__all__ = ["render_standalone_html"]

_IMPORT = re.compile(r"""@import\s+(?:url\(\s*)?["']?([^"')\s;]+)["']?\s*\)?[^;]*;""", re.I)
_URL = re.compile(r"""url\(\s*["']?([^"')]*)["']?\s*\)""", re.I)
_REMOVED_TAGS = ("script", "noscript", "iframe", "frame", "object", "embed", "base", "template")
_URL_ATTRIBUTES = ("src", "srcset", "href", "poster", "action", "formaction", "background", "data")
_MAX_IMPORT_DEPTH = 5
_HIDE_DOCX_ONLY = ".docx-only { display: none !important }"


class _Inliner:
    """Reads theme files through the fetcher and inlines them; refused ones are dropped."""

    def __init__(self, fetcher: Any) -> None:
        self.fetcher = fetcher

    def fetch(self, url: str) -> tuple[bytes, str] | None:
        try:
            response = self.fetcher.fetch(url)
        except (ResourceRefusedError, OSError, ValueError):
            return None
        mime = response.headers.get_content_type() or "application/octet-stream"
        return response.read(), mime

    def data_url(self, match: re.Match[str], base: str) -> str:
        target = match.group(1).strip()
        if target.lower().startswith("data:"):
            return match.group(0)
        found = self.fetch(urljoin(base, target)) if target else None
        if found is None:
            return "url()"
        data, mime = found
        return f'url("data:{mime};base64,{base64.b64encode(data).decode("ascii")}")'

    def css(self, url: str, depth: int = 0) -> str:
        found = self.fetch(url) if depth <= _MAX_IMPORT_DEPTH else None
        if found is None:
            return ""
        text = found[0].decode("utf-8", errors="replace")
        text = _IMPORT.sub(lambda m: self.css(urljoin(url, m.group(1)), depth + 1), text)
        return self.urls(text, url)

    def urls(self, css: str, base: str) -> str:
        return _URL.sub(lambda m: self.data_url(m, base), css)


def _style_element(css: str) -> Any:
    style = lxml.html.Element("style")
    style.text = "\n" + css.replace("</", "<\\/") + "\n"  # a stylesheet cannot end the element
    return style


def _scrub(root: Any, inliner: _Inliner, base: str) -> None:
    """Drop what would run or load anything; keep safe links; inline style attributes' URLs."""
    for el in list(root.iter(*_REMOVED_TAGS)):
        el.drop_tree()
    for meta in list(root.iter("meta")):
        if meta.get("http-equiv") is not None:
            meta.drop_tree()
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for name in list(el.attrib):
            lower = name.lower()
            if lower.startswith("on"):
                del el.attrib[name]
            elif lower in _URL_ATTRIBUTES:
                value = el.get(name) or ""
                keep = safe_href(value) if el.tag == "a" and lower == "href" else None
                if keep is None and not (lower == "src" and value.startswith("data:")):
                    del el.attrib[name]
                elif keep is not None:
                    el.set(name, keep)
        if el.get("style"):
            el.set("style", inliner.urls(el.get("style") or "", base))
    for style in root.iter("style"):
        if style.text:
            style.text = _IMPORT.sub("", inliner.urls(style.text, base))


def render_standalone_html(
    html: str,
    base_dir: Path,
    *,
    fallback_dirs: Sequence[Path] = (),
    asset_root: Path | None = None,
) -> bytes:
    """The document as one UTF-8 HTML file with its stylesheets in <style> elements."""
    base = base_dir.resolve().as_uri() + "/"
    inliner = _Inliner(make_fetcher(base_dir, [], fallback_dirs, asset_root))
    root = lxml.html.document_fromstring(clean_text(html).encode("utf-8"))
    for link in list(root.iter("link")):
        rels = (link.get("rel") or "").lower().split()
        href = link.get("href") or ""
        if "stylesheet" in rels and href:
            link.addprevious(_style_element(inliner.css(urljoin(base, href))))
        link.drop_tree()
    _scrub(root, inliner, base)
    head = root.find("head")
    if head is None:
        head = lxml.html.Element("head")
        root.insert(0, head)
    head.append(_style_element(_HIDE_DOCX_ONLY))
    text = lxml.html.tostring(root, doctype="<!DOCTYPE html>", encoding="unicode", method="html")
    return (text + "\n").encode("utf-8")
