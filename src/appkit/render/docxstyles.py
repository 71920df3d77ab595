"""Word styles for appkit's DOCX output: a design's look (theme.yaml) and small style helpers.

`apply_default_look` gives a document the same values the PDF gets as CSS (appkit.render.design):
page size and margins, body and heading fonts, sizes, colours, the rule under section headings,
spacing. The look is built once per design and process (`default_document`), then copied.
"""

from __future__ import annotations

import functools
import io
import warnings
from typing import TYPE_CHECKING, Any

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor
from docx.styles import BabelFish

if TYPE_CHECKING:
    from appkit.render.design import Design

__all__ = [
    "BODY_FONT",
    "WORD_LINE",
    "apply_default_look",
    "default_document",
    "get_style",
    "set_language",
]

BODY_FONT = "Calibri"  # classic's Word font; Carlito is its metric-compatible substitute on Linux
_FONT_ATTRS = ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")
_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme")

# CSS line-height is a multiple of the font size, Word's "multiple" one of the font's own line
# (about 1.22 em for the fonts the designs use): 1.24 in CSS is about 1.02 lines in Word.
WORD_LINE = 1.22  # Carlito's (and Calibri's) line per em: Word's "single" spacing


def _child(parent: Any, tag: str) -> Any:
    """Return the first child ``tag`` of ``parent``, creating it if missing."""
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        parent.append(found)
    return found


def _set_fonts(rpr: Any, name: str) -> None:
    """Set every script's font on an ``w:rPr`` and drop theme-font overrides."""
    fonts = rpr.get_or_add_rFonts()
    for attr in _THEME_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    for attr in _FONT_ATTRS:
        fonts.set(qn(attr), name)


def _doc_defaults_rpr(doc: Any) -> Any:
    """The ``w:docDefaults/w:rPrDefault/w:rPr`` element of the styles part."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    return _child(rpr_default, "w:rPr")


def _find_style(doc: Any, name: str) -> Any:
    """The style called ``name``, or None.

    python-docx looks names up with an XPath string literal in double quotes, which a name such
    as `My "quoted" style` breaks (XPathEvalError); such names are compared one by one instead.
    """
    if '"' not in name:
        try:
            with warnings.catch_warnings():  # python-docx falls back to ids, with a warning
                warnings.simplefilter("ignore", UserWarning)
                style = doc.styles[name]
        except KeyError:
            return None
        if style.name == name or BabelFish.ui2internal(name) == style.name:
            return style
        if style.name.lower() == name.lower():
            return style
    return next((style for style in doc.styles if style.name == name), None)


def _free_style_id(taken: set[str], base: str) -> str:
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}{number}"
    return candidate


def get_style(doc: Any, name: str, kind: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH) -> Any:
    """Return style ``name`` of ``kind``, creating it (based on Normal) if missing."""
    style = _find_style(doc, name)
    if style is not None and style.type == kind:
        return style
    if style is not None:  # same name, other type: use a distinct name
        name = f"{name} ({'Char' if kind == WD_STYLE_TYPE.CHARACTER else 'Para'})"
        if (found := _find_style(doc, name)) is not None:
            return found
    style = doc.styles.add_style(name, kind)
    # Quotes in the id break python-docx's XPath lookups; and "My Style" must not share its id
    # with an existing "MyStyle".
    taken = {other.style_id for other in doc.styles if other.style_id != style.style_id}
    duplicate = sum(other.style_id == style.style_id for other in doc.styles) > 1
    if '"' in style.style_id or duplicate:
        base = "".join(c for c in name if c.isalnum()) or "Style"
        style.style_id = _free_style_id(taken | {style.style_id}, base)
    if kind == WD_STYLE_TYPE.PARAGRAPH:
        style.base_style = doc.styles["Normal"]
        style.quick_style = True
    elif name == "Hyperlink":
        style.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
        style.font.underline = True
    return style


def set_language(doc: Any, lang: str) -> None:
    """Set the proofing language on the document defaults and the Normal style."""
    if not lang:
        return
    for rpr in (_doc_defaults_rpr(doc), doc.styles["Normal"].element.get_or_add_rPr()):
        element = rpr.find(qn("w:lang"))
        if element is None:
            element = OxmlElement("w:lang")
            rpr.insert_element_before(element, "w:eastAsianLayout", "w:specVanish", "w:oMath")
        element.set(qn("w:val"), lang)


_PBDR_SUCCESSORS = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip


def _bottom_border(style: Any, color: str = "9CA3AF") -> None:
    """Give a paragraph style a thin bottom rule."""
    _no_border(style)
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", color)):
        bottom.set(qn(f"w:{key}"), value)
    border.append(bottom)
    style.element.get_or_add_pPr().insert_element_before(border, *_PBDR_SUCCESSORS)


def _no_border(style: Any) -> None:
    """Remove any paragraph border from a style."""
    ppr = style.element.get_or_add_pPr()
    for old in ppr.findall(qn("w:pBdr")):
        ppr.remove(old)


def _rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#").upper())


def page_setup(doc: Any, design: Design) -> None:
    """The design's page size and margins on every section."""
    from appkit.render.design import points

    width, height = design.page_points
    margins = design.page.margins
    for section in doc.sections:
        section.page_width, section.page_height = Pt(width), Pt(height)
        for side in ("left", "right", "top", "bottom"):
            setattr(section, f"{side}_margin", Pt(points(getattr(margins, side))))


def apply_default_look(doc: Any, design: Design | None = None) -> None:
    """The design's page, fonts, sizes, colours and spacing as Word styles (default: classic)."""
    from appkit.render.design import points

    design = design or _classic()
    page_setup(doc, design)
    body, heading = design.fonts.docx_body, design.fonts.docx_heading
    sizes, colours, spacing = design.sizes, design.colours, design.spacing
    _set_fonts(_doc_defaults_rpr(doc), body)
    normal = doc.styles["Normal"]
    _set_fonts(normal.element.get_or_add_rPr(), body)
    normal.font.size = Pt(points(sizes.base))
    normal.font.color.rgb = _rgb(colours.ink)
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after = Pt(0), Pt(points(spacing.after_paragraph))
    fmt.line_spacing = round(spacing.line_height / WORD_LINE, 2)
    entry = points(sizes.entry)
    # name: (size pt, colour, space before pt, space after pt)
    headings = {
        "Title": (points(sizes.name), colours.accent, 0, 2),
        "Heading 1": (points(sizes.section), colours.accent, points(spacing.section_gap) + 2, 3),
        "Heading 2": (entry, colours.ink, points(spacing.entry_gap), 0),
        "Heading 3": (entry * 0.95, colours.muted, 4, 0),
    }
    for name, (size, color, before, after) in headings.items():
        style = get_style(doc, name)
        _set_fonts(style.element.get_or_add_rPr(), heading if name != "Heading 3" else body)
        bold = True
        style.font.size, style.font.bold = Pt(size), bold
        for old in style.element.get_or_add_rPr().findall(qn("w:szCs")):
            old.set(qn("w:val"), str(int(size * 2)))
        style.font.italic = False
        style.font.color.rgb = _rgb(color)
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(after)
        style.paragraph_format.keep_with_next = True
        _no_border(style)
    title_rpr = doc.styles["Title"].element.get_or_add_rPr()
    for tag in ("w:spacing", "w:kern"):
        for old in title_rpr.findall(qn(tag)):
            title_rpr.remove(old)
    doc.styles["Heading 1"].font.all_caps = design.headings.uppercase
    if design.headings.rule:
        _bottom_border(doc.styles["Heading 1"], colours.rule.lstrip("#").upper())
    for name in ("List Bullet", "List Number"):
        style = get_style(doc, name)
        style.paragraph_format.left_indent = Inches(0.25)
        style.paragraph_format.first_line_indent = Inches(-0.18)
        style.paragraph_format.space_after = Pt(1)
    get_style(doc, "Hyperlink", WD_STYLE_TYPE.CHARACTER)


def _classic() -> Design:
    from appkit.render.themeloader import load_design

    return load_design("classic")


@functools.cache
def _default_template(values: str) -> bytes:
    """python-docx's default document with `apply_default_look`, saved once per design (by its
    values, as JSON) and process."""
    import docx

    from appkit.render.design import Design

    doc = docx.Document()
    apply_default_look(doc, Design.model_validate_json(values))
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def default_document(design: Design | None = None) -> Any:
    """A new document with the design's look (default: classic): a copy of the template built
    once per design and process (building the look took a quarter of the DOCX time when done for
    every document)."""
    import docx

    values = (design or _classic()).model_dump_json()
    return docx.Document(io.BytesIO(_default_template(values)))
