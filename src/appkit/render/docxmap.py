"""Which Word style each template class becomes, so the DOCX keeps the design's named styles.

The templates mark what things are (`<p class="salutation">`, `<span class="status">`); the PDF
styles them with CSS, the DOCX with named Word styles, so a Word user restyles "Salutation" or
"Status Missing" once instead of hunting direct formatting. A `data-style` attribute still wins.
"""

from __future__ import annotations

__all__ = [
    "BLOCK_TAGS", "BOLD_LINES", "BOLD_TAGS", "CONTAINER_STYLES", "HEADING_STYLES", "ITALIC_TAGS",
    "LIST_TAGS", "PARAGRAPH_STYLES", "PARAGRAPH_TAGS", "SKIP_TAGS", "char_style", "first_match",
    "known_styles", "refine",
]  # fmt: skip

# What each HTML element becomes (templates/README.md documents the subset).
HEADING_STYLES = {"h1": "Title", "h2": "Heading 1", "h3": "Heading 2", "h4": "Heading 3"}
PARAGRAPH_TAGS = {"p", "h5", "h6", "dt", "dd", "caption", "figcaption", "summary", "pre"}
LIST_TAGS = {"ul": "List Bullet", "ol": "List Number"}
SKIP_TAGS = {
    "head", "title", "meta", "link", "base", "style", "script", "noscript", "template", "img",
    "picture", "source", "svg", "math", "object", "embed", "iframe", "video", "audio", "canvas",
    "input", "select", "textarea", "map", "area", "track",
}  # fmt: skip
BLOCK_TAGS = {
    "html", "body", "div", "section", "header", "footer", "article", "main", "nav", "aside",
    "address", "blockquote", "dl", "figure", "form", "fieldset", "details", "hr", "table",
    "thead", "tbody", "tfoot", "tr", "td", "th", "center",
}  # fmt: skip
BOLD_TAGS = {"strong", "b"}
ITALIC_TAGS = {"em", "i"}

# <p class=…> → paragraph style (first matching class wins, in this order).
PARAGRAPH_STYLES: dict[str, str] = {
    "skill-group": "Hanging Line",
    "line": "Line Item",
    "where": "Entry Detail",
    "headline": "Headline",
    "contact": "Contact",
    "qa": "Question Block",
    "note": "Note",
    "step": "List Continue",
    "dateline": "Letter Date",
    "recipient": "Inside Address",
    "salutation": "Salutation",
    "signoff": "Closing",
    "signature": "Signature",
}

# A container's class → the style of the plain <p>s inside it (the letter's body paragraphs).
CONTAINER_STYLES: dict[str, str] = {"body": "Body Text"}

# Paragraphs whose <strong> is a line of its own in the PDF (`.qa strong { display: block }`).
BOLD_LINES = frozenset({"qa"})

# <span class=…> → character style; "status" is refined by its label below.
_CHAR_STYLES: dict[str, str] = {
    "status": "Status",
    "tag": "Tag",
    "sep": "Separator",
    "prepare": "Prompt",
}
_STATUS_WORDS = (("missing", "Status Missing"), ("partly", "Status Partial"),
                 ("partial", "Status Partial"), ("covered", "Status Covered"))  # fmt: skip


def first_match(styles: dict[str, str], classes: set[str]) -> str | None:
    """The style of the first class in ``styles`` (in its order) that ``classes`` has."""
    return next((style for name, style in styles.items() if name in classes), None)


def char_style(classes: set[str]) -> str | None:
    """The character style for an inline element's classes, or None."""
    return first_match(_CHAR_STYLES, classes)


def refine(style: str | None, text: str) -> str | None:
    """A status label's style by what it says: "Missing" → Status Missing (red), ..."""
    if style != "Status":
        return style
    lowered = text.lower()
    return next((named for word, named in _STATUS_WORDS if word in lowered), style)


def known_styles() -> tuple[frozenset[str], frozenset[str]]:
    """The paragraph and the character styles these maps (and the footer) can name: all a
    document asks for unless its template sets `data-style`."""
    paragraphs = {"Normal", "Footer", *HEADING_STYLES.values(), *PARAGRAPH_STYLES.values(),
                  *CONTAINER_STYLES.values(), *LIST_TAGS.values()}  # fmt: skip
    characters = {"Hyperlink", *_CHAR_STYLES.values(), *(name for _, name in _STATUS_WORDS)}
    return frozenset(paragraphs), frozenset(characters)
