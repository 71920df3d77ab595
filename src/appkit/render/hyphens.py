"""Hyphenated words kept whole on PDF lines (see `keep_hyphenated_words`)."""

from __future__ import annotations

import re

__all__ = ["keep_hyphenated_words"]

# A hyphen between two letters or digits ("follow-up", "25-30"), in text outside tags.
_INNER_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")
_TAG_OR_RAW = re.compile(
    r"(<(?:style|script|title)\b.*?</(?:style|script|title)>|<[^>]*>)", re.S | re.I
)
_WORD_JOINER = "\u2060"


def keep_hyphenated_words(html: str) -> str:
    """The HTML with a word joiner after each inner hyphen of its text, for the PDF only.

    A line may break after "follow-", and a parser that rejoins lines then reads "followup" (or
    "follow- up"). U+2060 forbids that break and never reaches the PDF's text layer, so only a
    word longer than the line still wraps (overflow-wrap). The DOCX and text formats keep the
    plain text: Word and readers wrap them themselves.
    """
    parts = _TAG_OR_RAW.split(html)
    for index in range(0, len(parts), 2):  # the even parts are text between tags
        parts[index] = _INNER_HYPHEN.sub("-" + _WORD_JOINER, parts[index])
    return "".join(parts)
