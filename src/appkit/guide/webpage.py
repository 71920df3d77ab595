"""A saved web page (HTML) as blocks, read with lxml: the article, without the site around it.

The main content is `<main>` (or `[role=main]`, `<article>`, `<body>`). Scripts, styles, forms,
navigation, asides, footers, comments and elements whose class or id names site chrome (cookie
banners, share bars, ads, tables of contents, calls to action, testimonials) are dropped; so are
lists of in-page anchor links (tabs, "In this guide"). Headings keep their level, list items
become items, table rows keep their cells, and a paragraph that opens with a bold label
('<strong>Analytical skills.</strong> ...') reads 'Analytical skills: ...'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from appkit.guide.blocks import BLANK, Block, lead


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_DROP_TAGS = _words(
    "script style noscript template svg iframe form button input select textarea nav aside "
    "footer caption img figure"
)
# Words in a class or id that name site chrome ('cc-banner', 'share-buttons', 'ad-slot', 'toc').
_CHROME_WORDS = _words(
    "cookie cookies consent gdpr banner share sharing social ad ads advert advertisement "
    "sponsor sponsored newsletter subscribe signup breadcrumb breadcrumbs crumbs byline toc "
    "tabs tablist print cta promo testimonial testimonials comment comments sidebar widget "
    "modal popup skip sr btn button updated citation author meta sharedaddy addtoany "
    "relatedposts yarpp disclosure disclaimer"
)
_CHROME_ROLES = _words("navigation banner contentinfo search tablist dialog complementary")
_BLOCK_TAGS = _words(
    "p div section article main header ul ol dl dt dd li table tr blockquote details summary "
    "pre hr h1 h2 h3 h4 h5 h6 figcaption address"
)


@dataclass
class Page:
    """What a web page gives: its blocks, its h1 headings, its <title> and canonical URL."""

    blocks: list[Block] = field(default_factory=list)
    h1: list[str] = field(default_factory=list)
    title: str | None = None
    url: str | None = None


_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_CONTROL_REFS = re.compile(r"&#(?:0*(?:[0-8]|1[124-9]|2\d|3[01])|[xX]0*(?:[0-8bBcC]|1[\da-fA-F]));")
_BREAK = "\u2028"  # stands for a <br> until a paragraph is split into its lines
_BULLET = re.compile(r"^(?:[\u2022\u25cf\u25aa\u2023\u25e6\u00b7*\-\u2013]|\d{1,2}[.)])\s+")


def _text(element: etree._Element) -> str:
    return re.sub(r"\s+", " ", element.text_content()).strip()


def _is_chrome(element: etree._Element) -> bool:
    names = f"{element.get('class', '')} {element.get('id', '')}".lower()
    parts = set(re.split(r"[\s_-]+", names))
    role = (element.get("role") or "").lower()
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    if role in _CHROME_ROLES or parts & _CHROME_WORDS:
        return not element.xpath(".//h1")
    return False


def _anchor_list(element: etree._Element) -> bool:
    """A list whose every item is just an in-page link: tabs or a table of contents."""
    entries = element.xpath("./li")
    if not entries:
        return False
    for entry in entries:
        links = entry.xpath(".//a")
        if len(links) != 1 or not (links[0].get("href") or "").startswith("#"):
            return False
        if _text(entry) != _text(links[0]):
            return False
    return True


def _clean(root: etree._Element) -> None:
    for comment in root.xpath(".//comment()"):
        if comment.getparent() is not None:
            comment.drop_tree()
    for br in root.iter("br"):
        br.tail = _BREAK + _CONTROLS.sub("", br.tail or "")  # lxml refuses controls in a tail
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None:
            continue
        tag = element.tag.lower()
        drop = tag in _DROP_TAGS or _is_chrome(element)
        drop = drop or (tag == "header" and not element.xpath(".//h1"))
        drop = drop or (tag in ("ul", "ol") and _anchor_list(element))
        if drop:
            element.drop_tree()


def _labelled(element: etree._Element) -> str:
    """The element's text; a leading <strong>/<b> label becomes 'Label: rest'."""
    text = _text(element)
    children = [c for c in element if isinstance(c.tag, str)]
    if children and children[0].tag in ("strong", "b") and not (element.text or "").strip():
        name = _text(children[0])
        rest = text[len(name) :].strip() if text.startswith(name) else ""
        separated = bool(re.match(r"[:.\u2013\u2014-]\s", rest))
        rest = re.sub(r"^[:.\u2013\u2014-]\s*", "", rest)
        return lead(name, rest, separated) if rest else name
    return text


def _has_blocks(element: etree._Element) -> bool:
    return any(isinstance(c.tag, str) and c.tag.lower() in _BLOCK_TAGS for c in element.iter())


class _Walker:
    def __init__(self) -> None:
        self.blocks: list[Block] = []

    def add(self, block: Block) -> None:
        if block.kind == "blank" and (not self.blocks or self.blocks[-1].kind == "blank"):
            return
        if block.kind != "blank" and not block.text and block.kind != "rule":
            return
        self.blocks.append(block)

    def walk(self, element: etree._Element) -> None:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if re.fullmatch(r"h[1-6]", tag):
            self.add(BLANK)
            self.add(Block("heading", _text(element), int(tag[1])))
            self.add(BLANK)
        elif tag in ("ul", "ol"):
            self.add(BLANK)
            for entry in element.xpath("./li"):
                nested = entry.xpath("./ul | ./ol")
                for sub in nested:
                    entry.remove(sub)
                self.add(Block("item", _labelled(entry)))
                for sub in nested:
                    self.walk(sub)
            self.add(BLANK)
        elif tag == "table":
            self.add(BLANK)
            for row in element.xpath(".//tr"):
                cells = tuple(c for c in (_text(c) for c in row.xpath("./td | ./th")) if c)
                header = bool(row.xpath("./th")) and not row.xpath("./td")
                header = header or bool(row.xpath("ancestor::thead"))
                self.add(Block("row", " ".join(c for c in cells if c), 0, cells, header))
            self.add(BLANK)
        elif tag == "hr":
            self.add(Block("rule"))
        elif tag in _BLOCK_TAGS and not _has_blocks_below(element):
            parts = [re.sub(r"\s+", " ", p).strip() for p in element.text_content().split(_BREAK)]
            parts = [p for p in parts if p]
            if len(parts) > 1:  # lines broken with <br>: 'Duties:<br>- Draw blood<br>- Label'
                for part in parts:
                    bullet = bool(_BULLET.match(part))
                    self.add(Block("item" if bullet else "line", _BULLET.sub("", part)))
            else:
                self.add(Block("line", _labelled(element)))
            self.add(BLANK)
        else:
            self._mixed(element)

    def _mixed(self, element: etree._Element) -> None:
        """A container: block children walked in turn, loose inline text between them as lines."""
        run: list[str] = [element.text or ""]
        for child in element:
            if not isinstance(child.tag, str):
                run.append(child.tail or "")
                continue
            if child.tag.lower() in _BLOCK_TAGS or _has_blocks(child):
                self._flush(run)
                self.walk(child)
                run = [child.tail or ""]
            else:
                run += [child.text_content(), child.tail or ""]
        self._flush(run)

    def _flush(self, run: list[str]) -> None:
        text = re.sub(r"\s+", " ", "".join(run)).strip()
        if text:
            self.add(Block("line", text))
            self.add(BLANK)


def _has_blocks_below(element: etree._Element) -> bool:
    return any(
        isinstance(c.tag, str) and c.tag.lower() in _BLOCK_TAGS for c in element.iterdescendants()
    )


def html_page(html: str) -> Page:
    """Parse a saved web page into blocks of its main content."""
    page = Page()
    if not html.strip():
        return page
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)  # lxml refuses a str that declares its encoding
    html = _CONTROL_REFS.sub("", _CONTROLS.sub("", html))  # and control characters in a tree
    try:
        document = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return page
    title = document.xpath("//title")
    page.title = _text(title[0]) if title else None
    canonical = document.xpath("//link[@rel='canonical']/@href")
    page.url = str(canonical[0]).strip() if canonical else None
    body = document.find("body")
    headings = [_text(h) for h in document.xpath("//h1") if _text(h)]
    candidates = document.xpath("//main") or document.xpath("//*[@role='main']")
    candidates = candidates or document.xpath("//article")
    # the main content: the candidate holding the page's h1, else the one with the most text
    candidates.sort(key=lambda e: (not e.xpath(".//h1"), -len(e.text_content())))
    root = candidates[0] if candidates else body if body is not None else document
    _clean(root)
    page.h1 = [_text(h) for h in root.xpath(".//h1") if _text(h)]
    walker = _Walker()
    walker.walk(root)
    page.blocks = walker.blocks
    if not page.h1 and headings:  # a title banner above <main>
        page.h1 = headings[:1]
        page.blocks.insert(0, Block("heading", headings[0], 1))
    return page
