"""The role a career page names: 'How to Become an Elementary School Teacher' -> the role itself.

Page headings wrap the role in site phrasing ("X Career Guide", "What Does an X Do?", "X: Job
Description, Salary & Schooling"); the patterns here take the role out, drop a trailing acronym
and page-type words, and give it in the singular, as one person holds it.
"""

from __future__ import annotations

import re

_ARTICLE = r"(?:an?\s+|the\s+)?"
_ROLE_PATTERNS = [
    re.compile(r"^(?:the\s+)?(?:complete\s+)?(.+?)\s+career\s+guide\b", re.I),
    re.compile(
        rf"^how\s+to\s+become\s+{_ARTICLE}(.+?)(?:\s+in\s+\d+(?:\s+\w+)?)?\s*(?:[:?|(\u2013\u2014-]|$)",
        re.I,
    ),
    re.compile(rf"^what\s+(?:does|do)\s+{_ARTICLE}(.+?)\s+do\b", re.I),
    re.compile(rf"^what\s+is\s+{_ARTICLE}(.+?)\s*\?", re.I),
    re.compile(rf"^becoming\s+{_ARTICLE}(.+?)\s*(?:[:?|]|$)", re.I),
    re.compile(r"^\d\d-\d{4}(?:\.\d\d)?\s*[-\u2013\u2014:]\s*(.+)$"),
    re.compile(
        r"^(.+?)\s*(?:[:|\u2013\u2014]|\s-\s)\s*(?:job description"
        r"|career (?:guide|path|overview|profile)|salary|duties|what they do|how to become"
        r"|occupation profile|skills|overview)\b",
        re.I,
    ),
    re.compile(
        r"^(.+?)\s+(?:job description|career (?:guide|path|profile|overview)|occupation profile)$",
        re.I,
    ),
]
_ACRONYM_TAIL = re.compile(r"\s*\(([A-Z][A-Za-z0-9&-]{1,8})\)\s*$")


def role_from_heading(text: str) -> str | None:
    """The role a page heading names, if it follows a known pattern: 'How to Become an X' -> X."""
    text = re.sub(r"\s+", " ", text).strip()
    for pattern in _ROLE_PATTERNS:
        match = pattern.match(text)
        if match:
            role = _ACRONYM_TAIL.sub("", match[1].strip(" :-|")).strip()
            if 1 <= len(role.split()) <= 8:
                return tidy_title(role)
    return None


_TITLE_TAIL = re.compile(
    r"\s+(?:job description|career (?:guide|path|profile|overview)|occupation profile"
    r"|salary(?: guide)?|careers?|jobs?)$",
    re.I,
)


_PLURAL_WORD = re.compile(r"[a-z]s\b")


def singular(title: str) -> str:
    """A plural occupation name as one role: 'Dental Hygienists' -> 'Dental Hygienist'."""
    if not _PLURAL_WORD.search(title):
        return title
    # The occupation singulariser (inflect plus O*NET's title words) loads the O*NET index and
    # inflect: imported only for a title that may be plural, so a singular one costs nothing.
    from appkit.guide.titles import singular_title

    return singular_title(title)


def tidy_title(role: str) -> str:
    """The bare role, capitalised, singular: 'store managers job description' -> 'Store Manager'."""
    role = _ACRONYM_TAIL.sub("", role).strip()
    while _TITLE_TAIL.search(role) and len(role.split()) > 1:
        role = _ACRONYM_TAIL.sub("", _TITLE_TAIL.sub("", role)).strip()
    if role == role.lower():
        small = {"and", "or", "of", "in", "for", "the", "a", "an", "to"}
        words = role.split()
        role = " ".join(
            w if (i and w in small) else w[:1].upper() + w[1:] for i, w in enumerate(words)
        )
    return singular(role)
