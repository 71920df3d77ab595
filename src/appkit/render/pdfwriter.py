"""HTML → PDF with WeasyPrint, loading only the theme's own files and ``data:`` URLs.

Every ``HTML()``/``CSS()`` call goes through :class:`ThemeOnlyFetcher` (deny by default, no
redirects, realpath containment, 5 MB cap). After layout, links whose scheme is not http(s),
mailto or tel are dropped (WeasyPrint turns relative hrefs into ``file:///…`` URIs that would leak
local paths) and attachments are removed, so a PDF never embeds a local file. WeasyPrint ERROR log
records raise :class:`RenderError`; URLs our fetcher refused are only reported as warnings.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from appkit.errors import AppkitError, RenderError
from appkit.render.fetcher import MAX_RESOURCE_BYTES, ResourceRefusedError, make_fetcher
from appkit.render.isolate import report_phase
from appkit.render.pdffill import page_fills
from appkit.render.pdffonts import PdfFonts
from appkit.render.pdflimits import (
    NO_ALT,
    PageLimitError,
    decorative_images,
    no_alt_message,
    page_limit,
)

if TYPE_CHECKING:
    from weasyprint.document import Document

__all__ = [
    "MAX_RESOURCE_BYTES",
    "PRODUCER",
    "PdfFonts",
    "PdfLayout",
    "ResourceRefusedError",
    "layout_pdf",
    "make_fetcher",
    "render_pdf",
    "render_pdf_pages",
]

log = logging.getLogger("appkit.pdf")

PRODUCER = "appkit"
_LINK_SCHEMES = ("http", "https", "mailto", "tel")


class _ErrorCollector(logging.Handler):
    """Collect WeasyPrint ERROR records during one render."""

    def __init__(self, decorative: frozenset[str] = frozenset()) -> None:
        super().__init__(level=logging.ERROR)
        self.messages: list[str] = []
        self.decorative = decorative  # src of images marked alt="": no alt text is intended

    def emit(self, record: logging.LogRecord) -> None:
        args = record.args if isinstance(record.args, tuple) else ()
        if record.msg == NO_ALT and args:
            if args[0] not in self.decorative:
                self.messages.append(no_alt_message(args[0]))
            return
        try:
            message = (record.msg % tuple(_reason(a) for a in args)) if args else record.msg
        except Exception:  # a malformed record must not hide the render result
            message = str(record.msg)
        if ResourceRefusedError.__name__ not in message:
            self.messages.append(message)


def _reason(arg: object) -> object:
    """An exception whose text is empty (WeasyPrint's ImageLoadingError) shows its cause."""
    if isinstance(arg, BaseException) and not str(arg):
        cause = arg.__cause__ or arg.__context__
        return f"{type(cause).__name__}: {cause}" if cause else type(arg).__name__
    return arg


def _drop_refusals(record: logging.LogRecord) -> bool:
    """Logger filter: our own refusals are reported on ``appkit.pdf``, not as WeasyPrint errors."""
    return ResourceRefusedError.__name__ not in str(record.msg) + repr(record.args)


@contextmanager
def _collect_errors(decorative: frozenset[str] = frozenset()) -> Iterator[_ErrorCollector]:
    """Attach an error collector to the ``weasyprint`` logger for the duration of a render."""
    logger = logging.getLogger("weasyprint")
    handler = _ErrorCollector(decorative)
    logger.addHandler(handler)
    logger.addFilter(_drop_refusals)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.removeFilter(_drop_refusals)


def _link_allowed(link_type: str, target: Any) -> bool:
    """Keep internal anchors and http(s)/mailto/tel links; drop file:, data:, javascript:, …."""
    if link_type == "internal":
        return True
    if link_type != "external" or not isinstance(target, str):
        return False
    return target.split(":", 1)[0].lower() in _LINK_SCHEMES and ":" in target


def _scrub(document: Document, lang: str | None) -> None:
    """Remove attachments and non-web links; apply the language override."""
    document.metadata.attachments = []
    for page in document.pages:
        page.links = [link for link in page.links if _link_allowed(link[0], link[1])]
    if lang:
        document.metadata.lang = lang


def _finish(_document: Any, pdf: Any) -> None:
    """Set a neutral Producer and make sure no embedded-file tree survives."""
    import pydyf

    pdf.info["Producer"] = pydyf.String(PRODUCER)
    names = pdf.catalog.get("Names")
    if names is not None and "EmbeddedFiles" in names:
        del names["EmbeddedFiles"]


def render_pdf(html: str, base_dir: Path, **options: Any) -> bytes:
    """Render ``html`` to PDF bytes; see `layout_pdf` for the options."""
    return render_pdf_pages(html, base_dir, **options)[0]


def render_pdf_pages(html: str, base_dir: Path, **options: Any) -> tuple[bytes, int]:
    """Render ``html`` to PDF bytes and its page count; see `layout_pdf` for the options."""
    layout = layout_pdf(html, base_dir, **options)
    return layout.write(), layout.pages


@dataclass
class PdfLayout:
    """A laid-out document, not yet written: page fitting lays out trial densities and writes
    only the one it keeps (writing is about a third of a render)."""

    document: Document
    lang: str | None
    template: str
    decorative: frozenset[str]

    @property
    def pages(self) -> int:
        return len(self.document.pages)

    @cached_property
    def fills(self) -> tuple[float, ...] | None:
        """How full each page is, 0.0-1.0 (None when the layout cannot be measured)."""
        return page_fills(self.document.pages)

    def write(self) -> bytes:
        """The PDF bytes: links and attachments scrubbed, the Producer neutral."""
        with _weasyprint_errors(self.template, self.decorative):
            _scrub(self.document, self.lang)
            report_phase("pdf")
            # Tagged PDF needs a document language; without one WeasyPrint logs an error.
            tags = bool(self.document.metadata.lang)
            data = self.document.write_pdf(finisher=_finish, pdf_tags=tags)
        return cast(bytes, data)


def warm_up(fonts: PdfFonts) -> None:
    """Import WeasyPrint and lay out a line of text: the font configuration and Pango's font
    caches are ready before the first document (`appkit.render.pdfservice` runs this early)."""
    from weasyprint import HTML

    def refuse(url: str, *args: Any, **kwargs: Any) -> Any:
        raise ValueError(f"nothing is fetched while warming up: {url}")

    HTML(string="<p>Warm <b>up</b> <i>text</i></p>", url_fetcher=refuse).render(
        font_config=fonts.configuration()
    )


def layout_pdf(
    html: str,
    base_dir: Path,
    *,
    lang: str | None = None,
    warnings: list[str] | None = None,
    fallback_dirs: Sequence[Path] = (),
    asset_root: Path | None = None,
    template: str = "",
    max_pages: int | None = None,
    fonts: PdfFonts | None = None,
) -> PdfLayout:
    """Lay ``html`` out as pages (parse, style, layout); relative URLs resolve in ``base_dir``.

    ``warnings`` collects the URLs the fetcher refused; ``template`` names the template in error
    messages. Raises RenderError if WeasyPrint reports an error or fails, and TemplateError when
    the layout needs more than ``max_pages`` pages (layout stops there). ``fonts`` is the
    engine's font configuration; without one a fresh one is built for this document.
    """
    from weasyprint import HTML

    from appkit.render.htmlsubset import clean_text
    from appkit.render.hyphens import keep_hyphenated_words

    html = clean_text(html)  # NFC, and no characters XML 1.0 (or Pango) cannot hold
    # Here, not only in Rendered.pdf: page fitting lays out `Rendered.html` itself. Idempotent.
    html = keep_hyphenated_words(html)
    base_dir = Path(base_dir)
    if not base_dir.is_dir():
        raise RenderError(f"theme directory not found: {base_dir.name}")
    fonts = fonts or PdfFonts()
    refused: list[str] = warnings if warnings is not None else []
    fetcher = make_fetcher(base_dir, refused, fallback_dirs, asset_root)
    decorative = decorative_images(html)
    with (
        _weasyprint_errors(template, decorative),
        page_limit(max_pages, template),
        fonts.sheets.serving(),
    ):
        report_phase("layout")
        css = [fonts.format_stylesheet(fetcher)]
        document = HTML(
            string=html, base_url=base_dir.resolve().as_uri() + "/", url_fetcher=fetcher
        ).render(font_config=fonts.configuration(), stylesheets=css)
        if max_pages is not None and len(document.pages) > max_pages:  # should the hook miss it
            raise PageLimitError(template, max_pages)
    return PdfLayout(document, lang, template, decorative)


@contextmanager
def _weasyprint_errors(template: str, decorative: frozenset[str]) -> Iterator[None]:
    """WeasyPrint's ERROR records and failures during the block, as one RenderError."""
    from weasyprint.urls import FatalURLFetchingError

    prefix = f"{template}: " if template else ""
    try:
        with _collect_errors(decorative) as errors:
            yield
    except FatalURLFetchingError as exc:  # BaseException subclass: never let it escape
        raise RenderError(f"{prefix}PDF rendering stopped: {exc}") from None
    except AppkitError:
        raise
    except MemoryError:
        raise  # the isolated child reports it against the memory limit
    except Exception as exc:  # WeasyPrint fails on some hostile CSS (font-size: 1e8px)
        raise RenderError(
            f"{prefix}PDF layout failed: {type(exc).__name__}: {exc}"
            " (check the template's CSS for extreme values)"
        ) from exc
    if errors.messages:
        first = errors.messages[0]
        more = f" (and {len(errors.messages) - 1} more)" if len(errors.messages) > 1 else ""
        raise RenderError(f"{prefix}PDF rendering failed: {first}{more}")
