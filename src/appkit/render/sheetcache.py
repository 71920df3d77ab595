"""Theme stylesheets parsed once per process instead of once per document.

WeasyPrint parses every ``<link rel="stylesheet">`` and ``<style>`` again for each document it
lays out: for a resume, the design's ``<style>`` and the theme's file, ~8 ms of a ~190 ms render,
paid again for every density page fitting tries and for every student of a batch. WeasyPrint has
no public way to hand it an author stylesheet already parsed (``render(stylesheets=...)`` adds
user-origin sheets, which would change the cascade), so `install` replaces the name ``CSS`` that
``weasyprint.css.find_stylesheets`` calls with `_stylesheet`. That stand-in:

- outside `SheetCache.serving` (any WeasyPrint use that is not an appkit layout) is WeasyPrint's
  own ``CSS``, called with the same arguments;
- inside it, fetches each linked sheet, and every file a kept sheet imported, through the
  document's own fetcher, every time, so the deny-by-default policy and its refusals apply to
  every document; the cache is keyed on the bytes fetched (or the ``<style>`` text), so an edited
  theme file is parsed again;
- on a miss, lets WeasyPrint parse as usual (the fetched response is replayed, not fetched twice)
  and keeps the result only if parsing had no effect beyond the sheet itself that a later document
  would then miss: no refused or large fetch (``@font-face`` files are large), no ``@layer``,
  ``@counter-style`` or colour profile, no WeasyPrint warning or error;
- on a hit, returns a ``CSS`` sharing the parsed selectors (WeasyPrint reuses one ``CSS`` object
  across documents for user stylesheets, so they are never changed by a layout) and appends the
  sheet's ``@page`` rules to the document's list, where parsing would have put them.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

__all__ = ["SheetCache", "install"]

_serving: ContextVar[SheetCache | None] = ContextVar("appkit_sheet_cache", default=None)
_original: Any = None  # WeasyPrint's CSS class, once `install` has run
MAX_KEPT_BYTES = 256 * 1024  # a theme's sheet is a few KB; a huge one is parsed each time


Fetched = tuple[str, str, bytes]  # the URL a response came from, its headers, its body


@dataclass(frozen=True)
class _Parsed:
    """What parsing one stylesheet produced that a later document needs."""

    base_url: str | None
    matcher: Any  # cssselect2.Matcher, read-only once built
    page_rules: tuple[Any, ...]
    imports: tuple[tuple[str, Fetched], ...]  # fetched while parsing: checked again on a hit


class SheetCache:
    """Parsed stylesheets, keyed by their source and content; at most ``limit`` kept (LRU)."""

    def __init__(self, limit: int = 32) -> None:
        self.limit = limit
        self._sheets: OrderedDict[tuple[Any, ...], _Parsed] = OrderedDict()
        self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self._sheets)

    @contextmanager
    def serving(self) -> Iterator[None]:
        """Serve stylesheets from this cache while the block lays a document out."""
        install()
        token = _serving.set(self)
        try:
            yield
        finally:
            _serving.reset(token)

    def sheet(self, kwargs: dict[str, Any]) -> Any:
        """The ``CSS`` for a ``<link>`` or ``<style>`` sheet: from the cache, or parsed and kept
        when parsing it had no effect a later document would miss."""
        fetched = _Fetches(kwargs["url_fetcher"])
        if "url" in kwargs:
            body = fetched.first(kwargs["url"])
            if body is None:  # refused or missing: WeasyPrint reports it, as it would have
                return _original(**{**kwargs, "url_fetcher": fetched})
            source: tuple[Any, ...] = ("url", kwargs["url"], *body)
        else:
            source = ("string", kwargs["string"], kwargs.get("base_url"))
        key = (*source, kwargs.get("media_type"))
        size = len(source[-1] if "url" in kwargs else source[1])
        parsed = self._sheets.get(key)
        if parsed is not None and fetched.same(parsed.imports):
            self._sheets.move_to_end(key)
            self.hits += 1
            return _rebuilt(parsed, kwargs)
        self.misses += 1
        page_rules, layers = kwargs["page_rules"], kwargs["layers"]
        counters, profiles = kwargs["counter_style"], kwargs["color_profiles"]
        before = (len(page_rules), len(layers), dict(counters), dict(profiles))
        fetched.recording = True
        with _counting_warnings() as warnings:
            css = _original(**{**kwargs, "url_fetcher": fetched})
        kept_alone = (
            fetched.complete
            and not warnings
            and len(layers) == before[1]
            and _same(counters, before[2])
            and _same(profiles, before[3])
            and size <= MAX_KEPT_BYTES
        )
        if kept_alone:
            rules = tuple(page_rules[before[0] :])
            self._sheets[key] = _Parsed(css.base_url, css.matcher, rules, fetched.imports())
            self._sheets.move_to_end(key)
            while len(self._sheets) > self.limit:
                self._sheets.popitem(last=False)
        return css


def _same(after: dict[Any, Any], before: dict[Any, Any]) -> bool:
    return after.keys() == before.keys() and all(after[k] is before[k] for k in before)


def _rebuilt(parsed: _Parsed, kwargs: dict[str, Any]) -> Any:
    """A ``CSS`` as WeasyPrint's constructor would have left it, without parsing."""
    css = _original.__new__(_original)
    css.base_url = parsed.base_url
    css.matcher = parsed.matcher
    css.page_rules = kwargs["page_rules"]  # the document's list, shared by its author sheets
    css.page_rules.extend(parsed.page_rules)
    css.layers = kwargs["layers"]
    return css


class _Fetches:
    """The document's URL fetcher, each URL asked once: WeasyPrint's parse is answered from what
    was fetched already (a refusal is reported once), and what the sheet fetches beyond its own
    URL is recorded as its imports."""

    def __init__(self, fetcher: Any) -> None:
        self.fetcher = fetcher
        self._fail_on_errors = getattr(fetcher, "_fail_on_errors", False)  # read by WeasyPrint
        self._answers: dict[str, tuple[str, Any, bytes] | Exception] = {}
        self._own: str | None = None
        self._imports: list[tuple[str, Fetched]] = []
        self.recording, self.complete = False, True

    def first(self, url: str) -> Fetched | None:
        """The sheet's own URL, fetched now (None if the fetcher raised)."""
        self._own = url
        answer = self._fetch(url)
        return None if isinstance(answer, Exception) else _comparable(answer)

    def same(self, imports: tuple[tuple[str, Fetched], ...]) -> bool:
        """Whether every file a cached sheet imported is still allowed and unchanged."""
        for url, fetched in imports:
            answer = self._fetch(url)
            if isinstance(answer, Exception) or _comparable(answer) != fetched:
                return False
        return True

    def imports(self) -> tuple[tuple[str, Fetched], ...]:
        return tuple(self._imports)

    def _fetch(self, url: str) -> tuple[str, Any, bytes] | Exception:
        if url not in self._answers:
            try:
                response = self.fetcher(url)
                try:
                    self._answers[url] = (response.url, response.headers, response.read())
                finally:
                    response.close()
            except Exception as exc:
                self._answers[url] = exc
        return self._answers[url]

    def __call__(self, url: str) -> Any:
        answer = self._fetch(url)
        if self.recording and url != self._own:
            if isinstance(answer, Exception) or len(answer[2]) > MAX_KEPT_BYTES:
                self.complete = False  # a refused or large import: parsed again every time
            elif all(url != known for known, _ in self._imports):
                self._imports.append((url, _comparable(answer)))
        if isinstance(answer, Exception):
            raise answer
        from weasyprint.urls import URLFetcherResponse

        final_url, headers, body = answer
        return URLFetcherResponse(final_url, body, headers=headers)


def _comparable(answer: tuple[str, Any, bytes]) -> Fetched:
    final_url, headers, body = answer
    return final_url, str(headers), body


class _Counter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1

    def __bool__(self) -> bool:
        return self.count > 0


@contextmanager
def _counting_warnings() -> Iterator[_Counter]:
    """Count WeasyPrint's warnings and errors during the block (a sheet that logs is not kept:
    a later document would not log it again)."""
    logger, counter = logging.getLogger("weasyprint"), _Counter()
    logger.addHandler(counter)
    try:
        yield counter
    finally:
        logger.removeHandler(counter)


def _stylesheet(*args: Any, **kwargs: Any) -> Any:
    """Stands in for ``CSS`` in ``weasyprint.css``: cached only for a ``<link>`` or ``<style>``
    sheet, called as WeasyPrint 70 calls it."""
    cache = _serving.get()
    sources = ("url", "string", "guess", "filename", "file_obj")
    source = [name for name in sources if kwargs.get(name)]
    plain = not args and source in (["url"], ["string"]) and kwargs.get("url_fetcher")
    if cache is None or not plain or kwargs.get("matcher") is not None or kwargs.get("layer"):
        return _original(*args, **kwargs)
    for needed in ("page_rules", "layers", "counter_style", "color_profiles"):
        if kwargs.get(needed) is None:  # a WeasyPrint that calls CSS differently: no caching
            return _original(*args, **kwargs)
    return cache.sheet(kwargs)


def install() -> bool:
    """Put `_stylesheet` in place of ``weasyprint.css.CSS``; False (nothing cached, nothing
    changed) if that name is not WeasyPrint's ``CSS`` class, as a future version may have it."""
    global _original
    import weasyprint
    import weasyprint.css

    if weasyprint.css.__dict__.get("CSS") is _stylesheet:
        return True
    if weasyprint.css.__dict__.get("CSS") is not weasyprint.CSS:
        return False
    _original = weasyprint.CSS
    weasyprint.css.CSS = _stylesheet  # type: ignore[attr-defined]
    return True
