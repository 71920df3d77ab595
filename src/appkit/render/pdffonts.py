"""The PDF writer's per-process state, in a module of its own so that an `appkit.engine.Engine`
can hold it without importing the PDF writer (a DOCX-only command never does)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from appkit.render.sheetcache import SheetCache

if TYPE_CHECKING:
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

__all__ = ["PdfFonts"]

# `::marker` undoes the user-agent `font-variant-numeric: tabular-nums`: WeasyPrint (<= 70 at
# least) leaks a Pango attribute and attribute list for every text layout with a font feature,
# ~0.5 KB per list item, which made a long-running batch worker grow ~55 KB a packet. The bullets
# and numbers of our lists do not need tabular figures.
_FORMAT_CSS = ".docx-only { display: none !important }\n::marker { font-variant-numeric: normal }"


class PdfFonts:
    """WeasyPrint's font configuration (Pango font map, shaping caches) and the stylesheets parsed
    with it. Expensive to build: an `appkit.engine.Engine` owns one and reuses it for every PDF."""

    def __init__(self) -> None:
        self._config: FontConfiguration | None = None
        self._format_css: CSS | None = None
        self.sheets = SheetCache()  # the themes' <link> and <style> sheets, parsed once

    def configuration(self) -> FontConfiguration:
        """The FontConfiguration, built on first use."""
        if self._config is None:
            from weasyprint.text.fonts import FontConfiguration

            self._config = FontConfiguration()
        return self._config

    def format_stylesheet(self, fetcher: Any) -> CSS:
        """The built-in user stylesheet hiding ``class="docx-only"`` content (parsed once)."""
        if self._format_css is None:
            from weasyprint import CSS

            self._format_css = CSS(
                string=_FORMAT_CSS, url_fetcher=fetcher, font_config=self.configuration()
            )
        return self._format_css
