"""HTML subset → DOCX with python-docx: real Word styles, neutral metadata, deterministic bytes."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from appkit.errors import RenderError, TemplateError
from appkit.render.docxsave import save_and_rewrite, save_docx
from appkit.render.htmlsubset import Block, ParsedDoc, Run, parse_html
from appkit.render.limits import PARAGRAPHS_PER_PAGE

if TYPE_CHECKING:
    from appkit.render.design import Design
    from appkit.render.docxstyles import StyleCache

__all__ = ["render_docx"]
_save, _save_and_rewrite = save_docx, save_and_rewrite  # tests swap one for the other

_CORE_PROPERTY_CHARS = 255  # Word (and python-docx) refuse longer core properties
_APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    b' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    b"<Template>Normal.dotm</Template><TotalTime>0</TotalTime><Application>appkit</Application>"
    b"<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><Company></Company>"
    b"<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    b"<HyperlinksChanged>false</HyperlinksChanged></Properties>"
)


def _parse_date(text: str) -> datetime | None:
    """``2026-01-15`` or a full ISO timestamp → naive UTC datetime, or None."""
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.replace(microsecond=0)


def _created(parsed: ParsedDoc, created: datetime | None) -> datetime:
    """Creation time: argument, then <meta name=date>, then SOURCE_DATE_EPOCH, then now."""
    if created is not None:
        if created.tzinfo is not None:
            created = created.astimezone(UTC).replace(tzinfo=None)
        return created.replace(microsecond=0)
    if found := _parse_date(parsed.date):
        return found
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).replace(tzinfo=None)
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def _open_reference(reference: Path) -> Any:
    """Load a reference .docx for its styles; refuse macros and external links; empty its body."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml.ns import qn

    try:
        doc = docx.Document(str(reference))
    except Exception as exc:  # python-docx raises several unrelated types for bad files
        raise RenderError(f"reference document {reference.name} cannot be opened: {exc}") from exc
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    for r_id, rel in list(doc.part.rels.items()):  # body is gone: drop its links and comments
        if rel.is_external or rel.reltype in (RT.COMMENTS, RT.HYPERLINK):
            doc.part.rels.pop(r_id)
    for part in doc.part.package.iter_parts():
        if "vbaproject" in str(part.partname).lower():
            raise RenderError(f"reference document {reference.name} contains macros")
        for rel in part.rels.values():
            if rel.is_external:
                raise RenderError(
                    f"reference document {reference.name} links to an external resource "
                    f"({rel.reltype.rsplit('/', 1)[-1]}): remove it in Word"
                )
    return doc


def _add_run(paragraph: Any, run: Run, styles: StyleCache) -> None:
    """Append one run (text, line break or hyperlink) to a python-docx paragraph."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    if run.brk:
        paragraph.add_run().add_break()
        return
    from docx.enum.style import WD_STYLE_TYPE

    out = paragraph.add_run(run.text)
    out.bold = run.bold or None
    out.italic = run.italic or None
    if run.style and not run.href:  # a label, tag or separator: its named character style
        out._r.get_or_add_rPr().style = styles.get(run.style, WD_STYLE_TYPE.CHARACTER).style_id
    if run.href:
        style = styles.get("Hyperlink", WD_STYLE_TYPE.CHARACTER)
        out._r.get_or_add_rPr().style = style.style_id
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), paragraph.part.relate_to(run.href, RT.HYPERLINK, is_external=True))
        link.append(out._r)  # moves the run inside the hyperlink
        paragraph._p.append(link)


def _restart_numbering(doc: Any, style: Any) -> int | None:
    """A new w:num restarting the list numbering of ``style`` at 1; None if it has none."""
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


def _write_block(
    doc: Any, block: Block, tab_pos: int, lists: dict[int, int | None], styles: StyleCache
) -> Any:
    """Add one paragraph: style, runs, and a right-tabbed date; return it."""
    from docx.enum.text import WD_TAB_ALIGNMENT

    style = styles.get(block.style)
    paragraph = doc.add_paragraph()
    # Set the style id directly: `paragraph.style = ...` makes python-docx scan every style in the
    # document for the default one on each call, which was two thirds of the DOCX time.
    paragraph._p.get_or_add_pPr().style = style.style_id
    if block.list_id is not None:
        if block.list_id not in lists:
            lists[block.list_id] = _restart_numbering(doc, style) if block.list_id else None
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


def _scrub_package(doc: Any, parsed: ParsedDoc, created: datetime) -> None:
    """Core properties from the HTML; no python-docx defaults, thumbnail or app.xml leftovers."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml.ns import qn

    props = doc.core_properties
    cap = _CORE_PROPERTY_CHARS
    props.title, props.author = parsed.title[:cap], parsed.author[:cap]
    props.keywords, props.subject = parsed.keywords[:cap], parsed.description[:cap]
    props.comments, props.category = "", ""
    props.last_modified_by, props.content_status, props.identifier = "", "", ""
    props.language, props.version = parsed.lang[:cap], ""
    props.revision = 1
    props.created = props.modified = created
    printed = props._element.find(qn("cp:lastPrinted"))
    if printed is not None:
        props._element.remove(printed)
    package = doc.part.package
    for r_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(r_id)
        elif rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = _APP_XML
        elif rel.reltype == RT.CUSTOM_PROPERTIES:
            package.rels.pop(r_id)


def render_docx(
    html: str,
    *,
    reference: Path | None = None,
    created: datetime | None = None,
    max_paragraphs: int | None = None,
    template: str = "",
    design: Design | None = None,
    css: str = "",
) -> bytes:
    """Render appkit's HTML subset to DOCX bytes, styled by ``reference`` if given.

    ``created`` (else ``<meta name="date">``, else SOURCE_DATE_EPOCH, else now) fixes the
    core-property dates, which makes the output byte-for-byte reproducible. More than
    ``max_paragraphs`` paragraphs is a TemplateError; ``template`` names the template in errors.
    ``design`` gives the page, fonts, sizes and colours (appkit.render.design; default: classic).
    ``css`` (the theme's stylesheets, `docxpage.read_stylesheets`) gives the page size, margins
    and running footer of the PDF.
    """
    from lxml import etree

    from appkit.render.docxfooter import apply_page
    from appkit.render.docxlook import add_styles
    from appkit.render.docxpage import page_spec
    from appkit.render.docxstyles import StyleCache, default_document, set_language

    spec = page_spec(css, html) if css else None
    parsed = parse_html(html, frozenset(spec.keep) if spec else frozenset())
    if max_paragraphs is not None and len(parsed.blocks) > max_paragraphs:
        pages = max_paragraphs // PARAGRAPHS_PER_PAGE
        raise TemplateError(
            template or "document",
            None,
            f"produced more than {max_paragraphs} paragraphs for the DOCX"
            f" (about {pages} pages, --page-limit)",
        )
    if reference is not None:
        doc = _open_reference(Path(reference))
        if design is not None:  # the design's page, whatever the reference's
            from appkit.render.docxstyles import page_setup

            page_setup(doc, design)
    else:
        doc = default_document(design) if design is not None else default_document()
    set_language(doc, parsed.lang)
    add_styles(
        doc,
        own_look=reference is None,
        accent=spec.accent if spec else None,
        sizes=spec.sizes if spec else None,
        line_height=spec.line_height if spec else None,
    )
    if spec is not None:
        apply_page(doc, spec, own_look=reference is None)
    section = doc.sections[-1]
    tab_pos = int(section.page_width - section.left_margin - section.right_margin)
    lists: dict[int, int | None] = {}
    styles = StyleCache(doc)
    try:
        kept: tuple[int | None, Any] = (None, None)
        for block in parsed.blocks:
            paragraph = _write_block(doc, block, tab_pos, lists, styles)
            if block.keep is not None:  # CSS break-inside: avoid → keep lines and paragraphs
                paragraph.paragraph_format.keep_together = True
                if kept[0] == block.keep:
                    kept[1].paragraph_format.keep_with_next = True
            kept = (block.keep, paragraph)
        _scrub_package(doc, parsed, _created(parsed, created))
        data = _save(doc)
    except (ValueError, KeyError, TypeError, etree.Error) as exc:
        where = f"{template}: " if template else ""
        raise RenderError(f"{where}DOCX rendering failed: {type(exc).__name__}: {exc}") from exc
    return data
