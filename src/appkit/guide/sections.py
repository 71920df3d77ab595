"""Lines of guide and posting text: clean one line, then turn a section into model data.

Shared by the career-guide parser (`text`) and the posting parser (`posting`): paragraphs, items,
facts, levels, FAQ.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from appkit.guide.extract import money


@dataclass(frozen=True)
class Line:
    """One cleaned line of a guide: text without markup, whether it was a bullet, its number."""

    text: str
    bullet: bool = False
    number: int = 0


_BULLET = re.compile(r"^(?:[\u2022\u25cf\u25aa\u2023\u25e6\u00b7*+\-\u2013]|\d{1,2}[.)])\s+")
_LONE_NUMBER = re.compile(r"^\d{1,2}[.)]?$")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def clean_line(raw: str, number: int) -> Line | None:
    """Strip indentation, bullets and Markdown markup; None for lines that carry nothing."""
    text = raw.replace("\t", " ").strip().lstrip("\ufeff")
    text = _MD_HEADING.sub("", text)
    bullet = bool(_BULLET.match(text))
    text = _BULLET.sub("", text)
    text = _LINK.sub(r"\1", text).replace("**", "").replace("__", "").replace("`", "")
    if len(text) > 2 and text[0] == text[-1] and text[0] in "*_":
        text = text[1:-1]
    text = re.sub(r"\s+", " ", text).strip()
    if _LONE_NUMBER.match(text) or _TABLE_RULE.match(text):
        return None
    return Line(text, bullet, number)


_FACT_LABELS = {
    "median salary": "median",
    "salary range": "range",
    "range": "range",
    "growth outlook": "growth",
    "job outlook": "growth",
    "annual openings": "openings",
    "top industries": "industries",
    "typical education": "education",
}


def is_fact_label(text: str) -> bool:
    """A key-facts label on a line of its own ('Median Salary', 'Top Industries')."""
    return text.rstrip(":").strip().lower() in _FACT_LABELS


_YEARS = re.compile(
    r"(\d+)\s*(?:-|\u2013|\u2014|to)\s*(\d+)\s+years?\b.*|(\d+)\+\s*years?\b.*", re.I
)
_STEP = re.compile(r"step\s+(\d+)\b\s*[:.\-\u2013\u2014]?\s*(.*)", re.I)
_FOCUS = re.compile(r"key focus areas?:?|focus areas?:?", re.I)
_NAV = re.compile(r"explore (?:the )?career guide|view examples|learn more|read more", re.I)
_COLON = re.compile(r"^([^:]{2,80}?)\s*(?::|\s[\u2013\u2014-]\s)\s*(.+)$")
# 'Start on the sales floor. Most store managers began ...': a short first sentence as the title.
_FIRST_SENTENCE = re.compile(r"^((?:\S+\s+){1,11}?\S+)[.!]\s+([A-Z].*)$")


def paragraphs(lines: list[Line]) -> list[str]:
    """Blank-line separated paragraphs (wrapped lines joined); each bullet is its own paragraph."""
    out: list[str] = []
    current: list[str] = []
    for line in lines:
        if not line.text or line.bullet:
            if current:
                out.append(" ".join(current))
                current = []
            if line.bullet:
                out.append(line.text)
            continue
        current.append(line.text)
    if current:
        out.append(" ".join(current))
    return out


def items(lines: list[Line]) -> list[str]:
    """List items: the bullets (with continuation lines), or the paragraphs when there are none."""
    if not any(line.bullet for line in lines):
        return paragraphs(lines)
    out: list[str] = []
    open_item = False
    for line in lines:
        if line.bullet:
            out.append(line.text)
            open_item = True
        elif line.text and open_item:
            out[-1] = f"{out[-1]} {line.text}"
        else:
            open_item = False
    return out


def soft_skill(text: str) -> dict[str, str | None]:
    """'Organizational Skills: Essential for ...' -> name and description."""
    match = _COLON.match(text)
    if match:
        return {"name": match[1].strip(), "description": match[2].strip()}
    return {"name": text, "description": None}


def key_facts(lines: list[Line]) -> dict[str, Any]:
    """The 'Key Facts & Statistics' block: median salary with source, range, outlook, industries."""
    groups: dict[str, list[str]] = {}
    current = "median"
    for line in lines:
        if not line.text:
            continue
        label, _, rest = line.text.partition(":")
        key = _FACT_LABELS.get(line.text.rstrip(":").lower()) or (
            _FACT_LABELS.get(label.lower()) if rest else None
        )
        if key == "range":  # 'Range: $65k - ...' belongs to the salary block, kept whole
            groups.setdefault("range", []).append(rest.strip())
            continue
        if key:
            current = key
            groups.setdefault(key, [])
            if rest.strip() and line.text.rstrip(":").lower() not in _FACT_LABELS:
                groups[key].append(rest.strip())
            continue
        groups.setdefault(current, []).append(line.text)
    median_lines = groups.get("median", [])
    amounts = [money(t) for t in median_lines]
    first = next((i for i, found in enumerate(amounts) if found), None)
    source = [t for i, t in enumerate(median_lines) if i != first]
    return {
        "median_salary": amounts[first][0] if first is not None else None,
        "median_salary_source": " ".join(t.strip("()") for t in source) or None,
        "salary_range": " ".join(groups.get("range", [])) or None,
        "growth_outlook": " ".join(groups.get("growth", [])) or None,
        "annual_openings": " ".join(groups.get("openings", [])) or None,
        "top_industries": groups.get("industries", []),
        "typical_education": " ".join(groups.get("education", [])) or None,
    }


def salary_levels(lines: list[Line]) -> list[dict[str, Any]]:
    """'Junior Clinical Coordinator$55k USD$58k USD' (or a table row) -> level, median, average."""
    rows = []
    for line in lines:
        amounts = money(line.text)
        level = line.text.split("$", 1)[0].strip(" |\t")
        if amounts and level:
            average = amounts[1] if len(amounts) > 1 else None
            rows.append({"level": level, "median": amounts[0], "average": average})
    return rows


def career_levels(lines: list[Line]) -> list[dict[str, Any]]:
    """Levels as 'Title' + '0-2 years' + description + 'Key Focus Areas' + focus text."""
    filled = [i for i, line in enumerate(lines) if line.text]
    starts = [
        (filled[n - 1], i)
        for n, i in enumerate(filled)
        if n > 0 and _YEARS.fullmatch(lines[i].text)
    ]
    levels = []
    for n, (title_at, start) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        match = _YEARS.fullmatch(lines[start].text)
        assert match
        low, high, plus = match.groups()
        chunk = lines[start + 1 : end]
        split = next((i for i, line in enumerate(chunk) if _FOCUS.fullmatch(line.text)), len(chunk))
        levels.append(
            {
                "title": lines[title_at].text,
                "years_min": int(plus or low),
                "years_max": None if plus else int(high),
                "description": "\n\n".join(paragraphs(chunk[:split])),
                "focus_areas": "\n\n".join(paragraphs(chunk[split + 1 :])),
            }
        )
    return levels


def steps(lines: list[Line]) -> list[dict[str, str]]:
    """'Step 1' headings with their paragraphs; numbered bullets when there are no step headings."""
    out: list[dict[str, Any]] = []
    body: list[Line] = []
    for line in lines:
        if line.text and _STEP.fullmatch(line.text):
            if out:
                out[-1]["text"] = "\n\n".join(paragraphs(body))
            out.append({"title": line.text, "text": ""})
            body = []
        else:
            body.append(line)
    if out:
        out[-1]["text"] = "\n\n".join(paragraphs(body))
        return out
    bullets = [line.text for line in lines if line.bullet]
    for number, text in enumerate(bullets, start=1):
        match = _COLON.match(text) or _FIRST_SENTENCE.match(text)
        title, rest = (match[1], match[2]) if match else (f"Step {number}", text)
        if not match and len(text.split()) <= 12:
            title, rest = text.rstrip(".!"), ""
        out.append({"title": title, "text": rest})
    return out


def faq(lines: list[Line]) -> list[dict[str, str]]:
    """Questions (lines ending in '?', optionally 'Q:') each followed by their answer paragraphs."""
    out: list[dict[str, Any]] = []
    answer: list[Line] = []
    for line in lines:
        text = re.sub(r"^(?:Q|Question)\s*[:.]\s*", "", line.text)
        if text.endswith("?"):
            if out:
                out[-1]["answer"] = "\n\n".join(paragraphs(answer))
            out.append({"question": text, "answer": ""})
            answer = []
        elif out:
            answer.append(
                Line(re.sub(r"^(?:A|Answer)\s*[:.]\s*", "", text), line.bullet, line.number)
            )
    if out:
        out[-1]["answer"] = "\n\n".join(paragraphs(answer))
    return out


def related_careers(lines: list[Line]) -> list[dict[str, str]]:
    """Career titles (short lines without a full stop) each followed by a description."""
    out: list[dict[str, str]] = []
    for line in lines:
        text = line.text
        if not text or _NAV.fullmatch(text) or (not out and text.endswith(":")):
            continue
        match = _COLON.match(text) if line.bullet else None
        if match:
            out.append({"title": match[1], "description": match[2]})
        elif not text.endswith((".", "!", "?", ":")) and len(text.split()) <= 8:
            out.append({"title": text, "description": ""})
        elif out:
            joined = f"{out[-1]['description']} {text}".strip()
            out[-1]["description"] = joined
    return out
