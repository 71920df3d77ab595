"""Built-in text guides parsed ahead of time: `guides/parsed/<name>.json` (scripts/build_guides.py).

Parsing a career page takes ~50 ms of imports and regexes, a fifth of a one-off `appkit match`. The
parsed form records the SHA-256 of the text it was made from, so an edited guide is parsed afresh,
never served stale; tests/guide/test_parsed_guides.py fails after a parser change until the
script is run again. It also records the guide model's `shape`: while that is unchanged, the guide
is put back together without building its validator (`appkit.loading.trusted`), ~25 ms saved.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from appkit.guide.model import Guide
from appkit.loading.trusted import UntrustedError, construct, shape

PARSED_DIR = "parsed"  # guides/parsed/<name>.json: built-in text guides, parsed ahead of time


def parsed_guide(path: Path) -> Guide | None:
    """The shipped parsed form of the built-in guide at ``path``, or None if there is none, it was
    made from other text or it cannot be read (the caller then parses the text itself)."""
    stored = path.parent / PARSED_DIR / f"{path.stem}.json"
    try:
        data = json.loads(stored.read_text(encoding="utf-8"))
        if data["source_sha256"] != hashlib.sha256(path.read_bytes()).hexdigest():
            return None
        if data.get("model") == shape(Guide):  # validated when packed: skip building the validator
            try:
                return construct(Guide, data["guide"])
            except UntrustedError:
                pass
        return Guide.model_validate(data["guide"])
    except (OSError, ValueError, KeyError, TypeError):  # missing, damaged or from another model
        return None
