"""What the plain-text and Markdown writers share: the parsed HTML subset as a flowing document.

Both walk the same `appkit.render.htmlsubset` blocks the DOCX writer walks, so the three formats
carry the same words in the same order as the PDF. Page furniture (running footers, page numbers)
lives in the theme's CSS, never in the HTML, so it never reaches these formats.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from appkit.render.htmlsubset import Block, ParsedDoc, Run, parse_html

__all__ = ["PlainBlock", "plain_blocks"]

TITLE, SECTION, ENTRY = "Title", "Heading 1", "Heading 2"
NUMBERED = "List Number"
# Paragraphs that belong to the block above them: the masthead's headline and contact line, and an
# entry's "organization · place" line under its title.
_GLUED_CLASSES = frozenset({"headline", "contact", "where"})


@dataclass(frozen=True)
class PlainBlock:
    """One parsed paragraph and how it sits in a flowing document."""

    block: Block
    kind: str  # "title", "section", "entry", "item" or "paragraph"
    number: int | None  # the item's number in an <ol>, else None
    blank_before: bool  # separated from the previous block by an empty line


def _kind(block: Block) -> str:
    if block.is_item:
        return "item"
    if block.style == TITLE:
        return "title"
    if block.style == SECTION:
        return "section"
    if block.style.startswith("Heading"):
        return "entry"
    return "paragraph"


def plain_blocks(html: str) -> tuple[ParsedDoc, Iterator[PlainBlock]]:
    """The document's metadata, and its blocks with their kind, list number and spacing."""
    parsed = parse_html(html)
    return parsed, _walk(parsed.blocks)


def _walk(blocks: list[Block]) -> Iterator[PlainBlock]:
    counters: dict[int, int] = {}
    previous: Block | None = None
    for block in blocks:
        kind = _kind(block)
        number = None
        if kind == "item" and block.style == NUMBERED:
            key = block.list_id if block.list_id is not None else -1
            counters[key] = number = counters.get(key, 0) + 1
        glued = previous is not None and (
            (kind == "item" and previous.is_item)
            or (kind == "paragraph" and bool(block.classes & _GLUED_CLASSES))
            or (kind == "paragraph" and _kind(previous) == "entry")
        )
        yield PlainBlock(block, kind, number, previous is not None and not glued)
        previous = block


def run_lines(runs: list[Run], text_of: Callable[[Run], str], separator: str) -> list[str]:
    """Runs as lines, each written by `text_of`: a <br> starts a new line, a separator span
    becomes `separator`, and whitespace (non-breaking spaces too) collapses to single spaces."""
    lines = [""]
    for run in runs:
        if run.brk:
            lines.append("")
        elif run.sep:
            lines[-1] = lines[-1].rstrip() + separator
        else:
            lines[-1] += text_of(run)
    return [" ".join(line.split()) for line in lines]
