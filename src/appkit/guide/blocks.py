"""A career-guide page as blocks: headings, lines, list items and table rows, from text or Markdown.

Every source format (plain text saved from a browser, Markdown, a saved web page via `webpage`)
becomes the same list of `Block`s, so that one sectioning step (`pages`) reads them all. Site
chrome that can be told from a single line (skip links, share bars, "Was this page helpful?",
bylines, "Show all 29 tasks", navigation bars) is dropped here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from appkit.guide.sections import Line


@dataclass(frozen=True)
class Block:
    """One block of a page: kind is heading, line, item, row, rule or blank."""

    kind: str
    text: str = ""
    level: int = 0  # heading level 1-6; 0 for a plain-text line that may be a heading
    cells: tuple[str, ...] = ()
    header: bool = False  # a table's header row
    number: int = 0  # line number in the source, where known

    def line(self) -> Line:
        """The block as a `sections.Line` (rows read as their cells joined)."""
        return Line(self.text, self.kind == "item", self.number)


BLANK = Block("blank")
_BULLET = re.compile(
    r"^(?:[\u2022\u25cf\u25aa\u2023\u25e6\u00b7*+\-\u2013\u2713\u2714\u27a2\u25ba\u25b8]|\d{1,2}[.)])\s+"
)
_LONE_NUMBER = re.compile(r"^\d{1,2}[.)]?$")
_RULE_LINE = re.compile(r"[=\-_*~\u2500\u2014]{3,}")
_SPLIT = re.compile(r"\t+|\s{2,}")
_VALUE = re.compile(r"[$+\-]?[\d,.]+[%kK]?(?:\s*/\s*\$?[\d,.]+)?|\d\d-\d{4}(?:\.\d\d)?")
_DATE = r"(?:on\s+)?:?\s*(?:\w+\.? \d|\d)"
_CHROME = re.compile(
    r"^(?:skip to\b|skip navigation|jump to\b|sponsored\b|advertisement\b|advertising disclosure"
    r"|was this (?:page|article|guide|post|information) helpful"
    rf"|(?:last )?(?:modified|updated|reviewed|published){_DATE}|last (?:modified|reviewed)\b"
    r"|written by\b|reviewed by\b|medically reviewed|by the .{0,30}(?:team|staff|editors)$"
    r"|related\s*:|see also\s*:|read (?:more|next)\b[^.]{0,40}$|also read\b"
    r"|you (?:may|might) also like|\d+ of \d+ displayed|(?:show|see|view) (?:all|more)\b[^.]{0,40}$"
    r"|\d+ more$|share(?: this(?: page| article| guide| post)?)?\s*(?::|$)|share (?:on|via) \w+"
    r"|follow us\b|click to (?:share|print|email)\b|print(?: this(?: page| article)?)?$"
    r"|print\s*[|\u00b7]|home\s*[\u203a\u00bb>/|]|you are here\b|cookie settings"
    r"|(?:suggested )?citation\s*:|cite this\b|back to top|by subscribing\b|privacy policy$"
    r"|(?:this (?:web)?site|we) uses? cookies|we and our partners use cookies|got it!?$|decline$"
    r"|accept(?: all)?(?: cookies)?$|manage (?:preferences|cookies)|read our (?:privacy|cookie))",
    re.I,
)
_CTA = re.compile(
    r"^(?:ready to|want to|need help|get started|sign up|sign in|log in|subscribe|apply now"
    r"|looking for (?:a |new )?(?:[\w-]+ )?jobs?\b"
    r"|download (?:the |our |a |this )?(?:pdf|app|guide|report|brochure|checklist)"
    r"|book a (?:free |demo|call|consultation|tour|info)|create (?:my|your) (?:resume|cv|account)"
    r"|build your (?:resume|cv)|find (?:a|your) (?:program|school|job)|request information)\b",
    re.I,
)
_COPYRIGHT = re.compile(r"\u00a9|\(c\)\s*\d{4}|all rights reserved", re.I)
_CRUMBS = re.compile(
    r"[\u203a\u00bb>].*[\u203a\u00bb>]|\s/\s.*\s/\s|^home\s*/\s|^(?:[\w&'-]+ ){0,3}[\w&'-]+\s*"
    r"[\u203a\u00bb]\s*(?:[\w&'-]+ ?){1,4}$",
    re.I,
)


def is_chrome(text: str, bullet: bool = False, cells: tuple[str, ...] = ()) -> bool:
    """True for a line of site chrome: navigation, share bars, bylines, calls to action."""
    text = re.sub(r"^[^\w(\"'$\u201c]+", "", text)  # '📌 Related: ...'
    if _CHROME.match(text) or _COPYRIGHT.search(text) or _CRUMBS.search(text):
        return True
    if not bullet and _CTA.match(text):
        return True
    segments = [s for s in re.split(r"\t+|\s{2,}|\s[|\u00b7\u2022]\s", text) if s.strip()]
    segments = list(cells) if len(cells) > len(segments) else segments
    return len(segments) >= 3 and all(
        len(s.split()) <= 4 and not re.search(r"[\d:.,;?]", s) for s in segments
    )


def _cells(text: str) -> tuple[str, ...]:
    return tuple(c.strip() for c in _SPLIT.split(text.strip()) if c.strip())


def _is_value(cell: str) -> bool:
    return bool(_VALUE.fullmatch(cell.strip()))


def mark_tables(blocks: list[Block]) -> list[Block]:
    """Runs of two or more lines with the same number of cells (>= 2) become table rows.

    A browser saving a table as text may put a blank line between rows; the run goes on.
    """
    out = list(blocks)
    filled = [i for i, b in enumerate(out) if b.kind != "blank"]
    n = 0
    while n < len(filled):
        count = len(out[filled[n]].cells) if out[filled[n]].kind == "line" else 0
        m = n
        while (
            m < len(filled)
            and out[filled[m]].kind == "line"
            and len(out[filled[m]].cells) == count >= 2
        ):
            m += 1
        if m - n >= 2:
            first = out[filled[n]]
            header = count >= 3 and not any(_is_value(c) for c in first.cells)
            for k in filled[n:m]:
                b = out[k]
                out[k] = Block("row", b.text, 0, b.cells, header and k == filled[n], b.number)
            n = m
        else:
            n += 1
    return out


def text_blocks(text: str) -> list[Block]:
    """Plain text: one block per line; bullets become items; headings are found later."""
    blocks: list[Block] = []
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.replace("\u00a0", " ").strip().lstrip("\ufeff")
        if not stripped or _RULE_LINE.fullmatch(stripped):  # '-----' under a heading, a rule
            blocks.append(Block("blank", number=number))
            continue
        if _LONE_NUMBER.match(stripped):
            continue
        bullet = bool(_BULLET.match(stripped))
        body = _BULLET.sub("", stripped) if bullet else stripped
        cells = _cells(body) if not bullet else ()
        body = re.sub(r"\s+", " ", body).strip()
        blocks.append(Block("item" if bullet else "line", body, 0, cells, False, number))
    return mark_tables(blocks)


_ATX = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_ANCHOR = re.compile(r"\s*\{#[^}]*\}\s*$")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_HR = re.compile(r"^(?:-\s*){3,}$|^(?:\*\s*){3,}$|^(?:_\s*){3,}$")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")
_BOLD_LEAD = re.compile(r"^(?:\*\*|__)(.+?)(?:\*\*|__)\s*(?:([:.\u2013\u2014-])\s*)?(.*)$")


def lead(name: str, rest: str, separated: bool) -> str:
    """'**Name.** rest' -> 'Name: rest' when the bold name is a label; otherwise the plain text."""
    name = name.strip()
    if rest and (separated or name.endswith((":", "."))):
        return f"{name.rstrip(':.').strip()}: {rest}"
    return f"{name} {rest}".strip()


def _inline(text: str) -> str:
    """Markdown inline markup removed: images, links, emphasis, code, anchors."""
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    match = _BOLD_LEAD.match(text)
    if match:
        text = lead(match[1], match[3], bool(match[2]))
    text = text.replace("**", "").replace("__", "").replace("`", "")
    if len(text) > 2 and text[0] == text[-1] and text[0] in "*_":
        text = text[1:-1]
    return re.sub(r"\s+", " ", text).strip()


def _link_only(raw: str) -> bool:
    """A line made of links (and separators) only: navigation, 'See all tasks', 'Print | Email'."""
    if "](" not in raw:
        return False
    rest = _LINK.sub("", _IMAGE.sub("", raw))
    return not re.sub(r"[\s|\u00b7\u2022,.:;/()\d\-*_]+", "", rest)


def markdown_blocks(text: str) -> list[Block]:
    """Markdown: ATX and setext headings, bullets, pipe tables, rules; inline markup removed."""
    lines = text.split("\n")
    blocks: list[Block] = []
    for number, raw in enumerate(lines, start=1):
        stripped = raw.replace("\u00a0", " ").strip().lstrip("\ufeff")
        while stripped.startswith(">"):
            stripped = stripped[1:].strip()
        if not stripped:
            blocks.append(Block("blank", number=number))
            continue
        setext = _SETEXT.match(stripped)
        previous = blocks[-1] if blocks else BLANK
        if setext and previous.kind == "line" and not previous.cells:
            blocks[-1] = Block(
                "heading", previous.text, 1 if "=" in stripped else 2, (), False, number
            )
            continue
        if _HR.match(stripped):
            blocks.append(Block("rule", number=number))
            continue
        if _TABLE_RULE.match(stripped):
            if previous.kind == "row":
                blocks[-1] = Block("row", previous.text, 0, previous.cells, True, previous.number)
            continue
        atx = _ATX.match(stripped)
        if atx:
            title = _inline(_ANCHOR.sub("", atx[2]))
            blocks.append(Block("heading", title, len(atx[1]), (), False, number))
            continue
        if stripped.startswith("|") and stripped.count("|") >= 2:
            cells = tuple(_inline(c) for c in stripped.strip("|").split("|"))
            blocks.append(Block("row", " ".join(c for c in cells if c), 0, cells, False, number))
            continue
        bullet = bool(_BULLET.match(stripped)) and not stripped.startswith("**")
        body = _BULLET.sub("", stripped) if bullet else stripped
        if not bullet and _link_only(body):
            continue
        body = _inline(_ANCHOR.sub("", body))
        if body:
            blocks.append(Block("item" if bullet else "line", body, 0, (), False, number))
    return blocks
