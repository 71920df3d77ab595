"""Page size, margins and the running footer of a DOCX, as the theme's `@page` rules set them.

The footer is Word's own: live PAGE and NUMPAGES fields ("Maria Santos | Page 2 of 3"), in the
"Footer" paragraph style, left off page 1 ("different first page") when the PDF leaves it off.
"""

from __future__ import annotations

from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from appkit.render.docxpage import PageSpec
from appkit.render.docxstyles import get_style
from appkit.render.htmlsubset import clean_text

__all__ = ["apply_page", "footer_style"]

_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}
_FOOTER_GAP = 10.8  # pt between the body's last line and the footer (the PDF's 0.15in padding)
_MIN_FOOTER_DISTANCE = 14.0  # pt from the page edge: printers clip closer than ~0.2in
_PAGE_LIMITS = (72.0, 1584.0)  # pt: Word's page sizes run from 1in to 22in
_MAX_TEXT = 500  # characters of one footer piece: a theme's string cannot flood the footer


def _field(paragraph: Any, instruction: str, shown: str) -> None:
    """Append a complex field (`PAGE`, `NUMPAGES`) with a cached result Word refreshes."""
    for kind, text in (("begin", None), (None, instruction), ("separate", None), (None, shown),
                       ("end", None)):  # fmt: skip
        run = paragraph.add_run()
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == instruction:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {instruction} "
            run._r.append(instr)
        else:
            run.text = text


def _geometry(section: Any, spec: PageSpec) -> None:
    """Page size and margins in the CSS's values (points → twips, rounded)."""
    low, high = _PAGE_LIMITS
    if spec.width and spec.height:
        width, height = (min(max(v, low), high) for v in (spec.width, spec.height))
        section.page_width, section.page_height = Pt(width), Pt(height)
    for side, value in spec.margins.items():  # at most a third of the page: text must fit
        across = section.page_width if side in ("left", "right") else section.page_height
        setattr(section, f"{side}_margin", Pt(round(min(max(value, 0), across.pt / 3), 2)))


def footer_style(doc: Any, size: float | None = None, color: str | None = None) -> Any:
    """The "Footer" style on appkit's own look: no spacing, sized and coloured as the PDF's
    footer (`PageSpec.footer_size`, `footer_color`); added if missing."""
    style = get_style(doc, "Footer", WD_STYLE_TYPE.PARAGRAPH)
    style.paragraph_format.space_before = style.paragraph_format.space_after = Pt(0)
    if size:
        style.font.size = Pt(size)
    if color:
        style.font.color.rgb = RGBColor.from_string(color)
    return style


def _fill_footer(footer: Any, spec: PageSpec, style_id: str | None) -> None:
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    paragraph._p.get_or_add_pPr().style = style_id
    paragraph.alignment = _ALIGN[spec.footer_align]
    for kind, value in spec.footer:
        if kind == "text":
            paragraph.add_run(clean_text(value)[:_MAX_TEXT])
        elif kind == "string":
            paragraph.add_run(clean_text(spec.strings.get(value, ""))[:_MAX_TEXT])
        elif value == "page":
            _field(paragraph, "PAGE", "1")
        elif value == "pages":
            _field(paragraph, "NUMPAGES", "1")


def apply_page(
    doc: Any, spec: PageSpec, *, own_look: bool = True, footer_id: str | None = None
) -> None:
    """Give every section the spec's page and footer (a reference document keeps its styles).

    ``footer_id``: the id of a Footer style already set up (`docxtemplate`), used as it is.
    """
    for section in doc.sections:
        _geometry(section, spec)
        if not spec.footer:
            continue
        bottom = spec.margins.get("bottom", section.bottom_margin.pt)
        line = (spec.footer_size or 8.0) * 1.25
        section.footer_distance = Pt(max(bottom - _FOOTER_GAP - line, _MIN_FOOTER_DISTANCE))
        if footer_id is None:
            style = (
                footer_style(doc, spec.footer_size, spec.footer_color)
                if own_look
                else get_style(doc, "Footer", WD_STYLE_TYPE.PARAGRAPH)
            )
            footer_id = style.style_id
        _fill_footer(section.footer, spec, footer_id)
        if not spec.footer_on_first:
            section.different_first_page_header_footer = True
            first = section.first_page_footer
            first.is_linked_to_previous = False  # an empty footer of its own on page 1
