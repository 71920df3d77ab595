"""The parsed form of the HTML subset: runs of text, paragraphs (Blocks), the whole document.

`collapse` applies a browser's whitespace rules across the runs of one paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Block", "ParsedDoc", "Run", "collapse"]

_WS = re.compile(r"[ \t\n\r\f]+")


@dataclass(frozen=True)
class Run:
    """A piece of text with its formatting; ``brk`` marks a line break."""

    text: str = ""
    bold: bool = False
    italic: bool = False
    href: str | None = None
    brk: bool = False
    sep: bool = False  # a visual separator (``<span class="sep">``): plain text rewrites it
    style: str | None = None  # Word character style from the span's class ("Tag", "Status ...")


@dataclass
class Block:
    """One Word paragraph: its style, runs, and the runs of a right-aligned date."""

    style: str
    runs: list[Run] = field(default_factory=list)
    date: list[Run] = field(default_factory=list)
    list_id: int | None = None  # which <ol> a List Number item belongs to (for restarts)
    is_item: bool = False
    classes: frozenset[str] = frozenset()  # the paragraph element's classes ("contact", ...)
    keep: int | None = None  # paragraphs of one `break-inside: avoid` element share a number


@dataclass
class ParsedDoc:
    """Metadata and paragraphs of one HTML document."""

    title: str = ""
    author: str = ""
    keywords: str = ""
    description: str = ""
    lang: str = ""
    date: str = ""
    blocks: list[Block] = field(default_factory=list)


def collapse(runs: list[Run]) -> list[Run]:
    """Collapse whitespace across runs like a browser; trim at line starts and ends."""
    out: list[Run] = []
    at_space = True  # at a line start or after a space
    for run in runs:
        if run.brk:
            _trim_end(out)
            out.append(run)
            at_space = True
            continue
        text = _WS.sub(" ", run.text)
        if at_space:
            text = text.lstrip(" ")
        if text:
            out.append(_with_text(run, text))
            at_space = text.endswith(" ")
    _trim_end(out)
    return out


def _trim_end(runs: list[Run]) -> None:
    """Remove trailing spaces from the last text runs (before a break or the end)."""
    while runs and not runs[-1].brk:
        text = runs[-1].text.rstrip(" ")
        if text:
            runs[-1] = _with_text(runs[-1], text)
            return
        runs.pop()


def _with_text(run: Run, text: str) -> Run:
    """``run`` with ``text`` (`dataclasses.replace`, without its per-call field inspection,
    which was a tenth of parsing a resume)."""
    if text == run.text:
        return run
    return Run(text, run.bold, run.italic, run.href, brk=run.brk, sep=run.sep, style=run.style)
