"""Write a rendered packet: each document's file name, and the folder swap replacing old ones.

The documents are rendered in memory first (`appkit.packet`); only then is the output folder
resolved and the candidate's packet folder swapped in whole, so a failure never leaves a partial
packet.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from appkit.disk.files import safe_slug
from appkit.disk.folder import Packet, profile_ref, resolve_out_dir, write_packet
from appkit.documents.filenames import MATCH_FILE, document_name, every_name
from appkit.engine import Engine
from appkit.options import PACKET, Options
from appkit.packet import FILE_STEMS, FORMATS, Inputs, render_documents


class Output(BaseModel):
    model_config = ConfigDict(defer_build=True, frozen=True)
    kind: str
    format: str
    path: Path


def generate(kinds: Sequence[str], inputs: Inputs, options: Options) -> list[Output]:
    """Render the requested documents for one candidate and write them; all or nothing."""
    return generate_packet(kinds, inputs, options)[1]


def generate_packet(
    kinds: Sequence[str], inputs: Inputs, options: Options, engine: Engine | None = None
) -> tuple[Packet, list[Output]]:
    """Render, then write into the candidate's folder under the output folder, resolved once here.

    Writing the whole packet replaces every earlier document of the packet (in any naming style);
    writing some documents replaces just those, keeping the rest of the folder.
    """
    root = resolve_out_dir(options.out_dir)
    slug = safe_slug(inputs.profile.basics.name)
    ref = profile_ref(root / slug, inputs.profile_file)
    files = render_documents(kinds, inputs, options, ref, engine=engine)
    name = inputs.profile.basics.name
    written = [k for k in kinds if k != "match"]
    entries = {
        f"{FILE_STEMS[k]}.{fmt}": (k, fmt, document_name(k, fmt, name, options.file_names))
        for k in written
        for fmt in options.formats
    }
    replaced = PACKET if set(kinds) >= set(PACKET) else kinds
    formats = FORMATS if replaced is PACKET else options.formats  # a new packet: no stale copies
    replaces = {
        f"{FILE_STEMS[k]}.{fmt}": every_name(k, fmt, name)
        for k in replaced
        if k != "match"
        for fmt in formats
    }
    if MATCH_FILE in files:
        entries[MATCH_FILE] = ("match", "json", MATCH_FILE)
        replaces[MATCH_FILE] = {MATCH_FILE}
    payload = {key: (entry[2], files[key]) for key, entry in entries.items()}
    packet = write_packet(root, slug, payload, replaces, inputs.profile_file)
    outputs = [
        Output(kind=kind, format=fmt, path=packet.folder / file_name)
        for kind, fmt, file_name in entries.values()
    ]
    return packet, outputs
