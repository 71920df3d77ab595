"""Which Word style each template class becomes, so the DOCX keeps the design's named styles.

The templates mark what things are (`<p class="salutation">`, `<span class="status">`); the PDF
styles them with CSS, the DOCX with named Word styles, so a Word user restyles "Salutation" or
"Status Missing" once instead of hunting direct formatting. A `data-style` attribute still wins.
"""

from __future__ import annotations

__all__ = ["CONTAINER_STYLES", "PARAGRAPH_STYLES", "char_style"]

# <p class=…> → paragraph style (first matching class wins, in this order).
PARAGRAPH_STYLES: dict[str, str] = {
    "skill-group": "Hanging Line",
    "line": "Line Item",
    "where": "Entry Detail",
    "headline": "Headline",
    "contact": "Contact",
    "dateline": "Letter Date",
    "recipient": "Inside Address",
    "salutation": "Salutation",
    "signoff": "Closing",
    "signature": "Signature",
}

# A container's class → the style of the plain <p>s inside it (the letter's body paragraphs).
CONTAINER_STYLES: dict[str, str] = {"body": "Body Text"}

# <span class=…> → character style; "status" is refined by its label below.
_CHAR_STYLES: dict[str, str] = {"status": "Status", "tag": "Tag", "sep": "Separator"}
_STATUS_WORDS = (("missing", "Status Missing"), ("partly", "Status Partial"),
                 ("partial", "Status Partial"), ("covered", "Status Covered"))  # fmt: skip


def char_style(classes: set[str]) -> str | None:
    """The character style for an inline element's classes, or None."""
    for name, style in _CHAR_STYLES.items():
        if name in classes:
            return style
    return None


def refine(style: str | None, text: str) -> str | None:
    """A status label's style by what it says: "Missing" → Status Missing (red), ..."""
    if style != "Status":
        return style
    lowered = text.lower()
    return next((named for word, named in _STATUS_WORDS if word in lowered), style)
