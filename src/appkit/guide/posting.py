"""Read a job posting (text, Markdown or JSON Resume job) into a Posting, boilerplate removed."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from appkit.errors import InputError
from appkit.guide.extract import sentences, technical_skill
from appkit.guide.model import Guide, Posting
from appkit.guide.sections import Line, clean_line, items, paragraphs
from appkit.guide.vocab import find_keywords, is_boilerplate
from appkit.guide.vocab import vocabulary as vocabulary_terms
from appkit.loading.read import parse_yaml, read_text, validate_data

_SECTIONS: list[tuple[str, str]] = [
    (
        "responsibilities",
        r"(?:key |main |core |primary |job )?(?:responsibilities|duties)"
        r"|what you'?ll do|what you will do|your role|the role|in this role,? you will|day to day",
    ),
    (
        "qualifications",
        r"(?:minimum |preferred |basic |required )?(?:qualifications|requirements)"
        r"|what you'?ll bring|what you bring|what we'?re looking for|who you are"
        r"|education (?:&|and) experience"
        r"|you have|must haves?|nice to haves?",
    ),
    (
        "skills",
        r"(?:key |required |technical |core )?skills"
        r"(?: (?:&|and) (?:tools|abilities|competencies))?"
        r"|tools|technologies|keywords",
    ),
    (
        "description",
        r"about the (?:role|job|position)"
        r"|(?:job |position |role )?(?:summary|overview|description)",
    ),
    (
        "boilerplate",
        r"about us|about the (?:company|team|organi[sz]ation)|who we are|benefits|perks"
        r"|what we offer|why join us|compensation|salary|pay(?: range)?"
        r"|equal (?:employment )?opportunity.*"
        r"|eeo.*|how to apply|to apply|diversity.*|our commitment.*|accommodations?",
    ),
]
_SECTION_RES = [(key, re.compile(p, re.I)) for key, p in _SECTIONS]
_FIELD = re.compile(
    r"(job title|title|position|role|company|employer|organi[sz]ation|location)\s*:\s*(.+)", re.I
)
_FIELD_KEYS = {
    "job title": "title",
    "title": "title",
    "position": "title",
    "role": "title",
    "company": "company",
    "employer": "company",
    "organization": "company",
    "organisation": "company",
    "location": "location",
}


def _section_key(line: Line) -> str | None:
    text = line.text.rstrip(":").strip()
    if not text or len(text) > 60 or text.endswith("."):
        return None
    return next((key for key, rx in _SECTION_RES if rx.fullmatch(text)), None)


def _clean_sentences(texts: list[str]) -> list[str]:
    """Split glued sentences apart and drop boilerplate ones."""
    return [s for text in texts for s in sentences(text) if not is_boilerplate(s)]


def _title_like(line: Line) -> bool:
    text = line.text
    return len(text.split()) <= 12 and not text.endswith((".", ":")) and _section_key(line) is None


def _skill_items(lines: list[Line]) -> list[str]:
    out = []
    for item in items(lines):
        if not is_boilerplate(item):
            out += [s for s in re.split(r"\s*[;,\u2022|]\s*(?![^()]*\))", item) if s]
    return out


def _merge_skills(listed: list[str], found: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    expanded = []
    for skill in listed:
        if is_boilerplate(skill):
            continue
        parsed = technical_skill(skill) if "(" in skill else None
        expanded += [parsed.name, *parsed.examples] if parsed else [skill]
    for skill in [*expanded, *found]:
        skill = skill.strip(" .")
        if skill and len(skill) <= 80 and not is_boilerplate(skill):
            seen.setdefault(skill.lower(), skill)
    return list(seen.values())


def parse_posting_text(
    text: str, file: str = "<posting>", vocabulary: Guide | None = None
) -> Posting:
    """Parse a plain-text or Markdown posting into a Posting."""
    fields: dict[str, str] = {}
    sections: dict[str, list[Line]] = {"description": []}
    current = "description"
    seen_text = False
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, raw in enumerate(lines, start=1):
        line = clean_line(raw, number)
        if line is None:
            continue
        field = _FIELD.fullmatch(line.text) if not line.bullet else None
        if field and _FIELD_KEYS[field[1].lower()] not in fields:
            fields[_FIELD_KEYS[field[1].lower()]] = field[2].strip()
            continue
        first = line.text and not seen_text
        seen_text = seen_text or bool(line.text)
        if "title" not in fields and (
            raw.lstrip().startswith("# ") or (first and _title_like(line))
        ):
            fields["title"] = line.text
            continue
        key = _section_key(line)
        if key:
            current = key
            sections.setdefault(key, [])
            continue
        sections.setdefault(current, []).append(line)
    if not fields.get("title"):
        raise InputError.single(
            file, "no job title found (first line, '# Title' or 'Title: ...')", where="title"
        )
    description = [
        " ".join(_clean_sentences([p]))
        for p in paragraphs(sections["description"])
        if not is_boilerplate(p)
    ]
    responsibilities = _clean_sentences(items(sections.get("responsibilities", [])))
    qualifications = _clean_sentences(items(sections.get("qualifications", [])))
    body = " ".join([*description, *responsibilities, *qualifications])
    data = {
        **fields,
        "source": file,
        "description": "\n\n".join(description),
        "responsibilities": responsibilities,
        "qualifications": qualifications,
        "skills": _merge_skills(
            _skill_items(sections.get("skills", [])),
            find_keywords(body, vocabulary_terms(vocabulary)),
        ),
    }
    return validate_data(data, None, Posting, file)


def _location(value: Any, remote: Any) -> str | None:
    if isinstance(value, dict):
        parts = [value.get(k) for k in ("city", "region", "countryCode")]
        text = ", ".join(dict.fromkeys(str(p) for p in parts if p))
    else:
        text = str(value) if value else ""
    if remote:
        text = f"{text} ({remote})" if text else str(remote)
    return text or None


def _strings(data: dict[str, Any], key: str) -> list[str]:
    value = data.get(key) or []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def parse_posting_json(
    text: str, file: str = "<posting>", vocabulary: Guide | None = None
) -> Posting:
    """Parse a JSON Resume job (title, company, location, responsibilities, skills[].keywords)."""
    data, _ = parse_yaml(text, file)
    if not isinstance(data, dict):
        raise InputError.single(file, "expected a JSON object (a JSON Resume job)", 1)
    listed: list[str] = []
    for skill in data.get("skills") or []:
        if isinstance(skill, dict):
            listed += [str(k) for k in skill.get("keywords") or []] or [str(skill.get("name", ""))]
        else:
            listed.append(str(skill))
    description = " ".join(
        s for s in sentences(str(data.get("description") or "")) if not is_boilerplate(s)
    )
    responsibilities = _clean_sentences(_strings(data, "responsibilities"))
    qualifications = _clean_sentences(_strings(data, "qualifications"))
    meta = data.get("meta") if isinstance(data.get("meta"), dict) else {}
    body = " ".join([description, *responsibilities, *qualifications])
    posting = {
        "title": data.get("title"),
        "company": data.get("company"),
        "location": _location(data.get("location"), data.get("remote")),
        "source": meta.get("canonical") or file,
        "description": description,
        "responsibilities": responsibilities,
        "qualifications": qualifications,
        "skills": _merge_skills(listed, find_keywords(body, vocabulary_terms(vocabulary))),
    }
    return validate_data({k: v for k, v in posting.items() if v is not None}, None, Posting, file)


def load_posting(path: str | Path, vocabulary: Guide | None = None) -> Posting:
    """Load a .txt/.md posting or a .json JSON Resume job; `vocabulary` adds a guide's terms."""
    path = Path(path)
    text = read_text(path)
    if path.suffix.lower() == ".json":
        return parse_posting_json(text, str(path), vocabulary)
    return parse_posting_text(text, str(path), vocabulary)


def describe_posting(posting: Posting) -> str:
    """A human-readable multi-line summary of a posting, for `appkit guide show --posting`."""
    lines = [posting.title, "=" * len(posting.title)]
    lines += [
        f"{label}: {value}"
        for label, value in (
            ("Company", posting.company),
            ("Location", posting.location),
            ("Source", posting.source),
        )
        if value
    ]
    if posting.description:
        lines += ["", posting.description]
    for heading, entries in (
        ("Responsibilities", posting.responsibilities),
        ("Qualifications", posting.qualifications),
        ("Skills", posting.skills),
    ):
        if entries:
            lines += ["", f"{heading} ({len(entries)})", *(f"  - {e}" for e in entries)]
    return "\n".join(lines) + "\n"
