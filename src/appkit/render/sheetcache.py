"""Theme stylesheets parsed once per process instead of once per document.

WeasyPrint parses every ``<link rel="stylesheet">`` and ``<style>`` again for each document it
lays out: for a resume, the design's ``<style>`` and the theme's file, ~8 ms of a ~190 ms render,
paid again for every density page fitting tries and for every student of a batch. WeasyPrint has
no public way to hand it an author stylesheet already parsed (``render(stylesheets=...)`` adds
user-origin sheets, which would change the cascade), so while an appkit layout runs the name
``CSS`` that ``weasyprint.css.find_stylesheets`` calls is `_stylesheet` (WeasyPrint's own class
again once no layout runs). That stand-in:

- outside `SheetCache.serving` (another thread using WeasyPrint meanwhile) is WeasyPrint's own
  ``CSS``, called with the same arguments;
- inside it, fetches each linked sheet, and every file a kept sheet imported, through the
  document's own fetcher, every time, so the deny-by-default policy and its refusals apply to
  every document; the cache is keyed on a digest of the bytes fetched (or of the ``<style>``
  text), so an edited theme file is parsed again;
- on a miss, lets WeasyPrint parse as usual (what was fetched ahead is handed over, not fetched
  twice) and keeps the result only if a later document sharing it would see what its own parse
  gives: no refused, large or non-CSS fetch (a font is read once per font configuration, not per
  document), no ``@counter-style``, colour profile or cascade layer, no WeasyPrint warning or
  error (and warnings not switched off), and no value WeasyPrint changes while computing styles
  (`appkit.render.sheetshare`: gradients; a ``var()`` value's "error logged" mark is cleared
  before each document instead);
- on a hit, returns a ``CSS`` sharing the parsed selectors and appends the sheet's ``@page``
  rules to the document's list, where parsing would have put them.

tests/render/test_sheetcache.py renders documents with the cache and with WeasyPrint parsing
every sheet itself, and compares the PDF bytes, the refusals and the warnings.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

__all__ = ["SheetCache"]

_serving: ContextVar[SheetCache | None] = ContextVar("appkit_sheet_cache", default=None)
_original: Any = None  # WeasyPrint's CSS class, while `_stand_in` has replaced it
_users = 0  # layouts running with the stand-in in place (threads may overlap)
_lock = threading.Lock()
MAX_KEPT_BYTES = 256 * 1024  # a theme's sheet is a few KB; a huge one is parsed each time

Fetched = tuple[str, str, bytes]  # the URL a response came from, its headers, a digest of its body


@dataclass(frozen=True)
class _Parsed:
    """What parsing one stylesheet produced that a later document needs."""

    base_url: str | None
    matcher: Any  # cssselect2.Matcher: selectors and declarations, never changed by a layout
    page_rules: tuple[Any, ...]
    imports: tuple[tuple[str, Fetched], ...]  # fetched while parsing: checked again on a hit
    pending: tuple[Any, ...]  # var() values: whether each has logged its error, per document


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
        with _stand_in():
            token = _serving.set(self)
            try:
                yield
            finally:
                _serving.reset(token)

    def sheet(self, kwargs: dict[str, Any]) -> Any:
        """The ``CSS`` for a ``<link>`` or ``<style>`` sheet: from the cache, or parsed and kept
        when parsing it had no effect a later document would miss."""
        fetches = _Fetches(kwargs["url_fetcher"])
        if "url" in kwargs:
            own = fetches.own(kwargs["url"])
            if own is None:  # refused or missing: WeasyPrint reports it, as it would have
                return _original(**{**kwargs, "url_fetcher": fetches})
            key: tuple[Any, ...] = ("url", kwargs["url"], *own)
        else:
            text = kwargs["string"].encode()
            fetches.size = len(text)
            key = ("string", _digest(text), kwargs.get("base_url"))
        key = (*key, kwargs.get("media_type"))
        parsed = self._sheets.get(key)
        if parsed is not None and all(fetches.ahead(url) == seen for url, seen in parsed.imports):
            self._sheets.move_to_end(key)
            self.hits += 1
            return _rebuilt(parsed, kwargs)
        self.misses += 1
        return self._parse(key, kwargs, fetches)

    def _parse(self, key: tuple[Any, ...], kwargs: dict[str, Any], fetches: _Fetches) -> Any:
        """WeasyPrint's own parse; the result is kept if later documents may share it."""
        from appkit.render.sheetshare import pending_values, shareable

        page_rules, layers = kwargs["page_rules"], kwargs["layers"]
        counters, profiles = kwargs["counter_style"], kwargs["color_profiles"]
        before = (len(page_rules), len(layers), dict(counters), dict(profiles))
        fetches.recording = True
        with _counting_warnings() as warnings:
            css = _original(**{**kwargs, "url_fetcher": fetches})
        rules = tuple(page_rules[before[0] :])
        kept = (
            fetches.complete
            and warnings.observed
            and not warnings.warned
            and fetches.size <= MAX_KEPT_BYTES  # the sheet and its imports together
            and len(layers) == before[1]
            and _same(counters, before[2])
            and _same(profiles, before[3])
            and shareable(css.matcher, rules)
        )
        if kept:
            pending = pending_values(css.matcher, rules)
            imports = tuple(fetches.imports)
            self._sheets[key] = _Parsed(css.base_url, css.matcher, rules, imports, pending)
            self._sheets.move_to_end(key)
            while len(self._sheets) > self.limit:
                self._sheets.popitem(last=False)
        return css


def _digest(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def _same(after: dict[Any, Any], before: dict[Any, Any]) -> bool:
    return after.keys() == before.keys() and all(after[k] is before[k] for k in before)


def _rebuilt(parsed: _Parsed, kwargs: dict[str, Any]) -> Any:
    """A ``CSS`` as WeasyPrint's constructor would have left it, without parsing."""
    for value in parsed.pending:  # as fresh as a parse leaves them: each error logged once
        if hasattr(value, "_reported_error"):
            value._reported_error = False
    css = _original.__new__(_original)
    css.base_url = parsed.base_url
    css.matcher = parsed.matcher
    css.page_rules = kwargs["page_rules"]  # the document's list, shared by its author sheets
    css.page_rules.extend(parsed.page_rules)
    css.layers = kwargs["layers"]
    return css


class _Fetches:
    """The document's URL fetcher, with answers fetched ahead: each is handed to WeasyPrint once,
    for the first request of its URL (so a refusal is reported as often as WeasyPrint asks), and
    every other request goes to the fetcher. While recording, what the sheet fetched beyond its
    own URL is noted as its imports: stylesheets only (a font is read once per font
    configuration, not per document), all allowed."""

    def __init__(self, fetcher: Any) -> None:
        self.fetcher = fetcher
        self._fail_on_errors = getattr(fetcher, "_fail_on_errors", False)  # read by WeasyPrint
        self._ahead: dict[str, tuple[str, Any, bytes] | Exception] = {}
        self._own: str | None = None
        self.imports: list[tuple[str, Fetched]] = []
        self.recording, self.complete, self.size = False, True, 0

    def own(self, url: str) -> Fetched | None:
        """A linked sheet's own URL, fetched now for WeasyPrint's request of it (None if the
        fetcher raised)."""
        self._own = url
        answer = self._ahead[url] = self._fetch(url)
        if isinstance(answer, Exception):
            return None
        self.size += len(answer[2])
        return _comparable(answer)

    def ahead(self, url: str) -> Fetched | None:
        """Fetch ``url`` now, for WeasyPrint's next request of it; None if the fetcher raised."""
        answer = self._ahead[url] = self._fetch(url)
        return None if isinstance(answer, Exception) else _comparable(answer)

    def _fetch(self, url: str) -> tuple[str, Any, bytes] | Exception:
        try:
            response = self.fetcher(url)
            try:
                return response.url, response.headers, response.read()
            finally:
                response.close()
        except Exception as exc:
            return exc

    def __call__(self, url: str) -> Any:
        answer = self._ahead.pop(url) if url in self._ahead else self._fetch(url)
        if self.recording and url != self._own:
            self._note(url, answer)
        if isinstance(answer, Exception):
            raise answer
        from weasyprint.urls import URLFetcherResponse

        final_url, headers, body = answer
        return URLFetcherResponse(final_url, body, headers=headers)

    def _note(self, url: str, answer: tuple[str, Any, bytes] | Exception) -> None:
        # A refused or large import is parsed again every time; so is a sheet that fetched a
        # font or other file, which WeasyPrint reads once per font configuration, not per document.
        if (
            isinstance(answer, Exception)
            or len(answer[2]) > MAX_KEPT_BYTES
            or answer[1].get_content_type() != "text/css"
        ):
            self.complete = False
        else:
            self.size += len(answer[2])
            self.imports.append((url, _comparable(answer)))


def _comparable(answer: tuple[str, Any, bytes]) -> Fetched:
    final_url, headers, body = answer
    return final_url, str(headers), _digest(body)


class _Counter(logging.Handler):
    def __init__(self, observed: bool) -> None:
        super().__init__(level=logging.WARNING)
        self.warned = False
        self.observed = observed  # False: the logger drops warnings before any handler sees them

    def emit(self, record: logging.LogRecord) -> None:
        self.warned = True


@contextmanager
def _counting_warnings() -> Iterator[_Counter]:
    """Count WeasyPrint's warnings and errors during the block (a sheet that logs is not kept:
    a later document would not log it again)."""
    logger = logging.getLogger("weasyprint")
    counter = _Counter(observed=logger.isEnabledFor(logging.WARNING))
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


@contextmanager
def _stand_in() -> Iterator[None]:
    """`_stylesheet` in place of ``weasyprint.css.CSS`` while any appkit layout runs, WeasyPrint's
    own class again after the last one. Nothing is replaced (and nothing cached) if that name is
    not WeasyPrint's ``CSS`` class, as a future version or another library may have it."""
    global _original, _users
    import weasyprint
    import weasyprint.css

    with _lock:
        if _users == 0 and weasyprint.css.__dict__.get("CSS") is weasyprint.CSS:
            _original = weasyprint.CSS
            weasyprint.css.CSS = _stylesheet  # type: ignore[attr-defined]
        _users += 1
    try:
        yield
    finally:
        with _lock:
            _users -= 1
            if _users == 0 and weasyprint.css.__dict__.get("CSS") is _stylesheet:
                weasyprint.css.CSS = _original  # type: ignore[attr-defined]
