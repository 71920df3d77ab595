"""Page fitting: the same pages as trying every density, without the layouts that cannot help."""

from __future__ import annotations

import io
import logging
import re
from dataclasses import replace
from pathlib import Path

from click.testing import CliRunner
from pypdf import PdfReader

from appkit.cli import cli
from appkit.engine import Engine
from appkit.packet.fit import FIT_STEPS, could_save_a_page, fit_pdf
from appkit.render.pdfwriter import layout_pdf
from tests.conftest import ROOT

PROFILES = sorted((ROOT / "profiles").glob("*.yaml"))
OPTIONS_DATE = "2026-01-15"


def _context(profile: Path):  # type: ignore[no-untyped-def]
    from appkit.documents.tailor import tailor
    from appkit.documents.target import resolve_target
    from appkit.packet import doc_info, load_inputs
    from appkit.render.html import Context

    inputs = load_inputs(profile, "clinical-coordinator")
    tailored = tailor(inputs.profile, inputs.guide)
    target = resolve_target(tailored, date=OPTIONS_DATE)
    return Context(
        doc=doc_info("resume", inputs, tailored, target),
        profile=inputs.profile,
        tailored=tailored,
        guide=inputs.guide,
    )


def _every_density(context, engine: Engine) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    """What fitting did before: lay out densities 0, 1, 2 in turn until one saves a page.
    Returns (density kept, its pages, layouts spent)."""
    from appkit.render.html import render_html

    pages = None
    for density in range(FIT_STEPS + 1):
        denser = replace(context, doc=context.doc.model_copy(update={"density": density}))
        rendered = render_html("resume", "classic", denser, (), engine.templates)
        layout = layout_pdf(rendered.html, rendered.base_dir, fonts=engine.fonts)
        if pages is None:
            pages = layout.pages
            if pages == 1:
                return 0, 1, 1
        elif layout.pages < pages:
            return density, layout.pages, density + 1
    assert pages is not None
    return 0, pages, FIT_STEPS + 1


def test_samples_fit_as_before_with_fewer_layouts() -> None:
    from appkit.options import Options
    from appkit.render.html import render_html

    engine = Engine()
    options = Options(date=OPTIONS_DATE, formats=("pdf",))
    before = after = 0
    for profile in PROFILES:
        context = _context(profile)
        density, pages, layouts = _every_density(context, engine)
        rendered = render_html("resume", "classic", context, (), engine.templates)
        chosen, data, fit = fit_pdf("resume", context, rendered, options, engine)
        assert (fit.density, fit.kept_pages) == (density, pages), profile.stem
        assert len(PdfReader(io.BytesIO(data)).pages) == pages
        assert f'class="density-{density}"' in chosen.html
        assert fit.writes == 1  # trial layouts are never written
        assert fit.layouts <= layouts, profile.stem
        if density == 0:  # nothing to gain: the one layout that was needed anyway
            assert fit.layouts == 1, (profile.stem, fit.fills)
        before, after = before + layouts, after + fit.layouts
    assert after < before


def test_a_full_last_page_is_never_tightened() -> None:
    assert not could_save_a_page((0.95, 0.73), 2)
    assert not could_save_a_page((0.95, 0.5), 1)
    assert could_save_a_page((0.95, 0.05), 1)
    assert could_save_a_page(None, 1)  # unmeasured: try, as before


def test_fills_are_measured(tmp_path: Path) -> None:
    short = layout_pdf("<html><body><p>One line.</p></body></html>", tmp_path)
    assert short.pages == 1 and short.fills is not None and 0 < short.fills[0] < 0.1
    lines = "".join(f"<p>line {i}</p>" for i in range(120))
    long = layout_pdf(f"<html><body>{lines}</body></html>", tmp_path)
    assert long.fills is not None and long.pages == len(long.fills) >= 2
    assert all(fill > 0.85 for fill in long.fills[:-1]) and long.fills[-1] <= 1.0


def test_verbose_shows_the_decision_and_its_cost(tmp_path: Path) -> None:
    profile = ROOT / "profiles" / "linda-chen.yaml"
    args = ["resume", str(profile), "-g", "clinical-coordinator", "-f", "pdf", "-o", str(tmp_path)]
    quiet = CliRunner().invoke(cli, args)
    assert quiet.exit_code == 0 and "fit resume" not in quiet.stderr
    loud = CliRunner().invoke(cli, [*args, "--verbose"])
    assert loud.exit_code == 0, loud.output
    line = next(line for line in loud.stderr.splitlines() if line.startswith("fit resume"))
    assert re.search(r"2 page\(s\), last page \d+% full", line)
    assert "density 2 cannot save a page" in line  # its last page is about 73% full
    assert "kept density 0, 2 page(s)" in line and "1 layout(s)" in line and "ms" in line
    assert logging.getLogger("appkit.fit").handlers == []  # removed after the command


def test_other_documents_are_laid_out_once() -> None:
    """Only resumes and letters are tightened: two pages of anything else stay as laid out."""
    from appkit.options import Options
    from appkit.render.html import render_html

    context = _context(ROOT / "profiles" / "linda-chen.yaml")
    engine = Engine()
    rendered = render_html("resume", "classic", context, (), engine.templates)
    _chosen, _data, fit = fit_pdf(
        "interview", context, rendered, Options(date=OPTIONS_DATE), engine
    )
    assert fit.pages == 2 and fit.layouts == 1 and fit.writes == 1 and fit.density == 0
