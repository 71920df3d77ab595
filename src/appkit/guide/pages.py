"""A page's blocks grouped into sections by their headings, and the role title the page names.

Headings are the page's own (Markdown, HTML) or, in plain text, lines that match the vocabulary in
`headings`. A heading the vocabulary does not know ends the section it follows when it is at the
same level or above (so "State & Area Data" does not run into "Pay"), and is kept as text when it
is a sub-heading ("Work Schedules" under "Work Environment"). An inline label such as "Top
skills: A, B" fills a section the page has no heading for. A table of contents is skipped.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from appkit.guide.blocks import Block, is_chrome
from appkit.guide.headings import SKILL_KEYS, heading_key, inline_label
from appkit.guide.roletitle import role_from_heading, tidy_title

_WINDOW = 40  # lines and headings searched for the title
_SOC_LINE = re.compile(r"^(?:O\*NET-)?SOC(?: code)?\s*[:#]?\s*\d\d-\d{4}", re.I)
_NUMBERED = re.compile(r"^(\d{1,2})[.):]\s+(.+)$")
_LIST_SPLIT = re.compile(r"\s*(?:[;\u00b7\u2022|]|,(?![^()]*\)))\s*")


@dataclass
class Sections:
    """A page's title and its blocks by section key, in page order."""

    title: str | None = None
    blocks: dict[str, list[Block]] = field(default_factory=lambda: {"preamble": []})
    headed: set[str] = field(default_factory=set)  # keys opened by a heading of their own

    def get(self, *keys: str) -> list[Block]:
        return [b for key in keys for b in self.blocks.get(key, [])]


def _candidate(block: Block, context: str) -> str | None:
    """The key of a line or item that reads as a heading (plain-text pages have no markup)."""
    text = block.text
    if block.kind not in ("line", "item") or block.cells and len(block.cells) > 1:
        return None
    if len(text) > 90 or len(text.split()) > 12 or text.endswith((".", ",", ";")):
        return None
    if block.kind == "item":
        if len(text.split()) > 5:
            return None
        return heading_key(text, context, strict=True)
    return heading_key(text, context)


def _title(
    blocks: list[Block], extra: list[str], plain: bool = False
) -> tuple[str | None, int | None]:
    """The role title and the index of the block it came from (None when not to be skipped).

    The longest role a heading pattern names near the top wins ('Physical Therapist Assistant'
    over 'PTA'); then a line above an O*NET-SOC code, an <h1>, the <title>, and for plain text
    the short line the page repeats most.
    """
    first_h1: tuple[str, int] | None = None
    first_section: int | None = None
    matches: list[tuple[str, int]] = []
    seen = 0
    for i, block in enumerate(blocks):
        if block.kind not in ("heading", "line") or is_chrome(block.text, cells=block.cells):
            continue
        seen += 1
        if seen > _WINDOW:
            break
        key = heading_key(block.text) if block.kind == "heading" else _candidate(block, "")
        if key not in (None, "toc", "drop") and first_section is None:
            first_section = i
        role = role_from_heading(block.text)
        if role and not role.isupper():
            matches.append((role, i))
            continue
        if block.kind == "heading" and block.level == 1 and first_h1 is None:
            first_h1 = (block.text, i)
        following = next((b for b in blocks[i + 1 :] if b.kind != "blank"), None)
        if block.kind == "line" and following is not None and _SOC_LINE.match(following.text):
            return tidy_title(block.text), i
    if matches:
        role, at = max(matches, key=lambda m: len(m[0].split()))
        heading = heading_key(blocks[at].text)
        before = first_section is None or at <= first_section
        return role, at if before or heading is None else None
    for text in extra:
        role = role_from_heading(text)
        if role:
            return role, None
    if first_h1 is not None:
        text, at = first_h1
        return tidy_title(re.sub(r"\s*\([A-Z][A-Za-z0-9&-]{1,8}\)\s*$", "", text)), at
    for text in extra:  # the <title>'s first part: 'Welder | Careers Site'
        first = re.split(r"\s+[|:\u2013\u2014-]\s+", text.strip())[0]
        if 1 <= len(first.split()) <= 8:
            return tidy_title(first), None
    end = first_section if first_section is not None else len(blocks)
    found = _frequent(blocks[:end], blocks)
    return found or (_first_line(blocks[:end]) if plain else None), None


def _first_line(blocks: list[Block]) -> str | None:
    """Last resort: a plain-text page that opens with a short name ('Phlebotomist')."""
    first = next((b for b in blocks if b.kind != "blank"), None)
    if first is None or first.kind != "line" or is_chrome(first.text):
        return None
    words = first.text.split()
    if 1 <= len(words) <= 6 and not re.search(r"[.:?!|\d]", first.text):
        return tidy_title(first.text)
    return None


def _frequent(early: list[Block], blocks: list[Block]) -> str | None:
    """A short early line whose words the page repeats most (a plain-text page's own title)."""
    body = " ".join(b.text for b in blocks).lower()
    scores: Counter[str] = Counter()
    for block in early:
        text = block.text
        words = text.split()
        if block.kind != "line" or not 1 <= len(words) <= 6 or re.search(r"[.:?!|\u00bb>\d]", text):
            continue
        if is_chrome(text) or text.isupper():
            continue
        stem = text.lower().rstrip("s")
        scores[text] = body.count(stem) + body.count(words[-1].lower().rstrip("s"))
    best = scores.most_common(1)
    return tidy_title(best[0][0]) if best and best[0][1] >= 4 else None


def _heading_keys(blocks: list[Block]) -> set[str]:
    keys: set[str] = set()
    for block in blocks:
        key = heading_key(block.text) if block.kind == "heading" else _candidate(block, "")
        if key:
            keys.add(key)
    if "education_training" in keys:
        keys.add("education")
    return keys


def list_items(text: str) -> list[str]:
    """'A, B and C' / 'A · B · C' / 'A; B' split into items (never inside parentheses)."""
    return [p.strip(" .") for p in _LIST_SPLIT.split(text) if p.strip(" .")]


def split_page(
    blocks: list[Block], extra_titles: list[str] | None = None, plain: bool = False
) -> Sections:
    """Group blocks by section and find the title (from a heading, a line or `extra_titles`).

    `plain`: a plain-text page, whose opening line may be its title even when it is not repeated.
    """
    title, title_at = _title(blocks, extra_titles or [], plain)
    sec = Sections(title=title)
    headed = _heading_keys(blocks)
    current, level, before_toc = "preamble", 0, "preamble"
    listed: set[str] = set()
    for i, block in enumerate(blocks):
        if i == title_at:
            continue
        if block.kind == "heading":
            key = heading_key(block.text, current)
            if current == "steps" and block.level > level and _NUMBERED.match(block.text):
                key = None  # '### 2. Complete a degree' is a step, whatever its words
            if key is None and (current == "preamble" or block.level > level):
                text = block.text
                numbered = _NUMBERED.match(text)
                if current == "steps" and numbered:  # '### 1. Earn a degree' under 'How to become'
                    text = f"Step {numbered[1]}: {numbered[2]}"
                sec.blocks.setdefault(current, []).append(Block("line", text))
                continue
            if key == "toc":
                before_toc, listed = current, set()
            current, level = key or "drop", block.level
            sec.blocks.setdefault(current, [])
            if key:
                sec.headed.add(key)
            continue
        if block.kind == "rule":
            current, level = "drop", 0
            continue
        if block.kind in ("line", "item") and is_chrome(
            block.text, block.kind == "item", block.cells
        ):
            continue
        key = _candidate(block, current)
        if key is not None:
            if current == "toc" and key not in listed:  # an entry of the table of contents
                listed.add(key)
                continue
            if key == "toc":
                listed = set()
                before_toc = current
            current = key
            sec.blocks.setdefault(current, [])
            sec.headed.add(key)
            continue
        if current == "toc" and block.kind == "blank":
            continue
        if current == "toc":  # the entries end at a paragraph, or where a listed section begins
            current = before_toc
        label = inline_label(block.text) if current not in SKILL_KEYS else None
        if label and label[0] not in headed and block.kind != "heading":
            key, rest = label
            parts = list_items(rest)
            if len(parts) < 2 or any(len(p.split()) > 6 for p in parts):
                parts = [rest]
            kind = "item" if len(parts) > 1 else "line"
            target = sec.blocks.setdefault(key, [])
            target += [Block(kind, p, 0, (), False, block.number) for p in parts] + [Block("blank")]
            if block.text.endswith(":"):
                current = key
            continue
        sec.blocks.setdefault(current, []).append(block)
    return sec
