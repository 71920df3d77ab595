"""The entry point for role guides: load (built-in name or file), list, dump, scaffold, describe."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml

from appkit.errors import InputError
from appkit.guide.model import Guide
from appkit.guide.parsed import parsed_guide
from appkit.guide.resolve import is_path, occupation_ref
from appkit.loading.read import load_model, read_text
from appkit.resources import builtin_dir

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
DATA_SUFFIXES = (".yaml", ".yml", ".json")


def _builtin_files() -> dict[str, Path]:
    """Built-in guides by name: every guide file in guides/ except notes such as SOURCES.md."""
    folder = builtin_dir("guides")
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in TEXT_SUFFIXES + DATA_SUFFIXES)
    return {p.stem: p for p in files if not p.stem.isupper()}


@cache
def _load_builtin(name: str) -> Guide:
    """A built-in guide, once per process: its parsed form shipped in guides/parsed/ when that
    was made from this very text (scripts/build_guides.py), else parsed now."""
    path = _builtin_files()[name]
    parsed = parsed_guide(path)
    return parsed if parsed is not None else _load_path(path, label=f"guides/{path.name}")


def _load_path(path: Path, label: str | None = None) -> Guide:
    from appkit.guide.text import parse_guide_html, parse_guide_text

    file = label or str(path)
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        markdown = True if suffix in (".md", ".markdown") else None
        return parse_guide_text(read_text(path, file), file=file, markdown=markdown)
    if suffix in HTML_SUFFIXES:
        return parse_guide_html(read_text(path, file), file=file)
    if suffix in DATA_SUFFIXES:
        return load_model(path, Guide, file)
    expected = ", ".join(TEXT_SUFFIXES + HTML_SUFFIXES + DATA_SUFFIXES)
    raise InputError.single(file, f"unknown guide format '{path.suffix}' (expected {expected})")


def load_guide(ref: str | Path) -> Guide:
    """Load a guide: a built-in name, a file, `onet:CODE`, or an O*NET occupation's title.

    A string is resolved in this fixed order: a built-in guide's exact name
    ('clinical-coordinator'), a file path (.txt/.md/.html/.yaml/.json), `onet:CODE` (or a bare
    O*NET-SOC code), then O*NET title search ('registered nurse'). A near miss of a built-in name
    is an error suggesting it, never an occupation; an ambiguous title is an error listing the
    best candidates.
    """
    if isinstance(ref, Path):
        return _load_path(ref)
    builtins = _builtin_files()
    if ref in builtins:
        return _load_builtin(ref)
    if is_path(ref, TEXT_SUFFIXES + HTML_SUFFIXES + DATA_SUFFIXES):
        return _load_path(Path(ref))
    return occupation_ref(ref, builtins)


def list_guides() -> list[tuple[str, str]]:
    """The built-in guides as (name, title) pairs, sorted by name."""
    return [(name, _load_builtin(name).title) for name in _builtin_files()]


class _Dumper(yaml.SafeDumper):
    """SafeDumper that writes multi-line strings as literal blocks."""


def _str(dumper: yaml.SafeDumper, value: str) -> Any:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dump_guide(guide: Guide, fmt: Literal["yaml", "json"] = "yaml") -> str:
    """Serialise a guide without defaults/empties; loading it back gives an equal model."""
    data = guide.model_dump(mode="json", exclude_defaults=True, exclude_none=True)
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if fmt != "yaml":
        raise ValueError(f"unknown format {fmt!r}")
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


_SCAFFOLD = """\
# Role guide for appkit. Fill in the placeholders, delete what you do not need, then run
#   appkit guide show {file}
# Only `title` and responsibilities or at least one skill are required; every list may grow.
title: {title}
source: Where this guide came from (a URL, a book, your own notes)
summary: One or two sentences on what the role is for.

key_facts:
  median_salary: 60000             # USD per year, digits only
  median_salary_source: Who measured it, and when
  top_industries:
    - An industry that hires for this role

responsibilities:                  # what the role does; the tailoring engine matches against these
  - A responsibility, as a full sentence.
  - Another responsibility.

tools:                             # named systems and software
  - name: A tool or system
    category: What kind of tool it is

technical_skills:
  - name: A technical skill
    acronym: ABC                   # optional
    examples: [An example tool]    # optional

soft_skills:
  - name: A soft skill
    description: Why it matters in this role.

education:
  - A degree or diploma that qualifies for the role

certifications:
  - acronym: CERT
    name: Certified Example Professional

career_levels:
  - title: {junior}
    years_min: 0
    years_max: 2                   # leave out for open-ended levels (10+ years)
    description: What people at this level do.
    focus_areas: What they work on to advance.

faq:
  - question: A question interviewers or candidates ask about the role?
    answer: A short answer.
"""


def scaffold_guide(title: str) -> str:
    """A commented YAML guide skeleton for `title` that loads as it is and once filled in."""
    title = " ".join(title.split()) or "Role Title"
    quoted = json.dumps(title, ensure_ascii=False)
    junior = json.dumps(f"Junior {title}", ensure_ascii=False)
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "role"
    return _SCAFFOLD.format(title=quoted, junior=junior, file=f"{slug}.yaml")


def _section(lines: list[str], heading: str, entries: list[str]) -> None:
    if entries:
        lines += ["", f"{heading} ({len(entries)})", *(f"  - {e}" for e in entries)]


def describe_guide(guide: Guide) -> str:
    """A human-readable multi-line summary of a guide, for `appkit guide show`."""
    facts = guide.key_facts
    lines = [guide.title, "=" * len(guide.title)]
    if guide.source:
        lines.append(f"Source: {guide.source}")
    if guide.attribution:
        lines.append(f"Attribution: {guide.attribution}")
    if guide.summary:
        lines += ["", guide.summary]
    fact_rows = [
        ("Median salary", f"${facts.median_salary:,}" if facts.median_salary else None),
        ("Salary source", facts.median_salary_source),
        ("Salary range", facts.salary_range),
        ("Growth outlook", facts.growth_outlook),
        ("Annual openings", facts.annual_openings),
        ("Top industries", "; ".join(facts.top_industries) or None),
        ("Typical education", facts.typical_education),
    ]
    if any(value for _, value in fact_rows):
        lines += ["", "Key facts"] + [f"  {k}: {v}" for k, v in fact_rows if v]
    _section(lines, "Responsibilities", list(guide.responsibilities))
    _section(
        lines,
        "Tools",
        [
            t.name + (f" [{t.category}]" if t.category else "") + (" (hot)" if t.hot else "")
            for t in guide.tools
        ],
    )
    _section(lines, "Education", list(guide.education))
    skills = [
        s.name
        + (f" ({s.acronym})" if s.acronym else "")
        + (f": {', '.join(s.examples)}" if s.examples else "")
        + (f" [importance {s.importance:.2f}]" if s.importance is not None else "")
        for s in guide.technical_skills
    ]
    _section(lines, "Technical skills", skills)
    _section(
        lines,
        "Knowledge",
        [
            f"{k.name} [importance {k.importance:.2f}]" if k.importance is not None else k.name
            for k in guide.knowledge
        ],
    )
    _section(
        lines,
        "Soft skills",
        [s.name + (f": {s.description}" if s.description else "") for s in guide.soft_skills],
    )
    _section(
        lines,
        "Certifications",
        [
            f"{c.acronym} - {c.name}" if c.acronym and c.acronym != c.name else c.name
            for c in guide.certifications
        ],
    )
    _section(lines, "Steps to become one", [f"{s.title}: {s.text}" for s in guide.steps])
    _section(
        lines,
        "Salary by level",
        [
            f"{s.level}: median {_usd(s.median)}, average {_usd(s.average)}"
            for s in guide.salary_levels
        ],
    )
    _section(
        lines,
        "Career levels",
        [f"{c.title} ({c.years_min}{_upper(c.years_max)} years)" for c in guide.career_levels],
    )
    _section(lines, "Pros", list(guide.pros))
    _section(lines, "Cons", list(guide.cons))
    _section(lines, "FAQ", [q.question for q in guide.faq])
    _section(lines, "Related careers", [r.title for r in guide.related_careers])
    counts = [
        ("overview", guide.overview),
        ("education & training", guide.education_training),
        ("market commentary", guide.market_commentary),
        ("challenges", guide.challenges),
        ("growth opportunities", guide.growth_opportunities),
    ]
    para = ", ".join(f"{name} {len(value)}" for name, value in counts if value)
    if para:
        lines += ["", f"Paragraphs: {para}"]
    lines += ["", "Sections"] + [f"  {name}: {state}" for name, state in _found(guide)]
    return "\n".join(lines) + "\n"


def _found(guide: Guide) -> list[tuple[str, str]]:
    """Each section a guide can have, with its item count, 'found' or 'not found'."""
    facts = guide.key_facts
    sections: list[tuple[str, Any]] = [
        ("Summary", guide.summary or guide.overview),
        ("Responsibilities", guide.responsibilities),
        ("Technical skills", guide.technical_skills),
        ("Soft skills", guide.soft_skills),
        ("Knowledge", guide.knowledge),
        ("Tools", guide.tools),
        ("Work environment", guide.work_environment),
        ("Education", [*guide.education, *guide.education_training]),
        ("Certifications", guide.certifications),
        ("Steps to become one", guide.steps),
        ("Pay", facts.median_salary or facts.salary_range),
        ("Salary by level", guide.salary_levels),
        ("Job outlook", facts.growth_outlook),
        ("Career levels", guide.career_levels),
        ("FAQ", guide.faq),
        ("Related careers", guide.related_careers),
    ]
    out = []
    for name, value in sections:
        if not value:
            out.append((name, "not found"))
        elif isinstance(value, list):
            out.append((name, str(len(value))))
        else:
            out.append((name, "found"))
    return out


def _upper(years_max: int | None) -> str:
    return f"-{years_max}" if years_max is not None else "+"


def _usd(value: int | None) -> str:
    return f"${value:,}" if value is not None else "n/a"
