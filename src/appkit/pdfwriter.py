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
from pathlib import Path
from typing import TYPE_CHECKING, Any

from appkit.errors import RenderError
from appkit.fetcher import MAX_RESOURCE_BYTES, ResourceRefusedError, make_fetcher

if TYPE_CHECKING:
    from weasyprint import CSS
    from weasyprint.document import Document
    from weasyprint.text.fonts import FontConfiguration

__all__ = ["MAX_RESOURCE_BYTES", "PRODUCER", "ResourceRefusedError", "make_fetcher", "render_pdf"]

log = logging.getLogger("appkit.pdf")

PRODUCER = "appkit"
_LINK_SCHEMES = ("http", "https", "mailto", "tel")

_font_config: FontConfiguration | None = None
_css_cache: dict[tuple[str, int, int, str], CSS] = {}  # parsed once per process
_FORMAT_CSS = ".docx-only { display: none !important }"


def _font_configuration() -> FontConfiguration:
    """Return the process-wide FontConfiguration (Pango font map and shaping caches)."""
    global _font_config
    if _font_config is None:
        from weasyprint.text.fonts import FontConfiguration

        _font_config = FontConfiguration()
    return _font_config


class _ErrorCollector(logging.Handler):
    """Collect WeasyPrint ERROR records during one render."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
        except Exception:  # a malformed record must not hide the render result
            message = str(record.msg)
        if ResourceRefusedError.__name__ not in message:
            self.messages.append(message)


def _drop_refusals(record: logging.LogRecord) -> bool:
    """Logger filter: our own refusals are reported on ``appkit.pdf``, not as WeasyPrint errors."""
    return ResourceRefusedError.__name__ not in str(record.msg) + repr(record.args)


@contextmanager
def _collect_errors() -> Iterator[_ErrorCollector]:
    """Attach an error collector to the ``weasyprint`` logger for the duration of a render."""
    logger = logging.getLogger("weasyprint")
    handler = _ErrorCollector()
    logger.addHandler(handler)
    logger.addFilter(_drop_refusals)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.removeFilter(_drop_refusals)


def _format_stylesheet(fetcher: Any) -> CSS:
    """The built-in user stylesheet hiding ``class="docx-only"`` content (parsed once)."""
    from weasyprint import CSS

    key = ("<format>", 0, 0, "")
    if key not in _css_cache:
        _css_cache[key] = CSS(
            string=_FORMAT_CSS, url_fetcher=fetcher, font_config=_font_configuration()
        )
    return _css_cache[key]


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
    """Render ``html`` to PDF bytes; see `render_pdf_pages` for the options."""
    return render_pdf_pages(html, base_dir, **options)[0]


def render_pdf_pages(
    html: str,
    base_dir: Path,
    *,
    lang: str | None = None,
    warnings: list[str] | None = None,
    fallback_dirs: Sequence[Path] = (),
    asset_root: Path | None = None,
) -> tuple[bytes, int]:
    """Render ``html`` to PDF bytes and its page count; relative URLs resolve in ``base_dir``.

    ``stylesheets`` are extra theme CSS files (parsed once and cached); ``warnings`` collects the
    URLs the fetcher refused. Raises RenderError if WeasyPrint reports an error.
    """
    from weasyprint import HTML
    from weasyprint.urls import FatalURLFetchingError

    from appkit.htmlsubset import clean_text

    html = clean_text(html)  # NFC, and no characters XML 1.0 (or Pango) cannot hold
    base_dir = Path(base_dir)
    if not base_dir.is_dir():
        raise RenderError(f"theme directory not found: {base_dir.name}")
    refused: list[str] = warnings if warnings is not None else []
    fetcher = make_fetcher(base_dir, refused, fallback_dirs, asset_root)
    try:
        with _collect_errors() as errors:
            css = [_format_stylesheet(fetcher)]
            document = HTML(
                string=html, base_url=base_dir.resolve().as_uri() + "/", url_fetcher=fetcher
            ).render(font_config=_font_configuration(), stylesheets=css)
            _scrub(document, lang)
            # Tagged PDF needs a document language; without one WeasyPrint logs an error.
            tags = bool(document.metadata.lang)
            data = document.write_pdf(finisher=_finish, pdf_tags=tags)
            pages = len(document.pages)
    except FatalURLFetchingError as exc:  # BaseException subclass: never let it escape
        raise RenderError(f"PDF rendering stopped: {exc}") from None
    except RenderError:
        raise
    except (ValueError, TypeError, OSError, RecursionError, MemoryError) as exc:
        raise RenderError(f"PDF rendering failed: {type(exc).__name__}: {exc}") from exc
    if errors.messages:
        first = errors.messages[0]
        more = f" (and {len(errors.messages) - 1} more)" if len(errors.messages) > 1 else ""
        raise RenderError(f"PDF rendering failed: {first}{more}")
    return data, pages
