"""A styled DOCX template per look, built once per process; each document starts as its copy.

A look is what the styles part depends on: the design, the language, and what the theme's CSS
says about the accent colour, sizes, line height and footer. Building it (python-docx's default
document, the design's fonts and spacing, appkit's named styles and list definitions) was a third
of a resume's DOCX time, and its styles part (350 KB of XML, 9,000 elements, mostly python-docx's
built-in styles) the costliest thing to copy, serialize and compress, and 4 MiB in memory.

So a template keeps its styles part only compressed (`_PackedStyles`), with the ids of the styles
appkit's HTML subset names (`known`): a document copied from it writes those ids and saves the
compressed part as it is. Anything that does read a copy's styles (a user template's `data-style`
naming a style to add) gets them parsed from the compressed bytes on first access, so a copy is
always a whole document.
"""

from __future__ import annotations

import copy
import functools
import zlib
from dataclasses import dataclass
from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.parser import parse_xml
from docx.parts.styles import StylesPart

from appkit.render.docxsave import Packed, pack, save_docx
from appkit.render.docxstyleref import StyleRef

__all__ = ["Look", "Template", "build_look", "template"]

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


class _PackedStyles(StylesPart):
    """A styles part held as its compressed bytes (``_packed``), parsed when first read."""

    _packed: Packed

    @property  # type: ignore[override]
    def _element(self) -> Any:
        element = self.__dict__.get("_parsed")
        if element is None:
            element = self.__dict__["_parsed"] = parse_xml(zlib.decompress(self._packed.data, -15))
        return element

    @_element.setter
    def _element(self, value: Any) -> None:
        self.__dict__["_parsed"] = value

    def unread(self) -> Packed | None:
        """The compressed part while nothing has read it, else None."""
        return None if "_parsed" in self.__dict__ else self._packed


def _ready(part: Any) -> Packed | None:
    return part.unread() if isinstance(part, _PackedStyles) else None


class Template:
    """A styled document never written to, and its parts compressed once."""

    def __init__(self, doc: Any) -> None:
        from appkit.render.docxmap import known_styles
        from appkit.render.docxstyles import _find_style

        self.doc = doc
        styles = doc.part.part_related_by(RT.STYLES)
        paragraphs, characters = known_styles()
        self.known: dict[tuple[str, WD_STYLE_TYPE], StyleRef] = {}
        for names, kind in ((paragraphs, WD_STYLE_TYPE.PARAGRAPH),
                            (characters, WD_STYLE_TYPE.CHARACTER)):  # fmt: skip
            for name in names:  # what get_style would answer, where it would not add a style
                found = _find_style(doc, name)
                if found is not None and found.type == kind:
                    self.known[(name, kind)] = StyleRef.of(found)
        self._known_parts = {
            part.partname.membername: pack(part.blob)
            for part in doc.part.package.parts
            if part is not styles
        }
        self._memo: dict[int, Any] = {}
        if type(styles) is StylesPart:  # else (another python-docx) its copies copy the tree
            packed = pack(styles.blob, keep_blob=False)
            styles.__class__ = _PackedStyles  # the 4 MiB tree goes; the compressed bytes stay
            del styles.__dict__["_element"]
            styles._packed = packed
            self._memo[id(packed)] = packed

    def new_document(self) -> Any:
        """A copy of the template (its styles part still compressed)."""
        return copy.deepcopy(self.doc, dict(self._memo))

    def save(self, doc: Any) -> bytes:
        """``doc`` (a copy of this template) as DOCX bytes."""
        return save_docx(doc, self._known_parts, _ready)


def build_look(look: Look) -> Any:
    """A python-docx document with ``look``: `default_document`, then what `render_docx` applied
    to every document before templates, in the same order."""
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
    return doc


@functools.lru_cache(maxsize=_TEMPLATES)
def template(look: Look) -> Template:
    """The template of ``look``, built once per process (the last few dozen looks)."""
    return Template(build_look(look))
