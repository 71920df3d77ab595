"""The PDF's page as the DOCX should have it: size, margins and running footer, read from the CSS.

WeasyPrint lays the page out from the theme's `@page` rules; reading the same rules (with
tinycss2, WeasyPrint's own CSS parser) makes the DOCX mirror each design and each document kind
without a second copy of its values: "Name | Page n of N" at the bottom right of the resume from
page 2 on, no footer on the letter. Stylesheets are read through the PDF's deny-by-default fetcher,
so an untrusted theme reaches exactly the files its PDF could.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

import lxml.html
import tinycss2

from appkit.render.fetcher import ResourceRefusedError, make_fetcher

__all__ = ["PageSpec", "page_spec", "read_stylesheets"]

_IMPORT = re.compile(r"""@import\s+(?:url\(\s*)?["']?([^"')\s;]+)["']?\s*\)?[^;]*;""", re.I)
_MAX_IMPORT_DEPTH = 5
_MAX_CSS_CHARS = 2_000_000
_UNITS_PT = {"pt": 1.0, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "px": 0.75, "pc": 12.0}
_SIZES_PT = {"letter": (612.0, 792.0), "a4": (595.28, 841.89), "legal": (612.0, 1008.0),
             "a5": (419.53, 595.28)}  # fmt: skip
_HEADINGS = {"h1": "Title", "h2": "Heading 1", "h3": "Heading 2", "h4": "Heading 3"}
_KEEP_PROPERTIES = ("break-inside", "page-break-inside")
_CLASS = re.compile(r"\.([\w-]+)")
_BOTTOM_BOXES = {"bottom-left": "left", "bottom-center": "center", "bottom-right": "right"}

Part = tuple[str, str]  # ("text", "Page ") | ("string", "candidate") | ("counter", "page")


@dataclass
class PageSpec:
    """What the theme's `@page` rules say, in points; None where the CSS says nothing."""

    width: float | None = None
    height: float | None = None
    margins: dict[str, float] = field(default_factory=dict)  # top, right, bottom, left
    footer: list[Part] = field(default_factory=list)
    footer_align: str = "right"
    footer_size: float | None = None
    footer_color: str | None = None  # "6B7478"
    footer_on_first: bool = True
    strings: dict[str, str] = field(default_factory=dict)  # string-set name -> its text
    accent: str | None = None  # the theme's `:root { --accent }` colour, "1B4F5C"
    # Word style -> font size: `html { font-size }` (html.density-N when fitted) for Normal,
    # h1..h4 for Title and Heading 1..3, as the HTML subset maps them.
    sizes: dict[str, float] = field(default_factory=dict)
    keep: set[str] = field(default_factory=set)  # classes with `break-inside: avoid`
    line_height: float | None = None  # `html { line-height }` as a plain number (1.27)


def read_stylesheets(
    html: str,
    base_dir: Path,
    fallback_dirs: Sequence[Path] = (),
    asset_root: Path | None = None,
) -> str:
    """The text of every stylesheet the HTML links or embeds, its @imports expanded in place."""
    base = base_dir.resolve().as_uri() + "/"
    fetcher = make_fetcher(base_dir, [], fallback_dirs, asset_root)

    def fetch(url: str, depth: int) -> str:
        if depth > _MAX_IMPORT_DEPTH:
            return ""
        try:
            response = fetcher.fetch(url)
            text = response.read(_MAX_CSS_CHARS).decode("utf-8", errors="replace")
        except (ResourceRefusedError, OSError, ValueError):
            return ""
        return _IMPORT.sub(lambda m: fetch(urljoin(url, m.group(1)), depth + 1), text)

    root = lxml.html.document_fromstring(html.encode("utf-8"))
    parts: list[str] = []
    for el in root.iter("link", "style"):
        if el.tag == "style":
            parts.append(_IMPORT.sub(lambda m: fetch(urljoin(base, m.group(1)), 1), el.text or ""))
        elif "stylesheet" in (el.get("rel") or "").lower().split() and el.get("href"):
            parts.append(fetch(urljoin(base, el.get("href") or ""), 0))
    return "\n".join(parts)


def _length(token: tinycss2.ast.Node) -> float | None:
    """A CSS length in points (0 without a unit), or None."""
    if token.type == "dimension" and token.lower_unit in _UNITS_PT:
        return float(token.value) * _UNITS_PT[token.lower_unit]
    if token.type == "number" and token.value == 0:
        return 0.0
    return None


def _values(decl: tinycss2.ast.Declaration) -> list[tinycss2.ast.Node]:
    return [t for t in decl.value if t.type not in ("whitespace", "comment")]


def _declarations(content: list[tinycss2.ast.Node] | None) -> list[tinycss2.ast.Node]:
    return tinycss2.parse_blocks_contents(content or [], skip_comments=True, skip_whitespace=True)


def _page_size(spec: PageSpec, values: list[tinycss2.ast.Node]) -> None:
    lengths = [n for n in map(_length, values) if n is not None]
    names = [v.lower_value for v in values if v.type == "ident"]
    size = next((_SIZES_PT[n] for n in names if n in _SIZES_PT), None)
    if len(lengths) >= 1:
        size = (lengths[0], lengths[1] if len(lengths) > 1 else lengths[0])
    if size is None:
        return
    width, height = size
    if "landscape" in names:
        width, height = max(size), min(size)
    elif "portrait" in names:
        width, height = min(size), max(size)
    spec.width, spec.height = width, height


def _margins(spec: PageSpec, name: str, values: list[tinycss2.ast.Node]) -> None:
    lengths = [_length(v) for v in values]
    found = [n for n in lengths if n is not None]
    if len(found) != len(lengths) or not found:
        return
    sides = ("top", "right", "bottom", "left")
    if name == "margin" and len(found) <= 4:
        order = {1: (0, 0, 0, 0), 2: (0, 1, 0, 1), 3: (0, 1, 2, 1), 4: (0, 1, 2, 3)}[len(found)]
        spec.margins.update({side: found[i] for side, i in zip(sides, order, strict=True)})
    elif name.removeprefix("margin-") in sides and len(found) == 1:
        spec.margins[name.removeprefix("margin-")] = found[0]


def _content(values: list[tinycss2.ast.Node]) -> list[Part] | None:
    """`"Page " counter(page)` → parts; [] for `none`; None for anything it cannot mirror."""
    parts: list[Part] = []
    for value in values:
        if value.type == "string":
            parts.append(("text", value.value))
        elif value.type == "ident" and value.lower_value in ("none", "normal"):
            return []
        elif value.type == "function" and value.lower_name in ("counter", "string"):
            args = [a for a in value.arguments if a.type == "ident"]
            if not args:
                return None
            parts.append((value.lower_name, args[0].lower_value))
        else:
            return None
    return parts


def _footer_box(spec: PageSpec, first: bool, box: str, rule: tinycss2.ast.AtRule) -> None:
    for decl in _declarations(rule.content):
        if decl.type != "declaration":
            continue
        values = _values(decl)
        if decl.lower_name == "content" and (parts := _content(values)) is not None:
            if first:
                spec.footer_on_first = bool(parts)
            else:
                spec.footer, spec.footer_align = parts, _BOTTOM_BOXES[box]
        elif first:
            continue
        elif decl.lower_name == "font-size" and values and (size := _length(values[0])):
            spec.footer_size = size
        elif decl.lower_name == "color" and values:
            spec.footer_color = _hex(values[0]) or spec.footer_color


def _hex(token: tinycss2.ast.Node) -> str | None:
    """`#1b4f5c` or `#abc` → "1B4F5C"; None for any other colour syntax."""
    if token.type != "hash" or len(token.value) not in (3, 6):
        return None
    value = token.value if len(token.value) == 6 else "".join(c * 2 for c in token.value)
    return value.upper() if all(c in "0123456789abcdefABCDEF" for c in value) else None


def _font_size(rule: tinycss2.ast.QualifiedRule) -> float | None:
    """A style rule's `font-size` in points, when given as an absolute length."""
    for decl in _declarations(rule.content):
        if decl.type == "declaration" and decl.lower_name == "font-size" and _values(decl):
            return _length(_values(decl)[0])
    return None


def _line_height(rule: tinycss2.ast.QualifiedRule) -> float | None:
    """A style rule's unitless `line-height` (1.27), or None."""
    for decl in _declarations(rule.content):
        if decl.type == "declaration" and decl.lower_name == "line-height" and _values(decl):
            value = _values(decl)[0]
            return float(value.value) if value.type == "number" else None
    return None


def _accent(rule: tinycss2.ast.QualifiedRule) -> str | None:
    """The `--accent` custom property of a `:root` rule, as hex."""
    for decl in _declarations(rule.content):
        if decl.type == "declaration" and decl.name == "--accent" and (values := _values(decl)):
            return _hex(values[0])
    return None


def _kept_classes(rule: tinycss2.ast.QualifiedRule) -> set[str]:
    """Classes a rule keeps whole (`break-inside: avoid`), when its selector is a plain `.name`."""
    for decl in _declarations(rule.content):
        if decl.type != "declaration" or decl.lower_name not in _KEEP_PROPERTIES:
            continue
        if [v.lower_value for v in _values(decl) if v.type == "ident"] == ["avoid"]:
            selectors = tinycss2.serialize(rule.prelude).split(",")
            return {m.group(1) for sel in selectors if (m := _CLASS.fullmatch(sel.strip()))}
    return set()


def _string_sets(rule: tinycss2.ast.QualifiedRule) -> list[tuple[str, str]]:
    """(selector, name) for every `string-set: name content()` in a style rule."""
    found = []
    for decl in _declarations(rule.content):
        if decl.type == "declaration" and decl.lower_name == "string-set":
            names = [v.lower_value for v in _values(decl) if v.type == "ident"]
            if names:
                for selector in tinycss2.serialize(rule.prelude).split(","):
                    found.append((selector.strip(), names[0]))
    return found


def _string_text(root: lxml.html.HtmlElement, selector: str) -> str | None:
    """Text of the first element a simple selector (`h1`, `.name`, `h1.name`) matches."""
    match = re.fullmatch(r"([a-zA-Z][a-zA-Z0-9]*)?(?:\.([\w-]+))?", selector)
    if not match or not any(match.groups()):
        return None
    tag, cls = match.groups()
    for el in root.iter(tag.lower()) if tag else root.iter():
        if not isinstance(el.tag, str) or (cls and cls not in (el.get("class") or "").split()):
            continue
        return " ".join(el.text_content().split())
    return None


# html-level rules: (selector, font-size, line-height), applied when the <html> element matches.
_RootRule = tuple[str, float | None, float | None]


@functools.lru_cache(maxsize=32)
def _read(css: str) -> tuple[PageSpec, tuple[tuple[str, str], ...], tuple[_RootRule, ...]]:
    """The stylesheet's page facts, parsed once per distinct stylesheet (a packet's documents
    and a batch's rows share a handful)."""
    spec = PageSpec()
    selectors: list[tuple[str, str]] = []
    root_rules: list[_RootRule] = []
    for rule in tinycss2.parse_stylesheet(css[:_MAX_CSS_CHARS], True, True):
        if rule.type == "qualified-rule":
            selectors.extend(_string_sets(rule))
            spec.keep.update(_kept_classes(rule))
            selector = tinycss2.serialize(rule.prelude).strip()
            if selector == ":root":
                spec.accent = _accent(rule) or spec.accent
            elif selector == "html" or selector.startswith("html."):
                root_rules.append((selector, _font_size(rule), _line_height(rule)))
            elif selector in _HEADINGS and (size := _font_size(rule)):
                spec.sizes[_HEADINGS[selector]] = size
        if rule.type != "at-rule" or rule.lower_at_keyword != "page":
            continue
        pseudo = tinycss2.serialize(rule.prelude).strip().lower()
        if pseudo not in ("", ":first"):
            continue
        first = pseudo == ":first"
        for item in _declarations(rule.content):
            if item.type == "at-rule" and item.lower_at_keyword in _BOTTOM_BOXES:
                _footer_box(spec, first, item.lower_at_keyword, item)
            elif item.type == "declaration" and not first:
                if item.lower_name == "size":
                    _page_size(spec, _values(item))
                elif item.lower_name.startswith("margin"):
                    _margins(spec, item.lower_name, _values(item))
    return spec, tuple(selectors), tuple(root_rules)


def page_spec(css: str, html: str) -> PageSpec:
    """Read the `@page` rules (later rules override earlier ones, as in the cascade)."""
    cached, selectors, root_rules = _read(css)
    spec = copy.deepcopy(cached)
    found = re.search(r"<html\b[^>]*\bclass=[\"']?([^\"'>]*)", html[:2000], re.I)
    root_classes = set(found.group(1).split()) if found else set()
    for selector, size, line_height in root_rules:
        if selector == "html" or selector.removeprefix("html.") in root_classes:
            if size:
                spec.sizes["Normal"] = size
            spec.line_height = line_height or spec.line_height
    if selectors and html.strip():
        root = lxml.html.document_fromstring(html.encode("utf-8"))
        for selector, name in selectors:
            if name not in spec.strings and (text := _string_text(root, selector)):
                spec.strings[name] = text
    return spec
