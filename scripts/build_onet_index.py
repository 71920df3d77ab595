#!/usr/bin/env python3
"""Build guides/onet/index.json.gz: every O*NET occupation in one small, fast-to-load file.

Reads O*NET's tab-delimited text database (default ../shared/data/onet/db_29_3 relative to the
repository root) and writes a gzip-compressed JSON index that appkit ships as appkit/guides/onet/.
The file format is described in guides/onet/README.md.

The output is deterministic: sorted keys, fixed separators, no timestamps, gzip mtime 0 and no
file name in the gzip header, so rebuilding from the same files gives identical bytes.

    python3 scripts/build_onet_index.py                  # build from the default folder
    python3 scripts/build_onet_index.py --db DIR -o OUT  # another release / another output
    python3 scripts/build_onet_index.py --check          # exit 1 if the shipped file is stale
    python3 scripts/build_onet_index.py --file-release "Alternate Titles.txt=O*NET 29.0"
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED_DB = Path("shared") / "data" / "onet" / "db_29_3"
DEFAULT_OUT = ROOT / "guides" / "onet" / "index.json.gz"

FORMAT = "appkit-onet-index"
FORMAT_VERSION = 1
CODE = "O*NET-SOC Code"

# File name -> the columns the index needs (the header is checked before any row is read).
FILES: dict[str, tuple[str, ...]] = {
    "Occupation Data.txt": (CODE, "Title", "Description"),
    "Task Statements.txt": (CODE, "Task ID", "Task", "Task Type"),
    "Technology Skills.txt": (
        CODE,
        "Example",
        "Commodity Code",
        "Commodity Title",
        "Hot Technology",
        "In Demand",
    ),
    "Skills.txt": (CODE, "Element ID", "Element Name", "Scale ID", "Data Value"),
    "Knowledge.txt": (CODE, "Element ID", "Element Name", "Scale ID", "Data Value"),
    "Job Zones.txt": (CODE, "Job Zone"),
    "Job Zone Reference.txt": (
        "Job Zone",
        "Name",
        "Experience",
        "Education",
        "Job Training",
        "Examples",
        "SVP Range",
    ),
    "Alternate Titles.txt": (CODE, "Alternate Title", "Short Title", "Source(s)"),
}
REQUIRED = ("Occupation Data.txt",)

# Files whose provenance differs from the release named in `Read Me.txt`, known by content hash.
# The shared copy of the 29.3 database carries the 29.0 Alternate Titles file, and Skills/Knowledge
# converted from O*NET's Excel edition (see ../shared/data/README.md). A file with another hash
# gets the release from `Read Me.txt` unless --file-release says otherwise.
KNOWN_FILES: dict[str, dict[str, str]] = {
    "08cce9207feb08f946b3d5218b07184152639c235b2fcb418cbf17a742a3654a": {
        "release": "O*NET 29.0",
        "note": "Alternate Titles from the O*NET 29.0 release (the 29.3 file was not at hand)",
    },
    "b0496f1d6ba39b85f063466fb926278f1cf57e169e48f304353104b702031a8a": {
        "note": "converted row for row from O*NET's Excel edition of the same release",
    },
    "cbfdbae2b0547bd9bb59fca2fab90c83c06b1fb0e87b855f9ed4d9842d39f848": {
        "note": "converted row for row from O*NET's Excel edition of the same release",
    },
}

ATTRIBUTION = (
    "This file includes information from the {databases} by the U.S. Department of Labor, "
    "Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. "
    "O*NET\u00ae is a trademark of USDOL/ETA."
)
ALTERNATE_SOURCES = {
    "01": "Associations",
    "02": "Incumbent data (O*NET data collection)",
    "03": "Occupational Code Assignment (OCA)",
    "04": "SOC (SOC Index, SOC Volume 2)",
    "05": "State agencies",
    "06": "US Bureau of the Census",
    "07": "USDOL BLS",
    "08": "USDOL ETA (DOT, O*NET Center and others)",
    "09": "User input to O*NET web applications",
    "10": "Employer job postings",
}


def default_db() -> Path:
    """../shared/data/onet/db_29_3 beside the repository root.

    In a git worktree (where .git is a file naming the main repository) the main checkout's
    neighbour is tried too, so a worktree anywhere finds the same shared folder.
    """
    candidates = [ROOT.parent / SHARED_DB]
    dot_git = ROOT / ".git"
    if dot_git.is_file():
        match = re.match(r"gitdir:\s*(.+)", dot_git.read_text(encoding="utf-8").strip())
        if match:
            gitdir = (ROOT / match.group(1).strip()).resolve()
            if gitdir.parent.name == "worktrees":  # <main>/.git/worktrees/<name>
                candidates.append(gitdir.parent.parent.parent.parent / SHARED_DB)
    return next((path for path in candidates if path.is_dir()), candidates[0])


class BuildError(Exception):
    """The database folder is not what the index needs; the message says what and where."""


def read_release(db: Path) -> tuple[str, str]:
    """('O*NET 29.3', 'May 2025 Release') from the database's own `Read Me.txt`."""
    path = db / "Read Me.txt"
    if not path.is_file():
        raise BuildError(f"{path}: missing; the release name is taken from it")
    lines = [line.strip() for line in path.read_text(encoding="utf-8-sig").splitlines()]
    lines = [line for line in lines if line]
    match = re.fullmatch(r"(O\*NET\s+\d+(?:\.\d+)*)\s+Database", lines[0] if lines else "")
    if not match:
        raise BuildError(f"{path}:1: expected a first line such as 'O*NET 29.3 Database'")
    date = lines[1] if len(lines) > 1 and re.search(r"\bRelease\b", lines[1]) else ""
    return re.sub(r"\s+", " ", match.group(1)), date


def read_rows(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """All rows of a tab-delimited O*NET file, checking the header and the field count."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if header is None:
            raise BuildError(f"{path}: empty file")
        missing = [c for c in columns if c not in header]
        if missing:
            raise BuildError(f"{path}:1: missing column(s): {', '.join(missing)}")
        out = []
        for number, values in enumerate(reader, start=2):
            if not values:
                continue
            if len(values) != len(header):
                raise BuildError(
                    f"{path}:{number}: {len(values)} fields, the header has {len(header)}"
                )
            out.append(dict(zip(header, (v.strip() for v in values), strict=True)))
        return out


def _score(value: str, where: str) -> float:
    try:
        return round(float(value), 2)
    except ValueError:
        raise BuildError(f"{where}: not a number: {value!r}") from None


def _ratings(rows: list[dict[str, str]], file: str) -> dict[str, list[list[Any]]]:
    """Per occupation: [[element name, importance 1-5, level 0-7], ...], most important first."""
    scores: dict[tuple[str, str], dict[str, Any]] = {}
    for number, row in enumerate(rows, start=2):
        scale = row["Scale ID"]
        if scale not in ("IM", "LV"):
            continue
        key = (row[CODE], row["Element ID"])
        entry = scores.setdefault(key, {"name": row["Element Name"], "id": row["Element ID"]})
        entry[scale] = _score(row["Data Value"], f"{file}:{number}")
    by_code: dict[str, list[list[Any]]] = defaultdict(list)
    for (code, _), entry in scores.items():
        if "IM" in entry:
            by_code[code].append([entry["name"], entry["IM"], entry.get("LV"), entry["id"]])
    for code, items in by_code.items():
        items.sort(key=lambda item: (-item[1], -(item[2] or 0), item[3]))
        by_code[code] = [item[:3] for item in items]
    return by_code


def _flag(value: str) -> bool:
    return value.strip().upper() == "Y"


def build_index(db: Path, file_releases: dict[str, str] | None = None) -> dict[str, Any]:
    """The whole index as a JSON-ready dict."""
    db = Path(db)
    if not db.is_dir():
        raise BuildError(f"{db}: O*NET database folder not found")
    release, release_date = read_release(db)
    overrides = dict(file_releases or {})
    unknown = sorted(set(overrides) - set(FILES))
    if unknown:
        raise BuildError(f"--file-release: not a file the index reads: {', '.join(unknown)}")

    data: dict[str, list[dict[str, str]]] = {}
    files_meta: dict[str, dict[str, Any]] = {}
    for name, columns in FILES.items():
        path = db / name
        if not path.is_file():
            if name in REQUIRED:
                raise BuildError(f"{path}: missing")
            data[name] = []
            continue
        data[name] = read_rows(path, columns)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        known = KNOWN_FILES.get(digest, {})
        meta: dict[str, Any] = {
            "release": overrides.get(name, known.get("release", release)),
            "rows": len(data[name]),
            "sha256": digest,
        }
        if "note" in known:
            meta["note"] = known["note"]
        files_meta[name] = meta

    occupations: dict[str, dict[str, Any]] = {}
    for row in data["Occupation Data.txt"]:
        code = row[CODE]
        if code in occupations:
            raise BuildError(f"Occupation Data.txt: code {code} appears twice")
        occupations[code] = {
            "code": code,
            "title": row["Title"],
            "description": row["Description"],
            "job_zone": None,
            "alternate_titles": [],
            "tasks": [],
            "technology": [],
            "skills": [],
            "knowledge": [],
        }

    def occupation(code: str, file: str) -> dict[str, Any]:
        if code not in occupations:
            raise BuildError(f"{file}: code {code} is not in Occupation Data.txt")
        return occupations[code]

    for row in data["Job Zones.txt"]:
        occupation(row[CODE], "Job Zones.txt")["job_zone"] = int(row["Job Zone"])

    alternates: dict[str, dict[str, list[Any]]] = defaultdict(dict)
    for row in data["Alternate Titles.txt"]:
        code = row[CODE]
        occupation(code, "Alternate Titles.txt")
        short = row["Short Title"] if row["Short Title"] not in ("", "n/a") else None
        sources = [s.strip() for s in row["Source(s)"].split(",") if s.strip()]
        seen = alternates[code].get(row["Alternate Title"])
        if seen is None:  # first occurrence keeps its place (file order)
            alternates[code][row["Alternate Title"]] = [row["Alternate Title"], short, sources]
        else:  # the same title twice: one row with the short title, sources merged
            seen[1] = seen[1] or short
            seen[2] = sorted(set(seen[2]) | set(sources))
    for code, titles in alternates.items():
        occupations[code]["alternate_titles"] = [
            [title, short, ",".join(sources)] for title, short, sources in titles.values()
        ]

    for row in data["Task Statements.txt"]:
        occupation(row[CODE], "Task Statements.txt")["tasks"].append(
            [int(row["Task ID"]), row["Task"], row["Task Type"] or None]
        )

    vocabulary: dict[str, dict[str, Any]] = {}
    commodity_codes: dict[str, int] = {}
    for row in data["Technology Skills.txt"]:
        hot, demand = _flag(row["Hot Technology"]), _flag(row["In Demand"])
        commodity = row["Commodity Title"]
        commodity_codes[commodity] = int(row["Commodity Code"])
        occupation(row[CODE], "Technology Skills.txt")["technology"].append(
            [row["Example"], commodity, hot, demand]
        )
        for name, kind in ((row["Example"], "example"), (commodity, "commodity")):
            entry = vocabulary.setdefault(
                name, {"commodities": set(), "kinds": set(), "hot": False, "occupations": set()}
            )
            entry["kinds"].add(kind)
            entry["occupations"].add(row[CODE])
            if kind == "example":
                entry["commodities"].add(commodity)
                entry["hot"] = entry["hot"] or hot
    technology = {
        name: {
            "commodities": sorted(entry["commodities"]) or [name],
            "example": "example" in entry["kinds"],
            "commodity": "commodity" in entry["kinds"],
            "hot": entry["hot"],
            "occupations": len(entry["occupations"]),
        }
        for name, entry in vocabulary.items()
    }

    for file, field in (("Skills.txt", "skills"), ("Knowledge.txt", "knowledge")):
        for code, items in _ratings(data[file], file).items():
            occupation(code, file)[field] = items

    job_zones = {
        row["Job Zone"]: {
            "name": row["Name"],
            "experience": row["Experience"],
            "education": row["Education"],
            "training": row["Job Training"],
            "examples": row["Examples"],
            "svp_range": row["SVP Range"],
        }
        for row in data["Job Zone Reference.txt"]
    }

    releases = sorted({meta["release"] for meta in files_meta.values()} - {release})
    databases = f"{release} Database"
    if releases:

        def names(r: str) -> str:
            return ", ".join(
                n.removesuffix(".txt") for n, m in files_meta.items() if m["release"] == r
            )

        extra = ", ".join(f"{r} Database ({names(r)})" for r in releases)
        databases = f"{databases} and the {extra}"
    no_data = sorted(
        code
        for code, occ in occupations.items()
        if not (occ["tasks"] or occ["technology"] or occ["skills"] or occ["knowledge"])
    )
    metadata = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "release": release,
        "release_date": release_date,
        "attribution": ATTRIBUTION.format(databases=databases),
        "license": "CC BY 4.0",
        "license_url": "https://creativecommons.org/licenses/by/4.0/",
        "source_url": "https://www.onetcenter.org/database.html",
        "publisher": "U.S. Department of Labor, Employment and Training Administration (USDOL/ETA)",
        "built_by": "scripts/build_onet_index.py",
        "files": files_meta,
        "alternate_title_sources": ALTERNATE_SOURCES,
        "counts": {
            "occupations": len(occupations),
            "occupations_without_data": len(no_data),
            "tasks": sum(len(o["tasks"]) for o in occupations.values()),
            "alternate_titles": sum(len(o["alternate_titles"]) for o in occupations.values()),
            "technology_rows": sum(len(o["technology"]) for o in occupations.values()),
            "technology_names": len(technology),
            "commodities": len(commodity_codes),
        },
    }
    return {
        "metadata": metadata,
        "job_zones": job_zones,
        "commodities": commodity_codes,
        "technology": technology,
        "occupations": occupations,
    }


def encode(index: dict[str, Any]) -> bytes:
    """Canonical JSON bytes: sorted keys, no spaces, UTF-8."""
    text = json.dumps(index, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8") + b"\n"


def compress(payload: bytes) -> bytes:
    """gzip with mtime 0 and no file name, so the same payload always gives the same bytes."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as gz:
        gz.write(payload)
    return buffer.getvalue()


def build_bytes(db: Path, file_releases: dict[str, str] | None = None) -> bytes:
    """The gzip file's bytes for the database in `db`."""
    return compress(encode(build_index(db, file_releases)))


def _file_releases(values: list[str]) -> dict[str, str]:
    out = {}
    for value in values:
        name, sep, release = value.partition("=")
        if not sep or not name.strip() or not release.strip():
            raise BuildError(f"--file-release {value!r}: expected 'FILE NAME=O*NET 29.0'")
        out[name.strip()] = release.strip()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--db", type=Path, default=None, help="default: ../shared/data/onet/db_29_3 beside the repo"
    )
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUT)
    parser.add_argument(
        "--file-release",
        action="append",
        default=[],
        metavar="FILE=RELEASE",
        help="record another release for one file, e.g. 'Alternate Titles.txt=O*NET 29.0'",
    )
    parser.add_argument(
        "--check", action="store_true", help="do not write; exit 1 if the output is stale"
    )
    args = parser.parse_args(argv)
    try:
        started = time.perf_counter()
        payload = encode(build_index(args.db or default_db(), _file_releases(args.file_release)))
        data = compress(payload)
        built = time.perf_counter() - started
    except BuildError as error:
        print(f"build_onet_index: {error}", file=sys.stderr)
        return 2
    if args.check:
        current = args.output.read_bytes() if args.output.is_file() else b""
        same = bool(current) and gzip.decompress(current) == payload
        print(f"{args.output}: {'up to date' if same else 'STALE, rebuild it'}")
        return 0 if same else 1
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(data)
    started = time.perf_counter()
    index = json.loads(gzip.decompress(args.output.read_bytes()))
    loaded = time.perf_counter() - started
    counts = index["metadata"]["counts"]
    print(
        f"{args.output}: {len(data) / 1e6:.2f} MB gzip ({len(payload) / 1e6:.2f} MB JSON), "
        f"{counts['occupations']} occupations, {counts['technology_names']} technology names; "
        f"built in {built:.1f} s, loads in {loaded * 1000:.0f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
