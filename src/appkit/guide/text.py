"""Parse a career-guide page (plain text, Markdown or a saved web page) into a Guide.

One parser for every layout: the page becomes blocks (`blocks`, `webpage`), the blocks are grouped
by their headings (`pages`, vocabulary in `headings`), and each section is read into its Guide
field (`lists`, `figures`, `credentials`, `sections`). The built-in Himalayas-style guide is one
such layout. A title and at least one responsibility or skill are required; every other section
may be missing.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

from appkit.errors import InputError, Problem
from appkit.guide import credentials, figures, lists
from appkit.guide import extract as ex
from appkit.guide.blocks import Block, markdown_blocks, text_blocks
from appkit.guide.model import Guide
from appkit.guide.pages import Sections, split_page
from appkit.guide.roletitle import role_from_heading
from appkit.guide.sections import (
    faq,
    is_fact_label,
    key_facts,
    paragraphs,
    salary_levels,
    soft_skill,
)
from appkit.loading.read import validate_data

_PAGE_TITLE = re.compile(r"[^|\n]{10,150} \| [A-Z][\w .-]{1,40}")
_MARKDOWN = re.compile(r"^#{1,6} \S|\]\(https?:|^\|?\s*:?-{3,}:?\s*\|", re.M)
_SUMMARY_BAD = re.compile(r"\s[\u00b7|\u2022]\s")


def _page_title(text: str) -> tuple[str, str | None]:
    """Split off a trailing page title ('How to Become ... | Himalayas'), used as the source."""
    body = text.rstrip()
    last = body.rsplit("\n", 1)[-1].strip()
    if _PAGE_TITLE.fullmatch(last):
        return body[: len(body) - len(last)], last
    return text, None


_lines = lists.lines_of


def _summary(sec: Sections, split: bool) -> str:
    """The page's opening paragraph (a real sentence), else the overview's first paragraph."""
    preamble = [
        p
        for p in lists.prose(sec.get("preamble"), split)
        if p.endswith((".", "!", "?")) and not _SUMMARY_BAD.search(p)
    ]
    long = [p for p in preamble if len(p.split()) >= 8]
    overview = lists.prose(sec.get("overview"), split)
    short = [p for p in preamble if len(p.split()) >= 3]
    return (long or overview or short or [""])[0]


def _key_facts(sec: Sections) -> dict[str, Any]:
    block = sec.get("key_facts")
    himalayas = any(is_fact_label(b.text) for b in block if b.kind != "row")
    facts: dict[str, Any] = key_facts(_lines(block)) if himalayas else {}
    pays = sec.get("salary", "salary_levels")
    found = figures.pay(block, pays)
    found["growth_outlook"] = figures.outlook(sec.get("outlook"), pays + block)
    found.update(figures.facts(block + pays + sec.get("outlook")))
    for key, value in found.items():
        if value and not facts.get(key):
            facts[key] = value
    return facts


def _skills(sec: Sections, split: bool) -> tuple[list[Any], list[Any]]:
    technical = lists.named(sec.get("technical_skills"), split)
    soft = lists.named(sec.get("soft_skills"), split)
    for entry in lists.named(sec.get("skills"), split):
        (technical if lists.is_technical(entry) else soft).append(entry)
    return (
        [_technical(t) for t in technical],
        [soft_skill(s) for s in soft],
    )


def _technical(text: str) -> dict[str, Any]:
    """A technical skill's fields; text the model refuses is left for validate_data to report."""
    try:
        return ex.technical_skill(text).model_dump()
    except ValidationError:
        return {"name": text}


def _certifications(sec: Sections) -> list[Any]:
    section = sec.get("certifications")
    kept = [
        p
        for key, blocks in sec.blocks.items()
        if key not in ("drop", "toc")
        for p in paragraphs(_lines(blocks))
    ]
    items = [b for b in section if b.kind == "item"]
    if not items:  # a list saved as text: 'AWS Certified Cloud Practitioner', 'Name (ACR), ...'
        items = [b for b in section if b.kind == "line" and credentials.is_listed(b.text)]
    listed = [credentials.from_item(b.text) for b in items]
    found = [c for c in listed if c is not None]
    if not found:
        context = sec.get("certifications", "education", "education_training", "steps")
        found = credentials.from_prose(paragraphs(_lines(context)))
    merged = credentials.merge(ex.certifications(kept), found)
    return [c.model_dump() for c in merged]


def _fallback_title(blocks: list[Block]) -> str | None:
    for block in blocks:
        if block.kind in ("heading", "line") and re.match(
            r"\W*(?:what is an?|how to become an?)\s", block.text, re.I
        ):
            role = role_from_heading(block.text.lstrip("#* "))
            if role:
                return role
    return None


def _required(title: str | None, data: dict[str, Any], sec: Sections, file: str) -> None:
    problems = []
    if not title:
        problems.append(
            Problem(
                file,
                None,
                "title",
                "no title found (expected a heading naming the role, such as '<Role> Career "
                "Guide', 'How to Become a <Role>', or the page's main heading)",
            )
        )
    if not (data["responsibilities"] or data["technical_skills"] or data["soft_skills"]):
        keys = [k for k in sec.blocks if k not in ("preamble", "drop", "toc", "skip")]
        found = ", ".join(k.replace("_", " ") for k in keys) or "none"
        problems.append(
            Problem(
                file,
                None,
                "responsibilities",
                "no responsibilities or skills found (expected a section such as 'Duties', "
                f"'Key Responsibilities', 'Tasks' or 'Skills' with items; sections found: {found})",
            )
        )
    if problems:
        raise InputError(problems)


def parse_guide_blocks(
    blocks: list[Block],
    file: str = "<guide>",
    source: str | None = None,
    extra_titles: list[str] | None = None,
    split_lines: bool = False,
) -> Guide:
    """Read a page's blocks into a validated Guide (see the module docstring)."""
    sec = split_page(blocks, extra_titles, plain=split_lines)
    title = sec.title or _fallback_title(blocks)
    get = sec.get
    responsibilities = lists.entries(get("responsibilities"), split_lines)
    overview = get("overview")
    if not responsibilities:  # 'What does a X do?' answered with a list of duties
        responsibilities = [b.text for b in overview if b.kind == "item"]
        overview = [b for b in overview if b.kind != "item"]
    technical, soft = _skills(sec, split_lines)
    tools, tools_text = lists.tools(get("tools"))
    education = lists.education(get("education"), split_lines)
    training = lists.prose(get("education_training"), split_lines)
    if not education and training:
        education, training = lists.education(get("education_training"), split_lines), []
    levels = lists.levels(get("career_levels"))
    levels = levels or figures.career_levels(get("career_levels", "salary", "salary_levels"))
    explicit = salary_levels(lists.lines_of(get("salary_levels"), rows=True))
    data = {
        "title": title,
        "source": source,
        "summary": _summary(sec, split_lines),
        "key_facts": _key_facts(sec),
        "overview": [p for p in lists.prose(overview, split_lines) if not p.endswith(":")],
        "responsibilities": responsibilities,
        "work_environment": "\n\n".join(
            p for p in lists.prose(get("work_environment"), split_lines) if not p.endswith(":")
        ),
        "tools_text": tools_text,
        "tools": tools,
        "education": education,
        "technical_skills": technical,
        "soft_skills": soft,
        "knowledge": lists.knowledge(lists.named(get("knowledge"), split_lines)),
        "steps": lists.step_list(get("steps"), split_lines),
        "education_training": training,
        "salary_levels": explicit or figures.salary_levels(get("salary", "salary_levels")),
        "market_commentary": paragraphs(_lines(get("market_commentary"))),
        "career_levels": levels,
        "pros": lists.entries(get("pros"), split_lines),
        "cons": lists.entries(get("cons"), split_lines),
        "faq": faq(_lines(get("faq"))),
        "related_careers": lists.related(get("related_careers")),
        "challenges": paragraphs(_lines(get("challenges"))),
        "growth_opportunities": paragraphs(_lines(get("growth_opportunities"))),
        "certifications": _certifications(sec),
    }
    _required(title, data, sec, file)
    return validate_data(data, None, Guide, file)


def parse_guide_text(
    text: str, file: str = "<guide>", source: str | None = None, markdown: bool | None = None
) -> Guide:
    """Parse a career-guide page saved as plain text or Markdown into a validated Guide."""
    text, page_title = _page_title(text.replace("\r\n", "\n").replace("\r", "\n"))
    if markdown is None:  # a .txt file written in Markdown: headings, links or a table rule
        markdown = len(_MARKDOWN.findall(text)) >= 2
    blocks = markdown_blocks(text) if markdown else text_blocks(text)
    return parse_guide_blocks(blocks, file, source or page_title, split_lines=not markdown)


def parse_guide_html(html: str, file: str = "<guide>", source: str | None = None) -> Guide:
    """Parse a saved web page (HTML) into a validated Guide."""
    from appkit.guide.webpage import html_page  # lxml.html only when a web page is read

    page = html_page(html)
    extra = [page.title] if page.title else []
    return parse_guide_blocks(page.blocks, file, source or page.url or page.title, extra)
