"""The document body: each Block as a Word paragraph, built directly as WordprocessingML elements.

python-docx's paragraph and run objects insert every child by searching the schema's order of
successors and build each element through several layers of Python; for a resume's 150 runs that
was the largest part of the DOCX time. Here the elements are made with lxml in the order Word's
schema wants them, giving exactly the XML python-docx's `add_paragraph`, `add_run`, `bold`,
`style`, `keep_together`, tab stops and numbering calls gave (tests/render/test_docx_cache.py
compares the two on sample packets and edge cases).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Emu
from lxml.etree import SubElement

from appkit.render.htmlruns import Block, Run

if TYPE_CHECKING:
    from appkit.render.docxstyleref import StyleCache

__all__ = ["write_blocks"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_VAL, _POS = f"{_W}val", f"{_W}pos"
_P, _PPR, _PSTYLE = f"{_W}p", f"{_W}pPr", f"{_W}pStyle"
_KEEP_NEXT, _KEEP_LINES, _NUMPR, _ILVL, _NUMID = (
    f"{_W}keepNext", f"{_W}keepLines", f"{_W}numPr", f"{_W}ilvl", f"{_W}numId",
)  # fmt: skip
_TABS, _TAB, _R, _RPR, _RSTYLE = f"{_W}tabs", f"{_W}tab", f"{_W}r", f"{_W}rPr", f"{_W}rStyle"
_B, _I, _T, _BR, _HYPERLINK = f"{_W}b", f"{_W}i", f"{_W}t", f"{_W}br", f"{_W}hyperlink"
_SPECIAL = frozenset("\t\r\n")  # python-docx writes these as w:tab and w:br, not text


def _add_t(run: Any, text: str) -> None:
    t = SubElement(run, _T)
    t.text = text
    if len(text.strip()) < len(text):  # as python-docx decides it
        t.set(_XML_SPACE, "preserve")


def _add_text(run: Any, text: str) -> None:
    """Text as python-docx's run.text writes it: tabs and line breaks as their own elements."""
    if _SPECIAL.isdisjoint(text):
        if text:
            _add_t(run, text)
        return
    pending: list[str] = []
    for char in text:
        if char in _SPECIAL:
            if pending:
                _add_t(run, "".join(pending))
                pending.clear()
            SubElement(run, _TAB if char == "\t" else _BR)
        else:
            pending.append(char)
    if pending:
        _add_t(run, "".join(pending))


def _restart_numbering(doc: Any, num_id: int | None) -> int | None:
    """A new w:num restarting list ``num_id`` (a list style's) at 1; None if there is none."""
    if num_id is None:
        return None
    try:
        numbering = doc.part.numbering_part.element
        abstract_id = numbering.num_having_numId(num_id).abstractNumId.val
    except (KeyError, NotImplementedError):
        return None
    num = numbering.add_num(abstract_id)
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    return int(num.numId)


class _Writer:
    """Writes the paragraphs of one document."""

    def __init__(self, doc: Any, styles: StyleCache, tab_pos: int) -> None:
        self.doc = doc
        self.part = doc.part
        self.styles = styles
        self.tab = str(Emu(tab_pos).twips)
        self.lists: dict[int, int | None] = {}
        self.char_ids: dict[str, str | None] = {}

    def char_style(self, name: str) -> str | None:
        if name not in self.char_ids:
            self.char_ids[name] = self.styles.get(name, WD_STYLE_TYPE.CHARACTER).style_id
        return self.char_ids[name]

    def run(self, paragraph: Any, run: Run) -> None:
        """One run (text, line break or hyperlink), as `paragraph.add_run` and friends made it."""
        if run.brk:
            SubElement(SubElement(paragraph, _R), _BR)
            return
        style = None
        if run.href:
            style = self.char_style("Hyperlink")
            rid = self.part.relate_to(run.href, RT.HYPERLINK, is_external=True)
            paragraph = SubElement(paragraph, _HYPERLINK, {_R_ID: rid})
        elif run.style:  # a label, tag or separator: its named character style
            style = self.char_style(run.style)
        out = SubElement(paragraph, _R)
        rpr = SubElement(out, _RPR)
        if style is not None:
            SubElement(rpr, _RSTYLE, {_VAL: style})
        if run.bold:
            SubElement(rpr, _B)
        if run.italic:
            SubElement(rpr, _I)
        _add_text(out, run.text)

    def block(self, body: Any, block: Block, keep_next: bool) -> None:
        """One paragraph: style, keeps, numbering, the date's right tab stop, then its runs."""
        style = self.styles.get(block.style)
        paragraph = SubElement(body, _P)
        ppr = SubElement(paragraph, _PPR)
        if style.style_id is not None:
            SubElement(ppr, _PSTYLE, {_VAL: style.style_id})
        if keep_next:
            SubElement(ppr, _KEEP_NEXT)
        if block.keep is not None:  # CSS break-inside: avoid → keep lines and paragraphs
            SubElement(ppr, _KEEP_LINES)
        if block.list_id is not None:
            if block.list_id not in self.lists:
                restart = _restart_numbering(self.doc, style.num_id) if block.list_id else None
                self.lists[block.list_id] = restart
            if (num_id := self.lists[block.list_id]) is not None:
                num_pr = SubElement(ppr, _NUMPR)
                SubElement(num_pr, _ILVL, {_VAL: "0"})
                SubElement(num_pr, _NUMID, {_VAL: str(num_id)})
        if block.date:
            SubElement(SubElement(ppr, _TABS), _TAB, {_POS: self.tab, _VAL: "right"})
        for run in block.runs:
            self.run(paragraph, run)
        if block.date:
            SubElement(SubElement(paragraph, _R), _TAB)
            for run in block.date:
                self.run(paragraph, run)


def write_blocks(doc: Any, blocks: Sequence[Block], tab_pos: int, styles: StyleCache) -> None:
    """Append ``blocks`` to the body, before its section properties.

    Paragraphs of one kept element (`Block.keep`) keep together and with the next one of it.
    ``tab_pos`` (EMU) is where a right-aligned date goes.
    """
    body = doc.element.body
    section = body.find(f"{_W}sectPr")
    writer = _Writer(doc, styles, tab_pos)
    for index, block in enumerate(blocks):
        following = blocks[index + 1].keep if index + 1 < len(blocks) else None
        writer.block(body, block, following is not None and following == block.keep)
    if section is not None:
        body.append(section)  # moves it after the new paragraphs, where Word expects it
