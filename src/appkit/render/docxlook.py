"""Named Word styles for what the templates mark up: letter parts, labels, tags, list indents.

Every value here is a style, never direct formatting, so a Word user restyles the whole document
by editing one style. The spacing mirrors the classic CSS (cover/classic.css: 14pt after the date
and address, 9pt after the salutation and each paragraph, 26pt above the signature). With a
reference document, styles it already defines are left exactly as it has them.
"""

from __future__ import annotations

from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.styles import BabelFish

from appkit.render.docxstyles import WORD_LINE, get_style

__all__ = ["DEFAULT_ACCENT", "add_styles"]

DEFAULT_ACCENT = "1B4F5C"  # the classic design's dark teal (its CSS --accent)
_MUTED = "4F5A5E"  # the classic CSS's --muted: notes
_LINE = 1.15  # the letter's CSS line-height 1.42 over the font's own line gap

# name: (space before, space after, line spacing or None, bold, accent colour)
_PARAGRAPHS: dict[str, tuple[float, float, float | None, bool, bool]] = {
    "Letter Date": (8, 14, _LINE, False, False),  # under the masthead's rule: see _masthead_rule
    "Inside Address": (0, 14, _LINE, False, False),
    "Salutation": (0, 9, _LINE, False, False),
    "Body Text": (0, 9, _LINE, False, False),
    "Closing": (14, 0, _LINE, False, False),
    "Signature": (26, 0, _LINE, True, True),
    # The masthead and the resume's one-line items: the CSS's margins, not Normal's 3pt after.
    "Headline": (3, 0, None, False, False),
    "Contact": (4, 0, None, False, False),
    "Entry Detail": (0.5, 0, None, False, False),
    "Line Item": (2, 0, None, False, False),
    "Hanging Line": (2, 0, None, False, False),
    "Question Block": (4, 0, None, False, False),
    "Note": (0, 4, None, False, False),  # italic, muted: set below
    "List Continue": (0, 0, None, False, False),  # a list item's second paragraph: indented below
}
# name: (base, bold, size pt, all caps, colour; "accent" is the theme's)
_CHARACTERS: dict[str, tuple[str | None, bool | None, float | None, bool, str | None]] = {
    "Status": (None, True, 8.5, True, None),
    "Status Missing": ("Status", None, None, False, "9A3B2E"),
    "Status Partial": ("Status", None, None, False, "8A6A12"),
    "Status Covered": ("Status", None, None, False, "2E6B3A"),
    "Tag": (None, False, 9, False, "accent"),
    "Separator": (None, None, None, False, "8A969A"),
    "Prompt": (None, True, None, False, "accent"),
}
_HANGING_LINE = 12.0  # pt: a wrapped skill line hangs under its group name
_LIST_STYLES = (("List Bullet", "bullet", "•"), ("List Number", "decimal", "%1."))
_FIRST_ABSTRACT_ID = 90  # ids of appkit's own list definitions, clear of python-docx's 0-8


_RULE = "9DB5BA"  # the classic CSS's --rule
_RULE_GAP = 20  # pt: cover/classic.css, the masthead's margin-bottom below its rule
_STEP_INDENT = 10.0  # pt: report/classic.css `.step { padding-left }`, inside the list item


def _masthead_rule(style: Any) -> None:
    """A thin rule above the letter's date, as the PDF draws under the masthead."""
    ppr = style.element.get_or_add_pPr()
    for old in ppr.findall(qn("w:pBdr")):
        ppr.remove(old)
    border, top = OxmlElement("w:pBdr"), OxmlElement("w:top")
    for key, value in (("val", "single"), ("sz", "6"), ("space", str(_RULE_GAP)), ("color", _RULE)):
        top.set(qn(f"w:{key}"), value)
    border.append(top)
    ppr.insert(0, border)  # before w:spacing; this style never has keepNext or numPr before it


class _Styles:
    """appkit's styles of one document, found or added without python-docx's per-call scans of
    every style (adding twenty styles that way tripled the DOCX time)."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        # Word stores some built-in names in lower case ("heading 1"): key by the UI name.
        self.by_name = {
            BabelFish.internal2ui(el.name_val): el for el in doc.styles.element.style_lst
        }
        self.ids = {el.styleId for el in self.by_name.values()}

    def exists(self, name: str) -> bool:
        return name in self.by_name

    def get(self, name: str, kind: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH) -> Any:
        """Style ``name`` of ``kind``; a new one (on Normal, for paragraphs) when missing."""
        from docx.styles.style import StyleFactory

        element = self.by_name.get(name)
        if element is not None:
            if element.type != kind:  # same name, other type: get_style finds a distinct name
                return get_style(self.doc, name, kind)
            return StyleFactory(element)
        internal = BabelFish.ui2internal(name)
        element = self.doc.styles.element.add_style_of_type(internal, kind, False)
        base, number = "".join(c for c in name if c.isalnum()) or "Style", 1
        element.styleId = base
        while element.styleId in self.ids:
            number += 1
            element.styleId = f"{base}{number}"
        self.ids.add(element.styleId)
        self.by_name[name] = element
        style = StyleFactory(element)
        if kind == WD_STYLE_TYPE.PARAGRAPH:
            style.base_style = self.get("Normal")
            style.quick_style = True
        return style


def _paragraph_styles(styles: _Styles, own_look: bool, accent: str) -> None:
    for name, (before, after, line, bold, coloured) in _PARAGRAPHS.items():
        if not own_look and styles.exists(name):
            continue
        style = styles.get(name)
        fmt = style.paragraph_format
        fmt.space_before, fmt.space_after = Pt(before), Pt(after)
        if line:
            fmt.line_spacing = line
        style.font.bold = bold or None
        if coloured:
            style.font.color.rgb = RGBColor.from_string(accent)
        if name == "Note":
            style.font.italic = True
            style.font.color.rgb = RGBColor.from_string(_MUTED)
        if name == "Letter Date":
            _masthead_rule(style)
        if name == "List Continue":
            left, _hanging = _indent_twips(styles.get("List Number"))
            fmt.left_indent = Pt(left / 20 + _STEP_INDENT)
            fmt.first_line_indent = Pt(0)
        if name == "Hanging Line":
            fmt.left_indent, fmt.first_line_indent = Pt(_HANGING_LINE), Pt(-_HANGING_LINE)


def _character_styles(styles: _Styles, own_look: bool, accent: str) -> None:
    for name, (base, bold, size, caps, color) in _CHARACTERS.items():
        if not own_look and styles.exists(name):
            continue
        style = styles.get(name, WD_STYLE_TYPE.CHARACTER)
        if base:
            style.base_style = styles.get(base, WD_STYLE_TYPE.CHARACTER)
        style.font.bold = bold
        if size:
            style.font.size = Pt(size)
        style.font.all_caps = caps or None
        if color:
            style.font.color.rgb = RGBColor.from_string(accent if color == "accent" else color)


def _level(fmt: str, text: str, left: int, hanging: int, accent: str) -> Any:
    """One `w:lvl` (level 0): the marker, a tab at the text's indent, the hanging indent."""
    lvl = OxmlElement("w:lvl")
    lvl.set(qn("w:ilvl"), "0")
    for tag, value in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text),
                       ("w:lvlJc", "left")):  # fmt: skip
        child = OxmlElement(tag)
        child.set(qn("w:val"), value)
        lvl.append(child)
    ppr = OxmlElement("w:pPr")
    tabs, tab, ind = OxmlElement("w:tabs"), OxmlElement("w:tab"), OxmlElement("w:ind")
    tab.set(qn("w:val"), "num")
    tab.set(qn("w:pos"), str(left))
    tabs.append(tab)
    ind.set(qn("w:left"), str(left))
    ind.set(qn("w:hanging"), str(hanging))
    ppr.extend([tabs, ind])
    lvl.append(ppr)
    if fmt == "bullet":
        rpr, color = OxmlElement("w:rPr"), OxmlElement("w:color")
        color.set(qn("w:val"), accent)
        rpr.append(color)
        lvl.append(rpr)
    return lvl


def _indent_twips(style: Any) -> tuple[int, int]:
    """The list style's left indent and hanging indent in twips (defaults 14pt / 11pt)."""
    fmt = style.paragraph_format
    left = fmt.left_indent.twips if fmt.left_indent is not None else 280
    first = fmt.first_line_indent.twips if fmt.first_line_indent is not None else -220
    return left, max(-first, 0) or 220


def _lists(doc: Any, styles: _Styles, accent: str) -> None:
    """Bullet and number lists whose marker hangs in the indent the list style sets.

    python-docx's template ties its list styles to definitions indented 0.25in with a Symbol-font
    bullet and a tab that disagree with the style's own indent; Word then shows the marker and
    the wrapped lines at different places. appkit's definitions copy the style's indents.
    """
    numbering = doc.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    for offset, (name, fmt, text) in enumerate(_LIST_STYLES):
        style = styles.get(name)
        left, hanging = _indent_twips(style)
        abstract = OxmlElement("w:abstractNum")
        abstract_id = _FIRST_ABSTRACT_ID + offset
        abstract.set(qn("w:abstractNumId"), str(abstract_id))
        kind = OxmlElement("w:multiLevelType")
        kind.set(qn("w:val"), "singleLevel")
        abstract.append(kind)
        abstract.append(_level(fmt, text, left, hanging, accent))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
        num = numbering.add_num(abstract_id)
        num_pr = style.element.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_numId().val = int(num.numId)
        # The CSS spaces list items apart (li margin-top); python-docx's template suppressed that
        # spacing between items of the same style ("contextual spacing").
        for old in style.element.pPr.findall(qn("w:contextualSpacing")):
            style.element.pPr.remove(old)


def add_styles(
    doc: Any,
    *,
    own_look: bool = True,
    accent: str | None = None,
    sizes: dict[str, float] | None = None,
    line_height: float | None = None,
) -> None:
    """Add appkit's letter, label, tag and list styles (a reference document's own win).

    ``sizes`` (style name -> pt, from the CSS's `html` and `h1`-`h4` rules) set the body and
    heading sizes, so the text fills the same lines as in the PDF; ``line_height`` (the CSS's
    unitless `line-height`) sets Normal's line spacing as a multiple of the font's own.
    """
    accent = (accent or DEFAULT_ACCENT).upper()
    styles = _Styles(doc)
    if own_look and line_height and 1 <= line_height <= 3:
        spacing = round(max(line_height / WORD_LINE, 1.0), 2)
        styles.get("Normal").paragraph_format.line_spacing = spacing
    for name, size in (sizes or {}).items() if own_look else ():
        if 6 <= size <= 48:
            style = styles.get(name)
            style.font.size = Pt(round(size * 2) / 2)
            for old in style.element.get_or_add_rPr().findall(qn("w:szCs")):
                old.set(qn("w:val"), str(round(size * 2)))
    _paragraph_styles(styles, own_look, accent)
    _character_styles(styles, own_look, accent)
    if own_look:
        _lists(doc, styles, accent)
