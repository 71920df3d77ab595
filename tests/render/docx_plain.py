"""The DOCX writer as it was before its caches: python-docx's public API for every paragraph and
run, the look built afresh for every document, python-docx's own save. test_docx_cache.py checks
that the fast writer gives these same bytes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from appkit.render import docxsave, docxstyles, docxtemplate
from appkit.render.htmlruns import Block, Run

__all__ = ["FreshTemplate", "fresh_document", "write_blocks"]


def fresh_document(design: Any = None) -> Any:
    """python-docx's default document with the design's look applied to it, no caches."""
    doc = docx.Document()
    docxstyles.apply_default_look(doc, design)
    return doc


class FreshTemplate:
    """`docxtemplate.Template`'s interface over a document built for one use: no copy, no shared
    or compressed parts, python-docx's own save."""

    def __init__(self, look: docxtemplate.Look) -> None:
        self.doc = docxtemplate.build_look(look)
        self.known: dict[Any, Any] = {}

    def new_document(self) -> Any:
        return self.doc

    def save(self, doc: Any) -> bytes:
        return docxsave.save_and_rewrite(doc)


def _add_run(paragraph: Any, run: Run, styles: Any) -> None:
    if run.brk:
        paragraph.add_run().add_break()
        return
    out = paragraph.add_run(run.text)
    out.bold = run.bold or None
    out.italic = run.italic or None
    if run.style and not run.href:
        out._r.get_or_add_rPr().style = styles.get(run.style, WD_STYLE_TYPE.CHARACTER).style_id
    if run.href:
        style = styles.get("Hyperlink", WD_STYLE_TYPE.CHARACTER)
        out._r.get_or_add_rPr().style = style.style_id
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), paragraph.part.relate_to(run.href, RT.HYPERLINK, is_external=True))
        link.append(out._r)
        paragraph._p.append(link)


def _restart_numbering(doc: Any, style: Any) -> int | None:
    ppr = style.element.pPr
    num_pr = ppr.numPr if ppr is not None else None
    if num_pr is None or num_pr.numId is None:
        return None
    try:
        numbering = doc.part.numbering_part.element
        abstract_id = numbering.num_having_numId(num_pr.numId.val).abstractNumId.val
    except (KeyError, NotImplementedError):
        return None
    num = numbering.add_num(abstract_id)
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    return int(num.numId)


def _write_block(doc: Any, block: Block, tab_pos: int, lists: dict[int, Any], styles: Any) -> Any:
    style = styles.get(block.style)
    paragraph = doc.add_paragraph()
    paragraph._p.get_or_add_pPr().style = style.style_id
    if block.list_id is not None:
        if block.list_id not in lists:
            restart = _restart_numbering(doc, style) if block.list_id else None
            lists[block.list_id] = restart
        if (num_id := lists[block.list_id]) is not None:
            num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = 0
            num_pr.get_or_add_numId().val = num_id
    for run in block.runs:
        _add_run(paragraph, run, styles)
    if block.date:
        paragraph.paragraph_format.tab_stops.add_tab_stop(tab_pos, WD_TAB_ALIGNMENT.RIGHT)
        paragraph.add_run("\t")
        for run in block.date:
            _add_run(paragraph, run, styles)
    return paragraph


def write_blocks(doc: Any, blocks: Sequence[Block], tab_pos: int, styles: Any) -> None:
    """`docxbody.write_blocks` through python-docx's paragraph and run objects."""
    lists: dict[int, Any] = {}
    kept: tuple[int | None, Any] = (None, None)
    for block in blocks:
        paragraph = _write_block(doc, block, tab_pos, lists, styles)
        if block.keep is not None:
            paragraph.paragraph_format.keep_together = True
            if kept[0] == block.keep:
                kept[1].paragraph_format.keep_with_next = True
        kept = (block.keep, paragraph)
