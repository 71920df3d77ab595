"""Checks around a WeasyPrint render: a page limit that stops layout early, and image alt text.

WeasyPrint lays out every page before it returns, so `@page { size: 12px }` spent 56 s on 3,002
pages before anyone could count them. Its progress logger announces each page it starts; a handler
on it raises once the limit is passed, which stops the layout there.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from appkit.errors import TemplateError

_PROGRESS = "weasyprint.progress"
_NEW_PAGE = "Step 5 - Creating layout - Page %d"


class PageLimitError(TemplateError):
    """The document needs more pages than the page limit allows."""

    def __init__(self, template: str, max_pages: int) -> None:
        super().__init__(
            template or "document", None, f"produced more than {max_pages} pages (--page-limit)"
        )


class _PageCounter(logging.Handler):
    def __init__(self, max_pages: int, template: str) -> None:
        super().__init__(level=logging.INFO)
        self.max_pages = max_pages
        self.template = template

    def emit(self, record: logging.LogRecord) -> None:
        args = record.args if isinstance(record.args, tuple) else ()
        page = args[0] if record.msg == _NEW_PAGE and args else 0
        if isinstance(page, int) and page > self.max_pages:
            raise PageLimitError(self.template, self.max_pages)


@contextmanager
def page_limit(max_pages: int | None, template: str = "") -> Iterator[None]:
    """Stop WeasyPrint's layout with PageLimitError when it starts page `max_pages + 1`."""
    if max_pages is None:
        yield
        return
    logger = logging.getLogger(_PROGRESS)
    level, propagate = logger.level, logger.propagate
    handler = _PageCounter(max_pages, template)
    logger.setLevel(logging.INFO)
    logger.propagate = False  # progress records must not reach the application's handlers
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate


NO_ALT = 'Image "%s" has no required alt description'  # WeasyPrint's log line, tagged PDFs


def no_alt_message(src: object) -> str:
    """The message for an image without alt text (WeasyPrint's says neither why nor how)."""
    text = str(src)
    shown = text if len(text) <= 80 else text[:77] + "..."
    return (
        f'image "{shown}" has no alt text: describe it in alt="..."'
        ' (or use alt="" if it is decorative)'
    )


def decorative_images(html: str) -> frozenset[str]:
    """The `src` of images marked decorative with an empty alt (`alt=""`).

    A tagged PDF needs a text alternative for every image, and WeasyPrint reports an empty one
    as missing; those reports are dropped for these images.
    """
    if "<img" not in html.lower():
        return frozenset()
    import lxml.html

    return frozenset(
        image.get("src", "")
        for image in lxml.html.document_fromstring(html).iter("img")
        if image.get("alt") is not None and not image.get("alt", "").strip()
    )
