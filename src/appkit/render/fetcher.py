"""The deny-by-default URL fetcher every WeasyPrint call uses: data: URLs and template files only.

Regular files are served only from inside the template folder (realpath containment, so `..`,
`%2e%2e` and symlinks cannot escape), at most 5 MB each, with no redirects; every other scheme
(http, https, ftp, file elsewhere) is refused and reported. A file missing from a user's template
folder is looked up at the same relative path in the next folders of the search path.
"""

from __future__ import annotations

import base64
import binascii
import logging
import mimetypes
import os
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote_to_bytes, urlsplit
from urllib.request import url2pathname

log = logging.getLogger("appkit.pdf")

MAX_RESOURCE_BYTES = 5 * 1024 * 1024


class ResourceRefusedError(ValueError):
    """A URL our fetcher refused by policy (expected: the resource is dropped, not fatal)."""


def _check_local(url: str, root: Path) -> Path:
    """Map a ``file:`` URL to a regular file inside ``root`` or raise ResourceRefusedError."""
    parts = urlsplit(url)
    if parts.netloc or parts.query or parts.fragment:
        raise ResourceRefusedError(f"file URL with host/query/fragment refused: {url[:80]}")
    path = Path(os.path.realpath(url2pathname(parts.path)))  # resolves .., %2e%2e, symlinks
    if not path.is_relative_to(root):
        raise ResourceRefusedError(f"outside the theme directory: {url[:80]}")
    try:
        info = path.stat()
    except FileNotFoundError:
        # Inside the theme but missing: a real template bug, reported as an error.
        raise FileNotFoundError(f"theme file not found: {path.name}") from None
    if not stat.S_ISREG(info.st_mode):
        raise ResourceRefusedError(f"not a regular file: {url[:80]}")
    if info.st_size > MAX_RESOURCE_BYTES:
        raise ResourceRefusedError(f"file larger than 5 MB: {url[:80]}")
    return path


def _decode_data_url(url: str) -> tuple[bytes, str]:
    """Decode a ``data:[<mime>][;base64],<payload>`` URL without urllib's opener machinery."""
    header, sep, payload = url[5:].partition(",")
    if not sep:
        raise ResourceRefusedError("malformed data: URL")
    params = [p.strip() for p in header.split(";")]
    mime = params[0].lower() or "text/plain"
    raw = unquote_to_bytes(payload)
    if "base64" in (p.lower() for p in params[1:]):
        try:
            raw = base64.b64decode(raw, validate=False)
        except binascii.Error:
            raise ResourceRefusedError("malformed base64 in data: URL") from None
    return raw, mime


def make_fetcher(
    base_dir: Path,
    refused: list[str] | None = None,
    fallback_dirs: Sequence[Path] = (),
    asset_root: Path | None = None,
) -> Any:
    """Build a deny-by-default URLFetcher for ``base_dir`` (the theme directory).

    A file missing from ``base_dir`` is looked up at the same relative path in ``fallback_dirs``
    (the built-in theme behind a user override), with the same containment checks.
    """
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class ThemeOnlyFetcher(URLFetcher):
        """Fetch only ``data:`` URLs and regular files under the theme directory."""

        def __init__(self) -> None:
            super().__init__(timeout=5, allowed_protocols={"data", "file"}, allow_redirects=False)
            # The theme folder, or the whole template folder it sits in (so themes can share
            # files such as ../shared/document.css); never anything outside it.
            self.root = Path(os.path.realpath(asset_root or base_dir))
            self.fallbacks = [Path(os.path.realpath(d)) for d in fallback_dirs]
            self.refused = refused if refused is not None else []

        def _refuse(self, why: str) -> ResourceRefusedError:
            self.refused.append(why)
            log.warning("resource refused: %s", why)
            return ResourceRefusedError(why)

        def fetch(self, url: str, headers: Any = None) -> Any:
            scheme = url.split(":", 1)[0].lower() if ":" in url else ""
            if scheme == "data":
                if len(url) > MAX_RESOURCE_BYTES * 4 // 3 + 200:
                    raise self._refuse("data: URL larger than 5 MB")
                data, mime = _decode_data_url(url)
                return URLFetcherResponse("data:", data, headers={"Content-Type": mime})
            if scheme != "file":
                raise self._refuse(f"scheme {scheme or '(none)'!r} not allowed: {url[:80]}")
            try:
                path = self._local(url)
            except ResourceRefusedError as exc:
                raise self._refuse(str(exc)) from None
            with path.open("rb") as f:
                data = f.read(MAX_RESOURCE_BYTES + 1)
            if len(data) > MAX_RESOURCE_BYTES:
                raise self._refuse(f"file larger than 5 MB: {url[:80]}")
            mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(path.as_uri(), data, headers={"Content-Type": mime})

        def _local(self, url: str) -> Path:
            try:
                return _check_local(url, self.root)
            except FileNotFoundError:
                relative = Path(os.path.realpath(url2pathname(urlsplit(url).path))).relative_to(
                    self.root
                )
                for folder in self.fallbacks:
                    candidate = folder / relative
                    if candidate.exists():
                        return _check_local(candidate.as_uri(), folder)
                raise

    return ThemeOnlyFetcher()
