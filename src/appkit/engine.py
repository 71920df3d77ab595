"""The state a worker owns: fonts, compiled templates and guide indexes, in one explicit object.

Create one `Engine` per process (or per worker) and pass it to `appkit.packet.build_packet` for
every packet; nothing here is module-level, so a worker process or a test can hold its own.
Forking with an engine is fine: a child rendering user templates in isolation inherits it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from appkit.match.index import IndexCache
from appkit.render.pdffonts import PdfFonts
from appkit.render.themes import TemplateEnvironments

if TYPE_CHECKING:  # only a command that starts the helper imports it (multiprocessing, ~10 ms)
    from appkit.render.pdfservice import PdfService


@dataclass
class Engine:
    """Caches that make the second packet cheaper than the first; safe to share between packets."""

    fonts: PdfFonts = field(default_factory=PdfFonts)
    templates: TemplateEnvironments = field(default_factory=TemplateEnvironments)
    guide_indexes: IndexCache = field(default_factory=IndexCache)
    # A one-off command's helper process, warmed up while the command loads and matches
    # (appkit.render.pdfservice); None lays PDFs out in this process.
    pdf_service: PdfService | None = None
