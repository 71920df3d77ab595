"""Parse a career-guide page (text or Markdown) into a Guide by recognising its section headings."""

from __future__ import annotations

import re

from appkit.errors import InputError, Problem
from appkit.guide import extract as ex
from appkit.guide.model import Guide
from appkit.guide.sections import (
    Line,
    career_levels,
    clean_line,
    faq,
    items,
    key_facts,
    paragraphs,
    related_careers,
    salary_levels,
    soft_skill,
    steps,
)
from appkit.loading.read import validate_data

_R = r"(?:&|and)"
# (key, heading pattern): "skip" text is only searched for certifications; "drop" is discarded.
HEADINGS: list[tuple[str, str]] = [
    ("key_facts", rf"key facts(?: {_R} (?:statistics|figures))?|at a glance"),
    ("overview", r"what is an? .{2,60}\?|overview|role overview|about the role"),
    ("skip", r"what does an? .{2,60} do\??"),
    (
        "responsibilities",
        r"(?:key |main |core |primary )?(?:responsibilities|duties)|what you'?ll do",
    ),
    ("work_environment", r"work(?:ing)? environment"),
    ("tools", rf"tools {_R} technolog(?:y|ies)|tools|technology|software {_R} tools"),
    ("skip", rf"skills {_R} qualifications|qualifications"),
    ("education", r"education(?:al)? requirements|education|degrees?"),
    ("technical_skills", r"technical skills|hard skills"),
    ("soft_skills", r"soft skills|interpersonal skills"),
    ("steps", r"how to become an? [^:|]{2,60}|steps(?: to become .{2,60})?"),
    ("education_training", rf"education {_R} training|training {_R} education"),
    ("skip", rf"salary {_R} outlook|salary"),
    ("salary_levels", r"salary by (?:experience )?levels?|salary levels"),
    ("market_commentary", r"market commentary"),
    ("career_levels", r"career path|career progression|career levels"),
    ("challenges", r"(?:current )?challenges"),
    ("growth_opportunities", r"growth opportunities"),
    ("skip", rf"pros {_R} cons"),
    ("pros", r"pros|advantages"),
    ("cons", r"cons|disadvantages"),
    ("faq", r"frequently asked questions|faqs?"),
    ("related_careers", r"related (?:careers|roles)|similar (?:careers|roles)"),
    (
        "drop",
        rf"diversity {_R} inclusion.*|global .{{0,60}}opportunities|(?:\d{{4}} )?market reality.*"
        r"|current market trends|job application toolkit|assess your .{0,60}readiness"
        r"|land your dream job.*|find your dream job|sign up(?: now)?",
    ),
]
_HEADING_RES = [(key, re.compile(pattern, re.I)) for key, pattern in HEADINGS]
_TITLE = re.compile(r"(?:complete\s+)?(.+?)\s+career guide", re.I)
_PAGE_TITLE = re.compile(r"[^|\n]{10,150} \| [A-Z][\w .-]{1,40}")


def heading_key(line: Line) -> str | None:
    """The section key if `line` is a known heading, else None."""
    text = line.text.rstrip(":").strip()
    if len(text) > 90 or text.endswith("."):
        return None
    return next((key for key, rx in _HEADING_RES if rx.fullmatch(text)), None)


def split_sections(text: str) -> tuple[str | None, dict[str, list[Line]]]:
    """The title line and the lines grouped by section key ('preamble' before any heading)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    title: str | None = None
    sections: dict[str, list[Line]] = {"preamble": []}
    current = "preamble"
    for number, raw in enumerate(lines, start=1):
        line = clean_line(raw, number)
        if line is None:
            continue
        if title is None and line.text:
            match = _TITLE.fullmatch(line.text)
            if match or raw.lstrip().startswith("# "):
                title = match[1] if match else line.text
                continue
        key = heading_key(line) if line.text else None
        if key is not None:
            current = key
            sections.setdefault(key, [])
            continue
        sections.setdefault(current, []).append(line)
    return title, sections


def _joined(lines: list[Line]) -> str:
    return "\n\n".join(paragraphs(lines))


def _fallback_title(text: str) -> str | None:
    match = re.search(
        r"^\W*(?:what is an?|how to become an?)\s+([^?:|\n]{2,60}?)\??\s*$", text, re.I | re.M
    )
    return match[1].strip() if match else None


def _page_title(text: str) -> tuple[str, str | None]:
    """Split off a trailing page title ('How to Become ... | Himalayas'), used as the source."""
    body = text.rstrip()
    last = body.rsplit("\n", 1)[-1].strip()
    if _PAGE_TITLE.fullmatch(last):
        return body[: len(body) - len(last)], last
    return text, None


def parse_guide_text(text: str, file: str = "<guide>", source: str | None = None) -> Guide:
    """Parse a career-guide page (plain text or Markdown) into a validated Guide."""
    text, page_title = _page_title(text.replace("\r\n", "\n").replace("\r", "\n"))
    source = source or page_title
    title, sec = split_sections(text)
    title = title or _fallback_title(text)
    get = sec.get
    skills = [ex.technical_skill(i) for i in items(get("technical_skills", []))]
    softs = [soft_skill(i) for i in items(get("soft_skills", []))]
    missing = []
    if not title:
        missing.append(
            ("title", "no title found (expected a first line such as '<Role> Career Guide')")
        )
    if not items(get("responsibilities", [])):
        missing.append(("responsibilities", "no 'Key Responsibilities' section with items found"))
    if not skills and not softs:
        missing.append(
            ("skills", "no 'Technical Skills' or 'Soft Skills' section with items found")
        )
    if missing:
        raise InputError([Problem(file, None, where, message) for where, message in missing])
    kept = [p for key, lines in sec.items() if key != "drop" for p in paragraphs(lines)]
    data = {
        "title": title,
        "source": source,
        "summary": (paragraphs(get("preamble", [])) or [""])[0],
        "key_facts": key_facts(get("key_facts", [])),
        "overview": paragraphs(get("overview", [])),
        "responsibilities": items(get("responsibilities", [])),
        "work_environment": _joined(get("work_environment", [])),
        "tools_text": _joined(get("tools", [])),
        "tools": [t.model_dump() for t in ex.tools(_joined(get("tools", [])))],
        "education": items(get("education", [])),
        "technical_skills": [s.model_dump() for s in skills],
        "soft_skills": softs,
        "steps": steps(get("steps", [])),
        "education_training": paragraphs(get("education_training", [])),
        "salary_levels": salary_levels(get("salary_levels", [])),
        "market_commentary": paragraphs(get("market_commentary", [])),
        "career_levels": career_levels(get("career_levels", [])),
        "pros": items(get("pros", [])),
        "cons": items(get("cons", [])),
        "faq": faq(get("faq", [])),
        "related_careers": related_careers(get("related_careers", [])),
        "challenges": paragraphs(get("challenges", [])),
        "growth_opportunities": paragraphs(get("growth_opportunities", [])),
        "certifications": [c.model_dump() for c in ex.certifications(kept)],
    }
    return validate_data(data, None, Guide, file)
