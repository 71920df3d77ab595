"""Section blocks turned into Guide lists: entries, skills, tools, career levels, related careers.

These read any page layout: bulleted lists; plain-text pages whose list items are bare lines
("On the job, you would:" then one duty a line); O*NET-style lines ("Programming - writing
programs", "Web platform development software - React (Hot technology); Vue.js; 31 more");
career paths given as "Title (0-3 years): ...", as "A -> B -> C", or as a table.
"""

from __future__ import annotations

import re
from typing import Any

from appkit.guide import extract as ex
from appkit.guide.blocks import Block
from appkit.guide.sections import (
    Line,
    career_levels,
    items,
    paragraphs,
    related_careers,
    soft_skill,
    steps,
)

_SMALL_END = re.compile(r"\b(?:and|or|the|a|an|of|to|with|for|in|on|by|as)$", re.I)
_DEGREE = re.compile(
    r"\b(?:degree|diploma|GED|bachelor|associate|master|doctor|certificate|education|high school)",
    re.I,
)
_LEAD_IN = re.compile(r":\s*$|\b(?:the following|as follows|these tasks)\.?\s*$", re.I)
_DOTTED = re.compile(r"^((?:[\w'-]+ ){0,4}[\w'-]+)\.\s+([A-Z].{10,})$")


def lines_of(blocks: list[Block], rows: bool = False) -> list[Line]:
    """The blocks as Lines (table rows only when asked)."""
    return [b.line() for b in blocks if rows or b.kind != "row"]


def prose(blocks: list[Block], split_lines: bool) -> list[str]:
    """Paragraphs; in plain text a line that ends a sentence also ends its paragraph."""
    out: list[str] = []
    joinable = False
    for line in lines_of(blocks):
        if not split_lines or line.bullet:
            break
        if not line.text:
            joinable = False
        elif joinable:
            out[-1] = f"{out[-1]} {line.text}"
        else:
            out.append(line.text)
        joinable = bool(line.text) and not line.text.endswith((".", "!", "?", ":"))
    else:
        return out
    return paragraphs(lines_of(blocks))


def _trim_tail(found: list[str]) -> list[str]:
    """Drop closing prose after a list of bare lines ('Most nurses work as part of a team.')."""
    if len(found) >= 4 and not any(e.endswith(".") for e in found[:3]):
        while found[-1].endswith("."):
            found = found[:-1]
    return found


def entries(blocks: list[Block], split_lines: bool) -> list[str]:
    """List entries: bullets, else (plain text) one entry a line, else paragraphs; no lead-ins."""
    lines = lines_of(blocks)
    if any(line.bullet for line in lines):
        return items(lines)
    rows = [b.cells[0] for b in blocks if b.kind == "row" and not b.header and b.cells]
    if len(rows) >= 2:  # a list laid out as a table ('Task | Importance'): its first column
        return rows
    return _trim_tail([e for e in _unbulleted(lines, split_lines) if not _LEAD_IN.search(e)])


def _unbulleted(lines: list[Line], split_lines: bool) -> list[str]:
    """Paragraphs, or in plain text one entry a line (a wrapped line joins the one before)."""
    if not split_lines:
        return paragraphs(lines)
    out: list[str] = []
    joinable = False
    for line in lines:
        text = line.text
        if not text:
            joinable = False
            continue
        if joinable and out and (text[:1].islower() or _SMALL_END.search(out[-1])):
            out[-1] = f"{out[-1]} {text}"
        else:
            out.append(text)
        joinable = not out[-1].endswith((".", "!", "?", ":"))
    return out


_COURSE = re.compile(r"\b(?:program|course|curriculum|bootcamp|class|module)\w*\b[^:]*:$", re.I)


def education(blocks: list[Block], split_lines: bool) -> list[str]:
    """Education entries: the list, plus any paragraph beside it that names a degree.

    Items that a course outline introduces ('Our 24-week program covers:') are not education.
    """
    lines = lines_of(blocks)
    if not any(line.bullet for line in lines):
        found, outline = [], False
        for entry in _unbulleted(lines, split_lines):
            if _COURSE.search(entry):
                outline = True
                if _DEGREE.search(entry):
                    found.append(entry)
            elif not (outline and len(entry.split()) <= 10 and not entry.endswith(".")):
                outline = False
                if not _LEAD_IN.search(entry):
                    found.append(entry)
        return found
    kept: list[Line] = []
    outline = False
    for line in lines:
        if not line.bullet and line.text:
            outline = bool(_COURSE.search(line.text))
        if not (line.bullet and outline):
            kept.append(line)
    prose = [p for p in paragraphs([x for x in kept if not x.bullet]) if _DEGREE.search(p)]
    return prose + items([x for x in kept if x.bullet])


def named(blocks: list[Block], split_lines: bool) -> list[str]:
    """Skill-like entries: a list, or short lines and 'Name: description' paragraphs (no prose)."""
    lines = lines_of(blocks)
    if any(line.bullet for line in lines):
        return items(lines)
    out = []
    for entry in entries(blocks, split_lines):
        dotted = _DOTTED.match(entry)  # 'Critical-thinking skills. Nurses must assess ...'
        if dotted and soft_skill(entry)["name"] == entry:
            entry = f"{dotted[1]}: {dotted[2]}"
        name = soft_skill(entry)["name"] or ""
        if len(entry.split()) <= 10 or (entry != name and len(name.split()) <= 6):
            out.append(entry)
    return out


def step_list(blocks: list[Block], split_lines: bool) -> list[dict[str, str]]:
    """Steps: 'Step 1' headings or a numbered list; in plain text, three or more bare lines."""
    found = steps(lines_of(blocks))
    if not found and split_lines:
        bare = entries(blocks, split_lines)
        if len(bare) >= 3:
            found = steps([Line(e, True) for e in bare])
    return found


def is_technical(entry: str) -> bool:
    """An unlabelled skill reads as technical when it names tools or examples in parentheses."""
    return "(" in entry or bool(re.search(r"\b[A-Z]{2,}\b|\bsoftware\b|\bsystems?\b", entry))


def knowledge(entries_: list[str]) -> list[dict[str, Any]]:
    return [{"name": str(soft_skill(e)["name"])} for e in entries_]


_MARKER = re.compile(r"\s*\(((?:hot technology|in demand|new|hot)(?:,\s*[^()]*)?)\)", re.I)
_MORE = re.compile(r"^\d+\s+more$|^and \d+ more$", re.I)
_LEGEND = re.compile(r"hot technology|in demand|bright outlook", re.I)
_CATEGORY = re.compile(r"^(.{2,80}?)\s+[\u2014\u2013]\s+(.+)$|^(.{2,80}?)\s+-\s+(.+;.+)$")
_LABEL = re.compile(r"^([^:]{2,40}):\s+(.+,.+)$")


def tools(blocks: list[Block]) -> tuple[list[dict[str, Any]], str]:
    """Tools from 'Category - A; B' or 'Label: A, B' lines or bullets; else named in the prose."""
    found: dict[str, dict[str, Any]] = {}
    prose: list[str] = []
    for block in blocks:
        if block.kind not in ("line", "item"):
            continue
        text = block.text
        match = _CATEGORY.match(text) if (";" in text or "\u2014" in text) else None
        label = _LABEL.match(text)
        if match:
            category, listed = (match[1], match[2]) if match[1] else (match[3], match[4])
            if _LEGEND.fullmatch(category.strip()):
                continue
            names = re.split(r"\s*;\s*", listed)
        elif label:
            category, names = label[1], re.split(r"\s*,\s*(?![^()]*\))", label[2])
        elif block.kind == "item":
            category, names = None, [text]
        else:
            prose.append(text)
            continue
        for name in names:
            name = name.strip(" .")
            hot = bool(_MARKER.search(name))
            name = _MARKER.sub("", name).strip()
            if name and not _MORE.match(name):
                found.setdefault(name.lower(), {"name": name, "category": category, "hot": hot})
    text = "\n\n".join(prose)
    if found:
        return list(found.values()), text
    return [t.model_dump() for t in ex.tools(text)], text


_INLINE_YEARS = re.compile(
    r"^(?P<title>.+?)\s*\((?P<low>\d+)\s*(?:-|\u2013|to)\s*(?P<high>\d+)\s*years?\)|"
    r"^(?P<title2>.+?)\s*\((?P<plus>\d+)\+\s*years?\)",
    re.I,
)
_ARROW = re.compile(r"\s*(?:\u2192|->|\u27f6|\u21d2|>>)\s*")


def levels(blocks: list[Block]) -> list[dict[str, Any]]:
    """Career levels: 'Title' + '0-2 years' lines; 'Title (0-3 years): ...'; 'A -> B'; lists."""
    lines = lines_of(blocks)
    found = career_levels(lines)
    if found:
        return found
    out: list[dict[str, Any]] = []
    for line in lines:
        match = _INLINE_YEARS.match(line.text)
        if match:
            title = match["title"] or match["title2"]
            rest = line.text[match.end() :].lstrip(" :\u2013\u2014-")
            plus = match["plus"]
            out.append(
                {
                    "title": title.strip(),
                    "years_min": int(plus or match["low"]),
                    "years_max": None if plus else int(match["high"]),
                    "description": rest,
                    "focus_areas": "",
                }
            )
    if out:
        return out
    for line in lines:
        parts = [p.strip(" .") for p in _ARROW.split(line.text)]
        if len(parts) >= 3 and all(0 < len(p.split()) <= 6 for p in parts):
            return [_level(p, "") for p in parts]
    for line in lines:
        if line.bullet:
            entry = soft_skill(line.text)
            out.append(_level(str(entry["name"]), entry["description"] or ""))
    return out


def _level(title: str, description: str) -> dict[str, Any]:
    return {"title": title, "years_min": 0, "years_max": None, "description": description}


_CODE = re.compile(r"\d\d-\d{4}(?:\.\d\d)?|bright outlook|in demand|green|new|hot", re.I)


def related(blocks: list[Block]) -> list[dict[str, str]]:
    """Related careers: table rows or code-prefixed lines (title cell first), else title lines."""
    out: list[dict[str, str]] = []
    for block in blocks:
        if block.header or len(block.cells) < 2 or block.kind not in ("row", "line"):
            continue
        cells = [c for c in block.cells if c and not _CODE.fullmatch(c)]
        if cells:
            description = cells[1] if len(cells) > 1 else ""
            out.append({"title": cells[0], "description": description})
    return out or related_careers(lines_of(blocks))
