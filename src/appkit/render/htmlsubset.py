"""Parse appkit's documented HTML subset (templates/README.md) into paragraphs and runs.

The DOCX writer consumes the result; the style names come from docxmap. Whitespace is collapsed the
way a browser does, so template indentation never creates stray spaces or empty paragraphs.
"""

from __future__ import annotations

import re
import unicodedata

import lxml.etree
import lxml.html

from appkit.render import docxmap as word
from appkit.render.htmlruns import Block, ParsedDoc, Run, collapse

__all__ = ["Block", "ParsedDoc", "Run", "clean_text", "parse_html", "safe_href"]

_NOT_XML10 = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_WS = re.compile(r"[ \t\n\r\f]+")
_LINK_SCHEMES = ("http:", "https:", "mailto:", "tel:")


def clean_text(text: str) -> str:
    """NFC-normalise and drop characters XML 1.0 cannot hold."""
    return _NOT_XML10.sub("", unicodedata.normalize("NFC", text))


def safe_href(href: str | None) -> str | None:
    """Return the href if it is an http(s), mailto or tel URL, else None."""
    if not href:
        return None
    href = href.strip()
    return href if href.lower().startswith(_LINK_SCHEMES) and len(href) <= 2000 else None


def _classes(el: lxml.html.HtmlElement) -> set[str]:
    """The element's class names."""
    return set((el.get("class") or "").split())


class _Walker:
    """Depth-first walk of the body, producing Blocks."""

    def __init__(self, keep: frozenset[str] = frozenset()) -> None:
        self.keep_classes = keep  # elements the page must not split (CSS break-inside: avoid)
        self.keep: int | None = None  # the enclosing kept element's number
        self.kept = 0
        self.blocks: list[Block] = []
        self.current: Block | None = None
        self.bold = 0
        self.italic = 0
        self.href: list[str | None] = []
        self.in_date = 0
        self.in_sep = 0
        self.lists: list[tuple[str, int | None, str | None]] = []  # (style, list id, data-style)
        self.defaults: list[str] = ["Normal"]
        self.containers: list[str | None] = [None]  # paragraph style a container's <p>s take
        self.char: list[str | None] = [None]  # character style of the enclosing spans
        self.ol_count = 0

    def close(self) -> None:
        """Finish the current paragraph, dropping it if it holds no text."""
        block, self.current = self.current, None
        if block is None:
            return
        block.runs = collapse(block.runs)
        block.date = collapse(block.date)
        if any(r.text for r in block.runs) or any(r.text for r in block.date):
            self.blocks.append(block)

    def open(
        self,
        style: str,
        *,
        list_id: int | None = None,
        is_item: bool = False,
        classes: frozenset[str] = frozenset(),
    ) -> None:
        """Start a new paragraph with ``style``."""
        self.close()
        self.current = Block(style, list_id=list_id, is_item=is_item, classes=classes)
        self.current.keep = self.keep

    def add(self, run: Run) -> None:
        """Append a run to the current paragraph (opening an anonymous one if needed)."""
        if self.current is None:
            if not run.brk and not _WS.sub("", run.text):
                return
            self.open(self.defaults[-1])
        assert self.current is not None
        (self.current.date if self.in_date else self.current.runs).append(run)

    def text(self, text: str | None) -> None:
        """Add text with the formatting currently in effect."""
        if text:
            href = self.href[-1] if self.href else None
            style = word.refine(self.char[-1], text)
            run = Run(
                clean_text(text),
                self.bold > 0,
                self.italic > 0,
                href,
                sep=self.in_sep > 0,
                style=style,
            )
            self.add(run)

    def walk(self, el: lxml.html.HtmlElement) -> None:
        """Process ``el``; the paragraphs of an element kept whole share a keep number."""
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        block = tag in word.BLOCK_TAGS or tag in word.PARAGRAPH_TAGS or tag in word.LIST_TAGS
        if self.keep is not None or not block or not _classes(el) & self.keep_classes:
            self._walk(el)
            return
        self.close()
        self.keep, self.kept = self.kept, self.kept + 1
        self._walk(el)
        self.close()
        self.keep = None

    def _walk(self, el: lxml.html.HtmlElement) -> None:
        """Process ``el`` and its children (its tail is handled by the caller)."""
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if not tag or tag in word.SKIP_TAGS:
            return
        classes = _classes(el)
        if "pdf-only" in classes or el.get("hidden") is not None:
            return
        data_style = clean_text(el.get("data-style") or "").strip()[:100] or None
        if tag == "br":
            self.add(Run(brk=True))
        elif tag in word.HEADING_STYLES:
            self.open(data_style or word.HEADING_STYLES[tag], classes=frozenset(classes))
            self.children(el)
            self.close()
        elif tag in word.PARAGRAPH_TAGS:
            mapped = word.first_match(word.PARAGRAPH_STYLES, classes)
            style = data_style or mapped or (self.containers[-1] if tag == "p" else None)
            self.open(style or "Normal", classes=frozenset(classes))
            self.children(el)
            self.close()
        elif tag == "li":
            style, list_id, list_data_style = (
                self.lists[-1] if self.lists else ("List Bullet", None, None)
            )
            self.open(
                data_style or list_data_style or style,
                list_id=list_id,
                is_item=True,
                classes=frozenset(classes),
            )
            self.children(el)
            self.close()
        elif tag in word.LIST_TAGS:
            self.close()
            list_id = None
            if tag == "ol":
                list_id, self.ol_count = self.ol_count, self.ol_count + 1
            self.lists.append((word.LIST_TAGS[tag], list_id, data_style))
            self.children(el)
            self.lists.pop()
            self.close()
        elif tag in word.BLOCK_TAGS:
            self.close()
            self.defaults.append(data_style or self.defaults[-1])
            found = word.first_match(word.CONTAINER_STYLES, classes)
            self.containers.append(found or self.containers[-1])
            self.children(el)
            self.close()
            self.defaults.pop()
            self.containers.pop()
        else:
            self.inline(el, tag, classes)

    def inline(self, el: lxml.html.HtmlElement, tag: str, classes: set[str]) -> None:
        """Walk an inline element, tracking bold/italic/link/date state."""
        bold, italic, date = tag in word.BOLD_TAGS, tag in word.ITALIC_TAGS, "date" in classes
        sep = "sep" in classes
        self.char.append(word.char_style(classes) or self.char[-1])
        self.bold += bold
        self.italic += italic
        self.in_date += date
        self.in_sep += sep
        if tag == "a":
            self.href.append(safe_href(el.get("href")))
        self.children(el)
        if tag == "a":
            self.href.pop()
        self.bold -= bold
        self.italic -= italic
        self.in_date -= date
        self.in_sep -= sep
        self.char.pop()
        if bold and self.current is not None and self.current.classes & word.BOLD_LINES:
            self.add(Run(brk=True))  # CSS shows this paragraph's bold lead as its own line

    def children(self, el: lxml.html.HtmlElement) -> None:
        """Walk the text and children of ``el``, reusing an empty list item for a first <p>."""
        self.text(el.text)
        for child in el:
            item = self.current
            reuse = (
                item is not None
                and item.is_item
                and not any(r.brk or _WS.sub("", r.text) for r in item.runs)
                and isinstance(child.tag, str)
                and child.tag.lower() == "p"
            )
            if reuse:
                self.children(child)
            else:
                self.walk(child)
            self.text(child.tail)


def _meta(root: lxml.html.HtmlElement, name: str) -> str:
    """Content of the first ``<meta name=…>`` (case-insensitive)."""
    for meta in root.iter("meta"):
        if (meta.get("name") or "").strip().lower() == name:
            return clean_text(meta.get("content") or "").strip()
    return ""


def parse_html(html: str, keep: frozenset[str] = frozenset()) -> ParsedDoc:
    """Parse an HTML document of the appkit subset into metadata and paragraphs.

    ``keep``: classes of elements a page must not split (their Blocks share a ``keep`` number).
    """
    html = clean_text(html)
    if not html.strip():
        return ParsedDoc()
    parser = lxml.html.HTMLParser(encoding="utf-8")
    try:  # bytes input: an <?xml encoding=…?> declaration is then allowed
        root = lxml.html.document_fromstring(html.encode("utf-8"), parser=parser)
    except lxml.etree.ParserError:  # e.g. a document that is only a comment
        return ParsedDoc()
    title_el = root.find(".//title")
    title = _WS.sub(" ", title_el.text_content()).strip() if title_el is not None else ""
    doc = ParsedDoc(
        title=clean_text(title),
        author=_meta(root, "author"),
        keywords=_meta(root, "keywords"),
        description=_meta(root, "description"),
        lang=clean_text(root.get("lang") or "").strip(),
        date=_meta(root, "date") or _meta(root, "dcterms.created"),
    )
    walker = _Walker(keep)
    body = root.find("body")
    walker.walk(body if body is not None else root)
    walker.close()
    doc.blocks = walker.blocks
    return doc
