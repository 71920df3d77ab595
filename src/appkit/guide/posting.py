"""Read a job posting (text, Markdown, a postings CSV row or a JSON Resume job) into a Posting.

Postings come as they are scraped: `posting_text` cuts them into labelled sentences,
`posting_items` sorts those into duties, requirements, preferred items and pay/benefits,
`posting_fields` finds title and company in the text, `posting_skills` recognises O*NET's
technology names, and `posting_csv` reads one row of a postings CSV (its module docstring maps
the columns).

Title and company: `title=` / `company=` (the CLI's --job-title / --company) always win, then a
CSV's title / company_name columns, then the text; with no title anywhere, `fallback_title`
(the guide's) is used with a warning, else the error says how to give one. A posting that yields
fewer than MIN_REQUIREMENTS requirements carries a warning in `Posting.warnings`; the CLI prints
it and match.json lists it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from appkit.errors import InputError
from appkit.guide.model import Guide, Posting
from appkit.guide.posting_boilerplate import boilerplate_kind
from appkit.guide.posting_csv import read_csv_posting
from appkit.guide.posting_fields import find_company, find_place, find_title
from appkit.guide.posting_items import Items, classify
from appkit.guide.posting_skills import find_skills, product_of
from appkit.guide.posting_text import clean_text, segments
from appkit.guide.vocab import find_keywords, is_boilerplate
from appkit.guide.vocab import vocabulary as vocabulary_terms
from appkit.loading.read import parse_yaml, read_text, validate_data

MIN_REQUIREMENTS = 3
MAX_DESCRIPTION = 4800
__all__ = ["describe_posting", "is_boilerplate", "load_posting", "parse_posting_text"]


def _line(value: str | None, limit: int = 200) -> str | None:
    value = " ".join((value or "").split())
    return value[:limit].strip() or None


def _skills(
    items: Items, extra: str, vocabulary: Guide | None, employer: str | None = None
) -> list[str]:
    body = "\n".join([*items.duties, *items.required, *items.preferred, *items.description, extra])
    listed = []
    for skill in items.listed_skills:  # "EHR (Epic or Cerner)" -> EHR, Epic, Cerner
        name, _, inside = skill.partition("(")
        listed.append(name.strip())
        listed += [p for p in re.split(r"\s*(?:,|\bor\b|\band\b|/)\s*", inside.rstrip(")")) if p]
    found = [*listed, *find_skills(body)]
    found += find_keywords(body, vocabulary_terms(vocabulary))
    seen: dict[str, str] = {}
    for skill in found:
        skill = " ".join(skill.split()).strip(" .")
        in_name = employer and re.search(rf"\b{re.escape(skill)}\b", employer, re.I)
        if skill and len(skill) <= 80 and not boilerplate_kind(skill) and not in_name:
            seen.setdefault(skill.casefold(), skill)
    return _one_per_product(list(seen.values()))


def _one_per_product(skills: list[str]) -> list[str]:
    """Drop a skill that names the same product as a longer one found ("Excel" beside "Microsoft
    Excel") or sits as whole words inside it."""
    products = {skill: product_of(skill) for skill in skills}
    kept = []
    for skill in skills:
        longer = [
            other
            for other in skills
            if len(other) > len(skill)
            and (
                (products[skill] and products[skill] == products[other])
                or re.search(rf"(?<![\w-]){re.escape(skill)}(?![\w-])", other)
                and products[skill] in (None, products[other])
            )
        ]
        if not longer:
            kept.append(skill)
    return kept


def _warnings(posting: dict[str, Any], notes: list[str]) -> list[str]:
    count = sum(len(posting[k]) for k in ("responsibilities", "qualifications", "preferred"))
    count += len(posting["skills"])
    if count < MIN_REQUIREMENTS:
        found = (
            f"only {count} requirement{'s' if count != 1 else ''}" if count else "no requirements"
        )
        notes.append(
            f"the posting yielded {found} (duties, qualifications, skills); the match leans on"
            " the guide - check `appkit guide show --posting` for what was read"
        )
    return notes


def parse_posting_text(
    text: str,
    file: str = "<posting>",
    vocabulary: Guide | None = None,
    *,
    title: str | None = None,
    company: str | None = None,
    location: str | None = None,
    skills_text: str = "",
    fallback_title: str | None = None,
) -> Posting:
    """Parse a plain-text or Markdown posting (any layout, glued or one paragraph)."""
    text = clean_text(text)
    sentences = segments(text)
    items = classify(sentences)
    notes: list[str] = []
    found_title = _line(title) or _line(find_title(sentences, text))
    if not found_title and fallback_title:
        found_title = _line(fallback_title)
        notes.append(f"no job title found in the posting; using {found_title!r}")
    if not found_title:
        raise InputError.single(
            file,
            "no job title found in the posting: give one with --job-title TITLE"
            " (or start the posting with a 'Job Title: ...' line)",
            where="title",
        )
    fields = {s.label.casefold(): s.text for s in sentences if s.section == "field"}
    place = location or fields.get("location") or fields.get("job location") or find_place(text)
    heading = found_title.casefold()
    taken = {i.casefold() for i in (*items.duties, *items.required, *items.preferred)}
    description = " ".join(  # the overview: not the title, not what became an item
        d for d in items.description if d.casefold().strip(" #") not in (heading, *taken)
    )
    if len(description) > MAX_DESCRIPTION:
        description = description[:MAX_DESCRIPTION].rsplit(" ", 1)[0] + " …"
    employer = _line(company, 300) or _line(find_company(sentences, text), 300)
    data: dict[str, Any] = {
        "title": found_title,
        "company": employer,
        "location": _line(place, 300),
        "source": file,
        "description": description,
        "responsibilities": items.duties,
        "qualifications": items.required,
        "preferred": items.preferred,
        "skills": _skills(items, skills_text, vocabulary, employer),
        "compensation": items.compensation[:20],
    }
    data["warnings"] = _warnings(data, notes)
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
    text: str,
    file: str = "<posting>",
    vocabulary: Guide | None = None,
    *,
    title: str | None = None,
    company: str | None = None,
    fallback_title: str | None = None,
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
    lines = [
        "Responsibilities:\n" + "\n".join(f"- {r}" for r in _strings(data, "responsibilities"))
    ]
    lines.append("Requirements:\n" + "\n".join(f"- {q}" for q in _strings(data, "qualifications")))
    body = "\n".join([str(data.get("description") or ""), *lines])
    meta = data.get("meta") if isinstance(data.get("meta"), dict) else {}
    posting = parse_posting_text(
        body,
        file,
        vocabulary,
        title=title or _line(str(data.get("title") or "")),
        company=company or _line(str(data.get("company") or ""), 300),
        location=_location(data.get("location"), data.get("remote")),
        skills_text="\n".join(listed),
        fallback_title=fallback_title,
    )
    listed = [skill for skill in listed if not boilerplate_kind(skill)]
    skills = list(dict.fromkeys([*listed, *posting.skills]))
    return posting.model_copy(update={"source": meta.get("canonical") or file, "skills": skills})


def load_posting(
    path: str | Path,
    vocabulary: Guide | None = None,
    *,
    posting_id: str | None = None,
    title: str | None = None,
    company: str | None = None,
    fallback_title: str | None = None,
) -> Posting:
    """Load a .txt/.md posting, one row of a postings .csv, or a .json JSON Resume job.

    `vocabulary` adds a guide's terms to the skills recognised; `title` and `company` override the
    posting's own; `fallback_title` is used (with a warning) when the posting names no title.
    """
    path = Path(path)
    options: dict[str, Any] = {"title": title, "company": company, "fallback_title": fallback_title}
    suffix = path.suffix.lower()
    if suffix == ".csv" or posting_id is not None:
        if suffix != ".csv":
            raise InputError.single(path, "--posting-id needs a postings .csv file")
        row = read_csv_posting(path, posting_id)
        source = f"{path}#{row['id']}" if row["id"] else str(path)
        return parse_posting_text(
            row["description"],
            source,
            vocabulary,
            title=title or row["title"] or None,
            company=company or row["company"] or None,
            location=row["location"] or None,
            skills_text=row["skills"],
            fallback_title=fallback_title,
        )
    text = read_text(path)
    if suffix == ".json":
        return parse_posting_json(text, str(path), vocabulary, **options)
    return parse_posting_text(text, str(path), vocabulary, **options)


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
        ("Preferred", posting.preferred),
        ("Skills", posting.skills),
        ("Pay and benefits", posting.compensation),
        ("Warnings", posting.warnings),
    ):
        if entries:
            lines += ["", f"{heading} ({len(entries)})", *(f"  - {e}" for e in entries)]
    return "\n".join(lines) + "\n"
