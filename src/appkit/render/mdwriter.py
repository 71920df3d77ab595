"""HTML subset → Markdown (CommonMark) for editing: headings, lists, bold, italics and links.

Text stays exactly as written (typographic quotes and dashes included); only characters Markdown
would read as markup are escaped. Separators keep their " · ", dates follow their entry after one.
"""

from __future__ import annotations

import re

from appkit.render.htmlsubset import Run
from appkit.render.plainblocks import PlainBlock, plain_blocks, run_lines

__all__ = ["escape_markdown", "render_markdown"]

SEPARATOR = " · "
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>~])")
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])(?=\s|$)")
_HEADING_MARKS = {"title": "# ", "section": "## ", "entry": "### "}


def escape_markdown(text: str) -> str:
    """Escape what Markdown would read as emphasis, code, links, HTML or tables."""
    return _INLINE_SPECIAL.sub(r"\\\1", text)


def _link_target(href: str) -> str:
    """A link destination Markdown cannot misread (spaces and parentheses encoded)."""
    return href.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C")


def _styled(run: Run) -> str:
    text = escape_markdown(run.text)
    core = text.strip(" ")
    if not core:
        return text
    lead, trail = text[: len(text) - len(text.lstrip(" "))], text[len(text.rstrip(" ")) :]
    if run.bold and run.italic:
        core = f"***{core}***"
    elif run.bold:
        core = f"**{core}**"
    elif run.italic:
        core = f"*{core}*"
    if run.href:
        core = f"[{core}]({_link_target(run.href)})"
    return lead + core + trail


def _inline(runs: list[Run]) -> list[str]:
    """The runs as Markdown lines (a <br> starts a new line)."""
    return run_lines(runs, _styled, SEPARATOR)


def _block_text(item: PlainBlock) -> str:
    lines = _inline(item.block.runs)
    date = " ".join(_inline(item.block.date))
    if date:
        lines[-1] = f"{lines[-1]}{SEPARATOR}{date}" if lines[-1] else date
    if item.kind in _HEADING_MARKS:  # a heading is one line
        return _HEADING_MARKS[item.kind] + " ".join(line for line in lines if line)
    lines = [_LINE_START.sub(r"\1\\\2", line) for line in lines]
    if item.kind == "item":
        marker = f"{item.number}. " if item.number is not None else "- "
        indent = " " * len(marker)
        return marker + ("\\\n" + indent).join(lines)
    return "\\\n".join(lines)


def render_markdown(html: str) -> bytes:
    """Render appkit's HTML subset to UTF-8 Markdown."""
    _parsed, blocks = plain_blocks(html)
    parts: list[str] = []
    for item in blocks:
        text = _block_text(item)
        if not text.strip():
            continue
        if parts and (item.blank_before or item.kind != "item"):
            parts.append("")
        parts.append(text)
    return ("\n".join(parts).strip("\n") + "\n").encode("utf-8")
