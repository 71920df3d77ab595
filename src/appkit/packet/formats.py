"""One document in every requested format: PDF (fitted to save a page), DOCX, txt, md, html.

All formats come from the same filled HTML template. With --templates folders the whole render
runs in an isolated child bounded by the time and memory limits: those templates may come from
anyone.
"""

from __future__ import annotations

import json

from appkit.engine import Engine
from appkit.options import Options
from appkit.packet.budget import BUDGET_NOTE, budget_layout
from appkit.packet.fit import FIT_KINDS, FIT_STEPS, fitted_pdf, write_kept
from appkit.render.html import Context, Rendered, render_html
from appkit.render.isolate import Limits, in_child, report_phase, run_isolated
from appkit.render.limits import MIB, PARAGRAPHS_PER_PAGE

__all__ = ["BUDGET_NOTE", "FIT_KINDS", "FIT_STEPS", "fitted_pdf", "render_document"]


def render_document(
    kind: str, context: Context, options: Options, engine: Engine | None = None
) -> dict[str, bytes]:
    """One document in every requested format, as bytes keyed by format ("pdf", "docx"); a
    resume trimmed to ``options.max_pages`` adds its budget note as JSON under BUDGET_NOTE.

    With --templates folders the whole render (Jinja, layout, PDF, DOCX) runs in an isolated
    child bounded by the time and memory limits: those templates may come from anyone.
    """
    engine = engine or Engine()
    if options.templates and not in_child():
        limits = Limits(
            seconds=options.time_limit,
            memory=options.memory_limit * MIB,
            pages=options.page_limit,
        )
        what = f"{kind}/{options.theme}.html"
        return run_isolated(lambda: _render_formats(kind, context, options, engine), what, limits)
    return _render_formats(kind, context, options, engine)


def _render_formats(
    kind: str, context: Context, options: Options, engine: Engine
) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    rendered = render_html(kind, options.theme, context, options.templates, engine.templates)
    if options.max_pages is not None and kind == "resume":
        rendered, out = _budgeted(kind, context, rendered, options, engine)
    elif "pdf" in options.formats:
        rendered, out["pdf"] = fitted_pdf(kind, context, rendered, options, engine)
    if "docx" in options.formats:
        from appkit.render.docxpage import read_stylesheets
        from appkit.render.docxwriter import render_docx

        report_phase("docx")
        out["docx"] = render_docx(
            rendered.html,
            max_paragraphs=options.page_limit * PARAGRAPHS_PER_PAGE,
            template=rendered.template,
            design=context.design,
            reference=context.design.reference if context.design else None,
            css=read_stylesheets(
                rendered.html, rendered.base_dir, rendered.fallback_dirs, rendered.asset_root
            ),
        )
    out.update(_plain_formats(rendered, options))
    return out


def _budgeted(
    kind: str, context: Context, rendered: Rendered, options: Options, engine: Engine
) -> tuple[Rendered, dict[str, bytes]]:
    """The resume under --max-pages: the trimmed HTML every format is made from, the PDF, and
    the budget's note (under BUDGET_NOTE) when bullets were dropped."""
    fitted, layout, fit, budget = budget_layout(kind, context, rendered, options, engine)
    out: dict[str, bytes] = {}
    if "pdf" in options.formats:
        out["pdf"] = write_kept(layout, fit)
    if budget is None:  # within budget: exactly what no budget gives
        return (fitted if "pdf" in options.formats else rendered), out
    out[BUDGET_NOTE] = json.dumps(budget.note(), ensure_ascii=False).encode("utf-8")
    return fitted, out


def _plain_formats(rendered: Rendered, options: Options) -> dict[str, bytes]:
    """txt, md and html from the same HTML as the PDF and DOCX (the fitted one, if any)."""
    out: dict[str, bytes] = {}
    if "txt" in options.formats:
        from appkit.render.textwriter import render_text

        report_phase("txt")
        out["txt"] = render_text(rendered.html)
    if "md" in options.formats:
        from appkit.render.mdwriter import render_markdown

        report_phase("md")
        out["md"] = render_markdown(rendered.html)
    if "html" in options.formats:
        from appkit.render.htmlwriter import render_standalone_html

        report_phase("html")
        out["html"] = render_standalone_html(
            rendered.html,
            rendered.base_dir,
            fallback_dirs=rendered.fallback_dirs,
            asset_root=rendered.asset_root,
        )
    return {fmt: out[fmt] for fmt in options.formats if fmt in out}
