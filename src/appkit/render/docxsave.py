"""Save a python-docx document as deterministic zip bytes: fixed entry dates and attributes.

The zip is written here (`_Zip`) rather than with `zipfile`, with the same bytes `zipfile` writes
for these entries, so that a part already compressed for the design's template (`Packed`: the
350 KB styles part, the theme, the settings) is copied in instead of compressed again: compressing
those parts was a fifth of a resume's DOCX time.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["Packed", "pack", "save_and_rewrite", "save_docx"]

_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_DOS_TIME, _DOS_DATE = 0, (0 << 9) | (1 << 5) | 1  # _ZIP_DATE as zip stores it
_VERSION = 20  # zipfile's DEFAULT_VERSION: deflate, no zip64
_ATTRIBUTES = 0o600 << 16  # what zipfile stores for an entry given no attributes
_MAX_ENTRY = 1 << 30  # far above any document; zip64 entries are never needed


@dataclass(frozen=True)
class Packed:
    """One zip entry's content: its bytes (b"" when only known by identity), CRC and deflate
    stream, as `zipfile` makes them at level 6."""

    blob: bytes
    crc: int
    data: bytes
    size: int


def pack(blob: bytes, keep_blob: bool = True) -> Packed:
    """Compress ``blob`` as `zipfile` does (raw deflate, level 6)."""
    if len(blob) > _MAX_ENTRY:
        raise ValueError(f"a DOCX part of {len(blob)} bytes is too large")
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    data = compressor.compress(blob) + compressor.flush()
    return Packed(blob if keep_blob else b"", zlib.crc32(blob), data, len(blob))


class _Zip:
    """A zip of deflated entries with fixed dates, byte for byte what `zipfile` writes for the
    same entries (tests/render/test_docx_cache.py compares the two)."""

    def __init__(self) -> None:
        self._chunks: list[bytes] = []
        self._central: list[bytes] = []
        self._offset = 0

    def add(self, name: str, entry: Packed) -> None:
        try:
            encoded, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            encoded, flags = name.encode("utf-8"), 0x800
        fields = (flags, zipfile.ZIP_DEFLATED, _DOS_TIME, _DOS_DATE, entry.crc, len(entry.data))
        header = struct.pack(
            "<4s2B4HL2L2H", b"PK\003\004", _VERSION, 0, *fields, entry.size, len(encoded), 0
        )
        self._central.append(
            struct.pack(
                "<4s4B4HL2L5H2L",
                b"PK\001\002",
                _VERSION,
                0,
                _VERSION,
                0,
                *fields,
                entry.size,
                len(encoded),
                0,
                0,
                0,
                0,
                _ATTRIBUTES,
                self._offset,
            )  # fmt: skip
            + encoded
        )
        self._chunks += (header, encoded, entry.data)
        self._offset += len(header) + len(encoded) + len(entry.data)

    def getvalue(self) -> bytes:
        central = b"".join(self._central)
        count = len(self._central)
        end = struct.pack(
            "<4s4H2LH", b"PK\005\006", 0, 0, count, count, len(central), self._offset, 0
        )
        return b"".join([*self._chunks, central, end])


class _Writer:
    """python-docx's zip writer interface (`write(pack_uri, blob)`), reusing packed entries
    whose bytes are unchanged."""

    def __init__(self, known: Mapping[str, Packed]) -> None:
        self.zip = _Zip()
        self._known = known

    def write(self, pack_uri: Any, blob: bytes) -> None:
        name = pack_uri.membername
        found = self._known.get(name)
        self.zip.add(name, found if found is not None and found.blob == blob else pack(blob))


def save_docx(
    doc: Any,
    known: Mapping[str, Packed] | None = None,
    ready: Callable[[Any], Packed | None] | None = None,
) -> bytes:
    """The document as normalised zip bytes.

    ``known``: entries already compressed (by member name), used when the part's bytes are the
    same. ``ready(part)``: the entry of a part that needs no serializing at all (a template's
    styles its copy never read, `docxtemplate`), or None. python-docx's `save` stamps the current
    time on every entry; its package writer's steps are driven here instead, in the same entry
    order. Should those helpers move in a later python-docx, the save-and-rewrite path is kept.
    """
    from docx.opc.pkgwriter import PackageWriter

    package = doc.part.package
    steps = [
        getattr(PackageWriter, name, None)
        for name in ("_write_content_types_stream", "_write_pkg_rels")
    ]
    if not all(steps):
        return save_and_rewrite(doc)
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    writer = _Writer(known or {})
    content_types, package_rels = steps
    content_types(writer, parts)
    package_rels(writer, package.rels)
    for part in parts:  # PackageWriter._write_parts, with the ready parts copied in
        entry = ready(part) if ready is not None else None
        if entry is not None:
            writer.zip.add(part.partname.membername, entry)
        else:
            writer.write(part.partname, part.blob)
        if len(part.rels):
            writer.write(part.partname.rels_uri, part.rels.xml)
    return writer.zip.getvalue()


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
