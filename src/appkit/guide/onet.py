"""Build a Guide for one occupation from O*NET's tab-delimited release files, streamed once."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from pathlib import Path

from appkit.errors import InputError
from appkit.guide.model import Guide
from appkit.guide.occupations import SOURCE_PREFIX
from appkit.guide.onetskills import split_skills
from appkit.guide.titles import singular_title
from appkit.loading.read import validate_data

ATTRIBUTION = (
    "This file includes information from the {database} by the U.S. Department of Labor, "
    "Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. "
    "O*NET\u00ae is a trademark of USDOL/ETA."
)
README = "Read Me.txt"
_RELEASE = re.compile(r"(O\*NET\s+\d+(?:\.\d+)*)\s+Database", re.I)
OCCUPATIONS = "Occupation Data.txt"
TASKS = "Task Statements.txt"
TECHNOLOGY = "Technology Skills.txt"
SKILLS = "Skills.txt"
KNOWLEDGE = "Knowledge.txt"
ALTERNATES = "Alternate Titles.txt"
CODE_COLUMN = "O*NET-SOC Code"
_ACRONYM = re.compile(r"\s*\([^)]*\)\s*$")
_CODE = re.compile(r"\d{2}-\d{4}(?:\.\d{2})?")


def _open(db_dir: Path, name: str, required: bool = True) -> Path | None:
    path = db_dir / name
    if path.is_file():
        return path
    if required:
        raise InputError.single(str(path), f"O*NET file '{name}' is missing from {db_dir}")
    return None


def rows(path: Path, code: str | None = None) -> Iterator[dict[str, str]]:
    """Rows of an O*NET text file as dicts by header name; only those for `code` when given.

    Streams the file in binary and decodes only the matching lines, so a 30 MB file takes well
    under a second.
    """
    prefix = f"{code}\t".encode() if code else None
    with path.open("rb") as handle:
        header = handle.readline().decode("utf-8-sig").rstrip("\r\n").split("\t")
        if CODE_COLUMN not in header:
            raise InputError.single(str(path), f"not an O*NET file: no '{CODE_COLUMN}' column", 1)
        for raw in handle:
            if prefix is not None and not raw.startswith(prefix):
                continue
            values = raw.decode("utf-8", errors="replace").rstrip("\r\n").split("\t")
            yield dict(zip(header, values, strict=False))


def read_release(db_dir: Path) -> str | None:
    """The release the database's own `Read Me.txt` names ('O*NET 29.3'), if it names one."""
    path = db_dir / README
    if not path.is_file():
        return None
    with path.open(encoding="utf-8-sig", errors="replace") as handle:
        for line in handle:
            if line.strip():
                match = _RELEASE.match(line.strip())
                return " ".join(match.group(1).split()) if match else None
    return None


def attribution_for(db_dir: Path) -> str:
    """The CC BY 4.0 attribution naming the release in `db_dir`'s `Read Me.txt`.

    Without a readable `Read Me.txt` it names "the O*NET Database" and no release: a release
    number appkit cannot see in the files would be a guess.
    """
    release = read_release(db_dir)
    return ATTRIBUTION.format(database=f"{release} Database" if release else "O*NET Database")


def _need(path: Path, row: dict[str, str], *columns: str) -> None:
    missing = [c for c in columns if c not in row]
    if missing:
        raise InputError.single(str(path), f"missing column(s): {', '.join(missing)}", 1)


def find_code(db_dir: Path, title: str) -> str:
    """The O*NET-SOC code whose title (or alternate title) names `title`, as whole words.

    An exact official title wins, then an exact alternate or short title (a parenthesised
    acronym stripped), then titles containing every word of `title` ("nurse" never matches
    "Nursery"); several occupations at the best level are an error listing them.
    """
    from appkit.guide.onetsearch import words

    wanted = words(title)
    occupations = {r[CODE_COLUMN]: r.get("Title", "") for r in rows(_open(db_dir, OCCUPATIONS))}  # type: ignore[arg-type]
    alternates: list[tuple[str, str]] = []
    if alt_path := _open(db_dir, ALTERNATES, required=False):
        for r in rows(alt_path):
            if r[CODE_COLUMN] in occupations:
                name = r.get("Alternate Title", "")
                alternates += [(r[CODE_COLUMN], name), (r[CODE_COLUMN], _ACRONYM.sub("", name))]
                if r.get("Short Title", "n/a") not in ("", "n/a"):
                    alternates.append((r[CODE_COLUMN], r["Short Title"]))
    exact = {c for c, t in occupations.items() if words(t) == wanted}
    exact = exact or {c for c, t in alternates if words(t) == wanted}
    partial = {
        c for c, t in [*occupations.items(), *alternates] if wanted and set(wanted) <= set(words(t))
    }
    found = exact or partial
    if len(found) == 1:
        return found.pop()
    if found:
        listing = "; ".join(f"{c} {occupations[c]}" for c in sorted(found)[:20])
        more = f" (and {len(found) - 20} more)" if len(found) > 20 else ""
        raise InputError.single(
            str(db_dir),
            f"title '{title}' matches {len(found)} occupations: {listing}{more}; give the code",
        )
    close = difflib.get_close_matches(
        title.lower(), [t.lower() for t in occupations.values()], n=5, cutoff=0.6
    )
    by_title = {t.lower(): c for c, t in occupations.items()}
    hint = (
        "; did you mean " + "; ".join(f"{by_title[t]} {occupations[by_title[t]]}" for t in close)
        if close
        else ""
    )
    raise InputError.single(str(db_dir), f"no O*NET occupation titled '{title}'{hint}")


def _ranked(path: Path | None, code: str) -> list[dict[str, object]]:
    """Skills.txt / Knowledge.txt elements by importance (Scale ID 'IM'), highest first."""
    if path is None:
        return []
    ranked = []
    for row in rows(path, code):
        _need(path, row, "Element Name", "Scale ID", "Data Value")
        if row["Scale ID"] != "IM" or row.get("Recommend Suppress") == "Y":
            continue
        try:
            importance = round(float(row["Data Value"]), 2)
        except ValueError:
            continue
        ranked.append({"name": row["Element Name"], "importance": importance})
    return sorted(ranked, key=lambda r: -float(r["importance"]))  # type: ignore[arg-type]


def build_onet_guide(
    db_dir: str | Path, code: str | None = None, title: str | None = None
) -> Guide:
    """A Guide for one O*NET occupation (by code or title search), with the CC BY attribution."""
    db_dir = Path(db_dir)
    if not db_dir.is_dir():
        raise InputError.single(str(db_dir), "O*NET database folder not found")
    if code is None:
        if not title:
            raise InputError.single(
                str(db_dir), "give an O*NET-SOC code (e.g. 11-9111.00) or a title"
            )
        code = find_code(db_dir, title)
    code = code.strip()
    if _CODE.fullmatch(code) and "." not in code:
        code += ".00"
    occupations = _open(db_dir, OCCUPATIONS)
    tasks_path, tech_path = _open(db_dir, TASKS), _open(db_dir, TECHNOLOGY)
    assert occupations and tasks_path and tech_path
    occupation = next(rows(occupations, code), None)
    if occupation is None:
        raise InputError.single(str(occupations), f"unknown O*NET-SOC code '{code}'")
    _need(occupations, occupation, "Title", "Description")
    tasks: dict[str, list[str]] = {"Core": [], "Supplemental": [], "": []}
    for row in rows(tasks_path, code):
        _need(tasks_path, row, "Task")
        tasks.get(row.get("Task Type", ""), tasks[""]).append(row["Task"])
    tools = []
    for row in rows(tech_path, code):
        _need(tech_path, row, "Example", "Commodity Title")
        flags = (row.get("Hot Technology") == "Y", row.get("In Demand") == "Y")
        tools.append(
            (flags, {"name": row["Example"], "category": row["Commodity Title"], "hot": any(flags)})
        )
    tools.sort(key=lambda item: -sum(item[0]))
    release = read_release(db_dir)
    technical, soft = split_skills(_ranked(_open(db_dir, SKILLS, required=False), code))
    data = {
        "title": singular_title(occupation["Title"]),
        "source": f"{SOURCE_PREFIX}{code} {occupation['Title']} ({release or db_dir.name})",
        "attribution": attribution_for(db_dir),
        "summary": occupation["Description"],
        "responsibilities": [*tasks["Core"], *tasks["Supplemental"], *tasks[""]],
        "tools": [tool for _, tool in tools],
        "technical_skills": technical,
        "soft_skills": soft,
        "knowledge": _ranked(_open(db_dir, KNOWLEDGE, required=False), code),
    }
    return validate_data(data, None, Guide, f"{db_dir}/{OCCUPATIONS}")
