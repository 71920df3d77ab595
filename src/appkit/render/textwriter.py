"""HTML subset → plain text for pasting into applicant portals (ATS-friendly).

ASCII markup only: "- " bullets, " | " between contact items, straight quotes, "-" for dashes, no
tabs, lines of at most 80 columns. Letters are never touched: a name written "José Núñez" stays so,
since an ASCII guess of a person's name is wrong. Dates sit right-aligned on their entry's line.
"""

from __future__ import annotations

import textwrap
import unicodedata

from appkit.render.htmlsubset import Run
from appkit.render.plainblocks import PlainBlock, plain_blocks, run_lines

__all__ = ["WIDTH", "ascii_punctuation", "render_text"]

WIDTH = 80
SEPARATOR = " | "
_PUNCTUATION = str.maketrans(
    {"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "“": '"', "”": '"', "„": '"', "‟": '"',
     "″": '"', "«": '"', "»": '"', "‹": "'", "›": "'", "–": "-", "—": "-", "―": "-", "‒": "-",
     "‐": "-", "‑": "-", "−": "-", "•": "*", "◦": "*", "▪": "*", "●": "*", "·": "-", "…": "...",
     "→": "->", "←": "<-", "×": "x", "\t": " ", "\u00a0": " ", "\u00ad": "", "\u200b": ""}
)  # fmt: skip


def ascii_punctuation(text: str) -> str:
    """Typographic punctuation and spaces as ASCII; letters, marks and digits stay as written."""
    text = text.translate(_PUNCTUATION)
    if text.isascii():
        return text
    out = []
    for char in text:
        if char.isascii() or unicodedata.category(char)[0] in "LMN":
            out.append(char)
            continue
        folded = unicodedata.normalize("NFKC", char)  # thin spaces, ellipsis, ligatures
        out.append(folded if folded.isascii() else char)  # e.g. an emoji: kept, not lost
    return "".join(out)


def _runs_text(runs: list[Run]) -> list[str]:
    """The runs as plain lines (a <br> starts a new line); separators become " | "."""
    return run_lines(runs, lambda run: ascii_punctuation(run.text), SEPARATOR)


def _wrap(text: str, first: str = "", rest: str = "") -> list[str]:
    """``text`` wrapped at WIDTH columns; long words (URLs) are broken rather than overflowing."""
    return textwrap.wrap(
        text,
        WIDTH,
        initial_indent=first,
        subsequent_indent=rest,
        break_on_hyphens=False,
        break_long_words=True,
    ) or ([first.rstrip()] if first.strip() else [])


def _wrap_items(line: str) -> list[str]:
    """A " | "-separated line broken between items where it can (a contact line stays readable)."""
    if SEPARATOR not in line or len(line) <= WIDTH:
        return _wrap(line)
    out: list[str] = []
    current = ""
    for part in line.split(SEPARATOR):
        candidate = f"{current}{SEPARATOR}{part}" if current else part
        if len(candidate) <= WIDTH or not current:
            current = candidate
        else:
            out.append(current + SEPARATOR.rstrip())
            current = part
    out.append(current)
    return [wrapped for piece in out for wrapped in _wrap(piece)]


def _dated(what: str, date: str) -> list[str]:
    """An entry line with its date right-aligned, or the date after " | " when both do not fit."""
    if not date:
        return _wrap_items(what)
    if not what:
        return _wrap(date)
    gap = WIDTH - len(what) - len(date)
    if gap >= 3:
        return [what + " " * gap + date]
    return _wrap(what + SEPARATOR + date)


def _block_lines(item: PlainBlock) -> list[str]:
    block = item.block
    lines = _runs_text(block.runs)
    date = " ".join(_runs_text(block.date))
    if item.kind == "section":
        lines = [line.upper() for line in lines]
    if item.kind == "item":
        marker = f"{item.number}. " if item.number is not None else "- "
        out = _wrap(lines[0], marker, " " * len(marker))
        for line in lines[1:]:
            out += _wrap(line, " " * len(marker), " " * len(marker))
        if date:
            out += _wrap(date, " " * len(marker), " " * len(marker))
        return out
    out = []
    for line in lines[:-1]:
        out += _wrap_items(line)
    out += _dated(lines[-1], date)
    if item.kind == "section":
        out.append("-" * min(WIDTH, max((len(line) for line in out), default=0)))
    return out


def render_text(html: str) -> bytes:
    """Render appkit's HTML subset to UTF-8 plain text with ASCII markup, 80 columns, no tabs."""
    _parsed, blocks = plain_blocks(html)
    lines: list[str] = []
    for item in blocks:
        if item.blank_before:
            lines.append("")
        lines.extend(line.rstrip() for line in _block_lines(item))
    return ("\n".join(lines).strip("\n") + "\n").encode("utf-8")
