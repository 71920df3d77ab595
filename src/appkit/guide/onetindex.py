"""The shipped O*NET index (guides/onet/index.json.gz): loaded lazily, once per process.

The layout is documented in guides/onet/README.md. Both the occupation guides (`onet:CODE`, title
search) and the posting skill recogniser (the Technology Skills vocabulary) read it from here.
"""

from __future__ import annotations

import gc
import gzip
import json
from functools import cache
from typing import Any

from appkit.errors import InputError
from appkit.resources import builtin_dir

INDEX_FORMAT = "appkit-onet-index"
INDEX_VERSION = 1


@cache
def load_index() -> dict[str, Any]:
    """The whole index as plain JSON data (treat it as read-only)."""
    path = builtin_dir("guides") / "onet" / "index.json.gz"
    # The collector would otherwise walk the half-built object graph many times over while
    # json builds its ~300,000 containers; turning it off halves the load time.
    gc.disable()
    try:
        data = json.loads(gzip.decompress(path.read_bytes()))
    finally:
        gc.enable()
    meta = data.get("metadata", {})
    if meta.get("format") != INDEX_FORMAT or int(meta.get("format_version", 0)) > INDEX_VERSION:
        raise InputError.single(str(path), "not an appkit O*NET index this version can read")
    return data


def technology() -> dict[str, dict[str, Any]]:
    """The Technology Skills vocabulary: name -> commodities, hot, occupations (document count)."""
    return load_index()["technology"]


def attribution() -> str:
    """The CC BY 4.0 attribution sentence naming the releases the index was built from."""
    return str(load_index()["metadata"]["attribution"])
