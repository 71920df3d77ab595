"""Save a python-docx document as deterministic zip bytes: fixed entry dates and attributes."""

from __future__ import annotations

import io
import zipfile
from typing import Any

__all__ = ["save_and_rewrite", "save_docx"]

_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


class _FixedZip:
    """python-docx's zip writer interface, writing entries with fixed dates and attributes."""

    def __init__(self, out: io.BytesIO) -> None:
        self._zip = zipfile.ZipFile(out, "w")

    def write(self, pack_uri: Any, blob: bytes) -> None:
        entry = zipfile.ZipInfo(pack_uri.membername, date_time=_ZIP_DATE)
        entry.compress_type = zipfile.ZIP_DEFLATED
        entry.create_system = 0
        entry.external_attr = 0
        self._zip.writestr(entry, blob, compresslevel=6)

    def close(self) -> None:
        self._zip.close()


def save_docx(doc: Any) -> bytes:
    """The document as normalised zip bytes, compressed once.

    python-docx's `save` stamps the current time on every entry, so its zip had to be rewritten
    (and every part compressed twice); its package writer is driven here with `_FixedZip` instead,
    in the same entry order, which gives the same bytes. Should those helpers move in a later
    python-docx, the save-and-rewrite path is kept.
    """
    from docx.opc.pkgwriter import PackageWriter

    package = doc.part.package
    steps = [
        getattr(PackageWriter, name, None)
        for name in ("_write_content_types_stream", "_write_pkg_rels", "_write_parts")
    ]
    if not all(steps):
        return save_and_rewrite(doc)
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    out = io.BytesIO()
    writer = _FixedZip(out)
    content_types, package_rels, write_parts = steps
    content_types(writer, parts)
    package_rels(writer, package.rels)
    write_parts(writer, parts)
    writer.close()
    return out.getvalue()


def save_and_rewrite(doc: Any) -> bytes:
    """python-docx's own save, rewritten by `_normalise_zip` (the slower, public-API path)."""
    buffer = io.BytesIO()
    doc.save(buffer)
    return _normalise_zip(buffer.getvalue())


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite the zip with fixed timestamps and attributes so equal input gives equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 0
            entry.external_attr = 0
            dst.writestr(entry, src.read(info.filename), compresslevel=6)
    return out.getvalue()
