"""Document file names a recruiter can file: ``Maria-Santos-Resume.pdf``, or plain ``resume.pdf``.

Application portals and recruiters keep hundreds of files called ``resume.pdf``; a name that says
whose document it is and what it is survives being downloaded next to the others. Latin names are
folded to ASCII (``Zoë Ångström`` -> ``Zoe-Angstrom``), the most portable choice; a word in another
script (``张伟``, ``محمد``, ``प्रिया``) keeps its own letters and digits, since an ASCII guess
would be wrong or empty. Only letters, combining marks and digits reach the name, joined by ``-``:
no separators, dots, controls, bidi overrides or joiners, so it is safe on every file system.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

FileNames = Literal["named", "plain"]
PLAIN_STEMS: dict[str, str] = {
    "resume": "resume",
    "cover": "cover-letter",
    "interview": "interview-prep",
    "report": "gap-report",
}
NAMED_STEMS: dict[str, str] = {
    "resume": "Resume",
    "cover": "Cover-Letter",
    "interview": "Interview-Prep",
    "report": "Gap-Report",
}
MATCH_FILE = "match.json"  # a data file for machines: its name never changes
MAX_NAME_BYTES = 120  # leaves room for "-Interview-Prep.docx" under every file system's 255
# Letters with no Unicode decomposition to ASCII that are common in Latin-script names.
_LATIN_EXTRA = str.maketrans(
    {"ß": "ss", "Ø": "O", "ø": "o", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "Ł": "L",
     "ł": "l", "Đ": "D", "đ": "d", "Þ": "Th", "þ": "th", "Ð": "D", "ð": "d", "ı": "i"}
)  # fmt: skip
_APOSTROPHES = re.compile(r"['’ʼ`]")


def _is_word_char(char: str) -> bool:
    return unicodedata.category(char)[0] in "LMN"


def _words(text: str) -> list[str]:
    """Runs of letters, marks and digits; apostrophes join (O'Brien -> OBrien), the rest splits."""
    text = _APOSTROPHES.sub("", unicodedata.normalize("NFC", text))
    words, current = [], ""
    for char in text:
        if _is_word_char(char):
            current += char
        elif current:
            words.append(current)
            current = ""
    return [*words, current] if current else words


def _fold(word: str) -> str:
    """The ASCII spelling of a Latin word (accents dropped), or the word itself in other scripts."""
    decomposed = unicodedata.normalize("NFKD", word.translate(_LATIN_EXTRA))
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    return base if base.isascii() and base.isalnum() else word


def name_part(candidate: str) -> str:
    """``Maria Santos`` -> ``Maria-Santos``; empty when the name holds no letter or digit."""
    out = ""
    for word in (_fold(w) for w in _words(candidate)):
        joined = f"{out}-{word}" if out else word
        if len(joined.encode("utf-8")) > MAX_NAME_BYTES:
            break
        out = joined
    return out


def document_name(kind: str, fmt: str, candidate: str, style: FileNames = "named") -> str:
    """The file name of one document: ``Maria-Santos-Resume.pdf`` or, plain, ``resume.pdf``."""
    if style == "plain":
        return f"{PLAIN_STEMS[kind]}.{fmt}"
    person = name_part(candidate)
    stem = f"{person}-{NAMED_STEMS[kind]}" if person else NAMED_STEMS[kind]
    return f"{stem}.{fmt}"


def every_name(kind: str, fmt: str, candidate: str) -> set[str]:
    """Every name this document may have had, in any style: older copies to replace."""
    return {document_name(kind, fmt, candidate, style) for style in ("named", "plain")}
