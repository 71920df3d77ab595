"""English prose helpers: 'a' or 'an' by sound, and which words keep their capital mid-sentence.

`article` reads a spelled acronym by its first letter's name ("an RN", "an MBA", "a UX designer"),
a number by how it is said ("an 8-week", "an 11-bed") and any other word by its first vowel letter,
with the usual exceptions ("a university", "a one-time", "an hour"). Acronyms said as words
("a HIPAA audit", "a NICU nurse") read as words. `keeps_capital` decides whether a sentence's first
word stays capitalised when it moves mid-sentence ("a Spanish-speaking LPN").
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import inflect


@cache
def _inflect() -> inflect.engine:
    # inflect decorates its methods with typeguard's @typechecked, which re-parses and recompiles
    # the whole module once per method: ~1.3 s of every cold process (every batch worker) that
    # writes a cover letter. Imported with a pass-through decorator it takes ~40 ms; we call it
    # with plain strings, so the argument checks it skips never fired anyway.
    import typeguard

    typechecked = typeguard.typechecked
    typeguard.typechecked = lambda target=None, **_: target or (lambda function: function)  # type: ignore[assignment]
    try:
        import inflect
    finally:
        typeguard.typechecked = typechecked
    return inflect.engine()


# Letters whose spoken name starts with a vowel sound: "an F", "an H", "an R" (eff, aitch, ar).
_VOWEL_NAMED = frozenset("AEFHILMNORSX")
# Acronyms said as a word, not letter by letter: their article follows the word's sound.
_SPOKEN = frozenset(
    re.findall(r"\S+", "HIPAA NASA FEMA HEDIS NICU PICU SICU MICU CICU OSHA UNICEF SNAP")
)
# Vowel-initial words said with a consonant ("you", "wun"): "a university", "a one-time".
_YOU = ("uni", "use", "usu", "usa", "uti", "uri", "uro", "ura", "ure", "eu", "ubiq", "ukrain")
_NOT_YOU = ("unin", "unim", "unident")  # "un-" + "in...": "an uninsured patient"
_ONE = re.compile(r"^(?:one|once)(?:$|[-\s])")
# Consonant-initial words said with a vowel (silent h): "an hour", "an honor".
_SILENT_H = ("hour", "honest", "honor", "honour", "heir")
# Languages, nationalities and regions: proper adjectives, so "Spanish-speaking" keeps its capital.
PROPER_ADJECTIVES = frozenset(
    re.findall(
        r"\S+",
        "english spanish french german italian portuguese russian polish ukrainian arabic hebrew "
        "farsi persian hindi urdu punjabi bengali gujarati tamil telugu mandarin cantonese chinese "
        "japanese korean vietnamese tagalog filipino haitian creole somali amharic swahili navajo "
        "american african asian european latin hispanic caribbean canadian mexican",
    )
)
_MID_CAPITAL = re.compile(r"(?<=[a-z,;:] )([A-Z][\w'-]*)")


def acronym(word: str) -> bool:
    """EHR, HIPAA's, MyChart: all capitals, or a capital inside a hyphen-free part."""
    for part in re.split(r"[-/]", word):
        letters = [c for c in part if c.isalpha()]
        if len(letters) >= 2 and (
            all(c.isupper() for c in letters) or any(c.isupper() for c in letters[1:])
        ):
            return True
    return False


def _spelled(part: str) -> bool:
    """True for a part read letter by letter: 'RN', 'MBAs', 'HR', 'X' (of 'X-ray')."""
    bare = re.sub(r"(?<=[A-Z])(?:['’]?s)$", "", part)
    if len(bare) == 1:
        return bare.isalpha()
    return bare.isalpha() and bare.isupper() and bare.upper() not in _SPOKEN


def _number_article(digits: str) -> str:
    """'an' for numbers said with a vowel: 8, 80, 800, 11, 18, 1800s, 11,000."""
    if digits.startswith("8") or (digits[:2] in ("11", "18") and len(digits) in (2, 4, 5)):
        return "an"
    return "a"


def article(phrase: str) -> str:
    """'a' or 'an' for a phrase, by the sound of its first word ('an RN', 'a UX designer')."""
    word = re.sub(r"^[^\w$]+", "", phrase.strip()).split(" ", 1)[0]
    part = re.split(r"[-/]", word, maxsplit=1)[0]
    if not part:
        return "a"
    if part[0].isdigit():
        return _number_article(re.sub(r"[^\d,].*$", "", part).replace(",", ""))
    if _spelled(part) and (len(part) > 1 or part != word or part.isupper()):
        return "an" if part[0].upper() in _VOWEL_NAMED else "a"
    low = word.lower()
    if low.startswith(_SILENT_H):
        return "an"
    if _ONE.match(low) or (low.startswith(_YOU) and not low.startswith(_NOT_YOU)):
        return "a"
    if not low[:1].isalpha():
        return "a"
    # inflect knows the ordinary words' sounds ("a European", "an heir", "a user").
    return _inflect().a(low).split(" ", 1)[0]


def mid_sentence_capitals(texts: Iterable[str]) -> set[str]:
    """Words capitalised after a lower-case word or a comma: 'in Epic', 'for Spanish-speaking'."""
    return {m[1] for text in texts for m in _MID_CAPITAL.finditer(text)}


def keeps_capital(word: str, proper: Collection[str] = frozenset()) -> bool:
    """True when a capitalised word is proper mid-sentence: an acronym, a word in `proper`, or a
    hyphenated word led by a proper adjective ('Spanish-speaking')."""
    bare = re.sub(r"['’]s$", "", word.strip(".,;:!?()\"'“”"))
    if not bare[:1].isupper():
        return False
    if acronym(bare) or bare in proper:
        return True
    head, hyphen, _ = bare.partition("-")
    return bool(hyphen) and (head in proper or head.lower() in PROPER_ADJECTIVES)
