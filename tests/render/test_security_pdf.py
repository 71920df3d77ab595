"""Hostile HTML against the PDF writer: no local file, attachment or network fetch gets through."""

from __future__ import annotations

import http.server
import io
import re
import threading
import zlib
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest

from appkit.render.pdfwriter import ResourceRefusedError, make_fetcher, render_pdf

CANARY = b"CANARY-7f3a9c-SECRET"
PASSWD = Path("/etc/passwd")
PASSWD_LINE = PASSWD.read_bytes().split(b"\n", 1)[0][:10] if PASSWD.exists() else b"root:x:0:0"


@pytest.fixture
def theme(tmp_path: Path) -> Path:
    """A theme directory with a stylesheet, a secret next to it and an escaping symlink."""
    root = tmp_path / "theme"
    root.mkdir()
    (root / "classic.css").write_text("body { font-family: Lato, sans-serif; }")
    (tmp_path / "secret.txt").write_bytes(CANARY + b"\n" + PASSWD_LINE + b"\n")
    (root / "evil.css").symlink_to(tmp_path / "secret.txt")
    (root / "zero.png").symlink_to("/dev/zero")
    return root


class _Canary(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (stdlib name)
        """Record the request and redirect to a local file (must never be followed)."""
        _Canary.hits.append(self.path)
        self.send_response(302)
        self.send_header("Location", "file:///etc/passwd")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        """Stay quiet."""


@pytest.fixture
def canary_server() -> Iterator[str]:
    """A loopback HTTP server that counts requests."""
    _Canary.hits = []
    server = http.server.HTTPServer(("127.0.0.1", 0), _Canary)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _vectors(theme: Path, url: str) -> list[str]:
    """Resource-loading vectors × targets (security.md §8 B5)."""
    secret = theme.parent / "secret.txt"
    targets = [
        "file:///etc/passwd",
        "FILE:///etc/passwd",
        "file:/etc/passwd",
        "file://localhost/etc/passwd",
        secret.as_uri(),
        "../secret.txt",
        "%2e%2e/secret.txt",
        "evil.css",
        "zero.png",
        "file:///dev/zero",
        f"{url}/x.png",
        "http://169.254.169.254/latest/meta-data/",
        "ftp://127.0.0.1/x",
    ]
    out = []
    for t in targets:
        out += [
            f'<img src="{t}">',
            f'<link rel="attachment" href="{t}">',
            f'<a rel="attachment" href="{t}">x</a>',
            f'<link rel="stylesheet" href="{t}">',
            f"<style>@import url('{t}');</style>",
            f"<div style=\"background: url('{t}')\">bg</div>",
            f"<style>@font-face {{font-family: X; src: url('{t}')}} p {{font-family: X}}</style>",
            f"<ul style=\"list-style-image: url('{t}')\"><li>li</li></ul>",
            f"<p class=c>c</p><style>.c::before {{ content: url('{t}') }}</style>",
            f'<object data="{t}"></object><embed src="{t}">',
            f'<svg width="10" height="10"><image href="{t}" width="10" height="10"/></svg>',
            f'<a href="{t}">link</a>',
        ]
    # A local file *inside* the theme must not be embedded either.
    out += [
        '<link rel="attachment" href="classic.css">',
        '<a rel="attachment" href="classic.css">a</a>',
    ]
    return out


def _png_data_url() -> str:
    """A valid 2×2 PNG as a data: URL."""
    import base64

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (2, 2), "red").save(buffer, "PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def _all_bytes(pdf: bytes) -> bytes:
    """The raw PDF plus every Flate-decompressed stream."""
    chunks = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", pdf, re.S):
        try:
            chunks.append(zlib.decompress(match.group(1)))
        except zlib.error:
            chunks.append(zlib.decompressobj().decompress(match.group(1)))
    return b"\n".join(chunks)


def assert_clean_pdf(pdf: bytes, *, no_file_uri: bool = True) -> None:
    """No embedded files, no FileAttachment annots, only web links, no secret bytes."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    names = root.get("/Names")
    assert names is None or "/EmbeddedFiles" not in names.get_object()
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            assert annot.get("/Subtype") != "/FileAttachment"
            action = annot.get("/A")
            if action is not None and "/URI" in action:
                assert re.match(r"^(https?:|mailto:|tel:)", str(action["/URI"]))
    data = _all_bytes(pdf)
    assert CANARY not in data
    assert PASSWD_LINE not in data
    if no_file_uri:  # (a document whose visible text mentions file: skips this)
        assert b"file:" not in data.lower()


def test_each_vector_is_refused(theme: Path, canary_server: str) -> None:
    for vector in _vectors(theme, canary_server):
        head = '<head><link rel="stylesheet" href="classic.css"></head>'
        html = f"<html>{head}<body><p>ok</p>{vector}</body></html>"
        warnings: list[str] = []
        pdf = render_pdf(html, theme, warnings=warnings)
        assert_clean_pdf(pdf)
    assert _Canary.hits == []


def test_all_vectors_in_one_document(theme: Path, canary_server: str) -> None:
    body = "\n".join(_vectors(theme, canary_server))
    warnings: list[str] = []
    pdf = render_pdf(f"<html><body><p>start</p>{body}</body></html>", theme, warnings=warnings)
    assert_clean_pdf(pdf)
    assert warnings, "refused URLs are reported to the caller"
    assert _Canary.hits == []


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "file://localhost/etc/passwd",
        "file:///dev/zero",
        "http://127.0.0.1:9/x",
        "https://example.com/x.css",
        "ftp://example.com/x",
        "javascript:alert(1)",
    ],
)
def test_fetcher_refuses(theme: Path, url: str) -> None:
    with pytest.raises(ResourceRefusedError):
        make_fetcher(theme).fetch(url)


def test_fetcher_refuses_escapes(theme: Path) -> None:
    fetcher = make_fetcher(theme)
    base = theme.as_uri()
    for url in (f"{base}/../secret.txt", f"{base}/%2e%2e/secret.txt", f"{base}/evil.css"):
        with pytest.raises(ResourceRefusedError):
            fetcher.fetch(url)
    with pytest.raises(ResourceRefusedError):
        fetcher.fetch(f"{base}/zero.png")


def test_fetcher_refuses_big_files(theme: Path) -> None:
    (theme / "big.png").write_bytes(b"\0" * (5 * 1024 * 1024 + 1))
    with pytest.raises(ResourceRefusedError):
        make_fetcher(theme).fetch((theme / "big.png").as_uri())


def test_fetcher_allows_theme_files_and_data(theme: Path) -> None:
    fetcher = make_fetcher(theme)
    response = fetcher.fetch((theme / "classic.css").as_uri())
    assert b"Lato" in response.read()
    assert response.content_type == "text/css"
    response = fetcher.fetch("data:text/plain;base64,aGVsbG8=")
    assert response.read() == b"hello"
    assert fetcher.fetch("data:,a%20b").read() == b"a b"


def test_default_fetcher_is_never_used(theme: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import weasyprint
    from weasyprint.urls import URLFetcher

    calls: list[str] = []

    def explode(self: object, url: str, headers: object = None) -> object:
        calls.append(url)
        raise AssertionError(f"default URLFetcher used for {url}")

    monkeypatch.setattr(URLFetcher, "fetch", explode)
    seen: list[type] = []
    for cls in (weasyprint.HTML, weasyprint.CSS):
        original = cls.__init__

        def wrapped(self: object, *args: object, _orig=original, **kwargs: object) -> None:
            fetcher = kwargs.get("url_fetcher")
            # appkit.render.sheetcache hands WeasyPrint the document's fetcher behind a memo
            seen.append(type(getattr(fetcher, "fetcher", fetcher)))
            _orig(self, *args, **kwargs)

        monkeypatch.setattr(cls, "__init__", wrapped)
    html = (
        '<html><head><link rel="stylesheet" href="classic.css"></head><body>'
        f'<img src="{_png_data_url()}">'
        + "".join(_vectors(theme, "http://127.0.0.1:9"))
        + "</body></html>"
    )
    pdf = render_pdf(html, theme)
    assert_clean_pdf(pdf)
    assert calls == []
    assert seen and all(t.__name__ == "ThemeOnlyFetcher" for t in seen)


def test_escaped_hostile_text_stays_text(theme: Path) -> None:
    from markupsafe import escape

    name = '<link rel=attachment href="file:///etc/passwd">'
    pdf = render_pdf(f"<html><body><h1>{escape(name)}</h1></body></html>", theme)
    assert_clean_pdf(pdf, no_file_uri=False)
    text = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "<link rel=attachment" in text


def test_shared_assets_inside_the_template_folder_only(tmp_path: Path) -> None:
    """A theme may load ../shared/*.css from its own template folder, and nothing above it."""
    from appkit.render.pdfwriter import render_pdf

    root = tmp_path / "templates"
    (root / "shared").mkdir(parents=True)
    (root / "resume").mkdir()
    (root / "shared" / "look.css").write_text("h1 { color: rgb(1, 2, 3); }")
    (tmp_path / "secret.css").write_text("h1 { color: rgb(9, 9, 9); }")
    html = (
        '<html><head><link rel="stylesheet" href="../shared/look.css"></head>'
        "<body><h1>Ann</h1></body></html>"
    )
    warnings: list[str] = []
    render_pdf(html, root / "resume", asset_root=root, warnings=warnings)
    assert warnings == []
    escape = html.replace("../shared/look.css", "../../secret.css")
    render_pdf(escape, root / "resume", asset_root=root, warnings=warnings)
    assert warnings and "outside" in warnings[0]
