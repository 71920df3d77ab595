"""A styled DOCX template per look, built once per process; each document starts as its copy.

A look is what the styles part depends on: the design, the language, and what the theme's CSS
says about the accent colour, sizes, line height and footer. Building it (python-docx's default
document, the design's fonts and spacing, appkit's named styles and list definitions) was a third
of a resume's DOCX time, and its styles part (350 KB of XML, mostly python-docx's built-in
styles) the costliest thing to copy, serialize and compress. So a document is a deep copy of the
template's package that *shares* the styles element, read-only, and is saved with the template's
compressed parts wherever they come out unchanged. A document that must add a style (a user
template's `data-style`) gets its own copy of the styles first (`Template.own_styles`).
"""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT

from appkit.render.docxsave import Packed, pack, save_docx

__all__ = ["Look", "Template", "template"]

_TEMPLATES = 32  # looks kept per process: 3 designs x 4 kinds x a few densities and languages


@dataclass(frozen=True)
class Look:
    """Everything the styles part of a document with appkit's own look depends on."""

    design: str  # the Design as JSON; "" for the default (classic)
    lang: str = ""
    accent: str | None = None
    sizes: tuple[tuple[str, float], ...] = ()  # Word style -> pt, in the CSS's order
    line_height: float | None = None
    footer: tuple[float | None, str | None] | None = None  # the footer's size and colour


class Template:
    """A styled document never written to, and its parts compressed once."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self._styles_part = doc.part.part_related_by(RT.STYLES)
        self.styles = self._styles_part.element
        name = self._styles_part.partname.membername
        # The styles are compared by element, not bytes: their blob is not kept.
        self._shared = {name: (self.styles, pack(self._styles_part.blob, keep_blob=False))}
        self._known: dict[str, Packed] = {}
        for part in doc.part.package.parts:
            if part is not self._styles_part:
                self._known[part.partname.membername] = pack(part.blob)

    def new_document(self) -> Any:
        """A copy of the template that shares its styles element."""
        return copy.deepcopy(self.doc, {id(self.styles): self.styles})

    def own_styles(self, doc: Any) -> None:
        """Give ``doc`` its own copy of the styles before it changes them."""
        part = doc.part.part_related_by(RT.STYLES)
        if part.element is self.styles:
            part._element = copy.deepcopy(self.styles)

    def save(self, doc: Any) -> bytes:
        """``doc`` (a copy of this template) as DOCX bytes."""
        return save_docx(doc, self._known, self._shared)


@functools.lru_cache(maxsize=_TEMPLATES)
def template(look: Look) -> Template:
    """The template of ``look``: `default_document`, then what `render_docx` used to apply to
    every document, in the same order."""
    from appkit.render.design import Design
    from appkit.render.docxfooter import footer_style
    from appkit.render.docxlook import add_styles
    from appkit.render.docxstyles import default_document, set_language

    design = Design.model_validate_json(look.design) if look.design else None
    doc = default_document(design)
    set_language(doc, look.lang)
    add_styles(
        doc, accent=look.accent, sizes=dict(look.sizes) or None, line_height=look.line_height
    )
    if look.footer is not None:
        footer_style(doc, *look.footer)
    return Template(doc)
