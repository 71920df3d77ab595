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


_KEEP_PLURAL = re.compile(
    r"(?:sales|operations|logistics|economics|relations|services|affairs|communications|systems"
    r"|analytics|mathematics|statistics|physics|graphics|news|arts|sciences|works|resources"
    r"|series|species|headquarters|\w*ss|\w*us|\w*is|\w*ves)$",
    re.I,
)


def _singular_word(word: str) -> str:
    if len(word) < 4 or not word.endswith("s") or _KEEP_PLURAL.fullmatch(word):
        return word
    if word.endswith("ies"):
        return word[:-3] + ("Y" if word.isupper() else "y")
    if re.search(r"(?:ch|sh|x|ss)es$", word):
        return word[:-2]
    return word[:-1]


def singular(title: str) -> str:
    """A plural occupation name as one role: 'Dental Hygienists' -> 'Dental Hygienist'."""
    head, sep, tail = title.partition(" of ")
    parts = re.split(r"(\s+and\s+|\s*,\s*(?:and\s+)?|\s*/\s*)", head)
    for i in range(0, len(parts), 2):
        words = parts[i].split(" ")
        words[-1] = _singular_word(words[-1])
        parts[i] = " ".join(words)
    return "".join(parts) + sep + tail


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
