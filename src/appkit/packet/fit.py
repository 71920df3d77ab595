"""Page fitting: a resume or letter that barely spills onto another page is laid out tighter.

Each trial density is only laid out (`layout_pdf`); the PDF is written once, for the layout
kept. A density is tried only when the measured fill of the pages says it could save a page:
its content, shrunk by the most that density has been seen to shrink it, must fit on one page
fewer. The decision and its cost are logged on ``appkit.fit`` (`appkit ... --verbose`).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from appkit.engine import Engine
from appkit.options import Options
from appkit.render.html import Context, Rendered, render_html

if TYPE_CHECKING:  # the PDF writer is imported when a PDF is made: DOCX-only runs skip it
    from appkit.render.pdfservice import RemoteLayout
    from appkit.render.pdfwriter import PdfLayout

    Layout = PdfLayout | RemoteLayout

__all__ = [
    "FIT_KINDS",
    "FIT_STEPS",
    "SHRINK",
    "Fit",
    "denser",
    "fit_layout",
    "fit_pdf",
    "fitted_pdf",
    "layout_of",
    "write_kept",
]

log = logging.getLogger("appkit.fit")

FIT_KINDS = ("resume", "cover")  # documents worth tightening to save a page
FIT_STEPS = 2
# Content height at density d over the height at density 0, at its smallest. Measured on the
# five sample resumes (classic theme): density 1 keeps 0.927-0.946 of the height, density 2
# 0.851-0.885; these bounds sit below every measurement, so a density that could save a page
# is never skipped on the samples' evidence. A layout that cannot be measured tries them all.
SHRINK = {1: 0.91, 2: 0.84}


@dataclass
class Fit:
    """What page fitting did: what a test counts and `--verbose` shows."""

    kind: str
    pages: int = 0  # at density 0
    fills: tuple[float, ...] | None = None
    density: int = 0  # the one kept
    kept_pages: int = 0
    layouts: int = 0  # full layouts (HTML.render), the first included
    writes: int = 0  # PDFs written (write_pdf): always one
    layout_seconds: float = 0.0
    write_seconds: float = 0.0
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        fill = f", last page {self.fills[-1]:.0%} full" if self.fills else ""
        kept = f"density {self.density}, {self.kept_pages} page(s)"
        cost = (
            f"{self.layouts} layout(s) {self.layout_seconds * 1000:.0f} ms,"
            f" {self.writes} PDF write {self.write_seconds * 1000:.0f} ms"
        )
        steps = "".join(f"{note}; " for note in self.notes)
        return f"fit {self.kind}: {self.pages} page(s){fill}; {steps}kept {kept} ({cost})"


def could_save_a_page(fills: tuple[float, ...] | None, density: int) -> bool:
    """Whether density ``density`` may fit the content on one page fewer (True if unknown)."""
    if fills is None:
        return True
    return sum(fills) * SHRINK[density] <= len(fills) - 1


def fitted_pdf(
    kind: str, context: Context, rendered: Rendered, options: Options, engine: Engine | None = None
) -> tuple[Rendered, bytes]:
    """The PDF, laid out up to FIT_STEPS densities tighter when that saves a page."""
    chosen, data, _fit = fit_pdf(kind, context, rendered, options, engine)
    return chosen, data


def fit_pdf(
    kind: str, context: Context, rendered: Rendered, options: Options, engine: Engine | None = None
) -> tuple[Rendered, bytes, Fit]:
    """`fitted_pdf`, with the record of what it decided and what that cost."""
    rendered, best, fit = fit_layout(kind, context, rendered, options, engine)
    return rendered, write_kept(best, fit), fit


def fit_layout(
    kind: str, context: Context, rendered: Rendered, options: Options, engine: Engine | None = None
) -> tuple[Rendered, Layout, Fit]:
    """The layout `fit_pdf` keeps, not yet written (a page budget may still trim it)."""
    engine = engine or Engine()
    fit = Fit(kind)
    best = layout_of(rendered, options, engine, fit)
    fit.pages = fit.kept_pages = best.pages
    if kind in FIT_KINDS and best.pages > 1:
        fit.fills = best.fills
        rendered, best = _tighten(kind, context, rendered, best, options, engine, fit)
    return rendered, best, fit


def write_kept(layout: Layout, fit: Fit) -> bytes:
    """Write the kept layout as PDF bytes, and log what fitting decided and cost."""
    start = time.perf_counter()
    data = layout.write()
    fit.write_seconds, fit.writes = time.perf_counter() - start, 1
    log.info(fit.summary(), extra={"fit": fit})
    return data


def denser(kind: str, context: Context, density: int, options: Options, engine: Engine) -> Rendered:
    """The document filled again at ``density`` (0 normal, up to FIT_STEPS tighter)."""
    denser_context = replace(context, doc=context.doc.model_copy(update={"density": density}))
    return render_html(kind, options.theme, denser_context, options.templates, engine.templates)


def _tighten(
    kind: str,
    context: Context,
    rendered: Rendered,
    layout: Layout,
    options: Options,
    engine: Engine,
    fit: Fit,
) -> tuple[Rendered, Layout]:
    """The least tight density that saves a page, or the layout given."""
    for density in range(1, FIT_STEPS + 1):
        if not could_save_a_page(fit.fills, density):
            fit.notes.append(f"density {density} cannot save a page")
            continue
        tighter = denser(kind, context, density, options, engine)
        if tighter.html == rendered.html:  # a theme that ignores doc.density
            fit.notes.append("the theme has no densities")
            break
        trial = layout_of(tighter, options, engine, fit)
        if trial.pages < layout.pages:
            fit.density, fit.kept_pages = density, trial.pages
            return tighter, trial
        fit.notes.append(f"density {density} tried: still {trial.pages} page(s)")
    return rendered, layout


def layout_of(rendered: Rendered, options: Options, engine: Engine, fit: Fit) -> Layout:
    """One layout-only pass (no PDF written), counted and timed in ``fit``: in the engine's PDF
    service when it has one (built-in templates only), else in this process."""
    from appkit.render.isolate import in_child

    start = time.perf_counter()
    service = engine.pdf_service
    layout: Layout | None = None
    if service is not None and not options.templates and not in_child():
        layout = service.layout(rendered.html, rendered.base_dir, **_layout_args(rendered, options))
        if layout is not None:  # should writing fail there, the same layout is made here
            layout.fallback = lambda: _local_layout(rendered, options, engine)
    if layout is None:
        layout = _local_layout(rendered, options, engine)
    fit.layouts += 1
    fit.layout_seconds += time.perf_counter() - start
    return layout


def _layout_args(rendered: Rendered, options: Options) -> dict[str, Any]:
    return {
        "fallback_dirs": rendered.fallback_dirs,
        "asset_root": rendered.asset_root,
        "template": rendered.template,
        "max_pages": options.page_limit,
    }


def _local_layout(rendered: Rendered, options: Options, engine: Engine) -> PdfLayout:
    from appkit.render.pdfwriter import layout_pdf

    return layout_pdf(
        rendered.html,  # layout_pdf keeps hyphenated words whole, as for every PDF
        rendered.base_dir,
        fonts=engine.fonts,
        **_layout_args(rendered, options),
    )
