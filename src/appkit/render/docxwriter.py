"""HTML subset → DOCX with python-docx: real Word styles, neutral metadata, deterministic bytes."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from appkit.errors import RenderError, TemplateError
from appkit.render.docxsave import save_and_rewrite, save_docx
from appkit.render.htmlsubset import ParsedDoc, parse_html
from appkit.render.limits import PARAGRAPHS_PER_PAGE

if TYPE_CHECKING:
    from appkit.render.design import Design
    from appkit.render.docxpage import PageSpec
    from appkit.render.docxtemplate import Template

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

    from appkit.render.docxbody import write_blocks
    from appkit.render.docxfooter import apply_page
    from appkit.render.docxpage import page_spec
    from appkit.render.docxstyleref import StyleCache

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
        doc, styled = _reference_document(Path(reference), design, parsed, spec), None
        styles = StyleCache(doc)
    else:
        styled = _template(design, parsed, spec)
        doc = styled.new_document()
        styles = StyleCache(doc, styled.known)
    if spec is not None:
        footer = styles.get("Footer").style_id if styled is not None and spec.footer else None
        apply_page(doc, spec, own_look=reference is None, footer_id=footer)
    section = doc.sections[-1]
    tab_pos = int(section.page_width - section.left_margin - section.right_margin)
    try:
        write_blocks(doc, parsed.blocks, tab_pos, styles)
        _scrub_package(doc, parsed, _created(parsed, created))
        data = styled.save(doc) if styled is not None else _save(doc)
    except (ValueError, KeyError, TypeError, etree.Error) as exc:
        where = f"{template}: " if template else ""
        raise RenderError(f"{where}DOCX rendering failed: {type(exc).__name__}: {exc}") from exc
    return data


def _reference_document(
    reference: Path, design: Design | None, parsed: ParsedDoc, spec: PageSpec | None
) -> Any:
    """A reference document emptied for the body, its own styles kept (appkit's added)."""
    from appkit.render.docxlook import add_styles
    from appkit.render.docxstyles import page_setup, set_language

    doc = _open_reference(reference)
    if design is not None:  # the design's page, whatever the reference's
        page_setup(doc, design)
    set_language(doc, parsed.lang)
    add_styles(doc, own_look=False, accent=spec.accent if spec else None)
    return doc


def _template(design: Design | None, parsed: ParsedDoc, spec: PageSpec | None) -> Template:
    """The styled template of this document's look (built once per look and process)."""
    from appkit.render.docxtemplate import Look, template

    look = Look(design.model_dump_json() if design is not None else "", parsed.lang)
    if spec is not None:
        footer = (spec.footer_size, spec.footer_color) if spec.footer else None
        look = Look(
            look.design,
            look.lang,
            spec.accent,
            tuple(spec.sizes.items()),
            spec.line_height,
            footer,
        )
    return template(look)
