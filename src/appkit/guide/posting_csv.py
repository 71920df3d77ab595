"""One posting out of a postings CSV (`--posting postings.csv --posting-id JOB_ID`).

Column mapping (header names compared case- and punctuation-insensitively; first match wins):

    id           job_id, id, posting_id, job_posting_id, jobid, requisition_id, req_id
    title        title, job_title, position, position_title, role, job_name
    company      company_name, company, employer, organization, organisation, employer_name
    description  description, job_description, posting, text, body, details, full_description
    skills       skills_desc, skills, skills_description, required_skills, key_skills
    location     location, job_location, city, work_location

Only `description` is required (and `id` when the file holds more than one posting). The title
and company columns, when filled, win over what the text says; `--job-title` and `--company`
win over both. A company column of "Confidential" counts as empty.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

from appkit.errors import InputError
from appkit.loading.read import read_text

COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("job_id", "id", "posting_id", "job_posting_id", "jobid", "requisition_id", "req_id"),
    "title": ("title", "job_title", "position", "position_title", "role", "job_name"),
    "company": (
        "company_name",
        "company",
        "employer",
        "organization",
        "organisation",
        "employer_name",
    ),
    "description": (
        "description",
        "job_description",
        "posting",
        "text",
        "body",
        "details",
        "full_description",
    ),
    "skills": ("skills_desc", "skills", "skills_description", "required_skills", "key_skills"),
    "location": ("location", "job_location", "city", "work_location"),
}
_EMPTY = {"", "confidential", "n/a", "na", "none", "null", "unknown"}


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.strip().lstrip("\ufeff").casefold()).strip("_")


def column_map(header: list[str]) -> dict[str, str]:
    """Which CSV column holds each field (see the module table)."""
    keys = {_key(h): h for h in header}
    found = {}
    for name, choices in COLUMNS.items():
        column = next((keys[c] for c in choices if c in keys), None)
        if column is not None:
            found[name] = column
    return found


def _near_ids(wanted: str, ids: list[str]) -> list[str]:
    from rapidfuzz import fuzz, process

    best = process.extract(wanted, ids, scorer=fuzz.ratio, limit=5)
    return [choice for choice, score, _ in best if score >= 50] or ids[:5]


def read_csv_posting(path: Path, posting_id: str | None) -> dict[str, str]:
    """The row of `posting_id` as {id, title, company, description, skills, location} (strings)."""
    text = read_text(path)
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    rows = list(csv.reader(text.splitlines(keepends=True)))
    if not rows:
        raise InputError.single(path, "the postings CSV is empty")
    header, body = rows[0], rows[1:]
    columns = column_map(header)
    if "description" not in columns:
        raise InputError.single(
            path,
            "no description column (expected one of: "
            f"{', '.join(COLUMNS['description'])}); found: {', '.join(header)[:200]}",
            1,
        )
    index = {name: header.index(col) for name, col in columns.items()}

    def cell(row: list[str], name: str) -> str:
        i = index.get(name)
        return row[i].strip() if i is not None and i < len(row) else ""

    if posting_id is None:
        if len(body) == 1:
            chosen, line = body[0], 2
        else:
            ids = [cell(r, "id") for r in body[:5]]
            raise InputError.single(
                path,
                f"the CSV holds {len(body)} postings: choose one with --posting-id "
                f"(e.g. {', '.join(i for i in ids if i)})",
            )
    else:
        if "id" not in columns:
            raise InputError.single(
                path, f"no id column (expected one of: {', '.join(COLUMNS['id'])})", 1
            )
        wanted = str(posting_id).strip()
        matches = [(n, r) for n, r in enumerate(body, start=2) if cell(r, "id") == wanted]
        if not matches:
            near = _near_ids(wanted, [cell(r, "id") for r in body if cell(r, "id")])
            raise InputError.single(
                path,
                f"no posting with id {wanted!r} ({len(body)} postings); nearest ids: "
                f"{', '.join(near)}",
                where="--posting-id",
            )
        line, chosen = matches[0]
    out = {name: cell(chosen, name) for name in COLUMNS}
    if out["company"].casefold() in _EMPTY:
        out["company"] = ""
    out["line"] = str(line)
    return out
