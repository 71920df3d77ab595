"""The PDF's page as the DOCX should have it: size, margins and running footer, read from the CSS.

WeasyPrint lays the page out from the theme's `@page` rules; reading the same rules makes the DOCX
mirror each design and each document kind without a second copy of its values: "Name | Page n of
N" at the bottom right of the resume from page 2 on, no footer on the letter. Stylesheets are read
with the PDF fetcher's containment rules (regular files inside the theme's template folder, or at
the same relative path in the fallback folders), so an untrusted theme reaches no other file; and
without loading WeasyPrint, which a DOCX-only run never imports.
"""

from __future__ import annotations

import copy
import functools
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.request import url2pathname

import lxml.html

from appkit.render.docxcss import (
    Decl,
    Rule,
    content_parts,
    hex_color,
    length,
    parse_css,
    resolve,
)
from appkit.render.fetcher import ResourceRefusedError
from appkit.render.fetcher import _check_local as check_local

__all__ = ["PageSpec", "page_spec", "read_stylesheets"]

_IMPORT = re.compile(r"""@import\s+(?:url\(\s*)?["']?([^"')\s;]+)["']?\s*\)?[^;]*;""", re.I)
_MAX_IMPORT_DEPTH = 5
_MAX_CSS_CHARS = 2_000_000
_SIZES_PT = {"letter": (612.0, 792.0), "a4": (595.28, 841.89), "legal": (612.0, 1008.0),
             "a5": (419.53, 595.28)}  # fmt: skip
_HEADINGS = {"h1": "Title", "h2": "Heading 1", "h3": "Heading 2", "h4": "Heading 3"}
_KEEP_PROPERTIES = ("break-inside", "page-break-inside")
_CLASS = re.compile(r"\.([\w-]+)")
_SIMPLE = re.compile(r"([a-zA-Z][a-zA-Z0-9]*)?(?:\.([\w-]+))?")
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


def _theme_file(url: str, root: Path, fallbacks: Sequence[Path]) -> Path:
    """The file a ``file:`` URL names inside ``root``, else at the same place in a fallback."""
    try:
        return check_local(url, root)
    except FileNotFoundError:
        relative = Path(os.path.realpath(url2pathname(urlsplit(url).path))).relative_to(root)
        for folder in fallbacks:
            if (folder / relative).exists():
                return check_local((folder / relative).as_uri(), folder)
        raise


def read_stylesheets(
    html: str,
    base_dir: Path,
    fallback_dirs: Sequence[Path] = (),
    asset_root: Path | None = None,
) -> str:
    """The text of every stylesheet the HTML links or embeds, its @imports expanded in place."""
    base = base_dir.resolve().as_uri() + "/"
    root = Path(os.path.realpath(asset_root or base_dir))
    fallbacks = [Path(os.path.realpath(d)) for d in fallback_dirs]

    def fetch(url: str, depth: int) -> str:
        if depth > _MAX_IMPORT_DEPTH or not url.lower().startswith("file:"):
            return ""
        try:
            with _theme_file(url, root, fallbacks).open("rb") as file:
                text = file.read(_MAX_CSS_CHARS).decode("utf-8", errors="replace")
        except (ResourceRefusedError, OSError, ValueError):
            return ""
        return _IMPORT.sub(lambda m: fetch(urljoin(url, m.group(1)), depth + 1), text)

    document = lxml.html.document_fromstring(html.encode("utf-8"))
    parts: list[str] = []
    for el in document.iter("link", "style"):
        if el.tag == "style":
            parts.append(_IMPORT.sub(lambda m: fetch(urljoin(base, m.group(1)), 1), el.text or ""))
        elif "stylesheet" in (el.get("rel") or "").lower().split() and el.get("href"):
            parts.append(fetch(urljoin(base, el.get("href") or ""), 0))
    return "\n".join(parts)


def _page_size(spec: PageSpec, value: str) -> None:
    names = [w.lower() for w in value.split()]
    lengths = [n for n in map(length, names) if n is not None]
    size = next((_SIZES_PT[n] for n in names if n in _SIZES_PT), None)
    if lengths:
        size = (lengths[0], lengths[1] if len(lengths) > 1 else lengths[0])
    if size is None:
        return
    width, height = size
    if "landscape" in names:
        width, height = max(size), min(size)
    elif "portrait" in names:
        width, height = min(size), max(size)
    spec.width, spec.height = width, height


def _margins(spec: PageSpec, name: str, value: str) -> None:
    lengths = [length(v) for v in value.split()]
    found = [n for n in lengths if n is not None]
    if len(found) != len(lengths) or not found:
        return
    sides = ("top", "right", "bottom", "left")
    if name == "margin" and len(found) <= 4:
        order = {1: (0, 0, 0, 0), 2: (0, 1, 0, 1), 3: (0, 1, 2, 1), 4: (0, 1, 2, 3)}[len(found)]
        spec.margins.update({side: found[i] for side, i in zip(sides, order, strict=True)})
    elif name.removeprefix("margin-") in sides and len(found) == 1:
        spec.margins[name.removeprefix("margin-")] = found[0]


def _footer_box(spec: PageSpec, first: bool, box: Rule) -> None:
    for decl in box.decls():
        if decl.name == "content" and (parts := content_parts(decl.value)) is not None:
            if first:
                spec.footer_on_first = bool(parts)
            else:
                spec.footer, spec.footer_align = parts, _BOTTOM_BOXES[box.at]
        elif first:
            continue
        elif decl.name == "font-size" and (size := length(decl.value)):
            spec.footer_size = size
        elif decl.name == "color":
            spec.footer_color = hex_color(decl.value) or spec.footer_color


def _value(rule: Rule, name: str, props: dict[str, str] | None = None) -> str | None:
    """The last value a rule gives property ``name`` (as the cascade would), its `var()` and
    simple `calc()` worked out from the `:root` custom properties ``props``."""
    found = [d.value for d in rule.decls() if d.name == name]
    return resolve(found[-1], props or {}) if found else None


def _line_height(rule: Rule, props: dict[str, str]) -> float | None:
    """A rule's unitless `line-height` (1.27), or None."""
    try:
        return float(_value(rule, "line-height", props) or "")
    except ValueError:
        return None


def _font_size(rule: Rule, props: dict[str, str]) -> float | None:
    value = _value(rule, "font-size", props)
    return length(value) if value else None


def _kept_classes(rule: Rule) -> set[str]:
    """Classes a rule keeps whole (`break-inside: avoid`), when its selector is a plain `.name`."""
    if not any(d.name in _KEEP_PROPERTIES and d.value.lower() == "avoid" for d in rule.decls()):
        return set()
    selectors = rule.prelude.split(",")
    return {m.group(1) for sel in selectors if (m := _CLASS.fullmatch(sel.strip()))}


def _string_sets(rule: Rule) -> list[tuple[str, str]]:
    """(selector, name) for a `string-set: name content()` in a style rule."""
    value = _value(rule, "string-set")
    if not value or not value.split():
        return []
    name = value.split()[0].lower()
    return [(selector.strip(), name) for selector in rule.prelude.split(",")]


def _string_text(root: lxml.html.HtmlElement, selector: str) -> str | None:
    """Text of the first element a simple selector (`h1`, `.name`, `h1.name`) matches."""
    match = _SIMPLE.fullmatch(selector)
    if not match or not any(match.groups()):
        return None
    tag, cls = match.groups()
    for el in root.iter(tag.lower()) if tag else root.iter():
        if not isinstance(el.tag, str) or (cls and cls not in (el.get("class") or "").split()):
            continue
        return " ".join(el.text_content().split())
    return None


def _page_rule(spec: PageSpec, rule: Rule) -> None:
    pseudo = rule.prelude.strip().lower()
    if pseudo not in ("", ":first"):
        return
    first = pseudo == ":first"
    for item in rule.body:
        if isinstance(item, Rule) and item.at in _BOTTOM_BOXES:
            _footer_box(spec, first, item)
        elif isinstance(item, Decl) and not first:
            if item.name == "size":
                _page_size(spec, item.value)
            elif item.name.startswith("margin"):
                _margins(spec, item.name, item.value)


# html-level rules: (selector, font-size, line-height), applied when the <html> element matches.
_RootRule = tuple[str, float | None, float | None]


@functools.lru_cache(maxsize=32)
def _read(css: str) -> tuple[PageSpec, tuple[tuple[str, str], ...], tuple[_RootRule, ...]]:
    """The stylesheet's page facts, parsed once per distinct stylesheet (a packet's documents
    and a batch's rows share a handful)."""
    spec = PageSpec()
    selectors: list[tuple[str, str]] = []
    root_rules: list[_RootRule] = []
    rules = parse_css(css[:_MAX_CSS_CHARS])
    # The designs keep their values in `:root` custom properties (theme.yaml, render/design.py).
    props = {
        d.name: d.value
        for rule in rules
        if isinstance(rule, Rule) and not rule.at and rule.prelude.strip() == ":root"
        for d in rule.decls()
        if d.name.startswith("--")
    }
    for rule in rules:
        if not isinstance(rule, Rule):
            continue
        if rule.at == "page":
            _page_rule(spec, rule)
        if rule.at:
            continue
        selectors.extend(_string_sets(rule))
        spec.keep.update(_kept_classes(rule))
        selector = rule.prelude.strip()
        if selector == ":root":
            spec.accent = hex_color(_value(rule, "--accent", props) or "") or spec.accent
        elif selector == "html" or selector.startswith("html."):
            root_rules.append((selector, _font_size(rule, props), _line_height(rule, props)))
        elif selector in _HEADINGS and (size := _font_size(rule, props)):
            spec.sizes[_HEADINGS[selector]] = size
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
