"""Fill a document template with typed objects and return HTML; pure, no files written."""

from __future__ import annotations

import traceback
from collections.abc import Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SecurityError
from pydantic import BaseModel, ConfigDict

from appkit.documents.letter import CoverLetter
from appkit.documents.prep import PrepSheet
from appkit.documents.tailor import Tailored
from appkit.errors import TemplateError
from appkit.guide.model import Guide, Posting
from appkit.profile.model import Profile
from appkit.render.dataview import to_view
from appkit.render.design import Design, inject_design
from appkit.render.themes import TemplateEnvironments, search_path

FALLBACK_THEME = "classic"  # a design without a template for some kind borrows classic's


class DocInfo(BaseModel):
    """Document-level facts: they become <title>, <meta> and the PDF/DOCX metadata."""

    model_config = ConfigDict(defer_build=True, frozen=True)
    kind: str
    title: str
    author: str
    keywords: str = ""
    description: str = ""
    lang: str = "en-US"
    date: str
    density: int = 0  # 0 normal; 1-2 tighter, chosen by appkit when a page barely overflows


@dataclass(frozen=True)
class Context:
    """Everything a template can see. Extra document data (letter, prep) are typed models too."""

    doc: DocInfo
    profile: Profile
    tailored: Tailored
    guide: Guide | None = None
    posting: Posting | None = None
    letter: CoverLetter | None = None
    prep: PrepSheet | None = None
    design: Design | None = None  # the design's values; None: the built-in classic's


@dataclass(frozen=True)
class Rendered:
    """A filled template, and where its assets may come from when it becomes a PDF."""

    html: str
    template: str
    base_dir: Path  # the folder of the template that won: PDF assets resolve against it
    asset_root: Path | None = None  # the template folder the winner came from: assets stay inside
    fallback_dirs: tuple[Path, ...] = ()  # the other template folders, for assets it lacks

    def pdf(self, **options: Any) -> tuple[bytes, int]:
        """This document as PDF bytes and page count, with its asset folders wired in."""
        from appkit.render.pdfwriter import render_pdf_pages

        options.setdefault("template", self.template)
        return render_pdf_pages(
            self.html,  # layout_pdf keeps hyphenated words whole
            self.base_dir,
            fallback_dirs=self.fallback_dirs,
            asset_root=self.asset_root,
            **options,
        )


def template_variables(context: Context) -> dict[str, Any]:
    """What a template sees: plain read-only data, never live models (they carry parse_raw,
    parse_file and friends), see appkit.render.dataview."""
    memo: dict[int, tuple[Any, Any]] = {}
    names = [f.name for f in fields(context) if f.name != "design"]
    values = {name: to_view(getattr(context, name), memo) for name in names}
    # The values only: where a reference.docx lives is none of a template's business.
    values["design"] = to_view(_design(context).model_copy(update={"reference": None}), memo)
    return values


def _design(context: Context) -> Design:
    from appkit.render.themeloader import load_design

    return context.design or load_design(FALLBACK_THEME)


def _template_line(exc: BaseException) -> tuple[str | None, int | None]:
    """Jinja rewrites tracebacks so template frames carry the template file and line."""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith((".html", ".htm", ".j2", ".xml")):
            return frame.filename, frame.lineno
    return None, None


def _display(filename: str | None, fallback: str, user_dirs: Sequence[Path]) -> str:
    if not filename:
        return fallback
    path = Path(filename)
    for folder in search_path(user_dirs):
        if path.is_relative_to(folder):
            return path.relative_to(folder).as_posix()
    return path.name


def render_html(
    kind: str,
    theme: str,
    context: Context,
    user_dirs: Sequence[Path] = (),
    environments: TemplateEnvironments | None = None,
) -> Rendered:
    """Render templates/<kind>/<theme>.html with `context`; template faults become TemplateError.

    A design without a template for `kind` gets classic's, still with its own values (fonts,
    colours, page: `context.design`), which go first in <head> as CSS (appkit.render.design).

    With user template folders the rendering runs isolated (time and memory limits, see
    appkit.render.isolate): those templates may come from anyone. ``environments`` are the
    engine's compiled templates; without them the templates are compiled for this call.
    """
    from appkit.render.isolate import in_child, report_phase, run_isolated

    if user_dirs and not in_child():
        return run_isolated(
            lambda: _render(kind, theme, context, user_dirs, environments), f"{kind}/{theme}.html"
        )
    report_phase("fill")
    return _render(kind, theme, context, user_dirs, environments)


def _template(
    env: jinja2.Environment, kind: str, theme: str, user_dirs: Sequence[Path]
) -> jinja2.Template:
    """templates/<kind>/<theme>.html, else classic's for a known design that lacks this kind."""
    from appkit.render.themeloader import available_themes

    name = f"{kind}/{theme}.html"
    try:
        return env.get_template(name)
    except jinja2.TemplateNotFound as exc:
        known = theme in available_themes(user_dirs)
        if exc.name != name or theme == FALLBACK_THEME or not known:
            raise
    return env.get_template(f"{kind}/{FALLBACK_THEME}.html")


def _render(
    kind: str,
    theme: str,
    context: Context,
    user_dirs: Sequence[Path],
    environments: TemplateEnvironments | None,
) -> Rendered:
    name = f"{kind}/{theme}.html"
    env = (environments or TemplateEnvironments()).get(user_dirs)
    try:
        template = _template(env, kind, theme, user_dirs)
        html = inject_design(template.render(template_variables(context)), _design(context), kind)
    except jinja2.TemplateNotFound as exc:
        where = ", ".join(str(d) for d in search_path(user_dirs))
        raise TemplateError(
            name, None, f"template {exc.name!r} not found (searched {where})"
        ) from None
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(
            _display(exc.filename, name, user_dirs), exc.lineno, exc.message or "syntax error"
        ) from None
    except SecurityError as exc:
        file, line = _template_line(exc)
        raise TemplateError(
            _display(file, name, user_dirs), line, f"unsafe operation refused: {exc}"
        ) from None
    except jinja2.UndefinedError as exc:
        file, line = _template_line(exc)
        raise TemplateError(
            _display(file, name, user_dirs), line, f"undefined value: {exc.message}"
        ) from None
    except (
        TypeError,
        ValueError,
        ArithmeticError,
        AttributeError,
        LookupError,
        RecursionError,
    ) as exc:
        file, line = _template_line(exc)
        raise TemplateError(
            _display(file, name, user_dirs), line, f"{type(exc).__name__}: {exc}"
        ) from None
    name = template.name or name
    base_dir = Path(template.filename).parent if template.filename else search_path(user_dirs)[-1]
    folders = search_path(user_dirs)
    root = next((f for f in folders if base_dir.is_relative_to(f)), base_dir)
    fallbacks = tuple(f for f in folders if f != root)
    return Rendered(
        html=html, template=name, base_dir=base_dir, asset_root=root, fallback_dirs=fallbacks
    )
