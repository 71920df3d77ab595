#!/usr/bin/env python3
"""Build guides/parsed/<name>.json: each built-in text guide, parsed ahead of time.

`appkit.guide.library` loads a built-in guide from its parsed form when the form records the
SHA-256 of the very text it was made from, so an edited guide is parsed afresh, never stale.
A parser change, though, leaves the text unchanged: tests/guide/test_parsed_guides.py fails
until this script is run again. The output is deterministic (sorted keys, no timestamps).

    python3 scripts/build_guides.py            # write guides/parsed/*.json
    python3 scripts/build_guides.py --check    # exit 1 if any is missing or stale
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from appkit.guide.library import TEXT_SUFFIXES, _builtin_files, _load_path  # noqa: E402
from appkit.guide.model import Guide  # noqa: E402
from appkit.guide.parsed import PARSED_DIR  # noqa: E402
from appkit.loading.trusted import shape  # noqa: E402


def parsed_forms() -> dict[Path, str]:
    """Each built-in text guide's parsed form, as the JSON text to ship, by output path."""
    out: dict[Path, str] = {}
    for name, path in _builtin_files().items():
        if path.suffix.lower() not in TEXT_SUFFIXES:
            continue  # YAML and JSON guides are data already
        guide = _load_path(path, label=f"guides/{path.name}")
        data = {
            "source": path.name,
            "source_sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
            "guide": guide.model_dump(mode="json"),
            "model": shape(Guide),  # the loader constructs without validating only this shape
        }
        text = json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
        out[path.parent / PARSED_DIR / f"{name}.json"] = text
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a file is stale")
    args = parser.parse_args()
    stale = []
    for target, text in parsed_forms().items():
        current = target.read_text(encoding="utf-8") if target.is_file() else None
        if current == text:
            continue
        stale.append(target)
        if not args.check:
            target.parent.mkdir(exist_ok=True)
            target.write_text(text, encoding="utf-8")
    for target in stale:
        verb = "stale" if args.check else "wrote"
        print(f"{verb}: {target.relative_to(ROOT)}")
    return 1 if stale and args.check else 0


if __name__ == "__main__":
    raise SystemExit(main())
